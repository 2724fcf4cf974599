//! The network steps of a container's life, below the CLI: checking the network settings of a
//! container about to be created ([`config`], [`prepare`]), storing and reading them next to its
//! bundle ([`save_config`], [`load_config`]), joining the user namespace of the container a
//! `container:NAME` mode shares ([`enter_joined_userns`]), setting the network up before the
//! supervisor starts ([`setup`]) and tearing it down after the exit ([`teardown`]), and what
//! `ps`, `port` and `inspect` show of it ([`state`], [`dead_helper`]).
//!
//! The settings live in `bundle/network.json` (written with the container's record, read by
//! every start); what a start set up lives in the run-time directory (see [`crate::network`]).
//! `container.pid` of the joined container is read through [`super::lifecycle::read_pid`].

use std::path::{Path, PathBuf};

use super::containers::{self, run_dir};
use super::Context;
use crate::network::{self, files, Joined};
use crate::runtime::spec::{NetworkFiles, RunOptions};
use crate::runtime::supervisor;
use crate::storage::containers as records;
use crate::storage::{ContainerRecord, State as RecordState, Store};

pub use crate::network::{Config, Mode, PortMapping, Proto, State};

/// Errors of the network steps.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad `--network` or `-p` value (its own message says which).
    #[error(transparent)]
    Invalid(crate::network::Error),
    #[error(
        "cannot publish ports with --network {mode}: only pasta and slirp4netns publish ports (the ports of --network host are the host's)"
    )]
    PublishNotSupported { mode: Mode },
    #[error("invalid --dns {value:?}: not an IP address")]
    InvalidDns { value: String },
    #[error("invalid --add-host {value:?}: {reason}")]
    InvalidAddHost { value: String, reason: String },
    #[error("invalid --network container:{key}")]
    JoinedUnknown {
        key: String,
        #[source]
        source: records::Error,
    },
    #[error("invalid --network container:{key}: container {id} is not running")]
    JoinedNotRunning { key: String, id: String },
    /// Joining the user namespace of a `container:` mode's container failed.
    #[error(transparent)]
    JoinUserns(crate::network::Error),
    #[error("cannot set up the network of container {id}")]
    Setup {
        id: String,
        #[source]
        source: crate::network::Error,
    },
    #[error("cannot read the bundle of container {id}")]
    Bundle {
        id: String,
        #[source]
        source: oci_spec::OciSpecError,
    },
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read {path}")]
    Parse {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Networks(#[from] Box<super::networks::Error>),
    #[error("invalid --network: only networks (not pasta, slirp4netns, none, host or container:) can be given more than once")]
    SeveralModes,
    #[error("--network-alias, --ip and --mac-address need --network bridge or a network's name, not --network {mode}")]
    NotOnNetwork { mode: Mode },
    #[error(
        "invalid --mac-address {value:?}: expected six hex bytes such as 0a:58:0a:59:00:02 (not multicast)"
    )]
    InvalidMac { value: String },
    #[error("invalid --network-alias {value:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    InvalidAlias { value: String },
    #[error(transparent)]
    Pod(Box<super::pods::Error>),
    #[error("invalid --network slirp4netns option {value:?}: expected allow_host_loopback=BOOL, cidr=NET/LEN, enable_ipv6=BOOL, mtu=N, outbound_addr=ADDR, outbound_addr6=ADDR or port_handler=rootlesskit|slirp4netns")]
    SlirpOption { value: String },
    #[error("invalid --ip {ip}: not in subnet {subnet} of network {network}")]
    IpOutsideSubnet { ip: std::net::Ipv4Addr, subnet: String, network: String },
}

impl From<super::networks::Error> for Error {
    fn from(e: super::networks::Error) -> Self {
        Error::Networks(Box::new(e))
    }
}

