//! The client's terminal while attached to a container: raw mode (restored by a guard on every
//! way out), and the detach keys (`--detach-keys`, default ctrl-p,ctrl-q): their parser and the
//! matcher that takes them out of the stdin stream.
//!
//! The window size is sent by the attach loop of the supervisor's client itself, which sees
//! SIGWINCH; `exec -t`'s relay asks [`window_size`] on each SIGWINCH.

use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use rustix::termios::{self, OptionalActions, Termios};

use crate::engine::terminal::InputFilter;

/// podman's default detach keys.
pub const DEFAULT_DETACH_KEYS: &str = "ctrl-p,ctrl-q";

/// A `--detach-keys` value that cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid detach keys {keys:?}: {reason}; use a comma-separated list of single characters and ctrl-<a-z|@|[|\\|]|^|_>, e.g. \"ctrl-p,ctrl-q\" (\"\" disables detaching)")]
pub struct DetachKeysError {
    pub keys: String,
    pub reason: String,
}

/// Parses a detach-key sequence such as `ctrl-p,ctrl-q` or `ctrl-a,x` into the bytes a terminal
/// sends for it. The empty string disables detaching (an empty sequence).
pub fn parse_detach_keys(keys: &str) -> Result<Vec<u8>, DetachKeysError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let err = |reason: String| DetachKeysError { keys: keys.to_string(), reason };
    keys.split(',')
        .map(|key| {
            if let Some(name) = key.strip_prefix("ctrl-") {
                let b = match name.as_bytes() {
                    [c @ b'a'..=b'z'] => c - b'a' + 1,
                    [b'@'] => 0,
                    [b'['] => 27,
                    [b'\\'] => 28,
                    [b']'] => 29,
                    [b'^'] => 30,
                    [b'_'] => 31,
                    _ => return Err(err(format!("unknown key {key:?}"))),
                };
                Ok(b)
            } else {
                match key.as_bytes() {
                    [b] if b.is_ascii() => Ok(*b),
                    [] => Err(err("empty key".to_string())),
                    _ => Err(err(format!("unknown key {key:?}"))),
                }
            }
        })
        .collect()
}

/// Takes the detach-key sequence out of stdin data: bytes that may start the sequence are held
/// back until the sequence completes (detach) or breaks (they are passed on).
#[derive(Debug, Clone)]
pub struct DetachMatcher {
    keys: Vec<u8>,
    matched: usize,
}

impl DetachMatcher {
    /// `keys` from [`parse_detach_keys`]; empty never detaches.
    pub fn new(keys: Vec<u8>) -> DetachMatcher {
        DetachMatcher { keys, matched: 0 }
    }
}

impl InputFilter for DetachMatcher {
    fn feed(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        if self.keys.is_empty() {
            out.extend_from_slice(data);
            return false;
        }
        for &b in data {
            if b == self.keys[self.matched] {
                self.matched += 1;
                if self.matched == self.keys.len() {
                    self.matched = 0;
                    return true;
                }
                continue;
            }
            // The held bytes were not the sequence after all; this byte may begin it anew.
            out.extend_from_slice(&self.keys[..self.matched]);
            self.matched = 0;
            if b == self.keys[0] {
                self.matched = 1;
                if self.keys.len() == 1 {
                    self.matched = 0;
                    return true;
                }
            } else {
                out.push(b);
            }
        }
        false
    }
}

/// A terminal in raw mode; dropping it restores the mode it had.
#[derive(Debug)]
pub struct RawMode {
    fd: OwnedFd,
    saved: Termios,
}

