//! The few raw system calls the rest of skiff needs and nix or rustix do not wrap (or wrap in a
//! way that needs `unsafe` at the call site), the container process's calls behind a trait with a
//! recording fake ([`Syscall`], [`Recording`]), and atomic file writes ([`atomic`]). Most of the
//! crate's `unsafe` lives here, each block with a `SAFETY:` comment, each `unsafe fn` with a
//! `# Safety` section.
//!
//! - [`process`]: forks (single-threaded callers only: the functions are `unsafe fn`), signal
//!   relaying, descriptors, pidfds, the controlling terminal.
//! - [`seam`]: the syscall seam of the container's init.
//! - [`net`]: the loopback interface.
//! - [`atomic`]: write to a temporary name, then rename.
#![allow(unsafe_code)]

pub mod atomic;
pub mod host;
pub mod net;
pub mod process;
pub mod seam;

pub use process::{
    clone_child, close_fd, dup_to, exec_path, execve, fork_helper, fork_keeping, forward_signals,
    inherited_fd, pidfd_open, relay_signals_as_kill, set_controlling_terminal, set_undumpable, thread_count,
};
pub use seam::{Call, Linux, Recording, Syscall};

use nix::unistd::Pid;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

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

/// `pivot_root(2)`: makes `new_root` the root of the calling process's mount namespace and puts
/// the old root at `put_old` (both may be "." for the stack-and-detach trick).
pub fn pivot_root(new_root: &Path, put_old: &Path) -> nix::Result<()> {
    nix::unistd::pivot_root(new_root, put_old)
}

/// Sets the soft and hard limit of `resource` (a `libc::RLIMIT_*` value) for this process.
pub fn set_rlimit(resource: libc::c_int, soft: u64, hard: u64) -> nix::Result<()> {
    let limit = libc::rlimit { rlim_cur: soft as libc::rlim_t, rlim_max: hard as libc::rlim_t };
    // SAFETY: `limit` is a valid, initialised rlimit that lives across the call; the kernel only
    // reads it. The cast of `resource` matches glibc's __rlimit_resource_t (an unsigned int).
    let r = unsafe { libc::setrlimit(resource as _, &limit) };
    nix::errno::Errno::result(r).map(drop)
}

/// Marks every descriptor from `first` up close-on-exec (`close_range` with
/// `CLOSE_RANGE_CLOEXEC`), so an exec'd container inherits only stdio and what was opened after.
pub fn cloexec_from(first: u32) -> nix::Result<()> {
    const CLOSE_RANGE_CLOEXEC: libc::c_uint = 1 << 2;
    // SAFETY: close_range only changes descriptor flags of this process; no memory is passed.
    let r = unsafe { libc::syscall(libc::SYS_close_range, first, libc::c_uint::MAX, CLOSE_RANGE_CLOEXEC) };
    nix::errno::Errno::result(r).map(drop)
}

