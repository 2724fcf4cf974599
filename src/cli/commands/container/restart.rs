//! `skiff restart`: stop (if running), then start again, detached.

use super::*;

#[derive(Debug, clap::Args)]
pub struct RestartArgs {
    /// Seconds to wait after the stop signal before killing (default: --stop-timeout, else 10)
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Containers to restart (names or ids)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

/// `skiff restart`.
pub fn restart(args: RestartArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter_to_start(&mut ctx, printer, &args.containers)?;
    let store = engine::open_store(&ctx)?;
    super::stop::each(&args.containers, printer, |key| {
        let rec = lifecycle::lookup(&ctx, &store, key)?;
        let timeout = args.time.unwrap_or_else(|| lifecycle::stop_timeout(&rec));
        let restarted = engine::start::restart(&ctx, &store, &rec, timeout).map_err(start_error)?;
        if let lifecycle::Stopped::Killed { signal, timeout } = restarted.stopped {
            super::stop::warn_killed(printer, &rec, signal, timeout);
        }
        restarted.started.map_err(start_error)?;
        Ok(())
    })
}
