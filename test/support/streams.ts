/**
 * A request whose body streams `chunkBytes` at a time, without a content-length (chunked), up to
 * `totalBytes`, counting what the server actually pulled from it.
 */
export function streamingRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; totalBytes: number; chunkBytes?: number },
) {
  const chunk = new Uint8Array(init.chunkBytes ?? 1024 * 1024).fill(0x20);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.bytes >= init.totalBytes) return controller.close();
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(url, {
    method: init.method ?? "POST",
    headers: init.headers,
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}
