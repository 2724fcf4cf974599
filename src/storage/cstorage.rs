//! containers/storage: the store podman and buildah share (not skiff's own), read for the
//! containers other tools left there (`ps --external`, `container exists --external`, `diff`)
//! and written only to remove one such container, the way containers/storage removes it.
//!
//! Layout under the graph root (`DRIVER` is `overlay` or `vfs`):
//!
//! ```text
//! storage.lock                          the graph driver's lock
//! DRIVER-layers/layers.json + .lock     every layer: id, parent, ...
//! DRIVER-layers/<id>.tar-split.gz       a layer's tar metadata; DRIVER-layers/<id>/ its big data
//! DRIVER-images/images.json + .lock     every image: id, names, top layer
//! DRIVER-containers/containers.json     every container: id, names, image, layer, created
//! DRIVER-containers/containers.lock
//! DRIVER-containers/<id>/userdata/      the container's files (buildah.json for buildah's)
//! overlay/<layer>/{diff,link,lower,work,merged}, overlay/l/<link> -> ../<layer>/diff
//! vfs/dir/<layer>/                      a full copy of the layer's tree
//! RUNROOT/DRIVER-layers/mountpoints.json + .lock   how often each layer is mounted
//! ```
//!
//! Locks are POSIX record locks (`fcntl(F_SETLKW)`) on the whole `.lock` file: shared to read,
//! exclusive to write. A writer stores a new 64-byte "last writer" value at the start of the
//! lock file before it unlocks, which tells other processes to reload the JSON. Removal takes
//! the locks in containers/storage's order: `storage.lock`, `layers.lock` (with
//! `mountpoints.lock` inside it), `images.lock`, `containers.lock`; JSON files are replaced
//! atomically (temporary file, fsync, rename), the records first and the directories after, so
//! a crash leaves at worst an unreferenced directory. A layer that anything else uses (a child
//! layer, an image, another container) is never removed.
//!
//! POSIX locks belong to the process and a close of any descriptor of the file drops them: each
//! lock file is opened once per [`StoreLock`] and nothing else here opens it.

use fs_err::os::unix::fs::OpenOptionsExt;
use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::changes::{self, Change};

/// What can go wrong with containers/storage.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot access {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot lock {}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("corrupt containers/storage file {}", path.display())]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error(
        "container {name:?} is mounted and cannot be removed without using force: container state improper"
    )]
    Mounted { name: String },
    #[error(
        "refusing to remove {name:?} as it exists in libpod as container {id}: it is podman's container"
    )]
    Podman { name: String, id: String },
    #[error("layer {layer} of container {name:?} is also used by {user}: not removing it")]
    LayerShared { name: String, layer: String, user: String },
    #[error("containers/storage driver {driver:?} is not supported here (only overlay and vfs)")]
    UnsupportedDriver { driver: String },
    #[error("unsafe name {name:?} in {}", path.display())]
    UnsafeName { name: String, path: PathBuf },
    #[error("cannot read the changes of container {name:?} in {}", path.display())]
    Changes {
        name: String,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.to_owned(), source }
}

/// One container of containers.json (the fields skiff reads; a rewrite keeps every field).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Container {
    pub id: String,
    #[serde(default)]
    pub names: Vec<String>,
    /// The image's id (empty for `buildah from scratch`).
    #[serde(default)]
    pub image: String,
    /// The container's own read-write layer.
    #[serde(default)]
    pub layer: String,
    /// RFC 3339.
    #[serde(default)]
    pub created: Option<String>,
}

impl Container {
    /// The first name, or podman's `unknown`.
    pub fn name(&self) -> &str {
        self.names.first().map(String::as_str).unwrap_or("unknown")
    }
}

#[derive(Debug, Clone, Deserialize)]
struct Layer {
    id: String,
    #[serde(default)]
    parent: String,
}

#[derive(Debug, Clone, Deserialize)]
struct Image {
    id: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default, rename = "names-history")]
    names_history: Vec<String>,
    #[serde(default)]
    layer: String,
    #[serde(default, rename = "mapped-top-layers")]
    mapped_top_layers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct MountPoint {
    id: String,
    #[serde(default)]
    count: i64,
}

