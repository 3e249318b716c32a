import { vi } from "vitest";
import { setLogSinkForTests } from "@/lib/log";

/**
 * Everything the process would have logged while `run` ran: the product logger's lines and any
 * console output, as one text to search.
 */
export async function capturedLogs<T>(run: () => Promise<T>): Promise<{ result: T; text: string; lines: string[] }> {
  const lines: string[] = [];
  setLogSinkForTests((line) => lines.push(line.trimEnd()));
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
    vi
      .spyOn(console, level)
      .mockImplementation(
        (...args: unknown[]) =>
          void lines.push(
            args
              .map((a) =>
                a instanceof Error
                  ? `${a.name}: ${a.message}\n${a.stack}`
                  : typeof a === "string"
                    ? a
                    : JSON.stringify(a),
              )
              .join(" "),
          ),
      ),
  );
  try {
    const result = await run();
    return { result, text: lines.join("\n"), lines };
  } finally {
    setLogSinkForTests(null);
    for (const spy of spies) spy.mockRestore();
  }
}
