//! `skiff rmi` / `skiff image rm`

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Remove the image even when it has several names, and all of its names
    #[arg(short, long)]
    pub force: bool,
    /// Remove all images
    #[arg(short, long)]
    pub all: bool,
    /// Images that do not exist are not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// Images to remove, by name or id
    #[arg(value_name = "IMAGE", required_unless_present = "all")]
    pub images: Vec<String>,
}

/// Podman's exit codes: 1 when an image was not found, 2 when one is in use, 125 otherwise.
pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let targets: Vec<String> =
        if args.all { store.list_images()?.into_iter().map(|i| i.id).collect() } else { args.images.clone() };
    let force = args.force || args.all;
    let mut exit = Exit::SUCCESS;
    for t in &targets {
        match engine::images::remove(&store, t, force) {
            Ok(r) => {
                for n in &r.untagged {
                    printer.line(&format!("Untagged: {n}"));
                }
                if let Some(id) = &r.deleted {
                    printer.line(&format!("Deleted: {id}"));
                }
            }
            Err(engine::Error::ImageNotKnown { .. }) if args.ignore => {}
            Err(e @ engine::Error::ImageNotKnown { .. }) => {
                printer.error(&format!("Error: {e}"));
                if exit == Exit::SUCCESS {
                    exit = Exit::FAILURE;
                }
            }
            Err(e) => {
                let err = anyhow::Error::from(e);
                crate::cli::diag::report(printer, &err);
                exit = Exit::SKIFF_ERROR;
            }
        }
    }
    Ok(exit)
}
