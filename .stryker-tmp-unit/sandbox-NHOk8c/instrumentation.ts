// @ts-nocheck
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exposeLifecycle } = await import("@/lib/lifecycle");
  const ready = (async () => {
    const { prepareDatabase } = await import("@/lib/bootstrap");
    await prepareDatabase();
    const { startBackground } = await import("@/lib/background");
    // WORKER=off: separate `npm run worker` processes deliver and scan.
    if (process.env.WORKER !== "off") startBackground();
  })();
  // Handed over at once, so a signal during start-up still closes what has been opened.
  exposeLifecycle(ready);
  await ready;
}
