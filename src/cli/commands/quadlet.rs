//! `skiff quadlet`: turn Quadlet `.container`, `.volume`, `.network` (and `.pod`) files into
//! systemd services that run skiff (see [`crate::engine::units::quadlet`]).
//!
//! systemd runs it as a user generator: link the skiff binary as
//! `~/.config/systemd/user-generators/skiff-user-generator` (or, for every user,
//! `/usr/lib/systemd/user-generators/skiff-user-generator`); started under a name ending in
//! `-generator`, skiff acts as `skiff quadlet OUTPUT_DIR [EARLY_DIR LATE_DIR]` ([`generator_main`]).
//! `skiff quadlet --dryrun` prints the units instead, for checking files by hand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{printer::Printer, Exit};
use crate::engine::units::quadlet::{self, Settings};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the units (and errors) instead of writing them
    #[arg(long, visible_alias = "dry-run")]
    pub dryrun: bool,
    /// Read the user's Quadlet directories (the default for a user other than root)
    #[arg(long)]
    pub user: bool,
    /// Where systemd wants the units (a generator's first argument); the early and late
    /// directories systemd passes after it are not used
    #[arg(value_name = "OUTPUT_DIR", required_unless_present = "dryrun")]
    pub dirs: Vec<PathBuf>,
}

/// Runs as a systemd generator when started under a name ending in `-generator`.
pub fn generator_main() -> Option<ExitCode> {
    let mut argv = std::env::args_os();
    let name = PathBuf::from(argv.next()?);
    let base = name.file_name()?.to_str()?.to_string();
    if !base.ends_with("-generator") {
        return None;
    }
    let printer = Printer::new();
    let args = Args { dryrun: false, user: base.contains("user"), dirs: argv.map(PathBuf::from).collect() };
    if args.dirs.is_empty() {
        printer.error(&format!("{base}: expected the generator's output directory"));
        return Some(ExitCode::from(1));
    }
    Some(match run(args, &printer) {
        Ok(exit) => ExitCode::from(exit.code() as u8),
        Err(e) => {
            printer.error(&format!("{base}: {e:#}"));
            ExitCode::from(1)
        }
    })
}

/// The directories to read: the user's, or root's system ones (`/etc/containers/systemd`,
/// `/usr/share/containers/systemd`) for root without `--user`.
fn dirs(user: bool) -> Vec<PathBuf> {
    let unit_dirs = std::env::var("QUADLET_UNIT_DIRS").ok();
    let uid = nix::unistd::getuid().as_raw();
    if uid == 0 && !user && unit_dirs.is_none() {
        return vec![
            PathBuf::from("/etc/containers/systemd"),
            PathBuf::from("/usr/share/containers/systemd"),
        ];
    }
    let config_home = dirs::config_dir().unwrap_or_else(|| PathBuf::from("/nonexistent"));
    quadlet::search_dirs(unit_dirs.as_deref(), &config_home, uid)
}

/// `skiff quadlet`.
pub fn run(args: Args, printer: &Printer) -> anyhow::Result<Exit> {
    let settings = Settings {
        exe: std::env::current_exe().context("cannot find the skiff binary")?,
        notify: super::generate::run_has_sdnotify(),
        pods: super::generate::has_pods(),
    };
    let files = quadlet::find_files(&dirs(args.user));
    let mut services = Vec::new();
    let mut failed = false;
    for result in quadlet::translate_all(&files, &settings) {
        match result {
            Ok(s) => services.push(s),
            Err(e) => {
                failed = true;
                printer.error(&format!("quadlet: {e}"));
            }
        }
    }
    if args.dryrun {
        for s in &services {
            printer.line(&format!("---{}---", s.name));
            printer.out(&s.text);
        }
    } else {
        let out: &Path = args.dirs.first().context("expected an output directory")?;
        quadlet::write(out, &services)?;
    }
    Ok(if failed { Exit::FAILURE } else { Exit::SUCCESS })
}
