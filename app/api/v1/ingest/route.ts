import { z } from "zod";
import { BODY_LIMITS } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { requireAdmin } from "@/lib/auth/principal";
import { ingestScan } from "@/lib/issues/ingest";

// The body is validated by the ingest service itself, which names unknown fields one by one.
export const POST = apiRoute(
  { body: z.unknown(), maxBytes: BODY_LIMITS.ingest, authorize: ({ principal }) => requireAdmin(principal) },
  async ({ principal, body, request }) =>
    ingestScan(principal, body, { idempotencyKey: request.headers.get("idempotency-key") }),
);
