//! Images: pull (gzip, zstd, Docker schema 2, multi-platform, short names through
//! registries.conf), the unpacked layers as the kernel overlay sees them, ids mapped into the user
//! namespace, and `images`, `tag`, `untag`, `inspect`, `history`, `rmi`, `image prune`/`exists`.

use crate::fixtures::{fixtures, Image};
use crate::registry;
use crate::util::Skiff;

fn pull(s: &Skiff, reference: &str) -> String {
    let out = s.cmd(&["pull", "--tls-verify=false", reference]);
    out.assert_success();
    out.stdout_trimmed().to_string()
}

fn subuid_start() -> u32 {
    let user = nix::unistd::User::from_uid(nix::unistd::getuid()).unwrap().unwrap().name;
    fs_err::read_to_string("/etc/subuid")
        .unwrap()
        .lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() == 3 && f[0] == user).then(|| f[1].parse().unwrap())
        })
        .unwrap()
}

/// Mounts the image's layers with the kernel overlay inside `skiff unshare` and runs `script`
/// there with `$M` the merged tree.
fn in_merged(s: &Skiff, image: &str, script: &str) -> crate::util::Output {
    let v = s.cmd(&["image", "inspect", image]).assert_success().json();
    let data = &v[0]["GraphDriver"]["Data"];
    let upper = data["UpperDir"].as_str().unwrap();
    let lower = data["LowerDir"].as_str().unwrap();
    let lowers = if lower.is_empty() { upper.to_string() } else { format!("{upper}:{lower}") };
    let d = s.dir().join("mnt");
    // The overlay's work dir holds a mode-000 directory only the namespace can remove: unmount
    // and remove everything there, keeping the script's status.
    let full = format!(
        "set -e; mkdir -p {d}/u {d}/w {d}/m; mount -t overlay overlay -o userxattr,lowerdir={lowers},upperdir={d}/u,workdir={d}/w {d}/m; M={d}/m; \
         set +e; ( set -e; {script} ); rc=$?; umount {d}/m; rm -rf {d}; exit $rc",
        d = d.display()
    );
    s.unshare(&["sh", "-c", &full])
}

