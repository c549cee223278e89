//! Clock times: "5:00 AM PT", "14:30 GMT", "5 p.m.", "noon".

use chrono::NaiveDate;

use super::lexer::Kind;
use super::lexicon;
use super::resolve::us_dst;
use super::{Ctx, Hit, TimexType, Val};

/// Clock times: "5:00 AM PT", "14:30 GMT", "5 p.m.", "noon", "a quarter past
/// nine". `date` is an explicit date already parsed before the time, if any.
pub(crate) fn clock(cx: &Ctx, i: usize, date: Option<NaiveDate>) -> Option<Hit> {
    // A plain clock time starts at a number or "noon", "midday", "midnight"; other
    // tokens, most of them, can only start minutes counted from an hour.
    let lx = cx.lx;
    if lx.kind(i) == Some(Kind::Num) || matches!(lx.w(i), "noon" | "midday" | "midnight") {
        return past_to(cx, i, date).or_else(|| plain(cx, i, date));
    }
    past_to(cx, i, date).or_else(|| spelled(cx, i, date))
}

/// A spelled minute of 1 to 9 at `k` ("five" in "ten o five", "three" in "twenty-three");
/// "a" and "an" count one elsewhere but never here.
fn minute_unit(lx: &super::lexer::Lexed, k: usize) -> Option<u32> {
    if matches!(lx.w(k), "a" | "an") {
        return None;
    }
    lexicon::number_word(lx.w(k)).filter(|u| (1..=9).contains(u))
}

/// Clock times in words, as spoken and as transcripts write them: "seven thirty p.m.", "at
/// three o'clock", "ten fifteen am", "nine fifty-nine a m". The hour is a word from one to
/// twelve; the minutes, if any, are words too; and a sign of the clock must follow (a.m. or
/// p.m., or o'clock after a bare hour), since "seven thirty" alone may count anything. A bare
/// "am" after a bare hour needs a word that introduces a time before it ("at one am"), as "am"
/// is a verb ("which one am I").
fn spelled(cx: &Ctx, i: usize, date: Option<NaiveDate>) -> Option<Hit> {
    let lx = cx.lx;
    if matches!(lx.w(i), "a" | "an") {
        return None;
    }
    let h = lexicon::number_word(lx.w(i)).filter(|h| (1..=12).contains(h))?;
    let mut j = i + 1;
    let mut m = 0;
    if lx.w(j) == "o" && lx.w(j + 1) != "'" {
        m = minute_unit(lx, j + 1)?;
        j += 2;
    } else if let Some(t) = lexicon::number_word(lx.w(j)).filter(|t| (10..60).contains(t)) {
        m = t;
        j += 1;
        if t >= 20 && t % 10 == 0 {
            let k = if lx.w(j) == "-" && lx.glued(j) {
                j + 1
            } else {
                j
            };
            if let Some(u) = minute_unit(lx, k) {
                m += u;
                j = k + 1;
            }
        }
    }
    let cue = i > 0
        && matches!(
            lx.w(i - 1),
            "at" | "by" | "until" | "around" | "about" | "before" | "after" | "from" | "since"
        );
    let pm = match (lx.w(j), lx.w(j + 1), lx.w(j + 2)) {
        ("pm", _, _) => {
            j += 1;
            Some(true)
        }
        ("am", _, _) if (cue || m > 0) && !lx.upper(j) => {
            j += 1;
            Some(false)
        }
        ("a" | "p", ".", "m") => {
            let pm = lx.w(j) == "p";
            j += 3;
            if lx.w(j) == "." && lx.glued(j) {
                j += 1;
            }
            Some(pm)
        }
        ("a" | "p", "m", _) => {
            let pm = lx.w(j) == "p";
            j += 2;
            Some(pm)
        }
        ("o", "'", "clock") if m == 0 => {
            j += 3;
            None
        }
        ("oclock", _, _) if m == 0 => {
            j += 1;
            None
        }
        _ => return None,
    };
    // "three o'clock in the morning", "four o'clock in the afternoon".
    let pm = match (pm, lx.w(j), lx.w(j + 1), lx.w(j + 2)) {
        (None, "in", "the", part @ ("morning" | "afternoon" | "evening")) => {
            j += 3;
            Some(part != "morning")
        }
        _ => pm,
    };
    let h = match pm {
        Some(true) => h % 12 + 12,
        Some(false) => h % 12,
        None => h,
    };
    Some(Hit {
        s: i,
        e: j,
        kind: TimexType::Time,
        val: Val::Time(date.or(cx.anchor), h, m, None),
    })
}

