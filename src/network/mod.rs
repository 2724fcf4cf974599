//! Rootless networking: a container's network namespace, the user-mode helper that connects it
//! to the host (`pasta` from passt, or `slirp4netns`), published ports, and the name-resolution
//! files (`/etc/resolv.conf`, `/etc/hosts`, `/etc/hostname`).
//!
//! Flow: `create` stores a [`Config`] next to the bundle (`network.json`); the spec names the
//! namespace file and the three files in the container's run-time directory
//! ([`crate::runtime::spec::NetworkFiles`]). Before the supervisor starts, [`setup`] checks the
//! host ports (by binding them), writes the files, creates the namespace ([`netns`]: a bind mount
//! in skiff's private mount namespace) and starts the helper ([`helper`]) and, for slirp4netns's
//! TCP ports, skiff's own forwarder ([`forward`]), recording a [`State`] in the run-time directory. When the container has exited, [`teardown`] stops the helper and
//! releases the namespace; it is idempotent and also undoes a half-done [`setup`].
//!
//! skiff does not implement a TCP/IP stack: pasta and slirp4netns are well-kept external programs.

pub mod config;
pub mod dns;
pub mod endpoints;
pub mod files;
pub mod forward;
pub mod helper;
pub mod netns;
pub mod ports;
pub mod rootless;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The name of a container's network namespace bind mount in its run-time directory.
pub const NETNS_FILE: &str = "netns";

pub use ports::{PortMapping, Proto};

/// Errors of setting up a container's network. Each names the port, file or helper at fault.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid --network {value:?}: {reason}")]
    InvalidMode { value: String, reason: String },
    #[error("invalid publish {value:?}: {reason}")]
    InvalidPublish { value: String, reason: String },
    #[error("cannot publish port {port}: it is already in use on the host")]
    PortInUse { port: String },
    #[error(
        "cannot publish port {port}: ports below {start} are privileged (net.ipv4.ip_unprivileged_port_start) and a rootless container cannot bind them"
    )]
    PortPrivileged { port: String, start: u16, wanted: u16 },
    #[error("cannot publish port {port}: the address is not one of this host's")]
    PortAddress { port: String },
    #[error("cannot publish port {port}")]
    PortBind {
        port: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{program} is not installed (not found in PATH)")]
    HelperMissing { program: &'static str },
    #[error("cannot start {program}")]
    HelperSpawn {
        program: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{program} failed: {detail}")]
    HelperFailed { program: &'static str, detail: String },
    #[error("cannot set up the network namespace {path}")]
    Netns {
        path: PathBuf,
        #[source]
        source: nix::Error,
    },
    #[error("cannot join the user namespace {path}")]
    JoinUserns {
        path: PathBuf,
        #[source]
        source: nix::Error,
    },
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Rootless(#[from] Box<rootless::Error>),
    #[error(transparent)]
    Networks(#[from] Box<config::Error>),
}

impl From<rootless::Error> for Error {
    fn from(e: rootless::Error) -> Self {
        Error::Rootless(Box::new(e))
    }
}

impl From<config::Error> for Error {
    fn from(e: config::Error) -> Self {
        Error::Networks(Box::new(e))
    }
}

impl Error {
    /// What the user can do about it, where skiff knows.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Error::PortInUse { .. } => {
                "choose another host port (-p OTHER:PORT), or let skiff pick a free one (-p PORT)".into()
            }
            Error::PortPrivileged { start, wanted, .. } => format!(
                "publish on a port >= {start} (e.g. -p {}:PORT), or, as root, lower the limit: sysctl net.ipv4.ip_unprivileged_port_start={wanted}",
                8000 + wanted % 1000
            ),
            Error::HelperMissing { program: "pasta" } => "install passt (it provides pasta), or use --network slirp4netns".into(),
            Error::HelperMissing { .. } => "install slirp4netns, or use --network pasta".into(),
            Error::HelperFailed { detail, .. } if detail.contains("/dev/net/tun") => {
                "the helper needs /dev/net/tun readable and writable by you: as root, chmod 0666 /dev/net/tun".into()
            }
            Error::Rootless(e) => return e.hint(),
            _ => return None,
        })
    }
}

/// `--network`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Mode {
    Pasta,
    Slirp4netns,
    /// Only `lo`.
    None,
    /// The host's network namespace.
    Host,
    /// The network namespace of another container (name or id).
    Container(String),
    /// User-defined networks (`bridge` is the default network `podman`), in the rootless
    /// network namespace ([`rootless`]).
    Bridge(Vec<String>),
}

