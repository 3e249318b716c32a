CREATE TABLE "sign_in_attempts" (
	"email" text NOT NULL,
	"address" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_attempts_email_address_pk" PRIMARY KEY("email","address")
);
--> statement-breakpoint
DROP TABLE "login_throttle" CASCADE;