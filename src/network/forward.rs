//! skiff's TCP port forwarder for `--network slirp4netns` (what podman's rootlessport is to it):
//! slirp4netns's own forwarding pushes every byte through its user-mode TCP stack, which is slow
//! for bulk data. The forwarder instead accepts on the host's port and connects to the container
//! port from a socket created inside the container's network namespace (a socket stays in the
//! namespace it was made in), then copies bytes between the two kernel sockets. slirp4netns keeps
//! the container's outbound traffic and the UDP ports.
//!
//! Process: forked (single-threaded caller) from the command that starts the container; it
//! detaches (new session, stdio on /dev/null, every other inherited descriptor closed), names
//! itself [`PROCESS_NAME`], joins the container's network namespace while still single-threaded
//! (the listening sockets, made before, stay in the host's), and runs until [`super::teardown`]
//! kills it. Threads: one accept loop per port, and per connection one thread per direction,
//! each moving bytes with blocking splice(2) through a pipe (they never pass through this
//! process's memory); a read/write loop is the fallback where splice is refused.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::path::Path;

use super::Error;

/// The forwarder's process name (`/proc/PID/comm`).
pub const PROCESS_NAME: &str = "skiff-portfwd";

/// Pipe size and most bytes per splice, per direction: large enough that bulk transfers are not
/// syscall-bound (1 MiB is the default limit for unprivileged pipes, /proc/sys/fs/pipe-max-size).
const BUFFER: usize = 1024 * 1024;

/// Where the forwarder connects: the container's address in the namespace it joins (loopback
/// for a container's own namespace), and the source address it binds first when it can.
///
/// For a container on a user-defined network, the forwarder joins the rootless namespace and
/// connects to the container's address from the host's address (pasta copies the host's address
/// into that namespace), so the server sees the host, not a gateway: replies to it come back to
/// the rootless namespace, where the address is local.
#[derive(Debug, Clone)]
pub struct Target {
    pub addr: std::net::IpAddr,
    pub source: Option<std::net::IpAddr>,
    /// When given, the container's network state file ([`super::State`]): its first endpoint's
    /// address, read at each connection, replaces `addr` (it changes with `network
    /// disconnect`/`connect`; with no endpoint the connection is closed).
    pub state: Option<std::path::PathBuf>,
}

/// Starts the forwarder for `listeners` (bound host sockets, each with its container port) into
/// the network namespace at `netns`. Returns its pid. Must be called single-threaded.
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
pub fn start(netns: &Path, listeners: Vec<(TcpListener, u16)>) -> Result<i32, Error> {
    let target = Target { addr: std::net::Ipv4Addr::LOCALHOST.into(), source: None, state: None };
    start_to(netns, listeners, target)
}

/// [`start`] with a [`Target`] other than the namespace's loopback.
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
pub fn start_to(netns: &Path, listeners: Vec<(TcpListener, u16)>, target: Target) -> Result<i32, Error> {
    let ns = File::open(netns).map_err(|e| Error::Netns {
        path: netns.to_path_buf(),
        source: nix::Error::from_raw(e.raw_os_error().unwrap_or(libc::EIO)),
    })?;
    // SAFETY: this function's contract (single-threaded caller: the command that starts the
    // container, before any thread).
    #[allow(unsafe_code)]
    let child = unsafe { crate::sys::fork_helper(|| serve(ns, listeners, target)) }
        .map_err(|source| Error::Netns { path: netns.to_path_buf(), source })?;
    Ok(child.as_raw())
}

/// The forwarder process: detaches, joins the container's network namespace (the listeners
/// stay in the host's: a socket keeps the namespace it was made in), then forwards until killed.
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
fn serve(ns: File, listeners: Vec<(TcpListener, u16)>, target: Target) -> i32 {
    let _ = nix::unistd::setsid();
    if let Ok(null) = File::options().read(true).write(true).open("/dev/null") {
        for fd in 0..3 {
            let _ = nix::unistd::dup2(null.as_raw_fd(), fd);
        }
    }
    let mut keep = vec![ns.as_raw_fd()];
    keep.extend(listeners.iter().map(|(l, _)| l.as_raw_fd()));
    close_others(&keep);
    let _ = nix::sys::prctl::set_name(&std::ffi::CString::new(PROCESS_NAME).expect("no NUL"));
    // Still single-threaded: every thread started from here on is in the container's namespace.
    if nix::sched::setns(&ns, nix::sched::CloneFlags::CLONE_NEWNET).is_err() {
        return 1;
    }
    drop(ns);
    let mut threads = Vec::new();
    for (listener, port) in listeners {
        let target = target.clone();
        threads.push(std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let target = target.clone();
                std::thread::spawn(move || connect(client, port, target));
            }
        }));
    }
    for t in threads {
        let _ = t.join();
    }
    0
}

