//! Unpacking a layer tar into an empty staging directory, as root (of a user namespace or not).
//!
//! Path safety (CVE-2018-15664, CVE-2019-14271, CVE-2021-30465 and the tar-slip family): nothing
//! is ever written outside the destination.
//! - entry names and hardlink targets are normalised lexically; `..` components and absolute
//!   paths are refused with an error naming the entry;
//! - the destination starts empty and only this unpacker writes into it, so the only symlinks in
//!   it are those this archive created. They are tracked in a set, and an entry (or hardlink
//!   target) whose parent is one of them is refused: no path is ever resolved through a symlink;
//! - the final component is never followed: files are created with `O_CREAT|O_EXCL|O_NOFOLLOW`
//!   after removing whatever was there, ownership and times are set with `AT_SYMLINK_NOFOLLOW`
//!   or on the open descriptor, hardlinks use `linkat` without `AT_SYMLINK_FOLLOW`;
//! - directory modes and times are applied at the end through `O_DIRECTORY|O_NOFOLLOW`, and a
//!   directory replaced by a later entry drops its pending metadata.
//!
//! Whiteouts: `.wh.NAME` becomes a 0/0 character device `NAME`, `.wh..wh..opq` sets the opaque
//! xattr (`user.` or `trusted.overlay.opaque`) on its directory; other `.wh..wh.` names are AUFS
//! bookkeeping and are skipped. Overlay xattrs in the archive itself are dropped, so a layer
//! cannot steer overlayfs (redirects, metacopy).
//!
//! Metadata order per entry: create, `chown` (clears setuid/setgid and file capabilities), xattrs,
//! `chmod`, times. Owners not mapped in the current user namespace become 0 and are counted.
//! Nothing is fsynced here: the caller syncs the filesystem once before publishing.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs::{File, FileTimes, Permissions};
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use nix::errno::Errno;
use nix::fcntl::AtFlags;
use nix::sys::stat::{makedev, mknod, utimensat, Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;
use nix::unistd::{fchown, fchownat, Gid, Uid};
use tar::EntryType;
use xattr::FileExt as _;

use super::tarsplit::SplitHandle;
use super::Error;

/// What an unpack did besides creating entries, for one summary warning by the caller.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnpackStats {
    /// Entries in the archive (whiteouts included).
    pub entries: u64,
    /// Entries owned by a uid or gid not mapped in the user namespace, given to root instead.
    pub unmapped_owners: u64,
    /// Device nodes that could not be created (`mknod` refused, as in a user namespace).
    pub skipped_devices: u64,
    /// Extended attributes that could not be set.
    pub skipped_xattrs: u64,
    /// Entries of kinds that are not unpacked (AUFS metadata, unknown types).
    pub skipped_entries: u64,
    /// The mode (permission bits) of the archive's root entry (`./`), when it has one.
    #[serde(default)]
    pub root_mode: Option<u32>,
}

/// The uid or gid ranges of the current user namespace (`/proc/self/{uid,gid}_map`).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdRanges(Option<Vec<(u64, u64)>>);

impl IdRanges {
    pub(crate) fn current(file: &str) -> IdRanges {
        let Ok(text) = fs_err::read_to_string(file) else { return IdRanges(None) };
        let ranges = text
            .lines()
            .filter_map(|l| {
                let mut f = l.split_whitespace().map(|n| n.parse::<u64>());
                match (f.next(), f.next(), f.next()) {
                    (Some(Ok(inside)), Some(Ok(_)), Some(Ok(count))) => Some((inside, count)),
                    _ => None,
                }
            })
            .collect();
        IdRanges(Some(ranges))
    }

    fn contains(&self, id: u64) -> bool {
        match &self.0 {
            None => true,
            Some(r) => r.iter().any(|(start, count)| id >= *start && id - start < *count),
        }
    }
}

/// Settings for one unpack.
#[derive(Debug, Clone)]
pub(crate) struct UnpackOptions {
    /// `user.overlay.opaque` (rootless) or `trusted.overlay.opaque`.
    pub opaque_xattr: &'static str,
    pub uids: IdRanges,
    pub gids: IdRanges,
}

/// Where an error happened: reading the archive, or writing one entry. The text of a tar
/// error may quote bytes of the archive: control characters are escaped so that nothing from
/// an image reaches the terminal as is.
fn archive_err(source: io::Error) -> Error {
    let text = source.to_string();
    let source = if text.chars().any(char::is_control) {
        io::Error::new(source.kind(), printable(&text))
    } else {
        source
    };
    Error::Archive { digest: String::new(), source }
}

/// `text` with control characters written as escapes (`\u{1b}`, `\n`).
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

/// The largest GNU long name / long link or pax extended header accepted (podman: 1 MiB). The
/// tar reader buffers these whole, so a claim of gigabytes must be refused before it reads.
pub(crate) const MAX_TAR_HEADER: u64 = 1 << 20;

/// Watches the tar stream on its way to the tar reader and refuses an extension header (GNU
/// `L`/`K`, pax `x`/`g`) that claims more than [`MAX_TAR_HEADER`] bytes, before the reader
/// buffers it. It follows the archive's layout (512-byte header blocks, data padded to 512, pax
/// `size` records) without copying anything but the headers it needs.
pub(crate) struct HeaderGuard<R> {
    inner: R,
    /// Bytes of data (and padding) to pass before the next header block.
    skip: u64,
    header: [u8; 512],
    filled: usize,
    /// The data of a pax `x` header being collected (its `size` record applies to the next entry).
    pax: Option<(Vec<u8>, u64)>,
    next_size: Option<u64>,
    zero_blocks: u8,
}

impl<R> HeaderGuard<R> {
    pub(crate) fn new(inner: R) -> Self {
        HeaderGuard {
            inner,
            skip: 0,
            header: [0; 512],
            filled: 0,
            pax: None,
            next_size: None,
            zero_blocks: 0,
        }
    }

    /// The tar reader stops at the first zero block; so does the guard.
    fn done(&self) -> bool {
        self.zero_blocks >= 1
    }

