// A long list read a page at a time as it scrolls (the quotes of a 23k-document case are 77k
// rows), and the review queue's keys. Pure, so both are unit-tested.

/** The pages (of `size` rows) that rows [start, end) fall in, with one page of read-ahead. */
export function pagesFor(start: number, end: number, size: number, total: number): number[] {
  if (total === 0 || end <= start) {
    return [];
  }
  const last = Math.floor((Math.min(end + size / 2, total) - 1) / size);
  const first = Math.floor(Math.max(start - size / 2, 0) / size);
  const out: number[] = [];
  for (let p = first; p <= last; p++) {
    out.push(p);
  }
  return out;
}

export type ReviewAction = "confirm" | "reject" | "reset" | "speaker" | "span" | "open";

/** The review queue's keys: c confirm, r reject, u back to unreviewed, s speaker, e span. */
export function reviewAction(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): ReviewAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return null;
  }
  switch (event.key) {
    case "c":
      return "confirm";
    case "r":
      return "reject";
    case "u":
      return "reset";
    case "s":
      return "speaker";
    case "e":
      return "span";
    case "Enter":
      return "open";
    default:
      return null;
  }
}
