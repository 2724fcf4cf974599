//! The container process: pid 1 of its new pid namespace, from the clone to the exec.
//!
//! Order (each step needs the ones before it): mounts (rootfs, spec mounts, /dev), pivot_root,
//! masked paths, read-only paths, read-only root, the terminal (with `process.terminal`: a pty
//! opened in the container's own /dev/pts, its master sent to the supervisor over the console
//! socket, its slave made fds 0-2 and the controlling terminal of a new session), hostname,
//! rlimits, umask, the capability bounding set (needs CAP_SETPCAP, so before the credentials
//! change), no_new_privs, groups, gid, uid (keeping capabilities across the uid change), the other
//! capability sets, cwd (as the container user), seccomp last (it may forbid what came before),
//! exec.
//!
//! Any failure is written to the error channel (see [`super::message`]) and ends the process with
//! podman's code: 127 executable not found, 126 cannot execute, 125 anything else.
//!
//! Every security-critical call goes through the [`Syscall`] the caller passes in (the real
//! [`crate::sys::Linux`] in the container; [`crate::sys::Recording`] in the tests below, which
//! check the order of the steps above).

use std::collections::HashSet;
use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use caps::{CapSet, Capability, CapsHashSet};
use nix::errno::Errno;
use nix::unistd::{Gid, Uid};
use oci_spec::runtime::{LinuxCapabilities, LinuxNamespaceType, PosixRlimitType, Process, Spec};

use super::{message, mounts, StartFailure};
use crate::sys::Syscall;

/// The PATH used when the spec's environment has none (podman's default).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Errors of the container process before its exec.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Mount(#[from] mounts::Error),
    #[error("cannot join the {kind} namespace {path}")]
    JoinNamespace {
        kind: String,
        path: PathBuf,
        #[source]
        source: Errno,
    },
    #[error("cannot set the hostname to {hostname}")]
    Hostname {
        hostname: String,
        #[source]
        source: Errno,
    },
    #[error("cannot set rlimit {resource}")]
    Rlimit {
        resource: String,
        #[source]
        source: Errno,
    },
    #[error("cannot set no_new_privs")]
    NoNewPrivs(#[source] Errno),
    #[error("cannot switch to uid {uid} gid {gid}")]
    Credentials {
        uid: u32,
        gid: u32,
        #[source]
        source: Errno,
    },
    #[error("cannot set the {set} capabilities")]
    Capabilities {
        set: String,
        #[source]
        source: caps::errors::CapsError,
    },
    #[error("cannot set up the terminal: {step}")]
    Terminal {
        step: &'static str,
        #[source]
        source: Errno,
    },
    #[error("process.terminal is set but no console socket was given to send the terminal on")]
    NoConsole,
    /// As podman words it (exit 126).
    #[error("workdir {path:?} does not exist on container")]
    CwdMissing { path: PathBuf },
    #[error("cannot change to the working directory {path}")]
    Cwd {
        path: PathBuf,
        #[source]
        source: Errno,
    },
    #[error("cannot install the seccomp filter: {reason}")]
    Seccomp { reason: String },
    #[error("argument {arg:?} contains a NUL byte")]
    Nul { arg: String },
    #[error("executable file `{name}` not found in $PATH")]
    NotInPath { name: String },
    #[error("executable file `{name}` not found")]
    NotFound { name: String },
    // The errno in lower case, as Go (and so podman) words it: "permission denied".
    #[error("cannot execute `{name}`: {}", errno.desc().to_lowercase())]
    CannotExecute { name: String, errno: Errno },
}

impl Error {
    pub(crate) fn failure(&self) -> StartFailure {
        match self {
            Error::NotInPath { .. } | Error::NotFound { .. } => StartFailure::NotFound,
            Error::CannotExecute { .. } => StartFailure::CannotExecute,
            _ => StartFailure::Setup,
        }
    }

    /// The message with its causes, as one line for the error channel.
    pub(crate) fn report(&self) -> String {
        let mut text = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            text.push_str(": ");
            text.push_str(&c.to_string());
            cause = c.source();
        }
        match self {
            Error::NotInPath { .. } | Error::NotFound { .. } => text + ": No such file or directory",
            _ => text,
        }
    }
}

