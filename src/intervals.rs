//! Date intervals for the timeline: every event covers `[earliest, latest)` in unix seconds,
//! as wide as its precision ("March 2017" is the whole month), so ordering and range queries
//! treat imprecise dates honestly.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::timex::{Granularity, Timex};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    /// TIMEX3 value.
    pub value: String,
    pub earliest: i64,
    /// Exclusive.
    pub latest: i64,
    pub precision: String,
}

fn day_start(date: NaiveDate) -> i64 {
    date.and_time(NaiveTime::MIN).and_utc().timestamp()
}

/// A point in a timex's `earliest`/`latest` form: a day (`2017-04-03`) or an instant with its
/// offset (`2017-04-12T05:00-07:00`). Returns unix seconds and whether it was a day.
fn point(text: &str) -> Option<(i64, bool)> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some((day_start(date), true));
    }
    // The end of a day, as TimeML writes midnight ("2017-04-07T24", with or without an
    // offset), is the first instant of the next; it is read as that below.
    let next_midnight;
    let text = match text.split_once("T24") {
        Some((day, zone)) if zone.is_empty() || zone.starts_with(['+', '-', 'Z']) => {
            let next = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()?
                .succ_opt()?;
            next_midnight = format!("{}T00:00{zone}", next.format("%Y-%m-%d"));
            next_midnight.as_str()
        }
        _ => text,
    };
    // `%#z` also reads "Z", which the extractor writes for GMT and UTC times.
    for format in ["%Y-%m-%dT%H:%M%#z", "%Y-%m-%dT%H:%M:%S%#z"] {
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Some((t.timestamp(), false));
        }
    }
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some((t.and_utc().timestamp(), false));
        }
    }
    None
}

fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Century => "century",
        Granularity::Decade => "decade",
        Granularity::Year => "year",
        Granularity::Half => "half",
        Granularity::Quarter => "quarter",
        Granularity::Season => "season",
        Granularity::Month => "month",
        Granularity::Week => "week",
        Granularity::Day => "day",
        Granularity::Minute => "minute",
        Granularity::Second => "second",
    }
}

/// The interval a resolved date expression covers; `None` for durations, sets and
/// expressions whose date is unknown ("XXXX-04-12", "PRESENT_REF").
pub fn of_timex(timex: &Timex) -> Option<Interval> {
    use crate::timex::TimexType;
    if !matches!(timex.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let (earliest, _) = point(timex.earliest.as_deref()?)?;
    let (last, day) = point(timex.latest.as_deref()?)?;
    let granularity = timex.granularity?;
    let latest = match (day, granularity) {
        (true, _) => last + 86_400,
        (false, Granularity::Second) => last + 1,
        (false, _) => last + 60,
    };
    (latest > earliest).then(|| Interval {
        value: timex.value.clone(),
        earliest,
        latest,
        precision: granularity_name(granularity).to_string(),
    })
}

/// A date a person typed: `2017`, `2017-03`, `2017-03-03`, `2017-W14`, `2017-03-03T14:30`.
pub fn parse(text: &str) -> Result<Interval> {
    let text = text.trim();
    let bad = || {
        Error::invalid_input(format!(
            "'{text}' is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or \
             YYYY-MM-DDTHH:MM"
        ))
    };
    let interval = |start: i64, end: i64, precision: &str| Interval {
        value: text.to_string(),
        earliest: start,
        latest: end,
        precision: precision.to_string(),
    };
    if let Ok(year) = text.parse::<i32>() {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
        let end = NaiveDate::from_ymd_opt(year + 1, 1, 1).ok_or_else(bad)?;
        return Ok(interval(day_start(start), day_start(end), "year"));
    }
    if let Some((year, week)) = text.split_once("-W") {
        let (year, week) = (
            year.parse::<i32>().map_err(|_| bad())?,
            week.parse::<u32>().map_err(|_| bad())?,
        );
        let start = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).ok_or_else(bad)?;
        return Ok(interval(
            day_start(start),
            day_start(start + Duration::days(7)),
            "week",
        ));
    }
    if let Ok(date) = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d") {
        if text.len() <= 7 {
            let next = date
                .checked_add_months(chrono::Months::new(1))
                .ok_or_else(bad)?;
            return Ok(interval(day_start(date), day_start(next), "month"));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(interval(day_start(date), day_start(date) + 86_400, "day"));
    }
    if let Some((at, _)) = point(text) {
        return Ok(interval(at, at + 60, "minute"));
    }
    Err(bad())
}

