//! A container's own user namespace at `create` (see [`crate::userns::mode`]): the maps for its
//! `--userns`/`--uidmap`, keep-id's `/etc/passwd` and `/etc/group` entries, and the root
//! filesystem presented with shifted ids (fuse-overlay) so that the image's files keep their
//! owners inside without a chowned copy of the layers.

use std::path::Path;

pub use crate::userns::mode::{parse_map, Mode, Request};

use super::{Context, Error};
use crate::runtime::spec::{RunOptions, USERNS_ANNOTATION};
use crate::runtime::user::{self, HostUser};
use crate::storage::Store;
use crate::userns::mode::Resolved;
use crate::userns::IdMap;

/// keep-id's new texts of the container's `/etc/passwd` and `/etc/group` (`None`: unchanged).
#[derive(Debug, Default, Clone)]
pub struct EtcFiles {
    pub passwd: Option<String>,
    pub group: Option<String>,
}

/// Resolves `opts.userns` into `opts.userns_maps` and, for keep-id, returns the entries to add
/// (and replaces `passwd`/`group`, which the spec's user is resolved against, by the new texts).
/// `workdir` is the container's working directory, the user's home unless it is mounted in.
pub fn prepare(
    ctx: &Context,
    store: &Store,
    opts: &mut RunOptions,
    workdir: &str,
    passwd: &mut Option<String>,
    group: &mut Option<String>,
) -> Result<EtcFiles, Error> {
    let auto_default = crate::engine::containers_conf::get()
        .ok()
        .and_then(|c| c.containers.userns_size)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n > 0);
    let taken = if matches!(opts.userns.mode, crate::userns::mode::Mode::Auto { .. }) {
        auto_ranges(store)
    } else {
        Vec::new()
    };
    let maps = opts.userns.resolve(&ctx.identity, ctx.rootless, auto_default, &taken)?;
    let Some(maps) = maps else { return Ok(EtcFiles::default()) };
    crate::rootfs::fuse::device_usable()
        .map_err(|e| crate::userns::mode::Error::NeedsFuse { reason: e.to_string() })?;
    let mut files = EtcFiles::default();
    if let Some(k) = &maps.keep_id {
        let who = host_user(&ctx.identity);
        let home = keep_id_home(&who.home, workdir, opts);
        let (p, g) = user::keep_id_entries(passwd.as_deref(), group.as_deref(), &who, k.uid, k.gid, &home);
        if p.is_some() {
            passwd.clone_from(&p);
        }
        if g.is_some() {
            group.clone_from(&g);
        }
        files = EtcFiles { passwd: p, group: g };
    }
    opts.userns_maps = Some(maps);
    Ok(files)
}

/// podman's choice of keep-id's home: the host's home directory when it (or a parent of it
/// below `/`) is a mount destination, else the working directory.
fn keep_id_home(host_home: &str, workdir: &str, opts: &RunOptions) -> String {
    let mut dir = Path::new(host_home);
    while dir != Path::new("/") && !dir.as_os_str().is_empty() {
        if opts.mounts.iter().any(|m| m.destination() == dir) {
            return host_home.to_string();
        }
        dir = dir.parent().unwrap_or(Path::new("/"));
    }
    workdir.to_string()
}

fn host_user(id: &crate::userns::Identity) -> HostUser {
    let pw = nix::unistd::User::from_name(&id.user).ok().flatten();
    let group = nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(id.gid))
        .ok()
        .flatten()
        .map(|g| g.name)
        .unwrap_or_else(|| id.user.clone());
    HostUser {
        name: id.user.clone(),
        group,
        gecos: pw.as_ref().map(|p| p.gecos.to_string_lossy().into_owned()).unwrap_or_default(),
        home: pw
            .map(|p| p.dir.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("/home/{}", id.user)),
    }
}

/// Writes keep-id's files into the new container's writable layer (`dir`: its upper directory,
/// or its root for vfs), owned by the container's root as stored (id 0), mode 0644.
pub fn write_etc(files: &EtcFiles, dir: &Path) -> Result<(), Error> {
    if files.passwd.is_none() && files.group.is_none() {
        return Ok(());
    }
    use std::os::unix::fs::DirBuilderExt;
    let etc = dir.join("etc");
    if !etc.is_dir() {
        std::fs::DirBuilder::new()
            .mode(0o755)
            .recursive(true)
            .create(&etc)
            .map_err(|source| Error::CreateDir { path: etc.clone(), source })?;
    }
    for (name, text) in [("passwd", &files.passwd), ("group", &files.group)] {
        if let Some(text) = text {
            let path = etc.join(name);
            super::write_atomic(&path, text.as_bytes())
                .map_err(|source| Error::WriteBundle { path: path.clone(), source })?;
            use std::os::unix::fs::PermissionsExt;
            let _ = fs_err::set_permissions(&path, std::fs::Permissions::from_mode(0o644));
        }
    }
    Ok(())
}

