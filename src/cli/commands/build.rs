//! `skiff build [OPTIONS] [CONTEXT]` (also `image build`): an image from a Containerfile, with
//! podman's lines (`STEP 1/3: FROM ...`, `--> ID`, `COMMIT NAME`, `Successfully tagged ...`,
//! the image id last). The use case is `engine::build`; this file resolves the flags, finds the
//! Containerfile and the ignore file, pulls base images, and prints.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::cli::args::RegistryOpts;
use crate::cli::diag::WithExit;
use crate::cli::{printer::Printer, Exit};
use crate::engine::build::{self as engine_build, Format, Network};
use crate::engine::{self, Context};
use crate::engine::{ImageRecord, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name the image (repeatable); unqualified names go under localhost/
    #[arg(short, long = "tag", value_name = "NAME")]
    pub tag: Vec<String>,
    /// The Containerfile (default: CONTEXT/Containerfile, else CONTEXT/Dockerfile; - reads stdin)
    #[arg(short, long = "file", value_name = "FILE")]
    pub file: Vec<String>,
    /// Build up to this stage (a name given with FROM ... AS NAME)
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
    /// Set a build argument (NAME=VALUE, or NAME to take this environment's value); repeatable
    #[arg(long = "build-arg", value_name = "NAME=VALUE")]
    pub build_arg: Vec<String>,
    /// Read build arguments from a file of NAME=VALUE lines; repeatable
    #[arg(long = "build-arg-file", value_name = "FILE")]
    pub build_arg_file: Vec<PathBuf>,
    /// Do not use cached layers: run every step
    #[arg(long)]
    pub no_cache: bool,
    /// Use and record cached layers (default: $BUILDAH_LAYERS, else true)
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub layers: Option<bool>,
    /// Pull base images: missing (default), always (also --pull alone), never
    #[arg(long, value_name = "POLICY", num_args = 0..=1, default_missing_value = "always")]
    pub pull: Option<String>,
    /// Never pull base images (as --pull=never)
    #[arg(long = "pull-never", hide = true)]
    pub pull_never: bool,
    /// Add a label to the image (NAME=VALUE); repeatable
    #[arg(long, value_name = "NAME=VALUE")]
    pub label: Vec<String>,
    /// The image format: oci (default) or docker (keeps HEALTHCHECK, SHELL and ONBUILD)
    #[arg(long, value_name = "FORMAT", default_value = "oci")]
    pub format: String,
    /// Print only the image id
    #[arg(short, long)]
    pub quiet: bool,
    /// How many stages that do not need each other may build at once (0: no limit; default: the
    /// number of CPUs); their lines are printed stage by stage
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Squash the layers this build makes into one (the base image's layers stay)
    #[arg(long, conflicts_with = "squash_all")]
    pub squash: bool,
    /// Squash every layer, the base image's too, into one
    #[arg(long)]
    pub squash_all: bool,
    /// Write the image id to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Add the image to this manifest list (created if it does not exist)
    #[arg(long, value_name = "LIST")]
    pub manifest: Option<String>,
    /// The ignore file (default: CONTEXT/.containerignore, else CONTEXT/.dockerignore)
    #[arg(long, value_name = "FILE")]
    pub ignorefile: Option<PathBuf>,
    /// Write the build's output (and that of RUN steps) to this file instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub logfile: Option<PathBuf>,
    /// A resource limit of RUN steps (NAME=SOFT[:HARD], e.g. nofile=1024:2048); repeatable
    #[arg(long, value_name = "NAME=LIMIT")]
    pub ulimit: Vec<String>,
    /// seccomp=unconfined or seccomp=PROFILE.json for RUN steps (label=... is accepted and ignored)
    #[arg(long = "security-opt", value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// The OCI runtime of RUN steps: builtin (default), or crun, runc or a path (default:
    /// containers.conf's [engine] runtime)
    #[arg(long, value_name = "RUNTIME")]
    pub runtime: Option<String>,
    /// The global --runtime-flag values (set from the top-level flag)
    #[arg(skip)]
    pub runtime_flags: Vec<String>,
    /// The global --default-mounts-file (set from the top-level flag)
    #[arg(skip)]
    pub default_mounts_file: Option<PathBuf>,
    /// A DNS server for RUN steps' /etc/resolv.conf (replaces the host's); repeatable
    #[arg(long, value_name = "IP", value_delimiter = ',')]
    pub dns: Vec<String>,
    /// A DNS search domain for RUN steps' /etc/resolv.conf (replaces the host's; . for none); repeatable
    #[arg(long = "dns-search", value_name = "DOMAIN", value_delimiter = ',')]
    pub dns_search: Vec<String>,
    /// A DNS option for RUN steps' /etc/resolv.conf (replaces the host's); repeatable
    #[arg(long = "dns-option", value_name = "OPTION", value_delimiter = ',')]
    pub dns_option: Vec<String>,
    /// Set an environment variable in the image (NAME=VALUE, or NAME to take this environment's
    /// value); repeatable
    #[arg(long, value_name = "NAME=VALUE")]
    pub env: Vec<String>,
    /// Remove an environment variable from the image; repeatable
    #[arg(long, value_name = "NAME")]
    pub unsetenv: Vec<String>,
    /// Skip the stages the target does not need (default true; false builds every stage up to
    /// the target)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value_t = true, default_missing_value = "true", action = clap::ArgAction::Set, value_parser = parse_bool)]
    pub skip_unused_stages: bool,
    /// Keep the image in local storage (what build always does; docker buildx's flag)
    #[arg(long, hide = true)]
    pub load: bool,
    /// The network of RUN steps: host (default) or none
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,
    /// A secret for RUN --mount=type=secret: id=ID,src=PATH; repeatable
    #[arg(long, value_name = "id=ID,src=PATH")]
    pub secret: Vec<String>,
    /// Set the created time of the image and its history, and clamp file times, to this (seconds
    /// since the epoch; default: $SOURCE_DATE_EPOCH, else now): the same input gives the same image
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<i64>,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// The build context directory (default: the current directory)
    #[arg(value_name = "CONTEXT")]
    pub context: Option<PathBuf>,
}

fn parse_bool(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(format!("invalid boolean {s:?}")),
    }
}

