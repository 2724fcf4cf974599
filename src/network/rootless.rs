//! The per-user rootless network namespace of user-defined networks (DESIGN.md, Networking).
//!
//! One long-lived *holder* process (`skiff rootless-netns`, hidden) owns it: it is started as an
//! ordinary skiff command, so it joins a user namespace of its own with the standard mapping,
//! then unshares a network namespace, starts pasta on it for the way out, serves DNS
//! ([`super::dns`]) and exits when no container is attached any more. Commands that start
//! containers on a network join the holder's user namespace first ([`enter`]), so the holder's
//! network namespace and the containers' namespaces have one owner and a veth pair can join them.
//!
//! Files in `<runroot>/networks/` ([`Dir`]):
//! - `rootless.lock`: flock, held while anything in the namespace or `endpoints.json` changes,
//!   and while a holder is being started;
//! - `holder.lock`: flock, held by the holder for its whole life (held = a holder is alive);
//! - `holder.pid`: written by the holder when it is ready, removed when it decides to exit;
//! - `pasta.pid`, `holder.log`;
//! - `pins/<pid>`: commands that joined the holder's user namespace and may attach a container
//!   soon; the holder stays while a pinned process lives;
//! - `endpoints.json` ([`super::endpoints::Table`]).
//!
//! Repair: every holder liveness check, [`attach`] and [`detach`] drop endpoints whose veth is gone
//! (a `kill -9`ed container's namespace takes its veth pair with it); a stale pasta from a killed
//! holder is stopped by the next holder; a killed command leaves at most a dead pin.

use std::fs::File;
use std::net::Ipv4Addr;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use rtnetlink::{LinkBridge, LinkUnspec, LinkVeth, RouteMessageBuilder};

use super::config::Network;
use super::endpoints::{self, Bridge, Endpoint, Table};

/// Errors of the rootless network namespace.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot use {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the rootless network namespace did not start: {detail}")]
    HolderStart { detail: String },
    #[error("the rootless network namespace is not running")]
    NoHolder,
    #[error("cannot join the rootless network namespace")]
    Join(#[source] nix::Error),
    #[error("cannot {what}")]
    Netlink {
        what: String,
        #[source]
        source: rtnetlink::Error,
    },
    #[error("cannot set the firewall rules of the rootless network namespace")]
    Firewall(#[source] nftables::helper::NftablesError),
    #[error("nft is not installed (not found in PATH, /usr/sbin or /sbin)")]
    NftMissing,
    #[error(transparent)]
    Alloc(#[from] endpoints::AllocError),
    #[error("invalid MAC address {value:?}")]
    BadMac { value: String },
}

impl Error {
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NftMissing => Some("install nftables (it provides nft)".into()),
            Error::HolderStart { .. } => Some("see <runroot>/networks/holder.log".into()),
            _ => None,
        }
    }
}

/// The run-time directory of the rootless namespace: `<runroot>/networks`.
#[derive(Debug, Clone)]
pub struct Dir(pub PathBuf);

impl Dir {
    pub fn new(run_root: &Path) -> Dir {
        Dir(run_root.join("networks"))
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn ensure(&self) -> Result<(), Error> {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(self.0.join("pins"))
            .map_err(|source| Error::Io { path: self.0.clone(), source })
    }

    /// The holder's pid when it is alive and not exiting.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn holder(&self) -> Option<i32> {
        let pid: i32 = fs_err::read_to_string(self.file("holder.pid")).ok()?.trim().parse().ok()?;
        let file = File::options().write(true).open(self.file("holder.lock")).ok()?;
        match nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusiveNonblock) {
            // Nobody holds it: the holder is gone.
            Ok(_) => None,
            Err(_) => std::path::Path::new(&format!("/proc/{pid}")).exists().then_some(pid),
        }
    }

    /// The endpoint table, for readers that need no lock (inspect, ps).
    pub fn table(&self) -> Table {
        Table::read(&self.0)
    }
}

