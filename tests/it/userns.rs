//! The user namespace options of `run`/`create` (issue 12): `--userns=keep-id|nomap|auto|host`,
//! containers.conf's `userns`, `--uidmap`/`--gidmap`, `--group-add`, `exec` and `top` into a
//! container with a namespace of its own, volumes under keep-id, and the bad values.

use std::os::unix::fs::MetadataExt;

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";

fn me() -> (u32, u32, String) {
    let uid = nix::unistd::getuid().as_raw();
    let gid = nix::unistd::getgid().as_raw();
    let name = nix::unistd::User::from_uid(uid.into())
        .ok()
        .flatten()
        .map(|u| u.name)
        .expect("the test user has a name");
    (uid, gid, name)
}

fn run(s: &Skiff, opts: &[&str], script: &str) -> String {
    let image = &fixtures().busybox.reference;
    let mut args = vec!["run", TLS, "--rm"];
    args.extend_from_slice(opts);
    args.extend_from_slice(&[image, "sh", "-c", script]);
    s.cmd(&args).assert_success().stdout_trimmed().to_string()
}

#[test]
fn keep_id_runs_as_the_user_and_the_images_files_keep_their_owners() {
    let s = Skiff::new();
    let (uid, gid, name) = me();
    let out = run(
        &s,
        &["--userns=keep-id"],
        "id -u; id -g; id -un; stat -c %u:%g /etc /etc/passwd /home/app; echo $HOME; \
         grep ^$(id -un): /etc/passwd",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[..3], [uid.to_string(), gid.to_string(), name.clone()], "{out}");
    // No chown of the image: root's files are root's, app's are app's, inside.
    assert_eq!(lines[3..6], ["0:0", "0:0", "1000:1000"], "{out}");
    // The image has no WORKDIR: home is the working directory, /, as podman makes it.
    assert_eq!(lines[6], "/", "{out}");
    assert_eq!(lines[7], format!("{name}:*:{uid}:{gid}::/:/bin/sh"), "{out}");
    // /etc/passwd stays root's and writable by root (podman #6991); -u 0 overrides keep-id.
    let out = run(
        &s,
        &["--userns=keep-id", "-u", "0"],
        "id -u; echo extra:x:4242:0::/:/bin/sh >> /etc/passwd && tail -1 /etc/passwd",
    );
    assert_eq!(out, "0\nextra:x:4242:0::/:/bin/sh");
    // What the user writes in the container is theirs there.
    let out = run(&s, &["--userns=keep-id"], "touch /tmp/mine && stat -c %u /tmp/mine");
    assert_eq!(out, uid.to_string());
}

#[test]
fn keep_id_bind_mounts_show_and_make_the_users_files() {
    let s = Skiff::new();
    let (uid, _, _) = me();
    let dir = s.dir().join("vol");
    fs_err::create_dir(&dir).unwrap();
    fs_err::write(dir.join("old"), "x").unwrap();
    let vol = format!("{}:/vol", dir.display());
    let out = run(&s, &["-v", &vol, "--userns=keep-id"], "stat -c %u /vol/old; echo new > /vol/new");
    assert_eq!(out, uid.to_string());
    assert_eq!(
        fs_err::metadata(dir.join("new")).unwrap().uid(),
        uid,
        "a file made in the container is the user's"
    );
    // Without keep-id the user's files are root's inside.
    assert_eq!(run(&s, &["-v", &vol], "stat -c %u /vol/old"), "0");
    // The user's home mounted in becomes the passwd entry's home (podman's rule).
    let home = s.dir().join("home");
    fs_err::create_dir(&home).unwrap();
    let pw = nix::unistd::User::from_uid(uid.into()).unwrap().unwrap();
    let mount = format!("{}:{}", home.display(), pw.dir.display());
    assert_eq!(run(&s, &["-v", &mount, "--userns=keep-id"], "echo $HOME"), pw.dir.display().to_string());
}

