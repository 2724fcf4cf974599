//! The foundation: `info`, `unshare`, `version`, help and docs, and the clear errors of a broken
//! setup (no subordinate ids, newuidmap missing, unusable storage paths).

use std::process::Command;

use crate::util::{run, Skiff};

fn own_uid() -> u32 {
    nix::unistd::getuid().as_raw()
}

fn subuid_start() -> u32 {
    let user = nix::unistd::User::from_uid(nix::unistd::getuid()).unwrap().unwrap().name;
    let text = fs_err::read_to_string("/etc/subuid").unwrap();
    text.lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() == 3 && (f[0] == user || f[0] == own_uid().to_string())).then(|| f[1].parse().unwrap())
        })
        .expect("the test user needs a range in /etc/subuid (scripts/test.sh adds it)")
}

#[test]
fn unshare_maps_the_user_to_root_and_the_subuid_range_after() {
    let s = Skiff::new();
    println!("running as uid {}", own_uid());
    s.unshare(&["id", "-u"]).assert_success().assert_stdout_eq("0");
    let out = s.unshare(&["cat", "/proc/self/uid_map"]);
    out.assert_success();
    let rows: Vec<Vec<u32>> =
        out.lines().iter().map(|l| l.split_whitespace().map(|x| x.parse().unwrap()).collect()).collect();
    assert_eq!(rows[0], vec![0, own_uid(), 1], "{}", out.stdout);
    assert_eq!(rows[1], vec![1, subuid_start(), 65536], "{}", out.stdout);
}

#[test]
fn unshare_can_chown_to_a_subordinate_id_and_the_host_sees_the_mapped_uid() {
    let s = Skiff::new();
    let f = s.dir().join("owned");
    fs_err::write(&f, "x").unwrap();
    s.unshare(&["chown", "1000:1000", f.to_str().unwrap()]).assert_success();
    use std::os::unix::fs::MetadataExt;
    assert_eq!(fs_err::metadata(&f).unwrap().uid(), subuid_start() + 999);
    s.unshare(&["rm", f.to_str().unwrap()]).assert_success();
}

#[test]
fn unshare_runs_the_shell_by_default_and_reports_missing_commands() {
    let s = Skiff::new();
    let mut cmd = s.command(&["unshare"]);
    cmd.env("SHELL", "/bin/sh");
    run(cmd, Some(b"echo inside:$(id -u)\n"), s.timeout).assert_success().assert_stdout_contains("inside:0");
    s.unshare(&["no-such-program-here"]).assert_exit(127).assert_stderr_contains("no-such-program-here");
}

#[test]
fn nested_skiff_inside_unshare_uses_the_same_store() {
    let s = Skiff::new();
    let out = s.unshare(&[Skiff::bin(), "info", "--format", "{{.Store.GraphRoot}} {{.Host.Rootless}}"]);
    out.assert_success();
    assert_eq!(out.stdout_trimmed(), format!("{} true", s.root().display()));
}

#[test]
fn info_tells_the_truth_about_this_host() {
    let s = Skiff::new();
    let out = s.cmd(&["info", "--format", "json"]);
    out.assert_success();
    let v = out.json();
    let host = &v["host"];
    assert_eq!(host["rootless"], true);
    assert_eq!(host["uid"], own_uid());
    assert_eq!(host["uidMap"][1]["hostId"], subuid_start());
    assert_eq!(host["uidMap"][1]["size"], 65536);
    let uname = String::from_utf8(Command::new("uname").arg("-r").output().unwrap().stdout).unwrap();
    assert_eq!(host["kernel"], uname.trim());
    assert_eq!(host["newuidmap"]["path"], "/usr/bin/newuidmap");
    assert_eq!(host["newuidmap"]["usable"], true);
    for helper in ["pasta", "slirp4netns"] {
        let found = crate::util::run_program("sh", &["-c", &format!("command -v {helper}")]);
        let expected = if found.code() == Some(0) {
            serde_json::json!(found.stdout_trimmed())
        } else {
            serde_json::Value::Null
        };
        assert_eq!(host["network"][helper], expected, "{helper}");
    }
    // cgroup version as the kernel reports it: cgroup2fs at /sys/fs/cgroup means v2.
    let fs = run(
        {
            let mut c = Command::new("stat");
            c.args(["-f", "-c", "%T", "/sys/fs/cgroup"]);
            c
        },
        None,
        s.timeout,
    );
    let version = host["cgroups"]["version"].as_str().unwrap();
    assert_eq!(fs.stdout_trimmed() == "cgroup2fs", version == "v2", "{version} vs {}", fs.stdout);
    // A rootless user on cgroup v1 has nothing delegated; say so.
    if version != "v2" {
        assert_eq!(host["cgroups"]["delegated"], false);
    }
    let store = &v["store"];
    assert_eq!(store["graphRoot"], s.root().to_str().unwrap());
    assert_eq!(store["runRoot"], s.runroot().to_str().unwrap());
    // The overlay probe really mounted (this kernel allows overlay in a user namespace), and the
    // second call answers from the cache.
    assert_eq!(store["overlayInUserns"]["works"], true, "{}", out.stdout);
    assert_eq!(store["overlayInUserns"]["cached"], false);
    assert_eq!(store["driver"], "overlay");
    let again = s.cmd(&["info", "--format", "{{.Store.OverlayInUserns.Cached}} {{.Store.Driver}}"]);
    again.assert_success().assert_stdout_eq("true overlay");
    // The default view is readable text with the same facts.
    let text = s.cmd(&["info"]);
    text.assert_success().assert_stdout_contains("rootless: true").assert_stdout_contains("overlayInUserns:");
}

