import { describe, expect, it } from "vitest";
import { moveSelection } from "./listnav";

describe("moveSelection", () => {
  it("steps with the arrows and stops at the ends", () => {
    expect(moveSelection(0, "ArrowDown", 3)).toBe(1);
    expect(moveSelection(2, "ArrowDown", 3)).toBe(2);
    expect(moveSelection(1, "ArrowUp", 3)).toBe(0);
    expect(moveSelection(0, "ArrowUp", 3)).toBe(0);
  });

  it("starts from nothing selected", () => {
    expect(moveSelection(-1, "ArrowDown", 3)).toBe(0);
    expect(moveSelection(-1, "ArrowUp", 3)).toBe(2);
  });

  it("jumps by pages and to the ends", () => {
    expect(moveSelection(3, "PageDown", 100, 10)).toBe(13);
    expect(moveSelection(95, "PageDown", 100, 10)).toBe(99);
    expect(moveSelection(5, "PageUp", 100, 10)).toBe(0);
    expect(moveSelection(50, "Home", 100)).toBe(0);
    expect(moveSelection(50, "End", 100)).toBe(99);
  });

  it("ignores other keys and empty lists", () => {
    expect(moveSelection(0, "a", 3)).toBeNull();
    expect(moveSelection(-1, "ArrowDown", 0)).toBeNull();
  });
});
