//! Team cases over TLS (issue 20): a server that accepts only TLS on `localhost`, with a
//! certificate a root authority made in the test signed. A member who trusts that root
//! publishes, joins and syncs with the server's certificate checked; a plain connection, a
//! certificate from another authority and one made out to another host are each refused
//! with an error that says TLS is why, before anything is written.

use std::path::Path;

use dossier::{Case, ErrorCode};

use crate::support::certs::Authority;
use crate::support::pg::PgServer;
use crate::team::{assert_same_case, assert_verifies, source};

/// A TLS-only server whose certificate, for `names`, the returned authority signed, with
/// that authority's root written to `dir/root.crt`.
fn tls_server(dir: &Path, names: &[&str]) -> (PgServer, Authority) {
    let authority = Authority::new("Dossier test root");
    let (cert, key) = authority.server(names);
    let pg = PgServer::start_tls(&cert, &key);
    pg.database("team", &["alice"]);
    std::fs::write(dir.join("root.crt"), authority.pem()).unwrap();
    (pg, authority)
}

fn case_with_a_source(dir: &Path, name: &str) -> Case {
    let sources = dir.join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let path = source(&sources, name, "Nina Ortiz", "The ledger was altered");
    let mut case = Case::create(&dir.join(format!("{name}.dossier"))).unwrap();
    let report = case.import(&[path], &mut |_| true).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    case
}

#[test]
fn a_team_case_is_published_joined_and_synced_over_tls_with_the_certificate_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (pg, _) = tls_server(dir.path(), &["localhost"]);
    let root = dir.path().join("root.crt");
    let url = |mode: &str| {
        format!(
            "{} sslmode={mode} sslrootcert='{}'",
            pg.tcp_url("postgres", "team"),
            root.display()
        )
    };
    let a = case_with_a_source(dir.path(), "first");
    let published = a.team_publish(&url("verify-full")).unwrap();
    assert_eq!(published.pushed, 1, "{published:?}");
    let (b, joined) = Case::team_join(&url("verify-ca"), &dir.path().join("b.dossier")).unwrap();
    assert_eq!(joined.documents, 1);
    // The stored URL keeps its TLS settings, so a later sync checks the certificate again.
    b.add_note("From the field", "Synced over TLS").unwrap();
    b.sync().unwrap();
    a.sync().unwrap();
    assert_same_case(&a, &b);
    assert_verifies(&a);
    assert_verifies(&b);
    // The server saw encrypted sessions only: its pg_hba.conf has no other door on TCP.
    let plain = Case::team_join(
        &format!("{} sslmode=disable", pg.tcp_url("postgres", "team")),
        &dir.path().join("plain.dossier"),
    )
    .err()
    .expect("a plain connection is refused");
    assert_eq!(plain.code, ErrorCode::Unavailable, "{}", plain.message);
    assert!(
        plain.message.contains("no encryption") || plain.message.contains("pg_hba"),
        "{}",
        plain.message
    );
    assert!(
        !dir.path().join("plain.dossier").exists(),
        "nothing was left behind"
    );
}

#[test]
fn sslmode_require_encrypts_without_a_root_certificate_as_libpq_does() {
    let dir = tempfile::tempdir().unwrap();
    let (pg, _) = tls_server(dir.path(), &["localhost"]);
    let a = case_with_a_source(dir.path(), "first");
    let url = format!("{} sslmode=require", pg.tcp_url("postgres", "team"));
    // HOME without ~/.postgresql/root.crt, so `require` does not turn into `verify-ca`.
    let published = a.team_publish(&url).unwrap();
    assert_eq!(published.pushed, 1);
}

#[test]
fn a_certificate_signed_by_another_authority_is_refused_as_a_tls_failure() {
    let dir = tempfile::tempdir().unwrap();
    let (pg, _) = tls_server(dir.path(), &["localhost"]);
    let stranger = Authority::new("Somebody else");
    let other_root = dir.path().join("other-root.crt");
    std::fs::write(&other_root, stranger.pem()).unwrap();
    let a = case_with_a_source(dir.path(), "first");
    let err = a
        .team_publish(&format!(
            "{} sslmode=verify-ca sslrootcert={}",
            pg.tcp_url("postgres", "team"),
            other_root.display()
        ))
        .expect_err("refused");
    assert_eq!(err.code, ErrorCode::Unavailable, "{}", err.message);
    assert!(err.message.contains("TLS handshake"), "{}", err.message);
    assert!(err.message.contains("other-root.crt"), "{}", err.message);
    assert!(
        !a.sync_status().unwrap().team,
        "the case did not become a team case"
    );
}

#[test]
fn verify_full_refuses_a_certificate_made_out_to_another_host() {
    let dir = tempfile::tempdir().unwrap();
    let (pg, _) = tls_server(dir.path(), &["db.example.org"]);
    let root = dir.path().join("root.crt");
    let a = case_with_a_source(dir.path(), "first");
    let url = |mode: &str| {
        format!(
            "{} sslmode={mode} sslrootcert={}",
            pg.tcp_url("postgres", "team"),
            root.display()
        )
    };
    let err = a.team_publish(&url("verify-full")).expect_err("refused");
    assert!(err.message.contains("TLS handshake"), "{}", err.message);
    assert!(err.message.contains("names the host"), "{}", err.message);
    // The same root without the host check is trusted: the chain itself is sound.
    assert_eq!(a.team_publish(&url("verify-ca")).unwrap().pushed, 1);
}
