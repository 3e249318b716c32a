CREATE TABLE "content_masking" (
	"asset_id" text PRIMARY KEY NOT NULL,
	"ruleset" text NOT NULL,
	"masked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_masking" ADD CONSTRAINT "content_masking_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;