#[test]
fn exec_and_top_join_a_keep_id_container() {
    let s = Skiff::new();
    let (uid, _, name) = me();
    let image = &fixtures().busybox.reference;
    s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "kid",
        "--userns=private",
        "--userns=keep-id",
        image,
        "sleep",
        "600",
    ])
    .assert_success();
    s.cmd(&["exec", "kid", "id", "-un"]).assert_success().assert_stdout_eq(&name);
    s.cmd(&["exec", "--user", &name, "kid", "id", "-u"]).assert_success().assert_stdout_eq(&uid.to_string());
    s.cmd(&["exec", "--user", "root", "kid", "id", "-u"]).assert_success().assert_stdout_eq("0");
    let top = s.cmd(&["top", "kid", "user", "huser"]);
    top.assert_success();
    assert!(
        top.lines()
            .iter()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == [name.as_str(), name.as_str()]),
        "{top}"
    );
    let mode = s.cmd(&["inspect", "--format", "{{.HostConfig.UsernsMode}}", "kid"]);
    mode.assert_success().assert_stdout_eq("keep-id");
    s.cmd(&["rm", "-f", "-t", "0", "kid"]).assert_success();
}

/// The user's first subordinate uid, as /etc/subuid has it.
fn first_subuid() -> u64 {
    let (_, _, name) = me();
    let text = fs_err::read_to_string("/etc/subuid").unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")).and_then(|r| r.split(':').next()?.parse().ok()))
        .expect("the test user has subordinate ids")
}

#[test]
fn nomap_runs_without_the_user_and_keeps_the_images_owners() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    // A bind source in the test's 0700 directory still works without the user mapped.
    let dir = s.dir().join("vol");
    fs_err::create_dir(&dir).unwrap();
    fs_err::write(dir.join("f"), "hello").unwrap();
    let vol = format!("{}:/vol", dir.display());
    let out = run(
        &s,
        &["--userns=nomap", "-v", &vol],
        "cat /proc/self/uid_map; stat -c %u:%g /etc /home/app; cat /vol/f",
    );
    let fields: Vec<Vec<&str>> = out.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(fields[0], ["0", "1", "65536"], "{out}");
    assert_eq!(fields[1..], [vec!["0:0"], vec!["1000:1000"], vec!["hello"]], "{out}");
    s.cmd(&["run", TLS, "-d", "--name", "nm", "--userns=nomap", image, "sleep", "600"]).assert_success();
    let top = s.cmd(&["top", "nm", "huser"]);
    top.assert_success();
    assert_eq!(top.lines().get(1).map(|l| l.trim()), Some(first_subuid().to_string().as_str()), "{top}");
    s.cmd(&["inspect", "--format", "{{.HostConfig.UsernsMode}}", "nm"])
        .assert_success()
        .assert_stdout_eq("nomap");
    s.cmd(&["rm", "-f", "-t", "0", "nm"]).assert_success();
}

#[test]
fn auto_gives_each_container_its_own_range_and_containers_conf_can_ask_for_it() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    for name in ["a1", "a2"] {
        s.cmd(&["run", TLS, "-d", "--name", name, "--userns=auto:size=1000", image, "sleep", "600"])
            .assert_success();
    }
    let maps: Vec<String> = ["a1", "a2"]
        .iter()
        .map(|n| {
            let out = s.cmd(&[
                "inspect",
                "--format",
                "{{.HostConfig.UsernsMode}} {{.HostConfig.IDMappings.UIDMap}}",
                n,
            ]);
            out.assert_success().stdout_trimmed().to_string()
        })
        .collect();
    assert_eq!(maps, ["private [0:1:1000]", "private [0:1001:1000]"]);
    s.cmd(&["rm", "-f", "-t", "0", "a1", "a2"]).assert_success();
    // containers.conf's userns = "auto": the user is not mapped (podman's test).
    let conf = s.dir().join("auto.conf");
    fs_err::write(&conf, "[containers]\nuserns=\"auto\"\n").unwrap();
    let conf = conf.display().to_string();
    let out =
        s.cmd_env(&["run", TLS, "--rm", image, "cat", "/proc/self/uid_map"], &[("CONTAINERS_CONF", &conf)]);
    let line: Vec<String> =
        out.assert_success().stdout_trimmed().split_whitespace().map(String::from).collect();
    assert_eq!(line, ["0", "1", "1024"]);
}

