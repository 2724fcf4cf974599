//! skiff's integration tests: the real `skiff` binary, run as an unprivileged user, against a real
//! registry (Debian's `docker-registry`) holding fixture images built here and pushed with skopeo.
//!
//! Run them with `scripts/test.sh` (or, as root, build with `cargo test --test it --no-run` and run
//! the test binary with `runuser -u USER --`): they refuse to run as uid 0.
//!
//! Modules:
//! - `util`: [`util::Skiff`], a fresh store per test, and [`util::Output`] with assertions;
//!   process helpers ([`util::run`], [`util::require_program`]).
//! - `registry`: the shared registry ([`registry::shared`]) and registries with basic auth
//!   ([`registry::start_with_auth`]).
//! - `oci`: a small OCI image-layout writer (layers as tar entries, gzip/zstd/none) for fixtures
//!   and for tests that need hand-made, even malformed, images.
//! - `fixtures`: the fixture images, built and pushed once per process ([`fixtures::fixtures`]),
//!   with the facts tests assert on.
//! - `rig`: tests of the rig itself.
//! - `runtime`: the built-in OCI runtime (`skiff oci-run`) compared with crun on one bundle.
//! - `supervisor`: the conmon-like supervisor through the hidden `skiff oci-start`.
//! - `containers`: `run`, `ps`, `logs`, `rm`.
//! - `fuse`: the fuse-overlay storage driver against the kernel overlay.

// The helper modules are an API for every test module; not all of it is used by all of them.
#[allow(dead_code)]
mod fixtures;
#[allow(dead_code)]
mod oci;
#[allow(dead_code)]
mod registry;
#[allow(dead_code)]
mod util;

mod containers;
mod foundation;
mod fuse;
mod images;
mod reliability;
mod rig;
mod runtime;
mod supervisor;
mod system;
mod transfer;
