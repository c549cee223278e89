//! Data-driven checks with fixtures written for this module.

use chrono::NaiveDate;

use super::{extract, TimexType};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Asserts that `input` yields exactly the `(text, value)` pairs expected, with the reference
/// date `reference`; the recall and value tests use it too.
pub(super) fn check(input: &str, reference: &str, expected: &[(&str, &str)]) {
    let got: Vec<(String, String)> = extract(input, Some(d(reference)))
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
fn seed_sentences() {
    let r = "2017-04-12";
    check(
        "He was arrested in Spain last week.",
        r,
        &[("last week", "2017-W14")],
    );
    check(
        "ahead of the 2016 U.S. presidential elections",
        r,
        &[("2016", "2016")],
    );
    check(
        "active for at least 20 years",
        r,
        &[("at least 20 years", "P20Y")],
    );
    check(
        "Police said last month that",
        r,
        &[("last month", "2017-03")],
    );
}

#[test]
fn absolute_dates() {
    let r = "2017-04-12";
    let table: &[(&str, &[(&str, &str)])] = &[
        ("on Apr 12, 2017 the", &[("Apr 12, 2017", "2017-04-12")]),
        ("on April 12 the", &[("April 12", "2017-04-12")]),
        ("on 12 April 2017 the", &[("12 April 2017", "2017-04-12")]),
        ("filed 4/12/2017 in court", &[("4/12/2017", "2017-04-12")]),
        ("filed 2017-04-12 in court", &[("2017-04-12", "2017-04-12")]),
        (
            "on or about March 3, 2017, he",
            &[("March 3, 2017", "2017-03-03")],
        ),
        ("in or about March 2017", &[("March 2017", "2017-03")]),
        (
            "between 2009 and 2016",
            &[("2009", "2009"), ("2016", "2016")],
        ),
        (
            "from at least 2009 through 2016",
            &[("2009", "2009"), ("2016", "2016")],
        ),
        ("in the 1990s", &[("the 1990s", "199")]),
        ("in early 2017", &[("early 2017", "2017")]),
        ("in Q3 2016 sales", &[("Q3 2016", "2016-Q3")]),
        ("the summer of 2016", &[("the summer of 2016", "2016-SU")]),
        ("the 20th century", &[("the 20th century", "19")]),
    ];
    for (input, want) in table {
        check(input, r, want);
    }
}

#[test]
fn relative_expressions() {
    let r = "2017-04-12";
    let table: &[(&str, &[(&str, &str)])] = &[
        ("He left yesterday.", &[("yesterday", "2017-04-11")]),
        ("He is here today.", &[("today", "2017-04-12")]),
        ("It is now clear.", &[("now", "PRESENT_REF")]),
        ("It rained last summer.", &[("last summer", "2016-SU")]),
        (
            "It rose earlier this month.",
            &[("earlier this month", "2017-04")],
        ),
        ("He left two years ago.", &[("two years ago", "2015")]),
        ("It fell last year.", &[("last year", "2016")]),
        ("She met him on Tuesday.", &[("Tuesday", "2017-04-11")]),
        ("She will meet him on Friday.", &[("Friday", "2017-04-14")]),
        ("The vote is next week.", &[("next week", "2017-W16")]),
        // In a past-tense clause a later quarter is last year's.
        (
            "Profit rose in the third quarter.",
            &[("the third quarter", "2016-Q3")],
        ),
        (
            "Profit will rise in the third quarter.",
            &[("the third quarter", "2017-Q3")],
        ),
        (
            "over the past three years",
            &[("the past three years", "P3Y")],
        ),
        (
            "the talks lasted several weeks",
            &[("several weeks", "PXW")],
        ),
        ("a two-year contract", &[("two-year", "P2Y")]),
        ("They meet every week.", &[("every week", "P1W")]),
        ("He was 30 years old.", &[]),
        ("a 6-year-old boy", &[]),
    ];
    for (input, want) in table {
        check(input, r, want);
    }
}

#[test]
fn anaphora_and_times() {
    let r = "2017-04-12";
    check(
        "He arrived on March 3, 2017. The day after, he left.",
        r,
        &[
            ("March 3, 2017", "2017-03-03"),
            ("The day after", "2017-03-04"),
        ],
    );
    check(
        "at 5:00 AM PT",
        r,
        &[("5:00 AM PT", "2017-04-12T05:00-07:00")],
    );
    check("at 14:30 GMT", r, &[("14:30 GMT", "2017-04-12T14:30Z")]);
    check(
        "by 5 p.m. on Friday",
        r,
        &[("5 p.m. on Friday", "2017-04-07T17:00")],
    );
}

#[test]
fn intervals_and_granularity() {
    let t = &extract("arrested in Spain last week", Some(d("2017-04-12")))[0];
    assert_eq!(t.earliest.as_deref(), Some("2017-04-03"));
    assert_eq!(t.latest.as_deref(), Some("2017-04-09"));
    assert_eq!(t.granularity, Some(super::Granularity::Week));
    let t = &extract("for at least 20 years", None)[0];
    assert_eq!((t.kind, t.earliest.clone()), (TimexType::Duration, None));
    let t = &extract("in 2016", None)[0];
    assert_eq!(t.latest.as_deref(), Some("2016-12-31"));
    let json = serde_json::to_value(t).unwrap();
    assert_eq!(json["type"], "DATE");
    assert_eq!(json["granularity"], "year");
}

#[test]
fn offsets_are_in_chars() {
    let text = "Café résumé: 12 April 2017";
    let t = &extract(text, None)[0];
    let sub: String = text.chars().skip(t.start).take(t.end - t.start).collect();
    assert_eq!(sub, "12 April 2017");
    assert_eq!(t.text, "12 April 2017");
}

#[test]
fn no_reference_keeps_placeholders() {
    let got = extract("He left yesterday, on April 12.", None);
    let vals: Vec<&str> = got.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(vals, ["XXXX-XX-XX", "XXXX-04-12"]);
}

#[test]
fn rejects_numbers_that_are_not_dates() {
    let r = "2017-04-12";
    check("It cost $2000 and 1,990 people came.", r, &[]);
    check("call 555-123-4567 or 1.2.3.4", r, &[]);
    check("They may 5 percent", r, &[]);
}

#[test]
fn pathological_inputs_are_fast() {
    // A megabyte of digits and slashes must stay linear.
    let unit = "12/31/1999/";
    let big: String = unit.repeat(1_000_000 / unit.len());
    let t0 = std::time::Instant::now();
    let _ = extract(&big, Some(d("2017-04-12")));
    let digits = "7".repeat(1_000_000);
    let _ = extract(&digits, None);
    let slashes = "/".repeat(1_000_000);
    let _ = extract(&slashes, None);
    let mixed: String = "1/".repeat(500_000);
    let _ = extract(&mixed, None);
    // Debug builds are far slower than release; the bound is generous here
    // and the release budget (well under a second) is checked by the eval.
    assert!(t0.elapsed().as_secs() < 60, "took {:?}", t0.elapsed());
}

#[test]
fn holidays_quarters_and_halves() {
    let r = "2017-04-12";
    let table: &[(&str, &[(&str, &str)])] = &[
        ("on Thanksgiving Day", &[("Thanksgiving Day", "2017-11-23")]),
        ("last Christmas", &[("last Christmas", "2016-12-25")]),
        ("Election Day 2016", &[("Election Day 2016", "2016-11-08")]),
        (
            "the final quarter of 2009",
            &[("the final quarter of 2009", "2009-Q4")],
        ),
        (
            "the first quarter of last year",
            &[("the first quarter of last year", "2016-Q1")],
        ),
        (
            "this year's third quarter",
            &[("this year's third quarter", "2017-Q3")],
        ),
        (
            "for two and a half years",
            &[("two and a half years", "P2Y6M")],
        ),
        ("lasted 5 1/2 hours", &[("5 1/2 hours", "PT5H30M")]),
        (
            "over the next three quarters",
            &[("the next three quarters", "P3Q")],
        ),
        ("the vote in May.", &[("May", "2017-05")]),
        ("you may go", &[]),
    ];
    for (input, want) in table {
        check(input, r, want);
    }
}

#[test]
fn tense_spelled_years_and_comparisons() {
    // 2017-04-12 is a Wednesday.
    let r = "2017-04-12";
    let table: &[(&str, &[(&str, &str)])] = &[
        // A future auxiliary far back in the clause still counts, and
        // "United" is a name, not a past-tense verb.
        (
            "The minister would be flying to the United States Friday with aides.",
            &[("Friday", "2017-04-14")],
        ),
        // "a.m." does not end the sentence that "until" opened.
        (
            "They have until 9 a.m. Monday to reply.",
            &[("9 a.m. Monday", "2017-04-17T09:00")],
        ),
        // "had been due to" reports a plan that already passed.
        (
            "The offer had been due to expire Monday evening.",
            &[("Monday evening", "2017-04-10TEV")],
        ),
        // A clause opening with the weekday takes the tense of its verb.
        (
            "On Friday, the union plans to hold a rally.",
            &[("Friday", "2017-04-14")],
        ),
        // A weekday before an explicit date defers to the date.
        (
            "an editorial on Thursday, April 13:",
            &[("Thursday, April 13", "2017-04-13")],
        ),
        // "this year" names the month's year, and the two are one expression,
        // as TimeML tags them.
        (
            "The talks began in May this year.",
            &[("May this year", "2017-05")],
        ),
        ("The process began in June.", &[("June", "2016-06")]),
        (
            "January nineteen ninety-seven was cold.",
            &[("January nineteen ninety-seven", "1997-01")],
        ),
        (
            "by the year two thousand",
            &[("the year two thousand", "2000")],
        ),
        ("two thousand people marched", &[]),
        ("the cars of the 70s", &[("the 70s", "197")]),
        ("At 0800 UTC the bank acted.", &[("0800 UTC", "2017-04-12T08:00Z")]),
        (
            "Sales rose in March compared with the same month a year ago.",
            &[("March", "2017-03"), ("the same month a year ago", "2016-03")],
        ),
        (
            "Profit rose in the first quarter. For the first nine months, sales rose 5% from a year earlier.",
            &[
                ("the first quarter", "2017-Q1"),
                ("the first nine months", "P9M"),
                ("a year earlier", "2016"),
            ],
        ),
    ];
    for (input, want) in table {
        check(input, r, want);
    }
}