impl Error {
    /// What the user can do about it, where skiff knows (the network layer's hints).
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Invalid(e) | Error::JoinUserns(e) | Error::Setup { source: e, .. } => e.hint(),
            _ => None,
        }
    }
}

/// The network flags of a container about to be created, as typed (`run`/`create`).
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `--network` (several: networks); none is the host's default ([`Mode::default_for_host`]).
    pub mode: Vec<String>,
    /// `-p`.
    pub publish: Vec<String>,
    /// `-P`: every port the image exposes, on a free host port.
    pub publish_all: bool,
    pub dns: Vec<String>,
    pub dns_search: Vec<String>,
    pub dns_options: Vec<String>,
    /// `--add-host NAME:IP`.
    pub add_hosts: Vec<String>,
    /// `--network-alias`.
    pub aliases: Vec<String>,
    /// `--ip`.
    pub ip: Option<std::net::Ipv4Addr>,
    /// `--mac-address`.
    pub mac: Option<String>,
    /// `--pod`: a pod's name or id, or `new:NAME` (see [`super::pods::join`]).
    pub pod: Option<String>,
    /// `--http-proxy` (podman's default: true): the host's proxy variables go into the container.
    pub http_proxy: bool,
}

impl Request {
    /// The chosen mode (the host's default when not given).
    pub fn mode(&self) -> Result<Mode, Error> {
        match self.mode.as_slice() {
            [] => Ok(Mode::default_for_host()),
            [m] => m.parse().map_err(Error::Invalid),
            several => match several.join(",").parse().map_err(Error::Invalid)? {
                m @ Mode::Bridge(_) => Ok(m),
                _ => Err(Error::SeveralModes),
            },
        }
    }
}

/// The container's network settings, checked; `image_config` supplies `-P`'s ports.
pub fn config(req: &Request, image_config: Option<&super::images::RunConfig>) -> Result<Config, Error> {
    // slirp4netns's options, as podman names them.
    let mut slirp_cidr = None;
    let mut slirp = network::SlirpOptions::default();
    let plain;
    let req = match req.mode.as_slice() {
        [m] if m.starts_with("slirp4netns:") => {
            for opt in m["slirp4netns:".len()..].split(',').filter(|o| !o.is_empty()) {
                let bad = || Error::SlirpOption { value: opt.to_string() };
                let flag = |v: &str| v.parse::<bool>().map_err(|_| bad());
                match opt.split_once('=').ok_or_else(bad)? {
                    ("cidr", v) if valid_cidr(v) => slirp_cidr = Some(v.to_string()),
                    ("allow_host_loopback", v) => slirp.allow_host_loopback = Some(flag(v)?),
                    ("enable_ipv6", v) => slirp.enable_ipv6 = flag(v)?,
                    ("mtu", v) => {
                        slirp.mtu = Some(v.parse().ok().filter(|m| (68..=65521).contains(m)).ok_or_else(bad)?)
                    }
                    ("outbound_addr", v) if !v.is_empty() => slirp.outbound_addr = Some(v.to_string()),
                    ("outbound_addr6", v) if !v.is_empty() => slirp.outbound_addr6 = Some(v.to_string()),
                    ("port_handler", "slirp4netns") => slirp.port_handler_slirp = true,
                    ("port_handler", "rootlesskit") => slirp.port_handler_slirp = false,
                    _ => return Err(bad()),
                }
            }
            plain = Request { mode: vec!["slirp4netns".into()], ..req.clone() };
            &plain
        }
        _ => req,
    };
    let mode = req.mode()?;
    let mut ports = Vec::new();
    for p in &req.publish {
        ports.extend(network::ports::parse_publish(p).map_err(Error::Invalid)?);
    }
    if req.publish_all {
        for (port, protocol) in image_config.map(network::ports::exposed).unwrap_or_default() {
            if !ports.iter().any(|m| m.container_port == port && m.protocol == protocol) {
                ports.push(PortMapping { host_ip: None, host_port: 0, container_port: port, protocol });
            }
        }
    }
    if !ports.is_empty() && !mode.publishes() {
        return Err(Error::PublishNotSupported { mode });
    }
    for ip in &req.dns {
        ip.parse::<std::net::IpAddr>().map_err(|_| Error::InvalidDns { value: ip.clone() })?;
    }
    let add_hosts = req
        .add_hosts
        .iter()
        .map(|h| {
            files::parse_add_host(h).map_err(|reason| Error::InvalidAddHost { value: h.clone(), reason })
        })
        .collect::<Result<_, _>>()?;
    let bridge = matches!(mode, Mode::Bridge(_));
    if !bridge && (!req.aliases.is_empty() || req.ip.is_some() || req.mac.is_some()) {
        return Err(Error::NotOnNetwork { mode });
    }
    if let Some(m) = &req.mac {
        if network::endpoints::parse_mac(m).is_none() {
            return Err(Error::InvalidMac { value: m.clone() });
        }
    }
    if let Some(a) = req.aliases.iter().find(|a| !network::config::valid_name(a)) {
        return Err(Error::InvalidAlias { value: a.clone() });
    }
    Ok(Config {
        mode,
        ports,
        dns: req.dns.clone(),
        dns_search: req.dns_search.clone(),
        dns_options: req.dns_options.clone(),
        add_hosts,
        aliases: req.aliases.clone(),
        ip: req.ip,
        mac: req.mac.clone(),
        connected: Vec::new(),
        pod: None,
        shared: Vec::new(),
        slirp_cidr,
        slirp,
        defaults: Default::default(),
    })
}

