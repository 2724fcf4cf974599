//! `system` use cases: disk usage (`df`), garbage collection (`prune`) and wiping all state
//! (`reset`).
//!
//! Garbage collection itself is the store's ([`crate::storage::Store::collect_garbage`]).

use std::path::Path;

use super::Error;
use crate::storage::{self, ImageRecord, RepairReport, Store};

/// One row of `system df`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DfRow {
    /// `Images`, `Containers` or `Local Volumes`.
    pub kind: &'static str,
    pub total: usize,
    pub active: usize,
    pub size: u64,
    pub reclaimable: u64,
}

/// `system df`: images (their layers and blobs), containers and volumes (a volume is active
/// while a container uses it; the data of the others is reclaimable). The containers row is
/// zero and all of an image's space counts as reclaimable.
pub fn df(store: &Store) -> Result<Vec<DfRow>, Error> {
    let usage = store.disk_usage()?;
    let size = usage.layers_size + usage.blobs_size;
    let (vols, vols_active, vols_size, vols_free) = super::volumes::usage(store)?;
    Ok(vec![
        DfRow { kind: "Images", total: usage.images, active: 0, size, reclaimable: size },
        DfRow { kind: "Containers", total: 0, active: 0, size: 0, reclaimable: 0 },
        DfRow {
            kind: "Local Volumes",
            total: vols,
            active: vols_active,
            size: vols_size,
            reclaimable: vols_free,
        },
    ])
}

/// What `system prune` removed.
#[derive(Debug, Clone, Default)]
pub struct PruneReport {
    /// Ids of the removed images.
    pub images: Vec<String>,
    /// Unreferenced layers removed (besides those of the removed images).
    pub layers: usize,
    /// Unreferenced blobs removed (besides those of the removed images).
    pub blobs: usize,
    /// What the store's repair removed.
    pub repair: RepairReport,
    /// Bytes freed (layers' unpacked sizes plus blob sizes).
    pub reclaimed: u64,
    /// A pull was running, so unreferenced layers and blobs were left alone.
    pub gc_skipped: bool,
}

/// `(chain id or digest, bytes)` pairs.
type Sizes = Vec<(String, u64)>;

/// Sizes of what an image holds: its layers by chain id, its blobs by digest.
fn sizes_of(store: &Store, img: &ImageRecord) -> (Sizes, Sizes) {
    let layers = img
        .layers
        .iter()
        .map(|l| {
            let size = store.get_layer(&l.chain_id).ok().flatten().map(|r| r.uncompressed_size).unwrap_or(0);
            (l.chain_id.clone(), size)
        })
        .collect();
    let blobs = [&img.digest, &img.config_digest]
        .into_iter()
        .chain(img.layers.iter().map(|l| &l.blob_digest))
        .map(|d| (d.clone(), store.blobs().size(d).unwrap_or(0)))
        .collect();
    (layers, blobs)
}

/// `system prune`: removes dangling images (with `all`, every image: no container uses one
/// yet), repairs the store, then removes layers and blobs no image references.
pub fn prune(store: &Store, all: bool) -> Result<PruneReport, Error> {
    let mut report = PruneReport::default();
    for img in store.list_images()? {
        if !(all || img.names.is_empty()) {
            continue;
        }
        let (layers, blobs) = sizes_of(store, &img);
        if super::containers::image_in_use(store, &img.id) {
            continue;
        }
        let removed = match store.remove_image(&img.id, &|id| super::containers::image_in_use(store, id)) {
            Ok(r) => r,
            // Removed by a concurrent command meanwhile.
            Err(storage::Error::ImageNotFound { .. }) => continue,
            Err(e) => return Err(e.into()),
        };
        report.reclaimed +=
            layers.iter().filter(|(c, _)| removed.deleted_layers.contains(c)).map(|(_, s)| s).sum::<u64>();
        report.reclaimed +=
            blobs.iter().filter(|(d, _)| removed.deleted_blobs.contains(d)).map(|(_, s)| s).sum::<u64>();
        report.images.push(removed.id);
    }
    report.repair = store.repair()?;
    match store.collect_garbage()? {
        Some(gc) => {
            report.layers = gc.layers;
            report.blobs = gc.blobs;
            report.reclaimed += gc.reclaimed;
        }
        None => report.gc_skipped = true,
    }
    Ok(report)
}

