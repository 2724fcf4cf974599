//! Volumes and the user's mounts: the `volume` use cases (create, ls, inspect, rm, prune), and
//! what `create` does with `-v`/`--mount` and the image's `VOLUME`s.
//!
//! A container's mounts are resolved in two steps:
//! 1. [`plan`], before the container's record exists: checks every request (host paths exist,
//!    destinations are absolute and unique), adds an anonymous volume for each image `VOLUME`
//!    nobody mounts over, creates the named and anonymous volumes that do not exist yet, and
//!    turns everything into OCI mounts for the spec;
//! 2. [`finish`], once the record exists (so the volumes are in use and cannot vanish): the `U`
//!    chown of sources to the container's user.
//!
//! The copy-up of a new volume from the image ([`copy_up_pending`]; podman's rule: only into an
//! empty volume, once, keeping owners, modes, links and times, the volume's root taking the owner
//! and mode of the image's directory) happens when the container's root filesystem is mounted to
//! start it, so a command killed before it is simply retried by the next start.
//!
//! Path safety: the destination inside the container is resolved with
//! [`secure_join`](crate::runtime::linux::mounts::secure_join) by the runtime when it mounts and
//! here when it reads the image's content for the copy-up, so a symlink in the image never
//! points a mount or a copy outside the container's root. Host sources are the user's own paths
//! and are used as given (after making them absolute); the chown of `U` never follows a symlink.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use oci_spec::runtime::Mount;

use super::images::RunConfig;
use super::Context;
use crate::rootfs::vfs;
use crate::runtime::linux::mounts::secure_join;
use crate::storage::volumes::{self as vols, VolumeRecord};
use crate::storage::{ContainerDirs, ContainerRecord, Store};

/// Errors of volumes and mounts; each names the value it refuses.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Volume(#[from] vols::Error),
    #[error("invalid mount {value:?}: {reason}")]
    Invalid { value: String, reason: String },
    #[error("cannot use {} as a bind mount source", path.display())]
    Source {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A volume option refused, in podman's words.
    #[error("{message}")]
    Option { message: String },
    /// An `--image-volume` (or `image_volume_mode`) that is none of bind, tmpfs, ignore, in
    /// podman's words.
    #[error("invalid image volume mode {value:?} required value: bind, tmpfs, ignore")]
    ImageVolumeMode { value: String },
    #[error("{destination}: duplicate mount destination")]
    Duplicate { destination: String },
    #[error("cannot copy the image's {destination} into volume {name}")]
    CopyUp {
        name: String,
        destination: String,
        #[source]
        source: vfs::Error,
    },
    #[error("cannot change the owner of {} to {uid}:{gid} (the :U option)", path.display())]
    Chown {
        path: PathBuf,
        uid: u32,
        gid: u32,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot prepare the overlay directory {}", path.display())]
    OverlayDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read the container's bundle {}", path.display())]
    Bundle {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid volume filter {value:?}: {reason}")]
    Filter { value: String, reason: String },
    #[error("looking up container {name:?} for volumes-from")]
    VolumesFrom {
        name: String,
        #[source]
        source: crate::storage::containers::Error,
    },
}

impl Error {
    /// True when the volume (or container) asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Volume(e) if e.is_not_found())
    }
}

/// What becomes of an image's `VOLUME`s (`--image-volume`, containers.conf `image_volume_mode`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ImageVolumeMode {
    /// An anonymous volume each (podman's default).
    #[default]
    Bind,
    /// A tmpfs each, holding a copy of what the image has there.
    Tmpfs,
    /// Nothing is mounted.
    Ignore,
}

impl std::str::FromStr for ImageVolumeMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "bind" => Ok(ImageVolumeMode::Bind),
            "tmpfs" => Ok(ImageVolumeMode::Tmpfs),
            "ignore" => Ok(ImageVolumeMode::Ignore),
            _ => Err(Error::ImageVolumeMode { value: s.to_string() }),
        }
    }
}

/// Where a mount's content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A host path (absolute).
    Host(PathBuf),
    /// A named volume, created on first use.
    Named(String),
    /// A new anonymous volume (`-v /path`, `--mount type=volume` without a source).
    Anonymous,
    /// A tmpfs; its options are in [`MountRequest::options`] (`size=`, `mode=`).
    Tmpfs,
}

/// One `-v` or `--mount`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountRequest {
    /// What the user typed, for messages.
    pub text: String,
    pub source: Source,
    /// Absolute, without `.` components or repeated slashes.
    pub destination: String,
    pub read_only: bool,
    /// `U`: chown the source (recursively) to the container's user.
    pub chown: bool,
    /// `O`: an overlay with the source as its lower layer and a throw-away upper.
    pub overlay: bool,
    /// `nocopy`: no copy-up into a new volume.
    pub no_copy: bool,
    /// `bind` instead of the default `rbind`.
    pub non_recursive: bool,
    /// Other OCI options: propagation, `nosuid`, `nodev`, `noexec` (and their opposites), and for
    /// tmpfs its `size=`/`mode=`.
    pub options: Vec<String>,
}

