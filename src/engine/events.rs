//! The event log (podman's "file" events backend): every lifecycle event of containers, images,
//! volumes, pods and networks appended as one JSON line to a file in the run-time directory
//! (or containers.conf's `events_logfile_path`), rotated when it grows past
//! `events_logfile_max_size` (1 MB by default), and read back by `skiff events`.
//!
//! Writing never fails a use case: a log that cannot be written is logged at debug level only.

use fs_err::os::unix::fs::OpenOptionsExt;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, Local, SecondsFormat};
use serde::{Deserialize, Serialize};

/// Environment variable that carries `--events-backend` to skiff's own child processes (the
/// supervisor's cleanup writes the `died` event).
pub const ENV_BACKEND: &str = "SKIFF_EVENTS_BACKEND";

/// podman's default `events_logfile_max_size`.
pub const DEFAULT_MAX_SIZE: u64 = 1_000_000;

/// Where events go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    File,
    None,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read events with the \"none\" backend")]
    NoneBackend,
    #[error("events backend \"journald\" is not supported by skiff: use \"file\" or \"none\"")]
    Journald,
    #[error("{0:?} is not a valid events backend: use \"file\" or \"none\"")]
    BadBackend(String),
    #[error("{0} is an invalid filter")]
    BadFilter(String),
    #[error("invalid time {0:?}: give an RFC 3339 time, a date, a Unix time or a duration (10m)")]
    BadTime(String),
    #[error("cannot read the events file {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The settings of this process.
#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    pub path: PathBuf,
    /// 0: no limit.
    pub max_size: u64,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

/// Parses a backend name: `file`, `none`; `journald` is a clear error.
pub fn parse_backend(text: &str) -> Result<Backend, Error> {
    match text {
        "file" => Ok(Backend::File),
        "none" => Ok(Backend::None),
        "journald" => Err(Error::Journald),
        other => Err(Error::BadBackend(other.to_string())),
    }
}

/// Sets up the event log for this process: `flag` is `--events-backend` (else the environment
/// left by a parent skiff, else containers.conf's `events_logger`, else file). Call once, early
/// (it sets an environment variable for child processes, so before any thread starts).
pub fn init(run_root: &Path, flag: Option<&str>) -> Result<(), Error> {
    let default = super::containers_conf::Engine::default();
    // A containers.conf that does not parse is reported by the commands that use it.
    let conf = super::containers_conf::get().map_or(&default, |c| &c.engine);
    let backend = match flag {
        Some(f) => {
            let b = parse_backend(f)?;
            std::env::set_var(ENV_BACKEND, f);
            b
        }
        None => match std::env::var(ENV_BACKEND).ok().or_else(|| conf.events_logger.clone()) {
            // journald in containers.conf (a common default): skiff has only the file.
            Some(b) if b == "none" => Backend::None,
            _ => Backend::File,
        },
    };
    let path = conf
        .events_logfile_path
        .as_ref()
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| run_root.join("events").join("events.log"));
    let max_size = conf.events_logfile_max_size.as_ref().map_or(DEFAULT_MAX_SIZE, size_of_value);
    let _ = CONFIG.set(Config { backend, path, max_size });
    Ok(())
}

/// `info`'s eventLogger: "file" or "none".
pub fn backend_name() -> &'static str {
    match CONFIG.get().map(|c| c.backend) {
        Some(Backend::None) => "none",
        _ => "file",
    }
}

/// The settings in force (file backend in the run-time directory if `init` was not called).
pub fn config() -> Option<&'static Config> {
    CONFIG.get()
}

fn size_of_value(v: &toml::Value) -> u64 {
    match v {
        toml::Value::Integer(n) => (*n).max(0) as u64,
        toml::Value::String(s) => parse_size(s).unwrap_or(DEFAULT_MAX_SIZE),
        _ => DEFAULT_MAX_SIZE,
    }
}

