//! Root filesystem backends: how a container's layers plus its upper directory become one tree.
//! `overlay` mounts the kernel's overlayfs (and holds the capability probe `info` and the
//! automatic backend choice use); `fuse` is skiff's own FUSE overlay for where the kernel's is
//! refused; `vfs` makes a plain copy.

pub mod fuse;
pub mod overlay;
pub mod vfs;
