//! What a container (or an image's top layer) changed: the `A`/`C`/`D` list of `diff`, and the
//! layer tar of `commit`, both read from an overlay upper dir over its lower dirs.
//!
//! An upper dir holds every added or changed entry, a 0/0 character device for each deleted one
//! (a whiteout), and the opaque xattr (`user.` or `trusted.overlay.opaque`) on a directory that
//! hides everything below it. [`changes`] reads that as podman's diff does: a whiteout is `D`, an
//! entry that also exists in a lower dir is `C`, a new one `A`; a directory that only carries the
//! changes below it (same mode and mtime as below) is not listed itself, but the parent of every
//! change is listed as `C` (or `A`); an opaque directory lists what it hides as `D`.
//!
//! [`write_layer`] turns the same upper dir into an OCI layer: whiteouts become `.wh.NAME`
//! entries, opaque directories get a `.wh..wh..opq` entry, hardlinks stay links, overlay's own
//! xattrs are left out and other xattrs go into PAX records. Owners are written as this process
//! sees them: inside skiff's user namespace those are the container's ids. [`write_tree`] writes
//! a plain tree (a mounted root filesystem, for `export`) the same way, without whiteouts.
//!
//! A vfs container has no upper dir: [`tree_changes`] compares its full copy with the layers
//! (kind, mode, owner, size, mtime) and [`write_changes`] writes those changes as a layer.
//!
//! Lower dirs are looked up one component at a time with `lstat`, so a symlink in a lower layer
//! is never followed (it could point anywhere on the host).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ffi::OsStr;
use std::fs::Metadata;
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Component, Path, PathBuf};

/// The kind of one change, as `diff` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Kind {
    #[serde(rename = "A")]
    Added,
    #[serde(rename = "C")]
    Changed,
    #[serde(rename = "D")]
    Deleted,
}

impl Kind {
    /// The letter `diff` prints.
    pub fn letter(self) -> char {
        match self {
            Kind::Added => 'A',
            Kind::Changed => 'C',
            Kind::Deleted => 'D',
        }
    }
}

/// One changed path (absolute, as seen in the container).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub path: String,
    pub kind: Kind,
}

/// The opaque-directory xattrs overlayfs reads (rootless mounts use the `user.` one).
const OPAQUE_XATTRS: [&str; 2] = ["user.overlay.opaque", "trusted.overlay.opaque"];

/// The files the runtime creates as mount points for a container's own `/etc/hostname`,
/// `/etc/hosts` and `/etc/resolv.conf` (bind-mounted from its run-time directory) when the image
/// lacks them: empty, and not the container's writes, so `diff` and `commit` leave them out (as
/// docker's init layer keeps them out).
/// Also `/run/.containerenv` and `--tz`'s `/etc/localtime`; and the `/etc/mtab` link skiff adds
/// to an image without one (as podman's diff leaves out).
const MOUNT_POINTS: [&str; 5] =
    ["etc/hostname", "etc/hosts", "etc/resolv.conf", "etc/localtime", "run/.containerenv"];

fn is_mount_placeholder(rel: &Path, m: &Metadata, root: &Path) -> bool {
    if m.is_symlink() && rel == Path::new("etc/mtab") {
        return fs_err::read_link(root.join(rel)).is_ok_and(|t| t == Path::new("/proc/mounts"));
    }
    m.is_file() && m.len() == 0 && MOUNT_POINTS.iter().any(|p| rel == Path::new(p))
}

/// A directory that holds only mount placeholders (`/run`, made or copied up for
/// `/run/.containerenv`): not a change of the container's, as in podman.
fn holds_only_placeholders(root: &Path, rel: &Path, lowers: &[PathBuf]) -> bool {
    let Ok(children) = sorted_children(&root.join(rel)) else { return false };
    !children.is_empty()
        && children.iter().all(|name| {
            let child = rel.join(name);
            match fs_err::symlink_metadata(root.join(&child)) {
                Ok(m) if m.is_dir() => holds_only_placeholders(root, &child, lowers),
                Ok(m) => is_mount_placeholder(&child, &m, root) && lower_lookup(lowers, &child).is_none(),
                Err(_) => false,
            }
        })
}

