//! Hardening (issue 17): hostile images, registries and archives stay contained, and services
//! survive restarts.
//!
//! Hostile images are built here (OCI layouts of hand-made, even malformed, tar entries) and
//! pushed to the shared registry, or served by [`Hostile`], a small HTTP server on 127.0.0.1 that
//! misbehaves on purpose (endless bodies, headers then silence, one byte a second). Commands that
//! face an endless body run under resource limits ([`limited`]), so that a regression fails the
//! test instead of exhausting the machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::fixtures::{self, busybox_entries, fixtures, host_arch};
use crate::oci::{self, Compression, Entry, LayerBlob, Layout};
use crate::registry;
use crate::util::{self, Output, Skiff};

const TLS: &str = "--tls-verify=false";

// ---- helpers ------------------------------------------------------------------------------------

/// The exit code is 125, stderr has exactly one `Error:` line, it names every needle, and nothing
/// skiff printed carries a terminal control byte.
#[track_caller]
fn assert_one_line_error(out: &Output, needles: &[&str]) {
    println!("{out}");
    out.assert_exit(125);
    let errors: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("Error: ")).collect();
    assert_eq!(errors.len(), 1, "expected one Error: line\n{out}");
    for n in needles {
        assert!(errors[0].contains(n), "the error should name {n:?}\n{out}");
    }
    assert!(!out.stderr.contains("panicked"), "{out}");
    assert_no_control_bytes(out);
}

#[track_caller]
fn assert_no_control_bytes(out: &Output) {
    for (name, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let bad: Vec<char> = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\t')).collect();
        assert!(bad.is_empty(), "{name} carries control characters {bad:?}\n{out}");
    }
}

/// `skiff args...` with its address space and file size limited (4 GiB, 2 GiB) and `env` set:
/// an unbounded read or write makes it fail instead of taking the machine down.
fn limited(s: &Skiff, args: &[&str], env: &[(&str, &str)], timeout: Duration) -> Output {
    let mut cmd = s.command(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_AS, 4 << 30, 4 << 30)?;
            nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_FSIZE, 2 << 30, 2 << 30)?;
            Ok(())
        });
    }
    util::run(cmd, None, timeout)
}

/// Pushes an image of `layers` as `name:latest` to the shared registry; returns its reference.
fn push(name: &str, layers: &[LayerBlob]) -> String {
    let reg = registry::shared();
    let dir = util::tempdir("layout");
    let mut layout = Layout::create(dir.path());
    let config = fixtures::config(name, host_arch(), None, layers);
    let desc = layout.image(&config, layers);
    layout.tag(&desc, "latest");
    fixtures::copy_to(dir.path(), "latest", reg, name, "latest", &[]);
    reg.reference(name, "latest")
}

/// The busybox entries with `/dev` replaced by `extra`.
fn busybox_with(extra: &[Entry], drop: &[&str]) -> Vec<Entry> {
    let mut e: Vec<Entry> = busybox_entries()
        .into_iter()
        .filter(|e| !drop.iter().any(|d| format!("{e:?}").contains(&format!("path: {d:?}"))))
        .collect();
    e.extend_from_slice(extra);
    e
}

