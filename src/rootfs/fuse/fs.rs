//! The overlay logic behind skiff's fuse-overlay backend, in plain Rust: no kernel mount is needed
//! to drive it (the unit tests below call it on temporary directories).
//!
//! Layers are numbered top first: 0 is the writable upper directory, 1.. the image's read-only
//! layers. The on-disk format is the kernel overlay's, so a container's upper directory can be
//! mounted by either backend: a whiteout is a 0/0 character device, an opaque directory carries
//! `<prefix>opaque = "y"` (`user.overlay.` rootless, `trusted.overlay.` rootful), a directory
//! rename that would need `redirect_dir` fails with `EXDEV` (so `mv` copies instead).
//!
//! Nodes: every name the kernel has looked up gets a node, keyed by (parent node, name); a
//! non-directory with several links shares one node across its names, so the kernel sees one
//! inode. A node stores the layers it lives in (for a directory: every layer merged into it, top
//! first), never a path: paths are rebuilt from the parent chain, so a directory rename moves its
//! whole subtree at once. A node's id is also the `st_ino` shown (fuser uses one number for
//! both): it is allocated once per underlying (device, inode) and carried over on copy-up, so it
//! is stable for the mount's life. Hardlinks within a lower layer get a node and an `st_ino`
//! per name (the kernel overlay shows them as one inode until one is copied up); a write must
//! land on the name it came through.
//!
//! Not supported: `RENAME_EXCHANGE` and `RENAME_WHITEOUT` (`EINVAL`), `redirect_dir` (directory
//! renames across layers get `EXDEV`), the `index` and `metacopy` features.
//!
//! Locking: `ops` serializes every change of the tree (create, remove, rename, copy-up, setattr)
//! and is taken before `table`; `table` (nodes and names) and `handles` are held only briefly and
//! never across a syscall that could block on the FUSE mount itself (the server never touches
//! its own mount). Reads and lookups run concurrently on the worker threads.

use std::collections::{HashMap, HashSet};
use std::ffi::{CString, OsStr, OsString};
use std::fs::File;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag};
use nix::sys::stat::{FileStat, Mode, SFlag};
use nix::sys::time::TimeSpec;

/// The result of an overlay operation: an errno is what the FUSE adapter replies with.
pub type Result<T> = std::result::Result<T, Errno>;

/// The root directory's node id (FUSE's `FUSE_ROOT_ID`) and `st_ino`.
pub const ROOT: u64 = 1;

/// Index of the upper layer.
const UPPER: u8 = 0;

fn io_errno(e: std::io::Error) -> Errno {
    Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))
}

/// One directory of the overlay, opened once.
#[derive(Debug)]
struct Layer {
    fd: OwnedFd,
    path: PathBuf,
}

/// What a lookup in the layers found: the layers holding the name (all of them for a merged
/// directory, top first) and the top-most entry's metadata.
#[derive(Debug, Clone)]
pub struct Found {
    pub layers: Vec<u8>,
    pub st: FileStat,
}

impl Found {
    pub fn is_dir(&self) -> bool {
        is_dir(&self.st)
    }
    pub fn top(&self) -> u8 {
        self.layers[0]
    }
}

/// Attributes as shown through the mount: the underlying `stat` with our `st_ino`.
#[derive(Debug, Clone, Copy)]
pub struct Attr {
    pub st: FileStat,
    pub ino: u64,
}

/// One entry of a merged directory listing.
#[derive(Debug, Clone)]
pub struct DirEntry {
    pub name: OsString,
    pub ino: u64,
    /// The `S_IFMT` bits of the entry's mode.
    pub kind: u32,
}

/// Who creates a file: ids as seen in the namespace that mounted the overlay.
#[derive(Debug, Clone, Copy)]
pub struct Creds {
    pub uid: u32,
    pub gid: u32,
}

/// A time to set with `setattr`.
#[derive(Debug, Clone, Copy)]
pub enum SetTime {
    Now,
    At(i64, i64),
}

/// The changes of one `setattr`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SetAttr {
    pub mode: Option<u32>,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    pub size: Option<u64>,
    pub atime: Option<SetTime>,
    pub mtime: Option<SetTime>,
}

#[derive(Debug)]
struct Node {
    /// (parent node, name) of every name the node is known by; the first is used for paths.
    names: Vec<(u64, OsString)>,
    layers: Vec<u8>,
    is_dir: bool,
    /// Underlying (device, inode) of the top-most entry, for sharing a node across hardlinks.
    key: (u64, u64),
    ino: u64,
    lookups: u64,
}

#[derive(Debug, Default)]
struct Table {
    nodes: HashMap<u64, Node>,
    children: HashMap<(u64, OsString), u64>,
    /// Live nodes of multiply-linked non-directories, by underlying (device, inode).
    links: HashMap<(u64, u64), u64>,
    /// `st_ino` of every underlying (device, inode) seen, kept for the mount's life.
    inos: HashMap<(u64, u64), u64>,
    next_ino: u64,
}

impl Table {
    fn ino_for(&mut self, key: (u64, u64)) -> u64 {
        let next = &mut self.next_ino;
        *self.inos.entry(key).or_insert_with(|| {
            *next += 1;
            *next
        })
    }

    /// Drops one name of `id` (after unlink or rename); the node lives on while the kernel
    /// holds it.
    fn unname(&mut self, parent: u64, name: &OsStr) {
        let Some(id) = self.children.remove(&(parent, name.to_os_string())) else { return };
        if let Some(n) = self.nodes.get_mut(&id) {
            n.names.retain(|(p, nm)| !(*p == parent && nm == name));
        }
    }
}

/// An open file.
#[derive(Debug)]
pub struct Handle {
    pub file: File,
    /// The file carried `security.capability` when opened for writing: the first write drops it
    /// (the kernel leaves killing privileges to us, see `adapter`).
    caps: std::sync::atomic::AtomicBool,
}

/// The overlay: its layers, the node table and the open handles.
#[derive(Debug)]
pub struct OverlayFs {
    layers: Vec<Layer>,
    work: Layer,
    opaque_xattr: CString,
    xattr_prefix: &'static str,
    ops: Mutex<()>,
    table: Mutex<Table>,
    handles: RwLock<HashMap<u64, Arc<Handle>>>,
    dirs: Mutex<HashMap<u64, Arc<Vec<DirEntry>>>>,
    next_fh: AtomicU64,
    tmp_counter: AtomicU64,
    upper_dev: u64,
    /// This server's (effective uid, effective gid): the owner of what it creates.
    ids: (u32, u32),
    /// The kernel caches writes (FUSE writeback cache): it may read through a handle opened
    /// write-only and writes at explicit offsets, also for `O_APPEND`.
    writeback: bool,
}

