import { apiRoute } from "@/lib/api/handler";
import { cancelScan, scanProgress, startScan } from "@/lib/scanning/jobs";

export const POST = apiRoute({}, ({ principal, params }) => startScan(principal, params.provider, params.teamId));
export const GET = apiRoute({}, ({ principal, params }) => scanProgress(principal, params.provider, params.teamId));
export const DELETE = apiRoute({}, ({ principal, params }) => cancelScan(principal, params.provider, params.teamId));
