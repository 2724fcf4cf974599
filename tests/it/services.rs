//! Long-running services, all run by the supervisor (issue 15): restart policies (`on-failure:N`,
//! `always`, `unless-stopped`, no restart after `stop` or `kill`, `start --all --filter
//! restart-policy=`), healthchecks (healthy, unhealthy after the retries, the output kept,
//! `ps` status and `--filter health=`, each `--health-on-failure` action, `healthcheck run`, the
//! image's HEALTHCHECK and `--no-healthcheck`), and sd_notify against a datagram socket the test
//! listens on (`conmon`: READY=1 and MAINPID naming the supervisor; `container`: the container's
//! own messages passed on; `ignore`).

use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::fixtures::fixtures;
use crate::util::{self, Skiff};

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
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[track_caller]
fn inspect(s: &Skiff, name: &str, template: &str) -> String {
    s.cmd(&["container", "inspect", "--format", template, name]).assert_success().stdout_trimmed().to_string()
}

fn status(s: &Skiff, name: &str) -> String {
    inspect(s, name, "{{.State.Status}}")
}

fn restarts(s: &Skiff, name: &str) -> u32 {
    inspect(s, name, "{{.RestartCount}}").parse().expect("RestartCount is a number")
}

fn health(s: &Skiff, name: &str) -> Value {
    let out = s.cmd(&["container", "inspect", "--format", "{{json .State.Healthcheck}}", name]);
    serde_json::from_str(out.assert_success().stdout_trimmed()).expect("State.Healthcheck is JSON")
}

fn ps_status(s: &Skiff, name: &str) -> String {
    let out = s.cmd(&["ps", "-a", "--filter", &format!("name=^{name}$"), "--format", "{{.Status}}"]);
    out.assert_success().stdout_trimmed().to_string()
}

#[test]
fn on_failure_2_restarts_twice_then_the_container_stays_exited() {
    let s = store();
    s.cmd(&[
        "run",
        "-d",
        "--name",
        "flaky",
        "--restart",
        "on-failure:2",
        img(),
        "sh",
        "-c",
        "echo run; exit 1",
    ])
    .assert_success();
    wait_for(Duration::from_secs(20), "the third exit to be final", || {
        status(&s, "flaky") == "exited" && s.cmd(&["logs", "flaky"]).lines().len() == 3
    });
    // No fourth run comes later.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(status(&s, "flaky"), "exited");
    assert_eq!(restarts(&s, "flaky"), 2);
    assert_eq!(inspect(&s, "flaky", "{{.State.ExitCode}}"), "1");
    assert_eq!(s.cmd(&["logs", "flaky"]).assert_success().lines(), ["run", "run", "run"]);
    assert_eq!(
        inspect(
            &s,
            "flaky",
            "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}"
        ),
        "on-failure 2"
    );
    // A start by hand counts from zero again.
    s.cmd(&["start", "flaky"]).assert_success();
    wait_for(Duration::from_secs(20), "the restarts after a manual start", || {
        status(&s, "flaky") == "exited" && s.cmd(&["logs", "flaky"]).lines().len() == 6
    });
    assert_eq!(restarts(&s, "flaky"), 2);
    // A clean exit is not a failure.
    s.cmd(&["run", "-d", "--name", "clean", "--restart", "on-failure", img(), "true"]).assert_success();
    wait_for(Duration::from_secs(10), "the clean exit", || status(&s, "clean") == "exited");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!((status(&s, "clean").as_str(), restarts(&s, "clean")), ("exited", 0));
}

