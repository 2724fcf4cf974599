//! External OCI runtimes (`--runtime crun`, `runc` or a path) under the supervisor: the same
//! bundle the built-in runtime runs, executed as conmon has runc and crun execute it.
//!
//! [`Runtime::spawn`] runs `RUNTIME create --bundle B --pid-file P ID` with the container's stdio
//! as its own (the container process inherits it), then `RUNTIME start ID`. When `create` returns,
//! its container process has been re-parented to the supervisor (a child subreaper), so the
//! supervisor waits for it, signals it and gets its exit status as it does for the built-in
//! runtime. After the exit, [`Runtime::delete`] runs `RUNTIME delete --force ID`.
//!
//! Invariants:
//! - The caller is the supervisor: inside skiff's user namespace, PR_SET_CHILD_SUBREAPER set,
//!   single-threaded. The runtime, seeing uid 0 there, would pick the host's /run for its state,
//!   so each container gets its own `--root` under its state directory ([`STATE_DIR`]), removed
//!   before each start (a supervisor killed with `kill -9` may leave one behind).
//! - The runtime writes its errors as JSON lines to `--log` ([`LOG_FILE`]); a failed `create` or
//!   `start` is reported with the last error line, and the exit code podman gives it (127 for a
//!   missing executable, 126 for one that cannot be executed, else 125).
//! - Unlike the built-in runtime's container, this one does not get PR_SET_PDEATHSIG (the runtime
//!   starts it): a supervisor killed with `kill -9` leaves it running, as conmon does.

use std::ffi::OsString;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use nix::errno::Errno;
use nix::sys::signal::{kill, Signal};
use nix::sys::wait::{waitid, waitpid, Id, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use super::linux::container_main::{self, Spawned};
use super::linux::{message, StartFailure};

/// The runtime's state, pid file and log, under the container's state directory.
pub const STATE_DIR: &str = "oci-runtime";
const ROOT_DIR: &str = "root";
const PID_FILE: &str = "pid";
const LOG_FILE: &str = "log.json";

/// Errors of running an external runtime (a failed `create`/`start` is not one: see
/// [`Runtime::spawn`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "OCI runtime {name:?} not found: it is neither a path nor a program in PATH; install it or pass its path"
    )]
    NotFound { name: String },
    #[error("OCI runtime {path} is not an executable file")]
    NotExecutable { path: PathBuf },
    #[error("cannot prepare the OCI runtime's state directory {path}")]
    State {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot run the OCI runtime {program}")]
    Spawn {
        program: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot create the error channel for the OCI runtime")]
    Pipe(#[source] crate::ipc::Error),
    #[error(
        "a terminal (-t) is not supported with --runtime {name} yet; run without -t or without --runtime"
    )]
    Terminal { name: String },
}

/// Finds an OCI runtime: a value with a `/` is a path (it must be an executable file), anything
/// else a program in PATH. `builtin` is not a runtime here (the caller handles it).
pub fn resolve(runtime: &str) -> Result<PathBuf, Error> {
    if runtime.contains('/') {
        use std::os::unix::fs::PermissionsExt;
        let path = PathBuf::from(runtime);
        return match fs_err::metadata(&path) {
            Ok(m) if m.is_file() && m.permissions().mode() & 0o111 != 0 => Ok(path),
            Ok(_) => Err(Error::NotExecutable { path }),
            Err(_) => Err(Error::NotFound { name: runtime.to_string() }),
        };
    }
    crate::userns::find_in_path(runtime).ok_or_else(|| Error::NotFound { name: runtime.to_string() })
}

/// One container's external runtime.
#[derive(Debug, Clone)]
pub struct Runtime {
    program: PathBuf,
    /// `STATE/oci-runtime`.
    dir: PathBuf,
    /// The container's id for the runtime: the state directory's name.
    id: String,
}

