//! `skiff container runlabel`: runs (or with --display prints) the command an image's label
//! describes, with IMAGE, NAME and OPT1-3 filled in (see [`engine::runlabel`]).

use super::*;
use crate::cli::args::RegistryOpts;

#[derive(Debug, clap::Args)]
pub struct RunlabelArgs {
    /// Print the command with its variables filled in instead of running it
    #[arg(long)]
    pub display: bool,
    /// The container name the label's NAME stands for (default: the image's name)
    #[arg(short = 'n', long, value_name = "NAME")]
    pub name: Option<String>,
    /// Pull the image without progress output (skiff's pull shows none here)
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Remove a container of that NAME before running the command
    #[arg(long)]
    pub replace: bool,
    /// What the label's OPT1 stands for
    #[arg(long, value_name = "VALUE", hide = true)]
    pub opt1: Option<String>,
    /// What the label's OPT2 stands for
    #[arg(long, value_name = "VALUE", hide = true)]
    pub opt2: Option<String>,
    /// What the label's OPT3 stands for
    #[arg(long, value_name = "VALUE", hide = true)]
    pub opt3: Option<String>,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// The label whose value is the command (e.g. install, run)
    #[arg(value_name = "LABEL")]
    pub label: String,
    /// The image (pulled when it is not present)
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Appended to the command
    #[arg(value_name = "ARG", trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// `skiff container runlabel`.
pub fn runlabel(args: RunlabelArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let found = match engine::images::lookup(&store, &args.image) {
        Ok(found) => found,
        Err(engine::Error::ImageNotKnown { .. }) => {
            let id = pull_image(&ctx, &store, &args.registry, &args.image, printer)?;
            engine::images::lookup(&store, &id)?
        }
        Err(e) => return Err(e.into()),
    };
    let image =
        found.name.clone().or_else(|| found.image.names.first().cloned()).unwrap_or(found.image.id.clone());
    let Some(text) = engine::runlabel::label(&store, &found.image, &args.label)? else {
        anyhow::bail!("cannot find the value of label: {} in image: {}", args.label, args.image);
    };
    let values = engine::runlabel::Values {
        name: args.name.clone().unwrap_or_else(|| engine::runlabel::default_name(&image)),
        image,
        opts: [args.opt1.clone(), args.opt2.clone(), args.opt3.clone()],
    };
    // A leading `podman` is this program, as the user called it.
    let program = std::env::args().next().unwrap_or_else(|| "skiff".into());
    let command = engine::runlabel::command(&text, &values, &program, &args.args);
    if args.display {
        printer.line(&format!("command: {}", command.join(" ")));
        return Ok(Exit::SUCCESS);
    }
    let Some((first, rest)) = command.split_first() else {
        anyhow::bail!(
            "the label {} of image {} is empty: there is no command to run",
            args.label,
            args.image
        );
    };
    if args.replace {
        engine::remove::replace(&ctx, &store, &values.name)?;
    }
    drop(store);
    let status = std::process::Command::new(first)
        .args(rest)
        .env("IMAGE", &values.image)
        .env("NAME", &values.name)
        .env("LABEL", &args.label)
        .status()
        .map_err(|e| {
            anyhow::anyhow!("cannot run {first} (the label {} of {}): {e}", args.label, args.image)
        })?;
    use std::os::unix::process::ExitStatusExt;
    Ok(Exit::from_status(status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0))))
}
