import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "./bindings/DocumentSummary";
import { dateInRange, EMPTY_FILTER, filterDocuments, outletsOf, sortDocuments } from "./library";

function doc(id: number, title: string, published: string | null, outlet: string | null, kind = "article"): DocumentSummary {
  return {
    id,
    title,
    published,
    outlet,
    kind: kind as DocumentSummary["kind"],
    url: null,
    doc_ref: null,
    sha256: "0".repeat(64),
    format: "text",
  };
}

const DOCS = [
  doc(1, "Spam czar nabbed", "2017-04-12T05:00-07:00", "TechNewsWorld"),
  doc(2, "Wheat prices", "1987-02", "Reuters"),
  doc(3, "Undated memo", null, null, "note"),
  doc(4, "Élysée statement", "2017", "Reuters", "press_release"),
];

describe("sortDocuments", () => {
  it("sorts dates chronologically with undated last both ways", () => {
    expect(sortDocuments(DOCS, "published", "asc").map((d) => d.id)).toEqual([2, 4, 1, 3]);
    expect(sortDocuments(DOCS, "published", "desc").map((d) => d.id)).toEqual([1, 4, 2, 3]);
  });

  it("sorts titles by locale, folding accents", () => {
    expect(sortDocuments(DOCS, "title", "asc").map((d) => d.id)).toEqual([4, 1, 3, 2]);
  });

  it("sorts 100k rows quickly", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => doc(i, `Title ${i % 997}`, `20${String(i % 30).padStart(2, "0")}`, "X"));
    const started = performance.now();
    sortDocuments(many, "published", "desc");
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("filterDocuments", () => {
  it("combines kind, outlet, title words and dates", () => {
    expect(filterDocuments(DOCS, { ...EMPTY_FILTER, outlet: "reut" }).map((d) => d.id)).toEqual([2, 4]);
    expect(filterDocuments(DOCS, { ...EMPTY_FILTER, kind: "note" }).map((d) => d.id)).toEqual([3]);
    expect(filterDocuments(DOCS, { ...EMPTY_FILTER, title: "czar SPAM" }).map((d) => d.id)).toEqual([1]);
    expect(filterDocuments(DOCS, { ...EMPTY_FILTER, from: "2017-04-01" }).map((d) => d.id)).toEqual([1, 4]);
  });

  it("matches a date of lower precision when its period overlaps the range", () => {
    expect(dateInRange("2017", "2017-04-01", "2017-04-30")).toBe(true);
    expect(dateInRange("1987-02", "2017", "")).toBe(false);
    expect(dateInRange("2017-04-12T05:00-07:00", "", "2017-04-12")).toBe(true);
    expect(dateInRange(null, "2000", "")).toBe(false);
    expect(dateInRange(null, "", "")).toBe(true);
  });
});

describe("outletsOf", () => {
  it("lists outlets by frequency", () => {
    expect(outletsOf(DOCS)).toEqual(["Reuters", "TechNewsWorld"]);
  });
});
