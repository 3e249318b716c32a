import { integrationTestRoutes, globalScope } from "@/lib/api/scoped-routes";

export const { POST } = integrationTestRoutes(globalScope);
