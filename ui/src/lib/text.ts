// The reader's view of a document's text: paragraphs with their offsets, highlighted terms,
// and citations. Every offset is counted in Unicode characters (code points) into the
// document's normalized text, the unit the core uses, never in JavaScript's UTF-16 units.

export type Paragraph = { text: string; start: number };
export type Segment = { text: string; mark: boolean };

/** Length in Unicode characters; an emoji or a rare CJK character counts once. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) {
    n++;
  }
  return n;
}

/**
 * `text` cut to at most `max` Unicode characters, with "…" in place of what was cut: the one
 * way the window shortens text. It counts characters like the core, so it never cuts an emoji
 * or a rare CJK character in half (a slice in UTF-16 units can), and the ellipsis is added
 * only when something was cut.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : text;
}

/** Splits normalized text into paragraphs (separated by one blank line) with their starts. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (const piece of text.split("\n\n")) {
    if (piece.length > 0) {
      out.push({ text: piece, start });
    }
    start += charLength(piece) + 2;
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Splits `text` into plain and marked segments where any of `terms` occurs as a whole word,
 * ignoring case. The marks come from a search hit's snippet, so they are words as written.
 */
export function highlight(text: string, terms: string[]): Segment[] {
  const words = terms.map((t) => t.trim()).filter((t) => t !== "");
  if (words.length === 0) {
    return [{ text, mark: false }];
  }
  words.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) {
      out.push({ text: text.slice(last, at), mark: false });
    }
    out.push({ text: match[0], mark: true });
    last = at + match[0].length;
  }
  if (last < text.length) {
    out.push({ text: text.slice(last), mark: false });
  }
  return out;
}

/**
 * The citation of characters [start, end) of document `id`: `[@d12:340-415]`. The offsets are
 * Unicode characters into the document's normalized text, which never changes once imported,
 * so a citation keeps pointing at the same words.
 */
export function citation(id: number, start: number, end: number): string {
  return `[@d${id}:${start}-${end}]`;
}

/** Parses a citation back into its parts, or null when `text` is not one. */
export function parseCitation(text: string): { id: number; start: number; end: number } | null {
  const m = /^\[@d(\d+):(\d+)-(\d+)\]$/.exec(text.trim());
  if (!m) {
    return null;
  }
  const [id, start, end] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return end >= start ? { id, start, end } : null;
}

/**
 * Where a selection sits in the document: `before` is the paragraph's text before the
 * selection, `selected` the selected text, both as the DOM reports them. Leading and trailing
 * whitespace is trimmed from the selection so a sloppy drag still cites exactly the words.
 */
export function selectionOffsets(
  paragraphStart: number,
  before: string,
  selected: string,
): { start: number; end: number } | null {
  const trimmedStart = selected.length - selected.trimStart().length;
  const core = selected.trim();
  if (core === "") {
    return null;
  }
  const start = paragraphStart + charLength(before) + charLength(selected.slice(0, trimmedStart));
  return { start, end: start + charLength(core) };
}
