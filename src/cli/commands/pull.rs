//! `skiff pull`: progress bars on a terminal, podman's plain lines otherwise, the image id last.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::args::{PlatformOpts, RegistryOpts};
use crate::cli::{printer::Printer, Exit};
use crate::engine::pull::{AuthStore, ClientOptions, Credentials, Platform, Registries, Resolved};
use crate::engine::{self, pull::PullReporter, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print only the image id
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub registry: RegistryOpts,
    #[command(flatten)]
    pub platform: PlatformOpts,
    /// The image to pull, e.g. busybox, registry.example.com:5000/team/app:1.2 or NAME@sha256:...
    #[arg(required = true, value_name = "IMAGE")]
    pub images: Vec<String>,
}

/// The registry settings of a command, resolved: registries.conf, TLS and credentials.
pub fn client_options(ctx: &Context, opts: &RegistryOpts) -> anyhow::Result<(Registries, ClientOptions)> {
    let registries = Registries::load(Some(&ctx.paths.config_dir))?;
    let credentials = match &opts.creds {
        Some(c) => {
            let (user, pass) = c.split_once(':').unwrap_or((c.as_str(), ""));
            if user.is_empty() {
                anyhow::bail!("invalid --creds {c:?}: expected USERNAME[:PASSWORD]");
            }
            Credentials::Basic { user: user.to_string(), pass: pass.to_string() }
        }
        None => match &opts.authfile {
            Some(f) => Credentials::FromFiles(AuthStore::with_files(vec![f.clone()])),
            None => Credentials::FromFiles(AuthStore::from_env()),
        },
    };
    let options = ClientOptions {
        registries: registries.clone(),
        tls_verify: opts.tls_verify.unwrap_or(true),
        credentials,
    };
    Ok((registries, options))
}

/// The platform to pull for: `--platform`, else the host with `--os/--arch/--variant` applied.
pub fn platform(opts: &PlatformOpts) -> anyhow::Result<Platform> {
    let mut p = match &opts.platform {
        Some(text) => Platform::parse(text)?,
        None => Platform::host(),
    };
    if let Some(os) = &opts.os {
        p.os = os.clone();
    }
    if let Some(arch) = &opts.arch {
        p.architecture = arch.clone();
        if opts.variant.is_none() {
            p.variant = None;
        }
    }
    if let Some(v) = &opts.variant {
        p.variant = Some(v.clone());
    }
    Ok(p)
}

/// Shows a pull: bars on a terminal, lines otherwise, nothing with `-q`.
pub struct Progress {
    mode: Mode,
    bars: Mutex<HashMap<String, ProgressBar>>,
    multi: MultiProgress,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Quiet,
    Lines,
    Bars,
}

fn short(digest: &str) -> &str {
    let hex = digest.trim_start_matches("sha256:");
    &hex[..hex.len().min(12)]
}

impl Progress {
    pub fn new(quiet: bool) -> Progress {
        let mode = if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() {
            Mode::Bars
        } else {
            Mode::Lines
        };
        let multi = MultiProgress::with_draw_target(if mode == Mode::Bars {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        });
        Progress { mode, bars: Mutex::new(HashMap::new()), multi }
    }

    fn say(&self, text: &str) {
        match self.mode {
            Mode::Quiet => {}
            Mode::Lines => eprintln_line(text),
            Mode::Bars => {
                let _ = self.multi.println(text);
            }
        }
    }
}

/// The height of the terminal on stderr (24 when it cannot be told).
fn terminal_rows() -> usize {
    match rustix::termios::tcgetwinsize(std::io::stderr()) {
        Ok(w) if w.ws_row > 0 => usize::from(w.ws_row),
        _ => 24,
    }
}

