//! COPY and ADD: which files a source names (paths, globs, directories, heredocs; the context
//! without what the ignore file excludes, or another stage's root), the hash of their content and
//! metadata that keys the cache (relative paths, types, modes, sizes, contents and link targets:
//! not mtimes, not where the context is), and copying them into a step's root, path-safe (the
//! destination is resolved inside the root as the container would resolve it).

use std::io::{self, Read};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use regex::Regex;
use sha2::{Digest as _, Sha256};

use super::ignore::Ignore;
use super::root::Root;

/// Why a source cannot be used (the step adds the file, line and instruction).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: no such file or directory in the build context")]
    Missing { path: String },
    #[error("{path}: no such file or directory in {from}")]
    MissingFrom { path: String, from: String },
    #[error("no files match {pattern:?}")]
    NoMatch { pattern: String },
    #[error("{path}: the path is outside the build context")]
    Outside { path: String },
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot extract the archive {}", path.display())]
    Extract {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Where sources are read from.
pub struct From<'a> {
    /// The context directory, or another stage's (image's) mounted root.
    pub root: &'a Path,
    /// The context's ignore patterns (none for a stage).
    pub ignore: Option<&'a Ignore>,
    /// For messages: `the build context` or `stage NAME`.
    pub name: String,
}

/// One entry to copy.
#[derive(Debug)]
struct Entry {
    /// The path on the host.
    path: PathBuf,
    /// Below the copied directory ("" for the source itself).
    rel: PathBuf,
    meta: std::fs::Metadata,
}

/// One matched source: a file, a symlink, or a directory whose contents are copied.
#[derive(Debug)]
struct Group {
    /// The source's file name (where a file goes inside a destination directory).
    name: std::ffi::OsString,
    is_dir: bool,
    entries: Vec<Entry>,
}

/// What a COPY/ADD copies.
#[derive(Debug, Default)]
pub struct Plan {
    groups: Vec<Group>,
    heredocs: Vec<(String, Vec<u8>)>,
    /// Downloaded files (ADD URL): name, the scratch file, mtime.
    downloads: Vec<(String, PathBuf, Option<i64>)>,
}

impl Plan {
    /// Whether more than one thing is copied (then the destination is a directory).
    pub fn is_several(&self) -> bool {
        self.groups.len() + self.heredocs.len() + self.downloads.len() > 1
    }

    /// Adds a downloaded file (`ADD URL`): `name` in a destination directory, 0600 unless
    /// `--chmod`, `mtime` (Last-Modified) else now.
    pub fn add_download(&mut self, name: &str, file: PathBuf, mtime: Option<i64>) {
        self.downloads.push((name.into(), file, mtime));
    }

    /// Adds a heredoc source (`COPY <<EOF /dest`): a file named after the delimiter... whose
    /// name is the destination's when the destination is a file.
    pub fn add_heredoc(&mut self, name: &str, content: Vec<u8>) {
        self.heredocs.push((name.into(), content));
    }

    /// Adds what `pattern` (relative to the source root; globs allowed) names.
    pub fn add(&mut self, from: &From<'_>, pattern: &str) -> Result<(), Error> {
        let rel = clean(pattern).ok_or_else(|| Error::Outside { path: pattern.into() })?;
        let matches = if super::words::has_glob(&rel) {
            let found = glob(from, &rel)?;
            if found.is_empty() {
                return Err(Error::NoMatch { pattern: pattern.into() });
            }
            found
        } else {
            vec![rel]
        };
        for rel in matches {
            let ignored = from.ignore.is_some_and(|i| !rel.is_empty() && i.excludes(&rel));
            let path = crate::runtime::linux::mounts::secure_join(from.root, Path::new(&rel))
                .map_err(|source| Error::Read { path: from.root.join(&rel), source })?;
            let meta = match fs_err::symlink_metadata(&path) {
                Ok(m) if !ignored => m,
                _ if from.ignore.is_some() => return Err(Error::Missing { path: pattern.into() }),
                _ => return Err(Error::MissingFrom { path: pattern.into(), from: from.name.clone() }),
            };
            let name = Path::new(&rel).file_name().map(|n| n.to_os_string()).unwrap_or_default();
            let mut entries = vec![Entry { path: path.clone(), rel: PathBuf::new(), meta: meta.clone() }];
            if meta.is_dir() {
                walk(from, &path, &rel, Path::new(""), &mut entries)?;
            }
            self.groups.push(Group { name, is_dir: meta.is_dir(), entries });
        }
        Ok(())
    }