/// A containers/storage store.
#[derive(Debug, Clone)]
pub struct CStore {
    root: PathBuf,
    run_root: PathBuf,
    driver: String,
}

/// The drivers whose directories [`CStore::open`] looks for, in containers/storage's order.
const DRIVERS: [&str; 6] = ["overlay", "vfs", "btrfs", "zfs", "aufs", "devicemapper"];

impl CStore {
    /// The store at `root` (run-time state in `run_root`), with `driver` from storage.conf or
    /// else the one whose directories exist; `None` when there is no store there.
    pub fn open(root: &Path, run_root: &Path, driver: Option<&str>) -> Option<CStore> {
        let has = |d: &str| {
            root.join(format!("{d}-containers")).is_dir() || root.join(format!("{d}-layers")).is_dir()
        };
        let driver = match driver {
            Some(d) if has(d) => d.to_string(),
            _ => DRIVERS.iter().find(|d| has(d))?.to_string(),
        };
        Some(CStore { root: root.to_owned(), run_root: run_root.to_owned(), driver })
    }

    /// The graph root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn containers_dir(&self) -> PathBuf {
        self.root.join(format!("{}-containers", self.driver))
    }

    fn layers_dir(&self) -> PathBuf {
        self.root.join(format!("{}-layers", self.driver))
    }

    fn images_dir(&self) -> PathBuf {
        self.root.join(format!("{}-images", self.driver))
    }

    fn mounts_dir(&self) -> PathBuf {
        self.run_root.join(format!("{}-layers", self.driver))
    }

    /// Every container of the store (none when containers.json is missing or unreadable).
    pub fn containers(&self) -> Result<Vec<Container>, Error> {
        let dir = self.containers_dir();
        let _lock = StoreLock::shared(&dir.join("containers.lock"))?;
        read_list(&dir.join("containers.json"))
    }

    /// The name an image is shown by (its first name, else the first it had), by image id.
    pub fn image_names(&self) -> Result<HashMap<String, String>, Error> {
        let dir = self.images_dir();
        let _lock = StoreLock::shared(&dir.join("images.lock"))?;
        let images: Vec<Image> = read_list(&dir.join("images.json"))?;
        Ok(images
            .into_iter()
            .filter_map(|i| {
                let name = i.names.first().or(i.names_history.first())?.clone();
                Some((i.id, name))
            })
            .collect())
    }

    /// True when buildah made the container (its `userdata/buildah.json` says so).
    pub fn is_buildah(&self, id: &str) -> bool {
        if !is_safe_name(id) {
            return false;
        }
        #[derive(Deserialize)]
        struct State {
            #[serde(rename = "type", default)]
            kind: String,
        }
        let path = self.containers_dir().join(id).join("userdata/buildah.json");
        fs_err::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<State>(&b).ok())
            .is_some_and(|s| s.kind == "buildah 0.0.1")
    }

    /// True when podman's own database (`libpod/bolt_state.db`) names the container: it is
    /// podman's, not an external one, and only podman may remove it.
    pub fn is_podmans(&self, id: &str) -> bool {
        let db = self.root.join("libpod/bolt_state.db");
        match fs_err::read(&db) {
            Ok(bytes) => bytes.windows(id.len()).any(|w| w == id.as_bytes()),
            Err(_) => false,
        }
    }

    /// The layers, by id.
    fn layers(&self) -> Result<HashMap<String, Layer>, Error> {
        let list: Vec<Layer> = read_list(&self.layers_dir().join("layers.json"))?;
        Ok(list.into_iter().map(|l| (l.id.clone(), l)).collect())
    }

    /// The directories holding a layer's tree and those below it (top-most first): for overlay
    /// the `diff` dirs, for vfs the full copies (only the parent's matters below).
    fn layer_dirs(
        &self,
        layer: &str,
        layers: &HashMap<String, Layer>,
    ) -> Result<(PathBuf, Vec<PathBuf>), Error> {
        let dir = |id: &str| -> Result<PathBuf, Error> {
            if !is_safe_name(id) {
                return Err(Error::UnsafeName {
                    name: id.into(),
                    path: self.layers_dir().join("layers.json"),
                });
            }
            Ok(match self.driver.as_str() {
                "overlay" => self.root.join("overlay").join(id).join("diff"),
                "vfs" => self.root.join("vfs/dir").join(id),
                d => return Err(Error::UnsupportedDriver { driver: d.into() }),
            })
        };
        let top = dir(layer)?;
        let mut lowers = Vec::new();
        let mut next = layers.get(layer).map(|l| l.parent.clone()).unwrap_or_default();
        while !next.is_empty() && lowers.len() < 500 {
            lowers.push(dir(&next)?);
            if self.driver == "vfs" {
                break;
            }
            next = layers.get(&next).map(|l| l.parent.clone()).unwrap_or_default();
        }
        Ok((top, lowers))
    }

    /// What the container `key` (id, name or unique id prefix) changed in its image: `None` when
    /// there is no such container. Holds the layers' and containers' shared locks meanwhile.
    pub fn changes(&self, key: &str) -> Result<Option<Vec<Change>>, Error> {
        let _layers_lock = StoreLock::shared(&self.layers_dir().join("layers.lock"))?;
        let cdir = self.containers_dir();
        let _containers_lock = StoreLock::shared(&cdir.join("containers.lock"))?;
        let list: Vec<Container> = read_list(&cdir.join("containers.json"))?;
        let Some(c) = find(&list, key) else { return Ok(None) };
        let layers = self.layers()?;
        let (top, lowers) = self.layer_dirs(&c.layer, &layers)?;
        let result = match self.driver.as_str() {
            "vfs" => changes::tree_changes(&top, &lowers),
            _ => changes::changes(&top, &lowers),
        };
        result.map(Some).map_err(|source| Error::Changes { name: key.into(), path: top, source })
    }

    /// Removes the container `key` (id, name or unique id prefix) with its layer and
    /// directories, as containers/storage does; returns its id, or `None` when there is no such
    /// container. A mounted container needs `force` (which forgets its mount count); podman's own
    /// containers are refused.
    pub fn remove(&self, key: &str, force: bool) -> Result<Option<String>, Error> {
        if !matches!(self.driver.as_str(), "overlay" | "vfs") {
            return Err(Error::UnsupportedDriver { driver: self.driver.clone() });
        }
        let (ldir, idir, cdir) = (self.layers_dir(), self.images_dir(), self.containers_dir());
        let _graph = StoreLock::exclusive(&self.root.join("storage.lock"))?;
        let layers_lock = StoreLock::exclusive(&ldir.join("layers.lock"))?;
        let images_lock = StoreLock::exclusive(&idir.join("images.lock"))?;
        let containers_lock = StoreLock::exclusive(&cdir.join("containers.lock"))?;

        let containers_json = cdir.join("containers.json");
        let list: Vec<Container> = read_list(&containers_json)?;
        let Some(c) = find(&list, key).cloned() else { return Ok(None) };
        if !is_safe_name(&c.id) {
            return Err(Error::UnsafeName { name: c.id, path: containers_json });
        }
        if self.is_podmans(&c.id) {
            return Err(Error::Podman { name: key.into(), id: c.id });
        }
        let layers = self.layers()?;
        let layer = (!c.layer.is_empty() && layers.contains_key(&c.layer)).then(|| c.layer.clone());
        if let Some(layer) = &layer {
            if !is_safe_name(layer) {
                return Err(Error::UnsafeName { name: layer.clone(), path: ldir.join("layers.json") });
            }
            let shared = |user: String| Error::LayerShared { name: key.into(), layer: layer.clone(), user };
            if let Some(child) = layers.values().find(|l| l.parent == *layer) {
                return Err(shared(format!("layer {}", child.id)));
            }
            let images: Vec<Image> = read_list(&idir.join("images.json"))?;
            if let Some(i) = images.iter().find(|i| i.layer == *layer || i.mapped_top_layers.contains(layer))
            {
                return Err(shared(format!("image {}", i.id)));
            }
            if let Some(o) = list.iter().find(|o| o.id != c.id && o.layer == *layer) {
                return Err(shared(format!("container {}", o.id)));
            }
        }

        // The mount count, under the layers' lock as containers/storage keeps it.
        let mounts_dir = self.mounts_dir();
        let mounts_lock = match mounts_dir.is_dir() {
            true => Some(StoreLock::exclusive(&mounts_dir.join("mountpoints.lock"))?),
            false => None,
        };
        let mounts_json = mounts_dir.join("mountpoints.json");
        if let (Some(lock), Some(layer)) = (&mounts_lock, &layer) {
            let mounts: Vec<MountPoint> = read_list(&mounts_json)?;
            if mounts.iter().any(|m| m.id == *layer && m.count > 0) {
                if !force {
                    return Err(Error::Mounted { name: key.into() });
                }
                // Its mount lives in another process's namespace (buildah's) if anywhere:
                // detach it here in case it is visible, and forget the count.
                if self.driver == "overlay" {
                    let merged = self.root.join("overlay").join(layer).join("merged");
                    let _ = nix::mount::umount2(&merged, nix::mount::MntFlags::MNT_DETACH);
                }
                rewrite_without(&mounts_json, layer)?;
                lock.touch()?;
            }
        }

        // Records first: the container, then its layer.
        rewrite_without(&containers_json, &c.id)?;
        containers_lock.touch()?;
        if let Some(layer) = &layer {
            rewrite_without(&ldir.join("layers.json"), layer)?;
            layers_lock.touch()?;
            if let Some(lock) = &mounts_lock {
                lock.touch()?;
            }
        }
        drop(images_lock);

        // Then what they named.
        if let Some(layer) = &layer {
            match self.driver.as_str() {
                "overlay" => {
                    let dir = self.root.join("overlay").join(layer);
                    if let Ok(link) = fs_err::read_to_string(dir.join("link")) {
                        let link = link.trim();
                        if is_safe_name(link) {
                            remove_tree(&self.root.join("overlay/l").join(link))?;
                        }
                    }
                    remove_tree(&dir)?;
                }
                _ => remove_tree(&self.root.join("vfs/dir").join(layer))?,
            }
            remove_tree(&ldir.join(format!("{layer}.tar-split.gz")))?;
            remove_tree(&ldir.join(layer))?;
        }
        remove_tree(&cdir.join(&c.id))?;
        remove_tree(&self.run_root.join(format!("{}-containers", self.driver)).join(&c.id))?;
        Ok(Some(c.id))
    }
}

