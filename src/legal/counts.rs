//! Counts: "COUNT ONE", "COUNT 1", "COUNTS TWO THROUGH FIVE", their headings and statutes.

use std::sync::OnceLock;

use regex::Regex;

use super::statutes;
use super::text::{lines, squash, CharIndex, Line};
use super::Count;

/// The widest range a "COUNTS X THROUGH Y" heading may span; more is a misreading.
const MAX_RANGE: u32 = 200;

fn heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = r"(?:\d{1,3}|[a-z]+(?:[- ][a-z]+)?)";
        Regex::new(&format!(
            r"(?i)^\s*counts?\s+({n})(?:\s*(?:through|thru|to|-|–|—|and)\s*({n}))?\s*[:.]?\s*(\(.*\))?\s*$"
        ))
        .expect("valid regex")
    })
}

/// Where the counts end and the closing matter (forfeiture, signatures) begins.
pub(super) fn closing_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:forfeiture\s+allegations?|notice\s+of\s+forfeiture|criminal\s+forfeiture|a\s+true\s+bill|dated\b|respectfully\s+submitted)")
            .expect("valid regex")
    })
}

/// A count heading found on a line: its numbers and inline heading.
struct Heading<'a> {
    line: usize,
    numbers: Vec<u32>,
    inline: Option<&'a str>,
}

pub(super) fn find(
    text: &str,
    ix: &CharIndex,
    page_of: &dyn Fn(usize) -> Option<u32>,
) -> Vec<Count> {
    let all = lines(text);
    let mut headings = Vec::new();
    let mut closing = None;
    for (i, l) in all.iter().enumerate() {
        // Count headings are short; skipping long lines keeps megabyte lines cheap.
        if l.text.len() <= 200 {
            if let Some(h) = parse_heading(l.text, i) {
                headings.push(h);
                continue;
            }
        }
        if !headings.is_empty() && closing.is_none() && closing_re().is_match(l.text) {
            closing = Some(i);
        }
    }
    let mut out = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let next = headings.get(k + 1).map(|n| n.line);
        let end_line = match (next, closing) {
            (Some(n), Some(c)) if c > h.line => n.min(c),
            (Some(n), _) => n,
            (None, Some(c)) if c > h.line => c,
            _ => all.len(),
        };
        let start = all[h.line].start;
        let end = if end_line < all.len() {
            all[end_line].start
        } else {
            text.len()
        };
        let body = text[start..end].trim_end();
        let heading = heading_text(h.inline, &all[h.line + 1..end_line]);
        let mut cited = heading.as_deref().map(statutes::cited).unwrap_or_default();
        for s in statutes::cited(body) {
            if !cited.contains(&s) {
                cited.push(s);
            }
        }
        let named = heading
            .as_deref()
            .map(statutes::strip_citations)
            .filter(|s| !s.is_empty());
        let description = named
            .clone()
            .or_else(|| statutes::describe(&cited))
            .unwrap_or_default();
        let (cs, ce) = (ix.char_at(start), ix.char_at(start + body.len()));
        for &number in &h.numbers {
            out.push(Count {
                number,
                heading: heading.clone(),
                statutes: cited.clone(),
                description: description.clone(),
                start: cs,
                end: ce,
                page: page_of(cs),
            });
        }
    }
    out
}

fn parse_heading(line: &str, index: usize) -> Option<Heading<'_>> {
    let c = heading_re().captures(line)?;
    let first = number(c.get(1)?.as_str())?;
    let numbers = match c.get(2) {
        Some(m) => {
            let last = number(m.as_str())?;
            let joined_by_and = line[c.get(1)?.end()..m.start()]
                .to_lowercase()
                .contains("and");
            if joined_by_and {
                vec![first, last]
            } else if last >= first && last - first <= MAX_RANGE {
                (first..=last).collect()
            } else {
                return None;
            }
        }
        None => vec![first],
    };
    let inline = c.get(3).map(|m| m.as_str());
    Some(Heading {
        line: index,
        numbers,
        inline,
    })
}

/// The parenthesised lines right under the count line, joined, without the parentheses:
/// "(Conspiracy to Commit Wire Fraud)" or "(Wire Fraud — 18 U.S.C. § 1343)".
fn heading_text(inline: Option<&str>, after: &[Line]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(i) = inline {
        parts.push(i.to_string());
    }
    let mut open = false;
    let mut current = String::new();
    for l in after.iter().take(8) {
        let t = l.text.trim();
        if t.is_empty() {
            if open || current.is_empty() {
                continue;
            }
            break;
        }
        if !open && !t.starts_with('(') {
            break;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(t);
        open = current.matches('(').count() > current.matches(')').count();
        if !open {
            parts.push(std::mem::take(&mut current));
        }
    }
    let inner: Vec<String> = parts
        .iter()
        .map(|p| {
            // Only the outer pair goes: statutes inside end with their own parentheses.
            let p = p.trim();
            let p = p.strip_prefix('(').unwrap_or(p);
            squash(p.strip_suffix(')').unwrap_or(p))
        })
        .filter(|p| !p.is_empty())
        .collect();
    (!inner.is_empty()).then(|| inner.join("; "))
}

/// Parses "12", "TWELVE", "Twenty-One" or "twenty one".
pub(super) fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (n > 0).then_some(n);
    }
    const UNITS: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = word.to_lowercase();
    let mut parts = lower.split(['-', ' ']).filter(|p| !p.is_empty());
    let first = parts.next()?;
    let second = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if let Some(u) = UNITS.iter().position(|&u| u == first) {
        return second.is_none().then_some(u as u32 + 1);
    }
    let t = TENS.iter().position(|&t| t == first)? as u32;
    let unit = match second {
        None => 0,
        Some(s) => UNITS.iter().take(9).position(|&u| u == s)? as u32 + 1,
    };
    Some(20 + t * 10 + unit)
}