impl Runtime {
    /// The runtime `runtime` (see [`resolve`]) for the container whose state directory is
    /// `state_dir`.
    pub fn new(runtime: &str, state_dir: &Path) -> Result<Runtime, Error> {
        let program = resolve(runtime)?;
        let id = state_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let id = if id.is_empty() { "skiff".to_string() } else { id };
        Ok(Runtime { program, dir: state_dir.join(STATE_DIR), id })
    }

    /// `RUNTIME --root R --log L --log-format json SUBCOMMAND`.
    fn command(&self, subcommand: &str) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.arg("--root").arg(self.dir.join(ROOT_DIR)).arg("--log").arg(self.dir.join(LOG_FILE)).args([
            "--log-format",
            "json",
            subcommand,
        ]);
        // The supervisor blocks the signals it relays; the runtime and the container must not
        // inherit that.
        super::init::unblock_signals_on_exec(&mut cmd);
        cmd
    }

    /// Creates and starts the container. A failure of `create` or `start` comes back, as with
    /// [`container_main::spawn`], as a message on [`Spawned::errors`], with `pid` a child the
    /// caller still has to reap (the runtime's `create`, or the container it created).
    pub fn spawn(&self, bundle: &Path, stdio: container_main::Stdio) -> Result<Spawned, Error> {
        // A terminal needs the runtime's --console-socket protocol, which is not implemented.
        let spec = oci_spec::runtime::Spec::load(bundle.join("config.json")).ok();
        if spec.and_then(|s| s.process().as_ref().and_then(|p| p.terminal())).unwrap_or(false) {
            return Err(Error::Terminal { name: self.program.display().to_string() });
        }
        let state = |source| Error::State { path: self.dir.clone(), source };
        match fs_err::remove_dir_all(&self.dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(state(e)),
        }
        fs_err::create_dir_all(self.dir.join(ROOT_DIR)).map_err(state)?;
        let (write, read) = message::channel().map_err(Error::Pipe)?;
        let pid_file = self.dir.join(PID_FILE);
        let to_stdio = |fd: Option<OwnedFd>| fd.map_or_else(Stdio::null, Stdio::from);
        let mut create = self.command("create");
        create
            .arg("--bundle")
            .arg(bundle)
            .arg("--pid-file")
            .arg(&pid_file)
            .arg(&self.id)
            .stdin(to_stdio(stdio.stdin))
            .stdout(to_stdio(stdio.stdout))
            .stderr(to_stdio(stdio.stderr));
        let child = create.spawn().map_err(|source| Error::Spawn { program: self.program.clone(), source });
        // Our copies of the container's stdio close with the command.
        drop(create);
        let creator = Pid::from_raw(child?.id() as i32);
        // Wait without reaping, so that a failed `create` is left for the caller to reap like a
        // built-in container that failed.
        let status = loop {
            match waitid(Id::Pid(creator), WaitPidFlag::WEXITED | WaitPidFlag::WNOWAIT) {
                Err(Errno::EINTR) => continue,
                other => break other,
            }
        };
        let created = super::run_dir::read_pid(&pid_file).ok().flatten();
        let container = match (status, created) {
            (Ok(WaitStatus::Exited(_, 0)), Some(pid)) => pid,
            (status, _) => {
                let (failure, text) = self.failure("create", &format!("{status:?}"));
                message::send(&write, failure, &text);
                self.delete();
                return Ok(Spawned { pid: creator, errors: read });
            }
        };
        let _ = waitpid(creator, None);
        let mut start = self.command("start");
        start.arg(&self.id).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        let status =
            start.status().map_err(|source| Error::Spawn { program: self.program.clone(), source })?;
        if !status.success() {
            let (failure, text) = self.failure("start", &status.to_string());
            let _ = kill(container, Signal::SIGKILL);
            message::send(&write, failure, &text);
            self.delete();
        }
        Ok(Spawned { pid: container, errors: read })
    }

    /// What a failed `create`/`start` says: the last error in the runtime's log, with podman's
    /// exit code for it.
    fn failure(&self, step: &str, status: &str) -> (StartFailure, String) {
        let log = fs_err::read_to_string(self.dir.join(LOG_FILE)).unwrap_or_default();
        let text = last_error(&log).unwrap_or_else(|| {
            format!("{} {step} failed ({status}) without an error message", self.program.display())
        });
        (classify(&text), text)
    }

    /// `RUNTIME delete --force ID` (best effort; a runtime that never created it says so).
    pub fn delete(&self) {
        let mut delete = self.command("delete");
        delete.args(["--force", &self.id]).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        match delete.status() {
            Ok(s) if !s.success() => {
                tracing::debug!("{} delete {} failed: {s}", self.program.display(), self.id)
            }
            Ok(_) => {}
            Err(e) => tracing::warn!("cannot run {} delete: {e}", self.program.display()),
        }
    }

    /// The program, for messages.
    pub fn program(&self) -> OsString {
        self.program.clone().into_os_string()
    }
}

