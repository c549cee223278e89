//! What a court filing proposes to the case: its defendants as people, and its dated
//! paragraphs and overt acts as timeline events citing the paragraph.
//!
//! Pure: the structure, the text and the other extractors' output in, the augmented output out.

use chrono::NaiveDate;

use super::text::CharIndex;
use super::{person_name, DatedSpan, LegalStructure, Paragraph};
use crate::entities::names::{compatible_given_names, fold_key, surname_key};
use crate::entities::{Alias, DocEntity, EntityKind, Mention, Recognized};
use crate::intervals::Interval;

/// A dated paragraph as a timeline event.
#[derive(Debug, Clone, PartialEq)]
pub struct Act {
    /// "12" or "a".
    pub label: String,
    pub is_overt_act: bool,
    /// The paragraph's text, chars into the document: the span the event cites.
    pub start: usize,
    pub end: usize,
    /// The date expression as written ("From at least in or about 2009 through the present").
    pub date_text: String,
    pub date_span: (usize, usize),
    pub interval: Interval,
    pub title: String,
}

/// Longest event title; the paragraph is cut at a word and marked with an ellipsis.
const TITLE_CHARS: usize = 140;

/// How far apart (in chars) the two ends of a range may be written: "from in or about
/// January 2016 through in or about May 2019" needs about 30 between the dates.
const RANGE_GAP: usize = 48;

/// The dated paragraphs of a filing as events. A paragraph's first date dates it, or the range
/// it opens ("from at least 2009 through the present", where the present is the filing date).
pub fn acts(text: &str, legal: &LegalStructure) -> Vec<Act> {
    let filed = legal
        .filing_date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let chars: Vec<char> = text.chars().collect();
    legal
        .paragraphs
        .iter()
        .filter_map(|p| act(&chars, p, filed))
        .collect()
}

fn act(chars: &[char], p: &Paragraph, filed: Option<NaiveDate>) -> Option<Act> {
    let first = p.dates.first()?;
    let end = p.text_end.min(chars.len());
    let slice = |a: usize, b: usize| -> String { chars[a.min(end)..b.min(end)].iter().collect() };
    let (earliest, mut latest) = (day(&first.earliest)?, day(&first.latest)?);
    let (mut date_start, mut date_end) = (first.start, first.end);
    let mut precision = precision_of(first);
    let mut end_value = None;
    // ASCII lower-casing keeps byte and char positions, which the spans below rely on.
    let before = slice(
        first.start.saturating_sub(RANGE_GAP).max(p.text_start),
        first.start,
    )
    .to_ascii_lowercase();
    let opens = ["from", "beginning", "between", "since", "starting"]
        .iter()
        .any(|w| before.split(|c: char| !c.is_alphabetic()).any(|x| x == *w));
    if opens {
        let after = slice(first.end, first.end + RANGE_GAP).to_ascii_lowercase();
        let joined = ["through", "until", "to ", "and ", "thru"]
            .iter()
            .any(|w| after.trim_start_matches([',', ' ']).starts_with(w));
        let second = p
            .dates
            .get(1)
            .filter(|d| d.start >= first.end && d.start - first.end <= RANGE_GAP);
        if let (true, Some(second)) = (joined, second) {
            end_value = Some(second.value.clone());
            latest = day(&second.latest)?;
            date_end = second.end;
            precision = coarser(precision, precision_of(second));
        } else {
            // "through the present" and "since 2009" run to the date of the filing.
            let present = ["the present", "the date of this", "the date hereof"]
                .iter()
                .filter(|_| joined)
                .find_map(|w| after.find(w).map(|at| at + w.len()));
            let since = !joined && before.contains("since");
            if let Some(filed) = filed.filter(|f| *f >= earliest && (present.is_some() || since)) {
                latest = filed;
                if let Some(at) = present {
                    date_end = first.end + after[..at].chars().count();
                }
            }
        }
        if latest > day(&first.latest)? {
            // A range starts at "from" (or "beginning") rather than at its first date.
            if let Some(at) = ["from", "beginning", "since", "between", "starting"]
                .iter()
                .filter_map(|w| before.rfind(w))
                .max()
            {
                date_start = first.start - before[at..].chars().count();
            }
        }
    }
    let start_s = earliest.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    let end_s = latest
        .succ_opt()?
        .and_hms_opt(0, 0, 0)?
        .and_utc()
        .timestamp();
    let value = if latest > day(&first.latest)? {
        let end = end_value.unwrap_or_else(|| latest.format("%Y-%m-%d").to_string());
        format!("{}/{end}", first.value)
    } else {
        first.value.clone()
    };
    let paragraph = slice(p.text_start, end);
    let label = if p.is_overt_act {
        format!("Overt act {}", p.label)
    } else {
        format!("¶ {}", p.label)
    };
    Some(Act {
        label: p.label.clone(),
        is_overt_act: p.is_overt_act,
        start: p.text_start,
        end,
        date_text: slice(date_start, date_end),
        date_span: (date_start, date_end),
        interval: Interval {
            value,
            earliest: start_s,
            latest: end_s,
            precision,
        },
        title: format!("{label}: {}", short(&paragraph)),
    })
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The precision of a date expression from its TIMEX3 value.
fn precision_of(d: &DatedSpan) -> String {
    let v = d.value.as_str();
    let p = if v.contains('W') {
        "week"
    } else if v.contains("-Q") {
        "quarter"
    } else if v.contains("-H") {
        "half"
    } else if ["-SP", "-SU", "-FA", "-WI"].iter().any(|s| v.contains(s)) {
        "season"
    } else {
        match v.len() {
            2 => "century",
            3 => "decade",
            4 => "year",
            7 => "month",
            _ => "day",
        }
    };
    p.to_string()
}

/// The coarser of two precisions, which a range spanning both has.
fn coarser(a: String, b: String) -> String {
    const ORDER: [&str; 10] = [
        "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "",
    ];
    let rank = |p: &str| ORDER.iter().position(|o| *o == p).unwrap_or(0);
    if rank(&b) > rank(&a) {
        b
    } else {
        a
    }
}

fn short(paragraph: &str) -> String {
    crate::text::short_at_word(paragraph, TITLE_CHARS)
}

/// Company words that make a defendant an organisation rather than a person.
const COMPANY_WORDS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "corp",
    "corporation",
    "company",
    "co",
    "gmbh",
    "sa",
    "ag",
    "plc",
    "lp",
    "llp",
    "bank",
    "group",
    "holdings",
    "limited",
];