impl Mode {
    /// pasta when installed, else slirp4netns (which then reports itself missing at start).
    pub fn default_for_host() -> Mode {
        if crate::userns::find_in_path("pasta").is_some() {
            Mode::Pasta
        } else {
            Mode::Slirp4netns
        }
    }

    /// Whether ports can be published in this mode.
    pub fn publishes(&self) -> bool {
        matches!(self, Mode::Pasta | Mode::Slirp4netns | Mode::Bridge(_))
    }

    /// The networks of a `Bridge` mode (none for the others).
    pub fn networks(&self) -> &[String] {
        match self {
            Mode::Bridge(n) => n,
            _ => &[],
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mode::Pasta => f.write_str("pasta"),
            Mode::Slirp4netns => f.write_str("slirp4netns"),
            Mode::None => f.write_str("none"),
            Mode::Host => f.write_str("host"),
            Mode::Container(c) => write!(f, "container:{c}"),
            Mode::Bridge(n) => f.write_str(&n.join(",")),
        }
    }
}

impl From<Mode> for String {
    fn from(m: Mode) -> String {
        m.to_string()
    }
}

impl TryFrom<String> for Mode {
    type Error = Error;
    /// The stored form: as typed, and `""` for a container that `network disconnect` took off
    /// its last network (it stays a network container that `network connect` can put back).
    fn try_from(s: String) -> Result<Mode, Error> {
        if s.is_empty() {
            return Ok(Mode::Bridge(Vec::new()));
        }
        s.parse()
    }
}

impl FromStr for Mode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Mode, Error> {
        let bad = |reason: &str| Error::InvalidMode { value: s.to_string(), reason: reason.to_string() };
        // Helper options (`pasta:--opt`, `slirp4netns:port_handler=...`) are not supported.
        Ok(match s {
            "pasta" => Mode::Pasta,
            "slirp4netns" => Mode::Slirp4netns,
            "none" => Mode::None,
            "host" => Mode::Host,
            _ => {
                match s.split_once(':') {
                    Some(("container", name)) if !name.is_empty() => Mode::Container(name.to_string()),
                    Some(("container", _)) => return Err(bad("expected container:NAME")),
                    Some(("pasta" | "slirp4netns", _)) => {
                        return Err(bad("options for the helper are not supported"))
                    }
                    None if s == "bridge" => Mode::Bridge(vec![config::DEFAULT_NAME.to_string()]),
                    None if s.split(',').all(config::valid_name) => {
                        let mut names: Vec<String> = Vec::new();
                        for n in s.split(',').map(|n| if n == "bridge" { config::DEFAULT_NAME } else { n }) {
                            if !names.iter().any(|m| m == n) {
                                names.push(n.to_string());
                            }
                        }
                        Mode::Bridge(names)
                    }
                    _ => return Err(bad(
                        "expected pasta, slirp4netns, none, host, container:NAME, bridge or a network's name",
                    )),
                }
            }
        })
    }
}

/// A container's network settings, from the command line (stored as `network.json` next to the
/// bundle by `create`, read by every start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    pub mode: Mode,
    /// `-p` and `-P`; host port 0 is chosen at start.
    #[serde(default)]
    pub ports: Vec<PortMapping>,
    #[serde(default)]
    pub dns: Vec<String>,
    #[serde(default)]
    pub dns_search: Vec<String>,
    #[serde(default)]
    pub dns_options: Vec<String>,
    /// `--add-host` as (name, ip).
    #[serde(default)]
    pub add_hosts: Vec<(String, String)>,
    /// `--network-alias`: more names of the container on its networks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `--ip` (on its first network).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ipv4Addr>,
    /// `--mac-address` (on its first network).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    /// Per-network settings given by `network connect` (aliases, address).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connected: Vec<Connected>,
    /// The pod the container belongs to (its id), for `run/create --pod`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod: Option<String>,
    /// The namespaces besides the network one (`ipc`, `uts`) joined from the container the
    /// `container:` mode names (a pod's infra): bind-mounted next to the network namespace's
    /// file as `<kind>ns` ([`shared_ns_file`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<String>,
    /// `--network slirp4netns:cidr=NET/LEN`: slirp4netns's subnet (default 10.0.2.0/24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slirp_cidr: Option<String>,
    /// The other options of `--network slirp4netns:OPT,...`.
    #[serde(default, skip_serializing_if = "SlirpOptions::is_default")]
    pub slirp: SlirpOptions,
    /// containers.conf's settings for the name-resolution files: filled in by the engine at each
    /// start, never stored.
    #[serde(skip)]
    pub defaults: Defaults,
}