/// `1m`, `500k`, `1000`, `2GB`: bytes (decimal units, as podman's `units.FromHumanSize`).
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.trim_end_matches('b').trim_end_matches('i');
    let (num, mult) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 1_000u64),
        'm' => (&t[..t.len() - 1], 1_000_000),
        'g' => (&t[..t.len() - 1], 1_000_000_000),
        _ => (t, 1),
    };
    let n: f64 = num.trim().parse().ok()?;
    (n >= 0.0).then_some((n * mult as f64) as u64)
}

/// One event, as podman's file backend writes it (one JSON object per line).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "ContainerExitCode", default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(rename = "ID", default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(rename = "Image", default, skip_serializing_if = "String::is_empty")]
    pub image: String,
    #[serde(rename = "Name", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "Network", default, skip_serializing_if = "String::is_empty")]
    pub network: String,
    #[serde(rename = "Status", default)]
    pub status: String,
    #[serde(rename = "Time", default)]
    pub time: String,
    #[serde(rename = "Type", default)]
    pub kind: String,
    #[serde(rename = "HealthStatus", default, skip_serializing_if = "String::is_empty")]
    pub health_status: String,
    #[serde(rename = "PodID", default, skip_serializing_if = "String::is_empty")]
    pub pod_id: String,
    #[serde(rename = "Attributes", default)]
    pub attributes: Option<BTreeMap<String, String>>,
}

/// Go's RFC3339Nano of the local time (trailing zeros of the fraction dropped).
fn now_text() -> String {
    go_rfc3339(&Local::now().fixed_offset())
}

/// `t` as Go's RFC3339Nano prints it: trailing zeros of the fraction dropped, `Z` for UTC.
pub fn go_rfc3339(t: &DateTime<FixedOffset>) -> String {
    let s = t.to_rfc3339_opts(SecondsFormat::Nanos, true);
    // "2024-01-02T03:04:05.120000000+02:00": trim the fraction's zeros.
    let Some(dot) = s.find('.') else { return s };
    let end = s[dot..].find(['Z', '+', '-']).map_or(s.len(), |i| dot + i);
    let frac = s[dot + 1..end].trim_end_matches('0');
    if frac.is_empty() {
        format!("{}{}", &s[..dot], &s[end..])
    } else {
        format!("{}.{frac}{}", &s[..dot], &s[end..])
    }
}

impl Event {
    pub fn new(kind: &str, status: &str) -> Event {
        Event { kind: kind.into(), status: status.into(), time: now_text(), ..Event::default() }
    }

    /// The event for a Go template: every field present, as in podman's struct (an empty id is
    /// "", not "<no value>").
    pub fn template_value(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = v.as_object_mut() {
            for k in ["ID", "Image", "Name", "Network", "HealthStatus", "PodID"] {
                map.entry(k).or_insert_with(|| "".into());
            }
            map.entry("ContainerExitCode").or_insert_with(|| 0.into());
            // `{{.Time}}` is Go's time.Time: its String().
            if let Some(t) = self.timestamp() {
                map.insert("Time".into(), go_time_string(&t).into());
            }
        }
        v
    }

    /// The time of the event, if it parses.
    pub fn timestamp(&self) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(&self.time).ok()
    }

    /// podman's line: `TIME TYPE STATUS ID (image=..., name=..., LABELS)` for containers and pods.
    pub fn human(&self, truncate: bool) -> String {
        let time = self.timestamp().map_or_else(|| self.time.clone(), |t| go_time_string(&t));
        let id = if truncate && self.id.len() > 12 { &self.id[..12] } else { &self.id };
        match self.kind.as_str() {
            "container" | "pod" => {
                let mut s = format!(
                    "{time} {} {} {id} (image={}, name={}",
                    self.kind, self.status, self.image, self.name
                );
                if !self.pod_id.is_empty() {
                    s.push_str(&format!(", pod_id={}", self.pod_id));
                }
                if !self.health_status.is_empty() {
                    s.push_str(&format!(", health_status={}", self.health_status));
                }
                for (k, v) in self.attributes.iter().flatten() {
                    s.push_str(&format!(", {k}={v}"));
                }
                s.push(')');
                s
            }
            "network" => {
                format!("{time} {} {} {id} (container={id}, name={})", self.kind, self.status, self.network)
            }
            "image" => format!("{time} {} {} {id} {}", self.kind, self.status, self.name),
            "system" if !self.name.is_empty() => {
                format!("{time} {} {} {}", self.kind, self.status, self.name)
            }
            "system" => format!("{time} {} {}", self.kind, self.status),
            _ => format!("{time} {} {} {}", self.kind, self.status, self.name),
        }
    }
}

