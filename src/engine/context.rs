//! The resolved settings every use case runs with: where state lives, whether we are rootless, and
//! the identity mapping in force. Built once per command by `cli`, before any thread starts.

use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::userns::{self, Identity, Mapping};

/// Environment variables `skiff unshare` sets for the command it runs, so that a nested `skiff`
/// knows it is already inside the storage namespace and which store it belongs to.
pub const ENV_IN_USERNS: &str = "_SKIFF_USERNS_CONFIGURED";
pub const ENV_ROOT: &str = "SKIFF_ROOT";
pub const ENV_RUNROOT: &str = "SKIFF_RUNROOT";

/// Errors while preparing the store and the namespace.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("storage path {path} exists and is not a directory")]
    NotADirectory { path: PathBuf },
    #[error("cannot create storage directory {path}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("storage directory {path} is not writable")]
    NotWritable { path: PathBuf },
    #[error("run-time directory {path} is owned by uid {owner}, not by you (uid {uid})")]
    RunrootNotOwned { path: PathBuf, owner: u32, uid: u32 },
    #[error("cannot enter the rootless user namespace")]
    Userns(#[from] userns::Error),
}

pub use crate::rootfs::StorageDriver;
impl Error {
    /// What the user can do about this error, for the CLI's `hint:` line. A failure to enter the
    /// user namespace has its own (on its source, [`userns::Error::hint`]).
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NotADirectory { .. } => Some(
                "--root and --runroot must name directories; pass another path or remove the file".into(),
            ),
            Error::CreateDir { .. } | Error::NotWritable { .. } => Some(
                "pass a writable directory with --root/--runroot, or fix the permissions of the one named"
                    .into(),
            ),
            Error::RunrootNotOwned { .. } => Some(
                "another user owns that directory; pass your own with --runroot or set XDG_RUNTIME_DIR"
                    .into(),
            ),
            Error::Userns(_) => None,
        }
    }
}

/// Where state lives for this invocation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paths {
    /// Persistent state: images, layers, containers, volumes.
    pub graph_root: PathBuf,
    /// Run-time state: pids, sockets, mount points, probe caches.
    pub run_root: PathBuf,
    /// User configuration (registries.conf, auth).
    pub config_dir: PathBuf,
}

/// Everything a use case needs to know about the invocation.
#[derive(Debug, Clone)]
pub struct Context {
    pub paths: Paths,
    pub identity: Identity,
    /// True when skiff runs as an ordinary user (ids mapped through a user namespace).
    pub rootless: bool,
    /// Set by `--storage-driver`; `None` means choose automatically.
    pub storage_driver: Option<StorageDriver>,
    /// The mapping in force once the namespace is joined (or the identity mapping when rootful).
    pub mapping: Option<Mapping>,
}

impl Context {
    /// Resolves the default paths, honouring overrides, the environment set by `skiff unshare`, and
    /// rootful mode (uid 0 in the initial user namespace).
    pub fn resolve(root: Option<PathBuf>, runroot: Option<PathBuf>, driver: Option<StorageDriver>) -> Self {
        let identity = Identity::current();
        let nested = std::env::var_os(ENV_IN_USERNS).is_some() && userns::in_child_namespace();
        let rootless = nested || !identity.is_root();
        let env_path = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        let (def_root, def_run, def_conf) = if !rootless {
            (PathBuf::from("/var/lib/skiff"), PathBuf::from("/run/skiff"), PathBuf::from("/etc/skiff"))
        } else {
            let data = dirs::data_dir().unwrap_or_else(|| home().join(".local/share"));
            let conf = dirs::config_dir().unwrap_or_else(|| home().join(".config"));
            let run = dirs::runtime_dir()
                .filter(|d| is_usable_dir(d))
                .map(|d| d.join("skiff"))
                .unwrap_or_else(|| PathBuf::from(format!("/tmp/skiff-{}", identity.uid)));
            (data.join("skiff"), run, conf.join("skiff"))
        };
        let graph_root = root.or_else(|| nested.then(|| env_path(ENV_ROOT)).flatten()).unwrap_or(def_root);
        let run_root = runroot.or_else(|| nested.then(|| env_path(ENV_RUNROOT)).flatten()).unwrap_or(def_run);
        Context {
            paths: Paths { graph_root, run_root, config_dir: def_conf },
            identity,
            rootless,
            storage_driver: driver,
            mapping: None,
        }
    }

    /// True when this process already runs inside skiff's user namespace (`skiff unshare`).
    pub fn already_joined(&self) -> bool {
        std::env::var_os(ENV_IN_USERNS).is_some() && userns::in_child_namespace()
    }

    /// True when this process runs in a user namespace other than the initial one (skiff's own,
    /// `skiff unshare`, or the one of a container joined for `--network container:NAME`).
    pub fn in_user_namespace(&self) -> bool {
        userns::in_child_namespace()
    }

