//! Quadlet for skiff: `.container`, `.volume`, `.network` and `.pod` files turned into systemd
//! services that run skiff, by skiff acting as a systemd user generator.
//!
//! Files are read from Quadlet's places for a user ([`search_dirs`]): `$XDG_CONFIG_HOME/containers/
//! systemd/`, `/etc/containers/systemd/users/$UID`, `/etc/containers/systemd/users/` (or the
//! directories in `QUADLET_UNIT_DIRS`); the first file of a name wins. `NAME.container` becomes
//! `NAME.service`, `NAME.volume` `NAME-volume.service`, `NAME.network` `NAME-network.service`,
//! `NAME.pod` `NAME-pod.service` (a `.container` with `Pod=NAME.pod` joins it, bound to it).
//!
//! Keys are Quadlet's. `[Unit]`, `[Service]`, `[Install]` and `X-` sections pass through (the
//! service's own lines come first, so the file's `[Service]` lines override them); the source
//! section is kept as `[X-Container]` (etc.) for `systemctl cat`. `WantedBy=`/`RequiredBy=` in
//! `[Install]` become symlinks in the generator's output directory, as systemd's `enable` would.
//! An unknown key, a key skiff cannot honour, or a bad value is an error naming the file, the
//! line and the key; the generator reports it and goes on with the other files.
//!
//! Unlike podman's Quadlet, units do not wait for `network-online.target`: rootless networking
//! (pasta, slirp4netns) needs no configured host network, and waiting delays boot (podman#24796).
//! Add `After=network-online.target` in `[Unit]` where a container needs it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::unit_file::{exec_line, parse_bool, split_words, Entry, Specifiers, UnitFile, UnitWriter};
use super::Error;

/// What the generated units depend on in this skiff.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The skiff binary the units run.
    pub exe: PathBuf,
    /// `run --sdnotify` exists: the container runs detached and the unit is `Type=notify`
    /// (else `skiff run` in the foreground, `Type=simple`).
    pub notify: bool,
    /// Pods are supported (`.pod` files and `Pod=`).
    pub pods: bool,
}

/// One generated service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// `NAME.service`.
    pub name: String,
    pub text: String,
    /// Targets of `WantedBy=` and `RequiredBy=`.
    pub wanted_by: Vec<String>,
    pub required_by: Vec<String>,
}

/// The directories Quadlet reads for user `uid`, most important first: `QUADLET_UNIT_DIRS`
/// (colon-separated) when set, else `$XDG_CONFIG_HOME/containers/systemd`,
/// `/etc/containers/systemd/users/$UID`, `/etc/containers/systemd/users`.
pub fn search_dirs(unit_dirs: Option<&str>, config_home: &Path, uid: u32) -> Vec<PathBuf> {
    if let Some(dirs) = unit_dirs.filter(|d| !d.is_empty()) {
        return dirs.split(':').filter(|d| !d.is_empty()).map(PathBuf::from).collect();
    }
    vec![
        config_home.join("containers/systemd"),
        PathBuf::from(format!("/etc/containers/systemd/users/{uid}")),
        PathBuf::from("/etc/containers/systemd/users"),
    ]
}

/// The Quadlet files in `dirs` (and their subdirectories), by name; a name found in an earlier
/// directory hides the later ones.
pub fn find_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: BTreeMap<String, PathBuf> = BTreeMap::new();
    for dir in dirs {
        let mut stack = vec![dir.clone()];
        let mut here = Vec::new();
        while let Some(d) = stack.pop() {
            let Ok(entries) = fs_err::read_dir(&d) else { continue };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if kind_of(&p).is_some() {
                    here.push(p);
                }
            }
        }
        for p in here {
            if let Some(name) = p.file_name().and_then(|n| n.to_str()) {
                found.entry(name.to_string()).or_insert(p);
            }
        }
    }
    found.into_values().collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Container,
    Volume,
    Network,
    Pod,
}

impl Kind {
    fn section(self) -> &'static str {
        match self {
            Kind::Container => "Container",
            Kind::Volume => "Volume",
            Kind::Network => "Network",
            Kind::Pod => "Pod",
        }
    }
}

fn kind_of(path: &Path) -> Option<Kind> {
    match path.extension()?.to_str()? {
        "container" => Some(Kind::Container),
        "volume" => Some(Kind::Volume),
        "network" => Some(Kind::Network),
        "pod" => Some(Kind::Pod),
        _ => None,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string()
}

/// The services for `files`: each one's, or the error that stopped it.
pub fn translate_all(files: &[PathBuf], settings: &Settings) -> Vec<Result<Service, Error>> {
    let mut parsed = Vec::new();
    for f in files {
        let text = fs_err::read_to_string(f).map_err(|source| Error::Read { path: f.clone(), source });
        parsed.push(text.and_then(|t| Ok(UnitFile::parse(f, &t)?)));
    }
    // The names volumes and networks get, for `Volume=NAME.volume:/x` and `Network=NAME.network`.
    let mut names = Names::default();
    for unit in parsed.iter().flatten() {
        let (key, map) = match kind_of(&unit.path) {
            Some(Kind::Volume) => ("VolumeName", &mut names.volumes),
            Some(Kind::Network) => ("NetworkName", &mut names.networks),
            Some(Kind::Pod) => ("PodName", &mut names.pods),
            _ => continue,
        };
        let section = kind_of(&unit.path).map(Kind::section).unwrap_or("");
        let given = unit.entries(section).filter(|e| e.key == key).last().map(|e| e.value.clone());
        map.insert(stem(&unit.path), given.unwrap_or_else(|| format!("systemd-{}", stem(&unit.path))));
    }
    // The containers of each pod, which its service wants (starting the pod starts them).
    for unit in parsed.iter().flatten().filter(|u| kind_of(&u.path) == Some(Kind::Container)) {
        for e in unit.entries("Container").filter(|e| e.key == "Pod") {
            if let Some(pod) = e.value.strip_suffix(".pod") {
                names
                    .pod_members
                    .entry(pod.to_string())
                    .or_default()
                    .push(format!("{}.service", stem(&unit.path)));
            }
        }
    }
    parsed.into_iter().map(|p| p.and_then(|u| translate(&u, &names, settings))).collect()
}

/// Volume, network and pod names by unit stem.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub volumes: BTreeMap<String, String>,
    pub networks: BTreeMap<String, String>,
    pub pods: BTreeMap<String, String>,
    /// The services of the `.container` files with `Pod=STEM.pod`, by pod stem.
    pub pod_members: BTreeMap<String, Vec<String>>,
}

