//! `skiff tag` and `skiff untag`

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// The image to name
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// New names (unqualified names go under localhost/, as in podman)
    #[arg(value_name = "TARGET_NAME", required = true)]
    pub targets: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct UntagArgs {
    /// The image to remove names from
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Names to remove (default: all of them)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

pub fn tag(args: TagArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    engine::images::tag(&store, &args.image, &args.targets)?;
    Ok(Exit::SUCCESS)
}

pub fn untag(args: UntagArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    engine::images::untag(&store, &args.image, &args.names)?;
    Ok(Exit::SUCCESS)
}
