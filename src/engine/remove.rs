//! Removing containers, below the CLI: one container ([`remove`], with `force` stopping it
//! first: [`remove_forced`]), the container a `--replace` takes the name of ([`replace`]), every
//! container that is not running ([`prune`]) and every container (`system reset`:
//! [`remove_all`]).
//!
//! A removal holds the container's start lock (see [`super::lifecycle::start_lock`]), so a start
//! and a removal never see each other half done; a container removed meanwhile (`--rm`, another
//! command) is not an error: the functions answer `None` for it.

use super::containers;
use super::lifecycle;
use super::Context;
use crate::storage::containers as records;
use crate::storage::{ContainerRecord, State, Store};

/// Errors of removing containers.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Lifecycle(#[from] lifecycle::Error),
    /// Removing the pod of an infra container (boxed: pod errors hold removal errors).
    #[error(transparent)]
    Pod(Box<super::pods::Error>),
    #[error(
        "cannot remove container {id} as it is {state} - running or paused containers cannot be removed without force: container state improper"
    )]
    Active { id: String, state: &'static str },
    /// Other containers joined its namespaces (see [`super::depend`]); podman's words.
    #[error(
        "container {id} has dependent containers which must be removed before it: {dependents}: container already exists"
    )]
    HasDependents { id: String, dependents: String },
}

impl Error {
    /// True when the container does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            Error::Engine(super::Error::Container(records::Error::NotFound { .. }))
                | Error::Lifecycle(lifecycle::Error::Container(records::Error::NotFound { .. }))
                | Error::Lifecycle(lifecycle::Error::Engine(super::Error::Container(
                    records::Error::NotFound { .. }
                )))
        )
    }
}

/// The one container `key` names (exact name, exact id, else a unique id prefix), for a removal.
pub fn lookup(store: &Store, key: &str) -> Result<ContainerRecord, Error> {
    Ok(containers::lookup(store, key)?)
}

