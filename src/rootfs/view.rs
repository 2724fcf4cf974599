//! A read-only view of overlay layers as one tree, without mounting: the directories are read
//! top layer first, with overlay's rules (a whiteout, a character device 0/0, hides the name in
//! the layers below; an opaque directory hides what is below it). Symlinks are followed inside
//! the view only: `..` and absolute targets never leave its root (as podman's securejoin).
//!
//! Used by shell completion to list paths inside an image or a stopped container.

use std::collections::HashSet;
use std::ffi::OsString;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

const OPAQUE_XATTRS: [&str; 2] = ["user.overlay.opaque", "trusted.overlay.opaque"];

/// What a name is in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dir,
    Symlink,
    Other,
}

/// One entry of a directory of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
}

/// The layers of a root filesystem, the top one first (a container's upper directory, then its
/// image's layers; or one directory for a plain copy).
#[derive(Debug, Clone)]
pub struct LayeredView {
    layers: Vec<PathBuf>,
}

fn is_whiteout(m: &std::fs::Metadata) -> bool {
    m.file_type().is_char_device() && m.rdev() == 0
}

fn is_opaque(dir: &Path) -> bool {
    OPAQUE_XATTRS.iter().any(|x| xattr::get(dir, x).ok().flatten().as_deref() == Some(b"y".as_slice()))
}

impl LayeredView {
    pub fn new(layers_top_first: Vec<PathBuf>) -> LayeredView {
        LayeredView { layers: layers_top_first }
    }

    /// The top-most metadata of `rel` (components below the root, already resolved), or `None`
    /// when no layer has it or a whiteout hides it. A directory that is hidden below an opaque
    /// directory or a non-directory is not seen.
    fn stat(&self, rel: &[String]) -> Option<(std::fs::Metadata, usize)> {
        'layers: for (i, layer) in self.layers.iter().enumerate() {
            // A parent that is a whiteout or not a directory in this layer hides the rest.
            let mut p = layer.clone();
            for (k, c) in rel.iter().enumerate() {
                p.push(c);
                match fs_err::symlink_metadata(&p) {
                    Ok(m) if is_whiteout(&m) => return None,
                    Ok(m) if k + 1 == rel.len() => return Some((m, i)),
                    Ok(m) if m.is_dir() => {
                        if is_opaque(&p) {
                            // Nothing below this layer is seen under p.
                            let rest = &rel[k + 1..];
                            let mut q = p.clone();
                            for c in rest {
                                q.push(c);
                            }
                            return match fs_err::symlink_metadata(&q) {
                                Ok(m) if !is_whiteout(&m) => Some((m, i)),
                                _ => None,
                            };
                        }
                    }
                    Ok(_) => return None,
                    Err(_) => continue 'layers,
                }
            }
            if rel.is_empty() {
                return fs_err::metadata(layer).ok().map(|m| (m, i));
            }
        }
        None
    }

    /// `path` resolved inside the view: components, with symlinks followed (up to 40) and `..`
    /// stopping at the root. `None` when a component is missing.
    pub fn resolve(&self, path: &str) -> Option<Vec<String>> {
        let mut todo: Vec<String> = path.split('/').rev().map(str::to_string).collect();
        let mut out: Vec<String> = Vec::new();
        let mut hops = 0;
        while let Some(c) = todo.pop() {
            match c.as_str() {
                "" | "." => continue,
                ".." => {
                    out.pop();
                    continue;
                }
                _ => {}
            }
            out.push(c);
            let (m, layer) = self.stat(&out)?;
            if m.file_type().is_symlink() {
                hops += 1;
                if hops > 40 {
                    return None;
                }
                let mut p = self.layers[layer].clone();
                for c in &out {
                    p.push(c);
                }
                let target = fs_err::read_link(&p).ok()?;
                out.pop();
                let target = target.to_string_lossy().into_owned();
                if target.starts_with('/') {
                    out.clear();
                }
                todo.extend(target.split('/').rev().map(str::to_string));
            }
        }
        Some(out)
    }

    /// Whether `rel` (resolved) is a directory.
    pub fn is_dir(&self, rel: &[String]) -> bool {
        self.stat(rel).is_some_and(|(m, _)| m.is_dir())
    }

    /// The entries of the directory `rel` (resolved), merged over the layers.
    pub fn read_dir(&self, rel: &[String]) -> Vec<Entry> {
        let mut seen: HashSet<OsString> = HashSet::new();
        let mut out = Vec::new();
        'layers: for layer in &self.layers {
            let mut p = layer.clone();
            for (k, c) in rel.iter().enumerate() {
                p.push(c);
                match fs_err::symlink_metadata(&p) {
                    Ok(m) if m.is_dir() => {}
                    Ok(_) => break 'layers,
                    Err(_) => continue 'layers,
                }
                // An opaque parent in this layer hides the lower layers' directory.
                if k + 1 < rel.len() && is_opaque(&p) {
                    let Ok(rd) = fs_err::read_dir(p.join(rel[k + 1..].join("/"))) else { break 'layers };
                    collect(rd, &mut seen, &mut out);
                    break 'layers;
                }
            }
            let Ok(rd) = fs_err::read_dir(&p) else { continue };
            collect(rd, &mut seen, &mut out);
            if is_opaque(&p) {
                break;
            }
        }
        out
    }
}

