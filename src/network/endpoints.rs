//! The shared run-time record of the rootless network namespace (`<runroot>/networks/endpoints.json`):
//! which networks have a bridge there and which container endpoints are attached to them, with
//! their addresses (the IPAM), MAC addresses, names and aliases. It is the one source the
//! resolver ([`super::dns`]) answers from, and the allocation table of addresses.
//!
//! Invariants: changed only while `rootless.lock` is held ([`super::rootless::Lock`]), written
//! atomically (a reader sees the old or the new table, never half of one); an endpoint is
//! recorded before its veth is created and removed after the veth is gone, so an endpoint whose
//! veth does not exist (its container's namespace died with a `kill -9`) is stale and
//! [`Table::reclaim`] drops it.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::config::{Network, Subnet};

/// A network with a bridge in the rootless namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bridge {
    pub interface: String,
    pub subnet: Subnet,
    pub gateway: Ipv4Addr,
    pub internal: bool,
    pub dns: bool,
    #[serde(default)]
    pub mtu: u32,
}

impl Bridge {
    pub fn of(net: &Network) -> Bridge {
        Bridge {
            interface: net.network_interface.clone(),
            subnet: net.subnet().subnet,
            gateway: net.gateway(),
            internal: net.internal,
            dns: net.dns_enabled,
            mtu: net.mtu(),
        }
    }
}

/// One container's attachment to one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub container: String,
    pub network: String,
    pub ip: Ipv4Addr,
    pub mac: String,
    /// The host side of the veth pair, in the rootless namespace.
    pub veth: String,
    /// The container side's name (`eth0`, `eth1`...).
    pub interface: String,
    /// The names the resolver answers with `ip`: the container's name, its short id, aliases.
    pub names: Vec<String>,
}

/// The whole table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    #[serde(default)]
    pub bridges: BTreeMap<String, Bridge>,
    #[serde(default)]
    pub endpoints: Vec<Endpoint>,
    /// Per network, the address given last: the next one is searched after it (round robin, as
    /// podman's IPAM does), so an address let go is not handed out again at once.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub last: BTreeMap<String, Ipv4Addr>,
}

/// Why an address cannot be given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocError {
    #[error("IP address {ip} is not in subnet {subnet} of network {network}")]
    OutOfSubnet { ip: Ipv4Addr, subnet: Subnet, network: String },
    #[error("IP address {ip} is already in use on network {network}")]
    InUse { ip: Ipv4Addr, network: String },
    #[error("no free IP address left on network {network}")]
    Exhausted { network: String },
}

/// The name of the table file in the run-time networks directory.
pub const FILE: &str = "endpoints.json";

impl Table {
    /// Reads the table (empty when there is none or it cannot be parsed: it is rebuilt from the
    /// running containers' endpoints as they come and go).
    pub fn read(dir: &Path) -> Table {
        fs_err::read(dir.join(FILE)).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    /// Writes the table atomically.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let text = serde_json::to_vec_pretty(self).expect("the endpoint table serializes");
        crate::sys::atomic::write_atomic(&dir.join(FILE), &text)
    }

    /// Chooses an address on `net` for a new endpoint: `wanted` when it is free and in the
    /// subnet, else the first free address of the pool after the one given last (wrapping
    /// round), which is then recorded as the last.
    pub fn allocate(&mut self, net: &Network, wanted: Option<Ipv4Addr>) -> Result<Ipv4Addr, AllocError> {
        let used: Vec<Ipv4Addr> =
            self.endpoints.iter().filter(|e| e.network == net.name).map(|e| e.ip).collect();
        let subnet = net.subnet();
        let gateway = net.gateway();
        if let Some(ip) = wanted {
            if !subnet.subnet.contains(ip) || ip == subnet.subnet.addr || ip == subnet.subnet.broadcast() {
                return Err(AllocError::OutOfSubnet { ip, subnet: subnet.subnet, network: net.name.clone() });
            }
            if used.contains(&ip) || ip == gateway {
                return Err(AllocError::InUse { ip, network: net.name.clone() });
            }
            return Ok(ip);
        }
        let (first, last) = subnet.pool();
        let (first, last) = (u32::from(first), u32::from(last));
        let after = self.last.get(&net.name).map(|ip| u32::from(*ip)).filter(|ip| (first..last).contains(ip));
        let order = match after {
            Some(a) => (a + 1..=last).chain(first..=a).collect::<Vec<u32>>(),
            None => (first..=last).collect(),
        };
        let ip = order
            .into_iter()
            .map(Ipv4Addr::from)
            .find(|ip| *ip != gateway && !used.contains(ip))
            .ok_or_else(|| AllocError::Exhausted { network: net.name.clone() })?;
        self.last.insert(net.name.clone(), ip);
        Ok(ip)
    }

