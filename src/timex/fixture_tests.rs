//! Numbers that are not dates, taken from the news corpus, and years that are.
//!
//! On real cases the extractor used to read clock times ("1400 GMT"), version strings
//! ("2.3.31"), product models ("Windows 10 version 1809", "the 7610's"), prices and index
//! levels as years, and those false dates are what a case's timeline opens on. The fixture
//! `tests/fixtures/timex/not-dates.tsv` holds over 300 such numbers in the sentence they came
//! from; the positive list below keeps genuine years, decades and centuries found, so the fix
//! cannot simply be to drop bare years.

use super::{extract, TimexType};

const NOT_DATES: &str = include_str!("../../tests/fixtures/timex/not-dates.tsv");

/// Char spans of `number` in `context` where it stands alone, not inside a longer figure.
fn spans_of(context: &str, number: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (at, _) in context.match_indices(number) {
        let before = context[..at].chars().next_back();
        let after = context[at + number.len()..].chars().next();
        if before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let start = context[..at].chars().count();
        spans.push((start, start + number.chars().count()));
    }
    spans
}

#[test]
fn numbers_in_news_that_are_not_dates_yield_no_date() {
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in NOT_DATES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "fixture line has four columns: {line}");
        let (category, number, context) = (cols[0], cols[2], cols[3]);
        let spans = spans_of(context, number);
        assert!(
            !spans.is_empty(),
            "{number} is not in its context: {context}"
        );
        rows += 1;
        // A four-digit clock time may rightly come back as a TIME at that hour and minute.
        let clock = (number.len() == 4).then(|| format!("T{}:{}", &number[..2], &number[2..]));
        for t in extract(context, None) {
            let overlaps = spans.iter().any(|&(s, e)| t.start < e && s < t.end);
            // "1930 EDT (2330 GMT)" is one TIME: the time in parentheses is the same
            // instant in another zone, so it is read as a clock time too.
            let is_that_clock = t.kind == TimexType::Time
                && (clock.as_deref().is_some_and(|c| t.value.contains(c))
                    || t.text.contains(&format!("({number}")));
            if overlaps && !is_that_clock {
                failures.push(format!(
                    "{category}: {number} read as {:?} {} ({:?}) in: {context}",
                    t.kind, t.value, t.text
                ));
            }
        }
    }
    assert!(
        rows >= 300,
        "the fixture keeps at least 300 numbers, has {rows}"
    );
    assert!(
        failures.is_empty(),
        "{} of {rows} numbers read as dates:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn genuine_years_decades_and_centuries_stay_dates() {
    let cases = [
        ("The company was founded in 1987 in Ohio.", "1987", "1987"),
        ("Prices fell through the 1990s.", "the 1990s", "199"),
        (
            "The canal was dug in the 19th century.",
            "the 19th century",
            "18",
        ),
        ("The bridge, built in 1850, still stands.", "1850", "1850"),
        ("The bank has been independent since 1694.", "1694", "1694"),
        (
            "It was the worst harvest since 1888, officials said.",
            "1888",
            "1888",
        ),
        (
            "Adam Smith's Wealth of Nations appeared in 1776.",
            "1776",
            "1776",
        ),
        (
            "Loans extended up to 1990 will be rescheduled.",
            "1990",
            "1990",
        ),
        ("Net rose 12 pct in nine mths 1987 vs 1986.", "1986", "1986"),
        (
            "The 1972 Anti-Ballistic Missile treaty is at stake.",
            "1972",
            "1972",
        ),
        ("Profit rose from 1985's 110.1 mln stg.", "1985", "1985"),
        ("The Great Fire of 1666 destroyed the city.", "1666", "1666"),
        ("Sales doubled between 1995 and 2005.", "2005", "2005"),
        ("The 1980s were good to the firm.", "The 1980s", "198"),
        (
            "The talks resume at 1400 GMT on Monday.",
            "1400 GMT",
            "T14:00",
        ),
        // Next to the rules for products, counts, levels and clock ranges (issue 15, second
        // round): a capitalised word with a year's cue, a year compared as a level, a far
        // target year, a count of years.
        ("In 1888 a British team toured.", "1888", "1888"),
        ("Records only date back to 1834.", "1834", "1834"),
        ("Net was below the 1987 level.", "1987", "1987"),
        ("Emissions must fall 80 percent by 2050.", "2050", "2050"),
        ("The last bond is due in 2034.", "2034", "2034"),
        ("It was founded by Lord Russell in 1848.", "1848", "1848"),
        ("The Act of Settlement of 1701 governs it.", "1701", "1701"),
        (
            "The Senate votes at 1600 est/2100 gmt.",
            "1600 est",
            "T16:00",
        ),
    ];
    for (text, span, value) in cases {
        let found = extract(text, None);
        assert!(
            found
                .iter()
                .any(|t| t.text == span && t.value.contains(value)),
            "{span:?} in {text:?} should be a date with value {value}, got {found:?}"
        );
    }
}
