//! Scratch entries: temporary files or directories in `ROOT/tmp/` and `ROOT/layers/tmp/`,
//! each owned by whoever holds the flock on `<entry>.lock`.
//!
//! The owner creates and locks `<entry>.lock` before creating the entry, and on drop deletes the
//! entry before unlinking the lock. So an entry whose lock file is missing, or whose lock can be
//! taken, belongs to a process that is gone: [`sweep`] deletes exactly those.

use std::io;
use std::path::{Path, PathBuf};

use super::lock::Lock;
use super::{random_name, Error};

/// A scratch path guarded by its lock; deleted on drop unless [`Scratch::persisted`] is called.
#[derive(Debug)]
pub(crate) struct Scratch {
    path: PathBuf,
    lock: Option<Lock>,
}

impl Scratch {
    /// Reserves a new random name `<dir>/<prefix><rand>`; the entry itself is not created.
    pub(crate) fn new(dir: &Path, prefix: &str) -> Result<Scratch, Error> {
        loop {
            let path = dir.join(random_name(prefix));
            let lock = Lock::exclusive(&lock_path(&path))?;
            if fs_err::symlink_metadata(&path).is_ok() {
                continue; // name taken by a leftover; let repair deal with it
            }
            return Ok(Scratch { path, lock: Some(lock) });
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The entry was renamed away: only the lock file is left to remove.
    pub(crate) fn persisted(mut self) {
        if let Some(lock) = self.lock.take() {
            lock.unlink();
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(lock) = self.lock.take() {
            if let Err(e) = remove_any(&self.path) {
                tracing::warn!(path = %self.path.display(), error = %e, "cannot remove scratch entry");
            }
            lock.unlink();
        }
    }
}

fn lock_path(entry: &Path) -> PathBuf {
    let mut s = entry.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// Removes a file or a directory tree; a missing path is fine.
pub(crate) fn remove_any(path: &Path) -> io::Result<()> {
    let result = match fs_err::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs_err::remove_dir_all(path),
        Ok(_) => fs_err::remove_file(path),
        Err(e) => Err(e),
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Deletes the abandoned entries of a scratch directory; returns how many entries were removed.
pub(crate) fn sweep(dir: &Path) -> Result<usize, Error> {
    let mut removed = 0;
    let names: Vec<_> = fs_err::read_dir(dir)
        .map_err(Error::io(dir))?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    for name in names {
        let path = dir.join(&name);
        let (entry, lock) = match name.to_str().and_then(|n| n.strip_suffix(".lock")) {
            Some(stem) => (dir.join(stem), path.clone()),
            None => (path.clone(), lock_path(&path)),
        };
        let is_lock_file = path == lock;
        if !is_lock_file && lock.exists() {
            continue; // handled through its lock file
        }
        let held = if is_lock_file {
            match Lock::try_exclusive_existing(&lock)? {
                Some(l) => Some(l),
                None => continue, // owner alive (or already gone)
            }
        } else {
            None
        };
        if fs_err::symlink_metadata(&entry).is_ok() {
            remove_any(&entry).map_err(Error::io(&entry))?;
            removed += 1;
        }
        if let Some(l) = held {
            l.unlink();
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_removes_entry_and_lock() {
        let t = tempfile::tempdir().unwrap();
        let s = Scratch::new(t.path(), "x-").unwrap();
        fs_err::create_dir(s.path()).unwrap();
        fs_err::write(s.path().join("f"), b"1").unwrap();
        drop(s);
        assert_eq!(fs_err::read_dir(t.path()).unwrap().count(), 0);
    }

    #[test]
    fn sweep_keeps_live_entries_and_removes_dead_ones() {
        let t = tempfile::tempdir().unwrap();
        let live = Scratch::new(t.path(), "").unwrap();
        fs_err::write(live.path(), b"live").unwrap();
        // Dead owner with a lock file, and one whose lock file is already gone.
        fs_err::create_dir(t.path().join("dead1")).unwrap();
        fs_err::write(t.path().join("dead1.lock"), b"").unwrap();
        fs_err::write(t.path().join("dead2"), b"").unwrap();
        assert_eq!(sweep(t.path()).unwrap(), 2);
        let mut left: Vec<_> = fs_err::read_dir(t.path()).unwrap().map(|e| e.unwrap().path()).collect();
        left.sort();
        assert_eq!(left, vec![live.path().to_owned(), lock_path(live.path())]);
        drop(live);
        assert_eq!(fs_err::read_dir(t.path()).unwrap().count(), 0);
    }
}
