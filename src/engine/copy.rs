//! `cp` between the host and a container, as podman does it: a tar stream between two processes,
//! one of which works inside the container's root.
//!
//! Containment (CVE-2018-15664, CVE-2019-14271): every container path is resolved by a child
//! process that has `chroot`ed into the container's root filesystem and `chdir`ed to the
//! container's working directory, so `..`, absolute paths and symlinks (absolute or relative,
//! in any component, swapped while we copy) all resolve inside the container, as they would for
//! the container's own processes. The child reads or writes the tar through a pipe; the other
//! end stays on the host. Errors travel back through a second pipe as one line of text.
//!
//! The container's root is `/proc/PID/root` of its process while it runs (so its volumes and
//! bind mounts are honoured, and writes land in its upper dir), else its root filesystem,
//! mounted in this process's private mount namespace for the duration.
//!
//! Host side: the host paths are the user's own; entries of a tar that comes out of a container
//! are still checked (no `..`, no absolute path, the parent of each target resolves inside the
//! destination), so a tar cannot write elsewhere on the host.
//!
//! Ownership: into a container, files are given the container's user (`--archive`, the
//! default, as podman) or keep the ids in the tar; out of a container they belong to the caller.
//!
//! The child is forked: callers must be single-threaded (skiff's `cp` starts no runtime).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Component, Path, PathBuf};

use super::containers::{self, run_dir};
use super::{Context, Error as EngineError};
use crate::runtime::supervisor::CONTAINER_PID;
use crate::storage::{ContainerRecord, Store};

/// Errors of `cp`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// What the copying child reported (one line, already naming the path).
    #[error("{0}")]
    Copy(String),
    #[error("{} could not be found on the host: no such file or directory", path.display())]
    HostSourceMissing { path: PathBuf },
    #[error("cannot copy: {0}")]
    Io(#[source] io::Error),
    #[error("cannot start the copy process")]
    Fork(#[source] nix::Error),
}

/// The root directory of a container for the duration of a copy.
pub struct ContainerRoot {
    pub path: PathBuf,
    /// Set when this process mounted the root filesystem and must unmount it.
    mounted: Option<ContainerRecord>,
}

impl ContainerRoot {
    /// Unmounts what [`open_root`] mounted.
    pub fn release(self, store: &Store) -> Result<(), EngineError> {
        if let Some(rec) = &self.mounted {
            containers::unmount_rootfs(store, rec)?;
        }
        Ok(())
    }
}

/// The pid of the container's process while it runs (from `container.pid` in its run dir).
pub fn running_pid(ctx: &Context, rec: &ContainerRecord) -> Option<i32> {
    if !rec.state.is_active() {
        return None;
    }
    let pid = std::fs::read_to_string(run_dir(ctx, &rec.id).join(CONTAINER_PID))
        .ok()?
        .trim()
        .parse::<i32>()
        .ok()?;
    (pid > 0 && nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()).then_some(pid)
}

/// Joins the user namespace of process `pid` (a running container's). Only possible from the
/// namespace that owns it (rootless: the initial one, before skiff enters its own), and only
/// while this process is single-threaded. There, `/proc/PID/root` can be entered.
pub fn join_user_namespace(pid: i32) -> Result<(), Error> {
    let path = format!("/proc/{pid}/ns/user");
    let f = File::open(&path).map_err(Error::Io)?;
    nix::sched::setns(f, nix::sched::CloneFlags::CLONE_NEWUSER).map_err(|e| Error::Io(e.into()))
}

/// What a copy needs to know about its container, found once skiff is in its namespace.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Job {
    /// The container's working directory (relative container paths start there).
    pub workdir: String,
    /// The uid and gid of the container's user.
    pub user: (u32, u32),
    /// The container's process, while it runs.
    pub pid: Option<i32>,
}

/// A child forked before skiff enters its user namespace (rootless), so it is still in the
/// namespace that owns the one a running container lives in. It waits for a [`Job`]; given one,
/// it joins the container's user namespace (see [`join_user_namespace`]) and runs the copy
/// through `/proc/PID/root`. Dropped without a job, it exits without doing anything.
pub struct Helper {
    pid: nix::unistd::Pid,
    jobs: Option<File>,
    errors: File,
}

