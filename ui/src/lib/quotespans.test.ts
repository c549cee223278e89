import { describe, expect, it } from "vitest";
import { pieces } from "./quotespans";

const text = "He said “it was big” and 😀 “done” now.";

describe("reader pieces", () => {
  it("leaves a paragraph without quotes whole", () => {
    expect(pieces("plain text", 0, [], null, [])).toEqual([
      { text: "plain text", term: false, quote: null, target: false, found: -1, low: false },
    ]);
  });
  it("cuts quotes out in characters, after an emoji that is two UTF-16 units", () => {
    const chars = Array.from(text);
    const start = chars.indexOf("“", 10) ; // the second quote, after the emoji
    const q1 = { id: 1, start: 100 + 8, end: 100 + 20, speaker: "Leo Taddeo" };
    const q2 = { id: 2, start: 100 + start, end: 100 + start + 6, speaker: null };
    const out = pieces(text, 100, [q2, q1], null, []);
    expect(out.filter((p) => p.quote?.id === 1).map((p) => p.text).join("")).toBe("“it was big”");
    expect(out.filter((p) => p.quote?.id === 2).map((p) => p.text).join("")).toBe("“done”");
    expect(out.map((p) => p.text).join("")).toBe(text);
  });
  it("marks the target span and search terms inside quotes", () => {
    const out = pieces(text, 0, [{ id: 1, start: 8, end: 20, speaker: "A" }], { start: 9, end: 15 }, ["big"]);
    expect(out.filter((p) => p.target).map((p) => p.text).join("")).toBe("it was");
    const big = out.find((p) => p.text === "big");
    expect(big?.term).toBe(true);
    expect(big?.quote?.id).toBe(1);
  });
  it("marks the words OCR was unsure of, in characters, inside and outside quotes", () => {
    const done = Array.from(text.slice(0, text.indexOf("done"))).length;
    const low: [number, number][] = [
      [100 + 3, 100 + 7],
      [100 + done, 100 + done + 4],
      [5, 9],
    ];
    const out = pieces(text, 100, [{ id: 1, start: 100 + done - 1, end: 100 + done + 5, speaker: "A" }], null, [], [], low);
    expect(out.filter((p) => p.low).map((p) => p.text)).toEqual(["said", "done"]);
    expect(out.find((p) => p.text === "done")?.quote?.id).toBe(1);
    expect(out.map((p) => p.text).join("")).toBe(text);
  });
  it("clips a quote that runs over the paragraph's ends", () => {
    const out = pieces("abc def", 10, [{ id: 3, start: 5, end: 13, speaker: "B" }], null, []);
    expect(out[0]).toMatchObject({ text: "abc", quote: { id: 3 } });
    expect(out[1]).toMatchObject({ text: " def", quote: null });
  });
  it("cuts out find matches in characters and numbers them", () => {
    const out = pieces("😀 Spain and spain", 50, [{ id: 1, start: 50, end: 58, speaker: "A" }], null, [], [
      { start: 40, end: 45 },
      { start: 52, end: 57 },
      { start: 62, end: 67 },
    ]);
    expect(out.filter((p) => p.found === 1).map((p) => p.text).join("")).toBe("Spain");
    expect(out.filter((p) => p.found === 2).map((p) => p.text).join("")).toBe("spain");
    expect(out.find((p) => p.found === 1)?.quote?.id).toBe(1);
    expect(out.map((p) => p.text).join("")).toBe("😀 Spain and spain");
  });
});
