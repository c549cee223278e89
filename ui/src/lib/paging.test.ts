import { describe, expect, it } from "vitest";
import { pagesFor, reviewAction } from "./paging";

describe("paged lists", () => {
  it("reads the pages in view and half a page around them", () => {
    expect(pagesFor(0, 20, 200, 77000)).toEqual([0]);
    expect(pagesFor(190, 215, 200, 77000)).toEqual([0, 1]);
    expect(pagesFor(350, 380, 200, 77000)).toEqual([1, 2]);
    expect(pagesFor(76990, 77000, 200, 77000)).toEqual([384]);
  });
  it("reads nothing of an empty list", () => {
    expect(pagesFor(0, 20, 200, 0)).toEqual([]);
  });
});

describe("the review queue's keys", () => {
  const key = (k: string, ctrlKey = false) => reviewAction({ key: k, ctrlKey, metaKey: false, altKey: false });
  it("maps letters to actions", () => {
    expect(["c", "r", "u", "s", "e", "Enter"].map((k) => key(k))).toEqual(["confirm", "reject", "reset", "speaker", "span", "open"]);
  });
  it("leaves shortcuts with modifiers alone", () => {
    expect(key("c", true)).toBeNull();
    expect(key("x")).toBeNull();
  });
});
