// Measures the timeline in the real window (WebKitGTK under Xvfb, over tauri-driver): our own
// canvas against vis-timeline, a well-kept timeline library, on the same 10,000 events, and
// our canvas on every event of the case. Run by scripts/bench-views.sh; prints figures for
// docs/benchmarks.md.
//
// Both are measured the same way: first paint is the time from having the events in the page
// to the end of the first frame after the timeline is built; frame times are the intervals
// between animation frames while the view zooms in (40 frames, 15% each) and then pans (40
// frames), and pans at full width (40 frames), with the view set programmatically once per
// frame (vis-timeline: setWindow without animation).
//
// Usage: node e2e/bench-timeline.mjs APP_BINARY CASE_FILE [EVENTS=10000]
// ONLY_VIS=1 skips the runs of our canvas (the tab still loads every event first).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startApp, sleep } from "./webdriver.mjs";

const [application, casePath, eventsArg] = process.argv.slice(2);
const wanted = Number(eventsArg ?? 10000);
const ui = fileURLToPath(new URL("..", import.meta.url));
const visJs = readFileSync(`${ui}/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js`, "utf8");
const visCss = readFileSync(`${ui}/node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css`, "utf8");

/** Median, 95th percentile, worst, and frames longer than 1.5 frames of a 60 Hz display. */
function summary(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    frames: sorted.length,
    median: +at(0.5).toFixed(1),
    p95: +at(0.95).toFixed(1),
    worst: +sorted[sorted.length - 1].toFixed(1),
    dropped: sorted.filter((d) => d > 25).length,
  };
}

