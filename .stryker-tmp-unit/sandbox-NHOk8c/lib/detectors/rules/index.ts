// @ts-nocheck
import type { Rule } from "../rule";
import { AI_RULES } from "./ai";
import { CHAT_RULES } from "./chat";
import { CLOUD_RULES } from "./cloud";
import { CODE_HOSTING_RULES } from "./code-hosting";
import { CONNECTION_STRING_RULES } from "./connection-strings";
import { FRAMEWORK_RULES } from "./frameworks";
import { genericRules } from "./generic";
import { INFRASTRUCTURE_RULES } from "./infrastructure";
import { KEY_RULES } from "./keys";
import { MESSAGING_RULES } from "./messaging";
import { PAYMENT_RULES } from "./payments";
import { REGISTRY_RULES } from "./registries";
import { WORK_TOOL_RULES } from "./work-tools";

const SPECIFIC_RULES: Rule[] = [
  ...CLOUD_RULES,
  ...CODE_HOSTING_RULES,
  ...CHAT_RULES,
  ...PAYMENT_RULES,
  ...AI_RULES,
  ...REGISTRY_RULES,
  ...MESSAGING_RULES,
  ...WORK_TOOL_RULES,
  ...INFRASTRUCTURE_RULES,
  ...KEY_RULES,
  ...CONNECTION_STRING_RULES,
  ...FRAMEWORK_RULES,
];

// Prefixes distinctive enough that a value starting with one is that format (`ghp_`, `AKIA`, `SG.`).
const TOKEN_PREFIXES = SPECIFIC_RULES.filter((r) => !r.window)
  .flatMap((r) => r.keywords)
  .filter((k) => k.length >= 4 || (k.length === 3 && /[^A-Za-z0-9]$/.test(k)));

/** Every rule, by area. A detector may have several (a token format, and its value by context). */
export const RULES: Rule[] = [...SPECIFIC_RULES, ...genericRules(TOKEN_PREFIXES)];
