//! The kernel overlayfs backend.
//!
//! Rootless mounts use the `userxattr` option (Linux >= 5.11): overlay then keeps its metadata in
//! `user.overlay.*` xattrs, which an unprivileged user namespace may write.
//!
//! Mount options are copied by the kernel into one page, so deep images (30+ layers under a long
//! store path) do not fit. [`mount_overlay`] then opens every directory as an `O_PATH`
//! descriptor and names it `/proc/self/fd/<n>` (about 17 bytes each, whatever the store path),
//! the same trick as podman's short `l/` links but without a `chdir`, which would change the
//! working directory of every thread. The descriptors are closed once the mount is made: the
//! kernel holds the layers by then.

use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use nix::mount::{mount, umount2, MntFlags, MsFlags};

/// Errors of the overlay backend.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot prepare {path}")]
    Prepare {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the kernel refused to mount overlay with options {options}")]
    Mount {
        options: String,
        #[source]
        source: nix::Error,
    },
    #[error("overlay mounted but a write through it did not reach the upper directory")]
    NotCopyOnWrite,
    #[error("an overlay needs at least one lower layer")]
    NoLowerLayers,
    #[error("cannot open overlay directory {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{layers} layers do not fit in the kernel's mount option limit ({len} of {max} bytes)")]
    TooManyLayers { layers: usize, len: usize, max: usize },
    #[error("cannot unmount {path}")]
    Unmount {
        path: PathBuf,
        #[source]
        source: nix::Error,
    },
}

/// The longest option string the kernel accepts (one page, with its terminating NUL).
pub const MAX_OPTIONS_LEN: usize = 4095;

/// Mounts an overlay of `lowers` (top-most first), `upper` and `work` on `target`.
/// `userxattr` is for mounts made inside a user namespace (rootless).
pub fn mount_overlay(
    lowers: &[PathBuf],
    upper: &Path,
    work: &Path,
    target: &Path,
    userxattr: bool,
) -> Result<(), Error> {
    mount_overlay_with(lowers, upper, work, target, userxattr, false)
}

/// [`mount_overlay`], and with `volatile` the overlay never syncs its upper filesystem (not even
/// at unmount, which otherwise flushes the whole upper filesystem): for containers removed when
/// they exit, whose writes need not survive a crash (podman mounts `--rm` containers so too).
/// The kernel marks such a pair (`WORK/work/incompat/volatile`) and refuses to mount it again
/// until the mark is removed. Only `--rm` containers are mounted volatile, and their upper
/// directory is thrown away with them, so the mark is removed before each mount (a volume's
/// copy-up, `cp` or `mount` may mount the pair again while the container exists).
pub fn mount_overlay_with(
    lowers: &[PathBuf],
    upper: &Path,
    work: &Path,
    target: &Path,
    userxattr: bool,
    volatile: bool,
) -> Result<(), Error> {
    let options = |lower: &[&Path], upper: &Path, work: &Path, userxattr: bool| {
        let o = options(lower, upper, work, userxattr);
        if volatile {
            o + ",volatile"
        } else {
            o
        }
    };
    if lowers.is_empty() {
        return Err(Error::NoLowerLayers);
    }
    if fs_err::remove_dir_all(work.join("work/incompat/volatile")).is_ok() {
        tracing::debug!(work = %work.display(), "removed the mark of an earlier volatile mount");
    }
    let direct: Vec<&Path> = lowers.iter().map(PathBuf::as_path).collect();
    let opts = options(&direct, upper, work, userxattr);
    // Paths the option syntax cannot carry unescaped also go through descriptors.
    let awkward = |p: &Path| p.to_string_lossy().contains([',', ':', '\\']);
    let plain = !awkward(upper) && !awkward(work) && !direct.iter().any(|p| awkward(p));
    if plain && opts.len() <= MAX_OPTIONS_LEN {
        return mount_with(target, opts);
    }
    let mut fds = Vec::with_capacity(lowers.len() + 2);
    for p in direct.iter().copied().chain([upper, work]) {
        fds.push(open_path(p)?);
    }
    let names: Vec<PathBuf> =
        fds.iter().map(|fd| PathBuf::from(format!("/proc/self/fd/{}", fd.as_raw_fd()))).collect();
    let (short_lowers, rest) = names.split_at(lowers.len());
    let short_lowers: Vec<&Path> = short_lowers.iter().map(PathBuf::as_path).collect();
    let opts = options(&short_lowers, &rest[0], &rest[1], userxattr);
    if opts.len() > MAX_OPTIONS_LEN {
        return Err(Error::TooManyLayers { layers: lowers.len(), len: opts.len(), max: MAX_OPTIONS_LEN });
    }
    let result = mount_with(target, opts);
    drop(fds);
    result
}

fn open_path(p: &Path) -> Result<OwnedFd, Error> {
    use fs_err::os::unix::fs::OpenOptionsExt;
    // O_PATH ignores the access mode; std needs one to be set.
    fs_err::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_PATH | libc::O_DIRECTORY)
        .open(p)
        .map(OwnedFd::from)
        .map_err(|source| Error::Open { path: p.to_owned(), source })
}

