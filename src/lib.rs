//! skiff: a daemonless, rootless container tool. See DESIGN.md for the module map.
#![deny(unsafe_code)]
pub mod cli;
pub mod engine;
pub mod image;
pub mod ipc;
pub mod network;
pub mod rootfs;
pub mod runtime;
pub mod storage;
pub mod sys;
pub mod userns;

#[cfg(test)]
mod arrows_test;

pub use cli::main;
