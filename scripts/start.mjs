// `npm start`: build when needed, then serve on PORT (default 3000).
import { buildIfNeeded } from "./build-if-needed.mjs";

buildIfNeeded();
await import("./serve.mjs");
