//! Healthchecks: the probe (a process run in the container's namespaces, as `exec` runs one) and
//! the health state (`STATE/health.json`, podman's `State.Health` shape).
//!
//! The supervisor runs the probe on its own timer (no systemd timer, no line in any system log);
//! `skiff healthcheck run` runs the same probe from the command. Both update the state under an
//! exclusive flock of `STATE/health.lock`, so a probe's result is never lost to another's.
//!
//! A probe is a forked child of the caller (single-threaded callers only) that joins the
//! container's namespaces ([`exec::join`]), starts the command there as `exec` does
//! ([`exec::spawn`], which gives it the container's process settings and kills it when this child
//! dies) with stdout and stderr on one pipe, waits for it and exits with its code. The caller
//! reads the pipe, and kills the child (and with it the command) when the timeout passes.

use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;
use nix::unistd::Pid;
use oci_spec::runtime::Process;
use serde::{Deserialize, Serialize};

use super::service::Healthcheck;
use crate::runtime::linux::exec::{self, ExecOptions};
use crate::runtime::linux::Status;

/// The state file and its lock, in the run-time directory.
pub const HEALTH_FILE: &str = "health.json";
const HEALTH_LOCK: &str = "health.lock";
/// podman keeps the last five results and 500 bytes of each one's output.
const LOG_ENTRIES: usize = 5;
const MAX_OUTPUT: usize = 500;

pub const STARTING: &str = "starting";
pub const HEALTHY: &str = "healthy";
pub const UNHEALTHY: &str = "unhealthy";

/// One probe's result (podman's `HealthCheckLog`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LogEntry {
    pub start: String,
    pub end: String,
    pub exit_code: i32,
    pub output: String,
}

/// `STATE/health.json` (podman's `HealthCheckResults`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthState {
    pub status: String,
    pub failing_streak: u32,
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

impl HealthState {
    /// The state of a container that has just started.
    pub fn starting() -> HealthState {
        HealthState { status: STARTING.into(), failing_streak: 0, log: Vec::new() }
    }

    /// Adds a result (podman's `updateHealthCheckLog`): success makes it healthy; a failure in
    /// the start period counts for nothing; else the failing streak grows, and reaching
    /// `retries` makes it unhealthy.
    pub fn record(&mut self, entry: LogEntry, retries: u32, in_start_period: bool) {
        if entry.exit_code == 0 {
            self.status = HEALTHY.into();
            self.failing_streak = 0;
        } else if !in_start_period {
            self.failing_streak += 1;
            if self.failing_streak >= retries.max(1) {
                self.status = UNHEALTHY.into();
            }
        }
        if self.status.is_empty() {
            self.status = STARTING.into();
        }
        self.log.push(entry);
        let extra = self.log.len().saturating_sub(LOG_ENTRIES);
        self.log.drain(..extra);
    }

    pub fn is_unhealthy(&self) -> bool {
        self.status == UNHEALTHY
    }
}

/// Errors of the health state file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot lock {path}")]
    Lock {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the healthcheck")]
    Spawn(#[source] nix::Error),
}

/// Reads `STATE/health.json`; `None` when there is none (no healthcheck, or not started).
pub fn read(state_dir: &Path) -> Option<HealthState> {
    fs_err::read(state_dir.join(HEALTH_FILE)).ok().and_then(|b| serde_json::from_slice(&b).ok())
}

/// Writes `state` as the whole health state (at a start: [`HealthState::starting`]).
pub fn reset(state_dir: &Path, state: &HealthState) -> Result<(), Error> {
    update(state_dir, |s| *s = state.clone()).map(|_| ())
}

/// Applies `change` to the health state under its lock and writes it; returns the new state.
pub fn update(state_dir: &Path, change: impl FnOnce(&mut HealthState)) -> Result<HealthState, Error> {
    let lock_path = state_dir.join(HEALTH_LOCK);
    let file = fs_err::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::Lock { path: lock_path.clone(), source })?;
    let lock = nix::fcntl::Flock::lock(file.into_parts().0, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| Error::Lock { path: lock_path, source: e.into() })?;
    let mut state = read(state_dir).unwrap_or_else(HealthState::starting);
    change(&mut state);
    let path = state_dir.join(HEALTH_FILE);
    let json = serde_json::to_vec(&state).unwrap_or_default();
    crate::sys::atomic::write_replace(&path, &json).map_err(|source| Error::Write { path, source })?;
    drop(lock);
    Ok(state)
}

