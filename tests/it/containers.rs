//! Containers: `run` (foreground, detached, `--rm`, `-i`, exit codes), `ps`, `logs` and `rm`,
//! with the container's writes in its upper dir and the image's whiteouts applied.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";

#[track_caller]
fn wait_for(limit: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn pid_alive(pid: i32) -> bool {
    // A zombie is gone for our purposes.
    match fs_err::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'),
        Err(_) => false,
    }
}

fn read_pid(path: PathBuf) -> i32 {
    fs_err::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .trim()
        .parse()
        .unwrap()
}

fn ps_all(s: &Skiff) -> Vec<String> {
    s.cmd(&["ps", "-a", "-q", "--no-trunc"]).assert_success().lines().iter().map(|l| l.to_string()).collect()
}

#[test]
fn run_rm_runs_as_root_and_leaves_nothing() {
    let s = Skiff::new();
    let out = s.cmd(&["run", TLS, "--rm", &fixtures().busybox.reference, "id", "-u"]);
    out.assert_success().assert_stdout_eq("0");
    out.assert_stderr_contains("Writing manifest to image destination");
    assert!(ps_all(&s).is_empty());
    let left = fs_err::read_dir(s.root().join("containers")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "container directories are left");
    let left = fs_err::read_dir(s.runroot().join("containers")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "run-time directories are left");
}

#[test]
fn run_exit_codes() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    s.cmd(&["run", TLS, "--rm", img, "sh", "-c", "exit 7"]).assert_exit(7);
    let out = s.cmd(&["run", "--rm", img, "no-such-command"]);
    out.assert_exit(127);
    assert!(ps_all(&s).is_empty());
    // Without --rm the exit is recorded.
    s.cmd(&["run", "--name", "seven", img, "sh", "-c", "exit 7"]).assert_exit(7);
    let ps = s.cmd(&["ps", "-a"]);
    ps.assert_success().assert_stdout_contains("Exited (7)").assert_stdout_contains("seven");
    assert_eq!(
        ps.lines()[0].split_whitespace().collect::<Vec<_>>(),
        ["CONTAINER", "ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]
    );
    let out = s.cmd(&["run", "--name", "seven", img, "true"]);
    out.assert_exit(125).assert_stderr_contains("the container name \"seven\" is already in use");
    s.cmd(&["run", "--pull=never", "localhost/no-such-image:1", "true"]).assert_exit(125);
    s.cmd(&["run", TLS, &format!("{}-missing:1", img.rsplit_once(':').unwrap().0), "true"]).assert_exit(125);
    assert_eq!(ps_all(&s).len(), 1);
    s.cmd(&["rm", "seven"]).assert_success().assert_stdout_eq("seven");
    // As podman: a missing container alone exits 1.
    s.cmd(&["rm", "seven"])
        .assert_exit(1)
        .assert_stderr_contains("no container with name or ID \"seven\" found: no such container");
    assert!(ps_all(&s).is_empty());
}

#[test]
fn run_interactive_forwards_stdin() {
    let s = Skiff::new();
    let out = s.cmd_stdin(&["run", TLS, "-i", "--rm", &fixtures().busybox.reference, "cat"], b"hi\n");
    out.assert_success().assert_stdout_eq("hi");
}

#[test]
fn run_options_env_workdir_user_entrypoint() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "-e",
        "FOO=bar",
        "-w",
        "/tmp",
        "-u",
        "1000:1000",
        img,
        "sh",
        "-c",
        "echo $FOO $(pwd) $(id -u)",
    ]);
    out.assert_success().assert_stdout_eq("bar /tmp 1000");
    let out = s.cmd(&["run", "--rm", "--entrypoint", "echo", img, "from", "entrypoint"]);
    out.assert_success().assert_stdout_eq("from entrypoint");
}

