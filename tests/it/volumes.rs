//! Volumes and mounts: named volumes shared between containers and kept after `rm`, the copy-up
//! of a new volume from the image, anonymous volumes from an image's `VOLUME` (removed by
//! `rm -v` and `--rm`), bind mounts (`:ro`, `:U`, `:O`, ownership through the id mapping, a
//! destination behind a symlink), `--mount` (bind, volume, tmpfs), the `volume` commands, and
//! bad input.
//!
//! Host directories for bind mounts live under the test's store root, so the store's cleanup
//! (`skiff unshare rm -rf`) also removes files that containers gave to subordinate ids.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::json;

use crate::fixtures::{self, fixtures};
use crate::oci::{Compression, Entry, LayerBlob, Layout};
use crate::registry;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";

/// `volimg:latest`: the busybox layer plus `/vol` (1000:1000, 0750) holding `seed` (1000:1000),
/// and `/escape`, a symlink to an absolute host path ([`escape_target`]); config `Volumes
/// {"/vol": {}}`.
struct VolImage {
    reference: String,
}

/// A host directory the image's `/escape` symlink names; it holds `host-secret`.
fn escape_target() -> PathBuf {
    util::scratch_dir().join("escape-target")
}

fn volimg() -> &'static VolImage {
    static IMG: OnceLock<VolImage> = OnceLock::new();
    IMG.get_or_init(|| {
        let target = escape_target();
        fs_err::create_dir_all(&target).unwrap();
        fs_err::write(target.join("host-secret"), "secret\n").unwrap();
        let layers = vec![
            LayerBlob::new(&fixtures::busybox_entries(), Compression::Gzip),
            LayerBlob::new(
                &[
                    Entry::dir("vol").owner(1000, 1000).mode(0o750),
                    Entry::file("vol/seed", "seed\n").owner(1000, 1000),
                    Entry::symlink("escape", target.to_str().unwrap()),
                ],
                Compression::Gzip,
            ),
        ];
        let mut config = fixtures::config("volimg", fixtures::host_arch(), None, &layers);
        config["config"]["Volumes"] = json!({"/vol": {}});
        let mut layout = Layout::create(&util::scratch_dir().join("layouts-volumes").join("volimg"));
        let manifest = layout.image(&config, &layers);
        layout.tag(&manifest, fixtures::TAG);
        fixtures::copy_to(layout.dir(), fixtures::TAG, registry::shared(), "volimg", fixtures::TAG, &[]);
        VolImage { reference: registry::shared().reference("volimg", fixtures::TAG) }
    })
}