#[test]
fn always_and_unless_stopped_restart_until_stop_or_kill() {
    let s = store();
    for (name, policy) in [("al", "always"), ("us", "unless-stopped")] {
        s.cmd(&["run", "-d", "--name", name, "--restart", policy, img(), "sh", "-c", "sleep 0.2; exit 0"])
            .assert_success();
        wait_for(Duration::from_secs(20), "two restarts", || restarts(&s, name) >= 2);
        assert_eq!(status(&s, name), "running", "restarting counts as running, as in podman");
        assert_eq!(inspect(&s, name, "{{.HostConfig.RestartPolicy.Name}}"), policy);
        s.cmd(&["stop", "-t", "2", name]).assert_success();
        let after_stop = restarts(&s, name);
        assert_eq!(status(&s, name), "exited");
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(status(&s, name), "exited", "{policy}: no restart after stop");
        assert_eq!(restarts(&s, name), after_stop);
    }
    // kill by the user ends it too.
    s.cmd(&["run", "-d", "--name", "k", "--restart", "always", img(), "sleep", "100"]).assert_success();
    s.cmd(&["kill", "k"]).assert_success();
    wait_for(Duration::from_secs(10), "the kill", || status(&s, "k") == "exited");
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!((status(&s, "k").as_str(), restarts(&s, "k")), ("exited", 0), "no restart after kill");

    // SIGTERM to the supervisor (systemd stopping the unit whose MAINPID it is) ends it too.
    let trap = "trap 'exit 0' TERM; while :; do sleep 0.1; done";
    s.cmd(&["run", "-d", "--name", "unit", "--restart", "always", img(), "sh", "-c", trap]).assert_success();
    let supervisor: i32 = inspect(&s, "unit", "{{.State.ConmonPid}}").parse().unwrap();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(supervisor), nix::sys::signal::Signal::SIGTERM)
        .unwrap();
    wait_for(Duration::from_secs(10), "the container to end", || status(&s, "unit") == "exited");
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        (status(&s, "unit").as_str(), restarts(&s, "unit")),
        ("exited", 0),
        "no restart after SIGTERM"
    );
    assert_eq!(inspect(&s, "unit", "{{.State.ExitCode}}"), "0");

    // After a reboot: one command brings back the containers with a policy.
    s.cmd(&["create", "--name", "none", img(), "sleep", "100"]).assert_success();
    let out = s.cmd(&["start", "--all", "--filter", "restart-policy=always"]);
    // As podman: the full ids of the containers --all started.
    let mut started = out.assert_success().lines();
    started.sort_unstable();
    let mut ids: Vec<String> = ["al", "k", "unit"].iter().map(|n| inspect(&s, n, "{{.Id}}")).collect();
    ids.sort_unstable();
    assert_eq!(started, ids);
    // --filter alone implies --all; a name is a regular expression.
    s.cmd(&["create", "--name", "fx1", img(), "sleep", "100"]).assert_success();
    s.cmd(&["start", "--filter", "name=^fx"])
        .assert_success()
        .assert_stdout_eq(&inspect(&s, "fx1", "{{.Id}}"));
    assert_eq!(status(&s, "fx1"), "running");
    s.cmd(&["start", "--filter", "bogus=1"])
        .assert_exit(125)
        .assert_stderr_contains("bogus is an invalid filter");
    assert_eq!(status(&s, "k"), "running");
    assert_eq!(status(&s, "none"), "created");
    assert_eq!(status(&s, "us"), "exited");
    s.cmd(&["start", "--all", "--filter", "restart-policy=unless-stopped"]).assert_success();
    assert_eq!(status(&s, "us"), "running");
    s.cmd(&["rm", "-f", "-t", "0", "al", "k", "us", "none", "unit", "fx1"]).assert_success();
}

