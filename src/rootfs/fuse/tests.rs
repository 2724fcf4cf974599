//! Unit tests of the overlay logic on temporary directories, without a FUSE mount.

use std::ffi::OsStr;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use nix::errno::Errno;

use super::fs::{Created, Creds, Error, Opened, OverlayFs, SetAttr, ROOT};

const ME: Creds = Creds { uid: 0, gid: 0 };
const OPAQUE: &str = "user.overlay.opaque";

struct Rig {
    _t: tempfile::TempDir,
    lower: Vec<PathBuf>,
    upper: PathBuf,
    fs: OverlayFs,
}

fn whiteout(p: &Path) {
    nix::sys::stat::mknod(p, nix::sys::stat::SFlag::S_IFCHR, nix::sys::stat::Mode::empty(), 0).unwrap();
}

fn is_whiteout(p: &Path) -> bool {
    fs_err::symlink_metadata(p).is_ok_and(|m| m.file_type().is_char_device() && m.rdev() == 0)
}

fn opaque(p: &Path) -> bool {
    xattr::get(p, OPAQUE).ok().flatten().as_deref() == Some(b"y".as_slice())
}

/// Two lower layers (top first: l1, l2) with files, a merged directory, a whiteout and an
/// opaque directory.
fn rig() -> Rig {
    let t = tempfile::tempdir().unwrap();
    let (l1, l2, upper, work) =
        (t.path().join("l1"), t.path().join("l2"), t.path().join("u"), t.path().join("w"));
    for d in [&l1, &l2, &upper, &work] {
        fs_err::create_dir_all(d).unwrap();
    }
    fs_err::write(l2.join("a"), "a2").unwrap();
    fs_err::write(l2.join("gone"), "g").unwrap();
    fs_err::create_dir_all(l2.join("d/sub")).unwrap();
    fs_err::write(l2.join("d/x"), "x").unwrap();
    fs_err::create_dir_all(l2.join("op")).unwrap();
    fs_err::write(l2.join("op/hidden"), "h").unwrap();
    fs_err::write(l1.join("a"), "a1").unwrap();
    fs_err::create_dir_all(l1.join("d")).unwrap();
    fs_err::write(l1.join("d/y"), "y").unwrap();
    whiteout(&l1.join("gone"));
    fs_err::create_dir_all(l1.join("op")).unwrap();
    fs_err::write(l1.join("op/shown"), "s").unwrap();
    xattr::set(l1.join("op"), OPAQUE, b"y").unwrap();
    let lower = vec![l1, l2];
    let fs = OverlayFs::new(&lower, &upper, &work, true).unwrap();
    Rig { _t: t, lower, upper, fs }
}

fn names(fs: &OverlayFs, id: u64) -> Vec<String> {
    let fh = fs.opendir(id).unwrap();
    let mut v: Vec<String> =
        fs.dir_entries(fh).unwrap().iter().map(|e| e.name.to_string_lossy().into_owned()).collect();
    fs.releasedir(fh);
    v.sort();
    v
}