/// The last `error`-level message of a runtime's JSON log (crun and runc write `{"msg": ...,
/// "level": "error", ...}` lines).
fn last_error(log: &str) -> Option<String> {
    log.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("level").and_then(|l| l.as_str()) == Some("error"))
        .filter_map(|v| v.get("msg").and_then(|m| m.as_str()).map(str::to_string))
        .next_back()
}

/// podman's reading of a runtime's start error: a missing executable is 127, one that cannot be
/// executed 126, anything else 125.
fn classify(text: &str) -> StartFailure {
    let lower = text.to_ascii_lowercase();
    if lower.contains("executable file not found")
        || (lower.contains("executable file") && lower.contains("not found"))
        || lower.contains("no such file or directory")
    {
        StartFailure::NotFound
    } else if lower.contains("permission denied") {
        StartFailure::CannotExecute
    } else {
        StartFailure::Setup
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_error_of_crun_and_runc_logs() {
        let crun = r#"{"msg":"executable file `nosuch` not found in $PATH: No such file or directory","level":"error","time":"2026-11-23T22:35:53.776739Z"}"#;
        assert_eq!(
            last_error(crun).as_deref(),
            Some("executable file `nosuch` not found in $PATH: No such file or directory")
        );
        let runc = "{\"error\":\"no directory specified for memory.oom_control\",\"level\":\"warning\",\"msg\":\"unable to get oom kill count\"}\n\
                    {\"level\":\"error\",\"msg\":\"runc create failed: unable to start container process: exec: \\\"nosuch\\\": executable file not found in $PATH\"}\n";
        let e = last_error(runc).unwrap();
        assert!(e.starts_with("runc create failed"), "{e}");
        assert_eq!(last_error("not json\n{\"level\":\"warning\",\"msg\":\"w\"}"), None);
    }

    #[test]
    fn podman_exit_codes_for_runtime_errors() {
        assert_eq!(
            classify("executable file `x` not found in $PATH: No such file or directory"),
            StartFailure::NotFound
        );
        assert_eq!(
            classify("runc create failed: unable to start container process: exec: \"x\": executable file not found in $PATH"),
            StartFailure::NotFound
        );
        assert_eq!(classify("open `/bin/noexec`: Permission denied"), StartFailure::CannotExecute);
        assert_eq!(classify("mount `proc` to `/proc`: Operation not permitted"), StartFailure::Setup);
    }

    #[test]
    fn resolve_paths_and_names() {
        assert!(matches!(resolve("no-such-runtime-xyz"), Err(Error::NotFound { .. })));
        assert!(matches!(resolve("/no/such/runtime"), Err(Error::NotFound { .. })));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rt");
        fs_err::write(&file, "").unwrap();
        assert!(matches!(resolve(file.to_str().unwrap()), Err(Error::NotExecutable { .. })));
        assert_eq!(resolve("/bin/sh").unwrap(), PathBuf::from("/bin/sh"));
    }
}
