// Measures the real app (scripts/bench-app.sh runs this under Xvfb):
//  1. cold start: from spawning the process to the window's first `current_case` answered
//     (the app logs that moment when DOSSIER_TIMING is set), with the demo case opening;
//  2. responsiveness during a large import: the corpus is dropped on the window of a new
//     case, and while it imports the page measures `ping` round trips, animation frame gaps
//     and how often the progress bar moves.
//
// Usage: node e2e/bench.mjs APP_BINARY DEMO_CASE CORPUS_DIR WORK_DIR [RUNS]

import { spawn } from "node:child_process";
import { join } from "node:path";
import { startApp } from "./webdriver.mjs";

const [application, demoCase, corpus, work, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? "5");

function coldStart() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(application, [demoCase], { env: { ...process.env, DOSSIER_TIMING: "1" } });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("the app did not report an interactive window within 30 s"));
    }, 30000);
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = /interactive (\d+) ms after launch/.exec(err);
      if (m) {
        const wall = Number(process.hrtime.bigint() - started) / 1e6;
        clearTimeout(timer);
        child.kill();
        child.on("exit", () => resolve({ wall, inside: Number(m[1]) }));
      }
    });
  });
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

console.log(`cold start, ${runs} runs (the first may include loading the binary from disk):`);
const starts = [];
for (let i = 0; i < runs; i++) {
  const r = await coldStart();
  starts.push(r.wall);
  console.log(`  run ${i + 1}: ${r.wall.toFixed(0)} ms from spawn (${r.inside} ms from main)`);
}
console.log(`  median ${pct(starts, 50).toFixed(0)} ms, worst ${Math.max(...starts).toFixed(0)} ms`);

console.log(`import of ${corpus} into a new case through the window:`);
const app = await startApp({ application });
try {
  await app.request("POST", "/timeouts", { script: 600000 });
  // The cold starts above opened the demo case, so the app reopens it; the new case replaces it.
  await app.waitFor("header.bar h1");
  await app.invoke("create_case", { path: join(work, "corpus.dossier") });
  await app.execute("location.reload()");
  await app.waitFor(".library h2", { text: "no documents yet" });
  const result = await app.executeAsync(
    `const [corpus, done] = arguments;
     const invoke = window.__TAURI_INTERNALS__.invoke;
     const pings = [], gaps = [], bar = new Set();
     let finished = false, lastFrame = performance.now();
     const started = performance.now();
     let worst = { gap: 0, at: 0 };
     const frame = (now) => {
       const gap = now - lastFrame;
       gaps.push(gap);
       if (gap > worst.gap) worst = { gap, at: (now - started) / 1000 };
       lastFrame = now;
       if (!finished) requestAnimationFrame(frame);
     };
     requestAnimationFrame(frame);
     const pinger = async () => {
       while (!finished) {
         const t = performance.now();
         await invoke("ping");
         pings.push(performance.now() - t);
         const b = document.querySelector("progress[aria-label='Import progress']");
         if (b) bar.add(b.getAttribute("value"));
         await new Promise((r) => setTimeout(r, 50));
       }
     };
     pinger();
     invoke("plugin:event|emit", { event: "tauri://drag-drop", payload: { paths: [corpus], position: { x: 5, y: 5 } } });
     const watch = setInterval(() => {
       const shown = document.querySelector("[data-testid=import-result]");
       if (shown) {
         finished = true;
         clearInterval(watch);
         done({ text: shown.textContent, seconds: (performance.now() - started) / 1000, pings, gaps, worst, bar: bar.size });
       }
     }, 100);`,
    corpus,
  );
  console.log(`  ${result.text.trim()}`);
  console.log(`  import took ${result.seconds.toFixed(1)} s in the window`);
  console.log(
    `  ping round trip during import: ${result.pings.length} pings, median ${pct(result.pings, 50).toFixed(1)} ms, ` +
      `p99 ${pct(result.pings, 99).toFixed(1)} ms, worst ${Math.max(...result.pings).toFixed(1)} ms`,
  );
  console.log(
    `  animation frame gaps: median ${pct(result.gaps, 50).toFixed(1)} ms, p99 ${pct(result.gaps, 99).toFixed(1)} ms, ` +
      `worst ${Math.max(...result.gaps).toFixed(1)} ms at ${result.worst.at.toFixed(1)} s`,
  );
  console.log(`  the progress bar showed ${result.bar} distinct values`);
  const timing = await app.executeAsync(
    `const done = arguments[0];
     const invoke = window.__TAURI_INTERNALS__.invoke;
     (async () => {
       const list = performance.now();
       const docs = await invoke("list_documents");
       const listed = performance.now() - list;
       const times = [];
       for (const q of ["kelihos", "oil prices", "\\"central bank\\"", "spam OR botnet", "bank date:1987"]) {
         const t = performance.now();
         await invoke("search", { request: { query: q, limit: 50, offset: 0, sort: "relevance", facets: true, snippets: true } });
         times.push(performance.now() - t);
       }
       done({ docs: docs.length, listed, times });
     })();`,
  );
  console.log(`  afterwards: list_documents of ${timing.docs} rows ${timing.listed.toFixed(0)} ms; searches from the window ${timing.times.map((t) => t.toFixed(0)).join(", ")} ms`);
} finally {
  await app.close();
}
