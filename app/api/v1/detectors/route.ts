import { apiRoute } from "@/lib/api/handler";
import { ALL_DETECTORS } from "@/lib/detectors/catalogue";

// The built-in detection catalogue, for anyone signed in: what each kind is and what to do about it.
export const GET = apiRoute({}, async () => ({ items: ALL_DETECTORS }));
