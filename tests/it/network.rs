//! Rootless networking (issue #6): published ports through pasta and slirp4netns (TCP and UDP),
//! refused ports, `--network none|container:NAME`, `host.containers.internal`, and the
//! name-resolution files. Everything real: the helpers, the kernel's namespaces, sockets on the
//! host's loopback.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";
/// Serves `hello from httpd` on port 8080 inside the container.
const HTTPD: &str =
    "mkdir -p /www && echo hello from httpd > /www/index.html && exec httpd -f -p 8080 -h /www";

fn img() -> &'static str {
    &fixtures().busybox.reference
}

#[track_caller]
fn wait_for<T>(limit: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One HTTP/1.0 GET; the whole response, or `None` when the connection fails or is cut short.
fn http_get(addr: &str) -> Option<String> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    s.write_all(b"GET /index.html HTTP/1.0\r\nHost: x\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    (!out.is_empty()).then_some(out)
}

/// The host address `skiff port NAME PORT` prints (one line).
fn published(s: &Skiff, name: &str, port: &str) -> String {
    let out = s.cmd(&["port", name, port]);
    out.assert_success();
    assert_eq!(out.lines().len(), 1, "{out}");
    out.stdout_trimmed().to_string()
}

/// The helper process (pasta or slirp4netns) recorded for running container `name`.
fn helper_pid(s: &Skiff, name: &str) -> i32 {
    let ps = s.cmd(&["ps", "-a", "--no-trunc"]);
    let line = ps.lines().into_iter().find(|l| l.trim_end().ends_with(name)).map(String::from);
    let line = line.unwrap_or_else(|| panic!("no container {name} in\n{ps}"));
    let id = line.split_whitespace().next().unwrap().to_string();
    let state = s.runroot().join("containers").join(&id).join("network-state.json");
    let v: serde_json::Value = serde_json::from_slice(&fs_err::read(&state).unwrap()).unwrap();
    v["helperPid"].as_i64().unwrap_or_else(|| panic!("no helper pid in {v}")) as i32
}

/// Whether process `pid` runs (a zombie does not) and is one of the network helpers.
fn helper_alive(pid: i32) -> bool {
    let comm = fs_err::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    let stat = fs_err::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let zombie = stat.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z');
    !zombie && (comm.starts_with("pasta") || comm.starts_with("passt") || comm.starts_with("slirp4netns"))
}

/// The pids of network helpers whose command line names `dir` (readable for slirp4netns; pasta
/// hides its command line, so it is also found through its pid file under `dir`).
fn helpers_under(dir: &Path) -> Vec<i32> {
    let needle = dir.to_string_lossy().into_owned();
    let mut found = Vec::new();
    for entry in fs_err::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else { continue };
        let cmdline = fs_err::read(entry.path().join("cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains(&needle) && helper_alive(pid) {
            found.push(pid);
        }
    }
    for pid_file in walk(dir).into_iter().filter(|p| p.file_name().is_some_and(|n| n == "pasta.pid")) {
        if let Some(pid) = fs_err::read_to_string(&pid_file).ok().and_then(|t| t.trim().parse().ok()) {
            if helper_alive(pid) {
                found.push(pid);
            }
        }
    }
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs_err::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn httpd_published_answers(network: &str) {
    let s = Skiff::new();
    s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "web",
        "--network",
        network,
        "-p",
        "127.0.0.1::8080",
        img(),
        "sh",
        "-c",
        HTTPD,
    ])
    .assert_success();
    let addr = published(&s, "web", "8080");
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let port: u16 = addr.rsplit(':').next().unwrap().parse().unwrap();
    assert!(port >= 1024, "a random unprivileged port: {port}");
    s.cmd(&["port", "web"]).assert_success().assert_stdout_eq(&format!("8080/tcp -> {addr}"));
    let reply = wait_for(Duration::from_secs(20), "httpd to answer", || http_get(&addr));
    assert!(reply.starts_with("HTTP/1.") && reply.contains("200"), "{reply}");
    assert!(reply.contains("hello from httpd"), "{reply}");
    let helper = helper_pid(&s, "web");
    assert!(helper_alive(helper), "the {network} process {helper} serves the container");
    s.cmd(&["rm", "-f", "web"]).assert_success();
    wait_for(Duration::from_secs(10), "the helper to stop", || (!helper_alive(helper)).then_some(()));
    assert!(helpers_under(&s.runroot()).is_empty());
    assert!(TcpStream::connect(&addr).is_err(), "{addr} still accepts connections after rm -f");
}

#[test]
fn httpd_published_on_a_random_port_answers_through_pasta() {
    util::require_unprivileged();
    util::require_program("pasta", "passt");
    httpd_published_answers("pasta");
}

