//! User-defined networks: their configuration records (podman's JSON shape, so `network inspect`
//! prints what podman prints), the checks of `network create`, and the directory that holds them.
//!
//! Each network is one file `<dir>/<name>.json`, written atomically while `<dir>/networks.lock` is
//! held exclusively; readers take it shared. The default network `podman` (10.88.0.0/16) is not
//! stored: it always exists and cannot be removed, as in podman.

use std::collections::BTreeMap;
use std::fs::File;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The default network's name, subnet and id (podman's: sha256 of "podman").
pub const DEFAULT_NAME: &str = "podman";
pub const DEFAULT_SUBNET: &str = "10.88.0.0/16";
pub const DEFAULT_ID: &str = "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9";
/// The bridge of the default network; the others are `podman1`, `podman2`...
pub const DEFAULT_INTERFACE: &str = "podman0";

/// Errors of the network records. Each names the network, subnet or file at fault.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("network name {name} already used: network already exists")]
    Exists { name: String },
    #[error("unable to find network with name or ID {name}: network not found")]
    NotFound { name: String },
    #[error("network name {name:?} invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")]
    BadName { name: String },
    #[error("invalid {what} {value:?}: {reason}")]
    Invalid { what: &'static str, value: String, reason: String },
    #[error("subnet {subnet} is already used on the host or by another config")]
    SubnetInUse { subnet: Subnet },
    #[error("could not find a free subnet for the network (10.89.0.0/24 to 10.89.255.0/24 are all in use)")]
    NoFreeSubnet,
    #[error("default network {DEFAULT_NAME} cannot be removed")]
    RemoveDefault,
    #[error("cannot read network config {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("network config {path} is damaged")]
    Damaged {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot write network config {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }
}

/// An IPv4 subnet `ADDR/PREFIX` with its host bits zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subnet {
    pub addr: Ipv4Addr,
    pub prefix: u8,
}

impl Subnet {
    fn mask(prefix: u8) -> u32 {
        if prefix == 0 {
            0
        } else {
            u32::MAX << (32 - prefix as u32)
        }
    }

    pub fn netmask(&self) -> u32 {
        Self::mask(self.prefix)
    }

    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & self.netmask() == u32::from(self.addr)
    }

    pub fn overlaps(&self, other: &Subnet) -> bool {
        let m = self.netmask() & other.netmask();
        u32::from(self.addr) & m == u32::from(other.addr) & m
    }

    /// The `n`th address (0 = the network address).
    pub fn nth(&self, n: u32) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.addr).wrapping_add(n))
    }

    /// The broadcast address.
    pub fn broadcast(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.addr) | !self.netmask())
    }
}

impl std::fmt::Display for Subnet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl FromStr for Subnet {
    type Err = String;
    fn from_str(s: &str) -> Result<Subnet, String> {
        let (a, p) = s.split_once('/').ok_or("expected ADDRESS/PREFIX (e.g. 10.89.1.0/24)")?;
        let addr: Ipv4Addr = a.parse().map_err(|_| format!("{a:?} is not an IPv4 address"))?;
        let prefix: u8 =
            p.parse().ok().filter(|p| *p <= 32).ok_or(format!("{p:?} is not a prefix length"))?;
        if prefix > 30 {
            return Err(
                "the prefix must be /30 or shorter to leave room for a gateway and a container".into()
            );
        }
        // podman masks the host bits away.
        let addr = Ipv4Addr::from(u32::from(addr) & Subnet::mask(prefix));
        Ok(Subnet { addr, prefix })
    }
}

impl Serialize for Subnet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Subnet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Subnet, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// `--ip-range` as podman stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseRange {
    pub start_ip: Ipv4Addr,
    pub end_ip: Ipv4Addr,
}

/// One subnet of a network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubnetConfig {
    pub subnet: Subnet,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_range: Option<LeaseRange>,
}

