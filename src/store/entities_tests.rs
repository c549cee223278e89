//! Tests of the entity decisions at the store level, where the state a merge leaves behind
//! (alias origins, statuses) can be set up exactly; the CLI's tests cover the same decisions
//! on an imported case.

use super::*;
use crate::entities::DocEntity;

fn entity(conn: &Connection, name: &str, aliases: &[(&str, &str, &str)]) -> i64 {
    conn.execute(
        "INSERT INTO entities (name, kind, status, surname_key, created_at)
         VALUES (?1, 'person', 'auto', ?2, '2026-01-01T00:00:00Z')",
        params![name, surname_key(name)],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    for (alias, origin, evidence) in aliases {
        add_alias(conn, id, alias, origin, 0.9, evidence).unwrap();
    }
    id
}

fn alias_of(conn: &Connection, id: i64, alias: &str) -> Option<AliasRecord> {
    aliases(conn, id)
        .unwrap()
        .into_iter()
        .find(|a| fold_key(&a.alias) == fold_key(alias))
}

#[test]
fn undoing_a_merge_restores_the_surviving_entitys_aliases_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
    let peter = entity(
        &conn,
        "Peter Levashov",
        &[
            ("Peter Levashov", "extracted", "seen in a source"),
            ("Levashov", "extracted", "surname in a source"),
        ],
    );
    let pyotr = entity(
        &conn,
        "Pyotr Levashov",
        &[
            ("Pyotr Levashov", "extracted", "seen in a source"),
            ("Levashov", "extracted", "surname in another source"),
        ],
    );

    let merge_id = merge(&conn, peter, pyotr).unwrap();
    let shared = alias_of(&conn, peter, "Levashov").unwrap();
    assert!(
        shared.evidence.starts_with("merged by a person"),
        "{shared:?}"
    );
    assert_eq!(summary(&conn, peter).unwrap().status, "confirmed");

    unmerge(&conn, merge_id).unwrap();
    let shared = alias_of(&conn, peter, "Levashov").unwrap();
    assert_eq!(
        (shared.origin.as_str(), shared.evidence.as_str()),
        ("extracted", "surname in a source"),
        "the surviving entity's own alias is as it was before the merge"
    );
    assert!(
        alias_of(&conn, peter, "Pyotr Levashov").is_none(),
        "an alias the merge added goes"
    );
    let back = alias_of(&conn, pyotr, "Levashov").unwrap();
    assert_eq!(back.evidence, "surname in another source");
    assert_eq!(
        summary(&conn, peter).unwrap().status,
        "auto",
        "the merge's confirmation is undone with it"
    );
    assert_eq!(summary(&conn, pyotr).unwrap().status, "auto");
}

#[test]
fn undoing_a_merge_keeps_a_status_a_person_had_already_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
    let a = entity(&conn, "Keith Jarvis", &[("Keith Jarvis", "extracted", "x")]);
    let b = entity(&conn, "Leo Taddeo", &[("Leo Taddeo", "extracted", "y")]);
    rename(&conn, a, "Keith Jarvis").unwrap();
    let merge_id = merge(&conn, a, b).unwrap();
    unmerge(&conn, merge_id).unwrap();
    assert_eq!(summary(&conn, a).unwrap().status, "confirmed");
}

/// SQLite gives a new row the highest id plus one, so an entity created after a merge took
/// the highest id away used to get that id, and the merge could no longer be undone.
#[test]
fn a_new_entity_never_takes_the_id_a_merge_took_away() {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
    let halvard = entity(&conn, "Halvard Quist", &[]);
    let ylva = entity(&conn, "Ylva Ostend", &[]);
    let merge_id = merge(&conn, halvard, ylva).unwrap();
    let fresh = resolve(
        &conn,
        &DocEntity {
            name: "Mira Abara".to_string(),
            kind: EntityKind::Person,
            role: None,
            aliases: Vec::new(),
        },
        1,
        &mut ResolveCache::default(),
    )
    .unwrap();
    assert!(fresh > ylva, "{fresh} reuses {ylva}");
    assert_eq!(unmerge(&conn, merge_id).unwrap(), ylva);
    let split_off = split(&conn, fresh, "Mira Abara");
    assert!(
        split_off.is_err(),
        "an entity's own name cannot be split off"
    );
}

/// The regression: "Roles over time" read every mention of the entity to keep the few that
/// give a role, 0.46 s warm and 6 s cold for the most mentioned person of a million articles,
/// and listed all 2,497 of them. The roles come from the partial indexes of the rows with a
/// role (migration 0033), the first `limit` in publication order.
#[test]
fn an_entity_s_roles_came_from_every_mention_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::create(&dir.path().join("case.dossier")).unwrap();
    let plan = crate::store::plan_of(&conn, &ROLES_SQL.replace("?1", "1").replace("?2", "10"));
    assert!(
        plan.contains("mentions_roles") && plan.contains("quotes_roles"),
        "{plan}"
    );
    let zephyr = entity(&conn, "Alice Zephyr", &[]);
    for doc in 1..=5i64 {
        conn.execute(
            "INSERT INTO documents (id, kind, title, published, published_earliest, format,
             sha256, original_size, imported_at)
             VALUES (?1, 'article', ?2, ?3, ?4, 'text', ?5, 1, '2026-12-05T00:00:00Z')",
            params![
                doc,
                format!("Story {doc}"),
                format!("2016-03-0{}", 6 - doc),
                1_457_000_000 - doc * 86_400,
                format!("{doc:064x}")
            ],
        )
        .unwrap();
        for (start, role) in [(0, None), (10, Some("senator")), (20, Some("senator"))] {
            conn.execute(
                "INSERT INTO mentions (entity_id, document_id, start, end, surface, role)
                 VALUES (?1, ?2, ?3, ?3 + 5, 'Zephyr', ?4)",
                params![zephyr, doc, start, role],
            )
            .unwrap();
        }
    }
    let roles = roles(&conn, zephyr, 3).unwrap();
    let docs: Vec<i64> = roles.iter().map(|r| r.doc_id).collect();
    assert_eq!(docs, vec![5, 4, 3], "one per document, oldest first");
    assert!(roles.iter().all(|r| r.role == "senator"));
}
