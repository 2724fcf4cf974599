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

/// One line of a hosts file: an address and its names.
pub type HostEntry = (String, Vec<String>);

/// The names `host.containers.internal`'s line carries.
pub const HOST_INTERNAL_NAMES: [&str; 2] = ["host.containers.internal", "host.docker.internal"];

/// The entries of a hosts file: comments (`#` to the end of the line) dropped, lines with an
/// address but no name skipped.
pub fn parse_hosts(text: &str) -> Vec<HostEntry> {
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split('#').next().unwrap_or("").split_whitespace();
            let ip = fields.next()?;
            let names: Vec<String> = fields.map(String::from).collect();
            (!names.is_empty()).then(|| (ip.to_string(), names))
        })
        .collect()
}

/// The container's /etc/hosts, as podman writes it: the `--add-host` entries (`(name, ip)`) and
/// the `base` file's entries first, as they are; then `localhost` (IPv4 and IPv6),
/// `host.containers.internal` (when `host_internal` is given) and the container's `own` entries,
/// each with only the names that no line before it has (a line left with no name is dropped),
/// so that the user's entries win.
pub fn hosts(
    base: &[HostEntry],
    add_hosts: &[(String, String)],
    host_internal: Option<&str>,
    own: &[HostEntry],
) -> String {
    let mut out = String::new();
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let line = |out: &mut String, ip: &str, names: &[String]| {
        out.push_str(&format!("{ip}\t{}\n", names.join(" ")));
    };
    let user =
        add_hosts.iter().map(|(name, ip)| (ip.clone(), vec![name.clone()])).chain(base.iter().cloned());
    for (ip, names) in user {
        taken.extend(names.iter().cloned());
        line(&mut out, &ip, &names);
    }
    let localhost = vec!["localhost".to_string()];
    let mut special: Vec<HostEntry> =
        vec![("127.0.0.1".into(), localhost.clone()), ("::1".into(), localhost)];
    if let Some(ip) = host_internal {
        special.push((ip.to_string(), HOST_INTERNAL_NAMES.iter().map(|n| n.to_string()).collect()));
    }
    for (ip, names) in special.iter().chain(own) {
        let free: Vec<String> = names.iter().filter(|n| !taken.contains(*n)).cloned().collect();
        if !free.is_empty() {
            line(&mut out, ip, &free);
        }
    }
    out
}

/// The hosts file of a container that joins another's network namespace (a pod's member, or
/// `--network container:NAME`): the other's file, then the `--add-host` entries and
/// `own_names` on 127.0.0.1, each with only the names the file does not have yet.
pub fn joined_hosts(joined: &str, add_hosts: &[(String, String)], own_names: &[String]) -> String {
    let base = parse_hosts(joined);
    let mut own: Vec<HostEntry> = add_hosts.iter().map(|(n, ip)| (ip.clone(), vec![n.clone()])).collect();
    own.push(("127.0.0.1".into(), own_names.to_vec()));
    hosts(&base, &[], None, &own)
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
    fn hosts_file_as_podman_writes_it() {
        let base = parse_hosts("# c\n127.0.0.1 localhost\n10.1.1.1   base1 b1 # note\n10.1.1.2\n");
        assert_eq!(
            base,
            [
                ("127.0.0.1".into(), vec!["localhost".into()]),
                ("10.1.1.1".into(), vec!["base1".into(), "b1".into()])
            ]
        );
        let own = [("10.0.2.100".to_string(), vec!["web".to_string(), "web".to_string()])];
        let text = hosts(&base, &[("db".into(), "192.0.2.9".into())], Some("192.0.2.2"), &own);
        assert_eq!(
            text,
            "192.0.2.9\tdb\n127.0.0.1\tlocalhost\n10.1.1.1\tbase1 b1\n\
             192.0.2.2\thost.containers.internal host.docker.internal\n10.0.2.100\tweb web\n"
        );
        // A name the user's entries have is not added again (the base file's localhost covers
        // ::1 too, as in podman); a line left with no name goes.
        let own = [("10.0.2.100".to_string(), vec!["base1".to_string(), "db".to_string()])];
        let text = hosts(&base, &[("db".into(), "192.0.2.9".into())], None, &own);
        assert!(!text.contains("10.0.2.100"), "{text}");
        let text = hosts(&[], &[], None, &[("10.0.2.100".into(), vec!["c".into(), "n".into()])]);
        assert_eq!(text, "127.0.0.1\tlocalhost\n::1\tlocalhost\n10.0.2.100\tc n\n");
    }

    #[test]
    fn a_joined_containers_file_gets_the_names_it_lacks_on_loopback() {
        let infra =
            hosts(&[], &[], Some("192.0.2.2"), &[("192.0.2.2".into(), vec!["pod".into(), "infra".into()])]);
        let text = joined_hosts(&infra, &[("db".into(), "192.0.2.9".into())], &["pod".into(), "web".into()]);
        assert_eq!(text, format!("{infra}192.0.2.9\tdb\n127.0.0.1\tweb\n"));
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
