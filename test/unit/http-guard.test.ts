import { describe, expect, it } from "vitest";
import { blockedReason } from "@/lib/http/address-policy";
import { outboundUrlProblem } from "@/lib/http/url-policy";

describe("outbound address guard", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.1.2.3", "private"],
    ["192.168.1.1", "private"],
    ["172.16.0.9", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["169.254.169.254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["fd00::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
  ])("blocks %s as %s", (ip, words) => {
    expect(blockedReason(ip, false)).toContain(words);
  });

  it("allows public addresses", () => {
    expect(blockedReason("93.184.216.34", false)).toBeNull();
    expect(blockedReason("2606:2800:220:1:248:1893:25c8:1946", false)).toBeNull();
  });

  it("allows everything when private addresses are allowed", () => {
    expect(blockedReason("127.0.0.1", true)).toBeNull();
  });

  it("judges configured URLs: https only, no private literals, unless private is allowed", () => {
    expect(outboundUrlProblem("https://hooks.example.com/x", false)).toBeNull();
    expect(outboundUrlProblem("http://hooks.example.com/x", false)).toMatch(/https/);
    expect(outboundUrlProblem("https://0x7f.1/x", false)).toMatch(/public/);
    expect(outboundUrlProblem("https://[::ffff:127.0.0.1]/x", false)).toMatch(/public/);
    expect(outboundUrlProblem("https://localhost/x", false)).toMatch(/public/);
    expect(outboundUrlProblem("http://127.0.0.1:9999/x", true)).toBeNull();
    expect(outboundUrlProblem("not a url", true)).toMatch(/full URL/);
  });
});