fn bad(unit: &UnitFile, e: &Entry, message: String) -> Error {
    Error::Quadlet { path: unit.path.clone(), line: e.line, message }
}

/// The service of one Quadlet file.
pub fn translate(unit: &UnitFile, names: &Names, settings: &Settings) -> Result<Service, Error> {
    let kind = kind_of(&unit.path).ok_or_else(|| Error::Quadlet {
        path: unit.path.clone(),
        line: 0,
        message: "not a .container, .volume, .network or .pod file".into(),
    })?;
    for s in &unit.sections {
        let known = ["Unit", "Service", "Install", kind.section()].contains(&s.name.as_str())
            || s.name.starts_with("X-");
        if !known {
            return Err(Error::Quadlet {
                path: unit.path.clone(),
                line: s.line,
                message: format!(
                    "unknown section [{}] (a .{} file has [Unit], [{}], [Service], [Install])",
                    s.name,
                    kind.section().to_lowercase(),
                    kind.section()
                ),
            });
        }
    }
    if unit.sections(kind.section()).next().is_none() {
        return Err(Error::Quadlet {
            path: unit.path.clone(),
            line: 0,
            message: format!("no [{}] section", kind.section()),
        });
    }
    let name = stem(&unit.path);
    let mut out = UnitWriter::default();
    out.comment(&format!("Automatically generated by skiff's quadlet from {}", unit.path.display()));
    for e in unit.entries("Unit") {
        out.add("Unit", &e.key, &e.value);
    }
    out.add("Unit", "SourcePath", &unit.path.display().to_string());
    out.add("Unit", "RequiresMountsFor", "%t/skiff");
    let service_name = match kind {
        Kind::Container => format!("{name}.service"),
        Kind::Volume => format!("{name}-volume.service"),
        Kind::Network => format!("{name}-network.service"),
        Kind::Pod => format!("{name}-pod.service"),
    };
    let x_section = format!("X-{}", kind.section());
    for e in unit.entries(kind.section()) {
        out.add(&x_section, &e.key, &e.value);
    }
    match kind {
        Kind::Container => container(unit, names, settings, &mut out)?,
        Kind::Volume => volume(unit, settings, &mut out)?,
        Kind::Network => network(unit, settings, &mut out)?,
        Kind::Pod => pod(unit, names, settings, &mut out)?,
    }
    for e in unit.entries("Service") {
        out.add("Service", &e.key, &e.value);
    }
    let mut wanted_by = Vec::new();
    let mut required_by = Vec::new();
    for e in unit.entries("Install") {
        out.add("Install", &e.key, &e.value);
        let words = split_words(&e.value).map_err(|m| bad(unit, e, format!("{}: {m}", e.key)))?;
        match e.key.as_str() {
            "WantedBy" => wanted_by.extend(words),
            "RequiredBy" => required_by.extend(words),
            _ => {}
        }
    }
    for s in unit.sections.iter().filter(|s| s.name.starts_with("X-")) {
        out.section(&s.name);
        for e in &s.entries {
            out.add(&s.name, &e.key, &e.value);
        }
    }
    Ok(Service { name: service_name, text: out.text(), wanted_by, required_by })
}

