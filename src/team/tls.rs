//! TLS to the team server, as libpq does it: `sslmode` (`disable`, `allow`, `prefer`,
//! `require`, `verify-ca`, `verify-full`), `sslrootcert` (a file of trusted roots, or `system`),
//! and a client certificate (`sslcert`, `sslkey`), from the connection string or from
//! `PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT` and `PGSSLKEY`, with libpq's defaults under
//! `~/.postgresql/`. The `postgres` crate's own parser knows only three modes and no
//! certificate files, so these settings are taken out of the string here and turned into an
//! OpenSSL connector; the rest of the string goes to the crate unchanged.
//!
//! What each mode checks is libpq's: `prefer` and `require` encrypt without checking who
//! answers (unless a root certificate is at hand, when `require` checks it, for libpq's
//! backward compatibility); `verify-ca` checks that a trusted root signed the server's
//! certificate; `verify-full` also checks that the certificate names the host. A Unix
//! socket never uses TLS, as with libpq.

use std::path::{Path, PathBuf};

use openssl::ssl::{SslConnector, SslFiletype, SslMethod, SslVerifyMode};
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::X509;
use postgres::config::{Host, SslMode};
use postgres_openssl::MakeTlsConnector;

use crate::{Error, Result};

/// How much the connection insists on TLS and on checking the server, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// Which roots a server certificate must chain to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootCert {
    /// The operating system's trusted authorities (`sslrootcert=system`).
    System,
    File(PathBuf),
}

/// The TLS settings of one connection string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub mode: Mode,
    pub root_cert: Option<RootCert>,
    pub client_cert: Option<PathBuf>,
    pub client_key: Option<PathBuf>,
}

const KEYS: [&str; 4] = ["sslmode", "sslrootcert", "sslcert", "sslkey"];

/// Takes libpq's TLS settings out of `url` (a `postgres://` URL or `key=value` settings) and
/// returns the rest of it with the settings, filled in from `env` (the `PGSSL*` variables)
/// and libpq's defaults.
pub fn split_settings(
    url: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(String, Settings)> {
    let (rest, found) = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        split_url(url)
    } else {
        split_key_values(url)
    };
    let take = |key: &str, variable: &str| {
        found
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .or_else(|| env(variable).filter(|v| !v.is_empty()))
    };
    let home = env("HOME").map(PathBuf::from);
    let default_file = |name: &str| {
        home.as_ref()
            .map(|h| h.join(".postgresql").join(name))
            .filter(|p| p.exists())
    };
    let root_cert = match take("sslrootcert", "PGSSLROOTCERT") {
        Some(v) if v == "system" => Some(RootCert::System),
        Some(v) => Some(RootCert::File(PathBuf::from(v))),
        None => default_file("root.crt").map(RootCert::File),
    };
    let mode = match take("sslmode", "PGSSLMODE").as_deref() {
        None if root_cert == Some(RootCert::System) => Mode::VerifyFull,
        None | Some("prefer") | Some("allow") => Mode::Prefer,
        Some("disable") => Mode::Disable,
        Some("require") => Mode::Require,
        Some("verify-ca") => Mode::VerifyCa,
        Some("verify-full") => Mode::VerifyFull,
        Some(other) => {
            return Err(Error::invalid_input(format!(
                "sslmode '{other}' is not one of disable, allow, prefer, require, verify-ca, \
                 verify-full"
            )))
        }
    };
    if root_cert == Some(RootCert::System) && mode < Mode::VerifyFull {
        // libpq refuses this too: trusting every public authority is only safe when the
        // certificate must also name the host.
        return Err(Error::invalid_input(
            "sslrootcert=system needs sslmode=verify-full, since any public authority could \
             sign a certificate for another host",
        ));
    }
    if mode >= Mode::VerifyCa {
        match &root_cert {
            None => {
                return Err(Error::invalid_input(format!(
                    "sslmode={} checks the server's certificate, but no root certificate was \
                     given: set sslrootcert=FILE (or sslrootcert=system with verify-full), or put \
                     the team's root certificate in ~/.postgresql/root.crt",
                    mode.name()
                )))
            }
            Some(RootCert::File(path)) if !path.exists() => {
                return Err(Error::invalid_input(format!(
                    "the root certificate {} (sslrootcert) does not exist",
                    path.display()
                )))
            }
            _ => {}
        }
    }
    let client_cert = take("sslcert", "PGSSLCERT")
        .map(PathBuf::from)
        .or_else(|| default_file("postgresql.crt"));
    let client_key = take("sslkey", "PGSSLKEY")
        .map(PathBuf::from)
        .or_else(|| default_file("postgresql.key"));
    Ok((
        rest,
        Settings {
            mode,
            root_cert,
            client_cert,
            client_key,
        },
    ))
}

