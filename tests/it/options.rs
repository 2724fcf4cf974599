//! The configuration flags of `run` (capabilities, ulimits, `--init`, `--read-only`, `--tmpfs`,
//! `--security-opt`, `--hostname`, `--env-file`, labels, `--privileged`) and `--runtime`: the same
//! containers run with the built-in runtime, crun and runc, comparing what each one sees; and the
//! one-line errors for bad values, which leave no container behind.
//!
//! crun 1.8.1 needs the cgroup fix of scripts/setup-host.sh on this host.

use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{require_program, Output, Skiff};

const TLS: &str = "--tls-verify=false";
const RUNTIMES: [&str; 3] = ["builtin", "crun", "runc"];

fn image() -> &'static str {
    &fixtures().busybox.reference
}

/// A store with the busybox fixture pulled.
fn store() -> Skiff {
    let s = Skiff::new();
    s.cmd(&["pull", TLS, image()]).assert_success();
    s
}

/// `skiff run --rm [--runtime RT] FLAGS IMAGE sh -c SCRIPT`.
fn run_with(s: &Skiff, runtime: &str, flags: &[&str], script: &str) -> Output {
    let mut args = vec!["run", "--rm"];
    if runtime != "builtin" {
        require_program(runtime, runtime);
        args.extend(["--runtime", runtime]);
    }
    args.extend_from_slice(flags);
    args.extend([image(), "sh", "-c", script]);
    s.cmd(&args)
}

/// Runs `script` with `flags` under every runtime in one store; each run must succeed, and every
/// runtime's `normalise`d output must equal the built-in one's, which is returned.
#[track_caller]
fn same_everywhere(flags: &[&str], script: &str, normalise: fn(&str) -> String) -> String {
    let s = store();
    let outs: Vec<(&str, Output)> =
        RUNTIMES.iter().map(|rt| (*rt, run_with(&s, rt, flags, script))).collect();
    for (rt, out) in &outs {
        assert_eq!(out.code(), Some(0), "{rt} failed:\n{}{}", out.stdout, out.stderr);
    }
    let builtin = normalise(&outs[0].1.stdout);
    for (rt, out) in &outs[1..] {
        assert_eq!(
            normalise(&out.stdout),
            builtin,
            "flags {flags:?}: builtin:\n{}\n{rt}:\n{}",
            outs[0].1.stdout,
            out.stdout
        );
    }
    assert!(ps_all(&s).is_empty(), "--rm left containers");
    let left = fs_err::read_dir(s.runroot().join("containers")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "run-time directories (with the runtimes' state) are left");
    builtin
}

fn as_is(s: &str) -> String {
    s.to_string()
}

fn ps_all(s: &Skiff) -> Vec<String> {
    s.cmd(&["ps", "-a", "-q", "--no-trunc"]).assert_success().lines().iter().map(|l| l.to_string()).collect()
}

fn line_with<'a>(out: &'a str, prefix: &str) -> &'a str {
    out.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no {prefix:?} line in:\n{out}"))
}

#[test]
fn runtime_identity_and_hostname_match_the_builtin() {
    let script = "id -u; cat /proc/self/uid_map; hostname; echo $HOSTNAME; echo $$";
    let out = same_everywhere(&["--hostname", "web.example"], script, as_is);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "0");
    let uid = nix::unistd::getuid().as_raw().to_string();
    assert_eq!(lines[1].split_whitespace().collect::<Vec<_>>(), ["0", uid.as_str(), "1"]);
    assert_eq!(&lines[lines.len() - 3..], ["web.example", "web.example", "1"]);
}

