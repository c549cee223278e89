// The network view's pure side: a graphology graph from the core's `Network` (sizes by
// weight, first positions on a spiral so the layout starts from the same place every time),
// the layout's budget, the words for each kind of link, and the list beside the graph that
// the keyboard and screen readers use.

import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import fa2Defaults from "graphology-layout-forceatlas2/defaults.js";
import { assignLayoutChanges, graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { LinkKind } from "./bindings/LinkKind";
import type { Network } from "./bindings/Network";
import type { NetworkEdge } from "./bindings/NetworkEdge";
import type { NetworkNode } from "./bindings/NetworkNode";

export const LINK_KINDS: { kind: LinkKind; label: string }[] = [
  { kind: "quoted_together", label: "quoted together" },
  { kind: "same_sentence", label: "same sentence" },
  { kind: "co_defendants", label: "co-defendants" },
  { kind: "aka", label: "a/k/a" },
  { kind: "role", label: "role" },
];

/** How an edge reads: its kinds (a role in its own words), and its weight. */
export function edgeLabel(edge: NetworkEdge): string {
  const kinds = edge.kinds.map((k) => (k === "role" && edge.role ? edge.role : LINK_KINDS.find((l) => l.kind === k)?.label ?? k));
  return `${kinds.join(", ")} · ${edge.weight}×`;
}

/** A node's radius in pixels: grows with the square root of its weight, 3 to 18. */
export function nodeSize(weight: number, heaviest: number): number {
  if (heaviest <= 0) return 4;
  return 3 + 15 * Math.sqrt(Math.max(0, weight) / heaviest);
}

export const PERSON_COLOR = "#3b6fb6";
export const ORG_COLOR = "#c0682b";

/**
 * The graph the view draws: nodes keyed by entity id, on a golden-angle spiral by rank (the
 * heaviest at the centre), edges keyed `source-target`.
 */
export function toGraph(net: Network): Graph {
  const graph = new Graph({ type: "undirected", multi: false });
  const heaviest = net.nodes.reduce((m, n) => Math.max(m, n.weight), 0);
  const golden = Math.PI * (3 - Math.sqrt(5));
  net.nodes.forEach((n, i) => {
    const r = Math.sqrt(i + 1) * 10;
    graph.addNode(String(n.id), {
      x: r * Math.cos(i * golden),
      y: r * Math.sin(i * golden),
      size: nodeSize(n.weight, heaviest),
      label: n.name,
      color: n.kind === "person" ? PERSON_COLOR : ORG_COLOR,
    });
  });
  for (const e of net.edges) {
    const s = String(e.source);
    const t = String(e.target);
    if (graph.hasNode(s) && graph.hasNode(t)) {
      graph.addEdgeWithKey(`${e.source}-${e.target}`, s, t, { weight: e.weight, size: Math.min(6, 0.5 + Math.log2(e.weight)), label: edgeLabel(e) });
    }
  }
  return graph;
}

/** How many iterations the layout runs at most: enough to settle. A big graph usually stops
 * earlier, at the time budget below. */
export function layoutIterations(nodes: number): number {
  if (nodes <= 200) return 300;
  if (nodes <= 1000) return 150;
  return 80;
}

/** The layout stops after this long whatever its iterations (issue 22: under 2 s at 5,000
 * nodes); a graph that has not settled by then is still readable. */
export const LAYOUT_BUDGET_MS = 2000;

/** A ForceAtlas2 layout run in slices, so the window can draw between them and show the graph
 * as it settles. It keeps the algorithm's matrices from one slice to the next: the package's
 * `assign` builds them from the graph and writes them back on every call, which at 50,000
 * edges costs as much as an iteration and forgets each node's speed, so slices of one
 * iteration each did not settle like one long run. */
export class LayoutRun {
  readonly total: number;
  iterations = 0;
  private nodes: Float32Array;
  private edges: Float32Array;
  private settings: Record<string, unknown>;
  private started = performance.now();
  private slowest = 0;

  constructor(
    private graph: Graph,
    private budgetMs = LAYOUT_BUDGET_MS,
  ) {
    this.total = graph.order === 0 ? 0 : layoutIterations(graph.order);
    const matrices = graphToByteArrays(graph, (_edge, attributes) => Number(attributes.weight ?? 1));
    this.nodes = matrices.nodes;
    this.edges = matrices.edges;
    this.settings = { ...fa2Defaults, ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
  }

  /** Whether the layout is over: its iterations are done, or its time is spent, or nearly:
   * another iteration (as long as the slowest so far) would end past the budget. */
  get done(): boolean {
    return this.iterations >= this.total || this.elapsedMs + this.slowest >= this.budgetMs;
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** Runs iterations for about `sliceMs` (at least one), then writes the positions into the
   * graph. Answers whether the layout is over. */
  run(sliceMs: number): boolean {
    const began = performance.now();
    while (!this.done) {
      const one = performance.now();
      iterate(this.settings, this.nodes, this.edges);
      this.slowest = Math.max(this.slowest, performance.now() - one);
      this.iterations++;
      if (performance.now() - began >= sliceMs) break;
    }
    if (this.total > 0) assignLayoutChanges(this.graph, this.nodes, null);
    return this.done;
  }
}

/** Runs `iterations` of ForceAtlas2 on `graph` in place at once (Barnes-Hut past 500 nodes);
 * the view uses `LayoutRun`, this is for tests and small graphs. */
export function layOut(graph: Graph, iterations: number): void {
  if (graph.order === 0) return;
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: "weight",
    settings: { ...settings, barnesHutOptimize: graph.order > 500 },
  });
}

/** The neighbours of `id` in `net`, heaviest edge first, with the edge that joins them. */
export function neighbours(net: Network, id: number): { node: NetworkNode; edge: NetworkEdge }[] {
  const byId = new Map(net.nodes.map((n) => [n.id, n]));
  const out: { node: NetworkNode; edge: NetworkEdge }[] = [];
  for (const e of net.edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    const node = other === null ? undefined : byId.get(other);
    if (node) out.push({ node, edge: e });
  }
  return out.sort((a, b) => b.edge.weight - a.edge.weight || a.node.name.localeCompare(b.node.name));
}

/** The words of a "from" or "to" field, or null when empty. */
export function dateOrNull(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}
