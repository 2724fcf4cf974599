//! The fixture images, built here from Debian's busybox-static (`/bin/busybox`) as OCI layouts and
//! pushed to the [shared registry](crate::registry::shared) with skopeo, once per process
//! ([`fixtures`]). Each comes with the facts tests assert on (digests, image id, layers).
//!
//! - `busybox:latest`: one gzip layer: `/bin/busybox` and applet symlinks (`/bin/sh -> busybox`,
//!   see [`APPLETS`]), `/etc/passwd` (root 0, app 1000, nobody 65534), `/etc/group`, `/tmp` (1777),
//!   `/root` (0700), `/home/app` (1000:1000), empty `/dev /proc /sys /var /usr/bin`. Config: `Cmd
//!   ["sh"]`, `Env [PATH]` ([`PATH`]), the host architecture, os linux, [`CREATED`], label
//!   [`LABEL`]`=busybox`.
//! - `multi:latest`: 4 gzip layers: (1) the busybox layer (the same blob); (2) `/data/keep`
//!   ("keep\n"), `/data/gone`, `/data/dir/old`, `/data/owned-app` (1000:1000), `/data/owned-nobody`
//!   (65534:65534), `/usr/bin/suid` (root, 04755), `/data/link -> keep`, `/data/hard` (hard link to
//!   `/data/keep`); (3) deletes `/data/gone` (`.wh.gone`), makes `/data/dir` opaque and adds
//!   `/data/dir/new`; (4) `/data/old` with mtime [`OLD_MTIME`] (2001) and the empty dir
//!   `/data/empty`. Config: `Cmd ["sh"]`, label `=multi`.
//! - `multi-zstd:latest`: the same tars, zstd-compressed: other layer digests, the same diff ids
//!   and config, hence the same image id as `multi`.
//! - `multi-v2s2:latest`: `multi` pushed with `skopeo copy --format v2s2` (Docker schema 2): another
//!   manifest digest, the same config (image id) and layers.
//! - `multiarch:latest`: an OCI index of linux/amd64 and linux/arm64/v8; each image is the busybox
//!   layer plus `/etc/arch` holding its architecture name (the arm64 one carries the host's
//!   busybox: inspect it, don't run it).

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{json, Value};

use crate::oci::{self, Compression, Descriptor, Entry, LayerBlob, Layout};
use crate::registry::{self, Registry};
use crate::util;

/// The busybox applets linked in `/bin` (each `/bin/NAME -> busybox`).
pub const APPLETS: &[&str] = &[
    "sh",
    "ash",
    "ls",
    "cat",
    "id",
    "echo",
    "stat",
    "test",
    "[",
    "sleep",
    "true",
    "false",
    "env",
    "mkdir",
    "rm",
    "rmdir",
    "touch",
    "find",
    "wc",
    "head",
    "tail",
    "readlink",
    "realpath",
    "ln",
    "httpd",
    "nc",
    "wget",
    "ps",
    "kill",
    "grep",
    "sed",
    "awk",
    "pwd",
    "hostname",
    "uname",
    "whoami",
    "chmod",
    "chown",
    "cp",
    "mv",
    "date",
    "printf",
    "tee",
    "sort",
    "seq",
    "cut",
    "tr",
    "dd",
    "du",
    "df",
    "expr",
    "mknod",
    "mount",
    "umount",
    "ip",
    "ifconfig",
    "top",
    "xargs",
    "basename",
    "dirname",
    "nproc",
    "timeout",
    "yes",
    "md5sum",
    "sha256sum",
    "ping",
    "nslookup",
    "tty",
    "stty",
    "vi",
    "less",
    "diff",
    "uniq",
    "groups",
    "which",
    "mkfifo",
    "sync",
    "usleep",
    "hexdump",
    "od",
];

