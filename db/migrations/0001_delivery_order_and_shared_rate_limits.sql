CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at_ms" double precision NOT NULL,
	"next_slot_ms" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "after_earlier" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "deliveries_pending_integration_idx" ON "deliveries" USING btree ("integration_id","id") WHERE status = 'pending';