import type { RichText, SetupGuide as Guide } from "@/lib/integrations/ui";

function Rich({ text }: { text: RichText }) {
  return text.map((part, i) =>
    typeof part === "string" ? (
      part
    ) : (
      <a
        key={i}
        className="font-medium text-accent-700 underline underline-offset-2"
        href={part.href}
        target="_blank"
        rel="noreferrer"
      >
        {part.text}
      </a>
    ),
  );
}

/** A provider's help for filling its fields (steps, links), beside the form. */
export function SetupGuide({ guide }: { guide: Guide }) {
  return (
    <div className="rounded-md bg-zinc-50 p-3">
      {guide.title && <p className="font-medium text-zinc-800">{guide.title}</p>}
      {guide.intro && <p>{guide.intro}</p>}
      {guide.steps && (
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {guide.steps.map((step, i) => (
            <li key={i}>
              <Rich text={step} />
            </li>
          ))}
        </ol>
      )}
      {guide.note && (
        <p className="mt-2">
          <Rich text={guide.note} />
        </p>
      )}
    </div>
  );
}