/// `PATH` in every fixture's config.
pub const PATH: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/// `created` in every fixture's config.
pub const CREATED: &str = "2024-01-02T03:04:05Z";
/// The label every fixture carries; its value is the fixture's name (`busybox`, `multi`, ...).
pub const LABEL: &str = "org.skiff.fixture";
/// The mtime of `/data/old` in `multi` (2001-09-09T01:46:40Z).
pub const OLD_MTIME: u64 = 1_000_000_000;
/// The tag of every fixture.
pub const TAG: &str = "latest";

/// One layer of a pushed image.
#[derive(Debug, Clone)]
pub struct Layer {
    /// `sha256:` of the blob as stored in the registry.
    pub digest: String,
    /// `sha256:` of the uncompressed tar.
    pub diff_id: String,
    pub size: u64,
    pub media_type: String,
}

/// A fixture image in the shared registry and its facts.
#[derive(Debug, Clone)]
pub struct Image {
    /// Repository name in the registry (`busybox`).
    pub name: String,
    /// `127.0.0.1:PORT/name:latest`; for an index's platform images, `127.0.0.1:PORT/name@digest`.
    pub reference: String,
    /// `sha256:` of the manifest as stored in the registry.
    pub manifest_digest: String,
    pub manifest_media_type: String,
    /// `sha256:` of the config blob, which is the image id.
    pub config_digest: String,
    /// The config blob, parsed.
    pub config: Value,
    pub layers: Vec<Layer>,
    pub architecture: String,
    pub variant: Option<String>,
    /// An OCI layout holding this image (for `oci:`/load tests; for `multi-v2s2`, the `multi`
    /// layout it was pushed from) and its tag there.
    pub layout: PathBuf,
    pub layout_tag: String,
}

impl Image {
    /// The image id: the config digest's hex.
    pub fn id(&self) -> &str {
        self.config_digest.trim_start_matches("sha256:")
    }

    /// The first 12 hex digits of the id, as `images` prints it.
    pub fn short_id(&self) -> &str {
        &self.id()[..12]
    }

    /// The config's diff ids (`sha256:` each), bottom layer first.
    pub fn diff_ids(&self) -> Vec<String> {
        self.layers.iter().map(|l| l.diff_id.clone()).collect()
    }

    /// The number of layers.
    pub fn layer_count(&self) -> usize {
        self.layers.len()
    }

    /// `127.0.0.1:PORT/name@sha256:...`.
    pub fn digest_reference(&self) -> String {
        format!("{}/{}@{}", registry::shared().host(), self.name, self.manifest_digest)
    }

    /// `docker://` + [`Image::reference`], for skopeo.
    pub fn docker_ref(&self) -> String {
        format!("docker://{}", self.reference)
    }
}

/// A fixture image index (multi-platform image) in the shared registry.
#[derive(Debug, Clone)]
pub struct ImageIndex {
    pub name: String,
    /// `127.0.0.1:PORT/name:latest`.
    pub reference: String,
    /// `sha256:` of the index.
    pub digest: String,
    pub media_type: String,
    /// The platform images, in index order (amd64, then arm64/v8).
    pub manifests: Vec<Image>,
    pub layout: PathBuf,
    pub layout_tag: String,
}

impl ImageIndex {
    /// The platform image for `architecture` (`amd64`, `arm64`).
    #[track_caller]
    pub fn platform(&self, architecture: &str) -> &Image {
        self.manifests
            .iter()
            .find(|m| m.architecture == architecture)
            .unwrap_or_else(|| panic!("{} has no {architecture} image", self.reference))
    }

    pub fn docker_ref(&self) -> String {
        format!("docker://{}", self.reference)
    }
}

/// All fixtures.
#[derive(Debug)]
pub struct Fixtures {
    pub busybox: Image,
    pub multi: Image,
    pub multi_zstd: Image,
    pub multi_v2s2: Image,
    pub multiarch: ImageIndex,
}

/// The fixtures, built and pushed to [`registry::shared`] on first use (once per process).
pub fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(build_all)
}

