//! Units that run skiff, checked by systemd itself: `generate systemd` and Quadlet files (through
//! skiff as a systemd user generator) pass `systemd-analyze verify`, then a real `systemd --user`
//! manager that the test starts runs them: the container comes up, `systemctl --user stop` stops
//! it, and a container killed under a restart policy comes back.
//!
//! How the manager runs on this host. It boots without systemd and has a hybrid cgroup layout, and
//! `systemd --user` refuses both: (1) it checks that the system was booted with systemd (that
//! `/run/systemd/system/` exists), (2) on the hybrid layout it tracks its processes in the cgroup2
//! mount at `/sys/fs/cgroup/unified`, where the test user's processes sit in the root cgroup, which
//! the user may not write ("Failed to create /init.scope control group: Permission denied"). logind
//! would hand a login a delegated cgroup; here `scripts/setup-host.sh` (root) delegates
//! `/sys/fs/cgroup/systemd/skiff-user-UID` in the name=systemd v1 hierarchy (process tracking only,
//! no controller: every process stays in the machine's memory cgroup). The test moves the manager
//! into a cgroup of its own below that, and starts the real `/lib/systemd/systemd --user` with a
//! small LD_PRELOAD library (compiled here) that answers those two probes: `/run/systemd/system`
//! exists, and the cgroup2 mount does not (so the manager uses the legacy name=systemd hierarchy).
//! Everything else (unit loading, generators, `systemctl` over `$XDG_RUNTIME_DIR/systemd/private`,
//! start, stop, restart policies) is systemd's own.
//!
//! One difference remains: on a v1 hierarchy only PID 1 hears that a cgroup became empty (the
//! release agent), so a user manager that has sent its final SIGTERM/SIGKILL to what is left of a
//! unit's cgroup (here skiff's supervisor and pasta, while they exit on their own) waits for the
//! whole stop timeout and then calls the unit failed. A drop-in for every service sets
//! `KillMode=process` (only the main process is signalled and waited for; skiff's own stop and
//! cleanup take the rest down) in the manager the test starts; the units as generated keep
//! their `KillMode`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{self, Output, Skiff};

const TLS: &str = "--tls-verify=false";

/// The two answers the manager gets wrong on this host (see the module documentation).
const SHIM: &str = r#"
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <sys/vfs.h>
int faccessat(int dirfd, const char *path, int mode, int flags) {
    if (path && strncmp(path, "/run/systemd/system", 19) == 0) return 0;
    int (*real)(int, const char *, int, int) = dlsym(RTLD_NEXT, "faccessat");
    return real(dirfd, path, mode, flags);
}
static int hidden(const char *p) { return p && strncmp(p, "/sys/fs/cgroup/unified", 22) == 0; }
int statfs(const char *path, struct statfs *buf) {
    if (hidden(path)) { errno = ENOENT; return -1; }
    int (*real)(const char *, struct statfs *) = dlsym(RTLD_NEXT, "statfs");
    return real(path, buf);
}
int statfs64(const char *path, struct statfs64 *buf) {
    if (hidden(path)) { errno = ENOENT; return -1; }
    int (*real)(const char *, struct statfs64 *) = dlsym(RTLD_NEXT, "statfs64");
    return real(path, buf);
}
"#;

/// A `systemd --user` manager of the test user, with its own runtime and configuration dirs.
struct Manager {
    child: Child,
    dir: tempfile::TempDir,
    config_home: PathBuf,
    cgroup: PathBuf,
}

fn uid() -> u32 {
    nix::unistd::getuid().as_raw()
}

