//! The few raw system calls the rest of skiff needs and nix does not wrap (or wraps in a way that
//! needs `unsafe` at the call site). Most of the crate's `unsafe` lives here, each block with a
//! `SAFETY:` comment.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use nix::unistd::Pid;

/// True when `path` carries the extended attribute `name` (not following a final symlink).
pub fn has_xattr(path: &Path, name: &str) -> bool {
    let (Ok(p), Ok(n)) = (CString::new(path.as_os_str().as_bytes()), CString::new(name)) else {
        return false;
    };
    // SAFETY: both pointers are valid NUL-terminated strings; a NULL buffer with size 0 only asks
    // for the attribute's length and writes nothing.
    let r = unsafe { libc::lgetxattr(p.as_ptr(), n.as_ptr(), std::ptr::null_mut(), 0) };
    r >= 0
}

/// Forks a child that runs `f` and exits with its return value; returns the child's pid.
///
/// Must only be called from a single-threaded process (skiff calls it before tokio starts), so the
/// child inherits no lock held by another thread and may allocate.
pub fn fork_helper<F: FnOnce() -> i32>(f: F) -> nix::Result<Pid> {
    // SAFETY: the caller guarantees the process is single-threaded, so the child's copy of the
    // address space is consistent; the child never returns into the caller's code.
    match unsafe { nix::unistd::fork() }? {
        nix::unistd::ForkResult::Parent { child } => Ok(child),
        nix::unistd::ForkResult::Child => {
            let code = f();
            // SAFETY: _exit skips atexit handlers and stdio flushing that belong to the parent.
            unsafe { libc::_exit(code) }
        }
    }
}

/// Number of threads of the current process (from /proc/self/status).
pub fn thread_count() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("Threads:").map(|v| v.trim().parse().unwrap_or(1)))
        })
        .unwrap_or(1)
}

/// Replaces the process image with `argv[0]` looked up in PATH. Returns only on failure.
pub fn exec_path(argv: &[std::ffi::OsString]) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(&argv[0]);
    cmd.args(&argv[1..]);
    cmd.exec()
}

/// Closes the descriptor behind `fd` in a forked child that will never drop the owner (it leaves
/// with `_exit`), so the other process sees EOF on its end.
pub fn close_fd(fd: &impl std::os::fd::AsRawFd) {
    let _ = nix::unistd::close(fd.as_raw_fd());
}
