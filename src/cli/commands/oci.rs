//! `skiff oci-run [--runtime builtin|crun|runc|PATH] BUNDLE` (hidden): runs an OCI bundle in the
//! foreground inside skiff's user namespace, with inherited stdio, and exits with the container's
//! status. Groundwork for `run`: tests compare the built-in runtime with crun on the same bundle.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::Context;
use crate::runtime::linux::{self, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The OCI runtime: `builtin`, or an external one by name or path (crun, runc, ...)
    #[arg(long, default_value = "builtin", value_name = "RUNTIME")]
    pub runtime: String,
    /// The bundle directory (holds config.json and the root filesystem)
    pub bundle: PathBuf,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let bundle = std::path::absolute(&args.bundle)
        .with_context(|| format!("cannot resolve the bundle path {}", args.bundle.display()))?;
    if ctx.rootless {
        crate::cli::enter(&mut ctx, printer)?;
    } else {
        ctx.prepare_dirs()?;
    }
    if args.runtime != "builtin" {
        return exec_external(&args.runtime, &bundle, &ctx);
    }
    match linux::run(&bundle) {
        Ok(Status::Exited(code)) => Ok(Exit::from_status(code)),
        Ok(Status::Signaled(sig)) => Ok(Exit::from_signal(sig)),
        Err(linux::Error::Start { message, failure }) => {
            Err(WithExit { message, exit: Exit::from_status(failure.exit_code()) }.into())
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!("cannot run the bundle {}", bundle.display()))),
    }
}

/// Replaces skiff with `RUNTIME --root STATE run --bundle BUNDLE ID`; the state directory lives in
/// skiff's run-time directory because, inside the user namespace, the runtime sees uid 0 and would
/// pick the host's /run.
fn exec_external(runtime: &str, bundle: &std::path::Path, ctx: &Context) -> anyhow::Result<Exit> {
    let name = std::path::Path::new(runtime).file_name().map(|n| n.to_os_string()).unwrap_or_default();
    let state = ctx.paths.run_root.join("oci-runtimes").join(&name);
    fs_err::create_dir_all(&state)?;
    let id = format!("skiff-oci-{}", std::process::id());
    let argv: Vec<OsString> = vec![
        runtime.into(),
        "--root".into(),
        state.into(),
        "run".into(),
        "--bundle".into(),
        bundle.into(),
        id.into(),
    ];
    let err = crate::sys::exec_path(&argv);
    let exit = match err.kind() {
        std::io::ErrorKind::NotFound => Exit::NOT_FOUND,
        _ => Exit::CANNOT_EXECUTE,
    };
    Err(WithExit { message: format!("cannot run the OCI runtime {runtime:?}: {err}"), exit }.into())
}