impl MountRequest {
    /// A request with default options.
    pub fn new(text: &str, source: Source, destination: &str) -> MountRequest {
        MountRequest {
            text: text.to_owned(),
            source,
            destination: destination.to_owned(),
            read_only: false,
            chown: false,
            overlay: false,
            no_copy: false,
            non_recursive: false,
            options: Vec::new(),
        }
    }
}

/// Cleans a container destination: it must be absolute; `.` and repeated slashes go (`..` is
/// kept for [`secure_join`] to resolve inside the root).
pub fn clean_destination(text: &str, dest: &str) -> Result<String, Error> {
    if !dest.starts_with('/') {
        return Err(Error::Invalid {
            value: text.to_owned(),
            reason: format!("invalid container path {dest:?}, must be an absolute path"),
        });
    }
    let parts: Vec<&str> = dest.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    Ok(format!("/{}", parts.join("/")))
}

/// What [`plan`] decided.
#[derive(Debug, Default)]
pub struct Plan {
    /// The OCI mounts, for [`crate::runtime::spec::RunOptions::mounts`].
    pub mounts: Vec<Mount>,
    /// Every volume the container mounts (for its record).
    pub volumes: Vec<String>,
    /// Anonymous volumes created by this plan (removed again if the creation fails).
    pub created_anonymous: Vec<String>,
    /// Host paths (bind sources or volume data) to chown to the container's user.
    pub chown: Vec<PathBuf>,
    /// The overlay (`O`) directories to create: `(upper, work)`, relative to the container's
    /// directory.
    pub overlay_dirs: Vec<(PathBuf, PathBuf)>,
}

fn mount(destination: &str, typ: &str, source: &Path, options: Vec<String>) -> Mount {
    let mut m = Mount::default();
    m.set_destination(PathBuf::from(destination));
    m.set_typ(Some(typ.to_string()));
    m.set_source(Some(source.to_path_buf()));
    m.set_options(Some(options));
    m
}

/// The image's `VOLUME` destinations (config `Volumes`), sorted; a relative one is taken from
/// `/`, as podman does (`VOLUME ['/a', '/b']` gives `/[/a,` and `/b]`).
pub fn image_volumes(image_config: &RunConfig) -> Vec<String> {
    let mut v: Vec<String> = image_config.volumes().clone().unwrap_or_default();
    for d in v.iter_mut().filter(|d| !d.starts_with('/')) {
        d.insert(0, '/');
    }
    v.sort();
    v.dedup();
    v
}

/// Checks the requests, adds the image's anonymous volumes, creates missing volumes and builds
/// the OCI mounts. `dirs` are the (final) directories of the container being created. On error,
/// anonymous volumes it created are removed again.
/// `--tmpfs DEST[:OPTIONS]` next to the `-v`/`--mount` requests: a destination given twice with
/// other options, or also by a volume or bind mount, is a duplicate (podman's check).
pub fn check_tmpfs_duplicates(tmpfs: &[String], requests: &[MountRequest]) -> Result<(), Error> {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for t in tmpfs {
        let (dest, opts) = t.split_once(':').unwrap_or((t.as_str(), ""));
        let Ok(dest) = clean_destination(t, dest) else { continue };
        if seen.iter().any(|(d, o)| *d == dest && *o != opts)
            || requests.iter().any(|r| r.destination == dest)
        {
            return Err(Error::Duplicate { destination: dest });
        }
        seen.push((dest, opts));
    }
    Ok(())
}

pub fn plan(
    ctx: &Context,
    store: &Store,
    image_config: &RunConfig,
    requests: &[MountRequest],
    image_volume: ImageVolumeMode,
    dirs: &ContainerDirs,
) -> Result<Plan, Error> {
    let mut all: Vec<MountRequest> = Vec::new();
    for r in requests {
        match all.iter().find(|a| a.destination == r.destination) {
            Some(a) if a == r => continue,
            Some(_) => return Err(Error::Duplicate { destination: r.destination.clone() }),
            None => all.push(r.clone()),
        }
    }
    for dest in image_volumes(image_config) {
        let Ok(dest) = clean_destination(&dest, &dest) else { continue };
        if all.iter().any(|a| a.destination == dest) {
            continue;
        }
        match image_volume {
            ImageVolumeMode::Bind => all.push(MountRequest::new(&dest, Source::Anonymous, &dest)),
            ImageVolumeMode::Tmpfs => {
                // podman's options for it: executable, with the image's content (tmpcopyup).
                let mut r = MountRequest::new(&dest, Source::Tmpfs, &dest);
                r.options.push("exec".into());
                all.push(r);
            }
            ImageVolumeMode::Ignore => {}
        }
    }
    let mut plan = Plan::default();
    let result = fill(ctx, store, &all, dirs, &mut plan);
    if result.is_err() {
        for name in &plan.created_anonymous {
            let _ = store.remove_volume(name);
        }
    }
    result.map(|()| plan)
}

