//! Per-user storage: blobs, unpacked layers, image records, locks and atomic metadata writes.
//!
//! Layout under the store root (created mode 0700 by [`Store::open`]):
//!
//! ```text
//! ROOT/store.lock                 guards images.json (shared to read, exclusive to write)
//! ROOT/images.json                every image record, rewritten atomically
//! ROOT/blobs/sha256/<hex>         content-addressed blobs (layers, manifests, configs)
//! ROOT/tmp/<rand> + <rand>.lock   blobs being written
//! ROOT/layers/<chain-hex>/        one unpacked layer: diff/, tar-split.zst (the tar stream
//!                                 without file contents, see [`tarsplit`]) and layer.json
//!                                 (written last); a pulled layer's compressed blob is not kept
//! ROOT/layers/<chain-hex>.lock    held for the whole ingest or removal of that layer
//! ROOT/layers/tmp/<rand>          staging dirs and trash-<rand> dirs, each with <name>.lock
//! ```
//!
//! Invariants:
//! - anything visible under `blobs/sha256/` has been verified against its name;
//! - a directory `layers/<chain-hex>/` appears only by renaming a complete staging dir (its
//!   `layer.json` was written and the filesystem synced before the rename) and disappears only
//!   by being renamed into `layers/tmp/` before it is deleted;
//! - scratch entries in `tmp/` and `layers/tmp/` belong to whoever holds `<entry>.lock`;
//!   [`Store::repair`] deletes only those it can lock, so it is safe while other commands run.
//!
//! Lock order (see [`lock`]): `store.lock`, then `layers/<chain>.lock`, then scratch locks.

pub mod blobs;
pub mod changes;
pub mod containers;
pub mod cstorage;
mod gc;
mod images;
mod layers;
pub mod lock;
pub mod pods;
mod scratch;
pub mod secrets;
mod tarsplit;
#[cfg(test)]
pub(crate) mod testutil;
mod unpack;
pub mod volumes;

use std::path::{Path, PathBuf};

pub use blobs::{BlobWriter, Blobs};
pub use containers::{ContainerDirs, ContainerRecord, ContainerRepair, State};
pub use gc::GcReport;
pub use images::{DiskUsage, ImageRecord, LayerRef, RemovedImage};
pub use layers::{chain_id, LayerExpect, LayerRecord};
pub use lock::Lock;
pub use tarsplit::LayerTar;
pub use unpack::UnpackStats;
pub use volumes::{set_volume_path, volumes_dir, VolumeRecord};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot access {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot lock {}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid digest {digest:?} (expected sha256:<64 hex digits>)")]
    InvalidDigest { digest: String },
    #[error("invalid image id {id:?} (expected 64 hex digits)")]
    InvalidImageId { id: String },
    #[error("digest mismatch: expected {expected}, got {actual}")]
    DigestMismatch { expected: String, actual: String },
    #[error("size mismatch for {digest}: expected {expected} bytes, got {actual}")]
    SizeMismatch { digest: String, expected: u64, actual: String },
    #[error("diff id mismatch for layer {blob_digest}: expected {expected}, got {actual}")]
    DiffIdMismatch { blob_digest: String, expected: String, actual: String },
    #[error("cannot read the stream of layer {digest}")]
    Read {
        digest: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read layer archive {digest}")]
    Archive {
        digest: String,
        #[source]
        source: std::io::Error,
    },
    /// `needed`: the blob's size, or what is still to come when the disk fills while writing.
    #[error("blob {digest} needs {}, more than the {} free on {}", layers::human_size(*needed), layers::human_size(*free), path.display())]
    NoSpace {
        digest: String,
        needed: u64,
        free: u64,
        path: PathBuf,
        /// Always ENOSPC: the cause, in the words the user knows.
        #[source]
        source: std::io::Error,
    },
    #[error("unsafe entry {entry:?} in layer archive: {reason}")]
    UnsafePath { entry: String, reason: &'static str },
    #[error("cannot unpack entry {entry:?}")]
    Unpack {
        entry: String,
        #[source]
        source: std::io::Error,
    },
    #[error("corrupt store file {}", path.display())]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("blob {digest} is not in the store")]
    BlobNotFound { digest: String },
    #[error("layer {chain_id} is not in the store")]
    LayerNotFound { chain_id: String },
    #[error("image not known: {name}")]
    ImageNotFound { name: String },
    #[error("{prefix:?} matches several images: {}", candidates.join(", "))]
    AmbiguousImage { prefix: String, candidates: Vec<String> },
    #[error("image {id} is in use by a container")]
    ImageInUse { id: String },
    #[error("image {id} has no name {name:?}")]
    NameNotFound { id: String, name: String },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// How the store is used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreOptions {
    /// The store is used from a user namespace: overlay metadata goes in `user.overlay.*`
    /// xattrs (kernel overlay with `userxattr`); otherwise in `trusted.overlay.*`.
    pub rootless: bool,
}

/// What [`Store::repair`] cleaned up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RepairReport {
    /// Abandoned staging or trash directories and blob temporaries removed.
    pub scratch_removed: usize,
    /// Layer directories without a valid `layer.json` removed.
    pub broken_layers_removed: usize,
}

/// A per-user store rooted at one directory.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    options: StoreOptions,
    blobs: Blobs,
}

