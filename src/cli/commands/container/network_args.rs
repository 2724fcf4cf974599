//! The network flags of `run`/`create` ([`NetworkArgs`]) and the network steps of a container's
//! life: storing its [`network::Config`] at create, setting the network up before the supervisor
//! starts, tearing it down after the exit (see [`crate::network`]).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::engine::{containers, Context};
use crate::network::{self, files, Config, Joined, Mode};
use crate::runtime::spec::{NetworkFiles, RunOptions};
use crate::runtime::supervisor;
use crate::storage::{ContainerRecord, State, Store};

/// Network options.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NetworkArgs {
    /// Network mode: pasta (default when installed), slirp4netns, none (only lo), host,
    /// container:NAME (share another container's network namespace), bridge (the default network
    /// podman) or a network's name (repeat for several networks)
    #[arg(long = "network", alias = "net", value_name = "MODE")]
    pub network: Vec<String>,
    /// Another name of the container on its networks (repeatable)
    #[arg(long = "network-alias", value_name = "NAME")]
    pub network_alias: Vec<String>,
    /// The container's IPv4 address on its (first) network
    #[arg(long = "ip", value_name = "IP")]
    pub ip: Option<std::net::Ipv4Addr>,
    /// The container's MAC address on its (first) network
    #[arg(long = "mac-address", value_name = "MAC")]
    pub mac_address: Option<String>,
    /// Publish a container port on the host: [[IP:][HOSTPORT]:]CONTAINERPORT[/tcp|udp]; ranges
    /// such as 8000-8010:80-90; no HOSTPORT picks a free one (see `skiff port`)
    #[arg(short = 'p', long = "publish", value_name = "PORTS")]
    pub publish: Vec<String>,
    /// Publish every port the image EXPOSEs on a free host port
    #[arg(short = 'P', long = "publish-all")]
    pub publish_all: bool,
    /// Nameserver for the container's /etc/resolv.conf (default: the host's)
    #[arg(long = "dns", value_name = "IP")]
    pub dns: Vec<String>,
    /// Search domain for the container's /etc/resolv.conf
    #[arg(long = "dns-search", value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Option for the container's /etc/resolv.conf (e.g. ndots:2)
    #[arg(long = "dns-option", value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Add NAME:IP to the container's /etc/hosts (IP may be host-gateway)
    #[arg(long = "add-host", value_name = "NAME:IP")]
    pub add_host: Vec<String>,
}

impl NetworkArgs {
    /// The chosen mode (the host's default when not given).
    pub fn mode(&self) -> anyhow::Result<Mode> {
        Ok(match self.network.as_slice() {
            [] => Mode::default_for_host(),
            [m] => m.parse()?,
            several => match several.join(",").parse()? {
                m @ Mode::Bridge(_) => m,
                _ => anyhow::bail!("invalid --network: only networks (not pasta, slirp4netns, none, host or container:) can be given more than once"),
            },
        })
    }

