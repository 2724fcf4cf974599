//! Content-addressed blobs in `ROOT/blobs/sha256/<hex>`.
//!
//! Bytes are hashed while they stream into a scratch file under `ROOT/tmp/`; only a blob whose
//! digest (and size, when known) matches is renamed into place, so every file in the blob
//! directory is what its name says. A mismatch deletes the temporary and names both digests.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::scratch::Scratch;
use super::{digest_hex, is_hex64, sha256_digest, Error};

/// The blob directory of a store.
#[derive(Debug)]
pub struct Blobs {
    dir: PathBuf,
    tmp: PathBuf,
}

impl Blobs {
    pub(crate) fn new(dir: PathBuf, tmp: PathBuf) -> Blobs {
        Blobs { dir, tmp }
    }

    /// Where the blob `digest` (`sha256:<hex>`) lives, whether or not it is present.
    pub fn path(&self, digest: &str) -> Result<PathBuf, Error> {
        Ok(self.dir.join(digest_hex(digest)?))
    }

    /// Whether the blob is present.
    pub fn has(&self, digest: &str) -> Result<bool, Error> {
        let path = self.path(digest)?;
        match fs_err::symlink_metadata(&path) {
            Ok(m) => Ok(m.is_file()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(Error::Io { path, source: e }),
        }
    }

    /// Opens the blob for reading.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn open(&self, digest: &str) -> Result<File, Error> {
        let path = self.path(digest)?;
        File::open(&path).map_err(|e| self.not_found_or_io(digest, path, e))
    }

    /// Reads the whole blob (for manifests and configs).
    pub fn read(&self, digest: &str) -> Result<Vec<u8>, Error> {
        let path = self.path(digest)?;
        fs_err::read(&path).map_err(|e| self.not_found_or_io(digest, path, e))
    }

    /// The blob's size in bytes.
    pub fn size(&self, digest: &str) -> Result<u64, Error> {
        let path = self.path(digest)?;
        fs_err::metadata(&path).map(|m| m.len()).map_err(|e| self.not_found_or_io(digest, path, e))
    }

    /// Deletes the blob; `false` if it was not there.
    pub fn remove(&self, digest: &str) -> Result<bool, Error> {
        let path = self.path(digest)?;
        match fs_err::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(Error::Io { path, source: e }),
        }
    }

    /// Digests of every blob present.
    pub fn list(&self) -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        for entry in fs_err::read_dir(&self.dir).map_err(Error::io(&self.dir))? {
            let entry = entry.map_err(Error::io(&self.dir))?;
            if let Some(name) = entry.file_name().to_str().filter(|n| is_hex64(n)) {
                out.push(format!("sha256:{name}"));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Starts writing a blob; bytes are hashed as they are written.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn writer(&self) -> Result<BlobWriter<'_>, Error> {
        let scratch = Scratch::new(&self.tmp, "blob-")?;
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(scratch.path())
            .map_err(Error::io(scratch.path()))?;
        Ok(BlobWriter {
            blobs: self,
            file: BufWriter::with_capacity(256 * 1024, file),
            scratch,
            hasher: Sha256::new(),
            size: 0,
        })
    }

    /// Stores `bytes` as the blob `digest`, verifying it first. A blob already present is left
    /// as it is (it was verified when it was stored), after checking `bytes` are what it holds.
    pub fn put(&self, digest: &str, bytes: &[u8]) -> Result<(), Error> {
        digest_hex(digest)?;
        if self.has(digest)? {
            let actual = sha256_digest(Sha256::new_with_prefix(bytes));
            if actual != digest {
                return Err(Error::DigestMismatch { expected: digest.to_owned(), actual });
            }
            return Ok(());
        }
        let mut w = self.writer()?;
        w.write_all(bytes).map_err(Error::io(w.scratch.path()))?;
        w.commit(digest, Some(bytes.len() as u64))
    }

    fn not_found_or_io(&self, digest: &str, path: PathBuf, e: io::Error) -> Error {
        if e.kind() == io::ErrorKind::NotFound {
            Error::BlobNotFound { digest: digest.to_owned() }
        } else {
            Error::Io { path, source: e }
        }
    }
}

