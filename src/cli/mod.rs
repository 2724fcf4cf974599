//! The command line: clap types, resolved settings, one file per command, the printer, `--format`,
//! error and hint rendering, exit codes. The only module that prints.
//!
//! Order of start-up (see DESIGN.md): parse arguments, set up logging, resolve paths, join the user
//! namespace when the command touches storage (the process still has one thread), and only then
//! start tokio for the commands that need it.

pub mod args;
pub mod cobra;
pub mod commands;
pub mod complete;
pub mod diag;
pub mod exit;
pub mod format;
pub mod human;
pub mod printer;
pub mod tty;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::engine::{Context, StorageDriver};
pub use exit::Exit;

/// `--cgroup-manager`: podman's choice of who creates containers' cgroups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CgroupManager {
    Cgroupfs,
    Systemd,
}

/// Log verbosity for `--log-level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    /// (podman also spells it `warning`)
    #[value(alias = "warning")]
    Warn,
    /// (podman's `fatal` and `panic` log no more than errors here)
    #[value(alias = "fatal", alias = "panic")]
    Error,
}

/// A daemonless, rootless container tool, command-compatible with podman.
#[derive(Debug, Parser)]
#[command(name = "skiff", version, about, long_about = None, disable_version_flag = true)]
#[command(disable_help_subcommand = false, max_term_width = 100)]
// A repeated single-value flag takes its last value (`--name a --name b`), as podman's flag library does.
#[command(args_override_self = true)]
pub struct Cli {
    /// Persistent storage directory (images, layers, containers)
    #[arg(long, global = true, value_name = "PATH")]
    pub root: Option<PathBuf>,
    /// Run-time state directory (mounts, sockets, pids)
    #[arg(long, global = true, value_name = "PATH")]
    pub runroot: Option<PathBuf>,
    /// Directory for volumes (default: ROOT/volumes)
    #[arg(long, global = true, value_name = "PATH")]
    pub volumepath: Option<PathBuf>,
    /// Log messages at this level and above to stderr (default: warn)
    #[arg(long, global = true, value_enum)]
    pub log_level: Option<LogLevel>,
    /// Log at debug level (docker's `-D`; not together with --log-level)
    #[arg(long, short = 'D', global = true)]
    pub debug: bool,
    /// Who manages containers' cgroups: skiff always uses cgroupfs (a delegated cgroup, or
    /// none); systemd is accepted for podman's scripts and falls back to cgroupfs with a warning
    #[arg(long, global = true, value_enum, value_name = "MANAGER")]
    pub cgroup_manager: Option<CgroupManager>,
    /// Copy-on-write backend for container root filesystems (default: chosen automatically)
    #[arg(long, global = true, value_enum)]
    pub storage_driver: Option<StorageDriver>,
    /// A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build's RUN steps
    #[arg(long, global = true, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,
    /// The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default:
    /// containers.conf's [engine] runtime, else skiff's own)
    #[arg(long, global = true, value_name = "RUNTIME")]
    pub runtime: Option<String>,
    /// A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step
    /// (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)
    #[arg(long, global = true, value_name = "PATH")]
    pub default_mounts_file: Option<PathBuf>,
    /// Do not write to standard output (errors and messages on stderr still appear)
    #[arg(long, global = true)]
    pub noout: bool,
    /// Where events go: file (default: containers.conf's events_logger, else file) or none
    #[arg(long, global = true, value_name = "BACKEND")]
    pub events_backend: Option<String>,
    /// Print the version (as podman: `-v`)
    #[arg(short = 'v', long, action = clap::ArgAction::Version)]
    version: Option<bool>,
    /// podman's remote-service flags: skiff has no remote mode, so they are refused in one
    /// line, and not offered in --help
    #[arg(short = 'r', long, hide = true)]
    pub remote: bool,
    #[arg(long, value_name = "URL", hide = true)]
    pub url: Option<String>,
    #[arg(short = 'c', long, value_name = "NAME", hide = true)]
    pub connection: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per process: the size of the `run` variant (many flags) does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what this host allows, the id mappings, helpers and storage paths
    Info(commands::info::Args),
    /// Run a command inside skiff's user namespace (default: your shell)
    Unshare(commands::unshare::Args),
    /// Show version information
    Version(commands::version::Args),
    /// Show the events of containers, images, volumes, pods and networks
    Events(commands::events::Args),
    /// Run a command in a new container
    Run(commands::container::RunArgs),
    /// Attach to a running container's output, input and terminal
    Attach(commands::container::AttachArgs),
    /// Create a container without starting it (prints its id)
    Create(commands::container::CreateArgs),
    /// Start created or stopped containers
    Start(commands::container::StartArgs),
    /// Stop running containers (stop signal, then SIGKILL after a timeout)
    Stop(commands::container::StopArgs),
    /// Send a signal to running containers
    Kill(commands::container::KillArgs),
    /// Stop and start containers again
    Restart(commands::container::RestartArgs),
    /// Wait for containers to exit and print their exit codes
    Wait(commands::container::WaitArgs),
    /// Rename a container
    Rename(commands::container::RenameArgs),
    /// List containers
    Ps(commands::container::PsArgs),
    /// Remove containers
    Rm(commands::container::RmArgs),
    /// Show the output of containers
    Logs(commands::container::LogsArgs),
    /// Copy files between the host and a container (or a tar stream with -)
    Cp(commands::data::CpArgs),
    /// Show what a container changed in its image (A added, C changed, D deleted)
    Diff(commands::data::DiffArgs),
    /// Create an image from a container's changes
    Commit(commands::data::CommitArgs),
    /// Write a container's root filesystem as a tar archive
    Export(commands::data::ExportArgs),
    /// Create an image from a root filesystem tarball
    Import(commands::data::ImportArgs),
    /// Mount containers' root filesystems and print where (rootless: inside `skiff unshare`)
    Mount(commands::data::MountArgs),
    /// Unmount containers' root filesystems
    #[command(visible_alias = "umount")]
    Unmount(commands::data::UnmountArgs),
    /// Run a command in a running container
    Exec(commands::container::ExecArgs),
    /// Show the processes running in a container
    Top(commands::container::TopArgs),
    /// Run a container's healthcheck
    Healthcheck(commands::healthcheck::Args),
    /// List a container's published ports
    Port(commands::container::PortArgs),
    /// Show CPU, memory, pids, network and block I/O use of containers
    Stats(commands::stats::Args),
    /// Build an image from a Containerfile
    Build(commands::build::Args),
    /// Build images, as docker's buildx: build, prune
    #[command(subcommand, visible_alias = "builder")]
    Buildx(BuildxCommand),
    /// Pull images from a registry into local storage
    Pull(commands::pull::Args),
    /// List images in local storage
    Images(commands::images::Args),
    /// Remove images
    Rmi(commands::rmi::Args),
    /// Add names to an image
    Tag(commands::tag::TagArgs),
    /// Remove names from an image
    Untag(commands::tag::UntagArgs),
    /// Show the layers' history of an image
    History(commands::history::Args),
    /// Show details of containers or images
    Inspect(commands::inspect::AnyArgs),
    /// Save images to a docker-archive or oci-archive
    Save(commands::save::Args),
    /// Load images from a docker-archive or oci-archive
    Load(commands::load::Args),
    /// Push an image to a registry
    Push(commands::push::Args),
    /// Log in to a registry (checks the credentials, then stores them)
    Login(commands::login::LoginArgs),
    /// Remove the stored credentials of a registry
    Logout(commands::login::LogoutArgs),
    /// Manage containers
    #[command(subcommand)]
    Container(ContainerCommand),
    /// Manage images
    #[command(subcommand)]
    Image(ImageCommand),
    /// Manage skiff itself: disk usage, pruning unused data, resetting all state
    #[command(subcommand)]
    System(commands::system::SystemCommand),
    /// Manage volumes: create, ls, inspect, rm, prune, exists
    #[command(subcommand)]
    Volume(commands::volume::VolumeCommand),
    /// Manage secrets: create, ls, inspect, rm
    #[command(subcommand)]
    Secret(commands::secret::SecretCommand),
    /// Manage manifest lists (image indexes): create, add, inspect, push, rm
    #[command(subcommand)]
    Manifest(commands::manifest::ManifestCommand),
    /// Manage networks: create, ls, inspect, rm, prune, exists, connect, disconnect
    #[command(subcommand)]
    Network(commands::network::NetworkCommand),
    /// Generate systemd units for containers
    #[command(subcommand)]
    Generate(commands::generate::GenerateCommand),
    /// Turn Quadlet .container/.volume/.network files into systemd units (a user generator)
    Quadlet(commands::quadlet::Args),
    /// Manage pods: create, start, stop, restart, kill, rm, ps, inspect, exists, prune, top, logs
    #[command(subcommand)]
    Pod(commands::pod::PodCommand),
    /// Print a shell completion script
    Completion(commands::completion::Args),
    /// Write completions/ and man/ from the command definitions (for maintainers)
    #[command(name = "generate-docs", hide = true)]
    GenerateDocs(commands::completion::DocsArgs),
    /// Run an OCI bundle in the foreground with the built-in or an external runtime (for tests)
    #[command(name = "oci-run", hide = true)]
    OciRun(commands::oci::Args),
    /// Supervise one container: its stdio, log, attach socket, signals and exit (internal)
    #[command(name = "supervisor", hide = true)]
    Supervisor(commands::supervisor::SupervisorArgs),
    /// Start an OCI bundle under a detached supervisor, then attach or print its pid (for tests)
    #[command(name = "oci-start", hide = true)]
    OciStart(commands::supervisor::StartArgs),
    /// Record a container's exit, unmount it and remove it with --rm (run by the supervisor)
    #[command(name = "container-cleanup", hide = true)]
    ContainerCleanup(commands::container::CleanupArgs),
    /// Hold the rootless network namespace of user-defined networks while containers use it (internal)
    #[command(name = "rootless-netns", hide = true)]
    RootlessNetns(commands::network::HolderArgs),
    /// Serve a container's fuse-overlay root filesystem until it is unmounted (internal)
    #[command(name = "fuse-overlay-serve", hide = true)]
    FuseOverlayServe(commands::fuse_serve::Args),
}

