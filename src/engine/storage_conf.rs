//! storage.conf (containers-storage.conf(5)), read where podman reads it: the file named by
//! `$CONTAINERS_STORAGE_CONF`, else (for an ordinary user) `$XDG_CONFIG_HOME/containers/storage.conf`
//! when it exists, else `/etc/containers/storage.conf`, else `/usr/share/containers/storage.conf`.
//! One file is read, as podman reads one.
//!
//! skiff takes `[storage] driver` from it (`vfs` forces the copying backend; `overlay` leaves the
//! choice between kernel overlay and skiff's fuse-overlay automatic, as podman falls back to
//! fuse-overlayfs) and, for `info`, the path. Other keys are podman's storage layout, which skiff's
//! store does not share.

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
}
