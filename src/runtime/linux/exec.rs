//! `exec`: a new process in a running container's namespaces.
//!
//! Steps, each needing the ones before it:
//! 1. [`join`]: the caller (single-threaded, still in the initial user namespace: a container
//!    lives in the user namespace of the command that started it, which rootless skiff creates
//!    per command, so the caller must not have joined one of its own) enters the container's
//!    user, mount, pid, uts, ipc, net and cgroup namespaces in one `setns(pidfd, flags)` (Linux
//!    5.8), or one `/proc/PID/ns/*` file at a time on older kernels. Namespaces the container
//!    shares with the caller are left out (joining the host's network namespace from the
//!    container's user namespace would be refused). Joining the mount namespace makes the
//!    container's root the caller's root: from here on, paths are the container's.
//! 2. [`exec_process`] (pure): the container's process settings from its config.json with
//!    exec's arguments, environment, user and working directory.
//! 3. [`spawn`]: a forked child (joining a pid namespace only affects children), which is then in
//!    the container's pid namespace, sets its stdio, PR_SET_PDEATHSIG, and applies the process
//!    settings exactly as the container's init does ([`container_init::enter_process`]): rlimits,
//!    bounding set, no_new_privs, seccomp, user and groups, capabilities, working directory,
//!    exec with a PATH lookup. Failures come back over the error channel ([`message`]) with
//!    podman's codes (127 not found, 126 cannot execute, 125 else).
//!
//! With `detach`, the child forks again and leaves at once, so the process is re-parented into
//! the container and nobody waits for it.

use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::MetadataExt;

use nix::sched::CloneFlags;
use nix::sys::signal::{SigSet, SigmaskHow, Signal};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::Pid;
use oci_spec::runtime::{Capabilities, LinuxCapabilities, Process};

use super::{container_init, container_main, message, StartFailure, Status};
use crate::runtime::{spec, user};

/// Signals relayed to the exec'd process while it runs in the foreground.
const FORWARDED: [Signal; 6] =
    [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2];

/// The namespaces `exec` joins, with their `/proc/PID/ns` names.
const NAMESPACES: [(&str, CloneFlags); 7] = [
    ("user", CloneFlags::CLONE_NEWUSER),
    ("mnt", CloneFlags::CLONE_NEWNS),
    ("pid", CloneFlags::CLONE_NEWPID),
    ("uts", CloneFlags::CLONE_NEWUTS),
    ("ipc", CloneFlags::CLONE_NEWIPC),
    ("net", CloneFlags::CLONE_NEWNET),
    ("cgroup", CloneFlags::CLONE_NEWCGROUP),
];