impl Manager {
    /// Starts a manager whose `XDG_CONFIG_HOME` is `config_home` (its generators run at start).
    fn start(config_home: &Path) -> Manager {
        let systemd = util::require_program("/lib/systemd/systemd", "systemd");
        util::require_program("systemctl", "systemd");
        let cc = util::require_program("cc", "gcc");
        let delegated = PathBuf::from(format!("/sys/fs/cgroup/systemd/skiff-user-{}", uid()));
        assert!(
            delegated.is_dir()
                && util::run_program("test", &["-w", delegated.to_str().unwrap()]).code() == Some(0),
            "{} is missing or not writable: run scripts/setup-host.sh as root (it delegates that cgroup)",
            delegated.display()
        );
        let dir = util::tempdir("systemd");
        let shim = dir.path().join("shim.so");
        let src = dir.path().join("shim.c");
        fs_err::write(&src, SHIM).unwrap();
        let mut c = Command::new(cc);
        c.args(["-shared", "-fPIC", "-o"]).arg(&shim).arg(&src).arg("-ldl");
        util::run(c, None, Duration::from_secs(60)).assert_success();
        let runtime = dir.path().join("run");
        fs_err::create_dir(&runtime).unwrap();
        fs_err::set_permissions(&runtime, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
        let dropin = runtime.join("systemd/user/service.d");
        fs_err::create_dir_all(&dropin).unwrap();
        fs_err::write(dropin.join("10-skiff-test.conf"), "[Service]\nKillMode=process\n").unwrap();
        let cgroup = delegated.join(format!("manager-{}", std::process::id() as u64 * 1000 + rand_suffix()));
        let log = fs_err::File::create(dir.path().join("manager.log")).unwrap().into_parts().0;
        let child = Command::new("sh")
            .args([
                "-c",
                r#"mkdir "$1" && echo $$ > "$1/cgroup.procs" && LD_PRELOAD="$2" exec "$3" --user"#,
                "sh",
            ])
            .arg(&cgroup)
            .arg(&shim)
            .arg(&systemd)
            .env_clear()
            .env("HOME", std::env::var_os("HOME").unwrap_or_default())
            .env("USER", std::env::var_os("USER").unwrap_or_default())
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("SYSTEMD_LOG_TARGET", "console")
            .env("XDG_CONFIG_HOME", config_home)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            // systemd 252 reads user generators from system directories only (/etc, /run,
            // /usr/lib, /usr/local/lib: `.../systemd/user-generators`), which the test user cannot
            // write; this variable, systemd's own for tests, points it at the test's.
            .env("SYSTEMD_GENERATOR_PATH", config_home.join("systemd/user-generators"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start systemd --user");
        let m = Manager { child, dir, config_home: config_home.to_path_buf(), cgroup };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // (`is-system-running` says "offline" on a host not booted with systemd.)
            let state = m.systemctl(&["show", "-p", "SystemState"]);
            let s = state.stdout_trimmed();
            if s == "SystemState=running" || s == "SystemState=degraded" {
                break;
            }
            assert!(Instant::now() < deadline, "the manager did not come up: {state}\nlog:\n{}", m.log());
            std::thread::sleep(Duration::from_millis(200));
        }
        m
    }

    fn runtime_dir(&self) -> PathBuf {
        self.dir.path().join("run")
    }

    /// Where `systemctl --user` finds units the test writes (the runtime config dir).
    fn unit_dir(&self) -> PathBuf {
        let d = self.runtime_dir().join("systemd/user");
        fs_err::create_dir_all(&d).unwrap();
        d
    }

    fn log(&self) -> String {
        fs_err::read_to_string(self.dir.path().join("manager.log")).unwrap_or_default()
    }

    fn env(&self, cmd: &mut Command) {
        cmd.env("XDG_RUNTIME_DIR", self.runtime_dir()).env("XDG_CONFIG_HOME", &self.config_home);
    }

    fn systemctl(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new("systemctl");
        cmd.arg("--user").args(args);
        self.env(&mut cmd);
        util::run(cmd, None, Duration::from_secs(90))
    }

    /// `systemd-analyze --user verify UNIT`: exit 0 and nothing said about it.
    fn verify(&self, unit: &Path) {
        let mut cmd = Command::new("systemd-analyze");
        cmd.args(["--user", "verify"]).arg(unit);
        self.env(&mut cmd);
        let out = util::run(cmd, None, Duration::from_secs(60));
        out.assert_success();
        assert_eq!(
            out.stderr.trim(),
            "",
            "systemd-analyze verify complained about {}\n{out}",
            unit.display()
        );
    }

    /// `systemctl status` and the manager's log, for failure messages.
    fn status(&self, unit: &str) -> String {
        format!("{}\nmanager log:\n{}", self.systemctl(&["status", unit]), self.log())
    }

    fn property(&self, unit: &str, name: &str) -> String {
        let out = self.systemctl(&["show", "-p", name, unit]);
        out.assert_success();
        out.stdout_trimmed().strip_prefix(&format!("{name}=")).unwrap_or("").to_string()
    }
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64 % 1000)
        .unwrap_or(0)
}

impl Drop for Manager {
    fn drop(&mut self) {
        let _ = self.systemctl(&["stop", "default.target"]);
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The manager's cgroups, deepest first.
        let mut dirs = Vec::new();
        let mut stack = vec![self.cgroup.clone()];
        while let Some(d) = stack.pop() {
            if let Ok(entries) = fs_err::read_dir(&d) {
                stack.extend(entries.flatten().filter(|e| e.path().is_dir()).map(|e| e.path()));
            }
            dirs.push(d);
        }
        for d in dirs.iter().rev() {
            let _ = fs_err::remove_dir(d);
        }
    }
}

/// Waits until `f` holds (20 s), else panics with `what`.
fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn names(s: &Skiff, all: bool) -> Vec<String> {
    let mut args = vec!["ps", "--format", "{{.Names}} {{.ID}}"];
    if all {
        args.push("-a");
    }
    let out = s.cmd(&args);
    out.assert_success();
    out.lines().iter().map(|l| l.to_string()).collect()
}

fn running_id(s: &Skiff, name: &str) -> Option<String> {
    names(s, false).iter().find_map(|l| l.strip_prefix(&format!("{name} ")).map(String::from))
}

#[test]
fn generated_units_pass_verify_and_run_under_systemd_user() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let m = Manager::start(&s.dir().join("user-config"));

