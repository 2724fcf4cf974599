//! `--systemd=true|false|always`: a container whose command is systemd (or an init) gets what
//! systemd as pid 1 needs, as podman gives it: tmpfs on /run, /run/lock, /tmp and
//! /var/log/journal (unless the user mounts something there), `container=podman` and
//! `container_uuid` in its environment, SIGRTMIN+3 as its stop signal (unless one is given), and
//! a writable cgroup: the cgroup2 mount read-write on a cgroup v2 host, the name=systemd
//! hierarchy bound in on a v1 host (what systemd can write there is what the host delegates).
//!
//! Socket activation, as podman passes it on: at each start, `LISTEN_PID` (always `1`, the
//! container's init), `LISTEN_FDS` and `LISTEN_FDNAMES` of skiff's own environment go into the
//! container's (see [`pass_listen_env`]), and the runtime keeps the `LISTEN_FDS` descriptors
//! from 3 on open across the container's exec (the ones skiff inherited; nothing skiff opens
//! itself, which is all close-on-exec).

use std::path::Path;

use oci_spec::runtime::{Mount, MountBuilder, Spec};

use crate::runtime::spec::RunOptions;

/// `--systemd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// When the command is systemd or an init (podman's rule, see [`is_init_command`]).
    #[default]
    True,
    False,
    Always,
}

/// The stop signal systemd as pid 1 shuts down on.
pub const STOP_SIGNAL: &str = "SIGRTMIN+3";

/// The tmpfs mounts of systemd mode: `/run` and `/run/lock` exec (units' runtime files), `/tmp`
/// and `/var/log/journal`.
pub const TMPFS: [&str; 4] = ["/run:exec", "/run/lock:exec", "/tmp:exec", "/var/log/journal"];

/// podman's rule: `/sbin/init`, `/usr/sbin/init`, `/usr/local/sbin/init`, or a program named
/// `systemd` (`/usr/lib/systemd/systemd`).
pub fn is_init_command(command: &[String]) -> bool {
    let Some(first) = command.first() else { return false };
    matches!(first.as_str(), "/sbin/init" | "/usr/sbin/init" | "/usr/local/sbin/init")
        || Path::new(first).file_name().is_some_and(|n| n == "systemd")
}

/// Whether `mode` puts a container running `command` (entrypoint + cmd) in systemd mode.
pub fn applies(mode: Mode, command: &[String]) -> bool {
    match mode {
        Mode::Always => true,
        Mode::False => false,
        Mode::True => is_init_command(command),
    }
}

/// Adds systemd mode's tmpfs mounts (where nothing is mounted yet) and environment (before the
/// user's, which win) to `opts`; `id` is the container's.
pub fn prepare(opts: &mut RunOptions, id: &str) {
    for t in TMPFS {
        let dest = t.split(':').next().unwrap_or(t);
        let taken = opts.tmpfs.iter().any(|x| x.split(':').next() == Some(dest))
            || opts.mounts.iter().any(|m| m.destination() == Path::new(dest));
        if !taken {
            opts.tmpfs.push(t.to_string());
        }
    }
    let uuid: String = id.chars().take(32).collect();
    let mut env = vec!["container=podman".to_string(), format!("container_uuid={uuid}")];
    env.append(&mut opts.env);
    opts.env = env;
}

/// The cgroup mounts of systemd mode in `spec`: on a cgroup v2 host (`cgroup_v2`) the
/// `/sys/fs/cgroup` mount becomes read-write; on a v1 host the name=systemd hierarchy is bound
/// read-write at `/sys/fs/cgroup/systemd`.
pub fn adjust_spec(spec: &mut Spec, cgroup_v2: bool) {
    let mut mounts: Vec<Mount> = spec.mounts().clone().unwrap_or_default();
    if cgroup_v2 {
        for m in mounts.iter_mut().filter(|m| m.destination() == Path::new("/sys/fs/cgroup")) {
            let options: Vec<String> = m
                .options()
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|o| if o == "ro" { "rw".into() } else { o })
                .collect();
            m.set_options(Some(options));
        }
    } else if !mounts.iter().any(|m| m.destination() == Path::new("/sys/fs/cgroup/systemd")) {
        let at = mounts
            .iter()
            .position(|m| m.destination() == Path::new("/sys/fs/cgroup"))
            .map_or(mounts.len(), |i| i + 1);
        let bind = MountBuilder::default()
            .destination("/sys/fs/cgroup/systemd")
            .typ("bind")
            .source("/sys/fs/cgroup/systemd")
            .options(["rbind", "nodev", "noexec", "nosuid", "rprivate"].map(String::from).to_vec())
            .build()
            .expect("a bind mount builds");
        mounts.insert(at, bind);
    }
    spec.set_mounts(Some(mounts));
}

/// The socket-activation variables of systemd (`sd_listen_fds(3)`).
pub const LISTEN_VARS: [&str; 3] = ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"];

/// The `LISTEN_*` entries the container gets from an environment where `get` looks variables up:
/// each one that is set, `LISTEN_PID` as `1` (the container's first process, whatever skiff's
/// own pid was: podman does not check it either).
pub fn listen_env(get: impl Fn(&str) -> Option<String>) -> Vec<String> {
    LISTEN_VARS
        .iter()
        .filter_map(|k| {
            get(k).map(|v| if *k == "LISTEN_PID" { format!("{k}=1") } else { format!("{k}={v}") })
        })
        .collect()
}

