//! `skiff container prune`: remove every container that is not running; prints their ids.

use super::*;

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

/// `skiff container prune`.
pub fn prune(args: PruneArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let question =
        "WARNING! This will remove all non running containers.\nAre you sure you want to continue?";
    if !args.force && !crate::cli::commands::image::confirm(question) {
        return Ok(Exit::SUCCESS);
    }
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let (removed, failed) = prune_stopped(&ctx, &store, printer)?;
    for id in removed {
        printer.line(&id);
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(Exit::SUCCESS),
    }
}

/// Removes every container that is not running (also for `system prune`): the ids removed, and
/// the last error (earlier ones are printed).
pub(crate) fn prune_stopped(
    ctx: &Context,
    store: &Store,
    printer: &Printer,
) -> anyhow::Result<(Vec<String>, Option<anyhow::Error>)> {
    let pruned = engine::remove::prune(ctx, store)?;
    let mut failed = crate::cli::diag::Failures::new(printer);
    for e in pruned.failed {
        failed.add(e.into());
    }
    Ok((pruned.removed, failed.into_last()))
}