/// A held `rootless.lock`.
pub struct Lock(#[allow(dead_code)] nix::fcntl::Flock<File>);

impl Lock {
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn acquire(dir: &Dir) -> Result<Lock, Error> {
        dir.ensure()?;
        let path = dir.file("rootless.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::Io { path: path.clone(), source })?;
        nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive)
            .map(Lock)
            .map_err(|(_, e)| Error::Io { path, source: e.into() })
    }
}

/// Makes sure a holder runs (starting one: `holder_command` is this binary with the global flags)
/// and pins this process to it. Returns the holder's pid, whose user namespace the caller joins.
/// Runs before the caller enters any user namespace (single-threaded).
pub fn ensure_holder(dir: &Dir, holder_command: &mut std::process::Command) -> Result<i32, Error> {
    let _lock = Lock::acquire(dir)?;
    let pid = match dir.holder() {
        Some(pid) => pid,
        None => start_holder(dir, holder_command)?,
    };
    let pin = dir.0.join("pins").join(std::process::id().to_string());
    fs_err::write(&pin, b"").map_err(|source| Error::Io { path: pin, source })?;
    Ok(pid)
}

#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
fn start_holder(dir: &Dir, command: &mut std::process::Command) -> Result<i32, Error> {
    use std::os::unix::process::CommandExt;
    let _ = fs_err::remove_file(dir.file("holder.pid"));
    let log_path = dir.file("holder.log");
    let log = File::create(&log_path).map_err(|source| Error::Io { path: log_path.clone(), source })?;
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(log.try_clone().map_err(|source| Error::Io { path: log_path.clone(), source })?)
        .stderr(log)
        .process_group(0)
        .spawn()
        .map_err(|e| Error::HolderStart { detail: e.to_string() })?;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        // Ours, or one started by a command killed while it waited, which got ready first (ours
        // then leaves by itself).
        if let Some(ready) = dir.holder() {
            // Reaped by init once this command exits.
            std::mem::forget(child);
            return Ok(ready);
        }
        if let Ok(Some(status)) = child.try_wait() {
            let log = fs_err::read_to_string(&log_path).unwrap_or_default();
            let said = log.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").to_string();
            return Err(Error::HolderStart { detail: format!("it exited ({status}): {said}") });
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::HolderStart { detail: "it was not ready within 20 s".into() });
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The holder process (after it joined its user namespace; single-threaded until the resolver
/// starts): creates the namespace, starts pasta, serves DNS, and returns when no container is
/// attached and no pinned command lives.
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
pub fn serve_holder(dir: &Dir) -> Result<(), Error> {
    dir.ensure()?;
    let lock_path = dir.file("holder.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::Io { path: lock_path.clone(), source })?;
    // Waits while an exiting holder finishes; leaves when another one is ready.
    let mut file = file;
    let deadline = Instant::now() + Duration::from_secs(10);
    let _held = loop {
        match nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusiveNonblock) {
            Ok(held) => break held,
            Err((back, _)) => file = back,
        }
        if dir.holder().is_some() {
            tracing::info!("another holder serves the rootless network namespace");
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(Error::HolderStart { detail: format!("{} stays locked", lock_path.display()) });
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    stop_stale_pasta(dir);
    // pasta must start from the host's network namespace (it copies the host's addresses and
    // routes from there), into ours once it exists: a child forked before the unshare waits for
    // the word, then runs it.
    let (ready_r, ready_w) = std::io::pipe().map_err(|source| Error::Io { path: "pipe".into(), source })?;
    let holder = std::process::id();
    let pasta_dir = dir.0.clone();
    // SAFETY: the holder forks this starter before it starts any thread (tokio and the resolver
    // come after the unshare below).
    #[allow(unsafe_code)]
    let starter = unsafe {
        crate::sys::fork_helper(move || {
            use std::io::Read;
            let mut byte = [0u8; 1];
            if (&ready_r).read_exact(&mut byte).is_err() {
                return 1;
            }
            // pasta refuses /proc/PID/ns paths here (its AppArmor profile): it gets a bind mount of
            // the namespace in the holder's mount namespace, which this child shares.
            let _ = holder;
            let netns = pasta_dir.join("netns");
            match super::helper::start_pasta(&netns, &pasta_dir, &[]) {
                Ok(_) => 0,
                Err(e) => {
                    let mut text = e.to_string();
                    let mut cause = std::error::Error::source(&e);
                    while let Some(c) = cause {
                        text.push_str(&format!(": {c}"));
                        cause = c.source();
                    }
                    #[allow(clippy::print_stderr, reason = "the starter's stderr is the holder's log")]
                    {
                        eprintln!("{text}");
                    }
                    1
                }
            }
        })
    }
    .map_err(Error::Join)?;
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET).map_err(Error::Join)?;
    let io = |path: &str| {
        let path = PathBuf::from(path);
        move |source| Error::Io { path, source }
    };
    fs_err::write("/proc/sys/net/ipv4/ip_forward", b"1").map_err(io("/proc/sys/net/ipv4/ip_forward"))?;
    in_runtime(async {
        let (conn, handle, _) = rtnetlink::new_connection().map_err(io("netlink"))?;
        tokio::spawn(conn);
        let lo = link_index(&handle, "lo").await?.ok_or(Error::NoHolder)?;
        handle
            .link()
            .set(LinkUnspec::new_with_index(lo).up().build())
            .execute()
            .await
            .map_err(|source| Error::Netlink { what: "set lo up".into(), source })
    })?;
    let ns_file = dir.file("netns");
    super::netns::bind(Path::new("/proc/self/ns/net"), &ns_file)
        .map_err(|e| Error::HolderStart { detail: e.to_string() })?;
    {
        use std::io::Write;
        let _ = (&ready_w).write_all(b"1");
    }
    drop(ready_w);
    let started = nix::sys::wait::waitpid(starter, None);
    let pasta = fs_err::read_to_string(dir.file("pasta.pid")).ok().and_then(|s| s.trim().parse::<i32>().ok());
    let pasta = match (started, pasta) {
        (Ok(nix::sys::wait::WaitStatus::Exited(_, 0)), Some(pid)) => pid,
        _ => {
            return Err(Error::HolderStart {
                detail: "pasta did not start (its message is in holder.log)".into(),
            })
        }
    };
    // A new namespace has no bridges and no endpoints.
    Table::default().write(&dir.0).map_err(|source| Error::Io { path: dir.file(endpoints::FILE), source })?;
    let socket = super::dns::bind().map_err(io("0.0.0.0:53"))?;
    let table_dir = dir.0.clone();
    std::thread::spawn(move || super::dns::serve(socket, &table_dir));
    crate::sys::atomic::write_atomic(&dir.file("holder.pid"), std::process::id().to_string().as_bytes())
        .map_err(io("holder.pid"))?;
    tracing::info!(pasta, "rootless network namespace ready");
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let present = veths();
        let table = Table::read(&dir.0);
        let stale = table.endpoints.iter().any(|e| !present.contains(&e.veth));
        if !stale && (!table.endpoints.is_empty() || live_pins(dir) > 0) {
            continue;
        }
        let _lock = Lock::acquire(dir)?;
        let present = veths();
        let mut table = Table::read(&dir.0);
        let gone = table.reclaim(&present);
        let pinned = live_pins(dir);
        if !gone.is_empty() {
            let _ = table.write(&dir.0);
        }
        if table.endpoints.is_empty() && pinned == 0 {
            let _ = fs_err::remove_file(dir.file("holder.pid"));
            let _ = Table::default().write(&dir.0);
            kill_pid(pasta);
            tracing::info!("no container left on the rootless network namespace: exiting");
            return Ok(());
        }
    }
}

fn kill_pid(pid: i32) {
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGTERM);
}

/// Stops the pasta of a holder that was killed (it would keep the old namespace alive).
fn stop_stale_pasta(dir: &Dir) {
    let Some(pid) =
        fs_err::read_to_string(dir.file("pasta.pid")).ok().and_then(|s| s.trim().parse::<i32>().ok())
    else {
        return;
    };
    if super::process_alive(pid, Some("pasta")) {
        kill_pid(pid);
    }
    let _ = fs_err::remove_file(dir.file("pasta.pid"));
}

/// The veth interfaces of the current thread's network namespace.
fn veths() -> Vec<String> {
    nix::ifaddrs::getifaddrs()
        .map(|a| a.map(|i| i.interface_name).filter(|n| n.starts_with("veth")).collect::<Vec<_>>())
        .unwrap_or_default()
}

fn live_pins(dir: &Dir) -> usize {
    let Ok(entries) = fs_err::read_dir(dir.0.join("pins")) else { return 0 };
    let mut live = 0;
    for e in entries.flatten() {
        let pid = e.file_name().to_string_lossy().parse::<i32>().unwrap_or(0);
        if pid > 0 && super::process_alive(pid, None) {
            live += 1;
        } else {
            let _ = fs_err::remove_file(e.path());
        }
    }
    live
}

/// Runs `fut` on a current-thread runtime of this thread.
fn in_runtime<T>(fut: impl std::future::Future<Output = Result<T, Error>>) -> Result<T, Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io { path: "tokio".into(), source })?
        .block_on(fut)
}

