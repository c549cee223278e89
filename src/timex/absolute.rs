//! Rules for explicit calendar expressions: numeric and spelled dates,
//! explicit seasons and quarters, clock times; years, decades and centuries
//! are in `years.rs`.

use chrono::{Datelike, NaiveDate};

use super::clock::clock;
use super::lexer::{Kind, Lexed};
use super::lexicon::{self, ambiguous_month, ordinal_word, weekday_abbr};
use super::numbers::in_table;
pub(crate) use super::years::year_at;
use super::years::{century, year_like};
use super::{Ctx, Hit, TimexType, Val};

/// Tries every absolute rule at token `i` and returns the longest match,
/// extended by an attached clock time or date where one follows.
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut h = parse_inner(cx, i)?;
    // "10:35 a.m. (0735 GMT)": the time in parentheses is the same instant in
    // another zone, so it belongs to the first expression rather than being a
    // second one that annotators leave untagged.
    if matches!(h.val, Val::Time(..)) && cx.lx.w(h.e) == "(" {
        if let Some(t) = clock(cx, h.e + 1, None) {
            if cx.lx.w(t.e) == ")" {
                h.e = t.e + 1;
            }
        }
    }
    Some(h)
}

fn parse_inner(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let best = super::longest([
        numeric_date(cx, i),
        named_date(cx, i),
        year_like(cx, i),
        century(cx, i),
        season_or_quarter_of_year(cx, i),
        week_of_month(cx, i),
        super::within::parse(cx, i),
        second_day(cx, i),
        clock(cx, i, None),
    ]);
    let mut h = best?;
    // "March 3, 2017 at 5:00 AM PT" and "5 p.m. Friday" become one TIME.
    match h.val {
        Val::Day(d) => {
            let mut j = h.e;
            if lx.w(j) == "," {
                j += 1;
            }
            if lx.w(j) == "at" {
                j += 1;
            }
            if let Some(t) = clock(cx, j, Some(d)) {
                h = Hit { s: h.s, ..t };
            }
        }
        Val::Time(..) => {
            // "16:00 UTC today", "10 a.m. tomorrow": one expression on that day.
            let off = match lx.w(h.e) {
                "today" | "tonight" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let (Some(off), Some(dct)) = (off, cx.dct) {
                let d = dct + chrono::Duration::days(off);
                if let Some(t) = clock(cx, h.s, Some(d)) {
                    return Some(Hit { e: h.e + 1, ..t });
                }
            }
            let mut j = h.e;
            if lx.w(j) == "," || lx.w(j) == "on" {
                j += 1;
            }
            // "10 p.m. Wednesday" takes the weekday's date.
            if let Some(wd) = lexicon::weekday(lx.w(j)).filter(|_| lx.upper(j)) {
                if let Val::Day(d) = cx.weekday(wd, j, 0) {
                    if let Some(t) = clock(cx, h.s, Some(d)) {
                        return Some(Hit { e: j + 1, ..t });
                    }
                }
            }
            if let Some(Hit {
                val: Val::Day(d),
                e,
                ..
            }) = named_date(cx, j).or_else(|| numeric_date(cx, j))
            {
                if let Some(t) = clock(cx, h.s, Some(d)) {
                    h = Hit { e, ..t };
                }
            }
        }
        _ => {}
    }
    Some(h)
}

/// A day of the month (`12`, `12th`, `twelfth`) at `j`.
fn day_at(lx: &Lexed, j: usize) -> Option<(u32, usize)> {
    if lx.kind(j) == Some(Kind::Num) && lx.ndigits(j) <= 2 {
        let d = lx.num(j)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        if lx.glued(j + 1) && matches!(lx.w(j + 1), "st" | "nd" | "rd" | "th") {
            return Some((d, j + 2));
        }
        // "5:30" is a clock time, but "April 25:" merely ends a heading.
        let clock_colon =
            lx.w(j + 1) == ":" && lx.glued(j + 2) && lx.kind(j + 2) == Some(Kind::Num);
        if lx.glued(j + 1) && (lx.kind(j + 1) == Some(Kind::Word) || clock_colon) {
            return None;
        }
        // "12.5" or "12,000" is a quantity, not a day.
        if lx.glued(j + 1)
            && matches!(lx.w(j + 1), "." | ",")
            && lx.kind(j + 2) == Some(Kind::Num)
            && lx.glued(j + 2)
        {
            return None;
        }
        return Some((d, j + 1));
    }
    ordinal_word(lx.w(j))
        .filter(|d| *d <= 31)
        .map(|d| (d, j + 1))
}

/// A date without a year whose weekday is named ("Fri, Jul 18") falls in the year nearest to
/// the one the month and day alone resolve to in which that day is that weekday. A date
/// within two months of the reference date keeps its year: there a weekday that does not
/// fit is more likely a slip than another year.
fn fit_weekday(cx: &Ctx, val: Val, wd: Option<u32>) -> Val {
    let (Val::Day(d), Some(wd), Some(dct)) = (&val, wd, cx.dct) else {
        return val;
    };
    if d.weekday().num_days_from_monday() == wd || (*d - dct).num_days().abs() <= 60 {
        return val;
    }
    // Nearest first; at equal distance, the year towards the reference date.
    let toward = if *d < dct { 1 } else { -1 };
    for off in [
        toward,
        -toward,
        2 * toward,
        -2 * toward,
        3 * toward,
        -3 * toward,
    ] {
        let y = NaiveDate::from_ymd_opt(d.year() + off, d.month(), d.day());
        if let Some(y) = y.filter(|y| y.weekday().num_days_from_monday() == wd) {
            return Val::Day(y);
        }
    }
    val
}

/// A month name at `j`, optionally followed by an abbreviation dot.
pub(crate) fn month_at(lx: &Lexed, j: usize) -> Option<(u32, usize)> {
    let w = lx.w(j);
    let m = lexicon::month(w)?;
    // Only abbreviations own a following dot; after "May" it ends a sentence.
    let abbr = w.len() <= 4 && !matches!(w, "may" | "june" | "july");
    if abbr && lx.w(j + 1) == "." && lx.glued(j + 1) {
        Some((m, j + 2))
    } else {
        Some((m, j + 1))
    }
}

/// ISO and slash-separated numeric dates.
fn numeric_date(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.kind(i) != Some(Kind::Num)
        || (i > 0 && lx.glued(i) && matches!(lx.w(i - 1), "/" | "-" | "." | "$"))
    {
        return None;
    }
    let sep = lx.w(i + 1);
    if !matches!(sep, "-" | "/" | ".") || !lx.glued(i + 1) || !lx.glued(i + 2) {
        return None;
    }
    let a = lx.num(i)?;
    let b = lx.num(i + 2)?;
    let three = lx.w(i + 3) == sep
        && lx.glued(i + 3)
        && lx.glued(i + 4)
        && lx.kind(i + 4) == Some(Kind::Num);
    // A longer chain of numbers (phone numbers, version strings) is not a date.
    if three
        && lx.glued(i + 5)
        && matches!(lx.w(i + 5), "-" | "/" | ".")
        && lx.kind(i + 6) == Some(Kind::Num)
    {
        return None;
    }
    if lx.ndigits(i) == 4 {
        let y = a as i32;
        if three && lx.ndigits(i + 4) <= 2 {
            let d = NaiveDate::from_ymd_opt(y, b, lx.num(i + 4)?)?;
            return Hit::date(i, i + 5, Val::Day(d));
        }
        if !three
            && sep != "."
            && lx.ndigits(i + 2) == 2
            && (1..=12).contains(&b)
            && (1900..2100).contains(&y)
        {
            return Hit::date(i, i + 3, Val::Month(y, b));
        }
        return None;
    }
    if lx.ndigits(i) > 2 || lx.ndigits(i + 2) > 2 {
        return None;
    }
    if three {
        let yd = lx.ndigits(i + 4);
        let mut y = lx.num(i + 4)? as i32;
        if yd == 2 {
            // Dotted triples with a two-digit last part ("2.3.31", "4.1.43")
            // are version numbers in news; dotted dates spell the year out.
            if sep == "." {
                return None;
            }
            y += if y > 30 { 1900 } else { 2000 };
        } else if yd != 4 || sep == "." && !(1900..2100).contains(&y) {
            return None;
        }
        // US order first; fall back to day-first when the month is impossible.
        let d = NaiveDate::from_ymd_opt(y, a, b).or_else(|| NaiveDate::from_ymd_opt(y, b, a))?;
        return Hit::date(i, i + 5, Val::Day(d));
    }
    if sep == "/"
        && (1..=12).contains(&a)
        && (1..=31).contains(&b)
        && !(lx.glued(i + 3) && lx.kind(i + 3) != Some(Kind::Punct))
    {
        // A bare "4/12" is read as month/day only when it is written with
        // a two-digit part or its day is plausible; fractions like 1/2 are
        // too common to accept single-digit pairs.
        if lx.ndigits(i) + lx.ndigits(i + 2) >= 3 {
            return Some(Hit {
                s: i,
                e: i + 3,
                kind: TimexType::Date,
                val: cx.month_day(a, b, i),
            });
        }
    }
    None
}

/// Dates spelled with a month name, optionally with weekday, day and year.
fn named_date(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut j = i;
    let mut s = i;
    let wd = weekday_abbr(lx.w(j));
    // Optional leading weekday: "Tuesday, April 12" or "Tue. Apr 12".
    if wd.is_some() {
        let mut k = j + 1;
        if lx.w(k) == "." {
            k += 1;
        }
        if lx.w(k) == "," {
            k += 1;
        }
        if lexicon::month(lx.w(k)).is_some()
            || day_at(lx, k).is_some() && lx.kind(k) == Some(Kind::Num)
        {
            j = k;
        } else {
            return None;
        }
    }
    if lx.w(j) == "the" {
        j += 1;
    }
    // Day-first: "12 April 2017", "the 12th of April".
    if let Some((d, k)) = day_at(lx, j) {
        let mut k2 = k;
        if lx.w(k2) == "of" {
            k2 += 1;
        }
        if let Some((m, k3)) = month_at(lx, k2) {
            if lx.kind(j) == Some(Kind::Word) && k2 == k {
                // "first March" is not a date, "first of March" is.
                return None;
            }
            let mut e = k3;
            let mut k4 = k3;
            if lx.w(k4) == "," {
                k4 += 1;
            }
            let val = if let Some((y, k5)) = year_at(lx, k4) {
                e = k5;
                Val::Day(NaiveDate::from_ymd_opt(y, m, d)?)
            } else {
                NaiveDate::from_ymd_opt(2000, m, d)?;
                fit_weekday(cx, cx.month_day(m, d, s), wd)
            };
            return Hit::date(s, e, val);
        }
        if j > i {
            return None;
        }
    }
    if lx.w(i) == "the" && j == i + 1 {
        s = i;
    }
    let (m, k) = month_at(lx, j)?;
    let word = lx.w(j);
    // Month then day: "April 12", "Apr. 12th, 2017", "March first".
    let mut k1 = k;
    if lx.w(k1) == "the" {
        k1 += 1;
    }
    if let Some((d, k2)) = day_at(lx, k1) {
        // Avoid "May 5 percent" style false matches and "April 2017" where
        // the number is a year.
        if lx.ndigits(k1) <= 2 && !matches!(lx.w(k2), "%" | "percent" | "million" | "billion") {
            let mut k3 = k2;
            if lx.w(k3) == "," {
                k3 += 1;
            }
            let (val, e) = if let Some((y, k4)) = year_at(lx, k3) {
                (Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), k4)
            } else if let Some(y) = pair_year(lx, k2) {
                // "Dec 23 and 31, 1986": the year after the pair is this day's too.
                (Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), k2)
            } else {
                NaiveDate::from_ymd_opt(2000, m, d)?;
                (fit_weekday(cx, cx.month_day(m, d, s), wd), k2)
            };
            if !ambiguous_month(word) || lx.upper(j) {
                return Hit::date(s, e, val);
            }
        }
    }
    // Month and year: "April 2017", "April of 2017", "April, 2017".
    let mut k1 = k;
    if matches!(lx.w(k1), "of" | ",") {
        k1 += 1;
    }
    if let Some((y, e)) = year_at(lx, k1) {
        // "Oct 13929 Dec 1403 Mar 2901" is a row of a commodity table.
        let table = lx.ndigits(k1) == 4 && in_table(lx, j, e);
        if (!ambiguous_month(word) || lx.upper(j)) && !table {
            return Hit::date(s, e, Val::Month(y, m));
        }
    }
    if j > i && weekday_abbr(lx.w(i)).is_some() {
        return None;
    }
    // A bare month name; ambiguous ones need a capital and a cue word.
    if ambiguous_month(word) {
        let prev = if j > 0 { lx.w(j - 1) } else { "" };
        let cue = matches!(
            prev,
            "in" | "last"
                | "this"
                | "next"
                | "since"
                | "until"
                | "by"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "from"
                | "through"
                | "before"
                | "after"
                | "during"
                | "-"
                | "and"
                | "to"
                | "till"
                | "end"
                | "between"
                | "around"
                | "throughout"
                | "or"
        );
        if !lx.upper(j)
            || !cue
            || (word.len() == 3 && word != "may")
            || (word == "may" && matches!(prev, "and" | "or"))
        {
            return None;
        }
    } else if word.len() <= 4 && k == j + 1 && !lx.upper(j) {
        return None;
    }
    // "June last year" is one expression whose year the trailing words name;
    // left apart, "last year" would be a second expression that the gold
    // sets never tag. With "of" between ("October of next year") annotators
    // tag the two apart, so the month keeps its own span there.
    let e = match (lx.w(k), lx.w(k + 1)) {
        ("this" | "last" | "next", "year") if cx.dct.is_some() => k + 2,
        _ => k,
    };
    let val = match range_year(lx, k) {
        // "November to April 1987": a range crossing a new year starts in the
        // year before.
        Some((y, m2)) if m > m2 => Val::Month(y - 1, m),
        Some((y, _)) => Val::Month(y, m),
        None => cx.month(m, j),
    };
    Some(Hit {
        s: j,
        e,
        kind: TimexType::Date,
        val,
    })
}

