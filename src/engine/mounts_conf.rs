//! mounts.conf: podman's "default mounts" (containers/common's subscriptions). Each line is
//! `SRC:DEST`; SRC's content is given to every container and every build RUN step at DEST, as a
//! copy (what the container writes there never reaches SRC). Podman reads
//! `--default-mounts-file` alone when it is given, else `$XDG_CONFIG_HOME/containers/mounts.conf`
//! (rootless), `/etc/containers/mounts.conf` and `/usr/share/containers/mounts.conf`, the first
//! entry for a destination winning. A source that does not exist is skipped, as podman skips it.

use std::path::{Path, PathBuf};

/// Errors of a mounts.conf.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the mounts file {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: invalid mount {text:?}: expected SOURCE:DESTINATION", path.display())]
    Line { path: PathBuf, line: usize, text: String },
    #[error("cannot copy the default mount {} to {}", source_path.display(), dest.display())]
    Copy {
        source_path: PathBuf,
        dest: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// One default mount: a host path and where it goes in the container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultMount {
    pub source: PathBuf,
    pub destination: String,
}

/// The files read when no `--default-mounts-file` is given, first wins.
fn default_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    if !nix::unistd::geteuid().is_root() {
        if let Some(dir) = dirs::config_dir() {
            files.push(dir.join("containers/mounts.conf"));
        }
    }
    files.push("/etc/containers/mounts.conf".into());
    files.push("/usr/share/containers/mounts.conf".into());
    files
}

/// The default mounts: those of `file` (which must exist), else of podman's default files
/// (those that exist).
pub fn read(file: Option<&Path>) -> Result<Vec<DefaultMount>, Error> {
    let files = match file {
        Some(f) => vec![f.to_path_buf()],
        None => default_files().into_iter().filter(|f| f.is_file()).collect(),
    };
    let mut out: Vec<DefaultMount> = Vec::new();
    for path in files {
        let text =
            fs_err::read_to_string(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
        for m in parse(&path, &text)? {
            if m.source.exists() && !out.iter().any(|o| o.destination == m.destination) {
                out.push(m);
            }
        }
    }
    Ok(out)
}

/// The lines of one file (blank lines and `#` comments skipped).
fn parse(path: &Path, text: &str) -> Result<Vec<DefaultMount>, Error> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(':') {
            Some((src, dest)) if !src.is_empty() && dest.starts_with('/') && !dest.contains(':') => {
                out.push(DefaultMount { source: absolute(src), destination: dest.to_string() })
            }
            _ => return Err(Error::Line { path: path.to_path_buf(), line: n + 1, text: line.to_string() }),
        }
    }
    Ok(out)
}

fn absolute(p: &str) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| PathBuf::from(p))
}

/// Copies `m`'s source (a file or a directory tree) to `to`, which must not exist yet: the copy
/// is what a container gets mounted.
pub fn copy(m: &DefaultMount, to: &Path) -> Result<(), Error> {
    let err = |source| Error::Copy { source_path: m.source.clone(), dest: to.to_path_buf(), source };
    copy_tree(&m.source, to).map_err(err)
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let meta = fs_err::metadata(from)?;
    if meta.is_dir() {
        fs_err::create_dir_all(to)?;
        for entry in fs_err::read_dir(from)? {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        fs_err::set_permissions(to, meta.permissions())?;
    } else {
        fs_err::copy(from, to)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_source_colon_destination() {
        let p = Path::new("m.conf");
        let got = parse(p, "# secrets\n\n/a/secrets:/run/secrets\n /b:/etc/b \n").unwrap();
        assert_eq!(
            got,
            vec![
                DefaultMount { source: "/a/secrets".into(), destination: "/run/secrets".into() },
                DefaultMount { source: "/b".into(), destination: "/etc/b".into() },
            ]
        );
        let e = parse(p, "/a\n").unwrap_err().to_string();
        assert!(e.contains("m.conf:1") && e.contains("\"/a\""), "{e}");
        assert!(parse(p, "/a:relative\n").is_err());
    }

    #[test]
    fn missing_sources_are_skipped_and_the_first_destination_wins() {
        let dir = std::env::temp_dir().join(format!("skiff-mounts-conf-{}", std::process::id()));
        fs_err::create_dir_all(dir.join("s1")).unwrap();
        fs_err::create_dir_all(dir.join("s2")).unwrap();
        fs_err::write(dir.join("s1/f"), "one").unwrap();
        let conf = dir.join("mounts.conf");
        let text = format!("{0}/nosuch:/x\n{0}/s1:/run/secrets\n{0}/s2:/run/secrets\n", dir.display());
        fs_err::write(&conf, text).unwrap();
        let got = read(Some(&conf)).unwrap();
        assert_eq!(got, vec![DefaultMount { source: dir.join("s1"), destination: "/run/secrets".into() }]);
        copy(&got[0], &dir.join("copy")).unwrap();
        assert_eq!(fs_err::read_to_string(dir.join("copy/f")).unwrap(), "one");
        assert!(read(Some(&dir.join("nosuch.conf"))).is_err());
        fs_err::remove_dir_all(&dir).unwrap();
    }
}
