//! What the supervisor's start-up leaves resident, given back once the container runs (issue 16:
//! one supervisor lives as long as each container, so its resident set is paid per container).
//!
//! [`release_startup`] does two things, both real savings and neither hiding anything:
//! - `malloc_trim(0)`: the start-up's freed heap (the spec, seccomp, the ready report) goes back
//!   to the kernel;
//! - the page-table entries of the clean file-backed mappings (the code and read-only data of
//!   skiff and of the shared libraries, which the start-up ran through: the spec, namespaces,
//!   mounts, seccomp, the first start) are dropped with `madvise(MADV_DONTNEED)`. Those pages
//!   stay in the page cache, shared with every other skiff process; the supervisor faults back
//!   in (minor faults, no I/O) the few it runs again (its poll loop, the log, the healthcheck),
//!   so its RSS afterwards is its working set (rounded up by the kernel's fault-around, which maps
//!   the cached neighbours of each page faulted back in: up to 64 KiB each), not the path it took
//!   to get there. A mapping with
//!   private (copy-on-write) pages, such as relocated read-only data, is never touched: dropping
//!   those would lose their contents.
//!
//! What stays private (measured on a release build, bench/RESULTS-issue16.md): mostly the
//! relocated `.data.rel.ro` and `.got` of the position-independent binary (~0.6 MB that the
//! dynamic loader writes at start), then ~0.1 MB of heap and ~0.07 MB of stack.
#![allow(unsafe_code)]

/// A mapping of `/proc/self/smaps` whose pages all come from its file unchanged.
#[derive(Debug, PartialEq, Eq)]
struct Clean {
    start: usize,
    end: usize,
}

/// The clean file-backed mappings of an smaps text: not writable, backed by a file (inode not 0),
/// no anonymous (copy-on-write) pages, and resident.
fn clean_mappings(smaps: &str) -> Vec<Clean> {
    let mut out = Vec::new();
    let mut current: Option<(Clean, bool)> = None;
    let mut anonymous = 0u64;
    let mut rss = 0u64;
    let mut flush = |current: &mut Option<(Clean, bool)>, anonymous: u64, rss: u64| {
        if let Some((m, eligible)) = current.take() {
            if eligible && anonymous == 0 && rss > 0 {
                out.push(m);
            }
        }
    };
    for line in smaps.lines() {
        let mut words = line.split_ascii_whitespace();
        let Some(first) = words.next() else { continue };
        if let Some((a, b)) = first.split_once('-').filter(|_| !first.ends_with(':')) {
            let (Ok(start), Ok(end)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16)) else {
                continue;
            };
            flush(&mut current, anonymous, rss);
            let perms = words.next().unwrap_or("");
            let _offset = words.next();
            let _dev = words.next();
            let inode = words.next().unwrap_or("0");
            let path = words.next().unwrap_or("");
            let eligible = perms.len() == 4
                && perms.as_bytes()[1] != b'w'
                && perms.as_bytes()[3] == b'p'
                && inode != "0"
                && path.starts_with('/');
            current = Some((Clean { start, end }, eligible));
            anonymous = 0;
            rss = 0;
        } else if first == "Anonymous:" {
            anonymous = words.next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
        } else if first == "Rss:" {
            rss = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        }
    }
    flush(&mut current, anonymous, rss);
    out
}

/// Drops the page-table entries of the clean file-backed mappings (see the module documentation)
/// and returns the start-up's free heap; returns how many mappings were dropped.
pub fn release_startup() -> usize {
    let dropped = match fs_err::read_to_string("/proc/self/smaps") {
        Ok(smaps) => {
            let clean = clean_mappings(&smaps);
            drop(smaps);
            for m in &clean {
                // SAFETY: the range is a whole private mapping of this process whose pages are
                // all the file's own (no anonymous copy): after MADV_DONTNEED the next access
                // reads the same bytes from the file, so no code or data changes under anyone.
                unsafe {
                    libc::madvise(m.start as *mut libc::c_void, m.end - m.start, libc::MADV_DONTNEED);
                }
            }
            clean.len()
        }
        Err(e) => {
            tracing::debug!("cannot read /proc/self/smaps: {e}");
            0
        }
    };
    // SAFETY: malloc_trim only returns free heap pages; no pointer is touched.
    unsafe {
        libc::malloc_trim(0);
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
55cc3f840000-55cc3fbb5000 r--p 00000000 fe:00 10805254                   /usr/bin/skiff
Size:               3540 kB
Rss:                1280 kB
Anonymous:             0 kB
55cc3fbb5000-55cc4068b000 r-xp 00374000 fe:00 10805254                   /usr/bin/skiff
Rss:                6352 kB
Anonymous:             0 kB
55cc4068b000-55cc40704000 r--p 00e49000 fe:00 10805254                   /usr/bin/skiff
Rss:                 484 kB
Anonymous:           484 kB
55cc40704000-55cc40707000 rw-p 00ec1000 fe:00 10805254                   /usr/bin/skiff
Rss:                  12 kB
Anonymous:            12 kB
55cc702df000-55cc703ad000 rw-p 00000000 00:00 0                          [heap]
Rss:                 792 kB
Anonymous:           792 kB
7fa0d5799000-7fa0d58ef000 r-xp 00026000 fe:00 326279                     /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                1112 kB
Anonymous:             0 kB
7fa0d5a38000-7fa0d5a4f000 r-xp 00003000 fe:00 326426                     /usr/lib/libgcc_s.so.1
Rss:                   0 kB
Anonymous:             0 kB
7fa0d5a66000-7fa0d5a68000 r-xp 00000000 00:00 0                          [vdso]
Rss:                   4 kB
Anonymous:             0 kB
7fa0d5a69000-7fa0d5a8f000 r-xp 00001000 fe:00 325843                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
Rss:                 152 kB
Anonymous:             0 kB
";

    #[test]
    fn only_clean_resident_file_mappings_are_dropped() {
        let got = clean_mappings(SMAPS);
        assert_eq!(
            got,
            [
                Clean { start: 0x55cc3f840000, end: 0x55cc3fbb5000 },
                Clean { start: 0x55cc3fbb5000, end: 0x55cc4068b000 },
                Clean { start: 0x7fa0d5799000, end: 0x7fa0d58ef000 },
                Clean { start: 0x7fa0d5a69000, end: 0x7fa0d5a8f000 },
            ],
            "not the relocated read-only data, the writable data, the heap, an untouched library \
             or the vdso"
        );
        assert!(clean_mappings("").is_empty());
        let unknown = "7f00-7f10 r-xp 0 fe:00 1 /lib/x.so\nRss: 4 kB\nAnonymous: x kB\n";
        assert!(clean_mappings(unknown).is_empty(), "an unreadable count is not taken for 0");
    }

    #[test]
    fn the_running_process_survives_its_release() {
        let before = std::hint::black_box(vec![1u8; 4096]);
        assert!(release_startup() > 0, "a test binary has clean code mappings");
        let text = format!("{}", before.iter().map(|b| *b as u32).sum::<u32>());
        assert_eq!(text, "4096", "code and data read back from their files after the drop");
    }
}