/// Every entry below `dir` (relative names, sorted), as this user sees them.
fn entries_below(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs_err::read_dir(&d) else { continue };
        for e in rd.flatten() {
            out.push(e.path().strip_prefix(dir).unwrap().display().to_string());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// A directory outside any store that an image points its symlinks at: mode 0777, so that
/// whatever a container's root could write is visible here.
fn probe(prefix: &str) -> tempfile::TempDir {
    let d = util::tempdir(prefix);
    fs_err::set_permissions(d.path(), std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    d
}

// ---- paths inside a root filesystem -----------------------------------------------------------

#[test]
fn dev_symlink_to_the_host_creates_nothing_there() {
    let probe = probe("dev");
    let host_dev = probe.path().join("dev");
    fs_err::create_dir(&host_dev).unwrap();
    fs_err::set_permissions(&host_dev, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    for (name, target) in [
        ("devlink-abs", host_dev.display().to_string()),
        ("devlink-rel", format!("../../../../../../../../../../..{}", host_dev.display())),
    ] {
        let layer =
            LayerBlob::new(&busybox_with(&[Entry::symlink("dev", &target)], &["dev"]), Compression::Gzip);
        let reference = push(name, &[layer]);
        let s = Skiff::new();
        let out = s.cmd(&["run", TLS, "--rm", &reference, "sh", "-c", "ls /dev/null /dev/stdout && echo ok"]);
        assert_eq!(entries_below(&host_dev), Vec::<String>::new(), "{name}: written on the host\n{out}");
        out.assert_success().assert_stdout_contains("ok");
    }
}

#[test]
fn etc_files_volumes_and_workdir_through_symlinks_stay_inside_the_root() {
    let probe = probe("etc");
    let p = probe.path().display().to_string();
    let layer = LayerBlob::new(
        &busybox_with(
            &[
                Entry::symlink("etc/hosts", &format!("{p}/hosts")),
                Entry::symlink("etc/resolv.conf", &format!("{p}/resolv.conf")),
                Entry::symlink("etc/hostname", &format!("{p}/hostname")),
                Entry::symlink("escape", &p),
                Entry::symlink("wd", &p),
            ],
            &[],
        ),
        Compression::Gzip,
    );
    let reference = push("etc-links", &[layer]);
    let s = Skiff::new();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "-v",
        "vol:/escape/data",
        &reference,
        "sh",
        "-c",
        "cat /etc/hostname; grep -c . /etc/hosts; echo x > /escape/data/f; ls /escape/data",
    ]);
    assert_eq!(entries_below(probe.path()), Vec::<String>::new(), "written on the host\n{out}");
    out.assert_success().assert_stdout_contains("f");
    // WORKDIR through a symlink: created inside the root or refused, never on the host.
    let out = s.cmd(&["run", "--rm", "--workdir", "/wd/sub", &reference, "pwd"]);
    assert_eq!(entries_below(probe.path()), Vec::<String>::new(), "written on the host\n{out}");
    assert_no_control_bytes(&out);
}

#[test]
fn cp_of_a_tar_writing_through_its_own_symlink_says_so() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    s.cmd(&["create", TLS, "--name", "c", img, "true"]).assert_success();
    let tar =
        oci::tar(&[Entry::dir("d"), Entry::symlink("d/evil", "/x"), Entry::file("d/evil/pwned", "pwned")]);
    let out = s.cmd_stdin(&["cp", "-", "c:/tmp"], &tar);
    assert_one_line_error(&out, &["symlink", "evil"]);
    assert!(out.stderr.contains("through"), "{out}");
    // Host side too.
    let dest = util::tempdir("cpdest");
    let probe = util::tempdir("cpprobe");
    let tar = oci::tar(&[
        Entry::symlink("evil", probe.path().to_str().unwrap()),
        Entry::file("evil/pwned", "pwned"),
    ]);
    s.cmd(&["start", "c"]).assert_success();
    s.cmd_stdin(&["cp", "-", "c:/tmp/h"], &tar);
    let out = s.cmd(&["cp", "c:/tmp/h/.", dest.path().to_str().unwrap()]);
    assert!(!probe.path().join("pwned").exists(), "wrote through the symlink\n{out}");
}

// ---- layer archives ----------------------------------------------------------------------------

/// A tar header block of type `kind` named `name` claiming `size` bytes.
fn raw_header(name: &str, kind: u8, size: u64) -> [u8; 512] {
    let mut h = tar::Header::new_gnu();
    h.set_path(name).unwrap();
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(oci::DEFAULT_MTIME);
    h.set_entry_type(tar::EntryType::new(kind));
    h.set_size(size);
    h.set_cksum();
    *h.as_bytes()
}

/// Pushes a one-layer image whose layer is `data` (already compressed as `compression`, with
/// diff id `diff_id`), pulls it under limits and returns the output and the layer digest.
fn pull_raw_layer(
    name: &str,
    data: Vec<u8>,
    diff_id: String,
    compression: Compression,
    env: &[(&str, &str)],
) -> (Output, String) {
    let layer = LayerBlob {
        digest: oci::sha256(&data),
        diff_id,
        media_type: compression.media_type().to_string(),
        data,
    };
    let digest = layer.digest.clone();
    let reference = push(name, &[layer]);
    let s = Skiff::new();
    let out = limited(&s, &["pull", TLS, &reference], env, Duration::from_secs(240));
    (out, digest)
}

#[test]
fn tar_long_name_and_pax_headers_over_one_mib_are_refused_naming_the_layer() {
    for (name, kind) in [("longname", b'L'), ("longlink", b'K'), ("paxheader", b'x')] {
        // The header claims 4 GiB; 3 MiB follow, then the stream ends.
        let mut tar = raw_header("././@LongLink", kind, 4 << 30).to_vec();
        tar.extend(std::iter::repeat_n(b'a', 3 << 20));
        let data = Compression::Gzip.compress(&tar);
        let (out, digest) = pull_raw_layer(name, data, oci::sha256(&tar), Compression::Gzip, &[]);
        assert_one_line_error(&out, &[&digest, "1 MiB"]);
    }
}

#[test]
fn gnu_sparse_entries_are_refused() {
    let mut h = tar::Header::new_gnu();
    h.set_path("holes").unwrap();
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(oci::DEFAULT_MTIME);
    h.set_entry_type(tar::EntryType::GNUSparse);
    h.set_size(512);
    {
        let gnu = h.as_gnu_mut().unwrap();
        let real: u64 = 64 << 20;
        gnu.realsize = *format!("{:011o}\0", real).as_bytes().first_chunk::<12>().unwrap();
        gnu.sparse[0].offset = *format!("{:011o}\0", real - 512).as_bytes().first_chunk::<12>().unwrap();
        gnu.sparse[0].numbytes = *format!("{:011o}\0", 512).as_bytes().first_chunk::<12>().unwrap();
    }
    h.set_cksum();
    let mut tar = h.as_bytes().to_vec();
    tar.extend([b'z'; 512]);
    tar.extend([0u8; 1024]);
    let data = Compression::Gzip.compress(&tar);
    let (out, _) = pull_raw_layer("holes", data, oci::sha256(&tar), Compression::Gzip, &[]);
    assert_one_line_error(&out, &["holes", "sparse"]);
}

/// A gzip layer (several gzip members) whose tar holds one file of `mib` MiB of zeros: a few
/// hundred KiB that expand a thousandfold. Returns (blob, diff id).
fn gzip_bomb(mib: u64) -> (Vec<u8>, String) {
    let size = mib << 20;
    let header = raw_header("bomb", b'0', size);
    let zeros = vec![0u8; 1 << 20];
    let zeros_gz = Compression::Gzip.compress(&zeros);
    let mut blob = Compression::Gzip.compress(&header);
    let mut diff = Sha256::new();
    diff.update(header);
    for _ in 0..mib {
        blob.extend_from_slice(&zeros_gz);
        diff.update(&zeros);
    }
    let end = [0u8; 1024];
    blob.extend(Compression::Gzip.compress(&end));
    diff.update(end);
    (blob, format!("sha256:{}", hex::encode(diff.finalize())))
}

#[test]
fn a_gzip_bomb_is_refused_and_the_limit_can_be_raised() {
    // 96 MiB from about 100 KiB: refused at a ratio of 10 (50 MiB for a layer this small),
    // accepted at the default ratio (100: 500 MiB).
    let (data, diff_id) = gzip_bomb(96);
    let (out, digest) = pull_raw_layer(
        "gzip-bomb",
        data.clone(),
        diff_id.clone(),
        Compression::Gzip,
        &[("SKIFF_LAYER_MAX_EXPANSION", "10")],
    );
    assert_one_line_error(&out, &[&digest, "SKIFF_LAYER_MAX_EXPANSION", "50 MiB"]);
    let (out, _) = pull_raw_layer("gzip-bomb", data, diff_id, Compression::Gzip, &[]);
    out.assert_success();
}

#[test]
fn a_layer_that_is_not_a_tar_is_named_and_its_bytes_never_reach_the_terminal() {
    // A header block with a valid checksum whose name and uid field carry terminal escapes and
    // a newline: the tar reader quotes them in its error.
    let mut h = tar::Header::new_old();
    {
        let old = h.as_old_mut();
        let name = b"evil\x1b[2J\x1b]0;title\x07\nsecond line";
        old.name[..name.len()].copy_from_slice(name);
        old.mode = *b"0000644\0";
        old.uid = *b"\x1b[2J\x07\0\0\0";
        old.gid = *b"0000000\0";
        old.size = *b"00000000000\0";
        old.mtime = *b"00000000000\0";
        old.linkflag = [b'0'];
    }
    h.set_cksum();
    let mut tar = h.as_bytes().to_vec();
    tar.extend([0u8; 1024]);
    let data = Compression::Gzip.compress(&tar);
    let (out, digest) = pull_raw_layer("not-a-tar", data, oci::sha256(&tar), Compression::Gzip, &[]);
    assert_one_line_error(&out, &[&digest]);
}

// ---- a hostile registry -----------------------------------------------------------------------

/// One HTTP request as the hostile server saw it.
struct Request {
    method: String,
    path: String,
}

type Handler = dyn Fn(&Request, &mut TcpStream) + Send + Sync;

/// A registry on 127.0.0.1 that answers every request with `handler` (one request per
/// connection). Stops accepting when dropped; handlers stuck in endless writes end when the
/// client goes away.
struct Hostile {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl Hostile {
    fn start(handler: impl Fn(&Request, &mut TcpStream) + Send + Sync + 'static) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let stopped = stop.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut conn) = conn else { continue };
                let (handler, stopped) = (handler.clone(), stopped.clone());
                std::thread::spawn(move || {
                    let Some(req) = read_request(&conn) else { return };
                    if !stopped.load(Ordering::SeqCst) {
                        handler(&req, &mut conn);
                    }
                });
            }
        });
        Hostile { port, stop }
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn reference(&self, name: &str) -> String {
        format!("{}/{name}:latest", self.host())
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn read_request(conn: &TcpStream) -> Option<Request> {
    let mut r = BufReader::new(conn.try_clone().ok()?);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
    }
    Some(Request { method, path })
}

fn respond(conn: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(body);
}

/// Headers without a length, then `chunk` forever (until the client goes away).
fn endless(conn: &mut TcpStream, status: &str, headers: &[(&str, &str)], chunk: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    if conn.write_all(head.as_bytes()).is_err() {
        return;
    }
    let block = chunk.repeat((64 << 10) / chunk.len().max(1) + 1);
    while conn.write_all(&block).is_ok() {}
}

/// Keeps the connection open and silent for a minute.
fn silence(conn: &mut TcpStream) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut buf = [0u8; 64];
    let _ = conn.set_read_timeout(Some(Duration::from_secs(1)));
    while Instant::now() < deadline {
        if matches!(conn.read(&mut buf), Ok(0)) {
            return;
        }
    }
}

