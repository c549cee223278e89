import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "./library";
import { isFiltered, LIBRARY_PAGE, pageRequest } from "./librarypages";

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
    });
  });

  it("sends each filter field trimmed, and blank fields as none", () => {
    const filter = { title: "  botnet down ", kind: "email" as const, outlet: " ", from: "2017-03", to: " 2018 " };
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

describe("isFiltered", () => {
  it("is false for the empty filter and blank fields, true for any field set", () => {
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, title: "  " })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, kind: "note" })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTER, to: "2017" })).toBe(true);
  });
});
