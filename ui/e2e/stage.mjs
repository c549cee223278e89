// End-to-end scenario of the extraction stage in the real app (issue 23), run by app.e2e.mjs
// last (it leaves this case as the last one opened). The CLI imports a folder of articles with
// `--no-extract`, as a killed import or an older build leaves a case; opening that case in the
// app starts the stage in the background: the top bar and the quotes view say "extracting …
// of …" while the window stays usable, and the quotes appear until every article's is there.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check, sleep, startApp } from "./webdriver.mjs";

/** Articles with one quote each, enough that a debug build takes some seconds over them. */
const ARTICLES = 3000;

/** A paragraph of plain reporting, so each article gives the extractors some work. */
const FILLER = Array.from({ length: 6 }, (_, i) => `Investigators in Madrid and Washington traced the servers over ${i + 2} months before the arrest, according to court papers filed on Monday.`).join(" ");

/** The `dossier` CLI of this checkout, built when it is not there yet. */
function cli(root) {
  const binary = join(root, "target", "debug", "dossier");
  if (!existsSync(binary)) {
    execFileSync("cargo", ["build", "--quiet", "--bin", "dossier"], { cwd: root, stdio: "inherit" });
  }
  return binary;
}

export async function scenarioStagedExtraction({ application, work, root }) {
  console.log("extraction stage: a case imported with --no-extract extracts in the background when the app opens it");
  const sources = join(work, "staged-sources");
  mkdirSync(sources, { recursive: true });
  for (let i = 0; i < ARTICLES; i++) {
    writeFileSync(
      join(sources, `article${String(i).padStart(4, "0")}.txt`),
      `Botnet report ${i}\n\n"We took the botnet down on the ${i}th try," said Peter Levashov, a spokesman for the group. The operation ended on April ${(i % 28) + 1}, 2017.\n\n${FILLER}\n`,
    );
  }
  const staged = join(work, "cases", "staged.dossier");
  const dossier = cli(root);
  execFileSync(dossier, ["new", staged]);
  execFileSync(dossier, ["--case", staged, "import", "--quiet", "--no-extract", sources]);
  const status = JSON.parse(execFileSync(dossier, ["--case", staged, "--json", "status"]).toString());
  check(status.pending === ARTICLES, `the CLI left ${ARTICLES} documents pending (${JSON.stringify(status)})`);

  const app = await startApp({ application, args: [staged] });
  try {
    await app.waitFor("[data-testid=case-name]", { text: "staged" });
    const bar = await app.waitFor("[data-testid=extraction-bar]", { text: "extracting", timeout: 20000 });
    const said = await app.text(bar);
    const total = ARTICLES.toLocaleString("en-US");
    check(new RegExp(`extracting [\\d,]+ of ${total}`).test(said), `the top bar shows the stage (${said})`);
    // The window answers while the stage runs: the library lists every document.
    await app.waitFor("[data-testid=library-count]", { text: `${total} documents` });
    await app.click((await app.find("[data-testid=tab-quotes]"))[0]);
    const line = await app.text(await app.waitFor("[data-testid=extraction-quotes]", { text: "extracting" }));
    check(line.includes(`of ${total}`), `the quotes view shows the same status (${line})`);
    const early = await app.text(await app.waitFor("[data-testid=quotes-count]"));
    // The quotes fill in as batches commit, and the status goes once the stage is done.
    await app.waitFor("[data-testid=quotes-count]", { text: `${total} quotes`, timeout: 180000 });
    // After the last batch the stage still groups near-duplicates and rebuilds the index
    // (issue 21 put grouping in the stage), which in this debug build takes a while.
    await app.waitUntil(`return document.querySelector("[data-testid=extraction-bar]") === null`, "the status to go when the stage is done", 180000);
    check(true, `the quotes appear (${early} at first, then ${total}) and the status goes`);
    const after = JSON.parse(execFileSync(dossier, ["--case", staged, "--json", "status"]).toString());
    check(after.pending === 0 && after.extracted === ARTICLES, `every document is extracted once (${JSON.stringify(after)})`);
  } finally {
    await app.close();
  }
  await sleep(100);
}