    // --new: a fresh container on each start, from the command line that created this one.
    let script = "trap 'echo Received SIGTERM, finishing; exit' TERM; echo \"WAITING $GREETING\"; while :; do sleep 0.1; done";
    s.cmd(&["create", "--name", "web", "-e", "GREETING=hello %s $HOME", image, "sh", "-c", script])
        .assert_success();
    let out = s.cmd(&["generate", "systemd", "--new", "--restart-sec", "1", "web"]);
    out.assert_success();
    let text = out.stdout.clone();
    assert!(text.contains("Restart=on-failure\n") && text.contains("RestartSec=1\n"), "{text}");
    assert!(text.contains("[Install]\nWantedBy=default.target\n"), "{text}");
    let unit = m.unit_dir().join("skiff-web.service");
    fs_err::write(&unit, &text).unwrap();
    m.verify(&unit);
    s.cmd(&["rm", "web"]).assert_success();

    m.systemctl(&["daemon-reload"]).assert_success();
    m.systemctl(&["start", "skiff-web.service"]).assert_success();
    wait_for("the unit's container", || running_id(&s, "web").is_some());
    wait_for("its output", || s.cmd(&["logs", "web"]).stdout.contains("WAITING hello %s $HOME"));
    assert_eq!(m.systemctl(&["is-active", "skiff-web.service"]).stdout_trimmed(), "active");

    // Killed: the unit's restart policy brings up a new container.
    let first = running_id(&s, "web").unwrap();
    s.cmd(&["kill", "-s", "KILL", "web"]).assert_success();
    wait_for("the restart", || m.property("skiff-web.service", "NRestarts") == "1");
    wait_for("a new container", || running_id(&s, "web").is_some_and(|id| id != first));
    assert_eq!(m.systemctl(&["is-active", "skiff-web.service"]).stdout_trimmed(), "active");

    m.systemctl(&["stop", "skiff-web.service"]).assert_success();
    assert_eq!(
        m.property("skiff-web.service", "ActiveState"),
        "inactive",
        "{}",
        m.status("skiff-web.service")
    );
    assert!(!names(&s, true).iter().any(|l| l.starts_with("web ")), "the --new container is removed");

