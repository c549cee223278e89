// Selecting many rows of a list (the library, search hits) for a bulk action: a click toggles
// one row, Shift+click adds the range from the last row clicked, and "all" stands for every
// row of the list, including rows a paged list has not loaded (search hits): the core then
// acts on every document the query finds rather than on the ids the window holds.

import type { DocumentSelection } from "./bindings/DocumentSelection";

export type MultiSelection = {
  /** Ids picked one by one or by range. */
  ids: ReadonlySet<number>;
  /** The index of the row clicked last, where a Shift+click range starts. */
  anchor: number | null;
  /** Every row of the list (and every hit of the query, for search). */
  all: boolean;
};

export const NOTHING: MultiSelection = { ids: new Set(), anchor: null, all: false };

/**
 * The selection after a click on row `index` of `rows` (ids in list order): with Shift, the
 * rows from the anchor to it are added; without, the row is toggled and becomes the anchor.
 * Any click ends "all", keeping the rows loaded as picked so a person can take one out.
 */
export function clickRow(sel: MultiSelection, rows: readonly number[], index: number, shift: boolean): MultiSelection {
  const ids = new Set(sel.all ? rows : sel.ids);
  const id = rows[index];
  if (id === undefined) {
    return sel;
  }
  if (shift && sel.anchor !== null && sel.anchor < rows.length) {
    const [from, to] = sel.anchor <= index ? [sel.anchor, index] : [index, sel.anchor];
    for (let i = from; i <= to; i++) {
      ids.add(rows[i]);
    }
    return { ids, anchor: index, all: false };
  }
  if (ids.has(id)) {
    ids.delete(id);
  } else {
    ids.add(id);
  }
  return { ids, anchor: index, all: false };
}

export function selectAll(): MultiSelection {
  return { ids: new Set(), anchor: null, all: true };
}

export function isSelected(sel: MultiSelection, id: number): boolean {
  return sel.all || sel.ids.has(id);
}

/** How many documents the selection stands for, given the list's full size. */
export function selectedCount(sel: MultiSelection, total: number): number {
  return sel.all ? total : sel.ids.size;
}

/**
 * What the core is asked to act on: every hit of `query` when all are selected in search,
 * every row of `rows` when all are selected in a list that holds them all, else the ids.
 */
export function toDocumentSelection(sel: MultiSelection, rows: readonly number[], query: string | null): DocumentSelection | null {
  if (sel.all) {
    return query !== null ? { query } : { ids: [...new Set(rows)] };
  }
  return sel.ids.size > 0 ? { ids: [...sel.ids] } : null;
}

/** Whether a key event is "select all" (Ctrl+A, or Cmd+A on a Mac). */
export function isSelectAll(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a";
}
