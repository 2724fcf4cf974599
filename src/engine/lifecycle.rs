//! The lifecycle of a created container below the CLI: the truth about its state
//! ([`reconcile`]), signals ([`Signaller`], [`kill`]), [`stop`], waiting for the end of its
//! supervisor ([`wait_stopped`]) and the document `inspect` prints ([`inspect`]). Starting,
//! removing and waiting for a container build on these: [`super::start`], [`super::remove`],
//! [`super::wait`].
//!
//! The record in `containers.json` says what the last command saw; the run-time directory says
//! what is true now: `supervisor.pid` (written by the supervisor before it starts the container),
//! `container.pid` and `exit.json` (written atomically when the container has exited). A command
//! that was killed at any point leaves a record that [`reconcile`] brings back to the truth:
//! - a `created` record whose supervisor runs (the starting command died before it marked it) is
//!   running;
//! - a record with an `exit.json` (its supervisor was killed before its cleanup, or the cleanup
//!   has not run yet) is exited with that code;
//! - a running record whose supervisor is gone (or a created one whose supervisor was started and
//!   is gone) is exited; a container process the supervisor left behind (the kernel clears the
//!   parent-death signal when the container's user is not root) is killed first, so nothing runs
//!   that no record shows.
//!
//! Signals: rootless, each skiff command runs in its own user namespace, a sibling of the one
//! the container lives in, and the kernel refuses a signal from there to a container process
//! whose uid is not the user's own (no CAP_KILL over a sibling namespace). [`Signaller`] is a
//! helper process forked before the command joins its namespace: it stays in the initial user
//! namespace, where the user owns the container's namespace, and sends signals for it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use serde_json::{json, Value};

use super::containers::run_dir;
use super::Context;
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::containers::{self as records, EXIT_CODE_UNKNOWN};
use crate::storage::{ContainerRecord, State, Store};

/// Errors of the lifecycle operations.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Container(#[from] records::Error),
    #[error("can only kill running containers. {id} is in state {state}: container state improper")]
    NotRunning { id: String, state: State },
    #[error("cannot send {signal} to container {id} (pid {pid})")]
    Signal {
        id: String,
        pid: i32,
        signal: Sig,
        #[source]
        source: Errno,
    },
    #[error("container {id} did not exit within {secs} seconds of SIGKILL")]
    NoExit { id: String, secs: u64 },
    #[error("invalid signal {value:?}: use a name such as TERM, SIGKILL, HUP or RTMIN+3, or a number from 1 to 64")]
    InvalidSignal { value: String },
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// True when the container asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        match self {
            Error::Engine(e) => e.is_not_found(),
            Error::Container(e) => e.is_not_found(),
            _ => false,
        }
    }
}

/// How long to wait for a container (and its supervisor's cleanup) after SIGKILL.
pub const KILL_GRACE: Duration = Duration::from_secs(10);

/// The time format of records and `exit.json`.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string()
}

/// A signal number, real-time ones (`SIGRTMIN+3`, systemd's stop signal) included, which
/// [`Signal`] cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sig(i32);

impl Sig {
    pub const TERM: Sig = Sig(libc::SIGTERM);
    pub const KILL: Sig = Sig(libc::SIGKILL);

    /// The number kill(2) takes.
    pub fn number(self) -> i32 {
        self.0
    }
}

impl From<Signal> for Sig {
    fn from(s: Signal) -> Sig {
        Sig(s as i32)
    }
}

/// podman's names: `SIGTERM`, `SIGRTMIN+3`, `SIGRTMAX-1` (as `kill -l` splits the range).
impl fmt::Display for Sig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (min, max) = (libc::SIGRTMIN(), libc::SIGRTMAX());
        match Signal::try_from(self.0) {
            Ok(s) => f.write_str(s.as_str()),
            Err(_) if self.0 == min => f.write_str("SIGRTMIN"),
            Err(_) if self.0 == max => f.write_str("SIGRTMAX"),
            Err(_) if self.0 > min && self.0 - min <= (max - min) / 2 => {
                write!(f, "SIGRTMIN+{}", self.0 - min)
            }
            Err(_) if self.0 > min && self.0 < max => write!(f, "SIGRTMAX-{}", max - self.0),
            Err(_) => write!(f, "SIG{}", self.0),
        }
    }
}

