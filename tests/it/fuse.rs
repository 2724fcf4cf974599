//! skiff's fuse-overlay storage driver: the same POSIX operations inside containers give the
//! same results on the kernel overlay and on fuse-overlay (contents, modes, ids, links, and the
//! whiteouts and opaque directories written to the upper directory), a build-like workload runs
//! on it, and a killed server leaves `ps` and `rm` working.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::fixtures::fixtures;
use crate::util::{require_program, Skiff};

const TLS: &str = "--tls-verify=false";

/// Operations on the `multi` image's layers (lower hardlinks, a whiteout, an opaque directory,
/// a set-uid file) and on new files, printing what a user would check.
const POSIX_SCRIPT: &str = r#"
cd /data
echo hi > newfile; chmod 640 newfile; chown 1000:1000 newfile
echo more >> keep; cat keep hard
rm owned-nobody
mv link link2; readlink link2
mkdir -p newdir/sub; echo x > newdir/sub/f; mv newdir newdir2
mv dir dir2 && ls dir2
rmdir empty; mkdir empty; touch empty/e
ln newfile newlink; echo y >> newlink; cat newfile
ln -s somewhere sym
mkfifo fifo
mknod nod c 1 3 2>/dev/null || echo mknod refused
chmod 700 /usr/bin/suid; chown 1000 owned-app
dd if=/dev/zero of=big bs=1024 count=300 2>/dev/null; dd if=/dev/zero of=big bs=1 count=0 seek=1000 2>/dev/null
mkdir -p /data/deep/a/b/c; mv /data/deep/a /data/deep/z
echo appended >> /etc/passwd
echo short > /data/old; cat /data/old; echo shorter > newfile
rm -r /home
cd /
for f in $(find /data /usr/bin /etc /home 2>/dev/null | sort); do
  if [ -d "$f" ]; then stat -c '%n %F %a %u:%g' "$f"; else stat -c '%n %F %a %u:%g %s %h' "$f"; fi
done
cat /data/newlink /data/keep
test ! -e /data/gone && test ! -e /home && echo whiteouts hold
ls -a /data/dir2 /data/empty
"#;

/// Lists a directory tree: path, type, mode, owner, size and content digest of files, device
/// numbers of character devices (whiteouts are 0:0), and whether a directory is opaque.
const LIST_UPPER: &str = r#"
import hashlib, os, stat, sys
root = sys.argv[1]
for dirpath, dirs, files in os.walk(root):
    dirs.sort()
    for name in sorted(dirs + files):
        p = os.path.join(dirpath, name)
        st = os.lstat(p)
        line = [os.path.relpath(p, root), stat.filemode(st.st_mode), f"{st.st_uid}:{st.st_gid}"]
        if stat.S_ISREG(st.st_mode):
            line.append(str(st.st_size))
            line.append(hashlib.sha256(open(p, "rb").read()).hexdigest()[:12])
        if stat.S_ISCHR(st.st_mode):
            line.append(f"{os.major(st.st_rdev)}:{os.minor(st.st_rdev)}")
        if stat.S_ISLNK(st.st_mode):
            line.append(os.readlink(p))
        if stat.S_ISDIR(st.st_mode):
            try:
                if os.getxattr(p, "user.overlay.opaque", follow_symlinks=False) == b"y":
                    line.append("opaque")
            except OSError:
                pass
        print(" ".join(line))
"#;

/// Runs [`POSIX_SCRIPT`] in a container on `driver`; returns its output and the listing of the
/// container's upper directory.
fn posix_run(driver: &str) -> (String, String) {
    let python = require_program("python3", "python3");
    let s = Skiff::new();
    let out = s.cmd(&[
        "--storage-driver",
        driver,
        "run",
        TLS,
        "--name",
        "posix",
        &fixtures().multi.reference,
        "sh",
        "-c",
        POSIX_SCRIPT,
    ]);
    out.assert_success();
    let json = s.cmd(&["ps", "-a", "--format", "json"]).assert_success().json();
    let id = json[0]["Id"].as_str().unwrap().to_string();
    let upper = s.root().join("containers").join(&id).join("upper");
    let script = s.dir().join("list.py");
    fs_err::write(&script, LIST_UPPER).unwrap();
    let listing = s.unshare(&[python.to_str().unwrap(), script.to_str().unwrap(), upper.to_str().unwrap()]);
    listing.assert_success();
    s.cmd(&["rm", "posix"]).assert_success();
    (out.stdout.clone(), listing.stdout.clone())
}

#[test]
fn posix_operations_give_the_same_results_on_kernel_overlay_and_fuse_overlay() {
    let (kernel_out, kernel_upper) = posix_run("overlay");
    let (fuse_out, fuse_upper) = posix_run("fuse-overlay");
    // What the script saw: sanity of a few facts, then the same everything.
    assert!(kernel_out.contains("keep\nmore\nkeep\n"), "{kernel_out}");
    assert!(kernel_out.contains("mknod refused"), "{kernel_out}");
    assert!(kernel_out.contains("whiteouts hold"), "{kernel_out}");
    assert_eq!(fuse_out, kernel_out, "the container saw different results on fuse-overlay");
    // The upper directories: whiteouts, opaque directories, copies, ids and modes.
    assert!(kernel_upper.contains("data/owned-nobody c--------- 0:0 0:0"), "{kernel_upper}");
    assert!(kernel_upper.contains("data/empty drwxr-xr-x 0:0 opaque"), "{kernel_upper}");
    assert_eq!(fuse_upper, kernel_upper, "fuse-overlay wrote a different upper directory");
}