    // Without --new: the unit starts and stops this very container.
    let script = "trap 'exit 0' TERM; while :; do sleep 0.1; done";
    s.cmd(&["create", "--name", "db", image, "sh", "-c", script]).assert_success();
    let out = s.cmd(&["generate", "systemd", "--name", "db"]);
    out.assert_success();
    let unit = m.unit_dir().join("container-db.service");
    fs_err::write(&unit, &out.stdout).unwrap();
    m.verify(&unit);
    m.systemctl(&["daemon-reload"]).assert_success();
    let started = m.systemctl(&["start", "container-db.service"]);
    started.assert_success();
    let id = running_id(&s, "db").unwrap_or_else(|| panic!("db runs\n{}", m.log()));
    assert_eq!(m.systemctl(&["is-active", "container-db.service"]).stdout_trimmed(), "active");
    m.systemctl(&["stop", "container-db.service"]).assert_success();
    assert_eq!(
        m.property("container-db.service", "ActiveState"),
        "inactive",
        "{}",
        m.status("container-db.service")
    );
    assert!(running_id(&s, "db").is_none());
    assert!(names(&s, true).iter().any(|l| l == &format!("db {}", &id)), "the container stays, stopped");
}

#[test]
fn quadlet_files_become_units_that_systemd_runs() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let config = s.dir().join("user-config");
    let quadlets = config.join("containers/systemd");
    fs_err::create_dir_all(&quadlets).unwrap();
    let globals = format!("--root {} --runroot {}", s.root().display(), s.runroot().display());
    fs_err::write(
        quadlets.join("web.container"),
        format!(
            "[Unit]\nDescription=web app from a Quadlet file\n\n[Container]\nImage={image}\nPull=never\n\
             ContainerName=qweb\nExec=sh -c \"trap 'exit 0' TERM; echo QUADLET $GREETING; while :; do sleep 0.1; done\"\n\
             Environment=GREETING=hi\nVolume=data.volume:/data\nLabel=app=web\nGlobalArgs={globals}\n\n\
             [Service]\nRestart=on-failure\n\n[Install]\nWantedBy=default.target\n"
        ),
    )
    .unwrap();
    fs_err::write(
        quadlets.join("data.volume"),
        format!("[Volume]\nVolumeName=qdata\nGlobalArgs={globals}\n"),
    )
    .unwrap();

    // The files as `skiff quadlet --dryrun` turns them into units; a bad file is named with its
    // line and key, and the others still come out.
    fs_err::write(quadlets.join("bad.container"), "[Container]\nImage=x\nImaeg=typo\n").unwrap();
    let config_str = config.to_str().unwrap();
    let out = s.cmd_env(&["quadlet", "--dryrun"], &[("XDG_CONFIG_HOME", config_str)]);
    out.assert_exit(1);
    assert!(out.stderr.contains("bad.container:3: unknown key \"Imaeg\" in [Container]"), "{out}");
    assert!(
        out.stdout.contains("---web.service---") && out.stdout.contains("---data-volume.service---"),
        "{out}"
    );
    fs_err::remove_file(quadlets.join("bad.container")).unwrap();

    // skiff as the manager's user generator (see Manager::start for where systemd looks).
    let generators = config.join("systemd/user-generators");
    fs_err::create_dir_all(&generators).unwrap();
    std::os::unix::fs::symlink(Skiff::bin(), generators.join("skiff-user-generator")).unwrap();
    let m = Manager::start(&config);
    let generated = m.runtime_dir().join("systemd/generator");
    for unit in ["web.service", "data-volume.service"] {
        m.verify(&generated.join(unit));
    }
    // WantedBy=default.target: the manager started it on its own.
    wait_for("the Quadlet container", || running_id(&s, "qweb").is_some());
    assert_eq!(m.systemctl(&["is-active", "web.service"]).stdout_trimmed(), "active", "{}", m.log());
    assert_eq!(m.systemctl(&["is-active", "data-volume.service"]).stdout_trimmed(), "active");
    wait_for("its output", || s.cmd(&["logs", "qweb"]).stdout.contains("QUADLET hi"));
    let out = s.cmd(&["volume", "ls", "--format", "{{.Name}}"]);
    out.assert_success().assert_stdout_eq("qdata");
    let out = s.cmd(&["ps", "--filter", "label=app=web", "--format", "{{.Names}}"]);
    out.assert_success().assert_stdout_eq("qweb");
    let cat = m.systemctl(&["cat", "web.service"]);
    assert!(
        cat.stdout.contains(&format!("SourcePath={}", quadlets.join("web.container").display())),
        "{cat}"
    );

    m.systemctl(&["stop", "web.service"]).assert_success();
    assert_eq!(m.property("web.service", "ActiveState"), "inactive", "{}", m.status("web.service"));
    assert!(!names(&s, true).iter().any(|l| l.starts_with("qweb ")), "the container is removed on stop");
}

