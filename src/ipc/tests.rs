use std::io::Write;

use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Talk {
    Hello { name: String },
    Number(i32),
    Bye,
}

impl Message for Talk {
    fn kind(&self) -> &'static str {
        match self {
            Talk::Hello { .. } => "hello",
            Talk::Number(_) => "number",
            Talk::Bye => "bye",
        }
    }
}

#[test]
fn frames_round_trip_over_a_pipe_and_eof_is_none() {
    let (tx, rx) = pipe::<Talk>().unwrap();
    tx.send(&Talk::Hello { name: "ctr".into() }).unwrap();
    tx.send(&Talk::Number(-7)).unwrap();
    drop(tx);
    assert_eq!(rx.recv("a greeting").unwrap(), Some(Talk::Hello { name: "ctr".into() }));
    assert_eq!(
        rx.expect("a number", |m| match m {
            Talk::Number(n) => Ok(n),
            other => Err(other),
        })
        .unwrap(),
        -7
    );
    assert_eq!(rx.recv("anything").unwrap(), None);
}

#[test]
fn a_frame_is_a_length_and_json() {
    let frame = encode(&Talk::Number(3)).unwrap();
    assert_eq!(&frame[..4], &(frame.len() as u32 - 4).to_le_bytes());
    assert_eq!(&frame[4..], br#"{"Number":3}"#);
}

#[test]
fn an_unexpected_message_names_both() {
    let (tx, rx) = pipe::<Talk>().unwrap();
    tx.send(&Talk::Bye).unwrap();
    let e = rx
        .expect("a number", |m| match m {
            Talk::Number(n) => Ok(n),
            other => Err(other),
        })
        .unwrap_err();
    assert!(matches!(e, Error::UnexpectedMessage { expected: "a number", received: "bye" }), "{e:?}");
    assert_eq!(e.to_string(), "expected a number, received bye");
    drop(tx);
    let e = rx.expect("a number", Err::<(), _>).unwrap_err();
    assert_eq!(e.to_string(), "expected a number, but the other side closed the channel");
}

#[test]
fn a_cut_frame_says_how_much_came() {
    let frame = encode(&Talk::Hello { name: "x".repeat(10) }).unwrap();
    for cut in [2, 4, frame.len() - 1] {
        let e = recv::<Talk>(&frame[..cut], "a greeting").unwrap_err();
        match e {
            Error::Truncated { expected: "a greeting", got, len } => {
                assert_eq!(got, cut);
                assert_eq!(len, if cut < 4 { 4 } else { frame.len() });
            }
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    let e = recv::<Talk>(&frame[..frame.len() - 1], "a greeting").unwrap_err();
    assert!(e.to_string().contains("cut off after"), "{e}");
}

#[test]
fn garbage_and_oversized_frames_are_refused() {
    let mut bad = 5u32.to_le_bytes().to_vec();
    bad.extend_from_slice(b"nope!");
    assert!(matches!(recv::<Talk>(&bad[..], "a number"), Err(Error::Malformed { expected: "a number", .. })));
    let huge = (MAX_FRAME as u32 + 1).to_le_bytes();
    assert!(matches!(recv::<Talk>(&huge[..], "a number"), Err(Error::TooLarge { .. })));
}

#[test]
fn a_channel_passes_a_descriptor_with_a_message() {
    use std::io::Read;
    let (a, b) = channel::<Talk, Talk>().unwrap();
    let (r, mut w) = std::io::pipe().unwrap();
    a.send_fd(&Talk::Hello { name: "pty".into() }, r.as_fd()).unwrap();
    drop(r);
    let (msg, fd) = b.recv_fd("the terminal").unwrap();
    assert_eq!(msg, Talk::Hello { name: "pty".into() });
    w.write_all(b"through").unwrap();
    drop(w);
    let mut got = String::new();
    std::fs::File::from(fd).read_to_string(&mut got).unwrap();
    assert_eq!(got, "through");
    // A reply the other way, then a message without a descriptor where one is expected.
    b.send(&Talk::Bye).unwrap();
    assert_eq!(a.recv("a reply").unwrap(), Some(Talk::Bye));
    a.send(&Talk::Number(1)).unwrap();
    assert!(matches!(b.recv_fd("the terminal"), Err(Error::NoDescriptor { .. })));
    drop(a);
    assert!(matches!(b.recv_fd("the terminal"), Err(Error::Closed { .. })));
}