/// The host's architecture as OCI names it.
pub fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        other => other,
    }
}

/// Copies the image tagged `layout_tag` in the OCI layout `layout` to `registry` as `name:tag`
/// with skopeo (the independent tool), adding `extra` options (`--format v2s2`, `--all`). Uses
/// the registry's credentials, if any. Returns the pushed manifest's digest.
#[track_caller]
pub fn copy_to(
    layout: &std::path::Path,
    layout_tag: &str,
    registry: &Registry,
    name: &str,
    tag: &str,
    extra: &[&str],
) -> String {
    let digestfile = util::tempdir("digest");
    let digest_path = digestfile.path().join("digest");
    let mut args: Vec<String> = vec!["copy".into(), "--retry-times=2".into()];
    args.extend(registry.skopeo_dest_args());
    args.push(format!("--digestfile={}", digest_path.display()));
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push(format!("oci:{}:{layout_tag}", layout.display()));
    args.push(registry.docker_ref(name, tag));
    util::skopeo(&args).assert_success();
    fs_err::read_to_string(&digest_path).expect("skopeo --digestfile").trim().to_string()
}

/// Copies a fixture image to another registry (for example one from
/// [`registry::start_with_auth`]) as `name:tag`; returns the pushed manifest's digest.
#[track_caller]
pub fn copy_image_to(image: &Image, registry: &Registry, name: &str, tag: &str) -> String {
    copy_to(&image.layout, &image.layout_tag, registry, name, tag, &[])
}