/// The body of the cloned container process; returns the exit code only when it fails (a
/// successful exec never returns).
pub fn run(
    sys: &dyn Syscall,
    spec: &Spec,
    bundle: &Path,
    rootfs: &Path,
    console: Option<&message::ConsoleChannel>,
    channel: &message::Sender,
) -> i32 {
    let err = match init(sys, spec, bundle, rootfs, console) {
        Ok(never) => match never {},
        Err(e) => e,
    };
    let failure = match err {
        // podman: a container whose working directory is missing exits 126 (exec keeps 125).
        Error::CwdMissing { .. } | Error::Cwd { .. } => StartFailure::CannotExecute,
        _ => err.failure(),
    };
    message::send(channel, failure, &err.report());
    failure.exit_code()
}

pub(crate) enum Never {}

/// How many descriptors from 3 on a container whose environment is `env` keeps across its exec
/// (`LISTEN_FDS`, as runc and crun read it; 0 when unset or not a number).
pub(crate) fn listen_fds<'a>(env: impl IntoIterator<Item = &'a String>) -> u32 {
    let n = env.into_iter().find_map(|e| e.strip_prefix("LISTEN_FDS=")).and_then(|n| n.parse().ok());
    n.unwrap_or(0).min(1024)
}

fn init(
    sys: &dyn Syscall,
    spec: &Spec,
    bundle: &Path,
    rootfs: &Path,
    console: Option<&message::ConsoleChannel>,
) -> Result<Never, Error> {
    // Socket activation: the LISTEN_FDS descriptors from 3 on stay open (see engine::systemd);
    // `--preserve-fds N`: descriptors 3 to 3+N-1 stay open across the exec.
    let env = spec.process().as_ref().and_then(|p| p.env().as_ref());
    let keep = listen_fds(env.into_iter().flatten()).max(crate::runtime::spec::preserved_fds(spec));
    let _ = crate::sys::cloexec_from(3 + keep);
    join_namespaces(&spec.linux().clone().unwrap_or_default())?;
    confine_and_exec(sys, spec, bundle, rootfs, console)
}

/// The steps of [`init`] after joining the namespaces named by path: every one goes through
/// `sys`, in the order of the module comment.
fn confine_and_exec(
    sys: &dyn Syscall,
    spec: &Spec,
    bundle: &Path,
    rootfs: &Path,
    console: Option<&message::ConsoleChannel>,
) -> Result<Never, Error> {
    let process = spec.process().clone().unwrap_or_default();
    let linux = spec.linux().clone().unwrap_or_default();
    let has_ns = |t| linux.namespaces().iter().flatten().any(|n| n.typ() == t);

    mounts::prepare_rootfs(sys, spec, rootfs)?;
    let spec_mounts = spec.mounts().clone().unwrap_or_default();
    for m in &spec_mounts {
        mounts::mount_one(sys, m, rootfs, bundle)?;
    }
    if spec_mounts.iter().any(|m| m.destination() == Path::new("/dev")) {
        mounts::populate_dev(sys, spec, rootfs)?;
    }
    mounts::pivot_root(sys, rootfs)?;
    for p in linux.masked_paths().iter().flatten() {
        mounts::mask(sys, Path::new(p))?;
    }
    for p in linux.readonly_paths().iter().flatten() {
        mounts::make_readonly(sys, Path::new(p))?;
    }
    if spec.root().as_ref().and_then(|r| r.readonly()).unwrap_or(false) {
        mounts::remount(sys, Path::new("/"), nix::mount::MsFlags::MS_RDONLY)?;
    }
    if process.terminal().unwrap_or(false) {
        setup_terminal(console.ok_or(Error::NoConsole)?, process.user().uid())?;
    }

    if has_ns(LinuxNamespaceType::Uts) {
        if let Some(h) = spec.hostname() {
            sys.sethostname(h).map_err(|source| Error::Hostname { hostname: h.clone(), source })?;
        }
    }
    let filter = compile_seccomp(spec)?;
    enter_process(sys, &process, filter.as_ref())
}

