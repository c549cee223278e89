//! Normalised values, their TIMEX3 spelling and calendar intervals, and the
//! per-document context used to resolve relative expressions.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexer::Lexed;
use super::{iso, Granularity, TimexType};

/// A normalised temporal value before it is spelled as a TIMEX3 string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Val {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// A season or fiscal year across two calendar years ("1986/87"), valued by the first; its
    /// interval covers both.
    YearPair(i32),
    /// The first three digits of the years in the decade (199 = 1990s).
    Decade(i32),
    /// The first two digits of the years in the century (19 = 1900s).
    Century(i32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    DayPart(NaiveDate, &'static str),
    /// Clock time with an optional date and UTC offset in minutes.
    Time(Option<NaiveDate>, u32, u32, Option<i32>),
    /// Anything spelled directly: durations, `PRESENT_REF`, `XXXX-04-12`.
    Raw(String),
}

impl Val {
    /// The TIMEX3 `value` attribute.
    pub fn value(&self) -> String {
        match self {
            Val::Day(d) => iso(*d),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) | Val::YearPair(y) => format!("{y:04}"),
            Val::Decade(d) => format!("{d:03}"),
            Val::Century(c) => format!("{c:02}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Half(y, h) => format!("{y:04}-H{h}"),
            Val::Season(y, s) => format!("{y:04}-{s}"),
            Val::Week(y, w) => format!("{y:04}-W{w:02}"),
            Val::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Val::DayPart(d, p) => format!("{}T{p}", iso(*d)),
            Val::Time(d, h, m, z) => {
                let date = d.map_or_else(|| "XXXX-XX-XX".to_string(), iso);
                // The end of a day ("midnight Friday") is spelled as TimeML does.
                let mut s = if (*h, *m) == (24, 0) {
                    format!("{date}T24")
                } else {
                    format!("{date}T{h:02}:{m:02}")
                };
                if *z == Some(0) {
                    s.push('Z');
                } else if let Some(z) = z {
                    let sign = if *z < 0 { '-' } else { '+' };
                    s.push_str(&format!("{sign}{:02}:{:02}", z.abs() / 60, z.abs() % 60));
                }
                s
            }
            Val::Raw(s) => s.clone(),
        }
    }

    /// The inclusive calendar interval and granularity, where determinable.
    pub fn interval(&self) -> (Option<String>, Option<String>, Option<Granularity>) {
        let span = |a: Option<NaiveDate>, b: Option<NaiveDate>, g| match (a, b) {
            (Some(a), Some(b)) => (Some(iso(a)), Some(iso(b)), Some(g)),
            _ => (None, None, Some(g)),
        };
        let ymd = NaiveDate::from_ymd_opt;
        match *self {
            Val::Day(d) => span(Some(d), Some(d), Granularity::Day),
            Val::DayPart(d, _) => span(Some(d), Some(d), Granularity::Day),
            Val::Month(y, m) => span(ymd(y, m, 1), month_end(y, m), Granularity::Month),
            Val::Year(y) => span(ymd(y, 1, 1), ymd(y, 12, 31), Granularity::Year),
            Val::YearPair(y) => span(ymd(y, 1, 1), ymd(y + 1, 12, 31), Granularity::Year),
            Val::Decade(d) => span(
                ymd(d * 10, 1, 1),
                ymd(d * 10 + 9, 12, 31),
                Granularity::Decade,
            ),
            Val::Century(c) => span(
                ymd(c * 100, 1, 1),
                ymd(c * 100 + 99, 12, 31),
                Granularity::Century,
            ),
            Val::Quarter(y, q) => span(
                ymd(y, q * 3 - 2, 1),
                month_end(y, q * 3),
                Granularity::Quarter,
            ),
            Val::Half(y, h) => span(ymd(y, h * 6 - 5, 1), month_end(y, h * 6), Granularity::Half),
            Val::Season(y, s) => {
                // Astronomical seasons in the northern hemisphere; winter
                // is labelled with the year in which it starts.
                let (a, b) = match s {
                    "SP" => (ymd(y, 3, 20), ymd(y, 6, 20)),
                    "SU" => (ymd(y, 6, 21), ymd(y, 9, 22)),
                    "FA" => (ymd(y, 9, 23), ymd(y, 12, 20)),
                    _ => (ymd(y, 12, 21), ymd(y + 1, 3, 19)),
                };
                span(a, b, Granularity::Season)
            }
            Val::Week(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon);
                span(a, a.map(|a| a + Duration::days(6)), Granularity::Week)
            }
            Val::Weekend(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat);
                span(a, a.map(|a| a + Duration::days(1)), Granularity::Week)
            }
            // The end of a day (T24) is the first instant of the next, which
            // is how the timeline reads it.
            Val::Time(Some(d), 24, 0, z) => {
                let v = Val::Time(d.succ_opt(), 0, 0, z).value();
                (Some(v.clone()), Some(v), Some(Granularity::Minute))
            }
            Val::Time(Some(_), ..) => {
                let v = self.value();
                (Some(v.clone()), Some(v), Some(Granularity::Minute))
            }
            Val::Time(None, ..) => (None, None, Some(Granularity::Minute)),
            Val::Raw(_) => (None, None, None),
        }
    }
}

