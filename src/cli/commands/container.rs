//! Container commands: `run`, `ps`, `rm`, `logs`, and the hidden `container-cleanup` the
//! supervisor runs after the container has exited.
//!
//! `run` creates the container, mounts its root filesystem in this process's (private) mount
//! namespace and starts a detached supervisor (see [`crate::runtime::supervisor`]), which inherits
//! that namespace and so keeps the mount alive after `run` returns. When the container exits, the
//! supervisor records `exit.json` and runs `skiff container-cleanup ID` in the same namespace: it
//! records the exit, unmounts and, for `--rm`, removes the container.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use serde_json::json;

use super::pull::{client_options, runtime, Progress};
use crate::cli::args::{PlatformOpts, RegistryOpts};
use crate::cli::{diag::WithExit, human, printer::Printer, Exit};
use crate::engine::containers::{self, CreateOptions};
use crate::engine::{self, Context};
use crate::runtime::spec::RunOptions;
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::{ContainerRecord, State, Store};

/// `--pull`: when `run` pulls the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PullPolicy {
    /// Pull only when the image is not in local storage
    Missing,
    /// Always pull
    Always,
    /// Never pull; fail when the image is not in local storage
    Never,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Run the container in the background and print its id
    #[arg(short, long)]
    pub detach: bool,
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Name the container (default: a random adjective_noun)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Set an environment variable (KEY=VALUE, or KEY to take this environment's value)
    #[arg(short = 'e', long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Working directory inside the container
    #[arg(short = 'w', long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Run as USER[:GROUP] (name or number)
    #[arg(short = 'u', long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Override the image's entrypoint (a command, or a JSON array; "" clears it)
    #[arg(long, value_name = "CMD")]
    pub entrypoint: Option<String>,
    /// Keep stdin open and forward it to the container
    #[arg(short, long)]
    pub interactive: bool,
    /// Pull the image: missing, always or never
    #[arg(long, value_enum, default_value = "missing", value_name = "POLICY")]
    pub pull: PullPolicy,
    #[command(flatten)]
    pub registry: RegistryOpts,
    /// The image to run
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// The command and its arguments (default: the image's)
    #[arg(value_name = "COMMAND", trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

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

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Kill and remove running containers
    #[arg(short, long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    /// Containers to remove (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct LogsArgs {
    /// Print only the last N lines
    #[arg(long, value_name = "N")]
    pub tail: Option<usize>,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

#[derive(Debug, clap::Args)]
pub struct CleanupArgs {
    /// The container's id
    pub id: String,
}

fn parse_entrypoint(text: &str) -> anyhow::Result<Vec<String>> {
    if text.trim_start().starts_with('[') {
        return serde_json::from_str(text).with_context(|| format!("invalid --entrypoint {text:?}"));
    }
    Ok(if text.is_empty() { Vec::new() } else { vec![text.to_string()] })
}

/// `skiff run`.
pub fn run(args: RunArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let present = match engine::images::lookup(&store, &args.image) {
        Ok(_) => true,
        Err(engine::Error::ImageNotKnown { .. }) => false,
        Err(e) => return Err(e.into()),
    };
    let image_text = if args.pull == PullPolicy::Always || (!present && args.pull == PullPolicy::Missing) {
        pull_image(&ctx, &store, &args.registry, &args.image, printer)?
    } else {
        args.image.clone()
    };
    let opts = RunOptions {
        entrypoint: args.entrypoint.as_deref().map(parse_entrypoint).transpose()?,
        command: args.command.clone(),
        env: args.env.clone(),
        workdir: args.workdir.clone(),
        user: args.user.clone(),
        ..Default::default()
    };
    let with = CreateOptions { name: args.name.clone(), rm: args.rm, ..Default::default() };
    let rec = containers::create(&ctx, &store, &image_text, opts, with)?;
    let id = rec.id.clone();
    let started = start(&ctx, &store, &rec, !args.detach, args.interactive);
    let started = match started {
        Ok(s) => s,
        Err(e) => {
            // The supervisor (if it ran; our child) records the exit and runs the cleanup: wait
            // for it, then make sure of both.
            if let Some(pid) = read_pid(&containers::run_dir(&ctx, &id).join(supervisor::SUPERVISOR_PID)) {
                let _ = nix::sys::wait::waitpid(pid, None);
            }
            let _ = cleanup_container(&ctx, &store, &id);
            if args.rm {
                let _ = containers::remove(&ctx, &store, &id, true);
            }
            return Err(e);
        }
    };
    let Some(stream) = started.attach else {
        printer.line(&id);
        return Ok(Exit::SUCCESS);
    };
    use std::os::fd::AsFd;
    let stdin = std::io::stdin();
    let stdin_fd = args.interactive.then(|| stdin.as_fd());
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = supervisor::attach(&stream, stdin_fd, &mut out, &mut err, Some(started.supervisor));
    let run_dir = containers::run_dir(&ctx, &id);
    let code = match code {
        Ok(Some(code)) => Some(code),
        // Our output is gone (e.g. `| head`): the container keeps running, as with podman.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Exit::SUCCESS),
        _ => None,
    };
    // The supervisor runs the cleanup before it exits: wait for it, so that `--rm` is done when
    // `run` returns, then make sure of the cleanup (it is idempotent).
    let _ = nix::sys::wait::waitpid(started.supervisor, None);
    let code = code.or_else(|| ExitRecord::read(&run_dir).map(|r| r.exit_code));
    if let Err(e) = cleanup_container(&ctx, &store, &id) {
        printer.warn(&format!("cleaning up container {id}: {e:#}"));
    }
    match code {
        Some(code) => Ok(Exit::from_status(code)),
        None => anyhow::bail!(
            "the supervisor of container {id} exited without recording the container's exit (see {})",
            run_dir.join(supervisor::SUPERVISOR_LOG).display()
        ),
    }
}

fn pull_image(
    ctx: &Context,
    store: &Arc<Store>,
    registry: &RegistryOpts,
    name: &str,
    printer: &Printer,
) -> anyhow::Result<String> {
    let (registries, options) = client_options(ctx, registry)?;
    let no_platform = PlatformOpts { platform: None, arch: None, os: None, variant: None };
    let platform = super::pull::platform(&no_platform)?;
    // The runtime's threads end with it, before the supervisor is started.
    let rt = runtime()?;
    let pulled = rt.block_on(engine::pull::pull(
        store.clone(),
        &registries,
        options,
        &platform,
        name,
        Arc::new(Progress::new(false)),
    ))?;
    drop(rt);
    if pulled.unmapped_owners > 0 {
        printer.warn(&format!(
            "{} files in {} are owned by ids outside your /etc/subuid range and were given to root",
            pulled.unmapped_owners, pulled.reference
        ));
    }
    Ok(pulled.image.id)
}

/// Mounts the root filesystem, starts the supervisor and marks the container running.
fn start(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    attach: bool,
    stdin: bool,
) -> anyhow::Result<supervisor::Started> {
    let id = rec.id.clone();
    containers::mount_rootfs(ctx, store, rec)?;
    let state_dir = containers::ensure_run_dir(ctx, &id)?;
    let exe = std::env::current_exe().unwrap_or_else(|_| "/proc/self/exe".into());
    let cleanup = vec![
        exe.into_os_string(),
        "--root".into(),
        ctx.paths.graph_root.clone().into_os_string(),
        "--runroot".into(),
        ctx.paths.run_root.clone().into_os_string(),
        "container-cleanup".into(),
        id.clone().into(),
    ];
    let opts = supervisor::StartOptions {
        bundle: store.container_dirs(&id).bundle,
        state_dir: state_dir.clone(),
        log: None,
        stdin,
        attach,
        cleanup,
    };
    let started = match supervisor::start(&opts) {
        Ok(s) => s,
        Err(supervisor::Error::Start { message, failure }) => {
            return Err(WithExit { message, exit: Exit::from_status(failure.exit_code()) }.into())
        }
        Err(e) => {
            let log = std::fs::read_to_string(state_dir.join(supervisor::SUPERVISOR_LOG)).unwrap_or_default();
            let e = anyhow::Error::new(e).context(format!("cannot start container {id}"));
            return Err(match log.trim().lines().last() {
                Some(last) => e.context(last.trim().to_string()),
                None => e,
            });
        }
    };
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string();
    let pid = started.supervisor.as_raw();
    let marked = store.update_container(&id, |r| {
        match ExitRecord::read(&state_dir) {
            // It has already exited (and perhaps been cleaned up).
            Some(exit) => {
                r.started_at.get_or_insert(now);
                apply_exit(r, &exit);
            }
            None if r.state == State::Created => {
                r.state = State::Running;
                r.pid = Some(pid);
                r.started_at = Some(now);
            }
            None => {}
        }
        Ok::<_, engine::Error>(())
    });
    match marked {
        Ok(()) | Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. })) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(started)
}

