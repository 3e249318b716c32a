import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/people/users";
import { expectDocumented } from "./openapi";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Call a route handler the way Next does, with an optional bearer token and JSON body; the answer must be one the OpenAPI document describes. */
export async function call(
  handler: Handler,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
    url?: string;
    method?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new Request(options.url ?? "http://localhost/api/v1/test", {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  await expectDocumented(handler, response.status, json);
  return { status: response.status, body: json, headers: response.headers };
}

export type Actor = { principal: Principal; token: string };

/** The first administrator (bootstrap), plus helpers to make more people with tokens. */
export async function setupAdmin(): Promise<Actor> {
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  delete process.env.ADMIN_API_TOKEN;
  await bootstrap({ seedDemo: false, log: () => {} });
  const [row] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  const { token } = await createApiToken(db, row.id, "test");
  return { principal: (await loadPrincipal(row.id))!, token };
}

export async function makeUser(admin: Actor, email: string, isAdmin = false): Promise<Actor> {
  const user = await createUser(admin.principal, {
    email,
    name: email.split("@")[0],
    password: "a long enough password",
    admin: isAdmin,
  });
  const { token } = await createApiToken(db, user.id, "test");
  return { principal: (await loadPrincipal(user.id))!, token };
}

/** Reload a principal after its memberships changed. */
export async function refresh(actor: Actor): Promise<Actor> {
  return { ...actor, principal: (await loadPrincipal(actor.principal.userId))! };
}
