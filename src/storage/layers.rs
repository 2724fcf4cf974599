//! Layers: each unpacked once into `ROOT/layers/<chain-hex>/diff/`, keyed by chain id, with its
//! metadata in `layer.json` beside it.
//!
//! [`Store::ingest_layer`] reads the compressed stream once and tees it: sha256 of the
//! compressed bytes, the blob file, decompression (chosen by magic bytes, not media type),
//! sha256 of the tar (the diff id) and unpacking into a staging dir. Only when both digests match
//! is the blob committed and the staging dir renamed into place; otherwise both are discarded.
//! The per-layer lock `ROOT/layers/<chain-hex>.lock` is held throughout, so concurrent pulls of
//! the same layer store it once: the second waits, then finds it present.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::blobs::{sync_dir, BlobWriter};
use super::lock::Lock;
use super::scratch::{remove_any, Scratch};
use super::tarsplit::{self, LayerTar, Split, SplitHandle, SplitReader};
use super::unpack::{self, IdRanges, UnpackOptions, UnpackStats};
use super::{digest_hex, is_hex64, sha256_digest, Error, Store};

/// What the caller knows about a layer before reading it (from the manifest and config).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerExpect {
    /// Digest of the compressed blob, `sha256:<hex>`.
    pub blob_digest: String,
    /// Size of the compressed blob, if the manifest gave it.
    pub blob_size: Option<u64>,
    /// Digest of the uncompressed tar, from the image config's `rootfs.diff_ids`.
    pub diff_id: String,
    /// Chain id of this layer on top of its parents (see [`chain_id`]).
    pub chain_id: String,
    /// Media type from the manifest (informational; compression is detected from the bytes).
    pub media_type: String,
}

/// The mode of a root filesystem's `/` when no layer sets it (containers/storage's
/// `defaultPerms`, which RPM's filesystem package also gives `/`).
pub const DEFAULT_ROOT_MODE: u32 = 0o555;

/// A stored layer (`layer.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerRecord {
    pub chain_id: String,
    pub diff_id: String,
    pub blob_digest: String,
    pub compressed_size: u64,
    pub uncompressed_size: u64,
    pub media_type: String,
    /// When the layer was unpacked (RFC 3339).
    #[serde(default)]
    pub created_at: String,
    /// The layer keeps a tar-split (`tar-split.zst`): its uncompressed stream can be rebuilt
    /// from its files, and its compressed blob was not kept.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tar_split: bool,
    /// The mode of the layer's root directory when its tar has a root entry (`./`); a layer
    /// without one leaves the root's mode to the layers below (see
    /// [`Store::image_root_mode`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_mode: Option<u32>,
    /// What this call's unpack reported; `None` when the layer was already present.
    #[serde(skip)]
    pub unpacked: Option<UnpackStats>,
}

/// The chain id of a layer with diff id `diff_id` on top of a layer with chain id `parent`
/// (OCI image spec: `sha256(parent + " " + diff_id)`, the diff id itself for the base layer).
pub fn chain_id(parent: Option<&str>, diff_id: &str) -> String {
    match parent {
        None => diff_id.to_owned(),
        Some(p) => sha256_digest(Sha256::new_with_prefix(format!("{p} {diff_id}"))),
    }
}

/// Detected compression of a layer stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    Gzip,
    Zstd,
    None,
}

fn detect(magic: &[u8]) -> Compression {
    if magic.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Where the compressed bytes go besides the decompressor.
enum Sink<'a> {
    /// A new blob: the writer hashes too.
    Blob(BlobWriter<'a>),
    /// The blob is already stored: only hash.
    Hash(Sha256),
}

/// Why the tee failed, kept here because the decompressor and tar reader wrap its errors.
enum TeeFailure {
    Source(io::Error),
    TooLarge(u64),
    Blob(io::Error),
    /// (bytes still to come, bytes free)
    NoSpace(u64, u64),
}

/// The least compressed size the expansion limit counts: a small layer may always expand to
/// ratio × 5 MiB (500 MiB with the default ratio).
const EXPANSION_MIN_BASE: u64 = 5 << 20;
/// How many times its compressed size a layer may expand to, unless `SKIFF_LAYER_MAX_EXPANSION`
/// says otherwise (gzip reaches ~1000, zstd far more: a bomb of 10 MB can hold 10 GiB).
const DEFAULT_EXPANSION_RATIO: u64 = 100;
/// How often (compressed bytes) the free space is checked while a blob is written.
const SPACE_CHECK_EVERY: u64 = 64 << 20;

/// Whether compressed layer blobs are kept after unpacking (`SKIFF_KEEP_LAYER_BLOBS=1`); by
/// default a layer whose tar-split was recorded keeps none.
fn keep_blobs() -> bool {
    std::env::var_os("SKIFF_KEEP_LAYER_BLOBS").is_some_and(|v| v == "1")
}

/// The expansion ratio allowed: `SKIFF_LAYER_MAX_EXPANSION`, else [`DEFAULT_EXPANSION_RATIO`].
fn expansion_ratio() -> u64 {
    std::env::var("SKIFF_LAYER_MAX_EXPANSION")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|r| *r > 0)
        .unwrap_or(DEFAULT_EXPANSION_RATIO)
}

