//! Value errors fixed in the third round of issue 15: expressions the extractor found but
//! normalised differently from what the TempEval and MEANTIME gold sets say in most of
//! their uses. Each test is named after what broke; every sentence is made up for it and
//! none is gold text.

use chrono::NaiveDate;

use super::extract;

/// Asserts that `input` yields exactly the `(text, value)` pairs expected, with the reference
/// date `reference`.
fn check(input: &str, reference: &str, expected: &[(&str, &str)]) {
    let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").unwrap();
    let got: Vec<(String, String)> = extract(input, Some(r))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "input: {input}");
}

#[test]
fn the_day_after_a_gerund_is_the_same_day() {
    let r = "2012-03-09";
    check(
        "Shares climbed today. The index recovered late in the day after dropping 80 points, ending the day higher.",
        r,
        &[
            ("today", "2012-03-09"),
            ("the day", "2012-03-09"),
            ("the day", "2012-03-09"),
        ],
    );
    // The anaphoric reading stays where nothing follows.
    check(
        "The court met on March 2. The day after, the mayor resigned.",
        r,
        &[("March 2", "2012-03-02"), ("The day after", "2012-03-03")],
    );
}