fn fill(
    ctx: &Context,
    store: &Store,
    all: &[MountRequest],
    dirs: &ContainerDirs,
    plan: &mut Plan,
) -> Result<(), Error> {
    for r in all {
        if r.source == Source::Tmpfs {
            let text = format!("{}:{}", r.destination, r.options.join(","));
            let m = crate::runtime::spec::tmpfs_mount(&text)
                .map_err(|e| Error::Invalid { value: r.text.clone(), reason: e.to_string() })?;
            plan.mounts.push(m);
            continue;
        }
        let source = match &r.source {
            Source::Host(path) => {
                fs_err::metadata(path).map_err(|source| Error::Source { path: path.clone(), source })?;
                path.clone()
            }
            Source::Named(name) => {
                let rec = match store.get_volume(name)? {
                    Some(rec) => rec,
                    None => match store.create_volume(Some(name), BTreeMap::new(), false) {
                        Ok(rec) => rec,
                        // Created by a concurrent command meanwhile.
                        Err(vols::Error::Exists { .. }) => store
                            .get_volume(name)?
                            .ok_or_else(|| vols::Error::NotFound { name: name.clone() })?,
                        Err(e) => return Err(e.into()),
                    },
                };
                match rec.options.get("type").map(String::as_str) {
                    Some("tmpfs") => {
                        let mut opts: Vec<String> = rec
                            .options
                            .get("o")
                            .map(|o| o.split(',').map(str::to_string).collect())
                            .unwrap_or_default();
                        opts.extend(r.options.iter().cloned());
                        if r.read_only {
                            opts.push("ro".into());
                        }
                        // The volume is empty at each mount, not a copy of the image's directory.
                        if !opts.iter().any(|o| o == "tmpcopyup" || o == "notmpcopyup") {
                            opts.push("notmpcopyup".into());
                        }
                        let text = format!("{}:{}", r.destination, opts.join(","));
                        let m = crate::runtime::spec::tmpfs_mount(&text)
                            .map_err(|e| Error::Invalid { value: r.text.clone(), reason: e.to_string() })?;
                        if !plan.volumes.contains(&rec.name) {
                            plan.volumes.push(rec.name.clone());
                        }
                        plan.mounts.push(m);
                        continue;
                    }
                    _ => match rec.options.get("device").filter(|d| !d.is_empty()) {
                        Some(device) => {
                            if !plan.volumes.contains(&rec.name) {
                                plan.volumes.push(rec.name.clone());
                            }
                            PathBuf::from(device)
                        }
                        None => volume_source(store, r, rec, plan)?,
                    },
                }
            }
            Source::Anonymous => {
                let rec = store.create_volume(None, BTreeMap::new(), true)?;
                plan.created_anonymous.push(rec.name.clone());
                volume_source(store, r, rec, plan)?
            }
            Source::Tmpfs => unreachable!("handled above"),
        };
        if r.chown {
            plan.chown.push(source.clone());
        }
        if r.overlay {
            let n = plan.overlay_dirs.len();
            let rel = PathBuf::from("volume-overlays").join(n.to_string());
            let (upper, work) = (rel.join("upper"), rel.join("work"));
            let awkward = |p: &Path| p.to_string_lossy().contains([',', ':', '\\']);
            if [&source, &dirs.root].iter().any(|p| awkward(p)) {
                return Err(Error::Invalid {
                    value: r.text.clone(),
                    reason: "an overlay (:O) source or storage path cannot contain ',', ':' or '\\'".into(),
                });
            }
            let mut options = vec![
                format!("lowerdir={}", source.display()),
                format!("upperdir={}", dirs.root.join(&upper).display()),
                format!("workdir={}", dirs.root.join(&work).display()),
            ];
            if ctx.rootless {
                options.push("userxattr".into());
            }
            if r.read_only {
                options.push("ro".into());
            }
            options.extend(r.options.iter().cloned());
            plan.overlay_dirs.push((upper, work));
            plan.mounts.push(mount(&r.destination, "overlay", Path::new("overlay"), options));
            continue;
        }
        let mut options = vec![if r.non_recursive { "bind" } else { "rbind" }.to_string()];
        if !r.options.iter().any(|o| !crate::runtime::linux::mounts::propagation(o).is_empty()) {
            options.push("rprivate".into());
        }
        options.extend(r.options.iter().cloned());
        options.push(if r.read_only { "ro" } else { "rw" }.into());
        plan.mounts.push(mount(&r.destination, "bind", &source, options));
    }
    Ok(())
}

