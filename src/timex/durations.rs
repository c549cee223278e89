//! Durations ("at least 20 years", "two-year", "the past three months")
//! and recurrences ("every week", "daily", "$5 million a year").

use super::lexer::{Kind, Lexed};
use super::lexicon::{self, number_word, unit, vague_quantity, Unit};
use super::{Ctx, Hit, TimexType};

/// A count at `j`: digits, number words ("twenty-five"), "a"/"an", or a
/// vague word ("several", "a few") spelled `X`.
pub(crate) fn count_at(lx: &Lexed, j: usize) -> Option<(String, usize)> {
    if lx.kind(j) == Some(Kind::Num) && lx.ndigits(j) <= 4 {
        let n = lx.num(j)?;
        if lx.w(j + 1) == "." && lx.glued(j + 1) && lx.ndigits(j + 2) == 1 && lx.glued(j + 2) {
            return Some((format!("{n}.{}", lx.w(j + 2)), j + 3));
        }
        if j > 0 && lx.glued(j) && matches!(lx.w(j - 1), "." | "," | "$" | "/") {
            return None;
        }
        return Some((n.to_string(), j + 1));
    }
    let w = lx.w(j);
    if w == "a" || w == "an" {
        if matches!(lx.w(j + 1), "few" | "couple") {
            let k = if lx.w(j + 2) == "of" { j + 3 } else { j + 2 };
            let v = if lx.w(j + 1) == "couple" { "2" } else { "X" };
            return Some((v.into(), k));
        }
        if lx.w(j + 1) == "half" {
            return None;
        }
        // "a thousand years".
        if let Some(m) = hundreds(lx.w(j + 1)) {
            return Some((m.to_string(), j + 2));
        }
        return Some(("1".into(), j + 1));
    }
    if vague_quantity(w) {
        return Some(("X".into(), j + 1));
    }
    let n = number_word(w)?;
    // "two thousand years", "five hundred years".
    if let Some(m) = hundreds(lx.w(j + 1)).filter(|_| (1..100).contains(&n)) {
        return Some(((n * m).to_string(), j + 2));
    }
    if (20..100).contains(&n) && lx.w(j + 1) == "-" {
        if let Some(u) = number_word(lx.w(j + 2)).filter(|u| *u < 10) {
            return Some(((n + u).to_string(), j + 3));
        }
    }
    // "twenty four hours" is 24 without the hyphen too; "a" is no digit here.
    if (20..100).contains(&n) && n % 10 == 0 && !matches!(lx.w(j + 1), "a" | "an") {
        if let Some(u) = number_word(lx.w(j + 1)).filter(|u| (1..10).contains(u)) {
            return Some(((n + u).to_string(), j + 2));
        }
    }
    Some((n.to_string(), j + 1))
}

/// The multiplier a spelled "hundred" or "thousand" stands for.
fn hundreds(w: &str) -> Option<u32> {
    match w {
        "hundred" => Some(100),
        "thousand" => Some(1000),
        _ => None,
    }
}

/// A TIMEX3 duration value for a count and unit.
pub(crate) fn dur(n: &str, u: Unit) -> String {
    // TimeML spells decades and centuries in years ("P10Y", "P100Y").
    let scale = match u {
        Unit::Decade => 10.0,
        Unit::Century => 100.0,
        _ => 1.0,
    };
    // An uncounted "for centuries" keeps its unit: "PXY" would claim no
    // more than "for years", and TimeBank writes it `PXC`. Uncounted decades
    // stay `PXY`, as both gold sets write "decades-long".
    if u == Unit::Century && n.parse::<f64>().is_err() {
        return "PXC".to_string();
    }
    // "two thousand years" is counted in millennia, TimeML's `L`.
    if u == Unit::Year {
        if let Some(k) = n
            .parse::<u64>()
            .ok()
            .filter(|v| *v >= 1000 && v % 1000 == 0)
        {
            return format!("P{}L", k / 1000);
        }
    }
    if scale > 1.0 {
        let n = n
            .parse::<f64>()
            .map_or_else(|_| "X".to_string(), |v| (v * scale).to_string());
        return format!("P{n}Y");
    }
    let (code, clock) = u.code();
    format!("P{}{n}{code}", if clock { "T" } else { "" })
}

