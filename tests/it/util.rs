//! Shared helpers: [`Skiff`] (the binary with a fresh store per test), [`Output`] (a finished
//! command with assertions), [`run`] (any program, with a timeout), [`require_unprivileged`],
//! [`require_program`] and a per-process scratch directory removed when the process exits.
//!
//! Invariants: every temporary directory lives under the system temp dir (`/tmp`), never in the
//! working directory; every command has a timeout, so a hung container fails its test instead of
//! hanging the suite.

use std::ffi::OsStr;
use std::fmt;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{mpsc, OnceLock};
use std::time::{Duration, Instant};

/// The default time limit for one command.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// How long [`run`] waits for stdout and stderr to close after the command exited.
pub const PIPE_GRACE: Duration = Duration::from_secs(5);

/// Panics when the tests run as uid 0: container tests must prove the rootless path and must never
/// pass as root.
#[track_caller]
pub fn require_unprivileged() {
    if nix::unistd::geteuid().is_root() {
        panic!("integration tests must run as an unprivileged user; use scripts/test.sh");
    }
}

/// Finds `program` in `PATH` (or takes it as a path when it contains a `/`), panicking with the
/// Debian package to install when it is missing. Tests never skip silently for a missing tool.
#[track_caller]
pub fn require_program(program: &str, debian_package: &str) -> PathBuf {
    let found = if program.contains('/') {
        Some(PathBuf::from(program)).filter(|p| is_executable(p))
    } else {
        std::env::var_os("PATH")
            .unwrap_or_else(|| "/usr/sbin:/usr/bin:/sbin:/bin".into())
            .to_str()
            .unwrap_or_default()
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| Path::new(d).join(program))
            .find(|p| is_executable(p))
    };
    found.unwrap_or_else(|| {
        panic!(
            "{program} is required by the integration tests but was not found (PATH={:?}); \
             install the Debian package `{debian_package}` (apt-get install {debian_package})",
            std::env::var("PATH").unwrap_or_default()
        )
    })
}

fn is_executable(p: &Path) -> bool {
    p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

/// The system temp dir (`$TMPDIR`, else `/tmp`), where every directory of these tests is made.
pub fn temp_root() -> PathBuf {
    std::env::temp_dir()
}

/// A fresh temporary directory under [`temp_root`], named `skiff-it-{prefix}-XXXX`, removed when
/// the returned guard is dropped.
pub fn tempdir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("skiff-it-{prefix}-"))
        .tempdir_in(temp_root())
        .expect("cannot create a temporary directory under the system temp dir")
}

/// A directory shared by the whole test process (registry storage, fixture layouts). Statics are
/// never dropped, so a watcher shell removes it once this process has exited.
pub fn scratch_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempdir("shared").keep();
        // The watcher outlives this process by design: nobody waits for it here.
        #[allow(clippy::zombie_processes)]
        Command::new("sh")
            .args(["-c", r#"while kill -0 "$PPID" 2>/dev/null; do sleep 1; done; rm -rf "$1""#, "sh"])
            .arg(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot spawn sh to clean up the scratch directory at exit");
        dir
    })
}

/// A finished command: what ran, its exit status and everything it printed.
pub struct Output {
    /// The command line, for messages.
    pub command: String,
    pub status: ExitStatus,
    /// stdout as text (lossy UTF-8); the bytes are in [`Output::stdout_bytes`].
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: Vec<u8>,
}

impl Output {
    /// The exit code, or `None` when the process was killed by a signal.
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// The signal that ended the process, if one did.
    pub fn signal(&self) -> Option<i32> {
        self.status.signal()
    }

    /// stdout without surrounding white space.
    pub fn stdout_trimmed(&self) -> &str {
        self.stdout.trim()
    }

    /// stdout's lines.
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{self}"))
    }

    /// Asserts exit code 0.
    #[track_caller]
    pub fn assert_success(&self) -> &Self {
        assert!(self.status.success(), "expected success\n{self}");
        self
    }

    /// Asserts this exit code (125 skiff's error, 126 cannot execute, 127 not found, else the
    /// container's).
    #[track_caller]
    pub fn assert_exit(&self, code: i32) -> &Self {
        assert_eq!(self.code(), Some(code), "expected exit code {code}\n{self}");
        self
    }

    /// Asserts a non-zero exit (or death by a signal).
    #[track_caller]
    pub fn assert_failure(&self) -> &Self {
        assert!(!self.status.success(), "expected failure\n{self}");
        self
    }

    /// Asserts that stdout contains `needle`.
    #[track_caller]
    pub fn assert_stdout_contains(&self, needle: &str) -> &Self {
        assert!(self.stdout.contains(needle), "expected stdout to contain {needle:?}\n{self}");
        self
    }

    /// Asserts that stderr contains `needle`.
    #[track_caller]
    pub fn assert_stderr_contains(&self, needle: &str) -> &Self {
        assert!(self.stderr.contains(needle), "expected stderr to contain {needle:?}\n{self}");
        self
    }

    /// Asserts that stdout, trimmed, is exactly `expected`.
    #[track_caller]
    pub fn assert_stdout_eq(&self, expected: &str) -> &Self {
        assert_eq!(self.stdout_trimmed(), expected.trim(), "unexpected stdout\n{self}");
        self
    }
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "command: {}", self.command)?;
        match (self.code(), self.signal()) {
            (Some(c), _) => writeln!(f, "exit code: {c}")?,
            (None, Some(s)) => writeln!(f, "killed by signal {s}")?,
            _ => writeln!(f, "status: {}", self.status)?,
        }
        writeln!(f, "--- stdout ---\n{}", self.stdout)?;
        write!(f, "--- stderr ---\n{}", self.stderr)
    }
}