    /// The hash of what is copied: relative paths, types, modes, sizes, contents, link targets.
    pub fn hash(&self) -> Result<String, Error> {
        let mut h = Sha256::new();
        for g in &self.groups {
            h.update(b"group\0");
            h.update(g.name.as_encoded_bytes());
            h.update([g.is_dir as u8]);
            for e in &g.entries {
                h.update(b"\0entry\0");
                h.update(e.rel.as_os_str().as_encoded_bytes());
                h.update(format!("\0{:o}\0{}\0", e.meta.mode(), e.meta.len()).as_bytes());
                if e.meta.is_file() {
                    let mut f = fs_err::File::open(&e.path)
                        .map_err(|source| Error::Read { path: e.path.clone(), source })?;
                    io::copy(&mut f, &mut h)
                        .map_err(|source| Error::Read { path: e.path.clone(), source })?;
                } else if e.meta.file_type().is_symlink() {
                    let t = fs_err::read_link(&e.path)
                        .map_err(|source| Error::Read { path: e.path.clone(), source })?;
                    h.update(t.as_os_str().as_encoded_bytes());
                }
            }
        }
        for (name, content) in &self.heredocs {
            h.update(b"heredoc\0");
            h.update(name.as_bytes());
            h.update(b"\0");
            h.update(content);
        }
        for (name, path, mtime) in &self.downloads {
            h.update(format!("download\0{name}\0{mtime:?}\0").as_bytes());
            let mut f =
                fs_err::File::open(path).map_err(|source| Error::Read { path: path.clone(), source })?;
            io::copy(&mut f, &mut h).map_err(|source| Error::Read { path: path.clone(), source })?;
        }
        Ok(hex::encode(h.finalize()))
    }

    /// Copies into `root` at `dest` (absolute; a trailing `/`, several sources or a directory
    /// there make it a directory). `extract`: ADD, local archives are unpacked.
    pub fn apply(
        &self,
        root: &Root,
        dest: &str,
        owner: Option<(u32, u32)>,
        chmod: Option<u32>,
        extract: bool,
    ) -> Result<u64, Error> {
        let mut unmapped = 0;
        let dest_path = Path::new(dest);
        let resolved = |p: &Path| root.resolve(p).map_err(|source| Error::Write { path: p.into(), source });
        let exists_as_dir = resolved(dest_path)?.is_dir();
        let into_dir = dest.ends_with('/') || self.is_several() || exists_as_dir;
        let (uid, gid) = owner.unwrap_or((0, 0));
        // Files hard-linked together in the source are hard-linked in the copy.
        let mut links: std::collections::HashMap<(u64, u64), PathBuf> = std::collections::HashMap::new();
        for g in &self.groups {
            let top = if g.is_dir || !into_dir { dest_path.to_path_buf() } else { dest_path.join(&g.name) };
            if extract && !g.is_dir && is_archive(&g.entries[0].path) {
                let target = resolved(dest_path)?;
                mkdirs(&target, uid, gid, owner.is_some())?;
                unmapped += unpack(&g.entries[0].path, &target)?;
                continue;
            }
            let mut dirs = Vec::new();
            for e in &g.entries {
                let in_container = if e.rel.as_os_str().is_empty() { top.clone() } else { top.join(&e.rel) };
                let target = resolved(&in_container)?;
                if let Some(parent) = target.parent() {
                    mkdirs(parent, 0, 0, false)?;
                }
                let mode = chmod.unwrap_or(e.meta.mode() & 0o7777);
                if e.meta.is_file() && e.meta.nlink() > 1 {
                    let inode = (e.meta.dev(), e.meta.ino());
                    if let Some(first) = links.get(&inode) {
                        remove_non_dir(&target)?;
                        fs_err::hard_link(first, &target)
                            .map_err(|source| Error::Write { path: target.clone(), source })?;
                        continue;
                    }
                    links.insert(inode, target.clone());
                }
                copy_entry(&e.path, &e.meta, &target, uid, gid, mode)?;
                if e.meta.is_dir() {
                    dirs.push((target, e.meta.clone()));
                }
            }
            // Directory times last, deepest first: creating their children changed them.
            for (dir, meta) in dirs.iter().rev() {
                set_mtime(dir, meta.mtime(), meta.mtime_nsec());
            }
        }
        for (name, content) in &self.heredocs {
            let in_container = if into_dir { dest_path.join(name) } else { dest_path.to_path_buf() };
            let target = resolved(&in_container)?;
            if let Some(parent) = target.parent() {
                mkdirs(parent, 0, 0, false)?;
            }
            remove_non_dir(&target)?;
            fs_err::write(&target, content)
                .map_err(|source| Error::Write { path: target.clone(), source })?;
            let mode = chmod.unwrap_or(0o644);
            set_owner_mode(&target, uid, gid, Some(mode))?;
        }
        for (name, path, mtime) in &self.downloads {
            let in_container = if into_dir { dest_path.join(name) } else { dest_path.to_path_buf() };
            let target = resolved(&in_container)?;
            if let Some(parent) = target.parent() {
                mkdirs(parent, 0, 0, false)?;
            }
            remove_non_dir(&target)?;
            fs_err::copy(path, &target).map_err(|source| Error::Write { path: target.clone(), source })?;
            set_owner_mode(&target, uid, gid, Some(chmod.unwrap_or(0o600)))?;
            if let Some(t) = mtime {
                set_mtime(&target, *t, 0);
            }
        }
        Ok(unmapped)
    }
}

