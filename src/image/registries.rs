//! `registries.conf` (containers-registries.conf(5), version 2): the search list for short
//! names, insecure (plain http) registries and blocked prefixes.
//!
//! Looked up as `$CONFIG_DIR/registries.conf` (skiff's configuration directory), else
//! `/etc/containers/registries.conf`; no file means "search docker.io only, nothing insecure".
//! `short-name-mode`, aliases and mirrors are read but ignored. Prefix matching follows
//! podman: an entry applies to `registry[/path]` at a path boundary, and `*.example.com`
//! matches any subdomain.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::reference::{Reference, DOCKER_HUB};
use super::{Error, Result};

/// The system-wide file podman reads.
pub const SYSTEM_REGISTRIES_CONF: &str = "/etc/containers/registries.conf";
/// The environment variable that names the one registries.conf to read, as in podman.
pub const ENV_REGISTRIES_CONF: &str = "CONTAINERS_REGISTRIES_CONF";

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawConf {
    #[serde(default)]
    unqualified_search_registries: Option<Vec<String>>,
    #[serde(default)]
    registry: Vec<RawRegistry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawRegistry {
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    blocked: bool,
}

/// One `[[registry]]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryEntry {
    /// What it applies to (`prefix`, defaulting to `location`).
    pub prefix: String,
    pub location: String,
    pub insecure: bool,
    pub blocked: bool,
}

/// The parsed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registries {
    /// The file it came from, `None` for the built-in default.
    pub path: Option<PathBuf>,
    pub search: Vec<String>,
    pub entries: Vec<RegistryEntry>,
}

impl Default for Registries {
    fn default() -> Self {
        Registries { path: None, search: vec![DOCKER_HUB.to_string()], entries: Vec::new() }
    }
}

impl Registries {
    /// Loads the first registries.conf that exists, as podman looks for it: the file named by
    /// `CONTAINERS_REGISTRIES_CONF` (alone, when set), else skiff's own
    /// `$config_dir/registries.conf`, else podman's user file beside it
    /// (`$XDG_CONFIG_HOME/containers/registries.conf` when `config_dir` is
    /// `$XDG_CONFIG_HOME/skiff`), else the system file, else the default.
    pub fn load(config_dir: Option<&Path>) -> Result<Registries> {
        let from_env = std::env::var_os(ENV_REGISTRIES_CONF).filter(|v| !v.is_empty()).map(PathBuf::from);
        let candidates: Vec<PathBuf> = match from_env {
            Some(path) => vec![path],
            None => config_dir
                .map(|d| d.join("registries.conf"))
                .into_iter()
                .chain(config_dir.and_then(Path::parent).map(|c| c.join("containers/registries.conf")))
                .chain([PathBuf::from(SYSTEM_REGISTRIES_CONF)])
                .collect(),
        };
        for path in &candidates {
            match fs_err::read_to_string(path) {
                Ok(text) => return Registries::parse(&text, path),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && candidates.len() > 1 => continue,
                Err(e) => return Err(Error::file(path, e)),
            }
        }
        Ok(Registries::default())
    }

    /// Parses the text of a registries.conf; `path` is used in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Registries> {
        let raw: RawConf = toml::from_str(text).map_err(|e| Error::RegistriesConf {
            path: path.to_path_buf(),
            line: e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1)),
            message: e.message().to_string(),
        })?;
        let mut entries = Vec::new();
        for (i, r) in raw.registry.into_iter().enumerate() {
            let prefix = r.prefix.clone().or(r.location.clone()).ok_or_else(|| Error::RegistriesConf {
                path: path.to_path_buf(),
                line: None,
                message: format!("[[registry]] number {} has neither prefix nor location", i + 1),
            })?;
            entries.push(RegistryEntry {
                location: r.location.unwrap_or_else(|| prefix.clone()),
                prefix,
                insecure: r.insecure,
                blocked: r.blocked,
            });
        }
        Ok(Registries {
            path: Some(path.to_path_buf()),
            search: raw.unqualified_search_registries.unwrap_or_else(|| vec![DOCKER_HUB.to_string()]),
            entries,
        })
    }

    /// The references to try for `r`, in order: itself if qualified, one per search registry
    /// (blocked ones left out) if it is a short name.
    pub fn candidates(&self, r: &Reference) -> Vec<Reference> {
        if !r.is_short_name() {
            return vec![r.clone()];
        }
        self.search.iter().map(|reg| r.with_registry(reg)).filter(|c| !self.is_blocked(c)).collect()
    }

    /// Fails with [`Error::Blocked`] when `r` matches a blocked entry.
    pub fn check_allowed(&self, r: &Reference) -> Result<()> {
        if self.is_blocked(r) {
            return Err(Error::Blocked {
                reference: r.to_string(),
                path: self.path.clone().unwrap_or_default(),
            });
        }
        Ok(())
    }

    fn is_blocked(&self, r: &Reference) -> bool {
        self.best_entry(&r.repo_string()).is_some_and(|e| e.blocked)
    }

    /// True when `registry` must be spoken to over plain http (an `insecure = true` entry), or
    /// for every registry when `tls_verify` is false.
    pub fn is_insecure(&self, registry: &str, tls_verify: bool) -> bool {
        !tls_verify || self.best_entry(registry).is_some_and(|e| e.insecure)
    }

    /// Every registry location (or `*.domain` prefix) marked insecure, for display.
    pub fn insecure_registries(&self) -> Vec<String> {
        self.entries.iter().filter(|e| e.insecure).map(|e| e.location.clone()).collect()
    }

    /// The entry with the longest prefix matching `name` (`registry[/repo]`).
    fn best_entry(&self, name: &str) -> Option<&RegistryEntry> {
        self.entries.iter().filter(|e| prefix_matches(&e.prefix, name)).max_by_key(|e| e.prefix.len())
    }
}

