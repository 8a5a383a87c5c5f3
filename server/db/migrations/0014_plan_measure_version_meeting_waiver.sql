ALTER TABLE "plan_measures" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "meeting_waiver_reason" text;