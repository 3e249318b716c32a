import { readFile } from "node:fs/promises";
import path from "node:path";

// Redoc's browser bundle, served from this origin so the API reference needs no CDN and runs under
// a `script-src 'self'` policy. Its UMD wrapper requires a module named "null" under a bundler,
// so it is served as it ships rather than bundled, with one change: its sidebar shows Redocly's
// logo from their CDN, and nothing may load from the web, so it points at a local image instead.
const file = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "node_modules",
  "redoc",
  "bundles",
  "redoc.standalone.js",
);
const CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const LOCAL_LOGO = "/api-reference/redoc-logo.svg";
let cached: Promise<string> | undefined;

export async function GET(): Promise<Response> {
  cached ??= readFile(file, "utf8").then((text) => text.replaceAll(CDN_LOGO, LOCAL_LOGO));
  return new Response(await cached, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    },
  });
}