/// A small valid image (manifest, config, layers) that [`serve_image`] answers for.
struct Served {
    manifest: Vec<u8>,
    config: Vec<u8>,
    layers: Vec<LayerBlob>,
}

impl Served {
    fn new(layers: Vec<LayerBlob>) -> Served {
        Served::with_sizes(layers, None)
    }

    /// `size` overrides every layer descriptor's size.
    fn with_sizes(layers: Vec<LayerBlob>, size: Option<u64>) -> Served {
        let config = serde_json::to_vec(&fixtures::config("hostile", host_arch(), None, &layers)).unwrap();
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": oci::MEDIA_OCI_MANIFEST,
            "config": {"mediaType": oci::MEDIA_OCI_CONFIG, "digest": oci::sha256(&config), "size": config.len()},
            "layers": layers.iter().map(|l| json!({
                "mediaType": l.media_type, "digest": l.digest, "size": size.unwrap_or(l.size())
            })).collect::<Vec<Value>>(),
        });
        Served { manifest: serde_json::to_vec(&manifest).unwrap(), config, layers }
    }

    /// Answers /v2/, the manifest and the blobs; returns false for any other path.
    fn answer(&self, req: &Request, conn: &mut TcpStream) -> bool {
        if req.path == "/v2/" {
            respond(conn, "200 OK", &[("Docker-Distribution-Api-Version", "registry/2.0")], b"{}");
        } else if req.path.contains("/manifests/") {
            let digest = oci::sha256(&self.manifest);
            let body: &[u8] = if req.method == "HEAD" { b"" } else { &self.manifest };
            let mut head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: {}\r\nDocker-Content-Digest: {digest}\r\nConnection: close\r\n\r\n",
                self.manifest.len(),
                oci::MEDIA_OCI_MANIFEST
            )
            .into_bytes();
            head.extend_from_slice(body);
            let _ = conn.write_all(&head);
        } else if req.path.ends_with(&oci::sha256(&self.config)) {
            respond(conn, "200 OK", &[], &self.config);
        } else if let Some(l) = self.layers.iter().find(|l| req.path.ends_with(&l.digest)) {
            respond(conn, "200 OK", &[], &l.data);
        } else {
            return false;
        }
        true
    }
}

