//! What the supervisor does for a long-running service besides running the container once: the
//! restart policy, the healthcheck and sd_notify ([`Service`], `bundle/service.json`, written by
//! `create` and read by the supervisor at its start), and the pure rules it follows (restart or
//! not, the backoff between restarts, Go-style durations).
//!
//! podman keeps these in its database and runs healthchecks from systemd timers; skiff's
//! supervisor, which owns the container anyway, runs them itself (see [`super::health`] and
//! [`super::notify`]).

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The file in the bundle directory.
pub const SERVICE_FILE: &str = "service.json";

/// `--restart`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RestartPolicy {
    /// `no` (podman shows an empty name).
    #[default]
    No,
    /// `on-failure[:N]`: after a non-zero exit, at most N times (0: no limit).
    OnFailure,
    Always,
    /// The same as `always` while running; `start --filter restart-policy=` tells them apart.
    UnlessStopped,
}

impl RestartPolicy {
    /// podman's `HostConfig.RestartPolicy.Name`: `""` for `no`.
    pub fn name(self) -> &'static str {
        match self {
            RestartPolicy::No => "",
            RestartPolicy::OnFailure => "on-failure",
            RestartPolicy::Always => "always",
            RestartPolicy::UnlessStopped => "unless-stopped",
        }
    }
}

/// `--restart` with its retry limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restart {
    pub policy: RestartPolicy,
    /// `on-failure:N`; 0 means no limit.
    #[serde(default)]
    pub max_retries: u32,
}

impl Restart {
    /// Parses `--restart` as podman does: `no`, `never`, `on-failure[:N]`, `always`,
    /// `unless-stopped`; an empty value is `no`.
    pub fn parse(text: &str) -> Result<Restart, String> {
        let (name, retries) = match text.split_once(':') {
            Some((n, r)) => (n, Some(r)),
            None => (text, None),
        };
        let policy = match name {
            "" | "no" | "never" => RestartPolicy::No,
            "on-failure" => RestartPolicy::OnFailure,
            "always" => RestartPolicy::Always,
            "unless-stopped" => RestartPolicy::UnlessStopped,
            _ => return Err(format!("invalid restart policy {text:?}: must be one of no, on-failure[:max_retries], always, unless-stopped")),
        };
        let max_retries = match retries {
            None => 0,
            Some(_) if policy != RestartPolicy::OnFailure => {
                return Err(
                    "restart policy retries can only be specified with on-failure restart policy".into()
                )
            }
            Some(r) => r
                .parse::<u32>()
                .map_err(|_| format!("invalid restart policy {text:?}: {r:?} is not a number of retries"))?,
        };
        Ok(Restart { policy, max_retries })
    }

    /// Whether a container that exited with `code`, having been restarted `restarts` times,
    /// starts again (podman's `shouldRestart`; a stop by the user is checked by the caller).
    pub fn should_restart(&self, code: i32, restarts: u32) -> bool {
        match self.policy {
            RestartPolicy::No => false,
            RestartPolicy::Always | RestartPolicy::UnlessStopped => true,
            RestartPolicy::OnFailure => code != 0 && (self.max_retries == 0 || restarts < self.max_retries),
        }
    }
}

/// The wait before restart number `n` (1 for the first): 100 ms, doubled each time, at most
/// [`BACKOFF_MAX`] (podman 4.3 restarts at once; a container that fails at its start would then
/// spin, so skiff waits as Docker does). A container that ran [`BACKOFF_RESET`] or longer before
/// it exited starts the series again (the caller passes `n` = 1).
pub fn backoff(n: u32) -> Duration {
    let ms = 100u64.saturating_mul(1u64 << n.saturating_sub(1).min(16));
    Duration::from_millis(ms).min(BACKOFF_MAX)
}

/// The longest wait between restarts.
pub const BACKOFF_MAX: Duration = Duration::from_secs(10);
/// A run at least this long resets the backoff.
pub const BACKOFF_RESET: Duration = Duration::from_secs(10);

/// `--health-on-failure`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnFailure {
    #[default]
    None,
    Kill,
    Restart,
    Stop,
}

impl OnFailure {
    pub fn parse(text: &str) -> Result<OnFailure, String> {
        match text {
            "none" | "" => Ok(OnFailure::None),
            "kill" => Ok(OnFailure::Kill),
            "restart" => Ok(OnFailure::Restart),
            "stop" => Ok(OnFailure::Stop),
            _ => Err(format!("invalid on-failure action {text:?} for health check: must be one of none, kill, restart, stop")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            OnFailure::None => "none",
            OnFailure::Kill => "kill",
            OnFailure::Restart => "restart",
            OnFailure::Stop => "stop",
        }
    }
}

/// A healthcheck in the shape of the image config and of podman's `Config.Healthcheck`
/// (durations in nanoseconds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Healthcheck {
    /// `["CMD-SHELL", "cmd"]`, `["CMD", "arg0", ...]`, or `["NONE"]`.
    #[serde(default)]
    pub test: Vec<String>,
    /// 0: the default (30 s).
    #[serde(default)]
    pub interval: u64,
    #[serde(default)]
    pub timeout: u64,
    #[serde(default)]
    pub start_period: u64,
    /// 0: the default (3).
    #[serde(default)]
    pub retries: u32,
}