/// Bytes free for an unprivileged writer on the filesystem of `path`.
fn free_space(path: &Path) -> Option<u64> {
    let s = nix::sys::statvfs::statvfs(path).ok()?;
    Some((s.blocks_available() as u64).saturating_mul(s.fragment_size() as u64))
}

/// `n` bytes as "512 MiB", "1.04 MiB", "1 TiB".
pub(crate) fn human_size(n: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if v.fract() == 0.0 {
        format!("{v:.0} {}", UNITS[unit])
    } else if v < 10.0 {
        format!("{v:.2} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// The compressed stream, hashed and copied to the blob as it is read.
struct Tee<'a, R> {
    inner: R,
    sink: Sink<'a>,
    read: u64,
    limit: Option<u64>,
    reported: u64,
    reporter: &'a dyn Fn(u64),
    failure: Option<TeeFailure>,
    /// `read`, shared with the expansion check downstream of the decompressor.
    progress: Rc<Cell<u64>>,
    /// Where the blob is written (checked for free space every [`SPACE_CHECK_EVERY`] bytes).
    space: Option<&'a Path>,
    next_space_check: u64,
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match self.inner.read(buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
            Err(e) => return Err(self.fail(TeeFailure::Source(e))),
        };
        self.read += n as u64;
        self.progress.set(self.read);
        if self.limit.is_some_and(|l| self.read > l) {
            return Err(self.fail(TeeFailure::TooLarge(self.read)));
        }
        if let (Some(path), Some(limit)) = (self.space, self.limit) {
            if self.read >= self.next_space_check && matches!(self.sink, Sink::Blob(_)) {
                self.next_space_check = self.read + SPACE_CHECK_EVERY;
                let left = limit - self.read;
                if let Some(free) = free_space(path).filter(|f| *f < left) {
                    return Err(self.fail(TeeFailure::NoSpace(left, free)));
                }
            }
        }
        match &mut self.sink {
            Sink::Blob(w) => {
                if let Err(e) = io::Write::write_all(w, &buf[..n]) {
                    return Err(self.fail(TeeFailure::Blob(e)));
                }
            }
            Sink::Hash(h) => h.update(&buf[..n]),
        }
        if n == 0 || self.read - self.reported >= 256 * 1024 {
            self.reported = self.read;
            (self.reporter)(self.read);
        }
        Ok(n)
    }
}

impl<R> Tee<'_, R> {
    /// The digest of the compressed bytes read so far.
    fn digest(&self) -> String {
        match &self.sink {
            Sink::Blob(w) => w.digest(),
            Sink::Hash(h) => sha256_digest(h.clone()),
        }
    }

    fn fail(&mut self, f: TeeFailure) -> io::Error {
        self.failure = Some(f);
        io::Error::other("layer stream failed")
    }
}

/// A reader that hashes (and counts) what passes through it, and refuses to expand past
/// `ratio` times the compressed bytes read so far (counted as at least [`EXPANSION_MIN_BASE`]):
/// a decompression bomb.
struct HashReader<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
    compressed: Rc<Cell<u64>>,
    ratio: u64,
}

impl<R: Read> Read for HashReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        let limit = self.compressed.get().max(EXPANSION_MIN_BASE).saturating_mul(self.ratio);
        if self.count > limit {
            return Err(io::Error::other(format!(
                "the layer expands to more than {} ({} times its compressed size, counted as at least {}); \
                 set SKIFF_LAYER_MAX_EXPANSION to a larger ratio to allow it",
                human_size(limit),
                self.ratio,
                human_size(EXPANSION_MIN_BASE)
            )));
        }
        Ok(n)
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Decompresses, hashes and unpacks; returns (stats, diff id, uncompressed size).
fn decompress_and_unpack<R: Read>(
    tee: &mut Tee<'_, R>,
    dest: &Path,
    opts: &UnpackOptions,
    split: &SplitHandle,
) -> Result<(UnpackStats, String, u64), Error> {
    let archive = |source| Error::Archive { digest: String::new(), source };
    let compressed = tee.progress.clone();
    let mut magic = [0u8; 4];
    let n = read_up_to(tee, &mut magic).map_err(archive)?;
    let head = &magic[..n];
    let (stats, diff_id, size) = {
        let src = head.chain(&mut *tee);
        let decoder: Box<dyn Read + '_> = match detect(head) {
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(src)),
            Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(src).map_err(archive)?),
            Compression::None => Box::new(src),
        };
        let mut tar = HashReader {
            inner: decoder,
            hasher: Sha256::new(),
            count: 0,
            compressed,
            ratio: expansion_ratio(),
        };
        let mut recorded = SplitReader::new(&mut tar, split.clone());
        let stats = unpack::unpack_recorded(&mut recorded, dest, opts, Some(split.clone()))?;
        // The diff id covers the whole tar, padding after the end-of-archive blocks included.
        io::copy(&mut recorded, &mut io::sink()).map_err(archive)?;
        drop(recorded);
        (stats, sha256_digest(tar.hasher), tar.count)
    };
    // And the blob digest covers everything the decompressor left unread.
    io::copy(tee, &mut io::sink()).map_err(archive)?;
    Ok((stats, diff_id, size))
}

