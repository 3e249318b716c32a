CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at_ms" double precision NOT NULL,
	"next_slot_ms" double precision DEFAULT 0 NOT NULL
);
