import { describe, expect, it } from "vitest";
import { mergePlan, normalizeTag, tagSuggestions, toggleSelection } from "./eventtags";

describe("normalizeTag", () => {
  it("trims, single-spaces and lower-cases as the core does", () => {
    expect(normalizeTag("  Arrest ")).toEqual({ tag: "arrest", error: null });
    expect(normalizeTag("Police \t Raid").tag).toBe("police raid");
    expect(normalizeTag("ÉVASION").tag).toBe("évasion");
  });
  it("refuses what the core refuses, saying why", () => {
    expect(normalizeTag("   ").error).toContain("empty");
    expect(normalizeTag("a,b").error).toContain("comma");
    expect(normalizeTag("a\nb").error).toContain("one line");
    expect(normalizeTag("a\u0007").error).toContain("control");
    expect(normalizeTag("x".repeat(41)).error).toContain("at most 40");
    expect(normalizeTag("é".repeat(40)).tag).toBe("é".repeat(40));
  });
});

describe("tagSuggestions", () => {
  const all = [
    { tag: "arrest", count: 2 },
    { tag: "false arrest", count: 5 },
    { tag: "arraignment", count: 1 },
    { tag: "spain", count: 9 },
  ];
  it("offers prefixes first, then other matches, leaving out the event's own tags", () => {
    expect(tagSuggestions(all, "Ar", [])).toEqual(["arrest", "arraignment", "false arrest"]);
    expect(tagSuggestions(all, "arr", ["arrest"])).toEqual(["arraignment", "false arrest"]);
    expect(tagSuggestions(all, "", ["spain"], 2)).toEqual(["false arrest", "arrest"]);
  });
});

describe("merge selection", () => {
  it("toggles ids in click order", () => {
    expect(toggleSelection([], 4)).toEqual([4]);
    expect(toggleSelection([4, 7], 9)).toEqual([4, 7, 9]);
    expect(toggleSelection([4, 7, 9], 7)).toEqual([4, 9]);
  });
  it("merges every other selected event into the chosen one", () => {
    expect(mergePlan([4, 7, 9], 7)).toEqual({ into: 7, from: [4, 9] });
    expect(mergePlan([4], 4)).toBeNull();
    expect(mergePlan([4, 7], 5)).toBeNull();
  });
});
