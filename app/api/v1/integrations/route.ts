import { integrationListRoutes, globalScope } from "@/lib/api/scoped-routes";

export const { GET } = integrationListRoutes(globalScope);