/// How FROM images are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PullPolicy {
    Missing,
    Always,
    Never,
}

fn pull_policy(args: &Args) -> anyhow::Result<PullPolicy> {
    if args.pull_never {
        return Ok(PullPolicy::Never);
    }
    Ok(match args.pull.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("missing") => PullPolicy::Missing,
        Some("always" | "true" | "newer") => PullPolicy::Always,
        Some("never" | "false") => PullPolicy::Never,
        Some(other) => anyhow::bail!("invalid --pull {other:?}: expected missing, always or never"),
    })
}

/// Base images from local storage, else pulled (the async runtime ends with each pull, so RUN
/// steps start from a single-threaded process).
struct Bases<'a> {
    ctx: &'a Context,
    registry: &'a RegistryOpts,
    policy: PullPolicy,
    quiet: bool,
    printer: &'a Printer,
}

impl engine_build::Bases for Bases<'_> {
    fn image(
        &self,
        store: &Arc<Store>,
        name: &str,
    ) -> Result<ImageRecord, Box<dyn std::error::Error + Send + Sync>> {
        let local = match engine::images::lookup(store, name) {
            Ok(found) => Some(found.image),
            Err(engine::Error::ImageNotKnown { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        match (local, self.policy) {
            (Some(img), PullPolicy::Missing | PullPolicy::Never) => return Ok(img),
            (None, PullPolicy::Never) => return Err(format!("{name}: image not known").into()),
            _ => {}
        }
        let pulled = (|| -> anyhow::Result<ImageRecord> {
            let (registries, options) = super::pull::client_options(self.ctx, self.registry)?;
            let no_platform =
                crate::cli::args::PlatformOpts { platform: None, arch: None, os: None, variant: None };
            let platform = super::pull::platform(&no_platform)?;
            let rt = super::pull::runtime()?;
            let pulled = rt.block_on(engine::pull::pull(
                store.clone(),
                &registries,
                options,
                &platform,
                name,
                Arc::new(super::pull::Progress::new(self.quiet)),
            ));
            // The runtime's threads end with it, before any RUN step.
            drop(rt);
            let pulled = pulled?;
            if pulled.unmapped_owners > 0 {
                self.printer.warn(&format!(
                    "{} files in {} are owned by ids outside your /etc/subuid range and were given to root",
                    pulled.unmapped_owners, pulled.reference
                ));
            }
            Ok(pulled.image)
        })();
        pulled.map_err(|e| {
            let text = e.chain().map(|c| c.to_string()).collect::<Vec<_>>().join(": ");
            Box::<dyn std::error::Error + Send + Sync>::from(text)
        })
    }
}

/// An empty directory, removed on drop (the context of `build -`).
struct EmptyDir(PathBuf);

impl Drop for EmptyDir {
    fn drop(&mut self) {
        let _ = fs_err::remove_dir(&self.0);
    }
}

fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "skiff-build-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    fs_err::create_dir(&dir)?;
    Ok(dir)
}

/// Prints podman's build lines.
struct Lines<'a> {
    printer: &'a Printer,
    quiet: bool,
}

