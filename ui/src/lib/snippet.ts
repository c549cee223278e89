// Search snippets come from the core as plain text with the matched words between « and »
// (docs/search.md). They are split here into text and marked parts that the view renders as
// text nodes and <mark> elements: a snippet is never parsed as HTML.

export type SnippetPart = { text: string; mark: boolean };

const OPEN = "\u00ab";
const CLOSE = "\u00bb";

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push({ text: rest, mark: false });
      break;
    }
    const close = rest.indexOf(CLOSE, open + 1);
    if (close < 0) {
      // An unclosed marker cannot come from the core; showing the rest as text loses nothing.
      parts.push({ text: rest, mark: false });
      break;
    }
    if (open > 0) {
      parts.push({ text: rest.slice(0, open), mark: false });
    }
    if (close > open + 1) {
      parts.push({ text: rest.slice(open + 1, close), mark: true });
    }
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** The distinct words the snippet marks, as the document spells them, for the reader to find. */
export function markedTerms(snippet: string): string[] {
  const seen = new Map<string, string>();
  for (const part of splitSnippet(snippet)) {
    const term = part.text.trim();
    if (part.mark && term !== "" && !seen.has(term.toLocaleLowerCase())) {
      seen.set(term.toLocaleLowerCase(), term);
    }
  }
  return [...seen.values()];
}
