//! Vague references and definite periods that TimeML annotates although no
//! number or calendar name appears in them: "current", "recent", "the near
//! future", "the time being", "over the years", "coming months", and "the
//! day", "the week", "the year", "year-end", "the latest period", a bare
//! season.
//!
//! Measured on TimeBank/AQUAINT and MEANTIME (issue 15), these were the
//! largest share of missed expressions after durations. Each rule is kept to
//! the contexts where the gold sets tag the words more often than not: a
//! word such as "soon", "previously" or "annual" is tagged in fewer than half
//! of its uses there and is left out, since finding it would cost more
//! precision than it gains recall.

use chrono::Datelike;

use super::durations::dur;
use super::lexer::Kind;
use super::lexicon::{self, unit};
use super::{Ctx, Hit, TimexType, Val};

/// Tries every rule of this module at token `i`, returning the longest match.
pub(crate) fn parse(cx: &Ctx, i: usize) -> Option<Hit> {
    // Most words that start some other rule start none of these; telling
    // them apart first keeps this module off the profile.
    let (w, next) = (cx.lx.w(i), cx.lx.w(i + 1));
    let starts = match w {
        "the" => {
            matches!(
                next,
                "near"
                    | "short"
                    | "long"
                    | "longer"
                    | "shorter"
                    | "decade"
                    | "century"
                    | "medium"
                    | "time"
                    | "years"
                    | "day"
                    | "week"
                    | "month"
                    | "year"
                    | "full"
                    | "entire"
                    | "whole"
                    | "fiscal"
                    | "financial"
                    | "latest"
                    | "next"
                    | "following"
                    | "previous"
                    | "new"
                    | "present"
                    | "same"
            ) || lexicon::season(next).is_some()
                || lexicon::day_part(next).is_some()
        }
        "a" | "an" => matches!(next, "while" | "later") || period_adjective(next) || degree(next),
        "one" => next == "point",
        "some" => next == "time",
        "that" => {
            matches!(next, "time" | "year" | "quarter" | "month" | "same")
                || lexicon::day_part(next).is_some()
        }
        "current" | "recent" | "coming" | "future" | "past" => true,
        "previous" | "prior" | "earlier" => unit(next).is_some_and(|(_, plural)| plural),
        "mid" => next == "-",
        "midyear" | "midweek" | "midmonth" | "midmorning" | "midafternoon" => true,
        _ => {
            unit(w).is_some()
                || lexicon::season(w).is_some()
                || lexicon::day_part(w).is_some()
                || super::daypart::twilight(w).is_some()
        }
    };
    if !starts {
        return None;
    }
    super::longest([
        vague(cx, i),
        definite_period(cx, i),
        bare_season(cx, i),
        anaphoric_period(cx, i),
        super::daypart::day_part(cx, i),
        super::daypart::mid_period(cx, i),
    ])
}

