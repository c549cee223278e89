//! Defendants and their aliases from the caption, and name variants for entity linking.

use std::sync::OnceLock;

use regex::Regex;

use super::text::{title_case, CharIndex, Line};
use super::Defendant;

fn alias_marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?i)(?:^|[\s,;(])(a/k/a|a\.k\.a\.?|f/k/a|aka|also\s+known\s+as)\b\.?\s*:?\s*"#,
        )
        .expect("valid regex")
    })
}

/// Reads "NAME, a/k/a "Alias," a/k/a "Other," and NAME2" from the caption lines.
pub(super) fn parse_parties(pieces: &[Line], ix: &CharIndex) -> Vec<Defendant> {
    let mut out: Vec<Defendant> = Vec::new();
    for piece in pieces {
        let text = piece.text;
        let mut cursor = 0;
        for m in alias_marker().captures_iter(text) {
            let whole = m.get(0).expect("a match has a whole group");
            if whole.start() < cursor {
                continue;
            }
            names_in(
                &text[cursor..whole.start()],
                piece.start + cursor,
                ix,
                &mut out,
            );
            let (alias, used) = alias_value(&text[whole.end()..]);
            if let (Some(alias), Some(last)) = (alias, out.last_mut()) {
                if !last.aliases.contains(&alias) {
                    last.aliases.push(alias);
                }
            }
            cursor = whole.end() + used;
        }
        names_in(
            &text[cursor.min(text.len())..],
            piece.start + cursor.min(text.len()),
            ix,
            &mut out,
        );
    }
    out
}

/// The alias right after a marker: the quoted text when it starts with a quote, else up
/// to the next comma. Returns it with the number of bytes it used.
fn alias_value(rest: &str) -> (Option<String>, usize) {
    let trimmed = rest.trim_start();
    let lead = rest.len() - trimmed.len();
    let mut chars = trimmed.char_indices();
    let (value, used) = match chars.next() {
        Some((_, q @ ('"' | '\u{201c}' | '\''))) => {
            let close: &[char] = if q == '\'' {
                &['\'']
            } else {
                &['"', '\u{201d}']
            };
            let body = &trimmed[q.len_utf8()..];
            match body.find(close) {
                Some(end) => {
                    let close_len = body[end..].chars().next().map_or(1, char::len_utf8);
                    (&body[..end], q.len_utf8() + end + close_len)
                }
                None => (body, trimmed.len()),
            }
        }
        Some(_) => {
            let end = trimmed.find([',', ';', ')']).unwrap_or(trimmed.len());
            (&trimmed[..end], end)
        }
        None => ("", 0),
    };
    let value = value.trim().trim_end_matches([',', '.', ';']).trim();
    ((!value.is_empty()).then(|| value.to_string()), lead + used)
}

/// Adds every name in a stretch of caption text that holds no alias marker.
fn names_in(stretch: &str, base: usize, ix: &CharIndex, out: &mut Vec<Defendant>) {
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    static NUMBERING: OnceLock<Regex> = OnceLock::new();
    let split = SPLIT.get_or_init(|| Regex::new(r"(?i)[,;\n]|\band\b|&").expect("valid regex"));
    let numbering = NUMBERING
        .get_or_init(|| Regex::new(r"^\(?\d{1,2}\)?\.?\s+|\s*\(\d{1,2}\)$").expect("valid regex"));
    let mut start = 0;
    let mut bounds: Vec<(usize, usize)> = split
        .find_iter(stretch)
        .map(|m| (m.start(), m.end()))
        .collect();
    bounds.push((stretch.len(), stretch.len()));
    for (end, next) in bounds {
        let raw = &stretch[start..end];
        start = next;
        let mut s = raw;
        while let Some(m) = numbering.find(s) {
            s = if m.start() == 0 {
                &s[m.end()..]
            } else {
                &s[..m.start()]
            };
        }
        let trimmed = s
            .trim()
            .trim_matches(['"', '\u{201c}', '\u{201d}', '.', ' ']);
        if !looks_like_name(trimmed) {
            continue;
        }
        let at = base + (trimmed.as_ptr() as usize - stretch.as_ptr() as usize);
        out.push(Defendant {
            name: trimmed.to_string(),
            aliases: Vec::new(),
            start: ix.char_at(at),
            end: ix.char_at(at + trimmed.len()),
        });
    }
}

/// A person's or company's name: one to eight words, mostly letters, printed in capitals
/// or with each word capitalised.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || s.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let letters_ok = s
        .chars()
        .all(|c| c.is_alphabetic() || " .'-\u{2019}".contains(c));
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    // Words of the charges cell of a caption box, which a scattered layout can interleave
    // with the parties.
    const CHARGE_WORDS: [&str; 14] = [
        "commit",
        "conspiracy",
        "fraud",
        "violation",
        "violations",
        "title",
        "section",
        "code",
        "count",
        "theft",
        "identity",
        "aggravated",
        "forfeiture",
        "laundering",
    ];
    let charge_word = words.iter().any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        CHARGE_WORDS.contains(&bare.as_str())
    });
    letters_ok && capitalised && !charge_word
}

/// The most defendants read from the body; a caption rarely names more.
const MAX_BODY_DEFENDANTS: usize = 20;

/// Defendants named in the body as "the defendant ANDREI VOLKOV" or "defendants JOHN DOE
/// and ...": names in capitals of two to five words, each kept once at its first mention.
pub(super) fn from_body(text: &str, ix: &CharIndex) -> Vec<Defendant> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b[Dd]efendants?,?\s+([A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-]+){1,4})\b")
            .expect("valid regex")
    });
    let mut out: Vec<Defendant> = Vec::new();
    for c in re.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        if out.iter().any(|d| d.name == m.as_str()) {
            continue;
        }
        out.push(Defendant {
            name: m.as_str().to_string(),
            aliases: Vec::new(),
            start: ix.char_at(m.start()),
            end: ix.char_at(m.end()),
        });
        if out.len() >= MAX_BODY_DEFENDANTS {
            break;
        }
    }
    out
}

/// A defendant's name as an entity name: title-cased when printed in capitals, without the
/// punctuation the caption puts after it. "PETER YURYEVICH LEVASHOV," gives
/// "Peter Yuryevich Levashov"; linking it to the press's "Pyotr Levashov" is the entity
/// store's work (`entities::names::compatible_given_names`).
pub fn person_name(name: &str) -> String {
    title_case(name.trim().trim_end_matches([',', '.', ';']).trim())
}
