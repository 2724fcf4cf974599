//! The caller's side of a container (the supervisor role): clone the container process in new
//! namespaces as a direct child, relay its start-up error, wait for its status.

use std::path::Path;

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
    let config = bundle.join("config.json");
    let spec = Spec::load(&config).map_err(|source| Error::Spec { path: config.clone(), source })?;
    if spec.process().as_ref().and_then(|p| p.args().as_ref()).is_none_or(|a| a.is_empty()) {
        return Err(Error::NoArgs);
    }
    let flags = clone_flags(&spec)?;
    let root = spec.root().as_ref().map(|r| r.path().clone()).unwrap_or_else(|| "rootfs".into());
    let rootfs = if root.is_absolute() { root } else { bundle.join(root) };

    let (read, write) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(Error::Pipe)?;
    // Block the relayed signals until their handlers are in place, so none is lost or kills the
    // caller in between; the child restores the old mask before anything else.
    let relayed: SigSet = FORWARDED.iter().copied().collect();
    let old_mask = relayed.thread_swap_mask(SigmaskHow::SIG_BLOCK).map_err(Error::Signals)?;
    let pid = crate::sys::clone_child(flags, || {
        let _ = old_mask.thread_set_mask();
        crate::sys::close_fd(&read);
        container_init::run(&spec, bundle, &rootfs, &write)
    });
    let relaying = pid.and_then(|pid| crate::sys::forward_signals(pid, &FORWARDED));
    let _ = old_mask.thread_set_mask();
    let pid = pid.map_err(Error::Clone)?;
    if let Err(e) = relaying {
        // The container runs already: waiting for it matters more than relaying signals.
        tracing::warn!("cannot relay signals to the container: {e}");
    }
    drop(write);
    let failure = message::receive(read);
    let status = wait(pid)?;
    match failure {
        Some((failure, message)) => Err(Error::Start { message, failure }),
        None => Ok(status),
    }
}

/// The `CLONE_NEW*` flags for the spec's namespaces. Joining existing ones and a user namespace
/// are refused (see the module invariants).
fn clone_flags(spec: &Spec) -> Result<libc::c_int, Error> {
    let mut flags = 0;
    let namespaces = spec.linux().as_ref().and_then(|l| l.namespaces().clone()).unwrap_or_default();
    for ns in namespaces {
        if ns.typ() == LinuxNamespaceType::User {
            return Err(Error::UserNamespace);
        }
        if let Some(path) = ns.path() {
            return Err(Error::JoinNamespace { kind: ns.typ().to_string(), path: path.clone() });
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
