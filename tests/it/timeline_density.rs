//! The timeline of a big case: the per-day counts the app draws instead of every event
//! (migration 0022, kept by triggers) and the events of one window read by their range.
//! Both must select exactly the events the whole timeline does.

use std::collections::BTreeMap;

use dossier::model::{
    EventInput, EventKind, ReviewStatus, TimelineDensity, TimelinePoints, TimelineQuery,
};

use crate::support::*;

/// The density counted the slow way, from every event the columns hold.
fn counted(points: &TimelinePoints) -> TimelineDensity {
    let mut days: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for i in 0..points.id.len() {
        let day = points.start[i].div_euclid(86_400);
        let entry = days.entry(day).or_default();
        entry.0 += 1;
        if points.end[i] - points.start[i] <= 31 * 86_400 {
            entry.1 += 1;
        }
    }
    TimelineDensity {
        day: days.keys().copied().collect(),
        count: days.values().map(|v| v.0).collect(),
        precise: days.values().map(|v| v.1).collect(),
        total: points.id.len() as u64,
    }
}

fn queries() -> Vec<TimelineQuery> {
    let mut out = vec![TimelineQuery::default()];
    for kind in [
        EventKind::Publication,
        EventKind::Extracted,
        EventKind::Manual,
    ] {
        out.push(TimelineQuery {
            kind: Some(kind),
            ..TimelineQuery::default()
        });
    }
    for status in [
        ReviewStatus::Auto,
        ReviewStatus::Confirmed,
        ReviewStatus::Rejected,
        ReviewStatus::Edited,
    ] {
        out.push(TimelineQuery {
            status: Some(status),
            ..TimelineQuery::default()
        });
    }
    out.push(TimelineQuery {
        tag: Some("arrest".into()),
        ..TimelineQuery::default()
    });
    out.push(TimelineQuery {
        from: Some("2017-04".into()),
        to: Some("2017-04".into()),
        ..TimelineQuery::default()
    });
    out
}

fn assert_density_counts_every_event(case: &dossier::Case, when: &str) {
    for query in queries() {
        let density = case.timeline_density(&query).unwrap();
        let points = case.timeline_points(&query).unwrap();
        assert_eq!(density, counted(&points), "{when}: {query:?}");
    }
}

fn manual(case: &dossier::Case, date: &str, title: &str) -> i64 {
    case.add_event(&EventInput {
        title: Some(title.into()),
        date: Some(date.into()),
        ..EventInput::default()
    })
    .unwrap()
    .id
}

#[test]
fn the_timeline_density_counts_every_event_through_every_change() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    assert!(
        case.timeline_density(&TimelineQuery::default())
            .unwrap()
            .total
            > 0
    );
    assert_density_counts_every_event(&case, "after the import");

    // A day before 1970 is counted on its own day, not the next one (SQLite's integer
    // division rounds toward zero), and a year-long event is counted but not as precise.
    let old = manual(&case, "1950-03-01", "An old event");
    let year = manual(&case, "2017", "A year-long event");
    let old_day = case
        .timeline_density(&TimelineQuery::default())
        .unwrap()
        .day[0];
    assert_eq!(old_day, -7246, "1950-03-01 is unix day -7246");
    assert_density_counts_every_event(&case, "after adding events");

    let events = case.timeline(&TimelineQuery::default()).unwrap();
    let extracted = events
        .iter()
        .find(|e| e.kind == EventKind::Extracted)
        .unwrap()
        .id;
    case.review_event(extracted, ReviewStatus::Rejected)
        .unwrap();
    case.tag_event(year, &["Arrest".into()], &[]).unwrap();
    case.edit_event(
        old,
        &EventInput {
            date: Some("1969-12-31".into()),
            ..EventInput::default()
        },
    )
    .unwrap();
    assert_density_counts_every_event(&case, "after a review, a tag and a new date");

    let (a, b) = (events[0].id, events[events.len() - 1].id);
    case.merge_events(a, &[b]).unwrap();
    assert_density_counts_every_event(&case, "after a merge");

    let doc = case.documents().unwrap()[0].id;
    case.delete_documents(&[doc]).unwrap();
    assert_density_counts_every_event(&case, "after moving a document to the trash");
    case.restore_documents(&[doc]).unwrap();
    assert_density_counts_every_event(&case, "after restoring it");
}

