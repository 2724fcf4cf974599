//! `skiff ps`.

use super::*;
use crate::engine::network::State as NetworkState;

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
    /// Output format: json, or a Go template such as {{.ID}} {{.Names}} ("table ..." adds a header)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Show only matching containers: status=, name= (a regex), label=KEY[=VALUE], id= (a prefix),
    /// ancestor= (an image), exited=CODE, health=healthy|unhealthy|starting|none, before= and
    /// since= (a container), volume=NAME; one key given twice matches either value, different keys
    /// must all match
    #[arg(short, long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Show the N most recently created containers, in any state
    #[arg(short = 'n', long = "last", value_name = "N")]
    pub last: Option<usize>,
    /// Show the most recently created container, in any state
    #[arg(short, long)]
    pub latest: bool,
    /// Do not print the header row
    #[arg(long)]
    pub noheading: bool,
    /// Sort by command, created, id, image, names, runningfor, size or status (created: oldest
    /// first)
    #[arg(long, value_name = "KEY", default_value = "created",
          value_parser = ["command", "created", "id", "image", "names", "runningfor", "size", "status"])]
    pub sort: String,
    /// Show the size of each container's writes, and with its image's (virtual)
    #[arg(short, long)]
    pub size: bool,
    /// Show the pod of each container (POD ID and PODNAME columns)
    #[arg(short = 'p', long)]
    pub pod: bool,
    /// Also show the containers other tools made in containers/storage (buildah's), with the
    /// status Storage; skiff's own builds leave none there
    #[arg(long)]
    pub external: bool,
}

/// podman's SIZE text: the container's writes, then with its image.
fn size_text(store: &Store, c: &ContainerRecord) -> String {
    let usage = containers::disk_usage(store, c);
    format!("{} (virtual {})", human::size(usage.rw), human::size(usage.rw + usage.image))
}

/// One `--filter` condition.
#[derive(Debug)]
enum Filter {
    Status(State),
    Name(regex::Regex),
    Label(String, Option<String>),
    Id(String),
    Ancestor(String),
    Exited(i32),
    /// healthy, unhealthy, starting or none (checked by [`health_matches`]).
    Health(String),
    /// `before=`/`since=`: created before or after the named container (resolved in `ps`).
    Before(String),
    Since(String),
    /// `volume=NAME`: uses the named volume.
    Volume(String),
    /// `pod=`: a pod's name, id or id prefix.
    Pod(String),
}

impl Filter {
    fn parse(text: &str) -> anyhow::Result<(String, Filter)> {
        let Some((key, value)) = text.split_once('=') else {
            anyhow::bail!(
                "invalid filter {text:?}: use KEY=VALUE (status, name, label, id, ancestor, exited, health, before, since, volume, pod)"
            );
        };
        let filter = match key {
            "status" => Filter::Status(match value {
                "created" => State::Created,
                "running" => State::Running,
                "paused" => State::Paused,
                "stopped" => State::Stopped,
                "exited" => State::Exited,
                "removing" => State::Removing,
                _ => anyhow::bail!(
                    "unknown container state {value:?} in filter {text:?}: use created, running, paused, stopped, exited or removing"
                ),
            }),
            "name" => Filter::Name(
                regex::Regex::new(value).map_err(|e| anyhow::anyhow!("invalid name filter {value:?}: {e}"))?,
            ),
            "label" => match value.split_once('=') {
                Some((k, v)) => Filter::Label(k.to_string(), Some(v.to_string())),
                None => Filter::Label(value.to_string(), None),
            },
            "id" => Filter::Id(value.to_ascii_lowercase()),
            "ancestor" => Filter::Ancestor(value.to_string()),
            "pod" => Filter::Pod(value.to_string()),
            "exited" => Filter::Exited(
                value.parse().map_err(|_| anyhow::anyhow!("invalid exited filter {value:?}: use an exit code"))?,
            ),
            "health" => match value {
                "healthy" | "unhealthy" | "starting" | "none" => Filter::Health(value.to_string()),
                _ => anyhow::bail!("invalid health filter {value:?}: use healthy, unhealthy, starting or none"),
            },
            "before" => Filter::Before(value.to_string()),
            "since" => Filter::Since(value.to_string()),
            "volume" => Filter::Volume(value.to_string()),
            _ => anyhow::bail!(
                "{key} is an invalid filter in {text:?}: use status, name, label, id, ancestor, exited, health, before, since, volume or pod"
            ),
        };
        Ok((key.to_string(), filter))
    }