/// A running probe.
#[derive(Debug)]
pub struct Probe {
    /// The forked child (see the module comment).
    pub pid: Pid,
    output: OwnedFd,
    buf: Vec<u8>,
    start: String,
    pub deadline: Instant,
    timeout: Duration,
}

/// Starts `check` in the container whose init is `container` (on the host), with the
/// container's process settings `process` and seccomp `filter`. Call it single-threaded.
pub fn spawn(
    container: Pid,
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
    check: &Healthcheck,
) -> Result<Probe, Error> {
    let argv = check.argv().unwrap_or_default();
    let (read, write) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(Error::Spawn)?;
    let start = super::super::run_dir::now();
    // SAFETY: callers are single-threaded (this function's contract); the child leaves by _exit.
    #[allow(unsafe_code)]
    let forked = unsafe {
        crate::sys::fork_keeping(read, || {
            let null = fs_err::File::open("/dev/null");
            if let Ok(null) = &null {
                let _ = crate::sys::dup_to(null.as_fd(), 0);
            }
            let _ = crate::sys::dup_to(write.as_fd(), 1);
            let _ = crate::sys::dup_to(write.as_fd(), 2);
            drop(write);
            probe_child(container, process, filter, argv)
        })
    };
    let (pid, read) = forked.map_err(Error::Spawn)?;
    let _ = nix::fcntl::fcntl(read.as_raw_fd(), nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK));
    let timeout = check.timeout();
    Ok(Probe { pid, output: read, buf: Vec::new(), start, deadline: Instant::now() + timeout, timeout })
}

/// The probe's child: joins the container, runs the command, returns its exit code (125, 126 or
/// 127 with the reason on stderr when it cannot start).
fn probe_child(
    container: Pid,
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
    argv: Vec<String>,
) -> i32 {
    use std::io::Write;
    let fail = |code: i32, text: String| {
        let _ = writeln!(std::io::stderr(), "{text}");
        code
    };
    let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGKILL);
    if let Err(e) = exec::join(container) {
        return fail(125, e.to_string());
    }
    let opts = ExecOptions { args: argv, ..Default::default() };
    let p = match exec::exec_process(process, &opts, None, None, &|_| None) {
        Ok(p) => p,
        Err(e) => return fail(125, e.to_string()),
    };
    match exec::spawn(&p, filter, exec::Stdio::default(), false) {
        Ok(Some(s)) => match exec::wait(s.pid) {
            Ok(Status::Exited(code)) => code,
            Ok(Status::Signaled(sig)) => 128 + sig,
            Err(e) => fail(125, e.to_string()),
        },
        Ok(None) => 0,
        Err(exec::Error::Start { message, failure }) => fail(failure.exit_code(), message),
        Err(e) => fail(125, e.to_string()),
    }
}

impl Probe {
    /// The probe's output pipe (poll it for reading).
    pub fn output_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.output.as_fd()
    }

    /// Reads what the pipe holds now (keeps the first [`MAX_OUTPUT`] bytes, drains the rest).
    pub fn read_output(&mut self) {
        let mut chunk = [0u8; 4096];
        loop {
            let n = match nix::unistd::read(self.output.as_raw_fd(), &mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(nix::errno::Errno::EINTR) => continue,
                Err(_) => break,
            };
            let room = (MAX_OUTPUT + 1).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..n.min(room)]);
        }
    }

    /// Kills the probe (its timeout passed).
    pub fn kill(&self) {
        let _ = nix::sys::signal::kill(self.pid, Signal::SIGKILL);
    }

    /// The result, once the child has exited with `code` (`None`: killed at its timeout).
    pub fn finish(mut self, code: Option<i32>) -> LogEntry {
        self.read_output();
        let (exit_code, output) = match code {
            Some(c) => {
                let mut text =
                    String::from_utf8_lossy(&self.buf[..self.buf.len().min(MAX_OUTPUT)]).into_owned();
                text.truncate(text.trim_end().len());
                (c, text)
            }
            None => (1, format!("healthcheck command exceeded timeout of {}", go_duration(self.timeout))),
        };
        LogEntry { start: self.start, end: super::super::run_dir::now(), exit_code, output }
    }
}