/// Parses `-s`/`--signal` and a recorded stop signal: a name with or without `SIG` in any case
/// (`TERM`, `sigkill`, `RTMIN+3`, `SIGRTMAX-1`), or a number from 1 to SIGRTMAX (64).
pub fn parse_signal(text: &str) -> Result<Sig, Error> {
    let bad = || Error::InvalidSignal { value: text.to_string() };
    let t = text.trim();
    let (min, max) = (libc::SIGRTMIN(), libc::SIGRTMAX());
    if let Ok(n) = t.parse::<i32>() {
        return if (1..=max).contains(&n) { Ok(Sig(n)) } else { Err(bad()) };
    }
    let upper = t.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
    // `+3` after RTMIN, `-1` after RTMAX, or nothing.
    let offset = |rest: &str, sign: char| -> Option<i32> {
        if rest.is_empty() {
            return Some(0);
        }
        let digits =
            rest.strip_prefix(sign).filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))?;
        digits.parse().ok()
    };
    let rt = if let Some(rest) = name.strip_prefix("SIGRTMIN") {
        Some(offset(rest, '+').and_then(|k| min.checked_add(k)))
    } else {
        name.strip_prefix("SIGRTMAX").map(|rest| offset(rest, '-').and_then(|k| max.checked_sub(k)))
    };
    match rt {
        Some(Some(n)) if (min..=max).contains(&n) => Ok(Sig(n)),
        Some(_) => Err(bad()),
        None => Signal::from_str(&name).map(Sig::from).map_err(|_| bad()),
    }
}

/// The helper that sends signals from the initial user namespace (see the module docs); the
/// process and its protocol are [`crate::runtime::signaller`]'s.
#[derive(Debug)]
pub struct Signaller;

impl Signaller {
    /// Forks the helper, once per process. Call it single-threaded (checked), before
    /// [`Context::enter`]; a process that never calls it signals directly.
    pub fn install(ctx: &Context) {
        crate::runtime::signaller::install(ctx.rootless && !ctx.already_joined());
    }

    /// Sends `signal` (`None`: only checks) to `pid`.
    pub fn send(pid: Pid, signal: Option<Sig>) -> nix::Result<()> {
        crate::runtime::signaller::send(pid, signal.map(Sig::number))
    }
}

/// Reads a pid file (see [`crate::runtime::run_dir`]); `None` when missing or garbled (logged).
pub fn read_pid(path: &Path) -> Option<Pid> {
    crate::runtime::run_dir::read_pid(path).unwrap_or_else(|e| {
        tracing::warn!("{e}");
        None
    })
}

/// True when `pid` is a live process (a zombie counts as gone).
pub fn process_alive(pid: Pid) -> bool {
    match fs_err::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'),
        Err(_) => false,
    }
}

/// True when `pid` is alive and the first process of a pid namespace below ours: a container's
/// init, not some process that reused its number.
fn is_container_init(pid: Pid) -> bool {
    let Ok(status) = fs_err::read_to_string(format!("/proc/{pid}/status")) else { return false };
    let nspid: Vec<&str> = status
        .lines()
        .find_map(|l| l.strip_prefix("NSpid:"))
        .map(|v| v.split_whitespace().collect())
        .unwrap_or_default();
    nspid.len() > 1 && nspid.last() == Some(&"1") && process_alive(pid)
}

/// The supervisor's pid, from the record or its pid file.
pub fn supervisor_pid(ctx: &Context, rec: &ContainerRecord) -> Option<Pid> {
    read_pid(&run_dir(ctx, &rec.id).join(supervisor::SUPERVISOR_PID)).or(rec.pid.map(Pid::from_raw))
}

/// Whether the container's supervisor is alive.
pub fn supervisor_alive(ctx: &Context, rec: &ContainerRecord) -> bool {
    supervisor_pid(ctx, rec).is_some_and(process_alive)
}

/// Records an exit in `r` (not for a container being removed).
pub fn apply_exit(r: &mut ContainerRecord, exit: &ExitRecord) {
    if r.state == State::Removing {
        return;
    }
    r.state = State::Exited;
    r.exit_code = Some(exit.exit_code);
    r.finished_at = Some(exit.finished_at.clone());
    r.pid = None;
}

