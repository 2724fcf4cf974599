//! Published ports: parsing `-p` values, choosing random host ports and checking, before any
//! helper starts, that each host port can be bound by this user (so a refused port fails the
//! start with a clear message and nothing left behind).

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Error;

/// A transport protocol of a published port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Proto {
    Tcp,
    Udp,
}

impl Proto {
    pub fn as_str(self) -> &'static str {
        match self {
            Proto::Tcp => "tcp",
            Proto::Udp => "udp",
        }
    }
}

impl FromStr for Proto {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "tcp" => Ok(Proto::Tcp),
            "udp" => Ok(Proto::Udp),
            other => Err(format!("unknown protocol {other:?} (expected tcp or udp)")),
        }
    }
}

/// One published port. `host_port` 0 means "a random free port, chosen at start".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PortMapping {
    /// The host address to bind; `None` binds all addresses.
    pub host_ip: Option<IpAddr>,
    pub host_port: u16,
    pub container_port: u16,
    pub protocol: Proto,
}

impl PortMapping {
    /// `HOSTIP:HOSTPORT->CTRPORT/PROTO`, as podman's `ps` and `port` show it.
    pub fn host_address(&self) -> String {
        let ip = self.host_ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        SocketAddr::new(ip, self.host_port).to_string()
    }
}

fn bad(value: &str, reason: impl Into<String>) -> Error {
    Error::InvalidPublish { value: value.to_string(), reason: reason.into() }
}

/// A port or a range `A-B`, as an inclusive pair.
fn parse_range(value: &str, text: &str, what: &str) -> Result<(u16, u16), Error> {
    let num = |s: &str| -> Result<u16, Error> {
        match s.trim().parse::<u16>() {
            Ok(0) => Err(bad(value, format!("{what} 0 is not a valid port"))),
            Ok(n) => Ok(n),
            Err(_) => Err(bad(value, format!("{what} {s:?} is not a port number (1-65535)"))),
        }
    };
    match text.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (num(a)?, num(b)?);
            if a > b {
                return Err(bad(value, format!("{what} range {text:?} ends before it starts")));
            }
            Ok((a, b))
        }
        None => {
            let n = num(text)?;
            Ok((n, n))
        }
    }
}

/// Parses one `-p` value: `[[IP:][HOSTPORT]:]CTRPORT[/PROTO]`, where ports may be ranges
/// (`8000-8010:80-90`) and an IPv6 address is written in brackets (`[::1]:8080:80`).
pub fn parse_publish(value: &str) -> Result<Vec<PortMapping>, Error> {
    let (rest, protocol) = match value.rsplit_once('/') {
        Some((r, p)) => (r, p.parse::<Proto>().map_err(|e| bad(value, e))?),
        None => (value, Proto::Tcp),
    };
    // Split off a bracketed IPv6 address first; then the fields are separated by ':'.
    let (ip_text, rest) = if let Some(stripped) = rest.strip_prefix('[') {
        let (ip, after) = stripped.split_once(']').ok_or_else(|| bad(value, "unclosed '[' around the IP"))?;
        let after = after.strip_prefix(':').ok_or_else(|| bad(value, "expected ':' after the IP"))?;
        (Some(ip), after)
    } else {
        (None, rest)
    };
    let fields: Vec<&str> = rest.split(':').collect();
    let (ip_text, host, ctr) = match (ip_text, fields.as_slice()) {
        (None, [c]) => (None, None, *c),
        (None, [h, c]) => (None, Some(*h), *c),
        (None, [ip, h, c]) => (Some(*ip), Some(*h), *c),
        (Some(ip), [h, c]) => (Some(ip), Some(*h), *c),
        _ => return Err(bad(value, "expected [[IP:][HOSTPORT]:]CONTAINERPORT[/PROTOCOL]")),
    };
    let host_ip = match ip_text.filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse::<IpAddr>().map_err(|_| bad(value, format!("{s:?} is not an IP address")))?),
        None => None,
    };
    let (c0, c1) = parse_range(value, ctr, "container port")?;
    let host = match host.filter(|s| !s.is_empty()) {
        Some(h) => Some(parse_range(value, h, "host port")?),
        None => None,
    };
    let count = c1 - c0;
    if let Some((h0, h1)) = host {
        if h1 - h0 != count && h0 != h1 {
            return Err(bad(value, "the host and container port ranges differ in length"));
        }
        if h0 == h1 && count > 0 {
            return Err(bad(value, "a single host port cannot publish a range of container ports"));
        }
    }
    Ok((0..=count)
        .map(|i| PortMapping {
            host_ip,
            host_port: host.map(|(h0, _)| h0 + i).unwrap_or(0),
            container_port: c0 + i,
            protocol,
        })
        .collect())
}

/// The ports of an image's `ExposedPorts` (`"80/tcp": {}`), for `-P`.
pub fn exposed(image_config: &oci_spec::image::Config) -> Vec<(u16, Proto)> {
    let Some(keys) = image_config.exposed_ports() else {
        return Vec::new();
    };
    let mut ports: Vec<(u16, Proto)> = keys
        .iter()
        .filter_map(|k| {
            let (port, proto) = k.split_once('/').unwrap_or((k, "tcp"));
            Some((port.parse().ok()?, proto.parse().ok()?))
        })
        .collect();
    ports.sort();
    ports.dedup();
    ports
}

/// The lowest port an unprivileged user may bind (`net.ipv4.ip_unprivileged_port_start`).
pub fn unprivileged_port_start() -> u16 {
    fs_err::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1024)
}

/// A socket bound to a host port: dropped just before a helper binds the port itself, or handed
/// to skiff's own forwarder ([`super::forward`]).
#[derive(Debug)]
pub enum Held {
    Tcp(TcpListener),
    Udp(UdpSocket),
}

