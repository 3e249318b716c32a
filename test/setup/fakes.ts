import { afterEach } from "vitest";
import { takeUnclaimedViolations } from "@/test/fakes/http";

// Every database-suite test ends with no vendor fake violation: a request off the vendor's spec, an
// operation the fake lacks, or the fake crashing (answered as a 500 that a retry test might
// otherwise tolerate). Tests that provoke violations on purpose live in test/fakes.
afterEach(() => {
  const violations = takeUnclaimedViolations();
  if (violations.length)
    throw new Error(`A vendor fake recorded ${violations.length} violation(s):\n${violations.join("\n")}`);
});