/// The container `key` names: its id, one of its names, or a prefix of one id only.
pub fn find<'a>(list: &'a [Container], key: &str) -> Option<&'a Container> {
    if key.is_empty() {
        return None;
    }
    if let Some(c) = list.iter().find(|c| c.id == key || c.names.iter().any(|n| n == key)) {
        return Some(c);
    }
    let mut by_prefix = list.iter().filter(|c| c.id.starts_with(key));
    match (by_prefix.next(), by_prefix.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// A file or directory name from the store's JSON that is safe to join to a path.
fn is_safe_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains('/') && !name.contains('\0')
}

/// Reads a JSON list; a missing or unreadable file is an empty list, a corrupt one an error.
fn read_list<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>, Error> {
    let bytes = match fs_err::read(path) {
        Ok(b) => b,
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::PermissionDenied) => {
            tracing::debug!(path = %path.display(), error = %e, "no containers/storage file");
            return Ok(Vec::new());
        }
        Err(e) => return Err(Error::Io { path: path.to_owned(), source: e }),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    serde_json::from_slice(&bytes).map_err(|source| Error::Corrupt { path: path.to_owned(), source })
}

/// Rewrites the JSON list at `path` without the entry whose `id` is `id`, keeping every other
/// entry and field as it was; atomically, mode 0600 as containers/storage writes it.
fn rewrite_without(path: &Path, id: &str) -> Result<(), Error> {
    let mut list: Vec<serde_json::Value> = read_list(path)?;
    let before = list.len();
    list.retain(|v| v.get("id").and_then(|i| i.as_str()) != Some(id));
    if list.len() == before {
        return Ok(());
    }
    let bytes =
        serde_json::to_vec(&list).map_err(|source| Error::Corrupt { path: path.to_owned(), source })?;
    crate::sys::atomic::write_atomic_private(path, &bytes).map_err(io_err(path))
}

