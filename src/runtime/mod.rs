//! The OCI runtime spec of a container, the built-in runtime and the supervisor (see DESIGN.md).
//!
//! Nothing here is reachable from the command line yet but for the hidden `oci-run`:
//! - [`spec`]: the image config plus the `run` options turned into one OCI runtime spec, and the
//!   one error type of these three modules ([`spec::Error`]);
//! - [`user`]: `-u` resolved against the image's passwd/group, `--env-file`, the env merge order;
//! - [`seccomp`]: the default profile, docker-format profile files, compiling to BPF.

//! - `linux`: the built-in runtime that executes an OCI bundle in the foreground (reachable only
//!   through the hidden `skiff oci-run` until `run` is integrated).
//! - [`external`]: an external OCI runtime (crun, runc, a path) run by the supervisor instead.
//! - [`init`]: the minimal init `--init` runs as pid 1 when catatonit is not installed.
//! - [`supervisor`]: the conmon-like process per container (hidden `skiff supervisor`, started by
//!   the hidden `skiff oci-start`): stdio, k8s-file log, attach socket, signals, exit record.
//! - [`run_dir`]: the container's run-time directory ([`run_dir::RunDir`]: pid files, exit
//!   record, attach socket), parsed in one place.
//! - [`signaller`]: the helper process that signals containers from the initial user namespace.
//! - [`job`]: helper processes that run one job elsewhere (another namespace or root) for `cp`.
//!
//! Processes talk through [`crate::ipc`] messages; every fork goes through [`crate::sys`].

pub mod external;
pub mod init;
pub mod job;
pub mod linux;
pub mod run_dir;
pub mod seccomp;
pub mod signaller;
pub mod spec;
pub mod supervisor;
pub mod user;
