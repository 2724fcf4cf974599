//! Starting the user-mode network helpers on a prepared network namespace file: `pasta` (from
//! passt) and `slirp4netns`. Each gets the container's published ports and runs detached from
//! skiff (its own process group) until [`super::teardown`] stops it; its pid is returned.

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::ports::{PortMapping, Proto};
use super::Error;

/// The address pasta's DNS forwarder answers on inside the container (a link-local address, so
/// it never collides with a real network).
pub const PASTA_DNS: &str = "169.254.1.1";
/// slirp4netns's fixed addresses with `--configure` (10.0.2.0/24).
pub const SLIRP_GUEST: &str = "10.0.2.100";
pub const SLIRP_GATEWAY: &str = "10.0.2.2";
pub const SLIRP_DNS: &str = "10.0.2.3";

/// slirp4netns's addresses (guest, gateway, DNS) for `--network slirp4netns:cidr=NET/LEN`: the
/// subnet's .100, .2 and .3, as slirp4netns assigns them; the defaults without a cidr.
pub fn slirp_addresses(cidr: Option<&str>) -> (String, String, String) {
    let base = cidr
        .and_then(|c| c.split('/').next())
        .and_then(|a| a.parse::<std::net::Ipv4Addr>().ok())
        .map(u32::from);
    match base {
        Some(b) => {
            let at = |n: u32| std::net::Ipv4Addr::from(b + n).to_string();
            (at(100), at(2), at(3))
        }
        None => (SLIRP_GUEST.into(), SLIRP_GATEWAY.into(), SLIRP_DNS.into()),
    }
}

fn program(name: &'static str) -> Result<std::path::PathBuf, Error> {
    crate::userns::find_in_path(name).ok_or(Error::HelperMissing { program: name })
}

/// pasta's `-t`/`-u` value for one mapping: `[ADDR/]HOSTPORT:CTRPORT`.
pub fn pasta_spec(p: &PortMapping) -> String {
    let ports = format!("{}:{}", p.host_port, p.container_port);
    match p.host_ip {
        Some(ip) => format!("{ip}/{ports}"),
        None => ports,
    }
}

/// pasta's arguments (without the program name).
pub fn pasta_args(netns: &Path, pid_file: &Path, ports: &[PortMapping]) -> Vec<String> {
    let mut args: Vec<String> = vec!["--config-net".into(), "--quiet".into()];
    for (flag, proto) in [("-t", Proto::Tcp), ("-u", Proto::Udp)] {
        let specs: Vec<String> = ports.iter().filter(|p| p.protocol == proto).map(pasta_spec).collect();
        if specs.is_empty() {
            args.extend([flag.to_string(), "none".to_string()]);
        }
        for s in specs {
            args.extend([flag.to_string(), s]);
        }
    }
    // Nothing bound in the container's namespace is forwarded to the host's by itself.
    args.extend(["-T", "none", "-U", "none"].map(String::from));
    args.extend(["--dns-forward".to_string(), PASTA_DNS.to_string()]);
    args.extend(["--pid".to_string(), pid_file.to_string_lossy().into_owned()]);
    args.extend(["--netns".to_string(), netns.to_string_lossy().into_owned()]);
    args
}

/// Starts pasta on `netns`. pasta configures the interface, binds the published ports, then
/// forks into the background and writes its pid file; it ends by itself when the namespace file
/// goes away.
pub fn start_pasta(netns: &Path, run_dir: &Path, ports: &[PortMapping]) -> Result<i32, Error> {
    let pasta = program("pasta")?;
    let pid_file = run_dir.join("pasta.pid");
    let _ = fs_err::remove_file(&pid_file);
    let out = Command::new(&pasta)
        .args(pasta_args(netns, &pid_file, ports))
        .stdin(Stdio::null())
        .process_group(0)
        .output()
        .map_err(|source| Error::HelperSpawn { program: "pasta", source })?;
    // pasta also tries syslog, which this host may not have; only its own messages matter.
    let said: Vec<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.contains("to syslog"))
        .map(String::from)
        .collect();
    if !out.status.success() {
        return Err(Error::HelperFailed { program: "pasta", detail: said.join("; ") });
    }
    let pid = fs_err::read_to_string(&pid_file).ok().and_then(|s| s.trim().parse().ok());
    pid.ok_or_else(|| Error::HelperFailed {
        program: "pasta",
        detail: format!("it wrote no pid file {}", pid_file.display()),
    })
}

