// The reader's highlighting: a paragraph split into plain text, search-term marks, quotes (in
// their speaker's colour) and the one span a link asked for (a quote opened from the quotes
// view, an event's sentence, a note's citation). Offsets are Unicode characters into the
// document's normalized text, like every offset in Dossier. Pure, so it is unit-tested.

import { within, type Match } from "./find";
import { highlight } from "./text";

export type QuoteSpan = { id: number; start: number; end: number; speaker: string | null };
export type Piece = {
  text: string;
  /** A search term from the hit that opened the document. */
  term: boolean;
  /** The quote this text belongs to, if any. */
  quote: QuoteSpan | null;
  /** Whether this text is inside the span the reader was opened on. */
  target: boolean;
  /** The index of the find-in-document match this text is part of, or -1. */
  found: number;
  /** Whether OCR was unsure of this text (a word under its confidence threshold). */
  low: boolean;
};

/**
 * Splits paragraph `text` (which starts at character `paraStart` of the document) where a
 * quote, the target span, a search term or a find-in-document match (`found`, sorted)
 * begins or ends. Quotes do not nest; where two
 * overlap, the one that starts first wins.
 */
export function pieces(
  text: string,
  paraStart: number,
  quotes: QuoteSpan[],
  target: { start: number; end: number } | null,
  terms: string[],
  found: Match[] = [],
  low: readonly (readonly [number, number])[] = [],
): Piece[] {
  const chars = Array.from(text);
  const paraEnd = paraStart + chars.length;
  const cuts = new Set<number>([0, chars.length]);
  const inPara = quotes
    .filter((q) => q.end > paraStart && q.start < paraEnd)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const clamp = (at: number) => Math.min(Math.max(at - paraStart, 0), chars.length);
  for (const q of inPara) {
    cuts.add(clamp(q.start));
    cuts.add(clamp(q.end));
  }
  if (target && target.end > paraStart && target.start < paraEnd) {
    cuts.add(clamp(target.start));
    cuts.add(clamp(target.end));
  }
  const lowHere = low.filter(([start, end]) => end > paraStart && start < paraEnd);
  for (const [start, end] of lowHere) {
    cuts.add(clamp(start));
    cuts.add(clamp(end));
  }
  const matches = within(found, paraStart, paraEnd);
  for (const { match } of matches) {
    cuts.add(clamp(match.start));
    cuts.add(clamp(match.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [from, to] = [sorted[i], sorted[i + 1]];
    if (from === to) {
      continue;
    }
    const at = paraStart + from;
    const quote = inPara.find((q) => q.start <= at && at < q.end) ?? null;
    const inTarget = target !== null && target.start <= at && at < target.end;
    const match = matches.find(({ match: m }) => m.start <= at && at < m.end)?.index ?? -1;
    const unsure = lowHere.some(([start, end]) => start <= at && at < end);
    for (const seg of highlight(chars.slice(from, to).join(""), terms)) {
      out.push({ text: seg.text, term: seg.mark, quote, target: inTarget, found: match, low: unsure });
    }
  }
  return out;
}
