// Pure display logic, kept apart from the components so that it can be unit-tested without a
// webview or a Tauri backend.

import type { DocumentKind } from "./bindings/DocumentKind";
import type { Error as DossierError } from "./bindings/Error";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { SyncStatus } from "./bindings/SyncStatus";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// The core writes `published` as ISO 8601 truncated to the precision the source gave:
// "2017", "2017-04", "2017-04-12", "2017-04-12T05:00-07:00", "2017-04-12T05:00:09Z", or a
// minute/second form with no offset when the source named no zone.
const PUBLISHED =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Formats a publication date at exactly the precision it was stated with, in the source's own
 * clock time. It never converts zones or fills in a missing day, because a journalist must not
 * be shown a precision the source did not give.
 */
export function formatPublished(published: string | null): string {
  if (published === null || published === "") {
    return "Undated";
  }
  const m = PUBLISHED.exec(published);
  if (!m) {
    // An unexpected shape is still data worth showing; showing it raw hides nothing.
    return published;
  }
  const [, year, month, day, hour, minute, second, zone] = m;
  const monthIndex = month === undefined ? -1 : Number(month) - 1;
  if (month !== undefined && (monthIndex < 0 || monthIndex > 11)) {
    return published;
  }
  if (month === undefined) {
    return year;
  }
  if (day === undefined) {
    return `${MONTHS[monthIndex]} ${year}`;
  }
  const date = `${Number(day)} ${MONTHS[monthIndex]} ${year}`;
  if (hour === undefined) {
    return date;
  }
  const time = second === undefined ? `${hour}:${minute}` : `${hour}:${minute}:${second}`;
  return `${date}, ${time}${formatZone(zone)}`;
}

function formatZone(zone: string | undefined): string {
  if (zone === undefined) {
    return "";
  }
  if (zone === "Z" || zone === "+00:00") {
    return " UTC";
  }
  // A typographic minus reads better than a hyphen and is what style guides ask for.
  return ` UTC${zone.replace("-", "\u2212")}`;
}

const KIND_LABELS: Record<DocumentKind, string> = {
  article: "Article",
  indictment: "Indictment",
  press_release: "Press release",
  transcript: "Transcript",
  email: "Email",
  note: "Note",
  other: "Other",
};

export function kindLabel(kind: DocumentKind): string {
  return KIND_LABELS[kind] ?? kind;
}

const ERROR_TITLES: Record<ErrorCode, string> = {
  not_found: "Not found",
  invalid_input: "Invalid input",
  conflict: "Conflict",
  unsupported: "Not supported",
  io: "File system error",
  internal: "Internal error",
  forbidden: "Not allowed",
  unavailable: "Server unavailable",
};

/** An error as the window shows it: a short title for the code, the code, and the message. */
export type ShownError = { title: string; code: string; message: string };

/**
 * Turns whatever a command rejected with into something to show. Commands reject with the
 * core's `{code, message}`, but the IPC layer itself can reject with a plain string (for
 * example when a command is not allowed), and that must be shown too rather than "[object]".
 */
export function describeError(err: unknown): ShownError {
  if (isDossierError(err)) {
    return { title: ERROR_TITLES[err.code], code: err.code, message: err.message };
  }
  return { title: "Unexpected error", code: "unknown", message: messageOf(err) };
}

function messageOf(err: unknown): string {
  if (typeof err === "object" && err !== null && "message" in err) {
    const { message } = err as { message: unknown };
    if (typeof message === "string") {
      return message;
    }
  }
  return String(err);
}

function isDossierError(err: unknown): err is DossierError {
  if (typeof err !== "object" || err === null) {
    return false;
  }
  const candidate = err as { code?: unknown; message?: unknown };
  return (
    typeof candidate.code === "string" &&
    candidate.code in ERROR_TITLES &&
    typeof candidate.message === "string"
  );
}

/**
 * The Sync button's tooltip for a team case: when it last synced, what waits to be sent, the
 * open conflicts and the latest changes by others with their authors.
 */
export function syncStatusLabel(status: SyncStatus): string {
  const lines = [
    `Last sync: ${status.last_sync ?? "never"}`,
    `${status.waiting} change${status.waiting === 1 ? "" : "s"} waiting`,
  ];
  if (status.conflicts > 0) {
    lines.push(`${status.conflicts} conflict${status.conflicts === 1 ? "" : "s"} to resolve`);
  }
  for (const change of status.recent.slice(0, 5)) {
    lines.push(`${change.author}: ${change.what}`);
  }
  return lines.join("\n");
}

export function documentCountLabel(count: number): string {
  return count === 1 ? "1 document" : `${count.toLocaleString("en-US")} documents`;
}

/**
 * The reason an import failure gives, without the file's path when the message starts with it:
 * the panel already shows the path, and some core messages name it again for the CLI.
 */
export function failureReason(failure: { path: string; error: string }): string {
  const prefix = `${failure.path}: `;
  return failure.error.startsWith(prefix) ? failure.error.slice(prefix.length) : failure.error;
}

/**
 * How far an import is, from 0 to 1: by bytes when their total is known (one large PDF among
 * small articles takes its share of the time), else by files. Never more than 1, and 0 while
 * nothing is counted yet, so the bar is never drawn full before the work is done.
 */
export function importFraction(p: { files_done: number; files_total: number; bytes_done: number; bytes_total: number }): number {
  const [done, total] = p.bytes_total > 0 ? [p.bytes_done, p.bytes_total] : [p.files_done, p.files_total];
  if (!(total > 0) || !(done > 0)) {
    return 0;
  }
  return Math.min(done / total, 1);
}

/**
 * How many rows a detail lists: the count alone when all are there, else "first N of TOTAL"
 * (an entity's detail lists its first 200 quotes and mentions; a person in the news has
 * hundreds of thousands of mentions in a big case).
 */
export function shownOf(shown: number, more: boolean, total: number): string {
  const count = (n: number) => n.toLocaleString("en-US");
  return more ? `first ${count(shown)} of ${count(total)}` : count(shown);
}
