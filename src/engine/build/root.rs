//! The root filesystem of one build step: the parent's layers plus a fresh upper directory,
//! mounted in a scratch directory of the store (`ROOT/tmp/build-<rand>/`, guarded by its lock, so
//! a crashed build's leftovers are swept by the next command), and what the step changed there
//! written as a layer tar through `storage::changes` (whiteouts, ids as the container saw them,
//! overlay markers and mount placeholders left out) as `commit` does.
//!
//! With the kernel overlay the changes are the upper directory. Otherwise (fuse-overlay or vfs
//! hosts) the layers are copied into the root and the changes are found by comparing the copy
//! with them, as a vfs container's are.
//!
//! A RUN step runs the built-in runtime in this process (inside the build's user namespace), in
//! the foreground with the build's stdout and stderr: the process must be single-threaded then.
//! A step of a stage built next to others runs it in a child process instead (`skiff oci-run`,
//! which finds itself in the namespace), its output in a file of the step's scratch directory.

use std::io;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Error;
use crate::engine::transfer::Spool;
use crate::engine::{containers, Context, StorageDriver};
use crate::rootfs::{overlay, vfs};
use crate::runtime::linux::{self, Status};
use crate::runtime::spec::{self, RunOptions};
use crate::storage::changes;
use crate::storage::{LayerRef, Store};

enum Mode {
    Overlay,
    Copy,
}

/// A mounted (or copied) root filesystem of a step; unmounted and removed when dropped.
pub struct Root {
    // Field order: unmount (Drop) before the scratch directory is removed.
    path: PathBuf,
    upper: PathBuf,
    lowers: Vec<PathBuf>,
    mode: Mode,
    mounted: bool,
    dir: PathBuf,
    _spool: Spool,
}

impl Root {
    /// Mounts `layers` (bottom first) with an empty upper directory.
    pub fn open(ctx: &Context, store: &Store, layers: &[LayerRef]) -> Result<Root, Error> {
        let spool = Spool::new(store, "build-").map_err(|e| Error::Scratch(Box::new(e)))?;
        let dir = spool.file().parent().map(Path::to_path_buf).unwrap_or_default();
        let mk = |name: &str| -> Result<PathBuf, Error> {
            let p = dir.join(name);
            fs_err::create_dir(&p).map_err(|source| Error::Io { path: p.clone(), source })?;
            Ok(p)
        };
        let (upper, work, merged, empty) = (mk("upper")?, mk("work")?, mk("merged")?, mk("empty")?);
        let lowers: Vec<PathBuf> =
            layers.iter().rev().map(|l| store.layer_diff_dir(&l.chain_id)).collect::<Result<_, _>>()?;
        let mode = match containers::choose_driver(ctx) {
            StorageDriver::Overlay => Mode::Overlay,
            _ => Mode::Copy,
        };
        let mut root = Root { path: merged, upper, lowers, mode, mounted: false, dir, _spool: spool };
        match root.mode {
            Mode::Overlay => {
                let lowers = if root.lowers.is_empty() { vec![empty] } else { root.lowers.clone() };
                overlay::mount_overlay_with(&lowers, &root.upper, &work, &root.path, ctx.rootless, true)
                    .map_err(crate::engine::Error::from)?;
                root.mounted = true;
            }
            Mode::Copy => {
                let bottom_first: Vec<PathBuf> = root.lowers.iter().rev().cloned().collect();
                vfs::populate(&bottom_first, &root.path).map_err(crate::engine::Error::from)?;
            }
        }
        Ok(root)
    }

    /// The root directory as the step sees it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `path` (absolute in the container) resolved inside the root, symlinks followed as the
    /// container would follow them: never outside it.
    pub fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        crate::runtime::linux::mounts::secure_join(&self.path, path)
    }

    /// A file of the root (`/etc/passwd`), if it is there.
    pub fn read_file(&self, path: &str) -> Option<String> {
        fs_err::read_to_string(self.resolve(Path::new(path)).ok()?).ok()
    }

    /// Writes what the step changed as a layer tar.
    pub fn write_layer<W: io::Write>(&self, out: W) -> io::Result<W> {
        match self.mode {
            Mode::Overlay => changes::write_layer(&self.upper, out),
            Mode::Copy => {
                let found = changes::tree_changes(&self.path, &self.lowers)?;
                changes::write_changes(&self.path, &found, out)
            }
        }
    }

    /// Writes the whole tree as a layer tar (`--squash-all`).
    pub fn write_tree<W: io::Write>(&self, out: W) -> io::Result<W> {
        changes::write_tree(&self.path, out)
    }

    /// Writes how the tree differs from `base` (layer directories, top-most first) as a layer
    /// tar, deletions as whiteouts (`--squash`).
    pub fn write_diff<W: io::Write>(&self, base: &[PathBuf], out: W) -> io::Result<W> {
        let found = changes::tree_changes(&self.path, base)?;
        changes::write_changes(&self.path, &found, out)
    }

    /// A file in the step's scratch directory (for the bundle and the layer tar).
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The bundle of `spec` in the scratch directory.
    fn write_bundle(&self, spec: &oci_spec::runtime::Spec) -> Result<PathBuf, Error> {
        let bundle = self.scratch("bundle");
        fs_err::create_dir_all(&bundle).map_err(|source| Error::Io { path: bundle.clone(), source })?;
        let path = bundle.join("config.json");
        let json = serde_json::to_vec_pretty(spec).expect("a runtime spec serializes");
        fs_err::write(&path, json).map_err(|source| Error::Io { path: path.clone(), source })?;
        Ok(bundle)
    }

    /// Runs `spec` (root: this root) in the foreground and returns how it ended.
    pub fn run(&self, spec: &oci_spec::runtime::Spec) -> Result<Status, Error> {
        let bundle = self.write_bundle(spec)?;
        match crate::sys::thread_count() {
            Some(1) => {}
            threads => return Err(Error::Threads { threads: threads.unwrap_or(0) }),
        }
        // An interrupted build (ctrl-c, `timeout`) stops its RUN step, even one whose pid 1
        // ignores the signal, as podman's build does.
        crate::sys::relay_signals_as_kill();
        Ok(linux::run(&bundle)?)
    }
}

