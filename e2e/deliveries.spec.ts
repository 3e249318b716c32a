import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { api, configure, expectAccessible, login } from "./fixtures";
import { FAKE_PORTS, fakeUrl } from "./ports";

type Received = { headers: Record<string, string | string[] | undefined>; body: string };

// A receiver we control: it fails until told to recover.
let server: Server;
let answer = { status: 500, body: "receiver is down for maintenance" };
const received: Received[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(FAKE_PORTS.receiver2, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("a failed delivery shows its status and answer, and Redeliver turns it green", async ({ page, request }) => {
  await api(request, "DELETE", "/integrations/custom-webhook");
  const saved = await api(request, "PUT", "/integrations/custom-webhook", {
    url: `${fakeUrl("receiver2")}/hooks/code-security`,
  });
  expect(saved.status).toBe(200);
  const token: string = saved.body.token;

  await login(page, "admin");
  await page.goto("/code-security/settings/integrations");
  const card = await configure(page.getByRole("region", { name: "Custom Webhook" }));
  await card.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "500" })).toBeVisible();

  const deliveries = card.getByRole("region", { name: "Recent deliveries" });
  const row = deliveries.getByRole("row").filter({ hasText: "Failed" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("500");
  // Each column header stands over its cells (the header row and a delivery row share the columns).
  const headers = deliveries.getByRole("columnheader");
  const cells = row.getByRole("cell");
  for (const [i, name] of ["Time", "Event", "Status", "HTTP", "Duration", "Attempts"].entries()) {
    const header = (await headers.nth(i).boundingBox())!;
    const cell = (await cells.nth(i).boundingBox())!;
    expect(Math.abs(header.x - cell.x), `the ${name} header starts where its cells do`).toBeLessThanOrEqual(1);
  }
  await row.getByRole("button", { name: /^Details/ }).click();
  const detail = page.getByRole("dialog");
  await expect(detail).toContainText("receiver is down for maintenance");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(detail).toHaveCount(0);

  answer = { status: 200, body: "ok" };
  await row.getByRole("button", { name: /^Redeliver/ }).click();
  await expect(deliveries.getByRole("row").filter({ hasText: "Delivered" })).toBeVisible({ timeout: 15_000 });
  await expect(deliveries.getByRole("row").filter({ hasText: "Failed" })).toHaveCount(0);

  // The same delivery id both times, each attempt freshly signed over the exact bytes sent.
  expect(received.length).toBeGreaterThanOrEqual(2);
  const [first, last] = [received[0], received.at(-1)!];
  expect(last.headers["x-spectral-delivery"]).toBe(first.headers["x-spectral-delivery"]);
  expect(last.body).toBe(first.body);
  for (const r of [first, last]) {
    const timestamp = String(r.headers["x-spectral-timestamp"]);
    const expected = createHmac("sha256", `${timestamp}_${token}`).update(r.body).digest("hex");
    expect(r.headers["x-spectral-signature"]).toBe(expected);
  }
  await api(request, "DELETE", "/integrations/custom-webhook");
});