impl engine_build::Reporter for Lines<'_> {
    fn step(&self, number: usize, total: usize, text: &str) {
        if !self.quiet {
            self.printer.line(&format!("STEP {number}/{total}: {text}"));
        }
    }
    fn cache_hit(&self, id: &str, last: bool) {
        if !self.quiet {
            self.printer.line(&format!("--> Using cache {id}"));
            if !last {
                self.printer.line(&format!("--> {id}"));
            }
        }
    }
    fn step_done(&self, id: &str) {
        if !self.quiet {
            self.printer.line(&format!("--> {id}"));
        }
    }
    fn commit(&self, name: Option<&str>) {
        if !self.quiet {
            self.printer.line(format!("COMMIT {}", name.unwrap_or("")).trim_end());
        }
    }
    fn warn(&self, message: &str) {
        self.printer.warn(message);
    }
}

/// `NAME=VALUE` lines (blank lines and `#` comments skipped).
fn read_arg_file(path: &Path, out: &mut BTreeMap<String, String>) -> anyhow::Result<()> {
    let text = fs_err::read_to_string(path)?;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line
            .split_once('=')
            .with_context(|| format!("{}:{}: expected NAME=VALUE", path.display(), n + 1))?;
        out.insert(k.trim().to_string(), v.to_string());
    }
    Ok(())
}

