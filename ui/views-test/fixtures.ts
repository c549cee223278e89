// Data the mocked backend of the view tests answers with: a case of any size, a document
// with hostile markup in its text, search results whose snippets carry that markup, quotes,
// people and timeline events in any number, a group of near-duplicates and a quote's lineage.

import type { CopyGroup } from "../src/lib/bindings/CopyGroup";
import type { DiffPart } from "../src/lib/bindings/DiffPart";
import type { Document } from "../src/lib/bindings/Document";
import type { GroupedDocument } from "../src/lib/bindings/GroupedDocument";
import type { QuoteAppearance } from "../src/lib/bindings/QuoteAppearance";
import type { QuoteLineage } from "../src/lib/bindings/QuoteLineage";
import type { DocumentKind } from "../src/lib/bindings/DocumentKind";
import type { DocumentSummary } from "../src/lib/bindings/DocumentSummary";
import type { SearchResults } from "../src/lib/bindings/SearchResults";
import type { EntityDetail } from "../src/lib/bindings/EntityDetail";
import type { EntitySummary } from "../src/lib/bindings/EntitySummary";
import type { EventRecord } from "../src/lib/bindings/EventRecord";
import type { Network } from "../src/lib/bindings/Network";
import type { QuoteRecord } from "../src/lib/bindings/QuoteRecord";
import type { TimelinePoints } from "../src/lib/bindings/TimelinePoints";

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

// Document 3 opens as a three-page indictment (a scanned PDF read by OCR) with the structure
// the core parses, so the reader's page breaks, court-filing summary, page image and
// low-confidence words can be seen.
const INDICTMENT = [
  "UNITED STATES DISTRICT COURT\nDISTRICT OF CONNECTICUT",
  "UNITED STATES OF AMERICA v. PETER YURYEVICH LEVASHOV, a/k/a “Peter Severa”",
  "INDICTMENT",
  "COUNT ONE\n(Wire Fraud)",
  "The defendant operated the Kelihos botnet.",
  "COUNT TWO\n(Intentional Damage to a Protected Computer)",
  "He sent spam through Kelihos again.",
].join("\n\n");

function indictment(base: Document): Document {
  const text = INDICTMENT;
  const at = (phrase: string) => Array.from(text.slice(0, text.indexOf(phrase))).length;
  const end = Array.from(text).length;
  const [one, two] = [at("COUNT ONE"), at("COUNT TWO")];
  const defendant = "PETER YURYEVICH LEVASHOV";
  return {
    ...base,
    kind: "indictment",
    format: "pdf",
    title: "United States v. Levashov",
    text,
    original_size: text.length,
    pages: [
      { number: 1, physical: 1, start: 0, end: one },
      { number: 2, physical: 2, start: one, end: two },
      { number: 3, physical: 3, start: two, end },
    ],
    // A scan read by OCR, which was unsure of "Kelihos" in count one.
    ocr: {
      engine: "tesseract 5.3.0",
      languages: "eng",
      mean_confidence: 88.4,
      pages: [1, 2, 3],
      low_confidence: [[at("Kelihos botnet"), at("Kelihos botnet") + 7]],
      failed_pages: [],
    },
    legal: {
      doc_type: "indictment",
      court: "United States District Court for the District of Connecticut",
      case_number: "3:17-cr-00083",
      caption: {
        plaintiff: "United States of America",
        defendants: [{ name: defendant, aliases: ["Peter Severa"], start: at(defendant), end: at(defendant) + defendant.length }],
      },
      filing_date: "2017-04-20",
      counts: [
        { number: 1, heading: "Wire Fraud", statutes: ["18 U.S.C. § 1343"], description: "Wire fraud", start: one, end: two, page: 2 },
        {
          number: 2,
          heading: "Intentional Damage to a Protected Computer",
          statutes: ["18 U.S.C. § 1030(a)(5)(A)"],
          description: "Damaging a protected computer",
          start: two,
          end,
          page: 3,
        },
      ],
      paragraphs: [],
    },
  };
}

export function documentOf(summary: DocumentSummary): Document {
  const base = plainDocument(summary);
  return summary.id === 3 ? indictment(base) : base;
}

function plainDocument(summary: DocumentSummary): Document {
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
    ocr: null,
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
        copies: 3,
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
        copies: 0,
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
      tag: [{ value: "lead", count: 1 }],
    },
    notice: null,
  };
}

export const SPEAKERS = ["Vitali Kremez", "Kenneth A. Blanco", "Keith Jarvis", "Leo Taddeo", HOSTILE];

/** Quote `i` of a case with many: speakers in turn, each in document 1's second paragraph. */
export function quoteAt(i: number): QuoteRecord {
  const speaker = SPEAKERS[i % SPEAKERS.length];
  return {
    id: i + 1,
    doc_id: 1,
    start: 27,
    end: 60,
    text: i === 0 ? "The Kelihos botnet was taken down" : `Quote number ${i + 1} about botnets`,
    kind: "direct",
    spans: [[27, 60]],
    speaker,
    speaker_id: (i % SPEAKERS.length) + 1,
    role: i % 2 === 0 ? "security researcher" : null,
    cue: "said",
    addressee: null,
    speaker_start: null,
    speaker_end: null,
    status: "auto",
    doc_title: "Spam Czar Nabbed in Spain",
    published: "2017-04-12",
  };
}

