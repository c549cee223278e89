// The library's rows come from the core a page at a time (`document_page`), sorted and
// filtered there: a million-document case is hundreds of megabytes of summaries, too many to
// send to the window at open. This module turns what the library's header and filter show
// into the core's request, so the view stays a view and the mapping is unit-tested.

import type { DocumentPage } from "./bindings/DocumentPage";
import type { DocumentPageRequest } from "./bindings/DocumentPageRequest";
import type { DocumentSummary } from "./bindings/DocumentSummary";
import type { DocumentSelection } from "./bindings/DocumentSelection";
import type { LibraryFilter, SortDir, SortKey } from "./library";
import type { MultiSelection } from "./multiselect";

/**
 * A library row: a document, how many near-duplicates of it the case holds besides it, and
 * with threads collapsed how many messages its thread holds, itself included.
 */
export type LibraryRow = DocumentSummary & { copies: number; messages: number };

/** The rows of a page from the core, each with its count of copies and of messages. */
export function libraryRows(page: DocumentPage): LibraryRow[] {
  return page.documents.map((doc, i) => ({ ...doc, copies: page.copies[i] ?? 0, messages: page.messages[i] ?? 0 }));
}

/**
 * What the header says of the rows folded away (`folded`, the documents less the rows): the
 * core counts copies and replies together, so with both collapsed it names both.
 */
export function foldedLabel(folded: number, filter: LibraryFilter): string {
  const n = folded.toLocaleString("en-US");
  if (filter.collapse && filter.threads) {
    return `${n} ${folded === 1 ? "copy or reply" : "copies and replies"} folded into their groups and threads`;
  }
  if (filter.threads) {
    return `${n} ${folded === 1 ? "message" : "messages"} folded into their threads`;
  }
  return `${n} near-duplicate${folded === 1 ? "" : "s"} folded into their groups`;
}

/** Rows per page: a screenful is about 30, so one read fills the view with read-ahead. */
export const LIBRARY_PAGE = 200;

/** Whether any part of the filter narrows the list (for the header's "N of M"). */
export function isFiltered(filter: LibraryFilter): boolean {
  return filter.title.trim() !== "" || filter.kind !== "" || filter.outlet.trim() !== "" || filter.from.trim() !== "" || filter.to.trim() !== "";
}

/** The core's request for rows [offset, offset + limit) in this order and filter (no limit: to the end). */
export function pageRequest(
  filter: LibraryFilter,
  sort: SortKey,
  dir: SortDir,
  offset: number,
  limit: number | null,
  skipTotal: boolean,
): DocumentPageRequest {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    sort,
    dir,
    title: text(filter.title),
    kind: filter.kind === "" ? null : filter.kind,
    outlet: text(filter.outlet),
    from: text(filter.from),
    to: text(filter.to),
    offset,
    limit,
    skip_total: skipTotal,
    collapse_copies: filter.collapse,
    collapse_threads: filter.threads,
  };
}

/** Reads the ids of rows [offset, offset + limit) of the library's order and filter from the core (no limit: to the end). */
export type IdsOf = (offset: number, limit: number | null) => Promise<number[]>;

/**
 * The library's selection after a click on row `index` (document `id`), as lib/multiselect
 * does for a list held whole, except that the rows a click needs may not be loaded: a
 * Shift+click range and the end of "all" (which keeps every other row of the filter picked)
 * read their ids from the core.
 */
export async function clickLibraryRow(sel: MultiSelection, id: number, index: number, shift: boolean, idsOf: IdsOf): Promise<MultiSelection> {
  if (sel.all) {
    const ids = new Set(await idsOf(0, null));
    if (!shift) {
      ids.delete(id);
    }
    return { ids, anchor: index, all: false };
  }
  const ids = new Set(sel.ids);
  if (shift && sel.anchor !== null) {
    const [from, to] = sel.anchor <= index ? [sel.anchor, index] : [index, sel.anchor];
    for (const each of await idsOf(from, to - from + 1)) {
      ids.add(each);
    }
  } else if (ids.has(id)) {
    ids.delete(id);
  } else {
    ids.add(id);
  }
  return { ids, anchor: index, all: false };
}

/**
 * What the core is asked to act on: with "all", every row of the filter, resolved by the core
 * (most of them are not loaded in the window); else the ids picked.
 */
export function librarySelection(sel: MultiSelection, filter: LibraryFilter, sort: SortKey, dir: SortDir): DocumentSelection | null {
  if (sel.all) {
    return { library: pageRequest(filter, sort, dir, 0, null, true) };
  }
  return sel.ids.size > 0 ? { ids: [...sel.ids] } : null;
}