/// "a quarter past nine", "half past 3 pm", "20 minutes to noon", "ten after 5
/// p.m.": minutes counted from an hour. "A quarter" was read as the duration of
/// a quarter year. With "after" or "before", or a bare count before "to" ("ten to
/// five" may be a range), the hour must be a clock time on its own ("5 p.m.",
/// "noon"); with "past", or "a quarter to", a bare hour of 1 to 12 is enough
/// when no noun follows it.
#[inline]
fn past_to(cx: &Ctx, i: usize, date: Option<NaiveDate>) -> Option<Hit> {
    let lx = cx.lx;
    // The word after the minutes decides, and is checked first: clock times are
    // tried at most tokens.
    if !matches!(
        lx.w(i + 1),
        "past" | "after" | "to" | "before" | "minute" | "minutes" | "mins" | "quarter"
    ) {
        return None;
    }
    let (mins, mut j, strong) = match lx.w(i) {
        "a" if lx.w(i + 1) == "quarter" => (15, i + 2, true),
        "quarter" => (15, i + 1, true),
        "half" => (30, i + 1, true),
        w => {
            let n = if lx.kind(i) == Some(Kind::Num) {
                lx.num(i).filter(|_| lx.ndigits(i) <= 2)?
            } else {
                lexicon::number_word(w)?
            };
            if !(1..60).contains(&n) {
                return None;
            }
            let minutes = matches!(lx.w(i + 1), "minute" | "minutes" | "mins");
            (n, i + 1 + minutes as usize, minutes)
        }
    };
    let back = match lx.w(j) {
        "past" => false,
        "after" => false,
        "to" | "before" if mins != 30 => true,
        _ => return None,
    };
    let loose = lx.w(j) == "past" || (lx.w(j) == "to" && strong);
    j += 1;
    // "half past three pm": the hour may be spelled too.
    let (h, zone, day, e) = match plain(cx, j, date).or_else(|| spelled(cx, j, date)) {
        Some(Hit {
            val: Val::Time(day, h, 0, zone),
            e,
            ..
        }) => (h, zone, day, e),
        Some(_) => return None,
        None if loose => {
            let h = if lx.kind(j) == Some(Kind::Num) {
                lx.num(j).filter(|_| lx.ndigits(j) <= 2)?
            } else {
                lexicon::number_word(lx.w(j))?
            };
            // "half past ten thousand", "a quarter past 3 percent".
            let next = lx.w(j + 1);
            let noun = lx.kind(j + 1) == Some(Kind::Word) && !time_follower(next);
            let figure = (lx.glued(j + 1) && lx.kind(j + 1) == Some(Kind::Num))
                || (matches!(next, "%" | ".") && lx.kind(j + 2) == Some(Kind::Num));
            if !(1..=12).contains(&h) || noun || figure {
                return None;
            }
            // "half past three in the afternoon" is 15:30.
            let part = (lx.w(j + 1), lx.w(j + 2), lx.w(j + 3));
            match part {
                ("in", "the", "afternoon" | "evening") => {
                    (h % 12 + 12, None, date.or(cx.anchor), j + 4)
                }
                ("in", "the", "morning") => (h % 12, None, date.or(cx.anchor), j + 4),
                _ => (h, None, date.or(cx.anchor), j + 1),
            }
        }
        None => return None,
    };
    let (h, m) = if back {
        ((h + 23) % 24, 60 - mins)
    } else {
        (h, mins)
    };
    Some(Hit {
        s: i,
        e,
        kind: TimexType::Time,
        val: Val::Time(day, h, m, zone),
    })
}

/// Words that may follow a bare hour in a time ("half past six on Friday"); any
/// other word after it is taken for a noun it counts ("a quarter past 3 percent").
fn time_follower(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "and"
            | "or"
            | "this"
            | "that"
            | "tonight"
            | "tomorrow"
            | "today"
            | "yesterday"
            | "when"
            | "the"
            | "o"
    )
}

