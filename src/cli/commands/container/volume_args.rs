//! `-v/--volume` and `--mount`: the flags, and their parsing into
//! [`MountRequest`](crate::engine::volumes::MountRequest)s (podman's syntax and rules).
//!
//! - `-v SRC:DST[:OPTS]`: a SRC starting with `/` or `.` is a host path (a relative one is
//!   taken from the current directory); anything else names a volume, created on first use.
//!   `-v DST` (and `-v DST:OPTS`) is a new anonymous volume. Options, comma-separated: `ro`/`rw`,
//!   `z`/`Z` (SELinux relabeling: accepted, nothing to do without SELinux), `U` (chown the source
//!   to the container's user), `O` (an overlay with a throw-away upper), `nocopy`/`copy`,
//!   `bind`/`rbind`, the propagation names, `[no]suid`, `[no]dev`, `[no]exec`.
//! - `--mount type=bind|volume|tmpfs,src=...,dst=...[,ro][,...]`: Docker's keys.

use std::path::{Path, PathBuf};

use crate::engine::containers::CreateOptions;
use crate::engine::volumes::{clean_destination, is_valid_name, Error, MountRequest, Source};

/// The mount flags of `run` and `create`.
#[derive(Debug, Default, clap::Args)]
pub struct VolumeArgs {
    /// Bind mount a host path or mount a volume: [HOST-PATH|VOLUME:]CONTAINER-PATH[:OPTIONS]; a
    /// source starting with / or . is a host path, else a volume name (created if missing); no
    /// source: a new anonymous volume. Options: ro, rw, U (chown to the container user), O
    /// (overlay, writes discarded), z, Z (ignored: no SELinux), nocopy, [r]bind,
    /// [r]private/[r]shared/[r]slave, [no]suid, [no]dev, [no]exec
    #[arg(short = 'v', long = "volume", value_name = "[SRC:]DST[:OPTS]")]
    pub volume: Vec<String>,
    /// Attach a filesystem: type=bind|volume|tmpfs,src=SOURCE,dst=DEST and options: ro,
    /// bind-propagation=P, bind-nonrecursive, U, volume-nocopy, tmpfs-size=N, tmpfs-mode=M
    #[arg(long = "mount", value_name = "type=TYPE,src=SRC,dst=DST")]
    pub mount: Vec<String>,
    /// Mount the volumes and bind mounts of another container (running or not) at the same
    /// destinations; options: ro, rw (override the mode), z (ignored). An explicit -v, --mount
    /// or --tmpfs on the same destination wins
    #[arg(long = "volumes-from", value_name = "CONTAINER[:OPTS]")]
    pub volumes_from: Vec<String>,
}

impl VolumeArgs {
    /// Adds the parsed requests to `with`.
    pub fn apply(&self, with: &mut CreateOptions) -> anyhow::Result<()> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        for v in &self.volume {
            with.mounts.push(parse_volume(v, &cwd)?);
        }
        for m in &self.mount {
            with.mounts.push(parse_mount(m, &cwd)?);
        }
        Ok(())
    }
}

fn invalid(text: &str, reason: impl Into<String>) -> Error {
    Error::Invalid { value: text.to_owned(), reason: reason.into() }
}

fn host_path(src: &str, cwd: &Path) -> PathBuf {
    let p = Path::new(src);
    // `components` drops `.` (`..` is kept: the kernel resolves it).
    if p.is_absolute() {
        p.components().collect()
    } else {
        cwd.join(p).components().collect()
    }
}

fn named(text: &str, name: &str) -> Result<Source, Error> {
    if !is_valid_name(name) {
        return Err(invalid(
            text,
            format!("invalid volume name {name:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]* (a host path starts with / or .)"),
        ));
    }
    Ok(Source::Named(name.to_owned()))
}

/// Applies one `-v` option to `r`.
fn apply_option(text: &str, r: &mut MountRequest, opt: &str, seen_rw: &mut bool) -> Result<(), Error> {
    match opt {
        "ro" | "rw" => {
            if std::mem::replace(seen_rw, true) {
                return Err(invalid(text, "only one 'rw' or 'ro' option may be given"));
            }
            r.read_only = opt == "ro";
        }
        "z" | "Z" => {}
        "U" => r.chown = true,
        "O" => r.overlay = true,
        "nocopy" => r.no_copy = true,
        "copy" => r.no_copy = false,
        "bind" => r.non_recursive = true,
        "rbind" => r.non_recursive = false,
        "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" | "unbindable" | "runbindable"
        | "nosuid" | "suid" | "nodev" | "dev" | "noexec" | "exec" => r.options.push(opt.to_owned()),
        "" => {}
        other => return Err(invalid(text, format!("invalid option type {other:?}"))),
    }
    Ok(())
}

