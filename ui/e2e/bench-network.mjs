// Measures the network view in the real window (WebKitGTK under Xvfb, over tauri-driver;
// issue 22): the view's Canvas 2D renderer (lib/network-canvas.ts) against sigma 3 (WebGL),
// the graph library made for this, on the same synthetic networks in the same run. Run by
// scripts/bench-views.sh (BENCH_ONLY=network); prints figures for docs/benchmarks.md.
//
// Each size is a network generated in the page as ui/bench/network.ts makes it (a few heavy
// nodes, many light ones) and handed to the view, which lays it out (its 2 s budget) and
// draws it. Then the camera is set once per animation frame along a pan (60 frames) and a
// zoom (60 frames); the figures are the intervals between frames (what the eye gets) and the
// renderer's own drawing time per frame. sigma is then built on the same laid-out graph, in a
// layer over the view, and driven the same way; each of its runs stops after a time budget,
// so a renderer taking seconds a frame is measured in bounded time.
//
// Usage: node e2e/bench-network.mjs APP_BINARY CASE_FILE   (any case: the networks are made
// in the page). SIZES=500:2000,2000:20000,5000:50000 by default; SKIP_SIGMA=1 leaves sigma out.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startApp, sleep } from "./webdriver.mjs";

const [application, casePath] = process.argv.slice(2);
const ui = fileURLToPath(new URL("..", import.meta.url));
const sigmaJs = readFileSync(`${ui}/node_modules/sigma/dist/sigma.min.js`, "utf8");
const sigmaVersion = JSON.parse(readFileSync(`${ui}/node_modules/sigma/package.json`, "utf8")).version;
const sizes = (process.env.SIZES ?? "500:2000,2000:20000,5000:50000").split(",").map((s) => s.split(":").map(Number));
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Median, 95th percentile, worst, mean, and frames longer than 1.5 frames of a 60 Hz display. */
function summary(deltas) {
  if (deltas.length === 0) return { frames: 0 };
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    frames: sorted.length,
    mean: +(sorted.reduce((a, b) => a + b, 0) / sorted.length).toFixed(1),
    median: +at(0.5).toFixed(1),
    p95: +at(0.95).toFixed(1),
    worst: +sorted[sorted.length - 1].toFixed(1),
    dropped: sorted.filter((d) => d > 25).length,
  };
}

// The page's side: the generator (the same as ui/bench/network.ts), the cameras of the pan and
// zoom paths, and a per-frame driver that stops at a time budget.
const PAGE = `
  window.__mulberry = (seed) => {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  window.__synthetic = (nodes, edges) => {
    const random = window.__mulberry(7);
    const pick = () => Math.floor(nodes * random() ** 2.5);
    const seen = new Set();
    const out = [];
    for (let tries = 0; out.length < edges; tries++) {
      if (tries > edges * 20) throw new Error("only " + out.length + " distinct edges");
      const a = pick(), b = pick();
      const key = Math.min(a, b) + "-" + Math.max(a, b);
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      out.push({ source: Math.min(a, b) + 1, target: Math.max(a, b) + 1, weight: 1 + Math.floor(random() * 5), kinds: ["same_sentence"], role: null });
    }
    const weight = new Array(nodes + 1).fill(0);
    for (const e of out) { weight[e.source] += e.weight; weight[e.target] += e.weight; }
    return {
      nodes: Array.from({ length: nodes }, (_, i) => ({ id: i + 1, name: "Entity " + (i + 1), kind: i % 4 ? "person" : "organization", weight: weight[i + 1], degree: 0 })),
      edges: out, total_nodes: nodes, total_edges: edges, truncated: null,
    };
  };
  window.__pan = (i) => { const a = (2 * Math.PI * i) / 60; return { x: 0.5 + 0.15 * Math.sin(a), y: 0.5 + 0.15 * (Math.cos(a) - 1), ratio: 0.7 }; };
  window.__zoom = (i) => ({ x: 0.5, y: 0.5, ratio: 0.7 * Math.exp(-1.3 * Math.sin((Math.PI * i) / 60)) });
  window.__frames = async (step, count, budgetMs) => {
    const deltas = [];
    let last = await new Promise((r) => requestAnimationFrame(r));
    const began = last;
    for (let k = 0; k < count && last - began < budgetMs; k++) {
      step(k);
      const now = await new Promise((r) => requestAnimationFrame(r));
      deltas.push(now - last);
      last = now;
    }
    return deltas;
  };`;

