//! `exec -t`, the terminal side: the exec process gets a pty in the container (the engine starts
//! it and relays, see [`engine::exec::TtyExec`]); this side gives the relay our terminal, in raw
//! mode (restored on every way out: [`RawMode`] is a guard), and its window size at the start and
//! on every SIGWINCH.
//!
//! The raw-mode guard and the window size are those of `run -t` and `attach` ([`crate::cli::tty`]).

use std::os::fd::AsFd;

use anyhow::Context as _;

use crate::cli::tty::{is_terminal, window_size, RawMode};
use crate::engine::{self, exec::Status};

/// Runs the process of `entered` on a new pty and relays until it exits; `interactive` forwards
/// stdin to it. A failure of the process before its exec is an [`engine::exec::Error`].
pub fn run(entered: engine::exec::Entered, interactive: bool) -> anyhow::Result<Status> {
    let session = entered.start_tty(window_size())?;
    let stdin = std::io::stdin();
    let _raw = match interactive && is_terminal(stdin.as_fd()) {
        true => Some(RawMode::enable(stdin.as_fd()).context("cannot put the terminal in raw mode")?),
        false => None,
    };
    let stdout = std::io::stdout();
    let input = interactive.then(|| stdin.as_fd());
    Ok(session.relay(input, stdout.as_fd(), &window_size)?)
}
