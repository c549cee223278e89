// Types for the parts of graphology-layout-forceatlas2 that its package publishes without
// declarations: one iteration, the graph-to-matrix helpers and the default settings. The
// network view uses them (lib/network.ts) to keep the layout's matrices between frames, which
// its public `assign` rebuilds from the graph on every call.

declare module "graphology-layout-forceatlas2/iterate.js" {
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): void;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  import type Graph from "graphology";
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function assignLayoutChanges(graph: Graph, nodes: Float32Array, outputReducer: null): void;
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  const defaults: Record<string, unknown>;
  export default defaults;
}
