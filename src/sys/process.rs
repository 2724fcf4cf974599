//! Processes: forking helpers and container processes, descriptors a forked child gives up,
//! signal relaying, and the process-level calls nix or rustix wrap (dumpable, pidfd, the
//! controlling terminal, dup2).
//!
//! Invariants: [`fork_helper`] and [`clone_child`] are `unsafe fn`s whose contract is "the calling
//! process has one thread" (a child of a multi-threaded process may find a lock held forever by a
//! thread that does not exist in it). They are not checked at run time because the check costs
//! syscalls on every container start; [`thread_count`] is there for callers and tests that want
//! to. The child never returns into its caller's frames: it leaves with `_exit`, and a panic in it
//! aborts the child instead of unwinding through frames it shares with its parent's copy.

use std::ffi::{CString, OsString};
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};

use nix::unistd::Pid;

/// Aborts the process when dropped while unwinding: armed around a forked child's body.
struct AbortOnUnwind;

impl Drop for AbortOnUnwind {
    fn drop(&mut self) {
        // Only reached by unwinding (the guard is forgotten on the normal path). The panic hook
        // has printed the message already.
        std::process::abort();
    }
}

/// Runs a forked child's body and leaves with its exit code; never returns.
fn child_body<F: FnOnce() -> i32>(f: F) -> ! {
    let guard = AbortOnUnwind;
    let code = f();
    std::mem::forget(guard);
    // SAFETY: _exit skips atexit handlers and stdio flushing that belong to the parent.
    unsafe { libc::_exit(code) }
}

/// Forks a child that runs `f` and exits with its return value; returns the child's pid. A panic
/// in `f` aborts the child.
///
/// # Safety
///
/// The calling process must have exactly one thread (skiff forks before tokio or any other thread
/// starts), so the child inherits no lock held by another thread and `f` may allocate. `f` must
/// not rely on destructors running: the child leaves with `_exit`.
pub unsafe fn fork_helper<F: FnOnce() -> i32>(f: F) -> nix::Result<Pid> {
    // SAFETY: passed on from the caller.
    unsafe { fork_keeping((), f) }.map(|(pid, ())| pid)
}

/// [`fork_helper`] for a child that must not hold some of the parent's descriptors (its ends of
/// pipes the child uses too, so that each side sees EOF when the other is done): `parents` is
/// dropped in the child before `f` runs, and handed back to the parent with the child's pid.
///
/// # Safety
///
/// As for [`fork_helper`]: the calling process must have exactly one thread.
pub unsafe fn fork_keeping<K, F: FnOnce() -> i32>(parents: K, f: F) -> nix::Result<(Pid, K)> {
    // SAFETY: the caller guarantees the process is single-threaded, so the child's copy of the
    // address space is consistent; the child never returns into the caller's code.
    match unsafe { nix::unistd::fork() }? {
        nix::unistd::ForkResult::Parent { child } => Ok((child, parents)),
        nix::unistd::ForkResult::Child => {
            drop(parents);
            child_body(f)
        }
    }
}

/// Creates a child process in new namespaces (`flags`: `CLONE_NEW*` bits) with fork semantics:
/// the child runs `f` on a copy of the caller's stack and exits with its return value (a panic
/// aborts it); the parent gets the child's pid. With `CLONE_NEWPID` the child is pid 1 of the new
/// pid namespace, and it is always the caller's direct child (SIGCHLD is its exit signal), so
/// `waitpid` reports its status.
///
/// `parents`, as for [`fork_keeping`], is dropped in the child before `f` runs and handed back to
/// the parent with the child's pid.
///
/// # Safety
///
/// As for [`fork_helper`]: the calling process must have exactly one thread.
pub unsafe fn clone_child<K, F: FnOnce() -> i32>(
    flags: libc::c_int,
    parents: K,
    f: F,
) -> nix::Result<(Pid, K)> {
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
            drop(parents);
            child_body(f)
        }
        pid => Ok((Pid::from_raw(pid as libc::pid_t), parents)),
    }
}

/// Number of threads of the current process; `None` when /proc cannot tell. One `stat` of
/// `/proc/self/task`, whose link count procfs reports as 2 plus the number of threads (cheap
/// enough for a check before a fork), else the `Threads:` line of /proc/self/status.
pub fn thread_count() -> Option<usize> {
    use std::os::unix::fs::MetadataExt;
    if let Ok(meta) = fs_err::metadata("/proc/self/task") {
        if meta.nlink() > 2 {
            return usize::try_from(meta.nlink() - 2).ok();
        }
    }
    let status = fs_err::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| l.strip_prefix("Threads:")).and_then(|v| v.trim().parse().ok())
}

/// Closes a descriptor that is owned (so closed once): in a forked child that leaves with
/// `_exit`, where drops never run, for a descriptor it must not keep. [`fork_keeping`] does this
/// for the parent's ends it is given.
pub fn close_fd(fd: OwnedFd) {
    drop(fd);
}

