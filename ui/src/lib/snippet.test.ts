import { describe, expect, it } from "vitest";
import { markedTerms, splitSnippet } from "./snippet";

describe("splitSnippet", () => {
  it("splits on the core's markers", () => {
    expect(splitSnippet("the «Kelihos» botnet, «spam» czar")).toEqual([
      { text: "the ", mark: false },
      { text: "Kelihos", mark: true },
      { text: " botnet, ", mark: false },
      { text: "spam", mark: true },
      { text: " czar", mark: false },
    ]);
  });

  it("keeps markup in sources as plain text", () => {
    const parts = splitSnippet('<img src=x onerror="alert(1)"> «pwned» <script>');
    expect(parts.map((p) => p.text).join("")).toBe('<img src=x onerror="alert(1)"> pwned <script>');
    expect(parts.filter((p) => p.mark)).toEqual([{ text: "pwned", mark: true }]);
  });

  it("survives edge cases", () => {
    expect(splitSnippet("")).toEqual([]);
    expect(splitSnippet("«a»")).toEqual([{ text: "a", mark: true }]);
    expect(splitSnippet("no markers")).toEqual([{ text: "no markers", mark: false }]);
    expect(splitSnippet("open «only")).toEqual([{ text: "open «only", mark: false }]);
    expect(splitSnippet("««»x")).toEqual([{ text: "«", mark: true }, { text: "x", mark: false }]);
  });
});

describe("markedTerms", () => {
  it("lists each marked word once, as written", () => {
    expect(markedTerms("«Kelihos» and «kelihos» … «botnets»")).toEqual(["Kelihos", "botnets"]);
  });
});
