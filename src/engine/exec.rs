//! The engine side of `exec` and `top`: finding a running container and the host pid of its
//! init process, without joining skiff's user namespace (the caller joins the container's).

use std::path::PathBuf;
use std::sync::Arc;

use nix::unistd::Pid;

use super::{containers, Context, Error};
use crate::runtime::supervisor::ExitRecord;
use crate::storage::{ContainerRecord, State, Store, StoreOptions};

/// A running container: its record, the host pid of its init and its bundle directory.
#[derive(Debug, Clone)]
pub struct Running {
    pub record: ContainerRecord,
    pub pid: Pid,
    pub bundle: PathBuf,
}

/// The store of `ctx` for reading container records from outside skiff's user namespace (see
/// [`Store::open_for_lookup`]).
pub fn lookup_store(ctx: &Context) -> Result<Arc<Store>, Error> {
    ctx.prepare_dirs()?;
    Ok(Arc::new(Store::open_for_lookup(&ctx.paths.graph_root, StoreOptions { rootless: ctx.rootless })))
}

/// The container `key` names, if it runs; else [`Error::InvalidState`] with `action` (e.g. "exec
/// in"). A container whose exit is recorded, or whose init is gone, is not running even when its
/// record has not caught up yet.
pub fn running(ctx: &Context, store: &Store, key: &str, action: &'static str) -> Result<Running, Error> {
    let record = containers::lookup(store, key)?;
    let run_dir = containers::run_dir(ctx, &record.id);
    let not_running = |state: State| Error::InvalidState { id: record.id.clone(), state, action };
    if !record.state.can_exec() {
        return Err(not_running(record.state));
    }
    if ExitRecord::read(&run_dir).is_some() {
        return Err(not_running(State::Exited));
    }
    let pid = crate::runtime::run_dir::RunDir::new(&run_dir)
        .container_pid()
        .ok()
        .flatten()
        .filter(|p| nix::sys::signal::kill(*p, None).is_ok())
        .ok_or_else(|| not_running(State::Exited))?;
    let bundle = store.container_dirs(&record.id).bundle;
    Ok(Running { record, pid, bundle })
}
