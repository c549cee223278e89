//! Value errors fixed in the third round of issue 15: expressions the extractor found but
//! normalised differently from what the TempEval and MEANTIME gold sets say in most of
//! their uses. Each test is named after what broke; every sentence is made up for it and
//! none is gold text.

use super::tests::check;

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

#[test]
fn a_month_and_day_follow_the_tense_of_their_clause() {
    let r = "2011-10-20";
    // A future clause takes the nearer occurrence, even four months ahead.
    check(
        "The new chief will take over Feb. 3, the bank said.",
        r,
        &[("Feb. 3", "2012-02-03")],
    );
    check(
        "The board named a new treasurer, effective March 1.",
        r,
        &[("March 1", "2012-03-01")],
    );
    // A past verb right before the date looks back, even to a date just ahead.
    check(
        "In the fiscal year ended Dec. 31, the chain earned $4 million.",
        r,
        &[("the fiscal year", "P1Y"), ("Dec. 31", "2010-12-31")],
    );
    // A recent date stays in the past although the clause mentions a plan.
    check(
        "Donors would send more aid after the Oct. 9 floods hit the valley.",
        r,
        &[("the Oct. 9", "2011-10-09")],
    );
}

#[test]
fn a_weekday_night_is_the_bare_day() {
    // 2013-05-08 is a Wednesday; the night keeps its place in the span.
    let r = "2013-05-08";
    check(
        "The mayor spoke at a rally Monday night.",
        r,
        &[("Monday night", "2013-05-06")],
    );
    // Other parts of the day keep their code.
    check(
        "The mayor spoke at a rally Monday evening.",
        r,
        &[("Monday evening", "2013-05-06TEV")],
    );
    check(
        "The mayor spoke at a rally Monday morning.",
        r,
        &[("Monday morning", "2013-05-06TMO")],
    );
}

#[test]
fn should_looks_ahead() {
    // Five months ahead, a bare month would otherwise be last year's.
    check(
        "The sale should be completed in March, the lender said.",
        "2011-10-20",
        &[("March", "2012-03")],
    );
}

#[test]
fn one_day_after_a_modal_is_the_future() {
    let r = "2011-10-20";
    check(
        "Engineers say the probe could one day reach Mars.",
        r,
        &[("one day", "FUTURE_REF")],
    );
    // Without a modal it stays a length.
    check("The strike lasted one day.", r, &[("one day", "P1D")]);
}

#[test]
fn each_month_name_recurs_every_year() {
    check(
        "The town holds a fair each August near the river.",
        "2011-10-20",
        &[("each August", "XXXX-08")],
    );
}

#[test]
fn a_vague_or_hourly_length_later_is_a_duration() {
    let r = "2011-10-20";
    check(
        "The plant closed. A few weeks later, the owner sold it.",
        r,
        &[("A few weeks", "PXW")],
    );
    check(
        "He was hurt at noon and, two hours later, he was flown out.",
        r,
        &[("noon", "2011-10-20T12:00"), ("two hours", "PT2H")],
    );
    // A counted day still points at a date.
    check(
        "The plant closed on May 2. Three days later, the owner sold it.",
        r,
        &[("May 2", "2011-05-02"), ("Three days later", "2011-05-05")],
    );
}

#[test]
fn a_quarter_named_after_a_forecast_is_the_one_compared() {
    // A forecast names next year's quarter first; the quarter reported next is
    // this year's, and "a year ago" compares with the year before it.
    check(
        "The firm sees a recovery by the second quarter of 2013. Second-quarter sales fell to $3 million from $4 million a year ago.",
        "2012-07-25",
        &[
            ("the second quarter of 2013", "2013-Q2"),
            ("Second-quarter", "2012-Q2"),
            ("a year ago", "2011-Q2"),
        ],
    );
}

#[test]
fn tens_and_units_without_a_hyphen_are_one_number() {
    check(
        "Prices rose over the last twenty four hours.",
        "2011-10-20",
        &[("the last twenty four hours", "PT24H")],
    );
}

#[test]
fn a_month_after_by_or_through_is_a_deadline_ahead() {
    let r = "2011-10-20";
    check(
        "The firm plans to repay the loan by February, and the bank has offered it a $5 million credit line through January.",
        r,
        &[("February", "2012-02"), ("January", "2012-01")],
    );
    // A span that ran through a month already past stays in the past.
    check(
        "Sales this year through August were flat.",
        r,
        &[("this year", "2011"), ("August", "2011-08")],
    );
}
