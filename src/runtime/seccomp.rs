//! Seccomp for containers: the default profile (podman's refusals, as an allow-by-default deny
//! list), loading docker/podman JSON profiles into the spec's `LinuxSeccomp`, and compiling a
//! `LinuxSeccomp` into one classic-BPF program for the built-in runtime to load.
//!
//! The default profile follows containers/common's `seccomp.json` where it refuses something to a
//! container with podman's default capabilities, and moby's `default.json` where podman is silent
//! on something the brief of this module asked for:
//! - EPERM always: kexec_load and kexec_file_load, swapon/swapoff, userfaultfd, uselib, ustat,
//!   sysfs, nfsservctl, vm86, pciconfig_*, create_module, get_kernel_syms, _sysctl, and the
//!   kernel keyring calls (add_key, keyctl, request_key: the keyring is not namespaced; podman
//!   allows keyctl, moby does not).
//! - EPERM unless the container has the capability that makes the call legitimate (podman's
//!   `includes.caps`/`excludes.caps`, evaluated against the final capability set):
//!   open_by_handle_at (CAP_DAC_READ_SEARCH; the "shocker" container breakout),
//!   bpf, fanotify_init, lookup_dcookie, perf_event_open, quotactl, setdomainname, sethostname,
//!   setns (CAP_SYS_ADMIN), init_module, finit_module, delete_module (CAP_SYS_MODULE),
//!   get_mempolicy, mbind, set_mempolicy, move_pages, migrate_pages (CAP_SYS_NICE), acct
//!   (CAP_SYS_PACCT), ptrace, kcmp, process_vm_readv/writev, process_madvise (CAP_SYS_PTRACE, as
//!   podman; moby allows ptrace on kernels >= 4.8), iopl, ioperm (CAP_SYS_RAWIO), settimeofday,
//!   stime, clock_settime (CAP_SYS_TIME), vhangup (CAP_SYS_TTY_CONFIG), reboot (CAP_SYS_BOOT, as
//!   moby; podman lets the kernel refuse it).
//! - EINVAL for `socket(AF_NETLINK, _, NETLINK_AUDIT)` without CAP_AUDIT_WRITE (podman).
//! - ENOSYS for clone3 without CAP_SYS_ADMIN (moby), so glibc falls back to clone.
//! - Allowed, as podman allows them: mount, umount2, pivot_root, unshare, name_to_handle_at and
//!   the new mount API. Without CAP_SYS_ADMIN the kernel refuses the mounts itself, and podman
//!   permits `unshare` so that nested rootless containers work.
//! - Not filtered: `personality` arguments (podman allows only a few personas; a deny list would
//!   need several comparisons of one argument in one rule, which libseccomp-based runtimes
//!   reject), and `clone` namespace flags (podman does not filter them either).
//!
//! Compiling ([`compile`]):
//! - One program for one architecture (x86_64 or aarch64; syscall numbers from the tables below,
//!   taken from the `libc` crate). A call from another architecture (32-bit compat, `int 0x80`)
//!   kills the process, and x32 calls on x86_64 get ENOSYS, so the deny list cannot be bypassed
//!   through another syscall table. 32-bit programs therefore do not run under the filter.
//! - Rules are checked in profile order; the first whose syscall and argument conditions match
//!   decides. Conditions of one rule are and-ed (as in the OCI spec).
//! - A syscall name the architecture does not have (`_llseek`, `chown32`, `vm86` on x86_64...)
//!   is skipped, as runc and crun skip them: docker profiles list names of every architecture,
//!   so refusing them would refuse podman's own profile.
//! - Loading the program is the runtime's job (after no_new_privs, as the last step before exec).

use std::collections::HashMap;
use std::path::Path;

use oci_spec::runtime::{
    Arch, Capabilities, Capability, LinuxSeccomp, LinuxSeccompAction, LinuxSeccompArg,
    LinuxSeccompArgBuilder, LinuxSeccompFilterFlag, LinuxSeccompOperator, LinuxSyscall,
};
use seccompiler::{sock_filter, BpfProgram, TargetArch};
use serde::Deserialize;

use super::spec::Error;

const EPERM: u32 = libc::EPERM as u32;
const EINVAL: u32 = libc::EINVAL as u32;
const ENOSYS: u32 = libc::ENOSYS as u32;

/// Calls refused with EPERM to every container.
const ALWAYS_DENIED: &[&str] = &[
    "kexec_load",
    "kexec_file_load",
    "swapon",
    "swapoff",
    "userfaultfd",
    "uselib",
    "ustat",
    "sysfs",
    "nfsservctl",
    "vm86",
    "vm86old",
    "pciconfig_iobase",
    "pciconfig_read",
    "pciconfig_write",
    "create_module",
    "get_kernel_syms",
    "_sysctl",
    "add_key",
    "keyctl",
    "request_key",
];

/// Calls refused with EPERM unless the container has the capability.
const DENIED_WITHOUT_CAP: &[(Capability, &[&str])] = &[
    (Capability::DacReadSearch, &["open_by_handle_at"]),
    (
        Capability::SysAdmin,
        &[
            "bpf",
            "fanotify_init",
            "lookup_dcookie",
            "perf_event_open",
            "quotactl",
            "setdomainname",
            "sethostname",
            "setns",
        ],
    ),
    (Capability::SysModule, &["init_module", "finit_module", "delete_module", "query_module"]),
    (Capability::SysNice, &["get_mempolicy", "mbind", "set_mempolicy", "move_pages", "migrate_pages"]),
    (Capability::SysPacct, &["acct"]),
    (Capability::SysPtrace, &["ptrace", "kcmp", "process_vm_readv", "process_vm_writev", "process_madvise"]),
    (Capability::SysRawio, &["iopl", "ioperm"]),
    (Capability::SysTime, &["settimeofday", "stime", "clock_settime", "clock_settime64"]),
    (Capability::SysTtyConfig, &["vhangup"]),
    (Capability::SysBoot, &["reboot"]),
];

