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
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Component, Path, PathBuf};

use super::containers::{self, run_dir};
use super::{Context, Error as EngineError};
use crate::storage::{ContainerRecord, Store};

/// Errors of `cp`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// What failed in the copy, in the container's child or on the host.
    #[error(transparent)]
    Failed(#[from] Failure),
    /// The copying child ended without saying why (`status`: how it ended).
    #[error("the copy process failed: {status}")]
    ChildFailed { status: String },
    #[error("{path:?} could not be found on the host: no such file or directory")]
    HostSourceMissing { path: PathBuf },
    #[error("cannot copy: {0}")]
    Io(#[source] io::Error),
    #[error("cannot start the copy process")]
    Fork(#[source] crate::runtime::job::Error),
}

/// What failed in a copy, with the path (as the user or the tar named it) and the operation.
/// It travels from the copying child to the caller (as JSON), so causes are kept as their text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum Failure {
    #[error("{path:?} could not be found {place}: no such file or directory")]
    SourceMissing { path: String, place: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is not a directory")]
    SourceNotADirectory { path: String },
    #[error("cannot write the copy: {reason}")]
    WriteCopy { reason: String },
    #[error("cannot read the copy: {reason}")]
    ReadCopy { reason: String },
    #[error("the copy stream does not start with a tar header")]
    NotATar,
    #[error("source must be a (compressed) tar archive when copying from stdin")]
    StdinNotATar,
    #[error("destination must be a directory when copying from stdin")]
    StdinDestination,
    #[error("refusing tar entry {entry:?}: the archive tried to write through the symlink {link:?} it made")]
    ThroughSymlink { entry: String, link: String },
    /// Writing the tar to the caller's output (`cp CONTAINER:SRC -`).
    #[error("{reason}")]
    Output { reason: String },
    #[error("destination {path:?} must be a directory")]
    DestinationNotADirectory { path: String },
    /// A directory onto an existing non-directory (without --overwrite); `path`: the destination.
    #[error("destination must be a directory when copying a directory")]
    DirectoryToFile { path: String },
    #[error("{path:?} could not be found: no such directory")]
    DestinationMissing { path: String },
    #[error("{path:?} could not be found: no such file or directory")]
    ParentMissing { path: String },
    #[error("invalid destination {path:?}")]
    InvalidDestination { path: String },
    #[error("cannot read the tar stream: {reason}")]
    ReadTar { reason: String },
    #[error("invalid entry name in the tar stream: {reason}")]
    EntryName { reason: String },
    #[error("refusing tar entry {path:?}: it leaves the destination")]
    LeavesDestination { path: String },
    /// `what` and `with`: "directory" or "non-directory"; `shown`: the path as podman names it
    /// (in the container, or below the host destination, from `/`).
    #[error("cannot overwrite {what} {path:?} with a {with}: error creating {shown:?}: {} {shown}: file exists (use --overwrite)", if with == "directory" { "mkdir" } else { "open" })]
    Overwrite { what: String, path: String, with: String, shown: String },
    #[error("cannot create {path}: {reason}")]
    CreateDir { path: String, reason: String },
    #[error("cannot replace {path}: {reason}")]
    Replace { path: String, reason: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("cannot chown {path} to {uid}:{gid}: {reason}")]
    Chown { path: String, uid: u32, gid: u32, reason: String },
    #[error("cannot enter the container's root {path}: {reason}")]
    EnterRoot { path: String, reason: String },
    #[error("the container is not running")]
    NotRunning,
    /// `reason`: the error of [`join_user_namespace`], rendered with its causes.
    #[error("{reason}")]
    JoinUserns { pid: i32, reason: String },
    /// The job handed to the helper cannot be read (`reason`: the decoder's).
    #[error("{reason}")]
    Job { reason: String },
    /// Another error of the copy run by the [`Helper`], rendered with its causes there (an error
    /// value does not cross the process boundary).
    #[error("{report}")]
    InHelper { report: String },
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
    let pid = crate::runtime::run_dir::RunDir::new(run_dir(ctx, &rec.id)).container_pid().ok()??;
    crate::sys::process_exists(pid).then_some(pid.as_raw())
}

/// Joins the user namespace of process `pid` (a running container's). Only possible from the
/// namespace that owns it (rootless: the initial one, before skiff enters its own), and only
/// while this process is single-threaded. There, `/proc/PID/root` can be entered.
pub fn join_user_namespace(pid: i32) -> Result<(), crate::runtime::linux::exec::Error> {
    crate::runtime::linux::exec::join_user(nix::unistd::Pid::from_raw(pid))
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
/// through `/proc/PID/root`. Dropped without a job, it exits without doing anything. The fork and
/// its channel are [`crate::runtime::job::Helper`]'s.
pub struct Helper(crate::runtime::job::Helper<Job>);

impl Helper {
    /// Forks the helper; `work` runs in it with the container's root and the job. Must be
    /// called while the process is single-threaded (checked: else [`Error::Fork`]).
    pub fn fork(work: impl FnOnce(&Path, &Job) -> Result<(), Failure>) -> Result<Helper, Error> {
        let helper = crate::runtime::job::Helper::fork("copy process", move |job: Job| {
            let result = job.pid.ok_or(Failure::NotRunning).and_then(|pid| {
                join_user_namespace(pid)
                    .map_err(|e| Failure::JoinUserns { pid, reason: crate::engine::error_chain(&e) })?;
                work(Path::new(&format!("/proc/{pid}/root")), &job)
            });
            result.map_err(|failure| failure_text(&failure))
        });
        helper.map(Helper).map_err(job_error)
    }

    /// Hands `job` to the helper and waits for it; its failure comes back as [`Error::Failed`].
    pub fn run(self, job: &Job) -> Result<(), Error> {
        self.0.run(job).map_err(job_error)
    }
}

/// A [`Failure`] as the child reports it (JSON in the helper's typed outcome message).
fn failure_text(failure: &Failure) -> String {
    serde_json::to_string(failure).unwrap_or_else(|_| failure.to_string())
}

/// A helper process's error as `cp`'s: its report is the child's [`Failure`] ([`Error::Failed`]).
fn job_error(e: crate::runtime::job::Error) -> Error {
    use crate::runtime::job::Error as JobError;
    match e {
        JobError::Failed(message) => match serde_json::from_str::<Failure>(&message) {
            Ok(failure) => Error::Failed(failure),
            Err(_) => Error::ChildFailed { status: message },
        },
        JobError::Died { status, .. } => Error::ChildFailed { status },
        e => Error::Fork(e),
    }
}

/// The container's root: its process's `/proc/PID/root` while it runs, else its mounted rootfs.
pub fn open_root(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<ContainerRoot, EngineError> {
    {
        if let Some(pid) = running_pid(ctx, rec) {
            let root = PathBuf::from(format!("/proc/{pid}/root"));
            if fs_err::read_dir(&root).is_ok() {
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

/// The user mount (volume or bind) of a container that holds `path` (relative paths start at
/// `workdir`), with `path` inside it: `(its source on the host, "/rest")`. The mount with the
/// longest destination wins (a volume inside a volume). `None` when no mount holds it.
pub fn mount_for(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    path: &str,
    workdir: &str,
) -> Option<(PathBuf, String)> {
    let spec_path = store.container_dirs(&rec.id).bundle.join("config.json");
    let spec: serde_json::Value = serde_json::from_slice(&fs_err::read(spec_path).ok()?).ok()?;
    let abs = if path.starts_with('/') { PathBuf::from(path) } else { Path::new(workdir).join(path) };
    // Lexically: `..` cannot climb above `/`.
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in abs.components() {
        match c {
            Component::Normal(n) => parts.push(n),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    let mut best: Option<(usize, PathBuf, Vec<&std::ffi::OsStr>)> = None;
    for m in super::lifecycle::user_mounts(ctx, &spec) {
        let (Some(dest), Some(source)) = (m["Destination"].as_str(), m["Source"].as_str()) else { continue };
        let dest: Vec<&std::ffi::OsStr> = Path::new(dest)
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => Some(n),
                _ => None,
            })
            .collect();
        if dest.is_empty() || !parts.starts_with(&dest) || best.as_ref().is_some_and(|b| b.0 >= dest.len()) {
            continue;
        }
        if !Path::new(source).is_dir() {
            continue;
        }
        best = Some((dest.len(), PathBuf::from(source), parts[dest.len()..].to_vec()));
    }
    let (_, source, rest) = best?;
    let mut inner = String::from("/");
    inner.push_str(&rest.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("/"));
    // A trailing `/` or `/.` of the user's path keeps its meaning.
    if path.ends_with("/.") {
        inner = format!("{}/.", inner.trim_end_matches('/'));
    } else if path.ends_with('/') && !inner.ends_with('/') {
        inner.push('/');
    }
    Some((source, inner))
}

/// `path` with its final symlinks followed (up to 40), unless one points at a directory (then
/// the copy goes into it, through the link).
fn follow_file_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        let Ok(target) = fs_err::read_link(&p) else { break };
        if fs_err::metadata(&p).is_ok_and(|m| m.is_dir()) {
            break;
        }
        p = match p.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    p
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
    let (r, w) = std::io::pipe().map_err(Error::Io)?;
    Ok((File::from(std::os::fd::OwnedFd::from(r)), File::from(std::os::fd::OwnedFd::from(w))))
}

/// A forked child working inside `root`; `finish` reports its failure.
struct Child(crate::runtime::job::Child);

/// Forks a child that enters `root` and runs `run`; `keep` (the parent's ends of the pipes the
/// child uses too) is closed in the child and handed back.
fn spawn_in_root<K>(
    root: &Path,
    workdir: &str,
    keep: K,
    run: impl FnOnce() -> Result<(), Failure>,
) -> Result<(Child, K), Error> {
    let root = root.to_path_buf();
    let workdir = workdir.to_string();
    // The closure owns what the child uses; the parent drops it (closing those ends) on return.
    let spawned = crate::runtime::job::spawn("copy process", keep, move || {
        enter_root(&root, &workdir).and_then(|()| run()).map_err(|failure| failure_text(&failure))
    });
    let (child, keep) = spawned.map_err(job_error)?;
    Ok((Child(child), keep))
}

fn enter_root(root: &Path, workdir: &str) -> Result<(), Failure> {
    crate::sys::host::enter_root(root, workdir)
        .map_err(|e| Failure::EnterRoot { path: root.display().to_string(), reason: e.to_string() })
}

impl Child {
    /// Waits for the child; its message, if it failed.
    fn finish(self) -> Result<(), Error> {
        self.0.finish().map_err(job_error)
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
fn archive(src: &Path, follow: bool, out: impl Write, where_: &str) -> Result<(), Failure> {
    let missing = || Failure::SourceMissing { path: src.display().to_string(), place: where_.to_string() };
    let meta = fs_err::symlink_metadata(src).map_err(|_| missing())?;
    let mut path = src.to_path_buf();
    if follow && meta.file_type().is_symlink() {
        path = fs_err::canonicalize(src).map_err(|_| missing())?;
    }
    let meta = fs_err::symlink_metadata(&path).map_err(|_| missing())?;
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    let fail = |e: io::Error| Failure::Read { path: src.display().to_string(), reason: e.to_string() };
    match top_name(src) {
        Some(name) if meta.is_dir() => b.append_dir_all(&name, &path).map_err(fail)?,
        Some(name) => b.append_path_with_name(&path, &name).map_err(fail)?,
        None if meta.is_dir() => {
            let mut names: Vec<OsString> = fs_err::read_dir(&path)
                .map_err(fail)?
                .map(|e| e.map(|e| e.file_name()))
                .collect::<Result<_, _>>()
                .map_err(fail)?;
            names.sort();
            for n in names {
                let p = path.join(&n);
                if fs_err::symlink_metadata(&p).map_err(fail)?.is_dir() {
                    b.append_dir_all(&n, &p).map_err(fail)?;
                } else {
                    b.append_path_with_name(&p, &n).map_err(fail)?;
                }
            }
        }
        None => return Err(Failure::SourceNotADirectory { path: src.display().to_string() }),
    }
    b.into_inner().and_then(|mut w| w.flush()).map_err(|e| Failure::WriteCopy { reason: e.to_string() })
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
) -> Result<(), Failure> {
    // A file copied onto a symlink (dangling or to a file) is written where the link points,
    // as podman does: the link stays. Resolved inside the container (this runs chrooted).
    let followed;
    let dest = match &top {
        Top::Named { is_dir: false, .. }
            if inside.is_none() && !dest.as_os_str().as_bytes().ends_with(b"/") =>
        {
            followed = follow_file_links(dest);
            followed.as_path()
        }
        _ => dest,
    };
    let dest_meta = fs_err::metadata(dest).ok();
    let dest_text = dest.display().to_string();
    let slash = dest.as_os_str().as_bytes().ends_with(b"/");
    // (base dir, rename of the top component)
    let (base, rename): (PathBuf, Option<(OsString, OsString)>) = match (&top, &dest_meta) {
        (Top::Contents, Some(m)) if m.is_dir() => (dest.to_path_buf(), None),
        // `SRC/.` to a path that does not exist yet: the contents go into a new directory there,
        // as podman does (its parent must exist).
        (Top::Contents, None) => {
            let parent = match dest.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            if !fs_err::metadata(&parent).is_ok_and(|m| m.is_dir()) {
                return Err(Failure::ParentMissing { path: parent.display().to_string() });
            }
            fs_err::create_dir(dest)
                .map_err(|e| Failure::CreateDir { path: dest_text.clone(), reason: e.to_string() })?;
            (dest.to_path_buf(), None)
        }
        (Top::Contents, _) => return Err(Failure::DestinationNotADirectory { path: dest_text }),
        (Top::Named { .. }, Some(m)) if m.is_dir() => (dest.to_path_buf(), None),
        (Top::Named { is_dir: true, .. }, Some(_)) if !opts.overwrite => {
            return Err(Failure::DirectoryToFile { path: dest_text })
        }
        (Top::Named { name, is_dir }, found) => {
            if found.is_none() && slash && !is_dir {
                return Err(Failure::DestinationMissing { path: dest_text });
            }
            let parent = match dest.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            if !fs_err::metadata(&parent).is_ok_and(|m| m.is_dir()) {
                return Err(Failure::ParentMissing { path: parent.display().to_string() });
            }
            let new = dest
                .file_name()
                .map(|n| n.to_os_string())
                .ok_or_else(|| Failure::InvalidDestination { path: dest_text.clone() })?;
            (parent, Some((name.clone(), new)))
        }
    };
    let canonical_inside = inside.map(|p| fs_err::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()));
    let mut ar = tar::Archive::new(input);
    let read_tar = |e: io::Error| Failure::ReadTar { reason: e.to_string() };
    // Symlinks this archive made: an entry below one would be written through it.
    let mut links: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let entries = ar.entries().map_err(read_tar)?;
    for entry in entries {
        let mut entry = entry.map_err(read_tar)?;
        let raw = entry.path().map_err(|e| Failure::EntryName { reason: e.to_string() })?.into_owned();
        let Some(mut rel) = clean(&raw) else {
            return Err(Failure::LeavesDestination { path: raw.display().to_string() });
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
            return Err(Failure::ThroughSymlink {
                entry: raw.display().to_string(),
                link: link.display().to_string(),
            });
        }
        let target = base.join(&rel);
        if let (Some(root), Some(parent)) = (&canonical_inside, target.parent()) {
            // The nearest existing ancestor decides where missing parents would be created.
            let existing = parent.ancestors().find(|a| a.exists()).unwrap_or(parent);
            let real = fs_err::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
            if !real.starts_with(root) {
                return Err(Failure::LeavesDestination { path: raw.display().to_string() });
            }
        }
        if let Some(parent) = target.parent().filter(|p| !p.exists()) {
            fs_err::create_dir_all(parent).map_err(|e| Failure::CreateDir {
                path: parent.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        let kind = entry.header().entry_type();
        if let Ok(existing) = fs_err::symlink_metadata(&target) {
            let clash = existing.is_dir() != kind.is_dir();
            if clash && !opts.overwrite {
                let what = if existing.is_dir() { "directory" } else { "non-directory" };
                let shown = match inside {
                    Some(_) => format!("/{}", rel.display()),
                    None => target.display().to_string(),
                };
                return Err(Failure::Overwrite {
                    what: what.into(),
                    path: target.display().to_string(),
                    with: if kind.is_dir() { "directory" } else { "non-directory" }.into(),
                    shown,
                });
            }
            if clash {
                let removed = if existing.is_dir() {
                    fs_err::remove_dir_all(&target)
                } else {
                    fs_err::remove_file(&target)
                };
                removed.map_err(|e| Failure::Replace {
                    path: target.display().to_string(),
                    reason: e.to_string(),
                })?;
            }
        }
        entry.set_preserve_permissions(true);
        entry.set_preserve_mtime(true);
        entry.set_unpack_xattrs(false);
        entry
            .unpack(&target)
            .map_err(|e| Failure::Write { path: target.display().to_string(), reason: e.to_string() })?;
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
            std::os::unix::fs::lchown(&target, Some(uid), Some(gid)).map_err(|e| Failure::Chown {
                path: target.display().to_string(),
                uid,
                gid,
                reason: e.to_string(),
            })?;
            // chown clears setuid/setgid: put the mode back.
            if kind != tar::EntryType::Symlink {
                if let Ok(mode) = entry.header().mode() {
                    let _ = fs_err::set_permissions(&target, std::fs::Permissions::from_mode(mode & 0o7777));
                }
            }
        }
    }
    Ok(())
}

fn is_dir_on_host(p: &Path, follow: bool) -> bool {
    let m = if follow { fs_err::metadata(p) } else { fs_err::symlink_metadata(p) };
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
    if fs_err::symlink_metadata(src).is_err() {
        return Err(Error::HostSourceMissing { path: src.to_path_buf() });
    }
    let top = match top_name(src) {
        Some(name) => Top::Named { name, is_dir: is_dir_on_host(src, follow) },
        None => Top::Contents,
    };
    let (r, w) = pipe()?;
    let dest = PathBuf::from(dest);
    let (child, w) =
        spawn_in_root(root, workdir, w, move || extract(io::BufReader::new(r), &dest, top, opts, None))?;
    let written = archive(src, follow, io::BufWriter::new(w), "on the host");
    let finished = child.finish();
    finished?;
    Ok(written?)
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
    let (child, ()) = spawn_in_root(root, workdir, (), move || {
        if !fs_err::metadata(&dest).is_ok_and(|m| m.is_dir()) {
            return Err(Failure::StdinDestination);
        }
        let tar = decompressed_tar(io::BufReader::new(input))?;
        extract(tar, &dest, Top::Contents, opts, None)
    })?;
    child.finish()
}

/// A tar stream, plain or compressed with gzip or zstd (told by its first bytes, as podman does);
/// anything else is refused before a byte is written.
fn decompressed_tar(mut input: impl io::BufRead + 'static) -> Result<Box<dyn Read>, Failure> {
    let read = |e: io::Error| Failure::ReadTar { reason: e.to_string() };
    let head = input.fill_buf().map_err(read)?.to_vec();
    let mut inner: Box<dyn Read> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::MultiGzDecoder::new(input))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(zstd::stream::read::Decoder::with_buffer(input).map_err(read)?)
    } else {
        Box::new(input)
    };
    let mut block = vec![0u8; 512];
    let mut n = 0;
    while n < block.len() {
        match inner.read(&mut block[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return Err(Failure::StdinNotATar),
        }
    }
    // A ustar or GNU header says "ustar" at offset 257.
    if n < 512 || &block[257..262] != b"ustar" {
        return Err(Failure::StdinNotATar);
    }
    Ok(Box::new(io::Cursor::new(block).chain(inner)))
}

/// The container's `src` to the host at `dest`, or as a tar to `stdout` when `dest` is `None`;
/// `overwrite`: a directory may replace a non-directory and the reverse.
#[allow(clippy::too_many_arguments)]
pub fn container_to_host(
    name: &str,
    root: &Path,
    workdir: &str,
    src: &str,
    follow: bool,
    dest: Option<&Path>,
    stdout: &mut dyn Write,
    overwrite: bool,
) -> Result<(), Error> {
    let (r, w) = pipe()?;
    let src_path = PathBuf::from(src);
    let where_ = format!("on container {name}");
    let (child, r) =
        spawn_in_root(root, workdir, r, move || archive(&src_path, follow, io::BufWriter::new(w), &where_))?;
    // `w` moved into the closure, which the parent dropped: the read ends with the child's tar.
    let result = match dest {
        None => io::copy(&mut io::BufReader::new(r), stdout)
            .map(|_| ())
            .map_err(|e| Failure::Output { reason: e.to_string() }),
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
                    let inside = if fs_err::metadata(dest).is_ok_and(|m| m.is_dir()) {
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
                        ExtractOptions { overwrite, ..ExtractOptions::default() },
                        Some(&inside),
                    )
                }
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            }
        }
    };
    let finished = child.finish();
    // A destination refused before the whole tar was read leaves the child a broken pipe: the
    // refusal is the error to report (but a failed write to stdout may be the child's fault).
    match result {
        Err(Failure::Output { .. }) | Ok(()) => {
            finished?;
            Ok(result?)
        }
        Err(refused) => Err(refused.into()),
    }
}

/// Reads the first tar header of `r`: the top entry's name and whether it is a directory, and
/// the bytes read (to be replayed before the rest).
fn peek_top(r: &mut impl Read) -> Result<Option<(OsString, bool, Vec<u8>)>, Failure> {
    // Enough for GNU long-name records before the first real header.
    let mut buf = Vec::new();
    loop {
        let mut block = [0u8; 512];
        let mut n = 0;
        while n < 512 {
            match r.read(&mut block[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) => return Err(Failure::ReadCopy { reason: e.to_string() }),
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
            return Err(Failure::NotATar);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_crosses_the_process_boundary_as_it_was() {
        let f = Failure::Chown { path: "/a b".into(), uid: 1, gid: 2, reason: "EPERM".into() };
        let back: Failure = serde_json::from_slice(&serde_json::to_vec(&f).unwrap()).unwrap();
        assert_eq!(back, f);
        assert_eq!(back.to_string(), "cannot chown /a b to 1:2: EPERM");
        let missing = Failure::SourceMissing { path: "/x".into(), place: "on container c1".into() };
        assert_eq!(
            missing.to_string(),
            "\"/x\" could not be found on container c1: no such file or directory"
        );
    }

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
        fs_err::create_dir_all(src.join("sub")).unwrap();
        fs_err::write(src.join("sub/f"), "x").unwrap();
        fs_err::set_permissions(src.join("sub/f"), std::fs::Permissions::from_mode(0o751)).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", src.join("link")).unwrap();
        let mut tar = Vec::new();
        archive(&src, false, &mut tar, "here").unwrap();
        // To a new name.
        let dest = t.path().join("copy");
        let top = Top::Named { name: "src".into(), is_dir: true };
        extract(&tar[..], &dest, top.clone(), ExtractOptions::default(), Some(t.path())).unwrap();
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(fs_err::metadata(dest.join("sub/f")).unwrap().permissions().mode() & 0o7777, 0o751);
        assert_eq!(fs_err::read_link(dest.join("link")).unwrap(), Path::new("/etc/passwd"));
        // Into an existing directory.
        extract(&tar[..], &dest, top, ExtractOptions::default(), Some(t.path())).unwrap();
        assert!(dest.join("src/sub/f").is_file());
        // A file over a directory is refused.
        let mut ftar = Vec::new();
        archive(&src.join("sub/f"), false, &mut ftar, "here").unwrap();
        fs_err::create_dir(dest.join("f")).unwrap();
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
        .unwrap_err()
        .to_string();
        assert!(err.contains("nope"), "{err}");
    }

    #[test]
    fn extract_refuses_entries_through_symlinks_out_of_the_destination() {
        let t = tempfile::tempdir().unwrap();
        let dest = t.path().join("dest");
        let outside = t.path().join("outside");
        fs_err::create_dir_all(&dest).unwrap();
        fs_err::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, dest.join("esc")).unwrap();
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(1);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        b.append_data(&mut h, "esc/pwned", &b"x"[..]).unwrap();
        b.append_data(&mut h, "esc/deeper/pwned", &b"x"[..]).unwrap();
        let tar = b.into_inner().unwrap();
        let err = extract(&tar[..], &dest, Top::Contents, ExtractOptions::default(), Some(&dest))
            .unwrap_err()
            .to_string();
        assert!(err.contains("leaves the destination"), "{err}");
        assert!(!outside.join("pwned").exists());
        // Missing parents are not created through a symlink either.
        let mut b = tar::Builder::new(Vec::new());
        b.append_data(&mut h, "esc/deeper/pwned", &b"x"[..]).unwrap();
        let tar = b.into_inner().unwrap();
        let err = extract(&tar[..], &dest, Top::Contents, ExtractOptions::default(), Some(&dest))
            .unwrap_err()
            .to_string();
        assert!(err.contains("leaves the destination"), "{err}");
        assert!(!outside.join("deeper").exists());
    }
}
