//! Named holidays ("Thanksgiving", "Christmas Eve", "Election Day"),
//! resolved to the occurrence nearest the reference date or to an explicit
//! year that follows.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::absolute::year_at;
use super::{Ctx, Hit, Val};

/// How a holiday's date is computed for a given year.
enum Rule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The n-th given weekday of a month (n = 5 means the last one).
    Nth(u32, Weekday, u32),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
}

impl Rule {
    fn date(&self, y: i32) -> Option<NaiveDate> {
        match *self {
            Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            Rule::Nth(m, wd, 5) => {
                let end = super::resolve::month_end(y, m)?;
                let back =
                    (end.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                Some(end - Duration::days(back as i64))
            }
            Rule::Nth(m, wd, n) => NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8),
            Rule::Election => {
                let first_monday = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
                Some(first_monday + Duration::days(1))
            }
        }
    }
}

/// The holiday named at `i` and the index after its name.
fn name_at(cx: &Ctx, i: usize) -> Option<(Rule, usize)> {
    let lx = cx.lx;
    let day = |k: usize| if lx.w(k) == "day" { k + 1 } else { k };
    let possessive = |k: usize| {
        if lx.w(k) == "'" && lx.w(k + 1) == "s" {
            k + 2
        } else {
            k
        }
    };
    Some(match (lx.w(i), lx.w(i + 1)) {
        ("christmas", "eve") => (Rule::Fixed(12, 24), i + 2),
        ("christmas", _) => (Rule::Fixed(12, 25), day(i + 1)),
        ("new", "year") => {
            let k = possessive(i + 2);
            match lx.w(k) {
                "eve" => (Rule::Fixed(12, 31), k + 1),
                "day" => (Rule::Fixed(1, 1), k + 1),
                _ => return None,
            }
        }
        ("thanksgiving", _) => (Rule::Nth(11, Weekday::Thu, 4), day(i + 1)),
        ("halloween", _) => (Rule::Fixed(10, 31), i + 1),
        ("valentine", _) => {
            let k = possessive(i + 1);
            (lx.w(k) == "day").then_some(())?;
            (Rule::Fixed(2, 14), k + 1)
        }
        ("independence", "day") => (Rule::Fixed(7, 4), i + 2),
        ("veterans", "day") => (Rule::Fixed(11, 11), i + 2),
        ("labor", "day") => (Rule::Nth(9, Weekday::Mon, 1), i + 2),
        ("memorial", "day") => (Rule::Nth(5, Weekday::Mon, 5), i + 2),
        ("election", "day") => (Rule::Election, i + 2),
        _ => return None,
    })
}

/// A holiday with an optional "last"/"next"/"this" and an optional year.
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let (dir, j) = match lx.w(i) {
        "last" => (-1, i + 1),
        "next" => (1, i + 1),
        "this" => (0, i + 1),
        _ => (0, i),
    };
    // Holiday names are proper nouns; "christmas" in lowercase is rare in
    // news and "labor day" in lowercase is often a generic phrase.
    if !lx.upper(j) && !matches!(lx.w(j), "thanksgiving" | "christmas" | "halloween") {
        return None;
    }
    let (rule, e) = name_at(cx, j)?;
    let mut k = e;
    if lx.w(k) == "," || lx.w(k) == "of" {
        k += 1;
    }
    if let Some((y, e2)) = year_at(lx, k).filter(|_| dir == 0) {
        return Hit::date(i, e2, Val::Day(rule.date(y)?));
    }
    let Some(dct) = cx.dct else {
        return Some(Hit {
            s: i,
            e,
            kind: super::TimexType::Date,
            val: Val::Raw("XXXX-XX-XX".into()),
        });
    };
    let y = dct.year();
    let this = rule.date(y)?;
    let d = match dir {
        -1 if this < dct => this,
        -1 => rule.date(y - 1)?,
        1 if this > dct => this,
        1 => rule.date(y + 1)?,
        // A bare holiday in a clause with a tense is the occurrence that
        // tense points at: "was found on Thanksgiving Day" in January is
        // last November's.
        _ => {
            let last = if this <= dct { this } else { rule.date(y - 1)? };
            let next = if this > dct { this } else { rule.date(y + 1)? };
            match cx.tense(i) {
                Some((true, _)) => next,
                Some((false, _)) => last,
                // Without a tense the year's own occurrence is kept.
                None => this,
            }
        }
    };
    Hit::date(i, e, Val::Day(d))
}
