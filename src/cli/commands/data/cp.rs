//! `skiff cp [-a|--archive[=false]] [-L] [--overwrite] SRC DEST`: copies between the host and a
//! container (`CONTAINER:PATH`, running or stopped), or streams a tar with `-` (stdin as SRC,
//! stdout as DEST). Container paths resolve inside the container (see [`crate::engine::copy`]).

use std::io::{IsTerminal, Write};
use std::os::fd::AsFd;
use std::path::PathBuf;

use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::copy::{self, ExtractOptions};
use crate::engine::{self, containers, data, Context};

#[derive(Debug, clap::Args)]
pub struct CpArgs {
    /// Give copied files the container's user and group (the default, as podman); with
    /// --archive=false they keep the owners in the source
    #[arg(short, long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub archive: bool,
    /// Follow a symlink given as SRC (its target is copied, not the link)
    #[arg(short = 'L', long = "follow-link")]
    pub follow_link: bool,
    /// Replace directories by non-directories and the reverse
    #[arg(long)]
    pub overwrite: bool,
    /// Accepted for podman's scripts: skiff copies without pausing the container (as podman's
    /// --pause=false)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub pause: bool,
    /// What to copy: a host path, CONTAINER:PATH, or - for a tar archive on stdin
    #[arg(value_name = "SRC")]
    pub src: String,
    /// Where to copy it: a host path, CONTAINER:PATH, or - for a tar archive on stdout
    #[arg(value_name = "DEST")]
    pub dest: String,
}

/// One side of a copy.
#[derive(Debug, PartialEq, Eq)]
enum Side {
    Host(PathBuf),
    Container { key: String, path: String },
    Stream,
}

/// podman's rule: a path starting with `/` or `.` is on the host; else `NAME:PATH` names a
/// container; else a host path.
fn side(arg: &str) -> Side {
    if arg == "-" {
        return Side::Stream;
    }
    if !arg.starts_with(['/', '.']) {
        if let Some((key, path)) = arg.split_once(':') {
            if !key.is_empty() {
                return Side::Container { key: key.to_string(), path: path.to_string() };
            }
        }
    }
    Side::Host(PathBuf::from(arg))
}

fn usage(message: String) -> anyhow::Error {
    WithExit { message, exit: Exit::SKIFF_ERROR }.into()
}

