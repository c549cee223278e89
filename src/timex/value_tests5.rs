//! Value errors fixed in the fifth round of issue 15 (session 15): expressions the extractor
//! found but resolved against the wrong anchor or tense, where both gold sets read them one
//! way. Each test is named after what broke and fails without its rule; every sentence is
//! made up for it and none is gold text.

use super::tests::check;

#[test]
fn verbs_ending_in_eed_are_not_past_forms() {
    let r = "2011-10-20";
    // "succeed" was taken for a past verb right before the date, which looked back to
    // February 2011; the clause speaks of the future.
    check(
        "Ms. Lund will succeed Tom Berg Feb. 1, the board said.",
        r,
        &[("Feb. 1", "2012-02-01")],
    );
    // A past verb right before the date still looks back.
    check(
        "The company agreed Feb. 1 to sell the unit.",
        r,
        &[("Feb. 1", "2011-02-01")],
    );
}

#[test]
fn a_possessive_weekday_names_a_past_event() {
    // Saturday 14 May 2016: the modal "would" belongs to the plans, the ruling is past.
    let r = "2016-05-14";
    check(
        "The growers said they would look for ways around Wednesday's ruling by the court.",
        r,
        &[("Wednesday", "2016-05-11")],
    );
    // Without the possessive the modal still looks ahead.
    check(
        "The growers said they would meet the minister on Wednesday.",
        r,
        &[("Wednesday", "2016-05-18")],
    );
}
