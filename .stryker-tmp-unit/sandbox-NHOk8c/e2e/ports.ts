/**
 * Fixed loopback ports for one e2e run, derived from E2E_PORT so that parallel runs
 * (several checkouts, several engineers) never collide. The app is told these URLs at start.
 */
// @ts-nocheck

export const APP_PORT = Number(process.env.E2E_PORT || 3100);
export const FAKE_PORTS = {
  slack: APP_PORT + 1,
  jira: APP_PORT + 2,
  confluence: APP_PORT + 3,
  monday: APP_PORT + 4,
  pagerduty: APP_PORT + 5,
  receiver: APP_PORT + 6,
  receiver2: APP_PORT + 7,
} as const;
export const BASE_URL = `http://127.0.0.1:${APP_PORT}`;
export const fakeUrl = (name: keyof typeof FAKE_PORTS) => `http://127.0.0.1:${FAKE_PORTS[name]}`;

/** Credentials the e2e server is bootstrapped with. */
export const ADMIN = { email: "admin@example.com", password: "e2e-admin-password-123" };
export const LEAD = { email: "lead@example.com", password: "e2e-lead-password-456" };
export const MEMBER = { email: "analyst@example.com", password: "e2e-analyst-password-789" };
/** The demo people's own passwords, given to the server as DEMO_PASSWORDS. */
export const DEMO_PASSWORDS = [LEAD, MEMBER].map((p) => `${p.email}=${p.password}`).join(",");
export const ADMIN_API_TOKEN = "cs_e2e_admin_token_0123456789abcdefghijklmnop";
