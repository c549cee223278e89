import { describe, expect, it } from "vitest";
import type { TimelinePoints } from "./bindings/TimelinePoints";
import { barsLongestFirst, buildLanes } from "./lanes";

function points(entities: number[]): TimelinePoints {
  const n = entities.length;
  return {
    id: entities.map((_, i) => i + 1),
    start: entities.map((_, i) => i * 100),
    end: entities.map((_, i) => i * 100 + (i === 2 ? 1000 : 10)),
    kind: entities.map((e) => (e === -1 ? 0 : 1)),
    status: new Array(n).fill(0),
    conflict: new Array(n).fill(false),
    entity: entities,
    source: new Array(n).fill(0),
    entities: ["Kremez", "Blanco", "Jarvis"],
    documents: ["Spam Czar Nabbed"],
    document_ids: [1],
  };
}

describe("timeline lanes", () => {
  it("gives each entity a lane, busiest first, members in date order", () => {
    const lanes = buildLanes(points([1, 0, 1, -1, 1, 2]), "entity");
    expect(lanes.map((l) => l.label)).toEqual(["Blanco", "no one named", "Kremez", "Jarvis"]);
    expect(Array.from(lanes[0].members)).toEqual([0, 2, 4]);
    expect(lanes[0].maxLength).toBe(1000);
  });
  it("puts the quieter groups together when there are too many", () => {
    const lanes = buildLanes(points([1, 0, 1, -1, 1, 2, 2]), "entity", 3);
    expect(lanes.map((l) => l.label)).toEqual(["Blanco", "Jarvis", "others (2)"]);
    expect(Array.from(lanes[2].members)).toEqual([1, 3]);
  });
  it("lanes by kind and by source", () => {
    expect(buildLanes(points([1, -1]), "kind").map((l) => l.label)).toEqual(["publication", "extracted"]);
    expect(buildLanes(points([1, -1]), "source").map((l) => l.label)).toEqual(["Spam Czar Nabbed"]);
  });
});

describe("barsLongestFirst", () => {
  it("draws the longest bars first and a week-long one after the years it overlaps", () => {
    const start = [0, 0, 100, 50];
    const end = [365, 366, 107, 415];
    expect(barsLongestFirst([0, 1, 2, 3], start, end)).toEqual([1, 0, 3, 2]);
  });
});
