//! The OCI runtime spec of one container: the image config plus the `run` options, turned into the
//! `config.json` that the built-in runtime and external runtimes (crun, runc) execute alike.
//!
//! Owns podman's rules for what a container gets by default: entrypoint/cmd overrides, the
//! environment, the working directory, the user, the rootless default mounts, masked and
//! read-only paths, the default capability set, rlimits, and the seccomp profile choice.
//!
//! Invariants:
//! - Nearly pure: [`build`] reads only an explicitly named seccomp profile file, the host's
//!   environment for `-e KEY` entries without a value, the caller's RLIMIT_NOFILE and
//!   RLIMIT_NPROC (the defaults for those limits), and, for `--init` without
//!   [`RunOptions::init_binary`], this executable's path. The image's `/etc/passwd` and
//!   `/etc/group` are passed in as text by the caller.
//! - The spec is for a process that already runs inside skiff's rootless user namespace (as podman
//!   runs crun inside its own): `linux.namespaces` has mount, pid, uts, ipc, network and cgroup,
//!   never `user`, and there are no uid/gid mappings. Ids in the spec are container ids.
//! - Rootless cannot `mknod`: the standard devices ([`DEVICES`]) are left to the runtime, which
//!   bind-mounts the host's `/dev/X` (as crun and runc do), and `linux.devices` stays empty.
//! - `/sys` is a read-only `sysfs` mount when the container has a network namespace owned by
//!   skiff's user namespace (a new one, or the one skiff prepared: [`NetworkFiles`]), which is
//!   what lets a user namespace mount sysfs. With `--network host` it is an `rbind` of the
//!   host's instead (as podman does for rootless `--network host`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use oci_spec::image::Config as ImageConfig;
use oci_spec::runtime::{
    Capabilities, Capability, LinuxCapabilities, LinuxNamespace, LinuxNamespaceType, LinuxSeccomp, Mount,
    PosixRlimit, PosixRlimitBuilder, PosixRlimitType, Process, Root, Spec, User,
};

use super::{seccomp, user};

/// Errors of building a container's spec (also returned by [`super::user`] and
/// [`super::seccomp`]). Each names the value it refuses.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid user {value:?}: {reason}")]
    InvalidUser { value: String, reason: String },
    #[error("unable to find user {name}: no matching entries in passwd file")]
    UnknownUser { name: String },
    #[error("unable to find group {name}: no matching entries in group file")]
    UnknownGroup { name: String },
    #[error("cannot read env file {path}")]
    ReadEnvFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid env file {path}, line {line}: {reason}")]
    EnvFile { path: PathBuf, line: usize, reason: String },
    #[error("unknown capability {value:?}")]
    UnknownCapability { value: String },
    #[error("capability {value:?} cannot be both added and dropped")]
    CapabilityConflict { value: String },
    #[error("invalid ulimit {value:?}: {reason}")]
    InvalidUlimit { value: String, reason: String },
    #[error("invalid tmpfs {value:?}: {reason}")]
    InvalidTmpfs { value: String, reason: String },
    #[error("invalid working directory {value:?}: it must be an absolute path")]
    InvalidWorkdir { value: String },
    #[error("no command or entrypoint provided, and no CMD or ENTRYPOINT from image")]
    NoCommand,
    #[error("cannot find the skiff binary to bind-mount as --init")]
    InitBinary(#[source] std::io::Error),
    #[error("cannot read seccomp profile {path}")]
    ReadSeccompProfile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("seccomp profile {path} is not valid")]
    ParseSeccompProfile {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("seccomp: architecture {arch} is not supported")]
    SeccompArch { arch: String },
    #[error("seccomp: {syscall}: {reason}")]
    SeccompRule { syscall: String, reason: String },
    #[error("seccomp: the filter has {len} instructions, more than the kernel's limit of {max}")]
    SeccompTooLarge { len: usize, max: usize },
}

/// Which seccomp filter a container gets (`--security-opt seccomp=...`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Seccomp {
    /// [`seccomp::default_profile`] for the container's capabilities.
    #[default]
    Default,
    /// No filter (`seccomp=unconfined`).
    Unconfined,
    /// A docker/podman JSON profile file (`seccomp=PROFILE.json`).
    Profile(PathBuf),
}

/// What the command line says about one container, already split into values (the CLI does the
/// flag parsing; this module does the meaning).
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The container id (64 hex digits); its first 12 characters are the default hostname.
    pub id: String,
    /// `--entrypoint`: `None` keeps the image's, `Some(vec![])` (`--entrypoint ""`) clears it.
    /// Setting it also drops the image's `Cmd` (podman's rule) unless a command is given.
    pub entrypoint: Option<Vec<String>>,
    /// The arguments after the image; when not empty they replace the image's `Cmd`.
    pub command: Vec<String>,
    /// `--env-file` entries (from [`user::read_env_file`]) followed by the `-e` values, in
    /// command-line order; later entries win. `KEY` alone takes the host's value.
    pub env: Vec<String>,
    /// `-w`; must be absolute.
    pub workdir: Option<String>,
    /// `-u user[:group]`; `None` uses the image's `User`, else root.
    pub user: Option<String>,
    /// `--hostname`; default: the first 12 characters of [`RunOptions::id`].
    pub hostname: Option<String>,
    /// `--annotation`: copied into the spec. (Labels are container metadata, kept by the engine,
    /// and, as in podman, not part of the runtime spec.)
    pub annotations: BTreeMap<String, String>,
    /// `--read-only`: the root filesystem is mounted read-only, with writable tmpfs mounts on
    /// [`READ_ONLY_TMPFS`].
    pub read_only: bool,
    /// `--read-only-tmpfs=false`: no tmpfs mounts on [`READ_ONLY_TMPFS`] with `--read-only`.
    pub read_only_without_tmpfs: bool,
    /// `--cap-add`: `CAP_X`, `x` (any case) or `ALL`.
    pub cap_add: Vec<String>,
    /// `--cap-drop`: `CAP_X`, `x` (any case) or `ALL`.
    pub cap_drop: Vec<String>,
    /// `--security-opt no-new-privileges`.
    pub no_new_privileges: bool,
    /// `--security-opt seccomp=...`.
    pub seccomp: Seccomp,
    /// `--ulimit`: `nofile=1024:2048`, `nproc=512`, `core=-1` (`-1`/`unlimited` = no limit).
    pub ulimits: Vec<String>,
    /// `--init`: run [`INIT_PATH`] (skiff itself, bind-mounted) as pid 1 in front of the command.
    pub init: bool,
    /// The file bind-mounted at [`INIT_PATH`] for `--init`; default: this executable.
    pub init_binary: Option<PathBuf>,
    /// `--tmpfs`: `/run` or `/run:size=64m,mode=1777`.
    pub tmpfs: Vec<String>,
    /// `-t`: the process gets a terminal, and `TERM=xterm` unless set.
    pub tty: bool,
    /// The user's mounts (`-v`, `--mount`: binds, volumes, overlays, tmpfs), resolved to OCI
    /// mounts by the engine. Each replaces a default mount with the same destination; they are
    /// mounted after the defaults, parents before children (fewer path components first).
    pub mounts: Vec<Mount>,
    /// `--privileged`: every capability (less `--cap-drop`), no seccomp filter unless a profile
    /// is named, no masked or read-only paths.
    pub privileged: bool,
    /// `--network`: where the container's network namespace and name-resolution files come from.
    /// `None`: a new, unconfigured network namespace created with the container.
    pub network: Option<NetworkFiles>,
    /// `--userns`, `--uidmap`, `--gidmap` as asked (see [`crate::userns::mode`]).
    pub userns: crate::userns::mode::Request,
    /// The container's own user namespace, resolved by the engine from [`RunOptions::userns`];
    /// `None`: it runs in skiff's.
    pub userns_maps: Option<crate::userns::mode::Resolved>,
    /// `--group-add`: group names (from the image's /etc/group) or numbers.
    pub group_add: Vec<String>,
    /// The environment every container starts from, under the image's (containers.conf
    /// `[containers] env`; podman's default is `PATH=...` and `TERM=xterm`).
    pub default_env: Vec<String>,
    /// `--unsetenv`: keys dropped from the default, image and generated environment (`-e`
    /// values stay).
    pub unsetenv: Vec<String>,
    /// `--unsetenv-all`: only the `-e`/`--env-file` values (and `HOME`, `HOSTNAME`).
    pub unsetenv_all: bool,
    /// Files skiff generates for the container, bind-mounted last (after tmpfs mounts on `/run`
    /// and `/etc`) unless the user mounts something there: (destination, source on the host).
    /// `/run/.containerenv`, `/etc/localtime` of `--tz`, `/etc/passwd` of `--hostuser`.
    pub generated_files: Vec<(String, PathBuf)>,
    /// `--ipc`, `--pid`, `--uts`.
    pub namespaces: Namespaces,
}

