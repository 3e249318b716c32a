import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { isUniqueViolation } from "@/db/query-errors";
import { db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { requireAdmin, type Principal } from "@/lib/auth/principal";
import { createApiToken } from "@/lib/auth/tokens";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";

export async function listUsers() {
  return db
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin })
    .from(users)
    .orderBy(asc(users.name));
}

export async function createUser(
  actor: Principal,
  input: { email: string; name: string; password: string; admin?: boolean },
) {
  requireAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (existing) throw registered();
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, isAdmin: input.admin ?? false })
        .returning({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin });
      await audit(tx, actor, {
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, admin: user.isAdmin },
      });
      return user;
    })
    .catch((error: unknown) => {
      // Another request registered the same email between our check and our insert.
      throw isUniqueViolation(error, "users_email_unique") ? registered() : error;
    });
}

const registered = () => new ConflictError("A user with this email already exists", { email: "Already registered" });

/** Anyone may make tokens for themselves; only an administrator for someone else. */
export async function createTokenFor(actor: Principal, userId: string, name: string) {
  if (actor.userId !== userId && !actor.isAdmin)
    throw new ForbiddenError("Only an account administrator can create tokens for another user");
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError("User");
    const created = await createApiToken(tx, userId, name);
    await audit(tx, actor, {
      action: "token.created",
      targetType: "api_token",
      targetId: created.id,
      details: { userId, name },
    });
    return created;
  });
}

export async function listTokens(userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      lastFour: apiTokens.lastFour,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(actor: Principal, tokenId: string) {
  await db.transaction(async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    if (!token || token.revokedAt) throw new NotFoundError("Token");
    if (token.userId !== actor.userId) requireAdmin(actor);
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    await audit(tx, actor, {
      action: "token.revoked",
      targetType: "api_token",
      targetId: tokenId,
      details: { name: token.name },
    });
  });
}