fn apply_options(text: &str, r: &mut MountRequest, opts: &str) -> Result<(), Error> {
    let mut seen_rw = false;
    for opt in opts.split(',') {
        apply_option(text, r, opt.trim(), &mut seen_rw)?;
    }
    if r.overlay && r.chown {
        return Err(invalid(text, "the U and O options cannot be combined"));
    }
    if matches!(r.source, Source::Anonymous) && (r.overlay || r.chown) {
        return Err(invalid(text, "U and O need a source (a host path or a volume name)"));
    }
    Ok(())
}

/// Parses one `-v` value.
pub fn parse_volume(text: &str, cwd: &Path) -> Result<MountRequest, Error> {
    let parts: Vec<&str> = text.split(':').collect();
    let is_options = |s: &str| {
        let mut probe = MountRequest::new(text, Source::Named("x".into()), "/");
        !s.starts_with('/') && apply_options(text, &mut probe, s).is_ok()
    };
    let (src, dest, opts) = match parts.as_slice() {
        [dest] => (None, *dest, ""),
        [dest, opts] if dest.starts_with('/') && is_options(opts) => (None, *dest, *opts),
        [src, dest] => (Some(*src), *dest, ""),
        [src, dest, opts] => (Some(*src), *dest, *opts),
        _ => return Err(invalid(text, "expected [SOURCE:]DESTINATION[:OPTIONS]")),
    };
    if dest.is_empty() {
        return Err(invalid(text, "the container path is empty"));
    }
    let source = match src {
        None => Source::Anonymous,
        Some("") => return Err(invalid(text, "the source is empty")),
        Some(s) if s.starts_with('/') || s.starts_with('.') => Source::Host(host_path(s, cwd)),
        Some(name) => named(text, name)?,
    };
    let dest = clean_destination(text, dest)?;
    let mut r = MountRequest::new(text, source, &dest);
    apply_options(text, &mut r, opts)?;
    Ok(r)
}

fn boolean(text: &str, key: &str, value: Option<&str>) -> Result<bool, Error> {
    match value {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(v) => Err(invalid(text, format!("{key}={v}: expected true or false"))),
    }
}

