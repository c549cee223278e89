// Find in the reader (Ctrl+F): where a typed phrase occurs in a document's text, ignoring
// case, in Unicode characters like every offset in Dossier (lib/quotespans.ts cuts the
// paragraphs at the same offsets). Pure, so it is unit-tested.

export type Match = { start: number; end: number };

/** The most matches listed; a one-letter query in a long filing would otherwise mark every line. */
export const MAX_MATCHES = 5000;

/**
 * Each character lower-cased on its own. A character whose lower case is longer (the Turkish
 * dotted capital I becomes two) is kept as it is, so folded text has the same length in
 * characters as the original and a match's offsets are the original's.
 */
function fold(chars: string[]): string[] {
  return chars.map((c) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  });
}

/** Every non-overlapping occurrence of `query` in `text`, ignoring case, in order. */
export function findAll(text: string | string[], query: string): Match[] {
  const needle = fold(Array.from(query));
  if (needle.length === 0 || query.trim() === "") {
    return [];
  }
  const hay = fold(typeof text === "string" ? Array.from(text) : text);
  const out: Match[] = [];
  const last = hay.length - needle.length;
  for (let at = 0; at <= last && out.length < MAX_MATCHES; at++) {
    if (hay[at] !== needle[0]) {
      continue;
    }
    let k = 1;
    while (k < needle.length && hay[at + k] === needle[k]) {
      k++;
    }
    if (k === needle.length) {
      out.push({ start: at, end: at + needle.length });
      at += needle.length - 1;
    }
  }
  return out;
}

/** The match to show after `current` when stepping by `step` (+1 next, -1 previous), wrapping. */
export function step(current: number, count: number, by: 1 | -1): number {
  if (count === 0) {
    return -1;
  }
  return (((current + by) % count) + count) % count;
}

/** The matches overlapping characters [start, end), found by binary search in sorted `matches`. */
export function within(matches: Match[], start: number, end: number): { match: Match; index: number }[] {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: { match: Match; index: number }[] = [];
  for (let i = lo; i < matches.length && matches[i].start < end; i++) {
    out.push({ match: matches[i], index: i });
  }
  return out;
}

/** "3 of 17", "No matches", or "" before anything is typed. */
export function countLabel(query: string, current: number, count: number): string {
  if (query.trim() === "") return "";
  if (count === 0) return "No matches";
  const more = count >= MAX_MATCHES ? "+" : "";
  return `${current + 1} of ${count.toLocaleString("en-US")}${more}`;
}