/// Durations: "at least 20 years", "the past two months", "two-year",
/// "the first nine months", "several weeks", "for years".
pub(crate) fn duration(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let mut j = i;
    if lx.w(j) == "the" {
        j += 1;
        if matches!(
            lx.w(j),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "following"
                | "final"
                | "latest"
        ) {
            j += 1;
        }
    } else if (matches!(lx.w(j), "more" | "less" | "fewer") && lx.w(j + 1) == "than")
        || (lx.w(j) == "at" && matches!(lx.w(j + 1), "least" | "most"))
    {
        j += 2;
    }
    // "for years", "in decades": a bare plural unit after a cue.
    if j == i && matches!(lx.w(i), "for" | "in" | "within" | "over") {
        if let Some((u, true)) = unit(lx.w(i + 1)) {
            if lx.w(i + 2) != "of" || u == Unit::Year || u == Unit::Decade {
                return Hit::raw(i + 1, i + 2, TimexType::Duration, dur("X", u));
            }
        }
        return None;
    }
    // "the first hours", "the coming years", "the weeks ahead": a bare
    // plural unit after an ordering word is an unspecified span; so are "the
    // weeks before the vote", "the years that followed".
    if j > i + 1 || lx.w(i) == "the" {
        if let Some((u, true)) = unit(lx.w(j)) {
            let ahead = lx.w(j + 1) == "ahead"
                || j == i + 1
                    && matches!(
                        lx.w(j + 1),
                        "before" | "after" | "following" | "leading" | "since" | "prior"
                    )
                || j == i + 1 && lx.w(j + 1) == "that" && lx.w(j + 2) == "followed";
            if j > i + 1 && lx.w(j + 1) != "-" || ahead {
                let ahead_word = ahead && lx.w(j + 1) == "ahead";
                return Hit::raw(
                    i,
                    j + 1 + usize::from(ahead_word),
                    TimexType::Duration,
                    dur("X", u),
                );
            }
        }
    }
    // "for another year", "in another month": one more unit.
    if lx.w(i) == "another"
        && i > 0
        && matches!(
            lx.w(i - 1),
            "for" | "in" | "within" | "after" | "take" | "takes" | "took"
        )
    {
        if let Some((u, false)) = unit(lx.w(i + 1)) {
            return Hit::raw(i, i + 2, TimexType::Duration, dur("1", u));
        }
    }
    // "half a year", "half an hour": half of one unit.
    if j == i && lx.w(i) == "half" && matches!(lx.w(i + 1), "a" | "an") {
        if let Some((u, false)) = unit(lx.w(i + 2)) {
            return Hit::raw(i, i + 3, TimexType::Duration, half_of_one(u)?);
        }
    }
    let (n, k) = count_at(lx, j)?;
    let mut k = k;
    // "two to six days", "between 60 and 90 days": the first count takes
    // the unit of the second, and each is an expression of its own.
    if matches!(lx.w(k), "to" | "and" | "or") && j == i {
        if let Some((_, k2)) = count_at(lx, k + 1).filter(|_| lx.w(k + 1) != "a") {
            if let Some((u, true)) = unit(lx.w(k2)) {
                if lx.w(k2 + 1) != "-" && lx.w(k2 + 1) != "old" {
                    return Hit::raw(i, k, TimexType::Duration, dur(&n, u));
                }
            }
        }
    }
    if lx.w(k) == "more" || lx.w(k) == "full" {
        k += 1;
    }
    // "eight trading days", "six straight days", "an additional year".
    let adjective = matches!(
        lx.w(k),
        "trading"
            | "business"
            | "working"
            | "straight"
            | "consecutive"
            | "successive"
            | "additional"
            | "calendar"
            | "further"
            | "extra"
    ) && unit(lx.w(k + 1)).is_some();
    if adjective {
        k += 1;
    }
    // "2 1/2 years", "two and a half years"; Reuters writes "3-1/2 years".
    let slash_half =
        |k: usize| lx.w(k) == "1" && lx.w(k + 1) == "/" && lx.w(k + 2) == "2" && lx.glued(k + 1);
    let dashed = lx.kind(j) == Some(Kind::Num)
        && lx.w(k) == "-"
        && lx.glued(k)
        && lx.glued(k + 1)
        && slash_half(k + 1);
    let half = slash_half(k) || (lx.w(k) == "and" && lx.w(k + 1) == "a" && lx.w(k + 2) == "half");
    if half {
        k += 3;
    } else if dashed {
        k += 4;
    }
    let half = half || dashed;
    let hyphen = lx.w(k) == "-";
    if hyphen {
        k += 1;
    }
    let (u, plural) = unit(lx.w(k))?;
    if lx.w(k + 1) == "-" && matches!(lx.w(k + 2), "earlier" | "ago") {
        return None;
    }
    // "a decades-long dispute": the article belongs to the noun, and the
    // compound rule reads the length.
    // "three-quarters of the shares", "a quarter point", "a second time":
    // fractions and ordinals, not lengths of time.
    let small = matches!(n.as_str(), "1" | "2" | "3");
    // "789, or about a quarter, of its dealers" sets the fraction off by commas.
    let fraction = (matches!(lx.w(k + 1), "of" | "point" | "-")
        || (lx.w(k + 1), lx.w(k + 2)) == (",", "of"))
        && small
        && !adjective;
    // "a quarter century", "a quarter-century" is 25 years.
    if u == Unit::Quarter && n == "1" && !plural {
        let c = if lx.w(k + 1) == "-" { k + 2 } else { k + 1 };
        if lx.w(c) == "century" {
            return Hit::raw(i, c + 1, TimexType::Duration, "P25Y");
        }
    }
    if u == Unit::Quarter && fraction {
        return None;
    }
    if u == Unit::Second && matches!(lx.w(j), "a" | "the") {
        return None;
    }
    let long = lx.w(k + 1) == "-" && lx.w(k + 2) == "long";
    if (plural || long) && matches!(lx.w(j), "a" | "an") && n == "1" {
        return None;
    }
    // "a year" alone is too often a rate ("$5 million a year"); the set rule
    // handles those, so a singular with "a" needs a determiner or cue.
    if (lx.w(j) == "a" || lx.w(j) == "an") && j == i && i > 0 && is_amount(lx, i - 1) {
        return None;
    }
    // "20 year" is a figure, but "a 20 year low" is a span.
    let a_figure = j > 0 && matches!(lx.w(j - 1), "a" | "an");
    if lx.kind(j) == Some(Kind::Num) && !plural && n != "1" && !hyphen && !a_figure {
        return None;
    }
    let mut e = k + 1;
    // "a 20 year low" keeps the article: it is part of the expression.
    let i = if a_figure && j == i && lx.kind(j) == Some(Kind::Num) && !plural {
        i - 1
    } else {
        i
    };
    // Ages ("a 6-year-old", "30 years old") are not temporal expressions
    // in TimeML.
    if (hyphen && lx.w(e) == "-" && lx.w(e + 1) == "old") || lx.w(e) == "old" {
        return None;
    }
    if lx.w(e) == "and" && lx.w(e + 1) == "a" && lx.w(e + 2) == "half" {
        e += 3;
        return Hit::raw(i, e, TimexType::Duration, half_dur(&n, u));
    }
    if half {
        return Hit::raw(i, e, TimexType::Duration, half_dur(&n, u));
    }
    Hit::raw(i, e, TimexType::Duration, dur(&n, u))
}

