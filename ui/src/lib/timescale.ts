// The timeline's time axis: a view of [t0, t1) seconds drawn across `width` pixels, zoomed
// about a point and panned, with tick marks from decades down to hours, and the events of a
// lane gathered into pixel bins so that 100k events cost one pass and a few hundred shapes.
// Pure, so it is unit-tested without a canvas.

export type View = { t0: number; t1: number };

export const HOUR = 3600;
export const DAY = 86400;
/** The narrowest view: two hours across the window. */
export const MIN_SPAN = 2 * HOUR;
/** The widest view zooming out reaches: four centuries (a case's own events may open wider). */
export const MAX_SPAN = 400 * 365.25 * DAY;

export function toX(view: View, width: number, t: number): number {
  return ((t - view.t0) / (view.t1 - view.t0)) * width;
}

export function toTime(view: View, width: number, x: number): number {
  return view.t0 + (x / width) * (view.t1 - view.t0);
}

/** Zooms by `factor` (below 1 zooms in) keeping the time under pixel `x` where it is. */
export function zoomAt(view: View, width: number, x: number, factor: number): View {
  const span = view.t1 - view.t0;
  // A view opened wider than the cap (events across millennia) may zoom in, never further out.
  const next = Math.min(Math.max(span * factor, MIN_SPAN), Math.max(MAX_SPAN, span));
  const anchor = toTime(view, width, x);
  const left = (x / width) * next;
  return { t0: anchor - left, t1: anchor - left + next };
}

/** Moves the view by `dx` pixels (positive moves later times into view from the right). */
export function panBy(view: View, width: number, dx: number): View {
  const shift = (dx / width) * (view.t1 - view.t0);
  return { t0: view.t0 + shift, t1: view.t1 + shift };
}

/**
 * A view showing [start, end) with a margin on each side, at least `MIN_SPAN` wide. It is not
 * capped at `MAX_SPAN`: capping it opened a case with one event in year 1 on four empty
 * centuries in the middle.
 */
export function fit(start: number, end: number): View {
  const span = Math.max((end - start) * 1.1, MIN_SPAN);
  const mid = (start + end) / 2;
  return { t0: mid - span / 2, t1: mid + span / 2 };
}

type Unit = { name: string; approx: number; step: (d: Date) => void; floor: (d: Date) => void };

function floorTo(d: Date, months: number): void {
  d.setUTCDate(1);
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCMonth(Math.floor(d.getUTCMonth() / months) * months);
}

function yearsUnit(n: number): Unit {
  return {
    name: n === 1 ? "year" : `${n} years`,
    approx: n * 365.25 * DAY,
    floor: (d) => {
      floorTo(d, 12);
      d.setUTCFullYear(Math.floor(d.getUTCFullYear() / n) * n);
    },
    step: (d) => d.setUTCFullYear(d.getUTCFullYear() + n),
  };
}

function monthsUnit(n: number): Unit {
  return {
    name: n === 1 ? "month" : `${n} months`,
    approx: n * 30.44 * DAY,
    floor: (d) => floorTo(d, n),
    step: (d) => d.setUTCMonth(d.getUTCMonth() + n),
  };
}

function fixedUnit(name: string, seconds: number, weekAligned = false): Unit {
  return {
    name,
    approx: seconds,
    floor: (d) => {
      let t = Math.floor(d.getTime() / 1000 / seconds) * seconds;
      if (weekAligned) {
        // Weeks start on Monday, as ISO weeks do: 1970-01-05 was a Monday.
        t = Math.floor((d.getTime() / 1000 - 4 * DAY) / seconds) * seconds + 4 * DAY;
      }
      d.setTime(t * 1000);
    },
    step: (d) => d.setTime(d.getTime() + seconds * 1000),
  };
}

