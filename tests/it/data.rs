//! Data in and out of containers: `cp` (both ways, tar streams, stopped and running containers,
//! containment), `diff`, `commit`, `export` / `import` and `mount` / `unmount`.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";

#[track_caller]
fn wait_for(limit: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A stopped container `name` made by running `script` in the busybox fixture.
fn container(s: &Skiff, name: &str, script: &str) {
    s.cmd(&["run", TLS, "--name", name, &fixtures().busybox.reference, "sh", "-c", script]).assert_success();
}

/// Commits `name` and runs `script` in the new image.
fn run_committed(s: &Skiff, name: &str, script: &str) -> String {
    let image = format!("localhost/{name}-snap:1");
    s.cmd(&["commit", name, &image]).assert_success();
    let out = s.cmd(&["run", "--rm", &image, "sh", "-c", script]);
    out.assert_success();
    out.stdout.clone()
}

fn mode(p: &Path) -> u32 {
    fs_err::symlink_metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).permissions().mode()
        & 0o7777
}

fn my_uid(s: &Skiff) -> u32 {
    fs_err::metadata(s.dir()).unwrap().uid()
}

fn tar_names(bytes: &[u8]) -> Vec<String> {
    let mut a = tar::Archive::new(bytes);
    a.entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().display().to_string().trim_end_matches('/').to_string())
        .collect()
}

