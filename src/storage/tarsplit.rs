//! The tar stream of a layer without its file contents ("tar-split", as podman keeps it), so that
//! the exact uncompressed stream (the layer's diff id) can be rebuilt from the unpacked files
//! for `save` and `push` after the compressed blob was dropped.
//!
//! While a layer is unpacked, [`SplitReader`] sits under the tar reader and copies every byte of
//! the stream to `ROOT/layers/<chain>/tar-split.zst` except the contents of regular files, which
//! the unpacker announces ([`Split::file`]) before reading them; in their place goes a record
//! naming the file (relative to `diff/`) and its size. Records, zstd-compressed:
//!
//! ```text
//! 'R' u32-le LEN  LEN bytes        raw bytes of the stream (headers, padding, the trailer)
//! 'F' u64-le SIZE u32-le LEN PATH  SIZE bytes of content, read from diff/PATH
//! 'E'                              the end
//! ```
//!
//! A layer whose contents cannot all be found again in `diff/` (a path written twice, a file
//! replaced or removed by a later entry of the same layer) is marked not reproducible: the caller
//! keeps its compressed blob instead.
//!
//! [`LayerTar`] rebuilds the stream. It reads files through `openat2` with
//! `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS` from the layer's `diff/`, so nothing outside the layer is
//! ever read, checks each file's size, and hashes everything it returns: at the end the digest must
//! be the diff id, or the read fails (the layer was changed after it was unpacked).

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rustix::fs::{Mode, OFlags, ResolveFlags};
use sha2::{Digest as _, Sha256};

use super::sha256_digest;

/// The name of the tar-split file in a layer's directory.
pub(crate) const FILE_NAME: &str = "tar-split.zst";

/// Segment buffer size: raw bytes are written in records of at most this size.
const RAW_CHUNK: usize = 64 * 1024;

/// The recording state shared by the [`SplitReader`] (bytes) and the unpacker (file records).
pub(crate) struct Split {
    out: zstd::stream::write::Encoder<'static, io::BufWriter<File>>,
    path: PathBuf,
    pending: Vec<u8>,
    /// Bytes of the stream seen so far.
    pos: u64,
    /// Content bytes still to leave out.
    skip: u64,
    /// Why the layer cannot be rebuilt, once known.
    broken: Option<&'static str>,
    /// Write error, reported at the end.
    error: Option<io::Error>,
}

/// A handle on the recording, given to the unpacker.
pub(crate) type SplitHandle = Rc<RefCell<Split>>;

impl Split {
    /// Starts recording into `path` (a new file).
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub(crate) fn create(path: &Path) -> io::Result<SplitHandle> {
        let file = File::options().write(true).create_new(true).open(path)?;
        let out = zstd::stream::write::Encoder::new(io::BufWriter::new(file), 3)?;
        Ok(Rc::new(RefCell::new(Split {
            out,
            path: path.to_owned(),
            pending: Vec::with_capacity(RAW_CHUNK),
            pos: 0,
            skip: 0,
            broken: None,
            error: None,
        })))
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.error.is_none() && self.broken.is_none() {
            if let Err(e) = self.out.write_all(bytes) {
                self.error = Some(e);
            }
        }
    }

    fn flush_raw(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let mut head = [0u8; 5];
        head[0] = b'R';
        head[1..].copy_from_slice(&(pending.len() as u32).to_le_bytes());
        self.write(&head);
        self.write(&pending);
        self.pending = pending;
        self.pending.clear();
    }

    /// Bytes the tar reader is about to see.
    fn observe(&mut self, mut buf: &[u8]) {
        self.pos += buf.len() as u64;
        if self.skip > 0 {
            let n = self.skip.min(buf.len() as u64) as usize;
            self.skip -= n as u64;
            buf = &buf[n..];
        }
        while !buf.is_empty() {
            let room = RAW_CHUNK - self.pending.len();
            let n = room.min(buf.len());
            self.pending.extend_from_slice(&buf[..n]);
            buf = &buf[n..];
            if self.pending.len() == RAW_CHUNK {
                self.flush_raw();
            }
        }
    }

    /// The content of a regular file, `size` bytes at stream offset `pos`, is about to be read
    /// and written to `rel` (relative to `diff/`).
    pub(crate) fn file(&mut self, pos: u64, size: u64, rel: &Path) {
        if pos != self.pos || self.skip != 0 {
            self.broken = Some("the tar reader read ahead of a file's content");
            return;
        }
        self.flush_raw();
        let name = rel.as_os_str().as_bytes();
        let mut head = Vec::with_capacity(13 + name.len());
        head.push(b'F');
        head.extend_from_slice(&size.to_le_bytes());
        head.extend_from_slice(&(name.len() as u32).to_le_bytes());
        head.extend_from_slice(name);
        self.write(&head);
        self.skip = size;
    }

    /// The layer cannot be rebuilt from its files (`why`).
    pub(crate) fn broken(&mut self, why: &'static str) {
        if self.broken.is_none() {
            tracing::debug!(reason = why, "layer not reproducible from its files: keeping its blob");
            self.broken = Some(why);
        }
    }

