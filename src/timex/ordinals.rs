//! The n-th period of something the text names rather than of the calendar: "the strike
//! entered its third week", "on his first day in office", "in its fifth year of growth".
//!
//! TimeBank tags such phrases ("his first day in office"), and the news corpus holds them by
//! the dozen, but no calendar rule reads them: the ordinal counts from the start of a strike, a
//! term or a film's run. Like "the day" and "the week", they are valued as the period of the
//! date under discussion, which in news is most often the time of writing.

use chrono::Datelike;

use super::lexicon::{ordinal_word, unit, Unit};
use super::{Ctx, Hit, TimexType, Val};

/// Whether a word is a possessive that may open such a phrase; no other rule starts at one.
pub(crate) fn is_possessive(w: &str) -> bool {
    matches!(w, "its" | "his" | "her" | "their")
}

/// A possessive, an ordinal and a singular unit at `i`: "its second week", "their first full
/// year", "her last weekend".
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if !is_possessive(lx.w(i)) {
        return None;
    }
    let mut j = i + 1;
    if ordinal_word(lx.w(j)).is_none() && !matches!(lx.w(j), "final" | "last") {
        return None;
    }
    j += 1;
    if lx.w(j) == "full" {
        j += 1;
    }
    // "their third day-long meeting" counts meetings; the length compound is read elsewhere.
    if lx.w(j + 1) == "-" {
        return None;
    }
    let d = cx.anchor.or(cx.dct);
    let val = match (lx.w(j), d) {
        ("weekend", Some(d)) => {
            let w = d.iso_week();
            Val::Weekend(w.year(), w.week())
        }
        ("weekend", None) => Val::Raw("XXXX-WXX-WE".into()),
        (u, d) => match (unit(u)?, d) {
            ((_, true), _) => return None,
            ((Unit::Day, _), Some(d)) => Val::Day(d),
            ((Unit::Week, _), Some(d)) => {
                let w = d.iso_week();
                Val::Week(w.year(), w.week())
            }
            ((Unit::Month, _), Some(d)) => Val::Month(d.year(), d.month()),
            ((Unit::Year, _), _) => Val::Year(cx.dct?.year()),
            ((Unit::Day, _), None) => Val::Raw("XXXX-XX-XX".into()),
            _ => return None,
        },
    };
    Some(Hit {
        s: i,
        e: j + 1,
        kind: TimexType::Date,
        val,
    })
}
