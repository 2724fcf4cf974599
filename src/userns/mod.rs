//! Rootless identity: which ids the user may map, and joining the user + mount namespace that
//! every storage-touching command runs in.
//!
//! Invariants:
//! - The mapping is computed the same way every time (container 0 = the user, container 1..N = the
//!   user's subordinate ranges in file order), so files written by one command are read with the
//!   same ids by the next.
//! - [`join`] must run while the process has exactly one thread: it forks a helper that runs
//!   newuidmap/newgidmap on the parent, and `unshare(CLONE_NEWUSER)` fails in a threaded process.
//!   `cli` calls it before tokio starts.
//! - The helper child only waits on a pipe, runs the two setuid programs and reports back (typed
//!   [`crate::ipc`] frames, see `MapHelper`); the parent keeps its ends of both pipes until the
//!   child exits.

pub mod mode;
pub mod subid;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use subid::SubRange;

/// Errors of the user-namespace layer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{program} not found in PATH; it is needed to map the subordinate ids of user {user}")]
    HelperMissing { program: &'static str, user: String },
    #[error("{path} is not setuid root and has no file capabilities, so it cannot map subordinate ids")]
    HelperNotPrivileged { path: PathBuf },
    #[error("{program} failed for pid {pid} (exit status {status}): {stderr}")]
    HelperFailed { program: &'static str, pid: i32, status: i32, stderr: String },
    #[error("cannot create a user namespace")]
    Unshare(#[source] nix::Error),
    #[error("cannot write {path}")]
    WriteMap {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot {what} inside the user namespace")]
    Setup {
        what: &'static str,
        #[source]
        source: nix::Error,
    },
    #[error("cannot start the id-mapping helper process")]
    Fork(#[source] nix::Error),
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// What the user can do about this error, for the CLI's `hint:` line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::HelperMissing { .. } => Some(
                "install the uidmap package, which provides newuidmap and newgidmap (Debian/Ubuntu: apt-get install uidmap; Fedora: dnf install shadow-utils)".into(),
            ),
            Error::HelperNotPrivileged { path } => {
                Some(format!("as root, make it setuid: chmod u+s {} (or reinstall the uidmap package)", path.display()))
            }
            Error::HelperFailed { .. } => Some(
                "check that your /etc/subuid and /etc/subgid ranges do not overlap other users' and that newuidmap is setuid root".into(),
            ),
            Error::Unshare(_) => Some(
                "unprivileged user namespaces may be disabled: check sysctl kernel.unprivileged_userns_clone and user.max_user_namespaces".into(),
            ),
            _ => None,
        }
    }
}

/// One line of a uid_map or gid_map: `container host size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdMap {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

/// The uid and gid maps skiff uses for this user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
}

impl Mapping {
    /// The standard mapping: container 0 is `host`, container 1.. are the ranges in order.
    pub fn standard(host_uid: u32, host_gid: u32, subuids: &[SubRange], subgids: &[SubRange]) -> Self {
        Mapping { uid_map: build_map(host_uid, subuids), gid_map: build_map(host_gid, subgids) }
    }

    /// True when only the user's own id is mapped (no subordinate range).
    pub fn is_single(&self) -> bool {
        self.uid_map.len() == 1 || self.gid_map.len() == 1
    }

    /// Number of container uids that are mapped.
    pub fn uid_count(&self) -> u64 {
        self.uid_map.iter().map(|m| m.size as u64).sum()
    }

    /// The host uid for a container uid, if mapped.
    pub fn host_uid(&self, container: u32) -> Option<u32> {
        lookup(&self.uid_map, container)
    }

    /// The host gid for a container gid, if mapped.
    pub fn host_gid(&self, container: u32) -> Option<u32> {
        lookup(&self.gid_map, container)
    }
}

fn lookup(map: &[IdMap], id: u32) -> Option<u32> {
    map.iter().find_map(|m| {
        let off = id.checked_sub(m.container_id)?;
        (off < m.size).then(|| m.host_id + off)
    })
}

