import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "./library";
import { clickLibraryRow, foldedLabel, isFiltered, LIBRARY_PAGE, libraryRows, librarySelection, pageRequest } from "./librarypages";
import { NOTHING, selectAll } from "./multiselect";

describe("pageRequest", () => {
  it("asks for one page in the header's order with no filter", () => {
    expect(pageRequest(EMPTY_FILTER, "published", "asc", 0, LIBRARY_PAGE, false)).toEqual({
      sort: "published",
      dir: "asc",
      title: null,
      kind: null,
      outlet: null,
      from: null,
      to: null,
      offset: 0,
      limit: LIBRARY_PAGE,
      skip_total: false,
      collapse_copies: true,
      collapse_threads: true,
    });
  });

  it("shows every copy as its own row when collapsing is unticked", () => {
    expect(pageRequest({ ...EMPTY_FILTER, collapse: false }, "title", "asc", 0, 10, true).collapse_copies).toBe(false);
  });

  it("shows every message as its own row when collapsing threads is unticked", () => {
    const request = pageRequest({ ...EMPTY_FILTER, threads: false }, "title", "asc", 0, 10, true);
    expect(request.collapse_threads).toBe(false);
    expect(request.collapse_copies).toBe(true);
  });

  it("sends each filter field trimmed, and blank fields as none", () => {
    const filter = { title: "  botnet down ", kind: "email" as const, outlet: " ", from: "2017-03", to: " 2018 ", collapse: true, threads: true };
    expect(pageRequest(filter, "title", "desc", 400, 200, true)).toMatchObject({
      sort: "title",
      dir: "desc",
      title: "botnet down",
      kind: "email",
      outlet: null,
      from: "2017-03",
      to: "2018",
      offset: 400,
      limit: 200,
      skip_total: true,
    });
  });
});

describe("libraryRows and foldedLabel", () => {
  it("gives each row its copies and its thread's messages", () => {
    const doc = { id: 7, kind: "email" as const, title: "Budget", url: null, outlet: null, published: null, doc_ref: null, sha256: "", format: "email" as const };
    const rows = libraryRows({ total: 1, documents: [doc], copies: [0], messages: [3] });
    expect(rows[0]).toMatchObject({ id: 7, copies: 0, messages: 3 });
  });

  it("names what was folded by what is collapsed", () => {
    expect(foldedLabel(3, EMPTY_FILTER)).toBe("3 copies and replies folded into their groups and threads");
    expect(foldedLabel(1, { ...EMPTY_FILTER, threads: false })).toBe("1 near-duplicate folded into their groups");
    expect(foldedLabel(2, { ...EMPTY_FILTER, collapse: false })).toBe("2 messages folded into their threads");
  });
});

describe("isFiltered", () => {
  it("is false for the empty filter and blank fields, true for any field set", () => {
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, title: "  " })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, kind: "note" })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTER, to: "2017" })).toBe(true);
  });
});

describe("clickLibraryRow", () => {
  // A library of 1,000 rows whose ids are 1000 + index, of which the window holds none.
  const asked: [number, number | null][] = [];
  const idsOf = async (offset: number, limit: number | null) => {
    asked.push([offset, limit]);
    const end = limit === null ? 1000 : Math.min(1000, offset + limit);
    return Array.from({ length: end - offset }, (_, i) => 1000 + offset + i);
  };

  it("toggles a row by click without asking the core", async () => {
    asked.length = 0;
    let sel = await clickLibraryRow(NOTHING, 1005, 5, false, idsOf);
    expect([...sel.ids]).toEqual([1005]);
    sel = await clickLibraryRow(sel, 1005, 5, false, idsOf);
    expect(sel.ids.size).toBe(0);
    expect(asked).toEqual([]);
  });

  it("reads a Shift+click range's ids from the core, rows not loaded included", async () => {
    asked.length = 0;
    let sel = await clickLibraryRow(NOTHING, 1900, 900, false, idsOf);
    sel = await clickLibraryRow(sel, 1100, 100, true, idsOf);
    expect(asked).toEqual([[100, 801]]);
    expect(sel.ids.size).toBe(801);
    expect(sel.ids.has(1100) && sel.ids.has(1500) && sel.ids.has(1900)).toBe(true);
    expect(sel.anchor).toBe(100);
  });

  it("ends 'all' with every other row of the filter picked, read from the core", async () => {
    asked.length = 0;
    const sel = await clickLibraryRow(selectAll(), 1002, 2, false, idsOf);
    expect(sel.all).toBe(false);
    expect(sel.ids.size).toBe(999);
    expect(sel.ids.has(1002)).toBe(false);
    expect(asked).toEqual([[0, null]]);
  });
});

describe("librarySelection", () => {
  it("asks the core for every row of the filter when all are selected, else sends the ids", () => {
    const filter = { ...EMPTY_FILTER, title: " botnet " };
    expect(librarySelection(selectAll(), filter, "title", "desc")).toEqual({ library: pageRequest(filter, "title", "desc", 0, null, true) });
    expect(librarySelection({ ids: new Set([3, 4]), anchor: 1, all: false }, filter, "title", "asc")).toEqual({ ids: [3, 4] });
    expect(librarySelection(NOTHING, filter, "title", "asc")).toBeNull();
  });
});

describe("libraryRows", () => {
  it("gives each document of a page its count of copies", () => {
    const doc = (id: number) => ({ id, kind: "article" as const, title: `D${id}`, url: null, outlet: null, published: null, doc_ref: null, sha256: "", format: "news_record" as const });
    expect(libraryRows({ total: 2, documents: [doc(1), doc(4)], copies: [3, 0], messages: [0, 0] }).map((r) => [r.id, r.copies])).toEqual([
      [1, 3],
      [4, 0],
    ]);
  });
});
