import { scanRoutes, globalScope } from "@/lib/api/scoped-routes";

export const { POST, GET, DELETE } = scanRoutes(globalScope);
