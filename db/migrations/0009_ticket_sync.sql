CREATE TABLE "sync_runs" (
	"integration_id" uuid PRIMARY KEY NOT NULL,
	"next_run_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"claim_id" uuid,
	"lease_until" timestamp (3) with time zone,
	"last_started_at" timestamp (3) with time zone,
	"last_finished_at" timestamp (3) with time zone,
	"last_error" text,
	"checked" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"unlinked" integer DEFAULT 0 NOT NULL,
	"account_id" text
);
--> statement-breakpoint
CREATE TABLE "sync_webhooks" (
	"integration_id" uuid NOT NULL,
	"board_id" text NOT NULL,
	"webhook_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_webhooks_integration_id_board_id_pk" PRIMARY KEY("integration_id","board_id")
);
--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "integration_id" uuid;--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "container" text;--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "status_category" text;--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "resolved_issue" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_tickets" ADD COLUMN "restore_status" text;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_webhooks" ADD CONSTRAINT "sync_webhooks_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_runs_due_idx" ON "sync_runs" USING btree ("next_run_at");--> statement-breakpoint
CREATE INDEX "issue_tickets_key_idx" ON "issue_tickets" USING btree ("provider","key");--> statement-breakpoint
-- Tickets made before sync: the global integration of their tool made them (or the only one there is).
UPDATE "issue_tickets" t SET "integration_id" = (SELECT i."id" FROM "integrations" i WHERE i."provider" = t."provider" ORDER BY i."team_id" NULLS FIRST LIMIT 1),
  "container" = CASE WHEN t."provider" = 'jira' THEN split_part(t."key", '-', 1) ELSE substring(t."url" from '/boards/([0-9]+)/') END
WHERE t."key" <> '';
