import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as documentRoute } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "@/lib/openapi/document";
import { API_DIR, coverageGaps, undocumented } from "@/test/support/openapi";

describe("the OpenAPI document", () => {
  it("describes every method that every route file under app/api/v1 exports, and nothing else", async () => {
    expect(await coverageGaps()).toEqual({ undocumented: [], unserved: [] });
  });

  it("names a route that a change adds without describing it", async () => {
    // A copy of app/api/v1 with one more route file: the check must name it.
    const copy = mkdtempSync(path.join(tmpdir(), "cs-openapi-"));
    try {
      cpSync(API_DIR, copy, { recursive: true });
      mkdirSync(path.join(copy, "reports", "[id]"), { recursive: true });
      writeFileSync(
        path.join(copy, "reports", "[id]", "route.ts"),
        "export async function GET() { return Response.json({}); }\nexport async function DELETE() { return new Response(null, { status: 204 }); }\n",
      );
      const gaps = await coverageGaps(copy);
      expect(gaps.undocumented).toEqual(["GET /api/v1/reports/{id}", "DELETE /api/v1/reports/{id}"]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("is OpenAPI 3.1 with a bearer scheme, and its every answer schema compiles", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [template, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, { responses?: Record<string, unknown> }>)) {
        expect(Object.keys(op.responses ?? {}).length, `${method} ${template}`).toBeGreaterThan(0);
      }
    }
    // An error body checks against the shared Error schema, wherever it is documented.
    const answer = { error: { code: "not_found", message: "Issue not found" } };
    const { GET: getIssue } = await import("@/app/api/v1/issues/[id]/route");
    expect(await undocumented(getIssue, 404, answer)).toEqual([]);
    expect(await undocumented(getIssue, 404, { error: { message: "no code" } })).not.toEqual([]);
    expect(await undocumented(getIssue, 503, answer)).toEqual([
      "GET /api/v1/issues/{id} → 503: this status is not documented",
    ]);
  });

  it("is served at /api/v1/openapi.json, and describes its own answer", async () => {
    const response = documentRoute();
    expect(response.status).toBe(200);
    const served = await response.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(await undocumented(documentRoute, 200, served)).toEqual([]);
  });
});