impl Plan {
    /// Whether [`Plan::write_layer`] can write this copy straight from its sources: not when ADD
    /// extracts an archive, nor when several sources could meet in the destination through a
    /// symlink or a hard link one of them brings (those go through [`Plan::apply`]).
    pub fn streamable(&self, extract: bool) -> bool {
        if extract && self.groups.iter().any(|g| !g.is_dir && is_archive(&g.entries[0].path)) {
            return false;
        }
        if self.groups.len() + self.heredocs.len() + self.downloads.len() <= 1 {
            return true;
        }
        let tricky = |e: &Entry| e.meta.file_type().is_symlink() || (e.meta.is_file() && e.meta.nlink() > 1);
        !self.groups.iter().any(|g| g.is_dir || g.entries.iter().any(tricky))
    }

    /// Writes the layer of this copy as a tar to `out`, reading each source once and copying
    /// nothing to disk on the way: the paths are those [`Plan::apply`] would write, resolved in
    /// `root` (the parent's layers) as the container resolves them, so an entry never passes
    /// through a symlink and never leaves the root; the directories above them come with their
    /// metadata from the parent's layers, or as new 0755 root-owned ones. Owners are `owner`
    /// (else 0:0), modes `chmod` (else the source's), times the source's, at most `clamp`;
    /// new directories and heredocs get `now`.
    #[allow(clippy::too_many_arguments)]
    pub fn write_layer<W: io::Write>(
        &self,
        root: &Root,
        dest: &str,
        owner: Option<(u32, u32)>,
        chmod: Option<u32>,
        clamp: Option<i64>,
        now: i64,
        out: W,
    ) -> Result<W, Error> {
        let mut w = LayerWriter {
            root: root.path(),
            b: tar::Builder::new(out),
            seen_dirs: std::collections::HashSet::new(),
            links: std::collections::HashMap::new(),
            clamp,
            now,
        };
        let dest_path = Path::new(dest);
        let resolve = |p: &Path| root.resolve(p).map_err(|source| Error::Write { path: p.into(), source });
        let into_dir = dest.ends_with('/') || self.is_several() || resolve(dest_path)?.is_dir();
        let (uid, gid) = owner.unwrap_or((0, 0));
        for g in &self.groups {
            let top = if g.is_dir || !into_dir { dest_path.to_path_buf() } else { dest_path.join(&g.name) };
            // Resolved (relative to the root) directory of each copied directory, by its `rel`.
            let mut dirs: std::collections::HashMap<&Path, (PathBuf, bool)> =
                std::collections::HashMap::new();
            for e in &g.entries {
                let (rel, fresh) = match e.rel.parent().and_then(|p| dirs.get(p)) {
                    // Below a directory this layer creates: nothing of the root is in the way.
                    Some((parent, true)) => (parent.join(e.rel.file_name().unwrap_or_default()), true),
                    Some((parent, false)) => {
                        let candidate = parent.join(e.rel.file_name().unwrap_or_default());
                        match fs_err::symlink_metadata(root.path().join(&candidate)) {
                            Ok(m) if m.file_type().is_symlink() => {
                                (w.rel(&resolve(&top.join(&e.rel))?)?, false)
                            }
                            Ok(_) => (candidate, false),
                            Err(_) => (candidate, true),
                        }
                    }
                    None => {
                        let in_container =
                            if e.rel.as_os_str().is_empty() { top.clone() } else { top.join(&e.rel) };
                        let abs = resolve(&in_container)?;
                        let fresh = fs_err::symlink_metadata(&abs).is_err();
                        (w.rel(&abs)?, fresh)
                    }
                };
                if e.meta.is_dir() {
                    dirs.insert(&e.rel, (rel.clone(), fresh));
                }
                if !fresh && !e.meta.is_dir() && root.path().join(&rel).is_dir() {
                    return Err(Error::Write {
                        path: rel,
                        source: io::Error::new(
                            io::ErrorKind::IsADirectory,
                            "cannot replace a directory with a file",
                        ),
                    });
                }
                let mode = chmod.unwrap_or(e.meta.mode() & 0o7777);
                w.entry(&e.path, &e.meta, &rel, uid, gid, mode)?;
            }
        }
        for (name, content) in &self.heredocs {
            let in_container = if into_dir { dest_path.join(name) } else { dest_path.to_path_buf() };
            let rel = w.rel(&resolve(&in_container)?)?;
            w.parents(&rel)?;
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Regular);
            h.set_mode(chmod.unwrap_or(0o644));
            h.set_uid(uid.into());
            h.set_gid(gid.into());
            h.set_mtime(w.mtime(w.now));
            h.set_size(content.len() as u64);
            w.b.append_data(&mut h, &rel, content.as_slice())
                .map_err(|source| Error::Write { path: rel, source })?;
        }
        for (name, path, mtime) in &self.downloads {
            let in_container = if into_dir { dest_path.join(name) } else { dest_path.to_path_buf() };
            let rel = w.rel(&resolve(&in_container)?)?;
            w.parents(&rel)?;
            let meta = fs_err::metadata(path).map_err(|source| Error::Read { path: path.clone(), source })?;
            let mut h =
                w.header(tar::EntryType::Regular, chmod.unwrap_or(0o600), uid, gid, mtime.unwrap_or(w.now));
            h.set_size(meta.len());
            let f = fs_err::File::open(path).map_err(|source| Error::Read { path: path.clone(), source })?;
            w.append(h, &rel, f.take(meta.len()))?;
        }
        w.b.into_inner().map_err(|source| Error::Write { path: dest.into(), source })
    }
}

