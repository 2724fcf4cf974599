//! Container records, all in `ROOT/containers.json`, and each container's directories.
//!
//! ```text
//! ROOT/containers.lock            guards containers.json (shared to read, exclusive to write)
//! ROOT/containers.json            every container record, rewritten atomically
//! ROOT/containers/<id>/upper      overlay upper directory (the container's writes)
//! ROOT/containers/<id>/work       overlay work directory
//! ROOT/containers/<id>/merged     the root filesystem: overlay mount point, or the vfs copy
//! ROOT/containers/<id>/bundle     the OCI bundle (config.json)
//! ROOT/containers/<id>/userdata   files the engine keeps for the container (logs, exit file)
//! ```
//!
//! Invariants:
//! - a directory `containers/<id>/` is prepared in a scratch dir under `ROOT/tmp/` and renamed
//!   into place in the same critical section (exclusive `containers.lock`) that writes its
//!   record, so under that lock a directory without a record is an orphan a crash left;
//! - removal writes the record list without the container first, then renames the directory
//!   into `ROOT/tmp/` (a scratch entry) and deletes it after releasing the lock; a crash leaves
//!   an orphan directory or a trash entry, both removed by repair, never a record without a
//!   directory;
//! - names are unique: checked under the exclusive lock on every create and rename;
//! - a container's image cannot be removed while the container exists: creation checks that the
//!   image is stored while holding `store.lock` shared, and [`Store::remove_image`] holds it
//!   exclusively while it asks [`Store::images_in_use`].
//!
//! Lock order: `store.lock`, then `containers.lock`, then scratch locks. `containers.lock` is
//! never held while taking `store.lock`.

use std::collections::{BTreeMap, HashSet};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::lock::Lock;
use super::scratch::{remove_any, Scratch};
use super::{create_private_dir, is_hex64, Store};
use crate::sys::atomic::write_atomic;

/// Errors of container records.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] super::Error),
    #[error(
        "the container name {name:?} is already in use by {owner}; remove that container or choose another name"
    )]
    NameInUse { name: String, owner: String },
    #[error("invalid container name {name:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidName { name: String },
    #[error("invalid container id {id:?} (expected 64 hex digits)")]
    InvalidId { id: String },
    #[error("no container with name or ID {key:?} found: no such container")]
    NotFound { key: String },
    #[error("{key:?} matches several containers: {}", candidates.join(", "))]
    Ambiguous { key: String, candidates: Vec<String> },
    #[error("the root filesystem of container {id} is still mounted at {}", path.display())]
    StillMounted { id: String, path: PathBuf },
}

impl Error {
    /// True when no container has the name or id asked for.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }
}

type Result<T, E = Error> = std::result::Result<T, E>;

/// The lifecycle state of a container (podman's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Created, never started (or the bundle is ready again after a restart's cleanup).
    Created,
    /// Its process runs; `pid` is set.
    Running,
    /// Frozen.
    Paused,
    /// Stopped by `stop`/`kill` and cleaned up.
    Stopped,
    /// Its process exited on its own (or its supervisor died: see [`Store::repair_containers`]).
    Exited,
    /// Being removed; a removal that crashed leaves this, and `rm -f` finishes it.
    Removing,
}

impl State {
    /// `start` is allowed.
    pub fn can_start(self) -> bool {
        matches!(self, State::Created | State::Stopped | State::Exited)
    }

    /// `stop`/`kill` have something to signal.
    pub fn can_stop(self) -> bool {
        matches!(self, State::Running | State::Paused)
    }

    /// `rm` is allowed; `force` also removes running, paused and half-removed containers.
    pub fn can_remove(self, force: bool) -> bool {
        force || matches!(self, State::Created | State::Stopped | State::Exited)
    }

    /// `exec` is allowed.
    pub fn can_exec(self) -> bool {
        self == State::Running
    }

    /// True while a process may be alive.
    pub fn is_active(self) -> bool {
        matches!(self, State::Running | State::Paused)
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            State::Created => "created",
            State::Running => "running",
            State::Paused => "paused",
            State::Stopped => "stopped",
            State::Exited => "exited",
            State::Removing => "removing",
        })
    }
}

