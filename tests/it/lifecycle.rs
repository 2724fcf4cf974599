//! The container lifecycle: `create`, `start` (`-a`), `stop`, `kill`, `restart`, `wait`,
//! `rename`, `inspect`, `container exists|prune|ls`, `ps --filter/--format table/-n/-l`,
//! `logs -f/--since/--until/-t`, `run --replace`, bad input (podman's messages and exit codes),
//! and reliability: parallel `run --rm`, `kill -9` of the supervisor or of `run` at any moment,
//! detached containers outliving their shell, `rm -f` leaving nothing mounted or running.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{Output, Skiff};

const TLS: &str = "--tls-verify=false";

fn img() -> &'static str {
    &fixtures().busybox.reference
}

/// A store with the busybox fixture pulled.
fn store() -> Skiff {
    let s = Skiff::new();
    s.cmd(&["pull", TLS, img()]).assert_success();
    s
}

#[track_caller]
fn wait_for(limit: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn pid_alive(pid: i32) -> bool {
    match fs_err::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'),
        Err(_) => false,
    }
}

fn read_pid(path: &Path) -> i32 {
    fs_err::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).trim().parse().unwrap()
}

fn inspect(s: &Skiff, name: &str, template: &str) -> String {
    s.cmd(&["container", "inspect", "--format", template, name]).assert_success().stdout_trimmed().to_string()
}

fn ps_names(s: &Skiff, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["ps", "--format", "{{.Names}}"];
    args.extend_from_slice(extra);
    s.cmd(&args).assert_success().lines().iter().map(|l| l.to_string()).collect()
}

/// Processes (readable by us) whose command line or mounts mention `needle`: supervisors and
/// containers of a store, or mount namespaces that still hold its mounts.
fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs_err::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.bytes().all(|b| b.is_ascii_digit()) || name == std::process::id().to_string() {
            continue;
        }
        let cmdline = fs_err::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        let mounts = fs_err::read_to_string(entry.path().join("mountinfo")).unwrap_or_default();
        if cmdline.contains(needle) || mounts.contains(needle) {
            found.push(format!("{name}: {cmdline}"));
        }
    }
    found
}

fn count_entries(dir: &Path) -> usize {
    fs_err::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[track_caller]
fn assert_store_empty(s: &Skiff) {
    assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.is_empty());
    assert_eq!(count_entries(&s.root().join("containers")), 0, "container directories are left");
    assert_eq!(count_entries(&s.runroot().join("containers")), 0, "run-time directories are left");
    let root = s.root().to_string_lossy().into_owned();
    wait_for(Duration::from_secs(5), "no process or mount of the store", || {
        processes_mentioning(&root).is_empty()
    });
    assert_eq!(crate::reliability::scratch_left(s), Vec::<String>::new(), "scratch entries are left");
}

#[test]
fn create_then_start_attached_and_detached_then_wait_and_logs() {
    let s = store();
    let out = s.cmd(&["create", "--name", "c", img(), "sh", "-c", "echo out; echo err >&2; exit 3"]);
    let id = out.assert_success().stdout_trimmed().to_string();
    assert!(id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()), "{out}");
    assert_eq!(
        inspect(&s, "c", "{{.State.Status}} {{.State.Running}} {{.Id}}"),
        format!("created false {id}")
    );
    s.cmd(&["ps", "-a"]).assert_success().assert_stdout_contains("Created");
    assert!(ps_names(&s, &[]).is_empty(), "a created container is not running");

    let out = s.cmd(&["start", "-a", "c"]);
    out.assert_exit(3).assert_stdout_eq("out").assert_stderr_contains("err");
    s.cmd(&["wait", "c"]).assert_success().assert_stdout_eq("3");
    assert_eq!(inspect(&s, "c", "{{.State.Status}} {{.State.ExitCode}}"), "exited 3");

    // Detached start prints the name as given; the log grows by the second run's output.
    s.cmd(&["start", &id[..12]]).assert_success().assert_stdout_eq(&id[..12]);
    s.cmd(&["wait", "c", &id]).assert_success().assert_stdout_eq("3\n3");
    let logs = s.cmd(&["logs", "c"]);
    assert_eq!((logs.stdout.as_str(), logs.stderr.as_str()), ("out\nout\n", "err\nerr\n"));
    let stamped = s.cmd(&["logs", "-t", "c"]);
    for line in stamped.lines() {
        let (time, text) = line.split_once(' ').unwrap();
        let parsed = chrono::DateTime::parse_from_rfc3339(time).unwrap_or_else(|_| panic!("{stamped}"));
        // podman's (Go's RFC3339Nano) form: `Z` for UTC, no trailing zeros in the fraction.
        let zone_at = time.rfind(['Z', '+', '-']).unwrap();
        assert!(!time[..zone_at].ends_with('0'), "{stamped}");
        if parsed.offset().local_minus_utc() == 0 {
            assert!(time.ends_with('Z'), "{stamped}");
        }
        assert_eq!(text, "out");
    }
    // Several containers: each line starts with the short id, or the name with --names.
    s.cmd(&["run", "--name", "d", img(), "echo", "dee"]).assert_success();
    let both = s.cmd(&["logs", "d", "c"]).assert_success().stdout.clone();
    assert!(both.lines().any(|l| l == format!("{} dee", &inspect(&s, "d", "{{.Id}}")[..12])), "{both}");
    let named = s.cmd(&["logs", "--names", "d", "c"]).assert_success().stdout.clone();
    assert_eq!(named, "d dee\nc out\nc out\n");
    s.cmd(&["logs", "-n", "d"]).assert_success().assert_stdout_eq("dee");
}

