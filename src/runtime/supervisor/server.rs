//! The supervisor process itself (see [`super`] for what it does and its invariants): set-up,
//! the container's start, the ready report, then the poll loop that serves output, the log,
//! attached clients and signals until the container has exited and its exit is recorded.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::time::Duration;

use nix::errno::Errno;
use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{kill, SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use super::protocol::{frame, Ready};
use super::{cloexec_pipe, setup, Config, Error, RELAYED};
use crate::ipc;
use crate::runtime::external;
use crate::runtime::linux::{container_main, message, Status};
use crate::runtime::run_dir::{now, ExitRecord, RunDir};

/// How long the supervisor keeps draining the pipes after the container exited, for output of
/// processes that escaped its pid namespace (only without one).
const DRAIN_GRACE: Duration = Duration::from_millis(500);

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

    let dir = RunDir::new(&config.state_dir);
    dir.write_supervisor_pid(nix::unistd::getpid())?;
    let listen = |source| Error::Listen { path: dir.attach_socket(), source };
    let listener = dir.bind_attach().map_err(listen)?;
    listener.set_nonblocking(true).map_err(listen)?;
    let mut log = fs_err::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&config.log)
        .map_err(|source| Error::Open { path: config.log.clone(), source })?;

    let (stdio, mut outputs, mut stdin_w, console) = if wants_terminal(&config.bundle) {
        let (ours, theirs) = UnixStream::pair().map_err(Error::Socketpair)?;
        let stdio = container_main::Stdio { console: Some(theirs.into()), ..Default::default() };
        (stdio, [None, None], None, Some(message::ConsoleChannel::from(ours)))
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
            record_exit(&dir, &ExitRecord { exit_code: 125, finished_at: now(), signal: None });
            report(&mut config.ready, &Ready::Failed { code: 125, message: e.to_string() });
            return Err(e);
        }
    };
    let container = spawned.pid;
    let _ = dir.write_container_pid(container);
    // The container sends the pty master before its exec, or closes the socket failing.
    let tty = console.as_ref().and_then(|c| c.recv_fd("the container's terminal").ok()).map(|(_, fd)| fd);
    if let (Some(master), Some((rows, cols))) = (&tty, config.console_size) {
        let size = rustix::termios::Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        if let Err(e) = rustix::termios::tcsetwinsize(master, size) {
            tracing::warn!("cannot set the terminal size to {rows}x{cols}: {e}");
        }
    }
    // The container waits for this before its exec, so that it starts with the size set.
    if let Some(c) = console {
        let _ = c.send(&message::Console::SizeSet);
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
        record_exit(&dir, &record);
        // Reported after the record, so that the caller finds exit.json when it returns.
        report(&mut config.ready, &Ready::Failed { code: failure.exit_code(), message: text });
        finish(&config, &record, &mut Vec::new());
        return Ok(record.exit_code);
    }
    report(&mut config.ready, &Ready::Started { pid: container.as_raw() });
    // The start-up's garbage (the CLI's parse, the spec, seccomp) back to the kernel: this
    // process lives as long as the container (issue 16: private dirty memory per container).
    // SAFETY: malloc_trim only returns free heap pages; no pointer is touched.
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }

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
    let _ = fs_err::remove_file(dir.attach_socket());
    record_exit(&dir, &record);
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
fn record_exit(dir: &RunDir, record: &ExitRecord) {
    if let Err(e) = dir.write_exit(record) {
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

/// Sends the report on the ready pipe and closes it.
fn report(ready: &mut Option<OwnedFd>, msg: &Ready) {
    if let Some(fd) = ready.take() {
        let _ = ipc::Sender::<Ready>::from(fd).send(msg);
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
}