/// How long a helper has to exit after `SIGTERM` before it is killed.
pub const STOP_GRACE: Duration = Duration::from_secs(2);

/// Stops the helper `pid` with `first` (`SIGTERM`, or `SIGKILL` at once) and returns only once
/// `alive()` says it is gone: its sockets, hence the published ports, are closed when it exits,
/// so a `stop` that returns leaves the ports free for the next `start` (pasta takes tens of
/// milliseconds after the signal). `SIGKILL` after [`STOP_GRACE`]; gives up after one more second.
pub fn stop_and_wait(pid: i32, first: nix::sys::signal::Signal, alive: impl Fn() -> bool) {
    use nix::sys::signal::{kill, Signal};
    let pid = nix::unistd::Pid::from_raw(pid);
    let _ = kill(pid, first);
    let wait = |limit: Duration| {
        let deadline = std::time::Instant::now() + limit;
        while alive() {
            if std::time::Instant::now() >= deadline {
                return false;
            }
            // Our own child (slirp4netns started by this process) must be reaped to be gone.
            let _ = nix::sys::wait::waitpid(pid, Some(nix::sys::wait::WaitPidFlag::WNOHANG));
            std::thread::sleep(Duration::from_millis(2));
        }
        true
    };
    if wait(if first == Signal::SIGKILL { Duration::from_secs(1) } else { STOP_GRACE })
        || first == Signal::SIGKILL
    {
        return;
    }
    let _ = kill(pid, Signal::SIGKILL);
    wait(Duration::from_secs(1));
}

/// Sets close-on-exec on `fd` or clears it.
fn set_cloexec(fd: &impl AsRawFd, on: bool) -> std::io::Result<()> {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    let flags = if on { FdFlag::FD_CLOEXEC } else { FdFlag::empty() };
    fcntl(fd.as_raw_fd(), FcntlArg::F_SETFD(flags)).map(drop).map_err(std::io::Error::from)
}

/// The slirp4netns API socket of the container whose run-time directory is `run_dir`
/// (`<runroot>/containers/<id>`): `<runroot>/slirp4netns/<short id>.sock`, since a unix socket
/// path must fit in 108 bytes and the run-time directory's own path may not leave room.
pub fn slirp_socket(run_dir: &Path) -> std::path::PathBuf {
    let id = run_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let short: String = id.chars().take(12).collect();
    match run_dir.parent().and_then(Path::parent) {
        Some(root) => root.join("slirp4netns").join(format!("{short}.sock")),
        None => run_dir.join("slirp4netns.sock"),
    }
}

/// Starts slirp4netns on `netns` (it stays our child until this command exits, then init's),
/// waits until it has configured `tap0`, then adds the port forwards through its API socket.
/// On an error the started process is killed.
pub fn start_slirp(
    netns: &Path,
    run_dir: &Path,
    ports: &[PortMapping],
    cidr: Option<&str>,
    options: &super::SlirpOptions,
) -> Result<i32, Error> {
    let slirp = program("slirp4netns")?;
    let socket = slirp_socket(run_dir);
    let _ = fs_err::remove_file(&socket);
    if let Some(dir) = socket.parent() {
        use std::os::unix::fs::DirBuilderExt;
        let _ = std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir);
    }
    let log_path = run_dir.join("slirp4netns.log");
    let log: std::fs::File = fs_err::File::create(&log_path)
        .map_err(|source| Error::HelperSpawn { program: "slirp4netns", source })?
        .into();
    let (mut ready_r, ready_w) =
        std::io::pipe().map_err(|source| Error::HelperSpawn { program: "slirp4netns", source })?;
    // The write end goes to slirp4netns as --ready-fd; ours is closed right after the spawn.
    set_cloexec(&ready_w, false).map_err(|source| Error::HelperSpawn { program: "slirp4netns", source })?;
    let mut cmd = Command::new(&slirp);
    cmd.args(slirp_args(cidr, options));
    let spawned = cmd
        .arg(format!("--api-socket={}", socket.display()))
        .arg(format!("--ready-fd={}", ready_w.as_raw_fd()))
        .arg("--netns-type=path")
        .arg(netns)
        .arg("tap0")
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|source| Error::HelperSpawn { program: "slirp4netns", source })?)
        .stderr(log)
        .process_group(0)
        .spawn();
    drop(ready_w);
    let mut child = spawned.map_err(|source| Error::HelperSpawn { program: "slirp4netns", source })?;
    let pid = child.id() as i32;
    let fail = |child: &mut std::process::Child, detail: String| {
        let _ = child.kill();
        let _ = child.wait();
        let log = fs_err::read_to_string(&log_path).unwrap_or_default();
        // Its own warnings (host loopback access) are not the reason.
        let said: Vec<&str> =
            log.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("WARNING:")).collect();
        let detail = if said.is_empty() { detail } else { format!("{detail}: {}", said.join("; ")) };
        Error::HelperFailed { program: "slirp4netns", detail }
    };
    let mut byte = [0u8; 1];
    if ready_r.read_exact(&mut byte).is_err() {
        return Err(fail(&mut child, "it exited before the network was configured".into()));
    }
    for p in ports {
        if let Err(e) = slirp_add_hostfwd(&socket, p, &slirp_addresses(cidr).0) {
            return Err(fail(
                &mut child,
                format!("cannot publish {}/{}: {e}", p.host_address(), p.protocol.as_str()),
            ));
        }
    }
    // Not waited for here: the cleanup stops it by pid; when this command exits, init reaps it.
    std::mem::forget(child);
    Ok(pid)
}