fn apply_exit(r: &mut ContainerRecord, exit: &ExitRecord) {
    if r.state == State::Removing {
        return;
    }
    r.state = State::Exited;
    r.exit_code = Some(exit.exit_code);
    r.finished_at = Some(exit.finished_at.clone());
    r.pid = None;
}

/// Records the exit from `exit.json`, unmounts the root filesystem and, for `--rm`, removes the
/// container. Idempotent; a container that is gone is not an error.
fn cleanup_container(ctx: &Context, store: &Store, id: &str) -> anyhow::Result<()> {
    let Ok(rec) = store.find_container(id) else { return Ok(()) };
    let Some(exit) = ExitRecord::read(&containers::run_dir(ctx, id)) else { return Ok(()) };
    store.update_container(id, |r| {
        apply_exit(r, &exit);
        Ok::<_, engine::Error>(())
    })?;
    containers::unmount_rootfs(store, &rec)?;
    if rec.rm {
        match containers::remove(ctx, store, id, true) {
            Ok(_) => {}
            Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. })) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// `skiff container-cleanup ID` (hidden; run by the supervisor).
pub fn cleanup(args: CleanupArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    cleanup_container(&ctx, &store, &args.id)?;
    Ok(Exit::SUCCESS)
}

/// Every container, with running ones whose exit.json exists marked exited first.
fn refreshed(ctx: &Context, store: &Store) -> anyhow::Result<Vec<ContainerRecord>> {
    let all = containers::list(store)?;
    let mut changed = false;
    for c in all.iter().filter(|c| c.state.is_active()) {
        if let Some(exit) = ExitRecord::read(&containers::run_dir(ctx, &c.id)) {
            let _ = store.update_container(&c.id, |r| {
                apply_exit(r, &exit);
                Ok::<_, engine::Error>(())
            });
            changed = true;
        }
    }
    Ok(if changed { containers::list(store)? } else { all })
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

fn read_pid(path: &Path) -> Option<Pid> {
    let pid: i32 = std::fs::read_to_string(path).ok()?.trim().parse().ok()?;
    (pid > 0).then(|| Pid::from_raw(pid))
}

/// Kills a running container (SIGKILL) and waits for its supervisor to record the exit.
fn kill_and_wait(ctx: &Context, store: &Store, rec: &ContainerRecord) -> anyhow::Result<()> {
    let run_dir = containers::run_dir(ctx, &rec.id);
    if let Some(pid) = read_pid(&run_dir.join(supervisor::CONTAINER_PID)) {
        let _ = kill(pid, Signal::SIGKILL);
    }
    let supervisor_pid =
        rec.pid.map(Pid::from_raw).or_else(|| read_pid(&run_dir.join(supervisor::SUPERVISOR_PID)));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let supervisor_gone = supervisor_pid.is_none_or(|p| kill(p, None).is_err());
        let exited = ExitRecord::read(&run_dir);
        match store.find_container(&rec.id) {
            Err(_) => return Ok(()),
            Ok(r) if !r.state.is_active() && supervisor_gone => return Ok(()),
            Ok(_) if supervisor_gone => {
                let exit = exited.unwrap_or(ExitRecord {
                    exit_code: 137,
                    finished_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string(),
                    signal: Some(9),
                });
                store.update_container(&rec.id, |r| {
                    apply_exit(r, &exit);
                    Ok::<_, engine::Error>(())
                })?;
                return Ok(());
            }
            Ok(_) => {}
        }
        if Instant::now() >= deadline {
            anyhow::bail!("container {} did not exit within 10 seconds of SIGKILL", rec.id);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `skiff rm`.
pub fn rm(args: RmArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    // (record, what to print: the user's input, as podman does; the full id for -a)
    let targets: Vec<(ContainerRecord, String)> = if args.all {
        refreshed(&ctx, &store)?.into_iter().map(|r| (r.clone(), r.id)).collect()
    } else {
        refreshed(&ctx, &store)?;
        let mut v = Vec::new();
        let mut first_err = None;
        for key in &args.containers {
            match containers::lookup(&store, key) {
                Ok(r) => v.push((r, key.clone())),
                Err(e) => {
                    let e = anyhow::Error::new(e);
                    if first_err.is_some() {
                        printer.error(&format!("Error: {e:#}"));
                    } else {
                        first_err = Some(e);
                    }
                }
            }
        }
        if let Some(e) = first_err {
            for (r, shown) in &v {
                remove_one(&ctx, &store, r, shown, args.force, printer)?;
            }
            return Err(e);
        }
        v
    };
    let mut failed = None;
    for (rec, shown) in &targets {
        if let Err(e) = remove_one(&ctx, &store, rec, shown, args.force, printer) {
            if let Some(prev) = failed.replace(e) {
                printer.error(&format!("Error: {prev:#}"));
            }
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(Exit::SUCCESS),
    }
}

fn remove_one(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    shown: &str,
    force: bool,
    printer: &Printer,
) -> anyhow::Result<()> {
    if rec.state.is_active() {
        if !force {
            anyhow::bail!(
                "cannot remove container {} as it is {} - running or paused containers cannot be removed without force: container state improper",
                rec.id,
                if rec.state == State::Paused { "paused" } else { "running" }
            );
        }
        kill_and_wait(ctx, store, rec)?;
    }
    match containers::remove(ctx, store, &rec.id, force) {
        Ok(_) => {}
        // Removed meanwhile (`--rm`).
        Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. }))
            if store.find_container(&rec.id).is_err() => {}
        Err(e) => return Err(e.into()),
    }
    printer.line(shown);
    Ok(())
}

/// `skiff logs`.
pub fn logs(args: LogsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    use std::io::Write;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = containers::lookup(&store, &args.container)?;
    let path = containers::run_dir(&ctx, &rec.id).join(supervisor::DEFAULT_LOG);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot read the log {}", path.display())))
        }
    };
    // (stream is stderr, text) per k8s-file line; a P line continues into the next one.
    let mut lines: Vec<(bool, Vec<u8>)> = Vec::new();
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(4, |&b| b == b' ');
        let (_time, stream, tag) = (parts.next(), parts.next(), parts.next());
        let data = parts.next().unwrap_or_default();
        let err = stream == Some(b"stderr".as_slice());
        let mut text = data.to_vec();
        if tag != Some(b"P".as_slice()) {
            text.push(b'\n');
        }
        lines.push((err, text));
    }
    if let Some(n) = args.tail {
        let full = lines.iter().filter(|(_, t)| t.ends_with(b"\n")).count();
        let mut skip_full = full.saturating_sub(n);
        let mut start = 0;
        while skip_full > 0 && start < lines.len() {
            if lines[start].1.ends_with(b"\n") {
                skip_full -= 1;
            }
            start += 1;
        }
        lines.drain(..start);
    }
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    for (is_err, text) in lines {
        let w: &mut dyn Write = if is_err { &mut err } else { &mut out };
        if let Err(e) = w.write_all(&text) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(Exit::SUCCESS);
            }
            return Err(e.into());
        }
    }
    let _ = out.flush();
    Ok(Exit::SUCCESS)
}
