import { integrationTestRoutes, teamScope } from "@/lib/api/scoped-routes";

export const { POST } = integrationTestRoutes(teamScope);