/// The uid and gid maps of a container's nested namespace, from its bundle's config.json
/// (`None`: it runs in skiff's namespace).
pub fn bundle_maps(bundle: &Path) -> Option<(Vec<IdMap>, Vec<IdMap>)> {
    let spec = oci_spec::runtime::Spec::load(bundle.join("config.json")).ok()?;
    let linux = spec.linux().as_ref()?;
    let conv = |m: &Option<Vec<oci_spec::runtime::LinuxIdMapping>>| -> Option<Vec<IdMap>> {
        Some(
            m.as_ref()?
                .iter()
                .map(|l| IdMap { container_id: l.container_id(), host_id: l.host_id(), size: l.size() })
                .collect(),
        )
    };
    Some((conv(linux.uid_mappings())?, conv(linux.gid_mappings())?))
}

/// The host ranges (S-ids) of the user's auto containers, so a new one gets another range.
fn auto_ranges(store: &Store) -> Vec<IdMap> {
    let Ok(all) = store.list_containers() else { return Vec::new() };
    let mut out = Vec::new();
    for rec in all {
        let bundle = store.container_dirs(&rec.id).bundle;
        let Ok(spec) = oci_spec::runtime::Spec::load(bundle.join("config.json")) else { continue };
        let auto = spec
            .annotations()
            .as_ref()
            .and_then(|a| a.get(USERNS_ANNOTATION))
            .is_some_and(|m| m == "private");
        if auto {
            if let Some((u, _)) = bundle_maps(&bundle) {
                out.extend(u);
            }
        }
    }
    out
}

/// Whether a container with these maps needs its root filesystem presented with shifted ids.
pub fn needs_shift(maps: &Option<Resolved>) -> bool {
    maps.is_some()
}

/// `HostConfig.IDMappings` of `inspect`: the container's maps as podman prints them
/// (`CONTAINER:HOST:SIZE`), empty lists for a container in skiff's namespace.
pub fn inspect_maps(spec: &serde_json::Value) -> serde_json::Value {
    let lines = |key: &str| -> Vec<String> {
        spec.pointer(&format!("/linux/{key}"))
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|m| {
                        let n = |k: &str| m.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0);
                        format!("{}:{}:{}", n("containerID"), n("hostID"), n("size"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    serde_json::json!({ "UIDMap": lines("uidMappings"), "GIDMap": lines("gidMappings") })
}

/// The file in a container's bundle listing its `U` chowns (paths and ids), redone at starts.
const CHOWN_FILE: &str = "chown.json";

#[derive(serde::Serialize, serde::Deserialize)]
struct Chowns {
    paths: Vec<std::path::PathBuf>,
    uid: u32,
    gid: u32,
}

/// The ids, as stored, of container ids `uid`/`gid` of the container whose bundle is `bundle`
/// (shifted when it has a user namespace of its own).
pub fn storage_ids(bundle: &Path, uid: u32, gid: u32) -> (u32, u32) {
    match bundle_maps(bundle) {
        Some((u, g)) => (crate::userns::mode::present(&u, uid), crate::userns::mode::present(&g, gid)),
        None => (uid, gid),
    }
}

/// Records the `U` chowns of a new container, for [`rechown_at_start`].
pub fn save_chowns(bundle: &Path, paths: &[std::path::PathBuf], uid: u32, gid: u32) -> Result<(), Error> {
    if paths.is_empty() {
        return Ok(());
    }
    let path = bundle.join(CHOWN_FILE);
    let text = serde_json::to_vec(&Chowns { paths: paths.to_vec(), uid, gid }).expect("chowns serialize");
    super::write_atomic(&path, &text).map_err(|source| Error::WriteBundle { path, source })
}

/// podman's `U` at every start: a source whose owner changed since is chowned again.
pub fn rechown_at_start(bundle: &Path) -> Result<(), Error> {
    let Ok(text) = fs_err::read(bundle.join(CHOWN_FILE)) else { return Ok(()) };
    let Ok(c) = serde_json::from_slice::<Chowns>(&text) else { return Ok(()) };
    for p in &c.paths {
        super::volumes::rechown(p, c.uid, c.gid)?;
    }
    Ok(())
}
