//! The vfs backend: a container's root filesystem as a plain copy of its image's layers.
//!
//! [`populate`] copies the layers bottom first into an empty target, applying each layer's
//! overlay markers as the kernel would: a 0/0 character device is a whiteout (the path below
//! it is deleted and nothing is created), and a directory with the opaque xattr
//! (`user.overlay.opaque` or `trusted.overlay.opaque` = `y`) hides what lower layers put in it.
//! Modes, owners, xattrs (overlay's own excepted), symlinks, hardlinks within a layer, mtimes
//! and, where permitted, device nodes and fifos are kept; what cannot be kept is logged at debug
//! level and skipped.
//!
//! Path safety: the layers come from the store, which refused `..` and symlinked parents when
//! unpacking. The walk never follows a symlink (it reads with `symlink_metadata`), and a target
//! entry of the wrong kind is removed before the new one is created, so a symlink in a lower
//! layer is replaced, never written through.

use std::collections::HashMap;
use std::fs::Permissions;
use std::io;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::sys::stat::{utimensat, UtimensatFlags};
use nix::sys::time::TimeSpec;

/// Errors of the vfs backend.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot copy {} to {}", from.display(), to.display())]
    Copy {
        from: PathBuf,
        to: PathBuf,
        #[source]
        source: io::Error,
    },
}

const OPAQUE_XATTRS: [&str; 2] = ["user.overlay.opaque", "trusted.overlay.opaque"];

/// Copies `lowers` (bottom-most first) into `target` (an existing, usually empty, directory).
pub fn populate(lowers: &[PathBuf], target: &Path) -> Result<(), Error> {
    for layer in lowers {
        let mut copier = Copier { links: HashMap::new(), dirs: Vec::new() };
        copier.copy_dir_contents(layer, target)?;
        // Directory times last, deepest first, so creating children does not undo them.
        for (dir, meta) in copier.dirs.iter().rev() {
            set_times(dir, meta);
        }
    }
    Ok(())
}

struct Copier {
    /// (dev, ino) of a multiply-linked source file -> its first copy, for hardlinks.
    links: HashMap<(u64, u64), PathBuf>,
    /// Directories whose times are set at the end.
    dirs: Vec<(PathBuf, std::fs::Metadata)>,
}

fn err(from: &Path, to: &Path) -> impl FnOnce(io::Error) -> Error {
    let (from, to) = (from.to_owned(), to.to_owned());
    move |source| Error::Copy { from, to, source }
}

fn is_whiteout(m: &std::fs::Metadata) -> bool {
    m.file_type().is_char_device() && m.rdev() == 0
}

fn is_opaque(dir: &Path) -> bool {
    OPAQUE_XATTRS.iter().any(|x| xattr::get(dir, x).ok().flatten().as_deref() == Some(b"y".as_slice()))
}

