//! The use cases (info, pull, images, ...): what a command does, independent of how it is printed.
//! Nothing here prints; progress goes through `Reporter` traits and results are returned as data.

pub mod context;
pub mod info;

pub use crate::storage::atomic::write_atomic;
pub use context::{Context, StorageDriver};

/// Renders an error and its sources as one line: `outer: inner: innermost`.
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut s = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let t = e.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = e.source();
    }
    s
}

/// The host architecture in OCI/Go naming (amd64, arm64, ...).
pub fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        "loongarch64" => "loong64",
        other => other,
    }
}
