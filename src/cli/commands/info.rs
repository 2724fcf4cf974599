//! `skiff info`

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: json, or a Go template such as '{{.Host.Kernel}}'
    #[arg(short, long)]
    pub format: Option<String>,
}

pub fn run(args: Args, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let info = engine::info::gather(ctx);
    let value = serde_json::to_value(&info)?;
    super::print_formatted(printer, args.format.as_deref(), &value, super::super::format::render_yaml)?;
    Ok(Exit::SUCCESS)
}
