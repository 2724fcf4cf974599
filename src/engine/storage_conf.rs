//! storage.conf (containers-storage.conf(5)), read where podman reads it: the file named by
//! `$CONTAINERS_STORAGE_CONF`, else (for an ordinary user) `$XDG_CONFIG_HOME/containers/storage.conf`
//! when it exists, else `/etc/containers/storage.conf`, else `/usr/share/containers/storage.conf`.
//! One file is read, as podman reads one.
//!
//! skiff takes `[storage] driver` from it (`vfs` forces the copying backend; `overlay` leaves the
//! choice between kernel overlay and skiff's fuse-overlay automatic, as podman falls back to
//! fuse-overlayfs) and, for `info`, the path. skiff's own store does not share podman's layout;
//! [`containers_storage`] finds podman's and buildah's store (graphroot, runroot, driver) for
//! the commands that look at containers other tools made there (`ps --external`, ...).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::context::StorageDriver;

/// The environment variable naming the storage.conf to read, as in podman.
pub const ENV_STORAGE_CONF: &str = "CONTAINERS_STORAGE_CONF";

/// What skiff reads of storage.conf.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StorageConf {
    /// The file podman would read (which may not exist: then the defaults hold).
    pub path: PathBuf,
    /// Whether `path` was read.
    pub read: bool,
    /// `[storage] driver`, as written.
    pub driver: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Raw {
    #[serde(default)]
    storage: RawStorage,
}

#[derive(Debug, Default, Deserialize)]
struct RawStorage {
    #[serde(default)]
    driver: Option<String>,
    #[serde(default)]
    graphroot: Option<String>,
    #[serde(default)]
    runroot: Option<String>,
    #[serde(default)]
    rootless_storage_path: Option<String>,
}

impl StorageConf {
    /// The backend the driver asks for, if it forces one.
    pub fn forced_driver(&self) -> Option<StorageDriver> {
        match self.driver.as_deref()?.trim() {
            "vfs" => Some(StorageDriver::Vfs),
            _ => None,
        }
    }
}

/// The storage.conf podman would use for this user.
pub fn path() -> PathBuf {
    if let Some(p) = std::env::var_os(ENV_STORAGE_CONF).filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    if !nix::unistd::geteuid().is_root() {
        if let Some(conf) = dirs::config_dir() {
            let user = conf.join("containers/storage.conf");
            if user.is_file() {
                return user;
            }
            if !Path::new("/etc/containers/storage.conf").is_file()
                && !Path::new("/usr/share/containers/storage.conf").is_file()
            {
                return user;
            }
        }
    }
    let etc = PathBuf::from("/etc/containers/storage.conf");
    if etc.is_file() || !Path::new("/usr/share/containers/storage.conf").is_file() {
        etc
    } else {
        PathBuf::from("/usr/share/containers/storage.conf")
    }
}

/// Reads storage.conf; a file that is missing or does not parse leaves the defaults (with a
/// warning for the latter, as it does not stop podman either).
pub fn load() -> StorageConf {
    let path = path();
    match fs_err::read_to_string(&path) {
        Ok(text) => match toml::from_str::<Raw>(&text) {
            Ok(raw) => StorageConf { path, read: true, driver: raw.storage.driver },
            Err(e) => {
                tracing::warn!("ignoring {}: {}", path.display(), e.message());
                StorageConf { path, read: false, driver: None }
            }
        },
        Err(_) => StorageConf { path, read: false, driver: None },
    }
}

/// Where containers/storage (the store podman and buildah share) lives for this user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainersStorage {
    /// Images, layers and containers (`graphroot`).
    pub graph_root: PathBuf,
    /// Run-time state such as the layers' mount counts (`runroot`).
    pub run_root: PathBuf,
    /// `[storage] driver`, if set (`overlay2` read as `overlay`).
    pub driver: Option<String>,
}

/// Reads one storage.conf's `[storage]` table; `None` when it is missing or does not parse (as
/// containers/storage, which then keeps its defaults).
fn read_raw(path: &Path) -> Option<RawStorage> {
    let text = fs_err::read_to_string(path).ok()?;
    toml::from_str::<Raw>(&text).ok().map(|r| r.storage)
}