pub fn cp(args: CpArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let (src, dest) = (side(&args.src), side(&args.dest));
    let between = matches!((&src, &dest), (Side::Container { .. }, Side::Container { .. }));
    if !between && !matches!((&src, &dest), (Side::Container { .. }, _) | (_, Side::Container { .. })) {
        return Err(usage(format!(
            "invalid arguments {} and {}: one of them must be CONTAINER:PATH",
            args.src, args.dest
        )));
    }
    if let Side::Host(p) = &dest {
        if let Ok(m) = fs_err::metadata(p) {
            if !m.is_dir() && !m.is_file() {
                return Err(usage(format!(
                    "invalid destination: {:?} must be a directory or a regular file",
                    args.dest
                )));
            }
        }
    }
    if matches!(dest, Side::Stream) && std::io::stdout().is_terminal() {
        return Err(usage("refusing to write a tar archive to a terminal: redirect stdout".into()));
    }
    if matches!(src, Side::Stream) && std::io::stdin().is_terminal() {
        return Err(usage("no tar archive on stdin: pipe one in".into()));
    }
    // Host paths are taken relative to where skiff was started, before anything changes it.
    let absolute = |arg: &str, s: &Side| match s {
        Side::Host(p) => keep_trailing(arg, std::path::absolute(p).unwrap_or_else(|_| p.clone())),
        _ => PathBuf::new(),
    };
    let plan = |src: Side, dest: Side, src_host: PathBuf, dest_host: PathBuf| Plan {
        key: match (&src, &dest) {
            (Side::Container { key, .. }, _) | (_, Side::Container { key, .. }) => key.clone(),
            _ => String::new(),
        },
        src_host,
        dest_host,
        src,
        dest,
        follow: args.follow_link,
        archive: args.archive,
        overwrite: args.overwrite,
    };
    let plans = if between {
        // Between two containers: out of the first into a private directory on the host, then
        // from there into the second, with the naming rules of each half.
        let tmp = scratch_dir()?;
        let (Side::Container { path, .. }, _) = (&src, &dest) else { unreachable!("checked above") };
        let contents = path.ends_with("/.") || path == ".";
        let (mid_dest, mid_src) = if contents {
            let d = tmp.path().join("contents");
            fs_err::create_dir(&d)?;
            (d.clone(), d.join("."))
        } else {
            let name = std::path::Path::new(path.trim_end_matches('/'))
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_else(|| "root".into());
            (tmp.path().to_path_buf(), tmp.path().join(name))
        };
        vec![
            plan(src, Side::Host(mid_dest.clone()), PathBuf::new(), mid_dest),
            plan(Side::Host(mid_src.clone()), dest, mid_src, PathBuf::new()),
        ]
        .into_iter()
        .map(|p| (p, Some(tmp.clone())))
        .collect::<Vec<_>>()
    } else {
        let (src_host, dest_host) = (absolute(&args.src, &src), absolute(&args.dest, &dest));
        vec![(plan(src, dest, src_host, dest_host), None)]
    };
    // A running container's root is reached through its process, which lives in a user
    // namespace that skiff's own (entered next) cannot look into: a helper forked now, still in
    // the initial namespace, can join it (see `copy::join_user_namespace`).
    let mut helpers = Vec::new();
    for (plan, _) in &plans {
        helpers.push(if ctx.rootless && !ctx.already_joined() {
            Some(copy::Helper::fork(|root, job| match plan.copy(root, job) {
                Err(e) if super::broken_pipe_is_success(&e) => Ok(()),
                Err(e) => Err(match e.downcast_ref::<copy::Error>() {
                    Some(copy::Error::Failed(failure)) => failure.clone(),
                    _ => copy::Failure::InHelper { report: format!("{e:#}") },
                }),
                Ok(()) => Ok(()),
            })?)
        } else {
            None
        });
    }
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    containers::list(&store)?;
    let mut recs = Vec::new();
    for (plan, _) in &plans {
        recs.push(containers::lookup(&store, &plan.key)?);
    }
    for (((plan, _), helper), rec) in plans.iter().zip(helpers).zip(recs) {
        let job = copy::Job {
            workdir: data::container_workdir(&store, &rec),
            user: data::container_user(&store, &rec),
            pid: copy::running_pid(&ctx, &rec),
        };
        let result = match (helper, job.pid) {
            (Some(helper), Some(_)) => helper.run(&job).map_err(|e| match e {
                copy::Error::Failed(failure) => {
                    WithExit { message: plan.words(&failure), exit: Exit::SKIFF_ERROR }.into()
                }
                e => anyhow::Error::from(e),
            }),
            (helper, _) => {
                // A helper not needed (the container is not running) is handed the job anyway:
                // it ends at once (NotRunning) instead of waiting for its pipe to close, which a
                // helper forked after it keeps open.
                if let Some(h) = helper {
                    let _ = h.run(&job);
                }
                let root = copy::open_root(&ctx, &store, &rec)?;
                // A path under one of the container's volumes or bind mounts (not mounted while
                // it does not run) is that mount's source on the host, as podman resolves it.
                let through_mount =
                    plan.container_path().and_then(|p| copy::mount_for(&ctx, &store, &rec, p, &job.workdir));
                let result = match &through_mount {
                    Some((source, inner)) => plan.copy_at(source, &job, Some(inner)),
                    None => plan.copy(&root.path, &job),
                };
                let result = result.map_err(|e| match e.downcast_ref::<copy::Error>() {
                    Some(copy::Error::Failed(failure)) => {
                        WithExit { message: plan.words(failure), exit: Exit::SKIFF_ERROR }.into()
                    }
                    _ => e,
                });
                root.release(&store)?;
                result
            }
        };
        match result {
            Err(e) if super::broken_pipe_is_success(&e) => {}
            Err(e) => return Err(e),
            Ok(()) => {}
        }
    }
    Ok(Exit::SUCCESS)
}

/// A private directory on the host, removed when the last handle goes.
#[derive(Clone)]
struct Scratch(std::rc::Rc<ScratchDir>);

struct ScratchDir(PathBuf);

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = fs_err::remove_dir_all(&self.0);
    }
}

impl Scratch {
    fn path(&self) -> &std::path::Path {
        &self.0 .0
    }
}

/// A new mode-0700 directory for the copy between two containers, in the run-time directory of
/// the user (else /tmp).
fn scratch_dir() -> anyhow::Result<Scratch> {
    use std::os::unix::fs::DirBuilderExt;
    let base = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    for _ in 0..16 {
        let p = base.join(format!("skiff-cp-{}-{:08x}", std::process::id(), rand::random::<u32>()));
        match std::fs::DirBuilder::new().mode(0o700).create(&p) {
            Ok(()) => return Ok(Scratch(std::rc::Rc::new(ScratchDir(p)))),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(anyhow::Error::from(e).context(format!("cannot create {}", p.display()))),
        }
    }
    anyhow::bail!("cannot create a scratch directory in {}", base.display())
}