/// Vague past, present and future references and unspecified durations.
fn vague(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let r = |v: &str, n: usize| Hit::raw(i, i + n, TimexType::Date, v);
    let prev = if i > 0 { lx.w(i - 1) } else { "" };
    match (lx.w(i), lx.w(i + 1), lx.w(i + 2)) {
        // "the current system", "current market conditions"; "the current
        // year" and "current account" belong to other rules or are no time.
        ("current", next, _) => {
            if unit(next).is_some()
                || matches!(next, "account" | "accounts" | "fiscal" | "-" | "," | ".")
                || lexicon::season(next).is_some()
            {
                return None;
            }
            // "the then current price" lies in the past.
            if prev == "then" {
                return Hit::raw(i - 1, i + 1, TimexType::Date, "PAST_REF");
            }
            r("PRESENT_REF", 1)
        }
        // "the recent closing", "recent losses"; "recent years" and "recent
        // weeks" are read by the relative rules, "most recent" ranks things.
        ("recent", next, _) => {
            if unit(next).is_some() || matches!(prev, "most" | "more") || next == "-" {
                return None;
            }
            r("PAST_REF", 1)
        }
        // "the near future", "the near term", "the short term".
        ("the", "near" | "short" | "long" | "medium", "term" | "future") => r("FUTURE_REF", 3),
        // "in the longer term"; before a noun the words are an adjective ("the longer term
        // outlook", "the shorter term floater") and name no time.
        ("the", "longer" | "shorter", "term") => {
            let after = lx.w(i + 3);
            let noun_next = lx.kind(i + 3) == Some(Kind::Word)
                && !matches!(
                    after,
                    "and" | "or" | "but" | "as" | "is" | "will" | "would" | "could" | "it" | "the"
                );
            if noun_next {
                return None;
            }
            r("FUTURE_REF", 3)
        }
        ("the", "time", "being") => r("PRESENT_REF", 3),
        // "a recovery in the new year": said in the autumn, the year ahead; in its first
        // months, the year begun. "The New Year Honours" and "the New Year's weekend" name
        // the holiday.
        ("the", "new", "year")
            if matches!(
                prev,
                "in" | "into" | "until" | "after" | "by" | "early" | "for"
            ) && !(lx.upper(i + 3) || matches!(lx.w(i + 3), "'" | "honours")) =>
        {
            let d = cx.dct?;
            let y = if d.month() >= 9 {
                d.year() + 1
            } else {
                d.year()
            };
            Hit::date(i, i + 3, Val::Year(y))
        }
        // "from 1979 to the present", "until the present day": the present as a noun.
        ("the", "present", next)
            if matches!(prev, "to" | "until" | "till" | "through")
                && (next == "day" || lx.kind(i + 2) != Some(Kind::Word)) =>
        {
            r("PRESENT_REF", if next == "day" { 3 } else { 2 })
        }
        // "by that time", "during that time": the time last spoken of.
        ("that", "time", _)
            if matches!(
                prev,
                "by" | "at" | "until" | "since" | "during" | "before" | "after"
            ) =>
        {
            match cx.anchor {
                Some(d) => Hit::date(i, i + 2, Val::Day(d)),
                None => r("PAST_REF", 2),
            }
        }
        ("one", "point", _) if prev == "at" => r("PAST_REF", 2),
        ("the", "time", _) if prev == "at" && lx.w(i + 2) != "of" => r("PAST_REF", 2),
        // "over the years", "through the years": an unspecified span.
        ("the", "years", _) if matches!(prev, "over" | "through" | "across") => {
            Hit::raw(i, i + 2, TimexType::Duration, "PXY")
        }
        // "in coming months", "in past years", without an article.
        ("coming" | "future", n, _) if matches!(prev, "in" | "for" | "over") => {
            let (_, true) = unit(n)? else { return None };
            r("FUTURE_REF", 2)
        }
        // "than in previous years", "over prior months": the past, as "in past years" is.
        ("past" | "previous" | "prior" | "earlier", n, _)
            if matches!(prev, "in" | "for" | "over" | "from" | "of") =>
        {
            let (_, true) = unit(n)? else { return None };
            r("PAST_REF", 2)
        }
        // "for a while", "for some time".
        ("a", "while", _) if matches!(prev, "for" | "in") => {
            Hit::raw(i, i + 2, TimexType::Duration, "PXX")
        }
        ("some", "time", _) if prev == "for" => Hit::raw(i, i + 2, TimexType::Duration, "PXX"),
        // "at a later date", "at a later time": a time the text leaves open
        // but places ahead.
        ("a", "later", "date" | "time" | "stage") if prev == "at" => r("FUTURE_REF", 3),
        // "for a lengthy period", "an undetermined period of time": a span
        // whose length the text does not give.
        ("a" | "an", _, _) => {
            let mut j = i + 1;
            if degree(lx.w(j)) {
                j += 1;
            }
            if !period_adjective(lx.w(j)) || lx.w(j + 1) != "period" {
                return None;
            }
            let mut e = j + 2;
            if (lx.w(e), lx.w(e + 1)) == ("of", "time") {
                e += 2;
            }
            Hit::raw(i, e, TimexType::Duration, "PXX")
        }
        // "months ago", "just minutes": a bare plural unit with a cue.
        (u, "ago", _) => {
            let (_, true) = unit(u)? else { return None };
            r("PAST_REF", 2)
        }
        // "in just minutes", "just hours after the vote"; "only minutes apart" tells how far
        // apart two events were, which TimeBank leaves untagged.
        (u, next, _)
            if matches!(prev, "just" | "mere" | "only")
                && (lx.w(i.wrapping_sub(2)) == "in"
                    || matches!(next, "after" | "before" | "later" | "earlier")) =>
        {
            let (u, true) = unit(u)? else { return None };
            Hit::raw(i, i + 1, TimexType::Duration, dur("X", u))
        }
        // "resigned days after the scandal", "Weeks later, he left": an uncounted length
        // before or after an event. A count or an article before the unit belongs to other
        // rules, and "a matter of days before" is left untagged in TimeBank, as is "seconds
        // before the bomb exploded", which says how close two events were.
        (u, "after" | "before" | "later" | "earlier", _) => {
            let (u, true) = unit(u)? else { return None };
            if u == lexicon::Unit::Second {
                return None;
            }
            let counted = i > 0
                && (lx.kind(i - 1) == Some(Kind::Num)
                    || lexicon::number_word(prev).is_some()
                    || lexicon::vague_quantity(prev)
                    || matches!(
                        prev,
                        "of" | "the" | "a" | "an" | "few" | "many" | "-" | "those" | "these"
                    ));
            if counted {
                return None;
            }
            Hit::raw(i, i + 1, TimexType::Duration, dur("X", u))
        }
        _ => None,
    }
}

