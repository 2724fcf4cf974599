//! Questions about the host and its processes that the engine asks (it makes no syscall itself):
//! the kernel release, a filesystem's type, write access, whether a process exists.

use std::path::Path;

/// The kernel release (`uname -r`), if uname answers.
pub fn kernel_release() -> Option<String> {
    nix::sys::utsname::uname().ok().map(|u| u.release().to_string_lossy().into_owned())
}

/// The filesystem type (`f_type` of statfs) of `path`, if it can be asked.
pub fn filesystem_type(path: &Path) -> Option<i64> {
    nix::sys::statfs::statfs(path).ok().map(|s| s.filesystem_type().0)
}

/// Makes `root` this process's root directory and `/` its working directory, then moves to
/// `workdir` when it exists there (a helper child that works inside a container's root).
pub fn enter_root(root: &Path, workdir: &str) -> nix::Result<()> {
    nix::unistd::chroot(root)?;
    nix::unistd::chdir("/")?;
    // A working directory that does not exist (yet) leaves relative paths relative to /.
    let _ = nix::unistd::chdir(workdir);
    Ok(())
}

/// Sets the access and modification times of `path` to `secs`.`nsecs`, not following a final
/// symlink (so a symlink gets its own times); best effort.
pub fn set_times_nofollow(path: &Path, secs: i64, nsecs: i64) {
    use nix::sys::stat::{utimensat, UtimensatFlags};
    let t = nix::sys::time::TimeSpec::new(secs, nsecs);
    let _ = utimensat(None, path, &t, &t, UtimensatFlags::NoFollowSymlink);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_about_the_host() {
        assert!(kernel_release().is_some_and(|r| !r.is_empty()));
        assert!(filesystem_type(Path::new("/")).is_some());
        assert!(filesystem_type(Path::new("/no/such/dir")).is_none());
    }
}
