import { sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { maskTexts } from "@/lib/detectors/detect";
import { RULESET_VERSION } from "@/lib/detectors/ruleset";
import { findingIdentity } from "./identity";

/**
 * Every finding's content is masked before it is stored, whatever sent it (contract §3): each
 * secret the engine recognises keeps at most 4 characters of each end. Masking is deterministic, so
 * an identity built on the masked content (detectorId + path + content) matches the same finding
 * on every ingest.
 */
export async function maskFindingContents<T extends { content: string }>(findings: T[]): Promise<T[]> {
  const masked = await maskTexts(findings.map((f) => f.content));
  return findings.map((f, i) => (masked[i] === f.content ? f : { ...f, content: masked[i] }));
}

const PAGE = 2000;

/**
 * Bring an asset's stored issues up to the current ruleset: issues stored before masking existed
 * (or before a rule that now recognises something in them) get their content masked, and an
 * identity built on that content moves with it, so the next ingest of the same finding still
 * matches its issue. Silent (no events, `updated_at` kept): nothing about the finding changed.
 * Call inside the transaction that holds the asset's row lock.
 */
export async function remaskAsset(tx: Executor, assetId: string): Promise<void> {
  const [marker] = await rows<{ ruleset: string }>(
    tx,
    sql`select ruleset from content_masking where asset_id = ${assetId}`,
  );
  if (marker?.ruleset === RULESET_VERSION) return;
  const taken = new Set(
    (await rows<{ identity: string }>(tx, sql`select identity from issues where asset_id = ${assetId}`)).map(
      (r) => r.identity,
    ),
  );
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const page = await rows<{ id: string; identity: string; detectorId: string; path: string; content: string }>(
      tx,
      sql`select id, identity, detector_id as "detectorId", path, content from issues
          where asset_id = ${assetId} and id > ${after}::uuid order by id limit ${PAGE}`,
    );
    if (!page.length) break;
    after = page[page.length - 1].id;
    const masked = await maskTexts(page.map((r) => r.content));
    const changes = page.flatMap((row, i) => {
      if (masked[i] === row.content) return [];
      let identity = row.identity;
      if (identity.startsWith("h:")) {
        const moved = findingIdentity({ detectorId: row.detectorId, path: row.path, content: masked[i] });
        // Two old contents that mask alike would collide: the later one keeps its old identity
        // (and is resolved when a scan no longer reports it), rather than failing the ingest.
        if (!taken.has(moved)) {
          taken.delete(identity);
          taken.add(moved);
          identity = moved;
        }
      }
      return [{ id: row.id, content: masked[i], identity }];
    });
    if (changes.length) {
      await tx.execute(sql`update issues i set content = x.content, identity = x.identity
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as x(id uuid, content text, identity text) where i.id = x.id`);
    }
  }
  await tx.execute(sql`insert into content_masking (asset_id, ruleset) values (${assetId}, ${RULESET_VERSION})
    on conflict (asset_id) do update set ruleset = excluded.ruleset, masked_at = now()`);
}

/**
 * The startup backfill: every asset whose issues were stored under no ruleset or an older one, one
 * transaction per asset (its row locked, so an ingest of it waits and then finds it done).
 */
export async function remaskOutdatedAssets(log: (line: string) => void = () => {}): Promise<number> {
  const outdated = await rows<{ id: string }>(
    db,
    sql`select a.id from assets a left join content_masking m on m.asset_id = a.id
        where m.ruleset is distinct from ${RULESET_VERSION} and exists (select 1 from issues i where i.asset_id = a.id)`,
  );
  for (const { id } of outdated) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select id from assets where id = ${id} for update`);
      await remaskAsset(tx, id);
    });
  }
  if (outdated.length)
    log(`masked the stored finding contents of ${outdated.length} asset(s) under detection ruleset ${RULESET_VERSION}`);
  return outdated.length;
}