#[test]
fn runtime_capabilities_match_the_builtin_with_cap_add_and_cap_drop() {
    let caps = |s: &str| s.lines().filter(|l| l.starts_with("Cap")).collect::<Vec<_>>().join("\n");
    let script = "grep Cap /proc/self/status";
    let default = same_everywhere(&[], script, |s| s.to_string());
    assert_eq!(line_with(&default, "CapBnd:"), "CapBnd:\t00000000800405fb");
    assert_eq!(caps(&default).lines().count(), 5);
    // + NET_RAW (13), NET_ADMIN (12), - CHOWN (0), - KILL (5)
    let flags =
        ["--cap-add", "net_raw", "--cap-add", "CAP_NET_ADMIN", "--cap-drop", "chown", "--cap-drop", "KILL"];
    let changed = same_everywhere(&flags, script, |s| s.to_string());
    assert_eq!(line_with(&changed, "CapBnd:"), "CapBnd:\t00000000800435da");
    assert_eq!(line_with(&changed, "CapEff:"), "CapEff:\t00000000800435da");
    // A non-root user keeps only what was added, through the ambient set.
    let user = same_everywhere(&["-u", "1000", "--cap-add", "net_raw"], script, |s| s.to_string());
    assert_eq!(line_with(&user, "CapEff:"), "CapEff:\t0000000000002000");
    assert_eq!(line_with(&user, "CapAmb:"), "CapAmb:\t0000000000002000");
    let all = same_everywhere(&["--privileged"], "grep -E 'CapBnd|Seccomp:' /proc/self/status", as_is);
    assert_eq!(all, "CapBnd:\t000001ffffffffff\nSeccomp:\t0\n");
}

/// Mount points, file system types and ro/rw from /proc/self/mountinfo, sorted (files masked by
/// a bind of /dev/null as `masked`); without
/// /sys/fs/cgroup and below, where the runtimes differ on this cgroup v1 host (crun and runc
/// mount a tmpfs with each hierarchy read-only; the built-in runtime's fallback, a recursive bind
/// of the host's /sys/fs/cgroup, is read-only at the top only).
fn mounts(out: &str) -> String {
    let mut v: Vec<String> = out
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.get(4).is_some_and(|m| m.starts_with("/sys/fs/cgroup")) {
                return None;
            }
            let dash = f.iter().position(|x| *x == "-")?;
            // A file masked with /dev/null: runc leaves that bind writable (writes vanish).
            if f[3] == "/null" && f[4] != "/dev/null" {
                return Some(format!("{} masked", f[4]));
            }
            let ro = f[5].split(',').any(|o| o == "ro");
            Some(format!("{} {} {}", f[4], f[dash + 1], if ro { "ro" } else { "rw" }))
        })
        .collect();
    v.sort();
    v.join("\n")
}

#[test]
fn runtime_mounts_match_the_builtin_with_read_only_and_tmpfs() {
    let script = "cat /proc/self/mountinfo";
    let plain = same_everywhere(&[], script, mounts);
    for want in ["/ overlay rw", "/proc proc rw", "/sys sysfs ro", "/dev/shm tmpfs rw", "/proc/sys proc ro"] {
        assert!(plain.lines().any(|l| l == want), "missing {want:?} in:\n{plain}");
    }
    assert!(!plain.lines().any(|l| l.starts_with("/tmp ")), "{plain}");
    let ro = same_everywhere(&["--read-only", "--tmpfs", "/data:size=1m,mode=700"], script, mounts);
    for want in ["/ overlay ro", "/tmp tmpfs rw", "/var/tmp tmpfs rw", "/run tmpfs rw", "/data tmpfs rw"] {
        assert!(ro.lines().any(|l| l == want), "missing {want:?} in:\n{ro}");
    }
    let bare = same_everywhere(&["--read-only", "--read-only-tmpfs=false"], script, mounts);
    assert!(bare.lines().any(|l| l == "/ overlay ro"), "{bare}");
    assert!(!bare.lines().any(|l| l.starts_with("/tmp ")), "{bare}");
    let privileged = same_everywhere(&["--privileged"], script, mounts);
    assert!(plain.lines().any(|l| l == "/proc/keys masked"), "{plain}");
    assert!(!privileged.lines().any(|l| l.starts_with("/proc/keys ") || l.starts_with("/sys/firmware ")));
}

#[test]
fn read_only_blocks_writes_but_not_to_the_tmpfs_dirs_and_tmpfs_options_apply() {
    let script = "touch /x 2>/dev/null && echo root-writable || echo root-ro; \
                  touch /tmp/x /var/tmp/x /run/x && echo tmp-ok; \
                  grep ' /data ' /proc/self/mountinfo | grep -o 'size=[0-9a-z]*'; \
                  stat -c %a /data; touch /data/x && echo data-ok; \
                  cp /bin/busybox /data/bb && /data/bb true 2>/dev/null || echo data-noexec";
    let out = same_everywhere(&["--read-only", "--tmpfs", "/data:size=1m,mode=700"], script, as_is);
    assert_eq!(out, "root-ro\ntmp-ok\nsize=1024k\n700\ndata-ok\ndata-noexec\n");
    let out = same_everywhere(
        &["--read-only", "--read-only-tmpfs=false"],
        "touch /tmp/x 2>/dev/null || echo tmp-ro",
        as_is,
    );
    assert_eq!(out, "tmp-ro\n");
}

