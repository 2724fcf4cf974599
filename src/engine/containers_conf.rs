//! containers.conf (containers.conf(5)), read where and as podman reads it.
//!
//! The files, in order, later ones overriding earlier ones key by key:
//! - `$CONTAINERS_CONF` alone when it is set (and then it must exist);
//! - else `/usr/share/containers/containers.conf`, `/etc/containers/containers.conf`, the
//!   `*.conf` files of `/etc/containers/containers.conf.d/` (sorted), then, for an ordinary user,
//!   `$XDG_CONFIG_HOME/containers/containers.conf` and its `.d/` directory;
//! - then skiff's own `containers.conf` in its configuration directory (`$XDG_CONFIG_HOME/skiff/`,
//!   `/etc/skiff/` as root), which overrides podman's.
//!
//! Tables are merged recursively (a key set in a later file replaces the same key of an earlier
//! one; keys it does not name stay). Keys skiff does not know are ignored, as podman ignores them.
//! A file that exists but does not parse is an error naming the file.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

/// The environment variable naming the one containers.conf to read.
pub const ENV_CONTAINERS_CONF: &str = "CONTAINERS_CONF";

/// Errors reading containers.conf.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error("CONTAINERS_CONF names {path}, which cannot be read: {reason}")]
    EnvFile { path: PathBuf, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("cannot parse {path}: {reason}")]
    Parse { path: PathBuf, reason: String },
}

/// The merged configuration, with the files it came from.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContainersConf {
    pub containers: Containers,
    pub engine: Engine,
    pub network: Network,
    /// The files read, in the order they were merged.
    #[serde(skip)]
    pub files: Vec<PathBuf>,
}

/// `[containers]`: defaults for the containers skiff creates.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Containers {
    pub annotations: Option<Vec<String>>,
    /// A file whose entries are added to each container's /etc/hosts (`none`: none).
    pub base_hosts_file: Option<String>,
    pub cgroupns: Option<String>,
    pub cgroups: Option<String>,
    pub default_capabilities: Option<Vec<String>>,
    pub default_sysctls: Option<Vec<String>>,
    pub default_ulimits: Option<Vec<String>>,
    pub devices: Option<Vec<String>>,
    pub dns_options: Option<Vec<String>>,
    pub dns_searches: Option<Vec<String>>,
    pub dns_servers: Option<Vec<String>>,
    pub env: Option<Vec<String>>,
    pub env_host: Option<bool>,
    /// The address `host.containers.internal` resolves to (`none`: no such entry).
    pub host_containers_internal_ip: Option<String>,
    pub http_proxy: Option<bool>,
    pub init: Option<bool>,
    pub init_path: Option<String>,
    pub ipcns: Option<String>,
    pub label: Option<bool>,
    pub log_driver: Option<String>,
    pub log_size_max: Option<i64>,
    pub log_tag: Option<String>,
    pub netns: Option<String>,
    pub no_hosts: Option<bool>,
    pub pidns: Option<String>,
    pub pids_limit: Option<i64>,
    pub seccomp_profile: Option<String>,
    pub shm_size: Option<String>,
    pub tz: Option<String>,
    pub umask: Option<String>,
    pub userns: Option<String>,
    pub userns_size: Option<i64>,
    pub utsns: Option<String>,
    pub volumes: Option<Vec<String>>,
    pub mounts: Option<Vec<String>>,
}

/// `[engine]`: how skiff itself behaves.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Engine {
    pub cgroup_manager: Option<String>,
    pub env: Option<Vec<String>>,
    pub events_logger: Option<String>,
    pub events_logfile_path: Option<String>,
    pub events_logfile_max_size: Option<toml::Value>,
    pub image_default_transport: Option<String>,
    pub image_volume_mode: Option<String>,
    pub infra_command: Option<String>,
    pub infra_image: Option<String>,
    pub pull_policy: Option<String>,
    pub runtime: Option<String>,
    pub static_dir: Option<String>,
    pub stop_timeout: Option<u64>,
    pub tmp_dir: Option<String>,
    pub volume_path: Option<String>,
    pub healthcheck_events: Option<bool>,
}

/// `[network]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Network {
    pub default_network: Option<String>,
    pub default_subnet: Option<String>,
    pub default_subnet_pools: Option<Vec<toml::Value>>,
    pub network_backend: Option<String>,
    pub network_config_dir: Option<String>,
    pub default_rootless_network_cmd: Option<String>,
}

