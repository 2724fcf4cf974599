//! Pods (issue #14): containers of a pod meet on localhost and share the pod's hostname and
//! /dev/shm; the pod starts, stops and is removed as one; bad input is one clear line; a `kill -9`
//! of `pod create` leaves nothing the next command cannot clean up. Everything real: the infra
//! container, pasta, the shared namespaces.

use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";

fn img() -> &'static str {
    &fixtures().busybox.reference
}

fn needs_tools() {
    util::require_unprivileged();
    util::require_program("pasta", "passt");
}

#[track_caller]
fn wait_for<T>(limit: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `pod ps --format '{{.Name}} {{.Status}} {{.NumberOfContainers}}'`.
fn pod_status(s: &Skiff) -> Vec<String> {
    let out = s.cmd(&["pod", "ps", "--format", "{{.Name}} {{.Status}} {{.NumberOfContainers}}"]);
    out.assert_success();
    out.lines().into_iter().map(String::from).collect()
}

#[test]
fn containers_of_a_pod_talk_over_localhost_and_share_hostname_and_shm() {
    needs_tools();
    let s = Skiff::new();
    let pod = s.cmd(&["pod", "create", "--name", "web", "--label", "team=a"]);
    pod.assert_success();
    let pod_id = pod.stdout_trimmed().to_string();
    assert_eq!(pod_id.len(), 64, "{pod}");
    assert_eq!(pod_status(&s), ["web Created 1"]);
    // A server on 127.0.0.1 only: reachable from the pod's other containers, nowhere else.
    let server = s.cmd(&[
        "run",
        TLS,
        "-d",
        "--pod",
        "web",
        "--name",
        "server",
        img(),
        "sh",
        "-c",
        "mkdir -p /www && echo hello over localhost > /www/index.html && exec httpd -f -p 127.0.0.1:8080 -h /www",
    ]);
    server.assert_success();
    let client = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--pod",
        "web",
        img(),
        "sh",
        "-c",
        "for i in $(seq 50); do wget -q -O - http://127.0.0.1:8080/index.html && break; sleep 0.1; done; hostname; touch /dev/shm/from-client",
    ]);
    client.assert_success();
    assert_eq!(client.lines(), ["hello over localhost", "web"], "{client}");
    // One /dev/shm for the pod.
    s.cmd(&["exec", "server", "ls", "/dev/shm"]).assert_success().assert_stdout_eq("from-client");
    // ps shows the infra container and each container's pod.
    let ps = s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.Pod}} {{.PodName}}"]);
    ps.assert_success();
    let short = &pod_id[..12];
    let mut lines = ps.lines();
    lines.sort();
    assert_eq!(lines, [format!("{short}-infra {short} web"), format!("server {short} web")], "{ps}");
    s.cmd(&["ps", "-q", "--filter", "pod=web"]).assert_success();
    assert_eq!(s.cmd(&["ps", "-a", "-q", "--filter", "pod=web"]).lines().len(), 2);
    assert_eq!(pod_status(&s), ["web Running 2"]);
    let v = s.cmd(&["pod", "inspect", "web"]).json();
    assert_eq!(v["Name"], "web");
    assert_eq!(v["Labels"]["team"], "a");
    assert_eq!(v["SharedNamespaces"], serde_json::json!(["ipc", "net", "uts"]));
    assert_eq!(v["NumContainers"], 2);
    // They stop together, start together, and still meet.
    s.cmd(&["pod", "stop", "-t", "1", "web"]).assert_success().assert_stdout_eq(&pod_id);
    assert_eq!(pod_status(&s), ["web Exited 2"]);
    s.cmd(&["pod", "start", "web"]).assert_success();
    assert_eq!(pod_status(&s), ["web Running 2"]);
    let again = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--pod",
        "web",
        img(),
        "sh",
        "-c",
        "for i in $(seq 50); do wget -q -O - http://127.0.0.1:8080/index.html && break; sleep 0.1; done",
    ]);
    again.assert_success().assert_stdout_eq("hello over localhost");
    let top = s.cmd(&["pod", "top", "web"]);
    top.assert_success();
    assert!(top.stdout.contains("httpd -f -p 127.0.0.1:8080"), "{top}");
    // Removed as one.
    s.cmd(&["pod", "rm", "web"]).assert_exit(125).assert_stderr_contains("cannot be removed without force");
    s.cmd(&["pod", "rm", "-f", "-t", "0", "web"]).assert_success().assert_stdout_eq(&pod_id);
    assert!(pod_status(&s).is_empty());
    assert!(s.cmd(&["ps", "-a", "-q"]).lines().is_empty());
    s.cmd(&["pod", "exists", "web"]).assert_exit(1);
    // The infra image goes by the name podman's scripts compute for podman's own pause image.
    let version = s.cmd(&["version", "--format", "{{.Server.Version}}-{{.Server.Built}}"]);
    let pause = format!("localhost/podman-pause:{}", version.stdout_trimmed());
    s.cmd(&["rmi", &pause]).assert_success().assert_stdout_contains(&format!("Untagged: {pause}"));
}