/// `NET/LEN`: an IPv4 address and a prefix length of 1 to 30.
fn valid_cidr(text: &str) -> bool {
    text.split_once('/').is_some_and(|(a, l)| {
        a.parse::<std::net::Ipv4Addr>().is_ok() && l.parse::<u8>().is_ok_and(|l| (1..=30).contains(&l))
    })
}

/// Fills in the spec's side of the network for `config`.
pub fn apply(config: &Config, ctx: &Context, opts: &mut RunOptions) {
    opts.network = Some(NetworkFiles {
        run_dirs: run_dir(ctx, "x").parent().map(Path::to_path_buf).unwrap_or_default(),
        host: config.mode == Mode::Host,
        netns_file: network::NETNS_FILE,
        shared: config.shared.clone(),
    });
}

/// Checks the network flags of a container about to be created from `image` and fills in the
/// spec's side; the returned settings go into [`super::containers::CreateOptions::network`].
pub fn prepare(
    req: &Request,
    ctx: &Context,
    store: &Store,
    image: &str,
    opts: &mut RunOptions,
) -> Result<Config, Error> {
    let mut joined_pod = None;
    let mut req = req.clone();
    if req.pod.is_some() {
        let pod = super::pods::join(ctx, store, &mut req, opts).map_err(|e| Error::Pod(Box::new(e)))?;
        joined_pod = Some(pod);
    }
    let req = &req;
    let image_config = if req.publish_all {
        let found = super::images::lookup(store, image)?;
        let bytes = store.blobs().read(&found.image.config_digest).map_err(super::Error::from)?;
        super::images::run_config(&bytes).ok()
    } else {
        None
    };
    let mut config = config(req, image_config.as_ref())?;
    if let Some(pod) = &joined_pod {
        config.pod = Some(pod.id.clone());
        config.shared = super::pods::joined_namespaces(pod);
    }
    if let Mode::Bridge(names) = &config.mode {
        let nets = super::networks::resolve(ctx, names)?;
        if let (Some(ip), Some(first)) = (config.ip, nets.first()) {
            if !first.subnet().subnet.contains(ip) {
                return Err(Error::IpOutsideSubnet {
                    ip,
                    subnet: first.subnet().subnet.to_string(),
                    network: first.name.clone(),
                });
            }
        }
    }
    if config.mode == Mode::Host && opts.hostname.is_none() {
        // As podman: a container on the host's network has the host's name.
        opts.hostname = nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok());
    }
    if let (Mode::Container(key), None) = (&config.mode, &joined_pod) {
        // Stored by id (podman's dependency); it need not run yet (see `super::depend`).
        let rec = store
            .find_container(key)
            .map_err(|source| Error::JoinedUnknown { key: key.to_string(), source })?;
        config.mode = Mode::Container(rec.id);
    }
    if req.http_proxy {
        // Before the user's -e, which win.
        let proxies: Vec<String> = PROXY_VARIABLES
            .iter()
            .filter_map(|k| std::env::var(k).ok().map(|v| format!("{k}={v}")))
            .collect();
        opts.env.splice(0..0, proxies);
    }
    apply(&config, ctx, opts);
    Ok(config)
}

