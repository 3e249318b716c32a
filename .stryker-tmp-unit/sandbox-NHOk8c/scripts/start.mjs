// @ts-nocheck
// `npm start`: build when needed, then serve on PORT (default 3000).
import { buildIfNeeded } from "./build-if-needed.mjs";

await buildIfNeeded();
await import("./serve.mjs");