/// Definite periods named by a unit: "the day" (of the last date
/// mentioned), "the week", "the year" and "the full year" (the reference
/// year), "the latest period" (the quarter under discussion), "year-end".
fn definite_period(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let prev = if i > 0 { lx.w(i - 1) } else { "" };
    // "year-end", "year end", "year's end".
    if lx.w(i) == "year" {
        let e = match (lx.w(i + 1), lx.w(i + 2), lx.w(i + 3)) {
            ("-" | "", "end", _) if lx.w(i + 1) == "-" => i + 3,
            ("end", _, _) => i + 2,
            ("'", "s", "end") => i + 4,
            _ => return None,
        };
        if !matches!(
            prev,
            "by" | "since" | "at" | "around" | "before" | "until" | "the" | "after"
        ) {
            return None;
        }
        let s = if prev == "the" { i - 1 } else { i };
        let d = cx.dct?;
        // "since year-end" looks back to the end of the previous year.
        let y = if prev == "since" {
            d.year() - 1
        } else {
            d.year()
        };
        return Hit::date(s, e, Val::Year(y));
    }
    if lx.w(i) != "the" {
        return None;
    }
    let mut j = i + 1;
    if matches!(lx.w(j), "full" | "entire" | "whole") {
        j += 1;
    }
    let adj = j > i + 1;
    // British and Australian reports say "the financial year".
    let fiscal = matches!(lx.w(j), "fiscal" | "financial") && lx.w(j + 1) == "year";
    if fiscal {
        j += 1;
    }
    match lx.w(j) {
        // "to end the day", "for the day", "late in the day".
        "day" if !adj && !fiscal => {
            let before = if i >= 2 { lx.w(i - 2) } else { "" };
            let cue = matches!(
                prev,
                "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "finishing" | "for"
            ) || prev == "of" && matches!(before, "start" | "end" | "rest" | "remainder")
                || prev == "in" && matches!(before, "late" | "later" | "earlier" | "early");
            // "set up for the day's festivities" names an event's day,
            // which may be far from the last date mentioned.
            if !cue || lx.w(j + 1) == "'" {
                return None;
            }
            let d = cx.anchor?;
            Hit::date(i, j + 1, Val::Day(d))
        }
        "week" if !adj && !fiscal => {
            // "for the week", "the week's most active session", "the
            // remainder of the week".
            let possessive = lx.w(j + 1) == "'" && lx.w(j + 2) == "s";
            let cue = matches!(prev, "for" | "during" | "of") || possessive;
            if !cue || matches!(lx.w(j + 1), "of" | "before" | "after" | "ending" | "ended") {
                return None;
            }
            let d = cx.anchor?;
            let w = d.iso_week();
            Hit::date(i, j + 1, Val::Week(w.year(), w.week()))
        }
        "year" => {
            // "the year ended March 31" is a twelve-month period, not a
            // calendar year.
            if matches!(lx.w(j + 1), "ended" | "ending" | "ends" | "to") {
                return Hit::raw(i, j + 1, TimexType::Duration, "P1Y");
            }
            // "the year before", "the year previous": the year before the
            // reference year.
            if matches!(lx.w(j + 1), "previous" | "before" | "earlier")
                && !matches!(lx.w(j + 2), "the" | "a" | "his" | "her" | "its" | "their")
            {
                let y = cx.last_year.or(cx.dct.map(|d| d.year()))?;
                return Hit::date(i, j + 2, Val::Year(y - 1));
            }
            let cue = adj
                || fiscal
                || matches!(
                    prev,
                    "for" | "of" | "during" | "throughout" | "in" | "through"
                ) && !matches!(
                    lx.w(j + 1),
                    "of" | "after" | "that" | "when" | "in" | "before"
                );
            if !cue || lx.w(j + 1) == "-" {
                return None;
            }
            // Right after a quarter of a named year ("the fourth quarter of
            // 2005 and ... for the entire year") the year is that one.
            let y = match cx.last_quarter {
                Some((y, _, at)) if at + 30 >= i => y,
                _ => cx.dct?.year(),
            };
            Hit::date(i, j + 1, Val::Year(y))
        }
        // "by the end of the month", "for the month".
        "month" if !adj && !fiscal => {
            if !matches!(prev, "of" | "for" | "during" | "through" | "throughout")
                || matches!(lx.w(j + 1), "of" | "after" | "before" | "ended" | "ending")
            {
                return None;
            }
            let (y, m) = match (cx.last_month, cx.dct) {
                (Some(ym), _) => ym,
                (None, Some(d)) => (d.year(), d.month()),
                _ => return None,
            };
            Hit::date(i, j + 1, Val::Month(y, m))
        }
        // "by the end of the decade", "since the turn of the century", "for the rest of the
        // decade": the decade or century of the time of writing. Only after such a word, since
        // "the comeback of the decade" and "coach of the century" rank things.
        "decade" | "century" if !adj && !fiscal => {
            let before = if i >= 2 { lx.w(i - 2) } else { "" };
            let cue = matches!(prev, "through" | "throughout" | "during")
                || prev == "of"
                    && matches!(
                        before,
                        "end"
                            | "start"
                            | "beginning"
                            | "middle"
                            | "turn"
                            | "close"
                            | "rest"
                            | "remainder"
                            | "balance"
                    );
            if !cue || lx.w(j + 1) == "'" || lx.upper(j) {
                return None;
            }
            let y = cx.dct?.year();
            let val = if lx.w(j) == "decade" {
                Val::Decade(y / 10)
            } else {
                Val::Century(y / 100)
            };
            Hit::date(i, j + 1, val)
        }
        // "the latest period" is the quarter the report is about.
        "latest" if lx.w(j + 1) == "period" => {
            let (y, q) = cx.reported_quarter()?;
            Hit::date(i, j + 2, Val::Quarter(y, q))
        }
        _ => None,
    }
}