impl fmt::Debug for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Runs `cmd` to completion with `stdin` (empty when `None`) and a time limit, capturing stdout
/// and stderr. On timeout its process group is killed and the test panics. A command that exits
/// but leaves a process holding its stdout/stderr open fails too (a detached supervisor must not
/// keep the caller's pipes).
#[track_caller]
pub fn run(mut cmd: Command, stdin: Option<&[u8]>, timeout: Duration) -> Output {
    let command = describe(&cmd);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {command}: {e}"));
    let deadline = Instant::now() + timeout;

    let mut input = child.stdin.take().expect("piped stdin");
    let data = stdin.unwrap_or_default().to_vec();
    std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let (tx, rx) = mpsc::channel();
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let tx2 = tx.clone();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        let _ = tx.send((1, buf));
    });
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        let _ = tx2.send((2, buf));
    });

    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(child.id() as i32),
                nix::sys::signal::Signal::SIGKILL,
            );
            let _ = child.wait();
            let (stdout, stderr) = collect(&rx, Instant::now() + Duration::from_secs(2));
            panic!(
                "timed out after {timeout:?}: {command}\n--- stdout ---\n{}\n--- stderr ---\n{}",
                String::from_utf8_lossy(&stdout.unwrap_or_default()),
                String::from_utf8_lossy(&stderr.unwrap_or_default())
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    // Output still in flight arrives at once; a pipe held by a leftover process never closes.
    let (stdout, stderr) = collect(&rx, Instant::now() + PIPE_GRACE);
    let (Some(stdout_bytes), Some(stderr)) = (stdout.clone(), stderr.clone()) else {
        panic!(
            "{command} exited ({status}) but a process it left behind still holds its stdout or stderr open\n\
             --- stdout ---\n{}\n--- stderr ---\n{}",
            String::from_utf8_lossy(&stdout.unwrap_or_default()),
            String::from_utf8_lossy(&stderr.unwrap_or_default())
        );
    };
    Output {
        command,
        status,
        stdout: String::from_utf8_lossy(&stdout_bytes).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        stdout_bytes,
    }
}

fn collect(rx: &mpsc::Receiver<(u8, Vec<u8>)>, until: Instant) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let (mut out, mut err) = (None, None);
    while out.is_none() || err.is_none() {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((1, b)) => out = Some(b),
            Ok((_, b)) => err = Some(b),
            Err(_) => break,
        }
    }
    (out, err)
}

/// The command line of `cmd`, shell-quoted well enough for messages.
pub fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| {
            let s = a.to_string_lossy();
            if s.is_empty() || s.contains(|c: char| c.is_whitespace() || "'\"$\\".contains(c)) {
                format!("'{}'", s.replace('\'', r"'\''"))
            } else {
                s.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `program args...` with the default timeout.
#[track_caller]
pub fn run_program<S: AsRef<OsStr>>(program: &str, args: &[S]) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args);
    run(cmd, None, DEFAULT_TIMEOUT)
}

/// Runs skopeo (the independent reference tool) with `args`, panicking if it is not installed.
#[track_caller]
pub fn skopeo<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let skopeo = require_program("skopeo", "skopeo");
    let mut cmd = Command::new(skopeo);
    // The host's signature policy is not under test; never let it refuse a copy. Nor are the
    // host's credentials: without XDG_RUNTIME_DIR skopeo reads /run/containers/UID/auth.json,
    // which fails outright when root's podman has left /run/containers mode 0700.
    let auth = std::env::temp_dir().join(format!("skiff-it-skopeo-auth-{}.json", std::process::id()));
    cmd.env("REGISTRY_AUTH_FILE", &auth).arg("--insecure-policy").args(args);
    run(cmd, None, Duration::from_secs(300))
}

/// The skiff binary with a store of its own: every invocation gets `--root DIR/root --runroot
/// DIR/run`, and `XDG_CONFIG_HOME`/`XDG_RUNTIME_DIR` point inside DIR so the user's own
/// configuration and credentials never leak in. Dropping it removes DIR, including files owned by
/// subordinate ids (removed through `skiff unshare rm -rf`).
pub struct Skiff {
    dir: Option<tempfile::TempDir>,
    /// The time limit for [`Skiff::cmd`] and [`Skiff::cmd_stdin`].
    pub timeout: Duration,
}

