//! Expressions the extractor used to miss on the TempEval and MEANTIME development sets
//! (issue 15): vague references, definite periods, bare seasons, durations with an adjective
//! or a range, length compounds, modified years. Every sentence here is made up for the test;
//! none is gold text.

use super::tests::check;

#[test]
fn vague_references_are_found() {
    let r = "2015-06-10";
    check(
        "The board blamed current market conditions.",
        r,
        &[("current", "PRESENT_REF")],
    );
    check(
        "Shares fell after the recent merger talks.",
        r,
        &[("recent", "PAST_REF")],
    );
    check(
        "holders may buy stock at the then current price",
        r,
        &[("then current", "PAST_REF")],
    );
    check(
        "No change is planned for the near future.",
        r,
        &[("the near future", "FUTURE_REF")],
    );
    check(
        "Growth should return in the short term.",
        r,
        &[("the short term", "FUTURE_REF")],
    );
    check(
        "The mill stays shut for the time being.",
        r,
        &[("the time being", "PRESENT_REF")],
    );
    check(
        "The firm has grown over the years.",
        r,
        &[("the years", "PXY")],
    );
    check(
        "Rates should ease in coming months.",
        r,
        &[("coming months", "FUTURE_REF")],
    );
    check(
        "The plant will stay closed for a while.",
        r,
        &[("a while", "PXX")],
    );
    check(
        "The pier was rebuilt months ago.",
        r,
        &[("months ago", "PAST_REF")],
    );
    // Words that are rarely temporal stay unmarked, and so do the ones that name a thing.
    check(
        "Its most recent model runs on current account data.",
        r,
        &[],
    );
    check("Soon the ferry left; previously it had waited.", r, &[]);
    check(
        "A price is due by June 1. If none is agreed by that time, talks end.",
        r,
        &[("June 1", "2015-06-01"), ("that time", "2015-06-01")],
    );
    check(
        "The index had, at one point, lost 5%.",
        r,
        &[("one point", "PAST_REF")],
    );
}

#[test]
fn definite_periods_take_the_period_under_discussion() {
    let r = "2015-06-10";
    check(
        "The index rose 2% to end the day at 4,100.",
        r,
        &[("the day", "2015-06-10")],
    );
    check(
        "Shares slipped late in the day.",
        r,
        &[("the day", "2015-06-10")],
    );
    check(
        "On May 4 the index fell 3% for the day.",
        r,
        &[("May 4", "2015-05-04"), ("the day", "2015-05-04")],
    );
    check(
        "For the week, the index gained 1%.",
        r,
        &[("the week", "2015-W24")],
    );
    check(
        "Sales for the full year rose 4%.",
        r,
        &[("the full year", "2015")],
    );
    check(
        "It expects a loss for the fiscal year.",
        r,
        &[("the fiscal year", "2015")],
    );
    check(
        "Revenue for the year ended March 31 rose.",
        r,
        &[("the year", "P1Y"), ("March 31", "2015-03-31")],
    );
    check(
        "The sale should close by the end of the year.",
        r,
        &[("the end of the year", "2015")],
    );
    check(
        "The deal should close by year-end.",
        r,
        &[("year-end", "2015")],
    );
    check(
        "The deal should close by year's end.",
        r,
        &[("year's end", "2015")],
    );
    check(
        "Costs fell 8% from the year before.",
        r,
        &[("the year before", "2014")],
    );
    check(
        "It earned $3 million in the third quarter. The latest period included a gain.",
        "2015-10-20",
        &[
            ("the third quarter", "2015-Q3"),
            ("The latest period", "2015-Q3"),
        ],
    );
    // "the day" after a verb that is not about a trading day is not a date.
    check("He recalled the day he arrived.", r, &[]);
}

#[test]
fn bare_seasons_are_dated() {
    let r = "2015-10-20";
    check(
        "Rivals cut prices over the summer.",
        r,
        &[("the summer", "2015-SU")],
    );
    check(
        "Orders rose in spring, the company said.",
        r,
        &[("spring", "2015-SP")],
    );
    check("Prices may fall and winter storms may come.", r, &[]);
    check("He attends summer camp.", r, &[]);
}

