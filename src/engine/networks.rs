//! The network use cases: `network create|ls|inspect|rm|prune|exists|connect|disconnect`, and
//! what `run`/`start` need to put a container on user-defined networks (joining the rootless
//! namespace's user namespace, resolving the network records).
//!
//! Network records live under the storage root (`<root>/networks/`, [`network::config`]); the
//! rootless namespace's run-time files under the run-time root (`<runroot>/networks/`,
//! [`network::rootless`]). Lock order: `networks.lock` (records) before `rootless.lock`.

use std::net::Ipv4Addr;
use std::path::PathBuf;

use crate::network::config::{self, Networks};
/// A network's settings, what `network create` asks for, and the configuration errors.
pub use crate::network::config::{CreateOptions, Error as ConfigError, Network};
use crate::network::rootless::{self, Dir};
use crate::network::{self, Config, Connected, Mode};
use crate::runtime::supervisor;
use crate::storage::{State, Store};

use super::Context;

/// Errors of the network use cases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] config::Error),
    #[error(transparent)]
    Network(#[from] network::Error),
    #[error(transparent)]
    Rootless(#[from] rootless::Error),
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Lifecycle(#[from] super::lifecycle::Error),
    #[error("{name:?} has associated containers with it. Use -f to forcibly delete containers and pods: network is being used")]
    InUse { name: String, containers: Vec<String> },
    #[error(
        "container {id} is not on a network (--network {mode}): only containers on networks can be connected"
    )]
    NotBridge { id: String, mode: String },
    #[error("container {id} is already connected to network {network}")]
    AlreadyConnected { id: String, network: String },
    #[error("container {id} is not connected to network {network}")]
    NotConnected { id: String, network: String },
    #[error("invalid {what} {value:?}: {reason}")]
    Invalid { what: &'static str, value: String, reason: String },
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
}

impl Error {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Config(e) if e.is_not_found())
    }
}

/// The network records of `ctx`.
pub fn records(ctx: &Context) -> Networks {
    Networks::new(ctx.paths.graph_root.join("networks"))
}

/// The rootless namespace's run-time directory of `ctx`.
pub fn rootless_dir(ctx: &Context) -> Dir {
    Dir::new(&ctx.paths.run_root)
}

/// `network create`.
pub fn create(ctx: &Context, opts: &CreateOptions) -> Result<Network, Error> {
    let nets = records(ctx);
    let _lock = nets.lock_exclusive()?;
    let net = config::build(opts, &nets.list()?)?;
    nets.write(&net)?;
    Ok(net)
}

/// Every network, sorted by name.
pub fn list(ctx: &Context) -> Result<Vec<Network>, Error> {
    let nets = records(ctx);
    let _lock = nets.lock_shared()?;
    Ok(nets.list()?)
}

/// The network `key` (name or id prefix).
pub fn find(ctx: &Context, key: &str) -> Result<Network, Error> {
    let nets = records(ctx);
    let _lock = nets.lock_shared()?;
    Ok(nets.find(key)?)
}

/// The stored network settings of container `id` (`None` for one created without them).
pub fn container_config(store: &Store, id: &str) -> Result<Option<Config>, Error> {
    let path = store.container_dirs(id).bundle.join(network::CONFIG_FILE);
    match fs_err::read(&path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read { path, source }),
    }
}

fn save_container_config(store: &Store, id: &str, config: &Config) -> Result<(), Error> {
    let path = store.container_dirs(id).bundle.join(network::CONFIG_FILE);
    let text = serde_json::to_vec_pretty(config).expect("a network config serializes");
    crate::sys::atomic::write_atomic(&path, &text).map_err(|source| Error::Write { path, source })
}

/// The ids of the containers whose settings name network `name`.
pub fn users(store: &Store, name: &str) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for rec in super::containers::list(store)? {
        if container_config(store, &rec.id)?.is_some_and(|c| c.mode.networks().iter().any(|n| n == name)) {
            out.push(rec.id);
        }
    }
    Ok(out)
}