impl RawMode {
    /// Puts the terminal `fd` in raw mode (input passed byte by byte, no echo, no signals from
    /// ctrl-c; output unchanged).
    pub fn enable(fd: BorrowedFd<'_>) -> std::io::Result<RawMode> {
        let fd = fd.try_clone_to_owned()?;
        let saved = termios::tcgetattr(&fd)?;
        let mut raw = saved.clone();
        raw.make_raw();
        // Keep output post-processing (\n -> \r\n for our own messages); the pty does its own.
        raw.output_modes = saved.output_modes;
        termios::tcsetattr(&fd, OptionalActions::Now, &raw)?;
        Ok(RawMode { fd, saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(self.fd.as_fd(), OptionalActions::Now, &self.saved);
    }
}

/// The window size (rows, columns) of our terminal: stdin's, else stdout's.
pub fn window_size() -> Option<(u16, u16)> {
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    crate::engine::terminal::window_size(stdin.as_fd())
        .or_else(|| crate::engine::terminal::window_size(stdout.as_fd()))
}

/// True when `fd` is a terminal.
pub fn is_terminal(fd: BorrowedFd<'_>) -> bool {
    termios::isatty(fd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ctrl_and_plain_keys() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(parse_detach_keys(DEFAULT_DETACH_KEYS).unwrap(), vec![0x10, 0x11]);
        assert_eq!(parse_detach_keys("ctrl-a,x").unwrap(), vec![1, b'x']);
        assert_eq!(
            parse_detach_keys("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_").unwrap(),
            vec![0, 27, 28, 29, 30, 31]
        );
        assert_eq!(parse_detach_keys("ctrl-z").unwrap(), vec![26]);
        assert_eq!(parse_detach_keys(",").unwrap_err().reason, "empty key");
        assert!(parse_detach_keys("").unwrap().is_empty());
    }

    #[test]
    fn rejects_unknown_keys_naming_them() {
        for bad in ["ctrl-1", "ctrl-", "ctrl-P", "ctrl-pq", "ab", "ctrl-p,,ctrl-q", "ctrl-p,", "é"] {
            let e = parse_detach_keys(bad).unwrap_err();
            assert_eq!(e.keys, bad);
            assert!(e.to_string().starts_with(&format!("invalid detach keys {bad:?}: ")), "{e}");
        }
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-1").unwrap_err().reason, "unknown key \"ctrl-1\"");
    }

    fn feed_all(m: &mut DetachMatcher, chunks: &[&[u8]]) -> (Vec<u8>, bool) {
        let mut out = Vec::new();
        for c in chunks {
            if m.feed(c, &mut out) {
                return (out, true);
            }
        }
        (out, false)
    }

    #[test]
    fn matcher_detaches_on_the_sequence_across_chunks() {
        let mut m = DetachMatcher::new(vec![16, 17]);
        assert_eq!(feed_all(&mut m, &[b"ls\r\x10", b"\x11rest"]), (b"ls\r".to_vec(), true));
        let mut m = DetachMatcher::new(vec![16, 17]);
        assert_eq!(feed_all(&mut m, &[b"a\x10\x11"]), (b"a".to_vec(), true));
    }

    #[test]
    fn matcher_passes_a_broken_sequence_on() {
        let mut m = DetachMatcher::new(vec![16, 17]);
        assert_eq!(feed_all(&mut m, &[b"\x10x", b"\x10"]), (b"\x10x".to_vec(), false));
        // The held ctrl-p goes out when the next byte breaks it, even a new ctrl-p.
        assert_eq!(feed_all(&mut m, &[b"\x10\x11"]), (b"\x10".to_vec(), true));
        let mut m = DetachMatcher::new(vec![1, b'x']);
        assert_eq!(feed_all(&mut m, &[b"x\x01y\x01x"]), (b"x\x01y".to_vec(), true));
    }

    #[test]
    fn matcher_with_no_keys_passes_everything() {
        let mut m = DetachMatcher::new(Vec::new());
        assert_eq!(feed_all(&mut m, &[b"\x10\x11"]), (b"\x10\x11".to_vec(), false));
        let mut m = DetachMatcher::new(vec![b'q']);
        assert_eq!(feed_all(&mut m, &[b"abq"]), (b"ab".to_vec(), true));
    }
}
