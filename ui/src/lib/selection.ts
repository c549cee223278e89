// Turning a DOM selection in the reader into character offsets into the document's text.
// Each paragraph element carries `data-start`, its first character's offset; the text before
// a selection boundary inside the paragraph is measured with a Range, so <mark> elements and
// other inline wrappers do not disturb the count.

import { charLength } from "./text";

function boundaryOffset(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const para = element?.closest<HTMLElement>("[data-start]");
  if (!para || !root.contains(para)) {
    return null;
  }
  const range = document.createRange();
  range.setStart(para, 0);
  range.setEnd(node, offset);
  return Number(para.dataset.start) + charLength(range.toString());
}

/**
 * The selected span [start, end) in characters of the text whose characters are `chars`,
 * trimmed of surrounding whitespace; null when nothing inside `root` is selected.
 */
export function selectionInText(
  root: HTMLElement,
  selection: Selection | null,
  chars: string[],
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return null;
  }
  const range = selection.getRangeAt(0);
  let start = boundaryOffset(root, range.startContainer, range.startOffset);
  let end = boundaryOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null) {
    return null;
  }
  while (start < end && /\s/u.test(chars[start] ?? "")) {
    start++;
  }
  while (end > start && /\s/u.test(chars[end - 1] ?? "")) {
    end--;
  }
  return end > start ? { start, end } : null;
}