    /// Replaces this process with `argv` (the program searched in `PATH`), telling it that it
    /// runs inside skiff's user namespace and with which paths, so that a skiff it runs uses
    /// them (`skiff unshare`). Call it after [`Context::enter`]; returns only on an error.
    pub fn exec_inside(&self, argv: &[std::ffi::OsString]) -> std::io::Error {
        std::env::set_var(ENV_IN_USERNS, "1");
        std::env::set_var(ENV_ROOT, &self.paths.graph_root);
        std::env::set_var(ENV_RUNROOT, &self.paths.run_root);
        crate::sys::exec_path(argv)
    }

    /// Whether the warning that only the user's own id is mapped is due: true the first time for
    /// this store (recording that it was given, in `GRAPHROOT/.single-id-warned`), then false.
    pub fn single_id_warning_due(&self) -> bool {
        let marker = self.paths.graph_root.join(".single-id-warned");
        if marker.exists() {
            return false;
        }
        let _ = fs_err::write(marker, b"");
        true
    }

    /// Creates the storage and run-time directories (mode 0700), checking that they are usable.
    pub fn prepare_dirs(&self) -> Result<(), Error> {
        ensure_dir(&self.paths.graph_root)?;
        ensure_dir(&self.paths.run_root)?;
        if self.rootless && !self.already_joined() {
            let meta = fs_err::metadata(&self.paths.run_root)
                .map_err(|source| Error::CreateDir { path: self.paths.run_root.clone(), source })?;
            if meta.uid() != self.identity.uid {
                return Err(Error::RunrootNotOwned {
                    path: self.paths.run_root.clone(),
                    owner: meta.uid(),
                    uid: self.identity.uid,
                });
            }
        }
        Ok(())
    }

    /// Prepares the directories and, when rootless, moves this single-threaded process into the
    /// storage user + mount namespace. Returns true when the user has no subordinate ids.
    pub fn enter(&mut self) -> Result<bool, Error> {
        self.prepare_dirs()?;
        if !self.rootless {
            self.mapping = Some(identity_mapping());
            return Ok(false);
        }
        if self.already_joined() {
            self.mapping = Some(current_mapping());
            return Ok(self.mapping.as_ref().is_some_and(|m| m.is_single()));
        }
        let joined = userns::join(&self.identity)?;
        self.mapping = Some(joined.mapping);
        Ok(joined.single_id)
    }
}

fn identity_mapping() -> Mapping {
    let all = vec![userns::IdMap { container_id: 0, host_id: 0, size: u32::MAX }];
    Mapping { uid_map: all.clone(), gid_map: all }
}

fn parse_map(text: &str) -> Vec<userns::IdMap> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<u32> = l.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            (f.len() == 3).then(|| userns::IdMap { container_id: f[0], host_id: f[1], size: f[2] })
        })
        .collect()
}

/// The mapping of the namespace this process is in, read from /proc.
pub fn current_mapping() -> Mapping {
    let read = |p: &str| fs_err::read_to_string(p).unwrap_or_default();
    Mapping {
        uid_map: parse_map(&read("/proc/self/uid_map")),
        gid_map: parse_map(&read("/proc/self/gid_map")),
    }
}

fn home() -> PathBuf {
    dirs::home_dir().unwrap_or_else(|| PathBuf::from("/tmp"))
}

fn is_usable_dir(p: &Path) -> bool {
    p.is_dir() && crate::sys::writable(p, false)
}

fn ensure_dir(path: &Path) -> Result<(), Error> {
    match fs_err::metadata(path) {
        Ok(m) if !m.is_dir() => return Err(Error::NotADirectory { path: path.to_path_buf() }),
        Ok(_) => {}
        Err(_) => {
            // A parent that is a file gives ENOTDIR; name the path the user gave.
            if let Some(bad) = path.ancestors().skip(1).find(|a| a.exists() && !a.is_dir()) {
                return Err(Error::NotADirectory { path: bad.to_path_buf() });
            }
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(path)
                .map_err(|source| Error::CreateDir { path: path.to_path_buf(), source })?;
        }
    }
    if !crate::sys::writable(path, true) {
        return Err(Error::NotWritable { path: path.to_path_buf() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_maps() {
        let m = parse_map("         0       1000          1\n         1     100000      65536\n");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].host_id, 100000);
        assert_eq!(m[1].size, 65536);
    }

    #[test]
    fn ensure_dir_refuses_files_and_names_them() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("file");
        fs_err::write(&f, "x").unwrap();
        assert!(matches!(ensure_dir(&f), Err(Error::NotADirectory { path }) if path == f));
        let under = f.join("sub");
        assert!(matches!(ensure_dir(&under), Err(Error::NotADirectory { path }) if path == f));
        let ok = t.path().join("a/b");
        ensure_dir(&ok).unwrap();
        assert!(ok.is_dir());
    }
}