/// The host variables `--http-proxy` passes on, as podman's list.
const PROXY_VARIABLES: [&str; 8] = [
    "http_proxy",
    "HTTP_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "ftp_proxy",
    "FTP_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// The path of the stored network settings of container `id`.
pub fn config_path(store: &Store, id: &str) -> PathBuf {
    store.container_dirs(id).bundle.join(network::CONFIG_FILE)
}

/// The stored network settings of a container (`None` for one created without them).
pub fn load_config(store: &Store, id: &str) -> Result<Option<Config>, Error> {
    let path = config_path(store, id);
    match fs_err::read(&path) {
        Ok(bytes) => {
            Ok(Some(serde_json::from_slice(&bytes).map_err(|source| Error::Parse { path, source })?))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read { path, source }),
    }
}

/// Stores `config` as `bundle/network.json` under `bundle` (the container's, or its staged one).
pub fn save_config(bundle: &Path, config: &Config) -> Result<(), Error> {
    let path = bundle.join(network::CONFIG_FILE);
    let text = serde_json::to_vec_pretty(config).expect("a network config serializes");
    super::write_atomic(&path, &text).map_err(|source| Error::Write { path, source })
}

/// The running container `key` whose namespace a `container:` mode joins, and the pid of its
/// container process.
fn joined_container(
    ctx: &Context,
    store: &Store,
    key: &str,
) -> Result<(ContainerRecord, Joined, i32), Error> {
    let rec =
        store.find_container(key).map_err(|source| Error::JoinedUnknown { key: key.to_string(), source })?;
    let run_dir = run_dir(ctx, &rec.id);
    let pid = super::lifecycle::read_pid(&run_dir.join(supervisor::CONTAINER_PID))
        .map(|p| p.as_raw())
        .filter(|_| rec.state == RecordState::Running)
        .filter(|p| Path::new(&format!("/proc/{p}")).exists());
    let Some(pid) = pid else {
        return Err(Error::JoinedNotRunning { key: key.to_string(), id: rec.id });
    };
    let joined = Joined { netns: PathBuf::from(format!("/proc/{pid}/ns/net")), run_dir };
    Ok((rec, joined, pid))
}

/// For `--network container:NAME`: moves this process into the user namespace of that container
/// before [`Context::enter`] (which then keeps it), since a network namespace can only be joined
/// from the user namespace that owns it. Must run first, single-threaded. Does nothing for other
/// modes (nor for a mode that does not parse: creating the container reports that).
pub fn enter_joined_userns(req: &Request, ctx: &Context) -> Result<(), Error> {
    if let Some(key) = &req.pod {
        // A pod whose infra runs: join it (one that does not run is started by this command).
        if !ctx.rootless || ctx.in_user_namespace() {
            return Ok(());
        }
        let key = key.strip_prefix("new:").unwrap_or(key);
        let store = super::open_store(ctx)?;
        let Ok(pod) = super::pods::find(ctx, key) else { return Ok(()) };
        return match super::pods::running_infra(ctx, &store, &pod.id) {
            Some(infra) => join_userns_of(ctx, &infra.id),
            None => Ok(()),
        };
    }
    match req.mode() {
        Ok(Mode::Container(key)) => join_userns_of(ctx, &key),
        Ok(Mode::Bridge(_)) => Ok(super::networks::enter_rootless(ctx)?),
        _ => Ok(()),
    }
}

/// [`enter_joined_userns`] for a command that starts an existing container (`start`,
/// `restart`): looks up its stored network mode. Call it before [`Context::enter`].
pub fn enter_joined_userns_for(ctx: &Context, container: &str) -> Result<(), Error> {
    if !ctx.rootless || ctx.in_user_namespace() {
        return Ok(());
    }
    let store = super::open_store(ctx)?;
    let Ok(rec) = store.find_container(container) else { return Ok(()) };
    match load_config(&store, &rec.id)? {
        Some(Config { mode: Mode::Container(_), pod: Some(pod), .. }) => {
            match super::pods::running_infra(ctx, &store, &pod) {
                Some(infra) => join_userns_of(ctx, &infra.id),
                None => Ok(()),
            }
        }
        Some(Config { mode: Mode::Container(key), .. }) => join_userns_of(ctx, &key),
        Some(Config { mode: Mode::Bridge(_), .. }) => Ok(super::networks::enter_rootless(ctx)?),
        _ => Ok(()),
    }
}

/// Moves this process into the user namespace of the running container `key` (see
/// [`enter_joined_userns`]); nothing when rootless skiff is already in one.
pub(crate) fn join_userns_of(ctx: &Context, key: &str) -> Result<(), Error> {
    if !ctx.rootless || ctx.in_user_namespace() {
        return Ok(());
    }
    let store = super::open_store(ctx)?;
    let pid = match joined_container(ctx, &store, key) {
        Ok((_, _, pid)) => pid,
        // Not running: a start starts it from this process (see `super::depend`).
        Err(Error::JoinedNotRunning { .. }) => return Ok(()),
        Err(e) => return Err(e),
    };
    network::netns::join_user_namespace_of(pid).map_err(Error::JoinUserns)?;
    std::env::set_var(super::context::ENV_IN_USERNS, "1");
    Ok(())
}

/// Sets up the network of container `rec` before its supervisor starts (nothing for a container
/// created without network settings).
pub fn setup(ctx: &Context, store: &Store, rec: &ContainerRecord, run_dir: &Path) -> Result<(), Error> {
    let Some(config) = load_config(store, &rec.id)? else { return Ok(()) };
    let bundle = store.container_dirs(&rec.id).bundle;
    let spec = oci_spec::runtime::Spec::load(bundle.join("config.json"))
        .map_err(|source| Error::Bundle { id: rec.id.clone(), source })?;
    let host_uts = spec
        .linux()
        .as_ref()
        .and_then(|l| l.namespaces().as_ref())
        .is_some_and(|ns| !ns.iter().any(|n| n.typ() == oci_spec::runtime::LinuxNamespaceType::Uts));
    let joined_uts = spec
        .annotations()
        .as_ref()
        .and_then(|a| a.get(&format!("{}uts", crate::runtime::spec::NS_CONTAINER_ANNOTATION)).cloned());
    let hostname = match spec.hostname().clone() {
        Some(h) => h,
        // In another container's UTS namespace (--uts container:NAME): that container's name.
        None if joined_uts.is_some() => {
            let other = joined_uts.unwrap_or_default();
            oci_spec::runtime::Spec::load(store.container_dirs(&other).bundle.join("config.json"))
                .ok()
                .and_then(|s| s.hostname().clone())
                .unwrap_or_else(|| other.chars().take(12).collect())
        }
        // In the host's UTS namespace (--uts host), /etc/hostname has the host's name.
        None if host_uts => {
            nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_default()
        }
        None => rec.id.chars().take(12).collect(),
    };
    let mut config = config;
    config.defaults = conf_defaults(spec.root().as_ref().map(|r| bundle.join(r.path())).as_deref());
    if let (Some(pod), Mode::Container(_)) = (&config.pod, &config.mode) {
        // The pod's infra holds the namespaces this container joins: it runs first.
        super::pods::ensure_infra(ctx, store, pod).map_err(|e| Error::Pod(Box::new(e)))?;
    }
    if let Mode::Bridge(_) = &config.mode {
        let b = super::networks::bridge_setup(ctx, &rec.id, &rec.name, &config)?;
        network::setup_bridge(&config, run_dir, &hostname, &b)
            .map_err(|source| Error::Setup { id: rec.id.clone(), source })?;
        return Ok(());
    }
    let joined = match &config.mode {
        Mode::Container(key) => Some(joined_container(ctx, store, key)?.1),
        _ => None,
    };
    network::setup(&config, run_dir, &hostname, &rec.name, joined.as_ref())
        .map_err(|source| Error::Setup { id: rec.id.clone(), source })?;
    Ok(())
}

/// containers.conf's settings for the name-resolution files (`dns_servers`, `dns_searches`,
/// `dns_options`, `base_hosts_file`, `host_containers_internal_ip`, `no_hosts`), read at each
/// start as podman reads them; `rootfs` is the container's mounted root (for the image's
/// /etc/hosts). A containers.conf that cannot be read gives none (the command that read it
/// first said why).
pub fn conf_defaults(rootfs: Option<&Path>) -> network::Defaults {
    let Ok(conf) = super::containers_conf::get() else { return network::Defaults::default() };
    let c = &conf.containers;
    let image_hosts = || rootfs.and_then(|root| file_in_root(root, &["etc", "hosts"]));
    network::Defaults {
        dns_servers: c.dns_servers.clone().unwrap_or_default(),
        dns_searches: c.dns_searches.clone().unwrap_or_default(),
        dns_options: c.dns_options.clone().unwrap_or_default(),
        base_hosts: match c.base_hosts_file.as_deref() {
            None | Some("") => network::BaseHosts::Host,
            Some("none") => network::BaseHosts::None,
            Some("image") => network::BaseHosts::File(image_hosts()),
            Some(path) => network::BaseHosts::File(Some(PathBuf::from(path))),
        },
        host_internal: c.host_containers_internal_ip.clone(),
        no_hosts: c.no_hosts.unwrap_or(false).then(image_hosts),
    }
}

/// `root/parts...` when it is a regular file reached through no symlink (a symlink in an image
/// could point at a file of the host).
fn file_in_root(root: &Path, parts: &[&str]) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let meta = fs_err::symlink_metadata(&path).ok()?;
        let last = i + 1 == parts.len();
        if meta.file_type().is_symlink() || (last && !meta.is_file()) || (!last && !meta.is_dir()) {
            return None;
        }
    }
    Some(path)
}