/// Removes a file, symlink or directory tree; a missing one is fine. Read-only directories
/// (overlay's `diff` dirs are 0555) are no obstacle inside skiff's user namespace, where the
/// store's owner has CAP_DAC_OVERRIDE over its own ids and subordinate ones.
fn remove_tree(path: &Path) -> Result<(), Error> {
    let result = match fs_err::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs_err::remove_dir_all(path),
        Ok(_) => fs_err::remove_file(path),
        Err(e) => Err(e),
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other.map_err(io_err(path)),
    }
}

/// A POSIX record lock on a whole containers/storage lock file, released when dropped.
#[derive(Debug)]
pub struct StoreLock {
    file: File,
    path: PathBuf,
}

impl StoreLock {
    /// Takes the lock shared, waiting for a writer; `None` when the lock file does not exist
    /// (there is no store there to guard).
    pub fn shared(path: &Path) -> Result<Option<StoreLock>, Error> {
        match fs_err::OpenOptions::new().read(true).custom_flags(libc::O_CLOEXEC).open(path) {
            Ok(f) => StoreLock::wait(f.into(), path, libc::F_RDLCK).map(Some),
            Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::PermissionDenied) => {
                Ok(None)
            }
            Err(e) => Err(Error::Lock { path: path.to_owned(), source: e }),
        }
    }

    /// Takes the lock exclusively (creating the file, mode 0644, as containers/storage does),
    /// waiting for other holders.
    pub fn exclusive(path: &Path) -> Result<StoreLock, Error> {
        let f = fs_err::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o644)
            .custom_flags(libc::O_CLOEXEC)
            .open(path)
            .map_err(|e| Error::Lock { path: path.to_owned(), source: e })?;
        StoreLock::wait(f.into(), path, libc::F_WRLCK)
    }

    fn wait(file: File, path: &Path, kind: libc::c_int) -> Result<StoreLock, Error> {
        let fl = libc::flock {
            l_type: kind as libc::c_short,
            l_whence: libc::SEEK_SET as libc::c_short,
            l_start: 0,
            l_len: 0,
            l_pid: 0,
        };
        loop {
            match nix::fcntl::fcntl(file.as_raw_fd(), nix::fcntl::FcntlArg::F_SETLKW(&fl)) {
                Ok(_) => return Ok(StoreLock { file, path: path.to_owned() }),
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(Error::Lock { path: path.to_owned(), source: e.into() }),
            }
        }
    }

    /// Records a write: a new "last writer" value at the start of the file (the time, a
    /// counter, the pid and random bytes, 64 in all), so other processes reload what it guards.
    pub fn touch(&self) -> Result<(), Error> {
        self.file
            .write_all_at(&last_writer_id(), 0)
            .map_err(|e| Error::Lock { path: self.path.clone(), source: e })
    }
}

