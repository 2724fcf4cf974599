//! User-defined networks (issue #14): the `network` commands and their bad input, containers on
//! one network reaching each other by name and alias, name resolution right after `start`,
//! isolation between networks, `--internal`, a published port to a container on a network, and
//! repair after `kill -9`. Everything real: the rootless namespace, bridges, veths, nftables,
//! the resolver.

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";

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
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn needs_tools() {
    util::require_unprivileged();
    util::require_program("pasta", "passt");
    util::require_program("nft", "nftables");
}

/// `run --rm --network NET IMAGE sh -c SCRIPT`: its output.
fn run_on(s: &Skiff, net: &str, script: &str) -> util::Output {
    s.cmd(&["run", TLS, "--rm", "--network", net, img(), "sh", "-c", script])
}

/// Starts `httpd` serving `hello from NAME` on port 80 in a detached container.
fn web(s: &Skiff, net: &str, name: &str, extra: &[&str]) -> String {
    let script =
        format!("mkdir -p /www && echo hello from {name} > /www/index.html && exec httpd -f -p 80 -h /www");
    let mut args = vec!["run", TLS, "-d", "--name", name, "--network", net];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[img(), "sh", "-c", &script]);
    let out = s.cmd(&args);
    out.assert_success();
    out.stdout_trimmed().to_string()
}

fn endpoints(s: &Skiff) -> serde_json::Value {
    let path = s.runroot().join("networks").join("endpoints.json");
    serde_json::from_slice(&fs_err::read(path).unwrap_or_default()).unwrap_or(serde_json::Value::Null)
}

fn endpoint_containers(s: &Skiff) -> Vec<String> {
    endpoints(s)["endpoints"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["container"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

#[test]
fn network_commands_print_what_podman_prints_and_refuse_bad_input() {
    util::require_unprivileged();
    let s = Skiff::new();
    let ls = s.cmd(&["network", "ls"]);
    ls.assert_success();
    assert_eq!(ls.lines(), ["NETWORK ID    NAME        DRIVER", "2f259bab93aa  podman      bridge"]);
    s.cmd(&[
        "network",
        "create",
        "--subnet",
        "10.123.0.0/24",
        "--label",
        "team=a",
        "-o",
        "mtu=1400",
        "front",
    ])
    .assert_success()
    .assert_stdout_eq("front");
    s.cmd(&["network", "create", "--internal", "--disable-dns", "back"]).assert_success();
    let v = s.cmd(&["network", "inspect", "front"]).json();
    let n = &v[0];
    assert_eq!(n["name"], "front");
    assert_eq!(n["driver"], "bridge");
    assert_eq!(n["id"].as_str().unwrap().len(), 64);
    assert_eq!(n["network_interface"], "podman1");
    assert_eq!(n["subnets"], serde_json::json!([{"subnet": "10.123.0.0/24", "gateway": "10.123.0.1"}]));
    assert_eq!(
        (n["internal"].as_bool(), n["dns_enabled"].as_bool(), n["ipv6_enabled"].as_bool()),
        (Some(false), Some(true), Some(false))
    );
    assert_eq!(n["labels"]["team"], "a");
    assert_eq!(n["options"]["mtu"], "1400");
    assert_eq!(n["ipam_options"]["driver"], "host-local");
    assert!(n["created"].as_str().unwrap().ends_with('Z'));
    let b = &s.cmd(&["network", "inspect", "back"]).json()[0];
    assert_eq!((b["internal"].as_bool(), b["dns_enabled"].as_bool()), (Some(true), Some(false)));
    assert_eq!(b["subnets"][0]["subnet"], "10.89.0.0/24", "the first free default subnet");
    assert_eq!(
        s.cmd(&["network", "inspect", "--format", "{{.Name}} {{.Internal}}", "back"]).stdout_trimmed(),
        "back true"
    );

    let before = s.cmd(&["network", "ls"]).stdout_trimmed().to_string();
    // Bad input: one clear line, exit 125, nothing changed.
    for (args, line) in [
        (vec!["front"], "Error: network name front already used: network already exists"),
        (
            vec!["--subnet", "10.123.0.128/25", "other"],
            "Error: subnet 10.123.0.128/25 is already used on the host or by another config",
        ),
        (
            vec!["--subnet", "10.124.0.0/24", "--gateway", "10.125.0.1", "other"],
            "Error: invalid gateway \"10.125.0.1\": not a host address of subnet 10.124.0.0/24",
        ),
        (
            vec!["--subnet", "nope", "other"],
            "Error: invalid subnet \"nope\": expected ADDRESS/PREFIX (e.g. 10.89.1.0/24)",
        ),
        (
            vec!["-o", "mtu=1", "other"],
            "Error: invalid option \"mtu=1\": mtu must be a number from 68 to 65535",
        ),
        (
            vec!["bad/name"],
            "Error: network name \"bad/name\" invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*",
        ),
    ] {
        let mut full = vec!["network", "create"];
        full.extend(args);
        let out = s.cmd(&full);
        out.assert_exit(125);
        assert_eq!(out.stderr.trim(), line, "{full:?}");
    }
    assert_eq!(s.cmd(&["network", "ls"]).stdout_trimmed(), before, "a refused create changed nothing");

    let ls = s.cmd(&["network", "ls", "--noheading", "--format", "{{.Name}} {{.Driver}}"]);
    assert_eq!(ls.lines(), ["back bridge", "front bridge", "podman bridge"]);
    assert_eq!(s.cmd(&["network", "ls", "-q", "--filter", "label=team=a"]).lines(), ["front"]);
    assert_eq!(s.cmd(&["network", "ls", "-q", "--filter", "name=^ba"]).lines(), ["back"]);
    s.cmd(&["network", "exists", "front"]).assert_exit(0);
    s.cmd(&["network", "exists", "nowhere"]).assert_exit(1);
    let out = s.cmd(&["network", "rm", "nowhere"]);
    out.assert_exit(1);
    assert_eq!(out.stderr.trim(), "Error: unable to find network with name or ID nowhere: network not found");
    s.cmd(&["network", "rm", "-f", "nowhere"]).assert_success().assert_stdout_eq("");
    s.cmd(&["network", "rm", "podman"])
        .assert_exit(125)
        .assert_stderr_contains("default network podman cannot be removed");
    s.cmd(&["network", "prune", "-f", "--filter", "label=team=a"]).assert_success().assert_stdout_eq("front");
    s.cmd(&["network", "rm", "back"]).assert_success().assert_stdout_eq("back");
    assert_eq!(s.cmd(&["network", "ls", "-q"]).lines(), ["podman"]);
}

#[test]
fn containers_on_a_network_reach_each_other_by_name_alias_and_id() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "app"]).assert_success();
    let id = web(&s, "app", "web", &["--network-alias", "www"]);
    let short = &id[..12];
    let script = format!(
        "for n in web www {short} web.dns.podman; do wget -q -O - http://$n/index.html || echo FAIL $n; done; cat /etc/resolv.conf; grep $(hostname) /etc/hosts"
    );
    let out = run_on(&s, "app", &script);
    out.assert_success();
    assert_eq!(out.stdout.matches("hello from web").count(), 4, "{out}");
    assert!(!out.stdout.contains("FAIL"), "{out}");
    assert!(out.stdout.contains("search dns.podman") && out.stdout.contains("nameserver 10.89.0.1"), "{out}");
    assert!(out.stdout.contains("10.89.0.3\t"), "the container's own address in /etc/hosts: {out}");
    // inspect shows the address, MAC and aliases.
    let v = s.cmd(&["inspect", "web"]).json();
    let n = &v[0]["NetworkSettings"]["Networks"]["app"];
    assert_eq!(n["IPAddress"], "10.89.0.2", "{v}");
    assert_eq!(n["Gateway"], "10.89.0.1");
    assert_eq!(n["Aliases"], serde_json::json!([short, "www"]));
    // --ip and --mac-address, and a second network.
    s.cmd(&["network", "create", "other"]).assert_success();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--network",
        "app",
        "--network",
        "other",
        "--ip",
        "10.89.0.77",
        "--mac-address",
        "0a:11:22:33:44:55",
        img(),
        "sh",
        "-c",
        "ip -4 addr show eth0; ip link show eth0; ip -4 addr show eth1; wget -q -O - http://web/index.html",
    ]);
    out.assert_success();
    assert!(out.stdout.contains("inet 10.89.0.77/24"), "{out}");
    assert!(out.stdout.contains("link/ether 0a:11:22:33:44:55"), "{out}");
    assert!(out.stdout.contains("inet 10.89.1.2/24"), "{out}");
    assert!(out.stdout.contains("hello from web"), "{out}");
    s.cmd(&["network", "rm", "app"])
        .assert_exit(2)
        .assert_stderr_contains("\"app\" has associated containers with it");
    s.cmd(&["network", "rm", "-f", "app"]).assert_success().assert_stdout_eq("app");
    s.cmd(&["container", "exists", "web"]).assert_exit(1);
    wait_for(Duration::from_secs(10), "the endpoints to go", || {
        endpoint_containers(&s).is_empty().then_some(())
    });
}

