//! Network namespaces kept by a bind mount on a file, as `ip netns` does: the namespace lives
//! as long as the mount, in skiff's private mount namespace (which the supervisor, and the
//! helper started from it, inherit), with no process holding it.
//!
//! Invariant: [`create`] forks, so it must run while the process is single-threaded.
#![allow(unsafe_code)]

use std::path::Path;

use nix::mount::{MntFlags, MsFlags};
use nix::sched::CloneFlags;

use super::Error;

fn errno(e: std::io::Error) -> nix::Error {
    nix::Error::from_raw(e.raw_os_error().unwrap_or(libc::EIO))
}

/// Creates an empty mount-point file at `file` (mode 0600), unless it exists.
fn mount_point(file: &Path) -> Result<(), Error> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(file)
        .map(drop)
        .map_err(|e| Error::Netns { path: file.to_path_buf(), source: errno(e) })
}

/// Creates a new network namespace with `lo` up and bind-mounts it on `file`.
pub fn create(file: &Path) -> Result<(), Error> {
    mount_point(file)?;
    let (read, write) = std::io::pipe().map_err(|e| Error::Netns { path: file.into(), source: errno(e) })?;
    let target = file.to_path_buf();
    let child = crate::sys::fork_helper(|| {
        crate::sys::close_fd(&read);
        let result =
            nix::sched::unshare(CloneFlags::CLONE_NEWNET).and_then(|()| loopback_up()).and_then(|()| {
                nix::mount::mount(
                    Some("/proc/self/ns/net"),
                    &target,
                    None::<&str>,
                    MsFlags::MS_BIND,
                    None::<&str>,
                )
            });
        let code = match result {
            Ok(()) => 0,
            Err(e) => e as i32,
        };
        use std::io::Write;
        let _ = (&write).write_all(&code.to_le_bytes());
        0
    })
    .map_err(|source| Error::Netns { path: file.into(), source })?;
    // Only the child writes: EOF without a code means it died.
    drop(write);
    let mut buf = [0u8; 4];
    use std::io::Read;
    let got = (&read).read_exact(&mut buf);
    let _ = nix::sys::wait::waitpid(child, None);
    match (got, i32::from_le_bytes(buf)) {
        (Ok(()), 0) => Ok(()),
        (Ok(()), code) => Err(Error::Netns { path: file.into(), source: nix::Error::from_raw(code) }),
        (Err(e), _) => Err(Error::Netns { path: file.into(), source: errno(e) }),
    }
}

/// Bind-mounts an existing network namespace (`/proc/PID/ns/net` of another container) on
/// `file`, so the container joins it and keeps it while it runs.
pub fn bind(source: &Path, file: &Path) -> Result<(), Error> {
    mount_point(file)?;
    nix::mount::mount(Some(source), file, None::<&str>, MsFlags::MS_BIND, None::<&str>)
        .map_err(|e| Error::Netns { path: source.to_path_buf(), source: e })
}

/// Unmounts the namespace file (the namespace ends with its last user) and removes it.
pub fn release(file: &Path) {
    while nix::mount::umount2(file, MntFlags::MNT_DETACH).is_ok() {}
    let _ = std::fs::remove_file(file);
}

/// Sets `lo` up in the current network namespace (SIOCGIFFLAGS / SIOCSIFFLAGS).
fn loopback_up() -> nix::Result<()> {
    use std::os::fd::AsRawFd;
    let sock = nix::sys::socket::socket(
        nix::sys::socket::AddressFamily::Inet,
        nix::sys::socket::SockType::Datagram,
        nix::sys::socket::SockFlag::SOCK_CLOEXEC,
        None,
    )?;
    // SAFETY: `ifreq` is plain data; all-zero is a valid value.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in req.ifr_name.iter_mut().zip(b"lo\0") {
        *dst = *src as libc::c_char;
    }
    // SAFETY: `req` is a valid, NUL-terminated ifreq that outlives both calls, as these two
    // ioctls require; the socket is open.
    unsafe {
        if libc::ioctl(sock.as_raw_fd(), libc::SIOCGIFFLAGS, &mut req) < 0 {
            return Err(nix::Error::last());
        }
        req.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
        if libc::ioctl(sock.as_raw_fd(), libc::SIOCSIFFLAGS, &req) < 0 {
            return Err(nix::Error::last());
        }
    }
    Ok(())
}

/// Moves this (single-threaded) process into the user namespace of process `pid`, then into a
/// new private mount namespace, as [`crate::userns::join`] does for a new one. `--network
/// container:NAME` needs it: a network namespace can only be joined from the user namespace that
/// owns it, and every skiff command otherwise creates its own.
pub fn join_user_namespace_of(pid: i32) -> Result<(), Error> {
    let path = std::path::PathBuf::from(format!("/proc/{pid}/ns/user"));
    let file =
        std::fs::File::open(&path).map_err(|e| Error::JoinUserns { path: path.clone(), source: errno(e) })?;
    nix::sched::setns(&file, CloneFlags::CLONE_NEWUSER)
        .map_err(|source| Error::JoinUserns { path: path.clone(), source })?;
    nix::sched::unshare(CloneFlags::CLONE_NEWNS)
        .map_err(|source| Error::JoinUserns { path: path.clone(), source })?;
    nix::mount::mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>)
        .map_err(|source| Error::JoinUserns { path, source })?;
    Ok(())
}
