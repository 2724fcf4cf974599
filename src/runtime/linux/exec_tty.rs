//! `exec -t`: the exec process gets a pty, and the caller relays between a terminal it names
//! (its input and output descriptors) and the pty's master until the process exits. The window
//! size is set before the process starts and again on every SIGWINCH, from a function the caller
//! gives (the terminal itself, its raw mode and its size stay the CLI's).
//!
//! Called after [`exec::join`], so the pty is opened on the container's /dev/ptmx and the
//! process's terminal is one of its /dev/pts entries. The master is owned by [`Session`]; the
//! slave goes to the process as its controlling terminal and is closed here after the fork, so
//! EOF (EIO) on the master means the process side is gone.

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;
use oci_spec::runtime::Process;

use super::{exec, Status};

/// A terminal window size: rows, columns.
pub type WindowSize = (u16, u16);

/// Errors of `exec -t` besides those of starting the process ([`exec::Error`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open a pty in the container (/dev/ptmx)")]
    OpenPty(#[source] Errno),
    #[error("cannot block SIGWINCH and SIGCHLD")]
    BlockSignals(#[source] Errno),
    #[error("cannot create a signalfd")]
    SignalFd(#[source] Errno),
    #[error("poll")]
    Poll(#[source] Errno),
    #[error("cannot read the pty")]
    ReadPty(#[source] Errno),
    #[error(transparent)]
    Exec(#[from] exec::Error),
}

/// A started exec process on a pty, whose master this holds.
#[derive(Debug)]
pub struct Session {
    master: OwnedFd,
    sigfd: SignalFd,
    pid: Pid,
}

/// Sets the window size of the pty `master`.
fn set_window_size(master: &OwnedFd, (rows, cols): WindowSize) {
    let ws = rustix::termios::Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    let _ = rustix::termios::tcsetwinsize(master, ws);
}

/// Writes all of `data` to `fd` (blocking).
fn write_all(fd: BorrowedFd<'_>, mut data: &[u8]) -> nix::Result<()> {
    while !data.is_empty() {
        match nix::unistd::write(fd, data) {
            Ok(n) => data = &data[n..],
            Err(Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Starts `process` (after [`exec::join`]) on a new pty of size `window`. SIGWINCH and SIGCHLD
/// stay blocked in the caller (the session reads them from a signalfd). Single-threaded callers.
pub fn spawn(
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
    window: Option<WindowSize>,
) -> Result<Session, Error> {
    let pty = nix::pty::openpty(None, None).map_err(Error::OpenPty)?;
    if let Some(size) = window {
        set_window_size(&pty.master, size);
    }
    // Blocked before the fork so that none is missed; the child unblocks everything.
    let mut handled = SigSet::empty();
    handled.add(Signal::SIGWINCH);
    handled.add(Signal::SIGCHLD);
    handled.thread_block().map_err(Error::BlockSignals)?;
    let sigfd = SignalFd::with_flags(&handled, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)
        .map_err(Error::SignalFd)?;
    let stdio = exec::Stdio { stdin: None, tty: Some(pty.slave) };
    match exec::spawn(process, filter, stdio, false)? {
        Some(spawned) => Ok(Session { master: pty.master, sigfd, pid: spawned.pid }),
        // Not detached: spawn always gives the process back.
        None => unreachable!("exec::spawn returns the process unless detached"),
    }
}

impl Session {
    /// Relays `output` <- master and (while `input` is open) `input` -> master until the process
    /// exits, then returns how it ended. `window` gives the terminal's size on SIGWINCH.
    pub fn relay(
        self,
        input: Option<BorrowedFd<'_>>,
        output: BorrowedFd<'_>,
        window: &dyn Fn() -> Option<WindowSize>,
    ) -> Result<Status, Error> {
        let Session { master, sigfd, pid } = self;
        let mut stdin_open = input.is_some();
        let mut status = None;
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let mut fds = vec![
                PollFd::new(master.as_fd(), PollFlags::POLLIN),
                PollFd::new(sigfd.as_fd(), PollFlags::POLLIN),
            ];
            if let (true, Some(input)) = (stdin_open, input) {
                fds.push(PollFd::new(input, PollFlags::POLLIN));
            }
            match poll(&mut fds, PollTimeout::NONE) {
                Ok(_) | Err(Errno::EINTR) => {}
                Err(e) => return Err(Error::Poll(e)),
            }
            let ready = |i: usize| fds.get(i).and_then(|f| f.revents()).is_some_and(|r| !r.is_empty());
            let (master_ready, sig_ready, stdin_ready) = (ready(0), ready(1), ready(2));
            drop(fds);
            if master_ready {
                match nix::unistd::read(master.as_raw_fd(), &mut buf) {
                    Ok(0) | Err(Errno::EIO) => break,
                    Ok(n) => {
                        if write_all(output, &buf[..n]).is_err() {
                            break;
                        }
                    }
                    Err(Errno::EINTR) | Err(Errno::EAGAIN) => {}
                    Err(e) => return Err(Error::ReadPty(e)),
                }
            }
            if let (true, Some(input)) = (stdin_ready, input) {
                match nix::unistd::read(input.as_raw_fd(), &mut buf) {
                    Ok(0) | Err(Errno::EIO) => stdin_open = false,
                    Ok(n) => {
                        let _ = write_all(master.as_fd(), &buf[..n]);
                    }
                    Err(Errno::EINTR) | Err(Errno::EAGAIN) => {}
                    Err(_) => stdin_open = false,
                }
            }
            if sig_ready {
                while let Ok(Some(info)) = sigfd.read_signal() {
                    if info.ssi_signo == Signal::SIGWINCH as u32 {
                        if let Some(size) = window() {
                            set_window_size(&master, size);
                        }
                    }
                }
                if status.is_none() {
                    status = match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
                        Ok(WaitStatus::Exited(_, c)) => Some(Status::Exited(c)),
                        Ok(WaitStatus::Signaled(_, s, _)) => Some(Status::Signaled(s as i32)),
                        _ => None,
                    };
                }
                // Processes it started may keep the pty open: once it has exited, stop after
                // what is buffered now.
                if status.is_some() {
                    drain(&master, output, &mut buf);
                    break;
                }
            }
        }
        match status {
            Some(s) => Ok(s),
            None => Ok(exec::wait(pid)?),
        }
    }
}

/// Copies what the master has buffered to `output` without waiting for more.
fn drain(master: &OwnedFd, output: BorrowedFd<'_>, buf: &mut [u8]) {
    loop {
        let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLIN)];
        if !matches!(poll(&mut fds, PollTimeout::ZERO), Ok(n) if n > 0) {
            return;
        }
        match nix::unistd::read(master.as_raw_fd(), buf) {
            Ok(n) if n > 0 => {
                if write_all(output, &buf[..n]).is_err() {
                    return;
                }
            }
            _ => return,
        }
    }
}
