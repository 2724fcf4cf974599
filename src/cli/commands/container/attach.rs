//! `skiff attach`: attach this terminal to a running container's output and, unless
//! `--no-stdin`, input (which reaches it when it was started with `-i`), until it exits or the
//! detach keys are typed.

use super::tty_args::DetachKeysArg;
use super::{attach_foreground, read_pid, Foreground};
use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, containers, Context};
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::State;

#[derive(Debug, clap::Args)]
pub struct AttachArgs {
    /// Do not attach stdin
    #[arg(long)]
    pub no_stdin: bool,
    #[command(flatten)]
    pub detach_keys: DetachKeysArg,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// `skiff attach`: exits with the container's exit code, or 0 after detaching.
pub fn attach(args: AttachArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let detach_keys = args.detach_keys.keys()?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = containers::lookup(&store, &args.container)?;
    let run_dir = containers::run_dir(&ctx, &rec.id);
    let supervisor_pid = rec
        .pid
        .map(nix::unistd::Pid::from_raw)
        .or_else(|| read_pid(&run_dir.join(supervisor::SUPERVISOR_PID)));
    let running = rec.state == State::Running && ExitRecord::read(&run_dir).is_none();
    let (true, Some(supervisor_pid)) = (running, supervisor_pid) else {
        anyhow::bail!(
            "you can only attach to running containers: {} is {}",
            args.container,
            state_name(rec.state)
        );
    };
    let stream = supervisor::connect(&run_dir).map_err(|e| match ExitRecord::read(&run_dir) {
        Some(_) => {
            anyhow::anyhow!("you can only attach to running containers: {} has exited", args.container)
        }
        None => anyhow::Error::new(e).context(format!("cannot attach to container {}", rec.id)),
    })?;
    let tty = super::spec_has_terminal(&store, &rec.id);
    let fg =
        Foreground { stdin: !args.no_stdin, tty, detach_keys, supervisor: supervisor_pid, own_child: false };
    attach_foreground(&ctx, &store, &rec.id, stream, fg, printer)
}

fn state_name(state: State) -> &'static str {
    match state {
        State::Created => "created",
        // Still marked running, but its exit is recorded.
        State::Running => "exited",
        State::Paused => "paused",
        State::Stopped => "stopped",
        State::Exited => "exited",
        State::Removing => "being removed",
    }
}