/// Refuses to wipe directories that are obviously not a skiff store.
fn check_wipeable(dir: &Path) -> Result<(), Error> {
    let home = dirs::home_dir();
    if dir.parent().is_none() || home.as_deref() == Some(dir) {
        return Err(Error::Remove {
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "refusing to wipe this directory"),
        });
    }
    Ok(())
}

/// Removes everything in `dir` (not `dir` itself); a missing `dir` is fine.
fn wipe_contents(dir: &Path) -> Result<(), Error> {
    check_wipeable(dir)?;
    let entries = match fs_err::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(Error::Remove { path: dir.to_owned(), source }),
    };
    for entry in entries {
        let entry = entry.map_err(|source| Error::Remove { path: dir.to_owned(), source })?;
        let path = entry.path();
        let result = match entry.file_type() {
            Ok(t) if t.is_dir() => fs_err::remove_dir_all(&path),
            Ok(_) => fs_err::remove_file(&path),
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(Error::Remove { path, source }),
        }
    }
    Ok(())
}

/// `system reset`: removes the contents of the graph root and the run root. Run it inside the
/// user namespace (files may belong to subordinate ids). Does not open the store: a corrupt
/// store is exactly what a reset is for.
pub fn reset(graph_root: &Path, run_root: &Path) -> Result<(), Error> {
    wipe_contents(graph_root)?;
    wipe_contents(run_root)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_empties_the_dirs_but_keeps_them() {
        let t = tempfile::tempdir().unwrap();
        let (g, r) = (t.path().join("g"), t.path().join("r"));
        fs_err::create_dir_all(g.join("layers/x/diff")).unwrap();
        fs_err::write(g.join("images.json"), "not json").unwrap();
        fs_err::create_dir_all(&r).unwrap();
        fs_err::write(r.join("pid"), "1").unwrap();
        reset(&g, &r).unwrap();
        assert_eq!(fs_err::read_dir(&g).unwrap().count(), 0);
        assert_eq!(fs_err::read_dir(&r).unwrap().count(), 0);
        reset(&t.path().join("missing"), &r).unwrap();
    }

    #[test]
    fn reset_refuses_the_filesystem_root() {
        assert!(reset(Path::new("/"), Path::new("/nonexistent-skiff-run")).is_err());
    }

    #[test]
    fn df_reports_images_and_zero_containers_and_volumes() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), Default::default()).unwrap();
        store.blobs().put(&format!("sha256:{}", sha(b"abc")), b"abc").unwrap();
        let rows = df(&store).unwrap();
        assert_eq!(rows[0], DfRow { kind: "Images", total: 0, active: 0, size: 3, reclaimable: 3 });
        assert_eq!(rows[1].total + rows[2].total, 0);
        store.create_volume(Some("v"), Default::default(), false).unwrap();
        fs_err::write(store.volume_data("v").join("f"), b"12345").unwrap();
        let rows = df(&store).unwrap();
        assert_eq!(rows[2], DfRow { kind: "Local Volumes", total: 1, active: 0, size: 5, reclaimable: 5 });
    }

    #[test]
    fn prune_collects_unreferenced_blobs_and_skips_while_a_pull_runs() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), Default::default()).unwrap();
        let digest = format!("sha256:{}", sha(b"abc"));
        store.blobs().put(&digest, b"abc").unwrap();
        let guard = store.gc_guard().unwrap();
        let r = prune(&store, false).unwrap();
        assert!(r.gc_skipped);
        assert!(store.blobs().has(&digest).unwrap());
        drop(guard);
        let r = prune(&store, false).unwrap();
        assert!(!r.gc_skipped);
        assert_eq!((r.blobs, r.reclaimed), (1, 3));
        assert!(!store.blobs().has(&digest).unwrap());
    }

    fn sha(data: &[u8]) -> String {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(data))
    }
}