    fn matches(&self, c: &ContainerRecord, pod: Option<&engine::pods::PodRecord>) -> bool {
        match self {
            // podman's "stopped" and "exited" name the same containers.
            Filter::Status(State::Stopped | State::Exited) => {
                matches!(c.state, State::Stopped | State::Exited)
            }
            Filter::Pod(key) => pod.is_some_and(|p| p.name == *key || p.id.starts_with(key.as_str())),
            Filter::Status(s) => c.state == *s,
            Filter::Name(re) => re.is_match(&c.name),
            Filter::Label(k, v) => match (c.labels.get(k), v) {
                (Some(have), Some(want)) => have == want,
                (Some(_), None) => true,
                (None, _) => false,
            },
            Filter::Id(prefix) => c.id.starts_with(prefix.as_str()),
            Filter::Ancestor(image) => {
                let name = c.image_name.as_str();
                let untagged =
                    name.rsplit_once(':').filter(|(_, t)| !t.contains('/')).map_or(name, |(n, _)| n);
                name == image
                    || untagged == image
                    || untagged.rsplit('/').next() == Some(image.as_str())
                    || name.rsplit('/').next() == Some(image.as_str())
                    || (image.len() >= 3 && c.image_id.starts_with(image.as_str()))
            }
            Filter::Exited(code) => c.state == State::Exited && c.exit_code == Some(*code),
            Filter::Health(_) => true,
            // Resolved to creation times in `ps` (see `resolve_relative`): here, the time itself.
            Filter::Before(t) => created_at(&c.created) < created_at(t),
            Filter::Since(t) => created_at(&c.created) > created_at(t),
            Filter::Volume(v) => c.volumes.iter().any(|n| n == v),
        }
    }
}

fn created_at(t: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    chrono::DateTime::parse_from_rfc3339(t).ok()
}

/// Same key: any may match; different keys: all must.
#[cfg(test)]
fn matches_all(filters: &[(String, Filter)], c: &ContainerRecord) -> bool {
    matches_all_in(filters, c, None)
}

/// [`matches_all`] for a container of pod `pod`.
fn matches_all_in(
    filters: &[(String, Filter)],
    c: &ContainerRecord,
    pod: Option<&engine::pods::PodRecord>,
) -> bool {
    let mut keys: Vec<&str> = filters.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.iter().all(|k| filters.iter().filter(|(fk, _)| fk == k).any(|(_, f)| f.matches(c, pod)))
}

/// The `health=` filters: any of them matches `health` (the container's word, `None` without a
/// healthcheck).
fn health_matches(filters: &[(String, Filter)], health: Option<&str>) -> bool {
    let wanted: Vec<&str> = filters
        .iter()
        .filter_map(|(_, f)| if let Filter::Health(h) = f { Some(h.as_str()) } else { None })
        .collect();
    wanted.is_empty() || wanted.iter().any(|w| health.unwrap_or("none") == *w)
}

/// In a `table` template, fields separated by spaces become columns, as in podman.
fn table_columns(template: &str) -> String {
    static SPACES: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = SPACES.get_or_init(|| regex::Regex::new(r"\}\}[ ]+\{\{").expect("a valid regex"));
    re.replace_all(template, "}}\t{{").into_owned()
}

/// The network record of a running container (its published ports, its helper).
fn network_state(ctx: &Context, c: &ContainerRecord) -> Option<NetworkState> {
    engine::network::state(ctx, c)
}

/// `0.0.0.0:8080->80/tcp, ...`, as podman's PORTS column.
fn ports_text(net: Option<&NetworkState>) -> String {
    let ports = net.map(|n| n.ports.as_slice()).unwrap_or_default();
    let shown: Vec<String> = ports
        .iter()
        .map(|p| format!("{}->{}/{}", p.host_address(), p.container_port, p.protocol.as_str()))
        .collect();
    shown.join(", ")
}

/// The status, with a network helper that died while the container runs (instead of hiding it).
fn status_with(c: &ContainerRecord, net: Option<&NetworkState>) -> String {
    match net.filter(|n| n.helper.is_some() && !n.helper_alive()) {
        Some(n) => format!("{} (network helper {} exited)", status(c), n.helper.as_deref().unwrap_or("")),
        None => status(c),
    }
}

