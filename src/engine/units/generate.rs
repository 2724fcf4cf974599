//! `generate systemd`: a systemd service unit for a container, as podman 4.3 writes it.
//!
//! Without `--new` the unit starts and stops the existing container (`Type=forking`, the
//! supervisor's pid file). With `--new` it creates a fresh container on every start from the
//! command line that created this one (kept by [`super::save_create_command`]), with
//! `--replace --rm` and the name fixed, and removes it on stop.
//!
//! With a `run --sdnotify` (`notify`), the `--new` unit runs the container detached and is
//! `Type=notify` (the supervisor says READY=1, as conmon does for podman); without it, the unit
//! runs `skiff run` in the foreground, which behaves like the process it wraps (exit code,
//! signals), and is `Type=simple`.

use std::path::{Path, PathBuf};

use super::unit_file::{exec_line, Specifiers, UnitWriter};
use super::Error;
use crate::storage::ContainerRecord;

/// What the user asked of `generate systemd`.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--new`: create a new container on each start.
    pub new: bool,
    /// `--name`: name the unit (and commands) by the container's name, not its id.
    pub use_name: bool,
    /// `--restart-policy`: overrides the container's.
    pub restart_policy: Option<String>,
    /// `--time`/`--stop-timeout`: seconds between the stop signal and SIGKILL.
    pub stop_timeout: Option<u64>,
    /// `--start-timeout`: TimeoutStartSec.
    pub start_timeout: Option<u64>,
    /// `--restart-sec`: RestartSec.
    pub restart_sec: Option<u64>,
    /// `--template`: a template unit (`name@.service`); needs `new`.
    pub template: bool,
    /// `--no-header`: no comment lines at the top.
    pub no_header: bool,
    /// `--container-prefix` (default `container`) and `--separator` (default `-`).
    pub prefix: String,
    pub separator: String,
    /// `-e KEY=VALUE`: `Environment=` lines of the unit.
    pub env: Vec<String>,
    /// `--wants`, `--after`, `--requires`: added to `[Unit]`.
    pub wants: Vec<String>,
    pub after: Vec<String>,
    pub requires: Vec<String>,
    /// The skiff binary the unit runs.
    pub exe: PathBuf,
    /// `--root`/`--runroot` and the like for the commands of a unit without `--new`.
    pub globals: Vec<String>,
    /// `run --sdnotify` exists (see the module documentation).
    pub notify: bool,
}

/// A generated unit: its name (with `.service`) and text, and warnings for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub name: String,
    pub text: String,
    pub warnings: Vec<String>,
}

/// podman's restart policies that systemd's `Restart=` knows.
const RESTARTS: [&str; 7] =
    ["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"];

/// `Restart=` and `StartLimitBurst=` for container policy `policy` (`on-failure:3`,
/// `unless-stopped`...).
pub fn restart_of(policy: &str) -> (String, Option<u32>) {
    match policy.split_once(':') {
        Some(("on-failure", n)) => ("on-failure".into(), n.parse().ok()),
        _ if policy == "unless-stopped" => ("always".into(), None),
        _ if policy.is_empty() => ("on-failure".into(), None),
        _ => (policy.to_string(), None),
    }
}

/// The options of a stored create command (`skiff [globals] run|create [options] IMAGE [CMD]`):
/// where the subcommand is, and where its options end (the image's index), given which options
/// take a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The global options before the subcommand.
    pub globals: Vec<String>,
    /// Options of run/create (each option with its value, as one or two words).
    pub options: Vec<Vec<String>>,
    /// The image and the command.
    pub rest: Vec<String>,
}