/// Go's `time.Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
fn go_time_string(t: &DateTime<FixedOffset>) -> String {
    let nanos = format!("{:09}", t.timestamp_subsec_nanos());
    let frac = nanos.trim_end_matches('0');
    let frac = if frac.is_empty() { String::new() } else { format!(".{frac}") };
    let offset = t.format("%z").to_string();
    let zone = if t.offset().local_minus_utc() == 0 { "UTC".to_string() } else { offset.clone() };
    format!("{}{frac} {offset} {zone}", t.format("%Y-%m-%d %H:%M:%S"))
}

/// A container event with podman's fields (labels as attributes).
/// The image's labels, then the container's own on top, as podman's container labels.
pub fn container(store: &crate::storage::Store, status: &str, rec: &crate::storage::ContainerRecord) {
    if CONFIG.get().is_none_or(|c| c.backend == Backend::None) {
        return;
    }
    let mut e = Event::new("container", status);
    e.id = rec.id.clone();
    e.name = rec.name.clone();
    e.image = rec.image_name.clone();
    let mut labels: BTreeMap<String, String> = store
        .get_image(&rec.image_id)
        .ok()
        .flatten()
        .and_then(|i| super::images::image_run_config(store, &i).ok())
        .and_then(|c| c.labels().clone())
        .map(|l| l.into_iter().collect())
        .unwrap_or_default();
    labels.extend(rec.labels.clone());
    e.attributes = Some(labels);
    if status == "died" {
        e.exit_code = Some(rec.exit_code.unwrap_or(0));
    }
    write(&e);
}

/// `init` and `start` of a container just started (and `attach` when the caller attaches).
pub fn container_started(store: &crate::storage::Store, rec: &crate::storage::ContainerRecord, attach: bool) {
    container(store, "init", rec);
    container(store, "start", rec);
    if attach {
        container(store, "attach", rec);
    }
}

/// `died` of a container's run that ended at `finished_at`, once per run however many times the
/// cleanup runs (a marker in the container's run-time directory `run_dir`). Returns whether it
/// was written now.
pub fn container_died(
    store: &crate::storage::Store,
    run_dir: &Path,
    rec: &crate::storage::ContainerRecord,
    code: i32,
    finished_at: &str,
) -> bool {
    let key: String = finished_at.chars().filter(char::is_ascii_alphanumeric).collect();
    let marker = run_dir.join(format!("died-event.{key}"));
    if fs_err::OpenOptions::new().write(true).create_new(true).open(&marker).is_err() {
        return false;
    }
    // The markers of earlier runs (restarts) are no longer needed.
    for entry in fs_err::read_dir(run_dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("died-event.") && entry.path() != marker {
            let _ = fs_err::remove_file(entry.path());
        }
    }
    let mut rec = rec.clone();
    rec.exit_code = Some(code);
    container(store, "died", &rec);
    true
}

/// An image event: `id` may be empty (pull, loadfromarchive), `name` the reference or path.
pub fn image(status: &str, id: &str, name: &str) {
    let mut e = Event::new("image", status);
    e.id = id.to_string();
    e.name = name.to_string();
    write(&e);
}