impl Config {
    /// The nameservers the container is given: containers.conf's `dns_servers`, then `--dns`
    /// (podman's order); empty for the network's own.
    pub fn dns_servers(&self) -> Vec<String> {
        [&self.defaults.dns_servers[..], &self.dns[..]].concat()
    }

    /// containers.conf's `dns_searches`, then `--dns-search`; empty for the network's own.
    pub fn dns_searches(&self) -> Vec<String> {
        [&self.defaults.dns_searches[..], &self.dns_search[..]].concat()
    }

    /// containers.conf's `dns_options`, then `--dns-option`; empty for the host's.
    pub fn dns_opts(&self) -> Vec<String> {
        [&self.defaults.dns_options[..], &self.dns_options[..]].concat()
    }
}

/// `--network slirp4netns:` options besides `cidr` (podman's names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SlirpOptions {
    /// `allow_host_loopback=false`: the gateway address does not reach the host's loopback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_host_loopback: Option<bool>,
    /// `enable_ipv6=true`.
    #[serde(default)]
    pub enable_ipv6: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
    /// `outbound_addr=IP|IFACE`, `outbound_addr6=...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_addr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_addr6: Option<String>,
    /// `port_handler=slirp4netns`: slirp4netns forwards the TCP ports itself (the server sees
    /// connections from its gateway); by default (`rootlesskit`) skiff's forwarder does.
    #[serde(default)]
    pub port_handler_slirp: bool,
}

impl SlirpOptions {
    fn is_default(&self) -> bool {
        *self == SlirpOptions::default()
    }
}

/// Where a container's /etc/hosts starts from (containers.conf's `base_hosts_file`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BaseHosts {
    /// The host's /etc/hosts (podman's default).
    #[default]
    Host,
    /// Nothing (`none`).
    None,
    /// A file (a path, or the image's own /etc/hosts for `image`); `None` when the image has none.
    File(Option<PathBuf>),
}

/// containers.conf's settings for the name-resolution files (see [`Config::defaults`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    /// `dns_servers`, `dns_searches`, `dns_options`: before the container's own `--dns*`.
    pub dns_servers: Vec<String>,
    pub dns_searches: Vec<String>,
    pub dns_options: Vec<String>,
    /// `base_hosts_file`.
    pub base_hosts: BaseHosts,
    /// `host_containers_internal_ip`: `None` lets skiff choose as podman does, `Some("none")`
    /// leaves the entry out.
    pub host_internal: Option<String>,
    /// `no_hosts`: the container's /etc/hosts is this file's text (the image's), unchanged;
    /// `Some(None)` when the image has none (an empty file).
    pub no_hosts: Option<Option<PathBuf>>,
}

impl Defaults {
    /// The host's /etc/hosts, or the file `base_hosts_file` names, as entries. A named file that
    /// cannot be read is an error, as in podman; a missing /etc/hosts or image file is no entry.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path; fs_err would name it twice"
    )]
    fn base_entries(&self) -> Result<Vec<files::HostEntry>, Error> {
        let path = match &self.base_hosts {
            BaseHosts::None | BaseHosts::File(None) => return Ok(Vec::new()),
            BaseHosts::Host => {
                return Ok(files::parse_hosts(&fs_err::read_to_string("/etc/hosts").unwrap_or_default()))
            }
            BaseHosts::File(Some(p)) => p,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(files::parse_hosts(&text)),
            Err(source) => Err(Error::Read { path: path.clone(), source }),
        }
    }

    /// `host.containers.internal`'s address: containers.conf's, none for `none`, else `auto`.
    fn host_internal(&self, auto: Option<String>) -> Option<String> {
        match self.host_internal.as_deref() {
            Some("none") => None,
            Some(ip) if !ip.is_empty() => Some(ip.to_string()),
            _ => auto,
        }
    }

    /// The text of /etc/hosts under `no_hosts`, when it is set.
    fn no_hosts_text(&self) -> Option<String> {
        let file = self.no_hosts.as_ref()?;
        Some(file.as_ref().and_then(|p| fs_err::read_to_string(p).ok()).unwrap_or_default())
    }
}

