//! Pods: `pod create|start|stop|restart|kill|rm|ps|inspect|exists|prune|top|logs`, and what
//! `run/create --pod` need.
//!
//! A pod is a record ([`crate::storage::pods`]) plus containers whose network settings name it
//! ([`Config::pod`]). No pause image is pulled: the *infra container* that holds the pod's
//! namespaces is an ordinary container record made from a tiny local image ([`PAUSE_IMAGE`]:
//! directories and the merged-/usr symlinks, nothing else) that runs the host's `sleep infinity`
//! (the host's /usr bind-mounted read-only) under skiff's own init. So `ps -a`, `inspect`, `logs`
//! and `rm` see it as podman's users expect, and starting, stopping and publishing ports reuse the
//! container code. The other containers of the pod join its network namespace (the
//! `container:INFRA` network mode) and, as the pod shares them, its ipc and uts namespaces (bind
//! mounts next to the network namespace's, see [`crate::network`]); with a shared ipc namespace
//! they also share one /dev/shm (a directory in the pod's run-time directory).
//!
//! Starting a pod's container starts its infra first when it is not running, from the same
//! process (so the new namespaces have one owner); when the infra already runs, the command joins
//! its user namespace before anything else ([`super::network::enter_joined_userns`]).
//!
//! Lock order: `pods.lock` before `containers.lock` (never the other way round).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{json, Value};

use super::containers::{self, run_dir};
use super::network::{self as net, Request};
use super::{lifecycle, Context};
use crate::network::{Config, Mode};
use crate::runtime::spec::RunOptions;
pub use crate::storage::pods::{Error as RecordError, PodRecord};
use crate::storage::pods::{ExitPolicy, Pods};
use crate::storage::{ContainerRecord, State, Store};

/// The local image infra containers are made from (created on first use). Named as podman names
/// its own local pause image, `localhost/podman-pause:VERSION-BUILT` (what `version --format
/// '{{.Server.Version}}-{{.Server.Built}}'` gives; skiff records no build time: 0), so that the
/// scripts of podman users that clean it up find it.
pub const PAUSE_IMAGE: &str = concat!("localhost/podman-pause:", env!("CARGO_PKG_VERSION"), "-0");

/// The namespaces `--share` may name, in podman's order of its message.
const KINDS: [&str; 5] = ["cgroup", "ipc", "net", "pid", "uts"];