#[test]
fn start_attached_with_stdin_of_an_interactive_container() {
    let s = store();
    s.cmd(&["create", "-i", "--name", "cat", img(), "cat"]).assert_success();
    assert_eq!(inspect(&s, "cat", "{{.Config.OpenStdin}}"), "true");
    s.cmd_stdin(&["start", "-a", "-i", "cat"], b"through stdin\n")
        .assert_success()
        .assert_stdout_eq("through stdin");
}

#[test]
fn stop_sends_sigterm_then_sigkill_and_stopping_a_stopped_container_is_fine() {
    let s = store();
    let trap = "trap 'echo got TERM; exit 5' TERM; while :; do sleep 0.1; done";
    s.cmd(&["run", "-d", "--name", "t", img(), "sh", "-c", trap]).assert_success();
    wait_for(Duration::from_secs(10), "the trap to be set", || {
        inspect(&s, "t", "{{.State.Status}}") == "running"
    });
    std::thread::sleep(Duration::from_millis(300));
    // Starting a running container is not an error and leaves it alone (podman's behaviour).
    let pid = inspect(&s, "t", "{{.State.Pid}}");
    s.cmd(&["start", "t"]).assert_success().assert_stdout_eq("");
    assert_eq!(inspect(&s, "t", "{{.State.Status}} {{.State.Pid}}"), format!("running {pid}"));

    let started = Instant::now();
    s.cmd(&["stop", "t"]).assert_success().assert_stdout_eq("t");
    assert!(started.elapsed() < Duration::from_secs(8), "stop waited for the timeout");
    s.cmd(&["wait", "t"]).assert_success().assert_stdout_eq("5");
    s.cmd(&["logs", "t"]).assert_success().assert_stdout_eq("got TERM");
    s.cmd(&["stop", "t"]).assert_success().assert_stdout_eq("t");

    // A process that ignores SIGTERM (pid 1 without a handler) is killed after -t seconds.
    s.cmd(&["run", "-d", "--name", "sleeper", img(), "sleep", "100"]).assert_success();
    let out = s.cmd(&["stop", "-t", "1", "sleeper"]);
    out.assert_success().assert_stdout_eq("sleeper");
    out.assert_stderr_contains(
        "StopSignal SIGTERM failed to stop container sleeper in 1 seconds, resorting to SIGKILL",
    );
    assert_eq!(inspect(&s, "sleeper", "{{.State.Status}} {{.State.ExitCode}}"), "exited 137");
    // A created container: nothing to stop.
    s.cmd(&["create", "--name", "new", img(), "true"]).assert_success();
    s.cmd(&["stop", "new"]).assert_success().assert_stdout_eq("new");
}

#[test]
fn stop_and_kill_reach_a_container_running_as_another_user() {
    let s = store();
    s.cmd(&["run", "-d", "-u", "1000:1000", "--name", "u", img(), "sleep", "100"]).assert_success();
    let started = Instant::now();
    s.cmd(&["stop", "-t", "0", "u"]).assert_success();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(inspect(&s, "u", "{{.State.ExitCode}}"), "137");
    s.cmd(&["start", "u"]).assert_success();
    s.cmd(&["kill", "u"]).assert_success().assert_stdout_eq("u");
    assert_eq!(inspect(&s, "u", "{{.State.Status}} {{.State.ExitCode}}"), "exited 137");
    s.cmd(&["start", "u"]).assert_success();
    s.cmd(&["rm", "-f", "u"]).assert_success().assert_stdout_eq("u");
    assert_store_empty(&s);
}

#[test]
fn kill_takes_signal_names_and_numbers_and_refuses_stopped_containers() {
    let s = store();
    let trap = |sig: &str, code: u8| format!("trap 'exit {code}' {sig}; while :; do sleep 0.1; done");
    s.cmd(&["run", "-d", "--name", "usr1", img(), "sh", "-c", &trap("USR1", 10)]).assert_success();
    s.cmd(&["run", "-d", "--name", "hup", img(), "sh", "-c", &trap("HUP", 11)]).assert_success();
    std::thread::sleep(Duration::from_millis(500));
    s.cmd(&["kill", "-s", "usr1", "usr1"]).assert_success().assert_stdout_eq("usr1");
    s.cmd(&["kill", "--signal", "1", "hup"]).assert_success().assert_stdout_eq("hup");
    s.cmd(&["wait", "usr1", "hup"]).assert_success().assert_stdout_eq("10\n11");

    let out = s.cmd(&["kill", "hup"]);
    out.assert_exit(125).assert_stderr_contains("can only kill running containers");
    out.assert_stderr_contains("is in state exited: container state improper");
    let out = s.cmd(&["kill", "-s", "NOPE", "hup"]);
    out.assert_exit(125).assert_stderr_contains("invalid signal \"NOPE\"");
}

