//! The flags of `run`/`create` that shape the container's configuration: capabilities, ulimits,
//! `--init`, read-only root, tmpfs mounts, security options, hostname, labels, env files,
//! annotations, `--privileged`, the stop signal and timeout, and the OCI runtime.
//!
//! [`ConfigArgs::resolve`] checks all of them (reading the env, label and seccomp files) before
//! the image is pulled or anything is created, so bad input fails with one line and leaves
//! nothing; [`Resolved::apply`] then fills in the run and create options.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::engine::config::{self, RunOptions, Seccomp};
use crate::engine::containers::CreateOptions;
use crate::engine::lifecycle;
use anyhow::Context as _;

/// Where podman installs catatonit, its `--init`; found first, then `catatonit` in PATH.
const CATATONIT_PATHS: [&str; 2] = ["/usr/libexec/podman/catatonit", "/usr/libexec/catatonit/catatonit"];

/// Container configuration flags of `run` and `create`. As in podman, `-h` is `--hostname`, so
/// help is `--help` only.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(disable_help_flag = true)]
pub struct ConfigArgs {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    help: Option<bool>,
    /// Add a capability (CAP_NET_RAW, net_raw, or ALL); repeatable
    #[arg(long = "cap-add", value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop a capability (CAP_CHOWN, chown, or ALL); repeatable
    #[arg(long = "cap-drop", value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// Give the container every capability, no seccomp filter and no masked paths
    #[arg(long)]
    pub privileged: bool,
    /// Security options: no-new-privileges[=true|false], seccomp=unconfined, seccomp=PROFILE.json,
    /// label=disable; repeatable
    #[arg(long = "security-opt", value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Set a resource limit, NAME=SOFT[:HARD] (nofile=1024:2048; -1 means unlimited); repeatable
    #[arg(long, value_name = "NAME=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// Run an init as pid 1 that relays signals and reaps zombies
    #[arg(long)]
    pub init: bool,
    /// The init binary for --init (default: catatonit when installed, else skiff's own init)
    #[arg(long, value_name = "PATH", requires = "init")]
    pub init_path: Option<PathBuf>,
    /// Mount the container's root filesystem read-only
    #[arg(long)]
    pub read_only: bool,
    /// With --read-only, mount writable tmpfs on /run, /tmp and /var/tmp
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        default_value_t = true,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub read_only_tmpfs: bool,
    /// Mount a tmpfs, PATH[:OPTIONS] (/run:size=64m,mode=1777); repeatable
    #[arg(long, value_name = "PATH[:OPTS]")]
    pub tmpfs: Vec<String>,
    /// Set the container's hostname (default: the first 12 characters of its id)
    #[arg(short = 'h', long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// Add a label, KEY=VALUE; repeatable
    #[arg(short = 'l', long = "label", value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Read labels from a file of KEY=VALUE lines; repeatable
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Read environment variables from a file of KEY=VALUE lines (-e values come after and win);
    /// repeatable
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Pass this environment's variables into the container (env files and -e come after and
    /// win; default: containers.conf's env_host)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub env_host: Option<bool>,
    /// Add an annotation to the container's OCI spec, KEY=VALUE; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// The signal `stop` sends first (default SIGTERM)
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,
    /// Seconds `stop` waits after the stop signal before it kills the container (default 10)
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,
    /// Run the container with this OCI runtime: crun, runc or a path (default: skiff's own)
    #[arg(long, value_name = "RUNTIME")]
    pub runtime: Option<String>,
}

/// [`ConfigArgs`], checked, with the files read.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    cap_add: Vec<String>,
    cap_drop: Vec<String>,
    privileged: bool,
    no_new_privileges: bool,
    seccomp: Seccomp,
    ulimits: Vec<String>,
    init: Option<PathBuf>,
    read_only: bool,
    read_only_tmpfs: bool,
    tmpfs: Vec<String>,
    hostname: Option<String>,
    labels: BTreeMap<String, String>,
    env: Vec<String>,
    annotations: BTreeMap<String, String>,
    stop_signal: Option<String>,
    stop_timeout: Option<u32>,
    runtime: Option<String>,
}