/// Last day of a month.
pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

/// Shifts a month by `delta` months.
pub(crate) fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// A match: token range `[s, e)`, its type and value.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub s: usize,
    pub e: usize,
    pub kind: TimexType,
    pub val: Val,
}

impl Hit {
    pub fn date(s: usize, e: usize, val: Val) -> Option<Hit> {
        Some(Hit {
            s,
            e,
            kind: TimexType::Date,
            val,
        })
    }

    pub fn raw(s: usize, e: usize, kind: TimexType, v: impl Into<String>) -> Option<Hit> {
        Some(Hit {
            s,
            e,
            kind,
            val: Val::Raw(v.into()),
        })
    }
}

/// Per-document resolution state.
pub(crate) struct Ctx<'a> {
    pub lx: &'a Lexed,
    /// The document creation date.
    pub dct: Option<NaiveDate>,
    /// The last explicitly mentioned day, for "the next day" and the like.
    pub anchor: Option<NaiveDate>,
    /// The last quarter mentioned and the token where that mention ended,
    /// for "a year earlier" in earnings reports, which compares quarters.
    pub last_quarter: Option<(i32, u32, usize)>,
    /// The last month mentioned, for "the same month a year ago".
    pub last_month: Option<(i32, u32)>,
    /// The year of the last date, month, quarter or year mentioned, for
    /// "that year" and "the year before".
    pub last_year: Option<i32>,
    /// The last day named outright and the token where its mention ended,
    /// for the second day of "April 24 and 25".
    pub last_day: Option<(NaiveDate, usize)>,
}

impl<'a> Ctx<'a> {
    pub fn new(lx: &'a Lexed, dct: Option<NaiveDate>) -> Self {
        Ctx {
            lx,
            dct,
            anchor: dct,
            last_quarter: None,
            last_month: None,
            last_year: None,
            last_day: None,
        }
    }

    /// Updates the anaphora state after a match has been accepted.
    pub fn remember(&mut self, h: &Hit) {
        match h.val {
            Val::Day(d) | Val::DayPart(d, _) => self.last_year = Some(d.year()),
            Val::Month(y, _)
            | Val::Year(y)
            | Val::Quarter(y, _)
            | Val::Half(y, _)
            | Val::Season(y, _) => self.last_year = Some(y),
            _ => {}
        }
        match h.val {
            Val::Day(d) | Val::DayPart(d, _) => {
                self.anchor = Some(d);
                self.last_day = Some((d, h.e));
                self.last_month = Some((d.year(), d.month()));
            }
            Val::Time(Some(d), ..) => self.anchor = Some(d),
            Val::Month(y, m) => self.last_month = Some((y, m)),
            // A quarter derived from the remembered one ("a year earlier",
            // "the year-ago period") must not replace it, or a chain of
            // comparisons would drift; a quarter named outright ("third
            // quarter" after "the third quarter of 1990") does.
            Val::Quarter(y, q) if !self.compares_with_year_before(h) => {
                self.last_quarter = Some((y, q, h.e));
            }
            _ => {}
        }
    }