#[test]
fn info_and_storage_driver_flag() {
    let s = Skiff::new();
    s.cmd(&["--storage-driver", "vfs", "info", "--format", "{{.Store.Driver}}: {{.Store.DriverReason}}"])
        .assert_success()
        .assert_stdout_eq("vfs: chosen with --storage-driver");
    s.cmd(&["--storage-driver", "zfs", "info"]).assert_exit(125).assert_stderr_contains("zfs");
}

#[test]
fn bad_format_template_is_one_clear_error() {
    let s = Skiff::new();
    s.cmd(&["info", "--format", "{{.Host.Kernel"]).assert_exit(125).assert_stderr_contains("unclosed action");
}

/// Runs skiff as this user in a private mount namespace where /etc/subuid and /etc/subgid are
/// empty: a user with no subordinate ids.
fn without_subids(s: &Skiff, args: &str) -> crate::util::Output {
    let empty = s.dir().join("empty");
    fs_err::write(&empty, "").unwrap();
    let uid = own_uid();
    let gid = nix::unistd::getgid().as_raw();
    let script = format!(
        "mount --bind {e} /etc/subuid && mount --bind {e} /etc/subgid && exec unshare --map-user={uid} --map-group={gid} {bin} --root {root} --runroot {run} {args}",
        e = empty.display(),
        bin = Skiff::bin(),
        root = s.root().display(),
        run = s.runroot().display(),
    );
    let mut c = Command::new("unshare");
    c.args(["-Urm", "sh", "-c", &script]);
    run(c, None, s.timeout)
}

#[test]
fn no_subordinate_ids_falls_back_to_a_single_id_with_one_warning() {
    let s = Skiff::new();
    let out = without_subids(&s, "unshare cat /proc/self/uid_map");
    out.assert_success();
    let rows: Vec<&str> = out.lines();
    assert_eq!(rows.len(), 1, "only the user's own id is mapped: {}", out.stdout);
    assert_eq!(rows[0].split_whitespace().collect::<Vec<_>>(), ["0", &own_uid().to_string(), "1"]);
    out.assert_stderr_contains("no subordinate ids").assert_stderr_contains("/etc/subuid");
    assert!(out.stderr.contains(":100000:65536"), "the warning names the line to add: {}", out.stderr);
    // Said once per store, not on every command.
    let second = without_subids(&s, "unshare true");
    second.assert_success();
    assert!(!second.stderr.contains("no subordinate ids"), "{}", second.stderr);
    // info reports it as a problem every time.
    let info = without_subids(&s, "info --format json");
    info.assert_success();
    let problems = info.json()["problems"].to_string();
    assert!(problems.contains("no range in /etc/subuid"), "{problems}");
}

#[test]
fn missing_newuidmap_is_a_clear_error_naming_the_package() {
    let s = Skiff::new();
    let mut cmd = s.command(&["unshare", "true"]);
    cmd.env("PATH", "/nonexistent");
    let out = run(cmd, None, s.timeout);
    out.assert_exit(125)
        .assert_stderr_contains("newuidmap not found")
        .assert_stderr_contains("uidmap package");
    let mut cmd = s.command(&["info", "--format", "json"]);
    cmd.env("PATH", "/nonexistent");
    let out = run(cmd, None, s.timeout);
    out.assert_success();
    assert!(out.json()["problems"].to_string().contains("newuidmap is not installed"), "{}", out.stdout);
}

#[test]
fn newuidmap_without_setuid_is_a_clear_error() {
    let s = Skiff::new();
    let bin = s.dir().join("bin");
    fs_err::create_dir(&bin).unwrap();
    for p in ["newuidmap", "newgidmap"] {
        fs_err::copy(format!("/usr/bin/{p}"), bin.join(p)).unwrap();
    }
    let mut cmd = s.command(&["unshare", "true"]);
    cmd.env("PATH", &bin);
    run(cmd, None, s.timeout)
        .assert_exit(125)
        .assert_stderr_contains("is not setuid root")
        .assert_stderr_contains("chmod u+s");
}

