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

/// Keeps the command line that created container `id` (for `generate systemd --new`), without
/// `--creds` (a password has no place in a file; a unit pulls with the stored logins). Best
/// effort: a container whose command line cannot be kept only loses `--new`.
pub fn save_create_command(store: &Store, id: &str, argv: &[String]) {
    let path = store.container_dirs(id).userdata.join(CREATE_COMMAND);
    let text = serde_json::to_vec(&without_secrets(argv)).expect("strings serialize");
    if let Err(e) = crate::sys::atomic::write_atomic(&path, &text) {
        tracing::warn!(path = %path.display(), error = %e, "cannot keep the create command");
    }
}

/// `generate systemd` for container `rec` (see [`generate::container_unit`]): its kept command
/// line, its environment (from its bundle) and its supervisor's pid file filled in.
pub fn generate_for(
    ctx: &crate::engine::Context,
    store: &Store,
    rec: &crate::storage::ContainerRecord,
    takes_value: &dyn Fn(&str) -> bool,
    opts: &generate::Options,
) -> Result<generate::Generated, Error> {
    let config = store.container_dirs(&rec.id).bundle.join("config.json");
    let env: Vec<String> = fs_err::read(&config)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v["process"]["env"].as_array().cloned())
        .map(|a| a.iter().filter_map(|e| e.as_str().map(String::from)).collect())
        .unwrap_or_default();
    let pid_file =
        crate::engine::containers::run_dir(ctx, &rec.id).join(crate::runtime::run_dir::SUPERVISOR_PID);
    let command = create_command(store, &rec.id);
    generate::container_unit(rec, command.as_deref(), takes_value, &env, &pid_file, &ctx.paths.run_root, opts)
}

/// `argv` without `--creds VALUE` / `--creds=VALUE` (before a `--` or the image, they are
/// options; a command's own `--creds` after the image is rare enough to lose too).
fn without_secrets(argv: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(argv.len());
    let mut skip = false;
    for a in argv {
        if skip {
            skip = false;
        } else if a == "--creds" {
            skip = true;
        } else if !a.starts_with("--creds=") {
            out.push(a.clone());
        }
    }
    out
}

/// The command line that created container `id`, if it was kept.
pub fn create_command(store: &Store, id: &str) -> Option<Vec<String>> {
    let path = store.container_dirs(id).userdata.join(CREATE_COMMAND);
    serde_json::from_slice(&fs_err::read(path).ok()?).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn credentials_are_not_kept() {
        let argv: Vec<String> =
            "skiff run --creds u:p --creds=u:q -d img sh".split(' ').map(String::from).collect();
        assert_eq!(super::without_secrets(&argv), ["skiff", "run", "-d", "img", "sh"]);
    }
}