#[test]
fn a_new_name_resolves_right_after_start() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "fast"]).assert_success();
    // A client that asks for `late` in a loop and says when it got an answer.
    let probe = s.cmd(&[
        "run",
        TLS,
        "-d",
        "--network",
        "fast",
        img(),
        "sh",
        "-c",
        "until nslookup late >/dev/null 2>&1; do :; done; echo found; sleep 600",
    ]);
    probe.assert_success();
    let probe = probe.stdout_trimmed().to_string();
    let log_dir = s.root().join("containers").join(&probe).join("userdata");
    s.cmd(&["create", TLS, "--name", "late", "--network", "fast", img(), "sleep", "600"]).assert_success();
    // The client has been asking for a while, with no answer.
    std::thread::sleep(Duration::from_millis(500));
    // The container's output only: its other files (the kept create command) hold the script.
    let found = || fs_err::read_to_string(log_dir.join("ctr.log")).ok()?.contains("found").then_some(());
    assert!(found().is_none(), "late resolved before it started");
    s.cmd(&["start", "late"]).assert_success();
    let started = Instant::now();
    wait_for(Duration::from_secs(5), "the probe to resolve late", found);
    let took = started.elapsed();
    eprintln!(
        "a new name resolved {} ms after `start` returned (probe loop and log flush included)",
        took.as_millis()
    );
    assert!(took < Duration::from_secs(1), "{took:?}");
    s.cmd(&["rm", "-f", "-t", "0", &probe, "late"]).assert_success();
}

