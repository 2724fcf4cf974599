//! The OCI runtime spec of a container, the built-in runtime and the supervisor (see DESIGN.md).
//! Empty until containers run: nothing here is reachable from the command line yet.