/// A volume event.
pub fn volume(status: &str, name: &str) {
    let mut e = Event::new("volume", status);
    e.name = name.to_string();
    write(&e);
}

/// A pod event.
pub fn pod(status: &str, id: &str, name: &str) {
    let mut e = Event::new("pod", status);
    e.id = id.to_string();
    e.name = name.to_string();
    write(&e);
}

/// A network event (`id`: the container's id).
pub fn network(status: &str, container_id: &str, network: &str) {
    let mut e = Event::new("network", status);
    e.id = container_id.to_string();
    e.network = network.to_string();
    write(&e);
}

/// Appends `event` to the log (nothing with the none backend). Never fails the caller.
pub fn write(event: &Event) {
    let Some(cfg) = CONFIG.get() else { return };
    if cfg.backend == Backend::None {
        return;
    }
    if let Err(e) = append(cfg, event) {
        tracing::debug!("cannot write the event to {}: {e}", cfg.path.display());
    }
}

fn append(cfg: &Config, event: &Event) -> std::io::Result<()> {
    let mut line = serde_json::to_string(event).map_err(std::io::Error::other)?;
    line.push('\n');
    if let Some(dir) = cfg.path.parent() {
        fs_err::create_dir_all(dir)?;
    }
    // Writers take a lock beside the log, so that a rotation (a rename) does not lose a
    // concurrent writer's line.
    let lock_path = lock_path(&cfg.path);
    let lock = fs_err::OpenOptions::new().create(true).append(true).mode(0o600).open(&lock_path)?;
    let lock = nix::fcntl::Flock::lock(lock.into_parts().0, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| std::io::Error::from(e))?;
    if cfg.max_size > 0 {
        if let Ok(meta) = fs_err::metadata(&cfg.path) {
            if meta.len() + line.len() as u64 >= cfg.max_size {
                rotate(&cfg.path)?;
            }
        }
    }
    let mut f = fs_err::OpenOptions::new().create(true).append(true).mode(0o600).open(&cfg.path)?;
    // One write of a whole line under O_APPEND.
    f.write_all(line.as_bytes())?;
    drop(lock);
    Ok(())
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// podman's rotation: keep the second half of the file (from the first whole line after the
/// middle) and add a `system log-rotation` event naming the file.
fn rotate(path: &Path) -> std::io::Result<()> {
    let mut orig = fs_err::File::open(path)?;
    let size = orig.metadata()?.len();
    orig.seek(SeekFrom::Start(size / 2))?;
    let mut reader = BufReader::new(orig);
    let mut skipped = Vec::new();
    reader.read_until(b'\n', &mut skipped)?;
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest)?;
    let mut rotation = Event::new("system", "log-rotation");
    rotation.name = path.display().to_string();
    rest.extend_from_slice(serde_json::to_string(&rotation).map_err(std::io::Error::other)?.as_bytes());
    rest.push(b'\n');
    let tmp = path.with_file_name(format!(".{}.rotate", std::process::id()));
    fs_err::write(&tmp, &rest)?;
    fs_err::rename(&tmp, path)
}

/// `--filter KEY=VALUE`s: the same key is a disjunction, different keys a conjunction.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    by_key: BTreeMap<String, Vec<String>>,
}

impl Filters {
    pub fn parse(filters: &[String]) -> Result<Filters, Error> {
        let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in filters {
            let (k, v) = f.split_once('=').ok_or_else(|| Error::BadFilter(f.clone()))?;
            let k = k.to_ascii_lowercase();
            let k = if k == "status" { "event".to_string() } else { k };
            if !["container", "event", "image", "label", "pod", "type", "volume", "network"]
                .contains(&k.as_str())
            {
                return Err(Error::BadFilter(f.clone()));
            }
            by_key.entry(k).or_default().push(v.to_string());
        }
        Ok(Filters { by_key })
    }

    pub fn matches(&self, e: &Event) -> bool {
        self.by_key.iter().all(|(k, values)| values.iter().any(|v| matches_one(k, v, e)))
    }
}

