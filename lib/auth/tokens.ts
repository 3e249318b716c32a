import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { loadPrincipal, type Principal } from "./principal";

const PREFIX = "cs_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** Store a token (its hash only). The plain token is returned once, to be shown once. */
export async function createApiToken(executor: Executor, userId: string, name: string, token = generateToken()) {
  const [row] = await executor
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token), lastFour: token.slice(-4) })
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      lastFour: apiTokens.lastFour,
      createdAt: apiTokens.createdAt,
    });
  return { ...row, token };
}

/** The principal behind `Authorization: Bearer <token>`, or null. */
export async function principalFromBearer(header: string | null): Promise<Principal | null> {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) return null;
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(match[1])), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return loadPrincipal(row.userId);
}