/// A URL's query parameters split into TLS settings (percent-decoded) and the rest.
fn split_url(url: &str) -> (String, Vec<(String, String)>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), Vec::new());
    };
    let mut kept = Vec::new();
    let mut found = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if KEYS.contains(&key) {
            found.push((key.to_string(), percent_decode(value)));
        } else {
            kept.push(pair);
        }
    }
    let rest = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (rest, found)
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `key=value` settings split into TLS settings and the rest, which keeps its original text.
/// A value is a run of non-blank characters or a single-quoted string with `\'` and `\\`.
fn split_key_values(settings: &str) -> (String, Vec<(String, String)>) {
    let mut kept: Vec<&str> = Vec::new();
    let mut found = Vec::new();
    let mut rest = settings.trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        let after_key = rest[key_end..].trim_start();
        let Some(after_eq) = after_key.strip_prefix('=') else {
            // Not a setting; the crate's parser will name the problem.
            kept.push(rest);
            break;
        };
        let after_eq = after_eq.trim_start();
        let (value, value_len) = if let Some(quoted) = after_eq.strip_prefix('\'') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next().map(|(_, c)| c)),
                    '\'' => {
                        end = i + 1;
                        break;
                    }
                    c => value.push(c),
                }
            }
            (value, 1 + end)
        } else {
            let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
            (after_eq[..end].to_string(), end)
        };
        let consumed = rest.len() - after_eq.len() + value_len.min(after_eq.len());
        if KEYS.contains(&key) {
            found.push((key.to_string(), value));
        } else {
            kept.push(&rest[..consumed]);
        }
        rest = rest[consumed..].trim_start();
    }
    (kept.join(" "), found)
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Disable => "disable",
            Mode::Prefer => "prefer",
            Mode::Require => "require",
            Mode::VerifyCa => "verify-ca",
            Mode::VerifyFull => "verify-full",
        }
    }
}

impl Settings {
    /// The settings for these hosts: over Unix sockets only, no TLS at all (PostgreSQL does
    /// not offer it there, and libpq does not ask).
    pub fn for_hosts(mut self, hosts: &[Host]) -> Settings {
        #[cfg(unix)]
        if !hosts.is_empty() && hosts.iter().all(|h| matches!(h, Host::Unix(_))) {
            self.mode = Mode::Disable;
        }
        self
    }

    /// The crate's mode: it verifies in the connector, so only whether TLS is wanted matters.
    pub fn ssl_mode(&self) -> SslMode {
        match self.mode {
            Mode::Disable => SslMode::Disable,
            Mode::Prefer => SslMode::Prefer,
            Mode::Require | Mode::VerifyCa | Mode::VerifyFull => SslMode::Require,
        }
    }

    /// Whether the server's certificate is checked against the roots.
    fn verifies(&self) -> bool {
        match self.mode {
            Mode::VerifyCa | Mode::VerifyFull => true,
            // libpq's backward compatibility: with a root certificate at hand, `require`
            // behaves as `verify-ca`.
            Mode::Require => self.root_cert.is_some(),
            Mode::Disable | Mode::Prefer => false,
        }
    }

    /// A sentence for a failed handshake saying what this connection checked.
    pub fn what_was_checked(&self) -> String {
        let roots = match &self.root_cert {
            Some(RootCert::System) => "the system's trusted authorities".to_string(),
            Some(RootCert::File(p)) => format!("the root certificate {}", p.display()),
            None => "no root certificate".to_string(),
        };
        match (self.mode, self.verifies()) {
            (Mode::VerifyFull, _) => format!(
                "sslmode=verify-full wants a server certificate signed by {roots} that names \
                 the host connected to."
            ),
            (mode, true) => format!(
                "sslmode={} wants a server certificate signed by {roots}.",
                mode.name()
            ),
            (mode, false) => format!(
                "sslmode={} encrypts without checking the certificate, so the server or the \
                 network refused TLS itself.",
                mode.name()
            ),
        }
    }