fn matches_one(key: &str, value: &str, e: &Event) -> bool {
    match key {
        "container" => e.kind == "container" && (e.name == value || e.id.starts_with(value)),
        "event" => e.status == value,
        "image" => {
            e.image == value
                || (e.kind == "image" && (e.name == value || (!e.id.is_empty() && e.id.starts_with(value))))
                || e.image.strip_prefix("localhost/").is_some_and(|i| i == value)
                || e.image
                    .rsplit_once(':')
                    .is_some_and(|(repo, _)| repo == value || repo.ends_with(&format!("/{value}")))
        }
        "pod" => e.kind == "pod" && (e.name == value || e.id.starts_with(value)),
        "volume" => e.kind == "volume" && e.name.starts_with(value),
        "network" => e.kind == "network" && (e.network == value || e.id.starts_with(value)),
        "type" => e.kind == value,
        "label" => {
            let (k, v) = value.split_once('=').unwrap_or((value, ""));
            e.attributes
                .as_ref()
                .is_some_and(|a| a.get(k).is_some_and(|have| !value.contains('=') || have == v))
        }
        _ => false,
    }
}

/// `--since`/`--until`: an RFC 3339 time (with or without zone and fraction), a date, a Unix
/// time (`1700000000[.5]`), or a duration before now (`10m`, `1h30m`).
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, Error> {
    let bad = || Error::BadTime(text.to_string());
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    let local = |naive: chrono::NaiveDateTime| {
        naive.and_local_timezone(Local).single().map(|t| t.fixed_offset()).ok_or_else(bad)
    };
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(n) = chrono::NaiveDateTime::parse_from_str(text, fmt) {
            return local(n);
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return local(d.and_hms_opt(0, 0, 0).ok_or_else(bad)?);
    }
    if let Ok(secs) = text.parse::<f64>() {
        let whole = secs.trunc() as i64;
        let nanos = ((secs - secs.trunc()) * 1e9) as u32;
        return DateTime::from_timestamp(whole, nanos).map(|t| t.fixed_offset()).ok_or_else(bad);
    }
    let d = humantime::parse_duration(text).map_err(|_| bad())?;
    let d = chrono::Duration::from_std(d).map_err(|_| bad())?;
    Ok((Local::now() - d).fixed_offset())
}

/// What `events` reads.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub filters: Filters,
    pub since: Option<DateTime<FixedOffset>>,
    pub until: Option<DateTime<FixedOffset>>,
}

impl Query {
    pub fn wants(&self, e: &Event) -> bool {
        let t = e.timestamp();
        if let (Some(since), Some(t)) = (self.since, t) {
            if t < since {
                return false;
            }
        }
        if let (Some(until), Some(t)) = (self.until, t) {
            if t > until {
                return false;
            }
        }
        self.filters.matches(e)
    }
}

/// The configured backend must be readable.
pub fn readable() -> Result<&'static Config, Error> {
    let cfg = CONFIG.get().ok_or(Error::NoneBackend)?;
    if cfg.backend == Backend::None {
        return Err(Error::NoneBackend);
    }
    Ok(cfg)
}

