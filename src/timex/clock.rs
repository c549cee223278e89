//! Clock times: "5:00 AM PT", "14:30 GMT", "5 p.m.", "noon".

use chrono::NaiveDate;

use super::lexer::Kind;
use super::lexicon;
use super::resolve::us_dst;
use super::{Ctx, Hit, TimexType, Val};

/// Clock times: "5:00 AM PT", "14:30 GMT", "5 p.m.", "noon". `date` is an
/// explicit date already parsed before the time, if any.
pub(crate) fn clock(cx: &Ctx, i: usize, date: Option<NaiveDate>) -> Option<Hit> {
    let lx = cx.lx;
    let (mut h, mut m, mut j, mut explicit);
    match lx.w(i) {
        "noon" | "midday" => {
            (h, m, j, explicit) = (12, 0, i + 1, true);
        }
        "midnight" => {
            (h, m, j, explicit) = (0, 0, i + 1, true);
        }
        // Military style "0800 UTC", "1600 hrs", "0930 local time" only counts
        // with a zone or "hrs" right after it, since four digits alone are
        // usually a year or an amount; with one, they are never a year.
        _ if lx.ndigits(i) == 4
            && !(i > 0 && lx.glued(i) && matches!(lx.w(i - 1), "." | "," | "$"))
            && lx.num(i).is_some_and(|n| n / 100 < 24 && n % 100 < 60) =>
        {
            let n = lx.num(i)?;
            let after = military_suffix(cx, i + 1)?;
            (h, m, j, explicit) = (n / 100, n % 100, after, true);
        }
        _ => {
            if lx.kind(i) != Some(Kind::Num) || lx.ndigits(i) > 2 {
                return None;
            }
            h = lx.num(i)?;
            m = 0;
            j = i + 1;
            explicit = false;
            if lx.w(j) == ":" && lx.glued(j) && lx.ndigits(j + 1) == 2 && lx.glued(j + 1) {
                m = lx.num(j + 1)?;
                j += 2;
                // Seconds are accepted and dropped; "1:2:3:4" is not a time.
                if lx.w(j) == ":" && lx.glued(j) && lx.ndigits(j + 1) == 2 {
                    if lx.w(j + 2) == ":" {
                        return None;
                    }
                    j += 2;
                }
                let prev = if i > 0 { lx.w(i - 1) } else { "" };
                explicit = matches!(
                    prev,
                    "at" | "by"
                        | "until"
                        | "from"
                        | "before"
                        | "after"
                        | "around"
                        | "about"
                        | "since"
                );
            }
            if h > 23 || m > 59 {
                return None;
            }
            // am/pm in the forms "am", "a.m.", "a.m", glued or spaced.
            let ampm = if matches!(lx.w(j), "am" | "pm") {
                let pm = lx.w(j) == "pm";
                j += 1;
                Some(pm)
            } else if matches!(lx.w(j), "a" | "p") && lx.w(j + 1) == "." && lx.w(j + 2) == "m" {
                let pm = lx.w(j) == "p";
                j += 3;
                if lx.w(j) == "." && lx.glued(j) {
                    j += 1;
                }
                Some(pm)
            } else if lx.w(j) == "in"
                && lx.w(j + 1) == "the"
                && matches!(lx.w(j + 2), "morning" | "afternoon" | "evening")
                && (1..=12).contains(&h)
            {
                // "4 in the morning", "5 in the afternoon".
                let pm = lx.w(j + 2) != "morning";
                j += 3;
                Some(pm)
            } else if lx.w(j) == "o" && lx.w(j + 1) == "'" && lx.w(j + 2) == "clock" {
                j += 3;
                explicit = true;
                None
            } else {
                None
            };
            if let Some(pm) = ampm {
                if !(1..=12).contains(&h) {
                    return None;
                }
                h = match (pm, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                };
                explicit = true;
            }
        }
    }
    // An optional zone abbreviation, possibly in parentheses.
    let mut zone = None;
    let zj = if lx.w(j) == "(" { j + 1 } else { j };
    if let Some((off, dst)) = lexicon::zone(lx.w(zj)) {
        if lx.toks.get(zj).is_some_and(|t| t.ce - t.cs == 1) && lx.w(zj) == "z" && lx.glued(zj) {
            zone = Some(0);
            j = zj + 1;
        } else if lx.w(zj) != "z" && (lx.upper(zj) || explicit) {
            let day = date.or(cx.dct);
            zone = Some(if dst && day.is_some_and(|d| us_dst(&d)) {
                off + 60
            } else {
                off
            });
            j = zj + 1;
            if zj > i && lx.w(zj - 1) == "(" && lx.w(j) == ")" {
                j += 1;
            }
            explicit = true;
        }
    }
    if !explicit {
        return None;
    }
    let day = date.or(cx.anchor);
    Some(Hit {
        s: i,
        e: j,
        kind: TimexType::Time,
        val: Val::Time(day, h, m, zone),
    })
}

/// The index after what makes four digits a military clock time at `j`: a
/// zone abbreviation in capitals ("1700 EDT", "0100 gmt" is accepted since
/// "gmt" is never a word), "hrs" or "hours" after "at", or "local time".
/// The zone itself is left for the caller to read.
fn military_suffix(cx: &Ctx, j: usize) -> Option<usize> {
    let lx = cx.lx;
    let w = lx.w(j);
    let prev = if j >= 2 { lx.w(j - 2) } else { "" };
    if w == "hrs" || (w == "hours" && matches!(prev, "at" | "by" | "until" | "before" | "after")) {
        return Some(j + 1);
    }
    if w == "local" && lx.w(j + 1) == "time" {
        return Some(j + 2);
    }
    // "1600 est/2100 gmt": a lowercase zone followed by a second time.
    let paired = lx.w(j + 1) == "/" && lx.ndigits(j + 2) == 4;
    let zone = lexicon::zone(w).is_some()
        && w != "z"
        && (lx.upper(j) || matches!(w, "gmt" | "utc") || paired);
    zone.then_some(j)
}
