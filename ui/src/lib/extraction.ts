// What the window says about the extraction stage (quotes, people and dates found in documents
// already imported, issue 23): "extracting 12,345 of 23,192 · 41 a second · about 6 min left"
// while it runs, the error with its code if it stopped on one, and nothing once it is done.
// Pure, so the wording is tested without a window.

import type { ExtractionState } from "./bindings/ExtractionState";

const count = (n: number) => n.toLocaleString("en-US");

/** Seconds left as a person reads them: "about 40 s", "about 6 min", "about 2 h 5 min". */
export function timeLeft(seconds: number): string {
  if (seconds < 60) {
    return `about ${Math.max(1, Math.round(seconds))} s`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `about ${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

/** The status line, or null when there is nothing to say (the stage is done or never ran). */
export function extractionLine(state: ExtractionState | null): string | null {
  if (state === null || state.error !== null || !state.running) {
    return null;
  }
  const parts = [`extracting ${count(state.extracted)} of ${count(state.documents)}`];
  if (state.rate !== null && state.rate > 0) {
    parts.push(`${count(Math.round(state.rate))} a second`);
    if (state.eta_seconds !== null) {
      parts.push(`${timeLeft(state.eta_seconds)} left`);
    }
  }
  return parts.join(" · ");
}

/** The stage's error as the window shows it, with its stable code, or null. */
export function extractionError(state: ExtractionState | null): string | null {
  if (state === null || state.error === null) {
    return null;
  }
  return `Extraction stopped (${state.error.code}) at ${count(state.extracted)} of ${count(state.documents)}: ${state.error.message}`;
}
