import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/integrations/audit-entries";
import { saveIntegration, deleteIntegration } from "@/lib/integrations/service";
import { createPagerDutyFake } from "@/test/fakes";
import { seedWorld, type World } from "./integrations-harness";

let world: World;
const routingKey = createPagerDutyFake().newRoutingKey();

beforeAll(async () => {
  world = await seedWorld();
  await saveIntegration(world.admin, "pagerduty", null, { routingKey });
  await saveIntegration(world.lead, "pagerduty", world.teamId, { routingKey, minSeverity: "warning" });
  await saveIntegration(world.admin, "pagerduty", world.otherTeamId, { routingKey });
  await deleteIntegration(world.admin, "pagerduty", world.otherTeamId);
});

describe("the audit log", () => {
  it("shows administrators every change, with who, scope and fields, and never a secret", async () => {
    const entries = await listAuditEntries(world.admin);
    const integrationEntries = entries.filter((e) => e.action.startsWith("integration."));
    expect(integrationEntries.map((e) => [e.action, e.teamName, e.actorEmail])).toEqual(
      expect.arrayContaining([
        ["integration.created", null, "root@example.com"],
        ["integration.created", "Platform", "lead@example.com"],
        ["integration.created", "Payments", "root@example.com"],
        ["integration.deleted", "Payments", "root@example.com"],
      ]),
    );
    const lead = integrationEntries.find((e) => e.actorEmail === "lead@example.com")!;
    expect(lead.details).toEqual({
      provider: "pagerduty",
      scope: "team",
      fields: { routingKey: "changed", minSeverity: "warning", enabled: true },
    });
    expect(JSON.stringify(entries)).not.toContain(routingKey);
  });

  it("shows a team lead only their teams' entries, and refuses a member", async () => {
    const entries = await listAuditEntries(world.lead);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.teamId === world.teamId)).toBe(true);
    await expect(listAuditEntries(world.member)).rejects.toMatchObject({ status: 403 });
  });
});
