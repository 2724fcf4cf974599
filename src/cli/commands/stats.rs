//! `skiff stats`: CPU, memory, pids, network and block I/O of containers, with podman's columns
//! (see [`crate::engine::stats`] for where each figure comes from).

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};

use crate::cli::format::{align_columns, Template};
use crate::cli::{printer::Printer, Exit};
use crate::engine::stats::{self, Stats};
use crate::engine::top::go_duration;
use crate::engine::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show all containers (stopped ones with no figures); default: the running ones
    #[arg(short, long)]
    pub all: bool,
    /// Print one report and exit, instead of one every interval
    #[arg(long)]
    pub no_stream: bool,
    /// Do not clear the terminal between reports
    #[arg(long)]
    pub no_reset: bool,
    /// Seconds between reports (and, with --no-stream, over which CPU use is measured: 1 s when
    /// not given)
    #[arg(short, long, value_name = "SECONDS")]
    pub interval: Option<u64>,
    /// Output format: json (with the source of each figure), or a Go template such as
    /// {{.Name}} {{.CPUPerc}} {{.MemUsage}} ("table ..." adds a header)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Do not truncate ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Containers (names or ids); default: all running containers
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

const DEFAULT_TEMPLATE: &str = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDS}}\t{{.UpTime}}\t{{.AVGCPU}}";

const HEADERS: [(&str, &str); 12] = [
    ("ID", "ID"),
    ("Name", "NAME"),
    ("CPUPerc", "CPU %"),
    ("MemUsage", "MEM USAGE / LIMIT"),
    ("MemUsageBytes", "MEM USAGE / LIMIT"),
    ("MemPerc", "MEM %"),
    ("NetIO", "NET IO"),
    ("BlockIO", "BLOCK IO"),
    ("PIDS", "PIDS"),
    ("UpTime", "CPU TIME"),
    ("AVGCPU", "AVG CPU %"),
    ("ContainerID", "ID"),
];

/// `skiff stats`.
pub fn run(args: Args, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    // Not inside skiff's user namespace: each reading joins the container's (see the engine).
    let store = stats::lookup_store(&ctx)?;
    let targets = stats::targets(&ctx, &store, &args.containers, args.all)?;
    let interval = Duration::from_secs(args.interval.unwrap_or(if args.no_stream { 1 } else { 5 }).max(1));
    if args.no_stream {
        let figures = stats::sample(&targets, interval.min(Duration::from_secs(1)))?;
        print(&args, &figures, printer)?;
        return Ok(Exit::SUCCESS);
    }
    // The first report measures CPU over one second, later ones over the interval; containers
    // that start or stop meanwhile come and go.
    let key = |t: &stats::Target| t.record.id.clone();
    let first = stats::read_all(&targets)?;
    let mut prev: HashMap<String, Sample> =
        targets.iter().zip(first).filter_map(|(t, r)| r.map(|r| (key(t), r))).collect();
    std::thread::sleep(Duration::from_secs(1));
    loop {
        let targets = stats::targets(&ctx, &store, &args.containers, args.all)?;
        let now = stats::read_all(&targets)?;
        let before: Vec<Option<Sample>> = targets.iter().map(|t| prev.get(&key(t)).cloned()).collect();
        let figures = stats::compare(&targets, &before, &now);
        if !args.no_reset && args.format.as_deref() != Some("json") {
            printer.out("\x1b[2J\x1b[H");
        }
        print(&args, &figures, printer)?;
        if !args.containers.is_empty() && !args.all && figures.iter().all(|s| !s.running) {
            return Ok(Exit::SUCCESS);
        }
        prev = targets.iter().zip(now).filter_map(|(t, r)| r.map(|r| (key(t), r))).collect();
        std::thread::sleep(interval);
    }
}

/// One reading and when it was taken.
type Sample = (std::time::Instant, stats::Reading);

/// In a `table` template, fields separated by spaces become columns, as in podman.
fn table_columns(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(end) = rest.find("}}") {
        out.push_str(&rest[..end + 2]);
        rest = &rest[end + 2..];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.len() < rest.len() && trimmed.starts_with("{{") {
            out.push('\t');
            rest = trimmed;
        }
    }
    out.push_str(rest);
    out
}

fn print(args: &Args, figures: &[Stats], printer: &Printer) -> anyhow::Result<()> {
    match args.format.as_deref() {
        Some("json") => {
            let items: Vec<Value> = figures.iter().map(|s| json_item(s, args.no_trunc)).collect();
            printer.line(&serde_json::to_string_pretty(&items)?);
        }
        format => {
            let text = format.unwrap_or(DEFAULT_TEMPLATE);
            let text =
                if text.trim_start().starts_with("table") { table_columns(text) } else { text.to_string() };
            let t = Template::parse(&text)?;
            let mut lines = Vec::new();
            if t.is_table() {
                lines.push(t.header(&HEADERS));
            }
            for s in figures {
                lines.push(t.render(&template_item(s, args.no_trunc))?);
            }
            let out = if t.is_table() { align_columns(&lines) } else { lines.join("\n") };
            if !out.is_empty() {
                printer.line(out.trim_end_matches('\n'));
            }
        }
    }
    Ok(())
}