fn is_whiteout(m: &Metadata) -> bool {
    m.file_type().is_char_device() && m.rdev() == 0
}

fn is_opaque(dir: &Path) -> bool {
    OPAQUE_XATTRS.iter().any(|x| xattr::get(dir, x).ok().flatten().as_deref() == Some(b"y".as_slice()))
}

/// What the lower dirs (top-most first) show at `rel`, following no symlink: `None` when the
/// path does not exist there (deleted by a whiteout, hidden by an opaque directory, or under
/// something that is not a directory).
fn lower_lookup(lowers: &[PathBuf], rel: &Path) -> Option<Metadata> {
    let comps: Vec<&OsStr> =
        rel.components().filter_map(|c| if let Component::Normal(n) = c { Some(n) } else { None }).collect();
    'layers: for lower in lowers {
        let mut cur = lower.clone();
        // Whether a directory passed in this layer is opaque: then nothing below this layer counts.
        let mut hides = false;
        for (i, name) in comps.iter().enumerate() {
            cur.push(name);
            let Ok(m) = fs_err::symlink_metadata(&cur) else {
                if hides {
                    return None;
                }
                continue 'layers;
            };
            if is_whiteout(&m) {
                return None;
            }
            if i + 1 == comps.len() {
                return Some(m);
            }
            if !m.is_dir() {
                return None;
            }
            hides |= is_opaque(&cur);
        }
    }
    None
}

/// The names the lower dirs show inside directory `rel` (for what an opaque directory hides).
fn lower_children(lowers: &[PathBuf], rel: &Path) -> BTreeSet<std::ffi::OsString> {
    let mut names = BTreeSet::new();
    let mut gone = BTreeSet::new();
    for lower in lowers {
        let dir = lower.join(rel);
        let is_root = rel.as_os_str().is_empty();
        if !is_root && lower_lookup(std::slice::from_ref(lower), rel).is_none_or(|m| !m.is_dir()) {
            continue;
        }
        let Ok(rd) = fs_err::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let name = e.file_name();
            match e.metadata() {
                Ok(m) if is_whiteout(&m) => {
                    gone.insert(name);
                }
                Ok(_) if !gone.contains(&name) => {
                    names.insert(name);
                }
                _ => {}
            }
        }
        if is_opaque(&dir) {
            break;
        }
    }
    names
}

fn sorted_children(dir: &Path) -> io::Result<Vec<std::ffi::OsString>> {
    let mut v: Vec<_> = fs_err::read_dir(dir)?.map(|e| e.map(|e| e.file_name())).collect::<Result<_, _>>()?;
    v.sort();
    Ok(v)
}

fn abs(rel: &Path) -> String {
    format!("/{}", rel.display())
}

/// The changes an upper dir makes over `lowers` (top-most first), sorted by path.
pub fn changes(upper: &Path, lowers: &[PathBuf]) -> io::Result<Vec<Change>> {
    let mut out: BTreeMap<String, Kind> = BTreeMap::new();
    walk_changes(upper, Path::new(""), lowers, &mut out)?;
    Ok(out.into_iter().map(|(path, kind)| Change { path, kind }).collect())
}

fn mark_parent(rel: &Path, out: &mut BTreeMap<String, Kind>) {
    if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
        out.entry(abs(parent)).or_insert(Kind::Changed);
    }
}