/// A new host directory (mode 0777, so any container user may write) under the store root.
fn host_dir(s: &Skiff, name: &str) -> PathBuf {
    let dir = s.root().join("host-dirs").join(name);
    fs_err::create_dir_all(&dir).unwrap();
    fs_err::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

/// The first host uid of this user's /etc/subuid range (container uid 1 maps to it).
fn subuid_base() -> u32 {
    let user = nix::unistd::User::from_uid(nix::unistd::getuid()).unwrap().expect("a passwd entry").name;
    let text = fs_err::read_to_string("/etc/subuid").unwrap();
    text.lines()
        .filter_map(|l| {
            let mut f = l.split(':');
            (f.next()? == user).then(|| f.next()?.parse().ok())?
        })
        .next()
        .unwrap_or_else(|| panic!("no /etc/subuid range for {user}"))
}

fn volume_names(s: &Skiff) -> Vec<String> {
    s.cmd(&["volume", "ls", "-q"]).assert_success().lines().iter().map(|l| l.to_string()).collect()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn named_volume_is_shared_between_containers_and_survives_rm() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    s.cmd(&["run", TLS, "--name", "writer", "-v", "shared:/data", img, "sh", "-c", "echo hello > /data/msg"])
        .assert_success();
    // Removing the container (without -v) keeps the volume and its data.
    s.cmd(&["rm", "writer"]).assert_success();
    s.cmd(&["run", "--rm", "-v", "shared:/other", img, "cat", "/other/msg"])
        .assert_success()
        .assert_stdout_eq("hello");
    assert_eq!(volume_names(&s), ["shared"]);
    let v = &s.cmd(&["volume", "inspect", "shared"]).assert_success().json()[0];
    assert_eq!(
        (v["Name"].as_str(), v["Driver"].as_str(), v["Scope"].as_str()),
        (Some("shared"), Some("local"), Some("local"))
    );
    let mountpoint = PathBuf::from(v["Mountpoint"].as_str().unwrap());
    assert_eq!(mountpoint, s.root().join("volumes/shared/_data"));
    assert_eq!(fs_err::read_to_string(mountpoint.join("msg")).unwrap(), "hello\n");
    assert!(v["CreatedAt"].as_str().unwrap().starts_with("20"), "{v}");
    assert_eq!((v["Labels"].clone(), v["Options"].clone()), (json!({}), json!({})));
    // --mount type=volume names the same volume.
    s.cmd(&["run", "--rm", "--mount", "type=volume,src=shared,dst=/m,ro", img, "cat", "/m/msg"])
        .assert_success()
        .assert_stdout_eq("hello");
}

#[test]
fn new_volume_is_populated_from_the_image_once() {
    let s = Skiff::new();
    let img = &fixtures().multi.reference;
    let out = s.cmd(&["run", TLS, "--rm", "-v", "data:/data", img, "sh", "-c", "cat /data/keep; stat -c '%u:%g %n' /data/owned-app /data/owned-nobody; readlink /data/link; test -e /data/gone || echo no-gone"]);
    out.assert_success()
        .assert_stdout_eq("keep\n1000:1000 /data/owned-app\n65534:65534 /data/owned-nobody\nkeep\nno-gone");
    // The copy-up happens once: what a container deletes stays deleted.
    s.cmd(&["run", "--rm", "-v", "data:/data", img, "rm", "/data/keep"]).assert_success();
    s.cmd(&[
        "run",
        "--rm",
        "-v",
        "data:/data",
        img,
        "sh",
        "-c",
        "test -e /data/keep && echo back || echo gone",
    ])
    .assert_success()
    .assert_stdout_eq("gone");
    // Nor is it copied into again when mounted elsewhere.
    s.cmd(&[
        "run",
        "--rm",
        "-v",
        "data:/etc",
        img,
        "sh",
        "-c",
        "test -e /etc/passwd && echo copied || echo kept",
    ])
    .assert_success()
    .assert_stdout_eq("kept");
    // A new volume on /etc shows the image's /etc, and the volume root takes the directory's
    // owner and mode.
    let img_vol = &volimg().reference;
    s.cmd(&["run", TLS, "--rm", "-v", "etc:/etc", img_vol, "grep", "-c", "^app:", "/etc/passwd"])
        .assert_success()
        .assert_stdout_eq("1");
    s.cmd(&["run", "--rm", "-v", "v2:/vol", img_vol, "stat", "-c", "%u:%g %a", "/vol", "/vol/seed"])
        .assert_success()
        .assert_stdout_eq("1000:1000 750\n1000:1000 644");
}

#[test]
fn anonymous_volume_from_image_volume_is_removed_by_rm_v() {
    let s = Skiff::new();
    let img = &volimg().reference;
    s.cmd(&[
        "run",
        TLS,
        "--name",
        "a",
        "-v",
        "keep:/keep",
        img,
        "sh",
        "-c",
        "cat /vol/seed; echo mine > /vol/new",
    ])
    .assert_success()
    .assert_stdout_eq("seed");
    let names = volume_names(&s);
    assert_eq!(names.len(), 2, "{names:?}");
    let anon = names.iter().find(|n| *n != "keep").unwrap().clone();
    assert!(anon.len() == 64 && anon.bytes().all(|b| b.is_ascii_hexdigit()), "{anon}");
    assert_eq!(s.cmd(&["volume", "inspect", &anon]).assert_success().json()[0]["Anonymous"], true);
    s.cmd(&["rm", "-v", "a"]).assert_success().assert_stdout_eq("a");
    // The anonymous volume went with the container; the named one stays.
    assert_eq!(volume_names(&s), ["keep"]);
    // `--rm` removes the anonymous volumes too; `-v /path` makes one explicitly.
    s.cmd(&["run", "--rm", "-v", "/scratch", img, "sh", "-c", "touch /scratch/x"]).assert_success();
    assert_eq!(volume_names(&s), ["keep"]);
    // A bind mount over the image's VOLUME replaces the anonymous volume.
    let dir = host_dir(&s, "over-vol");
    s.cmd(&["run", "--rm", "-v", &format!("{}:/vol", path(&dir)), img, "ls", "/vol"])
        .assert_success()
        .assert_stdout_eq("");
    assert_eq!(volume_names(&s), ["keep"]);
}

#[test]
fn volumes_from_shares_the_other_containers_volumes_and_binds() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let dir = host_dir(&s, "vf");
    let bind = format!("{}:/h", path(&dir));
    let write = "echo named > /data/n; echo anon > /anon/a; echo host > /h/f";
    s.cmd(&[
        "run",
        TLS,
        "--name",
        "src",
        "-v",
        "vfn:/data",
        "-v",
        "/anon",
        "-v",
        &bind,
        img,
        "sh",
        "-c",
        write,
    ])
    .assert_success();
    // The source has exited: its volumes and bind mount are still shared, read-write.
    s.cmd(&[
        "run",
        "--rm",
        "--volumes-from",
        "src",
        img,
        "sh",
        "-c",
        "cat /data/n /anon/a /h/f && echo more >> /anon/a",
    ])
    .assert_success()
    .assert_stdout_eq("named\nanon\nhost");
    s.cmd(&["create", "--name", "second", "--volumes-from", "src", img, "true"]).assert_success();
    let m = &s.cmd(&["inspect", "second"]).assert_success().json()[0]["Mounts"];
    let mut dests: Vec<&str> =
        m.as_array().unwrap().iter().map(|m| m["Destination"].as_str().unwrap()).collect();
    dests.sort();
    assert_eq!(dests, ["/anon", "/data", "/h"], "{m}");
    // The anonymous volume is the source's own, not a new one.
    assert_eq!(volume_names(&s).len(), 2, "{:?}", volume_names(&s));
    // :ro makes them all read-only.
    let out =
        s.cmd(&["run", "--rm", "--volumes-from", "src:ro", img, "sh", "-c", "cat /anon/a; touch /data/new"]);
    out.assert_exit(1).assert_stdout_eq("anon\nmore").assert_stderr_contains("Read-only file system");
    // An explicit -v on the same destination wins.
    s.cmd(&[
        "run",
        "--rm",
        "--volumes-from",
        "src",
        "-v",
        "/data",
        img,
        "sh",
        "-c",
        "ls /data | wc -l; cat /h/f",
    ])
    .assert_success()
    .assert_stdout_eq("0\nhost");
    assert_eq!(fs_err::read_to_string(dir.join("f")).unwrap(), "host\n");
    // A missing source container: one error, exit 125, nothing created.
    let before = s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.clone();
    let vols = volume_names(&s);
    s.cmd(&["run", "--rm", "--volumes-from", "nope", "-v", "/fresh", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("looking up container \"nope\" for volumes-from");
    s.cmd(&["create", "--volumes-from", "src:bogus", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("can only use z,ro,rw options");
    assert_eq!(s.cmd(&["ps", "-a", "-q"]).stdout, before);
    assert_eq!(volume_names(&s), vols);
}

#[test]
fn bind_mount_read_only_refuses_writes() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let dir = host_dir(&s, "ro");
    fs_err::write(dir.join("f"), "host\n").unwrap();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "-v",
        &format!("{}:/x:ro", path(&dir)),
        img,
        "sh",
        "-c",
        "cat /x/f; touch /x/new",
    ]);
    out.assert_exit(1).assert_stdout_eq("host").assert_stderr_contains("Read-only file system");
    let out = s.cmd(&[
        "run",
        "--rm",
        "--mount",
        &format!("type=bind,src={},dst=/x,readonly", path(&dir)),
        img,
        "sh",
        "-c",
        "echo x > /x/f",
    ]);
    out.assert_exit(1).assert_stderr_contains("Read-only file system");
    assert_eq!(fs_err::read_to_string(dir.join("f")).unwrap(), "host\n");
    assert!(!dir.join("new").exists());
    // A single file can be bound too.
    let file = dir.join("f");
    let out = s.cmd(&[
        "run",
        "--rm",
        "-v",
        &format!("{}:/etc/one:ro", path(&file)),
        img,
        "sh",
        "-c",
        "cat /etc/one; echo x > /etc/one",
    ]);
    out.assert_exit(1).assert_stdout_eq("host").assert_stderr_contains("Read-only file system");
    // rw (the default) writes through to the host.
    s.cmd(&["run", "--rm", "-v", &format!("{}:/x:rw,z", path(&dir)), img, "sh", "-c", "echo c > /x/f"])
        .assert_success();
    assert_eq!(fs_err::read_to_string(dir.join("f")).unwrap(), "c\n");
}

#[test]
fn bind_mount_files_are_owned_through_the_id_mapping() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let dir = host_dir(&s, "owners");
    let spec = format!("{}:/x", path(&dir));
    s.cmd(&["run", TLS, "--rm", "-v", &spec, img, "sh", "-c", "echo r > /x/by-root"]).assert_success();
    s.cmd(&["run", "--rm", "-u", "1000:1000", "-v", &spec, img, "sh", "-c", "echo a > /x/by-app"])
        .assert_success();
    let me = nix::unistd::getuid().as_raw();
    let root_file = fs_err::metadata(dir.join("by-root")).unwrap();
    assert_eq!(root_file.uid(), me, "container uid 0 is the user");
    let app_file = fs_err::metadata(dir.join("by-app")).unwrap();
    assert_eq!(app_file.uid(), subuid_base() + 999, "container uid 1000 is the 1000th subordinate id");
}

