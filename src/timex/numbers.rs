//! Numbers that share the digits of years but not their meaning.
//!
//! On real cases clock times, market levels, table columns, product versions and
//! dimensions were read as years and became what a case's timeline opened on (issue 15).
//! The year rule asks this module whether a bare four-digit number can be a year given the
//! words around it; it looks at a fixed window, so extraction stays linear.

use super::lexer::{Kind, Lexed};
use super::lexicon;

/// Whether a bare four-digit number at `j` can be a year given the words
/// around it. Figures in market reports ("a new high of 1757 from Friday's
/// 1753 finish", "rose to 1757"), product versions and models ("Windows 10
/// version 1809"), and dimensions ("1800 x 1920") share the digits of years
/// but never their meaning.
pub(crate) fn number_is_year_here(lx: &Lexed, j: usize) -> bool {
    let w = |k: usize| if k <= j { lx.w(j - k) } else { "" };
    let next = lx.w(j + 1);
    // Numbers far from the present are years only with a cue; nearer ones
    // are years unless something marks them as figures.
    let y = lx.num(j).unwrap_or(0);
    let far = !(1900..=2040).contains(&y);
    // Dimensions: "1800 x 1920", "640x480", "2048 * 1080".
    if matches!(next, "x" | "*" | "×") && lx.kind(j + 2) == Some(Kind::Num) {
        return false;
    }
    if matches!(w(1), "x" | "*" | "×") && j >= 2 && lx.kind(j - 2) == Some(Kind::Num) {
        return false;
    }
    // A column of figures in a table: "GRADES 1647 1640 79".
    if in_table(lx, j, j + 1) {
        return false;
    }
    // A key length or a size: "2048-bit", "1080-pixel".
    if next == "-"
        && lx.glued(j + 1)
        && matches!(
            lx.w(j + 2),
            "bit" | "bits" | "byte" | "bytes" | "pixel" | "pixels" | "inch" | "mile" | "point"
        )
    {
        return false;
    }
    // A clock range whose zone follows the second time: "from 1700 to 2100
    // local time", "between 1700 and 2100 hrs central time".
    if matches!(next, "to" | "and" | "-") && lx.ndigits(j + 2) == 4 && clock_suffix(lx, j + 3) {
        return false;
    }
    // "expire 1700 New York time": a clock time in a named place's time.
    if (1..=3).any(|n| lx.w(j + n + 1) == "time" && (1..=n).all(|m| lx.upper(j + m))) {
        return false;
    }
    // A product, a version or a code named by a capitalised word: "Cyberpunk
    // 2077", "Server 1709", "PPN 2058", "Anno 1720". Only far from the
    // present, since "Euro 2016" or "Windows 2000" mark years people speak of.
    if far && j > 0 && lx.kind(j - 1) == Some(Kind::Word) && lx.upper(j - 1) {
        let name = w(1);
        let cue = matches!(
            name,
            "in" | "since"
                | "by"
                | "from"
                | "until"
                | "till"
                | "before"
                | "after"
                | "of"
                | "circa"
                | "about"
                | "around"
                | "during"
                | "through"
                | "to"
                | "and"
                | "or"
                | "between"
                | "year"
                | "the"
                | "fiscal"
                | "fy"
                | "ad"
                | "bc"
                | "ce"
        ) || lexicon::month(name).is_some()
            || lexicon::season(name).is_some();
        // A sentence may open with the name too ("Cyberpunk 2077 is"); one
        // that opens with a year's cue ("In 1850") is caught above.
        if !cue {
            return false;
        }
    }
    // "Windows 10 Version 1511, 1607": a list of versions.
    if w(1) == "," && j >= 3 && lx.ndigits(j - 2) == 4 && version_word(w(3)) {
        return false;
    }
    // "the 2016 Anniversary Update (1607)".
    if w(1) == "(" && matches!(w(2), "update" | "version" | "build" | "release") {
        return false;
    }
    // A stock index named by a capitalised word and a number: "the Russell
    // 2000 index", "the Wilshire 5000 Index". The number is the count of
    // stocks in it, near the present or not.
    if matches!(next, "index" | "indexes" | "indices")
        && j > 0
        && lx.kind(j - 1) == Some(Kind::Word)
        && lx.upper(j - 1)
    {
        return false;
    }
    // "about 1700 lawsuits", "a poll of 2047 registered voters": a count.
    let approx = matches!(
        w(1),
        "about" | "some" | "nearly" | "almost" | "approximately" | "roughly" | "around" | "over"
    );
    if approx && counted_noun(next) || counted_people(next, lx.w(j + 2)) {
        return false;
    }
    // A street number: "1600 Pennsylvania Avenue".
    if matches!(lx.w(j + 2), "avenue" | "street" | "road" | "boulevard") && lx.upper(j + 1) {
        return false;
    }
    // Versions, builds and models name a number, not a time ("v1803").
    if w(1) == "v" && lx.glued(j) {
        return false;
    }
    if version_word(w(1)) {
        return false;
    }
    // "a new high of 1757", "a record low of 1602".
    if w(1) == "of" && matches!(w(2), "high" | "low" | "peak" | "trough" | "figure") {
        return false;
    }
    // "rose to 1757", "closed at 1753", unless a period follows ("fell to 1985 levels").
    let moved = matches!(
        w(2),
        "rose"
            | "fell"
            | "climbed"
            | "dropped"
            | "slipped"
            | "gained"
            | "eased"
            | "jumped"
            | "rallied"
            | "tumbled"
            | "surged"
            | "plunged"
            | "declined"
            | "advanced"
            | "recovered"
            | "closed"
            | "finished"
            | "stood"
            | "opened"
            | "traded"
            | "hit"
            | "points"
            | "pts"
    );
    if moved && matches!(w(1), "to" | "at") && !matches!(next, "level" | "levels") {
        return false;
    }
    // "fell a record 508 Monday to 1738": a move of a figure, some words back.
    let moved_before = (3..=6).any(|k| {
        matches!(
            w(k),
            "fell" | "rose" | "dropped" | "climbed" | "jumped" | "slumped" | "gained"
        )
    }) && (2..=5).any(|k| j >= k && lx.kind(j - k) == Some(Kind::Num));
    if moved_before && w(1) == "to" && !matches!(next, "level" | "levels") {
        return false;
    }
    // "touched the 1840 level", "current levels around 2050": a market
    // level; "below the 1987 level" compares with a year, so only numbers far
    // from the present count.
    let touched = matches!(
        w(2),
        "touched" | "hit" | "reached" | "above" | "below" | "breached"
    );
    if far && next == "level" && w(1) == "the" && touched {
        return false;
    }
    if matches!(w(1), "around" | "near" | "about") && matches!(w(2), "level" | "levels") {
        return false;
    }
    // "Friday's 1753 finish": a day's closing figure.
    let day = if w(1) == "s" && w(2) == "'" { w(3) } else { "" };
    let a_day = lexicon::weekday(day).is_some() || matches!(day, "yesterday" | "today");
    if a_day
        && matches!(
            next,
            "finish" | "close" | "closing" | "level" | "high" | "low"
        )
    {
        return false;
    }
    true
}

