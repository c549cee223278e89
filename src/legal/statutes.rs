//! Statute citations, normalised to "18 U.S.C. § 1030(a)(5)(A)", and plain descriptions of
//! the common federal offences.

use std::sync::OnceLock;

use regex::Regex;

/// One section reference: digits with an optional letter, then parenthesised subsections.
const SECTION: &str = r"\d{1,5}[A-Za-z]{0,2}(?:\([0-9A-Za-z]{1,5}\))*";

fn usc() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let list = format!(r"{SECTION}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*){SECTION})*");
        Regex::new(&format!(
            r"(?i)\b(\d{{1,2}})\s*U\.?\s?S\.?\s?C\.?(?:\s*A\.?)?\s*(?:§§?|sections?|secs?\.|s\.)?\s*({list})|\bTitle\s+(\d{{1,2}}),?\s+United\s+States\s+Code,?\s+Sections?\s+({list})"
        ))
        .expect("valid regex")
    })
}

fn section() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(SECTION).expect("valid regex"))
}

/// Every statute cited in `text`, normalised and in order of first citation.
pub(super) fn cited(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in usc().captures_iter(text) {
        let (title, list) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(t), Some(l), _, _) | (_, _, Some(t), Some(l)) => (t.as_str(), l.as_str()),
            _ => continue,
        };
        for s in section().find_iter(list) {
            let cite = format!("{title} U.S.C. § {}", s.as_str());
            if !out.contains(&cite) {
                out.push(cite);
            }
        }
    }
    out
}

/// Removes citations (and the dash or "in violation of" before them) from a heading,
/// leaving the name of the offence.
pub(super) fn strip_citations(heading: &str) -> String {
    let without = usc().replace_all(heading, "");
    let s = without
        .trim()
        .trim_end_matches(['—', '–', '-', ',', ';', ':', ' '])
        .trim();
    let s = s.strip_suffix("in violation of").unwrap_or(s).trim();
    s.trim_end_matches(['—', '–', '-', ',', ';', ':', ' '])
        .trim()
        .to_string()
}

/// A plain description for the first statute with an entry, preferring the most specific
/// subsection; aiding and abetting (18 U.S.C. § 2) only describes a count that cites nothing
/// else.
pub(super) fn describe(statutes: &[String]) -> Option<String> {
    const TABLE: [(&str, &str); 22] = [
        (
            "18 U.S.C. § 1030(a)(5)(A)",
            "Intentional damage to a protected computer",
        ),
        (
            "18 U.S.C. § 1030(a)(2)",
            "Unauthorized access to a computer to obtain information",
        ),
        (
            "18 U.S.C. § 1030(a)(4)",
            "Computer intrusion in furtherance of fraud",
        ),
        ("18 U.S.C. § 1030(a)(7)", "Extortion involving computers"),
        ("18 U.S.C. § 1030(b)", "Conspiracy to commit computer fraud"),
        ("18 U.S.C. § 1030", "Computer fraud and abuse"),
        ("18 U.S.C. § 1343", "Wire fraud"),
        ("18 U.S.C. § 1341", "Mail fraud"),
        ("18 U.S.C. § 1344", "Bank fraud"),
        (
            "18 U.S.C. § 1349",
            "Conspiracy or attempt to commit wire, mail or bank fraud",
        ),
        (
            "18 U.S.C. § 371",
            "Conspiracy to commit an offense against or to defraud the United States",
        ),
        ("18 U.S.C. § 1028A", "Aggravated identity theft"),
        ("18 U.S.C. § 1028", "Identity document fraud"),
        ("18 U.S.C. § 1029", "Access device fraud"),
        (
            "18 U.S.C. § 1956(h)",
            "Conspiracy to commit money laundering",
        ),
        ("18 U.S.C. § 1956", "Money laundering"),
        (
            "18 U.S.C. § 1957",
            "Monetary transactions in criminally derived property",
        ),
        (
            "18 U.S.C. § 1951",
            "Interference with commerce by robbery or extortion (Hobbs Act)",
        ),
        (
            "18 U.S.C. § 2314",
            "Interstate transportation of stolen property",
        ),
        ("18 U.S.C. § 1001", "False statements"),
        (
            "18 U.S.C. § 1512",
            "Witness tampering or obstruction of justice",
        ),
        ("18 U.S.C. § 2", "Aiding and abetting"),
    ];
    let lookup = |cite: &str| {
        TABLE
            .iter()
            .find(|(key, _)| {
                cite == *key || (cite.starts_with(key) && cite[key.len()..].starts_with('('))
            })
            .map(|(_, d)| d.to_string())
    };
    statutes
        .iter()
        .filter(|s| s.as_str() != "18 U.S.C. § 2")
        .find_map(|s| lookup(s))
        .or_else(|| statutes.iter().find_map(|s| lookup(s)))
}
