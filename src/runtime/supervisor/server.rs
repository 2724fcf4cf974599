//! The supervisor process itself (see [`super`] for what it does and its invariants): set-up,
//! the container's start, the ready report, then the poll loop that serves output, the log,
//! attached clients and signals until the container has exited and its exit is recorded.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{kill, SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use super::health::{self, HealthState};
use super::notify;
use super::protocol::{frame, Ready};
use super::service::{backoff, Healthcheck, NotifyMode, OnFailure, Service, BACKOFF_RESET};
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

/// Runs the supervisor to the container's end; returns the exit code it recorded (and sent to the
/// attached clients). What it set up for the container (the attach socket, the signalfd, the log)
/// is closed when it returns; the signals it handles stay blocked. Must be called
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
    let service = Service::load(&config.bundle);
    let notify = Notify::new(&service, &config.state_dir);
    let mut health = Health::new(&config.bundle, &service);
    let terminal = wants_terminal(&config.bundle);
    let mut clients: Vec<Client> =
        config.attached.take().map(|fd| Client::new(UnixStream::from(fd))).into_iter().collect();
    let mut restarts = 0u32;
    let mut streak = 0u32;
    let mut first = true;
    let record = loop {
        let (stdio, outputs, stdin_w, console) = container_stdio(&config, terminal)?;
        let (external, spawned) = spawn_container(&config, stdio);
        let spawned = match spawned {
            Ok(s) => s,
            Err(e) if first => {
                record_exit(&dir, &ExitRecord { exit_code: 125, finished_at: now(), signal: None });
                report(&mut config.ready, &Ready::Failed { code: 125, message: e.to_string() });
                return Err(e);
            }
            Err(e) => {
                tracing::error!("cannot restart the container: {e}");
                break ExitRecord { exit_code: 125, finished_at: now(), signal: None };
            }
        };
        let container = spawned.pid;
        let _ = dir.write_container_pid(container);
        let mut stdin_w = stdin_w;
        let mut outputs = outputs;
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
            if !first {
                tracing::error!("the restarted container failed to start: {text}");
                break record;
            }
            record_exit(&dir, &record);
            // Reported after the record, so that the caller finds exit.json when it returns.
            report(&mut config.ready, &Ready::Failed { code: failure.exit_code(), message: text });
            finish(&record, &mut Vec::new());
            return Ok(record.exit_code);
        }
        if first {
            report(&mut config.ready, &Ready::Started { pid: container.as_raw() });
            notify.started();
            // This process lives as long as the container: what the start-up left resident
            // (free heap, the code and read-only data it ran through) goes back, after the
            // probes' filter is compiled (which drops the spec).
            if let Some(h) = &mut health {
                h.compile_filter();
            }
            super::memory::release_startup();
        }
        first = false;
        if let Some(h) = &mut health {
            h.started(&dir);
        }
        let ran_from = Instant::now();
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
            health: health.as_mut(),
            notify: &notify,
            service: &service,
            dir: &dir,
            restart_now: false,
            kill_at: None,
            timeout_at: service.timeout.map(|t| ran_from + Duration::from_secs(t)),
            timed_out: false,
        };
        loop_state.serve(&sigfd, &listener, &mut clients);
        let status = loop_state.status.unwrap_or(Status::Signaled(libc::SIGKILL));
        let restart_now = loop_state.restart_now;
        let timed_out = loop_state.timed_out;
        if let Some(rt) = &external {
            rt.delete();
        }
        let mut record = ExitRecord::new(status);
        if timed_out {
            record.exit_code = -1;
            break record;
        }
        if dir.stopped_by_user() {
            break record;
        }
        if !restart_now {
            if !service.restart.should_restart(record.exit_code, restarts) {
                break record;
            }
            restarts += 1;
            let _ = dir.write_restarts(restarts);
            streak = if ran_from.elapsed() >= BACKOFF_RESET { 1 } else { streak + 1 };
            if !wait_backoff(&sigfd, &dir, backoff(streak)) {
                break record;
            }
        }
        tracing::info!(restarts, exit_code = record.exit_code, "restarting the container");
    };
    let _ = fs_err::remove_file(dir.attach_socket());
    record_exit(&dir, &record);
    finish(&record, &mut clients);
    Ok(record.exit_code)
}

/// The container's stdio: a console socket for a terminal, else pipes (stdin a pipe only when
/// asked); with the supervisor's ends (outputs, stdin) and the console channel.
#[allow(clippy::type_complexity)]
fn container_stdio(
    config: &Config,
    terminal: bool,
) -> Result<
    (container_main::Stdio, [Option<OwnedFd>; 2], Option<OwnedFd>, Option<message::ConsoleChannel>),
    Error,
