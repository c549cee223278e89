// Where the timeline looks: the view it opens on (the densest stretch of the case's events,
// or the last view of this case if events are still in it), the range a "Go to date" entry
// names, and the order of the events listed under the canvas. Pure, so it is unit-tested;
// views/Timeline.svelte owns the state and the storage.

import { DAY, fit, type View } from "./timescale";

export type Range = { start: number; end: number };

/** Events at most this long count as precise when choosing where to open. */
const PRECISE = 31 * DAY;

/**
 * The shortest stretch of time holding half of the events (by start; `start` sorted
 * ascending), so a case of 2017 articles with a few dates in 1850 and 2090 opens on 2017 and
 * never on the empty centuries between. Only events of a month or less count when there are
 * any: "in 2017" starts on 1 January, and a few dozen such mentions would otherwise open the
 * view on New Year's Day. Null for no events. At least a day wide, so events of one instant
 * still open on something readable.
 */
export function densestWindow(allStart: ArrayLike<number>, end?: ArrayLike<number>): Range | null {
  let start: ArrayLike<number> = allStart;
  if (end) {
    const precise: number[] = [];
    for (let i = 0; i < allStart.length; i++) {
      if (end[i] - allStart[i] <= PRECISE) precise.push(allStart[i]);
    }
    if (precise.length > 0) start = precise;
  }
  const n = start.length;
  if (n === 0) {
    return null;
  }
  const k = n <= 3 ? n : Math.ceil(n / 2);
  let best = 0;
  let bestWidth = Infinity;
  for (let i = 0; i + k - 1 < n; i++) {
    const width = start[i + k - 1] - start[i];
    if (width < bestWidth) {
      bestWidth = width;
      best = i;
    }
  }
  const from = start[best];
  return { start: from, end: Math.max(start[best + k - 1], from + DAY) };
}

/** Whether any event overlaps the view (`start` sorted ascending; "in view" means overlapping). */
export function viewHasEvents(view: View, start: ArrayLike<number>, end: ArrayLike<number>): boolean {
  for (let i = 0; i < start.length && start[i] < view.t1; i++) {
    if (end[i] > view.t0) {
      return true;
    }
  }
  return false;
}

/**
 * The view to open on: the remembered one when it still shows events, else one that fits the
 * densest stretch. There is no cap on how wide that may be: a case spanning millennia opens
 * on them rather than on an empty slice of them.
 */
export function openingView(start: ArrayLike<number>, end: ArrayLike<number>, remembered: View | null): View | null {
  if (remembered && remembered.t1 > remembered.t0 && viewHasEvents(remembered, start, end)) {
    return remembered;
  }
  const dense = densestWindow(start, end);
  return dense ? fit(dense.start, dense.end) : null;
}

const utc = (y: number, m = 0, d = 1) => Date.UTC(y, m, d) / 1000;

/**
 * The stretch a "Go to date" entry names: a year (`2017`), a month (`2017-04`), a day
 * (`2017-04-12`) or an ISO week (`2017-W14`, Monday to Monday). Null when it is none of these
 * or not a real date (`2017-02-30`, `2017-W54`).
 */
export function parseGoTo(text: string): Range | null {
  const s = text.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return { start: utc(y), end: utc(y + 1) };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? { start: utc(y, mo - 1), end: utc(y, mo) } : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const start = utc(y, mo - 1, d);
    const back = new Date(start * 1000);
    if (mo < 1 || mo > 12 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
      return null;
    }
    return { start, end: start + DAY };
  }
  m = /^(\d{4})-?W(\d{1,2})$/i.exec(s);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    // Week 1 is the week (Monday first) holding 4 January.
    const jan4 = utc(y, 0, 4);
    const monday1 = jan4 - ((new Date(jan4 * 1000).getUTCDay() + 6) % 7) * DAY;
    const start = monday1 + (w - 1) * 7 * DAY;
    // A real week of year y has its Thursday in year y.
    const thursday = new Date((start + 3 * DAY) * 1000);
    if (w < 1 || thursday.getUTCFullYear() !== y) {
      return null;
    }
    return { start, end: start + 7 * DAY };
  }
  return null;
}

/**
 * The events overlapping the view, in the order the list under the canvas shows them: by the
 * day of their middle, and within a day the narrowest (most precise) first. An imprecise
 * event sits at the middle of what it may mean ("2017" at 2 July), so a view of April lists
 * April's dated events first rather than the year-long mentions that began on 1 January.
 */
export function inViewOrder(view: View, start: ArrayLike<number>, end: ArrayLike<number>): Int32Array {
  const found: number[] = [];
  for (let i = 0; i < start.length && start[i] < view.t1; i++) {
    if (end[i] > view.t0) {
      found.push(i);
    }
  }
  const day = (i: number) => Math.floor((start[i] + end[i]) / 2 / DAY);
  const out = Int32Array.from(found);
  out.sort((a, b) => day(a) - day(b) || end[a] - start[a] - (end[b] - start[b]) || start[a] - start[b] || a - b);
  return out;
}
