//! `skiff network create|ls|inspect|rm|prune|exists|connect|disconnect`, and the hidden
//! `rootless-netns` holder of the rootless network namespace.

use std::io::IsTerminal;

use anyhow::Context as _;
use serde_json::{json, Value};

use crate::cli::commands::image::confirm;
use crate::cli::diag::WithExit;
use crate::cli::{format::Template, printer::Printer, Exit};
use crate::engine::networks::{self, Error as NetError};
use crate::engine::networks::{CreateOptions, Network};
use crate::engine::{self, Context};

/// `skiff network ...`
#[derive(Debug, clap::Subcommand)]
pub enum NetworkCommand {
    /// Create a network (a bridge in the rootless network namespace, with name resolution)
    Create(CreateArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Show details of networks
    Inspect(InspectArgs),
    /// Remove networks
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Remove every network no container uses (except the default one)
    Prune(PruneArgs),
    /// Exit 0 if the network exists, 1 if not
    Exists(ExistsArgs),
    /// Connect a container to a network (a running one gets a new interface at once)
    Connect(ConnectArgs),
    /// Disconnect a container from a network
    Disconnect(DisconnectArgs),
    /// Apply the firewall rules of running containers' networks again (after a firewall flush)
    Reload(ReloadArgs),
}

#[derive(Debug, clap::Args)]
pub struct ReloadArgs {
    /// Every running container on a network
    #[arg(short, long)]
    pub all: bool,
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
    pub containers: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// Driver of the network (only bridge)
    #[arg(short, long, value_name = "DRIVER")]
    pub driver: Option<String>,
    /// Subnet in CIDR notation (default: the first free one of 10.89.0.0/24 .. 10.89.255.0/24)
    #[arg(long, value_name = "SUBNET")]
    pub subnet: Option<String>,
    /// Gateway of the subnet (default: its first address)
    #[arg(long, value_name = "IP")]
    pub gateway: Option<String>,
    /// Give containers addresses from this range only (CIDR or START-END)
    #[arg(long = "ip-range", value_name = "RANGE")]
    pub ip_range: Option<String>,
    /// No way out: containers reach only each other (and the resolver)
    #[arg(long)]
    pub internal: bool,
    /// No name resolution between the containers of this network
    #[arg(long = "disable-dns")]
    pub disable_dns: bool,
    /// Enable IPv6 (not supported yet)
    #[arg(long)]
    pub ipv6: bool,
    /// Driver option: mtu=BYTES
    #[arg(short = 'o', long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// Set a label on the network (KEY=VALUE)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Succeed, doing nothing, when the network already exists
    #[arg(long)]
    pub ignore: bool,
    /// The network's name (default: podmanN)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct LsArgs {
    /// Print only the network names
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not print the header line
    #[arg(long)]
    pub noheading: bool,
    /// Do not truncate the network ids
    #[arg(long = "no-trunc")]
    pub no_trunc: bool,
    /// Output format: json, or a Go template such as '{{.Name}} {{.Driver}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Only networks matching: name=TEXT, id=PREFIX, driver=bridge, label=KEY[=VALUE], dangling=true|false
    #[arg(short, long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// Output format: json (default), or a Go template such as '{{.Name}}'
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The networks (names or ids)
    #[arg(value_name = "NETWORK", required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// Also remove the containers that use the network (running ones are stopped); a network
    /// that does not exist is not an error
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait for those containers to stop before killing them
    #[arg(short, long = "time", value_name = "SECONDS")]
    pub time: Option<u64>,
    /// The networks (names or ids)
    #[arg(value_name = "NETWORK", required = true)]
    pub names: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only networks matching: label=KEY[=VALUE]
    #[arg(long = "filter", value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ExistsArgs {
    /// The network's name or id
    #[arg(value_name = "NETWORK")]
    pub name: String,
}

#[derive(Debug, clap::Args)]
pub struct ConnectArgs {
    /// Another name of the container on this network
    #[arg(long = "alias", value_name = "NAME")]
    pub alias: Vec<String>,
    /// The container's address on this network
    #[arg(long, value_name = "IP")]
    pub ip: Option<std::net::Ipv4Addr>,
    /// The network
    #[arg(value_name = "NETWORK")]
    pub network: String,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

#[derive(Debug, clap::Args)]
pub struct DisconnectArgs {
    /// Accepted for podman compatibility
    #[arg(short, long)]
    pub force: bool,
    /// The network
    #[arg(value_name = "NETWORK")]
    pub network: String,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// `skiff rootless-netns` (hidden): the holder of the rootless network namespace.
#[derive(Debug, clap::Args)]
pub struct HolderArgs {}

pub fn run(command: NetworkCommand, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    match command {
        NetworkCommand::Create(a) => create(a, &ctx, printer),
        NetworkCommand::Ls(a) => ls(a, &mut ctx, printer),
        NetworkCommand::Inspect(a) => inspect(a, &ctx, printer),
        NetworkCommand::Exists(a) => match networks::find(&ctx, &a.name) {
            Ok(_) => Ok(Exit::SUCCESS),
            Err(e) if e.is_not_found() => Ok(Exit::FAILURE),
            Err(e) => Err(e.into()),
        },
        NetworkCommand::Rm(a) => rm(a, ctx, printer),
        NetworkCommand::Prune(a) => prune(a, ctx, printer),
        NetworkCommand::Connect(a) => {
            networks::enter_rootless(&ctx)?;
            crate::cli::enter(&mut ctx, printer)?;
            let store = engine::open_store(&ctx)?;
            networks::connect(&ctx, &store, &a.network, &a.container, &a.alias, a.ip)?;
            Ok(Exit::SUCCESS)
        }
        NetworkCommand::Reload(a) => {
            networks::enter_rootless(&ctx)?;
            crate::cli::enter(&mut ctx, printer)?;
            let store = engine::open_store(&ctx)?;
            for id in networks::reload(&ctx, &store, &a.containers, a.all)? {
                printer.line(&id);
            }
            Ok(Exit::SUCCESS)
        }
        NetworkCommand::Disconnect(a) => {
            networks::enter_rootless(&ctx)?;
            crate::cli::enter(&mut ctx, printer)?;
            let store = engine::open_store(&ctx)?;
            networks::disconnect(&ctx, &store, &a.network, &a.container)?;
            Ok(Exit::SUCCESS)
        }
    }
}

/// The hidden holder command: joins a user namespace like every command, then holds the
/// rootless network namespace until no container is attached.
pub fn holder(_args: HolderArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    networks::serve_holder(&ctx)?;
    Ok(Exit::SUCCESS)
}

fn create(args: CreateArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let opts = CreateOptions {
        name: args.name.clone(),
        driver: args.driver,
        subnet: args.subnet,
        gateway: args.gateway,
        ip_range: args.ip_range,
        internal: args.internal,
        disable_dns: args.disable_dns,
        ipv6: args.ipv6,
        options: args.opt,
        labels: args.label,
    };
    match networks::create(ctx, &opts) {
        Ok(net) => printer.line(&net.name),
        Err(NetError::Config(networks::ConfigError::Exists { name })) if args.ignore => printer.line(&name),
        Err(e) => return Err(e.into()),
    }
    Ok(Exit::SUCCESS)
}

/// A network with the field names of podman's Go type, for `--format` templates.
fn go_view(net: &Network, no_trunc: bool) -> Value {
    let id = if no_trunc { net.id.clone() } else { net.id.chars().take(12).collect() };
    json!({
        "Name": net.name,
        "ID": id,
        "Driver": net.driver,
        "NetworkInterface": net.network_interface,
        "Created": net.created,
        "Subnets": net.subnets.iter().map(|s| json!({"Subnet": s.subnet.to_string(), "Gateway": s.gateway.map(|g| g.to_string()), "LeaseRange": s.lease_range})).collect::<Vec<_>>(),
        "IPv6Enabled": net.ipv6_enabled,
        "Internal": net.internal,
        "DNSEnabled": net.dns_enabled,
        "Labels": net.labels,
        "Options": net.options,
        "IPAMOptions": net.ipam_options,
    })
}

/// One `--filter KEY=VALUE` of `network ls`/`prune`.
fn matches(net: &Network, filter: &str, used: &dyn Fn(&str) -> bool) -> anyhow::Result<bool> {
    let (k, v) =
        filter.split_once('=').with_context(|| format!("invalid filter {filter:?}: expected KEY=VALUE"))?;
    Ok(match k {
        "name" => {
            regex::Regex::new(v).map(|r| r.is_match(&net.name)).unwrap_or_else(|_| net.name.contains(v))
        }
        "id" => net.id.starts_with(v),
        "driver" => net.driver == v,
        "label" => match v.split_once('=') {
            Some((lk, lv)) => net.labels.get(lk).is_some_and(|x| x == lv),
            None => net.labels.contains_key(v),
        },
        "label!" => match v.split_once('=') {
            Some((lk, lv)) => net.labels.get(lk).is_none_or(|x| x != lv),
            None => !net.labels.contains_key(v),
        },
        "dangling" => match v {
            "true" | "1" => !used(&net.name),
            "false" | "0" => used(&net.name),
            _ => anyhow::bail!("invalid filter {filter:?}: dangling takes true or false"),
        },
        _ => anyhow::bail!("invalid filter {filter:?}: expected name, id, driver, label or dangling"),
    })
}

/// podman's table layout: columns at least 12 wide, two spaces apart.
fn table(lines: &[String]) -> String {
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count() + 2).max(12);
        }
    }
    rows.iter()
        .map(|r| {
            let mut s = String::new();
            for (i, c) in r.iter().enumerate() {
                s.push_str(c);
                if i + 1 < r.len() {
                    s.push_str(&" ".repeat(widths[i] - c.chars().count()));
                }
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ls(args: LsArgs, ctx: &mut Context, printer: &Printer) -> anyhow::Result<Exit> {
    let needs_store = args.filter.iter().any(|f| f.starts_with("dangling="));
    let store = if needs_store {
        crate::cli::enter(ctx, printer)?;
        Some(engine::open_store(ctx)?)
    } else {
        None
    };
    let used =
        |name: &str| store.as_ref().is_some_and(|s| networks::users(s, name).is_ok_and(|u| !u.is_empty()));
    let mut list = Vec::new();
    for net in networks::list(ctx)? {
        let mut keep = true;
        for f in &args.filter {
            keep &= matches(&net, f, &used)?;
        }
        if keep {
            list.push(net);
        }
    }
    if args.quiet {
        for n in &list {
            printer.line(&n.name);
        }
        return Ok(Exit::SUCCESS);
    }
    if args.format.as_deref() == Some("json") {
        printer.line(&serde_json::to_string_pretty(&list)?);
        return Ok(Exit::SUCCESS);
    }
    let template = args.format.unwrap_or_else(|| "table {{.ID}}\t{{.Name}}\t{{.Driver}}".into());
    let t = Template::parse(&template)?;
    let mut lines = Vec::new();
    if t.is_table() && !args.noheading {
        lines.push(t.header(&[("ID", "NETWORK ID")]));
    }
    lines.extend(list.iter().map(|n| t.render(&go_view(n, args.no_trunc))).collect::<Result<Vec<_>, _>>()?);
    if lines.is_empty() {
        return Ok(Exit::SUCCESS);
    }
    let text = if t.is_table() { table(&lines) } else { lines.join("\n") };
    printer.line(&text);
    Ok(Exit::SUCCESS)
}

fn inspect(args: InspectArgs, ctx: &Context, printer: &Printer) -> anyhow::Result<Exit> {
    let mut found = Vec::new();
    let mut failed = crate::cli::diag::Failures::new(printer);
    for name in &args.names {
        match networks::find(ctx, name) {
            Ok(n) => found.push(n),
            Err(e) => failed.add(e.into()),
        }
    }
    match args.format.as_deref() {
        None | Some("json") => printer.line(&serde_json::to_string_pretty(&found)?),
        Some(t) => {
            let t = Template::parse(t)?;
            for n in &found {
                printer.line(&t.render(&go_view(n, true))?);
            }
        }
    }
    failed.finish()
}

/// podman's exit codes for `network rm`: 1 no such network, 2 in use.
fn rm_error(e: NetError) -> anyhow::Error {
    let exit = match &e {
        e if e.is_not_found() => Exit::FAILURE,
        NetError::InUse { .. } => Exit::from_status(2),
        _ => Exit::SKIFF_ERROR,
    };
    WithExit { message: engine::error_chain(&e), exit }.into()
}

fn rm(args: RmArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    // `-f` stops the containers that use a network: with the signal helper, which reaches
    // container processes of any uid.
    if args.force {
        super::container::enter(&mut ctx, printer)?;
    } else {
        crate::cli::enter(&mut ctx, printer)?;
    }
    let store = engine::open_store(&ctx)?;
    let mut failed = crate::cli::diag::Failures::new(printer);
    for key in &args.names {
        let result = (|| -> anyhow::Result<Option<String>> {
            let net = match networks::find(&ctx, key) {
                Ok(n) => n,
                Err(e) if e.is_not_found() && args.force => return Ok(None),
                Err(e) => return Err(rm_error(e)),
            };
            if args.force {
                for id in networks::users(&store, &net.name).map_err(rm_error)? {
                    let Ok(rec) = engine::containers::lookup(&store, &id) else { continue };
                    engine::remove::remove_forced(&ctx, &store, &rec, 0).with_context(|| {
                        format!("cannot remove container {id}, which uses network {}", net.name)
                    })?;
                }
            }
            Ok(Some(networks::remove(&ctx, &store, &net.name).map_err(rm_error)?.name))
        })();
        match result {
            Ok(Some(name)) => printer.line(&name),
            Ok(None) => {}
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn prune(args: PruneArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let question = "WARNING! This will remove all networks not used by at least one container.\nAre you sure you want to continue?";
    if !args.force {
        if !std::io::stdin().is_terminal() {
            printer.error(&format!("{question} [y/N]"));
            printer.error("stdin is not a terminal: taking that as no (use -f to skip this question)");
            return Ok(Exit::SUCCESS);
        }
        if !confirm(question) {
            return Ok(Exit::SUCCESS);
        }
    }
    for f in &args.filter {
        if !f.starts_with("label") {
            anyhow::bail!(
                "invalid filter {f:?}: network prune takes label=KEY[=VALUE] or label!=KEY[=VALUE]"
            );
        }
    }
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut bad = None;
    let removed = networks::prune(&ctx, &store, |n| {
        !args.filter.iter().all(|f| match matches(n, f, &|_| false) {
            Ok(m) => m,
            Err(e) => {
                bad.get_or_insert(e);
                false
            }
        })
    })?;
    if let Some(e) = bad {
        return Err(e);
    }
    for name in removed {
        printer.line(&name);
    }
    Ok(Exit::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_podmans_minimum_width() {
        let t = table(&["NETWORK ID\tNAME\tDRIVER".into(), "2f259bab93aa\tpodman\tbridge".into()]);
        assert_eq!(t, "NETWORK ID    NAME        DRIVER\n2f259bab93aa  podman      bridge");
    }
}
