import { describe, expect, it } from "vitest";
import { scrollToReveal, visibleRange } from "./virtual";

describe("visibleRange", () => {
  it("renders only the rows in view plus the overscan", () => {
    const r = visibleRange(3400, 680, 34, 100_000, 5);
    expect(r.start).toBe(95);
    expect(r.end).toBe(100 + 21 + 5);
    expect(r.offset).toBe(95 * 34);
    expect(r.total).toBe(3_400_000);
  });

  it("clamps at both ends", () => {
    expect(visibleRange(-50, 100, 10, 1000, 2)).toMatchObject({ start: 0, end: 13, offset: 0 });
    const end = visibleRange(1e9, 100, 10, 1000, 2);
    expect(end.end).toBe(1000);
    expect(end.start).toBe(988);
  });

  it("handles empty lists and lists shorter than the viewport", () => {
    expect(visibleRange(0, 500, 34, 0)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
    expect(visibleRange(0, 500, 34, 3)).toMatchObject({ start: 0, end: 3, total: 102 });
  });

  it("stays cheap at 100k rows: the rendered slice never grows with the list", () => {
    for (const top of [0, 1234, 1_000_000, 3_399_000]) {
      const r = visibleRange(top, 700, 34, 100_000);
      expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(700 / 34) + 1 + 12);
    }
  });
});

describe("scrollToReveal", () => {
  it("keeps visible rows where they are and scrolls the least otherwise", () => {
    expect(scrollToReveal(5, 0, 340, 34)).toBe(0);
    expect(scrollToReveal(12, 0, 340, 34)).toBe(13 * 34 - 340);
    expect(scrollToReveal(2, 340, 340, 34)).toBe(68);
  });
});
