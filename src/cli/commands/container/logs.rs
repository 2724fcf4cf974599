//! `skiff logs`: the container's output from its k8s-file log; `-f` follows it until the
//! container exits.

use super::*;
#[cfg(test)]
use crate::engine::logs::parse_line;
use crate::engine::logs::LogReader;

#[derive(Debug, clap::Args)]
pub struct LogsArgs {
    /// Print only the last N lines
    #[arg(long, value_name = "N")]
    pub tail: Option<usize>,
    /// Keep printing new output until the container exits
    #[arg(short, long)]
    pub follow: bool,
    /// Only output written at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a Unix
    /// timestamp, or a duration before now (10m, 1h30m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only output written before this time (same forms as --since)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Prefix each line with the time it was written
    #[arg(short, long)]
    pub timestamps: bool,
    /// With several containers, start each line with the container's name (default: its short id)
    #[arg(short = 'n', long)]
    pub names: bool,
    /// The containers (names or ids); with several, each line starts with the container's short id
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

use crate::cli::human::parse_time;

/// One container's log being read, and how its last line ended.
struct Follower {
    id: String,
    /// What starts its lines when several containers are shown.
    label: String,
    reader: LogReader,
    /// The previous line was partial: the next one continues it (no timestamp, no prefix).
    continued: bool,
}

/// `skiff logs`.
pub fn logs(args: LogsArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    use std::io::Write;
    let since = args.since.as_deref().map(|t| parse_time("--since", t)).transpose()?;
    let until = args.until.as_deref().map(|t| parse_time("--until", t)).transpose()?;
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let mut followers = Vec::new();
    for key in &args.containers {
        let rec = lifecycle::lookup(&ctx, &store, key)?;
        if let Some(why) = engine::logs::not_logging(&store, &rec.id) {
            anyhow::bail!(why);
        }
        let reader = LogReader::new(&store, &rec.id);
        let label = if args.names { rec.name.clone() } else { rec.id[..12].to_string() };
        followers.push(Follower { id: rec.id, label, reader, continued: false });
    }
    let prefix = followers.len() > 1;
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let mut first = true;
    loop {
        // Whether each container may still write: checked before reading, so that nothing
        // written just before it exited is missed.
        let live: Vec<bool> =
            followers.iter().map(|f| args.follow && lifecycle::may_write(&ctx, &store, &f.id)).collect();
        for f in followers.iter_mut() {
            let mut lines = f.reader.read_lines()?;
            if first {
                if let Some(n) = args.tail {
                    let full = lines.iter().filter(|l| l.text.ends_with(b"\n")).count();
                    let mut skip_full = full.saturating_sub(n);
                    let mut start = 0;
                    while skip_full > 0 && start < lines.len() {
                        if lines[start].text.ends_with(b"\n") {
                            skip_full -= 1;
                        }
                        start += 1;
                    }
                    lines.drain(..start);
                }
            }
            for line in lines {
                let continued = std::mem::replace(&mut f.continued, !line.text.ends_with(b"\n"));
                let in_range =
                    line.time.is_none_or(|t| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t < u));
                if !in_range {
                    continue;
                }
                let mut bytes = Vec::with_capacity(line.text.len() + 48);
                if !continued {
                    if prefix {
                        bytes.extend_from_slice(format!("{} ", f.label).as_bytes());
                    }
                    if args.timestamps {
                        // As podman prints it: Go's RFC3339Nano (`Z` for UTC, no trailing zeros).
                        let time = line.time.map(|t| engine::events::go_rfc3339(&t));
                        bytes.extend_from_slice(
                            format!("{} ", time.as_deref().unwrap_or(&line.time_text)).as_bytes(),
                        );
                    }
                }
                bytes.extend_from_slice(&line.text);
                let w: &mut dyn Write = if line.stderr { &mut err } else { &mut out };
                if let Err(e) = w.write_all(&bytes).and_then(|_| w.flush()) {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        return Ok(Exit::SUCCESS);
                    }
                    return Err(e.into());
                }
            }
        }
        first = false;
        if !live.iter().any(|&l| l) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = out.flush();
    Ok(Exit::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_three_forms() {
        let t = parse_time("--since", "2026-01-02T15:04:05Z").unwrap();
        assert_eq!(t.timestamp(), 1767366245);
        assert_eq!(parse_time("--since", "1767366245").unwrap(), t);
        let ago = parse_time("--since", "10m").unwrap();
        let expected = chrono::Utc::now() - chrono::Duration::minutes(10);
        assert!((ago.timestamp() - expected.timestamp()).abs() <= 2);
        assert!(parse_time("--since", "1h30m").is_ok());
        let e = parse_time("--until", "soon").unwrap_err().to_string();
        assert!(e.contains("invalid --until \"soon\""), "{e}");
    }

    #[test]
    fn k8s_lines_parse() {
        let l = parse_line(b"2026-01-02T15:04:05.000000001+00:00 stderr F hello world");
        assert!(l.stderr && l.time.is_some());
        assert_eq!(l.text, b"hello world\n");
        let p = parse_line(b"2026-01-02T15:04:05.000000001+00:00 stdout P part");
        assert!(!p.stderr);
        assert_eq!(p.text, b"part");
    }
}
