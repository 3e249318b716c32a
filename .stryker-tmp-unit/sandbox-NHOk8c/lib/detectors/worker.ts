// @ts-nocheck
import { parentPort } from "node:worker_threads";
import { runTask, type DetectTask } from "./tasks";

// A detection worker (pool.ts): one task at a time, answered with its id. A failure answers its
// error's name only: a message could quote the text.
parentPort?.on("message", ({ id, task }: { id: number; task: DetectTask }) => {
  try {
    parentPort?.postMessage({ id, result: runTask(task) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.name : "Error" });
  }
});
