//! `stats`: CPU, memory, pids, network and block I/O of running containers.
//!
//! Each figure comes from the container's own cgroup when it has one (a cgroup v2 directory of
//! its own, delegated to the user, that holds the container and not its supervisor), and
//! otherwise from /proc of the container's processes, which works rootless on any host (podman's
//! `stats` refuses on a rootless cgroup v1 host):
//!
//! - CPU: utime + stime (+ cutime + cstime: children already reaped) of every process in the
//!   container's pid namespace; the percentage is the delta over the wall-clock delta between
//!   two readings.
//! - memory: the sum of the processes' PSS (`smaps_rollup`, shared pages counted once), else of
//!   their RSS; the limit is the memory cgroup's limit when lower than the host's memory.
//! - pids: the processes in the pid namespace.
//! - block I/O: `read_bytes`/`write_bytes` of `/proc/PID/io`.
//! - network: `/proc/PID/net/dev` of the container's init (its network namespace), loopback left
//!   out.
//!
//! Reading `smaps_rollup`, `io` and the `ns` links of processes running as other ids needs ptrace
//! rights over them, so the reading is done by a forked child that joins the container's user
//! namespace first ([`read`]). Every reading says where each figure came from ([`Sources`]).

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use super::{containers, ContainerRecord, Context, State, Store};
use crate::runtime::job;

/// Errors of `stats`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the figures of container {id}")]
    Read {
        id: String,
        #[source]
        source: job::Error,
    },
    #[error(transparent)]
    Engine(#[from] super::Error),
}

/// Where the figures of one reading came from: `cgroup-v2` (the container's cgroup), `proc`
/// (/proc of its processes), `proc-pss`/`proc-rss` (memory), `cgroup-v1` or `meminfo` (memory
/// limit), `unavailable`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    pub cpu: String,
    pub memory: String,
    pub memory_limit: String,
    pub pids: String,
    pub block_io: String,
    pub network: String,
}

/// One reading of a container's counters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// CPU time used, user + system, nanoseconds.
    pub cpu_ns: u64,
    /// CPU time used in the kernel, nanoseconds.
    pub cpu_system_ns: u64,
    /// Memory in use, bytes.
    pub mem_usage: u64,
    /// Memory limit, bytes.
    pub mem_limit: u64,
    pub pids: u64,
    /// Bytes received and sent on the container's interfaces but loopback.
    pub net: Option<(u64, u64)>,
    /// Bytes read from and written to storage.
    pub block: Option<(u64, u64)>,
    /// How long the container's init has run, nanoseconds.
    pub up_ns: u64,
    pub sources: Sources,
}

impl crate::ipc::Message for Reading {
    fn kind(&self) -> &'static str {
        "a stats reading"
    }
}

/// A container's figures: the last reading and what changed since the one before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub id: String,
    pub name: String,
    /// False for a container that does not run (`--all`): no figures.
    pub running: bool,
    /// CPU use between the two readings, percent of one CPU.
    pub cpu_percent: f64,
    /// CPU use since the container started, percent of one CPU.
    pub avg_cpu_percent: f64,
    pub reading: Reading,
}

impl Stats {
    /// Memory in use, percent of the limit.
    pub fn mem_percent(&self) -> f64 {
        if self.reading.mem_limit == 0 {
            return 0.0;
        }
        self.reading.mem_usage as f64 / self.reading.mem_limit as f64 * 100.0
    }
}

/// A container to read: its record and, when it runs, its init's host pid and its supervisor's.
#[derive(Debug, Clone)]
pub struct Target {
    pub record: ContainerRecord,
    pub init: Option<Pid>,
}

/// The containers `keys` name (all running ones when empty; with `all`, every container).
pub fn targets(ctx: &Context, store: &Store, keys: &[String], all: bool) -> Result<Vec<Target>, Error> {
    let records = if keys.is_empty() {
        containers::list(store)?
    } else {
        keys.iter().map(|k| containers::lookup(store, k)).collect::<Result<Vec<_>, _>>()?
    };
    let mut out = Vec::new();
    for record in records {
        let init = init_pid(ctx, &record);
        if init.is_none() && keys.is_empty() && !all {
            continue;
        }
        out.push(Target { record, init });
    }
    Ok(out)
}

