//! The claim check as a table: a note's text in, every problem out as
//! `line:column-end kind: message`.

use super::{case, Fake};
use crate::cite::check::{citation_rows, current_snapshots};
use crate::cite::links::{note_backlinks, preview_html};
use crate::cite::{check_note, Lookup, Resolver};
use crate::model::ReviewStatus;

/// Checks `text` as saved note `note` (None: text not saved yet) of `case` and compares every
/// problem with `expect`.
fn check(case: &Fake, note: Option<i64>, text: &str, expect: &[&str]) {
    let titles = case.note_ids_by_title().unwrap();
    let checked = check_note(&mut Resolver::new(case), &titles, note, text).unwrap();
    let found: Vec<String> = checked
        .problems
        .iter()
        .map(|p| {
            format!(
                "{}:{}-{} {}: {}",
                p.line,
                p.column,
                p.end_column,
                p.kind.as_str(),
                p.message
            )
        })
        .collect();
    assert_eq!(found, expect, "checking {text:?}");
}

#[test]
fn every_citation_form_resolves_and_words_that_match_their_source_pass() {
    let case = case();
    for text in [
        "Kremez said he would \"evade prosecution for at least 20 years\" [@q1].",
        // Folded comparison: curly marks, case and spacing do not matter.
        "Kremez: \u{201c}he WOULD  evade prosecution\u{201d} [@q1].",
        "He was \"arrested in Barcelona\" [@e1].",
        // An event's title and description count as what it says, too.
        "It was reported \"as reported\" [@e1].",
        "The charge is \"wire fraud\" [@d2:11-21]; the second count is \"fraud\" [@d2].",
        "Quoted words beside no citation are not a claim: \"anything at all\".",
        "Several at once [@q1; @d1; @e1; @d2:0-5]. See [[arrest]] and [[ Draft ]].",
    ] {
        check(&case, None, text, &[]);
    }
}

#[test]
fn broken_citations_and_links_are_located_by_line_and_column() {
    check(
        &case(),
        None,
        "Nobody [@q99].\nBad [@x9].\nPast [@d1:0-9999].\nRejected [@q2].\nGone [@e99] and \
         [@d99] and [@d98:1-2].\nSee [[Nowhere]].",
        &[
            "1:9-13 broken: there is no quote q99 in this case",
            "2:6-9 broken: 'x9' is not a citation; use q42 (a quote), d7 (a document), \
             d7:120-188 (a span of a document) or e9 (an event)",
            "3:7-17 broken: the span 0-9999 goes past the end of document d1, which has 151 \
             characters",
            "4:11-14 broken: quote q2 was rejected in review: it is not a quote",
            "5:7-11 broken: there is no event e99 in this case",
            "5:18-22 broken: there is no document d99 in this case",
            "5:29-37 broken: there is no document d98 in this case",
            "6:5-16 broken: no note is titled \"Nowhere\"",
        ],
    );
}

#[test]
fn a_rejected_event_is_broken() {
    let case = case().event(
        2,
        "Release",
        1,
        "Levashov was arrested",
        &[],
        ReviewStatus::Rejected,
    );
    check(
        &case,
        None,
        "Then [@e2].",
        &["1:7-10 broken: event e2 was rejected in review"],
    );
}

#[test]
fn words_their_source_does_not_say_are_misquotes_with_the_closest_wording() {
    let case = case();
    check(
        &case,
        None,
        "Kremez said he would \"evaded prosecution for 30 years\" [@q1].",
        &[
            "1:23-54 misquote: \u{201c}evaded prosecution for 30 years\u{201d} is not what q1 \
           says; q1 says \u{201c}evade prosecution for at least 20 years\u{201d}",
        ],
    );
    check(
        &case,
        None,
        "Line one.\nHe \"ate a banana split\" [@q1; @e1] [@q1].",
        &["2:5-23 misquote: \u{201c}ate a banana split\u{201d} does not appear in q1, e1"],
    );
    // Every source of the claim is compared, so words from any of them pass.
    check(
        &case,
        None,
        "Both: \"Count two\" and \"would evade\" [@q1; @d2].",
        &[],
    );
}

