//! Real registries for the tests: Debian's `docker-registry` (distribution 2.x) on 127.0.0.1, plain
//! HTTP, filesystem storage in a temp dir, deletes enabled.
//!
//! [`shared`] is one registry per test process holding the fixtures; [`start_with_auth`] starts
//! a private one behind htpasswd basic auth ([`AUTH_USER`] / [`AUTH_PASSWORD`]);
//! [`start_with_tls`] one that speaks only https, with a self-signed certificate.
//!
//! Lifetime: each registry runs under a small watcher shell. The watcher stops the registry and
//! removes its directory as soon as this test process is gone, so the shared registry (a static,
//! never dropped) does not outlive the tests; dropping a [`Registry`] stops it at once.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use base64::Engine as _;

use crate::util;

/// The user accepted by [`start_with_auth`] registries.
pub const AUTH_USER: &str = "tester";
/// The password of [`AUTH_USER`].
pub const AUTH_PASSWORD: &str = "s3cret";

const READY_TIMEOUT: Duration = Duration::from_secs(20);

/// The registry shared by every test in this process (no auth). Fixtures live here.
pub fn shared() -> &'static Registry {
    static SHARED: OnceLock<Registry> = OnceLock::new();
    SHARED.get_or_init(|| Registry::start(false, false))
}

/// Starts a new registry of its own (no auth, plain http), e.g. one a test stops (drops) to
/// make an image's origin unreachable. It is empty; put images in with
/// [`crate::fixtures::copy_to`].
pub fn start_plain() -> Registry {
    Registry::start(false, false)
}

/// Starts a new registry that requires basic auth as [`AUTH_USER`] / [`AUTH_PASSWORD`]. It is
/// empty; put images in with [`crate::fixtures::copy_to`]. Stopped when dropped.
pub fn start_with_auth() -> Registry {
    Registry::start(true, false)
}

/// Starts a new registry that speaks only https, with a self-signed certificate for 127.0.0.1
/// (made with openssl). It is empty; put images in with [`crate::fixtures::copy_to`] (skopeo
/// does not verify it). [`Registry::get`] and [`Registry::request`] speak plain http and do not
/// work with it. Stopped when dropped.
pub fn start_with_tls() -> Registry {
    Registry::start(false, true)
}

/// A running registry.
pub struct Registry {
    port: u16,
    dir: PathBuf,
    registry_pid: i32,
    watcher: Child,
    credentials: Option<(String, String)>,
    tls: bool,
}

/// An HTTP response from [`Registry::request`].
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

impl Registry {
    fn start(auth: bool, tls: bool) -> Registry {
        util::require_unprivileged();
        let bin = util::require_program("docker-registry", "docker-registry");
        let mut last_err = String::new();
        for _ in 0..5 {
            match Registry::try_start(&bin, auth, tls) {
                Ok(r) => return r,
                // Another process took the port between probing and binding: try another one.
                Err(stderr) if stderr.contains("address already in use") => last_err = stderr,
                Err(stderr) => panic!("docker-registry did not start; its stderr:\n{stderr}"),
            }
        }
        panic!("docker-registry could not bind a free port; its stderr:\n{last_err}")
    }