/// Whether token `k` is a figure of a table: a number of two or more
/// digits, or the decimals of one.
fn figure(lx: &Lexed, k: usize) -> bool {
    lx.kind(k) == Some(Kind::Num)
        && (lx.ndigits(k) >= 2 || k > 0 && lx.w(k - 1) == "." && lx.glued(k))
}

/// Whether the tokens `[s, e)` stand in a row of figures: a figure right
/// before or after them ("GRADES 1647 1640 79", "Oct 13929 Dec 1403 Mar"),
/// or a figure with a letter code just before ("2089H 2089L 2080").
pub(crate) fn in_table(lx: &Lexed, s: usize, e: usize) -> bool {
    if s > 0 && figure(lx, s - 1) && !lx.glued(s) || figure(lx, e) && !lx.glued(e) {
        return true;
    }
    s >= 2
        && lx.kind(s - 1) == Some(Kind::Word)
        && lx.glued(s - 1)
        && lx.ndigits(s - 2) >= 3
        && lx.w(s - 1).len() == 1
}

/// Words after which a number names a version, a build or a model.
fn version_word(w: &str) -> bool {
    matches!(
        w,
        "version"
            | "versions"
            | "build"
            | "builds"
            | "model"
            | "models"
            | "firmware"
            | "series"
            | "server"
    )
}

/// Whether a word after an approximate number makes it a count: a plural
/// noun that is not a unit of time ("about 1700 lawsuits").
fn counted_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && lexicon::unit(w).is_none()
        && lexicon::weekday(w).is_none()
        && !matches!(
            w,
            "levels" | "highs" | "lows" | "rules" | "standards" | "prices"
        )
}

/// "2047 registered voters", "1200 likely voters": people counted in a poll.
fn counted_people(w1: &str, w2: &str) -> bool {
    matches!(w1, "registered" | "eligible" | "likely") && counted_noun(w2)
}

/// Whether a military-style clock suffix starts at `k`: "local time",
/// "local Chicago time", "hrs", or a zone abbreviation.
fn clock_suffix(lx: &Lexed, k: usize) -> bool {
    let w = lx.w(k);
    w == "hrs"
        || w == "hours"
        || w == "local"
        || w != "z" && lexicon::zone(w).is_some() && (lx.upper(k) || matches!(w, "gmt" | "utc"))
}

/// An ordinal at `j`, spelled ("third") or in figures ("3rd", "4TH"), with
/// the index after it. Figures need the suffix that fits them, so "3th" or
/// "21nd" are not ordinals.
#[inline]
pub(crate) fn ordinal_at(lx: &Lexed, j: usize) -> Option<(u32, usize)> {
    if lx.kind(j) != Some(Kind::Num) {
        return lexicon::ordinal_word(lx.w(j)).map(|o| (o, j + 1));
    }
    let n = lx.num(j).filter(|n| (1..=31).contains(n))?;
    if lx.ndigits(j) > 2 || !lx.glued(j + 1) {
        return None;
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    (lx.w(j + 1) == suffix).then_some((n, j + 2))
}
