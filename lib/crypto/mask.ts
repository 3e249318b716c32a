// Masking is shared by the server and client components, so it lives apart from the key handling.
export const MASK = "••••";

/** `••••1a2b`: enough to recognise a secret, never enough to use it. */
export function maskSecret(value: string | null | undefined): string {
  if (!value) return "";
  return MASK + (value.length >= 12 ? value.slice(-4) : "");
}

/** A value the browser sent back unchanged from its masked form: keep the stored secret. */
export function isMasked(value: string | null | undefined): boolean {
  return typeof value === "string" && value.startsWith(MASK);
}