fn bind(ip: IpAddr, port: u16, protocol: Proto) -> std::io::Result<(Held, u16)> {
    let addr = SocketAddr::new(ip, port);
    Ok(match protocol {
        Proto::Tcp => {
            let l = TcpListener::bind(addr)?;
            let p = l.local_addr()?.port();
            (Held::Tcp(l), p)
        }
        Proto::Udp => {
            let s = UdpSocket::bind(addr)?;
            let p = s.local_addr()?.port();
            (Held::Udp(s), p)
        }
    })
}

/// How long [`resolve`] waits for a named host port that is in use to be released.
pub const IN_USE_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// Chooses the random host ports and checks that every host port can be bound, by binding it.
/// Returns the resolved mappings with their bound sockets.
pub fn resolve(ports: &[PortMapping]) -> Result<Vec<(PortMapping, Held)>, Error> {
    let start = unprivileged_port_start();
    let mut out = Vec::new();
    for p in ports {
        let ip = p.host_ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        // A port that the container's own helper held a moment ago (a restart) may take a few
        // milliseconds more to be released: retry a named port briefly before calling it taken.
        let deadline = std::time::Instant::now() + IN_USE_GRACE;
        let bound = loop {
            match bind(ip, p.host_port, p.protocol) {
                Err(e)
                    if e.kind() == std::io::ErrorKind::AddrInUse
                        && p.host_port != 0
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                r => break r,
            }
        };
        match bound {
            Ok((h, port)) => out.push((PortMapping { host_port: port, ..p.clone() }, h)),
            Err(e) => {
                let what = format!("{}/{}", SocketAddr::new(ip, p.host_port), p.protocol.as_str());
                return Err(match e.kind() {
                    std::io::ErrorKind::AddrInUse => Error::PortInUse { port: what },
                    std::io::ErrorKind::PermissionDenied if p.host_port < start => {
                        Error::PortPrivileged { port: what, start, wanted: p.host_port }
                    }
                    std::io::ErrorKind::AddrNotAvailable => Error::PortAddress { port: what },
                    _ => Error::PortBind { port: what, source: e },
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(v: &str) -> PortMapping {
        let mut all = parse_publish(v).unwrap();
        assert_eq!(all.len(), 1, "{v}");
        all.remove(0)
    }

    #[test]
    fn publish_forms() {
        assert_eq!(
            one("8080:80"),
            PortMapping { host_ip: None, host_port: 8080, container_port: 80, protocol: Proto::Tcp }
        );
        assert_eq!(one("80").host_port, 0);
        assert_eq!(one(":80").host_port, 0);
        let p = one("127.0.0.1:8080:80/udp");
        assert_eq!(p.host_ip, Some("127.0.0.1".parse().unwrap()));
        assert_eq!((p.host_port, p.container_port, p.protocol), (8080, 80, Proto::Udp));
        let p = one("127.0.0.1::80");
        assert_eq!((p.host_port, p.container_port), (0, 80));
        let p = one("[::1]:9000:90/tcp");
        assert_eq!(p.host_ip, Some("::1".parse().unwrap()));
        let r = parse_publish("8000-8002:80-82").unwrap();
        assert_eq!(
            r.iter().map(|p| (p.host_port, p.container_port)).collect::<Vec<_>>(),
            [(8000, 80), (8001, 81), (8002, 82)]
        );
        let r = parse_publish("80-81").unwrap();
        assert_eq!(r.iter().map(|p| (p.host_port, p.container_port)).collect::<Vec<_>>(), [(0, 80), (0, 81)]);
    }

    #[test]
    fn publish_errors_name_the_value() {
        for (v, why) in [
            ("abc", "not a port number"),
            ("8080:80/sctp", "unknown protocol"),
            ("1:2:3:4", "expected"),
            ("nothere:8080:80", "not an IP address"),
            ("8000-8001:80-82", "differ in length"),
            ("8000:80-82", "single host port"),
            ("90-80", "ends before it starts"),
            ("0", "not a valid port"),
            ("70000", "not a port number"),
            ("[::1:80:80", "unclosed"),
        ] {
            let e = parse_publish(v).unwrap_err().to_string();
            assert!(e.contains(&format!("{v:?}")) && e.contains(why), "{v}: {e}");
        }
    }

    #[test]
    fn exposed_ports_from_image_config() {
        let config = |v: serde_json::Value| -> oci_spec::image::Config {
            serde_json::from_value(v["config"].clone()).unwrap()
        };
        let cfg =
            config(serde_json::json!({"config": {"ExposedPorts": {"80/tcp": {}, "53/udp": {}, "8080": {}}}}));
        assert_eq!(exposed(&cfg), [(53, Proto::Udp), (80, Proto::Tcp), (8080, Proto::Tcp)]);
        assert!(exposed(&config(serde_json::json!({"config": {}}))).is_empty());
    }

    #[test]
    fn resolve_picks_free_ports_and_refuses_used_ones() {
        let lo = Some("127.0.0.1".parse().unwrap());
        let want = PortMapping { host_ip: lo, host_port: 0, container_port: 80, protocol: Proto::Tcp };
        let got = resolve(std::slice::from_ref(&want)).unwrap();
        assert_ne!(got[0].0.host_port, 0);
        assert!(matches!(got[0].1, Held::Tcp(_)));
        let busy = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = busy.local_addr().unwrap().port();
        let e = resolve(&[PortMapping { host_port: port, ..want.clone() }]).unwrap_err();
        assert!(matches!(e, Error::PortInUse { .. }), "{e}");
        assert!(e.to_string().contains(&port.to_string()));
    }
}
