import { describe, expect, it } from "vitest";
import { charLength, citation, highlight, paragraphs, parseCitation, selectionOffsets, shorten } from "./text";

describe("paragraphs", () => {
  it("gives each paragraph its start in characters", () => {
    const text = "First one.\n\nSecond, with a line\nbreak.\n\nThird.";
    const ps = paragraphs(text);
    expect(ps.map((p) => p.text)).toEqual(["First one.", "Second, with a line\nbreak.", "Third."]);
    for (const p of ps) {
      expect(Array.from(text).slice(p.start, p.start + charLength(p.text)).join("")).toBe(p.text);
    }
  });

  it("counts characters beyond the BMP once", () => {
    const text = "😀 emoji\n\nnext";
    expect(paragraphs(text)[1].start).toBe(9);
    expect(charLength("😀")).toBe(1);
  });
});

describe("highlight", () => {
  it("marks whole words, ignoring case", () => {
    expect(highlight("Kelihos, kelihos-infected; Kelihosx", ["kelihos"])).toEqual([
      { text: "Kelihos", mark: true },
      { text: ", ", mark: false },
      { text: "kelihos", mark: true },
      { text: "-infected; Kelihosx", mark: false },
    ]);
  });

  it("treats terms literally and leaves text alone without terms", () => {
    expect(highlight("a b c", ["(b)"]).some((s) => s.mark)).toBe(false);
    expect(highlight("a (b) c", ["(b)"]).filter((s) => s.mark)).toEqual([{ text: "(b)", mark: true }]);
    expect(highlight("U.S. law", ["U.S"])).toEqual([
      { text: "U.S", mark: true },
      { text: ". law", mark: false },
    ]);
    expect(highlight("text", [])).toEqual([{ text: "text", mark: false }]);
  });
});

describe("citations", () => {
  it("formats and parses", () => {
    expect(citation(12, 340, 415)).toBe("[@d12:340-415]");
    expect(parseCitation("[@d12:340-415]")).toEqual({ id: 12, start: 340, end: 415 });
    expect(parseCitation("[@d12:9-3]")).toBeNull();
    expect(parseCitation("@d12")).toBeNull();
  });

  it("offsets a selection in characters, trimming whitespace", () => {
    expect(selectionOffsets(100, "ab😀 ", "  word ")).toEqual({ start: 106, end: 110 });
    expect(selectionOffsets(0, "", "   ")).toBeNull();
  });
});

describe("shorten", () => {
  it("leaves text that fits alone and cuts longer text with an ellipsis", () => {
    expect(shorten("The botnet fell", 15)).toBe("The botnet fell");
    expect(shorten("The botnet fell", 10)).toBe("The botnet…");
    expect(shorten("", 3)).toBe("");
  });

  it("never cuts an emoji in half where the reader's excerpt used to", () => {
    // The reader sliced the excerpt in UTF-16 units, which left half a surrogate pair at the
    // cut when a character outside the BMP sat on it.
    const excerpt = "a".repeat(79) + "😀" + "b".repeat(10);
    const short = shorten(excerpt, 80);
    expect(short).toBe("a".repeat(79) + "😀…");
  });
});
