import { describe, expect, it } from "vitest";
import { startPath } from "./dialogs";

describe("where dialogs start", () => {
  it("puts the suggested name in the remembered folder", () => {
    expect(startPath("/home/reporter/cases", "case.dossier")).toBe("/home/reporter/cases/case.dossier");
    expect(startPath("/", "brief.md")).toBe("/brief.md");
    expect(startPath("C:\\Users\\reporter", "hits.csv")).toBe("C:\\Users\\reporter\\hits.csv");
  });
  it("opens the folder itself when there is no name, and keeps the name when there is no folder", () => {
    expect(startPath("/home/reporter", undefined)).toBe("/home/reporter");
    expect(startPath(null, "case.dossier")).toBe("case.dossier");
    expect(startPath(null)).toBeUndefined();
  });
});
