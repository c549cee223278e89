//! Rules for the periods of earnings reports, where "a year earlier", "the
//! year-ago period" and "the quarter" compare with the quarter under
//! discussion rather than with the reference date: quarters and halves
//! without a year, year-ago comparisons and "the same period last year".
//! They share the remembered quarter and the check for a longer period
//! ("the first nine months") named after it, so they live together, apart
//! from the deictic rules in `relative.rs`.

use chrono::Datelike;

use super::durations::{count_at, dur};
use super::lexer::Lexed;
use super::lexicon::{number_word, unit, Unit};
use super::numbers::ordinal_at;
use super::{Ctx, Hit, TimexType, Val};

/// "a year ago/earlier", "the year-earlier quarter": in a sentence that has
/// just mentioned a quarter, the comparison is with that quarter a year
/// before; otherwise it is the previous year.
pub(crate) fn year_ago(cx: &Ctx, s: usize, mut e: usize) -> Option<Hit> {
    let lx = cx.lx;
    // Earnings reports compare with the same quarter a year before once
    // any quarter has been mentioned.
    // "the year-earlier nine months" names the period compared by its
    // length, which TimeBank values as it values "the first nine months".
    if let Some((n, k)) = count_at(lx, e) {
        if let Some((u @ (Unit::Month | Unit::Week), true)) = unit(lx.w(k)) {
            return Hit::raw(s, k + 1, TimexType::Duration, dur(&n, u));
        }
    }
    let mut quarterly =
        matches!(cx.last_quarter, Some((_, _, at)) if at <= s) && !nine_months_nearer(lx, s);
    if matches!(lx.w(e), "quarter" | "period") {
        quarterly = quarterly || lx.w(e) == "quarter";
        e += 1;
    } else if lx.w(e) == "levels" || lx.w(e) == "level" {
        e += 1;
    }
    if quarterly {
        let (y, q) = cx.reported_quarter()?;
        return Hit::date(s, e, Val::Quarter(y - 1, q));
    }
    Hit::date(s, e, Val::Year(cx.dct?.year() - 1))
}

/// Whether a multi-month period ("the first nine months", "the first
/// half") was mentioned after the last quarter, close before `s`: the
/// comparison is then with that period, which spans into the year before.
fn nine_months_nearer(lx: &Lexed, s: usize) -> bool {
    for j in (s.saturating_sub(40)..s).rev() {
        match lx.w(j) {
            "quarter" | "quarters" => return false,
            "months"
                if j > 0 && (number_word(lx.w(j - 1)).is_some() || lx.num(j - 1).is_some()) =>
            {
                return true
            }
            "half" => return true,
            _ => {}
        }
    }
    false
}