fn eprintln_line(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

impl PullReporter for Progress {
    fn trying(&self, reference: &str) {
        self.say(&format!("Trying to pull {reference}..."));
    }
    fn resolved(&self, _r: &Resolved) {
        self.say("Getting image source signatures");
    }
    fn blob_start(&self, digest: &str, size: u64, present: bool) {
        if present {
            self.say(&format!("Copying blob {} skipped: already exists", short(digest)));
            return;
        }
        if self.mode == Mode::Bars {
            let mut bars = self.bars.lock().unwrap_or_else(|e| e.into_inner());
            // Never more bars than the terminal has rows for (less the line being written and
            // one to spare): a redraw taller than the screen would erase what is above it. A
            // blob without a bar still gets its "done" line.
            if bars.len() + 2 >= terminal_rows() {
                return;
            }
            let bar = self.multi.add(ProgressBar::new(size));
            bar.set_style(
                ProgressStyle::with_template(
                    "Copying blob {msg} [{bar:30}] {bytes} / {total_bytes} | {bytes_per_sec}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_message(short(digest).to_string());
            bars.insert(digest.to_string(), bar);
        }
    }
    fn blob_progress(&self, digest: &str, done: u64) {
        if let Some(b) = self.bars.lock().unwrap_or_else(|e| e.into_inner()).get(digest) {
            b.set_position(done);
        }
    }
    fn blob_done(&self, digest: &str) {
        let bar = self.bars.lock().unwrap_or_else(|e| e.into_inner()).remove(digest);
        // As podman: a finished blob's line stays, printed above the bars still running.
        if let Some(b) = bar {
            b.finish_and_clear();
            self.multi.remove(&b);
        }
        self.say(&format!("Copying blob {} done", short(digest)));
    }
    fn config(&self, digest: &str) {
        self.say(&format!("Copying config {} done", short(digest)));
    }
    fn writing_manifest(&self) {
        self.say("Writing manifest to image destination");
    }
}

/// A tokio runtime for one command; started only after the namespace is joined.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// The archive a `docker-archive:PATH` or `oci-archive:PATH` reference names (a `:NAME` after
/// the path is not supported), else `None`.
pub fn archive_transport(name: &str) -> Option<std::path::PathBuf> {
    let path = name.strip_prefix("docker-archive:").or_else(|| name.strip_prefix("oci-archive:"))?;
    Some(std::path::absolute(path).unwrap_or_else(|_| path.into()))
}

/// `pull`, `run` and `create` of `docker-archive:PATH` / `oci-archive:PATH`: the archive is
/// loaded (with podman's copy lines); returns the id of its (first) image.
pub fn from_archive(
    store: &crate::engine::Store,
    reference: &str,
    path: &std::path::Path,
    quiet: bool,
) -> anyhow::Result<String> {
    let progress = Progress::new(quiet);
    let loaded = engine::transfer::pull_archive(store, reference, path, &Platform::host(), &progress)
        .map_err(super::save::into_anyhow)?;
    loaded
        .into_iter()
        .next()
        .map(|l| l.id)
        .ok_or_else(|| anyhow::anyhow!("{} holds no image", path.display()))
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let (registries, options) = client_options(&ctx, &args.registry)?;
    let platform = platform(&args.platform)?;
    let store = engine::open_store(&ctx)?;
    let rt = runtime()?;
    for name in &args.images {
        if let Some(path) = archive_transport(name) {
            printer.line(&from_archive(&store, name, &path, args.quiet)?);
            continue;
        }
        let progress = Arc::new(Progress::new(args.quiet));
        let pulled = rt.block_on(engine::pull::pull(
            store.clone(),
            &registries,
            options.clone(),
            &platform,
            name,
            progress,
        ))?;
        if pulled.unmapped_owners > 0 {
            printer.warn(&format!(
                "{} files in {} are owned by ids outside your /etc/subuid range and were given to root",
                pulled.unmapped_owners, pulled.reference
            ));
        }
        printer.line(&pulled.image.id);
    }
    Ok(Exit::SUCCESS)
}
