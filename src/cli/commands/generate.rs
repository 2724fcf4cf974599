//! `skiff generate systemd`: a systemd service unit for a container, as podman 4.3 writes it
//! (see [`crate::engine::units::generate`]).

use std::collections::BTreeMap;

use anyhow::Context as _;
use clap::{Args as _, CommandFactory};

use crate::cli::{printer::Printer, Exit};
use crate::engine::units::{self, generate};
use crate::engine::{self, containers, Context};

/// `skiff generate ...`.
#[derive(Debug, clap::Subcommand)]
pub enum GenerateCommand {
    /// Write a systemd service unit that starts (or, with --new, recreates) a container
    Systemd(SystemdArgs),
}

fn parse_bool(s: &str) -> Result<bool, String> {
    crate::engine::units::unit_file::parse_bool(s).ok_or_else(|| format!("{s:?} is not true or false"))
}

#[derive(Debug, clap::Args)]
pub struct SystemdArgs {
    /// Create a new container on each start (from the command line that created this one) and
    /// remove it on stop, instead of starting and stopping this container (default: false, true
    /// with --template)
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = parse_bool)]
    pub new: Option<bool>,
    /// Name the unit and its commands by the container's name instead of its id
    #[arg(short, long)]
    pub name: bool,
    /// Write the unit to CONTAINER_PREFIX-NAME.service in the current directory and print its path
    #[arg(short, long)]
    pub files: bool,
    /// Format: json prints {"unit name": "unit text"}
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Restart= of the unit: no, on-success, on-failure, on-abnormal, on-watchdog, on-abort or
    /// always (default: the container's --restart policy, else on-failure)
    #[arg(long, value_name = "POLICY")]
    pub restart_policy: Option<String>,
    /// RestartSec= of the unit, seconds
    #[arg(long, value_name = "SECONDS")]
    pub restart_sec: Option<u64>,
    /// Seconds between the stop signal and SIGKILL (default: the container's stop timeout, 10)
    #[arg(short = 't', long = "time", visible_alias = "stop-timeout", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// TimeoutStartSec= of the unit, seconds
    #[arg(long, value_name = "SECONDS")]
    pub start_timeout: Option<u64>,
    /// A template unit (NAME@.service): each instance runs its own container (implies --new)
    #[arg(long)]
    pub template: bool,
    /// No comment lines at the top
    #[arg(long)]
    pub no_header: bool,
    /// The unit name's prefix
    #[arg(long, default_value = "container", value_name = "PREFIX")]
    pub container_prefix: String,
    /// Between the prefix and the name
    #[arg(long, default_value = "-", value_name = "SEPARATOR")]
    pub separator: String,
    /// Environment= of the unit: KEY=VALUE, or KEY for this environment's value (left out when
    /// unset)
    #[arg(short = 'e', long = "env", value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Wants= of the unit
    #[arg(long, value_name = "UNIT")]
    pub wants: Vec<String>,
    /// After= of the unit
    #[arg(long, value_name = "UNIT")]
    pub after: Vec<String>,
    /// Requires= of the unit
    #[arg(long, value_name = "UNIT")]
    pub requires: Vec<String>,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// The options of `run` that take a value (`--name`, `-e`), for reading stored command lines.
pub fn run_option_takes_value() -> impl Fn(&str) -> bool {
    let cmd = super::container::RunArgs::augment_args(clap::Command::new("run"));
    let mut with_value: Vec<String> = Vec::new();
    for a in cmd.get_arguments() {
        // `--tty[=BOOL]`: a value only after `=`, never the next word.
        if !a.get_action().takes_values() || a.is_require_equals_set() {
            continue;
        }
        with_value.extend(a.get_long().map(|l| format!("--{l}")));
        with_value.extend(a.get_all_aliases().unwrap_or_default().iter().map(|l| format!("--{l}")));
        with_value.extend(a.get_short().map(|s| format!("-{s}")));
    }
    move |o: &str| with_value.iter().any(|w| w == o)
}

/// Whether `run` has `--sdnotify` (the generated units use it when it does).
pub fn run_has_sdnotify() -> bool {
    let cmd = super::container::RunArgs::augment_args(clap::Command::new("run"));
    let found = cmd.get_arguments().any(|a| a.get_long() == Some("sdnotify"));
    found
}

