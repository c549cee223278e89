import { describe, expect, it } from "vitest";
import { DAY, HOUR, MAX_SPAN, MIN_SPAN, dateAt, fit, laneShapes, lowerBound, panBy, ticks, toTime, toX, zoomAt } from "./timescale";

const utc = (iso: string) => Date.parse(iso) / 1000;

describe("the time axis", () => {
  const view = { t0: utc("2017-01-01T00:00:00Z"), t1: utc("2018-01-01T00:00:00Z") };
  it("maps times to pixels and back", () => {
    expect(toX(view, 1000, view.t0)).toBe(0);
    expect(toX(view, 1000, view.t1)).toBe(1000);
    expect(toTime(view, 1000, 500)).toBeCloseTo((view.t0 + view.t1) / 2);
  });
  it("zooms about the cursor and stops at hours and centuries", () => {
    const z = zoomAt(view, 1000, 250, 0.5);
    expect(toTime(z, 1000, 250)).toBeCloseTo(toTime(view, 1000, 250));
    expect(z.t1 - z.t0).toBeCloseTo((view.t1 - view.t0) / 2);
    let v = view;
    for (let i = 0; i < 100; i++) v = zoomAt(v, 1000, 500, 0.5);
    expect(v.t1 - v.t0).toBe(MIN_SPAN);
    for (let i = 0; i < 100; i++) v = zoomAt(v, 1000, 500, 2);
    expect(v.t1 - v.t0).toBe(MAX_SPAN);
  });
  it("pans by pixels", () => {
    const p = panBy(view, 1000, 100);
    expect(p.t0 - view.t0).toBeCloseTo((view.t1 - view.t0) / 10);
    expect(p.t1 - p.t0).toBe(view.t1 - view.t0);
  });
  it("ticks in months across a year, weeks on Mondays, hours up close, decades far out", () => {
    const months = ticks(view, 1100);
    expect(months.unit).toBe("month");
    expect(months.ticks.map((t) => t.label).slice(0, 4)).toEqual(["Jan 2017", "Feb 2017", "Mar 2017", "Apr 2017"]);
    const weeks = ticks({ t0: utc("2017-03-20T00:00:00Z"), t1: utc("2017-05-01T00:00:00Z") }, 600);
    expect(weeks.unit).toBe("week");
    for (const t of weeks.ticks) expect(new Date(t.t * 1000).getUTCDay()).toBe(1);
    const hours = ticks({ t0: utc("2017-04-12T00:00:00Z"), t1: utc("2017-04-12T06:00:00Z") }, 1000);
    expect(hours.unit).toBe("hour");
    expect(hours.ticks[0].label).toBe("12 Apr 2017 00:00");
    expect(hours.ticks[1].label).toBe("01:00");
    const decades = ticks({ t0: utc("1950-01-01T00:00:00Z"), t1: utc("2020-01-01T00:00:00Z") }, 1000);
    expect(decades.unit).toBe("10 years");
    expect(decades.ticks.map((t) => t.label)).toEqual(["1950", "1960", "1970", "1980", "1990", "2000", "2010"]);
  });
  it("puts the year on every tick at month and week scale, and on the first one closer in", () => {
    // A view from May to October shows no January tick, which used to be the only one dated.
    const summer = ticks({ t0: utc("2016-05-01T00:00:00Z"), t1: utc("2016-10-01T00:00:00Z") }, 900);
    expect(summer.unit).toBe("month");
    for (const t of summer.ticks) expect(t.label).toMatch(/^[A-Z][a-z]{2} 2016$/);
    const weeks = ticks({ t0: utc("2017-03-20T00:00:00Z"), t1: utc("2017-05-01T00:00:00Z") }, 700);
    expect(weeks.unit).toBe("week");
    expect(weeks.ticks[0].label).toBe("20 Mar 2017");
    for (const t of weeks.ticks) expect(t.label).toMatch(/ 2017$/);
    const days = ticks({ t0: utc("2017-04-10T00:00:00Z"), t1: utc("2017-04-17T00:00:00Z") }, 700);
    expect(days.unit).toBe("day");
    expect(days.ticks.map((t) => t.label).slice(0, 2)).toEqual(["10 Apr 2017", "11 Apr"]);
  });
  it("opens wider than the zoom-out cap when the events need it, and zooms in from there", () => {
    const wide = fit(utc("0001-01-01T00:00:00Z"), utc("2017-01-01T00:00:00Z"));
    expect(wide.t1 - wide.t0).toBeGreaterThan(MAX_SPAN);
    const inward = zoomAt(wide, 1000, 500, 0.5);
    expect(inward.t1 - inward.t0).toBeCloseTo((wide.t1 - wide.t0) / 2);
    const outward = zoomAt(wide, 1000, 500, 2);
    expect(outward.t1 - outward.t0).toBeCloseTo(wide.t1 - wide.t0);
    const millennia = ticks(wide, 1000);
    expect(millennia.ticks.length).toBeLessThan(15);
  });
  it("fits a week with a margin", () => {
    const f = fit(utc("2017-04-03T00:00:00Z"), utc("2017-04-10T00:00:00Z"));
    expect(f.t1 - f.t0).toBeCloseTo(7.7 * DAY);
  });
  it("dates a double-click by the day, or by the hour up close", () => {
    expect(dateAt(view, 1000, utc("2017-04-12T05:30:00Z"))).toBe("2017-04-12");
    const close = { t0: utc("2017-04-12T00:00:00Z"), t1: utc("2017-04-12T06:00:00Z") };
    expect(dateAt(close, 1000, utc("2017-04-12T05:30:00Z"))).toBe("2017-04-12T05:00");
  });
});

describe("binning a lane", () => {
  it("finds a lower bound", () => {
    expect(lowerBound([1, 3, 3, 7], 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 7], 8)).toBe(4);
  });
  it("draws wide events as bars and gathers points into bins", () => {
    const start = [0, 10, 11, 12, 500, 5000];
    const end = [1000, 11, 12, 13, 501, 5001];
    const conflict = [false, false, true, false, false, false];
    const view = { t0: 0, t1: 1000 };
    const shapes = laneShapes(view, 1000, [0, 1, 2, 3, 4, 5], start, end, conflict, 1000, 4);
    expect(shapes.bars).toEqual([0]);
    expect(shapes.bins.map((b) => [b.x, b.count, b.conflict])).toEqual([
      [8, 2, true],
      [12, 1, false],
      [500, 1, false],
    ]);
  });
  it("costs a bin per pixel group however many events there are", () => {
    const n = 100_000;
    const start = Array.from({ length: n }, (_, i) => i * HOUR);
    const end = start.map((s) => s + 60);
    const members = Int32Array.from({ length: n }, (_, i) => i);
    const shapes = laneShapes({ t0: 0, t1: n * HOUR }, 1000, members, start, end, new Array(n).fill(false), 60, 4);
    expect(shapes.bins.length).toBe(250);
    expect(shapes.bins.reduce((sum, b) => sum + b.count, 0)).toBe(n);
  });
  it("skips events that end before the view", () => {
    const shapes = laneShapes({ t0: 100, t1: 200 }, 100, [0, 1], [0, 150], [10, 151], [false, false], 10);
    expect(shapes.bins.map((b) => b.first)).toEqual([1]);
  });
});
