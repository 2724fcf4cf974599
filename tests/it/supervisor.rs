//! The supervisor through the hidden `skiff oci-start`: foreground attach and exit codes, detached
//! containers outliving the command, the k8s-file log, exit.json, signal relay, `kill -9` of the
//! supervisor, stdin, and the supervisor's resident set.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::runtime::bundle;
use crate::util::{Output, Skiff};

/// The bounds asserted on the supervisor's memory (see `supervisor_rss_is_small`): its whole
/// resident set (release builds) and its private, anonymous part (any build).
const RSS_LIMIT_KIB: u64 = 10 * 1024;
const ANON_LIMIT_KIB: u64 = 4 * 1024;

fn state(s: &Skiff) -> PathBuf {
    s.dir().join("state")
}

fn oci_start(s: &Skiff, flags: &[&str], bundle: &Path, stdin: Option<&[u8]>) -> Output {
    let state = state(s);
    let mut args =
        vec!["oci-start", "--bundle", bundle.to_str().unwrap(), "--state-dir", state.to_str().unwrap()];
    args.extend_from_slice(flags);
    match stdin {
        Some(input) => s.cmd_stdin(&args, input),
        None => s.cmd(&args),
    }
}

/// Polls `f` every 20 ms until it returns `Some`, panicking with `what` after `limit`.
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

fn exit_json(s: &Skiff) -> Option<Value> {
    let bytes = fs_err::read(state(s).join("exit.json")).ok()?;
    Some(serde_json::from_slice(&bytes).expect("exit.json is JSON"))
}

fn read_pid(s: &Skiff, name: &str) -> i32 {
    let text = fs_err::read_to_string(state(s).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    text.trim().parse().unwrap_or_else(|e| panic!("{name} holds {text:?}: {e}"))
}

fn log(s: &Skiff) -> String {
    fs_err::read_to_string(state(s).join("ctr.log")).unwrap_or_default()
}

/// True while `pid` exists and is not a zombie.
fn alive(pid: i32) -> bool {
    match fs_err::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z')),
        Err(_) => false,
    }
}

fn signal(pid: i32, sig: nix::sys::signal::Signal) {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), sig).expect("kill");
}

/// Starts `script` detached and waits until it has printed `ready` to its log.
fn start_detached(s: &Skiff, script: &str) -> Output {
    let b = bundle(s, &["sh", "-c", script]);
    let out = oci_start(s, &["-d"], &b, None);
    out.assert_success();
    wait_for(Duration::from_secs(10), "the container's first output", || {
        log(s).contains("ready").then_some(())
    });
    out
}

#[test]
fn oci_start_foreground_prints_the_output_and_exits_with_the_container_code() {
    let s = Skiff::new();
    let b = bundle(&s, &["sh", "-c", "echo out; echo err >&2; exit 7"]);
    let out = oci_start(&s, &[], &b, None);
    out.assert_exit(7).assert_stdout_eq("out").assert_stderr_contains("err");
    assert_eq!(exit_json(&s).expect("exit.json written before the attach ends")["exitCode"], 7);
}

#[test]
fn oci_start_foreground_reports_a_missing_executable_with_127() {
    let s = Skiff::new();
    let b = bundle(&s, &["no-such-program"]);
    oci_start(&s, &[], &b, None).assert_exit(127).assert_stderr_contains("no-such-program");
    assert_eq!(exit_json(&s).expect("exit.json")["exitCode"], 127);
}

#[test]
fn oci_start_detached_returns_at_once_and_the_container_runs_on_with_a_k8s_file_log() {
    let s = Skiff::new();
    let b = bundle(&s, &["sh", "-c", "echo ready; sleep 2; echo late >&2; printf part; exit 3"]);
    let begun = Instant::now();
    let out = oci_start(&s, &["-d"], &b, None);
    out.assert_success();
    assert!(begun.elapsed() < Duration::from_secs(2), "-d took {:?}", begun.elapsed());
    let pid: i32 = out.stdout_trimmed().parse().expect("-d prints the container pid");
    assert_eq!(pid, read_pid(&s, "container.pid"));
    assert!(alive(pid), "the container runs on after oci-start exited");
    assert!(exit_json(&s).is_none(), "no exit recorded while it runs");

    let record = wait_for(Duration::from_secs(10), "exit.json", || exit_json(&s));
    assert_eq!(record["exitCode"], 3, "{record}");
    assert!(record["finishedAt"].as_str().is_some_and(|t| t.ends_with("+00:00")), "{record}");
    assert!(record.get("signal").is_none(), "{record}");
    let log = log(&s);
    // stdout and stderr are separate pipes: the order between them is not kept.
    let mut entries: Vec<[&str; 3]> = log
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.splitn(4, ' ').collect();
            assert!(fields.len() == 4 && chrono_like(fields[0]), "line {line:?} in\n{log}");
            [fields[1], fields[2], fields[3]]
        })
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        [["stderr", "F", "late"], ["stdout", "F", "ready"], ["stdout", "P", "part"]],
        "{log}"
    );
    let supervisor = read_pid(&s, "supervisor.pid");
    wait_for(Duration::from_secs(5), "the supervisor to exit after the container", || {
        (!alive(supervisor)).then_some(())
    });
}

