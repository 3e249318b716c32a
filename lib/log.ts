import pino, { type Logger } from "pino";

/**
 * The product's one logger: JSON lines on stdout. What we log is names and codes (an error's class,
 * its SQLSTATE or errno, the route that failed), never the values of a request: finding contents,
 * secrets and tokens stay out because nothing passes them in. The redaction list below is a second
 * line of defence for a field someone adds later by mistake.
 */
const REDACTED_KEYS = [
  "password",
  "token",
  "apiToken",
  "routingKey",
  "webhookUrl",
  "url",
  "authorization",
  "cookie",
  "secrets",
  "secret",
  "content",
  "body",
  "params",
  "email",
  "headers",
  "query",
  "detail",
];
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

type Sink = (line: string) => void;
// Shared through globalThis: Next bundles this module into several chunks, which must all write
// through the same sink (and a test's capture must see every one of them).
const holder = globalThis as unknown as { __csLogger?: Logger; __csLogSink?: Sink };

export function logger(): Logger {
  holder.__csLogger ??= pino(
    {
      level: process.env.LOG_LEVEL || "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    { write: (line: string) => (holder.__csLogSink ?? ((l: string) => process.stdout.write(l)))(line) },
  );
  return holder.__csLogger;
}

/** Tests read what would have been logged; pass null to write to stdout again. */
export function setLogSinkForTests(sink: Sink | null): void {
  holder.__csLogSink = sink ?? undefined;
}

export type ErrorFacts = {
  name: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: ErrorFacts;
};

const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * What may be logged of an error: its class name and codes, and for a database error the names of
 * the constraint, table and column involved. Never its message: a database error's message quotes
 * the query's parameters and a driver's quotes the offending value.
 */
export function errorFacts(error: unknown, depth = 0): ErrorFacts {
  if (!(error instanceof Error)) return { name: typeof error };
  const e = error as Error & Record<string, unknown>;
  const facts: ErrorFacts = { name: IDENTIFIER.test(e.name) ? e.name : "Error" };
  for (const key of ["code", "constraint", "table", "column"] as const) {
    const value = e[key];
    if ((typeof value === "string" || typeof value === "number") && IDENTIFIER.test(String(value)))
      facts[key] = String(value);
  }
  if (e.cause !== undefined && depth < 2) facts.cause = errorFacts(e.cause, depth + 1);
  return facts;
}

/** `DatabaseError 23514 (issues_check)`: an error's facts as a short line for status fields. */
export function errorSummary(error: unknown): string {
  let facts: ErrorFacts | undefined = errorFacts(error);
  const parts: string[] = [];
  while (facts) {
    parts.push([facts.name, facts.code, facts.constraint && `(${facts.constraint})`].filter(Boolean).join(" "));
    facts = facts.cause;
  }
  return parts.join(" ← ");
}