async fn link_index(handle: &rtnetlink::Handle, name: &str) -> Result<Option<u32>, Error> {
    let mut links = handle.link().get().match_name(name.to_string()).execute();
    match links.try_next().await {
        Ok(Some(l)) => Ok(Some(l.header.index)),
        Ok(None) => Ok(None),
        // ENODEV: no such link.
        Err(rtnetlink::Error::NetlinkError(e)) if e.raw_code() == -libc::ENODEV => Ok(None),
        Err(source) => Err(Error::Netlink { what: format!("look up link {name}"), source }),
    }
}

/// Runs `f` on a new thread that has joined the network namespace `ns` (a thread's namespace
/// is its own: the caller's does not change).
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
fn in_netns<T: Send + 'static>(
    ns: &Path,
    f: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    let file = File::open(ns).map_err(|source| Error::Io { path: ns.to_path_buf(), source })?;
    std::thread::spawn(move || {
        nix::sched::setns(&file, nix::sched::CloneFlags::CLONE_NEWNET).map_err(Error::Join)?;
        f()
    })
    .join()
    .unwrap_or_else(|_| Err(Error::NoHolder))
}

/// One network a container is to be attached to.
#[derive(Debug, Clone)]
pub struct Request {
    pub network: Network,
    pub ip: Option<Ipv4Addr>,
    pub mac: Option<String>,
    /// The container's name, short id and aliases.
    pub names: Vec<String>,
    /// `eth0`, `eth1`...
    pub interface: String,
    /// Whether this network gives the container its default route.
    pub default_route: bool,
}

