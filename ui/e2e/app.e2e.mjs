// End-to-end test of the real app over WebDriver (tauri-driver + WebKitWebDriver), run by
// scripts/e2e.sh under Xvfb with a throwaway HOME. It creates a case, imports the seed article
// and two hostile sources through the same path a drop on the window takes, finds the seed in
// the library, reads it, searches for Kelihos and opens the hit, proves that markup in sources
// runs nothing, and restarts the app to find the case reopened.
//
// Usage: node e2e/app.e2e.mjs APP_BINARY WORK_DIR REPO_ROOT

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check, KEYS, sleep, startApp } from "./webdriver.mjs";

const [application, work, root] = process.argv.slice(2);
if (!application || !work || !root) {
  console.error("usage: node e2e/app.e2e.mjs APP_BINARY WORK_DIR REPO_ROOT");
  process.exit(2);
}

const casePath = join(work, "cases", "kelihos.dossier");
const seed = join(root, "assets", "demo", "seed-technewsworld-kelihos.txt");
const hostile = join(work, "hostile");
mkdirSync(join(work, "cases"), { recursive: true });
mkdirSync(hostile, { recursive: true });

// An HTML page whose script and handlers must never run, and a plain-text source whose markup
// must be shown literally, as the words a source wrote.
writeFileSync(
  join(hostile, "pwned-page.html"),
  `<!doctype html><html><head><title>Pwned page</title>
<script>window.__pwned = "script"; document.title = "pwned";</script></head>
<body><article><h1>Pwned page</h1>
<p>The zanzibarite payload sat in this page for anyone to run.</p>
<img src="x" onerror="window.__pwned = 'img'; document.title = 'pwned'">
<p onmouseover="window.__pwned = 'hover'">A second paragraph about zanzibarite, long enough to be kept as article text by the extractor.</p>
</article></body></html>`,
);
writeFileSync(
  join(hostile, "pwned-note.txt"),
  `Markup quoted in a note\n\nThe zanzibarite tip contained <script>window.__pwned = "text"; document.title = "pwned"</script> and <img src=x onerror="window.__pwned = 'textimg'"> verbatim.\n`,
);

// A file that cannot be imported, so the result must name it and say why.
writeFileSync(join(hostile, "empty.txt"), "");

const SCRIPT_NOT_RUN = `return window.__pwned === undefined && !document.title.includes("pwned");`;