fn volume_source(
    store: &Store,
    r: &MountRequest,
    rec: VolumeRecord,
    plan: &mut Plan,
) -> Result<PathBuf, Error> {
    if rec.needs_copy_up && r.no_copy {
        // `nocopy`: this volume starts empty and stays so.
        store.update_volume(&rec.name, |v, _| {
            v.needs_copy_up = false;
            Ok::<_, vols::Error>(())
        })?;
    }
    if !plan.volumes.contains(&rec.name) {
        plan.volumes.push(rec.name.clone());
    }
    Ok(store.volume_data(&rec.name))
}

/// `--volumes-from CONTAINER[:ro|rw|z]` (each of `from`, in order): the volumes and bind mounts
/// of the container (running or not), same destinations and options, `ro`/`rw` overriding the
/// mode. A destination already in `taken` (the explicit `-v`/`--mount`/`--tmpfs`), or given by
/// an earlier `--volumes-from`, is skipped, as podman does. A missing container is an error.
pub fn volumes_from(
    ctx: &Context,
    store: &Store,
    from: &[String],
    taken: &[String],
) -> Result<Vec<MountRequest>, Error> {
    let mut out: Vec<MountRequest> = Vec::new();
    for text in from {
        let (name, opts) = text.split_once(':').unwrap_or((text.as_str(), ""));
        let mut mode = None;
        for o in opts.split(',').filter(|o| !o.is_empty()) {
            match o {
                "ro" | "rw" if mode.is_some() => {
                    return Err(Error::Option { message: "cannot set ro or rw options more than once".into() })
                }
                "ro" | "rw" => mode = Some(o == "ro"),
                "z" => {}
                _ => {
                    return Err(Error::Option {
                        message: format!(
                            "invalid option {o:?} specified - volumes from another container can only use z,ro,rw options"
                        ),
                    })
                }
            }
        }
        let rec = store
            .find_container(name)
            .map_err(|source| Error::VolumesFrom { name: name.to_owned(), source })?;
        let spec_path = store.container_dirs(&rec.id).bundle.join("config.json");
        let bytes =
            fs_err::read(&spec_path).map_err(|source| Error::Bundle { path: spec_path.clone(), source })?;
        let spec: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        for m in super::lifecycle::user_mounts(ctx, &spec) {
            let s = |k: &str| m[k].as_str().unwrap_or_default().to_string();
            let dest = s("Destination");
            if taken.contains(&dest) || out.iter().any(|r| r.destination == dest) {
                continue;
            }
            let source = match m.get("Name").and_then(serde_json::Value::as_str) {
                Some(volume) => Source::Named(volume.to_owned()),
                None => Source::Host(PathBuf::from(s("Source"))),
            };
            let mut r = MountRequest::new(text, source, &dest);
            r.read_only = mode.unwrap_or(m["RW"] != true);
            r.options = m["Options"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|o| o.as_str().map(str::to_owned))
                .collect();
            out.push(r);
        }
    }
    Ok(out)
}

/// Creates the overlay (`O`) directories of a plan under `root` (the container's staged dir).
pub fn make_overlay_dirs(plan: &Plan, root: &Path) -> Result<(), Error> {
    for (upper, work) in &plan.overlay_dirs {
        for d in [upper, work] {
            let path = root.join(d);
            fs_err::create_dir_all(&path).map_err(|source| Error::OverlayDir { path, source })?;
        }
    }
    Ok(())
}

/// Empties the overlay (`O`) upper and work directories of a container that is not running, so
/// that every run starts from the source's content again.
pub fn reset_overlay_dirs(dirs: &ContainerDirs) -> Result<(), Error> {
    let base = dirs.root.join("volume-overlays");
    let Ok(entries) = fs_err::read_dir(&base) else { return Ok(()) };
    for entry in entries.flatten() {
        for sub in ["upper", "work"] {
            let path = entry.path().join(sub);
            let err = |source| Error::OverlayDir { path: path.clone(), source };
            match fs_err::remove_dir_all(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(err(e)),
            }
            fs_err::create_dir(&path).map_err(err)?;
        }
    }
    Ok(())
}

/// The chowns (`U`) of a plan, once the container's record exists; `uid`/`gid` are the container
/// process's user.
pub fn finish(plan: &Plan, uid: u32, gid: u32) -> Result<(), Error> {
    for path in &plan.chown {
        chown_tree(path, uid, gid)?;
    }
    Ok(())
}

/// The data directory a spec mount takes from: a bind's source, an overlay's `lowerdir`.
fn mount_source(m: &Mount) -> Option<PathBuf> {
    match m.typ().as_deref() {
        Some("overlay") => {
            m.options().iter().flatten().find_map(|o| o.strip_prefix("lowerdir=").map(PathBuf::from))
        }
        _ => m.source().clone(),
    }
}

