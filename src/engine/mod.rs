//! The use cases (info, pull, images, containers, ...): what a command does, independent of how it
//! is printed. Nothing here prints; progress goes through `Reporter` traits and results are
//! returned as data.
//!
//! A container's life, for any caller (the CLI, `build`, a future API server): create it
//! ([`containers::create`], with its network settings from [`network::prepare`]), start it
//! ([`start::start`]), attach to it ([`attach`]), stop, kill or inspect it ([`lifecycle`]), wait
//! for it ([`wait::wait`]), clean up after its exit ([`start::cleanup`]) and remove it
//! ([`remove`]).

pub mod attach;
pub mod build;
pub mod bundle;
pub mod completion;
pub mod config;
pub mod containers;
pub mod containers_conf;
pub mod context;
pub mod copy;
pub mod data;
pub mod depend;
pub mod events;
pub mod exec;
pub mod external;
pub mod images;
pub mod info;
pub mod lifecycle;
pub mod logs;
pub mod manifests;
pub mod mounts_conf;
pub mod namespaces;
pub mod network;
pub mod networks;
pub mod pods;
pub mod pull;
pub mod remove;
pub mod runlabel;
pub mod secrets;
pub mod service;
pub mod start;
pub mod stats;
pub mod storage_conf;
pub mod system;
pub mod systemd;
pub mod terminal;
pub mod top;
pub mod transfer;
pub mod units;
pub mod userns;
pub mod volumes;
pub mod wait;

/// Errors of the layers below that reach the CLI as they are (they know their fix: `hint()`).
pub use crate::image::Error as ImageError;
pub use crate::network::Error as NetworkError;
/// The records and states of the store, as the engine's callers see them.
pub use crate::storage::{ContainerRecord, ImageRecord, State, Store, VolumeRecord};
pub use crate::sys::atomic::write_atomic;
pub use crate::userns::Error as UsernsError;
pub use context::{Context, StorageDriver};

/// The fuse-overlay server that the hidden `fuse-serve` command runs for a container whose
/// storage driver is `fuse-overlay` (the backend itself is [`crate::rootfs::fuse`]).
pub mod fuse_overlay {
    pub use crate::rootfs::fuse::{serve, take_stdout, ServeOptions};
}

/// skiff's own `--init` (see [`crate::runtime::init`]): the binary runs it when started under
/// its name, as a container's pid 1.
pub mod init {
    pub use crate::runtime::init::{is_init, run, Error, NAME};
}

use std::sync::Arc;

use crate::storage::StoreOptions;

/// Errors of the use cases: those of the layers below, plus what only the engine knows.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Image(#[from] crate::image::Error),
    #[error(transparent)]
    Storage(#[from] crate::storage::Error),
    #[error(transparent)]
    Context(#[from] context::Error),
    #[error("{name} is a short name and no unqualified-search registries are configured")]
    NoSearchRegistries { name: String },
    #[error("pulling {name} failed from every search registry: {errors}")]
    AllCandidatesFailed { name: String, errors: String },
    #[error("{name}: image not known")]
    ImageNotKnown { name: String },
    #[error(
        "image used by {container}: image is in use by a container: consider listing external containers and force-removing image"
    )]
    ImageInUse { container: String },
    #[error("image {name} has several tags ({tags}): remove them by name, or force with -f")]
    ImageHasSeveralTags { name: String, tags: String },
    #[error("invalid tag {value:?}: {reason}")]
    InvalidTag { value: String, reason: String },
    #[error("background task failed")]
    Task(#[source] tokio::task::JoinError),
    #[error(transparent)]
    Container(#[from] crate::storage::containers::Error),
    #[error(transparent)]
    Spec(#[from] crate::runtime::spec::Error),
    #[error(transparent)]
    Overlay(#[from] crate::rootfs::overlay::Error),
    #[error(transparent)]
    Vfs(#[from] crate::rootfs::vfs::Error),
    #[error(transparent)]
    Fuse(#[from] crate::rootfs::fuse::Error),
    #[error(transparent)]
    Userns(#[from] crate::userns::mode::Error),
    #[error("the config of image {digest} is not valid JSON")]
    ImageConfig {
        digest: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot write the bundle file {path}")]
    WriteBundle {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot create directory {path}")]
    CreateDir {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot {action} container {id}: it is {state}")]
    InvalidState { id: String, state: crate::storage::State, action: &'static str },
    #[error(transparent)]
    Volumes(#[from] volumes::Error),
    #[error(transparent)]
    Service(#[from] service::Error),
    #[error(transparent)]
    Namespaces(#[from] namespaces::Error),
    #[error("cannot remove {path}")]
    Remove {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// True when the container, image or volume the operation names does not exist (not: when
    /// something a record points to is missing).
    pub fn is_not_found(&self) -> bool {
        match self {
            Error::Container(e) => e.is_not_found(),
            Error::Volumes(e) => e.is_not_found(),
            Error::ImageNotKnown { .. } => true,
            _ => false,
        }
    }

    /// What the user can do about this error, for the CLI's `hint:` line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Image(e) => e.hint(),
            Error::NoSearchRegistries { .. } => Some(
                "use a fully qualified name (registry/repository:tag) or add unqualified-search-registries to registries.conf".into(),
            ),
            _ => None,
        }
    }
}

/// Opens the store of `ctx` (after [`Context::enter`]), repairing what a crashed command left.
pub fn open_store(ctx: &Context) -> Result<Arc<Store>, Error> {
    Ok(Arc::new(Store::open(&ctx.paths.graph_root, StoreOptions { rootless: ctx.rootless })?))
}

/// Renders an error and its sources as one line: `outer: inner: innermost`.
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut s = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let t = e.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = e.source();
    }
    s
}

/// The host architecture in OCI/Go naming (amd64, arm64, ...).
pub fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        "loongarch64" => "loong64",
        other => other,
    }
}