impl SubnetConfig {
    /// The addresses containers may get: the lease range, else the subnet without its network,
    /// broadcast and gateway addresses. Returns (first, last).
    pub fn pool(&self) -> (Ipv4Addr, Ipv4Addr) {
        match &self.lease_range {
            Some(r) => (r.start_ip, r.end_ip),
            None => (self.subnet.nth(1), Ipv4Addr::from(u32::from(self.subnet.broadcast()) - 1)),
        }
    }
}

/// A network, as podman's `network inspect` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub name: String,
    pub id: String,
    pub driver: String,
    pub network_interface: String,
    pub created: String,
    pub subnets: Vec<SubnetConfig>,
    pub ipv6_enabled: bool,
    pub internal: bool,
    pub dns_enabled: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    pub ipam_options: BTreeMap<String, String>,
}

impl Network {
    /// The default network `podman`.
    pub fn default_network() -> Network {
        let subnet: Subnet = DEFAULT_SUBNET.parse().expect("a valid subnet");
        Network {
            name: DEFAULT_NAME.into(),
            id: DEFAULT_ID.into(),
            driver: "bridge".into(),
            network_interface: DEFAULT_INTERFACE.into(),
            created: now(),
            subnets: vec![SubnetConfig { subnet, gateway: Some(subnet.nth(1)), lease_range: None }],
            ipv6_enabled: false,
            internal: false,
            dns_enabled: false,
            labels: BTreeMap::new(),
            options: BTreeMap::new(),
            ipam_options: [("driver".to_string(), "host-local".to_string())].into(),
        }
    }

    /// The first subnet (skiff's networks have exactly one).
    pub fn subnet(&self) -> &SubnetConfig {
        &self.subnets[0]
    }

    /// The gateway: the bridge's address in the rootless network namespace, where the resolver
    /// listens.
    pub fn gateway(&self) -> Ipv4Addr {
        let s = self.subnet();
        s.gateway.unwrap_or_else(|| s.subnet.nth(1))
    }

    /// `-o mtu=` (0: the kernel's default).
    pub fn mtu(&self) -> u32 {
        self.options.get("mtu").and_then(|m| m.parse().ok()).unwrap_or(0)
    }
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string()
}

/// What `network create` was asked for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub name: Option<String>,
    pub driver: Option<String>,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub ip_range: Option<String>,
    pub internal: bool,
    pub disable_dns: bool,
    pub ipv6: bool,
    pub options: Vec<String>,
    pub labels: Vec<String>,
}

/// Whether `name` is a valid network (or container) name.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

fn invalid(what: &'static str, value: &str, reason: impl Into<String>) -> Error {
    Error::Invalid { what, value: value.to_string(), reason: reason.into() }
}

/// The IPv4 subnets of this host's interfaces (a new network must not overlap them).
fn host_subnets() -> Vec<Subnet> {
    let Ok(addrs) = nix::ifaddrs::getifaddrs() else { return Vec::new() };
    addrs
        .filter_map(|a| {
            let ip = a.address?.as_sockaddr_in()?.ip();
            let mask = u32::from(a.netmask?.as_sockaddr_in()?.ip());
            (!ip.is_loopback()).then(|| Subnet {
                addr: Ipv4Addr::from(u32::from(ip) & mask),
                prefix: mask.count_ones() as u8,
            })
        })
        .collect()
}

