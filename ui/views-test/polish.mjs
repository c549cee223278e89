// View tests of the reader's find bar, page breaks and court-filing summary, the `?` shortcuts
// list, the citation suggestions' popup and a 700-pixel-wide window. Kept apart from run.mjs,
// which calls them with its own `test`, `open` and `expect`.

export async function polishTests({ test, open, expect }) {
  await test("reader: Ctrl+F finds in the document with a count, next and previous; Esc closes the bar only", async (page) => {
    await open(page, "docs=5");
    await page.locator(".library [data-doc-id='1']").click();
    await page.locator("[data-testid=reader-text]").waitFor();
    await page.keyboard.press("Control+f");
    const input = page.getByTestId("find-input");
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement), "the find box takes the focus");
    await input.fill("KELIHOS");
    const count = page.getByTestId("find-count");
    await count.getByText("1 of 2").waitFor();
    const found = await page.locator("[data-testid=reader-text] mark.found").allTextContents();
    expect(found.join("|") === "Kelihos|Kelihos", `matches are marked whatever their case (${found})`);
    await input.press("Enter");
    await count.getByText("2 of 2").waitFor();
    const current = await page.locator("mark.found.current").evaluate((el) => el.closest("p").dataset.start);
    expect(current !== "0" && Number(current) > 20, `the second match is current (paragraph ${current})`);
    await input.press("Shift+Enter");
    await count.getByText("1 of 2").waitFor();
    await page.getByRole("button", { name: "Previous match" }).click();
    await count.getByText("2 of 2").waitFor();
    // After the emoji (one character, two UTF-16 units) the mark still covers the word exactly.
    await input.fill("officials");
    await count.getByText("1 of 1").waitFor();
    expect((await page.locator("mark.found").textContent()) === "officials", "the match after an emoji is exact");
    await input.fill("nowhere");
    await count.getByText("No matches").waitFor();
    await input.press("Escape");
    await page.getByRole("search", { name: "Find in document" }).waitFor({ state: "detached" });
    expect(await page.getByTestId("reader-title").isVisible(), "Esc closed the find bar, not the reader");
    expect((await page.locator("mark.found").count()) === 0, "the marks go with the bar");
  });

  await test("reader: an indictment shows its pages, page breaks, caption, counts and statutes", async (page) => {
    await open(page, "docs=5");
    await page.locator(".library [data-doc-id='3']").click();
    const legal = page.getByTestId("legal-structure");
    await legal.waitFor();
    const caption = await page.getByTestId("legal-caption").textContent();
    expect(caption.includes("United States of America") && caption.includes("PETER YURYEVICH LEVASHOV") && caption.includes("a/k/a Peter Severa"), `caption: ${caption}`);
    const counts = await page.getByTestId("legal-counts").textContent();
    expect(counts.includes("Wire Fraud") && counts.includes("18 U.S.C. § 1343") && counts.includes("18 U.S.C. § 1030(a)(5)(A)") && counts.includes("p. 3"), `counts: ${counts}`);
    expect((await legal.textContent()).includes("3:17-cr-00083"), "the docket number is shown");
    expect((await page.getByTestId("reader-pages").textContent()) === "3 pages", "the page count is in the metadata");
    const breaks = await page.locator("[data-testid=reader-text] .page-break").evaluateAll((els) =>
      els.map((el) => `${el.dataset.page}:${el.nextElementSibling?.textContent.slice(0, 9)}`),
    );
    expect(breaks.join("|") === "1:UNITED ST|2:COUNT ONE|3:COUNT TWO", `page breaks before the page's first paragraph: ${breaks}`);
    // Selecting text on page 3 names the page beside the citation.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll("[data-testid=reader-text] p")].find((el) => el.textContent.startsWith("He sent"));
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
    });
    await page.getByTestId("citation-page").getByText("p. 3").waitFor();
    await page.getByRole("button", { name: "Count 2" }).click();
  });

  await test("? shows the keyboard shortcuts and the About line, Esc closes them, and ? typed in a box is text", async (page) => {
    await open(page, "docs=5");
    await page.locator("[data-testid=library-count]").waitFor();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    const text = await dialog.textContent();
    for (const what of ["Search the case", "Find in the document", "Confirm the quote", "Save the note"]) {
      expect(text.includes(what), `the list names “${what}”`);
    }
    // Its foot is the About box, with the version and commit the app reports.
    await dialog.getByTestId("about").getByText("0123456789ab").waitFor();
    const aboutLine = await dialog.getByTestId("about").textContent();
    expect(/About Dossier\s+version 0\.1\.0, commit 0123456789ab/.test(aboutLine), `the About line: ${aboutLine}`);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.locator("[data-testid=library-count]").isVisible(), "Esc closed only the list");
    await page.keyboard.press("Control+k");
    const box = page.getByRole("searchbox").first();
    await page.keyboard.type("why?");
    expect((await page.getByRole("dialog", { name: "Keyboard shortcuts" }).count()) === 0, "typing ? in the search box does not open the list");
    expect((await box.inputValue()).endsWith("why?"), "the ? went into the box");
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await dialog.waitFor();
  });

  await test("notes: a two-word [@ query keeps its suggestions, drawn outside the editor pane", async (page) => {
    await open(page, "docs=5");
    await page.getByRole("button", { name: "Notes" }).click();
    await page.getByTestId("new-note").click();
    await page.locator("[data-testid=note-editor] .cm-content").click();
    await page.keyboard.type("As reported [@kelihos botnet");
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "The Kelihos botnet was taken down" });
    await option.waitFor();
    const placed = await page.locator(".cm-tooltip-autocomplete").evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        inEditor: el.closest("[data-testid=note-editor]") !== null,
        inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      };
    });
    expect(!placed.inEditor, "the suggestions are not inside the editor pane, which clips");
    expect(placed.inside, "the suggestions lie wholly in the window");
    await option.click();
    await page.waitForFunction(() => document.querySelector("[data-testid=note-editor] .cm-content").textContent.includes("As reported [@q1]"));
  });

  await test("a 700-pixel window: one line of tabs, the whole document count, every control reachable", async (page) => {
    await page.setViewportSize({ width: 700, height: 700 });
    await open(page, "docs=1011");
    await page.locator("[data-testid=library-count]").waitFor();
    const bar = await page.evaluate(() => {
      const tabs = [...document.querySelectorAll(".tabs button")].map((b) => b.getBoundingClientRect().top);
      const count = document.querySelector(".case-path .muted-bar");
      const hidden = [...document.querySelectorAll("header.bar button")]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return r.right > innerWidth || r.left < 0 || !(hit && b.contains(hit));
        })
        .map((b) => b.textContent.trim());
      const path = document.querySelector(".case-path");
      const clipped = count.scrollWidth > count.clientWidth || path.scrollWidth > path.clientWidth + 0.5;
      return { tops: new Set(tabs).size, count: count.textContent, clipped, hidden };
    });
    expect(bar.tops === 1, "the tabs stay on one line");
    expect(bar.count === "1,011 documents" && !bar.clipped, `the count is whole (${bar.count})`);
    expect(bar.hidden.length === 0, `every button of the bar is on screen: ${bar.hidden}`);
    // Each view's controls fit the narrow window too.
    for (const tab of ["Search", "Quotes", "People", "Timeline", "Notes", "Export"]) {
      await page.locator("header .tabs button", { hasText: tab }).first().click();
      await page.waitForTimeout(300);
      const off = await page.evaluate(() =>
        [...document.querySelectorAll("main .pane:not([hidden]) :is(button, input, select)")]
          .filter((el) => el.offsetParent !== null && el.closest(".viewport") === null)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5);
          })
          .map((el) => el.getAttribute("aria-label") ?? el.textContent.trim() ?? el.tagName),
      );
      expect(off.length === 0, `${tab}: controls past the window's edge: ${off.join(", ")}`);
    }
  });

  await test("dialogs start in the home folder, then in the folder last used", async (page) => {
    await open(page, "docs=5");
    await page.getByRole("button", { name: "Import files…" }).click();
    await page.waitForFunction(() => window.__calls.some((c) => c.cmd === "remember_folder"));
    const first = await page.evaluate(() => window.__calls.find((c) => c.cmd === "plugin:dialog|open").args.options);
    expect(first.defaultPath === "/home/reporter", `the first dialog starts at home: ${JSON.stringify(first)}`);
    // No file-type filter: .mbox, .eml and an extensionless mbox must all be selectable.
    expect(first.filters === undefined || first.filters.length === 0, `the import dialog filters files: ${JSON.stringify(first)}`);
    const remembered = await page.evaluate(() => window.__calls.find((c) => c.cmd === "remember_folder")?.args.path);
    expect(remembered === "/sources/a.txt", `the picked path is remembered: ${remembered}`);
    // The import finishes (the mock's takes a moment) before the export is asked for.
    await page.getByRole("progressbar", { name: "Import progress" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Export" }).click();
    await page.getByRole("button", { name: "Quotes as CSV…" }).click();
    await page.getByTestId("export-status").getByText(/Wrote/).waitFor();
    const save = await page.evaluate(() => window.__calls.filter((c) => c.cmd === "plugin:dialog|save").pop().args.options);
    expect(save.defaultPath === "/sources/quotes.csv", `the next dialog starts where the last one ended: ${JSON.stringify(save)}`);
  });
}
