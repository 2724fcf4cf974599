//! skiff's minimal init for `--init` when no catatonit is installed: the skiff binary itself,
//! bind-mounted at [`super::spec::INIT_PATH`] and started as `skiff-init -- COMMAND ARGS...`
//! (the name, argv[0], selects it; see `cli::main`).
//!
//! It runs COMMAND as its only direct child and, until that child exits:
//! - relays every signal it gets (all are blocked and read from a signalfd, so that as pid 1 of
//!   the container's pid namespace it still receives the ones a default action would drop) to
//!   the child;
//! - reaps every process that ends up its child (orphans are re-parented to pid 1; outside a pid
//!   namespace it makes itself the child subreaper).
//!
//! It then exits with the child's code, or 128+N when a signal N killed it; leaving the pid
//! namespace's init ends what else runs in it.
//!
//! Invariants: single-threaded (started by exec, before anything spawns threads); the child gets
//! an empty signal mask ([`unblock_signals_on_exec`]) and the default SIGPIPE action
//! (`std::process::Command` restores that one).

use std::ffi::OsString;

use nix::errno::Errno;
use nix::sys::signal::{kill, SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

/// The name (argv[0] file name) that runs the init instead of the command line.
pub const NAME: &str = "skiff-init";

/// Errors of the init; the exit code podman's init gives them is [`Error::exit_code`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no command to run (usage: {NAME} -- COMMAND [ARG...])")]
    NoCommand,
    #[error("cannot set up signal handling")]
    Signals(#[source] Errno),
    #[error("cannot execute {program:?}")]
    Exec {
        program: OsString,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// 127 for a command that does not exist, 126 for one that cannot run, else 125.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Exec { source, .. } if source.kind() == std::io::ErrorKind::NotFound => 127,
            Error::Exec { .. } => 126,
            _ => 125,
        }
    }
}

/// True when argv[0] names the init.
pub fn is_init(argv0: &std::ffi::OsStr) -> bool {
    std::path::Path::new(argv0).file_name().is_some_and(|n| n == NAME)
}

/// Runs the init with `args` (argv without argv[0]; a leading `--` is skipped) and returns the
/// exit code to leave with.
pub fn run(args: Vec<OsString>) -> Result<i32, Error> {
    let mut args = args.into_iter().peekable();
    if args.peek().is_some_and(|a| a == "--") {
        args.next();
    }
    let program = args.next().ok_or(Error::NoCommand)?;
    if std::process::id() != 1 {
        nix::sys::prctl::set_child_subreaper(true).map_err(Error::Signals)?;
    }
    // Every signal that can be blocked, before the child exists, so that none is lost.
    let all = SigSet::all();
    all.thread_block().map_err(Error::Signals)?;
    let sigfd = SignalFd::with_flags(&all, SfdFlags::SFD_CLOEXEC).map_err(Error::Signals)?;
    let mut cmd = std::process::Command::new(&program);
    cmd.args(args);
    unblock_signals_on_exec(&mut cmd);
    let child = cmd.spawn();
    let child = match child {
        Ok(c) => Pid::from_raw(c.id() as i32),
        Err(source) => {
            let _ = all.thread_unblock();
            return Err(Error::Exec { program, source });
        }
    };
    loop {
        let info = match sigfd.read_signal() {
            Ok(Some(info)) => info,
            Ok(None) | Err(Errno::EINTR) => continue,
            Err(e) => return Err(Error::Signals(e)),
        };
        match Signal::try_from(info.ssi_signo as i32) {
            Ok(Signal::SIGCHLD) => {
                if let Some(code) = reap(child) {
                    return Ok(code);
                }
            }
            Ok(sig) => {
                let _ = kill(child, sig);
            }
            // Real-time signals are not relayed: nix's `kill` names only the standard ones.
            Err(_) => {}
        }
    }
}

/// Makes `cmd`'s process start with no signal blocked: `std::process::Command` keeps the
/// caller's mask, and the callers here (this init, the supervisor) block the signals they read
/// from a signalfd.
#[allow(unsafe_code)]
pub fn unblock_signals_on_exec(cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs in the forked child before exec and only calls pthread_sigmask
    // (async-signal-safe) on a stack-allocated empty set; it allocates nothing and takes no lock.
    unsafe {
        cmd.pre_exec(|| SigSet::empty().thread_set_mask().map_err(std::io::Error::from));
    }
}

/// Reaps every exited child; returns the exit code once `child` is among them.
fn reap(child: Pid) -> Option<i32> {
    let mut code = None;
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::Exited(pid, c)) if pid == child => code = Some(c),
            Ok(WaitStatus::Signaled(pid, sig, _)) if pid == child => code = Some(128 + sig as i32),
            Ok(WaitStatus::StillAlive) | Err(Errno::ECHILD) => return code,
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => return code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_is_chosen_by_its_name() {
        assert!(is_init("/run/skiff-init".as_ref()));
        assert!(is_init("skiff-init".as_ref()));
        assert!(!is_init("/usr/bin/skiff".as_ref()));
        assert!(!is_init("skiff-init-x".as_ref()));
    }

    #[test]
    fn exit_codes_of_errors() {
        let not_found = Error::Exec { program: "x".into(), source: std::io::ErrorKind::NotFound.into() };
        assert_eq!(not_found.exit_code(), 127);
        let denied = Error::Exec { program: "x".into(), source: std::io::ErrorKind::PermissionDenied.into() };
        assert_eq!(denied.exit_code(), 126);
        assert_eq!(Error::NoCommand.exit_code(), 125);
        assert!(matches!(run(vec!["--".into()]), Err(Error::NoCommand)));
    }
}
