// The library's near-duplicate groups (issue 21): forty copies of one wire story are one row
// with "+39 copies" that opens in place, so they do not bury everything else. Pure over the
// rows the library shows (already sorted and filtered) and the groups the core reports
// (`grouped_documents`), so the rules are unit-tested and the library view only renders them.

import type { DocumentSummary } from "./bindings/DocumentSummary";
import type { GroupedDocument } from "./bindings/GroupedDocument";

/** What a library row shows about its group. */
export type CopiesMark = {
  group: number;
  /** On the group's row: how many of its copies it stands for (those the filter shows). */
  hidden: number;
  /** The group is open, so its copies are listed under its row. */
  open: boolean;
  /** A copy listed under its group's row (indented, no badge of its own). */
  member: boolean;
};

export type CollapsedRows = {
  rows: DocumentSummary[];
  /** Marks by document id, for rows of a group with more than one member shown. */
  marks: Map<number, CopiesMark>;
};

/** The group of each grouped document, by document id. */
export function groupsById(grouped: GroupedDocument[]): Map<number, number> {
  return new Map(grouped.map((g) => [g.document, g.copies.group]));
}

/**
 * `rows` with each group of near-duplicates shown as one row: the group's first row in the
 * current order stands for it (so sorting by date shows the earliest copy, by title the first
 * title), and its other members are left out, or, when its group is in `open`, listed right
 * under it in the same order. Documents without copies, and groups the filter narrows to one
 * row, are untouched.
 */
export function collapseCopies(rows: DocumentSummary[], groups: Map<number, number>, open: ReadonlySet<number>): CollapsedRows {
  if (groups.size === 0) {
    return { rows, marks: new Map() };
  }
  const members = new Map<number, DocumentSummary[]>();
  for (const doc of rows) {
    const group = groups.get(doc.id);
    if (group !== undefined) {
      const list = members.get(group);
      if (list) list.push(doc);
      else members.set(group, [doc]);
    }
  }
  const out: DocumentSummary[] = [];
  const marks = new Map<number, CopiesMark>();
  for (const doc of rows) {
    const group = groups.get(doc.id);
    const list = group === undefined ? undefined : members.get(group);
    if (group === undefined || !list || list.length < 2) {
      out.push(doc);
      continue;
    }
    if (list[0].id !== doc.id) {
      // A later member: listed with its group's first row, when the group is open.
      continue;
    }
    const isOpen = open.has(group);
    out.push(doc);
    marks.set(doc.id, { group, hidden: list.length - 1, open: isOpen, member: false });
    if (isOpen) {
      for (const copy of list.slice(1)) {
        out.push(copy);
        marks.set(copy.id, { group, hidden: 0, open: true, member: true });
      }
    }
  }
  return { rows: out, marks };
}

/** `open` with `group` opened or closed. */
export function toggleGroup(open: ReadonlySet<number>, group: number): Set<number> {
  const next = new Set(open);
  if (!next.delete(group)) {
    next.add(group);
  }
  return next;
}

/** "+1 copy", "+12 copies". */
export function copiesLabel(count: number): string {
  return `+${count.toLocaleString("en-US")} ${count === 1 ? "copy" : "copies"}`;
}
