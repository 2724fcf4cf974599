//! `skiff create`: create a container without starting it; prints its id.

use super::opts::{create_container, CreateArgs};
use super::*;

/// `skiff create`.
pub fn create(args: CreateArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = create_container(&args, &ctx, &store, printer)?;
    printer.line(&rec.id);
    Ok(Exit::SUCCESS)
}
