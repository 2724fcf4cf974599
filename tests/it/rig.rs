//! Tests of the rig itself: the registries answer, the fixtures are in the registry as described
//! (checked with skopeo and GNU tar, not with skiff), and the `Skiff` helper isolates and cleans
//! up its store.

use std::os::unix::fs::MetadataExt;
use std::process::Command;
use std::time::Duration;

use crate::fixtures::{self, fixtures, Image};
use crate::oci;
use crate::registry::{self, AUTH_PASSWORD, AUTH_USER};
use crate::util::{self, Skiff};

fn skopeo_inspect(reference: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["inspect", "--tls-verify=false"];
    args.extend_from_slice(extra);
    args.push(reference);
    util::skopeo(&args).assert_success().json()
}

#[test]
fn registry_answers_v2() {
    let reg = registry::shared();
    let r = reg.get("/v2/").expect("GET /v2/");
    assert_eq!(r.status, 200, "body: {}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("Docker-Distribution-API-Version"), Some("registry/2.0"));
}

#[test]
fn catalog_lists_every_fixture() {
    let f = fixtures();
    let catalog = registry::shared().catalog();
    for name in [&f.busybox.name, &f.multi.name, &f.multi_zstd.name, &f.multi_v2s2.name, &f.multiarch.name] {
        assert!(catalog.contains(name), "{name} missing from the catalog {catalog:?}");
    }
}

fn assert_in_registry(image: &Image) {
    let v = skopeo_inspect(&image.docker_ref(), &[]);
    assert_eq!(v["Digest"], image.manifest_digest.as_str(), "{}: digest\n{v:#}", image.reference);
    let layers: Vec<&str> =
        v["Layers"].as_array().expect("Layers").iter().filter_map(|l| l.as_str()).collect();
    let expected: Vec<&str> = image.layers.iter().map(|l| l.digest.as_str()).collect();
    assert_eq!(layers, expected, "{}: layers", image.reference);
    assert_eq!(v["Architecture"], image.architecture.as_str());
    assert_eq!(v["Os"], "linux");
    assert_eq!(v["Labels"][fixtures::LABEL], image.config["config"]["Labels"][fixtures::LABEL]);

    let raw = util::skopeo(&["inspect", "--tls-verify=false", "--raw", &image.docker_ref()])
        .assert_success()
        .stdout_bytes
        .clone();
    assert_eq!(oci::sha256(&raw), image.manifest_digest, "{}: raw manifest digest", image.reference);
    let manifest: serde_json::Value = serde_json::from_slice(&raw).expect("manifest json");
    assert_eq!(manifest["mediaType"], image.manifest_media_type.as_str());
    assert_eq!(manifest["config"]["digest"], image.config_digest.as_str());

    let config = util::skopeo(&["inspect", "--tls-verify=false", "--config", "--raw", &image.docker_ref()])
        .assert_success()
        .stdout_bytes
        .clone();
    assert_eq!(oci::sha256(&config), image.config_digest, "{}: config digest (image id)", image.reference);
    let config: serde_json::Value = serde_json::from_slice(&config).expect("config json");
    let diff_ids: Vec<&str> = config["rootfs"]["diff_ids"]
        .as_array()
        .expect("diff_ids")
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(diff_ids, image.diff_ids().iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn busybox_is_in_registry() {
    let b = &fixtures().busybox;
    assert_eq!(b.layer_count(), 1);
    assert_eq!(b.architecture, fixtures::host_arch());
    assert_eq!(b.config["config"]["Cmd"], serde_json::json!(["sh"]));
    assert_eq!(b.layers[0].media_type, oci::MEDIA_OCI_LAYER_GZIP);
    assert_in_registry(b);
}

#[test]
fn multi_is_in_registry() {
    let f = fixtures();
    assert_eq!(f.multi.layer_count(), 4);
    assert_eq!(f.multi.layers[0].digest, f.busybox.layers[0].digest, "multi stacks the busybox layer");
    assert_in_registry(&f.multi);
}

#[test]
fn multi_zstd_is_in_registry_with_the_same_diff_ids() {
    let f = fixtures();
    let z = &f.multi_zstd;
    assert_eq!(z.layer_count(), 4);
    assert!(z.layers.iter().all(|l| l.media_type == oci::MEDIA_OCI_LAYER_ZSTD), "{:?}", z.layers);
    assert_eq!(z.diff_ids(), f.multi.diff_ids());
    assert_eq!(z.id(), f.multi.id(), "same tars, same config: same image id");
    assert!(z.layers.iter().zip(&f.multi.layers).all(|(a, b)| a.digest != b.digest));
    assert_in_registry(z);
}

#[test]
fn multi_v2s2_is_a_docker_schema2_manifest() {
    let f = fixtures();
    let d = &f.multi_v2s2;
    assert_eq!(d.manifest_media_type, oci::MEDIA_DOCKER_MANIFEST);
    assert_ne!(d.manifest_digest, f.multi.manifest_digest);
    assert_eq!(d.id(), f.multi.id(), "conversion keeps the config");
    assert_eq!(d.layer_count(), 4);
    assert!(d.layers.iter().all(|l| l.media_type == oci::MEDIA_DOCKER_LAYER_GZIP), "{:?}", d.layers);
    assert_in_registry(d);
}

#[test]
fn multiarch_index_lists_both_platforms() {
    let idx = &fixtures().multiarch;
    let raw = util::skopeo(&["inspect", "--tls-verify=false", "--raw", &idx.docker_ref()])
        .assert_success()
        .stdout_bytes
        .clone();
    assert_eq!(oci::sha256(&raw), idx.digest);
    let v: serde_json::Value = serde_json::from_slice(&raw).expect("index json");
    assert_eq!(v["mediaType"], oci::MEDIA_OCI_INDEX);
    let platforms: Vec<(String, String, Option<String>, String)> = v["manifests"]
        .as_array()
        .expect("manifests")
        .iter()
        .map(|m| {
            let p = &m["platform"];
            (
                p["os"].as_str().unwrap_or_default().into(),
                p["architecture"].as_str().unwrap_or_default().into(),
                p["variant"].as_str().map(String::from),
                m["digest"].as_str().unwrap_or_default().into(),
            )
        })
        .collect();
    assert_eq!(
        platforms,
        vec![
            ("linux".into(), "amd64".into(), None, idx.platform("amd64").manifest_digest.clone()),
            (
                "linux".into(),
                "arm64".into(),
                Some("v8".into()),
                idx.platform("arm64").manifest_digest.clone()
            ),
        ]
    );
    for image in &idx.manifests {
        assert_in_registry(image);
    }
    // skopeo's own platform choice agrees with the index.
    let arm = skopeo_inspect(&idx.docker_ref(), &["--override-arch", "arm64", "--override-variant", "v8"]);
    // (its "Digest" is the index's; the layers tell the platform images apart.)
    assert_eq!(arm["Digest"], idx.digest.as_str());
    assert_eq!(arm["Architecture"], "arm64");
    let arm_layers: Vec<&str> = idx.platform("arm64").layers.iter().map(|l| l.digest.as_str()).collect();
    assert_eq!(arm["Layers"], serde_json::json!(arm_layers));
}

/// The layer contents, read back from the registry with GNU tar.
#[test]
fn multi_layers_hold_whiteouts_owners_modes_and_links() {
    let multi = &fixtures().multi;
    let listing = |i: usize| {
        let r = registry::shared()
            .get(&format!("/v2/{}/blobs/{}", multi.name, multi.layers[i].digest))
            .expect("GET blob");
        assert_eq!(r.status, 200);
        assert_eq!(oci::sha256(&r.body), multi.layers[i].digest);
        let dir = util::tempdir("blob");
        let path = dir.path().join("layer.tar.gz");
        fs_err::write(&path, &r.body).expect("write blob");
        let mut cmd = Command::new("tar");
        cmd.args(["--numeric-owner", "--full-time", "-tvzf"]).arg(&path);
        util::run(cmd, None, Duration::from_secs(30)).assert_success().stdout.clone()
    };
    let base = listing(0);
    assert!(base.contains("bin/sh -> busybox"), "{base}");
    assert!(base.contains("drwxrwxrwt 0/0") && base.contains(" tmp/"), "{base}");
    let l2 = listing(1);
    for needle in [
        "-rwsr-xr-x 0/0",
        "usr/bin/suid",
        "1000/1000",
        "data/owned-app",
        "65534/65534",
        "data/link -> keep",
        "data/hard link to data/keep",
    ] {
        assert!(l2.contains(needle), "layer 2 lacks {needle:?}:\n{l2}");
    }
    let l3 = listing(2);
    assert!(
        l3.contains("data/.wh.gone") && l3.contains("data/dir/.wh..wh..opq") && l3.contains("data/dir/new"),
        "{l3}"
    );
    let l4 = listing(3);
    assert!(l4.contains("2001-09-09") && l4.contains("data/old") && l4.contains("data/empty/"), "{l4}");
}

#[test]
fn auth_registry_requires_credentials() {
    let reg = registry::start_with_auth();
    let anonymous = reg.request("GET", "/v2/", &[], false).expect("GET /v2/");
    assert_eq!(anonymous.status, 401);
    assert!(anonymous.header("WWW-Authenticate").unwrap_or_default().starts_with("Basic"), "{anonymous:?}");
    assert_eq!(reg.get("/v2/").expect("GET /v2/").status, 200);
    assert_eq!(reg.credentials(), Some((AUTH_USER, AUTH_PASSWORD)));

    let busybox = &fixtures().busybox;
    let digest = fixtures::copy_image_to(busybox, &reg, "private/busybox", "v1");
    assert_eq!(digest, busybox.manifest_digest);
    let mut args: Vec<String> = vec!["inspect".into()];
    args.extend(reg.skopeo_src_args());
    args.push(reg.docker_ref("private/busybox", "v1"));
    assert_eq!(util::skopeo(&args).assert_success().json()["Digest"], digest.as_str());
    util::skopeo(&["inspect", "--tls-verify=false", "--no-creds", &reg.docker_ref("private/busybox", "v1")])
        .assert_failure();
}

#[test]
fn skiff_reports_usage_errors_with_125() {
    let skiff = Skiff::new();
    skiff.cmd(&["--no-such-flag"]).assert_exit(125);
    skiff.cmd(&["version"]).assert_success();
}

#[test]
fn skiff_store_is_cleaned_up_even_with_subordinate_owners() {
    let skiff = Skiff::new();
    let dir = skiff.dir().to_path_buf();
    let root = skiff.root();
    skiff.unshare(&["id", "-u"]).assert_success().assert_stdout_eq("0");
    let x = root.join("x");
    let script =
        format!("mkdir -p {x} && echo hi > {x}/f && chown -R 1:1 {x} && chmod 700 {x}", x = x.display());
    skiff.unshare(&["sh", "-c", &script]).assert_success();
    let meta = fs_err::metadata(&x).expect("stat the dir made in the namespace");
    assert_ne!(meta.uid(), nix::unistd::getuid().as_raw(), "x should belong to a subordinate uid");
    assert!(fs_err::read_dir(&x).is_err(), "x (0700, subordinate owner) should be unreadable from outside");
    drop(skiff);
    assert!(!dir.exists(), "{} left behind", dir.display());
}

#[test]
#[should_panic(expected = "timed out")]
fn commands_time_out() {
    let mut cmd = Command::new("sleep");
    cmd.arg("30");
    util::run(cmd, None, Duration::from_millis(300));
}

#[test]
fn temp_dirs_are_under_the_system_temp_dir() {
    let skiff = Skiff::new();
    assert!(skiff.dir().starts_with(util::temp_root()));
    assert!(util::scratch_dir().starts_with(util::temp_root()));
}

#[test]
#[should_panic(expected = "still holds its stdout or stderr open")]
fn leftover_processes_holding_stdout_are_caught() {
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "sleep 8 & echo started"]);
    util::run(cmd, None, Duration::from_secs(30));
}
