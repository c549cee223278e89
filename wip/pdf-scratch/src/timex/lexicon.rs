//! Word lists: months, weekdays, number words, units and time zones.

/// Month number for a month name or a common abbreviation.
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for month names that are also ordinary English words and thus need
/// capitalisation or a date-like neighbour before being trusted.
pub(crate) fn ambiguous_month(w: &str) -> bool {
    matches!(
        w,
        "may" | "march" | "mar" | "jan" | "jun" | "dec" | "sep" | "oct" | "aug"
    )
}

/// Weekday number from Monday = 0, for full names only; abbreviations such
/// as "sun" or "wed" are too ambiguous in running text.
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mondays" => 0,
        "tuesday" | "tuesdays" => 1,
        "wednesday" | "wednesdays" => 2,
        "thursday" | "thursdays" => 3,
        "friday" | "fridays" => 4,
        "saturday" | "saturdays" => 5,
        "sunday" | "sundays" => 6,
        _ => return None,
    })
}

/// Weekday abbreviations, accepted only directly before an explicit date.
pub(crate) fn weekday_abbr(w: &str) -> Option<u32> {
    Some(match w {
        "mon" => 0,
        "tue" | "tues" => 1,
        "wed" => 2,
        "thu" | "thur" | "thurs" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => weekday(w)?,
    })
}

/// Cardinal number words up to ninety-nine (compounds are joined by the
/// caller across a hyphen).
pub(crate) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words and suffixed forms ("third", "3rd" is handled by callers).
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Vague quantity words that TimeML normalises with an `X` placeholder.
pub(crate) fn vague_quantity(w: &str) -> bool {
    matches!(
        w,
        "several" | "few" | "many" | "some" | "couple" | "numerous"
    )
}

/// Calendar units; the code is the TIMEX3 duration letter(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 / TIMEX3 duration designator, with `T` for clock units.
    pub fn code(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// A unit word with whether it was plural.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Season code used by TIMEX3 values.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Parts of the day and their TIMEX3 codes.
pub(crate) fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A time-zone abbreviation: fixed offset in minutes, or a US zone whose
/// offset depends on daylight saving (standard offset, follows DST).
pub(crate) fn zone(w: &str) -> Option<(i32, bool)> {
    Some(match w {
        "gmt" | "utc" | "z" => (0, false),
        "bst" => (60, false),
        "cet" => (60, false),
        "cest" => (120, false),
        "est" => (-300, false),
        "edt" => (-240, false),
        "cst" => (-360, false),
        "cdt" => (-300, false),
        "mst" => (-420, false),
        "mdt" => (-360, false),
        "pst" => (-480, false),
        "pdt" => (-420, false),
        "et" => (-300, true),
        "ct" => (-360, true),
        "mt" => (-420, true),
        "pt" => (-480, true),
        "jst" => (540, false),
        "ist" => (330, false),
        _ => return None,
    })
}
