import { confluenceCredentials } from "@/lib/integrations/confluence/client";
import {
  countConfluencePages,
  getConfluencePage,
  listConfluencePages,
  listConfluenceSpaces,
  updateConfluencePage,
  type ConfluencePageDoc,
} from "@/lib/integrations/confluence/scan";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { replaceAll } from "./adf";
import { assetHoldingContainer } from "./ingest-bridge";
import { atlassianCall } from "@/lib/integrations/atlassian-client";
import { redactStorage, storageToText } from "./storage";
import { siteHost, type ScanContainer, type ScanSource } from "./source";

type PageContainer = ScanContainer & { page: ConfluencePageDoc };

const PAGE_SIZE = 25;

export function confluenceSource(config: IntegrationConfig): ScanSource<PageContainer> {
  const creds = confluenceCredentials(config);
  const base = creds.domainUrl.replace(/\/$/, "");
  const spaceKeys = new Map<string, string>();
  // A space's asset id is this plus its key.
  const assetPrefix = `confluence:${siteHost(base)}/`;

  const container = (page: ConfluencePageDoc): PageContainer => {
    const prefix = `pages/${page.id}`;
    const uri = page.webui
      ? `${base}/wiki${page.webui}`
      : `${base}/wiki/pages/viewpage.action?pageId=${encodeURIComponent(page.id)}`;
    return {
      key: page.id,
      prefix,
      page,
      parts: [{ path: prefix, text: `${page.title}\n${storageToText(page.storage)}`, uri }],
    };
  };

  // A page names its space by id; allow/deny lists and asset ids use the key.
  async function spaceKey(spaceId: string): Promise<string> {
    if (!spaceKeys.has(spaceId)) {
      const found = await atlassianCall<{ results?: { id: string; key: string }[] }>(
        creds,
        "GET",
        `/wiki/api/v2/spaces?ids=${encodeURIComponent(spaceId)}`,
      );
      spaceKeys.set(spaceId, found?.results?.[0]?.key ?? spaceId);
    }
    return spaceKeys.get(spaceId)!;
  }

  return {
    pageSize: PAGE_SIZE,
    async listUnits() {
      return (await listConfluenceSpaces(creds)).map((s) => ({ key: s.key, id: s.id }));
    },
    countUnit: (unit) => countConfluencePages(creds, unit.id),
    async page(unit, token) {
      const { pages, next } = await listConfluencePages(creds, unit.id, token, PAGE_SIZE);
      return { containers: pages.map(container), next };
    },
    async one(id) {
      const prefix = `pages/${id}`;
      const page = await getConfluencePage(creds, id);
      if (page?.status === "current")
        return { unit: { key: await spaceKey(page.spaceId), id: page.spaceId }, prefix, container: container(page) };
      // Deleted, trashed or archived (a full scan does not see it either): it no longer names its
      // space, so find the space among our own issues; the item scan then deletes that page's
      // issues, as it does a deleted Jira ticket's.
      const assetId = await assetHoldingContainer(assetPrefix, prefix);
      if (!assetId) return undefined;
      const key = assetId.slice(assetPrefix.length);
      return { unit: { key, id: key }, prefix };
    },
    async redact({ page }, secrets, message) {
      const storage = redactStorage(page.storage, secrets, message);
      const title = replaceAll(page.title, secrets, message);
      if (storage !== page.storage || title !== page.title)
        await updateConfluencePage(creds, { ...page, title }, storage, "Secret redacted by Code Security");
    },
    asset: (unit) => ({
      id: `${assetPrefix}${unit.key}`,
      name: `Confluence ${unit.key}`,
      url: `${base}/wiki/spaces/${encodeURIComponent(unit.key)}`,
    }),
  };
}
