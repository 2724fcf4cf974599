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
//! Errors: every FUSE operation returns an [`Error`] carrying the errno the kernel is answered
//! with, the operation and the path inside the overlay (resolved only when it fails). Nothing
//! here panics on what the kernel sends or on a node table that lost track of something: a
//! broken invariant is logged and answered with `EIO`, so a worker thread never dies under a
//! running container.
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

/// The result of a step inside the overlay (an errno), or, with `E = Error`, of a FUSE
/// operation.
pub type Result<T, E = Errno> = std::result::Result<T, E>;

/// A failed FUSE operation: the errno the kernel is answered with, and for the log, the
/// operation and the path it was about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{op} {}: {errno}", path.display())]
pub struct Error {
    pub op: &'static str,
    /// Relative to the overlay's root ("." for the root); a layer directory's own path when
    /// the overlay cannot open it; `<node N>` or `<handle N>` when the path is gone.
    pub path: PathBuf,
    pub errno: Errno,
}

/// What a failed operation was about, resolved to a path only when it fails.
#[derive(Debug, Clone, Copy)]
enum At<'a> {
    Node(u64),
    Child(u64, &'a OsStr),
    Handle(u64),
    Upper,
}

/// A broken invariant of the node table: logged, and answered with `EIO` instead of a panic.
fn inconsistent(id: u64, what: &str) -> Errno {
    tracing::error!(node = id, "fuse-overlay node table is inconsistent: {what}");
    Errno::EIO
}

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
/// directory, top first; never empty) and the top-most entry's metadata.
#[derive(Debug, Clone)]
pub struct Found {
    top: u8,
    layers: Vec<u8>,
    pub st: FileStat,
}

impl Found {
    /// A name found in `layer`, which is its top-most.
    fn new(layer: u8, st: FileStat) -> Self {
        Found { top: layer, layers: vec![layer], st }
    }
    pub fn is_dir(&self) -> bool {
        is_dir(&self.st)
    }
    /// The layer the entry's content comes from.
    pub fn top(&self) -> u8 {
        self.top
    }
    /// Every layer holding the name, top first.
    pub fn layers(&self) -> &[u8] {
        &self.layers
    }
}

/// What an operation needs of a node: where it is now and which layers hold it.
#[derive(Debug, Clone)]
struct NodeInfo {
    /// Relative to the overlay's root ("." for the root).
    path: PathBuf,
    /// The layers holding the node, top first (never empty).
    layers: Vec<u8>,
    /// The first of `layers`: where the node's content is read from.
    top: u8,
    is_dir: bool,
    ino: u64,
}

/// A name ready to be created by [`OverlayFs::prepare_create`].
#[derive(Debug)]
struct Prepared {
    /// The new entry's path.
    path: PathBuf,
    /// A whiteout was removed to make room (and is put back if the creation fails).
    had_whiteout: bool,
    /// The parent directory's upper `stat`.
    parent_st: FileStat,
}

/// Who owns a new entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Owner {
    uid: u32,
    gid: u32,
    /// The parent is set-group-id: the group comes from it (and a directory inherits the bit).
    sgid_parent: bool,
}

/// What [`OverlayFs::create_with`] made.
#[derive(Debug)]
struct Made {
    id: u64,
    attr: Attr,
    /// The file, opened, when `make` opened one.
    file: Option<File>,
    path: PathBuf,
}

/// A file made and opened by [`OverlayFs::create`].
#[derive(Debug, Clone, Copy)]
pub struct Created {
    pub id: u64,
    pub attr: Attr,
    pub fh: u64,
}

