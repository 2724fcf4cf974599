//! The mount steps of the container process: the rootfs bind, the spec's mounts in order, the
//! device nodes of a tmpfs /dev, pivot_root, masked and read-only paths.
//!
//! Every destination inside the rootfs is resolved with [`secure_join`], which follows symlinks
//! as if the rootfs were `/`, so an image cannot point a mount outside its root
//! (CVE-2015-3627-style symlink escapes; runc's filepath-securejoin guards the same).
//!
//! Rootless facts: device nodes cannot be created (no mknod), so /dev/null and friends are bind
//! mounts of the host's nodes onto empty files; a bind remount must keep the flags the kernel
//! locked on the source (nosuid, nodev, noexec, ...), so [`remount`] adds them and retries.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io;

use fs_err::os::unix::fs::OpenOptionsExt as _;
use std::path::{Component, Path, PathBuf};

use nix::errno::Errno;
use nix::mount::{MntFlags, MsFlags};
use nix::sys::statvfs::{statvfs, FsFlags};
use oci_spec::runtime::{Mount, Spec};

use crate::sys::Syscall;

/// Errors of the mount steps; each names the path it was working on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot resolve {path} inside the root filesystem")]
    Resolve {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot create mount point {path}")]
    MountPoint {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot mount {what} on {path}")]
    Mount {
        what: String,
        path: PathBuf,
        #[source]
        source: Errno,
    },
    #[error("cannot create the symlink {path}")]
    Symlink {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot copy the content of {path} into its tmpfs (tmpcopyup)")]
    CopyUp {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot pivot_root into {path}")]
    PivotRoot {
        path: PathBuf,
        #[source]
        source: Errno,
    },
}

/// Device nodes every container gets in a tmpfs /dev (bind mounted from the host).
pub const DEFAULT_DEVICES: [&str; 6] = ["null", "zero", "full", "random", "urandom", "tty"];

/// Symlinks every container gets in a tmpfs /dev.
pub const DEFAULT_SYMLINKS: [(&str, &str); 6] = [
    ("ptmx", "pts/ptmx"),
    ("fd", "/proc/self/fd"),
    ("stdin", "/proc/self/fd/0"),
    ("stdout", "/proc/self/fd/1"),
    ("stderr", "/proc/self/fd/2"),
    ("core", "/proc/kcore"),
];

/// Joins `unsafe_path` to `root`, resolving `..` and symlinks as if `root` were `/`: the result is
/// always inside `root`. Components that do not exist yet are kept as they are.
pub fn secure_join(root: &Path, unsafe_path: &Path) -> io::Result<PathBuf> {
    let mut pending: VecDeque<OsString> = components(unsafe_path).into();
    let mut resolved: Vec<OsString> = Vec::new();
    let mut links = 0;
    while let Some(c) = pending.pop_front() {
        if c == ".." {
            resolved.pop();
            continue;
        }
        let candidate = resolved.iter().fold(root.to_path_buf(), |p, c| p.join(c)).join(&c);
        match fs_err::symlink_metadata(&candidate) {
            Ok(m) if m.file_type().is_symlink() => {
                links += 1;
                if links > 255 {
                    return Err(io::Error::from_raw_os_error(libc::ELOOP));
                }
                let target = fs_err::read_link(&candidate)?;
                if target.is_absolute() {
                    resolved.clear();
                }
                for t in components(&target).into_iter().rev() {
                    pending.push_front(t);
                }
            }
            _ => resolved.push(c),
        }
    }
    Ok(resolved.iter().fold(root.to_path_buf(), |p, c| p.join(c)))
}

fn components(p: &Path) -> Vec<OsString> {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_os_string()),
            Component::ParentDir => Some("..".into()),
            _ => None,
        })
        .collect()
}

/// A mount's options split into flags to set, propagation, and filesystem data.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    pub flags: MsFlags,
    pub propagation: MsFlags,
    pub data: Vec<String>,
    /// `tmpcopyup` (crun's and runc's extension): a tmpfs starts with a copy of what the root
    /// filesystem has at its destination.
    pub copy_up: bool,
}

