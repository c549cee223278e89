// Mail threads (issue 21) as the library shows them: a conversation of an mbox is one row with
// "N messages" that lists the thread. The core decides which row stands for a thread and
// counts its messages (`collapse_threads` on a library page); `thread_of` gives the others.
// This module words the count and puts the row's own message among the others, so the list
// is the whole thread, oldest first, as the reader's thread list orders it.

import type { ThreadMessage } from "./bindings/ThreadMessage";

/** "2 messages", "1,200 messages". */
export function messagesLabel(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "message" : "messages"}`;
}

/**
 * The whole thread of `own` (the row's message) given the `others` of its thread: oldest first,
 * undated last, then by id, as the core orders `thread_of`. The row is the oldest message that
 * passes the library's filter, not always the oldest of the thread, so it is sorted in.
 */
export function wholeThread(own: ThreadMessage, others: ThreadMessage[]): ThreadMessage[] {
  return [own, ...others.filter((m) => m.id !== own.id)].sort((a, b) => {
    if (a.published === null || b.published === null) {
      return a.published === b.published ? a.id - b.id : a.published === null ? 1 : -1;
    }
    return a.published < b.published ? -1 : a.published > b.published ? 1 : a.id - b.id;
  });
}