#[test]
fn httpd_published_on_a_random_port_answers_through_slirp4netns() {
    util::require_unprivileged();
    util::require_program("slirp4netns", "slirp4netns");
    httpd_published_answers("slirp4netns");
}

/// A static UDP echo server (`udpecho PORT`), compiled here with the host's C compiler, since
/// busybox's `nc` has no UDP mode.
fn udpecho_binary(dir: &Path) -> Vec<u8> {
    let src = dir.join("udpecho.c");
    fs_err::write(
        &src,
        r#"#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
int main(int argc, char **argv) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0) return 1;
    char buf[2048];
    for (;;) {
        struct sockaddr_in peer;
        socklen_t len = sizeof peer;
        ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&peer, &len);
        if (n > 0) sendto(s, buf, n, 0, (struct sockaddr *)&peer, len);
    }
}
"#,
    )
    .unwrap();
    let cc = util::require_program("cc", "gcc");
    let bin = dir.join("udpecho");
    util::run_program(
        cc.to_str().unwrap(),
        &["-static", "-O2", "-o", bin.to_str().unwrap(), src.to_str().unwrap()],
    )
    .assert_success();
    fs_err::read(&bin).unwrap()
}

/// `same_port`: publish the container port on the same host port number. Debian 12's pasta
/// (2023-03-09) does not translate the port of UDP replies to clients on the host's loopback, so
/// `-p HOST:CTR/udp` with two different numbers only works from other addresses there.
fn udp_echo_through(network: &str, same_port: bool) {
    let s = Skiff::new();
    let port =
        if same_port { UdpSocket::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port() } else { 5353 };
    let publish =
        if same_port { format!("127.0.0.1:{port}:{port}/udp") } else { "127.0.0.1::5353/udp".to_string() };
    let serve = format!("cat > /tmp/udpecho && chmod +x /tmp/udpecho && exec /tmp/udpecho {port}");
    let dir = util::tempdir("udpecho");
    let binary = udpecho_binary(dir.path());
    s.cmd(&["pull", TLS, img()]).assert_success();
    // The binary goes in through stdin; the container then serves UDP port 5353.
    let mut cmd = s.command(&[
        "run",
        "-i",
        "--name",
        "echo",
        "--network",
        network,
        "-p",
        &publish,
        img(),
        "sh",
        "-c",
        &serve,
    ]);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&binary).unwrap();
    drop(stdin);
    let addr = wait_for(Duration::from_secs(30), "the container's port", || {
        let out = s.cmd(&["port", "echo", &format!("{port}/udp")]);
        (out.code() == Some(0)).then(|| out.stdout_trimmed().to_string())
    });
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    s.cmd(&["port", "echo"]).assert_success().assert_stdout_eq(&format!("{port}/udp -> {addr}"));
    let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
    let reply = wait_for(Duration::from_secs(20), "a UDP echo", || {
        sock.send_to(b"ping over udp", &addr).ok()?;
        let mut buf = [0u8; 64];
        let (n, _) = sock.recv_from(&mut buf).ok()?;
        Some(buf[..n].to_vec())
    });
    assert_eq!(reply, b"ping over udp");
    s.cmd(&["rm", "-f", "echo"]).assert_success();
    let _ = child.wait();
}

#[test]
fn udp_echo_through_a_published_udp_port_with_pasta() {
    util::require_unprivileged();
    udp_echo_through("pasta", true);
}

#[test]
fn udp_echo_through_a_published_udp_port_with_slirp4netns() {
    util::require_unprivileged();
    udp_echo_through("slirp4netns", false);
}

