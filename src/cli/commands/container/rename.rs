//! `skiff rename`.

use super::*;

#[derive(Debug, clap::Args)]
pub struct RenameArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Its new name
    #[arg(value_name = "NAME")]
    pub name: String,
}

/// `skiff rename`.
pub fn rename(args: RenameArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    containers::rename(&store, &args.container, &args.name)?;
    Ok(Exit::SUCCESS)
}
