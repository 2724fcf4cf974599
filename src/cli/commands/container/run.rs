//! `skiff run`: create a container, start it and, unless `-d`, attach to it until it exits.

use super::opts::{create_container, CreateArgs};
use super::{cleanup_container, read_pid, start};
use crate::cli::{printer::Printer, Exit};
use crate::engine::containers;
use crate::engine::{self, Context};
use crate::runtime::supervisor::{self, ExitRecord};

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Run the container in the background and print its id
    #[arg(short, long)]
    pub detach: bool,
    #[command(flatten)]
    pub create: CreateArgs,
}

/// `skiff run`.
pub fn run(args: RunArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::network_args::enter_joined_userns(&args.create.network, &ctx)?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = create_container(&args.create, &ctx, &store, printer)?;
    let id = rec.id.clone();
    let started = start(&ctx, &store, &rec, !args.detach, args.create.interactive);
    let started = match started {
        Ok(s) => s,
        Err(e) => {
            // The supervisor (if it ran; our child) records the exit and runs the cleanup: wait
            // for it, then make sure of both.
            if let Some(pid) = read_pid(&containers::run_dir(&ctx, &id).join(supervisor::SUPERVISOR_PID)) {
                let _ = nix::sys::wait::waitpid(pid, None);
            }
            let _ = cleanup_container(&ctx, &store, &id);
            if args.create.rm {
                let _ = containers::remove(&ctx, &store, &id, true);
            }
            return Err(e);
        }
    };
    let Some(stream) = started.attach else {
        printer.line(&id);
        return Ok(Exit::SUCCESS);
    };
    use std::os::fd::AsFd;
    let stdin = std::io::stdin();
    let stdin_fd = args.create.interactive.then(|| stdin.as_fd());
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = supervisor::attach(&stream, stdin_fd, &mut out, &mut err, Some(started.supervisor));
    let run_dir = containers::run_dir(&ctx, &id);
    let code = match code {
        Ok(Some(code)) => Some(code),
        // Our output is gone (e.g. `| head`): the container keeps running, as with podman.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Exit::SUCCESS),
        _ => None,
    };
    // The supervisor runs the cleanup before it exits: wait for it, so that `--rm` is done when
    // `run` returns, then make sure of the cleanup (it is idempotent).
    let _ = nix::sys::wait::waitpid(started.supervisor, None);
    let code = code.or_else(|| ExitRecord::read(&run_dir).map(|r| r.exit_code));
    if let Err(e) = cleanup_container(&ctx, &store, &id) {
        printer.warn(&format!("cleaning up container {id}: {e:#}"));
    }
    match code {
        Some(code) => Ok(Exit::from_status(code)),
        None => anyhow::bail!(
            "the supervisor of container {id} exited without recording the container's exit (see {})",
            run_dir.join(supervisor::SUPERVISOR_LOG).display()
        ),
    }
}
