//! The engine side of attaching to a container: finding its supervisor and connecting to its
//! attach socket ([`connect`]), the client that relays output, input, signals and window size
//! (re-exported from [`crate::runtime::supervisor`]), and what follows the end of an attach
//! ([`finish`]: wait for the supervisor's cleanup, read the exit code).
//!
//! The terminal side (raw mode, detach keys, which descriptors are terminals) is the caller's:
//! it passes the descriptors and an [`InputFilter`] in [`AttachOptions`].

use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use super::containers::{self, run_dir};
use super::Context;
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::{State, Store};

pub use nix::unistd::Pid;

pub use crate::runtime::supervisor::{
    attach_signals, attach_with, window_size, AttachOptions, Attached, InputFilter,
};

/// Errors of attaching.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error("you can only attach to running containers: {key} is {state}")]
    NotRunning { key: String, state: &'static str },
    #[error("you can only attach to running containers: {key} has exited")]
    Exited { key: String },
    #[error("cannot attach to container {id}")]
    Connect {
        id: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Start(#[from] super::start::Error),
}

/// A connection to the supervisor of a running container.
#[derive(Debug)]
pub struct Attachment {
    /// The container's full id.
    pub id: String,
    /// Its supervisor (not this process's child).
    pub supervisor: Pid,
    /// The container has a terminal (`-t`).
    pub tty: bool,
    pub stream: UnixStream,
}

/// Connects to the supervisor of running container `key` (name or id).
pub fn connect(ctx: &Context, store: &Store, key: &str) -> Result<Attachment, Error> {
    let rec = containers::lookup(store, key)?;
    let run_dir = run_dir(ctx, &rec.id);
    let supervisor_pid = rec
        .pid
        .map(Pid::from_raw)
        .or_else(|| super::lifecycle::read_pid(&run_dir.join(supervisor::SUPERVISOR_PID)));
    let running = rec.state == State::Running && ExitRecord::read(&run_dir).is_none();
    let (true, Some(supervisor_pid)) = (running, supervisor_pid) else {
        return Err(Error::NotRunning { key: key.to_string(), state: state_name(rec.state) });
    };
    let stream = supervisor::connect(&run_dir).map_err(|source| match ExitRecord::read(&run_dir) {
        Some(_) => Error::Exited { key: key.to_string() },
        None => Error::Connect { id: rec.id.clone(), source },
    })?;
    let tty = super::start::has_terminal(store, &rec.id);
    super::events::container(store, "attach", &rec);
    Ok(Attachment { id: rec.id, supervisor: supervisor_pid, tty, stream })
}

fn state_name(state: State) -> &'static str {
    match state {
        State::Created => "created",
        // Still marked running, but its exit is recorded.
        State::Running => "exited",
        State::Paused => "paused",
        State::Stopped => "stopped",
        State::Exited => "exited",
        State::Removing => "being removed",
    }
}

/// How an attach to a container that did not detach ended: [`finish`]'s answer.
#[derive(Debug)]
pub struct Ended {
    /// The container's exit code: the one the supervisor sent, else its `exit.json`; `None`
    /// when the supervisor exited without recording it (see [`super::start::supervisor_log`]).
    pub code: Option<i32>,
    /// The cleanup could not be completed (the container has exited all the same).
    pub cleanup: Result<(), super::start::Error>,
}

/// After an attach ended without detaching (`code`: what the supervisor sent, if anything):
/// waits for the supervisor, which runs the cleanup before it exits (reaping it when it is
/// `own_child`, else for up to 10 seconds), so that `--rm` is done when this returns, then makes
/// sure of the cleanup (it is idempotent) and reads the exit code.
pub fn finish(
    ctx: &Context,
    store: &Store,
    id: &str,
    supervisor: Pid,
    own_child: bool,
    code: Option<i32>,
) -> Ended {
    if own_child {
        crate::sys::reap(supervisor);
    } else {
        let deadline = Instant::now() + Duration::from_secs(10);
        while crate::sys::process_exists(supervisor) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    let code = code.or_else(|| ExitRecord::read(&run_dir(ctx, id)).map(|r| r.exit_code));
    let cleanup = super::start::cleanup(ctx, store, id);
    Ended { code, cleanup }
}