#[test]
fn lookups_never_fail_while_150_containers_come_and_go() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "churn"]).assert_success();
    s.cmd(&["run", TLS, "-d", "--name", "anchor", "--network", "churn", img(), "sleep", "600"])
        .assert_success();
    // A client that resolves the anchor's name without pause and counts the answers.
    let probe = s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "probe",
        "--network",
        "churn",
        img(),
        "sh",
        "-c",
        "ok=0; bad=0; while [ ! -e /stop ]; do if out=$(nslookup anchor 2>&1); then ok=$((ok+1)); else bad=$((bad+1)); echo failed: $(date +%T.%N) $out; fi; done; echo ok=$ok bad=$bad; sleep 600",
    ]);
    probe.assert_success();
    // 150 containers started and removed, 5 at a time, while it asks.
    let started = Instant::now();
    std::thread::scope(|scope| {
        for worker in 0..5 {
            let s = &s;
            scope.spawn(move || {
                for i in 0..30 {
                    let name = format!("churn{worker}x{i}");
                    s.cmd(&["run", TLS, "--rm", "--name", &name, "--network", "churn", img(), "true"])
                        .assert_success();
                }
            });
        }
    });
    let churn = started.elapsed();
    s.cmd(&["exec", "probe", "touch", "/stop"]).assert_success();
    let counts = wait_for(Duration::from_secs(10), "the probe's counts", || {
        let out = s.cmd(&["logs", "probe"]);
        out.stdout.lines().find(|l| l.starts_with("ok=")).map(String::from)
    });
    eprintln!("150 containers came and went in {} ms; lookups during it: {counts}", churn.as_millis());
    let log = s.cmd(&["logs", "probe"]).stdout;
    let (ok, bad) = counts.split_once(' ').expect("ok=N bad=N");
    let ok: u64 = ok.trim_start_matches("ok=").parse().unwrap();
    assert!(ok > 0, "the probe never resolved: {counts}");
    assert_eq!(bad, "bad=0", "failed lookups while containers came and went: {log}");
    s.cmd(&["rm", "-f", "-t", "0", "probe", "anchor"]).assert_success();
}

#[test]
fn network_connect_of_a_missing_or_unnetworked_container_is_one_line_and_changes_nothing() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "one"]).assert_success();
    s.cmd(&["network", "create", "two"]).assert_success();
    let err = s.cmd(&["network", "connect", "two", "missing"]);
    err.assert_exit(125).assert_stderr_contains("no container with name or ID \"missing\" found");
    assert_eq!(err.stderr.trim().lines().count(), 1, "{err}");
    // A stopped container without a network (pasta): refused, its settings as they were.
    s.cmd(&["create", TLS, "--name", "plain", img(), "true"]).assert_success();
    let before = s.cmd(&["inspect", "plain", "--format", "{{json .NetworkSettings}}"]).stdout;
    let err = s.cmd(&["network", "connect", "two", "plain"]);
    err.assert_exit(125).assert_stderr_contains("is not on a network");
    assert_eq!(err.stderr.trim().lines().count(), 1, "{err}");
    assert_eq!(s.cmd(&["inspect", "plain", "--format", "{{json .NetworkSettings}}"]).stdout, before);
    s.cmd(&["network", "connect", "nonet", "plain"]).assert_exit(125);
    // A stopped container on a network is connected for its next start, as podman does.
    s.cmd(&["create", TLS, "--name", "later", "--network", "one", img(), "sh", "-c", "ip -4 -o addr"])
        .assert_success();
    s.cmd(&["network", "connect", "two", "later"]).assert_success();
    let out = s.cmd(&["start", "-a", "later"]);
    out.assert_success();
    assert!(out.stdout.contains("10.89.0.") && out.stdout.contains("10.89.1."), "{out}");
    s.cmd(&["network", "connect", "two", "later"])
        .assert_exit(125)
        .assert_stderr_contains("already connected to network two");
    s.cmd(&["rm", "-f", "plain", "later"]).assert_success();
}

#[test]
fn containers_on_two_networks_cannot_reach_each_other() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "red"]).assert_success();
    s.cmd(&["network", "create", "blue"]).assert_success();
    web(&s, "red", "web", &[]);
    let ip = s
        .cmd(&["inspect", "web", "--format", "{{.NetworkSettings.Networks.red.IPAddress}}"])
        .stdout_trimmed()
        .to_string();
    assert_eq!(ip, "10.89.0.2");
    let script = format!(
        "printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc -w 3 {ip} 80; echo by-ip=$?; nslookup web >/dev/null 2>&1; echo by-name=$?"
    );
    // Same network: both work (the check can fail).
    let same = run_on(&s, "red", &script);
    assert!(same.stdout.contains("hello from web") && same.stdout.contains("by-name=0"), "{same}");
    let other = run_on(&s, "blue", &script);
    assert!(other.stdout.contains("by-ip=1"), "{other}");
    assert!(!other.stdout.contains("hello from web"), "blue reached red's container: {other}");
    assert!(other.stdout.contains("by-name=1"), "red's name resolved on blue: {other}");
    s.cmd(&["rm", "-f", "-t", "0", "web"]).assert_success();
}

/// The host's default gateway (what pasta maps to the host from the rootless namespace).
fn host_gateway() -> String {
    let table = fs_err::read_to_string("/proc/net/route").unwrap();
    let gw = table
        .lines()
        .skip(1)
        .find_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[1] == "00000000").then(|| f[2].to_string())
        })
        .expect("a default route");
    std::net::Ipv4Addr::from(u32::from_str_radix(&gw, 16).unwrap().swap_bytes()).to_string()
}

