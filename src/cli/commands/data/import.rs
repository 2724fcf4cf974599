//! `skiff import [-c CHANGE]... [-m MSG] FILE|- [REFERENCE]`: a root filesystem tarball (plain,
//! gzip or zstd) as a new one-layer image; prints its id.

use std::io::IsTerminal;

use anyhow::Context as _;

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, data, Context};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
    /// STOPSIGNAL, USER, VOLUME, WORKDIR); repeatable
    #[arg(short, long = "change", value_name = "CHANGE")]
    pub change: Vec<String>,
    /// The history comment of the new layer
    #[arg(short, long, value_name = "MESSAGE")]
    pub message: Option<String>,
    /// Print only the image id (it is all that is printed anyway)
    #[arg(short, long)]
    pub quiet: bool,
    /// The tarball to import, or - for stdin
    #[arg(value_name = "FILE|-")]
    pub source: String,
    /// The name to give the image (default: none)
    #[arg(value_name = "REFERENCE")]
    pub reference: Option<String>,
}

pub fn import(args: ImportArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let mut input: Box<dyn std::io::Read> = if args.source == "-" {
        if std::io::stdin().is_terminal() {
            anyhow::bail!("no tarball to import: pipe one to stdin or give a file");
        }
        Box::new(std::io::stdin())
    } else if args.source.starts_with("http://") || args.source.starts_with("https://") {
        anyhow::bail!(
            "cannot import {}: importing from a URL is not supported; download it first",
            args.source
        );
    } else {
        let f = fs_err::File::open(&args.source).with_context(|| format!("cannot open {}", args.source))?;
        Box::new(std::io::BufReader::new(f))
    };
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let new =
        data::NewImage { name: args.reference, changes: args.change, author: None, message: args.message };
    let image = data::import(&store, &mut input, &args.source, &new)?;
    printer.line(&format!("sha256:{}", image.id));
    Ok(Exit::SUCCESS)
}
