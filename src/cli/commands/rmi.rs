//! `skiff rmi` / `skiff image rm`

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Remove the image even when it has several names, and all of its names, and first the
    /// containers made from it (stopped first)
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
    // As podman: every `Untagged:` line, then every `Deleted:` line, then the errors of images
    // that could not go, joined as one ("N errors occurred:") when there are several.
    let (mut untagged, mut deleted, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for t in &targets {
        if args.force {
            match engine::remove::remove_image_users(&ctx, &store, t) {
                // podman says nothing of the containers it removed.
                Ok(_) => {}
                // Said by the removal below (or ignored as podman ignores it with --force).
                Err(e)
                    if matches!(&e, engine::remove::Error::Engine(engine::Error::ImageNotKnown { .. })) => {}
                Err(e) => {
                    crate::cli::diag::report(printer, &anyhow::Error::from(e));
                    exit = Exit::SKIFF_ERROR;
                    continue;
                }
            }
        }
        match engine::images::remove(&store, t, force) {
            Ok(r) => {
                untagged.extend(r.untagged);
                deleted.extend(r.deleted);
            }
            // As podman: with --ignore or --force, an image that is not there is no error.
            Err(engine::Error::ImageNotKnown { .. }) if args.ignore || args.force => {}
            Err(e @ engine::Error::ImageNotKnown { .. }) => {
                errors.push(e.to_string());
                if exit == Exit::SUCCESS {
                    exit = Exit::FAILURE;
                }
            }
            Err(e @ engine::Error::ImageInUse { .. }) => {
                errors.push(e.to_string());
                if exit == Exit::SUCCESS || exit == Exit::FAILURE {
                    exit = Exit::IN_USE;
                }
            }
            Err(e) => {
                let err = anyhow::Error::from(e);
                crate::cli::diag::report(printer, &err);
                exit = Exit::SKIFF_ERROR;
            }
        }
    }
    for n in &untagged {
        printer.line(&format!("Untagged: {n}"));
    }
    for id in &deleted {
        printer.line(&format!("Deleted: {id}"));
    }
    match errors.as_slice() {
        [] => {}
        [one] => printer.error(&format!("Error: {one}")),
        many => {
            let list: Vec<String> = many.iter().map(|e| format!("\t* {e}")).collect();
            printer.error(&format!("Error: {} errors occurred:\n{}\n", many.len(), list.join("\n")));
        }
    }
    Ok(exit)
}
