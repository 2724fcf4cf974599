//! The one protocol between skiff's processes: typed messages in length-prefixed frames, over a
//! pipe or a unix socket, with descriptors passed alongside (SCM_RIGHTS) where a protocol needs
//! them.
//!
//! A frame is a little-endian `u32` length and that many bytes of JSON (serde_json) encoding one
//! value of the protocol's message type. JSON because every message is small and sent once or a
//! few times per command (a start report, a ready notice, a signal request), serde_json is already
//! the crate's encoder, and a frame stays readable in `strace -s`; a compact binary encoding would
//! add a dependency for no measurable gain. The attach stream, the one hot protocol, stays a byte
//! protocol (`runtime::supervisor::protocol`).
//!
//! Each protocol defines one message enum implementing [`Message`] (its variants named by
//! [`Message::kind`]). A receiver says what it expects; what comes instead is an error naming
//! both: [`Error::UnexpectedMessage`], [`Error::Truncated`] (the other side died mid-frame),
//! [`Error::Closed`] (it died before a frame), [`Error::Malformed`].
//!
//! EOF before the first byte of a frame is not an error for [`recv`] (it returns `None`): a
//! close-on-exec pipe whose writer exec'd says "no news" that way.
//!
//! Writes: one frame is one `write`, so frames up to `PIPE_BUF` (4 KiB) on a pipe are atomic.
//! Invariant: nothing here forks or spawns; the descriptors belong to the endpoint that wraps them.