fn rule(
    names: &[&str],
    action: LinuxSeccompAction,
    errno: Option<u32>,
    args: Vec<LinuxSeccompArg>,
) -> LinuxSyscall {
    let mut s = LinuxSyscall::default();
    s.set_names(names.iter().map(|n| n.to_string()).collect());
    s.set_action(action);
    s.set_errno_ret(errno);
    s.set_args((!args.is_empty()).then_some(args));
    s
}

fn arg(index: usize, value: u64, op: LinuxSeccompOperator) -> LinuxSeccompArg {
    arg2(index, value, None, op)
}

fn arg2(index: usize, value: u64, value_two: Option<u64>, op: LinuxSeccompOperator) -> LinuxSeccompArg {
    let builder = LinuxSeccompArgBuilder::default().index(index).value(value).op(op);
    let builder = match value_two {
        Some(v) => builder.value_two(v),
        None => builder,
    };
    // The builder only fails on a missing field without a default; every field has one.
    builder.build().expect("LinuxSeccompArg has defaults for every field")
}

/// The default profile for a container with capability set `caps` (see the module docs).
pub fn default_profile(caps: &Capabilities) -> LinuxSeccomp {
    use LinuxSeccompAction::ScmpActErrno;
    let mut rules = vec![rule(ALWAYS_DENIED, ScmpActErrno, Some(EPERM), vec![])];
    for (cap, names) in DENIED_WITHOUT_CAP {
        if !caps.contains(cap) {
            rules.push(rule(names, ScmpActErrno, Some(EPERM), vec![]));
        }
    }
    if !caps.contains(&Capability::AuditWrite) {
        let netlink_audit = vec![
            arg(0, libc::AF_NETLINK as u64, LinuxSeccompOperator::ScmpCmpEq),
            arg(2, libc::NETLINK_AUDIT as u64, LinuxSeccompOperator::ScmpCmpEq),
        ];
        rules.push(rule(&["socket"], ScmpActErrno, Some(EINVAL), netlink_audit));
    }
    if !caps.contains(&Capability::SysAdmin) {
        rules.push(rule(&["clone3"], ScmpActErrno, Some(ENOSYS), vec![]));
    }
    let mut profile = LinuxSeccomp::default();
    profile.set_default_action(LinuxSeccompAction::ScmpActAllow);
    profile.set_architectures(Some(native_arches()));
    profile.set_syscalls(Some(rules));
    profile
}

/// The architectures of this build, as the spec names them (for external runtimes).
fn native_arches() -> Vec<Arch> {
    match std::env::consts::ARCH {
        "x86_64" => vec![Arch::ScmpArchX86_64],
        "aarch64" => vec![Arch::ScmpArchAarch64],
        "riscv64" => vec![Arch::ScmpArchRiscv64],
        _ => vec![Arch::ScmpArchNative],
    }
}

/// The name docker profiles use for this build's architecture in `includes.arches`.
fn docker_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
}

