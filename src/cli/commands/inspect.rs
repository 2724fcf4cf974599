//! `skiff image inspect` (and `skiff inspect` for images)

use crate::cli::{format::Template, printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: json (default), or a Go template such as '{{.Id}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Images to inspect, by name or id
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut values = Vec::new();
    let mut exit = Exit::SUCCESS;
    for name in &args.images {
        match engine::images::lookup(&store, name) {
            Ok(found) => values.push(engine::images::inspect(&store, &found.image)?),
            Err(e @ engine::Error::ImageNotKnown { .. }) => {
                printer.error(&format!("Error: {e}"));
                exit = Exit::SKIFF_ERROR;
            }
            Err(e) => return Err(e.into()),
        }
    }
    match args.format.as_deref() {
        None | Some("json") => printer.line(&serde_json::to_string_pretty(&values)?),
        Some(t) => {
            let t = Template::parse(t)?;
            for v in &values {
                printer.line(&t.render(v));
            }
        }
    }
    Ok(exit)
}