#[test]
fn pull_prints_progress_and_the_image_id_and_images_lists_it() {
    let f = fixtures();
    let s = Skiff::new();
    let out = s.cmd(&["pull", "--tls-verify=false", &f.busybox.reference]);
    out.assert_success().assert_stdout_eq(f.busybox.id());
    out.assert_stderr_contains(&format!("Trying to pull {}...", f.busybox.reference))
        .assert_stderr_contains("Copying blob")
        .assert_stderr_contains("Writing manifest to image destination");
    let images = s.cmd(&["images"]);
    images.assert_success();
    let lines = images.lines();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["REPOSITORY", "TAG", "IMAGE", "ID", "CREATED", "SIZE"]
    );
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(row[0], format!("{}/busybox", registry::shared().host()));
    assert_eq!(row[1], "latest");
    assert_eq!(row[2], f.busybox.short_id());
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq(f.busybox.short_id());
    s.cmd(&["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .assert_success()
        .assert_stdout_eq(&f.busybox.reference);
    let json = s.cmd(&["images", "--format", "json"]).assert_success().json();
    assert_eq!(json[0]["Id"], f.busybox.id());
    assert_eq!(json[0]["Digest"], f.busybox.manifest_digest);
    let digests = s.cmd(&["images", "--digests", "--no-trunc"]);
    digests
        .assert_success()
        .assert_stdout_contains(&f.busybox.manifest_digest)
        .assert_stdout_contains(&format!("sha256:{}", f.busybox.id()));
    // A second pull finds every layer present.
    let again = s.cmd(&["pull", "--tls-verify=false", &f.busybox.reference]);
    again.assert_success().assert_stderr_contains("skipped: already exists");
    s.cmd(&["pull", "-q", "--tls-verify=false", &f.busybox.reference])
        .assert_success()
        .assert_stdout_eq(f.busybox.id());
}

fn check_multi_content(s: &Skiff, img: &Image) {
    let id = pull(s, &img.reference);
    assert_eq!(id, img.id());
    let script = "cd $M/data; ls -A; echo ---; cat keep dir/new; test ! -e gone && echo gone-absent; test ! -e dir/old && echo opaque-ok; \
                  stat -c '%a %u %g' ../usr/bin/suid owned-app owned-nobody; stat -c %Y old; readlink link; \
                  test keep -ef hard && echo hardlinked; stat -c %h keep";
    let out = in_merged(s, &img.reference, script);
    out.assert_success();
    let text = &out.stdout;
    assert!(text.contains("gone-absent"), "whiteout must hide data/gone: {text}");
    assert!(text.contains("opaque-ok"), "opaque dir must hide data/dir/old: {text}");
    assert!(text.contains("keep\nnew\n"), "{text}");
    assert!(text.contains("4755 0 0"), "setuid root file keeps its mode: {text}");
    assert!(text.contains("644 1000 1000"), "uid 1000 file: {text}");
    assert!(text.contains("644 65534 65534"), "uid 65534 file: {text}");
    assert!(text.contains(&format!("\n{}\n", crate::fixtures::OLD_MTIME)), "mtime from 2001 kept: {text}");
    assert!(text.contains("\nkeep\nhardlinked\n2\n"), "symlink and hardlink kept: {text}");
}

#[test]
fn multi_layer_gzip_image_unpacks_with_whiteouts_links_modes_owners_and_mtimes() {
    let s = Skiff::new();
    check_multi_content(&s, &fixtures().multi);
}

#[test]
fn zstd_layers_unpack_the_same() {
    let s = Skiff::new();
    check_multi_content(&s, &fixtures().multi_zstd);
}

#[test]
fn docker_schema2_manifest_pulls() {
    let s = Skiff::new();
    check_multi_content(&s, &fixtures().multi_v2s2);
    let v = s.cmd(&["image", "inspect", &fixtures().multi_v2s2.reference]).assert_success().json();
    assert_eq!(v[0]["ManifestType"], "application/vnd.docker.distribution.manifest.v2+json");
}

#[test]
fn files_owned_by_container_ids_are_owned_by_mapped_ids_on_the_host() {
    let s = Skiff::new();
    let img = &fixtures().multi;
    pull(&s, &img.reference);
    let v = s.cmd(&["image", "inspect", &img.reference]).assert_success().json();
    // The layer that adds data/owned-app is the second from the bottom: LowerDir lists top first.
    let layers: Vec<String> =
        std::iter::once(v[0]["GraphDriver"]["Data"]["UpperDir"].as_str().unwrap().to_string())
            .chain(v[0]["GraphDriver"]["Data"]["LowerDir"].as_str().unwrap().split(':').map(str::to_string))
            .collect();
    let layer2 = &layers[layers.len() - 2];
    // Inside the namespace: the image's ids. On the host: uid 1000 -> subuid start + 999.
    s.unshare(&["stat", "-c", "%u:%g", &format!("{layer2}/data/owned-app")])
        .assert_success()
        .assert_stdout_eq("1000:1000");
    let out = crate::util::run_program("stat", &["-c", "%u:%g", &format!("{layer2}/data/owned-app")]);
    let base = subuid_start();
    assert_eq!(out.stdout_trimmed(), format!("{}:{}", base + 999, base + 999));
    let out = crate::util::run_program("stat", &["-c", "%u", &format!("{layer2}/data/owned-nobody")]);
    assert_eq!(out.stdout_trimmed(), (base + 65533).to_string());
}

#[test]
fn multi_platform_index_picks_the_host_or_the_requested_platform() {
    let f = fixtures();
    let s = Skiff::new();
    let host = f.multiarch.platform(crate::fixtures::host_arch());
    pull(&s, &f.multiarch.reference);
    let v = s.cmd(&["image", "inspect", &f.multiarch.reference]).assert_success().json();
    assert_eq!(v[0]["Id"], host.id());
    assert_eq!(v[0]["Architecture"], crate::fixtures::host_arch());
    let arm = f.multiarch.platform("arm64");
    let out = s.cmd(&["pull", "--tls-verify=false", "--platform", "linux/arm64/v8", &f.multiarch.reference]);
    out.assert_success().assert_stdout_eq(arm.id());
    let out = s.cmd(&["pull", "--tls-verify=false", "--arch", "arm64", &f.multiarch.reference]);
    out.assert_success().assert_stdout_eq(arm.id());
    in_merged(&s, &f.multiarch.reference, "cat $M/etc/arch").assert_success().assert_stdout_eq("arm64");
    s.cmd(&["pull", "--tls-verify=false", "--platform", "linux/s390x", &f.multiarch.reference])
        .assert_exit(125)
        .assert_stderr_contains("linux/s390x")
        .assert_stderr_contains("hint:");
}

#[test]
fn pull_by_digest_and_short_names_through_registries_conf() {
    let f = fixtures();
    let s = Skiff::new();
    let by_digest = f.busybox.digest_reference();
    pull(&s, &by_digest);
    s.cmd(&["images", "--format", "{{.Repository}} {{.Tag}}"])
        .assert_success()
        .assert_stdout_eq("<none> <none>");
    // Short names: the search list and the insecure flag come from the user's registries.conf.
    let conf = s.config_home().join("skiff");
    fs_err::create_dir_all(&conf).unwrap();
    let host = registry::shared().host();
    fs_err::write(
        conf.join("registries.conf"),
        format!("unqualified-search-registries = [\"{host}\"]\n\n[[registry]]\nlocation = \"{host}\"\ninsecure = true\n"),
    )
    .unwrap();
    let out = s.cmd(&["pull", "busybox"]);
    out.assert_success().assert_stdout_eq(f.busybox.id());
    s.cmd(&["image", "exists", "busybox"]).assert_success();
    s.cmd(&["image", "exists", "nope"]).assert_exit(1);
    s.cmd(&["pull", "no-such-image"]).assert_exit(125).assert_stderr_contains("no-such-image");
}

/// A podman user's `~/.config/containers/registries.conf` works with no skiff file at all, and
/// `CONTAINERS_REGISTRIES_CONF` names the one file read, as in podman.
#[test]
fn podmans_user_registries_conf_works_without_a_skiff_file() {
    let f = fixtures();
    let s = Skiff::new();
    let host = registry::shared().host();
    let text =
        format!("unqualified-search-registries = [\"{host}\"]\n\n[[registry]]\nlocation = \"{host}\"\ninsecure = true\n");
    let podman_conf = s.config_home().join("containers");
    fs_err::create_dir_all(&podman_conf).unwrap();
    fs_err::write(podman_conf.join("registries.conf"), &text).unwrap();
    assert!(!s.config_home().join("skiff").exists());
    s.cmd(&["pull", "busybox"]).assert_success().assert_stdout_eq(f.busybox.id());
    s.cmd(&["rmi", "-a"]).assert_success();
    // The environment variable wins, and alone: a missing file is an error naming it.
    let missing = s.dir().join("none.conf");
    s.cmd_env(&["pull", "busybox"], &[("CONTAINERS_REGISTRIES_CONF", missing.to_str().unwrap())])
        .assert_exit(125)
        .assert_stderr_contains("none.conf");
    let other = s.dir().join("other.conf");
    fs_err::write(&other, "unqualified-search-registries = [\"127.0.0.1:1\"]\n").unwrap();
    s.cmd_env(&["pull", "busybox"], &[("CONTAINERS_REGISTRIES_CONF", other.to_str().unwrap())])
        .assert_exit(125)
        .assert_stderr_contains("127.0.0.1:1");
}

#[test]
fn tag_untag_and_rmi_follow_podman() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    s.cmd(&["tag", "busybox", "mine", "127.0.0.1:1/team/app:2"]).assert_success();
    let names = s.cmd(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    names.assert_success();
    let mut got: Vec<&str> = names.lines();
    got.sort();
    assert_eq!(got, vec!["127.0.0.1:1/team/app:2", &f.busybox.reference, "localhost/mine:latest"]);
    // rmi by id refuses an image with several names, rmi by name only untags.
    s.cmd(&["rmi", f.busybox.short_id()]).assert_exit(125).assert_stderr_contains("several tags");
    s.cmd(&["rmi", "mine"]).assert_success().assert_stdout_eq("Untagged: localhost/mine:latest");
    s.cmd(&["untag", "busybox", "127.0.0.1:1/team/app:2"]).assert_success();
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq(f.busybox.short_id());
    s.cmd(&["untag", f.busybox.short_id()]).assert_success();
    s.cmd(&["images", "--format", "{{.Repository}}"]).assert_success().assert_stdout_eq("<none>");
    // The last removal deletes the image and its layers.
    let out = s.cmd(&["rmi", f.busybox.short_id()]);
    out.assert_success().assert_stdout_eq(&format!("Deleted: {}", f.busybox.id()));
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq("");
    let layers = s.unshare(&[
        "sh",
        "-c",
        &format!("ls {}/layers | grep -v -e tmp -e lock | wc -l", s.root().display()),
    ]);
    assert_eq!(layers.stdout_trimmed(), "0", "layers are removed with the last image");
    s.cmd(&["rmi", "nope"]).assert_exit(1).assert_stderr_contains("nope");
    s.cmd(&["tag", "nope", "x"]).assert_exit(125).assert_stderr_contains("Error: nope: image not known");
    s.cmd(&["tag", "busybox", "Bad Name"]).assert_exit(125);
}

#[test]
fn shared_layers_are_stored_once_and_survive_removal_of_one_image() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    let out = s.cmd(&["pull", "--tls-verify=false", &f.multi.reference]);
    out.assert_success().assert_stderr_contains("skipped: already exists");
    s.cmd(&["rmi", &f.multi.reference]).assert_success();
    in_merged(&s, &f.busybox.reference, "test -x $M/bin/busybox && echo ok")
        .assert_success()
        .assert_stdout_eq("ok");
}