/// The process settings of the spec, after the mounts and the hostname, up to the exec: rlimits,
/// umask, the capability bounding set, no_new_privs, seccomp, user and groups (keeping the
/// parent-death signal), the other capability sets, the working directory. Shared by the
/// container's init and by `exec`. Returns only on failure.
pub(crate) fn enter_process(
    sys: &dyn Syscall,
    process: &Process,
    filter: Option<&seccompiler::BpfProgram>,
) -> Result<Never, Error> {
    for r in process.rlimits().iter().flatten() {
        sys.set_rlimit(rlimit_resource(r.typ()), r.soft(), r.hard())
            .map_err(|source| Error::Rlimit { resource: r.typ().to_string(), source })?;
    }
    if let Some(mask) = process.user().umask() {
        sys.umask(mask);
    }
    let capabilities = process.capabilities().clone().unwrap_or_default();
    drop_bounding(sys, &capabilities)?;
    let no_new_privs = process.no_new_privileges().unwrap_or(false);
    if no_new_privs {
        sys.set_no_new_privs().map_err(Error::NoNewPrivs)?;
    } else if let Some(f) = filter {
        // Without no_new_privs, loading a filter needs CAP_SYS_ADMIN, which the default set
        // drops: load it now, while the process still has it (the filter allows what follows).
        apply_seccomp(sys, f)?;
    }
    // The kernel clears the parent-death signal when the credentials change: keep the one the
    // supervisor set, so a killed supervisor never leaves a container running unsupervised.
    let parent_death = sys.pdeathsig().ok().flatten();
    switch_user(sys, process)?;
    if let Some(sig) = parent_death {
        let _ = sys.set_pdeathsig(sig);
    }
    set_capabilities(sys, &capabilities)?;
    sys.chdir(process.cwd()).map_err(|source| match source {
        Errno::ENOENT | Errno::ENOTDIR => Error::CwdMissing { path: process.cwd().clone() },
        source => Error::Cwd { path: process.cwd().clone(), source },
    })?;
    if no_new_privs {
        if let Some(f) = filter {
            apply_seccomp(sys, f)?;
        }
    }
    Err(exec(sys, process))
}

/// Opens a pty in the container's /dev/pts (so that `tty` names it and programs can reopen it),
/// hands the process user the slave, sends the master over `console` ([`message::Console`]),
/// waits for the answer (the size is set), and makes the slave fds 0-2 and the controlling
/// terminal of a new session. Must run after the container's /dev/pts is mounted.
pub fn setup_terminal(console: &message::ConsoleChannel, uid: u32) -> Result<(), Error> {
    use rustix::pty::OpenptFlags;
    use std::os::fd::{AsFd, AsRawFd};
    let step = |step| {
        move |e: rustix::io::Errno| Error::Terminal { step, source: Errno::from_raw(e.raw_os_error()) }
    };
    let master = rustix::pty::openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .map_err(step("open /dev/ptmx"))?;
    rustix::pty::grantpt(&master).map_err(step("grantpt"))?;
    rustix::pty::unlockpt(&master).map_err(step("unlockpt"))?;
    let name = rustix::pty::ptsname(&master, Vec::new()).map_err(step("ptsname"))?;
    let flags = rustix::fs::OFlags::RDWR | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::CLOEXEC;
    let slave = rustix::fs::open(name.as_c_str(), flags, rustix::fs::Mode::empty())
        .map_err(step("open the pty slave"))?;
    // The user may not be root: let it reopen its terminal (/dev/tty), as a login would.
    let _ = nix::unistd::fchown(slave.as_raw_fd(), Some(Uid::from_raw(uid)), None);
    console.send_fd(&message::Console::Master, master.as_fd()).map_err(|e| Error::Terminal {
        step: "send the pty master to the supervisor",
        source: ipc_errno(&e),
    })?;
    drop(master);
    // The supervisor sets the window size, then answers (or closes the socket): start with it.
    let _ = console.recv("the supervisor's answer");
    nix::unistd::setsid().map_err(|source| Error::Terminal { step: "setsid", source })?;
    crate::sys::set_controlling_terminal(&slave)
        .map_err(|source| Error::Terminal { step: "TIOCSCTTY", source })?;
    for target in 0..3 {
        crate::sys::dup_to(&slave, target).map_err(|source| Error::Terminal { step: "dup2", source })?;
    }
    Ok(())
}

