//! `skiff version`

use crate::cli::{printer::Printer, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: json, or a Go template such as '{{.Client.Version}}'
    #[arg(short, long)]
    pub format: Option<String>,
}

pub fn run(args: Args, printer: &Printer) -> anyhow::Result<Exit> {
    let value = serde_json::json!({
        "Client": {
            "Version": env!("CARGO_PKG_VERSION"),
            "OsArch": format!("linux/{}", crate::engine::host_arch()),
            "GitCommit": option_env!("SKIFF_GIT_COMMIT").unwrap_or(""),
        }
    });
    super::print_formatted(printer, args.format.as_deref(), &value, |v| {
        format!(
            "Version:      {}\nOS/Arch:      {}\n",
            v["Client"]["Version"].as_str().unwrap_or(""),
            v["Client"]["OsArch"].as_str().unwrap_or("")
        )
    })?;
    Ok(Exit::SUCCESS)
}