/// A file opened by [`OverlayFs::open`].
#[derive(Debug, Clone, Copy)]
pub struct Opened {
    pub fh: u64,
    /// The kernel may keep the file's pages across opens.
    pub keep_cache: bool,
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
    /// The path it was opened as (for errors; a later rename does not change it).
    path: PathBuf,
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
    pub fn new(lowers: &[PathBuf], upper: &Path, work: &Path, userxattr: bool) -> Result<Self, Error> {
        let open = |path: &Path| {
            open_dir(path).map_err(|errno| Error { op: "open layer", path: path.to_path_buf(), errno })
        };
        if lowers.len() > 254 {
            return Err(Error { op: "stack layers", path: upper.to_path_buf(), errno: Errno::E2BIG });
        }
        let upper_layer = open(upper)?;
        let root_st = nix::sys::stat::fstat(upper_layer.fd.as_raw_fd()).map_err(|errno| Error {
            op: "stat layer",
            path: upper.to_path_buf(),
            errno,
        })?;
        let mut layers = vec![upper_layer];
        for l in lowers {
            layers.push(open(l)?);
        }
        let prefix = if userxattr { "user.overlay." } else { "trusted.overlay." };
        let opaque_xattr = CString::new(format!("{prefix}opaque")).map_err(|_| Error {
            op: "name xattr",
            path: upper.to_path_buf(),
            errno: Errno::EINVAL,
        })?;
        let mut fs = OverlayFs {
            work: open(work)?,
            layers,
            opaque_xattr,
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
        let t = fs.table.get_mut().unwrap_or_else(|p| p.into_inner());
        t.inos.insert(key, ROOT);
        t.nodes.insert(
            ROOT,
            Node { names: Vec::new(), layers: root_layers, is_dir: true, key, ino: ROOT, lookups: 1 },
        );
        Ok(fs)
    }

    /// The directory descriptor of `layer`. Layer numbers come only from `new` (the root's
    /// layers) and `find` (a subset of its parent's), so they index `layers`.
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

    fn node_info(&self, id: u64) -> Result<NodeInfo> {
        let t = self.table();
        let n = t.nodes.get(&id).ok_or(Errno::ESTALE)?;
        let Some(&top) = n.layers.first() else { return Err(inconsistent(id, "a node has no layer")) };
        Ok(NodeInfo {
            path: Self::path_of(&t, id)?,
            layers: n.layers.clone(),
            top,
            is_dir: n.is_dir,
            ino: n.ino,
        })
    }

    /// Runs the FUSE operation `op` on `at`; a failure becomes an [`Error`] naming both.
    fn run<T>(&self, op: &'static str, at: At<'_>, f: impl FnOnce() -> Result<T>) -> Result<T, Error> {
        f().map_err(|errno| self.fail(op, at, errno))
    }

    /// The error of `op` on `at`: looks the path up now (no lock may be held).
    fn fail(&self, op: &'static str, at: At<'_>, errno: Errno) -> Error {
        let node_path = |id: u64| Self::path_of(&self.table(), id).ok();
        let path = match at {
            At::Node(id) => node_path(id).unwrap_or_else(|| format!("<node {id}>").into()),
            At::Child(parent, name) => match node_path(parent) {
                Some(p) => Self::child_rel(&p, name),
                None => Path::new(&format!("<node {parent}>")).join(name),
            },
            At::Handle(fh) => {
                self.handle(fh).map(|h| h.path.clone()).unwrap_or_else(|| format!("<handle {fh}>").into())
            }
            At::Upper => PathBuf::from("."),
        };
        Error { op, path, errno }
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
                    found = Some(Found::new(l, st));
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
    pub fn lookup(&self, parent: u64, name: &OsStr) -> Result<(u64, Attr), Error> {
        self.run("lookup", At::Child(parent, name), || {
            let p = self.node_info(parent)?;
            if !p.is_dir {
                return Err(Errno::ENOTDIR);
            }
            let rel = Self::child_rel(&p.path, name);
            let found = self.find(&p.layers, &rel)?.ok_or(Errno::ENOENT)?;
            Ok(self.remember(parent, name, found))
        })
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
        let Some(node) = t.nodes.remove(&id) else { return };
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
    pub fn getattr(&self, id: u64, fh: Option<u64>) -> Result<Attr, Error> {
        self.run("getattr", At::Node(id), || self.getattr_of(id, fh))
    }

    fn getattr_of(&self, id: u64, fh: Option<u64>) -> Result<Attr> {
        if let Some(h) = fh.and_then(|fh| self.handle(fh)) {
            let ino = self.table().nodes.get(&id).map(|n| n.ino).unwrap_or(id);
            let st = nix::sys::stat::fstat(h.file.as_raw_fd())?;
            return Ok(Attr { st, ino });
        }
        let n = self.node_info(id)?;
        let st = self.stat_at(n.top, &n.path)?;
        Ok(Self::shown(&n.layers, st, n.ino))
    }

    /// Copies node `id` (and its parents) to the upper layer unless it is there already.
    /// The caller holds `ops`.
    fn copy_up(&self, id: u64) -> Result<()> {
        let (parent, src) = {
            let t = self.table();
            let n = t.nodes.get(&id).ok_or(Errno::ESTALE)?;
            match n.layers.first() {
                Some(&UPPER) => return Ok(()),
                Some(&top) => {
                    let (p, _) = n.names.first().ok_or(Errno::ESTALE)?;
                    (*p, top)
                }
                None => return Err(inconsistent(id, "a node has no layer")),
            }
        };
        self.copy_up(parent)?;
        let rel = Self::path_of(&self.table(), id)?;
        let st = self.stat_at(src, &rel)?;
        let new = self.copy_entry(src, &rel, &st)?;
        let mut t = self.table();
        let t = &mut *t;
        // The node may have gone while the copy was made (the kernel forgot it): the copy stays,
        // as the kernel overlay's would.
        let Some(n) = t.nodes.get_mut(&id) else { return Err(Errno::ESTALE) };
        let ino = n.ino;
        // The copy is a file of its own: other names of a lower hardlink stay below.
        let others: Vec<(u64, OsString)> =
            if !n.is_dir && n.names.len() > 1 { n.names.drain(1..).collect() } else { Vec::new() };
        let key = n.key;
        if !n.is_dir {
            n.layers = vec![UPPER];
        } else {
            n.layers.insert(0, UPPER);
        }
        n.key = (new.st_dev, new.st_ino);
        t.inos.insert((new.st_dev, new.st_ino), ino);
        for k in others {
            t.children.remove(&k);
        }
        if t.links.get(&key) == Some(&id) {
            t.links.remove(&key);
        }
        Ok(())
    }

    fn tmp_name(&self) -> Result<CString> {
        let n = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
        CString::new(format!(".skiff-copyup-{}-{n}", std::process::id())).map_err(|_| Errno::EINVAL)
    }

    /// Copies one entry (not a directory's contents) from `layer` to the same path in the
    /// upper layer, through the work directory so that it appears whole.
    fn copy_entry(&self, layer: u8, rel: &Path, st: &FileStat) -> Result<FileStat> {
        let tmp = self.tmp_name()?;
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
    pub fn setattr(&self, id: u64, set: SetAttr, fh: Option<u64>) -> Result<Attr, Error> {
        self.run("setattr", At::Node(id), || {
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
            self.getattr_of(id, None)
        })
    }

    /// FUSE `readlink`.
    pub fn readlink(&self, id: u64) -> Result<OsString, Error> {
        self.run("readlink", At::Node(id), || {
            let NodeInfo { path: rel, top, .. } = self.node_info(id)?;
            nix::fcntl::readlinkat(Some(self.fd(top)), &rel)
        })
    }

    /// Prepares creating `name` in `parent`: copies the parent up, fails when the name is
    /// visible, removes a whiteout in its place.
    fn prepare_create(&self, parent: u64, name: &OsStr) -> Result<Prepared> {
        let NodeInfo { path: prel, layers: players, is_dir: pdir, .. } = self.node_info(parent)?;
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
                    if self.find(players.get(1..).unwrap_or_default(), &rel)?.is_some() {
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
        Ok(Prepared { path: rel, had_whiteout, parent_st: pst })
    }

    fn whiteout(&self, rel: &Path) -> Result<()> {
        nix::sys::stat::mknodat(Some(self.fd(UPPER)), rel, SFlag::S_IFCHR, Mode::empty(), 0)
    }

    /// The owner of a new entry: the caller, with the group of a set-group-id parent.
    fn owner(creds: Creds, pst: &FileStat) -> Owner {
        let sgid_parent = pst.st_mode & libc::S_ISGID != 0;
        Owner { uid: creds.uid, gid: if sgid_parent { pst.st_gid } else { creds.gid }, sgid_parent }
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
    ) -> Result<Made> {
        let _ops = self.lock_ops();
        let Prepared { path: rel, had_whiteout, parent_st: pst } = self.prepare_create(parent, name)?;
        let up = Some(self.fd(UPPER));
        let result = (|| -> Result<Option<File>> {
            let file = make(&rel)?;
            let Owner { uid, gid, sgid_parent: sgid } = Self::owner(creds, &pst);
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
        let (id, attr) = self.remember(parent, name, Found::new(UPPER, st));
        Ok(Made { id, attr, file, path: rel })
    }

    /// FUSE `mknod` (also fifos and sockets); `mode` carries the type bits.
    pub fn mknod(
        &self,
        parent: u64,
        name: &OsStr,
        mode: u32,
        rdev: u64,
        creds: Creds,
    ) -> Result<(u64, Attr), Error> {
        self.run("mknod", At::Child(parent, name), || {
            let Made { id, attr, .. } = self.create_with(parent, name, creds, false, mode, |rel| {
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
        })
    }

    /// FUSE `mkdir`. A directory made where a whiteout was is opaque, as in the kernel overlay.
    pub fn mkdir(&self, parent: u64, name: &OsStr, mode: u32, creds: Creds) -> Result<(u64, Attr), Error> {
        self.run("mkdir", At::Child(parent, name), || {
            let Made { id, attr, .. } = self.create_with(parent, name, creds, true, 0, |rel| {
                nix::sys::stat::mkdirat(Some(self.fd(UPPER)), rel, Mode::from_bits_truncate(mode & 0o7777))?;
                Ok(None)
            })?;
            Ok((id, attr))
        })
    }

    /// FUSE `symlink`.
    pub fn symlink(
        &self,
        parent: u64,
        name: &OsStr,
        target: &Path,
        creds: Creds,
    ) -> Result<(u64, Attr), Error> {
        self.run("symlink", At::Child(parent, name), || {
            let Made { id, attr, .. } = self.create_with(parent, name, creds, false, 0, |rel| {
                nix::unistd::symlinkat(target, Some(self.fd(UPPER)), rel)?;
                Ok(None)
            })?;
            Ok((id, attr))
        })
    }

    /// FUSE `create`: makes and opens a regular file.
    pub fn create(
        &self,
        parent: u64,
        name: &OsStr,
        mode: u32,
        flags: i32,
        creds: Creds,
    ) -> Result<Created, Error> {
        self.run("create", At::Child(parent, name), || {
            let oflags = self.file_flags(flags) & !OFlag::O_TRUNC;
            let Made { id, attr, file, path } =
                self.create_with(parent, name, creds, false, mode, |rel| {
                    let fd = nix::fcntl::openat(
                        Some(self.fd(UPPER)),
                        rel,
                        oflags | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_CLOEXEC | OFlag::O_NOFOLLOW,
                        Mode::from_bits_truncate(mode & 0o7777),
                    )?;
                    Ok(Some(File::from(owned(fd))))
                })?;
            let file = file.ok_or_else(|| inconsistent(id, "create made no file"))?;
            let fh = self.add_handle(file, path, false);
            Ok(Created { id, attr, fh })
        })
    }

    /// FUSE `link`: a new name for node `id` in `newparent`.
    pub fn link(&self, id: u64, newparent: u64, newname: &OsStr) -> Result<(u64, Attr), Error> {
        self.run("link", At::Child(newparent, newname), || {
            let _ops = self.lock_ops();
            if self.table().nodes.get(&id).is_some_and(|n| n.is_dir) {
                return Err(Errno::EPERM);
            }
            let Prepared { path: rel_new, had_whiteout, .. } = self.prepare_create(newparent, newname)?;
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
        })
    }

    /// Removes the upper entry at `rel` (a directory's whiteouts first) and leaves a whiteout
    /// when a lower layer still shows the name.
    fn remove_entry(&self, parent: u64, name: &OsStr, dir: bool) -> Result<()> {
        let NodeInfo { path: prel, layers: players, is_dir: pdir, .. } = self.node_info(parent)?;
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
        let players = self.node_info(parent)?.layers;
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
    pub fn unlink(&self, parent: u64, name: &OsStr) -> Result<(), Error> {
        self.run("unlink", At::Child(parent, name), || {
            let _ops = self.lock_ops();
            self.remove_entry(parent, name, false)
        })
    }

    /// FUSE `rmdir`.
    pub fn rmdir(&self, parent: u64, name: &OsStr) -> Result<(), Error> {
        self.run("rmdir", At::Child(parent, name), || {
            let _ops = self.lock_ops();
            self.remove_entry(parent, name, true)
        })
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
    ) -> Result<(), Error> {
        self.run("rename", At::Child(parent, name), || {
            if flags & !libc::RENAME_NOREPLACE != 0 {
                return Err(Errno::EINVAL);
            }
            let _ops = self.lock_ops();
            let NodeInfo { path: prel, layers: players, is_dir: pdir, .. } = self.node_info(parent)?;
            let NodeInfo { path: nprel, layers: nplayers, is_dir: npdir, .. } = self.node_info(newparent)?;
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
                let players = self.node_info(parent)?.layers;
                let nplayers = self.node_info(newparent)?.layers;
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
        })
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
    pub fn opendir(&self, id: u64) -> Result<u64, Error> {
        self.run("opendir", At::Node(id), || {
            let NodeInfo { path: rel, layers, is_dir: dir, .. } = self.node_info(id)?;
            if !dir {
                return Err(Errno::ENOTDIR);
            }
            let entries = self.list(&layers, &rel)?;
            let fh = self.next_fh.fetch_add(1, Ordering::Relaxed);
            self.dirs.lock().unwrap_or_else(|p| p.into_inner()).insert(fh, Arc::new(entries));
            Ok(fh)
        })
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
    fn add_handle(&self, file: File, path: PathBuf, check_caps: bool) -> u64 {
        let caps =
            check_caps && matches!(xattr::FileExt::get_xattr(&file, "security.capability"), Ok(Some(_)));
        let caps = std::sync::atomic::AtomicBool::new(caps);
        let fh = self.next_fh.fetch_add(1, Ordering::Relaxed);
        self.handles
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(fh, Arc::new(Handle { file, path, caps }));
        fh
    }

    /// The open file behind handle `fh`.
    pub fn handle(&self, fh: u64) -> Option<Arc<Handle>> {
        self.handles.read().unwrap_or_else(|p| p.into_inner()).get(&fh).cloned()
    }

    /// FUSE `open`: copies the file up when it is opened for writing. Returns the handle and
    /// whether the kernel may keep its page cache (the file can only change through this mount,
    /// which keeps the cache coherent, unless it has other links).
    pub fn open(&self, id: u64, flags: i32) -> Result<Opened, Error> {
        self.run("open", At::Node(id), || {
            let acc = flags & libc::O_ACCMODE;
            let writes = acc != libc::O_RDONLY || flags & libc::O_TRUNC != 0;
            let _ops = writes.then(|| self.lock_ops());
            let (rel, layer) = if writes {
                (self.upper_path(id)?, UPPER)
            } else {
                let NodeInfo { path: rel, top, .. } = self.node_info(id)?;
                (rel, top)
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
            Ok(Opened { fh: self.add_handle(file, rel, writes && acc != libc::O_RDONLY), keep_cache: keep })
        })
    }

    /// FUSE `read`: fills `buf` from `offset`. One `pread`: on a regular file it is short only
    /// at the end of the file, which is what a short reply tells the kernel (a second call to
    /// confirm the end would cost a syscall per read).
    pub fn read(&self, fh: u64, offset: u64, buf: &mut [u8]) -> Result<usize, Error> {
        self.run("read", At::Handle(fh), || {
            let h = self.handle(fh).ok_or(Errno::EBADF)?;
            loop {
                match h.file.read_at(buf, offset) {
                    Ok(n) => return Ok(n),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io_errno(e)),
                }
            }
        })
    }

    /// FUSE `write`.
    /// FUSE `write`. `kill_suidgid`: the writer lacks `CAP_FSETID`, so the set-user-id bit (and
    /// the set-group-id bit of a group-executable file) go, as a write(2) would drop them; file
    /// capabilities go on any write.
    pub fn write(&self, fh: u64, offset: u64, data: &[u8], kill_suidgid: bool) -> Result<usize, Error> {
        self.run("write", At::Handle(fh), || {
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
        })
    }

    /// FUSE `release`.
    pub fn release(&self, fh: u64) {
        self.handles.write().unwrap_or_else(|p| p.into_inner()).remove(&fh);
    }

    /// FUSE `fsync`.
    pub fn fsync(&self, fh: u64, datasync: bool) -> Result<(), Error> {
        self.run("fsync", At::Handle(fh), || {
            let h = self.handle(fh).ok_or(Errno::EBADF)?;
            if datasync { h.file.sync_data() } else { h.file.sync_all() }.map_err(io_errno)
        })
    }

    /// FUSE `fsyncdir`: syncs the upper directory when there is one.
    pub fn fsyncdir(&self, id: u64) -> Result<(), Error> {
        self.run("fsyncdir", At::Node(id), || {
            let NodeInfo { path: rel, top, .. } = self.node_info(id)?;
            if top != UPPER {
                return Ok(());
            }
            let fd = nix::fcntl::openat(
                Some(self.fd(UPPER)),
                &rel,
                OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
                Mode::empty(),
            )?;
            File::from(owned(fd)).sync_all().map_err(io_errno)
        })
    }

    /// FUSE `fallocate`.
    pub fn fallocate(&self, fh: u64, offset: u64, length: u64, mode: i32) -> Result<(), Error> {
        self.run("fallocate", At::Handle(fh), || {
            let h = self.handle(fh).ok_or(Errno::EBADF)?;
            nix::fcntl::fallocate(
                h.file.as_raw_fd(),
                nix::fcntl::FallocateFlags::from_bits_truncate(mode),
                offset as i64,
                length as i64,
            )
        })
    }

    /// FUSE `statfs`: the upper layer's file system.
    pub fn statfs(&self) -> Result<nix::sys::statvfs::Statvfs, Error> {
        self.run("statfs", At::Upper, || nix::sys::statvfs::statvfs(&self.layers[UPPER as usize].path))
    }

    fn private_xattr(&self, name: &OsStr) -> bool {
        name.as_bytes().starts_with(self.xattr_prefix.as_bytes())
    }

    /// FUSE `getxattr`. Overlay's own xattrs are hidden.
    pub fn getxattr(&self, id: u64, name: &OsStr) -> Result<Vec<u8>, Error> {
        self.run("getxattr", At::Node(id), || {
            if self.private_xattr(name) {
                return Err(Errno::ENODATA);
            }
            let NodeInfo { path: rel, top, .. } = self.node_info(id)?;
            xattr::get(self.abs(top, &rel), name).map_err(io_errno)?.ok_or(Errno::ENODATA)
        })
    }

    /// FUSE `listxattr`: the names, each NUL-terminated.
    pub fn listxattr(&self, id: u64) -> Result<Vec<u8>, Error> {
        self.run("listxattr", At::Node(id), || {
            let NodeInfo { path: rel, top, .. } = self.node_info(id)?;
            let mut out = Vec::new();
            for name in xattr::list(self.abs(top, &rel)).map_err(io_errno)? {
                if !self.private_xattr(&name) {
                    out.extend_from_slice(name.as_bytes());
                    out.push(0);
                }
            }
            Ok(out)
        })
    }

    /// FUSE `setxattr` (`flags`: `XATTR_CREATE` / `XATTR_REPLACE`).
    pub fn setxattr(&self, id: u64, name: &OsStr, value: &[u8], flags: i32) -> Result<(), Error> {
        self.run("setxattr", At::Node(id), || {
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
        })
    }

    /// FUSE `removexattr`.
    pub fn removexattr(&self, id: u64, name: &OsStr) -> Result<(), Error> {
        self.run("removexattr", At::Node(id), || {
            if self.private_xattr(name) {
                return Err(Errno::EPERM);
            }
            let _ops = self.lock_ops();
            let NodeInfo { path: rel, top, .. } = self.node_info(id)?;
            if xattr::get(self.abs(top, &rel), name).map_err(io_errno)?.is_none() {
                return Err(Errno::ENODATA);
            }
            let rel = self.upper_path(id)?;
            xattr::remove(self.abs(UPPER, &rel), name).map_err(io_errno)
        })
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

#[cfg(test)]
mod invariants {
    use super::*;

    /// A node that lost its layers (a bug in the table, not something the kernel can cause) is
    /// answered with `EIO` and a log line, never a panic on the worker thread.
    #[test]
    fn a_node_without_layers_is_an_io_error_not_a_panic() {
        let t = tempfile::tempdir().unwrap();
        let (lower, upper, work) = (t.path().join("l"), t.path().join("u"), t.path().join("w"));
        for d in [&lower, &upper, &work] {
            fs_err::create_dir_all(d).unwrap();
        }
        fs_err::write(lower.join("f"), "f").unwrap();
        let fs = OverlayFs::new(std::slice::from_ref(&lower), &upper, &work, true).unwrap();
        let (id, _) = fs.lookup(ROOT, OsStr::new("f")).unwrap();
        fs.table().nodes.get_mut(&id).unwrap().layers.clear();
        for e in [
            fs.getattr(id, None).unwrap_err(),
            fs.open(id, libc::O_RDONLY).unwrap_err(),
            fs.open(id, libc::O_WRONLY).unwrap_err(),
            fs.readlink(id).unwrap_err(),
            fs.getxattr(id, OsStr::new("user.x")).unwrap_err(),
        ] {
            assert_eq!((e.path.as_path(), e.errno), (Path::new("f"), Errno::EIO), "{e}");
        }
        // The rest of the tree still works.
        assert!(fs.getattr(ROOT, None).is_ok());
    }

    #[test]
    fn forgetting_a_node_twice_is_harmless() {
        let t = tempfile::tempdir().unwrap();
        let (upper, work) = (t.path().join("u"), t.path().join("w"));
        fs_err::create_dir_all(&upper).unwrap();
        fs_err::create_dir_all(&work).unwrap();
        fs_err::write(upper.join("f"), "f").unwrap();
        let fs = OverlayFs::new(&[], &upper, &work, true).unwrap();
        let (id, _) = fs.lookup(ROOT, OsStr::new("f")).unwrap();
        fs.forget(id, 1);
        fs.forget(id, 1);
        fs.forget(12_345, 3);
        assert_eq!(fs.getattr(id, None).unwrap_err().errno, Errno::ESTALE);
    }
}