    /// Whether a match compares with a year before ("a year ago", "the
    /// year-earlier quarter"), as opposed to naming its period outright.
    fn compares_with_year_before(&self, h: &Hit) -> bool {
        (h.s..h.e).any(|k| {
            matches!(
                self.lx.w(k),
                "ago" | "earlier" | "before" | "previous" | "prior"
            )
        })
    }

    /// Whether the clause around token `i` speaks about the future.
    pub fn future(&self, i: usize) -> bool {
        self.tense(i).is_some_and(|(f, _)| f)
    }

    /// The tense of the clause around token `i`, judged from auxiliaries
    /// and cue words: `Some((true, n))` for the future and `Some((false,
    /// n))` for the past, where `n` is how many tokens the deciding cue lies
    /// away; `None` when nothing decides.
    pub fn tense(&self, i: usize) -> Option<(bool, usize)> {
        let lx = self.lx;
        let lo = i.saturating_sub(20);
        for j in (lo..i).rev() {
            if self.sentence_end(j) {
                break;
            }
            if let Some(f) = self.cue(j) {
                // "had been scheduled to expire Friday" reports a plan that
                // has already passed.
                let had = f && (j.saturating_sub(3)..j).any(|k| lx.w(k) == "had");
                // "Until Thursday, they had not called him a suspect": a
                // past perfect after "until" ends a state in the past.
                let had_after = lx.w(j) == "until"
                    && (i + 1..(i + 8).min(lx.len()))
                        .take_while(|&k| !self.sentence_end(k))
                        .any(|k| lx.w(k) == "had");
                return Some((f && !had && !had_after, i - j));
            }
        }
        // A clause that opens with the expression ("On Tuesday, the group
        // plans to ...") takes its tense from the verb that follows.
        for j in i + 1..(i + 15).min(lx.len()) {
            // A subordinate clause has a tense of its own.
            if self.sentence_end(j)
                || matches!(
                    lx.w(j),
                    "when" | "who" | "which" | "while" | "after" | "before"
                )
            {
                break;
            }
            // Only verbs count here: "last" or "next" further on belong to
            // another expression.
            if matches!(
                lx.w(j),
                "next" | "coming" | "upcoming" | "tomorrow" | "last" | "ago" | "until" | "soon"
            ) {
                continue;
            }
            if let Some(f) = self.cue(j) {
                return Some((f, j - i));
            }
        }
        None
    }

    /// Whether token `j` is a full stop that ends a sentence rather than
    /// one inside an abbreviation such as "a.m." or "Sept.".
    fn sentence_end(&self, j: usize) -> bool {
        let lx = self.lx;
        match lx.w(j) {
            ";" | "?" | "!" => true,
            "." => {
                let prev = if j > 0 { lx.w(j - 1) } else { "" };
                let abbr = prev.len() == 1
                    || matches!(
                        prev,
                        "mr" | "mrs"
                            | "ms"
                            | "dr"
                            | "gen"
                            | "sen"
                            | "rep"
                            | "gov"
                            | "st"
                            | "jan"
                            | "feb"
                            | "aug"
                            | "sept"
                            | "sep"
                            | "oct"
                            | "nov"
                            | "dec"
                    );
                !abbr
            }
            _ => false,
        }
    }

    /// The tense that word `j` signals, if any.
    fn cue(&self, j: usize) -> Option<bool> {
        let lx = self.lx;
        let prev = if j > 0 { lx.w(j - 1) } else { "" };
        match lx.w(j) {
            // "next to the embassy" is a place, not a time.
            "next" if lx.w(j + 1) == "to" => return None,
            "will" | "ll" | "shall" | "next" | "scheduled" | "expected" | "expects" | "until"
            | "upcoming" | "coming" | "due" | "tomorrow" | "begin" | "starting" | "would"
            | "might" | "should" | "soon" | "planning" => return Some(true),
            // "the planned vote", "is planned for" and "planned to leave"
            // look ahead, but "a service planned at the university" and "as
            // previously planned Saturday" report a plan from the past.
            "planned"
                if matches!(prev, "the" | "a" | "an" | "is" | "are" | "be" | "been")
                    || matches!(lx.w(j + 1), "to" | "for" | "a" | "an" | "the") =>
            {
                return Some(true)
            }
            // "plans" is a noun unless an infinitive follows.
            "going" | "set" | "is" | "are" | "plans" | "plan" | "supposed" | "slated"
                if lx.w(j + 1) == "to" =>
            {
                return Some(true)
            }
            "as" if lx.w(j + 1) == "early" => return Some(true),
            "ago" | "last" => return Some(false),
            _ => {}
        }
        if !self.past_form(j, prev) {
            return None;
        }
        // A participle after "is" or "be" is passive: "to be published in
        // November" looks ahead, "is heard in May" leaves the tense open.
        if matches!(prev, "is" | "are" | "be" | "being") {
            let prev2 = if j > 1 { lx.w(j - 2) } else { "" };
            return (prev == "be" && prev2 == "to").then_some(true);
        }
        Some(false)
    }

