import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "./bindings/DocumentSummary";
import type { GroupedDocument } from "./bindings/GroupedDocument";
import { collapseCopies, copiesLabel, groupsById, toggleGroup } from "./copies";

const doc = (id: number): DocumentSummary => ({
  id,
  kind: "article",
  title: `Doc ${id}`,
  url: null,
  outlet: null,
  published: null,
  doc_ref: null,
  sha256: String(id).padStart(64, "0"),
  format: "news_record",
});
const grouped = (document: number, group: number, size: number): GroupedDocument => ({
  document,
  copies: { group, earliest: group, similarity: 0.9, size },
});

// Documents 2, 4 and 5 are one wire story; 1 and 3 stand alone.
const groups = groupsById([grouped(2, 2, 3), grouped(4, 2, 3), grouped(5, 2, 3)]);
const ids = (rows: DocumentSummary[]) => rows.map((d) => d.id);

describe("collapseCopies", () => {
  it("shows a group as its first row with the number of copies it stands for", () => {
    const { rows, marks } = collapseCopies([1, 2, 3, 4, 5].map(doc), groups, new Set());
    expect(ids(rows)).toEqual([1, 2, 3]);
    expect(marks.get(2)).toEqual({ group: 2, hidden: 2, open: false, member: false });
    expect(marks.has(1)).toBe(false);
  });

  it("lists an open group's copies under its row, in the current order", () => {
    const { rows, marks } = collapseCopies([5, 1, 4, 3, 2].map(doc), groups, new Set([2]));
    expect(ids(rows)).toEqual([5, 4, 2, 1, 3]);
    expect(marks.get(5)?.member).toBe(false);
    expect(marks.get(4)).toEqual({ group: 2, hidden: 0, open: true, member: true });
  });

  it("leaves a group the filter narrowed to one row as a plain row", () => {
    const { rows, marks } = collapseCopies([1, 4].map(doc), groups, new Set());
    expect(ids(rows)).toEqual([1, 4]);
    expect(marks.size).toBe(0);
  });

  it("returns the rows as they are when the case has no copies", () => {
    const rows = [1, 2].map(doc);
    expect(collapseCopies(rows, new Map(), new Set()).rows).toBe(rows);
  });
});

describe("toggleGroup and copiesLabel", () => {
  it("opens and closes a group without changing the set it was given", () => {
    const open = new Set<number>();
    const opened = toggleGroup(open, 7);
    expect([...opened]).toEqual([7]);
    expect(open.size).toBe(0);
    expect(toggleGroup(opened, 7).size).toBe(0);
  });

  it("counts copies in words", () => {
    expect(copiesLabel(1)).toBe("+1 copy");
    expect(copiesLabel(1200)).toBe("+1,200 copies");
  });
});
