//! `skiff info`: what this host allows a rootless container tool to do, found by looking (and, for
//! overlay, by trying), so that a user with a broken setup can read what is wrong.
//!
//! The overlay probe (`rootfs::driver`) forks a child that joins the user namespace and mounts a
//! tiny overlay; its answer is cached per kernel release in the run-time directory
//! (`overlay-probe.json`).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::context::{Context, StorageDriver};
use crate::rootfs;
pub use crate::rootfs::OverlayProbe;
use crate::userns::{self, HelperStatus, IdMap, SubRange};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub host: Host,
    pub store: Store,
    /// podman's `registries`: one entry per `[[registry]]` prefix, plus `search`.
    pub registries: serde_json::Map<String, serde_json::Value>,
    /// Every configuration file read (containers.conf in merge order, registries.conf,
    /// storage.conf), so a user can see where a setting came from.
    pub config_files: ConfigFiles,
    /// What is wrong or degraded, each with what to do about it.
    pub problems: Vec<Problem>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Host {
    /// The version of buildah whose Containerfile semantics `skiff build` follows (podman
    /// reports the buildah library it is built with).
    pub buildah_version: String,
    pub conmon: Conmon,
    /// "file": events are appended to a file in the run-time directory.
    pub event_logger: String,
    pub kernel: String,
    pub os: String,
    pub arch: String,
    pub rootless: bool,
    pub user: String,
    pub uid: u32,
    pub gid: u32,
    pub subuid_ranges: Vec<SubRange>,
    pub subgid_ranges: Vec<SubRange>,
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
    pub newuidmap: HelperInfo,
    pub newgidmap: HelperInfo,
    pub fuse: Fuse,
    pub network: Network,
    pub cgroups: Cgroups,
    // The fields podman's `info` has under the same names (`{{.Host.CgroupManager}}` ...).
    /// skiff asks no systemd for cgroups: "cgroupfs".
    pub cgroup_manager: String,
    /// "v1" or "v2".
    pub cgroup_version: String,
    pub distribution: Distribution,
    pub hostname: String,
    pub cpus: usize,
    /// How container output is stored: "k8s-file".
    pub log_driver: String,
    /// The built-in runtime: skiff itself.
    pub oci_runtime: OciRuntime,
    pub security: Security,
    pub slirp4netns: Slirp4netns,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigFiles {
    pub containers_conf: Vec<PathBuf>,
    pub registries_conf: Option<PathBuf>,
    pub storage_conf: Option<PathBuf>,
}

/// podman's `host.conmon`: the process that holds a container's stdio and exit code. skiff's is
/// its own supervisor (the same binary, conmon's role).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conmon {
    pub package: String,
    pub path: PathBuf,
    pub version: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageStore {
    pub number: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Distribution {
    pub distribution: String,
    pub version: String,
    pub codename: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OciRuntime {
    pub name: String,
    pub path: PathBuf,
    pub package: String,
    pub version: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Security {
    pub rootless: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Slirp4netns {
    pub executable: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HelperInfo {
    pub path: Option<PathBuf>,
    /// setuid root or carrying file capabilities, as the helper must be to map ids.
    pub usable: bool,
}

impl From<HelperStatus> for HelperInfo {
    fn from(s: HelperStatus) -> Self {
        HelperInfo { path: s.path, usable: s.privileged }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fuse {
    pub device: String,
    pub usable: bool,
    pub detail: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    pub pasta: Option<PathBuf>,
    pub slirp4netns: Option<PathBuf>,
    pub default: String,
    /// Whether this user can open /dev/net/tun, which both helpers need.
    pub tun_usable: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cgroups {
    pub version: String,
    pub delegated: bool,
    pub detail: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    pub graph_root: PathBuf,
    pub run_root: PathBuf,
    pub config_dir: PathBuf,
    pub graph_root_usable: bool,
    pub overlay_in_userns: OverlayProbe,
    pub driver: StorageDriver,
    pub driver_reason: String,
    /// podman's names: the driver, its options (none), where volumes live.
    pub graph_driver_name: StorageDriver,
    pub graph_options: serde_json::Map<String, serde_json::Value>,
    /// podman's `graphStatus`: what the driver found of the backing filesystem.
    pub graph_status: serde_json::Map<String, serde_json::Value>,
    /// The storage.conf podman would read (whether or not it exists).
    pub config_file: PathBuf,
    pub image_store: ImageStore,
    pub volume_path: PathBuf,
}

#[derive(Debug, Serialize)]
pub struct Problem {
    pub what: String,
    pub hint: String,
}

/// Collects the report. Runs single-threaded (the probe forks).
pub fn gather(ctx: &Context) -> Info {
    let mut problems = Vec::new();
    let id = &ctx.identity;
    let kernel = crate::sys::host::kernel_release().unwrap_or_default();
    let newuidmap: HelperInfo = userns::helper_status("newuidmap").into();
    let newgidmap: HelperInfo = userns::helper_status("newgidmap").into();
    let mut mapping = id.mapping();
    if ctx.rootless {
        if id.subuids.is_empty() || id.subgids.is_empty() {
            mapping = userns::Mapping::standard(id.uid, id.gid, &[], &[]);
            let (u, g) = id.suggested_lines();
            problems.push(Problem {
                what: format!("user {} has no range in /etc/subuid or /etc/subgid: only uid {} is mapped (as 0), files owned by other ids in images are squashed to 0", id.user, id.uid),
                hint: format!("add \"{u}\" to /etc/subuid and \"{g}\" to /etc/subgid (as root, e.g. usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {})", id.user),
            });
        } else {
            for (name, h) in [("newuidmap", &newuidmap), ("newgidmap", &newgidmap)] {
                match &h.path {
                    None => problems.push(Problem {
                        what: format!("{name} is not installed; it is needed to map your subordinate ids"),
                        hint: "install the uidmap package (apt-get install uidmap; on Fedora: dnf install shadow-utils)".into(),
                    }),
                    Some(path) if !h.usable => problems.push(Problem {
                        what: format!("{} is neither setuid root nor has file capabilities", path.display()),
                        hint: format!("as root: chmod u+s {}", path.display()),
                    }),
                    Some(_) => {}
                }
            }
        }
    }
    if !ctx.rootless {
        mapping = userns::Mapping {
            uid_map: vec![IdMap { container_id: 0, host_id: 0, size: u32::MAX }],
            gid_map: vec![IdMap { container_id: 0, host_id: 0, size: u32::MAX }],
        };
    }

    let fuse = fuse_status();
    if !fuse.usable {
        problems.push(Problem {
            what: format!("/dev/fuse is not usable: {}", fuse.detail),
            hint: "as root: chmod 0666 /dev/fuse (or load the fuse module: modprobe fuse)".into(),
        });
    }
    let pasta = userns::find_in_path("pasta");
    let slirp = userns::find_in_path("slirp4netns");
    let default = if pasta.is_some() {
        "pasta"
    } else if slirp.is_some() {
        "slirp4netns"
    } else {
        problems.push(Problem {
            what: "neither pasta nor slirp4netns is installed: rootless containers can have no network but their own loopback".into(),
            hint: "install passt (provides pasta) or slirp4netns".into(),
        });
        "none"
    };
    let tun_usable = fs_err::OpenOptions::new().read(true).write(true).open("/dev/net/tun").is_ok();
    if !tun_usable && default != "none" {
        problems.push(Problem {
            what: "/dev/net/tun cannot be opened: pasta and slirp4netns need it to connect a container"
                .into(),
            hint: "as root: chmod 0666 /dev/net/tun (or load the tun module: modprobe tun)".into(),
        });
    }
    let cgroups = cgroup_status(ctx.rootless);

    let graph_root_usable = ctx.prepare_dirs().is_ok();
    if !graph_root_usable {
        let err = ctx.prepare_dirs().unwrap_err();
        problems.push(Problem {
            what: crate::engine::error_chain(&err),
            hint: "pass a writable directory with --root/--runroot, or fix the permissions".into(),
        });
    }
    let overlay = if graph_root_usable {
        overlay_probe(ctx)
    } else {
        OverlayProbe {
            works: false,
            detail: "not tested: the run-time directory is not usable".into(),
            cached: false,
        }
    };
    let (driver, driver_reason) = match ctx.storage_driver {
        Some(d) => (d, "chosen with --storage-driver".to_string()),
        None if overlay.works => {
            (StorageDriver::Overlay, "kernel overlay mounts in the user namespace".to_string())
        }
        None if fuse.usable => (
            StorageDriver::FuseOverlay,
            format!(
                "kernel overlay unavailable ({}); /dev/fuse is usable, so skiff's own fuse-overlay serves the layers",
                overlay.detail
            ),
        ),
        None => {
            problems.push(Problem {
                what: format!("kernel overlayfs cannot be mounted here: {}", overlay.detail),
                hint: "skiff falls back to the vfs driver (full copies: slow, uses more disk); a kernel >= 5.11 allows overlay in user namespaces, or make /dev/fuse usable for the fuse-overlay driver".into(),
            });
            (
                StorageDriver::Vfs,
                format!("kernel overlay unavailable ({}) and /dev/fuse unusable ({})", overlay.detail, fuse.detail),
            )
        }
    };
    if ctx.storage_driver == Some(StorageDriver::FuseOverlay) && !fuse.usable {
        problems.push(Problem {
            what: format!(
                "--storage-driver fuse-overlay needs /dev/fuse, which is not usable: {}",
                fuse.detail
            ),
            hint: "as root: chmod 0666 /dev/fuse, or choose another --storage-driver".into(),
        });
    }

    let exe = std::env::current_exe().unwrap_or_default();
    let storage_conf = super::storage_conf::load();
    let containers_conf = super::containers_conf::get().map(|c| c.files.clone()).unwrap_or_default();
    let registries = crate::image::registries::Registries::load(Some(&ctx.paths.config_dir));
    let registries_conf = registries.as_ref().ok().and_then(|r| r.path.clone());
    let registries = match registries {
        Ok(r) => registries_map(&r),
        Err(e) => {
            problems.push(Problem {
                what: e.to_string(),
                hint: "fix the file: pulls and pushes fail until it parses".into(),
            });
            serde_json::Map::new()
        }
    };
    let images = crate::storage::Store::open_for_lookup(
        &ctx.paths.graph_root,
        crate::storage::StoreOptions { rootless: ctx.rootless },
    )
    .list_images()
    .map(|v| v.len())
    .unwrap_or(0);
    let graph_status = graph_status(&ctx.paths.graph_root, driver, overlay.works);

    Info {
        registries,
        config_files: ConfigFiles {
            containers_conf,
            registries_conf,
            storage_conf: storage_conf.read.then(|| storage_conf.path.clone()),
        },
        host: Host {
            buildah_version: crate::engine::build::BUILDAH_VERSION.into(),
            conmon: Conmon {
                package: format!(
                    "skiff {} (built-in supervisor in conmon's role)",
                    env!("CARGO_PKG_VERSION")
                ),
                path: exe.clone(),
                version: format!("skiff supervisor {}", env!("CARGO_PKG_VERSION")),
            },
            event_logger: super::events::backend_name().into(),
            kernel,
            os: os_name(),
            arch: crate::engine::host_arch().to_string(),
            rootless: ctx.rootless,
            user: id.user.clone(),
            uid: id.uid,
            gid: id.gid,
            subuid_ranges: id.subuids.clone(),
            subgid_ranges: id.subgids.clone(),
            uid_map: mapping.uid_map,
            gid_map: mapping.gid_map,
            newuidmap,
            newgidmap,
            fuse,
            cgroup_manager: "cgroupfs".into(),
            cgroup_version: cgroups.version.split_whitespace().next().unwrap_or("v1").to_string(),
            cgroups,
            distribution: distribution(),
            hostname: nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_default(),
            cpus: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            log_driver: "k8s-file".into(),
            oci_runtime: OciRuntime {
                name: "skiff".into(),
                path: exe,
                package: format!("skiff {}", env!("CARGO_PKG_VERSION")),
                version: format!("skiff version {} (built-in runtime)", env!("CARGO_PKG_VERSION")),
            },
            security: Security { rootless: ctx.rootless },
            slirp4netns: Slirp4netns { executable: slirp.clone() },
            network: Network { pasta, slirp4netns: slirp, default: default.to_string(), tun_usable },
        },
        store: Store {
            graph_root: ctx.paths.graph_root.clone(),
            run_root: ctx.paths.run_root.clone(),
            config_dir: ctx.paths.config_dir.clone(),
            graph_root_usable,
            overlay_in_userns: overlay,
            driver,
            driver_reason,
            graph_driver_name: driver,
            graph_options: serde_json::Map::new(),
            graph_status,
            config_file: storage_conf.path,
            image_store: ImageStore { number: images },
            volume_path: crate::storage::volumes_dir(&ctx.paths.graph_root),
        },
        problems,
    }
}

/// podman's `registries` map: each `[[registry]]` by prefix, and the search list.
fn registries_map(r: &crate::image::registries::Registries) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    for e in &r.entries {
        m.insert(
            e.prefix.clone(),
            serde_json::json!({
                "Prefix": e.prefix,
                "Location": e.location,
                "Insecure": e.insecure,
                "Blocked": e.blocked,
                "Mirrors": null,
                "MirrorByDigestOnly": false,
                "PullFromMirror": "",
            }),
        );
    }
    m.insert("search".into(), serde_json::json!(r.search));
    m
}

/// podman's `graphStatus` keys for the driver in use.
fn graph_status(
    root: &Path,
    driver: StorageDriver,
    overlay_works: bool,
) -> serde_json::Map<String, serde_json::Value> {
    let fs = match crate::sys::host::filesystem_type(root) {
        Some(0xEF53) => "extfs".to_string(),
        Some(0x5846_5342) => "xfs".to_string(),
        Some(0x9123_683E) => "btrfs".to_string(),
        Some(0x0102_1994) => "tmpfs".to_string(),
        Some(0x794C_7630) => "overlayfs".to_string(),
        Some(t) => format!("{t:#x}"),
        None => "unknown".to_string(),
    };
    let mut m = serde_json::Map::new();
    m.insert("Backing Filesystem".into(), fs.into());
    if driver != StorageDriver::Vfs {
        m.insert("Native Overlay Diff".into(), overlay_works.to_string().into());
        m.insert("Supports d_type".into(), "true".into());
        m.insert("Using metacopy".into(), "false".into());
    }
    m
}

fn os_name() -> String {
    fs_err::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_string()))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// ID, VERSION_ID and VERSION_CODENAME of /etc/os-release, as podman's `host.distribution`.
fn distribution() -> Distribution {
    let text = fs_err::read_to_string("/etc/os-release").unwrap_or_default();
    let get = |key: &str| {
        text.lines()
            .find_map(|l| {
                l.strip_prefix(key).and_then(|v| v.strip_prefix('=')).map(|v| v.trim_matches('"').to_string())
            })
            .unwrap_or_else(|| "unknown".into())
    };
    Distribution { distribution: get("ID"), version: get("VERSION_ID"), codename: get("VERSION_CODENAME") }
}

fn fuse_status() -> Fuse {
    let device = "/dev/fuse".to_string();
    match fs_err::OpenOptions::new().read(true).write(true).open(&device) {
        Ok(_) => Fuse { device, usable: true, detail: "opened for reading and writing".into() },
        Err(e) => Fuse { device, usable: false, detail: e.to_string() },
    }
}

const CGROUP2_SUPER_MAGIC: i64 = 0x6367_7270;

fn cgroup_status(rootless: bool) -> Cgroups {
    let is_cg2 = |p: &str| crate::sys::host::filesystem_type(Path::new(p)) == Some(CGROUP2_SUPER_MAGIC);
    if is_cg2("/sys/fs/cgroup") {
        let own = fs_err::read_to_string("/proc/self/cgroup")
            .ok()
            .and_then(|s| s.lines().find_map(|l| l.strip_prefix("0::").map(str::to_string)))
            .unwrap_or_default();
        let dir = Path::new("/sys/fs/cgroup").join(own.trim_start_matches('/'));
        let controllers = fs_err::read_to_string(dir.join("cgroup.controllers")).unwrap_or_default();
        let writable = crate::sys::writable(&dir, false);
        let delegated = !rootless || writable;
        let detail = if delegated {
            format!("cgroup v2 at {}; controllers: {}", dir.display(), controllers.trim())
        } else {
            format!("cgroup v2, but {} is not writable by you: resource limits are unavailable rootless (systemd delegates a cgroup to user sessions)", dir.display())
        };
        return Cgroups { version: "v2".into(), delegated, detail };
    }
    let hybrid = is_cg2("/sys/fs/cgroup/unified");
    let extra = if hybrid {
        let c = fs_err::read_to_string("/sys/fs/cgroup/unified/cgroup.controllers").unwrap_or_default();
        format!(
            " (hybrid: a cgroup2 mount at /sys/fs/cgroup/unified holds only: {})",
            if c.trim().is_empty() { "no controllers" } else { c.trim() }
        )
    } else {
        String::new()
    };
    let delegated = !rootless;
    let detail = if rootless {
        format!("cgroup v1{extra}: not delegated to unprivileged users, so rootless containers run without resource limits")
    } else {
        format!("cgroup v1{extra}")
    };
    Cgroups { version: if hybrid { "v1 (hybrid)".into() } else { "v1".into() }, delegated, detail }
}

/// The kernel-overlay probe (see [`crate::rootfs::driver`]): `info` runs outside the storage
/// namespace, so a trial is made in a forked child that joins it.
fn overlay_probe(ctx: &Context) -> OverlayProbe {
    let host = rootfs::Host {
        run_root: &ctx.paths.run_root,
        rootless: ctx.rootless,
        trial: rootfs::Trial::Forked(&ctx.identity),
    };
    rootfs::driver::overlay_probe(&host)
}
