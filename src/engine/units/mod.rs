//! systemd units that run skiff: `generate systemd` ([`generate`]), Quadlet-style `.container`,
//! `.volume`, `.network` and `.pod` files turned into services by a systemd user generator
//! ([`quadlet`]), both over one reader and writer of the unit file format ([`unit_file`]).
//!
//! `generate systemd --new` recreates a container from the command line that created it, which
//! is kept next to the container's record ([`save_create_command`], as podman keeps its
//! `CreateCommand`).

pub mod generate;
pub mod quadlet;
pub mod unit_file;

use std::path::PathBuf;

use crate::storage::Store;

/// Errors of the unit use cases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Syntax(#[from] unit_file::Error),
    /// A Quadlet file that cannot be turned into a unit: file, line, key and why.
    #[error("{path}:{line}: {message}")]
    Quadlet { path: PathBuf, line: usize, message: String },
    #[error("{0}")]
    Generate(String),
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The file holding a container's create command, in its storage directory.
pub const CREATE_COMMAND: &str = "create-command.json";

/// Keeps the command line that created container `id` (for `generate systemd --new`). Best
/// effort: a container whose command line cannot be kept only loses `--new`.
pub fn save_create_command(store: &Store, id: &str, argv: &[String]) {
    let path = store.container_dirs(id).userdata.join(CREATE_COMMAND);
    let text = serde_json::to_vec(argv).expect("strings serialize");
    if let Err(e) = crate::sys::atomic::write_atomic(&path, &text) {
        tracing::warn!(path = %path.display(), error = %e, "cannot keep the create command");
    }
}

/// The command line that created container `id`, if it was kept.
pub fn create_command(store: &Store, id: &str) -> Option<Vec<String>> {
    let path = store.container_dirs(id).userdata.join(CREATE_COMMAND);
    serde_json::from_slice(&fs_err::read(path).ok()?).ok()
}