fn init_pid(ctx: &Context, record: &ContainerRecord) -> Option<Pid> {
    if record.state != State::Running {
        return None;
    }
    let run_dir = containers::run_dir(ctx, &record.id);
    if crate::runtime::run_dir::ExitRecord::read(&run_dir).is_some() {
        return None;
    }
    crate::runtime::run_dir::RunDir::new(&run_dir)
        .container_pid()
        .ok()
        .flatten()
        .filter(|p| crate::sys::process_exists(*p))
}

/// Takes a reading of every target, waits `interval`, takes another and returns the figures
/// (CPU from the difference). Containers that stopped in between show as not running.
pub fn sample(targets: &[Target], interval: Duration) -> Result<Vec<Stats>, Error> {
    let first = read_all(targets)?;
    std::thread::sleep(interval);
    let second = read_all(targets)?;
    Ok(compare(targets, &first, &second))
}

/// One reading of every target, with the time it was taken (`None`: not running).
pub fn read_all(targets: &[Target]) -> Result<Vec<Option<(Instant, Reading)>>, Error> {
    let mut out = Vec::with_capacity(targets.len());
    for t in targets {
        let Some(init) = t.init else {
            out.push(None);
            continue;
        };
        if !crate::sys::process_exists(init) {
            out.push(None);
            continue;
        }
        let supervisor = t.record.pid.map(Pid::from_raw);
        match read(init, supervisor) {
            Ok(r) => out.push(Some((Instant::now(), r))),
            // Gone between the check and the reading: it stopped.
            Err(_) if !crate::sys::process_exists(init) => out.push(None),
            Err(source) => return Err(Error::Read { id: t.record.id.clone(), source }),
        }
    }
    Ok(out)
}

/// The figures from two readings of the same targets.
pub fn compare(
    targets: &[Target],
    before: &[Option<(Instant, Reading)>],
    after: &[Option<(Instant, Reading)>],
) -> Vec<Stats> {
    targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let prev = before.get(i).cloned().flatten();
            let now = after.get(i).cloned().flatten();
            figures(&t.record.id, &t.record.name, prev.as_ref(), now.as_ref())
        })
        .collect()
}

fn figures(
    id: &str,
    name: &str,
    prev: Option<&(Instant, Reading)>,
    now: Option<&(Instant, Reading)>,
) -> Stats {
    let Some((at, reading)) = now else {
        return Stats {
            id: id.to_string(),
            name: name.to_string(),
            running: false,
            cpu_percent: 0.0,
            avg_cpu_percent: 0.0,
            reading: Reading::default(),
        };
    };
    let cpu_percent = match prev {
        Some((then, before)) if at > then => {
            let wall = at.duration_since(*then).as_nanos() as f64;
            reading.cpu_ns.saturating_sub(before.cpu_ns) as f64 / wall * 100.0
        }
        _ => percent(reading.cpu_ns, reading.up_ns),
    };
    Stats {
        id: id.to_string(),
        name: name.to_string(),
        running: true,
        cpu_percent,
        avg_cpu_percent: percent(reading.cpu_ns, reading.up_ns),
        reading: reading.clone(),
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64 * 100.0
    }
}

/// Reads the counters of the container whose init is `init`, in a forked child that joins the
/// container's user namespace (ptrace rights over all its processes). `supervisor` is the
/// supervisor's pid: a cgroup it shares with the container is not the container's own.
pub fn read(init: Pid, supervisor: Option<Pid>) -> Result<Reading, job::Error> {
    let (tx, rx) = crate::ipc::pipe::<Reading>()?;
    let (child, rx) = job::spawn("stats reader", rx, move || {
        // Without the join, processes of other ids give fewer figures, not none.
        let _ = crate::runtime::linux::exec::join_user(init);
        let reading = read_here(Path::new("/proc"), Path::new("/sys/fs/cgroup"), init, supervisor);
        tx.send(&reading).map_err(|e| e.to_string())
    })?;
    let reading = rx.recv("a stats reading");
    child.finish()?;
    reading?.ok_or_else(|| job::Error::Failed("the stats reader sent no reading".into()))
}

