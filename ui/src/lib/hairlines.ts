// Grey hairlines drawn by hand into a coverage buffer (issue 22): the network view draws
// 50,000 edges, and a canvas's own lines cost 160–360 ms for that many in Chromium without a
// GPU and 3.8 s in WebKitGTK under Xvfb (docs/benchmarks.md), while these steps cost the same
// in any engine. Each line lights one pixel per step along its longer axis, clipped to the
// bitmap first so a long edge of a close view costs only its visible pixels; coverage composes
// as opacity does. The lines have no anti-aliasing, which in a crowd of thousands does not show.

/** Adds one line from (x1, y1) to (x2, y2), in bitmap pixels, at opacity `alpha`. */
export function addHairline(
  coverage: Float32Array,
  width: number,
  height: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  alpha: number,
): void {
  if ((x1 < 0 && x2 < 0) || (x1 >= width && x2 >= width) || (y1 < 0 && y2 < 0) || (y1 >= height && y2 >= height)) return;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const steps = Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
  if (steps === 0) return;
  const sx = dx / steps;
  const sy = dy / steps;
  // Liang-Barsky on the step count: the first and last steps inside the bitmap.
  let from = 0;
  let to = steps;
  for (const [p, q] of [
    [-sx, x1],
    [sx, width - 1 - x1],
    [-sy, y1],
    [sy, height - 1 - y1],
  ]) {
    if (p === 0) {
      if (q < 0) to = -1;
    } else {
      const r = q / p;
      if (p < 0) from = Math.max(from, Math.ceil(r));
      else to = Math.min(to, Math.floor(r));
    }
  }
  let x = x1 + sx * from;
  let y = y1 + sy * from;
  for (let i = from; i <= to; i++) {
    const idx = (y | 0) * width + (x | 0);
    // A over what is there.
    coverage[idx] += alpha * (1 - coverage[idx]);
    x += sx;
    y += sy;
  }
}

/** Writes the coverage as `grey` pixels whose opacity is the coverage, into little-endian
 * RGBA words (an ImageData's buffer); pixels without coverage are left as they are. */
export function coverageToPixels(coverage: Float32Array, pixels: Uint32Array, grey: number): void {
  const rgb = grey | (grey << 8) | (grey << 16);
  for (let i = 0; i < coverage.length; i++) {
    const c = coverage[i];
    if (c > 0) pixels[i] = (rgb | (Math.round(c * 255) << 24)) >>> 0;
  }
}