/// Takes container `id`'s start lock (`userdata/start.lock`): held by `start` from the state
/// check until the record says running, and by `rm` around the removal, so neither sees the
/// other half done. `None` when the container's directory is gone (it was removed).
pub fn start_lock(store: &Store, id: &str) -> Result<Option<crate::storage::lock::Lock>, Error> {
    let userdata = store.container_dirs(id).userdata;
    if !userdata.is_dir() {
        return Ok(None);
    }
    match crate::storage::lock::Lock::exclusive(&userdata.join("start.lock")) {
        Ok(l) => Ok(Some(l)),
        Err(_) if !userdata.is_dir() => Ok(None),
        Err(e) => Err(super::Error::from(e).into()),
    }
}

/// Removes what the last run of the container left in its run-time directory (before a start).
pub fn clear_run_files(ctx: &Context, id: &str) {
    crate::runtime::run_dir::RunDir::new(run_dir(ctx, id)).clear();
}

/// A correction to apply to a record under the containers lock.
type Change = Box<dyn FnOnce(&mut ContainerRecord)>;

/// Brings `rec` in line with its run-time directory (see the module docs) and returns it.
pub fn reconcile(ctx: &Context, store: &Store, rec: ContainerRecord) -> Result<ContainerRecord, Error> {
    if !matches!(rec.state, State::Created | State::Running | State::Paused) {
        return Ok(rec);
    }
    let dir = run_dir(ctx, &rec.id);
    let exit = ExitRecord::read(&dir);
    let sup_file = read_pid(&dir.join(supervisor::SUPERVISOR_PID));
    let sup = sup_file.or(rec.pid.filter(|_| rec.state.is_active()).map(Pid::from_raw));
    let sup_alive = sup.is_some_and(process_alive);
    let change: Option<Change> = if let Some(exit) = exit {
        Some(Box::new(move |r: &mut ContainerRecord| {
            if matches!(r.state, State::Created | State::Running | State::Paused) {
                r.started_at.get_or_insert_with(|| exit.finished_at.clone());
                apply_exit(r, &exit);
            }
        }))
    } else if rec.state == State::Created && (sup_file.is_none() || sup_alive) {
        match sup.filter(|_| sup_alive) {
            Some(pid) => {
                let started = fs_err::metadata(dir.join(supervisor::SUPERVISOR_PID))
                    .and_then(|m| m.modified())
                    .map(|t| {
                        chrono::DateTime::<chrono::Utc>::from(t)
                            .format("%Y-%m-%dT%H:%M:%S%.9f%:z")
                            .to_string()
                    })
                    .unwrap_or_else(|_| now());
                Some(Box::new(move |r: &mut ContainerRecord| {
                    if r.state == State::Created {
                        r.state = State::Running;
                        r.pid = Some(pid.as_raw());
                        r.started_at = Some(started);
                        r.exit_code = None;
                        r.finished_at = None;
                    }
                }))
            }
            None => None,
        }
    } else if !sup_alive {
        // Running (or started by a command that died) without a supervisor: kill what it left,
        // then record the end.
        let mut code = EXIT_CODE_UNKNOWN;
        if let Some(pid) = read_pid(&dir.join(supervisor::CONTAINER_PID)).filter(|p| is_container_init(*p)) {
            if Signaller::send(pid, Some(Sig::KILL)).is_ok() {
                tracing::warn!(container = %rec.id, %pid, "supervisor gone; killed the container it left");
                code = 128 + libc::SIGKILL;
            }
        }
        let finished = now();
        Some(Box::new(move |r: &mut ContainerRecord| {
            if r.state.is_active() || r.state == State::Created {
                r.state = State::Exited;
                r.exit_code = Some(code);
                r.finished_at = Some(finished);
                r.pid = None;
            }
        }))
    } else {
        None
    };
    let Some(change) = change else { return Ok(rec) };
    match store.update_container(&rec.id, |r| {
        change(r);
        Ok::<_, records::Error>(r.clone())
    }) {
        Ok(r) => Ok(r),
        // Removed meanwhile (`--rm`): what we had is the last truth.
        Err(records::Error::NotFound { .. }) => Ok(rec),
        Err(e) => Err(e.into()),
    }
}

/// Every container, reconciled, after the store's repair (orphan directories).
pub fn list(ctx: &Context, store: &Store) -> Result<Vec<ContainerRecord>, Error> {
    for rec in store.list_containers()? {
        reconcile(ctx, store, rec)?;
    }
    Ok(super::containers::list(store)?)
}

