//! Terminals: `run -t` (a pty opened in the container, held by the supervisor), raw mode on the
//! client's terminal and its restoration, the window size and its changes, detach keys, `attach`,
//! and the foreground `run` passing signals and stdin EOF on. Interactive tests drive skiff in a
//! real pseudo-terminal that the test opens, as a user's terminal emulator would.

use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustix::termios::{self, Termios, Winsize};

use crate::fixtures::fixtures;
use crate::util::Skiff;

const TLS: &str = "--tls-verify=false";
const LIMIT: Duration = Duration::from_secs(20);

/// skiff running with a pty as its stdin, stdout, stderr and controlling terminal.
struct Term {
    master: std::fs::File,
    /// Our copy of the slave, to look at its mode.
    slave: OwnedFd,
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    /// How much of `output` [`Term::expect`] has consumed.
    seen: usize,
}

/// The parts of a terminal's mode that raw mode changes.
fn mode(t: &Termios) -> String {
    format!("{:?} {:?} {:?} {:?}", t.input_modes, t.output_modes, t.control_modes, t.local_modes)
}

impl Term {
    /// Starts `skiff args...` in a new pty of `rows` x `cols`.
    fn spawn(s: &Skiff, args: &[&str], rows: u16, cols: u16) -> Term {
        let pty = nix::pty::openpty(None, None).expect("openpty");
        let size = Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        termios::tcsetwinsize(&pty.master, size).expect("set the window size");
        let mut cmd = s.command(args);
        let slave = pty.slave;
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        // SAFETY: setsid and ioctl are async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(std::io::stdin())?;
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn skiff in a pty");
        let master = std::fs::File::from(pty.master);
        let output = Arc::new(Mutex::new(Vec::new()));
        let (mut reader, sink) = (master.try_clone().unwrap(), output.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Term { master, slave, child, output, seen: 0 }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits for `needle` in the output after what earlier calls consumed, and consumes up to it.
    #[track_caller]
    fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + LIMIT;
        loop {
            let out = self.output.lock().unwrap().clone();
            let text = String::from_utf8_lossy(&out[self.seen.min(out.len())..]).into_owned();
            if let Some(at) = text.find(needle) {
                self.seen += text[..at + needle.len()].len();
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}; the terminal shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to the pty");
    }

    fn resize(&self, rows: u16, cols: u16) {
        let size = Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        termios::tcsetwinsize(&self.master, size).expect("resize the pty");
    }

    fn mode(&self) -> String {
        mode(&termios::tcgetattr(self.slave.as_fd()).expect("tcgetattr"))
    }

    /// Waits for skiff to exit; its exit code.
    #[track_caller]
    fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status
                    .code()
                    .unwrap_or_else(|| panic!("skiff was killed: {status}\n{}", self.text()));
            }
            assert!(Instant::now() < deadline, "skiff did not exit; the terminal shows:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[track_caller]
fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + LIMIT;
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn status(s: &Skiff, name: &str) -> String {
    s.cmd(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"])
        .assert_success()
        .lines()
        .iter()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(str::to_string))
        .unwrap_or_default()
}

fn pulled(s: &Skiff) -> &'static str {
    let img = &fixtures().busybox.reference;
    s.cmd(&["pull", TLS, img]).assert_success();
    img
}

#[test]
fn run_it_gives_a_terminal_of_the_clients_size_that_follows_resizes_and_restores_the_mode() {
    let s = Skiff::new();
    let img = pulled(&s);
    let mut t = Term::spawn(&s, &["run", "-it", "--rm", img, "sh"], 30, 100);
    let before = t.mode();
    t.expect("# ");
    assert_ne!(t.mode(), before, "the client's terminal is in raw mode while attached");
    t.send(b"tty; stty size; echo $TERM\r");
    t.expect("/dev/pts/0");
    t.expect("30 100");
    t.expect("xterm");
    t.resize(40, 120);
    // The shell gets SIGWINCH only once the size is applied: ask until it shows.
    let deadline = Instant::now() + LIMIT;
    loop {
        t.send(b"stty size\r");
        std::thread::sleep(Duration::from_millis(200));
        if t.text().contains("40 120") {
            break;
        }
        assert!(Instant::now() < deadline, "the new size never reached the container:\n{}", t.text());
    }
    t.send(b"echo $((6*7)) && exit 3\r");
    t.expect("42");
    assert_eq!(t.wait(), 3, "{}", t.text());
    assert_eq!(t.mode(), before, "the terminal mode is restored");
    // The size is set before the command starts, not only once the client attached.
    let mut t = Term::spawn(&s, &["run", "-it", "--rm", img, "stty", "size"], 33, 99);
    t.expect("33 99");
    assert_eq!(t.wait(), 0, "{}", t.text());
    assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.is_empty());
}

#[test]
fn ctrl_c_with_a_tty_is_a_byte_for_the_container_and_sighup_is_passed_on_restoring_the_terminal() {
    let s = Skiff::new();
    let img = pulled(&s);
    let mut t = Term::spawn(&s, &["run", "-it", "--rm", img, "sh"], 24, 80);
    let before = t.mode();
    t.expect("# ");
    // ctrl-c interrupts the container's foreground command, not skiff.
    t.send(b"sleep 30\r");
    std::thread::sleep(Duration::from_millis(500));
    t.send(b"\x03");
    t.expect("^C");
    t.send(b"echo after-$?\r");
    t.expect("after-130");
    assert!(t.child.try_wait().unwrap().is_none(), "skiff is still attached");
    t.send(b"exit\r");
    assert_eq!(t.wait(), 0, "{}", t.text());
    assert_eq!(t.mode(), before);

    // SIGHUP to skiff (its terminal hung up) is passed on; skiff ends with the container, the
    // mode restored.
    let script = "trap 'echo got-hup; exit 7' HUP; echo ready; while true; do sleep 0.1; done";
    let mut t = Term::spawn(&s, &["run", "-it", "--rm", img, "sh", "-c", script], 24, 80);
    t.expect("ready");
    assert_ne!(t.mode(), before);
    let pid = nix::unistd::Pid::from_raw(t.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGHUP).unwrap();
    t.expect("got-hup");
    assert_eq!(t.wait(), 7, "{}", t.text());
    assert_eq!(t.mode(), before);
}

#[test]
fn detach_keys_leave_the_container_running_and_attach_reconnects() {
    let s = Skiff::new();
    let img = pulled(&s);
    let mut t = Term::spawn(&s, &["run", "-it", "--name", "box", img, "sh"], 24, 80);
    let before = t.mode();
    t.expect("# ");
    t.send(b"echo one-$((1+1))\r");
    t.expect("one-2");
    t.send(b"\x10\x11");
    assert_eq!(t.wait(), 0, "detaching exits 0: {}", t.text());
    assert_eq!(t.mode(), before, "the terminal mode is restored after detaching");
    assert!(status(&s, "box").starts_with("Up "), "the container runs on: {:?}", status(&s, "box"));

    // Attach again, with other keys: ctrl-p passes through to the container now.
    let mut t = Term::spawn(&s, &["attach", "--detach-keys", "ctrl-a,x", "box"], 24, 80);
    t.send(b"echo two-$((2+1))\r");
    t.expect("two-3");
    t.send(b"\x01x");
    assert_eq!(t.wait(), 0, "{}", t.text());
    assert!(status(&s, "box").starts_with("Up "));

    // Detaching disabled: the default keys are just input; the shell's exit code comes back.
    let mut t = Term::spawn(&s, &["attach", "--detach-keys", "", "box"], 24, 80);
    t.send(b"\x10\x11echo three\r");
    t.expect("three");
    t.send(b"exit 5\r");
    assert_eq!(t.wait(), 5, "{}", t.text());
    wait_for("the exit to be recorded", || status(&s, "box").starts_with("Exited (5)"));
    let out = s.cmd(&["attach", "box"]);
    out.assert_exit(125).assert_stderr_contains("you can only attach to running containers");
}

#[test]
fn attach_without_a_terminal_gets_the_output_and_the_exit_code() {
    let s = Skiff::new();
    let img = pulled(&s);
    let out = s.cmd(&[
        "run",
        "-d",
        "-i",
        "--name",
        "pipe",
        img,
        "sh",
        "-c",
        "echo ready; read line; echo got-$line; echo err >&2; exit 4",
    ]);
    out.assert_success();
    wait_for("the container's first output", || s.cmd(&["logs", "pipe"]).stdout.contains("ready"));
    let out = s.cmd_stdin(&["attach", "pipe"], b"hello\n");
    out.assert_exit(4).assert_stdout_eq("got-hello").assert_stderr_contains("err");
    s.cmd(&["attach", "pipe"])
        .assert_exit(125)
        .assert_stderr_contains("Error: you can only attach to running containers: pipe is exited");
    s.cmd(&["attach", "nothing-here"]).assert_exit(125).assert_stderr_contains("nothing-here");
}

#[test]
fn bad_detach_keys_are_refused_naming_the_value() {
    let s = Skiff::new();
    let out = s.cmd(&["run", "--detach-keys", "ctrl-1", "localhost/unused:1", "true"]);
    out.assert_exit(125).assert_stderr_contains("invalid detach keys \"ctrl-1\": unknown key \"ctrl-1\"");
    let out = s.cmd(&["attach", "--detach-keys", "ab", "x"]);
    out.assert_exit(125).assert_stderr_contains("invalid detach keys \"ab\"");
    assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.is_empty());
}

