//! The start-up report: a close-on-exec pipe from the container process (or `exec`'s child, or
//! the external runtime's driver) to its parent, carrying at most one [`StartReport`] as an
//! [`ipc`] frame.
//!
//! The container process sends [`StartReport::Failed`] (with the exit code podman gives the
//! failure: 127, 126 or 125) and exits. EOF without a message means the exec succeeded, because
//! the kernel closed the write end when the new program replaced the process. A frame that is cut
//! off or does not decode is reported as a set-up failure naming what came.

use serde::{Deserialize, Serialize};

use super::StartFailure;
use crate::ipc;

/// What the receiver waits for (for [`ipc::Error`]s).
const EXPECTED: &str = "the container process's start report";

/// The one message of the start-up channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartReport {
    /// The process failed before its exec: podman's exit code for it and the error's text.
    Failed { code: i32, message: String },
}

impl ipc::Message for StartReport {
    fn kind(&self) -> &'static str {
        match self {
            StartReport::Failed { .. } => "a start failure",
        }
    }
}

/// The messages of the console socket (with `process.terminal`): the container's init sends
/// [`Console::Master`] with the master of the pty it opened attached (SCM_RIGHTS); the
/// supervisor sets the window size and answers [`Console::SizeSet`], which the init waits for
/// before its exec (or EOF, when the supervisor is gone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Console {
    Master,
    SizeSet,
}

impl ipc::Message for Console {
    fn kind(&self) -> &'static str {
        match self {
            Console::Master => "the terminal",
            Console::SizeSet => "the size set",
        }
    }
}

/// Either end of the console socket.
pub type ConsoleChannel = ipc::Channel<Console, Console>;

/// The container's end.
pub type Sender = ipc::Sender<StartReport>;
/// The parent's end.
pub type Receiver = ipc::Receiver<StartReport>;

/// A new start-up channel (a close-on-exec pipe).
pub fn channel() -> Result<(Sender, Receiver), ipc::Error> {
    ipc::pipe()
}

/// Sends a failure (best effort: the parent also sees the exit code).
pub fn send(tx: &Sender, failure: StartFailure, text: &str) {
    let report = StartReport::Failed { code: failure.exit_code(), message: text.to_string() };
    let _ = tx.send(&report);
}

/// Reads the channel: `None` when the exec succeeded, else the failure and its text.
pub fn receive(rx: Receiver) -> Option<(StartFailure, String)> {
    interpret(rx.recv(EXPECTED))
}

fn interpret(received: Result<Option<StartReport>, ipc::Error>) -> Option<(StartFailure, String)> {
    match received {
        Ok(None) => None,
        Ok(Some(StartReport::Failed { code, message })) => Some((StartFailure::from_code(code), message)),
        Err(e) => Some((StartFailure::Setup, error_text(&e))),
    }
}

fn error_text(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

#[cfg(test)]
fn decode(buf: &[u8]) -> Option<(StartFailure, String)> {
    interpret(ipc::recv(buf, EXPECTED))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(failure: StartFailure, text: &str) -> Vec<u8> {
        ipc::encode(&StartReport::Failed { code: failure.exit_code(), message: text.into() }).unwrap()
    }

    #[test]
    fn empty_means_exec_succeeded() {
        assert_eq!(decode(b""), None);
    }

    #[test]
    fn code_and_text() {
        assert_eq!(
            decode(&frame(StartFailure::NotFound, "executable file `x` not found in $PATH")),
            Some((StartFailure::NotFound, "executable file `x` not found in $PATH".into()))
        );
        assert_eq!(
            decode(&frame(StartFailure::CannotExecute, "a:b")),
            Some((StartFailure::CannotExecute, "a:b".into()))
        );
        let (failure, text) = decode(b"garbage").unwrap();
        assert_eq!(failure, StartFailure::Setup);
        assert!(text.starts_with("expected the container process's start report"), "{text}");
    }

    #[test]
    fn a_report_cut_off_is_a_setup_failure_saying_so() {
        let whole = frame(StartFailure::NotFound, "executable file `x` not found");
        let (failure, text) = decode(&whole[..whole.len() - 3]).unwrap();
        assert_eq!(failure, StartFailure::Setup);
        assert!(text.contains("cut off after"), "{text}");
    }

    #[test]
    fn over_a_pipe_eof_means_exec_succeeded() {
        let (tx, rx) = channel().unwrap();
        drop(tx);
        assert_eq!(receive(rx), None);
        let (tx, rx) = channel().unwrap();
        send(&tx, StartFailure::Setup, "cannot mount /proc");
        drop(tx);
        assert_eq!(receive(rx), Some((StartFailure::Setup, "cannot mount /proc".into())));
    }
}