/// Reads a Containerfile named with -f (a relative one is found in the current directory, else
/// in the context, as podman does).
fn read_containerfile(f: &str, context: &Path) -> anyhow::Result<(String, String)> {
    let p = PathBuf::from(f);
    let p = if p.is_relative() && !p.exists() && context.join(&p).exists() { context.join(&p) } else { p };
    match fs_err::read_to_string(&p) {
        Ok(text) => Ok((p.display().to_string(), text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            anyhow::bail!("the Containerfile {}: no such file or directory", p.display())
        }
        Err(e) => {
            Err(anyhow::Error::new(e).context(format!("cannot read the Containerfile {}", p.display())))
        }
    }
}

fn options(args: &Args, context: &Path, stdin_text: Option<String>) -> anyhow::Result<engine_build::Options> {
    // The Containerfile: stdin, the -f files (joined, as podman does), or the context's.
    let (file, text) = if let Some(text) = stdin_text {
        ("-".to_string(), text)
    } else if !args.file.is_empty() {
        let mut names = Vec::new();
        let mut text = String::new();
        for f in &args.file {
            let (name, t) = read_containerfile(f, context)?;
            names.push(name);
            text.push_str(&t);
            if !text.ends_with('\n') {
                text.push('\n');
            }
        }
        (names.join(" + "), text)
    } else {
        let found = ["Containerfile", "Dockerfile"].iter().map(|n| context.join(n)).find(|p| p.is_file());
        let p = found.with_context(|| {
            // podman's words first (scripts match them), then what to do.
            format!(
                "stat {}: no such file or directory (no Containerfile or Dockerfile in the build context: add one, or name one with -f)",
                context.join("Dockerfile").display()
            )
        })?;
        (p.display().to_string(), fs_err::read_to_string(&p)?)
    };
    let ignore = match &args.ignorefile {
        Some(p) => Some(p.clone()),
        None => [".containerignore", ".dockerignore"].iter().map(|n| context.join(n)).find(|p| p.is_file()),
    };
    let ignore = match ignore {
        Some(p) => Some((p.display().to_string(), fs_err::read_to_string(&p)?)),
        None => None,
    };
    // Build args: files first, then --build-arg.
    let mut build_args = BTreeMap::new();
    for f in &args.build_arg_file {
        read_arg_file(f, &mut build_args)?;
    }
    for a in &args.build_arg {
        match a.split_once('=') {
            Some((k, v)) => {
                build_args.insert(k.to_string(), v.to_string());
            }
            None => {
                if let Ok(v) = std::env::var(a) {
                    build_args.insert(a.clone(), v);
                }
            }
        }
    }
    let labels = args
        .label
        .iter()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    let format = match args.format.to_ascii_lowercase().as_str() {
        "oci" => Format::Oci,
        "docker" => Format::Docker,
        other => anyhow::bail!("unrecognized image type {other:?}: expected oci or docker"),
    };
    let network = match args.network.as_deref() {
        None | Some("host" | "default" | "private" | "pasta" | "slirp4netns") => Network::Host,
        Some("none") => Network::None,
        Some(other) => anyhow::bail!("unsupported --network {other:?}: build supports host and none"),
    };
    let mut secrets = BTreeMap::new();
    for s in &args.secret {
        let mut id = None;
        let mut src = None;
        for part in s.split(',') {
            match part.split_once('=') {
                Some(("id", v)) => id = Some(v.to_string()),
                Some(("src" | "source", v)) => src = Some(PathBuf::from(v)),
                Some(("type", "file")) => {}
                _ => anyhow::bail!("invalid --secret {s:?}: expected id=ID,src=PATH"),
            }
        }
        let id = id.with_context(|| format!("invalid --secret {s:?}: no id"))?;
        let src = src.unwrap_or_else(|| PathBuf::from(&id));
        let src = std::path::absolute(&src)
            .with_context(|| format!("invalid --secret source {}", src.display()))?;
        if !src.is_file() {
            anyhow::bail!("secret {id:?}: {} is not a file", src.display());
        }
        secrets.insert(id, src);
    }
    let timestamp = match args.timestamp {
        Some(t) => Some(t),
        None => match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(v) if !v.is_empty() => {
                Some(v.trim().parse().with_context(|| format!("invalid SOURCE_DATE_EPOCH {v:?}"))?)
            }
            _ => None,
        },
    };
    Ok(engine_build::Options {
        context: context.to_path_buf(),
        file,
        text,
        ignore,
        tags: args.tag.clone(),
        target: args.target.clone(),
        build_args,
        no_cache: args.no_cache || !layers(args),
        ulimits: args.ulimit.clone(),
        seccomp: seccomp(args)?,
        labels,
        format,
        network,
        secrets,
        timestamp,
        runtime: match &args.runtime {
            Some(r) => Some(r.clone()),
            None => containers_conf_runtime()?,
        },
        runtime_flags: args.runtime_flags.clone(),
        default_mounts: crate::engine::mounts_conf::read(args.default_mounts_file.as_deref())?,
        dns: dns(args)?,
        env: args
            .env
            .iter()
            .filter_map(|e| match e.split_once('=') {
                Some((k, v)) => Some((k.to_string(), v.to_string())),
                None => std::env::var(e).ok().map(|v| (e.clone(), v)),
            })
            .collect(),
        unset_env: args.unsetenv.clone(),
        build_unused_stages: !args.skip_unused_stages,
        jobs: match args.jobs {
            Some(0) => usize::MAX,
            Some(n) => n,
            None => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        },
        squash: match (args.squash, args.squash_all) {
            (_, true) => engine_build::Squash::All,
            (true, false) => engine_build::Squash::New,
            (false, false) => engine_build::Squash::No,
        },
    })
}

/// `--dns*`: checked as podman checks them (`--dns none` is podman's "no resolv.conf": the
/// host's is kept here).
fn dns(args: &Args) -> anyhow::Result<engine_build::Dns> {
    let mut servers = Vec::new();
    for s in &args.dns {
        if s == "none" {
            continue;
        }
        s.parse::<std::net::IpAddr>().map_err(|_| anyhow::anyhow!("{s} is not an ip address"))?;
        servers.push(s.clone());
    }
    Ok(engine_build::Dns { servers, search: args.dns_search.clone(), options: args.dns_option.clone() })
}