#[test]
fn an_internal_network_cannot_reach_the_host() {
    needs_tools();
    let s = Skiff::new();
    let listener = TcpListener::bind("0.0.0.0:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let gw = host_gateway();
    s.cmd(&["network", "create", "open"]).assert_success();
    s.cmd(&["network", "create", "--internal", "closed"]).assert_success();
    let script = format!("echo hi | nc -w 3 {gw} {port}; echo rc=$?; ip route");
    // From an open network the host answers (so the check can fail)...
    let open = run_on(&s, "open", &script);
    assert!(open.stdout.contains("default via"), "{open}");
    let reached = listener.accept().is_ok();
    assert!(reached, "a container on an open network did not reach the host at {gw}:{port}: {open}");
    // ...from an internal one it does not: no default route, and the rootless namespace drops it.
    let closed = run_on(&s, "closed", &format!("{script}; echo hi | nc -w 3 10.89.1.1 {port}; echo gw=$?"));
    assert!(!closed.stdout.contains("default via"), "{closed}");
    assert!(closed.stdout.contains("rc=1") && closed.stdout.contains("gw=1"), "{closed}");
    assert!(listener.accept().is_err(), "a container on an internal network reached the host: {closed}");
}

#[test]
fn a_published_port_reaches_a_container_on_a_network_and_the_server_sees_the_host() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "pub"]).assert_success();
    // The server answers with the kernel's view of the connection (IPv4-mapped in tcp6).
    s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "srv",
        "--network",
        "pub",
        "-p",
        "127.0.0.1::8080",
        img(),
        "sh",
        "-c",
        "while true; do nc -l -p 8080 -e sh -c 'cat /proc/net/tcp6'; done",
    ])
    .assert_success();
    let addr = s.cmd(&["port", "srv", "8080"]).stdout_trimmed().to_string();
    let table = wait_for(Duration::from_secs(20), "the published port to answer", || {
        let mut c = TcpStream::connect(&addr).ok()?;
        c.set_read_timeout(Some(Duration::from_secs(3))).ok()?;
        c.shutdown(std::net::Shutdown::Write).ok()?;
        let mut out = String::new();
        c.read_to_string(&mut out).ok()?;
        out.contains(":1F90").then_some(out)
    });
    // The established connection to :8080 (0x1F90): its remote address.
    let line = table.lines().find(|l| l.contains(":1F90 ") && !l.contains(" 0A ")).expect("the connection");
    let remote = line.split_whitespace().nth(2).unwrap();
    let hex = &remote[24..32];
    let ip = std::net::Ipv4Addr::from(u32::from_str_radix(hex, 16).unwrap().swap_bytes());
    eprintln!("the server saw the client as {ip}");
    assert!(!ip.to_string().starts_with("10.89."), "the server saw a gateway address {ip}, not the host");
    let host_addrs = fs_err::read_to_string("/proc/net/fib_trie").unwrap_or_default();
    assert!(
        host_addrs.contains(&ip.to_string()) || ip.is_loopback(),
        "{ip} is not one of the host's addresses"
    );
    s.cmd(&["rm", "-f", "-t", "0", "srv"]).assert_success();
    assert!(TcpStream::connect(&addr).is_err(), "{addr} still answers after rm -f");
}

