import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { IssueTicket } from "@/lib/issues/queries";
import type { TicketProviderId as TicketProvider } from "@/lib/integrations/registry";

// A claim is an `issue_tickets` row whose key is still empty: the (issue, provider) primary key
// lets only one request hold it, so two clicks (or two servers) never make two tickets. A vendor
// call lasts at most 10 s, so waiting 15 s for another request's claim covers it; a claim older
// than a minute belongs to a process that died mid-call and is taken over.
const PENDING = "";
const WAIT_MS = 15_000;
const POLL_MS = 200;
const STALE_SECONDS = 60;

type Claim = { claimed: true } | { claimed: false; ticket: IssueTicket };
type Row = { key: string; url: string; stale: boolean; createdAt: string };

export async function findTicket(issueId: string, provider: TicketProvider): Promise<IssueTicket | undefined> {
  const [row] = await rows<IssueTicket>(
    db,
    sql`select provider, key, url from issue_tickets where issue_id = ${issueId} and provider = ${provider} and key <> ${PENDING}`,
  );
  return row;
}

/** Either this request may create the ticket, or here is the one that exists (or just got made). */
export async function claimTicket(issueId: string, provider: TicketProvider): Promise<Claim> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const inserted = await rows(
      db,
      sql`insert into issue_tickets (issue_id, provider, key, url) values (${issueId}, ${provider}, ${PENDING}, ${PENDING})
          on conflict do nothing returning issue_id`,
    );
    if (inserted.length) return { claimed: true };
    const [row] = await rows<Row>(
      db,
      sql`select key, url, created_at::text as "createdAt", created_at < now() - make_interval(secs => ${STALE_SECONDS}) as stale
          from issue_tickets where issue_id = ${issueId} and provider = ${provider}`,
    );
    if (row && row.key !== PENDING) return { claimed: false, ticket: { provider, key: row.key, url: row.url } };
    if (row?.stale) {
      await db.execute(
        sql`delete from issue_tickets where issue_id = ${issueId} and provider = ${provider} and key = ${PENDING} and created_at = ${row.createdAt}::timestamptz`,
      );
      continue;
    }
    if (row && Date.now() > deadline) {
      throw new AppError(
        409,
        "ticket_in_progress",
        "A ticket for this issue is being created right now; try again in a moment",
      );
    }
    if (row) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Fill in the claim with the vendor's key and link. */
export async function completeTicket(
  issueId: string,
  provider: TicketProvider,
  key: string,
  url: string,
): Promise<IssueTicket> {
  await db.execute(
    sql`update issue_tickets set key = ${key}, url = ${url} where issue_id = ${issueId} and provider = ${provider} and key = ${PENDING}`,
  );
  return { provider, key, url };
}

/** Give the claim up after a failed vendor call, so the next attempt can create the ticket. */
export async function releaseClaim(issueId: string, provider: TicketProvider): Promise<void> {
  await db.execute(
    sql`delete from issue_tickets where issue_id = ${issueId} and provider = ${provider} and key = ${PENDING}`,
  );
}

/** Run `create` under the claim; a second request gets the first one's ticket instead. */
export async function createOnce(
  issueId: string,
  provider: TicketProvider,
  create: () => Promise<{ key: string; url: string }>,
): Promise<IssueTicket> {
  const claim = await claimTicket(issueId, provider);
  if (!claim.claimed) return claim.ticket;
  try {
    const made = await create();
    return await completeTicket(issueId, provider, made.key, made.url);
  } catch (error) {
    await releaseClaim(issueId, provider);
    throw error;
  }
}