/// `network rm` of one network no container uses (the CLI removes the users first with `-f`).
pub fn remove(ctx: &Context, store: &Store, key: &str) -> Result<Network, Error> {
    let nets = records(ctx);
    let _lock = nets.lock_exclusive()?;
    let net = nets.find(key)?;
    if net.name == config::DEFAULT_NAME {
        return Err(config::Error::RemoveDefault.into());
    }
    let containers = users(store, &net.name)?;
    if !containers.is_empty() {
        return Err(Error::InUse { name: net.name, containers });
    }
    nets.remove(&net.name)?;
    Ok(net)
}

/// `network prune`: removes every network (but the default) no container uses; returns their
/// names.
pub fn prune(
    ctx: &Context,
    store: &Store,
    mut keep: impl FnMut(&Network) -> bool,
) -> Result<Vec<String>, Error> {
    let nets = records(ctx);
    let _lock = nets.lock_exclusive()?;
    let mut removed = Vec::new();
    for net in nets.list()? {
        if net.name == config::DEFAULT_NAME || keep(&net) || !users(store, &net.name)?.is_empty() {
            continue;
        }
        nets.remove(&net.name)?;
        removed.push(net.name);
    }
    Ok(removed)
}

/// The hidden holder command's work: holds the rootless network namespace (and its resolver)
/// until no container is attached to it.
pub fn serve_holder(ctx: &Context) -> Result<(), Error> {
    Ok(rootless::serve_holder(&rootless_dir(ctx))?)
}

/// The records of the networks of a `Bridge` mode, checked to exist.
pub fn resolve(ctx: &Context, names: &[String]) -> Result<Vec<Network>, Error> {
    let nets = records(ctx);
    let _lock = nets.lock_shared()?;
    names.iter().map(|n| nets.find(n).map_err(Error::from)).collect()
}

/// For a command about to start containers on networks: makes sure the rootless namespace's
/// holder runs and moves this process into its user namespace (see [`rootless`]). Must run
/// before the command enters a user namespace, single-threaded.
pub fn enter_rootless(ctx: &Context) -> Result<(), Error> {
    if ctx.already_joined() {
        return Ok(());
    }
    let exe = std::env::current_exe().unwrap_or_else(|_| "/proc/self/exe".into());
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("--root")
        .arg(&ctx.paths.graph_root)
        .arg("--runroot")
        .arg(&ctx.paths.run_root)
        .arg("rootless-netns");
    cmd.env_remove(super::context::ENV_IN_USERNS);
    let pid = rootless::ensure_holder(&rootless_dir(ctx), &mut cmd)?;
    if ctx.rootless {
        network::netns::join_user_namespace_of(pid)?;
        std::env::set_var(super::context::ENV_IN_USERNS, "1");
    }
    Ok(())
}

/// What [`network::setup_bridge`] needs for container `rec`.
pub fn bridge_setup(
    ctx: &Context,
    id: &str,
    name: &str,
    config: &Config,
) -> Result<network::BridgeSetup, Error> {
    Ok(network::BridgeSetup {
        container: id.to_string(),
        name: name.to_string(),
        networks: resolve(ctx, config.mode.networks())?,
        rootless: rootless_dir(ctx),
    })
}

/// The pid of running container `id`'s process.
fn container_pid(ctx: &Context, id: &str) -> Option<i32> {
    let run = super::containers::run_dir(ctx, id);
    fs_err::read_to_string(run.join(supervisor::CONTAINER_PID))
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok())
        .filter(|p| std::path::Path::new(&format!("/proc/{p}")).exists())
}

/// `network reload [--all] CONTAINER...`: the firewall rules of the rootless namespace applied
/// again; the ids of the containers (running, on networks) whose networks were reloaded.
pub fn reload(ctx: &Context, store: &Store, containers: &[String], all: bool) -> Result<Vec<String>, Error> {
    let mut ids = Vec::new();
    let records = if all {
        super::lifecycle::list(ctx, store)?
    } else {
        containers.iter().map(|k| super::lifecycle::lookup(ctx, store, k)).collect::<Result<Vec<_>, _>>()?
    };
    for rec in records {
        let on_network =
            matches!(container_config(store, &rec.id)?, Some(Config { mode: Mode::Bridge(_), .. }));
        if rec.state == State::Running && on_network {
            ids.push(rec.id);
        } else if !all {
            return Err(Error::NotBridge { id: rec.id, mode: "not running on a network".into() });
        }
    }
    if !ids.is_empty() {
        rootless::reload(&rootless_dir(ctx))?;
    }
    Ok(ids)
}

