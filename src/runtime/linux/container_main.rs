//! The caller's side of a container (the supervisor role): clone the container process in new
//! namespaces as a direct child, relay its start-up error, wait for its status.

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use nix::sys::signal::{SigSet, SigmaskHow, Signal};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::Pid;
use oci_spec::runtime::{LinuxNamespaceType, Spec};

use super::{container_init, message, Error, Status};

/// Signals relayed to the container while it runs in the foreground.
const FORWARDED: [Signal; 6] =
    [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2];

/// Runs the bundle at `bundle` (its config.json and root) in the foreground and returns how the
/// container ended. Must be called single-threaded, inside skiff's user namespace.
pub fn run(bundle: &Path) -> Result<Status, Error> {
    let prepared = prepare(bundle)?;
    // Block the relayed signals until their handlers are in place, so none is lost or kills the
    // caller in between; the child restores the old mask before anything else.
    let relayed: SigSet = FORWARDED.iter().copied().collect();
    let old_mask = relayed.thread_swap_mask(SigmaskHow::SIG_BLOCK).map_err(Error::Signals)?;
    let cloned = clone_container(&prepared, bundle, None, || {
        let _ = old_mask.thread_set_mask();
        default_sigpipe();
    });
    let relaying = cloned
        .as_ref()
        .map_err(|_| nix::errno::Errno::ESRCH)
        .and_then(|(pid, _)| crate::sys::forward_signals(*pid, &FORWARDED));
    let _ = old_mask.thread_set_mask();
    let (pid, read) = cloned?;
    if let Err(e) = relaying {
        // The container runs already: waiting for it matters more than relaying signals.
        tracing::warn!("cannot relay signals to the container: {e}");
    }
    let failure = message::receive(read);
    let status = wait(pid)?;
    match failure {
        Some((failure, message)) => Err(Error::Start { message, failure }),
        None => Ok(status),
    }
}

/// The container's standard streams for [`spawn`]; `None` inherits the caller's.
#[derive(Debug, Default)]
pub struct Stdio {
    pub stdin: Option<OwnedFd>,
    pub stdout: Option<OwnedFd>,
    pub stderr: Option<OwnedFd>,
    /// For `process.terminal`: a unix socket on which the container sends the master of the pty
    /// it opens in its own /dev/pts (see [`container_init`]); its slave becomes fds 0-2 and the
    /// controlling terminal, replacing the three above.
    pub console: Option<OwnedFd>,
}

/// A container started by [`spawn`]: its pid (the caller's direct child) and the read end of its
/// start-up error channel (see [`message::receive`]: EOF without a message means it exec'd).
#[derive(Debug)]
pub struct Spawned {
    pub pid: Pid,
    pub errors: message::Receiver,
}

/// Starts the bundle without waiting (the supervisor's variant of [`run`]): the container gets
/// `stdio` as its fds 0-2, an empty signal mask, the default SIGPIPE action and, with
/// `parent_death`, that signal when the caller dies (PR_SET_PDEATHSIG). The caller reads
/// `errors` and reaps `pid`. Must be called single-threaded, inside skiff's user namespace.
pub fn spawn(bundle: &Path, stdio: Stdio, parent_death: Option<Signal>) -> Result<Spawned, Error> {
    let prepared = prepare(bundle)?;
    let mut stdio = stdio;
    let console = stdio.console.take().map(message::ConsoleChannel::from);
    let (pid, errors) = clone_container(&prepared, bundle, console.as_ref(), || {
        for (fd, target) in [(&stdio.stdin, 0), (&stdio.stdout, 1), (&stdio.stderr, 2)] {
            if let Some(fd) = fd {
                // dup2 clears close-on-exec on the copy: the container keeps exactly fds 0-2.
                let _ = crate::sys::dup_to(fd, target);
            }
        }
        if let Some(sig) = parent_death {
            let _ = nix::sys::prctl::set_pdeathsig(sig);
        }
        let _ = SigSet::empty().thread_set_mask();
        default_sigpipe();
    })?;
    drop(stdio);
    drop(console);
    Ok(Spawned { pid, errors })
}

/// Restores SIGPIPE's default action, which Rust's runtime sets to "ignore" and exec would keep.
#[allow(unsafe_code)]
pub(crate) fn default_sigpipe() {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler};
    let action = SigAction::new(SigHandler::SigDfl, SaFlags::empty(), SigSet::empty());
    // SAFETY: installing SIG_DFL runs no handler code; nothing can observe a half-set state.
    let _ = unsafe { sigaction(Signal::SIGPIPE, &action) };
}

/// The loaded spec, its clone flags and the absolute root filesystem path.
struct Prepared {
    spec: Spec,
    flags: libc::c_int,
    rootfs: PathBuf,
}

