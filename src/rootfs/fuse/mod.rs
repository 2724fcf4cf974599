//! skiff's own fuse-overlay backend: a copy-on-write overlay served over FUSE (the `fuser`
//! crate) for kernels or file systems where the kernel overlay cannot be mounted in a user
//! namespace. Its upper directory uses the kernel overlay's on-disk format, so a container
//! made with one backend can be started with the other.
//!
//! - [`fs`]: the overlay logic in plain Rust (lookup across layers, whiteouts, opaque
//!   directories, copy-up), tested on temporary directories.
//! - `adapter`: the thin `fuser::Filesystem` translation, with the kernel cache settings.
//! - [`spawn_server`] / [`serve`]: the server process. `mount_rootfs` re-executes the skiff binary
//!   as the hidden `skiff fuse-overlay-serve`, which opens `/dev/fuse`, mounts it at the
//!   container's `merged` directory with `mount(2)` (as uid 0 of skiff's user namespace, which
//!   owns the mount namespace; no fusermount), answers the kernel's INIT and only then sends
//!   [`ServerReady`] (an `ipc` frame) on its stdout pipe, so the mount is live when
//!   `mount_rootfs` returns. It calls
//!   `setsid` and has no terminal, so it outlives the `run` command; it ends when the mount is
//!   unmounted (the kernel then closes the FUSE connection), or, as a watchdog, when no process
//!   is left in its mount namespace and none has its root or working directory on the mount.
//!
//! A server killed with `kill -9` leaves a dead mount whose every access fails with `ENOTCONN`;
//! [`is_dead_mount`] detects it and [`unmount`] detaches it lazily.

mod adapter;
pub mod fs;

use std::io::Write;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::mount::{mount, umount2, MntFlags, MsFlags};

/// The name of the hidden command that runs the server.
pub const SERVE_COMMAND: &str = "fuse-overlay-serve";

