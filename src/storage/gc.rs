//! Garbage collection: layers and blobs no image references.
//!
//! Safe while other commands run:
//! - it holds `store.lock` exclusively while it decides and deletes, so no image can be stored or
//!   removed meanwhile ([`Store::put_image`] checks under that lock that every layer and blob it
//!   references is present: an image never points at a deleted layer);
//! - a layer is deleted only if no image references its chain id *and* its per-layer lock (held
//!   by an ingest for its whole duration) can be try-locked, so a layer being written is never
//!   touched;
//! - a command that stores layers and blobs before recording its image (pull, load) holds
//!   `gc.lock` shared for that stretch ([`Store::gc_guard`]); collection runs only if it can take
//!   that lock exclusively without waiting, so nothing stored-but-not-yet-recorded is collected.
//!
//! Lock order: `gc.lock`, then `store.lock`, then layer locks (see [`super::lock`]).

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Error, Lock, Store};

/// What [`Store::collect_garbage`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GcReport {
    /// Unreferenced layers removed.
    pub layers: usize,
    /// Unreferenced blobs removed.
    pub blobs: usize,
    /// Bytes freed (layers' unpacked sizes plus blob sizes).
    pub reclaimed: u64,
}

impl Store {
    fn gc_lock_path(&self) -> PathBuf {
        self.root().join("gc.lock")
    }

    /// Held (shared) by a command for as long as it stores layers and blobs that no image
    /// references yet, so that [`Store::collect_garbage`] leaves them alone.
    pub fn gc_guard(&self) -> Result<Lock, Error> {
        Lock::shared(&self.gc_lock_path())
    }

    /// Removes layers and blobs no image references. Returns `None`, removing nothing, while a
    /// pull or load holds [`Store::gc_guard`].
    pub fn collect_garbage(&self) -> Result<Option<GcReport>, Error> {
        let Some(_gc) = Lock::try_exclusive(&self.gc_lock_path())? else { return Ok(None) };
        let _store_lock = Lock::exclusive(&self.store_lock_path())?;
        let images = self.read_images()?.images;
        let mut used_layers = HashSet::new();
        let mut used_blobs = HashSet::new();
        for img in &images {
            used_blobs.insert(img.digest.clone());
            used_blobs.insert(img.config_digest.clone());
            for l in &img.layers {
                used_layers.insert(l.chain_id.clone());
                used_blobs.insert(l.blob_digest.clone());
            }
        }
        let mut report = GcReport::default();
        for layer in self.list_layers()? {
            if used_layers.contains(&layer.chain_id) {
                continue;
            }
            // A layer being ingested or removed holds its lock: leave it to its owner.
            let hex = layer.chain_id.trim_start_matches("sha256:");
            let Some(lock) = Lock::try_exclusive(&self.layer_lock_path(hex))? else { continue };
            drop(lock);
            // remove_layer takes the layer lock itself; a new ingest of the same chain id would
            // find the layer present and skip, so nothing can start on it meanwhile.
            if self.remove_layer(&layer.chain_id)? {
                report.layers += 1;
                report.reclaimed += layer.uncompressed_size;
            }
        }
        for digest in self.blobs().list()? {
            if used_blobs.contains(&digest) {
                continue;
            }
            let size = self.blobs().size(&digest).unwrap_or(0);
            if self.blobs().remove(&digest)? {
                report.blobs += 1;
                report.reclaimed += size;
            }
        }
        Ok(Some(report))
    }
}
