//! The name-resolution files of a container (`/etc/resolv.conf`, `/etc/hosts`, `/etc/hostname`):
//! their text, from the host's files and the command line. Pure functions; [`super::setup`]
//! writes them into the container's run-time directory, from where the spec bind-mounts them.

use std::net::IpAddr;

/// What the container's resolv.conf says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolv {
    pub nameservers: Vec<String>,
    pub search: Vec<String>,
    pub options: Vec<String>,
}

/// Parses the parts of a resolv.conf that a container inherits.
pub fn parse_resolv(text: &str) -> Resolv {
    let mut r = Resolv::default();
    for line in text.lines() {
        let line = line.split(['#', ';']).next().unwrap_or("");
        let mut words = line.split_whitespace();
        match words.next() {
            Some("nameserver") => r.nameservers.extend(words.next().map(String::from)),
            Some("search") | Some("domain") => r.search = words.map(String::from).collect(),
            Some("options") => r.options.extend(words.map(String::from)),
            _ => {}
        }
    }
    r
}

fn is_loopback(server: &str) -> bool {
    server.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The container's resolv.conf: `--dns`/`--dns-search`/`--dns-option` where given, else the
/// host's. Loopback nameservers of the host (a local resolver such as systemd-resolved) cannot be
/// reached from the container: they are replaced by `forwarder`, the helper's DNS forwarder, when
/// there is one.
pub fn resolv_conf(
    host: &Resolv,
    dns: &[String],
    search: &[String],
    options: &[String],
    forwarder: Option<&str>,
) -> String {
    let servers: Vec<String> = if !dns.is_empty() {
        dns.to_vec()
    } else {
        let mut s: Vec<String> = host.nameservers.iter().filter(|n| !is_loopback(n)).cloned().collect();
        if s.len() < host.nameservers.len() || s.is_empty() {
            if let Some(f) = forwarder {
                s.insert(0, f.to_string());
            }
        }
        s
    };
    let search = if search.is_empty() { &host.search } else { &search.to_vec() };
    let options = if options.is_empty() { &host.options } else { &options.to_vec() };
    let mut out = String::new();
    if !search.is_empty() && search.iter().all(|s| s != ".") {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    for s in servers {
        out.push_str(&format!("nameserver {s}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

/// The container's /etc/hosts: localhost, the container's own address with its hostname,
/// `host.containers.internal` for the host, then the `--add-host` entries (`(name, ip)`).
pub fn hosts(
    hostname: &str,
    own: Option<&str>,
    host_gateway: Option<&str>,
    add_hosts: &[(String, String)],
) -> String {
    let mut out = String::from(
        "127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n\
         ::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n",
    );
    for (name, ip) in add_hosts {
        out.push_str(&format!("{ip}\t{name}\n"));
    }
    out.push_str(&format!("{}\t{hostname}\n", own.unwrap_or("127.0.1.1")));
    if let Some(gw) = host_gateway {
        out.push_str(&format!("{gw}\thost.containers.internal host.docker.internal\n"));
    }
    out
}

/// Parses one `--add-host NAME:IP` (IPv6 addresses may contain ':'; `host-gateway` stands for
/// the host's address as seen from the container). Returns `(name, ip)`.
pub fn parse_add_host(value: &str) -> Result<(String, String), String> {
    let (name, ip) = value.split_once([':', '=']).ok_or("expected NAME:IP")?;
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(format!("{name:?} is not a host name"));
    }
    if ip != "host-gateway" && ip.trim_matches(['[', ']']).parse::<IpAddr>().is_err() {
        return Err(format!("{ip:?} is not an IP address"));
    }
    Ok((name.to_string(), ip.trim_matches(['[', ']']).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolv_from_host_or_flags() {
        let host = parse_resolv(
            "# c\nnameserver 10.0.0.1\nnameserver 127.0.0.53\nsearch a.example b\noptions ndots:2\n",
        );
        assert_eq!(host.nameservers, ["10.0.0.1", "127.0.0.53"]);
        let text = resolv_conf(&host, &[], &[], &[], Some("10.0.2.3"));
        assert_eq!(text, "search a.example b\nnameserver 10.0.2.3\nnameserver 10.0.0.1\noptions ndots:2\n");
        let text = resolv_conf(&host, &[], &[], &[], None);
        assert_eq!(text, "search a.example b\nnameserver 10.0.0.1\noptions ndots:2\n");
        let text = resolv_conf(
            &host,
            &["1.1.1.1".into()],
            &["x.test".into()],
            &["timeout:1".into()],
            Some("10.0.2.3"),
        );
        assert_eq!(text, "search x.test\nnameserver 1.1.1.1\noptions timeout:1\n");
        let remote = parse_resolv("nameserver 192.0.2.53\n");
        assert_eq!(resolv_conf(&remote, &[], &[], &[], Some("10.0.2.3")), "nameserver 192.0.2.53\n");
    }

    #[test]
    fn hosts_file() {
        let text = hosts("web", Some("10.0.2.100"), Some("10.0.2.2"), &[("db".into(), "192.0.2.9".into())]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("127.0.0.1\tlocalhost"));
        assert!(lines.contains(&"192.0.2.9\tdb"));
        assert!(lines.contains(&"10.0.2.100\tweb"));
        assert!(lines.contains(&"10.0.2.2\thost.containers.internal host.docker.internal"));
        assert!(hosts("web", None, None, &[]).contains("127.0.1.1\tweb\n"));
    }

    #[test]
    fn add_host_values() {
        assert_eq!(parse_add_host("db:192.0.2.9").unwrap(), ("db".into(), "192.0.2.9".into()));
        assert_eq!(parse_add_host("v6:[fd00::1]").unwrap(), ("v6".into(), "fd00::1".into()));
        assert_eq!(parse_add_host("v6:fd00::1").unwrap(), ("v6".into(), "fd00::1".into()));
        assert_eq!(parse_add_host("gw:host-gateway").unwrap().1, "host-gateway");
        assert!(parse_add_host("db").unwrap_err().contains("NAME:IP"));
        assert!(parse_add_host("db:nope").unwrap_err().contains("\"nope\""));
    }
}
