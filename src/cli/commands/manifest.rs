//! `skiff manifest create|add|annotate|remove|inspect|push|rm|exists`: manifest lists (image
//! indexes), with podman's flags, output and exit codes.

use std::sync::Arc;

use crate::cli::args::RegistryOpts;
use crate::cli::commands::pull::{client_options, runtime};
use crate::cli::diag::Failures;
use crate::cli::{printer::Printer, Exit};
use crate::engine::manifests::{self, EntryOptions, PushOptions, Remote};
use crate::engine::{self, transfer, Context};

/// `skiff manifest ...`
#[derive(Debug, clap::Subcommand)]
pub enum ManifestCommand {
    /// Create a manifest list or image index (prints its id)
    Create(CreateArgs),
    /// Add images to a manifest list or image index
    Add(AddArgs),
    /// Add or update information about an entry in a manifest list or image index
    Annotate(AnnotateArgs),
    /// Display the contents of a manifest list or image index (local, else in a registry)
    Inspect(InspectArgs),
    /// Push a manifest list or image index to a registry
    Push(PushArgs),
    /// Remove an entry from a manifest list or image index
    Remove(RemoveArgs),
    /// Remove manifest lists or image indexes from local storage
    Rm(RmArgs),
    /// Exit 0 if the manifest list exists in local storage, 1 if not
    Exists(ExistsArgs),
}

/// The `--tls-verify` of commands that need nothing else of [`RegistryOpts`].
#[derive(Debug, clap::Args)]
pub struct TlsOpt {
    /// Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub tls_verify: Option<bool>,
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// Add all of the lists' images if the images to add are lists
    #[arg(long)]
    pub all: bool,
    /// Modify an existing list if one with the desired name already exists
    #[arg(short, long)]
    pub amend: bool,
    #[command(flatten)]
    pub tls: TlsOpt,
    /// The list's name (localhost/NAME for a short name)
    #[arg(value_name = "LIST")]
    pub list: String,
    /// Images to add (containers-storage:NAME, docker://REF, or a name: local images first)
    #[arg(value_name = "IMAGE")]
    pub images: Vec<String>,
}

/// The platform and annotation flags of `add` and `annotate`.
#[derive(Debug, clap::Args)]
pub struct EntryFlags {
    /// Set an annotation for the specified image (KEY=VALUE)
    #[arg(long = "annotation", value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Override the architecture of the specified image
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// Override the features of the specified image (comma-separated)
    #[arg(long, value_name = "FEATURES", value_delimiter = ',')]
    pub features: Vec<String>,
    /// Override the OS of the specified image
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,
    /// Override the OS version of the specified image
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,
    /// Override the variant of the specified image
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
}