#[test]
fn run_t_without_a_terminal_still_gives_the_container_one_and_logs_it() {
    let s = Skiff::new();
    let img = pulled(&s);
    let out = s.cmd(&["run", "-t", "--rm", img, "sh", "-c", "tty; test -t 0 && test -t 2 && echo all-ttys"]);
    // The pty turns \n into \r\n, as with podman.
    out.assert_success().assert_stdout_eq("/dev/pts/0\r\nall-ttys");
    // A user other than root owns its terminal, so that it can reopen it (/dev/tty).
    let out =
        s.cmd(&["run", "-t", "--rm", "-u", "1000:1000", img, "sh", "-c", "ls -ln $(tty); echo x > /dev/tty"]);
    out.assert_success();
    let fields: Vec<&str> = out.stdout.split_whitespace().collect();
    assert_eq!(fields.get(2), Some(&"1000"), "{out}");
    assert!(fields.last() == Some(&"x"), "{out}");
    // stdin that is not a terminal: a warning, and its EOF reaches the container.
    let out = s.cmd_stdin(&["run", "-it", "--rm", img, "cat"], b"hi\n");
    out.assert_success().assert_stderr_contains("The input device is not a TTY");
    assert_eq!(out.stdout.matches("hi").count(), 2, "the echo and cat's copy: {out}");
    // Detached: the pty's output lands in the log as stdout.
    let out =
        s.cmd(&["run", "-d", "-t", "--name", "logged", img, "sh", "-c", "echo to-the-log; echo err >&2"]);
    out.assert_success();
    wait_for("the container to exit", || status(&s, "logged").starts_with("Exited (0)"));
    let logs = s.cmd(&["logs", "logged"]);
    logs.assert_success();
    assert!(logs.stdout.contains("to-the-log") && logs.stdout.contains("err"), "{logs}");
    assert!(logs.stderr.is_empty(), "a terminal has one stream: {logs}");
}

