import type { OutboundHttpRequest } from "@/lib/http/client";
import type { IntegrationConfig, ProviderRuntime, TestResult, VendorAnswer } from "../types";
import { parseJson, vendorText } from "../vendor-text";

// monday.com pins behaviour to a dated API version sent in a header; without it the default
// version changes under us every quarter.
export const MONDAY_API_VERSION = "2025-10";

export function mondayApiUrl(): string {
  return process.env.MONDAY_API_URL || "https://api.monday.com/v2";
}

export function mondayToken(config: IntegrationConfig): string {
  return config.secrets.apiToken ?? "";
}

type GraphQlBody = {
  data?: Record<string, unknown> | null;
  errors?: unknown;
  error_message?: unknown;
  error_code?: string;
};
export type MondayAnswer =
  { ok: true; status: number; durationMs: number; data: Record<string, unknown> } | { ok: false; result: TestResult };

export function mondayRequest(token: string, query: string, variables?: Record<string, unknown>): OutboundHttpRequest {
  return {
    url: mondayApiUrl(),
    method: "POST",
    headers: {
      authorization: token,
      "api-version": MONDAY_API_VERSION,
      "content-type": "application/json",
      accept: "application/json",
    },
    body: JSON.stringify(variables ? { query, variables } : { query }),
  };
}

/**
 * monday reports most errors inside HTTP 200 (`{"errors": [...]}`), and some older ones as
 * `{error_message}`, so the status alone never means success.
 */
export function readMondayAnswer(answer: VendorAnswer): MondayAnswer {
  if ("failure" in answer) return { ok: false, result: answer.failure };
  const { status, body, durationMs } = answer.response;
  const parsed = parseJson(body);
  // Whatever came back is read defensively: a body of another shape is a failure, never a crash.
  const json = (parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : undefined) as
    GraphQlBody | undefined;
  const errors = (Array.isArray(json?.errors) ? json.errors : [])
    .map((e: unknown) =>
      e && typeof (e as { message?: unknown }).message === "string" ? (e as { message: string }).message : "",
    )
    .filter(Boolean);
  const errorMessage = typeof json?.error_message === "string" ? json.error_message : undefined;
  const problem = errors.length ? errors.join("; ") : (errorMessage ?? (status === 200 ? "" : body));
  const data = json?.data && typeof json.data === "object" && !Array.isArray(json.data) ? json.data : undefined;
  if (status !== 200 || problem || !data) {
    return { ok: false, result: { ok: false, status, durationMs, message: vendorText(problem) || `HTTP ${status}` } };
  }
  return { ok: true, status, durationMs, data };
}

const ME = "query { me { account { slug } } }";

export function accountDomainOf(data: Record<string, unknown>): string | undefined {
  const slug = (data.me as { account?: { slug?: string } } | null)?.account?.slug;
  return slug ? `${slug}.monday.com` : undefined;
}

/** The global Test: who the token belongs to, shown as the account domain (`acme.monday.com`). */
export async function testMondayToken(runtime: ProviderRuntime, token: string): Promise<TestResult> {
  const answer = readMondayAnswer(await runtime.call(mondayRequest(token, ME)));
  if (!answer.ok) return answer.result;
  const accountDomain = accountDomainOf(answer.data);
  return {
    ok: true,
    status: answer.status,
    durationMs: answer.durationMs,
    message: accountDomain ? `Connected to ${accountDomain}` : "Connected",
    accountDomain,
  };
}

/** The team Test: the global token still works and the team's default workspace still exists. */
export async function testMondayWorkspace(
  runtime: ProviderRuntime,
  token: string,
  workspaceId: string,
): Promise<TestResult> {
  const query = "query ($ids: [ID!]) { me { account { slug } } workspaces(ids: $ids) { id name } }";
  const answer = readMondayAnswer(await runtime.call(mondayRequest(token, query, { ids: [workspaceId] })));
  if (!answer.ok) return answer.result;
  const found = (answer.data.workspaces as { id: string; name: string }[] | null)?.find(
    (w) => String(w.id) === workspaceId,
  );
  const base = { status: answer.status, durationMs: answer.durationMs, accountDomain: accountDomainOf(answer.data) };
  if (!found)
    return { ...base, ok: false, message: `Workspace ${workspaceId} was not found in this monday.com account` };
  return { ...base, ok: true, message: `Default workspace: ${vendorText(found.name, 80)}` };
}
