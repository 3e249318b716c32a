// The OpenAPI document held to the code: which route file serves which path, and whether an
// answer a route gave is one the document describes (status, and body against its schema).
// The shared API callers of the integration suites check every answer they get with it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { openApiDocument } from "@/lib/openapi/document";

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const root = path.resolve(import.meta.dirname, "../..");
export const API_DIR = path.join(root, "app", "api", "v1");
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every route file under app/api/v1 with the path it serves (`[id]` → `{id}`). */
export function routeFiles(dir = API_DIR, base = dir): { file: string; template: string }[] {
  const found: { file: string; template: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full, base));
    else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
      const segments = path.relative(base, dir).split(path.sep).filter(Boolean);
      const template = ["/api/v1", ...segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
      found.push({ file: full, template });
    }
  }
  return found.sort((a, b) => a.template.localeCompare(b.template));
}

type Served = { method: string; template: string };
let served: Promise<Map<unknown, Served>> | undefined;

/** Each exported handler of every route file, with the method and path it serves. */
export function routeHandlers(): Promise<Map<unknown, Served>> {
  served ??= (async () => {
    const map = new Map<unknown, Served>();
    for (const { file, template } of routeFiles()) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS)
        if (typeof mod[method] === "function") map.set(mod[method], { method, template });
    }
    return map;
  })();
  return served;
}

/** Exported methods of the route files that the document lacks, and documented ones no file serves. */
export async function coverageGaps(dir = API_DIR): Promise<{ undocumented: string[]; unserved: string[] }> {
  const paths = (openApiDocument().paths ?? {}) as Record<string, Record<string, unknown>>;
  const servedOps = new Set<string>();
  const undocumentedOps: string[] = [];
  for (const { file, template } of routeFiles(dir)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] !== "function") continue;
      servedOps.add(`${method} ${template}`);
      if (!paths[template]?.[method.toLowerCase()]) undocumentedOps.push(`${method} ${template}`);
    }
  }
  const documented = Object.entries(paths).flatMap(([template, item]) =>
    HTTP_METHODS.filter((m) => item[m.toLowerCase()]).map((m) => `${m} ${template}`),
  );
  return { undocumented: undocumentedOps, unserved: documented.filter((op) => !servedOps.has(op)) };
}

let ajv: Ajv2020 | undefined;
function validator(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument() as object, "openapi");
  }
  return ajv;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** What is wrong with this answer of `handler` by the document; empty when it is described. */
export async function undocumented(handler: unknown, status: number, body: unknown): Promise<string[]> {
  const route = (await routeHandlers()).get(handler);
  if (!route) return ["this handler is not exported by any route file under app/api/v1"];
  const where = `${route.method} ${route.template} → ${status}`;
  const operation = (
    openApiDocument().paths?.[route.template] as
      Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }> | undefined
  )?.[route.method.toLowerCase()];
  if (!operation) return [`${route.method} ${route.template} is not in the document`];
  const response = operation.responses?.[String(status)];
  if (!response) return [`${where}: this status is not documented`];
  if (!response.content) return body === null ? [] : [`${where}: documented without a body, but answered one`];
  const validate = validator().getSchema(
    `openapi#/${pointer("paths", route.template, route.method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`,
  );
  if (!validate) return [`${where}: no schema`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${where}: body${e.instancePath} ${e.message}${e.keyword === "additionalProperties" ? ` (${String(e.params.additionalProperty)})` : ""}`,
  );
}

/** Throw unless the document describes this answer. */
export async function expectDocumented(handler: unknown, status: number, body: unknown): Promise<void> {
  const problems = await undocumented(handler, status, body);
  if (problems.length)
    throw new Error(
      `The answer is not what the OpenAPI document says:\n  ${problems.slice(0, 10).join("\n  ")}\nbody: ${JSON.stringify(body)?.slice(0, 500)}`,
    );
}
