//! `skiff image history` / `skiff history`

use serde_json::json;

use crate::cli::{format::Template, human, printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Do not truncate ids and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Print only the ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Print sizes and dates in machine-readable form
    #[arg(short = 'H', long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub human: bool,
    /// Output format: json, or a Go template such as '{{.CreatedBy}}'
    #[arg(long)]
    pub format: Option<String>,
    /// The image
    #[arg(value_name = "IMAGE")]
    pub image: String,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let found = engine::images::lookup_image(&store, &args.image)?;
    let rows = engine::images::history(&store, &found.image)?;
    if crate::cli::format::normalized(args.format.as_deref()) == Some("json") {
        printer.line(&serde_json::to_string_pretty(&rows)?);
        return Ok(Exit::SUCCESS);
    }
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let id = if args.no_trunc || r.id.len() < 12 { r.id.clone() } else { r.id[..12].to_string() };
            let mut by = r.created_by.clone();
            if !args.no_trunc && by.chars().count() > 45 {
                by = format!("{}...", by.chars().take(42).collect::<String>());
            }
            json!({
                "ID": id,
                "Created": if args.human { r.created.as_deref().map(human::since).unwrap_or_default() } else { r.created.clone().unwrap_or_default() },
                "CreatedBy": by,
                "Size": if args.human { human::size(r.size) } else { r.size.to_string() },
                "Comment": r.comment,
            })
        })
        .collect();
    if args.quiet {
        for v in &values {
            printer.line(v["ID"].as_str().unwrap_or(""));
        }
        return Ok(Exit::SUCCESS);
    }
    let t = Template::parse(
        args.format
            .as_deref()
            .unwrap_or("table {{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"),
    )?;
    let mut lines = Vec::new();
    if t.is_table() {
        lines.push(t.header(&[("CreatedBy", "CREATED BY")]));
    }
    lines.extend(values.iter().map(|v| t.render(v)).collect::<Result<Vec<_>, _>>()?);
    printer.line(&if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") });
    Ok(Exit::SUCCESS)
}
