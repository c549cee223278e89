// Measures the library and search on a big case in the real window (WebKitGTK under Xvfb, over
// tauri-driver): opening the case until the library's first rows are drawn and answer a key,
// sorting by each column, jumping to the end with the End key, filtering by title, and search
// as you type until the first hits are drawn. Run by scripts/bench-views.sh (BENCH_ONLY=library);
// prints figures for docs/benchmarks.md.
//
// The open is timed from the WebDriver session request, which spawns the app, to the first
// poll that sees rows (polled every few milliseconds), so it includes starting the process and
// WebKit. Every other step is timed inside the page, from the action to the first animation
// frame in which the DOM shows its result, so WebDriver's round trips are not counted.
//
// Usage: node e2e/bench-library.mjs APP_BINARY CASE_FILE [RUNS=3]

import { startApp, sleep } from "./webdriver.mjs";

const [application, casePath, runsArg] = process.argv.slice(2);
let runs = Number(runsArg ?? 3);
// A case from an older build is migrated on its first open (at 1M that is minutes of index
// building), so the wait for rows can be raised: BENCH_OPEN_TIMEOUT_MS, default two minutes.
const openTimeout = Number(process.env.BENCH_OPEN_TIMEOUT_MS ?? 120000);

// `__step(act, done)` runs `act` and resolves with the milliseconds until `done()` holds at an
// animation frame (or rejects after a minute).
const STEP = `
  window.__step = (act, done) => new Promise((resolve, reject) => {
    const began = performance.now();
    act();
    const tick = () => {
      if (done()) resolve(performance.now() - began);
      else if (performance.now() - began > 60000) reject(new Error("no result within a minute"));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  window.__type = (input, text) => {
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  window.__text = (css) => document.querySelector(css)?.textContent ?? "";
  window.__grid = () => document.querySelector(".library [role=grid][aria-label=Documents]");
  window.__firstId = () => document.querySelector(".library [data-doc-id]")?.getAttribute("data-doc-id") ?? "";
  window.__key = (key) => {
    const grid = window.__grid();
    grid.focus();
    grid.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  };`;

const began = performance.now();
const app = await startApp({ application, args: [casePath] });
const timed = async (act, done) =>
  app.executeAsync(
    `const finish = arguments[arguments.length - 1];
     window.__step(() => { ${act} }, () => { ${done} }).then((ms) => finish({ ms }), (e) => finish({ error: String(e) }));`,
  );
// A step that never shows its result is reported and the run goes on to the next one.
const show = (label, result) => {
  if (result.error) {
    console.log(`${label}: FAILED (${result.error})`);
    return null;
  }
  console.log(`${label}: ${result.ms.toFixed(0)} ms`);
  return result.ms;
};

// The rows the library shows, from its count line: "N of M documents" when filtered, "M
// documents · F copies and replies folded…" when groups and threads fold F of them, or "M
// documents". The first number alone was the documents, not the rows, once copies folded:
// the End key waited for row 1,000,982 of 23,030, and a filter's first number changed from
// the documents to the old rows at once, before the core answered. The same function runs in
// the page, as the condition a step waits for.
const SHOWN_ROWS = `(text) => {
  const numbers = (text.match(/[0-9][0-9,]*/g) ?? []).map((n) => Number(n.replace(/,/g, "")));
  if (/ of /.test(text)) return numbers[0];
  if (/folded/.test(text)) return numbers[0] - numbers[1];
  return numbers[0];
}`;
const shownRows = eval(SHOWN_ROWS);