fn walk_changes(
    upper: &Path,
    rel_dir: &Path,
    lowers: &[PathBuf],
    out: &mut BTreeMap<String, Kind>,
) -> io::Result<()> {
    for name in sorted_children(&upper.join(rel_dir))? {
        let rel = rel_dir.join(&name);
        let path = upper.join(&rel);
        let m = fs_err::symlink_metadata(&path)?;
        if is_mount_placeholder(&rel, &m, upper) && lower_lookup(lowers, &rel).is_none() {
            continue;
        }
        if m.is_dir() && holds_only_placeholders(upper, &rel, lowers) {
            continue;
        }
        if is_whiteout(&m) {
            if lower_lookup(lowers, &rel).is_some() {
                out.insert(abs(&rel), Kind::Deleted);
                mark_parent(&rel, out);
            }
            continue;
        }
        let below = lower_lookup(lowers, &rel);
        let kind = match &below {
            None => Some(Kind::Added),
            Some(l) if l.is_dir() && m.is_dir() => {
                let same = l.mode() == m.mode() && l.mtime() == m.mtime() && l.mtime_nsec() == m.mtime_nsec();
                (!same || is_opaque(&path)).then_some(Kind::Changed)
            }
            Some(_) => Some(Kind::Changed),
        };
        if let Some(kind) = kind {
            out.insert(abs(&rel), kind);
            mark_parent(&rel, out);
        }
        if m.is_dir() {
            if below.as_ref().is_some_and(|l| l.is_dir()) && is_opaque(&path) {
                let here: BTreeSet<_> = sorted_children(&path)?.into_iter().collect();
                for hidden in lower_children(lowers, &rel).difference(&here) {
                    out.insert(abs(&rel.join(hidden)), Kind::Deleted);
                }
            }
            walk_changes(upper, &rel, lowers, out)?;
        }
    }
    Ok(())
}

/// How [`write_entries`] treats overlay markers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Markers {
    /// An upper dir: whiteouts and opaque dirs become `.wh.` entries.
    Layer,
    /// A plain tree: everything is written as it is.
    Plain,
}

/// Writes the upper dir `upper` as an OCI layer tar to `out`; returns `out`.
pub fn write_layer<W: Write>(upper: &Path, out: W) -> io::Result<W> {
    write_entries(upper, out, Markers::Layer)
}

/// Writes the tree at `root` (a mounted root filesystem) as a tar to `out`; returns `out`.
pub fn write_tree<W: Write>(root: &Path, out: W) -> io::Result<W> {
    write_entries(root, out, Markers::Plain)
}

fn write_entries<W: Write>(root: &Path, out: W, markers: Markers) -> io::Result<W> {
    let mut b = tar::Builder::new(out);
    let mut links: HashMap<(u64, u64), PathBuf> = HashMap::new();
    let root_dev = fs_err::symlink_metadata(root)?.dev();
    walk_tar(root, Path::new(""), &mut b, &mut links, markers, root_dev)?;
    b.into_inner()
}

fn header_for(m: &Metadata, kind: tar::EntryType) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(m.mode() & 0o7777);
    h.set_uid(m.uid().into());
    h.set_gid(m.gid().into());
    h.set_mtime(m.mtime().max(0) as u64);
    h.set_size(0);
    h
}

/// PAX records for the xattrs of `path` other than overlay's own.
fn xattr_records(path: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(names) = xattr::list(path) else { return Vec::new() };
    let mut v = Vec::new();
    for name in names {
        let n = name.as_bytes();
        if n.starts_with(b"user.overlay.") || n.starts_with(b"trusted.overlay.") {
            continue;
        }
        if let Ok(Some(value)) = xattr::get(path, &name) {
            v.push((format!("SCHILY.xattr.{}", name.to_string_lossy()), value));
        }
    }
    v
}