/// Splits create command `argv` (with `argv[0]`); `takes_value(option)` says whether an option of
/// run/create (`--name`, `-e`) takes a value.
pub fn parse_create_command(argv: &[String], takes_value: &dyn Fn(&str) -> bool) -> Option<Parsed> {
    const GLOBAL_VALUES: [&str; 4] = ["--root", "--runroot", "--log-level", "--storage-driver"];
    let mut i = 1;
    let mut globals = Vec::new();
    while i < argv.len() {
        let a = &argv[i];
        if a == "run" || a == "create" {
            break;
        }
        if a == "container" {
            i += 1;
            continue;
        }
        globals.push(a.clone());
        if GLOBAL_VALUES.contains(&a.as_str()) {
            if let Some(v) = argv.get(i + 1) {
                globals.push(v.clone());
            }
            i += 1;
        }
        i += 1;
    }
    if i >= argv.len() {
        return None;
    }
    i += 1;
    let mut options = Vec::new();
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let name = a.split_once('=').map_or(a.as_str(), |(n, _)| n);
        let long = a.starts_with("--");
        // A short cluster (`-dit`, `-eFOO=1`) takes a value when its last letter does and no
        // value is attached.
        let needs_value = if long {
            !a.contains('=') && takes_value(name)
        } else {
            let letters: Vec<char> = a[1..].chars().collect();
            let mut needs = false;
            for (k, c) in letters.iter().enumerate() {
                if takes_value(&format!("-{c}")) {
                    needs = k == letters.len() - 1;
                    break;
                }
            }
            needs
        };
        if needs_value && i + 1 < argv.len() {
            options.push(vec![a.clone(), argv[i + 1].clone()]);
            i += 2;
        } else {
            options.push(vec![a.clone()]);
            i += 1;
        }
    }
    Some(Parsed { globals, options, rest: argv[i..].to_vec() })
}

impl Parsed {
    /// The value of long option `name` (`--name=x` or `--name x`), the last one given.
    pub fn value(&self, name: &str) -> Option<String> {
        self.options.iter().rev().find_map(|o| match o.as_slice() {
            [a, v] if a == name => Some(v.clone()),
            [a] => a.strip_prefix(name).and_then(|r| r.strip_prefix('=')).map(String::from),
            _ => None,
        })
    }

    /// Drops long options `names` (any form) and the short flags `letters` (also inside
    /// clusters such as `-dit`).
    pub fn drop(&mut self, names: &[&str], letters: &[char]) {
        self.options.retain(|o| {
            let first = &o[0];
            let name = first.split_once('=').map_or(first.as_str(), |(n, _)| n);
            !names.contains(&name)
        });
        for o in &mut self.options {
            // A cluster of flags (`-dit`); one with a value attached (`-eA=b`) is left alone.
            let Some(cluster) = o[0].strip_prefix('-').filter(|c| !c.starts_with('-')) else { continue };
            if o.len() == 1 && cluster.chars().all(|c| c.is_ascii_alphabetic()) {
                o[0] = format!("-{}", cluster.chars().filter(|c| !letters.contains(c)).collect::<String>());
            }
        }
        self.options.retain(|o| o[0] != "-");
    }
}