/// `network connect NET CTR`: records the network in the container's settings and, when it runs,
/// attaches it now (a new interface, its /etc/hosts updated).
pub fn connect(
    ctx: &Context,
    store: &Store,
    network: &str,
    container: &str,
    aliases: &[String],
    ip: Option<Ipv4Addr>,
) -> Result<(), Error> {
    let rec = super::lifecycle::lookup(ctx, store, container)?;
    let net = find(ctx, network)?;
    let mut config = container_config(store, &rec.id)?
        .ok_or_else(|| Error::NotBridge { id: rec.id.clone(), mode: "none".into() })?;
    let Mode::Bridge(names) = &mut config.mode else {
        return Err(Error::NotBridge { id: rec.id.clone(), mode: config.mode.to_string() });
    };
    if names.contains(&net.name) {
        // Recorded but not attached (a `network disconnect` killed between the two): attach again.
        // Attached: in the endpoint table, and its interface still in the container (a killed
        // `disconnect` may have deleted the veth, or the bridge, before it rewrote the table).
        let table = network::endpoints::Table::read(&rootless_dir(ctx).0);
        let in_table = table.endpoints.iter().any(|e| e.container == rec.id && e.network == net.name);
        let state = network::State::read(&super::containers::run_dir(ctx, &rec.id)).unwrap_or_default();
        let interface = state.endpoints.iter().find(|e| e.network == net.name).map(|e| e.interface.clone());
        let in_container = match (container_pid(ctx, &rec.id), interface) {
            (Some(pid), Some(i)) => fs_err::read_to_string(format!("/proc/{pid}/net/dev"))
                .is_ok_and(|dev| dev.lines().any(|l| l.trim_start().starts_with(&format!("{i}:")))),
            _ => false,
        };
        let attached = in_table && in_container;
        if rec.state != State::Running || attached {
            return Err(Error::AlreadyConnected { id: rec.id.clone(), network: net.name });
        }
        names.retain(|n| *n != net.name);
    }
    if let Some(ip) = ip {
        if !net.subnet().subnet.contains(ip) {
            return Err(Error::Invalid {
                what: "--ip",
                value: ip.to_string(),
                reason: format!("not in subnet {} of network {}", net.subnet().subnet, net.name),
            });
        }
    }
    names.push(net.name.clone());
    config.connected.retain(|c| c.network != net.name);
    config.connected.push(Connected { network: net.name.clone(), aliases: aliases.to_vec(), ip });
    let running = rec.state == State::Running;
    if running {
        let pid = container_pid(ctx, &rec.id)
            .ok_or_else(|| Error::NotConnected { id: rec.id.clone(), network: net.name.clone() })?;
        let run = super::containers::run_dir(ctx, &rec.id);
        let mut state = network::State::read(&run).unwrap_or_default();
        state.endpoints.retain(|e| e.network != net.name);
        let used: Vec<&str> = state.endpoints.iter().map(|e| e.interface.as_str()).collect();
        let interface =
            (0..).map(|i| format!("eth{i}")).find(|n| !used.contains(&n.as_str())).expect("a free name");
        let short: String = rec.id.chars().take(12).collect();
        let mut dns_names = vec![rec.name.clone(), short];
        dns_names.extend(config.aliases.iter().cloned());
        dns_names.extend(aliases.iter().cloned());
        let request = rootless::Request {
            network: net.clone(),
            ip,
            mac: None,
            names: dns_names,
            interface,
            default_route: state.endpoints.is_empty() && !net.internal,
        };
        let ns = PathBuf::from(format!("/proc/{pid}/ns/net"));
        let added = rootless::attach(&rootless_dir(ctx), &rec.id, &ns, &[request])?;
        state.endpoints.extend(added);
        state.rootless_dir.get_or_insert(rootless_dir(ctx).0);
        state.container.get_or_insert(rec.id.clone());
        config.defaults = super::network::conf_defaults(None);
        network::update_running(&config, &run, &rec.name, &state, &resolve(ctx, config.mode.networks())?)?;
    }
    save_container_config(store, &rec.id, &config)?;
    super::events::network("connect", &rec.id, &net.name);
    Ok(())
}