/** The seed's speakers, then `extra` people who are only mentioned (a big case's long tail). */
export function entities(extra = 0): EntitySummary[] {
  const speakers: EntitySummary[] = SPEAKERS.map((name, i) => ({
    id: i + 1,
    name,
    kind: "person",
    aliases: i === 0 ? ["Kremez", "Vitaly Kremez"] : [],
    quote_count: 10 - i,
    mention_count: 3,
    status: "auto",
  }));
  const mentioned: EntitySummary[] = Array.from({ length: extra }, (_, i) => ({
    id: SPEAKERS.length + i + 1,
    name: `Person ${String(i + 1).padStart(5, "0")}`,
    kind: i % 3 === 0 ? "organization" : "person",
    aliases: [],
    quote_count: 0,
    mention_count: 1,
    status: "auto",
  }));
  return speakers.concat(mentioned);
}

export function entityDetail(summary: EntitySummary): EntityDetail {
  return {
    entity: summary,
    aliases: [summary.name, ...summary.aliases].map((alias, i) => ({
      alias,
      origin: i === 0 ? "extracted" : "variant",
      confidence: i === 0 ? 1 : 0.8,
      evidence: i === 0 ? "canonical name" : `one letter from ${summary.name}`,
    })),
    roles: [{ role: "threat intelligence director at Flashpoint", doc_id: 1, doc_title: "Spam Czar Nabbed in Spain", published: "2017-04-12" }],
    more_roles: false,
    quotes: [quoteAt(summary.id - 1)],
    more_quotes: false,
    mentions: [{ doc_id: 1, start: 0, end: 4, surface: summary.name, role: null }],
    more_mentions: false,
  };
}

const WEEK_START = Date.UTC(2017, 3, 3) / 1000;

/** `count` events over 1990–2020, the first the arrest week (2017-W14) and one conflict. */
export function timelinePoints(count: number): TimelinePoints & { titles: Map<number, string> } {
  const span = (Date.UTC(2020, 0, 1) - Date.UTC(1990, 0, 1)) / 1000;
  const base = Date.UTC(1990, 0, 1) / 1000;
  const rows = Array.from({ length: count }, (_, i) => {
    if (i === 0) return { start: WEEK_START, end: WEEK_START + 7 * 86400, title: "was arrested in Spain last week" };
    const start = base + Math.floor((i / count) * span);
    return { start, end: start + 86400, title: i === 1 ? HOSTILE : `Event ${i}` };
  });
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].start - rows[b].start);
  return {
    id: order.map((i) => i + 1),
    start: order.map((i) => rows[i].start),
    end: order.map((i) => rows[i].end),
    kind: order.map((i) => (i % 3) as number),
    status: order.map(() => 0),
    conflict: order.map((i) => i === 2),
    entity: order.map((i) => (i % 7) - 1),
    source: order.map(() => 0),
    entities: SPEAKERS.concat(["Pyotr Levashov"]),
    documents: ["Spam Czar Nabbed in Spain"],
    document_ids: [1],
    titles: new Map(rows.map((r, i) => [i + 1, r.title])),
  };
}

export function eventRecord(id: number, points: TimelinePoints & { titles: Map<number, string> }): EventRecord {
  const at = points.id.indexOf(id);
  const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
  const week = id === 1;
  return {
    id,
    value: week ? "2017-W14" : day(points.start[at]),
    earliest: day(points.start[at]),
    latest: day(points.end[at] - 1),
    precision: week ? "week" : "day",
    title: points.titles.get(id) ?? "",
    description: "",
    kind: "extracted",
    sources: [
      {
        doc_id: 1,
        start: 27,
        end: 60,
        date_text: week ? "last week" : null,
        value: week ? "2017-W14" : day(points.start[at]),
        earliest: day(points.start[at]),
        latest: day(points.end[at] - 1),
        doc_title: "Spam Czar Nabbed in Spain",
      },
    ],
    entities: [],
    tags: [],
    status: "auto",
    conflict: points.conflict[at],
  };
}

/**
 * A case whose events cluster in April 2017 (days, the arrest week, and a dozen mentions of
 * "2017" as a whole year), with one date in 1850 and one in 2090 far off.
 */