/// `skiff container ...`: the same commands as the top-level ones, as in podman.
#[derive(Debug, Subcommand)]
pub enum ContainerCommand {
    /// List containers
    #[command(name = "list", visible_aliases = ["ls", "ps"])]
    Ls(commands::container::PsArgs),
    /// Run a command in a new container
    Run(commands::container::RunArgs),
    /// Create a container without starting it (prints its id)
    Create(commands::container::CreateArgs),
    /// Start created or stopped containers
    Start(commands::container::StartArgs),
    /// Stop running containers (stop signal, then SIGKILL after a timeout)
    Stop(commands::container::StopArgs),
    /// Send a signal to running containers
    Kill(commands::container::KillArgs),
    /// Stop and start containers again
    Restart(commands::container::RestartArgs),
    /// Remove containers
    Rm(commands::container::RmArgs),
    /// Show the output of containers
    Logs(commands::container::LogsArgs),
    /// Show details of containers
    Inspect(commands::container::InspectArgs),
    /// Wait for containers to exit and print their exit codes
    Wait(commands::container::WaitArgs),
    /// Rename a container
    Rename(commands::container::RenameArgs),
    /// Exit 0 if the container exists, 1 if not
    Exists(commands::container::ExistsArgs),
    /// Remove all containers that are not running
    Prune(commands::container::PruneArgs),
    /// Attach to a running container's output, input and terminal
    Attach(commands::container::AttachArgs),
    /// Run a command in a running container
    Exec(commands::container::ExecArgs),
    /// Show the processes running in a container
    Top(commands::container::TopArgs),
    /// List a container's published ports
    Port(commands::container::PortArgs),
    /// Show CPU, memory, pids, network and block I/O use of containers
    Stats(commands::stats::Args),
    /// Copy files between the host and a container (or a tar stream with -)
    Cp(commands::data::CpArgs),
    /// Show what a container changed in its image (A added, C changed, D deleted)
    Diff(commands::data::DiffArgs),
    /// Create an image from a container's changes
    Commit(commands::data::CommitArgs),
    /// Write a container's root filesystem as a tar archive
    Export(commands::data::ExportArgs),
    /// Mount containers' root filesystems and print where (rootless: inside `skiff unshare`)
    Mount(commands::data::MountArgs),
    /// Unmount containers' root filesystems
    #[command(visible_alias = "umount")]
    Unmount(commands::data::UnmountArgs),
    /// Run (or --display) the command an image's label describes (e.g. INSTALL)
    Runlabel(commands::container::RunlabelArgs),
}