/// Reads the counters from `proc` and `cgroup_root` (the real /proc and /sys/fs/cgroup, or test
/// copies).
pub fn read_here(proc: &Path, cgroup_root: &Path, init: Pid, supervisor: Option<Pid>) -> Reading {
    let ticks = crate::sys::clock_ticks().unwrap_or(100).max(1);
    let read = |p: &Path| fs_err::read_to_string(p).ok();
    let init_dir = proc.join(init.to_string());
    let mut r = Reading::default();

    let pids = namespace_members(proc, init);
    let mut pss = Some(0u64);
    let mut rss = 0u64;
    let mut io = Some((0u64, 0u64));
    let mut cpu_ticks = 0u64;
    let mut sys_ticks = 0u64;
    let page = crate::sys::page_size().unwrap_or(4096);
    for pid in &pids {
        let dir = proc.join(pid.to_string());
        let Some(stat) = read(&dir.join("stat")) else { continue };
        let f = stat_fields(&stat);
        let num = |n: usize| f.get(n.wrapping_sub(3)).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        cpu_ticks += num(14) + num(15) + num(16) + num(17);
        sys_ticks += num(15) + num(17);
        rss += num(24) * page;
        pss = match (pss, read(&dir.join("smaps_rollup")).and_then(|t| kb_field(&t, "Pss"))) {
            (Some(total), Some(kb)) => Some(total + kb * 1024),
            // A kernel thread-like process without memory has no Pss line but counts nothing.
            _ => None,
        };
        io = match (io, read(&dir.join("io")).and_then(|t| io_bytes(&t))) {
            (Some((rd, wr)), Some((r2, w2))) => Some((rd + r2, wr + w2)),
            _ => None,
        };
    }
    r.pids = pids.len() as u64;
    r.cpu_ns = cpu_ticks * 1_000_000_000 / ticks;
    r.cpu_system_ns = sys_ticks * 1_000_000_000 / ticks;
    r.sources.cpu = "proc".into();
    r.sources.pids = "proc".into();
    match pss {
        Some(bytes) if !pids.is_empty() => {
            r.mem_usage = bytes;
            r.sources.memory = "proc-pss".into();
        }
        _ => {
            r.mem_usage = rss;
            r.sources.memory = "proc-rss".into();
        }
    }
    r.block = io;
    r.sources.block_io = if io.is_some() { "proc".into() } else { "unavailable".into() };
    r.net = read(&init_dir.join("net/dev")).map(|t| net_bytes(&t));
    r.sources.network = if r.net.is_some() { "proc".into() } else { "unavailable".into() };

    let host_mem = read(&proc.join("meminfo")).and_then(|t| kb_field(&t, "MemTotal")).map(|kb| kb * 1024);
    r.mem_limit = host_mem.unwrap_or(0);
    r.sources.memory_limit = "meminfo".into();
    let cgroups = read(&init_dir.join("cgroup")).unwrap_or_default();
    if let Some(limit) = v1_memory_limit(cgroup_root, &cgroups) {
        if r.mem_limit == 0 || limit < r.mem_limit {
            r.mem_limit = limit;
            r.sources.memory_limit = "cgroup-v1".into();
        }
    }

    let uptime = read(&proc.join("uptime"))
        .and_then(|t| t.split_whitespace().next().and_then(|v| v.parse::<f64>().ok()))
        .unwrap_or(0.0);
    if let Some(stat) = read(&init_dir.join("stat")) {
        let start = stat_fields(&stat).get(22 - 3).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        let up = uptime - start as f64 / ticks as f64;
        r.up_ns = (up.max(0.0) * 1e9) as u64;
    }

    // The container's own cgroup, when it has one, gives the figures the kernel keeps for it.
    let sup_cgroups = supervisor.and_then(|s| read(&proc.join(s.to_string()).join("cgroup")));
    if let Some(dir) = own_v2_cgroup(cgroup_root, &cgroups, sup_cgroups.as_deref()) {
        apply_v2(&dir, &mut r);
    }
    r
}

