import net from "node:net";
import { describe, expect, it } from "vitest";
import { DnsCache, type ResolvedAddress, resolveHost } from "@/lib/http/resolver";

const answer: ResolvedAddress[] = [{ address: "93.184.216.34", family: 4 }];

function counted(ttl: number | null) {
  let clock = 1_000_000;
  const asked: string[] = [];
  const cache = new DnsCache(
    async (host) => {
      asked.push(host);
      return answer;
    },
    async () => ttl,
    () => clock,
  );
  return { cache, asked, advance: (ms: number) => (clock += ms) };
}

describe("the SSRF guard's DNS cache", () => {
  it("answers a name again from memory until its TTL has passed, then asks again", async () => {
    const { cache, asked, advance } = counted(30);
    expect(await cache.lookup("hooks.example.com")).toEqual(answer);
    expect(await cache.lookup("hooks.example.com")).toEqual(answer);
    expect(asked).toEqual(["hooks.example.com"]);
    advance(29_999);
    await cache.lookup("hooks.example.com");
    expect(asked).toHaveLength(1);
    advance(1);
    await cache.lookup("hooks.example.com");
    expect(asked).toHaveLength(2);
  });

  it("keeps no answer DNS gave no TTL for (the hosts file), nor one with a TTL of 0", async () => {
    for (const ttl of [null, 0]) {
      const { cache, asked } = counted(ttl);
      await cache.lookup("localhost");
      await cache.lookup("localhost");
      expect(asked).toHaveLength(2);
      expect(cache.size).toBe(0);
    }
  });

  it("keeps a long TTL at most five minutes", async () => {
    const { cache, asked, advance } = counted(86_400);
    await cache.lookup("a.example.com");
    advance(300_000);
    await cache.lookup("a.example.com");
    expect(asked).toHaveLength(2);
  });

  it("asks once for lookups of one name made side by side, and keeps each name apart", async () => {
    const { cache, asked } = counted(60);
    await Promise.all([cache.lookup("a.example.com"), cache.lookup("a.example.com"), cache.lookup("b.example.com")]);
    expect(asked).toEqual(["a.example.com", "b.example.com"]);
  });

  it("does not keep a failed lookup", async () => {
    let fail = true;
    let calls = 0;
    const cache = new DnsCache(
      async () => {
        calls++;
        if (fail) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
        return answer;
      },
      async () => 60,
    );
    await expect(cache.lookup("gone.example.com")).rejects.toMatchObject({ code: "ENOTFOUND" });
    fail = false;
    expect(await cache.lookup("gone.example.com")).toEqual(answer);
    expect(calls).toBe(2);
  });

  it("answers even when asking DNS for the TTL fails, and then keeps nothing", async () => {
    const asked: string[] = [];
    const cache = new DnsCache(
      async (host) => {
        asked.push(host);
        return answer;
      },
      () => Promise.reject(Object.assign(new Error("timed out"), { code: "ETIMEOUT" })),
    );
    expect(await cache.lookup("hooks.example.com")).toEqual(answer);
    expect(await cache.lookup("hooks.example.com")).toEqual(answer);
    expect(asked).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it("keeps neither an empty answer nor one with a negative TTL", async () => {
    let answers: ResolvedAddress[] = [];
    let asked = 0;
    const empty = new DnsCache(
      async () => {
        asked++;
        return answers;
      },
      async () => 60,
    );
    expect(await empty.lookup("new.example.com")).toEqual([]);
    answers = answer;
    expect(await empty.lookup("new.example.com")).toEqual(answer);
    expect(asked).toBe(2);

    const { cache, asked: negative } = counted(-5);
    await cache.lookup("a.example.com");
    await cache.lookup("a.example.com");
    expect(negative).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it("forgets an expired answer when DNS no longer gives a TTL for the name", async () => {
    let ttl: number | null = 30;
    let clock = 0;
    const cache = new DnsCache(
      async () => answer,
      async () => ttl,
      () => clock,
    );
    await cache.lookup("a.example.com");
    expect(cache.size).toBe(1);
    ttl = null;
    clock += 30_000;
    await cache.lookup("a.example.com");
    expect(cache.size).toBe(0);
  });

  it("holds at most 1,000 names, starting afresh when one more comes", async () => {
    const { cache } = counted(60);
    for (let i = 0; i < 1000; i++) await cache.lookup(`host${i}.example.com`);
    expect(cache.size).toBe(1000);
    await cache.lookup("one-more.example.com");
    expect(cache.size).toBe(1);
  });

  it("asks the system for a name it does not hold, as every other program on the machine does", async () => {
    const answers = await resolveHost("localhost");
    expect(answers).toContainEqual({ address: "127.0.0.1", family: 4 });
    for (const a of answers) expect(a.family).toBe(net.isIP(a.address));
    expect(await resolveHost("::1")).toEqual([{ address: "::1", family: 6 }]);
  });
});
