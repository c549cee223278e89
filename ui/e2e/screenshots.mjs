// Takes the README's screenshots of the real app on the demo case, under the Xvfb display
// that scripts/screenshots.sh started: picker, library, reader and search; quotes (and the
// reader showing a quote in its speaker's colour), people, the timeline, notes and export.
//
// Usage: node e2e/screenshots.mjs APP_BINARY OUT_DIR

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { KEYS, sleep, startApp } from "./webdriver.mjs";

const [application, out] = process.argv.slice(2);

function shoot(name) {
  execFileSync("import", ["-window", "root", join(out, `${name}.png`)]);
  console.log(`  wrote ${join(out, `${name}.png`)}`);
}

const app = await startApp({ application });
try {
  // Open the demo case once so the picker has a recent case to show, then come back to it.
  await app.waitFor("[data-testid=open-demo]");
  await app.click((await app.find("[data-testid=open-demo]"))[0]);
  await app.waitFor("[data-testid=library-count]");
  await app.click(await app.waitFor(".bar .switch", { text: "Cases" }));
  await app.waitFor(".recent .name", { text: "demo" });
  await sleep(300);
  shoot("picker");

  await app.click((await app.find(".recent button.case"))[0]);
  await app.waitFor("[data-testid=library-count]");
  await sleep(300);
  shoot("library");

  await app.chord(KEYS.control, "k");
  const box = (await app.find("[data-testid=search-input]"))[0];
  await app.type(box, "botnet");
  await app.waitFor("#search-state", { text: /hits? ·/ });
  // A year clicked in the facets shows as a removable chip above the hits.
  await app.click(await app.waitFor(".facets button", { text: /\b(19|20)\d\d\b/ }));
  await app.waitFor(".chips .chip", { text: "Year:" });
  await app.waitFor("#search-state", { text: /hits? ·/ });
  await sleep(400);
  shoot("search");
  // Back to the whole query, so Enter below opens the best hit for "botnet".
  await app.click(await app.waitFor(".chips .chip", { text: "Year:" }));
  await app.waitFor("#search-state", { text: /hits? ·/ });
  await sleep(300);

  // The chip's click took the focus; Ctrl+K brings it back to the box, where Enter opens the hit.
  await app.chord(KEYS.control, "k");
  await app.chord(KEYS.enter);
  await app.waitFor("[data-testid=reader-text] mark");
  // Select a sentence so the citation bar shows.
  await app.execute(`
    const mark = document.querySelector("[data-testid=reader-text] mark");
    const p = mark.closest("p");
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection().removeAllRanges();
    document.getSelection().addRange(range);`);
  await app.waitFor("[data-testid=citation]");
  await sleep(400);
  shoot("reader");
  await app.execute("document.getSelection().removeAllRanges()");

  await app.click((await app.find("[data-testid=tab-quotes]"))[0]);
  await app.waitFor("[data-testid=quote-row] .speaker", { text: "Blanco" });
  await sleep(400);
  shoot("quotes");

  const blanco = await app.waitFor("[data-testid=quote-row]", { text: "Blanco" });
  await app.click(blanco);
  await app.chord(KEYS.enter);
  await app.waitFor("[data-testid=reader-text] .quote.target");
  await sleep(400);
  shoot("reader-quotes");
  await app.chord(KEYS.escape);

  await app.click((await app.find("[data-testid=tab-people]"))[0]);
  await app.click(await app.waitFor("[data-testid=entity-row]", { text: "Kremez" }));
  await app.waitFor("[data-testid=entity-name]", { text: "Kremez" });
  await sleep(400);
  shoot("people");

  await app.click((await app.find("[data-testid=tab-timeline]"))[0]);
  const goTo = await app.waitFor("[data-testid=go-to-date]");
  await app.click(goTo);
  await app.type(goTo, "2017-04");
  await app.chord(KEYS.enter);
  await app.jsClick(await app.waitFor("[data-testid=in-view-event]", { text: /arrest(ed in Spain)? last week/ }));
  await app.waitFor("[data-testid=event-value]", { text: "W14" });
  // The arrest gets a tag, so the shot shows the tag editor and the tag filter in use.
  const tagBox = await app.waitFor("[data-testid=tag-input]");
  await app.click(tagBox);
  await app.type(tagBox, "arrest");
  await app.chord(KEYS.enter);
  await app.waitFor("[data-testid=event-tag]", { text: "arrest" });
  await app.jsClick(await app.waitFor("[data-testid=event-detail] button", { text: "Zoom to it" }));
  await sleep(600);
  shoot("timeline");

  // A note citing a quote through autocomplete, with a deliberate misquote flagged.
  await app.click((await app.find("[data-testid=tab-notes]"))[0]);
  await app.click(await app.waitFor("[data-testid=new-note]"));
  await app.type((await app.find("input[aria-label='Note title']"))[0], "Kelihos takedown");
  const editor = await app.waitFor("[data-testid=note-editor] .cm-content");
  await app.click(editor);
  // A newline typed into CodeMirror over WebDriver is not Enter, so lines are ended with it.
  await app.type(editor, "## What the DoJ said");
  await app.chord(KEYS.enter);
  await app.chord(KEYS.enter);
  // Options are picked with the mouse, as in the e2e test: in our runs, Enter sent over
  // WebDriver right after the list appeared went into the text as a new line instead.
  await app.type(editor, "Blanco credited the partners [@disrupting");
  await app.click(await app.waitFor(".cm-tooltip-autocomplete li", { text: "Our success in disrupting" }));
  await app.waitUntil(String.raw`return /\[@q\d+\]/.test(document.querySelector("[data-testid=note-editor] .cm-content").textContent)`, "the citation to be inserted");
  await app.type(editor, '. He called it "a total victory over the botnet" [@disrupting');
  await app.click(await app.waitFor(".cm-tooltip-autocomplete li", { text: "Our success" }));
  await app.waitUntil(String.raw`return (document.querySelector("[data-testid=note-editor] .cm-content").textContent.match(/\[@q\d+\]/g) ?? []).length === 2`, "the second citation to be inserted");
  await app.type(editor, ".");
  await app.waitFor("[data-testid=note-problems] li.misquote");
  await app.click(await app.waitFor("[data-testid=save-note]"));
  await app.waitFor("[data-testid=notes-status]", { text: "Saved" });
  await sleep(600);
  shoot("notes");

  await app.click((await app.find("[data-testid=tab-export]"))[0]);
  await app.click(await app.waitFor("[data-testid=brief-note]"));
  await app.click(await app.waitFor("[data-testid=preview-brief]"));
  await app.waitFor("[data-testid=brief-preview]");
  await sleep(400);
  shoot("export");

  // The reader's find bar on the seed article (Ctrl+F, then Enter to the second match).
  await app.click((await app.find(".tabs button"))[0]);
  await app.jsClick(await app.waitFor(".library [data-doc-id]", { text: "Spam Czar" }));
  await app.waitFor("[data-testid=reader-text]");
  await app.chord(KEYS.control, "f");
  const find = await app.waitFor("[data-testid=find-input]");
  await app.type(find, "botnet");
  await app.waitFor("[data-testid=find-count]", { text: "1 of" });
  await app.chord(KEYS.enter);
  await app.waitFor("[data-testid=find-count]", { text: "2 of" });
  await sleep(400);
  shoot("reader-find");
  await app.chord(KEYS.escape);
  await app.chord(KEYS.escape);

  // The superseding indictment (a PDF): page count, parsed caption, counts and statutes, and
  // the page breaks in its text.
  await app.jsClick(await app.waitFor(".library [data-doc-id]", { text: "Superseding" }).catch(() => app.waitFor(".library [data-doc-id]", { text: "Marlow" })));
  await app.waitFor("[data-testid=legal-structure]");
  await sleep(400);
  shoot("reader-indictment");
  await app.execute(`document.querySelector("[data-testid=reader-text] .page-break[data-page]:not(:first-child)")?.scrollIntoView({ block: "center" })`);
  await sleep(400);
  shoot("reader-pages");
  await app.chord(KEYS.escape);

  // A 700-pixel-wide window: one line of tabs, the whole document count; and the shortcuts.
  await app.request("POST", "/window/rect", { x: 0, y: 0, width: 700, height: 720 });
  await sleep(800);
  shoot("narrow");
  await app.execute(`document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "?", bubbles: true }))`);
  await app.waitFor("[data-testid=shortcuts]");
  await sleep(400);
  shoot("shortcuts");
} finally {
  await app.close();
}