#[test]
fn network_connect_and_disconnect_a_running_container() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "one"]).assert_success();
    s.cmd(&["network", "create", "two"]).assert_success();
    web(&s, "one", "web", &[]);
    s.cmd(&["network", "connect", "--alias", "site", "two", "web"]).assert_success().assert_stdout_eq("");
    let out = run_on(&s, "two", "wget -q -O - http://site/index.html");
    assert!(out.stdout.contains("hello from web"), "{out}");
    let hosts = s.cmd(&["exec", "web", "cat", "/etc/hosts"]);
    assert!(hosts.stdout.contains("10.89.1.2\t"), "{hosts}");
    s.cmd(&["network", "disconnect", "two", "web"]).assert_success().assert_stdout_eq("");
    let hosts = s.cmd(&["exec", "web", "cat", "/etc/hosts"]);
    assert!(!hosts.stdout.contains("10.89.1.2"), "{hosts}");
    let out = run_on(&s, "two", "nslookup site >/dev/null 2>&1; echo rc=$?");
    assert!(out.stdout.contains("rc=1"), "{out}");
    // Bad input: one clear line each, nothing changed.
    s.cmd(&["network", "connect", "two", "nosuch"])
        .assert_exit(125)
        .assert_stderr_contains("no container with name or ID \"nosuch\"");
    s.cmd(&["network", "connect", "one", "web"])
        .assert_exit(125)
        .assert_stderr_contains("already connected to network one");
    s.cmd(&["network", "disconnect", "two", "web"])
        .assert_exit(125)
        .assert_stderr_contains("is not connected to network two");
    s.cmd(&["run", TLS, "--rm", "--network", "nosuch", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("unable to find network with name or ID nosuch");
    s.cmd(&["run", TLS, "--rm", "--network", "one", "--ip", "10.1.2.3", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid --ip 10.1.2.3: not in subnet 10.89.0.0/24 of network one");
    s.cmd(&["rm", "-f", "-t", "0", "web"]).assert_success();
}

#[test]
fn kill_9_of_network_create_and_run_leaves_nothing_the_next_command_cannot_repair() {
    needs_tools();
    let s = Skiff::new();
    // network create, killed at different moments.
    for (i, delay) in [0u64, 1, 2, 4, 8].iter().enumerate() {
        let mut child = s.command(&["network", "create", &format!("k{i}")]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(*delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    let ls = s.cmd(&["network", "ls", "-q"]);
    ls.assert_success();
    s.cmd(&["network", "create", "after"]).assert_success();
    for name in ls.lines().into_iter().filter(|n| n.starts_with('k')) {
        s.cmd(&["network", "inspect", name]).assert_success();
    }
    // run on a network, killed at different moments (the holder, setup, veths...).
    for delay in [50u64, 200, 400, 800] {
        let mut child =
            s.command(&["run", TLS, "-d", "--network", "after", img(), "sleep", "600"]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    // A container whose supervisor and process are killed: its endpoint is stale.
    let victim = s.cmd(&["run", TLS, "-d", "--name", "victim", "--network", "after", img(), "sleep", "600"]);
    victim.assert_success();
    let victim = victim.stdout_trimmed().to_string();
    let run = s.runroot().join("containers").join(&victim);
    for file in ["supervisor.pid", "container.pid"] {
        if let Some(pid) =
            fs_err::read_to_string(run.join(file)).ok().and_then(|p| p.trim().parse::<i32>().ok())
        {
            let _ = util::run_program("kill", &["-9", &pid.to_string()]);
        }
    }
    // The next commands work, and the killed container's address goes back to the pool.
    web(&s, "after", "web", &[]);
    let out = run_on(&s, "after", "wget -q -O - http://web/index.html");
    assert!(out.stdout.contains("hello from web"), "{out}");
    wait_for(Duration::from_secs(10), "the stale endpoint to be reclaimed", || {
        (!endpoint_containers(&s).contains(&victim)).then_some(())
    });
    s.cmd(&["rm", "-a", "-f", "-t", "0"]).assert_success();
    s.cmd(&["network", "rm", "after"]).assert_success();
    let holder = s.runroot().join("networks").join("holder.pid");
    wait_for(Duration::from_secs(10), "the rootless namespace to stop with its last container", || {
        (!holder.exists()).then_some(())
    });
}

#[test]
fn kill_9_of_network_connect_disconnect_and_rm_leaves_nothing_the_next_command_cannot_repair() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "base"]).assert_success();
    web(&s, "base", "web", &[]);
    let killed = |args: &[&str], delay: u64| {
        let mut child = s.command(args).stdout(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    };
    for (i, delay) in [0u64, 20, 60, 150, 300].iter().enumerate() {
        let net = format!("k{i}");
        s.cmd(&["network", "create", &net]).assert_success();
        killed(&["network", "connect", &net, "web"], *delay);
        killed(&["network", "disconnect", &net, "web"], *delay);
        s.cmd(&["network", "create", &format!("spare{i}")]).assert_success();
        killed(&["network", "rm", &format!("spare{i}")], *delay);
    }
    // The next commands repair what was left: each network can be connected, used, disconnected
    // and removed; the container still answers by name on its first network.
    for i in 0..5 {
        let net = format!("k{i}");
        let c = s.cmd(&["network", "connect", &net, "web"]);
        assert!(
            c.status.success() || c.stderr.contains("already connected"),
            "network connect after a killed one: {c}"
        );
        let out = run_on(&s, &net, "wget -q -O - http://web/index.html");
        assert!(
            out.stdout.contains("hello from web"),
            "{net}: {out}\nconnect: {c}\nendpoints: {}",
            endpoints(&s)
        );
        s.cmd(&["network", "disconnect", &net, "web"]).assert_success();
        s.cmd(&["network", "rm", &net]).assert_success();
        s.cmd(&["network", "rm", "-f", &format!("spare{i}")]).assert_success();
    }
    let out = run_on(&s, "base", "wget -q -O - http://web/index.html");
    assert!(out.stdout.contains("hello from web"), "{out}");
    s.cmd(&["rm", "-f", "-t", "0", "web"]).assert_success();
    s.cmd(&["network", "rm", "base"]).assert_success();
    let ls = s.cmd(&["network", "ls", "-q"]);
    assert_eq!(ls.lines(), ["podman"], "{ls}");
}

/// A static UDP tool, compiled here with the host's C compiler (busybox's `nc` has no UDP mode):
/// `udp serve PORT` echoes datagrams back; `udp ask IP PORT TEXT` sends TEXT and prints the reply
/// (exit 1 after 5 s without one).
fn udp_tool(dir: &std::path::Path) -> Vec<u8> {
    let src = dir.join("udp.c");
    fs_err::write(
        &src,
        r#"#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
int main(int argc, char **argv) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    char buf[2048];
    if (argc == 3 && !strcmp(argv[1], "serve")) {
        a.sin_port = htons(atoi(argv[2]));
        if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0) return 1;
        for (;;) {
            struct sockaddr_in peer;
            socklen_t len = sizeof peer;
            ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&peer, &len);
            if (n > 0) sendto(s, buf, n, 0, (struct sockaddr *)&peer, len);
        }
    }
    if (argc != 5 || strcmp(argv[1], "ask") || inet_pton(AF_INET, argv[2], &a.sin_addr) != 1) return 2;
    a.sin_port = htons(atoi(argv[3]));
    struct timeval t = {0, 200000};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &t, sizeof t);
    for (int i = 0; i < 25; i++) {
        sendto(s, argv[4], strlen(argv[4]), 0, (struct sockaddr *)&a, sizeof a);
        ssize_t n = recv(s, buf, sizeof buf - 1, 0);
        if (n > 0) { buf[n] = 0; printf("%s\n", buf); return 0; }
    }
    return 1;
}
"#,
    )
    .unwrap();
    let cc = util::require_program("cc", "gcc");
    let bin = dir.join("udp");
    util::run_program(
        cc.to_str().unwrap(),
        &["-static", "-O2", "-o", bin.to_str().unwrap(), src.to_str().unwrap()],
    )
    .assert_success();
    fs_err::read(bin).unwrap()
}

/// `run -i ... sh -c SCRIPT` with `binary` on its stdin (the script saves it as /tmp/udp).
fn run_with_binary(s: &Skiff, args: &[&str], binary: &[u8]) -> std::process::Child {
    use std::io::Write;
    let mut cmd = s.command(args);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(binary).unwrap();
    drop(stdin);
    child
}

#[test]
fn udp_between_containers_by_name_and_alias() {
    needs_tools();
    let s = Skiff::new();
    let dir = util::tempdir("udp");
    let udp = udp_tool(dir.path());
    s.cmd(&["network", "create", "dgram"]).assert_success();
    let save = "cat > /tmp/udp && chmod +x /tmp/udp && ";
    let server = run_with_binary(
        &s,
        &[
            "run",
            TLS,
            "-i",
            "--name",
            "echo",
            "--network",
            "dgram",
            "--network-alias",
            "echoes",
            img(),
            "sh",
            "-c",
            &format!("{save}exec /tmp/udp serve 5353"),
        ],
        &udp,
    );
    wait_for(Duration::from_secs(30), "the UDP server to run", || {
        let out = s.cmd(&["exec", "echo", "sh", "-c", "grep -q ':14E9 ' /proc/net/udp && echo up"]);
        (out.stdout_trimmed() == "up").then_some(())
    });
    for name in ["echo", "echoes"] {
        // The name through the network's resolver, then a datagram there and back.
        let script = format!(
            "{save}ip=$(nslookup {name} | awk '/^Address/ {{a=$NF}} END {{print a}}' | cut -d: -f1) && echo ip=$ip && /tmp/udp ask $ip 5353 hello-over-udp"
        );
        let client = run_with_binary(
            &s,
            &["run", TLS, "-i", "--rm", "--network", "dgram", img(), "sh", "-c", &script],
            &udp,
        );
        let out = client.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name}: {text} {}", String::from_utf8_lossy(&out.stderr));
        assert!(text.contains("ip=10.89.0.2") && text.contains("hello-over-udp"), "{name}: {text}");
    }
    s.cmd(&["rm", "-f", "-t", "0", "echo"]).assert_success();
    let _ = server.wait_with_output();
}

#[test]
fn network_reload_applies_the_rules_again_and_names_the_containers() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "rl"]).assert_success();
    let id = web(&s, "rl", "web", &[]);
    s.cmd(&["network", "reload", "web"]).assert_success().assert_stdout_eq(&id);
    s.cmd(&["network", "reload", "--all"]).assert_success().assert_stdout_eq(&id);
    let out = run_on(&s, "rl", "wget -q -O - http://web/index.html");
    assert!(out.stdout.contains("hello from web"), "{out}");
    // Two networks stay apart after a reload.
    s.cmd(&["network", "create", "other"]).assert_success();
    let other = run_on(&s, "other", "wget -q -T 2 -O - http://10.89.0.2/index.html; echo rc=$?");
    assert!(!other.stdout.contains("hello from web"), "{other}");
    s.cmd(&["create", TLS, "--name", "plain", img(), "true"]).assert_success();
    s.cmd(&["network", "reload", "plain"]).assert_exit(125).assert_stderr_contains("is not on a network");
    s.cmd(&["rm", "-f", "-t", "0", "web", "plain"]).assert_success();
}