/// Whether container `id` may still write output (`logs -f`): it runs, or it is being started
/// (created, with its supervisor alive). A container that is gone may not.
pub fn may_write(ctx: &Context, store: &Store, id: &str) -> bool {
    match store.find_container(id) {
        Ok(r) => reconcile(ctx, store, r)
            .is_ok_and(|r| r.state.is_active() || (r.state == State::Created && supervisor_alive(ctx, &r))),
        Err(_) => false,
    }
}

/// The container `key` names, reconciled.
pub fn lookup(ctx: &Context, store: &Store, key: &str) -> Result<ContainerRecord, Error> {
    let rec = store.find_container(key)?;
    reconcile(ctx, store, rec)
}

/// Sends `signal` to the container's init. The container must be running.
pub fn signal(ctx: &Context, rec: &ContainerRecord, signal: Sig) -> Result<(), Error> {
    let dir = run_dir(ctx, &rec.id);
    let Some(pid) = read_pid(&dir.join(supervisor::CONTAINER_PID)) else {
        return Err(Error::NotRunning { id: rec.id.clone(), state: rec.state });
    };
    if ExitRecord::read(&dir).is_some() {
        return Ok(());
    }
    match Signaller::send(pid, Some(signal)) {
        Ok(()) | Err(Errno::ESRCH) => Ok(()),
        Err(source) => Err(Error::Signal { id: rec.id.clone(), pid: pid.as_raw(), signal, source }),
    }
}

