// The keyboard shortcuts the `?` overlay lists, in one table beside the code that decides when
// `?` opens it: never while someone is typing (a `?` in a note or a search is text). Pure,
// so it is unit-tested; the handlers themselves stay in the views that own them.

/** `keys` are pressed together (Ctrl+K); `or` lists single keys that do the same or the opposite (↑ or ↓). */
export type Shortcut = { keys: string[]; or?: string[]; what: string };
export type ShortcutGroup = { where: string; shortcuts: Shortcut[] };

export const SHORTCUTS: ShortcutGroup[] = [
  {
    where: "Anywhere",
    shortcuts: [
      { keys: ["?"], what: "Show these shortcuts" },
      { keys: ["Ctrl", "K"], what: "Search the case" },
      { keys: ["Esc"], what: "Close the reader, a popup or this list; else back to the library" },
    ],
  },
  {
    where: "Lists (library, search hits, quotes, people)",
    shortcuts: [
      { keys: ["↑"], or: ["↓"], what: "Previous or next row" },
      { keys: ["Page Up"], or: ["Page Down"], what: "A page up or down" },
      { keys: ["Home"], or: ["End"], what: "First or last row" },
      { keys: ["Enter"], what: "Open the selected document or hit" },
    ],
  },
  {
    where: "Reader",
    shortcuts: [
      { keys: ["Ctrl", "F"], what: "Find in the document" },
      { keys: ["Enter"], what: "Next match (in the find box)" },
      { keys: ["Shift", "Enter"], what: "Previous match (in the find box)" },
    ],
  },
  {
    where: "Quotes review",
    shortcuts: [
      { keys: ["C"], what: "Confirm the quote" },
      { keys: ["R"], what: "Reject the quote" },
      { keys: ["U"], what: "Back to unreviewed" },
      { keys: ["S"], what: "Edit the speaker" },
      { keys: ["E"], what: "Edit the span" },
    ],
  },
  {
    where: "People and timeline",
    shortcuts: [
      { keys: ["Ctrl", "Z"], what: "Undo the last merge, split, rename or removed tag" },
      { keys: ["+"], or: ["−"], what: "Zoom the timeline in or out" },
      { keys: ["←"], or: ["→"], what: "Move the timeline earlier or later" },
    ],
  },
  {
    where: "Notes",
    shortcuts: [
      { keys: ["[@"], what: "Cite a quote, document or event (suggestions follow)" },
      { keys: ["Ctrl", "S"], what: "Save the note" },
    ],
  },
];

/** Whether a key event happens where typing goes: a text box, a list box or the note editor. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") {
    return false;
  }
  const element = target as HTMLElement;
  if (element.isContentEditable || element.closest("[contenteditable=true], .cm-editor")) {
    return true;
  }
  const tag = element.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/** Whether this key press should open the shortcuts list. */
export function opensShortcuts(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }): boolean {
  return event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
}
