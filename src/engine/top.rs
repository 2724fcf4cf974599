//! `top`: the processes of a container's pid namespace, read from the host's /proc, with the
//! columns of ps format descriptors (podman's names and AIX codes).
//!
//! The caller joins the container's user namespace first ([`join`]), so the ids in /proc are the
//! container's. PIDs are shown as the container sees them (the last field of `NSpid`).

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;

use nix::unistd::Pid;

/// Errors of `top`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown ps format descriptor {value:?}; known: {known}")]
    UnknownDescriptor { value: String, known: String },
    #[error("cannot read the processes of the container (its init {pid} is gone)")]
    Gone { pid: i32 },
    #[error(transparent)]
    Join(#[from] crate::runtime::linux::exec::Error),
}

/// The container's user and group names: the text of its `/etc/passwd` and `/etc/group`.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub passwd: Option<String>,
    pub group: Option<String>,
}

/// Moves this (single-threaded) process into the user namespace of the container whose init is
/// `init` (host pid), so that /proc shows the ids the container sees, and reads its names.
pub fn join(init: Pid) -> Result<Names, Error> {
    // Read from here, the maps give the host's ids (for huser and hgroup).
    let map = |f: &str| fs_err::read_to_string(format!("/proc/{init}/{f}")).unwrap_or_default();
    let _ = HOST_MAPS.set((map("uid_map"), map("gid_map")));
    crate::runtime::linux::exec::join_user(init)?;
    let root = format!("/proc/{init}/root");
    Ok(Names {
        passwd: fs_err::read_to_string(format!("{root}/etc/passwd")).ok(),
        group: fs_err::read_to_string(format!("{root}/etc/group")).ok(),
    })
}

/// The container's uid_map and gid_map as the host sees them (set by [`join`]).
static HOST_MAPS: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();

/// The host's id for container id `id` under `map` (uid_map text read from the host), with the
/// host's name for it when it has one (podman's huser and hgroup).
fn host_id(map: &str, id: u32, name: impl Fn(u32) -> Option<String>) -> String {
    let host = map
        .lines()
        .filter_map(|l| {
            let f: Vec<u64> = l.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            (f.len() == 3).then(|| (f[0], f[1], f[2]))
        })
        .find_map(|(c, h, n)| (u64::from(id) >= c && u64::from(id) < c + n).then(|| h + u64::from(id) - c));
    match host.and_then(|h| u32::try_from(h).ok()) {
        Some(h) => name(h).unwrap_or_else(|| h.to_string()),
        None => id.to_string(),
    }
}

/// One column: its names (a name and, where podman has one, an AIX code) and header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    User,
    Group,
    Pid,
    Ppid,
    Pgid,
    Pcpu,
    Etime,
    Tty,
    Time,
    Args,
    Comm,
    Nice,
    Vsz,
    Hpid,
    Huser,
    Hgroup,
    State,
    Seccomp,
}

const COLUMNS: [(&str, Option<&str>, Column, &str); 18] = [
    ("user", Some("%U"), Column::User, "USER"),
    ("group", Some("%G"), Column::Group, "GROUP"),
    ("pid", Some("%p"), Column::Pid, "PID"),
    ("ppid", Some("%P"), Column::Ppid, "PPID"),
    ("pgid", Some("%r"), Column::Pgid, "PGID"),
    ("pcpu", Some("%C"), Column::Pcpu, "%CPU"),
    ("etime", Some("%t"), Column::Etime, "ELAPSED"),
    ("tty", Some("%y"), Column::Tty, "TTY"),
    ("time", Some("%x"), Column::Time, "TIME"),
    ("args", Some("%a"), Column::Args, "COMMAND"),
    ("comm", Some("%c"), Column::Comm, "COMMAND"),
    ("nice", Some("%n"), Column::Nice, "NI"),
    ("vsz", Some("%z"), Column::Vsz, "VSZ"),
    ("hpid", None, Column::Hpid, "HPID"),
    ("huser", None, Column::Huser, "HUSER"),
    ("hgroup", None, Column::Hgroup, "HGROUP"),
    ("state", None, Column::State, "STATE"),
    ("seccomp", None, Column::Seccomp, "SECCOMP"),
];