/// A season without a year: "the summer", "over the summer", "Spring
/// shows", resolved in the reference year, or the year before when the
/// clause is past and the season has not begun yet. "Fall" is a verb too
/// often to be read alone.
fn bare_season(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    let j = if lx.w(i) == "the" { i + 1 } else { i };
    let w = lx.w(j);
    let code = lexicon::season(w).filter(|_| w != "fall")?;
    // "the summer of 2016" and "summer 2016" are read by the absolute rules;
    // "summer camp" and "winter storms" are not times, so a word may follow
    // only when it is a function word or a verb.
    let next = lx.w(j + 1);
    let word_ok = matches!(
        next,
        "shows" | "and" | "or" | "when" | "as" | "after" | "before" | "is" | "was" | "has" | "had"
    ) || next.ends_with("ed");
    if lx.kind(j + 1) == Some(super::lexer::Kind::Word) && !word_ok || next == "of" {
        return None;
    }
    if j == i {
        let prev = if i > 0 { lx.w(i - 1) } else { "" };
        // "the early summer", "in late spring": the modifier rule adds the first word.
        let cue = matches!(
            prev,
            "in" | "by" | "until" | "since" | "during" | "over" | "early" | "late" | "mid" | "-"
        );
        if !cue && !lx.upper(j) {
            return None;
        }
    }
    let d = cx.dct?;
    let start = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    // In a past clause a season that has not begun yet this year is last
    // year's; winter is labelled with the year in which it starts.
    let y = if d.month() < start && !cx.future(i) {
        d.year() - 1
    } else {
        d.year()
    };
    Hit::date(i, j + 1, Val::Season(y, code))
}

/// "that year", "that quarter", "that month": the period of the last
/// mention.
fn anaphoric_period(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if lx.w(i) != "that" {
        return None;
    }
    let val = match lx.w(i + 1) {
        "year" => Val::Year(cx.last_year?),
        "quarter" => {
            let (y, q, _) = cx.last_quarter?;
            Val::Quarter(y, q)
        }
        "month" => {
            let (y, m) = cx.last_month?;
            Val::Month(y, m)
        }
        _ => return None,
    };
    Hit::date(i, i + 2, val)
}

/// Adjectives that give a period a length without a number: "a lengthy
/// period", "an indefinite period".
fn period_adjective(w: &str) -> bool {
    matches!(
        w,
        "long"
            | "lengthy"
            | "short"
            | "brief"
            | "extended"
            | "prolonged"
            | "indefinite"
            | "undetermined"
            | "unspecified"
            | "limited"
            | "considerable"
    )
}

/// Adverbs of degree before such an adjective: "a fairly lengthy period".
fn degree(w: &str) -> bool {
    matches!(w, "fairly" | "very" | "relatively" | "rather" | "quite")
}