/// `env` (a spec's `process.env`) without its `LISTEN_*` entries, then `listen`.
pub fn with_listen_env(env: &[String], listen: &[String]) -> Vec<String> {
    let ours = |e: &String| LISTEN_VARS.iter().any(|k| e.split_once('=').is_some_and(|(n, _)| n == *k));
    env.iter().filter(|e| !ours(e)).chain(listen).cloned().collect()
}

/// Before a start: sets the `LISTEN_*` variables of the container in `bundle/config.json` to those
/// of this process's environment (removing those of an earlier start), as podman sets them in
/// the spec it writes at each start. The file is rewritten (atomically) only when they change.
pub fn pass_listen_env(bundle: &Path) -> std::io::Result<()> {
    let listen = listen_env(|k| std::env::var(k).ok());
    let path = bundle.join("config.json");
    let mut spec: serde_json::Value = serde_json::from_slice(&fs_err::read(&path)?)?;
    let Some(env) = spec.pointer_mut("/process/env") else {
        if listen.is_empty() {
            return Ok(());
        }
        return Err(std::io::Error::other(format!("{} has no process", path.display())));
    };
    let old: Vec<String> = serde_json::from_value(env.take()).unwrap_or_default();
    let new = with_listen_env(&old, &listen);
    if new == old {
        *env = serde_json::Value::from(old);
        return Ok(());
    }
    *env = serde_json::Value::from(new);
    crate::sys::atomic::write_atomic(&path, &serde_json::to_vec_pretty(&spec)?)
}

/// Whether this host's `/sys/fs/cgroup` is the cgroup v2 hierarchy.
pub fn host_cgroup_v2() -> bool {
    Path::new("/sys/fs/cgroup/cgroup.controllers").exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn init_commands_as_podman_knows_them() {
        for c in [
            "/sbin/init",
            "/usr/sbin/init",
            "/usr/local/sbin/init",
            "/usr/lib/systemd/systemd --log-level=debug",
            "systemd",
        ] {
            assert!(applies(Mode::True, &words(c)), "{c}");
        }
        for c in ["/bin/sh", "/usr/bin/systemd-run x", "init"] {
            assert!(!applies(Mode::True, &words(c)), "{c}");
        }
        assert!(applies(Mode::Always, &words("sleep 1")));
        assert!(!applies(Mode::False, &words("/sbin/init")));
        assert!(!applies(Mode::True, &[]));
    }

    #[test]
    fn prepares_mounts_and_environment() {
        let mut o = RunOptions {
            env: vec!["container=mine".into()],
            tmpfs: vec!["/tmp:size=1m".into()],
            ..Default::default()
        };
        prepare(&mut o, &"ab".repeat(32));
        assert_eq!(o.tmpfs, ["/tmp:size=1m", "/run:exec", "/run/lock:exec", "/var/log/journal"]);
        assert_eq!(
            o.env,
            ["container=podman", &format!("container_uuid={}", "ab".repeat(16)), "container=mine"]
        );
    }

    #[test]
    fn listen_variables_pass_with_pid_1_and_replace_an_earlier_starts() {
        let vars = |k: &str| match k {
            "LISTEN_PID" => Some("100".to_string()),
            "LISTEN_FDS" => Some("2".to_string()),
            _ => None,
        };
        let listen = listen_env(vars);
        assert_eq!(listen, ["LISTEN_PID=1", "LISTEN_FDS=2"]);
        let env: Vec<String> =
            ["PATH=/bin", "LISTEN_FDS=7", "LISTEN_FDNAMES=old", "LISTEN_PIDX=keep"].map(String::from).into();
        assert_eq!(
            with_listen_env(&env, &listen),
            ["PATH=/bin", "LISTEN_PIDX=keep", "LISTEN_PID=1", "LISTEN_FDS=2"]
        );
        assert_eq!(with_listen_env(&env, &[]), ["PATH=/bin", "LISTEN_PIDX=keep"]);
    }

    #[test]
    fn cgroups_writable_as_the_host_allows() {
        let spec = || {
            let mut s = Spec::default();
            let cg = MountBuilder::default()
                .destination("/sys/fs/cgroup")
                .typ("cgroup")
                .source("cgroup")
                .options(vec!["nosuid".to_string(), "ro".to_string()])
                .build()
                .unwrap();
            s.set_mounts(Some(vec![cg]));
            s
        };
        let mut v2 = spec();
        adjust_spec(&mut v2, true);
        assert_eq!(v2.mounts().as_ref().unwrap()[0].options().as_ref().unwrap(), &["nosuid", "rw"]);
        let mut v1 = spec();
        adjust_spec(&mut v1, false);
        let m = v1.mounts().clone().unwrap();
        assert_eq!(m[1].destination(), Path::new("/sys/fs/cgroup/systemd"));
        assert_eq!(m[1].source().as_deref(), Some(Path::new("/sys/fs/cgroup/systemd")));
    }
}
