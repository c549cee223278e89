// Showing a word diff the core computed (a quote against its earliest wording, a copy against
// the earliest version of a story). The core owns the diff itself (`copies::diff`, one bounded
// algorithm for the CLI and the app); what is decided here is how it reads on screen: a long
// article's unchanged stretches folded to their edges so the changes can be found, and each
// change said in words ("“12” → “21”", "dropped “not”"), which is what a fact-checker scans for.
// Pure, so the rules are unit-tested.

import type { DiffOp } from "./bindings/DiffOp";
import type { DiffPart } from "./bindings/DiffPart";

/** A piece of a diff as shown: text kept, added or removed, or a fold of unchanged words. */
export type DiffPiece = { op: DiffOp; text: string } | { op: "fold"; words: number };

/** One change said in words: a replacement, a drop or an addition. */
export type Change =
  | { kind: "replaced"; from: string; to: string }
  | { kind: "removed"; text: string }
  | { kind: "added"; text: string };

/** The words of `text` with the spacing after each, so that joining them gives `text` back. */
function wordsOf(text: string): string[] {
  return text.match(/\s*\S+\s*|\s+/g) ?? [];
}

/** Whether a piece changes a word rather than only spacing or punctuation. */
function changesWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * The pieces of `parts` with every unchanged stretch longer than twice `context` words folded
 * to `context` words on each side that touches a change (a stretch at the start or end keeps
 * only the side next to the change). Nothing is folded when nothing changed: the caller says
 * "no differences" instead.
 */
export function condense(parts: DiffPart[], context = 12): DiffPiece[] {
  const out: DiffPiece[] = [];
  const last = parts.length - 1;
  parts.forEach((part, i) => {
    if (part.op !== "same") {
      out.push({ op: part.op, text: part.text });
      return;
    }
    const words = wordsOf(part.text);
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = i === last ? 0 : context;
    if (words.length <= keepBefore + keepAfter + 1) {
      out.push({ op: "same", text: part.text });
      return;
    }
    if (keepBefore > 0) {
      out.push({ op: "same", text: words.slice(0, keepBefore).join("") });
    }
    out.push({ op: "fold", words: words.length - keepBefore - keepAfter });
    if (keepAfter > 0) {
      out.push({ op: "same", text: words.slice(words.length - keepAfter).join("") });
    }
  });
  return out;
}

/**
 * The changes of `parts` in order: a removal followed at once by an addition is one
 * replacement; pieces that change only spacing or punctuation are left out.
 */
export function changes(parts: DiffPart[]): Change[] {
  const out: Change[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.op === "same" || !changesWords(part.text)) {
      continue;
    }
    const text = part.text.trim();
    const next = parts[i + 1];
    if (part.op === "removed" && next?.op === "added" && changesWords(next.text)) {
      out.push({ kind: "replaced", from: text, to: next.text.trim() });
      i++;
    } else if (part.op === "removed") {
      out.push({ kind: "removed", text });
    } else {
      out.push({ kind: "added", text });
    }
  }
  return out;
}

/** A change in a few words, for a list or a tooltip. */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case "replaced":
      return `“${change.from}” → “${change.to}”`;
    case "removed":
      return `dropped “${change.text}”`;
    case "added":
      return `added “${change.text}”`;
  }
}

/** Whether `parts` change any word at all. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.op !== "same" && changesWords(p.text));
}