/// What to copy, resolved before skiff enters its namespace.
struct Plan {
    key: String,
    src: Side,
    dest: Side,
    src_host: PathBuf,
    dest_host: PathBuf,
    follow: bool,
    archive: bool,
    overwrite: bool,
}

impl Plan {
    /// A failure as podman words it: a destination missing in a container names the container.
    fn words(&self, failure: &copy::Failure) -> String {
        match (failure, &self.dest) {
            (
                copy::Failure::DestinationMissing { path } | copy::Failure::ParentMissing { path },
                Side::Container { key, .. },
            ) => format!("{path:?} could not be found on container {key}: no such file or directory"),
            _ => failure.to_string(),
        }
    }

    /// The path on the container's side.
    fn container_path(&self) -> Option<&str> {
        match (&self.src, &self.dest) {
            (_, Side::Container { path, .. }) | (Side::Container { path, .. }, _) => Some(path),
            _ => None,
        }
    }

    fn copy(&self, root: &std::path::Path, job: &copy::Job) -> anyhow::Result<()> {
        self.copy_at(root, job, None)
    }

    /// The copy with `root` as the container's side, its path replaced by `inner` when given.
    fn copy_at(&self, root: &std::path::Path, job: &copy::Job, inner: Option<&str>) -> anyhow::Result<()> {
        let (key, workdir) = (&self.key, &job.workdir);
        let redirect = |path: &String| inner.map_or_else(|| path.clone(), str::to_string);
        let extract = ExtractOptions {
            chown: self.archive.then_some(job.user),
            keep_owners: !self.archive,
            overwrite: self.overwrite,
        };
        match (&self.src, &self.dest) {
            (Side::Host(_), Side::Container { path, .. }) => {
                copy::host_to_container(root, workdir, &self.src_host, self.follow, &redirect(path), extract)?
            }
            (Side::Stream, Side::Container { path, .. }) => {
                let stdin = std::io::stdin().as_fd().try_clone_to_owned()?;
                copy::stream_to_container(root, workdir, stdin.into(), &redirect(path), extract)?
            }
            // As podman: a symlink named as the container's source is followed (its target is
            // copied under the link's name), and a dangling one is not found.
            (Side::Container { path, .. }, Side::Host(_)) => {
                let mut sink = std::io::sink();
                let h = Some(self.dest_host.as_path());
                copy::container_to_host(
                    key,
                    root,
                    workdir,
                    &redirect(path),
                    true,
                    h,
                    &mut sink,
                    self.overwrite,
                )?
            }
            (Side::Container { path, .. }, Side::Stream) => {
                let mut out = std::io::stdout().lock();
                copy::container_to_host(key, root, workdir, &redirect(path), true, None, &mut out, false)?;
                out.flush()?;
            }
            _ => unreachable!("one side is a container"),
        }
        Ok(())
    }
}

/// `std::path::absolute` drops a trailing `/` or `/.`, which mean something to `cp`.
fn keep_trailing(arg: &str, abs: PathBuf) -> PathBuf {
    let mut s = abs.into_os_string();
    if arg.ends_with("/.") {
        s.push("/.");
    } else if arg.ends_with('/') && !s.to_string_lossy().ends_with('/') {
        s.push("/");
    }
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_follow_podman() {
        assert_eq!(side("-"), Side::Stream);
        assert_eq!(side("c1:/etc"), Side::Container { key: "c1".into(), path: "/etc".into() });
        assert_eq!(side("./c1:/etc"), Side::Host("./c1:/etc".into()));
        assert_eq!(side("/tmp/a:b"), Side::Host("/tmp/a:b".into()));
        assert_eq!(side("file"), Side::Host("file".into()));
    }

    #[test]
    fn trailing_slash_and_dot_are_kept() {
        assert_eq!(keep_trailing("d/", PathBuf::from("/x/d")), PathBuf::from("/x/d/"));
        assert_eq!(keep_trailing("d/.", PathBuf::from("/x/d")), PathBuf::from("/x/d/."));
        assert_eq!(keep_trailing("d", PathBuf::from("/x/d")), PathBuf::from("/x/d"));
    }
}
