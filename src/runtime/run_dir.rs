//! A container's run-time directory (`RUNROOT/.../ID/`), owned by [`RunDir`]: the one place that
//! names its files and parses them.
//!
//! | file | written by | when |
//! |---|---|---|
//! | `supervisor.pid` | the supervisor | first thing, before the container starts |
//! | `container.pid` | the supervisor | once the container process exists |
//! | `exit.json` ([`ExitRecord`]) | the supervisor | when the container has exited (or failed to start) |
//! | `attach` | the supervisor | a unix socket it listens on while the container runs |
//! | `supervisor.log` | the supervisor's stderr | from its start |
//! | `stopped-by-user` | `stop`, `kill`, `rm` | before they signal the container |
//! | `restarts` | the supervisor | at each restart under the restart policy |
//! | `health.json`, `health.lock` | the supervisor, `healthcheck run` | after each probe (`supervisor::health`) |
//! | `notify/notify.sock` | the supervisor | `--sdnotify=container` (`supervisor::notify`) |
//!
//! Other owners keep files here too, named and parsed by them: `netns` (the network namespace's
//! bind mount, `crate::network::NETNS_FILE`), `network-state.json`, `resolv.conf`,
//! `hosts`, `hostname`, `pasta.pid`, `slirp4netns.*` (`network`), `mounts.json` (`engine::data`),
//! `fuse-overlay.log` (`rootfs`), and the external runtime's state directory
//! ([`crate::runtime::external`]).
//!
//! Every file is replaced atomically (temporary name and rename, no fsync: the directory is on a
//! tmpfs or otherwise does not outlive a reboot). A pid file holds a positive decimal number and
//! optional trailing white space; anything else is [`Error::Garbled`], never pid 0. A missing file
//! is `Ok(None)`: that is how a reader learns the writer has not got that far.

use std::os::fd::AsRawFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use super::linux::Status;

/// File names in the run-time directory.
pub const EXIT_FILE: &str = "exit.json";
pub const ATTACH_SOCKET: &str = "attach";
pub const SUPERVISOR_PID: &str = "supervisor.pid";
pub const CONTAINER_PID: &str = "container.pid";
/// The supervisor's own diagnostics (its stderr).
pub const SUPERVISOR_LOG: &str = "supervisor.log";
/// Written by `stop`, `kill` and `rm` before they signal: the exit is the user's doing, so the
/// restart policy does not apply (podman's `StoppedByUser`).
pub const STOPPED_BY_USER: &str = "stopped-by-user";
/// How many times the supervisor has restarted the container under its restart policy.
pub const RESTARTS: &str = "restarts";

/// Errors reading or writing the run-time files.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}")]
    Read {
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
    #[error("{path} does not hold a process id: {content:?}")]
    Garbled { path: PathBuf, content: String },
    #[error("{path} does not hold an exit record")]
    GarbledExit {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// `exit.json`: how the container ended.
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
    /// The record of `status`, finished now.
    pub fn new(status: Status) -> ExitRecord {
        let (exit_code, signal) = match status {
            Status::Exited(code) => (code, None),
            Status::Signaled(sig) => (128 + sig, Some(sig)),
        };
        ExitRecord { exit_code, finished_at: now(), signal }
    }

    /// Reads `STATE/exit.json`, `None` while the container has not exited (or when the record
    /// cannot be read; [`RunDir::exit`] tells these apart).
    pub fn read(state_dir: &Path) -> Option<ExitRecord> {
        RunDir::new(state_dir).exit().ok().flatten()
    }
}

/// The time format of exit records.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string()
}

/// Parses the content of a pid file (`path` names it in the error).
pub fn parse_pid(content: &str, path: &Path) -> Result<Pid, Error> {
    match content.trim().parse::<i32>() {
        Ok(pid) if pid > 0 => Ok(Pid::from_raw(pid)),
        _ => Err(Error::Garbled { path: path.to_path_buf(), content: content.chars().take(64).collect() }),
    }
}

/// Reads a pid file: `Ok(None)` when it does not exist.
pub fn read_pid(path: &Path) -> Result<Option<Pid>, Error> {
    match fs_err::read_to_string(path) {
        Ok(content) => parse_pid(&content, path).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read { path: path.to_path_buf(), source }),
    }
}

/// One container's run-time directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunDir {
    path: PathBuf,
}

impl RunDir {
    pub fn new(path: impl Into<PathBuf>) -> RunDir {
        RunDir { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn supervisor_pid_file(&self) -> PathBuf {
        self.path.join(SUPERVISOR_PID)
    }

    pub fn container_pid_file(&self) -> PathBuf {
        self.path.join(CONTAINER_PID)
    }

    pub fn exit_file(&self) -> PathBuf {
        self.path.join(EXIT_FILE)
    }

    pub fn attach_socket(&self) -> PathBuf {
        self.path.join(ATTACH_SOCKET)
    }

    pub fn supervisor_log(&self) -> PathBuf {
        self.path.join(SUPERVISOR_LOG)
    }

    /// The supervisor's pid, once it has written it.
    pub fn supervisor_pid(&self) -> Result<Option<Pid>, Error> {
        read_pid(&self.supervisor_pid_file())
    }

    /// The container's pid (on the host), once the supervisor has started it.
    pub fn container_pid(&self) -> Result<Option<Pid>, Error> {
        read_pid(&self.container_pid_file())
    }

    /// How the container ended, once it has.
    pub fn exit(&self) -> Result<Option<ExitRecord>, Error> {
        let path = self.exit_file();
        match fs_err::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map(Some).map_err(|source| Error::GarbledExit { path, source })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read { path, source }),
        }
    }