/// Builds the record of a new network from `opts`, checked against the `existing` networks (the
/// default one included) and this host's interfaces. Nothing is written.
pub fn build(opts: &CreateOptions, existing: &[Network]) -> Result<Network, Error> {
    if let Some(d) = opts.driver.as_deref().filter(|d| *d != "bridge") {
        return Err(invalid("driver", d, "skiff supports the bridge driver only"));
    }
    if opts.ipv6 {
        return Err(invalid("option", "--ipv6", "IPv6 networks are not supported yet"));
    }
    let mut options = BTreeMap::new();
    for o in &opts.options {
        let (k, v) = o.split_once('=').unwrap_or((o, ""));
        match k {
            "mtu" => {
                v.parse::<u32>()
                    .ok()
                    .filter(|m| (68..=65535).contains(m))
                    .ok_or_else(|| invalid("option", o, "mtu must be a number from 68 to 65535"))?;
            }
            "isolate" | "metric" | "vlan" => {}
            _ => {
                return Err(invalid("option", o, format!("unsupported bridge option {k:?} (supported: mtu)")))
            }
        }
        options.insert(k.to_string(), v.to_string());
    }
    let mut labels = BTreeMap::new();
    for l in &opts.labels {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        if k.is_empty() {
            return Err(invalid("label", l, "expected KEY=VALUE"));
        }
        labels.insert(k.to_string(), v.to_string());
    }
    let names: Vec<&str> = existing.iter().map(|n| n.name.as_str()).collect();
    let name = match &opts.name {
        Some(n) if !valid_name(n) => return Err(Error::BadName { name: n.clone() }),
        Some(n) if names.contains(&n.as_str()) => return Err(Error::Exists { name: n.clone() }),
        Some(n) => n.clone(),
        None => {
            (1..).map(|i| format!("podman{i}")).find(|n| !names.contains(&n.as_str())).expect("a free name")
        }
    };
    let taken: Vec<Subnet> = existing.iter().flat_map(|n| n.subnets.iter().map(|s| s.subnet)).collect();
    let host = host_subnets();
    let subnet = match &opts.subnet {
        Some(s) => {
            let subnet: Subnet = s.parse().map_err(|e| invalid("subnet", s, e))?;
            if taken.iter().chain(&host).any(|t| t.overlaps(&subnet)) {
                return Err(Error::SubnetInUse { subnet });
            }
            subnet
        }
        None => (0..=255u32)
            .map(|i| Subnet { addr: Ipv4Addr::new(10, 89, i as u8, 0), prefix: 24 })
            .find(|s| !taken.iter().chain(&host).any(|t| t.overlaps(s)))
            .ok_or(Error::NoFreeSubnet)?,
    };
    if opts.gateway.is_some() && opts.subnet.is_none() {
        return Err(invalid("gateway", opts.gateway.as_deref().unwrap_or(""), "--gateway needs --subnet"));
    }
    let gateway = match &opts.gateway {
        Some(g) => {
            let ip: Ipv4Addr = g.parse().map_err(|_| invalid("gateway", g, "not an IPv4 address"))?;
            if !subnet.contains(ip) || ip == subnet.addr || ip == subnet.broadcast() {
                return Err(invalid("gateway", g, format!("not a host address of subnet {subnet}")));
            }
            ip
        }
        None => subnet.nth(1),
    };
    let lease_range = match &opts.ip_range {
        Some(r) => {
            if opts.subnet.is_none() {
                return Err(invalid("ip-range", r, "--ip-range needs --subnet"));
            }
            let (start, end) = match r.split_once('-') {
                Some((a, b)) => (
                    a.parse::<Ipv4Addr>()
                        .map_err(|_| invalid("ip-range", r, "expected START-END or a CIDR"))?,
                    b.parse::<Ipv4Addr>()
                        .map_err(|_| invalid("ip-range", r, "expected START-END or a CIDR"))?,
                ),
                None => {
                    let (a, p) = r
                        .split_once('/')
                        .ok_or_else(|| invalid("ip-range", r, "expected START-END or a CIDR"))?;
                    let a: Ipv4Addr = a.parse().map_err(|_| invalid("ip-range", r, "not an IPv4 address"))?;
                    let p: u8 = p
                        .parse()
                        .ok()
                        .filter(|p| *p <= 32)
                        .ok_or_else(|| invalid("ip-range", r, "bad prefix"))?;
                    let range = Subnet { addr: Ipv4Addr::from(u32::from(a) & Subnet::mask(p)), prefix: p };
                    // Skip the range's network and broadcast addresses when they are the subnet's.
                    let first = if range.addr == subnet.addr { range.nth(1) } else { range.addr };
                    let last = if range.broadcast() == subnet.broadcast() {
                        Ipv4Addr::from(u32::from(range.broadcast()) - 1)
                    } else {
                        range.broadcast()
                    };
                    (first, last)
                }
            };
            if !subnet.contains(start) || !subnet.contains(end) || u32::from(start) > u32::from(end) {
                return Err(invalid("ip-range", r, format!("not a range inside subnet {subnet}")));
            }
            Some(LeaseRange { start_ip: start, end_ip: end })
        }
        None => None,
    };
    let used: Vec<&str> = existing.iter().map(|n| n.network_interface.as_str()).collect();
    let interface = (1..)
        .map(|i| format!("podman{i}"))
        .find(|n| !used.contains(&n.as_str()))
        .expect("a free interface name");
    let id = {
        use sha2::Digest;
        let seed = format!("{name}{}{}", now(), rand::random::<u64>());
        hex::encode(sha2::Sha256::digest(seed.as_bytes()))
    };
    Ok(Network {
        name,
        id,
        driver: "bridge".into(),
        network_interface: interface,
        created: now(),
        subnets: vec![SubnetConfig { subnet, gateway: Some(gateway), lease_range }],
        ipv6_enabled: false,
        internal: opts.internal,
        dns_enabled: !opts.disable_dns,
        labels,
        options,
        ipam_options: [("driver".to_string(), "host-local".to_string())].into(),
    })
}