impl Store {
    /// Where the layer's directory is (whether or not it exists).
    fn layer_dir(&self, chain_hex: &str) -> PathBuf {
        self.layers_dir().join(chain_hex)
    }

    pub(super) fn layer_lock_path(&self, chain_hex: &str) -> PathBuf {
        self.layers_dir().join(format!("{chain_hex}.lock"))
    }

    /// Whether the layer `chain_id` is stored.
    pub fn has_layer(&self, chain_id: &str) -> Result<bool, Error> {
        Ok(self.get_layer(chain_id)?.is_some())
    }

    /// The layer record, if the layer is stored.
    pub fn get_layer(&self, chain_id: &str) -> Result<Option<LayerRecord>, Error> {
        let hex = digest_hex(chain_id)?;
        let path = self.layer_dir(hex).join("layer.json");
        match fs_err::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map(Some).map_err(|source| Error::Corrupt { path, source })
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::Io { path, source: e }),
        }
    }

    /// The mode of the root directory of a root filesystem stacked from the layers `chain_ids`
    /// (bottom-most first), as containers/storage gives it: the mode of the root entry of the
    /// top-most layer whose tar has one, else [`DEFAULT_ROOT_MODE`] (its mode for a layer
    /// without a parent, which each layer above, and the container's own, inherits).
    pub fn image_root_mode(&self, chain_ids: &[&str]) -> Result<u32, Error> {
        for id in chain_ids.iter().rev() {
            if let Some(mode) = self.get_layer(id)?.and_then(|l| l.root_mode) {
                return Ok(mode);
            }
        }
        Ok(DEFAULT_ROOT_MODE)
    }

    /// The layer's uncompressed tar (its diff id), rebuilt from its files and tar-split; `None`
    /// when the layer keeps no tar-split (then its blob was kept). The reader fails at its end
    /// unless what it returned hashes to the diff id.
    pub fn layer_tar(&self, chain_id: &str) -> Result<Option<LayerTar>, Error> {
        let Some(rec) = self.get_layer(chain_id)? else {
            return Err(Error::LayerNotFound { chain_id: chain_id.to_owned() });
        };
        if !rec.tar_split {
            return Ok(None);
        }
        let dir = self.layer_dir(digest_hex(chain_id)?);
        let split = dir.join(tarsplit::FILE_NAME);
        LayerTar::open(&split, &dir.join("diff"), &rec.diff_id).map(Some).map_err(Error::io(split))
    }

    /// Whether the layer `chain_id` is stored with all a pull would keep of it: its blob
    /// `blob_digest`, or the tar-split that replaced that very blob (`save` and `push` rebuild
    /// the layer's stream from it). A layer unpacked from another blob (another compression of
    /// the same diff id) still wants this one, as before.
    pub fn has_complete_layer(&self, chain_id: &str, blob_digest: &str) -> Result<bool, Error> {
        let Some(rec) = self.get_layer(chain_id)? else { return Ok(false) };
        Ok((rec.tar_split && rec.blob_digest == blob_digest) || self.blobs().has(blob_digest)?)
    }

    /// The directory holding the layer's files (the overlay lower dir).
    pub fn layer_diff_dir(&self, chain_id: &str) -> Result<PathBuf, Error> {
        let hex = digest_hex(chain_id)?;
        let dir = self.layer_dir(hex).join("diff");
        if !dir.is_dir() {
            return Err(Error::LayerNotFound { chain_id: chain_id.to_owned() });
        }
        Ok(dir)
    }

    /// Every stored layer.
    pub fn list_layers(&self) -> Result<Vec<LayerRecord>, Error> {
        let dir = self.layers_dir();
        let mut out = Vec::new();
        for entry in fs_err::read_dir(&dir).map_err(Error::io(&dir))? {
            let entry = entry.map_err(Error::io(&dir))?;
            if let Some(hex) = entry.file_name().to_str().filter(|n| is_hex64(n)) {
                if let Some(rec) = self.get_layer(&format!("sha256:{hex}"))? {
                    out.push(rec);
                }
            }
        }
        out.sort_by(|a, b| a.chain_id.cmp(&b.chain_id));
        Ok(out)
    }

    /// Reads a compressed layer stream once: verifies it against `expect`, stores the blob and
    /// unpacks the layer, unless a layer with this chain id is already stored (then the stream
    /// is not read at all). `reporter` gets the number of compressed bytes read so far.
    ///
    /// Synchronous: call it from a blocking thread.
    #[tracing::instrument(level = "debug", skip_all, fields(chain_id = %expect.chain_id, blob = %expect.blob_digest))]
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn ingest_layer(
        &self,
        compressed: impl Read,
        expect: LayerExpect,
        reporter: &dyn Fn(u64),
    ) -> Result<LayerRecord, Error> {
        let chain_hex = digest_hex(&expect.chain_id)?.to_owned();
        digest_hex(&expect.blob_digest)?;
        digest_hex(&expect.diff_id)?;
        if let Some(rec) = self.get_layer(&expect.chain_id)? {
            return Ok(rec);
        }
        let _lock = Lock::exclusive(&self.layer_lock_path(&chain_hex))?;
        if let Some(rec) = self.get_layer(&expect.chain_id)? {
            return Ok(rec);
        }

        let staging = Scratch::new(&self.layers_tmp_dir(), "")?;
        let diff = staging.path().join("diff");
        for dir in [staging.path(), &diff] {
            fs_err::create_dir(dir).map_err(Error::io(dir))?;
        }
        let sink = if self.blobs().has(&expect.blob_digest)? {
            Sink::Hash(Sha256::new())
        } else {
            // A descriptor that claims more than the disk holds is refused before any byte.
            let tmp = self.root().join("tmp");
            if let (Some(size), Some(free)) = (expect.blob_size, free_space(&tmp)) {
                if size > free {
                    return Err(Error::NoSpace {
                        digest: expect.blob_digest,
                        needed: size,
                        free,
                        path: self.root().to_owned(),
                        source: io::Error::from_raw_os_error(libc::ENOSPC),
                    });
                }
            }
            Sink::Blob(self.blobs().writer()?)
        };
        let root = self.root().join("tmp");
        let mut tee = Tee {
            inner: compressed,
            sink,
            read: 0,
            limit: expect.blob_size,
            reported: 0,
            reporter,
            failure: None,
            progress: Rc::new(Cell::new(0)),
            space: Some(&root),
            next_space_check: SPACE_CHECK_EVERY,
        };
        let opts = UnpackOptions {
            opaque_xattr: self.opaque_xattr(),
            uids: IdRanges::current("/proc/self/uid_map"),
            gids: IdRanges::current("/proc/self/gid_map"),
        };
        let split_path = staging.path().join(tarsplit::FILE_NAME);
        let split = Split::create(&split_path).map_err(Error::io(&split_path))?;
        let result = decompress_and_unpack(&mut tee, &diff, &opts, &split);
        let (stats, diff_id, uncompressed_size) = match (tee.failure.take(), result) {
            (Some(TeeFailure::Source(source)), _) => {
                return Err(Error::Read { digest: expect.blob_digest, source });
            }
            (Some(TeeFailure::TooLarge(actual)), _) => {
                return Err(Error::SizeMismatch {
                    digest: expect.blob_digest,
                    expected: expect.blob_size.unwrap_or_default(),
                    actual: format!("at least {actual}"),
                });
            }
            (Some(TeeFailure::Blob(source)), _) => {
                return Err(Error::Io { path: self.root().join("tmp"), source });
            }
            (Some(TeeFailure::NoSpace(left, free)), _) => {
                return Err(Error::NoSpace {
                    digest: expect.blob_digest,
                    needed: left,
                    free,
                    path: self.root().to_owned(),
                    source: io::Error::from_raw_os_error(libc::ENOSPC),
                });
            }
            (None, Err(Error::Archive { source, .. })) => {
                // An unreadable archive is most often a corrupt download: say so if the digest
                // of the whole stream tells. The source may fail after its last byte (the
                // registry client checks the digest too): with every expected byte read, the
                // digest still tells.
                let drained = io::copy(&mut tee, &mut io::sink()).is_ok();
                let complete = drained || expect.blob_size == Some(tee.read);
                if complete && tee.digest() != expect.blob_digest {
                    return Err(Error::DigestMismatch { expected: expect.blob_digest, actual: tee.digest() });
                }
                return Err(Error::Archive { digest: expect.blob_digest, source });
            }
            (None, Err(e)) => return Err(e),
            (None, Ok(r)) => r,
        };
        let blob_actual = tee.digest();
        if blob_actual != expect.blob_digest {
            return Err(Error::DigestMismatch { expected: expect.blob_digest, actual: blob_actual });
        }
        if let Some(size) = expect.blob_size.filter(|s| *s != tee.read) {
            return Err(Error::SizeMismatch {
                digest: expect.blob_digest,
                expected: size,
                actual: tee.read.to_string(),
            });
        }
        if diff_id != expect.diff_id {
            return Err(Error::DiffIdMismatch {
                blob_digest: expect.blob_digest,
                expected: expect.diff_id,
                actual: diff_id,
            });
        }
        (tee.reporter)(tee.read);
        let tar_split = Split::finish(split).map_err(Error::io(&split_path))?;

        let mut record = LayerRecord {
            chain_id: expect.chain_id,
            diff_id,
            blob_digest: expect.blob_digest,
            compressed_size: tee.read,
            uncompressed_size,
            media_type: expect.media_type,
            created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            tar_split,
            root_mode: stats.root_mode,
            unpacked: None,
        };
        // A compressed blob is not kept when the tar-split can rebuild the stream (podman keeps
        // no more): dropped before the syncfs, so its pages are never written. An uncompressed
        // blob (build, commit, import) is kept as before.
        let compressed = record.blob_digest != record.diff_id;
        let blob = match tee.sink {
            Sink::Blob(w) if !tar_split || !compressed || keep_blobs() => Some(w),
            _ => None,
        };
        let meta_path = staging.path().join("layer.json");
        let json = serde_json::to_vec_pretty(&record).expect("layer record serializes");
        fs_err::write(&meta_path, json).map_err(Error::io(&meta_path))?;
        // One syncfs instead of an fsync per file: everything unpacked, layer.json and the blob
        // temporary (same filesystem) reach the disk before anything is published.
        let dir = File::open(staging.path()).map_err(Error::io(staging.path()))?;
        nix::unistd::syncfs(std::os::fd::AsRawFd::as_raw_fd(&dir))
            .map_err(|e| Error::Io { path: staging.path().to_owned(), source: e.into() })?;
        if let Some(w) = blob {
            w.commit_synced(&record.blob_digest, None)?;
        }
        let dest = self.layer_dir(&chain_hex);
        fs_err::rename(staging.path(), &dest).map_err(Error::io(&dest))?;
        staging.persisted();
        sync_dir(&self.layers_dir())?;
        tracing::debug!(?stats, bytes = record.uncompressed_size, "layer stored");
        record.unpacked = Some(stats);
        Ok(record)
    }

    /// Deletes a layer: renamed into `layers/tmp/` first, so an interrupted delete leaves
    /// garbage for [`Store::repair`], never a half layer. Returns whether it existed.
    pub(crate) fn remove_layer(&self, chain_id: &str) -> Result<bool, Error> {
        let hex = digest_hex(chain_id)?;
        let lock = Lock::exclusive(&self.layer_lock_path(hex))?;
        let removed = self.trash_layer_dir(hex)?;
        lock.unlink();
        Ok(removed)
    }

    fn trash_layer_dir(&self, hex: &str) -> Result<bool, Error> {
        let dir = self.layer_dir(hex);
        let trash = Scratch::new(&self.layers_tmp_dir(), "trash-")?;
        match fs_err::rename(&dir, trash.path()) {
            Ok(()) => {
                sync_dir(&self.layers_dir())?;
                remove_any(trash.path()).map_err(Error::io(trash.path()))?;
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(Error::Io { path: dir, source: e }),
        }
    }

    /// Repair: removes layer dirs whose `layer.json` is missing or unreadable (not in use by
    /// an ingest or removal, which would hold the layer lock).
    pub(crate) fn remove_broken_layers(&self) -> Result<usize, Error> {
        let dir = self.layers_dir();
        let mut removed = 0;
        for entry in fs_err::read_dir(&dir).map_err(Error::io(&dir))? {
            let entry = entry.map_err(Error::io(&dir))?;
            let Some(hex) = entry.file_name().to_str().filter(|n| is_hex64(n)).map(str::to_owned) else {
                continue;
            };
            if self.get_layer(&format!("sha256:{hex}")).is_ok_and(|r| r.is_some()) {
                continue;
            }
            let Some(lock) = Lock::try_exclusive(&self.layer_lock_path(&hex))? else { continue };
            if !self.get_layer(&format!("sha256:{hex}")).is_ok_and(|r| r.is_some()) {
                tracing::warn!(layer = %hex, "removing layer without valid layer.json");
                if self.trash_layer_dir(&hex)? {
                    removed += 1;
                }
            }
            lock.unlink();
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::storage::testutil::{gzip, sha, zstd, TarBuilder};
    use crate::storage::StoreOptions;

    fn layer_tar() -> Vec<u8> {
        TarBuilder::new().dir("etc/", 0o755).file("etc/hostname", b"skiff\n").file(".wh.old", b"").finish()
    }

    fn expect_for(blob: &[u8], tar: &[u8]) -> LayerExpect {
        LayerExpect {
            blob_digest: sha(blob),
            blob_size: Some(blob.len() as u64),
            diff_id: sha(tar),
            chain_id: chain_id(None, &sha(tar)),
            media_type: "application/vnd.oci.image.layer.v1.tar+gzip".into(),
        }
    }

    fn open(t: &tempfile::TempDir) -> Store {
        Store::open(t.path(), StoreOptions::default()).unwrap()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<_> = fs_err::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Only the layout: no layer, no blob, no scratch entry.
    fn assert_empty(store: &Store) {
        assert_eq!(names(&store.layers_tmp_dir()), Vec::<String>::new());
        assert_eq!(names(&store.root().join("tmp")), Vec::<String>::new());
        assert_eq!(store.blobs().list().unwrap(), Vec::<String>::new());
        assert_eq!(store.list_layers().unwrap(), vec![]);
    }

    #[test]
    fn ingests_gzip_zstd_and_plain() {
        let tar = layer_tar();
        for blob in [gzip(&tar), zstd(&tar), tar.clone()] {
            let t = tempfile::tempdir().unwrap();
            let store = open(&t);
            let expect = expect_for(&blob, &tar);
            let seen = std::cell::Cell::new(0);
            let rec = store.ingest_layer(&blob[..], expect.clone(), &|n| seen.set(n)).unwrap();
            assert_eq!(seen.get(), blob.len() as u64);
            assert_eq!(rec.compressed_size, blob.len() as u64);
            assert_eq!(rec.uncompressed_size, tar.len() as u64);
            assert_eq!(
                (rec.diff_id.as_str(), rec.blob_digest.as_str()),
                (expect.diff_id.as_str(), expect.blob_digest.as_str())
            );
            assert_eq!(rec.unpacked.unwrap().entries, 3);
            let diff = store.layer_diff_dir(&expect.chain_id).unwrap();
            assert_eq!(fs_err::read(diff.join("etc/hostname")).unwrap(), b"skiff\n");
            if blob == tar {
                // An uncompressed blob (build, commit, import) is kept as it is.
                assert_eq!(store.blobs().read(&expect.blob_digest).unwrap(), blob);
            } else {
                // A compressed one is not: the tar-split rebuilds the exact uncompressed stream.
                assert!(!store.blobs().has(&expect.blob_digest).unwrap());
            }
            assert!(rec.tar_split);
            assert_eq!(rebuilt(&store, &expect.chain_id).unwrap(), tar);
            assert_eq!(
                store.get_layer(&expect.chain_id).unwrap().unwrap(),
                LayerRecord { unpacked: None, ..rec }
            );
            assert_eq!(names(&store.layers_tmp_dir()), Vec::<String>::new());
            assert_eq!(names(&store.root().join("tmp")), Vec::<String>::new());

            // Present: the stream is not read at all.
            struct Boom;
            impl Read for Boom {
                fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                    panic!("stream read for a stored layer")
                }
            }
            let again = store.ingest_layer(Boom, expect, &|_| {}).unwrap();
            assert_eq!(again.unpacked, None);
        }
    }

    #[test]
    fn blob_digest_mismatch_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let blob = gzip(&tar);
        let mut expect = expect_for(&blob, &tar);
        expect.blob_digest = sha(b"something else");
        expect.blob_size = None;
        let err = store.ingest_layer(&blob[..], expect.clone(), &|_| {}).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains(&expect.blob_digest) && msg.contains(&sha(&blob)), "{msg}");
        assert_empty(&store);
    }

    #[test]
    fn corrupt_download_is_reported_as_digest_mismatch() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let blob = gzip(&tar);
        let expect = expect_for(&blob, &tar);
        let mut bad = blob.clone();
        bad[20] ^= 0xff;
        let err = store.ingest_layer(&bad[..], expect.clone(), &|_| {}).unwrap_err();
        match &err {
            Error::DigestMismatch { expected, actual } => {
                assert_eq!((expected, actual), (&expect.blob_digest, &sha(&bad)))
            }
            other => panic!("{other:?}"),
        }
        assert_empty(&store);
        // Garbage with the right digest is an archive error.
        let junk = [0x1f, 0x8b, 0, 0, 1, 2, 3];
        let err = store.ingest_layer(&junk[..], expect_for(&junk, &tar), &|_| {}).unwrap_err();
        assert!(matches!(err, Error::Archive { .. }), "{err:?}");
        assert_empty(&store);
    }

    #[test]
    fn corrupt_download_from_a_source_that_fails_at_its_end_is_a_digest_mismatch() {
        // Like the registry client, which checks the digest itself once the last byte is read.
        struct FailsAtEnd<'a>(&'a [u8]);
        impl Read for FailsAtEnd<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() {
                    return Err(io::Error::other("digest does not match"));
                }
                let n = self.0.read(buf)?;
                Ok(n)
            }
        }
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let blob = gzip(&tar);
        let expect = expect_for(&blob, &tar);
        let mut bad = blob.clone();
        let last = bad.len() - 1;
        bad[last] ^= 0xff; // the gzip trailer: decompression fails before the source's end
        let err = store.ingest_layer(FailsAtEnd(&bad), expect.clone(), &|_| {}).unwrap_err();
        assert!(matches!(&err, Error::DigestMismatch { actual, .. } if *actual == sha(&bad)), "{err:?}");
        assert_empty(&store);
    }

    #[test]
    fn diff_id_mismatch_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let blob = gzip(&tar);
        let mut expect = expect_for(&blob, &tar);
        expect.diff_id = sha(b"other tar");
        let err = store.ingest_layer(&blob[..], expect.clone(), &|_| {}).unwrap_err();
        match &err {
            Error::DiffIdMismatch { expected, actual, .. } => {
                assert_eq!((expected, actual), (&expect.diff_id, &sha(&tar)));
            }
            other => panic!("{other:?}"),
        }
        assert_empty(&store);
    }

    #[test]
    fn oversized_stream_is_cut_off() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let mut expect = expect_for(&tar, &tar);
        expect.blob_size = Some(100);
        let err = store.ingest_layer(&tar[..], expect, &|_| {}).unwrap_err();
        assert!(matches!(err, Error::SizeMismatch { expected: 100, .. }), "{err:?}");
        assert_empty(&store);
    }

    #[test]
    fn stream_errors_keep_their_source() {
        struct Broken(usize);
        impl Read for Broken {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    return Err(io::Error::new(io::ErrorKind::ConnectionReset, "reset by peer"));
                }
                self.0 -= 1;
                buf[0] = 0x1f;
                Ok(1)
            }
        }
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let err = store.ingest_layer(Broken(1), expect_for(&tar, &tar), &|_| {}).unwrap_err();
        match err {
            Error::Read { source, .. } => assert_eq!(source.kind(), io::ErrorKind::ConnectionReset),
            other => panic!("{other:?}"),
        }
        assert_empty(&store);
    }

    #[test]
    fn unsafe_layer_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = TarBuilder::new().file("ok", b"").file("../escape", b"").finish();
        let err = store.ingest_layer(&tar[..], expect_for(&tar, &tar), &|_| {}).unwrap_err();
        assert!(matches!(err, Error::UnsafePath { .. }), "{err:?}");
        assert_empty(&store);
        assert!(!t.path().join("layers/escape").exists());
    }

    #[test]
    fn concurrent_ingest_stores_once() {
        let t = tempfile::tempdir().unwrap();
        let store = Arc::new(open(&t));
        let tar = {
            let mut b = TarBuilder::new();
            for i in 0..200 {
                b.file(&format!("f{i}"), &[i as u8; 512]);
            }
            b.finish()
        };
        let blob = Arc::new(gzip(&tar));
        let expect = expect_for(&blob, &tar);
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (store, blob, expect) = (store.clone(), blob.clone(), expect.clone());
                std::thread::spawn(move || store.ingest_layer(&blob[..], expect, &|_| {}).unwrap())
            })
            .collect();
        let recs: Vec<_> = threads.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(recs.iter().filter(|r| r.unpacked.is_some()).count(), 1);
        assert_eq!(store.list_layers().unwrap().len(), 1);
        assert_eq!(store.blobs().list().unwrap(), Vec::<String>::new(), "a compressed blob is not kept");
        assert_eq!(rebuilt(&store, &expect.chain_id).unwrap(), tar);
        assert_empty_scratch(&store);
    }

    /// The layer's tar as [`Store::layer_tar`] rebuilds it.
    fn rebuilt(store: &Store, chain_id: &str) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        store.layer_tar(chain_id).unwrap().expect("a tar-split").read_to_end(&mut out)?;
        Ok(out)
    }

    /// A tar with what a real layer has: long names (GNU and pax), pax xattrs, hardlinks,
    /// symlinks, empty files, whiteouts and the zero padding of a 10 KiB record.
    fn rich_tar() -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        let long = format!("usr/share/{}/file.txt", "x".repeat(150));
        let mut add = |path: &str, kind: tar::EntryType, data: &[u8], link: Option<&str>| {
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(kind);
            h.set_mode(if kind == tar::EntryType::Directory { 0o755 } else { 0o644 });
            h.set_mtime(1_600_000_000);
            h.set_uid(0);
            h.set_gid(0);
            h.set_size(data.len() as u64);
            if let Some(l) = link {
                b.append_link(&mut h, path, l).unwrap();
            } else {
                b.append_data(&mut h, path, data).unwrap();
            }
        };
        add("usr/", tar::EntryType::Directory, b"", None);
        add("usr/bin/", tar::EntryType::Directory, b"", None);
        add("usr/bin/tool", tar::EntryType::Regular, &[7u8; 70_000], None);
        add("usr/bin/empty", tar::EntryType::Regular, b"", None);
        add(&long, tar::EntryType::Regular, b"long name\n", None);
        add("usr/bin/tool2", tar::EntryType::Link, b"", Some("usr/bin/tool"));
        add("usr/bin/sh", tar::EntryType::Symlink, b"", Some("tool"));
        add("usr/.wh.gone", tar::EntryType::Regular, b"", None);
        let mut pax = tar::Header::new_ustar();
        pax.set_entry_type(tar::EntryType::Regular);
        pax.set_mode(0o600);
        pax.set_size(5);
        pax.set_uid(0);
        pax.set_gid(0);
        pax.set_mtime(1_600_000_000);
        b.append_pax_extensions([("SCHILY.xattr.user.note", b"hi".as_slice())]).unwrap();
        b.append_data(&mut pax, "usr/bin/with-xattr", &b"12345"[..]).unwrap();
        let mut tar = b.into_inner().unwrap();
        tar.resize(tar.len().div_ceil(10240) * 10240, 0);
        tar
    }

    #[test]
    fn tar_split_rebuilds_the_exact_stream_of_a_rich_layer() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = rich_tar();
        let blob = gzip(&tar);
        let expect = expect_for(&blob, &tar);
        let rec = store.ingest_layer(&blob[..], expect.clone(), &|_| {}).unwrap();
        assert!(rec.tar_split);
        assert!(!store.blobs().has(&expect.blob_digest).unwrap());
        assert_eq!(rebuilt(&store, &expect.chain_id).unwrap(), tar);
        // Stored and complete: a pull finds nothing to fetch.
        assert!(store.has_complete_layer(&expect.chain_id, &expect.blob_digest).unwrap());
    }

    #[test]
    fn a_changed_layer_file_fails_the_rebuild() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let blob = gzip(&tar);
        let expect = expect_for(&blob, &tar);
        store.ingest_layer(&blob[..], expect.clone(), &|_| {}).unwrap();
        let diff = store.layer_diff_dir(&expect.chain_id).unwrap();
        let file = diff.join("etc/hostname");
        fs_err::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
        // Same size, other bytes: only the digest can tell.
        fs_err::write(&file, b"SKIFF\n").unwrap();
        let err = rebuilt(&store, &expect.chain_id).unwrap_err();
        assert!(err.to_string().contains(&expect.diff_id), "{err}");
        // Another size.
        fs_err::write(&file, b"longer than before\n").unwrap();
        let err = rebuilt(&store, &expect.chain_id).unwrap_err();
        assert!(err.to_string().contains("etc/hostname"), "{err}");
    }

    #[test]
    fn the_rebuild_never_follows_a_symlink_out_of_the_layer() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let blob = gzip(&tar);
        let expect = expect_for(&blob, &tar);
        store.ingest_layer(&blob[..], expect.clone(), &|_| {}).unwrap();
        let outside = t.path().join("outside");
        fs_err::create_dir(&outside).unwrap();
        fs_err::write(outside.join("hostname"), b"secret").unwrap();
        let diff = store.layer_diff_dir(&expect.chain_id).unwrap();
        fs_err::remove_dir_all(diff.join("etc")).unwrap();
        std::os::unix::fs::symlink(&outside, diff.join("etc")).unwrap();
        let err = rebuilt(&store, &expect.chain_id).unwrap_err();
        assert!(err.to_string().contains("etc/hostname"), "{err}");
    }

    #[test]
    fn a_layer_that_replaces_its_own_file_keeps_its_blob() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = TarBuilder::new().file("a", b"first").file("a", b"second").finish();
        let blob = gzip(&tar);
        let expect = expect_for(&blob, &tar);
        let rec = store.ingest_layer(&blob[..], expect.clone(), &|_| {}).unwrap();
        assert!(!rec.tar_split);
        assert_eq!(store.blobs().read(&expect.blob_digest).unwrap(), blob);
        assert!(store.layer_tar(&expect.chain_id).unwrap().is_none());
        assert!(store.has_complete_layer(&expect.chain_id, &expect.blob_digest).unwrap());
        let layer_dir = store.layer_diff_dir(&expect.chain_id).unwrap();
        assert!(!layer_dir.parent().unwrap().join(tarsplit::FILE_NAME).exists());
    }

    #[test]
    fn repair_removes_abandoned_scratch_and_broken_layers() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let good = store.ingest_layer(&tar[..], expect_for(&tar, &tar), &|_| {}).unwrap();
        // A killed ingest: staging dir with its (unlocked) lock file, a blob temporary.
        fs_err::create_dir_all(t.path().join("layers/tmp/0123/diff/etc")).unwrap();
        fs_err::write(t.path().join("layers/tmp/0123.lock"), b"").unwrap();
        fs_err::write(t.path().join("tmp/blob-77"), b"partial").unwrap();
        fs_err::write(t.path().join("tmp/blob-77.lock"), b"").unwrap();
        // A killed removal, and a layer dir without layer.json.
        fs_err::create_dir_all(t.path().join("layers/tmp/trash-9/diff")).unwrap();
        let broken = "b".repeat(64);
        fs_err::create_dir_all(t.path().join("layers").join(&broken).join("diff")).unwrap();
        // A live ingest elsewhere must survive.
        let live = Scratch::new(&store.layers_tmp_dir(), "").unwrap();
        fs_err::create_dir(live.path()).unwrap();

        let report = store.repair().unwrap();
        assert_eq!(report.scratch_removed, 3);
        assert_eq!(report.broken_layers_removed, 1);
        assert!(live.path().exists());
        drop(live);
        assert_empty_scratch(&store);
        assert!(!t.path().join("layers").join(&broken).exists());
        assert!(store.has_layer(&good.chain_id).unwrap());
        // And open repairs too.
        fs_err::create_dir(t.path().join("layers/tmp/dead")).unwrap();
        drop(store);
        let store = open(&t);
        assert_empty_scratch(&store);
    }

    fn assert_empty_scratch(store: &Store) {
        assert_eq!(names(&store.layers_tmp_dir()), Vec::<String>::new());
        assert_eq!(names(&store.root().join("tmp")), Vec::<String>::new());
    }

    #[test]
    fn remove_layer_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let tar = layer_tar();
        let rec = store.ingest_layer(&tar[..], expect_for(&tar, &tar), &|_| {}).unwrap();
        assert!(store.remove_layer(&rec.chain_id).unwrap());
        assert!(!store.remove_layer(&rec.chain_id).unwrap());
        assert!(!store.has_layer(&rec.chain_id).unwrap());
        assert_eq!(names(&store.layers_dir()), vec!["tmp"]);
        assert_empty_scratch(&store);
    }

    #[test]
    fn chain_ids_follow_the_spec() {
        let a = sha(b"a");
        let b = sha(b"b");
        assert_eq!(chain_id(None, &a), a);
        assert_eq!(chain_id(Some(&a), &b), sha(format!("{a} {b}").as_bytes()));
    }
}
