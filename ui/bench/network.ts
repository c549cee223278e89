// The network view's renderers measured in one page (issue 22): a synthetic network of N
// nodes and M edges shaped like a case's (a few heavy nodes, many light ones), laid out by
// the view's own ForceAtlas2 run (its iterations, in slices, within its 2 s budget), then panned (30 frames) and zoomed (30 frames) by
// sigma (WebGL, as the view used it), by sigma with its edges and labels hidden while the
// camera moves (`hideEdgesOnMove`), by a naive Canvas 2D renderer that strokes every edge each
// frame, and by the view's renderer (`lib/network-canvas.ts`: edges from a cached bitmap while
// moving), timing each frame to the end of its drawing. Every phase has a time budget, so a
// slow renderer is cut short (and says how many frames it drew) instead of holding the run.
// `bench-network.mjs` drives it and prints the figures.

import type Graph from "graphology";
import Sigma from "sigma";
import { LayoutRun, toGraph } from "../src/lib/network";
import { NetworkCanvas, type Camera } from "../src/lib/network-canvas";
import type { Network } from "../src/lib/bindings/Network";

declare global {
  interface Window {
    bench: (nodes: number, edges: number, only: string) => Promise<Record<string, number | string>>;
  }
}

/** mulberry32: a 32-bit generator in integer arithmetic. The linear congruential generator
 * this bench first used multiplied past 2^53, lost its low bits and fell into a cycle of about
 * 10,000 values, so it could never draw 20,000 distinct edges and the loop below never ended:
 * that, not a renderer, is why 2,000 nodes / 20,000 edges "did not finish in 15 minutes". */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A network with a power-law of degrees: edge ends drawn with probability rising by rank. */
function synthetic(nodes: number, edges: number): Network {
  const random = mulberry32(7);
  const pick = () => Math.floor(nodes * random() ** 2.5);
  const seen = new Set<string>();
  const out: Network["edges"] = [];
  // Bounded: a network asked for more edges than the draw can give fails instead of spinning.
  for (let tries = 0; out.length < edges; tries++) {
    if (tries > edges * 20) throw new Error(`only ${out.length} distinct edges after ${tries} draws`);
    const a = pick();
    const b = pick();
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    out.push({ source: Math.min(a, b) + 1, target: Math.max(a, b) + 1, weight: 1 + Math.floor(random() * 5), kinds: ["same_sentence"], role: null });
  }
  const weight = new Array(nodes + 1).fill(0);
  for (const e of out) {
    weight[e.source] += e.weight;
    weight[e.target] += e.weight;
  }
  return {
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: i + 1, name: `Entity ${i + 1}`, kind: i % 4 ? "person" : "organization", weight: weight[i + 1], degree: 0 })),
    edges: out,
    total_nodes: nodes,
    total_edges: edges,
    truncated: null,
  };
}

const FRAMES = 30;
const PHASE_BUDGET_MS = 20000;

/** The camera for frame `i` of a pan (a circle around the middle at a fixed zoom). */
function pan(i: number): Camera {
  const a = (2 * Math.PI * i) / FRAMES;
  return { x: 0.5 + 0.15 * Math.sin(a), y: 0.5 + 0.15 * (Math.cos(a) - 1), ratio: 0.7 };
}

/** The camera for frame `i` of a zoom (in to a fifth of the width and out again). */
function zoom(i: number): Camera {
  return { x: 0.5, y: 0.5, ratio: 0.7 * Math.exp(-1.3 * Math.sin((Math.PI * i) / FRAMES)) };
}

interface Timed {
  mean: number;
  worst: number;
  frames: number;
}

/** Draws the frames of a path synchronously (`frame(i)` must render and wait for the drawing
 * to finish), so the figure is the cost of a frame whatever the page's frame clock does; stops
 * at the phase's budget. A frame under 16.7 ms keeps 60 fps. */
