//! Span errors fixed in the fourth round of issue 15: words tagged that are no temporal
//! expression of their own, and expressions missed. Each test is named after what broke;
//! every sentence is made up for it and none is gold text.

use super::tests::check;

#[test]
fn a_month_and_its_relative_year_are_one_expression() {
    let r = "2011-10-20";
    check(
        "The plant opened in June last year and will close in March next year.",
        r,
        &[
            ("June last year", "2010-06"),
            ("March next year", "2012-03"),
        ],
    );
    check(
        "Talks began in early February this year.",
        r,
        &[("early February this year", "2011-02")],
    );
    // With "of" between, the two are tagged apart.
    check(
        "The lease runs out after May of next year.",
        r,
        &[("May", "2012-05"), ("next year", "2012")],
    );
}

#[test]
fn newspapers_shows_and_idioms_are_names_not_dates() {
    let r = "2011-10-20";
    check(
        "The senator told USA Today and NBC's Today show that he would run.",
        r,
        &[],
    );
    check(
        "She said on ABC's \"This Week\" that the talks had failed, and on CBS' \"60 Minutes\" that she would resign.",
        r,
        &[],
    );
    check("For the party, high noon came with the vote.", r, &[]);
    check(
        "In today's world, today's youth read news on phones.",
        r,
        &[],
    );
    // In capitals the case of a word says nothing about names.
    check(
        "RAINFALL IN THE 24 HOURS UP TO NOON TODAY WAS LIGHT.",
        r,
        &[
            ("THE 24 HOURS", "PT24H"),
            ("NOON TODAY", "2011-10-20T12:00"),
        ],
    );
    // A holiday is a capitalised name of a day itself.
    check(
        "Crowds marked the nation's Independence Day with parades.",
        r,
        &[("Independence Day", "2011-07-04")],
    );
    // The words stay dates where they are not part of a name.
    check(
        "Today the council voted, and by noon the mayor resigned.",
        r,
        &[("Today", "2011-10-20"), ("noon", "2011-10-20T12:00")],
    );
    check(
        "\"We are done,\" he said. \"Last April we were not.\"",
        r,
        &[("Last April", "2011-04")],
    );
}

#[test]
fn a_stock_index_named_with_a_number_is_no_year() {
    check(
        "The Russell 2000 index of small companies fell 2 percent, and the Wilshire 5000 Index lost 1 percent.",
        "2011-10-20",
        &[],
    );
}

#[test]
fn a_time_in_another_zone_in_parentheses_is_the_same_expression() {
    check(
        "The blast came at 10:35 a.m. (0735 GMT) Friday.",
        "2011-10-22",
        &[
            ("10:35 a.m. (0735 GMT)", "2011-10-22T10:35"),
            ("Friday", "2011-10-21"),
        ],
    );
}

#[test]
fn a_streak_in_a_market_report_is_the_period_of_the_report() {
    let r = "2011-10-20";
    check(
        "Trading was halted for a second consecutive day. Stocks rose for the third straight week, and bonds gained for a fifth month in a row.",
        r,
        &[
            ("a second consecutive day", "2011-10-20"),
            ("the third straight week", "2011-W42"),
            ("a fifth month in a row", "2011-10"),
        ],
    );
    // Without "consecutive", "straight" or "in a row" an ordinal counts anything.
    check("He ran for a second term.", r, &[]);
}

#[test]
fn a_period_without_a_length_and_a_later_date_are_found() {
    let r = "2011-10-20";
    check(
        "The troops will stay for a fairly lengthy period, and the chief is on leave for an indefinite period of time.",
        r,
        &[
            ("a fairly lengthy period", "PXX"),
            ("an indefinite period of time", "PXX"),
        ],
    );
    check(
        "The bank will sell the bonds at a later date.",
        r,
        &[("a later date", "FUTURE_REF")],
    );
}

#[test]
fn morning_trading_is_the_morning_of_the_report() {
    check(
        "The shares hit a high in morning trading.",
        "2011-10-20",
        &[("morning", "2011-10-20TMO")],
    );
}

#[test]
fn a_clock_time_today_is_one_expression() {
    check(
        "The president speaks at 16:00 UTC today and the board meets at 10 a.m. tomorrow.",
        "2011-10-20",
        &[
            ("16:00 UTC today", "2011-10-20T16:00Z"),
            ("10 a.m. tomorrow", "2011-10-21T10:00"),
        ],
    );
}

#[test]
fn a_fraction_set_off_by_commas_is_no_quarter() {
    check(
        "The firm will close 789, or about a quarter, of its 3,200 dealers.",
        "2011-10-20",
        &[],
    );
}

#[test]
fn the_last_week_of_a_month_is_one_week() {
    let r = "2009-04-10";
    check(
        "Sales rebounded in the last week of March.",
        r,
        &[("the last week of March", "2009-W13")],
    );
    check(
        "The plant reopens in the first week of May 2010.",
        r,
        &[("the first week of May 2010", "2010-W18")],
    );
}

#[test]
fn the_financial_year_is_the_fiscal_year() {
    check(
        "Sales rose at the very beginning of the financial year.",
        "2007-01-18",
        &[("the very beginning of the financial year", "2007")],
    );
}

#[test]
fn the_best_week_since_is_the_week_of_the_report() {
    let r = "2009-03-13";
    check(
        "Stocks had their best week since November.",
        r,
        &[("best week", "2009-W11"), ("November", "2008-11")],
    );
    // Without "since" right after it, a ranked day may be any day.
    check("It was the worst day in the firm's history.", r, &[]);
}

#[test]
fn this_century_is_found() {
    check(
        "It was the worst war of this century, and of the last century too.",
        "1999-03-12",
        &[("this century", "19"), ("last century", "18")],
    );
}

#[test]
fn the_second_day_of_a_pair_is_a_date_too() {
    check(
        "The summit will be held on April 24 and 25.",
        "1999-03-12",
        &[("April 24", "1999-04-24"), ("25", "1999-04-25")],
    );
    check(
        "Profits for Dec 23 and 31, 1986 were restated.",
        "1999-03-12",
        &[("Dec 23", "1986-12-23"), ("31, 1986", "1986-12-31")],
    );
    // A number after "and" that counts something is no day.
    check(
        "Rates rose on May 3 and 4 percent of loans failed.",
        "1999-03-12",
        &[("May 3", "1999-05-03")],
    );
}

#[test]
fn now_opening_a_sentence_with_a_comma_or_in_a_compound_is_no_date() {
    let r = "2011-10-20";
    check("The plan failed. Now, he says, it will work.", r, &[]);
    check("He spoke against the now-cancelled deal.", r, &[]);
    check(
        "The plan failed. Now the council wants a vote.",
        r,
        &[("Now", "PRESENT_REF")],
    );
}

#[test]
fn the_nth_day_of_a_campaign_is_the_day_of_the_report() {
    let r = "2011-10-20";
    check(
        "Today is the ninth day of the strike, and it's the third day of talks.",
        r,
        &[
            ("Today", "2011-10-20"),
            ("the ninth day", "2011-10-20"),
            ("the third day", "2011-10-20"),
        ],
    );
    // Without "is" before it, the count may end on any day.
    check("They met on the second day of talks.", r, &[]);
}

#[test]
fn spelled_hundreds_and_thousands_count_years() {
    let r = "2011-10-20";
    check(
        "The craft has been handed down for more than two thousand years.",
        r,
        &[("more than two thousand years", "P2L")],
    );
    check(
        "The church stood for five hundred years.",
        r,
        &[("five hundred years", "P500Y")],
    );
    check("He hired two thousand workers.", r, &[]);
}
