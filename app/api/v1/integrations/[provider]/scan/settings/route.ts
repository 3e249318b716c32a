import { scanSettingsRoutes, globalScope } from "@/lib/api/scoped-routes";

export const { GET, PUT } = scanSettingsRoutes(globalScope);