#[test]
fn pod_bad_input_is_one_line_and_changes_nothing() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["pod", "create", "--share", "bogus", "--name", "p"])
        .assert_exit(125)
        .assert_stderr_contains("invalid kernel namespace to share: bogus");
    s.cmd(&["pod", "create", "--exit-policy", "sometimes"])
        .assert_exit(125)
        .assert_stderr_contains("invalid pod exit policy: \"sometimes\"");
    assert!(pod_status(&s).is_empty());
    s.cmd(&["pod", "create", "--name", "p"]).assert_success();
    s.cmd(&["pod", "create", "--name", "p"]).assert_exit(125).assert_stderr_contains("name \"p\" is in use");
    s.cmd(&["pod", "rm", "nope"]).assert_exit(1).assert_stderr_contains("no pod with name or ID nope found");
    s.cmd(&["pod", "rm", "-f", "nope"]).assert_success().assert_stdout_eq("");
    s.cmd(&["run", TLS, "--rm", "--pod", "nope", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("no pod with name or ID nope found");
    s.cmd(&["run", TLS, "--rm", "--pod", "p", "--hostname", "other", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("cannot set hostname when joining the pod UTS namespace");
    s.cmd(&["run", TLS, "--rm", "--pod", "p", "-p", "8080:80", img(), "true"]).assert_exit(125);
    // The infra container goes only with its pod.
    let infra = s.cmd(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "p"]);
    infra.assert_success();
    let infra = infra.stdout_trimmed().to_string();
    let err = s.cmd(&["rm", "-f", &infra]);
    err.assert_exit(125).assert_stderr_contains("cannot be removed without removing the pod");
    assert_eq!(err.stderr.trim().lines().count(), 1, "{err}");
    s.cmd(&["container", "exists", &infra]).assert_success();
    s.cmd(&["rm", "--depend", &infra]).assert_success().assert_stdout_contains(&infra);
    s.cmd(&["pod", "exists", "p"]).assert_exit(1);
    // --share without net: the pod's containers keep networks of their own, and a hostname.
    s.cmd(&["pod", "create", "--share", "ipc", "--name", "q"]).assert_success();
    s.cmd(&["run", TLS, "--rm", "--pod", "q", "--hostname", "mine", img(), "hostname"])
        .assert_success()
        .assert_stdout_eq("mine");
    // new:NAME creates the pod, named after it by default.
    s.cmd(&["run", TLS, "--rm", "--pod", "new:fresh", img(), "hostname"])
        .assert_success()
        .assert_stdout_eq("fresh");
    s.cmd(&["pod", "exists", "fresh"]).assert_success();
    s.cmd(&["pod", "rm", "-a", "-f", "-t", "0"]).assert_success();
    assert!(pod_status(&s).is_empty());
}

#[test]
fn kill_9_of_pod_create_and_run_in_a_pod_leaves_nothing_the_next_command_cannot_clean() {
    needs_tools();
    let s = Skiff::new();
    // Made once, so that the kills land in the pod's own steps.
    s.cmd(&["pod", "create", "--name", "warm"]).assert_success();
    for (i, delay) in [0u64, 5, 20, 50, 100, 200].iter().enumerate() {
        let mut child = s
            .command(&["pod", "create", "--name", &format!("k{i}")])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(*delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    for delay in [50u64, 200, 400] {
        let mut child = s
            .command(&["run", TLS, "-d", "--pod", "warm", img(), "sleep", "600"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    // Every command still works, and one `pod rm -a -f` plus `rm -a -f` leave an empty store.
    pod_status(&s);
    s.cmd(&["ps", "-a"]).assert_success();
    s.cmd(&["run", TLS, "--rm", "--pod", "warm", img(), "true"]).assert_success();
    s.cmd(&["pod", "rm", "-a", "-f", "-t", "0"]).assert_success();
    s.cmd(&["rm", "-a", "-f", "-t", "0"]).assert_success();
    assert!(pod_status(&s).is_empty());
    wait_for(Duration::from_secs(10), "every container to go", || {
        s.cmd(&["ps", "-a", "-q"]).lines().is_empty().then_some(())
    });
}

#[test]
fn a_pods_containers_have_podmans_hosts_file_the_pod_and_infra_names_and_their_own_on_loopback() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["pod", "create", "--name", "hp", "--infra-name", "hp-infra"]).assert_success();
    let first = s.cmd(&["run", TLS, "--rm", "--pod", "hp", "--name", "one", img(), "cat", "/etc/hosts"]);
    let lines = first.assert_success().lines();
    // The infra's line: its address with the pod's hostname and the infra's name.
    let infra_line = lines.iter().find(|l| l.ends_with("\thp hp-infra")).unwrap_or_else(|| panic!("{first}"));
    assert!(!infra_line.starts_with("127."), "the infra's own address: {first}");
    assert!(lines.iter().any(|l| l.contains("\thost.containers.internal")), "{first}");
    // The member's own name on loopback (its hostname, the pod's, is there already).
    assert_eq!(lines.last().copied(), Some("127.0.0.1\tone"), "{first}");
    let second = s.cmd(&["run", TLS, "--rm", "--pod", "hp", "--name", "two", img(), "cat", "/etc/hosts"]);
    let lines2 = second.assert_success().lines();
    assert_eq!(lines2.last().copied(), Some("127.0.0.1\ttwo"), "{second}");
    assert!(!second.stdout.contains("\tone"), "the first container's line stays with it: {second}");
    assert_eq!(lines.len(), lines2.len(), "{first}{second}");
    s.cmd(&["pod", "rm", "-f", "-t", "0", "hp"]).assert_success();
}

#[test]
fn share_pid_puts_a_pods_containers_in_one_pid_namespace() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["pod", "create", "--name", "pids", "--share", "+pid"]).assert_success();
    s.cmd(&["run", TLS, "-d", "--pod", "pids", "--name", "sleeper", img(), "sleep", "600"]).assert_success();
    let out = s.cmd(&["run", TLS, "--rm", "--pod", "pids", img(), "ps", "-o", "pid,args"]);
    out.assert_success();
    assert!(out.stdout.contains("sleep 600"), "the other container's process is visible: {out}");
    let mine = out
        .lines()
        .iter()
        .find(|l| l.contains("ps -o"))
        .map(|l| l.split_whitespace().next().unwrap().to_string());
    assert_ne!(mine.as_deref(), Some("1"), "ps is not pid 1 of a namespace of its own: {out}");
    // Without --share pid each container has its own.
    s.cmd(&["pod", "create", "--name", "apart"]).assert_success();
    s.cmd(&["run", TLS, "-d", "--pod", "apart", "--name", "sleeper2", img(), "sleep", "600"])
        .assert_success();
    let out = s.cmd(&["run", TLS, "--rm", "--pod", "apart", img(), "ps", "-o", "pid,args"]);
    out.assert_success();
    assert!(!out.stdout.contains("sleep 600"), "{out}");
    s.cmd(&["pod", "rm", "-f", "-t", "0", "pids", "apart"]).assert_success();
}

#[test]
fn an_infra_from_an_image_of_the_users_runs_its_command_as_it_is() {
    needs_tools();
    let s = Skiff::new();
    s.cmd(&["pull", TLS, img()]).assert_success();
    // The fixture has no C library of the host's: skiff's own init could not run in it.
    s.cmd(&[
        "pod",
        "create",
        "--name",
        "own",
        "--infra-image",
        img(),
        "--infra-command",
        r#"["sleep", "600"]"#,
        "--infra-name",
        "own-infra",
    ])
    .assert_success();
    let out = s.cmd(&["run", TLS, "--rm", "--pod", "own", img(), "hostname"]);
    out.assert_success().assert_stdout_eq("own");
    let ps = s.cmd(&["ps", "--format", "{{.Names}} {{.Command}}"]);
    assert!(ps.assert_success().stdout.contains("own-infra sleep 600"), "{ps}");
    s.cmd(&["pod", "rm", "-f", "-t", "0", "own"]).assert_success();
}
