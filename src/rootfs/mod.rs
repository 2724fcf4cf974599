//! Root filesystem backends: how a container's layers plus its upper directory become one tree.
//! `overlay` mounts the kernel's overlayfs; `fuse` is skiff's own FUSE overlay for where the
//! kernel's is refused; `vfs` makes a plain copy. `driver` holds the [`Driver`] trait they share,
//! the automatic choice between them ([`choose`]) and the kernel-overlay probe with its cache.

pub mod driver;
pub mod fuse;
pub mod overlay;
pub mod vfs;
pub mod view;

pub use driver::{choose, Driver, Host, OverlayProbe, StorageDriver, Trial};
