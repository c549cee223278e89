//! The signature, its estimate and the word diff, on small texts written for them.

use super::*;
use crate::model::DiffOp;

fn article() -> String {
    let paragraphs = [
        "The city council voted on Tuesday to close the harbour bridge for repairs that engineers say are overdue by a decade.",
        "Mayor Ana Lopez said the closure would last nine months and that ferries would run every twenty minutes during the works.",
        "\u{201c}We cannot keep patching a structure that carries forty thousand cars a day,\u{201d} Lopez told reporters outside city hall.",
        "Shop owners on the north bank fear the detour will cost them customers, and a petition against the timing has gathered signatures.",
        "The repairs are expected to cost 120 million euros, most of it from a regional fund approved last spring.",
        "Opposition councillors abstained, saying the plan for buses had not been published before the vote was called.",
    ];
    paragraphs.join("\n\n")
}

#[test]
fn a_text_is_identical_to_itself() {
    let a = signature(&article());
    assert_eq!(a.similarity(&a), 1.0);
    assert!(a.comparable());
    assert_eq!(a.mins.len(), PERMUTATIONS);
    assert_eq!(a.band_keys().len(), BANDS);
}

#[test]
fn reordered_paragraphs_change_no_shingle() {
    let text = article();
    let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
    paragraphs.reverse();
    let reordered = paragraphs.join("\n\n");
    assert_eq!(exact_similarity(&text, &reordered), 1.0);
    assert_eq!(signature(&text), signature(&reordered));
}

#[test]
fn a_changed_word_and_punctuation_keep_a_copy_above_the_threshold() {
    let text = article();
    let altered = text
        .replace("forty thousand", "fifty thousand")
        .replace("overdue by a decade.", "overdue by a decade!");
    let estimate = signature(&text).similarity(&signature(&altered));
    assert!(estimate >= THRESHOLD, "{estimate}");
    assert!(exact_similarity(&text, &altered) > 0.8);
}

#[test]
fn a_trimmed_copy_stays_above_the_threshold_and_another_story_far_below() {
    let text = article();
    let trimmed: Vec<&str> = text.split("\n\n").take(5).collect();
    let trimmed = trimmed.join("\n\n");
    assert!(signature(&text).similarity(&signature(&trimmed)) >= THRESHOLD);
    let other = "The national team beat its rivals three goals to one on Saturday night, \
                 its coach praising a defence that had conceded nine goals in the spring. \
                 Fans filled the stadium despite the rain and the late kick-off time.";
    assert!(signature(&text).similarity(&signature(other)) < 0.1);
}

#[test]
fn a_short_text_is_not_comparable() {
    assert!(!signature("Reuters, London").comparable());
    assert!(!signature("").comparable());
}

#[test]
fn signatures_are_stable_across_builds() {
    // Signatures are stored in cases: a change to the hashing would split every stored group
    // from the documents imported after it, so the first minimums are pinned.
    let s = signature("one two three four five six seven");
    let again = Signature::from_bytes(&s.to_bytes(), s.shingles);
    assert_eq!(s, again);
    assert_eq!(s.shingles, 3);
    assert_eq!(word_hash("Word"), word_hash("word"));
    assert_eq!(mix(0), 0xe220_a839_7b1d_cdaf);
}

#[test]
fn the_diff_shows_a_changed_number_and_a_dropped_not() {
    let parts = diff::words(
        "We will not raise taxes by 5 percent, she said.",
        "We will raise taxes by 6 percent, she said.",
    );
    let removed: Vec<&str> = parts
        .iter()
        .filter(|p| p.op == DiffOp::Removed)
        .map(|p| p.text.trim())
        .collect();
    let added: Vec<&str> = parts
        .iter()
        .filter(|p| p.op == DiffOp::Added)
        .map(|p| p.text.trim())
        .collect();
    assert_eq!(removed, ["not", "5"]);
    assert_eq!(added, ["6"]);
    assert!(diff::changes_words(&parts));
    // Pieces kept and added read as the new text.
    let new: String = parts
        .iter()
        .filter(|p| p.op != DiffOp::Removed)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(new, "We will raise taxes by 6 percent, she said.");
}

#[test]
fn punctuation_and_capitals_are_not_changed_words() {
    let parts = diff::words("It is over, he said", "it is over he said.");
    assert!(!diff::changes_words(&parts), "{parts:?}");
}

#[test]
fn a_huge_diff_is_bounded() {
    let a = (0..3000)
        .map(|i| format!("a{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let b = (0..3000)
        .map(|i| format!("b{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let parts = diff::words(&a, &b);
    assert_eq!(parts.len(), 2);
}
