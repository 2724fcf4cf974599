//! The few raw system calls the rest of skiff needs and nix does not wrap (or wraps in a way that
//! needs `unsafe` at the call site). Most of the crate's `unsafe` lives here, each block with a
//! `SAFETY:` comment.
#![allow(unsafe_code)]

pub mod host;

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

/// Creates a child process in new namespaces (`flags`: `CLONE_NEW*` bits) with fork semantics:
/// the child runs `f` on a copy of the caller's stack and exits with its return value; the parent
/// gets the child's pid. With `CLONE_NEWPID` the child is pid 1 of the new pid namespace, and it
/// is always the caller's direct child (SIGCHLD is its exit signal), so `waitpid` reports its
/// status.
///
/// Must only be called from a single-threaded process, like [`fork_helper`].
pub fn clone_child<F: FnOnce() -> i32>(flags: libc::c_int, f: F) -> nix::Result<Pid> {
    // SAFETY: the raw clone syscall with a NULL stack behaves like fork(2): the child continues
    // on a private copy of the caller's address space and stack. The caller guarantees the process
    // is single-threaded, so no lock is held by a thread that does not exist in the child. The
    // child never returns into the caller's code: it leaves with _exit.
    let ret = unsafe {
        libc::syscall(
            libc::SYS_clone,
            (flags | libc::SIGCHLD) as libc::c_ulong,
            std::ptr::null_mut::<libc::c_void>(),
            std::ptr::null_mut::<libc::c_int>(),
            std::ptr::null_mut::<libc::c_int>(),
            0 as libc::c_ulong,
        )
    };
    match ret {
        -1 => Err(nix::errno::Errno::last()),
        0 => {
            let code = f();
            // SAFETY: _exit skips atexit handlers and stdio flushing that belong to the parent.
            unsafe { libc::_exit(code) }
        }
        pid => Ok(Pid::from_raw(pid as libc::pid_t)),
    }
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

/// `execve(2)` with an explicit environment. Returns only on failure, with the errno.
pub fn execve(path: &std::ffi::CStr, argv: &[CString], env: &[CString]) -> nix::errno::Errno {
    match nix::unistd::execve(path, argv, env) {
        Ok(never) => match never {},
        Err(e) => e,
    }
}

/// The pid that [`forward_signals`] relays to (0: none yet).
static FORWARD_TO: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

extern "C" fn relay(sig: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // Signals the terminal sends (SI_KERNEL: ctrl-c, ctrl-\) already reach the container, which
    // shares the foreground process group; relaying them too would deliver them twice.
    // SAFETY: the kernel passes a valid siginfo_t to an SA_SIGINFO handler.
    if !info.is_null() && unsafe { (*info).si_code } == libc::SI_KERNEL {
        return;
    }
    let pid = FORWARD_TO.load(std::sync::atomic::Ordering::SeqCst);
    if pid > 0 {
        // SAFETY: kill is async-signal-safe and takes no pointers.
        unsafe { libc::kill(pid, sig) };
    }
}

/// Relays `signals` sent to this process (by `kill`, not by the terminal) to `pid`, for a
/// foreground container: `kill -TERM skiff` reaches the container, as with podman's sig-proxy.
pub fn forward_signals(pid: Pid, signals: &[nix::sys::signal::Signal]) -> nix::Result<()> {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet};
    FORWARD_TO.store(pid.as_raw(), std::sync::atomic::Ordering::SeqCst);
    let action = SigAction::new(
        SigHandler::SigAction(relay),
        SaFlags::SA_RESTART | SaFlags::SA_SIGINFO,
        SigSet::empty(),
    );
    for s in signals {
        // SAFETY: `relay` only reads an atomic and calls kill(2), both async-signal-safe; it
        // touches no state the interrupted code could be holding.
        unsafe { sigaction(*s, &action) }?;
    }
    Ok(())
}

pub use seam::{Call, Linux, Recording, Syscall};