/// The fields of a /proc/PID/stat text after the command (field 3, the state, first).
fn stat_fields(text: &str) -> Vec<&str> {
    text.rfind(')').and_then(|i| text.get(i + 1..)).unwrap_or("").split_whitespace().collect()
}

/// The host pids of the processes in the pid namespace of `init`.
fn namespace_members(proc: &Path, init: Pid) -> Vec<i32> {
    let ns_of = |pid: &str| fs_err::metadata(proc.join(pid).join("ns/pid")).ok().map(|m| (m.dev(), m.ino()));
    let Some(target) = ns_of(&init.to_string()) else {
        return vec![init.as_raw()];
    };
    let Ok(entries) = fs_err::read_dir(proc) else { return vec![init.as_raw()] };
    let mut out: Vec<i32> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<i32>().ok()))
        .filter(|pid| ns_of(&pid.to_string()) == Some(target))
        .collect();
    out.sort_unstable();
    out
}

/// The number of kB of `key` in a `Key:   N kB` text (meminfo, smaps_rollup).
fn kb_field(text: &str, key: &str) -> Option<u64> {
    text.lines().find_map(|l| {
        let rest = l.strip_prefix(key)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// `read_bytes` and `write_bytes` of a /proc/PID/io text.
fn io_bytes(text: &str) -> Option<(u64, u64)> {
    let field = |k: &str| {
        text.lines().find_map(|l| {
            l.strip_prefix(k).and_then(|r| r.strip_prefix(':')).and_then(|v| v.trim().parse().ok())
        })
    };
    Some((field("read_bytes")?, field("write_bytes")?))
}

/// Received and sent bytes of a /proc/net/dev text, loopback left out.
fn net_bytes(text: &str) -> (u64, u64) {
    let mut rx = 0;
    let mut tx = 0;
    for line in text.lines().skip(2) {
        let Some((name, rest)) = line.split_once(':') else { continue };
        if name.trim() == "lo" {
            continue;
        }
        let f: Vec<u64> = rest.split_whitespace().filter_map(|v| v.parse().ok()).collect();
        rx += f.first().copied().unwrap_or(0);
        tx += f.get(8).copied().unwrap_or(0);
    }
    (rx, tx)
}

/// The limit of the v1 memory cgroup named in a /proc/PID/cgroup text, if it is set.
fn v1_memory_limit(cgroup_root: &Path, cgroups: &str) -> Option<u64> {
    let path = cgroups.lines().find_map(|l| {
        let mut parts = l.splitn(3, ':');
        let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
        controllers.split(',').any(|c| c == "memory").then(|| path.to_string())
    })?;
    let file = cgroup_root.join("memory").join(path.trim_start_matches('/')).join("memory.limit_in_bytes");
    let limit: u64 = fs_err::read_to_string(file).ok()?.trim().parse().ok()?;
    // "No limit" is a huge page-aligned number.
    (limit < 1 << 60).then_some(limit)
}

/// The cgroup v2 path (`0::/path`) in a /proc/PID/cgroup text.
fn v2_path(cgroups: &str) -> Option<&str> {
    cgroups.lines().find_map(|l| l.strip_prefix("0::"))
}

/// The container's own cgroup v2 directory: on a unified hierarchy, a cgroup that is not the
/// root and not the supervisor's, with the CPU and memory files there.
fn own_v2_cgroup(cgroup_root: &Path, cgroups: &str, supervisor: Option<&str>) -> Option<PathBuf> {
    if !cgroup_root.join("cgroup.controllers").exists() {
        return None;
    }
    let path = v2_path(cgroups)?;
    if path == "/" || supervisor.and_then(v2_path) == Some(path) {
        return None;
    }
    let dir = cgroup_root.join(path.trim_start_matches('/'));
    (dir.join("cpu.stat").exists() && dir.join("memory.current").exists()).then_some(dir)
}

/// The figures of a cgroup v2 directory, over those from /proc.
fn apply_v2(dir: &Path, r: &mut Reading) {
    let read = |f: &str| fs_err::read_to_string(dir.join(f)).ok();
    let keyed = |text: &str, key: &str| {
        text.lines().find_map(|l| {
            l.strip_prefix(key).and_then(|v| v.strip_prefix(' ')).and_then(|v| v.trim().parse::<u64>().ok())
        })
    };
    if let Some(cpu) = read("cpu.stat") {
        if let Some(usage) = keyed(&cpu, "usage_usec") {
            r.cpu_ns = usage * 1000;
            r.cpu_system_ns = keyed(&cpu, "system_usec").unwrap_or(0) * 1000;
            r.sources.cpu = "cgroup-v2".into();
        }
    }
    if let Some(current) = read("memory.current").and_then(|t| t.trim().parse::<u64>().ok()) {
        // As docker and podman: the page cache that can be dropped is not use.
        let inactive = read("memory.stat").and_then(|t| keyed(&t, "inactive_file")).unwrap_or(0);
        r.mem_usage = current.saturating_sub(inactive);
        r.sources.memory = "cgroup-v2".into();
    }
    if let Some(max) = read("memory.max").and_then(|t| t.trim().parse::<u64>().ok()) {
        if max < r.mem_limit || r.mem_limit == 0 {
            r.mem_limit = max;
            r.sources.memory_limit = "cgroup-v2".into();
        }
    }
    if let Some(pids) = read("pids.current").and_then(|t| t.trim().parse::<u64>().ok()) {
        r.pids = pids;
        r.sources.pids = "cgroup-v2".into();
    }
    if let Some(io) = read("io.stat") {
        let (mut rd, mut wr) = (0, 0);
        for word in io.split_whitespace() {
            if let Some(v) = word.strip_prefix("rbytes=").and_then(|v| v.parse::<u64>().ok()) {
                rd += v;
            } else if let Some(v) = word.strip_prefix("wbytes=").and_then(|v| v.parse::<u64>().ok()) {
                wr += v;
            }
        }
        r.block = Some((rd, wr));
        r.sources.block_io = "cgroup-v2".into();
    }
}

/// The store for `stats`: read from outside skiff's user namespace (as `top`), so that the
/// reading children can join each container's.
pub fn lookup_store(ctx: &Context) -> Result<std::sync::Arc<Store>, Error> {
    Ok(super::exec::lookup_store(ctx)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        fs_err::create_dir_all(p.parent().unwrap()).unwrap();
        fs_err::write(p, text).unwrap();
    }

    #[test]
    fn parses_proc_texts() {
        assert_eq!(kb_field("MemTotal:       16318000 kB\nMemFree: 1 kB\n", "MemTotal"), Some(16318000));
        assert_eq!(kb_field("Rss:  100 kB\nPss:    42 kB\n", "Pss"), Some(42));
        assert_eq!(io_bytes("rchar: 5\nread_bytes: 4096\nwrite_bytes: 8192\n"), Some((4096, 8192)));
        let dev = "Inter-|   Receive\n face |bytes packets\n    lo: 900 9 0 0 0 0 0 0 900 9 0 0 0 0 0 0\n  eth0: 1500 10 0 0 0 0 0 0 700 5 0 0 0 0 0 0\n";
        assert_eq!(net_bytes(dev), (1500, 700));
        let f = stat_fields("7 (a b) R 1 7 7 0 -1 0 0 0 0 0 250 50 10 5 20 0 1 0 500 100 30");
        assert_eq!((f[0], f[14 - 3], f[24 - 3]), ("R", "250", "30"));
    }

    #[test]
    fn reads_a_fake_proc_tree_and_says_where_each_figure_came_from() {
        let tmp = tempfile::tempdir().unwrap();
        let (proc, cg) = (tmp.path().join("proc"), tmp.path().join("cgroup"));
        // Not a real pid namespace: the init alone is counted.
        write(&proc, "4242/stat", "4242 (sh) S 1 1 1 0 -1 0 0 0 0 0 300 100 0 0 20 0 1 0 1000 1 25");
        write(&proc, "4242/smaps_rollup", "Rss: 200 kB\nPss: 150 kB\n");
        write(&proc, "4242/io", "read_bytes: 10\nwrite_bytes: 20\n");
        write(&proc, "4242/net/dev", "h\nh\n  eth0: 64 1 0 0 0 0 0 0 32 1 0 0 0 0 0 0\n");
        write(&proc, "4242/cgroup", "4:memory:/box\n0::/\n");
        write(&proc, "meminfo", "MemTotal: 1000000 kB\n");
        write(&proc, "uptime", "30.00 1.00\n");
        write(&cg, "memory/box/memory.limit_in_bytes", "524288000\n");
        let r = read_here(&proc, &cg, Pid::from_raw(4242), None);
        let ticks = crate::sys::clock_ticks().unwrap_or(100);
        assert_eq!(r.cpu_ns, 400 * 1_000_000_000 / ticks);
        assert_eq!((r.mem_usage, r.mem_limit, r.pids), (150 * 1024, 524288000, 1));
        assert_eq!((r.block, r.net), (Some((10, 20)), Some((64, 32))));
        assert_eq!(r.sources.memory, "proc-pss");
        assert_eq!(r.sources.memory_limit, "cgroup-v1");
        assert_eq!(r.sources.cpu, "proc");

        // A delegated cgroup v2 of its own takes over.
        write(&cg, "cgroup.controllers", "cpu memory pids io\n");
        write(&proc, "4242/cgroup", "0::/user.slice/box\n");
        write(&proc, "99/cgroup", "0::/user.slice/supervisor\n");
        write(&cg, "user.slice/box/cpu.stat", "usage_usec 2000000\nuser_usec 1500000\nsystem_usec 500000\n");
        write(&cg, "user.slice/box/memory.current", "104857600\n");
        write(&cg, "user.slice/box/memory.stat", "anon 1\ninactive_file 4857600\n");
        write(&cg, "user.slice/box/memory.max", "max\n");
        write(&cg, "user.slice/box/pids.current", "3\n");
        write(&cg, "user.slice/box/io.stat", "8:0 rbytes=100 wbytes=200 rios=1\n8:16 rbytes=1 wbytes=2\n");
        let r = read_here(&proc, &cg, Pid::from_raw(4242), Some(Pid::from_raw(99)));
        assert_eq!((r.cpu_ns, r.cpu_system_ns), (2_000_000_000, 500_000_000));
        assert_eq!(
            (r.mem_usage, r.mem_limit, r.pids, r.block),
            (100_000_000, 1_024_000_000, 3, Some((101, 202)))
        );
        assert_eq!((r.sources.cpu.as_str(), r.sources.memory_limit.as_str()), ("cgroup-v2", "meminfo"));
        // The supervisor's own cgroup is not the container's.
        write(&proc, "99/cgroup", "0::/user.slice/box\n");
        let r = read_here(&proc, &cg, Pid::from_raw(4242), Some(Pid::from_raw(99)));
        assert_eq!(r.sources.cpu, "proc");
    }

    #[test]
    fn cpu_percent_is_the_delta_over_the_wall_clock() {
        let t0 = Instant::now();
        let t1 = t0 + Duration::from_secs(2);
        let before = Reading { cpu_ns: 1_000_000_000, up_ns: 10_000_000_000, ..Default::default() };
        let after = Reading {
            cpu_ns: 3_000_000_000,
            up_ns: 12_000_000_000,
            mem_usage: 50,
            mem_limit: 200,
            ..Default::default()
        };
        let s = figures("a", "box", Some(&(t0, before)), Some(&(t1, after)));
        assert!((s.cpu_percent - 100.0).abs() < 1e-9, "{s:?}");
        assert!((s.avg_cpu_percent - 25.0).abs() < 1e-9, "{s:?}");
        assert!((s.mem_percent() - 25.0).abs() < 1e-9);
        assert!(!figures("a", "box", None, None).running);
    }
}
