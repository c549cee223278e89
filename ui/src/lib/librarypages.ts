// The library's rows come from the core a page at a time (`document_page`), sorted and
// filtered there: a million-document case is hundreds of megabytes of summaries, too many to
// send to the window at open. This module turns what the library's header and filter show
// into the core's request, so the view stays a view and the mapping is unit-tested.

import type { DocumentPageRequest } from "./bindings/DocumentPageRequest";
import type { LibraryFilter, SortDir, SortKey } from "./library";

/** Rows per page: a screenful is about 30, so one read fills the view with read-ahead. */
export const LIBRARY_PAGE = 200;

/** Whether any part of the filter narrows the list (for the header's "N of M"). */
export function isFiltered(filter: LibraryFilter): boolean {
  return filter.title.trim() !== "" || filter.kind !== "" || filter.outlet.trim() !== "" || filter.from.trim() !== "" || filter.to.trim() !== "";
}

/** The core's request for rows [offset, offset + limit) in this order and filter. */
export function pageRequest(
  filter: LibraryFilter,
  sort: SortKey,
  dir: SortDir,
  offset: number,
  limit: number,
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
  };
}
