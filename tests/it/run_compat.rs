//! What `run`/`create`/`rm` do as podman does (issue #12): the container's `/` has the image's
//! root mode on every storage driver, tmpfs mounts start with the image's content (`tmpcopyup`)
//! unless `notmpcopyup`, a keep-id container can write to a named volume it creates,
//! `--image-volume bind|tmpfs|ignore` (and containers.conf's `image_volume_mode`), and
//! containers that join another's network namespace depend on it (`rm --depend`).

use std::sync::OnceLock;

use serde_json::json;

use crate::fixtures::{self, fixtures};
use crate::oci::{Compression, Entry, LayerBlob, Layout};
use crate::registry;
use crate::util::{self, Skiff};

const TLS: &str = "--tls-verify=false";

/// `rootmode:latest`: the busybox layer, then a layer whose root entry (`./`) has mode 0750 and
/// which adds `/etc/marker`; config `Volumes {"/etc": {}, "/data": {}}` (the image has no
/// `/data`).
fn rootmode_image() -> &'static str {
    static IMG: OnceLock<String> = OnceLock::new();
    IMG.get_or_init(|| {
        let layers = vec![
            LayerBlob::new(&fixtures::busybox_entries(), Compression::Gzip),
            LayerBlob::new(
                &[
                    Entry::dir("./").mode(0o750),
                    Entry::dir("etc"),
                    Entry::file("etc/marker", "from the image\n"),
                ],
                Compression::Gzip,
            ),
        ];
        let mut config = fixtures::config("rootmode", fixtures::host_arch(), None, &layers);
        config["config"]["Volumes"] = json!({"/etc": {}, "/data": {}});
        let mut layout = Layout::create(&util::scratch_dir().join("layouts-run-compat").join("rootmode"));
        let manifest = layout.image(&config, &layers);
        layout.tag(&manifest, fixtures::TAG);
        fixtures::copy_to(layout.dir(), fixtures::TAG, registry::shared(), "rootmode", fixtures::TAG, &[]);
        registry::shared().reference("rootmode", fixtures::TAG)
    })
}

#[test]
fn container_root_has_the_images_root_mode_on_every_driver() {
    util::require_unprivileged();
    let s = Skiff::new();
    let busybox = &fixtures().busybox.reference;
    let custom = rootmode_image();
    s.cmd(&["pull", TLS, "-q", busybox]).assert_success();
    s.cmd(&["pull", TLS, "-q", custom]).assert_success();
    let mut drivers = vec!["overlay", "vfs"];
    if fs_err::OpenOptions::new().read(true).write(true).open("/dev/fuse").is_ok() {
        drivers.push("fuse-overlay");
    }
    for driver in drivers {
        // No layer says: containers/storage's 0555. A writable root all the same for root.
        let out = s.cmd(&[
            "--storage-driver",
            driver,
            "run",
            "--rm",
            busybox,
            "sh",
            "-c",
            "stat -c %a /; touch /new && echo root-writes",
        ]);
        out.assert_success().assert_stdout_eq("555\nroot-writes");
        // The top-most root entry of the image's layers decides.
        let out = s.cmd(&["--storage-driver", driver, "run", "--rm", custom, "stat", "-c", "%a", "/"]);
        out.assert_success().assert_stdout_eq("750");
    }
}