#[test]
fn quadlet_pod_file_and_its_container_run_under_systemd() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let config = s.dir().join("user-config");
    let quadlets = config.join("containers/systemd");
    fs_err::create_dir_all(&quadlets).unwrap();
    let globals = format!("--root {} --runroot {}", s.root().display(), s.runroot().display());
    fs_err::write(
        quadlets.join("shop.pod"),
        format!("[Pod]\nPodName=qshop\nGlobalArgs={globals}\n\n[Install]\nWantedBy=default.target\n"),
    )
    .unwrap();
    fs_err::write(
        quadlets.join("member.container"),
        format!(
            "[Container]\nImage={image}\nPull=never\nContainerName=qmember\nPod=shop.pod\n\
             Exec=sh -c \"trap 'exit 0' TERM; echo INPOD; while :; do sleep 0.1; done\"\nGlobalArgs={globals}\n"
        ),
    )
    .unwrap();
    let generators = config.join("systemd/user-generators");
    fs_err::create_dir_all(&generators).unwrap();
    std::os::unix::fs::symlink(Skiff::bin(), generators.join("skiff-user-generator")).unwrap();
    let m = Manager::start(&config);
    let generated = m.runtime_dir().join("systemd/generator");
    for unit in ["shop-pod.service", "member.service"] {
        m.verify(&generated.join(unit));
    }
    // The pod is wanted by default.target and wants its container: both start.
    wait_for("the Quadlet pod's container", || running_id(&s, "qmember").is_some());
    assert_eq!(m.systemctl(&["is-active", "shop-pod.service"]).stdout_trimmed(), "active", "{}", m.log());
    assert_eq!(m.systemctl(&["is-active", "member.service"]).stdout_trimmed(), "active", "{}", m.log());
    let out = s.cmd(&["ps", "--filter", "pod=qshop", "--format", "{{.Names}}"]);
    out.assert_success();
    assert!(out.stdout.lines().any(|l| l == "qmember"), "{out}");
    let out = s.cmd(&["pod", "ps", "--format", "{{.Name}} {{.Status}}"]);
    out.assert_success().assert_stdout_eq("qshop Running");

    // Stopping the pod's service stops the container's first (BindsTo=), then removes the pod.
    m.systemctl(&["stop", "shop-pod.service"]).assert_success();
    assert_eq!(m.property("member.service", "ActiveState"), "inactive", "{}", m.status("member.service"));
    assert_eq!(m.property("shop-pod.service", "ActiveState"), "inactive", "{}", m.status("shop-pod.service"));
    assert!(running_id(&s, "qmember").is_none());
    assert!(!names(&s, true).iter().any(|l| l.starts_with("qmember ")), "the container is removed");
    s.cmd(&["pod", "exists", "qshop"]).assert_exit(1);
}

