//! The head of a filing: document type, court, case number and caption; and the filing
//! date, which is usually at the end.

use std::sync::OnceLock;

use regex::Regex;

use super::text::{lines, squash, title_case, CharIndex, Line};
use super::{Caption, Defendant};

/// How much of the start of the text holds the head of the document. Captions sit on the
/// first page; bounding the region keeps stray matches deep in the body out.
const HEAD_BYTES: usize = 20_000;

pub(super) struct Head {
    pub doc_type: &'static str,
    pub court: Option<String>,
    pub case_number: Option<String>,
    pub caption: Caption,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

pub(super) fn read_head(text: &str, ix: &CharIndex) -> Option<Head> {
    let mut cut = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head_lines = lines(&text[..cut]);
    let doc_type = head_lines.iter().find_map(|l| doc_type(l.text));
    let court = court(&head_lines);
    let case_number = case_number(&text[..cut]);
    let mut caption = caption(&head_lines, ix);
    // When the caption could not be read (a layout that scattered its box), the defendants
    // are taken from "the defendant NAME" in the body instead.
    if let Some(c) = caption.as_mut().filter(|c| c.defendants.is_empty()) {
        c.defendants = super::names::from_body(text, ix);
    }
    let has_caption = caption.as_ref().is_some_and(|c| !c.defendants.is_empty());
    let doc_type = match doc_type {
        Some(t) if court.is_some() || case_number.is_some() || has_caption => t,
        // A filing that names no charging document still needs both a court and a docket
        // or parties, so that letters and articles quoting a court stay out.
        None if court.is_some() && (case_number.is_some() || has_caption) => "court_filing",
        _ => return None,
    };
    Some(Head {
        doc_type,
        court,
        case_number,
        caption: caption.unwrap_or_default(),
    })
}

/// Recognises a line that names the kind of document, standing alone as titles do.
fn doc_type(line: &str) -> Option<&'static str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let caps = re(
        &RE,
        r"(?i)^\s*(?:(?:sealed|redacted|unsealed)\s+)?(?:(superseding)\s+)?(?:(?:criminal|sealed)\s+)?(indictment|information|complaint|affidavit in support of (?:an? )?(?:criminal )?complaint)(?:\s+no\.?\s*\S+)?\s*$",
    )
    .captures(line)?;
    let kind = caps.get(2)?.as_str().to_lowercase();
    let superseding = caps.get(1).is_some();
    Some(match kind.as_str() {
        "indictment" if superseding => "superseding_indictment",
        "indictment" => "indictment",
        "information" => "information",
        _ => "complaint",
    })
}

fn court(head: &[Line]) -> Option<String> {
    static COURT: OnceLock<Regex> = OnceLock::new();
    static DISTRICT: OnceLock<Regex> = OnceLock::new();
    let court = re(
        &COURT,
        r"(?i)^\s*(?:in\s+the\s+)?(united\s+states\s+district\s+court|united\s+states\s+bankruptcy\s+court|united\s+states\s+court\s+of\s+appeals|(?:superior|district|circuit|supreme)\s+court)\b(.*)$",
    );
    let district = re(
        &DISTRICT,
        r"(?i)^\s*(?:for\s+the\s+)?((?:northern|southern|eastern|western|central|middle)\s+)?district\s+of\s+([a-z .]+?)\s*$",
    );
    let (i, caps) = head
        .iter()
        .enumerate()
        .find_map(|(i, l)| court.captures(l.text).map(|c| (i, c)))?;
    let name = title_case(caps.get(1)?.as_str());
    let rest = caps.get(2).map_or("", |m| m.as_str()).trim();
    let next: Vec<&str> = head[i + 1..]
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .take(2)
        .collect();
    // "for the" sometimes stands on a line of its own above the district.
    let joined = next.join(" ");
    let place = district
        .captures(rest)
        .or_else(|| next.first().and_then(|n| district.captures(n)))
        .or_else(|| district.captures(&joined));
    if let Some(p) = place {
        let dir = p
            .get(1)
            .map_or(String::new(), |m| title_case(m.as_str()) + " ");
        return Some(format!(
            "{name} for the {dir}District of {}",
            title_case(p.get(2)?.as_str())
        ));
    }
    if !rest.is_empty() {
        return Some(format!("{name} {}", title_case(rest)));
    }
    Some(name)
}

