//! `skiff rm`.

use super::*;

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Stop and remove running containers; containers that do not exist are ignored
    #[arg(short, long)]
    pub force: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    /// Remove the containers' anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Containers that do not exist are not an error
    #[arg(short = 'i', long)]
    pub ignore: bool,
    /// With --force, seconds to wait after the stop signal before killing (default: the
    /// container's stop timeout, 10 s, as podman)
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// Remove the most recently created container
    #[arg(short, long, conflicts_with_all = ["all", "containers"])]
    pub latest: bool,
    /// Also remove the containers that depend on these, first (those of --network
    /// container:NAME; a pod's infra container: the pod)
    #[arg(long)]
    pub depend: bool,
    /// Containers to remove (names or ids); one that is not skiff's may be an external one, of
    /// containers/storage (buildah's), removed from there
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest"])]
    pub containers: Vec<String>,
}

/// `skiff rm`.
pub fn rm(args: RmArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let all = refreshed(&ctx, &store)?;
    // Named external containers; `--all` leaves them alone, as podman's does.
    let mut external: Vec<String> = Vec::new();
    // (record, what to print: the user's input, as podman does; the full id for -a)
    let targets: Vec<(ContainerRecord, String)> = if args.all {
        all.into_iter().map(|r| (r.clone(), r.id)).collect()
    } else if args.latest {
        all.into_iter()
            .max_by(|a, b| a.created.cmp(&b.created))
            .map(|r| (r.clone(), r.id))
            .into_iter()
            .collect()
    } else {
        let mut v = Vec::new();
        for key in &args.containers {
            match engine::remove::lookup(&store, key) {
                Ok(r) => v.push((r, key.clone())),
                // Not skiff's: a container of containers/storage (buildah's), as podman removes
                // those it does not manage.
                Err(e) if e.is_not_found() && engine::external::lookup(&ctx, key)?.is_some() => {
                    external.push(key.clone())
                }
                Err(e) if e.is_not_found() && (args.force || args.ignore) => {}
                // As podman: nothing is removed when one of the containers does not exist, and
                // that alone exits 1.
                Err(e) if e.is_not_found() => {
                    return Err(WithExit { message: e.to_string(), exit: Exit::FAILURE }.into())
                }
                Err(e) => return Err(e.into()),
            }
        }
        v
    };
    let mut failed = crate::cli::diag::Failures::new(printer);
    // As podman: the external containers first.
    for key in &external {
        match engine::external::remove(&ctx, key, args.force) {
            // (`false`: gone meanwhile; what was asked for is done.)
            Ok(_) => printer.line(key),
            Err(e @ engine::external::Error::Mounted { .. }) => {
                failed.add(WithExit { message: e.to_string(), exit: Exit::from_status(2) }.into())
            }
            Err(e) => failed.add(e.into()),
        }
    }
    for (rec, shown) in &targets {
        // A pod's infra container goes only with its pod (--depend, --all), after the others.
        if let Some(pod) = engine::pods::infra_pod(&ctx, &store, rec) {
            if !(args.depend || args.all) {
                failed.add(engine::pods::check_removable(&ctx, &store, rec).unwrap_err().into());
                continue;
            }
            match engine::pods::remove(&ctx, &store, &pod, args.force, args.time) {
                Ok(ids) => ids.iter().for_each(|id| printer.line(id)),
                Err(e) => failed.add(e.into()),
            }
            continue;
        }
        if args.all && store.find_container(&rec.id).is_err() {
            continue;
        }
        // As podman: the stop signal, then SIGKILL after the stop timeout (`-t` shortens it).
        // Containers that depend on it go first with --depend (and --all, which removes them
        // anyway); podman then names every container removed by its id.
        let depend = args.depend || args.all;
        let mut volumes = Ok(());
        let mut removed_ids = Vec::new();
        let removed = engine::depend::remove(&ctx, &store, rec, args.force, args.time, depend, &mut |gone| {
            if args.volumes && volumes.is_ok() {
                volumes = engine::volumes::remove_anonymous(&store, &gone).map(|_| ());
            }
            removed_ids.push(gone.id);
        });
        if depend {
            removed_ids.iter().for_each(|id| printer.line(id));
        }
        let removed = removed.map_err(anyhow::Error::from).and_then(|()| volumes.map_err(Into::into));
        match removed {
            Ok(()) if depend => {}
            Ok(()) => printer.line(shown),
            // As podman: a running container without --force exits 2.
            Err(e) if matches!(e.downcast_ref(), Some(engine::remove::Error::Active { .. })) => {
                failed.add(WithExit { message: e.to_string(), exit: Exit::from_status(2) }.into())
            }
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}