#[test]
fn real_time_signals_stop_and_kill_as_podman() {
    let s = store();
    // By number: busybox's libc may number the real-time signals differently from the host's.
    let rt3 = libc::SIGRTMIN() + 3;
    let trap = format!("trap 'echo got RTMIN+3; exit 0' {rt3}; while :; do sleep 0.1; done");
    s.cmd(&["run", "-d", "--name", "rt", "--stop-signal", "SIGRTMIN+3", img(), "sh", "-c", &trap])
        .assert_success();
    assert_eq!(inspect(&s, "rt", "{{.Config.StopSignal}}"), rt3.to_string());
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let out = s.cmd(&["stop", "rt"]);
    out.assert_success().assert_stdout_eq("rt");
    assert!(!out.stderr.contains("resorting to SIGKILL"), "{}", out.stderr);
    assert!(started.elapsed() < Duration::from_secs(8), "stop waited for the timeout");
    assert_eq!(inspect(&s, "rt", "{{.State.Status}} {{.State.ExitCode}}"), "exited 0");
    s.cmd(&["logs", "rt"]).assert_success().assert_stdout_eq("got RTMIN+3");

    s.cmd(&["run", "-d", "--name", "rtk", img(), "sh", "-c", &trap]).assert_success();
    std::thread::sleep(Duration::from_millis(500));
    s.cmd(&["kill", "-s", "RTMIN+3", "rtk"]).assert_success().assert_stdout_eq("rtk");
    s.cmd(&["wait", "rtk"]).assert_success().assert_stdout_eq("0");
    s.cmd(&["logs", "rtk"]).assert_success().assert_stdout_eq("got RTMIN+3");

    let out = s.cmd(&["kill", "-s", "RTMIN+40", "rtk"]);
    out.assert_exit(125).assert_stderr_contains("invalid signal \"RTMIN+40\"");
    let out = s.cmd(&["create", "--stop-signal", "65", img(), "true"]);
    out.assert_exit(125).assert_stderr_contains("invalid --stop-signal \"65\"");
}

#[test]
fn restart_runs_the_container_again() {
    let s = store();
    s.cmd(&["run", "-d", "--name", "r", img(), "sh", "-c", "echo started; sleep 100"]).assert_success();
    wait_for(Duration::from_secs(10), "the first output", || s.cmd(&["logs", "r"]).stdout == "started\n");
    let before = inspect(&s, "r", "{{.State.StartedAt}}");
    s.cmd(&["restart", "-t", "0", "r"]).assert_success().assert_stdout_eq("r");
    assert_eq!(inspect(&s, "r", "{{.State.Status}}"), "running");
    assert_ne!(inspect(&s, "r", "{{.State.StartedAt}}"), before);
    wait_for(Duration::from_secs(10), "the second output", || {
        s.cmd(&["logs", "r"]).stdout == "started\nstarted\n"
    });
    // An exited container restarts too.
    s.cmd(&["kill", "r"]).assert_success();
    s.cmd(&["restart", "r"]).assert_success();
    assert_eq!(ps_names(&s, &[]), ["r"]);
    s.cmd(&["rm", "-f", "r"]).assert_success();
    assert_store_empty(&s);
}

