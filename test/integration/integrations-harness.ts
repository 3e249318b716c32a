// Shared set-up for the integrations suites: people with each role and their API tokens, and a
// caller that drives the real route handlers with a Bearer token, as a script would.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { createTeam, setMembership } from "@/lib/people/teams";
import { createTokenFor, createUser } from "@/lib/people/users";
import { expectDocumented } from "@/test/support/openapi";

export const ADMIN_TOKEN = "cs_integrations-admin-token-0123456789";

export type World = {
  admin: Principal;
  lead: Principal;
  member: Principal;
  teamId: string;
  otherTeamId: string;
  tokens: { admin: string; lead: string; member: string };
};

export async function seedWorld(): Promise<World> {
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  process.env.ADMIN_API_TOKEN = ADMIN_TOKEN;
  await bootstrap({ seedDemo: false, log: () => {} });
  const [root] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  const admin = (await loadPrincipal(root.id))!;
  const team = await createTeam(admin, { name: "Platform" });
  const other = await createTeam(admin, { name: "Payments" });
  const leadUser = await createUser(admin, {
    email: "lead@example.com",
    name: "Lee",
    password: "a long enough password",
  });
  const memberUser = await createUser(admin, {
    email: "member@example.com",
    name: "Mo",
    password: "a long enough password",
  });
  await setMembership(admin, team.id, leadUser.id, "lead");
  await setMembership(admin, team.id, memberUser.id, "member");
  const leadToken = await createTokenFor(admin, leadUser.id, "lead-ci");
  const memberToken = await createTokenFor(admin, memberUser.id, "member-ci");
  return {
    admin,
    lead: (await loadPrincipal(leadUser.id))!,
    member: (await loadPrincipal(memberUser.id))!,
    teamId: team.id,
    otherTeamId: other.id,
    tokens: { admin: ADMIN_TOKEN, lead: leadToken.token, member: memberToken.token },
  };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Call a route handler the way Next would, and read its JSON answer (checked against the OpenAPI document). */
export async function call(
  handler: Handler,
  params: Record<string, string>,
  init: { token?: string; body?: unknown; method?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const body =
    init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const request = new Request("http://localhost/api/v1/test", {
    method: init.method ?? (body ? "PUT" : "GET"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  await expectDocumented(handler, response.status, json);
  return { status: response.status, text, json };
}
