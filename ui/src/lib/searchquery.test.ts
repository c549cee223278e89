import { describe, expect, it } from "vitest";
import { composeQuery, NO_FILTERS, toggleFacet } from "./searchquery";

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