/// Waits until the container is no longer running and its supervisor (which records the exit
/// and cleans up) has exited. `Ok(None)` when the container was removed meanwhile (`--rm`);
/// `Ok(Some(..))` with the final record; `Err(timeout)` as `Ok` of `Err`.
pub fn wait_stopped(
    ctx: &Context,
    store: &Store,
    id: &str,
    limit: Duration,
) -> Result<Result<Option<ContainerRecord>, ContainerRecord>, Error> {
    let deadline = Instant::now() + limit;
    loop {
        let rec = match store.find_container(id) {
            Ok(r) => reconcile(ctx, store, r)?,
            Err(records::Error::NotFound { .. }) => return Ok(Ok(None)),
            Err(e) => return Err(e.into()),
        };
        let running = rec.state.is_active() || (rec.state == State::Created && supervisor_alive(ctx, &rec));
        if !running && !supervisor_alive(ctx, &rec) {
            return Ok(Ok(Some(rec)));
        }
        if Instant::now() >= deadline {
            return Ok(Err(rec));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The seconds [`stop`] waits after the stop signal unless told: the container's
/// `--stop-timeout`, else 10.
pub fn stop_timeout(rec: &ContainerRecord) -> u64 {
    rec.stop_timeout.map_or(10, u64::from)
}

/// What [`stop`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    /// It was not running.
    AlreadyStopped,
    /// It exited after the stop signal.
    Exited,
    /// It ignored the stop signal for `timeout` seconds and was killed.
    Killed { signal: Sig, timeout: u64 },
}

/// `stop`: the stop signal (the image's `StopSignal`, else SIGTERM), then after `timeout`
/// seconds SIGKILL; returns once the supervisor has recorded the exit and cleaned up.
pub fn stop(ctx: &Context, store: &Store, rec: &ContainerRecord, timeout: u64) -> Result<Stopped, Error> {
    let rec = reconcile(ctx, store, rec.clone())?;
    if !rec.state.is_active() {
        // Nothing runs, but a cleanup may still be under way: let it finish.
        if supervisor_alive(ctx, &rec) {
            let _ = wait_stopped(ctx, store, &rec.id, KILL_GRACE)?;
        }
        return Ok(Stopped::AlreadyStopped);
    }
    super::service::mark_stopped_by_user(ctx, &rec.id);
    super::events::container(store, "stop", &rec);
    let _stopping = Stopping::mark(ctx, &rec.id);
    let stop_signal = rec.stop_signal.as_deref().and_then(|s| parse_signal(s).ok()).unwrap_or(Sig::TERM);
    if timeout > 0 {
        signal(ctx, &rec, stop_signal)?;
        if wait_stopped(ctx, store, &rec.id, Duration::from_secs(timeout))?.is_ok() {
            return Ok(Stopped::Exited);
        }
    }
    signal(ctx, &rec, Sig::KILL)?;
    match wait_stopped(ctx, store, &rec.id, KILL_GRACE)? {
        Ok(_) if timeout == 0 => Ok(Stopped::Exited),
        Ok(_) => Ok(Stopped::Killed { signal: stop_signal, timeout }),
        Err(_) => Err(Error::NoExit { id: rec.id.clone(), secs: KILL_GRACE.as_secs() }),
    }
}

/// podman's "stopping" state: a marker in the run-time directory naming the `stop` that waits
/// for the container to exit (others read it without any lock); removed when that stop ends.
struct Stopping(PathBuf);

impl Stopping {
    fn mark(ctx: &Context, id: &str) -> Option<Stopping> {
        let path = super::containers::run_dir(ctx, id).join("stopping");
        fs_err::write(&path, std::process::id().to_string()).ok()?;
        Some(Stopping(path))
    }

    /// Whether a live `stop` is waiting for container `id`.
    fn is_marked(ctx: &Context, id: &str) -> bool {
        let path = super::containers::run_dir(ctx, id).join("stopping");
        fs_err::read_to_string(path)
            .ok()
            .and_then(|p| p.trim().parse::<u32>().ok())
            .is_some_and(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists())
    }
}

impl Drop for Stopping {
    fn drop(&mut self) {
        let _ = fs_err::remove_file(&self.0);
    }
}

/// `kill`: sends `sig` to a running container; after SIGKILL, waits for the recorded exit.
pub fn kill(ctx: &Context, store: &Store, rec: &ContainerRecord, sig: Sig) -> Result<(), Error> {
    let rec = reconcile(ctx, store, rec.clone())?;
    if rec.state != State::Running {
        return Err(Error::NotRunning { id: rec.id.clone(), state: rec.state });
    }
    // As podman: a container the user signals is not restarted by its policy.
    super::service::mark_stopped_by_user(ctx, &rec.id);
    signal(ctx, &rec, sig)?;
    super::events::container(store, "kill", &rec);
    if sig == Sig::KILL {
        if let Err(r) = wait_stopped(ctx, store, &rec.id, KILL_GRACE)? {
            return Err(Error::NoExit { id: r.id, secs: KILL_GRACE.as_secs() });
        }
    }
    Ok(())
}

/// podman's `State.Status` words.
fn status_word(state: State) -> &'static str {
    match state {
        State::Created => "created",
        State::Running => "running",
        State::Paused => "paused",
        State::Stopped => "stopped",
        State::Exited => "exited",
        State::Removing => "removing",
    }
}

const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

/// Spec mounts that are the user's (binds and volumes), not the ones every container gets.
pub(crate) fn user_mounts(ctx: &Context, spec: &Value) -> Vec<Value> {
    const GENERATED: [&str; 5] = [
        "/etc/resolv.conf",
        "/etc/hosts",
        "/etc/hostname",
        "/run/.containerenv",
        crate::runtime::spec::INIT_PATH,
    ];
    let volumes = crate::storage::volumes_dir(&ctx.paths.graph_root);
    let mut out = Vec::new();
    for m in spec.get("mounts").and_then(Value::as_array).into_iter().flatten() {
        let options: Vec<String> = m
            .get("options")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|o| o.as_str().map(String::from)).collect())
            .unwrap_or_default();
        let typ = m.get("type").and_then(Value::as_str).unwrap_or("");
        let is_bind = typ == "bind" || options.iter().any(|o| o == "bind" || o == "rbind");
        let dest = m.get("destination").and_then(Value::as_str).unwrap_or("");
        let source = m.get("source").and_then(Value::as_str).unwrap_or("");
        // Device nodes bound into /dev are every container's, not the user's.
        let device = dest.starts_with("/dev/") && source == dest;
        // The files skiff generates in the container's userdata (`/etc/localtime` of --tz...).
        let generated =
            source.starts_with(&*ctx.paths.graph_root.to_string_lossy()) && source.contains("/userdata/");
        if !is_bind
            || device
            || generated
            || GENERATED.contains(&dest)
            || source.starts_with(&*ctx.paths.run_root.to_string_lossy())
        {
            continue;
        }
        let volume = Path::new(source)
            .strip_prefix(&volumes)
            .ok()
            .and_then(|rest| rest.components().next())
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let propagation = options
            .iter()
            .find(|o| o.ends_with("private") || o.ends_with("shared") || o.ends_with("slave"))
            .cloned()
            .unwrap_or_else(|| "rprivate".into());
        let kept: Vec<&String> =
            options.iter().filter(|o| !["bind", "rbind", "rw", "ro"].contains(&o.as_str())).collect();
        let mut v = json!({
            "Type": if volume.is_some() { "volume" } else { "bind" },
            "Source": source,
            "Destination": dest,
            "Driver": if volume.is_some() { "local" } else { "" },
            "Mode": "",
            "Options": kept,
            "RW": !options.iter().any(|o| o == "ro"),
            "Propagation": propagation,
        });
        if let Some(name) = volume {
            v["Name"] = json!(name);
        }
        out.push(v);
    }
    out
}