impl ConfigArgs {
    /// Checks every flag and reads the files they name.
    pub fn resolve(&self) -> anyhow::Result<Resolved> {
        let caps = config::capabilities(&self.cap_add, &self.cap_drop)?;
        let (mut no_new_privileges, mut seccomp) = (false, Seccomp::Default);
        for opt in &self.security_opt {
            match parse_security_opt(opt)? {
                SecurityOpt::NoNewPrivileges(v) => no_new_privileges = v,
                SecurityOpt::Seccomp(s) => seccomp = s,
                SecurityOpt::Ignored => {}
            }
        }
        if let Seccomp::Profile(path) = &seccomp {
            config::check_seccomp_profile(path, &caps)?;
        }
        for u in &self.ulimit {
            config::check_ulimit(u)?;
        }
        for t in &self.tmpfs {
            config::check_tmpfs(t)?;
        }
        let init = self.init.then(|| self.init_binary()).transpose()?;
        if let Some(h) = &self.hostname {
            check_hostname(h)?;
        }
        let mut labels = BTreeMap::new();
        for file in &self.label_file {
            for entry in read_label_file(file)? {
                insert_pair(&mut labels, &entry);
            }
        }
        for entry in &self.label {
            insert_pair(&mut labels, entry);
        }
        let mut env = Vec::new();
        let env_host = match self.env_host {
            Some(v) => v,
            None => crate::engine::containers_conf::get()?.containers.env_host.unwrap_or(false),
        };
        if env_host {
            env.extend(std::env::vars().map(|(k, v)| format!("{k}={v}")));
        }
        for file in &self.env_file {
            env.extend(config::read_env_file(file)?);
        }
        let mut annotations = BTreeMap::new();
        for entry in &self.annotation {
            if !entry.contains('=') {
                anyhow::bail!("invalid --annotation {entry:?}: expected KEY=VALUE");
            }
            insert_pair(&mut annotations, entry);
        }
        let stop_signal = self.stop_signal.as_deref().map(parse_signal).transpose()?;
        if let Some(rt) = &self.runtime {
            if rt != "builtin" {
                config::check_runtime(rt)?;
            }
        }
        Ok(Resolved {
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            privileged: self.privileged,
            no_new_privileges,
            seccomp,
            ulimits: self.ulimit.clone(),
            init,
            read_only: self.read_only,
            read_only_tmpfs: self.read_only_tmpfs,
            tmpfs: self.tmpfs.clone(),
            hostname: self.hostname.clone(),
            labels,
            env,
            annotations,
            stop_signal: stop_signal.map(|s| s.to_string()),
            stop_timeout: self.stop_timeout,
            runtime: self.runtime.clone().filter(|r| r != "builtin"),
        })
    }

    /// `--init-path`, else catatonit (static, so it runs in any image), else this executable
    /// (skiff's own init, which needs a C library in the image compatible with the host's).
    fn init_binary(&self) -> anyhow::Result<PathBuf> {
        if let Some(p) = &self.init_path {
            let p = std::path::absolute(p).with_context(|| format!("invalid --init-path {}", p.display()))?;
            if !p.is_file() {
                anyhow::bail!("--init-path {}: no such file", p.display());
            }
            return Ok(p);
        }
        if let Some(p) = CATATONIT_PATHS.iter().map(PathBuf::from).find(|p| p.is_file()) {
            return Ok(p);
        }
        if let Some(p) = config::find_in_path("catatonit") {
            return Ok(p);
        }
        std::env::current_exe().context("cannot find the skiff binary to use as --init")
    }
}

impl Resolved {
    /// Fills in the run and create options. The env-file entries go before the `-e` values
    /// already in `opts.env`, so that `-e` wins.
    pub fn apply(self, opts: &mut RunOptions, with: &mut CreateOptions) {
        opts.cap_add = self.cap_add;
        opts.cap_drop = self.cap_drop;
        opts.privileged = self.privileged;
        opts.no_new_privileges = self.no_new_privileges;
        opts.seccomp = self.seccomp;
        opts.ulimits = self.ulimits;
        opts.init = self.init.is_some();
        opts.init_binary = self.init;
        opts.read_only = self.read_only;
        opts.read_only_without_tmpfs = !self.read_only_tmpfs;
        opts.tmpfs = self.tmpfs;
        opts.hostname = self.hostname;
        opts.annotations = self.annotations;
        let cli_env = std::mem::take(&mut opts.env);
        opts.env = self.env.into_iter().chain(cli_env).collect();
        with.labels.extend(self.labels);
        with.stop_signal = self.stop_signal;
        with.stop_timeout = self.stop_timeout;
        with.runtime = self.runtime;
    }
}

/// What one `--security-opt` asks for.
#[derive(Debug, PartialEq, Eq)]
enum SecurityOpt {
    NoNewPrivileges(bool),
    Seccomp(Seccomp),
    /// Accepted and without effect here (`label=disable`: skiff sets no SELinux labels).
    Ignored,
}

