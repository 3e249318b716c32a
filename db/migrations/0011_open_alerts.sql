CREATE TABLE "open_alerts" (
	"integration_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_alerts_integration_id_issue_id_pk" PRIMARY KEY("integration_id","issue_id")
);
--> statement-breakpoint
ALTER TABLE "open_alerts" ADD CONSTRAINT "open_alerts_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open_alerts_issue_idx" ON "open_alerts" USING btree ("issue_id");--> statement-breakpoint
-- Alerts triggered before this table existed: every open issue at or above a PagerDuty
-- integration's minimum severity, in its scope (a team's integration hears its team's assets).
-- One counted here that never triggered gets a resolve PagerDuty accepts and does nothing with.
INSERT INTO "open_alerts" ("integration_id", "issue_id")
SELECT i."id", s."id"
FROM "integrations" i
JOIN "issues" s ON s."status" = 'open' AND s."deleted_at" IS NULL AND s."severity" <= i."min_severity"
JOIN "assets" a ON a."id" = s."asset_id" AND a."deleted_at" IS NULL
WHERE i."provider" = 'pagerduty' AND (i."team_id" IS NULL OR i."team_id" = a."team_id");