/// Parses one `--mount` value.
pub fn parse_mount(text: &str, cwd: &Path) -> Result<MountRequest, Error> {
    let mut typ = None;
    let mut src = None;
    let mut dest = None;
    let mut r = MountRequest::new(text, Source::Anonymous, "/");
    let mut tmpfs = Vec::new();
    let mut bind_only = Vec::new();
    let mut tmpfs_only = Vec::new();
    for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let (key, value) = match item.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (item, None),
        };
        let need = |v: Option<&str>| {
            v.map(str::to_owned).ok_or_else(|| invalid(text, format!("{key} needs a value")))
        };
        match key {
            "type" => typ = Some(need(value)?),
            "src" | "source" => src = Some(need(value)?),
            "dst" | "destination" | "target" => dest = Some(need(value)?),
            "ro" | "readonly" => r.read_only = boolean(text, key, value)?,
            "rw" => r.read_only = !boolean(text, key, value)?,
            "bind-propagation" => {
                let p = need(value)?;
                if !crate::engine::volumes::is_propagation(&p) {
                    return Err(invalid(text, format!("invalid bind-propagation {p:?}")));
                }
                r.options.push(p);
                bind_only.push(key);
            }
            "bind-nonrecursive" => {
                r.non_recursive = boolean(text, key, value)?;
                bind_only.push(key);
            }
            "U" | "chown" => r.chown = boolean(text, key, value)?,
            "volume-nocopy" | "nocopy" => r.no_copy = boolean(text, key, value)?,
            "relabel" | "consistency" | "z" | "Z" => {}
            "notmpcopyup" | "tmpcopyup" => {
                // Checked (once, not both) with the tmpfs's other options.
                tmpfs.push(key.to_owned());
                tmpfs_only.push(key);
            }
            "tmpfs-size" => {
                tmpfs.push(format!("size={}", need(value)?));
                tmpfs_only.push(key);
            }
            "tmpfs-mode" => {
                tmpfs.push(format!("mode={}", need(value)?));
                tmpfs_only.push(key);
            }
            "nosuid" | "suid" | "nodev" | "dev" | "noexec" | "exec" => r.options.push(key.to_owned()),
            other => return Err(invalid(text, format!("{other:?}: invalid mount option"))),
        }
    }
    let Some(typ) = typ else {
        return Err(invalid(
            text,
            "incorrect mount format: should be --mount type=<bind|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]",
        ));
    };
    let Some(dest) = dest else { return Err(invalid(text, "no destination: add dst=CONTAINER-PATH")) };
    r.destination = clean_destination(text, &dest)?;
    match typ.as_str() {
        "bind" => {
            let Some(src) = src else { return Err(invalid(text, "type=bind needs src=HOST-PATH")) };
            r.source = Source::Host(host_path(&src, cwd));
        }
        "volume" => {
            r.source = match src {
                Some(name) => named(text, &name)?,
                None => Source::Anonymous,
            };
        }
        "tmpfs" => {
            if src.is_some() {
                return Err(invalid(text, "a tmpfs has no source"));
            }
            r.source = Source::Tmpfs;
            r.options.extend(tmpfs);
            if r.read_only {
                r.options.push("ro".into());
            }
        }
        other => {
            return Err(invalid(
                text,
                format!("invalid filesystem type {other:?}: use bind, volume or tmpfs"),
            ))
        }
    }
    if let Some(k) = bind_only.first().filter(|_| typ != "bind") {
        return Err(invalid(text, format!("{k} is only for type=bind")));
    }
    if let Some(k) = tmpfs_only.first().filter(|_| typ != "tmpfs") {
        return Err(invalid(text, format!("{k} is only for type=tmpfs")));
    }
    if r.chown && matches!(r.source, Source::Tmpfs | Source::Anonymous) {
        return Err(invalid(text, "U needs a source (a host path or a volume name)"));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cwd() -> PathBuf {
        PathBuf::from("/home/u/work")
    }

    fn v(text: &str) -> Result<MountRequest, String> {
        parse_volume(text, &cwd()).map_err(|e| e.to_string())
    }

    fn m(text: &str) -> Result<MountRequest, String> {
        parse_mount(text, &cwd()).map_err(|e| e.to_string())
    }

    #[test]
    fn volume_sources_destinations_and_options() {
        let r = v("/srv/data:/data:ro,z").unwrap();
        assert_eq!(r.source, Source::Host("/srv/data".into()));
        assert_eq!((r.destination.as_str(), r.read_only), ("/data", true));
        let r = v("./rel:/x:U").unwrap();
        assert_eq!((r.source, r.chown), (Source::Host("/home/u/work/rel".into()), true));
        assert_eq!(v("../up:/x").unwrap().source, Source::Host("/home/u/work/../up".into()));
        assert_eq!(v("cache:/var/cache/").unwrap().source, Source::Named("cache".into()));
        assert_eq!(v("cache:/var//cache").unwrap().destination, "/var/cache");
        let r = v("/anon").unwrap();
        assert_eq!((r.source, r.destination.as_str()), (Source::Anonymous, "/anon"));
        let r = v("/anon:ro").unwrap();
        assert_eq!((r.source, r.read_only), (Source::Anonymous, true));
        let r = v("/lower:/x:O").unwrap();
        assert!(r.overlay && !r.read_only);
        let r = v("/h:/x:rshared,nosuid,bind").unwrap();
        assert_eq!(r.options, ["rshared", "nosuid"]);
        assert!(r.non_recursive);
    }

    #[test]
    fn volume_errors_name_the_value() {
        let e = v("/h:x").unwrap_err();
        assert_eq!(e, "invalid mount \"/h:x\": invalid container path \"x\", must be an absolute path");
        let e = v("bad!name:/x").unwrap_err();
        assert!(e.contains("invalid volume name \"bad!name\""), "{e}");
        let e = v("/h:/x:bogus").unwrap_err();
        assert!(e.contains("invalid option type \"bogus\""), "{e}");
        assert!(v("/h:/x:ro,rw").unwrap_err().contains("only one 'rw' or 'ro'"));
        assert!(v("a:/b:ro:x").is_err());
        assert!(v(":/x").is_err());
        assert!(v("/x:U").is_err(), "an anonymous volume has nothing to chown");
    }

    #[test]
    fn mount_types() {
        let r = m("type=bind,src=/h,dst=/x,ro,bind-propagation=rslave").unwrap();
        assert_eq!(
            (r.source, r.read_only, r.options),
            (Source::Host("/h".into()), true, vec!["rslave".into()])
        );
        let r = m("type=bind,source=rel,target=/x,readonly=false").unwrap();
        assert_eq!((r.source, r.read_only), (Source::Host("/home/u/work/rel".into()), false));
        assert_eq!(m("type=volume,src=v1,dst=/x").unwrap().source, Source::Named("v1".into()));
        assert_eq!(m("type=volume,destination=/x").unwrap().source, Source::Anonymous);
        let r = m("type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=700").unwrap();
        assert_eq!((r.source, r.options), (Source::Tmpfs, vec!["size=1m".to_string(), "mode=700".into()]));
    }

    #[test]
    fn mount_errors() {
        assert!(m("src=/h,dst=/x").unwrap_err().contains("incorrect mount format"));
        assert!(m("type=foo,dst=/x").unwrap_err().contains("invalid filesystem type \"foo\""));
        assert!(m("type=bind,dst=/x").unwrap_err().contains("type=bind needs src="));
        assert!(m("type=bind,src=/h,dst=/x,bogus=1")
            .unwrap_err()
            .contains("\"bogus\": invalid mount option"));
        assert!(m("type=bind,src=/h").unwrap_err().contains("no destination"));
        assert!(m("type=volume,dst=/x,tmpfs-size=1m").unwrap_err().contains("only for type=tmpfs"));
        assert!(m("type=tmpfs,dst=/x,bind-propagation=shared").unwrap_err().contains("only for type=bind"));
        assert!(m("type=bind,src=/h,dst=/x,ro=maybe").is_err());
        assert!(m("type=volume,src=a/b,dst=/x").unwrap_err().contains("invalid volume name"));
    }
}
