export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/lib/bootstrap");
  await prepareDatabase();
  const { startBackground } = await import("@/lib/background");
  startBackground();
}