/// Errors of the fuse-overlay backend.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the overlay layers under {upper}")]
    Layers {
        upper: PathBuf,
        #[source]
        source: fs::Error,
    },
    #[error("cannot open /dev/fuse")]
    Device(#[source] std::io::Error),
    #[error("the kernel refused to mount fuse-overlay on {target}")]
    Mount {
        target: PathBuf,
        #[source]
        source: nix::Error,
    },
    #[error("the FUSE handshake on {target} failed")]
    Handshake {
        target: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the fuse-overlay server {program}")]
    Spawn {
        program: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the fuse-overlay server for {target} failed: {message}")]
    Server { target: PathBuf, message: String },
    #[error("cannot unmount {path}")]
    Unmount {
        path: PathBuf,
        #[source]
        source: nix::Error,
    },
}

/// What the server mounts.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Image layers, top-most first.
    pub lowers: Vec<PathBuf>,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub target: PathBuf,
    /// Overlay metadata in `user.overlay.*` xattrs (rootless) instead of `trusted.overlay.*`.
    pub userxattr: bool,
    /// The uid and gid maps of the container's nested user namespace: files are presented with
    /// shifted ids (see `adapter::ID_SHIFT`). `None`: as stored.
    pub id_maps: Option<(Vec<crate::userns::IdMap>, Vec<crate::userns::IdMap>)>,
}

impl ServeOptions {
    /// The arguments of `skiff fuse-overlay-serve` for these options.
    pub fn to_args(&self) -> Vec<std::ffi::OsString> {
        let mut a: Vec<std::ffi::OsString> =
            vec![SERVE_COMMAND.into(), "--upper".into(), self.upper.clone().into()];
        a.push("--work".into());
        a.push(self.work.clone().into());
        for l in &self.lowers {
            a.push("--lower".into());
            a.push(l.clone().into());
        }
        if self.userxattr {
            a.push("--userxattr".into());
        }
        if let Some((u, g)) = &self.id_maps {
            a.push("--uidmap".into());
            a.push(crate::userns::mode::map_strings(u).join(",").into());
            a.push("--gidmap".into());
            a.push(crate::userns::mode::map_strings(g).join(",").into());
        }
        a.push(self.target.clone().into());
        a
    }
}

/// Whether `/dev/fuse` can be opened for reading and writing; the error says why not.
pub fn device_usable() -> Result<(), std::io::Error> {
    fs_err::OpenOptions::new().read(true).write(true).open("/dev/fuse").map(drop)
}

/// True when `path` is a FUSE mount whose server is gone (every access fails with `ENOTCONN`).
pub fn is_dead_mount(path: &Path) -> bool {
    matches!(fs_err::symlink_metadata(path), Err(e) if e.raw_os_error() == Some(libc::ENOTCONN))
}

/// Lazily unmounts `target` (the server then sees the connection end and exits). Returns
/// false when nothing was mounted there.
pub fn unmount(target: &Path) -> Result<bool, Error> {
    match umount2(target, MntFlags::MNT_DETACH) {
        Ok(()) => Ok(true),
        Err(nix::Error::EINVAL) | Err(nix::Error::ENOENT) => Ok(false),
        Err(source) => Err(Error::Unmount { path: target.to_owned(), source }),
    }
}

/// How long [`spawn_server`] waits for the mount to become live.
const READY_TIMEOUT: Duration = Duration::from_secs(30);

/// Starts `program fuse-overlay-serve ...` (the skiff binary) detached, with its stderr going to
/// `log`, and returns once it reports the mount live.
pub fn spawn_server(program: &Path, opts: &ServeOptions, log: &Path) -> Result<(), Error> {
    let stderr = fs_err::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|source| Error::Spawn { program: program.to_owned(), source })?;
    let mut child = std::process::Command::new(program)
        .args(opts.to_args())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::fs::File::from(stderr))
        .spawn()
        .map_err(|source| Error::Spawn { program: program.to_owned(), source })?;
    let stdout = child.stdout.take().expect("piped");
    let fail = |message: String| Error::Server { target: opts.target.clone(), message };
    let mut fds = [nix::poll::PollFd::new(std::os::fd::AsFd::as_fd(&stdout), nix::poll::PollFlags::POLLIN)];
    let ms = READY_TIMEOUT.as_millis() as u16;
    let polled = nix::poll::poll(&mut fds, nix::poll::PollTimeout::from(ms.max(1)));
    if !matches!(polled, Ok(n) if n > 0) {
        let _ = child.kill();
        let _ = child.wait();
        return Err(fail(format!("no answer within {} s", READY_TIMEOUT.as_secs())));
    }
    let message = match crate::ipc::recv::<ServerReady>(stdout, "the fuse server's ready report") {
        // The server lives on on its own (it called setsid); it is not waited for.
        Ok(Some(ServerReady::Ready)) => return Ok(()),
        Ok(Some(ServerReady::Failed { message })) => message,
        Ok(None) => String::new(),
        Err(e) => e.to_string(),
    };
    let _ = child.wait();
    let message = if message.is_empty() {
        let tail = fs_err::read_to_string(log).unwrap_or_default();
        tail.lines().last().unwrap_or("it exited without a word").to_string()
    } else {
        message
    };
    Err(fail(message))
}

/// The fuse server's report on its stdout ([`crate::ipc`] frame), once the kernel's INIT is
/// answered or the mount failed.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerReady {
    Ready,
    Failed { message: String },
}

impl crate::ipc::Message for ServerReady {
    fn kind(&self) -> &'static str {
        match self {
            ServerReady::Ready => "ready",
            ServerReady::Failed { .. } => "a failure",
        }
    }
}

