//! The podman flags of `run`/`create` for a container's surroundings: `--cidfile`,
//! `--conmon-pidfile`, `--pidfile`, `--tz`, `--log-driver`, `--log-opt`, `-a`, `--rmi`,
//! `--timeout`, `--hostuser`, `--unsetenv(-all)` and containers.conf's `env`/`tz`/`log_driver`,
//! the resource flags (ignored rootless, in one line), `/run/.containerenv`, `/etc/mtab`, the
//! exit 126 of a missing working directory; and the one-line errors of bad values (exit 125,
//! nothing left behind).

use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";

fn image() -> &'static str {
    &fixtures().busybox.reference
}

/// A store with the busybox fixture pulled.
fn store() -> Skiff {
    let s = Skiff::new();
    s.cmd(&["pull", TLS, image()]).assert_success();
    s
}

fn ps_all(s: &Skiff) -> Vec<String> {
    s.cmd(&["ps", "-a", "-q", "--no-trunc"]).assert_success().lines().iter().map(|l| l.to_string()).collect()
}

fn inspect(s: &Skiff, name: &str, format: &str) -> String {
    s.cmd(&["inspect", "--format", format, name]).assert_success().stdout_trimmed().to_string()
}

#[test]
fn cidfile_and_pid_files() {
    let s = store();
    let dir = s.dir().to_path_buf();
    let (cid, conmon, pid) = (dir.join("cid"), dir.join("conmon.pid"), dir.join("ctr.pid"));
    let id = s
        .cmd(&[
            "run",
            "-d",
            "--name",
            "pf",
            &format!("--cidfile={}", cid.display()),
            &format!("--conmon-pidfile={}", conmon.display()),
            "--pidfile",
            pid.to_str().unwrap(),
            image(),
            "sleep",
            "100",
        ])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    assert_eq!(fs_err::read_to_string(&cid).unwrap(), id);
    let supervisor = fs_err::read_to_string(&conmon).unwrap();
    assert_eq!(supervisor.trim(), inspect(&s, "pf", "{{.State.ConmonPid}}"));
    assert_eq!(fs_err::read_to_string(&pid).unwrap().trim(), inspect(&s, "pf", "{{.State.Pid}}"));
    assert_eq!(inspect(&s, "pf", "{{.PidFile}}"), pid.display().to_string());
    s.cmd(&["rm", "-f", "-t", "0", "pf"]).assert_success();
    // An existing cidfile is not overwritten, and nothing is created.
    let out = s.cmd(&["run", "--cidfile", cid.to_str().unwrap(), image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("container id file exists");
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    assert!(ps_all(&s).is_empty());
}

#[test]
fn tz_sets_localtime() {
    let s = store();
    // 1600000000 is 2020-09-13 12:26:40 UTC.
    let script = "touch -d @1600000000 /tmp/f; date -r /tmp/f";
    let utc =
        s.cmd(&["run", "--rm", image(), "sh", "-c", script]).assert_success().stdout_trimmed().to_string();
    assert!(utc.contains("12:26:40"), "{utc}");
    let out = s.cmd(&["run", "--rm", "--tz=Iceland", "--tz=MST7MDT", image(), "sh", "-c", script]);
    assert_eq!(out.assert_success().stdout_trimmed(), "Sun Sep 13 06:26:40 MDT 2020");
    // containers.conf's tz is the default.
    let conf = s.dir().join("containers.conf");
    fs_err::write(&conf, "[containers]\ntz = \"MST7MDT\"\n").unwrap();
    let out = s.cmd_env(
        &["run", "--rm", image(), "sh", "-c", script],
        &[("CONTAINERS_CONF", conf.to_str().unwrap())],
    );
    assert!(out.assert_success().stdout.contains("MDT"), "{}", out.stdout);
    let out = s.cmd(&["run", "--rm", "--tz=Bogus/Zone", image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("Bogus/Zone");
    assert!(ps_all(&s).is_empty());
}

#[test]
fn log_drivers_and_options() {
    let s = store();
    for (driver, keeps) in [("k8s-file", true), ("json-file", true), ("none", false), ("passthrough", false)]
    {
        let out = s.cmd(&["run", "--name", "lg", "--log-driver", driver, image(), "echo", "hello"]);
        assert_eq!(out.assert_success().stdout_trimmed(), "hello", "{driver}");
        assert_eq!(inspect(&s, "lg", "{{.HostConfig.LogConfig.Type}}"), driver);
        let path = inspect(&s, "lg", "{{.HostConfig.LogConfig.Path}}");
        let logs = s.cmd(&["logs", "lg"]);
        if keeps {
            let text = fs_err::read_to_string(&path).unwrap();
            assert!(text.ends_with(" stdout F hello\n"), "{driver}: {text}");
            assert_eq!(logs.assert_success().stdout_trimmed(), "hello");
        } else {
            assert_eq!(path, "", "{driver}");
            logs.assert_exit(125).assert_stderr_contains(&format!("using the '{driver}' log driver"));
        }
        s.cmd(&["rm", "lg"]).assert_success();
    }
    let out = s.cmd(&["run", "--log-driver=InvalidDriver", image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("InvalidDriver");
    // max-size is shown as podman shows it, and the log does not grow much beyond it.
    s.cmd(&[
        "create",
        "--name",
        "sz",
        "--log-opt",
        "max-size=3.023m",
        "--log-opt",
        "tag=web",
        image(),
        "true",
    ])
    .assert_success();
    assert_eq!(inspect(&s, "sz", "{{.HostConfig.LogConfig.Size}}"), "3.023MB");
    assert_eq!(inspect(&s, "sz", "{{.HostConfig.LogConfig.Tag}}"), "web");
    let script = "i=0; while [ $i -lt 300 ]; do echo line-$i; i=$((i+1)); sleep 0.001; done";
    s.cmd(&["run", "--name", "big", "--log-opt", "max-size=2k", image(), "sh", "-c", script])
        .assert_success();
    let path = inspect(&s, "big", "{{.HostConfig.LogConfig.Path}}");
    let len = fs_err::metadata(&path).unwrap().len();
    assert!(len < 4096, "log of {len} bytes with max-size=2k");
    let out = s.cmd(&["run", "--log-opt", "max-size=lots", image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("lots");
}

#[test]
fn attach_streams_and_rmi() {
    let s = store();
    let script = "echo out; echo err >&2";
    let out = s.cmd(&["run", "--rm", "-a", "stderr", image(), "sh", "-c", script]);
    assert_eq!(out.assert_success().stdout, "");
    assert_eq!(out.stderr.trim(), "err");
    let out = s.cmd(&["run", "--rm", "--attach", "stdout", image(), "sh", "-c", script]);
    assert_eq!(out.assert_success().stdout_trimmed(), "out");
    assert!(!out.stderr.contains("err"), "{}", out.stderr);
    // Without stdout and stderr, the container's id is printed (and run waits for the exit).
    let out = s.cmd(&["run", "--name", "ai", "-a", "stdin", image(), "echo", "hello"]);
    assert_eq!(out.assert_success().stdout_trimmed(), inspect(&s, "ai", "{{.Id}}"));
    assert_eq!(inspect(&s, "ai", "{{.State.Status}}"), "exited");
    let out = s.cmd(&["run", "-a", "bogus", image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("\"bogus\"");
    // --rmi keeps an image another container uses, and removes it once none does.
    s.cmd(&["run", "--rmi", "--rm", image(), "true"]).assert_success();
    s.cmd(&["image", "exists", image()]).assert_success();
    s.cmd(&["rm", "ai"]).assert_success();
    s.cmd(&["run", "--rmi", "--rm", image(), "true"]).assert_success();
    s.cmd(&["image", "exists", image()]).assert_exit(1);
}

#[test]
fn timeout_kills_the_container() {
    let s = store();
    let t0 = Instant::now();
    s.cmd(&["run", "--name", "to", "--timeout", "2", image(), "sleep", "60"]).assert_exit(255);
    let took = t0.elapsed();
    assert!(took >= Duration::from_secs(2) && took < Duration::from_secs(20), "{took:?}");
    assert_eq!(inspect(&s, "to", "{{.State.Status}} {{.State.ExitCode}}"), "exited -1");
    s.cmd(&["run", "--timeout", "soon", image(), "true"]).assert_exit(125).assert_stderr_contains("soon");
}

#[test]
fn environment_defaults_and_unsetenv() {
    let s = store();
    let env = |flags: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend([image(), "env"]);
        s.cmd(&args).assert_success().stdout.clone()
    };
    let all = env(&[]);
    assert!(all.contains("TERM=xterm\n") && all.contains("container=podman\n"), "{all}");
    let no_term = env(&["--unsetenv=TERM"]);
    assert!(!no_term.contains("TERM=") && no_term.contains("container=podman"), "{no_term}");
    let none = env(&["--unsetenv-all", "-e", "TERM=abc"]);
    assert!(none.contains("TERM=abc"), "{none}");
    for gone in ["container=", "PATH="] {
        assert!(!none.contains(gone), "{gone} with --unsetenv-all: {none}");
    }
    // containers.conf's env replaces the defaults.
    let conf = s.dir().join("containers.conf");
    fs_err::write(&conf, "[containers]\nenv = [\"FROM_CONF=1\"]\n").unwrap();
    let out = s.cmd_env(&["run", "--rm", image(), "env"], &[("CONTAINERS_CONF", conf.to_str().unwrap())]);
    assert!(out.assert_success().stdout.contains("FROM_CONF=1"), "{}", out.stdout);
}

#[test]
fn containerenv_mtab_hostuser_and_workdir() {
    let s = store();
    let out = s.cmd(&["run", "--rm", image(), "stat", "-c", "%s", "/run/.containerenv"]);
    assert_eq!(out.assert_success().stdout_trimmed(), "0");
    let out = s.cmd(&["run", "--rm", "--privileged", "--name", "priv", image(), "cat", "/run/.containerenv"]);
    let text = out.assert_success().stdout.clone();
    assert!(text.starts_with("engine=\"podman-") && text.contains("name=\"priv\"\n"), "{text}");
    assert!(text.contains("rootless=1\n"), "{text}");
    // The fixture has /etc but no /etc/mtab: the link is made, as podman does.
    let out = s.cmd(&["run", "--rm", image(), "readlink", "/etc/mtab"]);
    assert_eq!(out.assert_success().stdout_trimmed(), "/proc/mounts");
    let me = nix::unistd::User::from_uid(nix::unistd::getuid()).unwrap().unwrap().name;
    s.cmd(&["run", "--rm", image(), "grep", &format!("^{me}:"), "/etc/passwd"]).assert_exit(1);
    let out = s.cmd(&[
        "run",
        "--rm",
        &format!("--hostuser={me}"),
        image(),
        "grep",
        &format!("^{me}:"),
        "/etc/passwd",
    ]);
    assert!(out.assert_success().stdout.contains(&format!(":{}:", nix::unistd::getuid())));
    s.cmd(&["run", "--rm", "--hostuser=no-such-user-xyz", image(), "true"]).assert_exit(126);
    let out = s.cmd(&["run", "--rm", "--workdir", "/i/do/not/exist", image(), "pwd"]);
    out.assert_exit(126).assert_stderr_contains("workdir \"/i/do/not/exist\" does not exist on container");
    assert!(ps_all(&s).is_empty());
}

#[test]
fn resource_flags_are_checked_and_ignored_in_one_line() {
    let s = store();
    let out =
        s.cmd(&["run", "--rm", "--memory=100m", "--cpus=1.5", "--pids-limit=-1", image(), "echo", "hello"]);
    assert_eq!(out.assert_success().stdout_trimmed(), "hello");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.starts_with("Resource limits are not supported and ignored"), "{}", out.stderr);
    let out = s.cmd(&["run", "--rm", "--kernel-memory", "100", image(), "true"]);
    out.assert_success()
        .assert_stderr_contains("The --kernel-memory flag is no longer supported. This flag is a noop.");
    let out = s.cmd(&["run", "--rm", "--memory=abc", image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("'abc'");
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    s.cmd(&["run", "--rm", "--cpuset-cpus=x-1", image(), "true"])
        .assert_exit(125)
        .assert_stderr_contains("x-1");
    // Ports are dropped, with podman's line, for a container on the host's network.
    let out = s.cmd(&["run", "--rm", "-p", "8080", "--net=host", image(), "echo", "hi"]);
    assert_eq!(out.assert_success().stdout_trimmed(), "hi");
    out.assert_stderr_contains("Port mappings have been discarded");
    assert!(ps_all(&s).is_empty());
}

#[test]
fn preserve_fds_passes_descriptors_on() {
    let s = store();
    let file = s.dir().join("content");
    fs_err::write(&file, "from fd 4\n").unwrap();
    // `skiff run ...` started by a shell with descriptors 3 and 4 open.
    let through_shell = |args: &[&str]| {
        let inner = s.command(args);
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c").arg(format!("exec \"$0\" \"$@\" 3</dev/null 4<'{}'", file.display()));
        cmd.arg(inner.get_program()).args(inner.get_args());
        for (k, v) in inner.get_envs() {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        crate::util::run(cmd, None, s.timeout)
    };
    let out = through_shell(&["run", "--rm", "--preserve-fds=2", image(), "sh", "-c", "cat <&4"]);
    assert_eq!(out.assert_success().stdout_trimmed(), "from fd 4");
    // Without the flag the container does not get them.
    let out = through_shell(&["run", "--rm", image(), "sh", "-c", "cat <&4"]);
    assert!(out.code() != Some(0), "fd 4 leaked into the container: {}", out.stdout);
    let out = s.cmd(&["run", "--rm", "--preserve-fds=9", image(), "true"]);
    out.assert_exit(125).assert_stderr_contains("file descriptor");
}

/// `container runlabel`: the command of an image's label with IMAGE, NAME and OPT1 filled in
/// and a leading `podman` replaced by this program; `--display` prints it, without it it runs.
#[test]
fn runlabel_displays_and_runs_the_command_of_a_label() {
    let s = store();
    let ctx = s.dir().join("rl-ctx");
    fs_err::create_dir_all(&ctx).unwrap();
    let (root, runroot) = (s.root().display().to_string(), s.runroot().display().to_string());
    fs_err::write(
        ctx.join("Containerfile"),
        format!(
            "FROM {}\nLABEL INSTALL=\"podman --root {root} --runroot {runroot} run --rm \\${{IMAGE}} echo name=\\${{NAME}} \\${{OPT1}}\"\n",
            image()
        ),
    )
    .unwrap();
    s.cmd(&["build", "-q", "-t", "rl", ctx.to_str().unwrap()]).assert_success();
    let shown = s
        .cmd(&["container", "runlabel", "--display", "install", "rl"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    assert_eq!(
        shown,
        format!(
            "command: {} --root {root} --runroot {runroot} run --rm localhost/rl:latest echo name=rl",
            Skiff::bin()
        )
    );
    let out = s.cmd(&["container", "runlabel", "-n", "mine", "--opt1", "one", "install", "rl", "two"]);
    assert_eq!(out.assert_success().stdout_trimmed(), "name=mine one two");
    // The command ran a container of its own, removed with --rm.
    assert!(ps_all(&s).is_empty());
    let out = s.cmd(&["container", "runlabel", "--display", "nosuch", "rl"]);
    out.assert_exit(125).assert_stderr_contains("cannot find the value of label: nosuch in image: rl");
}

/// `--ipc`, `--pid`, `--uts`: the host's namespaces, another container's, or (ipc) none; what
/// `inspect` shows; the one-line errors of bad values.
#[test]
fn ipc_pid_and_uts_namespaces_host_container_and_none() {
    let s = store();
    let ns = |args: &[&str], kind: &str| -> String {
        let mut all = vec!["run", "--rm"];
        all.extend_from_slice(args);
        all.extend([image(), "readlink", &*Box::leak(format!("/proc/self/ns/{kind}").into_boxed_str())]);
        s.cmd(&all).assert_success().stdout_trimmed().to_string()
    };
    let host = |kind: &str| fs_err::read_link(format!("/proc/self/ns/{kind}")).unwrap().display().to_string();
    // The host's.
    assert_eq!(ns(&["--ipc", "host"], "ipc"), host("ipc"));
    assert_eq!(ns(&["--uts=host"], "uts"), host("uts"));
    assert_eq!(ns(&["--pid", "host"], "pid"), host("pid"));
    assert_ne!(ns(&[], "ipc"), host("ipc"));
    let hostname = nix::unistd::gethostname().unwrap().into_string().unwrap();
    s.cmd(&["run", "--rm", "--uts", "host", image(), "hostname"])
        .assert_success()
        .assert_stdout_eq(&hostname);
    // With the host's pids, this test's own process is among those the container sees.
    let me = std::process::id().to_string();
    let mine = format!("/proc/{me}/status");
    s.cmd(&["run", "--rm", "--pid=host", image(), "test", "-e", &mine]).assert_success();
    s.cmd(&["run", "--rm", image(), "test", "-e", &mine]).assert_exit(1);
    // Another container's, by name.
    s.cmd(&["run", "-d", "--name", "holder", "--hostname", "holdername", image(), "sleep", "100"])
        .assert_success();
    let theirs = |kind: &str| {
        s.cmd(&["exec", "holder", "readlink", &format!("/proc/self/ns/{kind}")])
            .assert_success()
            .stdout_trimmed()
            .to_string()
    };
    assert_eq!(ns(&["--ipc", "container:holder"], "ipc"), theirs("ipc"));
    assert_eq!(ns(&["--pid", "container:holder"], "pid"), theirs("pid"));
    s.cmd(&["run", "--rm", "--uts", "container:holder", image(), "hostname"])
        .assert_success()
        .assert_stdout_eq("holdername");
    let out = s.cmd(&["run", "--rm", "--pid", "container:holder", image(), "ps", "-o", "args"]);
    assert!(out.assert_success().stdout.contains("sleep 100"), "{out}");
    // Created now, started later: the namespace is the holder's as it runs then.
    s.cmd(&[
        "create",
        "--name",
        "joiner",
        "--ipc",
        "container:holder",
        image(),
        "readlink",
        "/proc/self/ns/ipc",
    ])
    .assert_success();
    let holder_id = inspect(&s, "holder", "{{.Id}}");
    assert_eq!(inspect(&s, "joiner", "{{.HostConfig.IpcMode}}"), format!("container:{holder_id}"));
    s.cmd(&["start", "-a", "joiner"]).assert_success().assert_stdout_eq(&theirs("ipc"));
    // The holder is a dependency (podman's): starting the joiner starts it again, and it cannot
    // be removed while the joiner exists, unless --depend.
    s.cmd(&["stop", "-t", "0", "holder"]).assert_success();
    s.cmd(&["start", "-a", "joiner"]).assert_success();
    assert_eq!(inspect(&s, "holder", "{{.State.Status}}"), "running");
    s.cmd(&["rm", "-f", "holder"]).assert_exit(125).assert_stderr_contains("has dependent containers");
    // --ipc none: no /dev/shm.
    s.cmd(&["run", "--rm", "--ipc", "none", image(), "ls", "/dev/shm"]).assert_exit(1);
    // What inspect shows (podman's names).
    s.cmd(&["create", "--name", "modes", "--ipc", "host", "--pid", "host", image(), "true"]).assert_success();
    assert_eq!(
        inspect(&s, "modes", "{{.HostConfig.IpcMode}} {{.HostConfig.PidMode}} {{.HostConfig.UTSMode}}"),
        "host host private"
    );
    assert_eq!(inspect(&s, "joiner", "{{.HostConfig.PidMode}} {{.HostConfig.UTSMode}}"), "private private");
    s.cmd(&["create", "--name", "dflt", image(), "true"]).assert_success();
    assert_eq!(inspect(&s, "dflt", "{{.HostConfig.IpcMode}}"), "shareable");
    // Bad values: one line, 125, nothing created.
    let before = ps_all(&s).len();
    for (args, needle) in [
        (vec!["--ipc", "bogus"], "unrecognized namespace mode bogus passed to --ipc"),
        (vec!["--pid", "shareable"], "unrecognized namespace mode shareable passed to --pid"),
        (vec!["--uts", "container:nosuch"], "\"nosuch\""),
        (vec!["--uts", "host", "--hostname", "x"], "--uts host"),
    ] {
        let mut all = vec!["create"];
        all.extend(args.iter().copied());
        all.extend([image(), "true"]);
        let out = s.cmd(&all);
        out.assert_exit(125).assert_stderr_contains(needle);
        assert_eq!(out.stderr.trim().lines().count(), 1, "{out}");
    }
    assert_eq!(ps_all(&s).len(), before);
    s.cmd(&["rm", "-f", "-t", "0", "--depend", "holder"]).assert_success();
    s.cmd(&["rm", "-f", "-t", "0", "modes", "dflt"]).assert_success();
    assert!(ps_all(&s).is_empty());
}
