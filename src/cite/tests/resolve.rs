//! What each citation form resolves to, as a table: the target as written in, the words, the
//! speaker, the document, the place (chars and pages) and the problem out.

use super::case;
use crate::cite::Resolver;
use crate::notes::Target;

/// Resolves `target` in the test case and compares a one-line summary with `expect`.
fn resolve(target: &str, expect: &str) {
    let case = case();
    let mut resolver = Resolver::new(&case);
    let cited = resolver.resolve(&Target::parse(target).unwrap());
    let found = format!(
        "{} words={:?} speaker={:?} doc={:?} chars={:?}-{:?} pages={:?} event={:?} problem={:?}",
        cited.kind,
        cited.words.as_deref(),
        cited.speaker.as_deref(),
        cited.doc_title.as_deref(),
        cited.start,
        cited.end,
        cited.pages.as_deref(),
        cited.event_title.as_deref(),
        cited.problem.as_deref(),
    );
    assert_eq!(found, expect, "resolving {target}");
    // Resolving again gives the same answer (it is remembered, not read again).
    assert_eq!(resolver.resolve(&Target::parse(target).unwrap()), cited);
}

#[test]
fn each_citation_form_resolves_to_its_words_source_and_place() {
    for (target, expect) in [
        (
            "q1",
            "quote words=Some(\"He would evade prosecution for at least 20 years,\") \
             speaker=Some(\"Vitali Kremez\") doc=Some(\"Spam king arrested in Spain\") \
             chars=Some(48)-Some(97) pages=None event=None problem=None",
        ),
        // Spans count characters: the curly mark before "He" is one, not three bytes.
        (
            "d1:48-56",
            "span words=Some(\"He would\") speaker=None doc=Some(\"Spam king arrested in \
             Spain\") chars=Some(48)-Some(56) pages=None event=None problem=None",
        ),
        (
            "d2:11-21",
            "span words=Some(\"wire fraud\") speaker=None doc=Some(\"Indictment\") \
             chars=Some(11)-Some(21) pages=Some(\"p. 1\") event=None problem=None",
        ),
        (
            "d2:11-30",
            "span words=Some(\"wire fraud. Count t\") speaker=None doc=Some(\"Indictment\") \
             chars=Some(11)-Some(30) pages=Some(\"pp. 1–2\") event=None problem=None",
        ),
        (
            "d2:23-32",
            "span words=Some(\"Count two\") speaker=None doc=Some(\"Indictment\") \
             chars=Some(23)-Some(32) pages=Some(\"p. 2\") event=None problem=None",
        ),
        (
            "d2",
            "document words=None speaker=None doc=Some(\"Indictment\") chars=None-None \
             pages=None event=None problem=None",
        ),
        (
            "e1",
            "event words=Some(\"Levashov was arrested in Barcelona on April 7.\") speaker=None \
             doc=Some(\"Spam king arrested in Spain\") chars=Some(0)-Some(46) pages=None \
             event=Some(\"Arrest of Levashov\") problem=None",
        ),
        (
            "q2",
            "quote words=Some(\"It is a win,\") speaker=Some(\"Brian Krebs\") doc=Some(\"Spam \
             king arrested in Spain\") chars=Some(120)-Some(132) pages=None event=None \
             problem=Some(\"quote q2 was rejected in review: it is not a quote\")",
        ),
        (
            "d2:0-41",
            "span words=None speaker=None doc=Some(\"Indictment\") chars=None-None pages=None \
             event=None problem=Some(\"the span 0-41 goes past the end of document d2, which \
             has 40 characters\")",
        ),
        (
            "q7",
            "quote words=None speaker=None doc=None chars=None-None pages=None event=None \
             problem=Some(\"there is no quote q7 in this case\")",
        ),
        (
            "e7",
            "event words=None speaker=None doc=None chars=None-None pages=None event=None \
             problem=Some(\"there is no event e7 in this case\")",
        ),
    ] {
        resolve(target, expect);
    }
}

#[test]
fn a_resolved_source_carries_what_identifies_it() {
    let case = case();
    let cited = Resolver::new(&case).resolve(&Target::Quote(1));
    assert_eq!(cited.doc_id, Some(1));
    assert_eq!(cited.outlet.as_deref(), Some("The Wire"));
    assert_eq!(cited.url.as_deref(), Some("https://example.org/1"));
    assert_eq!(cited.published.as_deref(), Some("2017-04-10"));
    assert_eq!(cited.imported_at.as_deref(), Some("2026-01-02T03:04:05Z"));
    assert_eq!(cited.sha256, Some(format!("{:064x}", 1)));
    assert_eq!(cited.role.as_deref(), Some("analyst"));
    assert_eq!(cited.speaker_id, Some(10));
}