/// Makes every defendant of the caption an entity of the document, with its a/k/a aliases,
/// the role "defendant", a mention where the caption names it, and mentions where the body
/// names it in capitals ("VOLKOV registered ..."). A person the recognizer already found
/// under a compatible name (same surname, compatible first name, or the bare surname) becomes
/// that defendant, so one actor stays one entity.
pub fn add_defendants(text: &str, legal: &LegalStructure, recognized: &mut Recognized) {
    let ix = CharIndex::new(text);
    // Entities merged into a defendant, removed once every defendant is done so that the
    // indices stay valid meanwhile.
    let mut merged = Vec::new();
    for d in &legal.caption.defendants {
        let name = person_name(&d.name);
        let key = fold_key(&name);
        if key.is_empty() {
            continue;
        }
        let is_company = key.split(' ').any(|w| COMPANY_WORDS.contains(&w));
        let kind = if is_company {
            EntityKind::Organization
        } else {
            EntityKind::Person
        };
        let surname = surname_key(&name);
        // The recognizer may take a surname printed in capitals ("MARLOW") for an
        // organisation; the caption says it is this defendant.
        let same: Vec<usize> = recognized
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                let other = fold_key(&e.name);
                other == key
                    || (kind == EntityKind::Person && surname.as_deref() == Some(other.as_str()))
                    || (e.kind == kind
                        && kind == EntityKind::Person
                        && surname.is_some()
                        && surname_key(&e.name) == surname
                        && compatible_given_names(&other, &key))
            })
            .map(|(i, _)| i)
            .collect();
        let index = match same.first() {
            Some(&i) => {
                // Every way the recognizer wrote this defendant becomes one entity.
                for &j in same.iter().skip(1) {
                    let other = recognized.entities[j].name.clone();
                    push_alias(
                        &mut recognized.entities[i].aliases,
                        &other,
                        "named so in the body",
                    );
                    let aliases = std::mem::take(&mut recognized.entities[j].aliases);
                    recognized.entities[i].aliases.extend(aliases);
                    for m in recognized.mentions.iter_mut().filter(|m| m.entity == j) {
                        m.entity = i;
                    }
                    merged.push(j);
                }
                let entity = &mut recognized.entities[i];
                if entity.name != name {
                    let old = std::mem::replace(&mut entity.name, name.clone());
                    push_alias(&mut entity.aliases, &old, "named so in the body");
                }
                i
            }
            None => {
                recognized.entities.push(DocEntity {
                    name: name.clone(),
                    kind,
                    role: None,
                    aliases: Vec::new(),
                });
                recognized.entities.len() - 1
            }
        };
        let entity = &mut recognized.entities[index];
        entity.kind = kind;
        entity.role = Some("defendant".into());
        for alias in &d.aliases {
            push_alias(&mut entity.aliases, alias, "a/k/a in the caption");
        }
        // The caption's own mention wins over what the recognizer read inside the same name
        // (the surname alone of a name in capitals): the network finds a filing's defendants
        // by the mention that starts where the caption names them.
        recognized.mentions.retain(|m| {
            !(m.start >= d.start && m.end <= d.end && (m.start, m.end) != (d.start, d.end))
        });
        let mut spans = vec![(d.start, d.end, d.name.clone())];
        // The body writes defendants in capitals: the full name, or the surname alone.
        let upper_full = d.name.trim_end_matches([',', '.', ';']).to_string();
        let upper_surname = surname
            .as_ref()
            .and_then(|_| upper_full.split_whitespace().last())
            .map(str::to_string);
        for needle in [Some(upper_full.clone()), upper_surname]
            .into_iter()
            .flatten()
        {
            if needle.chars().count() < 3 || needle.chars().any(char::is_lowercase) {
                continue;
            }
            for (byte, _) in text.match_indices(needle.as_str()) {
                let end_byte = byte + needle.len();
                let bounded = !text[..byte].ends_with(char::is_alphanumeric)
                    && !text[end_byte..].starts_with(char::is_alphanumeric);
                if bounded {
                    spans.push((ix.char_at(byte), ix.char_at(end_byte), needle.clone()));
                }
            }
        }
        for (start, end, surface) in spans {
            let taken = recognized
                .mentions
                .iter()
                .any(|m| m.start < end && start < m.end);
            if !taken && end > start {
                recognized.mentions.push(Mention {
                    entity: index,
                    start,
                    end,
                    surface,
                    role: (start == d.start).then(|| "defendant".to_string()),
                });
            }
        }
    }
    // What the recognizer took for names in a filing's headings goes too: "Count Three"
    // reads like a title and a name, but it is a count.
    let is_heading = |e: &DocEntity| {
        let key = fold_key(&e.name);
        let mut words = key.split(' ');
        matches!(words.next(), Some("count" | "counts")) && words.count() <= 3
    };
    let drop: Vec<bool> = (0..recognized.entities.len())
        .map(|i| merged.contains(&i) || is_heading(&recognized.entities[i]))
        .collect();
    remove_entities(recognized, &drop);
    recognized.mentions.sort_by_key(|m| (m.start, m.end));
}

