//! `skiff pod create|start|stop|restart|kill|rm|ps|inspect|exists|prune|top|logs`: flags and
//! output; the use cases are [`engine::pods`]'s.

use std::io::IsTerminal;

use anyhow::Context as _;
use serde_json::{json, Value};

use crate::cli::commands::image::confirm;
use crate::cli::diag::{Failures, WithExit};
use crate::cli::{format::Template, human, printer::Printer, Exit};
use crate::engine::pods::{self, PodRecord};
use crate::engine::{self, lifecycle, Context, Store};

/// `skiff pod ...`
#[derive(Debug, clap::Subcommand)]
pub enum PodCommand {
    /// Create a pod: containers run in it with --pod share its network, ipc and uts namespaces
    Create(Box<CreateArgs>),
    /// Start pods (the infra container first, then the others)
    Start(PodsArgs),
    /// Stop pods (every container, the infra container last)
    Stop(StopArgs),
    /// Stop and start pods again
    Restart(PodsArgs),
    /// Send a signal to the running containers of pods
    Kill(KillArgs),
    /// Remove pods and their containers
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// List pods
    #[command(visible_aliases = ["ls", "list"])]
    Ps(PsArgs),
    /// Show details of pods
    Inspect(InspectArgs),
    /// Exit 0 if the pod exists, 1 if not
    Exists(ExistsArgs),
    /// Remove every pod none of whose containers runs
    Prune(PruneArgs),
    /// Show the processes of a pod's containers
    Top(TopArgs),
    /// Show the logs of a pod's containers
    Logs(PodLogsArgs),
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// The pod's name (default: a random adjective_noun)
    #[arg(short = 'n', long, value_name = "NAME")]
    pub name: Option<String>,
    /// Set a label on the pod (KEY=VALUE)
    #[arg(short = 'l', long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// The hostname of the pod's containers (default: the pod's name)
    #[arg(long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// Namespaces the containers share: a list of cgroup, ipc, net, pid, uts, or none; +LIST adds
    /// to the default (ipc,net,uts)
    #[arg(long, value_name = "NAMESPACES")]
    pub share: Option<String>,
    /// Create an infra container that holds the shared namespaces (--infra=false: none)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub infra: bool,
    /// The infra container's name (default: the pod id's first 12 characters, then -infra)
    #[arg(long = "infra-name", value_name = "NAME")]
    pub infra_name: Option<String>,
    /// The infra container's command (default: sleep infinity under skiff's init)
    #[arg(long = "infra-command", value_name = "COMMAND")]
    pub infra_command: Option<String>,
    /// The infra container's image (default: skiff's own two-kilobyte pause image, made locally;
    /// nothing is pulled)
    #[arg(long = "infra-image", value_name = "IMAGE")]
    pub infra_image: Option<String>,
    #[command(flatten)]
    pub registry: crate::cli::args::RegistryOpts,
    /// What to do when the last container exits: continue (keep the infra running) or stop
    #[arg(long = "exit-policy", value_name = "POLICY")]
    pub exit_policy: Option<String>,
    /// Remove a pod of the same name first (stopping its containers)
    #[arg(long)]
    pub replace: bool,
    /// Write the pod's id to this file
    #[arg(long = "pod-id-file", value_name = "FILE")]
    pub pod_id_file: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub network: super::container::NetworkArgs,
    /// The pod's name, as with --name
    #[arg(value_name = "NAME", conflicts_with = "name")]
    pub positional_name: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct PodsArgs {
    /// All pods
    #[arg(short, long)]
    pub all: bool,
    /// The pods (names or ids)
    #[arg(value_name = "POD", required_unless_present = "all")]
    pub pods: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct StopArgs {
    /// Seconds to wait after the stop signal before killing each container
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    #[command(flatten)]
    pub pods: PodsArgs,
}

#[derive(Debug, clap::Args)]
pub struct KillArgs {
    /// The signal: a name (KILL, SIGTERM, hup) or a number
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,
    #[command(flatten)]
    pub pods: PodsArgs,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Stop running containers first; a pod that does not exist is not an error
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for the containers to stop before killing them
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// All pods
    #[arg(short, long)]
    pub all: bool,
    /// A pod that does not exist is not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// The pods (names or ids)
    #[arg(value_name = "POD", required_unless_present = "all")]
    pub pods: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct PsArgs {
    /// Print only the pod ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Do not truncate the ids
    #[arg(long = "no-trunc")]
    pub no_trunc: bool,
    /// Output format: json, or a Go template such as '{{.ID}} {{.Name}} {{.Status}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Only pods matching: name=REGEX, id=PREFIX, label=KEY[=VALUE], status=STATUS
    #[arg(short, long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Also show the containers' ids, names and statuses (accepted for podman compatibility)
    #[arg(long = "ctr-names")]
    pub ctr_names: bool,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Output format: json (default), or a Go template such as '{{.Name}}'
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The pods (names or ids)
    #[arg(value_name = "POD", required = true)]
    pub pods: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// The pod's name or id
    #[arg(value_name = "POD")]
    pub pod: String,
}

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct TopArgs {
    /// The pod's name or id
    #[arg(value_name = "POD")]
    pub pod: String,
    /// ps format descriptors, as for `skiff top`
    #[arg(value_name = "DESCRIPTORS")]
    pub descriptors: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct PodLogsArgs {
    /// Only this container of the pod (name or id)
    #[arg(short, long, value_name = "CONTAINER")]
    pub container: Option<String>,
    /// Print only the last N lines of each container
    #[arg(long, value_name = "N")]
    pub tail: Option<usize>,
    /// Keep printing new output until the containers exit
    #[arg(short, long)]
    pub follow: bool,
    /// Prefix each line with the time it was written
    #[arg(short, long)]
    pub timestamps: bool,
    /// The pod's name or id
    #[arg(value_name = "POD")]
    pub pod: String,
}

pub fn run(command: PodCommand, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    match command {
        PodCommand::Create(a) => create(*a, ctx, printer),
        PodCommand::Start(a) => start(a, ctx, printer),
        PodCommand::Stop(a) => stop(a, ctx, printer),
        PodCommand::Restart(a) => restart(a, ctx, printer),
        PodCommand::Kill(a) => kill(a, ctx, printer),
        PodCommand::Rm(a) => rm(a, ctx, printer),
        PodCommand::Ps(a) => ps(a, ctx, printer),
        PodCommand::Inspect(a) => inspect(a, ctx, printer),
        PodCommand::Exists(a) => match pods::find(&ctx, &a.pod) {
            Ok(_) => Ok(Exit::SUCCESS),
            Err(e) if e.is_not_found() => Ok(Exit::FAILURE),
            Err(e) => Err(e.into()),
        },
        PodCommand::Prune(a) => prune(a, ctx, printer),
        PodCommand::Top(a) => top(a, ctx, printer),
        PodCommand::Logs(a) => logs(a, ctx, printer),
    }
}

/// A missing pod exits 1, as in podman; other errors 125.
fn pod_error(e: pods::Error) -> anyhow::Error {
    let exit = if e.is_not_found() { Exit::FAILURE } else { Exit::SKIFF_ERROR };
    WithExit { message: engine::error_chain(&e), exit }.into()
}

fn create(args: CreateArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let infra_command = args
        .infra_command
        .as_deref()
        .map(|t| match t.trim_start().starts_with('[') {
            true => serde_json::from_str::<Vec<String>>(t)
                .with_context(|| format!("invalid --infra-command {t:?}")),
            false => Ok(vec![t.to_string()]),
        })
        .transpose()?;
    let opts = pods::CreateOptions {
        name: args.name.or(args.positional_name),
        labels: args.label,
        hostname: args.hostname,
        share: args.share,
        infra: args.infra,
        infra_name: args.infra_name,
        infra_command,
        infra_image: args.infra_image.clone().or_else(pods::configured_infra_image),
        network: args.network.request(),
        exit_policy: args.exit_policy,
        replace: args.replace,
    };
    // Checked before anything is written.
    pods::parse_share(opts.share.as_deref())?;
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    if let Some(image) = opts.infra_image.as_deref().filter(|i| opts.infra && !pods::is_kubernetes_pause(i)) {
        if engine::images::lookup(&store, image).is_err() {
            super::container::pull_image(&ctx, &store, &args.registry, image, printer)
                .map_err(|e| anyhow::anyhow!("initializing source docker://{image}: {e:#}"))?;
        }
    }
    let pod = pods::create(&ctx, &store, &opts).map_err(pod_error)?;
    if let Some(file) = &args.pod_id_file {
        fs_err::write(file, &pod.id)?;
    }
    printer.line(&pod.id);
    Ok(Exit::SUCCESS)
}

/// The pods named by `keys` (or every pod with `all`), each with the error of finding it.
fn resolve(
    ctx: &Context,
    all: bool,
    keys: &[String],
) -> anyhow::Result<Vec<Result<PodRecord, anyhow::Error>>> {
    if all {
        return Ok(pods::list(ctx).map_err(pod_error)?.into_iter().map(Ok).collect());
    }
    Ok(keys.iter().map(|k| pods::find(ctx, k).map_err(pod_error)).collect())
}

/// Reports the per-container errors of a pod operation; the pod's id is printed on success.
fn report(
    printer: &Printer,
    failed: &mut Failures,
    pod: &PodRecord,
    what: &str,
    result: Result<Vec<(String, pods::Error)>, pods::Error>,
) {
    match result {
        Ok(errors) if errors.is_empty() => printer.line(&pod.id),
        Ok(errors) => {
            for (id, e) in errors {
                failed.add(
                    anyhow::Error::new(e)
                        .context(format!("cannot {what} container {id} of pod {}", pod.name)),
                );
            }
        }
        Err(e) => failed.add(pod_error(e)),
    }
}

fn start(args: PodsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    // One pod whose infra runs: its containers join the infra's namespaces from its user
    // namespace (see engine::pods).
    if let [one] = args.pods.as_slice() {
        let req = engine::network::Request { pod: Some(one.clone()), ..Default::default() };
        engine::network::enter_joined_userns(&req, &ctx)?;
    }
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut failed = Failures::new(printer);
    for pod in resolve(&ctx, args.all, &args.pods)? {
        match pod {
            Ok(pod) => report(printer, &mut failed, &pod, "start", pods::start(&ctx, &store, &pod)),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn stop(args: StopArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut failed = Failures::new(printer);
    for pod in resolve(&ctx, args.pods.all, &args.pods.pods)? {
        match pod {
            Ok(pod) => report(printer, &mut failed, &pod, "stop", pods::stop(&ctx, &store, &pod, args.time)),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn restart(args: PodsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut failed = Failures::new(printer);
    for pod in resolve(&ctx, args.all, &args.pods)? {
        match pod {
            Ok(pod) => {
                let done = pods::stop(&ctx, &store, &pod, None).and_then(|mut errors| {
                    errors.extend(pods::start(&ctx, &store, &pod)?);
                    Ok(errors)
                });
                report(printer, &mut failed, &pod, "restart", done)
            }
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn kill(args: KillArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let signal = lifecycle::parse_signal(&args.signal)?;
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut failed = Failures::new(printer);
    for pod in resolve(&ctx, args.pods.all, &args.pods.pods)? {
        match pod {
            Ok(pod) => report(printer, &mut failed, &pod, "kill", pods::kill(&ctx, &store, &pod, signal)),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn rm(args: RmArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut failed = Failures::new(printer);
    for pod in resolve(&ctx, args.all, &args.pods)? {
        match pod {
            Ok(pod) => match pods::remove(&ctx, &store, &pod, args.force, args.time) {
                Ok(_) => printer.line(&pod.id),
                Err(e) if e.is_not_found() => {}
                Err(e) => failed.add(pod_error(e)),
            },
            Err(_) if args.force || args.ignore => {}
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn prune(args: PruneArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let question = "WARNING! This will remove all stopped/exited pods..\nAre you sure you want to continue?";
    if !args.force {
        if !std::io::stdin().is_terminal() {
            printer.error(&format!("{question} [y/N]"));
            printer.error("stdin is not a terminal: taking that as no (use -f to skip this question)");
            return Ok(Exit::SUCCESS);
        }
        if !confirm(question) {
            return Ok(Exit::SUCCESS);
        }
    }
    super::container::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    for id in pods::prune(&ctx, &store).map_err(pod_error)? {
        printer.line(&id);
    }
    Ok(Exit::SUCCESS)
}

/// A pod with the field names of podman's `pod ps` Go type, for templates and json.
fn ps_view(ctx: &Context, store: &Store, pod: &PodRecord, no_trunc: bool) -> anyhow::Result<Value> {
    let all = pods::containers_of(ctx, store, pod).map_err(pod_error)?;
    let short = |id: &str| if no_trunc { id.to_string() } else { id.chars().take(12).collect() };
    Ok(json!({
        "Id": pod.id,
        "ID": short(&pod.id),
        "Name": pod.name,
        "Status": pods::status(&all),
        "Created": pod.created,
        "CreatedAt": human::since(&pod.created),
        "InfraId": pod.infra_id.as_deref().map(short).unwrap_or_default(),
        "InfraID": pod.infra_id.as_deref().map(short).unwrap_or_default(),
        "NumberOfContainers": all.len(),
        "Labels": pod.labels,
        "Networks": pod.networks,
        "Namespace": "",
        "Cgroup": "",
        "ContainerIds": all.iter().map(|c| short(&c.id)).collect::<Vec<_>>(),
        "ContainerNames": all.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(","),
        "ContainerStatuses": all.iter().map(|c| c.state.to_string()).collect::<Vec<_>>().join(","),
        "Containers": all.iter().map(|c| json!({"Id": c.id, "Names": c.name, "Status": c.state.to_string()})).collect::<Vec<_>>(),
    }))
}

fn filter_matches(view: &Value, pod: &PodRecord, filter: &str) -> anyhow::Result<bool> {
    let (k, v) =
        filter.split_once('=').with_context(|| format!("invalid filter {filter:?}: expected KEY=VALUE"))?;
    Ok(match k {
        "name" => {
            regex::Regex::new(v).map(|r| r.is_match(&pod.name)).unwrap_or_else(|_| pod.name.contains(v))
        }
        "id" => pod.id.starts_with(v),
        "label" => match v.split_once('=') {
            Some((lk, lv)) => pod.labels.get(lk).is_some_and(|x| x == lv),
            None => pod.labels.contains_key(v),
        },
        "status" => view["Status"].as_str().is_some_and(|s| s.eq_ignore_ascii_case(v)),
        _ => anyhow::bail!("invalid filter {filter:?}: expected name, id, label or status"),
    })
}

fn ps(args: PsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut views = Vec::new();
    for pod in pods::list(&ctx).map_err(pod_error)? {
        // Removed meanwhile (`pod rm` running at the same time): not shown.
        let Ok(view) = ps_view(&ctx, &store, &pod, args.no_trunc) else { continue };
        let mut keep = true;
        for f in &args.filter {
            keep &= filter_matches(&view, &pod, f)?;
        }
        if keep {
            views.push(view);
        }
    }
    if args.quiet {
        for v in &views {
            printer.line(v["ID"].as_str().unwrap_or_default());
        }
        return Ok(Exit::SUCCESS);
    }
    if args.format.as_deref() == Some("json") {
        printer.line(&serde_json::to_string_pretty(&views)?);
        return Ok(Exit::SUCCESS);
    }
    let template = args.format.unwrap_or_else(|| {
        "table {{.ID}}\t{{.Name}}\t{{.Status}}\t{{.CreatedAt}}\t{{.InfraID}}\t{{.NumberOfContainers}}".into()
    });
    let t = Template::parse(&template)?;
    let mut lines = Vec::new();
    if t.is_table() && !args.noheading {
        lines.push(t.header(&[
            ("ID", "POD ID"),
            ("CreatedAt", "CREATED"),
            ("InfraID", "INFRA ID"),
            ("NumberOfContainers", "# OF CONTAINERS"),
        ]));
    }
    lines.extend(views.iter().map(|v| t.render(v)).collect::<Result<Vec<_>, _>>()?);
    if lines.is_empty() {
        return Ok(Exit::SUCCESS);
    }
    let text = if t.is_table() { crate::cli::format::align_columns(&lines) } else { lines.join("\n") };
    printer.line(text.trim_end_matches('\n'));
    Ok(Exit::SUCCESS)
}

fn inspect(args: InspectArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut found = Vec::new();
    let mut failed = Failures::new(printer);
    for key in &args.pods {
        match pods::find(&ctx, key).and_then(|p| pods::inspect(&ctx, &store, &p)) {
            Ok(v) => found.push(v),
            Err(e) => failed.add(pod_error(e)),
        }
    }
    match args.format.as_deref() {
        None | Some("json") => match found.as_slice() {
            // podman prints one pod as an object, several as an array.
            [one] => printer.line(&serde_json::to_string_pretty(one)?),
            [] => {}
            _ => printer.line(&serde_json::to_string_pretty(&found)?),
        },
        Some(t) => {
            let t = Template::parse(t)?;
            for v in &found {
                // Go templates see podman's Go field names.
                let mut v = v.clone();
                v["ID"] = v["Id"].clone();
                if let Some(cs) = v["Containers"].as_array_mut() {
                    for c in cs {
                        c["ID"] = c["Id"].clone();
                    }
                }
                printer.line(&t.render(&v)?);
            }
        }
    }
    failed.finish()
}

/// The command line that runs this executable with `ctx`'s storage paths.
fn skiff(ctx: &Context) -> std::process::Command {
    let exe = std::env::current_exe().unwrap_or_else(|_| "/proc/self/exe".into());
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("--root").arg(&ctx.paths.graph_root).arg("--runroot").arg(&ctx.paths.run_root);
    cmd.env_remove(engine::context::ENV_IN_USERNS);
    cmd
}

fn top(args: TopArgs, ctx: Context, _printer: &Printer) -> anyhow::Result<Exit> {
    let pod = pods::find(&ctx, &args.pod).map_err(pod_error)?;
    // Read without entering the store's namespace: `skiff top` enters the containers' own.
    let store = engine::open_store(&ctx)?;
    let running: Vec<String> = pods::members(&store, &pod)
        .into_iter()
        .filter(|c| c.state == engine::State::Running)
        .map(|c| c.id)
        .collect();
    if running.is_empty() {
        anyhow::bail!("no containers of pod {} are running", pod.name);
    }
    // Each container's processes are read from its own user namespace: one `skiff top` each.
    let mut header: Option<String> = None;
    let mut rows: Vec<String> = Vec::new();
    for id in &running {
        let out = skiff(&ctx).arg("top").arg(id).args(&args.descriptors).output()?;
        if !out.status.success() {
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut it = text.lines();
        let head: Vec<&str> = it.next().unwrap_or_default().split_whitespace().collect();
        let n = head.len().max(1);
        header.get_or_insert_with(|| head.join("\t"));
        for l in it {
            // The last column (the command) may hold spaces.
            let parts: Vec<&str> = l.split_whitespace().collect();
            let split = (n - 1).min(parts.len());
            let (first, rest) = parts.split_at(split);
            let mut cells: Vec<String> = first.iter().map(|s| s.to_string()).collect();
            cells.push(rest.join(" "));
            rows.push(cells.join("\t"));
        }
    }
    let mut lines: Vec<String> = header.into_iter().collect();
    lines.extend(rows);
    println_aligned(_printer, &lines);
    Ok(Exit::SUCCESS)
}

fn println_aligned(printer: &Printer, lines: &[String]) {
    if !lines.is_empty() {
        printer.line(crate::cli::format::align_columns(lines).trim_end_matches('\n'));
    }
}

fn logs(args: PodLogsArgs, ctx: Context, _printer: &Printer) -> anyhow::Result<Exit> {
    let pod = pods::find(&ctx, &args.pod).map_err(pod_error)?;
    let store = engine::open_store(&ctx)?;
    let all = pods::members(&store, &pod);
    let containers: Vec<String> = match &args.container {
        Some(key) => {
            let rec = engine::containers::lookup(&store, key)?;
            if !all.iter().any(|c| c.id == rec.id) {
                anyhow::bail!("container {key} is not in pod {}", pod.name);
            }
            vec![rec.id]
        }
        None => all.into_iter().filter(|c| !pods::is_infra(&pod, c)).map(|c| c.id).collect(),
    };
    if containers.is_empty() {
        return Ok(Exit::SUCCESS);
    }
    // `skiff logs` over those containers (each line prefixed with its container's id).
    let mut cmd = skiff(&ctx);
    cmd.arg("logs");
    if let Some(n) = args.tail {
        cmd.arg("--tail").arg(n.to_string());
    }
    if args.follow {
        cmd.arg("-f");
    }
    if args.timestamps {
        cmd.arg("-t");
    }
    cmd.args(&containers);
    let status = cmd.status()?;
    Ok(Exit::from_status(status.code().unwrap_or(125)))
}
