//! The start-up error channel: a close-on-exec pipe from the container process to its parent.
//!
//! The container process writes at most one message, `CODE:TEXT` (CODE is the exit code podman
//! gives the failure: 127, 126 or 125), then exits. EOF without a message means the exec
//! succeeded, because the kernel closed the write end when the new program replaced the process.

use std::io::Read;
use std::os::fd::OwnedFd;

use super::StartFailure;

/// Writes a failure to the channel (best effort: the parent also sees the exit code).
pub fn send(fd: &OwnedFd, failure: StartFailure, text: &str) {
    let msg = format!("{}:{text}", failure.exit_code());
    let mut rest = msg.as_bytes();
    while !rest.is_empty() {
        match nix::unistd::write(fd, rest) {
            Ok(0) | Err(_) => break,
            Ok(n) => rest = &rest[n..],
        }
    }
}

/// Reads the channel to EOF: `None` when the exec succeeded, else the failure and its text.
pub fn receive(fd: OwnedFd) -> Option<(StartFailure, String)> {
    let mut buf = Vec::new();
    let _ = std::fs::File::from(fd).read_to_end(&mut buf);
    decode(&buf)
}

fn decode(buf: &[u8]) -> Option<(StartFailure, String)> {
    if buf.is_empty() {
        return None;
    }
    let text = String::from_utf8_lossy(buf);
    match text.split_once(':') {
        Some((code, rest)) if code.parse::<i32>().is_ok() => {
            Some((StartFailure::from_code(code.parse().unwrap_or(125)), rest.to_string()))
        }
        _ => Some((StartFailure::Setup, text.into_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_means_exec_succeeded() {
        assert_eq!(decode(b""), None);
    }

    #[test]
    fn code_and_text() {
        assert_eq!(
            decode(b"127:executable file `x` not found in $PATH"),
            Some((StartFailure::NotFound, "executable file `x` not found in $PATH".into()))
        );
        assert_eq!(decode(b"126:a:b"), Some((StartFailure::CannotExecute, "a:b".into())));
        assert_eq!(decode(b"garbage"), Some((StartFailure::Setup, "garbage".into())));
    }
}
