// @ts-nocheck
import type { Provider } from "../types";
import { confluenceCredentials, testConfluence } from "./client";
import { confluenceForm, confluenceSchema } from "./schema";

// Confluence is scanned, not notified: it sends nothing, so it has no buildRequest.
export const confluence: Provider = {
  id: "confluence",
  name: confluenceForm.name,
  teamLevel: true,
  secretFields: ["apiToken"],
  destinationFields: ["domainUrl"],
  destination: (config) => confluenceCredentials(config).domainUrl,
  schema: confluenceSchema,
  test: testConfluence,
};
