import { integrationListRoutes, teamScope } from "@/lib/api/scoped-routes";

export const { GET } = integrationListRoutes(teamScope);
