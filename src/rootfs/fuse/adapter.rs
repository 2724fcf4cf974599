//! The `fuser::Filesystem` implementation: a thin translation between FUSE requests and
//! [`OverlayFs`], which holds all the logic.
//!
//! Caching: only this server changes the tree, so the kernel may cache entries, attributes and
//! negative lookups for [`TTL`], and keep file pages across opens (`FOPEN_KEEP_CACHE`), except
//! for files with several links, whose other names the kernel would not see change. Reads go
//! through one reusable buffer per worker thread. Writes go through the kernel's writeback
//! cache when it offers one (`FUSE_WRITEBACK_CACHE`): the kernel batches them and owns the size
//! and times of a file while it has dirty pages; it flushes them at close, so a closed file is on
//! the upper layer even if the server is killed later.
//!
//! Tracing: every operation is a `debug` span (`#[instrument]`, its numbers and names as fields,
//! never the data), so it costs a level check when debug logging is off. A failed operation is
//! logged with its operation, path and errno (see [`fail`]) and answered with the errno.
//!
//! Privileges: with `FUSE_HANDLE_KILLPRIV_V2` the kernel does not ask for `security.capability`
//! before every write; instead it flags writes by callers without `CAP_FSETID`, and
//! [`OverlayFs::write`] drops set-id bits and file capabilities itself. (fuser does not pass the
//! flag of `setattr` and `open(O_TRUNC)`: a truncation alone keeps the set-id bits; the next write
//! drops them.)

use std::cell::RefCell;
use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fuser::{
    Errno, FileAttr, FileHandle, FileType, Filesystem, FopenFlags, Generation, INodeNo, InitFlags,
    KernelConfig, LockOwner, OpenFlags, RenameFlags, ReplyAttr, ReplyCreate, ReplyData, ReplyDirectory,
    ReplyDirectoryPlus, ReplyEmpty, ReplyEntry, ReplyOpen, ReplyStatfs, ReplyWrite, ReplyXattr, Request,
    TimeOrNow, WriteFlags,
};

use tracing::instrument;

use super::fs::{self, Attr, Created, Creds, Opened, OverlayFs, SetAttr, SetTime};
use crate::userns::{mode, IdMap};

/// How long the kernel may trust what we told it.
pub const TTL: Duration = Duration::from_secs(2);

/// The largest write the kernel sends in one request.
pub const MAX_WRITE: u32 = 1024 * 1024;

