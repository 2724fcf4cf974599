//! `skiff container inspect` (and `skiff inspect` of containers): podman's JSON document.

use super::*;

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Output format: json (default), or a Go template such as '{{.State.Status}}'
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Inspect the most recently created container
    #[arg(short, long, conflicts_with = "containers")]
    pub latest: bool,
    /// Containers to inspect (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "latest")]
    pub containers: Vec<String>,
}

/// The documents of the containers `keys` names, with an error for each missing one (`Err`
/// holds the key and its error).
pub fn inspect_values(
    ctx: &Context,
    store: &Store,
    keys: &[String],
) -> anyhow::Result<Vec<Result<serde_json::Value, (String, lifecycle::Error)>>> {
    refreshed(ctx, store)?;
    let mut out = Vec::new();
    for key in keys {
        match lifecycle::lookup(ctx, store, key) {
            Ok(rec) => out.push(Ok(lifecycle::inspect(ctx, store, &rec)?)),
            Err(e @ lifecycle::Error::Container(_)) => out.push(Err((key.clone(), e))),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// Prints inspect documents as JSON or through a template.
pub(crate) fn print_values(
    printer: &Printer,
    format: Option<&str>,
    values: &[serde_json::Value],
) -> anyhow::Result<()> {
    match format {
        None | Some("json") => printer.line(&serde_json::to_string_pretty(values)?),
        Some(t) => {
            let t = crate::cli::format::Template::parse(t)?;
            for v in values {
                printer.line(&t.render(v)?);
            }
        }
    }
    Ok(())
}

/// The id of the most recently created container (`--latest`).
pub fn latest_id(ctx: &Context, store: &Store) -> anyhow::Result<String> {
    match refreshed(ctx, store)?.into_iter().max_by(|a, b| a.created.cmp(&b.created)) {
        Some(c) => Ok(c.id),
        None => anyhow::bail!("no containers to inspect: --latest needs at least one container"),
    }
}

/// `skiff container inspect`.
pub fn inspect(args: InspectArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let keys = if args.latest { vec![latest_id(&ctx, &store)?] } else { args.containers.clone() };
    let mut values = Vec::new();
    let mut exit = Exit::SUCCESS;
    for v in inspect_values(&ctx, &store, &keys)? {
        match v {
            Ok(v) => values.push(v),
            Err((_, e)) => {
                printer.error(&format!("Error: {e}"));
                exit = Exit::SKIFF_ERROR;
            }
        }
    }
    print_values(printer, crate::cli::format::normalized(args.format.as_deref()), &values)?;
    Ok(exit)
}