fn is_dir(st: &FileStat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFDIR
}

fn is_whiteout(st: &FileStat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFCHR && st.st_rdev == 0
}

fn open_dir(path: &Path) -> Result<Layer> {
    let fd = nix::fcntl::open(path, OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())?;
    // SAFETY: `open` just returned this descriptor and nothing else owns it.
    #[allow(unsafe_code)]
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    Ok(Layer { fd, path: path.to_path_buf() })
}

fn owned(fd: RawFd) -> OwnedFd {
    // SAFETY: callers pass a descriptor a syscall just returned, owned by nobody else.
    #[allow(unsafe_code)]
    unsafe {
        OwnedFd::from_raw_fd(fd)
    }
}

impl OverlayFs {
    /// An overlay of `lowers` (top-most first) under `upper`, using `work` (on the upper's file
    /// system) for copy-up. `userxattr` selects the `user.overlay.` xattrs (rootless).
    pub fn new(lowers: &[PathBuf], upper: &Path, work: &Path, userxattr: bool) -> Result<Self> {
        if lowers.len() > 254 {
            return Err(Errno::E2BIG);
        }
        let mut layers = vec![open_dir(upper)?];
        for l in lowers {
            layers.push(open_dir(l)?);
        }
        let prefix = if userxattr { "user.overlay." } else { "trusted.overlay." };
        let root_st = nix::sys::stat::fstat(layers[0].fd.as_raw_fd())?;
        let mut fs = OverlayFs {
            work: open_dir(work)?,
            layers,
            opaque_xattr: CString::new(format!("{prefix}opaque")).expect("no NUL"),
            xattr_prefix: prefix,
            ops: Mutex::new(()),
            table: Mutex::new(Table { next_ino: ROOT, ..Default::default() }),
            handles: RwLock::new(HashMap::new()),
            dirs: Mutex::new(HashMap::new()),
            next_fh: AtomicU64::new(1),
            tmp_counter: AtomicU64::new(0),
            upper_dev: root_st.st_dev,
            ids: (nix::unistd::geteuid().as_raw(), nix::unistd::getegid().as_raw()),
            writeback: false,
        };
        // The root merges every layer down to the first opaque one.
        let mut root_layers = Vec::new();
        for i in 0..fs.layers.len() as u8 {
            root_layers.push(i);
            if fs.is_opaque(i, Path::new(".")) {
                break;
            }
        }
        let key = (root_st.st_dev, root_st.st_ino);
        let t = fs.table.get_mut().expect("fresh lock");
        t.inos.insert(key, ROOT);
        t.nodes.insert(
            ROOT,
            Node { names: Vec::new(), layers: root_layers, is_dir: true, key, ino: ROOT, lookups: 1 },
        );
        Ok(fs)
    }

    fn fd(&self, layer: u8) -> RawFd {
        self.layers[layer as usize].fd.as_raw_fd()
    }

    fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn lock_ops(&self) -> MutexGuard<'_, ()> {
        self.ops.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn stat_at(&self, layer: u8, rel: &Path) -> Result<FileStat> {
        nix::sys::stat::fstatat(Some(self.fd(layer)), rel, AtFlags::AT_SYMLINK_NOFOLLOW)
    }

    fn abs(&self, layer: u8, rel: &Path) -> PathBuf {
        self.layers[layer as usize].path.join(rel)
    }

    fn is_opaque(&self, layer: u8, rel: &Path) -> bool {
        let name = OsStr::from_bytes(self.opaque_xattr.as_bytes());
        matches!(xattr::get(self.abs(layer, rel), name), Ok(Some(v)) if v == b"y")
    }

    /// The relative path of node `id` ("." for the root), or `ESTALE` when it has no name left.
    fn path_of(t: &Table, id: u64) -> Result<PathBuf> {
        let mut parts: Vec<&OsStr> = Vec::new();
        let mut cur = id;
        while cur != ROOT {
            let n = t.nodes.get(&cur).ok_or(Errno::ESTALE)?;
            let (p, name) = n.names.first().ok_or(Errno::ESTALE)?;
            parts.push(name);
            cur = *p;
        }
        if parts.is_empty() {
            return Ok(PathBuf::from("."));
        }
        let mut p = PathBuf::new();
        for part in parts.iter().rev() {
            p.push(part);
        }
        Ok(p)
    }

    fn node_info(&self, id: u64) -> Result<(PathBuf, Vec<u8>, bool, u64)> {
        let t = self.table();
        let n = t.nodes.get(&id).ok_or(Errno::ESTALE)?;
        Ok((Self::path_of(&t, id)?, n.layers.clone(), n.is_dir, n.ino))
    }

    fn child_rel(parent_rel: &Path, name: &OsStr) -> PathBuf {
        if parent_rel == Path::new(".") {
            PathBuf::from(name)
        } else {
            parent_rel.join(name)
        }
    }

    /// Looks `rel` up in `layers` (the layers of its parent directory, top first) with overlay
    /// rules: a whiteout hides everything below, a non-directory ends the search, directories
    /// merge down to the first opaque one.
    pub fn find(&self, layers: &[u8], rel: &Path) -> Result<Option<Found>> {
        let mut found: Option<Found> = None;
        for &l in layers {
            let st = match self.stat_at(l, rel) {
                Ok(st) => st,
                Err(Errno::ENOENT) | Err(Errno::ENOTDIR) => continue,
                Err(e) => return Err(e),
            };
            if is_whiteout(&st) {
                break;
            }
            let dir = is_dir(&st);
            match &mut found {
                None => {
                    found = Some(Found { layers: vec![l], st });
                    if !dir || self.is_opaque(l, rel) {
                        break;
                    }
                }
                Some(f) => {
                    if !dir {
                        break;
                    }
                    f.layers.push(l);
                    if self.is_opaque(l, rel) {
                        break;
                    }
                }
            }
        }
        Ok(found)
    }

    /// What the lower layers alone show at `rel` (ignoring the upper layer).
    fn find_lower(&self, parent_layers: &[u8], rel: &Path) -> Result<Option<Found>> {
        let lowers: Vec<u8> = parent_layers.iter().copied().filter(|l| *l != UPPER).collect();
        self.find(&lowers, rel)
    }

