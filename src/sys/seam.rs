//! The container process's security-critical system calls behind a trait (youki's syscall
//! seam): [`Linux`] makes them, [`Recording`] records them so that tests can check their order
//! (mounts before pivot_root; the bounding set before the credentials change; no_new_privs
//! before seccomp when asked; seccomp last but for the exec) without a kernel or privileges.
//!
//! The implementation is passed in by the caller (the container's init takes `&dyn Syscall`);
//! nothing picks it with `cfg!(test)`.

use std::cell::RefCell;
use std::ffi::{CStr, CString};
use std::path::{Path, PathBuf};

use caps::errors::CapsError;
use caps::{CapSet, Capability, CapsHashSet};
use nix::errno::Errno;
use nix::mount::{MntFlags, MsFlags};
use nix::sys::signal::Signal;
use nix::unistd::{Gid, Uid};

/// The calls the container's init (and `exec`'s child) makes on its way to the exec.
pub trait Syscall {
    fn mount(
        &self,
        source: Option<&Path>,
        target: &Path,
        fstype: Option<&str>,
        flags: MsFlags,
        data: Option<&str>,
    ) -> nix::Result<()>;
    fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()>;
    fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()>;
    fn chdir(&self, path: &Path) -> nix::Result<()>;
    fn sethostname(&self, name: &str) -> nix::Result<()>;
    /// `resource` is a `libc::RLIMIT_*` value.
    fn set_rlimit(&self, resource: libc::c_int, soft: u64, hard: u64) -> nix::Result<()>;
    fn umask(&self, mask: u32);
    fn cap_read(&self, set: CapSet) -> Result<CapsHashSet, CapsError>;
    fn cap_drop(&self, set: CapSet, cap: Capability) -> Result<(), CapsError>;
    fn cap_set(&self, set: CapSet, caps: &CapsHashSet) -> Result<(), CapsError>;
    fn set_no_new_privs(&self) -> nix::Result<()>;
    /// Installs a seccomp filter (see [`super::seccomp_load`]).
    fn seccomp_load(&self, filter: &[seccompiler::sock_filter]) -> std::io::Result<()>;
    fn pdeathsig(&self) -> nix::Result<Option<Signal>>;
    fn set_pdeathsig(&self, signal: Signal) -> nix::Result<()>;
    fn set_keepcaps(&self, keep: bool) -> nix::Result<()>;
    fn setgroups(&self, groups: &[Gid]) -> nix::Result<()>;
    /// Real, effective and saved gid.
    fn setresgid(&self, gid: Gid) -> nix::Result<()>;
    /// Real, effective and saved uid.
    fn setresuid(&self, uid: Uid) -> nix::Result<()>;
    /// Returns only on failure.
    fn execve(&self, path: &CStr, argv: &[CString], env: &[CString]) -> Errno;
}

/// The real system calls.
#[derive(Debug, Default, Clone, Copy)]
pub struct Linux;

