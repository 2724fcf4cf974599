//! Which backend makes a container's root filesystem: the [`Driver`] trait the three backends
//! implement, [`choose`] (DESIGN's order: kernel overlay, fuse-overlay, vfs) and the one cache of
//! the kernel-overlay probe.
//!
//! Whether the kernel mounts an overlay inside the user namespace is found by trying (a mount
//! of a tiny overlay and a write through it); the answer is cached per kernel release and mode
//! (rootless or not) in `RUNROOT/overlay-probe.json` ([`ProbeCache`]), written by `info` and by
//! the first container create, read by both. A trial costs more than the rest of a start.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{fuse, overlay};
use crate::userns::{self, Identity};

/// Which copy-on-write backend containers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum StorageDriver {
    /// The kernel's overlayfs, mounted inside the user namespace
    Overlay,
    /// skiff's own copy-on-write overlay over FUSE, for where the kernel overlay is refused
    FuseOverlay,
    /// A plain copy of every layer: slow, always works
    Vfs,
}

impl std::fmt::Display for StorageDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StorageDriver::Overlay => "overlay",
            StorageDriver::FuseOverlay => "fuse-overlay",
            StorageDriver::Vfs => "vfs",
        })
    }
}

/// What the checks need to know about this invocation.
#[derive(Debug, Clone, Copy)]
pub struct Host<'a> {
    /// The run-time directory: the probe cache and the probe's scratch directories live there.
    pub run_root: &'a Path,
    pub rootless: bool,
    /// How to try a kernel overlay when the cache has no answer.
    pub trial: Trial<'a>,
}

/// How the kernel-overlay trial mount is made.
#[derive(Debug, Clone, Copy)]
pub enum Trial<'a> {
    /// In this process, which already runs where containers are mounted (the storage namespace
    /// when rootless; rootful, its own mount namespace).
    InProcess,
    /// In a forked child that first joins the storage namespace of `Identity` (rootless) or a
    /// private mount namespace (rootful): for `info`, which runs outside the namespace. The
    /// caller must be single-threaded.
    Forked(&'a Identity),
}

/// One root-filesystem backend, as far as choosing it goes.
pub trait Driver {
    /// The name `--storage-driver` takes and a container record keeps.
    fn kind(&self) -> StorageDriver;
    /// `Ok` when the backend works on this host, else why not.
    fn usable(&self, host: &Host<'_>) -> Result<(), String>;
}

/// The kernel's overlayfs (see [`overlay`]).
pub struct KernelOverlay;
/// skiff's FUSE overlay (see [`fuse`]).
pub struct FuseOverlay;
/// Plain copies (see [`super::vfs`]).
pub struct Vfs;

impl Driver for KernelOverlay {
    fn kind(&self) -> StorageDriver {
        StorageDriver::Overlay
    }
    fn usable(&self, host: &Host<'_>) -> Result<(), String> {
        let probe = overlay_probe(host);
        if probe.works {
            Ok(())
        } else {
            Err(probe.detail)
        }
    }
}

impl Driver for FuseOverlay {
    fn kind(&self) -> StorageDriver {
        StorageDriver::FuseOverlay
    }
    fn usable(&self, _host: &Host<'_>) -> Result<(), String> {
        fuse::device_usable().map_err(|e| format!("/dev/fuse unusable: {e}"))
    }
}

impl Driver for Vfs {
    fn kind(&self) -> StorageDriver {
        StorageDriver::Vfs
    }
    fn usable(&self, _host: &Host<'_>) -> Result<(), String> {
        Ok(())
    }
}

/// The backends in the order [`choose`] tries them.
pub const DRIVERS: [&dyn Driver; 3] = [&KernelOverlay, &FuseOverlay, &Vfs];

/// The driver for new containers: `forced` (`--storage-driver`), else the first of [`DRIVERS`]
/// that is usable here.
pub fn choose(forced: Option<StorageDriver>, host: &Host<'_>) -> StorageDriver {
    choose_from(forced, host, &DRIVERS)
}

fn choose_from(forced: Option<StorageDriver>, host: &Host<'_>, drivers: &[&dyn Driver]) -> StorageDriver {
    if let Some(d) = forced {
        return d;
    }
    for d in drivers {
        match d.usable(host) {
            Ok(()) => return d.kind(),
            Err(why) => tracing::debug!(driver = %d.kind(), %why, "storage driver unusable"),
        }
    }
    StorageDriver::Vfs
}

/// The answer of the kernel-overlay probe, as `info` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverlayProbe {
    pub works: bool,
    pub detail: String,
    /// Read from the cache rather than tried now.
    pub cached: bool,
}

