import { PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { textProblems } from "./text";

/** How much of a body each kind of route reads (contract §3): more is refused with 413. */
export const BODY_LIMITS = { ingest: 10 * 1024 * 1024, hook: 1024 * 1024, default: 64 * 1024 } as const;

const shown = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`);

/**
 * The body's bytes, read as they arrive and never more than `maxBytes`, whether or not the client
 * declared a content-length (a chunked body counts as it streams). Past the cap we stop reading,
 * cancel the stream and answer 413, so a huge upload costs at most the cap.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLargeError(`The request body is larger than ${shown(maxBytes)}`);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text: it must be UTF-8. */
export function bodyText(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ValidationError("The request body is not valid UTF-8", { body: "Not UTF-8" }, 400);
  }
}

/** Arrays and objects inside each other, at most: no body of ours needs more than a handful. */
export const MAX_DEPTH = 64;

/**
 * Whether JSON text opens more than `max` arrays or objects inside each other, counted in one
 * pass outside strings. Checked before parsing: what walks a parsed body (the text checks, zod,
 * digests) recurses, and 30,000 brackets in a 64 KiB body would overflow the stack.
 */
export function nestingOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * A JSON body, read under `maxBytes`. Every string in it, keys included, must be text a database
 * can hold: a NUL character or a lone UTF-16 surrogate is refused with 422 naming its field.
 * `optional`: an empty body is `undefined` instead of a 400.
 */
export async function readJsonBody(request: Request, maxBytes: number, { optional = false } = {}): Promise<unknown> {
  const text = bodyText(await readBodyBytes(request, maxBytes));
  if (!text.trim()) {
    if (optional) return undefined;
    throw new ValidationError("The request body is empty; send JSON", { body: "Required" }, 400);
  }
  if (nestingOver(text, MAX_DEPTH))
    throw new ValidationError(
      `The request body nests deeper than ${MAX_DEPTH} levels`,
      { body: `Nested deeper than ${MAX_DEPTH} levels` },
      400,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON", { body: "Malformed JSON" }, 400);
  }
  const problems = textProblems(json);
  if (problems) {
    const [first] = Object.entries(problems);
    throw new ValidationError(`${first[0]}: ${first[1]}`, problems);
  }
  return json;
}
