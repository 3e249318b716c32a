import { integrationRoutes, globalScope } from "@/lib/api/scoped-routes";

export const { GET, PUT, DELETE } = integrationRoutes(globalScope);