/// The host's first non-loopback IPv4 address (else its first non-loopback IPv6 one): what
/// podman gives `host.containers.internal` outside a network of its own (slirp4netns, `host`,
/// `none`); through slirp4netns it reaches the host itself.
pub fn host_local_ip() -> Option<IpAddr> {
    let addrs: Vec<IpAddr> = nix::ifaddrs::getifaddrs()
        .ok()?
        .filter_map(|a| {
            let a = a.address?;
            a.as_sockaddr_in()
                .map(|v4| IpAddr::V4(v4.ip()))
                .or_else(|| a.as_sockaddr_in6().map(|v6| IpAddr::V6(v6.ip())))
        })
        .filter(|ip| {
            !ip.is_loopback() && !matches!(ip, IpAddr::V6(v6) if v6.segments()[0] & 0xffc0 == 0xfe80)
        })
        .collect();
    addrs.iter().find(|ip| ip.is_ipv4()).or(addrs.first()).copied()
}

/// The file in a container's run-time directory that holds the namespace `kind` (`ipc`, `uts`)
/// it joins from a pod's infra container.
pub fn shared_ns_file(kind: &str) -> String {
    format!("{kind}ns")
}

/// `network connect NET CTR --alias A --ip IP`: what the container gets on that network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connected {
    pub network: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub ip: Option<Ipv4Addr>,
}

/// The name of the [`Config`] file next to the bundle's config.json.
pub const CONFIG_FILE: &str = "network.json";
/// The name of the [`State`] file in the container's run-time directory.
pub const STATE_FILE: &str = "network-state.json";

/// What [`setup`] started, recorded in the run-time directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// `pasta` or `slirp4netns`, when a helper runs.
    pub helper: Option<String>,
    pub helper_pid: Option<i32>,
    /// skiff's TCP port forwarder ([`forward`]), with slirp4netns.
    #[serde(default)]
    pub forwarder_pid: Option<i32>,
    /// The published ports with their host ports resolved.
    pub ports: Vec<PortMapping>,
    /// On user-defined networks: the container's endpoints, and where the rootless namespace's
    /// files are (for the teardown).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<endpoints::Endpoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rootless_dir: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
}

impl State {
    pub fn read(run_dir: &Path) -> Option<State> {
        serde_json::from_slice(&fs_err::read(run_dir.join(STATE_FILE)).ok()?).ok()
    }

    /// Whether the helper process is still there (false when there is none).
    pub fn helper_alive(&self) -> bool {
        self.helper_pid.is_some_and(|p| process_alive(p, self.helper.as_deref()))
    }
}

/// Whether process `pid` exists and, when `name` is given, runs that program (a pid may have been
/// reused since it was recorded).
fn process_alive(pid: i32, name: Option<&str>) -> bool {
    let Ok(comm) = fs_err::read_to_string(format!("/proc/{pid}/comm")) else { return false };
    let Ok(stat) = fs_err::read_to_string(format!("/proc/{pid}/stat")) else { return false };
    // A zombie has exited.
    let zombie = stat.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'));
    // pasta is the passt binary (`passt` or `passt.avx2` in comm).
    let matches = |n: &str| comm.trim().starts_with(n) || (n == "pasta" && comm.starts_with("passt"));
    !zombie && name.is_none_or(matches)
}

/// The container whose network namespace a `container:NAME` container joins.
#[derive(Debug, Clone)]
pub struct Joined {
    /// `/proc/PID/ns/net` of its container process.
    pub netns: PathBuf,
    /// Its run-time directory (its resolv.conf and hosts are shared).
    pub run_dir: PathBuf,
}

