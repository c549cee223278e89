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

export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): VisibleRange {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) {
    return { start: 0, end: 0, offset: 0, total: Math.max(total, 0) };
  }
  const top = Math.min(Math.max(scrollTop, 0), Math.max(total - viewportHeight, 0));
  const first = Math.floor(top / rowHeight);
  const shown = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = Math.max(first - overscan, 0);
  const end = Math.min(first + shown + overscan, count);
  return { start, end, offset: start * rowHeight, total };
}

/**
 * The scroll position that brings row `index` into view, moving as little as possible: rows
 * already visible keep the position, rows above go to the top, rows below to the bottom.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) {
    return top;
  }
  if (bottom > scrollTop + viewportHeight) {
    return Math.max(bottom - viewportHeight, 0);
  }
  return scrollTop;
}
