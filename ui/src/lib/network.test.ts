import { describe, expect, it } from "vitest";
import type { Network } from "./bindings/Network";
import { LayoutRun, edgeLabel, layOut, layoutIterations, neighbours, nodeSize, toGraph } from "./network";

const net: Network = {
  nodes: [
    { id: 1, name: "Ann Lee", kind: "person", weight: 5, degree: 2 },
    { id: 2, name: "Acme", kind: "organization", weight: 4, degree: 1 },
    { id: 3, name: "Bob Ray", kind: "person", weight: 1, degree: 1 },
  ],
  edges: [
    { source: 1, target: 2, weight: 4, kinds: ["same_sentence", "role"], role: "spokesperson of" },
    { source: 1, target: 3, weight: 1, kinds: ["quoted_together"], role: null },
  ],
  total_nodes: 3,
  total_edges: 2,
  truncated: null,
};

describe("network", () => {
  it("builds a graph keyed by entity id with sizes by weight and spiral positions", () => {
    const g = toGraph(net);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.getNodeAttribute("1", "size")).toBe(18);
    expect(g.getNodeAttribute("3", "size")).toBeLessThan(g.getNodeAttribute("2", "size"));
    expect(g.hasEdge("1-2")).toBe(true);
    // The same network starts from the same places, so its layout is the same each time.
    expect(toGraph(net).getNodeAttributes("2")).toEqual(g.getNodeAttributes("2"));
  });

  it("ignores an edge whose end is not among the nodes", () => {
    const g = toGraph({ ...net, edges: [...net.edges, { source: 1, target: 99, weight: 1, kinds: ["aka"], role: null }] });
    expect(g.size).toBe(2);
  });

  it("says what an edge is, in a role's own words", () => {
    expect(edgeLabel(net.edges[0])).toBe("same sentence, spokesperson of · 4×");
    expect(edgeLabel(net.edges[1])).toBe("quoted together · 1×");
  });

  it("sizes nodes between 3 and 18 pixels", () => {
    expect(nodeSize(0, 10)).toBe(3);
    expect(nodeSize(10, 10)).toBe(18);
    expect(nodeSize(1, 0)).toBe(4);
  });

  it("lists a node's neighbours heaviest edge first", () => {
    expect(neighbours(net, 1).map((n) => n.node.name)).toEqual(["Acme", "Bob Ray"]);
    expect(neighbours(net, 3).map((n) => n.node.name)).toEqual(["Ann Lee"]);
  });

  it("lays out in place and bounds the iterations by size", () => {
    const g = toGraph(net);
    const before = g.getNodeAttribute("3", "x");
    layOut(g, 10);
    expect(g.getNodeAttribute("3", "x")).not.toBe(before);
    expect(layoutIterations(5000)).toBeLessThan(layoutIterations(100));
  });

  it("runs the layout in slices to its iterations, or stops at its time budget", () => {
    const g = toGraph(net);
    const before = g.getNodeAttribute("3", "x");
    const run = new LayoutRun(g);
    let slices = 0;
    while (!run.run(1)) slices++;
    expect(run.iterations).toBe(layoutIterations(3));
    expect(slices).toBeGreaterThan(0);
    expect(g.getNodeAttribute("3", "x")).not.toBe(before);
    // A spent budget stops the layout before any iteration.
    const hurried = new LayoutRun(toGraph(net), 0);
    expect(hurried.run(50)).toBe(true);
    expect(hurried.iterations).toBe(0);
  });
});