impl Root {
    /// Runs `spec` with an external OCI runtime in the foreground (`RUNTIME FLAGS --root STATE
    /// run --bundle B ID`): its exit status is the command's.
    pub fn run_external(
        &self,
        spec: &oci_spec::runtime::Spec,
        runtime: &str,
        flags: &[String],
        run_root: &Path,
        output: Option<&Path>,
    ) -> Result<Status, Error> {
        let program = crate::runtime::external::resolve(runtime)?;
        let bundle = self.write_bundle(spec)?;
        let name = program.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        let state = run_root.join("oci-runtimes").join(name);
        fs_err::create_dir_all(&state).map_err(|source| Error::Io { path: state.clone(), source })?;
        let id = format!("skiff-build-{}-{:08x}", std::process::id(), rand::random::<u32>());
        let mut cmd = std::process::Command::new(&program);
        cmd.args(flags.iter().map(|f| runtime_flag(f)))
            .arg("--root")
            .arg(&state)
            .args(["run", "--bundle"])
            .arg(&bundle)
            .arg(&id);
        wait_child(cmd, &program, output)
    }

    /// Runs `spec` with the built-in runtime in a child process (`skiff oci-run`, which finds
    /// itself in the build's user namespace), its output going to `output`: for a step built in
    /// a thread, where this process cannot fork the runtime itself.
    pub fn run_child(
        &self,
        spec: &oci_spec::runtime::Spec,
        ctx: &Context,
        output: &Path,
    ) -> Result<Status, Error> {
        let bundle = self.write_bundle(spec)?;
        let exe =
            std::env::current_exe().map_err(|source| Error::Io { path: "/proc/self/exe".into(), source })?;
        let mut cmd = std::process::Command::new(&exe);
        cmd.env(crate::engine::context::ENV_IN_USERNS, "1")
            .arg("--root")
            .arg(&ctx.paths.graph_root)
            .arg("--runroot")
            .arg(&ctx.paths.run_root)
            .args(["oci-run", "--runtime", "builtin"])
            .arg(&bundle);
        wait_child(cmd, &exe, Some(output))
    }
}

/// Runs `cmd` (stdin closed; stdout and stderr to `output` if given) and returns how it ended.
fn wait_child(
    mut cmd: std::process::Command,
    program: &Path,
    output: Option<&Path>,
) -> Result<Status, Error> {
    use std::os::unix::process::ExitStatusExt;
    let io_err = |path: &Path, source| Error::Io { path: path.to_path_buf(), source };
    if let Some(out) = output {
        let f = fs_err::OpenOptions::new().create(true).append(true).open(out).map_err(|e| io_err(out, e))?;
        let f = f.into_parts().0;
        let f2 = f.try_clone().map_err(|e| io_err(out, e))?;
        cmd.stdin(std::process::Stdio::null()).stdout(f).stderr(f2);
    }
    let status = cmd.status().map_err(|e| io_err(program, e))?;
    Ok(match (status.code(), status.signal()) {
        (Some(code), _) => Status::Exited(code),
        (None, Some(sig)) => Status::Signaled(sig),
        (None, None) => Status::Exited(125),
    })
}

/// `debug` or `--debug` as the runtime's `--debug`.
fn runtime_flag(flag: &str) -> String {
    if flag.starts_with('-') {
        flag.to_string()
    } else {
        format!("--{flag}")
    }
}

/// The first of `flags` the built-in runtime does not take (it takes the common logging and
/// cgroup flags of runc and crun, and ignores them).
pub fn builtin_flags_unknown(flags: &[String]) -> Option<String> {
    const KNOWN: [&str; 5] = ["debug", "systemd-cgroup", "log", "log-format", "log-level"];
    flags.iter().map(|f| runtime_flag(f)).find(|f| {
        let name = f.trim_start_matches('-').split('=').next().unwrap_or("");
        !KNOWN.contains(&name)
    })
}