#[test]
fn bad_service_values_are_one_clear_line_and_125() {
    let s = store();
    for (args, message) in [
        (vec!["--restart", "sometimes"], "Error: invalid restart policy \"sometimes\""),
        (
            vec!["--restart", "always:3"],
            "Error: restart policy retries can only be specified with on-failure",
        ),
        (
            vec!["--health-on-failure", "explode", "--health-cmd", "true"],
            "Error: invalid on-failure action \"explode\"",
        ),
        (
            vec!["--health-on-failure=kill"],
            "Error: cannot set on-failure action to kill without a health check",
        ),
        (vec!["--rm", "--restart", "always"], "Error: the --rm option conflicts with --restart"),
        (vec!["--sdnotify", "healthy"], "Error: invalid sdnotify value \"healthy\""),
        (vec!["--health-cmd", "true", "--health-interval", "soon"], "Error: invalid healthcheck-interval"),
    ] {
        let mut all = vec!["create"];
        all.extend(args.iter().copied());
        all.push(img());
        let out = s.cmd(&all);
        out.assert_exit(125).assert_stderr_contains(message);
        assert_eq!(out.stderr.trim().lines().count(), 1, "{args:?}: {}", out.stderr);
    }
    assert!(s.cmd(&["ps", "-a", "-q"]).stdout_trimmed().is_empty(), "nothing was created");
}

#[test]
fn healthchecks_turn_healthy_then_unhealthy_after_the_retries() {
    let s = store();
    let check = "echo out; echo err >&2; test ! -e /uh-oh";
    s.cmd(&[
        "run",
        "-d",
        "--name",
        "hc",
        "--health-cmd",
        check,
        "--health-interval",
        "1s",
        "--health-retries",
        "2",
        img(),
        "sleep",
        "300",
    ])
    .assert_success();
    assert_eq!(inspect(&s, "hc", "{{.Config.HealthcheckOnFailureAction}}"), "none");
    let test: Value = serde_json::from_str(&inspect(&s, "hc", "{{json .Config.Healthcheck.Test}}")).unwrap();
    assert_eq!(test, serde_json::json!(["CMD-SHELL", check]));
    wait_for(Duration::from_secs(15), "healthy", || ps_status(&s, "hc").ends_with("(healthy)"));
    let h = health(&s, "hc");
    assert_eq!((h["Status"].as_str(), h["FailingStreak"].as_u64()), (Some("healthy"), Some(0)), "{h}");
    let last = h["Log"].as_array().and_then(|l| l.last()).cloned().expect("a log entry");
    assert_eq!((last["ExitCode"].as_i64(), last["Output"].as_str()), (Some(0), Some("out\nerr")), "{h}");
    assert_eq!(inspect(&s, "hc", "{{.State.Health.Status}}"), "healthy", "State.Health too");
    let out = s.cmd(&["healthcheck", "run", "hc"]);
    out.assert_success();
    assert_eq!(out.stdout_trimmed(), "");
    assert_eq!(s.cmd(&["ps", "--filter", "health=healthy", "--format", "{{.Names}}"]).stdout_trimmed(), "hc");

    s.cmd(&["exec", "hc", "touch", "/uh-oh"]).assert_success();
    wait_for(Duration::from_secs(15), "unhealthy", || ps_status(&s, "hc").ends_with("(unhealthy)"));
    let h = health(&s, "hc");
    assert!(h["FailingStreak"].as_u64().unwrap() >= 2, "{h}");
    let last = h["Log"].as_array().and_then(|l| l.last()).cloned().expect("a log entry");
    assert_eq!(last["ExitCode"].as_i64(), Some(1), "{h}");
    assert!(h["Log"].as_array().unwrap().len() <= 5, "only the last five results are kept: {h}");
    assert!(ps_status(&s, "hc").starts_with("Up "), "{}", ps_status(&s, "hc"));
    assert_eq!(
        s.cmd(&["ps", "--filter", "health=unhealthy", "--format", "{{.Names}}"]).stdout_trimmed(),
        "hc"
    );
    assert_eq!(s.cmd(&["ps", "--filter", "health=healthy", "--format", "{{.Names}}"]).stdout_trimmed(), "");
    let out = s.cmd(&["healthcheck", "run", "hc"]);
    out.assert_exit(1);
    assert_eq!(out.stdout_trimmed(), "unhealthy");
    assert_eq!(status(&s, "hc"), "running", "the default action is none");

    // Heals when the check passes again.
    s.cmd(&["exec", "hc", "rm", "/uh-oh"]).assert_success();
    wait_for(Duration::from_secs(15), "healthy again", || ps_status(&s, "hc").ends_with("(healthy)"));
    s.cmd(&["rm", "-f", "-t", "0", "hc"]).assert_success();
}

