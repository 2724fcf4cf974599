//! `run`/`create` flags for the ipc, pid and uts namespaces: `--ipc`, `--pid`, `--uts`.

use crate::engine::namespaces::{Namespaces, NsMode};

#[derive(Debug, Clone, Default, clap::Args)]
pub struct NamespaceArgs {
    /// IPC namespace: private, shareable (the default), none (no /dev/shm), host,
    /// container:NAME (its IPC namespace and /dev/shm), ns:PATH
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// PID namespace: private (the default), host (the host's processes and /proc),
    /// container:NAME, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub pid: Option<String>,
    /// UTS namespace (hostname): private (the default), host (the host's name; no --hostname),
    /// container:NAME, ns:PATH
    #[arg(long, value_name = "MODE")]
    pub uts: Option<String>,
}

impl NamespaceArgs {
    /// The modes asked for (containers named by `container:` are resolved by the engine).
    pub fn resolve(&self) -> anyhow::Result<Namespaces> {
        let parse = |kind: &str, v: &Option<String>| -> anyhow::Result<NsMode> {
            v.as_deref().map_or(Ok(NsMode::Private), |t| NsMode::parse(kind, t).map_err(anyhow::Error::msg))
        };
        Ok(Namespaces {
            ipc: parse("ipc", &self.ipc)?,
            pid: parse("pid", &self.pid)?,
            uts: parse("uts", &self.uts)?,
        })
    }
}