/// Stops the network helper and releases the namespace of a container that has exited. When the
/// helper had died before the container, says so in the container's log (a stderr line, so
/// `skiff logs` shows it) and the supervisor's log, and returns its name.
pub fn teardown(run_dir: &Path, log: &Path) -> Option<String> {
    let died = network::teardown(run_dir)?;
    let now = super::lifecycle::now();
    let message =
        format!("skiff: the {died} network helper exited while the container was running; the container lost its network");
    use std::io::Write;
    let append = |path: &Path, line: String| {
        if let Ok(mut f) = fs_err::OpenOptions::new().append(true).create(true).open(path) {
            let _ = f.write_all(line.as_bytes());
        }
    };
    append(log, format!("{now} stderr F {message}\n"));
    append(&run_dir.join(supervisor::SUPERVISOR_LOG), format!("{now} {message}\n"));
    Some(died)
}

/// [`teardown`] of container `id` (its run-time directory and its log).
pub fn teardown_container(ctx: &Context, store: &Store, id: &str) -> Option<String> {
    teardown(&run_dir(ctx, id), &containers::log_path(store, id))
}

/// What the network of a running container is (its published ports, its helper); `None` for a
/// container that is not running or has no network of its own.
pub fn state(ctx: &Context, rec: &ContainerRecord) -> Option<State> {
    (rec.state == RecordState::Running).then(|| State::read(&run_dir(ctx, &rec.id)))?
}