/// `skiff image ...`: the same commands as the top-level ones, as in podman.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Build an image from a Containerfile
    Build(commands::build::Args),
    /// Pull images from a registry into local storage
    Pull(commands::pull::Args),
    /// List images in local storage
    #[command(name = "list", visible_alias = "ls")]
    Ls(commands::images::Args),
    /// Remove images
    Rm(commands::rmi::Args),
    /// Add names to an image
    Tag(commands::tag::TagArgs),
    /// Remove names from an image
    Untag(commands::tag::UntagArgs),
    /// Show the layers' history of an image
    History(commands::history::Args),
    /// Show details of images
    Inspect(commands::inspect::Args),
    /// Remove images without a name (with -a: all images)
    Prune(commands::image::PruneArgs),
    /// Exit 0 if the image is in local storage, 1 if not
    Exists(commands::image::ExistsArgs),
    /// Show an image's layers as a tree (with --whatrequires: what is built on it)
    Tree(commands::image_tree::Args),
    /// Save images to a docker-archive or oci-archive
    Save(commands::save::Args),
    /// Load images from a docker-archive or oci-archive
    Load(commands::load::Args),
    /// Push an image to a registry
    Push(commands::push::Args),
}

/// `skiff buildx ...` (also `builder`): docker buildx's commands, as podman has them.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum BuildxCommand {
    /// Build an image from a Containerfile (as `skiff build`; `--load` is accepted)
    Build(commands::build::Args),
    /// Remove images without a name (with -a: all images), as `skiff image prune`
    Prune(commands::image::PruneArgs),
}