impl Skiff {
    /// A fresh store in a new temp dir. Panics when run as root (see [`require_unprivileged`]).
    #[track_caller]
    pub fn new() -> Self {
        require_unprivileged();
        let dir = tempdir("skiff");
        for sub in ["config", "xdg-run"] {
            let p = dir.path().join(sub);
            fs_err::create_dir(&p).expect("create dir in the test's temp dir");
            fs_err::set_permissions(&p, std::fs::Permissions::from_mode(0o700)).expect("chmod 700");
        }
        Skiff { dir: Some(dir), timeout: DEFAULT_TIMEOUT }
    }

    /// The path of the skiff binary under test.
    pub fn bin() -> &'static str {
        env!("CARGO_BIN_EXE_skiff")
    }

    /// This test's directory (holds `root/`, `run/`, `config/`, `xdg-run/`); tests may put their
    /// own files here too.
    pub fn dir(&self) -> &Path {
        self.dir.as_ref().expect("dir lives until drop").path()
    }

    /// The `--root` passed to every invocation.
    pub fn root(&self) -> PathBuf {
        self.dir().join("root")
    }

    /// The `--runroot` passed to every invocation.
    pub fn runroot(&self) -> PathBuf {
        self.dir().join("run")
    }

    /// `XDG_CONFIG_HOME` for every invocation (skiff reads `skiff/` below it).
    pub fn config_home(&self) -> PathBuf {
        self.dir().join("config")
    }

    /// A [`Command`] for `skiff --root .. --runroot .. args...` with this store's environment, for
    /// tests that need to spawn and steer the process themselves (signals, ttys, stdin streams).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(Self::bin());
        cmd.arg("--root")
            .arg(self.root())
            .arg("--runroot")
            .arg(self.runroot())
            .args(args)
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("XDG_RUNTIME_DIR", self.dir().join("xdg-run"))
            .env_remove("REGISTRY_AUTH_FILE")
            .env_remove("SKIFF_LOG")
            .env_remove("RUST_LOG");
        cmd
    }

    /// Runs `skiff args...` to completion with empty stdin.
    #[track_caller]
    pub fn cmd(&self, args: &[&str]) -> Output {
        run(self.command(args), None, self.timeout)
    }

    /// Runs `skiff args...` to completion with empty stdin and `vars` added to its environment.
    #[track_caller]
    pub fn cmd_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let mut cmd = self.command(args);
        cmd.envs(vars.iter().copied());
        run(cmd, None, self.timeout)
    }

    /// Runs `skiff args...` to completion with `stdin`.
    #[track_caller]
    pub fn cmd_stdin(&self, args: &[&str], stdin: &[u8]) -> Output {
        run(self.command(args), Some(stdin), self.timeout)
    }

    /// Runs `skiff unshare args...`: `args` run as uid 0 of skiff's user namespace.
    #[track_caller]
    pub fn unshare(&self, args: &[&str]) -> Output {
        let mut all = vec!["unshare"];
        all.extend_from_slice(args);
        self.cmd(&all)
    }
}

impl Default for Skiff {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Skiff {
    fn drop(&mut self) {
        let Some(dir) = self.dir.take() else { return };
        let path = dir.path().to_path_buf();
        let (root, runroot) = (path.join("root"), path.join("run"));
        if root.exists() || runroot.exists() {
            // A test that failed half-way (or forgot) may leave containers running: their
            // supervisors would outlive the store. Stop them first.
            let _ = Command::new(Self::bin())
                .arg("--root")
                .arg(&root)
                .arg("--runroot")
                .arg(&runroot)
                .args(["rm", "-a", "-f", "-t", "0"])
                .env("XDG_CONFIG_HOME", path.join("config"))
                .env("XDG_RUNTIME_DIR", path.join("xdg-run"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            // Files in the store may belong to subordinate ids: remove them from inside the
            // namespace first. Never panic here: this may run while a test is unwinding.
            let mut cmd = Command::new(Self::bin());
            cmd.arg("--root")
                .arg(&root)
                .arg("--runroot")
                .arg(&runroot)
                .args(["unshare", "rm", "-rf"])
                .arg(&root)
                .arg(&runroot)
                .env("XDG_CONFIG_HOME", path.join("config"))
                .env("XDG_RUNTIME_DIR", path.join("xdg-run"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            match cmd.output() {
                Ok(o) if o.status.success() => {}
                Ok(o) => eprintln!(
                    "warning: cleaning {} with skiff unshare failed ({}): {}",
                    path.display(),
                    o.status,
                    String::from_utf8_lossy(&o.stderr).trim()
                ),
                Err(e) => eprintln!("warning: cannot run skiff unshare to clean {}: {e}", path.display()),
            }
        }
        if let Err(e) = dir.close() {
            eprintln!("warning: cannot remove {}: {e}", path.display());
        }
    }
}
