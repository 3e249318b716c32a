import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { keys } from "@/lib/config/keys";
import { DUMMY_HASH, verifyPassword } from "./password";
import { clearFailures, recordFailure, throttleKeys, throttleState } from "./throttle";

class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1) });

function clientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: keys().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const throttle = throttleKeys(email, clientIp(request));
        const state = await throttleState(throttle);
        if (state.lockedForMs > 0) throw new TooManyAttempts();
        if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
        const [user] = await db.select().from(users).where(eq(users.email, email));
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !ok) {
          await recordFailure(throttle);
          return null;
        }
        await clearFailures(throttle);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