fn small_layer(name: &str) -> LayerBlob {
    LayerBlob::new(&[Entry::file("hostile", format!("{name}\n"))], Compression::Gzip)
}

/// Pulls from `server` under limits with `env`, expecting a one-line error within `limit`.
#[track_caller]
fn pull_fails(server: &Hostile, name: &str, env: &[(&str, &str)], limit: Duration) -> Output {
    let s = Skiff::new();
    let start = Instant::now();
    let out = limited(&s, &["pull", TLS, &server.reference(name)], env, Duration::from_secs(150));
    assert!(start.elapsed() < limit, "took {:?}\n{out}", start.elapsed());
    out
}

#[test]
fn an_endless_manifest_stops_at_4_mib() {
    let server = Hostile::start(|req, conn| {
        if req.path == "/v2/" {
            respond(conn, "200 OK", &[], b"{}");
        } else {
            endless(conn, "200 OK", &[("Content-Type", oci::MEDIA_OCI_MANIFEST)], b"{\"a\":\"aaaaaaaa");
        }
    });
    let out = pull_fails(&server, "endless", &[], Duration::from_secs(60));
    assert_one_line_error(&out, &["manifest", "4 MiB"]);
}

#[test]
fn an_endless_error_body_stops_and_its_escapes_never_reach_the_terminal() {
    let server = Hostile::start(|req, conn| {
        if req.path == "/v2/" {
            respond(conn, "200 OK", &[], b"{}");
        } else {
            endless(conn, "500 Internal Server Error", &[], b"\x1b[2Jboom ");
        }
    });
    let out = pull_fails(&server, "error500", &[], Duration::from_secs(60));
    assert_one_line_error(&out, &["500"]);
}