/// The tar of a streamed copy being written.
struct LayerWriter<'a, W: io::Write> {
    root: &'a Path,
    b: tar::Builder<W>,
    /// Directories written (or known to need no entry) so far.
    seen_dirs: std::collections::HashSet<PathBuf>,
    /// The first path of each source inode with several links.
    links: std::collections::HashMap<(u64, u64), PathBuf>,
    clamp: Option<i64>,
    now: i64,
}

impl<W: io::Write> LayerWriter<'_, W> {
    /// `abs` (inside the root) relative to it.
    fn rel(&self, abs: &Path) -> Result<PathBuf, Error> {
        abs.strip_prefix(self.root)
            .map(Path::to_path_buf)
            .map_err(|_| Error::Outside { path: abs.display().to_string() })
    }

    fn mtime(&self, t: i64) -> u64 {
        self.clamp.map_or(t, |c| t.min(c)).max(0) as u64
    }

    fn header(&self, kind: tar::EntryType, mode: u32, uid: u32, gid: u32, mtime: i64) -> tar::Header {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(uid.into());
        h.set_gid(gid.into());
        h.set_mtime(self.mtime(mtime));
        h.set_size(0);
        h
    }

    /// Entries for the directories above `rel` not written yet: as the root has them, else new.
    fn parents(&mut self, rel: &Path) -> Result<(), Error> {
        let mut missing = Vec::new();
        let mut p = rel.parent();
        while let Some(dir) = p.filter(|d| !d.as_os_str().is_empty()) {
            if self.seen_dirs.contains(dir) {
                break;
            }
            missing.push(dir.to_path_buf());
            p = dir.parent();
        }
        for dir in missing.into_iter().rev() {
            let h = match fs_err::symlink_metadata(self.root.join(&dir)) {
                Ok(m) if m.is_dir() => {
                    self.header(tar::EntryType::Directory, m.mode() & 0o7777, m.uid(), m.gid(), m.mtime())
                }
                _ => self.header(tar::EntryType::Directory, 0o755, 0, 0, self.now),
            };
            self.append(h, &dir, io::empty())?;
            self.seen_dirs.insert(dir);
        }
        Ok(())
    }

    fn append(&mut self, mut h: tar::Header, rel: &Path, data: impl Read) -> Result<(), Error> {
        self.b.append_data(&mut h, rel, data).map_err(|source| Error::Write { path: rel.into(), source })
    }

    /// One source entry at `rel` (a directory without its contents).
    fn entry(
        &mut self,
        src: &Path,
        meta: &std::fs::Metadata,
        rel: &Path,
        uid: u32,
        gid: u32,
        mode: u32,
    ) -> Result<(), Error> {
        if rel.as_os_str().is_empty() {
            return Ok(()); // the root directory itself keeps its metadata
        }
        self.parents(rel)?;
        let ft = meta.file_type();
        let read = |source| Error::Read { path: src.into(), source };
        if ft.is_dir() {
            let h = self.header(tar::EntryType::Directory, mode, uid, gid, meta.mtime());
            self.append(h, rel, io::empty())?;
            self.seen_dirs.insert(rel.to_path_buf());
        } else if ft.is_symlink() {
            let target = fs_err::read_link(src).map_err(read)?;
            let mut h = self.header(tar::EntryType::Symlink, 0o777, uid, gid, meta.mtime());
            self.b
                .append_link(&mut h, rel, &target)
                .map_err(|source| Error::Write { path: rel.into(), source })?;
        } else if ft.is_file() {
            if meta.nlink() > 1 {
                let inode = (meta.dev(), meta.ino());
                if let Some(first) = self.links.get(&inode).cloned() {
                    let mut h = self.header(tar::EntryType::Link, mode, uid, gid, meta.mtime());
                    return self
                        .b
                        .append_link(&mut h, rel, &first)
                        .map_err(|source| Error::Write { path: rel.into(), source });
                }
                self.links.insert(inode, rel.to_path_buf());
            }
            let mut h = self.header(tar::EntryType::Regular, mode, uid, gid, meta.mtime());
            h.set_size(meta.len());
            let f = fs_err::File::open(src).map_err(read)?;
            // A file that shrinks while it is read is padded: the header's size is what the tar promises.
            let data = f.take(meta.len()).chain(io::repeat(0)).take(meta.len());
            self.append(h, rel, data)?;
        }
        // Sockets, fifos and devices of the context are not copied (as `apply`).
        Ok(())
    }
}