// The per-frame driver both implementations share: `step(k)` sets the view for frame k. A run
// stops early after a minute, so a slow implementation is measured in bounded time.
const FRAMES = `
  window.__frames = async (step, count, budgetMs = 60000) => {
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
  // vis-timeline can take longer than WebDriver's default 30 s for a run of frames.
  await app.request("POST", "/timeouts", { script: 900000 });
  await app.waitFor("[data-testid=case-name]", { timeout: 60000 });
  await app.execute(FRAMES);

  // Our canvas on every event of the case, through the real tab (IPC included).
  const began = Date.now();
  await app.click((await app.find("[data-testid=tab-timeline]"))[0]);
  await app.waitUntil(`return (window.__dossierTimeline?.stats.events ?? 0) > 0`, "the timeline to load", 120000);
  const all = await app.execute(`return { ...window.__dossierTimeline.stats, drawMs: undefined }`);
  console.log(`all events: ${all.events} events, IPC ${all.fetchMs.toFixed(0)} ms, first paint ${(all.firstPaintMs - all.fetchMs).toFixed(0)} ms after the data arrived (tab click to loaded: ${Date.now() - began} ms by the driver)`);

  // The same 10k events for both: every k-th event of the case, so the spread of dates and
  // lanes is the case's own.
  await app.executeAsync(`
    const [wanted, done] = arguments;
    window.__TAURI_INTERNALS__.invoke("timeline_points", { query: { from: null, to: null, entity: null, kind: null, status: null, limit: null } }).then((p) => {
      const step = Math.max(p.id.length / wanted, 1);
      const pick = [];
      for (let i = 0; i < p.id.length && pick.length < wanted; i = Math.floor((pick.length + 1) * step)) pick.push(i);
      const sub = {};
      for (const key of ["id", "start", "end", "kind", "status", "conflict", "entity", "source"]) sub[key] = pick.map((i) => p[key][i]);
      for (const key of ["entities", "documents", "document_ids"]) sub[key] = p[key];
      window.__subset = sub;
      done(sub.id.length);
    });`, wanted);
  const n = await app.execute(`return window.__subset.id.length`);

  // What an idle window's frames look like here, to read the others against.
  const idle = summary(await app.executeAsync(`window.__frames(() => {}, 80).then(arguments[0]);`));
  console.log(`idle frames (nothing drawn): ${JSON.stringify(idle)}`);

  const canvasRuns = [];
  for (let run = 0; run < (process.env.ONLY_VIS ? 0 : 3); run++) {
    const paint = await app.executeAsync(`
      const done = arguments[0];
      const t0 = performance.now();
      window.__dossierTimeline.load(window.__subset);
      const built = performance.now() - t0;
      requestAnimationFrame(() => requestAnimationFrame(() => done({ built, painted: performance.now() - t0 })));`);
    const frames = await app.executeAsync(`
      const done = arguments[0];
      const tl = window.__dossierTimeline;
      const v = tl.getView();
      const span = v.t1 - v.t0;
      const mid = (v.t0 + v.t1) / 2;
      window.__frames((k) => {
        const s = span * Math.pow(0.85, Math.min(k, 39) + 1);
        const shift = k < 40 ? 0 : (k - 39) * s * 0.02;
        tl.setView(mid - s / 2 + shift, mid + s / 2 + shift);
      }, 80).then(done);`);
    const fitAll = await app.executeAsync(`
      const done = arguments[0];
      const tl = window.__dossierTimeline;
      const v = tl.getView();
      const span = v.t1 - v.t0;
      window.__frames((k) => tl.setView(v.t0 + k * span * 0.01, v.t1 + k * span * 0.01), 40).then(done);`);
    const draws = await app.execute(`return window.__dossierTimeline.stats.drawMs.slice(-120)`);
    const r = { paint, frames: summary([...frames, ...fitAll]), draw: summary(draws) };
    canvasRuns.push(r);
    console.log(`canvas, ${n} events, run ${run + 1}: first paint ${r.paint.painted.toFixed(0)} ms (built and drawn in ${r.paint.built.toFixed(0)} ms); frames ${JSON.stringify(r.frames)}; draw calls ${JSON.stringify(r.draw)}`);
  }

  // vis-timeline on the same events, in a layer over the app, grouped by the same lanes.
  await app.execute(`
    const style = document.createElement("style");
    style.textContent = arguments[0];
    document.head.append(style);`, visCss);
  await app.execute(visJs + "\n;window.__vis = vis;");
  const visVersion = JSON.parse(readFileSync(`${ui}/node_modules/vis-timeline/package.json`, "utf8")).version;
  const visRuns = [];
  for (let run = 0; run < 2; run++) {
    const paint = await app.executeAsync(`
      const done = arguments[0];
      document.getElementById("vis-layer")?.remove();
      window.__visTimeline?.destroy();
      const layer = document.createElement("div");
      layer.id = "vis-layer";
      layer.style.cssText = "position:fixed;inset:60px 10px 10px 10px;background:#fff;z-index:50;overflow:auto";
      document.body.append(layer);
      const p = window.__subset;
      const t0 = performance.now();
      const counts = new Map();
      for (const e of p.entity) counts.set(e, (counts.get(e) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 9).map(([k]) => k);
      const lane = (e) => (top.includes(e) ? e : -2);
      const groups = new window.__vis.DataSet([...top, -2].map((k) => ({ id: k, content: k === -2 ? "others" : k === -1 ? "no one named" : p.entities[k] })));
      const items = new window.__vis.DataSet(p.id.map((id, i) => {
        const wide = p.end[i] - p.start[i] > 86400;
        return wide
          ? { id, group: lane(p.entity[i]), content: "", start: p.start[i] * 1000, end: p.end[i] * 1000, type: "range" }
          : { id, group: lane(p.entity[i]), content: "", start: p.start[i] * 1000, type: "point" };
      }));
      const tl = new window.__vis.Timeline(layer, items, groups, { stack: false, showTooltips: false, zoomMin: 7200000 });
      window.__visTimeline = tl;
      const built = performance.now() - t0;
      requestAnimationFrame(() => requestAnimationFrame(() => done({ built, painted: performance.now() - t0 })));`);
    console.log(`vis-timeline ${visVersion}, ${n} events, run ${run + 1}: first paint ${paint.painted.toFixed(0)} ms (built in ${paint.built.toFixed(0)} ms)`);
    await sleep(500);
    // vis-timeline's frames under the per-frame driver did not come back within WebDriver's
    // five minutes, so each view change is timed synchronously instead (setWindow, then a
    // forced redraw), ten zoom steps and ten pan steps, which bounds the run.
    let frames;
    try {
      frames = await app.execute(`
      const tl = window.__visTimeline;
      // getWindow() answers NaN here (vis' fitted range over these items), so the range is
      // the events' own.
      const p = window.__subset;
      let t0 = Infinity, t1 = -Infinity;
      for (let i = 0; i < p.start.length; i++) {
        t0 = Math.min(t0, Number(p.start[i]) * 1000);
        t1 = Math.max(t1, Number(p.end[i]) * 1000);
      }
      if (!Number.isFinite(t0) || !Number.isFinite(t1)) throw new Error("no range: " + t0 + " " + t1 + " " + typeof p.start[0]);
      const span = t1 - t0, mid = (t0 + t1) / 2;
      const took = [];
      for (let k = 0; k < 20; k++) {
        const s = span * Math.pow(0.85, Math.min(k, 9) + 1);
        const shift = k < 10 ? 0 : (k - 9) * s * 0.02;
        const began = performance.now();
        tl.setWindow(new Date(mid - s / 2 + shift), new Date(mid + s / 2 + shift), { animation: false });
        tl.redraw();
        took.push(performance.now() - began);
      }
      return took;`);
    } catch (err) {
      // In our runs every view change failed inside vis-timeline ("Invalid start NaN"), and
      // the earlier per-frame driver never came back; the figure is then the error.
      console.log(`vis-timeline ${visVersion}, ${n} events, run ${run + 1}: changing the view failed: ${err.message}`);
      continue;
    }
    const r = { paint, frames: summary(frames) };
    visRuns.push(r);
    console.log(`vis-timeline ${visVersion}, ${n} events, run ${run + 1}: time per view change (setWindow + redraw, 20 steps) ${JSON.stringify(r.frames)}`);
  }
} finally {
  await app.close();
}