/// Clock times without minutes counted from an hour.
fn plain(cx: &Ctx, i: usize, date: Option<NaiveDate>) -> Option<Hit> {
    let lx = cx.lx;
    let (mut h, mut m, mut j, mut explicit);
    match lx.w(i) {
        "noon" | "midday" => {
            (h, m, j, explicit) = (12, 0, i + 1, true);
        }
        // "expires at midnight Friday", "by midnight" end the day: TimeML
        // writes T24. Something that starts then ("launched at midnight on 1
        // January", "shortly after midnight") starts the day.
        "midnight" => {
            let start = (1..=3).any(|k| {
                i >= k
                    && matches!(
                        lx.w(i - k),
                        "after"
                            | "past"
                            | "since"
                            | "from"
                            | "start"
                            | "starts"
                            | "started"
                            | "starting"
                            | "begin"
                            | "begins"
                            | "began"
                            | "beginning"
                            | "launch"
                            | "launched"
                            | "opened"
                            | "open"
                    )
            });
            (h, m, j, explicit) = (if start { 0 } else { 24 }, 0, i + 1, true);
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
            // "9.30pm", "10.38am": British papers put a dot between hour and minutes; only
            // with am/pm after, since "9.30" alone is a figure.
            let meridiem_at = |k: usize| {
                matches!(lx.w(k), "am" | "pm")
                    || matches!(lx.w(k), "a" | "p") && lx.w(k + 1) == "." && lx.w(k + 2) == "m"
            };
            if j == i + 1
                && lx.w(j) == "."
                && lx.glued(j)
                && lx.ndigits(j + 1) == 2
                && lx.glued(j + 1)
                && meridiem_at(j + 2)
            {
                m = lx.num(j + 1)?;
                j += 2;
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
                // "3 o'clock in the afternoon" is 15:00.
                if lx.w(j) == "in"
                    && lx.w(j + 1) == "the"
                    && matches!(lx.w(j + 2), "morning" | "afternoon" | "evening")
                    && (1..=12).contains(&h)
                {
                    j += 3;
                    Some(lx.w(j - 1) != "morning")
                } else {
                    None
                }
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

/// A bare hour at `j` ("8", "8:30", "eight") with its minutes and the index after it; "o'clock"
/// is taken along.
fn bare_hour(cx: &Ctx, j: usize) -> Option<(u32, u32, usize)> {
    let lx = cx.lx;
    let (h, mut m, mut e) = if lx.kind(j) == Some(Kind::Num) && lx.ndigits(j) <= 2 {
        (lx.num(j)?, 0, j + 1)
    } else {
        (lexicon::number_word(lx.w(j))?, 0, j + 1)
    };
    if lx.w(e) == ":" && lx.glued(e) && lx.ndigits(e + 1) == 2 && lx.glued(e + 1) {
        m = lx.num(e + 1)?;
        e += 2;
    }
    if lx.w(e) == "o" && lx.w(e + 1) == "'" && lx.w(e + 2) == "clock" {
        e += 3;
    }
    // "at 1,220 stg" and "at 1.5 pct" are figures.
    let figure = matches!(lx.w(e), "," | ".")
        && lx.glued(e)
        && lx.glued(e + 1)
        && lx.kind(e + 1) == Some(Kind::Num);
    ((1..=12).contains(&h) && m < 60 && !figure).then_some((h, m, e))
}

/// The hour of the day a bare hour means within a part of the day ("8" in the evening is
/// 20:00); `None` where the two do not fit ("3 tonight").
fn hour_in_part(h: u32, part: &str) -> Option<u32> {
    match part {
        "MO" => Some(h % 12),
        "AF" if h == 12 || h <= 7 => Some(h % 12 + 12),
        "EV" | "NI" if (5..=11).contains(&h) => Some(h + 12),
        _ => None,
    }
}

/// "this morning at 10", "tonight at 8:30", "Friday evening at 7": a part of the day
/// followed by "at" and a bare hour is that clock time. `day` is the hit for the part of
/// the day, which ends where the hour may start.
pub(crate) fn part_then_hour(cx: &Ctx, day: &Hit) -> Option<Hit> {
    let lx = cx.lx;
    let Val::DayPart(d, part) = day.val else {
        return None;
    };
    if !matches!(lx.w(day.e), "at" | "@") {
        return None;
    }
    let (h, m, e) = bare_hour(cx, day.e + 1)?;
    // "tonight at 8 venues" counts something.
    if lx.kind(e) == Some(Kind::Word) && !time_follower(lx.w(e)) {
        return None;
    }
    Some(Hit {
        s: day.s,
        e,
        kind: TimexType::Time,
        val: Val::Time(Some(d), hour_in_part(h, part)?, m, None),
    })
}

/// "at 8 tonight", "by 10 this morning", "at 5 tomorrow afternoon": a bare hour after a
/// word that introduces a time, followed by a part of the day. Without the introducing word
/// a number before "this morning" is as often a count ("fell 12 this afternoon").
pub(crate) fn hour_then_part(cx: &Ctx, i: usize) -> Option<Hit> {
    let lx = cx.lx;
    if i == 0
        || !matches!(
            lx.w(i - 1),
            "at" | "by" | "until" | "around" | "about" | "before"
        )
    {
        return None;
    }
    let (h, m, j) = bare_hour(cx, i)?;
    let day = super::relative::parse(cx, j).or_else(|| super::vague::parse(cx, j))?;
    let Val::DayPart(d, part) = day.val else {
        return None;
    };
    Some(Hit {
        s: i,
        e: day.e,
        kind: TimexType::Time,
        val: Val::Time(Some(d), hour_in_part(h, part)?, m, None),
    })
}