/// Errors of `exec` before the process runs (its own start failures are [`Error::Start`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the container's process {pid} is gone")]
    Gone { pid: i32 },
    #[error("cannot open the container's process {pid}")]
    Pidfd {
        pid: i32,
        #[source]
        source: nix::Error,
    },
    #[error("cannot join the {kind} namespace of the container's process {pid}")]
    Join {
        kind: String,
        pid: i32,
        #[source]
        source: nix::Error,
    },
    #[error("cannot make the exec command non-dumpable")]
    Dumpable(#[source] nix::Error),
    #[error("cannot create the error channel of the exec process")]
    Pipe(#[source] crate::ipc::Error),
    #[error("cannot block the signals to relay to the exec process")]
    Signals(#[source] nix::Error),
    #[error("cannot create the exec process")]
    Fork(#[source] nix::Error),
    #[error("cannot wait for the exec process {pid}")]
    Wait {
        pid: i32,
        #[source]
        source: nix::Error,
    },
    /// The process failed before its exec; `message` is its own report.
    #[error("{message}")]
    Start { message: String, failure: StartFailure },
}

/// Enters the namespaces of the container whose init is `pid` (on the host). Must be called
/// single-threaded, from the initial user namespace (or skiff's own, rootful).
pub fn join(pid: Pid) -> Result<(), Error> {
    let raw = pid.as_raw();
    // Once joined, the container's root could ptrace this process, which still holds the host's
    // descriptors (the terminal): not dumpable, it cannot (CVE-2016-9962). The exec'd program is
    // dumpable again (exec resets it).
    crate::sys::set_undumpable().map_err(Error::Dumpable)?;
    let ns_ino = |p: String| fs_err::metadata(p).map(|m| (m.dev(), m.ino()));
    let mut flags = CloneFlags::empty();
    let mut files = Vec::new();
    for (name, flag) in NAMESPACES {
        let theirs = ns_ino(format!("/proc/{raw}/ns/{name}")).map_err(|_| Error::Gone { pid: raw })?;
        if ns_ino(format!("/proc/self/ns/{name}")).ok() == Some(theirs) {
            continue;
        }
        flags |= flag;
        files.push((name, flag));
    }
    if flags.is_empty() {
        return Ok(());
    }
    let pidfd = pidfd_open(pid)?;
    match nix::sched::setns(&pidfd, flags) {
        Ok(()) => return Ok(()),
        // Before Linux 5.8 setns does not take a pidfd.
        Err(nix::errno::Errno::EINVAL) => {}
        // A container with a user namespace of its own (`--userns=keep-id`...) nested in
        // skiff's: its network namespace belongs to skiff's, which must be joined first.
        Err(nix::errno::Errno::EPERM) if flags.contains(CloneFlags::CLONE_NEWUSER) => {
            return join_nested(pid, &pidfd, flags);
        }
        Err(source) => return Err(Error::Join { kind: names(flags), pid: raw, source }),
    }
    // Open every file first: once in the mount namespace, /proc is the container's.
    let mut opened = Vec::new();
    for (name, flag) in files {
        let path = format!("/proc/{raw}/ns/{name}");
        let flags = rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC;
        let fd =
            rustix::fs::open(path.as_str(), flags, rustix::fs::Mode::empty()).map_err(|e| Error::Join {
                kind: name.to_string(),
                pid: raw,
                source: nix::errno::Errno::from_raw(e.raw_os_error()),
            })?;
        opened.push((name, flag, fd));
    }
    // The pid may have been reused between reading the files and opening them: the pidfd says.
    if nix::sys::signal::kill(pid, None).is_err() || !pidfd_alive(&pidfd) {
        return Err(Error::Gone { pid: raw });
    }
    for (name, flag, fd) in opened {
        nix::sched::setns(&fd, flag).map_err(|source| Error::Join {
            kind: name.to_string(),
            pid: raw,
            source,
        })?;
    }
    Ok(())
}

/// [`join`] for a container whose user namespace is nested in skiff's: joins skiff's (the
/// parent of the container's, `NS_GET_PARENT`), then the namespaces that belong to it (the
/// network namespace skiff made), then the container's user namespace and the rest.
fn join_nested(pid: Pid, pidfd: &OwnedFd, flags: CloneFlags) -> Result<(), Error> {
    use std::os::fd::{AsRawFd, FromRawFd};
    let raw = pid.as_raw();
    let err = |kind: &str| {
        let kind = kind.to_string();
        move |source| Error::Join { kind: kind.clone(), pid: raw, source }
    };
    let user = fs_err::File::open(format!("/proc/{raw}/ns/user"))
        .map_err(|e| err("user")(nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))))?;
    const NS_GET_PARENT: libc::c_ulong = 0xb702;
    // SAFETY: NS_GET_PARENT takes no argument and returns a new descriptor (or -1), which is
    // owned here from then on.
    #[allow(unsafe_code)]
    let parent = unsafe {
        let fd = libc::ioctl(user.as_raw_fd(), NS_GET_PARENT);
        if fd < 0 {
            return Err(err("user")(nix::errno::Errno::last()));
        }
        OwnedFd::from_raw_fd(fd)
    };
    nix::sched::setns(&parent, CloneFlags::CLONE_NEWUSER).map_err(err("user"))?;
    let mut rest = flags;
    for flag in [CloneFlags::CLONE_NEWNET, CloneFlags::CLONE_NEWUTS, CloneFlags::CLONE_NEWIPC] {
        if flags.contains(flag) && nix::sched::setns(pidfd, flag).is_ok() {
            rest.remove(flag);
        }
    }
    nix::sched::setns(pidfd, rest).map_err(|source| Error::Join { kind: names(rest), pid: raw, source })
}

/// Enters only the user namespace of the container whose init is `pid`, so that /proc shows ids
/// as the container sees them (for `top`). Single-threaded callers only.
pub fn join_user(pid: Pid) -> Result<(), Error> {
    let raw = pid.as_raw();
    let ns_ino = |p: String| fs_err::metadata(p).map(|m| (m.dev(), m.ino()));
    let theirs = ns_ino(format!("/proc/{raw}/ns/user")).map_err(|_| Error::Gone { pid: raw })?;
    if ns_ino("/proc/self/ns/user".to_string()).ok() == Some(theirs) {
        return Ok(());
    }
    let err = |source| Error::Join { kind: "user".into(), pid: raw, source };
    let file = fs_err::File::open(format!("/proc/{raw}/ns/user"))
        .map_err(|e| err(nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))))?;
    nix::sched::setns(&file, CloneFlags::CLONE_NEWUSER).map_err(err)
}