/// Quarters and halves without a year: "the third quarter", "third-quarter",
/// "the fiscal first quarter", "the quarter", "the first half".
pub(crate) fn quarter(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut j = i;
    if lx.w(j) == "the" {
        j += 1;
    }
    if lx.w(j) == "fiscal" {
        j += 1;
    }
    let (cy, cq) = cx.dct_quarter()?;
    // "the 1988 third quarter", "this year's first quarter", "the 1988
    // period": an explicit year; a bare quarter or period takes the quarter
    // under discussion (the last one mentioned, else the last completed).
    let prefixed = if let Some((y, k)) = super::absolute::year_at(lx, j) {
        Some((y, k))
    } else if lx.w(j + 1) == "year" && lx.w(j + 2) == "'" && lx.w(j + 3) == "s" {
        match lx.w(j) {
            "this" => Some((cy, j + 4)),
            "last" => Some((cy - 1, j + 4)),
            "next" => Some((cy + 1, j + 4)),
            _ => None,
        }
    } else {
        None
    };
    if let Some((y, mut k)) = prefixed {
        if lx.w(k) == "fiscal" {
            k += 1;
        }
        // "In the first nine months, net was $306 million, against a loss
        // in the 1988 period": the period compared is the one just named,
        // which spans more than a quarter, so it is read as the year.
        if lx.w(k) == "period" && nine_months_nearer(lx, i) {
            return Hit::date(i, k + 1, Val::Year(y));
        }
        if matches!(lx.w(k), "quarter" | "period") {
            let (_, q) = cx.reported_quarter()?;
            return Hit::date(i, k + 1, Val::Quarter(y, q));
        }
        let (o, k1) = ordinal_at(lx, k)?;
        let k2 = if lx.w(k1) == "-" { k1 + 1 } else { k1 };
        return match lx.w(k2) {
            "quarter" if (1..=4).contains(&o) => Hit::date(i, k2 + 1, Val::Quarter(y, o)),
            "half" if (1..=2).contains(&o) => Hit::date(i, k2 + 1, Val::Half(y, o)),
            _ => None,
        };
    }
    // "the quarter-finals", "the quarter century" are no quarter of a year.
    let after = if lx.w(j + 1) == "-" { j + 2 } else { j + 1 };
    if lx.w(j) == "quarter"
        && matches!(
            lx.w(after),
            "final" | "finals" | "finalist" | "finalists" | "century"
        )
    {
        return None;
    }
    if lx.w(j) == "quarter" && j > i {
        // A bare "the quarter" in news means the last completed quarter.
        let (y, q) = if cq == 1 { (cy - 1, 4) } else { (cy, cq - 1) };
        // "the quarter a year ago" is that quarter in the previous year.
        if lx.w(j + 1) == "a" && lx.w(j + 2) == "year" && matches!(lx.w(j + 3), "ago" | "earlier") {
            return Hit::date(i, j + 4, Val::Quarter(y - 1, q));
        }
        return Hit::date(i, j + 1, Val::Quarter(y, q));
    }
    let (o, mut k) = ordinal_at(lx, j)?;
    if lx.w(k) == "-" {
        k += 1;
    }
    match lx.w(k) {
        "quarter" if (1..=4).contains(&o) => {
            let y = if o > cq && !cx.future(i) { cy - 1 } else { cy };
            let y = if o > cq && cq >= 3 { cy } else { y };
            Hit::date(i, k + 1, Val::Quarter(y, o))
        }
        // "the second half of the 1990s" is no half of the reference year;
        // "of 1987" and "of the year" are read by the rule for explicit years.
        "half" if (1..=2).contains(&o) && lx.w(k + 1) != "of" && !match_half(lx, i, k + 1) => {
            Hit::date(i, k + 1, Val::Half(cy, o))
        }
        _ => None,
    }
}

/// "the same month a year ago", "the corresponding period last year": the
/// period under discussion (the last month or quarter mentioned), one year
/// earlier.
pub(crate) fn same_period(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i) != "the" || !matches!(lx.w(i + 1), "same" | "corresponding" | "comparable") {
        return None;
    }
    let unit = lx.w(i + 2);
    let mut k = i + 3;
    if lx.w(k) == "of" {
        k += 1;
    }
    let e = match (lx.w(k), lx.w(k + 1), lx.w(k + 2)) {
        ("a", "year", "ago" | "earlier") => k + 3,
        ("last" | "previous", "year", _) => k + 2,
        ("the", "last" | "previous", "year") => k + 3,
        ("the", "year", "before") => k + 3,
        _ => return None,
    };
    let year = cx.dct?.year() - 1;
    let month = cx.last_month.map(|(y, m)| Val::Month(y - 1, m));
    let quarter = cx.last_quarter.map(|(y, q, _)| Val::Quarter(y - 1, q));
    let val = match unit {
        "month" => month,
        "quarter" => quarter,
        "period" => quarter.or(month),
        _ => return None,
    };
    Hit::date(i, e, val.unwrap_or(Val::Year(year)))
}

/// Whether "the first half" at `s..e` is a half of a match: a word of the game within eight
/// tokens either side ("scored early in the second half", "the first half hour"). A bounded
/// window, so extraction stays linear.
fn match_half(lx: &Lexed, s: usize, e: usize) -> bool {
    let game = |w: &str| {
        matches!(
            w,
            "goal"
                | "goals"
                | "penalty"
                | "penalties"
                | "kick"
                | "kicked"
                | "striker"
                | "ball"
                | "match"
                | "header"
                | "substitute"
                | "referee"
                | "try"
                | "tries"
                | "minute"
                | "minutes"
                | "hour"
                | "interval"
                | "whistle"
                | "scored"
                | "score"
                | "equaliser"
                | "equalizer"
                | "points"
                | "innings"
                | "game"
                | "games"
                | "player"
                | "players"
                | "possession"
                | "attack"
                | "attacking"
                | "defence"
                | "defense"
                | "replacement"
                | "injury"
                | "offside"
                | "restart"
                | "scoreless"
                | "kicker"
                | "chances"
                | "shot"
                | "saves"
        )
    };
    // The window starts at "the" whether or not the rule did.
    let s = if s > 0 && lx.w(s - 1) == "the" {
        s - 1
    } else {
        s
    };
    (s.saturating_sub(8)..s)
        .chain(e..e + 8)
        .any(|k| game(lx.w(k)))
}
