/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each checkout or test run may build into its own folder (parallel builds must not collide).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino", "undici"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