    /// Records that the kernel looked `name` up in `parent` and returns its node and attributes.
    fn remember(&self, parent: u64, name: &OsStr, found: Found) -> (u64, Attr) {
        let key = (found.st.st_dev, found.st.st_ino);
        let dir = found.is_dir();
        // Only upper hardlinks share a node: a lower one is split by copy-up (as in the kernel
        // overlay without `index`), and which name a write came through must stay known.
        let shared = !dir && found.st.st_nlink > 1 && found.top() == UPPER;
        let mut t = self.table();
        let t = &mut *t;
        let ckey = (parent, name.to_os_string());
        if let Some(&id) = t.children.get(&ckey) {
            if let Some(n) = t.nodes.get_mut(&id) {
                if n.is_dir == dir {
                    n.lookups += 1;
                    n.key = key;
                    let attr = Self::shown(&found.layers, found.st, n.ino);
                    n.layers = found.layers;
                    return (id, attr);
                }
            }
            t.unname(parent, name);
        }
        if shared {
            if let Some(&id) = t.links.get(&key) {
                if let Some(n) = t.nodes.get_mut(&id) {
                    n.lookups += 1;
                    n.names.push(ckey.clone());
                    n.layers = found.layers;
                    t.children.insert(ckey, id);
                    let ino = n.ino;
                    return (id, Attr { st: found.st, ino });
                }
            }
        }
        let mut ino = t.ino_for(key);
        if t.nodes.contains_key(&ino) {
            // The number belongs to a live node that is another file now (its underlying inode
            // was freed and reused, or a lower hardlink was split by copy-up): a fresh one.
            t.next_ino += 1;
            ino = t.next_ino;
            t.inos.insert(key, ino);
        }
        let attr = Self::shown(&found.layers, found.st, ino);
        let id = ino;
        t.nodes.insert(
            id,
            Node { names: vec![ckey.clone()], layers: found.layers, is_dir: dir, key, ino, lookups: 1 },
        );
        t.children.insert(ckey, id);
        if shared {
            t.links.insert(key, id);
        }
        (id, attr)
    }

    /// FUSE `lookup`.
    pub fn lookup(&self, parent: u64, name: &OsStr) -> Result<(u64, Attr)> {
        let (prel, players, pdir, _) = self.node_info(parent)?;
        if !pdir {
            return Err(Errno::ENOTDIR);
        }
        let rel = Self::child_rel(&prel, name);
        let found = self.find(&players, &rel)?.ok_or(Errno::ENOENT)?;
        Ok(self.remember(parent, name, found))
    }

    /// FUSE `forget`: the kernel dropped `n` references to `id`.
    pub fn forget(&self, id: u64, n: u64) {
        if id == ROOT {
            return;
        }
        let mut t = self.table();
        let Some(node) = t.nodes.get_mut(&id) else { return };
        node.lookups = node.lookups.saturating_sub(n);
        if node.lookups > 0 {
            return;
        }
        let node = t.nodes.remove(&id).expect("present");
        for (p, name) in node.names {
            if t.children.get(&(p, name.clone())) == Some(&id) {
                t.children.remove(&(p, name));
            }
        }
        if t.links.get(&node.key) == Some(&id) {
            t.links.remove(&node.key);
        }
    }

    /// The attributes shown for an entry in `layers`: like the kernel overlay, a merged
    /// directory has link count 1 (counting its subdirectories is not worth it, and 1 tells
    /// `find` not to rely on the count).
    fn shown(layers: &[u8], mut st: FileStat, ino: u64) -> Attr {
        if is_dir(&st) && layers.len() > 1 {
            st.st_nlink = 1;
        }
        Attr { st, ino }
    }

    /// FUSE `getattr`; `fh` is an open handle of the file, used when given.
    pub fn getattr(&self, id: u64, fh: Option<u64>) -> Result<Attr> {
        if let Some(h) = fh.and_then(|fh| self.handle(fh)) {
            let ino = self.table().nodes.get(&id).map(|n| n.ino).unwrap_or(id);
            let st = nix::sys::stat::fstat(h.file.as_raw_fd())?;
            return Ok(Attr { st, ino });
        }
        let (rel, layers, _, ino) = self.node_info(id)?;
        let st = self.stat_at(layers[0], &rel)?;
        Ok(Self::shown(&layers, st, ino))
    }

    /// Copies node `id` (and its parents) to the upper layer unless it is there already.
    /// The caller holds `ops`.
    fn copy_up(&self, id: u64) -> Result<()> {
        let (parent, layers) = {
            let t = self.table();
            let n = t.nodes.get(&id).ok_or(Errno::ESTALE)?;
            if n.layers.first() == Some(&UPPER) {
                return Ok(());
            }
            let (p, _) = n.names.first().ok_or(Errno::ESTALE)?;
            (*p, n.layers.clone())
        };
        self.copy_up(parent)?;
        let rel = Self::path_of(&self.table(), id)?;
        let src = layers[0];
        let st = self.stat_at(src, &rel)?;
        let new = self.copy_entry(src, &rel, &st)?;
        let mut t = self.table();
        let t = &mut *t;
        let ino = t.nodes.get(&id).map(|n| n.ino).ok_or(Errno::ESTALE)?;
        t.inos.insert((new.st_dev, new.st_ino), ino);
        let n = t.nodes.get_mut(&id).expect("checked");
        // The copy is a file of its own: other names of a lower hardlink stay below.
        if !n.is_dir && n.names.len() > 1 {
            let others: Vec<(u64, OsString)> = n.names.drain(1..).collect();
            for k in others {
                t.children.remove(&k);
            }
        }
        let n = t.nodes.get_mut(&id).expect("checked");
        if t.links.get(&n.key) == Some(&id) {
            t.links.remove(&n.key);
        }
        n.key = (new.st_dev, new.st_ino);
        if n.is_dir {
            n.layers.insert(0, UPPER);
        } else {
            n.layers = vec![UPPER];
        }
        Ok(())
    }

    fn tmp_name(&self) -> CString {
        let n = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
        CString::new(format!(".skiff-copyup-{}-{n}", std::process::id())).expect("no NUL")
    }

