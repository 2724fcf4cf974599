//! `skiff rm`.

use super::*;

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Kill and remove running containers
    #[arg(short, long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    /// Remove the containers' anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Containers to remove (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

/// `skiff rm`.
pub fn rm(args: RmArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    // (record, what to print: the user's input, as podman does; the full id for -a)
    let targets: Vec<(ContainerRecord, String)> = if args.all {
        refreshed(&ctx, &store)?.into_iter().map(|r| (r.clone(), r.id)).collect()
    } else {
        refreshed(&ctx, &store)?;
        let mut v = Vec::new();
        let mut first_err = None;
        for key in &args.containers {
            match containers::lookup(&store, key) {
                Ok(r) => v.push((r, key.clone())),
                Err(e) => {
                    let e = anyhow::Error::new(e);
                    if first_err.is_some() {
                        printer.error(&format!("Error: {e:#}"));
                    } else {
                        first_err = Some(e);
                    }
                }
            }
        }
        if let Some(e) = first_err {
            for (r, shown) in &v {
                remove_one(&ctx, &store, r, shown, &args, printer)?;
            }
            return Err(e);
        }
        v
    };
    let mut failed = None;
    for (rec, shown) in &targets {
        if let Err(e) = remove_one(&ctx, &store, rec, shown, &args, printer) {
            if let Some(prev) = failed.replace(e) {
                printer.error(&format!("Error: {prev:#}"));
            }
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(Exit::SUCCESS),
    }
}

fn remove_one(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    shown: &str,
    args: &RmArgs,
    printer: &Printer,
) -> anyhow::Result<()> {
    let gone = remove_container(ctx, store, rec, args.force)?;
    if let (true, Some(gone)) = (args.volumes, gone) {
        engine::volumes::remove_anonymous(store, &gone)?;
    }
    printer.line(shown);
    Ok(())
}

/// Removes one container (killing it first with `force`); `None` when it was removed meanwhile.
pub(crate) fn remove_container(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    force: bool,
) -> anyhow::Result<Option<ContainerRecord>> {
    if rec.state.is_active() {
        if !force {
            anyhow::bail!(
                "cannot remove container {} as it is {} - running or paused containers cannot be removed without force: container state improper",
                rec.id,
                if rec.state == State::Paused { "paused" } else { "running" }
            );
        }
        kill_and_wait(ctx, store, rec)?;
    }
    match containers::remove(ctx, store, &rec.id, force) {
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
