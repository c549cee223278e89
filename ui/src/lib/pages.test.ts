import { describe, expect, it } from "vitest";
import { pageAt, pageBreaks, pagesLabel } from "./pages";

const page = (number: number, start: number, end: number) => ({ number, physical: number, start, end });

describe("pages in the reader", () => {
  const paras = [
    { text: "first", start: 0 },
    { text: "second", start: 7 },
    { text: "third", start: 15 },
  ];
  it("draws each page break before the paragraph the page starts in", () => {
    // Page 2 starts inside "second", page 3 in the blank line before "third".
    const pages = [page(1, 0, 9), page(2, 9, 14), page(3, 14, 20)];
    const breaks = pageBreaks(paras, pages);
    expect(breaks.get(0)?.map((p) => p.number)).toEqual([1]);
    expect(breaks.get(7)?.map((p) => p.number)).toEqual([2]);
    expect(breaks.get(15)?.map((p) => p.number)).toEqual([3]);
  });
  it("finds the page of an offset", () => {
    const pages = [page(5, 0, 9), page(6, 9, 20)];
    expect(pageAt(pages, 0)?.number).toBe(5);
    expect(pageAt(pages, 9)?.number).toBe(6);
    expect(pageAt(pages, 20)?.number).toBe(6);
    expect(pageAt([], 3)).toBeNull();
  });
  it("labels the page count with printed numbers when they differ", () => {
    expect(pagesLabel([page(1, 0, 1), page(2, 1, 2)])).toBe("2 pages");
    expect(pagesLabel([page(3, 0, 1), page(4, 1, 2)])).toBe("2 pages (printed 3–4)");
  });
});
