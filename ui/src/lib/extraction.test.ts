import { describe, expect, it } from "vitest";
import type { ExtractionState } from "./bindings/ExtractionState";
import { extractionError, extractionLine, timeLeft } from "./extraction";

const running = (fields: Partial<ExtractionState> = {}): ExtractionState => ({
  running: true,
  documents: 23192,
  extracted: 12345,
  rate: null,
  eta_seconds: null,
  problems: 0,
  error: null,
  ...fields,
});

describe("extractionLine", () => {
  it("counts documents with separators while the stage runs", () => {
    expect(extractionLine(running())).toBe("extracting 12,345 of 23,192");
  });

  it("adds the rate and the time left once the core knows them", () => {
    expect(extractionLine(running({ rate: 41.4, eta_seconds: 262 }))).toBe("extracting 12,345 of 23,192 · 41 a second · about 4 min left");
  });

  it("says nothing when the stage is done, never ran, or stopped on an error", () => {
    expect(extractionLine(null)).toBeNull();
    expect(extractionLine(running({ running: false, extracted: 23192 }))).toBeNull();
    expect(extractionLine(running({ error: { code: "io", message: "disk full" } }))).toBeNull();
  });
});

describe("extractionError", () => {
  it("shows the error's code and message with where the stage stopped", () => {
    const state = running({ running: false, error: { code: "io", message: "disk full" } });
    expect(extractionError(state)).toBe("Extraction stopped (io) at 12,345 of 23,192: disk full");
    expect(extractionError(running())).toBeNull();
  });
});

describe("timeLeft", () => {
  it("rounds to what a person reads", () => {
    expect(timeLeft(0.2)).toBe("about 1 s");
    expect(timeLeft(42)).toBe("about 42 s");
    expect(timeLeft(62)).toBe("about 1 min");
    expect(timeLeft(3600)).toBe("about 1 h");
    expect(timeLeft(7500)).toBe("about 2 h 5 min");
  });
});
