//! `skiff images` / `skiff image ls`

use serde_json::{json, Value};

use crate::cli::{format::Template, human, printer::Printer, Exit};
use crate::engine::{self, images::split_name, Context};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show all images (skiff keeps no intermediate images, so this lists the same)
    #[arg(short, long)]
    pub all: bool,
    /// Print only the image ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Show the manifest digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Do not print the header row
    #[arg(short, long)]
    pub noheading: bool,
    /// Output format: json, or a Go template such as '{{.Repository}}:{{.Tag}}'
    #[arg(long)]
    pub format: Option<String>,
    /// Only images whose name matches this repository (e.g. busybox)
    #[arg(value_name = "REPOSITORY")]
    pub repository: Option<String>,
}

pub fn run(args: Args, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut images = store.list_images()?;
    if let Some(f) = &args.repository {
        images.retain(|i| engine::images::matches_filter(i, f));
    }
    images.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
    if args.format.as_deref() == Some("json") {
        let v: Vec<Value> = images
            .iter()
            .map(|i| {
                let created = i.created.as_deref().and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok());
                json!({
                    "Id": i.id,
                    "ParentId": "",
                    "RepoTags": i.names,
                    "RepoDigests": i.repo_digests,
                    "Size": i.size,
                    "SharedSize": 0,
                    "VirtualSize": i.size,
                    "Labels": Value::Null,
                    "Containers": 0,
                    "Names": i.names,
                    "Digest": i.digest,
                    "Created": created.map(|c| c.timestamp()).unwrap_or(0),
                    "CreatedAt": i.created,
                    "Dangling": i.names.is_empty(),
                })
            })
            .collect();
        printer.line(&serde_json::to_string_pretty(&v)?);
        return Ok(Exit::SUCCESS);
    }
    if args.quiet {
        let mut seen = std::collections::HashSet::new();
        for i in &images {
            if seen.insert(&i.id) {
                printer.line(if args.no_trunc { &i.id } else { &i.id[..12] });
            }
        }
        return Ok(Exit::SUCCESS);
    }
    // One row per name; an image without a name is one <none> row.
    let mut rows: Vec<Value> = Vec::new();
    for i in &images {
        let names: Vec<(String, String)> = if i.names.is_empty() {
            vec![("<none>".into(), "<none>".into())]
        } else {
            i.names.iter().map(|n| split_name(n)).collect()
        };
        for (repo, tag) in names {
            let id = if args.no_trunc { format!("sha256:{}", i.id) } else { i.id[..12].to_string() };
            let since = i.created.as_deref().map(human::since).unwrap_or_else(|| "unknown".into());
            rows.push(json!({
                "Repository": repo,
                "Tag": tag,
                "ID": id,
                "Id": i.id,
                "Digest": i.digest,
                "Created": since,
                "CreatedSince": since,
                "CreatedAt": i.created,
                "Size": human::size(i.size),
                "Names": i.names,
                "Dangling": i.names.is_empty(),
            }));
        }
    }
    let template = match &args.format {
        Some(f) => f.clone(),
        None if args.digests => {
            "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}".into()
        }
        None => "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}".into(),
    };
    let t = Template::parse(&template)?;
    let mut lines = Vec::new();
    if t.is_table() && !args.noheading {
        lines.push(t.header(&[("ID", "IMAGE ID"), ("CreatedSince", "CREATED")]));
    }
    for r in &rows {
        lines.push(t.render(r)?);
    }
    let text = if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") };
    if !text.is_empty() {
        printer.line(&text);
    }
    Ok(Exit::SUCCESS)
}