impl Options {
    /// Parses OCI mount options (`mount(8)` names).
    pub fn parse(options: &[String]) -> Options {
        let mut o = Options {
            flags: MsFlags::empty(),
            propagation: MsFlags::empty(),
            data: Vec::new(),
            copy_up: false,
        };
        for opt in options {
            let (set, clear) = match opt.as_str() {
                "tmpcopyup" | "notmpcopyup" => {
                    o.copy_up = opt == "tmpcopyup";
                    continue;
                }
                "ro" => (MsFlags::MS_RDONLY, MsFlags::empty()),
                "rw" => (MsFlags::empty(), MsFlags::MS_RDONLY),
                "nosuid" => (MsFlags::MS_NOSUID, MsFlags::empty()),
                "suid" => (MsFlags::empty(), MsFlags::MS_NOSUID),
                "nodev" => (MsFlags::MS_NODEV, MsFlags::empty()),
                "dev" => (MsFlags::empty(), MsFlags::MS_NODEV),
                "noexec" => (MsFlags::MS_NOEXEC, MsFlags::empty()),
                "exec" => (MsFlags::empty(), MsFlags::MS_NOEXEC),
                "sync" => (MsFlags::MS_SYNCHRONOUS, MsFlags::empty()),
                "async" => (MsFlags::empty(), MsFlags::MS_SYNCHRONOUS),
                "dirsync" => (MsFlags::MS_DIRSYNC, MsFlags::empty()),
                "remount" => (MsFlags::MS_REMOUNT, MsFlags::empty()),
                "mand" => (MsFlags::MS_MANDLOCK, MsFlags::empty()),
                "nomand" => (MsFlags::empty(), MsFlags::MS_MANDLOCK),
                "noatime" => (MsFlags::MS_NOATIME, MsFlags::empty()),
                "atime" => (MsFlags::empty(), MsFlags::MS_NOATIME),
                "nodiratime" => (MsFlags::MS_NODIRATIME, MsFlags::empty()),
                "diratime" => (MsFlags::empty(), MsFlags::MS_NODIRATIME),
                "relatime" => (MsFlags::MS_RELATIME, MsFlags::empty()),
                "norelatime" => (MsFlags::empty(), MsFlags::MS_RELATIME),
                "strictatime" => (MsFlags::MS_STRICTATIME, MsFlags::empty()),
                "nostrictatime" => (MsFlags::empty(), MsFlags::MS_STRICTATIME),
                "bind" => (MsFlags::MS_BIND, MsFlags::empty()),
                "rbind" => (MsFlags::MS_BIND | MsFlags::MS_REC, MsFlags::empty()),
                p @ ("private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" | "unbindable"
                | "runbindable") => {
                    o.propagation |= propagation(p);
                    continue;
                }
                _ => {
                    o.data.push(opt.clone());
                    continue;
                }
            };
            o.flags = (o.flags | set) & !clear;
        }
        o
    }

    fn is_bind(&self) -> bool {
        self.flags.contains(MsFlags::MS_BIND)
    }
}

/// The propagation flags for a name such as `rslave` (empty for an unknown name).
pub fn propagation(name: &str) -> MsFlags {
    let (rec, base) = match name.strip_prefix('r') {
        Some(b) if !b.is_empty() => (MsFlags::MS_REC, b),
        _ => (MsFlags::empty(), name),
    };
    rec | match base {
        "private" => MsFlags::MS_PRIVATE,
        "shared" => MsFlags::MS_SHARED,
        "slave" => MsFlags::MS_SLAVE,
        "unbindable" => MsFlags::MS_UNBINDABLE,
        _ => return MsFlags::empty(),
    }
}

fn do_mount(
    sys: &dyn Syscall,
    source: Option<&Path>,
    target: &Path,
    fstype: Option<&str>,
    flags: MsFlags,
    data: Option<&str>,
) -> Result<(), Error> {
    sys.mount(source, target, fstype, flags, data).map_err(|e| Error::Mount {
        what: source.map(|s| s.display().to_string()).or(fstype.map(str::to_string)).unwrap_or_default(),
        path: target.to_path_buf(),
        source: e,
    })
}

