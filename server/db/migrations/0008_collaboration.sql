CREATE TABLE "collaboration_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"tenant_id" uuid,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collaboration_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"party_id" uuid,
	"role" text NOT NULL,
	"user_id" uuid,
	"tenant_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collaboration_tenants" (
	"collaboration_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	CONSTRAINT "collaboration_tenants_collaboration_id_tenant_id_pk" PRIMARY KEY("collaboration_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "collaborations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_tenant_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collaboration_parties" ADD CONSTRAINT "collaboration_parties_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_parties" ADD CONSTRAINT "collaboration_parties_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_parties" ADD CONSTRAINT "collaboration_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_people" ADD CONSTRAINT "collaboration_people_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_people" ADD CONSTRAINT "collaboration_people_party_id_collaboration_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."collaboration_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_people" ADD CONSTRAINT "collaboration_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_people" ADD CONSTRAINT "collaboration_people_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_tenants" ADD CONSTRAINT "collaboration_tenants_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_tenants" ADD CONSTRAINT "collaboration_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_tenants" ADD CONSTRAINT "collaboration_tenants_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_tenants" ADD CONSTRAINT "collaboration_tenants_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_owner_tenant_id_tenants_id_fk" FOREIGN KEY ("owner_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collaboration_parties_collaboration_idx" ON "collaboration_parties" USING btree ("collaboration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_parties_org_uidx" ON "collaboration_parties" USING btree ("collaboration_id","organisation_id") WHERE "collaboration_parties"."organisation_id" is not null and "collaboration_parties"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "collaboration_people_collaboration_idx" ON "collaboration_people" USING btree ("collaboration_id");--> statement-breakpoint
CREATE INDEX "collaboration_people_user_idx" ON "collaboration_people" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_people_user_role_uidx" ON "collaboration_people" USING btree ("collaboration_id","user_id","role") WHERE "collaboration_people"."user_id" is not null and "collaboration_people"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "collaboration_tenants_tenant_idx" ON "collaboration_tenants" USING btree ("tenant_id","status");