/// The defaults of podman (and Docker).
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_RETRIES: u32 = 3;

impl Healthcheck {
    /// The healthcheck of `--health-cmd`: a JSON array is taken as it is (`["CMD", ...]`,
    /// `["CMD-SHELL", ...]` or a bare argument vector, made `CMD`), anything else is a shell
    /// command (`CMD-SHELL`); `none` disables it (`None`).
    pub fn from_command(cmd: &str) -> Result<Option<Healthcheck>, String> {
        let cmd = cmd.trim();
        if cmd.is_empty() || cmd.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        let test = if cmd.starts_with('[') {
            let v: Vec<String> =
                serde_json::from_str(cmd).map_err(|e| format!("invalid JSON array in --health-cmd: {e}"))?;
            match v.first().map(String::as_str) {
                None => return Err("--health-cmd: the JSON array is empty".into()),
                Some("NONE") => return Ok(None),
                Some("CMD") | Some("CMD-SHELL") => v,
                Some(_) => std::iter::once("CMD".to_string()).chain(v).collect(),
            }
        } else {
            vec!["CMD-SHELL".into(), cmd.into()]
        };
        Ok(Some(Healthcheck { test, ..Default::default() }))
    }

    /// True when the check is switched off (`NONE`, or nothing to run).
    pub fn disabled(&self) -> bool {
        self.argv().is_none()
    }

    /// The probe's argument vector.
    pub fn argv(&self) -> Option<Vec<String>> {
        match self.test.split_first() {
            Some((kind, rest)) if kind == "CMD-SHELL" && !rest.is_empty() => {
                Some(vec!["/bin/sh".into(), "-c".into(), rest.join(" ")])
            }
            Some((kind, rest)) if kind == "CMD" && !rest.is_empty() => Some(rest.to_vec()),
            _ => None,
        }
    }

    pub fn interval(&self) -> Duration {
        nanos_or(self.interval, DEFAULT_INTERVAL)
    }

    pub fn timeout(&self) -> Duration {
        nanos_or(self.timeout, DEFAULT_TIMEOUT)
    }

    pub fn start_period(&self) -> Duration {
        Duration::from_nanos(self.start_period)
    }

    pub fn retries(&self) -> u32 {
        if self.retries == 0 {
            DEFAULT_RETRIES
        } else {
            self.retries
        }
    }
}

fn nanos_or(ns: u64, default: Duration) -> Duration {
    if ns == 0 {
        default
    } else {
        Duration::from_nanos(ns)
    }
}

/// `--sdnotify`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotifyMode {
    /// The container's own READY (and STATUS, WATCHDOG...) passed on through a socket of the
    /// supervisor's, bind-mounted into the container (podman's default).
    #[default]
    Container,
    /// The supervisor itself sends READY=1 once the container runs.
    Conmon,
    Ignore,
}

impl NotifyMode {
    pub fn parse(text: &str) -> Result<NotifyMode, String> {
        match text {
            "container" => Ok(NotifyMode::Container),
            "conmon" => Ok(NotifyMode::Conmon),
            "ignore" => Ok(NotifyMode::Ignore),
            _ => Err(format!("invalid sdnotify value {text:?}: must be conmon, container or ignore")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            NotifyMode::Container => "container",
            NotifyMode::Conmon => "conmon",
            NotifyMode::Ignore => "ignore",
        }
    }
}

/// Where the container's notify socket is mounted, and the variable that names it.
pub const CONTAINER_NOTIFY_DIR: &str = "/run/notify";
pub const CONTAINER_NOTIFY_SOCKET: &str = "/run/notify/notify.sock";
/// The directory of the run-time directory that holds the supervisor's end.
pub const NOTIFY_DIR: &str = "notify";

/// `bundle/service.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    #[serde(default)]
    pub restart: Restart,
    /// The healthcheck in effect (`--health-*` over the image's), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<Healthcheck>,
    #[serde(default)]
    pub on_failure: OnFailure,
    #[serde(default)]
    pub notify: NotifyMode,
    /// `$NOTIFY_SOCKET` when the container was created (podman's `SdNotifySocket`); the
    /// supervisor prefers the one of the command that starts it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_socket: Option<String>,
    /// The spec mounts [`NOTIFY_DIR`] at [`CONTAINER_NOTIFY_DIR`] (container mode with a
    /// socket to pass messages on to): the supervisor must create it before the start.
    #[serde(default)]
    pub container_socket: bool,
    /// `--health-interval=disable`: no timer, only `healthcheck run` probes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub health_timer_off: bool,
    /// For the `stop` and `restart` actions: the stop signal and the seconds before SIGKILL.
    #[serde(default)]
    pub stop_signal: i32,
    #[serde(default)]
    pub stop_timeout: u64,
    /// `--timeout`: seconds the container may run before it is killed (exit code -1, as
    /// podman's conmon records it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// `--log-opt max-size`: the log is truncated when it would grow beyond, as conmon does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_size_max: Option<u64>,
}

