// Event tags and the timeline's merge selection, the pure side. The core decides what a tag
// is (src/store/event_tags.rs); `normalizeTag` mirrors its rules so the tag box can say what
// is wrong before a round trip, and shows the form the tag will be stored in.

import type { EventTagCount } from "./bindings/EventTagCount";

export const MAX_TAG_CHARS = 40;

export type Normalized = { tag: string; error: null } | { tag: null; error: string };

/** The stored form of a typed tag: trimmed, inner whitespace one space, lower-case. */
export function normalizeTag(raw: string): Normalized {
  if (/[\n\r]/.test(raw)) return { tag: null, error: "a tag is one line" };
  if (raw.includes(",")) return { tag: null, error: "a tag cannot hold a comma; add tags one at a time" };
  // Control characters other than whitespace, as the core refuses them.
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/.test(raw)) return { tag: null, error: "a tag cannot hold a control character" };
  const tag = raw.split(/\s+/).filter((w) => w !== "").join(" ").toLowerCase();
  if (tag === "") return { tag: null, error: "a tag cannot be empty" };
  const chars = [...tag].length;
  if (chars > MAX_TAG_CHARS) return { tag: null, error: `a tag has at most ${MAX_TAG_CHARS} characters (this one has ${chars})` };
  return { tag, error: null };
}

/**
 * Tags of the case to offer while typing: those the event lacks, starting with the typed text
 * first, then containing it, each group by how many events carry it.
 */
export function tagSuggestions(all: EventTagCount[], typed: string, present: string[], max = 8): string[] {
  const want = typed.trim().toLowerCase();
  const open = all.filter((t) => !present.includes(t.tag) && t.tag.includes(want));
  const rank = (t: EventTagCount) => (t.tag.startsWith(want) ? 0 : 1);
  return open
    .sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, max)
    .map((t) => t.tag);
}

/** The merge selection after a Shift/Ctrl+click on `id`: added if absent, removed if present. */
export function toggleSelection(selection: number[], id: number): number[] {
  return selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id];
}

/** What merge_events is called with: the chosen event keeps, every other selected one goes. */
export function mergePlan(selection: number[], into: number): { into: number; from: number[] } | null {
  const from = selection.filter((id) => id !== into);
  if (!selection.includes(into) || from.length === 0) return null;
  return { into, from };
}
