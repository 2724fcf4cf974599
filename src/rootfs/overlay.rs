//! The kernel overlayfs backend.
//!
//! Rootless mounts use the `userxattr` option (Linux >= 5.11): overlay then keeps its metadata in
//! `user.overlay.*` xattrs, which an unprivileged user namespace may write.

use std::path::Path;

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
        std::fs::create_dir_all(p).map_err(|source| Error::Prepare { path: p.to_path_buf(), source })
    };
    let (lower, upper, work, merged) = (dir.join("l"), dir.join("u"), dir.join("w"), dir.join("m"));
    for p in [&lower, &upper, &work, &merged] {
        prep(p)?;
    }
    std::fs::write(lower.join("f"), b"lower")
        .map_err(|source| Error::Prepare { path: lower.join("f"), source })?;
    let opts = options(&[&lower], &upper, &work, userxattr);
    mount(Some("overlay"), &merged, Some("overlay"), MsFlags::empty(), Some(opts.as_str()))
        .map_err(|source| Error::Mount { options: opts.clone(), source })?;
    let wrote = std::fs::write(merged.join("f"), b"upper").is_ok();
    let _ = umount2(&merged, MntFlags::MNT_DETACH);
    if !wrote || std::fs::read(upper.join("f")).ok().as_deref() != Some(b"upper".as_slice()) {
        return Err(Error::NotCopyOnWrite);
    }
    Ok(())
}
