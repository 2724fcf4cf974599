//! A small OCI image-layout writer: layers from a list of tar [`Entry`]s (gzip, zstd or none),
//! configs, manifests and indexes as blobs, and `index.json` with tags. Used by the fixtures and
//! by tests that need hand-made images, including malformed ones ([`Entry::raw`] writes a path
//! byte for byte, `..` and absolute paths included).
//!
//! Output is deterministic: fixed owners and mtimes unless set, gzip without a timestamp.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub const MEDIA_OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const MEDIA_OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const MEDIA_OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const MEDIA_OCI_LAYER: &str = "application/vnd.oci.image.layer.v1.tar";
pub const MEDIA_OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const MEDIA_OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
pub const MEDIA_DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const MEDIA_DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
pub const MEDIA_DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";

/// The mtime of entries that do not set one: 2023-11-14T22:13:20Z.
pub const DEFAULT_MTIME: u64 = 1_700_000_000;

/// `sha256:<hex>` of `data`.
pub fn sha256(data: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(data)))
}

/// How a layer blob is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// The OCI layer media type for this compression.
    pub fn media_type(self) -> &'static str {
        match self {
            Compression::None => MEDIA_OCI_LAYER,
            Compression::Gzip => MEDIA_OCI_LAYER_GZIP,
            Compression::Zstd => MEDIA_OCI_LAYER_ZSTD,
        }
    }

    /// Compresses `data`.
    pub fn compress(self, data: &[u8]) -> Vec<u8> {
        match self {
            Compression::None => data.to_vec(),
            Compression::Gzip => {
                let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                enc.write_all(data).expect("gzip to memory");
                enc.finish().expect("gzip to memory")
            }
            Compression::Zstd => zstd::encode_all(data, 3).expect("zstd to memory"),
        }
    }
}

#[derive(Debug, Clone)]
enum Kind {
    File(Vec<u8>),
    Dir,
    Symlink(String),
    Hardlink(String),
}

/// One tar entry of a layer. Paths are relative to the image root (`bin/sh`); a leading `/` is
/// dropped unless the entry is [`Entry::raw`].
#[derive(Debug, Clone)]
pub struct Entry {
    path: String,
    kind: Kind,
    mode: u32,
    uid: u64,
    gid: u64,
    mtime: u64,
    raw: bool,
}

impl Entry {
    fn new(path: &str, kind: Kind, mode: u32) -> Entry {
        Entry {
            path: path.trim_start_matches('/').to_string(),
            kind,
            mode,
            uid: 0,
            gid: 0,
            mtime: DEFAULT_MTIME,
            raw: false,
        }
    }

    /// A regular file, mode 0644, owned by 0:0.
    pub fn file(path: &str, data: impl Into<Vec<u8>>) -> Entry {
        Entry::new(path, Kind::File(data.into()), 0o644)
    }

    /// A directory, mode 0755.
    pub fn dir(path: &str) -> Entry {
        Entry::new(path, Kind::Dir, 0o755)
    }

    /// A symbolic link `path -> target` (target as written).
    pub fn symlink(path: &str, target: &str) -> Entry {
        Entry::new(path, Kind::Symlink(target.to_string()), 0o777)
    }

    /// A hard link `path` to the earlier entry `target` (a path in the archive, `data/keep`).
    pub fn hardlink(path: &str, target: &str) -> Entry {
        Entry::new(path, Kind::Hardlink(target.trim_start_matches('/').to_string()), 0o644)
    }

    /// The whiteout deleting `path` (`dir/.wh.name`).
    pub fn whiteout(path: &str) -> Entry {
        let path = path.trim_start_matches('/');
        let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
        let wh = if dir.is_empty() { format!(".wh.{name}") } else { format!("{dir}/.wh.{name}") };
        Entry::file(&wh, Vec::new())
    }

    /// The opaque marker of directory `dir` (`dir/.wh..wh..opq`).
    pub fn opaque(dir: &str) -> Entry {
        Entry::file(&format!("{}/.wh..wh..opq", dir.trim_matches('/')), Vec::new())
    }

    /// The same entry with its path (and link target) written byte for byte, unchecked: `..`,
    /// absolute paths and the like, for path-safety tests. At most 100 bytes each.
    pub fn raw(mut self, path: &str) -> Entry {
        assert!(path.len() <= 100, "raw tar paths are limited to 100 bytes");
        self.path = path.to_string();
        self.raw = true;
        self
    }

    /// Sets the permission bits (including setuid/setgid/sticky: `0o4755`).
    pub fn mode(mut self, mode: u32) -> Entry {
        self.mode = mode;
        self
    }

    /// Sets the owner.
    pub fn owner(mut self, uid: u64, gid: u64) -> Entry {
        self.uid = uid;
        self.gid = gid;
        self
    }

    /// Sets the modification time (seconds since the epoch).
    pub fn mtime(mut self, mtime: u64) -> Entry {
        self.mtime = mtime;
        self
    }
}

