import { beforeAll, describe, expect, it } from "vitest";
import { GET as detectorsRoute } from "@/app/api/v1/detectors/route";
import { call, makeUser, setupAdmin, type Actor } from "@/test/support/api";

let member: Actor;

beforeAll(async () => {
  member = await makeUser(await setupAdmin(), "reader@example.com");
});

describe("GET /api/v1/detectors", () => {
  it("answers 401 without a valid token", async () => {
    expect((await call(detectorsRoute)).status).toBe(401);
    expect((await call(detectorsRoute, { token: "cs_not-a-real-token" })).status).toBe(401);
  });

  it("lists the catalogue to any signed-in person: 50+ kinds, each with an id, name, severity and remediation", async () => {
    const answer = await call(detectorsRoute, { token: member.token });
    expect(answer.status).toBe(200);
    const items = answer.body.items as { id: string; name: string; severity: string; remediation: string }[];
    expect(items.length).toBeGreaterThanOrEqual(50);
    expect(new Set(items.map((d) => d.id)).size).toBe(items.length);
    for (const d of items) {
      expect(Object.keys(d).sort(), d.id).toEqual(["id", "name", "remediation", "severity"]);
      expect(["error", "warning", "info"]).toContain(d.severity);
      expect(d.remediation.length, d.id).toBeGreaterThan(20);
    }
    // Ids that stored issues already carry keep their names.
    expect(items.find((d) => d.id === "CLD001")).toMatchObject({ name: "Visible AWS Key", severity: "error" });
    expect(items.find((d) => d.id === "SENF026")).toMatchObject({
      name: "Ruby On Rails secret token configuration file",
    });
  });
});
