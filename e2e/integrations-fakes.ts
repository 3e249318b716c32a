// Vendor fakes for the integrations journeys. monday and PagerDuty are called at fixed URLs the
// server was started with (MONDAY_API_URL, PAGERDUTY_EVENTS_URL), so a byte-level forwarder on
// those ports leads to the fakes; the others are entered as URLs in the forms.
import http from "node:http";
import net from "node:net";
import {
  createConfluenceFake,
  createJiraFake,
  createMondayFake,
  createPagerDutyFake,
  createSlackFake,
} from "../test/fakes";
import { FAKE_PORTS } from "./ports";

export type Received = { path: string; headers: http.IncomingHttpHeaders; rawBody: Buffer };

/** A webhook receiver the customer would run: records what arrives, answers as told. */
export class Receiver {
  readonly received: Received[] = [];
  answer: { status: number; body: string } = { status: 200, body: "ok" };
  private server?: http.Server;
  constructor(readonly port: number) {}
  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/code-security`;
  }
  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.received.push({ path: req.url ?? "/", headers: req.headers, rawBody: Buffer.concat(chunks) });
        res.writeHead(this.answer.status, { "content-type": "text/plain" }).end(this.answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function forward(port: number, to: () => string): net.Server {
  const server = net.createServer((socket) => {
    const target = new URL(to());
    const upstream = net.connect(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  server.listen(port, "127.0.0.1");
  return server;
}

export async function startVendorFakes() {
  const fakes = {
    slack: createSlackFake(),
    jira: createJiraFake(),
    confluence: createConfluenceFake(),
    monday: createMondayFake(),
    pagerduty: createPagerDutyFake(),
  };
  await Promise.all(Object.values(fakes).map((f) => f.start()));
  const forwarders = [
    forward(FAKE_PORTS.monday, () => fakes.monday.url),
    forward(FAKE_PORTS.pagerduty, () => fakes.pagerduty.url),
  ];
  const receivers = { custom: new Receiver(FAKE_PORTS.receiver), events: new Receiver(FAKE_PORTS.receiver2) };
  await Promise.all(Object.values(receivers).map((r) => r.start()));
  return {
    ...fakes,
    receivers,
    violations: () => Object.values(fakes).flatMap((f) => f.violations),
    async stop() {
      for (const f of forwarders) f.close();
      await Promise.all([
        ...Object.values(fakes).map((f) => f.stop()),
        ...Object.values(receivers).map((r) => r.stop()),
      ]);
    },
  };
}
