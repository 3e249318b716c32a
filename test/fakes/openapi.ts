// A small OpenAPI 3.0 operation matcher + request validator shared by the Jira, Confluence and
// PagerDuty fakes. It matches a request to a path template, then checks path/query parameters and
// the JSON request body against the vendor's own spec with ajv (draft-07 after converting the
// OpenAPI-only keywords such as `nullable`).
import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;
// ajv-formats is CommonJS; under ESM interop its default export may be nested one level deeper.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** The specs live in the repository (test/vendor-specs, with their sources and licences). */
export function vendorSpecsDir(): string {
  return path.resolve(import.meta.dirname, "../vendor-specs");
}

const jsonCache = new Map<string, unknown>();
export function loadSpecFile(file: string): unknown {
  const full = path.join(vendorSpecsDir(), file);
  if (!jsonCache.has(full)) jsonCache.set(full, JSON.parse(fs.readFileSync(full, "utf8")));
  return jsonCache.get(full);
}

export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
  addFormats(ajv);
  // OpenAPI formats that ajv-formats does not know: numeric ranges and opaque strings.
  ajv.addFormat("url", ajv.formats.uri ?? true);
  for (const f of ["int32", "int64", "double", "float", "byte", "binary", "string"]) {
    if (!ajv.formats[f]) ajv.addFormat(f, true);
  }
  return ajv;
}

/**
 * Deep-copies an OpenAPI 3.0 schema into draft-07: `nullable`, local $refs rewritten to `refBase`,
 * and `oneOf` read as `anyOf`.
 *
 * Vendor specs use `oneOf` to say "one of these shapes", not "exactly one": Confluence v2's page
 * update body is `oneOf: [PageBodyWrite, PageNestedBodyWrite]`, neither with a required property,
 * so every body matches both and draft-07's exactly-one rule refuses all of them, while Confluence
 * takes `{representation, value}`. Lenient OpenAPI validators (and the vendors' own deserialisers)
 * ask only that a value fits some branch; so do we. The branches themselves are still checked, so a
 * body that fits none (a wrong type, a value outside an enum) is still a violation. With the
 * `discriminator` gone (it is dropped above), nothing else here relied on exactly-one.
 */
export function toJsonSchema(node: unknown, refBase: string): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, refBase));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === "example" || k === "examples" || k === "discriminator" || k === "xml") continue;
    if (k === "$ref" && typeof v === "string" && v.startsWith("#")) out[k] = refBase + v;
    else if (k === "oneOf" && Array.isArray(v))
      out.anyOf = mergeAnyOf(out.anyOf, toJsonSchema(v, refBase) as unknown[]);
    else if (k === "anyOf" && Array.isArray(v))
      out.anyOf = mergeAnyOf(out.anyOf, toJsonSchema(v, refBase) as unknown[]);
    else out[k] = toJsonSchema(v, refBase);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else if (!out.type) {
      return { anyOf: [out, { type: "null" }] };
    }
  }
  return out;
}

/** A node with both `oneOf` and `anyOf` must fit a branch of each: the second becomes an `allOf` entry. */
function mergeAnyOf(existing: unknown, branches: unknown[]): unknown[] {
  if (!Array.isArray(existing)) return branches;
  return [{ allOf: [{ anyOf: existing }, { anyOf: branches }] }];
}

export function formatAjvErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === "additionalProperties" ? ` (${String(e.params.additionalProperty)})` : "";
    return `${where}${e.instancePath || ""} ${e.message ?? e.keyword}${extra}`;
  });
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}
interface Operation {
  operationId?: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: Json;
}
interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literals: number;
  op: Operation;
}

export interface OperationMatch {
  operationId: string;
  template: string;
  pathParams: Record<string, string>;
}
export interface RequestCheck {
  match?: OperationMatch;
  errors: string[];
}

export class OpenApiValidator {
  private readonly ajv = newAjv();
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly spec: Json;
  private readonly id: string;