/// Removes one container: with `force`, stops it first (see [`remove_forced`]; `timeout`
/// seconds after the stop signal, default 0: at once); without, refuses a running or paused one.
/// `None` when it was removed meanwhile.
pub fn remove(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    force: bool,
    timeout: Option<u64>,
) -> Result<Option<ContainerRecord>, Error> {
    if force {
        return remove_forced(ctx, store, rec, timeout.unwrap_or(0));
    }
    // Not while a start of it is under way.
    let Some(_lock) = lifecycle::start_lock(store, &rec.id)? else { return Ok(None) };
    let rec = lifecycle::lookup(ctx, store, &rec.id)?;
    if rec.state.is_active() {
        let state = if rec.state == State::Paused { "paused" } else { "running" };
        return Err(Error::Active { id: rec.id, state });
    }
    // Exited, and its supervisor is finishing the cleanup: let it.
    if lifecycle::supervisor_alive(ctx, &rec) {
        let _ = lifecycle::wait_stopped(ctx, store, &rec.id, lifecycle::KILL_GRACE)?;
    }
    match containers::remove(ctx, store, &rec.id, false) {
        Ok(gone) => Ok(Some(gone)),
        // Removed meanwhile (`--rm`).
        Err(super::Error::Container(records::Error::NotFound { .. }))
            if store.find_container(&rec.id).is_err() =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Stops (stop signal, then SIGKILL after `timeout` seconds; at once for 0) and removes a
/// container. A container removed meanwhile (`--rm`) is not an error.
pub fn remove_forced(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    timeout: u64,
) -> Result<Option<ContainerRecord>, Error> {
    let Some(_lock) = lifecycle::start_lock(store, &rec.id)? else { return Ok(None) };
    let gone = |e: &super::Error| {
        matches!(e, super::Error::Container(records::Error::NotFound { .. }))
            && store.find_container(&rec.id).is_err()
    };
    let rec = match lifecycle::lookup(ctx, store, &rec.id) {
        Ok(r) => r,
        Err(lifecycle::Error::Container(records::Error::NotFound { .. })) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if rec.state.is_active() || lifecycle::supervisor_alive(ctx, &rec) {
        lifecycle::stop(ctx, store, &rec, timeout)?;
    }
    match containers::remove(ctx, store, &rec.id, true) {
        Ok(gone) => Ok(Some(gone)),
        Err(e) if gone(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// `rmi --force` of an image that is going away: first stops (each with its own stop timeout)
/// and removes the containers made from it, as podman does. A name of an image that has other
/// names is only untagged, so its containers stay. Returns the removed containers' ids.
pub fn remove_image_users(ctx: &Context, store: &Store, image: &str) -> Result<Vec<String>, Error> {
    let found = super::images::lookup(store, image)?;
    if found.name.is_some() && found.image.names.len() > 1 {
        return Ok(Vec::new());
    }
    let mut removed = Vec::new();
    for c in containers::list(store)?.into_iter().filter(|c| c.image_id == found.image.id) {
        // An infra container goes with its pod and every container of it, as in podman.
        if let Some(pod) = super::pods::infra_pod(ctx, store, &c) {
            removed.extend(
                super::pods::remove(ctx, store, &pod, true, Some(0)).map_err(|e| Error::Pod(Box::new(e)))?,
            );
            continue;
        }
        if remove_forced(ctx, store, &c, c.stop_timeout.map_or(10, u64::from))?.is_some() {
            removed.push(c.id);
        }
    }
    Ok(removed)
}

/// Removes the container named exactly `name`, stopping it first (`--replace`); nothing when no
/// container has that name.
pub fn replace(ctx: &Context, store: &Store, name: &str) -> Result<(), Error> {
    let rec = match lifecycle::lookup(ctx, store, name) {
        Ok(r) if r.name == name => r,
        Ok(_) | Err(lifecycle::Error::Container(records::Error::NotFound { .. })) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    remove_forced(ctx, store, &rec, 0).map(|_| ())
}

/// Removes every container, killing the running ones (`system reset`): the errors, with the id
/// of the container each is about.
pub fn remove_all(ctx: &Context, store: &Store) -> Vec<(String, Error)> {
    let mut failed = Vec::new();
    for rec in containers::list(store).unwrap_or_default() {
        if let Err(e) = remove(ctx, store, &rec, true, None) {
            failed.push((rec.id.clone(), e));
        }
    }
    failed
}

/// What [`prune`] did.
#[derive(Debug, Default)]
pub struct Pruned {
    /// The ids of the containers removed.
    pub removed: Vec<String>,
    /// The containers that could not be removed, in order.
    pub failed: Vec<Error>,
}

/// Removes every container that is not running (`container prune`, `system prune`). A
/// container removed or started meanwhile is skipped.
pub fn prune(ctx: &Context, store: &Store) -> Result<Pruned, Error> {
    let mut pruned = Pruned::default();
    for rec in lifecycle::list(ctx, store)? {
        if !matches!(rec.state, State::Created | State::Exited | State::Stopped) {
            continue;
        }
        if lifecycle::supervisor_alive(ctx, &rec) {
            // Exited, with its supervisor finishing the cleanup (or starting: then it is skipped).
            let _ = lifecycle::wait_stopped(ctx, store, &rec.id, lifecycle::KILL_GRACE)?;
        }
        match containers::remove(ctx, store, &rec.id, false) {
            Ok(_) => pruned.removed.push(rec.id),
            // Removed or started meanwhile.
            Err(super::Error::Container(records::Error::NotFound { .. }))
            | Err(super::Error::InvalidState { .. }) => {}
            Err(e) => pruned.failed.push(e.into()),
        }
    }
    Ok(pruned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::containers::tests::{opts, setup};
    use crate::engine::containers::{create, CreateOptions};
    use crate::engine::StorageDriver;

    fn set(store: &Store, id: &str, state: State, pid: Option<i32>) {
        store
            .update_container(id, |r| {
                r.state = state;
                r.pid = pid;
                Ok::<_, super::super::Error>(())
            })
            .unwrap();
    }

    #[test]
    fn remove_prune_and_replace_leave_running_containers_alone() {
        let (_t, ctx, store, _img) = setup(StorageDriver::Vfs);
        let named = |name: &str| CreateOptions { name: Some(name.into()), ..Default::default() };
        let make = |name: &str| create(&ctx, &store, "r/img:1", opts(), named(name)).unwrap();
        let (a, b, c) = (make("a"), make("b"), make("c"));
        // b runs: its supervisor is this (live) process.
        set(&store, &b.id, State::Running, Some(std::process::id() as i32));
        let e = remove(&ctx, &store, &b, false, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("cannot remove container {} as it is running - running or paused containers cannot be removed without force: container state improper", b.id)
        );
        set(&store, &c.id, State::Exited, None);
        let pruned = prune(&ctx, &store).unwrap();
        let mut removed = pruned.removed.clone();
        removed.sort();
        let mut expected = vec![a.id.clone(), c.id.clone()];
        expected.sort();
        assert_eq!(removed, expected);
        assert!(pruned.failed.is_empty());
        assert_eq!(lookup(&store, "b").unwrap().id, b.id);
        assert!(lookup(&store, "a").unwrap_err().is_not_found());
        // A name no container has: nothing to replace.
        replace(&ctx, &store, "nope").unwrap();
        assert_eq!(store.list_containers().unwrap().len(), 1);
        // Once b has exited, --replace takes its name.
        set(&store, &b.id, State::Exited, None);
        replace(&ctx, &store, "b").unwrap();
        assert!(store.list_containers().unwrap().is_empty());
        // A container removed meanwhile is not an error.
        let d = make("d");
        assert_eq!(remove(&ctx, &store, &d, false, None).unwrap().map(|r| r.id), Some(d.id.clone()));
        assert!(remove(&ctx, &store, &d, false, None).unwrap().is_none());
        assert!(remove(&ctx, &store, &d, true, None).unwrap().is_none());
        let e = make("e");
        assert!(remove_all(&ctx, &store).is_empty());
        assert!(lookup(&store, &e.id).unwrap_err().is_not_found());
    }
}
