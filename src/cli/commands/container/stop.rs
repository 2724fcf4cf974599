//! `skiff stop`: the stop signal, then SIGKILL after a timeout; stopping a stopped container is
//! not an error.

use super::*;

#[derive(Debug, clap::Args)]
pub struct StopArgs {
    /// Seconds to wait after the stop signal before killing the container (default: the
    /// container's --stop-timeout, else 10)
    #[arg(short = 't', long = "time", visible_alias = "timeout", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Stop all running containers
    #[arg(short, long)]
    pub all: bool,
    /// Containers that do not exist are not an error
    #[arg(short = 'i', long)]
    pub ignore: bool,
    /// Containers to stop (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

/// `skiff stop`.
pub fn stop(args: StopArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let keys: Vec<String> = if args.all {
        refreshed(&ctx, &store)?.into_iter().filter(|c| c.state.is_active()).map(|c| c.id).collect()
    } else if args.ignore {
        args.containers
            .iter()
            .filter(|k| !matches!(lifecycle::lookup(&ctx, &store, k), Err(e) if e.is_not_found()))
            .cloned()
            .collect()
    } else {
        args.containers.clone()
    };
    let keys: Vec<String> = if args.ignore {
        keys.into_iter().filter(|k| containers::exists(&store, k).unwrap_or(true)).collect()
    } else {
        keys
    };
    each(&keys, printer, |key| {
        let rec = lifecycle::lookup(&ctx, &store, key)?;
        let timeout = args.time.unwrap_or_else(|| lifecycle::stop_timeout(&rec));
        if let lifecycle::Stopped::Killed { signal, timeout } = lifecycle::stop(&ctx, &store, &rec, timeout)?
        {
            warn_killed(printer, &rec, signal, timeout);
        }
        Ok(())
    })
}

/// Says that a container ignored its stop signal for `timeout` seconds and was killed.
pub(super) fn warn_killed(printer: &Printer, rec: &ContainerRecord, signal: lifecycle::Sig, timeout: u64) {
    printer.warn(&format!(
        "StopSignal {signal} failed to stop container {} in {timeout} seconds, resorting to SIGKILL",
        rec.name
    ));
}

/// Runs `f` for each container key, printing the key after each success and every error but the
/// last, which is returned (its exit code decides the command's).
pub(super) fn each(
    keys: &[String],
    printer: &Printer,
    mut f: impl FnMut(&str) -> anyhow::Result<()>,
) -> anyhow::Result<Exit> {
    let mut failed = crate::cli::diag::Failures::new(printer);
    for key in keys {
        match f(key) {
            Ok(()) => printer.line(key),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}
