//! Secret records: `ROOT/secrets/secrets.json` (every record, rewritten atomically) and one data
//! file per secret, `ROOT/secrets/data/<id>` (mode 0600, written atomically before the record
//! that names it), guarded by `ROOT/secrets/secrets.lock` (flock; shared to read, exclusive to
//! change).
//!
//! Crash safety: a data file is written before the record and removed after it, so a record
//! always has its data; a `kill -9` in between leaves at most a data file no record names, which
//! the next change removes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Errors of the secret records.
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
    #[error("damaged secret records {path}")]
    Damaged {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("no secret with name or id {key:?}: no such secret")]
    NotFound { key: String },
    #[error("{name}: secret name in use")]
    NameInUse { name: String },
}

impl Error {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }
}

/// One secret (its data is in a file of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretRecord {
    /// 25 hex digits, as podman's.
    pub id: String,
    /// Unique among secrets.
    pub name: String,
    /// The driver: `file`.
    pub driver: String,
    #[serde(default)]
    pub driver_options: BTreeMap<String, String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// RFC 3339.
    pub created_at: String,
    pub updated_at: String,
}

/// The secrets under a directory (`ROOT/secrets`).
#[derive(Debug, Clone)]
pub struct Secrets {
    dir: PathBuf,
}

/// A held `secrets.lock`.
pub type Guard = super::lock::Lock;

impl Secrets {
    pub fn new(dir: impl Into<PathBuf>) -> Secrets {
        Secrets { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn lock(&self, exclusive: bool) -> Result<Guard, Error> {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(self.dir.join("data"))
            .map_err(|source| Error::Write { path: self.dir.clone(), source })?;
        let path = self.dir.join("secrets.lock");
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

    fn records_path(&self) -> PathBuf {
        self.dir.join("secrets.json")
    }

    /// Where the data of secret `id` is.
    pub fn data_path(&self, id: &str) -> PathBuf {
        self.dir.join("data").join(id)
    }

    /// Every secret, oldest first.
    pub fn list(&self) -> Result<Vec<SecretRecord>, Error> {
        let path = self.records_path();
        let bytes = match fs_err::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(Error::Read { path, source }),
        };
        let mut all: Vec<SecretRecord> =
            serde_json::from_slice(&bytes).map_err(|source| Error::Damaged { path, source })?;
        all.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        Ok(all)
    }

    /// The secret named `key`, else with id `key`, else the one whose id starts with `key`.
    pub fn find(&self, key: &str) -> Result<SecretRecord, Error> {
        let all = self.list()?;
        if let Some(s) = all.iter().find(|s| s.name == key || s.id == key) {
            return Ok(s.clone());
        }
        let by_id: Vec<&SecretRecord> =
            all.iter().filter(|s| !key.is_empty() && s.id.starts_with(key)).collect();
        match by_id.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(Error::NotFound { key: key.to_string() }),
        }
    }

    /// The data of secret `id`.
    pub fn data(&self, id: &str) -> Result<Vec<u8>, Error> {
        let path = self.data_path(id);
        fs_err::read(&path).map_err(|source| Error::Read { path, source })
    }

    fn write_records(&self, all: &[SecretRecord]) -> Result<(), Error> {
        let path = self.records_path();
        let text = serde_json::to_vec_pretty(all).expect("secrets serialize");
        crate::sys::atomic::write_atomic_private(&path, &text).map_err(|source| Error::Write { path, source })
    }

    /// Adds a secret with its data (call with the exclusive lock held).
    pub fn add(&self, rec: &SecretRecord, data: &[u8]) -> Result<(), Error> {
        let mut all = self.list()?;
        if all.iter().any(|s| s.name == rec.name) {
            return Err(Error::NameInUse { name: rec.name.clone() });
        }
        let path = self.data_path(&rec.id);
        crate::sys::atomic::write_atomic_private(&path, data)
            .map_err(|source| Error::Write { path, source })?;
        all.push(rec.clone());
        self.write_records(&all)?;
        self.sweep(&all);
        Ok(())
    }

    /// Removes secret `id` and its data (call with the exclusive lock held).
    pub fn remove(&self, id: &str) -> Result<(), Error> {
        let mut all = self.list()?;
        let before = all.len();
        all.retain(|s| s.id != id);
        if all.len() == before {
            return Err(Error::NotFound { key: id.to_string() });
        }
        self.write_records(&all)?;
        self.sweep(&all);
        Ok(())
    }

    /// Removes the data files (and temporary files) no record names.
    fn sweep(&self, all: &[SecretRecord]) {
        let Ok(entries) = fs_err::read_dir(self.dir.join("data")) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !all.iter().any(|s| s.id == name) {
                let _ = fs_err::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn rec(id: char, name: &str, created: &str) -> SecretRecord {
        SecretRecord {
            id: std::iter::repeat_n(id, 25).collect(),
            name: name.into(),
            driver: "file".into(),
            driver_options: BTreeMap::new(),
            labels: BTreeMap::new(),
            created_at: created.into(),
            updated_at: created.into(),
        }
    }

    #[test]
    fn secrets_are_added_found_and_removed_with_private_data() {
        let t = tempfile::tempdir().unwrap();
        let s = Secrets::new(t.path().join("secrets"));
        assert!(s.list().unwrap().is_empty());
        let _g = s.lock_exclusive().unwrap();
        s.add(&rec('b', "web", "2026-01-02"), b"pw").unwrap();
        s.add(&rec('a', "db", "2026-01-01"), b"x").unwrap();
        let err = s.add(&rec('c', "db", "2026-01-03"), b"y").unwrap_err();
        assert_eq!(err.to_string(), "db: secret name in use");
        let names: Vec<_> = s.list().unwrap().into_iter().map(|r| r.name).collect();
        assert_eq!(names, ["db", "web"]);
        assert_eq!(s.find("aaa").unwrap().name, "db");
        assert_eq!(s.data(&"b".repeat(25)).unwrap(), b"pw");
        let mode = fs_err::metadata(s.data_path(&"b".repeat(25))).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(s.find("zz").unwrap_err().is_not_found());
        s.remove(&"a".repeat(25)).unwrap();
        assert!(s.remove(&"a".repeat(25)).unwrap_err().is_not_found());
        assert!(!s.data_path(&"a".repeat(25)).exists());
        assert!(!s.data_path(&"c".repeat(25)).exists());
        assert_eq!(s.list().unwrap().len(), 1);
    }
}