fn parse_security_opt(value: &str) -> anyhow::Result<SecurityOpt> {
    let supported = "supported: no-new-privileges[=true|false], seccomp=unconfined, \
                     seccomp=PROFILE.json, label=disable";
    // podman also accepts the older `KEY:VALUE` form.
    let (key, val) = match value.split_once(['=', ':']) {
        Some((k, v)) => (k, Some(v)),
        None => (value, None),
    };
    Ok(match (key, val) {
        ("no-new-privileges", None) => SecurityOpt::NoNewPrivileges(true),
        ("no-new-privileges", Some(v)) => SecurityOpt::NoNewPrivileges(
            bool::from_str(v)
                .map_err(|_| anyhow::anyhow!("invalid --security-opt {value:?}: expected true or false"))?,
        ),
        ("seccomp", Some("unconfined")) => SecurityOpt::Seccomp(Seccomp::Unconfined),
        ("seccomp", Some(path)) if !path.is_empty() => SecurityOpt::Seccomp(Seccomp::Profile(
            std::path::absolute(path).with_context(|| format!("invalid seccomp profile path {path:?}"))?,
        )),
        ("label", Some("disable")) => SecurityOpt::Ignored,
        ("label", _) => anyhow::bail!(
            "unsupported --security-opt {value:?}: skiff sets no SELinux labels (only label=disable is accepted)"
        ),
        _ => anyhow::bail!("unknown --security-opt {value:?} ({supported})"),
    })
}

/// A signal by name (`SIGTERM`, `term`, `RTMIN+3`) or number (`15`).
fn parse_signal(value: &str) -> anyhow::Result<lifecycle::Sig> {
    lifecycle::parse_signal(value)
        .map_err(|_| anyhow::anyhow!("invalid --stop-signal {value:?}: not a signal name or number"))
}