/// Removes the entities `drop` marks, with their mentions, and renumbers the rest.
fn remove_entities(recognized: &mut Recognized, drop: &[bool]) {
    if !drop.contains(&true) {
        return;
    }
    let mut new_index = Vec::with_capacity(recognized.entities.len());
    let mut kept = Vec::with_capacity(recognized.entities.len());
    for (i, e) in recognized.entities.drain(..).enumerate() {
        if drop[i] {
            new_index.push(None);
        } else {
            new_index.push(Some(kept.len()));
            kept.push(e);
        }
    }
    recognized.entities = kept;
    recognized
        .mentions
        .retain_mut(|m| match new_index[m.entity] {
            Some(i) => {
                m.entity = i;
                true
            }
            None => false,
        });
}

fn push_alias(aliases: &mut Vec<Alias>, surface: &str, evidence: &str) {
    let surface = surface.trim();
    let key = fold_key(surface);
    if key.is_empty() || aliases.iter().any(|a| fold_key(&a.surface) == key) {
        return;
    }
    aliases.push(Alias {
        surface: surface.to_string(),
        confidence: 1.0,
        evidence: evidence.to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legal::parse;

    const FILING: &str = "UNITED STATES DISTRICT COURT\nDISTRICT OF CONNECTICUT\n\n\
        UNITED STATES OF AMERICA\nv.\nPETER YURYEVICH LEVASHOV,\n  a/k/a \"Peter Severa,\"\n\
        Defendant.\n\nCase No. 3:17-cr-00083\n\nINDICTMENT\n\nCOUNT ONE\n(Wire Fraud)\n\n\
        1. From at least in or about 2009 through the present, the defendant PETER YURYEVICH \
        LEVASHOV operated the Kelihos botnet.\n\n\
        2. In or about March 2017, LEVASHOV sent spam.\n\n\
        3. From in or about January 2016 through in or about May 2016, LEVASHOV rented servers.\n\n\
        A TRUE BILL.\n\nDated: April 20, 2017\n";

    fn day_of(secs: i64) -> String {
        chrono::DateTime::from_timestamp(secs, 0)
            .unwrap()
            .format("%Y-%m-%d")
            .to_string()
    }

    #[test]
    fn dated_paragraphs_become_acts_with_months_and_ranges() {
        let legal = parse(FILING, &[]).unwrap();
        let acts = acts(FILING, &legal);
        assert_eq!(acts.len(), 3, "{acts:#?}");
        let through_present = &acts[0];
        assert_eq!(
            through_present.date_text,
            "From at least in or about 2009 through the present"
        );
        assert_eq!(day_of(through_present.interval.earliest), "2009-01-01");
        // The present of a filing is its date; the interval's end is exclusive.
        assert_eq!(day_of(through_present.interval.latest), "2017-04-21");
        assert_eq!(through_present.interval.precision, "year");
        assert!(through_present.title.starts_with("¶ 1: From at least"));

        let month = &acts[1];
        assert_eq!(month.date_text, "March 2017");
        assert_eq!(month.interval.precision, "month");
        assert_eq!(
            (
                day_of(month.interval.earliest),
                day_of(month.interval.latest)
            ),
            ("2017-03-01".into(), "2017-04-01".into())
        );

        let range = &acts[2];
        assert_eq!(
            (
                day_of(range.interval.earliest),
                day_of(range.interval.latest)
            ),
            ("2016-01-01".into(), "2016-06-01".into())
        );
        let cited: String = FILING
            .chars()
            .skip(range.start)
            .take(range.end - range.start)
            .collect();
        assert!(
            cited.starts_with("From in or about January 2016"),
            "{cited}"
        );
        assert!(cited.ends_with("rented servers."));
    }

    #[test]
    fn defendants_become_people_with_aliases_and_body_mentions() {
        let legal = parse(FILING, &[]).unwrap();
        let mut recognized = Recognized::default();
        add_defendants(FILING, &legal, &mut recognized);
        assert_eq!(recognized.entities.len(), 1);
        let e = &recognized.entities[0];
        assert_eq!(e.name, "Peter Yuryevich Levashov");
        assert_eq!(e.role.as_deref(), Some("defendant"));
        assert_eq!(e.aliases[0].surface, "Peter Severa");
        let surfaces: Vec<&str> = recognized
            .mentions
            .iter()
            .map(|m| m.surface.as_str())
            .collect();
        assert_eq!(
            surfaces,
            [
                "PETER YURYEVICH LEVASHOV",
                "PETER YURYEVICH LEVASHOV",
                "LEVASHOV",
                "LEVASHOV"
            ]
        );
        for m in &recognized.mentions {
            let s: String = FILING.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(s, m.surface);
        }
    }

    #[test]
    fn count_headings_are_not_people() {
        let legal = parse(FILING, &[]).unwrap();
        let mut recognized = Recognized {
            entities: vec![
                DocEntity {
                    name: "Count Three".into(),
                    kind: EntityKind::Person,
                    role: None,
                    aliases: Vec::new(),
                },
                DocEntity {
                    name: "LEVASHOV".into(),
                    kind: EntityKind::Organization,
                    role: None,
                    aliases: Vec::new(),
                },
            ],
            mentions: vec![
                Mention {
                    entity: 0,
                    start: 0,
                    end: 5,
                    surface: "Count Three".into(),
                    role: None,
                },
                Mention {
                    entity: 1,
                    start: 6,
                    end: 8,
                    surface: "LEVASHOV".into(),
                    role: None,
                },
            ],
        };
        add_defendants(FILING, &legal, &mut recognized);
        assert_eq!(recognized.entities.len(), 1);
        assert_eq!(recognized.entities[0].kind, EntityKind::Person);
        assert_eq!(recognized.entities[0].name, "Peter Yuryevich Levashov");
        assert!(recognized.mentions.iter().all(|m| m.entity == 0));
        assert!(recognized
            .mentions
            .iter()
            .all(|m| m.surface != "Count Three"));
    }

    #[test]
    fn a_person_the_recognizer_found_becomes_the_defendant() {
        let legal = parse(FILING, &[]).unwrap();
        let mut recognized = Recognized {
            entities: vec![DocEntity {
                name: "Levashov".into(),
                kind: EntityKind::Person,
                role: None,
                aliases: Vec::new(),
            }],
            mentions: Vec::new(),
        };
        add_defendants(FILING, &legal, &mut recognized);
        assert_eq!(recognized.entities.len(), 1);
        assert_eq!(recognized.entities[0].name, "Peter Yuryevich Levashov");
        assert!(recognized.entities[0]
            .aliases
            .iter()
            .any(|a| a.surface == "Levashov"));
    }
}
