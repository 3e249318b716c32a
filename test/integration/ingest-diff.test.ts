// What one scan does to its asset's issues, step by step on a real database: created, updated,
// reopened, resolved, deleted; and the detector catalogue the issue table filters by.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { assets } from "@/db/schema";
import { applyFindings, retireMissing, upsertDetectors } from "@/lib/issues/diff";
import { prepareFindings } from "@/lib/issues/identity";
import { parseIngest } from "@/lib/issues/schemas";

const ASSET = "github.com/acme/diff";
beforeEach(async () => {
  await db.execute(sql`delete from issues`);
  await db.execute(sql`delete from detectors`);
  await db.execute(sql`delete from assets`);
  await db.insert(assets).values({ id: ASSET, name: "acme/diff", kind: "code" });
});

type F = { fp: string; path: string; severity?: "error" | "warning" | "info"; content?: string; name?: string };
const finding = ({ fp, path, severity = "error", content = `key ${fp}`, name = "Visible AWS Key" }: F) => ({
  detectorId: "CLD001",
  detectorName: name,
  severity,
  path,
  content,
  uri: `https://github.com/acme/diff/blob/main/${path}`,
  fingerprint: fp,
});

/** One scan, as an ingest applies it: in one transaction. Answers the fingerprints per outcome. */
async function scan(found: F[], files?: string[]) {
  const input = parseIngest({ asset: { id: ASSET, kind: "code" }, files, findings: found.map(finding) });
  const prepared = prepareFindings(input.findings);
  const result = await db.transaction(async (tx) => {
    await upsertDetectors(tx, prepared);
    const applied = await applyFindings(tx, ASSET, "code", prepared);
    const retired = await retireMissing(tx, ASSET, input.files);
    return { ...applied, ...retired };
  });
  const byId = Object.fromEntries(
    (await rows<{ id: string; identity: string }>(db, sql`select id, identity from issues`)).map((r) => [
      r.id,
      r.identity,
    ]),
  );
  const fps = (list: { id: string }[]) => list.map((i) => (byId[i.id] ?? "").replace(/^fp:/, "")).sort();
  return {
    created: fps(result.created),
    updated: fps(result.updated),
    reopened: fps(result.updated.filter((u) => "reopened" in u && u.reopened)),
    resolved: fps(result.resolved),
    deleted: result.deleted.map((d) => d.path).sort(),
    raw: result,
  };
}

const statusOf = async () =>
  Object.fromEntries(
    (
      await rows<{ identity: string; status: string; deleted: boolean }>(
        db,
        sql`select identity, status, deleted_at is not null as deleted from issues`,
      )
    ).map((r) => [r.identity, r.deleted ? "deleted" : r.status]),
  );

describe("one scan of an asset", () => {
  it("creates an issue per new finding, with what the notifications show", async () => {
    const first = await scan([
      { fp: "a", path: "src/a.ts" },
      { fp: "b", path: "src/b.ts", severity: "warning" },
    ]);
    expect(first).toMatchObject({ created: ["a", "b"], updated: [], resolved: [], deleted: [] });
    expect(first.raw.created.find((c) => c.path === "src/b.ts")).toEqual({
      id: expect.any(String),
      assetId: ASSET,
      detectorId: "CLD001",
      detectorName: "Visible AWS Key",
      severity: "warning",
      path: "src/b.ts",
      uri: "https://github.com/acme/diff/blob/main/src/b.ts",
    });
  });

  it("updates an issue whose severity, link or content changed, and leaves an unchanged one alone", async () => {
    await scan([
      { fp: "same", path: "s.ts" },
      { fp: "sev", path: "v.ts" },
      { fp: "content", path: "c.ts" },
    ]);
    const second = await scan([
      { fp: "same", path: "s.ts" },
      { fp: "sev", path: "v.ts", severity: "info" },
      { fp: "content", path: "c.ts", content: "key rotated" },
    ]);
    expect(second).toMatchObject({ created: [], updated: ["content", "sev"], reopened: [], resolved: [], deleted: [] });
    expect(second.raw.updated.every((u) => !("reopened" in u))).toBe(true);
  });

  it("resolves an issue the scan no longer reports, and reopens it when it comes back", async () => {
    await scan([
      { fp: "stays", path: "s.ts" },
      { fp: "flaky", path: "f.ts" },
    ]);
    expect(await scan([{ fp: "stays", path: "s.ts" }])).toMatchObject({ resolved: ["flaky"], deleted: [] });
    expect(await statusOf()).toEqual({ "fp:stays": "open", "fp:flaky": "resolved" });
    // Resolved already: a second scan without it says nothing more about it.
    expect(await scan([{ fp: "stays", path: "s.ts" }])).toMatchObject({ updated: [], resolved: [] });
    const back = await scan([
      { fp: "stays", path: "s.ts" },
      { fp: "flaky", path: "f.ts" },
    ]);
    expect(back).toMatchObject({ created: [], updated: ["flaky"], reopened: ["flaky"] });
    expect(await statusOf()).toEqual({ "fp:stays": "open", "fp:flaky": "open" });
  });

  it("with `files`, deletes an unreported issue whose file is gone and resolves one whose file remains", async () => {
    await scan([
      { fp: "kept-file", path: "keep.ts" },
      { fp: "gone-file", path: "gone.ts" },
      { fp: "found", path: "found.ts" },
    ]);
    const result = await scan([{ fp: "found", path: "found.ts" }], ["keep.ts", "found.ts", "keep.ts"]);
    expect(result).toMatchObject({ resolved: ["kept-file"], deleted: ["gone.ts"] });
    const status = await statusOf();
    expect(status["fp:kept-file"]).toBe("resolved");
    expect(Object.entries(status).filter(([, s]) => s === "deleted")).toHaveLength(1);
    // The deleted issue's identity no longer matches: the same finding later is a new issue.
    expect(
      await scan([
        { fp: "gone-file", path: "gone.ts" },
        { fp: "found", path: "found.ts" },
      ]),
    ).toMatchObject({
      created: ["gone-file"],
    });
  });

  it("without `files`, never deletes: every unreported issue is resolved", async () => {
    await scan([{ fp: "x", path: "x.ts" }]);
    expect(await scan([])).toMatchObject({ resolved: ["x"], deleted: [] });
    expect(await statusOf()).toEqual({ "fp:x": "resolved" });
  });

  it("names each detector as the latest scan does", async () => {
    await scan([{ fp: "a", path: "a.ts", name: "Old name" }]);
    await scan([{ fp: "a", path: "a.ts", name: "New name", severity: "warning" }]);
    expect(await rows(db, sql`select id, name, severity from detectors`)).toEqual([
      { id: "CLD001", name: "New name", severity: "warning" },
    ]);
  });
});
