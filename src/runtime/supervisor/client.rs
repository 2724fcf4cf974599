//! The client side of attach: a command (`run`, `start -a`, `attach`) relays the container's
//! output from the supervisor's attach socket, and its stdin, signals and window size to it,
//! over the [`frame`] protocol.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{kill, SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::unistd::Pid;

use super::protocol::frame;
use super::RELAYED;
use crate::runtime::run_dir::RunDir;

/// Connects to the attach socket of the supervisor whose state directory is `state_dir` (see
/// [`RunDir::connect_attach`]).
pub fn connect(state_dir: &Path) -> std::io::Result<UnixStream> {
    RunDir::new(state_dir).connect_attach()
}

/// Sees the client's stdin before it is sent (the detach keys, see `cli::tty`).
pub trait InputFilter {
    /// Appends what of `data` goes to the container to `out`; true to detach now.
    fn feed(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool;
}

/// How an attach ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attached {
    /// The container exited with this code.
    Exited(i32),
    /// The supervisor closed the connection without an exit code.
    Closed,
    /// The client detached (its [`InputFilter`] said so); the container runs on.
    Detached,
}

/// What [`attach_with`] relays besides the output.
#[derive(Default)]
pub struct AttachOptions<'a> {
    /// Copied to the container (EOF included).
    pub stdin: Option<std::os::fd::BorrowedFd<'a>>,
    /// The supervisor: the signals it relays are blocked in this process and passed on to it
    /// (podman's sig-proxy), so `kill -TERM` of the attached command reaches the container.
    pub relay_to: Option<Pid>,
    /// A terminal whose window size the container's terminal follows: sent at the start and on
    /// every SIGWINCH.
    pub terminal: Option<std::os::fd::BorrowedFd<'a>>,
    /// Filters stdin; may end the attach with [`Attached::Detached`].
    pub input: Option<&'a mut dyn InputFilter>,
}

/// The client side of attach with the defaults of [`attach_with`] but for `stdin` and
/// `relay_to`: `Some(code)` when the container exited, `None` when the supervisor went away
/// without a code.
pub fn attach(
    stream: &UnixStream,
    stdin: Option<std::os::fd::BorrowedFd<'_>>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    relay_to: Option<Pid>,
) -> std::io::Result<Option<i32>> {
    let opts = AttachOptions { stdin, relay_to, ..Default::default() };
    Ok(match attach_with(stream, opts, stdout, stderr)? {
        Attached::Exited(code) => Some(code),
        Attached::Closed | Attached::Detached => None,
    })
}

/// The signals [`attach_with`] blocks and reads from a signalfd for these options.
pub fn attach_signals(relay: bool, terminal: bool) -> SigSet {
    let mut set = SigSet::empty();
    if relay {
        RELAYED.iter().for_each(|s| set.add(*s));
    }
    if terminal {
        set.add(Signal::SIGWINCH);
    }
    set
}

/// The window size of `terminal` as a resize frame.
fn resize_frame(terminal: std::os::fd::BorrowedFd<'_>) -> Option<Vec<u8>> {
    let (rows, cols) = window_size(terminal)?;
    Some(frame::encode(frame::RESIZE, &frame::resize(rows, cols)))
}

/// The window size (rows, columns) of `terminal`, if it is one and has a size.
pub fn window_size(terminal: std::os::fd::BorrowedFd<'_>) -> Option<(u16, u16)> {
    let size = rustix::termios::tcgetwinsize(terminal).ok()?;
    (size.ws_row > 0 && size.ws_col > 0).then_some((size.ws_row, size.ws_col))
}