> {
    if terminal {
        let (ours, theirs) = UnixStream::pair().map_err(Error::Socketpair)?;
        let stdio = container_main::Stdio { console: Some(theirs.into()), ..Default::default() };
        return Ok((stdio, [None, None], None, Some(message::ConsoleChannel::from(ours))));
    }
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
    Ok((stdio, [Some(out_r), Some(err_r)], stdin_w, None))
}

/// Waits `wait` before a restart; false when the user stopped the container meanwhile (or a
/// stop signal came to the supervisor itself).
fn wait_backoff(sigfd: &SignalFd, dir: &RunDir, wait: Duration) -> bool {
    let until = Instant::now() + wait;
    loop {
        while let Ok(Some(info)) = sigfd.read_signal() {
            match Signal::try_from(info.ssi_signo as i32) {
                Ok(Signal::SIGCHLD) => reap_orphans(),
                Ok(Signal::SIGTERM | Signal::SIGINT | Signal::SIGHUP | Signal::SIGQUIT) => return false,
                _ => {}
            }
        }
        if dir.stopped_by_user() {
            return false;
        }
        let now = Instant::now();
        if now >= until {
            return true;
        }
        std::thread::sleep((until - now).min(Duration::from_millis(50)));
    }
}

/// Reaps exited children that are not the container (orphans re-parented to us).
fn reap_orphans() {
    while let Ok(status) = waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
        if status == WaitStatus::StillAlive {
            break;
        }
    }
}

/// The sd_notify side (see [`super::notify`]).
struct Notify {
    mode: NotifyMode,
    target: Option<notify::Target>,
    /// `container` mode: the socket mounted into the container.
    socket: Option<std::os::unix::net::UnixDatagram>,
    main_pid: u32,
}

impl Notify {
    /// Takes `$NOTIFY_SOCKET` out of our environment (the processes we start must not use it),
    /// falling back to the one recorded at create; binds the container's socket when the spec
    /// mounts it.
    fn new(service: &Service, state_dir: &Path) -> Notify {
        let env = std::env::var("NOTIFY_SOCKET").ok().filter(|s| !s.is_empty());
        std::env::remove_var("NOTIFY_SOCKET");
        let target = match service.notify {
            NotifyMode::Ignore => None,
            _ => env.or_else(|| service.notify_socket.clone()).and_then(|t| notify::Target::new(&t)),
        };
        let socket = if service.container_socket {
            match notify::bind_container_socket(state_dir) {
                Ok(s) => Some(s),
                Err(e) => {
                    tracing::error!("cannot bind the container's notify socket: {e}");
                    None
                }
            }
        } else {
            None
        };
        Notify { mode: service.notify, target, socket, main_pid: std::process::id() }
    }

    /// The container runs (the first time).
    fn started(&self) {
        if let (NotifyMode::Conmon, Some(t)) = (self.mode, &self.target) {
            t.send(&notify::ready_message(self.main_pid));
        }
    }

    /// Passes on what the container sent.
    fn relay(&self) {
        let Some(sock) = &self.socket else { return };
        let mut buf = [0u8; 4096];
        while let Ok(n) = sock.recv(&mut buf) {
            if let (Some(t), Some(msg)) = (&self.target, notify::relay_message(&buf[..n], self.main_pid)) {
                t.send(&msg);
            }
        }
    }
}

/// The healthcheck timer and the probe in flight (see [`super::health`]).
struct Health {
    check: Healthcheck,
    process: oci_spec::runtime::Process,
    /// The spec until the seccomp filter is compiled from it (once the container runs).
    spec: Option<oci_spec::runtime::Spec>,
    /// The seccomp filter, compiled once the container runs.
    filter: Option<Option<seccompiler::BpfProgram>>,
    started: Instant,
    next: Instant,
    probe: Option<health::Probe>,
    /// The probe in flight was killed at its timeout.
    timed_out: bool,
    /// False with `--health-interval=disable`: only `healthcheck run` probes.
    timer: bool,
}

impl Health {
    fn new(bundle: &Path, service: &Service) -> Option<Health> {
        let check = service.healthcheck()?.clone();
        let spec = oci_spec::runtime::Spec::load(bundle.join("config.json")).ok()?;
        let process = spec.process().clone().unwrap_or_default();
        let now = Instant::now();
        Some(Health {
            check,
            process,
            spec: Some(spec),
            filter: None,
            started: now,
            next: now,
            probe: None,
            timed_out: false,
            timer: !service.health_timer_off,
        })
    }

