//! Starting a supervisor: [`start`] re-executes `/proc/self/exe supervisor ...` (fork + exec,
//! never a bare fork: the caller may run threads) with the ready pipe and, to attach from the
//! start, one end of a socket pair, and waits for its [`Ready`] report.
#![allow(unsafe_code)]

use std::ffi::OsString;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use nix::fcntl::{fcntl, FcntlArg, FdFlag};
use nix::unistd::Pid;

use super::protocol::{Ready, READY_EXPECTED};
use super::{cloexec_pipe, setup, Error};
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
    pub cleanup: Vec<OsString>,
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
/// its own session, stdin and stdout on /dev/null, stderr on `STATE/supervisor.log`) and waits
/// for its report. Call it single-threaded, inside skiff's user namespace.
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
    if !opts.cleanup.is_empty() {
        cmd.arg("--cleanup").args(&opts.cleanup);
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
    let child = cmd.spawn();
    for fd in &inherit {
        let _ = fcntl(*fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC));
    }
    let child = child.map_err(|source| Error::Spawn { exe, source })?;
    drop(ready_w);
    let attach = pair.map(|(ours, theirs)| {
        drop(theirs);
        ours
    });
    let supervisor = Pid::from_raw(child.id() as i32);
    match ipc::Receiver::<Ready>::from(ready_r).recv(READY_EXPECTED) {
        Ok(Some(Ready::Started { pid })) if pid > 0 => {
            Ok(Started { supervisor, container: Pid::from_raw(pid), attach })
        }
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