    /// Whether word `j` looks like a past-tense verb or participle. The
    /// nearest one ("announced Wednesday") sets the tense when no future cue
    /// is closer.
    fn past_form(&self, j: usize, prev: &str) -> bool {
        let lx = self.lx;
        match lx.w(j) {
            "said" | "was" | "were" | "had" | "did" | "told" => true,
            // Common irregular past forms, which the "-ed" test below misses.
            "went" | "came" | "took" | "made" | "gave" | "met" | "began" | "left" | "held"
            | "found" | "fled" | "fell" | "saw" | "knew" | "became" | "brought" | "bought"
            | "sent" | "spent" | "led" | "won" | "lost" | "ran" | "wrote" | "spoke" | "struck"
            | "tore" | "broke" | "chose" | "rose" | "drew" | "flew" | "grew" | "threw"
            | "sought" | "fought" | "caught" | "kept" | "felt" | "heard" | "paid" | "sold"
            | "stood" | "ate" | "got" | "thought" => true,
            // Capitalised words ("United States") and participles used as
            // adjectives ("a still unspecified date") are not verbs.
            // "succeed", "proceed", "exceed" and "indeed" end in "-eed" without
            // being past forms (only "agreed", "freed", "guaranteed" and their
            // like are), and "hundred" is a number: taken for past verbs they
            // turned "will succeed him Feb. 1" into a look back.
            w if w.ends_with("eed") && !w.ends_with("reed") && !w.ends_with("teed") => false,
            "hundred" | "kindred" | "sacred" | "naked" | "wicked" => false,
            w => {
                w.len() > 4
                    && w.ends_with("ed")
                    && !lx.upper(j)
                    && !w.starts_with("un")
                    && !matches!(
                        prev,
                        "a" | "an"
                            | "the"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "our"
                            | "still"
                            | "very"
                    )
            }
        }
    }

    /// Resolves a month and day without a year, written at token `i`: news
    /// mostly reports the past, so the most recent occurrence wins unless the
    /// date lies at most about three months ahead of the reference date. The
    /// clause's tense refines that guess: in "will take over Feb. 1" or
    /// "effective Feb. 1" the nearer occurrence wins even further ahead, and
    /// "the year ended Jan. 31" looks back.
    pub fn month_day(&self, m: u32, d: u32, i: usize) -> Val {
        let Some(dct) = self.dct else {
            return Val::Raw(format!("XXXX-{m:02}-{d:02}"));
        };
        let at = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
        let y = dct.year();
        let past = [y, y - 1].into_iter().filter_map(at).find(|c| *c <= dct);
        let future = [y, y + 1].into_iter().filter_map(at).find(|c| *c > dct);
        let prev = if i > 0 { self.lx.w(i - 1) } else { "" };
        let tense = if prev == "effective" {
            Some((true, 1))
        } else {
            self.tense(i)
        };
        match (past, future) {
            // Only a past verb right before the date ("ended Jan. 31")
            // outweighs the nearness of a date just ahead.
            (Some(p), _) if matches!(tense, Some((false, 1))) => Val::Day(p),
            // In a future clause the nearer occurrence wins, even when it lies
            // more than three months ahead.
            (Some(p), Some(f)) if tense.is_some_and(|(f, _)| f) && f - dct < dct - p => Val::Day(f),
            (_, Some(f)) if (f - dct).num_days() <= 92 => Val::Day(f),
            (Some(p), _) => Val::Day(p),
            (None, Some(f)) => Val::Day(f),
            // February 29 without a nearby leap year stays unresolved.
            (None, None) => Val::Raw(format!("XXXX-{m:02}-{d:02}")),
        }
    }