    /// Copies one entry (not a directory's contents) from `layer` to the same path in the
    /// upper layer, through the work directory so that it appears whole.
    fn copy_entry(&self, layer: u8, rel: &Path, st: &FileStat) -> Result<FileStat> {
        let tmp = self.tmp_name();
        let tmp = Path::new(OsStr::from_bytes(tmp.as_bytes()));
        let work = Some(self.work.fd.as_raw_fd());
        let kind = st.st_mode & libc::S_IFMT;
        let perm = Mode::from_bits_truncate(st.st_mode & 0o7777);
        let result = (|| -> Result<()> {
            match kind {
                libc::S_IFREG => {
                    let src = nix::fcntl::openat(
                        Some(self.fd(layer)),
                        rel,
                        OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
                        Mode::empty(),
                    )?;
                    let mut src = File::from(owned(src));
                    let dst = nix::fcntl::openat(
                        work,
                        tmp,
                        OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_CLOEXEC,
                        Mode::from_bits_truncate(0o600),
                    )?;
                    let mut dst = File::from(owned(dst));
                    std::io::copy(&mut src, &mut dst).map_err(io_errno)?;
                }
                libc::S_IFDIR => nix::sys::stat::mkdirat(work, tmp, Mode::from_bits_truncate(0o700))?,
                libc::S_IFLNK => {
                    let target = nix::fcntl::readlinkat(Some(self.fd(layer)), rel)?;
                    nix::unistd::symlinkat(target.as_os_str(), work, tmp)?;
                }
                _ => nix::sys::stat::mknodat(
                    work,
                    tmp,
                    SFlag::from_bits_truncate(kind),
                    Mode::from_bits_truncate(0o600),
                    st.st_rdev,
                )?,
            }
            nix::unistd::fchownat(
                work,
                tmp,
                Some(st.st_uid.into()),
                Some(st.st_gid.into()),
                AtFlags::AT_SYMLINK_NOFOLLOW,
            )?;
            if kind != libc::S_IFLNK {
                nix::sys::stat::fchmodat(work, tmp, perm, nix::sys::stat::FchmodatFlags::FollowSymlink)?;
            }
            self.copy_xattrs(&self.abs(layer, rel), &self.work.path.join(tmp));
            let (a, m) =
                (TimeSpec::new(st.st_atime, st.st_atime_nsec), TimeSpec::new(st.st_mtime, st.st_mtime_nsec));
            nix::sys::stat::utimensat(work, tmp, &a, &m, nix::sys::stat::UtimensatFlags::NoFollowSymlink)?;
            nix::fcntl::renameat(work, tmp, Some(self.fd(UPPER)), rel)?;
            Ok(())
        })();
        if let Err(e) = result {
            let flag = if kind == libc::S_IFDIR {
                nix::unistd::UnlinkatFlags::RemoveDir
            } else {
                nix::unistd::UnlinkatFlags::NoRemoveDir
            };
            let _ = nix::unistd::unlinkat(work, tmp, flag);
            return Err(e);
        }
        self.stat_at(UPPER, rel)
    }

    /// Copies the xattrs of `from` to `to`, except overlay's own. Best effort: a name the
    /// namespace may not set (e.g. `trusted.*` rootless) is skipped, as the kernel overlay does.
    fn copy_xattrs(&self, from: &Path, to: &Path) {
        let Ok(names) = xattr::list(from) else { return };
        for name in names {
            if name.as_bytes().starts_with(self.xattr_prefix.as_bytes()) {
                continue;
            }
            if let Ok(Some(v)) = xattr::get(from, &name) {
                let _ = xattr::set(to, &name, &v);
            }
        }
    }

    /// Copies node `id` up if needed and returns its (upper) relative path.
    fn upper_path(&self, id: u64) -> Result<PathBuf> {
        self.copy_up(id)?;
        Self::path_of(&self.table(), id)
    }

    /// FUSE `setattr`.
    pub fn setattr(&self, id: u64, set: SetAttr, fh: Option<u64>) -> Result<Attr> {
        let _ops = self.lock_ops();
        let rel = self.upper_path(id)?;
        let up = Some(self.fd(UPPER));
        if set.uid.is_some() || set.gid.is_some() {
            nix::unistd::fchownat(
                up,
                &rel,
                set.uid.map(Into::into),
                set.gid.map(Into::into),
                AtFlags::AT_SYMLINK_NOFOLLOW,
            )?;
        }
        if let Some(mode) = set.mode {
            nix::sys::stat::fchmodat(
                up,
                &rel,
                Mode::from_bits_truncate(mode & 0o7777),
                nix::sys::stat::FchmodatFlags::FollowSymlink,
            )?;
        }
        if let Some(size) = set.size {
            match fh.and_then(|fh| self.handle(fh)) {
                Some(h) => h.file.set_len(size).map_err(io_errno)?,
                None => {
                    let fd = nix::fcntl::openat(
                        up,
                        &rel,
                        OFlag::O_WRONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
                        Mode::empty(),
                    )?;
                    File::from(owned(fd)).set_len(size).map_err(io_errno)?;
                }
            }
        }
        if set.atime.is_some() || set.mtime.is_some() {
            let ts = |t: Option<SetTime>| match t {
                None => TimeSpec::new(0, libc::UTIME_OMIT),
                Some(SetTime::Now) => TimeSpec::new(0, libc::UTIME_NOW),
                Some(SetTime::At(s, ns)) => TimeSpec::new(s, ns),
            };
            nix::sys::stat::utimensat(
                up,
                &rel,
                &ts(set.atime),
                &ts(set.mtime),
                nix::sys::stat::UtimensatFlags::NoFollowSymlink,
            )?;
        }
        drop(_ops);
        self.getattr(id, None)
    }

    /// FUSE `readlink`.
    pub fn readlink(&self, id: u64) -> Result<OsString> {
        let (rel, layers, _, _) = self.node_info(id)?;
        nix::fcntl::readlinkat(Some(self.fd(layers[0])), &rel)
    }

    /// Prepares creating `name` in `parent`: copies the parent up, fails when the name is
    /// visible, removes a whiteout in its place. Returns the parent's relative path, the new
    /// entry's, whether a whiteout was removed, and the parent's upper `stat`.
    fn prepare_create(&self, parent: u64, name: &OsStr) -> Result<(PathBuf, bool, FileStat)> {
        let (prel, players, pdir, _) = self.node_info(parent)?;
        if !pdir {
            return Err(Errno::ENOTDIR);
        }
        let rel = Self::child_rel(&prel, name);
        let had_whiteout = if players.first() == Some(&UPPER) {
            // The upper entry decides first: a whiteout hides the layers below, so they need
            // no look.
            match self.stat_at(UPPER, &rel) {
                Ok(st) if is_whiteout(&st) => true,
                Ok(_) => return Err(Errno::EEXIST),
                Err(Errno::ENOENT) | Err(Errno::ENOTDIR) => {
                    if self.find(&players[1..], &rel)?.is_some() {
                        return Err(Errno::EEXIST);
                    }
                    false
                }
                Err(e) => return Err(e),
            }
        } else {
            if self.find(&players, &rel)?.is_some() {
                return Err(Errno::EEXIST);
            }
            self.copy_up(parent)?;
            match self.stat_at(UPPER, &rel) {
                Ok(st) if is_whiteout(&st) => true,
                Ok(_) => return Err(Errno::EEXIST),
                Err(_) => false,
            }
        };
        let pst = self.stat_at(UPPER, &prel)?;
        if had_whiteout {
            nix::unistd::unlinkat(Some(self.fd(UPPER)), &rel, nix::unistd::UnlinkatFlags::NoRemoveDir)?;
        }
        Ok((rel, had_whiteout, pst))
    }

