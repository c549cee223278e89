import { describe, expect, it } from "vitest";
import { citationAtCursor, insertion, offsetOf, parseTarget } from "./notes";

describe("citations being typed", () => {
  it("finds `[@` and what follows it", () => {
    expect(citationAtCursor("Blanco said [@")).toEqual({ from: 12, query: "", inGroup: false });
    expect(citationAtCursor("Blanco said [@weapon")).toEqual({ from: 12, query: "weapon", inGroup: false });
    expect(citationAtCursor("See [@q1; @kel")).toEqual({ from: 10, query: "kel", inGroup: true });
  });
  it("keeps a query of several words open", () => {
    expect(citationAtCursor("He [@evade prose")).toEqual({ from: 3, query: "evade prose", inGroup: false });
    expect(citationAtCursor("He [@evade ")).toEqual({ from: 3, query: "evade ", inGroup: false });
    expect(citationAtCursor("See [@q1; @kelihos botnet")).toEqual({ from: 10, query: "kelihos botnet", inGroup: true });
    // Two spaces, or more than six words, end the citation being typed.
    expect(citationAtCursor("He [@evade  prose")).toBeNull();
    expect(citationAtCursor("He [@a b c d e f g")).toBeNull();
    expect(citationAtCursor("He [@ evade")).toBeNull();
  });
  it("ignores closed citations and plain text", () => {
    expect(citationAtCursor("Blanco said [@q1] and")).toBeNull();
    expect(citationAtCursor("an email@example")).toBeNull();
  });
  it("inserts a whole citation, or one more inside a group", () => {
    expect(insertion("[@q42]", false)).toBe("[@q42]");
    expect(insertion("[@q42]", true)).toBe("@q42");
  });
});

describe("problem positions", () => {
  it("turns lines and character columns into UTF-16 offsets", () => {
    const text = "first line\n😀 said “x” [@q1]\nthird";
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 1)).toBe(11);
    // The emoji is one character but two UTF-16 units.
    expect(offsetOf(text, 2, 3)).toBe(11 + 3);
    expect(offsetOf(text, 3, 99)).toBe(text.length);
    expect(offsetOf(text, 9, 1)).toBe(text.length);
  });
});

describe("preview links", () => {
  it("parses what a citation points at", () => {
    expect(parseTarget("q42")).toEqual({ kind: "quote", id: 42 });
    expect(parseTarget("d7")).toEqual({ kind: "document", id: 7, start: null, end: null });
    expect(parseTarget("d7:120-188")).toEqual({ kind: "document", id: 7, start: 120, end: 188 });
    expect(parseTarget("e9")).toEqual({ kind: "event", id: 9 });
    expect(parseTarget("x1")).toBeNull();
  });
});