/// `2026-11-23T21:40:12.123456789+00:00`.
fn chrono_like(t: &str) -> bool {
    t.len() == 35 && t.as_bytes()[10] == b'T' && t.as_bytes()[19] == b'.' && t.ends_with("+00:00")
}

#[test]
fn sigterm_to_the_supervisor_reaches_the_container() {
    let s = Skiff::new();
    start_detached(&s, "trap 'echo got TERM; exit 42' TERM; echo ready; while true; do sleep 1; done");
    signal(read_pid(&s, "supervisor.pid"), nix::sys::signal::Signal::SIGTERM);
    let record = wait_for(Duration::from_secs(10), "exit.json", || exit_json(&s));
    assert_eq!(record["exitCode"], 42, "{record}");
    assert!(log(&s).contains("stdout F got TERM"), "{}", log(&s));
}

#[test]
fn a_container_killed_by_a_signal_records_128_plus_n_and_the_signal() {
    let s = Skiff::new();
    start_detached(&s, "echo ready; exec sleep 1000");
    signal(read_pid(&s, "container.pid"), nix::sys::signal::Signal::SIGKILL);
    let record = wait_for(Duration::from_secs(10), "exit.json", || exit_json(&s));
    assert_eq!(record["exitCode"], 137, "{record}");
    assert_eq!(record["signal"], 9, "{record}");
}

#[test]
fn kill_9_of_the_supervisor_leaves_no_container_process() {
    let s = Skiff::new();
    start_detached(&s, "echo ready; sleep 1000");
    let container = read_pid(&s, "container.pid");
    assert!(alive(container));
    signal(read_pid(&s, "supervisor.pid"), nix::sys::signal::Signal::SIGKILL);
    wait_for(Duration::from_secs(1), "the container to die with its supervisor (PDEATHSIG)", || {
        (!alive(container)).then_some(())
    });
}

#[test]
fn oci_start_i_forwards_stdin_and_its_eof() {
    let s = Skiff::new();
    let b = bundle(&s, &["cat"]);
    oci_start(&s, &["-i"], &b, Some(b"hi\n")).assert_success().assert_stdout_eq("hi");
}

#[test]
fn without_i_the_container_reads_eof_from_dev_null() {
    let s = Skiff::new();
    let b = bundle(&s, &["sh", "-c", "cat; echo done"]);
    oci_start(&s, &[], &b, Some(b"ignored\n")).assert_success().assert_stdout_eq("done");
}

/// A `kB` field of /proc/PID/status.
fn status_kib(status: &str, field: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in\n{status}"))
}

/// Measured on this host: the debug binary 15.3 MiB VmRSS of which 1.9 MiB anonymous (the rest
/// are pages of the 150 MB binary, shared with the page cache); the release binary 7.2 MiB VmRSS,
/// 0.9 MiB anonymous. The whole-RSS bound is asserted for release builds only.
#[test]
fn supervisor_rss_is_small() {
    let s = Skiff::new();
    start_detached(&s, "echo ready; exec sleep 1000");
    let supervisor = read_pid(&s, "supervisor.pid");
    let status = fs_err::read_to_string(format!("/proc/{supervisor}/status")).expect("supervisor status");
    let (rss, anon) = (status_kib(&status, "VmRSS"), status_kib(&status, "RssAnon"));
    eprintln!("supervisor VmRSS: {rss} kB, RssAnon: {anon} kB");
    signal(read_pid(&s, "container.pid"), nix::sys::signal::Signal::SIGKILL);
    wait_for(Duration::from_secs(10), "exit.json", || exit_json(&s));
    assert!(anon < ANON_LIMIT_KIB, "supervisor RssAnon {anon} kB >= {ANON_LIMIT_KIB} kB");
    if !cfg!(debug_assertions) {
        assert!(rss < RSS_LIMIT_KIB, "supervisor VmRSS {rss} kB >= {RSS_LIMIT_KIB} kB");
    }
}