    fn whiteout(&self, rel: &Path) -> Result<()> {
        nix::sys::stat::mknodat(Some(self.fd(UPPER)), rel, SFlag::S_IFCHR, Mode::empty(), 0)
    }

    /// The owner of a new entry: the caller, with the group of a set-group-id parent.
    fn owner(creds: Creds, pst: &FileStat) -> (u32, u32, bool) {
        let sgid = pst.st_mode & libc::S_ISGID != 0;
        (creds.uid, if sgid { pst.st_gid } else { creds.gid }, sgid)
    }

    /// Runs `make` to create `name` in `parent`, sets its owner and returns its node. A failure
    /// puts a removed whiteout back.
    fn create_with(
        &self,
        parent: u64,
        name: &OsStr,
        creds: Creds,
        dir: bool,
        setid: u32,
        make: impl FnOnce(&Path) -> Result<Option<File>>,
    ) -> Result<(u64, Attr, Option<File>)> {
        let _ops = self.lock_ops();
        let (rel, had_whiteout, pst) = self.prepare_create(parent, name)?;
        let up = Some(self.fd(UPPER));
        let result = (|| -> Result<Option<File>> {
            let file = make(&rel)?;
            let (uid, gid, sgid) = Self::owner(creds, &pst);
            // The entry belongs to this server's ids, with the group of a set-group-id parent:
            // no chown when that is already the wanted owner.
            let given = (self.ids.0, if sgid { pst.st_gid } else { self.ids.1 });
            let chown = (uid, gid) != given;
            if chown {
                nix::unistd::fchownat(
                    up,
                    &rel,
                    Some(uid.into()),
                    Some(gid.into()),
                    AtFlags::AT_SYMLINK_NOFOLLOW,
                )?;
            }
            // chown(2) drops a file's set-id bits, even ours: the requested ones are put back.
            let setid = setid & (libc::S_ISUID | libc::S_ISGID);
            if chown && setid != 0 {
                let st = self.stat_at(UPPER, &rel)?;
                let mode = Mode::from_bits_truncate((st.st_mode & 0o7777) | setid);
                nix::sys::stat::fchmodat(up, &rel, mode, nix::sys::stat::FchmodatFlags::FollowSymlink)?;
            }
            if dir && (sgid || had_whiteout) {
                // mkdir in a set-group-id directory inherits the bit; a chown may have dropped it.
                if sgid && chown {
                    let st = self.stat_at(UPPER, &rel)?;
                    let mode = Mode::from_bits_truncate((st.st_mode & 0o7777) | libc::S_ISGID);
                    nix::sys::stat::fchmodat(up, &rel, mode, nix::sys::stat::FchmodatFlags::FollowSymlink)?;
                }
                if had_whiteout {
                    xattr::set(self.abs(UPPER, &rel), OsStr::from_bytes(self.opaque_xattr.as_bytes()), b"y")
                        .map_err(io_errno)?;
                }
            }
            Ok(file)
        })();
        let file = match result {
            Ok(f) => f,
            Err(e) => {
                let flag = if dir {
                    nix::unistd::UnlinkatFlags::RemoveDir
                } else {
                    nix::unistd::UnlinkatFlags::NoRemoveDir
                };
                let _ = nix::unistd::unlinkat(up, &rel, flag);
                if had_whiteout {
                    let _ = self.whiteout(&rel);
                }
                return Err(e);
            }
        };
        let st = match &file {
            Some(f) => nix::sys::stat::fstat(f.as_raw_fd())?,
            None => self.stat_at(UPPER, &rel)?,
        };
        let (id, attr) = self.remember(parent, name, Found { layers: vec![UPPER], st });
        Ok((id, attr, file))
    }

    /// FUSE `mknod` (also fifos and sockets); `mode` carries the type bits.
    pub fn mknod(
        &self,
        parent: u64,
        name: &OsStr,
        mode: u32,
        rdev: u64,
        creds: Creds,
    ) -> Result<(u64, Attr)> {
        let (id, attr, _) = self.create_with(parent, name, creds, false, mode, |rel| {
            nix::sys::stat::mknodat(
                Some(self.fd(UPPER)),
                rel,
                SFlag::from_bits_truncate(mode & libc::S_IFMT),
                Mode::from_bits_truncate(mode & 0o7777),
                rdev,
            )?;
            Ok(None)
        })?;
        Ok((id, attr))
    }

    /// FUSE `mkdir`. A directory made where a whiteout was is opaque, as in the kernel overlay.
    pub fn mkdir(&self, parent: u64, name: &OsStr, mode: u32, creds: Creds) -> Result<(u64, Attr)> {
        let (id, attr, _) = self.create_with(parent, name, creds, true, 0, |rel| {
            nix::sys::stat::mkdirat(Some(self.fd(UPPER)), rel, Mode::from_bits_truncate(mode & 0o7777))?;
            Ok(None)
        })?;
        Ok((id, attr))
    }

    /// FUSE `symlink`.
    pub fn symlink(&self, parent: u64, name: &OsStr, target: &Path, creds: Creds) -> Result<(u64, Attr)> {
        let (id, attr, _) = self.create_with(parent, name, creds, false, 0, |rel| {
            nix::unistd::symlinkat(target, Some(self.fd(UPPER)), rel)?;
            Ok(None)
        })?;
        Ok((id, attr))
    }

    /// FUSE `create`: makes and opens a regular file.
    pub fn create(
        &self,
        parent: u64,
        name: &OsStr,
        mode: u32,
        flags: i32,
        creds: Creds,
    ) -> Result<(u64, Attr, u64)> {
        let oflags = self.file_flags(flags) & !OFlag::O_TRUNC;
        let (id, attr, file) = self.create_with(parent, name, creds, false, mode, |rel| {
            let fd = nix::fcntl::openat(
                Some(self.fd(UPPER)),
                rel,
                oflags | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_CLOEXEC | OFlag::O_NOFOLLOW,
                Mode::from_bits_truncate(mode & 0o7777),
            )?;
            Ok(Some(File::from(owned(fd))))
        })?;
        let fh = self.add_handle(file.expect("create opens"), false);
        Ok((id, attr, fh))
    }

