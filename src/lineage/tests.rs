//! Lineage rules on small quotes written for them.

use super::*;

fn q(id: i64, document: i64, speaker: i64, text: &str) -> QuoteWords<'_> {
    QuoteWords {
        id,
        document,
        speaker,
        speaker_name: ["", "", "", "", "", "", "", "Ana Lopez", "Tom Becker"][speaker as usize],
        text,
    }
}

const SAID: &str = "We will not raise taxes on working families this year or next year";

#[test]
fn a_trimmed_and_repunctuated_quote_joins_the_lineage_unaltered() {
    let quotes = [
        q(1, 10, 7, SAID),
        q(
            2,
            11,
            7,
            "we will not raise taxes on working families this year!",
        ),
        q(3, 12, 7, "We will not raise taxes … this year or next year"),
    ];
    let groups = group(&quotes);
    assert_eq!(groups, [vec![0, 1, 2]]);
    for later in &quotes[1..] {
        let parts = differences(SAID, later.text);
        assert!(!altered(&parts), "{}: {parts:?}", later.text);
    }
}

#[test]
fn a_dropped_not_and_a_changed_number_are_alterations() {
    let dropped = "We will raise taxes on working families this year or next year";
    assert!(same_words(&words(SAID), &words(dropped)));
    assert!(altered(&differences(SAID, dropped)));
    let number = "We cut 12 programs and saved 40 million dollars for the schools";
    let changed = "We cut 12 programs and saved 400 million dollars for the schools";
    assert!(altered(&differences(number, changed)));
}

#[test]
fn another_speaker_or_other_words_make_no_lineage() {
    let quotes = [
        q(1, 10, 7, SAID),
        q(2, 11, 8, SAID),
        q(
            3,
            12,
            7,
            "The weather in the capital has been dreadful for weeks now",
        ),
    ];
    assert!(group(&quotes).is_empty());
}

#[test]
fn short_quotes_and_one_document_make_no_lineage() {
    let quotes = [q(1, 10, 7, "No comment."), q(2, 11, 7, "No comment.")];
    assert!(group(&quotes).is_empty());
    let quotes = [q(1, 10, 7, SAID), q(2, 10, 7, SAID)];
    assert!(group(&quotes).is_empty());
}

#[test]
fn quoting_more_of_the_sentence_is_not_an_alteration_but_a_changed_last_word_is() {
    let short = "raise taxes on working families this year";
    assert!(!altered(&differences(short, SAID)));
    let changed = "We will not raise taxes on working families this year or next decade";
    assert!(altered(&differences(SAID, changed)));
}

#[test]
fn a_bare_surname_is_the_same_speaker_as_the_full_name_but_two_full_names_are_not() {
    let full = |speaker, speaker_name| QuoteWords {
        id: 1,
        document: 1,
        speaker,
        speaker_name,
        text: SAID,
    };
    assert!(same_speaker(
        &full(1, "Hillary Clinton"),
        &full(2, "Clinton")
    ));
    assert!(!same_speaker(
        &full(1, "Hillary Clinton"),
        &full(3, "Bill Clinton")
    ));
    assert!(!same_speaker(&full(1, "Clinton"), &full(4, "Whitfield")));
}
