"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "./config";
import { loginSchema, type LoginInput } from "./login-schema";

export type LoginState = { error?: string };

export async function loginAction(input: LoginInput, callbackUrl?: string): Promise<LoginState> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { error: "Enter your email and password" };
  const redirectTo = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/code-security";
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "too_many_attempts") return { error: "Too many failed attempts. Wait 15 minutes and try again." };
      return { error: "That email and password do not match an account." };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