fn write(path: PathBuf, text: &str) -> Result<(), Error> {
    fs_err::write(&path, text).map_err(|source| Error::Write { path, source })
}

/// The host's interface address and gateway on its default IPv4 route (what pasta copies into
/// the container).
fn default_route() -> Option<(Ipv4Addr, Ipv4Addr)> {
    let table = fs_err::read_to_string("/proc/net/route").ok()?;
    let (iface, gw) = table.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.len() > 2 && f[1] == "00000000").then(|| (f[0].to_string(), f[2].to_string()))
    })?;
    let gw = Ipv4Addr::from(u32::from_str_radix(&gw, 16).ok()?.swap_bytes());
    let addr = nix::ifaddrs::getifaddrs().ok()?.find_map(|a| {
        let ip = a.address?.as_sockaddr_in()?.ip();
        (a.interface_name == iface).then_some(ip)
    })?;
    Some((addr, gw))
}

/// Prepares the network of a container about to start (see the module docs): on success the
/// namespace file is mounted at `<run_dir>/netns` (except for `host`), the helper runs and the
/// three files are written. On an error, what was done is undone.
pub fn setup(
    config: &Config,
    run_dir: &Path,
    hostname: &str,
    name: &str,
    joined: Option<&Joined>,
) -> Result<State, Error> {
    teardown(run_dir);
    // Ports first: a refused port must leave nothing behind.
    let held = if config.mode.publishes() { ports::resolve(&config.ports)? } else { Vec::new() };
    let done = setup_inner(config, run_dir, hostname, name, joined, held);
    if done.is_err() {
        teardown(run_dir);
    }
    done
}