/// Removes a file or a directory tree, never following a symlink; a missing path is fine.
fn remove(path: &Path) -> io::Result<()> {
    let r = match fs_err::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs_err::remove_dir_all(path),
        Ok(_) => fs_err::remove_file(path),
        Err(e) => Err(e),
    };
    match r {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn clear_dir(dir: &Path) -> io::Result<()> {
    for e in fs_err::read_dir(dir)? {
        remove(&e?.path())?;
    }
    Ok(())
}

impl Copier {
    fn copy_dir_contents(&mut self, from: &Path, to: &Path) -> Result<(), Error> {
        let mut entries: Vec<_> = fs_err::read_dir(from)
            .map_err(err(from, to))?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<io::Result<_>>()
            .map_err(err(from, to))?;
        entries.sort();
        for name in entries {
            self.copy_entry(&from.join(&name), &to.join(&name))?;
        }
        Ok(())
    }

    fn copy_entry(&mut self, from: &Path, to: &Path) -> Result<(), Error> {
        let meta = fs_err::symlink_metadata(from).map_err(err(from, to))?;
        let existing = fs_err::symlink_metadata(to).ok();
        if is_whiteout(&meta) {
            return remove(to).map_err(err(from, to));
        }
        let ft = meta.file_type();
        if ft.is_dir() {
            match existing {
                Some(m) if m.is_dir() => {
                    if is_opaque(from) {
                        clear_dir(to).map_err(err(from, to))?;
                    }
                }
                Some(_) => {
                    remove(to).map_err(err(from, to))?;
                    fs_err::create_dir(to).map_err(err(from, to))?;
                }
                None => fs_err::create_dir(to).map_err(err(from, to))?,
            }
            self.set_owner_xattrs(from, to, &meta);
            fs_err::set_permissions(to, Permissions::from_mode(meta.mode() & 0o7777))
                .map_err(err(from, to))?;
            self.copy_dir_contents(from, to)?;
            self.dirs.push((to.to_owned(), meta));
            return Ok(());
        }
        if existing.is_some() {
            remove(to).map_err(err(from, to))?;
        }
        if ft.is_file() && meta.nlink() > 1 {
            if let Some(first) = self.links.get(&(meta.dev(), meta.ino())) {
                return fs_err::hard_link(first, to).map_err(err(from, to));
            }
            self.links.insert((meta.dev(), meta.ino()), to.to_owned());
        }
        if ft.is_file() {
            fs_err::copy(from, to).map_err(err(from, to))?;
        } else if ft.is_symlink() {
            let target = fs_err::read_link(from).map_err(err(from, to))?;
            std::os::unix::fs::symlink(target, to).map_err(err(from, to))?;
        } else {
            let kind = nix::sys::stat::SFlag::from_bits_truncate(meta.mode() & libc::S_IFMT);
            let mode = nix::sys::stat::Mode::from_bits_truncate(meta.mode() & 0o7777);
            if let Err(e) = nix::sys::stat::mknod(to, kind, mode, meta.rdev()) {
                tracing::debug!(path = %to.display(), error = %e, "cannot create special file, skipping");
                return Ok(());
            }
        }
        self.set_owner_xattrs(from, to, &meta);
        if !ft.is_symlink() {
            // After chown, which clears setuid/setgid bits.
            fs_err::set_permissions(to, Permissions::from_mode(meta.mode() & 0o7777))
                .map_err(err(from, to))?;
        }
        set_times(to, &meta);
        Ok(())
    }

    fn set_owner_xattrs(&self, from: &Path, to: &Path, meta: &std::fs::Metadata) {
        if let Err(e) = std::os::unix::fs::lchown(to, Some(meta.uid()), Some(meta.gid())) {
            tracing::debug!(path = %to.display(), error = %e, "cannot chown");
        }
        let Ok(names) = xattr::list(from) else { return };
        for name in names {
            let n = name.to_string_lossy();
            if n.starts_with("user.overlay.") || n.starts_with("trusted.overlay.") {
                continue;
            }
            if let Ok(Some(value)) = xattr::get(from, &name) {
                if let Err(e) = xattr::set(to, &name, &value) {
                    tracing::debug!(path = %to.display(), name = %n, error = %e, "cannot set xattr");
                }
            }
        }
    }
}

fn set_times(path: &Path, meta: &std::fs::Metadata) {
    let atime = TimeSpec::new(meta.atime(), meta.atime_nsec());
    let mtime = TimeSpec::new(meta.mtime(), meta.mtime_nsec());
    if let Err(e) = utimensat(None, path, &atime, &mtime, UtimensatFlags::NoFollowSymlink) {
        tracing::debug!(path = %path.display(), error = %e, "cannot set times");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nix::sys::stat::{makedev, mknod, Mode, SFlag};

    fn whiteout(p: &Path) {
        mknod(p, SFlag::S_IFCHR, Mode::empty(), makedev(0, 0)).unwrap();
    }

    #[test]
    fn applies_whiteouts_opaque_dirs_and_keeps_metadata() {
        let t = tempfile::tempdir().unwrap();
        let (l0, l1, dst) = (t.path().join("l0"), t.path().join("l1"), t.path().join("dst"));
        for d in [&l0, &l1, &dst] {
            fs_err::create_dir(d).unwrap();
        }
        // Bottom layer.
        fs_err::create_dir_all(l0.join("etc")).unwrap();
        fs_err::write(l0.join("etc/passwd"), "root").unwrap();
        fs_err::write(l0.join("gone"), "x").unwrap();
        fs_err::create_dir_all(l0.join("opq/sub")).unwrap();
        fs_err::write(l0.join("opq/old"), "x").unwrap();
        fs_err::write(l0.join("bin"), "setuid").unwrap();
        std::os::unix::fs::lchown(l0.join("bin"), Some(5), Some(6)).unwrap();
        fs_err::set_permissions(l0.join("bin"), Permissions::from_mode(0o4755)).unwrap();
        fs_err::write(l0.join("a"), "hard").unwrap();
        fs_err::hard_link(l0.join("a"), l0.join("b")).unwrap();
        std::os::unix::fs::symlink("etc/passwd", l0.join("link")).unwrap();
        fs_err::write(l0.join("becomes-dir"), "x").unwrap();
        // Top layer.
        whiteout(&l1.join("gone"));
        fs_err::create_dir(l1.join("opq")).unwrap();
        xattr::set(l1.join("opq"), "trusted.overlay.opaque", b"y").unwrap();
        fs_err::write(l1.join("opq/new"), "y").unwrap();
        fs_err::create_dir(l1.join("becomes-dir")).unwrap();
        fs_err::create_dir(l1.join("etc")).unwrap();
        fs_err::write(l1.join("etc/passwd"), "root2").unwrap();

        populate(&[l0.clone(), l1.clone()], &dst).unwrap();

        assert!(!dst.join("gone").exists());
        assert_eq!(fs_err::read_to_string(dst.join("etc/passwd")).unwrap(), "root2");
        let opq: Vec<_> =
            fs_err::read_dir(dst.join("opq")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(opq, vec![std::ffi::OsString::from("new")]);
        assert!(xattr::get(dst.join("opq"), "trusted.overlay.opaque").unwrap().is_none());
        let m = fs_err::metadata(dst.join("bin")).unwrap();
        assert_eq!((m.mode() & 0o7777, m.uid(), m.gid()), (0o4755, 5, 6));
        let (a, b) = (fs_err::metadata(dst.join("a")).unwrap(), fs_err::metadata(dst.join("b")).unwrap());
        assert_eq!(a.ino(), b.ino());
        assert_eq!(fs_err::read_link(dst.join("link")).unwrap(), Path::new("etc/passwd"));
        assert!(dst.join("becomes-dir").is_dir());
    }
}
