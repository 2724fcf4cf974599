//! `exec` and `top` against a running busybox container: namespaces, user, environment, working
//! directory, exit codes, stdin, capabilities and seccomp of the exec'd process, a tty, and the
//! container's processes as `top` lists them.

use std::process::Command;
use std::time::Duration;

use crate::fixtures::fixtures;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";

/// A store with a detached busybox container named `box` running `sleep 600`, with hostname
/// `boxhost`, `FROM_RUN=run` in its environment and `/marker` written by its command.
fn running_box() -> Skiff {
    let s = Skiff::new();
    let out = s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "box",
        "-e",
        "FROM_RUN=run",
        "-w",
        "/tmp",
        &fixtures().busybox.reference,
        "sh",
        "-c",
        "echo here > /marker; exec sleep 600",
    ]);
    out.assert_success();
    // The marker is written right after the start.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let out = s.cmd(&["exec", "box", "test", "-e", "/marker"]);
        if out.status.success() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the container never wrote /marker\n{out}");
        std::thread::sleep(Duration::from_millis(50));
    }
    s
}

#[test]
fn exec_runs_in_the_containers_namespaces_as_its_user() {
    let s = running_box();
    s.cmd(&["exec", "box", "id", "-u"]).assert_success().assert_stdout_eq("0");
    s.cmd(&["exec", "box", "cat", "/marker"]).assert_success().assert_stdout_eq("here");
    let id = s.cmd(&["ps", "-q", "--no-trunc"]).assert_success().stdout_trimmed().to_string();
    // The default hostname is the short id; the working directory is the container's.
    s.cmd(&["exec", "box", "hostname"]).assert_success().assert_stdout_eq(&id[..12]);
    s.cmd(&["exec", "box", "pwd"]).assert_success().assert_stdout_eq("/tmp");
    // The container's pid namespace: its command is pid 1 and `ps` sees it.
    let ps = s.cmd(&["exec", "box", "ps", "-o", "pid,args"]);
    ps.assert_success();
    let first = ps.lines().iter().find(|l| l.trim_start().starts_with("1 ")).map(|l| l.to_string());
    assert!(first.as_deref().is_some_and(|l| l.contains("sleep 600")), "pid 1 is not the container's\n{ps}");
    // Files written by exec are the container's.
    s.cmd(&["exec", "box", "sh", "-c", "echo from-exec > /tmp/x"]).assert_success();
    s.cmd(&["exec", "box", "cat", "/tmp/x"]).assert_success().assert_stdout_eq("from-exec");
    // By prefix of the id too.
    s.cmd(&["exec", &id[..8], "true"]).assert_success();
}

#[test]
fn exec_env_user_and_workdir() {
    let s = running_box();
    let out = s.cmd(&["exec", "-e", "FROM_EXEC=exec", "-e", "FROM_RUN=over", "box", "env"]);
    out.assert_success().assert_stdout_contains("FROM_EXEC=exec").assert_stdout_contains("FROM_RUN=over");
    let env = s.cmd(&["exec", "box", "env"]);
    env.assert_success().assert_stdout_contains("FROM_RUN=run").assert_stdout_contains("PATH=");
    let file = s.dir().join("exec.env");
    fs_err::write(&file, "# comment\nFROM_FILE=file\n").unwrap();
    let out = s.cmd(&["exec", "--env-file", file.to_str().unwrap(), "box", "sh", "-c", "echo $FROM_FILE"]);
    out.assert_success().assert_stdout_eq("file");

    s.cmd(&["exec", "-u", "1000", "box", "id", "-u"]).assert_success().assert_stdout_eq("1000");
    s.cmd(&["exec", "-u", "app", "box", "sh", "-c", "echo $(id -un) $(id -g)"])
        .assert_success()
        .assert_stdout_eq("app 1000");
    s.cmd(&["exec", "-u", "1000:0", "box", "id", "-g"]).assert_success().assert_stdout_eq("0");
    let out = s.cmd(&["exec", "-u", "nosuchuser", "box", "true"]);
    out.assert_exit(125).assert_stderr_contains("nosuchuser");

    s.cmd(&["exec", "-w", "/etc", "box", "pwd"]).assert_success().assert_stdout_eq("/etc");
    s.cmd(&["exec", "-w", "/nonexistent", "box", "true"])
        .assert_exit(125)
        .assert_stderr_contains("/nonexistent");
}

