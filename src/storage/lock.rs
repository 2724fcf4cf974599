//! Advisory file locks (`flock(2)`), released when the [`Lock`] is dropped.
//!
//! A lock file may be unlinked by whoever holds it exclusively (see [`Lock::unlink`]). To make
//! that safe, acquiring re-checks after `flock` that the path still names the locked inode and
//! starts over if it does not; a lock on an unlinked inode protects nothing.
//!
//! Lock order, to avoid deadlocks between commands (take them in this order, release in any):
//! 0. `ROOT/manifests.lock`: one edit of a manifest list (`engine::manifests`), before the rest;
//! 1. `ROOT/store.lock`: images.json; held exclusively while removing layers and blobs;
//! 2. `ROOT/layers/<chain-hex>.lock`: one layer, for its whole ingest or removal;
//! 3. `<scratch>.lock`: one staging dir, trash dir or blob temporary, held by its owner.
//!
//! Never take `store.lock` while holding a layer lock. flock locks belong to the open file
//! description, so two `Lock`s on one path conflict even inside one process (threads included).

use fs_err::os::unix::fs::OpenOptionsExt;
use std::fs::File;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{Flock, FlockArg};

use super::Error;

/// A held advisory lock on a file.
#[derive(Debug)]
pub struct Lock {
    _file: Flock<File>,
    path: PathBuf,
}

impl Lock {
    /// Takes an exclusive lock on `path` (created if missing), waiting for other holders.
    pub fn exclusive(path: &Path) -> Result<Lock, Error> {
        acquire(path, FlockArg::LockExclusive, true).map(|l| l.expect("blocking lock"))
    }

    /// Takes a shared lock on `path` (created if missing), waiting for an exclusive holder.
    pub fn shared(path: &Path) -> Result<Lock, Error> {
        acquire(path, FlockArg::LockShared, true).map(|l| l.expect("blocking lock"))
    }

    /// Takes an exclusive lock on `path` (created if missing) if nobody holds it.
    pub fn try_exclusive(path: &Path) -> Result<Option<Lock>, Error> {
        acquire(path, FlockArg::LockExclusiveNonblock, true)
    }

    /// Like [`Lock::try_exclusive`] but never creates the file: `None` if it is missing or held.
    pub(crate) fn try_exclusive_existing(path: &Path) -> Result<Option<Lock>, Error> {
        acquire(path, FlockArg::LockExclusiveNonblock, false)
    }

    /// The locked file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Unlinks the lock file, then releases the lock. Only for exclusive holders.
    pub(crate) fn unlink(self) {
        if let Err(e) = fs_err::remove_file(&self.path) {
            if e.kind() != io::ErrorKind::NotFound {
                tracing::debug!(path = %self.path.display(), error = %e, "cannot remove lock file");
            }
        }
    }
}

fn acquire(path: &Path, arg: FlockArg, create: bool) -> Result<Option<Lock>, Error> {
    let err = |source: io::Error| Error::Lock { path: path.to_owned(), source };
    loop {
        let file = match fs_err::OpenOptions::new()
            .read(true)
            .write(true)
            .create(create)
            .mode(0o600)
            .custom_flags(libc::O_CLOEXEC | libc::O_NOFOLLOW)
            .open(path)
        {
            Ok(f) => std::fs::File::from(f),
            Err(e) if !create && e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(err(e)),
        };
        let locked = match Flock::lock(file, arg) {
            Ok(l) => l,
            Err((_, Errno::EWOULDBLOCK)) => return Ok(None),
            Err((_, e)) => return Err(err(e.into())),
        };
        let held = locked.metadata().map_err(err)?;
        match fs_err::symlink_metadata(path) {
            Ok(now) if now.ino() == held.ino() && now.dev() == held.dev() => {
                return Ok(Some(Lock { _file: locked, path: path.to_owned() }));
            }
            // Unlinked (and maybe recreated) by a holder between our open and flock.
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if create {
                    continue;
                }
                return Ok(None);
            }
            Err(e) => return Err(err(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lock;

    #[test]
    fn exclusive_excludes_and_drop_releases() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.lock");
        let a = Lock::exclusive(&p).unwrap();
        assert!(Lock::try_exclusive(&p).unwrap().is_none());
        drop(a);
        let b = Lock::try_exclusive(&p).unwrap();
        assert!(b.is_some());
    }

    #[test]
    fn shared_locks_coexist_but_exclude_exclusive() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.lock");
        let _a = Lock::shared(&p).unwrap();
        let _b = Lock::shared(&p).unwrap();
        assert!(Lock::try_exclusive(&p).unwrap().is_none());
    }

    #[test]
    fn unlinked_lock_is_not_reused() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("x.lock");
        let a = Lock::exclusive(&p).unwrap();
        a.unlink();
        assert!(!p.exists());
        assert!(Lock::try_exclusive_existing(&p).unwrap().is_none());
        let _b = Lock::exclusive(&p).unwrap();
        assert!(p.exists());
    }
}