impl Syscall for Linux {
    fn mount(
        &self,
        source: Option<&Path>,
        target: &Path,
        fstype: Option<&str>,
        flags: MsFlags,
        data: Option<&str>,
    ) -> nix::Result<()> {
        nix::mount::mount(source, target, fstype, flags, data)
    }
    fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()> {
        nix::mount::umount2(target, flags)
    }
    fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()> {
        super::pivot_root(new_root, put_old)
    }
    fn chdir(&self, path: &Path) -> nix::Result<()> {
        nix::unistd::chdir(path)
    }
    fn sethostname(&self, name: &str) -> nix::Result<()> {
        nix::unistd::sethostname(name)
    }
    fn set_rlimit(&self, resource: libc::c_int, soft: u64, hard: u64) -> nix::Result<()> {
        super::set_rlimit(resource, soft, hard)
    }
    fn umask(&self, mask: u32) {
        nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(mask));
    }
    fn cap_read(&self, set: CapSet) -> Result<CapsHashSet, CapsError> {
        caps::read(None, set)
    }
    fn cap_drop(&self, set: CapSet, cap: Capability) -> Result<(), CapsError> {
        caps::drop(None, set, cap)
    }
    fn cap_set(&self, set: CapSet, caps: &CapsHashSet) -> Result<(), CapsError> {
        caps::set(None, set, caps)
    }
    fn set_no_new_privs(&self) -> nix::Result<()> {
        nix::sys::prctl::set_no_new_privs()
    }
    fn seccomp_load(&self, filter: &[seccompiler::sock_filter]) -> std::io::Result<()> {
        super::seccomp_load(filter)
    }
    fn pdeathsig(&self) -> nix::Result<Option<Signal>> {
        nix::sys::prctl::get_pdeathsig()
    }
    fn set_pdeathsig(&self, signal: Signal) -> nix::Result<()> {
        nix::sys::prctl::set_pdeathsig(signal)
    }
    fn set_keepcaps(&self, keep: bool) -> nix::Result<()> {
        nix::sys::prctl::set_keepcaps(keep)
    }
    fn setgroups(&self, groups: &[Gid]) -> nix::Result<()> {
        nix::unistd::setgroups(groups)
    }
    fn setresgid(&self, gid: Gid) -> nix::Result<()> {
        nix::unistd::setresgid(gid, gid, gid)
    }
    fn setresuid(&self, uid: Uid) -> nix::Result<()> {
        nix::unistd::setresuid(uid, uid, uid)
    }
    fn execve(&self, path: &CStr, argv: &[CString], env: &[CString]) -> Errno {
        super::execve(path, argv, env)
    }
}

/// One recorded call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    Mount {
        source: Option<PathBuf>,
        target: PathBuf,
        fstype: Option<String>,
        flags: MsFlags,
        data: Option<String>,
    },
    Umount2 {
        target: PathBuf,
        flags: MntFlags,
    },
    PivotRoot {
        new_root: PathBuf,
        put_old: PathBuf,
    },
    Chdir(PathBuf),
    Sethostname(String),
    SetRlimit {
        resource: libc::c_int,
        soft: u64,
        hard: u64,
    },
    Umask(u32),
    /// The set by name (`bounding`, `effective`, ...).
    CapDrop(&'static str, Capability),
    CapSet(&'static str, Vec<Capability>),
    SetNoNewPrivs,
    SeccompLoad {
        instructions: usize,
    },
    SetPdeathsig(Signal),
    SetKeepcaps(bool),
    Setgroups(Vec<u32>),
    Setresgid(u32),
    Setresuid(u32),
    Execve(CString),
}

/// The name of a capability set in a recorded call.
fn set_name(set: CapSet) -> &'static str {
    match set {
        CapSet::Ambient => "ambient",
        CapSet::Bounding => "bounding",
        CapSet::Effective => "effective",
        CapSet::Inheritable => "inheritable",
        CapSet::Permitted => "permitted",
    }
}

/// A fake that records every call and succeeds, except mounts of the filesystem types given
/// to [`Recording::refuse_fstype`]. Reading a capability set gives every capability; `execve`
/// fails with ENOENT (the caller goes on to the next PATH entry, as after a real miss).
#[derive(Debug, Default)]
pub struct Recording {
    calls: RefCell<Vec<Call>>,
    refused: RefCell<Vec<(String, Errno)>>,
    pdeathsig: RefCell<Option<Signal>>,
}

impl Recording {
    /// Makes mounts of `fstype` fail with `errno` (still recorded).
    pub fn refuse_fstype(&self, fstype: &str, errno: Errno) {
        self.refused.borrow_mut().push((fstype.to_string(), errno));
    }

    /// The calls so far, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.calls.borrow().clone()
    }

    fn record(&self, call: Call) {
        self.calls.borrow_mut().push(call);
    }
}