/// `--ipc`, `--pid`, `--uts`: where the container's namespace of each kind comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Namespaces {
    pub ipc: NsMode,
    pub pid: NsMode,
    pub uts: NsMode,
}

/// One kind of namespace of a container (podman's modes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum NsMode {
    /// A namespace of its own (the default).
    #[default]
    Private,
    /// `ipc` only: its own namespace, which other containers may join (what podman calls the
    /// default of `--ipc`).
    Shareable,
    /// `ipc` only: its own namespace, without a `/dev/shm`.
    None,
    /// The host's (here: the one skiff runs in, which for ipc, pid and uts is the host's).
    Host,
    /// Another container's, by id: the engine puts the path of its namespace into the bundle at
    /// each start ([`NS_CONTAINER_ANNOTATION`]).
    Container(String),
    /// A namespace file (`ns:PATH`).
    Path(PathBuf),
}

/// The annotation prefix recording a `container:ID` mode: `<prefix><kind>` = the id.
pub const NS_CONTAINER_ANNOTATION: &str = "io.skiff.namespace.container.";
/// The annotation recording the mode of each kind as `inspect` shows it, when it is not the
/// default: `<prefix><kind>`.
pub const NS_MODE_ANNOTATION: &str = "io.skiff.namespace.mode.";

impl NsMode {
    /// Parses `--ipc`/`--pid`/`--uts` (`kind`: ipc, pid, uts) as podman accepts them; a
    /// `container:` value keeps the name or id given (the engine resolves it).
    pub fn parse(kind: &str, text: &str) -> Result<NsMode, String> {
        Ok(match text {
            "" | "private" => NsMode::Private,
            "host" => NsMode::Host,
            "shareable" if kind == "ipc" => NsMode::Shareable,
            "none" if kind == "ipc" => NsMode::None,
            _ => match text.split_once(':') {
                Some(("container", c)) if !c.is_empty() => NsMode::Container(c.to_string()),
                Some(("ns", p)) if p.starts_with('/') => NsMode::Path(PathBuf::from(p)),
                _ => {
                    let modes = if kind == "ipc" {
                        "host, private, shareable, none, container:NAME or ns:PATH"
                    } else {
                        "host, private, container:NAME or ns:PATH"
                    };
                    return Err(format!(
                        "unrecognized namespace mode {text} passed to --{kind}: use {modes}"
                    ));
                }
            },
        })
    }

    /// The mode as podman's `inspect` shows it (`HostConfig.IpcMode` ...).
    pub fn inspect_name(&self, kind: &str) -> String {
        match self {
            NsMode::Private if kind == "ipc" => "shareable".into(),
            NsMode::Private => "private".into(),
            NsMode::Shareable => "shareable".into(),
            NsMode::None => "none".into(),
            NsMode::Host => "host".into(),
            NsMode::Container(id) => format!("container:{id}"),
            NsMode::Path(p) => format!("ns:{}", p.display()),
        }
    }
}

/// The network side of a container's spec (see [`crate::network`]): skiff prepares these files
/// in the container's run-time directory, `<run_dirs>/<id>`, before the container starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkFiles {
    /// The directory holding the per-container run-time directories.
    pub run_dirs: PathBuf,
    /// `--network host`: no network namespace of its own (and `/sys` is a bind of the host's,
    /// since sysfs can only be mounted by the owner of the network namespace). Otherwise the
    /// container joins the namespace bind-mounted at `netns_file` in its run-time directory.
    pub host: bool,
    /// The name of the namespace's bind mount in a container's run-time directory (the network
    /// module owns it: `crate::network::NETNS_FILE`).
    pub netns_file: &'static str,
    /// The other namespaces (`ipc`, `uts`) the container joins: bind-mounted at `<kind>ns` in
    /// its run-time directory (a pod's infra container's).
    pub shared: Vec<String>,
}

/// The name-resolution files bind-mounted into the container from its run-time directory:
/// (file name there, destination).
pub const NETWORK_FILES: [(&str, &str); 3] =
    [("resolv.conf", "/etc/resolv.conf"), ("hosts", "/etc/hosts"), ("hostname", "/etc/hostname")];

/// The spec annotation naming the container's `--userns` mode (podman's key; `inspect` shows
/// it as `HostConfig.UsernsMode`).
pub const USERNS_ANNOTATION: &str = "io.podman.annotations.userns";

/// Where `--init` places the init binary inside the container; it runs as
/// `INIT_PATH -- <entrypoint + cmd>`.
pub const INIT_PATH: &str = "/run/skiff-init";

/// podman's default capability set for a container.
pub const DEFAULT_CAPABILITIES: [Capability; 11] = [
    Capability::Chown,
    Capability::DacOverride,
    Capability::Fowner,
    Capability::Fsetid,
    Capability::Kill,
    Capability::NetBindService,
    Capability::Setfcap,
    Capability::Setgid,
    Capability::Setpcap,
    Capability::Setuid,
    Capability::SysChroot,
];

/// Every capability `ALL` stands for (the kernel's set as of Linux 5.9, as oci-spec knows it).
const ALL_CAPABILITIES: [&str; 41] = [
    "AUDIT_CONTROL",
    "AUDIT_READ",
    "AUDIT_WRITE",
    "BLOCK_SUSPEND",
    "BPF",
    "CHECKPOINT_RESTORE",
    "CHOWN",
    "DAC_OVERRIDE",
    "DAC_READ_SEARCH",
    "FOWNER",
    "FSETID",
    "IPC_LOCK",
    "IPC_OWNER",
    "KILL",
    "LEASE",
    "LINUX_IMMUTABLE",
    "MAC_ADMIN",
    "MAC_OVERRIDE",
    "MKNOD",
    "NET_ADMIN",
    "NET_BIND_SERVICE",
    "NET_BROADCAST",
    "NET_RAW",
    "PERFMON",
    "SETGID",
    "SETFCAP",
    "SETPCAP",
    "SETUID",
    "SYS_ADMIN",
    "SYS_BOOT",
    "SYS_CHROOT",
    "SYS_MODULE",
    "SYS_NICE",
    "SYS_PACCT",
    "SYS_PTRACE",
    "SYS_RAWIO",
    "SYS_RESOURCE",
    "SYS_TIME",
    "SYS_TTY_CONFIG",
    "SYSLOG",
    "WAKE_ALARM",
];

/// podman's default masked paths (containers/common `DefaultMaskedPaths`).
pub const MASKED_PATHS: [&str; 13] = [
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/proc/interrupts",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
    "/sys/devices/virtual/powercap",
];