#[test]
fn publishing_a_port_in_use_or_privileged_fails_cleanly() {
    util::require_unprivileged();
    let s = Skiff::new();
    s.cmd(&["pull", TLS, img()]).assert_success();
    let busy = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    for network in ["pasta", "slirp4netns"] {
        let publish = format!("127.0.0.1:{port}:8080");
        // As podman's `run` (its 030-run "run failed --rm"): a container that cannot be started
        // for its network exits 126.
        let out = s.cmd(&["run", "-d", "--network", network, "-p", &publish, img(), "sleep", "100"]);
        out.assert_exit(126)
            .assert_stderr_contains(&format!(
                "cannot publish port 127.0.0.1:{port}/tcp: it is already in use"
            ))
            .assert_stderr_contains("hint: choose another host port");
        assert!(s.cmd(&["ps", "-q"]).assert_success().stdout_trimmed().is_empty(), "nothing runs");
        assert!(helpers_under(&s.runroot()).is_empty(), "no helper is left running");
    }
    let out = s.cmd(&["run", "-d", "-p", "80:8080", img(), "sleep", "100"]);
    out.assert_exit(126)
        .assert_stderr_contains("cannot publish port 0.0.0.0:80/tcp: ports below")
        .assert_stderr_contains("net.ipv4.ip_unprivileged_port_start")
        .assert_stderr_contains("hint: publish on a port >=");
    assert!(s.cmd(&["ps", "-q"]).assert_success().stdout_trimmed().is_empty(), "nothing runs");
    assert!(helpers_under(&s.runroot()).is_empty(), "no helper is left running");
    // The port's owner was not disturbed.
    let client = std::thread::spawn(move || TcpStream::connect(("127.0.0.1", port)).is_ok());
    let _ = busy.accept().unwrap();
    assert!(client.join().unwrap());
    // Bad values are refused before anything is created.
    s.cmd(&["run", "-p", "8080:80/sctp", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid publish \"8080:80/sctp\": unknown protocol");
    s.cmd(&["run", "--network", "none", "-p", "8080:80", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("cannot publish ports with --network none");
    // (`bridge` is a network since issue #14: a value no mode or network can have.)
    s.cmd(&["run", "--network", "bad/name", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid --network \"bad/name\"");
}

#[test]
fn network_none_has_only_loopback() {
    util::require_unprivileged();
    let s = Skiff::new();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--network",
        "none",
        img(),
        "sh",
        "-c",
        "ls /sys/class/net; ip -o link show lo",
    ]);
    out.assert_success();
    let lines = out.lines();
    assert_eq!(lines[0], "lo", "{out}");
    assert!(lines[1].contains("<LOOPBACK,UP"), "lo is up: {out}");
    assert_eq!(lines.len(), 2, "{out}");
}

/// A one-page HTTP server on the host's loopback, for `secs` seconds; returns its port.
fn host_server(body: &'static str, secs: u64) -> u16 {
    host_server_on("127.0.0.1", body, secs)
}

/// [`host_server`] on `addr` (`0.0.0.0`: every address of the host).
fn host_server_on(addr: &str, body: &'static str, secs: u64) -> u16 {
    let listener = TcpListener::bind((addr, 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            match listener.accept() {
                Ok((mut c, _)) => {
                    let _ = c.set_nonblocking(false);
                    let _ = c.set_read_timeout(Some(Duration::from_secs(2)));
                    let mut buf = [0u8; 1024];
                    let _ = c.read(&mut buf);
                    let _ = c.write_all(
                        format!("HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n{body}", body.len()).as_bytes(),
                    );
                }
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    port
}

#[test]
fn host_containers_internal_reaches_the_hosts_loopback() {
    util::require_unprivileged();
    let s = Skiff::new();
    s.cmd(&["pull", TLS, img()]).assert_success();
    let port = host_server("hello from the host\n", 60);
    // pasta: host.containers.internal is its gateway, which reaches the host's loopback;
    // slirp4netns: its gateway does (10.0.2.2), and host.containers.internal is the host's own
    // address, as podman writes it.
    for (network, host) in [("pasta", "host.containers.internal"), ("slirp4netns", "10.0.2.2")] {
        let url = format!("http://{host}:{port}/");
        let out = s.cmd(&["run", "--rm", "--network", network, img(), "wget", "-q", "-O", "-", &url]);
        out.assert_success().assert_stdout_eq("hello from the host");
    }
    let port = host_server_on("0.0.0.0", "hello from the host's address\n", 60);
    let url = format!("http://host.containers.internal:{port}/");
    let out = s.cmd(&["run", "--rm", "--network", "slirp4netns", img(), "wget", "-q", "-O", "-", &url]);
    out.assert_success().assert_stdout_eq("hello from the host's address");
}

#[test]
fn container_joins_another_containers_network_namespace() {
    util::require_unprivileged();
    let s = Skiff::new();
    s.cmd(&["run", TLS, "-d", "--name", "srv", img(), "sh", "-c", HTTPD]).assert_success();
    let script = "for i in $(seq 100); do wget -q -O - http://127.0.0.1:8080/index.html && exit 0; sleep 0.1; done; exit 1";
    let out = s.cmd(&["run", "--rm", "--network", "container:srv", img(), "sh", "-c", script]);
    out.assert_success().assert_stdout_eq("hello from httpd");
    // Its own namespace would have only lo; the joined one has the helper's interface too.
    let out = s.cmd(&["run", "--rm", "--network", "container:srv", img(), "ls", "/sys/class/net"]);
    assert!(out.assert_success().lines().len() >= 2, "{out}");
    s.cmd(&["run", "--rm", "--network", "container:nosuch", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid --network container:nosuch");
    s.cmd(&["rm", "-f", "srv"]).assert_success();
}

#[test]
fn name_resolution_files_are_per_container_and_not_in_the_image() {
    util::require_unprivileged();
    let s = Skiff::new();
    let out = s.cmd(&[
        "run",
        TLS,
        "--name",
        "names",
        "--dns",
        "192.0.2.53",
        "--dns-search",
        "example.test",
        "--dns-option",
        "ndots:3",
        "--add-host",
        "db.test:192.0.2.9",
        img(),
        "sh",
        "-c",
        "cat /etc/resolv.conf; echo ---; cat /etc/hosts; echo ---; cat /etc/hostname; hostname",
    ]);
    out.assert_success();
    let text = out.stdout_trimmed().to_string();
    let parts: Vec<&str> = text.split("---\n").collect();
    assert_eq!(parts.len(), 3, "{out}");
    assert_eq!(parts[0], "search example.test\nnameserver 192.0.2.53\noptions ndots:3\n");
    let hostname = parts[2].lines().next().unwrap();
    assert_eq!(parts[2].lines().nth(1), Some(hostname), "/etc/hostname is the container's hostname");
    assert_eq!(hostname.len(), 12);
    let hosts: Vec<&str> = parts[1].lines().collect();
    assert!(hosts.iter().any(|l| l.starts_with("127.0.0.1") && l.contains("localhost")), "{out}");
    assert!(hosts.contains(&"192.0.2.9\tdb.test"), "{out}");
    // podman's line: the container's address, its hostname and its name.
    assert!(hosts.iter().any(|l| l.ends_with(&format!("\t{hostname} names"))), "{out}");
    assert!(hosts.iter().any(|l| l.contains("host.containers.internal")), "{out}");
    // The files were bind-mounted: the container's own layer holds at most an empty mount point
    // (the image has no /etc/hosts), never their text.
    let written: Vec<PathBuf> =
        walk(&s.root()).into_iter().filter(|p| p.components().any(|c| c.as_os_str() == "upper")).collect();
    for name in ["etc/hosts", "etc/resolv.conf", "etc/hostname"] {
        for p in written.iter().filter(|p| p.ends_with(name)) {
            let len = fs_err::metadata(p).map(|m| m.len()).unwrap_or(0);
            assert_eq!(len, 0, "{} was written into the container's layer", p.display());
        }
    }
    // Without --dns the host's nameservers are used (this host's are not on loopback).
    let out = s.cmd(&["run", "--rm", img(), "cat", "/etc/resolv.conf"]);
    let host = fs_err::read_to_string("/etc/resolv.conf").unwrap();
    for server in host.lines().filter_map(|l| l.strip_prefix("nameserver ")) {
        if !server.trim().starts_with("127.") {
            out.assert_stdout_contains(&format!("nameserver {}", server.trim()));
        }
    }
    s.cmd(&["run", "--add-host", "nocolon", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid --add-host \"nocolon\"");
}

#[test]
fn a_helper_that_dies_is_reported() {
    util::require_unprivileged();
    let s = Skiff::new();
    s.cmd(&["run", TLS, "-d", "--name", "lost", "-p", "127.0.0.1::8080", img(), "sh", "-c", "sleep 8"])
        .assert_success();
    let helper = helper_pid(&s, "lost");
    assert!(helper_alive(helper));
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(helper), nix::sys::signal::Signal::SIGKILL).unwrap();
    wait_for(Duration::from_secs(5), "the helper to die", || (!helper_alive(helper)).then_some(()));
    s.cmd(&["port", "lost"]).assert_success().assert_stderr_contains("network helper of container");
    // While the container runs, ps and inspect say so too.
    let ps = s.cmd(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.stdout.contains("lost Up") && ps.stdout.contains("(network helper"), "{ps}");
    let error = s.cmd(&["inspect", "--format", "{{.State.Error}}", "lost"]);
    assert!(error.stdout.contains("network helper"), "{error}");
    wait_for(Duration::from_secs(20), "the container to exit", || {
        s.cmd(&["ps", "-a"]).stdout_trimmed().contains("Exited (0)").then_some(())
    });
    // The cleanup after the exit (run by the supervisor) finds the helper gone and says so.
    wait_for(Duration::from_secs(10), "the report in the container's log", || {
        let out = s.cmd(&["logs", "lost"]);
        out.stderr.contains("network helper exited while the container was running").then_some(())
    });
}

#[test]
fn network_host_shares_the_hosts_interfaces() {
    util::require_unprivileged();
    let s = Skiff::new();
    let out = s.cmd(&["run", TLS, "--rm", "--network", "host", img(), "ls", "/sys/class/net"]);
    let mut host: Vec<String> = fs_err::read_dir("/sys/class/net")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    host.sort();
    let mut seen: Vec<String> = out.assert_success().lines().iter().map(|l| l.to_string()).collect();
    seen.sort();
    assert_eq!(seen, host);
}
