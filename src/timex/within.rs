//! Days picked inside a named month or week: "the first Tuesday in November", "the last
//! Friday of October 2014", "the last day of March", "Wednesday of next week".
//!
//! Without these rules the weekday was resolved on its own (the nearest Tuesday to the
//! reference date) and the month or week became a second expression, so the day the text
//! names was lost; "the last day" alone was even read as the duration of a day. The month or
//! week is resolved as it would be alone, then the day is counted inside it. Each rule reads a
//! window of at most eight tokens.

use chrono::{Datelike, Duration, NaiveDate};

use super::absolute::{month_at, year_at};
use super::lexicon;
use super::numbers::ordinal_at;
use super::resolve::{add_months, month_end};
use super::{Ctx, Hit, Val};

/// Tries the rules of this file at token `i`.
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    // Every rule here starts at "the", "last", "final", an ordinal, a number or a
    // weekday; most tokens are none of these, and are turned away at once.
    let lx = cx.lx;
    let j = if lx.w(i) == "the" { i + 1 } else { i };
    let w = lx.w(j);
    // A number must be an ordinal ("20th") or come before "of" or "day": figures in tables
    // are many, and none of them starts a rule here.
    let figure_ordinal = lx.kind(j) == Some(super::lexer::Kind::Num)
        && (matches!(lx.w(j + 1), "of" | "day")
            || lx.glued(j + 1) && matches!(lx.w(j + 1), "st" | "nd" | "rd" | "th"));
    // Weekdays end in "day" or "days", ordinal words in "st", "nd", "rd" or "th": two
    // byte comparisons turn most words away before the word lists are consulted.
    let ends = |s: &str| w.ends_with(s);
    let starts = figure_ordinal
        || matches!(w, "last" | "final")
        || (ends("day") || ends("days")) && lexicon::weekday(w).is_some()
        || (ends("st") || ends("nd") || ends("rd") || ends("th"))
            && lexicon::ordinal_word(w).is_some();
    if !starts {
        return None;
    }
    super::longest([
        nth_weekday(cx, i),
        end_day(cx, i),
        weekday_of_week(cx, i),
        day_of_month(cx, i),
    ])
}

/// A month at `k`: a name with an optional year ("October 2014", resolved like the bare
/// month otherwise) or "this/next/last month". Returns year, month and the index after it.
/// "the month" is left alone: "the first Monday of the month" is usually a recurring day.
fn month_ref(cx: &Ctx, k: usize) -> Option<(i32, u32, usize)> {
    let lx = cx.lx;
    // "the next month", "the current month", "the previous month".
    let k = if lx.w(k) == "the" && lx.w(k + 2) == "month" {
        k + 1
    } else {
        k
    };
    if lx.w(k + 1) == "month" {
        let dir = match lx.w(k) {
            "this" | "current" => 0,
            "next" => 1,
            "last" | "previous" => -1,
            _ => return None,
        };
        let d = cx.dct?;
        let (y, m) = add_months(d.year(), d.month(), dir);
        return Some((y, m, k + 2));
    }
    let (m, e) = month_at(lx, k)?;
    let mut j = e;
    if lx.w(j) == "," {
        j += 1;
    }
    if let Some((y, e2)) = year_at(lx, j) {
        return Some((y, m, e2));
    }
    match cx.month(m, k) {
        Val::Month(y, _) => Some((y, m, e)),
        _ => None,
    }
}

/// "the first Tuesday in November", "the last Friday of October 2014", "the 2nd Monday of
/// next month": the n-th (or last) such weekday of that month.
fn nth_weekday(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let j = if lx.w(i) == "the" { i + 1 } else { i };
    let (n, k) = match lx.w(j) {
        "last" | "final" => (0, j + 1),
        _ => ordinal_at(lx, j).filter(|(n, _)| (1..=5).contains(n))?,
    };
    let w = lx.w(k);
    // Plural weekdays ("the first Mondays of the month") recur.
    let wd = lexicon::weekday(w).filter(|_| !w.ends_with('s'))?;
    if !matches!(lx.w(k + 1), "of" | "in") {
        return None;
    }
    let (y, m, e) = month_ref(cx, k + 2)?;
    let d = if n == 0 {
        let last = month_end(y, m)?;
        let back = (last.weekday().num_days_from_monday() + 7 - wd) % 7;
        last - Duration::days(back as i64)
    } else {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let ahead = (wd + 7 - first.weekday().num_days_from_monday()) % 7;
        first + Duration::days((ahead + 7 * (n - 1)) as i64)
    };
    if d.month() != m {
        return None;
    }
    Hit::date(i, e, Val::Day(d))
}

/// "the last day of March", "the first day of next month", "last day in October 2015": that
/// day of the month.
fn end_day(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let j = if lx.w(i) == "the" { i + 1 } else { i };
    if lx.w(j + 1) != "day" || !matches!(lx.w(j + 2), "of" | "in") {
        return None;
    }
    let last = match lx.w(j) {
        "first" => false,
        "last" | "final" => true,
        _ => return None,
    };
    let (y, m, e) = month_ref(cx, j + 3)?;
    let d = if last {
        month_end(y, m)?
    } else {
        NaiveDate::from_ymd_opt(y, m, 1)?
    };
    Hit::date(i, e, Val::Day(d))
}

/// "Wednesday of next week", "Friday last week", "Monday this week": that day of the ISO week
/// the words name. "On Monday, last week's winner" is two expressions: a possessive week is
/// not the weekday's.
fn weekday_of_week(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let w = lx.w(i);
    let wd = lexicon::weekday(w).filter(|_| !w.ends_with('s'))?;
    let mut k = i + 1;
    if matches!(lx.w(k), "of" | ",") {
        k += 1;
    }
    let dir = match lx.w(k) {
        "this" => 0,
        "next" => 1,
        "last" => -1,
        _ => return None,
    };
    if lx.w(k + 1) != "week" || lx.w(k + 2) == "'" {
        return None;
    }
    let week = (cx.dct? + Duration::days(7 * dir)).iso_week();
    let monday = NaiveDate::from_isoywd_opt(week.year(), week.week(), chrono::Weekday::Mon)?;
    Hit::date(i, k + 2, Val::Day(monday + Duration::days(wd as i64)))
}

/// "the 20th of next month", "the 15th day of this month": a day of a month named by its
/// place from the reference date. A named month ("the 4th of July") is an ordinary date.
fn day_of_month(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let j = if lx.w(i) == "the" { i + 1 } else { i };
    let (n, mut k) = ordinal_at(lx, j).or_else(|| {
        // "20 of this month": a bare number needs the "of ... month" after it.
        let n = lx.num(j).filter(|_| lx.ndigits(j) <= 2)?;
        Some((n, j + 1))
    })?;
    if lx.w(k) == "day" {
        k += 1;
    }
    if lx.w(k) != "of" || !(lx.w(k + 2) == "month" || lx.w(k + 3) == "month") {
        return None;
    }
    let (y, m, e) = month_ref(cx, k + 1)?;
    // "20 of this month's applicants" counts people.
    if lx.w(e) == "'" {
        return None;
    }
    Hit::date(i, e, Val::Day(NaiveDate::from_ymd_opt(y, m, n)?))
}
