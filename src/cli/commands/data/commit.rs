//! `skiff commit [-c CHANGE]... [--author A] [-m MSG] [-q] CONTAINER [IMAGE]`: a new image made
//! of the container's image and one layer with the container's changes; prints its id.

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, containers, data, Context};

#[derive(Debug, clap::Args)]
pub struct CommitArgs {
    /// Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
    /// STOPSIGNAL, USER, VOLUME, WORKDIR); repeatable
    #[arg(short, long = "change", value_name = "CHANGE")]
    pub change: Vec<String>,
    /// The author of the image
    #[arg(short, long, value_name = "AUTHOR")]
    pub author: Option<String>,
    /// The commit message (the history comment of the new layer)
    #[arg(short, long, value_name = "MESSAGE")]
    pub message: Option<String>,
    /// Accepted for podman compatibility: the container is not paused while committing
    #[arg(short, long, default_value_t = false, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub pause: bool,
    /// Print nothing but the image id (the default prints only that too)
    #[arg(short, long)]
    pub quiet: bool,
    /// The container to commit
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// The name of the new image (default: none)
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
}

pub fn commit(args: CommitArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = containers::lookup(&store, &args.container)?;
    let new =
        data::NewImage { name: args.image, changes: args.change, author: args.author, message: args.message };
    let image = data::commit(&store, &rec, &new)?;
    printer.line(&image.id);
    Ok(Exit::SUCCESS)
}
