//! `skiff container exists`: exit 0 when the container exists, 1 when not.

use super::*;

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// `skiff container exists`.
pub fn exists(args: ExistsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    match store.find_container(&args.container) {
        Ok(_) => Ok(Exit::SUCCESS),
        Err(e) if e.is_not_found() => Ok(Exit::FAILURE),
        Err(e) => Err(e.into()),
    }
}
