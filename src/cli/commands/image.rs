//! `skiff image prune` and `skiff image exists`

use std::io::{BufRead, Write};

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Remove all images, not only those without a name
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Remove images even when external containers (buildah's, in containers/storage) use
    /// them, as podman: those use containers/storage's images, never skiff's, so this prunes
    /// the same images
    #[arg(long)]
    pub external: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// The image, by name or id
    #[arg(value_name = "IMAGE")]
    pub image: String,
}

/// Asks `question` on the terminal; anything but y/yes is no.
pub fn confirm(question: &str) -> bool {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{question} [y/N] ");
    let _ = err.flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    matches!(line.trim().to_lowercase().as_str(), "y" | "yes")
}

pub fn prune(args: PruneArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    if !args.force {
        let what = if args.all { "all images" } else { "all dangling images" };
        if !confirm(&format!("WARNING! This command removes {what}.\nAre you sure you want to continue?")) {
            return Ok(Exit::SUCCESS);
        }
    }
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    for id in engine::images::prune(&store, args.all)? {
        printer.line(&id);
    }
    Ok(Exit::SUCCESS)
}

pub fn exists(args: ExistsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    match engine::images::lookup(&store, &args.image) {
        Ok(_) => Ok(Exit::SUCCESS),
        Err(engine::Error::ImageNotKnown { .. }) => Ok(Exit::FAILURE),
        Err(e) => Err(e.into()),
    }
}