/// Attaches the container whose network namespace is `container_ns` to the requested networks:
/// a bridge per network (created on first use), a veth pair per network with the container's
/// end moved into its namespace and configured (address, MAC, MTU, default route), the firewall
/// updated, the endpoints recorded. Under `rootless.lock`; on an error nothing new is left.
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
pub fn attach(
    dir: &Dir,
    container: &str,
    container_ns: &Path,
    requests: &[Request],
) -> Result<Vec<Endpoint>, Error> {
    let _lock = Lock::acquire(dir)?;
    let holder = dir.holder().ok_or(Error::NoHolder)?;
    let rootless = PathBuf::from(format!("/proc/{holder}/ns/net"));
    let cns =
        File::open(container_ns).map_err(|source| Error::Io { path: container_ns.to_path_buf(), source })?;
    let table_dir = dir.0.clone();
    let container = container.to_string();
    let requests = requests.to_vec();
    let nft = find_nft().ok_or(Error::NftMissing)?;
    in_netns(&rootless, move || {
        let mut table = Table::read(&table_dir);
        table.reclaim(&veths());
        let result = in_runtime(attach_all(&mut table, &container, &cns, &requests));
        let done = result.and_then(|added| {
            apply_firewall(&nft, &table)?;
            Ok(added)
        });
        match done {
            Ok(added) => {
                table
                    .write(&table_dir)
                    .map_err(|source| Error::Io { path: table_dir.join(endpoints::FILE), source })?;
                Ok(added)
            }
            Err(e) => {
                // Undo: the veths of this container that were made.
                let veths: Vec<String> =
                    requests.iter().map(|r| endpoints::veth_name(&container, &r.network.name)).collect();
                let _ = in_runtime(delete_links(veths));
                Err(e)
            }
        }
    })
}