/// podman's default columns.
pub const DEFAULT: [Column; 8] = [
    Column::User,
    Column::Pid,
    Column::Ppid,
    Column::Pcpu,
    Column::Etime,
    Column::Tty,
    Column::Time,
    Column::Args,
];

/// The columns `descriptors` name (each argument may hold several, separated by commas or
/// spaces); none given means [`DEFAULT`].
pub fn parse_descriptors(descriptors: &[String]) -> Result<Vec<Column>, Error> {
    let mut out = Vec::new();
    for d in descriptors.iter().flat_map(|d| d.split([',', ' '])).filter(|d| !d.is_empty()) {
        let found = COLUMNS.iter().find(|(name, code, _, _)| *name == d || *code == Some(d));
        match found {
            Some((_, _, c, _)) => out.push(*c),
            None => {
                let known = COLUMNS
                    .iter()
                    .map(|(n, c, _, _)| c.map_or(n.to_string(), |c| format!("{n} ({c})")))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Error::UnknownDescriptor { value: d.to_string(), known });
            }
        }
    }
    Ok(if out.is_empty() { DEFAULT.to_vec() } else { out })
}

/// The header of `column`.
pub fn header(column: Column) -> &'static str {
    COLUMNS.iter().find(|c| c.2 == column).map(|c| c.3).unwrap_or("")
}

/// What /proc says about one process.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Proc {
    pub host_pid: i32,
    /// As the container sees it.
    pub pid: i32,
    /// As the container sees it; 0 when the parent is outside the container.
    pub ppid: i32,
    pub pgid: i32,
    pub uid: u32,
    pub gid: u32,
    pub state: char,
    pub tty_nr: u64,
    /// utime + stime, in clock ticks.
    pub cpu_ticks: u64,
    /// Start time, in clock ticks since boot.
    pub start_ticks: u64,
    pub nice: i64,
    /// Virtual size, bytes.
    pub vsz: u64,
    pub comm: String,
    pub args: Vec<String>,
    pub seccomp: String,
    host_ppid: i32,
}

/// Parses the text of /proc/PID/stat: (comm, fields after comm starting at field 3 "state").
fn parse_stat(text: &str) -> Option<(String, Vec<&str>)> {
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let comm = text.get(open + 1..close)?.to_string();
    Some((comm, text.get(close + 1..)?.split_whitespace().collect()))
}

fn status_field<'a>(status: &'a str, key: &str) -> Option<&'a str> {
    status.lines().find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix(':'))).map(str::trim)
}

/// Builds a [`Proc`] from the texts of stat, status and cmdline (pure, for tests).
pub fn parse_proc(host_pid: i32, stat: &str, status: &str, cmdline: &[u8]) -> Option<Proc> {
    let (comm, f) = parse_stat(stat)?;
    // f[0] is field 3 (state): field N is f[N - 3].
    let num = |n: usize| f.get(n - 3).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let last = |key: &str| {
        status_field(status, key).and_then(|v| v.split_whitespace().last()).and_then(|v| v.parse().ok())
    };
    let first_id = |key: &str| {
        status_field(status, key).and_then(|v| v.split_whitespace().next()).and_then(|v| v.parse().ok())
    };
    let args: Vec<String> = cmdline
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    Some(Proc {
        host_pid,
        pid: last("NSpid").unwrap_or(host_pid),
        ppid: 0,
        pgid: last("NSpgid").unwrap_or(num(5) as i32),
        uid: first_id("Uid").unwrap_or(0),
        gid: first_id("Gid").unwrap_or(0),
        state: f.first().and_then(|s| s.chars().next()).unwrap_or('?'),
        tty_nr: num(7) as u64,
        cpu_ticks: (num(14) + num(15)) as u64,
        start_ticks: num(22) as u64,
        nice: num(19),
        vsz: num(23) as u64,
        comm,
        args,
        seccomp: match status_field(status, "Seccomp") {
            Some("0") => "disabled".into(),
            Some("1") => "strict".into(),
            Some("2") => "filter".into(),
            _ => "?".into(),
        },
        host_ppid: num(4) as i32,
    })
}