const app = await startApp({ application, args: [casePath] });
try {
  await app.request("POST", "/timeouts", { script: 900000 });
  await app.waitFor("[data-testid=case-name]", { timeout: 60000 });
  await app.click((await app.find("[data-testid=tab-people]"))[0]);
  await app.jsClick(await app.waitFor("[data-testid=open-network]"));
  await app.waitFor("[data-testid=network-count]", { text: /links/ });
  await app.execute(PAGE);
  await app.execute(sigmaJs + "\n;window.__Sigma = Sigma.default ?? Sigma;");
  const idle = summary(await app.executeAsync(`window.__frames(() => {}, 60, 10000).then(arguments[0]);`));
  console.log(`idle frames (nothing drawn): ${JSON.stringify(idle)} (load ${load()})`);

  for (const [nodes, edges] of sizes) {
    // The view: layout and first drawing, through its own code.
    const shown = await app.executeAsync(`
      const [nodes, edges, done] = arguments;
      const net = window.__synthetic(nodes, edges);
      const t0 = performance.now();
      window.__dossierNetwork.show(net);
      const wait = () => {
        const r = window.__dossierNetwork.renderer();
        if (window.__dossierNetwork.layoutMs() > 0 && r && !r.isMoving) {
          // The frame after the layout's end draws the edges: wait for it.
          requestAnimationFrame(() => requestAnimationFrame(() => done({ layoutMs: window.__dossierNetwork.layoutMs(), untilDrawnMs: performance.now() - t0, fullDrawMs: r.lastDrawMs })));
        } else setTimeout(wait, 20);
      };
      wait();`, nodes, edges);
    console.log(`canvas, ${nodes}/${edges}: layout ${shown.layoutMs} ms (view's figure), laid out and drawn ${shown.untilDrawnMs.toFixed(0)} ms after the network was handed over, full drawing ${shown.fullDrawMs.toFixed(0)} ms (load ${load()})`);
    for (const path of ["pan", "zoom"]) {
      const r = await app.executeAsync(`
        const [path, done] = arguments;
        const view = window.__dossierNetwork.renderer();
        const draws = [];
        window.__frames((k) => {
          if (k > 0) draws.push(view.lastDrawMs);
          view.setCamera(window["__" + path](k));
        }, 60, 60000).then((deltas) => {
          draws.push(view.lastDrawMs);
          // The drawing once the camera rests (every edge again, and the labels).
          setTimeout(() => done({ deltas, draws, rest: view.lastDrawMs }), 600);
        });`, path);
      console.log(`canvas, ${nodes}/${edges}, ${path}: frame intervals ${JSON.stringify(summary(r.deltas))}; drawing per frame ${JSON.stringify(summary(r.draws))}; drawing at rest ${r.rest.toFixed(0)} ms (load ${load()})`);
    }

    // sigma on the same laid-out graph, in a layer over the view's canvas (SKIP_SIGMA=1 measures
    // only the view, for a second run after a change to it).
    for (const hide of process.env.SKIP_SIGMA ? [] : [false, true]) {
      const name = hide ? "sigma (hideEdgesOnMove)" : "sigma";
      try {
        const first = await app.executeAsync(`
          const [hide, done] = arguments;
          window.__sigma?.kill();
          document.getElementById("sigma-layer")?.remove();
          const host = document.querySelector("[data-testid=network-canvas]").getBoundingClientRect();
          const layer = document.createElement("div");
          layer.id = "sigma-layer";
          layer.style.cssText = "position:fixed;background:#fff;z-index:50;left:" + host.left + "px;top:" + host.top + "px;width:" + host.width + "px;height:" + host.height + "px";
          document.body.append(layer);
          const t0 = performance.now();
          window.__sigma = new window.__Sigma(window.__dossierNetwork.graph(), layer, { enableEdgeEvents: true, labelRenderedSizeThreshold: 9, hideEdgesOnMove: hide, hideLabelsOnMove: hide });
          const built = performance.now() - t0;
          requestAnimationFrame(() => requestAnimationFrame(() => done({ built, painted: performance.now() - t0 })));`, hide);
        console.log(`${name} ${sigmaVersion}, ${nodes}/${edges}: first paint ${first.painted.toFixed(0)} ms (built in ${first.built.toFixed(0)} ms) (load ${load()})`);
        for (const path of ["pan", "zoom"]) {
          const deltas = await app.executeAsync(`
            const [path, hide, done] = arguments;
            const sigma = window.__sigma;
            const captor = sigma.getMouseCaptor();
            window.__frames((k) => {
              // sigma hides edges only while it thinks the mouse drags.
              if (hide) captor.isMoving = true;
              sigma.getCamera().setState(window["__" + path](k));
            }, 60, 30000).then((d) => { captor.isMoving = false; done(d); });`, path, hide);
          console.log(`${name}, ${nodes}/${edges}, ${path}: frame intervals ${JSON.stringify(summary(deltas))} (30 s budget) (load ${load()})`);
        }
      } catch (err) {
        console.log(`${name}, ${nodes}/${edges}: failed: ${err.message}`);
      }
      await app.execute(`window.__sigma?.kill(); window.__sigma = null; document.getElementById("sigma-layer")?.remove();`);
      await sleep(300);
    }
  }
} finally {
  await app.close();
}
