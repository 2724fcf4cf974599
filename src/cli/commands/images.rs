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
    /// Sort by created, id, repository, size or tag
    #[arg(long, value_name = "KEY", default_value = "created", value_parser = ["created", "id", "repository", "size", "tag"])]
    pub sort: String,
    /// Only images matching KEY=VALUE: after (or since), before, dangling, digest, id, label,
    /// reference, until; repeat to require several
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
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
    let mut labels = std::collections::HashMap::new();
    for i in &images {
        let l = engine::images::inspect(&store, i)
            .ok()
            .and_then(|v| v.get("Labels").cloned())
            .unwrap_or(Value::Null);
        labels.insert(i.id.clone(), l);
    }
    let filters = args.filter.iter().map(|f| Filter::parse(f)).collect::<Result<Vec<_>, _>>()?;
    let mut resolved = Vec::new();
    for f in filters {
        resolved.push(f.resolve(&store)?);
    }
    images.retain(|i| resolved.iter().all(|f| f.matches(i, &labels[&i.id])));
    if crate::cli::format::normalized(args.format.as_deref()) == Some("json") {
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
                    "Labels": labels[&i.id],
                    "Containers": 0,
                    "Names": i.names,
                    "Digest": i.digest,
                    "Created": created.map(|c| c.timestamp()).unwrap_or(0),
                    "CreatedAt": i.created,
                    "Dangling": i.names.is_empty(),
                    "History": i.history(),
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
            // With `images REPO`, only the names that match it, as podman.
            i.names
                .iter()
                .filter(|n| {
                    args.repository.as_deref().is_none_or(|f| engine::images::name_matches_filter(n, f))
                })
                .map(|n| split_name(n))
                .collect()
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
                // podman's `{{.History}}`: the names it has and has had, joined.
                "History": i.history().join(", "),
                "Dangling": i.names.is_empty(),
                "Labels": labels[&i.id],
                "VirtualSize": i.size,
                "SizeBytes": i.size,
            }));
        }
    }
    sort_rows(&mut rows, &args.sort);
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

/// `--sort`: podman sorts the rows by the key, newest first for `created`, largest first for
/// `size`, ascending by name or id otherwise; rows that tie keep their order.
fn sort_rows(rows: &mut [Value], key: &str) {
    let text = |r: &Value, k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    match key {
        "id" => rows.sort_by_key(|r| text(r, "Id")),
        "repository" => rows.sort_by_key(|r| text(r, "Repository")),
        "tag" => rows.sort_by_key(|r| text(r, "Tag")),
        "size" => {
            rows.sort_by_key(|r| std::cmp::Reverse(r.get("SizeBytes").and_then(Value::as_u64).unwrap_or(0)))
        }
        _ => {}
    }
}

/// One `--filter KEY=VALUE` of `images`.
#[derive(Debug, Clone, PartialEq)]
enum Filter {
    /// Images created after (`after`, `since`) or before (`before`) the named image.
    After(String),
    Before(String),
    Dangling(bool),
    Digest(String),
    Id(String),
    Label(String, Option<String>),
    Reference(String),
    Until(String),
}

/// A filter with its reference image resolved to that image's creation time.
enum Resolved {
    CreatedAfter(Option<String>),
    CreatedBefore(Option<String>),
    Plain(Filter),
}

impl Filter {
    fn parse(text: &str) -> anyhow::Result<Filter> {
        let (k, v) = text
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("invalid image filter {text:?}: use KEY=VALUE"))?;
        let v = v.to_string();
        Ok(match k {
            "after" | "since" => Filter::After(v),
            "before" => Filter::Before(v),
            "dangling" => match v.as_str() {
                "true" | "1" => Filter::Dangling(true),
                "false" | "0" => Filter::Dangling(false),
                _ => anyhow::bail!("invalid filter {text:?}: dangling takes true or false"),
            },
            "digest" => Filter::Digest(v),
            "id" => Filter::Id(v.trim_start_matches("sha256:").to_string()),
            "label" => match v.split_once('=') {
                Some((k, val)) => Filter::Label(k.into(), Some(val.into())),
                None => Filter::Label(v, None),
            },
            "reference" => Filter::Reference(v),
            "until" => Filter::Until(v),
            _ => anyhow::bail!("invalid image filter {k:?}: use after, before, dangling, digest, id, label, reference, since or until"),
        })
    }

    fn resolve(self, store: &engine::Store) -> anyhow::Result<Resolved> {
        Ok(match self {
            Filter::After(name) => {
                Resolved::CreatedAfter(engine::images::lookup(store, &name)?.image.created)
            }
            Filter::Before(name) => {
                Resolved::CreatedBefore(engine::images::lookup(store, &name)?.image.created)
            }
            Filter::Until(when) => {
                let t = human::parse_time("filter until", &when)?;
                Resolved::CreatedBefore(Some(t.to_rfc3339()))
            }
            other => Resolved::Plain(other),
        })
    }
}

impl Resolved {
    fn matches(&self, img: &engine::ImageRecord, labels: &Value) -> bool {
        let created = img.created.as_deref().and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok());
        let at = |t: &Option<String>| t.as_deref().and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok());
        match self {
            Resolved::CreatedAfter(t) => matches!((created, at(t)), (Some(c), Some(t)) if c > t),
            Resolved::CreatedBefore(t) => matches!((created, at(t)), (Some(c), Some(t)) if c < t),
            Resolved::Plain(Filter::Dangling(d)) => img.names.is_empty() == *d,
            Resolved::Plain(Filter::Digest(d)) => {
                img.digest == *d || img.repo_digests.iter().any(|r| r.ends_with(d.as_str()))
            }
            Resolved::Plain(Filter::Id(id)) => img.id.starts_with(id.as_str()),
            Resolved::Plain(Filter::Label(k, v)) => match labels.get(k) {
                Some(Value::String(have)) => v.as_ref().is_none_or(|v| v == have),
                _ => false,
            },
            Resolved::Plain(Filter::Reference(r)) => {
                engine::images::matches_filter(img, r) || img.names.iter().any(|n| glob_match(r, n))
            }
            Resolved::Plain(_) => true,
        }
    }
}

/// `*` and `?` wildcards, as podman's reference filter takes them (`reference=*/testimage*`).
fn glob_match(pattern: &str, text: &str) -> bool {
    let re = format!("^{}$", regex::escape(pattern).replace("\\*", ".*").replace("\\?", "."));
    regex::Regex::new(&re)
        .map(|r| r.is_match(text) || text.split_once('/').is_some_and(|(_, rest)| r.is_match(rest)))
        .unwrap_or(false)
}