#[test]
fn sigterm_to_a_foreground_oci_start_reaches_the_container() {
    let s = Skiff::new();
    let script = "trap 'echo got TERM; exit 43' TERM; echo ready; while true; do sleep 1; done";
    let b = bundle(&s, &["sh", "-c", script]);
    let st = state(&s);
    let mut cmd =
        s.command(&["oci-start", "--bundle", b.to_str().unwrap(), "--state-dir", st.to_str().unwrap()]);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().expect("spawn oci-start");
    wait_for(Duration::from_secs(10), "the container's first output", || {
        log(&s).contains("ready").then_some(())
    });
    signal(child.id() as i32, nix::sys::signal::Signal::SIGTERM);
    let out = child.wait_with_output().expect("wait for oci-start");
    assert_eq!(out.status.code(), Some(43), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ready\ngot TERM\n");
}

#[test]
fn the_cleanup_command_runs_after_the_exit_is_recorded() {
    let s = Skiff::new();
    let b = bundle(&s, &["sh", "-c", "exit 5"]);
    let marker = s.dir().join("cleaned");
    let exit = state(&s).join("exit.json");
    let script = format!("cat {} > {}", exit.display(), marker.display());
    oci_start(&s, &["-d", "--cleanup", "sh", "-c", &script], &b, None).assert_success();
    let text = wait_for(Duration::from_secs(10), "the cleanup command", || {
        fs_err::read_to_string(&marker).ok().filter(|t| !t.is_empty())
    });
    assert!(text.contains(r#""exitCode":5"#), "the cleanup saw exit.json: {text}");
}

/// The children of `pid` that are zombies (from /proc/*/stat).
fn zombie_children(pid: i32) -> Vec<i32> {
    let mut found = Vec::new();
    for entry in fs_err::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = fs_err::read_to_string(entry.path().join("stat")) else { continue };
        let Some((_, rest)) = stat.rsplit_once(") ") else { continue };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.len() > 1 && fields[0] == "Z" && fields[1] == pid.to_string() {
            found.push(entry.file_name().to_string_lossy().parse().unwrap_or(0));
        }
    }
    found
}

#[test]
fn the_supervisor_reaps_orphans_as_the_subreaper() {
    let s = Skiff::new();
    // Without a pid namespace (and so without /proc), an orphan of the container is re-parented to
    // the supervisor, not to the container's init.
    let script = "(sleep 1 </dev/null >/dev/null 2>&1 &); echo ready; exec sleep 3";
    let b = bundle(&s, &["sh", "-c", script]);
    let config = b.join("config.json");
    let mut spec: Value = serde_json::from_slice(&fs_err::read(&config).unwrap()).unwrap();
    spec["mounts"].as_array_mut().unwrap().retain(|m| m["type"] != "proc");
    spec["linux"]["namespaces"].as_array_mut().unwrap().retain(|n| n["type"] != "pid");
    fs_err::write(&config, serde_json::to_vec(&spec).unwrap()).unwrap();
    let out = oci_start(&s, &["-d"], &b, None);
    out.assert_success();
    wait_for(Duration::from_secs(10), "the container's first output", || {
        log(&s).contains("ready").then_some(())
    });
    let supervisor = read_pid(&s, "supervisor.pid");
    let orphan = wait_for(Duration::from_secs(5), "the orphan to be re-parented to the supervisor", || {
        children(supervisor).into_iter().find(|&p| p != read_pid(&s, "container.pid"))
    });
    wait_for(Duration::from_secs(5), "the orphan to exit and be reaped", || (!exists(orphan)).then_some(()));
    assert!(zombie_children(supervisor).is_empty());
    assert!(alive(read_pid(&s, "container.pid")), "the container outlives its orphan");
    let record = wait_for(Duration::from_secs(10), "exit.json", || exit_json(&s));
    assert_eq!(record["exitCode"], 0, "{record}");
}

/// The live children of `pid`.
fn children(pid: i32) -> Vec<i32> {
    fs_err::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

fn exists(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[test]
fn stdin_the_container_does_not_read_yet_never_blocks_its_output() {
    let s = Skiff::new();
    // 588 KiB of output before reading 1 MiB of input: more than any pipe or socket buffer holds.
    let b = bundle(&s, &["sh", "-c", "seq 100000; cat | wc -c"]);
    let input = vec![b'x'; 1 << 20];
    let out = oci_start(&s, &["-i"], &b, Some(&input));
    out.assert_success();
    let lines = out.lines();
    assert_eq!(lines.len(), 100_001, "{}", &out.stderr);
    assert_eq!(lines[99_999], "100000");
    assert_eq!(lines[100_000].trim(), "1048576");
}

/// The kernel clears PR_SET_PDEATHSIG when container_init changes the effective uid; the init
/// sets it again after the credentials change (as crun does), so a non-root container dies too.
#[test]
fn kill_9_of_the_supervisor_leaves_no_container_process_for_a_non_root_user() {
    let s = Skiff::new();
    let b = bundle(&s, &["sh", "-c", "echo ready; sleep 1000"]);
    let config = b.join("config.json");
    let mut spec: Value = serde_json::from_slice(&fs_err::read(&config).unwrap()).unwrap();
    spec["process"]["user"] = serde_json::json!({"uid": 1000, "gid": 1000});
    fs_err::write(&config, serde_json::to_vec(&spec).unwrap()).unwrap();
    oci_start(&s, &["-d"], &b, None).assert_success();
    wait_for(Duration::from_secs(10), "the container's first output", || {
        log(&s).contains("ready").then_some(())
    });
    let container = read_pid(&s, "container.pid");
    signal(read_pid(&s, "supervisor.pid"), nix::sys::signal::Signal::SIGKILL);
    wait_for(Duration::from_secs(1), "the container to die with its supervisor (PDEATHSIG)", || {
        (!alive(container)).then_some(())
    });
}