impl Service {
    /// Reads `BUNDLE/service.json`; a bundle without one has no service settings.
    pub fn load(bundle: &Path) -> Service {
        fs_err::read(bundle.join(SERVICE_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// The healthcheck to run, if any.
    pub fn healthcheck(&self) -> Option<&Healthcheck> {
        self.health.as_ref().filter(|h| !h.disabled())
    }
}

/// Parses a Go duration (`1s`, `500ms`, `1m30s`, `2h`, `1.5s`; a bare `0` is zero), as podman's
/// `--health-interval` and friends take them.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("invalid duration {text:?}: use e.g. 30s, 1m30s, 500ms");
    let s = text.trim();
    if s == "0" {
        return Ok(Duration::ZERO);
    }
    if s.is_empty() {
        return Err(bad());
    }
    let mut total = 0f64;
    let mut rest = s;
    while !rest.is_empty() {
        let num_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).ok_or_else(bad)?;
        if num_len == 0 {
            return Err(bad());
        }
        let value: f64 = rest[..num_len].parse().map_err(|_| bad())?;
        rest = &rest[num_len..];
        let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let scale = match &rest[..unit_len] {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return Err(bad()),
        };
        total += value * scale;
        rest = &rest[unit_len..];
    }
    Ok(Duration::from_secs_f64(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restart_policies_parse_as_podmans() {
        assert_eq!(Restart::parse("no").unwrap(), Restart::default());
        assert_eq!(Restart::parse("").unwrap(), Restart::default());
        assert_eq!(
            Restart::parse("on-failure:2").unwrap(),
            Restart { policy: RestartPolicy::OnFailure, max_retries: 2 }
        );
        assert_eq!(Restart::parse("always").unwrap().policy, RestartPolicy::Always);
        assert_eq!(Restart::parse("unless-stopped").unwrap().policy.name(), "unless-stopped");
        assert!(Restart::parse("sometimes").unwrap_err().contains("invalid restart policy"));
        assert!(Restart::parse("always:3").unwrap_err().contains("only be specified with on-failure"));
        assert!(Restart::parse("on-failure:x").is_err());
    }

    #[test]
    fn on_failure_two_restarts_then_it_stays_exited() {
        let r = Restart::parse("on-failure:2").unwrap();
        assert!(r.should_restart(1, 0));
        assert!(r.should_restart(1, 1));
        assert!(!r.should_restart(1, 2));
        assert!(!r.should_restart(0, 0), "a clean exit is not a failure");
        let always = Restart::parse("always").unwrap();
        assert!(always.should_restart(0, 1000));
        assert!(!Restart::default().should_restart(1, 0));
    }

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        assert_eq!(backoff(1), Duration::from_millis(100));
        assert_eq!(backoff(2), Duration::from_millis(200));
        assert_eq!(backoff(4), Duration::from_millis(800));
        assert_eq!(backoff(40), BACKOFF_MAX);
    }

    #[test]
    fn go_durations() {
        assert_eq!(parse_duration("1s").unwrap(), Duration::from_secs(1));
        assert_eq!(parse_duration("1m30s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("1.5s").unwrap(), Duration::from_millis(1500));
        assert_eq!(parse_duration("0").unwrap(), Duration::ZERO);
        for bad in ["", "1", "s", "1x", "-1s", "1s2"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn health_commands_become_tests() {
        let h = Healthcheck::from_command("/healthcheck").unwrap().unwrap();
        assert_eq!(h.test, ["CMD-SHELL", "/healthcheck"]);
        assert_eq!(h.argv().unwrap(), ["/bin/sh", "-c", "/healthcheck"]);
        let h = Healthcheck::from_command(r#"["CMD", "true"]"#).unwrap().unwrap();
        assert_eq!(h.argv().unwrap(), ["true"]);
        let h = Healthcheck::from_command(r#"["ls", "/"]"#).unwrap().unwrap();
        assert_eq!(h.test, ["CMD", "ls", "/"]);
        assert_eq!(Healthcheck::from_command("none").unwrap(), None);
        assert!(Healthcheck { test: vec!["NONE".into()], ..Default::default() }.disabled());
        assert_eq!(h.interval(), DEFAULT_INTERVAL);
        assert_eq!(h.retries(), 3);
    }

    #[test]
    fn notify_modes_and_actions_parse() {
        assert_eq!(NotifyMode::parse("conmon").unwrap(), NotifyMode::Conmon);
        assert!(NotifyMode::parse("healthy").is_err());
        assert_eq!(OnFailure::parse("kill").unwrap().name(), "kill");
        assert!(OnFailure::parse("explode").is_err());
        let s = Service { health: Healthcheck::from_command("true").unwrap(), ..Default::default() };
        let back: Service = serde_json::from_slice(&serde_json::to_vec(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
