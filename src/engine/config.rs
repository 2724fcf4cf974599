//! Checking the configuration of a container about to be created, before an image is pulled or
//! anything is created, so that bad input fails with one line and leaves nothing: capabilities,
//! seccomp profiles, ulimits, tmpfs mounts, env files, the OCI runtime, the `--init` binary.
//!
//! Each check is the one the spec builder (see [`crate::runtime::spec`]) applies later; calling it
//! early only moves the error in front of the slow steps.

use std::path::{Path, PathBuf};

pub use crate::runtime::spec::{RunOptions, Seccomp};

/// Errors of the configuration checks; each names the value at fault.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Spec(#[from] crate::runtime::spec::Error),
    #[error(transparent)]
    Runtime(#[from] crate::runtime::external::Error),
}

/// The capability set `--cap-add` and `--cap-drop` give, checked.
#[derive(Debug, Clone)]
pub struct Capabilities(oci_spec::runtime::Capabilities);

/// Checks `--cap-add` and `--cap-drop` (names such as CAP_NET_RAW, net_raw, or ALL).
pub fn capabilities(cap_add: &[String], cap_drop: &[String]) -> Result<Capabilities, Error> {
    Ok(Capabilities(crate::runtime::spec::capability_set(cap_add, cap_drop)?))
}

/// Checks a seccomp profile file (`--security-opt seccomp=PATH`) against the capabilities the
/// container will have.
pub fn check_seccomp_profile(path: &Path, caps: &Capabilities) -> Result<(), Error> {
    crate::runtime::seccomp::load_profile(path, &caps.0)?;
    Ok(())
}

/// Checks one `--ulimit NAME=SOFT[:HARD]`.
pub fn check_ulimit(value: &str) -> Result<(), Error> {
    crate::runtime::spec::parse_ulimit(value)?;
    Ok(())
}

/// Checks one `--tmpfs PATH[:OPTIONS]`.
pub fn check_tmpfs(value: &str) -> Result<(), Error> {
    crate::runtime::spec::tmpfs_mount(value)?;
    Ok(())
}

/// The entries of an env file (`--env-file`): `KEY=VALUE` lines, `KEY` taking this process's
/// value.
pub fn read_env_file(path: &Path) -> Result<Vec<String>, Error> {
    Ok(crate::runtime::user::read_env_file(path)?)
}

/// Checks `--runtime` (crun, runc or a path): the program must be found.
pub fn check_runtime(runtime: &str) -> Result<PathBuf, Error> {
    Ok(crate::runtime::external::resolve(runtime)?)
}

/// `program` found in `PATH` (for `--init`'s catatonit).
pub fn find_in_path(program: &str) -> Option<PathBuf> {
    crate::userns::find_in_path(program)
}
