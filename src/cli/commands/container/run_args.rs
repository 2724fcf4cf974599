//! The flags of `run`/`create` for the container's surroundings, as podman has them: the id and
//! pid files, the time zone, the log driver and its options, host users in `/etc/passwd`, the
//! environment's defaults (`--unsetenv`, containers.conf `env`), and the resource limits, which
//! a rootless container without a delegated cgroup cannot have (said in one line, as podman).
//!
//! [`RunConfigArgs::resolve`] checks them all before anything is pulled or created;
//! [`Resolved::apply`] fills in the create options; [`Resolved::created`] writes the `--cidfile`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::cli::diag::WithExit;
use crate::cli::printer::Printer;
use crate::cli::Exit;
use crate::engine::containers::{self, CreateOptions, Extras, RunOptions};
use crate::engine::containers_conf;
use crate::engine::volumes::ImageVolumeMode;

/// podman's `[containers] env` default.
const DEFAULT_ENV: [&str; 2] =
    ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"];

/// Where `--tz NAME` is looked up.
const ZONEINFO: &str = "/usr/share/zoneinfo";

#[derive(Debug, Clone, Default, clap::Args)]
pub struct RunConfigArgs {
    /// Write the container's id to FILE (refused when FILE exists)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Write the pid of the container's supervisor (podman: conmon) to FILE at each start
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<PathBuf>,
    /// Write the pid of the container's first process to FILE at each start
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// The container's time zone: a zoneinfo name (Europe/Berlin), or "local" for the host's
    /// (default: containers.conf tz, else UTC)
    #[arg(long, value_name = "TZ")]
    pub tz: Option<String>,
    /// Where the container's output goes: k8s-file (json-file is an alias), none, passthrough
    /// (default: containers.conf log_driver, else k8s-file)
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// A log option: max-size=SIZE (the log is truncated beyond), tag=TAG, path=FILE; repeatable
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,
    /// Pass descriptors 3 to 3+N-1 of this process on to the container (`run` only)
    #[arg(skip)]
    pub preserve_fds: u32,
    /// Kill the container after this many seconds (0: never); it then exits with -1, as in podman
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    /// Add the host's user NAME or UID to the container's /etc/passwd; repeatable
    #[arg(long, value_name = "USER")]
    pub hostuser: Vec<String>,
    /// Remove KEY from the default, image and generated environment; repeatable
    #[arg(long, value_name = "KEY")]
    pub unsetenv: Vec<String>,
    /// Start from an empty environment: only the -e and --env-file values (and HOME, HOSTNAME)
    #[arg(long)]
    pub unsetenv_all: bool,
    /// Memory limit (e.g. 512m, 2g); not applied rootless without a delegated cgroup
    #[arg(short = 'm', long, value_name = "SIZE")]
    pub memory: Option<String>,
    /// Memory soft limit; not applied rootless without a delegated cgroup
    #[arg(long, value_name = "SIZE")]
    pub memory_reservation: Option<String>,
    /// Memory plus swap limit (-1: unlimited); not applied rootless without a delegated cgroup
    #[arg(long, value_name = "SIZE")]
    pub memory_swap: Option<String>,
    /// Swappiness, 0 to 100; not applied rootless without a delegated cgroup
    #[arg(long, value_name = "N")]
    pub memory_swappiness: Option<i64>,
    /// Number of CPUs (e.g. 1.5); not applied rootless without a delegated cgroup
    #[arg(long, value_name = "N")]
    pub cpus: Option<f64>,
    /// CPU shares (relative weight); not applied rootless without a delegated cgroup
    #[arg(short = 'c', long, value_name = "N")]
    pub cpu_shares: Option<u64>,
    /// CPU CFS period in microseconds; not applied rootless without a delegated cgroup
    #[arg(long, value_name = "US")]
    pub cpu_period: Option<u64>,
    /// CPU CFS quota in microseconds; not applied rootless without a delegated cgroup
    #[arg(long, value_name = "US")]
    pub cpu_quota: Option<i64>,
    /// CPUs to run on (0-3, 0,1); not applied rootless without a delegated cgroup
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes to use (0-3, 0,1); not applied rootless without a delegated cgroup
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,
    /// Limit on the number of processes (-1: unlimited); not applied rootless without a
    /// delegated cgroup
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub pids_limit: Option<i64>,
    /// Block IO weight, 10 to 1000; not applied rootless without a delegated cgroup
    #[arg(long, value_name = "N")]
    pub blkio_weight: Option<u16>,
    /// Give the container a secret: NAME[,type=mount|env][,target=PATH|VAR][,uid=0][,gid=0][,mode=OCTAL]
    /// (mount: a read-only file, /run/secrets/NAME by default; env: a variable); repeatable
    #[arg(long, value_name = "SECRET")]
    pub secret: Vec<String>,
    /// What the image's VOLUMEs become: bind (an anonymous volume each), tmpfs (a tmpfs each,
    /// with the image's content), ignore (nothing) (default: containers.conf image_volume_mode,
    /// else bind)
    #[arg(long, value_name = "MODE")]
    pub image_volume: Option<String>,
    /// No longer supported by the kernel: accepted with a warning and ignored, as podman does
    #[arg(long, value_name = "SIZE", hide = true)]
    pub kernel_memory: Option<String>,
}

