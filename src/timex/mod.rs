//! Temporal expression extraction and normalisation (TimeML TIMEX3 style).
//!
//! The extractor tokenizes the text once, then at every token tries a fixed
//! set of hand-written rules that each look at a bounded window of tokens,
//! keeps the longest match and continues after it. Relative expressions are
//! resolved against the document's reference date (its creation or
//! publication date) or, for anaphoric ones such as "the next day", against
//! the last explicit date mentioned. Everything is pure and linear in the
//! length of the input.

mod absolute;
mod anchored;
mod clock;
mod daypart;
mod durations;
#[cfg(test)]
mod fixture_tests;
mod holidays;
mod lexer;
mod lexicon;
mod names;
mod numbers;
mod ordinals;
mod quarters;
#[cfg(test)]
mod recall_tests;
#[cfg(test)]
mod recall_tests7;
mod relative;
mod resolve;
#[cfg(test)]
mod span_tests;
#[cfg(test)]
mod span_tests9;
#[cfg(test)]
mod tests;
mod vague;
#[cfg(test)]
mod value_tests;
#[cfg(test)]
mod value_tests5;
#[cfg(test)]
mod value_tests6;
mod within;
mod years;

use chrono::{Datelike, NaiveDate};

pub(crate) use resolve::{Ctx, Hit, Val};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// The size of the calendar unit an expression refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    Minute,
    Second,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Timex {
    /// Start offset in chars (Unicode scalar values) into the input.
    pub start: usize,
    /// End offset (exclusive) in chars into the input.
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 `value`, e.g. "2017-04-12", "2017-W14", "P20Y", "PRESENT_REF".
    pub value: String,
    /// First day (or instant) of the resolved interval, when it is known.
    pub earliest: Option<String>,
    /// Last day (or instant) of the resolved interval, inclusive.
    pub latest: Option<String>,
    pub granularity: Option<Granularity>,
}

/// Finds and normalises the temporal expressions in `text`.
///
/// `reference` is the document's creation or publication date; it anchors
/// relative expressions such as "last week". Without it such expressions
/// are still found but their values keep `X` placeholders.
pub fn extract(text: &str, reference: Option<NaiveDate>) -> Vec<Timex> {
    let lx = lexer::lex(text);
    let mut cx = Ctx::new(&lx, reference);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lx.len() {
        let Some(hit) = best_at(&cx, i) else {
            i += 1;
            continue;
        };
        // A name such as "USA Today" is skipped whole, so no shorter rule
        // picks its words up again; so are the words of a web address.
        if names::is_name(&cx, hit.s, hit.e) || names::in_address(&lx, hit.s, hit.e) {
            i = hit.e.max(i + 1);
            continue;
        }
        // "The quarter-to-quarter comparison" is no expression, but it tells which quarter the
        // story compares: a later "year-earlier period" is counted from it.
        if names::in_to_compound(&lx, hit.s, hit.e) {
            cx.remember(&hit);
            i = hit.e.max(i + 1);
            continue;
        }
        let (s, e) = (&lx.toks[hit.s], &lx.toks[hit.e - 1]);
        let (earliest, latest, granularity) = hit.val.interval();
        out.push(Timex {
            start: s.cs,
            end: e.ce,
            text: text[s.bs..e.be].to_string(),
            kind: hit.kind,
            value: hit.val.value(),
            earliest,
            latest,
            granularity,
        });
        cx.remember(&hit);
        i = hit.e.max(i + 1);
    }
    out
}

/// The longest of the hits the rules found, the earliest rule winning a tie: every rule family
/// picks among its rules this way.
pub(crate) fn longest(hits: impl IntoIterator<Item = Option<Hit>>) -> Option<Hit> {
    hits.into_iter()
        .flatten()
        .reduce(|best, h| if h.e > best.e { h } else { best })
}

