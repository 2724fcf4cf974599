//! Data in and out of containers: `cp`, `diff`, `commit`, `export`, `import`, `mount` and
//! `unmount` (the use cases are in [`crate::engine::data`] and [`crate::engine::copy`]).

mod commit;
mod cp;
mod diff;
mod export;
mod import;
mod mount;

pub use commit::{commit, CommitArgs};
pub use cp::{cp, CpArgs};
pub use diff::{diff, DiffArgs};
pub use export::{export, ExportArgs};
pub use import::{import, ImportArgs};
pub use mount::{mount, unmount, MountArgs, UnmountArgs};

/// Whether `err` is a closed stdout (`skiff export c | head`): that ends the command quietly, exit 0.
pub(crate) fn broken_pipe_is_success(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}