/// An HTTP GET of `/` on 127.0.0.1:`port`: the body, once it answers (within `limit`).
fn http_get(port: u16, limit: Duration) -> Option<String> {
    let deadline = Instant::now() + limit;
    loop {
        let got = (|| {
            let mut c = TcpStream::connect(("127.0.0.1", port)).ok()?;
            c.set_read_timeout(Some(Duration::from_secs(3))).ok()?;
            std::io::Write::write_all(&mut c, b"GET / HTTP/1.0\r\n\r\n").ok()?;
            let mut out = String::new();
            c.read_to_string(&mut out).ok()?;
            let (_, body) = out.split_once("\r\n\r\n")?;
            Some(body.to_string())
        })();
        if got.is_some() || Instant::now() >= deadline {
            return got;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `count` consecutive free TCP ports on 127.0.0.1 (and 0.0.0.0), from 20000 up.
fn free_port_range(count: u16) -> u16 {
    let free = |p: u16| TcpListener::bind(("0.0.0.0", p)).is_ok();
    (20000..40000u16).step_by(7).find(|start| (*start..*start + count).all(free)).expect("a free port range")
}

#[test]
fn a_container_taken_off_its_last_network_is_connected_again_and_its_port_answers_at_once() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "one"]).assert_success();
    s.cmd(&["network", "create", "two"]).assert_success();
    // Another container keeps the network's bridge (and its neighbour table) alive meanwhile.
    web(&s, "one", "keeper", &[]);
    let port = free_port_range(1);
    let id = web(&s, "one", "site", &["-p", &format!("{port}:80")]);
    assert_eq!(http_get(port, Duration::from_secs(20)).as_deref(), Some("hello from site\n"));
    let ip_of = |net: &str| {
        let f = format!("{{{{(index .NetworkSettings.Networks \"{net}\").IPAddress}}}}");
        s.cmd(&["inspect", "site", "--format", &f]).stdout_trimmed().to_string()
    };
    let old = ip_of("one");
    s.cmd(&["network", "disconnect", "one", "site"]).assert_success().assert_stdout_eq("");
    let hosts = s.cmd(&["exec", "site", "cat", "/etc/hosts"]);
    assert!(!hosts.stdout.contains(&old), "{hosts}");
    assert_eq!(http_get(port, Duration::ZERO), None, "the port answers with no network");
    // Off every network, still a network container: connect puts it back, on a new address.
    s.cmd(&["network", "connect", "one", "site"]).assert_success().assert_stdout_eq("");
    let start = Instant::now();
    assert_eq!(http_get(port, Duration::from_secs(10)).as_deref(), Some("hello from site\n"));
    eprintln!("the port answered {:?} after connect", start.elapsed());
    assert!(start.elapsed() < Duration::from_secs(2), "the port took {:?} to answer", start.elapsed());
    let new = ip_of("one");
    assert_ne!(new, old, "the address let go was handed out again at once");
    let hosts = s.cmd(&["exec", "site", "cat", "/etc/hosts"]);
    assert!(hosts.stdout.contains(&format!("{new}\t{} site", &id[..12])), "{hosts}");
    // A second network, then the first one goes: the port follows.
    s.cmd(&["network", "connect", "two", "site"]).assert_success();
    s.cmd(&["network", "disconnect", "one", "site"]).assert_success();
    assert_eq!(http_get(port, Duration::from_secs(10)).as_deref(), Some("hello from site\n"));
    s.cmd(&["rm", "-f", "-t", "0", "site", "keeper"]).assert_success();
}

