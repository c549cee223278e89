//! Parts of the day and the middle of a period when no date is written with them: "that
//! night", "in the morning", "the next evening", "at dawn", "midweek", "mid-afternoon". They
//! are resolved to the day under discussion; split from `vague.rs`, which keeps the vague
//! references and definite periods ("recently", "the year"), as that file grew past 600 lines.

use chrono::Datelike;

use super::lexicon;
use super::{Ctx, Hit, TimexType, Val};

/// "midyear", "mid-week", "midmorning": the middle of the period under discussion, written as
/// one word or with a hyphen, which the modifier rule (a prefix before an expression of its own)
/// does not read. The value is the period itself, as for "mid-April".
pub(crate) fn mid_period(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let (rest, e) = match lx.w(i) {
        "mid" if lx.w(i + 1) == "-" && lx.glued(i + 1) && lx.glued(i + 2) => (lx.w(i + 2), i + 3),
        w => (w.strip_prefix("mid")?, i + 1),
    };
    // "mid-year results" and "mid-week fares" name the period all the same; "Mid-Atlantic" and
    // "MidAmerica" are no periods and fall through here.
    let d = cx.anchor.or(cx.dct)?;
    let val = match rest {
        "year" => Val::Year(cx.dct?.year()),
        "week" => {
            let w = d.iso_week();
            Val::Week(w.year(), w.week())
        }
        "month" => {
            let (y, m) = cx.last_month.unwrap_or((d.year(), d.month()));
            Val::Month(y, m)
        }
        "morning" | "afternoon" => {
            return Some(Hit {
                s: i,
                e,
                kind: TimexType::Time,
                val: Val::DayPart(d, lexicon::day_part(rest)?),
            })
        }
        _ => return None,
    };
    Hit::date(i, e, val)
}

/// The ends of the day named by the light: dawn is read as the morning, dusk as the evening
/// (TIMEX3 has no finer codes).
pub(crate) fn twilight(w: &str) -> Option<&'static str> {
    match w {
        "dawn" | "daybreak" | "sunrise" => Some("MO"),
        "dusk" | "nightfall" | "sunset" => Some("EV"),
        _ => None,
    }
}

/// Parts of a day without a weekday: "in the morning", "mid-afternoon",
/// "the next morning", "mid-afternoon yesterday", resolved to the last day
/// mentioned.
pub(crate) fn day_part(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let prev = if i > 0 { lx.w(i - 1) } else { "" };
    let (code, shift, e) = match (lx.w(i), lx.w(i + 1), lx.w(i + 2)) {
        ("the", "next" | "following", p) => (lexicon::day_part(p)?, 1, i + 3),
        ("the", "previous", p) => (lexicon::day_part(p)?, -1, i + 3),
        // "that night", "later that evening", "the same morning": the part of the day under
        // discussion, as "that day" is the day.
        ("that" | "the", "same", p) => (lexicon::day_part(p)?, 0, i + 3),
        ("that", p, _) => (lexicon::day_part(p)?, 0, i + 2),
        // "worked into the night", "talks ran through the night": before the rule below, which
        // leaves out "in the night".
        ("the", "night", _) if matches!(prev, "into" | "through" | "throughout" | "during") => {
            ("NI", 0, i + 2)
        }
        ("the", p, _)
            if matches!(
                prev,
                "in" | "during" | "by" | "through" | "throughout" | "until"
            ) =>
        {
            (lexicon::day_part(p).filter(|c| *c != "NI")?, 0, i + 2)
        }
        // "attacked at night", "began before dawn", "fighting since dawn".
        // "at night" is most often habitual ("sleeps at night"), so it names no one night.
        ("night", _, _) if prev == "at" && !lx.upper(i) => {
            return Hit::raw(i, i + 1, TimexType::Time, "XXXX-XX-XXTNI");
        }
        // "Sunset Boulevard" and "Dawn" the newspaper are names.
        (p, _, _) if twilight(p).is_some() && !lx.upper(i) => {
            let cue = matches!(
                prev,
                "at" | "before"
                    | "after"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "around"
                    | "toward"
                    | "towards"
            );
            if !cue {
                return None;
            }
            (twilight(p)?, 0, i + 1)
        }
        // "in morning trading": the part of the day the market report is about.
        (p, "trading", _) if prev == "in" && matches!(p, "morning" | "afternoon") => {
            (lexicon::day_part(p)?, 0, i + 1)
        }
        // After "mid", "early" or "late" (the modifier is added by the caller).
        (p, _, _) if matches!(prev, "mid" | "early" | "late" | "-") => {
            if prev == "-" && !(i >= 2 && lx.w(i - 2) == "mid") {
                return None;
            }
            (lexicon::day_part(p).filter(|c| *c != "NI")?, 0, i + 1)
        }
        _ => return None,
    };
    let base = match lx.w(e) {
        "yesterday" => cx.dct.map(|d| d - chrono::Duration::days(1)),
        "today" => cx.dct,
        _ => cx.anchor,
    };
    let e = if matches!(lx.w(e), "yesterday" | "today") {
        e + 1
    } else {
        e
    };
    let Some(d) = base else {
        return Hit::raw(i, e, TimexType::Time, format!("XXXX-XX-XXT{code}"));
    };
    Some(Hit {
        s: i,
        e,
        kind: TimexType::Time,
        val: Val::DayPart(d + chrono::Duration::days(shift), code),
    })
}
