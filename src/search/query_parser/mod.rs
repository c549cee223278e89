//! Dossier's own query language, parsed into a small syntax tree.
//!
//! We parse queries ourselves instead of using tantivy's `QueryParser` so that the semantics
//! (words ANDed, `OR` binding tighter than the implicit AND, honest date intervals) and the
//! error messages (naming the problem and its character position) are ours and stable.
//! The grammar, in order of binding strength from loosest to tightest:
//!
//! ```text
//! query   := and
//! and     := or (("AND")? or)*
//! or      := unary ("OR" unary)*
//! unary   := ("-" | "NOT") unary | primary
//! primary := "(" and ")" | FIELD ":" value | value
//! value   := WORD | WORD "*" | WORD "~" [1-2]? | "\"" PHRASE "\"" ("~" N)?
//! ```
//!
//! Parentheses and exclusions nest at most [`MAX_DEPTH`] deep. The parser recurses once per
//! level, and so do the query builder, the snippet highlighter and even dropping the tree, so
//! without the bound a query of a thousand dashes or ten thousand parentheses would overflow
//! the stack and take the app's window down with it. Everything else (words, `OR` chains,
//! `AND` chains) is parsed by loops into flat lists, so input length alone never deepens the
//! recursion.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::model::DocumentKind;
use crate::{Error, Result};

/// The text fields a filter can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Bare words: title, text and keywords.
    Any,
    Title,
    Outlet,
    Tag,
    Speaker,
}

impl TextField {
    fn prefix(self) -> &'static str {
        match self {
            TextField::Any => "",
            TextField::Title => "title:",
            TextField::Outlet => "outlet:",
            TextField::Tag => "tag:",
            TextField::Speaker => "speaker:",
        }
    }
}

/// What a text value asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// A word, stemmed for recall.
    Word(String),
    /// An exact phrase; `slop` > 0 is a proximity search.
    Phrase {
        text: String,
        slop: u32,
    },
    Prefix(String),
    Fuzzy {
        word: String,
        distance: u8,
    },
}

/// What `kind:` filters on: a document's kind, or the kind of hit (documents, quotes…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFilter {
    Document(DocumentKind),
    Hit(&'static str),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Text(TextField, Match),
    Kind(KindFilter),
    Doc(i64),
    /// Documents a person marked: `is:starred`, `is:reviewed`.
    Is(&'static str),
    /// Publication intervals overlapping `[start, end)`, in unix seconds (UTC); None is open.
    Date {
        start: Option<i64>,
        end: Option<i64>,
    },
}

/// The hit kinds of the index (notes arrive with their feature).
pub const HIT_KINDS: [&str; 4] = ["document", "quote", "event", "note"];

/// How deep parentheses and exclusions (`-`, `NOT`) may nest inside one another. Real queries
/// use two or three levels; the bound keeps every recursive walk of the tree far from the
/// stack's end, even on a 2 MB thread in debug builds.
pub const MAX_DEPTH: usize = 32;

const FIELDS: &str = "title, outlet, kind, tag, speaker, doc, is, date, after, before";

/// The marks `is:` filters on.
pub const MARKS: [&str; 2] = ["starred", "reviewed"];

fn fmt_date(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, name: &str, nodes: &[Node]| {
            write!(f, "({name}")?;
            for n in nodes {
                write!(f, " {n}")?;
            }
            write!(f, ")")
        };
        match self {
            Node::And(nodes) => list(f, "and", nodes),
            Node::Or(nodes) => list(f, "or", nodes),
            Node::Not(node) => write!(f, "(not {node})"),
            Node::Text(field, m) => {
                f.write_str(field.prefix())?;
                match m {
                    Match::Word(w) => write!(f, "{w}"),
                    Match::Phrase { text, slop: 0 } => write!(f, "\"{text}\""),
                    Match::Phrase { text, slop } => write!(f, "\"{text}\"~{slop}"),
                    Match::Prefix(p) => write!(f, "{p}*"),
                    Match::Fuzzy { word, distance } => write!(f, "{word}~{distance}"),
                }
            }
            Node::Kind(KindFilter::Document(k)) => write!(f, "kind:{}", k.as_str()),
            Node::Kind(KindFilter::Hit(k)) => write!(f, "hit:{k}"),
            Node::Doc(id) => write!(f, "doc:{id}"),
            Node::Is(mark) => write!(f, "is:{mark}"),
            Node::Date { start, end } => write!(
                f,
                "date:[{},{})",
                start.map(fmt_date).unwrap_or_default(),
                end.map(fmt_date).unwrap_or_default()
            ),
        }
    }
}

