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
    let mut failed = crate::cli::diag::Failures::new(printer);
    let mut removed = Vec::new();
    for rec in refreshed(ctx, store)? {
        if !matches!(rec.state, State::Created | State::Exited | State::Stopped) {
            continue;
        }
        if lifecycle::supervisor_alive(ctx, &rec) {
            // Exited, with its supervisor finishing the cleanup (or starting: then it is skipped).
            let _ = lifecycle::wait_stopped(ctx, store, &rec.id, lifecycle::KILL_GRACE)?;
        }
        match containers::remove(ctx, store, &rec.id, false) {
            Ok(_) => removed.push(rec.id),
            // Removed or started meanwhile.
            Err(e) if e.is_not_found() => {}
            Err(engine::Error::InvalidState { .. }) => {}
            Err(e) => failed.add(e.into()),
        }
    }
    Ok((removed, failed.into_last()))
}