fn prefix_matches(prefix: &str, name: &str) -> bool {
    if let Some(domain) = prefix.strip_prefix("*.") {
        let host = name.split('/').next().unwrap_or(name);
        let host = host.split(':').next().unwrap_or(host);
        return host.ends_with(&format!(".{domain}"));
    }
    match name.strip_prefix(prefix) {
        Some(rest) => {
            rest.is_empty() || rest.starts_with('/') || rest.starts_with(':') || rest.starts_with('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONF: &str = r#"
unqualified-search-registries = ["quay.io", "docker.io"]
short-name-mode = "enforcing"

[[registry]]
location = "127.0.0.1:5000"
insecure = true

[[registry]]
prefix = "quay.io/evil"
location = "quay.io/evil"
blocked = true

[[registry]]
prefix = "*.internal.example"
insecure = true
"#;

    fn conf() -> Registries {
        Registries::parse(CONF, Path::new("/x/registries.conf")).unwrap()
    }

    #[test]
    fn search_order_and_short_names() {
        let c = conf();
        let cands: Vec<String> =
            c.candidates(&Reference::parse("busybox").unwrap()).iter().map(ToString::to_string).collect();
        assert_eq!(cands, ["quay.io/busybox:latest", "docker.io/library/busybox:latest"]);
        let cands = c.candidates(&Reference::parse("evil/x").unwrap());
        assert_eq!(cands.len(), 1, "blocked quay.io/evil left out");
        let q = Reference::parse("localhost/foo").unwrap();
        assert_eq!(c.candidates(&q), vec![q.clone()]);
        let d = Registries::default();
        assert_eq!(
            d.candidates(&Reference::parse("alpine").unwrap())[0].to_string(),
            "docker.io/library/alpine:latest"
        );
    }

    #[test]
    fn insecure_and_blocked() {
        let c = conf();
        assert!(c.is_insecure("127.0.0.1:5000", true));
        assert!(!c.is_insecure("127.0.0.1:50001", true));
        assert!(c.is_insecure("quay.io", false));
        assert!(c.is_insecure("reg.internal.example:443", true));
        assert_eq!(c.insecure_registries(), ["127.0.0.1:5000", "*.internal.example"]);
        assert!(c.check_allowed(&Reference::parse("quay.io/evil/x").unwrap()).is_err());
        assert!(c.check_allowed(&Reference::parse("quay.io/evilish/x").unwrap()).is_ok());
        let e = c.check_allowed(&Reference::parse("quay.io/evil").unwrap()).unwrap_err().to_string();
        assert!(e.contains("/x/registries.conf"), "{e}");
    }

    #[test]
    fn bad_toml_names_file_and_line() {
        let text = "unqualified-search-registries = [\"a\"]\n\n[[registry]]\ninsecure = maybe\n";
        let e = Registries::parse(text, Path::new("/etc/r.conf")).unwrap_err().to_string();
        assert!(e.contains("/etc/r.conf line 4"), "{e}");
        let e =
            Registries::parse("[[registry]]\ninsecure = true\n", Path::new("/r")).unwrap_err().to_string();
        assert!(e.contains("neither prefix nor location"), "{e}");
    }

    #[test]
    fn load_prefers_config_dir() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(
            dir.path().join("registries.conf"),
            "unqualified-search-registries = [\"r.example\"]\n",
        )
        .unwrap();
        let c = Registries::load(Some(dir.path())).unwrap();
        assert_eq!(c.search, ["r.example"]);
        assert_eq!(c.path.as_deref(), Some(dir.path().join("registries.conf").as_path()));
    }
}
