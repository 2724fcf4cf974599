//! The supervisor's two protocols.
//!
//! - The ready report ([`Ready`]): one [`crate::ipc`] frame on the pipe whose write end the
//!   supervisor inherits as `--ready-fd`, sent once the container has started (or failed to),
//!   then the pipe is closed. EOF without a report means the supervisor died first.
//! - The attach stream ([`frame`]): a byte protocol, kept apart from `ipc` for speed (it carries
//!   every byte of the container's output): frames of one stream byte, a big-endian u32 length
//!   and the payload. The supervisor sends [`frame::STDOUT`] and [`frame::STDERR`] data and,
//!   last, one [`frame::EXIT`] frame holding the exit code in decimal; a client sends
//!   [`frame::STDIN`] data, an empty stdin frame for EOF, and [`frame::RESIZE`] frames (rows and
//!   columns, big-endian u16 each). A client detaches by closing its end.

use serde::{Deserialize, Serialize};

use crate::ipc;

/// What the command that started the supervisor waits for (for [`ipc::Error`]s).
pub const READY_EXPECTED: &str = "the supervisor's start report";

/// The supervisor's report on the ready pipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ready {
    /// The container runs; `pid` is its process on the host.
    Started { pid: i32 },
    /// It could not start: podman's exit code for the failure and its text.
    Failed { code: i32, message: String },
}

impl ipc::Message for Ready {
    fn kind(&self) -> &'static str {
        match self {
            Ready::Started { .. } => "started",
            Ready::Failed { .. } => "failed",
        }
    }
}

/// The attach framing (see the module comment).
pub mod frame {
    pub const STDIN: u8 = 0;
    pub const STDOUT: u8 = 1;
    pub const STDERR: u8 = 2;
    pub const EXIT: u8 = 3;
    pub const RESIZE: u8 = 4;

    /// A resize frame's payload.
    pub fn resize(rows: u16, cols: u16) -> Vec<u8> {
        let mut v = rows.to_be_bytes().to_vec();
        v.extend_from_slice(&cols.to_be_bytes());
        v
    }

    /// Rows and columns of a resize frame's payload.
    pub fn parse_resize(data: &[u8]) -> Option<(u16, u16)> {
        match data {
            [r0, r1, c0, c1] => Some((u16::from_be_bytes([*r0, *r1]), u16::from_be_bytes([*c0, *c1]))),
            _ => None,
        }
    }

    /// One frame: stream, length, payload.
    pub fn encode(stream: u8, data: &[u8]) -> Vec<u8> {
        let mut v = Vec::with_capacity(5 + data.len());
        v.push(stream);
        v.extend_from_slice(&(data.len() as u32).to_be_bytes());
        v.extend_from_slice(data);
        v
    }

    /// Takes the complete frames off the front of `buf`, leaving a partial one.
    pub fn decode(buf: &mut Vec<u8>) -> Vec<(u8, Vec<u8>)> {
        let mut out = Vec::new();
        let mut at = 0;
        while buf.len() - at >= 5 {
            let len = u32::from_be_bytes([buf[at + 1], buf[at + 2], buf[at + 3], buf[at + 4]]) as usize;
            if buf.len() - at - 5 < len {
                break;
            }
            out.push((buf[at], buf[at + 5..at + 5 + len].to_vec()));
            at += 5 + len;
        }
        buf.drain(..at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_keep_partial_input() {
        let mut buf = frame::encode(frame::STDOUT, b"hello");
        buf.extend(frame::encode(frame::STDIN, b""));
        let tail = frame::encode(frame::EXIT, b"7");
        buf.extend_from_slice(&tail[..3]);
        let frames = frame::decode(&mut buf);
        assert_eq!(frames, vec![(frame::STDOUT, b"hello".to_vec()), (frame::STDIN, vec![])]);
        assert_eq!(buf, tail[..3]);
        buf.extend_from_slice(&tail[3..]);
        assert_eq!(frame::decode(&mut buf), vec![(frame::EXIT, b"7".to_vec())]);
        assert!(buf.is_empty());
    }

    #[test]
    fn resize_frames_carry_rows_and_columns() {
        let payload = frame::resize(40, 120);
        assert_eq!(payload, [0, 40, 0, 120]);
        assert_eq!(frame::parse_resize(&payload), Some((40, 120)));
        assert_eq!(frame::parse_resize(&frame::resize(1000, 65535)), Some((1000, 65535)));
        assert_eq!(frame::parse_resize(b"abc"), None);
        assert_eq!(frame::parse_resize(b""), None);
    }

    #[test]
    fn a_frame_is_stream_length_payload() {
        assert_eq!(frame::encode(frame::STDERR, b"ab"), [2, 0, 0, 0, 2, b'a', b'b']);
        let mut buf = vec![frame::EXIT, 0, 0];
        assert!(frame::decode(&mut buf).is_empty());
        assert_eq!(buf.len(), 3, "a partial header stays");
    }

    #[test]
    fn ready_reports_round_trip_and_name_what_came() {
        let (tx, rx) = ipc::pipe::<Ready>().unwrap();
        tx.send(&Ready::Started { pid: 31 }).unwrap();
        tx.send(&Ready::Failed { code: 127, message: "not found".into() }).unwrap();
        drop(tx);
        assert_eq!(rx.recv(READY_EXPECTED).unwrap(), Some(Ready::Started { pid: 31 }));
        let e = rx
            .expect(READY_EXPECTED, |m| match m {
                Ready::Started { pid } => Ok(pid),
                other => Err(other),
            })
            .unwrap_err();
        assert_eq!(e.to_string(), "expected the supervisor's start report, received failed");
        assert_eq!(rx.recv(READY_EXPECTED).unwrap(), None);
    }
}
