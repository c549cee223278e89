// End-to-end scenario of the network view (issue 22) on the demo case, run by app.e2e.mjs
// after the scenarios that reopen the Kelihos case (it opens a case of its own). The CLI
// builds the demo case, as `dossier demo` does for a person; the app opens it, People leads
// to the network, a focus on Leo Taddeo lists exactly his neighbours, the shortest path to
// Mikhail Prokhorov runs through The New York Times, and the evidence of his link to
// Cryptzone lists the article, whose first source opens in the reader at the words that link
// them. The names and counts are the demo sources' (assets/demo), which the core's network
// tests pin too.

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { cli } from "./stage.mjs";
import { check, KEYS, sleep, startApp } from "./webdriver.mjs";

/** Clicks, from inside the page, the first element matching `css` whose text is `text`. */
function clickByText(app, css, text) {
  return app.execute(
    `const [css, text] = arguments;
     const found = [...document.querySelectorAll(css)].find((e) => e.textContent.trim() === text);
     if (!found) return false;
     found.scrollIntoView({ block: "center" });
     found.click();
     return true;`,
    css,
    text,
  );
}

/** The trimmed texts of the elements matching `css`. */
function texts(app, css) {
  return app.execute(`return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim())`, css);
}

export async function scenarioNetwork({ application, work, root }) {
  console.log("network: the demo case's people and their links, a focus, a path, an edge's evidence");
  const demo = join(work, "cases", "demo-network.dossier");
  execFileSync(cli(root), ["demo", demo, "--sources", join(root, "assets", "demo")]);

  const app = await startApp({ application, args: [demo] });
  try {
    await app.waitFor("[data-testid=case-name]", { text: "demo-network" });
    await app.click((await app.find("[data-testid=tab-people]"))[0]);
    await app.jsClick(await app.waitFor("[data-testid=open-network]"));
    await app.waitFor("[data-testid=network-count]", { text: /\d+ people and organisations, \d+ links/ });
    const whole = await app.invoke("network", { filter: { entity_kind: null, link_kinds: [], tag: null, from: null, to: null, min_weight: null, max_nodes: null, focus: null, depth: null } });
    const counted = await app.text(await app.waitFor("[data-testid=network-count]"));
    check(counted.startsWith(`${whole.nodes.length} people and organisations, ${whole.edges.length} links`), `the network view shows the case's whole network (${counted.split("·")[0].trim()})`);
    check(whole.edges.length >= 20, `the demo case has links enough to explore (${whole.edges.length})`);

    // Focus: Leo Taddeo's neighbours are the ones the core gives at one link's distance.
    const taddeo = whole.nodes.find((n) => n.name === "Leo Taddeo");
    check(taddeo !== undefined, "Leo Taddeo is in the network");
    await app.waitFor("[data-testid=network-nodes] button", { text: "Leo Taddeo" });
    check(await clickByText(app, "[data-testid=network-nodes] button", `Leo Taddeo ${taddeo.weight}`), "Leo Taddeo is listed and chosen");
    await app.waitFor("[data-testid=network-detail] h3", { text: "Leo Taddeo" });
    await app.jsClick(await app.waitFor("[data-testid=network-focus]"));
    await app.waitFor("[data-testid=network-count]", { text: "around Leo Taddeo" });
    await app.waitFor("[data-testid=network-unfocus]");
    const near = await app.invoke("network", { filter: { entity_kind: null, link_kinds: [], tag: null, from: null, to: null, min_weight: null, max_nodes: null, focus: taddeo.id, depth: 1 } });
    const expected = near.nodes.filter((n) => n.id !== taddeo.id).map((n) => n.name).sort();
    await app.waitUntil(
      `return document.querySelectorAll("[data-testid=network-neighbours] li").length === ${expected.length}`,
      `the ${expected.length} neighbours of Leo Taddeo to be listed`,
    );
    const shown = (await texts(app, "[data-testid=network-neighbours] li button.link")).sort();
    check(JSON.stringify(shown) === JSON.stringify(expected), `focused on Leo Taddeo, the view lists his ${expected.length} neighbours (${shown.join(", ")})`);
    check(shown.includes("Cryptzone") && shown.includes("Brian Krebs"), "among them Cryptzone, where he works, and Brian Krebs, quoted beside him");

    // The shortest path to Mikhail Prokhorov, who is two links away.
    const chose = await app.execute(
      `const s = document.querySelector("[data-testid=network-path-to]");
       const o = [...s.options].find((o) => o.textContent.trim() === "Mikhail Prokhorov");
       if (!o) return false;
       s.value = o.value;
       s.dispatchEvent(new Event("change", { bubbles: true }));
       return true;`,
    );
    check(chose, "Mikhail Prokhorov can be picked as the path's end");
    await app.waitFor("[data-testid=network-path] li", { text: "Mikhail Prokhorov" });
    const steps = await texts(app, "[data-testid=network-path] li");
    check(
      steps.length === 3 && steps[0].startsWith("Leo Taddeo") && steps[1].startsWith("The New York Times") && steps[2] === "Mikhail Prokhorov",
      `the path runs Leo Taddeo → The New York Times → Mikhail Prokhorov (${steps.join(" | ")})`,
    );
    check(steps[0].includes("quoted together · 1×") && steps[1].includes("same sentence · 1×"), `each step names its kind of link and weight (${steps[0]}; ${steps[1]})`);

    // An edge's evidence: the link to Cryptzone is seen twice (a sentence and a role) in the
    // article, and its first source opens in the reader at the words that link them.
    const opened = await app.execute(
      `const li = [...document.querySelectorAll("[data-testid=network-neighbours] li")].find((l) => l.querySelector("button.link")?.textContent.trim() === "Cryptzone");
       if (!li) return false;
       li.querySelector(".evidence-button").click();
       return true;`,
    );
    check(opened, "the link to Cryptzone has an evidence button");
    await app.waitFor("[data-testid=network-evidence] li", { text: "Spam Czar Nabbed" });
    const edge = whole.edges.find((e) => [e.source, e.target].includes(taddeo.id) && [e.source, e.target].includes(whole.nodes.find((n) => n.name === "Cryptzone").id));
    const sources = await texts(app, "[data-testid=network-evidence] li");
    check(sources.length === edge.weight && sources.every((s) => s.includes("Spam Czar Nabbed in Spain")), `the evidence lists the ${edge.weight} sources of the link, each the article (${sources.join(" | ")})`);
    await app.jsClick(await app.waitFor("[data-testid=network-evidence] li button", { text: "Spam Czar Nabbed" }));
    await app.waitFor("[data-testid=reader-text] .target");
    const words = await app.execute(`return [...document.querySelectorAll("[data-testid=reader-text] .target")].map((e) => e.textContent).join("")`);
    check(words.includes("Leo Taddeo") && words.includes("Cryptzone"), `the source opens in the reader at the words that link them ("${words}")`);
    await app.chord(KEYS.escape);
  } finally {
    await app.close();
  }
  await sleep(100);
}