#[test]
fn tmpfs_mounts_copy_up_the_images_content_unless_notmpcopyup() {
    util::require_unprivileged();
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    // The image's /etc is in the tmpfs, and writes there stay out of the container's layer.
    let script = "grep -c '^app:' /etc/passwd; grep ' /etc ' /proc/mounts | cut -d' ' -f3; echo x > /etc/new";
    for flags in [&["--tmpfs", "/etc"][..], &["--mount", "type=tmpfs,dst=/etc"]] {
        let mut args = vec!["run", TLS, "--rm"];
        args.extend(flags);
        args.extend([img.as_str(), "sh", "-c", script]);
        s.cmd(&args).assert_success().assert_stdout_eq("1\ntmpfs");
    }
    for flags in [&["--tmpfs", "/etc:notmpcopyup"][..], &["--mount", "type=tmpfs,dst=/etc,notmpcopyup"]] {
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        args.extend([img.as_str(), "ls", "-A", "/etc"]);
        // An empty tmpfs (but for what skiff may mount there itself).
        let out = s.cmd(&args);
        let names = out.assert_success().lines();
        assert!(!names.contains(&"passwd") && !names.contains(&"group"), "{out}");
    }
    // A file copied into a created container under a tmpfs mount point is there once it runs.
    let host = s.root().join("cp-src");
    fs_err::write(&host, "copied in\n").unwrap();
    s.cmd(&["create", "--name", "c", "--mount", "type=tmpfs,dst=/tmp", img, "sleep", "300"]).assert_success();
    s.cmd(&["cp", host.to_str().unwrap(), "c:/tmp/file"]).assert_success();
    s.cmd(&["start", "c"]).assert_success();
    s.cmd(&["exec", "c", "sh", "-c", "cat /tmp/file; grep ' /tmp ' /proc/mounts | cut -d' ' -f3"])
        .assert_success()
        .assert_stdout_eq("copied in\ntmpfs");
    s.cmd(&["rm", "-f", "-t", "0", "c"]).assert_success();
    // Both at once: one line naming the value, exit 125.
    for flags in
        [&["--tmpfs", "/t:tmpcopyup,notmpcopyup"][..], &["--mount", "type=bind,src=/tmp,dst=/t,tmpcopyup"]]
    {
        let mut args = vec!["create"];
        args.extend(flags);
        args.extend([img.as_str(), "true"]);
        let out = s.cmd(&args);
        out.assert_exit(125).assert_stderr_contains("tmpcopyup");
        assert_eq!(out.stderr.trim().lines().count(), 1, "{out}");
    }
    assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.trim().is_empty());
}

#[test]
fn keep_id_container_writes_to_the_named_volume_it_creates() {
    util::require_unprivileged();
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let me = nix::unistd::getuid().as_raw();
    let out = s.cmd(&[
        "run",
        TLS,
        "--rm",
        "-v",
        "kept:/myvol:z",
        "--userns=keep-id",
        img,
        "sh",
        "-c",
        "touch /myvol/myfile && stat -c %u /myvol /myvol/myfile",
    ]);
    out.assert_success().assert_stdout_eq(&format!("{me}\n{me}"));
    // On the host, the volume and the file are the user's own.
    let data = s.root().join("volumes/kept/_data");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(fs_err::metadata(&data).unwrap().uid(), me);
    assert_eq!(fs_err::metadata(data.join("myfile")).unwrap().uid(), me);
    // An ordinary container (root inside) still uses it.
    s.cmd(&["run", "--rm", "-v", "kept:/myvol", img, "cp", "/myvol/myfile", "/myvol/copy"]).assert_success();
}

#[test]
fn image_volume_mode_bind_tmpfs_or_ignore() {
    util::require_unprivileged();
    let s = Skiff::new();
    let img = rootmode_image();
    let script = "stat -f -c %T /etc; cat /etc/marker; stat -f -c %T /data 2>&1";
    let fs_of = |out: &util::Output| out.lines().first().map(|l| l.to_string()).unwrap_or_default();
    // bind (the default): anonymous volumes, with the image's content copied up.
    let out = s.cmd(&["run", TLS, "--rm", img, "sh", "-c", script]);
    out.assert_success().assert_stdout_contains("from the image");
    let host_fs = fs_of(&out);
    assert_ne!(host_fs, "tmpfs", "{out}");
    let out = s.cmd(&["create", "--image-volume", "bind", img, "true"]);
    let id = out.assert_success().stdout_trimmed().to_string();
    assert_eq!(s.cmd(&["volume", "ls", "-q"]).assert_success().lines().len(), 2);
    s.cmd(&["rm", "-v", &id]).assert_success();
    // tmpfs: a tmpfs each, holding the image's content, executable; no volume.
    let out = s.cmd(&["run", "--rm", "--image-volume", "tmpfs", img, "sh", "-c", script]);
    out.assert_success().assert_stdout_eq("tmpfs\nfrom the image\ntmpfs");
    let out = s.cmd(&[
        "run",
        "--rm",
        "--image-volume",
        "tmpfs",
        img,
        "sh",
        "-c",
        "cp /bin/busybox /data/busybox && /data/busybox true && echo exec-ok",
    ]);
    out.assert_success().assert_stdout_eq("exec-ok");
    // ignore: nothing is mounted; /data does not exist in the image.
    let out = s.cmd(&["run", "--rm", "--image-volume", "ignore", img, "stat", "-f", "-c", "%T", "/data"]);
    out.assert_exit(1).assert_stderr_contains("/data");
    assert!(s.cmd(&["volume", "ls", "-q"]).assert_success().stdout.trim().is_empty());
    // containers.conf's image_volume_mode is the default; the flag wins.
    let conf = s.root().join("image-volume.conf");
    fs_err::write(&conf, "[engine]\nimage_volume_mode=\"tmpfs\"\n").unwrap();
    let conf = conf.to_str().unwrap();
    let out =
        s.cmd_env(&["run", "--rm", img, "stat", "-f", "-c", "%T", "/data"], &[("CONTAINERS_CONF", conf)]);
    out.assert_success().assert_stdout_eq("tmpfs");
    let out = s.cmd_env(
        &["run", "--rm", "--image-volume", "bind", img, "stat", "-f", "-c", "%T", "/data"],
        &[("CONTAINERS_CONF", conf)],
    );
    out.assert_success().assert_stdout_eq(&host_fs);
    // A bad mode: one line naming it, exit 125, nothing created.
    for args in
        [&["run", "--rm", "--image-volume", "bogus", img, "true"][..], &["create", "--image-volume", "", img]]
    {
        let out = s.cmd(args);
        out.assert_exit(125).assert_stderr_contains("invalid image volume mode");
        assert_eq!(out.stderr.trim().lines().count(), 1, "{out}");
    }
    assert!(out_is_empty(&s.cmd(&["ps", "-a", "-q"])));
}

