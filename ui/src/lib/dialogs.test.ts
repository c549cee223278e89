import { describe, expect, it } from "vitest";
import { importDialogOptions, startPath } from "./dialogs";

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

describe("the import dialog", () => {
  // A filter would hide mail archives: GTK's dialog matches `*.ext` patterns only, so an
  // extensionless mbox (Thunderbird's Inbox) could never be picked, nor `.MBOX`.
  it("offers every file, so .mbox, .eml and extensionless mboxes can be picked", () => {
    const options = importDialogOptions(false, "/home/reporter");
    expect(options).toEqual({ title: "Import files", multiple: true, directory: false, defaultPath: "/home/reporter" });
    expect("filters" in options).toBe(false);
  });
  it("picks folders for Import folder", () => {
    expect(importDialogOptions(true, undefined)).toMatchObject({ title: "Import a folder", directory: true, multiple: true });
  });
});