/// The entry point used by `src/main.rs`.
pub fn main() -> ExitCode {
    if let Some(code) = commands::supervisor::early_main() {
        return code;
    }
    if let Some(code) = init_main() {
        return code;
    }
    if let Some(code) = commands::quadlet::generator_main() {
        return code;
    }
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let prog = cobra::program_name(argv.first());
    let words: Vec<String> = argv.iter().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    if let Some(code) = complete::main(&words) {
        return code;
    }
    let root = cobra::command();
    if let Some(text) = cobra::help_command(&root, &words, &prog) {
        printer::Printer::new().out(&text);
        return ExitCode::SUCCESS;
    }
    let parsed = root.clone().try_get_matches_from(&argv).and_then(|m| {
        use clap::FromArgMatches;
        Cli::from_arg_matches(&m)
    });
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return parse_error(&root, &words, &e, &prog),
    };
    if cli.debug && cli.log_level.is_some() {
        printer::Printer::new().error("Setting --log-level and --debug is not allowed");
        return ExitCode::from(1);
    }
    let level = if cli.debug { LogLevel::Debug } else { cli.log_level.unwrap_or(LogLevel::Warn) };
    init_logging(level);
    tracing::info!("skiff filtering at log level {}", level.name());
    tracing::debug!("Called with {:?}", std::env::args().collect::<Vec<_>>());
    let mut printer = printer::Printer::new();
    printer.set_noout(cli.noout);
    let exit = match run(cli, &printer) {
        Ok(exit) => exit,
        Err(err) => diag::report(&printer, &err),
    };
    ExitCode::from(exit.code() as u8)
}