#[test]
fn runtime_env_from_env_file_then_e_matches_the_builtin() {
    let s = Skiff::new();
    let env_file = s.dir().join("env");
    // `PATH` alone takes the value skiff runs with (the test's own).
    fs_err::write(&env_file, "# comment\nA=from-file\nB=from-file\n\nSPACED=a b\nPATH\n").unwrap();
    let file = env_file.to_str().unwrap().to_string();
    let out = same_everywhere(
        &["--env-file", &file, "-e", "B=from-flag", "-e", "C=c"],
        "echo \"$A|$B|$C|$SPACED\"; env | grep -c '^B='; echo \"$PATH\"",
        as_is,
    );
    let path = std::env::var("PATH").unwrap();
    assert_eq!(out, format!("from-file|from-flag|c|a b\n1\n{path}\n"));
}

#[test]
fn runtime_exit_codes_match_the_builtin() {
    require_program("catatonit", "catatonit");
    let s = store();
    for rt in RUNTIMES {
        assert_eq!(run_with(&s, rt, &[], "exit 0").code(), Some(0), "{rt}");
        assert_eq!(run_with(&s, rt, &[], "exit 3").code(), Some(3), "{rt}");
        let mut args = vec!["run", "--rm"];
        if rt != "builtin" {
            args.extend(["--runtime", rt]);
        }
        let out = s.cmd(&[args.as_slice(), &[image(), "no-such-command"]].concat());
        out.assert_exit(127).assert_stderr_contains("no-such-command");
        // pid 1 cannot SIGKILL itself; under --init the shell is not pid 1.
        let out = run_with(&s, rt, &["--init"], "kill -9 $$");
        assert_eq!(out.code(), Some(137), "{rt}: {}", out.stderr);
    }
    assert!(ps_all(&s).is_empty());
}

#[test]
fn runtime_container_killed_by_a_signal_exits_137() {
    let s = store();
    for rt in RUNTIMES {
        let mut args = vec!["run", "--rm", "--name", "victim"];
        if rt != "builtin" {
            require_program(rt, rt);
            args.extend(["--runtime", rt]);
        }
        args.extend([image(), "sleep", "100"]);
        let mut child = KillOnDrop(s.command(&args).spawn().unwrap());
        let pid = container_pid(&s, rt);
        // The recorded pid is the container's own process (sleep, once it has exec'd), not the
        // runtime's.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let comm = fs_err::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            if comm.trim() == "sleep" {
                break;
            }
            assert!(Instant::now() < deadline, "{rt}: pid {pid} is {comm:?}, not the container's sleep");
            std::thread::sleep(Duration::from_millis(20));
        }
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).unwrap();
        let status = child.0.wait().unwrap();
        assert_eq!(status.code(), Some(137), "{rt}");
    }
    assert!(ps_all(&s).is_empty());
}

#[test]
fn runtime_seccomp_no_new_privileges_and_ulimits_match_the_builtin() {
    let script = "grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status; ulimit -n; ulimit -Hn";
    let default = same_everywhere(&[], script, as_is);
    assert!(default.starts_with("NoNewPrivs:\t0\nSeccomp:\t2\n"), "{default}");
    let flags = [
        "--security-opt",
        "no-new-privileges",
        "--security-opt",
        "seccomp=unconfined",
        "--security-opt",
        "label=disable",
        "--ulimit",
        "nofile=512:1024",
    ];
    let out = same_everywhere(&flags, script, as_is);
    assert_eq!(out, "NoNewPrivs:\t1\nSeccomp:\t0\n512\n1024\n");
}

#[test]
fn seccomp_profile_file_is_applied() {
    let s = Skiff::new();
    let profile = s.dir().join("deny-mkdir.json");
    fs_err::write(
        &profile,
        r#"{"defaultAction": "SCMP_ACT_ALLOW",
            "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#,
    )
    .unwrap();
    let opt = format!("seccomp={}", profile.display());
    let out = same_everywhere(
        &["--security-opt", &opt],
        "mkdir /tmp/d 2>/dev/null || echo denied; grep Seccomp: /proc/self/status",
        as_is,
    );
    assert_eq!(out, "denied\nSeccomp:\t2\n");
}