impl Helper {
    /// Forks the helper; `work` runs in it with the container's root and the job. Must be
    /// called while the process is single-threaded.
    pub fn fork(work: impl FnOnce(&Path, &Job) -> Result<(), String>) -> Result<Helper, Error> {
        use std::io::BufRead;
        let (jobs_r, jobs_w) = pipe()?;
        let (err_r, mut err_w) = pipe()?;
        let (jobs_w_fd, err_r_fd) = (jobs_w.as_raw_fd(), err_r.as_raw_fd());
        let pid = crate::sys::fork_helper(move || {
            crate::sys::close_fd(&jobs_w_fd);
            crate::sys::close_fd(&err_r_fd);
            let mut line = String::new();
            let mut jobs = io::BufReader::new(jobs_r);
            if jobs.read_line(&mut line).is_err() || line.trim().is_empty() {
                return 0;
            }
            let result = serde_json::from_str::<Job>(&line).map_err(|e| e.to_string()).and_then(|job| {
                let pid = job.pid.ok_or_else(|| "the container is not running".to_string())?;
                join_user_namespace(pid).map_err(|e| crate::engine::error_chain(&e))?;
                work(Path::new(&format!("/proc/{pid}/root")), &job)
            });
            match result {
                Ok(()) => 0,
                Err(msg) => {
                    let _ = err_w.write_all(msg.as_bytes());
                    1
                }
            }
        })
        .map_err(Error::Fork)?;
        Ok(Helper { pid, jobs: Some(jobs_w), errors: err_r })
    }

    /// Hands `job` to the helper and waits for it; its failure comes back as [`Error::Copy`].
    pub fn run(mut self, job: &Job) -> Result<(), Error> {
        let mut w = self.jobs.take().expect("a helper runs one job");
        let line = serde_json::to_string(job).expect("a job serializes");
        let sent = writeln!(w, "{line}");
        drop(w);
        let child = Child { pid: self.pid, errors: self.errors.try_clone().map_err(Error::Io)? };
        let finished = child.finish();
        finished?;
        sent.map_err(Error::Io)
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        if self.jobs.take().is_some() {
            // The pipe is closed: it exits with nothing to do.
            let _ = nix::sys::wait::waitpid(self.pid, None);
        }
    }
}

/// The container's root: its process's `/proc/PID/root` while it runs, else its mounted rootfs.
pub fn open_root(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<ContainerRoot, EngineError> {
    {
        if let Some(pid) = running_pid(ctx, rec) {
            let root = PathBuf::from(format!("/proc/{pid}/root"));
            if std::fs::read_dir(&root).is_ok() {
                return Ok(ContainerRoot { path: root, mounted: None });
            }
            tracing::debug!(pid, "the container's /proc root is not accessible; mounting its rootfs");
        }
    }
    let merged = store.container_dirs(&rec.id).merged;
    let was = crate::storage::containers::is_mount_point(&merged);
    let path = containers::mount_rootfs(ctx, store, rec)?;
    Ok(ContainerRoot { path, mounted: (!was).then(|| rec.clone()) })
}

/// How the top of a tar maps onto the destination.
#[derive(Debug, Clone)]
enum Top {
    /// The tar holds one entry named `name` (and, for a directory, what is below it).
    Named { name: OsString, is_dir: bool },
    /// The tar holds the contents of a directory (a stream from stdin, or `SRC/.`).
    Contents,
}

/// What to do with owners and existing entries when extracting.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractOptions {
    /// Give every entry this uid/gid (`--archive` into a container).
    pub chown: Option<(u32, u32)>,
    /// Keep the tar's uid/gid (`--archive=false` into a container).
    pub keep_owners: bool,
    /// Replace a directory by a non-directory and the reverse.
    pub overwrite: bool,
}

/// A pipe as two files.
fn pipe() -> Result<(File, File), Error> {
    let (r, w) = nix::unistd::pipe().map_err(|e| Error::Io(e.into()))?;
    Ok((File::from(r), File::from(w)))
}

/// A forked child working inside `root`; `run` reports failure as one line.
struct Child {
    pid: nix::unistd::Pid,
    errors: File,
}

fn spawn_in_root(
    root: &Path,
    workdir: &str,
    close_in_child: Vec<RawFd>,
    run: impl FnOnce() -> Result<(), String>,
) -> Result<Child, Error> {
    let (err_r, mut err_w) = pipe()?;
    let root = root.to_path_buf();
    let workdir = workdir.to_string();
    let err_r_fd = err_r.as_raw_fd();
    // The closure owns what the child uses; the parent drops it (closing those ends) on return.
    let pid = crate::sys::fork_helper(move || {
        crate::sys::close_fd(&err_r_fd);
        for fd in &close_in_child {
            crate::sys::close_fd(fd);
        }
        let result = enter_root(&root, &workdir).and_then(|()| run());
        match result {
            Ok(()) => 0,
            Err(msg) => {
                let _ = err_w.write_all(msg.as_bytes());
                1
            }
        }
    })
    .map_err(Error::Fork)?;
    Ok(Child { pid, errors: err_r })
}