#[test]
fn cp_copies_files_trees_and_symlinks_both_ways_keeping_modes() {
    let s = Skiff::new();
    let host = s.dir().join("host");
    fs_err::create_dir_all(host.join("tree/sub")).unwrap();
    fs_err::write(host.join("tree/sub/tool"), "#!/bin/sh\n").unwrap();
    fs_err::set_permissions(host.join("tree/sub/tool"), PermissionsExt::from_mode(0o751)).unwrap();
    fs_err::set_permissions(host.join("tree/sub"), PermissionsExt::from_mode(0o710)).unwrap();
    std::os::unix::fs::symlink("sub/tool", host.join("tree/link")).unwrap();
    fs_err::write(host.join("file"), "host file\n").unwrap();
    fs_err::set_permissions(host.join("file"), PermissionsExt::from_mode(0o640)).unwrap();
    container(
        &s,
        "c",
        "mkdir /out && echo inside > /out/f && chown 1000:1000 /out/f && chmod 604 /out/f && ln -s f /out/l",
    );

    // Into the (stopped) container: a tree into a directory, a file under a new name.
    s.cmd(&["cp", host.join("tree").to_str().unwrap(), "c:/tmp/"]).assert_success();
    s.cmd(&["cp", host.join("file").to_str().unwrap(), "c:/renamed"]).assert_success();
    let seen = run_committed(
        &s,
        "c",
        "stat -c '%n %u:%g %a' /tmp/tree/sub /tmp/tree/sub/tool /renamed; readlink /tmp/tree/link; cat /renamed",
    );
    // Owned by the container's user (root), as podman's default --archive does; modes kept.
    assert_eq!(
        seen,
        "/tmp/tree/sub 0:0 710\n/tmp/tree/sub/tool 0:0 751\n/renamed 0:0 640\nsub/tool\nhost file\n"
    );

    // Out of it: a directory with a file owned by container uid 1000 and a symlink.
    let out = host.join("out");
    s.cmd(&["cp", "c:/out", out.to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(out.join("f")).unwrap(), "inside\n");
    assert_eq!(mode(&out.join("f")), 0o604);
    assert_eq!(fs_err::metadata(out.join("f")).unwrap().uid(), my_uid(&s), "copied out: owned by the caller");
    assert_eq!(fs_err::read_link(out.join("l")).unwrap(), Path::new("f"));
    // A file into an existing host directory, and the tree copied in comes back the same.
    s.cmd(&["cp", "c:/out/f", host.to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(host.join("f")).unwrap(), "inside\n");
    let back = host.join("back");
    s.cmd(&["cp", "c:/tmp/tree", back.to_str().unwrap()]).assert_success();
    assert_eq!(mode(&back.join("sub")), 0o710);
    assert_eq!(mode(&back.join("sub/tool")), 0o751);
    assert_eq!(fs_err::read_link(back.join("link")).unwrap(), Path::new("sub/tool"));
}

#[test]
fn cp_gives_files_the_container_user_unless_archive_is_false() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    s.cmd(&["run", TLS, "--name", "app", "-u", "1000:1000", img, "true"]).assert_success();
    let file = s.dir().join("f");
    fs_err::write(&file, "x").unwrap();
    s.cmd(&["cp", file.to_str().unwrap(), "app:/tmp/as-user"]).assert_success();
    s.cmd(&["cp", "--archive=false", file.to_str().unwrap(), "app:/tmp/as-is"]).assert_success();
    // The host file belongs to the caller, who is root in skiff's user namespace.
    let seen = run_committed(&s, "app", "stat -c '%u:%g' /tmp/as-user /tmp/as-is");
    assert_eq!(seen.lines().next(), Some("1000:1000"));
    assert!(seen.lines().nth(1).is_some_and(|l| l.starts_with("0:")), "{seen}");
}

#[test]
fn cp_streams_tar_archives_on_stdin_and_stdout() {
    let s = Skiff::new();
    container(&s, "c", "mkdir -p /data/sub && echo one > /data/sub/one");
    let out = s.cmd(&["cp", "c:/data", "-"]);
    out.assert_success();
    assert_eq!(tar_names(&out.stdout_bytes), ["data", "data/sub", "data/sub/one"]);

    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(7);
    h.set_mode(0o600);
    h.set_entry_type(tar::EntryType::Regular);
    b.append_data(&mut h, "streamed/file", &b"stream\n"[..]).unwrap();
    let tar = b.into_inner().unwrap();
    s.cmd_stdin(&["cp", "-", "c:/data"], &tar).assert_success();
    let seen = run_committed(&s, "c", "cat /data/streamed/file; stat -c %a /data/streamed/file");
    assert_eq!(seen, "stream\n600\n");
    // A stream goes into a directory only.
    let out = s.cmd_stdin(&["cp", "-", "c:/data/sub/one"], &tar);
    out.assert_exit(125).assert_stderr_contains("must be a directory");
}

#[test]
fn cp_into_and_out_of_a_running_container() {
    let s = Skiff::new();
    let out = s.cmd(&[
        "run",
        TLS,
        "-d",
        "--name",
        "live",
        &fixtures().busybox.reference,
        "sh",
        "-c",
        // Looks the file up before it exists, so a stale view of the container's root would
        // never show it.
        "echo mine > /tmp/mine; cat /tmp/seen 2>/dev/null; until cat /tmp/seen 2>/dev/null; do sleep 0.1; done; sleep 60",
    ]);
    out.assert_success();
    let file = s.dir().join("seen");
    fs_err::write(&file, "delivered\n").unwrap();
    s.cmd(&["cp", file.to_str().unwrap(), "live:/tmp/seen"]).assert_success();
    wait_for(Duration::from_secs(10), "the container to see the file", || {
        s.cmd(&["logs", "live"]).stdout.contains("delivered")
    });
    let back = s.dir().join("mine");
    s.cmd(&["cp", "live:/tmp/mine", back.to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(&back).unwrap(), "mine\n");
    s.cmd(&["cp", "live:/no/such", s.dir().to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("\"/no/such\" could not be found on container live");
    s.cmd(&["rm", "-f", "live"]).assert_success();
}

#[test]
fn cp_stays_inside_the_container_through_symlinks_and_dotdot() {
    let s = Skiff::new();
    // Symlinks that, followed on the host, would reach the host's files.
    container(&s, "c", "ln -s / /escape && ln -s ../../../../../../.. /up && mkdir /tmp/deep");
    let victim_dir = s.dir().join("victim");
    fs_err::create_dir(&victim_dir).unwrap();
    let victim = victim_dir.join("file");
    fs_err::write(&victim, "host data\n").unwrap();
    let payload = s.dir().join("payload");
    fs_err::write(&payload, "payload\n").unwrap();
    let abs = victim.to_str().unwrap();
    for dest in [format!("c:/escape{abs}"), format!("c:/up{abs}"), format!("c:../../../../../..{abs}")] {
        // The directories do not exist inside the container: refused there, never written here.
        let out = s.cmd(&["cp", payload.to_str().unwrap(), &dest]);
        out.assert_exit(125);
        assert_eq!(fs_err::read_to_string(&victim).unwrap(), "host data\n", "cp to {dest} wrote on the host");
    }
    // Through symlinks to a directory that exists both in the container and on the host (/tmp):
    // the file lands in the container's, and a host file of that name is left alone.
    let name = format!("skiff-it-landed-{}", std::process::id());
    let host_file = Path::new("/tmp").join(&name);
    fs_err::write(&host_file, "host data\n").unwrap();
    let results: Vec<_> = [format!("c:/escape/tmp/deep/../{name}"), format!("c:/up/tmp/{name}")]
        .iter()
        .map(|dest| s.cmd(&["cp", payload.to_str().unwrap(), dest]))
        .collect();
    let on_host = fs_err::read_to_string(&host_file).unwrap();
    fs_err::remove_file(&host_file).unwrap();
    for out in &results {
        out.assert_success();
    }
    assert_eq!(on_host, "host data\n", "cp through a symlink wrote on the host");
    assert_eq!(run_committed(&s, "c", &format!("cat /tmp/{name}")), "payload\n");
    // Reading through a symlink to / reads the container's file, not the host's.
    let out = s.cmd(&["cp", &format!("c:/escape{abs}"), s.dir().join("stolen").to_str().unwrap()]);
    out.assert_exit(125).assert_stderr_contains("could not be found on container c");
    assert!(!s.dir().join("stolen").exists());
}

#[test]
fn cp_bad_input() {
    let s = Skiff::new();
    container(&s, "c", "true");
    let file = s.dir().join("f");
    fs_err::write(&file, "x").unwrap();
    s.cmd(&["cp", file.to_str().unwrap(), "nosuch:/tmp"])
        .assert_exit(125)
        .assert_stderr_contains("no container with name or ID \"nosuch\" found");
    s.cmd(&["cp", s.dir().join("missing").to_str().unwrap(), "c:/tmp"])
        .assert_exit(125)
        .assert_stderr_contains("missing\" could not be found on the host");
    s.cmd(&["cp", "c:/no/such/file", s.dir().to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("\"/no/such/file\" could not be found on container c");
    s.cmd(&["cp", file.to_str().unwrap(), s.dir().join("g").to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("one of them must be CONTAINER:PATH");
}

#[test]
fn diff_lists_added_changed_and_deleted_paths() {
    let s = Skiff::new();
    container(&s, "c", "echo changed >> /etc/passwd; rm /etc/group; mkdir /new; echo n > /new/file");
    let out = s.cmd(&["diff", "c"]);
    out.assert_success();
    assert_eq!(out.lines(), ["C /etc", "D /etc/group", "C /etc/passwd", "A /new", "A /new/file"]);
    let json = s.cmd(&["diff", "--format", "json", "c"]).assert_success().json();
    assert_eq!(json["added"], serde_json::json!(["/new", "/new/file"]));
    assert_eq!(json["changed"], serde_json::json!(["/etc", "/etc/passwd"]));
    assert_eq!(json["deleted"], serde_json::json!(["/etc/group"]));
    s.cmd(&["diff", "nothing-here"]).assert_exit(125).assert_stderr_contains("nothing-here not found");
}

#[test]
fn diff_and_commit_of_a_vfs_container() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let script = "rm /etc/group; echo v > /vfs";
    s.cmd(&["--storage-driver", "vfs", "run", TLS, "--name", "v", img, "sh", "-c", script]).assert_success();
    s.cmd(&["diff", "v"]).assert_success().assert_stdout_eq("C /etc\nD /etc/group\nA /vfs");
    s.cmd(&["commit", "-q", "-c", "CMD cat /vfs; test -e /etc/group || echo no group", "v", "fromvfs"])
        .assert_success();
    s.cmd(&["run", "--rm", "fromvfs"]).assert_success().assert_stdout_eq("v\nno group");
}

#[test]
fn commit_makes_an_image_with_the_changes_and_config() {
    let s = Skiff::new();
    container(&s, "c", "echo hello > /greeting; rm /etc/group; mkdir -p /var/keep");
    let out = s.cmd(&[
        "commit",
        "-c",
        r#"CMD ["cat", "/greeting"]"#,
        "-c",
        "ENV COMMITTED=yes",
        "--author",
        "Ann <ann@example.com>",
        "-m",
        "greeting added",
        "c",
        "greeter",
    ]);
    out.assert_success();
    let id = out.stdout_trimmed().to_string();
    assert_eq!(id.len(), 64, "{out}");
    s.cmd(&["run", "--rm", "localhost/greeter:latest"]).assert_success().assert_stdout_eq("hello");
    let out =
        s.cmd(&["run", "--rm", "greeter", "sh", "-c", "echo $COMMITTED; test -e /etc/group || echo gone"]);
    out.assert_success().assert_stdout_eq("yes\ngone");
    let inspect = s.cmd(&["inspect", "greeter"]).assert_success().json();
    assert_eq!(inspect[0]["Author"], "Ann <ann@example.com>");
    assert_eq!(inspect[0]["Comment"], "greeting added");
    let layers = inspect[0]["RootFS"]["Layers"].as_array().unwrap().len();
    assert_eq!(layers, fixtures().busybox.layer_count() + 1);
    // `diff` of the image shows its top layer.
    let out = s.cmd(&["diff", "greeter"]);
    out.assert_success().assert_stdout_contains("D /etc/group").assert_stdout_contains("A /greeting");
    // Without -c, the image runs what the container ran, with its environment (as podman).
    s.cmd(&[
        "run",
        "--name",
        "k",
        "-e",
        "WHO=k",
        &fixtures().busybox.reference,
        "sh",
        "-c",
        "echo ran by $WHO",
    ])
    .assert_success();
    s.cmd(&["commit", "-q", "k", "again"]).assert_success();
    s.cmd(&["run", "--rm", "again"]).assert_success().assert_stdout_eq("ran by k");
    // Bad changes are refused before anything is written.
    s.cmd(&["commit", "-c", "FROM scratch", "c", "bad"])
        .assert_exit(125)
        .assert_stderr_contains("invalid change \"FROM scratch\"");
    s.cmd(&["images", "--format", "{{.Repository}}"]).assert_success();
    assert!(!s.cmd(&["images"]).stdout.contains("localhost/bad"));
}

#[test]
fn export_import_round_trip() {
    let s = Skiff::new();
    container(&s, "c", "echo exported > /marker; chmod 640 /marker");
    let file = s.dir().join("rootfs.tar");
    s.cmd(&["export", "-o", file.to_str().unwrap(), "c"]).assert_success();
    let bytes = fs_err::read(&file).unwrap();
    let names = tar_names(&bytes);
    assert!(names.contains(&"marker".to_string()) && names.contains(&"bin/busybox".to_string()), "{names:?}");
    // To stdout, the same tree.
    let out = s.cmd(&["export", "c"]);
    out.assert_success();
    assert_eq!(tar_names(&out.stdout_bytes), names);

    let out = s.cmd(&["import", "-c", "CMD [\"cat\", \"/marker\"]", file.to_str().unwrap(), "imported:v1"]);
    out.assert_success();
    assert!(out.stdout_trimmed().starts_with("sha256:"), "{out}");
    s.cmd(&["run", "--rm", "imported:v1"]).assert_success().assert_stdout_eq("exported");
    s.cmd(&["run", "--rm", "imported:v1", "stat", "-c", "%a", "/marker"])
        .assert_success()
        .assert_stdout_eq("640");
    // gzip on stdin.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    let gz = gz.finish().unwrap();
    s.cmd_stdin(&["import", "-", "fromstdin"], &gz).assert_success();
    s.cmd(&["run", "--rm", "fromstdin", "cat", "/marker"]).assert_success().assert_stdout_eq("exported");
    s.cmd(&["import", s.dir().join("missing.tar").to_str().unwrap()])
        .assert_exit(125)
        .assert_stderr_contains("missing.tar");
    let junk = s.dir().join("junk.tar");
    fs_err::write(&junk, "not a tarball at all").unwrap();
    s.cmd(&["import", junk.to_str().unwrap(), "junk"])
        .assert_exit(125)
        .assert_stderr_contains("junk.tar is not a tar archive (plain, gzip or zstd)");
    assert!(!s.cmd(&["images"]).stdout.contains("localhost/junk"));
}

#[test]
fn mount_needs_unshare_and_shows_the_containers_files() {
    let s = Skiff::new();
    container(&s, "c", "echo mounted > /marker");
    s.cmd(&["mount", "c"]).assert_exit(125).assert_stderr_contains(
        "cannot run command \"skiff mount\" in rootless mode, must execute `skiff unshare` first",
    );
    let bin = Skiff::bin();
    let script = format!(
        "set -e; p=$({bin} mount c); cat \"$p/marker\"; {bin} mount; {bin} mount c >/dev/null; {bin} umount c; \
         test -e \"$p/marker\" && echo still; {bin} umount c; {bin} mount; test ! -e \"$p/marker\" && echo unmounted"
    );
    let out = s.unshare(&["sh", "-c", &script]);
    out.assert_success();
    let lines = out.lines();
    assert_eq!(lines[0], "mounted", "{out}");
    assert!(lines[1].ends_with("/merged") && lines[1].len() > 13, "{out}");
    // Mounted twice: the first unmount leaves it mounted.
    assert_eq!(&lines[2..], ["c", "still", "c", "unmounted"], "{out}");
}

#[test]
fn commit_killed_at_any_point_leaves_no_half_image() {
    let s = Skiff::new();
    container(&s, "c", "head -c 60000000 /dev/zero > /big && echo done > /marker");
    for delay_ms in [50, 300, 800] {
        let mut child = s
            .command(&["commit", "c", "half"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        // The next command repairs the store: the image is there and complete, or not there.
        let names = s.cmd(&["images", "--format", "{{.Repository}}"]);
        names.assert_success();
        if names.stdout.contains("localhost/half") {
            s.cmd(&["run", "--rm", "half", "cat", "/marker"]).assert_success().assert_stdout_eq("done");
            s.cmd(&["rmi", "half"]).assert_success();
        }
        for scratch in [s.root().join("tmp"), s.root().join("layers/tmp")] {
            let left: Vec<_> = fs_err::read_dir(&scratch).unwrap().map(|e| e.unwrap().file_name()).collect();
            assert!(left.is_empty(), "left in {}: {left:?}", scratch.display());
        }
    }
}

#[test]
fn cp_into_and_out_of_volumes_and_binds_of_a_created_container() {
    let s = Skiff::new();
    let bind = s.dir().join("bind");
    fs_err::create_dir(&bind).unwrap();
    let file = s.dir().join("hostfile");
    fs_err::write(&file, "hello\n").unwrap();
    s.cmd(&["volume", "create", "outer"]).assert_success();
    s.cmd(&["volume", "create", "inner"]).assert_success();
    let bind_arg = format!("{}:/data/bind", bind.display());
    s.cmd(&[
        "create",
        TLS,
        "--name",
        "c",
        "-v",
        "outer:/data",
        "-v",
        "inner:/data/sub",
        "-v",
        &bind_arg,
        &fixtures().busybox.reference,
        "true",
    ])
    .assert_success();
    let f = file.to_str().unwrap();
    // Not running, nothing is mounted: the paths resolve through the mounts' sources.
    s.cmd(&["cp", f, "c:/data/sub"]).assert_success();
    s.cmd(&["cp", f, "c:/data/bind/renamed"]).assert_success();
    s.cmd(&["cp", f, "c:/data/"]).assert_success();
    let mountpoint = |v: &str| {
        s.cmd(&["volume", "inspect", v, "--format", "{{.Mountpoint}}"])
            .assert_success()
            .stdout_trimmed()
            .to_string()
    };
    assert_eq!(fs_err::read_to_string(Path::new(&mountpoint("inner")).join("hostfile")).unwrap(), "hello\n");
    assert_eq!(fs_err::read_to_string(Path::new(&mountpoint("outer")).join("hostfile")).unwrap(), "hello\n");
    assert_eq!(fs_err::read_to_string(bind.join("renamed")).unwrap(), "hello\n");
    // And out again.
    let out = s.dir().join("out");
    s.cmd(&["cp", "c:/data/sub/hostfile", out.to_str().unwrap()]).assert_success();
    assert_eq!(fs_err::read_to_string(&out).unwrap(), "hello\n");
    // Started, the container sees them where they were copied.
    let run = s.cmd(&[
        "run",
        "--rm",
        "-v",
        "outer:/data",
        "-v",
        "inner:/data/sub",
        &fixtures().busybox.reference,
        "cat",
        "/data/sub/hostfile",
        "/data/hostfile",
    ]);
    run.assert_success().assert_stdout_eq("hello\nhello\n");
}

#[test]
fn cp_onto_a_dangling_symlink_writes_where_it_points() {
    let s = Skiff::new();
    let file = s.dir().join("f");
    fs_err::write(&file, "content\n").unwrap();
    // Made by a run: a directory holding a link to a file that does not exist.
    container(&s, "maker", "mkdir /tmp/d1 && ln -s /tmp/nonesuch /tmp/d1/x");
    s.cmd(&["commit", "maker", "localhost/links:1"]).assert_success();
    s.cmd(&[
        "create",
        "--name",
        "l",
        "localhost/links:1",
        "sh",
        "-c",
        "cat /tmp/nonesuch; readlink /tmp/d1/x",
    ])
    .assert_success();
    s.cmd(&["cp", file.to_str().unwrap(), "l:/tmp/d1/x"]).assert_success();
    // With a trailing slash the link would have to be a directory: not found, nothing made.
    s.cmd(&["cp", file.to_str().unwrap(), "l:/tmp/d1/x/"])
        .assert_exit(125)
        .assert_stderr_contains("\"/tmp/d1/x/\" could not be found on container l");
    s.cmd(&["start", "-a", "l"]).assert_success().assert_stdout_eq("content\n/tmp/nonesuch\n");
}