#[test]
fn u_option_chowns_the_source_to_the_container_user() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let dir = host_dir(&s, "chown");
    fs_err::create_dir(dir.join("sub")).unwrap();
    fs_err::write(dir.join("sub/f"), "mine\n").unwrap();
    let me = nix::unistd::getuid().as_raw();
    assert_eq!(fs_err::metadata(dir.join("sub/f")).unwrap().uid(), me);
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "-u",
        "1000:1000",
        "-v",
        &format!("{}:/x:U", path(&dir)),
        img,
        "sh",
        "-c",
        "stat -c %u:%g /x /x/sub/f; echo w >> /x/sub/f",
    ]);
    out.assert_success().assert_stdout_eq("1000:1000\n1000:1000");
    let base = subuid_base();
    for p in [dir.clone(), dir.join("sub"), dir.join("sub/f")] {
        assert_eq!(fs_err::symlink_metadata(&p).unwrap().uid(), base + 999, "{}", p.display());
    }
    // On a new volume: the image's content is copied first, then given to the user.
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "-u",
        "1000",
        "-v",
        "uvol:/data:U",
        &fixtures().multi.reference,
        "sh",
        "-c",
        "stat -c %u /data /data/keep /data/owned-nobody; echo w > /data/keep",
    ]);
    out.assert_success().assert_stdout_eq("1000\n1000\n1000");
}

