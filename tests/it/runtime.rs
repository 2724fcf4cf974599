//! The built-in OCI runtime against crun: the same hand-written bundle (the busybox fixture's
//! files, podman-like mounts, default capabilities, masked paths, no user namespace) run with
//! `skiff oci-run` and `skiff oci-run --runtime crun`, comparing what the container sees.
//!
//! crun 1.8.1 needs the cgroup fix of scripts/setup-host.sh on this host.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::fixtures::busybox_entries;
use crate::oci::{tar, Entry};
use crate::util::{require_program, Output, Skiff};

const RUNTIMES: [&str; 2] = ["builtin", "crun"];

/// podman's default capability set: CHOWN DAC_OVERRIDE FOWNER FSETID KILL NET_BIND_SERVICE SETFCAP
/// SETGID SETPCAP SETUID SYS_CHROOT.
const DEFAULT_CAPS: [&str; 11] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];
/// [`DEFAULT_CAPS`] as /proc/self/status shows them.
const DEFAULT_CAPS_HEX: &str = "00000000800405fb";

/// A bundle in the test's directory: `rootfs/` from the busybox fixture's entries (plus a file
/// without the execute bit, `/bin/noexec`), and a config.json running `args`.
pub(crate) fn bundle(s: &Skiff, args: &[&str]) -> PathBuf {
    let dir = s.dir().join("bundle");
    let rootfs = dir.join("rootfs");
    fs_err::create_dir_all(&rootfs).unwrap();
    let mut entries = busybox_entries();
    entries.push(Entry::file("bin/noexec", "#!/bin/sh\necho ran\n").mode(0o644));
    let data = tar(&entries);
    let mut archive = tar::Archive::new(&data[..]);
    archive.set_preserve_permissions(true);
    archive.unpack(&rootfs).unwrap();
    write_config(&dir, config(args));
    fs_err::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn write_config(dir: &Path, config: Value) {
    fs_err::write(dir.join("config.json"), serde_json::to_vec_pretty(&config).unwrap()).unwrap();
}

/// A podman-like spec without a user namespace (the runtime runs inside skiff's).
fn config(args: &[&str]) -> Value {
    json!({
        "ociVersion": "1.0.2",
        "process": {
            "terminal": false,
            "user": {"uid": 0, "gid": 0},
            "args": args,
            "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            "cwd": "/",
            "capabilities": {"bounding": DEFAULT_CAPS, "effective": DEFAULT_CAPS, "permitted": DEFAULT_CAPS},
            "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024}],
            "noNewPrivileges": true
        },
        "root": {"path": "rootfs", "readonly": false},
        "hostname": "skiff-oci",
        "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc"},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
             "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
            {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
             "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]},
            {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
             "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
            {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
             "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/sys", "type": "sysfs", "source": "sysfs",
             "options": ["nosuid", "noexec", "nodev", "ro"]}
        ],
        "linux": {
            "namespaces": [{"type": "pid"}, {"type": "network"}, {"type": "ipc"}, {"type": "uts"},
                           {"type": "mount"}, {"type": "cgroup"}],
            "maskedPaths": ["/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
                            "/sys/firmware", "/proc/scsi"],
            "readonlyPaths": ["/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                              "/proc/sysrq-trigger"]
        }
    })
}

fn oci_run(s: &Skiff, runtime: &str, bundle: &Path) -> Output {
    if runtime == "crun" {
        require_program("crun", "crun");
    }
    s.cmd(&["oci-run", "--runtime", runtime, bundle.to_str().unwrap()])
}

/// Runs `script` with `sh -c` under both runtimes, each in a fresh bundle and store, and returns
/// (builtin, crun) outputs, both successful.
fn both(script: &str) -> (Output, Output) {
    let outs: Vec<Output> = RUNTIMES
        .iter()
        .map(|rt| {
            let s = Skiff::new();
            let b = bundle(&s, &["sh", "-c", script]);
            let out = oci_run(&s, rt, &b);
            out.assert_success();
            out
        })
        .collect();
    let mut it = outs.into_iter();
    (it.next().unwrap(), it.next().unwrap())
}

fn own_uid() -> u32 {
    nix::unistd::getuid().as_raw()
}

#[test]
fn oci_run_identity_matches_crun_uid_0_with_the_subuid_map_pid_1_and_the_hostname() {
    let script = "id -u; cat /proc/self/uid_map; hostname; echo $$; tr '\\0' ' ' < /proc/1/cmdline; echo";
    let (builtin, crun) = both(script);
    assert_eq!(builtin.stdout, crun.stdout, "builtin:\n{}\ncrun:\n{}", builtin.stdout, crun.stdout);
    let lines = builtin.lines();
    assert_eq!(lines[0], "0");
    let first: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(first, ["0", &own_uid().to_string(), "1"], "{}", builtin.stdout);
    assert_eq!(lines[2].split_whitespace().next(), Some("1"), "subuid range row: {}", builtin.stdout);
    assert_eq!(lines[3], "skiff-oci");
    assert_eq!(lines[4], "1", "the container's first process is pid 1");
    assert!(lines[5].starts_with("sh -c "), "{}", builtin.stdout);
}

#[test]
fn oci_run_capabilities_match_crun_and_are_the_default_set() {
    let (builtin, crun) = both("grep Cap /proc/self/status");
    assert_eq!(builtin.stdout, crun.stdout, "builtin:\n{}\ncrun:\n{}", builtin.stdout, crun.stdout);
    for set in ["CapBnd", "CapEff", "CapPrm"] {
        builtin.assert_stdout_contains(&format!("{set}:\t{DEFAULT_CAPS_HEX}"));
    }
    builtin.assert_stdout_contains("CapInh:\t0000000000000000");
    builtin.assert_stdout_contains("CapAmb:\t0000000000000000");
}

/// The mount points and types (options differ in order and detail between the two runtimes).
fn mount_points(out: &Output) -> Vec<String> {
    let mut v: Vec<String> = out
        .lines()
        .iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 4)
                .then(|| format!("{} {} {}", f[1], f[2], if f[3].starts_with("ro") { "ro" } else { "rw" }))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn oci_run_mounts_match_crun_proc_dev_pts_shm_mqueue_sys_masked_and_readonly_paths() {
    let (builtin, crun) = both("cat /proc/self/mounts");
    let (b, c) = (mount_points(&builtin), mount_points(&crun));
    assert_eq!(b, c, "builtin:\n{}\ncrun:\n{}", builtin.stdout, crun.stdout);
    for want in [
        "/proc proc rw",
        "/dev tmpfs rw",
        "/dev/pts devpts rw",
        "/dev/shm tmpfs rw",
        "/dev/mqueue mqueue rw",
        "/sys sysfs ro",
        "/dev/null devtmpfs rw",
        "/dev/urandom devtmpfs rw",
        "/proc/keys devtmpfs ro",
        "/sys/firmware tmpfs ro",
        "/proc/sys proc ro",
    ] {
        assert!(b.iter().any(|m| m == want), "missing {want:?} in:\n{}", builtin.stdout);
    }
}

#[test]
fn oci_run_masked_and_device_files_behave_like_crun() {
    let script = "wc -c < /proc/keys; ls /sys/firmware | wc -l; head -c 5 /dev/zero | wc -c; \
                  echo x > /dev/null && echo null-ok; readlink /dev/ptmx; readlink /dev/fd; readlink /dev/stdin; \
                  echo 1 > /proc/sys/kernel/hostname 2>/dev/null || echo proc-sys-ro; \
                  touch /sys/x 2>/dev/null || echo sys-ro; ulimit -n";
    let (builtin, crun) = both(script);
    assert_eq!(builtin.stdout, crun.stdout, "builtin:\n{}\ncrun:\n{}", builtin.stdout, crun.stdout);
    assert_eq!(
        builtin.lines(),
        [
            "0",
            "0",
            "5",
            "null-ok",
            "pts/ptmx",
            "/proc/self/fd",
            "/proc/self/fd/0",
            "proc-sys-ro",
            "sys-ro",
            "1024"
        ]
    );
}

#[test]
fn oci_run_exit_code_propagates_like_crun() {
    for rt in RUNTIMES {
        let s = Skiff::new();
        let b = bundle(&s, &["sh", "-c", "echo out; exit 7"]);
        oci_run(&s, rt, &b).assert_exit(7).assert_stdout_eq("out");
    }
}

/// Pids of every descendant of `root` (from /proc/*/stat's ppid).
fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = fs_err::read_dir("/proc")
        .unwrap()
        .filter_map(|e| {
            let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = fs_err::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        found.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    found.split_off(1)
}

#[test]
fn oci_run_container_killed_by_sigkill_exits_137_like_crun() {
    for rt in RUNTIMES {
        if rt == "crun" {
            require_program("crun", "crun");
        }
        let s = Skiff::new();
        let b = bundle(&s, &["sleep", "60"]);
        let mut child = s
            .command(&["oci-run", "--runtime", rt, b.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        let sleeper = loop {
            let found = descendants(child.id()).into_iter().find(|p| {
                fs_err::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == "sleep")
            });
            if let Some(p) = found {
                break p;
            }
            assert!(Instant::now() < deadline, "{rt}: the container's sleep never started");
            std::thread::sleep(Duration::from_millis(20));
        };
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(sleeper as i32), nix::sys::signal::Signal::SIGKILL)
            .unwrap();
        let status = loop {
            if let Some(st) = child.try_wait().unwrap() {
                break st;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("{rt}: oci-run did not return after its container was killed");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(137), "{rt}: {status}");
    }
}

#[test]
fn oci_run_missing_executable_exits_127_and_names_it() {
    for rt in RUNTIMES {
        let s = Skiff::new();
        let b = bundle(&s, &["no-such-program", "arg"]);
        let out = oci_run(&s, rt, &b);
        out.assert_failure().assert_stderr_contains("no-such-program");
        if rt == "builtin" {
            out.assert_exit(127)
                .assert_stderr_contains("Error: executable file `no-such-program` not found in $PATH");
        }
    }
}

#[test]
fn oci_run_non_executable_file_exits_126_and_names_it() {
    for rt in RUNTIMES {
        let s = Skiff::new();
        let b = bundle(&s, &["/bin/noexec"]);
        let out = oci_run(&s, rt, &b);
        out.assert_failure();
        if rt == "builtin" {
            out.assert_exit(126).assert_stderr_contains("`/bin/noexec`");
        }
    }
    let s = Skiff::new();
    let b = bundle(&s, &["noexec"]);
    oci_run(&s, "builtin", &b).assert_exit(126).assert_stderr_contains("cannot execute `noexec`");
}

#[test]
fn oci_run_default_seccomp_filter_is_installed_like_crun() {
    use oci_spec::runtime::Capability;
    let caps: std::collections::HashSet<Capability> =
        [Capability::Chown, Capability::Kill, Capability::Setuid, Capability::Setgid].into_iter().collect();
    let profile = skiff::runtime::seccomp::default_profile(&caps);
    let script = "grep -E '^(Seccomp|Seccomp_filters|NoNewPrivs):' /proc/self/status; echo ok";
    let mut seen = Vec::new();
    for rt in RUNTIMES {
        for nnp in [false, true] {
            let s = Skiff::new();
            let b = bundle(&s, &["sh", "-c", script]);
            let mut c = config(&["sh", "-c", script]);
            c["linux"]["seccomp"] = serde_json::to_value(&profile).unwrap();
            c["process"]["noNewPrivileges"] = json!(nnp);
            write_config(&b, c);
            let out = oci_run(&s, rt, &b);
            out.assert_success().assert_stdout_contains("Seccomp:\t2").assert_stdout_contains("ok");
            seen.push((nnp, out.stdout.clone()));
        }
    }
    // builtin and crun report the same filter mode and no_new_privs, with and without it.
    assert_eq!(seen[0].1, seen[2].1);
    assert_eq!(seen[1].1, seen[3].1);
}

#[test]
fn oci_run_user_groups_cwd_env_and_readonly_root_match_crun() {
    let script = "id; pwd; echo $GREETING; grep -E '^(CapEff|CapPrm|CapBnd)' /proc/self/status; \
                  touch /x 2>/dev/null || echo root-ro; touch /dev/shm/x && echo shm-rw";
    let outs: Vec<Output> = RUNTIMES
        .iter()
        .map(|rt| {
            let s = Skiff::new();
            let b = bundle(&s, &["sh", "-c", script]);
            let mut c = config(&["sh", "-c", script]);
            c["process"]["user"] = json!({"uid": 1000, "gid": 1000, "additionalGids": [10, 65534]});
            c["process"]["cwd"] = json!("/home/app");
            c["process"]["env"].as_array_mut().unwrap().push(json!("GREETING=hello there"));
            c["root"]["readonly"] = json!(true);
            write_config(&b, c);
            let out = oci_run(&s, rt, &b);
            out.assert_success();
            out
        })
        .collect();
    assert_eq!(outs[0].stdout, outs[1].stdout, "builtin:\n{}\ncrun:\n{}", outs[0].stdout, outs[1].stdout);
    let lines = outs[0].lines();
    assert_eq!(lines[0], "uid=1000(app) gid=1000(app) groups=10,65534(nogroup)", "{}", outs[0].stdout);
    assert_eq!(&lines[1..3], ["/home/app", "hello there"]);
    assert_eq!(&lines[6..], ["root-ro", "shm-rw"]);
}

#[test]
fn oci_run_relays_sigterm_sent_to_skiff_to_the_container() {
    let s = Skiff::new();
    let script = "trap 'echo got-term; exit 3' TERM; echo ready; while :; do sleep 0.1; done";
    let b = bundle(&s, &["sh", "-c", script]);
    let mut child = s
        .command(&["oci-run", b.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    assert_eq!(line, "ready\n");
    let skiff = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(skiff, nix::sys::signal::Signal::SIGTERM).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("oci-run did not return after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "got-term\n");
    assert_eq!(status.code(), Some(3), "{status}");
}
