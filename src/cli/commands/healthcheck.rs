//! `skiff healthcheck run CONTAINER`: runs the container's healthcheck once, now (see
//! [`crate::engine::service::probe`]). Like `exec`, the probe joins the container's namespaces
//! from the initial user namespace; an `--health-on-failure` action then runs as `kill`, `stop`
//! or `restart` would, in skiff's namespace.
//!
//! Exit codes as podman's: 0 healthy (nothing printed), 1 unhealthy (`unhealthy` printed), 125
//! an error (no such container, not running, no healthcheck).

use crate::cli::{printer::Printer, Exit};
use crate::engine::service::OnFailure;
use crate::engine::{self, lifecycle, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Run a container's healthcheck now: exit 0 when healthy, 1 when unhealthy
    Run(RunArgs),
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// `skiff healthcheck`.
pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let Command::Run(args) = args.command;
    let checked = engine::service::probe(&ctx, &args.container)?;
    // podman answers with the container's status, not the probe's: a failure within the
    // retries leaves it healthy.
    if checked.state.status != "unhealthy" && checked.state.status != "starting" {
        return Ok(Exit::SUCCESS);
    }
    if checked.state.is_unhealthy() && checked.on_failure != OnFailure::None {
        super::container::enter_to_start(&mut ctx, printer, std::slice::from_ref(&checked.record.id))?;
        let store = engine::open_store(&ctx)?;
        let rec = lifecycle::lookup(&ctx, &store, &checked.record.id)?;
        match checked.on_failure {
            OnFailure::None => {}
            OnFailure::Kill => lifecycle::kill(&ctx, &store, &rec, lifecycle::Sig::KILL)?,
            OnFailure::Stop => {
                lifecycle::stop(&ctx, &store, &rec, lifecycle::stop_timeout(&rec))?;
            }
            OnFailure::Restart => {
                let restarted = engine::start::restart(&ctx, &store, &rec, lifecycle::stop_timeout(&rec))?;
                restarted.started?;
            }
        }
    }
    printer.line(&checked.state.status);
    Ok(Exit::from_status(1))
}
