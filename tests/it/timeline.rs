//! Dated events from sources and people, and the timeline over them.

use serde_json::Value;

use crate::support::*;

fn timeline(sandbox: &Sandbox, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["timeline"];
    all.extend_from_slice(args);
    let (code, events) = sandbox.json(&all);
    assert_eq!(code, 0, "{events}");
    events.as_array().unwrap().clone()
}

fn find<'a>(events: &'a [Value], needle: &str) -> &'a Value {
    events
        .iter()
        .find(|e| {
            e["description"].as_str().unwrap_or("").contains(needle)
                || e["title"].as_str().unwrap_or("").contains(needle)
        })
        .unwrap_or_else(|| panic!("no event mentions {needle:?}"))
}

#[test]
fn the_seed_timeline_resolves_relative_dates_against_the_publication() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let events = timeline(&s, &[]);

    let published = events.iter().find(|e| e["kind"] == "publication").unwrap();
    assert_eq!(published["value"], "2017-04-12T05:00-07:00");
    assert_eq!(published["precision"], "minute");

    let arrest = find(&events, "was arrested in Spain last week");
    assert_eq!(arrest["value"], "2017-W14");
    assert_eq!(
        (arrest["earliest"].as_str(), arrest["latest"].as_str()),
        (Some("2017-04-03"), Some("2017-04-09"))
    );
    assert_eq!(arrest["precision"], "week");
    let source = &arrest["sources"][0];
    for field in ["doc_id", "start", "end"] {
        assert!(source.get(field).is_some());
    }

    let indictments = find(&events, "indictments issued last month");
    assert_eq!(indictments["value"], "2017-03");
    assert!(indictments["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "Leo Taddeo"));
    assert_eq!(find(&events, "2012 Russian elections")["value"], "2012");
    assert_eq!(
        find(&events, "2016 U.S. presidential elections")["value"],
        "2016"
    );
    assert_eq!(
        find(&events, "the day after Levishov's arrest")["value"],
        "2017-04-13"
    );
    // "at least 20 years" is a duration, not a point on the timeline.
    assert!(!events.iter().any(|e| e["value"] == "P20Y"));

    // The events are in date order, and a month overlaps a range that starts inside it.
    let starts: Vec<&str> = events
        .iter()
        .map(|e| e["earliest"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let range = timeline(&s, &["--from", "2017-03-15", "--to", "2017-04-15"]);
    assert!(range.iter().any(|e| e["value"] == "2017-03"));
    assert!(!range.iter().any(|e| e["value"] == "2016"));

    let levashov = timeline(&s, &["--entity", "Levashov"]);
    assert!(!levashov.is_empty());
    assert!(levashov.iter().all(|e| e["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "Pyotr Levashov")));
}

#[test]
fn merged_events_keep_every_source_and_flag_a_date_conflict() {
    let s = Sandbox::new();
    let a = s.write(
        "a.txt",
        "Title: A\nDate: 2017-04-12\n\nThe botnet was taken down on April 10, 2017.\n",
    );
    let b = s.write(
        "b.txt",
        "Title: B\nDate: 2017-04-20\n\nThe botnet was taken down on April 11, 2017.\n",
    );
    let c = s.write(
        "c.txt",
        "Title: C\nDate: 2017-04-20\n\nThe takedown happened in April 2017.\n",
    );
    s.import(&[&a, &b, &c]);
    let takedowns = |s: &Sandbox| -> Vec<Value> {
        timeline(s, &["--kind", "extracted"])
            .into_iter()
            .filter(|e| e["description"].as_str().unwrap().contains("take"))
            .collect()
    };
    let events = takedowns(&s);
    assert_eq!(events.len(), 3, "{events:?}");
    let ids: Vec<String> = events.iter().map(|e| e["id"].to_string()).collect();

    let (code, merged) = s.json(&["event", "merge", &ids[0], &ids[2]]);
    assert_eq!(code, 0, "{merged}");
    assert_eq!(merged["sources"].as_array().unwrap().len(), 2);
    assert_eq!(
        merged["conflict"], false,
        "a day inside the month agrees with it"
    );
    let (_, merged) = s.json(&["event", "merge", &ids[0], &ids[1]]);
    assert_eq!(merged["sources"].as_array().unwrap().len(), 3);
    assert_eq!(
        merged["conflict"], true,
        "April 10 and April 11 cannot both be right"
    );
    assert_eq!(merged["status"], "confirmed");
    let values: Vec<&str> = merged["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["value"].as_str().unwrap())
        .collect();
    assert!(
        values.contains(&"2017-04-10") && values.contains(&"2017-04-11"),
        "{values:?}"
    );

    // The merge survives re-extraction, and the merged-away events do not come back.
    s.json(&["reextract"]);
    assert_eq!(takedowns(&s).len(), 1);
}

#[test]
fn manual_events_review_and_csv() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let (code, added) = s.json(&[
        "event",
        "add",
        "--title",
        "Kelihos sinkholed",
        "--date",
        "2017-04",
        "--cite",
        "1:0-30",
    ]);
    assert_eq!(code, 0, "{added}");
    assert_eq!(
        (added["kind"].as_str(), added["status"].as_str()),
        (Some("manual"), Some("confirmed"))
    );
    assert_eq!(
        (added["earliest"].as_str(), added["latest"].as_str()),
        (Some("2017-04-01"), Some("2017-04-30"))
    );
    let id = added["id"].to_string();
    let (_, edited) = s.json(&["event", "edit", &id, "--date", "2017-04-10"]);
    assert_eq!(edited["value"], "2017-04-10");
    let out = s.run(&["event", "add", "--title", "x", "--date", "last week"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not a date"));
    let out = s.run(&[
        "event",
        "add",
        "--title",
        "x",
        "--date",
        "2017",
        "--cite",
        "1:0-999999",
    ]);
    assert!(stderr(&out).contains("not inside document"));

    let some = timeline(&s, &["--kind", "extracted"]);
    let rejected = some[0]["id"].to_string();
    assert_eq!(
        s.json(&["event", "reject", &rejected]).1["status"],
        "rejected"
    );
    assert!(!timeline(&s, &[]).iter().any(|e| e["id"] == some[0]["id"]));
    s.json(&["reextract"]);
    assert_eq!(
        timeline(&s, &["--status", "rejected"]).len(),
        1,
        "a rejection survives re-extraction"
    );

    let csv = stdout(&s.run(&["timeline", "--csv"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,value,earliest,latest,precision,kind,status,conflict,title,entities,sources")
    );
    assert!(csv.contains("Kelihos sinkholed"));

    let (_, found) = s.json(&["search", "kind:event sinkholed"]);
    assert_eq!(found["total"], 1);
}

#[test]
fn a_megabyte_of_digits_and_slashes_imports_in_linear_time() {
    let s = Sandbox::new();
    let junk = "12/31/1999/12/31 0/0/0 2017-13-45 ".repeat(32_000);
    let path = s.write("digits.txt", format!("Title: digits\n\n{junk}"));
    let started = std::time::Instant::now();
    let (code, report) = s.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    assert!(started.elapsed().as_secs() < 90, "{:?}", started.elapsed());
}

/// `event show 2` once returned whichever event came last in the timeline: the id was never
/// part of the query.
#[test]
fn event_show_returns_the_event_asked_for() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    for event in timeline(&s, &[]) {
        let id = event["id"].as_i64().unwrap();
        let (code, shown) = s.json(&["event", "show", &id.to_string()]);
        assert_eq!(code, 0);
        assert_eq!(shown["id"], id);
        assert_eq!(shown["title"], event["title"]);
    }
}