/// Remounts the bind mount at `target` with `flags` (plus `MS_BIND | MS_REMOUNT`). When the kernel
/// refuses because the source has locked flags, retries with those flags added.
pub fn remount(sys: &dyn Syscall, target: &Path, flags: MsFlags) -> Result<(), Error> {
    let base = MsFlags::MS_BIND | MsFlags::MS_REMOUNT;
    let flags = flags & !(MsFlags::MS_BIND | MsFlags::MS_REC | MsFlags::MS_REMOUNT);
    match sys.mount(None, target, None, base | flags, None) {
        Err(Errno::EPERM) => {
            let locked = statvfs(target).map(|s| locked_flags(s.flags())).unwrap_or(MsFlags::empty());
            do_mount(sys, None, target, None, base | flags | locked, None)
        }
        r => r.map_err(|e| Error::Mount { what: "remount".into(), path: target.to_path_buf(), source: e }),
    }
}

fn locked_flags(f: FsFlags) -> MsFlags {
    let mut m = MsFlags::empty();
    for (s, ms) in [
        (FsFlags::ST_NOSUID, MsFlags::MS_NOSUID),
        (FsFlags::ST_NODEV, MsFlags::MS_NODEV),
        (FsFlags::ST_NOEXEC, MsFlags::MS_NOEXEC),
        (FsFlags::ST_RDONLY, MsFlags::MS_RDONLY),
        (FsFlags::ST_NOATIME, MsFlags::MS_NOATIME),
        (FsFlags::ST_NODIRATIME, MsFlags::MS_NODIRATIME),
        (FsFlags::ST_RELATIME, MsFlags::MS_RELATIME),
    ] {
        if f.contains(s) {
            m |= ms;
        }
    }
    m
}

/// Makes the whole mount tree `propagation` (default `rslave`), so nothing the container mounts
/// reaches the caller's namespace, then bind mounts `rootfs` onto itself so it is a mount point
/// pivot_root accepts.
pub fn prepare_rootfs(sys: &dyn Syscall, spec: &Spec, rootfs: &Path) -> Result<(), Error> {
    let name = spec.linux().as_ref().and_then(|l| l.rootfs_propagation().clone());
    let prop = name.as_deref().map(propagation).filter(|p| !p.is_empty());
    let prop = prop.unwrap_or(MsFlags::MS_SLAVE | MsFlags::MS_REC);
    do_mount(sys, None, Path::new("/"), None, prop, None)?;
    do_mount(sys, Some(rootfs), rootfs, None, MsFlags::MS_BIND | MsFlags::MS_REC, None)
}

/// Performs one spec mount under `rootfs`. Relative bind sources are relative to `bundle`.
pub fn mount_one(sys: &dyn Syscall, m: &Mount, rootfs: &Path, bundle: &Path) -> Result<(), Error> {
    let dest = secure_join(rootfs, m.destination())
        .map_err(|source| Error::Resolve { path: m.destination().clone(), source })?;
    let typ = m.typ().clone().unwrap_or_default();
    let opts = Options::parse(m.options().as_deref().unwrap_or_default());
    let data = opts.data.join(",");
    let data = (!data.is_empty()).then_some(data.as_str());
    if opts.is_bind() || typ == "bind" {
        let src = m.source().clone().unwrap_or_default();
        let src = if src.is_absolute() { src } else { bundle.join(src) };
        bind(sys, &src, &dest, opts.flags | MsFlags::MS_BIND)?;
    } else {
        create_dir(&dest)?;
        // The directory under the tmpfs, held open to copy from once it is covered.
        let below = (opts.copy_up && typ == "tmpfs").then(|| open_dir(&dest)).flatten();
        let source = m.source().clone().unwrap_or_else(|| typ.clone().into());
        let fallback = match typ.as_str() {
            "sysfs" => Some("/sys"),
            "cgroup" | "cgroup2" => Some("/sys/fs/cgroup"),
            _ => None,
        };
        match (sys.mount(Some(&source), &dest, Some(typ.as_str()), opts.flags, data), fallback) {
            (Ok(()), _) => {}
            // Rootless: sysfs and cgroupfs may be refused; bind the host's instead, as crun does.
            (Err(Errno::EPERM | Errno::EACCES), Some(host)) => {
                bind(sys, Path::new(host), &dest, opts.flags | MsFlags::MS_BIND | MsFlags::MS_REC)?
            }
            (Err(source_err), _) => {
                return Err(Error::Mount { what: typ.clone(), path: dest, source: source_err })
            }
        }
        if let Some(below) = below {
            copy_up(&below, &dest)?;
        }
    }
    if !opts.propagation.is_empty() {
        do_mount(sys, None, &dest, None, opts.propagation, None)?;
    }
    Ok(())
}