thread_local! {
    static READ_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Serves an [`OverlayFs`] over FUSE.
#[derive(Debug)]
pub struct Adapter {
    pub fs: OverlayFs,
}

/// The errno to answer a failed operation with, after its log line: answers that programs meet
/// in normal use (a missing name, a full directory, a refused rename) at debug level, anything
/// else (an I/O error, a full disk, a node or handle the table lost) as a warning.
fn fail(e: fs::Error) -> Errno {
    use nix::errno::Errno as E;
    match e.errno {
        E::ENOENT
        | E::EEXIST
        | E::ENOTEMPTY
        | E::ENODATA
        | E::ENOTDIR
        | E::EISDIR
        | E::EXDEV
        | E::EINVAL
        | E::EPERM
        | E::EACCES
        | E::ERANGE
        | E::ENAMETOOLONG
        | E::ELOOP
        | E::EOPNOTSUPP => {
            tracing::debug!(op = e.op, path = %e.path.display(), errno = %e.errno, "fuse operation failed")
        }
        _ => tracing::warn!(op = e.op, path = %e.path.display(), errno = %e.errno, "fuse operation failed"),
    }
    Errno::from_i32(e.errno as i32)
}

fn time(s: i64, ns: i64) -> SystemTime {
    if s >= 0 {
        UNIX_EPOCH + Duration::new(s as u64, ns as u32)
    } else {
        UNIX_EPOCH - Duration::from_secs(s.unsigned_abs()) + Duration::from_nanos(ns as u64)
    }
}

fn kind(mode: u32) -> FileType {
    match mode & libc::S_IFMT {
        libc::S_IFDIR => FileType::Directory,
        libc::S_IFLNK => FileType::Symlink,
        libc::S_IFIFO => FileType::NamedPipe,
        libc::S_IFSOCK => FileType::Socket,
        libc::S_IFCHR => FileType::CharDevice,
        libc::S_IFBLK => FileType::BlockDevice,
        _ => FileType::RegularFile,
    }
}

/// The id shift of a container in a nested user namespace (see `crate::userns::mode`): the
/// uid and gid maps of its namespace. A stored id n is presented as the map's host id for n,
/// and an id the kernel sends is stored as the container id it maps to. Set once, by `serve`,
/// before the session starts (one server serves one container).
pub static ID_SHIFT: std::sync::OnceLock<(Vec<IdMap>, Vec<IdMap>)> = std::sync::OnceLock::new();

fn present_uid(id: u32) -> u32 {
    ID_SHIFT.get().map_or(id, |(u, _)| mode::present(u, id))
}

fn present_gid(id: u32) -> u32 {
    ID_SHIFT.get().map_or(id, |(_, g)| mode::present(g, id))
}

fn store_uid(id: u32) -> u32 {
    ID_SHIFT.get().map_or(id, |(u, _)| mode::store(u, id))
}

fn store_gid(id: u32) -> u32 {
    ID_SHIFT.get().map_or(id, |(_, g)| mode::store(g, id))
}

fn file_attr(a: &Attr) -> FileAttr {
    let st = &a.st;
    FileAttr {
        ino: INodeNo(a.ino),
        size: st.st_size as u64,
        blocks: st.st_blocks as u64,
        atime: time(st.st_atime, st.st_atime_nsec),
        mtime: time(st.st_mtime, st.st_mtime_nsec),
        ctime: time(st.st_ctime, st.st_ctime_nsec),
        crtime: UNIX_EPOCH,
        kind: kind(st.st_mode),
        perm: (st.st_mode & 0o7777) as u16,
        nlink: st.st_nlink as u32,
        uid: present_uid(st.st_uid),
        gid: present_gid(st.st_gid),
        rdev: st.st_rdev as u32,
        blksize: st.st_blksize as u32,
        flags: 0,
    }
}

/// Attributes of a file with several links are not cached: a change through another name
/// would not be seen.
fn attr_ttl(a: &Attr) -> Duration {
    if a.st.st_mode & libc::S_IFMT != libc::S_IFDIR && a.st.st_nlink > 1 {
        Duration::ZERO
    } else {
        TTL
    }
}

fn entry(reply: ReplyEntry, a: &Attr) {
    reply.entry_with_ttls(&attr_ttl(a), &TTL, &file_attr(a), Generation(0));
}

/// The reply to a lookup of an absent name: node 0, which the kernel caches as a negative entry.
fn negative() -> FileAttr {
    FileAttr {
        ino: INodeNo(0),
        size: 0,
        blocks: 0,
        atime: UNIX_EPOCH,
        mtime: UNIX_EPOCH,
        ctime: UNIX_EPOCH,
        crtime: UNIX_EPOCH,
        kind: FileType::RegularFile,
        perm: 0,
        nlink: 0,
        uid: 0,
        gid: 0,
        rdev: 0,
        blksize: 4096,
        flags: 0,
    }
}

fn creds(req: &Request) -> Creds {
    Creds { uid: store_uid(req.uid()), gid: store_gid(req.gid()) }
}

fn set_time(t: Option<TimeOrNow>) -> Option<SetTime> {
    t.map(|t| match t {
        TimeOrNow::Now => SetTime::Now,
        TimeOrNow::SpecificTime(st) => match st.duration_since(UNIX_EPOCH) {
            Ok(d) => SetTime::At(d.as_secs() as i64, d.subsec_nanos() as i64),
            Err(e) => {
                let d = e.duration();
                let (mut s, mut ns) = (-(d.as_secs() as i64), -(d.subsec_nanos() as i64));
                if ns < 0 {
                    s -= 1;
                    ns += 1_000_000_000;
                }
                SetTime::At(s, ns)
            }
        },
    })
}

impl Filesystem for Adapter {
    fn init(&mut self, _req: &Request, config: &mut KernelConfig) -> std::io::Result<()> {
        let _ = config.set_max_write(MAX_WRITE);
        let wanted = InitFlags::FUSE_AUTO_INVAL_DATA
            | InitFlags::FUSE_DO_READDIRPLUS
            | InitFlags::FUSE_READDIRPLUS_AUTO
            | InitFlags::FUSE_PARALLEL_DIROPS
            | InitFlags::FUSE_CACHE_SYMLINKS
            | InitFlags::FUSE_ATOMIC_O_TRUNC
            | InitFlags::FUSE_POSIX_ACL
            | InitFlags::FUSE_HANDLE_KILLPRIV_V2;
        let _ = config.add_capabilities(wanted & config.capabilities());
        // Writeback cache: the kernel gathers writes in its page cache and sends them in large
        // batches, in the background; it then owns the size and times of files being written.
        if config.add_capabilities(InitFlags::FUSE_WRITEBACK_CACHE).is_ok() {
            self.fs.set_writeback(true);
        }
        let _ = config.set_max_background(64);
        Ok(())
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name))]
    fn lookup(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEntry) {
        match self.fs.lookup(parent.0, name) {
            Ok((_, a)) => entry(reply, &a),
            // A negative entry: the kernel may remember that the name is absent.
            Err(e) if e.errno == nix::errno::Errno::ENOENT => reply.entry(&TTL, &negative(), Generation(0)),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, nlookup))]
    fn forget(&self, _req: &Request, ino: INodeNo, nlookup: u64) {
        self.fs.forget(ino.0, nlookup);
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, fh = ?fh.map(|f| f.0)))]
    fn getattr(&self, _req: &Request, ino: INodeNo, fh: Option<FileHandle>, reply: ReplyAttr) {
        match self.fs.getattr(ino.0, fh.map(|f| f.0)) {
            Ok(a) => reply.attr(&attr_ttl(&a), &file_attr(&a)),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, ?mode, ?uid, ?gid, ?size))]
    fn setattr(
        &self,
        _req: &Request,
        ino: INodeNo,
        mode: Option<u32>,
        uid: Option<u32>,
        gid: Option<u32>,
        size: Option<u64>,
        atime: Option<TimeOrNow>,
        mtime: Option<TimeOrNow>,
        _ctime: Option<SystemTime>,
        fh: Option<FileHandle>,
        _crtime: Option<SystemTime>,
        _chgtime: Option<SystemTime>,
        _bkuptime: Option<SystemTime>,
        _flags: Option<fuser::BsdFileFlags>,
        reply: ReplyAttr,
    ) {
        let (uid, gid) = (uid.map(store_uid), gid.map(store_gid));
        let set = SetAttr { mode, uid, gid, size, atime: set_time(atime), mtime: set_time(mtime) };
        match self.fs.setattr(ino.0, set, fh.map(|f| f.0)) {
            Ok(a) => reply.attr(&attr_ttl(&a), &file_attr(&a)),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0))]
    fn readlink(&self, _req: &Request, ino: INodeNo, reply: ReplyData) {
        match self.fs.readlink(ino.0) {
            Ok(t) => reply.data(std::os::unix::ffi::OsStrExt::as_bytes(t.as_os_str())),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name, mode))]
    fn mknod(
        &self,
        req: &Request,
        parent: INodeNo,
        name: &OsStr,
        mode: u32,
        _umask: u32,
        rdev: u32,
        reply: ReplyEntry,
    ) {
        match self.fs.mknod(parent.0, name, mode, rdev as u64, creds(req)) {
            Ok((_, a)) => entry(reply, &a),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name, mode))]
    fn mkdir(&self, req: &Request, parent: INodeNo, name: &OsStr, mode: u32, _umask: u32, reply: ReplyEntry) {
        match self.fs.mkdir(parent.0, name, mode, creds(req)) {
            Ok((_, a)) => entry(reply, &a),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name))]
    fn unlink(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        match self.fs.unlink(parent.0, name) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name))]
    fn rmdir(&self, _req: &Request, parent: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        match self.fs.rmdir(parent.0, name) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?link_name))]
    fn symlink(&self, req: &Request, parent: INodeNo, link_name: &OsStr, target: &Path, reply: ReplyEntry) {
        match self.fs.symlink(parent.0, link_name, target, creds(req)) {
            Ok((_, a)) => entry(reply, &a),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name, newparent = newparent.0, newname = ?newname))]
    fn rename(
        &self,
        _req: &Request,
        parent: INodeNo,
        name: &OsStr,
        newparent: INodeNo,
        newname: &OsStr,
        flags: RenameFlags,
        reply: ReplyEmpty,
    ) {
        match self.fs.rename(parent.0, name, newparent.0, newname, flags.bits()) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, newparent = newparent.0, newname = ?newname))]
    fn link(&self, _req: &Request, ino: INodeNo, newparent: INodeNo, newname: &OsStr, reply: ReplyEntry) {
        match self.fs.link(ino.0, newparent.0, newname) {
            Ok((_, a)) => entry(reply, &a),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, flags = flags.0))]
    fn open(&self, _req: &Request, ino: INodeNo, flags: OpenFlags, reply: ReplyOpen) {
        match self.fs.open(ino.0, flags.0) {
            Ok(Opened { fh, keep_cache }) => {
                let f = if keep_cache { FopenFlags::FOPEN_KEEP_CACHE } else { FopenFlags::empty() };
                reply.opened(FileHandle(fh), f)
            }
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(fh = fh.0, offset, size))]
    fn read(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        size: u32,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        reply: ReplyData,
    ) {
        READ_BUF.with(|b| {
            let mut buf = b.borrow_mut();
            if buf.len() < size as usize {
                buf.resize(size as usize, 0);
            }
            match self.fs.read(fh.0, offset, &mut buf[..size as usize]) {
                Ok(n) => reply.data(&buf[..n]),
                Err(e) => reply.error(fail(e)),
            }
        })
    }

    #[instrument(level = "debug", skip_all, fields(fh = fh.0, offset, len = data.len()))]
    fn write(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        data: &[u8],
        write_flags: WriteFlags,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        reply: ReplyWrite,
    ) {
        let kill = write_flags.contains(WriteFlags::FUSE_WRITE_KILL_SUIDGID);
        match self.fs.write(fh.0, offset, data, kill) {
            Ok(n) => reply.written(n as u32),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(fh = _fh.0))]
    fn flush(
        &self,
        _req: &Request,
        _ino: INodeNo,
        _fh: FileHandle,
        _lock_owner: LockOwner,
        reply: ReplyEmpty,
    ) {
        // Nothing to do at close (no locks, writes go straight to the upper file): ENOSYS tells
        // the kernel not to send FLUSH again, one request less per close.
        reply.error(Errno::ENOSYS);
    }

    #[instrument(level = "debug", skip_all, fields(fh = fh.0))]
    fn release(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        _flags: OpenFlags,
        _lock_owner: Option<LockOwner>,
        _flush: bool,
        reply: ReplyEmpty,
    ) {
        self.fs.release(fh.0);
        reply.ok();
    }

    #[instrument(level = "debug", skip_all, fields(fh = fh.0, datasync))]
    fn fsync(&self, _req: &Request, _ino: INodeNo, fh: FileHandle, datasync: bool, reply: ReplyEmpty) {
        match self.fs.fsync(fh.0, datasync) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0))]
    fn opendir(&self, _req: &Request, ino: INodeNo, _flags: OpenFlags, reply: ReplyOpen) {
        match self.fs.opendir(ino.0) {
            Ok(fh) => {
                reply.opened(FileHandle(fh), FopenFlags::FOPEN_CACHE_DIR | FopenFlags::FOPEN_KEEP_CACHE)
            }
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, fh = fh.0, offset))]
    fn readdir(&self, _req: &Request, ino: INodeNo, fh: FileHandle, offset: u64, mut reply: ReplyDirectory) {
        let Some(entries) = self.fs.dir_entries(fh.0) else {
            return reply.error(Errno::EBADF);
        };
        let mut i = offset as usize;
        if i == 0 {
            if reply.add(INodeNo(self.fs.ino_of(ino.0)), 1, FileType::Directory, ".") {
                return reply.ok();
            }
            i = 1;
        }
        if i == 1 {
            let parent = self.fs.parent_of(ino.0);
            if reply.add(INodeNo(self.fs.ino_of(parent)), 2, FileType::Directory, "..") {
                return reply.ok();
            }
            i = 2;
        }
        for (k, e) in entries.iter().enumerate().skip(i - 2) {
            if reply.add(INodeNo(e.ino), (k + 3) as u64, kind(e.kind), &e.name) {
                break;
            }
        }
        reply.ok()
    }

    /// Like `readdir`, with each entry looked up, so that `find` or `ls -l` need no LOOKUP per
    /// entry. "." and ".." carry attributes but are not counted as lookups (the kernel does not
    /// link them).
    #[instrument(level = "debug", skip_all, fields(ino = ino.0, fh = fh.0, offset))]
    fn readdirplus(
        &self,
        _req: &Request,
        ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        mut reply: ReplyDirectoryPlus,
    ) {
        let Some(entries) = self.fs.dir_entries(fh.0) else {
            return reply.error(Errno::EBADF);
        };
        let mut i = offset as usize;
        for (dots, node) in [(".", ino.0), ("..", self.fs.parent_of(ino.0))] {
            if i == dots.len() - 1 {
                if let Ok(a) = self.fs.getattr(node, None) {
                    if reply.add(INodeNo(a.ino), i as u64 + 1, dots, &TTL, &file_attr(&a), Generation(0)) {
                        return reply.ok();
                    }
                }
                i += 1;
            }
        }
        for (k, e) in entries.iter().enumerate().skip(i - 2) {
            let Ok((id, a)) = self.fs.lookup(ino.0, &e.name) else { continue };
            if reply.add(INodeNo(id), (k + 3) as u64, &e.name, &attr_ttl(&a), &file_attr(&a), Generation(0)) {
                // Not sent: the lookup it counted is undone.
                self.fs.forget(id, 1);
                break;
            }
        }
        reply.ok()
    }

    #[instrument(level = "debug", skip_all, fields(fh = fh.0))]
    fn releasedir(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        _flags: OpenFlags,
        reply: ReplyEmpty,
    ) {
        self.fs.releasedir(fh.0);
        reply.ok();
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0))]
    fn fsyncdir(&self, _req: &Request, ino: INodeNo, _fh: FileHandle, _datasync: bool, reply: ReplyEmpty) {
        match self.fs.fsyncdir(ino.0) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all)]
    fn statfs(&self, _req: &Request, _ino: INodeNo, reply: ReplyStatfs) {
        match self.fs.statfs() {
            Ok(s) => reply.statfs(
                s.blocks(),
                s.blocks_free(),
                s.blocks_available(),
                s.files(),
                s.files_free(),
                s.block_size() as u32,
                s.name_max() as u32,
                s.fragment_size() as u32,
            ),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, name = ?name, len = value.len(), flags))]
    fn setxattr(
        &self,
        _req: &Request,
        ino: INodeNo,
        name: &OsStr,
        value: &[u8],
        flags: i32,
        _position: u32,
        reply: ReplyEmpty,
    ) {
        match self.fs.setxattr(ino.0, name, value, flags) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, name = ?name, size))]
    fn getxattr(&self, _req: &Request, ino: INodeNo, name: &OsStr, size: u32, reply: ReplyXattr) {
        xattr_reply(self.fs.getxattr(ino.0, name), size, reply)
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, size))]
    fn listxattr(&self, _req: &Request, ino: INodeNo, size: u32, reply: ReplyXattr) {
        xattr_reply(self.fs.listxattr(ino.0), size, reply)
    }

    #[instrument(level = "debug", skip_all, fields(ino = ino.0, name = ?name))]
    fn removexattr(&self, _req: &Request, ino: INodeNo, name: &OsStr, reply: ReplyEmpty) {
        match self.fs.removexattr(ino.0, name) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(parent = parent.0, name = ?name, mode, flags))]
    fn create(
        &self,
        req: &Request,
        parent: INodeNo,
        name: &OsStr,
        mode: u32,
        _umask: u32,
        flags: i32,
        reply: ReplyCreate,
    ) {
        match self.fs.create(parent.0, name, mode, flags, creds(req)) {
            Ok(Created { attr: a, fh, .. }) => reply.created(
                &TTL,
                &file_attr(&a),
                Generation(0),
                FileHandle(fh),
                FopenFlags::FOPEN_KEEP_CACHE,
            ),
            Err(e) => reply.error(fail(e)),
        }
    }

    #[instrument(level = "debug", skip_all, fields(fh = fh.0, offset, length, mode))]
    fn fallocate(
        &self,
        _req: &Request,
        _ino: INodeNo,
        fh: FileHandle,
        offset: u64,
        length: u64,
        mode: i32,
        reply: ReplyEmpty,
    ) {
        match self.fs.fallocate(fh.0, offset, length, mode) {
            Ok(()) => reply.ok(),
            Err(e) => reply.error(fail(e)),
        }
    }
}

