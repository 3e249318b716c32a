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

describe("IPv6 addresses that carry an IPv4 address are judged as that address", () => {
  it.each([
    ["::127.0.0.1", "127.0.0.1", "a loopback address"],
    ["[::127.0.0.1]", "127.0.0.1", "a loopback address"],
    ["::7f00:1", "127.0.0.1", "a loopback address"],
    ["::10.0.0.1", "10.0.0.1", "a private address"],
    ["::169.254.169.254", "169.254.169.254", "the cloud metadata address"],
    ["::ffff:0:127.0.0.1", "127.0.0.1", "a loopback address"],
    ["64:ff9b::127.0.0.1", "127.0.0.1", "a loopback address"],
    ["64:ff9b:1::a00:1", "10.0.0.1", "a private address"],
    ["2002:7f00:1::1", "127.0.0.1", "a loopback address"],
    ["2002:c0a8:101::1", "192.168.1.1", "a private address"],
    // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (7f00:0001 → 80ff:fffe).
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1", "a loopback address"],
    ["2606:4700::5efe:a00:1", "10.0.0.1", "a private address"],
  ])("blocks %s as carrying %s, %s", (ip, carried, words) => {
    // Dotted forms parse to the IPv4 address itself; the others say which address they carry.
    const reason = blockedReason(ip, false);
    expect(reason).toContain(carried);
    expect(reason).toContain(words);
  });

  it("reads an IPv4-mapped address as the IPv4 address it is", () => {
    expect(blockedReason("::ffff:10.1.2.3", false)).toBe("Blocked: 10.1.2.3 is a private address");
  });

  it("lets through a NAT64 or 6to4 address of a public IPv4 host, and ordinary IPv6", () => {
    expect(blockedReason("64:ff9b::93.184.216.34", false)).toBeNull();
    expect(blockedReason("2002:5db8:d822::1", false)).toBeNull();
    expect(blockedReason("2606:2800:220:1:248:1893:25c8:1946", false)).toBeNull();
  });

  it("refuses such literals in a configured URL", () => {
    for (const url of [
      "https://[::127.0.0.1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://[64:ff9b::7f00:1]/x",
      "https://[2002:a00:1::]/x",
    ]) {
      expect(outboundUrlProblem(url, false), url).toMatch(/public/);
    }
  });
});