#[test]
fn inspect_and_history_show_podman_fields() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.multi.reference);
    let v = s.cmd(&["image", "inspect", &f.multi.reference]).assert_success().json();
    let i = &v[0];
    assert_eq!(i["Id"], f.multi.id());
    assert_eq!(i["Digest"], f.multi.manifest_digest);
    assert_eq!(i["RepoTags"][0], f.multi.reference);
    assert_eq!(
        i["RepoDigests"][0],
        format!("{}/multi@{}", registry::shared().host(), f.multi.manifest_digest)
    );
    assert_eq!(i["Created"], crate::fixtures::CREATED);
    assert_eq!(i["Config"]["Cmd"][0], "sh");
    assert_eq!(i["Os"], "linux");
    assert_eq!(i["RootFS"]["Layers"].as_array().unwrap().len(), f.multi.layer_count());
    assert_eq!(i["RootFS"]["Layers"][0], f.multi.layers[0].diff_id);
    assert_eq!(i["Labels"][crate::fixtures::LABEL], "multi");
    s.cmd(&["inspect", "--format", "{{.Id}} {{.Os}}", &f.multi.reference])
        .assert_success()
        .assert_stdout_eq(&format!("{} linux", f.multi.id()));
    s.cmd(&["image", "inspect", "nope"]).assert_exit(125).assert_stderr_contains("nope");
    let h = s.cmd(&["history", "--no-trunc", &f.multi.reference]);
    h.assert_success();
    let lines = h.lines();
    assert!(lines[0].starts_with("ID"), "{}", h.stdout);
    assert_eq!(lines.len(), f.multi.layer_count() + 1, "{}", h.stdout);
    assert!(lines[1].starts_with(f.multi.id()), "{}", h.stdout);
    assert!(lines[1].contains(&format!("layer {}", f.multi.layer_count())), "newest first: {}", h.stdout);
    assert!(lines[2].starts_with("<missing>"));
}