/// The directory of network records and its lock.
#[derive(Debug, Clone)]
pub struct Networks {
    dir: PathBuf,
}

/// A held `networks.lock` (shared or exclusive), released when dropped.
pub struct Guard(#[allow(dead_code)] nix::fcntl::Flock<File>);

impl Networks {
    pub fn new(dir: impl Into<PathBuf>) -> Networks {
        Networks { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    fn lock(&self, arg: nix::fcntl::FlockArg) -> Result<Guard, Error> {
        let path = self.dir.join("networks.lock");
        let io = |source| Error::Write { path: path.clone(), source };
        fs_err::create_dir_all(&self.dir).map_err(io)?;
        let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(io)?;
        nix::fcntl::Flock::lock(file, arg)
            .map(Guard)
            .map_err(|(_, e)| Error::Write { path: path.clone(), source: e.into() })
    }

    /// Locks the records for a change.
    pub fn lock_exclusive(&self) -> Result<Guard, Error> {
        self.lock(nix::fcntl::FlockArg::LockExclusive)
    }

    /// Locks the records for reading.
    pub fn lock_shared(&self) -> Result<Guard, Error> {
        self.lock(nix::fcntl::FlockArg::LockShared)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    /// Every network, the default one included, sorted by name.
    pub fn list(&self) -> Result<Vec<Network>, Error> {
        let mut out = vec![Network::default_network()];
        let entries = match fs_err::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(source) => return Err(Error::Read { path: self.dir.clone(), source }),
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json"))
            else {
                continue;
            };
            if !valid_name(name) || name == DEFAULT_NAME {
                continue;
            }
            let bytes = match fs_err::read(&path) {
                Ok(b) => b,
                // Removed since the listing.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => return Err(Error::Read { path, source }),
            };
            out.push(serde_json::from_slice(&bytes).map_err(|source| Error::Damaged { path, source })?);
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The network named `key`, or whose id starts with `key`.
    pub fn find(&self, key: &str) -> Result<Network, Error> {
        let all = self.list()?;
        if let Some(n) = all.iter().find(|n| n.name == key) {
            return Ok(n.clone());
        }
        let by_id: Vec<&Network> = all.iter().filter(|n| !key.is_empty() && n.id.starts_with(key)).collect();
        match by_id.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(Error::NotFound { name: key.to_string() }),
        }
    }

    /// Writes a network's record (call with the exclusive lock held).
    pub fn write(&self, net: &Network) -> Result<(), Error> {
        let path = self.path(&net.name);
        let text = serde_json::to_vec_pretty(net).expect("a network serializes");
        crate::sys::atomic::write_atomic(&path, &text).map_err(|source| Error::Write { path, source })
    }

    /// Removes a network's record (call with the exclusive lock held).
    pub fn remove(&self, name: &str) -> Result<(), Error> {
        if name == DEFAULT_NAME {
            return Err(Error::RemoveDefault);
        }
        let path = self.path(name);
        match fs_err::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(Error::NotFound { name: name.to_string() })
            }
            Err(source) => Err(Error::Write { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(name: &str) -> CreateOptions {
        CreateOptions { name: Some(name.into()), ..Default::default() }
    }

    #[test]
    fn subnets_parse_and_overlap() {
        let a: Subnet = "10.90.0.7/24".parse().unwrap();
        assert_eq!(a.to_string(), "10.90.0.0/24");
        let b: Subnet = "10.90.0.0/25".parse().unwrap();
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&"10.90.1.0/24".parse().unwrap()));
        assert_eq!(a.broadcast(), Ipv4Addr::new(10, 90, 0, 255));
        assert!("10.0.0.0".parse::<Subnet>().is_err());
        assert!("10.0.0.0/31".parse::<Subnet>().is_err());
        assert!("x/24".parse::<Subnet>().is_err());
    }

    #[test]
    fn create_picks_free_subnets_and_interfaces() {
        let mut all = vec![Network::default_network()];
        let n1 = build(&opts("a"), &all).unwrap();
        assert_eq!(n1.subnet().subnet.to_string(), "10.89.0.0/24");
        assert_eq!(n1.subnet().gateway, Some(Ipv4Addr::new(10, 89, 0, 1)));
        assert_eq!(n1.network_interface, "podman1");
        assert!(n1.dns_enabled && !n1.internal);
        all.push(n1);
        let n2 = build(&opts("b"), &all).unwrap();
        assert_eq!(n2.subnet().subnet.to_string(), "10.89.1.0/24");
        assert_eq!(n2.network_interface, "podman2");
    }

    #[test]
    fn create_refuses_bad_input() {
        let all = vec![Network::default_network()];
        let e = build(&opts("podman"), &all).unwrap_err();
        assert_eq!(e.to_string(), "network name podman already used: network already exists");
        let e = build(&CreateOptions { subnet: Some("10.88.5.0/24".into()), ..opts("x") }, &all).unwrap_err();
        assert_eq!(e.to_string(), "subnet 10.88.5.0/24 is already used on the host or by another config");
        assert!(matches!(build(&opts("-x"), &all), Err(Error::BadName { .. })));
        let bad_gw = CreateOptions {
            subnet: Some("10.91.0.0/24".into()),
            gateway: Some("10.92.0.1".into()),
            ..opts("x")
        };
        assert!(build(&bad_gw, &all).unwrap_err().to_string().contains("not a host address"));
        let bad_mtu = CreateOptions { options: vec!["mtu=abc".into()], ..opts("x") };
        assert!(build(&bad_mtu, &all).unwrap_err().to_string().contains("mtu"));
    }

    #[test]
    fn ip_range_forms() {
        let all = vec![Network::default_network()];
        let o = CreateOptions {
            subnet: Some("10.91.0.0/24".into()),
            ip_range: Some("10.91.0.128/25".into()),
            ..opts("x")
        };
        let n = build(&o, &all).unwrap();
        assert_eq!(n.subnet().pool(), (Ipv4Addr::new(10, 91, 0, 128), Ipv4Addr::new(10, 91, 0, 254)));
        let o = CreateOptions { ip_range: Some("10.91.0.10-10.91.0.20".into()), ..o };
        let n = build(&o, &all).unwrap();
        assert_eq!(n.subnet().pool(), (Ipv4Addr::new(10, 91, 0, 10), Ipv4Addr::new(10, 91, 0, 20)));
    }
}
