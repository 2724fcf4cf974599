//! `skiff container exists`: exit 0 when the container exists, 1 when not; `--external` also
//! finds containers of containers/storage (buildah's).

use super::*;

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// Also look at containers other tools made in containers/storage (buildah's)
    #[arg(long)]
    pub external: bool,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// `skiff container exists`.
pub fn exists(args: ExistsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let found = containers::exists(&store, &args.container)?
        || (args.external && engine::external::lookup(&ctx, &args.container)?.is_some());
    Ok(if found { Exit::SUCCESS } else { Exit::FAILURE })
}
