// The network view's renderer (issue 22): a Canvas 2D drawing of a graphology graph that
// stays smooth at 5,000 nodes and 50,000 edges on a machine without a GPU. sigma (WebGL)
// redraws every edge on every frame, which software WebGL (SwiftShader, WebKitGTK without a
// GPU) cannot do in a frame's time (docs/benchmarks.md). Here the scene (edges, then nodes)
// is drawn once into an offscreen bitmap for the camera of the moment; while the camera moves
// that bitmap is copied translated and scaled (one drawImage a frame), and it is drawn again
// only when the movement rests (150 ms), when the zoom has gone eight times past it, or when
// the styles or the positions change. Labels are drawn only when the camera rests. While the
// layout settles, the scene leaves the edges out so it can follow the nodes every frame.
// Hit-testing (a node, an edge) is a scan in screen space on click, a millisecond or two at
// 50,000 edges.

import type Graph from "graphology";
import { addHairline, coverageToPixels } from "./hairlines";

/** What the view may change about a node: sigma's reducer shape, so the view keeps its rules. */
export interface NodeLook {
  x: number;
  y: number;
  size: number;
  color: string;
  label?: string | null;
  highlighted?: boolean;
  hidden?: boolean;
}

/** What the view may change about an edge. */
export interface EdgeLook {
  size: number;
  color?: string;
  hidden?: boolean;
}

export interface NetworkCanvasOptions {
  nodeReducer?: (key: string, data: NodeLook) => NodeLook;
  edgeReducer?: (key: string, data: EdgeLook) => EdgeLook;
  onClickNode?: (key: string) => void;
  onClickEdge?: (key: string) => void;
  /** Nodes whose drawn radius is at least this many pixels get a label when the camera rests. */
  labelThreshold?: number;
  /** How long the camera must rest before the edges are drawn again at full quality. */
  restMs?: number;
}

/** The camera: the centre of the view in the graph's fitted unit square, and a zoom ratio
 * (1 fits the whole graph, 0.5 shows half its width). */
export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

const DIM_COLOR = "#c8c8c8";
// The grey of ordinary edges; their weight shows as opacity.
const EDGE_GREY = 130;
// Past this many hairline edges, they are rasterised in JavaScript (`rasteriseHairlines`):
// WebKitGTK strokes a canvas line in about 75 µs under Xvfb (2,000 edges, 170 ms a drawing),
// so only a small network keeps the canvas's anti-aliased lines.
const RASTERISE_FROM = 300;

/** Edges drawn alike: one colour, one width; `alpha` for the ordinary grey hairlines. */
interface EdgeGroup {
  color: string;
  width: number;
  alpha?: number;
  edges: number[];
}
const PADDING = 24;

export class NetworkCanvas {
  readonly canvas: HTMLCanvasElement;
  private ctx: CanvasRenderingContext2D;
  private scene: HTMLCanvasElement;
  private sceneCtx: CanvasRenderingContext2D;
  private graph: Graph | null = null;
  private options: NetworkCanvasOptions;
  // The nodes and edges as flat arrays, read from the graph when the data or styles change.
  private keys: string[] = [];
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private sizes = new Float32Array(0);
  private colors: string[] = [];
  private labels: (string | null)[] = [];
  private shown = new Uint8Array(0);
  private highlighted: number[] = [];
  private byLabelOrder: number[] = [];
  private edgeKeys: string[] = [];
  private sources = new Int32Array(0);
  private targets = new Int32Array(0);
  private edgeSizes = new Float32Array(0);
  private edgeShown = new Uint8Array(0);
  // Edges grouped by look, so each group is one path and one stroke.
  private edgeGroups: EdgeGroup[] = [];
  // The coverage buffer the many-edge rasteriser accumulates into, kept between drawings.
  private coverage = new Float32Array(0);
  private nodeGroups: { color: string; nodes: number[] }[] = [];
  // The fitted square: graph coordinates to the unit square.
  private minX = 0;
  private minY = 0;
  private span = 1;
  private camera: Camera = { x: 0.5, y: 0.5, ratio: 1 };
  // The camera the edge bitmap was drawn for, or null when it must be drawn again.
  private cachedFor: Camera | null = null;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private frame = 0;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  private moving = false;
  // While the layout settles the scene holds only the nodes, which are cheap to draw each frame.
  private settling = false;
  private lastMove = 0;
  private lastDrawEnd = 0;
  private resize: ResizeObserver;
  private drag: { x: number; y: number; camera: Camera; moved: boolean } | null = null;
  /** The time the last frame's drawing took, in ms (for the benchmarks and the view's notice). */
  lastDrawMs = 0;