/// Replaces the process image with `argv[0]` looked up in PATH. Returns only on failure.
pub fn exec_path(argv: &[OsString]) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(&argv[0]);
    cmd.args(&argv[1..]);
    cmd.exec()
}

/// `execve(2)` with an explicit environment. Returns only on failure, with the errno.
pub fn execve(path: &std::ffi::CStr, argv: &[CString], env: &[CString]) -> nix::errno::Errno {
    match nix::unistd::execve(path, argv, env) {
        Ok(never) => match never {},
        Err(e) => e,
    }
}

/// Makes this process non-dumpable (PR_SET_DUMPABLE 0): no ptrace, no core dump, `/proc/PID`
/// owned by root; an exec makes the new program dumpable again.
pub fn set_undumpable() -> nix::Result<()> {
    nix::sys::prctl::set_dumpable(false)
}

/// `pidfd_open(2)`: a descriptor that names the process `pid` and no later one with its number.
pub fn pidfd_open(pid: Pid) -> nix::Result<OwnedFd> {
    let pid = rustix::process::Pid::from_raw(pid.as_raw()).ok_or(nix::errno::Errno::EINVAL)?;
    rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty())
        .map_err(|e| nix::errno::Errno::from_raw(e.raw_os_error()))
}

/// Makes `tty` the controlling terminal of this process (a session leader without one).
pub fn set_controlling_terminal(tty: impl AsFd) -> nix::Result<()> {
    rustix::process::ioctl_tiocsctty(tty).map_err(|e| nix::errno::Errno::from_raw(e.raw_os_error()))
}

/// Makes `target` (0, 1 or 2 in practice) a copy of `fd`; the copy is not close-on-exec.
pub fn dup_to(fd: impl AsFd, target: RawFd) -> nix::Result<()> {
    nix::unistd::dup2(fd.as_fd().as_raw_fd(), target).map(drop)
}

/// The pid that [`forward_signals`] relays to (0: none yet).
static FORWARD_TO: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);
/// The signal relayed instead of the one received (0: the one received); see
/// [`relay_signals_as_kill`].
static RELAY_AS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// From now on [`forward_signals`] ends the process it relays to with SIGKILL, whatever signal
/// came: for a build, whose RUN step must stop when the build is interrupted (`timeout`, ctrl-c)
/// even if its process, as pid 1, ignores the signal.
pub fn relay_signals_as_kill() {
    RELAY_AS.store(libc::SIGKILL, std::sync::atomic::Ordering::SeqCst);
}

extern "C" fn relay(sig: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // Signals the terminal sends (SI_KERNEL: ctrl-c, ctrl-\) already reach the container, which
    // shares the foreground process group; relaying them too would deliver them twice.
    if !info.is_null()
        // SAFETY: the kernel passes a valid siginfo_t to an SA_SIGINFO handler.
        && unsafe { (*info).si_code } == libc::SI_KERNEL
        && RELAY_AS.load(std::sync::atomic::Ordering::SeqCst) == 0
    {
        return;
    }
    let pid = FORWARD_TO.load(std::sync::atomic::Ordering::SeqCst);
    let sig = match RELAY_AS.load(std::sync::atomic::Ordering::SeqCst) {
        0 => sig,
        instead => instead,
    };
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

/// Takes ownership of a descriptor number this process inherited (passed on its command line),
/// and marks it close-on-exec. `None` when no such descriptor is open.
///
/// # Safety
///
/// `fd` must have been handed to this process for the caller to own: nothing else in the
/// process may own or close it (which holds for a number read from the command line once, before
/// anything opened descriptors of its own that could reuse it).
pub unsafe fn inherited_fd(fd: RawFd) -> Option<OwnedFd> {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    fcntl(fd, FcntlArg::F_GETFD).ok()?;
    let _ = fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC));
    // SAFETY: F_GETFD proved `fd` open; the caller guarantees no one else owns it.
    Some(unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) })
}

#[cfg(test)]
mod tests {
    use nix::sys::wait::{waitpid, WaitStatus};

    use super::*;

    #[test]
    fn thread_count_agrees_with_the_task_directory() {
        // Stable only in a forked child: the harness starts and ends threads all the time.
        // SAFETY: the child only reads /proc and compares integers.
        let child = unsafe {
            fork_helper(|| {
                let listed = fs_err::read_dir("/proc/self/task").map(Iterator::count).ok();
                match (thread_count(), listed) {
                    (Some(1), Some(1)) => 0,
                    _ => 1,
                }
            })
        }
        .unwrap();
        assert_eq!(waitpid(child, None).unwrap(), WaitStatus::Exited(child, 0));
    }