    /// The container's network settings, checked; `image_config` supplies `-P`'s ports.
    pub fn config(&self, image_config: Option<&serde_json::Value>) -> anyhow::Result<Config> {
        let mode = self.mode()?;
        let mut ports = Vec::new();
        for p in &self.publish {
            ports.extend(network::ports::parse_publish(p)?);
        }
        if self.publish_all {
            for (port, protocol) in image_config.map(network::ports::exposed).unwrap_or_default() {
                if !ports.iter().any(|m| m.container_port == port && m.protocol == protocol) {
                    ports.push(network::PortMapping {
                        host_ip: None,
                        host_port: 0,
                        container_port: port,
                        protocol,
                    });
                }
            }
        }
        if !ports.is_empty() && !mode.publishes() {
            anyhow::bail!(
                "cannot publish ports with --network {mode}: only pasta and slirp4netns publish ports (the ports of --network host are the host's)"
            );
        }
        for ip in &self.dns {
            ip.parse::<std::net::IpAddr>()
                .map_err(|_| anyhow::anyhow!("invalid --dns {ip:?}: not an IP address"))?;
        }
        let add_hosts = self
            .add_host
            .iter()
            .map(|h| files::parse_add_host(h).map_err(|e| anyhow::anyhow!("invalid --add-host {h:?}: {e}")))
            .collect::<anyhow::Result<_>>()?;
        let bridge = matches!(mode, Mode::Bridge(_));
        if !bridge && (!self.network_alias.is_empty() || self.ip.is_some() || self.mac_address.is_some()) {
            anyhow::bail!("--network-alias, --ip and --mac-address need --network bridge or a network's name, not --network {mode}");
        }
        if let Some(m) = &self.mac_address {
            if network::endpoints::parse_mac(m).is_none() {
                anyhow::bail!("invalid --mac-address {m:?}: expected six hex bytes such as 0a:58:0a:59:00:02 (not multicast)");
            }
        }
        if let Some(a) = self.network_alias.iter().find(|a| !network::config::valid_name(a)) {
            anyhow::bail!("invalid --network-alias {a:?}: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        }
        Ok(Config {
            mode,
            ports,
            dns: self.dns.clone(),
            dns_search: self.dns_search.clone(),
            dns_options: self.dns_option.clone(),
            add_hosts,
            aliases: self.network_alias.clone(),
            ip: self.ip,
            mac: self.mac_address.clone(),
            connected: Vec::new(),
        })
    }

    /// Fills in the spec's side of the network for `config`.
    pub fn apply(config: &Config, ctx: &Context, opts: &mut RunOptions) {
        opts.network = Some(NetworkFiles {
            run_dirs: containers::run_dir(ctx, "x").parent().map(Path::to_path_buf).unwrap_or_default(),
            host: config.mode == Mode::Host,
        });
    }
}

/// Checks the network flags of a container about to be created and fills in the spec's side.
pub fn prepare(
    args: &NetworkArgs,
    ctx: &Context,
    store: &Store,
    image: &str,
    opts: &mut RunOptions,
) -> anyhow::Result<Config> {
    let image_config = if args.publish_all {
        let found = crate::engine::images::lookup(store, image)?;
        let bytes = store.blobs().read(&found.image.config_digest)?;
        serde_json::from_slice(&bytes).ok()
    } else {
        None
    };
    let config = args.config(image_config.as_ref())?;
    if let Mode::Container(key) = &config.mode {
        joined_container(ctx, store, key)?;
    }
    if let Mode::Bridge(names) = &config.mode {
        let nets = crate::engine::networks::resolve(ctx, names)?;
        if let (Some(ip), Some(first)) = (config.ip, nets.first()) {
            if !first.subnet().subnet.contains(ip) {
                anyhow::bail!(
                    "invalid --ip {ip}: not in subnet {} of network {}",
                    first.subnet().subnet,
                    first.name
                );
            }
        }
    }
    NetworkArgs::apply(&config, ctx, opts);
    Ok(config)
}

/// Stores the network settings of the container just created; on an error the container is
/// removed again.
pub fn stored(ctx: &Context, store: &Store, rec: &ContainerRecord, config: &Config) -> anyhow::Result<()> {
    if let Err(e) = save_config(store, &rec.id, config) {
        let _ = containers::remove(ctx, store, &rec.id, true);
        return Err(e);
    }
    Ok(())
}

/// The stored network settings of a container (`None` for one created without them).
pub fn load_config(store: &Store, id: &str) -> anyhow::Result<Option<Config>> {
    let path = store.container_dirs(id).bundle.join(network::CONFIG_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(
            serde_json::from_slice(&bytes).with_context(|| format!("cannot read {}", path.display()))?,
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context(format!("cannot read {}", path.display()))),
    }
}

/// Stores `config` next to the container's bundle.
pub fn save_config(store: &Store, id: &str, config: &Config) -> anyhow::Result<()> {
    let path = store.container_dirs(id).bundle.join(network::CONFIG_FILE);
    let text = serde_json::to_vec_pretty(config).expect("a network config serializes");
    crate::storage::atomic::write_atomic(&path, &text)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The running container `key` whose namespace a `container:` mode joins.
fn joined_container(
    ctx: &Context,
    store: &Store,
    key: &str,
) -> anyhow::Result<(ContainerRecord, Joined, i32)> {
    let rec = store.find_container(key).with_context(|| format!("invalid --network container:{key}"))?;
    let run_dir = containers::run_dir(ctx, &rec.id);
    let pid = std::fs::read_to_string(run_dir.join(supervisor::CONTAINER_PID))
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok())
        .filter(|_| rec.state == State::Running)
        .filter(|p| Path::new(&format!("/proc/{p}")).exists());
    let Some(pid) = pid else {
        anyhow::bail!("invalid --network container:{key}: container {} is not running", rec.id);
    };
    let joined = Joined { netns: PathBuf::from(format!("/proc/{pid}/ns/net")), run_dir };
    Ok((rec, joined, pid))
}

/// For `--network container:NAME`: moves this process into the user namespace of that container
/// before `cli::enter` (which then keeps it), since a network namespace can only be joined from
/// the user namespace that owns it. Must run first, single-threaded. Does nothing for other modes.
pub fn enter_joined_userns(args: &NetworkArgs, ctx: &Context) -> anyhow::Result<()> {
    match args.mode() {
        Ok(Mode::Container(key)) => join_userns_of(ctx, &key),
        Ok(Mode::Bridge(_)) => Ok(crate::engine::networks::enter_rootless(ctx)?),
        _ => Ok(()),
    }
}

/// [`enter_joined_userns`] for a command that starts an existing container (`start`,
/// `restart`): looks up its stored network mode. Call it before `cli::enter`.
pub fn enter_joined_userns_for(ctx: &Context, container: &str) -> anyhow::Result<()> {
    if !ctx.rootless || crate::userns::in_child_namespace() {
        return Ok(());
    }
    let store = crate::engine::open_store(ctx)?;
    let Ok(rec) = store.find_container(container) else { return Ok(()) };
    match load_config(&store, &rec.id)? {
        Some(Config { mode: Mode::Container(key), .. }) => join_userns_of(ctx, &key),
        Some(Config { mode: Mode::Bridge(_), .. }) => Ok(crate::engine::networks::enter_rootless(ctx)?),
        _ => Ok(()),
    }
}

fn join_userns_of(ctx: &Context, key: &str) -> anyhow::Result<()> {
    if !ctx.rootless || crate::userns::in_child_namespace() {
        return Ok(());
    }
    let store = crate::engine::open_store(ctx)?;
    let (_, _, pid) = joined_container(ctx, &store, key)?;
    network::netns::join_user_namespace_of(pid)?;
    std::env::set_var(crate::engine::context::ENV_IN_USERNS, "1");
    Ok(())
}

/// Sets up the network of container `rec` before its supervisor starts (nothing for a container
/// created without network settings).
pub fn setup(ctx: &Context, store: &Store, rec: &ContainerRecord, run_dir: &Path) -> anyhow::Result<()> {
    let Some(config) = load_config(store, &rec.id)? else { return Ok(()) };
    let bundle = store.container_dirs(&rec.id).bundle;
    let spec = oci_spec::runtime::Spec::load(bundle.join("config.json"))
        .with_context(|| format!("cannot read the bundle of container {}", rec.id))?;
    let hostname = spec.hostname().clone().unwrap_or_else(|| rec.id.chars().take(12).collect());
    if let Mode::Bridge(_) = &config.mode {
        let b = crate::engine::networks::bridge_setup(ctx, &rec.id, &rec.name, &config)?;
        network::setup_bridge(&config, run_dir, &hostname, &b)
            .with_context(|| format!("cannot set up the network of container {}", rec.id))?;
        return Ok(());
    }
    let joined = match &config.mode {
        Mode::Container(key) => Some(joined_container(ctx, store, key)?.1),
        _ => None,
    };
    network::setup(&config, run_dir, &hostname, joined.as_ref())
        .with_context(|| format!("cannot set up the network of container {}", rec.id))?;
    Ok(())
}

/// Stops the network helper and releases the namespace of a container that has exited. When the
/// helper had died before the container, says so in the container's log (a stderr line, so
/// `skiff logs` shows it) and the supervisor's log, and returns its name.
pub fn teardown(run_dir: &Path, log: &Path) -> Option<String> {
    let died = network::teardown(run_dir)?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z");
    let message =
        format!("skiff: the {died} network helper exited while the container was running; the container lost its network");
    use std::io::Write;
    let append = |path: &Path, line: String| {
        if let Ok(mut f) = std::fs::OpenOptions::new().append(true).create(true).open(path) {
            let _ = f.write_all(line.as_bytes());
        }
    };
    append(log, format!("{now} stderr F {message}\n"));
    append(&run_dir.join(supervisor::SUPERVISOR_LOG), format!("{now} {message}\n"));
    Some(died)
}

/// The helper of running container `id` when it has died (for `port` to warn about).
pub fn dead_helper(ctx: &Context, id: &str) -> Option<String> {
    let state = network::State::read(&containers::run_dir(ctx, id))?;
    (state.helper.is_some() && !state.helper_alive()).then(|| state.helper.unwrap_or_default())
}
