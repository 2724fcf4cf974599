//! `skiff load` / `skiff image load`: images from a docker-archive or oci-archive, from a file
//! or from stdin (spooled to the store's tmp directory first: the archive is read twice).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::commands::pull::Progress;
use crate::cli::commands::save::report;
use crate::cli::{printer::Printer, Exit};
use crate::engine::pull::Platform;
use crate::engine::{self, transfer, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read the archive from FILE, or download it from an http(s) URL (default: stdin)
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Print only the names of the loaded images
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let url = args
        .input
        .as_deref()
        .and_then(|p| p.to_str())
        .filter(|p| engine::build::fetch::is_url(p))
        .map(str::to_string);
    let input = match url {
        Some(_) => None,
        None => {
            args.input.as_deref().map(std::path::absolute).transpose().context("cannot resolve --input")?
        }
    };
    if let Some(url) = url {
        crate::cli::enter(&mut ctx, printer)?;
        let store = engine::open_store(&ctx)?;
        let spool = transfer::Spool::new(&store, "load-").map_err(super::save::into_anyhow)?;
        let path = spool.file();
        engine::build::fetch::fetch(&url, &path)?;
        return load_file(&store, &path, args.quiet, printer);
    }
    if input.is_none() && std::io::stdin().is_terminal() {
        anyhow::bail!("cannot read from terminal, use command-line redirection or the --input flag");
    }
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let spool;
    let path = match input {
        Some(p) => p,
        None => {
            spool = transfer::Spool::new(&store, "load-").map_err(super::save::into_anyhow)?;
            match spool.fill(&mut std::io::stdin().lock()) {
                Ok(p) => p,
                Err(e) => return Ok(report(printer, e)),
            }
        }
    };
    load_file(&store, &path, args.quiet, printer)
}

fn load_file(
    store: &crate::engine::Store,
    path: &std::path::Path,
    quiet: bool,
    printer: &Printer,
) -> anyhow::Result<Exit> {
    let progress = Progress::new(quiet);
    let loaded = match transfer::load(store, path, &Platform::host(), &progress) {
        Ok(l) => l,
        Err(e) => return Ok(report(printer, e)),
    };
    for image in loaded {
        if image.names.is_empty() {
            printer.line(&format!("Loaded image: sha256:{}", image.id));
        }
        for name in &image.names {
            printer.line(&format!("Loaded image: {name}"));
        }
    }
    Ok(Exit::SUCCESS)
}
