// The HTTP client the fakes' own tests call them with: JSON in, status/text/JSON/headers out.
export type Headers = Record<string, string>;

export async function call(url: string, init: { method?: string; headers?: Headers; body?: unknown } = {}) {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

export const basic = (user: string, secret: string): Headers => ({
  authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`,
});
