import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

// Next's server puts this on globalThis before loading its request scopes (test/support/action-context.ts).
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

// Tests never read or write a developer's .data: keys come from the environment.
process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
process.env.SECRETS_KEY ||= randomBytes(32).toString("base64");
process.env.OUTBOUND_ALLOW_PRIVATE ??= "true";
process.env.WORKER = "off";
import "./no-public-network";
