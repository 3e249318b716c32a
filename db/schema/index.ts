export * from "./people";
export * from "./findings";
export * from "./integrations";
export * from "./delivery";
export * from "./scanning";
export * from "./idempotency";
export * from "./sync";
