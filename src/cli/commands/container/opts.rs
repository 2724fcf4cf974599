//! The options of every command that creates a container (`run`, `create`): [`CreateArgs`], and
//! turning them into a stored container ([`create_container`]).
//!
//! Groups of flags that belong to one concern live in their own `clap::Args` struct, flattened
//! into [`CreateArgs`], with the code that gives them meaning next to them.

use std::sync::Arc;

use anyhow::Context as _;

use crate::cli::args::RegistryOpts;
use crate::cli::printer::Printer;
use crate::engine::containers::{self, CreateOptions, RunOptions};
use crate::engine::{self, ContainerRecord, Context, Store};

/// `--pull`: when `run` pulls the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PullPolicy {
    /// Pull only when the image is not in local storage
    Missing,
    /// Always pull
    Always,
    /// Never pull; fail when the image is not in local storage
    Never,
}

/// `--systemd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SystemdArg {
    True,
    False,
    Always,
}

impl From<SystemdArg> for engine::systemd::Mode {
    fn from(a: SystemdArg) -> Self {
        match a {
            SystemdArg::True => engine::systemd::Mode::True,
            SystemdArg::False => engine::systemd::Mode::False,
            SystemdArg::Always => engine::systemd::Mode::Always,
        }
    }
}

/// What `run` and `create` share.
#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Name the container (default: a random adjective_noun)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Set an environment variable (KEY=VALUE, or KEY to take this environment's value)
    #[arg(short = 'e', long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Working directory inside the container
    #[arg(short = 'w', long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Run as USER[:GROUP] (name or number)
    #[arg(short = 'u', long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Override the image's entrypoint (a command, or a JSON array; "" clears it)
    #[arg(long, value_name = "CMD")]
    pub entrypoint: Option<String>,
    /// Keep stdin open and forward it to the container (`-i=false` as podman takes it)
    #[arg(short, long, num_args = 0..=1, require_equals = true, default_value = "false",
          default_missing_value = "true", value_name = "BOOL", action = clap::ArgAction::Set)]
    pub interactive: bool,
    #[command(flatten)]
    pub tty: super::tty_args::TtyArgs,
    /// With --name: remove an existing container of that name first, stopping it if it runs
    #[arg(long, requires = "name")]
    pub replace: bool,
    /// Pull the image: missing, always or never
    #[arg(long, value_enum, default_value = "missing", value_name = "POLICY")]
    pub pull: PullPolicy,
    #[command(flatten)]
    pub registry: RegistryOpts,
    #[command(flatten)]
    pub volumes: super::volume_args::VolumeArgs,
    #[command(flatten)]
    pub config: Box<super::config_args::ConfigArgs>,
    #[command(flatten)]
    pub network: super::network_args::NetworkArgs,
    #[command(flatten)]
    pub service: super::service_args::ServiceArgs,
    #[command(flatten)]
    pub userns: super::userns_args::UsernsArgs,
    #[command(flatten)]
    pub namespaces: super::ns_args::NamespaceArgs,
    #[command(flatten)]
    pub run_config: super::run_args::RunConfigArgs,
    /// Run systemd as the container's init: true (when the command is systemd or /sbin/init),
    /// false, or always; it gets tmpfs on /run, /run/lock, /tmp and /var/log/journal, a writable
    /// cgroup, container=podman and container_uuid, and SIGRTMIN+3 as stop signal
    #[arg(long, value_enum, default_value = "true", value_name = "MODE")]
    pub systemd: SystemdArg,
    /// The image to run
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// The command and its arguments (default: the image's)
    #[arg(value_name = "COMMAND", trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

fn parse_entrypoint(text: &str) -> anyhow::Result<Vec<String>> {
    if text.trim_start().starts_with('[') {
        return serde_json::from_str(text).with_context(|| format!("invalid --entrypoint {text:?}"));
    }
    Ok(if text.is_empty() { Vec::new() } else { vec![text.to_string()] })
}

/// Pulls the image if the policy says so, then creates the container (state `Created`, bundle
/// written). On error nothing is left.
pub fn create_container(
    args: &CreateArgs,
    ctx: &Context,
    store: &Arc<Store>,
    printer: &Printer,
) -> anyhow::Result<ContainerRecord> {
    let config = args.config.resolve()?;
    let userns = args.userns.resolve(ctx)?;
    let run_config = args.run_config.resolve(printer, ctx.rootless)?;
    let mut namespaces = args.namespaces.resolve()?;
    let mut with = CreateOptions { name: args.name.clone(), rm: args.rm, ..Default::default() };
    args.volumes.apply(&mut with)?;
    args.service.apply(&mut with)?;
    let present = match engine::images::lookup(store, &args.image) {
        _ if super::super::pull::archive_transport(&args.image).is_some() => false,
        Ok(_) => true,
        Err(engine::Error::ImageNotKnown { .. }) => false,
        Err(e) => return Err(e.into()),
    };
    let image_text = if args.pull == PullPolicy::Always || (!present && args.pull == PullPolicy::Missing) {
        super::pull_image(ctx, store, &args.registry, &args.image, printer)?
    } else {
        args.image.clone()
    };
    let mut opts = RunOptions {
        entrypoint: args.entrypoint.as_deref().map(parse_entrypoint).transpose()?,
        command: args.command.clone(),
        env: args.env.clone(),
        workdir: args.workdir.clone(),
        user: args.user.clone(),
        tty: args.tty.tty,
        ..Default::default()
    };
    if let (true, Some(name)) = (args.replace, &args.name) {
        // After the pull: an image that cannot be had leaves the old container in place.
        engine::images::lookup(store, &image_text)?;
        engine::remove::replace(ctx, store, name)?;
    }
    with.interactive = args.interactive;
    with.systemd = args.systemd.into();
    config.apply(&mut opts, &mut with);
    userns.apply(&mut opts);
    engine::namespaces::resolve(store, &mut namespaces, opts.hostname.as_deref())?;
    opts.namespaces = namespaces;
    run_config.apply(&mut opts, &mut with);
    with.secrets = engine::secrets::resolve(ctx, run_config.secrets())?;
    opts.env.extend(with.secrets.env.iter().cloned());
    // Before the network is prepared: a missing container leaves nothing behind.
    let taken: Vec<String> = with
        .mounts
        .iter()
        .map(|m| m.destination.clone())
        .chain(opts.tmpfs.iter().map(|t| t.split(':').next().unwrap_or_default().to_string()))
        .collect();
    let from = engine::volumes::volumes_from(ctx, store, &args.volumes.volumes_from, &taken)?;
    with.mounts.extend(from);
    let mut request = args.network.request();
    super::run_args::discard_ports(&mut request, printer);
    let network = engine::network::prepare(&request, ctx, store, &image_text, &mut opts)
        .map_err(super::network_error)?;
    with.network = Some(network);
    let rec = containers::create(ctx, store, &image_text, opts, with)?;
    run_config.created(&rec.id)?;
    // For `generate systemd --new`.
    engine::units::save_create_command(store, &rec.id, &std::env::args().collect::<Vec<_>>());
    Ok(rec)
}
