// A guard for the rule that imported content is data: no component may render a string as
// HTML, so a source's markup can only ever appear as text.

import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>("../**/*.svelte", { query: "?raw", import: "default", eager: true });

describe("components", () => {
  it("never use the raw-HTML tag or innerHTML", () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => /\{@html|innerHTML|outerHTML|insertAdjacentHTML/.test(sources[file]));
    expect(offenders).toEqual([]);
  });
});