/// podman's default read-only paths (containers/common `DefaultReadOnlyPaths`).
pub const READONLY_PATHS: [&str; 6] =
    ["/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

/// The writable tmpfs mounts a `--read-only` container gets (podman's `--read-only-tmpfs`),
/// unless `--tmpfs` already mounts something there.
pub const READ_ONLY_TMPFS: [&str; 3] = ["/run", "/tmp", "/var/tmp"];

/// The device nodes every container gets. They are not spec mounts: every runtime creates them
/// itself (rootless: as bind mounts of the host's nodes), and runc fails on a spec that
/// bind-mounts one of them as well (it cannot re-create `/dev/tty` over the mount).
pub const DEVICES: [&str; 6] =
    ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty"];

/// Builds the runtime spec of a container.
///
/// `image` is the `config` section of the OCI image config (it supplies `Entrypoint`, `Cmd`,
/// `Env`, `WorkingDir` and `User`); `rootfs` becomes `root.path`; `passwd` and `group` are the
/// texts of the image's `/etc/passwd` and `/etc/group`, when it has them.
pub fn build(
    image: &ImageConfig,
    opts: &RunOptions,
    rootfs: &Path,
    passwd: Option<&str>,
    group: Option<&str>,
) -> Result<Spec, Error> {
    let image_string = |s: &Option<String>| s.as_deref().filter(|s| !s.is_empty()).map(str::to_string);

    // Arguments.
    let mut args = process_args(image, opts)?;
    let mut mounts = default_mounts();
    for t in &opts.tmpfs {
        mounts.push(tmpfs_mount(t)?);
    }
    if opts.read_only && !opts.read_only_without_tmpfs {
        // podman's --read-only-tmpfs (on by default): the usual scratch directories stay writable.
        for dest in READ_ONLY_TMPFS {
            let taken = |m: &Mount| m.destination() == Path::new(dest);
            if !mounts.iter().any(taken) && !opts.mounts.iter().any(taken) {
                mounts.push(mount(dest, "tmpfs", "tmpfs", &["rw", "nosuid", "nodev", TMPCOPYUP]));
            }
        }
    }
    if let Some(net) = &opts.network {
        let dir = net.run_dirs.join(&opts.id);
        for (file, dest) in NETWORK_FILES {
            let source = dir.join(file);
            mounts.push(mount(dest, "bind", &source.to_string_lossy(), &["rbind", "nosuid", "nodev", "rw"]));
        }
        if net.host {
            if let Some(sys) = mounts.iter_mut().find(|m| m.destination() == Path::new("/sys")) {
                *sys = mount("/sys", "bind", "/sys", &["rbind", "nosuid", "noexec", "nodev", "ro"]);
            }
        }
    }
    // The user's mounts, parents first (a stable sort keeps the command line's order otherwise).
    let mut user_mounts = opts.mounts.clone();
    user_mounts.sort_by_key(|m| m.destination().components().count());
    for m in user_mounts {
        mounts.retain(|d| d.destination() != m.destination());
        mounts.push(m);
    }
    // After the tmpfs mounts, so a tmpfs on /run does not hide them.
    for (dest, source) in &opts.generated_files {
        if !mounts.iter().any(|m| m.destination() == Path::new(dest)) {
            mounts.push(mount(dest, "bind", &source.to_string_lossy(), &["rbind", "nosuid", "nodev", "rw"]));
        }
    }
    if opts.init {
        let binary = match &opts.init_binary {
            Some(path) => path.clone(),
            None => std::env::current_exe().map_err(Error::InitBinary)?,
        };
        mounts.push(mount(INIT_PATH, "bind", &binary.to_string_lossy(), &["bind", "ro", "nosuid", "nodev"]));
        args.splice(0..0, [INIT_PATH.to_string(), "--".to_string()]);
    }

    // User.
    let image_user = image_string(image.user());
    // keep-id runs as the user's ids unless -u says otherwise (podman: over the image's User).
    let keep_id =
        opts.userns_maps.as_ref().and_then(|m| m.keep_id.as_ref()).map(|k| format!("{}:{}", k.uid, k.gid));
    let user_spec = opts.user.as_deref().or(keep_id.as_deref()).or(image_user.as_deref());
    let mut resolved = match user_spec {
        Some(u) => user::resolve(u, passwd, group)?,
        None => user::resolve("0", passwd, group)?,
    };
    for g in &opts.group_add {
        let gid = user::resolve_group(g, group)?;
        if gid != resolved.gid && !resolved.additional_gids.contains(&gid) {
            resolved.additional_gids.push(gid);
        }
    }

    // Working directory.
    let cwd = match &opts.workdir {
        Some(w) if w.starts_with('/') => w.clone(),
        Some(w) => return Err(Error::InvalidWorkdir { value: w.clone() }),
        None => match image_string(image.working_dir()) {
            Some(w) if w.starts_with('/') => w,
            Some(w) => format!("/{w}"),
            None => "/".to_string(),
        },
    };

    // Hostname and environment.
    let hostname = opts.hostname.clone().unwrap_or_else(|| opts.id.chars().take(12).collect());
    let env = environment(image, opts, &hostname, &resolved.home);

    // Capabilities and seccomp.
    let mut cap_add = opts.cap_add.clone();
    if opts.privileged {
        cap_add.push("ALL".to_string());
    }
    let caps = capability_set(&cap_add, &opts.cap_drop)?;
    let seccomp = match &opts.seccomp {
        Seccomp::Unconfined => None,
        Seccomp::Default if opts.privileged => None,
        Seccomp::Default => Some(seccomp::default_profile(&caps)),
        Seccomp::Profile(path) => Some(seccomp::load_profile(path, &caps)?),
    };
    let mut capabilities = LinuxCapabilities::default();
    capabilities.set_bounding(Some(caps.clone()));
    if resolved.uid == 0 {
        capabilities.set_effective(Some(caps.clone()));
        capabilities.set_permitted(Some(caps.clone()));
        capabilities.set_inheritable(Some(Capabilities::new()));
        capabilities.set_ambient(Some(Capabilities::new()));
    } else {
        // podman: a non-root user keeps only what --cap-add asked for, and keeps it across exec
        // through the ambient set.
        let added: Capabilities =
            parse_caps(&opts.cap_add)?.into_iter().filter(|c| caps.contains(c)).collect();
        capabilities.set_effective(Some(added.clone()));
        capabilities.set_permitted(Some(added.clone()));
        capabilities.set_inheritable(Some(added.clone()));
        capabilities.set_ambient(Some(added));
    }

    let mut process_user = User::default();
    process_user.set_uid(resolved.uid);
    process_user.set_gid(resolved.gid);
    process_user.set_umask(Some(0o022));
    process_user.set_additional_gids(
        (!resolved.additional_gids.is_empty()).then(|| resolved.additional_gids.clone()),
    );

    let mut process = Process::default();
    process.set_terminal(Some(opts.tty));
    process.set_user(process_user);
    process.set_args(Some(args));
    process.set_env(Some(env));
    process.set_cwd(PathBuf::from(cwd));
    process.set_capabilities(Some(capabilities));
    let mut rlimits: Vec<PosixRlimit> =
        opts.ulimits.iter().map(|u| parse_ulimit(u)).collect::<Result<_, _>>()?;
    add_default_rlimits(&mut rlimits);
    process.set_rlimits(Some(rlimits));
    process.set_no_new_privileges(Some(opts.no_new_privileges));
    process.set_apparmor_profile(None);
    process.set_oom_score_adj(None);
    process.set_selinux_label(None);

    let mut root = Root::default();
    root.set_path(rootfs.to_path_buf());
    root.set_readonly(Some(opts.read_only));

    let mut linux = oci_spec::runtime::Linux::default();
    linux.set_uid_mappings(None);
    linux.set_gid_mappings(None);
    let mut annotations: HashMap<String, String> =
        opts.annotations.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    if let Some(maps) = &opts.userns_maps {
        let ids = |m: &[crate::userns::IdMap]| {
            m.iter()
                .map(|m| {
                    oci_spec::runtime::LinuxIdMappingBuilder::default()
                        .container_id(m.container_id)
                        .host_id(m.host_id)
                        .size(m.size)
                        .build()
                        .expect("an id mapping has every field")
                })
                .collect::<Vec<_>>()
        };
        linux.set_uid_mappings(Some(ids(&maps.uid_map)));
        linux.set_gid_mappings(Some(ids(&maps.gid_map)));
        // sysfs can only be mounted by the owner of the network namespace, which is skiff's.
        if let Some(sys) = mounts
            .iter_mut()
            .find(|m| m.destination() == Path::new("/sys") && m.typ().as_deref() == Some("sysfs"))
        {
            *sys = mount("/sys", "bind", "/sys", &["rbind", "nosuid", "noexec", "nodev", "ro"]);
        }
    }
    let userns_name = opts.userns.mode.inspect_name();
    let userns_name =
        if opts.userns_maps.is_some() && userns_name.is_empty() { "private" } else { userns_name };
    if !userns_name.is_empty() {
        annotations.insert(USERNS_ANNOTATION.to_string(), userns_name.to_string());
    }
    linux.set_resources(None);
    linux.set_devices(None);
    linux.set_namespaces(Some(
        [
            LinuxNamespaceType::Mount,
            LinuxNamespaceType::Pid,
            LinuxNamespaceType::Uts,
            LinuxNamespaceType::Ipc,
            LinuxNamespaceType::Network,
            LinuxNamespaceType::Cgroup,
        ]
        .into_iter()
        .chain(opts.userns_maps.is_some().then_some(LinuxNamespaceType::User))
        .filter(|t| *t != LinuxNamespaceType::Network || !opts.network.as_ref().is_some_and(|n| n.host))
        .filter(|t| ns_mode(&opts.namespaces, *t) != Some(&NsMode::Host))
        .map(|t| {
            let mut ns = LinuxNamespace::default();
            ns.set_typ(t);
            if t == LinuxNamespaceType::Network {
                if let Some(net) = &opts.network {
                    ns.set_path(Some(net.run_dirs.join(&opts.id).join(net.netns_file)));
                }
            }
            let kind = match t {
                LinuxNamespaceType::Ipc => "ipc",
                LinuxNamespaceType::Uts => "uts",
                LinuxNamespaceType::Pid => "pid",
                _ => "",
            };
            if let Some(net) = opts.network.as_ref().filter(|n| n.shared.iter().any(|s| s == kind)) {
                ns.set_path(Some(net.run_dirs.join(&opts.id).join(format!("{kind}ns"))));
            }
            match ns_mode(&opts.namespaces, t) {
                Some(NsMode::Path(p)) => {
                    ns.set_path(Some(p.clone()));
                }
                // The engine writes the other container's current namespace here at each start.
                Some(NsMode::Container(_)) => {
                    ns.set_path(Some(PathBuf::from(format!("/proc/self/ns/{kind}"))));
                }
                _ => {}
            }
            ns
        })
        .collect(),
    ));
    if opts.privileged {
        linux.set_masked_paths(None);
        linux.set_readonly_paths(None);
    } else {
        linux.set_masked_paths(Some(MASKED_PATHS.iter().map(|p| p.to_string()).collect()));
        linux.set_readonly_paths(Some(READONLY_PATHS.iter().map(|p| p.to_string()).collect()));
    }
    linux.set_seccomp(seccomp);
    for (kind, mode) in
        [("ipc", &opts.namespaces.ipc), ("pid", &opts.namespaces.pid), ("uts", &opts.namespaces.uts)]
    {
        if *mode != NsMode::Private {
            annotations.insert(format!("{NS_MODE_ANNOTATION}{kind}"), mode.inspect_name(kind));
        }
        if let NsMode::Container(id) = mode {
            annotations.insert(format!("{NS_CONTAINER_ANNOTATION}{kind}"), id.clone());
        }
    }
    namespace_mounts(&opts.namespaces, &mut mounts);

    let mut spec = Spec::default();
    spec.set_version("1.0.2".to_string());
    // In the host's UTS namespace the host's name stays (setting it is refused there); a
    // joined one keeps the name its owner gave it.
    spec.set_hostname((opts.namespaces.uts == NsMode::Private).then_some(hostname));
    spec.set_root(Some(root));
    spec.set_mounts(Some(mounts));
    spec.set_process(Some(process));
    spec.set_annotations(Some(annotations));
    spec.set_linux(Some(linux));
    Ok(spec)
}

/// podman's override rules: `--entrypoint` replaces the image's entrypoint and drops its `Cmd`;
/// a command replaces `Cmd`. Returns the entrypoint and the command, which the process runs
/// joined (see [`process_args`]).
pub fn entrypoint_and_cmd(image: &ImageConfig, opts: &RunOptions) -> (Vec<String>, Vec<String>) {
    match &opts.entrypoint {
        Some(ep) => (ep.clone(), opts.command.clone()),
        None if opts.command.is_empty() => {
            (image.entrypoint().clone().unwrap_or_default(), image.cmd().clone().unwrap_or_default())
        }
        None => (image.entrypoint().clone().unwrap_or_default(), opts.command.clone()),
    }
}

/// The process's arguments: entrypoint + cmd ([`entrypoint_and_cmd`]), which must not be empty.
fn process_args(image: &ImageConfig, opts: &RunOptions) -> Result<Vec<String>, Error> {
    let (entrypoint, cmd) = entrypoint_and_cmd(image, opts);
    let args: Vec<String> = entrypoint.into_iter().chain(cmd).collect();
    if args.is_empty() {
        return Err(Error::NoCommand);
    }
    Ok(args)
}

fn mount(destination: &str, typ: &str, source: &str, options: &[&str]) -> Mount {
    let mut m = Mount::default();
    m.set_destination(PathBuf::from(destination));
    m.set_typ(Some(typ.to_string()));
    m.set_source(Some(PathBuf::from(source)));
    m.set_options(Some(options.iter().map(|o| o.to_string()).collect()));
    m
}

/// The annotation of `--preserve-fds N`: the built-in runtime keeps descriptors 3 to 3+N-1
/// open in the container (crun and runc take `--preserve-fds`).
pub const PRESERVE_FDS_ANNOTATION: &str = "run.skiff.preserve-fds";

/// The number of descriptors `spec` asks to be passed on (see [`PRESERVE_FDS_ANNOTATION`]).
pub fn preserved_fds(spec: &Spec) -> u32 {
    spec.annotations()
        .as_ref()
        .and_then(|a| a.get(PRESERVE_FDS_ANNOTATION))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The process environment, as podman builds it: containers.conf's defaults, the image's on
/// top, `--unsetenv` (or `--unsetenv-all`) applied, the generated `container`, `HOSTNAME`,
/// `HOME` (and `TERM` with `-t`) where unset, then the `-e`/`--env-file` values.
fn environment(image: &ImageConfig, opts: &RunOptions, hostname: &str, home: &str) -> Vec<String> {
    let key = |e: &str| e.split_once('=').map_or(e, |(k, _)| k).to_string();
    let host = |k: &str| std::env::var(k).ok();
    let mut base = Vec::new();
    if !opts.unsetenv_all {
        base = user::merge_env(&opts.default_env, &image.env().clone().unwrap_or_default(), &|_| None);
        user::set_default(&mut base, "container", "podman");
        if opts.tty {
            user::set_default(&mut base, "TERM", "xterm");
        }
        base.retain(|e| !opts.unsetenv.contains(&key(e)));
    }
    let user_set = |k: &str| opts.env.iter().any(|e| key(e) == k);
    let mut env = user::merge_env(&base, &opts.env, &host);
    if (opts.unsetenv_all || opts.unsetenv.iter().any(|k| k == "PATH")) && !user_set("PATH") {
        env.retain(|e| key(e) != "PATH");
    }
    for (k, v) in [("HOSTNAME", hostname), ("HOME", home)] {
        if !opts.unsetenv.iter().any(|u| u == k) {
            user::set_default(&mut env, k, v);
        }
    }
    env
}

/// The mode `namespaces` gives the namespace type `t` (ipc, pid, uts; `None` for the others).
fn ns_mode(namespaces: &Namespaces, t: LinuxNamespaceType) -> Option<&NsMode> {
    match t {
        LinuxNamespaceType::Ipc => Some(&namespaces.ipc),
        LinuxNamespaceType::Pid => Some(&namespaces.pid),
        LinuxNamespaceType::Uts => Some(&namespaces.uts),
        _ => None,
    }
}

/// The mounts the namespace modes change: a user namespace cannot mount procfs for the host's
/// pid namespace nor mqueue for the host's ipc namespace, so those are binds of the host's;
/// `--ipc=host` also sees the host's /dev/shm and `--ipc=none` has none. (`--ipc=container:`
/// joins the IPC namespace, SysV IPC and POSIX message queues, but keeps a /dev/shm of its own:
/// the other container's tmpfs lives in its mount namespace, which a bind cannot reach.)
fn namespace_mounts(namespaces: &Namespaces, mounts: &mut Vec<Mount>) {
    let replace = |mounts: &mut Vec<Mount>, dest: &str, new: Option<Mount>| {
        let default_type = |m: &Mount| m.typ().as_deref() != Some("bind");
        match (mounts.iter().position(|m| m.destination() == Path::new(dest) && default_type(m)), new) {
            (Some(i), Some(m)) => mounts[i] = m,
            (Some(i), None) => {
                mounts.remove(i);
            }
            (None, _) => {}
        }
    };
    if namespaces.pid == NsMode::Host {
        replace(
            mounts,
            "/proc",
            Some(mount("/proc", "bind", "/proc", &["rbind", "nosuid", "noexec", "nodev"])),
        );
    }
    match &namespaces.ipc {
        NsMode::Host => {
            replace(
                mounts,
                "/dev/shm",
                Some(mount("/dev/shm", "bind", "/dev/shm", &["rbind", "nosuid", "noexec", "nodev"])),
            );
            replace(
                mounts,
                "/dev/mqueue",
                Some(mount("/dev/mqueue", "bind", "/dev/mqueue", &["rbind", "nosuid", "noexec", "nodev"])),
            );
        }
        NsMode::None => replace(mounts, "/dev/shm", None),
        // mqueue can only be mounted by the owner of the ipc namespace joined, which for a
        // namespace file may be another user namespace: skip it.
        NsMode::Path(_) => replace(mounts, "/dev/mqueue", None),
        _ => {}
    }
}

/// The rootless default mounts, in mount order (see the module docs for `/sys`).
fn default_mounts() -> Vec<Mount> {
    vec![
        mount("/proc", "proc", "proc", &["nosuid", "noexec", "nodev"]),
        mount("/dev", "tmpfs", "tmpfs", &["nosuid", "strictatime", "mode=755", "size=65536k"]),
        // No gid=5: the tty group may not be mapped into the user namespace.
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            &["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"],
        ),
        mount("/dev/shm", "tmpfs", "shm", &["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
        mount("/dev/mqueue", "mqueue", "mqueue", &["nosuid", "noexec", "nodev"]),
        mount("/sys", "sysfs", "sysfs", &["nosuid", "noexec", "nodev", "ro"]),
        mount(
            "/sys/fs/cgroup",
            "cgroup",
            "cgroup",
            &["rprivate", "nosuid", "noexec", "nodev", "relatime", "ro"],
        ),
    ]
}

/// `--tmpfs DEST[:OPTIONS]`: podman's defaults `rw,noexec,nosuid,nodev`, each overridden by its
/// opposite (`exec`, `suid`, `dev`, `ro`) when given.
pub fn tmpfs_mount(value: &str) -> Result<Mount, Error> {
    let (dest, user_opts) = match value.split_once(':') {
        Some((d, o)) => (d, o),
        None => (value, ""),
    };
    if !dest.starts_with('/') {
        return Err(Error::InvalidTmpfs {
            value: value.to_string(),
            reason: "the destination must be an absolute path".into(),
        });
    }
    let mut options: Vec<String> = ["rw", "noexec", "nosuid", "nodev"].map(String::from).to_vec();
    let mut copy_up = None;
    for o in user_opts.split(',').map(str::trim).filter(|o| !o.is_empty()) {
        if matches!(o, "tmpcopyup" | "notmpcopyup") {
            // podman's words: either option, once.
            if copy_up.is_some() {
                return Err(Error::InvalidTmpfs {
                    value: value.to_string(),
                    reason: "cannot pass 'tmpcopyup' and 'notmpcopyup' options more than once".into(),
                });
            }
            copy_up = Some(o == "tmpcopyup");
            continue;
        }
        let opposite = match o {
            "ro" => Some("rw"),
            "rw" => Some("ro"),
            "exec" => Some("noexec"),
            "noexec" => Some("exec"),
            "suid" => Some("nosuid"),
            "nosuid" => Some("suid"),
            "dev" => Some("nodev"),
            "nodev" => Some("dev"),
            _ => None,
        };
        if let Some(opp) = opposite {
            options.retain(|x| x != opp);
        }
        if o.contains('=') {
            let key = o.split('=').next().unwrap_or_default();
            if !matches!(key, "size" | "mode" | "uid" | "gid" | "nr_inodes" | "nr_blocks" | "mpol") {
                return Err(Error::InvalidTmpfs {
                    value: value.to_string(),
                    reason: format!("unknown option {key:?}"),
                });
            }
        }
        if !options.iter().any(|x| x == o) {
            options.push(o.to_string());
        }
    }
    // As podman: a tmpfs starts with what the image has at its destination unless `notmpcopyup`.
    if copy_up != Some(false) {
        options.push(TMPCOPYUP.to_string());
    }
    let mut m = mount(dest, "tmpfs", "tmpfs", &[]);
    m.set_options(Some(options));
    Ok(m)
}

/// The mount option (crun's and runc's extension, skiff's runtime's too) that fills a new tmpfs
/// with what the root filesystem has at its destination.
pub const TMPCOPYUP: &str = "tmpcopyup";

fn parse_cap(value: &str) -> Result<Capability, Error> {
    let upper = value.trim().to_ascii_uppercase();
    let name = upper.strip_prefix("CAP_").unwrap_or(&upper);
    name.parse::<Capability>().map_err(|_| Error::UnknownCapability { value: value.to_string() })
}

fn is_all(value: &str) -> bool {
    value.trim().eq_ignore_ascii_case("all")
}

fn parse_caps(values: &[String]) -> Result<Vec<Capability>, Error> {
    values.iter().filter(|v| !is_all(v)).map(|v| parse_cap(v)).collect()
}

/// The container's capability set: podman's default set, or all of them with `--cap-add ALL`, or
/// none with `--cap-drop ALL`; then the named additions and removals. Naming one capability in
/// both lists is an error (as in podman).
pub fn capability_set(cap_add: &[String], cap_drop: &[String]) -> Result<Capabilities, Error> {
    let add = parse_caps(cap_add)?;
    let drop = parse_caps(cap_drop)?;
    if let Some(c) = add.iter().find(|c| drop.contains(c)) {
        return Err(Error::CapabilityConflict { value: format!("CAP_{c}") });
    }
    let mut set: HashSet<Capability> = if cap_add.iter().any(|v| is_all(v)) {
        ALL_CAPABILITIES.iter().filter_map(|n| n.parse().ok()).collect()
    } else if cap_drop.iter().any(|v| is_all(v)) {
        HashSet::new()
    } else {
        DEFAULT_CAPABILITIES.into_iter().collect()
    };
    set.extend(add);
    for c in &drop {
        set.remove(c);
    }
    Ok(set)
}

/// `--ulimit NAME=SOFT[:HARD]`; a missing hard limit equals the soft one; `-1` or `unlimited`
/// means no limit.
pub fn parse_ulimit(value: &str) -> Result<PosixRlimit, Error> {
    let bad = |reason: String| Error::InvalidUlimit { value: value.to_string(), reason };
    let (name, limits) = value.split_once('=').ok_or_else(|| bad("expected NAME=SOFT[:HARD]".into()))?;
    let typ = match name.trim() {
        "as" => PosixRlimitType::RlimitAs,
        "core" => PosixRlimitType::RlimitCore,
        "cpu" => PosixRlimitType::RlimitCpu,
        "data" => PosixRlimitType::RlimitData,
        "fsize" => PosixRlimitType::RlimitFsize,
        "locks" => PosixRlimitType::RlimitLocks,
        "memlock" => PosixRlimitType::RlimitMemlock,
        "msgqueue" => PosixRlimitType::RlimitMsgqueue,
        "nice" => PosixRlimitType::RlimitNice,
        "nofile" => PosixRlimitType::RlimitNofile,
        "nproc" => PosixRlimitType::RlimitNproc,
        "rss" => PosixRlimitType::RlimitRss,
        "rtprio" => PosixRlimitType::RlimitRtprio,
        "rttime" => PosixRlimitType::RlimitRttime,
        "sigpending" => PosixRlimitType::RlimitSigpending,
        "stack" => PosixRlimitType::RlimitStack,
        other => return Err(bad(format!("unknown resource {other:?}"))),
    };
    let number = |s: &str| -> Result<u64, Error> {
        match s.trim() {
            "-1" | "unlimited" => Ok(u64::MAX),
            n => n.parse::<u64>().map_err(|_| bad(format!("{n:?} is not a number"))),
        }
    };
    let (soft, hard) = match limits.split_once(':') {
        Some((s, h)) => (number(s)?, number(h)?),
        None => {
            let n = number(limits)?;
            (n, n)
        }
    };
    if soft > hard {
        return Err(bad(format!("the soft limit {soft} is greater than the hard limit {hard}")));
    }
    // The builder only fails on a missing field without a default; every field has one.
    Ok(PosixRlimitBuilder::default()
        .typ(typ)
        .soft(soft)
        .hard(hard)
        .build()
        .expect("PosixRlimit has defaults for every field"))
}

/// podman's rule: unless `--ulimit` sets them, the open-files and process limits are the caller's
/// own, written into the spec so that every runtime applies the same ones (runc, a Go program,
/// would otherwise pass on the raised soft limit Go gives itself).
fn add_default_rlimits(rlimits: &mut Vec<PosixRlimit>) {
    use nix::sys::resource::{getrlimit, Resource};
    for (typ, resource) in [
        (PosixRlimitType::RlimitNofile, Resource::RLIMIT_NOFILE),
        (PosixRlimitType::RlimitNproc, Resource::RLIMIT_NPROC),
    ] {
        if rlimits.iter().any(|r| r.typ() == typ) {
            continue;
        }
        if let Ok((soft, hard)) = getrlimit(resource) {
            let limit = PosixRlimitBuilder::default().typ(typ).soft(soft).hard(hard).build();
            rlimits.push(limit.expect("PosixRlimit has defaults for every field"));
        }
    }
}

/// The seccomp profile a spec carries, if any (convenience for callers and tests).
pub fn seccomp_of(spec: &Spec) -> Option<&LinuxSeccomp> {
    spec.linux().as_ref()?.seccomp().as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const ID: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn opts() -> RunOptions {
        RunOptions { id: ID.to_string(), ..Default::default() }
    }

    /// [`super::build`] from an image config as JSON (its `config` section is what counts).
    fn build(
        image_config: &Value,
        opts: &RunOptions,
        rootfs: &Path,
        passwd: Option<&str>,
        group: Option<&str>,
    ) -> Result<Spec, Error> {
        let config: ImageConfig =
            serde_json::from_value(image_config.get("config").cloned().unwrap_or(json!({}))).unwrap();
        super::build(&config, opts, rootfs, passwd, group)
    }

    fn image() -> Value {
        json!({"architecture": "amd64", "os": "linux", "config": {
            "Entrypoint": ["/entry"], "Cmd": ["serve", "--port", "80"],
            "Env": ["PATH=/usr/bin:/bin", "LANG=C.UTF-8"], "WorkingDir": "/srv"
        }})
    }

    fn build_with(o: &RunOptions) -> Result<Spec, Error> {
        build(&image(), o, Path::new("/tmp/rootfs"), None, None)
    }

    fn process(spec: &Spec) -> &Process {
        spec.process().as_ref().unwrap()
    }

    fn args(o: RunOptions) -> Vec<String> {
        process(&build_with(&o).unwrap()).args().clone().unwrap()
    }

    #[test]
    fn override_rules() {
        assert_eq!(args(opts()), ["/entry", "serve", "--port", "80"]);
        assert_eq!(args(RunOptions { command: vec!["sh".into()], ..opts() }), ["/entry", "sh"]);
        // --entrypoint drops the image's Cmd
        assert_eq!(args(RunOptions { entrypoint: Some(vec!["/bin/sh".into()]), ..opts() }), ["/bin/sh"]);
        assert_eq!(
            args(RunOptions {
                entrypoint: Some(vec!["/bin/sh".into()]),
                command: vec!["-c".into(), "id".into()],
                ..opts()
            }),
            ["/bin/sh", "-c", "id"]
        );
        // --entrypoint "" clears it
        assert_eq!(
            args(RunOptions { entrypoint: Some(vec![]), command: vec!["id".into()], ..opts() }),
            ["id"]
        );
        let e = build_with(&RunOptions { entrypoint: Some(vec![]), ..opts() }).unwrap_err();
        assert!(matches!(e, Error::NoCommand));
        let e = build(&json!({"config": {}}), &opts(), Path::new("/r"), None, None).unwrap_err();
        assert!(matches!(e, Error::NoCommand));
        // --init goes first
        let a = args(RunOptions { init: true, init_binary: Some("/usr/bin/skiff".into()), ..opts() });
        assert_eq!(a, [INIT_PATH, "--", "/entry", "serve", "--port", "80"]);
        let o =
            RunOptions { init: true, init_binary: Some("/usr/bin/skiff".into()), read_only: true, ..opts() };
        let mounts = build_with(&o).unwrap().mounts().clone().unwrap();
        let at = |d: &str| mounts.iter().position(|m| m.destination() == Path::new(d)).unwrap();
        assert!(at(INIT_PATH) > at("/run"));
        assert_eq!(mounts[at(INIT_PATH)].source().as_deref(), Some(Path::new("/usr/bin/skiff")));
    }

    #[test]
    fn cwd_env_hostname_terminal() {
        let spec =
            build_with(&RunOptions { tty: true, env: vec!["LANG=en_US".into(), "X=1".into()], ..opts() })
                .unwrap();
        let p = process(&spec);
        assert_eq!(p.cwd(), Path::new("/srv"));
        assert_eq!(spec.hostname().as_deref(), Some("0123456789ab"));
        assert_eq!(p.terminal(), Some(true));
        let env = p.env().clone().unwrap();
        assert_eq!(
            env,
            [
                "PATH=/usr/bin:/bin",
                "LANG=en_US",
                "container=podman",
                "TERM=xterm",
                "X=1",
                "HOSTNAME=0123456789ab",
                "HOME=/",
            ]
        );
        let spec =
            build_with(&RunOptions { workdir: Some("/tmp".into()), hostname: Some("web".into()), ..opts() })
                .unwrap();
        assert_eq!(process(&spec).cwd(), Path::new("/tmp"));
        assert_eq!(spec.hostname().as_deref(), Some("web"));
        assert!(process(&spec).env().as_ref().unwrap().contains(&"HOSTNAME=web".to_string()));
        assert!(!process(&spec).env().as_ref().unwrap().iter().any(|e| e.starts_with("TERM=")));
        assert!(matches!(
            build_with(&RunOptions { workdir: Some("rel".into()), ..opts() }),
            Err(Error::InvalidWorkdir { .. })
        ));
    }

    #[test]
    fn default_env_and_unsetenv() {
        let env = |o: RunOptions| process(&build_with(&o).unwrap()).env().clone().unwrap();
        let defaults = vec!["PATH=/usr/local/bin:/bin".to_string(), "TERM=xterm".to_string()];
        let e = env(RunOptions { default_env: defaults.clone(), ..opts() });
        // The image's PATH wins over the default; TERM comes from the defaults.
        assert!(
            e.contains(&"PATH=/usr/bin:/bin".to_string()) && e.contains(&"TERM=xterm".to_string()),
            "{e:?}"
        );
        assert!(e.contains(&"container=podman".to_string()));
        let e = env(RunOptions { default_env: defaults.clone(), unsetenv: vec!["TERM".into()], ..opts() });
        assert!(!e.iter().any(|v| v.starts_with("TERM=")) && e.contains(&"container=podman".to_string()));
        let e = env(RunOptions {
            default_env: defaults.clone(),
            unsetenv_all: true,
            env: vec!["TERM=abc".into()],
            ..opts()
        });
        assert!(e.contains(&"TERM=abc".to_string()), "{e:?}");
        for gone in ["PATH=", "container=", "LANG="] {
            assert!(!e.iter().any(|v| v.starts_with(gone)), "{gone} in {e:?}");
        }
    }

    #[test]
    fn user_from_option_or_image() {
        let passwd = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n";
        let group = "root:x:0:\nwheel:x:10:app\napp:x:1000:\n";
        let o = RunOptions { user: Some("app".into()), ..opts() };
        let spec = build(&image(), &o, Path::new("/r"), Some(passwd), Some(group)).unwrap();
        let u = process(&spec).user();
        assert_eq!((u.uid(), u.gid(), u.additional_gids().clone()), (1000, 1000, Some(vec![10])));
        assert!(process(&spec).env().as_ref().unwrap().contains(&"HOME=/home/app".to_string()));
        let mut img = image();
        img["config"]["User"] = json!("app:wheel");
        let spec = build(&img, &opts(), Path::new("/r"), Some(passwd), Some(group)).unwrap();
        assert_eq!((process(&spec).user().uid(), process(&spec).user().gid()), (1000, 10));
        let e = build(
            &image(),
            &RunOptions { user: Some("ghost".into()), ..opts() },
            Path::new("/r"),
            Some(passwd),
            None,
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "unable to find user ghost: no matching entries in passwd file"
        );
    }

    fn set(names: &[&str]) -> Capabilities {
        names.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_user_namespace_of_its_own_gets_its_maps_a_bound_sys_and_keep_ids_user() {
        use crate::userns::mode::{KeepId, Mode, Request, Resolved};
        use crate::userns::IdMap;
        let map = vec![
            IdMap { container_id: 0, host_id: 1, size: 1000 },
            IdMap { container_id: 1000, host_id: 0, size: 1 },
        ];
        let o = RunOptions {
            userns: Request { mode: Mode::KeepId { uid: None, gid: None }, ..Default::default() },
            userns_maps: Some(Resolved {
                uid_map: map.clone(),
                gid_map: map,
                keep_id: Some(KeepId { uid: 1000, gid: 1000 }),
            }),
            group_add: strings(&["457"]),
            ..opts()
        };
        let spec = build_with(&o).unwrap();
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux
            .namespaces()
            .iter()
            .flatten()
            .any(|n| n.typ() == LinuxNamespaceType::User && n.path().is_none()));
        let uids = linux.uid_mappings().clone().unwrap();
        assert_eq!((uids[1].container_id(), uids[1].host_id(), uids[1].size()), (1000, 0, 1));
        let sys = spec.mounts().iter().flatten().find(|m| m.destination() == Path::new("/sys")).unwrap();
        assert_eq!(sys.typ().as_deref(), Some("bind"));
        let u = process(&spec).user();
        assert_eq!((u.uid(), u.gid(), u.additional_gids().clone()), (1000, 1000, Some(vec![457])));
        assert_eq!(
            spec.annotations().as_ref().unwrap().get(USERNS_ANNOTATION).map(String::as_str),
            Some("keep-id")
        );
        // -u wins over keep-id's user
        let spec = build_with(&RunOptions { user: Some("0".into()), ..o }).unwrap();
        assert_eq!(process(&spec).user().uid(), 0);
        // no namespace of its own: none in the spec, no annotation
        let spec = build_with(&opts()).unwrap();
        assert!(spec.linux().as_ref().unwrap().uid_mappings().is_none());
        assert!(spec.annotations().as_ref().unwrap().get(USERNS_ANNOTATION).is_none());
    }

    #[test]
    fn capabilities_add_drop() {
        let default = capability_set(&[], &[]).unwrap();
        assert_eq!(default.len(), 11);
        let s = capability_set(&strings(&["net_admin", "CAP_SYS_PTRACE"]), &strings(&["cap_chown", "Kill"]))
            .unwrap();
        assert!(s.contains(&Capability::NetAdmin) && s.contains(&Capability::SysPtrace));
        assert!(!s.contains(&Capability::Chown) && !s.contains(&Capability::Kill));
        assert_eq!(capability_set(&strings(&["ALL"]), &[]).unwrap().len(), 41);
        assert_eq!(capability_set(&strings(&["all"]), &strings(&["SYS_ADMIN"])).unwrap().len(), 40);
        assert_eq!(capability_set(&strings(&["NET_RAW"]), &strings(&["ALL"])).unwrap(), set(&["NET_RAW"]));
        assert!(capability_set(&[], &strings(&["all"])).unwrap().is_empty());
        let e = capability_set(&strings(&["CAP_FLY"]), &[]).unwrap_err().to_string();
        assert_eq!(e, "unknown capability \"CAP_FLY\"");
        let e = capability_set(&strings(&["kill"]), &strings(&["CAP_KILL"])).unwrap_err().to_string();
        assert!(e.contains("CAP_KILL"), "{e}");

        let spec = build_with(&RunOptions { cap_add: strings(&["net_raw"]), ..opts() }).unwrap();
        let caps = process(&spec).capabilities().clone().unwrap();
        assert!(caps.bounding().as_ref().unwrap().contains(&Capability::NetRaw));
        assert_eq!(caps.effective(), caps.bounding());
        assert_eq!(caps.permitted(), caps.bounding());
        assert!(
            caps.inheritable().as_ref().unwrap().is_empty() && caps.ambient().as_ref().unwrap().is_empty()
        );
        // a non-root user keeps only the added capabilities, through the ambient set
        let spec =
            build_with(&RunOptions { user: Some("1000".into()), cap_add: strings(&["net_raw"]), ..opts() })
                .unwrap();
        let caps = process(&spec).capabilities().clone().unwrap();
        assert_eq!(caps.effective().clone().unwrap(), set(&["NET_RAW"]));
        assert_eq!(caps.ambient().clone().unwrap(), set(&["NET_RAW"]));
        assert_eq!(caps.bounding().as_ref().unwrap().len(), 12);
    }

    #[test]
    fn ulimits() {
        let r = parse_ulimit("nofile=1024:2048").unwrap();
        assert_eq!((r.typ(), r.soft(), r.hard()), (PosixRlimitType::RlimitNofile, 1024, 2048));
        let r = parse_ulimit("nproc=512").unwrap();
        assert_eq!((r.typ(), r.soft(), r.hard()), (PosixRlimitType::RlimitNproc, 512, 512));
        let r = parse_ulimit("core=-1").unwrap();
        assert_eq!((r.soft(), r.hard()), (u64::MAX, u64::MAX));
        let e = parse_ulimit("nofile=abc").unwrap_err().to_string();
        assert_eq!(e, "invalid ulimit \"nofile=abc\": \"abc\" is not a number");
        for bad in ["nofile", "files=1", "nofile=10:5", "nofile=1:x"] {
            let e = parse_ulimit(bad).unwrap_err().to_string();
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
        let e = build_with(&RunOptions { ulimits: strings(&["nofile=abc"]), ..opts() }).unwrap_err();
        assert!(matches!(e, Error::InvalidUlimit { .. }));
        let spec = build_with(&RunOptions { ulimits: strings(&["nofile=1024:2048", "nproc=512"]), ..opts() })
            .unwrap();
        assert_eq!(process(&spec).rlimits().as_ref().unwrap().len(), 2);
        // Unless set, nofile and nproc are the caller's own.
        let spec = build_with(&RunOptions { ulimits: strings(&["nofile=10:20"]), ..opts() }).unwrap();
        let rl = process(&spec).rlimits().clone().unwrap();
        let (soft, hard) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NPROC).unwrap();
        let nproc = rl.iter().find(|r| r.typ() == PosixRlimitType::RlimitNproc).unwrap();
        assert_eq!((nproc.soft(), nproc.hard()), (soft, hard));
        let nofile = rl.iter().find(|r| r.typ() == PosixRlimitType::RlimitNofile).unwrap();
        assert_eq!((nofile.soft(), nofile.hard()), (10, 20));
        assert_eq!(rl.len(), 2);
    }

    #[test]
    fn default_mounts_paths_and_namespaces() {
        let spec = build_with(&RunOptions {
            tmpfs: strings(&["/run:size=64m,mode=1777,exec"]),
            read_only: true,
            ..opts()
        })
        .unwrap();
        let mounts = spec.mounts().clone().unwrap();
        let find = |d: &str| {
            mounts.iter().find(|m| m.destination() == Path::new(d)).unwrap_or_else(|| panic!("{d}"))
        };
        for d in ["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup"] {
            find(d);
        }
        for d in DEVICES {
            assert!(!mounts.iter().any(|m| m.destination() == Path::new(d)), "{d} is the runtime's");
        }
        let pts = find("/dev/pts").options().clone().unwrap();
        assert!(pts.contains(&"newinstance".to_string()) && !pts.iter().any(|o| o.starts_with("gid=")));
        let run = find("/run").options().clone().unwrap();
        assert_eq!(run, strings(&["rw", "nosuid", "nodev", "size=64m", "mode=1777", "exec", "tmpcopyup"]));
        assert_eq!(mounts.iter().filter(|m| m.destination() == Path::new("/run")).count(), 1);
        assert_eq!(find("/tmp").typ().as_deref(), Some("tmpfs"));
        find("/var/tmp");
        let bare =
            build_with(&RunOptions { read_only: true, read_only_without_tmpfs: true, ..opts() }).unwrap();
        assert!(!bare.mounts().as_ref().unwrap().iter().any(|m| m.destination() == Path::new("/tmp")));
        let plain = build_with(&opts()).unwrap();
        assert!(!plain.mounts().as_ref().unwrap().iter().any(|m| m.destination() == Path::new("/tmp")));
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux.masked_paths().as_ref().unwrap().contains(&"/proc/kcore".to_string()));
        assert!(linux.readonly_paths().as_ref().unwrap().contains(&"/proc/sys".to_string()));
        let ns: Vec<_> = linux.namespaces().as_ref().unwrap().iter().map(|n| n.typ()).collect();
        assert_eq!(ns.len(), 6);
        assert!(!ns.contains(&LinuxNamespaceType::User));
        assert!(linux.uid_mappings().is_none() && linux.gid_mappings().is_none());
        assert_eq!(spec.root().as_ref().unwrap().readonly(), Some(true));
        assert!(matches!(tmpfs_mount("run"), Err(Error::InvalidTmpfs { .. })));
        assert!(tmpfs_mount("/run:bogus=1").unwrap_err().to_string().contains("/run:bogus=1"));
        let opts_of = |v: &str| tmpfs_mount(v).unwrap().options().clone().unwrap();
        assert_eq!(opts_of("/t"), strings(&["rw", "noexec", "nosuid", "nodev", "tmpcopyup"]));
        assert_eq!(opts_of("/t:notmpcopyup"), strings(&["rw", "noexec", "nosuid", "nodev"]));
        assert_eq!(
            opts_of("/t:tmpcopyup,size=1m"),
            strings(&["rw", "noexec", "nosuid", "nodev", "size=1m", "tmpcopyup"])
        );
        let both = tmpfs_mount("/t:tmpcopyup,notmpcopyup").unwrap_err().to_string();
        assert!(both.contains("/t:tmpcopyup,notmpcopyup") && both.contains("more than once"), "{both}");
    }

    #[test]
    fn user_mounts_replace_defaults_and_go_parents_first() {
        let bind = |dest: &str, src: &str| mount(dest, "bind", src, &["rbind", "ro"]);
        let o = RunOptions {
            mounts: vec![bind("/data/sub", "/h/sub"), bind("/data", "/h/data"), bind("/dev/shm", "/h/shm")],
            read_only: true,
            tmpfs: strings(&["/tmp"]),
            ..opts()
        };
        let mounts = build_with(&o).unwrap().mounts().clone().unwrap();
        let at = |d: &str| mounts.iter().position(|m| m.destination() == Path::new(d)).unwrap();
        assert!(at("/data") < at("/data/sub"));
        assert_eq!(mounts.iter().filter(|m| m.destination() == Path::new("/dev/shm")).count(), 1);
        assert_eq!(mounts[at("/dev/shm")].source().as_deref(), Some(Path::new("/h/shm")));
        let o = RunOptions { mounts: vec![bind("/run", "/h/run")], read_only: true, ..opts() };
        let mounts = build_with(&o).unwrap().mounts().clone().unwrap();
        let run: Vec<_> = mounts.iter().filter(|m| m.destination() == Path::new("/run")).collect();
        assert_eq!(run.len(), 1);
        assert_eq!(run[0].typ().as_deref(), Some("bind"));
    }

    #[test]
    fn seccomp_choice() {
        let spec = build_with(&opts()).unwrap();
        assert!(seccomp_of(&spec).is_some());
        let spec = build_with(&RunOptions { seccomp: Seccomp::Unconfined, ..opts() }).unwrap();
        assert!(seccomp_of(&spec).is_none());
    }

    #[test]
    fn seccomp_profile_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        fs_err::write(&path, "{ not json").unwrap();
        let e = build_with(&RunOptions { seccomp: Seccomp::Profile(path.clone()), ..opts() }).unwrap_err();
        assert!(e.to_string().contains(&path.display().to_string()), "{e}");
        let source = std::error::Error::source(&e).expect("the parse error is the cause").to_string();
        assert!(source.contains("line 1"), "{source}");
        let missing = dir.path().join("missing.json");
        let e = build_with(&RunOptions { seccomp: Seccomp::Profile(missing.clone()), ..opts() }).unwrap_err();
        assert!(e.to_string().contains("missing.json"), "{e}");
    }

    #[test]
    fn annotations_and_no_new_privileges() {
        let mut annotations = BTreeMap::new();
        annotations.insert("a".to_string(), "b".to_string());
        let spec = build_with(&RunOptions { annotations, no_new_privileges: true, ..opts() }).unwrap();
        assert_eq!(spec.annotations().as_ref().unwrap().get("a").map(String::as_str), Some("b"));
        assert_eq!(process(&spec).no_new_privileges(), Some(true));
    }

    #[test]
    fn privileged_has_every_capability_no_seccomp_and_no_masks() {
        let spec = build_with(&RunOptions { privileged: true, ..opts() }).unwrap();
        let caps = process(&spec).capabilities().clone().unwrap();
        assert_eq!(caps.bounding().as_ref().unwrap().len(), ALL_CAPABILITIES.len());
        assert!(seccomp_of(&spec).is_none());
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux.masked_paths().is_none() && linux.readonly_paths().is_none());
        let o = RunOptions { privileged: true, cap_drop: strings(&["sys_admin"]), ..opts() };
        let spec = build_with(&o).unwrap();
        let bounding = process(&spec).capabilities().clone().unwrap().bounding().clone().unwrap();
        assert_eq!(bounding.len(), ALL_CAPABILITIES.len() - 1);
        assert!(!bounding.contains(&Capability::SysAdmin));
    }

    #[test]
    fn json_round_trip() {
        let spec =
            build_with(&RunOptions { tty: true, ulimits: strings(&["nofile=10:20"]), ..opts() }).unwrap();
        let text = serde_json::to_string(&spec).unwrap();
        let back: Spec = serde_json::from_str(&text).unwrap();
        assert_eq!(back, spec);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["process"]["capabilities"]["bounding"].as_array().unwrap().len(), 11);
        assert!(v["linux"].get("uidMappings").is_none());
    }
}
