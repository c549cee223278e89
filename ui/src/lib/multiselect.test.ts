import { describe, expect, it } from "vitest";
import { clickRow, isSelectAll, isSelected, NOTHING, selectAll, selectedCount, toDocumentSelection } from "./multiselect";

const ROWS = [10, 11, 12, 13, 14];

describe("multiselect", () => {
  it("a click toggles one row and a Shift+click adds the range from the last click", () => {
    let sel = clickRow(NOTHING, ROWS, 1, false);
    expect([...sel.ids]).toEqual([11]);
    sel = clickRow(sel, ROWS, 3, true);
    expect([...sel.ids].sort()).toEqual([11, 12, 13]);
    // Upwards too, from the new anchor.
    sel = clickRow(sel, ROWS, 0, true);
    expect([...sel.ids].sort()).toEqual([10, 11, 12, 13]);
    sel = clickRow(sel, ROWS, 2, false);
    expect(isSelected(sel, 12)).toBe(false);
  });

  it("a Shift+click with no earlier click selects the one row", () => {
    expect([...clickRow(NOTHING, ROWS, 2, true).ids]).toEqual([12]);
  });

  it("all in search stands for every hit of the query, loaded or not", () => {
    const all = selectAll();
    expect(selectedCount(all, 100_000)).toBe(100_000);
    expect(toDocumentSelection(all, ROWS, "kelihos")).toEqual({ query: "kelihos" });
    expect(toDocumentSelection(all, ROWS, null)).toEqual({ ids: ROWS });
    expect(isSelected(all, 99)).toBe(true);
  });

  it("clicking a row after all keeps the loaded rows but that one", () => {
    const sel = clickRow(selectAll(), ROWS, 4, false);
    expect(sel.all).toBe(false);
    expect([...sel.ids].sort()).toEqual([10, 11, 12, 13]);
  });

  it("nothing selected is no selection, and Ctrl+A or Cmd+A is select all", () => {
    expect(toDocumentSelection(NOTHING, ROWS, "q")).toBeNull();
    expect(isSelectAll({ key: "a", ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSelectAll({ key: "A", ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSelectAll({ key: "a", ctrlKey: false, metaKey: false })).toBe(false);
  });
});