/// The processes in the pid namespace of the container whose init is `init` (host pid), init
/// first, then by pid.
pub fn processes(init: Pid) -> Result<Vec<Proc>, Error> {
    let ns_of = |pid: &str| fs_err::metadata(format!("/proc/{pid}/ns/pid")).ok().map(|m| (m.dev(), m.ino()));
    let target = ns_of(&init.to_string()).ok_or(Error::Gone { pid: init.as_raw() })?;
    let mut out = Vec::new();
    for entry in fs_err::read_dir("/proc").map_err(|_| Error::Gone { pid: init.as_raw() })?.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(host_pid) = name.parse::<i32>() else { continue };
        if ns_of(name) != Some(target) {
            continue;
        }
        let read = |f: &str| fs_err::read(format!("/proc/{name}/{f}")).unwrap_or_default();
        let (stat, status) = (read("stat"), read("status"));
        let parsed = parse_proc(
            host_pid,
            &String::from_utf8_lossy(&stat),
            &String::from_utf8_lossy(&status),
            &read("cmdline"),
        );
        out.extend(parsed);
    }
    let ns_pid: HashMap<i32, i32> = out.iter().map(|p| (p.host_pid, p.pid)).collect();
    for p in &mut out {
        p.ppid = ns_pid.get(&p.host_ppid).copied().unwrap_or(0);
    }
    out.sort_by_key(|p| p.pid);
    Ok(out)
}

/// The time since boot and clock ticks per second, for elapsed and %CPU.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub uptime_secs: f64,
    pub ticks_per_sec: u64,
}

impl Clock {
    pub fn now() -> Clock {
        let uptime_secs = fs_err::read_to_string("/proc/uptime")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
            .unwrap_or(0.0);
        let ticks_per_sec = crate::sys::clock_ticks().unwrap_or(100);
        Clock { uptime_secs, ticks_per_sec }
    }
}

/// A duration the way Go prints it (podman's columns), to the millisecond: `0s`, `20ms`, `1.5s`,
/// `2m3.25s`, `1h0m5s`.
pub fn go_duration(secs: f64) -> String {
    if secs <= 0.0 {
        return "0s".into();
    }
    let total_ms = (secs * 1000.0).round() as u64;
    if total_ms < 1000 {
        return format!("{total_ms}ms");
    }
    let (h, rest) = (total_ms / 3_600_000, total_ms % 3_600_000);
    let (m, ms) = (rest / 60_000, rest % 60_000);
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, m) => format!("{m}m{s}s"),
        (h, m) => format!("{h}h{m}m{s}s"),
    }
}

/// The terminal name of a `tty_nr` (`?` for none).
pub fn tty_name(tty_nr: u64) -> String {
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        0 => "?".into(),
        136..=143 => format!("pts/{}", minor + (major - 136) * 256),
        4 if minor < 64 => format!("tty{minor}"),
        4 => format!("ttyS{}", minor - 64),
        _ => format!("{major}:{minor}"),
    }
}

/// The name of `id` in a passwd or group text, else the number.
pub fn id_name(text: Option<&str>, id: u32) -> String {
    text.and_then(|t| {
        t.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() >= 3 && f[2].parse() == Ok(id)).then(|| f[0].to_string())
        })
    })
    .unwrap_or_else(|| id.to_string())
}

