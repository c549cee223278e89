//! Quotes, speakers and entities stored in the case, and a person's review of them.

use serde_json::Value;

use crate::support::*;

fn seed_sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    let (code, report) = sandbox.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    sandbox
}

fn quotes(sandbox: &Sandbox, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["quotes"];
    all.extend_from_slice(args);
    let (code, quotes) = sandbox.json(&all);
    assert_eq!(code, 0, "{quotes}");
    quotes.as_array().unwrap().clone()
}

fn entity(sandbox: &Sandbox, name: &str) -> Value {
    let (code, entity) = sandbox.json(&["entity", "show", name]);
    assert_eq!(code, 0, "{entity}");
    entity
}

#[test]
fn seed_quotes_are_attributed_to_the_named_people_with_their_roles() {
    let s = seed_sandbox();
    let direct: Vec<Value> = quotes(&s, &["--kind", "direct"]);
    let speakers: Vec<&str> = direct
        .iter()
        .map(|q| q["speaker"].as_str().unwrap_or("(none)"))
        .collect();
    assert_eq!(
        speakers,
        [
            "Vitali Kremez",
            "Vitali Kremez",
            "Kenneth A. Blanco",
            "Kenneth A. Blanco",
            "Kenneth A. Blanco",
            "Keith Jarvis",
            "Keith Jarvis",
            "Leo Taddeo",
            "Leo Taddeo",
            "Avivah Litan",
        ]
    );
    // The pronoun-introduced quote keeps its cue and addressee, and its span is exact.
    let second = &direct[1];
    assert!(second["text"]
        .as_str()
        .unwrap()
        .starts_with("From an email spam perspective"));
    assert_eq!(second["cue"], "told");
    assert_eq!(second["status"], "auto");
    let doc = s.show(second["doc_id"].as_i64().unwrap());
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (start, end) = (
        second["start"].as_u64().unwrap() as usize,
        second["end"].as_u64().unwrap() as usize,
    );
    let span: String = text[start..end].iter().collect();
    assert!(span.contains("less incoming malicious email"), "{span}");

    // The split quote is one quote in two spans.
    let split = direct
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("one for rent"))
        .unwrap();
    assert_eq!(split["spans"].as_array().unwrap().len(), 2);

    let kremez = entity(&s, "Vitali Kremez");
    assert_eq!(
        kremez["roles"][0]["role"],
        "threat intelligence director at Flashpoint"
    );
    let blanco = entity(&s, "Blanco");
    let role = blanco["roles"][0]["role"].as_str().unwrap();
    assert!(role.contains("Acting Assistant Attorney General"), "{role}");
    assert_eq!(blanco["entity"]["quote_count"], 3);

    // "pump and dump" is a scare quote: stored, not attributed, not listed as speech.
    let scare = quotes(&s, &["--kind", "scare"]);
    let pump = scare
        .iter()
        .find(|q| q["text"] == "pump and dump")
        .expect("the scare quote is stored");
    assert!(pump["speaker"].is_null());
    assert!(!quotes(&s, &[]).iter().any(|q| q["text"] == "pump and dump"));
}

