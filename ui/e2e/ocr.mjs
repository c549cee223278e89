// End-to-end scenario of OCR in the real app (issue 19): a scanned page (scan.mjs: known text,
// one word smudged) is dropped on the window of a new case; the background stage reads it with
// Tesseract; the reader then shows the recognised text, the uncertain word marked, and the
// page's picture beside it, rendered by the core from the stored original.

import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { makeScan } from "./scan.mjs";
import { cli } from "./stage.mjs";
import { check, sleep, startApp } from "./webdriver.mjs";

const LINES = [
  "MEMORANDUM FOR THE FILE",
  "",
  "The courier met Marlow at the harbour on May 2, 2017.",
  "Smudged words were found on the second page of the ledger.",
];

export async function scenarioOcr({ application, work, root }) {
  console.log("OCR: a dropped scan is read in the background; the reader marks an unsure word and shows the page");
  const sources = join(work, "scans");
  mkdirSync(sources, { recursive: true });
  // The third line of ink is the fourth of text (the second is blank): "Smudged" is smudged.
  const scan = makeScan(sources, "ledger-memo", LINES, 2);
  const casePath = join(work, "cases", "scans.dossier");
  execFileSync(cli(root), ["new", casePath]);

  const app = await startApp({ application, args: [casePath] });
  try {
    await app.waitFor("[data-testid=case-name]", { text: "scans" });
    await app.invoke("plugin:event|emit", {
      event: "tauri://drag-drop",
      payload: { paths: [scan], position: { x: 10, y: 10 } },
    });
    await app.waitFor("[data-testid=import-result]", { text: "1 imported", timeout: 30000 });
    // Tesseract on a loaded machine takes seconds to a minute for the page.
    const started = Date.now();
    while ((await app.invoke("get_document", { id: 1 })).text_status !== "text" && Date.now() - started < 240000) {
      await sleep(500);
    }
    const doc = await app.invoke("get_document", { id: 1 });
    check(doc.text_status === "text" && doc.text.includes("harbour"), `the scan's text is read (${doc.text_status}: ${doc.text.slice(0, 80)})`);
    check(doc.ocr !== null && doc.ocr.low_confidence.length > 0, `the smudged word is low-confidence (${JSON.stringify(doc.ocr)})`);

    await app.jsClick(await app.waitFor(".library [data-doc-id]", { text: "ledger-memo" }));
    await app.waitFor("[data-testid=reader-ocr]", { text: "Text read by OCR" });
    const text = await app.text(await app.waitFor("[data-testid=reader-text]", { text: "harbour" }));
    check(text.includes("Marlow"), "the reader shows the recognised text");
    const unsure = await app.execute(`return [...document.querySelectorAll("[data-testid=reader-text] .low-conf")].map((e) => e.textContent)`);
    const [start, end] = doc.ocr.low_confidence[0];
    const expected = Array.from(doc.text).slice(start, end).join("");
    check(unsure.includes(expected), `the uncertain word "${expected}" is marked in the reader (${JSON.stringify(unsure)})`);

    await app.jsClick(await app.waitFor("[data-testid=page-image-toggle]"));
    const image = await app.waitFor("[data-testid=page-image]", { timeout: 60000 });
    await app.waitUntil(
      `const img = document.querySelector("[data-testid=page-image]");
       return img.complete && img.naturalWidth > 1000 && img.src.startsWith("data:image/");`,
      "the page picture to load",
      30000,
    );
    check(image !== undefined, "the page's picture is shown beside the text, from the stored original");
  } finally {
    await app.close();
  }
  await sleep(100);
}