fn prepare(bundle: &Path) -> Result<Prepared, Error> {
    let config = bundle.join("config.json");
    let spec = Spec::load(&config).map_err(|source| Error::Spec { path: config.clone(), source })?;
    if spec.process().as_ref().and_then(|p| p.args().as_ref()).is_none_or(|a| a.is_empty()) {
        return Err(Error::NoArgs);
    }
    let flags = clone_flags(&spec)?;
    let root = spec.root().as_ref().map(|r| r.path().clone()).unwrap_or_else(|| "rootfs".into());
    let rootfs = if root.is_absolute() { root } else { bundle.join(root) };
    Ok(Prepared { spec, flags, rootfs })
}

/// Clones the container process; in the child, `setup` runs first, then the init steps (with the
/// real system calls). Returns the pid and the read end of the error channel (the write end is
/// closed here). Single-threaded callers only (see the module invariants of [`super`]).
fn clone_container(
    p: &Prepared,
    bundle: &Path,
    console: Option<&message::ConsoleChannel>,
    setup: impl FnOnce(),
) -> Result<(Pid, message::Receiver), Error> {
    join_pid_namespace(&p.spec)?;
    let (write, read) = message::channel().map_err(Error::Pipe)?;
    // SAFETY: `run` and `spawn`, the only callers, are documented to be called single-threaded
    // (the supervisor and the foreground runtime start no thread).
    #[allow(unsafe_code)]
    let cloned = unsafe {
        // The read end is the parent's alone: the child closes its copy first.
        crate::sys::clone_child(p.flags, read, || {
            setup();
            container_init::run(&crate::sys::Linux, &p.spec, bundle, &p.rootfs, console, &write)
        })
    };
    let (pid, read) = cloned.map_err(Error::Clone)?;
    drop(write);
    Ok((pid, read))
}

/// A pid namespace with a `path` (a pod's, shared with `--share pid`) is joined by this process
/// before the clone: joining one only places the children made afterwards in it.
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path; fs_err would name it twice"
)]
fn join_pid_namespace(spec: &Spec) -> Result<(), Error> {
    let namespaces = spec.linux().as_ref().and_then(|l| l.namespaces().clone()).unwrap_or_default();
    let Some(path) =
        namespaces.iter().find(|n| n.typ() == LinuxNamespaceType::Pid).and_then(|n| n.path().clone())
    else {
        return Ok(());
    };
    let fail = |source| Error::JoinPidNamespace { path: path.clone(), source };
    let file = std::fs::File::open(&path)
        .map_err(|e| fail(nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))))?;
    nix::sched::setns(&file, nix::sched::CloneFlags::CLONE_NEWPID).map_err(fail)
}

/// The `CLONE_NEW*` flags for the spec's namespaces. A namespace with a `path` is not created but
/// joined by the container process ([`container_init`]); joining is supported for the network,
/// uts and ipc namespaces, and the pid namespace is joined before the clone
/// ([`join_pid_namespace`]). A user namespace is refused (see the module invariants).
fn clone_flags(spec: &Spec) -> Result<libc::c_int, Error> {
    let mut flags = 0;
    let namespaces = spec.linux().as_ref().and_then(|l| l.namespaces().clone()).unwrap_or_default();
    for ns in namespaces {
        if ns.typ() == LinuxNamespaceType::User {
            return Err(Error::UserNamespace);
        }
        if let Some(path) = ns.path() {
            match ns.typ() {
                LinuxNamespaceType::Network
                | LinuxNamespaceType::Uts
                | LinuxNamespaceType::Ipc
                | LinuxNamespaceType::Pid => continue,
                _ => return Err(Error::JoinNamespace { kind: ns.typ().to_string(), path: path.clone() }),
            }
        }
        flags |= match ns.typ() {
            LinuxNamespaceType::Mount => libc::CLONE_NEWNS,
            LinuxNamespaceType::Cgroup => libc::CLONE_NEWCGROUP,
            LinuxNamespaceType::Uts => libc::CLONE_NEWUTS,
            LinuxNamespaceType::Ipc => libc::CLONE_NEWIPC,
            LinuxNamespaceType::Pid => libc::CLONE_NEWPID,
            LinuxNamespaceType::Network => libc::CLONE_NEWNET,
            LinuxNamespaceType::Time => libc::CLONE_NEWTIME,
            LinuxNamespaceType::User => unreachable!("refused above"),
        };
    }
    if flags & libc::CLONE_NEWNS == 0 {
        return Err(Error::NoMountNamespace);
    }
    Ok(flags)
}

fn wait(pid: Pid) -> Result<Status, Error> {
    loop {
        match waitpid(pid, None) {
            Ok(WaitStatus::Exited(_, code)) => return Ok(Status::Exited(code)),
            Ok(WaitStatus::Signaled(_, sig, _)) => return Ok(Status::Signaled(sig as i32)),
            Ok(_) | Err(nix::errno::Errno::EINTR) => continue,
            Err(source) => return Err(Error::Wait { pid: pid.as_raw(), source }),
        }
    }
}