  constructor(container: HTMLElement, options: NetworkCanvasOptions = {}) {
    this.options = options;
    this.canvas = document.createElement("canvas");
    this.canvas.style.display = "block";
    this.canvas.style.width = "100%";
    this.canvas.style.height = "100%";
    this.canvas.style.touchAction = "none";
    container.appendChild(this.canvas);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("this window has no 2D canvas");
    this.ctx = ctx;
    this.scene = document.createElement("canvas");
    this.sceneCtx = this.scene.getContext("2d")!;
    this.resize = new ResizeObserver(() => this.fitToContainer());
    this.resize.observe(container);
    this.fitToContainer();
    this.canvas.addEventListener("pointerdown", this.onPointerDown);
    this.canvas.addEventListener("pointermove", this.onPointerMove);
    this.canvas.addEventListener("pointerup", this.onPointerUp);
    this.canvas.addEventListener("pointercancel", this.onPointerUp);
    this.canvas.addEventListener("wheel", this.onWheel, { passive: false });
  }

  /** Shows `graph` (positions read from its `x`/`y` attributes) with the camera fitted. */
  setGraph(graph: Graph): void {
    this.graph = graph;
    this.camera = { x: 0.5, y: 0.5, ratio: 1 };
    this.refresh({ positions: true });
  }

  getCamera(): Camera {
    return { ...this.camera };
  }

  /** Moves the camera; the frame that follows copies the edge bitmap instead of redrawing it. */
  setCamera(camera: Camera): void {
    this.camera = { x: camera.x, y: camera.y, ratio: Math.min(20, Math.max(0.01, camera.ratio)) };
    this.startMoving();
    this.schedule();
  }

  /** Reads the graph again: styles from the reducers, and positions too when `positions` (the
   * layout moved the nodes). The edges are drawn again at the next frame. */
  refresh({ positions = false }: { positions?: boolean } = {}): void {
    if (!this.graph) return;
    this.read(positions);
    this.cachedFor = null;
    this.schedule();
  }