#[test]
fn init_is_pid_1_reaps_orphans_and_relays_sigterm() {
    require_program("catatonit", "catatonit");
    let s = store();
    for rt in ["builtin", "crun"] {
        // An orphan (the subshell's sleep) is re-parented to pid 1 and must not stay a zombie.
        let out = run_with(
            &s,
            rt,
            &["--init"],
            "(sleep 0.2 &); sleep 1; tr '\\0' ' ' < /proc/1/cmdline; echo; ps -o stat | grep -c '^Z' || true",
        );
        out.assert_success();
        let lines = out.lines();
        assert!(lines[0].starts_with("/run/skiff-init -- sh -c"), "{rt}: {}", out.stdout);
        assert_eq!(lines[1], "0", "{rt}: zombies left:\n{}", out.stdout);
    }
    // Without --init the shell is pid 1 and ignores SIGTERM; with it, SIGTERM (sent to `run`,
    // relayed by the supervisor to the init, by the init to the shell) ends it at once.
    for rt in RUNTIMES {
        let mut args = vec!["run", "--rm", "--init"];
        if rt != "builtin" {
            args.extend(["--runtime", rt]);
        }
        args.extend([image(), "sh", "-c", "sleep 100 & wait"]);
        let mut child = KillOnDrop(s.command(&args).spawn().unwrap());
        container_pid(&s, rt);
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        let run = nix::unistd::Pid::from_raw(child.0.id() as i32);
        nix::sys::signal::kill(run, nix::sys::signal::Signal::SIGTERM).unwrap();
        let status = child.0.wait().unwrap();
        assert!(started.elapsed() < Duration::from_secs(5), "{rt}: SIGTERM took {:?}", started.elapsed());
        assert_eq!(status.code(), Some(143), "{rt}");
    }
    assert!(ps_all(&s).is_empty());
}

/// A shell starts `skiff run ... &` with SIGINT and SIGQUIT ignored; the container must not
/// inherit that (its shell could not trap them), and `kill -INT` of `run` reaches the trap
/// (podman's sig-proxy: peer file 032-sig-proxy).
#[test]
fn signals_the_caller_ignores_are_not_ignored_in_the_container() {
    use std::os::unix::process::CommandExt;
    let s = store();
    for rt in RUNTIMES {
        let name = format!("trap-{rt}");
        let mut args = vec!["run", "-i", "--name", &name];
        if rt != "builtin" {
            args.extend(["--runtime", rt]);
        }
        let script = "trap 'echo BYE; exit 0' INT; grep SigIgn /proc/self/status; echo READY; \
                      while :; do sleep 0.1; done";
        args.extend([image(), "sh", "-c", script]);
        let mut cmd = s.command(&args);
        cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        // SAFETY: signal(2) with SIG_IGN is async-signal-safe; nothing else runs before exec.
        unsafe {
            cmd.pre_exec(|| {
                for sig in [nix::sys::signal::Signal::SIGINT, nix::sys::signal::Signal::SIGQUIT] {
                    nix::sys::signal::signal(sig, nix::sys::signal::SigHandler::SigIgn)?;
                }
                Ok(())
            });
        }
        let mut child = KillOnDrop(cmd.spawn().unwrap());
        let mut out = std::io::BufReader::new(child.0.stdout.take().unwrap());
        let mut seen = String::new();
        while !seen.contains("READY") {
            let mut line = String::new();
            let n = std::io::BufRead::read_line(&mut out, &mut line).unwrap();
            assert!(n > 0, "{rt}: no READY; output so far:\n{seen}");
            seen.push_str(&line);
        }
        // The container's own view: SIGINT (bit 1) and SIGQUIT (bit 2) not ignored.
        let ignored = seen.lines().find_map(|l| l.strip_prefix("SigIgn:")).map(str::trim);
        let ignored = u64::from_str_radix(ignored.unwrap_or_else(|| panic!("{rt}: {seen}")), 16).unwrap();
        assert_eq!(ignored & 0b110, 0, "{rt}: {seen}");
        let run = nix::unistd::Pid::from_raw(child.0.id() as i32);
        nix::sys::signal::kill(run, nix::sys::signal::Signal::SIGINT).unwrap();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
        let status = child.0.wait().unwrap();
        assert_eq!(rest.trim(), "BYE", "{rt}");
        assert_eq!(status.code(), Some(0), "{rt}");
        s.cmd(&["rm", &name]).assert_success();
    }
}

