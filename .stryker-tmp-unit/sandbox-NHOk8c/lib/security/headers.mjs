// @ts-nocheck
// The security headers of every answer. Plain JavaScript, because next.config.mjs reads it as well
// as proxy.ts: next.config sets the static ones on every path, the proxy adds each page's CSP.

/** On every answer, pages, API and static files alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/**
 * The Content-Security-Policy. Pages get a fresh nonce a request: Next.js puts it on its own
 * inline scripts, so no inline script without it runs. Scripts otherwise come only from this
 * origin ('self', not 'strict-dynamic'), so a bundled, self-hosted script such as an API
 * reference viewer loads with a plain <script src>. Styles allow 'unsafe-inline' because React
 * renders style attributes, which a nonce cannot cover. Development needs 'unsafe-eval' (React's
 * debugging); production does not. Nothing may frame the app.
 */
export function contentSecurityPolicy({ nonce, dev = false } = {}) {
  const script = ["'self'", nonce && `'nonce-${nonce}'`, dev && "'unsafe-eval'"].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