    fn try_start(bin: &Path, auth: bool, tls: bool) -> Result<Registry, String> {
        let port = free_port();
        let dir = util::tempdir("registry").keep();
        let credentials = auth.then(|| (AUTH_USER.to_string(), AUTH_PASSWORD.to_string()));
        let mut config = format!(
            "version: 0.1\n\
             log:\n  level: error\n  accesslog:\n    disabled: true\n\
             storage:\n  filesystem:\n    rootdirectory: {storage}\n  delete:\n    enabled: true\n  \
             maintenance:\n    uploadpurging:\n      enabled: false\n\
             http:\n  addr: 127.0.0.1:{port}\n  secret: skiff-integration-tests\n",
            storage = dir.join("storage").display()
        );
        if tls {
            let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
            let openssl = util::require_program("openssl", "openssl");
            let out = Command::new(openssl)
                .args([
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=127.0.0.1",
                ])
                .args(["-addext", "subjectAltName=IP:127.0.0.1", "-keyout"])
                .arg(&key)
                .arg("-out")
                .arg(&cert)
                .output()
                .expect("run openssl");
            assert!(out.status.success(), "openssl req failed: {}", String::from_utf8_lossy(&out.stderr));
            config.push_str(&format!(
                "  tls:\n    certificate: {}\n    key: {}\n",
                cert.display(),
                key.display()
            ));
        }
        if let Some((user, password)) = &credentials {
            let hash = bcrypt::hash(password, 4).expect("bcrypt hash");
            fs_err::write(dir.join("htpasswd"), format!("{user}:{hash}\n")).expect("write htpasswd");
            config.push_str(&format!(
                "auth:\n  htpasswd:\n    realm: skiff-tests\n    path: {}\n",
                dir.join("htpasswd").display()
            ));
        }
        fs_err::write(dir.join("config.yml"), config).expect("write registry config");

        // $1: the directory, $2: the registry binary. Prints the registry's pid, then watches:
        // when this test process ($PPID) is gone, it stops the registry and removes the directory.
        let script = r#"
            "$2" serve "$1/config.yml" >/dev/null 2>"$1/stderr.log" </dev/null &
            r=$!
            echo "$r"
            while kill -0 "$r" 2>/dev/null; do
                if ! kill -0 "$PPID" 2>/dev/null; then
                    kill "$r"; wait "$r"; rm -rf "$1"; exit 0
                fi
                sleep 0.2
            done
        "#;
        let mut watcher = Command::new("sh")
            .args(["-c", script, "sh"])
            .arg(&dir)
            .arg(bin)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot spawn sh to run docker-registry");
        let mut line = String::new();
        BufReader::new(watcher.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("read the registry's pid");
        let registry_pid: i32 = line.trim().parse().expect("the watcher prints the registry's pid");
        let registry = Registry { port, dir, registry_pid, watcher, credentials, tls };
        registry.wait_ready()?;
        Ok(registry)
    }

    fn wait_ready(&self) -> Result<(), String> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if let Ok(r) = self.get("/v2/") {
                // An https-only server answers plain http with 400: it is up.
                if r.status == 200 || (self.tls && r.status == 400) {
                    return Ok(());
                }
            }
            let exited = nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.registry_pid), None).is_err();
            if exited || Instant::now() >= deadline {
                let stderr = fs_err::read_to_string(self.dir.join("stderr.log")).unwrap_or_default();
                let why = if exited { "exited" } else { "did not answer 200 on /v2/ within 20 s" };
                // Dropping self stops the registry and removes its directory.
                return Err(format!("docker-registry on port {} {why}\n{stderr}", self.port));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `127.0.0.1:PORT`, the registry part of references.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `127.0.0.1:PORT/name:tag`.
    pub fn reference(&self, name: &str, tag: &str) -> String {
        format!("{}/{name}:{tag}", self.host())
    }

    /// `docker://127.0.0.1:PORT/name:tag`, for skopeo.
    pub fn docker_ref(&self, name: &str, tag: &str) -> String {
        format!("docker://{}", self.reference(name, tag))
    }

    /// `Some((user, password))` for a registry with basic auth.
    pub fn credentials(&self) -> Option<(&str, &str)> {
        self.credentials.as_ref().map(|(u, p)| (u.as_str(), p.as_str()))
    }

    /// skopeo's options to write here: `--dest-tls-verify=false` and, with auth, `--dest-creds`.
    pub fn skopeo_dest_args(&self) -> Vec<String> {
        let mut args = vec!["--dest-tls-verify=false".to_string()];
        if let Some((u, p)) = self.credentials() {
            args.push(format!("--dest-creds={u}:{p}"));
        }
        args
    }

    /// skopeo's options to read from here: `--tls-verify=false` and, with auth, `--creds`.
    pub fn skopeo_src_args(&self) -> Vec<String> {
        let mut args = vec!["--tls-verify=false".to_string()];
        if let Some((u, p)) = self.credentials() {
            args.push(format!("--creds={u}:{p}"));
        }
        args
    }

    /// The registry's stderr so far (log level error).
    pub fn stderr(&self) -> String {
        fs_err::read_to_string(self.dir.join("stderr.log")).unwrap_or_default()
    }

    /// `GET path` with this registry's credentials, if any.
    pub fn get(&self, path: &str) -> std::io::Result<Response> {
        let accept = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, \
                      application/vnd.docker.distribution.manifest.list.v2+json, \
                      application/vnd.docker.distribution.manifest.v2+json";
        self.request("GET", path, &[("Accept", accept)], true)
    }

    /// One HTTP/1.0 request to the registry; `authenticate` adds basic auth when it has
    /// credentials.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        authenticate: bool,
    ) -> std::io::Result<Response> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut req = format!("{method} {path} HTTP/1.0\r\nHost: {}\r\n", self.host());
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if let (true, Some((u, p))) = (authenticate, self.credentials()) {
            let token = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
            req.push_str(&format!("Authorization: Basic {token}\r\n"));
        }
        req.push_str("\r\n");
        stream.write_all(req.as_bytes())?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw)?;
        parse_response(&raw)
    }

    /// The repositories in the registry (`/v2/_catalog`).
    #[track_caller]
    pub fn catalog(&self) -> Vec<String> {
        let r = self.get("/v2/_catalog?n=1000").expect("GET /v2/_catalog");
        assert_eq!(r.status, 200, "GET /v2/_catalog: {}", String::from_utf8_lossy(&r.body));
        let v = r.json();
        v["repositories"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(String::from))
            .collect()
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(self.registry_pid),
            nix::sys::signal::Signal::SIGTERM,
        );
        let _ = self.watcher.wait();
        let _ = fs_err::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    let l = TcpListener::bind(("127.0.0.1", 0)).expect("bind 127.0.0.1:0");
    l.local_addr().expect("local addr").port()
}

fn parse_response(raw: &[u8]) -> std::io::Result<Response> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| bad("no end of headers"))?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("no status line"))?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("bad status line"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok(Response { status, headers, body: raw[end + 4..].to_vec() })
}
