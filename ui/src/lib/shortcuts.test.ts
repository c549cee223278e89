import { describe, expect, it } from "vitest";
import { SHORTCUTS, opensShortcuts } from "./shortcuts";

// Stand-ins for DOM elements (the unit tests run without a DOM).
const element = (tagName: string, inEditor = false) => ({
  tagName,
  isContentEditable: inEditor,
  closest: (selector: string) => (inEditor && selector.includes("cm-editor") ? {} : null),
});
const key = (k: string, target: unknown, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
  target: target as EventTarget,
});

describe("the shortcuts list", () => {
  it("opens on ? outside text boxes", () => {
    expect(opensShortcuts(key("?", element("BUTTON")))).toBe(true);
    expect(opensShortcuts(key("?", element("BODY")))).toBe(true);
    expect(opensShortcuts(key("/", element("BODY")))).toBe(false);
    expect(opensShortcuts(key("?", element("BODY"), { ctrlKey: true }))).toBe(false);
  });
  it("does not open while typing", () => {
    for (const tag of ["INPUT", "TEXTAREA", "SELECT"]) {
      expect(opensShortcuts(key("?", element(tag))), tag).toBe(false);
    }
    expect(opensShortcuts(key("?", element("DIV", true))), "the note editor").toBe(false);
  });
  it("lists every shortcut the views handle", () => {
    const keys = SHORTCUTS.flatMap((g) => g.shortcuts.map((s) => s.keys.join("+")));
    for (const k of ["?", "Ctrl+K", "Esc", "Ctrl+F", "Ctrl+Z", "Ctrl+S", "C", "R", "U", "S", "E", "Enter"]) {
      expect(keys, k).toContain(k);
    }
  });
});