fn out_is_empty(out: &util::Output) -> bool {
    out.assert_success().stdout.trim().is_empty()
}

#[test]
fn network_container_dependency_starts_first_and_blocks_rm_without_depend() {
    util::require_unprivileged();
    let s = Skiff::new();
    let img = &fixtures().busybox.reference;
    let x = s
        .cmd(&["create", TLS, "--name", "x", img, "sleep", "300"])
        .assert_success()
        .stdout_trimmed()
        .to_string();
    // X need not run to be joined later.
    let dep = s.cmd(&["create", "--name", "dep", "--network", "container:x", img, "sleep", "300"]);
    let dep = dep.assert_success().stdout_trimmed().to_string();
    let deps = |name: &str| s.cmd(&["inspect", name]).assert_success().json()[0]["Dependencies"].clone();
    assert_eq!((deps("dep"), deps("x")), (json!([x]), json!([])));
    // Starting the dependent starts X first; they share one network namespace.
    s.cmd(&["start", "dep"]).assert_success().assert_stdout_eq("dep");
    let state =
        |name: &str| s.cmd(&["inspect", "--format", "{{.State.Status}}", name]).stdout_trimmed().to_string();
    assert_eq!((state("x"), state("dep")), ("running".to_string(), "running".to_string()));
    let netns =
        |name: &str| s.cmd(&["exec", name, "readlink", "/proc/self/ns/net"]).stdout_trimmed().to_string();
    assert_eq!(netns("x"), netns("dep"));
    // X goes only after its dependents: not with rm, nor with rm -f.
    for args in [&["rm", "x"][..], &["rm", "-f", "-t", "0", "x"]] {
        let out = s.cmd(args);
        out.assert_exit(125).assert_stderr_contains(&format!(
            "container {x} has dependent containers which must be removed before it: {dep}"
        ));
    }
    assert_eq!(state("x"), "running");
    // --depend removes the dependents first and names every container removed.
    s.cmd(&["rm", "-f", "-t", "0", "--depend", "x"])
        .assert_success()
        .assert_stdout_eq(&format!("{dep}\n{x}"));
    assert!(out_is_empty(&s.cmd(&["ps", "-a", "-q"])));
    // A missing container to join is still refused at create.
    s.cmd(&["create", "--network", "container:nosuch", img, "true"])
        .assert_exit(125)
        .assert_stderr_contains("container:nosuch");
    // rm --all takes a dependent before what it depends on.
    s.cmd(&["create", "--name", "a", img, "sleep", "300"]).assert_success();
    s.cmd(&["create", "--name", "b", "--network", "container:a", img, "sleep", "300"]).assert_success();
    s.cmd(&["rm", "--all"]).assert_success();
    assert!(out_is_empty(&s.cmd(&["ps", "-a", "-q"])));
}