/// The pid in the only running container's `container.pid`, once it is there.
fn container_pid(s: &Skiff, rt: &str) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = fs_err::read_dir(s.runroot().join("containers"))
            .into_iter()
            .flatten()
            .flatten()
            .find_map(|d| fs_err::read_to_string(d.path().join("container.pid")).ok());
        if let Some(pid) = found.and_then(|p| p.trim().parse::<i32>().ok()) {
            return pid;
        }
        assert!(Instant::now() < deadline, "{rt}: no container.pid");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn labels_annotations_and_stop_settings_are_recorded() {
    let s = store();
    let labels = s.dir().join("labels");
    fs_err::write(&labels, "# team labels\nteam=core\ntier=from-file\n").unwrap();
    s.cmd(&[
        "run",
        "-d",
        "--name",
        "labelled",
        "--label-file",
        labels.to_str().unwrap(),
        "-l",
        "tier=web",
        "--label",
        "flag",
        "--stop-signal",
        "SIGINT",
        "--stop-timeout",
        "3",
        "--runtime",
        "crun",
        "--annotation",
        "org.example.note=hello",
        image(),
        "true",
    ])
    .assert_success();
    let ps = s.cmd(&["ps", "-a", "--format", "json"]).assert_success().json();
    assert_eq!(ps[0]["Labels"], serde_json::json!({"flag": "", "team": "core", "tier": "web"}));
    let records: serde_json::Value =
        serde_json::from_slice(&fs_err::read(s.root().join("containers.json")).unwrap()).unwrap();
    let rec = &records["containers"][0];
    assert_eq!(rec["runtime"], "crun");
    assert_eq!(rec["stop_signal"], "SIGINT");
    assert_eq!(rec["stop_timeout"], 3);
    // Annotations go into the OCI spec the runtime gets; labels do not.
    let id = rec["id"].as_str().unwrap();
    let bundle = s.root().join("containers").join(id).join("bundle/config.json");
    let spec: serde_json::Value = serde_json::from_slice(&fs_err::read(bundle).unwrap()).unwrap();
    assert_eq!(spec["annotations"], serde_json::json!({"org.example.note": "hello"}));
}

/// Each bad value: exit 125, one `Error:` line naming the value, and no container.
#[test]
fn bad_values_fail_with_one_line_and_create_nothing() {
    let s = store();
    let not_json = s.dir().join("profile.json");
    fs_err::write(&not_json, "{ this is not json").unwrap();
    let bad_utf8 = s.dir().join("env-bad");
    fs_err::write(&bad_utf8, b"A=\xff\xfe\n").unwrap();
    let missing = s.dir().join("no-such-env");
    let cases: Vec<(Vec<String>, String)> = vec![
        (vec!["--ulimit".into(), "nofile=abc".into()], "nofile=abc".into()),
        (vec!["--ulimit".into(), "nofiles=1".into()], "nofiles=1".into()),
        (vec!["--cap-add".into(), "CAP_FLY".into()], "CAP_FLY".into()),
        (vec!["--cap-drop".into(), "nope".into()], "nope".into()),
        (vec!["--env-file".into(), missing.display().to_string()], missing.display().to_string()),
        (vec!["--env-file".into(), bad_utf8.display().to_string()], bad_utf8.display().to_string()),
        (
            vec!["--security-opt".into(), format!("seccomp={}", not_json.display())],
            not_json.display().to_string(),
        ),
        (vec!["--security-opt".into(), "apparmor=x".into()], "apparmor=x".into()),
        (vec!["--tmpfs".into(), "relative".into()], "relative".into()),
        (vec!["--stop-signal".into(), "SIGNOPE".into()], "SIGNOPE".into()),
        (vec!["--runtime".into(), "no-such-runtime".into()], "no-such-runtime".into()),
        (vec!["-u".into(), "ghost".into()], "ghost".into()),
    ];
    for (flags, named) in cases {
        let mut args: Vec<&str> = vec!["run", "--rm"];
        args.extend(flags.iter().map(String::as_str));
        args.extend([image(), "true"]);
        let out = s.cmd(&args);
        out.assert_exit(125);
        let errors: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("Error:")).collect();
        assert_eq!(errors.len(), 1, "{flags:?}: {}", out.stderr);
        assert!(errors[0].contains(&named), "{flags:?}: {}", out.stderr);
        assert!(ps_all(&s).is_empty(), "{flags:?} left a container");
    }
    let left = fs_err::read_dir(s.root().join("containers")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "container directories are left");
}