/// An uncompressed tar archive of `entries`, in order.
pub fn tar(entries: &[Entry]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for e in entries {
        let mut h = tar::Header::new_gnu();
        h.set_mode(e.mode);
        h.set_uid(e.uid);
        h.set_gid(e.gid);
        h.set_mtime(e.mtime);
        let (ty, data, link): (_, &[u8], Option<&str>) = match &e.kind {
            Kind::File(d) => (tar::EntryType::Regular, d, None),
            Kind::Dir => (tar::EntryType::Directory, &[], None),
            Kind::Symlink(t) => (tar::EntryType::Symlink, &[], Some(t)),
            Kind::Hardlink(t) => (tar::EntryType::Link, &[], Some(t)),
        };
        h.set_entry_type(ty);
        h.set_size(data.len() as u64);
        let res = if e.raw {
            let old = h.as_old_mut();
            old.name = [0; 100];
            old.name[..e.path.len()].copy_from_slice(e.path.as_bytes());
            if let Some(link) = link {
                assert!(link.len() <= 100, "raw link targets are limited to 100 bytes");
                old.linkname = [0; 100];
                old.linkname[..link.len()].copy_from_slice(link.as_bytes());
            }
            h.set_cksum();
            b.append(&h, data)
        } else if let Some(link) = link {
            b.append_link(&mut h, &e.path, link)
        } else if matches!(e.kind, Kind::Dir) && !e.path.ends_with('/') {
            // Directories are named `dir/`, as docker and podman write them.
            b.append_data(&mut h, format!("{}/", e.path), data)
        } else {
            b.append_data(&mut h, &e.path, data)
        };
        res.unwrap_or_else(|err| panic!("cannot add {:?} to a tar: {err}", e.path));
    }
    b.into_inner().expect("finish tar")
}

/// A layer blob and its facts.
#[derive(Debug, Clone)]
pub struct LayerBlob {
    /// The compressed blob.
    pub data: Vec<u8>,
    /// `sha256:` of the blob (the manifest's layer digest).
    pub digest: String,
    /// `sha256:` of the uncompressed tar (the config's diff id).
    pub diff_id: String,
    pub media_type: String,
}

impl LayerBlob {
    /// A layer from `entries` with `compression`.
    pub fn new(entries: &[Entry], compression: Compression) -> LayerBlob {
        LayerBlob::from_tar(&tar(entries), compression)
    }

    /// A layer from an existing tar archive.
    pub fn from_tar(tar: &[u8], compression: Compression) -> LayerBlob {
        let data = compression.compress(tar);
        LayerBlob {
            digest: sha256(&data),
            diff_id: sha256(tar),
            media_type: compression.media_type().to_string(),
            data,
        }
    }

    pub fn size(&self) -> u64 {
        self.data.len() as u64
    }
}

/// A content descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Descriptor {
    pub media_type: String,
    pub digest: String,
    pub size: u64,
}

impl Descriptor {
    pub fn to_json(&self) -> Value {
        json!({ "mediaType": self.media_type, "digest": self.digest, "size": self.size })
    }
}

/// An OCI image layout being written in a directory (`oci-layout`, `blobs/sha256/`,
/// `index.json`). [`Layout::tag`] rewrites `index.json` each time, so the layout is always
/// complete.
pub struct Layout {
    dir: PathBuf,
    tags: Vec<Value>,
}

impl Layout {
    /// Creates an empty layout in `dir` (created if missing).
    pub fn create(dir: &Path) -> Layout {
        fs_err::create_dir_all(dir.join("blobs/sha256")).expect("create layout dirs");
        fs_err::write(dir.join("oci-layout"), br#"{"imageLayoutVersion":"1.0.0"}"#)
            .expect("write oci-layout");
        let layout = Layout { dir: dir.to_path_buf(), tags: Vec::new() };
        layout.write_index();
        layout
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes a blob; returns its descriptor with `media_type`.
    pub fn blob(&self, media_type: &str, data: &[u8]) -> Descriptor {
        let digest = sha256(data);
        let path = self.dir.join("blobs/sha256").join(digest.trim_start_matches("sha256:"));
        fs_err::write(&path, data).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        Descriptor { media_type: media_type.to_string(), digest, size: data.len() as u64 }
    }

    /// Writes the layers, the config and an OCI manifest; returns the manifest's descriptor.
    pub fn image(&self, config: &Value, layers: &[LayerBlob]) -> Descriptor {
        let config = self.blob(MEDIA_OCI_CONFIG, &serde_json::to_vec(config).expect("config json"));
        let layers: Vec<Value> = layers.iter().map(|l| self.blob(&l.media_type, &l.data).to_json()).collect();
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": MEDIA_OCI_MANIFEST,
            "config": config.to_json(),
            "layers": layers,
        });
        self.blob(MEDIA_OCI_MANIFEST, &serde_json::to_vec(&manifest).expect("manifest json"))
    }

    /// Writes an OCI image index of `manifests`, each with its platform object
    /// (`{"architecture": "arm64", "os": "linux", "variant": "v8"}`).
    pub fn index(&self, manifests: &[(Descriptor, Value)]) -> Descriptor {
        let manifests: Vec<Value> = manifests
            .iter()
            .map(|(d, platform)| {
                let mut v = d.to_json();
                v["platform"] = platform.clone();
                v
            })
            .collect();
        let index = json!({ "schemaVersion": 2, "mediaType": MEDIA_OCI_INDEX, "manifests": manifests });
        self.blob(MEDIA_OCI_INDEX, &serde_json::to_vec(&index).expect("index json"))
    }

    /// Names `desc` `tag` in `index.json` (so `oci:DIR:tag` finds it).
    pub fn tag(&mut self, desc: &Descriptor, tag: &str) {
        let mut v = desc.to_json();
        v["annotations"] = json!({ "org.opencontainers.image.ref.name": tag });
        self.tags.push(v);
        self.write_index();
    }

    fn write_index(&self) {
        let index = json!({ "schemaVersion": 2, "mediaType": MEDIA_OCI_INDEX, "manifests": self.tags });
        fs_err::write(self.dir.join("index.json"), serde_json::to_vec(&index).expect("index json"))
            .expect("write index.json");
    }
}
