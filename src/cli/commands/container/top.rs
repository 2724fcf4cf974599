//! `skiff top`: the processes running in a container, as `ps` would list them inside it.

use crate::cli::format::align_columns;
use crate::cli::{printer::Printer, Exit};
use crate::engine::top::{self, Clock};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct TopArgs {
    /// The container's name or id
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// ps format descriptors (user, pid, ppid, pcpu, etime, tty, time, args, comm, group, pgid,
    /// nice, vsz, hpid, state, seccomp; or AIX codes such as %p %U %C); default: user pid ppid
    /// pcpu etime tty time args. Anything else (e.g. -eo pid,comm) is passed to ps(1) run in
    /// the container, as podman does
    #[arg(value_name = "DESCRIPTORS", trailing_var_arg = true, allow_hyphen_values = true)]
    pub descriptors: Vec<String>,
}

/// `skiff top`.
pub fn top(args: TopArgs, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let columns = match top::parse_descriptors(&args.descriptors) {
        Ok(columns) => columns,
        // Not skiff's descriptors: ps(1) of the container reads them (podman's fallback).
        Err(top::Error::UnknownDescriptor { .. }) => return ps_in_container(&args, &ctx),
        Err(e) => return Err(e.into()),
    };
    let store = engine::exec::lookup_store(&ctx)?;
    let target = engine::exec::running(&ctx, &store, &args.container, "list the processes of")?;
    // In the container's user namespace, /proc shows the ids the container sees.
    let names = top::join(target.pid)?;
    let (passwd, group) = (names.passwd, names.group);
    let procs = top::processes(target.pid)?;
    let clock = Clock::now();
    let mut lines = vec![columns.iter().map(|c| top::header(*c)).collect::<Vec<_>>().join("\t")];
    for p in &procs {
        let cells: Vec<String> =
            columns.iter().map(|c| top::cell(p, *c, clock, passwd.as_deref(), group.as_deref())).collect();
        lines.push(cells.join("\t"));
    }
    printer.line(&align_columns(&lines));
    Ok(Exit::SUCCESS)
}

/// `ps DESCRIPTORS...` run in the container, its output as is.
fn ps_in_container(args: &TopArgs, ctx: &Context) -> anyhow::Result<Exit> {
    let req = engine::exec::ExecRequest {
        container: args.container.clone(),
        command: std::iter::once("ps".to_string()).chain(args.descriptors.iter().cloned()).collect(),
        ..Default::default()
    };
    let status = engine::exec::prepare(ctx, &req)?.enter()?.run(None).map_err(|e| {
        anyhow::anyhow!("executing ps(1) in the container: {e} (skiff's own descriptors: see --help)")
    })?;
    match status {
        None | Some(engine::exec::Status::Exited(0)) => Ok(Exit::SUCCESS),
        Some(engine::exec::Status::Exited(code)) => {
            anyhow::bail!("executing ps(1) in the container: ps exited with code {code}")
        }
        Some(engine::exec::Status::Signaled(sig)) => {
            anyhow::bail!("executing ps(1) in the container: ps was killed by signal {sig}")
        }
    }
}