#[test]
fn quotes_changed_since_the_note_cited_them_are_stale() {
    let said = "He would evade prosecution for at least 20 years,";
    let case = case()
        .quote(3, 1, "It is a win", Some(11), ReviewStatus::Edited)
        .snapshot(
            1,
            "q1",
            "He would evade prosecution for 20 years,",
            Some(10),
            "auto",
        )
        .snapshot(1, "q2", "It is a win,", Some(11), "auto")
        .snapshot(1, "q3", "It is a win", Some(11), "auto");
    check(
        &case,
        Some(1),
        "Edited [@q1].\nRejected [@q2].\nIn review [@q3].",
        &[
            "1:9-12 stale: q1 was edited after this note cited it: it now reads \u{201c}He would \
             evade prosecution for at least 20 years,\u{201d} (it read \u{201c}He would evade \
             prosecution for 20 years,\u{201d})",
            // Stale says more than broken: the note cited it before it was rejected.
            "2:11-14 stale: q2 was rejected in review after this note cited it",
            "3:12-15 stale: q3 was edited in review after this note cited it",
        ],
    );
    // Text not saved yet has no snapshots: only what is broken now.
    check(
        &case,
        None,
        "Edited [@q1].\nRejected [@q2].\nIn review [@q3].",
        &["2:11-14 broken: quote q2 was rejected in review: it is not a quote"],
    );
    let case = super::case()
        .snapshot(1, "q1", said, Some(11), "auto")
        .snapshot(2, "q1", said, None, "auto")
        .snapshot(3, "q1", said, Some(10), "confirmed");
    let text = "Cited [@q1].";
    check(
        &case,
        Some(1),
        text,
        &[
            "1:8-11 stale: q1 was re-attributed from Brian Krebs to Vitali Kremez after this \
           note cited it",
        ],
    );
    check(
        &case,
        Some(2),
        text,
        &[
            "1:8-11 stale: q1 was re-attributed from no one to Vitali Kremez after this note \
           cited it",
        ],
    );
    // Reviewed without a change (confirmed after auto) is not stale.
    check(&case, Some(3), text, &[]);
}

#[test]
fn a_save_records_each_target_once_with_a_snapshot_of_each_quote() {
    let case = case();
    let rows = citation_rows(&case, "[@q1] [@q1; @q99] [@d2] [@e1] [@d1:0-8] [@q2]");
    let found: Vec<(String, &str, i64, Option<String>)> = rows
        .iter()
        .map(|r| {
            (
                r.target.clone(),
                r.kind,
                r.target_id,
                r.snapshot
                    .as_ref()
                    .map(|s| format!("{}|{:?}|{}", s.text, s.speaker_id, s.status)),
            )
        })
        .collect();
    let said = "He would evade prosecution for at least 20 years,";
    assert_eq!(
        found,
        [
            (
                "q1".into(),
                "quote",
                1,
                Some(format!("{said}|Some(10)|auto"))
            ),
            ("q99".into(), "quote", 99, None),
            ("d2".into(), "document", 2, None),
            ("e1".into(), "event", 1, None),
            ("d1:0-8".into(), "span", 1, None),
            (
                "q2".into(),
                "quote",
                2,
                Some("It is a win,|Some(11)|rejected".into())
            ),
        ]
    );
    let accepted: Vec<String> = current_snapshots(&case, "[@q1] [@d1] [@q99] [@q2]")
        .into_iter()
        .map(|(target, s)| format!("{target}: {}", s.status))
        .collect();
    assert_eq!(accepted, ["q1: auto", "q2: rejected"]);
}

#[test]
fn backlinks_are_the_other_notes_that_link_by_title() {
    let case = Fake::default()
        .note(1, "Links", "See [[arrest]].")
        .note(2, "Arrest", "This is [[Arrest]] itself.")
        .note(
            3,
            "Mentions",
            "The arrest was big, [[Arrest of Levashov]] too.",
        )
        .note(4, "Code", "`[[Arrest]]` is code.")
        .note(5, "Twice", "[[ARREST]] and [[Arrest]].");
    let found: Vec<(i64, String, String)> = note_backlinks(case.notes().unwrap(), 2, "Arrest")
        .into_iter()
        .map(|b| (b.note_id, b.note_title, b.target))
        .collect();
    assert_eq!(
        found,
        [
            (1, "Links".into(), "[[Arrest]]".into()),
            (5, "Twice".into(), "[[Arrest]]".into()),
        ]
    );
}

#[test]
fn the_preview_labels_citations_with_the_speaker_and_the_words() {
    let html = preview_html(&case(), "Said [@q1], see [@q99] and [[Arrest]].").unwrap();
    for expected in [
        "Kremez, q1",
        "\u{201c}He would evade prosecution for at least 20 years,\u{201d} — Vitali Kremez, \
         Spam king arrested in Spain",
        "there is no quote q99 in this case",
    ] {
        assert!(html.contains(expected), "{expected} not in {html}");
    }
}

/// A brief checks its notes and then resolves their footnotes with the same resolver; a note
/// citing a quote hundreds of times, with its document and an event reported by that
/// document, reads each of the three once (the brief used to check each note with a resolver
/// of its own and resolve every footnote again).
#[test]
fn checking_then_resolving_footnotes_reads_each_cited_item_once() {
    let case = case();
    let titles = case.note_ids_by_title().unwrap();
    let mut resolver = Resolver::new(&case);
    let text = "Kremez said \"would evade\" [@q1].\n".repeat(300) + "See [@d1] and [@e1].\n";
    for note in [Some(1), Some(2)] {
        let checked = check_note(&mut resolver, &titles, note, &text).unwrap();
        assert_eq!(checked.citations.len(), 302);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    }
    for target in ["q1", "d1", "e1"] {
        resolver.resolve(&crate::notes::Target::parse(target).unwrap());
    }
    assert_eq!(*case.reads.borrow(), ["q1", "d1", "e1"]);
}
