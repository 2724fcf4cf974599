//! `skiff port`: the published ports of a running container, as podman prints them.

use super::*;
use crate::engine::network::Proto;

#[derive(Debug, clap::Args)]
pub struct PortArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Show only the host address of this container port (PORT or PORT/PROTOCOL)
    #[arg(value_name = "PRIVATE_PORT[/PROTOCOL]")]
    pub port: Option<String>,
}

/// `skiff port`.
pub fn port(args: PortArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let wanted = match &args.port {
        Some(text) => {
            let (num, proto) = text.split_once('/').unwrap_or((text, "tcp"));
            let num: u16 = num.parse().map_err(|_| {
                anyhow::anyhow!("invalid port {text:?}: expected a port number, optionally with /tcp or /udp")
            })?;
            let proto: Proto = proto.parse().map_err(|e| anyhow::anyhow!("invalid port {text:?}: {e}"))?;
            Some((num, proto))
        }
        None => None,
    };
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = refreshed(&ctx, &store)?
        .into_iter()
        .find(|c| c.id == containers::lookup(&store, &args.container).map(|r| r.id).unwrap_or_default());
    let Some(rec) = rec else {
        containers::lookup(&store, &args.container)?;
        return Ok(Exit::SUCCESS);
    };
    if let Some(helper) = engine::network::dead_helper(&ctx, &rec.id).filter(|_| rec.state == State::Running)
    {
        printer.warn(&format!(
            "the {helper} network helper of container {} has exited: its published ports no longer answer",
            rec.id
        ));
    }
    let ports = match rec.state {
        State::Running => engine::network::state(&ctx, &rec).unwrap_or_default().ports,
        _ => Vec::new(),
    };
    match wanted {
        None => {
            for p in &ports {
                printer.line(&format!(
                    "{}/{} -> {}",
                    p.container_port,
                    p.protocol.as_str(),
                    p.host_address()
                ));
            }
        }
        Some((num, proto)) => {
            let hits: Vec<_> =
                ports.iter().filter(|p| p.container_port == num && p.protocol == proto).collect();
            if hits.is_empty() {
                anyhow::bail!("failed to find published port \"{num}/{}\"", proto.as_str());
            }
            for p in hits {
                printer.line(&p.host_address());
            }
        }
    }
    Ok(Exit::SUCCESS)
}