/// Installs a seccomp BPF filter on the calling thread without setting no_new_privs (unlike
/// seccompiler's `apply_filter`): the caller either has CAP_SYS_ADMIN in its user namespace or
/// set no_new_privs itself, as the OCI spec's `noNewPrivileges` decides.
pub fn seccomp_load(filter: &[seccompiler::sock_filter]) -> std::io::Result<()> {
    if filter.is_empty() || filter.len() > u16::MAX as usize {
        return Err(std::io::Error::from_raw_os_error(libc::EINVAL));
    }
    let prog =
        libc::sock_fprog { len: filter.len() as u16, filter: filter.as_ptr() as *mut libc::sock_filter };
    // SAFETY: `prog` points at `filter`, which outlives the call; the kernel copies the program.
    // seccompiler's sock_filter has the same #[repr(C)] layout as the kernel's (and libc's).
    let r = unsafe {
        libc::prctl(libc::PR_SET_SECCOMP, libc::SECCOMP_MODE_FILTER, &prog as *const libc::sock_fprog, 0, 0)
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Whether a process `pid` exists that this process may signal (`kill(pid, 0)`; a zombie
/// counts as existing until it is reaped). A pid of 0 or less names no single process (it would
/// signal a group) and never exists.
pub fn process_exists(pid: Pid) -> bool {
    pid.as_raw() > 0 && nix::sys::signal::kill(pid, None).is_ok()
}

/// Waits for this process's child `pid` to exit and reaps it; an error (not a child, reaped
/// already) is ignored: the caller only needs it gone.
pub fn reap(pid: Pid) {
    let _ = nix::sys::wait::waitpid(pid, None);
}

/// Whether this process may write to (and, with `search`, enter) `path` (`access(2)`, with
/// the real ids).
pub fn writable(path: &Path, search: bool) -> bool {
    use nix::unistd::AccessFlags;
    let flags = if search { AccessFlags::W_OK | AccessFlags::X_OK } else { AccessFlags::W_OK };
    nix::unistd::access(path, flags).is_ok()
}

/// The clock ticks per second of `/proc/PID/stat` times (`sysconf(_SC_CLK_TCK)`); `None` when
/// unknown.
pub fn clock_ticks() -> Option<u64> {
    let ticks = nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK).ok().flatten()?;
    (ticks > 0).then_some(ticks as u64)
}

/// The size of a memory page in bytes (`sysconf(_SC_PAGESIZE)`); `None` when unknown.
pub fn page_size() -> Option<u64> {
    let size = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok().flatten()?;
    (size > 0).then_some(size as u64)
}

#[cfg(test)]
mod tests {
    use nix::sys::wait::{waitpid, WaitStatus};

    use super::*;

    /// Runs `f` in a forked child (process state such as limits and descriptor flags must not
    /// leak into the test harness) and returns its exit code.
    fn in_child(f: impl FnOnce() -> i32) -> i32 {
        // SAFETY: the harness has other threads; the children below only make system calls and
        // compare integers, taking no lock another thread could hold.
        let pid = unsafe { fork_helper(f) }.unwrap();
        match waitpid(pid, None).unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("the child ended with {other:?}"),
        }
    }

    #[test]
    fn this_process_exists_and_pid_zero_does_not() {
        assert!(process_exists(Pid::this()));
        assert!(!process_exists(Pid::from_raw(0)));
        assert!(!process_exists(Pid::from_raw(-1)));
        assert!(!writable(Path::new("/no/such/dir"), false));
    }

    #[test]
    fn set_rlimit_sets_both_limits() {
        let code = in_child(|| {
            if set_rlimit(libc::RLIMIT_NOFILE as libc::c_int, 64, 128).is_err() {
                return 1;
            }
            let got = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE);
            i32::from(got != Ok((64, 128))) * 2
        });
        assert_eq!(code, 0);
    }

    #[test]
    fn cloexec_from_marks_every_descriptor_from_there_up() {
        use nix::fcntl::{fcntl, FcntlArg, FdFlag};
        let code = in_child(|| {
            let Ok((r, w)) = nix::unistd::pipe() else { return 1 };
            let cloexec = |fd: &std::os::fd::OwnedFd| {
                use std::os::fd::AsRawFd;
                fcntl(fd.as_raw_fd(), FcntlArg::F_GETFD)
                    .is_ok_and(|f| FdFlag::from_bits_truncate(f).contains(FdFlag::FD_CLOEXEC))
            };
            if cloexec(&r) || cloexec(&w) {
                return 2;
            }
            if cloexec_from(3).is_err() {
                return 3;
            }
            let stdin_flag = fcntl(0, FcntlArg::F_GETFD).map(FdFlag::from_bits_truncate);
            match (cloexec(&r), cloexec(&w), stdin_flag) {
                (true, true, Ok(f)) if !f.contains(FdFlag::FD_CLOEXEC) => 0,
                (true, true, Err(_)) => 0,
                _ => 4,
            }
        });
        assert_eq!(code, 0);
    }

    #[test]
    fn seccomp_load_refuses_an_empty_or_oversized_program() {
        assert_eq!(seccomp_load(&[]).unwrap_err().raw_os_error(), Some(libc::EINVAL));
        let huge = vec![seccompiler::sock_filter { code: 6, jt: 0, jf: 0, k: 0 }; u16::MAX as usize + 1];
        assert_eq!(seccomp_load(&huge).unwrap_err().raw_os_error(), Some(libc::EINVAL));
    }

    #[test]
    fn has_xattr_is_false_for_a_plain_file_and_a_missing_one() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("f");
        fs_err::write(&f, b"").unwrap();
        assert!(!has_xattr(&f, "user.skiff.test"));
        assert!(!has_xattr(&t.path().join("missing"), "user.skiff.test"));
        if xattr::set(&f, "user.skiff.test", b"1").is_ok() {
            assert!(has_xattr(&f, "user.skiff.test"));
        }
    }
}