/// The year closing a range of months, for its first month: "between March and
/// April 2004", "from May to August, 1986". The first month alone would be
/// resolved against the reference date. Returns the year and the closing month.
fn range_year(lx: &Lexed, k: usize) -> Option<(i32, u32)> {
    if !matches!(lx.w(k), "and" | "or" | "to" | "through" | "-") {
        return None;
    }
    let (m2, e) = month_at(lx, k + 1)?;
    let e = if lx.w(e) == "," { e + 1 } else { e };
    year_at(lx, e).map(|(y, _)| (y, m2))
}

/// The year written after a second day at `j` ("and 31, 1986"), if any.
fn pair_year(lx: &Lexed, j: usize) -> Option<i32> {
    if !matches!(lx.w(j), "and" | "or") || lx.kind(j + 1) != Some(Kind::Num) {
        return None;
    }
    let (_, k) = day_at(lx, j + 1)?;
    let k = if lx.w(k) == "," { k + 1 } else { k };
    year_at(lx, k).map(|(y, _)| y)
}

/// The second day of "April 24 and 25": a later day of the same month right
/// after "and" that follows a date.
fn second_day(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.kind(i) != Some(Kind::Num) || i < 1 || !matches!(lx.w(i - 1), "and" | "or") {
        return None;
    }
    let (d, end) = cx.last_day?;
    let (n, e) = day_at(lx, i)?;
    if end + 1 != i
        || n <= chrono::Datelike::day(&d)
        || lx.kind(e) == Some(Kind::Word) && !lx.upper(e)
    {
        return None;
    }
    // "Dec 23 and 31, 1986": a year after the pair belongs to the second day.
    let k = if lx.w(e) == "," { e + 1 } else { e };
    if let Some((y, e2)) = year_at(lx, k) {
        return Hit::date(i, e2, Val::Day(NaiveDate::from_ymd_opt(y, d.month(), n)?));
    }
    Hit::date(i, e, Val::Day(d.with_day(n)?))
}