async function animate(frame: (i: number) => void): Promise<Timed> {
  let worst = 0;
  let total = 0;
  let i = 0;
  const start = performance.now();
  for (; i < FRAMES && performance.now() - start < PHASE_BUDGET_MS; i++) {
    const s = performance.now();
    frame(i);
    const took = performance.now() - s;
    total += took;
    worst = Math.max(worst, took);
    // Let the page breathe between frames, as a real frame clock would.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { mean: total / Math.max(1, i), worst, frames: i };
}

function record(result: Record<string, number | string>, name: string, t: Timed): void {
  result[`${name}_mean_ms`] = t.mean;
  result[`${name}_worst_ms`] = t.worst;
  if (t.frames < FRAMES) result[`${name}_frames`] = `${t.frames}/${FRAMES} (budget)`;
}

/** Waits until WebGL has drawn everything asked of it (else a frame's time is only the
 * time to queue its commands). */
function finishGl(sigma: Sigma): void {
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext | null;
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
}

/** Waits until a 2D canvas has drawn everything asked of it. */
function finish2d(canvas: HTMLCanvasElement): void {
  canvas.getContext("2d")!.getImageData(0, 0, 1, 1);
}

/** sigma with the view's settings; `hide` adds hideEdgesOnMove and hideLabelsOnMove, and the
 * frames then tell sigma the mouse is dragging, which is when it applies them. */
async function benchSigma(graph: Graph, stage: HTMLElement, result: Record<string, number | string>, name: string, hide: boolean): Promise<void> {
  let t0 = performance.now();
  const sigma = new Sigma(graph, stage, { enableEdgeEvents: true, labelRenderedSizeThreshold: 9, hideEdgesOnMove: hide, hideLabelsOnMove: hide });
  result[`${name}_construct_ms`] = performance.now() - t0;
  finishGl(sigma);
  result[`${name}_first_render_ms`] = performance.now() - t0;
  // What the view paid on every layout step while sigma was shown: a full reindexation.
  t0 = performance.now();
  sigma.refresh();
  finishGl(sigma);
  result[`${name}_reindex_ms`] = performance.now() - t0;
  const camera = sigma.getCamera();
  const captor = sigma.getMouseCaptor() as unknown as { isMoving: boolean };
  let queued = 0;
  let drawn = 0;
  const frame = (c: Camera) => {
    if (hide) captor.isMoving = true;
    const s = performance.now();
    camera.setState(c);
    sigma.refresh({ skipIndexation: true });
    const m = performance.now();
    finishGl(sigma);
    queued += m - s;
    drawn += performance.now() - m;
  };
  const p = await animate((i) => frame(pan(i)));
  record(result, `${name}_pan`, p);
  const z = await animate((i) => frame(zoom(i)));
  record(result, `${name}_zoom`, z);
  // Where a frame goes: sigma's JavaScript and command queueing against WebGL's drawing.
  result[`${name}_share_in_readPixels`] = `${Math.round((100 * drawn) / (queued + drawn))}%`;
  captor.isMoving = false;
  sigma.kill();
}

/** The naive alternative: every edge as one path and every node as a circle, every frame. */
async function benchNaive(graph: Graph, stage: HTMLElement, result: Record<string, number | string>): Promise<void> {
  const canvas = document.createElement("canvas");
  canvas.width = stage.clientWidth;
  canvas.height = stage.clientHeight;
  stage.appendChild(canvas);
  const ctx = canvas.getContext("2d")!;
  const xs: number[] = [];
  const ys: number[] = [];
  const sizes: number[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((n, a) => {
    index.set(n, xs.length);
    xs.push(a.x);
    ys.push(a.y);
    sizes.push(a.size);
  });
  const ends: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => ends.push(index.get(s)!, index.get(t)!));
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    minX = Math.min(minX, xs[i]);
    maxX = Math.max(maxX, xs[i]);
    minY = Math.min(minY, ys[i]);
    maxY = Math.max(maxY, ys[i]);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const draw = (c: Camera) => {
    const k = Math.min(canvas.width, canvas.height) / c.ratio / span;
    const X = (i: number) => (xs[i] - minX - c.x * span) * k + canvas.width / 2;
    const Y = (i: number) => (ys[i] - minY - c.y * span) * k + canvas.height / 2;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = "rgba(120,120,120,0.3)";
    ctx.lineWidth = 0.5;
    ctx.beginPath();
    for (let i = 0; i < ends.length; i += 2) {
      ctx.moveTo(X(ends[i]), Y(ends[i]));
      ctx.lineTo(X(ends[i + 1]), Y(ends[i + 1]));
    }
    ctx.stroke();
    ctx.fillStyle = "#3b6fb6";
    ctx.beginPath();
    for (let i = 0; i < xs.length; i++) {
      ctx.moveTo(X(i) + sizes[i], Y(i));
      ctx.arc(X(i), Y(i), sizes[i], 0, 2 * Math.PI);
    }
    ctx.fill();
    finish2d(canvas);
  };
  const t0 = performance.now();
  draw({ x: 0.5, y: 0.5, ratio: 1 });
  result.naive2d_first_render_ms = performance.now() - t0;
  record(result, "naive2d_pan", await animate((i) => draw(pan(i))));
  record(result, "naive2d_zoom", await animate((i) => draw(zoom(i))));
  canvas.remove();
}

/** The view's renderer: the camera set as a drag or a wheel would, each frame drawn now. */
async function benchCached(graph: Graph, stage: HTMLElement, result: Record<string, number | string>): Promise<void> {
  let t0 = performance.now();
  const r = new NetworkCanvas(stage, { labelThreshold: 9 });
  r.setGraph(graph);
  r.renderNow();
  finish2d(r.canvas);
  result.cached2d_first_render_ms = performance.now() - t0;
  const frame = (c: Camera) => {
    r.setCamera(c);
    r.renderNow();
    finish2d(r.canvas);
  };
  record(result, "cached2d_pan", await animate((i) => frame(pan(i))));
  record(result, "cached2d_zoom", await animate((i) => frame(zoom(i))));
  // The frame after the movement rests, which draws every edge again for the new camera (the
  // renderer draws it on its own frame; its time is the renderer's own measure).
  await new Promise((resolve) => setTimeout(resolve, 600));
  result.cached2d_rest_redraw_ms = r.lastDrawMs;
  // A change of styles (a selection): the reducers over every node and edge, then a redraw.
  t0 = performance.now();
  r.refresh();
  r.renderNow();
  finish2d(r.canvas);
  result.cached2d_restyle_ms = performance.now() - t0;
  r.kill();
}

window.bench = async (nodes, edges, only) => {
  const stage = document.getElementById("stage")!;
  const result: Record<string, number | string> = { nodes, edges };
  let t0 = performance.now();
  const net = synthetic(nodes, edges);
  result.generate_ms = performance.now() - t0;
  t0 = performance.now();
  const graph = toGraph(net);
  result.build_ms = performance.now() - t0;
  // What every iteration of the cap costs, run to the end on a copy (no time budget).
  const copy = graph.copy();
  t0 = performance.now();
  const full = new LayoutRun(copy, Infinity);
  full.run(Infinity);
  result.layout_all_iterations_ms = performance.now() - t0;
  result.layout_all_iterations = full.iterations;
  // The view's layout: slices of about 12 ms (one a frame in the view), stopped at the budget.
  t0 = performance.now();
  const run = new LayoutRun(graph);
  let slowest = 0;
  let slices = 0;
  for (let over = false; !over; slices++) {
    const s = performance.now();
    over = run.run(12);
    slowest = Math.max(slowest, performance.now() - s);
  }
  result.layout_ms = performance.now() - t0;
  result.layout_iterations = `${run.iterations}/${run.total}`;
  result.layout_slices = slices;
  result.slowest_layout_slice_ms = slowest;
  const want = (name: string) => !only || only.split(" ").includes(name);
  for (const [name, run] of [
    ["sigma", () => benchSigma(graph, stage, result, "sigma", false)],
    ["sigmaHide", () => benchSigma(graph, stage, result, "sigmaHide", true)],
    ["naive2d", () => benchNaive(graph, stage, result)],
    ["cached2d", () => benchCached(graph, stage, result)],
  ] as const) {
    if (!want(name)) continue;
    try {
      await run();
    } catch (err) {
      result[`${name}_error`] = String(err);
    }
  }
  return result;
};