#[test]
fn image_prune_removes_only_dangling_images() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    pull(&s, &f.multi.digest_reference());
    let out = s.cmd(&["image", "prune", "-f"]);
    out.assert_success().assert_stdout_eq(f.multi.id());
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq(f.busybox.short_id());
    s.cmd(&["image", "prune", "-a", "-f"]).assert_success().assert_stdout_eq(f.busybox.id());
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq("");
}

#[test]
fn a_full_disk_fails_the_pull_cleanly_and_leaves_nothing_half_written() {
    let f = fixtures();
    let s = Skiff::new();
    // A 1 MiB tmpfs, mounted inside skiff's namespace, is too small for the ~2 MB busybox layer.
    let small = s.dir().join("small");
    fs_err::create_dir(&small).unwrap();
    let script = format!(
        "mount -t tmpfs -o size=1m tmpfs {d} && {bin} --root {d}/root --runroot {d}/run pull --tls-verify=false {r}; \
         echo exit=$?; {bin} --root {d}/root --runroot {d}/run images -q; echo images-done; \
         find {d}/root/layers {d}/root/tmp -mindepth 1 -not -name '*.lock' | grep -v '^{d}/root/layers/tmp$'; echo left-done",
        d = small.display(),
        bin = Skiff::bin(),
        r = f.busybox.reference
    );
    let out = s.unshare(&["sh", "-c", &script]);
    assert!(out.stdout.contains("exit=125"), "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("No space left on device"), "the error says why: {}", out.stderr);
    assert!(out.stdout.contains("images-done"), "{}", out.stdout);
    let after_exit = out.stdout.split("exit=125").nth(1).unwrap();
    assert_eq!(
        after_exit.trim(),
        "images-done\nleft-done",
        "no image and no half-written layer remain: {}",
        out.stdout
    );
}

#[test]
fn a_layer_stored_from_another_compression_still_gets_its_blob_for_save() {
    let f = fixtures();
    let s = Skiff::new();
    // multi and multi-zstd have the same diff ids (so the same chain ids) but different blobs.
    pull(&s, &f.multi_zstd.reference);
    pull(&s, &f.multi.reference);
    let archive = s.dir().join("multi.tar");
    s.cmd(&["save", "-o", archive.to_str().unwrap(), &f.multi.reference]).assert_success();
    for l in &f.multi.layers {
        let blob = s.root().join("blobs/sha256").join(l.digest.trim_start_matches("sha256:"));
        assert!(blob.exists(), "blob {} of the gzip image is stored", l.digest);
    }
}

#[test]
fn rmi_force_removes_the_containers_of_an_image_that_goes() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    s.cmd(&["create", "--name", "made", &f.busybox.reference, "true"]).assert_success();
    s.cmd(&["run", "-d", "--name", "running", &f.busybox.reference, "sleep", "600"]).assert_success();
    // Without --force the image is in use: nothing goes.
    s.cmd(&["rmi", &f.busybox.reference])
        .assert_exit(2)
        .assert_stderr_contains("image is in use by a container");
    assert_eq!(s.cmd(&["ps", "-a", "-q"]).lines().len(), 2);
    // With --force, as podman: the containers (the running one stopped) and then the image; only
    // the image's lines are printed.
    let out = s.cmd(&["rmi", "-f", &f.busybox.reference]);
    out.assert_success().assert_stdout_eq(&format!(
        "Untagged: {}\nDeleted: {}",
        f.busybox.reference,
        f.busybox.id()
    ));
    s.cmd(&["ps", "-a", "-q"]).assert_success().assert_stdout_eq("");
    s.cmd(&["images", "-q"]).assert_success().assert_stdout_eq("");
}