/// Copies the image's content into those of `rec`'s volumes that are still new, at the
/// destinations its bundle (`bundle/config.json`) mounts them on. `rootfs` is the container's
/// mounted root filesystem.
pub fn copy_up_pending(
    store: &Store,
    rec: &ContainerRecord,
    bundle: &Path,
    rootfs: &Path,
) -> Result<(), Error> {
    let mut pending = Vec::new();
    for name in &rec.volumes {
        if store.get_volume(name)?.is_some_and(|v| v.needs_copy_up) {
            pending.push(name);
        }
    }
    if pending.is_empty() {
        return Ok(());
    }
    let path = bundle.join("config.json");
    let spec: oci_spec::runtime::Spec = fs_err::read(&path)
        .and_then(|b| serde_json::from_slice(&b).map_err(std::io::Error::other))
        .map_err(|source| Error::Bundle { path: path.clone(), source })?;
    let (uid, gid) = spec.process().as_ref().map(|p| (p.user().uid(), p.user().gid())).unwrap_or((0, 0));
    // The container's user as stored: shifted when it has a user namespace of its own (keep-id's
    // user is the storage namespace's root, as podman chowns a new volume to the host id).
    let (uid, gid) = super::userns::storage_ids(bundle, uid, gid);
    for m in spec.mounts().iter().flatten() {
        let Some(source) = mount_source(m) else { continue };
        for name in &pending {
            if source == store.volume_data(name) {
                copy_up(store, name, &m.destination().to_string_lossy(), rootfs, uid, gid)?;
            }
        }
    }
    Ok(())
}

/// `--volumepath`: every volume of this process lives under `dir` (see
/// [`crate::storage::set_volume_path`]).
pub fn set_volume_path(dir: std::path::PathBuf) {
    crate::storage::set_volume_path(dir);
}

