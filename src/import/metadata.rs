//! Metadata that every importer derives the same way: outlet from a URL or a title suffix,
//! the language of the text, and a first guess at what kind of document it is.

use crate::model::{DocumentKind, SourceFormat};

/// The host of a URL without `www.`, or None for URLs without one.
pub fn url_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

fn fold_alnum(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits a page title such as `Spam Czar Nabbed | Cybersecurity | TechNewsWorld` into the
/// headline and the site name, when the last segment names the site the URL points to.
/// Returns the title untouched and no site otherwise: a headline may contain a `|` of its own.
pub fn split_title_site(title: &str, url: Option<&str>) -> (String, Option<String>) {
    let title = title.trim();
    let segments: Vec<&str> = title.split(" | ").map(str::trim).collect();
    if segments.len() >= 2 {
        let last = segments[segments.len() - 1];
        let host = url.and_then(url_host).unwrap_or_default();
        let site_label = host.split('.').next().unwrap_or_default();
        let folded_last = fold_alnum(last);
        if !folded_last.is_empty()
            && !site_label.is_empty()
            && fold_alnum(site_label) == folded_last
        {
            return (segments[0].to_string(), Some(last.to_string()));
        }
    }
    (title.to_string(), None)
}

/// The outlet a document came from: the site name the page gives, else the URL's host.
pub fn outlet_for(site_name: Option<String>, url: Option<&str>) -> Option<String> {
    site_name
        .filter(|s| !s.trim().is_empty())
        .or_else(|| url.and_then(url_host))
}

/// The language of a text as an ISO 639-1 code when there is one (`en`), else ISO 639-3.
/// English, by far the most common case, is recognised by its function words, which is many
/// times faster than trigram detection; everything else goes to whatlang on a short sample.
/// Only the opening of the text is read: enough for a confident guess, and it keeps importing
/// a large corpus fast.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(600).collect();
    let words: Vec<&str> = sample.split_whitespace().collect();
    if words.len() < 5 {
        return None;
    }
    const ENGLISH_FUNCTION_WORDS: [&str; 16] = [
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "was", "on", "with", "as", "by",
        "it", "said",
    ];
    let english = words
        .iter()
        .filter(|w| {
            ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| w.eq_ignore_ascii_case(f))
        })
        .count();
    if english * 5 >= words.len() {
        return Some("en".to_string());
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code3 = info.lang().code();
    let code2 = match code3 {
        "eng" => "en",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "ces" => "cs",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ell" => "el",
        "hun" => "hu",
        "ron" => "ro",
        other => other,
    };
    Some(code2.to_string())
}

/// A first guess at a document's kind from its format and the way its text opens. The user
/// can always correct it; the guess only has to be right for the common cases.
pub fn guess_kind(format: SourceFormat, title: &str, text: &str) -> DocumentKind {
    if format == SourceFormat::Email {
        return DocumentKind::Email;
    }
    let head: String = text.chars().take(4000).collect();
    let upper = head.to_uppercase();
    let court_markers = [
        "UNITED STATES DISTRICT COURT",
        "INDICTMENT",
        "CRIMINAL COMPLAINT",
        "IN THE CIRCUIT COURT",
        "SUPERIOR COURT",
        "PLAINTIFF",
        "DEFENDANT",
        "CASE NO.",
    ];
    let court_hits = court_markers.iter().filter(|m| upper.contains(*m)).count();
    let title_upper = title.to_uppercase();
    if court_hits >= 2 || title_upper.contains("INDICTMENT") || title_upper.contains(" V. ") {
        return DocumentKind::Indictment;
    }
    if upper.contains("FOR IMMEDIATE RELEASE")
        || upper.contains("PRESS RELEASE")
        || title_upper.contains("PRESS RELEASE")
    {
        return DocumentKind::PressRelease;
    }
    if looks_like_transcript(&head) {
        return DocumentKind::Transcript;
    }
    match format {
        SourceFormat::NewsRecord | SourceFormat::Html => DocumentKind::Article,
        SourceFormat::Markdown => DocumentKind::Note,
        SourceFormat::Text | SourceFormat::Email | SourceFormat::Pdf | SourceFormat::Image => {
            DocumentKind::Other
        }
    }
}

/// Transcripts are runs of speaker turns: lines that open with `NAME:` or `Q:`/`A:`.
fn looks_like_transcript(head: &str) -> bool {
    let turns = head
        .lines()
        .filter(|line| {
            let Some((speaker, rest)) = line.split_once(':') else {
                return false;
            };
            let speaker = speaker.trim();
            !rest.trim().is_empty()
                && (1..=40).contains(&speaker.len())
                && speaker.split_whitespace().count() <= 4
                && speaker.chars().next().is_some_and(char::is_uppercase)
                && speaker
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '\'')
        })
        .count();
    let lines = head.lines().filter(|l| !l.trim().is_empty()).count();
    turns >= 4 && turns * 2 >= lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_split_when_it_names_the_host() {
        let (title, site) = split_title_site(
            "Spam Czar Nabbed in Spain | Cybersecurity | TechNewsWorld",
            Some("http://www.technewsworld.com/story/84451.html"),
        );
        assert_eq!(title, "Spam Czar Nabbed in Spain");
        assert_eq!(site.as_deref(), Some("TechNewsWorld"));
        let (title, site) = split_title_site("Left | Right", Some("https://example.org/x"));
        assert_eq!(title, "Left | Right");
        assert_eq!(site, None);
    }

    #[test]
    fn hosts_are_read_from_web_urls_only() {
        assert_eq!(
            url_host("https://www.bbc.co.uk/news/1").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(url_host("bbc://business/001"), None);
    }

    #[test]
    fn kinds_are_guessed_from_the_text() {
        let indictment = "UNITED STATES DISTRICT COURT\nDISTRICT OF CONNECTICUT\nINDICTMENT";
        assert_eq!(
            guess_kind(SourceFormat::Text, "x", indictment),
            DocumentKind::Indictment
        );
        let release = "FOR IMMEDIATE RELEASE\nAcme announces";
        assert_eq!(
            guess_kind(SourceFormat::Text, "x", release),
            DocumentKind::PressRelease
        );
        let transcript = "HOST: Welcome.\nSMITH: Thanks.\nHOST: So?\nSMITH: Well.\nHOST: Go on.";
        assert_eq!(
            guess_kind(SourceFormat::Text, "x", transcript),
            DocumentKind::Transcript
        );
        assert_eq!(
            guess_kind(SourceFormat::NewsRecord, "x", "Some news."),
            DocumentKind::Article
        );
    }

    #[test]
    fn english_is_detected() {
        let text = "An alleged spam kingpin with possible ties to election meddling in the \
                    United States was arrested in Spain last week.";
        assert_eq!(detect_language(text).as_deref(), Some("en"));
        assert_eq!(detect_language("too short"), None);
    }
}