impl EntryFlags {
    fn options(&self, os_features: Vec<String>) -> EntryOptions {
        EntryOptions {
            os: self.os.clone(),
            arch: self.arch.clone(),
            variant: self.variant.clone(),
            os_version: self.os_version.clone(),
            features: self.features.clone(),
            os_features,
            annotations: self.annotation.clone(),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Add all of the list's images if the image is a list
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub entry: EntryFlags,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Use certificates at the specified path to access the registry (accepted; the system's CAs are used)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<std::path::PathBuf>,
    /// The list
    #[arg(value_name = "LIST")]
    pub list: String,
    /// Images to add (containers-storage:NAME, docker://REF, or a name: local images first)
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct AnnotateArgs {
    #[command(flatten)]
    pub entry: EntryFlags,
    /// Override the OS features of the specified image (comma-separated)
    #[arg(long, value_name = "FEATURES", value_delimiter = ',')]
    pub os_features: Vec<String>,
    /// The list
    #[arg(value_name = "LIST")]
    pub list: String,
    /// The entry, by digest (sha256:...)
    #[arg(value_name = "DIGEST")]
    pub image: String,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// The list, local or in a registry
    #[arg(value_name = "IMAGE")]
    pub name: String,
}

#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// Also push the images in the list (--all=false: only the list)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub all: bool,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// Use certificates at the specified path to access the registry (accepted; the system's CAs are used)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<std::path::PathBuf>,
    /// Compression format (accepted: images are pushed as stored)
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    /// After copying the list, write its digest to this file
    #[arg(long, value_name = "PATH")]
    pub digestfile: Option<std::path::PathBuf>,
    /// Manifest list type: oci or v2s2 (default: as stored)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Don't output progress information
    #[arg(short, long)]
    pub quiet: bool,
    /// Don't copy signatures (skiff copies none)
    #[arg(long)]
    pub remove_signatures: bool,
    /// Remove the manifest list if the push succeeds
    #[arg(long)]
    pub rm: bool,
    /// The list
    #[arg(value_name = "LIST")]
    pub list: String,
    /// Where to push it (docker://REGISTRY/NAME[:TAG] or REGISTRY/NAME[:TAG])
    #[arg(value_name = "DESTINATION")]
    pub destination: String,
}

/// podman's words for a format it does not know.
fn parse_format(s: &str) -> anyhow::Result<crate::image::list::ListFormat> {
    manifests::parse_format(s).ok_or_else(|| {
        anyhow::anyhow!("unknown format {s:?}. Choose one of the supported formats: 'oci' or 'v2s2'")
    })
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The list
    #[arg(value_name = "LIST")]
    pub list: String,
    /// The entry to remove, by digest
    #[arg(value_name = "DIGEST")]
    pub digest: String,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// The lists
    #[arg(value_name = "LIST", required = true)]
    pub lists: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// The list
    #[arg(value_name = "MANIFEST")]
    pub name: String,
}

pub fn run(command: ManifestCommand, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    match command {
        ManifestCommand::Create(a) => {
            let list = manifests::create(&store, &a.list, a.amend)?;
            if !a.images.is_empty() {
                // As podman, a list whose images cannot be added stays (empty).
                let opts = RegistryOpts { tls_verify: a.tls.tls_verify, creds: None, authfile: None };
                let remote = remote(&ctx, &opts)?;
                runtime()?.block_on(manifests::add(
                    &store,
                    &remote,
                    &list.id,
                    &a.images,
                    a.all,
                    &EntryOptions::default(),
                ))?;
            }
            printer.line(&list.id);
        }
        ManifestCommand::Add(a) => {
            let opts = a.entry.options(Vec::new());
            opts.validate()?;
            let remote = remote(&ctx, &a.registry)?;
            let list =
                runtime()?.block_on(manifests::add(&store, &remote, &a.list, &a.images, a.all, &opts))?;
            printer.line(&list.id);
        }
        ManifestCommand::Annotate(a) => {
            let opts = a.entry.options(a.os_features.clone());
            let list = manifests::annotate(&store, &a.list, &a.image, &opts)?;
            printer.line(&list.id);
        }
        ManifestCommand::Remove(a) => {
            let list = manifests::remove_entry(&store, &a.list, &a.digest)?;
            printer.line(&list.id);
        }
        ManifestCommand::Inspect(a) => {
            let remote = remote(&ctx, &a.registry)?;
            let text = runtime()?.block_on(manifests::inspect(&store, &remote, &a.name))?;
            printer.line(&text);
        }
        ManifestCommand::Push(a) => return push(a, &ctx, Arc::clone(&store)),
        ManifestCommand::Rm(a) => {
            // podman: an unknown list exits 1, any other failure 125.
            let mut failures = Failures::new(printer);
            let mut not_found = false;
            for name in &a.lists {
                match manifests::rm(&store, name) {
                    Ok((untagged, id)) => {
                        for n in untagged {
                            printer.line(&format!("Untagged: {n}"));
                        }
                        printer.line(&format!("Deleted: {id}"));
                    }
                    Err(e) => {
                        not_found = e.is_not_found();
                        failures.add(e.into());
                    }
                }
            }
            return match failures.into_last() {
                None => Ok(Exit::SUCCESS),
                Some(e) if not_found => {
                    printer.error(&format!("Error: {e:#}"));
                    Ok(Exit::FAILURE)
                }
                Some(e) => Err(e),
            };
        }
        ManifestCommand::Exists(a) => {
            return Ok(if manifests::exists(&store, &a.name)? { Exit::SUCCESS } else { Exit::FAILURE });
        }
    }
    Ok(Exit::SUCCESS)
}

fn remote(ctx: &Context, opts: &RegistryOpts) -> anyhow::Result<Remote> {
    let (registries, options) = client_options(ctx, opts)?;
    Ok(Remote { registries, options })
}

/// podman's progress lines of `manifest push`, on stderr.
struct Lines<'a> {
    printer: &'a Printer,
}

impl transfer::PushReporter for Lines<'_> {
    fn start(&self) {
        self.printer.info("Getting image source signatures");
    }
    fn blob(&self, digest: &str, skipped: bool) {
        if skipped {
            self.printer.info(&format!("Copying blob {digest} skipped: already exists"));
        } else {
            self.printer.info(&format!("Copying blob {digest}"));
        }
    }
    fn config(&self, digest: &str) {
        self.printer.info(&format!("Copying config {digest}"));
    }
    fn writing_manifest(&self) {
        self.printer.info("Writing manifest to image destination");
    }
}

impl manifests::ListPushReporter for Lines<'_> {
    fn list_start(&self, count: usize) {
        self.printer.info("Getting image list signatures");
        self.printer.info(&format!("Copying {count} of {count} images in list"));
    }
    fn image(&self, n: usize, count: usize, digest: &str) {
        self.printer.info(&format!("Copying image {digest} ({n}/{count})"));
    }
    fn image_done(&self) {
        self.printer.info("Storing signatures");
    }
    fn writing_list(&self) {
        self.printer.info("Writing manifest list to image destination");
        self.printer.info("Storing list signatures");
    }
}

fn push(a: PushArgs, ctx: &Context, store: Arc<engine::Store>) -> anyhow::Result<Exit> {
    let format = a.format.as_deref().map(parse_format).transpose()?;
    let remote = remote(ctx, &a.registry)?;
    let mut lines_printer = Printer::new();
    lines_printer.set_quiet(a.quiet);
    let reporter = Lines { printer: &lines_printer };
    let opts = PushOptions { all: a.all, format, rm: a.rm };
    let digest = runtime()?.block_on(manifests::push(
        Arc::clone(&store),
        &remote,
        &a.list,
        &a.destination,
        &opts,
        &reporter,
    ))?;
    if let Some(path) = &a.digestfile {
        engine::write_atomic(path, digest.as_bytes())
            .map_err(|source| manifests::Error::DigestFile { path: path.clone(), source })?;
    }
    tracing::debug!(%digest, destination = %a.destination, "pushed manifest list");
    Ok(Exit::SUCCESS)
}
