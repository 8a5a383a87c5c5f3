-- Besked entries, hub questions and event notes come under the sharing rule: each row gets its owning
-- organisation and its information category. Existing rows are backfilled before NOT NULL is set.
ALTER TABLE "hub_questions" ADD COLUMN "owner_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "hub_questions" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "besked_entries" ADD COLUMN "owner_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "besked_entries" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "child_events" ADD COLUMN "owner_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "child_events" ADD COLUMN "category" text;--> statement-breakpoint
-- Besked: the teller's organisation in the hub; the category from the topic (tenant topics: social services).
UPDATE "besked_entries" e SET
  "owner_organisation_id" = (SELECT m."organisation_id" FROM "hub_members" m WHERE m."id" = e."member_id"),
  "category" = CASE e."topic" WHEN 'asylum_case' THEN 'asylum_case' WHEN 'return' THEN 'asylum_case'
    WHEN 'school' THEN 'school' WHEN 'health' THEN 'health' WHEN 'housing' THEN 'housing'
    ELSE 'social_services' END;--> statement-breakpoint
-- Questions: the creator's organisation in the child's hub, else their first organisation, else the owner's.
UPDATE "hub_questions" q SET
  "owner_organisation_id" = COALESCE(
    (SELECT m."organisation_id" FROM "hub_members" m WHERE m."child_id" = q."child_id" AND m."user_id" = q."created_by"
      ORDER BY m."ended_at" DESC NULLS FIRST, m."created_at" DESC LIMIT 1),
    (SELECT ms."organisation_id" FROM "memberships" ms WHERE ms."user_id" = q."created_by"
      ORDER BY ms."ended_at" DESC NULLS FIRST, ms."created_at" LIMIT 1),
    (SELECT m."organisation_id" FROM "hub_members" m WHERE m."id" = q."owner_member_id")),
  "category" = CASE q."topic" WHEN 'asylum_case' THEN 'asylum_case' WHEN 'return' THEN 'asylum_case'
    WHEN 'school' THEN 'school' WHEN 'health' THEN 'health' WHEN 'housing' THEN 'housing'
    ELSE 'social_services' END;--> statement-breakpoint
-- Events: the recorder's organisation in the child's hub, else their first organisation; Navet's own events
-- (recorded_by null) belong to the hub's social worker, else any member, else the placement, else the tenant.
UPDATE "child_events" ev SET
  "owner_organisation_id" = COALESCE(
    (SELECT m."organisation_id" FROM "hub_members" m WHERE m."child_id" = ev."child_id" AND m."user_id" = ev."recorded_by"
      ORDER BY m."ended_at" DESC NULLS FIRST, m."created_at" DESC LIMIT 1),
    (SELECT ms."organisation_id" FROM "memberships" ms WHERE ms."user_id" = ev."recorded_by"
      ORDER BY ms."ended_at" DESC NULLS FIRST, ms."created_at" LIMIT 1),
    (SELECT m."organisation_id" FROM "hub_members" m WHERE m."child_id" = ev."child_id"
      ORDER BY (m."hub_role" = 'social_worker') DESC, m."ended_at" DESC NULLS FIRST, m."created_at" LIMIT 1),
    (SELECT c."placement_organisation_id" FROM "children" c WHERE c."id" = ev."child_id"),
    (SELECT o."id" FROM "organisations" o WHERE o."tenant_id" = ev."tenant_id" ORDER BY o."created_at" LIMIT 1)),
  "category" = CASE
    WHEN ev."type" IN ('asylum_granted', 'asylum_rejected', 'asylum_rejected_removal', 'appeal_filed', 'decision_final',
      'return_talk_held', 'departure_date_set', 'age_assessment') THEN 'asylum_case'
    WHEN ev."type" = 'school_absence' THEN 'school'
    WHEN ev."type" = 'placement_changed' THEN 'housing'
    ELSE 'social_services' END;--> statement-breakpoint
ALTER TABLE "hub_questions" ALTER COLUMN "owner_organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "hub_questions" ALTER COLUMN "category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "besked_entries" ALTER COLUMN "owner_organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "besked_entries" ALTER COLUMN "category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "child_events" ALTER COLUMN "owner_organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "child_events" ALTER COLUMN "category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "hub_questions" ADD CONSTRAINT "hub_questions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "besked_entries" ADD CONSTRAINT "besked_entries_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_events" ADD CONSTRAINT "child_events_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
