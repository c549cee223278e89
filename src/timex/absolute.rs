//! Rules for explicit calendar expressions: numeric and spelled dates,
//! years, decades, centuries, explicit seasons and quarters, clock times.

use chrono::NaiveDate;

use super::clock::clock;
use super::lexer::{Kind, Lexed};
use super::lexicon::{self, ambiguous_month, ordinal_word, weekday_abbr};
use super::numbers::{in_table, number_is_year_here};
use super::{Ctx, Hit, TimexType, Val};

/// Tries every absolute rule at token `i` and returns the longest match,
/// extended by an attached clock time or date where one follows.
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut best: Option<Hit> = None;
    for h in [
        numeric_date(cx, i),
        named_date(cx, i),
        year_like(cx, i),
        century(cx, i),
        season_or_quarter_of_year(cx, i),
        clock(cx, i, None),
    ]
    .into_iter()
    .flatten()
    {
        if best.as_ref().is_none_or(|b| h.e > b.e) {
            best = Some(h);
        }
    }
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

/// A four-digit year (or `'98`) at `j`, with the index after it.
pub(crate) fn year_at(lx: &Lexed, j: usize) -> Option<(i32, usize)> {
    if lx.w(j) == "'" && lx.ndigits(j + 1) == 2 && lx.glued(j + 1) {
        let n = lx.num(j + 1)? as i32;
        if lx.glued(j + 2) && lx.kind(j + 2) == Some(Kind::Word) {
            return None;
        }
        return Some((if n > 30 { 1900 + n } else { 2000 + n }, j + 2));
    }
    if lx.ndigits(j) == 4 {
        let y = lx.num(j)? as i32;
        // "26 February 1600 GMT" is a day and a clock time, not the year 1600.
        let w = lx.w(j + 1);
        let clock = lexicon::zone(w).is_some() && w != "z" && lx.upper(j + 1) || w == "hrs";
        if (1000..=2999).contains(&y) && !glued_number_continues(lx, j) && !clock {
            return Some((y, j + 1));
        }
    }
    spelled_year(lx, j)
}

/// A year spelled in words, as in transcripts: "nineteen ninety-six",
/// "nineteen hundred", "two thousand and one". "Two thousand" alone is
/// usually a quantity, so it needs a cue before it ("the year", "in",
/// a month name) and no noun after it.
fn spelled_year(lx: &Lexed, j: usize) -> Option<(i32, usize)> {
    // Tens and units words after the century: "ninety-six", "eighty".
    let tens_units = |k: usize| -> Option<(i32, usize)> {
        let t = lexicon::number_word(lx.w(k)).filter(|t| (20..=90).contains(t) && t % 10 == 0)?;
        if lx.w(k + 1) == "-" {
            if let Some(u) = lexicon::number_word(lx.w(k + 2)).filter(|u| (1..=9).contains(u)) {
                return Some(((t + u) as i32, k + 3));
            }
        }
        Some((t as i32, k + 1))
    };
    match lx.w(j) {
        "nineteen" | "eighteen" => {
            let c = if lx.w(j) == "nineteen" { 1900 } else { 1800 };
            if lx.w(j + 1) == "hundred" {
                return Some((c, j + 2));
            }
            let (n, e) = tens_units(j + 1)?;
            Some((c + n, e))
        }
        "two" if lx.w(j + 1) == "thousand" => {
            let prev = if j > 0 { lx.w(j - 1) } else { "" };
            // "the year two thousand" names the year whatever follows.
            if prev == "year"
                && !matches!(lx.w(j + 2), "and")
                && lexicon::number_word(lx.w(j + 2)).is_none()
            {
                return Some((2000, j + 2));
            }
            let cue = matches!(prev, "year" | "in" | "since" | "by" | "until" | "of")
                || lexicon::month(prev).is_some();
            if !cue {
                return None;
            }
            let mut k = j + 2;
            if lx.w(k) == "and" {
                k += 1;
            }
            match lexicon::number_word(lx.w(k)).filter(|u| (1..=19).contains(u)) {
                Some(u) if lx.w(k) != "a" && lx.w(k) != "an" => Some((2000 + u as i32, k + 1)),
                _ if lx.kind(j + 2) == Some(Kind::Word) && lx.w(j + 2) != "and" => None,
                _ => Some((2000, j + 2)),
            }
        }
        _ => None,
    }
}

