// @ts-nocheck
import { SecretEngine } from "./engine";
import { RULES } from "./rules";

/** The engine over every rule; built once per thread (the worker's, or a test's). */
export const engine = new SecretEngine(RULES);