/// A docker/podman seccomp profile file, as far as skiff reads it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfileFile {
    default_action: LinuxSeccompAction,
    #[serde(default)]
    default_errno_ret: Option<u32>,
    #[serde(default)]
    architectures: Option<Vec<String>>,
    #[serde(default)]
    flags: Option<Vec<LinuxSeccompFilterFlag>>,
    #[serde(default)]
    syscalls: Option<Vec<SyscallFile>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SyscallFile {
    #[serde(default)]
    names: Option<Vec<String>>,
    #[serde(default)]
    name: Option<String>,
    action: LinuxSeccompAction,
    #[serde(default)]
    errno_ret: Option<u32>,
    #[serde(default)]
    args: Option<Vec<ArgFile>>,
    #[serde(default)]
    includes: Option<Condition>,
    #[serde(default)]
    excludes: Option<Condition>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ArgFile {
    index: usize,
    value: u64,
    #[serde(default)]
    value_two: u64,
    op: LinuxSeccompOperator,
}

/// `includes`/`excludes` of a docker profile rule. `minKernel` is not checked (the rule applies).
#[derive(Deserialize, Default)]
struct Condition {
    #[serde(default)]
    caps: Option<Vec<String>>,
    #[serde(default)]
    arches: Option<Vec<String>>,
}

fn has_cap(caps: &Capabilities, name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.strip_prefix("CAP_").unwrap_or(&upper).parse::<Capability>().is_ok_and(|c| caps.contains(&c))
}

/// Reads a docker/podman JSON profile (`defaultAction`, `defaultErrnoRet`, `architectures`,
/// `syscalls[{names|name, action, errnoRet, args, includes, excludes}]`) and keeps the rules that
/// apply to a container with `caps` on this architecture (`includes`/`excludes` of `caps` and
/// `arches`). An unreadable file or invalid JSON is an error naming the file.
pub fn load_profile(path: &Path, caps: &Capabilities) -> Result<LinuxSeccomp, Error> {
    let text = fs_err::read_to_string(path)
        .map_err(|source| Error::ReadSeccompProfile { path: path.to_path_buf(), source })?;
    let file: ProfileFile = serde_json::from_str(&text)
        .map_err(|source| Error::ParseSeccompProfile { path: path.to_path_buf(), source })?;
    Ok(convert(file, caps))
}

fn convert(file: ProfileFile, caps: &Capabilities) -> LinuxSeccomp {
    let arch = docker_arch();
    let mut rules = Vec::new();
    for s in file.syscalls.unwrap_or_default() {
        let inc = s.includes.unwrap_or_default();
        let exc = s.excludes.unwrap_or_default();
        if inc.caps.is_some_and(|c| !c.iter().all(|c| has_cap(caps, c)))
            || inc.arches.is_some_and(|a| !a.is_empty() && !a.iter().any(|a| a == arch))
            || exc.caps.is_some_and(|c| c.iter().any(|c| has_cap(caps, c)))
            || exc.arches.is_some_and(|a| a.iter().any(|a| a == arch))
        {
            continue;
        }
        let mut names = s.names.unwrap_or_default();
        names.extend(s.name);
        if names.is_empty() {
            continue;
        }
        let args: Vec<LinuxSeccompArg> = s
            .args
            .unwrap_or_default()
            .into_iter()
            .map(|a| {
                let two = (a.value_two != 0 || a.op == LinuxSeccompOperator::ScmpCmpMaskedEq)
                    .then_some(a.value_two);
                arg2(a.index, a.value, two, a.op)
            })
            .collect();
        let mut r = LinuxSyscall::default();
        r.set_names(names);
        r.set_action(s.action);
        r.set_errno_ret(s.errno_ret);
        r.set_args((!args.is_empty()).then_some(args));
        rules.push(r);
    }
    let arches: Vec<Arch> = file
        .architectures
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| serde_json::from_value(serde_json::Value::String(a)).ok())
        .collect();
    let mut profile = LinuxSeccomp::default();
    profile.set_default_action(file.default_action);
    profile.set_default_errno_ret(file.default_errno_ret);
    profile.set_architectures(Some(if arches.is_empty() { native_arches() } else { arches }));
    profile.set_flags(file.flags);
    profile.set_syscalls(Some(rules));
    profile
}

// Classic BPF opcodes (linux/filter.h) and seccomp return values (linux/seccomp.h).
const LD_W_ABS: u16 = 0x20;
const ALU_AND_K: u16 = 0x54;
const JEQ_K: u16 = 0x15;
const JGT_K: u16 = 0x25;
const JGE_K: u16 = 0x35;
const RET_K: u16 = 0x06;
const RET_KILL_PROCESS: u32 = 0x8000_0000;
const RET_ERRNO: u32 = 0x0005_0000;
/// The kernel's limit on the length of one filter (BPF_MAXINSNS).
const MAX_LEN: usize = 4096;
// struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6].
const NR_OFFSET: u32 = 0;
const ARCH_OFFSET: u32 = 4;
const ARGS_OFFSET: u32 = 16;
/// x32 syscalls on x86_64 carry this bit in their number.
const X32_SYSCALL_BIT: u32 = 0x4000_0000;

/// A jump target inside one rule's block: a fixed skip, or "this rule does not match".
#[derive(Clone, Copy)]
enum Jump {
    Skip(u8),
    Fail,
}

struct Ins {
    code: u16,
    k: u32,
    jt: Jump,
    jf: Jump,
}

fn load(offset: u32) -> Ins {
    Ins { code: LD_W_ABS, k: offset, jt: Jump::Skip(0), jf: Jump::Skip(0) }
}

fn jump(code: u16, k: u32, jt: Jump, jf: Jump) -> Ins {
    Ins { code, k, jt, jf }
}

fn stmt(code: u16, k: u32) -> sock_filter {
    sock_filter { code, jt: 0, jf: 0, k }
}

/// Appends the instructions that check one 64-bit argument condition; `Fail` leaves the rule.
/// Arguments are little-endian: the low word at the argument's offset, the high word 4 after.
fn condition(a: &LinuxSeccompArg, out: &mut Vec<Ins>) -> Result<(), String> {
    use Jump::{Fail, Skip};
    if a.index() > 5 {
        return Err(format!("argument index {} is out of range (0-5)", a.index()));
    }
    let lo_off = ARGS_OFFSET + 8 * a.index() as u32;
    let hi_off = lo_off + 4;
    let hi = |v: u64| (v >> 32) as u32;
    let lo = |v: u64| v as u32;
    let (vh, vl) = (hi(a.value()), lo(a.value()));
    match a.op() {
        LinuxSeccompOperator::ScmpCmpEq => out.extend([
            load(hi_off),
            jump(JEQ_K, vh, Skip(0), Fail),
            load(lo_off),
            jump(JEQ_K, vl, Skip(0), Fail),
        ]),
        LinuxSeccompOperator::ScmpCmpNe => out.extend([
            load(hi_off),
            jump(JEQ_K, vh, Skip(0), Skip(2)),
            load(lo_off),
            jump(JEQ_K, vl, Fail, Skip(0)),
        ]),
        LinuxSeccompOperator::ScmpCmpGt | LinuxSeccompOperator::ScmpCmpGe => {
            let low = if a.op() == LinuxSeccompOperator::ScmpCmpGt { JGT_K } else { JGE_K };
            out.extend([
                load(hi_off),
                jump(JGT_K, vh, Skip(3), Skip(0)),
                jump(JEQ_K, vh, Skip(0), Fail),
                load(lo_off),
                jump(low, vl, Skip(0), Fail),
            ])
        }
        LinuxSeccompOperator::ScmpCmpLt | LinuxSeccompOperator::ScmpCmpLe => {
            // a < v fails when a >= v: on the low word that is JGE for Lt, JGT for Le.
            let low = if a.op() == LinuxSeccompOperator::ScmpCmpLt { JGE_K } else { JGT_K };
            out.extend([
                load(hi_off),
                jump(JGT_K, vh, Fail, Skip(0)),
                jump(JEQ_K, vh, Skip(0), Skip(2)),
                load(lo_off),
                jump(low, vl, Fail, Skip(0)),
            ])
        }
        LinuxSeccompOperator::ScmpCmpMaskedEq => {
            // OCI and libseccomp: `value` is the mask, `valueTwo` the expected masked value.
            let (dh, dl) = (hi(a.value_two().unwrap_or(0)), lo(a.value_two().unwrap_or(0)));
            out.extend([
                load(hi_off),
                Ins { code: ALU_AND_K, k: vh, jt: Skip(0), jf: Skip(0) },
                jump(JEQ_K, dh, Skip(0), Fail),
                load(lo_off),
                Ins { code: ALU_AND_K, k: vl, jt: Skip(0), jf: Skip(0) },
                jump(JEQ_K, dl, Skip(0), Fail),
            ])
        }
    }
    Ok(())
}