/// Help and version on stdout (exit 0); a usage error in cobra's words on stderr (exit 125).
fn parse_error(root: &clap::Command, words: &[String], e: &clap::Error, prog: &str) -> ExitCode {
    let printer = printer::Printer::new();
    match e.kind() {
        clap::error::ErrorKind::DisplayHelp => {
            printer.out(&cobra::help_text(&cobra::walk(root, words), prog));
            return ExitCode::SUCCESS;
        }
        clap::error::ErrorKind::DisplayVersion => {
            printer.line(&format!("{prog} version {}", env!("CARGO_PKG_VERSION")));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    if let Some(level) = bad_log_level(e) {
        // podman's words and exit code (1) for a log level it does not know.
        printer.error(&format!(
            "Log Level \"{level}\" is not supported, choose from: trace, debug, info, warn, warning, error, fatal, panic"
        ));
        return ExitCode::from(1);
    }
    // As cobra: a flag error comes first, then `--help`, then the count of arguments.
    let walk = cobra::walk(root, words);
    let asks_help = walk.flags.iter().any(|f| f == "--help")
        || (walk.flags.iter().any(|f| f == "-h")
            && cobra::find_short(walk.cmd(), 'h').is_some_and(|a| a.get_id() == "help"));
    let about_arguments = matches!(
        e.kind(),
        clap::error::ErrorKind::MissingRequiredArgument
            | clap::error::ErrorKind::TooManyValues
            | clap::error::ErrorKind::WrongNumberOfValues
            | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | clap::error::ErrorKind::MissingSubcommand
    ) || (e.kind() == clap::error::ErrorKind::UnknownArgument
        && matches!(e.get(clap::error::ContextKind::InvalidArg), Some(clap::error::ContextValue::String(a)) if !a.starts_with('-')));
    if asks_help && about_arguments {
        printer.out(&cobra::help_text(&walk, prog));
        return ExitCode::SUCCESS;
    }
    let usage = cobra::usage_error(root, words, e, prog);
    if let Some(help) = usage.help {
        printer.out(&help);
    }
    printer.error(&usage.message);
    ExitCode::from(Exit::SKIFF_ERROR.code() as u8)
}

/// Runs skiff's `--init` (see [`crate::engine::init`]) when started under its name.
fn init_main() -> Option<ExitCode> {
    let mut args = std::env::args_os();
    if !crate::engine::init::is_init(&args.next()?) {
        return None;
    }
    let code = match crate::engine::init::run(args.collect()) {
        Ok(code) => code,
        Err(e) => {
            let printer = printer::Printer::new();
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}")).unwrap_or_default();
            printer.error(&format!("{}: {e}{cause}", crate::engine::init::NAME));
            e.exit_code()
        }
    };
    Some(ExitCode::from(code as u8))
}

impl LogLevel {
    fn name(self) -> &'static str {
        match self {
            LogLevel::Trace => "trace",
            LogLevel::Debug => "debug",
            LogLevel::Info => "info",
            LogLevel::Warn => "warn",
            LogLevel::Error => "error",
        }
    }
}

/// The value of a `--log-level` that clap refused, if that is what `e` is about.
fn bad_log_level(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    if e.kind() != clap::error::ErrorKind::InvalidValue {
        return None;
    }
    let arg = match e.get(ContextKind::InvalidArg)? {
        ContextValue::String(s) => s.clone(),
        _ => return None,
    };
    if !arg.starts_with("--log-level") {
        return None;
    }
    match e.get(ContextKind::InvalidValue)? {
        ContextValue::String(v) => Some(v.clone()),
        _ => None,
    }
}

/// Log lines as podman (logrus) writes them: `time="..." level=debug msg="..."`, to stderr.
fn init_logging(level: LogLevel) {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(format!("skiff={}", level.name())))
        .with_writer(std::io::stderr)
        .event_format(LogrusFormat)
        .try_init();
}

/// logrus's text format: `time="RFC3339" level=LEVEL msg="MESSAGE"` (other fields as `key=value`).
struct LogrusFormat;

impl<S, N> tracing_subscriber::fmt::FormatEvent<S, N> for LogrusFormat
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    N: for<'a> tracing_subscriber::fmt::FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _ctx: &tracing_subscriber::fmt::FmtContext<'_, S, N>,
        mut writer: tracing_subscriber::fmt::format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        struct Fields(String, Vec<(String, String)>);
        impl tracing::field::Visit for Fields {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                if field.name() == "message" {
                    self.0 = format!("{value:?}");
                } else {
                    self.1.push((field.name().to_string(), format!("{value:?}")));
                }
            }
        }
        let mut fields = Fields(String::new(), Vec::new());
        event.record(&mut fields);
        let level = match *event.metadata().level() {
            tracing::Level::TRACE => "trace",
            tracing::Level::DEBUG => "debug",
            tracing::Level::INFO => "info",
            tracing::Level::WARN => "warning",
            tracing::Level::ERROR => "error",
        };
        let time = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        write!(writer, "time={time:?} level={level} msg={:?}", fields.0)?;
        for (k, v) in fields.1 {
            write!(writer, " {k}={v}")?;
        }
        writeln!(writer)
    }
}

