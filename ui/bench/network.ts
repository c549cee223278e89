// The network view's renderers measured in one page (issue 22): a synthetic network of N
// nodes and M edges shaped like a case's (a few heavy nodes, many light ones), laid out by
// the view's own ForceAtlas2 budget, then panned and zoomed for 60 frames by sigma
// (WebGL, what the view uses) and by a hand-written Canvas 2D renderer (the alternative),
// timing each frame. `bench-network.mjs` drives it and prints the figures.

import Graph from "graphology";
import Sigma from "sigma";
import { layOut, layoutIterations, layoutStep, toGraph } from "../src/lib/network";
import type { Network } from "../src/lib/bindings/Network";

declare global {
  interface Window {
    bench: (nodes: number, edges: number, seconds: number) => Promise<Record<string, number | string>>;
  }
}

/** A network with a power-law of degrees: edge ends drawn with probability rising by rank. */
function synthetic(nodes: number, edges: number): Network {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = () => Math.floor(nodes * random() ** 2.5);
  const seen = new Set<string>();
  const out: Network["edges"] = [];
  while (out.length < edges) {
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

/** Draws `frames` frames of a pan-and-zoom path synchronously (`frame(t)` must render and
 * wait for the drawing to finish), so the figure is the cost of a frame whatever the page's
 * frame clock does: the mean and the slowest in ms. A frame under 16.7 ms keeps 60 fps. */
async function animate(frames: number, frame: (t: number) => void): Promise<{ mean: number; worst: number }> {
  let worst = 0;
  const start = performance.now();
  for (let i = 0; i < frames; i++) {
    const s = performance.now();
    frame(i / 15);
    worst = Math.max(worst, performance.now() - s);
    // Let the page breathe between frames, as a real frame clock would.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { mean: (performance.now() - start) / frames, worst };
}

/** Waits until WebGL has drawn everything asked of it (else a frame's time is only the
 * time to queue its commands). */
function finish(sigma: Sigma): void {
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext | null;
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
}

/** The alternative: every edge as one path and every node as a circle on a 2D canvas. */
function canvasRenderer(graph: Graph, stage: HTMLElement) {
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
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const fit = Math.min(canvas.width / (maxX - minX || 1), canvas.height / (maxY - minY || 1));
  return {
    draw(zoom: number, dx: number, dy: number) {
      const k = fit * zoom;
      const X = (i: number) => (xs[i] - minX) * k + dx;
      const Y = (i: number) => (ys[i] - minY) * k + dy;
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
    },
    finish() {
      ctx.getImageData(0, 0, 1, 1);
    },
    kill() {
      canvas.remove();
    },
  };
}

window.bench = async (nodes, edges, frames) => {
  const stage = document.getElementById("stage")!;
  const net = synthetic(nodes, edges);
  let t0 = performance.now();
  const graph = toGraph(net);
  const build = performance.now() - t0;
  // The view's layout: its iteration budget, in its per-frame steps, timed without frames.
  t0 = performance.now();
  const total = layoutIterations(graph.order);
  const step = layoutStep(graph.order);
  let slowestStep = 0;
  for (let done = 0; done < total; done += step) {
    const s = performance.now();
    layOut(graph, step);
    slowestStep = Math.max(slowestStep, performance.now() - s);
  }
  const layout = performance.now() - t0;

  const result: Record<string, number | string> = { nodes, edges, build_ms: build, layout_ms: layout, layout_iterations: total, slowest_layout_step_ms: slowestStep };
  try {
    t0 = performance.now();
    const sigma = new Sigma(graph, stage, { labelRenderedSizeThreshold: 9 });
    result.sigma_first_render_ms = performance.now() - t0;
    const camera = sigma.getCamera();
    const s = await animate(frames, (t) => {
      camera.setState({ x: 0.5 + 0.2 * Math.sin(t * 2), y: 0.5 + 0.2 * Math.cos(t * 2), ratio: 1 / (1.5 + Math.sin(t)) });
      sigma.refresh({ skipIndexation: true });
      finish(sigma);
    });
    result.sigma_frame_ms = s.mean;
    result.sigma_worst_frame_ms = s.worst;
    sigma.kill();
  } catch (err) {
    result.sigma_error = String(err);
  }
  const canvas = canvasRenderer(graph, stage);
  t0 = performance.now();
  canvas.draw(1, 0, 0);
  result.canvas_first_render_ms = performance.now() - t0;
  const c = await animate(frames, (t) => {
    canvas.draw(1.5 + Math.sin(t), 200 * Math.sin(t * 2) - 200, 200 * Math.cos(t * 2) - 200);
    canvas.finish();
  });
  result.canvas_frame_ms = c.mean;
  result.canvas_worst_frame_ms = c.worst;
  canvas.kill();
  return result;
};