/// One cell of the table.
pub fn cell(p: &Proc, column: Column, clock: Clock, passwd: Option<&str>, group: Option<&str>) -> String {
    let tps = clock.ticks_per_sec.max(1) as f64;
    let elapsed = (clock.uptime_secs - p.start_ticks as f64 / tps).max(0.0);
    let cpu = p.cpu_ticks as f64 / tps;
    match column {
        Column::User => id_name(passwd, p.uid),
        Column::Group => id_name(group, p.gid),
        Column::Pid => p.pid.to_string(),
        Column::Ppid => p.ppid.to_string(),
        Column::Pgid => p.pgid.to_string(),
        Column::Pcpu => format!("{:.3}", if elapsed > 0.0 { cpu / elapsed * 100.0 } else { 0.0 }),
        Column::Etime => go_duration(elapsed),
        Column::Tty => tty_name(p.tty_nr),
        Column::Time => go_duration(cpu),
        Column::Args if !p.args.is_empty() => p.args.join(" "),
        Column::Args => format!("[{}]", p.comm),
        Column::Comm => p.comm.clone(),
        Column::Nice => p.nice.to_string(),
        Column::Vsz => (p.vsz / 1024).to_string(),
        Column::Hpid => p.host_pid.to_string(),
        Column::Huser => host_id(HOST_MAPS.get().map_or("", |m| m.0.as_str()), p.uid, |h| {
            nix::unistd::User::from_uid(h.into()).ok().flatten().map(|u| u.name)
        }),
        Column::Hgroup => host_id(HOST_MAPS.get().map_or("", |m| m.1.as_str()), p.gid, |h| {
            nix::unistd::Group::from_gid(h.into()).ok().flatten().map(|g| g.name)
        }),
        Column::State => p.state.to_string(),
        Column::Seccomp => p.seccomp.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_by_name_and_code() {
        assert_eq!(parse_descriptors(&[]).unwrap(), DEFAULT.to_vec());
        let cols = parse_descriptors(&["pid,user".into(), "%C".into(), "args".into()]).unwrap();
        assert_eq!(cols, [Column::Pid, Column::User, Column::Pcpu, Column::Args]);
        let e = parse_descriptors(&["pid,bogus".into()]).unwrap_err().to_string();
        assert!(e.contains("\"bogus\"") && e.contains("pcpu (%C)"), "{e}");
    }

    #[test]
    fn parses_proc_files() {
        let stat = "4242 (sl eep) S 4200 4242 4242 34816 4242 4194560 100 0 0 0 150 50 0 0 20 0 1 0 \
                    1000 1234567 200 18446744073709551615";
        let status = "Name:\tsleep\nUid:\t1000\t1000\t1000\t1000\nGid:\t50\t50\t50\t50\n\
                      NSpid:\t4242\t7\nNSpgid:\t4242\t7\nSeccomp:\t2\n";
        let p = parse_proc(4242, stat, status, b"sleep\x0060\x00").unwrap();
        assert_eq!((p.pid, p.pgid, p.uid, p.gid, p.state), (7, 7, 1000, 50, 'S'));
        assert_eq!((p.cpu_ticks, p.start_ticks, p.vsz, p.host_ppid), (200, 1000, 1234567, 4200));
        assert_eq!(
            (p.comm.as_str(), p.args.join(" "), p.seccomp.as_str()),
            ("sl eep", "sleep 60".into(), "filter")
        );
        assert_eq!(tty_name(34816), "pts/0");
        let clock = Clock { uptime_secs: 20.0, ticks_per_sec: 100 };
        assert_eq!(cell(&p, Column::Etime, clock, None, None), "10s");
        assert_eq!(cell(&p, Column::Time, clock, None, None), "2s");
        assert_eq!(cell(&p, Column::Pcpu, clock, None, None), "20.000");
        assert_eq!(
            cell(&p, Column::User, clock, Some("root:x:0:0::/:/bin/sh\napp:x:1000:1000::/:/bin/sh\n"), None),
            "app"
        );
        assert_eq!(cell(&p, Column::Group, clock, None, None), "50");
    }

    #[test]
    fn host_ids_come_from_the_hosts_view_of_the_maps() {
        let map = "         0     493216       1000\n      1000       1007          1\n";
        assert_eq!(host_id(map, 0, |_| None), "493216");
        assert_eq!(host_id(map, 5, |_| None), "493221");
        assert_eq!(host_id(map, 1000, |h| (h == 1007).then(|| "me".to_string())), "me");
        assert_eq!(host_id(map, 5000, |_| None), "5000");
    }

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(0.0), "0s");
        assert_eq!(go_duration(1.5), "1.5s");
        assert_eq!(go_duration(123.25), "2m3.25s");
        assert_eq!(go_duration(3605.0), "1h0m5s");
        assert_eq!(go_duration(0.02), "20ms");
    }
}
