CREATE TABLE "process_map_links" (
	"version_id" uuid NOT NULL,
	"element_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"from_element_id" text,
	"expected_days" integer,
	"working_days" boolean DEFAULT false NOT NULL,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_map_links_version_id_element_id_pk" PRIMARY KEY("version_id","element_id")
);
--> statement-breakpoint
ALTER TABLE "process_map_links" ADD CONSTRAINT "process_map_links_version_id_process_map_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."process_map_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_map_links" ADD CONSTRAINT "process_map_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;