/// Whether this skiff has pods.
pub fn has_pods() -> bool {
    crate::cli::Cli::command().find_subcommand("pod").is_some()
}

/// `skiff generate`.
pub fn run(cmd: GenerateCommand, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let GenerateCommand::Systemd(args) = cmd;
    // `--root`/`--runroot` that differ from the defaults go into the unit's commands.
    let defaults = Context::resolve(None, None, None);
    let mut globals = Vec::new();
    if ctx.paths.graph_root != defaults.paths.graph_root {
        globals.extend(["--root".to_string(), ctx.paths.graph_root.display().to_string()]);
    }
    if ctx.paths.run_root != defaults.paths.run_root {
        globals.extend(["--runroot".to_string(), ctx.paths.run_root.display().to_string()]);
    }
    if let Some(d) = ctx.storage_driver {
        globals.extend(["--storage-driver".to_string(), d.to_string()]);
    }
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = match containers::lookup(&store, &args.container) {
        Ok(rec) => rec,
        Err(e) if e.is_not_found() => return Err(not_a_container(&ctx, &args, e)),
        Err(e) => return Err(e.into()),
    };
    let mut unit_env = Vec::new();
    for e in &args.env {
        match e.split_once('=') {
            Some(_) => unit_env.push(e.clone()),
            None => unit_env.extend(std::env::var(e).ok().map(|v| format!("{e}={v}"))),
        }
    }
    let opts = generate::Options {
        new: args.new.unwrap_or(args.template),
        use_name: args.name,
        restart_policy: args.restart_policy.clone(),
        stop_timeout: args.time,
        start_timeout: args.start_timeout,
        restart_sec: args.restart_sec,
        template: args.template,
        no_header: args.no_header,
        prefix: args.container_prefix.clone(),
        separator: args.separator.clone(),
        env: unit_env,
        wants: args.wants.clone(),
        after: args.after.clone(),
        requires: args.requires.clone(),
        exe: std::env::current_exe().context("cannot find the skiff binary")?,
        globals,
        notify: run_has_sdnotify(),
    };
    let takes_value = run_option_takes_value();
    let unit = units::generate_for(&ctx, &store, &rec, &takes_value, &opts)?;
    for w in &unit.warnings {
        printer.warn(w);
    }
    if args.files {
        let path = std::env::current_dir().context("cannot read the current directory")?.join(&unit.name);
        fs_err::write(&path, &unit.text)?;
        if args.format.as_deref() == Some("json") {
            printer.line(&serde_json::to_string_pretty(&BTreeMap::from([(unit.name.clone(), path)]))?);
        } else {
            printer.line(&path.display().to_string());
        }
        return Ok(Exit::SUCCESS);
    }
    match args.format.as_deref() {
        Some("json") => {
            let name = unit.name.trim_end_matches(".service").to_string();
            printer.line(&serde_json::to_string_pretty(&BTreeMap::from([(name, unit.text)]))?);
        }
        Some(other) => anyhow::bail!("unsupported --format {other:?}: only json"),
        None => printer.out(&unit.text),
    }
    Ok(Exit::SUCCESS)
}

/// The error for a name that is no container (`ctr_err`): podman's for a pod with `--template`,
/// what skiff lacks for a pod, or podman's for neither.
fn not_a_container(ctx: &Context, args: &SystemdArgs, ctr_err: engine::Error) -> anyhow::Error {
    let name = &args.container;
    match engine::pods::find(ctx, name) {
        Ok(_) if args.template => anyhow::anyhow!("--template is not supported for pods"),
        Ok(pod) => anyhow::anyhow!(
            "{name} is a pod: skiff does not generate units for pods yet; generate one for each of \
             its containers (skiff pod inspect {})",
            pod.name
        ),
        Err(e) if e.is_not_found() => anyhow::anyhow!(
            "{name} does not refer to a container or pod: no pod with name or ID {name} found: no such pod: \
             {ctr_err}"
        ),
        Err(e) => e.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_which_run_options_take_a_value() {
        let t = run_option_takes_value();
        for o in ["--name", "-e", "--env", "-v", "--volume", "--entrypoint", "-p", "--network"] {
            assert!(t(o), "{o}");
        }
        for o in ["-d", "--rm", "-i", "-t", "--replace", "--privileged"] {
            assert!(!t(o), "{o}");
        }
    }
}
