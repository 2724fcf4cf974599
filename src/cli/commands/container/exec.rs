//! `skiff exec`: run a command in a running container (see [`crate::engine::exec`]).
//!
//! Unlike the other container commands, `exec` does not join skiff's storage user namespace: it
//! reads the container's record and config.json from the initial namespace, then joins the
//! container's own namespaces (the container lives in the user namespace of the command that
//! started it). That also keeps it fast: no newuidmap, no store repair.

use std::path::PathBuf;

use anyhow::Context as _;

use super::exec_tty;
use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::exec::{ExecRequest, Status};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct ExecArgs {
    /// Keep stdin open and forward it to the process
    #[arg(short, long)]
    pub interactive: bool,
    /// Give the process a pseudo-terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Run the process in the background and print nothing
    #[arg(short, long)]
    pub detach: bool,
    /// Set an environment variable (KEY=VALUE, or KEY to take this environment's value)
    #[arg(short = 'e', long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Read environment variables from a file (KEY=VALUE lines; # comments)
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Run as USER[:GROUP] (name or number, from the container's /etc/passwd and /etc/group)
    #[arg(short = 'u', long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Working directory inside the container (default: the container's)
    #[arg(short = 'w', long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// The container's name or id
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// The command and its arguments
    #[arg(value_name = "COMMAND", required = true, trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// `skiff exec`.
pub fn exec(args: ExecArgs, ctx: Context, _printer: &Printer) -> anyhow::Result<Exit> {
    let req = ExecRequest {
        container: args.container.clone(),
        command: args.command.clone(),
        env_files: args.env_file.clone(),
        env: args.env.clone(),
        user: args.user.clone(),
        workdir: args.workdir.clone(),
        tty: args.tty,
        detach: args.detach,
    };
    let entered = engine::exec::prepare(&ctx, &req)?.enter()?;
    if entered.tty() {
        // The pty comes from the container's /dev/ptmx, so `tty` inside names its /dev/pts.
        let status = exec_tty::run(entered, args.interactive);
        return status.map(|s| exit_of(Some(s))).or_else(start_failure);
    }
    let stdin = if args.interactive {
        Some(std::io::stdin().as_fd_owned().context("cannot duplicate stdin")?)
    } else {
        None
    };
    entered.run(stdin).map(exit_of).map_err(anyhow::Error::from).or_else(start_failure)
}

fn exit_of(status: Option<Status>) -> Exit {
    match status {
        None => Exit::SUCCESS,
        Some(Status::Exited(code)) => Exit::from_status(code),
        Some(Status::Signaled(sig)) => Exit::from_signal(sig),
    }
}

/// A failure of the process before its exec gets podman's exit code (127, 126 or 125).
fn start_failure(e: anyhow::Error) -> anyhow::Result<Exit> {
    match e.downcast::<engine::exec::Error>() {
        Ok(e) => match e.start_exit_code() {
            Some(code) => Err(WithExit { message: e.to_string(), exit: Exit::from_status(code) }.into()),
            None => Err(e.into()),
        },
        Err(e) => Err(e),
    }
}

/// A duplicate of a standard stream as an owned descriptor.
trait AsFdOwned {
    fn as_fd_owned(&self) -> std::io::Result<std::os::fd::OwnedFd>;
}

impl<T: std::os::fd::AsFd> AsFdOwned for T {
    fn as_fd_owned(&self) -> std::io::Result<std::os::fd::OwnedFd> {
        self.as_fd().try_clone_to_owned()
    }
}
