import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ingestScan } from "@/lib/issues/ingest";

// The body is validated by the ingest service itself, which names unknown fields one by one.
export const POST = apiRoute({ body: z.unknown() }, async ({ principal, body }) => ingestScan(principal, body));
