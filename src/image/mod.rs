//! Images as they live outside the store: references, registries.conf, credentials, registry
//! access (manifests, indexes, platform choice, size-checked blob streams, push) and the
//! docker-archive / oci-archive formats of `save` and `load`.
//!
//! This module never touches the store's disk layout or mounts (see DESIGN.md): it hands bytes
//! and streams to `engine/`, which decides where they go. Blob digests are verified by the
//! store while it writes; this module verifies manifest and config digests, and that a blob
//! stream delivers exactly the size its descriptor promises.
//!
//! One error type, [`Error`], for the whole module; messages are lowercase and name the
//! registry, reference, file or media type involved.

pub mod archive;
pub mod auth;
pub mod http;
pub mod list;
pub mod manifest;
pub mod platform;
pub mod reference;
pub mod registries;
pub mod registry;

use std::path::PathBuf;

pub use archive::{write_archive, Archive, ArchiveFormat, ArchiveImage, ArchiveInput, ArchiveLayer};
pub use auth::AuthStore;
pub use manifest::{Compression, LayerDesc, Resolved};
pub use platform::Platform;
pub use reference::Reference;
pub use registries::Registries;
pub use registry::{BlobSource, BlobStream, ClientOptions, Credentials, RegistryClient};

/// Every failure of the `image` module.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A reference string that does not follow the naming rules.
    #[error("invalid image reference {value:?}: {reason}")]
    InvalidReference { value: String, reason: String },

    /// A platform string such as `linux/arm64/v8` that cannot be parsed.
    #[error("invalid platform {value:?}: expected os/arch[/variant]")]
    InvalidPlatform { value: String },

    /// A configuration or credentials file could not be read or written.
    #[error("cannot access {path}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// registries.conf is not valid TOML or has fields of the wrong type.
    #[error("invalid {path}{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    RegistriesConf { path: PathBuf, line: Option<usize>, message: String },

    /// The reference matches a `blocked = true` entry of registries.conf.
    #[error("image {reference} is blocked by {path}")]
    Blocked { reference: String, path: PathBuf },

    /// An auth.json / docker config.json that is not valid.
    #[error("invalid credentials file {path}: {message}")]
    AuthFile { path: PathBuf, message: String },

    /// Network failure before any HTTP answer.
    #[error("cannot reach registry {registry}: {reason}")]
    Unreachable { registry: String, reason: String },

    /// TLS handshake failure (often: the registry speaks plain http).
    #[error("tls handshake with registry {registry} failed: {reason}")]
    Tls { registry: String, reason: String },

    /// The registry answered 401 / UNAUTHORIZED / DENIED.
    /// (podman's words last, which scripts match)
    #[error("image {reference} requires authentication: unauthorized: authentication required")]
    Unauthorized { reference: String },

    /// The manifest (or repository) does not exist.
    #[error("image {reference} not found: {reason}")]
    NotFound { reference: String, reason: String },

    /// Any other error answer of a registry.
    #[error("registry {registry} failed for {reference}: {message}")]
    Registry { registry: String, reference: String, message: String },

    /// A manifest, config or layer media type that skiff cannot use.
    #[error("image {reference}: unsupported media type {media_type:?}")]
    UnsupportedMediaType { reference: String, media_type: String },

    /// A manifest or config that is not valid JSON or misses required fields.
    #[error("image {reference}: invalid {what}: {reason}")]
    InvalidManifest { reference: String, what: &'static str, reason: String },

    /// No entry of an index matches the wanted platform.
    #[error("image {reference} has no manifest for platform {platform} (available: {available})")]
    NoMatchingPlatform { reference: String, platform: String, available: String },

    /// A digest computed over fetched content differs from the one expected.
    #[error("image {reference}: digest mismatch for {what}: expected {expected}, got {actual}")]
    DigestMismatch { reference: String, what: &'static str, expected: String, actual: String },

    /// The manifest lists a different number of layers than the config's rootfs.diff_ids.
    #[error("image {reference}: manifest has {layers} layers but config has {diff_ids} diff_ids")]
    LayerCount { reference: String, layers: usize, diff_ids: usize },

    /// A registry answer larger than skiff reads into memory.
    #[error("registry {registry} sent a {what} larger than the {limit} limit ({url})")]
    TooLarge { registry: String, what: &'static str, url: String, limit: String },

    /// A registry read that made no progress.
    #[error("{message}")]
    Stalled { registry: String, message: String },

    /// An image with more layers than an overlay mount can stack.
    #[error("image {reference} stacks {layers} layers, more than the {max} an overlay mount can hold")]
    TooManyLayers { reference: String, layers: usize, max: usize },

    /// A save/load archive that is malformed.
    #[error("invalid archive {path}: {reason}")]
    Archive { path: PathBuf, reason: String },
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// What the user can do about this error, for the CLI's `hint:` line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Unauthorized { reference } => {
                let registry = reference.split('/').next().unwrap_or(reference);
                Some(format!("log in with `skiff login {registry}`, or check that the image name is right"))
            }
            Error::Tls { registry, .. } => Some(format!(
                "if {registry} serves plain http, use --tls-verify=false or add \
                 [[registry]] location=\"{registry}\" insecure=true to registries.conf"
            )),
            Error::Unreachable { registry, .. } => {
                Some(format!("check that {registry} is running and reachable"))
            }
            Error::NoMatchingPlatform { .. } => Some("choose another platform with --platform".into()),
            Error::Stalled { registry, .. } => Some(format!(
                "check that {registry} is reachable; on a slow link raise SKIFF_REGISTRY_STALL_TIMEOUT (seconds)"
            )),
            _ => None,
        }
    }

    pub(crate) fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::File { path: path.into(), source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_fix() {
        let e = Error::Tls { registry: "127.0.0.1:5000".into(), reason: "x".into() };
        assert!(e.hint().unwrap().contains("--tls-verify=false"));
        let e = Error::Unauthorized { reference: "quay.io/a/b:latest".into() };
        assert!(e.hint().unwrap().contains("skiff login quay.io"));
    }
}