/// A blob being written. Dropping it without [`BlobWriter::commit`] deletes the temporary.
#[derive(Debug)]
pub struct BlobWriter<'a> {
    blobs: &'a Blobs,
    file: BufWriter<File>,
    scratch: Scratch,
    hasher: Sha256,
    size: u64,
}

impl BlobWriter<'_> {
    /// Bytes written so far.
    pub fn written(&self) -> u64 {
        self.size
    }

    /// Checks the digest and size, syncs the file and renames it into place.
    pub fn commit(self, expected: &str, expected_size: Option<u64>) -> Result<(), Error> {
        self.finish(expected, expected_size, true)
    }

    /// Like [`BlobWriter::commit`] without the file's fsync, for callers that synced the filesystem.
    pub(crate) fn commit_synced(self, expected: &str, expected_size: Option<u64>) -> Result<(), Error> {
        self.finish(expected, expected_size, false)
    }

    /// The digest of what was written so far would be; used to verify before committing.
    pub(crate) fn digest(&self) -> String {
        sha256_digest(self.hasher.clone())
    }

    fn finish(mut self, expected: &str, expected_size: Option<u64>, sync: bool) -> Result<(), Error> {
        let hex = digest_hex(expected)?;
        let actual = sha256_digest(self.hasher.clone());
        if actual != expected {
            return Err(Error::DigestMismatch { expected: expected.to_owned(), actual });
        }
        if let Some(size) = expected_size.filter(|s| *s != self.size) {
            return Err(Error::SizeMismatch {
                digest: expected.to_owned(),
                expected: size,
                actual: self.size.to_string(),
            });
        }
        let tmp = self.scratch.path().to_owned();
        self.file.flush().map_err(Error::io(&tmp))?;
        if sync {
            self.file.get_ref().sync_all().map_err(Error::io(&tmp))?;
        }
        let dest = self.blobs.dir.join(hex);
        fs_err::rename(&tmp, &dest).map_err(Error::io(&dest))?;
        sync_dir(&self.blobs.dir)?;
        self.scratch.persisted();
        Ok(())
    }
}

impl Write for BlobWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
pub(crate) fn sync_dir(dir: &Path) -> Result<(), Error> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(Error::io(dir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{Store, StoreOptions};

    fn digest_of(bytes: &[u8]) -> String {
        format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
    }

    #[test]
    fn put_open_size_remove() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), StoreOptions::default()).unwrap();
        let b = store.blobs();
        let d = digest_of(b"hello");
        assert!(!b.has(&d).unwrap());
        b.put(&d, b"hello").unwrap();
        assert!(b.has(&d).unwrap());
        assert_eq!(b.size(&d).unwrap(), 5);
        assert_eq!(b.read(&d).unwrap(), b"hello");
        assert_eq!(b.list().unwrap(), vec![d.clone()]);
        assert!(b.remove(&d).unwrap());
        assert!(!b.remove(&d).unwrap());
        assert!(matches!(b.open(&d), Err(Error::BlobNotFound { .. })));
    }

    #[test]
    fn digest_mismatch_names_both_and_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), StoreOptions::default()).unwrap();
        let expected = digest_of(b"good");
        let mut w = store.blobs().writer().unwrap();
        w.write_all(b"evil").unwrap();
        let err = w.commit(&expected, None).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains(&expected) && msg.contains(&digest_of(b"evil")), "{msg}");
        assert!(!store.blobs().has(&expected).unwrap());
        assert_eq!(fs_err::read_dir(t.path().join("tmp")).unwrap().count(), 0);
    }

    #[test]
    fn size_mismatch_is_refused() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), StoreOptions::default()).unwrap();
        let d = digest_of(b"abc");
        let mut w = store.blobs().writer().unwrap();
        w.write_all(b"abc").unwrap();
        assert!(matches!(w.commit(&d, Some(4)), Err(Error::SizeMismatch { .. })));
        assert!(!store.blobs().has(&d).unwrap());
    }

    #[test]
    fn invalid_digest_is_refused() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), StoreOptions::default()).unwrap();
        for bad in ["sha256:../../etc", "md5:abc", "sha256:ABCDEF"] {
            assert!(matches!(store.blobs().path(bad), Err(Error::InvalidDigest { .. })));
        }
    }
}