    /// FUSE `link`: a new name for node `id` in `newparent`.
    pub fn link(&self, id: u64, newparent: u64, newname: &OsStr) -> Result<(u64, Attr)> {
        let _ops = self.lock_ops();
        if self.table().nodes.get(&id).is_some_and(|n| n.is_dir) {
            return Err(Errno::EPERM);
        }
        let (rel_new, had_whiteout, _) = self.prepare_create(newparent, newname)?;
        let result = self.upper_path(id).and_then(|rel_old| {
            nix::unistd::linkat(
                Some(self.fd(UPPER)),
                &rel_old,
                Some(self.fd(UPPER)),
                &rel_new,
                AtFlags::empty(),
            )
        });
        if let Err(e) = result {
            if had_whiteout {
                let _ = self.whiteout(&rel_new);
            }
            return Err(e);
        }
        let st = self.stat_at(UPPER, &rel_new)?;
        let mut t = self.table();
        let t = &mut *t;
        let n = t.nodes.get_mut(&id).ok_or(Errno::ESTALE)?;
        n.lookups += 1;
        n.names.push((newparent, newname.to_os_string()));
        let ino = n.ino;
        let key = n.key;
        t.children.insert((newparent, newname.to_os_string()), id);
        t.links.insert(key, id);
        Ok((id, Attr { st, ino }))
    }

    /// Removes the upper entry at `rel` (a directory's whiteouts first) and leaves a whiteout
    /// when a lower layer still shows the name.
    fn remove_entry(&self, parent: u64, name: &OsStr, dir: bool) -> Result<()> {
        let (prel, players, pdir, _) = self.node_info(parent)?;
        if !pdir {
            return Err(Errno::ENOTDIR);
        }
        let rel = Self::child_rel(&prel, name);
        let found = self.find(&players, &rel)?.ok_or(Errno::ENOENT)?;
        match (dir, found.is_dir()) {
            (true, false) => return Err(Errno::ENOTDIR),
            (false, true) => return Err(Errno::EISDIR),
            _ => {}
        }
        if dir && !self.list(&found.layers, &rel)?.is_empty() {
            return Err(Errno::ENOTEMPTY);
        }
        self.copy_up(parent)?;
        let players = self.node_info(parent)?.1;
        let lower = self.find_lower(&players, &rel)?.is_some();
        if found.top() == UPPER {
            let up = Some(self.fd(UPPER));
            if dir {
                self.clear_whiteouts(&rel)?;
                nix::unistd::unlinkat(up, &rel, nix::unistd::UnlinkatFlags::RemoveDir)?;
            } else {
                nix::unistd::unlinkat(up, &rel, nix::unistd::UnlinkatFlags::NoRemoveDir)?;
            }
        }
        if lower {
            self.whiteout(&rel)?;
        }
        self.table().unname(parent, name);
        Ok(())
    }