#[test]
fn detached_container_ps_logs_and_rm_force() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let out = s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "web",
        img,
        "sh",
        "-c",
        "echo out; echo err >&2; echo data > /written; sleep 60",
    ]);
    out.assert_success();
    let id = out.stdout_trimmed().to_string();
    assert_eq!(id.len(), 64, "{id}");
    let run_dir = s.runroot().join("containers").join(&id);
    let supervisor = read_pid(run_dir.join("supervisor.pid"));
    let container = read_pid(run_dir.join("container.pid"));
    assert!(pid_alive(supervisor) && pid_alive(container));

    let ps = s.cmd(&["ps"]);
    ps.assert_success().assert_stdout_contains(&id[..12]).assert_stdout_contains("Up ");
    assert!(ps.stdout.contains("web"));
    let upper = s.root().join("containers").join(&id).join("upper");
    wait_for(Duration::from_secs(10), "the container's output", || {
        s.cmd(&["logs", "web"]).stdout == "out\n" && upper.join("written").exists()
    });
    let logs = s.cmd(&["logs", "web"]);
    assert_eq!(logs.stderr, "err\n");
    // The container's write landed in its upper dir (owned by a mapped id: read inside).
    s.unshare(&["cat", upper.join("written").to_str().unwrap()]).assert_stdout_eq("data");
    let json = s.cmd(&["ps", "--format", "json"]).assert_success().json();
    assert_eq!(json[0]["Id"], id.as_str());
    assert_eq!(json[0]["State"], "running");
    s.cmd(&["ps", "--format", "{{.Names}} {{.Status}}"]).assert_success().assert_stdout_contains("web Up");

    // podman's exit code for a running container without --force: 2.
    let out = s.cmd(&["rm", "web"]);
    out.assert_exit(2).assert_stderr_contains(&format!(
        "cannot remove container {id} as it is running - running or paused containers cannot be removed without force"
    ));
    s.cmd(&["rm", "-f", "web"]).assert_success().assert_stdout_eq("web");
    wait_for(Duration::from_secs(5), "the supervisor and container to go", || {
        !pid_alive(supervisor) && !pid_alive(container)
    });
    assert!(!s.root().join("containers").join(&id).exists());
    assert!(!run_dir.exists());
    assert!(ps_all(&s).is_empty());
}

#[test]
fn detached_container_exits_and_ps_shows_it() {
    let s = Skiff::new();
    let out = s.cmd(&["run", TLS, "-d", &fixtures().busybox.reference, "sh", "-c", "echo bye; exit 3"]);
    let id = out.assert_success().stdout_trimmed().to_string();
    wait_for(Duration::from_secs(10), "the container to exit", || {
        s.cmd(&["ps", "-a"]).stdout.contains("Exited (3)")
    });
    assert!(s.cmd(&["ps", "-q"]).stdout.is_empty());
    s.cmd(&["logs", &id[..12]]).assert_success().assert_stdout_eq("bye");
    let out = s.cmd(&["run", "-d", "--name", "many", &fixtures().busybox.reference, "sh", "-c", "seq 1 5"]);
    out.assert_success();
    wait_for(Duration::from_secs(10), "the second container to exit", || {
        s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]).stdout.contains("many Exited (0)")
    });
    s.cmd(&["logs", "--tail", "2", "many"]).assert_success().assert_stdout_eq("4\n5");
    s.cmd(&["rm", "many"]).assert_success();
    s.cmd(&["rm", "-a"]).assert_success().assert_stdout_eq(&id);
    assert!(!s.root().join("containers").join(&id).exists());
}

#[test]
fn run_applies_the_images_whiteouts() {
    let s = Skiff::new();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        &fixtures().multi.reference,
        "sh",
        "-c",
        "cat /data/keep; test ! -e /data/gone && echo absent",
    ]);
    out.assert_success().assert_stdout_eq("keep\nabsent");
}

#[test]
fn foreground_run_killed_by_rm_force_exits_137() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, img]).assert_success();
    let mut child = s
        .command(&["run", "--name", "fg", img, "sleep", "60"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(Duration::from_secs(10), "the container to run", || s.cmd(&["ps"]).stdout.contains("fg"));
    s.cmd(&["rm", "-f", "fg"]).assert_success().assert_stdout_eq("fg");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "skiff run did not return");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(137));
    assert!(ps_all(&s).is_empty());
}
