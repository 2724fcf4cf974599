//! `skiff kill`: send a signal to running containers.

use super::*;

#[derive(Debug, clap::Args)]
pub struct KillArgs {
    /// The signal: a name (KILL, SIGTERM, hup) or a number
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,
    /// Signal all running containers
    #[arg(short, long)]
    pub all: bool,
    /// Containers to signal (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

/// `skiff kill`.
pub fn kill(args: KillArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let signal = lifecycle::parse_signal(&args.signal)?;
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let keys: Vec<String> = if args.all {
        refreshed(&ctx, &store)?.into_iter().filter(|c| c.state == State::Running).map(|c| c.id).collect()
    } else {
        args.containers.clone()
    };
    stop::each(&keys, printer, |key| {
        let rec = lifecycle::lookup(&ctx, &store, key)?;
        lifecycle::kill(&ctx, &store, &rec, signal)?;
        Ok(())
    })
}

use super::stop;