fn enter_root(root: &Path, workdir: &str) -> Result<(), String> {
    nix::unistd::chroot(root)
        .map_err(|e| format!("cannot enter the container's root {}: {e}", root.display()))?;
    nix::unistd::chdir("/").map_err(|e| format!("cannot enter the container's root: {e}"))?;
    // A working directory that does not exist (yet) leaves relative paths relative to /.
    let _ = nix::unistd::chdir(workdir);
    Ok(())
}

impl Child {
    /// Waits for the child; its message, if it failed.
    fn finish(mut self) -> Result<(), Error> {
        let mut msg = String::new();
        let _ = self.errors.read_to_string(&mut msg);
        let status = loop {
            match nix::sys::wait::waitpid(self.pid, None) {
                Err(nix::errno::Errno::EINTR) => continue,
                other => break other,
            }
        };
        match status {
            Ok(nix::sys::wait::WaitStatus::Exited(_, 0)) => Ok(()),
            _ if !msg.is_empty() => Err(Error::Copy(msg)),
            other => Err(Error::Copy(format!("the copy process failed: {other:?}"))),
        }
    }
}

/// The last component of `path` for naming the tar's top entry; `None` for `/` or `X/.`.
fn top_name(path: &Path) -> Option<OsString> {
    let s = path.as_os_str().as_bytes();
    if s.ends_with(b"/.") || s == b"." {
        return None;
    }
    path.file_name().map(|n| n.to_os_string())
}

/// Writes `src` as a tar to `out` (in the container's root, or on the host).
fn archive(src: &Path, follow: bool, out: impl Write, where_: &str) -> Result<(), String> {
    let missing =
        || format!("{:?} could not be found {where_}: no such file or directory", src.display().to_string());
    let meta = std::fs::symlink_metadata(src).map_err(|_| missing())?;
    let mut path = src.to_path_buf();
    if follow && meta.file_type().is_symlink() {
        path = std::fs::canonicalize(src).map_err(|_| missing())?;
    }
    let meta = std::fs::symlink_metadata(&path).map_err(|_| missing())?;
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    let fail = |e: io::Error| format!("cannot read {}: {e}", src.display());
    match top_name(src) {
        Some(name) if meta.is_dir() => b.append_dir_all(&name, &path).map_err(fail)?,
        Some(name) => b.append_path_with_name(&path, &name).map_err(fail)?,
        None if meta.is_dir() => {
            let mut names: Vec<OsString> = std::fs::read_dir(&path)
                .map_err(fail)?
                .map(|e| e.map(|e| e.file_name()))
                .collect::<Result<_, _>>()
                .map_err(fail)?;
            names.sort();
            for n in names {
                let p = path.join(&n);
                if std::fs::symlink_metadata(&p).map_err(fail)?.is_dir() {
                    b.append_dir_all(&n, &p).map_err(fail)?;
                } else {
                    b.append_path_with_name(&p, &n).map_err(fail)?;
                }
            }
        }
        None => return Err(format!("{} is not a directory", src.display())),
    }
    b.into_inner().and_then(|mut w| w.flush()).map_err(|e| format!("cannot write the copy: {e}"))
}