/// `network disconnect NET CTR`: the reverse of [`connect`].
pub fn disconnect(ctx: &Context, store: &Store, network: &str, container: &str) -> Result<(), Error> {
    let rec = super::lifecycle::lookup(ctx, store, container)?;
    let net = find(ctx, network)?;
    let mut config = container_config(store, &rec.id)?
        .ok_or_else(|| Error::NotConnected { id: rec.id.clone(), network: net.name.clone() })?;
    let Mode::Bridge(names) = &mut config.mode else {
        return Err(Error::NotConnected { id: rec.id.clone(), network: net.name });
    };
    if !names.contains(&net.name) {
        return Err(Error::NotConnected { id: rec.id.clone(), network: net.name });
    }
    names.retain(|n| *n != net.name);
    config.connected.retain(|c| c.network != net.name);
    if rec.state == State::Running {
        let run = super::containers::run_dir(ctx, &rec.id);
        rootless::detach(&rootless_dir(ctx), &rec.id, Some(std::slice::from_ref(&net.name)))?;
        let mut state = network::State::read(&run).unwrap_or_default();
        state.endpoints.retain(|e| e.network != net.name);
        let networks = resolve(ctx, config.mode.networks())?;
        if let Some(pid) = container_pid(ctx, &rec.id) {
            // The remaining networks give it a default route if the one gone did.
            let candidates: Vec<(String, Ipv4Addr)> = state
                .endpoints
                .iter()
                .filter_map(|e| networks.iter().find(|n| n.name == e.network).map(|n| (e, n)))
                .filter(|(_, n)| !n.internal)
                .map(|(e, n)| (e.interface.clone(), n.gateway()))
                .collect();
            rootless::ensure_default_route(&PathBuf::from(format!("/proc/{pid}/ns/net")), &candidates)?;
        }
        config.defaults = super::network::conf_defaults(None);
        network::update_running(&config, &run, &rec.name, &state, &networks)?;
    }
    save_container_config(store, &rec.id, &config)?;
    super::events::network("disconnect", &rec.id, &net.name);
    Ok(())
}

/// The `NetworkSettings.Networks` of `inspect` for a container: per network, its address, MAC,
/// aliases, gateway.
pub fn inspect_settings(ctx: &Context, store: &Store, id: &str) -> serde_json::Value {
    use serde_json::json;
    let Ok(Some(config)) = container_config(store, id) else { return json!({}) };
    let state = network::State::read(&super::containers::run_dir(ctx, id)).unwrap_or_default();
    let short: String = id.chars().take(12).collect();
    let mut out = serde_json::Map::new();
    for name in config.mode.networks() {
        let ep = state.endpoints.iter().find(|e| &e.network == name);
        let net = find(ctx, name).ok();
        let mut aliases = vec![short.clone()];
        aliases.extend(config.aliases.iter().cloned());
        aliases
            .extend(config.connected.iter().filter(|c| &c.network == name).flat_map(|c| c.aliases.clone()));
        out.insert(
            name.clone(),
            json!({
                "EndpointID": "",
                "Gateway": ep.and(net.as_ref()).map(|n| n.gateway().to_string()).unwrap_or_default(),
                "IPAddress": ep.map(|e| e.ip.to_string()).unwrap_or_default(),
                "IPPrefixLen": ep.and(net.as_ref()).map(|n| n.subnet().subnet.prefix).unwrap_or(0),
                "IPv6Gateway": "",
                "GlobalIPv6Address": "",
                "GlobalIPv6PrefixLen": 0,
                "MacAddress": ep.map(|e| e.mac.clone()).unwrap_or_default(),
                "NetworkID": name,
                "DriverOpts": null,
                "IPAMConfig": null,
                "Links": null,
                "Aliases": aliases,
            }),
        );
    }
    serde_json::Value::Object(out)
}