use std::io::{Read, Write};
use std::marker::PhantomData;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The largest frame a receiver accepts (a message is a few hundred bytes; an error report with
/// its causes a few kilobytes).
pub const MAX_FRAME: usize = 1 << 20;

/// A protocol's message type.
pub trait Message: Serialize + DeserializeOwned {
    /// The name of this message's variant, for errors (`"started"`, `"failed"`).
    fn kind(&self) -> &'static str;
}

/// Errors of the protocol; `expected` says what the receiver waited for.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot send {kind}")]
    Send {
        kind: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot receive {expected}")]
    Receive {
        expected: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("expected {expected}, but the other side closed the channel")]
    Closed { expected: &'static str },
    #[error("expected {expected}, but the frame was cut off after {got} of {len} bytes")]
    Truncated { expected: &'static str, got: usize, len: usize },
    #[error("expected {expected}, but the frame announces {len} bytes (at most {MAX_FRAME})")]
    TooLarge { expected: &'static str, len: usize },
    #[error("expected {expected}, but the frame does not decode")]
    Malformed {
        expected: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("expected {expected}, received {received}")]
    UnexpectedMessage { expected: &'static str, received: &'static str },
    #[error("expected {expected} with a descriptor, but none came with it")]
    NoDescriptor { expected: &'static str },
    #[error("cannot create a channel")]
    Create(#[source] std::io::Error),
}

/// One frame: the length and the JSON of `msg`.
pub fn encode<M: Message>(msg: &M) -> Result<Vec<u8>, Error> {
    // Room for a typical message, so that encoding it allocates once.
    let mut frame = Vec::with_capacity(128);
    frame.extend_from_slice(&[0u8; 4]);
    serde_json::to_writer(&mut frame, msg)
        .map_err(|e| Error::Send { kind: msg.kind(), source: std::io::Error::other(e) })?;
    let len = (frame.len() - 4) as u32;
    frame[..4].copy_from_slice(&len.to_le_bytes());
    Ok(frame)
}

/// Writes one frame holding `msg` (in one `write_all`).
pub fn send<M: Message>(mut w: impl Write, msg: &M) -> Result<(), Error> {
    let frame = encode(msg)?;
    w.write_all(&frame).and_then(|()| w.flush()).map_err(|source| Error::Send { kind: msg.kind(), source })
}

/// Reads one frame: `Ok(None)` at EOF before its first byte.
pub fn recv<M: Message>(mut r: impl Read, expected: &'static str) -> Result<Option<M>, Error> {
    let mut header = [0u8; 4];
    let got = read_full(&mut r, &mut header, expected)?;
    if got == 0 {
        return Ok(None);
    }
    if got < 4 {
        return Err(Error::Truncated { expected, got, len: 4 });
    }
    body(r, header, expected).map(Some)
}

/// Reads the body of a frame whose header is `header` and decodes it.
fn body<M: Message>(mut r: impl Read, header: [u8; 4], expected: &'static str) -> Result<M, Error> {
    let len = u32::from_le_bytes(header) as usize;
    if len > MAX_FRAME {
        return Err(Error::TooLarge { expected, len });
    }
    let mut bytes = vec![0u8; len];
    let got = read_full(&mut r, &mut bytes, expected)?;
    if got < len {
        return Err(Error::Truncated { expected, got: 4 + got, len: 4 + len });
    }
    serde_json::from_slice(&bytes).map_err(|source| Error::Malformed { expected, source })
}

/// Reads until `buf` is full or EOF; the number of bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8], expected: &'static str) -> Result<usize, Error> {
    let mut at = 0;
    while at < buf.len() {
        match r.read(&mut buf[at..]) {
            Ok(0) => break,
            Ok(n) => at += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => return Err(Error::Receive { expected, source }),
        }
    }
    Ok(at)
}

/// Reads one frame and hands it to `pick`, which takes the variants the caller expects and gives
/// back the others (they become [`Error::UnexpectedMessage`]); EOF is [`Error::Closed`].
pub fn expect<M: Message, T>(
    r: impl Read,
    expected: &'static str,
    pick: impl FnOnce(M) -> Result<T, M>,
) -> Result<T, Error> {
    let msg = recv(r, expected)?.ok_or(Error::Closed { expected })?;
    pick(msg).map_err(|other| Error::UnexpectedMessage { expected, received: other.kind() })
}

/// The writing end of a one-way channel of `M` (a pipe, or a socket used one way).
#[derive(Debug)]
pub struct Sender<M> {
    fd: OwnedFd,
    _message: PhantomData<fn(M)>,
}

/// The reading end of a one-way channel of `M`.
#[derive(Debug)]
pub struct Receiver<M> {
    fd: OwnedFd,
    _message: PhantomData<fn() -> M>,
}

/// A close-on-exec pipe carrying `M`.
pub fn pipe<M: Message>() -> Result<(Sender<M>, Receiver<M>), Error> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| Error::Create(e.into()))?;
    Ok((Sender::from(w), Receiver::from(r)))
}

impl<M> From<OwnedFd> for Sender<M> {
    fn from(fd: OwnedFd) -> Self {
        Sender { fd, _message: PhantomData }
    }
}

impl<M> From<OwnedFd> for Receiver<M> {
    fn from(fd: OwnedFd) -> Self {
        Receiver { fd, _message: PhantomData }
    }
}

impl<M> From<Sender<M>> for OwnedFd {
    fn from(s: Sender<M>) -> OwnedFd {
        s.fd
    }
}

impl<M> From<Receiver<M>> for OwnedFd {
    fn from(r: Receiver<M>) -> OwnedFd {
        r.fd
    }
}

impl<M> AsFd for Sender<M> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl<M> AsFd for Receiver<M> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl<M> AsRawFd for Sender<M> {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

/// A borrowed descriptor as `Read`/`Write` without taking it over.
struct FdIo<'a>(BorrowedFd<'a>);

impl Read for FdIo<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        nix::unistd::read(self.0.as_raw_fd(), buf).map_err(std::io::Error::from)
    }
}

impl Write for FdIo<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        nix::unistd::write(self.0, buf).map_err(std::io::Error::from)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<M: Message> Sender<M> {
    /// Sends one message.
    pub fn send(&self, msg: &M) -> Result<(), Error> {
        send(FdIo(self.fd.as_fd()), msg)
    }
}

impl<M: Message> Receiver<M> {
    /// Receives one message; `Ok(None)` when the writer closed its end first.
    pub fn recv(&self, expected: &'static str) -> Result<Option<M>, Error> {
        recv(FdIo(self.fd.as_fd()), expected)
    }

    /// Receives one message of the variants `pick` takes (see [`expect`]).
    pub fn expect<T>(
        &self,
        expected: &'static str,
        pick: impl FnOnce(M) -> Result<T, M>,
    ) -> Result<T, Error> {
        expect(FdIo(self.fd.as_fd()), expected, pick)
    }
}

/// Both ends of a connected unix socket: sends `S`, receives `R`, and passes descriptors.
#[derive(Debug)]
pub struct Channel<S, R> {
    stream: UnixStream,
    _messages: PhantomData<fn(S) -> R>,
}

/// Two connected ends: one sends `A` and receives `B`, the other the reverse.
pub type Pair<A, B> = (Channel<A, B>, Channel<B, A>);

/// A connected pair of channels (close-on-exec): the first sends `A` and receives `B`.
pub fn channel<A: Message, B: Message>() -> Result<Pair<A, B>, Error> {
    let (a, b) = UnixStream::pair().map_err(Error::Create)?;
    Ok((Channel::from(a), Channel::from(b)))
}

impl<S, R> From<UnixStream> for Channel<S, R> {
    fn from(stream: UnixStream) -> Self {
        Channel { stream, _messages: PhantomData }
    }
}

impl<S, R> From<OwnedFd> for Channel<S, R> {
    fn from(fd: OwnedFd) -> Self {
        Channel::from(UnixStream::from(fd))
    }
}

impl<S, R> From<Channel<S, R>> for OwnedFd {
    fn from(c: Channel<S, R>) -> OwnedFd {
        c.stream.into()
    }
}

impl<S, R> AsFd for Channel<S, R> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.stream.as_fd()
    }
}