fn setup_inner(
    config: &Config,
    run_dir: &Path,
    hostname: &str,
    name: &str,
    joined: Option<&Joined>,
    held: Vec<(PortMapping, ports::Held)>,
) -> Result<State, Error> {
    let ports: Vec<PortMapping> = held.iter().map(|(p, _)| p.clone()).collect();
    let host_resolv = files::parse_resolv(&fs_err::read_to_string("/etc/resolv.conf").unwrap_or_default());
    let route = default_route();
    let slirp_dns = helper::slirp_addresses(config.slirp_cidr.as_deref()).2;
    let local = || host_local_ip().map(|ip| ip.to_string());
    // (own address, host.containers.internal, DNS forwarder). pasta's gateway reaches the
    // host's loopback; elsewhere podman names the host's own address.
    let (own, auto_internal, forwarder): (Option<String>, Option<String>, Option<&str>) = match &config.mode {
        Mode::Pasta => {
            (route.map(|r| r.0.to_string()), route.map(|r| r.1.to_string()), Some(helper::PASTA_DNS))
        }
        Mode::Slirp4netns => {
            let (guest, _, _) = helper::slirp_addresses(config.slirp_cidr.as_deref());
            (Some(guest), local(), Some(slirp_dns.as_str()))
        }
        Mode::Host => (None, local(), None),
        Mode::None => (Some(Ipv4Addr::LOCALHOST.to_string()), local(), None),
        Mode::Container(_) | Mode::Bridge(_) => (None, None, None),
    };
    let host_internal = config.defaults.host_internal(auto_internal);
    let add_hosts: Vec<(String, String)> = config
        .add_hosts
        .iter()
        .map(|(n, ip)| match (ip.as_str(), &host_internal) {
            ("host-gateway", Some(gw)) => (n.clone(), gw.clone()),
            _ => (n.clone(), ip.clone()),
        })
        .collect();
    let shared = |name: &str| joined.and_then(|j| fs_err::read_to_string(j.run_dir.join(name)).ok());
    let (dns, search, options) = (config.dns_servers(), config.dns_searches(), config.dns_opts());
    let resolv = match shared("resolv.conf") {
        Some(text) if dns.is_empty() && search.is_empty() && options.is_empty() => text,
        _ => {
            // slirp4netns on a subnet of the user's choosing: its resolver (.3), as podman writes.
            let slirp = vec![slirp_dns.clone()];
            let dns = match (&config.mode, &config.slirp_cidr) {
                (Mode::Slirp4netns, Some(_)) if dns.is_empty() => slirp,
                _ => dns,
            };
            files::resolv_conf(&host_resolv, &dns, &search, &options, forwarder)
        }
    };
    let own_names =
        vec![hostname.to_string(), if name.is_empty() { hostname.to_string() } else { name.to_string() }];
    let hosts = match (config.defaults.no_hosts_text(), shared("hosts")) {
        (Some(text), _) => text,
        (None, Some(text)) => files::joined_hosts(&text, &add_hosts, &own_names),
        (None, None) => {
            let own: Vec<files::HostEntry> = own.into_iter().map(|ip| (ip, own_names.clone())).collect();
            files::hosts(&config.defaults.base_entries()?, &add_hosts, host_internal.as_deref(), &own)
        }
    };
    write(run_dir.join("resolv.conf"), &resolv)?;
    write(run_dir.join("hosts"), &hosts)?;
    write(run_dir.join("hostname"), &format!("{hostname}\n"))?;

    let ns_file = run_dir.join(NETNS_FILE);
    let mut state = State { ports, ..Default::default() };
    match &config.mode {
        Mode::Host => {}
        Mode::Bridge(_) => unreachable!("bridge networks are set up by setup_bridge"),
        Mode::Container(_) => {
            let j = joined.ok_or_else(|| Error::InvalidMode {
                value: config.mode.to_string(),
                reason: "the container is not running".into(),
            })?;
            netns::bind(&j.netns, &ns_file)?;
            for kind in &config.shared {
                let source = j.netns.with_file_name(kind);
                netns::bind(&source, &run_dir.join(shared_ns_file(kind)))?;
            }
        }
        Mode::None => netns::create(&ns_file)?,
        Mode::Pasta => {
            netns::create(&ns_file)?;
            // pasta binds the ports itself.
            drop(held);
            state.helper = Some("pasta".into());
            state.helper_pid = Some(helper::start_pasta(&ns_file, run_dir, &state.ports)?);
        }
        Mode::Slirp4netns => {
            netns::create(&ns_file)?;
            // TCP through skiff's forwarder (unless port_handler=slirp4netns), UDP through
            // slirp4netns (which binds them itself, once they are let go here).
            let (mut tcp, mut by_slirp) = (Vec::new(), Vec::new());
            for (p, h) in held {
                match h {
                    ports::Held::Tcp(l) if !config.slirp.port_handler_slirp => {
                        tcp.push((l, p.container_port))
                    }
                    _ => by_slirp.push(p),
                }
            }
            state.helper = Some("slirp4netns".into());
            state.helper_pid = Some(helper::start_slirp(
                &ns_file,
                run_dir,
                &by_slirp,
                config.slirp_cidr.as_deref(),
                &config.slirp,
            )?);
            if !tcp.is_empty() {
                state.forwarder_pid = Some(forward::start(&ns_file, tcp)?);
            }
        }
    }
    write_state(run_dir, &state)?;
    Ok(state)
}

/// Stops the helper and releases the namespace of a container whose network was set up in
/// `run_dir`. Idempotent. Returns the helper's name when it had died before the container did.
pub fn teardown(run_dir: &Path) -> Option<String> {
    let state = State::read(run_dir);
    let mut died = None;
    if let Some(s) = &state {
        if let Some(pid) = s.helper_pid {
            if s.helper_alive() && !s.ports.is_empty() {
                // Returns once it has exited: the published ports are free again.
                helper::stop_and_wait(pid, nix::sys::signal::Signal::SIGTERM, || s.helper_alive());
            } else if s.helper_alive() {
                // No port to free: nothing waits for it (it also ends with the namespace).
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGTERM,
                );
            } else {
                died = s.helper.clone();
            }
        }
    }
    if let Some(s) = state.as_ref() {
        if let (Some(dir), Some(id)) = (&s.rootless_dir, &s.container) {
            let _ = rootless::detach(&rootless::Dir(dir.clone()), id, None);
        }
    }
    if let Some(pid) = state.as_ref().and_then(|s| s.forwarder_pid) {
        if process_alive(pid, Some(forward::PROCESS_NAME)) {
            helper::stop_and_wait(pid, nix::sys::signal::Signal::SIGKILL, || {
                process_alive(pid, Some(forward::PROCESS_NAME))
            });
        }
    }
    netns::release(&run_dir.join(NETNS_FILE));
    for kind in ["ipc", "pid", "uts"] {
        let file = run_dir.join(shared_ns_file(kind));
        if file.exists() {
            netns::release(&file);
        }
    }
    let _ = fs_err::remove_file(helper::slirp_socket(run_dir));
    let _ = fs_err::remove_file(run_dir.join(STATE_FILE));
    died
}