    pub fn write_supervisor_pid(&self, pid: Pid) -> Result<(), Error> {
        write(self.supervisor_pid_file(), pid.as_raw().to_string().as_bytes())
    }

    pub fn write_container_pid(&self, pid: Pid) -> Result<(), Error> {
        write(self.container_pid_file(), pid.as_raw().to_string().as_bytes())
    }

    pub fn write_exit(&self, record: &ExitRecord) -> Result<(), Error> {
        let json = serde_json::to_vec(record).unwrap_or_default();
        write(self.exit_file(), &json)
    }

    /// Removes what the last run left (exit record and pid files), before a new start.
    pub fn clear(&self) {
        for f in [EXIT_FILE, SUPERVISOR_PID, CONTAINER_PID, STOPPED_BY_USER, RESTARTS] {
            let _ = fs_err::remove_file(self.path.join(f));
        }
    }

    /// Marks the coming exit as the user's (see [`STOPPED_BY_USER`]).
    pub fn mark_stopped_by_user(&self) -> Result<(), Error> {
        write(self.path.join(STOPPED_BY_USER), b"")
    }

    /// Whether `stop`, `kill` or `rm` has asked the container to end.
    pub fn stopped_by_user(&self) -> bool {
        self.path.join(STOPPED_BY_USER).exists()
    }

    /// The restarts under the restart policy since the last start by hand (0 without a file).
    pub fn restarts(&self) -> u32 {
        fs_err::read_to_string(self.path.join(RESTARTS)).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0)
    }

    pub fn write_restarts(&self, n: u32) -> Result<(), Error> {
        write(self.path.join(RESTARTS), n.to_string().as_bytes())
    }

    /// Binds the attach socket (replacing a stale one) through `/proc/self/fd/N/`, as conmon does,
    /// so that a directory deeper than a socket address allows (108 bytes) still works.
    pub fn bind_attach(&self) -> std::io::Result<UnixListener> {
        let _ = fs_err::remove_file(self.attach_socket());
        let dir_fd = fs_err::File::open(&self.path)?;
        UnixListener::bind(
            Path::new("/proc/self/fd").join(dir_fd.as_raw_fd().to_string()).join(ATTACH_SOCKET),
        )
    }

    /// Connects to the attach socket (through `/proc/self/fd/N/`, like [`RunDir::bind_attach`]).
    pub fn connect_attach(&self) -> std::io::Result<UnixStream> {
        let dir_fd = fs_err::File::open(&self.path)?;
        UnixStream::connect(
            Path::new("/proc/self/fd").join(dir_fd.as_raw_fd().to_string()).join(ATTACH_SOCKET),
        )
    }
}

/// Replaces a run-time file (atomic, not fsynced).
fn write(path: PathBuf, bytes: &[u8]) -> Result<(), Error> {
    crate::sys::atomic::write_replace(&path, bytes).map_err(|source| Error::Write { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pid_files_are_positive_numbers_or_errors() {
        let t = tempfile::tempdir().unwrap();
        let dir = RunDir::new(t.path());
        assert_eq!(dir.container_pid().unwrap(), None);
        dir.write_container_pid(Pid::from_raw(4242)).unwrap();
        assert_eq!(dir.container_pid().unwrap(), Some(Pid::from_raw(4242)));
        fs_err::write(dir.supervisor_pid_file(), "17\n").unwrap();
        assert_eq!(dir.supervisor_pid().unwrap(), Some(Pid::from_raw(17)));
        for bad in ["", "0", "-3", "12ab", "1 2", "started 5"] {
            fs_err::write(dir.container_pid_file(), bad).unwrap();
            let e = dir.container_pid().unwrap_err();
            assert!(matches!(&e, Error::Garbled { content, .. } if content == bad), "{bad:?}: {e:?}");
            assert!(e.to_string().contains("container.pid does not hold a process id"), "{e}");
        }
    }

    #[test]
    fn exit_record_missing_written_and_garbled() {
        let t = tempfile::tempdir().unwrap();
        let dir = RunDir::new(t.path());
        assert_eq!(dir.exit().unwrap(), None);
        let r = ExitRecord { exit_code: 3, finished_at: "t".into(), signal: None };
        dir.write_exit(&r).unwrap();
        assert_eq!(dir.exit().unwrap(), Some(r.clone()));
        assert_eq!(ExitRecord::read(t.path()), Some(r));
        fs_err::write(dir.exit_file(), "{").unwrap();
        assert!(matches!(dir.exit(), Err(Error::GarbledExit { .. })));
        assert_eq!(ExitRecord::read(t.path()), None);
        dir.write_supervisor_pid(Pid::from_raw(9)).unwrap();
        dir.clear();
        assert_eq!((dir.exit().unwrap(), dir.supervisor_pid().unwrap()), (None, None));
    }

    #[test]
    fn attach_socket_works_from_a_deep_directory() {
        let t = tempfile::tempdir().unwrap();
        let deep = t.path().join("d".repeat(60)).join("e".repeat(60));
        fs_err::create_dir_all(&deep).unwrap();
        let dir = RunDir::new(&deep);
        assert!(dir.attach_socket().as_os_str().len() > 108);
        let listener = dir.bind_attach().unwrap();
        let _client = dir.connect_attach().unwrap();
        assert!(listener.accept().is_ok());
        // A stale socket from a previous run is replaced.
        drop(listener);
        assert!(dir.bind_attach().is_ok());
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