fn run(cli: Cli, printer: &printer::Printer) -> anyhow::Result<Exit> {
    if cli.remote || cli.url.is_some() || cli.connection.is_some() {
        anyhow::bail!("skiff has no remote mode: --remote, --url and --connection are not supported");
    }
    if cli.cgroup_manager == Some(CgroupManager::Systemd) {
        printer
            .warn("--cgroup-manager=systemd: skiff does not create cgroups through systemd; using cgroupfs");
    }
    // podman checks the runtime it is given before any command.
    if let Some(rt) = cli.runtime.as_deref().filter(|r| *r != "builtin") {
        crate::engine::config::check_runtime(rt).map_err(|e| anyhow::anyhow!("default {e}"))?;
    }
    if let Some(dir) = cli.volumepath {
        crate::engine::volumes::set_volume_path(dir);
    }
    // storage.conf's driver applies unless --storage-driver says otherwise, as in podman.
    let storage_driver = cli.storage_driver.or_else(|| crate::engine::storage_conf::load().forced_driver());
    let ctx = Context::resolve(cli.root, cli.runroot, storage_driver);
    crate::engine::events::init(&ctx.paths.run_root, cli.events_backend.as_deref())?;
    match cli.command {
        Command::Info(a) => commands::info::run(a, &ctx, printer),
        Command::Unshare(a) => commands::unshare::run(a, ctx, printer),
        Command::Version(a) => commands::version::run(a, printer),
        Command::Events(a) => commands::events::run(a, printer),
        Command::Build(mut a)
        | Command::Image(ImageCommand::Build(mut a))
        | Command::Buildx(BuildxCommand::Build(mut a)) => {
            a.runtime_flags = cli.runtime_flag;
            if a.runtime.is_none() {
                a.runtime = cli.runtime;
            }
            a.default_mounts_file = cli.default_mounts_file;
            commands::build::run(a, ctx, printer)
        }
        Command::Buildx(BuildxCommand::Prune(a)) => commands::image::prune(a, ctx, printer),
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => commands::pull::run(a, ctx, printer),
        Command::Images(a) | Command::Image(ImageCommand::Ls(a)) => commands::images::run(a, ctx, printer),
        Command::Rmi(a) | Command::Image(ImageCommand::Rm(a)) => commands::rmi::run(a, ctx, printer),
        Command::Tag(a) | Command::Image(ImageCommand::Tag(a)) => commands::tag::tag(a, ctx, printer),
        Command::Untag(a) | Command::Image(ImageCommand::Untag(a)) => commands::tag::untag(a, ctx, printer),
        Command::History(a) | Command::Image(ImageCommand::History(a)) => {
            commands::history::run(a, ctx, printer)
        }
        Command::Inspect(a) => commands::inspect::run_any(a, ctx, printer),
        Command::Image(ImageCommand::Inspect(a)) => commands::inspect::run(a, ctx, printer),
        Command::Save(a) | Command::Image(ImageCommand::Save(a)) => commands::save::run(a, ctx, printer),
        Command::Load(a) | Command::Image(ImageCommand::Load(a)) => commands::load::run(a, ctx, printer),
        Command::Push(a) | Command::Image(ImageCommand::Push(a)) => commands::push::run(a, ctx, printer),
        Command::Login(a) => commands::login::login(a, ctx, printer),
        Command::Logout(a) => commands::login::logout(a, ctx, printer),
        Command::Image(ImageCommand::Prune(a)) => commands::image::prune(a, ctx, printer),
        Command::Image(ImageCommand::Exists(a)) => commands::image::exists(a, ctx, printer),
        Command::Image(ImageCommand::Tree(a)) => commands::image_tree::run(a, ctx, printer),
        Command::System(c) => commands::system::run(c, ctx, printer),
        Command::Volume(c) => commands::volume::run(c, ctx, printer),
        Command::Network(c) => commands::network::run(c, ctx, printer),
        Command::Secret(c) => commands::secret::run(c, ctx, printer),
        Command::Manifest(c) => commands::manifest::run(c, ctx, printer),
        Command::Pod(c) => commands::pod::run(c, ctx, printer),
        Command::RootlessNetns(a) => commands::network::holder(a, ctx, printer),
        Command::Generate(c) => commands::generate::run(c, ctx, printer),
        Command::Quadlet(a) => commands::quadlet::run(a, printer),
        Command::Completion(a) => commands::completion::run(a, printer),
        Command::GenerateDocs(a) => commands::completion::generate_docs(a, printer),
        Command::OciRun(a) => commands::oci::run(a, ctx, printer),
        Command::Supervisor(a) => commands::supervisor::supervise(a),
        Command::OciStart(a) => commands::supervisor::start(a, ctx, printer),
        Command::Attach(a) | Command::Container(ContainerCommand::Attach(a)) => {
            commands::container::attach(a, ctx, printer)
        }
        Command::Cp(a) | Command::Container(ContainerCommand::Cp(a)) => commands::data::cp(a, ctx, printer),
        Command::Diff(a) | Command::Container(ContainerCommand::Diff(a)) => {
            commands::data::diff(a, ctx, printer)
        }
        Command::Commit(a) | Command::Container(ContainerCommand::Commit(a)) => {
            commands::data::commit(a, ctx, printer)
        }
        Command::Export(a) | Command::Container(ContainerCommand::Export(a)) => {
            commands::data::export(a, ctx, printer)
        }
        Command::Import(a) => commands::data::import(a, ctx, printer),
        Command::Mount(a) | Command::Container(ContainerCommand::Mount(a)) => {
            commands::data::mount(a, ctx, printer)
        }
        Command::Unmount(a) | Command::Container(ContainerCommand::Unmount(a)) => {
            commands::data::unmount(a, ctx, printer)
        }
        Command::Run(mut a) | Command::Container(ContainerCommand::Run(mut a)) => {
            global_container_options(
                &mut a.create,
                cli.runtime,
                &cli.runtime_flag,
                cli.default_mounts_file.as_deref(),
            )?;
            commands::container::run(a, ctx, printer)
        }
        Command::Ps(a) | Command::Container(ContainerCommand::Ls(a)) => {
            commands::container::ps(a, ctx, printer)
        }
        Command::Rm(a) | Command::Container(ContainerCommand::Rm(a)) => {
            commands::container::rm(a, ctx, printer)
        }
        Command::Logs(a) | Command::Container(ContainerCommand::Logs(a)) => {
            commands::container::logs(a, ctx, printer)
        }
        Command::Create(mut a) | Command::Container(ContainerCommand::Create(mut a)) => {
            global_container_options(
                &mut a,
                cli.runtime,
                &cli.runtime_flag,
                cli.default_mounts_file.as_deref(),
            )?;
            commands::container::create(a, ctx, printer)
        }
        Command::Start(a) | Command::Container(ContainerCommand::Start(a)) => {
            commands::container::start_cmd(a, ctx, printer)
        }
        Command::Stop(a) | Command::Container(ContainerCommand::Stop(a)) => {
            commands::container::stop(a, ctx, printer)
        }
        Command::Kill(a) | Command::Container(ContainerCommand::Kill(a)) => {
            commands::container::kill(a, ctx, printer)
        }
        Command::Restart(a) | Command::Container(ContainerCommand::Restart(a)) => {
            commands::container::restart(a, ctx, printer)
        }
        Command::Wait(a) | Command::Container(ContainerCommand::Wait(a)) => {
            commands::container::wait(a, ctx, printer)
        }
        Command::Rename(a) | Command::Container(ContainerCommand::Rename(a)) => {
            commands::container::rename(a, ctx, printer)
        }
        Command::Container(ContainerCommand::Inspect(a)) => commands::container::inspect(a, ctx, printer),
        Command::Container(ContainerCommand::Exists(a)) => commands::container::exists(a, ctx, printer),
        Command::Container(ContainerCommand::Prune(a)) => commands::container::prune(a, ctx, printer),
        Command::Container(ContainerCommand::Runlabel(a)) => commands::container::runlabel(a, ctx, printer),
        Command::Exec(a) | Command::Container(ContainerCommand::Exec(a)) => {
            commands::container::exec(a, ctx, printer)
        }
        Command::Top(a) | Command::Container(ContainerCommand::Top(a)) => {
            commands::container::top(a, ctx, printer)
        }
        Command::Port(a) | Command::Container(ContainerCommand::Port(a)) => {
            commands::container::port(a, ctx, printer)
        }
        Command::Healthcheck(a) => commands::healthcheck::run(a, ctx, printer),
        Command::Stats(a) | Command::Container(ContainerCommand::Stats(a)) => {
            commands::stats::run(a, ctx, printer)
        }
        Command::ContainerCleanup(a) => commands::container::cleanup(a, ctx, printer),
        Command::FuseOverlayServe(a) => commands::fuse_serve::run(a),
    }
}

