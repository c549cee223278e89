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
    // Dimensions: "1800 x 1920", "640x480".
    if next == "x" && lx.kind(j + 2) == Some(Kind::Num) {
        return false;
    }
    if w(1) == "x" && j >= 2 && lx.kind(j - 2) == Some(Kind::Num) {
        return false;
    }
    // A column of figures in a table: "GRADES 1647 1640 79".
    let figure = |k: usize| {
        lx.kind(k) == Some(Kind::Num)
            && (lx.ndigits(k) >= 2 || k > 0 && lx.w(k - 1) == "." && lx.glued(k))
    };
    if j > 0 && figure(j - 1) && !lx.glued(j) || figure(j + 1) && !lx.glued(j + 1) {
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
    if matches!(
        w(1),
        "version" | "versions" | "build" | "builds" | "model" | "models" | "firmware" | "series"
    ) {
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
