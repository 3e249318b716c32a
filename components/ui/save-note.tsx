import type { SaveMessage } from "./use-save";

/** What a save said: its status in green, or its error as an alert. */
export function SaveNote({ message }: { message: SaveMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.tone} className={message.tone === "alert" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
      {message.text}
    </p>
  );
}