/// Shows an interval bound: a day for day-or-coarser precision, else an instant in UTC.
/// `inclusive_end` turns an exclusive end into the last day or instant it covers.
pub fn show(seconds: i64, precision: &str, inclusive_end: bool) -> String {
    use std::fmt::Write;
    let coarse = !matches!(precision, "minute" | "second");
    let at = if inclusive_end {
        seconds - if coarse { 86_400 } else { 1 }
    } else {
        seconds
    };
    let Some(t) = DateTime::from_timestamp(at, 0) else {
        return at.to_string();
    };
    // Written by hand rather than with strftime: a timeline of 100k events shows 400k dates.
    let (date, time) = (t.date_naive(), t.time());
    let mut out = String::with_capacity(20);
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    );
    if !coarse {
        let _ = write!(
            out,
            "T{:02}:{:02}:{:02}Z",
            time.hour(),
            time.minute(),
            time.second()
        );
    }
    out
}

/// The publication date a document's relative dates are anchored to: the day it was
/// published, in its own zone when its date carried one.
pub fn reference_day(published_iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(published_iso.get(..10)?, "%Y-%m-%d").ok()
}

/// A range a person asked for (`--from 2017-03 --to 2017-04-15`): from the start of `from`
/// to the end of `to`, each as wide as written.
pub fn range(from: Option<&str>, to: Option<&str>) -> Result<(i64, i64)> {
    let start = from
        .map(parse)
        .transpose()?
        .map_or(i64::MIN, |i| i.earliest);
    let end = to.map(parse).transpose()?.map_or(i64::MAX, |i| i.latest);
    if start >= end {
        return Err(Error::invalid_input(format!(
            "the range {}..{} is empty",
            from.unwrap_or(""),
            to.unwrap_or("")
        )));
    }
    Ok((start, end))
}

/// Whether two intervals share an instant.
pub fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_cover_their_precision() {
        let march = parse("2017-03").unwrap();
        assert_eq!(show(march.earliest, "month", false), "2017-03-01");
        assert_eq!(show(march.latest, "month", true), "2017-03-31");
        let week = parse("2017-W14").unwrap();
        assert_eq!(show(week.earliest, "week", false), "2017-04-03");
        assert_eq!(show(week.latest, "week", true), "2017-04-09");
        assert!(parse("yesterday").is_err());
    }

    #[test]
    fn the_end_of_a_day_is_the_first_instant_of_the_next() {
        // Midnight as TimeML writes it for a deadline ("expires at midnight Friday").
        let end = parse("2017-04-07T24").unwrap();
        assert_eq!(end.earliest, parse("2017-04-08T00:00").unwrap().earliest);
        assert!(parse("2017-04-07T24:30").is_err());
    }

    #[test]
    fn a_time_in_utc_written_with_z_is_an_instant() {
        // "14:30 GMT" is valued "…T14:30Z"; `%:z` refused the "Z" and the event was dropped.
        let utc = parse("2017-04-12T14:30Z").unwrap();
        assert_eq!(
            utc.earliest,
            parse("2017-04-12T16:30+02:00").unwrap().earliest
        );
    }

    #[test]
    fn a_month_overlaps_a_range_that_starts_inside_it() {
        let march = parse("2017-03").unwrap();
        let range = range(Some("2017-03-15"), Some("2017-04-15")).unwrap();
        assert!(overlaps((march.earliest, march.latest), range));
        let feb = parse("2017-02").unwrap();
        assert!(!overlaps((feb.earliest, feb.latest), range));
    }
}
