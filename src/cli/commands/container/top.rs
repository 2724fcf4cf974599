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
    /// pcpu etime tty time args
    #[arg(value_name = "DESCRIPTORS")]
    pub descriptors: Vec<String>,
}

/// `skiff top`.
pub fn top(args: TopArgs, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let columns = top::parse_descriptors(&args.descriptors)?;
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
