import type { AtlassianCredentials } from "../atlassian";
import { atlassianCall, pageGuard } from "../atlassian-client";

// The vendor calls of Confluence scanning: REST v2 spaces and pages with cursor
// pagination (`_links.next`, relative to the site) and bodies in storage format.

export type ConfluenceSpaceRef = { id: string; key: string; name: string };
export type ConfluencePageDoc = {
  id: string;
  spaceId: string;
  title: string;
  status: string;
  version: number;
  storage: string;
  webui?: string;
};

type PageJson = {
  id: string;
  spaceId: string;
  title: string;
  status: string;
  version?: { number?: number };
  body?: { storage?: { value?: string } };
  _links?: { webui?: string };
};
type Paged<T> = { results?: T[]; _links?: { next?: string } };

const V2 = "/wiki/api/v2";
const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

const toPage = (p: PageJson): ConfluencePageDoc => ({
  id: p.id,
  spaceId: p.spaceId,
  title: p.title,
  status: p.status,
  version: p.version?.number ?? 1,
  storage: p.body?.storage?.value ?? "",
  webui: p._links?.webui,
});

/** `_links.next` is a path on the site (`/wiki/api/v2/…?cursor=…`); we keep only what follows the site. */
function nextPath(page: Paged<unknown> | undefined): string | undefined {
  const next = page?._links?.next;
  if (!next) return undefined;
  return next.startsWith("/wiki/") ? next : `/wiki${next.startsWith("/") ? "" : "/"}${next}`;
}

export async function listConfluenceSpaces(creds: AtlassianCredentials): Promise<ConfluenceSpaceRef[]> {
  const out: ConfluenceSpaceRef[] = [];
  let path: string | undefined = `${V2}/spaces?${q({ limit: 250, status: "current" })}`;
  const guard = pageGuard("Confluence's space list");
  while (path) {
    guard(path);
    const page: Paged<ConfluenceSpaceRef> | undefined = await atlassianCall<Paged<ConfluenceSpaceRef>>(
      creds,
      "GET",
      path,
    );
    out.push(...(page?.results ?? []).map((s) => ({ id: s.id, key: s.key, name: s.name })));
    path = nextPath(page);
  }
  return out;
}

export async function countConfluencePages(creds: AtlassianCredentials, spaceId: string): Promise<number> {
  let count = 0;
  let path: string | undefined =
    `${V2}/spaces/${encodeURIComponent(spaceId)}/pages?${q({ limit: 250, status: "current" })}`;
  const guard = pageGuard(`Confluence's page count of space ${spaceId}`);
  while (path) {
    guard(path);
    const page: Paged<unknown> | undefined = await atlassianCall<Paged<unknown>>(creds, "GET", path);
    count += page?.results?.length ?? 0;
    path = nextPath(page);
  }
  return count;
}

/** One page of a space's pages with their storage bodies. Pass the previous answer's `next`. */
export async function listConfluencePages(
  creds: AtlassianCredentials,
  spaceId: string,
  next: string | undefined,
  limit: number,
) {
  const path =
    next ??
    `${V2}/spaces/${encodeURIComponent(spaceId)}/pages?${q({ limit, status: "current", "body-format": "storage" })}`;
  const page = await atlassianCall<Paged<PageJson>>(creds, "GET", path);
  return { pages: (page?.results ?? []).map(toPage), next: nextPath(page) };
}

export async function getConfluencePage(
  creds: AtlassianCredentials,
  id: string,
): Promise<ConfluencePageDoc | undefined> {
  const page = await atlassianCall<PageJson>(
    creds,
    "GET",
    `${V2}/pages/${encodeURIComponent(id)}?${q({ "body-format": "storage" })}`,
  );
  return page ? toPage(page) : undefined;
}

/** Redaction: a new version of the page with the new storage body (version + 1, or Confluence answers 409). */
export async function updateConfluencePage(
  creds: AtlassianCredentials,
  page: ConfluencePageDoc,
  storage: string,
  message: string,
): Promise<void> {
  await atlassianCall(creds, "PUT", `${V2}/pages/${encodeURIComponent(page.id)}`, {
    id: page.id,
    status: "current",
    title: page.title,
    body: { representation: "storage", value: storage },
    version: { number: page.version + 1, message },
  });
}
