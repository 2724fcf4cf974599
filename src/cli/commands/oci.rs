//! `skiff oci-run [--runtime builtin|crun|runc|PATH] BUNDLE` (hidden): runs an OCI bundle in the
//! foreground inside skiff's user namespace, with inherited stdio, and exits with the container's
//! status. Groundwork for `run`: tests compare the built-in runtime with crun on the same bundle.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::bundle::{self, Status};
use crate::engine::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The OCI runtime: `builtin`, or an external one by name or path (crun, runc, ...)
    #[arg(long, default_value = "builtin", value_name = "RUNTIME")]
    pub runtime: String,
    /// The bundle directory (holds config.json and the root filesystem)
    pub bundle: PathBuf,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let bundle_dir = std::path::absolute(&args.bundle)
        .with_context(|| format!("cannot resolve the bundle path {}", args.bundle.display()))?;
    if ctx.rootless {
        crate::cli::enter(&mut ctx, printer)?;
    } else {
        ctx.prepare_dirs()?;
    }
    if args.runtime != "builtin" {
        return match bundle::exec_runtime(&ctx, &args.runtime, &bundle_dir) {
            bundle::Error::Exec { runtime, source } => {
                let exit = match source.kind() {
                    std::io::ErrorKind::NotFound => Exit::NOT_FOUND,
                    _ => Exit::CANNOT_EXECUTE,
                };
                Err(WithExit { message: format!("cannot run the OCI runtime {runtime:?}: {source}"), exit }
                    .into())
            }
            e => Err(e.into()),
        };
    }
    match bundle::run(&bundle_dir) {
        Ok(Status::Exited(code)) => Ok(Exit::from_status(code)),
        Ok(Status::Signaled(sig)) => Ok(Exit::from_signal(sig)),
        Err(bundle::Error::Process { message, exit_code }) => {
            Err(WithExit { message, exit: Exit::from_status(exit_code) }.into())
        }
        Err(e) => Err(e.into()),
    }
}
