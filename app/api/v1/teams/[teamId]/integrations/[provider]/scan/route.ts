import { scanRoutes, teamScope } from "@/lib/api/scoped-routes";

export const { POST, GET, DELETE } = scanRoutes(teamScope);