/// podman's copy-up: once, into an empty volume, the image's directory at `dest` with owners,
/// modes and times; the volume's root takes that directory's owner and mode. When the image has
/// nothing at `dest`, the volume's root is given to the container's user.
fn copy_up(store: &Store, name: &str, dest: &str, rootfs: &Path, uid: u32, gid: u32) -> Result<(), Error> {
    store.update_volume(name, |rec, data| -> Result<(), Error> {
        if !rec.needs_copy_up {
            return Ok(());
        }
        let cerr = |source| Error::CopyUp {
            name: name.to_owned(),
            destination: dest.to_owned(),
            source: vfs::Error::Copy {
                from: rootfs.join(dest.trim_start_matches('/')),
                to: data.into(),
                source,
            },
        };
        let from = secure_join(rootfs, Path::new(dest)).map_err(cerr)?;
        let empty = fs_err::read_dir(data).map_err(cerr)?.next().is_none();
        // As podman: only a non-empty directory of the image is copied, into an empty volume;
        // until then the volume still needs its copy-up (a later container may have content
        // there). The first use gives the volume's root to the container's user.
        match fs_err::symlink_metadata(&from) {
            Ok(m) if m.is_dir() && empty => {
                let has_content = fs_err::read_dir(&from).map_err(cerr)?.next().is_some();
                if has_content {
                    vfs::populate(std::slice::from_ref(&from), data).map_err(|source| Error::CopyUp {
                        name: name.to_owned(),
                        destination: dest.to_owned(),
                        source,
                    })?;
                    rec.needs_copy_up = false;
                }
                if has_content || rec.needs_chown {
                    std::os::unix::fs::lchown(data, Some(m.uid()), Some(m.gid())).map_err(cerr)?;
                    use std::os::unix::fs::PermissionsExt;
                    fs_err::set_permissions(data, std::fs::Permissions::from_mode(m.mode() & 0o7777))
                        .map_err(cerr)?;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && empty && rec.needs_chown => {
                std::os::unix::fs::lchown(data, Some(uid), Some(gid)).map_err(cerr)?;
            }
            _ => {}
        }
        rec.needs_chown = false;
        Ok(())
    })
}

/// `U` at a start (podman's rule): `path` and everything below it are chowned again when
/// `path` itself no longer has the container user's owner; otherwise nothing is touched.
pub fn rechown(path: &Path, uid: u32, gid: u32) -> Result<(), Error> {
    use std::os::unix::fs::MetadataExt;
    match fs_err::symlink_metadata(path) {
        Ok(m) if m.uid() == uid && m.gid() == gid => Ok(()),
        Ok(_) => chown_tree(path, uid, gid),
        Err(_) => Ok(()),
    }
}

/// Changes the owner of `path` and everything below it, never following a symlink.
fn chown_tree(path: &Path, uid: u32, gid: u32) -> Result<(), Error> {
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Chown { path: p, uid, gid, source }
    };
    std::os::unix::fs::lchown(path, Some(uid), Some(gid)).map_err(err(path))?;
    let meta = fs_err::symlink_metadata(path).map_err(err(path))?;
    if meta.is_dir() {
        for entry in fs_err::read_dir(path).map_err(err(path))? {
            let entry = entry.map_err(err(path))?;
            chown_tree(&entry.path(), uid, gid)?;
        }
    }
    Ok(())
}

/// Removes the anonymous volumes among `rec`'s (after the container is gone: `rm -v`, `--rm`).
/// Volumes still in use elsewhere or already gone are left alone. Returns the removed names.
pub fn remove_anonymous(store: &Store, rec: &ContainerRecord) -> Result<Vec<String>, Error> {
    let mut removed = Vec::new();
    for name in &rec.volumes {
        match store.get_volume(name)? {
            Some(v) if v.anonymous => match store.remove_volume(name) {
                Ok(_) => removed.push(name.clone()),
                Err(vols::Error::InUse { .. } | vols::Error::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            },
            _ => {}
        }
    }
    Ok(removed)
}

/// `volume create`.
pub fn create(
    store: &Store,
    name: Option<&str>,
    labels: BTreeMap<String, String>,
) -> Result<VolumeRecord, Error> {
    let rec = store.create_volume(name, labels, false)?;
    super::events::volume("create", &rec.name);
    Ok(rec)
}

/// `volume create -o`: checks the local driver's options as podman does (`type=bind|tmpfs`,
/// `device=`, `o=` mount options), then creates the volume with them. A `bind` volume mounts
/// `device` (which must exist); a `tmpfs` one is a new tmpfs in each container.
pub fn create_with_options(
    store: &Store,
    name: Option<&str>,
    labels: BTreeMap<String, String>,
    options: BTreeMap<String, String>,
) -> Result<VolumeRecord, Error> {
    let bad = |value: String, reason: String| Error::Invalid { value, reason };
    for (k, v) in &options {
        match k.as_str() {
            "type" if ["bind", "tmpfs", "none"].contains(&v.as_str()) => {}
            "type" => {
                return Err(bad(format!("type={v}"), "the local driver takes type=bind or type=tmpfs".into()))
            }
            "device" | "o" => {}
            _ => return Err(bad(format!("{k}={v}"), format!("invalid mount option {k} for driver 'local'"))),
        }
    }
    let kind = options.get("type").cloned().unwrap_or_default();
    let binds =
        kind == "bind" || options.get("o").is_some_and(|o| o.split(',').any(|x| x == "bind" || x == "rbind"));
    if binds {
        let device = options.get("device").map(String::as_str).unwrap_or("");
        if let Err(errno) = nix::sys::stat::stat(device) {
            return Err(Error::Option {
                message: format!(
                    "invalid volume option device for driver 'local': stat {device}: {}",
                    errno.desc().to_lowercase()
                ),
            });
        }
    }
    let rec = store.create_volume(name, labels, false)?;
    let rec = store.update_volume(&rec.name, |v, _| {
        v.options = options;
        // The content of a bind or tmpfs volume is not skiff's to fill.
        if binds || kind == "tmpfs" {
            v.needs_copy_up = false;
        }
        Ok::<_, vols::Error>(v.clone())
    })?;
    super::events::volume("create", &rec.name);
    Ok(rec)
}

impl Error {
    /// True when containers use the volume.
    pub fn is_in_use(&self) -> bool {
        matches!(self, Error::Volume(vols::Error::InUse { .. }))
    }
}

/// Whether `name` is a valid volume name: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn is_valid_name(name: &str) -> bool {
    vols::is_valid_volume_name(name)
}

/// Whether `name` is a mount propagation (`private`, `rshared`, `slave`, ...).
pub fn is_propagation(name: &str) -> bool {
    !crate::runtime::linux::mounts::propagation(name).is_empty()
}

/// Whether volume `name` exists.
pub fn exists(store: &Store, name: &str) -> Result<bool, Error> {
    Ok(store.get_volume(name)?.is_some())
}

/// Every volume.
pub fn all(store: &Store) -> Result<Vec<VolumeRecord>, Error> {
    Ok(store.list_volumes()?)
}

/// Where the data of volume `name` lives (its `Mountpoint`).
pub fn mountpoint(store: &Store, name: &str) -> PathBuf {
    store.volume_data(name)
}

/// The volume `name`.
pub fn get(store: &Store, name: &str) -> Result<VolumeRecord, Error> {
    store.get_volume(name)?.ok_or_else(|| vols::Error::NotFound { name: name.to_owned() }.into())
}

/// A `volume ls --filter` condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `name=REGEX`: the name matches REGEX (unanchored, as podman's).
    Name(String),
    /// `label=KEY` or `label=KEY=VALUE`.
    Label(String, Option<String>),
    /// `dangling=true|false`: not used by any container.
    Dangling(bool),
    /// `driver=local`.
    Driver(String),
}

impl Filter {
    /// Parses `KEY=VALUE` as podman's `volume ls --filter`.
    pub fn parse(text: &str) -> Result<Filter, Error> {
        let bad = |reason: &str| Error::Filter { value: text.to_owned(), reason: reason.to_owned() };
        let (key, value) = text.split_once('=').ok_or_else(|| bad("expected KEY=VALUE"))?;
        Ok(match key {
            "name" => Filter::Name(value.to_owned()),
            "label" => match value.split_once('=') {
                Some((k, v)) => Filter::Label(k.to_owned(), Some(v.to_owned())),
                None => Filter::Label(value.to_owned(), None),
            },
            "dangling" => match value {
                "true" | "1" => Filter::Dangling(true),
                "false" | "0" => Filter::Dangling(false),
                _ => return Err(bad("dangling takes true or false")),
            },
            "driver" => Filter::Driver(value.to_owned()),
            _ => return Err(bad("known filters are name, label, dangling and driver")),
        })
    }