/// The busybox layer's entries: busybox, applet links, users and the usual directories.
pub fn busybox_entries() -> Vec<Entry> {
    let busybox = fs_err::read("/bin/busybox").unwrap_or_else(|e| {
        panic!("cannot read /bin/busybox ({e}); install the Debian package `busybox-static`")
    });
    let mut e = vec![Entry::dir("bin"), Entry::file("bin/busybox", busybox).mode(0o755)];
    e.extend(APPLETS.iter().map(|a| Entry::symlink(&format!("bin/{a}"), "busybox")));
    e.extend([
        Entry::dir("dev"),
        Entry::dir("etc"),
        Entry::file(
            "etc/passwd",
            "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n\
             nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        ),
        Entry::file("etc/group", "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n"),
        Entry::dir("home"),
        Entry::dir("home/app").owner(1000, 1000),
        Entry::dir("proc"),
        Entry::dir("root").mode(0o700),
        Entry::dir("sys"),
        Entry::dir("tmp").mode(0o1777),
        Entry::dir("usr"),
        Entry::dir("usr/bin"),
        Entry::dir("var"),
    ]);
    e
}

/// The entries of `multi`'s layers 2, 3 and 4 (layer 1 is [`busybox_entries`]).
pub fn multi_upper_entries() -> [Vec<Entry>; 3] {
    [
        vec![
            Entry::dir("data"),
            Entry::file("data/keep", "keep\n"),
            Entry::file("data/gone", "gone\n"),
            Entry::dir("data/dir"),
            Entry::file("data/dir/old", "old\n"),
            Entry::file("data/owned-app", "app\n").owner(1000, 1000),
            Entry::file("data/owned-nobody", "nobody\n").owner(65534, 65534),
            Entry::symlink("data/link", "keep"),
            Entry::hardlink("data/hard", "data/keep"),
            Entry::dir("usr"),
            Entry::dir("usr/bin"),
            Entry::file("usr/bin/suid", "#!/bin/sh\nid\n").mode(0o4755),
        ],
        vec![
            Entry::dir("data"),
            Entry::whiteout("data/gone"),
            Entry::dir("data/dir"),
            Entry::opaque("data/dir"),
            Entry::file("data/dir/new", "new\n"),
        ],
        vec![
            Entry::dir("data"),
            Entry::file("data/old", "from 2001\n").mtime(OLD_MTIME),
            Entry::dir("data/empty"),
        ],
    ]
}

/// A config for `layers` with `Cmd ["sh"]`, [`PATH`], [`CREATED`] and `LABEL=fixture`.
pub fn config(fixture: &str, arch: &str, variant: Option<&str>, layers: &[LayerBlob]) -> Value {
    let mut c = json!({
        "created": CREATED,
        "architecture": arch,
        "os": "linux",
        "config": {
            "Env": [PATH],
            "Cmd": ["sh"],
            "Labels": { LABEL: fixture },
        },
        "rootfs": {
            "type": "layers",
            "diff_ids": layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>(),
        },
        "history": layers.iter().enumerate().map(|(i, _)| json!({
            "created": CREATED,
            "created_by": format!("skiff test rig: {fixture} layer {}", i + 1),
        })).collect::<Vec<_>>(),
    });
    if let Some(v) = variant {
        c["variant"] = json!(v);
    }
    c
}

fn build_all() -> Fixtures {
    util::require_program("skopeo", "skopeo");
    let reg = registry::shared();
    let root = util::scratch_dir().join("layouts");

    let busybox_tar = oci::tar(&busybox_entries());
    let upper_tars: Vec<Vec<u8>> = multi_upper_entries().iter().map(|e| oci::tar(e)).collect();
    let layers_of = |c: Compression| -> Vec<LayerBlob> {
        std::iter::once(&busybox_tar).chain(&upper_tars).map(|t| LayerBlob::from_tar(t, c)).collect()
    };
    let arch = host_arch();

    let busybox_layers = vec![LayerBlob::from_tar(&busybox_tar, Compression::Gzip)];
    let busybox =
        build_image(reg, &root, "busybox", config("busybox", arch, None, &busybox_layers), &busybox_layers);

    let multi_layers = layers_of(Compression::Gzip);
    let multi = build_image(reg, &root, "multi", config("multi", arch, None, &multi_layers), &multi_layers);

    let zstd_layers = layers_of(Compression::Zstd);
    let multi_zstd =
        build_image(reg, &root, "multi-zstd", config("multi", arch, None, &zstd_layers), &zstd_layers);

    let v2s2_digest = copy_to(&multi.layout, TAG, reg, "multi-v2s2", TAG, &["--format", "v2s2"]);
    let multi_v2s2 = Image {
        name: "multi-v2s2".into(),
        reference: reg.reference("multi-v2s2", TAG),
        ..image_from_registry(reg, "multi-v2s2", &v2s2_digest, &multi)
    };

    let multiarch = build_multiarch(reg, &root, &busybox_tar);
    Fixtures { busybox, multi, multi_zstd, multi_v2s2, multiarch }
}

/// Writes one image as its own layout under `root/name`, pushes it as `name:latest`, checks that
/// the registry kept the manifest byte for byte and returns its facts.
fn build_image(
    reg: &Registry,
    root: &std::path::Path,
    name: &str,
    config: Value,
    layers: &[LayerBlob],
) -> Image {
    let mut layout = Layout::create(&root.join(name));
    let manifest = layout.image(&config, layers);
    layout.tag(&manifest, TAG);
    let pushed = copy_to(layout.dir(), TAG, reg, name, TAG, &[]);
    assert_eq!(pushed, manifest.digest, "skopeo changed the manifest of {name} while pushing it");
    Image {
        name: name.into(),
        reference: reg.reference(name, TAG),
        manifest_digest: manifest.digest,
        manifest_media_type: oci::MEDIA_OCI_MANIFEST.into(),
        config_digest: oci::sha256(&serde_json::to_vec(&config).expect("config json")),
        architecture: config["architecture"].as_str().unwrap_or_default().into(),
        variant: config["variant"].as_str().map(String::from),
        config,
        layers: layers
            .iter()
            .map(|l| Layer {
                digest: l.digest.clone(),
                diff_id: l.diff_id.clone(),
                size: l.size(),
                media_type: l.media_type.clone(),
            })
            .collect(),
        layout: layout.dir().to_path_buf(),
        layout_tag: TAG.into(),
    }
}

/// Facts of a manifest as the registry serves it (for images skopeo converted), keeping
/// `source`'s config, diff ids and layout.
fn image_from_registry(reg: &Registry, name: &str, digest: &str, source: &Image) -> Image {
    let r = reg.get(&format!("/v2/{name}/manifests/{digest}")).expect("GET manifest");
    assert_eq!(r.status, 200, "GET manifest {name}@{digest}: {}", String::from_utf8_lossy(&r.body));
    assert_eq!(oci::sha256(&r.body), digest, "the registry served another manifest for {name}@{digest}");
    let m = r.json();
    let layers = m["layers"].as_array().expect("manifest layers");
    assert_eq!(layers.len(), source.layers.len(), "{name}: layer count changed while converting");
    Image {
        manifest_digest: digest.to_string(),
        manifest_media_type: m["mediaType"].as_str().unwrap_or_default().into(),
        config_digest: m["config"]["digest"].as_str().expect("config digest").into(),
        layers: layers
            .iter()
            .zip(&source.layers)
            .map(|(l, s)| Layer {
                digest: l["digest"].as_str().expect("layer digest").into(),
                diff_id: s.diff_id.clone(),
                size: l["size"].as_u64().expect("layer size"),
                media_type: l["mediaType"].as_str().expect("layer media type").into(),
            })
            .collect(),
        ..source.clone()
    }
}

fn build_multiarch(reg: &Registry, root: &std::path::Path, busybox_tar: &[u8]) -> ImageIndex {
    let name = "multiarch";
    let mut layout = Layout::create(&root.join(name));
    let base = LayerBlob::from_tar(busybox_tar, Compression::Gzip);
    let mut manifests: Vec<(Descriptor, Value)> = Vec::new();
    let mut images = Vec::new();
    for (arch, variant) in [("amd64", None), ("arm64", Some("v8"))] {
        let arch_layer = LayerBlob::new(
            &[Entry::dir("etc"), Entry::file("etc/arch", format!("{arch}\n"))],
            Compression::Gzip,
        );
        let layers = vec![base.clone(), arch_layer];
        let config = config(name, arch, variant, &layers);
        let desc = layout.image(&config, &layers);
        let mut platform = json!({ "architecture": arch, "os": "linux" });
        if let Some(v) = variant {
            platform["variant"] = json!(v);
        }
        manifests.push((desc.clone(), platform));
        images.push(Image {
            name: name.into(),
            reference: format!("{}/{name}@{}", reg.host(), desc.digest),
            manifest_digest: desc.digest.clone(),
            manifest_media_type: oci::MEDIA_OCI_MANIFEST.into(),
            config_digest: oci::sha256(&serde_json::to_vec(&config).expect("config json")),
            config: config.clone(),
            layers: layers
                .iter()
                .map(|l| Layer {
                    digest: l.digest.clone(),
                    diff_id: l.diff_id.clone(),
                    size: l.size(),
                    media_type: l.media_type.clone(),
                })
                .collect(),
            architecture: arch.into(),
            variant: variant.map(String::from),
            layout: layout.dir().to_path_buf(),
            layout_tag: arch.into(),
        });
        layout.tag(&desc, arch);
    }
    let index = layout.index(&manifests);
    layout.tag(&index, TAG);
    let pushed = copy_to(layout.dir(), TAG, reg, name, TAG, &["--all"]);
    assert_eq!(pushed, index.digest, "skopeo changed the index of {name} while pushing it");
    ImageIndex {
        name: name.into(),
        reference: reg.reference(name, TAG),
        digest: index.digest,
        media_type: oci::MEDIA_OCI_INDEX.into(),
        manifests: images,
        layout: layout.dir().to_path_buf(),
        layout_tag: TAG.into(),
    }
}
