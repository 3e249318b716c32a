import { Fragment } from "react";

type Node = {
  type?: string;
  text?: string;
  content?: Node[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: { href?: string } }[];
};

/**
 * A read-only rendering of the ADF description we send, so people see the ticket before it
 * exists. It knows only the nodes jiraDescription() emits; the text stays text, never markup.
 */
export function AdfPreview({ doc }: { doc: unknown }) {
  return <div className="space-y-2 text-sm text-zinc-800">{render((doc as Node)?.content)}</div>;
}

function render(nodes: Node[] | undefined): React.ReactNode {
  return (nodes ?? []).map((node, i) => <Fragment key={i}>{renderNode(node)}</Fragment>);
}

function renderNode(node: Node): React.ReactNode {
  switch (node.type) {
    case "paragraph":
      return <p>{render(node.content)}</p>;
    case "heading":
      return <p className="font-semibold">{render(node.content)}</p>;
    case "bulletList":
      return <ul className="list-disc space-y-0.5 pl-5">{render(node.content)}</ul>;
    case "listItem":
      return <li>{render(node.content)}</li>;
    case "codeBlock":
      return (
        <pre className="overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-900 p-2 font-mono text-xs text-zinc-100">
          {node.content?.map((t) => t.text).join("")}
        </pre>
      );
    case "text":
      return renderText(node);
    default:
      return null;
  }
}

function renderText(node: Node): React.ReactNode {
  let out: React.ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "strong") out = <strong>{out}</strong>;
    else if (mark.type === "code") out = <code className="rounded bg-zinc-100 px-1 font-mono text-xs">{out}</code>;
    else if (mark.type === "link" && /^https?:\/\//i.test(mark.attrs?.href ?? "")) {
      out = (
        <a href={mark.attrs!.href} target="_blank" rel="noopener noreferrer" className="text-accent-700 underline">
          {out}
        </a>
      );
    }
  }
  return out;
}