/// skiff's own init (used for `--init` when catatonit is not installed), run as pid 1 of a new
/// pid namespace on the host, since skiff itself needs the host's C library: it reaps orphans,
/// relays SIGTERM to its child, and exits with the child's status.
#[test]
fn skiff_init_as_pid_1_reaps_relays_and_exits_with_the_child() {
    let unshare = require_program("unshare", "util-linux");
    let s = Skiff::new();
    let init = s.dir().join("skiff-init");
    std::os::unix::fs::symlink(Skiff::bin(), &init).unwrap();
    let init = init.to_str().unwrap();
    let in_pid_ns = |script: &str| {
        let mut cmd = std::process::Command::new(&unshare);
        cmd.args(["--user", "--map-root-user", "--pid", "--fork", "--kill-child", "--mount-proc", init])
            .args(["--", "sh", "-c", script]);
        cmd
    };
    let out = crate::util::run(
        in_pid_ns("(sleep 0.2 &); sleep 1; echo $$; ps -e -o stat= | grep -c '^Z'; exit 3"),
        None,
        Duration::from_secs(30),
    );
    assert_eq!(out.code(), Some(3), "{}", out.stderr);
    assert_eq!(out.lines(), ["2", "0"], "the shell is pid 2 and no zombie is left");
    let out = crate::util::run(in_pid_ns("kill -9 $$"), None, Duration::from_secs(30));
    assert_eq!(out.code(), Some(137));
    let mut cmd = std::process::Command::new(&unshare);
    cmd.args(["--user", "--map-root-user", "--pid", "--fork", "--mount-proc", init, "--", "no-such-command"]);
    let out = crate::util::run(cmd, None, Duration::from_secs(30));
    assert_eq!(out.code(), Some(127));
    out.assert_stderr_contains("skiff-init: cannot execute \"no-such-command\"");

    // SIGTERM to the init (from outside its namespace) reaches the shell, which is not pid 1.
    let child = in_pid_ns("sleep 100 & wait").spawn().unwrap();
    // Killing unshare on the way out (--kill-child) ends the init and its namespace.
    let mut child = KillOnDrop(child);
    let unshare_pid = child.0.id();
    let deadline = Instant::now() + Duration::from_secs(10);
    let init_pid = loop {
        let children = fs_err::read_to_string(format!("/proc/{unshare_pid}/task/{unshare_pid}/children"));
        if let Some(pid) = children.ok().and_then(|c| c.split_whitespace().next().map(str::to_string)) {
            let pid: i32 = pid.parse().unwrap();
            let comm = fs_err::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            let grandchildren = fs_err::read_to_string(format!("/proc/{pid}/task/{pid}/children"));
            if comm.trim() == "skiff-init" && grandchildren.is_ok_and(|g| !g.trim().is_empty()) {
                break pid;
            }
        }
        assert!(Instant::now() < deadline, "the init did not start its child");
        std::thread::sleep(Duration::from_millis(20));
    };
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(init_pid), nix::sys::signal::Signal::SIGTERM).unwrap();
    let status = child.0.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(5), "SIGTERM took {:?}", started.elapsed());
    assert_eq!(status.code(), Some(143));
}

/// A spawned process killed (SIGKILL) and reaped when the test ends, passed or not.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn runtime_streams_stdin_stdout_stderr_and_logs_like_the_builtin() {
    let s = store();
    for rt in RUNTIMES {
        let mut args = vec!["run", "--rm", "-i"];
        if rt != "builtin" {
            require_program(rt, rt);
            args.extend(["--runtime", rt]);
        }
        args.extend([image(), "sh", "-c", "cat; echo err >&2"]);
        let out = s.cmd_stdin(&args, b"in\n");
        out.assert_success();
        assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("in\n", "err\n"), "{rt}");
        let name = format!("logged-{rt}");
        let mut args = vec!["run", "--name", &name];
        if rt != "builtin" {
            args.extend(["--runtime", rt]);
        }
        args.extend([image(), "sh", "-c", "echo out; echo err >&2"]);
        s.cmd(&args).assert_success();
        let logs = s.cmd(&["logs", &name]);
        assert_eq!((logs.stdout.as_str(), logs.stderr.as_str()), ("out\n", "err\n"), "{rt}");
        s.cmd(&["rm", &name]).assert_success();
    }
}
