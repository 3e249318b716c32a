export type MutationModule = { name: string; files: string[]; tests: string[] };
export const MODULES: MutationModule[];
export function moduleKey(name: string): string;
export function chosenModules(key?: string): MutationModule[];
export function moduleOf(file: string): string | null;
