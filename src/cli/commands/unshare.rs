//! `skiff unshare [CMD...]`: runs a command inside the user namespace skiff uses for its storage,
//! as podman unshare does: uid 0 there is you, uids 1.. are your /etc/subuid range.

use std::ffi::OsString;

use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::Context;

#[derive(Debug, clap::Args)]
#[command(trailing_var_arg = true)]
pub struct Args {
    /// The command and its arguments (default: $SHELL, else /bin/sh)
    #[arg(allow_hyphen_values = true)]
    pub command: Vec<OsString>,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    // As root there is no user namespace to enter: like podman, run the command as is.
    if ctx.rootless {
        crate::cli::enter(&mut ctx, printer)?;
    } else {
        ctx.prepare_dirs()?;
    }
    let argv = if args.command.is_empty() {
        vec![std::env::var_os("SHELL").filter(|s| !s.is_empty()).unwrap_or_else(|| "/bin/sh".into())]
    } else {
        args.command
    };
    let err = ctx.exec_inside(&argv);
    let exit = match err.kind() {
        std::io::ErrorKind::NotFound => Exit::NOT_FOUND,
        _ => Exit::CANNOT_EXECUTE,
    };
    Err(WithExit { message: format!("cannot run {:?}: {err}", argv[0]), exit }.into())
}