fn status(c: &ContainerRecord) -> String {
    let ago = |t: &Option<String>| t.as_deref().map(human::since).unwrap_or_else(|| "unknown".into());
    match c.state {
        State::Created => "Created".into(),
        State::Running => match &c.started_at {
            // podman 4's words: "Up 5 seconds ago".
            Some(t) => format!("Up {}", human::since(t)),
            None => "Up".into(),
        },
        State::Paused => "Paused".into(),
        State::Stopped | State::Exited => {
            format!("Exited ({}) {}", c.exit_code.unwrap_or(-1), ago(&c.finished_at))
        }
        State::Removing => "Removing".into(),
    }
}

/// `--sort KEY`, as podman orders the rows: ascending (created and runningfor: oldest first).
fn sort_containers(shown: &mut [ContainerRecord], key: &str, store: &Store) {
    let created = |c: &ContainerRecord| chrono::DateTime::parse_from_rfc3339(&c.created).ok();
    match key {
        "command" => shown.sort_by_key(|c| shell_join(&c.command)),
        "id" => shown.sort_by(|a, b| a.id.cmp(&b.id)),
        "image" => shown.sort_by(|a, b| a.image_name.cmp(&b.image_name)),
        "names" => shown.sort_by(|a, b| a.name.cmp(&b.name)),
        "status" => shown.sort_by_key(status),
        "size" => shown.sort_by_key(|c| containers::disk_usage(store, c).rw),
        _ => shown.sort_by_key(created),
    }
}

fn shell_join(args: &[String]) -> String {
    args.join(" ")
}