impl Store {
    /// Opens (creating if needed) the store at `root` and repairs what a crashed command left.
    /// Fails if `images.json` cannot be parsed: user data is never dropped silently.
    pub fn open(root: impl Into<PathBuf>, options: StoreOptions) -> Result<Store, Error> {
        let root = root.into();
        for dir in [
            root.clone(),
            root.join("blobs"),
            root.join("blobs/sha256"),
            root.join("tmp"),
            root.join("layers"),
            root.join("layers/tmp"),
        ] {
            create_private_dir(&dir)?;
        }
        let blobs = Blobs::new(root.join("blobs/sha256"), root.join("tmp"));
        let store = Store { root, options, blobs };
        let report = store.repair()?;
        if report != RepairReport::default() {
            tracing::info!(?report, "repaired store");
        }
        store.load_images_shared()?;
        Ok(store)
    }

    /// The store at `root` as it is, without creating or repairing anything: for commands that
    /// only read container records and must not join skiff's user namespace first (`exec`, `top`
    /// join the container's). Every read still takes the records' lock.
    pub fn open_for_lookup(root: impl Into<PathBuf>, options: StoreOptions) -> Store {
        let root = root.into();
        let blobs = Blobs::new(root.join("blobs/sha256"), root.join("tmp"));
        Store { root, options, blobs }
    }

    /// The store root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The options the store was opened with.
    pub fn options(&self) -> StoreOptions {
        self.options
    }

    /// The blob store.
    pub fn blobs(&self) -> &Blobs {
        &self.blobs
    }

    /// Removes what crashed or killed commands left: staging and trash dirs, blob temporaries
    /// and layer dirs without a valid `layer.json`. Only entries whose lock is free are touched,
    /// so this is safe while other commands run.
    pub fn repair(&self) -> Result<RepairReport, Error> {
        let scratch_removed =
            scratch::sweep(&self.root.join("tmp"))? + scratch::sweep(&self.layers_tmp_dir())?;
        let broken_layers_removed = self.remove_broken_layers()?;
        Ok(RepairReport { scratch_removed, broken_layers_removed })
    }

    fn store_lock_path(&self) -> PathBuf {
        self.root.join("store.lock")
    }

    fn layers_dir(&self) -> PathBuf {
        self.root.join("layers")
    }

    fn layers_tmp_dir(&self) -> PathBuf {
        self.root.join("layers/tmp")
    }

    fn opaque_xattr(&self) -> &'static str {
        if self.options.rootless {
            "user.overlay.opaque"
        } else {
            "trusted.overlay.opaque"
        }
    }
}

fn create_private_dir(dir: &Path) -> Result<(), Error> {
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(Error::Io { path: dir.to_owned(), source: e }),
    }
}

/// Checks `digest` is `sha256:<64 lowercase hex>` and returns the hex part.
pub(crate) fn digest_hex(digest: &str) -> Result<&str, Error> {
    match digest.strip_prefix("sha256:") {
        Some(hex) if is_hex64(hex) => Ok(hex),
        _ => Err(Error::InvalidDigest { digest: digest.to_owned() }),
    }
}

pub(crate) fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `sha256:<hex>` of a finished hasher.
pub(crate) fn sha256_digest(hasher: sha2::Sha256) -> String {
    use sha2::Digest;
    format!("sha256:{}", hex::encode(hasher.finalize()))
}

/// A random name for a scratch entry.
pub(crate) fn random_name(prefix: &str) -> String {
    format!("{prefix}{:016x}", rand::random::<u64>())
}