/// The helper of running container `id` when it has died (for `port` to warn about).
pub fn dead_helper(ctx: &Context, id: &str) -> Option<String> {
    let state = State::read(&run_dir(ctx, id))?;
    (state.helper.is_some() && !state.helper_alive()).then(|| state.helper.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(mode: &str) -> Request {
        Request { mode: vec![mode.into()], ..Default::default() }
    }

    #[test]
    fn flags_are_checked_with_the_messages_of_the_cli() {
        let mut r = req("none");
        r.publish = vec!["8080:80".into()];
        let e = config(&r, None).unwrap_err().to_string();
        assert!(e.starts_with("cannot publish ports with --network none"), "{e}");
        let mut r = req("host");
        r.dns = vec!["nope".into()];
        assert_eq!(config(&r, None).unwrap_err().to_string(), "invalid --dns \"nope\": not an IP address");
        let mut r = req("none");
        r.add_hosts = vec!["noip".into()];
        assert!(config(&r, None).unwrap_err().to_string().starts_with("invalid --add-host \"noip\": "));
        assert!(config(&req("bad/name"), None)
            .unwrap_err()
            .to_string()
            .contains("invalid --network \"bad/name\""));
        let mut r = req("pasta");
        r.publish_all = true;
        let image = serde_json::json!({"config": {"ExposedPorts": {"80/tcp": {}}}});
        let image = crate::engine::images::run_config(&serde_json::to_vec(&image).unwrap()).unwrap();
        let c = config(&r, Some(&image)).unwrap();
        assert_eq!((c.ports.len(), c.ports[0].container_port, c.ports[0].host_port), (1, 80, 0));
    }

    #[test]
    fn slirp4netns_takes_podmans_options() {
        let c = config(&req("slirp4netns:cidr=172.18.51.0/24"), None).unwrap();
        assert_eq!((c.mode, c.slirp_cidr.as_deref()), (Mode::Slirp4netns, Some("172.18.51.0/24")));
        assert_eq!(
            crate::network::helper::slirp_addresses(Some("172.18.51.0/24")),
            ("172.18.51.100".into(), "172.18.51.2".into(), "172.18.51.3".into())
        );
        let e = config(&req("slirp4netns:mtu=big"), None).unwrap_err().to_string();
        assert!(e.starts_with("invalid --network slirp4netns option \"mtu=big\": expected "), "{e}");
        assert!(config(&req("slirp4netns:cidr=10.0.0.0/33"), None).is_err());
        assert!(config(&req("slirp4netns:port_handler=nope"), None).is_err());
        assert!(config(&req("slirp4netns:enable_ipv6"), None).is_err());
        let c = config(&req("slirp4netns:port_handler=slirp4netns,mtu=1500,allow_host_loopback=false"), None)
            .unwrap();
        assert!(c.slirp.port_handler_slirp);
        let args = crate::network::helper::slirp_args(None, &c.slirp).join(" ");
        assert_eq!(args, "--configure --mtu=1500 --disable-host-loopback");
    }

    #[test]
    fn settings_round_trip_through_the_bundle() {
        let t = tempfile::tempdir().unwrap();
        let c = config(&req("host"), None).unwrap();
        save_config(t.path(), &c).unwrap();
        let text = fs_err::read(t.path().join(network::CONFIG_FILE)).unwrap();
        assert_eq!(serde_json::from_slice::<Config>(&text).unwrap(), c);
    }
}