fn names(flags: CloneFlags) -> String {
    NAMESPACES.iter().filter(|(_, f)| flags.contains(*f)).map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// `pidfd_open(2)`: a descriptor that names the process `pid` and no later one with its number.
fn pidfd_open(pid: Pid) -> Result<OwnedFd, Error> {
    crate::sys::pidfd_open(pid).map_err(|source| match source {
        nix::errno::Errno::ESRCH => Error::Gone { pid: pid.as_raw() },
        _ => Error::Pidfd { pid: pid.as_raw(), source },
    })
}

/// True while the process behind `pidfd` has not exited (a pidfd polls readable when it has).
fn pidfd_alive(pidfd: &OwnedFd) -> bool {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    use std::os::fd::AsFd;
    let mut fds = [PollFd::new(pidfd.as_fd(), PollFlags::POLLIN)];
    matches!(poll(&mut fds, PollTimeout::ZERO), Ok(0))
}

/// What the command line says about the exec'd process.
#[derive(Debug, Clone, Default)]
pub struct ExecOptions {
    /// The command and its arguments.
    pub args: Vec<String>,
    /// `--env-file` entries then `-e` values, in command-line order (`KEY` alone: the host's).
    pub env: Vec<String>,
    /// `-u user[:group]`, resolved against the container's /etc/passwd and /etc/group.
    pub user: Option<String>,
    /// `-w`: absolute; default the container's working directory.
    pub workdir: Option<String>,
    /// `-t`: a terminal (and `TERM=xterm` unless set).
    pub tty: bool,
}

/// The exec'd process: the container's process settings (`container`, from its config.json)
/// with exec's arguments, environment, user and working directory. Capabilities follow podman:
/// the container's sets for the container's own user; for another user, uid 0 gets the bounding
/// set as effective and permitted, any other uid only what the container's ambient set holds
/// (its `--cap-add`s for a non-root container, else nothing).
pub fn exec_process(
    container: &Process,
    opts: &ExecOptions,
    passwd: Option<&str>,
    group: Option<&str>,
    host_env: &dyn Fn(&str) -> Option<String>,
) -> Result<Process, spec::Error> {
    let mut p = container.clone();
    p.set_args(Some(opts.args.clone()));
    let mut env = user::merge_env(&container.env().clone().unwrap_or_default(), &opts.env, host_env);
    if opts.tty {
        user::set_default(&mut env, "TERM", "xterm");
    }
    p.set_env(Some(env));
    p.set_terminal(Some(opts.tty));
    if let Some(w) = &opts.workdir {
        if !w.starts_with('/') {
            return Err(spec::Error::InvalidWorkdir { value: w.clone() });
        }
        p.set_cwd(w.into());
    }
    if let Some(u) = &opts.user {
        let resolved = user::resolve(u, passwd, group)?;
        let mut pu = container.user().clone();
        let same_user = pu.uid() == resolved.uid;
        pu.set_uid(resolved.uid);
        pu.set_gid(resolved.gid);
        pu.set_additional_gids((!resolved.additional_gids.is_empty()).then_some(resolved.additional_gids));
        p.set_user(pu);
        if !same_user {
            let current = container.capabilities().clone().unwrap_or_default();
            let bounding = current.bounding().clone().unwrap_or_default();
            let mut caps = LinuxCapabilities::default();
            caps.set_bounding(Some(bounding.clone()));
            let (main, extra) = if resolved.uid == 0 {
                (bounding, Capabilities::new())
            } else {
                let ambient = current.ambient().clone().unwrap_or_default();
                (ambient.clone(), ambient)
            };
            caps.set_effective(Some(main.clone()));
            caps.set_permitted(Some(main));
            caps.set_inheritable(Some(extra.clone()));
            caps.set_ambient(Some(extra));
            p.set_capabilities(Some(caps));
        }
    }
    Ok(p)
}

/// The exec'd process's stdio: each `None` inherits the caller's. With `tty`, the slave side of
/// a pty becomes the controlling terminal and fds 0-2 (the others are ignored).
#[derive(Debug, Default)]
pub struct Stdio {
    pub stdin: Option<OwnedFd>,
    pub tty: Option<OwnedFd>,
}

/// A started exec process: the caller's direct child (not for `detach`).
#[derive(Debug)]
pub struct Spawned {
    pub pid: Pid,
}

/// Forks the exec process (after [`join`]) and waits until it has exec'd; a failure before the
/// exec is [`Error::Start`] (the child is reaped). With `detach` the process is started in its
/// own session with stdio on /dev/null and nobody waits for it: `Ok(None)`. Else the relayed
/// signals ([`FORWARDED`]) sent to the caller go to the process, and the caller waits for it
/// ([`wait`]). Must be called single-threaded.
pub fn spawn(
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
    stdio: Stdio,
    detach: bool,
) -> Result<Option<Spawned>, Error> {
    let (write, read) = message::channel().map_err(Error::Pipe)?;
    let relayed: SigSet = FORWARDED.iter().copied().collect();
    let old_mask = relayed.thread_swap_mask(SigmaskHow::SIG_BLOCK).map_err(Error::Signals)?;
    let parent = nix::unistd::getpid();
    // SAFETY: callers are single-threaded (this function's contract); so is the child when it
    // forks the detached grandchild.
    #[allow(unsafe_code)]
    let forked = unsafe {
        // The read end is the parent's alone: the child closes its copy first.
        crate::sys::fork_keeping(read, || {
            let _ = SigSet::empty().thread_set_mask();
            container_main::default_signal_actions();
            if detach {
                let _ = nix::unistd::setsid();
                // The grandchild is re-parented into the container; this child leaves at once.
                return match crate::sys::fork_helper(|| child(process, filter, &stdio, &write, None, true)) {
                    Ok(_) => 0,
                    Err(e) => {
                        message::send(
                            &write,
                            StartFailure::Setup,
                            &format!("cannot create the exec process: {e}"),
                        );
                        125
                    }
                };
            }
            child(process, filter, &stdio, &write, Some(parent), false)
        })
    };
    drop(write);
    drop(stdio);
    let (pid, read) = match forked {
        Ok(forked) => forked,
        Err(e) => {
            let _ = old_mask.thread_set_mask();
            return Err(Error::Fork(e));
        }
    };
    if !detach {
        if let Err(e) = crate::sys::forward_signals(pid, &FORWARDED) {
            tracing::warn!("cannot relay signals to the exec process: {e}");
        }
    }
    let _ = old_mask.thread_set_mask();
    let failure = message::receive(read);
    if detach {
        let _ = waitpid(pid, None);
    }
    if let Some((failure, message)) = failure {
        if !detach {
            let _ = wait(pid);
        }
        return Err(Error::Start { message, failure });
    }
    Ok((!detach).then_some(Spawned { pid }))
}

/// The exec process itself, from the fork to the exec; returns the exit code on failure.
fn child(
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
    stdio: &Stdio,
    channel: &message::Sender,
    parent: Option<Pid>,
    detached: bool,
) -> i32 {
    let fail = |failure: StartFailure, text: String| {
        message::send(channel, failure, &text);
        failure.exit_code()
    };
    if let Some(parent) = parent {
        // Never outlive the exec command that waits for us (it may already be gone).
        let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGKILL);
        // A parent outside our (joined) pid namespace shows as 0; a dead one leaves us re-parented.
        let ppid = nix::unistd::getppid();
        if ppid != parent && ppid.as_raw() != 0 {
            return fail(StartFailure::Setup, "the exec command exited before its process started".into());
        }
    }
    // dup2 clears close-on-exec on the copy.
    let dup = |fd: &dyn AsFd, target: libc::c_int| {
        let _ = crate::sys::dup_to(fd.as_fd(), target);
    };
    if let Some(tty) = &stdio.tty {
        let _ = nix::unistd::setsid();
        if let Err(e) = crate::sys::set_controlling_terminal(tty) {
            return fail(StartFailure::Setup, format!("cannot make the pty the controlling terminal: {e}"));
        }
        for target in 0..3 {
            dup(tty, target);
        }
    } else {
        let null = || fs_err::OpenOptions::new().read(true).write(true).open("/dev/null");
        let targets: &[libc::c_int] = if detached { &[0, 1, 2] } else { &[0] };
        match (&stdio.stdin, detached) {
            (Some(fd), false) => {
                dup(fd, 0);
            }
            _ => match null() {
                Ok(f) => {
                    for t in targets {
                        dup(&f, *t);
                    }
                }
                Err(e) => return fail(StartFailure::Setup, format!("cannot open /dev/null: {e}")),
            },
        }
    }
    let _ = crate::sys::cloexec_from(3);
    let err = match container_init::enter_process(&crate::sys::Linux, process, filter) {
        Ok(never) => match never {},
        Err(e) => e,
    };
    fail(err.failure(), err.report())
}