/// The errno behind a channel error (EIO when there is none).
fn ipc_errno(e: &crate::ipc::Error) -> Errno {
    let io = match e {
        crate::ipc::Error::Send { source, .. } | crate::ipc::Error::Receive { source, .. } => source,
        _ => return Errno::EIO,
    };
    Errno::from_raw(io.raw_os_error().unwrap_or(libc::EIO))
}

/// Joins the namespaces the spec names by `path` (the network namespace skiff prepared, or
/// another container's); the others were created by the clone. Before any mount: the paths are
/// the caller's.
pub(crate) fn join_namespaces(linux: &oci_spec::runtime::Linux) -> Result<(), Error> {
    use nix::sched::CloneFlags;
    for ns in linux.namespaces().iter().flatten() {
        let Some(path) = ns.path() else { continue };
        let flag = match ns.typ() {
            LinuxNamespaceType::Network => CloneFlags::CLONE_NEWNET,
            LinuxNamespaceType::Uts => CloneFlags::CLONE_NEWUTS,
            LinuxNamespaceType::Ipc => CloneFlags::CLONE_NEWIPC,
            // Refused by the caller (`container_main::clone_flags`).
            _ => continue,
        };
        let fail = |source| Error::JoinNamespace { kind: ns.typ().to_string(), path: path.clone(), source };
        // Joined already (by the helper that created the container's user namespace).
        let id = |p: &Path| {
            fs_err::metadata(p)
                .ok()
                .map(|m| (std::os::unix::fs::MetadataExt::dev(&m), std::os::unix::fs::MetadataExt::ino(&m)))
        };
        let own = format!(
            "/proc/self/ns/{}",
            match flag {
                CloneFlags::CLONE_NEWNET => "net",
                CloneFlags::CLONE_NEWUTS => "uts",
                _ => "ipc",
            }
        );
        if id(path).is_some() && id(path) == id(Path::new(&own)) {
            continue;
        }
        let file = fs_err::File::open(path)
            .map_err(|e| fail(Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))))?;
        nix::sched::setns(&file, flag).map_err(fail)?;
    }
    Ok(())
}

/// Compiles the spec's seccomp profile to BPF (before any privilege is dropped, so a bad profile
/// fails early).
pub fn compile_seccomp(spec: &Spec) -> Result<Option<seccompiler::BpfProgram>, Error> {
    let Some(profile) = spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) else { return Ok(None) };
    let arch = match std::env::consts::ARCH {
        "aarch64" => seccompiler::TargetArch::aarch64,
        _ => seccompiler::TargetArch::x86_64,
    };
    crate::runtime::seccomp::compile(profile, arch)
        .map(Some)
        .map_err(|e| Error::Seccomp { reason: e.to_string() })
}

/// Installs a compiled seccomp filter on this thread (the init is single-threaded).
fn apply_seccomp(sys: &dyn Syscall, filter: &seccompiler::BpfProgram) -> Result<(), Error> {
    sys.seccomp_load(filter).map_err(|e| Error::Seccomp { reason: e.to_string() })
}

fn rlimit_resource(t: PosixRlimitType) -> libc::c_int {
    (match t {
        PosixRlimitType::RlimitCpu => libc::RLIMIT_CPU,
        PosixRlimitType::RlimitFsize => libc::RLIMIT_FSIZE,
        PosixRlimitType::RlimitData => libc::RLIMIT_DATA,
        PosixRlimitType::RlimitStack => libc::RLIMIT_STACK,
        PosixRlimitType::RlimitCore => libc::RLIMIT_CORE,
        PosixRlimitType::RlimitRss => libc::RLIMIT_RSS,
        PosixRlimitType::RlimitNproc => libc::RLIMIT_NPROC,
        PosixRlimitType::RlimitNofile => libc::RLIMIT_NOFILE,
        PosixRlimitType::RlimitMemlock => libc::RLIMIT_MEMLOCK,
        PosixRlimitType::RlimitAs => libc::RLIMIT_AS,
        PosixRlimitType::RlimitLocks => libc::RLIMIT_LOCKS,
        PosixRlimitType::RlimitSigpending => libc::RLIMIT_SIGPENDING,
        PosixRlimitType::RlimitMsgqueue => libc::RLIMIT_MSGQUEUE,
        PosixRlimitType::RlimitNice => libc::RLIMIT_NICE,
        PosixRlimitType::RlimitRtprio => libc::RLIMIT_RTPRIO,
        PosixRlimitType::RlimitRttime => libc::RLIMIT_RTTIME,
    }) as libc::c_int
}

