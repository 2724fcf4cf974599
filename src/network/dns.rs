//! The resolver of user-defined networks, run by the rootless namespace's holder
//! ([`super::rootless`]). One UDP socket on 0.0.0.0:53 in the rootless namespace answers every
//! network's gateway: the client's source address tells which network asks (a container sees
//! only the names of its own networks), and the kernel's source-address choice answers from the
//! gateway it asked. Parsing and building DNS messages is `hickory-proto`'s.
//!
//! Records come from `endpoints.json` ([`super::endpoints::Table`]), which skiff replaces
//! atomically when a container is attached or detached: before answering, the resolver compares
//! the file's identity (inode, size, mtime) with what it loaded and reloads it when it changed.
//! So a name resolves as soon as the `start` that attached it returns, nothing restarts, and no
//! query is dropped while records change. An unknown single-label name (or one in `dns.podman`)
//! gets NXDOMAIN at once; other names are forwarded, as received, to the host's resolvers
//! (pasta's forwarder stands in for a loopback one), each on a thread of its own.

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::{rdata, Name, RData, Record, RecordType};

use super::endpoints::Table;

/// The search domain of containers on DNS-enabled networks, as podman's.
pub const SEARCH_DOMAIN: &str = "dns.podman";

/// Binds the resolver's socket (in the caller's network namespace).
pub fn bind() -> std::io::Result<UdpSocket> {
    UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 53))
}

/// The upstream servers: the host's nameservers, a loopback one replaced by pasta's forwarder.
fn upstreams() -> Vec<SocketAddr> {
    let host = super::files::parse_resolv(&fs_err::read_to_string("/etc/resolv.conf").unwrap_or_default());
    let text = super::files::resolv_conf(&host, &[], &[], &[], Some(super::helper::PASTA_DNS));
    super::files::parse_resolv(&text)
        .nameservers
        .iter()
        .filter_map(|n| n.parse::<std::net::IpAddr>().ok())
        .map(|ip| SocketAddr::new(ip, 53))
        .collect()
}

/// Serves until the process exits.
pub fn serve(socket: UdpSocket, dir: &Path) {
    let socket = Arc::new(socket);
    let upstreams = Arc::new(upstreams());
    let file = dir.join(super::endpoints::FILE);
    let mut loaded: Option<(u64, u64, i64, i64)> = None;
    let mut table = Table::default();
    let mut buf = [0u8; 4096];
    loop {
        let Ok((n, from)) = socket.recv_from(&mut buf) else { continue };
        let SocketAddr::V4(client) = from else { continue };
        if let Ok(meta) = fs_err::metadata(&file) {
            let id = (meta.ino(), meta.size(), meta.mtime(), meta.mtime_nsec());
            if loaded != Some(id) {
                table = Table::read(dir);
                loaded = Some(id);
            }
        }
        match answer(&table, *client.ip(), &buf[..n]) {
            Some(reply) => {
                let _ = socket.send_to(&reply, from);
            }
            None => {
                let (socket, upstreams, query) = (socket.clone(), upstreams.clone(), buf[..n].to_vec());
                std::thread::spawn(move || forward(&socket, &upstreams, &query, from));
            }
        }
    }
}

/// Sends `query` to the upstreams in turn and relays the first reply to `client`.
fn forward(socket: &UdpSocket, upstreams: &[SocketAddr], query: &[u8], client: SocketAddr) {
    let Ok(up) = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)) else { return };
    let _ = up.set_read_timeout(Some(Duration::from_secs(2)));
    let mut buf = [0u8; 4096];
    for server in upstreams {
        if up.send_to(query, server).is_err() {
            continue;
        }
        if let Ok((n, _)) = up.recv_from(&mut buf) {
            let _ = socket.send_to(&buf[..n], client);
            return;
        }
    }
    // No upstream answered: SERVFAIL.
    if let Ok(q) = Message::from_vec(query) {
        let mut m = Message::error_msg(q.id(), q.op_code(), ResponseCode::ServFail);
        m.add_queries(q.queries().to_vec());
        if let Ok(bytes) = m.to_vec() {
            let _ = socket.send_to(&bytes, client);
        }
    }
}