/// slirp4netns's options before the API socket's: the subnet, `--configure`, the MTU and what
/// `--network slirp4netns:OPT` asks for.
pub fn slirp_args(cidr: Option<&str>, options: &super::SlirpOptions) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(cidr) = cidr {
        args.push(format!("--cidr={cidr}"));
    }
    args.push("--configure".into());
    args.push(format!("--mtu={}", options.mtu.unwrap_or(65520)));
    if options.allow_host_loopback == Some(false) {
        args.push("--disable-host-loopback".into());
    }
    if options.enable_ipv6 {
        args.push("--enable-ipv6".into());
    }
    if let Some(a) = &options.outbound_addr {
        args.push(format!("--outbound-addr={a}"));
    }
    if let Some(a) = &options.outbound_addr6 {
        args.push(format!("--outbound-addr6={a}"));
    }
    args
}

/// One `add_hostfwd` request on the slirp4netns API socket.
fn slirp_add_hostfwd(socket: &Path, p: &PortMapping, guest: &str) -> Result<(), String> {
    let host_addr = p.host_ip.map(|ip| ip.to_string()).unwrap_or_else(|| "0.0.0.0".to_string());
    let request = serde_json::json!({
        "execute": "add_hostfwd",
        "arguments": {
            "proto": p.protocol.as_str(),
            "host_addr": host_addr,
            "host_port": p.host_port,
            "guest_addr": guest,
            "guest_port": p.container_port,
        }
    });
    let mut stream = UnixStream::connect(socket).map_err(|e| e.to_string())?;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    stream.write_all(request.to_string().as_bytes()).map_err(|e| e.to_string())?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut reply = String::new();
    stream.read_to_string(&mut reply).map_err(|e| e.to_string())?;
    let v: serde_json::Value =
        serde_json::from_str(&reply).map_err(|_| format!("unexpected reply {reply:?}"))?;
    match v.get("error") {
        Some(err) => Err(err.get("desc").and_then(|d| d.as_str()).unwrap_or("refused").to_string()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasta_arguments() {
        let ports = [
            PortMapping { host_ip: None, host_port: 8080, container_port: 80, protocol: Proto::Tcp },
            PortMapping {
                host_ip: Some("127.0.0.1".parse().unwrap()),
                host_port: 5353,
                container_port: 53,
                protocol: Proto::Udp,
            },
        ];
        let args = pasta_args(Path::new("/r/netns"), Path::new("/r/pasta.pid"), &ports).join(" ");
        assert!(args.contains("-t 8080:80 -u 127.0.0.1/5353:53 -T none -U none"), "{args}");
        assert!(args.ends_with("--netns /r/netns"), "{args}");
        let args = pasta_args(Path::new("/n"), Path::new("/p"), &[]).join(" ");
        assert!(args.contains("-t none -u none"), "{args}");
    }
}