/// `skiff ps`.
pub fn ps(args: PsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let filters = args.filter.iter().map(|f| Filter::parse(f)).collect::<anyhow::Result<Vec<_>>>()?;
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    // before=/since= name a container: compare with its creation time.
    let mut filters = filters;
    for (_, f) in filters.iter_mut() {
        if let Filter::Before(k) | Filter::Since(k) = f {
            *k = containers::lookup(&store, k)?.created;
        }
    }
    let last = if args.latest { Some(1) } else { args.last };
    // A status filter or --last looks at every container, as in podman.
    let pods = engine::pods::list(&ctx).unwrap_or_default();
    let pod_of = |c: &ContainerRecord| {
        engine::pods::pod_of(&store, &c.id).and_then(|id| pods.iter().find(|p| p.id == id))
    };
    let every = args.all || last.is_some() || filters.iter().any(|(k, _)| k == "status" || k == "exited");
    let mut shown: Vec<ContainerRecord> = refreshed(&ctx, &store)?
        .into_iter()
        .filter(|c| every || c.state == State::Running)
        .filter(|c| matches_all_in(&filters, c, pod_of(c)))
        .filter(|c| health_matches(&filters, engine::service::health_status(&ctx, &store, c).as_deref()))
        .collect();
    // `Up 3 minutes (healthy)`, as podman shows a container with a healthcheck.
    let status_with = |c: &ContainerRecord, net: Option<&NetworkState>| {
        let s = status_with(c, net);
        match engine::service::health_status(&ctx, &store, c) {
            Some(h) => format!("{s} ({h})"),
            None => s,
        }
    };
    if let Some(n) = last {
        shown.sort_by(|a, b| a.created.cmp(&b.created));
        shown.drain(..shown.len().saturating_sub(n));
    }
    sort_containers(&mut shown, &args.sort, &store);
    let short = |id: &str| if args.no_trunc { id.to_string() } else { id[..id.len().min(12)].to_string() };
    // As podman: after its own, every container of containers/storage it does not manage,
    // whatever the filters.
    let external = if args.external { engine::external::list(&ctx)? } else { Vec::new() };
    if args.quiet {
        for id in shown.iter().map(|c| &c.id).chain(external.iter().map(|e| &e.id)) {
            printer.line(&short(id));
        }
        return Ok(Exit::SUCCESS);
    }
    let external_items: Vec<serde_json::Value> = external
        .iter()
        .map(|e| {
            json!({
                "Id": e.id,
                "ID": short(&e.id),
                "Image": e.image_name,
                "ImageID": e.image_id,
                "Command": [e.command],
                "Created": e.created,
                "CreatedAt": human::since(&e.created),
                "RunningFor": human::since(&e.created),
                "StartedAt": 0,
                "ExitedAt": 0,
                "Exited": false,
                "ExitCode": 0,
                "State": "storage",
                "Status": "Storage",
                "Pid": 0,
                "Ports": null,
                "Names": [e.name],
                "Labels": null,
                "Pod": "",
                "PodName": "",
                "Size": null,
            })
        })
        .collect();
    let items: Vec<serde_json::Value> = shown
        .iter()
        .map(|c| {
            let net = network_state(&ctx, c);
            let ports: Vec<serde_json::Value> = net
                .iter()
                .flat_map(|n| &n.ports)
                .map(|p| {
                    json!({
                        "host_ip": p.host_ip.map(|ip| ip.to_string()).unwrap_or_default(),
                        "container_port": p.container_port,
                        "host_port": p.host_port,
                        "range": 1,
                        "protocol": p.protocol.as_str(),
                    })
                })
                .collect();
            json!({
                "Id": c.id,
                "ID": short(&c.id),
                "Image": c.image_name,
                "ImageID": c.image_id,
                "Command": c.command,
                "Created": c.created,
                "CreatedAt": human::since(&c.created),
                "RunningFor": human::since(&c.created),
                "StartedAt": c.started_at,
                "ExitedAt": c.finished_at,
                "Exited": matches!(c.state, State::Exited | State::Stopped),
                "ExitCode": c.exit_code.unwrap_or(0),
                "State": c.state,
                "Status": status_with(c, net.as_ref()),
                "Pid": c.pid.unwrap_or(0),
                "Ports": if ports.is_empty() { json!(null) } else { json!(ports) },
                "Names": [c.name],
                "Labels": c.labels,
                "Pod": pod_of(c).map(|p| short(&p.id)).unwrap_or_default(),
                "PodName": pod_of(c).map(|p| p.name.clone()).unwrap_or_default(),
                "Pod": pod_of(c).map(|p| short(&p.id)).unwrap_or_default(),
                "PodName": pod_of(c).map(|p| p.name.clone()).unwrap_or_default(),
                "Size": if args.size { json!(size_text(&store, c)) } else { json!(null) },
            })
        })
        .collect();
    match crate::cli::format::normalized(args.format.as_deref()) {
        Some("json") => {
            let all: Vec<&serde_json::Value> = items.iter().chain(&external_items).collect();
            printer.line(&serde_json::to_string_pretty(&all)?)
        }
        Some(t) => {
            let t = if t.trim_start().starts_with("table") { table_columns(t) } else { t.to_string() };
            let t = crate::cli::format::Template::parse(&t)?;
            let mut lines = Vec::new();
            if t.is_table() && !args.noheading {
                lines.push(t.header(&[
                    ("ID", "CONTAINER ID"),
                    ("Id", "CONTAINER ID"),
                    ("RunningFor", "CREATED"),
                    ("CreatedAt", "CREATED"),
                    ("ExitCode", "EXIT CODE"),
                    ("ImageID", "IMAGE ID"),
                ]));
            }
            for (item, c) in items.iter().zip(&shown) {
                let mut item = item.clone();
                // In templates, .Names and .Command are plain strings, as in podman.
                item["Names"] = json!(c.name);
                item["Command"] = json!(shell_join(&c.command));
                lines.push(t.render(&item)?);
            }
            for (item, e) in external_items.iter().zip(&external) {
                let mut item = item.clone();
                item["Names"] = json!(e.name);
                item["Command"] = json!(e.command);
                lines.push(t.render(&item)?);
            }
            let text =
                if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") };
            if !text.is_empty() {
                printer.line(text.trim_end_matches('\n'));
            }
        }
        None => {
            let mut header: Vec<String> =
                ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]
                    .map(String::from)
                    .to_vec();
            if args.size {
                header.push("SIZE".into());
            }
            if args.pod {
                header.extend(["POD ID".to_string(), "PODNAME".to_string()]);
            }
            let mut rows = vec![header];
            for c in &shown {
                let mut command = shell_join(&c.command);
                if !args.no_trunc && command.chars().count() > 20 {
                    command = command.chars().take(17).collect::<String>() + "...";
                }
                let net = network_state(&ctx, c);
                let mut row = vec![
                    short(&c.id),
                    c.image_name.clone(),
                    command,
                    human::since(&c.created),
                    status_with(c, net.as_ref()),
                    ports_text(net.as_ref()),
                    c.name.clone(),
                ];
                if args.size {
                    row.push(size_text(&store, c));
                }
                if args.pod {
                    let p = pod_of(c);
                    row.push(p.map(|p| short(&p.id)).unwrap_or_default());
                    row.push(p.map(|p| p.name.clone()).unwrap_or_default());
                }
                rows.push(row);
            }
            for e in &external {
                let mut row = vec![
                    short(&e.id),
                    e.image_name.clone(),
                    e.command.clone(),
                    human::since(&e.created),
                    "Storage".to_string(),
                    String::new(),
                    e.name.clone(),
                ];
                if args.size {
                    row.push(String::new());
                }
                if args.pod {
                    row.extend([String::new(), String::new()]);
                }
                rows.push(row);
            }
            let mut widths = vec![10usize; rows[0].len()];
            for r in &rows {
                for (w, cell) in widths.iter_mut().zip(r) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let mut out = String::new();
            for r in rows.iter().skip(usize::from(args.noheading)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(name: &str, state: State, image: &str) -> ContainerRecord {
        ContainerRecord {
            id: format!("{:0<64}", name.len()),
            name: name.into(),
            image_id: "ab".repeat(32),
            image_name: image.into(),
            created: String::new(),
            command: vec![],
            labels: [("app".to_string(), "web".to_string())].into(),
            state,
            exit_code: (state == State::Exited).then_some(2),
            started_at: None,
            finished_at: None,
            pid: None,
            rm: false,
            storage_driver: "vfs".into(),
            stop_signal: None,
            interactive: false,
            entrypoint: vec![],
            cmd: vec![],
            volumes: vec![],
            runtime: None,
            stop_timeout: None,
            restart_count: 0,
        }
    }

    fn filters(f: &[&str]) -> Vec<(String, Filter)> {
        f.iter().map(|t| Filter::parse(t).unwrap()).collect()
    }

    #[test]
    fn same_key_is_or_and_different_keys_are_and() {
        let web = rec("web", State::Running, "docker.io/library/busybox:latest");
        let db = rec("db", State::Exited, "localhost/db:1");
        let f = filters(&["status=running", "status=exited"]);
        assert!(matches_all(&f, &web) && matches_all(&f, &db));
        let f = filters(&["status=running", "name=d", "status=exited"]);
        assert!(!matches_all(&f, &web) && matches_all(&f, &db));
        assert!(matches_all(&filters(&["name=^w.b$"]), &web));
        assert!(matches_all(&filters(&["label=app"]), &web));
        assert!(matches_all(&filters(&["label=app=web"]), &web));
        assert!(!matches_all(&filters(&["label=app=db"]), &web));
        assert!(matches_all(&filters(&["exited=2"]), &db) && !matches_all(&filters(&["exited=3"]), &db));
        for a in ["docker.io/library/busybox:latest", "docker.io/library/busybox", "busybox", "abab"] {
            assert!(matches_all(&filters(&[&format!("ancestor={a}")]), &web), "{a}");
        }
        assert!(!matches_all(&filters(&["ancestor=box"]), &web));
        assert!(matches_all(&filters(&["ancestor=localhost/db"]), &db));
        assert!(matches_all(&filters(&["id=3000"]), &web) && !matches_all(&filters(&["id=4"]), &web));
    }

    #[test]
    fn bad_filters_are_named() {
        for (bad, needle) in [
            ("nokey", "use KEY=VALUE"),
            ("bogus=1", "bogus is an invalid filter"),
            ("status=sleepy", "unknown container state \"sleepy\""),
            ("name=(", "invalid name filter"),
            ("exited=x", "invalid exited filter"),
        ] {
            let e = Filter::parse(bad).unwrap_err().to_string();
            assert!(e.contains(needle), "{bad}: {e}");
        }
    }

    #[test]
    fn table_templates_turn_spaces_between_fields_into_columns() {
        assert_eq!(table_columns("table {{.ID}}  {{.Names}}"), "table {{.ID}}\t{{.Names}}");
        assert_eq!(table_columns("table {{.ID}}:{{.Names}}"), "table {{.ID}}:{{.Names}}");
    }
}