/// Reads the events of the log that `query` wants, calling `each` for each; with `follow`, keeps
/// reading what is appended (across rotations) until `each` returns false or `until` passes.
pub fn read(query: &Query, follow: bool, each: &mut dyn FnMut(&Event) -> bool) -> Result<(), Error> {
    let cfg = readable()?;
    let path = &cfg.path;
    let open = || -> Result<Option<fs_err::File>, Error> {
        match fs_err::File::open(path) {
            Ok(f) => Ok(Some(f)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read { path: path.clone(), source }),
        }
    };
    let mut file: Option<fs_err::File> = open()?;
    let mut pos: u64 = 0;
    let mut pending = Vec::<u8>::new();
    let mut ino =
        file.as_ref().and_then(|f| f.metadata().ok()).map(|m| std::os::unix::fs::MetadataExt::ino(&m));
    loop {
        if let Some(f) = file.as_mut() {
            let mut buf = Vec::new();
            f.seek(SeekFrom::Start(pos)).map_err(|source| Error::Read { path: path.clone(), source })?;
            f.read_to_end(&mut buf).map_err(|source| Error::Read { path: path.clone(), source })?;
            pos += buf.len() as u64;
            pending.extend_from_slice(&buf);
            while let Some(nl) = pending.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = pending.drain(..=nl).collect();
                let Ok(e) = serde_json::from_slice::<Event>(&line) else { continue };
                if query.wants(&e) && !each(&e) {
                    return Ok(());
                }
            }
        }
        if !follow {
            return Ok(());
        }
        if query.until.is_some_and(|u| Local::now().fixed_offset() > u) {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        // A rotation replaces the file: start over on the new one.
        let now_ino = fs_err::metadata(path).ok().map(|m| std::os::unix::fs::MetadataExt::ino(&m));
        if now_ino != ino {
            file = open()?;
            ino = now_ino;
            pos = 0;
            pending.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_times_are_printed_as_podman_does() {
        let t = DateTime::parse_from_rfc3339("2022-04-06T11:26:42.723667900+02:00").unwrap();
        assert_eq!(go_rfc3339(&t), "2022-04-06T11:26:42.7236679+02:00");
        assert_eq!(go_time_string(&t), "2022-04-06 11:26:42.7236679 +0200 +0200");
        let t = DateTime::parse_from_rfc3339("2022-04-06T11:26:42Z").unwrap();
        assert_eq!(go_time_string(&t), "2022-04-06 11:26:42 +0000 UTC");
    }

    #[test]
    fn filters_of_one_key_are_or_of_several_keys_and() {
        let mut e = Event::new("container", "start");
        e.name = "foo".into();
        e.id = "abcdef".into();
        e.attributes = Some([("k".to_string(), "v".to_string())].into());
        let f = |v: &[&str]| Filters::parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        assert!(f(&["container=foo", "container=bar"]).matches(&e));
        assert!(f(&["container=abc", "event=start", "label=k=v", "type=container"]).matches(&e));
        assert!(!f(&["container=foo", "event=died"]).matches(&e));
        assert!(!f(&["label=k=w"]).matches(&e));
        assert!(Filters::parse(&["nokey".to_string()]).is_err());
        assert!(Filters::parse(&["color=red".to_string()]).is_err());
    }

    #[test]
    fn sizes_and_times_parse() {
        assert_eq!(parse_size("1m"), Some(1_000_000));
        assert_eq!(parse_size("4750"), Some(4750));
        assert!(parse_time("2022-03-06T11:26:42.723667984+02:00").is_ok());
        assert!(parse_time("2024-01-02T03:04:05+00:00").is_ok());
        assert!(parse_time("2024-01-02").is_ok());
        assert!(parse_time("5m").unwrap() < Local::now().fixed_offset());
        assert!(parse_time("yesterday-ish").is_err());
    }

    #[test]
    fn rotation_keeps_the_second_half_and_records_itself() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.log");
        let line = "{\"Name\":\"busybox\",\"Status\":\"pull\",\"Time\":\"2022-04-06T11:26:42.72366790+02:00\",\"Type\":\"image\",\"Attributes\":null}\n";
        fs_err::write(&path, line.repeat(100)).unwrap();
        let cfg = Config { backend: Backend::File, path: path.clone(), max_size: (line.len() * 50) as u64 };
        append(&cfg, &Event::new("container", "remove")).unwrap();
        let text = fs_err::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 51, "{text}");
        assert!(lines[49].contains("log-rotation") && lines[49].contains(path.to_str().unwrap()));
        assert!(lines[50].contains("\"Status\":\"remove\""));
    }
}
