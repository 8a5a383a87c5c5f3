CREATE TABLE "checklist_outcomes" (
	"child_id" uuid NOT NULL,
	"item" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"done" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_outcomes_child_id_item_pk" PRIMARY KEY("child_id","item")
);
--> statement-breakpoint
CREATE TABLE "first_meetings" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proposed_on" date,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"text" text NOT NULL,
	"topic" text,
	"owner_member_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"drop_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"label_sv" text NOT NULL,
	"label_en" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topic_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"responsible_member_id" uuid,
	"fallback_member_id" uuid,
	"shareable_with_civil_society" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"burnt_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"redeemed_at" timestamp with time zone,
	"session_hash" text,
	"session_expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "interpreter_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hub_members" ADD COLUMN "availability" text;--> statement-breakpoint
ALTER TABLE "hub_members" ADD COLUMN "preferred_channel" text;--> statement-breakpoint
ALTER TABLE "hub_members" ADD COLUMN "contact_detail" text;--> statement-breakpoint
ALTER TABLE "hub_members" ADD COLUMN "agreement_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checklist_outcomes" ADD CONSTRAINT "checklist_outcomes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_outcomes" ADD CONSTRAINT "checklist_outcomes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_outcomes" ADD CONSTRAINT "checklist_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_meetings" ADD CONSTRAINT "first_meetings_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_meetings" ADD CONSTRAINT "first_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_questions" ADD CONSTRAINT "hub_questions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_questions" ADD CONSTRAINT "hub_questions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_questions" ADD CONSTRAINT "hub_questions_owner_member_id_hub_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."hub_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_questions" ADD CONSTRAINT "hub_questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_topics" ADD CONSTRAINT "tenant_topics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_assignments" ADD CONSTRAINT "topic_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_assignments" ADD CONSTRAINT "topic_assignments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_assignments" ADD CONSTRAINT "topic_assignments_responsible_member_id_hub_members_id_fk" FOREIGN KEY ("responsible_member_id") REFERENCES "public"."hub_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_assignments" ADD CONSTRAINT "topic_assignments_fallback_member_id_hub_members_id_fk" FOREIGN KEY ("fallback_member_id") REFERENCES "public"."hub_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_questions_child_idx" ON "hub_questions" USING btree ("child_id","status");--> statement-breakpoint
CREATE INDEX "hub_questions_owner_idx" ON "hub_questions" USING btree ("owner_member_id","status");--> statement-breakpoint
CREATE INDEX "tenant_topics_tenant_idx" ON "tenant_topics" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "topic_assignments_child_topic_uidx" ON "topic_assignments" USING btree ("child_id","topic");--> statement-breakpoint
CREATE UNIQUE INDEX "child_links_token_uidx" ON "child_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "child_links_session_uidx" ON "child_links" USING btree ("session_hash");--> statement-breakpoint
CREATE INDEX "child_links_child_idx" ON "child_links" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_members_open_uidx" ON "hub_members" USING btree ("child_id","user_id") WHERE "hub_members"."ended_at" is null;