impl Syscall for Recording {
    fn mount(
        &self,
        source: Option<&Path>,
        target: &Path,
        fstype: Option<&str>,
        flags: MsFlags,
        data: Option<&str>,
    ) -> nix::Result<()> {
        self.record(Call::Mount {
            source: source.map(Path::to_path_buf),
            target: target.to_path_buf(),
            fstype: fstype.map(str::to_string),
            flags,
            data: data.map(str::to_string),
        });
        match self.refused.borrow().iter().find(|(t, _)| Some(t.as_str()) == fstype) {
            Some((_, errno)) => Err(*errno),
            None => Ok(()),
        }
    }
    fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()> {
        self.record(Call::Umount2 { target: target.to_path_buf(), flags });
        Ok(())
    }
    fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()> {
        self.record(Call::PivotRoot { new_root: new_root.to_path_buf(), put_old: put_old.to_path_buf() });
        Ok(())
    }
    fn chdir(&self, path: &Path) -> nix::Result<()> {
        self.record(Call::Chdir(path.to_path_buf()));
        Ok(())
    }
    fn sethostname(&self, name: &str) -> nix::Result<()> {
        self.record(Call::Sethostname(name.to_string()));
        Ok(())
    }
    fn set_rlimit(&self, resource: libc::c_int, soft: u64, hard: u64) -> nix::Result<()> {
        self.record(Call::SetRlimit { resource, soft, hard });
        Ok(())
    }
    fn umask(&self, mask: u32) {
        self.record(Call::Umask(mask));
    }
    fn cap_read(&self, _set: CapSet) -> Result<CapsHashSet, CapsError> {
        Ok(caps::all())
    }
    fn cap_drop(&self, set: CapSet, cap: Capability) -> Result<(), CapsError> {
        self.record(Call::CapDrop(set_name(set), cap));
        Ok(())
    }
    fn cap_set(&self, set: CapSet, caps: &CapsHashSet) -> Result<(), CapsError> {
        let mut sorted: Vec<Capability> = caps.iter().copied().collect();
        sorted.sort_by_key(|c| c.index());
        self.record(Call::CapSet(set_name(set), sorted));
        Ok(())
    }
    fn set_no_new_privs(&self) -> nix::Result<()> {
        self.record(Call::SetNoNewPrivs);
        Ok(())
    }
    fn seccomp_load(&self, filter: &[seccompiler::sock_filter]) -> std::io::Result<()> {
        self.record(Call::SeccompLoad { instructions: filter.len() });
        Ok(())
    }
    fn pdeathsig(&self) -> nix::Result<Option<Signal>> {
        Ok(*self.pdeathsig.borrow())
    }
    fn set_pdeathsig(&self, signal: Signal) -> nix::Result<()> {
        *self.pdeathsig.borrow_mut() = Some(signal);
        self.record(Call::SetPdeathsig(signal));
        Ok(())
    }
    fn set_keepcaps(&self, keep: bool) -> nix::Result<()> {
        self.record(Call::SetKeepcaps(keep));
        Ok(())
    }
    fn setgroups(&self, groups: &[Gid]) -> nix::Result<()> {
        self.record(Call::Setgroups(groups.iter().map(|g| g.as_raw()).collect()));
        Ok(())
    }
    fn setresgid(&self, gid: Gid) -> nix::Result<()> {
        self.record(Call::Setresgid(gid.as_raw()));
        Ok(())
    }
    fn setresuid(&self, uid: Uid) -> nix::Result<()> {
        self.record(Call::Setresuid(uid.as_raw()));
        Ok(())
    }
    fn execve(&self, path: &CStr, _argv: &[CString], _env: &[CString]) -> Errno {
        self.record(Call::Execve(path.to_owned()));
        Errno::ENOENT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recording_keeps_the_order_and_refuses_what_it_was_told() {
        let r = Recording::default();
        r.refuse_fstype("overlay", Errno::EPERM);
        assert_eq!(
            r.mount(None, Path::new("/m"), Some("overlay"), MsFlags::empty(), None),
            Err(Errno::EPERM)
        );
        r.set_keepcaps(true).unwrap();
        r.setresuid(Uid::from_raw(5)).unwrap();
        r.set_pdeathsig(Signal::SIGKILL).unwrap();
        assert_eq!(r.pdeathsig(), Ok(Some(Signal::SIGKILL)));
        assert_eq!(r.execve(c"/bin/sh", &[], &[]), Errno::ENOENT);
        assert_eq!(
            r.calls(),
            vec![
                Call::Mount {
                    source: None,
                    target: "/m".into(),
                    fstype: Some("overlay".into()),
                    flags: MsFlags::empty(),
                    data: None
                },
                Call::SetKeepcaps(true),
                Call::Setresuid(5),
                Call::SetPdeathsig(Signal::SIGKILL),
                Call::Execve(c"/bin/sh".to_owned()),
            ]
        );
    }
}