/// An entry name with `.` and leading `/` dropped; `None` when it has `..`.
fn clean(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::CurDir | Component::RootDir => {}
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Extracts the tar `input` at `dest` per the rules of `cp` (see [`Top`]). `inside`: a host
/// directory every target's parent must resolve within (for tars that come out of containers).
fn extract(
    input: impl Read,
    dest: &Path,
    top: Top,
    opts: ExtractOptions,
    inside: Option<&Path>,
) -> Result<(), String> {
    let dest_meta = std::fs::metadata(dest).ok();
    let dest_text = dest.display().to_string();
    let slash = dest.as_os_str().as_bytes().ends_with(b"/");
    // (base dir, rename of the top component)
    let (base, rename): (PathBuf, Option<(OsString, OsString)>) = match (&top, &dest_meta) {
        (Top::Contents, Some(m)) if m.is_dir() => (dest.to_path_buf(), None),
        (Top::Contents, _) => return Err(format!("destination {dest_text:?} must be a directory")),
        (Top::Named { .. }, Some(m)) if m.is_dir() => (dest.to_path_buf(), None),
        (Top::Named { is_dir: true, .. }, Some(_)) if !opts.overwrite => {
            return Err(format!("cannot overwrite non-directory {dest_text:?} with a directory"))
        }
        (Top::Named { name, is_dir }, found) => {
            if found.is_none() && slash && !is_dir {
                return Err(format!("{dest_text:?} could not be found: no such directory"));
            }
            let parent = match dest.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            if !std::fs::metadata(&parent).is_ok_and(|m| m.is_dir()) {
                return Err(format!(
                    "{:?} could not be found: no such file or directory",
                    parent.display().to_string()
                ));
            }
            let new = dest
                .file_name()
                .map(|n| n.to_os_string())
                .ok_or_else(|| format!("invalid destination {dest_text:?}"))?;
            (parent, Some((name.clone(), new)))
        }
    };
    let canonical_inside = inside.map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()));
    let mut ar = tar::Archive::new(input);
    // Symlinks this archive made: an entry below one would be written through it.
    let mut links: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let entries = ar.entries().map_err(|e| format!("cannot read the tar stream: {e}"))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| format!("cannot read the tar stream: {e}"))?;
        let raw =
            entry.path().map_err(|e| format!("invalid entry name in the tar stream: {e}"))?.into_owned();
        let Some(mut rel) = clean(&raw) else {
            return Err(format!(
                "refusing tar entry {:?}: it leaves the destination",
                raw.display().to_string()
            ));
        };
        if let Some((from, to)) = &rename {
            let mut comps = rel.components();
            if comps.next().map(|c| c.as_os_str()) == Some(from.as_os_str()) {
                let rest = comps.as_path();
                rel = if rest.as_os_str().is_empty() { PathBuf::from(to) } else { Path::new(to).join(rest) };
            }
        }
        if rel.as_os_str().is_empty() {
            continue; // the destination directory itself
        }
        if let Some(link) = rel.ancestors().skip(1).find(|a| links.contains(*a)) {
            return Err(format!(
                "refusing tar entry {:?}: the archive tried to write through the symlink {:?} it made",
                raw.display().to_string(),
                link.display().to_string()
            ));
        }
        let target = base.join(&rel);
        if let (Some(root), Some(parent)) = (&canonical_inside, target.parent()) {
            // The nearest existing ancestor decides where missing parents would be created.
            let existing = parent.ancestors().find(|a| a.exists()).unwrap_or(parent);
            let real = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
            if !real.starts_with(root) {
                return Err(format!(
                    "refusing tar entry {:?}: it leaves the destination",
                    raw.display().to_string()
                ));
            }
        }
        if let Some(parent) = target.parent().filter(|p| !p.exists()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let kind = entry.header().entry_type();
        if let Ok(existing) = std::fs::symlink_metadata(&target) {
            let clash = existing.is_dir() != kind.is_dir();
            if clash && !opts.overwrite {
                let what = if existing.is_dir() { "directory" } else { "non-directory" };
                return Err(format!(
                    "cannot overwrite {what} {:?} with {}",
                    target.display().to_string(),
                    if kind.is_dir() { "a directory" } else { "a non-directory" }
                ));
            }
            if clash {
                let removed = if existing.is_dir() {
                    std::fs::remove_dir_all(&target)
                } else {
                    std::fs::remove_file(&target)
                };
                removed.map_err(|e| format!("cannot replace {}: {e}", target.display()))?;
            }
        }
        entry.set_preserve_permissions(true);
        entry.set_preserve_mtime(true);
        entry.set_unpack_xattrs(false);
        entry.unpack(&target).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        if kind == tar::EntryType::Symlink {
            links.insert(rel.clone());
        } else {
            links.remove(&rel);
        }
        let owner = match (opts.chown, opts.keep_owners) {
            (Some(ids), _) => Some(ids),
            (None, true) => {
                let h = entry.header();
                Some((h.uid().unwrap_or(0) as u32, h.gid().unwrap_or(0) as u32))
            }
            (None, false) => None,
        };
        if let Some((uid, gid)) = owner {
            std::os::unix::fs::lchown(&target, Some(uid), Some(gid))
                .map_err(|e| format!("cannot chown {} to {uid}:{gid}: {e}", target.display()))?;
            // chown clears setuid/setgid: put the mode back.
            if kind != tar::EntryType::Symlink {
                if let Ok(mode) = entry.header().mode() {
                    let _ = std::fs::set_permissions(&target, std::fs::Permissions::from_mode(mode & 0o7777));
                }
            }
        }
    }
    Ok(())
}

