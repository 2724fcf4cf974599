//! Per-user storage: blobs, unpacked layers, image records, locks and atomic metadata writes.

pub mod atomic;
