//! `--ipc`, `--pid`, `--uts` of a container: the `container:NAME` mode resolved at create, and
//! the other container's namespaces put into the bundle at each start (see
//! [`crate::runtime::spec::NsMode`] for the spec's side).

use std::path::Path;

use serde_json::Value;

use super::containers::run_dir;
use super::Context;
use crate::runtime::spec::NS_CONTAINER_ANNOTATION;
pub use crate::runtime::spec::{Namespaces, NsMode};
use crate::runtime::supervisor;
use crate::storage::{State as RecordState, Store};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no container with name or ID \"{key}\" found to join its {kind} namespace (--{kind} container:{key})")]
    Unknown { kind: &'static str, key: String },
    #[error("cannot join the {kind} namespace of container {id}: it is not running; start it first")]
    NotRunning { kind: String, id: String },
    #[error(
        "cannot set the hostname of a container in the host's UTS namespace (--uts host): drop --hostname"
    )]
    HostnameWithHostUts,
    #[error("cannot update the bundle {path} with the namespaces to join")]
    Bundle {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Resolves each `container:NAME` mode of `namespaces` to the container's id (it must exist);
/// checks that `--hostname` and `--uts host` do not meet.
pub fn resolve(store: &Store, namespaces: &mut Namespaces, hostname: Option<&str>) -> Result<(), Error> {
    if namespaces.uts == NsMode::Host && hostname.is_some() {
        return Err(Error::HostnameWithHostUts);
    }
    for (kind, mode) in
        [("ipc", &mut namespaces.ipc), ("pid", &mut namespaces.pid), ("uts", &mut namespaces.uts)]
    {
        if let NsMode::Container(key) = mode {
            let rec = store.find_container(key).map_err(|_| Error::Unknown { kind, key: key.clone() })?;
            *mode = NsMode::Container(rec.id);
        }
    }
    Ok(())
}

/// For `run --ipc/--pid/--uts container:NAME`: moves this process into the user namespace of
/// that container before [`Context::enter`], since a namespace can only be joined from the user
/// namespace that owns it (as [`super::network::enter_joined_userns`] does for the network).
pub fn enter_joined_userns(ctx: &Context, namespaces: &Namespaces) -> Result<(), super::network::Error> {
    let joined = [("ipc", &namespaces.ipc), ("pid", &namespaces.pid), ("uts", &namespaces.uts)]
        .into_iter()
        .find_map(|(kind, m)| match m {
            NsMode::Container(key) => Some((kind, key.as_str())),
            _ => None,
        });
    match joined {
        Some((kind, key)) => join_userns_of(ctx, kind, key),
        None => Ok(()),
    }
}

/// Joins the user namespace of container `key`, whose `kind` namespace is to be joined; says
/// so in this flag's words when it is missing or not running.
fn join_userns_of(ctx: &Context, kind: &str, key: &str) -> Result<(), super::network::Error> {
    if !ctx.rootless || ctx.in_user_namespace() {
        return Ok(());
    }
    let store = super::open_store(ctx)?;
    let Ok(rec) = store.find_container(key) else {
        let kind = if kind == "ipc" {
            "ipc"
        } else if kind == "pid" {
            "pid"
        } else {
            "uts"
        };
        return Err(super::Error::from(Error::Unknown { kind, key: key.to_string() }).into());
    };
    if rec.state != RecordState::Running {
        // Started by this command as a dependency ([`super::depend`]), in its user namespace.
        return Ok(());
    }
    super::network::join_userns_of(ctx, &rec.id)
}

/// The `container:` modes recorded in the bundle `config.json` holds: (kind, container id),
/// with the parsed spec. `None` for a bundle without any (the common case: found by a byte
/// search, without parsing the spec, since every start asks) or that cannot be read.
fn joined_in(config: &Path) -> Option<(Vec<(String, String)>, Value)> {
    let bytes = fs_err::read(config).ok()?;
    let marker = NS_CONTAINER_ANNOTATION.as_bytes();
    if !bytes.windows(marker.len()).any(|w| w == marker) {
        return None;
    }
    let spec: Value = serde_json::from_slice(&bytes).ok()?;
    let joined = spec["annotations"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| {
            Some((k.strip_prefix(NS_CONTAINER_ANNOTATION)?.to_string(), v.as_str()?.to_string()))
        })
        .collect();
    Some((joined, spec))
}

/// [`enter_joined_userns`] for `start`/`restart` of the existing container `container`, from
/// the modes recorded in its bundle.
pub fn enter_joined_userns_for(ctx: &Context, container: &str) -> Result<(), super::network::Error> {
    if !ctx.rootless || ctx.in_user_namespace() {
        return Ok(());
    }
    let store = super::open_store(ctx)?;
    let Ok(rec) = store.find_container(container) else { return Ok(()) };
    let config = store.container_dirs(&rec.id).bundle.join("config.json");
    match joined_in(&config).and_then(|(joined, _)| joined.into_iter().next()) {
        Some((kind, id)) => join_userns_of(ctx, &kind, &id),
        None => Ok(()),
    }
}

/// The ids of the containers whose namespaces `id` joins (`container:` modes), from its bundle.
pub fn joined_containers(store: &Store, id: &str) -> Vec<String> {
    let config = store.container_dirs(id).bundle.join("config.json");
    let mut ids: Vec<String> = joined_in(&config)
        .map(|(joined, _)| joined.into_iter().map(|(_, id)| id).collect())
        .unwrap_or_default();
    ids.sort();
    ids.dedup();
    ids
}

/// Before a start: the bundle's namespaces of `container:ID` modes point at that container's
/// current ones (`/proc/PID/ns/KIND`). The container must run.
pub fn prepare_start(ctx: &Context, store: &Store, bundle: &Path) -> Result<(), Error> {
    let path = bundle.join("config.json");
    let bundle_err = |source| Error::Bundle { path: path.clone(), source };
    let Some((joined, mut spec)) = joined_in(&path) else { return Ok(()) };
    for (kind, id) in joined {
        let pid = store
            .find_container(&id)
            .ok()
            .filter(|rec| rec.state == RecordState::Running)
            .and_then(|rec| {
                super::lifecycle::read_pid(&run_dir(ctx, &rec.id).join(supervisor::CONTAINER_PID))
            })
            .filter(|p| Path::new(&format!("/proc/{p}")).exists());
        let Some(pid) = pid else {
            return Err(Error::NotRunning { kind, id });
        };
        for ns in spec.pointer_mut("/linux/namespaces").and_then(Value::as_array_mut).into_iter().flatten() {
            if ns["type"] == kind.as_str() {
                ns["path"] = Value::from(format!("/proc/{pid}/ns/{kind}"));
            }
        }
    }
    let text = serde_json::to_vec_pretty(&spec).map_err(|e| bundle_err(e.into()))?;
    crate::sys::atomic::write_atomic(&path, &text).map_err(bundle_err)
}