/// A registry whose token server at /token behaves as `token`.
fn token_server(token: impl Fn(&mut TcpStream) + Send + Sync + 'static) -> Hostile {
    let port = Arc::new(std::sync::OnceLock::<u16>::new());
    let p = port.clone();
    let server = Hostile::start(move |req, conn| {
        if req.path.starts_with("/token") {
            token(conn);
        } else {
            let realm =
                format!("Bearer realm=\"http://127.0.0.1:{}/token\",service=\"hostile\"", p.get().unwrap());
            respond(
                conn,
                "401 Unauthorized",
                &[("WWW-Authenticate", &realm), ("Content-Type", "application/json")],
                br#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#,
            );
        }
    });
    port.set(server.port).unwrap();
    server
}

#[test]
fn an_endless_token_stops_at_1_mib_for_pull_and_login() {
    let server = token_server(|conn| {
        endless(conn, "200 OK", &[("Content-Type", "application/json")], b"{\"token\":\"aaaa")
    });
    let out = pull_fails(&server, "token", &[], Duration::from_secs(60));
    assert_one_line_error(&out, &["token", "1 MiB"]);
    let s = Skiff::new();
    let out =
        limited(&s, &["login", TLS, "-u", "u", "-p", "p", &server.host()], &[], Duration::from_secs(60));
    assert_one_line_error(&out, &["token", "1 MiB"]);
}

#[test]
fn a_token_server_that_never_answers_is_a_stall_naming_its_url() {
    let server = token_server(silence);
    let out = pull_fails(
        &server,
        "token-silent",
        &[("SKIFF_REGISTRY_STALL_TIMEOUT", "2")],
        Duration::from_secs(30),
    );
    assert_one_line_error(&out, &["/token", "stalled"]);
}