/** Tick units from coarse to fine; the axis uses the finest whose ticks stay readable. */
export const UNITS: Unit[] = [
  yearsUnit(1000),
  yearsUnit(500),
  yearsUnit(100),
  yearsUnit(50),
  yearsUnit(10),
  yearsUnit(5),
  yearsUnit(1),
  monthsUnit(3),
  monthsUnit(1),
  fixedUnit("week", 7 * DAY, true),
  fixedUnit("day", DAY),
  fixedUnit("6 hours", 6 * HOUR),
  fixedUnit("hour", HOUR),
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The label of a tick at `d` for a unit: years for years; at month and week scale every label
 * carries its year ("Apr 2017", "3 Apr 2017"), since a view of a few months may show none of
 * the January ticks that used to be the only ones with a year; at day and hour scale the
 * first tick in view (`first`) and each 1 January do.
 */
export function tickLabel(unit: Unit, d: Date, first = false): string {
  const y = d.getUTCFullYear();
  if (unit.approx >= 365 * DAY) {
    return String(y);
  }
  const month = MONTHS[d.getUTCMonth()];
  if (unit.approx >= 28 * DAY) {
    return `${month} ${y}`;
  }
  const day = `${d.getUTCDate()} ${month}`;
  if (unit.approx > DAY) {
    return `${day} ${y}`;
  }
  const newYear = d.getUTCDate() === 1 && d.getUTCMonth() === 0;
  if (unit.approx === DAY) {
    return first || newYear ? `${day} ${y}` : day;
  }
  const hh = String(d.getUTCHours()).padStart(2, "0");
  if (first) {
    return `${day} ${y} ${hh}:00`;
  }
  return d.getUTCHours() === 0 ? `${day} 00:00` : `${hh}:00`;
}

export type Tick = { t: number; x: number; label: string };

/** Ticks for the view at least `minGap` pixels apart, and the unit they count in. */
export function ticks(view: View, width: number, minGap = 80): { unit: string; ticks: Tick[] } {
  const secondsPerPx = (view.t1 - view.t0) / width;
  const unit = [...UNITS].reverse().find((u) => u.approx / secondsPerPx >= minGap) ?? UNITS[0];
  const d = new Date(view.t0 * 1000);
  unit.floor(d);
  const out: Tick[] = [];
  for (let guard = 0; guard < 1000 && d.getTime() / 1000 < view.t1; guard++) {
    const t = d.getTime() / 1000;
    if (t >= view.t0) {
      out.push({ t, x: toX(view, width, t), label: tickLabel(unit, d, out.length === 0) });
    }
    unit.step(d);
  }
  return { unit: unit.name, ticks: out };
}

/** Index of the first element of sorted `values` that is >= `target`. */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** What to draw for one lane: ranges wide enough to see as bars, and point bins. */
export type LaneShapes = {
  /** Indices of events drawn as bars (at least `minBar` pixels wide). */
  bars: number[];
  /** Pixel bins of narrower events: x of the bin's left edge, how many, and one of them. */
  bins: { x: number; count: number; first: number; conflict: boolean }[];
};

/**
 * Gathers the events `members` (indices, sorted by start) of one lane that overlap the view:
 * wide ones become bars, the rest fall into `binPx`-wide bins, so drawing costs at most one
 * shape per bin however many events there are. `maxLength` is the longest event's length,
 * which bounds how far before the view an overlapping event can start.
 */
export function laneShapes(
  view: View,
  width: number,
  members: Int32Array | number[],
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  conflict: ArrayLike<boolean | number>,
  maxLength: number,
  binPx = 4,
  minBar = 6,
): LaneShapes {
  const bars: number[] = [];
  // Bins are slots of typed arrays rather than map entries: one lane of 100k events then
  // costs a few milliseconds, which a map's hashing tripled.
  const slots = Math.ceil(width / binPx) + 1;
  const counts = new Int32Array(slots);
  const firsts = new Int32Array(slots);
  const conflicts = new Uint8Array(slots);
  const scale = width / (view.t1 - view.t0);
  // Members are sorted by start: skip those that start too early to reach into the view.
  let lo = 0;
  let hi = members.length;
  const earliest = view.t0 - maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[members[mid]] < earliest) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (let k = lo; k < members.length; k++) {
    const i = members[k];
    const s = start[i];
    if (s >= view.t1) {
      break;
    }
    const e = end[i];
    if (e <= view.t0) {
      continue;
    }
    const w = (e - s) * scale;
    if (w >= minBar) {
      bars.push(i);
      continue;
    }
    const x = ((s + e) / 2 - view.t0) * scale;
    const key = Math.min(Math.max(Math.floor(x / binPx), 0), slots - 1);
    if (counts[key]++ === 0) {
      firsts[key] = i;
    }
    if (conflict[i]) {
      conflicts[key] = 1;
    }
  }
  const bins: LaneShapes["bins"] = [];
  for (let key = 0; key < slots; key++) {
    if (counts[key] > 0) {
      bins.push({ x: key * binPx, count: counts[key], first: firsts[key], conflict: conflicts[key] === 1 });
    }
  }
  return { bars, bins };
}

/** A date for a new event at time `t`, as precise as the zoom: a day, or an hour up close. */
export function dateAt(view: View, width: number, t: number): string {
  const iso = new Date(t * 1000).toISOString();
  const secondsPerPx = (view.t1 - view.t0) / width;
  return secondsPerPx < HOUR / 20 ? `${iso.slice(0, 13)}:00` : iso.slice(0, 10);
}