/// The files podman reads, in merge order, that exist; `skiff_dir` is skiff's configuration
/// directory, whose `containers.conf` comes last.
pub fn files(skiff_dir: Option<&Path>) -> Result<Vec<PathBuf>, Error> {
    if let Some(path) = std::env::var_os(ENV_CONTAINERS_CONF).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(path);
        if let Err(e) = fs_err::metadata(&path) {
            return Err(Error::EnvFile { path, reason: e.kind().to_string() });
        }
        return Ok(vec![path]);
    }
    let mut out = Vec::new();
    let mut add = |p: PathBuf| {
        if p.is_file() {
            out.push(p);
        }
    };
    add(PathBuf::from("/usr/share/containers/containers.conf"));
    add(PathBuf::from("/etc/containers/containers.conf"));
    for p in dropins(Path::new("/etc/containers/containers.conf.d")) {
        add(p);
    }
    let rootless = !nix::unistd::geteuid().is_root();
    if rootless {
        if let Some(conf) = dirs::config_dir() {
            let user = conf.join("containers/containers.conf");
            add(user.clone());
            for p in dropins(&conf.join("containers/containers.conf.d")) {
                add(p);
            }
        }
    }
    if let Some(dir) = skiff_dir {
        add(dir.join("containers.conf"));
    }
    tracing::trace!("containers.conf files found: {out:?}");
    Ok(out)
}

/// The `*.conf` files of a drop-in directory, sorted by name.
fn dropins(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs_err::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "conf"))
        .collect();
    v.sort();
    v
}

/// Reads and merges `paths` in order.
pub fn load_files(paths: &[PathBuf]) -> Result<ContainersConf, Error> {
    let mut merged = toml::Table::new();
    for path in paths {
        let text = fs_err::read_to_string(path)
            .map_err(|e| Error::Read { path: path.clone(), reason: e.kind().to_string() })?;
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| Error::Parse { path: path.clone(), reason: one_line(&e) })?;
        merge(&mut merged, table);
    }
    let mut conf: ContainersConf = toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| {
        Error::Parse { path: paths.last().cloned().unwrap_or_default(), reason: one_line(&e) }
    })?;
    conf.files = paths.to_vec();
    Ok(conf)
}

/// Reads the configuration podman would read, then skiff's own file in `skiff_dir`.
pub fn load(skiff_dir: Option<&Path>) -> Result<ContainersConf, Error> {
    load_files(&files(skiff_dir)?)
}

/// The configuration of this process (skiff's directory as [`crate::engine::context::Context`]
/// resolves it), read once.
pub fn get() -> Result<&'static ContainersConf, Error> {
    static CONF: OnceLock<Result<ContainersConf, Error>> = OnceLock::new();
    CONF.get_or_init(|| load(Some(&default_skiff_dir()))).as_ref().map_err(Clone::clone)
}

/// skiff's configuration directory: `$XDG_CONFIG_HOME/skiff` for an ordinary user, `/etc/skiff`
/// as root.
fn default_skiff_dir() -> PathBuf {
    if nix::unistd::geteuid().is_root() {
        PathBuf::from("/etc/skiff")
    } else {
        dirs::config_dir().unwrap_or_else(|| PathBuf::from("/nonexistent")).join("skiff")
    }
}

fn merge(into: &mut toml::Table, from: toml::Table) {
    for (k, v) in from {
        match (into.get_mut(&k), v) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) => merge(a, b),
            (_, v) => {
                into.insert(k, v);
            }
        }
    }
}

fn one_line(e: &toml::de::Error) -> String {
    e.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        fs_err::write(&p, text).unwrap();
        p
    }

    #[test]
    fn later_files_override_key_by_key() {
        let d = tempfile::tempdir().unwrap();
        let a = write(
            d.path(),
            "a.conf",
            "[containers]\ndns_servers=[\"1.1.1.1\"]\ntz=\"UTC\"\n[engine]\nruntime=\"crun\"\n",
        );
        let b = write(
            d.path(),
            "b.conf",
            "[containers]\ntz=\"Europe/Paris\"\nunknown_key=3\n[machine]\ncpus=2\n",
        );
        let conf = load_files(&[a.clone(), b.clone()]).unwrap();
        assert_eq!(conf.containers.tz.as_deref(), Some("Europe/Paris"));
        assert_eq!(conf.containers.dns_servers, Some(vec!["1.1.1.1".to_string()]));
        assert_eq!(conf.engine.runtime.as_deref(), Some("crun"));
        assert_eq!(conf.files, vec![a, b]);
    }

    #[test]
    fn a_broken_file_is_named() {
        let d = tempfile::tempdir().unwrap();
        let a = write(d.path(), "bad.conf", "[containers\n");
        let e = load_files(std::slice::from_ref(&a)).unwrap_err().to_string();
        assert!(e.contains(&a.display().to_string()), "{e}");
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn a_wrong_type_is_an_error() {
        let d = tempfile::tempdir().unwrap();
        let a = write(d.path(), "t.conf", "[containers]\ndns_servers=\"1.1.1.1\"\n");
        assert!(load_files(&[a]).is_err());
    }

    #[test]
    fn dropins_are_sorted_conf_files() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "20-b.conf", "");
        write(d.path(), "10-a.conf", "");
        write(d.path(), "README", "");
        let names: Vec<_> =
            dropins(d.path()).iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["10-a.conf", "20-b.conf"]);
    }
}
