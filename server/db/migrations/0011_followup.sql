CREATE TABLE "followup_targets" (
	"collaboration_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"target" double precision NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_targets_collaboration_id_indicator_pk" PRIMARY KEY("collaboration_id","indicator")
);
--> statement-breakpoint
ALTER TABLE "followup_targets" ADD CONSTRAINT "followup_targets_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_targets" ADD CONSTRAINT "followup_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;