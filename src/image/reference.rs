//! Image references with podman's naming rules.
//!
//! `busybox`, `library/busybox` and `docker.io/busybox` all mean
//! `docker.io/library/busybox:latest`. The first path component is a registry only when it
//! contains `.` or `:` or is `localhost`; otherwise the name is a *short name* and
//! [`crate::image::Registries::candidates`] expands it. A reference without tag and digest gets
//! the tag `latest`. Repository components must be lowercase (`[a-z0-9]` separated by `.`, `_`,
//! `__` or dashes), tags are `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`, digests `sha256:<64 hex>` or
//! `sha512:<128 hex>`.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use super::{Error, Result};

/// The registry Docker Hub images live on.
pub const DOCKER_HUB: &str = "docker.io";
/// The tag used when a reference names neither tag nor digest.
pub const DEFAULT_TAG: &str = "latest";

/// A fully qualified image reference: `registry/repository[:tag][@digest]`.
///
/// Equality and hashing ignore whether the registry was typed by the user.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Registry host with optional port, e.g. `docker.io`, `localhost:5000`.
    pub registry: String,
    /// Repository path, e.g. `library/busybox`.
    pub repository: String,
    /// Tag, e.g. `latest`.
    pub tag: Option<String>,
    /// Digest, e.g. `sha256:...`.
    pub digest: Option<String>,
    /// The name as typed (no tag/digest) when no registry was given.
    short: Option<String>,
}

impl PartialEq for Reference {
    fn eq(&self, other: &Self) -> bool {
        self.registry == other.registry
            && self.repository == other.repository
            && self.tag == other.tag
            && self.digest == other.digest
    }
}

impl Eq for Reference {}

impl Hash for Reference {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (&self.registry, &self.repository, &self.tag, &self.digest).hash(state);
    }
}

impl Reference {
    /// A qualified reference from its parts (validated; `tag` defaults to `latest` when both
    /// `tag` and `digest` are `None`).
    pub fn new(registry: &str, repository: &str, tag: Option<&str>, digest: Option<&str>) -> Result<Self> {
        let mut s = format!("{registry}/{repository}");
        if let Some(t) = tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = digest {
            s.push('@');
            s.push_str(d);
        }
        let r = Self::parse(&s)?;
        if r.short.is_some() {
            return Err(invalid(&s, format!("{registry:?} is not a registry host")));
        }
        Ok(r)
    }

    /// Parses `value` with podman's rules (see the module documentation).
    pub fn parse(value: &str) -> Result<Self> {
        if value.is_empty() {
            return Err(invalid(value, "empty reference"));
        }
        if value.contains("://") {
            return Err(invalid(value, "a reference has no scheme (drop \"docker://\")"));
        }
        let (rest, digest) = match value.split_once('@') {
            Some((n, d)) => {
                validate_digest(value, d)?;
                (n, Some(d.to_string()))
            }
            None => (value, None),
        };
        // A tag is a ':' after the last '/'.
        let last_slash = rest.rfind('/').map(|i| i + 1).unwrap_or(0);
        let (name, tag) = match rest[last_slash..].rfind(':') {
            Some(i) => {
                let t = &rest[last_slash + i + 1..];
                validate_tag(value, t)?;
                (&rest[..last_slash + i], Some(t.to_string()))
            }
            None => (rest, None),
        };
        if name.is_empty() {
            return Err(invalid(value, "empty repository name"));
        }
        let (registry, repository, short) = match name.split_once('/') {
            Some((first, path)) if first.contains('.') || first.contains(':') || first == "localhost" => {
                validate_registry(value, first)?;
                let registry = if first == "index.docker.io" { DOCKER_HUB } else { first };
                (registry.to_string(), path.to_string(), None)
            }
            _ => (DOCKER_HUB.to_string(), name.to_string(), Some(name.to_string())),
        };
        let repository = if registry == DOCKER_HUB && !repository.contains('/') {
            format!("library/{repository}")
        } else {
            repository
        };
        validate_repository(value, &repository)?;
        let tag = if tag.is_none() && digest.is_none() { Some(DEFAULT_TAG.to_string()) } else { tag };
        Ok(Reference { registry, repository, tag, digest, short })
    }