/// A relative, clean path (no `..` out of the root); `None` when it would leave the root.
fn clean(p: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for c in Path::new(p).components() {
        match c {
            Component::Normal(n) => out.push(n.to_string_lossy().into_owned()),
            Component::ParentDir => {
                out.pop()?;
            }
            _ => {}
        }
    }
    Some(out.join("/"))
}

/// A glob (Go's `filepath.Match` per component) as a regex for one name.
fn component_regex(glob: &str) -> Regex {
    let mut re = String::from("^");
    let mut chars = glob.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '[' => {
                re.push('[');
                if chars.peek() == Some(&'^') || chars.peek() == Some(&'!') {
                    chars.next();
                    re.push('^');
                }
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    if d == '\\' {
                        re.push_str("\\\\");
                    } else {
                        re.push(d);
                    }
                }
                re.push(']');
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    re.push_str(&regex::escape(&n.to_string()));
                }
            }
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    Regex::new(&re).unwrap_or_else(|_| Regex::new(&format!("^{}$", regex::escape(glob))).expect("escaped"))
}

/// The relative paths `pattern` matches, sorted, without ignored ones.
fn glob(from: &From<'_>, pattern: &str) -> Result<Vec<String>, Error> {
    let mut found = vec![String::new()];
    for comp in pattern.split('/') {
        let mut next = Vec::new();
        for base in &found {
            let join = |n: &str| if base.is_empty() { n.to_string() } else { format!("{base}/{n}") };
            if !super::words::has_glob(comp) {
                next.push(join(comp));
                continue;
            }
            let re = component_regex(comp);
            let dir = from.root.join(base);
            let Ok(rd) = fs_err::read_dir(&dir) else { continue };
            let mut names: Vec<String> =
                rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
            names.sort();
            next.extend(names.iter().filter(|n| re.is_match(n)).map(|n| join(n)));
        }
        found = next;
    }
    found.retain(|rel| {
        fs_err::symlink_metadata(from.root.join(rel)).is_ok() && !from.ignore.is_some_and(|i| i.excludes(rel))
    });
    Ok(found)
}