/// What [`setup_bridge`] needs besides the container's [`Config`].
#[derive(Debug, Clone)]
pub struct BridgeSetup {
    pub container: String,
    /// The container's name (its first DNS name).
    pub name: String,
    /// The records of the container's networks, in the order of [`Mode::Bridge`].
    pub networks: Vec<config::Network>,
    pub rootless: rootless::Dir,
}

/// Prepares the network of a container on user-defined networks: its own namespace at
/// `<run_dir>/netns`, attached by a veth per network to the bridges of the rootless namespace
/// ([`rootless::attach`]), the published TCP ports forwarded to its first address, and the three
/// files. The caller has joined the holder's user namespace ([`rootless::ensure_holder`]). On an
/// error, what was done is undone.
pub fn setup_bridge(
    config: &Config,
    run_dir: &Path,
    hostname: &str,
    b: &BridgeSetup,
) -> Result<State, Error> {
    teardown(run_dir);
    if let Some(p) = config.ports.iter().find(|p| p.protocol == Proto::Udp) {
        return Err(Error::InvalidPublish {
            value: format!("{}/udp", p.container_port),
            reason: "UDP ports of containers on a network are not supported yet".into(),
        });
    }
    let held = ports::resolve(&config.ports)?;
    let done = setup_bridge_inner(config, run_dir, hostname, b, held);
    if done.is_err() {
        let _ = rootless::detach(&b.rootless, &b.container, None);
        teardown(run_dir);
    }
    done
}

fn setup_bridge_inner(
    config: &Config,
    run_dir: &Path,
    hostname: &str,
    b: &BridgeSetup,
    held: Vec<(PortMapping, ports::Held)>,
) -> Result<State, Error> {
    let ns_file = run_dir.join(NETNS_FILE);
    netns::create(&ns_file)?;
    let short: String = b.container.chars().take(12).collect();
    let first_open = b.networks.iter().position(|n| !n.internal);
    let requests: Vec<rootless::Request> = b
        .networks
        .iter()
        .enumerate()
        .map(|(i, net)| {
            let connected = config.connected.iter().find(|c| c.network == net.name);
            let mut names = vec![b.name.clone(), short.clone()];
            names.extend(config.aliases.iter().cloned());
            names.extend(connected.map(|c| c.aliases.clone()).unwrap_or_default());
            names.dedup();
            rootless::Request {
                network: net.clone(),
                ip: connected.and_then(|c| c.ip).or(if i == 0 { config.ip } else { None }),
                mac: if i == 0 { config.mac.clone() } else { None },
                names,
                interface: format!("eth{i}"),
                default_route: Some(i) == first_open,
            }
        })
        .collect();
    let mut state = State {
        rootless_dir: Some(b.rootless.0.clone()),
        container: Some(b.container.clone()),
        ports: held.iter().map(|(p, _)| p.clone()).collect(),
        ..Default::default()
    };
    // Recorded first, so that a failure below is undone by the teardown.
    write_state(run_dir, &state)?;
    state.endpoints = rootless::attach(&b.rootless, &b.container, &ns_file, &requests)?;
    write_bridge_files(config, run_dir, hostname, &b.name, &b.networks, &state.endpoints)?;
    let listeners: Vec<(std::net::TcpListener, u16)> = held
        .into_iter()
        .filter_map(|(p, h)| match h {
            ports::Held::Tcp(l) => Some((l, p.container_port)),
            ports::Held::Udp(_) => None,
        })
        .collect();
    if let (false, Some(first)) = (listeners.is_empty(), state.endpoints.first()) {
        let holder = b.rootless.holder().ok_or(rootless::Error::NoHolder)?;
        let target = forward::Target {
            addr: first.ip.into(),
            source: default_route().map(|r| r.0.into()),
            state: Some(run_dir.join(STATE_FILE)),
        };
        state.forwarder_pid =
            Some(forward::start_to(Path::new(&format!("/proc/{holder}/ns/net")), listeners, target)?);
    }
    write_state(run_dir, &state)?;
    Ok(state)
}