/// Finds the pid of the fuse-overlay server serving `merged`.
fn server_pid(merged: &Path) -> Option<i32> {
    let want = merged.to_str().unwrap();
    fs_err::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: i32 = e.file_name().to_str()?.parse().ok()?;
        let cmdline = fs_err::read(e.path().join("cmdline")).ok()?;
        let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        let serving = args.contains(&b"fuse-overlay-serve".as_slice()) && args.contains(&want.as_bytes());
        serving.then_some(pid)
    })
}

fn wait_for(limit: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_build_like_workload_runs_on_fuse_overlay_as_an_unprivileged_user() {
    let s = Skiff::new();
    let info = s.cmd(&["--storage-driver", "fuse-overlay", "info", "--format", "{{.Store.Driver}}"]);
    info.assert_success().assert_stdout_eq("fuse-overlay");
    let script = r#"
set -e
mkdir -p /src /build && cd /src
for d in $(seq 1 20); do mkdir d$d; for f in $(seq 1 150); do echo "file $d $f" > d$d/f$f.c; done; done
for d in $(seq 1 20); do for f in $(seq 1 150); do mv d$d/f$f.c d$d/f$f.o; done; done
for d in $(seq 1 20); do for f in $(seq 1 75); do rm d$d/f$f.o; done; done
echo built: $(find /src -type f | wc -l)
cd / && busybox tar -cf /build/src.tar src bin/busybox
mkdir /unpacked && busybox tar -xf /build/src.tar -C /unpacked
echo unpacked: $(find /unpacked -type f | wc -l)
cmp /bin/busybox /unpacked/bin/busybox && echo same busybox
cat /unpacked/src/d20/f150.o
rm -r /src /unpacked
echo left: $(find / -xdev -name '*.o' | wc -l)
"#;
    let out = s.cmd(&[
        "--storage-driver",
        "fuse-overlay",
        "run",
        TLS,
        "--rm",
        &fixtures().busybox.reference,
        "sh",
        "-c",
        script,
    ]);
    out.assert_success().assert_stdout_eq("built: 1500\nunpacked: 1501\nsame busybox\nfile 20 150\nleft: 0");
    // The default user of the image and a named one work too, with the image's own ids.
    let out = s.cmd(&[
        "--storage-driver",
        "fuse-overlay",
        "run",
        TLS,
        "--rm",
        "-u",
        "app",
        &fixtures().multi.reference,
        "sh",
        "-c",
        "id -u; cat /data/owned-app; echo mine > /home/app/f; stat -c '%u:%g' /home/app/f; echo no > /data/keep || echo refused",
    ]);
    out.assert_success();
    assert_eq!(out.stdout.lines().take(3).collect::<Vec<_>>(), ["1000", "app", "1000:1000"]);
    assert!(out.stdout.contains("refused"), "{}", out.stdout);
    assert!(out.stderr.contains("Permission denied"), "{}", out.stderr);
}

#[test]
fn a_killed_fuse_server_leaves_ps_and_rm_working() {
    let s = Skiff::new();
    let out = s.cmd(&[
        "--storage-driver",
        "fuse-overlay",
        "run",
        TLS,
        "-d",
        "--name",
        "victim",
        &fixtures().busybox.reference,
        "sleep",
        "600",
    ]);
    let id = out.assert_success().stdout_trimmed().to_string();
    let merged = s.root().join("containers").join(&id).join("merged");
    let pid = server_pid(&merged).expect("a fuse-overlay server for the container");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).unwrap();
    wait_for(Duration::from_secs(5), "the server to die", || server_pid(&merged).is_none());
    s.cmd(&["ps", "-a"]).assert_success().assert_stdout_contains("victim");
    s.cmd(&["rm", "-f", "victim"]).assert_success().assert_stdout_eq("victim");
    assert!(s.cmd(&["ps", "-a", "-q"]).assert_success().stdout.is_empty());
    assert!(!s.root().join("containers").join(&id).exists());
}

#[test]
fn the_fuse_server_exits_with_its_container() {
    let s = Skiff::new();
    let out = s.cmd(&[
        "--storage-driver",
        "fuse-overlay",
        "run",
        TLS,
        "-d",
        "--name",
        "short",
        &fixtures().busybox.reference,
        "sh",
        "-c",
        "echo data > /f; sleep 1",
    ]);
    let id = out.assert_success().stdout_trimmed().to_string();
    let merged = s.root().join("containers").join(&id).join("merged");
    wait_for(Duration::from_secs(20), "the container to exit", || {
        s.cmd(&["ps", "-a"]).stdout.contains("Exited (0)")
    });
    wait_for(Duration::from_secs(10), "the fuse-overlay server to exit", || server_pid(&merged).is_none());
    let upper = s.root().join("containers").join(&id).join("upper");
    s.unshare(&["cat", upper.join("f").to_str().unwrap()]).assert_success().assert_stdout_eq("data");
    s.cmd(&["rm", "short"]).assert_success();
}