/// The server's side: mounts and serves `opts` until the mount goes away. Sends
/// [`ServerReady`] to `ready` once the kernel's INIT is answered (or the mount failed), then
/// closes it.
pub fn serve(opts: &ServeOptions, mut ready: impl Write) -> Result<(), Error> {
    let _ = nix::unistd::setsid();
    if let Some(maps) = &opts.id_maps {
        let _ = adapter::ID_SHIFT.set(maps.clone());
    }
    // Modes come from the kernel already masked; ours must not mask them again.
    nix::sys::stat::umask(nix::sys::stat::Mode::empty());
    let result = mount_session(opts);
    let session = match result {
        Ok(s) => s,
        Err(e) => {
            let _ = crate::ipc::send(&mut ready, &ServerReady::Failed { message: chain(&e) });
            return Err(e);
        }
    };
    let _ = crate::ipc::send(&mut ready, &ServerReady::Ready);
    let _ = ready.flush();
    drop(ready);
    let target = opts.target.clone();
    std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || watchdog(&target))
        .map_err(|source| Error::Handshake { target: opts.target.clone(), source })?;
    session.run().map_err(|source| Error::Handshake { target: opts.target.clone(), source })
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn mount_session(opts: &ServeOptions) -> Result<fuser::Session<adapter::Adapter>, Error> {
    let fs = fs::OverlayFs::new(&opts.lowers, &opts.upper, &opts.work, opts.userxattr)
        .map_err(|source| Error::Layers { upper: opts.upper.clone(), source })?;
    let dev = fs_err::OpenOptions::new().read(true).write(true).open("/dev/fuse").map_err(Error::Device)?;
    let dev = OwnedFd::from(dev);
    let data = format!(
        "fd={},rootmode=40000,user_id={},group_id={},default_permissions,allow_other",
        dev.as_raw_fd(),
        nix::unistd::getuid(),
        nix::unistd::getgid()
    );
    mount(
        Some("fuse-overlay"),
        &opts.target,
        Some("fuse.fuse-overlay"),
        MsFlags::empty(),
        Some(data.as_str()),
    )
    .map_err(|source| Error::Mount { target: opts.target.clone(), source })?;
    let mut config = fuser::Config::default();
    config.n_threads = Some(2);
    config.clone_fd = true;
    config.acl = fuser::SessionACL::All;
    fuser::Session::from_fd(adapter::Adapter { fs }, dev, fuser::SessionACL::All, config).map_err(|source| {
        let _ = umount2(&opts.target, MntFlags::MNT_DETACH);
        Error::Handshake { target: opts.target.clone(), source }
    })
}

/// Unmounts and exits once nothing can reach the mount any more: no other process in this
/// mount namespace (the `run` command, then the supervisor) and none whose root or working
/// directory is on it (the container, in a namespace of its own).
fn watchdog(target: &Path) {
    let dev = std::os::unix::fs::MetadataExt::dev(&match fs_err::metadata(target) {
        Ok(m) => m,
        Err(_) => return,
    });
    let mut idle = 0;
    loop {
        std::thread::sleep(Duration::from_secs(5));
        if in_use(dev) {
            idle = 0;
            continue;
        }
        idle += 1;
        if idle >= 2 {
            let _ = umount2(target, MntFlags::MNT_DETACH);
            #[allow(clippy::exit, reason = "a forked child must not return into the parent's frames")]
            std::process::exit(0);
        }
    }
}

fn in_use(dev: u64) -> bool {
    use std::os::unix::fs::MetadataExt;
    let me = std::process::id().to_string();
    let Ok(own_ns) = fs_err::read_link("/proc/self/ns/mnt") else { return true };
    let Ok(procs) = fs_err::read_dir("/proc") else { return true };
    for p in procs.flatten() {
        let name = p.file_name();
        let name = name.to_string_lossy();
        if !name.bytes().all(|b| b.is_ascii_digit()) || name == me {
            continue;
        }
        let dir = p.path();
        if fs_err::read_link(dir.join("ns/mnt")).is_ok_and(|ns| ns == own_ns) {
            return true;
        }
        for link in ["root", "cwd"] {
            if fs_err::metadata(dir.join(link)).is_ok_and(|m| m.dev() == dev) {
                return true;
            }
        }
    }
    false
}

/// A handle on this process's stdout (the ready pipe), after which stdout itself points at
/// /dev/null, so that nothing written later reaches the waiting parent.
pub fn take_stdout() -> std::io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    let pipe = std::io::stdout().as_fd().try_clone_to_owned()?;
    let null = fs_err::OpenOptions::new().write(true).open("/dev/null")?;
    nix::unistd::dup2(null.as_raw_fd(), 1)?;
    Ok(std::fs::File::from(pipe))
}

#[cfg(test)]
mod tests;
