//! Starting a supervisor: [`start`] re-executes `/proc/self/exe supervisor ...` (fork + exec,
//! never a bare fork: the caller may run threads) with the ready pipe and, to attach from the
//! start, one end of a socket pair, and waits for its [`Ready`] report.
//!
//! A detached supervisor is a grandchild, as conmon daemonizes: the forked child forks again
//! before the exec and exits, so the supervisor is re-parented to the nearest child subreaper
//! (a service manager) or init before it runs. A `Type=notify` unit needs this: systemd takes
//! `MAINPID=` (the supervisor's, `--sdnotify`) from a process that is not its own child as an
//! "alien" main process, which it neither waits for at stop (it sends SIGKILL at once, and the
//! unit ends failed, `Result: signal`) nor reliably sees exit; when the supervisor stayed the
//! child of `run -d`, which of the two the manager saw depended on whether `run -d` had exited
//! when it read the message. An attached supervisor stays the caller's child, which reaps it.
#![allow(unsafe_code)]

use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use nix::fcntl::{fcntl, FcntlArg, FdFlag};
use nix::unistd::Pid;

use super::protocol::{Ready, READY_EXPECTED};
use super::{cloexec_pipe, setup, AfterExit, Error};
use crate::ipc;
use crate::runtime::linux::StartFailure;
use crate::runtime::run_dir::RunDir;

/// How to start a supervisor with [`start`].
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub bundle: PathBuf,
    pub state_dir: PathBuf,
    pub log: Option<PathBuf>,
    pub stdin: bool,
    /// Attach from the start: the returned [`Started::attach`] carries the container's output.
    pub attach: bool,
    /// What the supervisor does after the exit (passed on its command line).
    pub cleanup: AfterExit,
    /// The window size (rows, columns) a terminal starts with, if the spec asks for one.
    pub console_size: Option<(u16, u16)>,
    /// `--runtime`: an external OCI runtime (name or path); `None` is the built-in one.
    pub runtime: Option<String>,
}

/// A started container.
#[derive(Debug)]
pub struct Started {
    pub supervisor: Pid,
    pub container: Pid,
    pub attach: Option<UnixStream>,
}

/// Starts a detached supervisor by re-executing `/proc/self/exe supervisor ...` (fork + exec, in
/// its own session, stdin and stdout on /dev/null, stderr on `STATE/supervisor.log`; without
/// `attach`, a grandchild: see the module documentation) and waits for its report. Call it
/// single-threaded, inside skiff's user namespace.
pub fn start(opts: &StartOptions) -> Result<Started, Error> {
    fs_err::create_dir_all(&opts.state_dir)
        .map_err(|source| Error::Write { path: opts.state_dir.clone(), source })?;
    let diag = RunDir::new(&opts.state_dir).supervisor_log();
    let diag_file =
        fs_err::File::create(&diag).map_err(|source| Error::Open { path: diag.clone(), source })?;
    let (ready_r, ready_w) = cloexec_pipe()?;
    let pair = if opts.attach {
        let (ours, theirs) =
            UnixStream::pair().map_err(|source| Error::Spawn { exe: "socketpair".into(), source })?;
        Some((ours, theirs))
    } else {
        None
    };
    let exe = PathBuf::from("/proc/self/exe");
    let mut cmd = std::process::Command::new(&exe);
    cmd.arg0("skiff")
        .arg("supervisor")
        .arg("--bundle")
        .arg(&opts.bundle)
        .arg("--state-dir")
        .arg(&opts.state_dir)
        .arg("--ready-fd")
        .arg(ready_w.as_raw_fd().to_string());
    if let Some(log) = &opts.log {
        cmd.arg("--log").arg(log);
    }
    if opts.stdin {
        cmd.arg("--stdin");
    }
    if let Some((rows, cols)) = opts.console_size {
        cmd.arg("--console-size").arg(format!("{rows}x{cols}"));
    }
    if let Some(runtime) = &opts.runtime {
        cmd.arg("--runtime").arg(runtime);
    }
    if let Some((_, theirs)) = &pair {
        cmd.arg("--attach-fd").arg(theirs.as_raw_fd().to_string());
    }
    match &opts.cleanup {
        AfterExit::Nothing => {}
        AfterExit::Container { id, root, runroot } => {
            cmd.arg("--cleanup-container").arg(id);
            cmd.arg("--cleanup-root").arg(root).arg("--cleanup-runroot").arg(runroot);
        }
        // Last: the command takes every argument after it.
        AfterExit::Command(argv) => {
            cmd.arg("--cleanup").args(argv);
        }
    }
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::from(diag_file.into_parts().0));
    // The supervisor inherits exactly these two descriptors besides stdio.
    let inherit: Vec<RawFd> =
        std::iter::once(ready_w.as_raw_fd()).chain(pair.as_ref().map(|(_, t)| t.as_raw_fd())).collect();
    for fd in &inherit {
        setup("fcntl", fcntl(*fd, FcntlArg::F_SETFD(FdFlag::empty())))?;
    }
    if !opts.attach {
        // SAFETY: between fork and exec only async-signal-safe calls (getpid, fork, getppid,
        // nanosleep, _exit), no allocation.
        unsafe { cmd.pre_exec(daemonize) };
    }
    let child = cmd.spawn();
    for fd in &inherit {
        let _ = fcntl(*fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC));
    }
    let mut child = child.map_err(|source| Error::Spawn { exe, source })?;
    drop(ready_w);
    let attach = pair.map(|(ours, theirs)| {
        drop(theirs);
        ours
    });
    if !opts.attach {
        // The intermediate process, which exits as soon as it has forked.
        let _ = child.wait();
    }
    let report = ipc::Receiver::<Ready>::from(ready_r).recv(READY_EXPECTED);
    let container = started(report, diag.clone())?;
    let supervisor = if opts.attach {
        Pid::from_raw(child.id() as i32)
    } else {
        // Written before the report.
        RunDir::new(&opts.state_dir).supervisor_pid()?.ok_or(Error::NoReport { log: diag })?
    };
    Ok(Started { supervisor, container, attach })
}