#[test]
fn a_window_of_the_timeline_holds_the_events_overlapping_it() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    manual(&case, "2010", "A long-ago year");
    // A person cannot type a two-decade date, but extraction finds them ("the 2000s"): one is
    // written straight into the case, which also runs the update trigger of `event_days`.
    let long = manual(&case, "2001", "Two decades");
    rusqlite::Connection::open(&s.case)
        .unwrap()
        .execute(
            "UPDATE events SET earliest = 946684800, latest = 1577836800 WHERE id = ?1",
            [long],
        )
        .unwrap();
    assert_density_counts_every_event(&case, "after a long event");
    let all = case.timeline_points(&TimelineQuery::default()).unwrap();
    for (from, to) in [
        ("2017-04-01", "2017-04-10"),
        ("2017-04-12", "2017-04-12"),
        ("2017", "2017"),
        ("2010-06", "2011"),
        ("1990", "1999"),
    ] {
        let window = TimelineQuery {
            from: Some(from.into()),
            to: Some(to.into()),
            ..TimelineQuery::default()
        };
        let (t0, t1) = dossier::intervals::range(Some(from), Some(to)).unwrap();
        let expected: Vec<i64> = (0..all.id.len())
            .filter(|&i| all.start[i] < t1 && all.end[i] > t0)
            .map(|i| all.id[i])
            .collect();
        let got = case.timeline_points(&window).unwrap();
        assert_eq!(got.id, expected, "{from}..{to}");
        assert_eq!(
            case.timeline(&window)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            expected,
            "{from}..{to}"
        );
    }
}

#[test]
fn the_migration_counts_an_older_cases_events_as_the_triggers_do() {
    // A case made before migration 0022 gets its counts from one grouping statement; a newer
    // one from the triggers. Both must give the same rows.
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    manual(&case, "1950-03-01", "An old event");
    manual(&case, "2017", "A year-long event");
    drop(case);
    let migration = include_str!("../../migrations/0022_event_days.sql");
    let from = migration.find("SELECT (earliest").unwrap();
    let to = migration.find("GROUP BY 1, 2, 3, 4;").unwrap() + "GROUP BY 1, 2, 3, 4".len();
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    let rows = |sql: &str| -> Vec<(i64, String, String, i64, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    };
    let kept = rows("SELECT day, kind, status, precise, count FROM event_days ORDER BY 1, 2, 3, 4");
    assert!(kept.len() > 2);
    assert_eq!(
        rows(&format!(
            "SELECT * FROM ({}) ORDER BY 1, 2, 3, 4",
            &migration[from..to]
        )),
        kept
    );
}

#[test]
fn a_window_without_long_events_leaves_out_the_years_around_it() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let year = manual(&case, "2017", "A year-long event");
    let month = TimelineQuery {
        from: Some("2017-04".into()),
        to: Some("2017-04".into()),
        ..TimelineQuery::default()
    };
    let short = TimelineQuery {
        longest: Some(31 * 86_400),
        ..month.clone()
    };
    let all = case.timeline_points(&month).unwrap();
    let expected: Vec<i64> = (0..all.id.len())
        .filter(|&i| all.end[i] - all.start[i] <= 31 * 86_400)
        .map(|i| all.id[i])
        .collect();
    assert!(all.id.contains(&year));
    assert!(!expected.contains(&year) && !expected.is_empty());
    assert_eq!(case.timeline_points(&short).unwrap().id, expected);
    for query in [
        short,
        TimelineQuery {
            longest: Some(31 * 86_400),
            ..TimelineQuery::default()
        },
    ] {
        assert_eq!(
            case.timeline_density(&query).unwrap(),
            counted(&case.timeline_points(&query).unwrap())
        );
    }
}