#[test]
fn containers_conf_dns_and_hosts_settings_reach_the_containers_files() {
    needs_tools();
    let s = Skiff::new();
    let base = s.dir().join("base-hosts");
    fs_err::write(&base, "172.16.1.1 one.example\n172.16.1.2 two.example # a comment\n").unwrap();
    let conf = s.dir().join("containers.conf");
    fs_err::write(
        &conf,
        format!(
            "[containers]\ndns_searches = [\"example.com\"]\ndns_servers = [\"1.1.1.1\", \"100.100.100.100\"]\n\
             dns_options = [\"ndots:3\"]\nbase_hosts_file = \"{}\"\nhost_containers_internal_ip = \"172.16.9.9\"\n",
            base.display()
        ),
    )
    .unwrap();
    let conf = conf.to_string_lossy().into_owned();
    let env = [("CONTAINERS_CONF", conf.as_str())];
    let files = "cat /etc/resolv.conf; echo ---; cat /etc/hosts";
    // containers.conf's servers first, then --dns; its search domains and options.
    let out = s.cmd_env(&["run", TLS, "--rm", "--dns", "9.9.9.9", img(), "sh", "-c", files], &env);
    out.assert_success();
    let (resolv, hosts) = out.stdout.split_once("---\n").expect("two files");
    assert_eq!(
        resolv,
        "search example.com\nnameserver 1.1.1.1\nnameserver 100.100.100.100\nnameserver 9.9.9.9\noptions ndots:3\n"
    );
    let lines: Vec<&str> = hosts.lines().collect();
    assert_eq!(lines[..2], ["172.16.1.1\tone.example", "172.16.1.2\ttwo.example"], "{out}");
    assert!(lines.contains(&"127.0.0.1\tlocalhost") && lines.contains(&"::1\tlocalhost"), "{out}");
    assert!(lines.contains(&"172.16.9.9\thost.containers.internal host.docker.internal"), "{out}");
    assert_eq!(lines.len(), 6, "base entries, localhost twice, the host, the container: {out}");
    // A container whose name and hostname the base file has: no line of its own.
    let out = s.cmd_env(
        &[
            "run",
            TLS,
            "--rm",
            "--name",
            "one.example",
            "--hostname",
            "one.example",
            img(),
            "cat",
            "/etc/hosts",
        ],
        &env,
    );
    assert_eq!(out.assert_success().lines().len(), 5, "{out}");
    // On a network, containers.conf's servers replace the network's resolver.
    s.cmd(&["network", "create", "--subnet", "10.123.0.0/24", "withdns"]).assert_success();
    let out =
        s.cmd_env(&["run", TLS, "--rm", "--network", "withdns", img(), "cat", "/etc/resolv.conf"], &env);
    out.assert_success().assert_stdout_eq(
        "search example.com\nnameserver 1.1.1.1\nnameserver 100.100.100.100\noptions ndots:3",
    );
    let out = run_on(&s, "withdns", "cat /etc/resolv.conf");
    assert!(
        out.stdout.starts_with("search dns.podman") && out.stdout.contains("nameserver 10.123.0.1\n"),
        "{out}"
    );
    // host_containers_internal_ip = "none": no such line; base_hosts_file = "none": none of the host's.
    let conf2 = s.dir().join("none.conf");
    fs_err::write(
        &conf2,
        "[containers]\nhost_containers_internal_ip = \"none\"\nbase_hosts_file = \"none\"\n",
    )
    .unwrap();
    let conf2 = conf2.to_string_lossy().into_owned();
    let out = s.cmd_env(
        &["run", TLS, "--rm", "--name", "solo", img(), "cat", "/etc/hosts"],
        &[("CONTAINERS_CONF", conf2.as_str())],
    );
    let lines = out.assert_success().lines();
    assert_eq!(lines[..2], ["127.0.0.1\tlocalhost", "::1\tlocalhost"], "{out}");
    assert!(lines[2].ends_with(" solo") && lines.len() == 3, "{out}");
    // no_hosts = true: /etc/hosts is the image's (the fixture has none: empty), nothing of skiff's.
    let conf3 = s.dir().join("nohosts.conf");
    fs_err::write(&conf3, "[containers]\nno_hosts = true\n").unwrap();
    let conf3 = conf3.to_string_lossy().into_owned();
    let out = s.cmd_env(
        &["run", TLS, "--rm", "--name", "nohosts", img(), "cat", "/etc/hosts"],
        &[("CONTAINERS_CONF", conf3.as_str())],
    );
    out.assert_success().assert_stdout_eq("");
    // A base file that cannot be read: the start fails and says which file (126, as podman's
    // `run` exits when the container cannot be started).
    fs_err::write(s.dir().join("bad.conf"), "[containers]\nbase_hosts_file = \"/nonexistent/hosts\"\n")
        .unwrap();
    let bad = s.dir().join("bad.conf").to_string_lossy().into_owned();
    s.cmd_env(&["run", TLS, "--rm", img(), "true"], &[("CONTAINERS_CONF", bad.as_str())])
        .assert_exit(126)
        .assert_stderr_contains("/nonexistent/hosts");
}

#[test]
fn dns_opt_is_podmans_other_name_for_dns_option() {
    util::require_unprivileged();
    util::require_program("pasta", "passt");
    let s = Skiff::new();
    for flag in ["--dns-opt=ndots:4", "--dns-option=ndots:4"] {
        let out = s.cmd(&["run", TLS, "--rm", flag, img(), "grep", "^options", "/etc/resolv.conf"]);
        out.assert_success().assert_stdout_eq("options ndots:4");
    }
}