#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
async fn attach_all(
    table: &mut Table,
    container: &str,
    cns: &File,
    requests: &[Request],
) -> Result<Vec<Endpoint>, Error> {
    let io = |source| Error::Io { path: "netlink".into(), source };
    let (conn, h, _) = rtnetlink::new_connection().map_err(io)?;
    tokio::spawn(conn);
    // A socket stays in the namespace it was made in: this one is the container's.
    let (conn_c, hc, _) = {
        let here = File::open("/proc/thread-self/ns/net").map_err(io)?;
        nix::sched::setns(cns, nix::sched::CloneFlags::CLONE_NEWNET).map_err(Error::Join)?;
        let made = rtnetlink::new_connection().map_err(io);
        nix::sched::setns(&here, nix::sched::CloneFlags::CLONE_NEWNET).map_err(Error::Join)?;
        made?
    };
    tokio::spawn(conn_c);
    let nl = |what: String| move |source| Error::Netlink { what, source };
    let mut added = Vec::new();
    for r in requests {
        let net = &r.network;
        let bridge = Bridge::of(net);
        let br = match link_index(&h, &bridge.interface).await? {
            Some(i) => i,
            None => {
                // A fixed MAC: a bridge otherwise takes the lowest MAC of its ports, which changes
                // as containers come and go, and every container's ARP entry for the gateway then
                // points nowhere until it is probed again (seconds of lost DNS queries).
                let o = bridge.gateway.octets();
                let mut b =
                    LinkBridge::new(&bridge.interface).address(vec![0x02, 0x53, o[0], o[1], o[2], o[3]]);
                if bridge.mtu > 0 {
                    b = b.mtu(bridge.mtu);
                }
                h.link()
                    .add(b.build())
                    .execute()
                    .await
                    .map_err(nl(format!("create bridge {}", bridge.interface)))?;
                link_index(&h, &bridge.interface).await?.ok_or(Error::NoHolder)?
            }
        };
        // Also for a bridge found: a command killed right after creating it left it without its
        // address, or down.
        match h.address().add(br, bridge.gateway.into(), bridge.subnet.prefix).execute().await {
            Err(rtnetlink::Error::NetlinkError(e)) if e.raw_code() == -libc::EEXIST => {}
            done => done.map_err(nl(format!("add {} to {}", bridge.gateway, bridge.interface)))?,
        }
        h.link()
            .set(LinkUnspec::new_with_index(br).up().build())
            .execute()
            .await
            .map_err(nl("set the bridge up".into()))?;
        table.bridges.insert(net.name.clone(), bridge.clone());
        let ip = table.allocate(net, r.ip)?;
        let mac = match &r.mac {
            Some(m) => m.clone(),
            None => endpoints::random_mac(),
        };
        let mac_bytes = endpoints::parse_mac(&mac).ok_or_else(|| Error::BadMac { value: mac.clone() })?;
        let veth = endpoints::veth_name(container, &net.name);
        let peer = format!("c{}", &veth[4..]);
        // A leftover of a killed attach.
        if let Some(old) = link_index(&h, &veth).await? {
            let _ = h.link().del(old).execute().await;
        }
        // The namespace may still know the address's old MAC (an endpoint gone while others
        // kept the bridge): connections to it would stall until the entry is probed again.
        forget_neighbour(&h, ip).await;
        let mut pair = LinkVeth::new(&veth, &peer);
        if bridge.mtu > 0 {
            pair = pair.mtu(bridge.mtu);
        }
        h.link().add(pair.build()).execute().await.map_err(nl(format!("create veth {veth}")))?;
        let vi = link_index(&h, &veth).await?.ok_or(Error::NoHolder)?;
        let pi = link_index(&h, &peer).await?.ok_or(Error::NoHolder)?;
        h.link()
            .set(LinkUnspec::new_with_index(vi).controller(br).up().build())
            .execute()
            .await
            .map_err(nl(format!("attach {veth} to {}", bridge.interface)))?;
        h.link()
            .set(LinkUnspec::new_with_index(pi).setns_by_fd(cns.as_raw_fd()).build())
            .execute()
            .await
            .map_err(nl(format!("move {peer} into the container")))?;
        // Inside the container's namespace. The name was chosen free by the container's state:
        // a link that has it is the leftover of a killed `network connect` (it goes, with its pair).
        if let Some(stale) = link_index(&hc, &r.interface).await? {
            let _ = hc.link().del(stale).execute().await;
        }
        let ci = link_index(&hc, &peer).await?.ok_or(Error::NoHolder)?;
        hc.link()
            .set(LinkUnspec::new_with_index(ci).name(r.interface.clone()).address(mac_bytes.to_vec()).build())
            .execute()
            .await
            .map_err(nl(format!("name {}", r.interface)))?;
        hc.address()
            .add(ci, ip.into(), bridge.subnet.prefix)
            .execute()
            .await
            .map_err(nl(format!("add {ip} to {}", r.interface)))?;
        hc.link()
            .set(LinkUnspec::new_with_index(ci).up().build())
            .execute()
            .await
            .map_err(nl("set eth up".into()))?;
        if r.default_route && !bridge.internal {
            let route =
                RouteMessageBuilder::<Ipv4Addr>::new().gateway(bridge.gateway).output_interface(ci).build();
            hc.route().add(route).execute().await.map_err(nl(format!("route via {}", bridge.gateway)))?;
        }
        let ep = Endpoint {
            container: container.to_string(),
            network: net.name.clone(),
            ip,
            mac,
            veth,
            interface: r.interface.clone(),
            names: r.names.clone(),
        };
        table.endpoints.retain(|e| !(e.container == container && e.network == net.name));
        table.endpoints.push(ep.clone());
        added.push(ep);
    }
    Ok(added)
}

