import { integrationRoutes, teamScope } from "@/lib/api/scoped-routes";

export const { GET, PUT, DELETE } = integrationRoutes(teamScope);