#[test]
fn o_option_overlays_the_source_and_discards_writes() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let dir = host_dir(&s, "lower");
    fs_err::write(dir.join("f"), "orig\n").unwrap();
    let spec = format!("{}:/x:O", path(&dir));
    s.cmd(&[
        "run",
        TLS,
        "--name",
        "o",
        "-v",
        &spec,
        img,
        "sh",
        "-c",
        "cat /x/f; echo new > /x/f; echo n > /x/g; cat /x/f",
    ])
    .assert_success()
    .assert_stdout_eq("orig\nnew");
    assert_eq!(fs_err::read_to_string(dir.join("f")).unwrap(), "orig\n");
    assert!(!dir.join("g").exists());
    s.cmd(&["rm", "o"]).assert_success();
}

#[test]
fn mount_destination_through_an_image_symlink_stays_inside_the_root() {
    let s = Skiff::new();
    let img = &volimg().reference;
    let dir = host_dir(&s, "esc");
    fs_err::write(dir.join("f"), "from host\n").unwrap();
    // /escape -> (absolute host path): the mount lands inside the container's root.
    s.cmd(&["run", TLS, "--rm", "-v", &format!("{}:/escape/sub", path(&dir)), img, "cat", "/escape/sub/f"])
        .assert_success()
        .assert_stdout_eq("from host");
    let entries: Vec<_> =
        fs_err::read_dir(escape_target()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(entries, ["host-secret"], "nothing was created at the host path the symlink names");
    // A new volume on the symlink copies nothing from the host.
    s.cmd(&["run", "--rm", "-v", "esc:/escape", img, "true"]).assert_success();
    assert!(!s.root().join("volumes/esc/_data/host-secret").exists());
}

#[test]
fn tmpfs_mount() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "--mount",
        "type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=700",
        img,
        "sh",
        "-c",
        "grep ' /t ' /proc/mounts; stat -c %a /t",
    ]);
    out.assert_success().assert_stdout_contains("tmpfs /t tmpfs").assert_stdout_contains("size=1024k");
    assert_eq!(out.lines().last().copied(), Some("700"));
}

