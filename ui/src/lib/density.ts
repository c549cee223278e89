// The timeline of a big case, drawn without every event: the core counts the events starting
// on each day (`TimelineDensity`, kept per day by the case), the canvas draws those counts as
// columns, and the view reads the events themselves only for a window it is zoomed into once
// that window holds at most `WINDOW_EVENTS` of them (issue 23: 3.8M events at 1M documents,
// where reading them all took seconds). Pure, so it is unit-tested; views/Timeline.svelte
// decides when to read, components/TimelineCanvas.svelte what to draw.

import type { TimelineDensity } from "./bindings/TimelineDensity";
import { DAY, lowerBound, toX, type View } from "./timescale";
import type { Range } from "./timeview";

/**
 * At most this many events are read as points: a case with fewer is read whole, as before;
 * past it, a window is read once the view holds fewer. Reading 87k events took 4.3 s in the
 * real window (docs/benchmarks.md), so 10k keep a read within about half a second.
 */
export const WINDOW_EVENTS = 10_000;

/** A density column: `count` events starting within 4 px at `x` (plot coordinates). */
export type DensityBin = { x: number; count: number; t0: number; t1: number };

/** The days' counts gathered into 4 px columns over the view, left to right. */
export function densityBins(view: View, width: number, density: TimelineDensity, px = 4): DensityBin[] {
  const bins: DensityBin[] = [];
  const first = lowerBound(density.day, Math.floor(view.t0 / DAY));
  for (let i = first; i < density.day.length; i++) {
    const t = density.day[i] * DAY;
    if (t >= view.t1) break;
    // A day wider than a column is drawn at its middle, else at its start.
    const x = Math.floor(toX(view, width, t + (toX(view, width, t + DAY) - toX(view, width, t) > px ? DAY / 2 : 0)) / px) * px;
    if (x < -px || x > width) continue;
    const last = bins[bins.length - 1];
    if (last && last.x === x) {
      last.count += density.count[i];
      last.t1 = t + DAY;
    } else {
      bins.push({ x, count: density.count[i], t0: t, t1: t + DAY });
    }
  }
  return bins;
}

/** The events starting on the days the view touches: what a read of its window returns, bar
 * the few long events that began before it. */
export function eventsInView(view: View, density: TimelineDensity): number {
  let n = 0;
  for (let i = lowerBound(density.day, Math.floor(view.t0 / DAY)); i < density.day.length && density.day[i] * DAY < view.t1; i++) {
    n += density.count[i];
  }
  return n;
}

/**
 * The shortest run of days holding half of the events, counting only the precise ones (a
 * month or less) when there are any: the density's version of `densestWindow`, so a big case
 * opens where a small one would. Null for no events.
 */
export function densestDays(density: TimelineDensity): Range | null {
  const usePrecise = density.precise.some((n) => n > 0);
  const weight = usePrecise ? density.precise : density.count;
  let total = 0;
  for (const n of weight) total += n;
  if (total === 0) return null;
  const half = Math.ceil(total / 2);
  let best: Range | null = null;
  let sum = 0;
  let lo = 0;
  for (let hi = 0; hi < density.day.length; hi++) {
    sum += weight[hi];
    // Drop days from the left while the rest still holds half.
    while (lo < hi && sum - weight[lo] >= half) {
      sum -= weight[lo];
      lo++;
    }
    if (sum >= half) {
      const range = { start: density.day[lo] * DAY, end: (density.day[hi] + 1) * DAY };
      if (!best || range.end - range.start < best.end - best.start) best = range;
    }
  }
  return best;
}

/** Whether `inner` lies within `outer`. */
export function covers(outer: View, inner: View): boolean {
  return outer.t0 <= inner.t0 && inner.t1 <= outer.t1;
}

/**
 * The window to read for a view: the view and half of it on each side, so small pans stay
 * inside it, narrowed (a quarter, then nothing on each side) while that would hold more than
 * `WINDOW_EVENTS`; in whole UTC days. `from` and `to` are the days the core's range takes
 * (`to` inclusive), `view` the stretch of time they cover.
 */
export function windowFor(view: View, density?: TimelineDensity): { from: string; to: string; view: View } {
  const iso = (d: number) => new Date(d * DAY * 1000).toISOString().slice(0, 10);
  let within: View = view;
  for (const share of [0.5, 0.25, 0]) {
    const pad = (view.t1 - view.t0) * share;
    within = { t0: Math.floor((view.t0 - pad) / DAY) * DAY, t1: Math.ceil((view.t1 + pad) / DAY) * DAY };
    if (!density || eventsInView(within, density) <= WINDOW_EVENTS) break;
  }
  return { from: iso(within.t0 / DAY), to: iso(within.t1 / DAY - 1), view: within };
}