#[test]
fn systemd_mode_gives_init_its_mounts_and_environment() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let probe = "echo \"$container\"; echo \"$container_uuid\"; \
                 for d in /run /run/lock /tmp /var/log/journal /sys/fs/cgroup/systemd; do \
                 grep -q \" $d \" /proc/mounts && echo \"mounted $d\"; done; \
                 grep -E ' (/run|/tmp) ' /proc/mounts | grep -q tmpfs && echo tmpfs";
    let out = s.cmd(&["run", "--name", "sd", "--systemd=always", image, "sh", "-c", probe]);
    out.assert_success();
    let id = s.cmd(&["inspect", "--format", "{{.Id}}", "sd"]).stdout_trimmed().to_string();
    let lines = out.lines();
    assert_eq!(lines[0], "podman", "{out}");
    assert_eq!(lines[1], &id[..32], "container_uuid is the first 32 characters of the id\n{out}");
    for d in ["/run", "/run/lock", "/tmp", "/var/log/journal", "/sys/fs/cgroup/systemd"] {
        assert!(lines.contains(&format!("mounted {d}").as_str()), "{d}\n{out}");
    }
    assert!(lines.contains(&"tmpfs"), "{out}");

    // The default (true) applies to init commands only; false never.
    let out = s.cmd(&[
        "run",
        "--rm",
        image,
        "sh",
        "-c",
        "echo \"[$container] [$container_uuid]\"; grep -c ' /var/log/journal ' /proc/mounts",
    ]);
    // container=podman is every container's (as in podman); container_uuid is systemd mode's.
    assert_eq!(out.lines(), ["[podman] []", "0"], "a shell is no init: nothing added\n{out}");
    s.cmd(&["run", "--rm", "--systemd=sometimes", image, "true"]).assert_exit(125);
}

#[test]
fn generate_systemd_files_json_and_refusals() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["create", TLS, "--name", "web", "--stop-timeout", "5", image, "sleep", "60"]).assert_success();
    let id = s.cmd(&["inspect", "--format", "{{.Id}}", "web"]).stdout_trimmed().to_string();

    let mut cmd = s.command(&["generate", "systemd", "--files", "--name", "web"]);
    cmd.current_dir(s.dir());
    let out = util::run(cmd, None, Duration::from_secs(60));
    out.assert_success();
    let path = s.dir().join("container-web.service");
    assert_eq!(out.stdout_trimmed(), path.display().to_string());
    let text = fs_err::read_to_string(&path).unwrap().replace(" \\\n\t", " ");
    assert!(text.contains("ExecStart=") && text.contains(" start web\n"), "{text}");
    assert!(text.contains("TimeoutStopSec=65\n"), "the container's stop timeout + 60: {text}");

    // By id, as JSON, with the unit's restart policy and timeout.
    let out = s.cmd(&[
        "generate",
        "systemd",
        "--new",
        "--format",
        "json",
        "--restart-policy",
        "always",
        "-t",
        "3",
        "web",
    ]);
    out.assert_success();
    let units = out.json();
    let text = units[format!("container-{id}")]
        .as_str()
        .unwrap_or_else(|| panic!("{units}"))
        .replace(" \\\n\t", " ");
    assert!(text.contains("Restart=always\n") && text.contains("TimeoutStopSec=63\n"), "{text}");
    assert!(text.contains("--replace") && text.contains("-t 3 web"), "{text}");

    let out = s.cmd(&["generate", "systemd", "--template", "--name", "web"]);
    out.assert_success();
    assert!(out.stdout.contains("# container-web@.service") && out.stdout.contains("web-%i"), "{out}");
    s.cmd(&["generate", "systemd", "--new=false", "--template", "web"])
        .assert_exit(125)
        .assert_stderr_contains("--template cannot be set without --new");
    s.cmd(&["generate", "systemd", "--restart-policy", "sometimes", "web"])
        .assert_exit(125)
        .assert_stderr_contains("sometimes is not a valid restart policy");
    s.cmd(&["generate", "systemd", "nosuch"]).assert_exit(125);
}