    /// Looks at a complete header block; sets how much data follows.
    fn header_block(&mut self) -> io::Result<()> {
        let h = &self.header;
        if h.iter().all(|b| *b == 0) {
            self.zero_blocks += 1;
            return Ok(());
        }
        self.zero_blocks = 0;
        let size = header_size(&h[124..136])
            .ok_or_else(|| io::Error::other("invalid size field in a tar header"))?;
        let kind = h[156];
        let what = match kind {
            b'L' => Some("GNU long name"),
            b'K' => Some("GNU long link name"),
            b'x' => Some("pax extended header"),
            b'g' => Some("pax global header"),
            _ => None,
        };
        if let Some(what) = what {
            if size > MAX_TAR_HEADER {
                return Err(io::Error::other(format!(
                    "the archive has a {what} of {size} bytes, more than the 1 MiB limit"
                )));
            }
        }
        let data = match what {
            Some(_) => size,
            None => self.next_size.take().unwrap_or(size),
        };
        // The tar reader applies a pax `size` record only from a ustar or GNU header.
        let recognized = &h[257..263] == b"ustar\0" || &h[257..265] == b"ustar  \0";
        if kind == b'x' && recognized {
            self.pax = Some((Vec::with_capacity(size as usize), size));
        }
        self.skip = data.div_ceil(512) * 512;
        Ok(())
    }

    /// Takes in `buf` (bytes the reader is about to see).
    fn observe(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() && !self.done() {
            if self.skip > 0 {
                let n = (self.skip.min(buf.len() as u64)) as usize;
                if let Some((data, want)) = &mut self.pax {
                    let room = (*want as usize).saturating_sub(data.len()).min(n);
                    data.extend_from_slice(&buf[..room]);
                }
                self.skip -= n as u64;
                buf = &buf[n..];
                if self.skip == 0 {
                    if let Some((data, _)) = self.pax.take() {
                        self.next_size = pax_size(&data);
                    }
                }
                continue;
            }
            let n = (512 - self.filled).min(buf.len());
            self.header[self.filled..self.filled + n].copy_from_slice(&buf[..n]);
            self.filled += n;
            buf = &buf[n..];
            if self.filled == 512 {
                self.filled = 0;
                self.header_block()?;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for HeaderGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.observe(&buf[..n])?;
        Ok(n)
    }
}

/// A tar numeric field: octal text, or base-256 when the high bit of the first byte is set.
fn header_size(field: &[u8]) -> Option<u64> {
    if field[0] & 0x80 != 0 {
        let mut v: u64 = u64::from(field[0] & 0x7f);
        for b in &field[1..] {
            v = v.checked_mul(256)?.checked_add(u64::from(*b))?;
        }
        return Some(v);
    }
    // As the tar reader does: up to the first NUL, white space trimmed.
    let field = &field[..field.iter().position(|b| *b == 0).unwrap_or(field.len())];
    let text = std::str::from_utf8(field).ok()?.trim();
    u64::from_str_radix(text, 8).ok()
}

/// The `size` record of pax extended header data (`"NN size=1234\n"` records).
fn pax_size(mut data: &[u8]) -> Option<u64> {
    let mut found = None;
    while !data.is_empty() {
        let space = data.iter().position(|b| *b == b' ')?;
        let len: usize = std::str::from_utf8(&data[..space]).ok()?.parse().ok()?;
        if len <= space || len > data.len() {
            return found;
        }
        let record = &data[space + 1..len];
        if let Some(v) = record.strip_prefix(b"size=") {
            let v = v.strip_suffix(b"\n").unwrap_or(v);
            found = std::str::from_utf8(v).ok().and_then(|t| t.parse().ok());
        }
        data = &data[len..];
    }
    found
}

struct DirMeta {
    mode: u32,
    mtime: SystemTime,
}

/// Ownership, xattrs, mode and mtime of one entry, from its header and PAX records.
struct Meta {
    uid: u64,
    gid: u64,
    mode: u32,
    mtime: SystemTime,
    xattrs: Vec<(OsString, Vec<u8>)>,
}

/// Unpacks `archive` into `dest`, an existing empty directory.
#[cfg(test)]
pub(crate) fn unpack(archive: impl Read, dest: &Path, opts: &UnpackOptions) -> Result<UnpackStats, Error> {
    unpack_recorded(archive, dest, opts, None)
}

/// Unpacks `archive` into `dest`, an existing empty directory. With `split`, the caller reads
/// the stream through its [`SplitReader`](super::tarsplit::SplitReader) and the unpacker tells it
/// where file contents are (see [`tarsplit`](super::tarsplit)).
pub(crate) fn unpack_recorded(
    archive: impl Read,
    dest: &Path,
    opts: &UnpackOptions,
    split: Option<SplitHandle>,
) -> Result<UnpackStats, Error> {
    let mut u = Unpacker {
        dest,
        opts,
        symlinks: HashSet::new(),
        dirs: HashMap::new(),
        buf: vec![0; 128 * 1024],
        stats: UnpackStats::default(),
        default_owner: default_owner(dest),
        split,
        recorded: HashSet::new(),
    };
    let mut archive = tar::Archive::new(HeaderGuard::new(archive));
    for entry in archive.entries().map_err(archive_err)? {
        let mut entry = entry.map_err(archive_err)?;
        u.stats.entries += 1;
        u.entry(&mut entry)?;
    }
    u.finish()?;
    Ok(u.stats)
}

/// The owner new files get without a chown, if it is predictable (no setgid on `dest`).
fn default_owner(dest: &Path) -> Option<(u64, u64)> {
    let m = fs_err::metadata(dest).ok()?;
    if m.mode() & libc::S_ISGID != 0 {
        return None;
    }
    Some((nix::unistd::geteuid().as_raw().into(), nix::unistd::getegid().as_raw().into()))
}

struct Unpacker<'a> {
    dest: &'a Path,
    opts: &'a UnpackOptions,
    /// Paths (relative to `dest`) of symlinks this archive created.
    symlinks: HashSet<PathBuf>,
    /// Directories whose mode and mtime are applied at the end.
    dirs: HashMap<PathBuf, DirMeta>,
    buf: Vec<u8>,
    stats: UnpackStats,
    default_owner: Option<(u64, u64)>,
    /// The tar-split being recorded, if any.
    split: Option<SplitHandle>,
    /// Files whose content the tar-split refers to (relative to `dest`).
    recorded: HashSet<PathBuf>,
}

/// Normalises an archive path: `.` and empty components dropped; `..` and absolute refused.
fn safe_rel(raw: &[u8]) -> Result<PathBuf, &'static str> {
    if raw.first() == Some(&b'/') {
        return Err("absolute path");
    }
    let mut p = PathBuf::new();
    for comp in raw.split(|b| *b == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => return Err("path contains \"..\""),
            c => p.push(OsStr::from_bytes(c)),
        }
    }
    Ok(p)
}