/// True when a number at `j` is part of a longer figure ("1,990", "2.5",
/// "1990s", "$2000", "2000%") and therefore not a year by itself.
fn glued_number_continues(lx: &Lexed, j: usize) -> bool {
    let after = lx.w(j + 1);
    if lx.glued(j + 1) {
        if matches!(after, "," | "." | ":" | "/" | "-")
            && lx.kind(j + 2) == Some(Kind::Num)
            && lx.glued(j + 2)
        {
            return true;
        }
        if lx.kind(j + 1) == Some(Kind::Word) || lx.kind(j + 1) == Some(Kind::Num) || after == "%" {
            return true;
        }
    }
    if j > 0 && lx.glued(j) {
        let before = lx.w(j - 1);
        // "mid-1996" and "post-1959" are years with a prefix; "A330-2009" is
        // a model number.
        let prefix = before == "-"
            && j > 1
            && matches!(lx.w(j - 2), "mid" | "pre" | "post" | "early" | "late");
        if matches!(before, "$" | "#" | "£" | "€" | "." | "-" | "/" | ":" | "+") && !prefix {
            return true;
        }
        if before == "," && j > 1 && lx.kind(j - 2) == Some(Kind::Num) && lx.glued(j - 1) {
            return true;
        }
    }
    false
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

/// A month name at `j`, optionally followed by an abbreviation dot.
fn month_at(lx: &Lexed, j: usize) -> Option<(u32, usize)> {
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
                val: cx.month_day(a, b),
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
    // Optional leading weekday: "Tuesday, April 12" or "Tue. Apr 12".
    if weekday_abbr(lx.w(j)).is_some() {
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
                cx.month_day(m, d)
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
            } else {
                NaiveDate::from_ymd_opt(2000, m, d)?;
                (cx.month_day(m, d), k2)
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
        );
        if !lx.upper(j)
            || !cue
            || (word.len() == 3 && word != "may")
            || (word == "may" && prev == "and")
        {
            return None;
        }
    } else if word.len() <= 4 && k == j + 1 && !lx.upper(j) {
        return None;
    }
    Some(Hit {
        s: j,
        e: k,
        kind: TimexType::Date,
        val: cx.month(m, j),
    })
}