#[test]
fn levashov_and_his_misspelling_are_one_entity_and_the_doj_has_its_aliases() {
    let s = seed_sandbox();
    let levashov = entity(&s, "Levishov");
    assert_eq!(levashov["entity"]["name"], "Pyotr Levashov");
    let aliases: Vec<&str> = levashov["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alias"].as_str().unwrap())
        .collect();
    assert!(aliases.contains(&"Levishov"), "{aliases:?}");
    let variant = levashov["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["alias"] == "Levishov")
        .unwrap();
    assert!(variant["confidence"].as_f64().unwrap() < 1.0);
    assert!(variant["evidence"]
        .as_str()
        .unwrap()
        .contains("spelling variant"));
    assert!(levashov["mentions"].as_array().unwrap().len() >= 7);

    let doj = entity(&s, "DoJ");
    assert_eq!(doj["entity"]["name"], "U.S. Department of Justice");
    assert_eq!(
        entity(&s, "U.S. Justice Department")["entity"]["id"],
        doj["entity"]["id"]
    );

    let (_, all) = s.json(&["entities"]);
    let first = &all.as_array().unwrap()[0];
    for field in [
        "id",
        "name",
        "kind",
        "aliases",
        "quote_count",
        "mention_count",
    ] {
        assert!(first.get(field).is_some(), "entities --json has {field}");
    }

    let (code, found) = s.json(&["entities", "--find", "levishov", "--kind", "person"]);
    assert_eq!(code, 0, "{found}");
    assert_eq!(found[0]["name"], "Pyotr Levashov");
    assert_eq!(found.as_array().unwrap().len(), 1);
    let (_, second) = s.json(&["entities", "--offset", "1", "--limit", "1"]);
    assert_eq!(second.as_array().unwrap(), &all.as_array().unwrap()[1..2]);
    let out = s.run(&["entities", "--kind", "alien"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown kind 'alien'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_same_person_in_another_source_is_the_same_entity() {
    let s = seed_sandbox();
    let other = s.write(
        "followup.txt",
        "Title: Levashov extradited\n\nPyotr Levashov was extradited to the United States. \
         \"He will face the charges,\" said Kenneth A. Blanco.\n",
    );
    let (code, report) = s.import(&[&other]);
    assert_eq!(code, 0, "{report}");
    let levashov = entity(&s, "Pyotr Levashov");
    let docs: std::collections::BTreeSet<i64> = levashov["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["doc_id"].as_i64().unwrap())
        .collect();
    assert_eq!(docs.len(), 2, "mentions from both sources");
    assert_eq!(entity(&s, "Kenneth A. Blanco")["entity"]["quote_count"], 4);
}

#[test]
fn reviewed_quotes_survive_re_extraction() {
    let s = seed_sandbox();
    let all = quotes(&s, &[]);
    let kremez = all
        .iter()
        .find(|q| q["speaker"] == "Vitali Kremez")
        .unwrap();
    let litan = all.iter().find(|q| q["speaker"] == "Avivah Litan").unwrap();
    let krebs = all.iter().find(|q| q["speaker"] == "Brian Krebs").unwrap();
    let id = |q: &Value| q["id"].as_i64().unwrap().to_string();
    assert_eq!(s.json(&["quote", "confirm", &id(kremez)]).0, 0);
    assert_eq!(s.json(&["quote", "reject", &id(krebs)]).0, 0);
    let (code, edited) = s.json(&[
        "quote",
        "edit",
        &id(litan),
        "--role",
        "research VP at Gartner",
    ]);
    assert_eq!(code, 0, "{edited}");
    assert_eq!(edited["status"], "edited");

    let (code, report) = s.json(&["reextract"]);
    assert_eq!(code, 0, "{report}");
    assert!(report["kept_reviewed"].as_u64().unwrap() >= 3, "{report}");

    let after = s.json(&["quote", "show", &id(kremez)]).1;
    assert_eq!(after["status"], "confirmed");
    let after = s.json(&["quote", "show", &id(litan)]).1;
    assert_eq!(
        (after["status"].as_str(), after["role"].as_str()),
        (Some("edited"), Some("research VP at Gartner"))
    );
    let rejected = quotes(&s, &["--status", "rejected"]);
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["id"], krebs["id"]);
    // No duplicate of a reviewed quote was proposed again.
    let again = quotes(&s, &[]);
    assert_eq!(
        again.len(),
        all.len() - 1,
        "the rejected one is hidden, nothing doubled"
    );
}

#[test]
fn a_corrected_speaker_is_searchable_and_survives_re_extraction() {
    let s = seed_sandbox();
    let all = quotes(&s, &[]);
    let jarvis = all.iter().find(|q| q["speaker"] == "Keith Jarvis").unwrap();
    let id = jarvis["id"].as_i64().unwrap().to_string();
    let (code, edited) = s.json(&["quote", "edit", &id, "--speaker", "Leo Taddeo"]);
    assert_eq!(code, 0, "{edited}");
    assert_eq!(edited["speaker"], "Leo Taddeo");
    s.json(&["reextract"]);
    assert_eq!(s.json(&["quote", "show", &id]).1["speaker"], "Leo Taddeo");
    let (_, found) = s.json(&["search", "speaker:taddeo"]);
    assert_eq!(found["total"], 3, "{found}");
    assert_eq!(found["hits"][0]["kind"], "quote");
}

#[test]
fn entities_merge_undo_split_and_rename() {
    let s = seed_sandbox();
    let id_of = |name: &str| {
        entity(&s, name)["entity"]["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    let (jarvis, taddeo) = (id_of("Keith Jarvis"), id_of("Leo Taddeo"));
    let (code, merged) = s.json(&["entity", "merge", &jarvis, &taddeo]);
    assert_eq!(code, 0, "{merged}");
    assert_eq!(entity(&s, "Leo Taddeo")["entity"]["name"], "Keith Jarvis");
    assert_eq!(entity(&s, "Keith Jarvis")["entity"]["quote_count"], 5);
    // The merge is a person's decision: re-extraction keeps it.
    s.json(&["reextract"]);
    assert_eq!(entity(&s, "Leo Taddeo")["entity"]["id"].to_string(), jarvis);

    let merge_id = merged["merge_id"].as_i64().unwrap().to_string();
    assert_eq!(s.json(&["entity", "unmerge", &merge_id]).0, 0);
    assert_eq!(entity(&s, "Leo Taddeo")["entity"]["quote_count"], 2);
    assert_eq!(entity(&s, "Keith Jarvis")["entity"]["quote_count"], 3);
    assert_eq!(
        s.json(&["entity", "unmerge", &merge_id]).0,
        1,
        "an undo is done once"
    );

    let levashov = id_of("Pyotr Levashov");
    let (code, split) = s.json(&["entity", "split", &levashov, "Levishov"]);
    assert_eq!(code, 0, "{split}");
    assert_eq!(entity(&s, "Levishov")["entity"]["name"], "Levishov");
    s.json(&["reextract"]);
    assert_ne!(
        entity(&s, "Levishov")["entity"]["id"].to_string(),
        levashov,
        "the split survives re-extraction"
    );

    assert_eq!(
        s.json(&["entity", "rename", &levashov, "Peter Levashov"]).0,
        0
    );
    assert_eq!(
        entity(&s, "Pyotr Levashov")["entity"]["name"],
        "Peter Levashov"
    );
    s.json(&["reextract"]);
    assert_eq!(entity(&s, "Levashov")["entity"]["name"], "Peter Levashov");
}

#[test]
fn review_of_unknown_quotes_and_bad_spans_are_clear_errors() {
    let s = seed_sandbox();
    let out = s.run(&["quote", "confirm", "9999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no quote with id 9999"),
        "{}",
        stderr(&out)
    );
    let id = quotes(&s, &[])[0]["id"].as_i64().unwrap().to_string();
    let out = s.run(&["quote", "edit", &id, "--start", "10", "--end", "999999"]);
    assert!(
        stderr(&out).contains("not inside document"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn text_without_punctuation_or_with_unmatched_quote_marks_imports_in_linear_time() {
    let s = Sandbox::new();
    let words = "lorem ipsum Dolor Sit amet ".repeat(40_000);
    let marks = "\"unmatched \u{201c} marks ".repeat(20_000);
    let a = s.write("no-punctuation.txt", format!("Title: words\n\n{words}"));
    let b = s.write("marks.txt", format!("Title: marks\n\n{marks}"));
    let started = std::time::Instant::now();
    let (code, report) = s.import(&[&a, &b]);
    assert_eq!(code, 0, "{report}");
    assert!(started.elapsed().as_secs() < 90, "{:?}", started.elapsed());
}

#[test]
fn a_surname_alone_finds_the_person_in_quotes_and_entity_show() {
    let s = seed_sandbox();
    let full = quotes(&s, &["--speaker", "Vitali Kremez"]);
    assert!(!full.is_empty());
    for surname in ["Kremez", "kremez", "KREMEZ"] {
        let found = quotes(&s, &["--speaker", surname]);
        assert_eq!(
            found.len(),
            full.len(),
            "--speaker {surname} finds what the full name finds"
        );
        assert_eq!(entity(&s, surname)["entity"]["name"], "Vitali Kremez");
    }
    // The search finds the same quotes, as the README's example expects.
    let (_, hits) = s.json(&["search", "speaker:kremez"]);
    assert_eq!(
        hits["total"].as_u64().unwrap() as usize,
        full.len(),
        "{hits}"
    );
    let (code, missing) = s.json(&["entity", "show", "Nobodyhere"]);
    assert_eq!(code, 1, "{missing}");
}

/// Issue 15: a person named in full in one source and by surname alone ("Quist", "Mr. Quist")
/// in others is one entity, each link recorded with its evidence; a surname a person split
/// off stays apart through later imports and re-extraction.
#[test]
fn a_person_named_by_surname_in_other_sources_is_one_entity_with_the_evidence() {
    let s = Sandbox::new();
    let full = s.write(
        "a-full.txt",
        "Title: Harbour plan\n\nHalvard Quist, the harbour master, said the plan was sound. \
         Quist has run the port since 2009.\n",
    );
    let titled = s.write(
        "b-titled.txt",
        "Title: Port vote\n\nMr. Quist declined to comment on the vote.\n",
    );
    let bare = s.write(
        "c-bare.txt",
        "Title: Port strike\n\nThe strike went on. Mr. Quist met the dockers on Monday.\n",
    );
    // One import: the documents are linked within one batch.
    let (code, report) = s.import(&[&full, &titled, &bare]);
    assert_eq!(code, 0, "{report}");

    let quist = entity(&s, "Halvard Quist");
    assert_eq!(quist["entity"]["name"], "Halvard Quist");
    let docs: std::collections::BTreeSet<i64> = quist["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["doc_id"].as_i64().unwrap())
        .collect();
    assert_eq!(docs.len(), 3, "mentions from all three sources: {quist}");
    assert!(
        quist["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["evidence"]
                .as_str()
                .unwrap()
                .contains("only person of that surname")),
        "the link's evidence is recorded: {quist}"
    );

    // A person decides the titled "Quist" is someone else: that holds.
    let id = quist["entity"]["id"].as_i64().unwrap();
    let (code, split) = s.json(&["entity", "split", &id.to_string(), "Quist"]);
    assert_eq!(code, 0, "{split}");
    let other = s.write(
        "d-later.txt",
        "Title: Port again\n\nMr. Quist spoke again on Friday.\n",
    );
    let (code, report) = s.import(&[&other]);
    assert_eq!(code, 0, "{report}");
    s.json(&["reextract"]);
    let split_off = entity(&s, "Quist");
    assert_ne!(
        split_off["entity"]["id"].as_i64().unwrap(),
        id,
        "{split_off}"
    );
    assert_eq!(
        entity(&s, "Halvard Quist")["entity"]["id"]
            .as_i64()
            .unwrap(),
        id
    );
}

/// Re-extraction applies better resolution to a case an older build made: names it would no
/// longer propose ("this Quist") and per-document copies of a person are gone, and a quote a
/// person reviewed keeps its speaker.
#[test]
fn re_extraction_leaves_one_entity_per_person_and_keeps_reviewed_rows() {
    let s = Sandbox::new();
    let a = s.write(
        "a.txt",
        "Title: Harbour plan\n\n\"The plan is sound,\" said Halvard Quist, the harbour master.\n",
    );
    let b = s.write("b.txt", "Title: Port vote\n\n\"No comment,\" said Quist.\n");
    let (code, report) = s.import(&[&a, &b]);
    assert_eq!(code, 0, "{report}");
    let sound = quotes(&s, &[])
        .into_iter()
        .find(|q| q["text"].as_str().unwrap_or("").contains("sound"))
        .unwrap();
    let sound_id = sound["id"].as_i64().unwrap().to_string();
    assert_eq!(s.json(&["quote", "confirm", &sound_id]).0, 0);
    // What an older build left: a name opened by a stop word and a surname of its own.
    {
        let conn = rusqlite::Connection::open(&s.case).unwrap();
        for name in ["this Quist", "Quist"] {
            conn.execute(
                "INSERT INTO entities (name, kind, surname_key, created_at)
                 VALUES (?1, 'person', 'quist', '2026-01-01T00:00:00Z')",
                [name],
            )
            .unwrap();
        }
    }
    let (code, report) = s.json(&["reextract"]);
    assert_eq!(code, 0, "{report}");
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM entities WHERE surname_key = 'quist'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(names, ["Halvard Quist"]);
    let kept = s.json(&["quote", "show", &sound_id]).1;
    assert_eq!(kept["status"], "confirmed", "{kept}");
    assert_eq!(kept["speaker"], "Halvard Quist", "{kept}");
}

/// Issue 23: an entity's detail listed every quote and mention, which for a person in the
/// news is hundreds of thousands at a million articles (1–4 s per selection in the People
/// view, holding the case). It now lists the first `ENTITY_DETAIL_ROWS` of each, in order,
/// and the summary still counts them all.
#[test]
fn an_entity_detail_listed_every_mention_of_a_person_named_everywhere() {
    let s = Sandbox::new();
    let limit = dossier::ENTITY_DETAIL_ROWS;
    for doc in 0..3 {
        let body: String = (0..limit / 2)
            .map(|i| {
                format!(
                    "Senator Alice Zephyr spoke on day {i}. \"We will build it,\" Zephyr said.\n"
                )
            })
            .collect();
        s.write(
            &format!("z{doc}.txt"),
            news_record(&format!("z{doc}"), "Zephyr speaks", "Mar 2, 2016", &body),
        );
    }
    let (code, report) = s.import(&[&s.sources()]);
    assert_eq!(code, 0, "{report}");
    let case = dossier::Case::open(&s.case).unwrap();
    let detail = case.entity_named("Alice Zephyr").unwrap();
    assert!(
        detail.entity.mention_count > limit,
        "{}",
        detail.entity.mention_count
    );
    assert!(
        detail.entity.quote_count > limit,
        "{}",
        detail.entity.quote_count
    );
    assert_eq!(detail.mentions.len(), limit);
    assert_eq!(detail.quotes.len(), limit);
    assert!(detail.more_mentions && detail.more_quotes);
    // A person with few of each has them all listed, and nothing more is said to be left out.
    drop(case);
    let (code, report) = s.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    let kremez = dossier::Case::open(&s.case)
        .unwrap()
        .entity_named("Vitali Kremez")
        .unwrap();
    assert!(!kremez.more_quotes && !kremez.more_mentions);
    assert_eq!(kremez.mentions.len(), kremez.entity.mention_count);
    // The first ones, in the order of the sources and of their text.
    let mentions: Vec<(i64, usize)> = detail
        .mentions
        .iter()
        .map(|m| (m.doc_id, m.start))
        .collect();
    let mut sorted = mentions.clone();
    sorted.sort();
    assert_eq!(mentions, sorted);
    assert_eq!(detail.mentions[0].doc_id, 1);
    assert!(detail
        .quotes
        .iter()
        .all(|q| q.speaker_id == Some(detail.entity.id)));
}