/// Compounds naming a length: "decades-long", "day-long", "single-day",
/// "year-long". The count is unknown for a plural ("decades-long").
pub(crate) fn compound(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i) == "single" && lx.w(i + 1) == "-" && lx.glued(i + 1) {
        let (u, false) = unit(lx.w(i + 2))? else {
            return None;
        };
        return Hit::raw(i, i + 3, TimexType::Duration, dur("1", u));
    }
    let (u, plural) = unit(lx.w(i))?;
    if lx.w(i + 1) != "-" || lx.w(i + 2) != "long" || !lx.glued(i + 1) {
        return None;
    }
    // "a two-year-long" and "three day-long" carry a count the duration
    // rule reads; only a bare unit starts here.
    if i > 0 && (lx.w(i - 1) == "-" || count_at(lx, i - 1).is_some() && lx.w(i - 1) != "a") {
        return None;
    }
    let n = if plural { "X" } else { "1" };
    Hit::raw(i, i + 3, TimexType::Duration, dur(n, u))
}

/// "two and a half years" → "P2Y6M": the half is spelled in the next
/// smaller unit, as TimeML does, falling back to a decimal.
fn half_dur(n: &str, u: Unit) -> String {
    match u {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Month => format!("P{n}M15D"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        _ => {
            let n = n
                .parse::<f64>()
                .map_or_else(|_| n.to_string(), |v| (v + 0.5).to_string());
            dur(&n, u)
        }
    }
}

/// Half of one unit in the next smaller one ("half a year" is `P6M`), where that is whole.
fn half_of_one(u: Unit) -> Option<String> {
    Some(
        match u {
            Unit::Year => "P6M",
            Unit::Day => "PT12H",
            Unit::Hour => "PT30M",
            Unit::Minute => "PT30S",
            Unit::Decade => "P5Y",
            Unit::Century => "P50Y",
            _ => return None,
        }
        .to_string(),
    )
}

/// Whether token `j` ends an amount, making a following "a year" a rate.
fn is_amount(lx: &Lexed, j: usize) -> bool {
    lx.kind(j) == Some(Kind::Num)
        || matches!(
            lx.w(j),
            "million"
                | "billion"
                | "trillion"
                | "thousand"
                | "%"
                | "percent"
                | "dollars"
                | "times"
                | "once"
                | "twice"
        )
}

/// Recurrences: "every year", "each week", "daily", "$5 million a year".
pub(crate) fn set(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let w = lx.w(i);
    let p1 = |u: Unit| dur("1", u);
    let simple = match w {
        "daily" => Some(p1(Unit::Day)),
        "weekly" => Some(p1(Unit::Week)),
        "monthly" => Some(p1(Unit::Month)),
        "annually" | "yearly" => Some(p1(Unit::Year)),
        "hourly" => Some("PT1H".to_string()),
        // "NBC Nightly News" is a name.
        "nightly" if !lx.upper(i) => Some("XXXX-XX-XXTNI".to_string()),
        _ => None,
    };
    if let Some(v) = simple {
        return Hit::raw(i, i + 1, TimexType::Set, v);
    }
    match w {
        // "five pct per annum": Latin for "a year".
        "per" if lx.w(i + 1) == "annum" => Hit::raw(i, i + 2, TimexType::Set, "P1Y"),
        "fortnightly" if !lx.upper(i) => Hit::raw(i, i + 1, TimexType::Set, "P2W"),
        "every" | "each" | "per" => {
            let mut k = i + 1;
            if lx.w(k) == "other" {
                k += 1;
            }
            if let Some(wd) = lexicon::weekday(lx.w(k)) {
                return Hit::raw(i, k + 1, TimexType::Set, format!("XXXX-WXX-{}", wd + 1));
            }
            // "each July" recurs every year; "every may" is no month.
            let word = lx.w(k);
            if let Some(m) = lexicon::month(word).filter(|_| word.len() > 3 || lx.upper(k)) {
                return Hit::raw(i, k + 1, TimexType::Set, format!("XXXX-{m:02}"));
            }
            // "every morning", "each night", "every weekend", "every summer"
            // recur at that part of the day, week or year.
            if w != "per" {
                let code = match word {
                    "weekend" => Some("XXXX-WXX-WE".to_string()),
                    _ => lexicon::day_part(word)
                        .map(|p| format!("XXXX-XX-XXT{p}"))
                        .or_else(|| lexicon::season(word).map(|c| format!("XXXX-{c}"))),
                };
                if let Some(v) = code {
                    return Hit::raw(i, k + 1, TimexType::Set, v);
                }
            }
            // "every two years", "every few months": the count belongs to the
            // recurrence, which the duration rule alone would leave out.
            if k == i + 1 && w != "per" {
                if let Some((n, k2)) = count_at(lx, k).filter(|_| !matches!(word, "a" | "an")) {
                    if let Some((u, true)) = unit(lx.w(k2)) {
                        return Hit::raw(i, k2 + 1, TimexType::Set, dur(&n, u));
                    }
                }
            }
            let (u, plural) = unit(lx.w(k))?;
            let n = if k > i + 1 { "2" } else { "1" };
            if plural {
                return None;
            }
            Hit::raw(i, k + 1, TimexType::Set, dur(n, u))
        }
        // "on weekends", "at weekends": every weekend.
        "weekends" if i > 0 && matches!(lx.w(i - 1), "on" | "at" | "over" | "during") => {
            Hit::raw(i, i + 1, TimexType::Set, "XXXX-WXX-WE")
        }
        "a" | "an" if i > 0 && is_amount(lx, i - 1) => {
            let (u, plural) = unit(lx.w(i + 1))?;
            if plural {
                return None;
            }
            Hit::raw(i, i + 2, TimexType::Set, dur("1", u))
        }
        _ => None,
    }
}
