import { VendorError } from "@/lib/errors";
import { callVendor } from "../vendor-call";
import { type MondayAnswer, mondayRequest, readMondayAnswer } from "./graphql";

export { MONDAY_API_VERSION, mondayApiUrl, mondayToken, type MondayAnswer } from "./graphql";

/** One GraphQL call; errors inside HTTP 200 count as errors. */
export async function mondayQuery(
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<MondayAnswer> {
  return readMondayAnswer(await callVendor(mondayRequest(token, query, variables)));
}

export type MondayWorkspace = { id: string; name: string };

// monday pages workspaces; a few pages cover any real account without unbounded loops.
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

/** Every active workspace, by name, for the team's "Default workspace" picker. */
export async function listMondayWorkspaces(token: string): Promise<MondayWorkspace[]> {
  const all: MondayWorkspace[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await mondayQuery(
      token,
      "query ($limit: Int, $page: Int) { workspaces(limit: $limit, page: $page) { id name } }",
      { limit: PAGE_SIZE, page },
    );
    if (!answer.ok) throw new VendorError(answer.result.status, answer.result.message);
    const batch = ((answer.data.workspaces as MondayWorkspace[] | null) ?? []).filter(Boolean);
    all.push(...batch.map((w) => ({ id: String(w.id), name: w.name })));
    if (batch.length < PAGE_SIZE) break;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
