// What the vendors' webhook senders do on the wire: POST a JSON body to a receiver, with a timeout,
// and keep what came back. Shared by the Jira and monday fakes.

export interface WebhookDelivery {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  /** The receiver's answer; status 0 when it could not be reached or did not answer in time. */
  status: number;
  responseText: string;
  responseJson?: unknown;
  error?: string;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<WebhookDelivery> {
  const rawBody = JSON.stringify(body);
  const sent = { "content-type": "application/json; charset=utf-8", ...headers };
  const delivery: WebhookDelivery = { url, headers: sent, body, rawBody, status: 0, responseText: "" };
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: sent,
      body: rawBody,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    delivery.status = res.status;
    delivery.responseText = await res.text();
    try {
      delivery.responseJson = JSON.parse(delivery.responseText);
    } catch {
      delivery.responseJson = undefined;
    }
  } catch (err) {
    delivery.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  return delivery;
}