    /// The OpenSSL connector these settings describe.
    pub fn connector(&self) -> Result<MakeTlsConnector> {
        let openssl = |doing: &str, e: openssl::error::ErrorStack| {
            Error::invalid_input(format!("TLS setup failed while {doing}: {e}"))
        };
        let mut builder = SslConnector::builder(SslMethod::tls_client())
            .map_err(|e| openssl("starting OpenSSL", e))?;
        if self.verifies() {
            match &self.root_cert {
                Some(RootCert::File(path)) => {
                    let roots = read_roots(path)?;
                    let mut store =
                        X509StoreBuilder::new().map_err(|e| openssl("making a store", e))?;
                    for root in roots {
                        store
                            .add_cert(root)
                            .map_err(|e| openssl("adding a root certificate", e))?;
                    }
                    // Only these roots: libpq trusts the file alone, not the system's too.
                    builder.set_cert_store(store.build());
                }
                Some(RootCert::System) | None => builder
                    .set_default_verify_paths()
                    .map_err(|e| openssl("reading the system's roots", e))?,
            }
            builder.set_verify(SslVerifyMode::PEER);
        } else {
            builder.set_verify(SslVerifyMode::NONE);
        }
        if let Some(cert) = &self.client_cert {
            builder.set_certificate_chain_file(cert).map_err(|e| {
                Error::invalid_input(format!(
                    "the client certificate {} (sslcert) could not be read: {e}",
                    cert.display()
                ))
            })?;
            let key = self
                .client_key
                .clone()
                .unwrap_or_else(|| cert.with_extension("key"));
            builder
                .set_private_key_file(&key, SslFiletype::PEM)
                .map_err(|e| {
                    Error::invalid_input(format!(
                        "the client key {} (sslkey) could not be read: {e}",
                        key.display()
                    ))
                })?;
        }
        let mut connector = MakeTlsConnector::new(builder.build());
        let check_host = self.mode == Mode::VerifyFull && self.verifies();
        connector.set_callback(move |config, _host| {
            config.set_verify_hostname(check_host);
            Ok(())
        });
        Ok(connector)
    }
}

/// The certificates of a PEM file of roots.
fn read_roots(path: &Path) -> Result<Vec<X509>> {
    let pem = std::fs::read(path).map_err(|e| {
        Error::invalid_input(format!(
            "the root certificate {} (sslrootcert) could not be read: {e}",
            path.display()
        ))
    })?;
    match X509::stack_from_pem(&pem) {
        Ok(roots) if !roots.is_empty() => Ok(roots),
        _ => Err(Error::invalid_input(format!(
            "{} (sslrootcert) holds no PEM certificate",
            path.display()
        ))),
    }
}

