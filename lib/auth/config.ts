import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { keys } from "@/lib/config/keys";
import { EMAIL_MAX } from "@/lib/people/schemas";
import { errorFacts, logger } from "@/lib/log";
import { clientAddress } from "./client-address";
import { checkCredentials } from "./sign-in";

class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

// An address longer than any account's could only fail in the sign-in attempts' key: refused here.
const credentials = z.object({
  email: z.string().trim().toLowerCase().max(EMAIL_MAX).email(),
  password: z.string().min(1),
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: keys().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // A failed sign-in is one line with its reason; Auth.js would print a stack trace for each.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") {
        logger().warn({ reason: (error as CredentialsSignin).code ?? "credentials" }, "auth: sign-in failed");
      } else {
        logger().error({ err: errorFacts(error) }, "auth: error");
      }
    },
    warn(code) {
      logger().warn({ code }, "auth: warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "too_many_attempts") throw new TooManyAttempts();
        return null;
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
