//! Container use cases below the supervisor: creating a container (record, directories, OCI
//! bundle), mounting and unmounting its root filesystem, removing it, and the image-in-use hook.
//!
//! A container is created in one step that either completes or leaves nothing: the spec is
//! built first (it only needs the final paths, which the id determines), then the store stages
//! the directories, this module writes `bundle/config.json` (and, for vfs, copies the layers into
//! `merged`) into the staging dir, and the store publishes directories and record together.
//!
//! Mounts are made in the calling process's mount namespace: rootless, that is skiff's storage
//! namespace (see `userns`), so the mount is visible to the supervisor and the runtime that run
//! in it, and gone when the last process in it leaves.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::{Context, Error, StorageDriver};
use crate::rootfs::{self, fuse, overlay, vfs};
use crate::runtime::spec;
pub use crate::runtime::spec::{RunOptions, PRESERVE_FDS_ANNOTATION};
use crate::storage::containers::{self as records, is_mount_point};
use crate::storage::{ContainerDirs, ContainerRecord, ImageRecord, State, Store};

/// The run-time directory of container `id`: `RUNROOT/containers/<id>/` (sockets, pid files).
pub fn run_dir(ctx: &Context, id: &str) -> PathBuf {
    ctx.paths.run_root.join("containers").join(id)
}

/// The container's log (k8s-file): in its storage directory, so that it outlives a reboot (which
/// empties the run-time directory), as podman keeps it.
pub fn log_path(store: &Store, id: &str) -> PathBuf {
    store.container_dirs(id).userdata.join(crate::runtime::supervisor::DEFAULT_LOG)
}

/// `bundle/extras.json`: what `run`/`create` set that the record does not hold (the log driver
/// and its options, the pid files, `--timeout`).
pub const EXTRAS_FILE: &str = "extras.json";

/// The log drivers podman accepts (journald only where there is a journal, see
/// [`check_log_driver`]).
pub const LOG_DRIVERS: [&str; 5] = ["k8s-file", "json-file", "journald", "none", "passthrough"];

/// The settings kept in [`EXTRAS_FILE`].
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Extras {
    /// `--log-driver` as given (`json-file` writes the k8s-file format, as podman's does); empty
    /// is `k8s-file`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub log_driver: String,
    /// `--log-opt max-size` in bytes: the supervisor truncates the log when it grows beyond.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_size_max: Option<u64>,
    /// `--log-opt tag`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_tag: Option<String>,
    /// `--log-opt path`: the log file instead of the one in the container's directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_path: Option<PathBuf>,
    /// `--conmon-pidfile`: the supervisor's pid is written there at each start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conmon_pidfile: Option<PathBuf>,
    /// `--pidfile`: the container's pid is written there at each start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pidfile: Option<PathBuf>,
}

impl Extras {
    /// The extras of container `id` (defaults when it has none).
    pub fn load(store: &Store, id: &str) -> Extras {
        fs_err::read(store.container_dirs(id).bundle.join(EXTRAS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// The log driver's name, as `inspect` shows it.
    pub fn log_driver(&self) -> &str {
        if self.log_driver.is_empty() {
            "k8s-file"
        } else {
            &self.log_driver
        }
    }

    /// Whether the container's output is kept in a log file (not with `none`, `passthrough`).
    pub fn keeps_log(&self) -> bool {
        !matches!(self.log_driver(), "none" | "passthrough" | "journald")
    }
}

/// Checks a `--log-driver` value: one of [`LOG_DRIVERS`]; `journald` only when the journal's
/// socket is there.
pub fn check_log_driver(driver: &str) -> Result<(), String> {
    if !LOG_DRIVERS.contains(&driver) {
        return Err(format!("invalid log driver {driver:?}: expected one of {}", LOG_DRIVERS.join(", ")));
    }
    if driver == "journald" && !Path::new(JOURNAL_SOCKET).exists() {
        return Err(format!(
            "log driver journald: there is no journal on this host ({JOURNAL_SOCKET} is missing); use k8s-file"
        ));
    }
    if driver == "journald" {
        return Err("log driver journald is not supported by skiff yet; use k8s-file".to_string());
    }
    Ok(())
}

const JOURNAL_SOCKET: &str = "/run/systemd/journal/socket";

/// Where the supervisor writes container `id`'s output: its log file, or `/dev/null` for a
/// driver that keeps none.
pub fn log_target(store: &Store, id: &str) -> PathBuf {
    let extras = Extras::load(store, id);
    match (extras.keeps_log(), extras.log_path) {
        (false, _) => PathBuf::from("/dev/null"),
        (true, Some(p)) => p,
        (true, None) => log_path(store, id),
    }
}

/// Writes the `--conmon-pidfile` and `--pidfile` of container `id` after a start (best effort:
/// a file that cannot be written is reported in the log).
pub fn write_pid_files(ctx: &Context, store: &Store, id: &str, supervisor: i32) {
    let extras = Extras::load(store, id);
    let container = || {
        fs_err::read_to_string(run_dir(ctx, id).join(crate::runtime::supervisor::CONTAINER_PID))
            .ok()
            .map(|s| s.trim().to_string())
    };
    let writes = [
        (extras.conmon_pidfile, Some(supervisor.to_string())),
        (extras.pidfile.clone(), extras.pidfile.as_ref().and_then(|_| container())),
    ];
    for (path, pid) in writes {
        if let (Some(path), Some(pid)) = (path, pid) {
            if let Err(e) = fs_err::write(&path, pid) {
                tracing::warn!("cannot write the pid file: {e}");
            }
        }
    }
}

/// Gives a root filesystem without `/etc/mtab` the link to `/proc/mounts` podman makes.
fn ensure_mtab(rootfs: &Path) {
    let etc = rootfs.join("etc");
    let mtab = etc.join("mtab");
    if etc.is_dir() && fs_err::symlink_metadata(&mtab).is_err() {
        if let Err(e) = std::os::unix::fs::symlink("/proc/mounts", &mtab) {
            tracing::warn!("cannot link {} to /proc/mounts: {e}", mtab.display());
        }
    }
}

/// Creates (mode 0700) and returns the run-time directory of container `id`.
pub fn ensure_run_dir(ctx: &Context, id: &str) -> Result<PathBuf, Error> {
    use std::os::unix::fs::DirBuilderExt;
    let dir = run_dir(ctx, id);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|source| Error::CreateDir { path: dir.clone(), source })?;
    Ok(dir)
}

/// Ids of the images containers use, for `rmi`/`image prune`.
pub fn images_in_use(store: &Store) -> Result<HashSet<String>, Error> {
    Ok(store.images_in_use()?)
}

/// The `in_use` hook for [`Store::remove_image`]: true when a container uses the image, and
/// true when that cannot be read (refusing is the safe answer).
pub fn image_in_use(store: &Store, image_id: &str) -> bool {
    store.images_in_use().map(|s| s.contains(image_id)).unwrap_or(true)
}

/// Every container, in creation order, after [`Store::repair_containers`] (so a container
/// whose supervisor died shows as exited, and orphan directories go).
pub fn list(store: &Store) -> Result<Vec<ContainerRecord>, Error> {
    let report = store.repair_containers()?;
    if report != Default::default() {
        tracing::info!(?report, "repaired containers");
    }
    Ok(store.list_containers()?)
}

/// The one container `key` names: exact name, exact id, else a unique id prefix.
pub fn lookup(store: &Store, key: &str) -> Result<ContainerRecord, Error> {
    Ok(store.find_container(key)?)
}

/// Whether container `key` exists (exact name, exact id, else a unique id prefix).
pub fn exists(store: &Store, key: &str) -> Result<bool, Error> {
    match store.find_container(key) {
        Ok(_) => Ok(true),
        Err(records::Error::NotFound { .. }) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The disk space of a container: its own writes and its image's size (`ps --size`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiskUsage {
    /// Bytes the container wrote (its upper directory; for vfs, its copy beyond the image).
    pub rw: u64,
    /// Bytes of its image.
    pub image: u64,
}

/// The disk space of container `rec` (regular files only, symlinks not followed).
pub fn disk_usage(store: &Store, rec: &ContainerRecord) -> DiskUsage {
    let image = store.get_image(&rec.image_id).ok().flatten().map_or(0, |i| i.size);
    let dirs = store.container_dirs(&rec.id);
    let rw = if rec.storage_driver == StorageDriver::Vfs.to_string() {
        dir_size(&dirs.merged).saturating_sub(image)
    } else {
        dir_size(&dirs.upper)
    };
    DiskUsage { rw, image }
}

/// Bytes in the regular files under `dir` (not following symlinks).
fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs_err::read_dir(&d) else { continue };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() => total += e.metadata().map(|m| m.len()).unwrap_or(0),
                _ => {}
            }
        }
    }
    total
}