    fn matches(&self, v: &VolumeRecord, in_use: bool) -> bool {
        match self {
            Filter::Name(n) => match regex::Regex::new(n) {
                Ok(re) => re.is_match(&v.name),
                Err(_) => v.name.contains(n.as_str()),
            },
            Filter::Label(k, None) => v.labels.contains_key(k),
            Filter::Label(k, Some(val)) => v.labels.get(k) == Some(val),
            Filter::Dangling(d) => *d != in_use,
            Filter::Driver(d) => d == "local",
        }
    }
}

/// Names of the volumes some container uses.
fn in_use(store: &Store) -> Result<std::collections::HashSet<String>, Error> {
    Ok(store.list_containers().map_err(vols::Error::from)?.into_iter().flat_map(|c| c.volumes).collect())
}

/// `volume ls`: the volumes matching every filter (filters with the same key: any of them).
pub fn list(store: &Store, filters: &[Filter]) -> Result<Vec<VolumeRecord>, Error> {
    let used = in_use(store)?;
    let all = store.list_volumes()?;
    Ok(all
        .into_iter()
        .filter(|v| {
            let u = used.contains(&v.name);
            let kinds = filters.iter().map(std::mem::discriminant).collect::<std::collections::HashSet<_>>();
            kinds
                .iter()
                .all(|k| filters.iter().filter(|f| std::mem::discriminant(*f) == *k).any(|f| f.matches(v, u)))
        })
        .collect())
}

/// Containers (ids) using volume `name`.
pub fn users(store: &Store, name: &str) -> Result<Vec<String>, Error> {
    Ok(store.volume_users(name)?)
}

/// `volume rm` (without force: the caller removes the users first for `-f`).
pub fn remove(store: &Store, name: &str) -> Result<VolumeRecord, Error> {
    let rec = store.remove_volume(name)?;
    super::events::volume("remove", &rec.name);
    Ok(rec)
}

/// The volumes `volume prune` with `filters` would remove: those no container uses.
pub fn prune_candidates(store: &Store, filters: &[Filter]) -> Result<Vec<String>, Error> {
    let used = in_use(store)?;
    Ok(list(store, filters)?.into_iter().filter(|v| !used.contains(&v.name)).map(|v| v.name).collect())
}

/// `volume export`: the volume's content as a tar on `out`.
pub fn export(store: &Store, name: &str, out: impl std::io::Write) -> Result<(), Error> {
    let rec = store.get_volume(name)?.ok_or_else(|| vols::Error::NotFound { name: name.to_owned() })?;
    let dir = match rec.options.get("device").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => store.volume_data(name),
    };
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    let io = |source: std::io::Error| Error::Source { path: dir.clone(), source };
    b.append_dir_all(".", &dir).map_err(io)?;
    b.into_inner().and_then(|mut w| w.flush()).map_err(io)?;
    Ok(())
}

/// `volume import`: unpacks the tar `input` into the volume (entries may not leave it).
pub fn import(store: &Store, name: &str, input: impl std::io::Read) -> Result<(), Error> {
    let rec = store.get_volume(name)?.ok_or_else(|| vols::Error::NotFound { name: name.to_owned() })?;
    let dir = match rec.options.get("device").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => store.volume_data(name),
    };
    let mut ar = tar::Archive::new(input);
    ar.set_preserve_permissions(true);
    ar.set_preserve_mtime(true);
    ar.unpack(&dir).map_err(|source| Error::Source { path: dir.clone(), source })?;
    store.update_volume(name, |v, _| {
        v.needs_copy_up = false;
        Ok::<_, vols::Error>(())
    })?;
    Ok(())
}

