//! Root filesystem backends: how a container's layers plus its upper directory become one tree.
//! `overlay` mounts the kernel's overlayfs (and holds the capability probe `info` and the
//! automatic backend choice use); `vfs` makes a plain copy.

pub mod overlay;
pub mod vfs;
