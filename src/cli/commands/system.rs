//! `skiff system df`, `skiff system prune` and `skiff system reset`

use std::io::IsTerminal;

use serde_json::{json, Value};

use crate::cli::{commands::image::confirm, format::Template, human, printer::Printer, Exit};
use crate::engine::{self, Context};

/// `skiff system ...`
#[derive(Debug, clap::Subcommand)]
pub enum SystemCommand {
    /// Show how much disk space images, containers and volumes use
    Df(DfArgs),
    /// Remove unused images, layers and blobs, and what interrupted commands left behind
    Prune(PruneArgs),
    /// Remove all of your skiff state: images, layers, containers, volumes
    Reset(ResetArgs),
    /// Show the events of containers, images, volumes, pods and networks (as `skiff events`)
    Events(super::events::Args),
}

#[derive(Debug, clap::Args)]
pub struct DfArgs {
    /// Output format: json, or a Go template such as '{{.Type}} {{.Size}}'
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Remove all unused images, not only those without a name
    #[arg(short, long)]
    pub all: bool,
    /// Remove the volumes no container uses too
    #[arg(long)]
    pub volumes: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ResetArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(command: SystemCommand, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    match command {
        SystemCommand::Df(a) => df(a, ctx, printer),
        SystemCommand::Prune(a) => prune(a, ctx, printer),
        SystemCommand::Reset(a) => reset(a, ctx, printer),
        SystemCommand::Events(a) => super::events::run(a, printer),
    }
}

/// Asks `question` unless `force`; without a terminal on stdin the answer is no.
fn approved(force: bool, question: &str, printer: &Printer) -> bool {
    if force {
        return true;
    }
    if !std::io::stdin().is_terminal() {
        printer.error(&format!("{question} [y/N]"));
        printer.error("stdin is not a terminal: taking that as no (use -f to skip this question)");
        return false;
    }
    confirm(question)
}

/// `4.47MB (100%)`, as podman prints reclaimable space.
fn with_percent(part: u64, whole: u64) -> String {
    let percent = if whole == 0 { 0 } else { (part as f64 * 100.0 / whole as f64).round() as u64 };
    format!("{} ({percent}%)", human::size4(part))
}

fn df(args: DfArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rows: Vec<Value> = engine::system::df(&store)?
        .iter()
        .map(|r| {
            json!({
                "Type": r.kind,
                "Total": r.total,
                "Active": r.active,
                "Size": human::size4(r.size),
                "Reclaimable": with_percent(r.reclaimable, r.size),
                "RawSize": r.size,
                "RawReclaimable": r.reclaimable,
            })
        })
        .collect();
    if crate::cli::format::normalized(args.format.as_deref()) == Some("json") {
        printer.line(&serde_json::to_string_pretty(&rows)?);
        return Ok(Exit::SUCCESS);
    }
    let template = args
        .format
        .unwrap_or_else(|| "table {{.Type}}\t{{.Total}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}".into());
    let t = Template::parse(&template)?;
    let mut lines = Vec::new();
    if t.is_table() {
        lines.push(t.header(&[]));
    }
    lines.extend(rows.iter().map(|r| t.render(r)).collect::<Result<Vec<_>, _>>()?);
    let text = if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") };
    printer.line(&text);
    Ok(Exit::SUCCESS)
}

fn prune(args: PruneArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let images = if args.all { "all images not used by a container" } else { "all dangling images" };
    let volumes = if args.volumes { "\n\t- all volumes not used by at least one container" } else { "" };
    let question = format!(
        "WARNING! This command removes:\n\t- all stopped containers\n\t- {images}\n\t- all layers and blobs no image uses{volumes}\n\t- what interrupted commands left behind\n\nAre you sure you want to continue?"
    );
    if !approved(args.force, &question, printer) {
        return Ok(Exit::SUCCESS);
    }
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    // Containers first: the images and volumes they held become unused.
    let (containers, failed) = super::container::prune_stopped(&ctx, &store, printer)?;
    if let Some(e) = failed {
        return Err(e);
    }
    if !containers.is_empty() {
        printer.line("Deleted Containers");
        for id in &containers {
            printer.line(id);
        }
    }
    let report = engine::system::prune(&store, args.all)?;
    if args.volumes {
        let removed = engine::volumes::prune(&store, &[])?;
        if !removed.is_empty() {
            printer.line("Deleted Volumes");
            for name in &removed {
                printer.line(name);
            }
        }
    }
    if !report.images.is_empty() {
        printer.line("Deleted Images");
        for id in &report.images {
            printer.line(id);
        }
    }
    if report.gc_skipped {
        printer.warn("a pull is running: unused layers and blobs were left for the next prune");
    }
    printer.line(&format!("Total reclaimed space: {}", human::size4(report.reclaimed)));
    Ok(Exit::SUCCESS)
}

fn reset(args: ResetArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let question = format!(
        "WARNING! This will remove all containers, images, volumes, layers and other skiff state:\n\t- the graph root directory: {:?}\n\t- the run root directory: {:?}\nAre you sure you want to continue?",
        ctx.paths.graph_root, ctx.paths.run_root
    );
    if !approved(args.force, &question, printer) {
        return Ok(Exit::SUCCESS);
    }
    // Inside the user namespace: files owned by subordinate ids can be removed there.
    super::container::enter(&mut ctx, printer)?;
    // Running containers are killed and unmounted first, so nothing is left running that uses
    // the directories about to go. A store too broken to open is removed all the same.
    if let Ok(store) = engine::open_store(&ctx) {
        super::container::remove_all(&ctx, &store, printer);
    }
    engine::system::reset(&ctx.paths.graph_root, &ctx.paths.run_root)?;
    Ok(Exit::SUCCESS)
}