/// `rename CONTAINER NAME`.
pub fn rename(store: &Store, key: &str, new_name: &str) -> Result<ContainerRecord, Error> {
    let rec = lookup(store, key)?;
    Ok(store.rename_container(&rec.id, new_name)?)
}

/// The storage driver for new containers (see [`crate::rootfs::choose`]): `--storage-driver`,
/// else the first backend that works here, the kernel overlay's answer coming from the probe
/// cache or from a trial mount in this process.
pub fn choose_driver(ctx: &Context) -> StorageDriver {
    let host = rootfs::Host {
        run_root: &ctx.paths.run_root,
        rootless: ctx.rootless,
        trial: rootfs::Trial::InProcess,
    };
    rootfs::choose(ctx.storage_driver, &host)
}

/// What `create` needs besides the run options.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    /// `--name`; `None` picks a random `adjective_noun`.
    pub name: Option<String>,
    pub labels: BTreeMap<String, String>,
    /// `--rm`.
    pub rm: bool,
    /// `-v` and `--mount` (see [`super::volumes::plan`]).
    pub mounts: Vec<super::volumes::MountRequest>,
    /// `--image-volume`: what the image's `VOLUME`s become.
    pub image_volume: super::volumes::ImageVolumeMode,
    /// `--runtime`, `--stop-signal`, `--stop-timeout`: kept in the record (see its fields).
    pub runtime: Option<String>,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<u32>,
    /// `-i`: give the container a stdin pipe.
    pub interactive: bool,
    /// `--restart`, `--health-*`, `--sdnotify` (see [`super::service`]).
    pub service: super::service::ServiceRequest,
    /// The network settings (see [`super::network::prepare`]), stored with the container as
    /// `bundle/network.json`; `None` for a container without a network of skiff's making.
    pub network: Option<crate::network::Config>,
    /// `--systemd` (see [`super::systemd`]).
    pub systemd: super::systemd::Mode,
    /// `--log-driver`, `--log-opt`, `--conmon-pidfile`, `--pidfile` (see [`Extras`]).
    pub extras: Extras,
    /// `--tz` (or containers.conf's `tz`): the zoneinfo file copied to the container's
    /// `/etc/localtime`.
    pub localtime: Option<PathBuf>,
    /// `--hostuser`: passwd lines added to the image's `/etc/passwd` (unless the name is there).
    pub hostusers: Vec<String>,
    /// `--timeout`: seconds the container may run before its supervisor kills it.
    pub timeout: Option<u64>,
    /// `--secret`: the mount type's files are copied to `userdata/secrets/` and mounted read-only.
    pub secrets: super::secrets::ForContainer,
}

/// The podman release whose command line skiff follows (`engine` of `/run/.containerenv`, which
/// scripts read to tell podman's containers).
const PODMAN_COMPAT_VERSION: &str = "4.3.1";