    /// Drops the endpoints whose veth is not among `present` (their container's namespace is
    /// gone) and the bridges no endpoint uses. Returns the dropped endpoints.
    pub fn reclaim(&mut self, present: &[String]) -> Vec<Endpoint> {
        let (keep, gone): (Vec<Endpoint>, Vec<Endpoint>) =
            std::mem::take(&mut self.endpoints).into_iter().partition(|e| present.contains(&e.veth));
        self.endpoints = keep;
        gone
    }

    /// The endpoints of `container`.
    pub fn of_container(&self, container: &str) -> Vec<Endpoint> {
        self.endpoints.iter().filter(|e| e.container == container).cloned().collect()
    }

    /// Whether a bridge's network has endpoints.
    pub fn in_use(&self, network: &str) -> bool {
        self.endpoints.iter().any(|e| e.network == network)
    }

    /// The addresses `name` has for a client at `client` (the same network only).
    pub fn lookup(&self, client: Ipv4Addr, name: &str) -> Vec<Ipv4Addr> {
        let Some(network) = self.network_of(client) else { return Vec::new() };
        self.endpoints
            .iter()
            .filter(|e| e.network == network && e.names.iter().any(|n| n.eq_ignore_ascii_case(name)))
            .map(|e| e.ip)
            .collect()
    }

    /// The name of the endpoint at `ip`, for reverse lookups from `client`.
    pub fn reverse(&self, client: Ipv4Addr, ip: Ipv4Addr) -> Option<String> {
        let network = self.network_of(client)?;
        self.endpoints
            .iter()
            .find(|e| e.network == network && e.ip == ip)
            .and_then(|e| e.names.first().cloned())
    }

    /// The DNS-enabled network whose subnet holds `client`.
    pub fn network_of(&self, client: Ipv4Addr) -> Option<&str> {
        self.bridges.iter().find(|(_, b)| b.dns && b.subnet.contains(client)).map(|(n, _)| n.as_str())
    }
}

/// The host-side veth name of `container`'s endpoint on `network` (at most 15 bytes, stable).
pub fn veth_name(container: &str, network: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{container}/{network}").as_bytes());
    format!("veth{}", &hex::encode(digest)[..11])
}