/// `RUNROOT/overlay-probe.json`: the probe's answer for one kernel release and mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeCache {
    pub kernel: String,
    pub rootless: bool,
    pub works: bool,
    pub detail: String,
}

impl ProbeCache {
    pub const FILE: &'static str = "overlay-probe.json";

    pub fn path(run_root: &Path) -> PathBuf {
        run_root.join(Self::FILE)
    }

    /// The cached answer when it was found on this kernel in this mode; `None` when there is
    /// none, it is unreadable, or it is for another kernel or mode.
    pub fn load(run_root: &Path, kernel: &str, rootless: bool) -> Option<Self> {
        let bytes = fs_err::read(Self::path(run_root)).ok()?;
        let c: Self = serde_json::from_slice(&bytes).ok()?;
        (c.kernel == kernel && c.rootless == rootless).then_some(c)
    }

    /// Writes the cache atomically; a failure only costs a trial next time, so it is logged.
    pub fn store(&self, run_root: &Path) {
        let path = Self::path(run_root);
        let written = serde_json::to_vec(self)
            .map_err(std::io::Error::from)
            .and_then(|bytes| crate::sys::atomic::write_atomic(&path, &bytes));
        if let Err(e) = written {
            tracing::debug!(path = %path.display(), error = %e, "cannot cache the overlay probe");
        }
    }
}

/// The running kernel's release (`uname -r`).
fn kernel_release() -> Option<String> {
    nix::sys::utsname::uname().ok().map(|u| u.release().to_string_lossy().into_owned())
}

/// Whether the kernel overlay mounts here: the cached answer for this kernel and mode, else a
/// trial (made as `host.trial` says), whose answer is cached.
pub fn overlay_probe(host: &Host<'_>) -> OverlayProbe {
    let kernel = kernel_release();
    if let Some(c) = kernel.as_deref().and_then(|k| ProbeCache::load(host.run_root, k, host.rootless)) {
        return OverlayProbe { works: c.works, detail: c.detail, cached: true };
    }
    let (works, detail) = match host.trial {
        Trial::InProcess => trial_in_process(host.run_root, host.rootless),
        Trial::Forked(identity) => trial_forked(host.run_root, host.rootless, identity),
    };
    if let Some(kernel) = kernel {
        ProbeCache { kernel, rootless: host.rootless, works, detail: detail.clone() }.store(host.run_root);
    }
    OverlayProbe { works, detail, cached: false }
}

/// What a successful trial says.
fn mounted_detail(rootless: bool) -> String {
    if rootless {
        "mounted with userxattr inside the user namespace".into()
    } else {
        "mounted".into()
    }
}

/// The error and its causes on one line, each cause once.
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut s = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let t = e.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = e.source();
    }
    s
}

/// Mounts a tiny overlay in this process under `RUNROOT/overlay-try.PID`.
fn trial_in_process(run_root: &Path, rootless: bool) -> (bool, String) {
    let dir = run_root.join(format!("overlay-try.{}", std::process::id()));
    let result = overlay::probe(&dir, rootless);
    let _ = fs_err::remove_dir_all(&dir);
    match result {
        Ok(()) => (true, mounted_detail(rootless)),
        Err(e) => {
            let detail = chain(&e);
            tracing::debug!(error = %detail, "kernel overlay unavailable");
            (false, detail)
        }
    }
}

