import { z } from "zod";

export const createTeamSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "At most 80 characters"),
});
export const membershipSchema = z.object({
  role: z.enum(["lead", "member"], { message: 'Role must be "lead" or "member"' }),
});
/** An address is at most 254 characters (RFC 5321); a longer one would not fit the users' email index. */
export const EMAIL_MAX = 254;

export const createUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, `At most ${EMAIL_MAX} characters`)
    .email("Enter a valid email address"),
  name: z.string().trim().min(1, "Name is required").max(120),
  password: z.string().min(12, "Use at least 12 characters").max(200),
  admin: z.boolean().optional().default(false),
});
export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "At most 80 characters"),
});

export type CreateTeamInput = z.input<typeof createTeamSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateTokenInput = z.input<typeof createTokenSchema>;