/// Runs every rule at token `i` and keeps the longest match; earlier rules
/// win ties because they are the more specific ones.
fn best_at(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    // "its third week": no other rule starts at a possessive, so these words
    // are tried here alone rather than listed in `may_start`.
    if ordinals::is_possessive(lx.w(i)) {
        return ordinals::parse(cx, i);
    }
    // Rules only start at words, numbers or an apostrophe ("'90s"), so most
    // punctuation is skipped cheaply.
    match lx.kind(i) {
        Some(lexer::Kind::Punct) if lx.w(i) != "'" => return None,
        Some(lexer::Kind::Word) if !may_start(lx.w(i)) => return None,
        _ => {}
    }
    let mut best: Option<Hit> = None;
    let mut consider = |h: Option<Hit>| {
        if let Some(h) = h {
            if best.as_ref().is_none_or(|b| h.e > b.e) {
                best = Some(h);
            }
        }
    };
    consider(absolute::parse(cx, i));
    consider(relative::parse(cx, i));
    consider(holidays::parse(cx, i));
    consider(vague::parse(cx, i));
    // A modifier such as "early" or "the end of" keeps the value of the
    // expression it modifies but belongs to the span, as in TimeML.
    if let Some(k) = modifier_len(cx, i) {
        let inner = absolute::parse(cx, i + k)
            .or_else(|| relative::parse(cx, i + k))
            .or_else(|| vague::parse(cx, i + k));
        if let Some(mut h) = inner {
            if !matches!(h.kind, TimexType::Duration | TimexType::Set) {
                h.s = i;
                consider(Some(h));
            }
        }
    }
    // "at 8 tonight": only after a word that introduces a time.
    if i > 0
        && matches!(
            lx.w(i - 1),
            "at" | "by" | "until" | "around" | "about" | "before"
        )
    {
        // It wins a tie: "around 9:45 tonight" is also read by the clock rule, which joins the
        // day without moving the hour into the evening.
        if let Some(h) = clock::hour_then_part(cx, i) {
            if best.as_ref().is_none_or(|b| h.e >= b.e) {
                best = Some(h);
            }
        }
    }

    // "this morning at 10" is one clock time.
    match best.as_ref().and_then(|b| clock::part_then_hour(cx, b)) {
        Some(t) => Some(t),
        None => best,
    }
}

/// Length in tokens of a TimeML `mod`-style prefix at `i`, if any.
fn modifier_len(cx: &Ctx, i: usize) -> Option<usize> {
    let lx = cx.lx;
    match lx.w(i) {
        "pre" | "post" if lx.w(i + 1) == "-" && lx.glued(i + 1) => Some(2),
        "early" | "late" | "mid" | "earlier" | "later" => {
            if lx.w(i + 1) == "-" {
                Some(2)
            } else {
                Some(1)
            }
        }
        "the" if lx.w(i + 2) == "of" => match (lx.w(i + 1), lx.w(i + 3)) {
            ("end" | "beginning" | "start" | "middle" | "close" | "turn", _) => Some(3),
            _ => None,
        },
        // "in the early hours of Friday", "till the small hours of the morning": the first hours
        // of the day named after them.
        "the"
            if matches!(lx.w(i + 1), "early" | "small" | "wee")
                && lx.w(i + 2) == "hours"
                && lx.w(i + 3) == "of" =>
        {
            Some(4)
        }
        // "the very beginning of the year", "the very end of May".
        "the" if lx.w(i + 1) == "very" && lx.w(i + 3) == "of" => {
            matches!(lx.w(i + 2), "end" | "beginning" | "start").then_some(4)
        }
        _ => None,
    }
}

/// Formats a date as ISO 8601 (`YYYY-MM-DD`).
pub(crate) fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Whether a word can begin some rule; most words cannot, and skipping them
/// early keeps extraction fast. Every rule's first word must be listed here.
fn may_start(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "previous"
            | "prior"
            | "latest"
            | "recent"
            | "current"
            | "following"
            | "upcoming"
            | "early"
            | "late"
            | "mid"
            | "midyear"
            | "midweek"
            | "midmonth"
            | "midmorning"
            | "midafternoon"
            | "earlier"
            | "later"
            | "every"
            | "each"
            | "per"
            | "daily"
            | "weekly"
            | "monthly"
            | "annually"
            | "yearly"
            | "hourly"
            | "nightly"
            | "fortnightly"
            | "weekends"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "now"
            | "currently"
            | "nowadays"
            | "right"
            | "at"
            | "recently"
            | "lately"
            | "more"
            | "less"
            | "fewer"
            | "for"
            | "in"
            | "within"
            | "over"
            | "fiscal"
            | "fy"
            | "q"
            | "noon"
            | "midday"
            | "midnight"
            | "half"
            | "another"
            | "year"
            | "final"
            | "christmas"
            | "new"
            | "thanksgiving"
            | "halloween"
            | "valentine"
            | "independence"
            | "veterans"
            | "labor"
            | "memorial"
            | "election"
            | "future"
            | "single"
            | "pre"
            | "post"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "dawn"
            | "daybreak"
            | "sunrise"
            | "dusk"
            | "nightfall"
            | "sunset"
            | "best"
            | "worst"
    ) || lexicon::unit(w).is_some()
        || lexicon::month(w).is_some()
        || lexicon::weekday_abbr(w).is_some()
        || lexicon::number_word(w).is_some()
        || lexicon::ordinal_word(w).is_some()
        || lexicon::vague_quantity(w)
        || lexicon::season(w).is_some()
}
