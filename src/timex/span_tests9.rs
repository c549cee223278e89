//! Spans that generalise, second round (session 18): phrasings of times of day, anchored dates
//! and vague periods that news text uses and the extractor left unmarked or split, and words
//! inside compounds that it marked although they name no time. Every sentence here is made up
//! for the test; none is gold or corpus text.

use super::tests::check;

#[test]
fn that_night_and_later_that_evening_are_times_of_day() {
    let r = "2016-04-05";
    check(
        "That night, the senator spoke to the crowd.",
        r,
        &[("That night", "2016-04-05TNI")],
    );
    check(
        "The result came later that evening.",
        r,
        &[("later that evening", "2016-04-05TEV")],
    );
    check(
        "She flew home on March 3 and called him that same morning.",
        r,
        &[
            ("March 3", "2016-03-03"),
            ("that same morning", "2016-03-03TMO"),
        ],
    );
    check(
        "The rally took place on the same night as the debate.",
        r,
        &[("the same night", "2016-04-05TNI")],
    );
}

#[test]
fn that_same_day_is_the_day_under_discussion() {
    check(
        "The board met on May 9 and the lawsuit was filed that same day.",
        "2016-05-14",
        &[("May 9", "2016-05-09"), ("that same day", "2016-05-09")],
    );
}

#[test]
fn two_years_from_now_is_one_date() {
    let r = "2016-05-05";
    check(
        "The time to worry is two years from now.",
        r,
        &[("two years from now", "2018")],
    );
    check(
        "Things may look different six months from now.",
        r,
        &[("six months from now", "2016-11")],
    );
    check(
        "The bill takes effect 90 days from today.",
        r,
        &[("90 days from today", "2016-08-03")],
    );
    check(
        "Nobody knows what a few years from now will bring.",
        r,
        &[("a few years from now", "FUTURE_REF")],
    );
}

#[test]
fn an_hour_before_tonight_is_in_the_evening() {
    let r = "2016-04-05";
    check(
        "The vote closes around 9:45 tonight.",
        r,
        &[("9:45 tonight", "2016-04-05T21:45")],
    );
    check(
        "Doors open at 10:30 this morning.",
        r,
        &[("10:30 this morning", "2016-04-05T10:30")],
    );
}

#[test]
fn a_unit_inside_a_to_compound_is_no_period() {
    let r = "1989-10-30";
    check("The quarter-to-quarter comparison was weak.", r, &[]);
    check("Prices change on a day-to-day basis.", r, &[]);
    check("It booked a year-to-date revision of its tax rate.", r, &[]);
    // "the month-to-date" and "last year-to-date" still place the figures in a period.
    check(
        "Sales rose from last year-to-date.",
        r,
        &[("last year", "1988")],
    );
}

#[test]
fn a_lowercase_march_after_this_is_a_protest() {
    let r = "1999-03-12";
    check(
        "He was arrested at this march in each of the last three years.",
        r,
        &[("the last three years", "P3Y")],
    );
    check(
        "He will march again this March.",
        r,
        &[("this March", "1999-03")],
    );
}

#[test]
fn the_end_of_the_decade_and_the_turn_of_the_century_are_dates() {
    let r = "1987-06-01";
    check(
        "Output should double by the end of the decade.",
        r,
        &[("the end of the decade", "198")],
    );
    check(
        "Prices will be higher by the turn of the century.",
        r,
        &[("the turn of the century", "19")],
    );
    check(
        "No shortage is seen for the rest of the decade.",
        r,
        &[("the decade", "198")],
    );
    // A ranking names no period.
    check("It was the comeback of the decade.", r, &[]);
}

#[test]
fn the_longer_term_is_the_future_unless_it_qualifies_a_noun() {
    let r = "1987-06-01";
    check(
        "The firm expects to profit in the longer term.",
        r,
        &[("the longer term", "FUTURE_REF")],
    );
    check("Dealers said the longer term outlook was good.", r, &[]);
}

#[test]
fn clock_times_in_words_are_times() {
    let r = "2016-04-05";
    check(
        "The ministers meet at seven thirty p.m.",
        r,
        &[("seven thirty p.m.", "2016-04-05T19:30")],
    );
    check(
        "He tweeted at three o'clock in the morning.",
        r,
        &[("three o'clock in the morning", "2016-04-05T03:00")],
    );
    check(
        "The doors open at half past three pm.",
        r,
        &[("half past three pm", "2016-04-05T15:30")],
    );
    check(
        "Snow fell until one am.",
        r,
        &[("one am", "2016-04-05T01:00")],
    );
    // "am" is a verb after a bare number word, and a count is no clock.
    check("Which one am I to pick?", r, &[]);
    check(
        "They sold seven thirty-year bonds.",
        r,
        &[("thirty-year", "P30Y")],
    );
}

#[test]
fn the_early_hours_of_a_day_are_one_expression() {
    let r = "2016-09-23";
    check(
        "The curfew was not enforced in the early hours of Friday.",
        r,
        &[("the early hours of Friday", "2016-09-23")],
    );
    check(
        "The talks ended in the early hours of this morning.",
        r,
        &[("the early hours of this morning", "2016-09-23TMO")],
    );
}

#[test]
fn at_the_end_of_the_day_is_an_idiom() {
    let r = "2016-02-06";
    check("At the end of the day, voters will back the plan.", r, &[]);
    check(
        "Prices had cooled by the end of the day.",
        r,
        &[("the end of the day", "2016-02-06")],
    );
}
