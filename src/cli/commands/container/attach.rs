//! `skiff attach`: attach this terminal to a running container's output and, unless
//! `--no-stdin`, input (which reaches it when it was started with `-i`), until it exits or the
//! detach keys are typed.

use super::tty_args::DetachKeysArg;
use super::{attach_foreground, Foreground};
use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

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
    let a = engine::attach::connect(&ctx, &store, &args.container)?;
    let fg = Foreground {
        stdin: !args.no_stdin,
        tty: a.tty,
        detach_keys,
        supervisor: a.supervisor,
        own_child: false,
        stdout: true,
        stderr: true,
    };
    attach_foreground(&ctx, &store, &a.id, a.stream, fg, printer)
}
