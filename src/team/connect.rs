//! Reaching the team server: the connection string, libpq's places for a password
//! (`PGPASSFILE`, `~/.pgpass`) and its TLS settings (`tls`), and a redacted form of the URL
//! for messages and the case file. Credentials are never read from or written to Dossier's
//! own files.

use std::str::FromStr;
use std::time::Duration;

use postgres::{Client, Config};

use super::{server, tls};
use crate::{Error, Result};

/// Connects to the server at `url` (a `postgres://` URL or `key=value` settings). A password
/// the URL leaves out is looked up in `PGPASSFILE` or `~/.pgpass`, as libpq does; TLS follows
/// libpq's `sslmode` and certificate settings (`tls`).
pub fn connect(url: &str) -> Result<Client> {
    let (rest, tls) = tls::split_settings(url, &|name| std::env::var(name).ok())?;
    let mut config = Config::from_str(&rest).map_err(|e| {
        Error::invalid_input(format!("'{}' is not a PostgreSQL URL: {e}", redact(url)))
    })?;
    let tls = tls.for_hosts(config.get_hosts());
    config.ssl_mode(tls.ssl_mode());
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    if config.get_password().is_none() {
        if let Some(password) = pgpass(&config) {
            config.password(password);
        }
    }
    let connector = tls.connector()?;
    config.connect(connector).map_err(|e| {
        if let Some(why) = tls::handshake_failure(&e) {
            return Error::unavailable(format!(
                "the TLS handshake with the team server at '{}' failed: {why}; {} Nothing \
                 local was lost",
                redact(url),
                tls.what_was_checked()
            ));
        }
        let e = server::error(e, "connecting");
        if e.code == crate::ErrorCode::Internal {
            Error::unavailable(e.message)
        } else {
            e
        }
    })
}

/// The URL with any password left out, for messages and for the case file.
pub fn redact(url: &str) -> String {
    static QUERY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"([?&])password=[^&\s]*&?").expect("valid pattern")
    });
    static SETTING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(^|\s+)password=('[^']*'|\S*)").expect("valid pattern")
    });
    let url = QUERY.replace_all(url, "$1");
    let url = SETTING.replace_all(&url, "").trim().to_string();
    let url = url.as_str();
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user_part = &url[scheme + 3..at];
            let user = user_part.split(':').next().unwrap_or_default();
            format!("{}{}@{}", &url[..scheme + 3], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// libpq's password file: `host:port:database:user:password` lines, `*` matching anything,
/// `\:` and `\\` escaped; a Unix socket's host matches `localhost` or its folder.
fn pgpass(config: &Config) -> Option<Vec<u8>> {
    let path = std::env::var_os("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")))?;
    let content = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or_default();
    let user = config.get_user().unwrap_or_default();
    pgpass_lookup(&content, [&host, &port, db, user]).map(String::into_bytes)
}

/// The password of the first line of a password file that fits host, port, database and
/// user.
fn pgpass_lookup(content: &str, wanted: [&str; 4]) -> Option<String> {
    for line in content.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => field.extend(chars.next()),
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        if fields.len() != 5 {
            continue;
        }
        let fits = |i: usize| {
            fields[i] == "*"
                || fields[i] == wanted[i]
                || (i == 0 && wanted[0].starts_with('/') && fields[0] == "localhost")
        };
        if (0..4).all(fits) {
            return Some(fields[4].clone());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_leaves_passwords_out_of_urls_and_settings() {
        assert_eq!(
            redact("postgres://alice:s3cret@db.example.org/case"),
            "postgres://alice@db.example.org/case"
        );
        assert_eq!(
            redact("host=/tmp/x password=s3cret user=alice"),
            "host=/tmp/x user=alice"
        );
        assert_eq!(
            redact("postgres://alice@db/case?password=s3cret&sslmode=disable"),
            "postgres://alice@db/case?sslmode=disable"
        );
        assert_eq!(redact("host=/tmp/x user=bob"), "host=/tmp/x user=bob");
    }

    #[test]
    fn verify_full_without_a_root_certificate_is_refused_before_any_connection() {
        let err = connect(
            "postgres://alice@db.example.org/case?sslmode=verify-full&sslrootcert=/nonexistent/root.crt",
        )
        .err()
        .expect("refused");
        assert_eq!(err.code, crate::ErrorCode::InvalidInput);
        assert!(
            err.message.contains("/nonexistent/root.crt"),
            "{}",
            err.message
        );
    }

    #[test]
    fn pgpass_lines_match_like_libpq() {
        let file = "# comment\n\
                    db.example.org:5432:case:alice:first\n\
                    *:*:*:bob:b\\:colon\n\
                    localhost:5432:*:carol:socket\n";
        let find = |host, user| pgpass_lookup(file, [host, "5432", "case", user]);
        assert_eq!(find("db.example.org", "alice").as_deref(), Some("first"));
        assert_eq!(find("other", "alice"), None);
        assert_eq!(find("anywhere", "bob").as_deref(), Some("b:colon"));
        assert_eq!(find("/run/postgresql", "carol").as_deref(), Some("socket"));
    }
}