#[test]
fn exec_exit_codes_and_errors() {
    let s = running_box();
    s.cmd(&["exec", "box", "sh", "-c", "exit 3"]).assert_exit(3);
    s.cmd(&["exec", "box", "sh", "-c", "kill -9 $$"]).assert_exit(137);
    s.cmd(&["exec", "box", "no-such-command"])
        .assert_exit(127)
        .assert_stderr_contains("executable file `no-such-command` not found in $PATH");
    s.cmd(&["exec", "box", "/no/such/file"]).assert_exit(127).assert_stderr_contains("/no/such/file");
    s.cmd(&["exec", "box", "/etc/passwd"]).assert_exit(126).assert_stderr_contains("/etc/passwd");
    s.cmd(&["exec", "nosuch", "true"])
        .assert_exit(125)
        .assert_stderr_contains("no container with name or ID \"nosuch\" found");

    // A container that is not running: exited, and created-then-exited via run.
    s.cmd(&["run", "--name", "done", &fixtures().busybox.reference, "true"]).assert_success();
    s.cmd(&["exec", "done", "true"])
        .assert_exit(125)
        .assert_stderr_contains("cannot exec in container")
        .assert_stderr_contains("it is exited");
    s.cmd(&["rm", "-f", "box"]).assert_success();
    s.cmd(&["exec", "box", "true"]).assert_exit(125);
}

#[test]
fn exec_stdin_only_with_interactive() {
    let s = running_box();
    s.cmd_stdin(&["exec", "-i", "box", "cat"], b"hi\nthere\n").assert_success().assert_stdout_eq("hi\nthere");
    // Without -i, the process reads EOF at once.
    s.cmd_stdin(&["exec", "box", "cat"], b"ignored\n").assert_success().assert_stdout_eq("");
    s.cmd_stdin(&["exec", "-i", "box", "wc", "-l"], b"1\n2\n3\n").assert_success().assert_stdout_eq("3");
}

/// A field of /proc/self/status as seen by a process in the container.
fn status_field(out: &util::Output, key: &str) -> String {
    out.stdout
        .lines()
        .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
        .unwrap_or_else(|| panic!("no {key} in\n{out}"))
}

#[test]
fn exec_has_the_containers_capabilities_and_seccomp() {
    let s = running_box();
    let img = &fixtures().busybox.reference;
    let run = s.cmd(&["run", "--rm", img, "cat", "/proc/self/status"]);
    run.assert_success();
    let exec = s.cmd(&["exec", "box", "cat", "/proc/self/status"]);
    exec.assert_success();
    for key in ["CapEff:", "CapPrm:", "CapBnd:", "NoNewPrivs:", "Seccomp:"] {
        assert_eq!(status_field(&exec, key), status_field(&run, key), "{key} differs between run and exec");
    }
    assert_eq!(status_field(&exec, "Seccomp:"), "2");
    assert_ne!(status_field(&exec, "CapEff:"), "000001ffffffffff", "exec has every capability");
    // Another user gets no effective capabilities.
    let app = s.cmd(&["exec", "-u", "app", "box", "cat", "/proc/self/status"]);
    assert_eq!(status_field(&app, "CapEff:"), "0000000000000000");
    assert_eq!(status_field(&app, "CapBnd:"), status_field(&run, "CapBnd:"));
}

