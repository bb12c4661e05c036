/**
 * An article's claims and evidence as a W3C Web Annotation AnnotationCollection (JSON-LD), and
 * back. Each claim is one annotation whose target is the article's words (TextQuoteSelector +
 * TextPositionSelector into the article's plain text) and whose bodies are the verdict, the
 * rationale and each evidence span (the same two selectors into the source document's text).
 * Sourcemark's own terms (kind, speaker, relation…) live under the `sm:` prefix. Offsets count
 * UTF-16 code units, as everywhere in Sourcemark. Pure: no database.
 */

export const SM_NAMESPACE = "https://sourcemark.dev/ns/annotation#";
export const ANNOTATION_CONTEXT = ["http://www.w3.org/ns/anno.jsonld", { sm: SM_NAMESPACE }] as const;

type Quote = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
type Position = { type: "TextPositionSelector"; start: number; end: number };
export type Span = { exact: string; prefix: string; suffix: string; start: number; end: number };

export type ExportEvidence = Span & {
  relation: string;
  note: string;
  source: { slug: string; title: string; url: string | null };
};
export type ExportClaim = Span & {
  id: string;
  kind: string;
  speaker: string | null;
  state: string;
  verdictKey: string | null;
  rationale: string;
  createdAt: string;
  evidence: ExportEvidence[];
};

export type Annotation = {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  "sm:kind": string;
  "sm:speaker"?: string;
  "sm:state": string;
  body: AnnotationBody[];
  target: { source: string; selector: [Quote, Position] };
};
export type AnnotationBody =
  | { type: "TextualBody"; purpose: "classifying"; value: string; "sm:verdictKey": string }
  | { type: "TextualBody"; purpose: "commenting"; value: string; format: "text/plain" }
  | {
      type: "SpecificResource";
      purpose: "linking";
      "sm:relation": string;
      "sm:note"?: string;
      source: { id: string; type: "Text"; title: string; "sm:slug": string };
      selector: [Quote, Position];
    };

export type AnnotationCollection = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { type: "AnnotationPage"; startIndex: 0; items: Annotation[] };
};

const selectors = (s: Span): [Quote, Position] => [
  { type: "TextQuoteSelector", exact: s.exact, prefix: s.prefix, suffix: s.suffix },
  { type: "TextPositionSelector", start: s.start, end: s.end },
];

/** A source's IRI: its own URL when it has one, else its citation page here. */
const sourceIri = (source: ExportEvidence["source"], baseUrl: string) =>
  source.url ?? `${baseUrl}/read/sources/${encodeURIComponent(source.slug)}`;

export function buildAnnotationCollection(options: {
  baseUrl: string;
  articleId: string;
  title: string;
  verdictLabels: Record<string, string>;
  claims: readonly ExportClaim[];
}): AnnotationCollection {
  const { baseUrl, articleId } = options;
  const articleIri = `${baseUrl}/read/${articleId}`;
  const items = options.claims.map((claim): Annotation => {
    const body: AnnotationBody[] = [];
    if (claim.verdictKey)
      body.push({
        type: "TextualBody",
        purpose: "classifying",
        value: options.verdictLabels[claim.verdictKey] ?? claim.verdictKey,
        "sm:verdictKey": claim.verdictKey,
      });
    if (claim.rationale)
      body.push({ type: "TextualBody", purpose: "commenting", value: claim.rationale, format: "text/plain" });
    for (const e of claim.evidence) {
      body.push({
        type: "SpecificResource",
        purpose: "linking",
        "sm:relation": e.relation,
        ...(e.note ? { "sm:note": e.note } : {}),
        source: { id: sourceIri(e.source, baseUrl), type: "Text", title: e.source.title, "sm:slug": e.source.slug },
        selector: selectors(e),
      });
    }
    return {
      id: `${articleIri}#claim-${claim.id}`,
      type: "Annotation",
      motivation: "assessing",
      created: claim.createdAt,
      "sm:kind": claim.kind,
      ...(claim.speaker ? { "sm:speaker": claim.speaker } : {}),
      "sm:state": claim.state,
      body,
      target: { source: articleIri, selector: selectors(claim) },
    };
  });
  return {
    "@context": ANNOTATION_CONTEXT,
    id: `${baseUrl}/api/v1/articles/${articleId}/annotations`,
    type: "AnnotationCollection",
    label: options.title,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}