    /// True when the user gave no registry (`busybox`, `library/busybox`, `foo/bar:1`).
    pub fn is_short_name(&self) -> bool {
        self.short.is_some()
    }

    /// The same name on another registry, as podman resolves short names: `busybox` becomes
    /// `quay.io/busybox` but `docker.io/library/busybox`. Qualified references are returned as is.
    pub fn with_registry(&self, registry: &str) -> Reference {
        let Some(short) = &self.short else { return self.clone() };
        let repository = if registry == DOCKER_HUB && !short.contains('/') {
            format!("library/{short}")
        } else {
            short.clone()
        };
        Reference {
            registry: registry.to_string(),
            repository,
            tag: self.tag.clone(),
            digest: self.digest.clone(),
            short: None,
        }
    }

    /// The same repository with `digest` instead of tag and digest.
    pub fn with_digest(&self, digest: &str) -> Reference {
        Reference { tag: None, digest: Some(digest.to_string()), ..self.clone() }
    }

    /// `registry/repository`, e.g. `docker.io/library/busybox`.
    pub fn repo_string(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// The tag or digest as used in a registry URL (digest wins).
    pub fn tag_or_digest(&self) -> &str {
        self.digest.as_deref().or(self.tag.as_deref()).unwrap_or(DEFAULT_TAG)
    }

    /// The oci-client form of this reference.
    pub(crate) fn to_oci(&self) -> oci_client::Reference {
        match (&self.tag, &self.digest) {
            (Some(t), Some(d)) => oci_client::Reference::with_tag_and_digest(
                self.registry.clone(),
                self.repository.clone(),
                t.clone(),
                d.clone(),
            ),
            (_, Some(d)) => {
                oci_client::Reference::with_digest(self.registry.clone(), self.repository.clone(), d.clone())
            }
            (t, None) => oci_client::Reference::with_tag(
                self.registry.clone(),
                self.repository.clone(),
                t.clone().unwrap_or_else(|| DEFAULT_TAG.to_string()),
            ),
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.registry, self.repository)?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

impl FromStr for Reference {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

fn invalid(value: &str, reason: impl Into<String>) -> Error {
    Error::InvalidReference { value: value.to_string(), reason: reason.into() }
}

/// Checks `sha256:<64 lowercase hex>` (or sha512 with 128).
pub fn validate_digest(value: &str, digest: &str) -> Result<()> {
    let (algo, hex) = digest
        .split_once(':')
        .ok_or_else(|| invalid(value, format!("digest {digest:?} has no algorithm")))?;
    let len = match algo {
        "sha256" => 64,
        "sha512" => 128,
        _ => return Err(invalid(value, format!("unsupported digest algorithm {algo:?}"))),
    };
    if hex.len() != len || !hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(invalid(value, format!("digest {digest:?} is not {len} lowercase hex digits")));
    }
    Ok(())
}

fn validate_tag(value: &str, tag: &str) -> Result<()> {
    let ok = !tag.is_empty()
        && tag.len() <= 128
        && tag
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_alphanumeric() || b == b'_' || (i > 0 && (b == b'.' || b == b'-')));
    if ok {
        Ok(())
    } else {
        Err(invalid(value, format!("invalid tag {tag:?}")))
    }
}

fn validate_registry(value: &str, registry: &str) -> Result<()> {
    let (host, port) = match registry.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (registry, None),
    };
    let host_ok = !host.is_empty()
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    if host_ok && port_ok {
        Ok(())
    } else {
        Err(invalid(value, format!("invalid registry {registry:?}")))
    }
}

fn validate_repository(value: &str, repo: &str) -> Result<()> {
    if repo.len() > 255 {
        return Err(invalid(value, "repository name is longer than 255 characters"));
    }
    if repo.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(invalid(value, format!("repository name {repo:?} must be lowercase")));
    }
    for comp in repo.split('/') {
        if !component_ok(comp) {
            return Err(invalid(value, format!("invalid repository name component {comp:?}")));
        }
    }
    Ok(())
}

/// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
fn component_ok(c: &str) -> bool {
    let b = c.as_bytes();
    if b.is_empty() || !is_alnum(b[0]) || !is_alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if is_alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_alnum(b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn p(s: &str) -> Reference {
        Reference::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn short_names_go_to_docker_hub_library() {
        for s in ["busybox", "library/busybox", "docker.io/busybox", "docker.io/library/busybox"] {
            let r = p(s);
            assert_eq!(r.to_string(), "docker.io/library/busybox:latest", "{s}");
            assert_eq!(r.repo_string(), "docker.io/library/busybox");
        }
        assert!(p("busybox").is_short_name());
        assert!(p("library/busybox").is_short_name());
        assert!(!p("docker.io/busybox").is_short_name());
        assert_eq!(p("index.docker.io/busybox").registry, "docker.io");
    }

    #[test]
    fn user_repos_on_docker_hub_keep_their_namespace() {
        assert_eq!(p("alice/tool:1.0").to_string(), "docker.io/alice/tool:1.0");
    }

    #[test]
    fn localhost_and_ports_are_registries() {
        let r = p("localhost/foo");
        assert_eq!((r.registry.as_str(), r.repository.as_str()), ("localhost", "foo"));
        let r = p("localhost:5000/a/b:tag");
        assert_eq!(r.registry, "localhost:5000");
        assert_eq!(r.repository, "a/b");
        assert_eq!(r.tag.as_deref(), Some("tag"));
        assert!(!r.is_short_name());
        let r = p("quay.io/podman/hello");
        assert_eq!(r.registry, "quay.io");
    }

    #[test]
    fn digest_references() {
        let r = p(&format!("127.0.0.1:5000/x@{D}"));
        assert_eq!(r.registry, "127.0.0.1:5000");
        assert_eq!(r.repository, "x");
        assert_eq!(r.tag, None);
        assert_eq!(r.digest.as_deref(), Some(D));
        assert_eq!(r.to_string(), format!("127.0.0.1:5000/x@{D}"));
        let r = p(&format!("name:tag@{D}"));
        assert_eq!(r.to_string(), format!("docker.io/library/name:tag@{D}"));
        assert_eq!(r.tag_or_digest(), D);
    }

    #[test]
    fn errors_name_the_value() {
        for (s, needle) in [
            ("", "empty"),
            ("Busybox", "lowercase"),
            ("docker.io/Library/x", "lowercase"),
            ("x@sha256:abc", "64 lowercase hex"),
            ("x@md5:abc", "algorithm"),
            ("x:", "invalid tag"),
            ("x:-bad", "invalid tag"),
            ("a//b", "component"),
            ("foo_-bar", "component"),
            ("docker://busybox", "scheme"),
            ("exa_mple.com:x/y", "registry"),
        ] {
            let e = Reference::parse(s).unwrap_err().to_string();
            assert!(e.contains(&format!("{s:?}")), "{e}");
            assert!(e.contains(needle), "{s}: {e}");
        }
    }

    #[test]
    fn with_registry_follows_podman() {
        let r = p("busybox:1");
        assert_eq!(r.with_registry("quay.io").to_string(), "quay.io/busybox:1");
        assert_eq!(r.with_registry("docker.io").to_string(), "docker.io/library/busybox:1");
        let r = p("library/busybox");
        assert_eq!(r.with_registry("quay.io").to_string(), "quay.io/library/busybox:latest");
        let q = p("quay.io/a/b");
        assert_eq!(q.with_registry("docker.io"), q);
    }

    #[test]
    fn equality_ignores_shortness_and_new_validates() {
        assert_eq!(p("busybox"), p("docker.io/library/busybox:latest"));
        let r = Reference::new("localhost:5000", "a/b", Some("t"), None).unwrap();
        assert_eq!(r.to_string(), "localhost:5000/a/b:t");
        assert!(Reference::new("notahost", "a", None, None).is_err());
        assert_eq!(p("a").to_oci().whole(), "docker.io/library/a:latest");
    }
}
