//! Reliability: concurrent pulls on one store, `kill -9` of a pull at several moments, and bad
//! input from the registry (unknown references, a registry that is down, blobs and manifests
//! that lie, unsafe layer archives), each a clear one-line error that leaves nothing behind.
//!
//! Lies the registry would refuse on push are served by overwriting the blob's file in the
//! registry's storage after a normal push (`docker/registry/v2/blobs/sha256/xx/<hex>/data`).
//! Every hand-made image holds content unique to its test, so no other image shares its blobs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::fixtures::{self, fixtures, host_arch};
use crate::oci::{self, Compression, Entry, LayerBlob, Layout};
use crate::registry::{self, Registry};
use crate::util::{self, Output, Skiff};

const TLS: &str = "--tls-verify=false";

fn pull(s: &Skiff, reference: &str) -> Output {
    s.cmd(&["pull", TLS, reference])
}

/// Ids of the stored images (full, one per image).
fn image_ids(s: &Skiff) -> Vec<String> {
    let out = s.cmd(&["images", "--format", "json"]);
    out.assert_success();
    let mut ids: Vec<String> =
        out.json().as_array().unwrap().iter().map(|i| i["Id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

/// Names of the entries of `dir` as seen inside skiff's user namespace (`skiff unshare ls -A`).
fn ls(s: &Skiff, dir: &Path) -> Vec<String> {
    let out = s.unshare(&["ls", "-A", dir.to_str().unwrap()]);
    out.assert_success();
    out.lines().iter().map(|l| l.to_string()).collect()
}

/// Chain-id dirs under `ROOT/layers` holding a `layer.json`.
pub fn stored_layers(s: &Skiff) -> Vec<String> {
    let layers = s.root().join("layers");
    let mut out: Vec<String> = ls(s, &layers)
        .into_iter()
        .filter(|n| n.len() == 64 && !n.ends_with(".lock"))
        .filter(|n| {
            s.unshare(&["test", "-f", layers.join(n).join("layer.json").to_str().unwrap()]).code() == Some(0)
        })
        .collect();
    out.sort();
    out
}

/// Staging dirs and blob temporaries left in `ROOT/layers/tmp` and `ROOT/tmp` (lock files of
/// finished entries are removed with them, so anything at all is a leftover).
pub fn scratch_left(s: &Skiff) -> Vec<String> {
    let mut left = ls(s, &s.root().join("layers/tmp"));
    left.extend(ls(s, &s.root().join("tmp")).into_iter().map(|n| format!("tmp/{n}")));
    left
}

/// The exit code is 125, stderr has exactly one `Error:` line and it names every needle.
#[track_caller]
fn assert_one_line_error(out: &Output, needles: &[&str]) {
    println!("{out}");
    out.assert_exit(125);
    let errors: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("Error: ")).collect();
    assert_eq!(errors.len(), 1, "expected one Error: line\n{out}");
    for n in needles {
        assert!(errors[0].contains(n), "the error should name {n:?}\n{out}");
    }
    assert!(!out.stderr.contains("panicked"), "{out}");
}

// ---- concurrency and crashes ------------------------------------------------------------------

#[test]
fn two_simultaneous_pulls_of_one_image_both_succeed_and_store_it_once() {
    let f = fixtures();
    let s = Skiff::new();
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(|| pull(&s, &f.multi.reference));
        let b = scope.spawn(|| pull(&s, &f.multi.reference));
        (a.join().unwrap(), b.join().unwrap())
    });
    a.assert_success();
    b.assert_success();
    assert_eq!(image_ids(&s), vec![f.multi.id().to_string()]);
    let names = s.cmd(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(names.lines(), vec![f.multi.reference.as_str()], "{names}");
    let layers = stored_layers(&s);
    assert_eq!(layers.len(), f.multi.layer_count(), "each layer once: {layers:?}");
    assert_eq!(scratch_left(&s), Vec::<String>::new());
}

#[test]
fn pull_killed_at_any_moment_leaves_a_usable_store() {
    let f = fixtures();
    // How long a whole pull takes here, so that the kills land during it (start-up, manifest,
    // layers, the image record), not after it.
    let timing = Skiff::new();
    let started = std::time::Instant::now();
    pull(&timing, &f.multi.reference).assert_success();
    let full = started.elapsed().as_millis() as u64;
    let mut delays: Vec<u64> = vec![0, 50, 150, 400];
    delays.extend((1..=9).map(|k| full * k / 10));
    delays.retain(|d| *d < full);
    delays.sort();
    delays.dedup();
    println!("a pull takes {full} ms; killing after {delays:?} ms");
    let s = Skiff::new();
    for delay_ms in delays {
        let mut child = s
            .command(&["pull", TLS, &f.multi.reference])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn skiff pull");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("kill -9 the pull");
        child.wait().expect("reap the pull");

        // The next command works and shows either nothing or the complete image.
        let ids = image_ids(&s);
        assert!(ids.is_empty() || ids == vec![f.multi.id().to_string()], "after {delay_ms} ms: {ids:?}");
        pull(&s, &f.multi.reference).assert_success();
        assert_eq!(image_ids(&s), vec![f.multi.id().to_string()], "after {delay_ms} ms");
        assert_eq!(stored_layers(&s).len(), f.multi.layer_count(), "after {delay_ms} ms");
        assert_eq!(scratch_left(&s), Vec::<String>::new(), "after {delay_ms} ms");
        s.cmd(&["rmi", "-a"]).assert_success();
        assert_eq!(image_ids(&s), Vec::<String>::new());
    }
}

// ---- references and registries ----------------------------------------------------------------

#[test]
fn unknown_image_and_unknown_tag_are_one_clear_error() {
    let f = fixtures();
    let reg = registry::shared();
    let s = Skiff::new();
    let missing_repo = reg.reference("no-such-image-here", "latest");
    assert_one_line_error(&pull(&s, &missing_repo), &[&reg.host(), "no-such-image-here"]);
    let missing_tag = format!("{}/{}:no-such-tag", reg.host(), f.busybox.name);
    assert_one_line_error(&pull(&s, &missing_tag), &[&reg.host(), "no-such-tag"]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
}

#[test]
fn registry_down_is_one_clear_error() {
    let port = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
    let s = Skiff::new();
    let reference = format!("127.0.0.1:{port}/busybox:latest");
    assert_one_line_error(&pull(&s, &reference), &[&format!("127.0.0.1:{port}")]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
}

// ---- lying or malicious images ----------------------------------------------------------------

/// A hand-made image pushed to the shared registry.
struct Pushed {
    reference: String,
    manifest_digest: String,
    layers: Vec<LayerBlob>,
}

/// Pushes an image of `layers` as `name:latest` (with skopeo, from an OCI layout).
fn push(name: &str, layers: Vec<LayerBlob>) -> Pushed {
    let reg = registry::shared();
    let dir = util::tempdir("layout");
    let mut layout = Layout::create(dir.path());
    let config = fixtures::config(name, host_arch(), None, &layers);
    let desc = layout.image(&config, &layers);
    layout.tag(&desc, "latest");
    let manifest_digest = fixtures::copy_to(dir.path(), "latest", reg, name, "latest", &[]);
    Pushed { reference: reg.reference(name, "latest"), manifest_digest, layers }
}

/// A layer holding a file unique to `name`, so that its blob is shared with nothing else.
fn unique_layer(name: &str, compression: Compression) -> LayerBlob {
    LayerBlob::new(&[Entry::dir("etc"), Entry::file("etc/skiff-test", format!("{name}\n"))], compression)
}

/// The registry's storage directory (found by its config, which names its port).
fn registry_storage(reg: &Registry) -> PathBuf {
    let needle = format!("addr: 127.0.0.1:{}\n", reg.port());
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs_err::read_dir(util::temp_root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("skiff-it-registry-"))
        .filter(|e| fs_err::read_to_string(e.path().join("config.yml")).is_ok_and(|c| c.contains(&needle)))
        .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap(), e.path().join("storage")))
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| panic!("no registry storage for port {}", reg.port())).1
}