/// Everything below `dir` (sorted, parents first), without what the ignore file excludes.
fn walk(from: &From<'_>, dir: &Path, ctx_rel: &str, rel: &Path, out: &mut Vec<Entry>) -> Result<(), Error> {
    let rd = fs_err::read_dir(dir).map_err(|source| Error::Read { path: dir.into(), source })?;
    let mut names: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let rel_here = rel.join(&name);
        let meta =
            fs_err::symlink_metadata(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
        if let Some(ignore) = from.ignore {
            let in_ctx = if ctx_rel.is_empty() {
                rel_here.to_string_lossy().into_owned()
            } else {
                format!("{ctx_rel}/{}", rel_here.display())
            };
            if ignore.excludes(&in_ctx) {
                if !meta.is_dir() || !ignore.has_exceptions() || !ignore.may_include_below(&in_ctx) {
                    continue;
                }
                // An exception may re-include something below: look inside, keep only what is.
                let mut below = Vec::new();
                walk(from, &path, ctx_rel, &rel_here, &mut below)?;
                if !below.is_empty() {
                    out.push(Entry { path, rel: rel_here, meta });
                    out.extend(below);
                }
                continue;
            }
        }
        let is_dir = meta.is_dir();
        out.push(Entry { path: path.clone(), rel: rel_here.clone(), meta });
        if is_dir {
            walk(from, &path, ctx_rel, &rel_here, out)?;
        }
    }
    Ok(())
}

/// Creates `dir` and its missing parents (0755; owned by uid:gid when `chown`).
fn mkdirs(dir: &Path, uid: u32, gid: u32, chown: bool) -> Result<(), Error> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        mkdirs(parent, uid, gid, chown)?;
    }
    match fs_err::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(source) => return Err(Error::Write { path: dir.into(), source }),
    }
    set_owner_mode(dir, if chown { uid } else { 0 }, if chown { gid } else { 0 }, Some(0o755))
}

fn remove_non_dir(target: &Path) -> Result<(), Error> {
    match fs_err::symlink_metadata(target) {
        Ok(m) if !m.is_dir() => {
            fs_err::remove_file(target).map_err(|source| Error::Write { path: target.into(), source })
        }
        _ => Ok(()),
    }
}

fn set_owner_mode(path: &Path, uid: u32, gid: u32, mode: Option<u32>) -> Result<(), Error> {
    let w = |source| Error::Write { path: path.into(), source };
    std::os::unix::fs::lchown(path, Some(uid), Some(gid)).map_err(w)?;
    if let Some(mode) = mode {
        fs_err::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(w)?;
    }
    Ok(())
}

fn set_mtime(path: &Path, secs: i64, nsecs: i64) {
    crate::sys::host::set_times_nofollow(path, secs, nsecs);
}

fn copy_entry(
    src: &Path,
    meta: &std::fs::Metadata,
    target: &Path,
    uid: u32,
    gid: u32,
    mode: u32,
) -> Result<(), Error> {
    let w = |source| Error::Write { path: target.into(), source };
    let ft = meta.file_type();
    if ft.is_dir() {
        match fs_err::symlink_metadata(target) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                fs_err::remove_file(target).map_err(w)?;
                fs_err::create_dir(target).map_err(w)?;
            }
            Err(_) => fs_err::create_dir(target).map_err(w)?,
        }
        return set_owner_mode(target, uid, gid, Some(mode));
    }
    remove_non_dir(target)?;
    if ft.is_symlink() {
        let link = fs_err::read_link(src).map_err(|source| Error::Read { path: src.into(), source })?;
        std::os::unix::fs::symlink(&link, target).map_err(w)?;
        set_owner_mode(target, uid, gid, None)?;
    } else if ft.is_file() {
        fs_err::copy(src, target).map_err(w)?;
        set_owner_mode(target, uid, gid, Some(mode))?;
    } else {
        return Ok(()); // sockets, fifos and devices of the context are not copied
    }
    set_mtime(target, meta.mtime(), meta.mtime_nsec());
    Ok(())
}

