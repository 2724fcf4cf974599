//! `skiff secret create|ls|inspect|rm`

use std::io::Read;

use serde_json::{json, Value};

use crate::cli::diag::WithExit;
use crate::cli::{format::Template, printer::Printer, Exit};
use crate::engine::secrets::{self, SecretRecord};
use crate::engine::Context;

/// `skiff secret ...`
#[derive(Debug, clap::Subcommand)]
pub enum SecretCommand {
    /// Create a secret from a file, or - for stdin
    Create(CreateArgs),
    /// List secrets
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Show details of secrets
    Inspect(InspectArgs),
    /// Remove secrets
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// The secret driver: only file
    #[arg(short, long, value_name = "DRIVER", default_value = "file")]
    pub driver: String,
    /// A driver option (KEY=VALUE); the file driver takes none that matter
    #[arg(long = "driver-opts", value_name = "KEY=VALUE")]
    pub driver_opts: Vec<String>,
    /// Read the secret from the environment variable named by the second argument
    #[arg(long)]
    pub env: bool,
    /// Set a label on the secret (KEY=VALUE, or KEY for an empty value)
    #[arg(short, long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// The secret's name: up to 64 of [a-zA-Z0-9-_.], starting and ending with [a-zA-Z0-9]
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The file holding the secret, - for stdin (with --env: the variable's name)
    #[arg(value_name = "FILE|-")]
    pub source: String,
}

#[derive(Debug, clap::Args)]
pub struct LsArgs {
    /// Only secrets matching: name=TEXT, id=TEXT
    #[arg(short, long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output format: json, or a Go template such as '{{.ID}} {{.Name}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Do not print the header row
    #[arg(long)]
    pub noheading: bool,
    /// Print only the secret ids
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Output format: json (default), or a Go template such as '{{.Spec.Name}}'
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Print the inspect output in a human-friendly format
    #[arg(long)]
    pub pretty: bool,
    /// The secrets (names or ids)
    #[arg(value_name = "SECRET", required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Remove every secret
    #[arg(short, long)]
    pub all: bool,
    /// The secrets (names or ids)
    #[arg(value_name = "SECRET", required_unless_present = "all", conflicts_with = "all")]
    pub names: Vec<String>,
}

pub fn run(command: SecretCommand, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    match command {
        SecretCommand::Create(a) => create(a, &ctx, printer),
        SecretCommand::Ls(a) => ls(a, &ctx, printer),
        SecretCommand::Inspect(a) => inspect(a, &ctx, printer),
        SecretCommand::Rm(a) => rm(a, &ctx, printer),
    }
}

fn create(args: CreateArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let labels = secrets::parse_labels(&args.label)?;
    for o in &args.driver_opts {
        if !o.contains('=') {
            anyhow::bail!("invalid driver option {o:?}: expected KEY=VALUE");
        }
    }
    let data = if args.env {
        match std::env::var_os(&args.source) {
            Some(v) => std::os::unix::ffi::OsStringExt::into_vec(v),
            None => anyhow::bail!(
                "cannot create store secret data: environment variable {} is not set",
                args.source
            ),
        }
    } else if args.source == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        fs_err::read(&args.source)?
    };
    let rec = secrets::create(ctx, &args.name, &args.driver, labels, &data)?;
    printer.line(&rec.id);
    Ok(Exit::SUCCESS)
}

/// A secret as `secret inspect` shows it (podman 4.3.1).
fn to_json(s: &SecretRecord) -> Value {
    json!({
        "ID": s.id,
        "CreatedAt": s.created_at,
        "UpdatedAt": s.updated_at,
        "Spec": {
            "Name": s.name,
            "Driver": { "Name": s.driver, "Options": s.driver_options },
            "Labels": s.labels,
        },
    })
}

/// A row of `secret ls`.
fn to_row(s: &SecretRecord) -> Value {
    json!({
        "ID": s.id,
        "Name": s.name,
        "Driver": s.driver,
        "CreatedAt": crate::cli::human::since(&s.created_at),
        "UpdatedAt": crate::cli::human::since(&s.updated_at),
    })
}

