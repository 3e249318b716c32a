import { scanSettingsRoutes, teamScope } from "@/lib/api/scoped-routes";

export const { GET, PUT } = scanSettingsRoutes(teamScope);
