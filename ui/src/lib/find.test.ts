import { describe, expect, it } from "vitest";
import { countLabel, findAll, step, within } from "./find";

describe("find in the reader", () => {
  it("finds every occurrence ignoring case, in Unicode characters", () => {
    const text = "😀 Spain. SPAIN and spain; Spain’s";
    // The emoji is one character (two UTF-16 units), so the first match starts at 2, not 3.
    expect(findAll(text, "spain")).toEqual([
      { start: 2, end: 7 },
      { start: 9, end: 14 },
      { start: 19, end: 24 },
      { start: 26, end: 31 },
    ]);
    expect(findAll(text, "SPAIN.")).toEqual([{ start: 2, end: 8 }]);
  });
  it("finds nothing for an empty or blank query", () => {
    expect(findAll("abc", "")).toEqual([]);
    expect(findAll("a b", " ")).toEqual([]);
  });
  it("keeps offsets when a capital's lower case is longer", () => {
    // "İ" lower-cases to two code points; it is kept as it is so "x" stays at character 2.
    expect(findAll("İ x", "x")).toEqual([{ start: 2, end: 3 }]);
  });
  it("does not overlap matches", () => {
    expect(findAll("aaaa", "aa")).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });
  it("steps forwards and backwards, wrapping", () => {
    expect(step(0, 3, 1)).toBe(1);
    expect(step(2, 3, 1)).toBe(0);
    expect(step(0, 3, -1)).toBe(2);
    expect(step(-1, 0, 1)).toBe(-1);
  });
  it("lists the matches in a paragraph by binary search", () => {
    const matches = [
      { start: 0, end: 2 },
      { start: 10, end: 12 },
      { start: 20, end: 22 },
    ];
    expect(within(matches, 11, 21).map((m) => m.index)).toEqual([1, 2]);
    expect(within(matches, 3, 9)).toEqual([]);
  });
  it("says where the reader is", () => {
    expect(countLabel("", -1, 0)).toBe("");
    expect(countLabel("x", -1, 0)).toBe("No matches");
    expect(countLabel("x", 2, 17)).toBe("3 of 17");
  });
});