/// The value the kernel gets back for an action; `SCMP_ACT_NOTIFY` needs a listener skiff does
/// not have.
fn action_value(action: LinuxSeccompAction, errno: Option<u32>, syscall: &str) -> Result<u32, Error> {
    match action {
        LinuxSeccompAction::ScmpActNotify => Err(Error::SeccompRule {
            syscall: syscall.to_string(),
            reason: "SCMP_ACT_NOTIFY is not supported".into(),
        }),
        LinuxSeccompAction::ScmpActErrno => Ok(RET_ERRNO | (errno.unwrap_or(EPERM) & 0xffff)),
        other => Ok(other.as_u32(errno)),
    }
}

/// Compiles `profile` into one BPF program for `arch` (see the module docs for the rules), ready
/// for `seccompiler::apply_filter`.
pub fn compile(profile: &LinuxSeccomp, arch: TargetArch) -> Result<BpfProgram, Error> {
    let (audit_arch, table) = match arch {
        TargetArch::x86_64 => (0xc000_003e_u32, X86_64_SYSCALLS),
        TargetArch::aarch64 => (0xc000_00b7_u32, AARCH64_SYSCALLS),
        other => return Err(Error::SeccompArch { arch: format!("{other:?}") }),
    };
    let numbers: HashMap<&str, u32> = table
        .split_whitespace()
        .filter_map(|pair| pair.split_once(':'))
        .filter_map(|(name, nr)| Some((name, nr.parse().ok()?)))
        .collect();
    let default = action_value(profile.default_action(), profile.default_errno_ret(), "default action")?;

    let mut prog = vec![
        stmt(LD_W_ABS, ARCH_OFFSET),
        sock_filter { code: JEQ_K, jt: 1, jf: 0, k: audit_arch },
        stmt(RET_K, RET_KILL_PROCESS),
    ];
    if arch == TargetArch::x86_64 {
        prog.extend([
            stmt(LD_W_ABS, NR_OFFSET),
            sock_filter { code: JGE_K, jt: 0, jf: 1, k: X32_SYSCALL_BIT },
            stmt(RET_K, RET_ERRNO | ENOSYS),
        ]);
    }
    for r in profile.syscalls().iter().flatten() {
        let first = r.names().first().map(String::as_str).unwrap_or("");
        let action = action_value(r.action(), r.errno_ret(), first)?;
        for name in r.names() {
            let Some(&nr) = numbers.get(name.as_str()) else {
                tracing::debug!(syscall = %name, ?arch, "seccomp: skipping a syscall this architecture does not have");
                continue;
            };
            let mut block = vec![load(NR_OFFSET), jump(JEQ_K, nr, Jump::Skip(0), Jump::Fail)];
            for a in r.args().iter().flatten() {
                condition(a, &mut block)
                    .map_err(|reason| Error::SeccompRule { syscall: name.clone(), reason })?;
            }
            let len = block.len() + 1;
            let resolve = |j: Jump, i: usize| -> Result<u8, Error> {
                match j {
                    Jump::Skip(n) => Ok(n),
                    Jump::Fail => u8::try_from(len - i - 1).map_err(|_| Error::SeccompRule {
                        syscall: name.clone(),
                        reason: "too many conditions".into(),
                    }),
                }
            };
            for (i, ins) in block.iter().enumerate() {
                prog.push(sock_filter {
                    code: ins.code,
                    jt: resolve(ins.jt, i)?,
                    jf: resolve(ins.jf, i)?,
                    k: ins.k,
                });
            }
            prog.push(stmt(RET_K, action));
        }
    }
    prog.push(stmt(RET_K, default));
    if prog.len() > MAX_LEN {
        return Err(Error::SeccompTooLarge { len: prog.len(), max: MAX_LEN });
    }
    Ok(prog)
}