try {
  await app.request("POST", "/timeouts", { script: 120000 });
  // Open: poll until the first page of rows is drawn, then until the list answers a key.
  let opened = null;
  while (opened === null) {
    const state = await app
      .execute(`return document.querySelector(".library [data-doc-id]") !== null && /\\d/.test(document.querySelector("[data-testid=library-count]")?.textContent ?? "") ? performance.now() : null`)
      .catch(() => null);
    if (state !== null) opened = { wall: performance.now() - began, page: state };
    else if (performance.now() - began > openTimeout) throw new Error(`no library rows within ${openTimeout} ms`);
    else await sleep(5);
  }
  console.log(`open: session request (spawns the app) to the library's first rows: ${opened.wall.toFixed(0)} ms (${opened.page.toFixed(0)} ms after the page began loading)`);
  await app.execute(STEP);
  const count = await app.execute(`return window.__text("[data-testid=library-count]")`);
  console.log(`library: ${count}`);
  const total = shownRows(count);
  show(
    "open: first key (ArrowDown) selects the first row",
    await timed(`window.__key("ArrowDown")`, `return document.querySelector(".library [data-doc-id][aria-selected=true]") !== null`),
  );

  for (let run = 0; run < runs; run++) {
    for (const [column, label] of [
      ["Title", "title ▲"],
      ["Title", "title ▼"],
      ["Outlet", "outlet ▲"],
      ["Kind", "kind ▲"],
      ["Published", "published ▲"],
    ]) {
      const before = await app.execute(`return window.__firstId()`);
      show(
        `sort by ${label}: click to first rows`,
        await timed(
          `[...document.querySelectorAll(".library [role=columnheader] button")].find((b) => b.textContent.trim().startsWith(${JSON.stringify(column)})).click()`,
          `const id = window.__firstId(); return id !== "" && id !== ${JSON.stringify(before)} && document.querySelector(".library [aria-busy=true]") === null`,
        ),
      );
    }
    show(
      "scroll: End, to the last row drawn",
      await timed(`window.__key("End")`, `return document.querySelector(".library [aria-rowindex='${total}'][data-doc-id]") !== null && document.querySelector(".library [aria-busy=true]") === null`),
    );
    show(
      "scroll: PageUp from the end",
      await timed(
        `window.__key("PageUp")`,
        `const sel = document.querySelector(".library [aria-selected=true][data-doc-id]"); return sel !== null && Number(sel.getAttribute("aria-rowindex")) < ${total} && document.querySelector(".library [aria-busy=true]") === null`,
      ),
    );
    show(
      "scroll: Home, back to the first row",
      await timed(`window.__key("Home")`, `return document.querySelector(".library [aria-rowindex='1'][data-doc-id]") !== null`),
    );
    for (const words of ["police", "minister election", ""]) {
      // The rows shown change once the core answers; the line's " of M" form appears at once,
      // still with the old rows, as soon as the filter is set.
      const before = shownRows(await app.execute(`return window.__text("[data-testid=library-count]")`));
      show(
        `filter by title "${words}": type to count and first rows`,
        await timed(
          `window.__type(document.querySelector(".library input[type=search]"), ${JSON.stringify(words)})`,
          `const n = (${SHOWN_ROWS})(window.__text("[data-testid=library-count]")); return n !== ${before} && (document.querySelector(".library [data-doc-id]") !== null || n === 0)`,
        ),
      );
      console.log(`  ${await app.execute(`return window.__text("[data-testid=library-count]")`)}`);
    }
  }

  // Search as you type: from the input event to the first hits drawn (the view's own typing
  // pause included), after the tab is shown. BENCH_SKIP_SEARCH=1 leaves it out: on a case whose
  // index an older build wrote, the first search rebuilds the whole index, which is not what
  // this measures (run `dossier reindex` first).
  if (process.env.BENCH_SKIP_SEARCH === "1") {
    console.log("search: skipped (BENCH_SKIP_SEARCH=1)");
    runs = 0;
  }
  if (runs > 0) {
    // Search has no tab of its own: its box sits in the top bar and opens the results.
    await app.execute(`document.querySelector("[data-testid=search-input]").focus()`);
    await sleep(500);
  }
  for (let run = 0; run < runs; run++) {
    for (const query of ["police", "climate change", "minister resign", "kelihos botnet"]) {
      await app.execute(`window.__type(document.querySelector("[data-testid=search-input]"), "")`);
      await sleep(400);
      show(
        `search "${query}" as typed: to the first hits drawn`,
        await timed(
          `window.__type(document.querySelector("[data-testid=search-input]"), ${JSON.stringify(query)})`,
          `const state = window.__text("#search-state").trim(); return /^[\\d,]+ hits? ·/.test(state) && (document.querySelector(".search ol.hits li") !== null || state.startsWith("0 hits"))`,
        ),
      );
      console.log(`  ${(await app.execute(`return window.__text("#search-state")`)).trim().split("\n")[0]}`);
    }
  }
} finally {
  await app.close();
}