/// A stored container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerRecord {
    /// 64 hex digits, random; filled in by [`Store::create_container`] when empty.
    pub id: String,
    /// Unique; a random `adjective_noun` when empty at creation.
    pub name: String,
    /// The image's id (64 hex digits).
    pub image_id: String,
    /// What the user named the image by (a full name, or the id).
    pub image_name: String,
    /// RFC 3339; filled in at creation when empty.
    pub created: String,
    /// The process arguments of the spec (entrypoint + command).
    pub command: Vec<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub state: State,
    /// The exit status once exited; `-1` means unknown (the supervisor died before recording it).
    #[serde(default)]
    pub exit_code: Option<i32>,
    #[serde(default)]
    pub started_at: Option<String>,
    #[serde(default)]
    pub finished_at: Option<String>,
    /// The supervisor's pid while running (or the container's, without a supervisor).
    #[serde(default)]
    pub pid: Option<i32>,
    /// `--rm`: removed when it exits.
    #[serde(default)]
    pub rm: bool,
    /// `overlay` or `vfs`.
    pub storage_driver: String,
    /// Names of the volumes the container mounts (named and anonymous); a volume in this list
    /// is in use (see [`super::volumes`]).
    #[serde(default)]
    pub volumes: Vec<String>,
    /// `--runtime`: the external OCI runtime (a name looked up in PATH, or a path) the supervisor
    /// runs the bundle with; `None` is the built-in runtime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
    /// What `stop` sends first: `--stop-signal`, else the image's `StopSignal` (a name such as
    /// `SIGTERM` or a number); `None` means SIGTERM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_signal: Option<String>,
    /// `--stop-timeout`: seconds `stop` waits after the stop signal before SIGKILL; `None`
    /// means the default (10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_timeout: Option<u32>,
    /// `-i`: the container's stdin is a pipe fed by attached clients.
    #[serde(default)]
    pub interactive: bool,
    /// The entrypoint and command that make up `command` (for `inspect`).
    #[serde(default)]
    pub entrypoint: Vec<String>,
    #[serde(default)]
    pub cmd: Vec<String>,
    /// Restarts by the restart policy in the last run (podman's `RestartCount`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub restart_count: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The directories of one container (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerDirs {
    pub root: PathBuf,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub merged: PathBuf,
    pub bundle: PathBuf,
    pub userdata: PathBuf,
}

impl ContainerDirs {
    /// The layout under `root`.
    pub fn under(root: PathBuf) -> ContainerDirs {
        ContainerDirs {
            upper: root.join("upper"),
            work: root.join("work"),
            merged: root.join("merged"),
            bundle: root.join("bundle"),
            userdata: root.join("userdata"),
            root,
        }
    }

    fn all_subdirs(&self) -> [&Path; 5] {
        [&self.upper, &self.work, &self.merged, &self.bundle, &self.userdata]
    }
}

/// What [`Store::repair_containers`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContainerRepair {
    /// Container directories without a record, removed.
    pub orphan_dirs_removed: usize,
    /// Running or paused records whose process is gone, now exited with code -1.
    pub marked_exited: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ContainersFile {
    version: u32,
    containers: Vec<ContainerRecord>,
}

/// The exit code recorded when a container's process vanished without one (podman's choice).
pub const EXIT_CODE_UNKNOWN: i32 = -1;

/// A new random container id (64 hex digits).
pub fn new_id() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// Whether `name` is a valid container name (podman's rule).
pub fn is_valid_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
}

const ADJECTIVES: [&str; 24] = [
    "brave", "busy", "calm", "clever", "eager", "elated", "fervent", "gallant", "happy", "jolly", "keen",
    "lucid", "mellow", "nifty", "noble", "patient", "quirky", "serene", "sharp", "stoic", "swift", "tender",
    "vibrant", "zen",
];

const NOUNS: [&str; 24] = [
    "albattani",
    "babbage",
    "bohr",
    "curie",
    "darwin",
    "einstein",
    "euler",
    "fermat",
    "galileo",
    "hopper",
    "hypatia",
    "kepler",
    "lovelace",
    "meitner",
    "newton",
    "noether",
    "pascal",
    "ritchie",
    "shannon",
    "tesla",
    "thompson",
    "turing",
    "wozniak",
    "yonath",
];