/// How a `[Container]` key becomes `run` options.
#[derive(Debug, Clone, Copy)]
enum Map {
    /// `--flag VALUE` for the whole value.
    Value(&'static str),
    /// `--flag WORD` for each word of the value.
    Words(&'static str),
    /// `--flag` when true.
    Flag(&'static str),
    /// `--flag=true|false`.
    BoolValue(&'static str),
    /// `--flag PREFIX+VALUE`.
    Prefixed(&'static str, &'static str),
}

const CONTAINER_KEYS: &[(&str, Map)] = &[
    ("AddCapability", Map::Words("--cap-add")),
    ("DropCapability", Map::Words("--cap-drop")),
    ("Annotation", Map::Words("--annotation")),
    ("Label", Map::Words("--label")),
    ("Environment", Map::Words("--env")),
    ("EnvironmentFile", Map::Value("--env-file")),
    ("PublishPort", Map::Value("--publish")),
    ("Mount", Map::Value("--mount")),
    ("Tmpfs", Map::Value("--tmpfs")),
    ("HostName", Map::Value("--hostname")),
    ("IP", Map::Value("--ip")),
    ("DNS", Map::Value("--dns")),
    ("DNSSearch", Map::Value("--dns-search")),
    ("DNSOption", Map::Value("--dns-option")),
    ("NetworkAlias", Map::Value("--network-alias")),
    ("AddHost", Map::Value("--add-host")),
    ("WorkingDir", Map::Value("--workdir")),
    ("Entrypoint", Map::Value("--entrypoint")),
    ("StopSignal", Map::Value("--stop-signal")),
    ("StopTimeout", Map::Value("--stop-timeout")),
    ("Ulimit", Map::Value("--ulimit")),
    ("Pull", Map::Value("--pull")),
    ("ReadOnly", Map::Flag("--read-only")),
    ("ReadOnlyTmpfs", Map::BoolValue("--read-only-tmpfs")),
    ("RunInit", Map::Flag("--init")),
    ("NoNewPrivileges", Map::Flag("--security-opt=no-new-privileges")),
    ("SeccompProfile", Map::Prefixed("--security-opt", "seccomp=")),
    ("HealthCmd", Map::Value("--health-cmd")),
    ("HealthInterval", Map::Value("--health-interval")),
    ("HealthRetries", Map::Value("--health-retries")),
    ("HealthStartPeriod", Map::Value("--health-start-period")),
    ("HealthTimeout", Map::Value("--health-timeout")),
    ("HealthOnFailure", Map::Value("--health-on-failure")),
    ("HealthStartupCmd", Map::Value("--health-startup-cmd")),
    ("HealthStartupInterval", Map::Value("--health-startup-interval")),
    ("HealthStartupRetries", Map::Value("--health-startup-retries")),
    ("HealthStartupSuccess", Map::Value("--health-startup-success")),
    ("HealthStartupTimeout", Map::Value("--health-startup-timeout")),
];

/// Keys with a meaning of their own (see [`container`]).
const CONTAINER_SPECIAL: &[&str] = &[
    "Image",
    "Exec",
    "ContainerName",
    "User",
    "Group",
    "Notify",
    "PodmanArgs",
    "GlobalArgs",
    "Volume",
    "Network",
    "Pod",
    "AutoUpdate",
];

/// Quadlet keys skiff has no option for.
const UNSUPPORTED: &[&str] = &[
    "AddDevice",
    "CgroupsMode",
    "ContainersConfModule",
    "EnvironmentHost",
    "ExposeHostPort",
    "GIDMap",
    "IP6",
    "LogDriver",
    "LogOpt",
    "Mask",
    "Memory",
    "PidsLimit",
    "ReloadCmd",
    "ReloadSignal",
    "RemapGid",
    "RemapUid",
    "RemapUidSize",
    "RemapUsers",
    "Rootfs",
    "Secret",
    "SecurityLabelDisable",
    "SecurityLabelFileType",
    "SecurityLabelLevel",
    "SecurityLabelNested",
    "SecurityLabelType",
    "ShmSize",
    "SubGIDMap",
    "SubUIDMap",
    "Sysctl",
    "Timezone",
    "UIDMap",
    "Unmask",
    "UserNS",
    "VolatileTmp",
    "IPAMDriver",
    "Copy",
    "Device",
    "Driver",
    "Options",
    "Type",
    "DNS",
];

fn unknown(unit: &UnitFile, e: &Entry, section: &str) -> Error {
    if UNSUPPORTED.contains(&e.key.as_str()) {
        bad(unit, e, format!("key {:?} in [{section}] is a Quadlet key that skiff does not support", e.key))
    } else {
        bad(unit, e, format!("unknown key {:?} in [{section}]", e.key))
    }
}

fn words(unit: &UnitFile, e: &Entry) -> Result<Vec<String>, Error> {
    split_words(&e.value).map_err(|m| bad(unit, e, format!("{}: {m}", e.key)))
}

fn truth(unit: &UnitFile, e: &Entry) -> Result<bool, Error> {
    parse_bool(&e.value).ok_or_else(|| bad(unit, e, format!("{}: {:?} is not a boolean", e.key, e.value)))
}

/// `[Container]` into `skiff run`.
fn container(unit: &UnitFile, names: &Names, settings: &Settings, out: &mut UnitWriter) -> Result<(), Error> {
    let mut image: Option<String> = None;
    let mut exec: Vec<String> = Vec::new();
    let mut name = "systemd-%N".to_string();
    let (mut user, mut group): (Option<String>, Option<String>) = (None, None);
    let mut notify = false;
    let mut options: Vec<String> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    let mut globals: Vec<String> = Vec::new();
    let mut deps: Vec<String> = Vec::new();
    let mut pod_unit: Option<String> = None;
    for e in unit.entries("Container") {
        let v = e.value.as_str();
        if let Some((_, map)) = CONTAINER_KEYS.iter().find(|(k, _)| *k == e.key) {
            match *map {
                Map::Value(flag) => options.extend([flag.to_string(), v.to_string()]),
                Map::Words(flag) => {
                    for w in words(unit, e)? {
                        options.extend([flag.to_string(), w]);
                    }
                }
                Map::Flag(flag) => {
                    if truth(unit, e)? {
                        options.push(flag.to_string());
                    }
                }
                Map::BoolValue(flag) => options.push(format!("{flag}={}", truth(unit, e)?)),
                Map::Prefixed(flag, prefix) => options.extend([flag.to_string(), format!("{prefix}{v}")]),
            }
            continue;
        }
        if !CONTAINER_SPECIAL.contains(&e.key.as_str()) {
            return Err(unknown(unit, e, "Container"));
        }
        match e.key.as_str() {
            "Image" => image = Some(v.to_string()),
            "Exec" => exec = words(unit, e)?,
            "ContainerName" => name = v.to_string(),
            "User" => user = Some(v.to_string()),
            "Group" => group = Some(v.to_string()),
            "Notify" => notify = v == "healthy" || truth(unit, e)?,
            "PodmanArgs" => extra.extend(words(unit, e)?),
            "GlobalArgs" => globals.extend(words(unit, e)?),
            "AutoUpdate" => options.extend(["--label".into(), format!("io.containers.autoupdate={v}")]),
            "Volume" => {
                let (source, rest) = v.split_once(':').map_or((v, None), |(s, r)| (s, Some(r)));
                let source = match source.strip_suffix(".volume") {
                    Some(stem) => {
                        let vol = names.volumes.get(stem).cloned().ok_or_else(|| {
                            bad(unit, e, format!("Volume: no {source} file found in the Quadlet directories"))
                        })?;
                        deps.push(format!("{stem}-volume.service"));
                        vol
                    }
                    None => source.to_string(),
                };
                let value = rest.map_or(source.clone(), |r| format!("{source}:{r}"));
                options.extend(["--volume".into(), value]);
            }
            "Network" => {
                let (net, rest) = v.split_once(':').map_or((v, None), |(s, r)| (s, Some(r)));
                let net = match net.strip_suffix(".network") {
                    Some(stem) => {
                        let n = names.networks.get(stem).cloned().ok_or_else(|| {
                            bad(unit, e, format!("Network: no {net} file found in the Quadlet directories"))
                        })?;
                        deps.push(format!("{stem}-network.service"));
                        n
                    }
                    None => net.to_string(),
                };
                options.extend(["--network".into(), rest.map_or(net.clone(), |r| format!("{net}:{r}"))]);
            }
            "Pod" if !settings.pods => {
                return Err(bad(unit, e, "Pod: pods are not supported by this skiff".into()));
            }
            "Pod" => {
                let Some(stem) = v.strip_suffix(".pod") else {
                    return Err(bad(unit, e, format!("Pod: {v:?} is not a NAME.pod file name")));
                };
                let pod = names.pods.get(stem).cloned().ok_or_else(|| {
                    bad(unit, e, format!("Pod: no {v} file found in the Quadlet directories"))
                })?;
                pod_unit = Some(format!("{stem}-pod.service"));
                options.extend(["--pod".into(), pod]);
            }
            _ => return Err(unknown(unit, e, "Container")),
        }
    }
    let Some(image) = image else {
        return Err(Error::Quadlet {
            path: unit.path.clone(),
            line: 0,
            message: "no Image= in [Container]".into(),
        });
    };
    match (user, group) {
        (Some(u), Some(g)) => options.extend(["--user".into(), format!("{u}:{g}")]),
        (Some(u), None) => options.extend(["--user".into(), u]),
        (None, Some(_)) => {
            let e = unit.entries("Container").find(|e| e.key == "Group").expect("seen above");
            return Err(bad(unit, e, "Group= needs User=".into()));
        }
        (None, None) => {}
    }
    for d in &deps {
        out.add("Unit", "Requires", d);
        out.add("Unit", "After", d);
    }
    // Stopping (or losing) the pod's service stops the container first.
    if let Some(p) = &pod_unit {
        out.add("Unit", "BindsTo", p);
        out.add("Unit", "After", p);
    }
    let exe = settings.exe.display().to_string();
    let with_globals = |tail: &[&str]| -> Vec<String> {
        std::iter::once(exe.clone())
            .chain(globals.iter().cloned())
            .chain(tail.iter().map(|s| s.to_string()))
            .collect()
    };
    let mut run = with_globals(&["run", "--name", &name, "--replace", "--rm"]);
    let detached = settings.notify || notify;
    if detached {
        run.push(format!("--sdnotify={}", if notify { "container" } else { "conmon" }));
        run.push("-d".into());
    }
    run.extend(options);
    run.extend(extra);
    run.push(image);
    run.extend(exec);
    out.add("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
    out.add("Service", "KillMode", "mixed");
    let remove = exec_line(&with_globals(&["rm", "-v", "-f", "-i", "-t", "10", &name]), Specifiers::Keep);
    if detached {
        out.add("Service", "ExecStop", &remove);
    } else {
        // The foreground `run --rm` removes the container once it has stopped.
        out.add(
            "Service",
            "ExecStop",
            &exec_line(&with_globals(&["stop", "-i", "-t", "10", &name]), Specifiers::Keep),
        );
    }
    out.add("Service", "ExecStopPost", &format!("-{remove}"));
    if detached {
        out.add("Service", "Type", "notify");
        out.add("Service", "NotifyAccess", "all");
    } else {
        // `skiff run` in the foreground ends with the container's status: SIGTERM's on stop.
        out.add("Service", "Type", "simple");
        out.add("Service", "SuccessExitStatus", "143 SIGTERM");
    }
    out.add("Service", "SyslogIdentifier", "%N");
    out.add("Service", "ExecStart", &exec_line(&run, Specifiers::Keep));
    Ok(())
}

/// `[Volume]` into `skiff volume create --ignore`.
fn volume(unit: &UnitFile, settings: &Settings, out: &mut UnitWriter) -> Result<(), Error> {
    let mut name = format!("systemd-{}", stem(&unit.path));
    let mut args: Vec<String> = Vec::new();
    let mut globals: Vec<String> = Vec::new();
    for e in unit.entries("Volume") {
        match e.key.as_str() {
            "VolumeName" => name = e.value.clone(),
            "Label" => {
                for w in words(unit, e)? {
                    args.extend(["--label".into(), w]);
                }
            }
            "PodmanArgs" => args.extend(words(unit, e)?),
            "GlobalArgs" => globals.extend(words(unit, e)?),
            _ => return Err(unknown(unit, e, "Volume")),
        }
    }
    let mut cmd = vec![settings.exe.display().to_string()];
    cmd.extend(globals);
    cmd.extend(["volume".into(), "create".into(), "--ignore".into()]);
    cmd.extend(args);
    cmd.push(name);
    oneshot(out, &cmd);
    Ok(())
}

/// `[Network]` into `skiff network create --ignore`.
fn network(unit: &UnitFile, settings: &Settings, out: &mut UnitWriter) -> Result<(), Error> {
    let mut name = format!("systemd-{}", stem(&unit.path));
    let mut args: Vec<String> = Vec::new();
    let mut globals: Vec<String> = Vec::new();
    for e in unit.entries("Network") {
        let v = e.value.clone();
        match e.key.as_str() {
            "NetworkName" => name = v,
            "Driver" => args.extend(["--driver".into(), v]),
            "Gateway" => args.extend(["--gateway".into(), v]),
            "Subnet" => args.extend(["--subnet".into(), v]),
            "IPRange" => args.extend(["--ip-range".into(), v]),
            "Options" => args.extend(["--opt".into(), v]),
            "Internal" => {
                if truth(unit, e)? {
                    args.push("--internal".into());
                }
            }
            "DisableDNS" => {
                if truth(unit, e)? {
                    args.push("--disable-dns".into());
                }
            }
            "IPv6" => {
                if truth(unit, e)? {
                    args.push("--ipv6".into());
                }
            }
            "Label" => {
                for w in words(unit, e)? {
                    args.extend(["--label".into(), w]);
                }
            }
            "PodmanArgs" => args.extend(words(unit, e)?),
            "GlobalArgs" => globals.extend(words(unit, e)?),
            _ => return Err(unknown(unit, e, "Network")),
        }
    }
    let mut cmd = vec![settings.exe.display().to_string()];
    cmd.extend(globals);
    cmd.extend(["network".into(), "create".into(), "--ignore".into()]);
    cmd.extend(args);
    cmd.push(name);
    oneshot(out, &cmd);
    Ok(())
}

fn oneshot(out: &mut UnitWriter, cmd: &[String]) {
    out.add("Service", "Type", "oneshot");
    out.add("Service", "RemainAfterExit", "yes");
    out.add("Service", "SyslogIdentifier", "%N");
    out.add("Service", "ExecStart", &exec_line(cmd, Specifiers::Keep));
}

/// `[Pod]` into `skiff pod create --replace` (before start), `pod start`, `pod stop` and
/// `pod rm`. The service is a oneshot that stays active; the infra container's supervisor runs
/// in its cgroup. The `.container` files with `Pod=` are wanted by it and bound to it.
fn pod(unit: &UnitFile, names: &Names, settings: &Settings, out: &mut UnitWriter) -> Result<(), Error> {
    let mut name = format!("systemd-{}", stem(&unit.path));
    let mut args: Vec<String> = Vec::new();
    let mut globals: Vec<String> = Vec::new();
    let mut deps: Vec<String> = Vec::new();
    for e in unit.entries("Pod") {
        let v = e.value.clone();
        match e.key.as_str() {
            "PodName" => name = v,
            "PublishPort" => args.extend(["--publish".into(), v]),
            "NetworkAlias" => args.extend(["--network-alias".into(), v]),
            "IP" => args.extend(["--ip".into(), v]),
            "DNS" => args.extend(["--dns".into(), v]),
            "DNSSearch" => args.extend(["--dns-search".into(), v]),
            "DNSOption" => args.extend(["--dns-option".into(), v]),
            "AddHost" => args.extend(["--add-host".into(), v]),
            "HostName" => args.extend(["--hostname".into(), v]),
            "Label" => {
                for w in words(unit, e)? {
                    args.extend(["--label".into(), w]);
                }
            }
            "Network" => {
                let (net, rest) = v.split_once(':').map_or((v.as_str(), None), |(s, r)| (s, Some(r)));
                let net = match net.strip_suffix(".network") {
                    Some(stem) => {
                        let n = names.networks.get(stem).cloned().ok_or_else(|| {
                            bad(unit, e, format!("Network: no {net} file found in the Quadlet directories"))
                        })?;
                        deps.push(format!("{stem}-network.service"));
                        n
                    }
                    None => net.to_string(),
                };
                args.extend(["--network".into(), rest.map_or(net.clone(), |r| format!("{net}:{r}"))]);
            }
            "Volume" => {
                return Err(bad(
                    unit,
                    e,
                    "Volume: skiff's pods have no volumes; put Volume= in the .container files".into(),
                ));
            }
            "PodmanArgs" => args.extend(words(unit, e)?),
            "GlobalArgs" => globals.extend(words(unit, e)?),
            _ => return Err(unknown(unit, e, "Pod")),
        }
    }
    if !settings.pods {
        let line = unit.sections("Pod").next().map_or(0, |s| s.line);
        let message = "pods are not supported by this skiff: the .pod file is not turned into a service";
        return Err(Error::Quadlet { path: unit.path.clone(), line, message: message.into() });
    }
    for d in &deps {
        out.add("Unit", "Requires", d);
        out.add("Unit", "After", d);
    }
    for m in names.pod_members.get(&stem(&unit.path)).into_iter().flatten() {
        out.add("Unit", "Wants", m);
        out.add("Unit", "Before", m);
    }
    let cmd = |tail: &[&str]| -> Vec<String> {
        std::iter::once(settings.exe.display().to_string())
            .chain(globals.iter().cloned())
            .chain(tail.iter().map(|s| s.to_string()))
            .collect()
    };
    let mut create = cmd(&["pod", "create", "--name", &name, "--replace", "--exit-policy", "stop"]);
    create.extend(args);
    out.add("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
    out.add("Service", "Type", "oneshot");
    out.add("Service", "RemainAfterExit", "yes");
    out.add("Service", "SyslogIdentifier", "%N");
    out.add("Service", "ExecStartPre", &exec_line(&create, Specifiers::Keep));
    out.add("Service", "ExecStart", &exec_line(&cmd(&["pod", "start", &name]), Specifiers::Keep));
    let stop = exec_line(&cmd(&["pod", "stop", "-t", "10", &name]), Specifiers::Keep);
    out.add("Service", "ExecStop", &format!("-{stop}"));
    let rm = exec_line(&cmd(&["pod", "rm", "-f", "--ignore", "-t", "10", &name]), Specifiers::Keep);
    out.add("Service", "ExecStopPost", &format!("-{rm}"));
    Ok(())
}

/// Writes `services` into generator output directory `dir`, with the `.wants/` and
/// `.requires/` symlinks of their `[Install]` sections.
pub fn write(dir: &Path, services: &[Service]) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    fs_err::create_dir_all(dir).map_err(io(dir))?;
    for s in services {
        let path = dir.join(&s.name);
        crate::sys::atomic::write_atomic(&path, s.text.as_bytes()).map_err(io(&path))?;
        for (targets, suffix) in [(&s.wanted_by, "wants"), (&s.required_by, "requires")] {
            for t in targets {
                let sub = dir.join(format!("{t}.{suffix}"));
                fs_err::create_dir_all(&sub).map_err(io(&sub))?;
                let link = sub.join(&s.name);
                let _ = fs_err::remove_file(&link);
                std::os::unix::fs::symlink(format!("../{}", s.name), &link).map_err(io(&link))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(notify: bool) -> Settings {
        Settings { exe: "/usr/bin/skiff".into(), notify, pods: false }
    }

    fn one(name: &str, text: &str, notify: bool) -> Result<Service, Error> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        fs_err::write(&path, text).unwrap();
        let vol = dir.path().join("data.volume");
        if vol != path {
            fs_err::write(&vol, "[Volume]\nVolumeName=appdata\n").unwrap();
        }
        let net = dir.path().join("back.network");
        if net != path {
            fs_err::write(&net, "[Network]\nSubnet=10.89.7.0/24\n").unwrap();
        }
        let files = find_files(&[dir.path().to_path_buf()]);
        let mut out = translate_all(&files, &settings(notify));
        let i = files.iter().position(|f| f == &path).unwrap();
        out.remove(i).map(|mut s| {
            s.text = s.text.replace(&dir.path().display().to_string(), "/q");
            s
        })
    }

    /// The value of the ExecStart= line of `text`, continuations joined.
    fn exec_start(text: &str) -> String {
        let at = text.find("\nExecStart=").expect("an ExecStart line") + "\nExecStart=".len();
        let mut out = String::new();
        for line in text[at..].lines() {
            match line.strip_suffix('\\') {
                Some(part) => out.push_str(part),
                None => {
                    out.push_str(line);
                    break;
                }
            }
        }
        out.replace('\t', "")
    }

    const WEB: &str = "[Unit]\nDescription=web app\n\n[Container]\nImage=registry/web:1\nExec=sh -c \"echo hi; sleep 1d\"\nEnvironment=A=1 \"B=two words\"\nPublishPort=8080:80\nVolume=data.volume:/data:Z\nVolume=%h/conf:/conf\nNetwork=back.network\nContainerName=web\nUser=app\nGroup=users\nLabel=tier=front\nHealthCmd=wget -q -O- localhost\nHealthInterval=5s\nNotify=true\nPodmanArgs=--dns-search=example.org\n\n[Service]\nRestart=always\n\n[Install]\nWantedBy=default.target multi-user.target\n";

    #[test]
    fn a_container_file_becomes_a_service_that_runs_skiff() {
        let s = one("web.container", WEB, false).unwrap();
        assert_eq!(s.name, "web.service");
        assert_eq!(s.wanted_by, ["default.target", "multi-user.target"]);
        let t = &s.text;
        let words = split_words(&exec_start(t)).unwrap();
        assert_eq!(
            words,
            [
                "/usr/bin/skiff",
                "run",
                "--name",
                "web",
                "--replace",
                "--rm",
                "--sdnotify=container",
                "-d",
                "--env",
                "A=1",
                "--env",
                "B=two words",
                "--publish",
                "8080:80",
                "--volume",
                "appdata:/data:Z",
                "--volume",
                "%h/conf:/conf",
                "--network",
                "systemd-back",
                "--label",
                "tier=front",
                "--health-cmd",
                "wget -q -O- localhost",
                "--health-interval",
                "5s",
                "--user",
                "app:users",
                "--dns-search=example.org",
                "registry/web:1",
                "sh",
                "-c",
                "echo hi; sleep 1d"
            ]
        );
        assert!(t.contains("[Unit]\nDescription=web app\nSourcePath=/q/web.container\n"), "{t}");
        assert!(
            t.contains(
                "Requires=data-volume.service\nAfter=data-volume.service\nRequires=back-network.service\n"
            ),
            "{t}"
        );
        assert!(t.contains("Type=notify\nNotifyAccess=all\n"), "{t}");
        assert!(t.contains("ExecStop=/usr/bin/skiff rm -v -f -i -t 10 web\n"), "{t}");
        assert!(t.contains("ExecStopPost=-/usr/bin/skiff rm -v -f -i -t 10 web\n"), "{t}");
        // The file's [Service] lines come after skiff's, so they win.
        let svc = &t[t.find("[Service]").unwrap()..];
        assert!(svc.find("ExecStart=").unwrap() < svc.find("Restart=always").unwrap(), "{t}");
        assert!(t.contains("[X-Container]\nImage=registry/web:1\n"), "{t}");
        assert!(t.contains("[Install]\nWantedBy=default.target multi-user.target\n"), "{t}");
        assert!(!t.contains("network-online"), "no wait for the host network: {t}");
    }

    #[test]
    fn without_sdnotify_the_container_runs_in_the_foreground() {
        let s = one("a.container", "[Container]\nImage=img\n", false).unwrap();
        assert!(
            s.text.contains("ExecStart=/usr/bin/skiff run --name systemd-%N --replace --rm img\n"),
            "{}",
            s.text
        );
        assert!(s.text.contains("Type=simple\nSuccessExitStatus=143 SIGTERM\n"), "{}", s.text);
        assert!(s.text.contains("ExecStop=/usr/bin/skiff stop -i -t 10 systemd-%N\n"), "{}", s.text);
        let s = one("a.container", "[Container]\nImage=img\n", true).unwrap();
        assert!(s.text.contains("--sdnotify=conmon") && s.text.contains("Type=notify"), "{}", s.text);
    }

    #[test]
    fn volumes_and_networks_become_oneshot_services() {
        let s = one("data.volume", "[Volume]\nVolumeName=appdata\nLabel=a=b\n", false).unwrap();
        assert_eq!(s.name, "data-volume.service");
        assert!(
            s.text.contains("ExecStart=/usr/bin/skiff volume create --ignore --label a=b appdata\n"),
            "{}",
            s.text
        );
        assert!(s.text.contains("Type=oneshot\nRemainAfterExit=yes\n"));
        let s = one("back.network", "[Network]\nSubnet=10.89.7.0/24\nInternal=yes\n", false).unwrap();
        assert_eq!(s.name, "back-network.service");
        let cmd = exec_start(&s.text);
        assert_eq!(
            cmd,
            "/usr/bin/skiff network create --ignore --subnet 10.89.7.0/24 --internal systemd-back"
        );
    }

    /// `files` (name, text) translated with pod support; the services by name.
    fn with_pods(files: &[(&str, &str)]) -> Vec<Result<Service, Error>> {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            fs_err::write(dir.path().join(name), text).unwrap();
        }
        let found = find_files(&[dir.path().to_path_buf()]);
        let settings = Settings { pods: true, ..settings(true) };
        translate_all(&found, &settings)
            .into_iter()
            .map(|r| {
                r.map(|mut s| {
                    s.text = s.text.replace(&dir.path().display().to_string(), "/q");
                    s
                })
            })
            .collect()
    }

    #[test]
    fn a_pod_file_becomes_a_service_that_creates_the_pod_and_its_containers_join_it() {
        let out = with_pods(&[
            ("web.container", "[Container]\nImage=img\nPod=app.pod\n"),
            (
                "app.pod",
                "[Pod]\nPodName=shop\nPublishPort=8080:80\nNetwork=back.network\nPodmanArgs=--label x=y\n",
            ),
            ("back.network", "[Network]\n"),
            ("solo.pod", "[Pod]\n"),
        ]);
        let services: Vec<Service> = out.into_iter().map(|r| r.unwrap()).collect();
        let get =
            |n: &str| services.iter().find(|s| s.name == n).unwrap_or_else(|| panic!("{n}: {services:?}"));
        // Continuation lines joined.
        let t = &get("app-pod.service").text.replace(" \\\n\t", " ");
        assert!(
            t.contains(
                "ExecStartPre=/usr/bin/skiff pod create --name shop --replace --exit-policy stop \
--publish 8080:80 --network systemd-back --label x=y\n"
            ),
            "{t}"
        );
        assert!(t.contains("ExecStart=/usr/bin/skiff pod start shop\n"), "{t}");
        assert!(t.contains("ExecStop=-/usr/bin/skiff pod stop -t 10 shop\n"), "{t}");
        assert!(t.contains("ExecStopPost=-/usr/bin/skiff pod rm -f --ignore -t 10 shop\n"), "{t}");
        assert!(t.contains("Type=oneshot\nRemainAfterExit=yes\n"), "{t}");
        assert!(t.contains("Requires=back-network.service\nAfter=back-network.service\n"), "{t}");
        assert!(t.contains("Wants=web.service\nBefore=web.service\n"), "{t}");
        let c = &get("web.service").text;
        assert!(c.contains("BindsTo=app-pod.service\nAfter=app-pod.service\n"), "{c}");
        assert!(exec_start(c).contains(" --pod shop img"), "{c}");
        // Without PodName= the pod is systemd-STEM, as with volumes and networks.
        assert!(get("solo-pod.service").text.contains("ExecStart=/usr/bin/skiff pod start systemd-solo\n"));
    }

    #[test]
    fn pod_errors_name_the_file_the_line_and_the_key() {
        let errors = |files: &[(&str, &str)]| -> String {
            with_pods(files)
                .into_iter()
                .filter_map(|r| r.err())
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let e = errors(&[("p.pod", "[Pod]\nPodName=p\nVolume=v:/data\n")]);
        assert!(e.contains("p.pod:3: Volume: skiff's pods have no volumes"), "{e}");
        let e = errors(&[("p.pod", "[Pod]\nShmSize=1g\n")]);
        assert!(
            e.contains("p.pod:2: key \"ShmSize\" in [Pod] is a Quadlet key that skiff does not support"),
            "{e}"
        );
        let e = errors(&[("p.pod", "[Pod]\nPodNmae=p\n")]);
        assert!(e.contains("p.pod:2: unknown key \"PodNmae\" in [Pod]"), "{e}");
        let e = errors(&[("a.container", "[Container]\nImage=i\nPod=nope.pod\n")]);
        assert!(e.contains("a.container:3: Pod: no nope.pod file found"), "{e}");
        let e = errors(&[("a.container", "[Container]\nImage=i\nPod=nope\n")]);
        assert!(e.contains("a.container:3: Pod: \"nope\" is not a NAME.pod file name"), "{e}");
    }

    #[test]
    fn errors_name_the_file_the_line_and_the_key() {
        let e = one("a.container", "[Container]\nImage=img\nImaeg=typo\n", false).unwrap_err().to_string();
        assert!(e.ends_with("a.container:3: unknown key \"Imaeg\" in [Container]"), "{e}");
        let e =
            one("a.container", "[Container]\nImage=img\n\nSecret=token\n", false).unwrap_err().to_string();
        assert!(
            e.ends_with(
                "a.container:4: key \"Secret\" in [Container] is a Quadlet key that skiff does not support"
            ),
            "{e}"
        );
        let e = one("a.container", "[Container]\nExec=true\n", false).unwrap_err().to_string();
        assert!(e.contains("no Image= in [Container]"), "{e}");
        let e = one("a.container", "[Container]\nImage=i\nVolume=nope.volume:/x\n", false)
            .unwrap_err()
            .to_string();
        assert!(e.contains("a.container:3: Volume: no nope.volume file found"), "{e}");
        let e = one("a.container", "[Container]\nImage=i\nReadOnly=maybe\n", false).unwrap_err().to_string();
        assert!(e.contains(":3: ReadOnly: \"maybe\" is not a boolean"), "{e}");
        let e = one("a.container", "[Contianer]\nImage=i\n", false).unwrap_err().to_string();
        assert!(e.contains("a.container:1: unknown section [Contianer]"), "{e}");
        let e = one("p.pod", "[Pod]\nPodName=p\n", false).unwrap_err().to_string();
        assert!(e.contains("p.pod:1: pods are not supported by this skiff"), "{e}");
        let e = one("p.pod", "[Pod]\nPodNmae=p\n", false).unwrap_err().to_string();
        assert!(e.contains("p.pod:2: unknown key \"PodNmae\" in [Pod]"), "{e}");
        let e = one("a.container", "[Container]\nImage=i\nPod=p.pod\n", false).unwrap_err().to_string();
        assert!(e.contains("a.container:3: Pod: pods are not supported"), "{e}");
    }

    #[test]
    fn search_order_and_install_links() {
        assert_eq!(
            search_dirs(Some("/a:/b"), Path::new("/h/.config"), 1000),
            [PathBuf::from("/a"), PathBuf::from("/b")]
        );
        let d = search_dirs(None, Path::new("/h/.config"), 1000);
        assert_eq!(d[0], Path::new("/h/.config/containers/systemd"));
        assert_eq!(d[1], Path::new("/etc/containers/systemd/users/1000"));
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        fs_err::write(a.path().join("x.container"), "[Container]\nImage=first\n").unwrap();
        fs_err::create_dir(b.path().join("sub")).unwrap();
        fs_err::write(b.path().join("sub/x.container"), "[Container]\nImage=second\n").unwrap();
        fs_err::write(b.path().join("y.volume"), "[Volume]\n").unwrap();
        fs_err::write(b.path().join("notes.txt"), "").unwrap();
        let files = find_files(&[a.path().into(), b.path().into()]);
        assert_eq!(files, [a.path().join("x.container"), b.path().join("y.volume")]);
        let out = tempfile::tempdir().unwrap();
        let s = Service {
            name: "x.service".into(),
            text: "[Unit]\n".into(),
            wanted_by: vec!["default.target".into()],
            required_by: vec![],
        };
        write(out.path(), &[s]).unwrap();
        assert_eq!(
            fs_err::read_link(out.path().join("default.target.wants/x.service")).unwrap(),
            Path::new("../x.service")
        );
    }
}
