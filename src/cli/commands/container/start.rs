//! `skiff start`: start created or exited containers, detached, or with `-a` attached until the
//! container exits (as a foreground `run`).

use super::*;

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// Attach to the container's output and exit with its exit code
    #[arg(short, long)]
    pub attach: bool,
    /// With --attach, forward stdin to the container (it must have been created with -i)
    #[arg(short, long)]
    pub interactive: bool,
    #[command(flatten)]
    pub detach_keys: super::DetachKeysArg,
    /// Start every container that is not running (e.g. at boot, from a user unit)
    #[arg(long)]
    pub all: bool,
    /// Start the containers that are not running and match: restart-policy=POLICY (no,
    /// on-failure, always, unless-stopped), name=REGEX, id=PREFIX (implies --all)
    #[arg(long = "filter", value_name = "KEY=VALUE", conflicts_with = "containers")]
    pub filter: Vec<String>,
    /// Change how the container uses $NOTIFY_SOCKET from this start on: container, conmon,
    /// ignore (see run --sdnotify)
    #[arg(long, value_name = "MODE")]
    pub sdnotify: Option<String>,
    /// Containers to start (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "filter"], conflicts_with = "all")]
    pub containers: Vec<String>,
}

/// The ids of the containers `start --all` starts: those not running that match every
/// `--filter` key (any value of a key given twice; a name is matched as a regular expression,
/// as podman does).
fn all_to_start(ctx: &Context, store: &Store, filters: &[String]) -> anyhow::Result<Vec<String>> {
    let mut parsed = Vec::new();
    for f in filters {
        let Some((k, v)) = f.split_once('=') else {
            anyhow::bail!("invalid filter {f:?}: use KEY=VALUE (restart-policy, name, id)");
        };
        if !matches!(k, "restart-policy" | "name" | "id") {
            anyhow::bail!("{k} is an invalid filter in {f:?}: use restart-policy, name or id");
        }
        if k == "name" {
            regex::Regex::new(v).map_err(|e| anyhow::anyhow!("invalid name filter {v:?}: {e}"))?;
        }
        parsed.push((k, v));
    }
    let mut out = Vec::new();
    for rec in lifecycle::list(ctx, store)? {
        if rec.state.is_active() {
            continue;
        }
        let ok = |key: &str, rec: &ContainerRecord| {
            let values: Vec<&str> = parsed.iter().filter(|(k, _)| *k == key).map(|(_, v)| *v).collect();
            values.is_empty()
                || values.iter().any(|v| match key {
                    "restart-policy" => engine::service::has_restart_policy(store, rec, v),
                    "name" => regex::Regex::new(v).is_ok_and(|r| r.is_match(&rec.name)),
                    _ => rec.id.starts_with(v),
                })
        };
        if ["restart-policy", "name", "id"].iter().all(|k| ok(k, &rec)) {
            out.push(rec.id.clone());
        }
    }
    Ok(out)
}

/// What starting one container came to.
enum Outcome {
    Started,
    /// It was running already.
    Running,
    /// Attached until it exited.
    Ended(Exit),
}

/// `skiff start`.
pub fn start_cmd(args: StartArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    if args.attach && (args.containers.len() > 1 || args.all) {
        anyhow::bail!("you cannot start and attach multiple containers at once: start them without --attach");
    }
    let detach_keys = args.detach_keys.keys()?;
    let sdnotify = args
        .sdnotify
        .as_deref()
        .map(engine::service::NotifyMode::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    super::enter_to_start(&mut ctx, printer, &args.containers)?;
    let store = engine::open_store(&ctx)?;
    let all = args.all || !args.filter.is_empty();
    let names = if all { all_to_start(&ctx, &store, &args.filter)? } else { args.containers.clone() };
    let mut failed = crate::cli::diag::Failures::new(printer);
    for key in &names {
        let result = (|| -> anyhow::Result<Outcome> {
            let rec = lifecycle::lookup(&ctx, &store, key)?;
            if rec.state.is_active() {
                // As podman: starting a running container is not an error, and says nothing.
                return Ok(Outcome::Running);
            }
            if let Some(mode) = &sdnotify {
                let socket = std::env::var("NOTIFY_SOCKET").ok().filter(|s| !s.is_empty());
                engine::service::set_notify(&ctx, &store, &rec.id, *mode, socket)?;
            }
            let started = start(&ctx, &store, &rec, args.attach, rec.interactive)?;
            if let Some(stream) = started.attach {
                let fg = Foreground {
                    stdin: args.interactive && rec.interactive,
                    tty: engine::start::has_terminal(&store, &rec.id),
                    detach_keys: detach_keys.clone(),
                    supervisor: started.supervisor,
                    own_child: true,
                    stdout: true,
                    stderr: true,
                };
                return Ok(Outcome::Ended(attach_foreground(&ctx, &store, &rec.id, stream, fg, printer)?));
            }
            Ok(Outcome::Started)
        })();
        match result {
            Ok(Outcome::Ended(exit)) => return Ok(exit),
            Ok(Outcome::Started) => printer.line(key),
            Ok(Outcome::Running) => {}
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}