#[test]
fn uidmap_and_gidmap_map_as_given() {
    let s = Skiff::new();
    let out =
        run(&s, &["--uidmap", "0:1:5000"], "cat /proc/self/uid_map /proc/self/gid_map; stat -c %u /etc");
    let fields: Vec<Vec<&str>> = out.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(fields, [vec!["0", "1", "5000"], vec!["0", "1", "5000"], vec!["0"]], "{out}");
    let out = run(&s, &["--uidmap", "0:1:2000", "--gidmap", "0:10:3000"], "cat /proc/self/gid_map");
    assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["0", "10", "3000"]);
}

#[test]
fn group_add_adds_groups_and_keep_groups_stands_alone() {
    let s = Skiff::new();
    let out = run(&s, &["--group-add", "457", "--group-add", "app"], "id -G");
    let groups: Vec<&str> = out.split_whitespace().collect();
    assert!(groups.contains(&"457") && groups.contains(&"1000"), "{out}");
    let image = &fixtures().busybox.reference;
    let out = s.cmd(&["run", TLS, "--rm", "--group-add", "keep-groups", "--group-add", "457", image, "id"]);
    out.assert_exit(125).assert_stderr_contains(
        "the '--group-add keep-groups' option is not allowed with any other --group-add options",
    );
    let out = s.cmd(&["run", TLS, "--rm", "--group-add", "nosuchgroup", image, "id"]);
    out.assert_exit(125).assert_stderr_contains("nosuchgroup");
}

#[test]
fn bad_userns_values_fail_with_one_line_naming_them() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    for (flag, value) in [
        ("--userns", "bogus"),
        ("--userns", "keep-id:uid=abc"),
        ("--userns", "auto:size=0"),
        ("--uidmap", "0:1"),
        ("--uidmap", "0:1:99999999"),
        ("--gidmap", "x:y:z"),
    ] {
        let arg = format!("{flag}={value}");
        for cmd in ["run", "create"] {
            let out = s.cmd(&[cmd, TLS, &arg, image, "true"]);
            out.assert_exit(125);
            let err = out.stderr.trim().to_string();
            assert_eq!(err.lines().count(), 1, "{cmd} {arg}: {err}");
            assert!(err.contains(value), "{cmd} {arg}: {err}");
        }
    }
    s.cmd(&["ps", "-a", "-q"]).assert_success().assert_stdout_eq("");
}

#[test]
fn u_volumes_are_chowned_again_at_a_start_and_to_the_user_under_keep_id() {
    let s = Skiff::new();
    let (uid, gid, _) = me();
    let image = &fixtures().busybox.reference;
    let dir = s.dir().join("data");
    fs_err::create_dir(&dir).unwrap();
    fs_err::write(dir.join("test1"), "").unwrap();
    let vol = format!("{}:/data:U", dir.display());
    let stat = ["stat", "-c", "%u:%g", "/data"];
    let mut args = vec!["run", TLS, "--name", "u", "--user", "1000:2000", "-v", &vol, image];
    args.extend(stat);
    s.cmd(&args).assert_success().assert_stdout_eq("1000:2000");
    let d = dir.display().to_string();
    s.unshare(&["chown", "-R", "100:200", &d]).assert_success();
    s.cmd(&["start", "--attach", "u"]).assert_success().assert_stdout_eq("1000:2000");
    // Only a file changed: the directory's owner is right, nothing is chowned.
    let f = format!("{d}/test1");
    s.unshare(&["chown", "100:200", &f]).assert_success();
    s.cmd(&["start", "--attach", "u"]).assert_success().assert_stdout_eq("1000:2000");
    s.unshare(&["stat", "-c", "%u:%g", &f]).assert_success().assert_stdout_eq("100:200");
    s.cmd(&["rm", "u"]).assert_success();
    // keep-id: U makes the source the user's own, on the host too.
    assert_eq!(run(&s, &["--userns=keep-id", "-v", &vol], "stat -c %u:%g /data"), format!("{uid}:{gid}"));
    assert_eq!(fs_err::metadata(&dir).unwrap().uid(), uid);
}

#[test]
fn subuidname_other_than_the_user_is_refused() {
    let s = Skiff::new();
    let (_, _, name) = me();
    let image = &fixtures().busybox.reference;
    let out = s.cmd(&["run", TLS, "--rm", "--subuidname", "someoneelse", image, "true"]);
    out.assert_exit(125).assert_stderr_contains("\"someoneelse\"");
    s.cmd(&["run", TLS, "--rm", "--subuidname", &name, "--subgidname", &name, image, "true"])
        .assert_success();
}