/// x86_64 syscall numbers (`name:nr`), from the libc crate's `SYS_*` constants.
const X86_64_SYSCALLS: &str = "
    read:0 write:1 open:2 close:3 stat:4 fstat:5 lstat:6 poll:7 lseek:8 mmap:9 mprotect:10
    munmap:11 brk:12 rt_sigaction:13 rt_sigprocmask:14 rt_sigreturn:15 ioctl:16 pread64:17
    pwrite64:18 readv:19 writev:20 access:21 pipe:22 select:23 sched_yield:24 mremap:25 msync:26
    mincore:27 madvise:28 shmget:29 shmat:30 shmctl:31 dup:32 dup2:33 pause:34 nanosleep:35
    getitimer:36 alarm:37 setitimer:38 getpid:39 sendfile:40 socket:41 connect:42 accept:43
    sendto:44 recvfrom:45 sendmsg:46 recvmsg:47 shutdown:48 bind:49 listen:50 getsockname:51
    getpeername:52 socketpair:53 setsockopt:54 getsockopt:55 clone:56 fork:57 vfork:58 execve:59
    exit:60 wait4:61 kill:62 uname:63 semget:64 semop:65 semctl:66 shmdt:67 msgget:68 msgsnd:69
    msgrcv:70 msgctl:71 fcntl:72 flock:73 fsync:74 fdatasync:75 truncate:76 ftruncate:77
    getdents:78 getcwd:79 chdir:80 fchdir:81 rename:82 mkdir:83 rmdir:84 creat:85 link:86 unlink:87
    symlink:88 readlink:89 chmod:90 fchmod:91 chown:92 fchown:93 lchown:94 umask:95 gettimeofday:96
    getrlimit:97 getrusage:98 sysinfo:99 times:100 ptrace:101 getuid:102 syslog:103 getgid:104
    setuid:105 setgid:106 geteuid:107 getegid:108 setpgid:109 getppid:110 getpgrp:111 setsid:112
    setreuid:113 setregid:114 getgroups:115 setgroups:116 setresuid:117 getresuid:118 setresgid:119
    getresgid:120 getpgid:121 setfsuid:122 setfsgid:123 getsid:124 capget:125 capset:126
    rt_sigpending:127 rt_sigtimedwait:128 rt_sigqueueinfo:129 rt_sigsuspend:130 sigaltstack:131
    utime:132 mknod:133 uselib:134 personality:135 ustat:136 statfs:137 fstatfs:138 sysfs:139
    getpriority:140 setpriority:141 sched_setparam:142 sched_getparam:143 sched_setscheduler:144
    sched_getscheduler:145 sched_get_priority_max:146 sched_get_priority_min:147
    sched_rr_get_interval:148 mlock:149 munlock:150 mlockall:151 munlockall:152 vhangup:153
    modify_ldt:154 pivot_root:155 _sysctl:156 prctl:157 arch_prctl:158 adjtimex:159 setrlimit:160
    chroot:161 sync:162 acct:163 settimeofday:164 mount:165 umount2:166 swapon:167 swapoff:168
    reboot:169 sethostname:170 setdomainname:171 iopl:172 ioperm:173 init_module:175
    delete_module:176 quotactl:179 nfsservctl:180 getpmsg:181 putpmsg:182 afs_syscall:183
    tuxcall:184 security:185 gettid:186 readahead:187 setxattr:188 lsetxattr:189 fsetxattr:190
    getxattr:191 lgetxattr:192 fgetxattr:193 listxattr:194 llistxattr:195 flistxattr:196
    removexattr:197 lremovexattr:198 fremovexattr:199 tkill:200 time:201 futex:202
    sched_setaffinity:203 sched_getaffinity:204 set_thread_area:205 io_setup:206 io_destroy:207
    io_getevents:208 io_submit:209 io_cancel:210 get_thread_area:211 lookup_dcookie:212
    epoll_create:213 epoll_ctl_old:214 epoll_wait_old:215 remap_file_pages:216 getdents64:217
    set_tid_address:218 restart_syscall:219 semtimedop:220 fadvise64:221 timer_create:222
    timer_settime:223 timer_gettime:224 timer_getoverrun:225 timer_delete:226 clock_settime:227
    clock_gettime:228 clock_getres:229 clock_nanosleep:230 exit_group:231 epoll_wait:232
    epoll_ctl:233 tgkill:234 utimes:235 vserver:236 mbind:237 set_mempolicy:238 get_mempolicy:239
    mq_open:240 mq_unlink:241 mq_timedsend:242 mq_timedreceive:243 mq_notify:244 mq_getsetattr:245
    kexec_load:246 waitid:247 add_key:248 request_key:249 keyctl:250 ioprio_set:251 ioprio_get:252
    inotify_init:253 inotify_add_watch:254 inotify_rm_watch:255 migrate_pages:256 openat:257
    mkdirat:258 mknodat:259 fchownat:260 futimesat:261 newfstatat:262 unlinkat:263 renameat:264
    linkat:265 symlinkat:266 readlinkat:267 fchmodat:268 faccessat:269 pselect6:270 ppoll:271
    unshare:272 set_robust_list:273 get_robust_list:274 splice:275 tee:276 sync_file_range:277
    vmsplice:278 move_pages:279 utimensat:280 epoll_pwait:281 signalfd:282 timerfd_create:283
    eventfd:284 fallocate:285 timerfd_settime:286 timerfd_gettime:287 accept4:288 signalfd4:289
    eventfd2:290 epoll_create1:291 dup3:292 pipe2:293 inotify_init1:294 preadv:295 pwritev:296
    rt_tgsigqueueinfo:297 perf_event_open:298 recvmmsg:299 fanotify_init:300 fanotify_mark:301
    prlimit64:302 name_to_handle_at:303 open_by_handle_at:304 clock_adjtime:305 syncfs:306
    sendmmsg:307 setns:308 getcpu:309 process_vm_readv:310 process_vm_writev:311 kcmp:312
    finit_module:313 sched_setattr:314 sched_getattr:315 renameat2:316 seccomp:317 getrandom:318
    memfd_create:319 kexec_file_load:320 bpf:321 execveat:322 userfaultfd:323 membarrier:324
    mlock2:325 copy_file_range:326 preadv2:327 pwritev2:328 pkey_mprotect:329 pkey_alloc:330
    pkey_free:331 statx:332 rseq:334 pidfd_send_signal:424 io_uring_setup:425 io_uring_enter:426
    io_uring_register:427 open_tree:428 move_mount:429 fsopen:430 fsconfig:431 fsmount:432
    fspick:433 pidfd_open:434 clone3:435 close_range:436 openat2:437 pidfd_getfd:438 faccessat2:439
    process_madvise:440 epoll_pwait2:441 mount_setattr:442 quotactl_fd:443
    landlock_create_ruleset:444 landlock_add_rule:445 landlock_restrict_self:446 memfd_secret:447
    process_mrelease:448 futex_waitv:449 set_mempolicy_home_node:450 fchmodat2:452 mseal:462";