/// The files a container gets from skiff, in its `userdata` directory.
const CONTAINERENV: &str = "containerenv";
const LOCALTIME: &str = "localtime";
const PASSWD: &str = "passwd";
/// The directory of the `--secret` files.
const SECRETS: &str = "secrets";

/// `/run/.containerenv`: empty, but with `--privileged` what podman writes there.
fn containerenv(ctx: &Context, rec: &ContainerRecord, privileged: bool) -> String {
    if !privileged {
        return String::new();
    }
    format!(
        "engine=\"podman-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\nrootless={}\n",
        PODMAN_COMPAT_VERSION,
        rec.name,
        rec.id,
        rec.image_name,
        rec.image_id,
        u8::from(ctx.rootless)
    )
}

/// The image's passwd with the `--hostuser` lines whose names it lacks.
fn passwd_with(image: Option<&str>, lines: &[String]) -> String {
    let mut text = image.unwrap_or_default().to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in lines {
        let name = line.split(':').next().unwrap_or_default();
        if !text.lines().any(|l| l.split(':').next() == Some(name)) {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

/// `create`: resolves the image, builds the spec, and stores the container in state `Created`
/// with its bundle written (and, for vfs, its root filesystem copied). On error nothing is left.
/// `opts.id` is replaced by the new container's id.
pub fn create(
    ctx: &Context,
    store: &Store,
    image_text: &str,
    mut opts: RunOptions,
    with: CreateOptions,
) -> Result<ContainerRecord, Error> {
    // A manifest list runs its local image for this platform, as in podman.
    let found = super::images::lookup_image(store, image_text)?;
    let image = found.image;
    let config = super::images::image_run_config(store, &image)?;
    let diffs = lower_dirs(store, &image)?;
    let chain_ids: Vec<&str> = image.layers.iter().map(|l| l.chain_id.as_str()).collect();
    let root_mode = store.image_root_mode(&chain_ids)?;
    let mut passwd = image_file(&diffs, "passwd");
    let mut group = image_file(&diffs, "group");

    let id = records::new_id();
    opts.id = id.clone();
    let dirs = store.container_dirs(&id);
    super::volumes::check_tmpfs_duplicates(&opts.tmpfs, &with.mounts)?;
    let plan = super::volumes::plan(ctx, store, &config, &with.mounts, with.image_volume, &dirs)?;
    // Anonymous volumes made for a container that is not created go again.
    let rollback = |e: Error| {
        for name in &plan.created_anonymous {
            let _ = store.remove_volume(name);
        }
        e
    };
    opts.mounts.extend(plan.mounts.iter().cloned());
    for (i, f) in with.secrets.files.iter().enumerate() {
        let source = dirs.userdata.join(SECRETS).join(i.to_string());
        let mut m = oci_spec::runtime::Mount::default();
        m.set_destination(f.destination.clone().into());
        m.set_typ(Some("bind".into()));
        m.set_source(Some(source));
        m.set_options(Some(["rbind", "ro", "nosuid", "nodev", "noexec"].map(String::from).to_vec()));
        opts.mounts.push(m);
    }
    let workdir = opts.workdir.clone().or_else(|| config.working_dir().clone()).filter(|w| !w.is_empty());
    let workdir =
        workdir.map_or_else(|| "/".to_string(), |w| if w.starts_with('/') { w } else { format!("/{w}") });
    let etc_files = super::userns::prepare(ctx, store, &mut opts, &workdir, &mut passwd, &mut group)
        .map_err(&rollback)?;
    let image_check = super::images::image_healthcheck(store, &image);
    let mut service = with.service.resolve(image_check.as_ref(), with.rm).map_err(|e| rollback(e.into()))?;
    if service.container_socket {
        let (mount, env) = super::service::notify_mount(ctx, &id);
        opts.mounts.push(mount);
        opts.env.push(env);
    }
    let generated = [
        (true, "/run/.containerenv", CONTAINERENV),
        (with.localtime.is_some(), "/etc/localtime", LOCALTIME),
        (!with.hostusers.is_empty(), "/etc/passwd", PASSWD),
    ];
    for (wanted, dest, file) in generated {
        if wanted {
            opts.generated_files.push((dest.to_string(), dirs.userdata.join(file)));
        }
    }
    let privileged = opts.privileged;
    let (ep, args) = spec::entrypoint_and_cmd(&config, &opts);
    let systemd = super::systemd::applies(with.systemd, &[ep, args].concat());
    if systemd {
        super::systemd::prepare(&mut opts, &id);
    }
    let mut spec = spec::build(&config, &opts, &dirs.merged, passwd.as_deref(), group.as_deref())
        .map_err(|e| rollback(e.into()))?;
    if systemd {
        super::systemd::adjust_spec(&mut spec, super::systemd::host_cgroup_v2());
    }
    let (uid, gid) = spec.process().as_ref().map(|p| (p.user().uid(), p.user().gid())).unwrap_or((0, 0));
    let command = spec.process().as_ref().and_then(|p| p.args().clone()).unwrap_or_default();
    let (entrypoint, cmd) = spec::entrypoint_and_cmd(&config, &opts);
    let stop_signal = config.stop_signal().clone().filter(|s| !s.is_empty());
    let spec_json = serde_json::to_vec_pretty(&spec).expect("a runtime spec serializes");
    let stop_signal =
        with.stop_signal.clone().or(systemd.then(|| super::systemd::STOP_SIGNAL.to_string())).or(stop_signal);
    service.stop_signal = stop_signal
        .as_deref()
        .and_then(|s| super::lifecycle::parse_signal(s).ok())
        .map_or(libc::SIGTERM, super::lifecycle::Sig::number);
    service.stop_timeout = with.stop_timeout.map_or(10, u64::from);
    service.timeout = with.timeout.filter(|&t| t > 0);
    service.log_size_max = with.extras.log_size_max;
    // A nested user namespace sees the image's files through fuse-overlay's id shift.
    let driver = if opts.userns_maps.is_some() { StorageDriver::FuseOverlay } else { choose_driver(ctx) };

    let rec = ContainerRecord {
        id,
        name: with.name.clone().unwrap_or_default(),
        image_id: image.id.clone(),
        image_name: found.name.or_else(|| image.names.first().cloned()).unwrap_or_else(|| image.id.clone()),
        created: String::new(),
        command,
        labels: with.labels.clone(),
        state: State::Created,
        exit_code: None,
        started_at: None,
        finished_at: None,
        pid: None,
        rm: with.rm,
        storage_driver: driver.to_string(),
        volumes: plan.volumes.clone(),
        runtime: with.runtime.clone(),
        stop_signal,
        stop_timeout: with.stop_timeout,
        interactive: with.interactive,
        entrypoint,
        cmd,
        restart_count: 0,
    };
    // No volume can be removed from here until the record (which makes them in use) is written.
    let guard = store.volumes_guard().map_err(|e| rollback(super::volumes::Error::from(e).into()))?;
    for name in &plan.volumes {
        if store.get_volume(name).map_err(|e| rollback(super::volumes::Error::from(e).into()))?.is_none() {
            let gone = crate::storage::volumes::Error::NotFound { name: name.clone() };
            return Err(rollback(super::volumes::Error::from(gone).into()));
        }
    }
    let created = store.create_container_with(rec, |staged: &ContainerDirs| -> Result<(), Error> {
        // The staged directory is private until the store renames it into place: its files are
        // written and fsynced directly, and the directory fsynced once (not a temporary file,
        // rename and directory fsync per file: two fsyncs fewer per file on every create).
        use crate::sys::atomic::{sync_dir, write_new_durable};
        let path = staged.bundle.join("config.json");
        write_new_durable(&path, &spec_json).map_err(|source| Error::WriteBundle { path, source })?;
        if let Some(network) = &with.network {
            let path = staged.bundle.join(crate::network::CONFIG_FILE);
            let text = serde_json::to_vec_pretty(network).expect("a network config serializes");
            write_new_durable(&path, &text).map_err(|source| Error::WriteBundle { path, source })?;
        }
        let path = staged.bundle.join(super::service::SERVICE_FILE);
        let text = serde_json::to_vec_pretty(&service).expect("service settings serialize");
        write_new_durable(&path, &text).map_err(|source| Error::WriteBundle { path, source })?;
        if with.extras != Extras::default() {
            let path = staged.bundle.join(EXTRAS_FILE);
            let text = serde_json::to_vec_pretty(&with.extras).expect("extras serialize");
            write_new_durable(&path, &text).map_err(|source| Error::WriteBundle { path, source })?;
        }
        let path = staged.bundle.clone();
        sync_dir(&path).map_err(|source| Error::WriteBundle { path, source })?;
        if driver == StorageDriver::Vfs {
            let mut bottom_first = diffs.clone();
            bottom_first.reverse();
            vfs::populate(&bottom_first, &staged.merged)?;
        }
        // The container's `/` has the image's root mode (0555 unless a layer says otherwise),
        // as containers/storage gives it: the overlays show their upper directory's.
        let root = if driver == StorageDriver::Vfs { &staged.merged } else { &staged.upper };
        use std::os::unix::fs::PermissionsExt;
        fs_err::set_permissions(root, std::fs::Permissions::from_mode(root_mode))
            .map_err(|source| Error::WriteBundle { path: root.clone(), source })?;
        super::volumes::make_overlay_dirs(&plan, &staged.root)?;
        super::userns::write_etc(
            &etc_files,
            if driver == StorageDriver::Vfs { &staged.merged } else { &staged.upper },
        )?;
        Ok(())
    });
    drop(guard);
    let rec = created.map_err(rollback)?;
    let files = write_generated(ctx, &rec, &dirs.userdata, privileged, &with, passwd.as_deref())
        .and_then(|()| write_secrets(&dirs, &with.secrets));
    if let Err(e) = files.and_then(|()| finish_volumes(ctx, store, &rec, &plan, uid, gid)) {
        if let Ok(gone) = remove(ctx, store, &rec.id, true) {
            let _ = super::volumes::remove_anonymous(store, &gone);
        }
        return Err(e);
    }
    super::events::container(store, "create", &rec);
    Ok(rec)
}

/// Writes the files of `CreateOptions::generated` into the new container's `userdata`.
fn write_generated(
    ctx: &Context,
    rec: &ContainerRecord,
    userdata: &Path,
    privileged: bool,
    with: &CreateOptions,
    image_passwd: Option<&str>,
) -> Result<(), Error> {
    let write = |name: &str, data: &[u8]| {
        let path = userdata.join(name);
        super::write_atomic(&path, data).map_err(|source| Error::WriteBundle { path, source })
    };
    write(CONTAINERENV, containerenv(ctx, rec, privileged).as_bytes())?;
    if let Some(zone) = &with.localtime {
        let data = fs_err::read(zone).map_err(|source| Error::WriteBundle { path: zone.clone(), source })?;
        write(LOCALTIME, &data)?;
    }
    if !with.hostusers.is_empty() {
        write(PASSWD, passwd_with(image_passwd, &with.hostusers).as_bytes())?;
    }
    Ok(())
}

/// The `--secret` files of a new container, with their mode and owner (container ids, shifted
/// when it has a user namespace of its own).
fn write_secrets(dirs: &ContainerDirs, secrets: &super::secrets::ForContainer) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    let path = dirs.bundle.clone();
    super::secrets::save(&dirs.bundle, &secrets.used)
        .map_err(|source| Error::WriteBundle { path, source })?;
    for (i, f) in secrets.files.iter().enumerate() {
        let path = dirs.userdata.join(SECRETS).join(i.to_string());
        let (uid, gid) = super::userns::storage_ids(&dirs.bundle, f.uid, f.gid);
        let made = fs_err::create_dir_all(dirs.userdata.join(SECRETS))
            .and_then(|()| super::write_atomic(&path, &f.data))
            .and_then(|()| fs_err::set_permissions(&path, std::fs::Permissions::from_mode(f.mode & 0o7777)))
            .and_then(|()| std::os::unix::fs::chown(&path, Some(uid), Some(gid)));
        made.map_err(|source| Error::WriteBundle { path, source })?;
    }
    Ok(())
}

/// The `U` chowns of a new container. A volume to chown gets its copy-up first (it would
/// otherwise happen at the start and undo the chown of the volume's root), which needs the root
/// filesystem mounted for a moment.
fn finish_volumes(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    plan: &super::volumes::Plan,
    uid: u32,
    gid: u32,
) -> Result<(), Error> {
    let chowns_a_volume = plan.chown.iter().any(|p| rec.volumes.iter().any(|v| store.volume_data(v) == *p));
    if chowns_a_volume {
        let merged = store.container_dirs(&rec.id).merged;
        let was_mounted = rec.storage_driver == StorageDriver::Vfs.to_string() || is_mount_point(&merged);
        let copied = mount_rootfs(ctx, store, rec);
        if !was_mounted {
            unmount_rootfs(store, rec)?;
        }
        copied?;
    }
    let dirs = store.container_dirs(&rec.id);
    let (uid, gid) = super::userns::storage_ids(&dirs.bundle, uid, gid);
    super::volumes::finish(plan, uid, gid)?;
    super::userns::save_chowns(&dirs.bundle, &plan.chown, uid, gid)
}

/// The diff directories of `image`'s layers, top-most first.
pub(crate) fn lower_dirs(store: &Store, image: &ImageRecord) -> Result<Vec<PathBuf>, Error> {
    image.layers.iter().rev().map(|l| store.layer_diff_dir(&l.chain_id).map_err(Error::from)).collect()
}

/// The text of the image's `/etc/<name>` from the top-most layer that has it. A whiteout of the
/// file or of `/etc`, an opaque `/etc` without it, or anything but a plain file and directory
/// on the way (a symlink is never followed out of the layer) ends the search with `None`.
fn image_file(diffs_top_first: &[PathBuf], name: &str) -> Option<String> {
    let is_whiteout = |m: &std::fs::Metadata| {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        m.file_type().is_char_device() && m.rdev() == 0
    };
    let is_opaque = |p: &Path| {
        ["user.overlay.opaque", "trusted.overlay.opaque"]
            .iter()
            .any(|x| xattr::get(p, x).ok().flatten().as_deref() == Some(b"y".as_slice()))
    };
    for diff in diffs_top_first {
        let etc = diff.join("etc");
        match fs_err::symlink_metadata(&etc) {
            Err(_) => continue,
            Ok(m) if m.is_dir() => {}
            Ok(_) => return None,
        }
        let file = etc.join(name);
        match fs_err::symlink_metadata(&file) {
            Ok(m) if m.is_file() => return fs_err::read_to_string(&file).ok(),
            Ok(m) if is_whiteout(&m) => return None,
            Ok(_) => return None,
            Err(_) if is_opaque(&etc) => return None,
            Err(_) => continue,
        }
    }
    None
}

/// Mounts the container's root filesystem (overlay: the image's layers under its upper dir;
/// fuse-overlay: the same, served by a `skiff fuse-overlay-serve` process; vfs: already a copy)
/// and returns its path. Mounting what is mounted is a no-op; a fuse-overlay mount whose server
/// died is detached and mounted again. For a container that is not running, also prepares its
/// volume mounts: empty `:O` uppers, and the copy-up of volumes that are still new.
pub fn mount_rootfs(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<PathBuf, Error> {
    let dirs = store.container_dirs(&rec.id);
    if !rec.state.is_active() {
        // `:O` mounts start from their source again on every run.
        super::volumes::reset_overlay_dirs(&dirs)?;
    }
    if fuse::is_dead_mount(&dirs.merged) {
        fuse::unmount(&dirs.merged)?;
    }
    if rec.storage_driver != StorageDriver::Vfs.to_string() && !is_mount_point(&dirs.merged) {
        let image = store
            .get_image(&rec.image_id)?
            .ok_or_else(|| crate::storage::Error::ImageNotFound { name: rec.image_id.clone() })?;
        let lowers = lower_dirs(store, &image)?;
        if rec.storage_driver == StorageDriver::FuseOverlay.to_string() {
            let opts = fuse::ServeOptions {
                lowers,
                upper: dirs.upper.clone(),
                work: dirs.work.clone(),
                target: dirs.merged.clone(),
                userxattr: ctx.rootless,
                id_maps: super::userns::bundle_maps(&dirs.bundle),
            };
            let log = ensure_run_dir(ctx, &rec.id)?.join("fuse-overlay.log");
            let exe = std::env::current_exe().unwrap_or_else(|_| "/proc/self/exe".into());
            fuse::spawn_server(&exe, &opts, &log)?;
        } else {
            // A `--rm` container's writes go with it: no syncs of the upper filesystem (see the
            // function).
            overlay::mount_overlay_with(
                &lowers,
                &dirs.upper,
                &dirs.work,
                &dirs.merged,
                ctx.rootless,
                rec.rm,
            )?;
        }
    }
    ensure_mtab(&dirs.merged);
    if !rec.state.is_active() {
        // New volumes get the image's content before their first use (retried after a crash).
        super::volumes::copy_up_pending(store, rec, &dirs.bundle, &dirs.merged)?;
        super::userns::rechown_at_start(&dirs.bundle)?;
    }
    Ok(dirs.merged)
}

/// Unmounts the container's root filesystem, if mounted (a fuse-overlay server then exits).
/// A fuse-overlay mount whose server was killed is detached too. Returns whether it was
/// mounted.
pub fn unmount_rootfs(store: &Store, rec: &ContainerRecord) -> Result<bool, Error> {
    let merged = store.container_dirs(&rec.id).merged;
    if fuse::is_dead_mount(&merged) {
        return Ok(fuse::unmount(&merged)?);
    }
    if !is_mount_point(&merged) {
        return Ok(false);
    }
    if rec.storage_driver == StorageDriver::FuseOverlay.to_string() {
        return Ok(fuse::unmount(&merged)?);
    }
    Ok(overlay::unmount(&merged)?)
}

/// `rm` of a container whose process is not running (the caller stops it first): marks it
/// `Removing`, unmounts its root filesystem, deletes its run-time directory, directories and
/// record. `force` also accepts running, paused and half-removed records, but a live process
/// is still refused.
pub fn remove(ctx: &Context, store: &Store, id: &str, force: bool) -> Result<ContainerRecord, Error> {
    store.update_container(id, |rec| {
        if !rec.state.can_remove(force) {
            return Err(Error::InvalidState { id: rec.id.clone(), state: rec.state, action: "remove" });
        }
        if let Some(pid) = rec.pid.filter(|_| rec.state.is_active()) {
            if crate::sys::process_exists(nix::unistd::Pid::from_raw(pid)) {
                return Err(Error::InvalidState { id: rec.id.clone(), state: rec.state, action: "remove" });
            }
        }
        rec.state = State::Removing;
        Ok(())
    })?;
    let rec = store.find_container(id)?;
    unmount_rootfs(store, &rec)?;
    let run = run_dir(ctx, id);
    match fs_err::remove_dir_all(&run) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => return Err(Error::Remove { path: run, source }),
    }
    let gone = store.remove_container(id)?;
    super::events::container(store, "remove", &gone);
    if gone.rm {
        // `--rm` takes the container's anonymous volumes with it, as in podman.
        super::volumes::remove_anonymous(store, &gone)?;
    }
    Ok(gone)
}

/// The cleanup after an exit may act on record `rec` (`action`, for the error): refused while it
/// names a live process other than this one (its supervisor, which runs the cleanup): another
/// run of the container.
pub fn check_exited(rec: &ContainerRecord, action: &'static str) -> Result<(), Error> {
    let me = nix::unistd::getpid().as_raw();
    match rec.pid.filter(|_| rec.state.is_active()) {
        Some(pid) if pid != me && crate::sys::process_exists(nix::unistd::Pid::from_raw(pid)) => {
            Err(Error::InvalidState { id: rec.id.clone(), state: rec.state, action })
        }
        _ => Ok(()),
    }
}

/// The removal of a `--rm` container by the cleanup after its exit (its root filesystem
/// unmounted, its network torn down): its run-time directory, then its directories and record,
/// the record in one write of the records, without the `Removing` mark [`remove`] writes first.
/// A crash before the write leaves the record of a container whose supervisor is gone, which the
/// next command marks exited and `rm` removes. Refused while the record names a live process
/// other than this one (the supervisor, which runs this cleanup), and then nothing is removed.
pub fn remove_exited(ctx: &Context, store: &Store, id: &str) -> Result<ContainerRecord, Error> {
    let check = |rec: &ContainerRecord| check_exited(rec, "remove");
    // Checked before the run-time directory goes (a read), and again with the removal.
    check(&store.find_container(id)?)?;
    let run = run_dir(ctx, id);
    match fs_err::remove_dir_all(&run) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => return Err(Error::Remove { path: run, source }),
    }
    let gone = store.remove_container_if(id, check)?;
    super::events::container(store, "remove", &gone);
    if gone.rm {
        // `--rm` takes the container's anonymous volumes with it, as in podman.
        super::volumes::remove_anonymous(store, &gone)?;
    }
    Ok(gone)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::context::Paths;
    use crate::storage::testutil::{sha, TarBuilder};
    use crate::storage::{chain_id, LayerExpect, LayerRef, StoreOptions};

    fn ctx(t: &Path, driver: StorageDriver) -> Context {
        Context {
            paths: Paths { graph_root: t.join("root"), run_root: t.join("run"), config_dir: t.join("conf") },
            identity: crate::userns::Identity::current(),
            rootless: false,
            storage_driver: Some(driver),
            mapping: None,
        }
    }

    /// Stores `r/img:1` with the given layers (bottom first) and an image config.
    fn image(store: &Store, layers: &[Vec<u8>]) -> ImageRecord {
        let mut refs = Vec::new();
        let mut diff_ids = Vec::new();
        let mut parent: Option<String> = None;
        for tar in layers {
            let chain = chain_id(parent.as_deref(), &sha(tar));
            let expect = LayerExpect {
                blob_digest: sha(tar),
                blob_size: None,
                diff_id: sha(tar),
                chain_id: chain.clone(),
                media_type: "application/vnd.oci.image.layer.v1.tar".into(),
            };
            store.ingest_layer(&tar[..], expect, &|_| {}).unwrap();
            refs.push(LayerRef {
                chain_id: chain.clone(),
                diff_id: sha(tar),
                blob_digest: sha(tar),
                media_type: "application/vnd.oci.image.layer.v1.tar".into(),
                size: tar.len() as u64,
            });
            diff_ids.push(sha(tar));
            parent = Some(chain);
        }
        let config = serde_json::to_vec(&serde_json::json!({
            "architecture": "amd64", "os": "linux",
            "config": {"Cmd": ["/bin/sh"], "Env": ["PATH=/bin"], "WorkingDir": "/"},
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
        }))
        .unwrap();
        let manifest = b"{\"schemaVersion\":2}".to_vec();
        store.blobs().put(&sha(&config), &config).unwrap();
        store.blobs().put(&sha(&manifest), &manifest).unwrap();
        store
            .put_image(ImageRecord {
                id: sha(&config)[7..].to_owned(),
                names: vec!["example.com/r/img:1".into()],
                digest: sha(&manifest),
                repo_digests: vec![],
                manifest_media_type: String::new(),
                config_digest: sha(&config),
                layers: refs,
                created: None,
                size: 0,
                pulled_at: String::new(),
                insecure_origin: false,
                names_history: Vec::new(),
                list_sources: Default::default(),
            })
            .unwrap()
    }

    fn layers() -> Vec<Vec<u8>> {
        let base = TarBuilder::new()
            .dir("etc/", 0o755)
            .file("etc/passwd", b"root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n")
            .file("etc/group", b"root:x:0:\nstaff:x:50:alice\n")
            .dir("bin/", 0o755)
            .file_owned("bin/sh", b"#!", 0o755, 0, 0)
            .file("gone", b"x")
            .finish();
        let top = TarBuilder::new().file(".wh.gone", b"").file("added", b"top").finish();
        vec![base, top]
    }

    pub(crate) fn setup(driver: StorageDriver) -> (tempfile::TempDir, Context, Store, ImageRecord) {
        let t = tempfile::tempdir().unwrap();
        let ctx = ctx(t.path(), driver);
        ctx.prepare_dirs().unwrap();
        let store = Store::open(&ctx.paths.graph_root, StoreOptions::default()).unwrap();
        let img = image(&store, &layers());
        (t, ctx, store, img)
    }

    pub(crate) fn opts() -> RunOptions {
        RunOptions { user: Some("alice".into()), ..Default::default() }
    }

    #[test]
    fn create_writes_the_bundle_and_resolves_the_user_from_the_image() {
        let (_t, ctx, store, img) = setup(StorageDriver::Vfs);
        let c = create(
            &ctx,
            &store,
            "r/img:1",
            opts(),
            CreateOptions { name: Some("web".into()), rm: true, ..Default::default() },
        )
        .unwrap();
        assert_eq!((c.name.as_str(), c.state, c.rm), ("web", State::Created, true));
        assert_eq!(c.image_id, img.id);
        assert_eq!(c.image_name, "example.com/r/img:1");
        assert_eq!(c.command, vec!["/bin/sh".to_string()]);
        assert_eq!(c.storage_driver, "vfs");
        let dirs = store.container_dirs(&c.id);
        let spec: serde_json::Value =
            serde_json::from_slice(&fs_err::read(dirs.bundle.join("config.json")).unwrap()).unwrap();
        assert_eq!(spec["root"]["path"], dirs.merged.to_str().unwrap());
        assert_eq!(spec["process"]["user"]["uid"], 1000);
        assert_eq!(spec["hostname"], &c.id[..12]);
        // vfs: the copy is made at creation, whiteouts applied.
        assert_eq!(fs_err::read_to_string(dirs.merged.join("added")).unwrap(), "top");
        assert!(dirs.merged.join("etc/passwd").is_file());
        assert!(!dirs.merged.join("gone").exists());
        assert_eq!(mount_rootfs(&ctx, &store, &c).unwrap(), dirs.merged);

        assert!(image_in_use(&store, &img.id));
        assert!(matches!(
            store.remove_image(&img.id, &|id| image_in_use(&store, id)),
            Err(crate::storage::Error::ImageInUse { .. })
        ));
        let err = create(
            &ctx,
            &store,
            "r/img:1",
            opts(),
            CreateOptions { name: Some("web".into()), ..Default::default() },
        )
        .unwrap_err();
        assert!(err.to_string().contains(&format!("already in use by {}", c.id)), "{err}");

        let renamed = rename(&store, &c.id[..8], "db").unwrap();
        assert_eq!(lookup(&store, "db").unwrap().id, c.id);
        assert_eq!(list(&store).unwrap(), vec![renamed]);
        // A running container with a live process is refused, even with force.
        let running = |pid: i32| {
            store
                .update_container(&c.id, |r| {
                    r.state = State::Running;
                    r.pid = Some(pid);
                    Ok::<_, Error>(())
                })
                .unwrap()
        };
        running(std::process::id() as i32);
        for force in [false, true] {
            let err = remove(&ctx, &store, &c.id, force).unwrap_err();
            assert!(matches!(err, Error::InvalidState { action: "remove", .. }), "{err}");
        }
        // Once its process is gone, `list` shows it exited (code -1) and `rm` removes it.
        running(i32::MAX - 7);
        let shown = list(&store).unwrap();
        assert_eq!((shown[0].state, shown[0].exit_code), (State::Exited, Some(-1)));
        remove(&ctx, &store, &c.id, false).unwrap();
        assert!(!dirs.root.exists());
        assert!(images_in_use(&store).unwrap().is_empty());
    }

    #[test]
    fn a_failed_create_leaves_nothing() {
        let (_t, ctx, store, _img) = setup(StorageDriver::Vfs);
        let bad_user = RunOptions { user: Some("nobody-here".into()), ..Default::default() };
        let err = create(&ctx, &store, "r/img:1", bad_user, CreateOptions::default()).unwrap_err();
        assert!(matches!(err, Error::Spec(spec::Error::UnknownUser { .. })), "{err}");
        assert!(matches!(
            create(&ctx, &store, "nope", opts(), CreateOptions::default()),
            Err(Error::ImageNotKnown { .. })
        ));
        let bad_name = CreateOptions { name: Some("/bad".into()), ..Default::default() };
        assert!(create(&ctx, &store, "r/img:1", opts(), bad_name).is_err());
        assert!(store.list_containers().unwrap().is_empty());
        let root = &ctx.paths.graph_root;
        let left = |d: &str| fs_err::read_dir(root.join(d)).map(|r| r.count()).unwrap_or(0);
        assert_eq!((left("containers"), left("tmp")), (0, 0));
    }

    #[test]
    fn volumes_are_created_copied_up_at_mount_and_anonymous_ones_go_with_rm() {
        use super::super::volumes::{MountRequest, Source};
        let (_t, ctx, store, _img) = setup(StorageDriver::Vfs);
        let host = ctx.paths.graph_root.parent().unwrap().join("host");
        fs_err::create_dir_all(&host).unwrap();
        let mounts = vec![
            MountRequest::new("etcv:/etc", Source::Named("etcv".into()), "/etc"),
            MountRequest::new("/bin", Source::Anonymous, "/bin"),
            MountRequest::new("h:/h", Source::Host(host.clone()), "/h"),
        ];
        let c =
            create(&ctx, &store, "r/img:1", opts(), CreateOptions { mounts, ..Default::default() }).unwrap();
        assert_eq!(c.volumes.len(), 2);
        let anon = c.volumes.iter().find(|v| *v != "etcv").unwrap().clone();
        assert!(store.get_volume(&anon).unwrap().unwrap().anonymous);
        let spec: oci_spec::runtime::Spec = serde_json::from_slice(
            &fs_err::read(store.container_dirs(&c.id).bundle.join("config.json")).unwrap(),
        )
        .unwrap();
        let h = spec.mounts().iter().flatten().find(|m| m.destination() == Path::new("/h")).unwrap();
        assert_eq!(h.source().as_deref(), Some(host.as_path()));
        assert!(h.options().as_ref().unwrap().contains(&"rbind".to_string()));
        // Nothing is copied until the root filesystem is mounted for a start.
        assert!(fs_err::read_dir(store.volume_data("etcv")).unwrap().next().is_none());
        mount_rootfs(&ctx, &store, &c).unwrap();
        assert!(fs_err::read_to_string(store.volume_data("etcv").join("passwd")).unwrap().contains("alice"));
        assert!(store.volume_data(&anon).join("sh").is_file());
        assert!(!store.get_volume("etcv").unwrap().unwrap().needs_copy_up);
        // In use: refused.
        assert!(store.remove_volume("etcv").is_err());
        let gone = remove(&ctx, &store, &c.id, false).unwrap();
        assert_eq!(super::super::volumes::remove_anonymous(&store, &gone).unwrap(), vec![anon.clone()]);
        assert!(store.get_volume(&anon).unwrap().is_none());
        assert!(store.get_volume("etcv").unwrap().is_some());
        // A missing bind source fails the creation and leaves no anonymous volume behind.
        let mounts = vec![
            MountRequest::new("/a", Source::Anonymous, "/a"),
            MountRequest::new("x:/x", Source::Host(host.join("missing")), "/x"),
        ];
        let err = create(&ctx, &store, "r/img:1", opts(), CreateOptions { mounts, ..Default::default() });
        assert!(err.unwrap_err().to_string().contains("missing"));
        assert_eq!(store.list_volumes().unwrap().len(), 1);
    }

    #[test]
    fn image_file_stops_at_whiteouts_and_opaque_dirs() {
        let t = tempfile::tempdir().unwrap();
        let (top, bottom) = (t.path().join("top"), t.path().join("bottom"));
        fs_err::create_dir_all(bottom.join("etc")).unwrap();
        fs_err::write(bottom.join("etc/passwd"), "root").unwrap();
        fs_err::create_dir_all(top.join("etc")).unwrap();
        let both = [top.clone(), bottom.clone()];
        assert_eq!(image_file(&both, "passwd").as_deref(), Some("root"));
        xattr::set(top.join("etc"), "trusted.overlay.opaque", b"y").unwrap();
        assert_eq!(image_file(&both, "passwd"), None);
        xattr::remove(top.join("etc"), "trusted.overlay.opaque").unwrap();
        nix::sys::stat::mknod(
            &top.join("etc/passwd"),
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::empty(),
            0,
        )
        .unwrap();
        assert_eq!(image_file(&both, "passwd"), None);
        fs_err::remove_file(top.join("etc/passwd")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", top.join("etc/passwd")).unwrap();
        assert_eq!(image_file(&both, "passwd"), None);
    }

    #[test]
    fn overlay_rootfs_mounts_writes_to_upper_and_unmounts() {
        if !nix::unistd::geteuid().is_root() {
            return; // kernel overlay needs root here (the unit tests run as root)
        }
        let (_t, ctx, store, _img) = setup(StorageDriver::Overlay);
        let c = create(&ctx, &store, "r/img:1", opts(), CreateOptions::default()).unwrap();
        assert_eq!(c.storage_driver, "overlay");
        let merged = mount_rootfs(&ctx, &store, &c).unwrap();
        let guard = Unmount(&store, &c);
        assert_eq!(mount_rootfs(&ctx, &store, &c).unwrap(), merged);
        assert_eq!(fs_err::read_to_string(merged.join("added")).unwrap(), "top");
        assert!(!merged.join("gone").exists());
        fs_err::write(merged.join("written"), "w").unwrap();
        let dirs = store.container_dirs(&c.id);
        assert_eq!(fs_err::read_to_string(dirs.upper.join("written")).unwrap(), "w");
        // Removal refuses a mounted rootfs in the store, and engine::remove unmounts first.
        assert!(store.remove_container(&c.id).is_err());
        drop(guard);
        assert!(!unmount_rootfs(&store, &c).unwrap());
        mount_rootfs(&ctx, &store, &c).unwrap();
        remove(&ctx, &store, &c.id, false).unwrap();
        assert!(!dirs.root.exists());
    }

    struct Unmount<'a>(&'a Store, &'a ContainerRecord);

    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = unmount_rootfs(self.0, self.1);
        }
    }
}