const XZ_MAGIC: [u8; 6] = [0xfd, b'7', b'z', b'X', b'Z', 0];

/// Whether `path` is a tar archive ADD unpacks: gzip, zstd or xz compressed, or a plain tar.
fn is_archive(path: &Path) -> bool {
    let mut head = [0u8; 262];
    let Ok(mut f) = fs_err::File::open(path) else { return false };
    let n = f.read(&mut head).unwrap_or(0);
    head[..n].starts_with(&[0x1f, 0x8b])
        || head[..n].starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
        || head[..n].starts_with(&XZ_MAGIC)
        || (n >= 262 && &head[257..262] == b"ustar")
}

/// Unpacks an archive into `target`; returns how many entries were owned by ids this user
/// namespace does not map (they are given to root, as pull does).
fn unpack(path: &Path, target: &Path) -> Result<u64, Error> {
    let e = |source| Error::Extract { path: path.into(), source };
    let mut f = fs_err::File::open(path).map_err(e)?;
    let mut head = [0u8; 6];
    let n = f.read(&mut head).map_err(e)?;
    let f = io::Cursor::new(head[..n].to_vec()).chain(f);
    if head[..n].starts_with(&XZ_MAGIC) {
        // lzma-rs decompresses into a writer: a pipe to the tar reader, from a thread that ends
        // before this returns (a RUN step after needs a single-threaded process).
        let (r, mut w) = io::pipe().map_err(e)?;
        let decoder = std::thread::spawn(move || {
            let mut input = io::BufReader::new(f);
            lzma_rs::xz_decompress(&mut input, &mut w)
                .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err.to_string()))
        });
        let unpacked = unpack_tar(Box::new(r), target).map_err(e);
        let decoded = decoder.join().unwrap_or_else(|_| Err(io::Error::other("the xz decoder panicked")));
        let unmapped = unpacked?;
        return decoded.map(|()| unmapped).map_err(e);
    }
    let reader: Box<dyn Read> = if head[..n].starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::MultiGzDecoder::new(f))
    } else if head[..n].starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(zstd::stream::read::Decoder::new(f).map_err(e)?)
    } else {
        Box::new(f)
    };
    unpack_tar(reader, target).map_err(e)
}

fn unpack_tar(reader: Box<dyn Read>, target: &Path) -> io::Result<u64> {
    let mut archive = tar::Archive::new(reader);
    archive.set_preserve_permissions(true);
    // Owners are set below: an id outside the namespace's mapping would fail the whole archive.
    archive.set_preserve_ownerships(false);
    archive.set_preserve_mtime(true);
    archive.set_overwrite(true);
    archive.set_unpack_xattrs(false);
    let (uids, gids) = (mapped_ids("/proc/self/uid_map"), mapped_ids("/proc/self/gid_map"));
    let mut unmapped = 0;
    let result = (|| -> io::Result<()> {
        for entry in archive.entries()? {
            let mut entry = entry?;
            let h = entry.header();
            let (uid, gid) = (h.uid()?, h.gid()?);
            let mode = h.mode()?;
            let is_link = matches!(h.entry_type(), tar::EntryType::Symlink);
            let rel: PathBuf =
                entry.path()?.components().filter(|c| matches!(c, Component::Normal(_))).collect();
            // `unpack_in` refuses entries that would land outside `target` (`..`, links).
            if !entry.unpack_in(target)? || rel.as_os_str().is_empty() || (uid, gid) == (0, 0) {
                continue;
            }
            let (u, g) = match (in_ranges(&uids, uid), in_ranges(&gids, gid)) {
                (true, true) => (uid as u32, gid as u32),
                (u_ok, g_ok) => {
                    unmapped += 1;
                    (if u_ok { uid as u32 } else { 0 }, if g_ok { gid as u32 } else { 0 })
                }
            };
            let path = target.join(&rel);
            std::os::unix::fs::lchown(&path, Some(u), Some(g))?;
            // chown clears the setuid and setgid bits: the mode again.
            if !is_link && mode & 0o6000 != 0 {
                fs_err::set_permissions(&path, std::fs::Permissions::from_mode(mode & 0o7777))?;
            }
        }
        Ok(())
    })();
    // Read to the end so that a decoder writing into a pipe is never left blocked.
    let _ = io::copy(&mut archive.into_inner(), &mut io::sink());
    result.map(|()| unmapped)
}