/// Waits for the exec process and returns how it ended.
pub fn wait(pid: Pid) -> Result<Status, Error> {
    loop {
        match waitpid(pid, None) {
            Ok(WaitStatus::Exited(_, code)) => return Ok(Status::Exited(code)),
            Ok(WaitStatus::Signaled(_, sig, _)) => return Ok(Status::Signaled(sig as i32)),
            Ok(_) | Err(nix::errno::Errno::EINTR) => continue,
            Err(source) => return Err(Error::Wait { pid: pid.as_raw(), source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::Capability;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n";
    const GROUP: &str = "root:x:0:\nstaff:x:50:app\napp:x:1000:\n";

    fn container() -> Process {
        let caps: Capabilities = [Capability::Chown, Capability::Kill].into_iter().collect();
        let mut c = LinuxCapabilities::default();
        c.set_bounding(Some(caps.clone()));
        c.set_effective(Some(caps.clone()));
        c.set_permitted(Some(caps));
        c.set_inheritable(Some(Capabilities::new()));
        c.set_ambient(Some(Capabilities::new()));
        let mut p = Process::default();
        p.set_args(Some(vec!["sleep".into(), "60".into()]));
        p.set_env(Some(vec!["PATH=/bin".into(), "A=ctr".into(), "HOME=/root".into()]));
        p.set_cwd("/srv".into());
        p.set_capabilities(Some(c));
        p.set_no_new_privileges(Some(true));
        p
    }

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn keeps_the_containers_settings_with_execs_args_and_env() {
        let opts = ExecOptions {
            args: vec!["sh".into()],
            env: vec!["A=exec".into(), "B=1".into()],
            tty: true,
            ..Default::default()
        };
        let p = exec_process(&container(), &opts, Some(PASSWD), Some(GROUP), &none).unwrap();
        assert_eq!(p.args().as_deref(), Some(&["sh".to_string()][..]));
        assert_eq!(
            p.env().as_deref().unwrap(),
            ["PATH=/bin", "A=exec", "HOME=/root", "B=1", "TERM=xterm"].map(String::from)
        );
        assert_eq!(p.cwd().to_str(), Some("/srv"));
        assert_eq!(p.terminal(), Some(true));
        assert_eq!(p.no_new_privileges(), Some(true));
        assert_eq!(p.capabilities(), container().capabilities());
        assert_eq!((p.user().uid(), p.user().gid()), (0, 0));
    }

    #[test]
    fn user_and_workdir_and_their_capabilities() {
        let opts = ExecOptions {
            args: vec!["id".into()],
            user: Some("app".into()),
            workdir: Some("/tmp".into()),
            ..Default::default()
        };
        let p = exec_process(&container(), &opts, Some(PASSWD), Some(GROUP), &none).unwrap();
        assert_eq!((p.user().uid(), p.user().gid()), (1000, 1000));
        assert_eq!(p.user().additional_gids().as_deref(), Some(&[50][..]));
        assert_eq!(p.cwd().to_str(), Some("/tmp"));
        let caps = p.capabilities().clone().unwrap();
        assert!(caps.effective().as_ref().unwrap().is_empty());
        assert_eq!(caps.bounding().as_ref().unwrap().len(), 2);

        let root = ExecOptions { user: Some("0".into()), ..opts.clone() };
        let p = exec_process(&container(), &root, Some(PASSWD), Some(GROUP), &none).unwrap();
        assert_eq!(p.capabilities(), container().capabilities());

        let bad = ExecOptions { user: Some("nobody".into()), ..opts.clone() };
        let e = exec_process(&container(), &bad, Some(PASSWD), Some(GROUP), &none).unwrap_err();
        assert!(e.to_string().contains("unable to find user nobody"), "{e}");
        let rel = ExecOptions { workdir: Some("tmp".into()), ..opts };
        assert!(exec_process(&container(), &rel, Some(PASSWD), Some(GROUP), &none).is_err());
    }
}