/// Gives the container whose network namespace is `container_ns` a default route through the
/// first of `candidates` (its interface, the network's gateway) when it has none: after
/// `network disconnect` of the network that gave it one, its other networks take over (replies
/// to a published port's clients and its way out need it).
pub fn ensure_default_route(container_ns: &Path, candidates: &[(String, Ipv4Addr)]) -> Result<(), Error> {
    let Some((interface, gateway)) = candidates.first().cloned() else { return Ok(()) };
    in_netns(container_ns, move || {
        in_runtime(async move {
            let (conn, h, _) =
                rtnetlink::new_connection().map_err(|source| Error::Io { path: "netlink".into(), source })?;
            tokio::spawn(conn);
            let nl = |what: String| move |source| Error::Netlink { what, source };
            let routes: Vec<_> = h
                .route()
                .get(RouteMessageBuilder::<Ipv4Addr>::new().build())
                .execute()
                .try_collect()
                .await
                .map_err(nl("list the container's routes".into()))?;
            let main = libc::RT_TABLE_MAIN;
            if routes.iter().any(|r| r.header.destination_prefix_length == 0 && r.header.table == main) {
                return Ok(());
            }
            let index = link_index(&h, &interface).await?.ok_or(Error::NoHolder)?;
            let route =
                RouteMessageBuilder::<Ipv4Addr>::new().gateway(gateway).output_interface(index).build();
            h.route().add(route).execute().await.map_err(nl(format!("route via {gateway}")))
        })
    })
}

/// Deletes the neighbour (ARP) entries for `ip` in the namespace of `h`.
async fn forget_neighbour(h: &rtnetlink::Handle, ip: Ipv4Addr) {
    use rtnetlink::packet_route::neighbour::{NeighbourAddress, NeighbourAttribute};
    let Ok(all) = h.neighbours().get().execute().try_collect::<Vec<_>>().await else { return };
    for m in all {
        let hit = m
            .attributes
            .iter()
            .any(|a| matches!(a, NeighbourAttribute::Destination(NeighbourAddress::Inet(d)) if *d == ip));
        if hit {
            let _ = h.neighbours().del(m).execute().await;
        }
    }
}

async fn delete_links(names: Vec<String>) -> Result<(), Error> {
    let (conn, h, _) =
        rtnetlink::new_connection().map_err(|source| Error::Io { path: "netlink".into(), source })?;
    tokio::spawn(conn);
    for n in names {
        if let Some(i) = link_index(&h, &n).await? {
            let _ = h.link().del(i).execute().await;
        }
    }
    Ok(())
}

