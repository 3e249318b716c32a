import { afterEach, describe, expect, it } from "vitest";
import { blockedReason, outboundAllowPrivate, unbracket } from "@/lib/http/address-policy";

afterEach(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "true";
});

describe("why the guard refuses an address, as the delivery log says it", () => {
  it.each([
    ["240.0.0.1", "Blocked: 240.0.0.1 is a reserved address (reserved)"],
    ["2001:db8::1", "Blocked: 2001:db8::1 is a reserved address (reserved)"],
    ["255.255.255.255", "Blocked: 255.255.255.255 is a broadcast address"],
    ["fd00:ec2::254", "Blocked: fd00:ec2::254 is the cloud metadata address"],
    ["::1", "Blocked: ::1 is a loopback address"],
    ["::", "Blocked: :: is an unspecified address"],
    ["::2", "Blocked: ::2 carries 0.0.0.2, an unspecified address"],
    ["[::1]", "Blocked: ::1 is a loopback address"],
    ["fe80::1%eth0", "Blocked: fe80::1 is a link-local address"],
    ["example.com", "Blocked: example.com is not an IP address"],
    ["2606:4700::5efe:7f00:1", "Blocked: 2606:4700::5efe:7f00:1 carries 127.0.0.1, a loopback address"],
    ["64:ff9b:1::7f00:1", "Blocked: 64:ff9b:1::7f00:1 carries 127.0.0.1, a loopback address"],
    // Teredo: the server is checked, and the client after undoing its inversion (f5ff:fffe → 10.0.0.1).
    [
      "2001:0:7f00:1:8000:63bf:a2d6:27dd",
      "Blocked: 2001:0:7f00:1:8000:63bf:a2d6:27dd carries 127.0.0.1, a loopback address",
    ],
    [
      "2001:0:4136:e378:8000:63bf:f5ff:fffe",
      "Blocked: 2001:0:4136:e378:8000:63bf:f5ff:fffe carries 10.0.0.1, a private address",
    ],
  ])("refuses %s", (ip, reason) => {
    expect(blockedReason(ip, false)).toBe(reason);
  });

  it.each([
    // Carrying a public IPv4 address, or only looking like a form that carries one.
    "2001:0:4136:e378:8000:63bf:a2d6:27dd",
    "2606:4700::5efe:5db8:d822",
    "2606:4700::200:5efe:5db8:d822",
    "2606:4700::100:5efe:7f00:1",
    "64:ff9b:2::7f00:1",
    "64:ff9b::1:7f00:1",
    "::ffff:0:5db8:d822",
    "::ffff:1:7f00:1",
    "0:0:0:0:1::7f00:1",
    "2002:5db8:d822::1",
  ])("lets %s through", (ip) => {
    expect(blockedReason(ip, false)).toBeNull();
  });

  it("follows OUTBOUND_ALLOW_PRIVATE, which must say exactly true", () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "false";
    expect(outboundAllowPrivate()).toBe(false);
    expect(blockedReason("127.0.0.1")).toBe("Blocked: 127.0.0.1 is a loopback address");
    process.env.OUTBOUND_ALLOW_PRIVATE = "yes";
    expect(outboundAllowPrivate()).toBe(false);
    process.env.OUTBOUND_ALLOW_PRIVATE = "true";
    expect(outboundAllowPrivate()).toBe(true);
    expect(blockedReason("127.0.0.1")).toBeNull();
  });

  it("strips only a pair of brackets", () => {
    expect(unbracket("[::1]")).toBe("::1");
    expect(unbracket("[::1")).toBe("[::1");
    expect(unbracket("::1]")).toBe("::1]");
    expect(unbracket("example.com")).toBe("example.com");
  });
});
