//! `skiff rm`.

use super::*;

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Stop and remove running containers; containers that do not exist are ignored
    #[arg(short, long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    /// Remove the containers' anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// With --force, seconds to wait after the stop signal before killing (default: kill at once)
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Ignore containers that do not exist
    #[arg(short = 'i', long)]
    pub ignore: bool,
    /// Containers to remove (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

/// `skiff rm`.
pub fn rm(args: RmArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let all = refreshed(&ctx, &store)?;
    // (record, what to print: the user's input, as podman does; the full id for -a)
    let targets: Vec<(ContainerRecord, String)> = if args.all {
        all.into_iter().map(|r| (r.clone(), r.id)).collect()
    } else {
        let mut v = Vec::new();
        for key in &args.containers {
            match containers::lookup(&store, key) {
                Ok(r) => v.push((r, key.clone())),
                Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. }))
                    if args.force || args.ignore => {}
                // As podman: nothing is removed when one of the containers does not exist, and
                // that alone exits 1.
                Err(e @ engine::Error::Container(crate::storage::containers::Error::NotFound { .. })) => {
                    return Err(WithExit { message: e.to_string(), exit: Exit::FAILURE }.into())
                }
                Err(e) => return Err(e.into()),
            }
        }
        v
    };
    let mut failed = crate::cli::diag::Failures::new(printer);
    for (rec, shown) in &targets {
        let removed = remove_one(&ctx, &store, rec, args.force, args.time).and_then(|gone| match gone {
            Some(gone) if args.volumes => {
                engine::volumes::remove_anonymous(&store, &gone).map(|_| ()).map_err(Into::into)
            }
            _ => Ok(()),
        });
        match removed {
            Ok(()) => printer.line(shown),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

/// Removes one container (with `force`, stopping it first); `None` when it was removed meanwhile.
pub(crate) fn remove_container(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    force: bool,
) -> anyhow::Result<Option<ContainerRecord>> {
    remove_one(ctx, store, rec, force, None)
}

fn remove_one(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    force: bool,
    time: Option<u64>,
) -> anyhow::Result<Option<ContainerRecord>> {
    if force {
        return remove_forced(ctx, store, rec, time.unwrap_or(0));
    }
    // Not while a start of it is under way.
    let Some(_lock) = lifecycle::start_lock(store, &rec.id)? else { return Ok(None) };
    let rec = lifecycle::lookup(ctx, store, &rec.id)?;
    if rec.state.is_active() {
        anyhow::bail!(
            "cannot remove container {} as it is {} - running or paused containers cannot be removed without force: container state improper",
            rec.id,
            if rec.state == State::Paused { "paused" } else { "running" }
        );
    }
    // Exited, and its supervisor is finishing the cleanup: let it.
    if lifecycle::supervisor_alive(ctx, &rec) {
        let _ = lifecycle::wait_stopped(ctx, store, &rec.id, lifecycle::KILL_GRACE)?;
    }
    match containers::remove(ctx, store, &rec.id, false) {
        Ok(gone) => Ok(Some(gone)),
        // Removed meanwhile (`--rm`).
        Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. }))
            if store.find_container(&rec.id).is_err() =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}