#[test]
fn volume_commands() {
    let s = Skiff::new();
    s.cmd(&["volume", "create", "--label", "team=a", "labelled"])
        .assert_success()
        .assert_stdout_eq("labelled");
    let anon = s.cmd(&["volume", "create"]).assert_success().stdout_trimmed().to_string();
    assert_eq!(anon.len(), 64);
    s.cmd(&["volume", "create", "labelled"])
        .assert_exit(125)
        .assert_stderr_contains("volume with name labelled already exists");
    let ls = s.cmd(&["volume", "ls"]);
    ls.assert_success();
    assert_eq!(ls.lines()[0].split_whitespace().collect::<Vec<_>>(), ["DRIVER", "VOLUME", "NAME"]);
    assert!(ls.stdout.contains("local") && ls.stdout.contains("labelled"));
    s.cmd(&["volume", "ls", "-q", "--filter", "label=team=a"]).assert_success().assert_stdout_eq("labelled");
    s.cmd(&["volume", "ls", "-q", "--filter", "name=label"]).assert_success().assert_stdout_eq("labelled");
    s.cmd(&["volume", "ls", "--filter", "bogus=1"]).assert_exit(125).assert_stderr_contains("bogus=1");
    let json = s.cmd(&["volume", "ls", "--format", "json"]).assert_success().json();
    assert_eq!(json.as_array().unwrap().len(), 2);
    s.cmd(&["volume", "ls", "--format", "{{.Name}} {{.Driver}}", "--filter", "label=team"])
        .assert_success()
        .assert_stdout_eq("labelled local");
    s.cmd(&["volume", "inspect", "--format", "{{.Labels.team}}", "labelled"])
        .assert_success()
        .assert_stdout_eq("a");
    s.cmd(&["volume", "inspect", "nope"])
        .assert_exit(125)
        .assert_stderr_contains("no volume with name \"nope\" found");
    s.cmd(&["volume", "exists", "labelled"]).assert_exit(0);
    s.cmd(&["volume", "exists", "nope"]).assert_exit(1);
    // prune removes what no container uses; a used volume stays.
    let img = &fixtures().busybox.reference;
    // (Running: `system prune` removes stopped containers first, and then their volumes.)
    s.cmd(&["run", TLS, "-d", "--name", "user", "-v", "used:/u", img, "sleep", "300"]).assert_success();
    let out = s.cmd(&["volume", "prune", "-f"]);
    out.assert_success();
    let mut pruned = out.lines();
    pruned.sort();
    let mut expect = vec![anon.as_str(), "labelled"];
    expect.sort();
    assert_eq!(pruned, expect);
    assert_eq!(volume_names(&s), ["used"]);
    s.cmd(&["volume", "create", "spare"]).assert_success();
    s.cmd(&["system", "prune", "-f", "--volumes"])
        .assert_success()
        .assert_stdout_contains("Deleted Volumes\nspare");
    assert_eq!(volume_names(&s), ["used"]);
    let df = s.cmd(&["system", "df", "--format", "{{.Type}} {{.Total}} {{.Active}}"]);
    df.assert_success().assert_stdout_contains("Local Volumes 1 1");
    s.cmd(&["rm", "-f", "user"]).assert_success();
}

