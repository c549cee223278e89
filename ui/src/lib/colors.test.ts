import { describe, expect, it } from "vitest";
import { hueOf, speakerColor } from "./colors";

describe("speaker colours", () => {
  it("gives a name the same hue however it is cased or padded", () => {
    expect(hueOf("Vitali Kremez")).toBe(hueOf(" vitali kremez "));
  });
  it("spreads the seed's speakers over different hues", () => {
    const names = ["Vitali Kremez", "Kenneth A. Blanco", "Keith Jarvis", "Leo Taddeo", "Avivah Litan"];
    const hues = names.map(hueOf);
    expect(new Set(hues).size).toBe(names.length);
    for (const h of hues) {
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(360);
    }
  });
  it("greys out quotes without a speaker", () => {
    expect(speakerColor(null)).toBe("hsl(0 0% 85%)");
    expect(speakerColor("Leo Taddeo")).toMatch(/^hsl\(\d+ 80% 84%\)$/);
  });
});