fn case_number(head: &str) -> Option<String> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    static FEDERAL: OnceLock<Regex> = OnceLock::new();
    let label = re(
        &LABEL,
        r"(?i)\b(?:case|criminal|crim\.|cr\.|docket|magistrate|mag\.|civil\s+action)\s*(?:no\.?|number|#)\s*:?[ \t]*([^\n]{1,60})",
    );
    let federal = re(
        &FEDERAL,
        r"(?i)\b\d{1,2}:\d{2}-[a-z]{2,3}-\d{3,6}(?:-[a-z]{1,5})*\b",
    );
    for caps in label.captures_iter(head) {
        if let Some(n) = docket_tokens(caps.get(1).map_or("", |m| m.as_str())) {
            return Some(n);
        }
    }
    federal.find(head).map(|m| m.as_str().to_string())
}

/// The leading tokens of a labelled docket number: tokens with a digit, and short
/// abbreviations such as "Cr." between them; a parenthesis or a wide gap ends it.
fn docket_tokens(value: &str) -> Option<String> {
    let value = value.split("  ").next().unwrap_or("");
    let value = value.split(['(', ')', '\t']).next().unwrap_or("");
    let tokens: Vec<&str> = value.split_whitespace().collect();
    let mut kept = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        let has_digit = tok.chars().any(|c| c.is_ascii_digit());
        let abbrev = tok.len() <= 4
            && tok.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.chars().any(|c| c.is_ascii_digit()))
            && !kept.is_empty();
        if has_digit || abbrev {
            kept.push(tok.trim_end_matches([',', ';']));
        } else {
            break;
        }
    }
    let joined = kept.join(" ");
    let joined = joined.trim_end_matches(['.', ',']);
    (!joined.is_empty()).then(|| joined.to_string())
}

/// Strips the box-drawing a caption carries: the ")" column, section signs and colons
/// between the parties and the docket, and anything after a docket label on the same line.
fn caption_part(line: &str) -> &str {
    static CUT: OnceLock<Regex> = OnceLock::new();
    let cut = re(
        &CUT,
        r"(?i)\s{2,}[)§:|]|\s[)§|]\s|\b(?:case|criminal|crim\.|docket)\s*(?:no\.?|number)|\s{4,}\S",
    );
    // A line whose left cell is empty only carries the right-hand column of the box.
    if line.trim_start().starts_with([')', '§', '|']) {
        return "";
    }
    let line = line.trim_start_matches([':', ' ', '\t']);
    let line = match cut.find(line) {
        Some(m) => &line[..m.start()],
        None => line,
    };
    line.trim_end_matches([')', ':', '§', '|', ' ', '\t'])
}

fn caption(head: &[Line], ix: &CharIndex) -> Option<Caption> {
    static VERSUS: OnceLock<Regex> = OnceLock::new();
    static INLINE: OnceLock<Regex> = OnceLock::new();
    let versus = re(
        &VERSUS,
        r"(?i)^\s*-?\s*(?:v\.?|vs\.?|versus|against)\s*-?\s*$",
    );
    let inline = re(&INLINE, r"(?i)^(.*?\S)\s*,?\s+(?:v\.|vs\.|versus)\s+(.*)$");
    // A "v." on its own line is the caption proper; a title line such as "United States v.
    // Marlow" only counts when the document has no such caption.
    for (i, l) in head.iter().enumerate() {
        if versus.is_match(caption_part(l.text)) {
            let plaintiff = head[..i]
                .iter()
                .rev()
                .map(|l| caption_part(l.text))
                .find(|p| !p.trim().is_empty())?;
            return Some(Caption {
                plaintiff: clean_plaintiff(plaintiff),
                defendants: defendants(&head[i + 1..], None, ix),
            });
        }
    }
    for (i, l) in head.iter().enumerate() {
        let part = caption_part(l.text);
        if let Some(c) = inline.captures(part) {
            let plaintiff = c.get(1)?.as_str();
            if plaintiff_like(plaintiff) {
                let first = c.get(2)?;
                let offset =
                    l.start + (first.start() + (part.as_ptr() as usize - l.text.as_ptr() as usize));
                let first_line = Line {
                    text: first.as_str(),
                    start: offset,
                    end: offset + first.len(),
                };
                return Some(Caption {
                    plaintiff: clean_plaintiff(plaintiff),
                    defendants: defendants(&head[i + 1..], Some(first_line), ix),
                });
            }
        }
    }
    None
}

