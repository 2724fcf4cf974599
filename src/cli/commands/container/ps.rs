//! `skiff ps`.

use super::*;

#[derive(Debug, clap::Args)]
pub struct PsArgs {
    /// Show all containers (default: only running ones)
    #[arg(short, long)]
    pub all: bool,
    /// Print only the container ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not truncate ids and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Output format: json, or a Go template such as {{.ID}} {{.Names}}
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

fn status(c: &ContainerRecord) -> String {
    let ago = |t: &Option<String>| t.as_deref().map(human::since).unwrap_or_else(|| "unknown".into());
    match c.state {
        State::Created => "Created".into(),
        State::Running => match &c.started_at {
            Some(t) => format!("Up {}", human::since(t).trim_end_matches(" ago")),
            None => "Up".into(),
        },
        State::Paused => "Paused".into(),
        State::Stopped | State::Exited => {
            format!("Exited ({}) {}", c.exit_code.unwrap_or(-1), ago(&c.finished_at))
        }
        State::Removing => "Removing".into(),
    }
}

fn shell_join(args: &[String]) -> String {
    args.join(" ")
}

/// `skiff ps`.
pub fn ps(args: PsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let shown: Vec<ContainerRecord> =
        refreshed(&ctx, &store)?.into_iter().filter(|c| args.all || c.state == State::Running).collect();
    let short = |id: &str| if args.no_trunc { id.to_string() } else { id[..id.len().min(12)].to_string() };
    if args.quiet {
        for c in &shown {
            printer.line(&short(&c.id));
        }
        return Ok(Exit::SUCCESS);
    }
    let items: Vec<serde_json::Value> = shown
        .iter()
        .map(|c| {
            json!({
                "Id": c.id,
                "ID": short(&c.id),
                "Image": c.image_name,
                "ImageID": c.image_id,
                "Command": c.command,
                "Created": c.created,
                "CreatedAt": human::since(&c.created),
                "StartedAt": c.started_at,
                "ExitedAt": c.finished_at,
                "Exited": matches!(c.state, State::Exited | State::Stopped),
                "ExitCode": c.exit_code.unwrap_or(0),
                "State": c.state,
                "Status": status(c),
                "Pid": c.pid.unwrap_or(0),
                "Ports": null,
                "Names": [c.name],
                "Labels": c.labels,
            })
        })
        .collect();
    match args.format.as_deref() {
        Some("json") => printer.line(&serde_json::to_string_pretty(&items)?),
        Some(t) => {
            let t = crate::cli::format::Template::parse(t.trim_start_matches("table "))?;
            for (item, c) in items.iter().zip(&shown) {
                let mut item = item.clone();
                // In templates, .Names and .Command are plain strings, as in podman.
                item["Names"] = json!(c.name);
                item["Command"] = json!(shell_join(&c.command));
                let mut s = t.render(&item);
                if !s.ends_with('\n') {
                    s.push('\n');
                }
                printer.out(&s);
            }
        }
        None => {
            let mut rows = vec![[
                "CONTAINER ID".to_string(),
                "IMAGE".into(),
                "COMMAND".into(),
                "CREATED".into(),
                "STATUS".into(),
                "PORTS".into(),
                "NAMES".into(),
            ]];
            for c in &shown {
                let mut command = shell_join(&c.command);
                if !args.no_trunc && command.chars().count() > 20 {
                    command = command.chars().take(17).collect::<String>() + "...";
                }
                rows.push([
                    short(&c.id),
                    c.image_name.clone(),
                    command,
                    human::since(&c.created),
                    status(c),
                    String::new(),
                    c.name.clone(),
                ]);
            }
            let mut widths = [0usize; 7];
            for r in &rows {
                for (w, cell) in widths.iter_mut().zip(r) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let mut out = String::new();
            for r in &rows {
                let mut line = String::new();
                for (i, cell) in r.iter().enumerate() {
                    if i + 1 == r.len() {
                        line.push_str(cell);
                    } else {
                        line.push_str(&format!("{cell:<w$}  ", w = widths[i]));
                    }
                }
                out.push_str(line.trim_end());
                out.push('\n');
            }
            printer.out(&out);
        }
    }
    Ok(Exit::SUCCESS)
}