/// A `--filter` of `secret ls`: name= and id= (prefix of the id, substring of the name, as podman).
fn matches(s: &SecretRecord, filters: &[(String, String)]) -> bool {
    let by = |key: &str| -> Vec<&str> {
        filters.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect()
    };
    let names = by("name");
    let ids = by("id");
    (names.is_empty() || names.iter().any(|n| s.name.contains(n)))
        && (ids.is_empty() || ids.iter().any(|i| s.id.starts_with(i)))
}

fn ls(args: LsArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let mut filters = Vec::new();
    for f in &args.filter {
        match f.split_once('=') {
            Some((k @ ("name" | "id"), v)) => filters.push((k.to_string(), v.to_string())),
            _ => anyhow::bail!("invalid filter {f:?}: only name=TEXT and id=TEXT"),
        }
    }
    let list: Vec<SecretRecord> = secrets::list(ctx)?.into_iter().filter(|s| matches(s, &filters)).collect();
    if args.quiet {
        for s in &list {
            printer.line(&s.id);
        }
        return Ok(Exit::SUCCESS);
    }
    let items: Vec<Value> = list.iter().map(to_row).collect();
    if crate::cli::format::normalized(args.format.as_deref()) == Some("json") {
        printer.line(&serde_json::to_string_pretty(&items)?);
        return Ok(Exit::SUCCESS);
    }
    let template = args
        .format
        .unwrap_or_else(|| "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}".into());
    let t = Template::parse(&template)?;
    let mut lines = Vec::new();
    if t.is_table() && !args.noheading {
        lines.push(t.header(&[("CreatedAt", "CREATED"), ("UpdatedAt", "UPDATED")]));
    }
    lines.extend(items.iter().map(|v| t.render(v)).collect::<Result<Vec<_>, _>>()?);
    if lines.is_empty() {
        return Ok(Exit::SUCCESS);
    }
    let text = if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") };
    printer.line(&text);
    Ok(Exit::SUCCESS)
}

fn inspect(args: InspectArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let mut found = Vec::new();
    let mut missing: Option<secrets::Error> = None;
    for name in &args.names {
        match secrets::get(ctx, name) {
            Ok(s) => found.push(s),
            Err(e) => {
                if let Some(prev) = missing.replace(e) {
                    printer.error(&format!("Error: inspecting secret: {prev}"));
                }
            }
        }
    }
    if args.pretty && args.format.is_none() {
        for s in &found {
            // podman's lines, spacing included.
            printer.line(&format!(
                "ID:              {}\nName:              {}\nDriver:            {}\nCreated at:        {}\nUpdated at:        {}",
                s.id,
                s.name,
                s.driver,
                go_time(&s.created_at),
                go_time(&s.updated_at)
            ));
        }
    } else {
        let items: Vec<Value> = found.iter().map(to_json).collect();
        match crate::cli::format::normalized(args.format.as_deref()) {
            None | Some("json") => printer.line(&serde_json::to_string_pretty(&items)?),
            Some(t) => {
                let t = Template::parse(t)?;
                for v in &items {
                    printer.line(&t.render(v)?);
                }
            }
        }
    }
    match missing {
        Some(e) => {
            Err(WithExit { message: format!("inspecting secret: {e}"), exit: Exit::SKIFF_ERROR }.into())
        }
        None => Ok(Exit::SUCCESS),
    }
}

/// An RFC 3339 UTC time as Go prints a `time.Time`: `2006-01-02 15:04:05.999999999 +0000 UTC`.
fn go_time(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            let t = t.with_timezone(&chrono::Utc);
            let nanos = format!("{:09}", t.timestamp_subsec_nanos());
            let frac = nanos.trim_end_matches('0');
            let dot = if frac.is_empty() { "" } else { "." };
            format!("{}{dot}{frac} +0000 UTC", t.format("%Y-%m-%d %H:%M:%S"))
        }
        Err(_) => rfc3339.to_string(),
    }
}

fn rm(args: RmArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let names: Vec<String> =
        if args.all { secrets::list(ctx)?.into_iter().map(|s| s.id).collect() } else { args.names.clone() };
    let mut failed = crate::cli::diag::Failures::new(printer);
    for name in &names {
        match secrets::remove(ctx, name) {
            Ok(id) => printer.line(&id),
            Err(e) => failed.add(e.into()),
        }
    }
    failed.finish()
}
