/**
 * Background work that runs inside the web process (the delivery worker, with the embedded
 * database). Later parts register here; WORKER=off keeps a web process from doing any of it.
 */
type Starter = () => void;
const starters: Starter[] = [];

export function onBackgroundStart(starter: Starter): void {
  starters.push(starter);
}

export function startBackground(): void {
  if (process.env.WORKER === "off") return;
  for (const start of starters) start();
}
