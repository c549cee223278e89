use super::*;
use DatePrecision::*;

/// One case a line: the input, then "=>", the iso form, the precision and
/// the zone as written (if any). Text keeps the table readable at a glance.
const ACCEPTED: &str = "
    Apr 12, 2017 5:00 AM PT                  => 2017-04-12T05:00-07:00 minute PT
    Jan 12, 2017 5:00 AM PT                  => 2017-01-12T05:00-08:00 minute PT
    Jul 4, 2020 9:30 PM ET                   => 2020-07-04T21:30-04:00 minute ET
    Dec 1, 2020 9:30 pm ET                   => 2020-12-01T21:30-05:00 minute ET
    Jun 1, 2021 12:00 PM CT                  => 2021-06-01T12:00-05:00 minute CT
    Feb 1, 2021 12:00 AM MT                  => 2021-02-01T00:00-07:00 minute MT
    Feb 26, 1987 03:01 PM                    => 1987-02-26T15:01 minute
    Nov 09, 2018                             => 2018-11-09 day
    2017-04-12                               => 2017-04-12 day
    2017-04                                  => 2017-04 month
    2017-04-12T05:00:00Z                     => 2017-04-12T05:00:00Z second Z
    2017-04-12T05:00:09Z                     => 2017-04-12T05:00:09Z second Z
    2017-04-12T05:00:00.000+02:00            => 2017-04-12T05:00:00+02:00 second +02:00
    2017-04-12T05:00:00,5-0330               => 2017-04-12T05:00:00-03:30 second -0330
    2017-04-12T05:00                         => 2017-04-12T05:00 minute
    2017-04-12 05:00                         => 2017-04-12T05:00 minute
    20170412                                 => 2017-04-12 day
    20170412T050009Z                         => 2017-04-12T05:00:09Z second Z
    201704120500                             => 2017-04-12T05:00 minute
    Wed, 12 Apr 2017 05:00:00 -0700 (PDT)    => 2017-04-12T05:00:00-07:00 second -0700
    Wed, 12 Apr 2017 05:00:00 GMT            => 2017-04-12T05:00:00Z second GMT
    12 Apr 17 05:00 +0000                    => 2017-04-12T05:00Z minute +0000
    Wed Apr 12 05:00:00 PDT 2017             => 2017-04-12T05:00:00-07:00 second PDT
    12 April 2017                            => 2017-04-12 day
    April 12, 2017                           => 2017-04-12 day
    April 12th, 2017                         => 2017-04-12 day
    1st Sept. 2017                           => 2017-09-01 day
    Wednesday, April 12, 2017                => 2017-04-12 day
    Updated: April 12, 2017 | 10:04 a.m.     => 2017-04-12T10:04 minute
    Thu 13 Apr 2017 09.30 BST                => 2017-04-13T09:30+01:00 minute BST
    Updated 2:01 PM ET, Wed April 12, 2017   => 2017-04-12T14:01-04:00 minute ET
    2017-04-12T05:00:00.000Z                 => 2017-04-12T05:00:00Z second Z
    Posted on Wed, April 12, 2017 at 5 p.m. EDT => 2017-04-12T17:00-04:00 minute EDT
    4/12/2017                                => 2017-04-12 day
    25/12/2017                               => 2017-12-25 day
    2017/04/12                               => 2017-04-12 day
    12.04.2017                               => 2017-04-12 day
    4/2017                                   => 2017-04 month
    April 2017                               => 2017-04 month
    2017                                     => 2017 year
    12-Apr-2017                              => 2017-04-12 day
    April 12, 2017 8:15 GMT+2                => 2017-04-12T08:15+02:00 minute GMT+2
    April 12, 2017 8:15 UTC-05:00            => 2017-04-12T08:15-05:00 minute UTC-05:00
    April 12, 2017 8:15 +0200                => 2017-04-12T08:15+02:00 minute +0200
    April 12, 2017 12:00 AM                  => 2017-04-12T00:00 minute
    April 12, 2017 12:30 PM                  => 2017-04-12T12:30 minute
    April 12, 2017 23:59:60                  => 2017-04-12T23:59:59 second
    April 12, 2017 PT                        => 2017-04-12 day PT
";

/// Refused inputs, separated by " ; "; empty and blank inputs are checked separately.
const REFUSED: &str = "
    hello world ; not a date 2017 ; 2017-13-01 ; Feb 30, 2017 ; Feb 29, 2017 ; 0500
    April 12, 2017 25:00 ; April 12, 2017 12:61 ; 13:00 AM April 1 2017 ; 12:00 ; 5:00 PM
    April ; 12 ; April 12 ; PM 2017 ; 2017 2018 ; 99/99/9999 ; 4/4294967297/2017 ; + ; -
    :: ; 🙂 ; <script>alert(1)</script> ; 123 ; 99999 ; 12345678901234567890 ; Apr Apr 2017
    April 12, 2017 5:0 PM ; 2017-04-12 +0200 ; Lorem ipsum dolor sit amet, consectetur
";