/// The spec's capability names as the `caps` crate's (unknown names are dropped).
fn cap_set(set: &Option<oci_spec::runtime::Capabilities>) -> CapsHashSet {
    set.iter().flatten().filter_map(|c| format!("CAP_{c}").parse::<Capability>().ok()).collect::<HashSet<_>>()
}

fn caps_err(set: &str) -> impl Fn(caps::errors::CapsError) -> Error + '_ {
    move |source| Error::Capabilities { set: set.to_string(), source }
}

fn drop_bounding(sys: &dyn Syscall, c: &LinuxCapabilities) -> Result<(), Error> {
    let keep = cap_set(c.bounding());
    let current = sys.cap_read(CapSet::Bounding).map_err(caps_err("bounding"))?;
    for cap in current.difference(&keep) {
        sys.cap_drop(CapSet::Bounding, *cap).map_err(caps_err("bounding"))?;
    }
    Ok(())
}

fn switch_user(sys: &dyn Syscall, p: &Process) -> Result<(), Error> {
    let (uid, gid) = (p.user().uid(), p.user().gid());
    let err = |source| Error::Credentials { uid, gid, source };
    sys.set_keepcaps(true).map_err(err)?;
    let groups: Vec<Gid> = p.user().additional_gids().iter().flatten().map(|g| Gid::from_raw(*g)).collect();
    match sys.setgroups(&groups) {
        // With setgroups denied in the user namespace, an empty list is already what we have.
        Err(Errno::EPERM) if groups.is_empty() => {}
        r => r.map_err(err)?,
    }
    sys.setresgid(Gid::from_raw(gid)).map_err(err)?;
    sys.setresuid(Uid::from_raw(uid)).map_err(err)?;
    sys.set_keepcaps(false).map_err(err)
}

/// Sets inheritable first (while permitted is still full), then effective, permitted, ambient:
/// the kernel requires effective within permitted and ambient within permitted and inheritable.
fn set_capabilities(sys: &dyn Syscall, c: &LinuxCapabilities) -> Result<(), Error> {
    sys.cap_set(CapSet::Inheritable, &cap_set(c.inheritable())).map_err(caps_err("inheritable"))?;
    sys.cap_set(CapSet::Effective, &cap_set(c.effective())).map_err(caps_err("effective"))?;
    sys.cap_set(CapSet::Permitted, &cap_set(c.permitted())).map_err(caps_err("permitted"))?;
    sys.cap_set(CapSet::Ambient, &cap_set(c.ambient())).map_err(caps_err("ambient"))
}

fn cstring(s: impl AsRef<OsStr>) -> Result<CString, Error> {
    CString::new(s.as_ref().as_bytes()).map_err(|_| Error::Nul { arg: s.as_ref().to_string_lossy().into() })
}

/// Executes `process.args` with `process.env`, looking the program up in the env's PATH like
/// execvp. Returns only on failure.
fn exec(sys: &dyn Syscall, p: &Process) -> Error {
    let args = p.args().clone().unwrap_or_default();
    let env = p.env().clone().unwrap_or_default();
    let name = args[0].clone();
    let (argv, envp) = match (
        args.iter().map(cstring).collect::<Result<Vec<_>, _>>(),
        env.iter().map(cstring).collect::<Result<Vec<_>, _>>(),
    ) {
        (Ok(a), Ok(e)) => (a, e),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let try_exec = |path: &Path| match cstring(path) {
        Ok(c) => sys.execve(&c, &argv, &envp),
        Err(_) => Errno::EINVAL,
    };
    if name.contains('/') {
        return match try_exec(Path::new(&name)) {
            Errno::ENOENT | Errno::ENOTDIR => Error::NotFound { name },
            errno => Error::CannotExecute { name, errno },
        };
    }
    let path = env.iter().find_map(|e| e.strip_prefix("PATH=")).unwrap_or(DEFAULT_PATH).to_string();
    let mut denied = None;
    for dir in path.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        match try_exec(&Path::new(dir).join(&name)) {
            Errno::ENOENT | Errno::ENOTDIR | Errno::ELOOP | Errno::ENAMETOOLONG => continue,
            Errno::EACCES => denied = Some(Errno::EACCES),
            errno => return Error::CannotExecute { name, errno },
        }
    }
    match denied {
        Some(errno) => Error::CannotExecute { name, errno },
        None => Error::NotInPath { name },
    }
}