#[test]
fn foreground_run_passes_sigterm_to_the_container_and_stdin_eof() {
    let s = Skiff::new();
    let img = pulled(&s);
    s.cmd_stdin(&["run", TLS, "-i", "--rm", img, "cat"], b"hi\n").assert_success().assert_stdout_eq("hi");
    // Piped data is not typed: the default detach keys in it are just bytes.
    let out = s.cmd_stdin(&["run", "-i", "--rm", img, "wc", "-c"], b"\x10\x11xyz");
    out.assert_success().assert_stdout_eq("5");
    let mut child = s
        .command(&[
            "run",
            "--rm",
            img,
            "sh",
            "-c",
            "trap 'echo got-term; exit 42' TERM; echo ready; while true; do sleep 0.2; done",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("ready") {
        let n = stdout.read(&mut buf).unwrap();
        assert!(n > 0, "the container ended before it was ready");
        seen.extend_from_slice(&buf[..n]);
    }
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGTERM)
        .unwrap();
    let _ = stdout.read_to_end(&mut seen);
    let code = child.wait().unwrap().code();
    assert_eq!(code, Some(42), "{}", String::from_utf8_lossy(&seen));
    assert!(String::from_utf8_lossy(&seen).contains("got-term"));
}

#[test]
fn load_from_a_terminal_refuses_in_podmans_words() {
    let s = Skiff::new();
    let mut t = Term::spawn(&s, &["load"], 24, 80);
    t.expect("Error: cannot read from terminal, use command-line redirection or the --input flag");
    assert_eq!(t.wait(), 125, "{}", t.text());
}

#[test]
fn tty_and_interactive_take_podmans_boolean_values() {
    let s = Skiff::new();
    let img = pulled(&s);
    let out = s.cmd_stdin(&["run", "--tty=false", "-i", "--rm", img, "echo", "hello"], b"");
    out.assert_success().assert_stdout_eq("hello\n");
    assert!(!out.stderr.contains("TTY"), "no warning without --tty: {out}");
    let out = s.cmd_stdin(&["run", "--tty", "-i=false", "--rm", img, "echo", "hello"], b"");
    out.assert_success().assert_stdout_eq("hello\r\n");
    assert!(!out.stderr.contains("TTY"), "no warning without -i: {out}");
    s.cmd(&["run", "--tty=maybe", "--rm", img, "true"]).assert_exit(125).assert_stderr_contains("maybe");
}
