//! `skiff start`: start created or exited containers, detached, or with `-a` attached until the
//! container exits (as a foreground `run`).

use super::*;

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// Attach to the container's output and exit with its exit code
    #[arg(short, long)]
    pub attach: bool,
    /// With --attach, forward stdin to the container (it must have been created with -i)
    #[arg(short, long)]
    pub interactive: bool,
    /// Containers to start (names or ids)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

/// `skiff start`.
pub fn start_cmd(args: StartArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    if args.attach && args.containers.len() > 1 {
        anyhow::bail!("you cannot start and attach multiple containers at once: start them without --attach");
    }
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut failed: Option<anyhow::Error> = None;
    for key in &args.containers {
        let result = (|| -> anyhow::Result<Option<Exit>> {
            let rec = lifecycle::lookup(&ctx, &store, key)?;
            if rec.state.is_active() {
                anyhow::bail!("container {key} is already running: stop it first, or see its output with `skiff logs {key}`");
            }
            let started = start(&ctx, &store, &rec, args.attach, rec.interactive)?;
            if args.attach {
                let interactive = args.interactive && rec.interactive;
                return Ok(Some(attach_foreground(&ctx, &store, &rec.id, started, interactive, printer)?));
            }
            Ok(None)
        })();
        match result {
            Ok(Some(exit)) => return Ok(exit),
            Ok(None) => printer.line(key),
            Err(e) => {
                if let Some(prev) = failed.replace(e) {
                    printer.error(&format!("Error: {prev:#}"));
                }
            }
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(Exit::SUCCESS),
    }
}
