import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal it.
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$p250Lbge1VI6fpYo1iCZRA$knAiQdoqaixuvy2OlAAmv6nF+KnITXyGI7sle0GOa3A";
