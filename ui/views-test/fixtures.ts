// Data the mocked backend of the view tests answers with: a case of any size, a document
// with hostile markup in its text, and search results whose snippets carry that markup.

import type { Document } from "../src/lib/bindings/Document";
import type { DocumentKind } from "../src/lib/bindings/DocumentKind";
import type { DocumentSummary } from "../src/lib/bindings/DocumentSummary";
import type { SearchResults } from "../src/lib/bindings/SearchResults";

const KINDS: DocumentKind[] = ["article", "indictment", "press_release", "transcript", "email"];
const OUTLETS = ["Reuters", "BBC News", "TechNewsWorld", "Example Gazette", null];

const TITLES: Record<number, string> = { 1: "Spam Czar Nabbed in Spain", 2: "Hostile note" };

export const HOSTILE = `<img src=x onerror="window.__pwned = 'img'"><script>window.__pwned = 'script'</script>`;

export function summaries(count: number): DocumentSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const year = 1987 + (i % 31);
    const month = String((i % 12) + 1).padStart(2, "0");
    return {
      id,
      kind: KINDS[i % KINDS.length],
      title: TITLES[id] ?? `Document number ${String(id).padStart(6, "0")}`,
      url: `https://news.example/${id}`,
      outlet: OUTLETS[i % OUTLETS.length],
      published: i % 17 === 0 ? null : `${year}-${month}`,
      doc_ref: null,
      sha256: id.toString(16).padStart(64, "0"),
      format: "news_record",
    };
  });
}

export function documentOf(summary: DocumentSummary): Document {
  const text =
    summary.id === 2
      ? `Hostile note\n\nThe tip contained ${HOSTILE} verbatim.\n\nNothing in it may run.`
      : `${summary.title}\n\nThe Kelihos botnet was taken down, 😀 officials said.\n\nA second paragraph about Kelihos and spam.`;
  return {
    ...summary,
    authors: ["A. Reporter"],
    published_raw: summary.published,
    published_precision: summary.published === null ? null : "month",
    published_zone: null,
    keywords: [],
    language: "en",
    extra: {},
    original_size: text.length,
    imported_at: "2026-11-27T12:00:00Z",
    original_path: `/sources/${summary.id}.txt`,
    text,
    pages: [],
    text_status: "text",
    legal: null,
  };
}

export function searchResults(query: string): SearchResults {
  return {
    query,
    total: 2,
    took_us: 1800,
    hits: [
      {
        kind: "document",
        id: 1,
        doc_id: 1,
        title: "Spam Czar Nabbed in Spain",
        score: 3.2,
        snippet: "… the «Kelihos» botnet was taken down …",
        document_kind: "article",
        url: "https://news.example/1",
        outlet: "TechNewsWorld",
        published: "2017-04",
      },
      {
        kind: "document",
        id: 2,
        doc_id: 2,
        title: "Hostile note",
        score: 1.1,
        snippet: `The tip contained ${HOSTILE} about «Kelihos»`,
        document_kind: "note",
        url: null,
        outlet: null,
        published: null,
      },
    ],
    facets: {
      kind: [
        { value: "article", count: 1 },
        { value: "note", count: 1 },
      ],
      outlet: [{ value: "TechNewsWorld", count: 1 }],
      year: [{ value: "2017", count: 1 }],
      speaker: [],
    },
    notice: null,
  };
}