/// Errors of the pod use cases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Start(#[from] Box<super::start::Error>),
    #[error(transparent)]
    Lifecycle(#[from] Box<lifecycle::Error>),
    #[error(transparent)]
    Remove(#[from] Box<super::remove::Error>),
    #[error(transparent)]
    Network(#[from] Box<net::Error>),
    #[error(transparent)]
    Data(#[from] Box<super::data::Error>),
    #[error("invalid kernel namespace to share: {value}. Options are: cgroup, ipc, net, pid, uts or none")]
    InvalidShare { value: String },
    #[error("running pod create option: invalid pod exit policy: {value:?}")]
    InvalidExitPolicy { value: String },
    #[error("invalid label {value:?}: expected KEY=VALUE")]
    InvalidLabel { value: String },
    #[error("adding pod to state: name {name:?} is in use: pod already exists")]
    NameInUse { name: String },
    #[error("invalid pod name {name:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidName { name: String },
    #[error("you must share net to publish ports (--share net) or use --infra to create an infra container")]
    PortsWithoutInfra,
    #[error("pod {id} has containers that are not ready to be removed: cannot remove container {container} as it is running - running or paused containers cannot be removed without force: container state improper")]
    Running { id: String, container: String },
    #[error("invalid config provided: cannot set hostname when joining the pod UTS namespace: invalid configuration")]
    HostnameInPod,
    #[error("invalid config provided: networks must be defined when the pod is created: network cannot be configured when it is shared with a pod")]
    NetworkInPod,
    #[error("creating infra container: the container name {name:?} is already in use by {owner}. You have to remove that container to be able to reuse that name: that name is already in use")]
    InfraNameInUse { name: String, owner: String },
    #[error("initializing source docker://{image}: image not known locally")]
    InfraImage { image: String },
    #[error("{id} is the infra container of pod {pod} and cannot be removed without removing the pod")]
    InfraRemove { id: String, pod: String },
}

impl From<super::start::Error> for Error {
    fn from(e: super::start::Error) -> Self {
        Error::Start(Box::new(e))
    }
}
impl From<lifecycle::Error> for Error {
    fn from(e: lifecycle::Error) -> Self {
        Error::Lifecycle(Box::new(e))
    }
}
impl From<super::remove::Error> for Error {
    fn from(e: super::remove::Error) -> Self {
        Error::Remove(Box::new(e))
    }
}
impl From<net::Error> for Error {
    fn from(e: net::Error) -> Self {
        Error::Network(Box::new(e))
    }
}
impl From<super::data::Error> for Error {
    fn from(e: super::data::Error) -> Self {
        Error::Data(Box::new(e))
    }
}
impl From<crate::storage::Error> for Error {
    fn from(e: crate::storage::Error) -> Self {
        Error::Engine(e.into())
    }
}

impl Error {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Record(e) if e.is_not_found())
    }
}

/// The pod records of `ctx`: `<root>/pods`.
pub fn records(ctx: &Context) -> Pods {
    Pods::new(ctx.paths.graph_root.join("pods"))
}

/// The pod's shared /dev/shm: `<runroot>/pods/<id>/shm`.
pub fn shm_dir(ctx: &Context, pod_id: &str) -> PathBuf {
    ctx.paths.run_root.join("pods").join(pod_id).join("shm")
}

/// Creates the pod's /dev/shm directory (mode 1777) if it is missing (after a reboot, too).
pub fn ensure_shm_dir(ctx: &Context, pod_id: &str) -> Result<PathBuf, Error> {
    use std::os::unix::fs::PermissionsExt;
    let dir = shm_dir(ctx, pod_id);
    if !dir.is_dir() {
        fs_err::create_dir_all(&dir)
            .map_err(|source| super::Error::CreateDir { path: dir.clone(), source })?;
        fs_err::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777))
            .map_err(|source| super::Error::CreateDir { path: dir.clone(), source })?;
    }
    Ok(dir)
}