/// The directories searched for `nft` after `PATH`: where distributions install it, and which
/// an ordinary user's `PATH` often lacks (Debian's), as podman adds `/usr/sbin` for its plugins.
const SBIN_DIRS: [&str; 4] = ["/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin"];

/// `nft`: in `PATH`, else in [`SBIN_DIRS`].
fn find_nft() -> Option<PathBuf> {
    crate::userns::find_in_path("nft").or_else(|| find_in_dirs("nft", &SBIN_DIRS))
}

/// The first executable file `program` in `dirs`.
fn find_in_dirs(program: &str, dirs: &[&str]) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    dirs.iter()
        .map(|d| Path::new(d).join(program))
        .find(|p| p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

/// `network reload`: drops the endpoints whose veth is gone and applies the firewall rules of the
/// rootless namespace again from the endpoint table (after something flushed them).
pub fn reload(dir: &Dir) -> Result<(), Error> {
    let _lock = Lock::acquire(dir)?;
    let holder = dir.holder().ok_or(Error::NoHolder)?;
    let rootless = PathBuf::from(format!("/proc/{holder}/ns/net"));
    let table_dir = dir.0.clone();
    let nft = find_nft().ok_or(Error::NftMissing)?;
    in_netns(&rootless, move || {
        let mut table = Table::read(&table_dir);
        table.reclaim(&veths());
        apply_firewall(&nft, &table)?;
        table.write(&table_dir).map_err(|source| Error::Io { path: table_dir.join(endpoints::FILE), source })
    })
}

/// Detaches `container` from `networks` (all of its networks when `None`): deletes its veths,
/// drops its endpoints and the bridges nobody uses any more, updates the firewall. Idempotent;
/// with no holder there is nothing left in any namespace, and only the table is cleaned.
pub fn detach(dir: &Dir, container: &str, networks: Option<&[String]>) -> Result<Vec<Endpoint>, Error> {
    let _lock = Lock::acquire(dir)?;
    let mut table = Table::read(&dir.0);
    let matches = |e: &Endpoint| e.container == container && networks.is_none_or(|n| n.contains(&e.network));
    let (gone, keep): (Vec<Endpoint>, Vec<Endpoint>) = table.endpoints.drain(..).partition(matches);
    table.endpoints = keep;
    let unused: Vec<String> = table.bridges.keys().filter(|n| !table.in_use(n)).cloned().collect();
    let unused_bridges: Vec<String> =
        unused.iter().filter_map(|n| table.bridges.remove(n)).map(|b| b.interface).collect();
    if let Some(holder) = dir.holder() {
        let rootless = PathBuf::from(format!("/proc/{holder}/ns/net"));
        let mut links: Vec<String> = gone.iter().map(|e| e.veth.clone()).collect();
        links.extend(unused_bridges);
        let t = table.clone();
        let nft = find_nft();
        // From a command outside the holder's user namespace (`rm -f`) this is refused: the
        // veths then go with the container's namespace, and the bridges stay for the next one.
        let done = in_netns(&rootless, move || {
            in_runtime(delete_links(links))?;
            match nft {
                Some(nft) => apply_firewall(&nft, &t),
                None => Ok(()),
            }
        });
        if let Err(e) = done {
            tracing::debug!("cannot clean the rootless network namespace: {e}");
        }
    }
    table.write(&dir.0).map_err(|source| Error::Io { path: dir.file(endpoints::FILE), source })?;
    Ok(gone)
}

/// The nftables ruleset of the rootless namespace for `table`'s bridges, replacing the previous
/// one in one transaction (table `inet skiff`): masquerade from each non-internal bridge to the
/// outside; forwarding only within a bridge and from a non-internal bridge out (so two networks
/// cannot reach each other, and an internal one reaches nothing beyond its bridge); from an
/// internal bridge, only DNS to the namespace itself.
pub fn ruleset(table: &Table) -> serde_json::Value {
    use serde_json::json;
    let t = |extra: serde_json::Value| {
        let mut v = json!({"family": "inet", "table": "skiff"});
        v.as_object_mut().expect("object").extend(extra.as_object().expect("object").clone());
        v
    };
    let meta = |key: &str| json!({"meta": {"key": key}});
    let m = |left: serde_json::Value, op: &str, right: serde_json::Value| json!({"match": {"op": op, "left": left, "right": right}});
    let bridges: Vec<&str> = table.bridges.values().map(|b| b.interface.as_str()).collect();
    let all = json!({"set": bridges});
    let mut cmds = vec![
        json!({"add": {"table": {"family": "inet", "name": "skiff"}}}),
        json!({"delete": {"table": {"family": "inet", "name": "skiff"}}}),
        json!({"add": {"table": {"family": "inet", "name": "skiff"}}}),
        json!({"add": {"chain": t(json!({"name": "postrouting", "type": "nat", "hook": "postrouting", "prio": 100, "policy": "accept"}))}}),
        json!({"add": {"chain": t(json!({"name": "forward", "type": "filter", "hook": "forward", "prio": 0, "policy": "drop"}))}}),
        json!({"add": {"chain": t(json!({"name": "input", "type": "filter", "hook": "input", "prio": 0, "policy": "accept"}))}}),
        json!({"add": {"rule": t(json!({"chain": "forward", "expr": [
            m(json!({"ct": {"key": "state"}}), "in", json!(["established", "related"])), {"accept": null}]}))}}),
        json!({"add": {"rule": t(json!({"chain": "input", "expr": [
            m(json!({"ct": {"key": "state"}}), "in", json!(["established", "related"])), {"accept": null}]}))}}),
    ];
    for b in table.bridges.values() {
        let iif = m(meta("iifname"), "==", json!(b.interface));
        cmds.push(json!({"add": {"rule": t(json!({"chain": "forward", "expr": [
            iif, m(meta("oifname"), "==", json!(b.interface)), {"accept": null}]}))}}));
        if b.internal {
            for proto in ["udp", "tcp"] {
                cmds.push(json!({"add": {"rule": t(json!({"chain": "input", "expr": [
                    iif, m(json!({"payload": {"protocol": proto, "field": "dport"}}), "==", json!(53)), {"accept": null}]}))}}));
            }
            cmds.push(json!({"add": {"rule": t(json!({"chain": "input", "expr": [iif, {"drop": null}]}))}}));
        } else {
            cmds.push(json!({"add": {"rule": t(json!({"chain": "forward", "expr": [
                iif, m(meta("oifname"), "!=", all.clone()), {"accept": null}]}))}}));
            let net = json!({"prefix": {"addr": b.subnet.addr.to_string(), "len": b.subnet.prefix}});
            cmds.push(json!({"add": {"rule": t(json!({"chain": "postrouting", "expr": [
                m(json!({"payload": {"protocol": "ip", "field": "saddr"}}), "==", net.clone()),
                m(json!({"payload": {"protocol": "ip", "field": "daddr"}}), "!=", net),
                {"masquerade": null}]}))}}));
        }
    }
    json!({"nftables": cmds})
}

fn apply_firewall(nft: &Path, table: &Table) -> Result<(), Error> {
    let rules: nftables::schema::Nftables =
        serde_json::from_value(ruleset(table)).expect("the ruleset fits nft's JSON schema");
    nftables::helper::apply_ruleset_with_args(&rules, Some(nft.as_os_str()), std::iter::empty::<&str>())
        .map_err(Error::Firewall)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::config::{build, CreateOptions};

    #[test]
    fn ruleset_parses_as_nft_json_and_isolates_bridges() {
        let mut t = Table::default();
        for (name, subnet, internal) in [("a", "10.98.1.0/24", false), ("b", "10.98.2.0/24", true)] {
            let n = build(
                &CreateOptions {
                    name: Some(name.into()),
                    subnet: Some(subnet.into()),
                    internal,
                    ..Default::default()
                },
                &[],
            )
            .unwrap();
            t.bridges.insert(name.into(), Bridge::of(&n));
        }
        let v = ruleset(&t);
        let _: nftables::schema::Nftables = serde_json::from_value(v.clone()).unwrap();
        let text = v.to_string();
        assert!(text.contains(r#""policy":"drop""#), "{text}");
        // Masquerade for the open network only.
        assert_eq!(text.matches("masquerade").count(), 1, "{text}");
        assert!(text.contains(r#""addr":"10.98.1.0""#));
    }
}
