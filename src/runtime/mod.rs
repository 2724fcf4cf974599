//! The OCI runtime spec of a container, the built-in runtime and the supervisor (see DESIGN.md).
//!
//! - `linux`: the built-in runtime that executes an OCI bundle in the foreground (reachable only
//!   through the hidden `skiff oci-run` until `run` is integrated).

pub mod linux;
