import { describe, expect, it } from "vitest";
import { PagedRows } from "./pagedrows.svelte";

/** A reader over 0..total that records which pages were asked for and can be held back. */
function source(total: number) {
  const asked: number[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const read = (offset: number, limit: number): Promise<number[]> => {
    asked.push(offset);
    const rows = Array.from({ length: Math.max(Math.min(limit, total - offset), 0) }, (_, i) => offset + i);
    if (!holding) {
      return Promise.resolve(rows);
    }
    return new Promise((resolve) => held.push(() => resolve(rows)));
  };
  return {
    asked,
    read,
    first: async (limit: number) => ({ total, rows: await read(0, limit) }),
    hold: () => (holding = true),
    release: () => held.splice(0).forEach((go) => go()),
  };
}

describe("PagedRows", () => {
  it("reads the first page and the total on reset, and the rest only when asked", async () => {
    const rows = new PagedRows<number>(10, (err) => {
      throw err;
    });
    const s = source(35);
    await rows.reset(s.read, s.first);
    expect(rows.total).toBe(35);
    expect(rows.at(9)).toBe(9);
    expect(rows.at(10)).toBeNull();
    expect(s.asked).toEqual([0]);
    expect(await rows.fetch(31)).toBe(31);
    expect(s.asked).toEqual([0, 30]);
  });

  it("reads a page once even when it is asked for again while on its way", async () => {
    const rows = new PagedRows<number>(10, () => {});
    const s = source(100);
    await rows.reset(s.read, s.first);
    s.hold();
    expect(rows.ensure(55)).toBeNull();
    expect(rows.ensure(56)).toBeNull();
    const waiting = rows.fetch(57);
    s.release();
    expect(await waiting).toBe(57);
    expect(s.asked.filter((offset) => offset === 50)).toHaveLength(1);
  });

  it("drops a page that arrives after the list was reset for another filter", async () => {
    const rows = new PagedRows<number>(10, () => {});
    const old = source(100);
    await rows.reset(old.read, old.first);
    old.hold();
    rows.ensure(42);
    const fresh = source(5);
    await rows.reset(fresh.read, fresh.first);
    old.release();
    await Promise.resolve();
    expect(rows.total).toBe(5);
    expect(rows.at(2)).toBe(2);
    expect(rows.at(42)).toBeNull();
  });

  it("replaces an edited row where it is and finds rows by what they hold", async () => {
    const rows = new PagedRows<number>(10, () => {});
    const s = source(30);
    await rows.reset(s.read, s.first);
    await rows.fetch(15);
    rows.replace((n) => n === 15, 1500);
    expect(rows.at(15)).toBe(1500);
    expect(rows.indexOf((n) => n === 1500)).toBe(15);
    expect(rows.indexOf((n) => n === 29)).toBe(-1);
  });

  it("passes a failed read to its error handler and can read the page again", async () => {
    const errors: unknown[] = [];
    const rows = new PagedRows<number>(10, (err) => errors.push(err));
    let fail = true;
    const read = (offset: number) => (fail && offset > 0 ? Promise.reject(new Error("gone")) : Promise.resolve([offset]));
    await rows.reset(read, async () => ({ total: 20, rows: [0] }));
    expect(await rows.fetch(10)).toBeNull();
    expect(errors).toHaveLength(1);
    fail = false;
    expect(await rows.fetch(10)).toBe(10);
  });

  it("renews the total and the loaded pages in place as the list grows, and drops a renewal a reset overtook", async () => {
    const rows = new PagedRows<number>(10, (err) => {
      throw err;
    });
    let grown = 25;
    const read = (offset: number, limit: number) =>
      Promise.resolve(Array.from({ length: Math.max(Math.min(limit, grown - offset), 0) }, (_, i) => offset * 100 + i));
    await rows.reset(read, async (limit) => ({ total: grown, rows: await read(0, limit) }));
    await rows.fetch(21);
    expect(rows.at(24)).toBe(2004);
    expect(rows.at(25)).toBeNull();
    grown = 28;
    expect(await rows.renew(async () => grown)).toBe(true);
    expect(rows.total).toBe(28);
    // The pages that were here are read again (the last one now longer); others stay unread.
    expect(rows.at(27)).toBe(2007);
    expect(rows.at(0)).toBe(0);
    const late = rows.renew(async () => 99);
    await rows.reset(read, async () => ({ total: 5, rows: [7] }));
    expect(await late).toBe(false);
    expect(rows.total).toBe(5);
  });
});