/// A directory opened for reading, never through a symlink; `None` when it cannot be.
fn open_dir(path: &Path) -> Option<fs_err::File> {
    fs_err::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .ok()
}

/// `tmpcopyup`: copies what `below` (the directory a tmpfs now covers, opened before the mount)
/// holds into the tmpfs at `dest`, with owners, modes, symlinks and times. Nothing is copied
/// when `dest` is still the same filesystem as `below` (nothing was mounted: a recording fake).
fn copy_up(below: &fs_err::File, dest: &Path) -> Result<(), Error> {
    use std::os::unix::fs::MetadataExt;
    let err = |source| Error::CopyUp { path: dest.to_path_buf(), source };
    let (from, to) = (below.metadata().map_err(err)?, fs_err::metadata(dest).map_err(err)?);
    if from.dev() == to.dev() {
        return Ok(());
    }
    let src = PathBuf::from(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(below)));
    copy_tree(&src, dest).map_err(err)
}

/// Copies the entries of directory `from` into the existing directory `to`, recursively, never
/// following a symlink. Devices, fifos and sockets are skipped (a rootless tmpfs cannot hold
/// devices; crun skips them too).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    for entry in fs_err::read_dir(from)? {
        let entry = entry?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        let meta = fs_err::symlink_metadata(&src)?;
        let ft = meta.file_type();
        if ft.is_dir() {
            fs_err::create_dir(&dst)?;
            copy_tree(&src, &dst)?;
        } else if ft.is_file() {
            fs_err::copy(&src, &dst)?;
        } else if ft.is_symlink() {
            std::os::unix::fs::symlink(fs_err::read_link(&src)?, &dst)?;
        } else {
            continue;
        }
        // An owner the namespace does not map stays the copier's.
        let _ = std::os::unix::fs::lchown(&dst, Some(meta.uid()), Some(meta.gid()));
        if !ft.is_symlink() {
            fs_err::set_permissions(&dst, std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
        }
        let times = [
            nix::sys::time::TimeSpec::new(meta.atime(), meta.atime_nsec()),
            nix::sys::time::TimeSpec::new(meta.mtime(), meta.mtime_nsec()),
        ];
        let _ = nix::sys::stat::utimensat(
            None,
            &dst,
            &times[0],
            &times[1],
            nix::sys::stat::UtimensatFlags::NoFollowSymlink,
        );
    }
    Ok(())
}

/// Bind mounts `src` on `dest` (creating `dest` as a file or directory to match), then applies the
/// remaining `flags` with a remount.
pub fn bind(sys: &dyn Syscall, src: &Path, dest: &Path, flags: MsFlags) -> Result<(), Error> {
    if src.is_dir() {
        create_dir(dest)?;
    } else {
        create_file(dest)?;
    }
    do_mount(sys, Some(src), dest, None, flags & (MsFlags::MS_BIND | MsFlags::MS_REC), None)?;
    let rest = flags & !(MsFlags::MS_BIND | MsFlags::MS_REC);
    if !rest.is_empty() {
        remount(sys, dest, rest)?;
    }
    Ok(())
}

fn create_dir(path: &Path) -> Result<(), Error> {
    fs_err::create_dir_all(path).map_err(|source| Error::MountPoint { path: path.to_path_buf(), source })
}

