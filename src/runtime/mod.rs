//! The OCI runtime spec of a container, the built-in runtime and the supervisor (see DESIGN.md).
//!
//! So far only the spec side exists, and nothing here is reachable from the command line yet:
//! - [`spec`]: the image config plus the `run` options turned into one OCI runtime spec, and the
//!   one error type of these three modules ([`spec::Error`]);
//! - [`user`]: `-u` resolved against the image's passwd/group, `--env-file`, the env merge order;
//! - [`seccomp`]: the default profile, docker-format profile files, compiling to BPF.
pub mod seccomp;
pub mod spec;
pub mod user;
