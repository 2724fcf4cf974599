//! The signal helper: rootless, each skiff command runs in its own user namespace, a sibling of
//! the one the container lives in, and the kernel refuses a signal from there to a container
//! process whose uid is not the user's own (no CAP_KILL over a sibling namespace). The helper is
//! a child forked before the command joins its namespace: it stays in the initial user namespace,
//! where the user owns the container's namespace, and sends signals for it.
//!
//! Protocol ([`crate::ipc`] frames over a socket pair): the command sends [`Signalling::Send`],
//! the helper answers [`Signalling::Sent`] or [`Signalling::Failed`] with the errno, one request
//! at a time, until the command closes its end (or dies: the helper has PR_SET_PDEATHSIG).
//!
//! Invariant: [`install`] forks, so it must run while the process has one thread (before tokio or
//! any thread starts, before the command joins its namespace). It checks that
//! ([`crate::sys::thread_count`]: one `stat`, only when a helper is needed) and
//! installs no helper otherwise: signals are then sent directly, as when the fork fails.

use std::sync::{Mutex, OnceLock};

use nix::errno::Errno;
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use crate::ipc;

/// The messages between a command and its signal helper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signalling {
    /// Send `signal` (`None`: only check that the process exists) to `pid`.
    Send {
        pid: i32,
        signal: Option<i32>,
    },
    Sent,
    Failed {
        errno: i32,
    },
}

impl ipc::Message for Signalling {
    fn kind(&self) -> &'static str {
        match self {
            Signalling::Send { .. } => "a signal request",
            Signalling::Sent => "a confirmation",
            Signalling::Failed { .. } => "a failure",
        }
    }
}

type Link = ipc::Channel<Signalling, Signalling>;

/// `None`: send directly (rootful, or already inside a skiff namespace).
static LINK: OnceLock<Option<Mutex<Link>>> = OnceLock::new();

/// Forks the helper when `needed` (rootless, not yet in a skiff namespace), once per process; a
/// process that never calls it, or has more than one thread when it does, signals directly.
pub fn install(needed: bool) {
    if LINK.get().is_some() {
        return;
    }
    let link = match needed.then(crate::sys::thread_count) {
        None => None,
        Some(Some(1)) => fork_helper().ok(),
        Some(threads) => {
            tracing::warn!(?threads, "not forking the signal helper from a threaded process");
            None
        }
    };
    let _ = LINK.set(link.map(Mutex::new));
}

/// Forks the helper; the caller has checked that the process has one thread.
fn fork_helper() -> std::io::Result<Link> {
    let (ours, theirs) = ipc::channel::<Signalling, Signalling>().map_err(std::io::Error::other)?;
    // SAFETY: `install`, the only caller, checked that this process has exactly one thread.
    #[allow(unsafe_code)]
    let forked = unsafe {
        // The command's end stays with the command: the helper closes its copy first.
        crate::sys::fork_keeping(ours, || {
            let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGKILL);
            if let Ok(null) = fs_err::OpenOptions::new().read(true).write(true).open("/dev/null") {
                for fd in 0..3 {
                    let _ = crate::sys::dup_to(&null, fd);
                }
            }
            serve(&theirs);
            0
        })
    };
    let (child, ours) = forked?;
    drop(theirs);
    tracing::debug!(helper = %child, "signaller started");
    Ok(ours)
}

/// kill(2) with any signal number, real-time ones included (which [`Signal`] cannot hold);
/// `None` only checks that `pid` exists.
#[allow(unsafe_code)]
pub fn kill(pid: Pid, signal: Option<i32>) -> nix::Result<()> {
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    Errno::result(unsafe { libc::kill(pid.as_raw(), signal.unwrap_or(0)) }).map(drop)
}

/// Sends signal number `signal` (`None`: only checks) to `pid`, through the helper when there
/// is one.
pub fn send(pid: Pid, signal: Option<i32>) -> nix::Result<()> {
    let link = LINK.get().and_then(Option::as_ref);
    let Some(link) = link else { return kill(pid, signal) };
    let Ok(link) = link.lock() else { return kill(pid, signal) };
    let request = Signalling::Send { pid: pid.as_raw(), signal };
    let reply = link.send(&request).and_then(|()| {
        link.expect("the signal helper's answer", |m| match m {
            Signalling::Sent => Ok(Ok(())),
            Signalling::Failed { errno } => Ok(Err(Errno::from_raw(errno))),
            other => Err(other),
        })
    });
    match reply {
        Ok(result) => result,
        Err(e) => {
            // The helper is gone (or confused): the best we can do is try ourselves.
            tracing::debug!("the signal helper did not answer: {e}");
            kill(pid, signal)
        }
    }
}

/// The helper's loop: one request at a time, until the command closes its end.
fn serve(link: &Link) {
    while let Ok(Some(request)) = link.recv("a signal request") {
        let result = match request {
            Signalling::Send { pid, .. } if pid <= 0 => Err(Errno::EINVAL),
            Signalling::Send { signal: Some(sig), .. } if sig <= 0 => Err(Errno::EINVAL),
            Signalling::Send { pid, signal } => kill(Pid::from_raw(pid), signal),
            _ => Err(Errno::EINVAL),
        };
        let answer = match result {
            Ok(()) => Signalling::Sent,
            Err(e) => Signalling::Failed { errno: e as i32 },
        };
        if link.send(&answer).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_helper_loop_answers_each_request() {
        let (command, helper) = ipc::channel::<Signalling, Signalling>().unwrap();
        let server = std::thread::spawn(move || serve(&helper));
        let me = nix::unistd::getpid().as_raw();
        command.send(&Signalling::Send { pid: me, signal: None }).unwrap();
        assert_eq!(command.recv("answer").unwrap(), Some(Signalling::Sent));
        command.send(&Signalling::Send { pid: 0, signal: Some(15) }).unwrap();
        assert_eq!(command.recv("answer").unwrap(), Some(Signalling::Failed { errno: libc::EINVAL }));
        command.send(&Signalling::Send { pid: me, signal: Some(1000) }).unwrap();
        assert_eq!(command.recv("answer").unwrap(), Some(Signalling::Failed { errno: libc::EINVAL }));
        command.send(&Signalling::Sent).unwrap();
        assert_eq!(command.recv("answer").unwrap(), Some(Signalling::Failed { errno: libc::EINVAL }));
        drop(command);
        server.join().unwrap();
    }
}