#[test]
fn headers_then_silence_is_a_stall_naming_the_url() {
    let server = Hostile::start(|req, conn| {
        if req.path == "/v2/" {
            respond(conn, "200 OK", &[], b"{}");
        } else {
            let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\n\r\n{");
            silence(conn);
        }
    });
    let out =
        pull_fails(&server, "silent", &[("SKIFF_REGISTRY_STALL_TIMEOUT", "2")], Duration::from_secs(30));
    assert_one_line_error(&out, &["/v2/silent/manifests/latest", "stalled"]);
}

#[test]
fn a_blob_at_one_byte_a_second_is_a_stall_naming_the_blob() {
    let layer = LayerBlob::new(&[Entry::file("slow", "x".repeat(100_000))], Compression::None);
    let digest = layer.digest.clone();
    let served = Served::new(vec![layer]);
    let server = Hostile::start(move |req, conn| {
        if req.path.ends_with(&digest) {
            let _ = conn.write_all(
                format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", served.layers[0].size()).as_bytes(),
            );
            for b in served.layers[0].data.iter().take(60) {
                if conn.write_all(&[*b]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        } else {
            served.answer(req, conn);
        }
    });
    let out = pull_fails(&server, "slow", &[("SKIFF_REGISTRY_STALL_TIMEOUT", "3")], Duration::from_secs(40));
    assert_one_line_error(&out, &["/blobs/sha256:", "stalled"]);
}

#[test]
fn a_blob_claiming_more_than_the_free_disk_is_refused_before_writing() {
    let layer = small_layer("huge");
    let digest = layer.digest.clone();
    let served = Served::with_sizes(vec![layer], Some(1 << 40));
    let server = Hostile::start(move |req, conn| {
        if req.path.ends_with(&digest) {
            endless(conn, "200 OK", &[("Content-Length", &(1u64 << 40).to_string())], &[0u8; 4096]);
        } else {
            served.answer(req, conn);
        }
    });
    let out = pull_fails(&server, "huge", &[], Duration::from_secs(60));
    assert_one_line_error(&out, &["free", "needs 1 TiB", "No space left on device"]);
}

#[test]
fn an_image_of_5000_layers_is_a_clear_message_not_too_many_open_files() {
    let layers: Vec<LayerBlob> = (0..5000).map(|i| small_layer(&format!("layer {i}"))).collect();
    let served = Arc::new(Served::new(layers));
    let s2 = served.clone();
    let server = Hostile::start(move |req, conn| {
        if !s2.answer(req, conn) {
            respond(conn, "404 Not Found", &[], b"");
        }
    });
    let s = Skiff::new();
    let out =
        limited(&s, &["run", TLS, "--rm", &server.reference("deep"), "true"], &[], Duration::from_secs(600));
    assert!(!out.stderr.contains("Too many open files"), "{out}");
    assert_one_line_error(&out, &["5000 layers"]);
}

// ---- as a podman user -------------------------------------------------------------------------

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn restart_of_a_container_with_a_published_port_never_fails_50_times() {
    util::require_program("pasta", "passt");
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let port = free_port();
    let publish = format!("{port}:8080");
    s.cmd(&["run", TLS, "-d", "--name", "web", "-p", &publish, img, "sleep", "1000"]).assert_success();
    for i in 0..50 {
        let out = s.cmd(&["restart", "-t", "0", "web"]);
        assert!(out.status.success(), "restart {i} failed\n{out}");
    }
    for i in 0..10 {
        s.cmd(&["stop", "-t", "0", "web"]).assert_success();
        let out = s.cmd(&["start", "web"]);
        assert!(out.status.success(), "stop+start {i} failed\n{out}");
    }
    for i in 0..5 {
        let out = s.cmd(&["run", "-d", "--replace", "--name", "web", "-p", &publish, img, "sleep", "1000"]);
        assert!(out.status.success(), "run --replace {i} failed\n{out}");
    }
    s.cmd(&["rm", "-f", "-t", "0", "web"]).assert_success();
}

#[test]
fn rm_force_stops_with_the_stop_signal_and_timeout() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let host = probe("rmf");
    let vol = format!("{}:/out", host.path().display());
    // A service that flushes on SIGTERM.
    s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "db",
        "-v",
        &vol,
        img,
        "sh",
        "-c",
        "trap 'echo flushed > /out/flushed; exit 0' TERM; echo up > /out/up; while :; do sleep 0.1; done",
    ])
    .assert_success();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !host.path().join("up").exists() {
        assert!(Instant::now() < deadline, "the container never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    s.cmd(&["rm", "-f", "db"]).assert_success();
    assert_eq!(fs_err::read_to_string(host.path().join("flushed")).unwrap_or_default(), "flushed\n");
    // One that ignores SIGTERM waits out -t before it is killed.
    s.cmd(&["run", "-d", "--name", "stubborn", img, "sh", "-c", "trap '' TERM; while :; do sleep 0.1; done"])
        .assert_success();
    std::thread::sleep(Duration::from_millis(500));
    let start = Instant::now();
    s.cmd(&["rm", "-f", "-t", "2", "stubborn"]).assert_success();
    let took = start.elapsed();
    assert!(took >= Duration::from_secs(2) && took < Duration::from_secs(9), "rm -f -t 2 took {took:?}");
}

/// The lines a terminal of `rows` rows would show (the screen plus what scrolled off), from the
/// bytes written to it: wrapping at `cols`, `\r`, `\n`, cursor up and down (`ESC [ n A|B`, never
/// past the screen's edges), erase line (`ESC [ n K`) and erase below (`ESC [ J`).
fn terminal_lines(bytes: &[u8], rows: usize, cols: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => {
                row += 1;
                col = 0;
                if row == lines.len() {
                    lines.push(Vec::new());
                }
            }
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut arg = String::new();
                let mut cmd = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_digit() || c == ';' || c == '?' {
                        arg.push(c);
                    } else {
                        cmd = c;
                        break;
                    }
                }
                let n: usize = arg.trim_start_matches('?').parse().unwrap_or(1).max(1);
                let top = lines.len().saturating_sub(rows);
                if matches!(cmd, 'A' | 'B') {
                    // Moving the cursor cancels a pending wrap.
                    col = col.min(cols - 1);
                }
                match cmd {
                    'A' => row = row.saturating_sub(n).max(top),
                    'B' => {
                        row = (row + n).min(top + rows - 1);
                        while lines.len() <= row {
                            lines.push(Vec::new());
                        }
                    }
                    'K' => lines[row].truncate(col),
                    'J' => {
                        lines[row].truncate(col);
                        for l in lines.iter_mut().skip(row + 1) {
                            l.clear();
                        }
                    }
                    'G' => col = n - 1,
                    _ => {}
                }
            }
            c if c.is_control() => {}
            c => {
                if col >= cols {
                    // Deferred wrap, as terminals do: only a character past the last column wraps.
                    row += 1;
                    col = 0;
                    if row == lines.len() {
                        lines.push(Vec::new());
                    }
                }
                let l = &mut lines[row];
                while l.len() < col {
                    l.push(' ');
                }
                if col < l.len() {
                    l[col] = c;
                } else {
                    l.push(c);
                }
                col += 1;
            }
        }
    }
    lines.into_iter().map(|l| l.into_iter().collect::<String>().trim_end().to_string()).collect()
}