/// containers/storage's store for a user (`rootless`, real uid `uid`), resolved as podman 4.3
/// and buildah 1.28 resolve it: the system file (`$CONTAINERS_STORAGE_CONF`, else
/// /etc/containers/storage.conf, else /usr/share/containers/storage.conf) gives root's paths
/// and, for a rootless user, `rootless_storage_path` (default
/// `$XDG_DATA_HOME/containers/storage`) and the driver; without `$CONTAINERS_STORAGE_CONF`, a
/// rootless user's own `$XDG_CONFIG_HOME/containers/storage.conf`, when it exists, replaces
/// those settings (its `graphroot`, else its `rootless_storage_path`). `$UID`, `$HOME` and
/// other variables in paths are expanded.
pub fn containers_storage(rootless: bool, uid: u32) -> ContainersStorage {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let etc = Path::new("/etc/containers/storage.conf");
    let system_path = if etc.exists() { etc } else { Path::new("/usr/share/containers/storage.conf") };
    resolve_containers_storage(rootless, uid, system_path, &env)
}

/// [`containers_storage`] with the environment `env` (set, non-empty variables) and the system
/// file `system_path` used when `$CONTAINERS_STORAGE_CONF` is unset.
fn resolve_containers_storage(
    rootless: bool,
    uid: u32,
    system_path: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> ContainersStorage {
    let env_conf = env(ENV_STORAGE_CONF).map(PathBuf::from);
    let system_path = env_conf.clone().unwrap_or_else(|| system_path.to_owned());
    let system = read_raw(&system_path).unwrap_or_default();
    let expand = |p: &str| expand_path(p, uid, env);
    let normal = |d: Option<String>| d.map(|d| if d == "overlay2" { "overlay".to_string() } else { d });
    if !rootless {
        return ContainersStorage {
            graph_root: system
                .graphroot
                .as_deref()
                .map(expand)
                .unwrap_or_else(|| PathBuf::from("/var/lib/containers/storage")),
            run_root: system
                .runroot
                .as_deref()
                .map(expand)
                .unwrap_or_else(|| PathBuf::from("/run/containers/storage")),
            driver: normal(system.driver),
        };
    }
    let home = env("HOME").map(PathBuf::from).unwrap_or_default();
    let data = env("XDG_DATA_HOME").map(PathBuf::from).unwrap_or_else(|| home.join(".local/share"));
    let default_graph = system
        .rootless_storage_path
        .as_deref()
        .map(expand)
        .unwrap_or_else(|| data.join("containers/storage"));
    let default_run = rootless_run_dir(uid, env).join("containers");
    // With $CONTAINERS_STORAGE_CONF, podman 4.3 and buildah 1.28 read only that file, as the
    // system's (its graphroot is not used for a rootless user; rootless_storage_path is).
    let user_path = match env_conf {
        Some(_) => None,
        None => Some(
            env("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .unwrap_or_else(|| home.join(".config"))
                .join("containers/storage.conf"),
        ),
    };
    let driver_ok = |d: &String| ["btrfs", "overlay", "overlay2", "vfs"].contains(&d.as_str());
    match user_path.filter(|p| p.exists()).map(|p| read_raw(&p).unwrap_or_default()) {
        Some(user) => ContainersStorage {
            graph_root: user
                .graphroot
                .or(user.rootless_storage_path)
                .as_deref()
                .map(expand)
                .unwrap_or(default_graph),
            run_root: user.runroot.as_deref().map(expand).unwrap_or(default_run),
            driver: normal(user.driver),
        },
        None => ContainersStorage {
            graph_root: default_graph,
            run_root: default_run,
            driver: normal(system.driver.filter(driver_ok)),
        },
    }
}

/// containers/storage's run-time directory for a rootless user: `$XDG_RUNTIME_DIR`, else
/// /run/user/UID when it is the user's, else /tmp/storage-run-UID.
fn rootless_run_dir(uid: u32, env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    if let Some(d) = env("XDG_RUNTIME_DIR") {
        return PathBuf::from(d);
    }
    let run_user = PathBuf::from(format!("/run/user/{uid}"));
    match fs_err::metadata(&run_user) {
        Ok(m) if m.is_dir() && m.uid() == uid => run_user,
        _ => PathBuf::from(format!("/tmp/storage-run-{uid}")),
    }
}

/// A path from storage.conf with `$UID` and environment variables (`$VAR`, `${VAR}`; unset ones
/// are empty) expanded, as containers/storage expands them.
fn expand_path(path: &str, uid: u32, env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    let path = path.replace("$UID", &uid.to_string());
    let mut out = String::new();
    let mut rest = path.as_str();
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (name, next) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], &braced[end + 1..]),
                None => ("", ""),
            }
        } else {
            let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        if name.is_empty() && !after.starts_with('{') {
            out.push('$');
        } else {
            out.push_str(&env(name).unwrap_or_default());
        }
        rest = next;
    }
    out.push_str(rest);
    PathBuf::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vfs_forces_and_overlay_leaves_the_choice() {
        let raw: Raw = toml::from_str("[storage]\ndriver = \"vfs\"\n").unwrap();
        let c = StorageConf { path: PathBuf::new(), read: true, driver: raw.storage.driver };
        assert_eq!(c.forced_driver(), Some(StorageDriver::Vfs));
        let raw: Raw = toml::from_str("[storage]\ndriver = \"overlay\"\n").unwrap();
        let c = StorageConf { path: PathBuf::new(), read: true, driver: raw.storage.driver };
        assert_eq!(c.forced_driver(), None);
    }

    #[test]
    fn storage_paths_expand_uid_and_variables() {
        let env = |k: &str| (k == "DATA").then(|| "/data".to_string());
        assert_eq!(expand_path("$DATA/u$UID/x", 1000, &env), PathBuf::from("/data/u1000/x"));
        assert_eq!(expand_path("${DATA}/s$UNSET", 7, &env), PathBuf::from("/data/s"));
        assert_eq!(expand_path("/plain/path", 7, &env), PathBuf::from("/plain/path"));
        assert_eq!(expand_path("/cost$", 7, &env), PathBuf::from("/cost$"));
    }

    #[test]
    fn containers_storage_is_found_as_podman_finds_it() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        let vars = |extra: &[(&str, String)]| {
            let mut m: std::collections::HashMap<String, String> = [
                ("HOME", d.join("home")),
                ("XDG_CONFIG_HOME", d.join("config")),
                ("XDG_RUNTIME_DIR", d.join("xdg")),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.display().to_string()))
            .collect();
            m.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
            m
        };
        let system = d.join("system.conf");
        let resolve = |rootless: bool, m: &std::collections::HashMap<String, String>| {
            resolve_containers_storage(rootless, 1000, &system, &|k: &str| m.get(k).cloned())
        };
        // Nothing configured: the defaults.
        let m = vars(&[]);
        let c = resolve(true, &m);
        assert_eq!(c.graph_root, d.join("home/.local/share/containers/storage"));
        assert_eq!(c.run_root, d.join("xdg/containers"));
        assert_eq!(c.driver, None);
        let c = resolve(false, &m);
        assert_eq!(c.graph_root, PathBuf::from("/var/lib/containers/storage"));
        // The system file: rootless_storage_path (with $UID) and the driver for a user.
        fs_err::write(
            &system,
            "[storage]\ndriver = \"overlay2\"\ngraphroot = \"/g\"\nrootless_storage_path = \"/r/$UID\"\n",
        )
        .unwrap();
        let c = resolve(true, &m);
        assert_eq!((c.graph_root, c.driver.as_deref()), (PathBuf::from("/r/1000"), Some("overlay")));
        assert_eq!(resolve(false, &m).graph_root, PathBuf::from("/g"));
        // The user's own file replaces it.
        fs_err::create_dir_all(d.join("config/containers")).unwrap();
        let user = d.join("config/containers/storage.conf");
        fs_err::write(&user, "[storage]\ndriver = \"vfs\"\ngraphroot = \"$HOME/g\"\nrunroot = \"/run/x\"\n")
            .unwrap();
        let c = resolve(true, &m);
        assert_eq!(c.graph_root, d.join("home/g"));
        assert_eq!(c.run_root, PathBuf::from("/run/x"));
        assert_eq!(c.driver.as_deref(), Some("vfs"));
        // $CONTAINERS_STORAGE_CONF: that file only, as the system's (its graphroot unused).
        let m = vars(&[(ENV_STORAGE_CONF, system.display().to_string())]);
        let c = resolve(true, &m);
        assert_eq!(c.graph_root, PathBuf::from("/r/1000"));
        assert_eq!(c.run_root, d.join("xdg/containers"));
    }
}