    /// Compiles the probes' seccomp filter from the spec (once; the spec is dropped).
    fn compile_filter(&mut self) {
        let spec = &mut self.spec;
        self.filter.get_or_insert_with(|| {
            let spec = spec.take()?;
            crate::runtime::linux::container_init::compile_seccomp(&spec).unwrap_or_else(|e| {
                tracing::warn!("healthcheck without the container's seccomp filter: {e}");
                None
            })
        });
    }

    /// A (re)started container: `starting`, first probe after one interval.
    fn started(&mut self, dir: &RunDir) {
        self.started = Instant::now();
        self.next = self.started + self.interval();
        if let Err(e) = health::reset(dir.path(), &HealthState::starting()) {
            tracing::warn!("{e}");
        }
    }

    /// The time to the next probe (a year when the timer is off).
    fn interval(&self) -> Duration {
        if self.timer {
            self.check.interval()
        } else {
            Duration::from_secs(365 * 24 * 3600)
        }
    }

    /// When the loop must wake up for the healthcheck next.
    fn deadline(&self) -> Instant {
        self.probe.as_ref().map_or(self.next, |p| p.deadline)
    }
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

/// Tells the clients the exit code (recorded before) and hangs up on them, before the cleanup
/// (see [`super::AfterExit`]): an attached `run` has its code without waiting for the cleanup.
fn finish(record: &ExitRecord, clients: &mut Vec<Client>) {
    let bytes = frame::encode(frame::EXIT, record.exit_code.to_string().as_bytes());
    for c in clients.drain(..) {
        let _ = (&c.stream).write_all(&bytes);
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
    health: Option<&'a mut Health>,
    notify: &'a Notify,
    service: &'a Service,
    dir: &'a RunDir,
    /// The healthcheck's `restart` action stopped the container: start it again at once.
    restart_now: bool,
    /// After the stop signal of a healthcheck action: when to send SIGKILL.
    kill_at: Option<Instant>,
    /// `--timeout`: when the container is killed, and whether it was.
    timeout_at: Option<Instant>,
    timed_out: bool,
}

impl Loop<'_> {
    fn serve(&mut self, sigfd: &SignalFd, listener: &UnixListener, clients: &mut Vec<Client>) {
        let mut buf = vec![0u8; 16 * 1024];
        while self.status.is_none() || self.outputs.iter().any(Option::is_some) {
            let timeout = if self.status.is_some() {
                PollTimeout::try_from(DRAIN_GRACE.as_millis() as i32).unwrap_or(PollTimeout::ZERO)
            } else {
                match self.wake_at() {
                    Some(at) => {
                        let ms = at.saturating_duration_since(Instant::now()).as_millis() + 1;
                        PollTimeout::try_from(ms.min(i32::MAX as u128) as i32).unwrap_or(PollTimeout::MAX)
                    }
                    None => PollTimeout::NONE,
                }
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
            let probe_at = match self.health.as_ref().and_then(|h| h.probe.as_ref()) {
                Some(p) => {
                    fds.push(PollFd::new(p.output_fd(), readable));
                    Some(fds.len() - 1)
                }
                None => None,
            };
            let notify_at = match &self.notify.socket {
                Some(sock) => {
                    fds.push(PollFd::new(sock.as_fd(), readable));
                    Some(fds.len() - 1)
                }
                None => None,
            };
            let first_client = fds.len();
            if !stdin_waits {
                for c in clients.iter() {
                    fds.push(PollFd::new(c.stream.as_fd(), readable));
                }
            }
            match poll(&mut fds, timeout) {
                Ok(0) if self.status.is_some() => break,
                Ok(_) => {}
                Err(Errno::EINTR) => continue,
                Err(e) => {
                    tracing::error!("poll failed: {e}");
                    break;
                }
            }
            let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
            drop(fds);
            if probe_at.is_some_and(|i| ready[i]) {
                if let Some(p) = self.health.as_mut().and_then(|h| h.probe.as_mut()) {
                    p.read_output();
                }
            }
            if notify_at.is_some_and(|i| ready[i]) {
                self.notify.relay();
            }
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
            if stdin_waits {
                if ready[2 + outs.len()] {
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
            self.timers();
        }
    }

    /// The next time a timer needs the loop: the healthcheck's, a pending SIGKILL.
    fn wake_at(&self) -> Option<Instant> {
        let health = self.health.as_ref().map(|h| h.deadline());
        [health, self.kill_at, self.timeout_at].into_iter().flatten().min()
    }

    /// Fires what is due: the SIGKILL after a healthcheck action's stop signal, a probe's
    /// timeout, the next probe.
    fn timers(&mut self) {
        let now = Instant::now();
        if self.kill_at.is_some_and(|at| now >= at) && self.status.is_none() {
            let _ = kill(self.container, Signal::SIGKILL);
            self.kill_at = None;
        }
        if self.timeout_at.is_some_and(|at| now >= at) && self.status.is_none() {
            let _ = kill(self.container, Signal::SIGKILL);
            self.timeout_at = None;
            self.timed_out = true;
        }
        let Some(h) = self.health.as_deref_mut() else { return };
        if self.status.is_some() {
            if let Some(p) = h.probe.take() {
                p.kill();
            }
            return;
        }
        match &h.probe {
            Some(p) if now >= p.deadline && !h.timed_out => {
                p.kill();
                h.timed_out = true;
            }
            None if now >= h.next => {
                h.timed_out = false;
                h.compile_filter();
                let filter = h.filter.as_ref().and_then(Option::as_ref);
                match health::spawn(self.container, &h.process, filter, &h.check) {
                    Ok(p) => h.probe = Some(p),
                    Err(e) => {
                        tracing::warn!("{e}");
                        h.next = now + h.interval();
                    }
                }
            }
            _ => {}
        }
    }

    /// A probe ended with `code` (its child's exit code): records the result, acts on an
    /// unhealthy container.
    fn probe_done(&mut self, code: i32) {
        let Some(h) = self.health.as_deref_mut() else { return };
        let Some(p) = h.probe.take() else { return };
        let entry = p.finish((!h.timed_out).then_some(code));
        let in_start = h.started.elapsed() < h.check.start_period();
        let retries = h.check.retries();
        h.next = Instant::now() + h.interval();
        let state = match health::update(self.dir.path(), |s| s.record(entry, retries, in_start)) {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!("{e}");
                return;
            }
        };
        if state.is_unhealthy() && self.status.is_none() {
            self.on_failure();
        }
    }

    /// `--health-on-failure`.
    fn on_failure(&mut self) {
        let stop_signal = self.service.stop_signal;
        match self.service.on_failure {
            OnFailure::None => {}
            OnFailure::Kill => {
                let _ = self.dir.mark_stopped_by_user();
                let _ = kill(self.container, Signal::SIGKILL);
            }
            OnFailure::Stop => {
                let _ = self.dir.mark_stopped_by_user();
                self.stop(stop_signal);
            }
            OnFailure::Restart => {
                self.restart_now = true;
                self.stop(stop_signal);
            }
        }
    }

    /// The stop signal, then SIGKILL after the stop timeout.
    fn stop(&mut self, sig: i32) {
        if self.kill_at.is_some() {
            return;
        }
        if self.service.stop_timeout == 0 {
            let _ = kill(self.container, Signal::SIGKILL);
            return;
        }
        let _ = crate::runtime::signaller::kill(self.container, Some(sig));
        self.kill_at = Some(Instant::now() + Duration::from_secs(self.service.stop_timeout));
    }

    fn signals(&mut self, sigfd: &SignalFd) {
        while let Ok(Some(info)) = sigfd.read_signal() {
            let Ok(sig) = Signal::try_from(info.ssi_signo as i32) else { continue };
            match sig {
                Signal::SIGCHLD => self.reap(),
                Signal::SIGPIPE => {}
                sig if self.status.is_none() => {
                    // Sent to the supervisor itself (systemd stopping the unit whose MAINPID it
                    // is, ctrl-c of an attached `run`): the container is to end, not restart.
                    if matches!(sig, Signal::SIGTERM | Signal::SIGINT | Signal::SIGQUIT) {
                        let _ = self.dir.mark_stopped_by_user();
                    }
                    if let Err(e) = kill(self.container, sig) {
                        tracing::warn!("cannot relay {sig} to the container: {e}");
                    }
                }
                _ => {}
            }
        }
    }

    /// Reaps every exited child: the container, a probe, and orphans the container left (we
    /// are the subreaper).
    fn reap(&mut self) {
        let probe = self.health.as_ref().and_then(|h| h.probe.as_ref()).map(|p| p.pid);
        loop {
            match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::Exited(pid, code)) if pid == self.container => {
                    self.status = Some(Status::Exited(code))
                }
                Ok(WaitStatus::Signaled(pid, sig, _)) if pid == self.container => {
                    self.status = Some(Status::Signaled(sig as i32))
                }
                Ok(WaitStatus::Exited(pid, code)) if Some(pid) == probe => self.probe_done(code),
                Ok(WaitStatus::Signaled(pid, sig, _)) if Some(pid) == probe => {
                    self.probe_done(128 + sig as i32)
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
        let lines = k8s_lines(&now(), name, data);
        if let Some(max) = self.service.log_size_max {
            let size = self.log.metadata().map(|m| m.len()).unwrap_or(0);
            if size + lines.len() as u64 > max {
                let _ = self.log.set_len(0);
            }
        }
        if let Err(e) = self.log.write_all(&lines) {
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
