//! `skiff mount [CONTAINER...]` and `skiff unmount|umount [-a] [-f] CONTAINER...`.
//!
//! As in rootless podman, the mount is made in skiff's user and mount namespace, which only
//! lives as long as a process in it: rootless, these commands run inside `skiff unshare`, and
//! the mount stays in that session. Mount counts are kept per container (see
//! [`crate::engine::data`]), so two mounts need two unmounts, unless `--force`.

use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::{self, containers, data, Context};

#[derive(Debug, clap::Args)]
pub struct MountArgs {
    /// Print the containers mounted in this session as json
    #[arg(long, value_name = "FORMAT", value_parser = ["json"])]
    pub format: Option<String>,
    /// Print full container ids when listing the mounted containers
    #[arg(long)]
    pub no_trunc: bool,
    /// Containers to mount (none: list the mounted ones)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct UnmountArgs {
    /// Unmount every mounted container
    #[arg(short, long)]
    pub all: bool,
    /// Unmount even if mounted more than once
    #[arg(short, long)]
    pub force: bool,
    /// Containers to unmount
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

fn require_session(ctx: &Context, command: &str) -> anyhow::Result<()> {
    if ctx.rootless && !ctx.already_joined() {
        return Err(WithExit {
            message: format!(
                "cannot run command \"skiff {command}\" in rootless mode, must execute `skiff unshare` first"
            ),
            exit: Exit::SKIFF_ERROR,
        }
        .into());
    }
    Ok(())
}

pub fn mount(args: MountArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    require_session(&ctx, "mount")?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    if args.containers.is_empty() {
        let mounted = data::mounted(&ctx, &store)?;
        if args.format.as_deref() == Some("json") {
            let v: Vec<_> = mounted
                .iter()
                .map(|(r, p)| serde_json::json!({"id": r.id, "Names": [r.name], "mountpoint": p}))
                .collect();
            printer.line(&serde_json::to_string_pretty(&v)?);
        } else {
            for (r, p) in mounted {
                let id = if args.no_trunc { r.id.as_str() } else { &r.id[..12] };
                printer.line(&format!("{id} {}", p.display()));
            }
        }
        return Ok(Exit::SUCCESS);
    }
    for key in &args.containers {
        let rec = containers::lookup(&store, key)?;
        let path = data::mount(&ctx, &store, &rec)?;
        printer.line(&path.display().to_string());
    }
    Ok(Exit::SUCCESS)
}

pub fn unmount(args: UnmountArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    require_session(&ctx, "unmount")?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let targets: Vec<(data::ContainerRecord, String)> = if args.all {
        data::mounted(&ctx, &store)?.into_iter().map(|(r, _)| (r.clone(), r.id)).collect()
    } else {
        args.containers
            .iter()
            .map(|k| containers::lookup(&store, k).map(|r| (r, k.clone())))
            .collect::<Result<_, _>>()?
    };
    for (rec, shown) in targets {
        data::unmount(&ctx, &store, &rec, args.force || args.all)?;
        printer.line(&shown);
    }
    Ok(Exit::SUCCESS)
}
