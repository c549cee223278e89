import { describe, expect, it } from "vitest";
import type { DiffPart } from "./bindings/DiffPart";
import { changes, condense, describeChange, hasChanges } from "./worddiff";

const same = (text: string): DiffPart => ({ op: "same", text });
const added = (text: string): DiffPart => ({ op: "added", text });
const removed = (text: string): DiffPart => ({ op: "removed", text });
const words = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${from + i} `).join("");

describe("changes", () => {
  it("says a changed number as one replacement", () => {
    const parts = [same("Unemployment fell to "), removed("12 "), added("21 "), same("percent.")];
    expect(changes(parts)).toEqual([{ kind: "replaced", from: "12", to: "21" }]);
    expect(changes(parts).map(describeChange)).toEqual(["“12” → “21”"]);
  });

  it("says a dropped not and an added word apart", () => {
    const parts = [same("We will "), removed("not "), same("raise taxes "), added("soon ")];
    expect(changes(parts).map(describeChange)).toEqual(["dropped “not”", "added “soon”"]);
  });

  it("leaves out pieces that change only punctuation or spacing", () => {
    const parts = [same("taxes"), removed(", "), added("; "), same("again")];
    expect(changes(parts)).toEqual([]);
    expect(hasChanges(parts)).toBe(false);
    expect(hasChanges([same("a "), added("b")])).toBe(true);
  });

  it("does not pair an addition before a removal", () => {
    const parts = [added("new "), removed("old ")];
    expect(changes(parts)).toEqual([
      { kind: "added", text: "new" },
      { kind: "removed", text: "old" },
    ]);
  });
});

describe("condense", () => {
  it("keeps a short diff whole", () => {
    const parts = [same("He did "), removed("not "), same("say it.")];
    expect(condense(parts)).toEqual(parts);
  });

  it("folds a long unchanged stretch between changes to its edges", () => {
    const parts = [removed("old "), same(words(40)), added("new")];
    const pieces = condense(parts, 3);
    expect(pieces).toEqual([
      { op: "removed", text: "old " },
      { op: "same", text: "w1 w2 w3 " },
      { op: "fold", words: 34 },
      { op: "same", text: "w38 w39 w40 " },
      { op: "added", text: "new" },
    ]);
  });

  it("keeps only the side next to a change at the start and at the end", () => {
    const pieces = condense([same(words(20)), added("x "), same(words(20, 21))], 2);
    expect(pieces).toEqual([
      { op: "fold", words: 18 },
      { op: "same", text: "w19 w20 " },
      { op: "added", text: "x " },
      { op: "same", text: "w21 w22 " },
      { op: "fold", words: 18 },
    ]);
  });

  it("never loses text it does not fold", () => {
    const parts = [same("  spaced   out  "), added("b")];
    const shown = condense(parts, 5)
      .map((p) => ("text" in p ? p.text : ""))
      .join("");
    expect(shown).toBe("  spaced   out  b");
  });
});
