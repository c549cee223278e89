import { describe, expect, it } from "vitest";
import { activeFilters, composeQuery, NO_FILTERS, removeFilter, toggleFacet } from "./searchquery";

describe("composeQuery", () => {
  it("passes a typed query through", () => {
    expect(composeQuery("  kelihos botnet ", NO_FILTERS)).toBe("kelihos botnet");
    expect(composeQuery("", NO_FILTERS)).toBe("");
  });

  it("adds facet and date filters in the query language", () => {
    const filters = { ...NO_FILTERS, kind: "press_release", outlet: "New York Times", year: "2017" };
    expect(composeQuery("spam", filters)).toBe('spam kind:press_release outlet:"New York Times" date:2017');
    expect(composeQuery("", { ...NO_FILTERS, from: "2017-03", to: "" })).toBe("date:2017-03..");
  });

  it("filters by a tag from the tags facet, quoted when it has spaces", () => {
    expect(composeQuery("spam", { ...NO_FILTERS, tag: "police raid" })).toBe('spam tag:"police raid"');
    expect(activeFilters({ ...NO_FILTERS, tag: "lead" })).toEqual([{ key: "tag", label: "Tag: lead" }]);
  });

  it("keeps the typed ORs to themselves", () => {
    expect(composeQuery("wheat OR corn", { ...NO_FILTERS, year: "1987" })).toBe("(wheat OR corn) date:1987");
  });
});

describe("toggleFacet", () => {
  it("sets and clears a facet", () => {
    const on = toggleFacet(NO_FILTERS, "outlet", "Reuters");
    expect(on.outlet).toBe("Reuters");
    expect(toggleFacet(on, "outlet", "Reuters").outlet).toBeNull();
  });
});

describe("activeFilters", () => {
  it("names every active filter, a date range as one chip", () => {
    const filters = { ...NO_FILTERS, kind: "press_release", year: "2015", from: "2017-03", to: "" };
    const chips = activeFilters(filters, (k) => (k === "press_release" ? "Press release" : k));
    expect(chips).toEqual([
      { key: "kind", label: "Kind: Press release" },
      { key: "year", label: "Year: 2015" },
      { key: "dates", label: "Published: 2017-03 – …" },
    ]);
    expect(activeFilters(NO_FILTERS)).toEqual([]);
  });

  it("removes the filter a chip stands for and nothing else", () => {
    const filters = { ...NO_FILTERS, outlet: "Reuters", year: "2015", from: "2016", to: "2017" };
    expect(removeFilter(filters, "year")).toEqual({ ...filters, year: null });
    expect(removeFilter(filters, "dates")).toEqual({ ...filters, from: "", to: "" });
  });
});