fn is_dir_on_host(p: &Path, follow: bool) -> bool {
    let m = if follow { std::fs::metadata(p) } else { std::fs::symlink_metadata(p) };
    m.is_ok_and(|m| m.is_dir())
}

/// Host `src` into the container at `dest`.
pub fn host_to_container(
    root: &Path,
    workdir: &str,
    src: &Path,
    follow: bool,
    dest: &str,
    opts: ExtractOptions,
) -> Result<(), Error> {
    if std::fs::symlink_metadata(src).is_err() {
        return Err(Error::HostSourceMissing { path: src.to_path_buf() });
    }
    let top = match top_name(src) {
        Some(name) => Top::Named { name, is_dir: is_dir_on_host(src, follow) },
        None => Top::Contents,
    };
    let (r, w) = pipe()?;
    let dest = PathBuf::from(dest);
    let child = spawn_in_root(root, workdir, vec![w.as_raw_fd()], move || {
        extract(io::BufReader::new(r), &dest, top, opts, None)
    })?;
    let written = archive(src, follow, io::BufWriter::new(w), "on the host");
    let finished = child.finish();
    finished?;
    written.map_err(Error::Copy)
}

/// A tar on `input` (stdin) into the container's directory `dest`.
pub fn stream_to_container(
    root: &Path,
    workdir: &str,
    input: File,
    dest: &str,
    opts: ExtractOptions,
) -> Result<(), Error> {
    let dest = PathBuf::from(dest);
    let child = spawn_in_root(root, workdir, Vec::new(), move || {
        extract(io::BufReader::new(input), &dest, Top::Contents, opts, None)
    })?;
    child.finish()
}

