import { PgPreparedQuery } from "drizzle-orm/pg-core";

/**
 * A failed query, told by its SQLSTATE and the names of what it hit. drizzle's own error puts every
 * parameter of the query in its message ("params: …", finding contents and secrets among them), and
 * the driver's error quotes the offending value and row; whoever logs or prints either (our logger,
 * Next's error overlay, a stack trace in a terminal) would spread them. This one carries neither.
 */
export class DatabaseQueryError extends Error {
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;

  constructor(driverError: unknown) {
    const e = (driverError ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof e[key] === "string" ? (e[key] as string) : undefined);
    const code = text("code");
    super(
      `Database query failed${code ? ` (SQLSTATE ${code})` : ""}${text("constraint") ? ` on constraint ${text("constraint")}` : ""}`,
    );
    this.name = "DatabaseQueryError";
    this.code = code;
    this.constraint = text("constraint");
    this.table = text("table");
    this.column = text("column");
  }
}

const PATCHED = Symbol.for("cs.db.safeQueryErrors");
type QueryRunner = (
  this: unknown,
  queryString: string,
  params: unknown[],
  query: () => Promise<unknown>,
) => Promise<unknown>;

/**
 * Every drizzle query runs through PgPreparedQuery's queryWithCache, which wraps the driver's error
 * with the parameters. Wrapping that one method swaps the error for a DatabaseQueryError wherever a
 * query fails. Idempotent: each bundle that imports the client patches its own copy once.
 */
export function installSafeQueryErrors(): void {
  const proto = PgPreparedQuery.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[PATCHED]) return;
  const original = proto.queryWithCache as QueryRunner;
  proto.queryWithCache = async function (
    this: unknown,
    queryString: string,
    params: unknown[],
    query: () => Promise<unknown>,
  ) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      // drizzle's wrapper (DrizzleQueryError) carries the query and its params beside the driver's error.
      const wrapped = error instanceof Error && "params" in error && "query" in error;
      const cause = wrapped ? (error as Error & { cause?: unknown }).cause : error;
      throw cause instanceof DatabaseQueryError ? cause : new DatabaseQueryError(cause);
    }
  } satisfies QueryRunner;
  proto[PATCHED] = true;
}

/**
 * Whether a query failed on a unique constraint: a request racing another that made the same row
 * between our check and our insert. Callers answer it as the conflict it is, never a 500.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof DatabaseQueryError && error.code === "23505" && error.constraint === constraint;
}