/// podman's `inspect` document for a container.
/// `State.Error` of a running container whose network helper has died (else empty).
fn helper_error(ctx: &Context, rec: &ContainerRecord) -> String {
    let net = (rec.state == State::Running)
        .then(|| crate::network::State::read(&super::containers::run_dir(ctx, &rec.id)))
        .flatten();
    match net.filter(|n| n.helper.is_some() && !n.helper_alive()) {
        Some(n) => format!("the network helper {} has exited", n.helper.unwrap_or_default()),
        None => String::new(),
    }
}

pub fn inspect(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<Value, Error> {
    let dirs = store.container_dirs(&rec.id);
    let spec_path = dirs.bundle.join("config.json");
    let spec: Value = match fs_err::read(&spec_path) {
        Ok(b) => serde_json::from_slice(&b).unwrap_or(Value::Null),
        Err(source) => return Err(Error::Read { path: spec_path, source }),
    };
    let image = store.get_image(&rec.image_id).map_err(super::Error::from)?;
    let run = run_dir(ctx, &rec.id);
    let extras = super::containers::Extras::load(store, &rec.id);
    let running = rec.state.is_active();
    // 0 between an exit and a restart (the pid file still names the process that ended), as podman.
    let pid = read_pid(&run.join(supervisor::CONTAINER_PID)).filter(|p| running && process_alive(*p));
    let pid = pid.map_or(0, Pid::as_raw);
    let conmon = if running { rec.pid.unwrap_or(0) } else { 0 };
    let process = spec.get("process").cloned().unwrap_or(Value::Null);
    let caps = |set: &str| process.pointer(&format!("/capabilities/{set}")).cloned().unwrap_or(json!([]));
    let user = {
        let uid = process.pointer("/user/uid").and_then(Value::as_u64).unwrap_or(0);
        let gid = process.pointer("/user/gid").and_then(Value::as_u64).unwrap_or(0);
        if uid == 0 && gid == 0 {
            String::new()
        } else {
            format!("{uid}:{gid}")
        }
    };
    let stop_signal = rec.stop_signal.as_deref().and_then(|s| parse_signal(s).ok()).unwrap_or(Sig::TERM);
    let mounts = user_mounts(ctx, &spec);
    let binds: Vec<String> = mounts
        .iter()
        .map(|m| {
            let s = |k: &str| m[k].as_str().unwrap_or("").to_string();
            let src = if m["Type"] == "volume" { s("Name") } else { s("Source") };
            let mut opts = vec![if m["RW"] == true { "rw".to_string() } else { "ro".to_string() }];
            opts.push(s("Propagation"));
            format!("{src}:{}:{}", s("Destination"), opts.join(","))
        })
        .collect();
    let tmpfs: serde_json::Map<String, Value> = spec
        .get("mounts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|m| m["type"] == "tmpfs" && !m["destination"].as_str().unwrap_or("").starts_with("/dev"))
        .map(|m| {
            let opts: Vec<&str> =
                m["options"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            (m["destination"].as_str().unwrap_or("").to_string(), json!(opts.join(",")))
        })
        .collect();
    let namespace_mode = |kind: &str| {
        // As asked with --ipc/--pid/--uts (recorded when the container was created).
        let key = format!("{}{kind}", crate::runtime::spec::NS_MODE_ANNOTATION);
        if let Some(mode) = spec.pointer("/annotations").and_then(|a| a.get(&key)).and_then(Value::as_str) {
            return mode.to_string();
        }
        let ns = spec.pointer("/linux/namespaces").and_then(Value::as_array);
        match ns.and_then(|a| a.iter().find(|n| n["type"] == kind)) {
            Some(n) if n.get("path").and_then(Value::as_str).is_some_and(|p| !p.is_empty()) => {
                format!("ns:{}", n["path"].as_str().unwrap_or(""))
            }
            // podman calls a container's own IPC namespace "shareable" (others may join it).
            Some(_) if kind == "ipc" => "shareable".to_string(),
            Some(_) => "private".to_string(),
            None => "host".to_string(),
        }
    };
    // The image's labels, then the container's own on top, as podman shows them.
    let mut all_labels: serde_json::Map<String, Value> = image
        .as_ref()
        .and_then(|i| super::images::image_run_config(store, i).ok())
        .and_then(|c| c.labels().clone())
        .map(|labels| labels.into_iter().map(|(k, v)| (k, json!(v))).collect())
        .unwrap_or_default();
    for (k, v) in &rec.labels {
        all_labels.insert(k.clone(), json!(v));
    }
    let labels = if all_labels.is_empty() { Value::Null } else { Value::Object(all_labels) };
    let mut state = json!({
        "OciVersion": spec.get("ociVersion").cloned().unwrap_or(json!("")),
        "Status": if rec.state == State::Running && Stopping::is_marked(ctx, &rec.id) {
            "stopping"
        } else {
            status_word(rec.state)
        },
        "Running": rec.state == State::Running,
        "Paused": rec.state == State::Paused,
        "Restarting": false,
        "OOMKilled": false,
        "Dead": false,
        "Pid": pid,
        "ConmonPid": conmon,
        "ExitCode": rec.exit_code.unwrap_or(0),
        "Error": helper_error(ctx, rec),
        "StartedAt": rec.started_at.clone().unwrap_or_else(|| ZERO_TIME.into()),
        "FinishedAt": rec.finished_at.clone().unwrap_or_else(|| ZERO_TIME.into()),
    });
    let secrets = super::secrets::used(&dirs.bundle);
    let mut config = json!({
        "Hostname": spec.get("hostname").cloned().unwrap_or(json!("")),
        "Domainname": "",
        "User": user,
        "AttachStdin": false,
        "AttachStdout": false,
        "AttachStderr": false,
        "Tty": process.get("terminal").and_then(Value::as_bool).unwrap_or(false),
        "OpenStdin": rec.interactive,
        "StdinOnce": false,
        "Env": super::secrets::hide_env(process.get("env"), &secrets.env_names),
        "Cmd": rec.cmd,
        "Image": rec.image_name,
        "Volumes": null,
        "WorkingDir": process.get("cwd").cloned().unwrap_or(json!("/")),
        "Entrypoint": rec.entrypoint.join(" "),
        "OnBuild": null,
        "Labels": labels,
        "Annotations": spec.get("annotations").cloned().unwrap_or(json!({})),
        "StopSignal": stop_signal.number(),
        "StopTimeout": 10,
    });
    let (service_config, restart_policy, health) = super::service::inspect(ctx, store, rec);
    if let (Some(h), Some(s)) = (health, state.as_object_mut()) {
        s.insert("Health".into(), h.clone());
        s.insert("Healthcheck".into(), h);
    }
    if let (Value::Object(add), Some(c)) = (service_config, config.as_object_mut()) {
        c.extend(add);
    }
    if let (false, Some(c)) = (secrets.secrets.is_empty(), config.as_object_mut()) {
        c.insert("Secrets".into(), Value::Array(secrets.secrets));
    }
    let host_config = json!({
        "Binds": binds,
        "LogConfig": super::logs::log_config(store, &rec.id),
        "RestartPolicy": restart_policy,
        "AutoRemove": rec.rm,
        "CapAdd": [],
        "CapDrop": [],
        "NetworkMode": namespace_mode("network"),
        "IpcMode": namespace_mode("ipc"),
        "PidMode": namespace_mode("pid"),
        "UTSMode": namespace_mode("uts"),
        "CgroupMode": namespace_mode("cgroup"),
        "Privileged": false,
        "ReadonlyRootfs": spec.pointer("/root/readonly").and_then(Value::as_bool).unwrap_or(false),
        "Tmpfs": tmpfs,
        "Ulimits": process.get("rlimits").cloned().unwrap_or(json!([])),
        "Runtime": "oci",
        "UsernsMode": spec.pointer("/annotations/io.podman.annotations.userns").cloned().unwrap_or(json!("")),
        "IDMappings": super::userns::inspect_maps(&spec),
    });
    Ok(json!({
        "Id": rec.id,
        "Created": rec.created,
        "Path": rec.command.first().cloned().unwrap_or_default(),
        "Args": rec.command.iter().skip(1).collect::<Vec<_>>(),
        "State": state,
        "Image": rec.image_id,
        "ImageDigest": image.as_ref().map(|i| i.digest.clone()).unwrap_or_default(),
        "ImageName": rec.image_name,
        "Rootfs": "",
        "Pod": "",
        "StaticDir": dirs.userdata,
        "OCIConfigPath": dirs.bundle.join("config.json"),
        "OCIRuntime": rec.runtime.as_deref().unwrap_or("skiff"),
        "ConmonPidFile": extras.conmon_pidfile.unwrap_or_else(|| run.join(supervisor::SUPERVISOR_PID)),
        "PidFile": extras.pidfile.unwrap_or_else(|| run.join(supervisor::CONTAINER_PID)),
        "Name": rec.name,
        "RestartCount": super::service::restart_count(ctx, rec),
        "Driver": rec.storage_driver,
        "MountLabel": "",
        "ProcessLabel": "",
        "AppArmorProfile": "",
        "EffectiveCaps": caps("effective"),
        "BoundingCaps": caps("bounding"),
        "ExecIDs": [],
        "GraphDriver": {
            "Name": rec.storage_driver,
            "Data": { "UpperDir": dirs.upper, "WorkDir": dirs.work, "MergedDir": dirs.merged },
        },
        "Mounts": mounts,
        "Dependencies": super::depend::dependencies(store, rec),
        "IsInfra": false,
        "IsService": false,
        "Config": config,
        "HostConfig": host_config,
        "NetworkSettings": { "Networks": super::networks::inspect_settings(ctx, store, &rec.id) },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_by_name_or_number() {
        assert_eq!(parse_signal("KILL").unwrap(), Sig::KILL);
        assert_eq!(parse_signal("sigterm").unwrap(), Sig::TERM);
        assert_eq!(parse_signal("SIGHUP").unwrap(), Sig::from(Signal::SIGHUP));
        assert_eq!(parse_signal("9").unwrap(), Sig::KILL);
        assert_eq!(parse_signal(" usr1 ").unwrap(), Sig::from(Signal::SIGUSR1));
        assert_eq!(Sig::KILL.to_string(), "SIGKILL");
        for bad in [
            "",
            "NOPE",
            "0",
            "99",
            "65",
            "-1",
            "SIG",
            "RTMIN+",
            "RTMIN-1",
            "RTMAX+1",
            "RTMIN+31",
            "RTMIN+x",
            "RTMAX-40",
            "RTMIN+2147483647",
        ] {
            let e = parse_signal(bad).unwrap_err();
            assert!(e.to_string().contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn real_time_signals() {
        let (min, max) = (libc::SIGRTMIN(), libc::SIGRTMAX());
        let rt3 = parse_signal("RTMIN+3").unwrap();
        assert_eq!(rt3.number(), min + 3);
        assert_eq!(parse_signal("SIGRTMIN+3").unwrap(), rt3);
        assert_eq!(parse_signal("sigrtmin+3").unwrap(), rt3);
        assert_eq!(rt3.to_string(), "SIGRTMIN+3");
        assert_eq!(parse_signal(&rt3.to_string()).unwrap(), rt3);
        assert_eq!(parse_signal("RTMIN").unwrap().number(), min);
        assert_eq!(parse_signal("RTMAX").unwrap().number(), max);
        let last = parse_signal("SIGRTMAX-1").unwrap();
        assert_eq!(last.number(), max - 1);
        assert_eq!(last.to_string(), "SIGRTMAX-1");
        assert_eq!(parse_signal("RTMAX-1").unwrap(), last);
        assert_eq!(parse_signal("34").unwrap().number(), 34);
        assert_eq!(parse_signal("64").unwrap().number(), 64);
        // Every number round-trips through its name.
        for n in 1..=max {
            let s = parse_signal(&n.to_string()).unwrap();
            if Signal::try_from(n).is_ok() || n >= min {
                assert_eq!(parse_signal(&s.to_string()).unwrap(), s, "{s}");
            }
        }
    }

    #[test]
    fn pid_files_and_liveness() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("pid");
        fs_err::write(&f, format!("{}\n", std::process::id())).unwrap();
        let me = read_pid(&f).unwrap();
        assert!(process_alive(me));
        // This test process is not the init of a nested pid namespace.
        assert!(!is_container_init(me));
        for bad in ["", "0", "-3", "x"] {
            fs_err::write(&f, bad).unwrap();
            assert_eq!(read_pid(&f), None, "{bad:?}");
        }
        assert!(!process_alive(Pid::from_raw(i32::MAX - 7)));
    }
}
