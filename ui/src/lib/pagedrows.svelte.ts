// Rows of a long list read from the core a page at a time as they scroll into view: a
// 23k-document case has 77k quotes and 40k people and organisations, too many to send at once.
// A reset (a filter changed) starts a new generation, so pages still arriving for the old
// filter are dropped instead of mixing into the new list.
import { pagesFor } from "./paging";

export type PageReader<T> = (offset: number, limit: number) => Promise<T[]>;

export class PagedRows<T> {
  total = $state(0);
  #pages = $state.raw(new Map<number, T[]>());
  #loading = new Map<number, Promise<void>>();
  #generation = 0;
  readonly #size: number;
  readonly #onerror: (err: unknown) => void;
  #read: PageReader<T> = async () => [];

  constructor(size: number, onerror: (err: unknown) => void) {
    this.#size = size;
    this.#onerror = onerror;
  }

  /**
   * Starts over with a new reader. `first` reads the first page and the total, which are here
   * when it returns; the answer is false when another reset came first and this one was dropped.
   */
  async reset(read: PageReader<T>, first: (limit: number) => Promise<{ total: number; rows: T[] }>): Promise<boolean> {
    const mine = ++this.#generation;
    this.#loading = new Map();
    const { total, rows } = await first(this.#size);
    if (mine !== this.#generation) {
      return false;
    }
    this.#read = read;
    this.total = total;
    this.#pages = new Map([[0, rows]]);
    return true;
  }

  /**
   * Reads the total and the pages already here again with the same reader, for a list that
   * grows while it is shown (the extraction stage adding quotes and people): the rows on
   * screen are replaced in place, so the list keeps its scroll. False when a reset came first.
   */
  async renew(total: () => Promise<number>): Promise<boolean> {
    const mine = this.#generation;
    const read = this.#read;
    const pages = [...this.#pages.keys()];
    const [count, rows] = await Promise.all([total(), Promise.all(pages.map((page) => read(page * this.#size, this.#size)))]);
    if (mine !== this.#generation) {
      return false;
    }
    this.total = count;
    this.#pages = new Map(pages.map((page, i) => [page, rows[i]]));
    return true;
  }

  /** The row at `index` if its page is here, without asking for it. */
  at(index: number): T | null {
    return this.#pages.get(Math.floor(index / this.#size))?.[index % this.#size] ?? null;
  }

  /** The row at `index`, asking for its page (and the next) when it is not here yet. */
  ensure(index: number): T | null {
    const row = this.at(index);
    if (row === null) {
      for (const page of pagesFor(index, index + 1, this.#size, this.total)) {
        void this.#load(page);
      }
    }
    return row;
  }

  /** The row at `index`, waiting for its page if need be. */
  async fetch(index: number): Promise<T | null> {
    await this.#load(Math.floor(index / this.#size));
    return this.at(index);
  }

  /** Puts `row` in place of the loaded row that `same` picks, after an edit. */
  replace(same: (row: T) => boolean, row: T): void {
    for (const [page, rows] of this.#pages) {
      const at = rows.findIndex(same);
      if (at >= 0) {
        const next = rows.slice();
        next[at] = row;
        this.#pages = new Map(this.#pages).set(page, next);
        return;
      }
    }
  }

  /** The index of the first loaded row that `same` picks, or -1. */
  indexOf(same: (row: T) => boolean): number {
    for (const [page, rows] of this.#pages) {
      const at = rows.findIndex(same);
      if (at >= 0) {
        return page * this.#size + at;
      }
    }
    return -1;
  }

  /** Reads a page once: a second call while it is on its way waits for the same read. */
  #load(page: number): Promise<void> {
    if (this.#pages.has(page)) {
      return Promise.resolve();
    }
    const pending = this.#loading.get(page);
    if (pending) {
      return pending;
    }
    const mine = this.#generation;
    const loading = this.#loading;
    const read = this.#read(page * this.#size, this.#size)
      .then((rows) => {
        if (mine === this.#generation) {
          this.#pages = new Map(this.#pages).set(page, rows);
        }
      })
      .catch((err: unknown) => this.#onerror(err))
      .finally(() => loading.delete(page));
    loading.set(page, read);
    return read;
  }
}