/// Bare years, decades ("1990s", "the '80s") and "fiscal 1989".
fn year_like(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut j = i;
    if lx.w(j) == "the" {
        j += 1;
    }
    // Decades written with an "s": the digits must end in zero.
    let dec = |k: usize| -> Option<(i32, usize)> {
        if lx.w(k) == "'"
            && lx.ndigits(k + 1) == 2
            && lx.glued(k + 1)
            && lx.w(k + 2) == "s"
            && lx.glued(k + 2)
        {
            let n = lx.num(k + 1)? as i32;
            return (n % 10 == 0)
                .then_some((if n > 30 { 190 + n / 10 } else { 200 + n / 10 }, k + 3));
        }
        // "the 70s", "the 70s and 80s"; after other words ("her 70s") two
        // digits are more likely an age.
        let prev = if k > 0 { lx.w(k - 1) } else { "" };
        if lx.ndigits(k) == 2
            && lx.glued(k + 1)
            && lx.w(k + 1) == "s"
            && matches!(prev, "the" | "and" | "or")
        {
            let n = lx.num(k)? as i32;
            return (n % 10 == 0 && n >= 20).then_some((190 + n / 10, k + 2));
        }
        // "V2500S engines" is a model, glued to its letter.
        let model = k > 0 && lx.glued(k) && lx.kind(k - 1) == Some(Kind::Word);
        if lx.ndigits(k) == 4 && lx.glued(k + 1) && matches!(lx.w(k + 1), "s") && !model {
            let n = lx.num(k)? as i32;
            return (n % 10 == 0 && (1000..3000).contains(&n)).then_some((n / 10, k + 2));
        }
        if lx.ndigits(k) == 4 && lx.glued(k + 1) && lx.w(k + 1) == "'" && lx.w(k + 2) == "s" {
            // "the 7610's" is a phone model's possessive, not a decade.
            let n = lx.num(k)? as i32;
            return (n % 10 == 0 && (1000..3000).contains(&n)).then_some((n / 10, k + 3));
        }
        None
    };
    if let Some((d, e)) = dec(j) {
        return Hit::date(i, e, Val::Decade(d));
    }
    // "the nineties", "the twenties": decades of the twentieth century.
    if j > i {
        let tens = match lx.w(j) {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => 0,
        };
        if tens > 0 {
            return Hit::date(i, j + 1, Val::Decade(190 + tens));
        }
    }
    // "the year 2000", "the year two thousand".
    if j > i && lx.w(j) == "year" {
        if let Some((y, e)) = year_at(lx, j + 1) {
            return Hit::date(i, e, Val::Year(y));
        }
    }
    if j > i {
        return None;
    }
    if lx.w(j) == "fiscal" || lx.w(j) == "fy" {
        j += 1;
    }
    let (y, e) = year_at(lx, j)?;
    if lx.w(j) == "'" && j == i {
        // A lone "'98" is only trusted with a preceding cue like "in".
        let prev = if i > 0 { lx.w(i - 1) } else { "" };
        if !matches!(prev, "in" | "since" | "of" | "until" | "through" | "fiscal") {
            return None;
        }
    }
    // A plausible calendar year for news text, and not a quantity.
    if !(1600..=2099).contains(&y) {
        return None;
    }
    if j == i && lx.ndigits(j) == 4 && !number_is_year_here(lx, j) {
        return None;
    }
    if matches!(
        lx.w(e),
        "percent"
            | "people"
            | "persons"
            | "troops"
            | "soldiers"
            | "shares"
            | "tons"
            | "miles"
            | "feet"
            | "meters"
            | "km"
            | "kilometers"
            | "members"
            | "employees"
            | "jobs"
            | "workers"
            | "units"
            | "barrels"
            | "cars"
            | "vehicles"
            | "pounds"
            | "acres"
            | "dlrs"
            | "dollars"
            | "yen"
            | "cents"
            | "marks"
            | "francs"
            | "stg"
            | "points"
            | "pts"
            | "lbs"
            | "tonnes"
            | "ounces"
            | "bits"
            | "bytes"
            | "users"
    ) {
        return None;
    }
    Hit::date(i, e, Val::Year(y))
}

/// "the 20th century" → "19", "the twenty-first century" → "20".
fn century(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut j = i;
    if lx.w(j) == "the" {
        j += 1;
    }
    let (n, k) =
        if lx.kind(j) == Some(Kind::Num) && matches!(lx.w(j + 1), "st" | "nd" | "rd" | "th") {
            (lx.num(j)? as i32, j + 2)
        } else if lx.w(j) == "twenty" && lx.w(j + 1) == "-" && lx.w(j + 2) == "first" {
            (21, j + 3)
        } else {
            (ordinal_word(lx.w(j))? as i32, j + 1)
        };
    let k = if lx.w(k) == "-" { k + 1 } else { k };
    (lx.w(k) == "century" && (1..=30).contains(&n)).then_some(())?;
    Hit::date(i, k + 1, Val::Century(n - 1))
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
    } else if let Some(o) =
        ordinal_word(lx.w(j)).or_else(|| matches!(lx.w(j), "final" | "last").then_some(0))
    {
        let mut k = j + 1;
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
    // The year may be explicit or relative: "of last year".
    let rel = match (lx.w(k2), lx.w(k2 + 1)) {
        ("this", "year") => Some(0),
        ("last", "year") => Some(-1),
        ("next", "year") => Some(1),
        _ => None,
    };
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
