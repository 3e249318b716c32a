import { confluenceCredentials } from "@/lib/integrations/confluence/client";
import { countConfluencePages, getConfluencePage, listConfluencePages, listConfluenceSpaces, updateConfluencePage, type ConfluencePageDoc } from "@/lib/integrations/confluence/scan";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { replaceAll } from "./adf";
import { atlassianCall } from "./vendor-http";
import { redactStorage, storageToText } from "./storage";
import { siteHost, type ScanContainer, type ScanSource } from "./source";

type PageContainer = ScanContainer & { page: ConfluencePageDoc };

const PAGE_SIZE = 25;

export function confluenceSource(config: IntegrationConfig): ScanSource<PageContainer> {
  const creds = confluenceCredentials(config);
  const base = creds.domainUrl.replace(/\/$/, "");
  const spaceKeys = new Map<string, string>();

  const container = (page: ConfluencePageDoc): PageContainer => {
    const prefix = `pages/${page.id}`;
    const uri = page.webui ? `${base}/wiki${page.webui}` : `${base}/wiki/pages/viewpage.action?pageId=${encodeURIComponent(page.id)}`;
    return { key: page.id, prefix, page, parts: [{ path: prefix, text: `${page.title}\n${storageToText(page.storage)}`, uri }] };
  };

  // A page names its space by id; allow/deny lists and asset ids use the key.
  async function spaceKey(spaceId: string): Promise<string> {
    if (!spaceKeys.has(spaceId)) {
      const found = await atlassianCall<{ results?: { id: string; key: string }[] }>(creds, "GET", `/wiki/api/v2/spaces?ids=${encodeURIComponent(spaceId)}`);
      spaceKeys.set(spaceId, found?.results?.[0]?.key ?? spaceId);
    }
    return spaceKeys.get(spaceId)!;
  }

  return {
    async listUnits() {
      return (await listConfluenceSpaces(creds)).map((s) => ({ key: s.key, id: s.id }));
    },
    countUnit: (unit) => countConfluencePages(creds, unit.id),
    async page(unit, token) {
      const { pages, next } = await listConfluencePages(creds, unit.id, token, PAGE_SIZE);
      return { containers: pages.map(container), next };
    },
    async one(id) {
      const page = await getConfluencePage(creds, id);
      // A page that is gone cannot tell us its space; its issues stay until the next full scan.
      if (!page || page.status !== "current") return undefined;
      return { unit: { key: await spaceKey(page.spaceId), id: page.spaceId }, prefix: `pages/${id}`, container: container(page) };
    },
    async redact({ page }, secrets, message) {
      const storage = redactStorage(page.storage, secrets, message);
      const title = replaceAll(page.title, secrets, message);
      if (storage !== page.storage || title !== page.title) await updateConfluencePage(creds, { ...page, title }, storage, "Secret redacted by Code Security");
    },
    asset: (unit) => ({ id: `confluence:${siteHost(base)}/${unit.key}`, name: `Confluence ${unit.key}`, url: `${base}/wiki/spaces/${encodeURIComponent(unit.key)}` }),
  };
}
