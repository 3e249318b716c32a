import { z } from "zod";
import { EMAIL_MAX } from "@/lib/people/schemas";

export const loginSchema = z.object({
  email: z.string().trim().max(EMAIL_MAX, "Enter your email address").email("Enter your email address"),
  password: z.string().min(1, "Enter your password"),
});
export type LoginInput = z.input<typeof loginSchema>;
