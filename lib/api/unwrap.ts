import type { ActionResult } from "@/lib/api/action";

/** A server action's result as a query function wants it: the data, or a thrown error with its words. */
export const unwrap = async <T>(p: Promise<ActionResult<T>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error);
  return r.data;
};
