// The library's thread rows: their count in words, and the row's own message sorted among the
// other messages of its thread.
import { describe, expect, it } from "vitest";
import { messagesLabel, wholeThread } from "./threads";

const message = (id: number, published: string | null) => ({ id, title: `m${id}`, sender: null, published });

describe("messagesLabel", () => {
  it("counts messages in words", () => {
    expect(messagesLabel(1)).toBe("1 message");
    expect(messagesLabel(1200)).toBe("1,200 messages");
  });
});

describe("wholeThread", () => {
  it("puts the row's message among the others, oldest first and undated last", () => {
    const others = [message(1, "2024-01-01"), message(4, "2024-01-04"), message(2, null)];
    const ids = wholeThread(message(3, "2024-01-03"), others).map((m) => m.id);
    expect(ids).toEqual([1, 3, 4, 2]);
  });

  it("lists the row's message once even when the others name it", () => {
    const ids = wholeThread(message(3, "2024-01-03"), [message(3, "2024-01-03"), message(5, "2024-01-03")]).map((m) => m.id);
    expect(ids).toEqual([3, 5]);
  });
});
