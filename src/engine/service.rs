//! Long-running services, below the CLI: the restart policy, healthcheck and sd_notify settings
//! of a new container ([`ServiceRequest`] resolved with the image's HEALTHCHECK into
//! [`Service`], saved as `bundle/service.json` for the supervisor), what `inspect` and `ps` show
//! of them, `healthcheck run` ([`probe`]), and `start --filter restart-policy=`.
//!
//! The supervisor does the work (see [`crate::runtime::supervisor`]: restarts with backoff,
//! probes on its own timer, READY to `$NOTIFY_SOCKET`); `stop`, `kill` and `rm` mark the exit as
//! the user's ([`mark_stopped_by_user`]) so that no restart follows.

use std::path::Path;
use std::time::Duration;

use oci_spec::runtime::{Mount, Spec};
use serde_json::{json, Value};

use super::{containers, Context};
use crate::runtime::run_dir::RunDir;
use crate::runtime::supervisor::health::{self, HealthState, LogEntry};
pub use crate::runtime::supervisor::service::{
    parse_duration, Healthcheck, NotifyMode, OnFailure, Restart, RestartPolicy, Service,
    CONTAINER_NOTIFY_DIR, CONTAINER_NOTIFY_SOCKET, NOTIFY_DIR, SERVICE_FILE,
};
use crate::storage::{ContainerRecord, State, Store};