/// Zone abbreviations with the offset each stands for on a spring day in 2017.
const ZONES: &str = "PST-08:00 PDT-07:00 MST-07:00 MDT-06:00 CST-06:00 CDT-05:00 EST-05:00 \
    EDT-04:00 UTCZ GMTZ BST+01:00 CET+01:00 CEST+02:00 IST+05:30 JST+09:00 AEST+10:00 \
    PT-07:00 MT-06:00 CT-05:00 ET-04:00";

fn accepted() -> impl Iterator<Item = (&'static str, &'static str)> {
    let rows = ACCEPTED.lines().map(str::trim).filter(|l| !l.is_empty());
    rows.map(|l| l.split_once(" => ").expect("every row has =>"))
        .map(|(input, expected)| (input.trim(), expected))
}

#[test]
fn table_of_accepted_forms() {
    for (input, expected) in accepted() {
        let mut want = expected.split_whitespace();
        let (iso, precision, zone) = (want.next(), want.next(), want.next());
        let got = parse_published(input).unwrap_or_else(|| panic!("{input:?} was refused"));
        assert_eq!(Some(got.iso.as_str()), iso, "iso of {input:?}");
        assert_eq!(
            Some(got.precision.as_str()),
            precision,
            "precision of {input:?}"
        );
        assert_eq!(got.zone.as_deref(), zone, "zone of {input:?}");
        assert!(got.earliest <= got.latest, "range of {input:?}");
    }
}

#[test]
fn zone_abbreviations_map_to_their_offsets() {
    for entry in ZONES.split_whitespace() {
        let split = entry.find(['+', '-']).unwrap_or(entry.len() - 1);
        let (abbr, offset) = entry.split_at(split);
        let got = parse_published(&format!("April 12, 2017 8:15 AM {abbr}")).unwrap();
        assert_eq!(got.iso, format!("2017-04-12T08:15{offset}"), "{abbr}");
        assert_eq!(got.zone.as_deref(), Some(abbr));
    }
}

#[test]
fn refuses_garbage_and_impossible_dates() {
    let rows = REFUSED.lines().flat_map(|l| l.split(" ; ")).map(str::trim);
    for input in rows.filter(|l| !l.is_empty()).chain(["", "   ", "\n\t"]) {
        assert_eq!(parse_published(input), None, "{input:?} should be refused");
    }
    assert_eq!(parse_published(&"2017 ".repeat(100)), None);
}

#[test]
fn never_panics_on_arbitrary_text() {
    // Cutting valid inputs at every character boundary exercises every
    // half-finished pattern the scanner can meet.
    for (input, _) in accepted() {
        for (cut, _) in input.char_indices() {
            let _ = parse_published(&input[..cut]);
            let _ = parse_published(&input[cut..]);
        }
    }
    for s in "(((( )) (2017 2017( é2017 ２０１７ T Z a.m. 0:00 -+-".split(' ') {
        let _ = parse_published(s);
    }
}

/// Returns the earliest and latest instants the parser gives an input.
fn range(input: &str) -> (i64, i64) {
    let got = parse_published(input).expect("valid input");
    (got.earliest, got.latest)
}

#[test]
fn ranges_cover_the_whole_stated_period() {
    // Expected values were computed independently with `date -u -d ... +%s`.
    assert_eq!(
        range("Apr 12, 2017 5:00 AM PT"),
        (1_491_998_400, 1_491_998_459)
    );
    assert_eq!(range("Feb 26, 1987 03:01 PM"), (541_350_060, 541_350_119));
    assert_eq!(range("Nov 09, 2018"), (1_541_721_600, 1_541_807_999));
    assert_eq!(range("2017"), (1_483_228_800, 1_514_764_799));
    assert_eq!(range("April 2017"), (1_491_004_800, 1_493_596_799));
    assert_eq!(
        range("2017-04-12T12:00:00Z"),
        (1_491_998_400, 1_491_998_400)
    );
    let (start, end) = range("February 2016");
    assert_eq!(end - start + 1, 29 * 86_400);
    // A day in Pacific time starts at 07:00 UTC in summer.
    assert_eq!(range("April 12, 2017 PT").0, 1_491_998_400 - 5 * 3600);
}

#[test]
fn daylight_saving_edges_pick_a_sensible_offset() {
    // The repeated 1:30 on the autumn change takes the earlier, daylight reading.
    let repeated = parse_published("Nov 5, 2017 1:30 AM PT").unwrap();
    assert_eq!(repeated.iso, "2017-11-05T01:30-07:00");
    // The skipped 2:30 on the spring change is read in the offset before the change.
    let skipped = parse_published("Mar 12, 2017 2:30 AM PT").unwrap();
    assert_eq!(skipped.iso, "2017-03-12T02:30-08:00");
    assert_eq!(skipped.earliest, 1_489_314_600);
}

#[test]
fn precision_names_round_trip() {
    use serde::de::{value, IntoDeserializer};
    for p in [Year, Month, Day, Minute, Second] {
        assert_eq!(DatePrecision::parse(p.as_str()), Some(p));
        // Deserialising the name proves serde uses the same lowercase spelling.
        let de: value::StrDeserializer<value::Error> = p.as_str().into_deserializer();
        assert_eq!(serde::Deserialize::deserialize(de), Ok(p));
    }
    assert_eq!(DatePrecision::parse(" Minute "), Some(Minute));
    assert_eq!(DatePrecision::parse("hour"), None);
}