impl<S: Message, R: Message> Channel<S, R> {
    /// Sends one message.
    pub fn send(&self, msg: &S) -> Result<(), Error> {
        send(&self.stream, msg)
    }

    /// Receives one message; `Ok(None)` when the other side closed first.
    pub fn recv(&self, expected: &'static str) -> Result<Option<R>, Error> {
        recv(&self.stream, expected)
    }

    /// Receives one message of the variants `pick` takes (see [`expect`]).
    pub fn expect<T>(
        &self,
        expected: &'static str,
        pick: impl FnOnce(R) -> Result<T, R>,
    ) -> Result<T, Error> {
        expect(&self.stream, expected, pick)
    }

    /// Sends one message with `fd` attached (SCM_RIGHTS): the receiver gets its own copy.
    pub fn send_fd(&self, msg: &S, fd: BorrowedFd<'_>) -> Result<(), Error> {
        use nix::sys::socket::{sendmsg, ControlMessage, MsgFlags};
        let frame = encode(msg)?;
        let fds = [fd.as_raw_fd()];
        let fail = |source| Error::Send { kind: msg.kind(), source };
        let sent = loop {
            match sendmsg::<()>(
                self.stream.as_raw_fd(),
                &[std::io::IoSlice::new(&frame)],
                &[ControlMessage::ScmRights(&fds)],
                MsgFlags::empty(),
                None,
            ) {
                Err(nix::errno::Errno::EINTR) => continue,
                r => break r.map_err(|e| fail(e.into()))?,
            }
        };
        // The descriptor went with the first bytes; the rest of a long frame follows plainly.
        (&self.stream).write_all(&frame[sent..]).map_err(fail)
    }

    /// Receives one message with the descriptor sent along with it (close-on-exec here).
    pub fn recv_fd(&self, expected: &'static str) -> Result<(R, OwnedFd), Error> {
        use nix::sys::socket::{recvmsg, ControlMessageOwned, MsgFlags};
        let mut header = [0u8; 4];
        let mut space = nix::cmsg_space!([RawFd; 1]);
        let (got, fd) = loop {
            let mut iov = [std::io::IoSliceMut::new(&mut header)];
            match recvmsg::<()>(
                self.stream.as_raw_fd(),
                &mut iov,
                Some(&mut space),
                MsgFlags::MSG_CMSG_CLOEXEC,
            ) {
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(Error::Receive { expected, source: e.into() }),
                Ok(msg) => {
                    let fd = msg.cmsgs().ok().into_iter().flatten().find_map(|c| match c {
                        ControlMessageOwned::ScmRights(fds) => fds.first().copied(),
                        _ => None,
                    });
                    break (msg.bytes, fd);
                }
            }
        };
        // SAFETY: the kernel installed this descriptor in this process for this message alone.
        #[allow(unsafe_code)]
        let fd = fd.map(|fd| unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) });
        if got == 0 {
            return Err(Error::Closed { expected });
        }
        let rest = read_full(&mut &self.stream, &mut header[got..], expected)?;
        if got + rest < 4 {
            return Err(Error::Truncated { expected, got: got + rest, len: 4 });
        }
        let msg = body(&self.stream, header, expected)?;
        let fd = fd.ok_or(Error::NoDescriptor { expected })?;
        Ok((msg, fd))
    }

    /// The socket, for polling or for a byte protocol that follows.
    pub fn stream(&self) -> &UnixStream {
        &self.stream
    }
}

#[cfg(test)]
mod tests;