impl Drop for Root {
    fn drop(&mut self) {
        if self.mounted {
            if let Err(e) = overlay::unmount(&self.path) {
                tracing::warn!(path = %self.path.display(), error = %e, "cannot unmount a build root");
            }
        }
    }
}

/// What a RUN step runs with.
pub struct RunSpec {
    pub args: Vec<String>,
    /// `NAME=VALUE`: the ARGs in effect (the image's ENV wins over an ARG of the same name).
    pub env: Vec<String>,
    pub mounts: Vec<oci_spec::runtime::Mount>,
    pub tmpfs: Vec<String>,
    pub host_network: bool,
    /// The step's /etc/resolv.conf (`--dns*`; default: the host's with a host network).
    pub resolv_conf: Option<PathBuf>,
    pub ulimits: Vec<String>,
    pub seccomp: spec::Seccomp,
}

/// The runtime spec of a RUN step: the image config's user, working directory and environment,
/// the step's command as the whole command line (no entrypoint).
pub fn run_spec(root: &Root, config: &Value, run: RunSpec) -> Result<oci_spec::runtime::Spec, Error> {
    let passwd = root.read_file("/etc/passwd");
    let group = root.read_file("/etc/group");
    let id = format!("{:016x}{:016x}", rand::random::<u64>(), rand::random::<u64>());
    let mut env = run.env;
    let has_path = config
        .pointer("/config/Env")
        .and_then(Value::as_array)
        .is_some_and(|a| a.iter().any(|e| e.as_str().is_some_and(|s| s.starts_with("PATH="))));
    if !has_path && !env.iter().any(|e| e.starts_with("PATH=")) {
        env.insert(0, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into());
    }
    // The image's ENV wins over an ARG of the same name.
    let image_env: Vec<String> = config
        .pointer("/config/Env")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        .unwrap_or_default();
    env.retain(|e| {
        let k = e.split('=').next().unwrap_or("");
        !image_env.iter().any(|i| i.split('=').next() == Some(k))
    });
    let opts = RunOptions {
        id: id.clone(),
        entrypoint: Some(run.args),
        env,
        tmpfs: run.tmpfs,
        mounts: run.mounts,
        ulimits: run.ulimits,
        seccomp: run.seccomp,
        ..Default::default()
    };
    let typed = crate::engine::images::run_config(&serde_json::to_vec(config).unwrap_or_default())
        .map_err(Error::Config)?;
    let mut spec = spec::build(&typed, &opts, root.path(), passwd.as_deref(), group.as_deref())?;
    if run.host_network {
        if let Some(linux) = spec.linux_mut() {
            if let Some(ns) = linux.namespaces_mut() {
                ns.retain(|n| n.typ() != oci_spec::runtime::LinuxNamespaceType::Network);
            }
        }
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        // sysfs can only be mounted by the owner of the network namespace: the host's /sys is
        // bound instead (as `run --network host` has it).
        for m in mounts.iter_mut().filter(|m| m.typ().as_deref() == Some("sysfs")) {
            m.set_typ(Some("bind".into()));
            m.set_source(Some(PathBuf::from("/sys")));
            m.set_options(Some(["rbind", "ro", "nosuid", "noexec", "nodev"].map(String::from).to_vec()));
        }
        for file in ["/etc/resolv.conf", "/etc/hosts"] {
            if Path::new(file).exists() && !(file == "/etc/resolv.conf" && run.resolv_conf.is_some()) {
                mounts.push(file_mount(file, Path::new(file)));
            }
        }
        spec.set_mounts(Some(mounts));
    }
    if let Some(path) = &run.resolv_conf {
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        mounts.retain(|m| m.destination() != Path::new("/etc/resolv.conf"));
        mounts.push(file_mount("/etc/resolv.conf", path));
        spec.set_mounts(Some(mounts));
    }
    Ok(spec)
}

/// A read-only bind mount of the host file `source` at `dest`.
fn file_mount(dest: &str, source: &Path) -> oci_spec::runtime::Mount {
    let mut m = oci_spec::runtime::Mount::default();
    m.set_destination(PathBuf::from(dest));
    m.set_typ(Some("bind".into()));
    m.set_source(Some(source.to_path_buf()));
    m.set_options(Some(vec!["rbind".into(), "ro".into(), "nosuid".into(), "nodev".into()]));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_flags_get_dashes_and_the_builtin_refuses_unknown_ones() {
        assert_eq!(runtime_flag("debug"), "--debug");
        assert_eq!(runtime_flag("--log-format=json"), "--log-format=json");
        let flags = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(builtin_flags_unknown(&flags(&["debug", "log-format=json", "systemd-cgroup"])), None);
        assert_eq!(
            builtin_flags_unknown(&flags(&["debug", "invalidflag"])).as_deref(),
            Some("--invalidflag")
        );
    }
}