/// `skiff --root ROOT unshare true` with the test's own run-time directory.
fn unshare_true_with_root(s: &Skiff, root: &std::path::Path) -> crate::util::Output {
    let mut c = Command::new(Skiff::bin());
    c.arg("--root").arg(root).arg("--runroot").arg(s.runroot()).args(["unshare", "true"]);
    run(c, None, s.timeout)
}

#[test]
fn root_pointing_at_a_file_is_refused() {
    let s = Skiff::new();
    let file = s.dir().join("a-file");
    fs_err::write(&file, "").unwrap();
    let out = unshare_true_with_root(&s, &file);
    out.assert_exit(125)
        .assert_stderr_contains(&format!("storage path {} exists and is not a directory", file.display()));
    assert!(out.stderr.contains("hint:"), "{}", out.stderr);
}

#[test]
fn unwritable_storage_path_is_refused() {
    let s = Skiff::new();
    let ro = s.dir().join("ro");
    fs_err::create_dir(&ro).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs_err::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let target = ro.join("store");
    let out = unshare_true_with_root(&s, &target);
    out.assert_exit(125)
        .assert_stderr_contains(&format!("cannot create storage directory {}", target.display()))
        .assert_stderr_contains("Permission denied");
    fs_err::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn version_help_and_bad_usage() {
    let s = Skiff::new();
    s.cmd(&["version"]).assert_success().assert_stdout_contains(env!("CARGO_PKG_VERSION"));
    s.cmd(&["version", "--format", "{{.Client.Version}}"])
        .assert_success()
        .assert_stdout_eq(env!("CARGO_PKG_VERSION"));
    // podman's scripts name its pause image this way; the same program answers as server.
    s.cmd(&["version", "--format", "{{.Server.Version}}-{{.Server.Built}}"])
        .assert_success()
        .assert_stdout_eq(&format!("{}-0", env!("CARGO_PKG_VERSION")));
    let json = s.cmd(&["version", "--format", "json"]);
    json.assert_success();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["Client"]["Version"], env!("CARGO_PKG_VERSION"));
    assert!(v.get("Server").is_none(), "{v}");
    // podman's global --cgroup-manager: cgroupfs is what skiff does anyway, quietly.
    let quiet = s.cmd(&["--log-level", "warning", "--cgroup-manager=cgroupfs", "info", "-f", ""]);
    quiet.assert_success().assert_stdout_eq("");
    assert_eq!(quiet.stderr, "", "{quiet}");
    s.cmd(&["--cgroup-manager=systemd", "info", "-f", ""])
        .assert_success()
        .assert_stderr_contains("using cgroupfs");
    s.cmd(&["--cgroup-manager=bogus", "info"]).assert_exit(125);
    s.cmd(&["--version"]).assert_success().assert_stdout_contains(env!("CARGO_PKG_VERSION"));
    let help = s.cmd(&["--help"]);
    help.assert_success();
    // Every command listed in --help has its own --help.
    let cmds: Vec<String> = help
        .stdout
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert!(cmds.contains(&"info".to_string()) && cmds.contains(&"unshare".to_string()), "{cmds:?}");
    for c in &cmds {
        s.cmd(&[c, "--help"]).assert_success().assert_stdout_contains(&format!("Usage:\n  skiff {c}"));
    }
    s.cmd(&["no-such-command"]).assert_exit(125).assert_stderr_contains("no-such-command");
    s.cmd(&["completion", "bash"]).assert_success().assert_stdout_contains("_skiff");
}

#[test]
fn docs_are_current() {
    let s = Skiff::new();
    let out = s.dir().join("docs");
    s.cmd(&["generate-docs", out.to_str().unwrap()]).assert_success();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["completions", "man"] {
        let mut fresh: Vec<_> =
            fs_err::read_dir(out.join(sub)).unwrap().map(|e| e.unwrap().file_name()).collect();
        let mut committed: Vec<_> =
            fs_err::read_dir(repo.join(sub)).unwrap().map(|e| e.unwrap().file_name()).collect();
        fresh.sort();
        committed.sort();
        assert_eq!(fresh, committed, "{sub}/ is stale: run scripts/gen-docs.sh and commit");
        for f in fresh {
            let a = fs_err::read(out.join(sub).join(&f)).unwrap();
            let b = fs_err::read(repo.join(sub).join(&f)).unwrap();
            assert!(a == b, "{sub}/{} is stale: run scripts/gen-docs.sh and commit", f.to_string_lossy());
        }
    }
}
