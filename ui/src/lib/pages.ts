// A PDF's pages in the reader: which printed page number to show before which paragraph, and
// which page an offset (a selection being cited) is on. Pages tile the document's text in
// Unicode characters (the core's `pages`), so these are lookups in sorted spans. Pure.

import type { PageSpan } from "./bindings/PageSpan";
import { charLength, type Paragraph } from "./text";

/**
 * For each paragraph start, the pages that begin inside that paragraph (usually one or none),
 * so the reader can draw the page break just before it. A page that starts in the gap between
 * paragraphs belongs to the paragraph after it.
 */
export function pageBreaks(paras: Paragraph[], pages: PageSpan[]): Map<number, PageSpan[]> {
  const out = new Map<number, PageSpan[]>();
  let p = 0;
  for (let i = 0; i < paras.length; i++) {
    const end = i + 1 < paras.length ? paras[i].start + charLength(paras[i].text) : Infinity;
    while (p < pages.length && pages[p].start < end) {
      const list = out.get(paras[i].start) ?? [];
      list.push(pages[p]);
      out.set(paras[i].start, list);
      p++;
    }
  }
  return out;
}

/** The page holding character `offset`, or null for a source without pages. */
export function pageAt(pages: PageSpan[], offset: number): PageSpan | null {
  let lo = 0;
  let hi = pages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return pages[lo] ?? pages[pages.length - 1] ?? null;
}

/** "12 pages (printed 3–14)" or "12 pages". */
export function pagesLabel(pages: PageSpan[]): string {
  const n = `${pages.length} page${pages.length === 1 ? "" : "s"}`;
  const [first, last] = [pages[0], pages[pages.length - 1]];
  if (!first || (first.number === 1 && last.number === pages.length)) return n;
  return `${n} (printed ${first.number}–${last.number})`;
}
