// The timeline's lanes: events grouped by their first entity, their source document or their
// kind, the busiest groups each in a lane of their own and the rest together, each lane's
// events in date order. Pure, so it is unit-tested.

import type { TimelinePoints } from "./bindings/TimelinePoints";

export type LaneMode = "entity" | "source" | "kind";
export type Lane = { label: string; members: Int32Array; maxLength: number };
export const KIND_NAMES = ["publication", "extracted", "manual"];

/** At most `max` lanes: the `max - 1` busiest groups, then one for all the others. */
export function buildLanes(points: TimelinePoints, mode: LaneMode, max = 10): Lane[] {
  const n = points.id.length;
  const keyOf = (i: number): number =>
    mode === "entity" ? points.entity[i] : mode === "source" ? points.source[i] : points.kind[i];
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([k]) => k);
  const own = ranked.length <= max ? ranked : ranked.filter((k) => k !== -1).slice(0, max - 1);
  const laneOf = new Map<number, number>(own.map((k, i) => [k, i]));
  const rest = own.length;
  const sizes = new Array(own.length + 1).fill(0);
  const lane = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    lane[i] = laneOf.get(keyOf(i)) ?? rest;
    sizes[lane[i]]++;
  }
  const members = sizes.map((size) => new Int32Array(size));
  const fill = new Array(sizes.length).fill(0);
  const maxLength = new Array(sizes.length).fill(0);
  // Events arrive in date order, so each lane's members are in date order too.
  for (let i = 0; i < n; i++) {
    const l = lane[i];
    members[l][fill[l]++] = i;
    maxLength[l] = Math.max(maxLength[l], points.end[i] - points.start[i]);
  }
  const label = (k: number): string => {
    if (mode === "kind") return KIND_NAMES[k] ?? "other";
    if (k === -1) return mode === "entity" ? "no one named" : "no source";
    return mode === "entity" ? points.entities[k] : points.documents[k];
  };
  const lanes: Lane[] = own.map((k, i) => ({ label: label(k), members: members[i], maxLength: maxLength[i] }));
  if (sizes[rest] > 0) {
    lanes.push({ label: `others (${ranked.length - own.length})`, members: members[rest], maxLength: maxLength[rest] });
  }
  return lanes;
}

/**
 * A lane's bars in drawing order: longest first, so each shorter bar is drawn over the longer
 * ones it overlaps. In the "others" lane a week-long event used to vanish under a stack of
 * year-long bars of the same colour; drawn last, with its own box cut out of them, it shows.
 */
export function barsLongestFirst(bars: number[], start: ArrayLike<number>, end: ArrayLike<number>): number[] {
  return [...bars].sort((a, b) => end[b] - start[b] - (end[a] - start[a]) || start[a] - start[b] || a - b);
}