/// `--share`: a comma-separated list of namespaces, or `+LIST` to add to the default
/// (ipc, net, uts); `none` shares nothing. Sorted, without duplicates.
pub fn parse_share(text: Option<&str>) -> Result<Vec<String>, Error> {
    let default = ["ipc", "net", "uts"];
    let Some(text) = text else { return Ok(default.iter().map(|s| s.to_string()).collect()) };
    let (mut out, list) = match text.strip_prefix('+') {
        Some(rest) => (default.iter().map(|s| s.to_string()).collect::<Vec<_>>(), rest),
        None => (Vec::new(), text),
    };
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match item {
            "none" => out.clear(),
            k if KINDS.contains(&k) => out.push(k.to_string()),
            other => return Err(Error::InvalidShare { value: other.to_string() }),
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// What `pod create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub name: Option<String>,
    /// `--label KEY=VALUE`.
    pub labels: Vec<String>,
    pub hostname: Option<String>,
    /// `--share` as typed.
    pub share: Option<String>,
    /// `--infra` (default true).
    pub infra: bool,
    pub infra_name: Option<String>,
    /// `--infra-command`: the infra's command (default `sleep infinity`).
    pub infra_command: Option<Vec<String>>,
    /// `--infra-image` (else containers.conf's `infra_image`, else skiff's own [`PAUSE_IMAGE`]);
    /// it must be in local storage (the CLI pulls it first).
    pub infra_image: Option<String>,
    /// `--network`, `-p`, `--dns*`, `--add-host`: the infra container's network.
    pub network: Request,
    /// `--exit-policy`.
    pub exit_policy: Option<String>,
    /// `--replace`: remove a pod of that name first.
    pub replace: bool,
}

/// The pause image, created from nothing the first time: an empty root with the merged-/usr
/// symlinks (the host's /usr is bind-mounted read-only over `usr/`).
fn ensure_pause_image(store: &Store) -> Result<(), Error> {
    if super::images::lookup(store, PAUSE_IMAGE).is_ok() {
        return Ok(());
    }
    let built = (|| -> std::io::Result<Vec<u8>> {
        let mut tar = tar::Builder::new(Vec::new());
        let header = |typ: tar::EntryType, mode: u32| {
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(typ);
            h.set_mode(mode);
            h.set_size(0);
            h.set_mtime(0);
            h.set_uid(0);
            h.set_gid(0);
            h
        };
        for (d, mode) in [
            ("dev", 0o755),
            ("etc", 0o755),
            ("proc", 0o755),
            ("run", 0o755),
            ("sys", 0o755),
            ("usr", 0o755),
            ("tmp", 0o1777),
        ] {
            tar.append_data(&mut header(tar::EntryType::Directory, mode), d, std::io::empty())?;
        }
        for (link, target) in
            [("bin", "usr/bin"), ("lib", "usr/lib"), ("lib64", "usr/lib64"), ("sbin", "usr/sbin")]
        {
            tar.append_link(&mut header(tar::EntryType::Symlink, 0o777), link, target)?;
        }
        tar.into_inner()
    })()
    .map_err(super::data::Error::ImportRead)?;
    let new = super::data::NewImage {
        name: Some(PAUSE_IMAGE.to_string()),
        changes: vec![r#"CMD ["/usr/bin/sleep", "infinity"]"#.to_string()],
        author: None,
        message: Some("skiff's pod infra image".into()),
    };
    super::data::import(store, &mut &built[..], "pause", &new)?;
    Ok(())
}

fn bind(destination: &str, source: &std::path::Path, options: &[&str]) -> oci_spec::runtime::Mount {
    let mut m = oci_spec::runtime::Mount::default();
    m.set_destination(PathBuf::from(destination));
    m.set_typ(Some("bind".into()));
    m.set_source(Some(source.to_path_buf()));
    m.set_options(Some(options.iter().map(|s| s.to_string()).collect()));
    m
}

/// `pod create`: the record, then (unless `--infra=false`) its infra container, created but
/// not started (a pod starts with its first container, or `pod start`).
pub fn create(ctx: &Context, store: &Store, opts: &CreateOptions) -> Result<PodRecord, Error> {
    let share = parse_share(opts.share.as_deref())?;
    let exit_policy = match opts.exit_policy.as_deref() {
        None | Some("continue") => ExitPolicy::Continue,
        Some("stop") => ExitPolicy::Stop,
        Some(other) => return Err(Error::InvalidExitPolicy { value: other.to_string() }),
    };
    let mut labels = BTreeMap::new();
    for l in &opts.labels {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        if k.is_empty() {
            return Err(Error::InvalidLabel { value: l.clone() });
        }
        labels.insert(k.to_string(), v.to_string());
    }
    if !opts.infra && !opts.network.publish.is_empty() {
        return Err(Error::PortsWithoutInfra);
    }
    let mut request = opts.network.clone();
    request.mode.retain(|m| m != "private");
    let host_network = request.mode.iter().any(|m| m == "host");
    let pods = records(ctx);
    if opts.replace {
        if let Some(name) = &opts.name {
            match pods.find(name) {
                Ok(old) if &old.name == name => {
                    remove(ctx, store, &old, true, Some(0))?;
                }
                _ => {}
            }
        }
    }
    let lock = pods.lock_exclusive()?;
    let name = match &opts.name {
        Some(n) if !crate::storage::containers::is_valid_name(n) => {
            return Err(Error::InvalidName { name: n.clone() })
        }
        Some(n) => n.clone(),
        None => crate::storage::containers::random_name(),
    };
    let all = pods.list()?;
    if all.iter().any(|p| p.name == name) {
        return Err(Error::NameInUse { name });
    }
    if let Some(infra_name) = opts.infra_name.as_deref().filter(|_| opts.infra) {
        if let Some(owner) =
            store.list_containers().map_err(super::Error::from)?.into_iter().find(|c| c.name == infra_name)
        {
            return Err(Error::InfraNameInUse { name: infra_name.to_string(), owner: owner.id });
        }
    }
    let mut pod = PodRecord {
        id: crate::storage::containers::new_id(),
        hostname: opts.hostname.clone().unwrap_or_else(|| name.clone()),
        name,
        created: lifecycle::now(),
        labels,
        share,
        infra: opts.infra,
        infra_id: None,
        networks: request.mode.clone(),
        host_network,
        exit_policy,
    };
    pods.write(&pod)?;
    if !opts.infra {
        super::events::pod("create", &pod.id, &pod.name);
        return Ok(pod);
    }
    let made = create_infra(ctx, store, &pod, &request, opts);
    let infra = match made {
        Ok(rec) => rec,
        Err(e) => {
            let _ = pods.remove(&pod.id);
            return Err(e);
        }
    };
    pod.infra_id = Some(infra.id.clone());
    pods.write(&pod)?;
    drop(lock);
    super::events::pod("create", &pod.id, &pod.name);
    Ok(pod)
}

fn create_infra(
    ctx: &Context,
    store: &Store,
    pod: &PodRecord,
    request: &Request,
    opts: &CreateOptions,
) -> Result<ContainerRecord, Error> {
    // (the image, whether it is skiff's own pause image)
    let (image, own) = match opts.infra_image.clone().or_else(configured_infra_image) {
        None => {
            ensure_pause_image(store)?;
            (PAUSE_IMAGE.to_string(), true)
        }
        Some(image) => match super::images::lookup(store, &image) {
            Ok(found) => {
                let pause = super::images::lookup(store, PAUSE_IMAGE).ok();
                let own = pause.is_some_and(|p| p.image.id == found.image.id);
                (image, own)
            }
            // Kubernetes' pause image: skiff's own, under that name.
            Err(_) if is_kubernetes_pause(&image) => {
                ensure_pause_image(store)?;
                super::images::tag(store, PAUSE_IMAGE, std::slice::from_ref(&image))?;
                (image, true)
            }
            Err(_) => return Err(Error::InfraImage { image }),
        },
    };
    let custom = (!own).then_some(());
    let shm = ensure_shm_dir(ctx, &pod.id)?;
    // skiff's init in front of the host's sleep in its own image; a custom image's command runs
    // as it is, as podman runs it (skiff is linked against the host's libc, which such an image
    // may not have).
    let mut run = RunOptions { hostname: Some(pod.hostname.clone()), init: own, ..Default::default() };
    match (&custom, &opts.infra_command) {
        (None, command) => {
            run.entrypoint = Some(Vec::new());
            run.command = command.clone().unwrap_or_else(|| vec!["/usr/bin/sleep".into(), "infinity".into()]);
            run.mounts.push(bind("/usr", std::path::Path::new("/usr"), &["rbind", "ro", "nosuid", "nodev"]));
        }
        (Some(_), Some(command)) => run.entrypoint = Some(command.clone()),
        (Some(_), None) => {}
    }
    if pod.share.iter().any(|s| s == "ipc") {
        run.mounts.push(bind("/dev/shm", &shm, &["rbind", "nosuid", "nodev", "noexec"]));
    }
    let mut request = request.clone();
    request.pod = None;
    let mut config = net::prepare(&request, ctx, store, &image, &mut run)?;
    config.pod = Some(pod.id.clone());
    let with = containers::CreateOptions {
        name: Some(opts.infra_name.clone().unwrap_or_else(|| format!("{}-infra", &pod.id[..12]))),
        network: Some(config),
        stop_signal: Some("SIGTERM".into()),
        ..Default::default()
    };
    Ok(containers::create(ctx, store, &image, run, with)?)
}

/// Kubernetes' pause images (`registry.k8s.io/pause:TAG` and its older homes): their only job is
/// to hold a pod's namespaces, which skiff's own pause image does; when one is not in local
/// storage, skiff uses its own instead of pulling it (kube YAML and scripts name them).
pub fn is_kubernetes_pause(image: &str) -> bool {
    let repo = image.split(['@']).next().unwrap_or(image);
    let repo = match repo.rsplit_once(':') {
        Some((r, tag)) if !tag.contains('/') => r,
        _ => repo,
    };
    matches!(repo, "registry.k8s.io/pause" | "k8s.gcr.io/pause" | "gcr.io/google_containers/pause")
}

/// containers.conf's `[engine] infra_image` (see [`crate::engine::containers_conf`]); a
/// containers.conf that cannot be read gives none here (the command that reads it first says why).
pub fn configured_infra_image() -> Option<String> {
    let conf = crate::engine::containers_conf::get().ok()?;
    conf.engine.infra_image.clone().filter(|s| !s.is_empty())
}

/// The pod `key` names (name, id, or a unique id prefix).
pub fn find(ctx: &Context, key: &str) -> Result<PodRecord, Error> {
    let pods = records(ctx);
    let _lock = pods.lock_shared()?;
    Ok(pods.find(key)?)
}

/// Every pod, oldest first.
pub fn list(ctx: &Context) -> Result<Vec<PodRecord>, Error> {
    let pods = records(ctx);
    let _lock = pods.lock_shared()?;
    Ok(pods.list()?)
}

/// The pod container `id` belongs to (from its stored network settings).
pub fn pod_of(store: &Store, id: &str) -> Option<String> {
    net::load_config(store, id).ok().flatten().and_then(|c| c.pod)
}

/// The containers of `pod`, infra first, brought in line with the run-time state.
pub fn containers_of(ctx: &Context, store: &Store, pod: &PodRecord) -> Result<Vec<ContainerRecord>, Error> {
    let mut out: Vec<ContainerRecord> = lifecycle::list(ctx, store)?
        .into_iter()
        .filter(|c| pod_of(store, &c.id).as_deref() == Some(pod.id.as_str()))
        .collect();
    out.sort_by_key(|c| Some(&c.id) != pod.infra_id.as_ref());
    Ok(out)
}

/// The containers of `pod` as recorded (not brought in line with the run-time state: for
/// commands that read without entering the store's namespace), infra first.
pub fn members(store: &Store, pod: &PodRecord) -> Vec<ContainerRecord> {
    let mut out: Vec<ContainerRecord> = store
        .list_containers()
        .unwrap_or_default()
        .into_iter()
        .filter(|c| pod_of(store, &c.id).as_deref() == Some(pod.id.as_str()))
        .collect();
    out.sort_by_key(|c| Some(&c.id) != pod.infra_id.as_ref());
    out
}

/// Whether container `rec` is `pod`'s infra container.
pub fn is_infra(pod: &PodRecord, rec: &ContainerRecord) -> bool {
    pod.infra_id.as_deref() == Some(rec.id.as_str())
}

/// The running infra container of pod `pod_id`, if any.
pub fn running_infra(ctx: &Context, store: &Store, pod_id: &str) -> Option<ContainerRecord> {
    let pod = records(ctx).find(pod_id).ok()?;
    let infra = lifecycle::lookup(ctx, store, pod.infra_id.as_deref()?).ok()?;
    (infra.state == State::Running).then_some(infra)
}

/// Starts the infra container of pod `pod_id` unless it runs (a container of the pod is about
/// to start and join its namespaces).
pub fn ensure_infra(ctx: &Context, store: &Store, pod_id: &str) -> Result<(), Error> {
    let Ok(pod) = records(ctx).find(pod_id) else { return Ok(()) };
    let Some(infra_id) = pod.infra_id.as_deref() else { return Ok(()) };
    let infra = lifecycle::lookup(ctx, store, infra_id)?;
    if infra.state == State::Running {
        return Ok(());
    }
    ensure_shm_dir(ctx, &pod.id)?;
    let opts = super::start::StartOptions { attach: false, stdin: false, console_size: None };
    match super::start::start(ctx, store, &infra, &opts) {
        Ok(_) => Ok(()),
        // Started meanwhile by another command.
        Err(_) if lifecycle::lookup(ctx, store, infra_id).is_ok_and(|r| r.state == State::Running) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// For `run/create --pod`: resolves the pod (`new:NAME` creates it) and fills in what joining it
/// means for the container: the infra's network (when the pod shares it), its ipc and uts
/// namespaces, its hostname and its /dev/shm. `req.pod` is replaced by the pod's id.
pub fn join(
    ctx: &Context,
    store: &Store,
    req: &mut Request,
    run: &mut RunOptions,
) -> Result<PodRecord, Error> {
    let key = req.pod.clone().unwrap_or_default();
    let pod = match key.strip_prefix("new:") {
        Some(name) => match find(ctx, name) {
            Ok(p) => p,
            Err(e) if e.is_not_found() => create(
                ctx,
                store,
                &CreateOptions {
                    name: Some(name.to_string()),
                    hostname: run.hostname.clone(),
                    infra: true,
                    ..Default::default()
                },
            )?,
            Err(e) => return Err(e),
        },
        None => find(ctx, &key)?,
    };
    req.pod = Some(pod.id.clone());
    let Some(infra) = pod.infra_id.clone() else { return Ok(pod) };
    let shares = |k: &str| pod.share.iter().any(|s| s == k);
    if shares("net") {
        let own = format!("container:{infra}");
        if req.mode.iter().any(|m| *m != own) || !req.publish.is_empty() {
            return Err(Error::NetworkInPod);
        }
        req.mode = vec![own];
    }
    if shares("uts") {
        match &run.hostname {
            Some(h) if *h != pod.hostname => return Err(Error::HostnameInPod),
            _ => run.hostname = Some(pod.hostname.clone()),
        }
    }
    if shares("ipc") {
        let shm = ensure_shm_dir(ctx, &pod.id)?;
        run.mounts.push(bind("/dev/shm", &shm, &["rbind", "nosuid", "nodev", "noexec"]));
    }
    Ok(pod)
}

/// The namespaces besides the network one that a container of pod `pod` joins from its infra.
pub fn joined_namespaces(pod: &PodRecord) -> Vec<String> {
    if pod.infra_id.is_none() || !pod.share.iter().any(|s| s == "net") {
        return Vec::new();
    }
    pod.share.iter().filter(|s| matches!(s.as_str(), "ipc" | "pid" | "uts")).cloned().collect()
}

/// The pod's status, as podman computes it from its containers' states.
pub fn status(containers: &[ContainerRecord]) -> &'static str {
    let count = |s: State| containers.iter().filter(|c| c.state == s).count();
    let (running, paused, created) = (count(State::Running), count(State::Paused), count(State::Created));
    let stopped = containers.len() - running - paused - created;
    match () {
        _ if containers.is_empty() => "Created",
        _ if running == containers.len() => "Running",
        _ if paused == containers.len() => "Paused",
        _ if created == containers.len() => "Created",
        _ if running > 0 || paused > 0 => "Degraded",
        _ if stopped > 0 && created > 0 => "Degraded",
        _ => "Exited",
    }
}

/// `pod start`: the infra first, then every other container that is not running. The errors,
/// with the id of the container each is about.
pub fn start(ctx: &Context, store: &Store, pod: &PodRecord) -> Result<Vec<(String, Error)>, Error> {
    ensure_infra(ctx, store, &pod.id)?;
    let mut failed = Vec::new();
    for c in containers_of(ctx, store, pod)? {
        if is_infra(pod, &c) || c.state == State::Running {
            continue;
        }
        let opts = super::start::StartOptions { attach: false, stdin: c.interactive, console_size: None };
        if let Err(e) = super::start::start(ctx, store, &c, &opts) {
            failed.push((c.id.clone(), e.into()));
        }
    }
    super::events::pod("start", &pod.id, &pod.name);
    Ok(failed)
}

/// `pod stop`: every container, the infra last (`timeout` seconds after the stop signal).
pub fn stop(
    ctx: &Context,
    store: &Store,
    pod: &PodRecord,
    timeout: Option<u64>,
) -> Result<Vec<(String, Error)>, Error> {
    let mut failed = Vec::new();
    let mut all = containers_of(ctx, store, pod)?;
    all.reverse();
    for c in all {
        if !c.state.is_active() {
            continue;
        }
        let t = timeout.unwrap_or_else(|| lifecycle::stop_timeout(&c));
        if let Err(e) = lifecycle::stop(ctx, store, &c, t) {
            failed.push((c.id.clone(), e.into()));
        }
    }
    super::events::pod("stop", &pod.id, &pod.name);
    Ok(failed)
}

/// `pod kill`: sends `signal` to every running container of the pod.
pub fn kill(
    ctx: &Context,
    store: &Store,
    pod: &PodRecord,
    signal: lifecycle::Sig,
) -> Result<Vec<(String, Error)>, Error> {
    let mut failed = Vec::new();
    for c in containers_of(ctx, store, pod)?.into_iter().rev() {
        if c.state != State::Running {
            continue;
        }
        if let Err(e) = lifecycle::kill(ctx, store, &c, signal) {
            failed.push((c.id.clone(), e.into()));
        }
    }
    Ok(failed)
}

/// `pod rm`: removes the pod's containers (with `force`, running ones are stopped first;
/// without, a running container other than the infra refuses), then the infra, then the record.
pub fn remove(
    ctx: &Context,
    store: &Store,
    pod: &PodRecord,
    force: bool,
    timeout: Option<u64>,
) -> Result<Vec<String>, Error> {
    let all = containers_of(ctx, store, pod)?;
    if !force {
        if let Some(c) = all.iter().find(|c| !is_infra(pod, c) && c.state.is_active()) {
            return Err(Error::Running { id: pod.id.clone(), container: c.id.clone() });
        }
    }
    let mut removed = Vec::new();
    for c in all.iter().rev() {
        let forced = force || is_infra(pod, c);
        if super::remove::remove(ctx, store, c, forced, Some(timeout.unwrap_or(0)))?.is_some() {
            removed.push(c.id.clone());
        }
    }
    let pods = records(ctx);
    let _lock = pods.lock_exclusive()?;
    pods.remove(&pod.id)?;
    let _ = fs_err::remove_dir_all(ctx.paths.run_root.join("pods").join(&pod.id));
    super::events::pod("remove", &pod.id, &pod.name);
    Ok(removed)
}

/// The pod whose infra container `rec` is, if it is one.
pub fn infra_pod(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Option<PodRecord> {
    let pod = records(ctx).find(&pod_of(store, &rec.id)?).ok()?;
    is_infra(&pod, rec).then_some(pod)
}

/// `pod prune`: removes every pod none of whose containers runs; their ids.
pub fn prune(ctx: &Context, store: &Store) -> Result<Vec<String>, Error> {
    let mut removed = Vec::new();
    for pod in list(ctx)? {
        let all = containers_of(ctx, store, &pod)?;
        if all.iter().any(|c| c.state.is_active()) {
            continue;
        }
        remove(ctx, store, &pod, false, None)?;
        removed.push(pod.id);
    }
    Ok(removed)
}

/// For `rm`: refuses to remove a pod's infra container on its own.
pub fn check_removable(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<(), Error> {
    match infra_pod(ctx, store, rec) {
        Some(pod) => Err(Error::InfraRemove { id: rec.id.clone(), pod: pod.id }),
        None => Ok(()),
    }
}

/// After container `id` exited (its cleanup): with the pod's exit policy `stop`, the infra stops
/// once no other container of the pod runs.
pub fn after_exit(ctx: &Context, store: &Store, id: &str) {
    let Some(pod_id) = pod_of(store, id) else { return };
    let Ok(pod) = records(ctx).find(&pod_id) else { return };
    if pod.exit_policy != ExitPolicy::Stop || pod.infra_id.as_deref() == Some(id) {
        return;
    }
    let Ok(all) = containers_of(ctx, store, &pod) else { return };
    if all.iter().any(|c| !is_infra(&pod, c) && c.id != id && c.state.is_active()) {
        return;
    }
    if let Some(infra) = all.iter().find(|c| is_infra(&pod, c) && c.state.is_active()) {
        let _ = lifecycle::stop(ctx, store, infra, lifecycle::stop_timeout(infra));
    }
}

/// `pod inspect`: podman's shape (its JSON names).
pub fn inspect(ctx: &Context, store: &Store, pod: &PodRecord) -> Result<Value, Error> {
    let all = containers_of(ctx, store, pod)?;
    let infra_config = match pod.infra_id.as_deref().and_then(|id| net::load_config(store, id).ok().flatten())
    {
        Some(c) => infra_view(pod, &c),
        None => Value::Null,
    };
    Ok(json!({
        "Id": pod.id,
        "Name": pod.name,
        "Created": pod.created,
        "CreateCommand": null,
        "ExitPolicy": pod.exit_policy.to_string(),
        "State": status(&all),
        "Hostname": pod.hostname,
        "Labels": pod.labels,
        "CreateCgroup": false,
        "CreateInfra": pod.infra,
        "InfraContainerID": pod.infra_id.clone().unwrap_or_default(),
        "InfraConfig": infra_config,
        "SharedNamespaces": pod.share,
        "NumContainers": all.len(),
        "Containers": all.iter().map(|c| json!({
            "Id": c.id,
            "Name": c.name,
            "State": c.state.to_string(),
        })).collect::<Vec<_>>(),
    }))
}

fn infra_view(pod: &PodRecord, c: &Config) -> Value {
    let mut ports = serde_json::Map::new();
    for p in &c.ports {
        let key = format!("{}/{}", p.container_port, p.protocol.as_str());
        let binding = json!({"HostIp": p.host_ip.map(|i| i.to_string()).unwrap_or_default(), "HostPort": p.host_port.to_string()});
        ports.entry(key).or_insert_with(|| json!([])).as_array_mut().expect("an array").push(binding);
    }
    let networks = match &c.mode {
        Mode::Bridge(names) => json!(names),
        _ => json!(null),
    };
    json!({
        "PortBindings": ports,
        "HostNetwork": pod.host_network,
        "StaticIP": c.ip.map(|i| i.to_string()).unwrap_or_default(),
        "StaticMAC": c.mac.clone().unwrap_or_default(),
        "NoManageResolvConf": false,
        "DNSServer": if c.dns.is_empty() { json!(null) } else { json!(c.dns) },
        "DNSSearch": if c.dns_search.is_empty() { json!(null) } else { json!(c.dns_search) },
        "DNSOption": if c.dns_options.is_empty() { json!(null) } else { json!(c.dns_options) },
        "NoManageHosts": false,
        "HostAdd": if c.add_hosts.is_empty() { json!(null) } else {
            json!(c.add_hosts.iter().map(|(n, ip)| format!("{n}:{ip}")).collect::<Vec<_>>())
        },
        "Networks": networks,
        "NetworkOptions": null,
        "pid_ns": if pod.share.iter().any(|s| s == "pid") { "pod" } else { "private" },
        "userns": "host",
        "uts_ns": if pod.share.iter().any(|s| s == "uts") { "pod" } else { "private" },
    })
}

/// The run-time directory of the pod's infra container, if it has one.
pub fn infra_run_dir(ctx: &Context, pod: &PodRecord) -> Option<PathBuf> {
    pod.infra_id.as_deref().map(|id| run_dir(ctx, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubernetes_pause_images_are_recognised() {
        assert!(is_kubernetes_pause("k8s.gcr.io/pause:3.5"));
        assert!(is_kubernetes_pause("registry.k8s.io/pause"));
        assert!(!is_kubernetes_pause("registry.k8s.io/pause-extra:1"));
        assert!(!is_kubernetes_pause("docker.io/library/busybox"));
    }

    #[test]
    fn share_lists_are_parsed_as_podman_does() {
        assert_eq!(parse_share(None).unwrap(), ["ipc", "net", "uts"]);
        assert_eq!(parse_share(Some("ipc")).unwrap(), ["ipc"]);
        assert_eq!(parse_share(Some("+pid")).unwrap(), ["ipc", "net", "pid", "uts"]);
        assert_eq!(parse_share(Some("none")).unwrap(), Vec::<String>::new());
        assert_eq!(
            parse_share(Some("bogus")).unwrap_err().to_string(),
            "invalid kernel namespace to share: bogus. Options are: cgroup, ipc, net, pid, uts or none"
        );
    }

    fn rec(state: State) -> ContainerRecord {
        serde_json::from_value(json!({
            "id": "a", "name": "a", "image_id": "i", "image_name": "i", "created": "", "command": [],
            "state": state, "storage_driver": "vfs"
        }))
        .unwrap()
    }

    #[test]
    fn pod_status_follows_its_containers() {
        assert_eq!(status(&[]), "Created");
        assert_eq!(status(&[rec(State::Running), rec(State::Running)]), "Running");
        assert_eq!(status(&[rec(State::Running), rec(State::Exited)]), "Degraded");
        assert_eq!(status(&[rec(State::Exited), rec(State::Exited)]), "Exited");
        assert_eq!(status(&[rec(State::Created)]), "Created");
    }
}
