//! `skiff diff [--format json] CONTAINER|IMAGE`: what a container changed in its image (or an
//! image's top layer over the layers below it, or a containers/storage container's layer over
//! its image's: buildah's), as `A`/`C`/`D` lines sorted by path.

use serde_json::json;

use crate::cli::{printer::Printer, Exit};
use crate::engine::data::{Change, Kind};
use crate::engine::{self, containers, data, images, Context};

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Print as json ({"added": [...], "changed": [...], "deleted": [...]}) or as a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The most recently created container
    #[arg(short, long, conflicts_with = "target")]
    pub latest: bool,
    /// The container (or image) to inspect
    #[arg(value_name = "CONTAINER|IMAGE", required_unless_present = "latest")]
    pub target: Option<String>,
}

fn paths(changes: &[Change], kind: Kind) -> Vec<&str> {
    changes.iter().filter(|c| c.kind == kind).map(|c| c.path.as_str()).collect()
}

pub fn diff(args: DiffArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let target = match args.target {
        Some(t) => t,
        None => store
            .list_containers()?
            .into_iter()
            .max_by(|a, b| a.created.cmp(&b.created))
            .map(|c| c.id)
            .ok_or_else(|| anyhow::anyhow!("no containers to diff: --latest found none"))?,
    };
    let changes = match containers::lookup(&store, &target) {
        Ok(rec) => data::diff_container(&store, &rec)?,
        Err(_) => match images::lookup(&store, &target) {
            Ok(found) => data::diff_image(&store, &found.image)?,
            // Else a container of containers/storage (buildah's), as podman's diff finds them.
            Err(engine::Error::ImageNotKnown { .. }) => match engine::external::diff(&ctx, &target)? {
                Some(changes) => changes,
                None => anyhow::bail!("{target} not found: no container or image with that name or id"),
            },
            Err(e) => return Err(e.into()),
        },
    };
    let value = json!({
        "changed": paths(&changes, Kind::Changed),
        "added": paths(&changes, Kind::Added),
        "deleted": paths(&changes, Kind::Deleted),
    });
    super::super::print_formatted(printer, args.format.as_deref(), &value, |_| {
        changes.iter().map(|c| format!("{} {}\n", c.kind.letter(), c.path)).collect()
    })?;
    Ok(Exit::SUCCESS)
}
