//! `skiff run`: create a container, start it and, unless `-d`, attach to it until it exits.

use super::opts::{create_container, CreateArgs};
use super::tty_args::DetachKeysArg;
use super::{attach_foreground, network_error, start_error, start_options, Foreground};
use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Run the container in the background and print its id
    #[arg(short, long)]
    pub detach: bool,
    #[command(flatten)]
    pub detach_keys: DetachKeysArg,
    #[command(flatten)]
    pub create: CreateArgs,
}

/// `skiff run`.
pub fn run(args: RunArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let detach_keys = args.detach_keys.keys()?;
    // The signal helper stays where this command started; then, for `--network container:NAME`,
    // the user namespace of that container (see the function).
    crate::engine::lifecycle::Signaller::install(&ctx);
    engine::network::enter_joined_userns(&args.create.network.request(), &ctx).map_err(network_error)?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = create_container(&args.create, &ctx, &store, printer)?;
    let id = rec.id.clone();
    // A failed start is cleaned up (and an `--rm` container removed) before the error returns.
    let opts = start_options(!args.detach, args.create.interactive);
    let started = engine::start::run(&ctx, &store, &rec, &opts).map_err(start_error)?;
    let Some(stream) = started.attach else {
        printer.line(&id);
        return Ok(Exit::SUCCESS);
    };
    let fg = Foreground {
        stdin: args.create.interactive,
        tty: args.create.tty.tty,
        detach_keys,
        supervisor: started.supervisor,
        own_child: true,
    };
    attach_foreground(&ctx, &store, &id, stream, fg, printer)
}
