//! `skiff logs`.

use super::*;

#[derive(Debug, clap::Args)]
pub struct LogsArgs {
    /// Print only the last N lines
    #[arg(long, value_name = "N")]
    pub tail: Option<usize>,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

/// `skiff logs`.
pub fn logs(args: LogsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    use std::io::Write;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = containers::lookup(&store, &args.container)?;
    let path = containers::run_dir(&ctx, &rec.id).join(supervisor::DEFAULT_LOG);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot read the log {}", path.display())))
        }
    };
    // (stream is stderr, text) per k8s-file line; a P line continues into the next one.
    let mut lines: Vec<(bool, Vec<u8>)> = Vec::new();
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(4, |&b| b == b' ');
        let (_time, stream, tag) = (parts.next(), parts.next(), parts.next());
        let data = parts.next().unwrap_or_default();
        let err = stream == Some(b"stderr".as_slice());
        let mut text = data.to_vec();
        if tag != Some(b"P".as_slice()) {
            text.push(b'\n');
        }
        lines.push((err, text));
    }
    if let Some(n) = args.tail {
        let full = lines.iter().filter(|(_, t)| t.ends_with(b"\n")).count();
        let mut skip_full = full.saturating_sub(n);
        let mut start = 0;
        while skip_full > 0 && start < lines.len() {
            if lines[start].1.ends_with(b"\n") {
                skip_full -= 1;
            }
            start += 1;
        }
        lines.drain(..start);
    }
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    for (is_err, text) in lines {
        let w: &mut dyn Write = if is_err { &mut err } else { &mut out };
        if let Err(e) = w.write_all(&text) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(Exit::SUCCESS);
            }
            return Err(e.into());
        }
    }
    let _ = out.flush();
    Ok(Exit::SUCCESS)
}
