// Measures the people and quotes views on a big case in the real window (WebKitGTK under Xvfb,
// over tauri-driver): opening the tab until its first rows are drawn, finding by name, and
// jumping to the end of the list with the End key. Run by scripts/bench-views.sh; prints
// figures for docs/benchmarks.md.
//
// Each step is timed inside the page, from the action to the first animation frame in which
// the DOM shows its result, so WebDriver's round trips are not counted.
//
// Usage: node e2e/bench-lists.mjs APP_BINARY CASE_FILE [RUNS=3]

import { startApp } from "./webdriver.mjs";

const [application, casePath, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);

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
  window.__text = (css) => document.querySelector(css)?.textContent ?? "";`;

const app = await startApp({ application, args: [casePath] });
// The steps are spliced into the script's source: the app's content security policy forbids
// turning strings into functions inside the page (no eval), as it should.
const timed = async (act, done) =>
  app.executeAsync(
    `const finish = arguments[arguments.length - 1];
     window.__step(() => { ${act} }, () => { ${done} }).then((ms) => finish({ ms }), (e) => finish({ error: String(e) }));`,
  );
const show = (label, result) => {
  if (result.error) throw new Error(`${label}: ${result.error}`);
  console.log(`${label}: ${result.ms.toFixed(0)} ms`);
  return result.ms;
};

try {
  await app.request("POST", "/timeouts", { script: 120000 });
  await app.waitFor("[data-testid=case-name]", { timeout: 60000 });
  await app.execute(STEP);

  show(
    "people tab: click to first rows",
    await timed(
      `document.querySelector("[data-testid=tab-people]").click()`,
      `return /^[\\d,]+ of [\\d,]+$/.test(window.__text("[data-testid=people-count]").trim()) && document.querySelector("[data-testid=entity-row]") !== null`,
    ),
  );
  console.log(`people listed: ${await app.execute(`return window.__text("[data-testid=people-count]")`)}`);
  for (let run = 0; run < runs; run++) {
    for (const name of ["treasury", "blair", "kremlin"]) {
      show(
        `people: find "${name}" (includes the 150 ms typing pause)`,
        await timed(
          `window.__type(document.querySelector("input[aria-label='Find by name or alias']"), ${JSON.stringify(name)})`,
          `return !window.__text("[data-testid=people-count]").startsWith(window.__lastPeople) && document.querySelector("[data-testid=entity-row]") !== null`.replace(
            "window.__lastPeople",
            JSON.stringify(await app.execute(`return window.__text("[data-testid=people-count]").split(" ")[0] + " "`)),
          ),
        ),
      );
    }
    const before = await app.execute(`return window.__text("[data-testid=people-count]").split(" ")[0] + " "`);
    show(
      "people: clear the search, the whole list again",
      await timed(
        `window.__type(document.querySelector("input[aria-label='Find by name or alias']"), "")`,
        `return !window.__text("[data-testid=people-count]").startsWith(${JSON.stringify(before)})`,
      ),
    );
    show(
      "people: End, to the last entity's detail",
      await timed(
        `const grid = document.querySelector("[aria-label='People and organisations'][role=grid]");
         grid.focus();
         grid.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));`,
        `const rows = document.querySelectorAll("[data-testid=entity-row]");
         const last = rows[rows.length - 1];
         return last?.getAttribute("aria-selected") === "true" && window.__text("[data-testid=entity-name]") === last.querySelector(".name").childNodes[0].textContent;`,
      ),
    );
    await app.execute(`document.querySelector("[aria-label='People and organisations'][role=grid]").dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }))`);
  }

  show(
    "quotes tab: click to first rows",
    await timed(
      `document.querySelector("[data-testid=tab-quotes]").click()`,
      `return /[1-9]/.test(window.__text("[data-testid=quotes-count]")) && document.querySelector("[data-testid=quote-row][data-quote-id]") !== null && document.querySelector("[data-testid=speaker]") !== null`,
    ),
  );
  console.log(`quotes listed: ${await app.execute(`return window.__text("[data-testid=quotes-count]")`)}`);
  for (let run = 0; run < runs; run++) {
    show(
      "quotes: End, to the last quote drawn",
      await timed(
        `const grid = document.querySelector("[aria-label='Quotes'][role=grid]");
         grid.focus();
         grid.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));`,
        `const rows = document.querySelectorAll("[data-testid=quote-row]");
         const last = rows[rows.length - 1];
         return last?.getAttribute("aria-selected") === "true" && last.hasAttribute("data-quote-id");`,
      ),
    );
    show(
      "quotes: Home, back to the first",
      await timed(
        `document.querySelector("[aria-label='Quotes'][role=grid]").dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }))`,
        `const first = document.querySelector("[data-testid=quote-row]");
         return first?.getAttribute("aria-selected") === "true" && first.hasAttribute("data-quote-id");`,
      ),
    );
    show(
      "quotes: find a speaker (includes the 150 ms typing pause)",
      await timed(
        `window.__type(document.querySelector("input[aria-label='Find a speaker']"), ${JSON.stringify(run % 2 ? "" : "blair")})`,
        run % 2
          ? `return document.querySelectorAll("[data-testid=speaker]").length > 50`
          : `const names = [...document.querySelectorAll("[data-testid=speaker] .name")].map((n) => n.textContent.toLowerCase());
             return names.length > 0 && names.length < 50 && names.some((n) => n.includes("blair"));`,
      ),
    );
  }
} finally {
  await app.close();
}
