//! Where a note's prose is: the blocks of text (paragraphs, headings, list items, table cells)
//! and the ranges that are not prose (code, raw HTML), found with pulldown-cmark so that a
//! citation inside a code span is not a citation.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The Markdown dialect of notes: CommonMark with tables, footnotes and strikethrough.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// A note's layout, as byte ranges into its text, each list in source order.
pub struct Layout {
    /// Runs of prose: from the first to the last inline text of each paragraph, heading,
    /// list item or table cell.
    pub blocks: Vec<Range<usize>>,
    /// Code spans, code blocks and raw HTML, which are never read for citations or quotes.
    pub opaque: Vec<Range<usize>>,
}

impl Layout {
    /// Whether `range` touches anything opaque. Opaque ranges never overlap one another, so
    /// the only candidate is the last one starting before `range` ends (a binary search, which
    /// keeps reading a note with thousands of code spans linear).
    pub fn is_opaque(&self, range: &Range<usize>) -> bool {
        let candidates = self.opaque.partition_point(|o| o.start < range.end);
        candidates > 0 && self.opaque[candidates - 1].end > range.start
    }
}

pub fn layout(text: &str) -> Layout {
    let mut blocks = Vec::new();
    let mut opaque = Vec::new();
    // Each open block collects the extent of its own inline events; a nested list item gets its
    // own entry, so an item's text never swallows the items under it.
    let mut open: Vec<Option<Range<usize>>> = Vec::new();
    let mut in_code_block = false;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                opaque.push(range);
            }
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item) => {
                open.push(None)
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) => {
                if let Some(Some(extent)) = open.pop() {
                    blocks.push(extent);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => opaque.push(range),
            Event::Code(_) => {
                opaque.push(range.clone());
                extend(&mut open, range);
            }
            Event::Text(_) if in_code_block => {}
            Event::Text(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_) => extend(&mut open, range),
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.start);
    opaque.sort_by_key(|o| o.start);
    Layout { blocks, opaque }
}

fn extend(open: &mut [Option<Range<usize>>], range: Range<usize>) {
    if let Some(slot) = open.last_mut() {
        *slot = Some(match slot.take() {
            None => range,
            Some(extent) => extent.start.min(range.start)..extent.end.max(range.end),
        });
    }
}

/// 1-based line and column (in characters) of byte offsets into a text.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    pub fn position(&self, byte: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        let start = self.starts[line - 1];
        let column = self.text[start..byte.min(self.text.len())].chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn blocks_are_prose_and_code_is_opaque() {
        let text = "# Title\n\nOne *two* `three`.\n\n```\n[@q1]\n```\n\n- item\n  - nested\n\n| a | b |\n|---|---|\n| c | <b>d</b> |\n";
        let layout = layout(text);
        assert_eq!(
            slices(text, &layout.blocks),
            [
                "Title",
                "One *two* `three`.",
                "item",
                "nested",
                "a",
                "b",
                "c",
                "d"
            ]
        );
        assert_eq!(
            slices(text, &layout.opaque),
            ["`three`", "```\n[@q1]\n```", "<b>", "</b>"]
        );
    }

    #[test]
    fn positions_are_lines_and_character_columns() {
        let lines = Lines::new("ab\nçé x\n");
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(3), (2, 1));
        assert_eq!(lines.position("ab\nçé ".len()), (2, 4));
    }
}