#[test]
fn images_history_keeps_names_the_image_had() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    s.cmd(&["tag", &f.busybox.reference, "localhost/first:1"]).assert_success();
    s.cmd(&["rmi", "localhost/first:1"]).assert_success();
    s.cmd(&["tag", &f.busybox.reference, "localhost/second:2"]).assert_success();
    s.cmd(&["rmi", "localhost/second:2"]).assert_success();
    s.cmd(&["images", &f.busybox.reference, "--format", "{{ .History }}"])
        .assert_success()
        .assert_stdout_eq(&format!("{}, localhost/second:2, localhost/first:1\n", f.busybox.reference));
}

#[test]
fn rmi_reports_several_failures_as_one_error_and_force_takes_the_pod_of_an_infra_image() {
    let f = fixtures();
    let s = Skiff::new();
    pull(&s, &f.busybox.reference);
    s.cmd(&["create", "--pod", "new:p1", &f.busybox.reference]).assert_success();
    // Both images (the container's and the pod's infra image) are in use: exit 2, one error.
    let out = s.cmd(&["rmi", "-a"]);
    out.assert_exit(2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines[0], "Error: 2 errors occurred:", "{}", out.stderr);
    assert!(lines[1].starts_with("\t* image used by "), "{}", out.stderr);
    assert!(
        lines[2].ends_with(
            "image is in use by a container: consider listing external containers and force-removing image"
        ),
        "{}",
        out.stderr
    );
    // -f on the infra image removes the pod with all its containers.
    let pause = s
        .cmd(&["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .assert_success()
        .lines()
        .into_iter()
        .find(|l| l.contains("pause"))
        .expect("the infra image is listed")
        .to_string();
    s.cmd(&["rmi", "-f", &pause])
        .assert_success()
        .assert_stdout_contains(&format!("Untagged: {pause}\nDeleted: "));
    s.cmd(&["ps", "-a", "--noheading"]).assert_success().assert_stdout_eq("");
    s.cmd(&["pod", "ps", "--noheading"]).assert_success().assert_stdout_eq("");
    s.cmd(&["image", "exists", &f.busybox.reference]).assert_success();
}
