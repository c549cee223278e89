//! Rules for expressions whose value hangs on a date written right next to
//! them or on the day under discussion, rather than on the reference date:
//! "the day before last Tuesday's hearing", "the previous Friday", "the week
//! of March 6", "the quarter ended July 31", "the first two quarters of
//! 1990". Each reads its neighbour with
//! the ordinary date rules and derives its own value from it, so these live
//! apart from the deictic rules in `relative.rs`, which look only at the
//! reference date.

use chrono::{Datelike, Duration, NaiveDate};

use super::lexicon;
use super::resolve::add_months;
use super::{Ctx, Hit, Val};

/// Tries every anchored rule at token `i`; all of them start with "the".
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.lx.w(i) != "the" {
        return None;
    }
    super::longest([
        day_beside(cx, i),
        weekday_beside_anchor(cx, i),
        week_of_day(cx, i),
        quarter_ended(cx, i),
        half_of_year(cx, i),
    ])
}

/// The day named at token `k` by the ordinary rules ("last Tuesday",
/// "March 6", "Christmas", "yesterday"), with the token after it; months, years and
/// vaguer values do not count. The rules called here never call back into
/// this file, so the look-ahead stays bounded.
fn day_at(cx: &Ctx, k: usize) -> Option<(NaiveDate, usize)> {
    // "the day before yesterday", "the day after tomorrow".
    let deictic = match cx.lx.w(k) {
        "yesterday" => Some(-1),
        "today" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(off) = deictic {
        return Some((cx.dct? + Duration::days(off), k + 1));
    }
    let h = super::longest([
        super::absolute::parse(cx, k),
        super::relative::weekday(cx, k),
        super::holidays::parse(cx, k),
    ])?;
    match h.val {
        Val::Day(d) | Val::DayPart(d, _) => Some((d, h.e)),
        _ => None,
    }
}

/// "the day before last Tuesday's hearing", "the day after Christmas": one
/// day off the day written next to it. Alone, "the day before" takes the
/// last day mentioned (`relative::anaphoric_day`), which made the day before
/// a Tuesday in February the day before a date in March named two sentences
/// earlier.
fn day_beside(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i + 1) != "day" {
        return None;
    }
    let off = match lx.w(i + 2) {
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let (d, e) = day_at(cx, i + 3)?;
    Hit::date(i, e, Val::Day(d + Duration::days(off)))
}

/// "the previous Friday", "the following Monday": the weekday before or
/// after the day under discussion, which is the reference date only when no
/// day has been named yet. In "shares closed Friday at 2082, down 4.5% from
/// the previous Friday" the previous Friday is a week before the close, not
/// the close itself.
fn weekday_beside_anchor(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let dir = match lx.w(i + 1) {
        "previous" | "preceding" => -1,
        "following" => 1,
        _ => return None,
    };
    let w = lx.w(i + 2);
    // "the following Fridays" recur; only the singular names one day.
    if w.ends_with('s') {
        return None;
    }
    let wd = lexicon::weekday(w)? as i64;
    let anchor = cx.anchor?;
    let cur = anchor.weekday().num_days_from_monday() as i64;
    let delta = if dir < 0 {
        -(cur - wd - 1).rem_euclid(7) - 1
    } else {
        (wd - cur - 1).rem_euclid(7) + 1
    };
    Hit::date(i, i + 3, Val::Day(anchor + Duration::days(delta)))
}

/// "the week of March 6": the ISO week that holds the day. The day alone
/// was the value, a day where the text names a week.
fn week_of_day(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i + 1) != "week" || lx.w(i + 2) != "of" {
        return None;
    }
    let (d, e) = day_at(cx, i + 3)?;
    let w = d.iso_week();
    Hit::date(i, e, Val::Week(w.year(), w.week()))
}

/// "the quarter ended July 31": the span is "the quarter", as TimeML tags it
/// (the date is an expression of its own), and its value is the calendar
/// quarter that holds most of the three months ending on that date, that
/// is the quarter of the middle month (of the three full months before, for
/// a date early in a month). A bare "the quarter" is otherwise
/// the last completed one, which put a quarter ended in July in the third
/// quarter. Quarters with an ordinal ("the second quarter ended Oct. 31")
/// are fiscal quarters and keep their number.
fn quarter_ended(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i + 1) != "quarter" || !matches!(lx.w(i + 2), "ended" | "ending") {
        return None;
    }
    let (d, _) = day_at(cx, i + 3)?;
    // A quarter of weeks ending early in a month ("ended May 2") covers the
    // three months before that one.
    let back = if d.day() <= 15 { -2 } else { -1 };
    let (y, m) = add_months(d.year(), d.month(), back);
    Hit::date(i, i + 2, Val::Quarter(y, (m - 1) / 3 + 1))
}

/// "the first two quarters of 1990", "the last six months of 2015": the half
/// of the year written after them. The year alone was the value, and the
/// count of quarters a second, overlapping expression.
fn half_of_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let h = match lx.w(i + 1) {
        "first" => 1,
        "last" | "second" => 2,
        _ => return None,
    };
    let two_quarters = (lx.w(i + 2), lx.w(i + 3)) == ("two", "quarters");
    let six_months = matches!(lx.w(i + 2), "six" | "6") && lx.w(i + 3) == "months";
    if !(two_quarters || six_months) || lx.w(i + 4) != "of" {
        return None;
    }
    let (y, e) = super::absolute::year_at(lx, i + 5)?;
    Hit::date(i, e, Val::Half(y, h))
}
