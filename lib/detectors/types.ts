import type { DetectorKey } from "./catalogue";

/** A secret found in a text: which detector, the secret's exact text, and where it starts. */
export type RawMatch = { detector: DetectorKey; secret: string; start: number };