/// [`RunConfigArgs`], checked and resolved.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    cidfile: Option<PathBuf>,
    extras: Extras,
    localtime: Option<PathBuf>,
    hostusers: Vec<String>,
    default_env: Vec<String>,
    unsetenv: Vec<String>,
    unsetenv_all: bool,
    timeout: Option<u64>,
    preserve_fds: u32,
    secrets: Vec<crate::engine::secrets::Use>,
    image_volume: ImageVolumeMode,
}

impl RunConfigArgs {
    /// Checks every flag (with containers.conf's defaults) and prints the warnings podman
    /// prints for the flags it ignores.
    pub fn resolve(&self, printer: &Printer, rootless: bool) -> anyhow::Result<Resolved> {
        let conf = containers_conf::get()?;
        if let Some(path) = &self.cidfile {
            if path.exists() {
                anyhow::bail!(
                    "container id file exists. Ensure another container is not using it or delete {}",
                    path.display()
                );
            }
        }
        let mut extras = Extras {
            conmon_pidfile: self.conmon_pidfile.as_deref().map(absolute).transpose()?,
            pidfile: self.pidfile.as_deref().map(absolute).transpose()?,
            log_tag: conf.containers.log_tag.clone().filter(|t| !t.is_empty()),
            log_size_max: conf.containers.log_size_max.and_then(|n| u64::try_from(n).ok()).filter(|&n| n > 0),
            ..Default::default()
        };
        // containers.conf's journald (skiff writes no journal) falls back to k8s-file; asked for
        // on the command line, it is an error.
        let from_conf = conf.containers.log_driver.clone().filter(|d| d != "journald" && !d.is_empty());
        let driver = self.log_driver.clone().or(from_conf);
        if let Some(driver) = driver {
            containers::check_log_driver(&driver).map_err(anyhow::Error::msg)?;
            extras.log_driver = driver;
        }
        for opt in &self.log_opt {
            apply_log_opt(&mut extras, opt)?;
        }
        let tz = self.tz.clone().or_else(|| conf.containers.tz.clone()).filter(|t| !t.is_empty());
        let localtime = tz.as_deref().map(zone_file).transpose()?;
        let hostusers = self.hostuser.iter().map(|u| host_passwd_line(u)).collect::<anyhow::Result<_>>()?;
        let secrets = self
            .secret
            .iter()
            .map(|t| crate::engine::secrets::Use::parse(t).with_context(|| format!("--secret {t:?}")))
            .collect::<anyhow::Result<_>>()?;
        let image_volume = self
            .image_volume
            .as_deref()
            .or(conf.engine.image_volume_mode.as_deref())
            .map(str::parse::<ImageVolumeMode>)
            .transpose()?
            .unwrap_or_default();
        self.check_resources()?;
        if let Some(k) = &self.kernel_memory {
            memory_size("kernel-memory", k)?;
            printer.warn("The --kernel-memory flag is no longer supported. This flag is a noop.");
        }
        if self.has_resources() && rootless {
            printer.error(&resources_ignored());
        }
        Ok(Resolved {
            cidfile: self.cidfile.clone(),
            extras,
            localtime,
            hostusers,
            default_env: conf
                .containers
                .env
                .clone()
                .unwrap_or_else(|| DEFAULT_ENV.iter().map(|s| s.to_string()).collect()),
            unsetenv: self.unsetenv.clone(),
            unsetenv_all: self.unsetenv_all,
            secrets,
            timeout: self.timeout,
            preserve_fds: check_preserved_fds(self.preserve_fds)?,
            image_volume,
        })
    }

    fn has_resources(&self) -> bool {
        self.memory.is_some()
            || self.memory_reservation.is_some()
            || self.memory_swap.is_some()
            || self.memory_swappiness.is_some()
            || self.cpus.is_some()
            || self.cpu_shares.is_some()
            || self.cpu_period.is_some()
            || self.cpu_quota.is_some()
            || self.cpuset_cpus.is_some()
            || self.cpuset_mems.is_some()
            || self.pids_limit.is_some()
            || self.blkio_weight.is_some()
    }