/// The unit for container `rec`. `create_command` is its stored command line (needed for
/// `new`), `env` its environment (`KEY=VALUE`, to fill in `-e KEY` without a value),
/// `pid_file` its supervisor's pid file, `run_root` skiff's run-time directory.
#[allow(clippy::too_many_arguments)]
pub fn container_unit(
    rec: &ContainerRecord,
    create_command: Option<&[String]>,
    takes_value: &dyn Fn(&str) -> bool,
    env: &[String],
    pid_file: &Path,
    run_root: &Path,
    opts: &Options,
) -> Result<Generated, Error> {
    if opts.template && !opts.new {
        return Err(Error::Generate("--template cannot be set without --new".into()));
    }
    let name_or_id = if opts.use_name { rec.name.clone() } else { rec.id.clone() };
    let mut service = format!("{}{}{}", opts.prefix, opts.separator, name_or_id);
    if opts.template {
        service.push('@');
    }
    let parsed = create_command.and_then(|c| parse_create_command(c, takes_value));
    let container_policy = parsed.as_ref().and_then(|p| p.value("--restart")).unwrap_or_default();
    let mut warnings = Vec::new();
    if !opts.new && !container_policy.is_empty() && container_policy != "no" {
        warnings.push(format!(
            "Container {} has restart policy {container_policy:?} which can lead to issues on shutdown: consider recreating the container without a restart policy and use systemd's restart mechanism instead",
            rec.id
        ));
    }
    let (restart, burst) = match &opts.restart_policy {
        Some(p) if RESTARTS.contains(&p.as_str()) => (p.clone(), None),
        Some(p) => {
            return Err(Error::Generate(format!(
                "{p} is not a valid restart policy (one of: {})",
                RESTARTS.join(", ")
            )))
        }
        None if container_policy.is_empty() || container_policy == "no" => ("on-failure".into(), None),
        None => restart_of(&container_policy),
    };
    let stop = opts.stop_timeout.unwrap_or_else(|| rec.stop_timeout.map_or(10, u64::from));
    let exe = opts.exe.display().to_string();
    let cmd = |words: &[&str]| -> Vec<String> {
        std::iter::once(exe.clone()).chain(words.iter().map(|w| w.to_string())).collect()
    };

    let mut u = UnitWriter::default();
    if !opts.no_header {
        u.comment(&format!("{service}.service"));
        u.comment(&format!("autogenerated by skiff {}", env!("CARGO_PKG_VERSION")));
    }
    u.add("Unit", "Description", &format!("skiff {service}.service"));
    for w in &opts.wants {
        u.add("Unit", "Wants", w);
    }
    for a in &opts.after {
        u.add("Unit", "After", a);
    }
    for r in &opts.requires {
        u.add("Unit", "Requires", r);
    }
    u.add("Unit", "RequiresMountsFor", &run_root.display().to_string());
    u.add("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
    if !opts.env.is_empty() {
        let words: Vec<String> = opts.env.clone();
        u.add("Service", "Environment", &exec_line_flat(&words));
    }
    u.add("Service", "Restart", &restart);
    if let Some(n) = burst {
        u.add("Service", "StartLimitBurst", &n.to_string());
    }
    if let Some(s) = opts.restart_sec {
        u.add("Service", "RestartSec", &s.to_string());
    }
    if let Some(s) = opts.start_timeout {
        u.add("Service", "TimeoutStartSec", &s.to_string());
    }
    u.add("Service", "TimeoutStopSec", &(stop + 60).to_string());
    let stop_s = stop.to_string();
    if opts.new {
        let mut p = parsed.ok_or_else(|| {
            Error::Generate(format!(
                "container {} has no stored create command (it was created by an older skiff): --new needs one",
                rec.name
            ))
        })?;
        let name = if opts.template { format!("{}-%i", rec.name) } else { rec.name.clone() };
        p.drop(
            &[
                "--name",
                "--replace",
                "--rm",
                "--detach",
                "--restart",
                "--sdnotify",
                "--cidfile",
                "--systemd-unit",
            ],
            &['d'],
        );
        let mut words = vec![exe.clone()];
        words.extend(p.globals.iter().cloned());
        words.push("run".into());
        if opts.notify {
            words.extend(["--sdnotify=conmon".to_string(), "-d".to_string()]);
        }
        words.extend(["--replace".to_string(), "--rm".to_string(), "--name".to_string(), name.clone()]);
        for o in &p.options {
            words.extend(fill_env(o, env));
        }
        words.extend(p.rest.iter().cloned());
        // A template's instance name (`%i`) is for systemd to expand; everything else is escaped.
        let keep_instance = |line: String| {
            if opts.template {
                let escaped = super::unit_file::quote_word(&name, Specifiers::Escape);
                line.replace(&escaped, &super::unit_file::quote_word(&name, Specifiers::Keep))
            } else {
                line
            }
        };
        u.add("Service", "ExecStart", &keep_instance(exec_line(&words, Specifiers::Escape)));
        let globals: Vec<&str> = p.globals.iter().map(String::as_str).collect();
        let with = |tail: &[&str]| {
            let mut w: Vec<&str> = globals.clone();
            w.extend_from_slice(tail);
            keep_instance(exec_line(&cmd(&w), Specifiers::Escape))
        };
        u.add("Service", "ExecStop", &with(&["stop", "--ignore", "-t", &stop_s, &name]));
        u.add(
            "Service",
            "ExecStopPost",
            &format!("-{}", with(&["rm", "-f", "--ignore", "-t", &stop_s, &name])),
        );
        if opts.notify {
            u.add("Service", "Type", "notify");
            u.add("Service", "NotifyAccess", "all");
        } else {
            // The foreground run ends with the container's status: SIGTERM's when stopped.
            u.add("Service", "Type", "simple");
            u.add("Service", "KillMode", "mixed");
            u.add("Service", "SuccessExitStatus", "143 SIGTERM");
        }
    } else {
        let globals: Vec<&str> = opts.globals.iter().map(String::as_str).collect();
        let with = |tail: &[&str]| {
            let mut w: Vec<&str> = globals.clone();
            w.extend_from_slice(tail);
            exec_line(&cmd(&w), Specifiers::Escape)
        };
        u.add("Service", "ExecStart", &with(&["start", &name_or_id]));
        u.add("Service", "ExecStop", &with(&["stop", "-t", &stop_s, &name_or_id]));
        u.add("Service", "ExecStopPost", &with(&["stop", "-t", &stop_s, &name_or_id]));
        u.add("Service", "PIDFile", &pid_file.display().to_string());
        u.add("Service", "Type", "forking");
        // The supervisor ends with the container's status: SIGTERM's when stopped.
        u.add("Service", "SuccessExitStatus", "143 SIGTERM");
    }
    u.add("Install", "WantedBy", "default.target");
    Ok(Generated { name: format!("{service}.service"), text: u.text(), warnings })
}

/// `Environment=` words, quoted.
fn exec_line_flat(words: &[String]) -> String {
    words.iter().map(|w| super::unit_file::quote_word(w, Specifiers::Escape)).collect::<Vec<_>>().join(" ")
}

/// `-e KEY` (no value) becomes `-e KEY=VALUE` with the container's value: the unit's
/// environment is not the one the container was created in.
fn fill_env(option: &[String], env: &[String]) -> Vec<String> {
    let lookup = |k: &str| env.iter().find(|e| e.split_once('=').map(|(n, _)| n) == Some(k)).cloned();
    match option {
        [flag, key] if (flag == "-e" || flag == "--env") && !key.contains('=') => {
            vec![flag.clone(), lookup(key).unwrap_or_else(|| key.clone())]
        }
        [one] if one.starts_with("--env=") && !one["--env=".len()..].contains('=') => {
            let key = &one["--env=".len()..];
            vec![lookup(key).map_or_else(|| one.clone(), |kv| format!("--env={kv}"))]
        }
        other => other.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn takes(o: &str) -> bool {
        ["--name", "-e", "--env", "--restart", "--label", "-l", "--root", "-v", "--entrypoint", "--sdnotify"]
            .contains(&o)
    }

    fn argv(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    fn record() -> ContainerRecord {
        serde_json::from_value(serde_json::json!({
            "id": "c0ffee".repeat(10) + "abcd", "name": "web", "image_id": "i", "image_name": "img",
            "created": "", "command": ["top"], "state": "created", "storage_driver": "overlay",
        }))
        .unwrap()
    }

    fn opts(new: bool) -> Options {
        Options {
            new,
            use_name: true,
            restart_policy: None,
            stop_timeout: None,
            start_timeout: None,
            restart_sec: None,
            template: false,
            no_header: true,
            prefix: "container".into(),
            separator: "-".into(),
            env: vec![],
            wants: vec![],
            after: vec![],
            requires: vec![],
            exe: "/usr/bin/skiff".into(),
            globals: vec![],
            notify: true,
        }
    }

    #[test]
    fn parses_and_rewrites_a_create_command() {
        let a = argv(
            "skiff --root /r container create -dit --name web --restart=always -e FOO -l a=b img sh -c true",
        );
        let mut p = parse_create_command(&a, &takes).unwrap();
        assert_eq!(p.globals, ["--root", "/r"]);
        assert_eq!(p.rest, ["img", "sh", "-c", "true"]);
        assert_eq!(p.value("--restart").as_deref(), Some("always"));
        assert_eq!(p.value("--name").as_deref(), Some("web"));
        p.drop(&["--name", "--restart"], &['d']);
        let flat: Vec<String> = p.options.concat();
        assert_eq!(flat, ["-it", "-e", "FOO", "-l", "a=b"]);
        assert_eq!(fill_env(&["-e".into(), "FOO".into()], &["FOO=value".into()]), ["-e", "FOO=value"]);
        assert!(parse_create_command(&argv("skiff ps"), &takes).is_none());
    }

    #[test]
    fn restart_policies_map_as_podmans() {
        assert_eq!(restart_of("unless-stopped"), ("always".into(), None));
        assert_eq!(restart_of("on-failure:42"), ("on-failure".into(), Some(42)));
        assert_eq!(restart_of("always"), ("always".into(), None));
        let cmd = argv("skiff create --restart=on-failure:42 --name web img");
        let g = container_unit(
            &record(),
            Some(&cmd),
            &takes,
            &[],
            Path::new("/p"),
            Path::new("/run"),
            &opts(true),
        )
        .unwrap();
        assert!(g.text.contains("Restart=on-failure\nStartLimitBurst=42\n"), "{}", g.text);
        let mut o = opts(true);
        o.restart_policy = Some("always".into());
        let g = container_unit(&record(), Some(&cmd), &takes, &[], Path::new("/p"), Path::new("/run"), &o)
            .unwrap();
        assert!(g.text.contains("Restart=always\n") && !g.text.contains("StartLimitBurst"), "{}", g.text);
        o.restart_policy = Some("sometimes".into());
        assert!(container_unit(&record(), Some(&cmd), &takes, &[], Path::new("/p"), Path::new("/run"), &o)
            .is_err());
    }

    #[test]
    fn new_units_recreate_the_container_and_others_start_it() {
        let cmd = argv("skiff create --restart always --name web -e BAR img sh -c sleep");
        let env = ["BAR=%s".to_string()];
        let g = container_unit(
            &record(),
            Some(&cmd),
            &takes,
            &env,
            Path::new("/p"),
            Path::new("/run/u"),
            &opts(true),
        )
        .unwrap();
        assert_eq!(g.name, "container-web.service");
        assert!(g.warnings.is_empty());
        assert!(
            g.text.replace(" \\\n\t", " ").contains("ExecStart=/usr/bin/skiff run --sdnotify=conmon -d --replace --rm --name web -e BAR=%%s img sh -c sleep\n"),
            "{}",
            g.text
        );
        assert!(g.text.contains("ExecStop=/usr/bin/skiff stop --ignore -t 10 web\n"), "{}", g.text);
        assert!(g.text.contains("Type=notify\nNotifyAccess=all\n"), "{}", g.text);
        assert!(g.text.contains("TimeoutStopSec=70\n") && g.text.contains("RequiresMountsFor=/run/u\n"));

        let g = container_unit(
            &record(),
            Some(&cmd),
            &takes,
            &env,
            Path::new("/p/s.pid"),
            Path::new("/run/u"),
            &opts(false),
        )
        .unwrap();
        assert_eq!(g.warnings.len(), 1);
        assert!(g.warnings[0].contains("has restart policy \"always\" which can lead to issues on shutdown"));
        assert!(
            g.text.contains("ExecStart=/usr/bin/skiff start web\n")
                && g.text.contains("PIDFile=/p/s.pid\nType=forking\n")
        );

        let mut o = opts(true);
        o.template = true;
        let g = container_unit(&record(), Some(&cmd), &takes, &env, Path::new("/p"), Path::new("/r"), &o)
            .unwrap();
        assert_eq!(g.name, "container-web@.service");
        let text = g.text.replace(" \\\n\t", " ");
        assert!(text.contains(" --name web-%i ") && text.contains("stop --ignore -t 10 web-%i\n"), "{text}");
        let mut o = opts(false);
        o.template = true;
        let e = container_unit(&record(), Some(&cmd), &takes, &env, Path::new("/p"), Path::new("/r"), &o)
            .unwrap_err();
        assert!(e.to_string().contains("--template cannot be set"), "{e}");
    }
}
