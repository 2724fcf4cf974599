//! The hidden `skiff fuse-overlay-serve`: the fuse-overlay server process, started by
//! `mount_rootfs` for a container whose storage driver is `fuse-overlay` (see
//! [`crate::rootfs::fuse`]). It reports "ready" or the error on its stdout, then serves until the
//! mount goes away.

use std::path::PathBuf;

use crate::cli::Exit;
use crate::engine::fuse_overlay::{self as fuse, ServeOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The writable upper directory
    #[arg(long, value_name = "DIR")]
    pub upper: PathBuf,
    /// The work directory (same file system as the upper one), for copy-up
    #[arg(long, value_name = "DIR")]
    pub work: PathBuf,
    /// A read-only layer; repeat, top-most first
    #[arg(long = "lower", value_name = "DIR", required = true)]
    pub lowers: Vec<PathBuf>,
    /// Keep overlay metadata in user.overlay.* xattrs (rootless) instead of trusted.overlay.*
    #[arg(long)]
    pub userxattr: bool,
    /// Present shifted uids: the maps of the container's user namespace, C:H:S[,C:H:S...]
    #[arg(long, value_name = "MAP", requires = "gidmap")]
    pub uidmap: Option<String>,
    /// Present shifted gids, as --uidmap
    #[arg(long, value_name = "MAP", requires = "uidmap")]
    pub gidmap: Option<String>,
    /// Where to mount
    #[arg(value_name = "TARGET")]
    pub target: PathBuf,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let opts = ServeOptions {
        lowers: a.lowers,
        upper: a.upper,
        work: a.work,
        target: a.target,
        userxattr: a.userxattr,
        id_maps: match (&a.uidmap, &a.gidmap) {
            (Some(u), Some(g)) => Some((
                crate::engine::userns::parse_map("--uidmap", u)?,
                crate::engine::userns::parse_map("--gidmap", g)?,
            )),
            _ => None,
        },
    };
    let ready = fuse::take_stdout()?;
    fuse::serve(&opts, ready)?;
    Ok(Exit::SUCCESS)
}
