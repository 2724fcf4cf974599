//! `skiff volume create|ls|inspect|rm|prune|exists`

use std::collections::BTreeMap;

use anyhow::Context as _;
use serde_json::{json, Value};

use crate::cli::diag::WithExit;
use crate::cli::{format::Template, printer::Printer, Exit};
use crate::engine::volumes::{self, Filter};
use crate::engine::{self, Context, Store, VolumeRecord};

/// `skiff volume ...`
#[derive(Debug, clap::Subcommand)]
pub enum VolumeCommand {
    /// Create a volume (default name: 64 random hex digits)
    Create(CreateArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Show details of volumes
    Inspect(InspectArgs),
    /// Remove volumes
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Remove every volume no container uses
    Prune(PruneArgs),
    /// Exit 0 if the volume exists, 1 if not
    Exists(ExistsArgs),
    /// Write a volume's content as a tar archive (to stdout, or to --output)
    Export(ExportArgs),
    /// Unpack a tar archive (a file, or - for stdin) into a volume
    Import(ImportArgs),
    /// Print where a volume's content is (rootless: inside `skiff unshare`)
    Mount(MountArgs),
    /// Undo `volume mount` (a volume's directory needs no unmounting)
    #[command(visible_alias = "umount")]
    Unmount(MountArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Write to this file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// The volume
    #[arg(value_name = "VOLUME")]
    pub name: String,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The volume
    #[arg(value_name = "VOLUME")]
    pub name: String,
    /// A tar archive, or - for stdin
    #[arg(value_name = "SOURCE")]
    pub source: String,
}

#[derive(Debug, clap::Args)]
pub struct MountArgs {
    /// The volumes
    #[arg(value_name = "VOLUME", required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// Set a label on the volume (KEY=VALUE, or KEY for an empty value)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Succeed, doing nothing, when the volume already exists
    #[arg(long)]
    pub ignore: bool,
    /// A driver option: type=bind|tmpfs, device=PATH (what a bind volume mounts), o=OPTIONS
    /// (mount options, e.g. size=64m for tmpfs)
    #[arg(short, long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// The volume driver: only local
    #[arg(short, long, value_name = "DRIVER", default_value = "local", value_parser = ["local"])]
    pub driver: String,
    /// The volume's name: [a-zA-Z0-9][a-zA-Z0-9_.-]*
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct LsArgs {
    /// Print only the volume names
    #[arg(short, long)]
    pub quiet: bool,
    /// Output format: json, or a Go template such as '{{.Name}} {{.Mountpoint}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Only volumes matching: name=REGEX, label=KEY[=VALUE], dangling=true|false, driver=local
    #[arg(short, long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Do not print the header row
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Inspect every volume
    #[arg(short, long)]
    pub all: bool,
    /// Output format: json (default), or a Go template such as '{{.Mountpoint}}'
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The volumes
    #[arg(value_name = "VOLUME", required_unless_present = "all")]
    pub names: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Also remove the containers that use the volume (running ones are killed)
    #[arg(short, long)]
    pub force: bool,
    /// Remove every volume
    #[arg(short, long)]
    pub all: bool,
    /// With --force, seconds to wait for the containers using a volume to stop before they are
    /// killed
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// The volumes
    #[arg(value_name = "VOLUME", required_unless_present = "all")]
    pub names: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only volumes matching: name=TEXT, label=KEY[=VALUE]
    #[arg(long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// The volume's name
    #[arg(value_name = "VOLUME")]
    pub name: String,
}

pub fn run(command: VolumeCommand, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    // Parse what can be checked before touching the store.
    let filters = match &command {
        VolumeCommand::Ls(a) => parse_filters(&a.filter)?,
        VolumeCommand::Prune(a) => parse_filters(&a.filter)?,
        _ => Vec::new(),
    };
    if let VolumeCommand::Mount(_) = &command {
        if ctx.rootless && !ctx.already_joined() {
            let program = std::env::args_os()
                .next()
                .map(std::path::PathBuf::from)
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "skiff".into());
            return Err(WithExit {
                message: format!(
                    "cannot run command \"{program} volume mount\" in rootless mode, must execute `{program} unshare` first"
                ),
                exit: Exit::SKIFF_ERROR,
            }
            .into());
        }
    }
    // `rm -f` stops the containers that use a volume: with the signal helper, which reaches
    // container processes of any uid.
    match &command {
        VolumeCommand::Rm(a) if a.force => super::container::enter(&mut ctx, printer)?,
        _ => crate::cli::enter(&mut ctx, printer)?,
    }
    let store = engine::open_store(&ctx)?;
    match command {
        VolumeCommand::Create(a) => create(a, &store, printer),
        VolumeCommand::Ls(a) => ls(a, &store, &filters, printer),
        VolumeCommand::Inspect(a) => inspect(a, &store, printer),
        VolumeCommand::Rm(a) => rm(a, &ctx, &store, printer),
        VolumeCommand::Prune(a) => {
            if !a.force && !approved(&volumes::prune_candidates(&store, &filters)?, printer) {
                return Ok(Exit::SUCCESS);
            }
            for name in volumes::prune(&store, &filters)? {
                printer.line(&name);
            }
            Ok(Exit::SUCCESS)
        }
        VolumeCommand::Exists(a) => match volumes::exists(&store, &a.name)? {
            true => Ok(Exit::SUCCESS),
            false => Ok(Exit::FAILURE),
        },
        VolumeCommand::Export(a) => {
            match &a.output {
                Some(path) => {
                    let f = fs_err::File::create(path)?;
                    volumes::export(&store, &a.name, std::io::BufWriter::new(f))?;
                }
                None => volumes::export(&store, &a.name, std::io::stdout().lock())?,
            }
            Ok(Exit::SUCCESS)
        }
        VolumeCommand::Import(a) => {
            if a.source == "-" {
                volumes::import(&store, &a.name, std::io::stdin().lock())?;
            } else {
                let f = fs_err::File::open(&a.source)?;
                volumes::import(&store, &a.name, std::io::BufReader::new(f))?;
            }
            Ok(Exit::SUCCESS)
        }
        VolumeCommand::Mount(a) => {
            for name in &a.names {
                volumes::get(&store, name)?;
                printer.line(&volumes::mountpoint(&store, name).display().to_string());
            }
            Ok(Exit::SUCCESS)
        }
        VolumeCommand::Unmount(a) => {
            for name in &a.names {
                volumes::get(&store, name)?;
                printer.line(name);
            }
            Ok(Exit::SUCCESS)
        }
    }
}

fn parse_filters(texts: &[String]) -> anyhow::Result<Vec<Filter>> {
    Ok(texts.iter().map(|t| Filter::parse(t)).collect::<Result<_, _>>()?)
}

/// Asks, as podman does, before `volume prune` without `-f`: the volumes it would remove, then
/// a `[y/N]` answered on stdin (a terminal or not).
fn approved(candidates: &[String], printer: &Printer) -> bool {
    let mut text = String::from(
        "WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:\n",
    );
    for name in candidates {
        text.push_str(name);
        text.push('\n');
    }
    text.push_str("Are you sure you want to continue? [y/N] ");
    printer.out(&text);
    confirm_line()
}

/// One line from stdin: `y` or `yes` (any case) is yes, anything else (or none) is no.
fn confirm_line() -> bool {
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// A volume as podman shows it.
fn to_json(store: &Store, v: &VolumeRecord) -> Value {
    json!({
        "Name": v.name,
        "Driver": "local",
        "Mountpoint": volumes::mountpoint(store, &v.name),
        "CreatedAt": v.created_at,
        "Labels": v.labels,
        "Scope": "local",
        "Options": v.options,
        "Anonymous": v.anonymous,
        "NeedsCopyUp": v.needs_copy_up,
        "NeedsChown": v.needs_chown,
    })
}

fn create(args: CreateArgs, store: &Store, printer: &Printer) -> anyhow::Result<Exit> {
    let mut labels = BTreeMap::new();
    for l in &args.label {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        if k.is_empty() {
            anyhow::bail!("invalid label {l:?}: expected KEY=VALUE");
        }
        labels.insert(k.to_owned(), v.to_owned());
    }
    if let (true, Some(name)) = (args.ignore, &args.name) {
        if volumes::exists(store, name)? {
            printer.line(name);
            return Ok(Exit::SUCCESS);
        }
    }
    let mut options = BTreeMap::new();
    for o in &args.opt {
        let (k, v) = o
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("invalid volume option {o:?}: expected KEY=VALUE"))?;
        options.insert(k.to_owned(), v.to_owned());
    }
    let v = if options.is_empty() {
        volumes::create(store, args.name.as_deref(), labels)?
    } else {
        volumes::create_with_options(store, args.name.as_deref(), labels, options)?
    };
    printer.line(&v.name);
    Ok(Exit::SUCCESS)
}

fn ls(args: LsArgs, store: &Store, filters: &[Filter], printer: &Printer) -> anyhow::Result<Exit> {
    let list = volumes::list(store, filters)?;
    if args.quiet {
        for v in &list {
            printer.line(&v.name);
        }
        return Ok(Exit::SUCCESS);
    }
    let items: Vec<Value> = list.iter().map(|v| to_json(store, v)).collect();
    if crate::cli::format::normalized(args.format.as_deref()) == Some("json") {
        printer.line(&serde_json::to_string_pretty(&items)?);
        return Ok(Exit::SUCCESS);
    }
    if items.is_empty() {
        return Ok(Exit::SUCCESS);
    }
    let template = args.format.unwrap_or_else(|| "table {{.Driver}}\t{{.Name}}".into());
    let t = Template::parse(&template)?;
    let mut lines = Vec::new();
    if t.is_table() && !args.noheading {
        lines.push(t.header(&[("Name", "VOLUME NAME")]));
    }
    lines.extend(items.iter().map(|v| t.render(v)).collect::<Result<Vec<_>, _>>()?);
    let text = if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") };
    printer.line(&text);
    Ok(Exit::SUCCESS)
}

fn inspect(args: InspectArgs, store: &Store, printer: &Printer) -> anyhow::Result<Exit> {
    let mut found = Vec::new();
    let mut missing = None;
    if args.all {
        found = volumes::all(store)?;
    }
    for name in &args.names {
        match volumes::get(store, name) {
            Ok(v) => found.push(v),
            Err(e) => {
                if let Some(prev) = missing.replace(e) {
                    printer.error(&format!("Error: {prev}"));
                }
            }
        }
    }
    let items: Vec<Value> = found.iter().map(|v| to_json(store, v)).collect();
    match crate::cli::format::normalized(args.format.as_deref()) {
        None | Some("json") => printer.line(&serde_json::to_string_pretty(&items)?),
        Some(t) => {
            let t = Template::parse(t)?;
            for v in &items {
                printer.line(&t.render(v)?);
            }
        }
    }
    match missing {
        Some(e) => Err(e.into()),
        None => Ok(Exit::SUCCESS),
    }
}

/// podman's exit codes for `volume rm`: 1 no such volume, 2 in use.
fn rm_error(e: volumes::Error) -> anyhow::Error {
    let exit = match &e {
        e if e.is_not_found() => Exit::FAILURE,
        e if e.is_in_use() => Exit::from_status(2),
        _ => Exit::SKIFF_ERROR,
    };
    WithExit { message: engine::error_chain(&e), exit }.into()
}

fn rm(args: RmArgs, ctx: &Context, store: &Store, printer: &Printer) -> anyhow::Result<Exit> {
    let names: Vec<String> = if args.all {
        volumes::all(store)?.into_iter().map(|v| v.name).collect()
    } else {
        args.names.clone()
    };
    let mut failed = crate::cli::diag::Failures::new(printer);
    for name in &names {
        let result = (|| -> anyhow::Result<()> {
            if args.force {
                for id in volumes::users(store, name).map_err(rm_error)? {
                    let Ok(rec) = engine::containers::lookup(store, &id) else { continue };
                    engine::remove::remove_forced(ctx, store, &rec, args.time.unwrap_or(0))
                        .with_context(|| format!("cannot remove container {id}, which uses volume {name}"))?;
                }
            }
            volumes::remove(store, name).map_err(rm_error)?;
            Ok(())
        })();
        match result {
            Ok(()) => printer.line(name),
            // As podman: with --force, a volume that does not exist is not an error.
            Err(e) if args.force && e.downcast_ref::<WithExit>().is_some_and(|w| w.exit == Exit::FAILURE) => {
            }
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}