#[test]
fn exec_tty_gives_the_process_a_terminal() {
    let s = running_box();
    // Without -t there is no terminal.
    s.cmd(&["exec", "box", "sh", "-c", "test -t 1 && echo tty || echo notty"])
        .assert_success()
        .assert_stdout_eq("notty");
    // `script` gives skiff a terminal; exec -t gives the process its own.
    let script = util::require_program("script", "bsdutils");
    let inner = util::describe(&s.command(&[
        "exec",
        "-t",
        "box",
        "sh",
        "-c",
        "test -t 1 && echo tty-$TERM; stty size",
    ]));
    let mut cmd = Command::new(script);
    cmd.args(["-qec", &format!("stty cols 123 rows 45; {inner}"), "/dev/null"]);
    let out = util::run(cmd, None, Duration::from_secs(60));
    out.assert_success().assert_stdout_contains("tty-xterm").assert_stdout_contains("45 123");
    // The exit code comes through the pty too.
    let inner = util::describe(&s.command(&["exec", "-t", "box", "sh", "-c", "exit 4"]));
    let mut cmd = Command::new(util::require_program("script", "bsdutils"));
    cmd.args(["-qec", &inner, "/dev/null"]);
    util::run(cmd, None, Duration::from_secs(60)).assert_exit(4);
    // -it: what is typed reaches an interactive shell through the pty, its exit code comes back.
    let inner = util::describe(&s.command(&["exec", "-it", "box", "sh"]));
    let typed = "sleep 1; printf 'echo typed-$((2+3))\\n'; sleep 1; printf 'exit 6\\n'; sleep 3";
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(format!("({typed}) | script -qec {} /dev/null", shell_quote(&inner)));
    let out = util::run(cmd, None, Duration::from_secs(60));
    out.assert_exit(6).assert_stdout_contains("typed-5");
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[test]
fn exec_detached_runs_in_the_background() {
    let s = running_box();
    s.cmd(&["exec", "-d", "box", "sh", "-c", "sleep 1; echo later > /tmp/detached"])
        .assert_success()
        .assert_stdout_eq("");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !s.cmd(&["exec", "box", "cat", "/tmp/detached"]).stdout.contains("later") {
        assert!(std::time::Instant::now() < deadline, "the detached process never wrote its file");
        std::thread::sleep(Duration::from_millis(100));
    }
    s.cmd(&["exec", "-d", "box", "no-such-command"]).assert_exit(127);
}

#[test]
fn top_lists_the_containers_processes() {
    let s = running_box();
    let out = s.cmd(&["top", "box"]);
    out.assert_success();
    let lines = out.lines();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
        "{out}"
    );
    let row: Vec<&str> =
        lines.iter().find(|l| l.contains("sleep 600")).expect("sleep listed").split_whitespace().collect();
    assert_eq!((row[0], row[1], row[2]), ("root", "1", "0"), "{out}");
    assert_eq!(lines.len(), 2, "only the container's process is listed\n{out}");

    // A process started by exec, as another user, shows up with its user and parent.
    s.cmd(&["exec", "-d", "-u", "app", "box", "sleep", "300"]).assert_success();
    let out = s.cmd(&["top", "box", "user,pid,args"]);
    out.assert_success().assert_stdout_contains("USER").assert_stdout_contains("COMMAND");
    assert!(out.lines().iter().any(|l| l.starts_with("app ") && l.contains("sleep 300")), "{out}");

    // Columns podman's top does not know go to ps(1) in the container (podman's fallback).
    let out = s.cmd(&["top", "box", "-o", "pid,comm"]);
    let lines = out.assert_success().lines();
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["PID", "COMMAND"], "{out}");
    assert!(lines.iter().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "sleep"]), "{out}");
    // Default columns are padded as podman's: 12 wide at least.
    let out = s.cmd(&["top", "box", "pid", "user"]);
    assert!(out.assert_success().lines()[0].starts_with("PID         USER"), "{out}");
    s.cmd(&["run", "--name", "done", &fixtures().busybox.reference, "true"]).assert_success();
    s.cmd(&["top", "done"]).assert_exit(125).assert_stderr_contains("it is exited");
}
