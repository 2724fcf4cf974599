//! The network flags of `run`/`create` ([`NetworkArgs`]); the network steps of a container's
//! life (checking the flags, storing the settings, setup and teardown) are
//! [`engine::network`]'s.

use crate::engine;

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
    #[arg(long = "dns-option", alias = "dns-opt", value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Add NAME:IP to the container's /etc/hosts (IP may be host-gateway)
    #[arg(long = "add-host", value_name = "NAME:IP")]
    pub add_host: Vec<String>,
    /// Run the container in a pod (name or id), or in a new pod with new:NAME; it shares the
    /// pod's network, ipc and uts namespaces
    #[arg(long = "pod", value_name = "POD")]
    pub pod: Option<String>,
    /// Pass the host's proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, in either
    /// case) into the container, as podman does; --http-proxy=false does not
    #[arg(long = "http-proxy", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub http_proxy: bool,
}

impl NetworkArgs {
    /// The flags as the engine takes them (checked by [`engine::network::prepare`]).
    pub fn request(&self) -> engine::network::Request {
        engine::network::Request {
            mode: self.network.clone(),
            publish: self.publish.clone(),
            publish_all: self.publish_all,
            dns: self.dns.clone(),
            dns_search: self.dns_search.clone(),
            dns_options: self.dns_option.clone(),
            add_hosts: self.add_host.clone(),
            aliases: self.network_alias.clone(),
            ip: self.ip,
            mac: self.mac_address.clone(),
            pod: self.pod.clone(),
            http_proxy: self.http_proxy,
        }
    }
}
