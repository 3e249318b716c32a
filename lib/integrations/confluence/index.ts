import type { Provider } from "../types";
import { testConfluence } from "./client";
import { confluenceForm, confluenceSchema } from "./schema";

// Confluence is scanned, not notified: it sends nothing, so it has no buildRequest.
export const confluence: Provider = {
  id: "confluence",
  name: confluenceForm.name,
  teamLevel: true,
  secretFields: ["apiToken"],
  schema: confluenceSchema,
  test: testConfluence,
};