/// In the child, before the exec: forks, the parent exits, and the grandchild goes on to the exec
/// once it has been re-parented (so that it is never the caller's grandchild while it runs).
fn daemonize() -> std::io::Result<()> {
    // SAFETY: async-signal-safe calls only (see `start`).
    unsafe {
        let me = libc::getpid();
        match libc::fork() {
            -1 => Err(std::io::Error::last_os_error()),
            0 => {
                let pause = libc::timespec { tv_sec: 0, tv_nsec: 1_000_000 };
                while libc::getppid() == me {
                    libc::nanosleep(&pause, std::ptr::null_mut());
                }
                Ok(())
            }
            _ => libc::_exit(0),
        }
    }
}

/// The container's pid from the supervisor's report, or why there is none (`diag`: the
/// supervisor's log, named in errors).
fn started(report: Result<Option<Ready>, ipc::Error>, diag: PathBuf) -> Result<Pid, Error> {
    match report {
        Ok(Some(Ready::Started { pid })) if pid > 0 => Ok(Pid::from_raw(pid)),
        Ok(Some(Ready::Started { pid })) => Err(Error::BadPid { pid, log: diag }),
        Ok(Some(Ready::Failed { code, message })) => {
            Err(Error::Start { message, failure: StartFailure::from_code(code) })
        }
        Ok(None) => Err(Error::NoReport { log: diag }),
        Err(source) => Err(Error::Report { log: diag, source }),
    }
}

/// Takes ownership of a descriptor number passed on the command line (`--ready-fd`,
/// `--attach-fd`), close-on-exec from now on; `None` when it is not open.
///
/// # Safety
///
/// `fd` must have been inherited for this purpose and be owned by nothing else in the process
/// (as for the numbers [`start`] passes to `skiff supervisor`, taken once at its start).
pub unsafe fn inherited_fd(fd: RawFd) -> Option<OwnedFd> {
    // SAFETY: passed on from the caller.
    unsafe { crate::sys::inherited_fd(fd) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Pid, Error> {
        started(ipc::recv(bytes, READY_EXPECTED), "S/supervisor.log".into())
    }

    fn frame(report: &Ready) -> Vec<u8> {
        ipc::encode(report).unwrap()
    }

    #[test]
    fn the_report_gives_the_pid_or_the_failure_with_podmans_code() {
        assert_eq!(read(&frame(&Ready::Started { pid: 4321 })).unwrap(), Pid::from_raw(4321));
        let e = read(&frame(&Ready::Failed { code: 127, message: "executable file `x` not found".into() }));
        match e.unwrap_err() {
            Error::Start { message, failure } => {
                assert_eq!(failure, StartFailure::NotFound);
                assert_eq!(message, "executable file `x` not found");
            }
            other => panic!("{other:?}"),
        }
        let e = read(&frame(&Ready::Failed { code: 126, message: "a:b".into() })).unwrap_err();
        assert!(matches!(e, Error::Start { failure: StartFailure::CannotExecute, .. }), "{e:?}");
    }

    #[test]
    fn a_missing_garbled_or_zero_pid_is_an_error_naming_the_log() {
        for pid in [0, -1] {
            let e = read(&frame(&Ready::Started { pid })).unwrap_err();
            assert!(matches!(e, Error::BadPid { pid: p, .. } if p == pid), "{e:?}");
            assert!(e.to_string().contains("S/supervisor.log"), "{e}");
        }
        let e = read(b"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the supervisor exited before it reported the container's start (see S/supervisor.log)"
        );
        let whole = frame(&Ready::Started { pid: 7 });
        let e = read(&whole[..whole.len() - 2]).unwrap_err();
        assert!(matches!(e, Error::Report { source: ipc::Error::Truncated { .. }, .. }), "{e:?}");
        let e = read(b"started 12").unwrap_err();
        assert!(matches!(e, Error::Report { .. }), "the old text format is not a report: {e:?}");
    }
}
