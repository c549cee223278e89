// View tests of the extraction stage in the window (issue 23): its status in the top bar and in
// the quotes, people and timeline views, the views reading their data again as it goes without
// losing their place, and an error shown with its code. The harness's `?stage=running` opens a
// case with the stage a quarter through; `window.__stage` sends the core's next progress event.
// Kept apart from run.mjs, which calls them with its own `test`, `open` and `expect`.

export async function stageTests({ test, open, expect }) {
  await test("the extraction stage shows in the top bar and in the quotes, people and timeline views, which fill as it goes", async (page) => {
    await open(page, "docs=20&quotes=400&people=30&events=50&stage=running");
    const bar = page.getByTestId("extraction-bar");
    await bar.getByText("extracting 5 of 20").waitFor();
    // The library is usable meanwhile: the stage never blocks the window.
    await page.locator("[data-testid=library-count]").getByText("20 documents").waitFor();

    await page.getByRole("button", { name: "Quotes" }).click();
    await page.getByTestId("extraction-quotes").getByText("extracting 5 of 20").waitFor();
    const count = page.locator("[data-testid=quotes-count]");
    await count.getByText("100 quotes").waitFor();
    // The person scrolls down and picks a quote; the stage moves on.
    const viewport = page.locator(".quotes .viewport");
    await viewport.evaluate((el) => (el.scrollTop = 1200));
    await page.locator("[data-quote-id='22']").click();
    const scrolled = await viewport.evaluate((el) => el.scrollTop);
    await page.evaluate(() => window.__stage({ extracted: 10, rate: 2.5, eta_seconds: 4 }));
    await bar.getByText("extracting 10 of 20 · 3 a second · about 4 s left").waitFor();
    await page.getByTestId("extraction-quotes").getByText("extracting 10 of 20").waitFor();
    await count.getByText("200 quotes").waitFor();
    expect((await viewport.evaluate((el) => el.scrollTop)) === scrolled, "the list keeps its scroll");
    expect((await page.locator("[data-quote-id='22']").getAttribute("aria-selected")) === "true", "and the selected quote");

    await page.getByRole("button", { name: "People" }).click();
    await page.getByTestId("extraction-people").getByText("extracting 10 of 20").waitFor();
    await page.getByRole("button", { name: "Timeline" }).click();
    await page.getByTestId("extraction-timeline").getByText("extracting 10 of 20").waitFor();
    await page.waitForFunction(() => window.__dossierTimeline?.stats.firstPaintMs > 0);
    await page.evaluate(() => window.__dossierTimeline.setView(Date.UTC(2000, 0, 1) / 1000, Date.UTC(2001, 0, 1) / 1000));
    const reads = () => page.evaluate(() => window.__calls.filter((c) => c.cmd === "timeline_points" || c.cmd === "entity_page").map((c) => c.cmd));
    const before = await reads();

    // The stage ends: every view reads its data once more at once, and the status goes away.
    await page.evaluate(() => window.__stage({ extracted: 20, running: false, rate: null, eta_seconds: null }));
    await bar.waitFor({ state: "detached" });
    expect((await page.getByTestId("extraction-timeline").count()) === 0, "the timeline's status line goes too");
    await page.waitForFunction((n) => window.__calls.filter((c) => c.cmd === "timeline_points").length > n, before.filter((c) => c === "timeline_points").length);
    await page.waitForFunction((n) => window.__calls.filter((c) => c.cmd === "entity_page").length > n, before.filter((c) => c === "entity_page").length);
    const view = await page.evaluate(() => window.__dossierTimeline.getView());
    expect(view.t0 === Date.UTC(2000, 0, 1) / 1000 && view.t1 === Date.UTC(2001, 0, 1) / 1000, `the timeline keeps its zoom: ${JSON.stringify(view)}`);
    await page.getByRole("button", { name: "Quotes" }).click();
    await count.getByText("400 quotes").waitFor();
  });

  await test("an extraction stage that stops on an error says so with its code", async (page) => {
    await open(page, "docs=8&stage=running");
    await page.getByTestId("extraction-bar").getByText("extracting 2 of 8").waitFor();
    await page.getByRole("button", { name: "Quotes" }).click();
    await page.evaluate(() => window.__stage({ extracted: 4, running: false, error: { code: "io", message: "disk full writing the case" } }));
    const shown = page.getByTestId("extraction-bar");
    await shown.getByText("Extraction stopped (io) at 4 of 8: disk full writing the case").waitFor();
    expect((await shown.getAttribute("role")) === "alert", "the error is announced");
    await page.getByTestId("extraction-quotes").getByText("Extraction stopped (io)").waitFor();
  });

  await test("a case with nothing to extract shows no extraction status", async (page) => {
    await open(page, "docs=5");
    await page.locator("[data-testid=library-count]").getByText("5 documents").waitFor();
    await page.getByRole("button", { name: "Quotes" }).click();
    await page.locator("[data-testid=quotes-count]").getByText("12 quotes").waitFor();
    expect((await page.locator("[data-testid^=extraction-]").count()) === 0, "nothing about extraction");
  });
}
