import { Badge } from "@/components/ui/badge";
import type { AttemptView } from "@/lib/delivery/queries";
import { Time } from "@/components/ui/time";
import { formatBody, formatDuration } from "./format";

/** One attempt: its answer, the masked request headers and the response body. */
export function Attempt({ attempt, number }: { attempt: AttemptView; number: number }) {
  const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300 && !attempt.error;
  const headers = Object.entries(attempt.requestHeaders);
  return (
    <li className="rounded-md border border-zinc-200 p-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900">Attempt {number}</span>
        <Badge tone={ok ? "green" : "red"}>{attempt.status === null ? "No answer" : `HTTP ${attempt.status}`}</Badge>
        <span className="text-zinc-500">
          <Time iso={attempt.at} /> · {formatDuration(attempt.durationMs)}
        </span>
      </p>
      {attempt.error && <p className="mt-1 text-red-800">{attempt.error}</p>}
      {attempt.requestUrl && <p className="mt-2 font-mono text-xs text-zinc-600">POST {attempt.requestUrl}</p>}
      {headers.length > 0 && (
        <table className="mt-2 w-full text-left font-mono text-xs">
          <caption className="sr-only">Request headers of attempt {number}</caption>
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="w-48 py-0.5 pr-3 align-top font-normal text-zinc-500">
                  {name}
                </th>
                <td className="break-all py-0.5 text-zinc-800">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attempt.responseBody !== null && (
        <div className="mt-2">
          <p className="mb-1 text-xs font-medium text-zinc-600">Response body</p>
          <Code text={formatBody(attempt.responseBody) || "(empty)"} label={`Response body of attempt ${number}`} />
        </div>
      )}
    </li>
  );
}

export function Code({ text, label }: { text: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 ring-1 ring-zinc-200"
    >
      {text}
    </pre>
  );
}
