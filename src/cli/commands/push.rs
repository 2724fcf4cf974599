//! `skiff push` / `skiff image push`: a stored image to a registry, manifest bytes unchanged.

use std::sync::Arc;

use crate::cli::args::RegistryOpts;
use crate::cli::commands::pull::{client_options, runtime};
use crate::cli::commands::save::report;
use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, transfer, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Manifest format to push: oci, or docker (v2s2) (default: as stored)
    #[arg(short, long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<transfer::ManifestFormat>,
    /// The image to push, by name or id
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Where to push it (docker://REGISTRY/NAME[:TAG] or REGISTRY/NAME[:TAG]; default: IMAGE's name)
    #[arg(value_name = "DESTINATION")]
    pub destination: Option<String>,
}

fn parse_format(s: &str) -> Result<transfer::ManifestFormat, String> {
    match s {
        "oci" => Ok(transfer::ManifestFormat::Oci),
        "docker" | "v2s2" => Ok(transfer::ManifestFormat::Docker),
        other => Err(format!("unrecognized image type {other:?}: oci, docker or v2s2")),
    }
}

/// podman's progress lines on stderr.
struct Lines<'a> {
    printer: &'a Printer,
}

fn short(digest: &str) -> &str {
    let hex = digest.trim_start_matches("sha256:");
    &hex[..hex.len().min(12)]
}

impl transfer::PushReporter for Lines<'_> {
    fn start(&self) {
        self.printer.info("Getting image source signatures");
    }
    fn blob(&self, digest: &str, skipped: bool) {
        if skipped {
            self.printer.info(&format!("Copying blob {} skipped: already exists", short(digest)));
        } else {
            self.printer.info(&format!("Copying blob {} done", short(digest)));
        }
    }
    fn config(&self, digest: &str) {
        self.printer.info(&format!("Copying config {} done", short(digest)));
    }
    fn writing_manifest(&self) {
        self.printer.info("Writing manifest to image destination");
    }
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let (_, options) = client_options(&ctx, &args.registry)?;
    let store = engine::open_store(&ctx)?;
    let rt = runtime()?;
    let mut lines_printer = Printer::new();
    lines_printer.set_quiet(args.quiet);
    let reporter = Lines { printer: &lines_printer };
    let result = rt.block_on(transfer::push(
        Arc::clone(&store),
        options,
        &args.image,
        args.destination.as_deref(),
        args.format,
        &reporter,
    ));
    match result {
        Ok(pushed) => {
            tracing::debug!(reference = %pushed.reference, digest = %pushed.digest, "pushed");
            Ok(Exit::SUCCESS)
        }
        Err(e) => Ok(report(printer, e)),
    }
}