#[cfg(test)]
mod tests {
    use nix::mount::{MntFlags, MsFlags};
    use nix::sys::signal::Signal;

    use super::*;
    use crate::sys::{Call, Recording};

    /// A spec as `skiff run` writes it, cut down: uts namespace, a hostname, one rlimit, a umask,
    /// user 1000:1000 with one extra group, CHOWN and KILL kept, no_new_privs as asked.
    fn spec(no_new_privs: bool) -> Spec {
        serde_json::from_value(serde_json::json!({
            "ociVersion": "1.0.2",
            "hostname": "box",
            "root": {"path": "rootfs"},
            "process": {
                "args": ["app"],
                "env": ["PATH=/bin"],
                "cwd": "/srv",
                "user": {"uid": 1000, "gid": 1000, "additionalGids": [50], "umask": 18},
                "noNewPrivileges": no_new_privs,
                "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 512}],
                "capabilities": {
                    "bounding": ["CAP_CHOWN", "CAP_KILL"],
                    "effective": ["CAP_CHOWN"],
                    "permitted": ["CAP_CHOWN"],
                    "inheritable": [],
                    "ambient": []
                }
            },
            "linux": {"namespaces": [{"type": "mount"}, {"type": "uts"}, {"type": "pid"}]}
        }))
        .unwrap()
    }

    /// A compiled filter stands in for the spec's profile (its content does not matter here).
    fn filter() -> seccompiler::BpfProgram {
        vec![seccompiler::sock_filter { code: 6, jt: 0, jf: 0, k: 0x7fff_0000 }]
    }

    /// Where each kind of call first appears, for order assertions that do not depend on the
    /// order of a capability set's drops.
    fn first(calls: &[Call], pred: impl Fn(&Call) -> bool) -> usize {
        calls.iter().position(pred).unwrap_or_else(|| panic!("missing call in {calls:#?}"))
    }