fn build_map(own: u32, ranges: &[SubRange]) -> Vec<IdMap> {
    let mut out = vec![IdMap { container_id: 0, host_id: own, size: 1 }];
    let mut next = 1u32;
    for r in ranges {
        // A range that contains the user's own id would map it twice; the kernel refuses that.
        if own >= r.start && (own - r.start) < r.count {
            continue;
        }
        out.push(IdMap { container_id: next, host_id: r.start, size: r.count });
        next = next.saturating_add(r.count);
    }
    out
}

/// Who the caller is and what it may map.
#[derive(Debug, Clone, Serialize)]
pub struct Identity {
    pub user: String,
    pub uid: u32,
    pub gid: u32,
    pub subuids: Vec<SubRange>,
    pub subgids: Vec<SubRange>,
}

impl Serialize for SubRange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("SubRange", 2)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("count", &self.count)?;
        st.end()
    }
}

impl Identity {
    /// Reads the caller's identity from the process credentials and /etc/subuid, /etc/subgid.
    pub fn current() -> Self {
        Self::from_files(Path::new("/etc/subuid"), Path::new("/etc/subgid"))
    }

    pub fn from_files(subuid: &Path, subgid: &Path) -> Self {
        let uid = nix::unistd::getuid().as_raw();
        let gid = nix::unistd::getgid().as_raw();
        let user = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
            .ok()
            .flatten()
            .map(|u| u.name)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| uid.to_string());
        let read = |p: &Path| fs_err::read_to_string(p).unwrap_or_default();
        let subuids = subid::parse(&read(subuid), &user, uid);
        let subgids = subid::parse(&read(subgid), &user, uid);
        Identity { user, uid, gid, subuids, subgids }
    }

    pub fn is_root(&self) -> bool {
        self.uid == 0
    }

    pub fn mapping(&self) -> Mapping {
        Mapping::standard(self.uid, self.gid, &self.subuids, &self.subgids)
    }

    /// The lines a user with no range should add, with a free-looking default start.
    pub fn suggested_lines(&self) -> (String, String) {
        (format!("{}:100000:65536", self.user), format!("{}:100000:65536", self.user))
    }
}

/// What is known about one of the setuid helpers.
#[derive(Debug, Clone, Serialize)]
pub struct HelperStatus {
    pub path: Option<PathBuf>,
    pub privileged: bool,
}

/// Finds `program` in PATH.
pub fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false))
}

/// Locates newuidmap/newgidmap and checks that they can actually map ids (setuid root or file caps).
pub fn helper_status(program: &str) -> HelperStatus {
    match find_in_path(program) {
        None => HelperStatus { path: None, privileged: false },
        Some(p) => {
            let privileged = is_privileged_helper(&p);
            HelperStatus { path: Some(p), privileged }
        }
    }
}

fn is_privileged_helper(path: &Path) -> bool {
    let Ok(meta) = fs_err::metadata(path) else { return false };
    if meta.mode() & 0o4000 != 0 && meta.uid() == 0 {
        return true;
    }
    crate::sys::has_xattr(path, "security.capability")
}

fn check_helper(program: &'static str, user: &str) -> Result<PathBuf, Error> {
    let st = helper_status(program);
    let path = st.path.ok_or(Error::HelperMissing { program, user: user.to_string() })?;
    if !st.privileged {
        return Err(Error::HelperNotPrivileged { path });
    }
    Ok(path)
}

/// Whether the current process already runs in a user namespace other than the initial one
/// (for example inside `skiff unshare`). Then it must not try to create another mapping.
pub fn in_child_namespace() -> bool {
    match fs_err::read_to_string("/proc/self/uid_map") {
        Ok(s) => !s.lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.len() == 3 && f[0] == "0" && f[1] == "0" && f[2] == "4294967295"
        }),
        Err(_) => false,
    }
}

/// The outcome of [`join`].
#[derive(Debug, Clone)]
pub struct Joined {
    pub mapping: Mapping,
    /// Set when the user has no subordinate ranges and only their own id is mapped.
    pub single_id: bool,
}

