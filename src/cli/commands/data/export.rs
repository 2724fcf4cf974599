//! `skiff export [-o FILE] CONTAINER`: the container's root filesystem as a tar archive.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, containers, data, Context};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Write the tar to FILE (default: stdout, which must not be a terminal)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The container to export
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn export(args: ExportArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    if args.output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("refusing to export to a terminal: redirect stdout or use -o FILE");
    }
    let output =
        args.output.as_deref().map(std::path::absolute).transpose().context("cannot resolve --output")?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = containers::lookup(&store, &args.container)?;
    match output {
        Some(path) => {
            // Written next to the target and renamed, so a failed export leaves no partial file.
            let tmp = path.with_file_name(format!(
                ".{}.skiff-tmp",
                path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
            ));
            let file =
                fs_err::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let result = data::export(&ctx, &store, &rec, &mut w)
                .map_err(anyhow::Error::from)
                .and_then(|()| w.into_inner().map_err(|e| e.into_error().into()))
                .and_then(|f| f.sync_all().map_err(Into::into))
                .and_then(|()| {
                    fs_err::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))
                });
            if result.is_err() {
                let _ = fs_err::remove_file(&tmp);
            }
            result?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            let result = data::export(&ctx, &store, &rec, &mut out).map_err(anyhow::Error::from);
            let result = result.and_then(|()| out.flush().map_err(Into::into));
            if let Err(e) = result {
                if super::broken_pipe_is_success(&e) {
                    return Ok(Exit::SUCCESS);
                }
                return Err(e);
            }
        }
    }
    Ok(Exit::SUCCESS)
}