export function clusteredPoints(): TimelinePoints & { titles: Map<number, string> } {
  const day = (iso: string) => Date.parse(iso) / 1000;
  const rows = [
    { start: day("1850-06-01"), end: day("1850-06-02"), title: "Founded in 1850" },
    ...Array.from({ length: 12 }, (_, i) => ({ start: day("2017-01-01"), end: day("2018-01-01"), title: `Year event ${i + 1}` })),
    { start: WEEK_START, end: WEEK_START + 7 * 86400, title: "was arrested in Spain last week" },
    ...Array.from({ length: 15 }, (_, i) => ({ start: day("2017-04-01") + i * 86400, end: day("2017-04-02") + i * 86400, title: `April day ${i + 1}` })),
    { start: day("2090-01-01"), end: day("2090-01-02"), title: "Far future" },
  ];
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].start - rows[b].start || a - b);
  return {
    id: order.map((i) => i + 1),
    start: order.map((i) => rows[i].start),
    end: order.map((i) => rows[i].end),
    kind: order.map(() => 1),
    status: order.map(() => 0),
    conflict: order.map(() => false),
    entity: order.map((i) => (i % 3) - 1),
    source: order.map(() => 0),
    entities: SPEAKERS.concat(["Pyotr Levashov"]),
    documents: ["Spam Czar Nabbed in Spain"],
    document_ids: [1],
    titles: new Map(rows.map((r, i) => [i + 1, r.title])),
  };
}

// Near-duplicates and quote lineage (issue 21): documents 1, 3, 4 and 5 are one wire story
// (the search fixture's hit for document 1 stands for three copies), document 1 the earliest;
// quote 1 appears again in documents 3 and 4, and document 4 changed a word of it.
export const COPY_GROUP = [1, 3, 4, 5];

export function copyGroup(id: number, docs: DocumentSummary[]): CopyGroup {
  const members = COPY_GROUP.includes(id) ? COPY_GROUP : [id];
  return {
    document: id,
    group: members.length > 1 ? 1 : null,
    earliest: members[0],
    members: members.map((m, i) => ({
      id: m,
      title: docs[m - 1]?.title ?? `Document ${m}`,
      outlet: docs[m - 1]?.outlet ?? null,
      published: docs[m - 1]?.published ?? null,
      similarity: i === 0 ? 1 : 0.9 - i / 20,
      earliest: i === 0,
    })),
  };
}

export function groupedDocuments(): GroupedDocument[] {
  return COPY_GROUP.map((document) => ({ document, copies: { group: 1, earliest: 1, similarity: 0.9, size: COPY_GROUP.length } }));
}

export const COPY_DIFF: DiffPart[] = [
  { op: "same", text: "Spain arrested the spam czar on Friday, " },
  { op: "removed", text: "police " },
  { op: "added", text: "officials " },
  { op: "same", text: "said. The Kelihos botnet was taken down." },
];

export function quoteLineage(id: number): QuoteLineage {
  const base = quoteAt(id - 1);
  const appearance = (quote_id: number, doc_id: number, published: string, outlet: string, text: string, diff: DiffPart[]): QuoteAppearance => ({
    quote_id,
    doc_id,
    start: 27,
    end: 60,
    doc_title: doc_id === 1 ? "Spam Czar Nabbed in Spain" : `Document number ${String(doc_id).padStart(6, "0")}`,
    outlet,
    published,
    text,
    speaker: base.speaker,
    earliest_quote: 1,
    earliest: quote_id === 1,
    altered: diff.some((d) => d.op !== "same"),
    diff,
  });
  if (id !== 1) {
    return { quote: id, appearances: [{ ...appearance(id, base.doc_id, "2017-04-12", "TechNewsWorld", base.text, []), earliest_quote: id, earliest: true }] };
  }
  return {
    quote: 1,
    appearances: [
      appearance(1, 1, "2017-04-12", "TechNewsWorld", base.text, []),
      appearance(40, 3, "2017-04-13", "Reuters", base.text, [{ op: "same", text: base.text }]),
      appearance(41, 4, "2017-04-15", "BBC News", "The Kelihos botnet was not taken down", [
        { op: "same", text: "The Kelihos botnet was " },
        { op: "added", text: "not " },
        { op: "same", text: "taken down" },
      ]),
    ],
  };
}

/**
 * The network of the people above as the core computes it: a chain 1 - 2 - 3 (so the path
 * from 1 to 3 runs through 2), a heavier pair 1 - 4 with a role, and 5 alone with 4.
 * `?network=big` asks the view for more than it may show, so the answer says it cut.
 */
export function network(people: EntitySummary[], big: boolean): Network {
  const node = (id: number, weight: number, degree: number) => ({ id, name: people[id - 1].name, kind: people[id - 1].kind, weight, degree });
  return {
    nodes: [node(1, 5, 2), node(4, 5, 2), node(2, 2, 2), node(3, 1, 1), node(5, 1, 1)],
    edges: [
      { source: 1, target: 2, weight: 1, kinds: ["quoted_together"], role: null },
      { source: 1, target: 4, weight: 4, kinds: ["same_sentence", "role"], role: "works for" },
      { source: 2, target: 3, weight: 1, kinds: ["same_sentence"], role: null },
      { source: 4, target: 5, weight: 1, kinds: ["co_defendants"], role: null },
    ],
    total_nodes: big ? 5321 : 5,
    total_edges: big ? 40000 : 4,
    truncated: big ? "showing the 5 most linked of 5321 people and organisations and 4 of 40000 links; raise the minimum weight, filter, or focus on one entity to see the rest" : null,
  };
}