fn mount_with(target: &Path, opts: String) -> Result<(), Error> {
    mount(Some("overlay"), target, Some("overlay"), MsFlags::empty(), Some(opts.as_str()))
        .map_err(|source| Error::Mount { options: opts, source })
}

/// Lazily unmounts `target` (`MNT_DETACH`). Returns false when nothing was mounted there.
pub fn unmount(target: &Path) -> Result<bool, Error> {
    match umount2(target, MntFlags::MNT_DETACH) {
        Ok(()) => Ok(true),
        Err(nix::Error::EINVAL) | Err(nix::Error::ENOENT) => Ok(false),
        Err(source) => Err(Error::Unmount { path: target.to_owned(), source }),
    }
}

/// The mount options for `lower` (top-most first), `upper` and `work`.
pub fn options(lower: &[&Path], upper: &Path, work: &Path, userxattr: bool) -> String {
    let lowers: Vec<String> = lower.iter().map(|p| p.display().to_string()).collect();
    let mut o =
        format!("lowerdir={},upperdir={},workdir={}", lowers.join(":"), upper.display(), work.display());
    if userxattr {
        o.push_str(",userxattr");
    }
    o
}

/// Mounts a small overlay under `dir`, writes through it and unmounts. Must run in a mount
/// namespace of its own (the caller forks for it); `dir` must be empty or absent.
pub fn probe(dir: &Path, userxattr: bool) -> Result<(), Error> {
    let prep = |p: &Path| -> Result<(), Error> {
        fs_err::create_dir_all(p).map_err(|source| Error::Prepare { path: p.to_path_buf(), source })
    };
    let (lower, upper, work, merged) = (dir.join("l"), dir.join("u"), dir.join("w"), dir.join("m"));
    for p in [&lower, &upper, &work, &merged] {
        prep(p)?;
    }
    fs_err::write(lower.join("f"), b"lower")
        .map_err(|source| Error::Prepare { path: lower.join("f"), source })?;
    let opts = options(&[&lower], &upper, &work, userxattr);
    mount(Some("overlay"), &merged, Some("overlay"), MsFlags::empty(), Some(opts.as_str()))
        .map_err(|source| Error::Mount { options: opts.clone(), source })?;
    let wrote = fs_err::write(merged.join("f"), b"upper").is_ok();
    let _ = umount2(&merged, MntFlags::MNT_DETACH);
    if !wrote || fs_err::read(upper.join("f")).ok().as_deref() != Some(b"upper".as_slice()) {
        return Err(Error::NotCopyOnWrite);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unmounts on drop, so a failed assertion does not leave a mount behind.
    struct Mounted<'a>(&'a Path);

    impl Drop for Mounted<'_> {
        fn drop(&mut self) {
            let _ = unmount(self.0);
        }
    }

    fn layers(base: &Path, n: usize) -> Vec<PathBuf> {
        // Top-most first.
        (0..n)
            .rev()
            .map(|i| {
                let d = base.join(format!("layer-{i:03}"));
                fs_err::create_dir_all(&d).unwrap();
                fs_err::write(d.join(format!("f{i}")), format!("{i}")).unwrap();
                fs_err::write(d.join("top"), format!("{i}")).unwrap();
                d
            })
            .collect()
    }

    fn check_mount(base: &Path, n: usize) {
        let lowers = layers(base, n);
        let (upper, work, merged) = (base.join("upper"), base.join("work"), base.join("merged"));
        for d in [&upper, &work, &merged] {
            fs_err::create_dir_all(d).unwrap();
        }
        mount_overlay(&lowers, &upper, &work, &merged, false).unwrap();
        let guard = Mounted(&merged);
        assert_eq!(fs_err::read_to_string(merged.join("top")).unwrap(), format!("{}", n - 1));
        assert_eq!(fs_err::read_to_string(merged.join("f0")).unwrap(), "0");
        fs_err::write(merged.join("new"), "w").unwrap();
        assert_eq!(fs_err::read_to_string(upper.join("new")).unwrap(), "w");
        drop(guard);
        assert!(!merged.join("new").exists());
        assert!(!unmount(&merged).unwrap());
    }

    #[test]
    fn mounts_and_unmounts_an_overlay() {
        if !nix::unistd::geteuid().is_root() {
            return; // mounting needs root (the unit tests run as root)
        }
        let t = tempfile::tempdir().unwrap();
        check_mount(t.path(), 3);
    }

    #[test]
    fn deep_images_with_long_paths_use_short_names() {
        if !nix::unistd::geteuid().is_root() {
            return;
        }
        let t = tempfile::tempdir().unwrap();
        let base = t.path().join("x".repeat(200));
        let lowers = layers(&base, 40);
        let refs: Vec<&Path> = lowers.iter().map(PathBuf::as_path).collect();
        assert!(options(&refs, &base, &base, true).len() > MAX_OPTIONS_LEN);
        check_mount(&base, 40);
    }

    #[test]
    fn no_lower_layers_is_an_error() {
        let t = tempfile::tempdir().unwrap();
        let r = mount_overlay(&[], t.path(), t.path(), t.path(), false);
        assert!(matches!(r, Err(Error::NoLowerLayers)));
    }
}
