import { describe, expect, it } from "vitest";
import { DAY, MAX_SPAN } from "./timescale";
import { densestWindow, inViewOrder, openingView, parseGoTo, viewHasEvents } from "./timeview";

const utc = (iso: string) => Date.parse(iso) / 1000;

describe("where the timeline opens", () => {
  // A case of 2017 articles with a date from 1850 and one from 2090 among them.
  const start = [utc("1850-06-01T00:00:00Z"), ...Array.from({ length: 20 }, (_, i) => utc("2017-03-01T00:00:00Z") + i * 3 * DAY), utc("2090-01-01T00:00:00Z")];
  const end = start.map((s) => s + DAY);

  it("finds the shortest stretch holding half the events", () => {
    const dense = densestWindow(start)!;
    expect(dense.start).toBeGreaterThanOrEqual(utc("2017-03-01T00:00:00Z"));
    expect(dense.end).toBeLessThanOrEqual(utc("2017-05-01T00:00:00Z"));
    expect(densestWindow([])).toBeNull();
    expect(densestWindow([utc("2017-04-12T00:00:00Z")])).toEqual({ start: utc("2017-04-12T00:00:00Z"), end: utc("2017-04-13T00:00:00Z") });
  });

  it("opens on the precise events rather than on the first day of the years mentioned", () => {
    const jan1 = utc("2017-01-01T00:00:00Z");
    const april = Array.from({ length: 5 }, (_, i) => utc("2017-04-10T00:00:00Z") + i * DAY);
    const s = [...new Array(20).fill(jan1), ...april];
    const e = [...new Array(20).fill(utc("2018-01-01T00:00:00Z")), ...april.map((t) => t + DAY)];
    const dense = densestWindow(s, e)!;
    expect(dense.start).toBeGreaterThanOrEqual(april[0]);
    expect(densestWindow(s.slice(0, 20), e.slice(0, 20))!.start).toBe(jan1);
  });

  it("opens on events, never on an empty range, however far apart they are", () => {
    const far = [utc("0001-01-01T00:00:00Z"), utc("2017-04-12T00:00:00Z"), utc("2017-04-13T00:00:00Z"), utc("2999-01-01T00:00:00Z")];
    const v = openingView(far, far.map((s) => s + DAY), null)!;
    expect(viewHasEvents(v, far, far.map((s) => s + DAY))).toBe(true);
    expect(v.t1 - v.t0).toBeLessThan(MAX_SPAN);
    const first = openingView(start, end, null)!;
    expect(viewHasEvents(first, start, end)).toBe(true);
    expect(openingView([], [], null)).toBeNull();
  });

  it("keeps the remembered view while it shows events", () => {
    const remembered = { t0: utc("1850-01-01T00:00:00Z"), t1: utc("1851-01-01T00:00:00Z") };
    expect(openingView(start, end, remembered)).toEqual(remembered);
    const empty = { t0: utc("1900-01-01T00:00:00Z"), t1: utc("1901-01-01T00:00:00Z") };
    expect(openingView(start, end, empty)).not.toEqual(empty);
  });
});

describe("go to date", () => {
  it("reads a year, a month, a day and an ISO week", () => {
    expect(parseGoTo("2017")).toEqual({ start: utc("2017-01-01T00:00:00Z"), end: utc("2018-01-01T00:00:00Z") });
    expect(parseGoTo(" 2017-04 ")).toEqual({ start: utc("2017-04-01T00:00:00Z"), end: utc("2017-05-01T00:00:00Z") });
    expect(parseGoTo("2017-12")).toEqual({ start: utc("2017-12-01T00:00:00Z"), end: utc("2018-01-01T00:00:00Z") });
    expect(parseGoTo("2017-04-12")).toEqual({ start: utc("2017-04-12T00:00:00Z"), end: utc("2017-04-13T00:00:00Z") });
    // 2017-W14 is Monday 3 April to Monday 10 April; 2015-W53 exists, 2017-W01 starts on 2 January.
    expect(parseGoTo("2017-W14")).toEqual({ start: utc("2017-04-03T00:00:00Z"), end: utc("2017-04-10T00:00:00Z") });
    expect(parseGoTo("2017w14")).toEqual(parseGoTo("2017-W14"));
    expect(parseGoTo("2015-W53")!.start).toBe(utc("2015-12-28T00:00:00Z"));
    expect(parseGoTo("2017-W01")!.start).toBe(utc("2017-01-02T00:00:00Z"));
  });

  it("refuses what is not a date", () => {
    for (const bad of ["", "17", "2017-13", "2017-02-30", "2017-W54", "2017-W00", "April 2017", "2017-04-12T10"]) {
      expect(parseGoTo(bad), bad).toBeNull();
    }
  });
});

describe("the list of events in view", () => {
  it("orders by the day of their middle, the narrowest first within a day, leaving out events outside the view", () => {
    const d = utc("2017-04-12T00:00:00Z");
    // Sorted by start as the points are: the year 2017, a week, the 12th, an hour on the 12th,
    // the 13th, and one event after the view.
    const start = [utc("2017-01-01T00:00:00Z"), utc("2017-04-10T00:00:00Z"), d, d + 10 * 3600, d + DAY, d + 40 * DAY];
    const end = [utc("2018-01-01T00:00:00Z"), utc("2017-04-17T00:00:00Z"), d + DAY, d + 11 * 3600, d + 2 * DAY, d + 41 * DAY];
    const order = inViewOrder({ t0: d, t1: d + 3 * DAY }, start, end);
    // The hour and the day of the 12th; the 13th, then the week whose middle is on the 13th;
    // the year, whose middle is in July.
    expect([...order]).toEqual([3, 2, 4, 1, 0]);
  });
});