/// A locally administered MAC address for a new endpoint.
pub fn random_mac() -> String {
    let b: [u8; 5] = rand::random();
    format!("0a:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2], b[3], b[4])
}

/// Parses `aa:bb:cc:dd:ee:ff`.
pub fn parse_mac(text: &str) -> Option<[u8; 6]> {
    let parts: Vec<u8> = text.split(':').map(|p| u8::from_str_radix(p, 16)).collect::<Result<_, _>>().ok()?;
    let mac: [u8; 6] = parts.try_into().ok()?;
    // Not multicast.
    (mac[0] & 1 == 0).then_some(mac)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::config::{build, CreateOptions};

    fn net(name: &str, subnet: &str) -> Network {
        build(
            &CreateOptions { name: Some(name.into()), subnet: Some(subnet.into()), ..Default::default() },
            &[],
        )
        .unwrap()
    }

    fn endpoint(t: &mut Table, n: &Network, c: &str, ip: Ipv4Addr) {
        t.endpoints.push(Endpoint {
            container: c.into(),
            network: n.name.clone(),
            ip,
            mac: random_mac(),
            veth: veth_name(c, &n.name),
            interface: "eth0".into(),
            names: vec![c.into()],
        });
    }

    #[test]
    fn allocation_skips_gateway_and_used() {
        let n = net("a", "10.99.0.0/29");
        let mut t = Table::default();
        t.bridges.insert("a".into(), Bridge::of(&n));
        let first = t.allocate(&n, None).unwrap();
        assert_eq!(first, Ipv4Addr::new(10, 99, 0, 2));
        endpoint(&mut t, &n, "c1", first);
        assert_eq!(t.allocate(&n, None).unwrap(), Ipv4Addr::new(10, 99, 0, 3));
        assert_eq!(t.allocate(&n, Some(first)), Err(AllocError::InUse { ip: first, network: "a".into() }));
        assert!(matches!(
            t.allocate(&n, Some(Ipv4Addr::new(10, 1, 0, 1))),
            Err(AllocError::OutOfSubnet { .. })
        ));
        for i in 3..=6 {
            endpoint(&mut t, &n, &format!("c{i}"), Ipv4Addr::new(10, 99, 0, i));
        }
        assert!(matches!(t.allocate(&n, None), Err(AllocError::Exhausted { .. })));
        // c1's veth is gone: its address comes back.
        let present: Vec<String> = t.endpoints.iter().skip(1).map(|e| e.veth.clone()).collect();
        let gone = t.reclaim(&present);
        assert_eq!(gone.len(), 1);
        assert_eq!(t.allocate(&n, None).unwrap(), first);
    }

    #[test]
    fn an_address_let_go_is_not_given_again_at_once() {
        let n = net("a", "10.99.0.0/24");
        let mut t = Table::default();
        let a = t.allocate(&n, None).unwrap();
        endpoint(&mut t, &n, "c1", a);
        let b = t.allocate(&n, None).unwrap();
        endpoint(&mut t, &n, "c2", b);
        t.endpoints.retain(|e| e.ip != b);
        let again = t.allocate(&n, None).unwrap();
        assert_eq!((a, b, again), ([10, 99, 0, 2].into(), [10, 99, 0, 3].into(), [10, 99, 0, 4].into()));
        // At the end of the pool it wraps round to the free ones.
        t.last.insert("a".into(), Ipv4Addr::new(10, 99, 0, 254));
        assert_eq!(t.allocate(&n, None).unwrap(), Ipv4Addr::new(10, 99, 0, 3));
    }

    #[test]
    fn lookups_stay_on_the_clients_network() {
        let (a, b) = (net("a", "10.99.1.0/24"), net("b", "10.99.2.0/24"));
        let mut t = Table::default();
        t.bridges.insert("a".into(), Bridge::of(&a));
        t.bridges.insert("b".into(), Bridge::of(&b));
        endpoint(&mut t, &a, "web", Ipv4Addr::new(10, 99, 1, 2));
        endpoint(&mut t, &b, "db", Ipv4Addr::new(10, 99, 2, 2));
        assert_eq!(t.lookup(Ipv4Addr::new(10, 99, 1, 3), "WEB"), [Ipv4Addr::new(10, 99, 1, 2)]);
        assert!(t.lookup(Ipv4Addr::new(10, 99, 1, 3), "db").is_empty());
        assert!(t.lookup(Ipv4Addr::new(192, 0, 2, 1), "web").is_empty());
        assert_eq!(
            t.reverse(Ipv4Addr::new(10, 99, 2, 9), Ipv4Addr::new(10, 99, 2, 2)).as_deref(),
            Some("db")
        );
    }

    #[test]
    fn names_and_macs() {
        assert_eq!(veth_name("abc", "net").len(), 15);
        assert_ne!(veth_name("abc", "net"), veth_name("abc", "net2"));
        assert!(parse_mac(&random_mac()).is_some());
        assert!(parse_mac("01:00:00:00:00:01").is_none());
        assert!(parse_mac("zz").is_none());
    }
}
