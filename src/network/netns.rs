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
    use fs_err::os::unix::fs::OpenOptionsExt;
    fs_err::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(file)
        .map(drop)
        .map_err(|e| Error::Netns { path: file.to_path_buf(), source: errno(e) })
}

/// What the child of [`create`] reports ([`crate::ipc`] frames over a pipe): the errno of the
/// step that failed, or nothing (EOF) when the namespace is mounted.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Created {
    Failed { errno: i32 },
}

impl crate::ipc::Message for Created {
    fn kind(&self) -> &'static str {
        "a failure"
    }
}

/// Creates a new network namespace with `lo` up and bind-mounts it on `file`.
pub fn create(file: &Path) -> Result<(), Error> {
    mount_point(file)?;
    let fail = |source| Error::Netns { path: file.into(), source };
    let (write, read) = crate::ipc::pipe::<Created>().map_err(|_| fail(nix::Error::EMFILE))?;
    let target = file.to_path_buf();
    // SAFETY: this module's invariant: [`create`] runs while the process is single-threaded.
    let forked = unsafe {
        // The read end is the parent's alone: the child closes its copy first.
        crate::sys::fork_keeping(read, || {
            let result = nix::sched::unshare(CloneFlags::CLONE_NEWNET)
                .and_then(|()| crate::sys::net::loopback_up())
                .and_then(|()| {
                    nix::mount::mount(
                        Some("/proc/self/ns/net"),
                        &target,
                        None::<&str>,
                        MsFlags::MS_BIND,
                        None::<&str>,
                    )
                });
            if let Err(e) = result {
                let _ = write.send(&Created::Failed { errno: e as i32 });
            }
            0
        })
    };
    let (child, read) = forked.map_err(fail)?;
    // Only the child writes: EOF means it mounted the namespace (its exit status says whether it
    // got that far).
    drop(write);
    let report = read.recv("the network namespace's creation");
    let status = nix::sys::wait::waitpid(child, None);
    match (report, status) {
        (Ok(None), Ok(nix::sys::wait::WaitStatus::Exited(_, 0))) => Ok(()),
        (Ok(Some(Created::Failed { errno })), _) => Err(fail(nix::Error::from_raw(errno))),
        (Ok(None), _) => Err(fail(nix::Error::EIO)),
        (Err(_), _) => Err(fail(nix::Error::EIO)),
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
    let _ = fs_err::remove_file(file);
}

/// Moves this (single-threaded) process into the user namespace of process `pid`, then into a
/// new private mount namespace, as [`crate::userns::join`] does for a new one. `--network
/// container:NAME` needs it: a network namespace can only be joined from the user namespace that
/// owns it, and every skiff command otherwise creates its own.
pub fn join_user_namespace_of(pid: i32) -> Result<(), Error> {
    let path = std::path::PathBuf::from(format!("/proc/{pid}/ns/user"));
    let file =
        fs_err::File::open(&path).map_err(|e| Error::JoinUserns { path: path.clone(), source: errno(e) })?;
    nix::sched::setns(&file, CloneFlags::CLONE_NEWUSER)
        .map_err(|source| Error::JoinUserns { path: path.clone(), source })?;
    nix::sched::unshare(CloneFlags::CLONE_NEWNS)
        .map_err(|source| Error::JoinUserns { path: path.clone(), source })?;
    nix::mount::mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>)
        .map_err(|source| Error::JoinUserns { path, source })?;
    Ok(())
}