    #[test]
    fn init_mounts_pivots_then_confines_in_order_and_execs_last() {
        let d = tempfile::tempdir().unwrap();
        let rootfs = d.path().join("rootfs");
        fs_err::create_dir_all(&rootfs).unwrap();
        let sys = Recording::default();
        let spec = spec(true);
        let e = match confine_and_exec(&sys, &spec, d.path(), &rootfs, None) {
            Ok(never) => match never {},
            Err(e) => e,
        };
        // The fake's execve fails with ENOENT everywhere: the lookup reports "not in $PATH".
        assert!(matches!(e, Error::NotInPath { ref name } if name == "app"), "{e:?}");
        let calls = sys.calls();
        let bind_root =
            first(&calls, |c| matches!(c, Call::Mount { flags, .. } if flags.contains(MsFlags::MS_BIND)));
        let pivot = first(&calls, |c| matches!(c, Call::PivotRoot { .. }));
        let detach =
            first(&calls, |c| matches!(c, Call::Umount2 { flags, .. } if *flags == MntFlags::MNT_DETACH));
        let hostname = first(&calls, |c| *c == Call::Sethostname("box".into()));
        let rlimit = first(&calls, |c| matches!(c, Call::SetRlimit { soft: 512, hard: 1024, .. }));
        let umask = first(&calls, |c| *c == Call::Umask(18));
        let bounding = first(&calls, |c| matches!(c, Call::CapDrop("bounding", _)));
        let nnp = first(&calls, |c| *c == Call::SetNoNewPrivs);
        let groups = first(&calls, |c| *c == Call::Setgroups(vec![50]));
        let gid = first(&calls, |c| *c == Call::Setresgid(1000));
        let uid = first(&calls, |c| *c == Call::Setresuid(1000));
        let effective = first(&calls, |c| matches!(c, Call::CapSet("effective", _)));
        let cwd = first(&calls, |c| *c == Call::Chdir("/srv".into()));
        let exec = first(&calls, |c| matches!(c, Call::Execve(_)));
        let order = [
            bind_root, pivot, detach, hostname, rlimit, umask, bounding, nnp, groups, gid, uid, effective,
            cwd, exec,
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?} in {calls:#?}");
        // Nothing but the lookup follows the first exec attempt.
        assert!(calls[exec..].iter().all(|c| matches!(c, Call::Execve(_))), "{calls:#?}");
        assert_eq!(calls[exec], Call::Execve(c"/bin/app".to_owned()));

        // With a filter (the spec above has no profile to compile), seccomp comes after
        // everything else but the exec.
        let sys = Recording::default();
        let _ = enter_process(&sys, &spec.process().clone().unwrap(), Some(&filter()));
        let calls = sys.calls();
        let seccomp = first(&calls, |c| matches!(c, Call::SeccompLoad { instructions: 1 }));
        assert_eq!(seccomp + 1, first(&calls, |c| matches!(c, Call::Execve(_))), "{calls:#?}");
        assert!(first(&calls, |c| *c == Call::SetNoNewPrivs) < seccomp);
    }

    #[test]
    fn credentials_keep_capabilities_across_the_uid_change_in_the_kernels_order() {
        let sys = Recording::default();
        let process = spec(true).process().clone().unwrap();
        let _ = enter_process(&sys, &process, None);
        let calls: Vec<Call> =
            sys.calls().into_iter().filter(|c| !matches!(c, Call::CapDrop(..) | Call::Execve(_))).collect();
        let chown = vec![caps::Capability::CAP_CHOWN];
        assert_eq!(
            calls,
            vec![
                Call::SetRlimit { resource: libc::RLIMIT_NOFILE as libc::c_int, soft: 512, hard: 1024 },
                Call::Umask(18),
                Call::SetNoNewPrivs,
                Call::SetKeepcaps(true),
                Call::Setgroups(vec![50]),
                Call::Setresgid(1000),
                Call::Setresuid(1000),
                Call::SetKeepcaps(false),
                Call::CapSet("inheritable", vec![]),
                Call::CapSet("effective", chown.clone()),
                Call::CapSet("permitted", chown),
                Call::CapSet("ambient", vec![]),
                Call::Chdir("/srv".into()),
            ]
        );
        // The bounding set loses everything but CHOWN and KILL, before the credentials change.
        let dropped: Vec<Call> = sys.calls().into_iter().filter(|c| matches!(c, Call::CapDrop(..))).collect();
        assert_eq!(dropped.len(), caps::all().len() - 2);
        assert!(!dropped.contains(&Call::CapDrop("bounding", caps::Capability::CAP_KILL)));
    }

    #[test]
    fn without_no_new_privs_seccomp_loads_while_the_process_may_still_do_it() {
        let sys = Recording::default();
        let process = spec(false).process().clone().unwrap();
        let _ = enter_process(&sys, &process, Some(&filter()));
        let calls = sys.calls();
        assert!(!calls.contains(&Call::SetNoNewPrivs));
        let seccomp = first(&calls, |c| matches!(c, Call::SeccompLoad { .. }));
        let last_drop = calls.iter().rposition(|c| matches!(c, Call::CapDrop(..))).unwrap();
        assert_eq!(seccomp, last_drop + 1, "right after the bounding set: {calls:#?}");
        assert!(seccomp < first(&calls, |c| *c == Call::Setresuid(1000)));
        assert_eq!(calls.iter().filter(|c| matches!(c, Call::SeccompLoad { .. })).count(), 1);
    }

    #[test]
    fn the_parent_death_signal_survives_the_credentials_change() {
        let sys = Recording::default();
        sys.set_pdeathsig(Signal::SIGKILL).unwrap();
        let _ = enter_process(&sys, &spec(true).process().clone().unwrap(), None);
        let calls = sys.calls();
        let uid = first(&calls, |c| *c == Call::Setresuid(1000));
        let again = calls.iter().rposition(|c| *c == Call::SetPdeathsig(Signal::SIGKILL)).unwrap();
        assert!(again > uid, "{calls:#?}");
    }
}