fn read(fs: &OverlayFs, id: u64) -> String {
    let Opened { fh, .. } = fs.open(id, libc::O_RDONLY).unwrap();
    let mut buf = vec![0; 4096];
    let n = fs.read(fh, 0, &mut buf).unwrap();
    fs.release(fh);
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

fn look(fs: &OverlayFs, parent: u64, name: &str) -> Result<u64, Errno> {
    fs.lookup(parent, OsStr::new(name)).map(|(id, _)| id).errno()
}

/// The errno alone of an operation's result, for comparing with `Err(Errno::...)`.
trait ErrnoOnly<T> {
    fn errno(self) -> Result<T, Errno>;
}

impl<T> ErrnoOnly<T> for Result<T, Error> {
    fn errno(self) -> Result<T, Errno> {
        self.map_err(|e| e.errno)
    }
}

#[test]
fn lookup_takes_the_top_most_layer_and_honours_whiteouts_and_opaque_dirs() {
    let r = rig();
    let a = look(&r.fs, ROOT, "a").unwrap();
    assert_eq!(read(&r.fs, a), "a1");
    assert_eq!(look(&r.fs, ROOT, "gone"), Err(Errno::ENOENT));
    assert_eq!(names(&r.fs, ROOT), ["a", "d", "op"]);
    let d = look(&r.fs, ROOT, "d").unwrap();
    assert_eq!(names(&r.fs, d), ["sub", "x", "y"]);
    let op = look(&r.fs, ROOT, "op").unwrap();
    assert_eq!(names(&r.fs, op), ["shown"]);
    assert_eq!(look(&r.fs, op, "hidden"), Err(Errno::ENOENT));
    // A merged directory shows link count 1, like the kernel overlay.
    assert_eq!(r.fs.getattr(d, None).unwrap().st.st_nlink, 1);
}

#[test]
fn reading_copies_nothing_and_writing_copies_up_with_metadata() {
    let r = rig();
    fs_err::set_permissions(r.lower[0].join("a"), std::os::unix::fs::PermissionsExt::from_mode(0o640))
        .unwrap();
    let a = look(&r.fs, ROOT, "a").unwrap();
    let ino = r.fs.getattr(a, None).unwrap().ino;
    read(&r.fs, a);
    assert!(!r.upper.join("a").exists());
    let Opened { fh, keep_cache: keep } = r.fs.open(a, libc::O_WRONLY).unwrap();
    assert!(keep);
    r.fs.write(fh, 2, b"!", false).unwrap();
    r.fs.release(fh);
    assert_eq!(fs_err::read_to_string(r.upper.join("a")).unwrap(), "a1!");
    assert_eq!(fs_err::read_to_string(r.lower[0].join("a")).unwrap(), "a1");
    let m = fs_err::metadata(r.upper.join("a")).unwrap();
    assert_eq!(m.mode() & 0o7777, 0o640);
    // The inode number shown survives the copy-up.
    assert_eq!(r.fs.getattr(a, None).unwrap().ino, ino);
    // Copy-up of a file in a merged directory creates the directory in the upper layer, not
    // opaque (the lower entries stay visible).
    let d = look(&r.fs, ROOT, "d").unwrap();
    let x = look(&r.fs, d, "x").unwrap();
    r.fs.setattr(x, SetAttr { mode: Some(0o600), ..Default::default() }, None).unwrap();
    assert!(r.upper.join("d").is_dir() && !opaque(&r.upper.join("d")));
    assert_eq!(fs_err::metadata(r.upper.join("d/x")).unwrap().mode() & 0o777, 0o600);
    assert!(!r.upper.join("d/y").exists());
    assert_eq!(names(&r.fs, d), ["sub", "x", "y"]);
}

#[test]
fn truncate_chown_and_xattrs_copy_up() {
    let r = rig();
    let d = look(&r.fs, ROOT, "d").unwrap();
    let y = look(&r.fs, d, "y").unwrap();
    r.fs.setattr(y, SetAttr { size: Some(0), ..Default::default() }, None).unwrap();
    assert_eq!(fs_err::metadata(r.upper.join("d/y")).unwrap().len(), 0);
    let x = look(&r.fs, d, "x").unwrap();
    r.fs.setattr(x, SetAttr { uid: Some(1), gid: Some(2), ..Default::default() }, None).unwrap();
    let m = fs_err::metadata(r.upper.join("d/x")).unwrap();
    assert_eq!((m.uid(), m.gid()), (1, 2));
    let a = look(&r.fs, ROOT, "a").unwrap();
    r.fs.setxattr(a, OsStr::new("user.k"), b"v", 0).unwrap();
    assert_eq!(xattr::get(r.upper.join("a"), "user.k").unwrap().unwrap(), b"v");
    assert_eq!(r.fs.getxattr(a, OsStr::new("user.k")).unwrap(), b"v");
    // overlay's own xattrs are neither shown nor settable.
    let op = look(&r.fs, ROOT, "op").unwrap();
    assert_eq!(r.fs.getxattr(op, OsStr::new(OPAQUE)).errno(), Err(Errno::ENODATA));
    assert!(!String::from_utf8_lossy(&r.fs.listxattr(op).unwrap()).contains("overlay"));
    assert_eq!(r.fs.setxattr(op, OsStr::new(OPAQUE), b"y", 0).errno(), Err(Errno::EPERM));
}

#[test]
fn removing_lower_entries_leaves_whiteouts_and_a_new_dir_there_is_opaque() {
    let r = rig();
    r.fs.unlink(ROOT, OsStr::new("a")).unwrap();
    assert!(is_whiteout(&r.upper.join("a")));
    assert_eq!(look(&r.fs, ROOT, "a"), Err(Errno::ENOENT));
    let d = look(&r.fs, ROOT, "d").unwrap();
    assert_eq!(r.fs.rmdir(ROOT, OsStr::new("d")).errno(), Err(Errno::ENOTEMPTY));
    for n in ["x", "y"] {
        r.fs.unlink(d, OsStr::new(n)).unwrap();
    }
    r.fs.rmdir(d, OsStr::new("sub")).unwrap();
    assert!(names(&r.fs, d).is_empty());
    r.fs.rmdir(ROOT, OsStr::new("d")).unwrap();
    assert!(is_whiteout(&r.upper.join("d")));
    r.fs.mkdir(ROOT, OsStr::new("d"), 0o755, ME).unwrap();
    assert!(r.upper.join("d").is_dir() && opaque(&r.upper.join("d")));
    let d = look(&r.fs, ROOT, "d").unwrap();
    assert!(names(&r.fs, d).is_empty());
    // A file created in the upper layer only is removed without a whiteout.
    let Created { fh, .. } = r.fs.create(ROOT, OsStr::new("new"), 0o644, libc::O_WRONLY, ME).unwrap();
    r.fs.release(fh);
    r.fs.unlink(ROOT, OsStr::new("new")).unwrap();
    assert!(fs_err::symlink_metadata(r.upper.join("new")).is_err());
    // A file created over a whiteout replaces it.
    let Created { fh, .. } = r.fs.create(ROOT, OsStr::new("a"), 0o600, libc::O_WRONLY, ME).unwrap();
    r.fs.release(fh);
    assert!(fs_err::metadata(r.upper.join("a")).unwrap().is_file());
}

#[test]
fn rename_copies_up_files_and_refuses_lower_directories() {
    let r = rig();
    let d = look(&r.fs, ROOT, "d").unwrap();
    r.fs.rename(ROOT, OsStr::new("a"), d, OsStr::new("moved"), 0).unwrap();
    assert!(is_whiteout(&r.upper.join("a")));
    assert_eq!(fs_err::read_to_string(r.upper.join("d/moved")).unwrap(), "a1");
    let moved = look(&r.fs, d, "moved").unwrap();
    assert_eq!(read(&r.fs, moved), "a1");
    assert_eq!(r.fs.rename(ROOT, OsStr::new("d"), ROOT, OsStr::new("e"), 0).errno(), Err(Errno::EXDEV));
    // An upper-only directory moves with its contents.
    let n = r.fs.mkdir(ROOT, OsStr::new("n"), 0o755, ME).unwrap().0;
    r.fs.create(n, OsStr::new("f"), 0o644, libc::O_WRONLY, ME).map(|c| r.fs.release(c.fh)).unwrap();
    r.fs.rename(ROOT, OsStr::new("n"), d, OsStr::new("n2"), 0).unwrap();
    assert!(r.upper.join("d/n2/f").is_file());
    assert!(fs_err::symlink_metadata(r.upper.join("n")).is_err());
    assert_eq!(names(&r.fs, n), ["f"]);
    // Replacing an empty lower directory makes the moved one opaque.
    let e = r.fs.mkdir(ROOT, OsStr::new("e"), 0o755, ME).unwrap().0;
    let _ = e;
    let sub = look(&r.fs, d, "sub").unwrap();
    assert!(names(&r.fs, sub).is_empty());
    r.fs.rename(ROOT, OsStr::new("e"), d, OsStr::new("sub"), 0).unwrap();
    assert!(opaque(&r.upper.join("d/sub")));
    assert!(!is_whiteout(&r.upper.join("e")));
    assert_eq!(
        r.fs.rename(d, OsStr::new("x"), d, OsStr::new("y"), libc::RENAME_NOREPLACE).errno(),
        Err(Errno::EEXIST)
    );
}

#[test]
fn hardlinks_share_one_node_and_symlinks_and_fifos_are_created() {
    let r = rig();
    let a = look(&r.fs, ROOT, "a").unwrap();
    let (l, attr) = r.fs.link(a, ROOT, OsStr::new("b")).unwrap();
    assert_eq!(l, a);
    assert_eq!(attr.st.st_nlink, 2);
    assert_eq!(
        fs_err::metadata(r.upper.join("a")).unwrap().ino(),
        fs_err::metadata(r.upper.join("b")).unwrap().ino()
    );
    assert_eq!(look(&r.fs, ROOT, "b").unwrap(), a);
    // Renaming one name of a file onto another does nothing.
    r.fs.rename(ROOT, OsStr::new("b"), ROOT, OsStr::new("a"), 0).unwrap();
    assert!(r.upper.join("a").is_file() && r.upper.join("b").is_file());
    r.fs.symlink(ROOT, OsStr::new("s"), Path::new("a"), ME).unwrap();
    assert_eq!(fs_err::read_link(r.upper.join("s")).unwrap(), Path::new("a"));
    r.fs.mknod(ROOT, OsStr::new("p"), libc::S_IFIFO | 0o644, 0, ME).unwrap();
    assert!(fs_err::metadata(r.upper.join("p")).unwrap().file_type().is_fifo());
    assert_eq!(r.fs.mkdir(ROOT, OsStr::new("a"), 0o755, ME).errno().err(), Some(Errno::EEXIST));
}

#[test]
fn new_entries_get_the_callers_ids_and_a_setgid_parents_group() {
    if !nix::unistd::geteuid().is_root() {
        return; // chown to other ids needs root (the unit tests run as root)
    }
    let r = rig();
    let who = Creds { uid: 1000, gid: 1000 };
    let g = r.fs.mkdir(ROOT, OsStr::new("g"), 0o2775, ME).unwrap().0;
    r.fs.setattr(g, SetAttr { gid: Some(50), ..Default::default() }, None).unwrap();
    r.fs.setattr(g, SetAttr { mode: Some(0o2775), ..Default::default() }, None).unwrap();
    let (_, attr) = r.fs.mkdir(g, OsStr::new("sub"), 0o755, who).unwrap();
    assert_eq!((attr.st.st_uid, attr.st.st_gid), (1000, 50));
    assert!(attr.st.st_mode & libc::S_ISGID != 0);
    let Created { attr, fh, .. } = r.fs.create(ROOT, OsStr::new("f"), 0o600, libc::O_WRONLY, who).unwrap();
    r.fs.release(fh);
    assert_eq!((attr.st.st_uid, attr.st.st_gid), (1000, 1000));
}

#[test]
fn open_with_truncate_copies_up_an_empty_file() {
    let r = rig();
    let a = look(&r.fs, ROOT, "a").unwrap();
    let Opened { fh, .. } = r.fs.open(a, libc::O_WRONLY | libc::O_TRUNC).unwrap();
    r.fs.release(fh);
    assert_eq!(fs_err::metadata(r.upper.join("a")).unwrap().len(), 0);
    assert_eq!(fs_err::read_to_string(r.lower[0].join("a")).unwrap(), "a1");
}

#[test]
fn an_unprivileged_write_drops_the_set_user_id_bit() {
    let r = rig();
    let Created { id, fh, .. } = r.fs.create(ROOT, OsStr::new("s"), 0o4755, libc::O_WRONLY, ME).unwrap();
    r.fs.write(fh, 0, b"x", false).unwrap();
    assert_eq!(r.fs.getattr(id, None).unwrap().st.st_mode & 0o7777, 0o4755);
    r.fs.write(fh, 1, b"y", true).unwrap();
    r.fs.release(fh);
    assert_eq!(r.fs.getattr(id, None).unwrap().st.st_mode & 0o7777, 0o755);
}

#[test]
fn a_failed_operation_names_itself_its_path_and_its_errno() {
    let r = rig();
    let d = look(&r.fs, ROOT, "d").unwrap();
    let e = r.fs.lookup(d, OsStr::new("missing")).unwrap_err();
    assert_eq!(e, Error { op: "lookup", path: "d/missing".into(), errno: Errno::ENOENT });
    assert_eq!(e.to_string(), "lookup d/missing: ENOENT: No such file or directory");
    let e = r.fs.rmdir(ROOT, OsStr::new("d")).unwrap_err();
    assert_eq!((e.op, e.path.as_path(), e.errno), ("rmdir", Path::new("d"), Errno::ENOTEMPTY));
    let x = look(&r.fs, d, "x").unwrap();
    let e = r.fs.setxattr(x, OsStr::new(OPAQUE), b"y", 0).unwrap_err();
    assert_eq!((e.op, e.path.as_path(), e.errno), ("setxattr", Path::new("d/x"), Errno::EPERM));
}

#[test]
fn handle_and_node_errors_name_what_is_left_of_them() {
    let r = rig();
    let d = look(&r.fs, ROOT, "d").unwrap();
    let x = look(&r.fs, d, "x").unwrap();
    // A write through a read-only handle: the path it was opened as.
    let Opened { fh, .. } = r.fs.open(x, libc::O_RDONLY).unwrap();
    let e = r.fs.write(fh, 0, b"no", false).unwrap_err();
    assert_eq!(e, Error { op: "write", path: "d/x".into(), errno: Errno::EBADF });
    r.fs.release(fh);
    // A handle or a node the overlay does not know: its number.
    let e = r.fs.read(fh, 0, &mut [0; 8]).unwrap_err();
    assert_eq!(e, Error { op: "read", path: format!("<handle {fh}>").into(), errno: Errno::EBADF });
    let e = r.fs.getattr(987_654, None).unwrap_err();
    assert_eq!(e, Error { op: "getattr", path: "<node 987654>".into(), errno: Errno::ESTALE });
    let e = r.fs.mkdir(987_654, OsStr::new("n"), 0o755, ME).unwrap_err();
    assert_eq!(e, Error { op: "mkdir", path: "<node 987654>/n".into(), errno: Errno::ESTALE });
}

#[test]
fn a_layer_that_cannot_be_opened_is_named() {
    let t = tempfile::tempdir().unwrap();
    let (upper, work, missing) = (t.path().join("u"), t.path().join("w"), t.path().join("no-such-layer"));
    fs_err::create_dir_all(&upper).unwrap();
    fs_err::create_dir_all(&work).unwrap();
    let e = OverlayFs::new(std::slice::from_ref(&missing), &upper, &work, true).unwrap_err();
    assert_eq!(e, Error { op: "open layer", path: missing, errno: Errno::ENOENT });
}
