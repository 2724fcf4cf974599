//! Named volumes: one directory per volume under `ROOT/volumes/`, with its metadata beside its data.
//!
//! ```text
//! ROOT/volumes.lock               guards every volume (shared to read, exclusive to change)
//! ROOT/volumes/<name>/volume.json the record, rewritten atomically
//! ROOT/volumes/<name>/_data       the data, bind mounted into containers
//! ```
//!
//! Invariants:
//! - a directory `volumes/<name>/` appears only by renaming a complete staging dir (record and
//!   `_data` written, under `ROOT/tmp/`) while holding `volumes.lock` exclusively, and disappears
//!   only by being renamed into `ROOT/tmp/` (a scratch entry, swept by [`Store::repair`]) before
//!   it is deleted; so a crash at any point leaves a whole volume or none, and a volume's data is
//!   never deleted by repair;
//! - a volume in use by a container (its name is in [`ContainerRecord::volumes`]) is removed
//!   only by [`Store::remove_volume`] with `force`; the check and the removal happen under the
//!   exclusive `volumes.lock`, and container creation holds it shared ([`Store::volumes_guard`])
//!   while it checks its volumes exist and writes its record.
//!
//! Lock order: `volumes.lock` comes before `store.lock` and `containers.lock` (see [`super::lock`]):
//! `containers.lock` is never held while taking `volumes.lock`.
//!
//! [`ContainerRecord::volumes`]: super::ContainerRecord::volumes

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::blobs::sync_dir;
use super::containers::is_valid_name;
use super::lock::Lock;
use super::scratch::{remove_any, Scratch};
use super::{create_private_dir, Store};
use crate::sys::atomic::write_atomic;

/// Errors of volumes.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] super::Error),
    #[error(transparent)]
    Container(#[from] super::containers::Error),
    #[error("invalid volume name {name:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidName { name: String },
    #[error("volume with name {name} already exists")]
    Exists { name: String },
    #[error("no volume with name {name:?} found: no such volume")]
    NotFound { name: String },
    #[error("volume {name} is being used by the following container(s): {}: volume is being used", containers.join(", "))]
    InUse { name: String, containers: Vec<String> },
    #[error("corrupt volume record {}", path.display())]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

impl Error {
    /// True when no volume has the name asked for (or no container, for a container's volumes).
    pub fn is_not_found(&self) -> bool {
        match self {
            Error::NotFound { .. } => true,
            Error::Container(e) => e.is_not_found(),
            _ => false,
        }
    }
}

type Result<T, E = Error> = std::result::Result<T, E>;

/// A stored volume (`volume.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeRecord {
    pub name: String,
    /// RFC 3339 with nanoseconds.
    pub created_at: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Driver options (`volume create -o`); the local driver takes none yet.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// Created for an image's `VOLUME` or a `-v /path` without a source; removed with its
    /// container by `rm -v` and `run --rm`.
    #[serde(default)]
    pub anonymous: bool,
    /// Still empty and never mounted: the first container that mounts it copies the image's
    /// content at the mount point into it (podman's copy-up).
    #[serde(default)]
    pub needs_copy_up: bool,
    /// Never mounted yet: the first container that mounts it gives the volume's root to its
    /// user (podman's `NeedsChown`).
    #[serde(default)]
    pub needs_chown: bool,
}

/// Whether `name` is a valid volume name (podman's rule, the same as for containers).
pub fn is_valid_volume_name(name: &str) -> bool {
    is_valid_name(name)
}

/// A new random volume name (64 hex digits), as podman gives anonymous volumes.
pub fn new_volume_name() -> String {
    super::containers::new_id()
}

