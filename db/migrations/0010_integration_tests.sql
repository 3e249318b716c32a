CREATE TABLE "integration_tests" (
	"provider" text NOT NULL,
	"team_id" uuid,
	"fingerprint" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"error" text,
	CONSTRAINT "integration_tests_scope_uq" UNIQUE NULLS NOT DISTINCT("provider","team_id")
);
--> statement-breakpoint
ALTER TABLE "integration_tests" ADD CONSTRAINT "integration_tests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;