    fn check_resources(&self) -> anyhow::Result<()> {
        for (name, v) in [
            ("memory", &self.memory),
            ("memory-reservation", &self.memory_reservation),
            ("memory-swap", &self.memory_swap),
        ] {
            if let Some(v) = v {
                if !(name == "memory-swap" && v == "-1") {
                    memory_size(name, v)?;
                }
            }
        }
        if let Some(s) = self.memory_swappiness {
            if !(-1..=100).contains(&s) {
                anyhow::bail!("invalid value for memory-swappiness: {s}: expected 0 to 100");
            }
        }
        if let Some(c) = self.cpus {
            if !c.is_finite() || c < 0.0 {
                anyhow::bail!("invalid value for cpus: {c}");
            }
        }
        for (name, v) in [("cpuset-cpus", &self.cpuset_cpus), ("cpuset-mems", &self.cpuset_mems)] {
            if let Some(v) = v {
                let ok = v.split(',').all(|part| {
                    let mut ends = part.splitn(2, '-');
                    ends.all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                });
                if !ok {
                    anyhow::bail!("invalid value for {name}: {v:?}: expected a list such as 0-2,4");
                }
            }
        }
        if let Some(w) = self.blkio_weight {
            if !(10..=1000).contains(&w) {
                anyhow::bail!("invalid value for blkio-weight: {w}: expected 10 to 1000");
            }
        }
        Ok(())
    }
}

/// As podman: published ports of a container on the host's network are dropped, with podman's
/// line saying so. (`none` and `container:` keep skiff's error for now.)
pub fn discard_ports(request: &mut crate::engine::network::Request, printer: &Printer) {
    let own_less = request.mode.last().is_some_and(|m| m == "host");
    if own_less && (!request.publish.is_empty() || request.publish_all) {
        printer.error("Port mappings have been discarded as one of the Host, Container, Pod, and None network modes are in use");
        request.publish.clear();
        request.publish_all = false;
    }
}

/// `--preserve-fds N`: descriptors 3 to 3+N-1 must be open.
fn check_preserved_fds(n: u32) -> anyhow::Result<u32> {
    for fd in 3..3 + n as i32 {
        if nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFD).is_err() {
            anyhow::bail!("invalid --preserve-fds {n}: file descriptor {fd} is not open");
        }
    }
    Ok(n)
}

/// The one line podman prints when it ignores resource limits.
fn resources_ignored() -> String {
    if is_cgroup_v2() {
        "Resource limits are not supported and ignored: skiff does not manage a delegated cgroup for rootless containers".into()
    } else {
        "Resource limits are not supported and ignored on cgroups V1 rootless systems".into()
    }
}

fn is_cgroup_v2() -> bool {
    nix::sys::statfs::statfs("/sys/fs/cgroup")
        .map(|s| s.filesystem_type() == nix::sys::statfs::CGROUP2_SUPER_MAGIC)
        .unwrap_or(false)
}

/// A memory size as podman reads it (`RAMInBytes`: binary units b, k, m, g, with or without b).
fn memory_size(name: &str, text: &str) -> anyhow::Result<u64> {
    let t = text.trim().to_ascii_lowercase();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(end);
    let mult: u64 = match unit.strip_suffix('b').unwrap_or(unit) {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        "t" => 1 << 40,
        _ => 0,
    };
    match num.parse::<f64>() {
        Ok(n) if mult > 0 && n >= 0.0 && !(unit == "b" && num.is_empty()) => Ok((n * mult as f64) as u64),
        _ => anyhow::bail!("invalid value for {name}: invalid size: '{text}'"),
    }
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    std::path::absolute(path).with_context(|| format!("invalid path {}", path.display()))
}

/// One `--log-opt KEY=VALUE`.
fn apply_log_opt(extras: &mut Extras, opt: &str) -> anyhow::Result<()> {
    let (key, value) = opt.split_once('=').unwrap_or((opt, ""));
    match key {
        "max-size" => {
            let size = crate::engine::logs::parse_human_size(value)
                .ok_or_else(|| anyhow::anyhow!("invalid --log-opt {opt:?}: invalid size: '{value}'"))?;
            extras.log_size_max = (size > 0).then_some(size);
        }
        "tag" => extras.log_tag = Some(value.to_string()),
        "path" if value.starts_with('/') => extras.log_path = Some(PathBuf::from(value)),
        "path" => anyhow::bail!("invalid --log-opt {opt:?}: the path must be absolute"),
        // podman passes other options to the log driver, which ignores what it does not know.
        _ if opt.contains('=') => {}
        _ => anyhow::bail!("invalid --log-opt {opt:?}: expected KEY=VALUE"),
    }
    Ok(())
}

