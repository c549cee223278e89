import { describe, expect, it } from "vitest";
import { copiesLabel } from "./copies";

describe("copiesLabel", () => {
  it("counts copies in words", () => {
    expect(copiesLabel(1)).toBe("+1 copy");
    expect(copiesLabel(1200)).toBe("+1,200 copies");
  });
});
