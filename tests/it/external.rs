//! External containers (issue 12): containers that buildah made in containers/storage, the store
//! podman and buildah share, which skiff lists (`ps --external`), finds (`container exists
//! --external`), diffs and removes (`rm`) as podman does. Each test points containers/storage at
//! its own directory through `XDG_CONFIG_HOME/containers/storage.conf`, which both buildah and
//! skiff read, and drives the real buildah.

use std::process::Command;
use std::time::Duration;

use crate::fixtures::fixtures;
use crate::util::{require_program, run, Output, Skiff};

const TLS: &str = "--tls-verify=false";

/// Gives the test its own containers/storage store (overlay, under its directory).
fn own_store(s: &Skiff) {
    let conf = s.config_home().join("containers");
    fs_err::create_dir_all(&conf).unwrap();
    fs_err::write(
        conf.join("storage.conf"),
        format!(
            "[storage]\ndriver = \"overlay\"\ngraphroot = \"{}\"\nrunroot = \"{}\"\n",
            s.dir().join("cstorage").display(),
            s.dir().join("crun").display()
        ),
    )
    .unwrap();
}

/// Runs buildah with the test's containers/storage store.
#[track_caller]
fn buildah(s: &Skiff, args: &[&str]) -> Output {
    let mut cmd = Command::new(require_program("buildah", "buildah"));
    cmd.args(args)
        .env("XDG_CONFIG_HOME", s.config_home())
        .env("XDG_RUNTIME_DIR", s.dir().join("xdg-run"))
        .env_remove("CONTAINERS_STORAGE_CONF");
    run(cmd, None, Duration::from_secs(180))
}

/// The names of buildah's containers.
fn buildah_names(s: &Skiff) -> Vec<String> {
    let out = buildah(s, &["containers", "--format", "{{.ContainerName}}"]);
    out.assert_success();
    out.lines().iter().map(|l| l.to_string()).collect()
}