fn walk_tar<W: Write>(
    root: &Path,
    rel_dir: &Path,
    b: &mut tar::Builder<W>,
    links: &mut HashMap<(u64, u64), PathBuf>,
    markers: Markers,
    root_dev: u64,
) -> io::Result<()> {
    for name in sorted_children(&root.join(rel_dir))? {
        let rel = rel_dir.join(&name);
        let path = root.join(&rel);
        let m = fs_err::symlink_metadata(&path)?;
        if markers == Markers::Layer && is_whiteout(&m) {
            append_whiteout(b, &rel, &m)?;
            continue;
        }
        if markers == Markers::Layer && is_mount_placeholder(&rel, &m, root) {
            continue;
        }
        append_entry(b, &path, &rel, &m, links)?;
        if m.is_dir() {
            if markers == Markers::Layer && is_opaque(&path) {
                let mut h = header_for(&m, tar::EntryType::Regular);
                h.set_mode(0o644);
                b.append_data(&mut h, rel.join(".wh..wh..opq"), io::empty())?;
            }
            // Another filesystem mounted inside a root filesystem (a volume) is not part of it.
            if markers == Markers::Plain && m.dev() != root_dev {
                continue;
            }
            walk_tar(root, &rel, b, links, markers, root_dev)?;
        }
    }
    Ok(())
}

/// `.wh.NAME` for a deleted `rel`.
fn append_whiteout<W: Write>(b: &mut tar::Builder<W>, rel: &Path, m: &Metadata) -> io::Result<()> {
    let mut wh = std::ffi::OsString::from(".wh.");
    wh.push(rel.file_name().unwrap_or_default());
    let mut h = header_for(m, tar::EntryType::Regular);
    h.set_mode(0o644);
    b.append_data(&mut h, rel.parent().unwrap_or(Path::new("")).join(wh), io::empty())
}

/// One entry (a directory without what is in it).
fn append_entry<W: Write>(
    b: &mut tar::Builder<W>,
    path: &Path,
    rel: &Path,
    m: &Metadata,
    links: &mut HashMap<(u64, u64), PathBuf>,
) -> io::Result<()> {
    let ft = m.file_type();
    let pax = xattr_records(path);
    if !pax.is_empty() {
        b.append_pax_extensions(pax.iter().map(|(k, v)| (k.as_str(), v.as_slice())))?;
    }
    if ft.is_dir() {
        let mut h = header_for(m, tar::EntryType::Directory);
        b.append_data(&mut h, rel, io::empty())?;
    } else if ft.is_symlink() {
        let target = fs_err::read_link(path)?;
        let mut h = header_for(m, tar::EntryType::Symlink);
        b.append_link(&mut h, rel, &target)?;
    } else if ft.is_file() {
        if m.nlink() > 1 {
            if let Some(first) = links.get(&(m.dev(), m.ino())) {
                let mut h = header_for(m, tar::EntryType::Link);
                return b.append_link(&mut h, rel, first);
            }
            links.insert((m.dev(), m.ino()), rel.to_path_buf());
        }
        let mut h = header_for(m, tar::EntryType::Regular);
        h.set_size(m.len());
        // A file that a running container shrinks while we read it is padded, so the archive
        // stays well-formed (the header's size is what the tar promises).
        let f = fs_err::File::open(path)?;
        let data = io::Read::take(io::Read::chain(io::Read::take(f, m.len()), io::repeat(0)), m.len());
        b.append_data(&mut h, rel, data)?;
    } else {
        let kind = if ft.is_char_device() {
            tar::EntryType::Char
        } else if ft.is_block_device() {
            tar::EntryType::Block
        } else if ft.is_fifo() {
            tar::EntryType::Fifo
        } else {
            return Ok(()); // sockets are not archived
        };
        let mut h = header_for(m, kind);
        let rdev = m.rdev();
        h.set_device_major(libc::major(rdev))?;
        h.set_device_minor(libc::minor(rdev))?;
        b.append_data(&mut h, rel, io::empty())?;
    }
    Ok(())
}

/// The changes of a full copy of the image (`root`, a vfs container) against `lowers`
/// (top-most first): entries missing below are `A`, entries whose kind, mode, owner, size or
/// mtime differ are `C`, entries below that are gone are `D`; parents of changes are `C`.
pub fn tree_changes(root: &Path, lowers: &[PathBuf]) -> io::Result<Vec<Change>> {
    let mut out: BTreeMap<String, Kind> = BTreeMap::new();
    walk_tree_changes(root, Path::new(""), lowers, &mut out)?;
    Ok(out.into_iter().map(|(path, kind)| Change { path, kind }).collect())
}

