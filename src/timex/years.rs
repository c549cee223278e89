//! Years, decades and centuries: "1987", "'98", "nineteen ninety-six", "the 1990s", "the
//! nineties", "mid-1996", "fiscal 1989", "the 20th century".
//!
//! They are split from the other absolute rules because most of what goes wrong with dates in
//! real cases goes wrong here: a four-digit number is a year only when nothing around it marks
//! it as a figure, and `numbers.rs` holds those checks.

use super::lexer::{Kind, Lexed};
use super::lexicon::{self, ordinal_word};
use super::numbers::number_is_year_here;
use super::{Ctx, Hit, Val};

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

/// Bare years, decades ("1990s", "the '80s") and "fiscal 1989".
pub(crate) fn year_like(cx: &Ctx, i: usize) -> Option<Hit> {
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
    // "the year 2000", "the year two thousand", "the fiscal year 2017".
    let fiscal_year = matches!(lx.w(j), "fiscal" | "financial") && lx.w(j + 1) == "year";
    if j > i && (lx.w(j) == "year" || fiscal_year) {
        if let Some((y, e)) = year_at(lx, j + 1 + fiscal_year as usize) {
            return Hit::date(i, e, Val::Year(y));
        }
    }
    if j > i {
        return None;
    }
    if lx.w(j) == "fiscal" || lx.w(j) == "fy" {
        j += 1;
        // "fiscal year 2016" is one expression, like "fiscal 2016".
        if lx.w(j) == "year" && lx.kind(j + 1) == Some(super::lexer::Kind::Num) {
            j += 1;
        }
    }
    if let Some(h) = year_pair(lx, i, j) {
        return Some(h);
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

/// "1986/87", "fiscal 1989-90": a crop, marketing or fiscal year across two calendar years,
/// written as a four-digit year and the next year's last two digits. Reuters' commodity and
/// budget reports use it hundreds of times, and no other figure has that shape with the second
/// number one more than the first.
fn year_pair(lx: &Lexed, i: usize, j: usize) -> Option<Hit> {
    if lx.ndigits(j) != 4 || !matches!(lx.w(j + 1), "/" | "-") || lx.ndigits(j + 2) != 2 {
        return None;
    }
    if !lx.glued(j + 1) || !lx.glued(j + 2) {
        return None;
    }
    let y = lx.num(j)? as i32;
    let next = lx.num(j + 2)? as i32;
    if !(1900..=2099).contains(&y) || next != (y + 1) % 100 {
        return None;
    }
    // A longer figure ("$1986/87", "1986/87/88", "1986-87-1") is something else.
    let before = if j > 0 && lx.glued(j) {
        lx.w(j - 1)
    } else {
        ""
    };
    let after = if lx.glued(j + 3) { lx.w(j + 3) } else { "" };
    if matches!(before, "$" | "#" | "/" | "-" | "." | ",")
        || matches!(after, "/" | "-" | "." | ",") && lx.kind(j + 4) == Some(Kind::Num)
        || lx.kind(j + 3) == Some(Kind::Num) && lx.glued(j + 3)
    {
        return None;
    }
    Hit::date(i, j + 3, Val::YearPair(y))
}

/// "the 20th century" → "19", "the twenty-first century" → "20".
pub(crate) fn century(cx: &Ctx, i: usize) -> Option<Hit> {
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
