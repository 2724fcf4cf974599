//! Pod records: `ROOT/pods/<id>.json`, one file per pod, each written atomically (temporary name,
//! fsync, rename), guarded by `ROOT/pods/pods.lock` (flock; shared to read a consistent set,
//! exclusive to change one).
//!
//! A pod is a name, labels and settings; its containers are ordinary container records whose
//! network settings name the pod (see `crate::network::Config::pod`), and its infra container
//! (when it has one) holds the namespaces the pod's containers share.
//!
//! Lock order: `pods.lock` is taken before `containers.lock` (a pod's infra container is created
//! and removed while the pod's lock is held) and never while holding it.
//!
//! Crash safety: a record is written before its infra container is created and updated with the
//! container's id after; a `kill -9` in between leaves a pod whose infra id is missing or names
//! no container, which every reader treats as a pod without a running infra and `pod rm` removes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Errors of the pod records.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("damaged pod record {path}")]
    Damaged {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("no pod with name or ID {key} found: no such pod")]
    NotFound { key: String },
    #[error("more than one pod matches {key}: give more of the id")]
    Ambiguous { key: String },
}

impl Error {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }
}

/// What happens to a pod when its last container (infra aside) exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ExitPolicy {
    /// The infra container keeps running (podman's default).
    #[default]
    Continue,
    /// The infra container is stopped too.
    Stop,
}

impl std::fmt::Display for ExitPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ExitPolicy::Continue => "continue",
            ExitPolicy::Stop => "stop",
        })
    }
}

/// One pod.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodRecord {
    /// 64 hex digits.
    pub id: String,
    /// Unique among pods.
    pub name: String,
    /// RFC 3339.
    pub created: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// The hostname of the pod's shared uts namespace.
    pub hostname: String,
    /// The namespaces its containers share (`ipc`, `net`, `uts`, `pid`, `cgroup`), sorted.
    #[serde(default)]
    pub share: Vec<String>,
    /// `--infra` (default true): whether the pod has an infra container.
    pub infra: bool,
    /// The infra container's id, once created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infra_id: Option<String>,
    /// `--network` as given (empty: the default).
    #[serde(default)]
    pub networks: Vec<String>,
    /// `--network host`.
    #[serde(default)]
    pub host_network: bool,
    #[serde(default)]
    pub exit_policy: ExitPolicy,
}

/// The pod records under a directory (`ROOT/pods`).
#[derive(Debug, Clone)]
pub struct Pods {
    dir: PathBuf,
}

/// A held `pods.lock` (a [`super::lock::Lock`]: re-checked against unlinking like the others).
pub type Guard = super::lock::Lock;

impl Pods {
    pub fn new(dir: impl Into<PathBuf>) -> Pods {
        Pods { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn lock(&self, exclusive: bool) -> Result<Guard, Error> {
        fs_err::create_dir_all(&self.dir)
            .map_err(|source| Error::Write { path: self.dir.clone(), source })?;
        let path = self.dir.join("pods.lock");
        let held = if exclusive { Guard::exclusive(&path) } else { Guard::shared(&path) };
        held.map_err(|e| match e {
            super::Error::Lock { path, source } => Error::Write { path, source },
            other => Error::Write { path, source: std::io::Error::other(other.to_string()) },
        })
    }

    /// Locks the records for a change.
    pub fn lock_exclusive(&self) -> Result<Guard, Error> {
        self.lock(true)
    }

    /// Locks the records for reading.
    pub fn lock_shared(&self) -> Result<Guard, Error> {
        self.lock(false)
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Every pod, oldest first. A record removed while listing is skipped.
    pub fn list(&self) -> Result<Vec<PodRecord>, Error> {
        let entries = match fs_err::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(Error::Read { path: self.dir.clone(), source }),
        };
        let mut out: Vec<PodRecord> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(stem) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json"))
            else {
                continue;
            };
            if stem.len() != 64 || !stem.bytes().all(|b| b.is_ascii_hexdigit()) {
                continue;
            }
            let bytes = match fs_err::read(&path) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => return Err(Error::Read { path, source }),
            };
            out.push(serde_json::from_slice(&bytes).map_err(|source| Error::Damaged { path, source })?);
        }
        out.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The pod named `key`, else with id `key`, else whose id starts with `key`.
    pub fn find(&self, key: &str) -> Result<PodRecord, Error> {
        let all = self.list()?;
        if let Some(p) = all.iter().find(|p| p.name == key || p.id == key) {
            return Ok(p.clone());
        }
        let key_lc = key.to_ascii_lowercase();
        let by_id: Vec<&PodRecord> =
            all.iter().filter(|p| !key.is_empty() && p.id.starts_with(&key_lc)).collect();
        match by_id.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::NotFound { key: key.to_string() }),
            _ => Err(Error::Ambiguous { key: key.to_string() }),
        }
    }

    /// Writes a pod's record (call with the exclusive lock held).
    pub fn write(&self, pod: &PodRecord) -> Result<(), Error> {
        let path = self.path(&pod.id);
        fs_err::create_dir_all(&self.dir)
            .map_err(|source| Error::Write { path: self.dir.clone(), source })?;
        let text = serde_json::to_vec_pretty(pod).expect("a pod serializes");
        crate::sys::atomic::write_atomic(&path, &text).map_err(|source| Error::Write { path, source })
    }

    /// Removes a pod's record (call with the exclusive lock held); a missing one is not an error.
    pub fn remove(&self, id: &str) -> Result<(), Error> {
        let path = self.path(id);
        match fs_err::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(Error::Write { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(id: char, name: &str, created: &str) -> PodRecord {
        PodRecord {
            id: std::iter::repeat_n(id, 64).collect(),
            name: name.into(),
            created: created.into(),
            labels: BTreeMap::new(),
            hostname: name.into(),
            share: vec!["ipc".into(), "net".into(), "uts".into()],
            infra: true,
            infra_id: None,
            networks: Vec::new(),
            host_network: false,
            exit_policy: ExitPolicy::Continue,
        }
    }

    #[test]
    fn records_are_written_found_and_removed() {
        let t = tempfile::tempdir().unwrap();
        let pods = Pods::new(t.path().join("pods"));
        assert!(pods.list().unwrap().is_empty());
        let _g = pods.lock_exclusive().unwrap();
        pods.write(&pod('b', "web", "2026-01-02")).unwrap();
        pods.write(&pod('a', "db", "2026-01-01")).unwrap();
        let names: Vec<_> = pods.list().unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["db", "web"]);
        assert_eq!(pods.find("web").unwrap().name, "web");
        assert_eq!(pods.find("aaa").unwrap().name, "db");
        assert!(pods.find("c").unwrap_err().is_not_found());
        pods.remove(&"a".repeat(64)).unwrap();
        pods.remove(&"a".repeat(64)).unwrap();
        assert_eq!(pods.list().unwrap().len(), 1);
        assert!(!t.path().join("pods").read_dir().unwrap().any(|e| {
            let n = e.unwrap().file_name();
            n.to_string_lossy().contains(".tmp")
        }));
    }
}