#[test]
fn unknown_names_and_bad_input_are_clear_errors() {
    let s = store();
    let missing = "no container with name or ID \"nosuch\" found: no such container";
    for cmd in ["stop", "wait", "kill", "start", "restart"] {
        s.cmd(&[cmd, "nosuch"]).assert_exit(125).assert_stderr_contains(missing);
    }
    s.cmd(&["rm", "nosuch"]).assert_exit(1).assert_stderr_contains(missing);
    s.cmd(&["rm", "-f", "nosuch"]).assert_success();
    s.cmd(&["rename", "nosuch", "x"]).assert_exit(125).assert_stderr_contains(missing);
    s.cmd(&["container", "inspect", "nosuch"]).assert_exit(125).assert_stderr_contains(missing);
    s.cmd(&["inspect", "nosuch"]).assert_exit(125).assert_stderr_contains("no such object: \"nosuch\"");
    s.cmd(&["container", "exists", "nosuch"]).assert_exit(1);

    s.cmd(&["create", "--pull=never", "localhost/no-such-image:1", "true"])
        .assert_exit(125)
        .assert_stderr_contains("localhost/no-such-image:1");
    s.cmd(&["create", "--name", "dup", img(), "true"]).assert_success();
    s.cmd(&["create", "--name", "dup", img(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("the container name \"dup\" is already in use");
    s.cmd(&["start", "-a", "dup", "dup"]).assert_exit(125).assert_stderr_contains("cannot start and attach");
    s.cmd(&["ps", "--filter", "bogus=1"])
        .assert_exit(125)
        .assert_stderr_contains("bogus is an invalid filter");
    s.cmd(&["ps", "--filter", "status=sleepy"])
        .assert_exit(125)
        .assert_stderr_contains("unknown container state");
    s.cmd(&["logs", "--since", "yesterday-ish", "dup"])
        .assert_exit(125)
        .assert_stderr_contains("invalid --since");
    // rm of one missing container removes none of the others, as in podman.
    s.cmd(&["rm", "dup", "nosuch"]).assert_exit(1);
    s.cmd(&["container", "exists", "dup"]).assert_success();
}

#[test]
fn rename_and_exists() {
    let s = store();
    // Names that are not hex: a hex name also matches ids that start with it.
    s.cmd(&["create", "--name", "first", img(), "true"]).assert_success();
    s.cmd(&["create", "--name", "other", img(), "true"]).assert_success();
    s.cmd(&["rename", "first", "second"]).assert_success().assert_stdout_eq("");
    s.cmd(&["container", "exists", "second"]).assert_success();
    s.cmd(&["container", "exists", "first"]).assert_exit(1);
    s.cmd(&["rename", "second", "other"]).assert_exit(125).assert_stderr_contains("already in use");
    s.cmd(&["rename", "second", "bad/name"])
        .assert_exit(125)
        .assert_stderr_contains("invalid container name");
    assert_eq!(inspect(&s, "second", "{{.Name}}"), "second");
}

#[test]
fn inspect_has_podmans_shape_and_inspect_finds_containers_before_images() {
    let s = store();
    s.cmd(&["create", "--name", "i", "-e", "FOO=bar", "-w", "/tmp", img(), "sh", "-c", "exit 0"])
        .assert_success();
    let doc = s.cmd(&["container", "inspect", "i"]).assert_success().json();
    let c = &doc[0];
    assert_eq!(c["Name"], "i");
    assert_eq!(c["Path"], "sh");
    assert_eq!(c["Args"], serde_json::json!(["-c", "exit 0"]));
    assert_eq!(c["ImageName"], img());
    assert_eq!(c["State"]["Status"], "created");
    assert_eq!(c["State"]["Pid"], 0);
    assert_eq!(c["Config"]["Cmd"], serde_json::json!(["sh", "-c", "exit 0"]));
    assert_eq!(c["Config"]["WorkingDir"], "/tmp");
    assert!(c["Config"]["Env"].as_array().unwrap().contains(&serde_json::json!("FOO=bar")));
    assert_eq!(c["Config"]["StopSignal"], 15);
    assert_eq!(c["Config"]["Labels"][crate::fixtures::LABEL], "busybox");
    assert_eq!(c["HostConfig"]["AutoRemove"], false);
    assert_eq!(c["Mounts"], serde_json::json!([]));
    for key in ["Id", "Created", "Image", "Driver", "RestartCount", "MountLabel"] {
        assert!(c.get(key).is_some(), "{key} missing: {c}");
    }
    for key in [
        "Running",
        "Paused",
        "Restarting",
        "OOMKilled",
        "Dead",
        "ExitCode",
        "Error",
        "StartedAt",
        "FinishedAt",
    ] {
        assert!(c["State"].get(key).is_some(), "State.{key} missing: {c}");
    }
    // Plain `inspect` finds the container first, then images.
    let both = s.cmd(&["inspect", "--format", "{{.Id}}", "i", img()]);
    let lines = both.assert_success().lines().iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert_eq!(lines[0], c["Id"].as_str().unwrap());
    assert_eq!(lines[1], fixtures().busybox.id());
    s.cmd(&["start", "-a", "i"]).assert_success();
    assert_eq!(inspect(&s, "i", "{{.State.Status}} {{.State.ExitCode}}"), "exited 0");
    assert_ne!(inspect(&s, "i", "{{.State.FinishedAt}}"), "0001-01-01T00:00:00Z");
}

#[test]
fn container_group_ls_and_prune() {
    let s = store();
    s.cmd(&["container", "create", "--name", "made", img(), "true"]).assert_success();
    s.cmd(&["container", "run", "--name", "done", img(), "true"]).assert_success();
    let run = s.cmd(&["container", "run", "-d", "--name", "up", img(), "sleep", "100"]);
    let up = run.assert_success().stdout_trimmed().to_string();
    let all = s.cmd(&["container", "ls", "-a", "--format", "{{.Names}}"]);
    assert_eq!(all.assert_success().lines(), ["made", "done", "up"]);
    s.cmd(&["container", "ps", "-q", "--no-trunc"]).assert_success().assert_stdout_eq(&up);
    let ids: Vec<String> = ["made", "done"].iter().map(|n| inspect(&s, n, "{{.Id}}")).collect();
    let pruned = s.cmd(&["container", "prune", "-f"]);
    let mut got: Vec<&str> = pruned.assert_success().lines();
    got.sort();
    let mut want: Vec<&str> = ids.iter().map(String::as_str).collect();
    want.sort();
    assert_eq!(got, want);
    // Without -f it asks; anything but yes keeps everything.
    s.cmd(&["container", "stop", "-t", "0", "up"]).assert_success();
    s.cmd_stdin(&["container", "prune"], b"n\n").assert_success();
    s.cmd(&["container", "exists", "up"]).assert_success();
    s.cmd_stdin(&["container", "prune"], b"y\n").assert_success().assert_stdout_eq(&up);
    assert_store_empty(&s);
}

#[test]
fn ps_filters_table_format_and_last() {
    let s = store();
    s.cmd(&["create", "--name", "web1", img(), "true"]).assert_success();
    s.cmd(&["run", "--name", "web2", img(), "sh", "-c", "exit 2"]).assert_exit(2);
    s.cmd(&["run", "-d", "--name", "db", img(), "sleep", "100"]).assert_success();
    assert_eq!(ps_names(&s, &[]), ["db"]);
    assert_eq!(ps_names(&s, &["-a", "--filter", "name=^web"]), ["web1", "web2"]);
    assert_eq!(ps_names(&s, &["--filter", "status=exited"]), ["web2"]);
    // One key twice: either; different keys: both.
    assert_eq!(ps_names(&s, &["--filter", "status=exited", "--filter", "status=running"]), ["web2", "db"]);
    assert_eq!(
        ps_names(&s, &["-a", "--filter", "status=created", "--filter", "name=db"]),
        Vec::<String>::new()
    );
    assert_eq!(ps_names(&s, &["--filter", "exited=2"]), ["web2"]);
    let db = inspect(&s, "db", "{{.Id}}");
    assert_eq!(ps_names(&s, &["-a", "--filter", &format!("id={}", &db[..6])]), ["db"]);
    let repo = img().rsplit_once(':').unwrap().0;
    assert_eq!(ps_names(&s, &["-a", "--filter", &format!("ancestor={repo}")]).len(), 3);
    assert!(ps_names(&s, &["-a", "--filter", "ancestor=other/image"]).is_empty());
    assert_eq!(ps_names(&s, &["-n", "2"]), ["web2", "db"]);
    assert_eq!(ps_names(&s, &["-l"]), ["db"]);

    let table = s.cmd(&["ps", "-a", "--format", "table {{.ID}} {{.Names}}"]);
    let lines = table.assert_success().lines();
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["CONTAINER", "ID", "NAMES"]);
    assert_eq!(lines.len(), 4, "{table}");
    // Columns are aligned: every name starts where the header's NAMES does.
    let at = lines[0].find("NAMES").unwrap();
    assert!(lines[1..].iter().all(|l| l[at..].chars().next().unwrap().is_ascii_alphanumeric()), "{table}");
    let bare = s.cmd(&["ps", "-a", "--noheading"]);
    assert_eq!(bare.assert_success().lines().len(), 3);

    // --size: the container's writes, and with its image.
    let write = "head -c 300000 /dev/zero > /big; sleep 100";
    s.cmd(&["run", "-d", "--name", "big", img(), "sh", "-c", write]).assert_success();
    wait_for(Duration::from_secs(10), "the container's write", || {
        s.cmd(&["ps", "--size", "--filter", "name=big", "--format", "{{.Size}}"])
            .stdout
            .starts_with("300 kB (virtual ")
    });
    let table = s.cmd(&["ps", "--size", "--filter", "name=big"]);
    assert!(table.assert_success().lines()[0].ends_with("NAMES       SIZE"), "{table}");
}

#[test]
fn logs_follow_since_until_and_timestamps() {
    let s = store();
    // Started before any output exists: -f waits for it and returns when the container exits.
    let run = s.cmd(&[
        "run",
        "-d",
        "--name",
        "talk",
        img(),
        "sh",
        "-c",
        "sleep 1; echo one; sleep 1; echo two >&2",
    ]);
    run.assert_success();
    let started = Instant::now();
    let followed = s.cmd(&["logs", "-f", "talk"]);
    followed.assert_success().assert_stdout_eq("one");
    assert_eq!(followed.stderr, "two\n");
    assert!(started.elapsed() >= Duration::from_millis(1500), "logs -f returned before the container exited");
    assert_eq!(inspect(&s, "talk", "{{.State.Status}}"), "exited");
    // -f of an exited container prints and returns.
    s.cmd(&["logs", "-f", "talk"]).assert_success().assert_stdout_eq("one");

    s.cmd(&["logs", "--since", "2999-01-01T00:00:00Z", "talk"]).assert_success().assert_stdout_eq("");
    s.cmd(&["logs", "--since", "10m", "talk"]).assert_success().assert_stdout_eq("one");
    s.cmd(&["logs", "--until", "2000-01-01T00:00:00Z", "talk"]).assert_success().assert_stdout_eq("");
    s.cmd(&["logs", "--since", "0", "--until", "1h", "talk"]).assert_success().assert_stdout_eq("");
    let stamped = s.cmd(&["logs", "-t", "talk"]);
    let (time, text) = stamped.stdout_trimmed().split_once(' ').unwrap();
    assert_eq!(text, "one");
    let time = chrono::DateTime::parse_from_rfc3339(time).unwrap();
    let since = (time - chrono::Duration::milliseconds(1)).to_rfc3339();
    let after = (time + chrono::Duration::milliseconds(1)).to_rfc3339();
    s.cmd(&["logs", "--since", &since, "talk"]).assert_success().assert_stdout_eq("one");
    s.cmd(&["logs", "--since", &after, "talk"]).assert_success().assert_stdout_eq("");
}

#[test]
fn run_replace_removes_the_container_of_that_name_even_running() {
    let s = store();
    let old = s
        .cmd(&["run", "-d", "--name", "r", img(), "sleep", "100"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    let supervisor = read_pid(&s.runroot().join("containers").join(&old).join("supervisor.pid"));
    s.cmd(&["run", "--name", "r", img(), "true"]).assert_exit(125).assert_stderr_contains("already in use");
    // An image that cannot be had leaves the old container in place.
    s.cmd(&["run", "--replace", "--name", "r", "--pull=never", "localhost/no-such:1", "true"])
        .assert_exit(125);
    assert!(pid_alive(supervisor));
    s.cmd(&["run", "--replace", "--name", "r", img(), "echo", "new"])
        .assert_success()
        .assert_stdout_eq("new");
    assert!(!pid_alive(supervisor));
    let all = s.cmd(&["ps", "-a", "-q", "--no-trunc"]);
    assert_eq!(all.lines().len(), 1);
    assert_ne!(all.stdout_trimmed(), old);
    s.cmd(&["run", "--replace", img(), "true"]).assert_exit(125).assert_stderr_contains("--name");
}

// Reliability.

#[test]
fn twenty_parallel_run_rm_all_succeed_and_leave_nothing() {
    let s = store();
    let outs: Vec<Output> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..20)
            .map(|i| {
                let s = &s;
                scope.spawn(move || s.cmd(&["run", "--rm", img(), "sh", "-c", &format!("echo {i}")]))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (i, out) in outs.iter().enumerate() {
        out.assert_success().assert_stdout_eq(&i.to_string());
    }
    assert_store_empty(&s);
}

#[test]
fn supervisor_killed_with_sigkill_leaves_an_exited_container_that_rm_removes() {
    let s = store();
    for (name, user) in [("root", "0"), ("user", "1000")] {
        let id = s
            .cmd(&["run", "-d", "-u", user, "--name", name, img(), "sleep", "100"])
            .assert_success()
            .stdout_trimmed()
            .to_string();
        let dir = s.runroot().join("containers").join(&id);
        let supervisor = read_pid(&dir.join("supervisor.pid"));
        let container = read_pid(&dir.join("container.pid"));
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(supervisor), nix::sys::signal::Signal::SIGKILL)
            .unwrap();
        wait_for(Duration::from_secs(5), "the supervisor to die", || !pid_alive(supervisor));
        let ps = s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.State}}"]);
        ps.assert_success().assert_stdout_contains(&format!("{name} exited"));
        assert_eq!(inspect(&s, name, "{{.State.Running}}"), "false");
        // Nothing the record does not show keeps running (a non-root container loses the
        // parent-death signal; the next command kills it).
        wait_for(Duration::from_secs(5), "the container process to go", || !pid_alive(container));
        s.cmd(&["rm", name]).assert_success().assert_stdout_eq(name);
    }
    assert_store_empty(&s);
}

#[test]
fn run_killed_with_sigkill_at_any_moment_leaves_a_truthful_record() {
    let s = store();
    let state_of = |name: &str| -> Option<(String, String)> {
        let ps = s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.State}} {{.ExitCode}}"]);
        ps.assert_success();
        let line = ps.lines().into_iter().find(|l| l.starts_with(&format!("{name} ")))?.to_string();
        let fields: Vec<&str> = line.split_whitespace().collect();
        Some((fields[1].to_string(), fields[2].to_string()))
    };
    for (i, delay) in [0u64, 10, 30, 60, 100, 150, 250, 400].into_iter().enumerate() {
        let name = format!("k{i}");
        let mut child = s
            .command(&["run", "--name", &name, img(), "sh", "-c", "sleep 2; exit 4"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        // While its supervisor runs the container, it is reported running, whatever the killed
        // command had recorded.
        let supervisors: Vec<i32> = fs_err::read_dir(s.runroot().join("containers"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| fs_err::read_to_string(e.path().join("supervisor.pid")).ok())
            .filter_map(|p| p.trim().parse().ok())
            .filter(|&p| pid_alive(p))
            .collect();
        let now = state_of(&name);
        if !supervisors.is_empty()
            && !s
                .runroot()
                .join("containers")
                .read_dir()
                .unwrap()
                .any(|e| e.map(|e| e.path().join("exit.json").exists()).unwrap_or(false))
        {
            assert_eq!(now.as_ref().map(|(st, _)| st.as_str()), Some("running"), "killed after {delay} ms");
        }
        // Once the container has had time to end, it is not reported running, and an exited
        // one has its code.
        std::thread::sleep(Duration::from_millis(2500));
        if let Some((state, code)) = state_of(&name) {
            assert!(matches!(state.as_str(), "created" | "exited"), "killed after {delay} ms: {state}");
            if state == "exited" {
                assert_eq!(code, "4", "killed after {delay} ms");
            }
            s.cmd(&["rm", "-f", &name]).assert_success();
        }
    }
    assert_store_empty(&s);
}

#[test]
fn detached_container_outlives_the_shell_that_started_it() {
    let s = store();
    let cmd = s.command(&["run", "-d", "--name", "bg", img(), "sleep", "100"]);
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c").arg("\"$0\" \"$@\" >/dev/null; exit 0").arg(cmd.get_program()).args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    crate::util::run(sh, None, Duration::from_secs(60)).assert_success();
    std::thread::sleep(Duration::from_millis(500));
    let ps = s.cmd(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    ps.assert_success().assert_stdout_contains("bg Up");
    assert_eq!(inspect(&s, "bg", "{{.State.Status}}"), "running");
    s.cmd(&["rm", "-f", "bg"]).assert_success();
    assert_store_empty(&s);
}

#[test]
fn rm_force_of_a_running_container_leaves_nothing_mounted_or_running() {
    let s = store();
    let id = s.cmd(&["run", "-d", img(), "sleep", "100"]).assert_success().stdout_trimmed().to_string();
    let dir = s.runroot().join("containers").join(&id);
    let (supervisor, container) =
        (read_pid(&dir.join("supervisor.pid")), read_pid(&dir.join("container.pid")));
    let merged = s.root().join("containers").join(&id).join("merged");
    // While it runs, its supervisor's mount namespace holds the root filesystem.
    assert!(!processes_mentioning(&merged.to_string_lossy()).is_empty());
    s.cmd(&["rm", "-f", &id[..8]]).assert_success().assert_stdout_eq(&id[..8]);
    assert!(!pid_alive(supervisor) && !pid_alive(container));
    assert!(processes_mentioning(&merged.to_string_lossy()).is_empty());
    assert_store_empty(&s);
}

#[test]
fn wait_reports_the_code_of_an_rm_container_and_stop_all_stops_every_one() {
    let s = store();
    let id = s
        .cmd(&["run", "-d", "--rm", img(), "sh", "-c", "sleep 0.5; exit 9"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    s.cmd(&["wait", &id]).assert_success().assert_stdout_eq("9");
    wait_for(Duration::from_secs(5), "the --rm container to go", || {
        s.cmd(&["ps", "-a", "-q"]).stdout.is_empty()
    });

    for name in ["one", "two"] {
        s.cmd(&["run", "-d", "--name", name, img(), "sleep", "100"]).assert_success();
    }
    s.cmd(&["create", "--name", "idle", img(), "true"]).assert_success();
    let stopped = s.cmd(&["stop", "-a", "-t", "0"]);
    assert_eq!(stopped.assert_success().lines().len(), 2, "{stopped}");
    assert!(ps_names(&s, &[]).is_empty());
    s.cmd(&["start", "one", "two"]).assert_success().assert_stdout_eq("one\ntwo");
    s.cmd(&["kill", "-a"]).assert_success();
    assert!(ps_names(&s, &[]).is_empty());
    assert_eq!(inspect(&s, "idle", "{{.State.Status}}"), "created");
}

/// Rewrites container `id`'s record as a `start` killed just after launching the supervisor
/// leaves it: still `created`, without a pid.
fn mark_created(s: &Skiff, id: &str) {
    let path = s.root().join("containers.json");
    let mut file: serde_json::Value = serde_json::from_slice(&fs_err::read(&path).unwrap()).unwrap();
    for c in file["containers"].as_array_mut().unwrap() {
        if c["id"] == id {
            c["state"] = "created".into();
            c["pid"] = serde_json::Value::Null;
            c["started_at"] = serde_json::Value::Null;
        }
    }
    let tmp = path.with_extension("test-tmp");
    fs_err::write(&tmp, serde_json::to_vec(&file).unwrap()).unwrap();
    fs_err::rename(tmp, path).unwrap();
}

#[test]
fn a_start_killed_after_launching_the_supervisor_leaves_a_truthful_record() {
    let s = store();
    let run = s.cmd(&["run", "-d", "-u", "1000", "--name", "half", img(), "sleep", "100"]);
    let id = run.assert_success().stdout_trimmed().to_string();
    let dir = s.runroot().join("containers").join(&id);
    let (supervisor, container) =
        (read_pid(&dir.join("supervisor.pid")), read_pid(&dir.join("container.pid")));
    mark_created(&s, &id);
    // Its supervisor runs it: running, with the supervisor's pid.
    assert_eq!(
        inspect(&s, "half", "{{.State.Status}} {{.State.ConmonPid}}"),
        format!("running {supervisor}")
    );
    mark_created(&s, &id);
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(supervisor), nix::sys::signal::Signal::SIGKILL)
        .unwrap();
    wait_for(Duration::from_secs(5), "the supervisor to die", || !pid_alive(supervisor));
    // Started, supervisor gone: exited, and the container (not root, so no parent-death signal)
    // does not keep running unseen.
    assert_eq!(inspect(&s, "half", "{{.State.Status}}"), "exited");
    wait_for(Duration::from_secs(5), "the container process to go", || !pid_alive(container));
    s.cmd(&["rm", "half"]).assert_success();
    assert_store_empty(&s);
}

#[test]
fn logs_outlive_a_reboot() {
    let s = store();
    s.cmd(&["run", TLS, "--name", "kept", img(), "echo", "before the reboot"]).assert_success();
    // A reboot empties the run-time directory (a tmpfs); the container and its output stay.
    s.cmd(&["unshare", "rm", "-rf", s.runroot().to_str().unwrap()]).assert_success();
    s.cmd(&["logs", "kept"]).assert_success().assert_stdout_eq("before the reboot");
    let out = s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
    out.assert_success().assert_stdout_contains("kept Exited (0)");
}

/// The events of container `name` as `STATUS CODE` lines (the code only on `died`).
fn container_events(s: &Skiff, name: &str) -> Vec<String> {
    let out = s.cmd(&[
        "events",
        "--stream=false",
        "--filter",
        &format!("container={name}"),
        "--format",
        "{{.Status}}",
    ]);
    let statuses: Vec<String> = out.assert_success().lines().iter().map(|l| l.to_string()).collect();
    let died = s.cmd(&[
        "events",
        "--stream=false",
        "--filter",
        &format!("container={name}"),
        "--filter",
        "event=died",
        "--format",
        "{{.ContainerExitCode}}",
    ]);
    let code = died.assert_success().stdout_trimmed().to_string();
    statuses.into_iter().map(|st| if st == "died" { format!("died {code}") } else { st }).collect()
}

/// Issue 16: the supervisor cleans up a `--rm` container itself. What a user sees is unchanged:
/// when `run --rm` returns, the container is already gone, its exit code is the command's (a
/// signal as 128+N), and the events end with `died` (with the code) then `remove`.
#[test]
fn run_rm_is_gone_when_it_returns_with_the_commands_exit_code_and_died_then_remove() {
    let s = store();
    for (name, code) in [("rm0", 0), ("rm3", 3), ("rm42", 42)] {
        let out =
            s.cmd(&["run", "--rm", "--name", name, img(), "sh", "-c", &format!("echo hi; exit {code}")]);
        out.assert_exit(code).assert_stdout_eq("hi");
        assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.is_empty(), "{name} is still listed");
        s.cmd(&["container", "exists", name]).assert_exit(1);
        let events = container_events(&s, name);
        assert_eq!(events[events.len() - 2..], [format!("died {code}"), "remove".to_string()], "{events:?}");
        assert!(!events.iter().any(|e| e == "cleanup"), "no cleanup event for --rm: {events:?}");
    }
    // Killed by a signal: 128 + SIGKILL, for `run` and for a `wait` started meanwhile.
    let run = s
        .command(&["run", "--rm", "--name", "rmkill", img(), "sleep", "100"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(Duration::from_secs(10), "rmkill to run", || ps_names(&s, &[]) == ["rmkill"]);
    let waiter = s
        .command(&["wait", "rmkill"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    s.cmd(&["kill", "-s", "KILL", "rmkill"]).assert_success();
    let status = run.wait_with_output().unwrap().status;
    assert_eq!(status.code(), Some(137), "run --rm of a container killed by SIGKILL");
    assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.is_empty());
    let waited = waiter.wait_with_output().unwrap();
    assert!(waited.status.success(), "wait: {}", String::from_utf8_lossy(&waited.stderr));
    assert_eq!(String::from_utf8_lossy(&waited.stdout).trim(), "137", "wait of a --rm container");
    assert_eq!(container_events(&s, "rmkill").last().map(String::as_str), Some("remove"));
    assert_store_empty(&s);
}

/// `kill -9` of the supervisor of a `run -d --rm` container, while it runs and around its exit
/// (during its own cleanup), leaves a store the next commands repair: the container is gone, or
/// reported exited (never running) with the command's code, or the unknown code -1 when the kill
/// came after the cleanup removed the exit record but before the container's record, and `rm`
/// removes what is left.
#[test]
fn supervisor_of_an_rm_container_killed_with_sigkill_at_any_moment_leaves_a_repairable_store() {
    let s = store();
    for (i, delay) in [None, Some(0u64), Some(20), Some(40), Some(60), Some(80), Some(120), Some(200)]
        .into_iter()
        .enumerate()
    {
        let name = format!("rk{i}");
        let script = if delay.is_none() { "sleep 100" } else { "sleep 0.3; exit 6" };
        let id = s
            .cmd(&["run", "-d", "--rm", "--name", &name, img(), "sh", "-c", script])
            .assert_success()
            .stdout_trimmed()
            .to_string();
        let dir = s.runroot().join("containers").join(&id);
        let supervisor = read_pid(&dir.join("supervisor.pid"));
        if let Some(ms) = delay {
            // Around the exit: the container's 0.3 s, then the cleanup.
            let exit = dir.join("exit.json");
            wait_for(Duration::from_secs(10), "the exit record", || exit.exists() || !pid_alive(supervisor));
            std::thread::sleep(Duration::from_millis(ms));
        }
        let _ =
            nix::sys::signal::kill(nix::unistd::Pid::from_raw(supervisor), nix::sys::signal::Signal::SIGKILL);
        wait_for(Duration::from_secs(5), "the supervisor to die", || !pid_alive(supervisor));
        let ps = s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.State}} {{.ExitCode}}"]);
        let line = ps
            .assert_success()
            .lines()
            .into_iter()
            .find(|l| l.starts_with(&format!("{name} ")))
            .map(str::to_string);
        if let Some(line) = line {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(fields[1], "exited", "killed at {delay:?} ms: {line}");
            if delay.is_some() {
                assert!(matches!(fields[2], "6" | "-1"), "killed {delay:?} ms after the exit record: {line}");
            }
            s.cmd(&["rm", &name]).assert_success().assert_stdout_eq(&name);
        }
        s.cmd(&["container", "exists", &name]).assert_exit(1);
    }
    assert_store_empty(&s);
}
