//! sd_notify for `--sdnotify` (see systemd's sd_notify(3)): datagrams of `KEY=VALUE` lines to the
//! unix socket `$NOTIFY_SOCKET` names (a path, or `@name` for an abstract one).
//!
//! - `conmon`: the supervisor sends `MAINPID=<its pid>` and `READY=1` once the container runs.
//! - `container`: the supervisor binds `STATE/notify/notify.sock`, which the spec mounts at
//!   `/run/notify` with `NOTIFY_SOCKET=/run/notify/notify.sock` in the container's environment,
//!   and passes each datagram the container sends on to `$NOTIFY_SOCKET`, with `MAINPID` set to
//!   its own pid (the service manager watches the supervisor, which outlives restarts).
//! - `ignore`: nothing.
//!
//! Nothing else waits for READY: `run -d` returns once the container runs, and every other
//! command works while a container has not sent it (podman#6688).

use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr, UnixDatagram};
use std::path::{Path, PathBuf};

/// Where to send: `$NOTIFY_SOCKET`'s address.
#[derive(Debug)]
pub struct Target {
    addr: SocketAddr,
    socket: UnixDatagram,
}

impl Target {
    /// The address `text` (from `$NOTIFY_SOCKET`) names; `None` when it is empty or invalid.
    pub fn new(text: &str) -> Option<Target> {
        let addr = match text.strip_prefix('@') {
            Some(name) => SocketAddr::from_abstract_name(name.as_bytes()).ok()?,
            None if text.starts_with('/') => SocketAddr::from_pathname(text).ok()?,
            None => return None,
        };
        let socket = UnixDatagram::unbound().ok()?;
        Some(Target { addr, socket })
    }

    /// Sends one datagram (best effort: a manager that is gone is not the container's problem).
    pub fn send(&self, message: &str) {
        if let Err(e) = self.socket.send_to_addr(message.as_bytes(), &self.addr) {
            tracing::warn!("cannot send {message:?} to NOTIFY_SOCKET: {e}");
        }
    }
}

/// The message of `conmon` mode.
pub fn ready_message(main_pid: u32) -> String {
    format!("MAINPID={main_pid}\nREADY=1")
}

/// A datagram from the container, to pass on: its lines with `MAINPID` replaced by ours (and set
/// with READY=1, so the manager learns which process to watch); `None` when nothing is left.
pub fn relay_message(from_container: &[u8], main_pid: u32) -> Option<String> {
    let text = String::from_utf8_lossy(from_container);
    let lines: Vec<&str> =
        text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with("MAINPID=")).collect();
    if lines.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let main = format!("MAINPID={main_pid}");
    if lines.contains(&"READY=1") {
        out.push(main.as_str());
    }
    out.extend(lines);
    Some(out.join("\n"))
}

/// Binds the container's socket, `STATE/notify/notify.sock` (through `/proc/self/fd/N/`, for
/// deep run-time directories), writable by every user of the container.
pub fn bind_container_socket(state_dir: &Path) -> std::io::Result<UnixDatagram> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::PermissionsExt;
    let dir = state_dir.join(super::service::NOTIFY_DIR);
    fs_err::create_dir_all(&dir)?;
    fs_err::set_permissions(&dir, std::fs::Permissions::from_mode(0o755))?;
    let path = dir.join("notify.sock");
    let _ = fs_err::remove_file(&path);
    let dir_fd = fs_err::File::open(&dir)?;
    let sock = UnixDatagram::bind(
        PathBuf::from("/proc/self/fd").join(dir_fd.as_raw_fd().to_string()).join("notify.sock"),
    )?;
    fs_err::set_permissions(&path, std::fs::Permissions::from_mode(0o777))?;
    sock.set_nonblocking(true)?;
    Ok(sock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relayed_messages_name_the_supervisor() {
        assert_eq!(relay_message(b"READY=1\n", 42).unwrap(), "MAINPID=42\nREADY=1");
        assert_eq!(relay_message(b"MAINPID=7\nREADY=1", 42).unwrap(), "MAINPID=42\nREADY=1");
        assert_eq!(relay_message(b"STATUS=warming up", 42).unwrap(), "STATUS=warming up");
        assert_eq!(relay_message(b"WATCHDOG=1\n", 1).unwrap(), "WATCHDOG=1");
        assert_eq!(relay_message(b"MAINPID=3\n", 1), None);
        assert_eq!(ready_message(9), "MAINPID=9\nREADY=1");
    }

    #[test]
    fn messages_reach_a_listening_socket() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("n.sock");
        let listener = UnixDatagram::bind(&path).unwrap();
        let target = Target::new(path.to_str().unwrap()).unwrap();
        target.send("READY=1");
        let mut buf = [0u8; 64];
        let n = listener.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"READY=1");
        assert!(Target::new("relative").is_none());
        assert!(Target::new("").is_none());
        let sock = bind_container_socket(t.path()).unwrap();
        let c = UnixDatagram::unbound().unwrap();
        c.send_to(b"READY=1", t.path().join("notify/notify.sock")).unwrap();
        assert_eq!(sock.recv(&mut buf).unwrap(), 7);
    }
}
