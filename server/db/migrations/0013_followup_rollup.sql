CREATE TABLE "followup_facts" (
	"tenant_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"month" date NOT NULL,
	"child_id" uuid NOT NULL,
	"hit" boolean NOT NULL,
	"hours" numeric
);
--> statement-breakpoint
CREATE TABLE "followup_rollup_state" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "followup_facts" ADD CONSTRAINT "followup_facts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_rollup_state" ADD CONSTRAINT "followup_rollup_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "followup_facts_tenant_indicator_month_idx" ON "followup_facts" USING btree ("tenant_id","indicator","month");