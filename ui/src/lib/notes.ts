// The notes editor's pure logic: where a `[@` citation being typed starts and what it asks
// for, where a claim-check problem (line and column in Unicode characters, as the core counts)
// sits in the editor's UTF-16 offsets, and what a citation in the preview points at.

// What may follow `[@` while suggestions stay open: up to six words with one space after
// each, so `[@evade prose` keeps the list, while a second space, a bracket or a semicolon ends
// it (a `[@` left open in prose does not keep a list open for the rest of the line).
const QUERY = "((?:[^\\][;\\s]+ ?){0,6})";

/** The citation being typed at the end of `before` (the line up to the cursor), if any. */
export function citationAtCursor(before: string): { from: number; query: string; inGroup: boolean } | null {
  const open = new RegExp(`\\[@${QUERY}$`).exec(before);
  if (open) {
    return { from: open.index, query: open[1], inGroup: false };
  }
  // A further citation in a group: `[@q1; @abc`.
  const group = new RegExp(`\\[@[^\\]]*;\\s*@${QUERY}$`).exec(before);
  if (group) {
    return { from: before.length - group[1].length - 1, query: group[1], inGroup: true };
  }
  return null;
}

/** What to insert for a candidate: the whole `[@q42]`, or `@q42` inside a group. */
export function insertion(insert: string, inGroup: boolean): string {
  return inGroup ? insert.replace(/^\[/, "").replace(/\]$/, "") : insert;
}

/** UTF-16 offset in `text` of 1-based `line`, `column` counted in Unicode characters. */
export function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", at);
    if (next < 0) {
      return text.length;
    }
    at = next + 1;
  }
  const end = text.indexOf("\n", at);
  const lineText = text.slice(at, end < 0 ? text.length : end);
  const chars = Array.from(lineText).slice(0, Math.max(column - 1, 0));
  return at + Math.min(chars.join("").length, lineText.length);
}

export type CiteTarget =
  | { kind: "quote"; id: number }
  | { kind: "document"; id: number; start: number | null; end: number | null }
  | { kind: "event"; id: number };

/** Parses a preview link's `data-cite` (`q42`, `d7`, `d7:120-188`, `e9`). */
export function parseTarget(cite: string): CiteTarget | null {
  const m = /^(q|d|e)(\d+)(?::(\d+)-(\d+))?$/.exec(cite.trim());
  if (!m) {
    return null;
  }
  const id = Number(m[2]);
  if (m[1] === "q") return m[3] === undefined ? { kind: "quote", id } : null;
  if (m[1] === "e") return m[3] === undefined ? { kind: "event", id } : null;
  return { kind: "document", id, start: m[3] === undefined ? null : Number(m[3]), end: m[4] === undefined ? null : Number(m[4]) };
}