fn last_writer_id() -> [u8; 64] {
    use rand::RngCore;
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut id = [0u8; 64];
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    id[..8].copy_from_slice(&(now.as_nanos() as u64).to_le_bytes());
    id[8..16].copy_from_slice(&(COUNTER.fetch_add(1, Ordering::Relaxed) + 1).to_le_bytes());
    id[16..20].copy_from_slice(&std::process::id().to_le_bytes());
    rand::thread_rng().fill_bytes(&mut id[20..]);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTR: &str = "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1";
    const OTHER: &str = "c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2";

    /// An overlay store with an image of two layers (base, top), a buildah container (its
    /// layer `rw`) and `extra` more containers.
    fn store(t: &Path) -> CStore {
        let root = t.join("graph");
        for d in ["overlay-layers", "overlay-images", "overlay-containers", "overlay/l"] {
            fs_err::create_dir_all(root.join(d)).unwrap();
        }
        fs_err::create_dir_all(t.join("run/overlay-layers")).unwrap();
        for (id, parent, link) in [("base", "", "LB"), ("top", "base", "LT"), ("rw", "top", "LR")] {
            let dir = root.join("overlay").join(id);
            fs_err::create_dir_all(dir.join("diff")).unwrap();
            fs_err::write(dir.join("link"), link).unwrap();
            std::os::unix::fs::symlink(format!("../{id}/diff"), root.join("overlay/l").join(link)).unwrap();
            let _ = parent;
        }
        fs_err::write(root.join("overlay/base/diff/kept"), "x").unwrap();
        fs_err::create_dir_all(root.join("overlay/base/diff/etc")).unwrap();
        fs_err::write(root.join("overlay/base/diff/etc/services"), "x").unwrap();
        fs_err::create_dir_all(root.join("overlay/rw/diff/etc")).unwrap();
        fs_err::write(root.join("overlay/rw/diff/new"), "x").unwrap();
        fs_err::write(root.join("overlay-layers/rw.tar-split.gz"), "x").unwrap();
        fs_err::write(root.join("overlay-layers/top.tar-split.gz"), "x").unwrap();
        fs_err::write(
            root.join("overlay-layers/layers.json"),
            r#"[{"id":"base","created":"2026-01-01T00:00:00Z","diff-size":3},{"id":"top","parent":"base"},{"id":"rw","parent":"top","flags":{"x":1}}]"#,
        )
        .unwrap();
        fs_err::write(
            root.join("overlay-images/images.json"),
            r#"[{"id":"img","names":["peerreg:5000/libpod/testimage:1"],"layer":"top"}]"#,
        )
        .unwrap();
        fs_err::write(
            root.join("overlay-containers/containers.json"),
            format!(
                r#"[{{"id":"{CTR}","names":["work"],"image":"img","layer":"rw","created":"2026-12-05T20:17:12.613487622Z","flags":{{"Volatile":true}}}}]"#
            ),
        )
        .unwrap();
        fs_err::create_dir_all(root.join("overlay-containers").join(CTR).join("userdata")).unwrap();
        fs_err::write(
            root.join("overlay-containers").join(CTR).join("userdata/buildah.json"),
            r#"{"type":"buildah 0.0.1"}"#,
        )
        .unwrap();
        CStore::open(&root, &t.join("run"), Some("overlay")).unwrap()
    }

    #[test]
    fn lists_finds_and_names_containers() {
        let t = tempfile::tempdir().unwrap();
        let s = store(t.path());
        let list = s.containers().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name(), "work");
        assert!(s.is_buildah(CTR));
        assert!(!s.is_podmans(CTR));
        assert_eq!(s.image_names().unwrap()["img"], "peerreg:5000/libpod/testimage:1");
        for key in ["work", CTR, "c1c1c1c1c1c1"] {
            assert_eq!(find(&list, key).map(|c| c.id.as_str()), Some(CTR), "{key}");
        }
        assert!(find(&list, "nope").is_none());
    }

    #[test]
    fn no_store_or_unreadable_files_mean_no_containers_and_corrupt_ones_are_named() {
        let t = tempfile::tempdir().unwrap();
        assert!(CStore::open(&t.path().join("absent"), t.path(), None).is_none());
        let s = store(t.path());
        let json = s.root().join("overlay-containers/containers.json");
        fs_err::write(&json, "[{\"id\": ").unwrap();
        let e = s.containers().unwrap_err();
        assert!(e.to_string().contains(&json.display().to_string()), "{e}");
        fs_err::remove_file(&json).unwrap();
        assert!(s.containers().unwrap().is_empty());
    }

    #[test]
    fn changes_compare_the_container_layer_with_the_image_layers() {
        let t = tempfile::tempdir().unwrap();
        let s = store(t.path());
        let dev = nix::sys::stat::makedev(0, 0);
        let wh = s.root().join("overlay/rw/diff/etc/services");
        // A whiteout needs root (or a user namespace): without one, /etc is still changed.
        let whiteout =
            nix::sys::stat::mknod(&wh, nix::sys::stat::SFlag::S_IFCHR, nix::sys::stat::Mode::empty(), dev)
                .is_ok();
        let changes = s.changes("work").unwrap().unwrap();
        let shown: Vec<String> = changes.iter().map(|c| format!("{} {}", c.kind.letter(), c.path)).collect();
        if whiteout {
            assert_eq!(shown, ["C /etc", "D /etc/services", "A /new"]);
        } else {
            assert_eq!(shown, ["C /etc", "A /new"]);
        }
        assert!(s.changes("nope").unwrap().is_none());
    }

    #[test]
    fn remove_takes_the_container_its_layer_and_dirs_and_nothing_else() {
        let t = tempfile::tempdir().unwrap();
        let s = store(t.path());
        let lock = s.root().join("overlay-containers/containers.lock");
        fs_err::write(&lock, [7u8; 64]).unwrap();
        assert_eq!(s.remove("work", false).unwrap().as_deref(), Some(CTR));
        assert!(s.containers().unwrap().is_empty());
        let layers: Vec<serde_json::Value> =
            serde_json::from_slice(&fs_err::read(s.root().join("overlay-layers/layers.json")).unwrap())
                .unwrap();
        assert_eq!(layers.len(), 2);
        assert_eq!(layers[0]["diff-size"], 3, "other fields are kept");
        assert!(!s.root().join("overlay/rw").exists());
        assert!(!s.root().join("overlay/l/LR").exists());
        assert!(!s.root().join("overlay-layers/rw.tar-split.gz").exists());
        assert!(!s.root().join("overlay-containers").join(CTR).exists());
        for kept in ["overlay/base/diff/kept", "overlay/l/LT", "overlay-layers/top.tar-split.gz"] {
            assert!(fs_err::symlink_metadata(s.root().join(kept)).is_ok(), "{kept}");
        }
        let touched = fs_err::read(&lock).unwrap();
        assert_eq!(touched.len(), 64);
        assert_ne!(touched, [7u8; 64], "the last-writer value changes");
        assert_eq!(s.remove("work", false).unwrap(), None);
    }

    #[test]
    fn mounted_containers_need_force_and_shared_layers_stay() {
        let t = tempfile::tempdir().unwrap();
        let s = store(t.path());
        let mounts = t.path().join("run/overlay-layers/mountpoints.json");
        fs_err::write(&mounts, r#"[{"id":"rw","path":"/x/merged","count":1}]"#).unwrap();
        let e = s.remove(CTR, false).unwrap_err();
        assert!(matches!(e, Error::Mounted { .. }), "{e}");
        assert_eq!(s.containers().unwrap().len(), 1);
        assert!(s.remove(CTR, true).unwrap().is_some());
        assert_eq!(fs_err::read_to_string(&mounts).unwrap(), "[]");

        let s = store(&t.path().join("again"));
        let json = s.root().join("overlay-containers/containers.json");
        let text = fs_err::read_to_string(&json).unwrap();
        let twin = text.replace(CTR, OTHER).replace("\"work\"", "\"twin\"");
        fs_err::write(&json, format!("[{},{}]", &text[1..text.len() - 1], &twin[1..twin.len() - 1])).unwrap();
        let e = s.remove("work", true).unwrap_err();
        assert!(e.to_string().contains("also used by container"), "{e}");
        assert!(s.root().join("overlay/rw/diff/new").exists());
    }

    #[test]
    fn podmans_own_containers_are_refused() {
        let t = tempfile::tempdir().unwrap();
        let s = store(t.path());
        fs_err::create_dir_all(s.root().join("libpod")).unwrap();
        fs_err::write(s.root().join("libpod/bolt_state.db"), format!("\0\0ctr{CTR}\0")).unwrap();
        let e = s.remove("work", true).unwrap_err();
        assert!(matches!(e, Error::Podman { .. }), "{e}");
        assert_eq!(s.containers().unwrap().len(), 1);
    }

    #[test]
    fn locks_conflict_as_posix_record_locks_do() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("x.lock");
        // An open-file-description lock query conflicts with this process's record locks too,
        // as another process's query would.
        let probe = |kind: libc::c_int| -> bool {
            let f = fs_err::OpenOptions::new().read(true).write(true).open(&path).unwrap();
            let mut fl =
                libc::flock { l_type: kind as libc::c_short, l_whence: 0, l_start: 0, l_len: 0, l_pid: 0 };
            nix::fcntl::fcntl(f.as_raw_fd(), nix::fcntl::FcntlArg::F_OFD_GETLK(&mut fl)).unwrap();
            fl.l_type != libc::F_UNLCK as libc::c_short
        };
        let held = StoreLock::exclusive(&path).unwrap();
        assert!(probe(libc::F_RDLCK), "an exclusive lock keeps readers out");
        held.touch().unwrap();
        assert_eq!(fs_err::read(&path).unwrap().len(), 64);
        drop(held);
        assert!(!probe(libc::F_WRLCK), "dropping releases it");
        let shared = StoreLock::shared(&path).unwrap().unwrap();
        assert!(probe(libc::F_WRLCK) && !probe(libc::F_RDLCK), "a shared lock keeps only writers out");
        drop(shared);
        assert!(StoreLock::shared(&t.path().join("missing.lock")).unwrap().is_none());
    }
}