/// The ids (inside) a `/proc/self/uid_map`-style file maps; `None` when it cannot be read (then
/// every id is taken as mapped).
fn mapped_ids(file: &str) -> Option<Vec<(u64, u64)>> {
    let text = fs_err::read_to_string(file).ok()?;
    Some(
        text.lines()
            .filter_map(|l| {
                let mut it = l.split_whitespace().map(|n| n.parse::<u64>().ok());
                Some((it.next()??, {
                    it.next()??;
                    it.next()??
                }))
            })
            .collect(),
    )
}

fn in_ranges(ranges: &Option<Vec<(u64, u64)>>, id: u64) -> bool {
    ranges.as_ref().is_none_or(|r| r.iter().any(|(start, count)| id >= *start && id < start + count))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(root: &Path, list: &[&str]) {
        for f in list {
            let p = root.join(f);
            fs_err::create_dir_all(p.parent().unwrap()).unwrap();
            fs_err::write(&p, f.as_bytes()).unwrap();
        }
    }

    #[test]
    fn globs_ignores_and_content_hashes() {
        let t = tempfile::tempdir().unwrap();
        let ctx = t.path().join("ctx");
        files(&ctx, &["a.txt", "b.txt", "c.md", "dir/x", "dir/skip.log", "dir/sub/y"]);
        let ignore = Ignore::parse("*.md\ndir/*.log").unwrap();
        let from = From { root: &ctx, ignore: Some(&ignore), name: "the build context".into() };
        let mut plan = Plan::default();
        plan.add(&from, "*.txt").unwrap();
        assert_eq!(
            plan.groups.iter().map(|g| g.name.to_str().unwrap()).collect::<Vec<_>>(),
            ["a.txt", "b.txt"]
        );
        let mut dir = Plan::default();
        dir.add(&from, "./dir").unwrap();
        let rels: Vec<_> = dir.groups[0].entries.iter().map(|e| e.rel.display().to_string()).collect();
        assert_eq!(rels, ["", "sub", "sub/y", "x"]);
        assert!(matches!(Plan::default().add(&from, "c.md"), Err(Error::Missing { .. })));
        assert!(matches!(Plan::default().add(&from, "nope"), Err(Error::Missing { .. })));
        assert!(matches!(Plan::default().add(&from, "*.none"), Err(Error::NoMatch { .. })));
        assert!(matches!(Plan::default().add(&from, "../x"), Err(Error::Outside { .. })));

        // The same files elsewhere, with other mtimes: the same hash; a changed byte: another.
        let h1 = dir.hash().unwrap();
        let moved = t.path().join("moved");
        files(&moved, &["dir/x", "dir/skip.log", "dir/sub/y"]);
        let from2 = From { root: &moved, ignore: Some(&ignore), name: "ctx".into() };
        let mut again = Plan::default();
        again.add(&from2, "dir").unwrap();
        assert_eq!(again.hash().unwrap(), h1);
        fs_err::write(moved.join("dir/sub/y"), "changed").unwrap();
        let mut changed = Plan::default();
        changed.add(&from2, "dir").unwrap();
        assert_ne!(changed.hash().unwrap(), h1);
        // An ignored file changing changes nothing.
        fs_err::write(moved.join("dir/sub/y"), "dir/sub/y").unwrap();
        fs_err::write(moved.join("dir/skip.log"), "other").unwrap();
        let mut ignored = Plan::default();
        ignored.add(&from2, "dir").unwrap();
        assert_eq!(ignored.hash().unwrap(), h1);
    }

    #[test]
    fn component_globs() {
        assert!(component_regex("*.txt").is_match("a.txt"));
        assert!(!component_regex("*.txt").is_match("a.txtx"));
        assert!(component_regex("f?o").is_match("foo"));
        assert!(component_regex("[ab]c").is_match("bc"));
        assert!(!component_regex("[!ab]c").is_match("bc"));
        assert!(component_regex("a.b").is_match("a.b") && !component_regex("a.b").is_match("axb"));
    }
}