async function scenarioFirstRun() {
  console.log("first run: picker, new case, import, library, reader, search");
  const app = await startApp({ application });
  try {
    await app.waitFor("h2#picker-title", { text: "Open a case" });
    check(true, "a fresh start shows the case picker");

    // The New button opens a native save dialog, which WebDriver cannot drive; the test calls
    // the command the dialog's answer is passed to, then reloads the window.
    const info = await app.invoke("create_case", { path: casePath });
    check(info.name === "kelihos" && info.document_count === 0, "create_case makes an empty case");
    await app.execute("location.reload()");
    await app.waitFor("[data-testid=case-name]", { text: "kelihos" });
    await app.waitFor(".library h2", { text: "no documents yet" });
    check(true, "the new case opens on an empty library");

    // A drop on the window reaches the UI as Tauri's drag-drop event; emitting that event runs
    // the window's own drop handler, which calls import_paths and shows the progress and result.
    await app.invoke("plugin:event|emit", {
      event: "tauri://drag-drop",
      payload: { paths: [seed, hostile], position: { x: 10, y: 10 } },
    });
    const result = await app.waitFor("[data-testid=import-result]", { text: "3 imported", timeout: 30000 });
    check((await app.text(result)).includes("1 failed"), "the dropped seed and hostile sources import");
    const failure = await app.text(await app.waitFor(".failures li"));
    check(failure.includes("empty.txt") && failure.includes("empty file"), `the failed file is named with why: ${failure}`);

    const row = await app.waitFor(".library [data-doc-id]", { text: "Spam Czar Nabbed" });
    check(true, "the seed is listed in the library");
    await app.waitFor("[data-testid=library-count]", { text: "3 documents" });
    check(await app.execute(SCRIPT_NOT_RUN), "importing hostile sources ran none of their scripts");

    await app.click(row);
    const title = await app.waitFor("[data-testid=reader-title]", { text: "Spam Czar Nabbed" });
    check(title !== undefined, "clicking the row opens the reader");
    const url = await app.text(await app.waitFor("[data-testid=reader-url]"));
    check(url === "http://www.technewsworld.com/story/84451.html", "the reader shows the URL as text");
    const text = await app.text(await app.waitFor("[data-testid=reader-text]"));
    check(text.includes("Kelihos botnet"), "the reader shows the text");
    const paragraphs = await app.execute(`return document.querySelectorAll("[data-testid=reader-text] p").length`);
    check(paragraphs > 5, `the text is split into paragraphs (${paragraphs})`);

    // Selecting words offers a citation whose offsets are characters into the text.
    const cite = await app.execute(`
      const p = document.querySelectorAll("[data-testid=reader-text] p")[1];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && node.textContent.length < 20) node = walker.nextNode();
      // Offsets inside the paragraph count from its start, so the text before this node counts.
      const before = document.createRange();
      before.setStart(p, 0);
      before.setEnd(node, 0);
      const lead = [...before.toString()].length;
      const range = document.createRange();
      range.setStart(node, 4);
      range.setEnd(node, 14);
      const sel = document.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return [Number(p.dataset.start) + lead, node.textContent.slice(4, 14)];`);
    const shown = await app.text(await app.waitFor("[data-testid=citation]"));
    check(shown === `[@d1:${cite[0] + 4}-${cite[0] + 14}]`, `selecting "${cite[1]}" offers ${shown}`);
    const seedDoc = await app.invoke("get_document", { id: 1 });
    const cited = Array.from(seedDoc.text).slice(cite[0] + 4, cite[0] + 14).join("");
    check(cited === cite[1], "the citation's offsets are characters into the document's text");

    await app.chord(KEYS.escape);
    await app.waitUntil(`return document.querySelector("[data-testid=reader-title]") === null`, "Esc to close the reader");
    check(true, "Esc goes back to the library");

    await app.chord(KEYS.control, "k");
    await app.waitUntil(
      `return document.activeElement === document.querySelector("[data-testid=search-input]")`,
      "Ctrl+K to focus the search box",
    );
    check(true, "Ctrl+K focuses the search box");
    const box = (await app.find("[data-testid=search-input]"))[0];
    await app.type(box, "Kelihos");
    await app.waitFor("#search-state", { text: /^1 hit/ });
    const snippetMarks = await app.execute(`return [...document.querySelectorAll(".hits mark")].map((m) => m.textContent)`);
    check(snippetMarks.includes("Kelihos"), "the hit's snippet highlights Kelihos");
    await app.chord(KEYS.enter);
    await app.waitFor("[data-testid=reader-title]", { text: "Spam Czar Nabbed" });
    await app.waitUntil(
      `const m = document.querySelector("[data-testid=reader-text] mark");
       if (!m) return false;
       const r = m.getBoundingClientRect();
       return m.textContent === "Kelihos" && r.top >= 0 && r.bottom <= window.innerHeight;`,
      "the match highlighted and scrolled into view",
    );
    check(true, "Enter opens the hit in the reader, scrolled to the highlighted match");

    // The hostile sources, searched and read, show their markup as text and run nothing.
    await app.chord(KEYS.escape);
    await app.chord(KEYS.control, "k");
    await app.clear(box);
    await app.type(box, "zanzibarite");
    await app.waitFor("#search-state", { text: /^2 hits/ });
    check(await app.execute(SCRIPT_NOT_RUN), "snippets of hostile sources run nothing");
    const hitsText = await app.execute(`return document.querySelector(".hits").textContent`);
    check(hitsText.includes("<script>"), "a snippet shows a source's <script> tag as literal text");
    const note = await app.waitFor(".hits .hit", { text: "Markup quoted in a note" });
    await app.click(note);
    const noteText = await app.text(await app.waitFor("[data-testid=reader-text]", { text: "zanzibarite" }));
    check(noteText.includes(`<script>window.__pwned = "text"`), "the reader shows a <script> tag as literal text");
    check(noteText.includes(`<img src=x onerror=`), "the reader shows an <img onerror> tag as literal text");
    const injected = await app.execute(`return document.querySelectorAll("main script, main img, main iframe").length`);
    check(injected === 0, "no element from a source exists in the page");
    await sleep(300);
    check(await app.execute(SCRIPT_NOT_RUN), "reading hostile sources ran none of their scripts");
  } finally {
    await app.close();
  }
}

async function scenarioRestart() {
  console.log("restart: the last case reopens");
  const app = await startApp({ application });
  try {
    await app.waitFor("[data-testid=case-name]", { text: "kelihos" });
    await app.waitFor("[data-testid=library-count]", { text: "3 documents" });
    check(true, "after a restart the last case is open again with its documents");
    const recent = await app.invoke("recent_cases");
    check(recent.length === 1 && recent[0].path === casePath, "the case is in the recent cases");
  } finally {
    await app.close();
  }
}

try {
  await scenarioFirstRun();
  await scenarioRestart();
  console.log("e2e: all checks passed");
} catch (err) {
  console.error(`e2e: ${err.stack ?? err}`);
  process.exit(1);
}
