//! `exec -t`: the exec process gets a pty; this process relays between its own terminal and the
//! pty's master, with the terminal in raw mode (restored on every way out: [`RawMode`] is a
//! guard), the window size copied at the start and on every SIGWINCH.
//!
//! Called after joining the container's mount namespace, so the pty is opened on the container's
//! /dev/ptmx and the process's terminal is one of its /dev/pts entries. The master is owned here;
//! the slave goes to the process as its controlling terminal and is closed here after the fork,
//! so EOF (EIO) on the master means the process side is gone.
//!
//! The raw-mode guard and the window size are those of `run -t` and `attach` ([`crate::cli::tty`],
//! [`supervisor::window_size`]).

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use anyhow::Context as _;
use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};

use crate::cli::tty::{is_terminal, RawMode};
use crate::runtime::linux::exec;
use crate::runtime::linux::Status;
use crate::runtime::supervisor;

/// Copies the window size of our terminal (stdin, else stdout) to `master`.
fn copy_winsize(master: &OwnedFd) {
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    let size = supervisor::window_size(stdin.as_fd()).or_else(|| supervisor::window_size(stdout.as_fd()));
    if let Some((rows, cols)) = size {
        let ws = rustix::termios::Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        let _ = rustix::termios::tcsetwinsize(master, ws);
    }
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

/// Runs `process` (after [`exec::join`]) on a new pty and relays until it exits; `interactive`
/// forwards stdin to it.
pub fn run(
    process: &oci_spec::runtime::Process,
    filter: Option<&seccompiler::BpfProgram>,
    interactive: bool,
) -> anyhow::Result<Status> {
    let pty = nix::pty::openpty(None, None).context("cannot open a pty in the container (/dev/ptmx)")?;
    copy_winsize(&pty.master);
    // Blocked before the fork so that none is missed; the child unblocks everything.
    let mut handled = SigSet::empty();
    handled.add(Signal::SIGWINCH);
    handled.add(Signal::SIGCHLD);
    handled.thread_block().context("cannot block SIGWINCH and SIGCHLD")?;
    let sigfd = SignalFd::with_flags(&handled, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)
        .context("cannot create a signalfd")?;
    let stdio = exec::Stdio { stdin: None, tty: Some(pty.slave) };
    let spawned = exec::spawn(process, filter, stdio, false)?.expect("not detached");
    let _raw = {
        let stdin = std::io::stdin();
        match interactive && is_terminal(stdin.as_fd()) {
            true => Some(RawMode::enable(stdin.as_fd()).context("cannot put the terminal in raw mode")?),
            false => None,
        }
    };
    let master = pty.master;
    let stdout = std::io::stdout();
    let stdin = std::io::stdin();
    let mut stdin_open = interactive;
    let mut status = None;
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let mut fds = vec![
            PollFd::new(master.as_fd(), PollFlags::POLLIN),
            PollFd::new(sigfd.as_fd(), PollFlags::POLLIN),
        ];
        if stdin_open {
            fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) | Err(Errno::EINTR) => {}
            Err(e) => return Err(e).context("poll"),
        }
        let ready = |i: usize| fds.get(i).and_then(|f| f.revents()).is_some_and(|r| !r.is_empty());
        let (master_ready, sig_ready, stdin_ready) = (ready(0), ready(1), ready(2));
        drop(fds);
        if master_ready {
            match nix::unistd::read(master.as_raw_fd(), &mut buf) {
                Ok(0) | Err(Errno::EIO) => break,
                Ok(n) => {
                    if write_all(stdout.as_fd(), &buf[..n]).is_err() {
                        break;
                    }
                }
                Err(Errno::EINTR) | Err(Errno::EAGAIN) => {}
                Err(e) => return Err(e).context("cannot read the pty"),
            }
        }
        if stdin_ready {
            match nix::unistd::read(stdin.as_raw_fd(), &mut buf) {
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
                    copy_winsize(&master);
                }
            }
            if status.is_none() {
                status = match waitpid(spawned.pid, Some(WaitPidFlag::WNOHANG)) {
                    Ok(WaitStatus::Exited(_, c)) => Some(Status::Exited(c)),
                    Ok(WaitStatus::Signaled(_, s, _)) => Some(Status::Signaled(s as i32)),
                    _ => None,
                };
            }
            // Processes it started may keep the pty open: once it has exited, stop after
            // what is buffered now.
            if status.is_some() {
                drain(&master, &stdout, &mut buf);
                break;
            }
        }
    }
    let status = match status {
        Some(s) => s,
        None => exec::wait(spawned.pid)?,
    };
    Ok(status)
}

/// Copies what the master has buffered to stdout without waiting for more.
fn drain(master: &OwnedFd, stdout: &std::io::Stdout, buf: &mut [u8]) {
    loop {
        let mut fds = [PollFd::new(master.as_fd(), PollFlags::POLLIN)];
        if !matches!(poll(&mut fds, PollTimeout::ZERO), Ok(n) if n > 0) {
            return;
        }
        match nix::unistd::read(master.as_raw_fd(), buf) {
            Ok(n) if n > 0 => {
                if write_all(stdout.as_fd(), &buf[..n]).is_err() {
                    return;
                }
            }
            _ => return,
        }
    }
}