/// The reason, when a connection failed in the TLS handshake rather than elsewhere.
pub fn handshake_failure(err: &postgres::Error) -> Option<String> {
    let text = err.to_string();
    let why = text.strip_prefix("error performing TLS handshake")?;
    Some(why.trim_start_matches(':').trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(url: &str, env: &[(&str, &str)]) -> Result<(String, Settings)> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        split_settings(url, &move |name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    fn check(url: &str, env: &[(&str, &str)], rest: &str, mode: Mode, root: Option<&str>) {
        let (got_rest, settings) = split(url, env).expect(url);
        assert_eq!(got_rest, rest, "{url}");
        assert_eq!(settings.mode, mode, "{url}");
        let root = root.map(|r| {
            if r == "system" {
                RootCert::System
            } else {
                RootCert::File(PathBuf::from(r))
            }
        });
        assert_eq!(settings.root_cert, root, "{url}");
    }

    #[test]
    fn tls_settings_are_taken_out_of_urls_and_key_value_strings() {
        let root = std::env::temp_dir().join("dossier-tls-test-root.crt");
        std::fs::write(&root, "not read here").unwrap();
        let r = root.display().to_string();
        check(
            "postgres://a@db/case",
            &[],
            "postgres://a@db/case",
            Mode::Prefer,
            None,
        );
        check(
            "postgres://a@db/case?sslmode=require&connect_timeout=5",
            &[],
            "postgres://a@db/case?connect_timeout=5",
            Mode::Require,
            None,
        );
        check(
            &format!(
                "postgresql://a@db/case?sslrootcert={}&sslmode=verify-full",
                r.replace('/', "%2F")
            ),
            &[],
            "postgresql://a@db/case",
            Mode::VerifyFull,
            Some(&r),
        );
        check(
            &format!("host=db sslmode=verify-ca  sslrootcert='{r}' user=a dbname='my case'"),
            &[],
            "host=db user=a dbname='my case'",
            Mode::VerifyCa,
            Some(&r),
        );
        check(
            "host=db sslmode = disable",
            &[],
            "host=db",
            Mode::Disable,
            None,
        );
        check("host=db sslmode=allow", &[], "host=db", Mode::Prefer, None);
        // The variables fill in what the string leaves out, and the string wins.
        check(
            "host=db",
            &[("PGSSLMODE", "verify-ca"), ("PGSSLROOTCERT", &r)],
            "host=db",
            Mode::VerifyCa,
            Some(&r),
        );
        check(
            "host=db sslmode=require",
            &[("PGSSLMODE", "disable")],
            "host=db",
            Mode::Require,
            None,
        );
        // `system` alone means verify-full, as in libpq 16.
        check(
            "host=db sslrootcert=system",
            &[],
            "host=db",
            Mode::VerifyFull,
            Some("system"),
        );
        let _ = std::fs::remove_file(&root);
    }

    #[test]
    fn libpqs_default_root_certificate_is_used_when_it_exists() {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir(home.path().join(".postgresql")).unwrap();
        let home_dir = home.path().display().to_string();
        check(
            "host=db sslmode=require",
            &[("HOME", &home_dir)],
            "host=db",
            Mode::Require,
            None,
        );
        let root = home.path().join(".postgresql/root.crt");
        std::fs::write(&root, "x").unwrap();
        let (_, settings) = split("host=db sslmode=require", &[("HOME", &home_dir)]).unwrap();
        assert_eq!(settings.root_cert, Some(RootCert::File(root)));
        assert!(
            settings.verifies(),
            "require checks the certificate when root.crt exists"
        );
    }

    #[test]
    fn settings_that_cannot_be_honoured_are_refused_with_what_to_do() {
        for (url, words) in [
            ("host=db sslmode=verify-ca", "no root certificate"),
            (
                "host=db sslmode=verify-full sslrootcert=/nonexistent.crt",
                "/nonexistent.crt",
            ),
            ("host=db sslmode=require sslrootcert=system", "verify-full"),
            ("host=db sslmode=sometimes", "'sometimes'"),
        ] {
            let err = split(url, &[])
                .err()
                .unwrap_or_else(|| panic!("{url} accepted"));
            assert_eq!(err.code, crate::ErrorCode::InvalidInput, "{url}");
            assert!(err.message.contains(words), "{url}: {}", err.message);
        }
    }

    #[test]
    fn a_unix_socket_never_asks_for_tls() {
        let (_, settings) = split("host=/run/postgresql sslmode=require", &[]).unwrap();
        let settings = settings.for_hosts(&[Host::Unix(PathBuf::from("/run/postgresql"))]);
        assert_eq!(settings.ssl_mode(), SslMode::Disable);
        let (_, settings) = split("host=db sslmode=require", &[]).unwrap();
        let settings = settings.for_hosts(&[Host::Tcp("db".into())]);
        assert_eq!(settings.ssl_mode(), SslMode::Require);
    }

    #[test]
    fn a_root_file_without_certificates_is_named() {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), "hello").unwrap();
        let settings = Settings {
            mode: Mode::VerifyCa,
            root_cert: Some(RootCert::File(file.path().to_path_buf())),
            client_cert: None,
            client_key: None,
        };
        let err = settings.connector().err().expect("refused");
        assert!(
            err.message.contains("no PEM certificate"),
            "{}",
            err.message
        );
    }
}