#[test]
fn durations_with_an_adjective_a_range_or_a_compound() {
    let r = "2015-06-10";
    check(
        "Stocks fell for six straight days.",
        r,
        &[("six straight days", "P6D")],
    );
    check(
        "It shrank for two consecutive quarters.",
        r,
        &[("two consecutive quarters", "P2Q")],
    );
    check(
        "Eight trading days later the index recovered.",
        r,
        &[("Eight trading days", "P8D")],
    );
    check(
        "The loan may be extended for an additional year.",
        r,
        &[("an additional year", "P1Y")],
    );
    check("The index hit a 20 year low.", r, &[("a 20 year", "P20Y")]);
    check(
        "The process takes between 60 and 90 days.",
        r,
        &[("60", "P60D"), ("90 days", "P90D")],
    );
    check(
        "Waiting lasts two to six days.",
        r,
        &[("two", "P2D"), ("six days", "P6D")],
    );
    check(
        "They settled a decades-long dispute after a day-long meeting.",
        r,
        &[("decades-long", "PXY"), ("day-long", "P1D")],
    );
    check(
        "It was the worst single-day fall.",
        r,
        &[("single-day", "P1D")],
    );
    check(
        "Most arrests came in the first hours of the raid.",
        r,
        &[("the first hours", "PTXH")],
    );
    check(
        "Funds may sell bonds in the weeks ahead.",
        r,
        &[("the weeks ahead", "PXW")],
    );
    // A range of ages or a ratio is no duration.
    check("children aged 6 to 10 years old", r, &[]);
}

#[test]
fn modified_and_spelled_years_and_past_holidays() {
    let r = "2000-01-06";
    check(
        "The group split in mid-1996 after a defection.",
        r,
        &[("mid-1996", "1996")],
    );
    check(
        "The post-1959 politics divided families.",
        r,
        &[("post-1959", "1959")],
    );
    check(
        "Membership kept falling through the nineties.",
        r,
        &[("the nineties", "199")],
    );
    check(
        "The approach of the year two thousand worried them.",
        r,
        &[("the year two thousand", "2000")],
    );
    // In January, a past clause's Thanksgiving is last November's, a future one's the next.
    check(
        "The boy was found on Thanksgiving Day.",
        r,
        &[("Thanksgiving Day", "1999-11-25")],
    );
    check(
        "The family will meet again on Thanksgiving Day.",
        r,
        &[("Thanksgiving Day", "2000-11-23")],
    );
    // A model number joined by a hyphen is not a year.
    check("It ordered six A330-2009 jets.", r, &[]);
}

#[test]
fn fractions_and_ordinals_are_not_durations() {
    let r = "2015-06-10";
    check("Three-quarters of the shares were sold.", r, &[]);
    check("A quarter of the staff left.", r, &[]);
    check("He ran for a second time.", r, &[]);
}

#[test]
fn anaphoric_periods_and_parts_of_the_day() {
    let r = "2015-06-10";
    check(
        "Sales fell in 2012. Costs rose that year too.",
        r,
        &[("2012", "2012"), ("that year", "2012")],
    );
    check(
        "It lost $8 million in the fourth quarter of 2013 and $20 million for the entire year.",
        r,
        &[
            ("the fourth quarter of 2013", "2013-Q4"),
            ("the entire year", "2013"),
        ],
    );
    check(
        "Costs fell last year, and more than the year previous.",
        r,
        &[("last year", "2014"), ("the year previous", "2013")],
    );
    check(
        "The troops should arrive by the end of the month.",
        r,
        &[("the end of the month", "2015-06")],
    );
    check(
        "Brokers bought heavily in the morning.",
        r,
        &[("the morning", "2015-06-10TMO")],
    );
    check(
        "By mid-afternoon yesterday the shares were up.",
        r,
        &[("mid-afternoon yesterday", "2015-06-09TAF")],
    );
    check(
        "He was arrested on May 3 and appeared in court the next morning.",
        r,
        &[
            ("May 3", "2015-05-03"),
            ("the next morning", "2015-05-04TMO"),
        ],
    );
    check(
        "The ship will leave at 4 in the morning.",
        r,
        &[("4 in the morning", "2015-06-10T04:00")],
    );
    check(
        "They met on 14 May, 1870, again in 1903, and the following year in Sydney.",
        r,
        &[
            ("14 May, 1870", "1870-05-14"),
            ("1903", "1903"),
            ("the following year", "1904"),
        ],
    );
    check(
        "The current fiscal year looks weak.",
        r,
        &[("The current fiscal year", "2015")],
    );
}

#[test]
fn a_plan_reported_in_the_past_points_back() {
    // Wednesday 2015-06-10: a plan made earlier points back, a plan to act points ahead.
    let r = "2015-06-10";
    check(
        "A vigil planned at the church for Saturday was called off.",
        r,
        &[("Saturday", "2015-06-06")],
    );
    check(
        "The team planned to leave on Saturday.",
        r,
        &[("Saturday", "2015-06-13")],
    );
}