/// A size as podman's stats print it (go-units HumanSize: 4 significant digits, decimal units,
/// no space): `16.42MB`.
pub fn go_size(bytes: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!("{}{}", go_g4(v), UNITS[i])
}

/// Go's `%.4g` for 0 <= v < 1000.
fn go_g4(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let int_digits = (v.log10().floor() as i32 + 1).max(1) as usize;
    let decimals = 4usize.saturating_sub(int_digits);
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn pair(p: Option<(u64, u64)>) -> String {
    match p {
        Some((a, b)) => format!("{} / {}", go_size(a), go_size(b)),
        None => "-- / --".into(),
    }
}

fn short(id: &str, no_trunc: bool) -> String {
    if no_trunc {
        id.to_string()
    } else {
        id.chars().take(12).collect()
    }
}

/// The text cells, `--` for a container that does not run.
struct Cells {
    cpu: String,
    avg: String,
    mem: String,
    mem_perc: String,
    net: String,
    block: String,
    pids: String,
    up: String,
}

fn cells(s: &Stats) -> Cells {
    let r = &s.reading;
    if !s.running {
        let dash = || "--".to_string();
        return Cells {
            cpu: dash(),
            avg: dash(),
            mem: "-- / --".into(),
            mem_perc: dash(),
            net: "-- / --".into(),
            block: "-- / --".into(),
            pids: dash(),
            up: dash(),
        };
    }
    Cells {
        cpu: format!("{:.2}%", s.cpu_percent),
        avg: format!("{:.2}%", s.avg_cpu_percent),
        mem: format!("{} / {}", go_size(r.mem_usage), go_size(r.mem_limit)),
        mem_perc: format!("{:.2}%", s.mem_percent()),
        net: pair(r.net),
        block: pair(r.block),
        pids: r.pids.to_string(),
        up: go_duration(r.cpu_ns as f64 / 1e9),
    }
}

/// What Go templates see: podman's placeholders.
fn template_item(s: &Stats, no_trunc: bool) -> Value {
    let c = cells(s);
    let r = &s.reading;
    json!({
        "ID": short(&s.id, no_trunc),
        "ContainerID": s.id,
        "Name": s.name,
        "CPU": s.cpu_percent,
        "CPUPerc": c.cpu,
        "AvgCPU": s.avg_cpu_percent,
        "AVGCPU": c.avg,
        "CPUNano": r.cpu_ns,
        "CPUSystemNano": r.cpu_system_ns,
        "Duration": r.cpu_ns,
        "UpTime": c.up,
        "MemUsage": c.mem,
        "MemUsageBytes": c.mem,
        "MemLimit": r.mem_limit,
        "MemPerc": c.mem_perc,
        "NetIO": c.net,
        "NetInput": r.net.map(|n| n.0),
        "NetOutput": r.net.map(|n| n.1),
        "BlockIO": c.block,
        "BlockInput": r.block.map(|b| b.0),
        "BlockOutput": r.block.map(|b| b.1),
        "PIDS": c.pids,
        "PIDs": r.pids,
        "Sources": r.sources,
    })
}

/// `--format json`: podman's keys, the raw numbers, and where each figure came from.
fn json_item(s: &Stats, no_trunc: bool) -> Value {
    let c = cells(s);
    let r = &s.reading;
    json!({
        "id": short(&s.id, no_trunc),
        "name": s.name,
        "cpu_time": c.up,
        "cpu_percent": c.cpu,
        "avg_cpu": c.avg,
        "mem_usage": c.mem,
        "mem_percent": c.mem_perc,
        "net_io": c.net,
        "block_io": c.block,
        "pids": c.pids,
        "running": s.running,
        "raw": {
            "cpu_nano": r.cpu_ns,
            "cpu_system_nano": r.cpu_system_ns,
            "cpu_percent": s.cpu_percent,
            "mem_usage": r.mem_usage,
            "mem_limit": r.mem_limit,
            "pids": r.pids,
            "net_input": r.net.map(|n| n.0),
            "net_output": r.net.map(|n| n.1),
            "block_input": r.block.map(|b| b.0),
            "block_output": r.block.map(|b| b.1),
        },
        "sources": if s.running { json!(r.sources) } else { json!(null) },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_templates_turn_spaces_between_fields_into_columns() {
        assert_eq!(table_columns("table {{.Name}}  {{.CPUPerc}}"), "table {{.Name}}\t{{.CPUPerc}}");
        assert_eq!(table_columns("table {{.Name}}:{{.PIDS}}"), "table {{.Name}}:{{.PIDS}}");
    }

    #[test]
    fn sizes_as_podman_prints_them() {
        assert_eq!(go_size(0), "0B");
        assert_eq!(go_size(999), "999B");
        assert_eq!(go_size(16_420_000), "16.42MB");
        assert_eq!(go_size(104_857_600), "104.9MB");
        assert_eq!(go_size(33_080_000_000), "33.08GB");
    }
}
