// The arithmetic of the virtual list: which rows to render for a scroll position. Only the
// rows in view (plus a few either side) are in the DOM, so 100,000 rows scroll as smoothly as
// 100.

export type VisibleRange = {
  /** Index of the first rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Distance from the top of the content to the first rendered row, in pixels. */
  offset: number;
  /** Height of all rows together, which sizes the scrollbar. */
  total: number;
};

/**
 * The tallest the list's scroll area is made. Browsers cap an element's height (WebKit and
 * Chromium at about 33.5 million pixels, Firefox lower), and a million 34-pixel rows are past
 * it: the last rows could not be scrolled to. Past this height the scroll area stays this tall
 * and a scroll pixel stands for more than one pixel of rows.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

/** Pixels of rows per pixel of scrolling: 1 unless the rows are taller than the cap. */
function rowsPerScroll(total: number, viewportHeight: number): number {
  const shown = Math.max(viewportHeight, 0);
  return total <= MAX_SCROLL_HEIGHT || shown >= MAX_SCROLL_HEIGHT ? 1 : (total - shown) / (MAX_SCROLL_HEIGHT - shown);
}

export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): VisibleRange {
  const rows = count * rowHeight;
  if (count === 0 || rowHeight <= 0) {
    return { start: 0, end: 0, offset: 0, total: Math.max(rows, 0) };
  }
  const total = Math.min(rows, MAX_SCROLL_HEIGHT);
  const scroll = Math.min(Math.max(scrollTop, 0), Math.max(total - viewportHeight, 0));
  // Where the view's top is among the rows, and the first row drawn from there.
  const top = Math.min(scroll * rowsPerScroll(rows, viewportHeight), Math.max(rows - viewportHeight, 0));
  const first = Math.floor(top / rowHeight);
  const shown = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = Math.max(first - overscan, 0);
  const end = Math.min(first + shown + overscan, count);
  // The rows are placed so that the row at `top` sits at the view's top; unscaled, that is
  // start * rowHeight.
  return { start, end, offset: scroll + (start * rowHeight - top), total };
}

/**
 * The scroll position that brings row `index` of `count` into view, moving as little as
 * possible: rows already visible keep the position, rows above go to the top, rows below to
 * the bottom. (Without `count` the rows are taken to fit under the height cap.)
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count = 0,
): number {
  const scale = rowsPerScroll(count * rowHeight, viewportHeight);
  const at = scrollTop * scale;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < at) {
    return top / scale;
  }
  if (bottom > at + viewportHeight) {
    return Math.max(bottom - viewportHeight, 0) / scale;
  }
  return scrollTop;
}
