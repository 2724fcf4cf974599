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
    #[command(flatten)]
    pub detach_keys: super::DetachKeysArg,
    /// Containers to start (names or ids)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

/// `skiff start`.
pub fn start_cmd(args: StartArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    if args.attach && args.containers.len() > 1 {
        anyhow::bail!("you cannot start and attach multiple containers at once: start them without --attach");
    }
    let detach_keys = args.detach_keys.keys()?;
    super::enter_to_start(&mut ctx, printer, &args.containers)?;
    let store = engine::open_store(&ctx)?;
    let mut failed = crate::cli::diag::Failures::new(printer);
    for key in &args.containers {
        let result = (|| -> anyhow::Result<Option<Exit>> {
            let rec = lifecycle::lookup(&ctx, &store, key)?;
            if rec.state.is_active() {
                anyhow::bail!("container {key} is already running: stop it first, or see its output with `skiff logs {key}`");
            }
            let started = start(&ctx, &store, &rec, args.attach, rec.interactive)?;
            if let Some(stream) = started.attach {
                let fg = Foreground {
                    stdin: args.interactive && rec.interactive,
                    tty: engine::start::has_terminal(&store, &rec.id),
                    detach_keys: detach_keys.clone(),
                    supervisor: started.supervisor,
                    own_child: true,
                };
                return Ok(Some(attach_foreground(&ctx, &store, &rec.id, stream, fg, printer)?));
            }
            Ok(None)
        })();
        match result {
            Ok(Some(exit)) => return Ok(exit),
            Ok(None) => printer.line(key),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}
