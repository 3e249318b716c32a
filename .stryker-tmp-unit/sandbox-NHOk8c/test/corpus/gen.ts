// @ts-nocheck
// A seeded generator for the detector corpus: every token is built from random characters (with
// its format's checksum where it has one), so runs are repeatable and nothing is a real credential.

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const HEX = "0123456789abcdef";
export const LOWER_NUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const B64 = `${ALNUM}+/`;
export const B64URL = `${ALNUM}_-`;
export const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export class Gen {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chars(alphabet: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
  alnum = (n: number) => this.chars(ALNUM, n);
  hex = (n: number) => this.chars(HEX, n);
  digits = (n: number) => this.chars("123456789", 1) + this.chars("0123456789", n - 1);
  bytes(n: number): Buffer {
    return Buffer.from(Array.from({ length: n }, () => this.int(256)));
  }
  uuid = () => `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  /** A human-looking password: words, digits and a symbol. */
  password(): string {
    return `${this.pick(["Summer", "Blue", "Rocket", "Maple", "Harbor", "Violet"])}${this.pick(["Fox", "Tide", "Lamp", "Stone"])}${this.digits(4)}${this.pick(["!", "#", "%", "+"])}${this.chars(LETTERS, 3)}`;
  }
}

export type Expectation = { detectorId: string; secret: string };
export type Example = { text: string; expected: Expectation[] };
/** One kind: at least three ways to write a real one, and at least three look-alikes that must stay quiet. */
export type KindCorpus = { id: string; trues: ((g: Gen) => Example)[]; lookAlikes: ((g: Gen) => string)[] };

export const one = (detectorId: string, secret: string, text: string): Example => ({ text, expected: [{ detectorId, secret }] });

type Make = (g: Gen) => string | [value: string, secret: string];

/**
 * The same secret written three ways: in a sentence, as an environment variable, and in JSON or
 * YAML configuration. `make` returns the value, or the value and the secret inside it.
 */
export function threeWays(id: string, label: string, env: string, make: Make): ((g: Gen) => Example)[] {
  const split = (g: Gen) => {
    const made = make(g);
    return typeof made === "string" ? [made, made] : made;
  };
  return [
    (g) => { const [v, s] = split(g); return one(id, s, `Found the ${label} in the deploy notes: ${v} (rotate it after the release).`); },
    (g) => { const [v, s] = split(g); return one(id, s, `export ${env}=${v}`); },
    (g) => { const [v, s] = split(g); return one(id, s, g.next() < 0.5 ? `{"service": "billing", "${env.toLowerCase()}": "${v}"}` : `config:\n  ${env.toLowerCase()}: "${v}"\n  retries: 3`); },
  ];
}

// An independent CRC-32 (bitwise, no table) and base62, to build checksummed tokens.
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const ch of Buffer.from(text, "latin1")) {
    crc ^= ch;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
export function base62(n: number, width: number): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = digits[v % 62] + out;
  return out.padStart(width, "0");
}
/** `prefix` + 30 random base62 + their CRC-32 in 6 base62 digits (GitHub's and npm's format). */
export function crcToken(g: Gen, prefix: string): string {
  const random = g.alnum(30);
  return `${prefix}${random}${base62(crc32(random), 6)}`;
}
/** The same shape with a wrong checksum. */
export function badCrcToken(g: Gen, prefix: string): string {
  const good = crcToken(g, prefix);
  const last = good.at(-1)!;
  return good.slice(0, -1) + (last === "a" ? "b" : "a");
}