    /// Resolves a bare month name: the current month's year if it is the
    /// same month, otherwise the previous occurrence for past-tense clauses
    /// and the next one for future-tense clauses.
    pub fn month(&self, m: u32, i: usize) -> Val {
        let Some(dct) = self.dct else {
            return Val::Raw(format!("XXXX-{m:02}"));
        };
        let cur = dct.month();
        // "February this year", "October of next year" name the year.
        let k = if self.lx.w(i + 1) == "of" {
            i + 2
        } else {
            i + 1
        };
        if self.lx.w(k + 1) == "year" {
            let rel = match self.lx.w(k) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(r) = rel {
                return Val::Month(dct.year() + r, m);
            }
        }
        // The clause's tense decides; without a cue the previous occurrence
        // wins unless the month is at most two months ahead, which suits
        // news reporting.
        let ahead = (m as i32 - cur as i32).rem_euclid(12);
        // "by February", "through January": a deadline or the end of a term
        // lies ahead when that month is the nearer one, unless a past verb
        // stands right before it; "this year through August" in October is
        // the end of a span already over.
        let deadline =
            ahead <= 6 && i > 0 && matches!(self.lx.w(i - 1), "by" | "through" | "until" | "till");
        let y = if m == cur {
            dct.year()
        } else if match self.tense(i) {
            Some((false, n)) if n <= 3 => false,
            _ if deadline => true,
            Some((true, _)) => true,
            // Only a verb right before the month ("began in February")
            // outweighs the nearness of a month just ahead.
            Some((false, n)) if n <= 3 => false,
            _ => ahead <= 2,
        } {
            if m > cur {
                dct.year()
            } else {
                dct.year() + 1
            }
        } else if m < cur {
            dct.year()
        } else {
            dct.year() - 1
        };
        Val::Month(y, m)
    }

    /// Resolves a weekday name to the nearest such day: in past or neutral
    /// clauses the most recent one (the reference day itself included), in
    /// future clauses the next one.
    pub fn weekday(&self, wd: u32, i: usize, shift: i64) -> Val {
        let Some(dct) = self.dct else {
            return Val::Raw("XXXX-XX-XX".into());
        };
        let cur = dct.weekday().num_days_from_monday() as i64;
        let wd = wd as i64;
        let back = (cur - wd).rem_euclid(7);
        let fwd = (wd - cur).rem_euclid(7);
        let delta = match shift {
            s if s < 0 => -(if back == 0 { 7 } else { back }),
            s if s > 0 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ if self.future(i) => fwd,
            _ => -back,
        };
        Val::Day(dct + Duration::days(delta))
    }

    /// Quarter number (1..=4) of the reference date.
    pub fn dct_quarter(&self) -> Option<(i32, u32)> {
        self.dct.map(|d| (d.year(), (d.month() - 1) / 3 + 1))
    }

    /// The quarter an earnings report is about: the last one the text named, else the one
    /// before the reference date's (reports come out after their quarter ends).
    pub fn reported_quarter(&self) -> Option<(i32, u32)> {
        match self.last_quarter {
            Some((y, q, _)) => Some((y, q)),
            None => {
                let (y, q) = self.dct_quarter()?;
                Some(if q == 1 { (y - 1, 4) } else { (y, q - 1) })
            }
        }
    }
}

/// Whether US daylight saving time is in effect on `d` (rules from 2007 on,
/// and the 1987–2006 rules before that).
pub(crate) fn us_dst(d: &NaiveDate) -> bool {
    let y = d.year();
    let nth_sunday = |m: u32, n: u32| {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        let off = (7 - first.weekday().num_days_from_sunday()) % 7;
        first + chrono::Duration::days((off + 7 * (n - 1)) as i64)
    };
    let last_sunday = |m: u32| {
        let end = month_end(y, m).unwrap_or_default();
        end - chrono::Duration::days(end.weekday().num_days_from_sunday() as i64)
    };
    let (start, end) = if y >= 2007 {
        (nth_sunday(3, 2), nth_sunday(11, 1))
    } else {
        (nth_sunday(4, 1), last_sunday(10))
    };
    *d >= start && *d < end
}