/// Closes every descriptor above 2 that is not in `keep`.
fn close_others(keep: &[i32]) {
    let fds: Vec<i32> = fs_err::read_dir("/proc/self/fd")
        .map(|d| d.flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect())
        .unwrap_or_default();
    for fd in fds.into_iter().filter(|fd| *fd > 2 && !keep.contains(fd)) {
        let _ = nix::unistd::close(fd);
    }
}

/// Connects `client` to the container's `port` and moves bytes both ways (this thread and one
/// more) until both sides have closed.
fn connect(client: TcpStream, port: u16, target: Target) {
    let Some(upstream) = dial(target, port) else { return };
    let _ = client.set_nodelay(true);
    let _ = upstream.set_nodelay(true);
    let (Ok(c2), Ok(u2)) = (client.try_clone(), upstream.try_clone()) else { return };
    let other = std::thread::spawn(move || pump(&c2, &u2));
    pump(&upstream, &client);
    let _ = other.join();
}

/// Connects to the target's `port`, from its source address when one is given and can be bound.
fn dial(target: Target, port: u16) -> Option<TcpStream> {
    let addr = match &target.state {
        Some(file) => {
            let state: super::State = serde_json::from_slice(&fs_err::read(file).ok()?).ok()?;
            std::net::IpAddr::V4(state.endpoints.first()?.ip)
        }
        None => target.addr,
    };
    let to = std::net::SocketAddr::new(addr, port);
    if let Some(src) = target.source {
        use nix::sys::socket::{bind, connect, socket, AddressFamily, SockFlag, SockType, SockaddrIn};
        let from = std::net::SocketAddrV4::new(
            match src {
                std::net::IpAddr::V4(v4) => v4,
                std::net::IpAddr::V6(_) => return TcpStream::connect(to).ok(),
            },
            0,
        );
        let made = socket(AddressFamily::Inet, SockType::Stream, SockFlag::SOCK_CLOEXEC, None).ok()?;
        let dest = match to {
            std::net::SocketAddr::V4(v4) => SockaddrIn::from(v4),
            std::net::SocketAddr::V6(_) => return TcpStream::connect(to).ok(),
        };
        if bind(made.as_raw_fd(), &SockaddrIn::from(from)).is_ok() && connect(made.as_raw_fd(), &dest).is_ok()
        {
            return Some(TcpStream::from(made));
        }
    }
    TcpStream::connect(to).ok()
}

/// One direction with blocking splice(2), falling back to copying where splice is refused; then
/// shuts down `to`'s sending side.
fn pump(from: &TcpStream, to: &TcpStream) {
    use nix::errno::Errno;
    use nix::fcntl::{splice, SpliceFFlags};
    let run = || -> nix::Result<()> {
        let (pipe_r, pipe_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)?;
        let _ = nix::fcntl::fcntl(pipe_w.as_raw_fd(), nix::fcntl::FcntlArg::F_SETPIPE_SZ(BUFFER as i32));
        let flags = SpliceFFlags::SPLICE_F_MOVE;
        loop {
            let n = match splice(from, None, &pipe_w, None, BUFFER, flags) {
                Err(Errno::EINTR) => continue,
                r => r?,
            };
            if n == 0 {
                return Ok(());
            }
            let mut left = n;
            while left > 0 {
                match splice(&pipe_r, None, to, None, left, flags) {
                    Ok(0) => return Err(Errno::EPIPE),
                    Ok(m) => left -= m,
                    Err(Errno::EINTR) => {}
                    // The bytes in the pipe cannot go anywhere else: no fallback after this.
                    Err(Errno::EINVAL) => return Err(Errno::EIO),
                    Err(e) => return Err(e),
                }
            }
        }
    };
    match run() {
        Err(Errno::EINVAL) => copy_all(from, to),
        Err(_) => {
            let _ = from.shutdown(Shutdown::Read);
            let _ = to.shutdown(Shutdown::Write);
        }
        Ok(()) => {
            let _ = to.shutdown(Shutdown::Write);
        }
    }
}

/// The fallback: a blocking read/write loop through a buffer, then a shutdown of `to`'s side.
fn copy_all(mut from: &TcpStream, mut to: &TcpStream) {
    let mut buf = vec![0u8; BUFFER];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if to.write_all(&buf[..n]).is_err() {
                    let _ = from.shutdown(Shutdown::Read);
                    break;
                }
            }
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}