    /// Ends the recording once the whole stream was read. `Ok(true)`: the file is complete and
    /// the layer can be rebuilt; `Ok(false)`: it cannot (the file is removed).
    pub(crate) fn finish(handle: SplitHandle) -> io::Result<bool> {
        let split = match Rc::try_unwrap(handle) {
            Ok(cell) => cell.into_inner(),
            Err(_) => return Err(io::Error::other("tar-split recording still in use")),
        };
        let mut split = split;
        split.flush_raw();
        split.write(b"E");
        let path = split.path.clone();
        if let Some(e) = split.error.take() {
            return Err(e);
        }
        if split.broken.is_some() {
            drop(split);
            fs_err::remove_file(&path)?;
            return Ok(false);
        }
        let writer = split.out.finish()?;
        writer.into_inner().map_err(|e| e.into_error())?;
        Ok(true)
    }
}

/// Passes the layer stream to the tar reader and records it in a [`Split`].
pub(crate) struct SplitReader<R> {
    inner: R,
    split: SplitHandle,
}

impl<R> SplitReader<R> {
    pub(crate) fn new(inner: R, split: SplitHandle) -> Self {
        SplitReader { inner, split }
    }
}

impl<R: Read> Read for SplitReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.split.borrow_mut().observe(&buf[..n]);
        Ok(n)
    }
}

/// The rebuilt tar stream of a layer; fails at its end unless it hashes to the diff id.
pub struct LayerTar {
    records: zstd::stream::read::Decoder<'static, BufReader<File>>,
    diff: File,
    diff_id: String,
    hasher: Sha256,
    /// What is being returned: raw bytes, or a file's content.
    current: Current,
    done: bool,
}

enum Current {
    None,
    Raw(u64),
    File { file: File, left: u64, path: PathBuf },
}

impl std::fmt::Debug for LayerTar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayerTar").field("diff_id", &self.diff_id).finish_non_exhaustive()
    }
}

fn corrupt(what: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.into())
}

impl LayerTar {
    /// Opens the rebuild of the layer whose tar-split file is `split` and files are in `diff`.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub(crate) fn open(split: &Path, diff: &Path, diff_id: &str) -> io::Result<LayerTar> {
        let records = zstd::stream::read::Decoder::new(File::open(split)?)?;
        let diff = File::options()
            .read(true)
            .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(diff)?;
        Ok(LayerTar {
            records,
            diff,
            diff_id: diff_id.to_owned(),
            hasher: Sha256::new(),
            current: Current::None,
            done: false,
        })
    }

    fn next_record(&mut self) -> io::Result<()> {
        let mut tag = [0u8; 1];
        self.records.read_exact(&mut tag).map_err(|_| corrupt("tar-split record missing"))?;
        match tag[0] {
            b'R' => {
                let mut len = [0u8; 4];
                self.records.read_exact(&mut len)?;
                self.current = Current::Raw(u64::from(u32::from_le_bytes(len)));
            }
            b'F' => {
                let mut size = [0u8; 8];
                let mut len = [0u8; 4];
                self.records.read_exact(&mut size)?;
                self.records.read_exact(&mut len)?;
                let len = u32::from_le_bytes(len) as usize;
                if len > 64 * 1024 {
                    return Err(corrupt("tar-split path too long"));
                }
                let mut name = vec![0u8; len];
                self.records.read_exact(&mut name)?;
                let size = u64::from_le_bytes(size);
                let path = PathBuf::from(std::ffi::OsStr::from_bytes(&name));
                let fd = rustix::fs::openat2(
                    &self.diff,
                    &path,
                    OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW,
                    Mode::empty(),
                    ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS,
                )
                .map_err(|e| {
                    io::Error::new(
                        io::Error::from(e).kind(),
                        format!("layer file {} cannot be opened: {e}", path.display()),
                    )
                })?;
                let file = File::from(fd);
                let meta = file.metadata()?;
                if !meta.is_file() || meta.len() != size {
                    return Err(corrupt(format!(
                        "layer file {} changed since it was unpacked (size {} instead of {size})",
                        path.display(),
                        meta.len()
                    )));
                }
                self.current = Current::File { file, left: size, path };
            }
            b'E' => {
                self.done = true;
                let actual = sha256_digest(self.hasher.clone());
                if actual != self.diff_id {
                    return Err(corrupt(format!(
                        "the layer's files changed since it was unpacked: rebuilt {actual}, expected {}",
                        self.diff_id
                    )));
                }
            }
            other => return Err(corrupt(format!("unknown tar-split record {other:#x}"))),
        }
        Ok(())
    }
}

impl Read for LayerTar {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if buf.is_empty() {
                return Ok(0);
            }
            let n = match &mut self.current {
                Current::None => {
                    if self.done {
                        return Ok(0);
                    }
                    self.next_record()?;
                    continue;
                }
                Current::Raw(0) | Current::File { left: 0, .. } => {
                    self.current = Current::None;
                    continue;
                }
                Current::Raw(left) => {
                    let want = (*left).min(buf.len() as u64) as usize;
                    self.records.read_exact(&mut buf[..want]).map_err(|_| corrupt("tar-split truncated"))?;
                    *left -= want as u64;
                    want
                }
                Current::File { file, left, path } => {
                    let want = (*left).min(buf.len() as u64) as usize;
                    let n = file.read(&mut buf[..want])?;
                    if n == 0 {
                        return Err(corrupt(format!(
                            "layer file {} is shorter than recorded",
                            path.display()
                        )));
                    }
                    *left -= n as u64;
                    n
                }
            };
            self.hasher.update(&buf[..n]);
            return Ok(n);
        }
    }
}
