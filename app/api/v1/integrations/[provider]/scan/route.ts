import { apiRoute } from "@/lib/api/handler";
import { cancelScan, scanProgress, startScan } from "@/lib/scanning/jobs";

// Contract §3: POST starts a full scan, GET reports {state, scanned, total, found}; DELETE cancels it.
export const POST = apiRoute({}, ({ principal, params }) => startScan(principal, params.provider, null));
export const GET = apiRoute({}, ({ principal, params }) => scanProgress(principal, params.provider, null));
export const DELETE = apiRoute({}, ({ principal, params }) => cancelScan(principal, params.provider, null));