#[test]
fn health_on_failure_kill_stop_and_restart_are_done_by_the_supervisor() {
    let s = store();
    // The check fails once after /uh-oh appears, and removes it (so a restarted container heals).
    let check = "if test -e /uh-oh; then rm -f /uh-oh; exit 1; fi";
    for action in ["kill", "stop", "restart"] {
        let name = format!("hc-{action}");
        s.cmd(&[
            "run",
            "-d",
            "--name",
            &name,
            "--health-cmd",
            check,
            "--health-interval",
            "1s",
            "--health-retries",
            "1",
            "--health-on-failure",
            action,
            "--stop-timeout",
            "2",
            img(),
            "sleep",
            "300",
        ])
        .assert_success();
        assert_eq!(inspect(&s, &name, "{{.Config.HealthcheckOnFailureAction}}"), action);
        wait_for(Duration::from_secs(15), "healthy", || ps_status(&s, &name).ends_with("(healthy)"));
        let first_pid = inspect(&s, &name, "{{.State.Pid}}");
        s.cmd(&["exec", &name, "touch", "/uh-oh"]).assert_success();
        if action == "restart" {
            wait_for(Duration::from_secs(20), "a new container process", || {
                let pid = inspect(&s, &name, "{{.State.Pid}}");
                pid != first_pid && pid != "0"
            });
            wait_for(Duration::from_secs(15), "healthy after the restart", || {
                ps_status(&s, &name).ends_with("(healthy)")
            });
            assert_eq!(status(&s, &name), "running");
        } else {
            wait_for(Duration::from_secs(20), "the container to end", || status(&s, &name) == "exited");
            let code = inspect(&s, &name, "{{.State.ExitCode}}");
            // kill: SIGKILL (137); stop: SIGTERM, which sleep as pid 1 ignores, then SIGKILL.
            assert_eq!(code, "137", "{action}");
            std::thread::sleep(Duration::from_millis(1000));
            assert_eq!(status(&s, &name), "exited", "{action}: not started again");
        }
        s.cmd(&["rm", "-f", "-t", "0", &name]).assert_success();
    }
}

#[test]
fn healthcheck_run_exit_codes_and_messages_are_podmans() {
    let s = store();
    s.cmd(&["run", "-d", "--name", "plain", img(), "sleep", "300"]).assert_success();
    let id = inspect(&s, "plain", "{{.Id}}");
    s.cmd(&["healthcheck", "run", "plain"])
        .assert_exit(125)
        .assert_stderr_contains(&format!("Error: container {id} has no defined healthcheck"));
    s.cmd(&["create", "--name", "idle", "--health-cmd", "true", img(), "sleep", "300"]).assert_success();
    let idle = inspect(&s, "idle", "{{.Id}}");
    s.cmd(&["healthcheck", "run", "idle"])
        .assert_exit(125)
        .assert_stderr_contains(&format!("Error: container {idle} is not running"));
    s.cmd(&["healthcheck", "run", "nosuch"])
        .assert_exit(125)
        .assert_stderr_contains("Error: unable to look up nosuch to perform a health check");
    // With the interval disabled only `healthcheck run` probes: retries 1 and one failure make
    // it unhealthy at once, and the kill action runs from the command.
    s.cmd(&[
        "run",
        "-d",
        "--name",
        "once",
        "--health-cmd",
        "test ! -e /uh-oh",
        "--health-retries",
        "1",
        "--health-interval",
        "disable",
        "--health-on-failure",
        "kill",
        img(),
        "sleep",
        "300",
    ])
    .assert_success();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(ps_status(&s, "once").rsplit(' ').next(), Some("(starting)"));
    s.cmd(&["healthcheck", "run", "once"]).assert_success();
    s.cmd(&["exec", "once", "touch", "/uh-oh"]).assert_success();
    let out = s.cmd(&["healthcheck", "run", "once"]);
    out.assert_exit(1);
    assert_eq!(out.stdout_trimmed(), "unhealthy");
    assert_eq!(status(&s, "once"), "exited");
    s.cmd(&["rm", "-f", "-t", "0", "plain", "idle", "once"]).assert_success();
}

