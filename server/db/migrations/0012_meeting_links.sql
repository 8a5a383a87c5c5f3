ALTER TABLE "first_meetings" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "proposed_by_event_id" uuid;--> statement-breakpoint
CREATE INDEX "meetings_proposed_idx" ON "meetings" USING btree ("child_id") WHERE "meetings"."proposed_by_event_id" is not null and "meetings"."status" = 'planned';