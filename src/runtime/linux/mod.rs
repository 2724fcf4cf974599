//! The built-in OCI runtime for Linux: runs a bundle's config.json in the foreground.
//!
//! One process role per file, as youki does:
//! - [`container_main`]: the caller's side (the supervisor role). It clones the container process
//!   as its direct child in the spec's new namespaces, relays signals sent to it (SIGTERM, SIGINT,
//!   ...) to the container, reads the start-up error channel and waits for the exit status.
//! - [`container_init`]: the container process (pid 1 of its pid namespace): mounts, pivot_root,
//!   masked and read-only paths, hostname, rlimits, credentials, capabilities, seccomp, exec.
//! - [`mounts`]: the mount steps of the init process (spec mounts, /dev, masks), path-safe.
//! - [`message`]: the start-up report between them (an [`crate::ipc`] channel).
//! - [`exec`]: `skiff exec`: joining a running container's namespaces and starting a process
//!   there with the container's process settings (the init's own code for them).
//! - [`exec_tty`]: `exec -t`: that process on a pty, and the relay between the caller's terminal
//!   and the pty.
//!
//! Invariants: the caller is already inside skiff's user namespace and single-threaded (no tokio);
//! the spec has no user namespace of its own, as when podman runs crun rootless. The container is
//! the caller's direct child, so `waitpid` gives its status. The only descriptor the container
//! process owns besides stdio is the write end of the error channel, which is close-on-exec: EOF
//! on the read end means the exec succeeded. With `process.terminal`, the container also holds the
//! console socket (close-on-exec too) until it has sent its pty master on it.

pub mod container_init;
pub mod container_main;
pub mod exec;
pub mod exec_tty;
pub mod message;
pub mod mounts;

use std::path::PathBuf;

pub use container_main::run;

/// How a started container ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It exited with this code.
    Exited(i32),
    /// It was killed by this signal.
    Signaled(i32),
}

/// Why the container could not start, as podman reports it in the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartFailure {
    /// The executable was not found (127).
    NotFound,
    /// The executable was found but cannot be executed (126).
    CannotExecute,
    /// Anything else before the exec: mounts, credentials, ... (125).
    Setup,
}

impl StartFailure {
    /// The exit code podman gives this failure.
    pub fn exit_code(self) -> i32 {
        match self {
            StartFailure::NotFound => 127,
            StartFailure::CannotExecute => 126,
            StartFailure::Setup => 125,
        }
    }

    pub(crate) fn from_code(code: i32) -> StartFailure {
        match code {
            127 => StartFailure::NotFound,
            126 => StartFailure::CannotExecute,
            _ => StartFailure::Setup,
        }
    }
}

/// Errors of the built-in runtime.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the runtime spec {path}")]
    Spec {
        path: PathBuf,
        #[source]
        source: oci_spec::OciSpecError,
    },
    #[error("the runtime spec has no process.args to run")]
    NoArgs,
    #[error(
        "the runtime spec asks to join a user namespace by path, which the built-in runtime does not support"
    )]
    UserNamespace,
    #[error("cannot set up the container's user namespace: {what}")]
    UserMaps {
        what: String,
        #[source]
        source: nix::Error,
    },
    #[error(
        "the runtime spec has no mount namespace; the built-in runtime needs one for the container's mounts"
    )]
    NoMountNamespace,
    #[error("joining an existing {kind} namespace ({path}) is not supported yet")]
    JoinNamespace { kind: String, path: PathBuf },
    #[error("cannot join the pid namespace {path}")]
    JoinPidNamespace {
        path: PathBuf,
        #[source]
        source: nix::Error,
    },
    #[error("cannot create the error channel of the container process")]
    Pipe(#[source] crate::ipc::Error),
    #[error("cannot block the signals to relay to the container")]
    Signals(#[source] nix::Error),
    #[error("cannot create the container process")]
    Clone(#[source] nix::Error),
    #[error("cannot wait for the container process {pid}")]
    Wait {
        pid: i32,
        #[source]
        source: nix::Error,
    },
    /// The container process failed before its exec; `message` is its own report.
    #[error("{message}")]
    Start { message: String, failure: StartFailure },
}