    #[test]
    fn thread_count_sees_a_new_thread() {
        let before = thread_count().expect("/proc/self/status has Threads:");
        assert!(before >= 1);
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let t = std::thread::spawn(move || rx.recv().ok());
        let during = thread_count().unwrap();
        tx.send(()).unwrap();
        t.join().unwrap();
        // Other tests start and end threads meanwhile; ours is among those counted.
        assert!(during >= 2, "{during} threads while two run");
    }

    #[test]
    fn a_forked_child_exits_with_its_code_and_a_panic_aborts_it() {
        // SAFETY: the test harness has other threads, but the children only compute an integer,
        // panic (the hook writes to stderr) or exit; none waits for a lock another thread holds
        // for long.
        let ok = unsafe { fork_helper(|| 7) }.unwrap();
        assert_eq!(waitpid(ok, None).unwrap(), WaitStatus::Exited(ok, 7));
        // SAFETY: as above.
        let panics = unsafe { fork_helper(|| panic!("in the child")) }.unwrap();
        assert_eq!(
            waitpid(panics, None).unwrap(),
            WaitStatus::Signaled(panics, nix::sys::signal::Signal::SIGABRT, false)
        );
    }

    #[test]
    fn the_parents_ends_are_closed_in_the_child_and_kept_in_the_parent() {
        use std::io::{Read, Write};
        use std::os::fd::AsFd;
        let (r, w) = std::io::pipe().unwrap();
        let (hold_r, hold_w) = std::io::pipe().unwrap();
        // The child waits until the parent lets it go (EOF on `hold`); meanwhile the parent
        // checks that the child holds no copy of the write ends it was given.
        // SAFETY: see the test above; the child only reads a pipe.
        let (child, (mut w, hold_w)) = unsafe {
            fork_keeping((w, hold_w), || {
                let mut rest = Vec::new();
                i32::from((&hold_r).read_to_end(&mut rest).is_err())
            })
        }
        .unwrap();
        drop(hold_r);
        w.write_all(b"x").unwrap();
        drop(w);
        let mut got = Vec::new();
        let mut buf = [0u8; 8];
        loop {
            let mut fds = [nix::poll::PollFd::new(r.as_fd(), nix::poll::PollFlags::POLLIN)];
            let ready = nix::poll::poll(&mut fds, nix::poll::PollTimeout::from(5000u16)).unwrap();
            assert_eq!(ready, 1, "no EOF while the child runs: it kept a copy of the write end");
            match (&r).read(&mut buf).unwrap() {
                0 => break,
                n => got.extend_from_slice(&buf[..n]),
            }
        }
        assert_eq!(got, b"x");
        drop(hold_w);
        assert_eq!(waitpid(child, None).unwrap(), WaitStatus::Exited(child, 0));
    }

    #[test]
    fn close_fd_closes_an_owned_descriptor() {
        use std::io::Read;
        let (r, w) = std::io::pipe().unwrap();
        close_fd(OwnedFd::from(w));
        let mut buf = Vec::new();
        (&r).read_to_end(&mut buf).unwrap();
        assert!(buf.is_empty());
    }

    #[test]
    fn pidfd_names_a_live_process_and_refuses_a_bad_pid() {
        let me = nix::unistd::getpid();
        assert!(pidfd_open(me).is_ok());
        assert_eq!(pidfd_open(Pid::from_raw(0)).unwrap_err(), nix::errno::Errno::EINVAL);
    }

    #[test]
    fn dup_to_copies_without_close_on_exec() {
        use nix::fcntl::{fcntl, FcntlArg, FdFlag};
        let (r, _w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).unwrap();
        let spare = nix::fcntl::open("/dev/null", nix::fcntl::OFlag::O_RDONLY, nix::sys::stat::Mode::empty())
            .unwrap();
        dup_to(&r, spare).unwrap();
        let flags = FdFlag::from_bits_truncate(fcntl(spare, FcntlArg::F_GETFD).unwrap());
        assert!(!flags.contains(FdFlag::FD_CLOEXEC));
        assert!(FdFlag::from_bits_truncate(fcntl(r.as_raw_fd(), FcntlArg::F_GETFD).unwrap())
            .contains(FdFlag::FD_CLOEXEC));
        nix::unistd::close(spare).unwrap();
    }

    #[test]
    fn inherited_fd_takes_an_open_descriptor_only() {
        use nix::fcntl::{fcntl, FcntlArg, FdFlag};
        let (r, _w) = nix::unistd::pipe().unwrap();
        let raw = std::os::fd::IntoRawFd::into_raw_fd(r);
        // SAFETY: `raw` was released by its owner above.
        let owned = unsafe { inherited_fd(raw) }.expect("open");
        assert!(FdFlag::from_bits_truncate(fcntl(owned.as_raw_fd(), FcntlArg::F_GETFD).unwrap())
            .contains(FdFlag::FD_CLOEXEC));
        // SAFETY: far above any descriptor limit, so never open.
        assert!(unsafe { inherited_fd(1 << 30) }.is_none());
    }
}
