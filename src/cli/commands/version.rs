//! `skiff version`

use crate::cli::{printer::Printer, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: json, or a Go template such as '{{.Client.Version}}'
    #[arg(short, long)]
    pub format: Option<String>,
}

pub fn run(args: Args, printer: &Printer) -> anyhow::Result<Exit> {
    let client = serde_json::json!({
        "APIVersion": env!("CARGO_PKG_VERSION"),
        "Version": env!("CARGO_PKG_VERSION"),
        "GitCommit": option_env!("SKIFF_GIT_COMMIT").unwrap_or(""),
        // No build time is recorded (reproducible builds): 0, as Debian's podman reports.
        "BuiltTime": "Thu Jan  1 00:00:00 1970",
        "Built": 0,
        "OsArch": format!("linux/{}", crate::engine::host_arch()),
        "Os": "linux",
    });
    // As podman without a remote service: JSON shows the client, while templates may also
    // ask for `.Server` (the same program).
    let template =
        !matches!(crate::cli::format::normalized(args.format.as_deref()), None | Some("json" | "yaml"));
    let value = if template {
        serde_json::json!({ "Client": client.clone(), "Server": client })
    } else {
        serde_json::json!({ "Client": client })
    };
    super::print_formatted(printer, args.format.as_deref(), &value, |v| {
        format!(
            "Version:      {}\nOS/Arch:      {}\n",
            v["Client"]["Version"].as_str().unwrap_or(""),
            v["Client"]["OsArch"].as_str().unwrap_or("")
        )
    })?;
    Ok(Exit::SUCCESS)
}
