//! `--restart`, `--health-*`, `--no-healthcheck` and `--sdnotify` of `run` and `create` (see
//! [`crate::engine::service`]): the supervisor restarts the container, probes it on its own
//! timer and tells systemd it is ready.

use crate::engine::containers::CreateOptions;
use crate::engine::service::{parse_duration, NotifyMode, OnFailure, Restart, ServiceRequest};

#[derive(Debug, Clone, clap::Args)]
pub struct ServiceArgs {
    /// Restart policy when the container exits: no, on-failure[:MAX_RETRIES], always,
    /// unless-stopped (the supervisor restarts it, waiting 100 ms doubling up to 10 s; not
    /// after stop, kill or rm)
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
    /// Healthcheck command, run in the container by its supervisor (a shell command, or a JSON
    /// array such as '["CMD", "curl", "-f", "http://localhost/"]'; "none" disables the image's)
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,
    /// Time between healthchecks, e.g. 30s, 1m (default 30s; "disable": only `healthcheck run`
    /// probes)
    #[arg(long, value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Consecutive failures before the container is unhealthy (default 3)
    #[arg(long, value_name = "N")]
    pub health_retries: Option<u32>,
    /// Time after the start during which failures do not count (default 0s)
    #[arg(long, value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// Time a healthcheck may take before it counts as failed (default 30s)
    #[arg(long, value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// What the supervisor does when the container becomes unhealthy: none, kill, restart, stop
    #[arg(long, value_name = "ACTION")]
    pub health_on_failure: Option<String>,
    /// Disable any healthcheck, the image's included
    #[arg(long)]
    pub no_healthcheck: bool,
    /// How to use $NOTIFY_SOCKET: container (pass the container's READY etc. on), conmon (the
    /// supervisor sends READY=1 once the container runs), ignore
    #[arg(long, value_name = "MODE")]
    pub sdnotify: Option<String>,
}

/// A healthcheck duration (`disable` for the interval is 0: no timer, as podman); `what` names
/// the option in the error, as podman does.
fn health_duration(text: Option<&String>, what: &str) -> anyhow::Result<Option<std::time::Duration>> {
    match text.map(String::as_str) {
        None => Ok(None),
        Some("disable") => Ok(Some(std::time::Duration::ZERO)),
        Some(t) => parse_duration(t)
            .map(Some)
            .map_err(|_| anyhow::anyhow!("invalid {what}: time: invalid duration {t:?}")),
    }
}

impl ServiceArgs {
    /// Checks the settings and puts them into `with` (the engine checks the rest at create).
    pub fn apply(&self, with: &mut CreateOptions) -> anyhow::Result<()> {
        let restart = self.restart.as_deref().map(Restart::parse).transpose().map_err(anyhow::Error::msg)?;
        let on_failure = self
            .health_on_failure
            .as_deref()
            .map(OnFailure::parse)
            .transpose()
            .map_err(anyhow::Error::msg)?;
        let sdnotify =
            self.sdnotify.as_deref().map(NotifyMode::parse).transpose().map_err(anyhow::Error::msg)?;
        with.service = ServiceRequest {
            restart: restart.unwrap_or_default(),
            health_cmd: self.health_cmd.clone(),
            health_interval: health_duration(self.health_interval.as_ref(), "healthcheck-interval")?,
            health_timeout: health_duration(self.health_timeout.as_ref(), "healthcheck-timeout")?,
            health_start_period: health_duration(
                self.health_start_period.as_ref(),
                "healthcheck-start-period",
            )?,
            health_retries: self.health_retries,
            on_failure: on_failure.unwrap_or_default(),
            no_healthcheck: self.no_healthcheck,
            sdnotify: sdnotify.unwrap_or_default(),
            notify_socket: std::env::var("NOTIFY_SOCKET").ok().filter(|s| !s.is_empty()),
        };
        Ok(())
    }
}
