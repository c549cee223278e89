import { describe, expect, it } from "vitest";
import { describeError, documentCountLabel, failureReason, formatPublished, importFraction, kindLabel, shownOf, syncStatusLabel } from "./format";

describe("formatPublished", () => {
  it("says a missing date is undated", () => {
    expect(formatPublished(null)).toBe("Undated");
    expect(formatPublished("")).toBe("Undated");
  });

  it("keeps each precision without inventing finer parts", () => {
    expect(formatPublished("2017")).toBe("2017");
    expect(formatPublished("2017-04")).toBe("April 2017");
    expect(formatPublished("2017-04-02")).toBe("2 April 2017");
  });

  it("shows times in the source's own clock with its offset", () => {
    expect(formatPublished("2017-04-12T05:00-07:00")).toBe("12 April 2017, 05:00 UTC\u221207:00");
    expect(formatPublished("2017-04-12T05:00:09Z")).toBe("12 April 2017, 05:00:09 UTC");
    expect(formatPublished("2017-04-12T23:30+05:30")).toBe("12 April 2017, 23:30 UTC+05:30");
  });

  it("shows a time without a zone as the source stated it", () => {
    expect(formatPublished("1987-02-26T15:01")).toBe("26 February 1987, 15:01");
  });

  it("shows unexpected shapes raw rather than guessing", () => {
    expect(formatPublished("spring 2017")).toBe("spring 2017");
    expect(formatPublished("2017-13")).toBe("2017-13");
  });
});

describe("describeError", () => {
  it("maps the core's error codes to titles and keeps the message", () => {
    expect(describeError({ code: "not_found", message: "no case file at /x" })).toEqual({
      title: "Not found",
      code: "not_found",
      message: "no case file at /x",
    });
    expect(describeError({ code: "io", message: "disk full" }).title).toBe("File system error");
  });

  it("shows plain rejections from the IPC layer too", () => {
    expect(describeError("command list_documents not allowed")).toEqual({
      title: "Unexpected error",
      code: "unknown",
      message: "command list_documents not allowed",
    });
    expect(describeError(new TypeError("boom")).message).toBe("boom");
  });

  it("does not trust objects with an unknown code", () => {
    expect(describeError({ code: "weird", message: "m" })).toEqual({
      title: "Unexpected error",
      code: "unknown",
      message: "m",
    });
  });
});

describe("labels", () => {
  it("names kinds and counts for people", () => {
    expect(kindLabel("press_release")).toBe("Press release");
    expect(documentCountLabel(1)).toBe("1 document");
    expect(documentCountLabel(0)).toBe("0 documents");
    expect(documentCountLabel(1011)).toBe("1,011 documents");
  });
});

describe("failureReason", () => {
  it("drops a repeated path but keeps other messages whole", () => {
    expect(failureReason({ path: "/a/empty.txt", error: "/a/empty.txt: empty file" })).toBe("empty file");
    expect(failureReason({ path: "/a/x.bin", error: "unsupported format: binary data" })).toBe("unsupported format: binary data");
  });
});

describe("importFraction", () => {
  const p = (files_done: number, files_total: number, bytes_done = 0, bytes_total = 0) => ({
    files_done,
    files_total,
    bytes_done,
    bytes_total,
  });
  it("is the share of bytes done, else of files", () => {
    expect(importFraction(p(126, 1000, 126_000, 1_000_000))).toBeCloseTo(0.126);
    expect(importFraction(p(1, 4))).toBe(0.25);
  });
  it("is 0 before anything is counted and never past 1", () => {
    expect(importFraction(p(0, 0))).toBe(0);
    expect(importFraction(p(0, 1000, 0, 5000))).toBe(0);
    expect(importFraction(p(5, 4, 900, 400))).toBe(1);
  });
});

describe("syncStatusLabel", () => {
  it("says when the team case last synced, what waits, the conflicts and who changed what", () => {
    const label = syncStatusLabel({
      team: true,
      server: "host=/run/pg dbname=case",
      role: "bob",
      last_sync: "2026-12-05T10:00:00Z",
      waiting: 1,
      conflicts: 2,
      recent: [{ author: "alice", at: "2026-12-05T09:59:00Z", what: "quote set to confirmed" }],
    });
    expect(label.split("\n")).toEqual([
      "Last sync: 2026-12-05T10:00:00Z",
      "1 change waiting",
      "2 conflicts to resolve",
      "alice: quote set to confirmed",
    ]);
  });

  it("says never for a case that has not synced yet", () => {
    const label = syncStatusLabel({ team: true, server: null, role: null, last_sync: null, waiting: 0, conflicts: 0, recent: [] });
    expect(label).toBe("Last sync: never\n0 changes waiting");
  });
});

describe("shownOf", () => {
  it("gives the count alone when every row is listed, else the first rows of the total", () => {
    expect(shownOf(3, false, 4)).toBe("3");
    expect(shownOf(0, false, 0)).toBe("0");
    expect(shownOf(200, true, 194403)).toBe("first 200 of 194,403");
  });
});
