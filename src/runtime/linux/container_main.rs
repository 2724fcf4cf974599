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
        default_signal_actions();
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
        default_signal_actions();
    })?;
    drop(stdio);
    drop(console);
    Ok(Spawned { pid, errors })
}

/// Restores the default action of every signal, as runc and crun do before they exec the
/// container's process: an exec keeps only "ignore", and skiff's own process may have signals
/// ignored that the container must get: Rust's runtime ignores SIGPIPE, and a shell starts a
/// background `skiff run ... &` with SIGINT and SIGQUIT ignored, which a shell in the container
/// would then be unable to trap (POSIX: a signal ignored on entry cannot be trapped).
#[allow(unsafe_code)]
pub(crate) fn default_signal_actions() {
    // The raw system call: glibc refuses signals 32 and 33 (its own), which a caller may still
    // have ignored. The kernel's struct: handler, flags, restorer, mask; all zero is SIG_DFL.
    let action = [0u64; 4];
    for sig in 1..=64 {
        if sig == libc::SIGKILL || sig == libc::SIGSTOP {
            continue;
        }
        // SAFETY: rt_sigaction(2) with SIG_DFL is async-signal-safe (this runs between fork and
        // exec), reads only `action` (a valid kernel sigaction, sigsetsize 8) and runs no handler.
        let _ = unsafe {
            libc::syscall(libc::SYS_rt_sigaction, sig, action.as_ptr(), std::ptr::null_mut::<u64>(), 8)
        };
    }
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
    if p.flags & libc::CLONE_NEWUSER != 0 {
        return clone_in_userns(p, bundle, console, setup);
    }
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

/// [`clone_container`] for a spec with a user namespace of its own (`--userns=keep-id`, ...):
/// the container must be created in the network (uts, ipc) namespaces skiff prepared, which
/// belong to skiff's user namespace and cannot be joined from the new one. So a helper process
/// joins them first, then clones the container with `CLONE_PARENT` (it stays this process's
/// direct child) and a new user namespace owning its other namespaces, writes the namespace's
/// uid and gid maps (root of skiff's namespace may map any of its ids, no newuidmap), lets
/// the container go on, sends its pid here and exits.
fn clone_in_userns(
    p: &Prepared,
    bundle: &Path,
    console: Option<&message::ConsoleChannel>,
    setup: impl FnOnce(),
) -> Result<(Pid, message::Receiver), Error> {
    use std::io::{Read, Write};
    let maps_err = |what: &str| {
        let what = what.to_string();
        move |source| Error::UserMaps { what: what.clone(), source }
    };
    let linux = p.spec.linux().clone().unwrap_or_default();
    let lines = |m: &Option<Vec<oci_spec::runtime::LinuxIdMapping>>| {
        m.iter()
            .flatten()
            .map(|l| format!("{} {} {}\n", l.container_id(), l.host_id(), l.size()))
            .collect::<String>()
    };
    let (uid_map, gid_map) = (lines(linux.uid_mappings()), lines(linux.gid_mappings()));
    // The container's copy of the spec: the namespaces named by path are joined by the helper.
    let mut spec = p.spec.clone();
    if let Some(l) = spec.linux_mut() {
        if let Some(nss) = l.namespaces_mut() {
            for ns in nss.iter_mut() {
                ns.set_path(None);
            }
        }
    }
    // Without the user mapped (nomap, auto, --uidmap), the container's root cannot even look
    // up skiff's directories (mode 0700, owned by an id its namespace lacks): the root
    // filesystem and the bind sources are cloned here (open_tree) and attached from the fds.
    let has_user =
        |m: &Option<Vec<oci_spec::runtime::LinuxIdMapping>>| m.iter().flatten().any(|l| l.host_id() == 0);
    let detached = if has_user(linux.uid_mappings()) && has_user(linux.gid_mappings()) {
        None
    } else {
        Some(detach_sources(&p.spec, &p.rootfs, bundle)?)
    };
    let (write, read) = message::channel().map_err(Error::Pipe)?;
    let (pid_r, pid_w) = nix::unistd::pipe().map_err(maps_err("a pipe"))?;
    let (go_r, go_w) = nix::unistd::pipe().map_err(maps_err("a pipe"))?;
    let flags = p.flags & !libc::CLONE_NEWUSER;
    // SAFETY: `run` and `spawn`, the only callers, are single-threaded; so is the helper, which
    // clones the container.
    #[allow(unsafe_code)]
    let helper = unsafe {
        crate::sys::fork_keeping((read, pid_r), || {
            if container_init::join_namespaces(&linux).is_err() {
                return 3;
            }
            let cloned =
                crate::sys::clone_child(flags | libc::CLONE_NEWUSER | libc::CLONE_PARENT, go_w, || {
                    let mut go = [0u8; 1];
                    if std::fs::File::from(go_r).read_exact(&mut go).is_err() {
                        return 125;
                    }
                    let root = nix::unistd::Uid::from_raw(0);
                    let _ = nix::unistd::setresgid(0.into(), 0.into(), 0.into());
                    let _ = nix::unistd::setresuid(root, root, root);
                    setup();
                    let mut rootfs = p.rootfs.clone();
                    if let Some(d) = &detached {
                        match attach_sources(d, &mut spec) {
                            Ok(r) => rootfs = r,
                            Err(e) => {
                                let text =
                                    format!("cannot attach the root filesystem and the bind sources: {e}");
                                message::send(&write, super::StartFailure::Setup, &text);
                                return 125;
                            }
                        }
                    }
                    container_init::run(&crate::sys::Linux, &spec, bundle, &rootfs, console, &write)
                });
            let Ok((pid, go_w)) = cloned else { return 1 };
            let pid = pid.as_raw();
            let mapped = fs_err::write(format!("/proc/{pid}/uid_map"), &uid_map)
                .and_then(|()| fs_err::write(format!("/proc/{pid}/gid_map"), &gid_map));
            if mapped.is_err() {
                let _ = nix::sys::signal::kill(Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
                return 2;
            }
            let _ = nix::unistd::write(&go_w, b"g");
            let _ = std::fs::File::from(pid_w).write_all(&pid.to_ne_bytes());
            0
        })
    };
    let (helper, (read, pid_r)) = helper.map_err(Error::Clone)?;
    drop(write);
    let status = waitpid(helper, None);
    let mut raw = [0u8; 4];
    let got = std::fs::File::from(pid_r).read_exact(&mut raw);
    match (status, got) {
        (Ok(WaitStatus::Exited(_, 0)), Ok(())) => Ok((Pid::from_raw(i32::from_ne_bytes(raw)), read)),
        (Ok(WaitStatus::Exited(_, 2)), _) => Err(Error::UserMaps {
            what: format!("cannot write the uid/gid map {}", uid_map.trim().replace('\n', ", ")),
            source: nix::errno::Errno::EPERM,
        }),
        (Ok(WaitStatus::Exited(_, 3)), _) => Err(Error::UserMaps {
            what: "cannot join the namespaces the spec names".into(),
            source: nix::errno::Errno::EPERM,
        }),
        (Err(e), _) => Err(Error::Clone(e)),
        _ => Err(Error::Clone(nix::errno::Errno::ECHILD)),
    }
}

/// Detached copies (`open_tree(OPEN_TREE_CLONE)`) of the root filesystem and of every bind
/// source of `spec`, made while the caller can still reach them: (index of the mount in the
/// spec, or `None` for the root, and the mount's fd).
type Detached = Vec<(Option<usize>, OwnedFd)>;

fn detach_sources(spec: &Spec, rootfs: &Path, bundle: &Path) -> Result<Detached, Error> {
    let mut out = vec![(None, open_tree(rootfs, true)?)];
    for (i, m) in spec.mounts().iter().flatten().enumerate() {
        let opts = m.options().clone().unwrap_or_default();
        let is_bind = m.typ().as_deref() == Some("bind") || opts.iter().any(|o| o == "bind" || o == "rbind");
        if !is_bind {
            continue;
        }
        let src = m.source().clone().unwrap_or_default();
        let src = if src.is_absolute() { src } else { bundle.join(src) };
        out.push((Some(i), open_tree(&src, opts.iter().any(|o| o == "rbind"))?));
    }
    Ok(out)
}

fn open_tree(path: &Path, recursive: bool) -> Result<OwnedFd, Error> {
    use std::os::fd::FromRawFd;
    use std::os::unix::ffi::OsStrExt;
    let err =
        |source| Error::UserMaps { what: format!("cannot clone the mount of {}", path.display()), source };
    let c =
        std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(|_| err(nix::errno::Errno::EINVAL))?;
    let flags = libc::OPEN_TREE_CLONE | if recursive { libc::AT_RECURSIVE as libc::c_uint } else { 0 };
    // SAFETY: open_tree reads a NUL-terminated path and returns a new descriptor (owned here
    // from then on) or -1.
    #[allow(unsafe_code)]
    let fd = unsafe { libc::syscall(libc::SYS_open_tree, libc::AT_FDCWD, c.as_ptr(), flags) };
    if fd < 0 {
        return Err(err(nix::errno::Errno::last()));
    }
    // SAFETY: `fd` was just returned by open_tree and nothing else owns it.
    #[allow(unsafe_code)]
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// The container's side of [`detach_sources`], in its own mount namespace: a private tmpfs on
/// /tmp holds the root filesystem (`/tmp/root`) and the bind sources (`/tmp/mount-N`), whose
/// paths replace those of `spec`. Returns the new root path.
fn attach_sources(detached: &Detached, spec: &mut Spec) -> Result<PathBuf, nix::Error> {
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    let stage = Path::new("/tmp");
    nix::mount::mount(
        Some("tmpfs"),
        stage,
        Some("tmpfs"),
        nix::mount::MsFlags::MS_NOSUID | nix::mount::MsFlags::MS_NODEV,
        Some("mode=0700"),
    )?;
    let mut mounts = spec.mounts().clone().unwrap_or_default();
    let mut root = stage.join("root");
    for (index, fd) in detached {
        let target = match index {
            None => stage.join("root"),
            Some(i) => stage.join(format!("mount-{i}")),
        };
        let st = nix::sys::stat::fstat(fd.as_raw_fd())?;
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            nix::unistd::mkdir(&target, nix::sys::stat::Mode::from_bits_truncate(0o700))?;
        } else {
            let f = nix::fcntl::open(
                &target,
                nix::fcntl::OFlag::O_CREAT | nix::fcntl::OFlag::O_WRONLY | nix::fcntl::OFlag::O_CLOEXEC,
                nix::sys::stat::Mode::from_bits_truncate(0o600),
            )?;
            let _ = nix::unistd::close(f);
        }
        let c = std::ffi::CString::new(target.as_os_str().as_bytes()).map_err(|_| nix::Error::EINVAL)?;
        // SAFETY: move_mount reads a detached mount's fd, an empty path and a NUL-terminated
        // target path; it writes no memory of ours.
        #[allow(unsafe_code)]
        let ret = unsafe {
            libc::syscall(
                libc::SYS_move_mount,
                fd.as_raw_fd(),
                c"".as_ptr(),
                libc::AT_FDCWD,
                c.as_ptr(),
                libc::MOVE_MOUNT_F_EMPTY_PATH,
            )
        };
        if ret < 0 {
            return Err(nix::Error::last());
        }
        match index {
            None => root = target,
            Some(i) => {
                if let Some(m) = mounts.get_mut(*i) {
                    m.set_source(Some(target));
                }
            }
        }
    }
    spec.set_mounts(Some(mounts));
    if let Some(r) = spec.root_mut() {
        r.set_path(root.clone());
    }
    Ok(root)
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
/// ([`join_pid_namespace`]). A user namespace is created ([`clone_in_userns`]), never joined.
fn clone_flags(spec: &Spec) -> Result<libc::c_int, Error> {
    let mut flags = 0;
    let namespaces = spec.linux().as_ref().and_then(|l| l.namespaces().clone()).unwrap_or_default();
    for ns in namespaces {
        if ns.typ() == LinuxNamespaceType::User {
            if ns.path().is_some() {
                return Err(Error::UserNamespace);
            }
            flags |= libc::CLONE_NEWUSER;
            continue;
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
            LinuxNamespaceType::User => unreachable!("handled above"),
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