#[test]
fn the_images_healthcheck_runs_unless_no_healthcheck() {
    let s = store();
    let ctx = s.dir().join("ctx");
    fs_err::create_dir(&ctx).unwrap();
    fs_err::write(
        ctx.join("Containerfile"),
        format!("FROM {}\nHEALTHCHECK --interval=1s --retries=2 CMD test -e /etc/passwd\n", img()),
    )
    .unwrap();
    // As with buildah, only the docker format keeps a HEALTHCHECK.
    s.cmd(&["build", TLS, "--format", "docker", "-t", "localhost/checked", ctx.to_str().unwrap()])
        .assert_success();
    s.cmd(&["run", "-d", "--name", "img-hc", "localhost/checked", "sleep", "300"]).assert_success();
    let interval = inspect(&s, "img-hc", "{{.Config.Healthcheck.Interval}}");
    assert_eq!(interval, "1000000000", "the image's interval, in nanoseconds as podman shows it");
    wait_for(Duration::from_secs(15), "healthy", || ps_status(&s, "img-hc").ends_with("(healthy)"));
    s.cmd(&["run", "-d", "--name", "off", "--no-healthcheck", "localhost/checked", "sleep", "300"])
        .assert_success();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        ps_status(&s, "off").starts_with("Up") && !ps_status(&s, "off").contains('('),
        "{}",
        ps_status(&s, "off")
    );
    s.cmd(&["healthcheck", "run", "off"]).assert_exit(125);
    s.cmd(&["rm", "-f", "-t", "0", "img-hc", "off"]).assert_success();
}

/// A datagram socket the test listens on, as systemd's NOTIFY_SOCKET.
fn notify_socket(s: &Skiff) -> (UnixDatagram, PathBuf) {
    let path = s.dir().join("notify.sock");
    let sock = UnixDatagram::bind(&path).expect("bind the notify socket");
    sock.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    (sock, path)
}