#[test]
fn pull_on_a_terminal_keeps_earlier_output_and_every_finished_layer_line() {
    let layers: Vec<LayerBlob> = (0..8).map(|i| small_layer(&format!("progress {i}"))).collect();
    let shorts: Vec<String> =
        layers.iter().map(|l| l.digest.trim_start_matches("sha256:")[..12].to_string()).collect();
    let reference = push("progress", &layers);
    let s = Skiff::new();
    let pty = nix::pty::openpty(None, None).unwrap();
    let rows = 6;
    let size = rustix::termios::Winsize { ws_row: rows as u16, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 };
    rustix::termios::tcsetwinsize(&pty.master, size).unwrap();
    let mut master = std::fs::File::from(pty.master);
    master.write_all(b"").unwrap();
    let mut cmd = s.command(&["pull", TLS, &reference]);
    let slave = pty.slave;
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::from(slave.try_clone().unwrap()))
        .stderr(std::process::Stdio::from(slave.try_clone().unwrap()));
    let mut child = cmd.spawn().unwrap();
    drop(slave);
    drop(cmd);
    let mut out = b"$ skiff pull\r\n".to_vec();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = master.read_to_end(&mut buf);
        buf
    });
    let status = child.wait().unwrap();
    out.extend(reader.join().unwrap());
    let lines = terminal_lines(&out, rows, 100);
    let shown =
        format!("{}\n--- raw ---\n{}", lines.join("\n"), String::from_utf8_lossy(&out).escape_debug());
    assert!(status.success(), "{shown}");
    assert_eq!(lines[0], "$ skiff pull", "the command line was wiped:\n{shown}");
    assert!(lines.iter().any(|l| l.starts_with("Trying to pull")), "{shown}");
    for short in &shorts {
        assert!(
            lines.iter().any(|l| l.contains(&format!("Copying blob {short}")) && l.contains("done")),
            "no finished line for {short}:\n{shown}"
        );
    }
    assert!(lines.iter().any(|l| l.starts_with("Writing manifest")), "{shown}");
}