/// The container's `src` to the host at `dest`, or as a tar to `stdout` when `dest` is `None`.
pub fn container_to_host(
    name: &str,
    root: &Path,
    workdir: &str,
    src: &str,
    follow: bool,
    dest: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<(), Error> {
    let (r, w) = pipe()?;
    let src_path = PathBuf::from(src);
    let where_ = format!("on container {name}");
    let child = spawn_in_root(root, workdir, vec![r.as_raw_fd()], move || {
        archive(&src_path, follow, io::BufWriter::new(w), &where_)
    })?;
    // `w` moved into the closure, which the parent dropped: the read ends with the child's tar.
    let result = match dest {
        None => io::copy(&mut io::BufReader::new(r), stdout).map(|_| ()).map_err(|e| e.to_string()),
        Some(dest) => {
            // Whether the source is a directory is only known in the container: peek at the
            // first entry (the top one) of the stream.
            let mut reader = io::BufReader::new(r);
            let head = peek_top(&mut reader);
            match head {
                Ok(Some((name, is_dir, buffered))) => {
                    let top = match top_name(Path::new(src)) {
                        Some(_) => Top::Named { name, is_dir },
                        None => Top::Contents,
                    };
                    let inside = if std::fs::metadata(dest).is_ok_and(|m| m.is_dir()) {
                        dest.to_path_buf()
                    } else {
                        dest.parent()
                            .filter(|p| !p.as_os_str().is_empty())
                            .unwrap_or(Path::new("."))
                            .to_path_buf()
                    };
                    extract(
                        io::Cursor::new(buffered).chain(reader),
                        dest,
                        top,
                        ExtractOptions::default(),
                        Some(&inside),
                    )
                }
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            }
        }
    };
    let finished = child.finish();
    finished?;
    result.map_err(Error::Copy)
}

/// Reads the first tar header of `r`: the top entry's name and whether it is a directory, and
/// the bytes read (to be replayed before the rest).
fn peek_top(r: &mut impl Read) -> Result<Option<(OsString, bool, Vec<u8>)>, String> {
    // Enough for GNU long-name records before the first real header.
    let mut buf = Vec::new();
    loop {
        let mut block = [0u8; 512];
        let mut n = 0;
        while n < 512 {
            match r.read(&mut block[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) => return Err(format!("cannot read the copy: {e}")),
            }
        }
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&block[..n]);
        if n < 512 {
            break;
        }
        // Parse what we have: a complete first entry header (possibly after long-name records).
        let mut ar = tar::Archive::new(io::Cursor::new(buf.clone()));
        if let Ok(mut entries) = ar.entries() {
            if let Some(Ok(e)) = entries.next() {
                if let Ok(p) = e.path() {
                    let name =
                        p.components().next().map(|c| c.as_os_str().to_os_string()).unwrap_or_default();
                    let is_dir = e.header().entry_type().is_dir();
                    return Ok(Some((name, is_dir, buf)));
                }
            }
        }
        if buf.len() > 64 * 1024 {
            return Err("the copy stream does not start with a tar header".into());
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_names() {
        assert_eq!(top_name(Path::new("/a/b")), Some("b".into()));
        assert_eq!(top_name(Path::new("a/b/")), Some("b".into()));
        assert_eq!(top_name(Path::new("a/.")), None);
        assert_eq!(top_name(Path::new("/")), None);
    }

    #[test]
    fn clean_refuses_parent_dirs() {
        assert_eq!(clean(Path::new("./a/b")), Some(PathBuf::from("a/b")));
        assert_eq!(clean(Path::new("/etc/x")), Some(PathBuf::from("etc/x")));
        assert_eq!(clean(Path::new("a/../../b")), None);
    }

    #[test]
    fn archive_then_extract_renames_the_top_and_keeps_modes() {
        let t = tempfile::tempdir().unwrap();
        let src = t.path().join("src");
        std::fs::create_dir_all(src.join("sub")).unwrap();
        std::fs::write(src.join("sub/f"), "x").unwrap();
        std::fs::set_permissions(src.join("sub/f"), std::fs::Permissions::from_mode(0o751)).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", src.join("link")).unwrap();
        let mut tar = Vec::new();
        archive(&src, false, &mut tar, "here").unwrap();
        // To a new name.
        let dest = t.path().join("copy");
        let top = Top::Named { name: "src".into(), is_dir: true };
        extract(&tar[..], &dest, top.clone(), ExtractOptions::default(), Some(t.path())).unwrap();
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(dest.join("sub/f")).unwrap().permissions().mode() & 0o7777, 0o751);
        assert_eq!(std::fs::read_link(dest.join("link")).unwrap(), Path::new("/etc/passwd"));
        // Into an existing directory.
        extract(&tar[..], &dest, top, ExtractOptions::default(), Some(t.path())).unwrap();
        assert!(dest.join("src/sub/f").is_file());
        // A file over a directory is refused.
        let mut ftar = Vec::new();
        archive(&src.join("sub/f"), false, &mut ftar, "here").unwrap();
        std::fs::create_dir(dest.join("f")).unwrap();
        let err = extract(
            &ftar[..],
            &dest.join("f"),
            Top::Named { name: "f".into(), is_dir: false },
            ExtractOptions::default(),
            None,
        );
        // An existing directory is a destination directory: the file goes inside.
        assert!(err.is_ok());
        assert!(dest.join("f/f").is_file());
        // A missing parent is an error naming it.
        let err = extract(
            &ftar[..],
            &t.path().join("nope/x"),
            Top::Named { name: "f".into(), is_dir: false },
            ExtractOptions::default(),
            None,
        )
        .unwrap_err();
        assert!(err.contains("nope"), "{err}");
    }

    #[test]
    fn extract_refuses_entries_through_symlinks_out_of_the_destination() {
        let t = tempfile::tempdir().unwrap();
        let dest = t.path().join("dest");
        let outside = t.path().join("outside");
        std::fs::create_dir_all(&dest).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, dest.join("esc")).unwrap();
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(1);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        b.append_data(&mut h, "esc/pwned", &b"x"[..]).unwrap();
        b.append_data(&mut h, "esc/deeper/pwned", &b"x"[..]).unwrap();
        let tar = b.into_inner().unwrap();
        let err =
            extract(&tar[..], &dest, Top::Contents, ExtractOptions::default(), Some(&dest)).unwrap_err();
        assert!(err.contains("leaves the destination"), "{err}");
        assert!(!outside.join("pwned").exists());
        // Missing parents are not created through a symlink either.
        let mut b = tar::Builder::new(Vec::new());
        b.append_data(&mut h, "esc/deeper/pwned", &b"x"[..]).unwrap();
        let tar = b.into_inner().unwrap();
        let err =
            extract(&tar[..], &dest, Top::Contents, ExtractOptions::default(), Some(&dest)).unwrap_err();
        assert!(err.contains("leaves the destination"), "{err}");
        assert!(!outside.join("deeper").exists());
    }
}
