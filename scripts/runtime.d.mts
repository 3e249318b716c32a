import type { ChildProcess, SpawnOptions } from "node:child_process";

export declare const memoryFlags: string[];
export declare const workerMemoryFlags: string[];
export declare function withMemoryEnv<T extends Record<string, string | undefined>>(
  env: T,
): T & { MALLOC_ARENA_MAX: string; MALLOC_MMAP_THRESHOLD_: string };
export declare function spawnNode(args: string[], options?: SpawnOptions, flags?: string[]): ChildProcess;
export declare function relayTo(child: ChildProcess): void;
