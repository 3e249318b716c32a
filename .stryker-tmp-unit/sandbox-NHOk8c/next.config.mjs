// @ts-nocheck
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "./lib/security/headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each checkout or test run may build into its own folder (parallel builds must not collide).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino", "prom-client", "undici"],
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get their CSP, with a nonce, from proxy.ts; API answers get it here (no nonce: they run
  // no inline script). A page POST that is not a server action still passes the proxy, which
  // buffers a body to show it: keep that small.
  experimental: { proxyClientMaxBodySize: "64kb" },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy() }] },
    ];
  },
};

export default nextConfig;