fn plaintiff_like(s: &str) -> bool {
    let s = s.to_lowercase();
    [
        "united states",
        "state of",
        "people of",
        "commonwealth",
        "city of",
        "county of",
    ]
    .iter()
    .any(|p| s.contains(p))
}

fn clean_plaintiff(s: &str) -> String {
    let s = squash(s);
    let s = s.trim_end_matches([',', '.', ';']).trim();
    let s = s
        .strip_suffix("Plaintiff")
        .or_else(|| s.strip_suffix("PLAINTIFF"))
        .unwrap_or(s);
    let s = s.trim_end_matches([',', ' ']);
    let s = s
        .strip_prefix("THE ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    title_case(s)
}

/// Collects the lines naming the defendants, up to "Defendant(s)" or the next part of the
/// document, and reads names and aliases from them.
fn defendants<'a>(after: &[Line<'a>], first: Option<Line<'a>>, ix: &CharIndex) -> Vec<Defendant> {
    static STOP: OnceLock<Regex> = OnceLock::new();
    static DEFENDANT_WORD: OnceLock<Regex> = OnceLock::new();
    let stop = re(
        &STOP,
        r"(?i)^\s*(?:(?:superseding\s+|sealed\s+|criminal\s+)*(?:indictment|information|complaint)\b|count\b|the grand jury|introduction|general allegations|case\s+no|criminal\s+no|\d+\.\s)",
    );
    let defendant_word = re(&DEFENDANT_WORD, r"(?i)\bdefendants?\b|\bdefendant\(s\)");
    let mut pieces: Vec<Line<'a>> = Vec::new();
    let mut blank_run = 0;
    for l in first.into_iter().chain(after.iter().take(20).copied()) {
        let part = caption_part(l.text);
        if part.trim().is_empty() {
            blank_run += 1;
            if blank_run >= 2 && !pieces.is_empty() {
                break;
            }
            continue;
        }
        blank_run = 0;
        if stop.is_match(part) {
            break;
        }
        // The right-hand cell of a caption box lists the charges; when the layout puts it
        // between the parties, its lines are passed over.
        if charges_cell().is_match(part) {
            continue;
        }
        let offset = l.start + (part.as_ptr() as usize - l.text.as_ptr() as usize);
        if let Some(m) = defendant_word.find(part) {
            pieces.push(Line {
                text: &part[..m.start()],
                start: offset,
                end: offset + m.start(),
            });
            break;
        }
        pieces.push(Line {
            text: part,
            start: offset,
            end: offset + part.len(),
        });
    }
    super::names::parse_parties(&pieces, ix)
}

fn charges_cell() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i)^\s*(?:violations?\b|\d{1,2}\s*U\.?\s?S\.?\s?C\.?|title\s+\d|\(?[a-z ]*\)\s*$)",
    )
}

/// The filing date: the ECF stamp "Filed 04/20/17" when present, else the last "Dated:" line.
pub(super) fn filing_date(text: &str) -> Option<String> {
    static FILED: OnceLock<Regex> = OnceLock::new();
    static DATED: OnceLock<Regex> = OnceLock::new();
    let filed = re(
        &FILED,
        r"(?i)\bFiled:?\s+(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b",
    );
    if let Some(c) = filed.captures(text) {
        let (m, d, y): (u32, u32, i32) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        let y = match y {
            0..=69 => 2000 + y,
            70..=99 => 1900 + y,
            _ => y,
        };
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
            return Some(date.format("%Y-%m-%d").to_string());
        }
    }
    let dated = re(
        &DATED,
        r"(?i)\b(?:dated|filed|signed)(?:\s+(?:on|this))?\s*:?",
    );
    let last = dated.find_iter(text).last()?;
    let mut end = (last.end() + 120).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    crate::timex::extract(&text[last.end()..end], None)
        .into_iter()
        .find(|t| t.kind == crate::timex::TimexType::Date && t.value.len() == 10)
        .map(|t| t.value)
}
