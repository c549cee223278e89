// Keyboard movement through a list of results or rows: arrows step, Page keys jump a page,
// Home and End go to the ends. Pure, so the rules are tested without a browser.

/** The new selected index for `key`, or null when the key does not move the selection. */
export function moveSelection(
  current: number,
  key: string,
  count: number,
  pageSize = 10,
): number | null {
  if (count === 0) {
    return null;
  }
  const last = count - 1;
  // Nothing selected yet: the first step down lands on the first row, the first up on the last.
  const from = current < 0 ? (key === "ArrowUp" ? count : -1) : current;
  switch (key) {
    case "ArrowDown":
      return Math.min(from + 1, last);
    case "ArrowUp":
      return Math.max(from - 1, 0);
    case "PageDown":
      return Math.min(Math.max(from, 0) + pageSize, last);
    case "PageUp":
      return Math.max(from - pageSize, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}