/// `[engine] runtime` of containers.conf (see [`crate::engine::containers_conf`]).
fn containers_conf_runtime() -> anyhow::Result<Option<String>> {
    Ok(crate::engine::containers_conf::get()?.engine.runtime.clone())
}

/// `--layers`, else $BUILDAH_LAYERS, else true.
fn layers(args: &Args) -> bool {
    args.layers.unwrap_or_else(|| {
        std::env::var("BUILDAH_LAYERS").ok().and_then(|v| parse_bool(&v).ok()).unwrap_or(true)
    })
}

fn seccomp(args: &Args) -> anyhow::Result<engine_build::Seccomp> {
    let mut seccomp = engine_build::Seccomp::Default;
    for o in &args.security_opt {
        match o.split_once(['=', ':']) {
            Some(("seccomp", "unconfined")) => seccomp = engine_build::Seccomp::Unconfined,
            Some(("seccomp", path)) => seccomp = engine_build::Seccomp::Profile(PathBuf::from(path)),
            Some(("label", _)) => {}
            _ => anyhow::bail!("unsupported --security-opt {o:?}: build supports seccomp=unconfined|PROFILE"),
        }
    }
    Ok(seccomp)
}

/// Sends this process's stdout and stderr (and so the RUN steps') to `path`.
fn redirect_output(path: &Path) -> anyhow::Result<()> {
    use std::os::fd::AsRawFd;
    let f = fs_err::OpenOptions::new().create(true).append(true).open(path)?;
    for target in [1, 2] {
        nix::unistd::dup2(f.as_raw_fd(), target)
            .with_context(|| format!("cannot write to {}", path.display()))?;
    }
    Ok(())
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let policy = pull_policy(&args)?;
    if let Some(f) = &args.registry.authfile {
        if !f.exists() {
            anyhow::bail!("credential file is not accessible: {}: no such file or directory", f.display());
        }
    }
    if let Some(path) = &args.logfile {
        redirect_output(path)?;
    }
    // `build -` : the Containerfile on stdin and an empty context.
    let mut stdin_text = None;
    let mut _empty_context = None;
    let context = match args.context.as_deref() {
        Some(p) if p == Path::new("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("cannot read the Containerfile from stdin")?;
            stdin_text = Some(text);
            let dir = tempfile_dir()?;
            let path = dir.clone();
            _empty_context = Some(EmptyDir(dir));
            path
        }
        Some(p) => p.to_path_buf(),
        // podman: with -f and no context, the Containerfile's directory is the context.
        None => match args.file.first().filter(|f| *f != "-") {
            Some(f) => Path::new(f)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
            None => PathBuf::from("."),
        },
    };
    let context = fs_err::canonicalize(&context).context("cannot use the build context")?;
    if !context.is_dir() {
        anyhow::bail!("the build context {} is not a directory", context.display());
    }
    if args.file.iter().any(|f| f == "-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("cannot read the Containerfile from stdin")?;
        stdin_text = Some(text);
    }
    let opts = options(&args, &context, stdin_text)?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let bases = Bases { ctx: &ctx, registry: &args.registry, policy, quiet: args.quiet, printer };
    let lines = Lines { printer, quiet: args.quiet };
    let built = match engine_build::build(&ctx, &store, &opts, &bases, &lines) {
        Ok(b) => b,
        Err(e) => {
            return Err(match e.exit_code() {
                Some(code) => WithExit { message: e.to_string(), exit: Exit::from_status(code) }.into(),
                None => e.into(),
            })
        }
    };
    if !args.quiet {
        printer.line(&format!("--> {}", &built.image.id[..11]));
        for n in &built.names {
            printer.line(&format!("Successfully tagged {n}"));
        }
    }
    if let Some(path) = &args.iidfile {
        fs_err::write(path, format!("sha256:{}", built.image.id))?;
    }
    if let Some(list) = &args.manifest {
        engine::manifests::add_built(&store, list, &built.image)?;
    }
    printer.line(&built.image.id);
    Ok(Exit::SUCCESS)
}
