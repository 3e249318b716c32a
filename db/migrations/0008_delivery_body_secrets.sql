ALTER TABLE "deliveries" ADD COLUMN "body_secrets" jsonb;
--> statement-breakpoint
-- Bodies logged before 0008 hold PagerDuty routing keys in clear (issue 12.4): mask them as the
-- worker now does. A pending one loses its body instead and is rebuilt, key and all, at its next attempt.
UPDATE "deliveries" SET "body" = regexp_replace("body", '"routing_key":"[^"]*([^"]{4})"', '"routing_key":"••••\1"', 'g')
WHERE "provider" = 'pagerduty' AND "body" IS NOT NULL AND "status" <> 'pending';--> statement-breakpoint
UPDATE "deliveries" SET "body" = NULL WHERE "provider" = 'pagerduty' AND "body" IS NOT NULL AND "status" = 'pending';
--> statement-breakpoint
-- Room in every page for a claimed row's new version (issue 17): the claim then updates in place
-- (a HOT update, no index touched) instead of writing an entry into each of the six indexes.
ALTER TABLE "deliveries" SET (fillfactor = 50);