fn differs(a: &Metadata, b: &Metadata) -> bool {
    let kind = |m: &Metadata| m.mode() & libc::S_IFMT;
    if kind(a) != kind(b) || a.mode() != b.mode() || a.uid() != b.uid() || a.gid() != b.gid() {
        return true;
    }
    let times = |m: &Metadata| (m.mtime(), m.mtime_nsec());
    // A symlink's own time says nothing about its target; its size is the target's length.
    !a.is_dir() && (a.len() != b.len() || (!a.file_type().is_symlink() && times(a) != times(b)))
}

fn walk_tree_changes(
    root: &Path,
    rel_dir: &Path,
    lowers: &[PathBuf],
    out: &mut BTreeMap<String, Kind>,
) -> io::Result<()> {
    let children = sorted_children(&root.join(rel_dir))?;
    for name in &children {
        let rel = rel_dir.join(name);
        let m = fs_err::symlink_metadata(root.join(&rel))?;
        if is_mount_placeholder(&rel, &m, root) && lower_lookup(lowers, &rel).is_none() {
            continue;
        }
        if m.is_dir() && holds_only_placeholders(root, &rel, lowers) {
            continue;
        }
        let kind = match lower_lookup(lowers, &rel) {
            None => Some(Kind::Added),
            Some(l) if differs(&l, &m) => Some(Kind::Changed),
            Some(_) => None,
        };
        if let Some(kind) = kind {
            out.insert(abs(&rel), kind);
            mark_parent(&rel, out);
        }
        if m.is_dir() {
            walk_tree_changes(root, &rel, lowers, out)?;
        }
    }
    let here: BTreeSet<_> = children.into_iter().collect();
    for gone in lower_children(lowers, rel_dir).difference(&here) {
        let rel = rel_dir.join(gone);
        out.insert(abs(&rel), Kind::Deleted);
        mark_parent(&rel, out);
    }
    Ok(())
}

