// A guard for the rule that imported content is data: no component may render a string as
// HTML, so a source's markup can only ever appear as text. The one exception is the note
// preview, whose HTML the core renders and sanitises (render_note_html, an allow-list).

import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>("../**/*.svelte", { query: "?raw", import: "default", eager: true });

describe("components", () => {
  it("never use the raw-HTML tag or innerHTML", () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => {
      const text = file.endsWith("/views/Notes.svelte") ? sources[file].replace("{@html preview}", "") : sources[file];
      return /\{@html|innerHTML|outerHTML|insertAdjacentHTML/.test(text);
    });
    expect(offenders).toEqual([]);
  });
  it("show only the core's sanitised preview as HTML", () => {
    const notes = Object.keys(sources).find((file) => file.endsWith("/views/Notes.svelte"));
    expect(notes).toBeDefined();
    const source = sources[notes!];
    expect(source.match(/\{@html [^}]*\}/g)).toEqual(["{@html preview}"]);
    expect(source).toContain("preview = await ipc.renderNoteHtml(");
  });
  it("never bind a link's address to data, so a source's javascript: URL cannot go live", () => {
    // A source's URL is shown as text in the reader; links in the note preview are caught by
    // its click handler. Any future href or src bound to an expression must come through a
    // scheme check, and this test is where that decision is made.
    const bound = Object.entries(sources).filter(([, text]) => /\b(href|src|xlink:href|formaction|action)=\{/.test(text));
    expect(bound.map(([file]) => file)).toEqual([]);
  });
});