/// Replaces what the registry serves for `digest`.
fn overwrite_registry_blob(digest: &str, bytes: &[u8]) {
    let hex = digest.trim_start_matches("sha256:");
    let path = registry_storage(registry::shared())
        .join("docker/registry/v2/blobs/sha256")
        .join(&hex[..2])
        .join(hex)
        .join("data");
    assert!(path.is_file(), "{} is not in the registry", path.display());
    fs_err::write(&path, bytes).unwrap();
}

#[test]
fn layer_whose_bytes_do_not_match_its_digest_is_refused() {
    let s = Skiff::new();
    let p = push("lie-layer-digest", vec![unique_layer("lie-layer-digest", Compression::Gzip)]);
    // Same length, other bytes: only the digest check can tell.
    let mut wrong = p.layers[0].data.clone();
    let last = wrong.len() - 1;
    wrong[last] ^= 0xff;
    overwrite_registry_blob(&p.layers[0].digest, &wrong);
    let out = pull(&s, &p.reference);
    assert_one_line_error(&out, &["digest", &p.layers[0].digest]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(scratch_left(&s), Vec::<String>::new());
}

#[test]
fn truncated_layer_is_refused() {
    let s = Skiff::new();
    let p = push("lie-layer-size", vec![unique_layer("lie-layer-size", Compression::Gzip)]);
    let data = &p.layers[0].data;
    overwrite_registry_blob(&p.layers[0].digest, &data[..data.len() / 2]);
    assert_one_line_error(&pull(&s, &p.reference), &[&p.layers[0].digest]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
}

#[test]
fn truncated_gzip_stream_is_refused() {
    let s = Skiff::new();
    // A gzip stream cut in the middle, whose digest and size are those of the cut bytes: only
    // decompression can tell.
    let name = "truncated-gzip";
    let full = LayerBlob::new(
        &[Entry::dir("etc"), Entry::file("etc/skiff-test", format!("{name}\n").repeat(2000))],
        Compression::Gzip,
    );
    let cut = full.data[..full.data.len() / 2].to_vec();
    let layer = LayerBlob { digest: oci::sha256(&cut), data: cut, ..full };
    let p = push(name, vec![layer]);
    assert_one_line_error(&pull(&s, &p.reference), &[&p.layers[0].digest]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(scratch_left(&s), Vec::<String>::new());
}

#[test]
fn manifest_that_is_not_json_is_refused() {
    // docker-registry parses a manifest before serving it and answers 500 for this one: the
    // error must still be one line naming the image.
    let s = Skiff::new();
    let p = push("lie-manifest", vec![unique_layer("lie-manifest", Compression::Gzip)]);
    overwrite_registry_blob(&p.manifest_digest, b"this is not a manifest {");
    let out = pull(&s, &p.reference);
    assert_one_line_error(&out, &["lie-manifest"]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
}

#[test]
fn manifest_whose_bytes_do_not_match_the_pulled_digest_is_refused() {
    let s = Skiff::new();
    let name = "lie-manifest-digest";
    let p = push(name, vec![unique_layer(name, Compression::Gzip)]);
    // Valid JSON, a valid manifest even, but not the one the digest names.
    let original = registry::shared().get(&format!("/v2/{name}/manifests/{}", p.manifest_digest)).unwrap();
    assert_eq!(original.status, 200);
    let mut other = original.json();
    other["annotations"] = serde_json::json!({ "org.skiff.test": "substituted" });
    overwrite_registry_blob(&p.manifest_digest, &serde_json::to_vec(&other).unwrap());
    let by_digest = format!("{}/{name}@{}", registry::shared().host(), p.manifest_digest);
    assert_one_line_error(&pull(&s, &by_digest), &["digest", &p.manifest_digest]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
}

#[test]
fn unsupported_layer_media_type_is_refused() {
    let s = Skiff::new();
    let name = "odd-media-type";
    let mut layer = unique_layer(name, Compression::None);
    layer.media_type = "application/vnd.skiff.test.unknown".into();
    let p = push(name, vec![layer]);
    assert_one_line_error(&pull(&s, &p.reference), &["application/vnd.skiff.test.unknown"]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
}

/// Pushes a one-layer image of `entries`, pulls it and checks the pull fails with one clear
/// error naming `needle` and leaves no image, layer or scratch entry.
fn assert_unsafe_layer_refused(name: &str, entries: &[Entry], needle: &str) -> Skiff {
    let s = Skiff::new();
    let mut all = vec![Entry::file("skiff-test", format!("{name}\n"))];
    all.extend_from_slice(entries);
    let p = push(name, vec![LayerBlob::new(&all, Compression::Gzip)]);
    assert_one_line_error(&pull(&s, &p.reference), &[needle]);
    assert_eq!(image_ids(&s), Vec::<String>::new());
    assert_eq!(stored_layers(&s), Vec::<String>::new());
    assert_eq!(scratch_left(&s), Vec::<String>::new());
    s
}

#[test]
fn layer_with_dot_dot_path_is_refused_and_writes_nothing_outside() {
    // A raw tar name holds 100 bytes: the target lives right under /tmp (not under $TMPDIR,
    // which may be long), so the name always fits and the test always runs.
    let probe = tempfile::Builder::new().prefix("sk-dd").tempdir_in("/tmp").expect("a directory under /tmp");
    // The store is DIR/root/layers/tmp/<staging>/diff: enough `..` to reach far above it.
    let target = probe.path().join("escaped");
    let rel = format!("../../../../../../../../../../..{}", target.display());
    assert!(rel.len() <= 100, "{rel} does not fit a raw tar name");
    assert_unsafe_layer_refused("dotdot", &[Entry::file("x", "pwned").raw(&rel)], "..");
    assert!(!target.exists(), "{} was written", target.display());
}

#[test]
fn layer_with_absolute_path_is_refused_and_writes_nothing_there() {
    let probe = util::tempdir("absolute");
    let target = probe.path().join("escaped");
    let abs = target.to_str().unwrap().to_string();
    assert_unsafe_layer_refused("absolute", &[Entry::file("x", "pwned").raw(&abs)], &abs);
    assert!(!target.exists(), "{} was written", target.display());
}

#[test]
fn file_written_through_a_symlink_pointing_outside_goes_nowhere() {
    let probe = util::tempdir("symlink");
    let target_dir = probe.path();
    let s = Skiff::new();
    let name = "symlink-escape";
    let entries = [
        Entry::file("skiff-test", format!("{name}\n")),
        Entry::symlink("escape", target_dir.to_str().unwrap()),
        Entry::file("escape/pwned", "pwned"),
    ];
    let p = push(name, vec![LayerBlob::new(&entries, Compression::Gzip)]);
    let out = pull(&s, &p.reference);
    // Refusing the archive or containing the write inside the layer are both safe; writing
    // through the link is not.
    assert!(!target_dir.join("pwned").exists(), "wrote through the symlink\n{out}");
    if out.code() == Some(0) {
        assert_eq!(image_ids(&s).len(), 1);
    } else {
        assert_one_line_error(&out, &["escape"]);
        assert_eq!(image_ids(&s), Vec::<String>::new());
        assert_eq!(stored_layers(&s), Vec::<String>::new());
    }
    assert_eq!(scratch_left(&s), Vec::<String>::new());
}