/// Runs one probe to its end in this process (for `skiff healthcheck run`): starts it, waits at
/// most its timeout, returns the result. Call it single-threaded.
pub fn run_once(
    container: Pid,
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
    check: &Healthcheck,
) -> Result<LogEntry, Error> {
    use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
    let mut probe = spawn(container, process, filter, check)?;
    loop {
        probe.read_output();
        match waitpid(probe.pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::Exited(_, code)) => return Ok(probe.finish(Some(code))),
            Ok(WaitStatus::Signaled(_, sig, _)) => return Ok(probe.finish(Some(128 + sig as i32))),
            Ok(_) | Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(Error::Spawn(e)),
        }
        if Instant::now() >= probe.deadline {
            probe.kill();
            let _ = waitpid(probe.pid, None);
            return Ok(probe.finish(None));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// `30s`, `1m30s`, `500ms`: a duration as Go prints it (for messages).
pub fn go_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = d.as_secs_f64();
    let (h, m, s) = ((secs / 3600.0) as u64, ((secs % 3600.0) / 60.0) as u64, secs % 60.0);
    let s = if s.fract() == 0.0 { format!("{}s", s as u64) } else { format!("{s}s") };
    match (h, m) {
        (0, 0) => s,
        (0, m) => format!("{m}m{s}"),
        (h, m) => format!("{h}h{m}m{s}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: i32) -> LogEntry {
        LogEntry { exit_code: code, ..Default::default() }
    }

    #[test]
    fn retries_failures_make_it_unhealthy_and_a_success_heals() {
        let mut s = HealthState::starting();
        s.record(entry(0), 3, false);
        assert_eq!((s.status.as_str(), s.failing_streak), (HEALTHY, 0));
        s.record(entry(1), 3, false);
        s.record(entry(1), 3, false);
        assert_eq!((s.status.as_str(), s.failing_streak), (HEALTHY, 2));
        s.record(entry(1), 3, false);
        assert!(s.is_unhealthy());
        assert_eq!(s.failing_streak, 3);
        for _ in 0..4 {
            s.record(entry(1), 3, false);
        }
        assert_eq!(s.log.len(), LOG_ENTRIES, "only the last five are kept");
        s.record(entry(0), 3, false);
        assert_eq!((s.status.as_str(), s.failing_streak), (HEALTHY, 0));
    }

    #[test]
    fn failures_in_the_start_period_do_not_count() {
        let mut s = HealthState::starting();
        s.record(entry(1), 1, true);
        assert_eq!((s.status.as_str(), s.failing_streak), (STARTING, 0));
        assert_eq!(s.log.len(), 1);
        s.record(entry(1), 1, false);
        assert!(s.is_unhealthy());
    }

    #[test]
    fn state_file_round_trips_in_podmans_shape() {
        let t = tempfile::tempdir().unwrap();
        assert_eq!(read(t.path()), None);
        reset(t.path(), &HealthState::starting()).unwrap();
        let s = update(t.path(), |s| s.record(entry(0), 3, false)).unwrap();
        assert_eq!(read(t.path()), Some(s));
        let json = fs_err::read_to_string(t.path().join(HEALTH_FILE)).unwrap();
        assert!(json.starts_with(r#"{"Status":"healthy","FailingStreak":0,"Log":[{"Start":"#), "{json}");
    }

    #[test]
    fn durations_print_as_go_does() {
        assert_eq!(go_duration(Duration::from_secs(30)), "30s");
        assert_eq!(go_duration(Duration::from_secs(90)), "1m30s");
        assert_eq!(go_duration(Duration::from_millis(500)), "500ms");
    }
}