/// aarch64 syscall numbers (`name:nr`), from the libc crate's `SYS_*` constants.
const AARCH64_SYSCALLS: &str = "
    io_setup:0 io_destroy:1 io_submit:2 io_cancel:3 io_getevents:4 setxattr:5 lsetxattr:6
    fsetxattr:7 getxattr:8 lgetxattr:9 fgetxattr:10 listxattr:11 llistxattr:12 flistxattr:13
    removexattr:14 lremovexattr:15 fremovexattr:16 getcwd:17 lookup_dcookie:18 eventfd2:19
    epoll_create1:20 epoll_ctl:21 epoll_pwait:22 dup:23 dup3:24 fcntl:25 inotify_init1:26
    inotify_add_watch:27 inotify_rm_watch:28 ioctl:29 ioprio_set:30 ioprio_get:31 flock:32
    mknodat:33 mkdirat:34 unlinkat:35 symlinkat:36 linkat:37 umount2:39 mount:40 pivot_root:41
    nfsservctl:42 statfs:43 fstatfs:44 truncate:45 ftruncate:46 fallocate:47 faccessat:48 chdir:49
    fchdir:50 chroot:51 fchmod:52 fchmodat:53 fchownat:54 fchown:55 openat:56 close:57 vhangup:58
    pipe2:59 quotactl:60 getdents64:61 lseek:62 read:63 write:64 readv:65 writev:66 pread64:67
    pwrite64:68 preadv:69 pwritev:70 sendfile:71 pselect6:72 ppoll:73 signalfd4:74 vmsplice:75
    splice:76 tee:77 readlinkat:78 newfstatat:79 fstat:80 sync:81 fsync:82 fdatasync:83
    timerfd_create:85 timerfd_settime:86 timerfd_gettime:87 utimensat:88 acct:89 capget:90
    capset:91 personality:92 exit:93 exit_group:94 waitid:95 set_tid_address:96 unshare:97 futex:98
    set_robust_list:99 get_robust_list:100 nanosleep:101 getitimer:102 setitimer:103 kexec_load:104
    init_module:105 delete_module:106 timer_create:107 timer_gettime:108 timer_getoverrun:109
    timer_settime:110 timer_delete:111 clock_settime:112 clock_gettime:113 clock_getres:114
    clock_nanosleep:115 syslog:116 ptrace:117 sched_setparam:118 sched_setscheduler:119
    sched_getscheduler:120 sched_getparam:121 sched_setaffinity:122 sched_getaffinity:123
    sched_yield:124 sched_get_priority_max:125 sched_get_priority_min:126 sched_rr_get_interval:127
    restart_syscall:128 kill:129 tkill:130 tgkill:131 sigaltstack:132 rt_sigsuspend:133
    rt_sigaction:134 rt_sigprocmask:135 rt_sigpending:136 rt_sigtimedwait:137 rt_sigqueueinfo:138
    rt_sigreturn:139 setpriority:140 getpriority:141 reboot:142 setregid:143 setgid:144
    setreuid:145 setuid:146 setresuid:147 getresuid:148 setresgid:149 getresgid:150 setfsuid:151
    setfsgid:152 times:153 setpgid:154 getpgid:155 getsid:156 setsid:157 getgroups:158
    setgroups:159 uname:160 sethostname:161 setdomainname:162 getrusage:165 umask:166 prctl:167
    getcpu:168 gettimeofday:169 settimeofday:170 adjtimex:171 getpid:172 getppid:173 getuid:174
    geteuid:175 getgid:176 getegid:177 gettid:178 sysinfo:179 mq_open:180 mq_unlink:181
    mq_timedsend:182 mq_timedreceive:183 mq_notify:184 mq_getsetattr:185 msgget:186 msgctl:187
    msgrcv:188 msgsnd:189 semget:190 semctl:191 semtimedop:192 semop:193 shmget:194 shmctl:195
    shmat:196 shmdt:197 socket:198 socketpair:199 bind:200 listen:201 accept:202 connect:203
    getsockname:204 getpeername:205 sendto:206 recvfrom:207 setsockopt:208 getsockopt:209
    shutdown:210 sendmsg:211 recvmsg:212 readahead:213 brk:214 munmap:215 mremap:216 add_key:217
    request_key:218 keyctl:219 clone:220 execve:221 mmap:222 fadvise64:223 swapon:224 swapoff:225
    mprotect:226 msync:227 mlock:228 munlock:229 mlockall:230 munlockall:231 mincore:232
    madvise:233 remap_file_pages:234 mbind:235 get_mempolicy:236 set_mempolicy:237
    migrate_pages:238 move_pages:239 rt_tgsigqueueinfo:240 perf_event_open:241 accept4:242
    recvmmsg:243 wait4:260 prlimit64:261 fanotify_init:262 fanotify_mark:263 name_to_handle_at:264
    open_by_handle_at:265 clock_adjtime:266 syncfs:267 setns:268 sendmmsg:269 process_vm_readv:270
    process_vm_writev:271 kcmp:272 finit_module:273 sched_setattr:274 sched_getattr:275
    renameat2:276 seccomp:277 getrandom:278 memfd_create:279 bpf:280 execveat:281 userfaultfd:282
    membarrier:283 mlock2:284 copy_file_range:285 preadv2:286 pwritev2:287 pkey_mprotect:288
    pkey_alloc:289 pkey_free:290 statx:291 rseq:293 kexec_file_load:294 pidfd_send_signal:424
    io_uring_setup:425 io_uring_enter:426 io_uring_register:427 open_tree:428 move_mount:429
    fsopen:430 fsconfig:431 fsmount:432 fspick:433 pidfd_open:434 clone3:435 close_range:436
    openat2:437 pidfd_getfd:438 faccessat2:439 process_madvise:440 epoll_pwait2:441
    mount_setattr:442 quotactl_fd:443 landlock_create_ruleset:444 landlock_add_rule:445
    landlock_restrict_self:446 memfd_secret:447 process_mrelease:448 futex_waitv:449
    set_mempolicy_home_node:450 mseal:462";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const X86_64: u32 = 0xc000_003e;
    const ALLOW: u32 = 0x7fff_0000;

    /// A classic-BPF interpreter for the instructions [`compile`] emits, so tests can ask the
    /// program what it would answer without loading it into the kernel.
    fn run(prog: &[sock_filter], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
        let mut data = [0u8; 64];
        data[0..4].copy_from_slice(&nr.to_le_bytes());
        data[4..8].copy_from_slice(&arch.to_le_bytes());
        for (i, a) in args.iter().enumerate() {
            data[16 + 8 * i..24 + 8 * i].copy_from_slice(&a.to_le_bytes());
        }
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let ins = &prog[pc];
            pc += 1;
            let jump = |cond: bool| if cond { ins.jt as usize } else { ins.jf as usize };
            match ins.code {
                LD_W_ABS => {
                    let k = ins.k as usize;
                    acc = u32::from_le_bytes(data[k..k + 4].try_into().unwrap());
                }
                ALU_AND_K => acc &= ins.k,
                JEQ_K => pc += jump(acc == ins.k),
                JGT_K => pc += jump(acc > ins.k),
                JGE_K => pc += jump(acc >= ins.k),
                RET_K => return ins.k,
                other => panic!("unexpected opcode {other:#x}"),
            }
        }
    }

    fn nr(name: &str) -> u32 {
        X86_64_SYSCALLS
            .split_whitespace()
            .find_map(|p| p.strip_prefix(&format!("{name}:")))
            .unwrap()
            .parse()
            .unwrap()
    }

    fn default_caps() -> Capabilities {
        super::super::spec::capability_set(&[], &[]).unwrap()
    }

    #[test]
    fn default_profile_compiles_and_denies() {
        let profile = default_profile(&default_caps());
        for arch in [TargetArch::x86_64, TargetArch::aarch64] {
            let prog = compile(&profile, arch).unwrap();
            assert!(prog.len() < MAX_LEN);
        }
        let prog = compile(&profile, TargetArch::x86_64).unwrap();
        let call = |name: &str, args: [u64; 6]| run(&prog, X86_64, nr(name), args);
        for denied in
            ["kexec_load", "init_module", "open_by_handle_at", "keyctl", "bpf", "ptrace", "reboot", "setns"]
        {
            assert_eq!(call(denied, [0; 6]), RET_ERRNO | EPERM, "{denied}");
        }
        for allowed in ["read", "execve", "mount", "unshare", "chroot", "clone", "personality"] {
            assert_eq!(call(allowed, [0; 6]), ALLOW, "{allowed}");
        }
        assert_eq!(call("clone3", [0; 6]), RET_ERRNO | ENOSYS);
        // socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT) only
        assert_eq!(call("socket", [16, 3, 9, 0, 0, 0]), RET_ERRNO | EINVAL);
        assert_eq!(call("socket", [16, 3, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call("socket", [2, 1, 9, 0, 0, 0]), ALLOW);
        // the high word counts too
        assert_eq!(call("socket", [16 | 1 << 32, 3, 9, 0, 0, 0]), ALLOW);
        // other architectures and x32 cannot go around the deny list
        assert_eq!(run(&prog, 0x4000_0003, nr("read"), [0; 6]), RET_KILL_PROCESS);
        assert_eq!(run(&prog, X86_64, nr("kexec_load") | X32_SYSCALL_BIT, [0; 6]), RET_ERRNO | ENOSYS);
    }

    #[test]
    fn capabilities_lift_their_rules() {
        let mut caps = default_caps();
        caps.insert(Capability::SysPtrace);
        caps.insert(Capability::SysAdmin);
        let prog = compile(&default_profile(&caps), TargetArch::x86_64).unwrap();
        assert_eq!(run(&prog, X86_64, nr("ptrace"), [0; 6]), ALLOW);
        assert_eq!(run(&prog, X86_64, nr("clone3"), [0; 6]), ALLOW);
        assert_eq!(run(&prog, X86_64, nr("kexec_load"), [0; 6]), RET_ERRNO | EPERM);
    }

    fn profile(json: &str) -> LinuxSeccomp {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs_err::write(&path, json).unwrap();
        load_profile(&path, &default_caps()).unwrap()
    }

    #[test]
    fn custom_profile_allow_list_with_args_and_unknown_names() {
        let p = profile(
            r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
                "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
                "syscalls": [
                  {"names": ["read", "write", "_llseek", "no_such_call"], "action": "SCMP_ACT_ALLOW", "args": null},
                  {"name": "personality", "action": "SCMP_ACT_ALLOW",
                   "args": [{"index": 0, "value": 8, "valueTwo": 0, "op": "SCMP_CMP_EQ"}]},
                  {"names": ["prctl"], "action": "SCMP_ACT_ALLOW",
                   "args": [{"index": 0, "value": 100, "op": "SCMP_CMP_LT"}]},
                  {"names": ["mmap"], "action": "SCMP_ACT_ALLOW",
                   "args": [{"index": 2, "value": 4, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}]},
                  {"names": ["bpf"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
                  {"names": ["chroot"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_CHROOT"]}},
                  {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_KILL"]}},
                  {"names": ["sync"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["s390x"]}}
                ]}"#,
        );
        let names: HashSet<&str> =
            p.syscalls().iter().flatten().flat_map(|s| s.names().iter().map(String::as_str)).collect();
        assert!(
            names.contains("chroot")
                && !names.contains("bpf")
                && !names.contains("ptrace")
                && !names.contains("sync")
        );
        let prog = compile(&p, TargetArch::x86_64).unwrap();
        let call = |name: &str, args: [u64; 6]| run(&prog, X86_64, nr(name), args);
        let enosys = RET_ERRNO | ENOSYS;
        assert_eq!(call("read", [0; 6]), ALLOW);
        assert_eq!(call("open", [0; 6]), enosys);
        assert_eq!(call("personality", [8, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call("personality", [9, 0, 0, 0, 0, 0]), enosys);
        assert_eq!(call("prctl", [99, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call("prctl", [100, 0, 0, 0, 0, 0]), enosys);
        assert_eq!(call("prctl", [1 << 32, 0, 0, 0, 0, 0]), enosys);
        assert_eq!(call("mmap", [0, 0, 3, 0, 0, 0]), ALLOW);
        assert_eq!(call("mmap", [0, 0, 7, 0, 0, 0]), enosys);
        assert_eq!(call("chroot", [0; 6]), ALLOW);
    }

    #[test]
    fn comparisons_on_64_bit_values() {
        use LinuxSeccompOperator::*;
        type Case = (LinuxSeccompOperator, u64, &'static [(u64, bool)]);
        let cases: &[Case] = &[
            (ScmpCmpNe, 5, &[(5, false), (6, true), (5 | 1 << 32, true)]),
            (
                ScmpCmpGt,
                1 << 32,
                &[(1 << 32, false), ((1 << 32) + 1, true), (2 << 32, true), (u32::MAX as u64, false)],
            ),
            (ScmpCmpGe, 7, &[(6, false), (7, true), (1 << 40, true)]),
            (
                ScmpCmpLe,
                (1 << 32) + 5,
                &[(5, true), ((1 << 32) + 5, true), ((1 << 32) + 6, false), (2 << 32, false)],
            ),
        ];
        for (op, value, checks) in cases {
            let mut p = LinuxSeccomp::default();
            p.set_default_action(LinuxSeccompAction::ScmpActAllow);
            p.set_syscalls(Some(vec![rule(
                &["read"],
                LinuxSeccompAction::ScmpActErrno,
                Some(EPERM),
                vec![arg(1, *value, *op)],
            )]));
            let prog = compile(&p, TargetArch::x86_64).unwrap();
            for (a, matches) in *checks {
                let got = run(&prog, X86_64, nr("read"), [0, *a, 0, 0, 0, 0]);
                assert_eq!(got == RET_ERRNO | EPERM, *matches, "{op:?} {value:#x} vs {a:#x}");
            }
        }
    }

    #[test]
    fn profile_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs_err::write(&path, r#"{"defaultAction": "SCMP_ACT_FLY"}"#).unwrap();
        let e = load_profile(&path, &default_caps()).unwrap_err();
        assert!(matches!(e, Error::ParseSeccompProfile { .. }) && e.to_string().contains("p.json"), "{e}");
        let mut p = LinuxSeccomp::default();
        p.set_syscalls(Some(vec![rule(&["read"], LinuxSeccompAction::ScmpActNotify, None, vec![])]));
        assert!(compile(&p, TargetArch::x86_64).unwrap_err().to_string().contains("SCMP_ACT_NOTIFY"));
        p.set_syscalls(Some(vec![rule(
            &["read"],
            LinuxSeccompAction::ScmpActErrno,
            None,
            vec![arg(6, 0, LinuxSeccompOperator::ScmpCmpEq)],
        )]));
        assert_eq!(
            compile(&p, TargetArch::x86_64).unwrap_err().to_string(),
            "seccomp: read: argument index 6 is out of range (0-5)"
        );
        assert!(matches!(compile(&p, TargetArch::riscv64), Err(Error::SeccompArch { .. })));
    }
}
