//! Atomic metadata writes: write a temporary file beside the target, fsync it, rename it over the
//! target, fsync the directory. A crash leaves either the old or the new content, never half.

use std::io::Write;
use std::path::Path;

/// [`write_atomic`] for a file only its owner may read: the file has mode 0600 from its
/// creation, so no other user can open it in between (secrets, containers/storage's records).
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use fs_err::os::unix::fs::OpenOptionsExt;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
    let result = (|| {
        let _ = fs_err::remove_file(&tmp);
        let mut f = fs_err::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs_err::rename(&tmp, path)?;
        fs_err::File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs_err::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename, directory fsync).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
    let result = (|| {
        let mut f = fs_err::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs_err::rename(&tmp, path)?;
        fs_err::File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs_err::remove_file(&tmp);
    }
    result
}

/// Creates `path` (which must not exist) with `bytes` and fsyncs it, without a temporary file or
/// a directory fsync: for files inside a directory that is still private (a staged container
/// directory), which appears whole by one rename later, after which the record that names it is
/// written with [`write_atomic`] (whose fsyncs commit the directory entries as well). The caller
/// fsyncs the private directory once, after its last file.
pub fn write_new_durable(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs_err::File::options().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Fsyncs the directory `dir` (its entries: files created or renamed in it).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs_err::File::open(dir)?.sync_all()
}

/// Replaces `path` with `bytes` through a temporary file and a rename, without fsync: for run-time
/// state (pid files, exit records under the run-time directory, a tmpfs that does not survive a
/// reboot anyway), where readers need all-or-nothing but not durability, and an fsync would cost
/// milliseconds on every container start.
pub fn write_replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
    let result = fs_err::write(&tmp, bytes).and_then(|()| fs_err::rename(&tmp, path));
    if result.is_err() {
        let _ = fs_err::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_content_and_leaves_no_temp() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("meta.json");
        super::write_atomic(&p, b"one").unwrap();
        super::write_atomic(&p, b"two").unwrap();
        assert_eq!(fs_err::read(&p).unwrap(), b"two");
        assert_eq!(fs_err::read_dir(t.path()).unwrap().count(), 1);
        super::write_replace(&p, b"three").unwrap();
        assert_eq!(fs_err::read(&p).unwrap(), b"three");
        assert_eq!(fs_err::read_dir(t.path()).unwrap().count(), 1);
    }

    #[test]
    fn new_durable_file_is_written_once_and_never_replaces() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("config.json");
        super::write_new_durable(&p, b"spec").unwrap();
        super::sync_dir(t.path()).unwrap();
        assert_eq!(fs_err::read(&p).unwrap(), b"spec");
        // A second write to the same path is an error and leaves the first content.
        let e = super::write_new_durable(&p, b"other").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs_err::read(&p).unwrap(), b"spec");
        assert_eq!(fs_err::read_dir(t.path()).unwrap().count(), 1);
    }
}