/// Moves the calling (single-threaded) process into a new user namespace with the standard mapping
/// for `id`, then into a new mount namespace with private propagation, as root of that namespace.
pub fn join(id: &Identity) -> Result<Joined, Error> {
    let mapping = id.mapping();
    let single = id.subuids.is_empty() || id.subgids.is_empty();
    let mapping = if single { Mapping::standard(id.uid, id.gid, &[], &[]) } else { mapping };
    if single {
        join_single(id)?;
    } else {
        let uidmap = check_helper("newuidmap", &id.user)?;
        let gidmap = check_helper("newgidmap", &id.user)?;
        join_with_helpers(&mapping, &uidmap, &gidmap)?;
    }
    become_root_and_private()?;
    Ok(Joined { mapping, single_id: single })
}

fn join_single(id: &Identity) -> Result<(), Error> {
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUSER).map_err(Error::Unshare)?;
    write_proc("/proc/self/setgroups", "deny")?;
    write_proc("/proc/self/uid_map", &format!("0 {} 1\n", id.uid))?;
    write_proc("/proc/self/gid_map", &format!("0 {} 1\n", id.gid))?;
    Ok(())
}

fn write_proc(path: &str, text: &str) -> Result<(), Error> {
    fs_err::write(path, text).map_err(|source| Error::WriteMap { path: path.to_string(), source })
}

fn map_args(map: &[IdMap]) -> Vec<String> {
    map.iter().flat_map(|m| [m.container_id.to_string(), m.host_id.to_string(), m.size.to_string()]).collect()
}

/// The id-mapping helper's protocol ([`crate::ipc`] frames over two pipes): the parent sends
/// [`MapHelper::Go`] once it has unshared its user namespace; the helper maps it and exits,
/// sending [`MapHelper::Failed`] only when a mapping program failed (EOF means both succeeded).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum MapHelper {
    Go,
    Failed { program: String, status: i32, stderr: String },
}

impl crate::ipc::Message for MapHelper {
    fn kind(&self) -> &'static str {
        match self {
            MapHelper::Go => "go",
            MapHelper::Failed { .. } => "a mapping failure",
        }
    }
}

fn join_with_helpers(mapping: &Mapping, uidmap: &Path, gidmap: &Path) -> Result<(), Error> {
    let parent = nix::unistd::getpid().as_raw();
    let channel_error = |e: crate::ipc::Error| {
        let errno = match &e {
            crate::ipc::Error::Create(io) => io.raw_os_error().unwrap_or(libc::EIO),
            _ => libc::EIO,
        };
        Error::Fork(nix::Error::from_raw(errno))
    };
    let (go_w, go_r) = crate::ipc::pipe::<MapHelper>().map_err(channel_error)?;
    let (res_w, res_r) = crate::ipc::pipe::<MapHelper>().map_err(channel_error)?;
    // SAFETY: `join` is documented to run single-threaded (before tokio starts).
    #[allow(unsafe_code)]
    let forked = unsafe {
        // The parent's ends, which the child closes first so that it sees EOF if the parent dies.
        crate::sys::fork_keeping((go_w, res_r), || {
            if !matches!(go_r.recv("the go-ahead"), Ok(Some(MapHelper::Go))) {
                return 1;
            }
            let mut report = None;
            // Both helpers at once: each is a setuid exec, and they write different files.
            let spawn = |path: &Path, map: &[IdMap]| {
                std::process::Command::new(path)
                    .arg(parent.to_string())
                    .args(map_args(map))
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
            };
            let children = [spawn(uidmap, &mapping.uid_map), spawn(gidmap, &mapping.gid_map)];
            // Every child is waited for; the first failure is the one reported.
            for (prog, child) in ["newuidmap", "newgidmap"].into_iter().zip(children) {
                let (status, stderr) = match child.and_then(|c| c.wait_with_output()) {
                    Ok(out) if out.status.success() => continue,
                    Ok(out) => (
                        out.status.code().unwrap_or(-1),
                        String::from_utf8_lossy(&out.stderr).trim().to_string(),
                    ),
                    Err(e) => (-1, e.to_string()),
                };
                report.get_or_insert(MapHelper::Failed { program: prog.to_string(), status, stderr });
            }
            if let Some(report) = report {
                let _ = res_w.send(&report);
            }
            0
        })
    };
    let (child, (go_w, res_r)) = forked.map_err(Error::Fork)?;
    let unshared = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUSER);
    drop(go_r);
    drop(res_w);
    if let Err(e) = unshared {
        drop(go_w);
        let _ = nix::sys::wait::waitpid(child, None);
        return Err(Error::Unshare(e));
    }
    let _ = go_w.send(&MapHelper::Go);
    drop(go_w);
    let report = res_r.recv("the id-mapping helper's report");
    let _ = nix::sys::wait::waitpid(child, None);
    match report {
        Ok(None) => Ok(()),
        Ok(Some(MapHelper::Failed { program, status, stderr })) => {
            let program = if program == "newgidmap" { "newgidmap" } else { "newuidmap" };
            Err(Error::HelperFailed { program, pid: parent, status, stderr })
        }
        Ok(Some(other)) => Err(Error::HelperFailed {
            program: "newuidmap",
            pid: parent,
            status: -1,
            stderr: crate::ipc::Error::UnexpectedMessage {
                expected: "the id-mapping helper's report",
                received: crate::ipc::Message::kind(&other),
            }
            .to_string(),
        }),
        Err(e) => {
            Err(Error::HelperFailed { program: "newuidmap", pid: parent, status: -1, stderr: e.to_string() })
        }
    }
}