/// The zoneinfo file of `--tz`: `local` is the host's `/etc/localtime`, anything else a name
/// under `/usr/share/zoneinfo`.
fn zone_file(tz: &str) -> anyhow::Result<PathBuf> {
    if tz == "local" {
        let local = PathBuf::from("/etc/localtime");
        return match local.canonicalize() {
            Ok(p) => Ok(p),
            Err(e) => anyhow::bail!("--tz local: cannot read the host's time zone {}: {e}", local.display()),
        };
    }
    let bad = tz.starts_with('/') || tz.split('/').any(|p| p.is_empty() || p == "." || p == "..");
    let path = Path::new(ZONEINFO).join(tz);
    if bad || !path.is_file() {
        anyhow::bail!("invalid --tz {tz:?}: no time zone {} (see {ZONEINFO})", path.display());
    }
    Ok(path)
}

/// The host's passwd line of `--hostuser` NAME or UID; an unknown user fails as podman's start
/// does (exit 126).
fn host_passwd_line(user: &str) -> anyhow::Result<String> {
    let found = match user.parse::<u32>() {
        Ok(uid) => nix::unistd::User::from_uid(uid.into()),
        Err(_) => nix::unistd::User::from_name(user),
    };
    match found {
        Ok(Some(u)) => Ok(format!(
            "{}:x:{}:{}:{}:{}:{}",
            u.name,
            u.uid,
            u.gid,
            u.gecos.to_string_lossy(),
            u.dir.display(),
            u.shell.display()
        )),
        _ => Err(WithExit {
            message: format!("--hostuser {user:?}: no such user on the host"),
            exit: Exit::from_status(126),
        }
        .into()),
    }
}

impl Resolved {
    /// Fills in the run and create options.
    pub fn apply(&self, opts: &mut RunOptions, with: &mut CreateOptions) {
        opts.default_env = self.default_env.clone();
        opts.unsetenv = self.unsetenv.clone();
        opts.unsetenv_all = self.unsetenv_all;
        with.extras = self.extras.clone();
        with.localtime = self.localtime.clone();
        with.hostusers = self.hostusers.clone();
        with.timeout = self.timeout;
        with.image_volume = self.image_volume;
        if self.preserve_fds > 0 {
            opts.annotations
                .insert(containers::PRESERVE_FDS_ANNOTATION.to_string(), self.preserve_fds.to_string());
        }
    }

    /// The `--secret` uses, parsed.
    pub fn secrets(&self) -> &[crate::engine::secrets::Use] {
        &self.secrets
    }

    /// After the container is created: writes `--cidfile`.
    pub fn created(&self, id: &str) -> anyhow::Result<()> {
        if let Some(path) = &self.cidfile {
            use std::io::Write;
            let mut f = fs_err::OpenOptions::new().write(true).create_new(true).open(path)?;
            f.write_all(id.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_sizes_are_binary() {
        assert_eq!(memory_size("memory", "100m").unwrap(), 100 << 20);
        assert_eq!(memory_size("memory", "0").unwrap(), 0);
        assert_eq!(memory_size("memory", "1g").unwrap(), 1 << 30);
        assert_eq!(memory_size("memory", "512kb").unwrap(), 512 << 10);
        let e = memory_size("memory", "abc").unwrap_err().to_string();
        assert_eq!(e, "invalid value for memory: invalid size: 'abc'");
        assert!(memory_size("memory", "10x").is_err());
    }

    #[test]
    fn log_opts() {
        let mut x = Extras::default();
        apply_log_opt(&mut x, "max-size=3.023m").unwrap();
        assert_eq!(x.log_size_max, Some(3_023_000));
        apply_log_opt(&mut x, "tag=web").unwrap();
        assert_eq!(x.log_tag.as_deref(), Some("web"));
        assert!(apply_log_opt(&mut x, "max-size=lots").unwrap_err().to_string().contains("lots"));
        assert!(apply_log_opt(&mut x, "path=rel").is_err());
        assert!(apply_log_opt(&mut x, "novalue").unwrap_err().to_string().contains("novalue"));
    }

    #[test]
    fn zones() {
        if Path::new("/usr/share/zoneinfo/UTC").is_file() {
            assert_eq!(zone_file("UTC").unwrap(), Path::new("/usr/share/zoneinfo/UTC"));
        }
        for bad in ["Bogus/Zone", "../etc/passwd", "/etc/passwd", ""] {
            assert!(zone_file(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwd_lines_of_host_users() {
        assert!(host_passwd_line("root").unwrap().starts_with("root:x:0:0:"));
        assert!(host_passwd_line("0").unwrap().starts_with("root:x:0:0:"));
        assert!(host_passwd_line("no-such-user-xyz").is_err());
    }
}