/// The global `--runtime` (unless `run`'s own is given) and the default mounts of mounts.conf
/// (each an overlay on its source, so what the container writes there is dropped, as podman's
/// copy is; a destination the user mounts something on is left to that mount).
fn global_container_options(
    a: &mut commands::container::CreateArgs,
    runtime: Option<String>,
    runtime_flags: &[String],
    mounts_file: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    if a.config.runtime.is_none() {
        a.config.runtime = runtime;
    }
    // `--runtime-flag`: the built-in runtime takes the common logging flags (and ignores them)
    // and refuses others as runc and crun do (exit 126); external runtimes of containers do not
    // get them yet, which is said rather than ignored.
    if !runtime_flags.is_empty() {
        match a.config.runtime.as_deref().filter(|r| *r != "builtin") {
            None => {
                if let Some(flag) = crate::engine::build::root::builtin_flags_unknown(runtime_flags) {
                    return Err(diag::WithExit {
                        message: format!("the built-in runtime has no global flag {flag}"),
                        exit: Exit::CANNOT_EXECUTE,
                    }
                    .into());
                }
            }
            Some(rt) => anyhow::bail!(
                "--runtime-flag is not passed to the runtime {rt} of a container yet (only to build's RUN steps)"
            ),
        }
    }
    for m in crate::engine::mounts_conf::read(mounts_file)? {
        let taken = |v: &String| {
            v.split(':').nth(1) == Some(m.destination.as_str())
                || v.split(',').any(|kv| {
                    kv.split_once('=').is_some_and(|(k, v)| {
                        ["dst", "destination", "target"].contains(&k) && v == m.destination
                    })
                })
        };
        if a.volumes.volume.iter().any(taken) || a.volumes.mount.iter().any(taken) {
            continue;
        }
        let opts = if m.source.is_dir() { "O" } else { "ro" };
        a.volumes.volume.push(format!("{}:{}:{opts}", m.source.display(), m.destination));
    }
    Ok(())
}