#[test]
fn volume_in_use_is_refused_without_force() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let id = s
        .cmd(&["run", TLS, "-d", "--name", "busy", "-v", "held:/h", img, "sleep", "60"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    let out = s.cmd(&["volume", "rm", "held"]);
    out.assert_exit(2)
        .assert_stderr_contains(&format!("volume held is being used by the following container(s): {id}"));
    s.cmd(&["volume", "rm", "nope"])
        .assert_exit(1)
        .assert_stderr_contains("no volume with name \"nope\" found");
    // -f removes the (running) container with the volume, as podman does.
    s.cmd(&["volume", "rm", "-f", "held"]).assert_success().assert_stdout_eq("held");
    assert!(volume_names(&s).is_empty());
    assert!(s.cmd(&["ps", "-a", "-q"]).stdout.trim().is_empty());
}

#[test]
fn bad_mount_input() {
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, img]).assert_success();
    let missing = s.dir().join("no-such-dir");
    let out = s.cmd(&["run", "--rm", "-v", &format!("{}:/x", path(&missing)), img, "true"]);
    out.assert_exit(125)
        .assert_stderr_contains(path(&missing))
        .assert_stderr_contains("No such file or directory");
    // A relative source is taken from the current directory, and must exist too.
    let out = s.cmd(&["run", "--rm", "-v", "./rel-missing:/x", img, "true"]);
    let cwd = std::env::current_dir().unwrap();
    out.assert_exit(125)
        .assert_stderr_contains(path(&cwd.join("rel-missing")))
        .assert_stderr_contains("No such file or directory");
    let out =
        s.cmd(&["run", "--rm", "--mount", &format!("type=bind,src={},dst=/x", path(&missing)), img, "true"]);
    out.assert_exit(125).assert_stderr_contains("No such file or directory");
    s.cmd(&["run", "--rm", "-v", "bad!name:/x", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid volume name \"bad!name\"");
    s.cmd(&["volume", "create", "bad!name"])
        .assert_exit(125)
        .assert_stderr_contains("invalid volume name \"bad!name\"");
    s.cmd(&["run", "--rm", "-v", "/tmp:x", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid container path \"x\", must be an absolute path");
    s.cmd(&["run", "--rm", "-v", "/tmp:/x:bogus", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid option type \"bogus\"");
    s.cmd(&["run", "--rm", "--mount", "type=foo,dst=/x", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("invalid filesystem type \"foo\"");
    s.cmd(&["run", "--rm", "-v", "/tmp:/x", "-v", "/var:/x", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("/x: duplicate mount destination");
    // Nothing was created by the refused commands.
    assert!(volume_names(&s).is_empty());
    assert!(s.cmd(&["ps", "-a", "-q"]).stdout.trim().is_empty());
}

#[test]
fn volumes_are_the_same_under_crun() {
    util::require_program("crun", "crun");
    let s = Skiff::new();
    let ro = host_dir(&s, "crun-ro");
    let lower = host_dir(&s, "crun-lower");
    fs_err::write(lower.join("f"), "lower\n").unwrap();
    let script = "touch /x/f 2>/dev/null || echo read-only; echo o > /y/f; cat /y/f; cat /vol/seed";
    let run = |name: &str, runtime: &str| {
        s.cmd(&[
            "--storage-driver",
            "vfs",
            "run",
            TLS,
            "--runtime",
            runtime,
            "--name",
            name,
            "-v",
            &format!("{}:/x:ro", path(&ro)),
            "-v",
            &format!("{}:/y:O", path(&lower)),
            "-v",
            "cv:/vol",
            &volimg().reference,
            "sh",
            "-c",
            script,
        ])
    };
    let builtin = run("b", "builtin");
    builtin.assert_success().assert_stdout_eq("read-only\no\nseed");
    // The same kind of bundle under crun (with the volume seeded by the first container).
    let crun = run("c", "crun");
    crun.assert_success();
    assert_eq!(crun.stdout, builtin.stdout);
    assert_eq!(fs_err::read_to_string(lower.join("f")).unwrap(), "lower\n");
}
