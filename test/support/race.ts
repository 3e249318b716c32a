import { it } from "vitest";

/** True in the Postgres leg (test/setup/postgres.ts sets DATABASE_URL); PGlite has one connection. */
export const onPostgres = (): boolean => !!process.env.DATABASE_URL;

/**
 * A race test. Only Postgres runs its parts on separate connections at once; PGlite serialises
 * them on its single connection, so there it is a check of the serial outcome, and its name says
 * so. `npm test` prints loudly when the Postgres leg did not run (scripts/test.mjs).
 */
export function raceIt(name: string, fn: () => Promise<void>, timeout?: number): void {
  it(
    onPostgres()
      ? `${name} [races on Postgres]`
      : `${name} [PGlite: serialised, does not race; races only with TEST_DATABASE_URL]`,
    fn,
    timeout,
  );
}