fn xattr_reply(r: Result<Vec<u8>, fs::Error>, size: u32, reply: ReplyXattr) {
    match r {
        Ok(v) if size == 0 => reply.size(v.len() as u32),
        Ok(v) if v.len() > size as usize => reply.error(Errno::ERANGE),
        Ok(v) => reply.data(&v),
        Err(e) => reply.error(fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// The log lines written while `f` runs, at every level.
    fn logged(f: impl FnOnce()) -> String {
        #[derive(Clone, Default)]
        struct Buf(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buf {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buf = Buf::default();
        let out = buf.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || out.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, f);
        let text = buf.0.lock().unwrap().clone();
        String::from_utf8(text).unwrap()
    }

    #[test]
    fn a_failure_is_logged_with_operation_path_and_errno_and_answered_with_the_errno() {
        let mut answer = None;
        let log = logged(|| {
            answer =
                Some(fail(fs::Error { op: "write", path: "usr/lib/x".into(), errno: nix::errno::Errno::EIO }))
        });
        assert_eq!(answer, Some(Errno::EIO));
        assert!(log.contains("WARN"), "{log}");
        assert!(
            log.contains("op=\"write\"") && log.contains("path=usr/lib/x") && log.contains("EIO"),
            "{log}"
        );
        // An answer programs expect in normal use is only a debug line.
        let log = logged(|| {
            fail(fs::Error { op: "lookup", path: "etc/missing".into(), errno: nix::errno::Errno::ENOENT });
        });
        assert!(log.contains("DEBUG") && !log.contains("WARN"), "{log}");
    }
}