fn collect(rd: fs_err::ReadDir, seen: &mut HashSet<OsString>, out: &mut Vec<Entry>) {
    for e in rd.flatten() {
        let name = e.file_name();
        if !seen.insert(name.clone()) {
            continue;
        }
        let Ok(m) = e.metadata() else { continue };
        if is_whiteout(&m) {
            continue;
        }
        let kind = if m.is_dir() {
            Kind::Dir
        } else if m.file_type().is_symlink() {
            Kind::Symlink
        } else {
            Kind::Other
        };
        out.push(Entry { name: name.to_string_lossy().into_owned(), kind });
    }
}

/// Candidates for completing `to_complete` as a path inside `view`, as podman completes paths
/// in an image or a container: a directory's entries (directories with a trailing `/`), else the
/// entries of the parent that start with the last part. The flag is set when
/// the shell should add no space (a directory, or more than one candidate).
pub fn complete_path(view: &LayeredView, to_complete: &str) -> (Vec<String>, bool) {
    let mut prefix = if to_complete.is_empty() { "/".to_string() } else { to_complete.to_string() };
    let mut base = String::new();
    let dir = match view.resolve(&prefix) {
        Some(rel) if view.is_dir(&rel) => rel,
        _ => {
            let cut = prefix.rfind('/').map_or(0, |i| i + 1);
            base = prefix[cut..].to_string();
            prefix.truncate(cut);
            match view.resolve(&prefix) {
                Some(rel) if view.is_dir(&rel) => rel,
                _ => return (Vec::new(), false),
            }
        }
    };
    if !prefix.is_empty() && !prefix.ends_with('/') {
        prefix.push('/');
    }
    let entries = view.read_dir(&dir);
    if entries.is_empty() {
        return (vec![prefix], true);
    }
    let mut count = 0;
    let mut out = Vec::new();
    for e in entries.into_iter().filter(|e| e.name.starts_with(&base)) {
        count += 1;
        let mut c = format!("{prefix}{}", e.name);
        if e.kind == Kind::Dir {
            c.push('/');
            // A directory counts twice: the shell must not add a space after it.
            count += 1;
        }
        out.push(c);
    }
    (out, count > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, LayeredView) {
        let t = tempfile::tempdir().unwrap();
        let lower = t.path().join("lower");
        let upper = t.path().join("upper");
        for d in ["etc/ssl", "root", "home", "tmp", "gone"] {
            fs_err::create_dir_all(lower.join(d)).unwrap();
        }
        fs_err::write(lower.join("etc/os-release"), "x").unwrap();
        fs_err::write(lower.join("etc/passwd"), "x").unwrap();
        fs_err::write(lower.join("etc/shadow"), "x").unwrap();
        std::os::unix::fs::symlink("../etc", lower.join("home/link")).unwrap();
        fs_err::create_dir_all(upper.join("tmp")).unwrap();
        fs_err::write(upper.join("tmp/new"), "x").unwrap();
        fs_err::write(upper.join("tmp/new2"), "x").unwrap();
        fs_err::create_dir_all(upper.join("emptydir")).unwrap();
        // A whiteout needs mknod(c 0 0): allowed as root or inside a user namespace only; a
        // test run without it still checks the rest.
        let _ = nix::sys::stat::mknod(
            &upper.join("gone"),
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::from_bits_truncate(0o600),
            0,
        );
        (t, LayeredView::new(vec![upper, lower]))
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn lists_the_merged_root_and_directories_with_a_slash() {
        let (t, view) = setup();
        let (c, no_space) = complete_path(&view, "");
        let mut want = vec!["/emptydir/", "/etc/", "/home/", "/root/", "/tmp/"];
        if !t.path().join("upper/gone").exists() {
            want.push("/gone/");
        }
        assert_eq!(sorted(c), sorted(want.into_iter().map(String::from).collect()));
        assert!(no_space);
    }

    #[test]
    fn completes_a_directory_a_prefix_and_a_file_as_podman_does() {
        let (_t, view) = setup();
        let (c, _) = complete_path(&view, "/etc");
        assert!(c.contains(&"/etc/os-release".to_string()) && c.contains(&"/etc/ssl/".to_string()), "{c:?}");
        assert_eq!(complete_path(&view, "/etc/os-"), (vec!["/etc/os-release".to_string()], false));
        assert_eq!(complete_path(&view, "/etc/os-release"), (vec!["/etc/os-release".to_string()], false));
        assert_eq!(complete_path(&view, "/et"), (vec!["/etc/".to_string()], true));
        assert_eq!(complete_path(&view, "/etc/nosuch"), (vec![], false));
        assert_eq!(complete_path(&view, "/emptydir"), (vec!["/emptydir/".to_string()], true));
        assert_eq!(
            sorted(complete_path(&view, "/tmp/new").0),
            vec!["/tmp/new".to_string(), "/tmp/new2".to_string()]
        );
    }

    #[test]
    fn relative_paths_and_symlinks_stay_inside_the_root() {
        let (_t, view) = setup();
        let (c, _) = complete_path(&view, "../../");
        assert!(c.contains(&"../../etc/".to_string()) && c.contains(&"../../root/".to_string()), "{c:?}");
        // home/link -> ../etc: its entries are /etc's.
        let (c, _) = complete_path(&view, "/home/link/pa");
        assert_eq!(c, vec!["/home/link/passwd".to_string()]);
    }
}