fn create_file(path: &Path) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        create_dir(parent)?;
    }
    if path.symlink_metadata().is_ok() {
        return Ok(());
    }
    // O_NOFOLLOW|O_EXCL: never create through a symlink that appeared since `secure_join`.
    fs_err::OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .map(drop)
        .map_err(|source| Error::MountPoint { path: path.to_path_buf(), source })
}

/// Fills a tmpfs `/dev` under `rootfs`: the default nodes and the spec's devices as bind mounts
/// of the host's nodes (rootless cannot mknod), and the standard symlinks.
pub fn populate_dev(sys: &dyn Syscall, spec: &Spec, rootfs: &Path) -> Result<(), Error> {
    // Resolved inside the root, as the tmpfs was mounted: an image's `dev -> /anywhere` symlink
    // must not make these links land on the host.
    let dev = secure_join(rootfs, Path::new("/dev"))
        .map_err(|source| Error::Resolve { path: PathBuf::from("/dev"), source })?;
    let extra = spec.linux().as_ref().and_then(|l| l.devices().clone()).unwrap_or_default();
    let mut nodes: Vec<PathBuf> = DEFAULT_DEVICES.iter().map(|d| Path::new("/dev").join(d)).collect();
    for d in extra {
        if !nodes.contains(d.path()) {
            nodes.push(d.path().clone());
        }
    }
    for host in nodes {
        let dest =
            secure_join(rootfs, &host).map_err(|source| Error::Resolve { path: host.clone(), source })?;
        if host.exists() {
            bind(sys, &host, &dest, MsFlags::MS_BIND | MsFlags::MS_NOSUID | MsFlags::MS_NOEXEC)?;
        }
    }
    for (name, target) in DEFAULT_SYMLINKS {
        let link = dev.join(name);
        match std::os::unix::fs::symlink(target, &link) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                return Err(Error::Symlink { path: link, source: e })
            }
            _ => {}
        }
    }
    Ok(())
}

/// Makes `rootfs` the root: `pivot_root(".", ".")` stacks the old root on the new one, and a lazy
/// unmount of "." then drops it, so no old-root directory is needed inside the container.
pub fn pivot_root(sys: &dyn Syscall, rootfs: &Path) -> Result<(), Error> {
    let err = |source| Error::PivotRoot { path: rootfs.to_path_buf(), source };
    sys.chdir(rootfs).map_err(err)?;
    sys.pivot_root(Path::new("."), Path::new(".")).map_err(err)?;
    sys.umount2(Path::new("."), MntFlags::MNT_DETACH).map_err(err)?;
    sys.chdir(Path::new("/")).map_err(err)
}

/// Masks `path` (inside the new root): a read-only /dev/null over a file, an empty read-only
/// tmpfs over a directory (as crun does). Missing paths are skipped.
pub fn mask(sys: &dyn Syscall, path: &Path) -> Result<(), Error> {
    match path.symlink_metadata() {
        Err(_) => Ok(()),
        Ok(m) if m.is_dir() => {
            do_mount(sys, Some(Path::new("tmpfs")), path, Some("tmpfs"), MsFlags::MS_RDONLY, Some("size=0k"))
        }
        Ok(_) => {
            do_mount(sys, Some(Path::new("/dev/null")), path, None, MsFlags::MS_BIND, None)?;
            remount(sys, path, MsFlags::MS_RDONLY)
        }
    }
}

