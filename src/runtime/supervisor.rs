//! The supervisor (conmon's role): one long-lived process per container, the same binary
//! re-executed as the hidden `skiff supervisor`, started by [`start`].
//!
//! What it does, in order: leaves the caller's session (setsid), becomes the child subreaper,
//! blocks the signals it handles and reads them from a signalfd, writes `STATE/supervisor.pid`,
//! binds the attach socket `STATE/attach`, starts the container as its direct child with
//! stdout/stderr pipes (stdin a pipe only when asked, else /dev/null), writes
//! `STATE/container.pid`, reports "started" (or the start error) over the ready pipe, then polls
//! the pipes, the signalfd, the listening socket and the attached clients until the container has
//! exited and its pipes are drained. It writes the log in k8s-file format, relays SIGTERM, SIGINT,
//! SIGHUP, SIGQUIT, SIGUSR1 and SIGUSR2 to the container, reaps every child (orphans re-parented to
//! it too), records `STATE/exit.json` atomically, sends the exit code to attached clients, runs the
//! cleanup command and exits.
//!
//! Invariants:
//! - Single-threaded and without tokio (poll(2) only), so the container can be cloned from it and
//!   its resident set stays small.
//! - The container gets PR_SET_PDEATHSIG=SIGKILL: a supervisor killed with `kill -9` never leaves
//!   an unsupervised container running (conmon leaves it running; we prefer that nothing runs
//!   that no one records). The kernel clears that setting when the container's init changes its
//!   effective uid/gid, so a container whose process user is not 0 loses it (left for the init).
//! - With `--runtime`, the container is started through the external runtime instead (see
//!   [`super::external`]); it still ends up the supervisor's child, re-parented to the subreaper.
//! - Descriptors: the supervisor owns the read ends of stdout/stderr, the write end of stdin, the
//!   signalfd, the listener and the clients, all close-on-exec; the container owns only fds 0-2.
//!
//! With `process.terminal` in the spec (`-t`), the container opens a pty in its own /dev/pts and
//! sends the master over a socketpair (the console socket; crun's --console-socket does the same);
//! the supervisor then holds the master instead of the pipes: its output is the container's stdout
//! (log and clients), client stdin is written to it, a client's EOF becomes the terminal's EOF
//! character (ctrl-d) rather than a hang-up, and resize frames set its window size (TIOCSWINSZ,
//! which sends the container SIGWINCH). The user's own terminal never reaches the container:
//! its controlling terminal is that pty, in its own session, so TIOCSTI can only push input into
//! the container itself (the escape of CVE-2017-5226, bubblewrap, needs the caller's terminal).
//!
//! The attach protocol ([`frame`]): frames of one stream byte, a big-endian u32 length and the
//! payload. The supervisor sends [`frame::STDOUT`] and [`frame::STDERR`] data and, last, one
//! [`frame::EXIT`] frame holding the exit code in decimal; a client sends [`frame::STDIN`] data,
//! an empty stdin frame for EOF, and [`frame::RESIZE`] frames (rows and columns, big-endian u16
//! each). A client detaches by closing its end.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::errno::Errno;
use nix::fcntl::{fcntl, FcntlArg, FdFlag, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{kill, SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use super::external;
use super::linux::{self, container_main, message, StartFailure, Status};

/// Signals relayed to the container.
pub const RELAYED: [Signal; 6] =
    [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2];

/// How long the supervisor keeps draining the pipes after the container exited, for output of
/// processes that escaped its pid namespace (only without one).
const DRAIN_GRACE: Duration = Duration::from_millis(500);

/// Errors of the supervisor and of [`start`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot listen on the attach socket {path}")]
    Listen {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot set up the supervisor: {step}")]
    Setup {
        step: &'static str,
        #[source]
        source: Errno,
    },
    #[error(transparent)]
    Runtime(#[from] linux::Error),
    #[error(transparent)]
    External(#[from] external::Error),
    #[error("cannot start the supervisor {exe}")]
    Spawn {
        exe: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot create the attach socket pair")]
    Socketpair(#[source] std::io::Error),
    #[error("the supervisor exited before it reported the container's start (see {log})")]
    NoReport { log: PathBuf },
    /// The container failed before its exec; `message` is its own report.
    #[error("{message}")]
    Start { message: String, failure: StartFailure },
}

/// What the supervisor is told to do (the hidden command's arguments, resolved).
#[derive(Debug)]
pub struct Config {
    pub bundle: PathBuf,
    pub state_dir: PathBuf,
    /// The container's log (k8s-file format).
    pub log: PathBuf,
    /// Give the container a stdin pipe fed by attached clients (else /dev/null).
    pub stdin: bool,
    /// Run after the exit has been recorded (e.g. `skiff container cleanup ID`).
    pub cleanup: Vec<OsString>,
    /// Where to report "started PID" or "failed CODE:TEXT" (then closed).
    pub ready: Option<OwnedFd>,
    /// A client attached from the start (one end of a socketpair made by [`start`]), so that no
    /// output is missed between the start and a connect.
    pub attached: Option<OwnedFd>,
    /// With a terminal: its window size (rows, columns) before the container's exec.
    pub console_size: Option<(u16, u16)>,
    /// `--runtime`: an external OCI runtime (name or path) instead of the built-in one.
    pub runtime: Option<String>,
}

/// `STATE/exit.json`: how the container ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExitRecord {
    /// The exit code, or 128+N when killed by signal N (the start failure's code if it never ran).
    pub exit_code: i32,
    /// RFC 3339 with nanoseconds.
    pub finished_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<i32>,
}

impl ExitRecord {
    fn new(status: Status) -> ExitRecord {
        let (exit_code, signal) = match status {
            Status::Exited(code) => (code, None),
            Status::Signaled(sig) => (128 + sig, Some(sig)),
        };
        ExitRecord { exit_code, finished_at: now(), signal }
    }

    /// Reads `STATE/exit.json`, `None` while the container has not exited.
    pub fn read(state_dir: &Path) -> Option<ExitRecord> {
        let bytes = std::fs::read(state_dir.join(EXIT_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// File names in the state directory.
pub const EXIT_FILE: &str = "exit.json";
pub const ATTACH_SOCKET: &str = "attach";
pub const SUPERVISOR_PID: &str = "supervisor.pid";
pub const CONTAINER_PID: &str = "container.pid";
pub const DEFAULT_LOG: &str = "ctr.log";
/// The supervisor's own diagnostics (its stderr).
pub const SUPERVISOR_LOG: &str = "supervisor.log";

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string()
}

/// Writes a file of the state directory (run-time state: atomic, not fsynced).
fn write_file(path: PathBuf, bytes: &[u8]) -> Result<(), Error> {
    crate::storage::atomic::write_replace(&path, bytes).map_err(|source| Error::Write { path, source })
}

/// The attach framing (see the module comment).
pub mod frame {
    pub const STDIN: u8 = 0;
    pub const STDOUT: u8 = 1;
    pub const STDERR: u8 = 2;
    pub const EXIT: u8 = 3;
    pub const RESIZE: u8 = 4;

    /// A resize frame's payload.
    pub fn resize(rows: u16, cols: u16) -> Vec<u8> {
        let mut v = rows.to_be_bytes().to_vec();
        v.extend_from_slice(&cols.to_be_bytes());
        v
    }

    /// Rows and columns of a resize frame's payload.
    pub fn parse_resize(data: &[u8]) -> Option<(u16, u16)> {
        match data {
            [r0, r1, c0, c1] => Some((u16::from_be_bytes([*r0, *r1]), u16::from_be_bytes([*c0, *c1]))),
            _ => None,
        }
    }

    /// One frame: stream, length, payload.
    pub fn encode(stream: u8, data: &[u8]) -> Vec<u8> {
        let mut v = Vec::with_capacity(5 + data.len());
        v.push(stream);
        v.extend_from_slice(&(data.len() as u32).to_be_bytes());
        v.extend_from_slice(data);
        v
    }

    /// Takes the complete frames off the front of `buf`, leaving a partial one.
    pub fn decode(buf: &mut Vec<u8>) -> Vec<(u8, Vec<u8>)> {
        let mut out = Vec::new();
        let mut at = 0;
        while buf.len() - at >= 5 {
            let len = u32::from_be_bytes([buf[at + 1], buf[at + 2], buf[at + 3], buf[at + 4]]) as usize;
            if buf.len() - at - 5 < len {
                break;
            }
            out.push((buf[at], buf[at + 5..at + 5 + len].to_vec()));
            at += 5 + len;
        }
        buf.drain(..at);
        out
    }
}

/// Formats `data` read from `stream` ("stdout"/"stderr") as k8s-file lines stamped `time`: one
/// `F` line per complete line, a `P` line for a trailing partial line (as conmon does).
pub fn k8s_lines(time: &str, stream: &str, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 64);
    let mut rest = data;
    while !rest.is_empty() {
        let (line, tag, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], "F", &rest[i + 1..]),
            None => (rest, "P", &rest[rest.len()..]),
        };
        out.extend_from_slice(format!("{time} {stream} {tag} ").as_bytes());
        out.extend_from_slice(line);
        out.push(b'\n');
        rest = next;
    }
    out
}

fn setup<T>(step: &'static str, r: nix::Result<T>) -> Result<T, Error> {
    r.map_err(|source| Error::Setup { step, source })
}

fn cloexec_pipe() -> Result<(OwnedFd, OwnedFd), Error> {
    setup("pipe", nix::unistd::pipe2(OFlag::O_CLOEXEC))
}

/// An attached client and its unparsed input.
struct Client {
    stream: UnixStream,
    input: Vec<u8>,
    /// Hung up or too slow: removed at the end of the poll round.
    gone: bool,
}

impl Client {
    fn new(stream: UnixStream) -> Client {
        // A client that stops reading must not stall the container's output for long.
        let _ = stream.set_write_timeout(Some(Duration::from_secs(2)));
        Client { stream, input: Vec::new(), gone: false }
    }
}

/// Runs the supervisor to the container's end; returns the exit code it recorded. Must be called
/// single-threaded, inside skiff's user namespace, in a process that is not a group leader.
pub fn run(mut config: Config) -> Result<i32, Error> {
    let _ = nix::unistd::setsid();
    setup("PR_SET_CHILD_SUBREAPER", nix::sys::prctl::set_child_subreaper(true))?;
    let mut handled: SigSet = RELAYED.iter().copied().collect();
    handled.add(Signal::SIGCHLD);
    handled.add(Signal::SIGPIPE);
    setup("block signals", handled.thread_block())?;
    let sigfd =
        setup("signalfd", SignalFd::with_flags(&handled, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK))?;

    let state = config.state_dir.clone();
    write_file(state.join(SUPERVISOR_PID), std::process::id().to_string().as_bytes())?;
    let socket = state.join(ATTACH_SOCKET);
    let _ = std::fs::remove_file(&socket);
    let listener =
        bind_short(&state, &socket).map_err(|source| Error::Listen { path: socket.clone(), source })?;
    listener.set_nonblocking(true).map_err(|source| Error::Listen { path: socket.clone(), source })?;
    let mut log = fs_err::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&config.log)
        .map_err(|source| Error::Open { path: config.log.clone(), source })?;

    let (stdio, mut outputs, mut stdin_w, console) = if wants_terminal(&config.bundle) {
        let (ours, theirs) = UnixStream::pair().map_err(Error::Socketpair)?;
        let stdio = container_main::Stdio { console: Some(theirs.into()), ..Default::default() };
        (stdio, [None, None], None, Some(ours))
    } else {
        let (out_r, out_w) = cloexec_pipe()?;
        let (err_r, err_w) = cloexec_pipe()?;
        let (stdin_r, stdin_w) = if config.stdin {
            let (r, w) = cloexec_pipe()?;
            // Only our end: a container that does not read must not block the supervisor.
            setup("fcntl", fcntl(w.as_raw_fd(), FcntlArg::F_SETFL(OFlag::O_NONBLOCK)))?;
            (r, Some(w))
        } else {
            let null = fs_err::File::open("/dev/null")
                .map_err(|source| Error::Open { path: "/dev/null".into(), source })?;
            (OwnedFd::from(null.into_parts().0), None)
        };
        let stdio = container_main::Stdio {
            stdin: Some(stdin_r),
            stdout: Some(out_w),
            stderr: Some(err_w),
            console: None,
        };
        (stdio, [Some(out_r), Some(err_r)], stdin_w, None)
    };
    let (external, spawned) = spawn_container(&config, stdio);
    let spawned = match spawned {
        Ok(s) => s,
        Err(e) => {
            record_exit(&config, &ExitRecord { exit_code: 125, finished_at: now(), signal: None });
            report(&mut config.ready, &format!("failed 125:{e}"));
            return Err(e);
        }
    };
    let container = spawned.pid;
    let _ = write_file(state.join(CONTAINER_PID), container.as_raw().to_string().as_bytes());
    // The container sends the pty master before its exec, or closes the socket failing.
    let tty = console.as_ref().and_then(receive_fd);
    if let (Some(master), Some((rows, cols))) = (&tty, config.console_size) {
        let size = rustix::termios::Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        if let Err(e) = rustix::termios::tcsetwinsize(master, size) {
            tracing::warn!("cannot set the terminal size to {rows}x{cols}: {e}");
        }
    }
    // The container waits for this before its exec, so that it starts with the size set.
    if let Some(c) = console {
        let _ = (&c).write_all(b"k");
    }
    if let Some(master) = &tty {
        // Shared by the copies below: reads and writes never block the loop.
        setup("fcntl", fcntl(master.as_raw_fd(), FcntlArg::F_SETFL(OFlag::O_NONBLOCK)))?;
        outputs[0] = master.try_clone().ok();
        if config.stdin {
            stdin_w = master.try_clone().ok();
        }
    }
    if let Some((failure, text)) = message::receive(spawned.errors) {
        let _ = waitpid(container, None);
        let record = ExitRecord { exit_code: failure.exit_code(), finished_at: now(), signal: None };
        record_exit(&config, &record);
        // Reported after the record, so that the caller finds exit.json when it returns.
        report(&mut config.ready, &format!("failed {}:{text}", failure.exit_code()));
        finish(&config, &record, &mut Vec::new());
        return Ok(record.exit_code);
    }
    report(&mut config.ready, &format!("started {container}"));

    let mut clients: Vec<Client> =
        config.attached.take().map(|fd| Client::new(UnixStream::from(fd))).into_iter().collect();
    let mut loop_state = Loop {
        container,
        status: None,
        outputs,
        stdin: stdin_w,
        tty,
        pending: Vec::new(),
        stdin_eof: false,
        log: &mut log,
        log_path: &config.log,
    };
    loop_state.serve(&sigfd, &listener, &mut clients);
    let status = loop_state.status.unwrap_or(Status::Signaled(libc::SIGKILL));
    if let Some(rt) = &external {
        rt.delete();
    }
    let record = ExitRecord::new(status);
    let _ = std::fs::remove_file(&socket);
    record_exit(&config, &record);
    finish(&config, &record, &mut clients);
    Ok(record.exit_code)
}

/// True when the bundle's spec asks for a terminal (`process.terminal`).
fn wants_terminal(bundle: &Path) -> bool {
    oci_spec::runtime::Spec::load(bundle.join("config.json"))
        .ok()
        .and_then(|s| s.process().as_ref().and_then(|p| p.terminal()))
        .unwrap_or(false)
}

/// Receives one descriptor sent as SCM_RIGHTS on `socket` (blocking); `None` at EOF.
fn receive_fd(socket: &UnixStream) -> Option<OwnedFd> {
    use nix::sys::socket::{recvmsg, ControlMessageOwned, MsgFlags};
    let mut byte = [0u8; 1];
    let mut iov = [std::io::IoSliceMut::new(&mut byte)];
    let mut space = nix::cmsg_space!([RawFd; 1]);
    let msg = loop {
        match recvmsg::<()>(socket.as_raw_fd(), &mut iov, Some(&mut space), MsgFlags::MSG_CMSG_CLOEXEC) {
            Err(Errno::EINTR) => continue,
            r => break r.ok()?,
        }
    };
    let fd = msg.cmsgs().ok()?.find_map(|c| match c {
        ControlMessageOwned::ScmRights(fds) => fds.first().copied(),
        _ => None,
    })?;
    // The kernel installed this descriptor in this process for us alone.
    inherited_fd(fd)
}

/// Connects to the attach socket of the supervisor whose state directory is `state_dir` (through
/// `/proc/self/fd/N/`, like [`bind_short`]).
pub fn connect(state_dir: &Path) -> std::io::Result<UnixStream> {
    let dir_fd = std::fs::File::open(state_dir)?;
    UnixStream::connect(Path::new("/proc/self/fd").join(dir_fd.as_raw_fd().to_string()).join(ATTACH_SOCKET))
}

/// Starts the container with the built-in runtime, or with the external one of `--runtime` (which
/// is returned too, for its `delete` after the exit).
fn spawn_container(
    config: &Config,
    stdio: container_main::Stdio,
) -> (Option<external::Runtime>, Result<container_main::Spawned, Error>) {
    let Some(name) = &config.runtime else {
        return (
            None,
            container_main::spawn(&config.bundle, stdio, Some(Signal::SIGKILL)).map_err(Error::from),
        );
    };
    match external::Runtime::new(name, &config.state_dir) {
        Ok(rt) => {
            let spawned = rt.spawn(&config.bundle, stdio).map_err(Error::from);
            (Some(rt), spawned)
        }
        Err(e) => (None, Err(e.into())),
    }
}

/// Binds `socket` (in `dir`) through `/proc/self/fd/N/`, as conmon does, so that a state
/// directory deeper than a socket address allows (108 bytes) still works.
fn bind_short(dir: &Path, socket: &Path) -> std::io::Result<UnixListener> {
    let dir_fd = std::fs::File::open(dir)?;
    let name = socket.file_name().unwrap_or_default();
    let short = Path::new("/proc/self/fd").join(dir_fd.as_raw_fd().to_string()).join(name);
    UnixListener::bind(short)
}

fn record_exit(config: &Config, record: &ExitRecord) {
    let json = serde_json::to_vec(record).unwrap_or_default();
    if let Err(e) = write_file(config.state_dir.join(EXIT_FILE), &json) {
        tracing::error!("{e}");
    }
}

/// Tells the clients the exit code (recorded before), runs the cleanup command.
fn finish(config: &Config, record: &ExitRecord, clients: &mut Vec<Client>) {
    let bytes = frame::encode(frame::EXIT, record.exit_code.to_string().as_bytes());
    for c in clients.drain(..) {
        let _ = (&c.stream).write_all(&bytes);
    }
    if let Some((program, args)) = config.cleanup.split_first() {
        match std::process::Command::new(program).args(args).status() {
            Ok(s) if !s.success() => tracing::warn!("the cleanup command {program:?} failed: {s}"),
            Ok(_) => {}
            Err(e) => tracing::warn!("cannot run the cleanup command {program:?}: {e}"),
        }
    }
}

fn report(ready: &mut Option<OwnedFd>, text: &str) {
    if let Some(fd) = ready.take() {
        let _ = std::fs::File::from(fd).write_all(text.as_bytes());
    }
}

/// The state of the poll loop.
struct Loop<'a> {
    container: Pid,
    status: Option<Status>,
    /// stdout and stderr read ends, `None` once at EOF.
    outputs: [Option<OwnedFd>; 2],
    /// The container's stdin (non-blocking), data from clients not yet written to it, and whether
    /// a client sent EOF (the pipe is closed once `pending` is written). While data is pending,
    /// clients are not read: the container's pace holds them back.
    stdin: Option<OwnedFd>,
    pending: Vec<u8>,
    stdin_eof: bool,
    /// The pty master with `process.terminal` (also `outputs[0]` and, with stdin, `stdin`).
    tty: Option<OwnedFd>,
    log: &'a mut fs_err::File,
    log_path: &'a Path,
}

impl Loop<'_> {
    fn serve(&mut self, sigfd: &SignalFd, listener: &UnixListener, clients: &mut Vec<Client>) {
        let mut buf = vec![0u8; 16 * 1024];
        while self.status.is_none() || self.outputs.iter().any(Option::is_some) {
            let timeout = if self.status.is_some() {
                PollTimeout::try_from(DRAIN_GRACE.as_millis() as i32).unwrap_or(PollTimeout::ZERO)
            } else {
                PollTimeout::NONE
            };
            let readable = PollFlags::POLLIN;
            let mut fds = vec![PollFd::new(sigfd.as_fd(), readable), PollFd::new(listener.as_fd(), readable)];
            let mut outs = Vec::new();
            for (i, o) in self.outputs.iter().enumerate() {
                if let Some(fd) = o {
                    fds.push(PollFd::new(fd.as_fd(), readable));
                    outs.push(i);
                }
            }
            let stdin_waits = self.stdin.is_some() && !self.pending.is_empty();
            if let (Some(fd), true) = (&self.stdin, stdin_waits) {
                fds.push(PollFd::new(fd.as_fd(), PollFlags::POLLOUT));
            }
            if !stdin_waits {
                for c in clients.iter() {
                    fds.push(PollFd::new(c.stream.as_fd(), readable));
                }
            }
            match poll(&mut fds, timeout) {
                Ok(0) => break,
                Ok(_) => {}
                Err(Errno::EINTR) => continue,
                Err(e) => {
                    tracing::error!("poll failed: {e}");
                    break;
                }
            }
            let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
            drop(fds);
            if ready[0] {
                self.signals(sigfd);
            }
            if ready[1] {
                while let Ok((stream, _)) = listener.accept() {
                    let _ = stream.set_nonblocking(false);
                    clients.push(Client::new(stream));
                }
            }
            for (k, &i) in outs.iter().enumerate() {
                if ready[2 + k] {
                    self.output(i, &mut buf, clients);
                }
            }
            let first_client = 2 + outs.len();
            if stdin_waits {
                if ready[first_client] {
                    self.flush_stdin();
                }
            } else {
                // Clients are removed only below, so these indexes still match the poll set
                // (clients accepted in this round come after it).
                for (k, c) in clients.iter_mut().enumerate() {
                    if ready.get(first_client + k) == Some(&true) && !self.client_input(c, &mut buf) {
                        c.gone = true;
                    }
                }
            }
            clients.retain(|c| !c.gone);
        }
    }

    fn signals(&mut self, sigfd: &SignalFd) {
        while let Ok(Some(info)) = sigfd.read_signal() {
            let Ok(sig) = Signal::try_from(info.ssi_signo as i32) else { continue };
            match sig {
                Signal::SIGCHLD => self.reap(),
                Signal::SIGPIPE => {}
                sig if self.status.is_none() => {
                    if let Err(e) = kill(self.container, sig) {
                        tracing::warn!("cannot relay {sig} to the container: {e}");
                    }
                }
                _ => {}
            }
        }
    }

    /// Reaps every exited child: the container, and orphans it left (we are the subreaper).
    fn reap(&mut self) {
        loop {
            match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::Exited(pid, code)) if pid == self.container => {
                    self.status = Some(Status::Exited(code))
                }
                Ok(WaitStatus::Signaled(pid, sig, _)) if pid == self.container => {
                    self.status = Some(Status::Signaled(sig as i32))
                }
                Ok(WaitStatus::StillAlive) | Err(Errno::ECHILD) => break,
                Ok(_) | Err(Errno::EINTR) => continue,
                Err(e) => {
                    tracing::error!("waitpid failed: {e}");
                    break;
                }
            }
        }
        if self.status.is_some() {
            // Nobody will read the container's stdin any more.
            self.stdin = None;
        }
    }

    fn output(&mut self, i: usize, buf: &mut [u8], clients: &mut [Client]) {
        let Some(fd) = &self.outputs[i] else { return };
        let n = match nix::unistd::read(fd.as_raw_fd(), buf) {
            Ok(n) => n,
            Err(Errno::EINTR | Errno::EAGAIN) => return,
            Err(_) => 0,
        };
        if n == 0 {
            self.outputs[i] = None;
            return;
        }
        let data = &buf[..n];
        let (name, stream) = if i == 0 { ("stdout", frame::STDOUT) } else { ("stderr", frame::STDERR) };
        if let Err(e) = self.log.write_all(&k8s_lines(&now(), name, data)) {
            tracing::warn!("cannot write the log {}: {e}", self.log_path.display());
        }
        let bytes = frame::encode(stream, data);
        for c in clients.iter_mut().filter(|c| !c.gone) {
            c.gone = (&c.stream).write_all(&bytes).is_err();
        }
    }

    /// Reads a client's frames; false when the client is gone.
    fn client_input(&mut self, c: &mut Client, buf: &mut [u8]) -> bool {
        let n = match (&c.stream).read(buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        c.input.extend_from_slice(&buf[..n]);
        for (stream, data) in frame::decode(&mut c.input) {
            match stream {
                // Hanging up would end the container's session: send the EOF character.
                frame::STDIN if data.is_empty() && self.tty.is_some() && self.stdin.is_some() => {
                    self.pending.push(4)
                }
                frame::STDIN if data.is_empty() && self.tty.is_some() => {}
                frame::STDIN if data.is_empty() => self.stdin_eof = true,
                frame::STDIN if self.stdin.is_some() => self.pending.extend_from_slice(&data),
                frame::RESIZE => {
                    if let (Some(tty), Some((rows, cols))) = (&self.tty, frame::parse_resize(&data)) {
                        let size = rustix::termios::Winsize {
                            ws_row: rows,
                            ws_col: cols,
                            ws_xpixel: 0,
                            ws_ypixel: 0,
                        };
                        if let Err(e) = rustix::termios::tcsetwinsize(tty, size) {
                            tracing::warn!("cannot set the terminal size to {rows}x{cols}: {e}");
                        }
                    }
                }
                _ => {}
            }
        }
        self.flush_stdin();
        true
    }

    /// Writes what the container's stdin pipe takes of `pending`; closes it after a client's EOF.
    fn flush_stdin(&mut self) {
        let Some(fd) = &self.stdin else {
            self.pending.clear();
            return;
        };
        while !self.pending.is_empty() {
            match nix::unistd::write(fd, &self.pending) {
                Ok(n) => drop(self.pending.drain(..n)),
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => return,
                Err(_) => {
                    // The container closed its stdin: what is left can never be delivered.
                    self.stdin = None;
                    self.pending.clear();
                    return;
                }
            }
        }
        if self.stdin_eof {
            self.stdin = None;
        }
    }
}

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
    let diag = opts.state_dir.join(SUPERVISOR_LOG);
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
    let mut text = String::new();
    let _ = std::fs::File::from(ready_r).read_to_string(&mut text);
    let supervisor = Pid::from_raw(child.id() as i32);
    if let Some(pid) = text.strip_prefix("started ") {
        let container = Pid::from_raw(pid.trim().parse().unwrap_or(0));
        return Ok(Started { supervisor, container, attach });
    }
    if let Some(rest) = text.strip_prefix("failed ") {
        let (code, message) = rest.split_once(':').unwrap_or(("125", rest));
        let failure = match code {
            "127" => StartFailure::NotFound,
            "126" => StartFailure::CannotExecute,
            _ => StartFailure::Setup,
        };
        return Err(Error::Start { message: message.to_string(), failure });
    }
    Err(Error::NoReport { log: diag })
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

/// Takes ownership of a descriptor number passed on the command line.
///
/// The caller asserts that `fd` was inherited for this purpose and is owned by nothing else.
pub fn inherited_fd(fd: RawFd) -> Option<OwnedFd> {
    fcntl(fd, FcntlArg::F_GETFD).ok()?;
    let _ = fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC));
    #[allow(unsafe_code)]
    // SAFETY: F_GETFD proved `fd` open; it was passed to this process to own (see the caller).
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k8s_lines_full_and_partial() {
        let t = "2026-11-23T21:40:12.123456789+00:00";
        let out = k8s_lines(t, "stdout", b"one\ntwo\nthr");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{t} stdout F one\n{t} stdout F two\n{t} stdout P thr\n")
        );
        assert_eq!(k8s_lines(t, "stderr", b"\n"), format!("{t} stderr F \n").into_bytes());
        assert!(k8s_lines(t, "stdout", b"").is_empty());
    }

    #[test]
    fn frames_round_trip_and_keep_partial_input() {
        let mut buf = frame::encode(frame::STDOUT, b"hello");
        buf.extend(frame::encode(frame::STDIN, b""));
        let tail = frame::encode(frame::EXIT, b"7");
        buf.extend_from_slice(&tail[..3]);
        let frames = frame::decode(&mut buf);
        assert_eq!(frames, vec![(frame::STDOUT, b"hello".to_vec()), (frame::STDIN, vec![])]);
        assert_eq!(buf, tail[..3]);
        buf.extend_from_slice(&tail[3..]);
        assert_eq!(frame::decode(&mut buf), vec![(frame::EXIT, b"7".to_vec())]);
        assert!(buf.is_empty());
    }

    #[test]
    fn resize_frames_carry_rows_and_columns() {
        let payload = frame::resize(40, 120);
        assert_eq!(payload, [0, 40, 0, 120]);
        assert_eq!(frame::parse_resize(&payload), Some((40, 120)));
        assert_eq!(frame::parse_resize(&frame::resize(1000, 65535)), Some((1000, 65535)));
        assert_eq!(frame::parse_resize(b"abc"), None);
        assert_eq!(frame::parse_resize(b""), None);
    }

    #[test]
    fn exit_record_json_shape() {
        let r = ExitRecord { exit_code: 137, finished_at: "t".into(), signal: Some(9) };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"exitCode":137,"finishedAt":"t","signal":9}"#);
        let r = ExitRecord::new(Status::Exited(7));
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.starts_with(r#"{"exitCode":7,"finishedAt":""#) && !json.contains("signal"), "{json}");
        assert!(r.finished_at.ends_with("+00:00"));
    }
}
