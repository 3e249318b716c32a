export declare const memoryFlags: string[];
export declare function withMemoryEnv<T extends Record<string, string | undefined>>(env: T): T & { MALLOC_ARENA_MAX: string; MALLOC_MMAP_THRESHOLD_: string };