/// Errors of the service settings and of `healthcheck run`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot set on-failure action to {action} without a health check")]
    ActionWithoutCheck { action: &'static str },
    #[error("{0}")]
    Invalid(String),
    #[error("the --rm option conflicts with --restart, when the restartPolicy is not \"\" and \"no\"")]
    RmWithRestart,
    #[error("container {id} has no defined healthcheck")]
    NoHealthcheck { id: String },
    #[error("container {id} is not running")]
    NotRunning { id: String },
    #[error("unable to look up {key} to perform a health check")]
    Lookup {
        key: String,
        #[source]
        source: Box<super::Error>,
    },
    #[error("cannot read the spec of container {id}")]
    Spec {
        id: String,
        #[source]
        source: oci_spec::OciSpecError,
    },
    #[error("cannot compile the seccomp filter of container {id}")]
    Seccomp {
        id: String,
        #[source]
        source: crate::runtime::linux::container_init::Error,
    },
    #[error(transparent)]
    Health(#[from] health::Error),
    #[error("cannot write {path}")]
    Write {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What `run` and `create` were told (`--restart`, `--health-*`, `--sdnotify`).
#[derive(Debug, Clone, Default)]
pub struct ServiceRequest {
    pub restart: Restart,
    /// `--health-cmd` as typed.
    pub health_cmd: Option<String>,
    pub health_interval: Option<Duration>,
    pub health_timeout: Option<Duration>,
    pub health_start_period: Option<Duration>,
    pub health_retries: Option<u32>,
    pub on_failure: OnFailure,
    pub no_healthcheck: bool,
    pub sdnotify: NotifyMode,
    /// `$NOTIFY_SOCKET` of the command that creates the container.
    pub notify_socket: Option<String>,
}

impl ServiceRequest {
    /// The settings of a new container: `--health-*` over the image's HEALTHCHECK (a JSON
    /// value as the image config holds it), `--no-healthcheck` over both.
    pub fn resolve(&self, image_check: Option<&Value>, rm: bool) -> Result<Service, Error> {
        if rm && self.restart.policy != RestartPolicy::No {
            return Err(Error::RmWithRestart);
        }
        let mut check = match &self.health_cmd {
            Some(cmd) => Healthcheck::from_command(cmd).map_err(Error::Invalid)?,
            None => image_check
                .and_then(|v| serde_json::from_value::<Healthcheck>(v.clone()).ok())
                .filter(|h| !h.disabled()),
        };
        if self.no_healthcheck {
            check = None;
        }
        if let Some(h) = &mut check {
            let ns = |d: Duration| d.as_nanos().min(u64::MAX as u128) as u64;
            if let Some(d) = self.health_interval.filter(|d| !d.is_zero()) {
                h.interval = ns(d);
            }
            if let Some(d) = self.health_timeout {
                h.timeout = ns(d);
            }
            if let Some(d) = self.health_start_period {
                h.start_period = ns(d);
            }
            if let Some(r) = self.health_retries {
                h.retries = r;
            }
            // podman shows the defaults it applies.
            h.interval = ns(h.interval());
            h.timeout = ns(h.timeout());
            h.retries = h.retries();
        }
        if check.is_none() && self.on_failure != OnFailure::None {
            return Err(Error::ActionWithoutCheck { action: self.on_failure.name() });
        }
        let notify_socket = self.notify_socket.clone().filter(|_| self.sdnotify != NotifyMode::Ignore);
        Ok(Service {
            restart: self.restart,
            health: check,
            on_failure: self.on_failure,
            notify: self.sdnotify,
            container_socket: self.sdnotify == NotifyMode::Container && notify_socket.is_some(),
            notify_socket,
            health_timer_off: self.health_interval.is_some_and(|d| d.is_zero()),
            stop_signal: 0,
            stop_timeout: 10,
            ..Default::default()
        })
    }
}

/// The spec additions of `--sdnotify=container` (with a `$NOTIFY_SOCKET` to pass messages on
/// to): the supervisor's socket directory mounted at `/run/notify`, and `NOTIFY_SOCKET` set.
pub fn notify_mount(ctx: &Context, id: &str) -> (Mount, String) {
    let mut m = Mount::default();
    m.set_destination(CONTAINER_NOTIFY_DIR.into());
    m.set_typ(Some("bind".into()));
    m.set_source(Some(containers::run_dir(ctx, id).join(NOTIFY_DIR)));
    m.set_options(Some(vec!["bind".into(), "rw".into(), "nosuid".into(), "nodev".into(), "noexec".into()]));
    (m, format!("NOTIFY_SOCKET={CONTAINER_NOTIFY_SOCKET}"))
}

/// The service settings of container `id` (defaults for a container created before them).
pub fn load(store: &Store, id: &str) -> Service {
    Service::load(&store.container_dirs(id).bundle)
}

/// Writes `bundle/service.json`.
pub fn save(bundle: &Path, service: &Service) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(service).expect("service settings serialize");
    crate::sys::atomic::write_atomic(&bundle.join(SERVICE_FILE), &json)
}

/// `start --sdnotify=MODE`: changes the container's sd_notify mode (kept for later starts, as if
/// it had been created with it), with `socket` (`$NOTIFY_SOCKET` of the command) as its socket.
/// Container mode on a container created without the socket adds its mount and variable to the
/// spec. Call it before the start, with the container not running.
pub fn set_notify(
    ctx: &Context,
    store: &Store,
    id: &str,
    mode: NotifyMode,
    socket: Option<String>,
) -> Result<(), Error> {
    let bundle = store.container_dirs(id).bundle;
    let mut service = Service::load(&bundle);
    service.notify = mode;
    service.notify_socket = socket.or(service.notify_socket.take()).filter(|_| mode != NotifyMode::Ignore);
    if mode == NotifyMode::Container && service.notify_socket.is_some() && !service.container_socket {
        let path = bundle.join("config.json");
        let mut spec = Spec::load(&path).map_err(|source| Error::Spec { id: id.into(), source })?;
        let (mount, env) = notify_mount(ctx, id);
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        mounts.push(mount);
        spec.set_mounts(Some(mounts));
        if let Some(mut process) = spec.process().clone() {
            let mut vars = process.env().clone().unwrap_or_default();
            vars.retain(|v| !v.starts_with("NOTIFY_SOCKET="));
            vars.push(env);
            process.set_env(Some(vars));
            spec.set_process(Some(process));
        }
        let json = serde_json::to_vec_pretty(&spec).expect("a runtime spec serializes");
        crate::sys::atomic::write_atomic(&path, &json).map_err(|source| Error::Write { path, source })?;
        service.container_socket = true;
    }
    save(&bundle, &service).map_err(|source| Error::Write { path: bundle.join(SERVICE_FILE), source })
}

/// Marks the coming exit of container `id` as the user's (`stop`, `kill`, `rm`): its restart
/// policy does not apply.
pub fn mark_stopped_by_user(ctx: &Context, id: &str) {
    let dir = RunDir::new(containers::run_dir(ctx, id));
    if dir.path().is_dir() {
        if let Err(e) = dir.mark_stopped_by_user() {
            tracing::warn!("{e}");
        }
    }
}

/// How many times the supervisor restarted the container: the run-time count while it has one,
/// else the recorded one.
pub fn restart_count(ctx: &Context, rec: &ContainerRecord) -> u32 {
    let n = RunDir::new(containers::run_dir(ctx, &rec.id)).restarts();
    if n > 0 {
        n
    } else {
        rec.restart_count
    }
}

/// The health state of a container with a healthcheck (`None` without one).
pub fn health(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Option<HealthState> {
    load(store, &rec.id).healthcheck()?;
    let state = health::read(&containers::run_dir(ctx, &rec.id));
    Some(match (state, rec.state) {
        (Some(s), _) => s,
        (None, State::Running) => HealthState::starting(),
        (None, _) => HealthState::default(),
    })
}

/// `ps`'s word for the health (`healthy`, `unhealthy`, `starting`), `None` without a check.
pub fn health_status(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Option<String> {
    if rec.state != State::Running {
        return None;
    }
    health(ctx, store, rec).map(|h| h.status).filter(|s| !s.is_empty())
}

/// The `inspect` fields of the service settings: `(Config additions, HostConfig.RestartPolicy,
/// State.Health)`.
pub fn inspect(ctx: &Context, store: &Store, rec: &ContainerRecord) -> (Value, Value, Option<Value>) {
    let s = load(store, &rec.id);
    let mut config = json!({
        "HealthcheckOnFailureAction": s.on_failure.name(),
        "SdNotifyMode": s.notify.name(),
        "SdNotifySocket": s.notify_socket.clone().unwrap_or_default(),
    });
    if let Some(h) = s.healthcheck() {
        config["Healthcheck"] = json!(h);
    }
    let policy = json!({ "Name": s.restart.policy.name(), "MaximumRetryCount": s.restart.max_retries });
    let health = health(ctx, store, rec).map(|h| json!(h));
    (config, policy, health)
}

/// What `healthcheck run` found.
#[derive(Debug)]
pub struct Checked {
    pub state: HealthState,
    pub entry: LogEntry,
    pub record: ContainerRecord,
    pub on_failure: OnFailure,
}

/// `healthcheck run`: runs the container's healthcheck once (from the initial user namespace,
/// single-threaded: the probe joins the container's) and records the result. The caller acts
/// on an unhealthy result ([`Checked::on_failure`]).
pub fn probe(ctx: &Context, key: &str) -> Result<Checked, Error> {
    let lookup = |source| Error::Lookup { key: key.into(), source: Box::new(source) };
    let store = super::exec::lookup_store(ctx).map_err(lookup)?;
    let rec = containers::lookup(&store, key).map_err(lookup)?;
    let service = load(&store, &rec.id);
    let Some(check) = service.healthcheck().cloned() else {
        return Err(Error::NoHealthcheck { id: rec.id.clone() });
    };
    let running = super::exec::running(ctx, &store, &rec.id, "healthcheck")
        .map_err(|_| Error::NotRunning { id: rec.id.clone() })?;
    let spec_path = running.bundle.join("config.json");
    let spec = Spec::load(&spec_path).map_err(|source| Error::Spec { id: rec.id.clone(), source })?;
    let filter = crate::runtime::linux::container_init::compile_seccomp(&spec)
        .map_err(|source| Error::Seccomp { id: rec.id.clone(), source })?;
    let process = spec.process().clone().unwrap_or_default();
    let entry = health::run_once(running.pid, &process, filter.as_ref(), &check)?;
    let dir = containers::run_dir(ctx, &rec.id);
    let started = rec.started_at.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    let in_start = started.is_some_and(|t| {
        let ran = chrono::Utc::now().signed_duration_since(t).to_std().unwrap_or_default();
        ran < check.start_period()
    });
    let retries = check.retries();
    let logged = entry.clone();
    let state = health::update(&dir, |s| s.record(logged, retries, in_start))?;
    Ok(Checked { state, entry, record: running.record, on_failure: service.on_failure })
}

/// Whether `rec`'s restart policy is `policy` (`start --filter restart-policy=`; `no` matches
/// containers without one).
pub fn has_restart_policy(store: &Store, rec: &ContainerRecord, policy: &str) -> bool {
    let name = load(store, &rec.id).restart.policy.name();
    name == policy || (name.is_empty() && (policy == "no" || policy.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_image_check_applies_unless_overridden_or_disabled() {
        let image = json!({"Test": ["CMD-SHELL", "curl -f localhost"], "Interval": 5_000_000_000u64});
        let s = ServiceRequest::default().resolve(Some(&image), false).unwrap();
        let h = s.health.unwrap();
        assert_eq!(h.test, ["CMD-SHELL", "curl -f localhost"]);
        assert_eq!((h.interval, h.timeout, h.retries), (5_000_000_000, 30_000_000_000, 3), "defaults shown");
        let req = ServiceRequest {
            health_cmd: Some("true".into()),
            health_interval: Some(Duration::from_secs(1)),
            health_retries: Some(1),
            ..Default::default()
        };
        let h = req.resolve(Some(&image), false).unwrap().health.unwrap();
        assert_eq!(
            (h.test.clone(), h.interval, h.retries),
            (vec!["CMD-SHELL".into(), "true".into()], 1_000_000_000, 1)
        );
        let manual = ServiceRequest { health_interval: Some(Duration::ZERO), ..Default::default() };
        let s = manual.resolve(Some(&image), false).unwrap();
        assert!(s.health_timer_off);
        assert_eq!(s.health.unwrap().interval, 5_000_000_000, "disable keeps the interval shown");
        let off = ServiceRequest { no_healthcheck: true, ..Default::default() };
        assert_eq!(off.resolve(Some(&image), false).unwrap().health, None);
        let none = json!({"Test": ["NONE"]});
        assert_eq!(ServiceRequest::default().resolve(Some(&none), false).unwrap().health, None);
    }

    #[test]
    fn conflicting_settings_are_refused_as_podman_does() {
        let kill = ServiceRequest { on_failure: OnFailure::Kill, ..Default::default() };
        assert_eq!(
            kill.resolve(None, false).unwrap_err().to_string(),
            "cannot set on-failure action to kill without a health check"
        );
        let always = ServiceRequest { restart: Restart::parse("always").unwrap(), ..Default::default() };
        assert!(matches!(always.resolve(None, true), Err(Error::RmWithRestart)));
        assert!(always.resolve(None, false).is_ok());
    }

    #[test]
    fn the_container_socket_is_mounted_only_with_a_socket_to_pass_on() {
        let no_socket = ServiceRequest::default().resolve(None, false).unwrap();
        assert!(!no_socket.container_socket);
        let req =
            ServiceRequest { notify_socket: Some("/run/user/1/systemd/notify".into()), ..Default::default() };
        let s = req.resolve(None, false).unwrap();
        assert!(s.container_socket);
        let conmon = ServiceRequest { sdnotify: NotifyMode::Conmon, ..req.clone() };
        assert!(!conmon.resolve(None, false).unwrap().container_socket);
        let ignore = ServiceRequest { sdnotify: NotifyMode::Ignore, ..req };
        assert_eq!(ignore.resolve(None, false).unwrap().notify_socket, None, "podman shows no socket");
    }
}
