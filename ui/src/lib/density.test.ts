import { describe, expect, it } from "vitest";
import type { TimelineDensity } from "./bindings/TimelineDensity";
import { covers, densestDays, densityBins, eventsInView, WINDOW_EVENTS, windowFor } from "./density";
import { DAY } from "./timescale";

const day = (iso: string) => Date.parse(iso) / 1000 / DAY;

function density(rows: [string, number, number?][]): TimelineDensity {
  return {
    day: rows.map((r) => day(r[0])),
    count: rows.map((r) => r[1]),
    precise: rows.map((r) => r[2] ?? r[1]),
    total: rows.reduce((n, r) => n + r[1], 0),
  };
}

describe("density", () => {
  const d = density([
    ["1850-06-01", 1],
    ["2017-04-03", 40],
    ["2017-04-04", 30],
    ["2017-04-12", 20],
    ["2090-01-01", 1],
  ]);

  it("gathers the days in view into 4 px columns that add up to the events in view", () => {
    const view = { t0: day("2017-04-01") * DAY, t1: day("2017-05-01") * DAY };
    const bins = densityBins(view, 300, d);
    expect(bins.map((b) => b.count)).toEqual([40, 30, 20]);
    expect(bins.every((b) => b.x % 4 === 0 && b.x >= 0 && b.x < 300)).toBe(true);
    expect(eventsInView(view, d)).toBe(90);
    // Zoomed out over two centuries, neighbouring days share a column.
    const wide = densityBins({ t0: day("1800-01-01") * DAY, t1: day("2100-01-01") * DAY }, 300, d);
    expect(wide.reduce((n, b) => n + b.count, 0)).toBe(92);
    expect(wide.length).toBe(3);
  });

  it("opens on the shortest run of days holding half of the precise events", () => {
    expect(densestDays(d)).toEqual({ start: day("2017-04-03") * DAY, end: day("2017-04-05") * DAY });
    // Year-long mentions starting on 1 January do not pull the view there while days exist.
    const years = density([
      ["2017-01-01", 500, 0],
      ["2017-04-03", 5],
      ["2017-04-04", 5],
    ]);
    expect(densestDays(years)).toEqual({ start: day("2017-04-03") * DAY, end: day("2017-04-04") * DAY });
    expect(densestDays(density([]))).toBeNull();
  });

  it("reads a window around the view, narrowed to hold at most WINDOW_EVENTS", () => {
    const view = { t0: day("2017-04-10") * DAY, t1: day("2017-04-20") * DAY };
    const w = windowFor(view, d);
    expect(w).toEqual({ from: "2017-04-05", to: "2017-04-24", view: { t0: day("2017-04-05") * DAY, t1: day("2017-04-25") * DAY } });
    expect(covers(w.view, view)).toBe(true);
    const busy = density([
      ["2017-04-05", WINDOW_EVENTS],
      ["2017-04-15", 10],
    ]);
    const narrow = windowFor(view, busy);
    expect(narrow.from).toBe("2017-04-07");
    expect(eventsInView(narrow.view, busy)).toBeLessThanOrEqual(WINDOW_EVENTS);
    expect(covers(narrow.view, view)).toBe(true);
  });
});