/// Makes `path` (inside the new root) read-only with a recursive self-bind and a remount.
/// Missing paths are skipped.
pub fn make_readonly(sys: &dyn Syscall, path: &Path) -> Result<(), Error> {
    if path.symlink_metadata().is_err() {
        return Ok(());
    }
    do_mount(sys, Some(path), path, None, MsFlags::MS_BIND | MsFlags::MS_REC, None)?;
    remount(sys, path, MsFlags::MS_RDONLY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_split_flags_propagation_and_data() {
        let o = Options::parse(
            &["nosuid", "strictatime", "mode=755", "size=65536k", "rslave", "ro", "rw"].map(String::from),
        );
        assert_eq!(o.flags, MsFlags::MS_NOSUID | MsFlags::MS_STRICTATIME);
        assert_eq!(o.propagation, MsFlags::MS_SLAVE | MsFlags::MS_REC);
        assert_eq!(o.data, vec!["mode=755".to_string(), "size=65536k".into()]);
        assert!(Options::parse(&["rbind".into()]).flags.contains(MsFlags::MS_REC | MsFlags::MS_BIND));
    }

    #[test]
    fn propagation_names() {
        assert_eq!(propagation("private"), MsFlags::MS_PRIVATE);
        assert_eq!(propagation("runbindable"), MsFlags::MS_UNBINDABLE | MsFlags::MS_REC);
        assert_eq!(propagation("rw"), MsFlags::empty());
    }

    use crate::sys::{Call, Recording};

    fn spec(mounts: serde_json::Value) -> Spec {
        serde_json::from_value(serde_json::json!({"ociVersion": "1.0.2", "mounts": mounts})).unwrap()
    }

    fn mount_call(
        source: Option<&str>,
        target: &Path,
        fstype: Option<&str>,
        flags: MsFlags,
        data: Option<&str>,
    ) -> Call {
        Call::Mount {
            source: source.map(PathBuf::from),
            target: target.to_path_buf(),
            fstype: fstype.map(str::to_string),
            flags,
            data: data.map(str::to_string),
        }
    }

    fn run_mounts(sys: &Recording, spec: &Spec, rootfs: &Path) {
        prepare_rootfs(sys, spec, rootfs).unwrap();
        for m in spec.mounts().iter().flatten() {
            mount_one(sys, m, rootfs, Path::new("/bundle")).unwrap();
        }
    }

    #[test]
    fn rootfs_is_made_rslave_and_bound_before_the_spec_mounts_in_order() {
        let d = tempfile::tempdir().unwrap();
        let rootfs = d.path();
        let spec = spec(serde_json::json!([
            {"destination": "/proc", "type": "proc", "source": "proc"},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "mode=755"]},
            {"destination": "/dev/pts", "type": "devpts", "source": "devpts", "options": ["newinstance", "rprivate"]}
        ]));
        let sys = Recording::default();
        run_mounts(&sys, &spec, rootfs);
        let none = MsFlags::empty();
        assert_eq!(
            sys.calls(),
            vec![
                mount_call(None, Path::new("/"), None, MsFlags::MS_SLAVE | MsFlags::MS_REC, None),
                mount_call(rootfs.to_str(), rootfs, None, MsFlags::MS_BIND | MsFlags::MS_REC, None),
                mount_call(Some("proc"), &rootfs.join("proc"), Some("proc"), none, None),
                mount_call(
                    Some("tmpfs"),
                    &rootfs.join("dev"),
                    Some("tmpfs"),
                    MsFlags::MS_NOSUID,
                    Some("mode=755")
                ),
                mount_call(
                    Some("devpts"),
                    &rootfs.join("dev/pts"),
                    Some("devpts"),
                    none,
                    Some("newinstance")
                ),
                mount_call(None, &rootfs.join("dev/pts"), None, MsFlags::MS_PRIVATE | MsFlags::MS_REC, None),
            ]
        );
        assert!(rootfs.join("dev/pts").is_dir(), "mount points are created");
    }

    #[test]
    fn refused_sysfs_falls_back_to_a_recursive_bind_of_the_hosts_sys_then_read_only() {
        let d = tempfile::tempdir().unwrap();
        let rootfs = d.path();
        let spec = spec(serde_json::json!([
            {"destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "ro"]}
        ]));
        let sys = Recording::default();
        sys.refuse_fstype("sysfs", Errno::EPERM);
        run_mounts(&sys, &spec, rootfs);
        let dest = rootfs.join("sys");
        assert_eq!(
            sys.calls()[2..],
            [
                mount_call(
                    Some("sysfs"),
                    &dest,
                    Some("sysfs"),
                    MsFlags::MS_NOSUID | MsFlags::MS_RDONLY,
                    None
                ),
                mount_call(Some("/sys"), &dest, None, MsFlags::MS_BIND | MsFlags::MS_REC, None),
                mount_call(
                    None,
                    &dest,
                    None,
                    MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_NOSUID | MsFlags::MS_RDONLY,
                    None
                ),
            ]
        );
    }

    #[test]
    fn bind_mount_destination_through_a_symlink_stays_inside_the_rootfs() {
        let d = tempfile::tempdir().unwrap();
        let rootfs = d.path();
        std::os::unix::fs::symlink("/etc", rootfs.join("escape")).unwrap();
        let spec = spec(serde_json::json!([
            {"destination": "/escape/hosts", "type": "bind", "source": "hosts", "options": ["rbind", "ro"]}
        ]));
        let sys = Recording::default();
        run_mounts(&sys, &spec, rootfs);
        let dest = rootfs.join("etc/hosts");
        assert_eq!(
            sys.calls()[2..],
            [
                mount_call(Some("/bundle/hosts"), &dest, None, MsFlags::MS_BIND | MsFlags::MS_REC, None),
                mount_call(
                    None,
                    &dest,
                    None,
                    MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY,
                    None
                ),
            ]
        );
        assert!(dest.is_file(), "a file mount point is created for a non-directory source");
    }

    #[test]
    fn pivot_root_stacks_and_detaches_the_old_root() {
        let sys = Recording::default();
        pivot_root(&sys, Path::new("/r")).unwrap();
        assert_eq!(
            sys.calls(),
            [
                Call::Chdir("/r".into()),
                Call::PivotRoot { new_root: ".".into(), put_old: ".".into() },
                Call::Umount2 { target: ".".into(), flags: MntFlags::MNT_DETACH },
                Call::Chdir("/".into()),
            ]
        );
    }

    #[test]
    fn secure_join_stays_inside_the_root() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        fs_err::create_dir(root.join("etc")).unwrap();
        std::os::unix::fs::symlink("/etc", root.join("abs")).unwrap();
        std::os::unix::fs::symlink("../../../../etc", root.join("etc/up")).unwrap();
        std::os::unix::fs::symlink("loop", root.join("loop")).unwrap();
        assert_eq!(secure_join(root, Path::new("/abs/passwd")).unwrap(), root.join("etc/passwd"));
        assert_eq!(secure_join(root, Path::new("/etc/up/x")).unwrap(), root.join("etc/x"));
        assert_eq!(secure_join(root, Path::new("../../x")).unwrap(), root.join("x"));
        assert_eq!(secure_join(root, Path::new("/new/dir")).unwrap(), root.join("new/dir"));
        assert!(secure_join(root, Path::new("/loop")).is_err());
    }

    #[test]
    fn populate_dev_through_a_dev_symlink_stays_inside_the_root() {
        let d = tempfile::tempdir().unwrap();
        let (rootfs, outside) = (d.path().join("rootfs"), d.path().join("outside"));
        fs_err::create_dir_all(&rootfs).unwrap();
        fs_err::create_dir_all(&outside).unwrap();
        for target in [outside.display().to_string(), "../outside".to_string()] {
            let _ = fs_err::remove_file(rootfs.join("dev"));
            std::os::unix::fs::symlink(&target, rootfs.join("dev")).unwrap();
            let sys = Recording::default();
            populate_dev(&sys, &spec(serde_json::json!([])), &rootfs).unwrap();
            assert_eq!(fs_err::read_dir(&outside).unwrap().count(), 0, "{target}: wrote outside the root");
            let inside = secure_join(&rootfs, Path::new("/dev")).unwrap();
            assert!(inside.starts_with(&rootfs), "{}", inside.display());
            assert_eq!(fs_err::read_link(inside.join("ptmx")).unwrap(), Path::new("pts/ptmx"));
            assert!(sys.calls().iter().all(|c| match c {
                Call::Mount { target, .. } => target.starts_with(&rootfs),
                _ => true,
            }));
            let _ = fs_err::remove_dir_all(inside);
        }
    }
}