/// A podman-style random name, `adjective_noun`.
pub fn random_name() -> String {
    use rand::seq::SliceRandom;
    let mut rng = rand::thread_rng();
    format!("{}_{}", ADJECTIVES.choose(&mut rng).unwrap(), NOUNS.choose(&mut rng).unwrap())
}

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// Exact name, then exact id, then unique id prefix.
fn find<'a>(containers: &'a [ContainerRecord], key: &str) -> Result<&'a ContainerRecord> {
    if let Some(c) = containers.iter().find(|c| c.name == key || c.id == key) {
        return Ok(c);
    }
    let prefix = key.to_ascii_lowercase();
    if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
        let matches: Vec<_> = containers.iter().filter(|c| c.id.starts_with(&prefix)).collect();
        match matches.as_slice() {
            [one] => return Ok(one),
            [] => {}
            many => {
                return Err(Error::Ambiguous {
                    key: key.to_owned(),
                    candidates: many.iter().map(|c| format!("{} ({})", short(&c.id), c.name)).collect(),
                })
            }
        }
    }
    Err(Error::NotFound { key: key.to_owned() })
}

/// True when `pid` names no process (`kill(pid, 0)` fails with ESRCH).
fn pid_gone(pid: i32) -> bool {
    pid <= 0
        || matches!(
            nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None),
            Err(nix::errno::Errno::ESRCH)
        )
}

impl Store {
    fn containers_path(&self) -> PathBuf {
        self.root().join("containers.json")
    }

    fn containers_lock_path(&self) -> PathBuf {
        self.root().join("containers.lock")
    }

    fn containers_dir(&self) -> PathBuf {
        self.root().join("containers")
    }

    fn scratch_dir(&self) -> PathBuf {
        self.root().join("tmp")
    }

    /// The directories of container `id` (whether or not it exists).
    pub fn container_dirs(&self, id: &str) -> ContainerDirs {
        ContainerDirs::under(self.containers_dir().join(id))
    }

