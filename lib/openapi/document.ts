import { createDocument } from "zod-openapi";
import { findingPaths } from "./paths-findings";
import { settingsPaths } from "./paths-settings";

type OpenApiDocument = ReturnType<typeof createDocument>;
let cached: OpenApiDocument | undefined;

/**
 * The REST API's OpenAPI 3.1 document, generated from the zod schemas the routes parse with and
 * those describing their answers (lib/openapi/components.ts). Served at /api/v1/openapi.json and
 * rendered at /code-security/settings/api-reference. A test holds it to the route files and to
 * every answer the integration suites get.
 */
export function openApiDocument(): OpenApiDocument {
  cached ??= createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Code Security API",
        version: "1.0.0",
        description:
          'Scanners post findings to `/api/v1/ingest`; administrators script teams, integrations and tokens. Every call takes a personal API token: `Authorization: Bearer <token>` (Settings → API tokens). Errors are `{"error": {"code", "message", "fields"?}}` and never carry a stack trace or a stored secret. Bodies are JSON; at most 10 MiB for ingest, 1 MiB for the vendor webhooks, 64 KiB elsewhere.',
      },
      servers: [{ url: "/", description: "This server" }],
      security: [{ bearerAuth: [] }],
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (cs_…)" } },
      },
      tags: [
        { name: "Ingest", description: "A scanner sends each full scan of an asset here." },
        { name: "Issues" },
        { name: "Assets" },
        { name: "Tickets", description: "Jira tickets and monday.com items made from an issue" },
        { name: "Deliveries", description: "What went out to each integration, with every attempt" },
        { name: "Integrations" },
        { name: "Scanning", description: "Secret scanning of Jira and Confluence" },
        { name: "People", description: "Teams, people and API tokens" },
        { name: "Vendor webhooks" },
        { name: "Reference" },
      ],
      paths: { ...findingPaths, ...settingsPaths },
    },
    {
      // JSON carries times as ISO 8601 strings (`since`, say), which the routes coerce to dates.
      override: ({ jsonSchema, zodSchema }) => {
        if (zodSchema._zod.def.type === "date") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
  return cached;
}