fn entry_name(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw).into_owned()
}

fn to_time(secs: i64, nanos: u32) -> SystemTime {
    if secs >= 0 {
        SystemTime::UNIX_EPOCH + Duration::new(secs as u64, nanos)
    } else {
        SystemTime::UNIX_EPOCH
    }
}

fn timespec(t: SystemTime) -> TimeSpec {
    let d = t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    TimeSpec::new(d.as_secs() as i64, d.subsec_nanos() as i64)
}

/// Parses a PAX time (`1700000000.5`) into seconds and nanoseconds.
fn pax_time(v: &[u8]) -> Option<(i64, u32)> {
    let s = std::str::from_utf8(v).ok()?;
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let secs = int.parse::<i64>().ok()?;
    let mut digits: String = frac.chars().take(9).collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    while digits.len() < 9 {
        digits.push('0');
    }
    Some((secs, digits.parse().ok()?))
}

impl Unpacker<'_> {
    fn entry<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<(), Error> {
        let kind = entry.header().entry_type();
        if kind == EntryType::XGlobalHeader {
            self.stats.entries -= 1;
            return Ok(());
        }
        let raw = entry.path_bytes().into_owned();
        let unsafe_path = |reason| Error::UnsafePath { entry: entry_name(&raw), reason };
        let rel = safe_rel(&raw).map_err(unsafe_path)?;
        self.check_parents(&rel).map_err(unsafe_path)?;
        let meta = self.meta(entry)?;
        let unpack_err = |source| Error::Unpack { entry: entry_name(&raw), source };

        if let Some(name) = rel.file_name().map(|n| n.as_bytes()) {
            if let Some(hidden) = name.strip_prefix(b".wh.") {
                let parent = rel.parent().unwrap_or(Path::new(""));
                if hidden == b".wh..opq" {
                    return self.opaque(parent).map_err(unpack_err);
                }
                if hidden.starts_with(b".wh.") {
                    self.stats.skipped_entries += 1;
                    return Ok(());
                }
                if hidden.is_empty() || hidden == b"." || hidden == b".." || hidden.contains(&b'/') {
                    return Err(unsafe_path("invalid whiteout name"));
                }
                return self.whiteout(&parent.join(OsStr::from_bytes(hidden)), &meta).map_err(unpack_err);
            }
        }

        if rel.as_os_str().is_empty() {
            // "./": the layer root itself.
            if kind != EntryType::Directory && !raw.ends_with(b"/") {
                return Err(unsafe_path("root entry is not a directory"));
            }
            self.stats.root_mode = Some(meta.mode & 0o7777);
            return self.dir(&rel, &meta).map_err(unpack_err);
        }

        // Old tars mark directories with a trailing slash on a regular entry.
        let is_dir = kind == EntryType::Directory
            || (matches!(kind, EntryType::Regular | EntryType::Continuous) && raw.ends_with(b"/"));
        match kind {
            _ if is_dir => self.dir(&rel, &meta).map_err(unpack_err),
            EntryType::Regular | EntryType::Continuous => self.file(entry, &rel, &meta, &raw),
            // A sparse entry's real size is whatever its header claims (up to 2^63): written out
            // as zeros it fills the disk. podman refuses the type too.
            EntryType::GNUSparse => Err(unsafe_path("GNU sparse files are not supported")),
            EntryType::Symlink => {
                let target = entry.link_name_bytes().map(|t| t.into_owned()).unwrap_or_default();
                if target.is_empty() {
                    return Err(unsafe_path("symlink without a target"));
                }
                self.symlink(&rel, &target, &meta).map_err(unpack_err)
            }
            EntryType::Link => {
                let target = entry.link_name_bytes().map(|t| t.into_owned()).unwrap_or_default();
                let target =
                    safe_rel(&target).map_err(|_| unsafe_path("hardlink target outside the layer"))?;
                if target.as_os_str().is_empty() {
                    return Err(unsafe_path("hardlink to the layer root"));
                }
                self.check_parents(&target).map_err(|_| unsafe_path("hardlink target below a symlink"))?;
                self.hardlink(&rel, &target).map_err(unpack_err)
            }
            EntryType::Char | EntryType::Block | EntryType::Fifo => {
                let major = entry.header().device_major().ok().flatten().unwrap_or(0);
                let minor = entry.header().device_minor().ok().flatten().unwrap_or(0);
                let sflag = match kind {
                    EntryType::Char => SFlag::S_IFCHR,
                    EntryType::Block => SFlag::S_IFBLK,
                    _ => SFlag::S_IFIFO,
                };
                self.node(&rel, sflag, makedev(major.into(), minor.into()), &meta).map_err(unpack_err)
            }
            other => {
                tracing::debug!(entry = %entry_name(&raw), kind = ?other, "skipping tar entry");
                self.stats.skipped_entries += 1;
                Ok(())
            }
        }
    }

    fn meta<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<Meta, Error> {
        let h = entry.header();
        let mut meta = Meta {
            uid: h.uid().map_err(archive_err)?,
            gid: h.gid().map_err(archive_err)?,
            mode: h.mode().map_err(archive_err)? & 0o7777,
            mtime: to_time(h.mtime().map_err(archive_err)? as i64, 0),
            xattrs: Vec::new(),
        };
        if let Some(exts) = entry.pax_extensions().map_err(archive_err)? {
            for ext in exts {
                let ext = ext.map_err(archive_err)?;
                let key = ext.key_bytes();
                if let Some(name) = key.strip_prefix(b"SCHILY.xattr.") {
                    if !name.starts_with(b"user.overlay.") && !name.starts_with(b"trusted.overlay.") {
                        meta.xattrs.push((OsStr::from_bytes(name).to_owned(), ext.value_bytes().to_vec()));
                    }
                } else if key == b"mtime" {
                    if let Some((s, n)) = pax_time(ext.value_bytes()) {
                        meta.mtime = to_time(s, n);
                    }
                }
            }
        }
        Ok(meta)
    }

    /// Refuses a path whose parent is a symlink created by this archive.
    fn check_parents(&self, rel: &Path) -> Result<(), &'static str> {
        if self.symlinks.is_empty() {
            return Ok(());
        }
        for a in rel.ancestors().skip(1) {
            if a.as_os_str().is_empty() {
                break;
            }
            if self.symlinks.contains(a) {
                return Err("parent directory is a symlink");
            }
        }
        Ok(())
    }

    /// Removes whatever is at `rel` so that a new entry can take its place.
    fn clear(&mut self, rel: &Path, abs: &Path) -> io::Result<()> {
        let m = match fs_err::symlink_metadata(abs) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        if let Some(split) = &self.split {
            let gone = if m.is_dir() {
                self.recorded.iter().any(|p| p.starts_with(rel))
            } else {
                self.recorded.contains(rel)
            };
            if gone {
                split.borrow_mut().broken("a later entry replaces a file of the same layer");
            }
        }
        if m.is_dir() {
            fs_err::remove_dir_all(abs)?;
            self.symlinks.retain(|p| !p.starts_with(rel));
            self.dirs.retain(|p, _| !p.starts_with(rel));
        } else {
            fs_err::remove_file(abs)?;
            self.symlinks.remove(rel);
        }
        Ok(())
    }

    /// Fix-up for a failed create: make missing parents, or clear an existing entry. Returns
    /// whether to retry.
    fn make_room(&mut self, rel: &Path, abs: &Path, e: &io::Error) -> io::Result<bool> {
        match e.kind() {
            io::ErrorKind::NotFound => {
                if let Some(parent) = abs.parent() {
                    std::fs::DirBuilder::new().recursive(true).create(parent)?;
                }
                Ok(true)
            }
            io::ErrorKind::AlreadyExists => {
                self.clear(rel, abs)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Creates with `create`, making missing parents or clearing an old entry if needed.
    fn create<T>(
        &mut self,
        rel: &Path,
        abs: &Path,
        mut create: impl FnMut() -> io::Result<T>,
    ) -> io::Result<T> {
        let mut tries = 0;
        loop {
            match create() {
                Err(e) if tries < 2 && self.make_room(rel, abs, &e)? => tries += 1,
                other => return other,
            }
        }
    }

    /// Maps an owner into the namespace: unmapped ids become 0 (counted once per entry).
    fn owner(&mut self, meta: &Meta) -> (u64, u64) {
        let uid = if self.opts.uids.contains(meta.uid) { meta.uid } else { 0 };
        let gid = if self.opts.gids.contains(meta.gid) { meta.gid } else { 0 };
        if (uid, gid) != (meta.uid, meta.gid) {
            self.stats.unmapped_owners += 1;
        }
        (uid, gid)
    }

    /// chown through `op`; on EINVAL (id not mapped after all) gives the entry to root.
    fn chown(&mut self, meta: &Meta, mut op: impl FnMut(Uid, Gid) -> nix::Result<()>) -> io::Result<()> {
        let (uid, gid) = self.owner(meta);
        if self.default_owner == Some((uid, gid)) {
            return Ok(());
        }
        match op(Uid::from_raw(uid as u32), Gid::from_raw(gid as u32)) {
            Ok(()) => Ok(()),
            Err(Errno::EINVAL) => {
                self.stats.unmapped_owners += 1;
                op(Uid::from_raw(0), Gid::from_raw(0)).map_err(io::Error::from)
            }
            Err(e) => Err(e.into()),
        }
    }

    fn lchown(&mut self, abs: &Path, meta: &Meta) -> io::Result<()> {
        self.chown(meta, |u, g| fchownat(None, abs, Some(u), Some(g), AtFlags::AT_SYMLINK_NOFOLLOW))
    }

    fn set_xattrs(&mut self, abs: &Path, file: Option<&File>, meta: &Meta) {
        for (name, value) in &meta.xattrs {
            let r = match file {
                Some(f) => f.set_xattr(name, value),
                None => xattr::set(abs, name, value),
            };
            if let Err(e) = r {
                tracing::debug!(path = %abs.display(), name = ?name, error = %e, "cannot set xattr");
                self.stats.skipped_xattrs += 1;
            }
        }
    }

    fn lutimes(abs: &Path, t: SystemTime) -> io::Result<()> {
        let ts = timespec(t);
        utimensat(None, abs, &ts, &ts, UtimensatFlags::NoFollowSymlink).map_err(io::Error::from)
    }

    fn dir(&mut self, rel: &Path, meta: &Meta) -> io::Result<()> {
        let abs = self.dest.join(rel);
        if !rel.as_os_str().is_empty() {
            let mut builder = std::fs::DirBuilder::new();
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&abs) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if !fs_err::symlink_metadata(&abs)?.is_dir() {
                        self.clear(rel, &abs)?;
                        builder.create(&abs)?;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    if let Some(parent) = abs.parent() {
                        std::fs::DirBuilder::new().recursive(true).create(parent)?;
                    }
                    builder.create(&abs)?;
                }
                Err(e) => return Err(e),
            }
        }
        self.lchown(&abs, meta)?;
        self.set_xattrs(&abs, None, meta);
        self.dirs.insert(rel.to_owned(), DirMeta { mode: meta.mode, mtime: meta.mtime });
        Ok(())
    }

    #[allow(
        clippy::disallowed_methods,
        reason = "hot path of unpacking: the error is wrapped with the entry path; fs_err would allocate a path per file and name it twice"
    )]
    fn file<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        rel: &Path,
        meta: &Meta,
        raw: &[u8],
    ) -> Result<(), Error> {
        let abs = self.dest.join(rel);
        let unpack_err = |source| Error::Unpack { entry: entry_name(raw), source };
        let open = || {
            File::options()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
                .open(&abs)
        };
        let mut file = self.create(rel, &abs, open).map_err(unpack_err)?;
        if let Some(split) = &self.split {
            split.borrow_mut().file(entry.raw_file_position(), entry.size(), rel);
            self.recorded.insert(rel.to_owned());
        }
        loop {
            let n = entry.read(&mut self.buf).map_err(archive_err)?;
            if n == 0 {
                break;
            }
            file.write_all(&self.buf[..n]).map_err(unpack_err)?;
        }
        let fd = file.as_raw_fd();
        self.chown(meta, |u, g| fchown(fd, Some(u), Some(g))).map_err(unpack_err)?;
        self.set_xattrs(&abs, Some(&file), meta);
        file.set_permissions(Permissions::from_mode(meta.mode)).map_err(unpack_err)?;
        file.set_times(FileTimes::new().set_accessed(meta.mtime).set_modified(meta.mtime))
            .map_err(unpack_err)?;
        self.symlinks.remove(rel);
        Ok(())
    }

    fn symlink(&mut self, rel: &Path, target: &[u8], meta: &Meta) -> io::Result<()> {
        let abs = self.dest.join(rel);
        let target = OsStr::from_bytes(target);
        self.create(rel, &abs, || std::os::unix::fs::symlink(target, &abs))?;
        self.symlinks.insert(rel.to_owned());
        self.lchown(&abs, meta)?;
        self.set_xattrs(&abs, None, meta);
        Self::lutimes(&abs, meta.mtime)
    }

    fn hardlink(&mut self, rel: &Path, target: &Path) -> io::Result<()> {
        if rel == target {
            return Ok(());
        }
        let abs = self.dest.join(rel);
        let from = self.dest.join(target);
        // A missing target is an error, not a missing parent of the new link.
        fs_err::symlink_metadata(&from)?;
        // std::fs::hard_link is linkat(2) without AT_SYMLINK_FOLLOW: a symlink target is linked
        // as the symlink itself, never followed.
        self.create(rel, &abs, || fs_err::hard_link(&from, &abs))?;
        if self.symlinks.contains(target) {
            self.symlinks.insert(rel.to_owned());
        } else {
            self.symlinks.remove(rel);
        }
        Ok(())
    }

    fn node(&mut self, rel: &Path, kind: SFlag, dev: libc::dev_t, meta: &Meta) -> io::Result<()> {
        let abs = self.dest.join(rel);
        let made = self.create(rel, &abs, || {
            mknod(&abs, kind, Mode::from_bits_truncate(0o600), dev).map_err(io::Error::from)
        });
        match made {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EPERM) && kind != SFlag::S_IFIFO => {
                tracing::debug!(path = %abs.display(), "mknod not permitted, skipping device");
                self.stats.skipped_devices += 1;
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        self.symlinks.remove(rel);
        self.lchown(&abs, meta)?;
        self.set_xattrs(&abs, None, meta);
        // The path is the node just made (nobody else writes here), so following is harmless.
        fs_err::set_permissions(&abs, Permissions::from_mode(meta.mode))?;
        Self::lutimes(&abs, meta.mtime)
    }

    fn whiteout(&mut self, rel: &Path, meta: &Meta) -> io::Result<()> {
        let abs = self.dest.join(rel);
        self.create(rel, &abs, || {
            mknod(&abs, SFlag::S_IFCHR, Mode::empty(), makedev(0, 0)).map_err(io::Error::from)
        })?;
        self.symlinks.remove(rel);
        self.lchown(&abs, meta)
    }

    fn opaque(&mut self, dir: &Path) -> io::Result<()> {
        let abs = self.dest.join(dir);
        match fs_err::symlink_metadata(&abs) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                self.clear(dir, &abs)?;
                std::fs::DirBuilder::new().recursive(true).create(&abs)?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::DirBuilder::new().recursive(true).create(&abs)?;
            }
            Err(e) => return Err(e),
        }
        xattr::set(&abs, self.opts.opaque_xattr, b"y")
    }

    /// Applies directory modes and mtimes, deepest first, so creating children does not undo them.
    #[allow(
        clippy::disallowed_methods,
        reason = "hot path of unpacking: the error is wrapped with the entry path; fs_err would allocate a path per file and name it twice"
    )]
    fn finish(&mut self) -> Result<(), Error> {
        let mut dirs: Vec<_> = self.dirs.drain().collect();
        dirs.sort_by_key(|(p, _)| std::cmp::Reverse(p.components().count()));
        for (rel, meta) in dirs {
            let abs = self.dest.join(&rel);
            let err = |source| Error::Unpack { entry: rel.to_string_lossy().into_owned(), source };
            let dir = match File::options()
                .read(true)
                .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC)
                .open(&abs)
            {
                Ok(d) => d,
                // Replaced or removed by a later entry.
                Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ELOOP | libc::ENOTDIR)) => {
                    continue;
                }
                Err(e) => return Err(err(e)),
            };
            dir.set_permissions(Permissions::from_mode(meta.mode)).map_err(err)?;
            dir.set_times(FileTimes::new().set_accessed(meta.mtime).set_modified(meta.mtime)).map_err(err)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::FileTypeExt;

    use super::*;
    use crate::storage::testutil::{TarBuilder, MTIME};

    fn opts(opaque: &'static str) -> UnpackOptions {
        UnpackOptions { opaque_xattr: opaque, uids: IdRanges(None), gids: IdRanges(None) }
    }

    /// A temp dir with `dest/` (empty) and `outside/secret`.
    fn setup() -> (tempfile::TempDir, PathBuf) {
        let t = tempfile::tempdir().unwrap();
        let dest = t.path().join("dest");
        fs_err::create_dir(&dest).unwrap();
        fs_err::create_dir(t.path().join("outside")).unwrap();
        fs_err::write(t.path().join("outside/secret"), b"secret").unwrap();
        (t, dest)
    }

    /// Whether the tests run as real root; else as root of a user namespace (`skiff unshare`),
    /// where `trusted.*` xattrs and real device nodes are refused.
    fn real_root() -> bool {
        fs_err::read_to_string("/proc/self/uid_map").unwrap().split_whitespace().collect::<Vec<_>>()
            == ["0", "0", "4294967295"]
    }

    fn opaque_xattr() -> &'static str {
        if real_root() {
            "trusted.overlay.opaque"
        } else {
            "user.overlay.opaque"
        }
    }

    fn run(tar: &[u8], dest: &Path) -> Result<UnpackStats, Error> {
        unpack(tar, dest, &opts(opaque_xattr()))
    }

    /// Everything under `dir`, relative, sorted.
    fn tree(dir: &Path) -> Vec<String> {
        fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
            for e in fs_err::read_dir(dir).unwrap() {
                let e = e.unwrap();
                out.push(e.path().strip_prefix(base).unwrap().to_string_lossy().into_owned());
                if e.file_type().unwrap().is_dir() {
                    walk(base, &e.path(), out);
                }
            }
        }
        let mut out = Vec::new();
        walk(dir, dir, &mut out);
        out.sort();
        out
    }

    fn assert_outside_untouched(t: &Path) {
        assert_eq!(tree(&t.join("outside")), vec!["secret"]);
        assert_eq!(fs_err::read(t.join("outside/secret")).unwrap(), b"secret");
        let mut top = tree(t);
        top.retain(|p| !p.starts_with("dest/") && !p.starts_with("outside/"));
        assert_eq!(top, vec!["dest", "outside"]);
    }

    fn assert_unsafe(err: Error, entry: &str) {
        match &err {
            Error::UnsafePath { entry: e, .. } => assert_eq!(e, entry, "{err}"),
            other => panic!("expected UnsafePath for {entry}, got {other:?}"),
        }
        assert!(err.to_string().contains(entry), "{err}");
    }

    #[test]
    fn whiteout_and_opaque_markers() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new()
            .dir("a/", 0o755)
            .file(".wh.gone", b"")
            .file("a/.wh..wh..opq", b"")
            .file("a/f", b"x")
            .file("b/.wh..wh..opq", b"")
            .file(".wh..wh.plnk", b"")
            .finish();
        let stats = run(&tar, &dest).unwrap();
        let m = fs_err::symlink_metadata(dest.join("gone")).unwrap();
        assert!(m.file_type().is_char_device());
        assert_eq!(m.rdev(), 0);
        for d in ["a", "b"] {
            assert_eq!(xattr::get(dest.join(d), opaque_xattr()).unwrap().as_deref(), Some(&b"y"[..]));
        }
        assert!(!dest.join(".wh.gone").exists() && !dest.join("a/.wh..wh..opq").exists());
        assert_eq!(stats.skipped_entries, 1);
    }

    #[test]
    fn rootless_opaque_uses_user_xattr() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new().dir("a/", 0o755).file("a/.wh..wh..opq", b"").finish();
        unpack(&tar[..], &dest, &opts("user.overlay.opaque")).unwrap();
        assert_eq!(xattr::get(dest.join("a"), "user.overlay.opaque").unwrap().as_deref(), Some(&b"y"[..]));
        assert_eq!(xattr::get(dest.join("a"), "trusted.overlay.opaque").unwrap(), None);
    }

    #[test]
    fn keeps_links_modes_owners_and_mtimes() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new()
            .dir("./", 0o755)
            .dir("bin/", 0o750)
            .file_owned("bin/su", b"#!su", 0o4755, 1000, 1001)
            .file_owned("bin/sg", b"#!sg", 0o2711, 0, 0)
            .dir("tmp/", 0o1777)
            .hardlink("bin/su2", "bin/su")
            .symlink("bin/sh", "su")
            .device("fifo", EntryType::Fifo, 0, 0)
            .device("null", EntryType::Char, 1, 3)
            .finish();
        let stats = run(&tar, &dest).unwrap();
        let su = fs_err::symlink_metadata(dest.join("bin/su")).unwrap();
        assert_eq!(su.mode() & 0o7777, 0o4755);
        assert_eq!((su.uid(), su.gid()), (1000, 1001));
        assert_eq!(su.mtime() as u64, MTIME);
        assert_eq!(fs_err::symlink_metadata(dest.join("bin/sg")).unwrap().mode() & 0o7777, 0o2711);
        assert_eq!(fs_err::symlink_metadata(dest.join("tmp")).unwrap().mode() & 0o7777, 0o1777);
        assert_eq!(fs_err::symlink_metadata(dest.join("bin/su2")).unwrap().ino(), su.ino());
        assert_eq!(fs_err::read_link(dest.join("bin/sh")).unwrap(), Path::new("su"));
        assert_eq!(fs_err::symlink_metadata(dest.join("bin/sh")).unwrap().mtime() as u64, MTIME);
        let bin = fs_err::symlink_metadata(dest.join("bin")).unwrap();
        assert_eq!(bin.mode() & 0o7777, 0o750);
        assert_eq!(bin.mtime() as u64, MTIME, "directory mtime set after its contents");
        assert_eq!(fs_err::symlink_metadata(&dest).unwrap().mtime() as u64, MTIME);
        assert!(fs_err::symlink_metadata(dest.join("fifo")).unwrap().file_type().is_fifo());
        if real_root() {
            let null = fs_err::symlink_metadata(dest.join("null")).unwrap();
            assert!(null.file_type().is_char_device());
            assert_eq!(null.rdev(), makedev(1, 3));
        } else {
            assert!(!dest.join("null").exists());
            assert_eq!(stats.skipped_devices, 1);
        }
        assert_eq!(stats.entries, 9);
        assert_eq!(stats.unmapped_owners, 0);
    }

    #[test]
    fn pax_xattrs_and_times() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new()
            .pax(&[
                ("SCHILY.xattr.user.note", b"hi"),
                ("SCHILY.xattr.user.overlay.redirect", b"/etc"),
                ("mtime", b"1700000000.25"),
            ])
            .file("f", b"data")
            .finish();
        run(&tar, &dest).unwrap();
        let f = dest.join("f");
        assert_eq!(xattr::get(&f, "user.note").unwrap().as_deref(), Some(&b"hi"[..]));
        assert_eq!(xattr::get(&f, "user.overlay.redirect").unwrap(), None, "overlay xattrs are dropped");
        let m = fs_err::metadata(&f).unwrap();
        assert_eq!((m.mtime(), m.mtime_nsec()), (1_700_000_000, 250_000_000));
    }

    #[test]
    fn unmapped_owners_become_root_and_are_counted() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new()
            .file_owned("a", b"", 0o644, 70000, 0)
            .file_owned("b", b"", 0o644, 5, 5)
            .finish();
        let o = UnpackOptions {
            opaque_xattr: "user.overlay.opaque",
            uids: IdRanges(Some(vec![(0, 65536)])),
            gids: IdRanges(Some(vec![(0, 65536)])),
        };
        let stats = unpack(&tar[..], &dest, &o).unwrap();
        assert_eq!(stats.unmapped_owners, 1);
        assert_eq!(fs_err::metadata(dest.join("a")).unwrap().uid(), 0);
        assert_eq!(fs_err::metadata(dest.join("b")).unwrap().uid(), 5);
    }

    #[test]
    fn ids_the_kernel_refuses_fall_back_to_root() {
        // Unknown ranges: rely on chown's EINVAL, as when /proc is not readable.
        let (_t, dest) = setup();
        let tar = TarBuilder::new().file_owned("f", b"", 0o4755, 3_000_000, 3_000_000).finish();
        let stats = unpack(&tar[..], &dest, &opts(opaque_xattr())).unwrap();
        let m = fs_err::metadata(dest.join("f")).unwrap();
        if real_root() {
            assert_eq!((m.uid(), stats.unmapped_owners), (3_000_000, 0));
        } else {
            assert_eq!((m.uid(), m.gid(), stats.unmapped_owners), (0, 0, 1));
        }
        assert_eq!(m.mode() & 0o7777, 0o4755);
    }

    #[test]
    fn later_entries_replace_earlier_ones() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new()
            .dir("d/", 0o755)
            .file("d/x", b"1")
            .file("d", b"now a file")
            .file("f", b"1")
            .dir("f/", 0o700)
            .file("g", b"old")
            .file("g", b"new")
            .finish();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::read(dest.join("d")).unwrap(), b"now a file");
        assert!(dest.join("f").is_dir());
        assert_eq!(fs_err::read(dest.join("g")).unwrap(), b"new");
    }

    #[test]
    fn regular_entry_with_trailing_slash_is_a_directory() {
        let (_t, dest) = setup();
        let mut h = tar::Header::new_old();
        h.as_old_mut().name[..4].copy_from_slice(b"old/");
        h.set_entry_type(EntryType::Regular);
        h.set_mode(0o711);
        h.set_size(0);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        let tar = TarBuilder::new().entry(h, b"").file("old/f", b"x").finish();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::metadata(dest.join("old")).unwrap().mode() & 0o7777, 0o711);
    }

    #[test]
    fn implicit_parents_are_created() {
        let (_t, dest) = setup();
        let tar = TarBuilder::new().file("a/b/c", b"x").finish();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::read(dest.join("a/b/c")).unwrap(), b"x");
    }

    #[test]
    fn refuses_dotdot() {
        let (t, dest) = setup();
        let tar = TarBuilder::new().file("ok", b"").file("../x", b"pwned").finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), "../x");
        let tar = TarBuilder::new().file("a/../../outside/secret", b"pwned").finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), "a/../../outside/secret");
        assert_outside_untouched(t.path());
    }

    #[test]
    fn refuses_absolute() {
        let (t, dest) = setup();
        let target = t.path().join("outside/secret");
        let name = target.to_str().unwrap().to_owned();
        let tar = TarBuilder::new().file(&name, b"pwned").finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), &name);
        assert_outside_untouched(t.path());
    }

    #[test]
    fn refuses_writing_through_symlinked_parent() {
        let (t, dest) = setup();
        let outside = t.path().join("outside");
        let tar =
            TarBuilder::new().symlink("a", outside.to_str().unwrap()).file("a/secret", b"pwned").finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), "a/secret");
        // Also relative symlinks, nested parents, directories and whiteouts below them.
        for (second, name) in [
            (TarBuilder::new().symlink("a", "../outside").file("a/new", b"x").finish(), "a/new"),
            (TarBuilder::new().symlink("a", "../outside").dir("a/sub/", 0o755).finish(), "a/sub/"),
            (TarBuilder::new().symlink("a", "../outside").file("a/.wh.secret", b"").finish(), "a/.wh.secret"),
            (
                TarBuilder::new().symlink("a", "../outside").file("a/.wh..wh..opq", b"").finish(),
                "a/.wh..wh..opq",
            ),
            (
                TarBuilder::new().dir("d/", 0o755).symlink("d/l", "/").file("d/l/etc/x", b"x").finish(),
                "d/l/etc/x",
            ),
        ] {
            let (t2, dest2) = setup();
            assert_unsafe(run(&second, &dest2).unwrap_err(), name);
            assert_outside_untouched(t2.path());
        }
        assert_outside_untouched(t.path());
    }

    #[test]
    fn refuses_hardlink_out() {
        let (t, dest) = setup();
        let tar = TarBuilder::new().hardlink("l", "../outside/secret").finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), "l");
        let abs = t.path().join("outside/secret");
        let tar = TarBuilder::new().hardlink("l2", abs.to_str().unwrap()).finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), "l2");
        let tar = TarBuilder::new().symlink("s", "../outside").hardlink("l3", "s/secret").finish();
        assert_unsafe(run(&tar, &dest).unwrap_err(), "l3");
        assert_outside_untouched(t.path());
        assert_eq!(fs_err::metadata(&abs).unwrap().nlink(), 1);
    }

    #[test]
    fn file_over_symlink_replaces_the_link() {
        let (t, dest) = setup();
        let tar = TarBuilder::new().symlink("x", "../outside/secret").file("x", b"pwned").finish();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::read(dest.join("x")).unwrap(), b"pwned");
        assert!(fs_err::symlink_metadata(dest.join("x")).unwrap().is_file());
        // A hardlink to a symlink is a symlink: it is tracked as one.
        let (t2, dest2) = setup();
        let tar =
            TarBuilder::new().symlink("s", "../outside").hardlink("h", "s").file("h/secret", b"x").finish();
        assert_unsafe(run(&tar, &dest2).unwrap_err(), "h/secret");
        assert_outside_untouched(t.path());
        assert_outside_untouched(t2.path());
    }

    #[test]
    fn directory_replaced_by_symlink_keeps_its_mode_off_the_target() {
        let (t, dest) = setup();
        let outside = t.path().join("outside");
        let before = fs_err::metadata(&outside).unwrap().mode();
        let tar = TarBuilder::new().dir("d/", 0o777).symlink("d", outside.to_str().unwrap()).finish();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::metadata(&outside).unwrap().mode(), before);
        assert_outside_untouched(t.path());
    }

    /// A property over random archives (a fuzz target bounded for CI): valid tars with
    /// symlinks, hardlinks, long names and pax records, then mutated (bytes flipped, cut,
    /// header fields overwritten with huge sizes and odd types). Whatever the archive, `unpack`
    /// returns (never panics), writes nothing outside `dest`, and the header guard never lets
    /// the tar reader buffer more than [`MAX_TAR_HEADER`] for one header. The seed of a failing
    /// case is printed; `SKIFF_FUZZ_CASES` raises the count.
    #[test]
    fn fuzz_tar_ingest_stays_inside_and_never_panics() {
        use rand::{Rng, SeedableRng};
        let cases: u64 = std::env::var("SKIFF_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
        for seed in 0..cases {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let mut b = TarBuilder::new();
            for i in 0..rng.gen_range(1..8) {
                match rng.gen_range(0..7) {
                    0 => b.file(&format!("f{i}"), &vec![b'x'; rng.gen_range(0..2000)]),
                    1 => b.dir(&format!("d{i}/"), 0o755),
                    2 => b.symlink(&format!("l{i}"), if rng.gen() { "../../outside" } else { "/" }),
                    3 => b.hardlink(&format!("h{i}"), "f0"),
                    4 => b.file(&format!("l{}/x", rng.gen_range(0..i + 1)), b"through"),
                    5 => {
                        b.pax(&[("path", format!("long/{}", "n".repeat(rng.gen_range(90..300))).as_bytes())])
                    }
                    _ => b.file(&format!("{}/{}", "a".repeat(rng.gen_range(1..90)), i), b"deep"),
                };
            }
            let mut tar = b.finish();
            for _ in 0..rng.gen_range(0..6) {
                let len = tar.len();
                match rng.gen_range(0..5) {
                    0 => tar[rng.gen_range(0..len)] ^= rng.gen::<u8>().max(1),
                    1 => tar.truncate(rng.gen_range(0..len)),
                    2 => {
                        // A header's size field: huge, in octal or base-256.
                        let block = rng.gen_range(0..len.div_ceil(512)) * 512;
                        if block + 136 <= len {
                            let field = &mut tar[block + 124..block + 136];
                            if rng.gen() {
                                field.copy_from_slice(b"77777777777\0");
                            } else {
                                field[0] = 0x80;
                                field[1..].fill(0xff);
                            }
                        }
                    }
                    3 => {
                        let block = rng.gen_range(0..len.div_ceil(512)) * 512;
                        if block + 157 <= len {
                            tar[block + 156] = *b"0125LKxgS7M".get(rng.gen_range(0..11)).unwrap();
                        }
                    }
                    _ => {
                        let at = rng.gen_range(0..=len);
                        let junk: Vec<u8> = (0..rng.gen_range(1..1024)).map(|_| rng.gen()).collect();
                        tar.splice(at..at, junk);
                    }
                }
            }
            let (t, dest) = setup();
            let result = std::panic::catch_unwind(|| run(&tar, &dest));
            assert!(result.is_ok(), "seed {seed}: unpack panicked");
            assert_outside_untouched(t.path());
        }
    }

    #[test]
    fn header_guard_refuses_huge_extension_headers_before_the_reader_buffers_them() {
        for kind in [b'L', b'K', b'x', b'g'] {
            let mut h = tar::Header::new_gnu();
            h.set_path("././@LongLink").unwrap();
            h.set_entry_type(EntryType::new(kind));
            h.set_size(MAX_TAR_HEADER + 1);
            h.set_cksum();
            let mut tar = h.as_bytes().to_vec();
            tar.extend(vec![b'a'; 4096]);
            let (_t, dest) = setup();
            let e = run(&tar, &dest).unwrap_err();
            assert!(
                e.to_string().contains("cannot read layer archive") || matches!(e, Error::Archive { .. }),
                "{e}"
            );
            let Error::Archive { source, .. } = &e else { panic!("{e:?}") };
            assert!(source.to_string().contains("1 MiB"), "{source}");
        }
        // A pax `size` record moves the next header: a long file after it still unpacks.
        let mut b = TarBuilder::new();
        b.pax(&[("size", b"1024")]);
        let mut h = tar::Header::new_gnu();
        h.set_path("big").unwrap();
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_entry_type(EntryType::Regular);
        h.set_size(0);
        h.set_cksum();
        b.entry(h, &[]);
        let mut tar = b.finish();
        // The entry's data (1024 bytes per the pax record) before the end blocks.
        let end = tar.len() - 1024;
        tar.splice(end..end, vec![b'z'; 1024]);
        let (_t, dest) = setup();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::read(dest.join("big")).unwrap(), vec![b'z'; 1024]);
        // GNU long names and long link names under the limit pass.
        let long = format!("{}/file", "d".repeat(200));
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_size(5);
        b.append_data(&mut h, &long, &b"hello"[..]).unwrap();
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(EntryType::Symlink);
        h.set_mode(0o777);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_size(0);
        b.append_link(&mut h, "link", &long).unwrap();
        let tar = b.into_inner().unwrap();
        let (_t, dest) = setup();
        run(&tar, &dest).unwrap();
        assert_eq!(fs_err::read(dest.join(&long)).unwrap(), b"hello");
        assert_eq!(fs_err::read_link(dest.join("link")).unwrap(), Path::new(&long));
    }
}
