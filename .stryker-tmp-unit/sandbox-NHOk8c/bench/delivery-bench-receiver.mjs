// @ts-nocheck
// The benchmark's receiver, in its own process so it does not share the worker's event loop.
// It verifies every signature like a real receiver would, and reports over IPC: its URL at start,
// then on request the count, bad signatures, and first-byte times by delivery id.
import { createHmac } from "node:crypto";
import http from "node:http";

const token = process.env.BENCH_TOKEN;
let count = 0;
let badSignatures = 0;
let arrivals = new Map();

const server = http.createServer((req, res) => {
  const firstByteAt = performance.timeOrigin + performance.now();
  const id = req.headers["x-spectral-delivery"];
  if (id && arrivals.size < 100_000) arrivals.set(id, firstByteAt);
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    count++;
    const ts = req.headers["x-spectral-timestamp"];
    const expected = createHmac("sha256", `${ts}_${token}`).update(Buffer.concat(chunks)).digest("hex");
    if (expected !== req.headers["x-spectral-signature"]) badSignatures++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ type: "ready", url: `http://127.0.0.1:${server.address().port}` }));

process.on("message", (message) => {
  if (message.type === "stats") {
    process.send({ type: "stats", count, badSignatures, arrivals: [...arrivals] });
  } else if (message.type === "reset") {
    count = 0;
    badSignatures = 0;
    arrivals = new Map();
    process.send({ type: "reset" });
  } else if (message.type === "stop") {
    server.close();
    process.exit(0);
  }
});
