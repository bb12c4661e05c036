import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import { articleExtensions } from "@/lib/editor/extensions";
import { CLAIM_MARK } from "@/lib/editor/claim-mark";
import { verdictTone } from "@/components/reader/verdict-badge";
import type { SnapshotClaim } from "@/lib/services/publishing/snapshot-content";

// Server-rendered from the stored ProseMirror JSON through React elements: user text is
// escaped by React, never injected as HTML. Each published claim is a <mark> in its verdict's
// colour and underline, with a link chip (icon + label) before its first words that leads to
// the claim's panel: a link, so it is tabbable and works without JavaScript.
export function ArticleBody({ body, claims = [] }: { body: unknown; claims?: SnapshotClaim[] }) {
  const byId = new Map(claims.map((c, i) => [c.id, { claim: c, n: i + 1 }]));
  const chipped = new Set<string>();
  return (
    <div className="prose-article space-y-4 font-serif text-lg leading-relaxed">
      {renderToReactElement({
        content: body as never,
        extensions: articleExtensions(),
        options: {
          markMapping: {
            [CLAIM_MARK]: ({ mark, children }) => {
              const id = String(mark.attrs.claimId);
              const entry = byId.get(id);
              if (!entry) return <>{children}</>;
              const tone = verdictTone(entry.claim.verdict);
              const first = !chipped.has(id);
              chipped.add(id);
              return (
                <mark className={`claim-mark ${tone.mark}`} data-claim-id={id}>
                  {first && (
                    <a
                      href={`#claim-${id}`}
                      id={`mark-${id}`}
                      className={`verdict-chip not-prose mr-1 inline-flex items-center gap-0.5 rounded border px-1 align-baseline font-sans text-xs font-semibold no-underline ${tone.chip}`}
                    >
                      <span aria-hidden="true">{tone.icon}</span>
                      {entry.claim.verdict?.label ?? "Checked"}
                      <span className="sr-only">: claim {entry.n}, open its check</span>
                    </a>
                  )}
                  {children}
                </mark>
              );
            },
          },
        },
      })}
    </div>
  );
}
