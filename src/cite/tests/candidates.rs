//! What `[@` offers, as a table: what was typed in, the citations offered out, best first.

use super::{case, Fake};
use crate::cite::candidates::find;
use crate::model::ReviewStatus;

/// Asks `case` for at most `limit` candidates for `typed` and compares what they would insert
/// with `expect`.
fn candidates(case: &Fake, typed: &str, limit: usize, expect: &[&str]) {
    let found = find(case, &|request| case.search(request), typed, limit).unwrap();
    let inserts: Vec<&str> = found.iter().map(|c| c.insert.as_str()).collect();
    assert_eq!(inserts, expect, "candidates for {typed:?}");
}

#[test]
fn a_typed_citation_finds_that_item_unless_it_was_rejected() {
    let case = case();
    for (typed, expect) in [
        ("q1", &["[@q1]"][..]),
        ("[@q1", &["[@q1]"]),
        ("@e1", &["[@e1]"]),
        ("d2", &["[@d2]"]),
        ("d2:1-3", &["[@d2]"]),
        ("q2", &[]),
        ("q99", &[]),
    ] {
        candidates(&case, typed, 10, expect);
    }
}

#[test]
fn nothing_typed_offers_the_first_quotes_documents_and_events() {
    let case = case();
    candidates(&case, "", 10, &["[@q1]", "[@d1]", "[@d2]", "[@e1]"]);
    candidates(&case, "  ", 2, &["[@q1]", "[@d1]"]);
}

#[test]
fn candidates_rank_named_entities_then_whole_words_then_what_the_search_found() {
    let case = case()
        .document(3, "Prosecution of spammers", "Prosecutors rarely win.")
        .quote(
            3,
            3,
            "Prosecutors rarely win.",
            Some(11),
            ReviewStatus::Confirmed,
        )
        .event(
            2,
            "Krebs reports",
            3,
            "Prosecutors rarely win.",
            &["Brian Krebs"],
            ReviewStatus::Auto,
        );
    for (typed, expect) in [
        // The speaker named exactly: their quotes and the events naming them come first,
        // though neither says the name, before the document whose text does.
        ("brian krebs", &["[@q3]", "[@e2]", "[@d1]"][..]),
        // An event whose title has every typed word whole is as good as a name, so it comes
        // before the document the search ranked first.
        ("arrest", &["[@e1]", "[@d1]"]),
        // Whole words (the document's title) before a prefix match (the quote's
        // "Prosecutors"), whatever the kinds' usual order.
        ("prosecution", &["[@q1]", "[@d3]", "[@d1]"]),
        ("prosec", &["[@q1]", "[@q3]", "[@d1]", "[@d3]"]),
        // A rejected quote is never offered, even when its words match.
        ("win", &["[@q3]", "[@d1]", "[@d3]"]),
        ("nothing like this", &[]),
    ] {
        candidates(&case, typed, 10, expect);
    }
    candidates(&case, "prosec", 1, &["[@q1]"]);
}
