// The hand-drawn hairlines of the network view: a line lights one pixel per step, clipped to
// the bitmap, and overlapping lines compose their opacity.
import { describe, expect, it } from "vitest";
import { addHairline, coverageToPixels } from "./hairlines";

describe("hairlines", () => {
  it("lights one pixel per step along the longer axis", () => {
    const cov = new Float32Array(10 * 4);
    addHairline(cov, 10, 4, 1, 1, 8, 1, 0.5);
    const lit = [...cov.keys()].filter((i) => cov[i] > 0);
    expect(lit).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it("draws only what is inside the bitmap, and nothing for a line wholly outside", () => {
    const cov = new Float32Array(10 * 10);
    addHairline(cov, 10, 10, -1000, 5, 1000, 5, 1);
    expect(cov.filter((c) => c > 0).length).toBe(10);
    const none = new Float32Array(10 * 10);
    addHairline(none, 10, 10, -50, -5, 50, -5, 1);
    expect(none.every((c) => c === 0)).toBe(true);
  });

  it("composes overlapping lines as opacity does and writes grey pixels with that opacity", () => {
    const cov = new Float32Array(4);
    addHairline(cov, 4, 1, 0, 0, 3, 0, 0.5);
    addHairline(cov, 4, 1, 0, 0, 3, 0, 0.5);
    expect(cov[0]).toBeCloseTo(0.75);
    const px = new Uint32Array(4);
    coverageToPixels(cov, px, 130);
    expect(px[0] >>> 24).toBe(191);
    expect(px[0] & 0xff).toBe(130);
  });
});
