//! Root filesystem backends: how a container's layers plus its upper directory become one tree.
//! For now this holds the kernel-overlay capability probe that `info` and the automatic backend
//! choice use.

pub mod overlay;