/// Socket activation as podman passes it on: a unit's `LISTEN_PID`, `LISTEN_FDS` and
/// `LISTEN_FDNAMES` reach the container (`LISTEN_PID=1`, its own first process) with the
/// descriptors from 3 on, at `run` and at `start`; a start without them passes neither.
#[test]
fn socket_activation_passes_listen_environment_and_descriptors() {
    use std::io::Read as _;
    use std::os::fd::AsRawFd as _;
    use std::os::unix::process::CommandExt as _;

    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    let listen = [("LISTEN_PID", "4242"), ("LISTEN_FDS", "1"), ("LISTEN_FDNAMES", "web")];
    // `skiff ARGS` with one end of a socket pair as its descriptor 3 (and `vars`); the other end.
    let with_fd3 = |args: &[&str], vars: &[(&str, &str)]| {
        let (ours, theirs) = std::os::unix::net::UnixStream::pair().unwrap();
        let mut cmd = s.command(args);
        cmd.envs(vars.iter().copied());
        let fd = theirs.as_raw_fd();
        // SAFETY: dup2 is async-signal-safe; `theirs` stays open until after the spawn.
        #[allow(unsafe_code)]
        unsafe {
            cmd.pre_exec(move || nix::unistd::dup2(fd, 3).map(drop).map_err(std::io::Error::from));
        }
        let out = util::run(cmd, None, Duration::from_secs(60));
        drop(theirs);
        ours.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        (out, ours)
    };

    let probe = "env | grep ^LISTEN_ | sort; echo from-the-container >&3 && echo wrote";
    let (out, mut ours) = with_fd3(&["run", "--rm", image, "sh", "-c", probe], &listen);
    out.assert_success();
    assert_eq!(out.lines(), ["LISTEN_FDNAMES=web", "LISTEN_FDS=1", "LISTEN_PID=1", "wrote"], "{out}");
    let mut got = vec![0u8; "from-the-container\n".len()];
    ours.read_exact(&mut got).expect("the container wrote to the descriptor it was passed");
    assert_eq!(String::from_utf8_lossy(&got), "from-the-container\n");

    // A created container gets them from the `start` that starts it, and only from that one
    // (`ls` opens its own directory at the lowest free descriptor: 4 when 3 was passed).
    let probe = "env | grep ^LISTEN_ | sort; ls /proc/self/fd";
    s.cmd(&["create", "--name", "act", image, "sh", "-c", probe]).assert_success();
    let (out, _ours) = with_fd3(&["start", "--attach", "act"], &listen);
    out.assert_success();
    assert_eq!(out.lines()[..3], ["LISTEN_FDNAMES=web", "LISTEN_FDS=1", "LISTEN_PID=1"], "{out}");
    assert!(out.lines().contains(&"4"), "descriptor 3 was passed: {out}");
    let (out, _ours) = with_fd3(&["start", "--attach", "act"], &[]);
    out.assert_success();
    assert!(!out.stdout.contains("LISTEN_"), "a start without them passes none: {out}");
    assert!(!out.lines().contains(&"4"), "nor descriptor 3 without LISTEN_FDS: {out}");
    let env = s.cmd(&["inspect", "--format", "{{.Config.Env}}", "act"]);
    assert!(!env.stdout.contains("LISTEN_"), "{env}");
}

/// `generate systemd` names pods in its refusals as podman does.
#[test]
fn generate_systemd_template_is_refused_for_a_pod() {
    let s = Skiff::new();
    let image = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, image]).assert_success();
    s.cmd(&["pod", "create", "--name", "pp"]).assert_success();
    s.cmd(&["run", "-d", "--pod", "pp", "--name", "inpod", image, "sleep", "60"]).assert_success();
    s.cmd(&["generate", "systemd", "--new", "--template", "-n", "pp"])
        .assert_exit(125)
        .assert_stderr_contains("--template is not supported for pods");
    s.cmd(&["generate", "systemd", "nosuch"])
        .assert_exit(125)
        .assert_stderr_contains("nosuch does not refer to a container or pod");
    // The pod's containers still have their own units.
    let out = s.cmd(&["generate", "systemd", "--name", "inpod"]);
    out.assert_success();
    assert!(out.stdout.contains("# container-inpod.service"), "{out}");
    s.cmd(&["pod", "rm", "-f", "-t", "0", "pp"]).assert_success();
}