    /// Reads containers.json; the caller holds `containers.lock`.
    fn read_containers(&self) -> Result<ContainersFile> {
        let path = self.containers_path();
        match fs_err::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|source| super::Error::Corrupt { path, source }.into())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(ContainersFile { version: 1, containers: vec![] })
            }
            Err(e) => Err(super::Error::Io { path, source: e }.into()),
        }
    }

    /// Rewrites containers.json atomically; the caller holds `containers.lock` exclusively.
    fn write_containers(&self, file: &mut ContainersFile) -> Result<()> {
        file.version = 1;
        let path = self.containers_path();
        let json = serde_json::to_vec_pretty(file).expect("container records serialize");
        write_atomic(&path, &json).map_err(|source| super::Error::Io { path, source }.into())
    }

    fn load_containers_shared(&self) -> Result<Vec<ContainerRecord>> {
        let _lock = Lock::shared(&self.containers_lock_path())?;
        Ok(self.read_containers()?.containers)
    }

    /// Every container, in creation order.
    pub fn list_containers(&self) -> Result<Vec<ContainerRecord>> {
        self.load_containers_shared()
    }

    /// The container with this exact name or id, else the one whose id starts with `key`; an
    /// ambiguous prefix is an error listing the candidates.
    pub fn find_container(&self, key: &str) -> Result<ContainerRecord> {
        find(&self.load_containers_shared()?, key).cloned()
    }

    /// Ids of the images containers use. Safe to call from the `in_use` hook of
    /// [`Store::remove_image`] (it takes only `containers.lock`).
    pub fn images_in_use(&self) -> Result<HashSet<String>> {
        Ok(self.load_containers_shared()?.into_iter().map(|c| c.image_id).collect())
    }

    /// Stores a new container with empty directories. See [`Store::create_container_with`].
    pub fn create_container(&self, rec: ContainerRecord) -> Result<ContainerRecord> {
        self.create_container_with(rec, |_| Ok::<(), Error>(()))
    }

    /// Stores a new container. An empty id or name is generated; an empty `created` is now.
    /// `prepare` fills the container's directories while they are still a scratch entry (the
    /// paths it gets are temporary: anything that must name the final paths uses
    /// [`Store::container_dirs`]). The directories and the record appear together, or neither.
    pub fn create_container_with<E: From<Error>>(
        &self,
        mut rec: ContainerRecord,
        prepare: impl FnOnce(&ContainerDirs) -> Result<(), E>,
    ) -> Result<ContainerRecord, E> {
        if rec.id.is_empty() {
            rec.id = new_id();
        }
        if !is_hex64(&rec.id) {
            return Err(Error::InvalidId { id: rec.id }.into());
        }
        if !rec.name.is_empty() && !is_valid_name(&rec.name) {
            return Err(Error::InvalidName { name: rec.name }.into());
        }
        if rec.created.is_empty() {
            rec.created = now();
        }
        // Fail early on a taken name, before the (maybe slow) preparation.
        if !rec.name.is_empty() {
            if let Some(owner) = self.load_containers_shared()?.iter().find(|c| c.name == rec.name) {
                return Err(Error::NameInUse { name: rec.name, owner: owner.id.clone() }.into());
            }
        }
        create_private_dir(&self.containers_dir()).map_err(Error::from)?;
        let staging = Scratch::new(&self.scratch_dir(), "ctr-").map_err(Error::from)?;
        let dirs = ContainerDirs::under(staging.path().to_owned());
        for d in std::iter::once(dirs.root.as_path()).chain(dirs.all_subdirs()) {
            create_private_dir(d).map_err(Error::from)?;
        }
        // The overlay root takes the upper dir's mode, and the vfs root is `merged` itself: the
        // container's `/` must be searchable by its non-root users.
        for d in [&dirs.upper, &dirs.merged] {
            use std::os::unix::fs::PermissionsExt;
            fs_err::set_permissions(d, std::fs::Permissions::from_mode(0o755))
                .map_err(|source| Error::from(super::Error::Io { path: d.clone(), source }))?;
        }
        prepare(&dirs)?;

        // Under store.lock (shared) the image cannot be removed while we commit.
        let _store = Lock::shared(&self.store_lock_path()).map_err(Error::from)?;
        if !self.read_images().map_err(Error::from)?.images.iter().any(|i| i.id == rec.image_id) {
            return Err(Error::from(super::Error::ImageNotFound { name: rec.image_id }).into());
        }
        let _lock = Lock::exclusive(&self.containers_lock_path()).map_err(Error::from)?;
        let mut file = self.read_containers()?;
        if let Some(owner) = file.containers.iter().find(|c| c.name == rec.name) {
            return Err(Error::NameInUse { name: rec.name, owner: owner.id.clone() }.into());
        }
        if file.containers.iter().any(|c| c.id == rec.id) {
            return Err(Error::InvalidId { id: rec.id }.into());
        }
        while rec.name.is_empty() || file.containers.iter().any(|c| c.name == rec.name) {
            rec.name = random_name();
            if file.containers.iter().any(|c| c.name == rec.name) {
                // Small word list: add a digit suffix once it gets crowded.
                rec.name = format!("{}{}", random_name(), rand::random::<u16>() % 100);
            }
        }
        let final_dir = self.containers_dir().join(&rec.id);
        fs_err::rename(staging.path(), &final_dir)
            .map_err(|source| Error::from(super::Error::Io { path: final_dir.clone(), source }))?;
        staging.persisted();
        file.containers.push(rec.clone());
        if let Err(e) = self.write_containers(&mut file) {
            let _ = remove_any(&final_dir);
            return Err(e.into());
        }
        Ok(rec)
    }

    /// Applies `change` to container `id` (full id) under the exclusive lock and saves it when it
    /// changed.
    /// Returns what `change` returned; when it returns `Err`, nothing is saved.
    pub fn update_container<T, E: From<Error>>(
        &self,
        id: &str,
        change: impl FnOnce(&mut ContainerRecord) -> Result<T, E>,
    ) -> Result<T, E> {
        let _lock = Lock::exclusive(&self.containers_lock_path()).map_err(Error::from)?;
        let mut file = self.read_containers()?;
        let rec = file
            .containers
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::NotFound { key: id.to_owned() })?;
        let before = rec.clone();
        let out = change(rec)?;
        // An update that changes nothing writes nothing (no fsync, no rename).
        if *rec != before {
            self.write_containers(&mut file)?;
        }
        Ok(out)
    }

    /// Gives container `id` the name `new_name` (which must be free).
    pub fn rename_container(&self, id: &str, new_name: &str) -> Result<ContainerRecord> {
        if !is_valid_name(new_name) {
            return Err(Error::InvalidName { name: new_name.to_owned() });
        }
        let _lock = Lock::exclusive(&self.containers_lock_path())?;
        let mut file = self.read_containers()?;
        if let Some(owner) = file.containers.iter().find(|c| c.name == new_name && c.id != id) {
            return Err(Error::NameInUse { name: new_name.to_owned(), owner: owner.id.clone() });
        }
        let rec = file
            .containers
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::NotFound { key: id.to_owned() })?;
        rec.name = new_name.to_owned();
        let out = rec.clone();
        self.write_containers(&mut file)?;
        Ok(out)
    }

    /// Removes container `id`'s record and directories. Refused while its `merged` directory is
    /// a mount point. The caller checked the state. Returns the removed record.
    pub fn remove_container(&self, id: &str) -> Result<ContainerRecord> {
        self.remove_container_if(id, |_| Ok::<(), Error>(()))
    }

    /// [`Store::remove_container`] when `check` accepts the record as it is under the lock (the
    /// state check and the removal in one write of the records); `check`'s error changes nothing.
    pub fn remove_container_if<E: From<Error>>(
        &self,
        id: &str,
        check: impl FnOnce(&ContainerRecord) -> std::result::Result<(), E>,
    ) -> std::result::Result<ContainerRecord, E> {
        let dirs = self.container_dirs(id);
        let trash = {
            let _lock = Lock::exclusive(&self.containers_lock_path()).map_err(Error::from)?;
            let mut file = self.read_containers()?;
            let pos = file
                .containers
                .iter()
                .position(|c| c.id == id)
                .ok_or_else(|| Error::NotFound { key: id.to_owned() })?;
            check(&file.containers[pos])?;
            if is_mount_point(&dirs.merged) {
                return Err(Error::StillMounted { id: id.to_owned(), path: dirs.merged }.into());
            }
            let gone = file.containers.remove(pos);
            // The record goes first (written durably): a crash after this leaves an orphan
            // directory, which repair removes, whether or not the rename below reached the disk
            // (so the directory is not synced after it).
            self.write_containers(&mut file)?;
            let trash = Scratch::new(&self.scratch_dir(), "trash-ctr-").map_err(Error::from)?;
            match fs_err::rename(&dirs.root, trash.path()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::from(super::Error::Io { path: dirs.root, source: e }).into()),
            }
            (gone, trash)
        };
        let (gone, trash) = trash;
        remove_any(trash.path()).map_err(super::Error::io(trash.path())).map_err(Error::from)?;
        drop(trash);
        Ok(gone)
    }

    /// Repair: removes container directories without a record (unless mounted), and turns
    /// running or paused records whose process is gone into exited ones with exit code
    /// [`EXIT_CODE_UNKNOWN`] (podman does the same when conmon died without an exit file).
    /// Records in state `Removing` are left for `rm -f`.
    pub fn repair_containers(&self) -> Result<ContainerRepair> {
        let mut report = ContainerRepair::default();
        let dir = self.containers_dir();
        let mut orphans = Vec::new();
        {
            let _lock = Lock::exclusive(&self.containers_lock_path())?;
            let mut file = self.read_containers()?;
            let mut changed = false;
            for c in file.containers.iter_mut().filter(|c| c.state.is_active()) {
                if c.pid.is_none_or(pid_gone) {
                    tracing::warn!(container = %c.id, pid = ?c.pid, "process gone; marking the container exited");
                    c.state = State::Exited;
                    c.exit_code = Some(EXIT_CODE_UNKNOWN);
                    c.finished_at = Some(now());
                    c.pid = None;
                    report.marked_exited += 1;
                    changed = true;
                }
            }
            if changed {
                self.write_containers(&mut file)?;
            }
            let known: HashSet<&str> = file.containers.iter().map(|c| c.id.as_str()).collect();
            let entries = match fs_err::read_dir(&dir) {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(report),
                Err(e) => return Err(super::Error::Io { path: dir, source: e }.into()),
            };
            for entry in entries {
                let entry = entry.map_err(super::Error::io(&dir))?;
                let name = entry.file_name();
                let Some(name) = name.to_str() else { continue };
                if known.contains(name) || is_mount_point(&self.container_dirs(name).merged) {
                    continue;
                }
                let trash = Scratch::new(&self.scratch_dir(), "trash-ctr-")?;
                fs_err::rename(entry.path(), trash.path()).map_err(super::Error::io(entry.path()))?;
                orphans.push(trash);
            }
        }
        for trash in orphans {
            tracing::warn!(path = %trash.path().display(), "removing container directory without a record");
            remove_any(trash.path()).map_err(super::Error::io(trash.path()))?;
            report.orphan_dirs_removed += 1;
        }
        Ok(report)
    }
}