/// Enters the storage namespace for a command that touches the store, printing the single-id
/// warning once per store.
pub fn enter(ctx: &mut Context, printer: &printer::Printer) -> anyhow::Result<()> {
    let single = ctx.enter()?;
    if single && ctx.single_id_warning_due() {
        let (u, g) = ctx.identity.suggested_lines();
        printer.warn(&format!(
            "user {} has no subordinate ids: only your own uid is mapped, and files owned by other ids in images are squashed to root; add \"{u}\" to /etc/subuid and \"{g}\" to /etc/subgid",
            ctx.identity.user
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_runtime_and_mounts_file_go_before_or_after_the_command() {
        let cli =
            Cli::try_parse_from(["skiff", "--runtime", "runc", "--default-mounts-file", "/m", "build", "."])
                .unwrap();
        assert_eq!(cli.runtime.as_deref(), Some("runc"));
        assert_eq!(cli.default_mounts_file.as_deref(), Some(std::path::Path::new("/m")));
        let cli = Cli::try_parse_from(["skiff", "ps", "--runtime=crun"]).unwrap();
        assert_eq!(cli.runtime.as_deref(), Some("crun"));
        // run's own --runtime is still run's.
        let cli = Cli::try_parse_from(["skiff", "run", "--runtime", "/x/rt", "img"]).unwrap();
        let Command::Run(a) = cli.command else { panic!("run") };
        assert_eq!(a.create.config.runtime.as_deref(), Some("/x/rt"));
        let cli = Cli::try_parse_from(["skiff", "buildx", "build", "--load", "-t", "a", "."]).unwrap();
        assert!(matches!(cli.command, Command::Buildx(BuildxCommand::Build(_))));
    }
}