/// The client side of attach: copies the container's output to `stdout`/`stderr` and the
/// options' stdin (through its filter), signals and window size to the supervisor until the
/// supervisor sends the exit code, closes the connection, or the filter detaches. Call it
/// single-threaded; the signals of [`attach_signals`] stay blocked afterwards.
pub fn attach_with(
    stream: &UnixStream,
    opts: AttachOptions<'_>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> std::io::Result<Attached> {
    let AttachOptions { mut stdin, relay_to, terminal, mut input } = opts;
    let handled = attach_signals(relay_to.is_some(), terminal.is_some());
    let sigfd = if handled == SigSet::empty() {
        None
    } else {
        handled.thread_block()?;
        Some(SignalFd::with_flags(&handled, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)?)
    };
    // Non-blocking, so that stdin the supervisor cannot take yet never stops the output.
    stream.set_nonblocking(true)?;
    let mut incoming = Vec::new();
    let mut outgoing: Vec<u8> = terminal.and_then(resize_frame).unwrap_or_default();
    let mut buf = vec![0u8; 32 * 1024];
    let mut forwarded = Vec::new();
    loop {
        let socket_events =
            if outgoing.is_empty() { PollFlags::POLLIN } else { PollFlags::POLLIN | PollFlags::POLLOUT };
        let mut fds = vec![PollFd::new(stream.as_fd(), socket_events)];
        if let Some(fd) = &sigfd {
            fds.push(PollFd::new(fd.as_fd(), PollFlags::POLLIN));
        }
        let stdin_at = fds.len();
        if let (Some(fd), true) = (stdin, outgoing.is_empty()) {
            fds.push(PollFd::new(fd, PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) => {}
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
        let revents: Vec<PollFlags> = fds.iter().map(|f| f.revents().unwrap_or(PollFlags::empty())).collect();
        drop(fds);
        if let Some(fd) = &sigfd {
            if !revents[1].is_empty() {
                while let Ok(Some(info)) = fd.read_signal() {
                    match Signal::try_from(info.ssi_signo as i32) {
                        Ok(Signal::SIGWINCH) => {
                            outgoing.extend(terminal.and_then(resize_frame).unwrap_or_default())
                        }
                        Ok(sig) => {
                            if let Some(pid) = relay_to {
                                let _ = kill(pid, sig);
                            }
                        }
                        Err(_) => {}
                    }
                }
            }
        }
        if let (Some(fd), Some(ev)) = (stdin, revents.get(stdin_at)) {
            if !ev.is_empty() {
                let n = match nix::unistd::read(fd.as_raw_fd(), &mut buf) {
                    Ok(n) => n,
                    Err(Errno::EINTR | Errno::EAGAIN) => continue,
                    Err(_) => 0,
                };
                if n == 0 {
                    outgoing.extend(frame::encode(frame::STDIN, &[]));
                    stdin = None;
                } else {
                    forwarded.clear();
                    let detach = match input.as_mut() {
                        Some(filter) => filter.feed(&buf[..n], &mut forwarded),
                        None => {
                            forwarded.extend_from_slice(&buf[..n]);
                            false
                        }
                    };
                    if !forwarded.is_empty() {
                        outgoing.extend(frame::encode(frame::STDIN, &forwarded));
                    }
                    if detach {
                        // What came before the keys still goes out, as far as the socket takes it.
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                        let _ = (&*stream).write_all(&outgoing);
                        return Ok(Attached::Detached);
                    }
                }
            }
        }
        if !outgoing.is_empty() {
            match (&*stream).write(&outgoing) {
                Ok(n) => drop(outgoing.drain(..n)),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // The supervisor is gone; its exit frame, if any, is still to be read.
                Err(_) => {
                    outgoing.clear();
                    stdin = None;
                }
            }
        }
        if revents[0].intersects(PollFlags::POLLIN | PollFlags::POLLHUP | PollFlags::POLLERR) {
            let n = match (&*stream).read(&mut buf) {
                Ok(n) => n,
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::Interrupted
                    ) =>
                {
                    continue
                }
                Err(e) => return Err(e),
            };
            if n == 0 {
                return Ok(Attached::Closed);
            }
            incoming.extend_from_slice(&buf[..n]);
            for (kind, data) in frame::decode(&mut incoming) {
                match kind {
                    frame::STDOUT => {
                        stdout.write_all(&data)?;
                        stdout.flush()?;
                    }
                    frame::STDERR => {
                        stderr.write_all(&data)?;
                        stderr.flush()?;
                    }
                    frame::EXIT => {
                        let code = String::from_utf8_lossy(&data).trim().parse().ok();
                        return Ok(code.map_or(Attached::Closed, Attached::Exited));
                    }
                    _ => {}
                }
            }
        }
    }
}
