//! The terminal types the CLI's side of `attach`, `run -t` and `exec -t` shares with the
//! supervisor: a terminal's window size, and the filter that takes the detach keys out of the
//! input.

pub use crate::runtime::supervisor::{window_size, InputFilter};