/// The mount-namespace system calls of the container process behind a trait (youki's syscall
/// seam): [`Linux`] makes them, [`Recording`] records them so tests can check their order.
mod seam {
    use std::cell::RefCell;
    use std::path::{Path, PathBuf};

    use nix::errno::Errno;
    use nix::mount::{MntFlags, MsFlags};

    /// The calls the runtime's mount steps make.
    pub trait Syscall {
        fn mount(
            &self,
            source: Option<&Path>,
            target: &Path,
            fstype: Option<&str>,
            flags: MsFlags,
            data: Option<&str>,
        ) -> nix::Result<()>;
        fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()>;
        fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()>;
        fn chdir(&self, path: &Path) -> nix::Result<()>;
    }

    /// The real system calls.
    #[derive(Debug, Default, Clone, Copy)]
    pub struct Linux;

    impl Syscall for Linux {
        fn mount(
            &self,
            source: Option<&Path>,
            target: &Path,
            fstype: Option<&str>,
            flags: MsFlags,
            data: Option<&str>,
        ) -> nix::Result<()> {
            nix::mount::mount(source, target, fstype, flags, data)
        }
        fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()> {
            nix::mount::umount2(target, flags)
        }
        fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()> {
            super::pivot_root(new_root, put_old)
        }
        fn chdir(&self, path: &Path) -> nix::Result<()> {
            nix::unistd::chdir(path)
        }
    }

    /// One recorded call.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Call {
        Mount {
            source: Option<PathBuf>,
            target: PathBuf,
            fstype: Option<String>,
            flags: MsFlags,
            data: Option<String>,
        },
        Umount2 {
            target: PathBuf,
            flags: MntFlags,
        },
        PivotRoot {
            new_root: PathBuf,
            put_old: PathBuf,
        },
        Chdir(PathBuf),
    }

    /// A fake that records every call and succeeds, except mounts of the filesystem types given
    /// to [`Recording::refuse_fstype`].
    #[derive(Debug, Default)]
    pub struct Recording {
        calls: RefCell<Vec<Call>>,
        refused: RefCell<Vec<(String, Errno)>>,
    }

    impl Recording {
        /// Makes mounts of `fstype` fail with `errno` (still recorded).
        pub fn refuse_fstype(&self, fstype: &str, errno: Errno) {
            self.refused.borrow_mut().push((fstype.to_string(), errno));
        }

        /// The calls so far, in order.
        pub fn calls(&self) -> Vec<Call> {
            self.calls.borrow().clone()
        }
    }

    impl Syscall for Recording {
        fn mount(
            &self,
            source: Option<&Path>,
            target: &Path,
            fstype: Option<&str>,
            flags: MsFlags,
            data: Option<&str>,
        ) -> nix::Result<()> {
            self.calls.borrow_mut().push(Call::Mount {
                source: source.map(Path::to_path_buf),
                target: target.to_path_buf(),
                fstype: fstype.map(str::to_string),
                flags,
                data: data.map(str::to_string),
            });
            match self.refused.borrow().iter().find(|(t, _)| Some(t.as_str()) == fstype) {
                Some((_, errno)) => Err(*errno),
                None => Ok(()),
            }
        }
        fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()> {
            self.calls.borrow_mut().push(Call::Umount2 { target: target.to_path_buf(), flags });
            Ok(())
        }
        fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()> {
            self.calls
                .borrow_mut()
                .push(Call::PivotRoot { new_root: new_root.to_path_buf(), put_old: put_old.to_path_buf() });
            Ok(())
        }
        fn chdir(&self, path: &Path) -> nix::Result<()> {
            self.calls.borrow_mut().push(Call::Chdir(path.to_path_buf()));
            Ok(())
        }
    }
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
/// counts as existing until it is reaped).
pub fn process_exists(pid: Pid) -> bool {
    nix::sys::signal::kill(pid, None).is_ok()
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