  /** The layout moved the nodes: their positions are read again (not their styles), and the
   * scene drawn again at the next frame. */
  updatePositions(): void {
    if (!this.graph || this.graph.order !== this.keys.length) return this.refresh({ positions: true });
    const graph = this.graph;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < this.keys.length; i++) {
      const a = graph.getNodeAttributes(this.keys[i]);
      this.xs[i] = a.x;
      this.ys[i] = a.y;
      if (a.x < minX) minX = a.x;
      if (a.x > maxX) maxX = a.x;
      if (a.y < minY) minY = a.y;
      if (a.y > maxY) maxY = a.y;
    }
    this.fitSquare(minX, minY, maxX, maxY);
    this.cachedFor = null;
    this.schedule();
  }

  /** While `on`, the scene leaves the edges out (the layout is moving every node each frame,
   * and 50,000 edges cannot be drawn that often); off, they come back at the next frame. */
  setSettling(on: boolean): void {
    if (this.settling === on) return;
    this.settling = on;
    this.cachedFor = null;
    this.schedule();
  }

  private fitSquare(minX: number, minY: number, maxX: number, maxY: number): void {
    const span = Math.max(maxX - minX, maxY - minY) || 1;
    // The square is centred on the graph so that camera (0.5, 0.5) is its middle.
    this.minX = Number.isFinite(minX) ? (minX + maxX) / 2 - span / 2 : 0;
    this.minY = Number.isFinite(minY) ? (minY + maxY) / 2 - span / 2 : 0;
    this.span = Number.isFinite(span) ? span : 1;
  }

  /** Draws the current state now (the benchmarks time this; the view draws on frames). */
  renderNow(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  kill(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.restTimer);
    this.restTimer = undefined;
    this.resize.disconnect();
    this.canvas.remove();
  }

  private fitToContainer(): void {
    const parent = this.canvas.parentElement;
    const w = Math.max(1, parent?.clientWidth ?? 1);
    const h = Math.max(1, parent?.clientHeight ?? 1);
    const dpr = window.devicePixelRatio || 1;
    if (w === this.width && h === this.height && dpr === this.dpr) return;
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    for (const c of [this.canvas, this.scene]) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    this.cachedFor = null;
    this.schedule();
  }

  private read(positions: boolean): void {
    const graph = this.graph!;
    const n = graph.order;
    if (positions || this.keys.length !== n) {
      this.keys = graph.nodes();
      this.xs = new Float64Array(n);
      this.ys = new Float64Array(n);
      const index = new Map<string, number>();
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      this.keys.forEach((key, i) => {
        index.set(key, i);
        const a = graph.getNodeAttributes(key);
        this.xs[i] = a.x;
        this.ys[i] = a.y;
        if (a.x < minX) minX = a.x;
        if (a.x > maxX) maxX = a.x;
        if (a.y < minY) minY = a.y;
        if (a.y > maxY) maxY = a.y;
      });
      this.fitSquare(minX, minY, maxX, maxY);
      this.edgeKeys = graph.edges();
      const m = this.edgeKeys.length;
      this.sources = new Int32Array(m);
      this.targets = new Int32Array(m);
      this.edgeKeys.forEach((key, i) => {
        this.sources[i] = index.get(graph.source(key))!;
        this.targets[i] = index.get(graph.target(key))!;
      });
    }
    // Styles, through the view's reducers.
    this.sizes = new Float32Array(n);
    this.colors = new Array(n);
    this.labels = new Array(n);
    this.shown = new Uint8Array(n);
    this.highlighted = [];
    const groups = new Map<string, number[]>();
    this.keys.forEach((key, i) => {
      const a = graph.getNodeAttributes(key) as NodeLook;
      const look = this.options.nodeReducer ? this.options.nodeReducer(key, { ...a }) : a;
      this.sizes[i] = look.size ?? 4;
      this.colors[i] = look.color ?? "#888";
      this.labels[i] = look.label ?? null;
      this.shown[i] = look.hidden ? 0 : 1;
      if (look.highlighted) this.highlighted.push(i);
      if (!look.hidden) {
        const g = groups.get(this.colors[i]);
        if (g) g.push(i);
        else groups.set(this.colors[i], [i]);
      }
    });
    // Dimmed nodes first, so the lit ones are drawn over them.
    this.nodeGroups = [...groups.entries()].map(([color, nodes]) => ({ color, nodes })).sort((a, b) => Number(b.color === DIM_COLOR) - Number(a.color === DIM_COLOR));
    this.byLabelOrder = this.keys.map((_k, i) => i).filter((i) => this.labels[i]).sort((a, b) => this.sizes[b] - this.sizes[a]);
    const m = this.edgeKeys.length;
    this.edgeSizes = new Float32Array(m);
    this.edgeShown = new Uint8Array(m);
    const edgeGroups = new Map<string, EdgeGroup>();
    this.edgeKeys.forEach((key, i) => {
      const a = graph.getEdgeAttributes(key) as EdgeLook;
      const look = this.options.edgeReducer ? this.options.edgeReducer(key, { ...a }) : a;
      if (look.hidden) return;
      this.edgeShown[i] = 1;
      const size = look.size ?? 1;
      let color: string;
      let width: number;
      let alpha: number | undefined;
      if (look.color) {
        // An edge the view singles out (a path) keeps its colour and width.
        color = look.color;
        width = Math.max(1, Math.round(size * 2) / 2);
      } else {
        // Every other edge is a one-pixel line whose weight shows as its darkness: a software
        // rasteriser draws 20,000 hairlines in path in 90 ms but the same lines 1.5 px wide
        // in 3.6 s (it must outline and fill their union), measured in Chromium without a GPU.
        const bucket = Math.max(0, Math.min(4, Math.floor(size)));
        alpha = 0.3 + 0.12 * bucket;
        color = `rgba(${EDGE_GREY},${EDGE_GREY},${EDGE_GREY},${alpha.toFixed(2)})`;
        width = 1;
      }
      this.edgeSizes[i] = width;
      const id = `${color}|${width}`;
      const g = edgeGroups.get(id);
      if (g) g.edges.push(i);
      else edgeGroups.set(id, { color, width, alpha, edges: [i] });
    });
    this.edgeGroups = [...edgeGroups.values()];
  }

  /** Pixels per unit of the fitted square at `camera`. */
  private scale(camera: Camera): number {
    return (Math.min(this.width, this.height) - 2 * PADDING) / camera.ratio;
  }

  private toScreenX(i: number, k: number, camera: Camera): number {
    return ((this.xs[i] - this.minX) / this.span - camera.x) * k + this.width / 2;
  }

  private toScreenY(i: number, k: number, camera: Camera): number {
    return ((this.ys[i] - this.minY) / this.span - camera.y) * k + this.height / 2;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private startMoving(): void {
    this.moving = true;
    this.lastMove = performance.now();
    if (this.restTimer === undefined) this.restTimer = setTimeout(this.rest, this.options.restMs ?? 150);
  }

  /** The camera rests once it has not moved, and no frame has been drawn, for `restMs`, and
   * its last move has been drawn: a slow frame (a full redraw), or a window so starved that a
   * move waits longer than that for its frame, must not count as rest, or the moves that queue
   * behind it would find the scene being drawn again at every step (seen in the real window
   * at a load average of 9 on 2 cores). */
  private rest = () => {
    const wait = this.options.restMs ?? 150;
    const since = performance.now() - Math.max(this.lastMove, this.lastDrawEnd);
    if (this.frame !== 0) {
      this.restTimer = setTimeout(this.rest, wait);
      return;
    }
    if (since < wait) {
      this.restTimer = setTimeout(this.rest, wait - since);
      return;
    }
    this.restTimer = undefined;
    this.moving = false;
    this.schedule();
  };

  /** Draws the scene (every shown edge, unless the layout is still settling, then every node
   * and the rings of highlighted ones) into the offscreen bitmap for the current camera. */
  private drawScene(): void {
    const ctx = this.sceneCtx;
    const camera = this.camera;
    const k = this.scale(camera);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const ox = this.width / 2 - camera.x * k;
    const oy = this.height / 2 - camera.y * k;
    const f = k / this.span;
    const w = this.width;
    const h = this.height;
    let groups = this.settling ? [] : this.edgeGroups;
    const hairlines = groups.filter((g) => g.alpha !== undefined);
    if (hairlines.reduce((n, g) => n + g.edges.length, 0) >= RASTERISE_FROM) {
      this.rasteriseHairlines(hairlines, f, ox, oy);
      groups = groups.filter((g) => g.alpha === undefined);
    }
    for (const g of groups) {
      ctx.strokeStyle = g.color;
      // Wide lines are stroked one by one (each a small outline); hairlines, one device pixel
      // wide whatever the screen's density, as one path.
      const apart = g.width > 1;
      ctx.lineWidth = apart ? g.width : 1 / this.dpr;
      ctx.beginPath();
      for (const e of g.edges) {
        const s = this.sources[e];
        const t = this.targets[e];
        const x1 = (this.xs[s] - this.minX) * f + ox;
        const y1 = (this.ys[s] - this.minY) * f + oy;
        const x2 = (this.xs[t] - this.minX) * f + ox;
        const y2 = (this.ys[t] - this.minY) * f + oy;
        // An edge wholly to one side of the view cannot cross it.
        if ((x1 < 0 && x2 < 0) || (x1 > w && x2 > w) || (y1 < 0 && y2 < 0) || (y1 > h && y2 > h)) continue;
        if (apart) ctx.beginPath();
        ctx.moveTo(x1, y1);
        ctx.lineTo(x2, y2);
        if (apart) ctx.stroke();
      }
      if (!apart) ctx.stroke();
    }
    // Nodes: one path per colour, skipping those outside the view; they grow a little as the
    // view zooms in, so a close view is not a field of dots.
    const grow = this.grow(camera);
    for (const g of this.nodeGroups) {
      ctx.fillStyle = g.color;
      ctx.beginPath();
      for (const i of g.nodes) {
        const x = (this.xs[i] - this.minX) * f + ox;
        const y = (this.ys[i] - this.minY) * f + oy;
        const r = this.sizes[i] * grow;
        if (x < -r || y < -r || x > w + r || y > h + r) continue;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    if (this.highlighted.length) {
      ctx.strokeStyle = "#222";
      ctx.lineWidth = 2;
      for (const i of this.highlighted) {
        ctx.beginPath();
        ctx.arc(this.toScreenX(i, k, camera), this.toScreenY(i, k, camera), this.sizes[i] * grow + 2, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    this.cachedFor = { ...camera };
  }

  /** Draws the edges as grey hairlines by hand (`hairlines.ts`) into the scene's pixels, in
   * one putImageData: the canvas's own lines cost seconds for 50,000 edges without a GPU. */
  private rasteriseHairlines(groups: EdgeGroup[], f: number, ox: number, oy: number): void {
    const dpr = this.dpr;
    const W = this.scene.width;
    const H = this.scene.height;
    if (this.coverage.length !== W * H) this.coverage = new Float32Array(W * H);
    const cov = this.coverage;
    cov.fill(0);
    const fx = f * dpr;
    const bx = ox * dpr;
    const by = oy * dpr;
    for (const g of groups) {
      const a = g.alpha!;
      for (const e of g.edges) {
        const s = this.sources[e];
        const t = this.targets[e];
        addHairline(
          cov,
          W,
          H,
          (this.xs[s] - this.minX) * fx + bx,
          (this.ys[s] - this.minY) * fx + by,
          (this.xs[t] - this.minX) * fx + bx,
          (this.ys[t] - this.minY) * fx + by,
          a,
        );
      }
    }
    const image = this.sceneCtx.createImageData(W, H);
    coverageToPixels(cov, new Uint32Array(image.data.buffer), EDGE_GREY);
    this.sceneCtx.putImageData(image, 0, 0);
  }

  /** How much bigger than their size nodes are drawn at a camera's zoom. */
  private grow(camera: Camera): number {
    return Math.max(1, 1 / camera.ratio) ** 0.5;
  }

  private draw(): void {
    const began = performance.now();
    const ctx = this.ctx;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (!this.graph || this.keys.length === 0) {
      this.lastDrawMs = performance.now() - began;
      return;
    }
    const camera = this.camera;
    const k = this.scale(camera);
    // The scene is drawn again when it is stale, when the camera rests somewhere else than
    // where it was drawn, or when the zoom has gone so far (eight times) that the copy is a
    // blur or a postage stamp. Drawing it costs a quarter of a second at 50,000 edges without
    // a GPU, so while the camera moves the copy is all there is.
    const cached = this.cachedFor;
    const factor = cached ? cached.ratio / camera.ratio : 1;
    if (!cached || (!this.moving && (cached.x !== camera.x || cached.y !== camera.y || cached.ratio !== camera.ratio)) || factor > 8 || factor < 0.125) {
      this.drawScene();
    }
    const c = this.cachedFor!;
    const kc = this.scale(c);
    // Where the scene's origin lands under the current camera, and at what scale.
    const s = k / kc;
    const left = this.width / 2 - camera.x * k + (c.x * kc - this.width / 2) * s;
    const top = this.height / 2 - camera.y * k + (c.y * kc - this.height / 2) * s;
    // A moving copy is drawn without smoothing: WebKitGTK rasterises the scaled copy when it
    // paints, and filtering a window-sized bitmap there took 50 ms a frame of a zoom (pans,
    // unscaled, took 20), measured in the real window; at rest the copy is the scene itself.
    ctx.imageSmoothingEnabled = !this.moving;
    ctx.drawImage(this.scene, left, top, this.width * s, this.height * s);
    if (!this.moving && !this.settling) this.drawLabels(k, this.grow(camera));
    this.lastDrawEnd = performance.now();
    this.lastDrawMs = this.lastDrawEnd - began;
  }

  /** Labels of the biggest nodes on screen, none overlapping another (a grid of cells, the
   * first label in size order takes its cells), highlighted nodes always. */
  private drawLabels(k: number, ratio: number): void {
    const ctx = this.ctx;
    const camera = this.camera;
    const threshold = this.options.labelThreshold ?? 9;
    ctx.font = "12px sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#222";
    const taken = new Set<number>();
    const cellW = 80;
    const cellH = 16;
    const cols = Math.ceil(this.width / cellW) + 1;
    const order = [...this.highlighted, ...this.byLabelOrder];
    let drawn = 0;
    for (const i of order) {
      if (drawn >= 300) break;
      const label = this.labels[i];
      if (!label || !this.shown[i]) continue;
      const r = this.sizes[i] * ratio;
      if (r < threshold && !this.highlighted.includes(i)) continue;
      const x = this.toScreenX(i, k, camera) + r + 3;
      const y = this.toScreenY(i, k, camera);
      if (x < 0 || y < 0 || x > this.width || y > this.height) continue;
      const cell = Math.floor(y / cellH) * cols + Math.floor(x / cellW);
      if (taken.has(cell) || taken.has(cell + 1)) continue;
      taken.add(cell);
      taken.add(cell + 1);
      ctx.fillText(label, x, y);
      drawn++;
    }
  }

  /** Where a node is drawn, in CSS pixels from the canvas's corner (tests click there). */
  screenPosition(key: string): { x: number; y: number } | null {
    const i = this.keys.indexOf(key);
    if (i < 0) return null;
    const k = this.scale(this.camera);
    return { x: this.toScreenX(i, k, this.camera), y: this.toScreenY(i, k, this.camera) };
  }

  /** Whether the camera is moving (the scene is a copy and labels are off). */
  get isMoving(): boolean {
    return this.moving;
  }

  /** The node under a point of the canvas (the topmost, lit before dimmed), or null. */
  nodeAt(px: number, py: number): string | null {
    const camera = this.camera;
    const k = this.scale(camera);
    const ratio = this.grow(camera);
    for (let gi = this.nodeGroups.length - 1; gi >= 0; gi--) {
      const nodes = this.nodeGroups[gi].nodes;
      for (let j = nodes.length - 1; j >= 0; j--) {
        const i = nodes[j];
        const r = this.sizes[i] * ratio + 2;
        const dx = this.toScreenX(i, k, camera) - px;
        const dy = this.toScreenY(i, k, camera) - py;
        if (dx * dx + dy * dy <= r * r) return this.keys[i];
      }
    }
    return null;
  }

  /** The shown edge nearest a point of the canvas within a few pixels, or null. */
  edgeAt(px: number, py: number): string | null {
    const camera = this.camera;
    const k = this.scale(camera);
    let best = -1;
    let bestD = Infinity;
    for (let e = 0; e < this.edgeKeys.length; e++) {
      if (!this.edgeShown[e]) continue;
      const x1 = this.toScreenX(this.sources[e], k, camera);
      const y1 = this.toScreenY(this.sources[e], k, camera);
      const x2 = this.toScreenX(this.targets[e], k, camera);
      const y2 = this.toScreenY(this.targets[e], k, camera);
      const vx = x2 - x1;
      const vy = y2 - y1;
      const len = vx * vx + vy * vy;
      const t = len ? Math.max(0, Math.min(1, ((px - x1) * vx + (py - y1) * vy) / len)) : 0;
      const dx = x1 + t * vx - px;
      const dy = y1 + t * vy - py;
      const d = dx * dx + dy * dy;
      const reach = Math.max(4, this.edgeSizes[e] / 2 + 2);
      if (d <= reach * reach && d < bestD) {
        best = e;
        bestD = d;
      }
    }
    return best < 0 ? null : this.edgeKeys[best];
  }

  private point(ev: PointerEvent | WheelEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
  }

  private onPointerDown = (ev: PointerEvent) => {
    const p = this.point(ev);
    this.drag = { x: p.x, y: p.y, camera: { ...this.camera }, moved: false };
    this.canvas.setPointerCapture?.(ev.pointerId);
  };

  private onPointerMove = (ev: PointerEvent) => {
    if (!this.drag) return;
    const p = this.point(ev);
    const dx = p.x - this.drag.x;
    const dy = p.y - this.drag.y;
    if (!this.drag.moved && dx * dx + dy * dy < 16) return;
    this.drag.moved = true;
    const k = this.scale(this.drag.camera);
    this.setCamera({ x: this.drag.camera.x - dx / k, y: this.drag.camera.y - dy / k, ratio: this.drag.camera.ratio });
  };

  private onPointerUp = (ev: PointerEvent) => {
    const drag = this.drag;
    this.drag = null;
    if (!drag || drag.moved || ev.type === "pointercancel") return;
    const p = this.point(ev);
    const node = this.nodeAt(p.x, p.y);
    if (node !== null) {
      this.options.onClickNode?.(node);
      return;
    }
    const edge = this.edgeAt(p.x, p.y);
    if (edge !== null) this.options.onClickEdge?.(edge);
  };

  /** Zooms about the pointer, so the point under it stays under it. */
  private onWheel = (ev: WheelEvent) => {
    ev.preventDefault();
    const p = this.point(ev);
    const factor = Math.exp(Math.max(-1, Math.min(1, ev.deltaY / 300)));
    const k = this.scale(this.camera);
    const gx = this.camera.x + (p.x - this.width / 2) / k;
    const gy = this.camera.y + (p.y - this.height / 2) / k;
    const ratio = Math.min(20, Math.max(0.01, this.camera.ratio * factor));
    const k2 = (Math.min(this.width, this.height) - 2 * PADDING) / ratio;
    this.setCamera({ x: gx - (p.x - this.width / 2) / k2, y: gy - (p.y - this.height / 2) / k2, ratio });
  };
}