/// Forks a child that enters the namespace and mounts a tiny overlay under
/// `RUNROOT/overlay-probe.PID`; its error comes back over a pipe.
fn trial_forked(run_root: &Path, rootless: bool, identity: &Identity) -> (bool, String) {
    use std::io::{Read, Write};
    let dir = run_root.join(format!("overlay-probe.{}", std::process::id()));
    let Ok((r, w)) = std::io::pipe() else { return (false, "cannot create a pipe".into()) };
    let probe_dir = dir.clone();
    // SAFETY: `info` probes before it starts any thread (single-threaded caller); `r`, the
    // parent's end, is dropped in the child before the probe runs.
    #[allow(unsafe_code)]
    let forked = unsafe {
        crate::sys::fork_keeping(r, || {
            let mut w = &w;
            let result = (|| -> Result<(), String> {
                if rootless {
                    userns::join(identity).map_err(|e| chain(&e))?;
                } else {
                    userns::private_mount_namespace().map_err(|e| chain(&e))?;
                }
                overlay::probe(&probe_dir, rootless).map_err(|e| chain(&e))
            })();
            let _ = fs_err::remove_dir_all(&probe_dir);
            match result {
                Ok(()) => 0,
                Err(e) => {
                    let _ = w.write_all(e.as_bytes());
                    1
                }
            }
        })
    };
    let Ok((child, mut r)) = forked else { return (false, "cannot fork the probe".into()) };
    drop(w);
    let mut msg = String::new();
    let _ = r.read_to_string(&mut msg);
    let status = nix::sys::wait::waitpid(child, None);
    let _ = fs_err::remove_dir_all(&dir);
    match status {
        Ok(nix::sys::wait::WaitStatus::Exited(_, 0)) => (true, mounted_detail(rootless)),
        _ => (false, if msg.is_empty() { "the probe process failed".into() } else { msg }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(StorageDriver, Result<(), &'static str>);

    impl Driver for Fixed {
        fn kind(&self) -> StorageDriver {
            self.0
        }
        fn usable(&self, _host: &Host<'_>) -> Result<(), String> {
            self.1.map_err(String::from)
        }
    }

    fn host(dir: &Path) -> Host<'_> {
        Host { run_root: dir, rootless: true, trial: Trial::InProcess }
    }

    #[test]
    fn choose_takes_the_forced_driver_else_the_first_usable() {
        let dir = tempfile::tempdir().unwrap();
        let h = host(dir.path());
        let no_overlay = Fixed(StorageDriver::Overlay, Err("refused"));
        let fuse = Fixed(StorageDriver::FuseOverlay, Ok(()));
        let no_fuse = Fixed(StorageDriver::FuseOverlay, Err("no /dev/fuse"));
        let vfs = Fixed(StorageDriver::Vfs, Ok(()));
        assert_eq!(choose_from(None, &h, &[&no_overlay, &fuse, &vfs]), StorageDriver::FuseOverlay);
        assert_eq!(choose_from(None, &h, &[&no_overlay, &no_fuse, &vfs]), StorageDriver::Vfs);
        assert_eq!(
            choose_from(Some(StorageDriver::Overlay), &h, &[&no_overlay, &no_fuse, &vfs]),
            StorageDriver::Overlay
        );
        assert_eq!(
            DRIVERS.map(|d| d.kind()),
            [StorageDriver::Overlay, StorageDriver::FuseOverlay, StorageDriver::Vfs]
        );
    }

    #[test]
    fn the_cache_answers_only_for_its_kernel_and_mode() {
        let dir = tempfile::tempdir().unwrap();
        let c = ProbeCache { kernel: "6.1.0".into(), rootless: true, works: false, detail: "refused".into() };
        c.store(dir.path());
        assert_eq!(ProbeCache::load(dir.path(), "6.1.0", true), Some(c.clone()));
        assert_eq!(ProbeCache::load(dir.path(), "6.2.0", true), None);
        assert_eq!(ProbeCache::load(dir.path(), "6.1.0", false), None);
        // The file keeps the field names `info` and earlier versions wrote.
        let v: serde_json::Value =
            serde_json::from_slice(&fs_err::read(ProbeCache::path(dir.path())).unwrap()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"kernel": "6.1.0", "rootless": true, "works": false, "detail": "refused"})
        );
        fs_err::write(ProbeCache::path(dir.path()), b"{not json").unwrap();
        assert_eq!(ProbeCache::load(dir.path(), "6.1.0", true), None);
    }

    #[test]
    fn a_cached_answer_is_used_without_a_trial() {
        let dir = tempfile::tempdir().unwrap();
        let kernel = kernel_release().unwrap();
        ProbeCache { kernel, rootless: true, works: false, detail: "refused for a test".into() }
            .store(dir.path());
        let p = overlay_probe(&host(dir.path()));
        assert_eq!(p, OverlayProbe { works: false, detail: "refused for a test".into(), cached: true });
        assert_eq!(KernelOverlay.usable(&host(dir.path())), Err("refused for a test".to_string()));
    }
}