/// The answer to `query` from `client` when it asks for a container on its network (or its
/// reverse name); `None` to forward it upstream.
pub fn answer(table: &Table, client: Ipv4Addr, query: &[u8]) -> Option<Vec<u8>> {
    let q = Message::from_vec(query).ok()?;
    let question = q.queries().first()?.clone();
    table.network_of(client)?;
    let name = question.name().to_lowercase().to_utf8();
    let name = name.trim_end_matches('.');
    let mut reply = Message::new();
    reply
        .set_id(q.id())
        .set_message_type(MessageType::Response)
        .set_op_code(q.op_code())
        .set_recursion_desired(q.recursion_desired())
        .set_recursion_available(true)
        .set_authoritative(true)
        .add_query(question.clone());
    if let Some(ip) = reverse_ip(name) {
        let target = table.reverse(client, ip)?;
        if question.query_type() == RecordType::PTR {
            let ptr = Name::from_ascii(format!("{target}.")).ok()?;
            reply.add_answer(Record::from_rdata(question.name().clone(), 0, RData::PTR(rdata::PTR(ptr))));
        }
        return reply.to_vec().ok();
    }
    let short = name.strip_suffix(&format!(".{SEARCH_DOMAIN}")).unwrap_or(name);
    if short.contains('.') {
        return None;
    }
    let ips = table.lookup(client, short);
    if ips.is_empty() {
        // A single label (or a name in the containers' domain) nobody has: no upstream knows it
        // either, and asking one only makes the client wait for its timeout.
        reply.set_response_code(ResponseCode::NXDomain);
        return reply.to_vec().ok();
    }
    if question.query_type() == RecordType::A {
        for ip in ips {
            reply.add_answer(Record::from_rdata(question.name().clone(), 0, RData::A(rdata::A(ip))));
        }
    }
    // Other types of a known name: no data (NOERROR, empty answer), so clients use the A record.
    reply.to_vec().ok()
}

/// The address of an `in-addr.arpa` name.
fn reverse_ip(name: &str) -> Option<Ipv4Addr> {
    let rest = name.strip_suffix(".in-addr.arpa")?;
    let parts: Vec<u8> = rest.split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [d, c, b, a]: [u8; 4] = parts.try_into().ok()?;
    Some(Ipv4Addr::new(a, b, c, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::config::{build, CreateOptions};
    use crate::network::endpoints::{Bridge, Endpoint};
    use hickory_proto::op::Query;

    fn table() -> Table {
        let n = build(
            &CreateOptions {
                name: Some("a".into()),
                subnet: Some("10.97.0.0/24".into()),
                ..Default::default()
            },
            &[],
        )
        .unwrap();
        let mut t = Table::default();
        t.bridges.insert("a".into(), Bridge::of(&n));
        t.endpoints.push(Endpoint {
            container: "c1".into(),
            network: "a".into(),
            ip: Ipv4Addr::new(10, 97, 0, 2),
            mac: "0a:00:00:00:00:01".into(),
            veth: "vethx".into(),
            interface: "eth0".into(),
            names: vec!["web".into(), "0123456789ab".into(), "www".into()],
        });
        t
    }

    fn query(name: &str, ty: RecordType) -> Vec<u8> {
        let mut m = Message::new();
        m.set_id(7).set_recursion_desired(true).add_query(Query::query(Name::from_ascii(name).unwrap(), ty));
        m.to_vec().unwrap()
    }

    fn a_records(reply: &[u8]) -> Vec<Ipv4Addr> {
        let m = Message::from_vec(reply).unwrap();
        assert_eq!(m.id(), 7);
        m.answers()
            .iter()
            .filter_map(|r| match r.data() {
                RData::A(a) => Some(a.0),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn answers_names_aliases_and_ids_on_the_same_network() {
        let t = table();
        let client = Ipv4Addr::new(10, 97, 0, 3);
        for name in ["web.", "WWW.", "0123456789ab.", "web.dns.podman."] {
            let reply = answer(&t, client, &query(name, RecordType::A)).expect(name);
            assert_eq!(a_records(&reply), [Ipv4Addr::new(10, 97, 0, 2)], "{name}");
        }
        let aaaa = answer(&t, client, &query("web.", RecordType::AAAA)).unwrap();
        assert!(a_records(&aaaa).is_empty());
        // Unknown and dotted names go upstream; so does any name from another network.
        assert!(answer(&t, client, &query("example.com.", RecordType::A)).is_none());
        let nx = Message::from_vec(&answer(&t, client, &query("nobody.", RecordType::A)).unwrap()).unwrap();
        assert_eq!(nx.response_code(), ResponseCode::NXDomain);
        assert!(answer(&t, Ipv4Addr::new(10, 1, 0, 3), &query("web.", RecordType::A)).is_none());
        let ptr = answer(&t, client, &query("2.0.97.10.in-addr.arpa.", RecordType::PTR)).unwrap();
        let m = Message::from_vec(&ptr).unwrap();
        assert!(matches!(m.answers()[0].data(), RData::PTR(p) if p.0.to_utf8() == "web."));
    }
}