/// Parses a query, or explains what is wrong with it and at which character.
pub fn parse(input: &str) -> Result<Node> {
    let mut p = Parser {
        chars: input.chars().collect(),
        pos: 0,
        depth: 0,
    };
    p.skip_space();
    if p.at_end() {
        return Err(Error::invalid_input("empty query: type at least one word"));
    }
    let node = p.parse_and()?;
    p.skip_space();
    if let Some(c) = p.peek() {
        return Err(p.error_at(p.pos, &format!("unexpected '{c}'")));
    }
    Ok(node)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    /// How many parentheses and exclusions enclose the cursor.
    depth: usize,
}

fn has_letters(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Characters that end a bare word.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"')
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn error_at(&self, pos: usize, problem: &str) -> Error {
        Error::invalid_input(format!("{problem} at character {pos} of the query"))
    }

    /// Enters one more level of parentheses or exclusion starting at `at`, or refuses to.
    fn descend(&mut self, at: usize) -> Result<()> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_at(
                at,
                &format!(
                    "the query nests too deeply (at most {MAX_DEPTH} parentheses and \
                     exclusions inside one another)"
                ),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// The bare word starting at the cursor, without consuming it.
    fn peek_word(&self) -> String {
        self.chars[self.pos..]
            .iter()
            .take_while(|c| !is_delimiter(**c))
            .collect()
    }

    fn at_keyword(&self, keyword: &str) -> bool {
        self.peek_word() == keyword
    }

    fn parse_and(&mut self) -> Result<Node> {
        let mut nodes = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None | Some(')') => break,
                _ => {}
            }
            if self.at_keyword("AND") {
                if nodes.is_empty() {
                    return Err(self.error_at(self.pos, "AND needs a term before it"));
                }
                self.pos += 3;
                self.skip_space();
                if self.at_end() || self.peek() == Some(')') {
                    return Err(self.error_at(self.pos, "AND needs a term after it"));
                }
                continue;
            }
            nodes.push(self.parse_or()?);
        }
        Ok(if nodes.len() == 1 {
            nodes.pop().expect("one node")
        } else {
            Node::And(nodes)
        })
    }

    fn parse_or(&mut self) -> Result<Node> {
        if self.at_keyword("OR") {
            return Err(self.error_at(self.pos, "OR needs a term before it"));
        }
        let mut nodes = vec![self.parse_unary()?];
        loop {
            let save = self.pos;
            self.skip_space();
            if !self.at_keyword("OR") {
                self.pos = save;
                break;
            }
            let or_pos = self.pos;
            self.pos += 2;
            self.skip_space();
            if self.at_end() || self.peek() == Some(')') || self.at_keyword("OR") {
                return Err(self.error_at(or_pos, "OR needs a term after it"));
            }
            nodes.push(self.parse_unary()?);
        }
        Ok(if nodes.len() == 1 {
            nodes.pop().expect("one node")
        } else {
            Node::Or(nodes)
        })
    }

    fn parse_unary(&mut self) -> Result<Node> {
        let start = self.pos;
        let negated = if self.peek() == Some('-') {
            self.pos += 1;
            true
        } else if self.at_keyword("NOT") {
            self.pos += 3;
            self.skip_space();
            true
        } else {
            false
        };
        if negated {
            if self.at_end() || self.peek().is_some_and(|c| c.is_whitespace() || c == ')') {
                return Err(self.error_at(start, "nothing to exclude after '-' or NOT"));
            }
            self.descend(start)?;
            let inner = self.parse_unary()?;
            self.depth -= 1;
            return Ok(Node::Not(Box::new(inner)));
        }
        self.parse_primary()
    }

    fn parse_primary(&mut self) -> Result<Node> {
        let start = self.pos;
        match self.peek() {
            Some('(') => {
                self.pos += 1;
                self.skip_space();
                if self.peek() == Some(')') {
                    return Err(self.error_at(start, "empty parentheses"));
                }
                self.descend(start)?;
                let node = self.parse_and()?;
                self.depth -= 1;
                self.skip_space();
                if self.peek() != Some(')') {
                    return Err(self.error_at(start, "unclosed parenthesis"));
                }
                self.pos += 1;
                Ok(node)
            }
            Some(')') => Err(self.error_at(start, "unexpected ')'")),
            Some('"') => Ok(Node::Text(TextField::Any, self.parse_phrase()?)),
            _ => {
                let word = self.peek_word();
                if let Some(colon) = word.find(':') {
                    let name = &word[..colon];
                    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
                        self.pos += name.chars().count() + 1;
                        return self.parse_field(name, start);
                    }
                }
                self.parse_value(TextField::Any)
                    .map(|m| Node::Text(TextField::Any, m))
            }
        }
    }

    /// A quoted phrase with an optional `~N` proximity.
    fn parse_phrase(&mut self) -> Result<Match> {
        let start = self.pos;
        self.pos += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error_at(start, "unclosed quote")),
                Some('"') => break,
                Some(c) => text.push(c),
            }
            self.pos += 1;
        }
        self.pos += 1;
        if text.trim().is_empty() {
            return Err(self.error_at(start, "empty phrase"));
        }
        if !has_letters(&text) {
            return Err(self.error_at(start, "the phrase has no letters or digits to search for"));
        }
        let mut slop = 0;
        if self.peek() == Some('~') {
            let tilde = self.pos;
            self.pos += 1;
            let digits = self.take_digits();
            slop = digits
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= 100)
                .ok_or_else(|| {
                    self.error_at(tilde, "'~' after a phrase needs a distance from 0 to 100")
                })?;
        }
        Ok(Match::Phrase {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            slop,
        })
    }

    fn take_digits(&mut self) -> String {
        let digits: String = self.chars[self.pos..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        self.pos += digits.len();
        digits
    }

    /// A word, `prefix*`, `fuzzy~N` or a phrase.
    fn parse_value(&mut self, field: TextField) -> Result<Match> {
        if self.peek() == Some('"') {
            return self.parse_phrase();
        }
        let start = self.pos;
        let word = self.peek_word();
        self.pos += word.chars().count();
        if word.is_empty() {
            return Err(self.error_at(start, &format!("missing value after '{}'", field.prefix())));
        }
        if !has_letters(&word) {
            return Err(self.error_at(
                start,
                &format!("'{word}' has no letters or digits to search for"),
            ));
        }
        if let Some(stem) = word.strip_suffix('*') {
            if stem.contains('*') || stem.contains('~') {
                return Err(self.error_at(start, "'*' is only allowed at the end of a word"));
            }
            if stem.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return Err(self.error_at(start, "a prefix needs at least 2 letters before '*'"));
            }
            return Ok(Match::Prefix(stem.to_string()));
        }
        if word.contains('*') {
            return Err(self.error_at(start, "'*' is only allowed at the end of a word"));
        }
        if let Some((stem, distance)) = word.split_once('~') {
            let distance = match distance {
                "" => 1,
                "1" => 1,
                "2" => 2,
                _ => {
                    return Err(self.error_at(
                        start + stem.chars().count(),
                        "fuzzy '~' takes an edit distance of 1 or 2",
                    ))
                }
            };
            if stem.is_empty() {
                return Err(self.error_at(start, "'~' needs a word before it"));
            }
            return Ok(Match::Fuzzy {
                word: stem.to_string(),
                distance,
            });
        }
        Ok(Match::Word(word))
    }

    fn parse_field(&mut self, name: &str, start: usize) -> Result<Node> {
        let text_field = match name {
            "title" => Some(TextField::Title),
            "outlet" => Some(TextField::Outlet),
            "tag" => Some(TextField::Tag),
            "speaker" => Some(TextField::Speaker),
            _ => None,
        };
        let value_at = self.pos;
        if self.at_end() || self.peek().is_some_and(|c| c.is_whitespace() || c == ')') {
            return Err(self.error_at(start, &format!("missing value after '{name}:'")));
        }
        if let Some(field) = text_field {
            return Ok(Node::Text(field, self.parse_value(field)?));
        }
        if !matches!(name, "kind" | "doc" | "is" | "date" | "after" | "before") {
            return Err(self.error_at(
                start,
                &format!("unknown field '{name}:' (known fields: {FIELDS})"),
            ));
        }
        let value = self.peek_word();
        self.pos += value.chars().count();
        match name {
            "kind" => {
                let lower = value.to_ascii_lowercase();
                if let Some(hit) = HIT_KINDS.iter().find(|k| **k == lower) {
                    return Ok(Node::Kind(KindFilter::Hit(hit)));
                }
                DocumentKind::parse(&value)
                    .map(|k| Node::Kind(KindFilter::Document(k)))
                    .ok_or_else(|| {
                        let kinds: Vec<&str> =
                            DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
                        self.error_at(
                            value_at,
                            &format!("unknown kind '{value}' (use one of {})", kinds.join(", ")),
                        )
                    })
            }
            "is" => {
                let lower = value.to_ascii_lowercase();
                MARKS
                    .iter()
                    .find(|m| **m == lower)
                    .map(|m| Node::Is(m))
                    .ok_or_else(|| {
                        self.error_at(
                            value_at,
                            &format!("unknown mark '{value}' (use is:starred or is:reviewed)"),
                        )
                    })
            }
            "doc" => value.parse::<i64>().map(Node::Doc).map_err(|_| {
                self.error_at(
                    value_at,
                    &format!("doc: needs a document id, not '{value}'"),
                )
            }),
            _ => self.parse_date(name, &value, value_at),
        }
    }

    fn parse_date(&self, name: &str, value: &str, at: usize) -> Result<Node> {
        let bad = |problem: &str| self.error_at(at, problem);
        let one = |text: &str| {
            parse_period(text).ok_or_else(|| {
                bad(&format!(
                    "'{text}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
                ))
            })
        };
        let (start, end) = match name {
            "after" => (Some(one(value)?.1), None),
            "before" => (None, Some(one(value)?.0)),
            _ => match value.split_once("..") {
                None => {
                    let (s, e) = one(value)?;
                    (Some(s), Some(e))
                }
                Some((from, to)) => {
                    if from.is_empty() && to.is_empty() {
                        return Err(bad("a date range needs at least one end"));
                    }
                    let s = (!from.is_empty()).then(|| one(from)).transpose()?;
                    let e = (!to.is_empty()).then(|| one(to)).transpose()?;
                    (s.map(|p| p.0), e.map(|p| p.1))
                }
            },
        };
        if let (Some(s), Some(e)) = (start, end) {
            if s >= e {
                return Err(bad("the date range ends before it starts"));
            }
        }
        Ok(Node::Date { start, end })
    }
}

/// A year, month or day as the half-open interval `[start, end)` of unix seconds in UTC.
pub fn parse_period(text: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = text.split('-').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |i: usize| parts[i].parse::<u32>().ok();
    if parts[0].len() != 4 {
        return None;
    }
    let year = parts[0].parse::<i32>().ok()?;
    let (start, end) = match parts.len() {
        1 => (
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
        ),
        2 => {
            let start = NaiveDate::from_ymd_opt(year, num(1)?, 1)?;
            let end = if start.month() == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, start.month() + 1, 1)?
            };
            (start, end)
        }
        3 => {
            let start = NaiveDate::from_ymd_opt(year, num(1)?, num(2)?)?;
            (start, start.succ_opt()?)
        }
        _ => return None,
    };
    let secs = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
    Some((secs(start)?, secs(end)?))
}

#[cfg(test)]
mod tests;
