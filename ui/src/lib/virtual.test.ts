import { describe, expect, it } from "vitest";
import { MAX_SCROLL_HEIGHT, scrollToReveal, visibleRange } from "./virtual";

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

// The regression: at a million 34-pixel rows the scroll area was 34 million pixels, past what
// WebKit lets an element be, and the library's last rows (End) could never be drawn.
describe("a million rows, taller than a browser lets an element be", () => {
  const count = 1_001_947;
  const vh = 700;

  it("keeps the scroll area under the cap and reaches the last row at the bottom", () => {
    const top = visibleRange(0, vh, 34, count);
    expect(top.total).toBe(MAX_SCROLL_HEIGHT);
    expect(top).toMatchObject({ start: 0, offset: 0 });
    const bottom = visibleRange(MAX_SCROLL_HEIGHT - vh, vh, 34, count);
    expect(bottom.end).toBe(count);
    // The last row's bottom is the view's bottom.
    expect(bottom.offset + (count - bottom.start) * 34).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
  });

  it("moves through the rows in proportion, the rows drawn where the view is", () => {
    const middle = visibleRange((MAX_SCROLL_HEIGHT - vh) / 2, vh, 34, count, 0);
    expect(Math.abs(middle.start - Math.floor((count * 34 - vh) / 2 / 34))).toBeLessThanOrEqual(1);
    expect(middle.offset).toBeLessThanOrEqual((MAX_SCROLL_HEIGHT - vh) / 2);
    expect(middle.offset).toBeGreaterThan((MAX_SCROLL_HEIGHT - vh) / 2 - 34);
  });

  it("reveals the last row with End and a middle row, as rows of the scaled list", () => {
    const end = scrollToReveal(count - 1, 0, vh, 34, count);
    expect(end).toBeCloseTo(MAX_SCROLL_HEIGHT - vh, 6);
    const r = visibleRange(end, vh, 34, count);
    expect(r.end).toBe(count);
    const at = scrollToReveal(500_000, 0, vh, 34, count);
    const shown = visibleRange(at, vh, 34, count, 0);
    expect(shown.start <= 500_000 && 500_000 < shown.end).toBe(true);
  });
});
