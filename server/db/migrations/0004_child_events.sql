CREATE TABLE "child_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "child_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"departure_date" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"asylum_status_after" text
);
--> statement-breakpoint
CREATE TABLE "notice_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"uses_isip" boolean DEFAULT false NOT NULL,
	"escalation_working_hours" integer DEFAULT 4 NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_deadlines" ADD CONSTRAINT "child_deadlines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_deadlines" ADD CONSTRAINT "child_deadlines_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_deadlines" ADD CONSTRAINT "child_deadlines_source_event_id_child_events_id_fk" FOREIGN KEY ("source_event_id") REFERENCES "public"."child_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_events" ADD CONSTRAINT "child_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_events" ADD CONSTRAINT "child_events_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_events" ADD CONSTRAINT "child_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_settings" ADD CONSTRAINT "notice_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_settings" ADD CONSTRAINT "notice_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_deadlines_open_uidx" ON "child_deadlines" USING btree ("child_id","kind") WHERE "child_deadlines"."status" = 'open';--> statement-breakpoint
CREATE INDEX "child_deadlines_tenant_due_idx" ON "child_deadlines" USING btree ("tenant_id","status","due_on");--> statement-breakpoint
CREATE INDEX "child_events_child_idx" ON "child_events" USING btree ("child_id","occurred_on");--> statement-breakpoint
CREATE INDEX "child_events_tenant_idx" ON "child_events" USING btree ("tenant_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "child_events_turned_18_uidx" ON "child_events" USING btree ("child_id") WHERE "child_events"."type" = 'turned_18';