/// "the last week of March", "the first week of May 2009": one ISO week. The
/// n-th week is the one holding day 7n - 3 of the month, and the last the one
/// holding the fourth day from the end, so that the week chosen has most of
/// its days in the month.
fn week_of_month(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i) != "the" || lx.w(i + 2) != "week" || lx.w(i + 3) != "of" {
        return None;
    }
    let n = match lx.w(i + 1) {
        "last" | "final" => 0,
        w => ordinal_word(w).filter(|n| *n <= 4)?,
    };
    let (m, k) = month_at(lx, i + 4)?;
    let (y, e) = match year_at(lx, k) {
        Some((y, e)) => (y, e),
        None => match cx.month(m, i + 4) {
            Val::Month(y, _) => (y, k),
            _ => return None,
        },
    };
    let day = if n == 0 {
        super::resolve::month_end(y, m)? - chrono::Duration::days(3)
    } else {
        NaiveDate::from_ymd_opt(y, m, 7 * n - 3)?
    };
    let w = chrono::Datelike::iso_week(&day);
    Hit::date(i, e, Val::Week(w.year(), w.week()))
}

/// "summer 2016", "the summer of 2016", "Q3 2016", "the third quarter of
/// 1989", "the first half of 1989".
fn season_or_quarter_of_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut j = i;
    if lx.w(j) == "the" {
        j += 1;
    }
    let (part, k): (Val, usize) = if let Some(s) = lexicon::season(lx.w(j)) {
        (Val::Season(0, s), j + 1)
    } else if lx.w(j) == "q" && lx.glued(j + 1) && matches!(lx.num(j + 1), Some(1..=4)) {
        (Val::Quarter(0, lx.num(j + 1)?), j + 2)
    } else if let Some((o, k)) = super::numbers::ordinal_at(lx, j)
        .or_else(|| matches!(lx.w(j), "final" | "last").then_some((0, j + 1)))
    {
        let mut k = k;
        if lx.w(k) == "-" {
            k += 1;
        }
        match lx.w(k) {
            // "the final quarter of 2009" is the fourth one.
            "quarter" if o <= 4 => (Val::Quarter(0, if o == 0 { 4 } else { o }), k + 1),
            "half" if o <= 2 => (Val::Half(0, if o == 0 { 2 } else { o }), k + 1),
            _ => return None,
        }
    } else {
        return None;
    };
    let mut k2 = k;
    if matches!(lx.w(k2), "of" | ",") {
        k2 += 1;
    }
    // "the first half of fiscal 1988": the fiscal year is valued by its number,
    // as "fiscal 1988" alone is.
    if lx.w(k2) == "fiscal" && lx.kind(k2 + 1) == Some(Kind::Num) {
        k2 += 1;
    }
    // The year may be explicit or relative: "of last year".
    let rel = match (lx.w(k2), lx.w(k2 + 1)) {
        ("this", "year") => Some(0),
        ("last", "year") => Some(-1),
        ("next", "year") => Some(1),
        _ => None,
    };
    // "the second half of the year" is the reference year's, as "the second
    // half" alone is.
    let the_year = matches!(part, Val::Half(..)) && (lx.w(k2), lx.w(k2 + 1)) == ("the", "year");
    let rel = if the_year { Some(0) } else { rel };
    let (y, e) = match (rel, cx.dct) {
        (Some(r), Some(d)) => (chrono::Datelike::year(&d) + r, k2 + 2),
        _ => year_at(lx, k2)?,
    };
    // "HARD RED WINTER 1639 1635 54" is a row of a grain table.
    if rel.is_none() && in_table(lx, j, e) {
        return None;
    }
    let val = match part {
        Val::Season(_, s) => Val::Season(y, s),
        Val::Quarter(_, q) => Val::Quarter(y, q),
        Val::Half(_, h) => Val::Half(y, h),
        _ => return None,
    };
    Hit::date(i, e, val)
}