/// Where volumes live when `--volumepath` (or containers.conf's `volume_path`) names a directory;
/// set once at start-up, before any store is opened.
static VOLUME_PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Puts every volume of this process under `dir` instead of `ROOT/volumes` (podman's
/// `--volumepath`). The first call wins.
pub fn set_volume_path(dir: PathBuf) {
    let _ = VOLUME_PATH.set(dir);
}

/// The directory holding the volumes of the store at `root`.
pub fn volumes_dir(root: &Path) -> PathBuf {
    VOLUME_PATH.get().cloned().unwrap_or_else(|| root.join("volumes"))
}

impl Store {
    fn volumes_lock_path(&self) -> PathBuf {
        self.root().join("volumes.lock")
    }

    fn volumes_dir(&self) -> PathBuf {
        volumes_dir(self.root())
    }

    /// `ROOT/volumes/<name>`.
    fn volume_dir(&self, name: &str) -> PathBuf {
        self.volumes_dir().join(name)
    }

    /// The directory a volume's data lives in (`ROOT/volumes/<name>/_data`), its mount point.
    pub fn volume_data(&self, name: &str) -> PathBuf {
        self.volume_dir(name).join("_data")
    }

    /// A shared hold on every volume: none can be removed while it is held. Container creation
    /// holds it from checking its volumes until its record is written.
    pub fn volumes_guard(&self) -> Result<Lock> {
        Ok(Lock::shared(&self.volumes_lock_path())?)
    }

    fn read_volume(&self, name: &str) -> Result<Option<VolumeRecord>> {
        if !is_valid_volume_name(name) {
            return Ok(None);
        }
        let path = self.volume_dir(name).join("volume.json");
        match fs_err::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map(Some).map_err(|source| Error::Corrupt { path, source })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(super::Error::Io { path, source }.into()),
        }
    }

    fn write_volume(&self, dir: &Path, rec: &VolumeRecord) -> Result<()> {
        let path = dir.join("volume.json");
        let json = serde_json::to_vec_pretty(rec).expect("volume records serialize");
        write_atomic(&path, &json).map_err(|source| super::Error::Io { path, source }.into())
    }

    /// Creates a volume. `name` `None` picks a random 64-hex name. The data directory is mode
    /// 0755 and owned by the caller (root of the user namespace, rootless).
    pub fn create_volume(
        &self,
        name: Option<&str>,
        labels: BTreeMap<String, String>,
        anonymous: bool,
    ) -> Result<VolumeRecord> {
        let name = match name {
            Some(n) if !is_valid_volume_name(n) => return Err(Error::InvalidName { name: n.to_owned() }),
            Some(n) => n.to_owned(),
            None => new_volume_name(),
        };
        let rec = VolumeRecord {
            name: name.clone(),
            created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
            labels,
            options: BTreeMap::new(),
            anonymous,
            needs_copy_up: true,
            needs_chown: true,
        };
        // Staged beside the volumes when they live elsewhere (`--volumepath`), so the rename
        // stays on one filesystem.
        let staging_parent = if VOLUME_PATH.get().is_some() {
            let p = self.volumes_dir().join(".staging");
            fs_err::create_dir_all(&p).map_err(super::Error::io(&p))?;
            p
        } else {
            create_private_dir(&self.volumes_dir())?;
            self.root().join("tmp")
        };
        let staging = Scratch::new(&staging_parent, "vol-")?;
        let data = staging.path().join("_data");
        create_private_dir(staging.path())?;
        create_private_dir(&data)?;
        {
            use std::os::unix::fs::PermissionsExt;
            fs_err::set_permissions(&data, std::fs::Permissions::from_mode(0o755))
                .map_err(super::Error::io(&data))?;
        }
        self.write_volume(staging.path(), &rec)?;
        let _lock = Lock::exclusive(&self.volumes_lock_path())?;
        let dir = self.volume_dir(&name);
        if dir.symlink_metadata().is_ok() {
            return Err(Error::Exists { name });
        }
        fs_err::rename(staging.path(), &dir).map_err(super::Error::io(&dir))?;
        staging.persisted();
        sync_dir(&self.volumes_dir())?;
        Ok(rec)
    }

    /// The volume `name`, if it exists.
    pub fn get_volume(&self, name: &str) -> Result<Option<VolumeRecord>> {
        let _lock = Lock::shared(&self.volumes_lock_path())?;
        self.read_volume(name)
    }

    /// Every volume, by name.
    pub fn list_volumes(&self) -> Result<Vec<VolumeRecord>> {
        let _lock = Lock::shared(&self.volumes_lock_path())?;
        let dir = self.volumes_dir();
        let entries = match fs_err::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(super::Error::Io { path: dir, source }.into()),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(super::Error::io(&dir))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else { continue };
            if name.starts_with('.') {
                continue;
            }
            if let Some(rec) = self.read_volume(&name)? {
                out.push(rec);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Applies `change` to volume `name` under the exclusive lock and saves it; `change` may also
    /// work on the data directory (it gets its path), e.g. the copy-up.
    pub fn update_volume<T, E: From<Error>>(
        &self,
        name: &str,
        change: impl FnOnce(&mut VolumeRecord, &Path) -> Result<T, E>,
    ) -> Result<T, E> {
        let _lock = Lock::exclusive(&self.volumes_lock_path()).map_err(Error::from)?;
        let mut rec = self.read_volume(name)?.ok_or_else(|| Error::NotFound { name: name.to_owned() })?;
        let out = change(&mut rec, &self.volume_data(name))?;
        self.write_volume(&self.volume_dir(name), &rec)?;
        Ok(out)
    }

    /// Containers (ids) that use volume `name`.
    pub fn volume_users(&self, name: &str) -> Result<Vec<String>> {
        Ok(self
            .list_containers()?
            .into_iter()
            .filter(|c| c.volumes.iter().any(|v| v == name))
            .map(|c| c.id)
            .collect())
    }

    /// Removes volume `name` and its data. Refused while a container uses it.
    pub fn remove_volume(&self, name: &str) -> Result<VolumeRecord> {
        let trash = {
            let _lock = Lock::exclusive(&self.volumes_lock_path())?;
            let rec = self.read_volume(name)?.ok_or_else(|| Error::NotFound { name: name.to_owned() })?;
            let users = self.volume_users(name)?;
            if !users.is_empty() {
                return Err(Error::InUse { name: name.to_owned(), containers: users });
            }
            let trash = Scratch::new(&self.root().join("tmp"), "trash-vol-")?;
            let dir = self.volume_dir(name);
            fs_err::rename(&dir, trash.path()).map_err(super::Error::io(&dir))?;
            sync_dir(&self.volumes_dir())?;
            (rec, trash)
        };
        let (rec, trash) = trash;
        remove_any(trash.path()).map_err(super::Error::io(trash.path()))?;
        drop(trash);
        Ok(rec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StoreOptions;

    #[test]
    fn create_list_update_remove() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), StoreOptions::default()).unwrap();
        let labels = BTreeMap::from([("a".to_string(), "b".to_string())]);
        let v = store.create_volume(Some("data"), labels.clone(), false).unwrap();
        assert_eq!((v.name.as_str(), v.labels, v.needs_copy_up, v.anonymous), ("data", labels, true, false));
        assert!(store.volume_data("data").is_dir());
        let anon = store.create_volume(None, BTreeMap::new(), true).unwrap();
        assert!(crate::storage::is_hex64(&anon.name));
        assert!(matches!(
            store.create_volume(Some("data"), BTreeMap::new(), false),
            Err(Error::Exists { .. })
        ));
        assert!(matches!(
            store.create_volume(Some("bad/name"), BTreeMap::new(), false),
            Err(Error::InvalidName { .. })
        ));
        let names: Vec<String> = store.list_volumes().unwrap().into_iter().map(|v| v.name).collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"data".to_string()));
        store
            .update_volume("data", |r, data| {
                fs_err::write(data.join("f"), b"x").unwrap();
                r.needs_copy_up = false;
                Ok::<_, Error>(())
            })
            .unwrap();
        assert!(!store.get_volume("data").unwrap().unwrap().needs_copy_up);
        assert!(store.get_volume("../data").unwrap().is_none());
        store.remove_volume("data").unwrap();
        assert!(store.get_volume("data").unwrap().is_none());
        assert!(matches!(store.remove_volume("data"), Err(Error::NotFound { .. })));
        // Nothing is left behind in the scratch dir.
        assert_eq!(fs_err::read_dir(t.path().join("tmp")).unwrap().count(), 0);
    }

    #[test]
    fn an_interrupted_creation_leaves_no_volume() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), StoreOptions::default()).unwrap();
        // A staging dir whose owner died: swept by repair, never listed.
        let stage = t.path().join("tmp/vol-dead");
        fs_err::create_dir_all(stage.join("_data")).unwrap();
        assert!(store.list_volumes().unwrap().is_empty());
        store.repair().unwrap();
        assert!(!stage.exists());
    }
}
