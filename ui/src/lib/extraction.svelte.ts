// The extraction stage as the whole window sees it: App keeps `extraction.now` current from the
// core's `extraction-progress` events, the top bar and the quotes, people and timeline views
// show it, and those views read their data again as the stage commits (`followExtraction`),
// at most every few seconds, without losing their scroll, selection or zoom.
import { onDestroy, untrack } from "svelte";
import type { ExtractionState } from "./bindings/ExtractionState";

export const extraction = $state<{ now: ExtractionState | null }>({ now: null });

/**
 * Calls `renew` while the component lives whenever the stage has extracted more documents, at
 * most once every `everyMs`, and once more at once when the stage ends, so a view shows what
 * is extracted so far and everything at the end. Call it while a component initialises.
 */
export function followExtraction(renew: () => unknown, everyMs: number): void {
  let seen = extraction.now?.extracted ?? 0;
  let wasRunning = extraction.now?.running ?? false;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = Date.now();
    void renew();
  };
  $effect(() => {
    const extracted = extraction.now?.extracted ?? 0;
    const running = extraction.now?.running ?? false;
    untrack(() => {
      const ended = wasRunning && !running;
      wasRunning = running;
      if (extracted === seen && !ended) {
        return;
      }
      seen = extracted;
      if (ended) {
        clearTimeout(timer);
        run();
      } else if (timer === undefined) {
        timer = setTimeout(run, Math.max(0, last + everyMs - Date.now()));
      }
    });
  });
  onDestroy(() => clearTimeout(timer));
}
