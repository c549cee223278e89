//! The read APIs the app's quotes, timeline and export views use: paged quotes with a count
//! and a date range, and the timeline in columns.

use dossier::entities::EntityKind;
use dossier::model::{EntityFilter, QuoteFilter, ReviewStatus, TimelineQuery};

use crate::support::*;

#[test]
fn entities_come_in_pages_with_a_count_found_by_alias_kind_and_quotes() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let all = case.entities().unwrap();
    let everyone = case.entity_page(&EntityFilter::default()).unwrap();
    assert_eq!(everyone.total, all.len());
    assert_eq!(everyone.entities, all);
    assert!(
        all.windows(2)
            .all(|w| (w[0].quote_count, w[0].mention_count)
                >= (w[1].quote_count, w[1].mention_count)),
        "most quoted, then most mentioned, first"
    );

    let page = |offset, limit| EntityFilter {
        offset: Some(offset),
        limit: Some(limit),
        ..EntityFilter::default()
    };
    let ids = |filter: &EntityFilter| {
        let page = case.entity_page(filter).unwrap();
        (
            page.total,
            page.entities.iter().map(|e| e.id).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        ids(&page(0, 3)),
        (all.len(), all[..3].iter().map(|e| e.id).collect())
    );
    assert_eq!(
        ids(&page(3, 2)),
        (all.len(), all[3..5].iter().map(|e| e.id).collect())
    );
    assert_eq!(
        ids(&page(10_000, 5)),
        (all.len(), vec![]),
        "past the end: no rows, the count"
    );
    assert_eq!(ids(&page(0, 0)), (all.len(), vec![]), "a count alone");

    // Found by a misspelt alias, ignoring case and punctuation.
    let found = case
        .entity_page(&EntityFilter {
            find: Some("LEVISH".into()),
            ..EntityFilter::default()
        })
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.entities[0].name, "Pyotr Levashov");
    let doj = case
        .entity_page(&EntityFilter {
            find: Some("u.s. justice".into()),
            kind: Some(EntityKind::Organization),
            ..EntityFilter::default()
        })
        .unwrap();
    assert_eq!(doj.entities[0].name, "U.S. Department of Justice");
    assert!(doj
        .entities
        .iter()
        .all(|e| e.kind == EntityKind::Organization));

    let speakers = case
        .entity_page(&EntityFilter {
            quoted: true,
            ..EntityFilter::default()
        })
        .unwrap();
    assert!(speakers.entities.iter().all(|e| e.quote_count > 0));
    for name in [
        "Vitali Kremez",
        "Kenneth A. Blanco",
        "Keith Jarvis",
        "Leo Taddeo",
        "Avivah Litan",
    ] {
        assert!(
            speakers.entities.iter().any(|e| e.name == name),
            "{name} is a speaker"
        );
    }
    assert_eq!(
        speakers.total,
        all.iter().filter(|e| e.quote_count > 0).count()
    );
}

#[test]
fn quotes_come_in_pages_with_a_count_and_a_date_range() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let all = case.quotes(&QuoteFilter::default()).unwrap();
    assert!(all.len() >= 5, "the seed has its quotes: {}", all.len());
    assert_eq!(
        case.quote_count(&QuoteFilter::default()).unwrap(),
        all.len()
    );

    let page = |offset, limit| QuoteFilter {
        offset: Some(offset),
        limit: Some(limit),
        ..QuoteFilter::default()
    };
    let first = case.quotes(&page(0, 2)).unwrap();
    let second = case.quotes(&page(2, 2)).unwrap();
    assert_eq!(
        first.iter().map(|q| q.id).collect::<Vec<_>>(),
        [all[0].id, all[1].id]
    );
    assert_eq!(
        second.iter().map(|q| q.id).collect::<Vec<_>>(),
        [all[2].id, all[3].id]
    );
    assert_eq!(
        case.quote_count(&page(2, 2)).unwrap(),
        all.len(),
        "the count ignores the page"
    );

    let dated = |from: &str, to: &str| QuoteFilter {
        from: Some(from.into()),
        to: Some(to.into()),
        ..QuoteFilter::default()
    };
    assert_eq!(
        case.quote_count(&dated("2017-04", "2017-04")).unwrap(),
        all.len()
    );
    assert_eq!(
        case.quote_count(&dated("2017-04-12", "2017-04-12"))
            .unwrap(),
        all.len()
    );
    assert_eq!(case.quote_count(&dated("2018", "2019")).unwrap(), 0);
    assert_eq!(case.quote_count(&dated("2016", "2017-03")).unwrap(), 0);
    let unknown = QuoteFilter {
        speaker: Some("Nobody Atall".into()),
        ..QuoteFilter::default()
    };
    assert_eq!(case.quote_count(&unknown).unwrap(), 0);
}

#[test]
fn the_timeline_in_columns_matches_the_timeline() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let query = TimelineQuery::default();
    let events = case.timeline(&query).unwrap();
    let points = case.timeline_points(&query).unwrap();
    assert_eq!(points.id, events.iter().map(|e| e.id).collect::<Vec<_>>());
    assert_eq!(points.start.len(), events.len());
    let titles = case.event_titles(&points.id).unwrap();
    assert_eq!(
        titles,
        events
            .iter()
            .map(|e| e.title.chars().take(160).collect::<String>())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        case.event_titles(&[999_999]).unwrap_err().code,
        dossier::ErrorCode::NotFound
    );
    let arrest = events
        .iter()
        .position(|e| e.value == "2017-W14")
        .expect("the arrest in the week before publication");
    // The week of 2017-04-03 (a Monday) to 2017-04-10, exclusive, in unix seconds.
    assert_eq!(
        (points.start[arrest], points.end[arrest]),
        (1_491_177_600, 1_491_782_400)
    );
    assert_eq!(points.kind[arrest], 1, "extracted");
    for (i, &doc) in points.source.iter().enumerate() {
        assert!(doc >= 0, "every seed event has a source ({})", points.id[i]);
        assert_eq!(
            points.document_ids[doc as usize],
            events[i].sources[0].doc_id
        );
    }
    for (i, &entity) in points.entity.iter().enumerate() {
        let expected = events[i].entities.first();
        assert_eq!(entity >= 0, expected.is_some());
        if let Some(name) = expected {
            assert_eq!(&points.entities[entity as usize], name);
        }
    }
    let confirmed = TimelineQuery {
        status: Some(ReviewStatus::Confirmed),
        ..TimelineQuery::default()
    };
    assert!(case.timeline_points(&confirmed).unwrap().id.is_empty());
}

#[test]
fn merged_events_whose_sources_disagree_are_conflicts_in_columns_too() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let events = case.timeline(&TimelineQuery::default()).unwrap();
    let (a, b) = (&events[0], &events[events.len() - 1]);
    assert_ne!(a.earliest, b.earliest);
    let merged = case.merge_events(a.id, &[b.id]).unwrap();
    assert!(merged.conflict);
    let points = case.timeline_points(&TimelineQuery::default()).unwrap();
    let at = points.id.iter().position(|&id| id == a.id).unwrap();
    assert!(points.conflict[at]);
    assert_eq!(points.conflict.iter().filter(|&&c| c).count(), 1);
}

#[test]
fn an_event_is_read_by_its_id() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let events = case.timeline(&TimelineQuery::default()).unwrap();
    assert!(events.len() > 2);
    for event in &events {
        assert_eq!(&case.event(event.id).unwrap(), event);
    }
}
