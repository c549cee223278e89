//! A throwaway PostgreSQL server for the team-case tests: `initdb` in a temporary folder,
//! `pg_ctl start` listening only on a Unix socket in that folder (so parallel tests never
//! share a port), stopped with `-m immediate` and removed when the guard drops. PostgreSQL
//! refuses to run as root, so as root the server runs as the `postgres` user the Debian
//! package creates.

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct PgServer {
    dir: PathBuf,
    bin: PathBuf,
    as_root: bool,
    /// The TCP port of a server that also listens on `localhost` with TLS (`start_tls`).
    tls_port: Option<u16>,
}

/// The newest installed PostgreSQL's programs (`/usr/lib/postgresql/N/bin`, Debian's layout),
/// or the ones on the PATH.
fn bin_dir() -> PathBuf {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((n, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).unwrap_or_default()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl PgServer {
    /// Starts a fresh server. Panics with the reason when PostgreSQL is not installed
    /// (`scripts/setup.sh` installs it).
    pub fn start() -> PgServer {
        let server = PgServer::init();
        server.pg_ctl_start();
        server
    }

    /// Starts a fresh server that also listens on `localhost`, where it accepts TLS
    /// connections only (`hostssl` in pg_hba.conf), with this certificate and key (PEM).
    pub fn start_tls(cert: &[u8], key: &[u8]) -> PgServer {
        let mut server = PgServer::init();
        let data = server.dir.join("data");
        std::fs::write(data.join("server.crt"), cert).unwrap();
        std::fs::write(data.join("server.key"), key).unwrap();
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all all trust\n\
             hostssl all all 127.0.0.1/32 trust\n\
             hostssl all all ::1/128 trust\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            data.join("server.key"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        if server.as_root {
            let ok = Command::new("chown")
                .args(["-R", "postgres"])
                .arg(&data)
                .status()
                .expect("chown runs");
            assert!(
                ok.success(),
                "cannot give the certificate to the postgres user"
            );
        }
        // A port nobody holds now: bound and let go, so parallel tests each get their own.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        server.tls_port = Some(port);
        server.pg_ctl_start();
        server
    }

    fn init() -> PgServer {
        let dir = tempfile::Builder::new()
            .prefix("dossier-pg-")
            .tempdir_in("/tmp")
            .expect("temporary folder")
            .keep();
        let bin = bin_dir();
        assert!(
            bin.join("initdb").exists() || which("initdb"),
            "PostgreSQL is not installed (scripts/setup.sh installs the `postgresql` package)"
        );
        let server = PgServer {
            dir,
            bin,
            as_root: is_root(),
            tls_port: None,
        };
        if server.as_root {
            let ok = Command::new("chown")
                .args(["-R", "postgres"])
                .arg(&server.dir)
                .status()
                .expect("chown runs");
            assert!(ok.success(), "cannot give the folder to the postgres user");
        }
        let data = server.dir.join("data");
        let out = server.run(
            "initdb",
            &[
                "-D",
                &data.display().to_string(),
                "-A",
                "trust",
                "-U",
                "postgres",
            ],
        );
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        server
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        let path = if self.bin.as_os_str().is_empty() {
            PathBuf::from(program)
        } else {
            self.bin.join(program)
        };
        let mut cmd = if self.as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        };
        cmd.args(args).output().expect("PostgreSQL's programs run")
    }

    fn pg_ctl_start(&self) {
        let data = self.dir.join("data").display().to_string();
        let options = match self.tls_port {
            None => format!(
                "-p 5432 -k {} -c listen_addresses='' -c fsync=off",
                self.dir.display()
            ),
            // The private socket and TCP share the free port; on TCP the server speaks TLS.
            Some(port) => format!(
                "-p {port} -k {} -c listen_addresses=localhost -c fsync=off -c ssl=on",
                self.dir.display()
            ),
        };
        let log = self.dir.join("log").display().to_string();
        let out = self.run(
            "pg_ctl",
            &["-D", &data, "-o", &options, "-l", &log, "-w", "start"],
        );
        assert!(
            out.status.success(),
            "pg_ctl start failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
        );
    }

    /// Stops the server at once, as a crash or a pulled cable would.
    pub fn stop(&self) {
        let data = self.dir.join("data").display().to_string();
        self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
    }

    /// Starts it again after `stop`.
    pub fn restart(&self) {
        self.pg_ctl_start();
    }

    /// Connection settings for `user` on `database`, over the private socket.
    pub fn url(&self, user: &str, database: &str) -> String {
        format!(
            "host={} port={} user={user} dbname={database}",
            self.dir.display(),
            self.port()
        )
    }

    /// Connection settings for `user` on `database` over TCP to `localhost`, for a server
    /// made by `start_tls`; TLS settings are for the caller to add.
    pub fn tcp_url(&self, user: &str, database: &str) -> String {
        format!(
            "host=localhost port={} user={user} dbname={database}",
            self.port()
        )
    }

    fn port(&self) -> u16 {
        self.tls_port.unwrap_or(5432)
    }

    /// Runs SQL as the superuser (each statement on its own, since `CREATE DATABASE` cannot
    /// share a transaction) and returns what psql printed, unaligned and without headers.
    pub fn sql(&self, database: &str, sql: &str) -> String {
        let psql = if self.bin.join("psql").exists() {
            self.bin.join("psql")
        } else {
            PathBuf::from("psql")
        };
        let out = Command::new(psql)
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(&self.dir)
            .args([
                "-p",
                &self.port().to_string(),
                "-U",
                "postgres",
                "-d",
                database,
                "-c",
                sql,
            ])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "psql failed on {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// A new database, and roles that may log in (created if missing).
    pub fn database(&self, name: &str, roles: &[&str]) {
        self.sql("postgres", &format!("CREATE DATABASE {name}"));
        for role in roles {
            self.sql(
                "postgres",
                &format!(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') \
                     THEN CREATE ROLE {role} LOGIN; END IF; END $$"
                ),
            );
        }
    }
}

fn which(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