/// True when `path` is a mount point (its device differs from its parent's).
pub fn is_mount_point(path: &Path) -> bool {
    let (Ok(m), Some(Ok(p))) = (fs_err::symlink_metadata(path), path.parent().map(fs_err::metadata)) else {
        return false;
    };
    m.dev() != p.dev() || m.ino() == p.ino()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testutil::{sha, TarBuilder};
    use crate::storage::{chain_id, ImageRecord, LayerExpect, LayerRef, StoreOptions};

    fn open(t: &tempfile::TempDir) -> Store {
        Store::open(t.path(), StoreOptions::default()).unwrap()
    }

    fn image(store: &Store) -> ImageRecord {
        let tar = TarBuilder::new().file("f", b"f").finish();
        let chain = chain_id(None, &sha(&tar));
        let expect = LayerExpect {
            blob_digest: sha(&tar),
            blob_size: None,
            diff_id: sha(&tar),
            chain_id: chain.clone(),
            media_type: "application/vnd.oci.image.layer.v1.tar".into(),
        };
        store.ingest_layer(&tar[..], expect, &|_| {}).unwrap();
        let config = b"{}".to_vec();
        let manifest = b"{\"m\":1}".to_vec();
        store.blobs().put(&sha(&config), &config).unwrap();
        store.blobs().put(&sha(&manifest), &manifest).unwrap();
        store
            .put_image(ImageRecord {
                id: sha(&config)[7..].to_owned(),
                names: vec!["r/img:1".into()],
                digest: sha(&manifest),
                repo_digests: vec![],
                manifest_media_type: String::new(),
                config_digest: sha(&config),
                layers: vec![LayerRef {
                    chain_id: chain,
                    diff_id: sha(&tar),
                    blob_digest: sha(&tar),
                    media_type: String::new(),
                    size: 1,
                }],
                created: None,
                size: 0,
                pulled_at: String::new(),
                insecure_origin: false,
                names_history: Vec::new(),
                list_sources: Default::default(),
            })
            .unwrap()
    }

    fn record(image_id: &str, name: &str) -> ContainerRecord {
        ContainerRecord {
            id: String::new(),
            name: name.into(),
            image_id: image_id.into(),
            image_name: "r/img:1".into(),
            created: String::new(),
            command: vec!["sh".into()],
            labels: BTreeMap::new(),
            state: State::Created,
            exit_code: None,
            started_at: None,
            finished_at: None,
            pid: None,
            rm: false,
            storage_driver: "vfs".into(),
            volumes: vec![],
            runtime: None,
            stop_signal: None,
            stop_timeout: None,
            interactive: false,
            entrypoint: vec![],
            cmd: vec!["sh".into()],
            restart_count: 0,
        }
    }

    #[test]
    fn create_find_rename_remove() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let img = image(&store);
        let a = store.create_container(record(&img.id, "web")).unwrap();
        assert!(is_hex64(&a.id));
        for d in store.container_dirs(&a.id).all_subdirs() {
            assert!(d.is_dir(), "{}", d.display());
        }
        let mode = |d: &Path| fs_err::metadata(d).unwrap().mode() & 0o777;
        let dirs = store.container_dirs(&a.id);
        assert_eq!((mode(&dirs.upper), mode(&dirs.merged), mode(&dirs.work)), (0o755, 0o755, 0o700));
        let b = store.create_container(record(&img.id, "")).unwrap();
        assert!(b.name.contains('_'), "{}", b.name);
        assert_eq!(store.find_container("web").unwrap().id, a.id);
        assert_eq!(store.find_container(&a.id[..5]).unwrap().id, a.id);
        assert!(matches!(store.find_container("nope"), Err(Error::NotFound { .. })));

        let err = store.create_container(record(&img.id, "web")).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the container name \"web\" is already in use by {}; remove that container or choose another name",
                a.id
            )
        );
        assert!(matches!(store.rename_container(&b.id, "web"), Err(Error::NameInUse { .. })));
        assert!(matches!(store.rename_container(&b.id, "-bad"), Err(Error::InvalidName { .. })));
        store.rename_container(&b.id, "db").unwrap();
        assert_eq!(store.find_container("db").unwrap().id, b.id);

        assert_eq!(store.images_in_use().unwrap(), HashSet::from([img.id.clone()]));
        let in_use = |id: &str| store.images_in_use().map(|s| s.contains(id)).unwrap_or(true);
        assert!(matches!(store.remove_image(&img.id, &in_use), Err(super::super::Error::ImageInUse { .. })));

        store.remove_container(&a.id).unwrap();
        assert!(!store.container_dirs(&a.id).root.exists());
        store.remove_container(&b.id).unwrap();
        assert!(store.list_containers().unwrap().is_empty());
        assert_eq!(fs_err::read_dir(t.path().join("tmp")).unwrap().count(), 0);
        store.remove_image(&img.id, &in_use).unwrap();
    }

    #[test]
    fn ambiguous_prefix_lists_candidates() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let img = image(&store);
        let mut one = record(&img.id, "one");
        one.id = format!("ab{}", "0".repeat(62));
        let mut two = record(&img.id, "two");
        two.id = format!("ab{}", "1".repeat(62));
        store.create_container(one).unwrap();
        store.create_container(two).unwrap();
        let err = store.find_container("ab").unwrap_err();
        assert!(matches!(&err, Error::Ambiguous { candidates, .. } if candidates.len() == 2), "{err}");
        assert_eq!(store.find_container("ab0").unwrap().name, "one");
    }

    #[test]
    fn failed_prepare_or_missing_image_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let img = image(&store);
        let r = store.create_container_with(record(&img.id, "x"), |d| {
            fs_err::write(d.bundle.join("config.json"), b"{}").unwrap();
            Err(Error::InvalidName { name: "boom".into() })
        });
        assert!(r.is_err());
        assert!(matches!(
            store.create_container(record(&"f".repeat(64), "y")),
            Err(Error::Store(super::super::Error::ImageNotFound { .. }))
        ));
        assert!(store.list_containers().unwrap().is_empty());
        assert_eq!(fs_err::read_dir(t.path().join("containers")).unwrap().count(), 0);
        assert_eq!(fs_err::read_dir(t.path().join("tmp")).unwrap().count(), 0);
    }

    #[test]
    fn update_applies_or_leaves_unchanged() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let img = image(&store);
        let c = store.create_container(record(&img.id, "x")).unwrap();
        let r: Result<(), Error> = store.update_container(&c.id, |rec| {
            rec.state = State::Running;
            Err(Error::NotFound { key: "refused".into() })
        });
        assert!(r.is_err());
        assert_eq!(store.find_container("x").unwrap().state, State::Created);
        store
            .update_container(&c.id, |rec| {
                rec.state = State::Running;
                rec.pid = Some(std::process::id() as i32);
                Ok::<_, Error>(())
            })
            .unwrap();
        assert_eq!(store.find_container("x").unwrap().state, State::Running);
    }

    #[test]
    fn repair_marks_dead_running_exited_and_removes_orphans() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let img = image(&store);
        let alive = store.create_container(record(&img.id, "alive")).unwrap();
        let dead = store.create_container(record(&img.id, "dead")).unwrap();
        let mark = |id: &str, pid: i32| {
            store
                .update_container(id, |r| {
                    r.state = State::Running;
                    r.pid = Some(pid);
                    Ok::<_, Error>(())
                })
                .unwrap()
        };
        mark(&alive.id, std::process::id() as i32);
        // Above any pid_max: surely gone.
        mark(&dead.id, i32::MAX - 7);
        fs_err::create_dir_all(store.container_dirs(&"e".repeat(64)).upper).unwrap();

        let report = store.repair_containers().unwrap();
        assert_eq!(report, ContainerRepair { orphan_dirs_removed: 1, marked_exited: 1 });
        let d = store.find_container("dead").unwrap();
        assert_eq!((d.state, d.exit_code, d.pid), (State::Exited, Some(EXIT_CODE_UNKNOWN), None));
        assert_eq!(store.find_container("alive").unwrap().state, State::Running);
        assert!(store.container_dirs(&alive.id).root.is_dir());
        assert!(!store.container_dirs(&"e".repeat(64)).root.exists());
    }

    #[test]
    fn state_rules() {
        assert!(State::Created.can_start() && State::Exited.can_start() && !State::Running.can_start());
        assert!(State::Running.can_stop() && State::Paused.can_stop() && !State::Exited.can_stop());
        assert!(!State::Running.can_remove(false) && State::Running.can_remove(true));
        assert!(State::Exited.can_remove(false) && !State::Removing.can_remove(false));
        assert!(State::Running.can_exec() && !State::Created.can_exec());
        assert_eq!(serde_json::to_string(&State::Exited).unwrap(), "\"exited\"");
        assert!(
            is_valid_name("a.b-c_1") && !is_valid_name("") && !is_valid_name("_x") && !is_valid_name("a b")
        );
    }
}
