//! Dependency containers (podman's): a container created with `--network container:X` outside a
//! pod, or `--ipc/--pid/--uts container:X`, depends on X. X may be created but not running: starting the dependent starts X first,
//! from the same process, so both have one user namespace ([`start_dependencies`]); X cannot be
//! removed while a dependent exists, unless the dependents go first (`rm --depend`,
//! [`remove`]). A pod's containers depend on its infra container, which the pod code handles.
//!
//! The dependency is stored as X's id in the dependent's network settings (`bundle/network.json`,
//! resolved at create), so a rename or a new container of X's old name changes nothing.

use super::lifecycle;
use super::remove::{self, Error};
use super::start::{self, StartOptions};
use super::Context;
use crate::network::{Config, Mode};
use crate::storage::{ContainerRecord, State, Store};

/// The ids of the containers `rec` depends on: the network's (`--network container:X`) and
/// those whose ipc, pid or uts namespace it joins (`--ipc container:X` ...).
pub fn dependencies(store: &Store, rec: &ContainerRecord) -> Vec<String> {
    let mut ids = match super::network::load_config(store, &rec.id) {
        Ok(Some(Config { mode: Mode::Container(key), pod: None, .. })) => {
            store.find_container(&key).map(|x| vec![x.id]).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    for id in super::namespaces::joined_containers(store, &rec.id) {
        if !ids.contains(&id) && store.find_container(&id).is_ok() {
            ids.push(id);
        }
    }
    ids
}

/// The containers that depend on container `id`, directly.
pub fn dependents(store: &Store, id: &str) -> Result<Vec<ContainerRecord>, Error> {
    let all = store.list_containers().map_err(super::Error::from)?;
    Ok(all.into_iter().filter(|c| c.id != id && dependencies(store, c).iter().any(|d| d == id)).collect())
}

/// Starts the containers `rec` depends on that are not running (and theirs, first).
pub fn start_dependencies(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<(), start::Error> {
    for id in dependencies(store, rec) {
        let dep = lifecycle::lookup(ctx, store, &id)?;
        if dep.state == State::Running {
            continue;
        }
        match start::start(ctx, store, &dep, &StartOptions::default()) {
            Ok(_) => {}
            // Started meanwhile by another command.
            Err(_) if lifecycle::lookup(ctx, store, &id).is_ok_and(|r| r.state == State::Running) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `rm` of `rec` as podman does it: refused while other containers depend on it, unless
/// `depend`, which removes them first (theirs before them). Each removal is [`remove::remove`]
/// with `force` and, per container, `time` or its stop timeout; `removed` is told of each
/// container removed, in order. Stops at the first failure.
pub fn remove(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    force: bool,
    time: Option<u64>,
    depend: bool,
    removed: &mut dyn FnMut(ContainerRecord),
) -> Result<(), Error> {
    let deps = dependents(store, &rec.id)?;
    if !deps.is_empty() && !depend {
        let ids: Vec<String> = deps.into_iter().map(|d| d.id).collect();
        return Err(Error::HasDependents { id: rec.id.clone(), dependents: ids.join(", ") });
    }
    for d in &deps {
        remove(ctx, store, d, force, time, depend, removed)?;
    }
    let time = time.unwrap_or_else(|| lifecycle::stop_timeout(rec));
    if let Some(gone) = remove::remove(ctx, store, rec, force, Some(time))? {
        removed(gone);
    }
    Ok(())
}