  /** `basePath` is the server path the spec's paths are relative to ("/wiki/api/v2", "/v2", ""). */
  constructor(
    specFile: string,
    private readonly basePath = "",
  ) {
    this.spec = loadSpecFile(specFile) as Json;
    this.id = `spec:${specFile}`;
    this.ajv.addSchema({ $id: this.id, ...(toJsonSchema({ components: this.spec.components }, this.id) as Json) });
    const paths = this.spec.paths as Record<string, Record<string, Operation>>;
    for (const [template, item] of Object.entries(paths)) {
      const names: string[] = [];
      const source = (basePath + template)
        .split("/")
        .map((seg) =>
          seg.replace(/\{([^}]+)\}|[^{]+/g, (m, name?: string) => {
            if (!name) return m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
            names.push(name);
            return "([^/]+)";
          }),
        )
        .join("/");
      const literals = template.split("/").filter((s) => s && !s.includes("{")).length;
      for (const [method, op] of Object.entries(item)) {
        if (!["get", "put", "post", "delete", "patch"].includes(method)) continue;
        this.routes.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${source}/?$`),
          names,
          literals,
          op,
        });
      }
    }
    // Prefer `/issue/createmeta/...` over `/issue/{issueIdOrKey}/...`: most literal segments first.
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  match(method: string, pathname: string): (OperationMatch & { route: Route }) | undefined {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const m = route.regex.exec(pathname);
      if (!m) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((n, i) => (pathParams[n] = decodeURIComponent(m[i + 1])));
      return {
        operationId: route.op.operationId ?? `${method} ${route.template}`,
        template: route.template,
        pathParams,
        route,
      };
    }
    return undefined;
  }

  /** Validates one request; `errors` is empty when it conforms to the spec operation. */
  check(method: string, pathname: string, query: URLSearchParams, body: unknown, rawBody: string): RequestCheck {
    const found = this.match(method, pathname);
    if (!found) return { errors: [`${method} ${pathname}: no such operation in the spec`] };
    const { route, ...match } = found;
    const errors: string[] = [];
    for (const raw of route.op.parameters ?? []) {
      const p = this.deref(raw) as Parameter;
      if (p.in !== "path" && p.in !== "query") continue;
      const values = p.in === "path" ? [match.pathParams[p.name]] : query.getAll(p.name);
      if (values.length === 0 || values[0] === undefined) {
        if (p.required) errors.push(`${p.in} parameter '${p.name}' is required`);
        continue;
      }
      const schema = (p.schema ?? {}) as Json;
      const value = coerceParam(values, this.deref(schema) as Json);
      const validate = this.compile(`${route.method} ${route.template} ${p.in}:${p.name}`, schema);
      if (!validate(value)) errors.push(...formatAjvErrors(`${p.in} parameter '${p.name}'`, validate.errors));
    }
    const requestBody = route.op.requestBody && (this.deref(route.op.requestBody) as Json);
    if (requestBody) {
      const content = (requestBody.content ?? {}) as Record<string, { schema?: Json }>;
      const schema = content["application/json"]?.schema;
      if (rawBody.trim() === "") {
        if (requestBody.required) errors.push("request body is required");
      } else if (schema) {
        const validate = this.compile(`${route.method} ${route.template} body`, schema);
        if (!validate(body)) errors.push(...formatAjvErrors("body", validate.errors));
      }
    }
    return { match, errors };
  }

  private compile(key: string, schema: Json): ValidateFunction {
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(schema, this.id) as Json);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  private deref(node: unknown): unknown {
    let cur = node as Json;
    while (cur && typeof cur.$ref === "string" && cur.$ref.startsWith("#/")) {
      cur = cur.$ref
        .slice(2)
        .split("/")
        .reduce<unknown>((o, k) => (o as Json)?.[k], this.spec) as Json;
    }
    return cur;
  }
}

/** Query strings are text; turn them into the JSON types the parameter schema expects. */
function coerceParam(values: string[], schema: Json): unknown {
  if (schema?.type === "array") {
    // Atlassian accepts both `a=1&a=2` (form/explode) and `a=1,2`.
    const items = values.flatMap((v) => v.split(","));
    return items.map((v) => coerceScalar(v, (schema.items ?? {}) as Json));
  }
  return coerceScalar(values[values.length - 1], schema);
}

function coerceScalar(value: string, schema: Json): unknown {
  if ((schema?.type === "integer" || schema?.type === "number") && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema?.type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}
