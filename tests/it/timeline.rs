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
        Some("id,value,earliest,latest,precision,kind,status,conflict,title,entities,sources,tags")
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

/// The arrest "last week" in the seed: an unreviewed event extracted from a sentence.
fn arrest_id(s: &Sandbox) -> String {
    find(&timeline(s, &[]), "was arrested in Spain last week")["id"].to_string()
}

#[test]
fn tags_are_normalised_and_bad_ones_refused() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let id = arrest_id(&s);
    let (code, tagged) = s.json(&[
        "event",
        "tag",
        &id,
        "--add",
        "  Arrest ",
        "--add",
        "Police \t  Raid",
        "--add",
        "ARREST",
    ]);
    assert_eq!(code, 0, "{tagged}");
    assert_eq!(tagged["tags"], serde_json::json!(["arrest", "police raid"]));
    assert_eq!(
        tagged["status"], "auto",
        "tagging does not review the event"
    );

    let too_long = "x".repeat(41);
    for (bad, why) in [
        ("a,b", "comma"),
        ("a\nb", "line break"),
        ("   ", "empty"),
        (too_long.as_str(), "at most 40"),
    ] {
        let out = s.run(&["event", "tag", &id, "--add", "spain", "--add", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert!(stderr(&out).contains(why), "{bad:?}: {}", stderr(&out));
    }
    let (_, shown) = s.json(&["event", "show", &id]);
    assert_eq!(
        shown["tags"],
        serde_json::json!(["arrest", "police raid"]),
        "a refused tag leaves the others of the same command unapplied"
    );

    // Removal compares normal forms too; removals run before additions.
    let (_, tagged) = s.json(&["event", "tag", &id, "--remove", "POLICE RAID"]);
    assert_eq!(tagged["tags"], serde_json::json!(["arrest"]));
    let out = s.run(&["event", "tag", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("name a tag"));
    let out = s.run(&["event", "tag", "999999", "--add", "x"]);
    assert!(stderr(&out).contains("no event with id 999999"));

    // Adding and editing set tags; an edit that only sets tags keeps the review status.
    let (code, added) = s.json(&[
        "event",
        "add",
        "--title",
        "Extradited",
        "--date",
        "2018-02",
        "--tag",
        "Extradition",
        "--tag",
        "US",
    ]);
    assert_eq!(code, 0, "{added}");
    assert_eq!(added["tags"], serde_json::json!(["extradition", "us"]));
    let added_id = added["id"].to_string();
    let (_, edited) = s.json(&["event", "edit", &added_id, "--tag", "court"]);
    assert_eq!(edited["tags"], serde_json::json!(["court"]));
    let (_, edited) = s.json(&["event", "edit", &id, "--tag", "arrest", "--tag", "spain"]);
    assert_eq!(edited["tags"], serde_json::json!(["arrest", "spain"]));
    assert_eq!(edited["status"], "auto");
    let (_, edited) = s.json(&["event", "edit", &added_id, "--no-tags"]);
    assert_eq!(edited["tags"], serde_json::json!([]));

    let (code, tags) = s.json(&["event", "tags"]);
    assert_eq!(code, 0, "{tags}");
    assert_eq!(
        tags,
        serde_json::json!([{"tag": "arrest", "count": 1}, {"tag": "spain", "count": 1}])
    );
}

#[test]
fn the_timeline_its_columns_csv_and_search_filter_by_tag() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let id = arrest_id(&s);
    let all = timeline(&s, &[]);
    let other = all
        .iter()
        .find(|e| e["id"] != id.parse::<i64>().unwrap())
        .unwrap()["id"]
        .to_string();
    s.json(&["event", "tag", &id, "--add", "arrest"]);
    s.json(&["event", "tag", &other, "--add", "Spain"]);

    let tagged = timeline(&s, &["--tag", "Arrest"]);
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    assert_eq!(tagged[0]["id"].to_string(), id);
    assert_eq!(tagged[0]["tags"], serde_json::json!(["arrest"]));
    assert!(timeline(&s, &["--tag", "nobody used this"]).is_empty());
    assert_eq!(
        timeline(
            &s,
            &["--tag", "arrest", "--from", "2017-04", "--to", "2017-04"]
        )
        .len(),
        1,
        "the tag filter works with a range"
    );
    assert!(timeline(&s, &["--tag", "arrest", "--kind", "manual"]).is_empty());
    let out = s.run(&["timeline", "--tag", "a,b"]);
    assert!(stderr(&out).contains("comma"));

    let csv = stdout(&s.run(&["timeline", "--csv", "--tag", "arrest"]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[1].starts_with(&format!("e{id},")) && rows[1].ends_with(",arrest"));

    let case = dossier::Case::open(&s.case).unwrap();
    let query = dossier::model::TimelineQuery {
        tag: Some("ARREST".into()),
        ..Default::default()
    };
    let points = case.timeline_points(&query).unwrap();
    assert_eq!(points.id, vec![id.parse::<i64>().unwrap()]);
    let tags = case.event_tags().unwrap();
    assert_eq!(
        tags.iter()
            .map(|t| (t.tag.as_str(), t.count))
            .collect::<Vec<_>>(),
        [("arrest", 1), ("spain", 1)]
    );
    drop(case);

    // Tags are searchable; a change of tags re-indexes the event.
    let (_, found) = s.json(&["search", "kind:event tag:arrest"]);
    assert_eq!(found["total"], 1, "{found}");
    let out = s.run(&["reindex"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, found) = s.json(&["search", "kind:event tag:Arrest"]);
    assert_eq!(found["total"], 1, "a rebuilt index has the tags: {found}");
    s.json(&["event", "tag", &id, "--remove", "arrest"]);
    let (_, found) = s.json(&["search", "kind:event tag:arrest"]);
    assert_eq!(found["total"], 0, "{found}");
}

#[test]
fn a_merge_keeps_every_tag_and_a_tagged_event_survives_reextraction() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let events = timeline(&s, &["--kind", "extracted"]);
    let ids: Vec<String> = events.iter().map(|e| e["id"].to_string()).collect();
    s.json(&[
        "event", "tag", &ids[0], "--add", "botnet", "--add", "shared",
    ]);
    s.json(&[
        "event", "tag", &ids[1], "--add", "arrest", "--add", "shared",
    ]);
    let (code, merged) = s.json(&["event", "merge", &ids[0], &ids[1]]);
    assert_eq!(code, 0, "{merged}");
    assert_eq!(
        merged["tags"],
        serde_json::json!(["arrest", "botnet", "shared"])
    );
    let (_, tags) = s.json(&["event", "tags"]);
    assert_eq!(
        tags,
        serde_json::json!([
            {"tag": "arrest", "count": 1}, {"tag": "botnet", "count": 1}, {"tag": "shared", "count": 1}
        ])
    );

    // An unreviewed event with a tag is a person's decision: re-extraction keeps it, with its
    // id and tags, and does not propose its sentence again beside it.
    let arrest = arrest_id(&s);
    s.json(&["event", "tag", &arrest, "--add", "arrest"]);
    let before = timeline(&s, &[]).len();
    let (code, report) = s.json(&["reextract"]);
    assert_eq!(code, 0, "{report}");
    let after = timeline(&s, &[]);
    assert_eq!(after.len(), before);
    let kept = find(&after, "was arrested in Spain last week");
    assert_eq!(kept["id"].to_string(), arrest);
    assert_eq!(kept["status"], "auto");
    assert_eq!(kept["tags"], serde_json::json!(["arrest"]));
    assert_eq!(
        after
            .iter()
            .filter(|e| e["description"]
                .as_str()
                .unwrap()
                .contains("was arrested in Spain last week"))
            .count(),
        1
    );
    let tagged = timeline(&s, &["--tag", "arrest"]);
    assert_eq!(tagged.len(), 2, "{tagged:?}");
}
