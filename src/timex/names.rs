//! Names that contain the words of temporal expressions: newspapers, shows and
//! idioms ("USA Today", ABC's "This Week", "60 Minutes", "high noon", "today's
//! youth"). The extractor asks here before it keeps a match; every check
//! looks at the match and the tokens right around it, so extraction stays linear.

use super::lexer::{Kind, Lexed};
use super::{holidays, lexicon, Ctx};

/// Whether the match on tokens `[s, e)` is part of a name or an idiom rather than
/// a temporal expression.
pub(crate) fn is_name(cx: &Ctx, s: usize, e: usize) -> bool {
    let lx = cx.lx;
    let prev = if s > 0 { lx.w(s - 1) } else { "" };
    // In capitals ("(1200) GMT TODAY", a headline) the case of a word tells
    // nothing, so only the idioms below that do not rest on it apply.
    let caps = (s..e).any(|k| lx.caps(k));
    // "high noon" is a showdown, not twelve o'clock.
    if lx.w(s) == "noon" && prev == "high" {
        return true;
    }
    // "At the end of the day, voters want jobs" means "in the end": on the news corpus all 23
    // uses are the idiom, while "by the end of the day" and "towards the end of the day" place
    // events in a day.
    if prev == "at"
        && e == s + 5
        && (lx.w(s), lx.w(s + 1), lx.w(s + 2), lx.w(s + 3), lx.w(s + 4))
            == ("the", "end", "of", "the", "day")
    {
        return true;
    }
    // "Super Tuesday", "Patch Tuesday", "Cyber Monday" name recurring events,
    // not the nearest such weekday.
    if lexicon::weekday(lx.w(s)).is_some() && matches!(prev, "super" | "patch" | "cyber") {
        return true;
    }
    // "Now, he says, ..." opening a sentence with a comma turns to the next
    // point of an argument; annotators leave it untagged.
    if e == s + 1 && lx.w(s) == "now" && lx.w(e) == "," && opens_sentence(lx, s) {
        return true;
    }
    // "the now-defunct firm", "the now-cancelled deal": "now" inside a
    // compound adjective describes the thing, it does not place an event.
    if e == s + 1 && lx.w(s) == "now" && lx.w(e) == "-" && lx.glued(e) {
        return true;
    }
    // "today's youth", "in today's world", "in today's dollars" mean the
    // present age, not the day of the report, and are left untagged.
    if e == s + 1
        && lx.w(s) == "today"
        && lx.w(e) == "'"
        && lx.w(e + 1) == "s"
        && matches!(
            lx.w(e + 2),
            "world"
                | "youth"
                | "society"
                | "economy"
                | "generation"
                | "children"
                | "dollars"
                | "standards"
                | "terms"
                | "technology"
        )
    {
        return true;
    }
    // Capitalised in the middle of a sentence after a capitalised word or a
    // possessive, "Today" is a name: "USA Today", "NBC's Today show".
    if e == s + 1 && lx.w(s) == "today" && lx.upper(s) && !caps && s > 0 {
        let after_name = lx.kind(s - 1) == Some(Kind::Word)
            && (lx.upper(s - 1) && !opens_sentence(lx, s - 1)
                || prev == "s" && lx.w(s.saturating_sub(2)) == "'");
        if after_name {
            return true;
        }
    }
    // A title in quotes or after a possessive whose later words are
    // capitalised, which words of time inside a sentence never are: ABC's
    // "This Week", CBS' "60 Minutes".
    // Names of months and weekdays are capitalised anywhere, so they do not
    // count: "Last April" after a closing quote is a date.
    let plain = |k: usize| {
        lx.kind(k) == Some(Kind::Word)
            && lexicon::month(lx.w(k)).is_none()
            && lexicon::weekday(lx.w(k)).is_none()
    };
    let titled =
        (s + 1..e).any(plain) && (s + 1..e).all(|k| lx.kind(k) != Some(Kind::Word) || lx.upper(k));
    // Holidays are capitalised names of days themselves: "the nation's
    // Independence Day" and "\"Christmas Day" stay dates.
    let holiday = || holidays::parse(cx, s).is_some_and(|h| h.e == e);
    if titled
        && !caps
        && !holiday()
        && (matches!(prev, "\"" | "'" | "`" | "\u{201c}")
            || prev == "s" && s >= 2 && lx.w(s - 2) == "'")
    {
        return true;
    }
    false
}

/// Whether the match on tokens `[s, e)` is the head of a compound adjective such as "the
/// quarter-to-quarter comparison", "on a day-to-day basis" or "a year-to-date revision": the
/// unit qualifies a noun and names no period. "last year-to-date" and "sales for the
/// month-to-date" still place the figures in a period, so before "-to-date" only the unit alone
/// or after "a" or "that" ("AMC added that year-to-date ...") counts.
pub(crate) fn in_to_compound(lx: &Lexed, s: usize, e: usize) -> bool {
    if lexicon::unit(lx.w(e - 1)).is_none() || !to_compound(lx, e) {
        return false;
    }
    let to_date = lx.w(e + 3) == "date";
    let bare = e == s + 1 || e == s + 2 && matches!(lx.w(s), "a" | "an" | "that");
    !to_date || bare
}

/// Whether the tokens from `e` on read "-to-" and a unit or "date", all glued: the tail of a
/// compound such as "quarter-to-quarter" or "year-to-date".
fn to_compound(lx: &Lexed, e: usize) -> bool {
    lx.w(e) == "-"
        && lx.glued(e)
        && lx.w(e + 1) == "to"
        && lx.glued(e + 1)
        && lx.w(e + 2) == "-"
        && lx.glued(e + 2)
        && lx.glued(e + 3)
        && (lx.w(e + 3) == "date" || lexicon::unit(lx.w(e + 3)).is_some())
}

/// Whether token `k` opens a sentence: it is the first token or follows a
/// sentence's end or an opening quote.
fn opens_sentence(lx: &Lexed, k: usize) -> bool {
    k == 0
        || matches!(
            lx.w(k - 1),
            "." | "!" | "?" | "\"" | "'" | "`" | "\u{201c}" | ":" | "-" | "_"
        )
}

/// Whether tokens `s..e` sit inside a web address, a file name or an identifier
/// ("krebsonsecurity.com/2018/10/patch-tuesday-october-2018-edition/",
/// "usa-today_2016-06-30"): an underscore, or two slashes, within the unbroken run of
/// characters around them. A hyphen is not enough ("January-June 1985" is a range in
/// running text), nor one slash ("1600 est/2100 gmt", "Monday/Tuesday"). Looks at most
/// eight tokens either side.
pub(crate) fn in_address(lx: &Lexed, s: usize, e: usize) -> bool {
    let (mut slashes, mut underscore) = (0, false);
    let mut count = |w: &str| match w {
        "/" => slashes += 1,
        "_" => underscore = true,
        _ => {}
    };
    let mut k = s;
    for _ in 0..8 {
        if k == 0 || !lx.glued(k) {
            break;
        }
        k -= 1;
        count(lx.w(k));
    }
    for k in e..(e + 8).min(lx.len()) {
        if !lx.glued(k) {
            break;
        }
        count(lx.w(k));
    }
    underscore || slashes >= 2
}
