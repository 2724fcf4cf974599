//! The use cases (info, pull, images, ...): what a command does, independent of how it is printed.
//! Nothing here prints; progress goes through `Reporter` traits and results are returned as data.

pub mod containers;
pub mod context;
pub mod copy;
pub mod data;
pub mod exec;
pub mod images;
pub mod info;
pub mod lifecycle;
pub mod networks;
pub mod pull;
pub mod system;
pub mod top;
pub mod transfer;
pub mod volumes;

pub use crate::storage::atomic::write_atomic;
pub use context::{Context, StorageDriver};

use std::sync::Arc;

use crate::storage::{Store, StoreOptions};

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
    #[error("image {name} not known locally")]
    ImageNotKnown { name: String },
    #[error("image {name} has several tags ({tags}): remove them by name, or force with -f")]
    ImageHasSeveralTags { name: String, tags: String },
    #[error("invalid tag {value:?}: {reason}")]
    InvalidTag { value: String, reason: String },
    #[error("background task failed: {0}")]
    Task(String),
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
    #[error("cannot remove {path}")]
    Remove {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
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
