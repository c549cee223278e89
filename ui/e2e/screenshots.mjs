// Takes the README's screenshots of the real app on the demo case, under the Xvfb display
// that scripts/screenshots.sh started: picker, library, reader and search.
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
  await app.click((await app.find(".bar .switch"))[0]);
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
  await sleep(400);
  shoot("search");

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
} finally {
  await app.close();
}