#[test]
fn buildah_containers_are_listed_found_diffed_and_removed() {
    let s = Skiff::new();
    own_store(&s);
    // No store yet: no external containers, no error.
    s.cmd(&["ps", "-a", "--external", "--format", "{{.ID}} {{.Names}}"])
        .assert_success()
        .assert_stdout_eq("");
    let image = &fixtures().busybox.reference;
    buildah(&s, &["from", TLS, "--name", "bctr", image]).assert_success();
    buildah(&s, &["run", "bctr", "sh", "-c", "touch /added; rm /etc/group"]).assert_success();

    // Only --external shows it, as a storage container of buildah's.
    s.cmd(&["ps", "-a", "--format", "{{.Names}}"]).assert_success().assert_stdout_eq("");
    let out = s.cmd(&["ps", "--external"]);
    out.assert_success();
    let lines = out.lines();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(row[1], image.as_str(), "{}", out.stdout);
    assert_eq!(row[2], "buildah", "{}", out.stdout);
    assert!(lines[1].contains("Storage") && lines[1].ends_with("bctr"), "{}", out.stdout);
    let json = s.cmd(&["ps", "-a", "--external", "--format", "json"]).assert_success().json();
    assert_eq!(json[0]["Names"], serde_json::json!(["bctr"]));
    assert_eq!(json[0]["State"], "storage");
    let id = json[0]["Id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 64);

    // exists needs --external; by name, id or short id.
    s.cmd(&["container", "exists", "bctr"]).assert_exit(1);
    for key in ["bctr", id.as_str(), &id[..12]] {
        s.cmd(&["container", "exists", "--external", key]).assert_success();
    }
    s.cmd(&["container", "exists", "--external", "nobody"]).assert_exit(1);

    // diff: the container's layer against its image's.
    let json = s.cmd(&["diff", "--format", "json", "bctr"]).assert_success().json();
    assert_eq!(json["added"], serde_json::json!(["/added"]));
    assert_eq!(json["changed"], serde_json::json!(["/etc"]));
    assert_eq!(json["deleted"], serde_json::json!(["/etc/group"]));

    // rm -a is skiff's containers only; rm NAME removes it from containers/storage.
    s.cmd(&["rm", "-a"]).assert_success();
    assert_eq!(buildah_names(&s), ["bctr"]);
    s.cmd(&["rm", "bctr"]).assert_success().assert_stdout_eq("bctr");
    assert!(buildah_names(&s).is_empty());
    s.cmd(&["ps", "-a", "--external", "--format", "{{.Names}}"]).assert_success().assert_stdout_eq("");
    s.cmd(&["container", "exists", "--external", "bctr"]).assert_exit(1);
    s.cmd(&["rm", "bctr"]).assert_exit(1);

    // buildah's store is whole: its image is still there and works.
    let images = buildah(&s, &["images", "-q"]);
    images.assert_success();
    assert_eq!(images.lines().len(), 1, "{}", images.stdout);
    buildah(&s, &["from", "--name", "again", image]).assert_success();
    let out = buildah(&s, &["run", "again", "cat", "/etc/group"]);
    out.assert_success();
    assert!(out.stdout.contains("root"), "the image layer lost a file: {}", out.stdout);
    buildah(&s, &["rm", "again"]).assert_success();
}

#[test]
fn a_mounted_external_container_needs_force() {
    let s = Skiff::new();
    own_store(&s);
    buildah(&s, &["from", TLS, "--name", "held", &fixtures().busybox.reference]).assert_success();
    // A mount recorded by a buildah that is gone (as an interrupted build leaves it).
    buildah(&s, &["unshare", "buildah", "mount", "held"]).assert_success();
    let out = s.cmd(&["rm", "held"]);
    out.assert_exit(2).assert_stderr_contains(
        "container \"held\" is mounted and cannot be removed without using force: container state improper",
    );
    assert_eq!(buildah_names(&s), ["held"]);
    // By its short id, as podman's test setup removes stray external containers.
    let short =
        s.cmd(&["ps", "--external", "--format", "{{.ID}}"]).assert_success().stdout_trimmed().to_string();
    assert_eq!(short.len(), 12);
    s.cmd(&["rm", "-f", &short]).assert_success().assert_stdout_eq(&short);
    assert!(buildah_names(&s).is_empty());
}

#[test]
fn removal_is_safe_while_buildah_creates_containers() {
    let s = Skiff::new();
    own_store(&s);
    let image = fixtures().busybox.reference.clone();
    for n in ["r1", "r2", "r3"] {
        buildah(&s, &["from", TLS, "--name", n, &image]).assert_success();
    }
    std::thread::scope(|scope| {
        let maker = scope.spawn(|| {
            for n in ["k1", "k2", "k3"] {
                buildah(&s, &["from", "--name", n, &image]).assert_success();
            }
        });
        for n in ["r1", "r2", "r3"] {
            s.cmd(&["rm", n]).assert_success();
        }
        maker.join().unwrap();
    });
    let mut names = buildah_names(&s);
    names.sort();
    assert_eq!(names, ["k1", "k2", "k3"]);
    for n in ["k1", "k2", "k3"] {
        buildah(&s, &["run", n, "true"]).assert_success();
    }
    buildah(&s, &["rm", "-a"]).assert_success();
}

#[test]
fn a_corrupt_store_file_is_named() {
    let s = Skiff::new();
    own_store(&s);
    let dir = s.dir().join("cstorage/overlay-containers");
    fs_err::create_dir_all(&dir).unwrap();
    let json = dir.join("containers.json");
    fs_err::write(&json, "[{\"id\": ").unwrap();
    s.cmd(&["ps", "--external"])
        .assert_exit(125)
        .assert_stderr_contains(&format!("corrupt containers/storage file {}", json.display()));
    // Without --external, containers/storage is not read.
    s.cmd(&["ps", "-a"]).assert_success();
    fs_err::write(&json, "[]").unwrap();
    s.cmd(&["ps", "-a", "--external", "--format", "{{.Names}}"]).assert_success().assert_stdout_eq("");
}

#[test]
fn image_prune_external_prunes_skiffs_images_and_leaves_buildahs_store() {
    let s = Skiff::new();
    own_store(&s);
    let f = fixtures();
    buildah(&s, &["from", TLS, "--name", "keep", &f.busybox.reference]).assert_success();
    s.cmd(&["pull", TLS, &f.busybox.reference]).assert_success();
    s.cmd(&["image", "prune", "-a", "-f", "--external"]).assert_success().assert_stdout_eq(f.busybox.id());
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq("");
    assert_eq!(buildah_names(&s), ["keep"]);
    buildah(&s, &["run", "keep", "true"]).assert_success();
    buildah(&s, &["rm", "keep"]).assert_success();
}