/// Writes `changes` of the tree at `root` as an OCI layer tar: `A`/`C` entries as they are in
/// `root` (a directory without its contents), `D` as whiteouts. Returns `out`.
pub fn write_changes<W: Write>(root: &Path, changes: &[Change], out: W) -> io::Result<W> {
    let mut b = tar::Builder::new(out);
    let mut links = HashMap::new();
    for c in changes {
        let rel = Path::new(c.path.trim_start_matches('/'));
        let path = root.join(rel);
        match c.kind {
            Kind::Deleted => {
                let m = fs_err::symlink_metadata(root)?;
                append_whiteout(&mut b, rel, &m)?;
            }
            Kind::Added | Kind::Changed => {
                let m = fs_err::symlink_metadata(&path)?;
                append_entry(&mut b, &path, rel, &m, &mut links)?;
            }
        }
    }
    b.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use nix::sys::stat::{mknod, Mode, SFlag};

    fn whiteout(p: &Path) {
        mknod(p, SFlag::S_IFCHR, Mode::empty(), 0).unwrap();
    }

    fn can_whiteout() -> bool {
        nix::unistd::geteuid().is_root()
    }

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let t = tempfile::tempdir().unwrap();
        let (lower, upper) = (t.path().join("lower"), t.path().join("upper"));
        for d in ["etc", "usr/bin", "var/lib/x"] {
            fs_err::create_dir_all(lower.join(d)).unwrap();
        }
        fs_err::write(lower.join("etc/hostname"), "a").unwrap();
        fs_err::write(lower.join("etc/gone"), "a").unwrap();
        fs_err::write(lower.join("var/lib/x/one"), "1").unwrap();
        std::os::unix::fs::symlink("/", lower.join("escape")).unwrap();
        fs_err::create_dir_all(upper.join("etc")).unwrap();
        fs_err::write(upper.join("etc/hostname"), "b").unwrap();
        fs_err::create_dir_all(upper.join("new/sub")).unwrap();
        fs_err::write(upper.join("new/sub/f"), "f").unwrap();
        (t, lower, upper)
    }

    fn list(upper: &Path, lower: &Path) -> Vec<String> {
        changes(upper, &[lower.to_path_buf()])
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c.kind.letter(), c.path))
            .collect()
    }

    #[test]
    fn added_changed_and_parents() {
        let (_t, lower, upper) = setup();
        // A path under a lower symlink to / must not be looked up on the host.
        fs_err::create_dir_all(upper.join("escape-not")).unwrap();
        assert!(lower_lookup(std::slice::from_ref(&lower), Path::new("escape/etc")).is_none());
        let got = list(&upper, &lower);
        assert_eq!(
            got,
            ["A /escape-not", "C /etc", "C /etc/hostname", "A /new", "A /new/sub", "A /new/sub/f"]
        );
    }

    #[test]
    fn empty_mount_points_of_the_network_files_are_not_changes() {
        let (_t, lower, upper) = setup();
        fs_err::write(upper.join("etc/hosts"), "").unwrap();
        fs_err::write(upper.join("etc/resolv.conf"), "").unwrap();
        let got = list(&upper, &lower);
        assert!(!got.iter().any(|c| c.contains("hosts") || c.contains("resolv")), "{got:?}");
        // Written by the container (not empty), it is a change like any other.
        fs_err::write(upper.join("etc/hosts"), "10.0.0.1 x\n").unwrap();
        assert!(list(&upper, &lower).contains(&"A /etc/hosts".to_string()));
        // The layer of a commit leaves the empty one out too.
        fs_err::write(upper.join("etc/hosts"), "").unwrap();
        let tar = write_layer(&upper, Vec::new()).unwrap();
        let names: Vec<String> = tar::Archive::new(tar.as_slice())
            .entries()
            .unwrap()
            .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().any(|n| n == "etc/hostname"), "{names:?}");
        assert!(!names.iter().any(|n| n == "etc/hosts" || n == "etc/resolv.conf"), "{names:?}");
    }

    #[test]
    fn containerenv_and_the_mtab_link_are_not_changes() {
        let (_t, lower, upper) = setup();
        fs_err::create_dir_all(upper.join("run")).unwrap();
        fs_err::write(upper.join("run/.containerenv"), "").unwrap();
        std::os::unix::fs::symlink("/proc/mounts", upper.join("etc/mtab")).unwrap();
        let got = list(&upper, &lower);
        assert!(!got.iter().any(|c| c.contains("/run") || c.contains("mtab")), "{got:?}");
        // Nor is a /run the image has, copied up for it.
        fs_err::create_dir_all(lower.join("run")).unwrap();
        let got = list(&upper, &lower);
        assert!(!got.iter().any(|c| c.contains("/run")), "{got:?}");
        // A file of the container's own next to it makes /run a change again.
        fs_err::write(upper.join("run/mine"), "x").unwrap();
        let got = list(&upper, &lower);
        assert!(
            got.contains(&"A /run/mine".to_string()) && !got.iter().any(|c| c.contains("containerenv")),
            "{got:?}"
        );
    }

    #[test]
    fn whiteouts_and_opaque_dirs_are_deletions() {
        if !can_whiteout() {
            return;
        }
        let (_t, lower, upper) = setup();
        whiteout(&upper.join("etc/gone"));
        whiteout(&upper.join("never-was"));
        fs_err::create_dir_all(upper.join("var/lib/x")).unwrap();
        fs_err::write(upper.join("var/lib/x/two"), "2").unwrap();
        xattr::set(upper.join("var/lib/x"), "trusted.overlay.opaque", b"y").unwrap();
        let got = list(&upper, &lower);
        assert!(got.contains(&"D /etc/gone".to_string()), "{got:?}");
        assert!(got.contains(&"D /var/lib/x/one".to_string()), "{got:?}");
        assert!(got.contains(&"A /var/lib/x/two".to_string()), "{got:?}");
        assert!(got.contains(&"C /var/lib/x".to_string()), "{got:?}");
        assert!(!got.iter().any(|l| l.contains("never-was")), "{got:?}");
        let mut sorted = got.clone();
        sorted.sort_by(|a, b| a[2..].cmp(&b[2..]));
        assert_eq!(got, sorted);

        let tar = write_layer(&upper, Vec::new()).unwrap();
        let mut a = tar::Archive::new(&tar[..]);
        let names: Vec<String> =
            a.entries().unwrap().map(|e| e.unwrap().path().unwrap().display().to_string()).collect();
        for want in ["etc/.wh.gone", "var/lib/x/.wh..wh..opq", "var/lib/x/two", "new/sub/f"] {
            assert!(names.iter().any(|n| n.trim_end_matches('/') == want), "{want} missing in {names:?}");
        }
    }

    #[test]
    fn tree_changes_compare_a_full_copy() {
        let (_t, lower, _upper) = setup();
        let copy = _t.path().join("copy");
        fs_err::create_dir_all(copy.join("etc")).unwrap();
        fs_err::create_dir_all(copy.join("usr/bin")).unwrap();
        fs_err::create_dir_all(copy.join("var/lib/x")).unwrap();
        std::os::unix::fs::symlink("/", copy.join("escape")).unwrap();
        // Same content and times as below: unchanged.
        for f in ["etc/hostname", "var/lib/x/one"] {
            fs_err::copy(lower.join(f), copy.join(f)).unwrap();
            let m = fs_err::metadata(lower.join(f)).unwrap();
            let f = fs_err::OpenOptions::new().write(true).open(copy.join(f)).unwrap();
            f.set_modified(m.modified().unwrap()).unwrap();
        }
        fs_err::write(copy.join("etc/hostname"), "changed").unwrap();
        fs_err::write(copy.join("added"), "new").unwrap();
        let got: Vec<String> = tree_changes(&copy, std::slice::from_ref(&lower))
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c.kind.letter(), c.path))
            .collect();
        assert_eq!(got, ["A /added", "C /etc", "D /etc/gone", "C /etc/hostname"]);
        let changes = tree_changes(&copy, &[lower]).unwrap();
        let tar = write_changes(&copy, &changes, Vec::new()).unwrap();
        let mut a = tar::Archive::new(&tar[..]);
        let names: Vec<String> = a
            .entries()
            .unwrap()
            .map(|e| e.unwrap().path().unwrap().display().to_string().trim_end_matches('/').to_string())
            .collect();
        assert_eq!(names, ["added", "etc", "etc/.wh.gone", "etc/hostname"]);
    }

    #[test]
    fn layer_tar_keeps_modes_links_and_symlinks() {
        let t = tempfile::tempdir().unwrap();
        let up = t.path();
        fs_err::create_dir(up.join("d")).unwrap();
        fs_err::write(up.join("d/x"), "data").unwrap();
        fs_err::set_permissions(up.join("d/x"), std::os::unix::fs::PermissionsExt::from_mode(0o4751))
            .unwrap();
        fs_err::hard_link(up.join("d/x"), up.join("d/y")).unwrap();
        std::os::unix::fs::symlink("../etc/passwd", up.join("d/l")).unwrap();
        let tar = write_tree(up, Vec::new()).unwrap();
        let mut a = tar::Archive::new(&tar[..]);
        let mut seen = Vec::new();
        for e in a.entries().unwrap() {
            let e = e.unwrap();
            let h = e.header();
            seen.push((
                e.path().unwrap().display().to_string(),
                h.entry_type(),
                h.mode().unwrap(),
                e.link_name().unwrap().map(|l| l.display().to_string()),
            ));
        }
        assert!(seen.contains(&("d/x".into(), tar::EntryType::Regular, 0o4751, None)), "{seen:?}");
        assert!(seen.contains(&("d/y".into(), tar::EntryType::Link, 0o4751, Some("d/x".into()))), "{seen:?}");
        assert!(seen.iter().any(|s| s.0 == "d/l" && s.3.as_deref() == Some("../etc/passwd")), "{seen:?}");
    }
}