fn become_root_and_private() -> Result<(), Error> {
    use nix::unistd::{setresgid, setresuid, Gid, Uid};
    setresgid(Gid::from_raw(0), Gid::from_raw(0), Gid::from_raw(0))
        .map_err(|source| Error::Setup { what: "switch to gid 0", source })?;
    setresuid(Uid::from_raw(0), Uid::from_raw(0), Uid::from_raw(0))
        .map_err(|source| Error::Setup { what: "switch to uid 0", source })?;
    private_mount_namespace()
}

/// Moves the calling process into a new mount namespace with private propagation, so that its
/// mounts are its own (what [`join`] ends with; rootful commands that mount for a try use it
/// alone).
pub fn private_mount_namespace() -> Result<(), Error> {
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS)
        .map_err(|source| Error::Setup { what: "create a mount namespace", source })?;
    nix::mount::mount(
        None::<&str>,
        "/",
        None::<&str>,
        nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_PRIVATE,
        None::<&str>,
    )
    .map_err(|source| Error::Setup { what: "make mounts private", source })?;
    Ok(())
}

/// The uid_map of the current process, as text (for `info` and tests).
pub fn read_uid_map() -> Result<String, Error> {
    fs_err::read_to_string("/proc/self/uid_map")
        .map_err(|source| Error::Read { path: "/proc/self/uid_map".into(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_mapping_puts_user_at_zero_and_ranges_after() {
        let m = Mapping::standard(
            1000,
            1000,
            &[SubRange { start: 100000, count: 65536 }, SubRange { start: 300000, count: 10 }],
            &[SubRange { start: 200000, count: 100 }],
        );
        assert_eq!(
            m.uid_map,
            vec![
                IdMap { container_id: 0, host_id: 1000, size: 1 },
                IdMap { container_id: 1, host_id: 100000, size: 65536 },
                IdMap { container_id: 65537, host_id: 300000, size: 10 },
            ]
        );
        assert_eq!(m.host_uid(0), Some(1000));
        assert_eq!(m.host_uid(1), Some(100000));
        assert_eq!(m.host_uid(65536), Some(165535));
        assert_eq!(m.host_uid(65537), Some(300000));
        assert_eq!(m.host_uid(65547), None);
        assert_eq!(m.host_gid(100), Some(200099));
        assert_eq!(m.host_gid(101), None);
        assert_eq!(m.uid_count(), 65547);
        assert!(!m.is_single());
    }

    #[test]
    fn range_containing_own_id_is_skipped() {
        let m = Mapping::standard(1000, 1000, &[SubRange { start: 900, count: 200 }], &[]);
        assert_eq!(m.uid_map.len(), 1);
        assert!(m.is_single());
    }

    #[test]
    fn helper_args_are_triplets() {
        let m =
            [IdMap { container_id: 0, host_id: 5, size: 1 }, IdMap { container_id: 1, host_id: 9, size: 3 }];
        assert_eq!(map_args(&m), ["0", "5", "1", "1", "9", "3"]);
    }
}