    /// Removes the whiteouts of the upper directory `rel`, which shows as empty.
    fn clear_whiteouts(&self, rel: &Path) -> Result<()> {
        let mut d = nix::dir::Dir::openat(
            Some(self.fd(UPPER)),
            rel,
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
            Mode::empty(),
        )?;
        let dfd = d.as_raw_fd();
        let names: Vec<CString> = d
            .iter()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_owned())
            .filter(|n| n.as_bytes() != b"." && n.as_bytes() != b"..")
            .collect();
        for n in names {
            nix::unistd::unlinkat(Some(dfd), n.as_c_str(), nix::unistd::UnlinkatFlags::NoRemoveDir)?;
        }
        Ok(())
    }

    /// FUSE `unlink`.
    pub fn unlink(&self, parent: u64, name: &OsStr) -> Result<()> {
        let _ops = self.lock_ops();
        self.remove_entry(parent, name, false)
    }

    /// FUSE `rmdir`.
    pub fn rmdir(&self, parent: u64, name: &OsStr) -> Result<()> {
        let _ops = self.lock_ops();
        self.remove_entry(parent, name, true)
    }

    /// FUSE `rename`. Directories that live in a lower layer are refused with `EXDEV`, like the
    /// kernel overlay without `redirect_dir`; `flags` may hold `RENAME_NOREPLACE` only.
    pub fn rename(
        &self,
        parent: u64,
        name: &OsStr,
        newparent: u64,
        newname: &OsStr,
        flags: u32,
    ) -> Result<()> {
        if flags & !libc::RENAME_NOREPLACE != 0 {
            return Err(Errno::EINVAL);
        }
        let _ops = self.lock_ops();
        let (prel, players, pdir, _) = self.node_info(parent)?;
        let (nprel, nplayers, npdir, _) = self.node_info(newparent)?;
        if !pdir || !npdir {
            return Err(Errno::ENOTDIR);
        }
        let rel = Self::child_rel(&prel, name);
        let nrel = Self::child_rel(&nprel, newname);
        let src = self.find(&players, &rel)?.ok_or(Errno::ENOENT)?;
        let dst = self.find(&nplayers, &nrel)?;
        let same_file =
            dst.as_ref().is_some_and(|d| (d.st.st_dev, d.st.st_ino) == (src.st.st_dev, src.st.st_ino));
        if (parent == newparent && name == newname) || same_file {
            // Two names of one file: rename(2) does nothing.
            return Ok(());
        }
        if src.is_dir() && src.layers.iter().any(|l| *l != UPPER) {
            return Err(Errno::EXDEV);
        }
        if let Some(d) = &dst {
            if flags & libc::RENAME_NOREPLACE != 0 {
                return Err(Errno::EEXIST);
            }
            match (src.is_dir(), d.is_dir()) {
                (true, false) => return Err(Errno::ENOTDIR),
                (false, true) => return Err(Errno::EISDIR),
                (true, true) if !self.list(&d.layers, &nrel)?.is_empty() => return Err(Errno::ENOTEMPTY),
                _ => {}
            }
        }
        // The source as a node, so that copy-up updates what the kernel holds.
        let (src_id, _) = self.remember(parent, name, src.clone());
        let result = (|| -> Result<()> {
            self.copy_up(src_id)?;
            self.copy_up(parent)?;
            self.copy_up(newparent)?;
            let players = self.node_info(parent)?.1;
            let nplayers = self.node_info(newparent)?.1;
            let src_lower = self.find_lower(&players, &rel)?.is_some();
            // Like the kernel overlay: a directory moved into a merged directory becomes opaque,
            // so that nothing below can show through it.
            let make_opaque = src.is_dir() && nplayers.iter().any(|l| *l != UPPER);
            let up = Some(self.fd(UPPER));
            match self.stat_at(UPPER, &nrel) {
                Ok(st) if is_whiteout(&st) => {
                    nix::unistd::unlinkat(up, &nrel, nix::unistd::UnlinkatFlags::NoRemoveDir)?
                }
                Ok(st) if is_dir(&st) => self.clear_whiteouts(&nrel)?,
                _ => {}
            }
            nix::fcntl::renameat(up, &rel, up, &nrel)?;
            if make_opaque {
                xattr::set(self.abs(UPPER, &nrel), OsStr::from_bytes(self.opaque_xattr.as_bytes()), b"y")
                    .map_err(io_errno)?;
            }
            if src_lower {
                self.whiteout(&rel)?;
            }
            Ok(())
        })();
        if result.is_ok() {
            let mut guard = self.table();
            let t = &mut *guard;
            t.unname(newparent, newname);
            t.unname(parent, name);
            if let Some(n) = t.nodes.get_mut(&src_id) {
                n.names.insert(0, (newparent, newname.to_os_string()));
                t.children.insert((newparent, newname.to_os_string()), src_id);
            }
        }
        // Undo the reference `remember` took.
        self.forget(src_id, 1);
        result
    }

    /// The merged listing of directory `rel` over `layers` (without "." and "..").
    pub fn list(&self, layers: &[u8], rel: &Path) -> Result<Vec<DirEntry>> {
        let mut seen: HashSet<OsString> = HashSet::new();
        let mut out = Vec::new();
        for &l in layers {
            let mut d = nix::dir::Dir::openat(
                Some(self.fd(l)),
                rel,
                OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
                Mode::empty(),
            )?;
            let dfd = d.as_raw_fd();
            let dev = nix::sys::stat::fstat(dfd)?.st_dev;
            let mut batch = Vec::new();
            for e in d.iter() {
                let e = e?;
                let name = e.file_name().to_bytes();
                if name == b"." || name == b".." {
                    continue;
                }
                let name = OsStr::from_bytes(name);
                if seen.contains(name) {
                    continue;
                }
                seen.insert(name.to_os_string());
                use nix::dir::Type;
                let kind = match e.file_type() {
                    Some(Type::Directory) => libc::S_IFDIR,
                    Some(Type::File) => libc::S_IFREG,
                    Some(Type::Symlink) => libc::S_IFLNK,
                    Some(Type::Fifo) => libc::S_IFIFO,
                    Some(Type::Socket) => libc::S_IFSOCK,
                    Some(Type::BlockDevice) => libc::S_IFBLK,
                    Some(Type::CharacterDevice) | None => {
                        let st = nix::sys::stat::fstatat(Some(dfd), name, AtFlags::AT_SYMLINK_NOFOLLOW)?;
                        if is_whiteout(&st) {
                            continue;
                        }
                        st.st_mode & libc::S_IFMT
                    }
                };
                batch.push((name.to_os_string(), (dev, e.ino()), kind));
            }
            let mut t = self.table();
            for (name, key, kind) in batch {
                let ino = t.ino_for(key);
                out.push(DirEntry { name, ino, kind });
            }
        }
        Ok(out)
    }

    /// FUSE `opendir`: takes a snapshot of the merged listing.
    pub fn opendir(&self, id: u64) -> Result<u64> {
        let (rel, layers, dir, _) = self.node_info(id)?;
        if !dir {
            return Err(Errno::ENOTDIR);
        }
        let entries = self.list(&layers, &rel)?;
        let fh = self.next_fh.fetch_add(1, Ordering::Relaxed);
        self.dirs.lock().unwrap_or_else(|p| p.into_inner()).insert(fh, Arc::new(entries));
        Ok(fh)
    }

    /// The snapshot taken by `opendir`.
    pub fn dir_entries(&self, fh: u64) -> Option<Arc<Vec<DirEntry>>> {
        self.dirs.lock().unwrap_or_else(|p| p.into_inner()).get(&fh).cloned()
    }

    /// FUSE `releasedir`.
    pub fn releasedir(&self, fh: u64) {
        self.dirs.lock().unwrap_or_else(|p| p.into_inner()).remove(&fh);
    }

    /// The parent node of directory `id`, for "..".
    pub fn parent_of(&self, id: u64) -> u64 {
        let t = self.table();
        t.nodes.get(&id).and_then(|n| n.names.first()).map(|(p, _)| *p).unwrap_or(ROOT)
    }

    /// The `st_ino` of node `id`.
    pub fn ino_of(&self, id: u64) -> u64 {
        self.table().nodes.get(&id).map(|n| n.ino).unwrap_or(id)
    }

    /// Registers an open file. `check_caps`: the file is open for writing and may carry
    /// `security.capability` (a file just created cannot).
    fn add_handle(&self, file: File, check_caps: bool) -> u64 {
        let caps =
            check_caps && matches!(xattr::FileExt::get_xattr(&file, "security.capability"), Ok(Some(_)));
        let caps = std::sync::atomic::AtomicBool::new(caps);
        let fh = self.next_fh.fetch_add(1, Ordering::Relaxed);
        self.handles.write().unwrap_or_else(|p| p.into_inner()).insert(fh, Arc::new(Handle { file, caps }));
        fh
    }

    /// The open file behind handle `fh`.
    pub fn handle(&self, fh: u64) -> Option<Arc<Handle>> {
        self.handles.read().unwrap_or_else(|p| p.into_inner()).get(&fh).cloned()
    }

    /// FUSE `open`: copies the file up when it is opened for writing. Returns the handle and
    /// whether the kernel may keep its page cache (the file can only change through this mount,
    /// which keeps the cache coherent, unless it has other links).
    pub fn open(&self, id: u64, flags: i32) -> Result<(u64, bool)> {
        let acc = flags & libc::O_ACCMODE;
        let writes = acc != libc::O_RDONLY || flags & libc::O_TRUNC != 0;
        let _ops = writes.then(|| self.lock_ops());
        let (rel, layer) = if writes {
            (self.upper_path(id)?, UPPER)
        } else {
            let (rel, layers, _, _) = self.node_info(id)?;
            (rel, layers[0])
        };
        let oflags = self.file_flags(flags);
        let fd = nix::fcntl::openat(
            Some(self.fd(layer)),
            &rel,
            oflags | OFlag::O_CLOEXEC | OFlag::O_NOFOLLOW,
            Mode::empty(),
        )?;
        let file = File::from(owned(fd));
        let keep = layer != UPPER
            || file.metadata().map(|m| std::os::unix::fs::MetadataExt::nlink(&m) <= 1).unwrap_or(false);
        Ok((self.add_handle(file, writes && acc != libc::O_RDONLY), keep))
    }

    /// FUSE `read`: fills `buf` from `offset`. One `pread`: on a regular file it is short only
    /// at the end of the file, which is what a short reply tells the kernel (a second call to
    /// confirm the end would cost a syscall per read).
    pub fn read(&self, fh: u64, offset: u64, buf: &mut [u8]) -> Result<usize> {
        let h = self.handle(fh).ok_or(Errno::EBADF)?;
        loop {
            match h.file.read_at(buf, offset) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io_errno(e)),
            }
        }
    }

    /// FUSE `write`.
    /// FUSE `write`. `kill_suidgid`: the writer lacks `CAP_FSETID`, so the set-user-id bit (and
    /// the set-group-id bit of a group-executable file) go, as a write(2) would drop them; file
    /// capabilities go on any write.
    pub fn write(&self, fh: u64, offset: u64, data: &[u8], kill_suidgid: bool) -> Result<usize> {
        let h = self.handle(fh).ok_or(Errno::EBADF)?;
        if h.caps.swap(false, Ordering::Relaxed) {
            let _ = xattr::FileExt::remove_xattr(&h.file, "security.capability");
        }
        if kill_suidgid {
            let st = nix::sys::stat::fstat(h.file.as_raw_fd())?;
            let mut kill = libc::S_ISUID;
            if st.st_mode & libc::S_IXGRP != 0 {
                kill |= libc::S_ISGID;
            }
            if st.st_mode & kill != 0 {
                let mode = Mode::from_bits_truncate(st.st_mode & 0o7777 & !kill);
                nix::sys::stat::fchmod(h.file.as_raw_fd(), mode)?;
            }
        }
        h.file.write_all_at(data, offset).map_err(io_errno)?;
        Ok(data.len())
    }

    /// FUSE `release`.
    pub fn release(&self, fh: u64) {
        self.handles.write().unwrap_or_else(|p| p.into_inner()).remove(&fh);
    }

    /// FUSE `fsync`.
    pub fn fsync(&self, fh: u64, datasync: bool) -> Result<()> {
        let h = self.handle(fh).ok_or(Errno::EBADF)?;
        if datasync { h.file.sync_data() } else { h.file.sync_all() }.map_err(io_errno)
    }

    /// FUSE `fsyncdir`: syncs the upper directory when there is one.
    pub fn fsyncdir(&self, id: u64) -> Result<()> {
        let (rel, layers, _, _) = self.node_info(id)?;
        if layers[0] != UPPER {
            return Ok(());
        }
        let fd = nix::fcntl::openat(
            Some(self.fd(UPPER)),
            &rel,
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )?;
        File::from(owned(fd)).sync_all().map_err(io_errno)
    }

    /// FUSE `fallocate`.
    pub fn fallocate(&self, fh: u64, offset: u64, length: u64, mode: i32) -> Result<()> {
        let h = self.handle(fh).ok_or(Errno::EBADF)?;
        nix::fcntl::fallocate(
            h.file.as_raw_fd(),
            nix::fcntl::FallocateFlags::from_bits_truncate(mode),
            offset as i64,
            length as i64,
        )
    }

    /// FUSE `statfs`: the upper layer's file system.
    pub fn statfs(&self) -> Result<nix::sys::statvfs::Statvfs> {
        nix::sys::statvfs::statvfs(&self.layers[UPPER as usize].path)
    }

    fn private_xattr(&self, name: &OsStr) -> bool {
        name.as_bytes().starts_with(self.xattr_prefix.as_bytes())
    }

    /// FUSE `getxattr`. Overlay's own xattrs are hidden.
    pub fn getxattr(&self, id: u64, name: &OsStr) -> Result<Vec<u8>> {
        if self.private_xattr(name) {
            return Err(Errno::ENODATA);
        }
        let (rel, layers, _, _) = self.node_info(id)?;
        xattr::get(self.abs(layers[0], &rel), name).map_err(io_errno)?.ok_or(Errno::ENODATA)
    }

    /// FUSE `listxattr`: the names, each NUL-terminated.
    pub fn listxattr(&self, id: u64) -> Result<Vec<u8>> {
        let (rel, layers, _, _) = self.node_info(id)?;
        let mut out = Vec::new();
        for name in xattr::list(self.abs(layers[0], &rel)).map_err(io_errno)? {
            if !self.private_xattr(&name) {
                out.extend_from_slice(name.as_bytes());
                out.push(0);
            }
        }
        Ok(out)
    }

    /// FUSE `setxattr` (`flags`: `XATTR_CREATE` / `XATTR_REPLACE`).
    pub fn setxattr(&self, id: u64, name: &OsStr, value: &[u8], flags: i32) -> Result<()> {
        if self.private_xattr(name) {
            return Err(Errno::EPERM);
        }
        let _ops = self.lock_ops();
        let rel = self.upper_path(id)?;
        let path = self.abs(UPPER, &rel);
        if flags & (libc::XATTR_CREATE | libc::XATTR_REPLACE) != 0 {
            let exists = xattr::get(&path, name).map_err(io_errno)?.is_some();
            if flags & libc::XATTR_CREATE != 0 && exists {
                return Err(Errno::EEXIST);
            }
            if flags & libc::XATTR_REPLACE != 0 && !exists {
                return Err(Errno::ENODATA);
            }
        }
        xattr::set(&path, name, value).map_err(io_errno)
    }

    /// FUSE `removexattr`.
    pub fn removexattr(&self, id: u64, name: &OsStr) -> Result<()> {
        if self.private_xattr(name) {
            return Err(Errno::EPERM);
        }
        let _ops = self.lock_ops();
        let (rel, layers, _, _) = self.node_info(id)?;
        if xattr::get(self.abs(layers[0], &rel), name).map_err(io_errno)?.is_none() {
            return Err(Errno::ENODATA);
        }
        let rel = self.upper_path(id)?;
        xattr::remove(self.abs(UPPER, &rel), name).map_err(io_errno)
    }

    /// Tells the overlay that the kernel caches writes (see `writeback`).
    pub fn set_writeback(&mut self, on: bool) {
        self.writeback = on;
    }

    /// The flags to open an underlying file with, for the `flags` of a FUSE open or create.
    fn file_flags(&self, flags: i32) -> OFlag {
        let mut f = OFlag::from_bits_truncate(flags) & !(OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOCTTY);
        if self.writeback {
            f &= !OFlag::O_APPEND;
            if flags & libc::O_ACCMODE == libc::O_WRONLY {
                f = (f & !OFlag::O_WRONLY) | OFlag::O_RDWR;
            }
        }
        f
    }

    /// The device of the upper layer (for tests and diagnostics).
    pub fn upper_dev(&self) -> u64 {
        self.upper_dev
    }
}