#[test]
fn nft_is_found_in_sbin_when_path_lacks_it() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["network", "create", "sbin"]).assert_success();
    let path = [("PATH", "/usr/local/bin:/usr/bin:/bin")];
    let out = s.cmd_env(
        &["run", TLS, "--rm", "--network", "sbin", img(), "ip", "-o", "-4", "addr", "show", "eth0"],
        &path,
    );
    out.assert_success().assert_stdout_contains("inet 10.89.0.2/24");
}

#[test]
fn port_ranges_are_published_with_each_helper_and_port_handler() {
    needs_tools();
    util::require_program("slirp4netns", "slirp4netns");
    let s = Skiff::new();
    for network in [
        "pasta",
        "slirp4netns",
        "slirp4netns:port_handler=slirp4netns",
        "slirp4netns:port_handler=rootlesskit",
    ] {
        let start = free_port_range(3);
        let range = format!("{start}-{}", start + 2);
        let script = format!(
            "for p in $(seq {start} {}); do mkdir -p /w$p && echo port $p > /w$p/index.html && httpd -p $p -h /w$p; done; exec sleep 600",
            start + 2
        );
        let out = s.cmd(&[
            "run",
            TLS,
            "-d",
            "--network",
            network,
            "-p",
            &format!("{range}:{range}"),
            img(),
            "sh",
            "-c",
            &script,
        ]);
        out.assert_success();
        let id = out.stdout_trimmed().to_string();
        for p in start..start + 3 {
            let body = http_get(p, Duration::from_secs(20));
            assert_eq!(body.as_deref(), Some(format!("port {p}\n").as_str()), "{network}: port {p}");
        }
        let ports = s.cmd(&["port", &id]);
        assert_eq!(ports.assert_success().lines().len(), 3, "{network}: {ports}");
        s.cmd(&["rm", "-f", "-t", "0", &id]).assert_success();
    }
    s.cmd(&["run", TLS, "--rm", "--network", "slirp4netns:port_handler=nope", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid --network slirp4netns option \"port_handler=nope\"");
}

#[test]
fn port_of_a_port_not_published_says_which_as_podman_does() {
    util::require_unprivileged();
    util::require_program("pasta", "passt");
    let s = Skiff::new();
    let port = free_port_range(1);
    let id = web(&s, "pasta", "web", &["-p", &format!("{port}:80")]);
    s.cmd(&["port", "web", "80/tcp"]).assert_success().assert_stdout_eq(&format!("0.0.0.0:{port}"));
    let err = s.cmd(&["port", "web", "99/tcp"]);
    err.assert_exit(125);
    assert_eq!(err.stderr.trim(), "Error: failed to find published port \"99/tcp\"", "{err}");
    s.cmd(&["rm", "-f", "-t", "0", &id]).assert_success();
}

/// The host's first non-loopback IPv4 address, as `hostname -I` lists it first.
fn host_first_ipv4() -> String {
    let out = std::process::Command::new("hostname").arg("-I").output().expect("hostname -I");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace()
        .find(|a| a.parse::<std::net::Ipv4Addr>().is_ok())
        .expect("an IPv4 address")
        .to_string()
}

#[test]
fn hosts_of_slirp4netns_and_none_name_the_container_and_the_hosts_address() {
    util::require_unprivileged();
    util::require_program("slirp4netns", "slirp4netns");
    let s = Skiff::new();
    let host = host_first_ipv4();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--network",
        "slirp4netns:cidr=172.25.3.0/24",
        "--name",
        "cn",
        "--hostname",
        "cn",
        img(),
        "cat",
        "/etc/hosts",
    ]);
    let lines = out.assert_success().lines();
    assert!(
        lines.contains(&format!("{host}\thost.containers.internal host.docker.internal").as_str()),
        "{out}"
    );
    assert!(lines.contains(&"172.25.3.100\tcn cn"), "{out}");
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--network",
        "none",
        "--name",
        "quiet",
        img(),
        "sh",
        "-c",
        "cat /etc/hosts; hostname",
    ]);
    let lines = out.assert_success().lines();
    let hostname = lines.last().unwrap().to_string();
    assert!(lines.contains(&format!("127.0.0.1\t{hostname} quiet").as_str()), "{out}");
}

#[test]
fn a_container_on_the_hosts_network_has_the_hosts_name_and_the_hosts_entries() {
    util::require_unprivileged();
    let s = Skiff::new();
    let host = nix::unistd::gethostname().unwrap().into_string().unwrap();
    let out =
        s.cmd(&["run", TLS, "--rm", "--network", "host", img(), "sh", "-c", "hostname; cat /etc/hostname"]);
    assert_eq!(out.assert_success().lines(), [host.as_str(), host.as_str()], "{out}");
    let out = s.cmd(&["run", TLS, "--rm", "--network", "host", "--hostname", "mine", img(), "hostname"]);
    out.assert_success().assert_stdout_eq("mine");
    // The host's own /etc/hosts entries come first, as in podman.
    let first = files_first_entry("/etc/hosts");
    let out = s.cmd(&["run", TLS, "--rm", "--network", "host", img(), "head", "-n", "1", "/etc/hosts"]);
    out.assert_success().assert_stdout_eq(&first);
}

/// The first entry of a hosts file as podman rewrites it: `IP<TAB>NAMES`, comments dropped.
fn files_first_entry(path: &str) -> String {
    let text = fs_err::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").split_whitespace().collect::<Vec<_>>())
        .find(|f| f.len() >= 2)
        .map(|f| format!("{}\t{}", f[0], f[1..].join(" ")))
        .expect("the host's /etc/hosts has an entry")
}