/// Run-time state under the run-time directory: replaced atomically for readers, without fsync
/// (it describes helpers that do not outlive a reboot; two fsyncs on every start otherwise).
fn write_state(run_dir: &Path, state: &State) -> Result<(), Error> {
    let text = serde_json::to_vec_pretty(state).expect("the network state serializes");
    crate::sys::atomic::write_replace(&run_dir.join(STATE_FILE), &text)
        .map_err(|source| Error::Write { path: run_dir.join(STATE_FILE), source })
}

/// resolv.conf and hosts of a container on networks, as podman writes them: the resolver on the
/// gateways of its DNS-enabled networks with the `dns.podman` search domain (nameservers from
/// `--dns` or containers.conf replace them; with none, the host's servers), and each of its
/// addresses with its hostname and name.
fn write_bridge_files(
    config: &Config,
    run_dir: &Path,
    hostname: &str,
    name: &str,
    networks: &[config::Network],
    endpoints: &[endpoints::Endpoint],
) -> Result<(), Error> {
    let host = files::parse_resolv(&fs_err::read_to_string("/etc/resolv.conf").unwrap_or_default());
    let gateways: Vec<String> =
        networks.iter().filter(|n| n.dns_enabled).map(|n| n.gateway().to_string()).collect();
    let (dns, searches, options) = (config.dns_servers(), config.dns_searches(), config.dns_opts());
    let resolv = if gateways.is_empty() || !dns.is_empty() {
        files::resolv_conf(&host, &dns, &searches, &options, Some(helper::PASTA_DNS))
    } else {
        let mut search = vec![dns::SEARCH_DOMAIN.to_string()];
        search.extend(if searches.is_empty() { host.search.clone() } else { searches });
        search.retain(|s| s != ".");
        let options = if options.is_empty() { host.options.clone() } else { options };
        let mut out = format!("search {}\n", search.join(" "));
        for g in gateways {
            out.push_str(&format!("nameserver {g}\n"));
        }
        if !options.is_empty() {
            out.push_str(&format!("options {}\n", options.join(" ")));
        }
        out
    };
    let names =
        vec![hostname.to_string(), if name.is_empty() { hostname.to_string() } else { name.to_string() }];
    let host_ip = networks.iter().any(|n| !n.internal).then(default_route).flatten().map(|r| r.1.to_string());
    let host_ip = config.defaults.host_internal(host_ip);
    let add_hosts: Vec<(String, String)> = config
        .add_hosts
        .iter()
        .map(|(n, ip)| match (ip.as_str(), &host_ip) {
            ("host-gateway", Some(gw)) => (n.clone(), gw.clone()),
            _ => (n.clone(), ip.clone()),
        })
        .collect();
    let hosts = match config.defaults.no_hosts_text() {
        Some(text) => text,
        None => {
            let own: Vec<files::HostEntry> =
                endpoints.iter().map(|e| (e.ip.to_string(), names.clone())).collect();
            files::hosts(&config.defaults.base_entries()?, &add_hosts, host_ip.as_deref(), &own)
        }
    };
    write(run_dir.join("resolv.conf"), &resolv)?;
    write(run_dir.join("hosts"), &hosts)?;
    write(run_dir.join("hostname"), &format!("{hostname}\n"))?;
    Ok(())
}

/// After `network connect`/`disconnect` of a running container: records its new endpoints and
/// rewrites its /etc/hosts and resolv.conf in place (they are bind-mounted into it).
pub fn update_running(
    config: &Config,
    run_dir: &Path,
    name: &str,
    state: &State,
    networks: &[config::Network],
) -> Result<(), Error> {
    write_state(run_dir, state)?;
    let hostname = fs_err::read_to_string(run_dir.join("hostname")).unwrap_or_default().trim().to_string();
    write_bridge_files(config, run_dir, &hostname, name, networks, &state.endpoints)
}