/// `volume prune`: removes every volume no container uses; returns their names.
pub fn prune(store: &Store, filters: &[Filter]) -> Result<Vec<String>, Error> {
    let mut removed = Vec::new();
    for v in list(store, filters)? {
        match store.remove_volume(&v.name) {
            Ok(_) => {
                super::events::volume("remove", &v.name);
                removed.push(v.name)
            }
            Err(vols::Error::InUse { .. } | vols::Error::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(removed)
}

/// Bytes of the files under `path` (not following symlinks; unreadable parts count as 0).
pub fn disk_usage(path: &Path) -> u64 {
    let Ok(meta) = fs_err::symlink_metadata(path) else { return 0 };
    if !meta.is_dir() {
        return meta.len();
    }
    fs_err::read_dir(path).map(|entries| entries.flatten().map(|e| disk_usage(&e.path())).sum()).unwrap_or(0)
}

/// `(total, in use, size, reclaimable size)` of every volume, for `system df`.
pub fn usage(store: &Store) -> Result<(usize, usize, u64, u64), Error> {
    let used = in_use(store)?;
    let (mut total, mut active, mut size, mut reclaimable) = (0, 0, 0, 0);
    for v in store.list_volumes()? {
        let bytes = disk_usage(&store.volume_data(&v.name));
        total += 1;
        size += bytes;
        if used.contains(&v.name) {
            active += 1;
        } else {
            reclaimable += bytes;
        }
    }
    Ok((total, active, size, reclaimable))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_must_be_absolute_and_are_cleaned() {
        assert_eq!(clean_destination("x", "/a//b/./c/").unwrap(), "/a/b/c");
        assert_eq!(clean_destination("x", "/").unwrap(), "/");
        let e = clean_destination("/h:rel", "rel").unwrap_err().to_string();
        assert_eq!(e, "invalid mount \"/h:rel\": invalid container path \"rel\", must be an absolute path");
    }

    #[test]
    fn image_volumes_are_read_from_the_config() {
        let run_config =
            |v: serde_json::Value| -> RunConfig { serde_json::from_value(v["config"].clone()).unwrap() };
        let c = run_config(serde_json::json!({"config": {"Volumes": {"/b": {}, "/a": {}}}}));
        assert_eq!(image_volumes(&c), ["/a", "/b"]);
        assert!(image_volumes(&run_config(serde_json::json!({"config": {}}))).is_empty());
        let c = run_config(serde_json::json!({"config": {"Volumes": {"[/etc/foo,": {}, "/etc/bar]": {}}}}));
        assert_eq!(image_volumes(&c), ["/[/etc/foo,", "/etc/bar]"]);
    }

    #[test]
    fn filters() {
        let v = VolumeRecord {
            name: "data".into(),
            created_at: String::new(),
            labels: BTreeMap::from([("a".to_string(), "b".to_string())]),
            options: BTreeMap::new(),
            anonymous: false,
            needs_copy_up: false,
            needs_chown: false,
        };
        assert!(Filter::parse("name=at").unwrap().matches(&v, false));
        assert!(Filter::parse("label=a").unwrap().matches(&v, false));
        assert!(Filter::parse("label=a=b").unwrap().matches(&v, false));
        assert!(!Filter::parse("label=a=c").unwrap().matches(&v, false));
        assert!(Filter::parse("dangling=true").unwrap().matches(&v, false));
        assert!(!Filter::parse("dangling=true").unwrap().matches(&v, true));
        let e = Filter::parse("bogus=1").unwrap_err().to_string();
        assert!(e.contains("\"bogus=1\""), "{e}");
        assert!(Filter::parse("dangling=maybe").is_err());
    }

    #[test]
    fn overlay_dirs_are_made_and_emptied_between_runs() {
        let t = tempfile::tempdir().unwrap();
        let dirs = ContainerDirs::under(t.path().join("c"));
        let plan = Plan {
            overlay_dirs: vec![("volume-overlays/0/upper".into(), "volume-overlays/0/work".into())],
            ..Default::default()
        };
        make_overlay_dirs(&plan, &dirs.root).unwrap();
        let upper = dirs.root.join("volume-overlays/0/upper");
        fs_err::create_dir_all(upper.join("d/e")).unwrap();
        fs_err::write(upper.join("d/e/f"), b"written").unwrap();
        fs_err::create_dir(dirs.root.join("volume-overlays/0/work/work")).unwrap();
        reset_overlay_dirs(&dirs).unwrap();
        for sub in ["upper", "work"] {
            let d = dirs.root.join("volume-overlays/0").join(sub);
            assert_eq!(fs_err::read_dir(&d).unwrap().count(), 0, "{}", d.display());
        }
        // A container without overlays has nothing to reset.
        reset_overlay_dirs(&ContainerDirs::under(t.path().join("other"))).unwrap();
    }

    #[test]
    fn chown_tree_does_not_follow_symlinks() {
        let t = tempfile::tempdir().unwrap();
        let outside = t.path().join("outside");
        fs_err::write(&outside, b"x").unwrap();
        let tree = t.path().join("tree");
        fs_err::create_dir_all(tree.join("sub")).unwrap();
        fs_err::write(tree.join("sub/f"), b"x").unwrap();
        std::os::unix::fs::symlink(&outside, tree.join("link")).unwrap();
        // The unit tests run as root (see the working rules), so any owner can be set.
        let before = fs_err::metadata(&outside).unwrap().uid();
        chown_tree(&tree, 4242, 4343).unwrap();
        let f = fs_err::metadata(tree.join("sub/f")).unwrap();
        assert_eq!((f.uid(), f.gid()), (4242, 4343));
        assert_eq!(fs_err::symlink_metadata(tree.join("link")).unwrap().uid(), 4242);
        assert_eq!(fs_err::metadata(&outside).unwrap().uid(), before);
    }
}
