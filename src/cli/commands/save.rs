//! `skiff save` / `skiff image save`: images to a docker-archive or oci-archive, to a file or
//! to stdout (never to a terminal).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::args::RegistryOpts;
use crate::cli::{diag, printer::Printer, Exit};
use crate::engine::transfer::ArchiveFormat;
use crate::engine::{self, transfer, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the archive to FILE (default: stdout)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Archive format
    #[arg(long, value_name = "FORMAT", default_value = "docker-archive",
          value_parser = ["docker-archive", "oci-archive"])]
    pub format: String,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// Save several images into one docker-archive, each with its own names (skiff always
    /// does; accepted for podman's scripts)
    #[arg(short = 'm', long)]
    pub multi_image_archive: bool,
    /// oci-archive: write the layers uncompressed
    #[arg(long)]
    pub uncompressed: bool,
    /// Images to save, by name or id
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let format: ArchiveFormat = args.format.parse()?;
    // Resolve a relative path before joining the namespace.
    let output =
        args.output.as_deref().map(std::path::absolute).transpose().context("cannot resolve --output")?;
    if output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("refusing to write an image archive to a terminal: redirect stdout or use -o FILE");
    }
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    // For blobs fetched again from an image's registry (oci-archive of a pulled image).
    let (_, origin) = crate::cli::commands::pull::client_options(
        &ctx,
        &RegistryOpts { tls_verify: None, creds: None, authfile: None },
    )?;
    let origin = Some(&origin);
    match output {
        Some(path) => match transfer::save(&store, &args.images, format, &path, origin, args.uncompressed) {
            Ok(_) => Ok(Exit::SUCCESS),
            Err(e) => Ok(report(printer, e)),
        },
        None => {
            let spool = transfer::Spool::new(&store, "save-").map_err(into_anyhow)?;
            let path = spool.file();
            if let Err(e) = transfer::save(&store, &args.images, format, &path, origin, args.uncompressed) {
                return Ok(report(printer, e));
            }
            let mut file =
                fs_err::File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let mut out = std::io::stdout().lock();
            match std::io::copy(&mut file, &mut out).and_then(|_| std::io::Write::flush(&mut out)) {
                Ok(()) => Ok(Exit::SUCCESS),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Exit::SUCCESS),
                Err(e) => Err(anyhow::Error::from(e).context("cannot write the archive to stdout")),
            }
        }
    }
}

/// A transfer error as anyhow, keeping engine errors themselves in the chain (for their hints).
pub fn into_anyhow(e: transfer::Error) -> anyhow::Error {
    match e {
        transfer::Error::Engine(e) => e.into(),
        e => e.into(),
    }
}

/// Reports a transfer error once, with its hint, and returns the exit status.
pub fn report(printer: &Printer, e: transfer::Error) -> Exit {
    let hint = e.hint();
    let exit = diag::report(printer, &into_anyhow(e));
    if let Some(h) = hint {
        printer.error(&format!("hint: {h}"));
    }
    exit
}
