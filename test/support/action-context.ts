import { createRequire } from "node:module";
import { encode } from "next-auth/jwt";
import { keys } from "@/lib/config/keys";

// Server actions run here as Next runs them on a POST from the browser: inside a request scope
// whose headers carry the caller's session cookie, which the real `auth()` decodes (no stub of the
// session). `revalidatePath` records into the scope's work store, as it does in Next.
const require = createRequire(import.meta.url);
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external.js");
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external.js");
const { RequestCookies } = require("next/dist/compiled/@edge-runtime/cookies/index.js");

const COOKIE = "authjs.session-token";

/** A session cookie for `userId`, signed with AUTH_SECRET exactly as a sign-in would set it. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({
    token: { sub: userId, name: "test", email: "test@example.com" },
    secret: keys().authSecret,
    salt: COOKIE,
    maxAge: 3600,
  });
  return `${COOKIE}=${token}`;
}

/** Run `fn` (a server action call) as the browser of `userId` would, or with no session for null. */
export async function asSession<T>(userId: string | null, fn: () => Promise<T>): Promise<T> {
  const headers = new Headers({
    host: "localhost",
    "x-forwarded-proto": "http",
    "content-type": "text/plain;charset=UTF-8",
    "next-action": "test",
  });
  if (userId) headers.set("cookie", await sessionCookie(userId));
  const cookies = new RequestCookies(headers);
  const workStore = {
    route: "/test-action",
    page: "/test-action",
    incrementalCache: {},
    isStaticGeneration: false,
    forceStatic: false,
    dynamicShouldError: false,
    pendingRevalidatedTags: [],
    pendingRevalidates: {},
    pendingRevalidateWrites: [],
  };
  const requestStore = {
    type: "request",
    phase: "action",
    headers,
    cookies,
    mutableCookies: cookies,
    userspaceMutableCookies: cookies,
    implicitTags: { tags: [], expirationsByCacheKind: new Map() },
    url: { pathname: "/test-action", search: "" },
    isHmr: false,
    draftMode: undefined,
    rootParams: {},
  };
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}