fn receive(sock: &UnixDatagram) -> String {
    let mut buf = [0u8; 4096];
    let n = sock.recv(&mut buf).expect("a datagram on NOTIFY_SOCKET");
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[test]
fn sdnotify_conmon_sends_ready_and_the_supervisor_as_mainpid() {
    let s = store();
    let (sock, path) = notify_socket(&s);
    let env = [("NOTIFY_SOCKET", path.to_str().unwrap())];
    s.cmd_env(&["run", "-d", "--name", "svc", "--sdnotify=conmon", img(), "sleep", "300"], &env)
        .assert_success();
    let msg = receive(&sock);
    let supervisor = inspect(&s, "svc", "{{.State.ConmonPid}}");
    assert_eq!(msg, format!("MAINPID={supervisor}\nREADY=1"));
    let exe = fs_err::read_link(format!("/proc/{supervisor}/exe")).expect("MAINPID is a live process");
    assert_eq!(exe, fs_err::canonicalize(Skiff::bin()).unwrap(), "MAINPID is skiff's supervisor");
    assert_eq!(
        inspect(&s, "svc", "{{.Config.SdNotifyMode}} {{.Config.SdNotifySocket}}"),
        format!("conmon {}", path.display())
    );
    // The container does not see the socket in conmon mode.
    let out = s.cmd_env(&["run", "--rm", "--sdnotify=conmon", img(), "env"], &env);
    assert!(!out.assert_success().stdout.contains("NOTIFY_SOCKET"), "{}", out.stdout);
    let _ = receive(&sock);
    // ignore: nothing is sent, nothing is set.
    let out = s.cmd_env(&["run", "--rm", "--sdnotify=ignore", img(), "env"], &env);
    assert!(!out.assert_success().stdout.contains("NOTIFY_SOCKET"), "{}", out.stdout);
    sock.set_read_timeout(Some(Duration::from_millis(700))).unwrap();
    let mut buf = [0u8; 64];
    assert!(sock.recv(&mut buf).is_err(), "nothing is sent with --sdnotify=ignore");
    // start --sdnotify changes the mode of a container created with another.
    s.cmd(&["create", "--name", "later", "--sdnotify=ignore", img(), "sleep", "300"]).assert_success();
    sock.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    s.cmd_env(&["start", "--sdnotify=conmon", "later"], &env).assert_success();
    let supervisor = inspect(&s, "later", "{{.State.ConmonPid}}");
    assert_eq!(receive(&sock), format!("MAINPID={supervisor}\nREADY=1"));
    assert_eq!(inspect(&s, "later", "{{.Config.SdNotifyMode}}"), "conmon");
    s.cmd(&["rm", "-f", "-t", "0", "svc", "later"]).assert_success();
}

/// A static program that sends its argument to `$NOTIFY_SOCKET` (busybox has no way to), built
/// with the host's C compiler into `dir`.
fn sdsend(dir: &Path) -> PathBuf {
    let gcc = util::require_program("gcc", "gcc");
    let src = dir.join("sdsend.c");
    fs_err::write(
        &src,
        r#"#include <sys/socket.h>
#include <sys/un.h>
#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || argc < 2) return 2;
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un a; memset(&a, 0, sizeof a); a.sun_family = AF_UNIX;
    strncpy(a.sun_path, path, sizeof a.sun_path - 1);
    return sendto(fd, argv[1], strlen(argv[1]), 0, (struct sockaddr *)&a, sizeof a) < 0;
}
"#,
    )
    .unwrap();
    let bin = dir.join("sdsend");
    let out = util::run_program(
        gcc.to_str().unwrap(),
        &["-static", "-O2", "-o", bin.to_str().unwrap(), src.to_str().unwrap()],
    );
    out.assert_success();
    bin
}

#[test]
fn sdnotify_container_passes_the_containers_own_messages_on() {
    let s = store();
    let helper = sdsend(s.dir());
    let (sock, path) = notify_socket(&s);
    let env = [("NOTIFY_SOCKET", path.to_str().unwrap())];
    let mount = format!("{}:/sdsend:ro", helper.display());
    let script = "echo $NOTIFY_SOCKET; /sdsend STATUS=warming; sleep 1; /sdsend READY=1; sleep 300";
    let started = Instant::now();
    s.cmd_env(
        &["run", "-d", "--name", "own", "--sdnotify=container", "-v", &mount, img(), "sh", "-c", script],
        &env,
    )
    .assert_success();
    assert!(started.elapsed() < Duration::from_secs(5), "run -d does not wait for READY");
    assert_eq!(receive(&sock), "STATUS=warming");
    let supervisor = inspect(&s, "own", "{{.State.ConmonPid}}");
    assert_eq!(receive(&sock), format!("MAINPID={supervisor}\nREADY=1"));
    assert_eq!(s.cmd(&["logs", "own"]).assert_success().stdout_trimmed(), "/run/notify/notify.sock");
    assert_eq!(inspect(&s, "own", "{{.Config.SdNotifyMode}}"), "container");
    // Other commands never wait on the container's READY.
    s.cmd(&["ps"]).assert_success();
    // A container created without a socket gets one with start --sdnotify=container.
    let script = "/sdsend READY=1; sleep 300";
    s.cmd(&["create", "--name", "late", "--sdnotify=ignore", "-v", &mount, img(), "sh", "-c", script])
        .assert_success();
    s.cmd_env(&["start", "--sdnotify=container", "late"], &env).assert_success();
    let supervisor = inspect(&s, "late", "{{.State.ConmonPid}}");
    assert_eq!(receive(&sock), format!("MAINPID={supervisor}\nREADY=1"));
    s.cmd(&["rm", "-f", "-t", "0", "own", "late"]).assert_success();
}