/// A host name the kernel takes as the UTS name (at most 64 bytes) made of RFC 1123 labels
/// (letters, digits, `-`, and `_` as many tools allow), separated by `.`.
fn check_hostname(name: &str) -> anyhow::Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.split('.').all(|part| {
            !part.is_empty()
                && !part.starts_with('-')
                && !part.ends_with('-')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    if !ok {
        anyhow::bail!(
            "invalid --hostname {name:?}: use letters, digits, '-', '_' and '.', at most 64 characters"
        );
    }
    Ok(())
}

/// `KEY=VALUE` into `map`; `KEY` alone gets an empty value.
fn insert_pair(map: &mut BTreeMap<String, String>, entry: &str) {
    let (k, v) = entry.split_once('=').unwrap_or((entry, ""));
    map.insert(k.to_string(), v.to_string());
}

/// The entries of a label file: one `KEY=VALUE` per line; blank lines and `#` comments skipped.
fn read_label_file(path: &Path) -> anyhow::Result<Vec<String>> {
    let text =
        fs_err::read_to_string(path).with_context(|| format!("cannot read label file {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, clap::Parser)]
    struct Cli {
        #[command(flatten)]
        config: ConfigArgs,
    }

    fn parse(args: &[&str]) -> ConfigArgs {
        Cli::try_parse_from(std::iter::once("t").chain(args.iter().copied())).unwrap().config
    }

    fn err(args: &[&str]) -> String {
        format!("{:#}", parse(args).resolve().unwrap_err())
    }

    #[test]
    fn security_opts() {
        assert_eq!(parse_security_opt("no-new-privileges").unwrap(), SecurityOpt::NoNewPrivileges(true));
        assert_eq!(
            parse_security_opt("no-new-privileges=false").unwrap(),
            SecurityOpt::NoNewPrivileges(false)
        );
        assert_eq!(parse_security_opt("no-new-privileges:true").unwrap(), SecurityOpt::NoNewPrivileges(true));
        assert_eq!(
            parse_security_opt("seccomp=unconfined").unwrap(),
            SecurityOpt::Seccomp(Seccomp::Unconfined)
        );
        assert_eq!(
            parse_security_opt("seccomp=/p.json").unwrap(),
            SecurityOpt::Seccomp(Seccomp::Profile("/p.json".into()))
        );
        assert_eq!(parse_security_opt("label=disable").unwrap(), SecurityOpt::Ignored);
        let e = parse_security_opt("apparmor=foo").unwrap_err().to_string();
        assert!(e.contains("unknown --security-opt \"apparmor=foo\"") && e.contains("supported:"), "{e}");
        assert!(parse_security_opt("no-new-privileges=maybe").unwrap_err().to_string().contains("maybe"));
        assert!(parse_security_opt("label=type:x").unwrap_err().to_string().contains("SELinux"));
    }

    #[test]
    fn signals_by_name_and_number() {
        assert_eq!(parse_signal("SIGTERM").unwrap(), lifecycle::Sig::TERM);
        assert_eq!(parse_signal("usr1").unwrap().number(), libc::SIGUSR1);
        assert_eq!(parse_signal("9").unwrap(), lifecycle::Sig::KILL);
        assert_eq!(parse_signal("RTMIN+3").unwrap().to_string(), "SIGRTMIN+3");
        assert!(parse_signal("SIGNOPE").unwrap_err().to_string().contains("SIGNOPE"));
        assert!(parse_signal("99").is_err());
    }

    #[test]
    fn bad_values_name_the_value() {
        assert!(err(&["--ulimit", "nofile=abc"]).contains("invalid ulimit \"nofile=abc\""));
        assert!(err(&["--cap-add", "CAP_FLY"]).contains("unknown capability \"CAP_FLY\""));
        assert!(err(&["--tmpfs", "run"]).contains("\"run\""));
        assert!(err(&["--hostname", "bad_name!"]).contains("bad_name!"));
        assert!(err(&["--annotation", "novalue"]).contains("novalue"));
        assert!(err(&["--env-file", "/no/such/env"]).contains("/no/such/env"));
        assert!(err(&["--label-file", "/no/such/labels"]).contains("/no/such/labels"));
        assert!(err(&["--runtime", "no-such-runtime-xyz"]).contains("no-such-runtime-xyz"));
        assert!(err(&["--stop-signal", "NOPE"]).contains("NOPE"));
        let dir = tempfile::tempdir().unwrap();
        let profile = dir.path().join("p.json");
        fs_err::write(&profile, "{ nope").unwrap();
        let e = err(&["--security-opt", &format!("seccomp={}", profile.display())]);
        assert!(e.contains(&profile.display().to_string()), "{e}");
    }

    #[test]
    fn apply_orders_env_and_merges_labels() {
        let dir = tempfile::tempdir().unwrap();
        let env_file = dir.path().join("env");
        fs_err::write(&env_file, "A=file\nB=file\n").unwrap();
        let labels = dir.path().join("labels");
        fs_err::write(&labels, "# c\nx=from-file\n\ny=1\n").unwrap();
        let args = parse(&[
            "--env-file",
            env_file.to_str().unwrap(),
            "--label-file",
            labels.to_str().unwrap(),
            "-l",
            "x=flag",
            "--label",
            "bare",
            "--read-only",
            "--read-only-tmpfs=false",
            "--security-opt",
            "no-new-privileges",
            "--stop-signal",
            "int",
            "--stop-timeout",
            "3",
            "--annotation",
            "k=v",
        ]);
        let mut opts = RunOptions { env: vec!["B=flag".into()], ..Default::default() };
        let mut with = CreateOptions::default();
        args.resolve().unwrap().apply(&mut opts, &mut with);
        assert_eq!(opts.env, ["A=file", "B=file", "B=flag"]);
        assert_eq!(
            with.labels.into_iter().collect::<Vec<_>>(),
            [("bare".into(), "".into()), ("x".into(), "flag".into()), ("y".into(), "1".into())]
        );
        assert!(opts.read_only && opts.read_only_without_tmpfs && opts.no_new_privileges);
        assert_eq!(with.stop_signal.as_deref(), Some("SIGINT"));
        assert_eq!(with.stop_timeout, Some(3));
        assert_eq!(opts.annotations.get("k").map(String::as_str), Some("v"));
        assert!(parse(&["--read-only"]).read_only_tmpfs);
    }

    #[test]
    fn dash_h_is_the_hostname_and_help_is_long_only() {
        assert_eq!(parse(&["-h", "web"]).hostname.as_deref(), Some("web"));
        let e = Cli::try_parse_from(["t", "--help"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
    }

    #[test]
    fn runtime_builtin_is_no_runtime() {
        let mut opts = RunOptions::default();
        let mut with = CreateOptions::default();
        parse(&["--runtime", "builtin"]).resolve().unwrap().apply(&mut opts, &mut with);
        assert_eq!(with.runtime, None);
        parse(&["--runtime", "/bin/sh"]).resolve().unwrap().apply(&mut opts, &mut with);
        assert_eq!(with.runtime.as_deref(), Some("/bin/sh"));
    }
}
