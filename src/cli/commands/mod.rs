//! One file per command.

pub mod build;
pub mod completion;
pub mod container;
pub mod data;
pub mod events;
pub mod fuse_serve;
pub mod generate;
pub mod healthcheck;
pub mod history;
pub mod image;
pub mod image_tree;
pub mod images;
pub mod info;
pub mod inspect;
pub mod load;
pub mod login;
pub mod manifest;
pub mod network;
pub mod oci;
pub mod pod;
pub mod pull;
pub mod push;
pub mod quadlet;
pub mod rmi;
pub mod save;
pub mod secret;
pub mod stats;
pub mod supervisor;
pub mod system;
pub mod tag;
pub mod unshare;
pub mod version;
pub mod volume;

use super::format::{render_yaml, Template};
use super::printer::Printer;

/// Prints `value` per `--format`: absent -> `default`, `json` -> pretty JSON, else a Go template.
pub fn print_formatted(
    printer: &Printer,
    format: Option<&str>,
    value: &serde_json::Value,
    default: impl FnOnce(&serde_json::Value) -> String,
) -> anyhow::Result<()> {
    match super::format::normalized(format) {
        None => printer.out(&default(value)),
        Some("json") => printer.line(&serde_json::to_string_pretty(value)?),
        Some("yaml") => printer.out(&render_yaml(value)),
        Some(t) => {
            let t = Template::parse(t)?;
            let mut s = t.render(value)?;
            if !s.ends_with('\n') {
                s.push('\n');
            }
            printer.out(&s);
        }
    }
    Ok(())
}
