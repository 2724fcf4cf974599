//! skiff's integration tests: the real `skiff` binary, run as an unprivileged user, against a real
//! registry (Debian's `docker-registry`) holding fixture images built here and pushed with skopeo.
//!
//! Run them with `scripts/test.sh` (or, as root, build with `cargo test --test it --no-run` and run
//! the test binary with `runuser -u USER --`): they refuse to run as uid 0.
//!
//! Modules:
//! - `util`: [`util::Skiff`], a fresh store per test, and [`util::Output`] with assertions;
//!   process helpers ([`util::run`], [`util::require_program`]).
//! - `registry`: the shared registry ([`registry::shared`]), registries with basic auth
//!   ([`registry::start_with_auth`]) and with a self-signed certificate ([`registry::start_with_tls`]).
//! - `oci`: a small OCI image-layout writer (layers as tar entries, gzip/zstd/none) for fixtures
//!   and for tests that need hand-made, even malformed, images.
//! - `fixtures`: the fixture images, built and pushed once per process ([`fixtures::fixtures`]),
//!   with the facts tests assert on.
//! - `rig`: tests of the rig itself.
//! - `runtime`: the built-in OCI runtime (`skiff oci-run`) compared with crun on one bundle.
//! - `supervisor`: the conmon-like supervisor through the hidden `skiff oci-start`.
//! - `containers`: `run`, `ps`, `logs`, `rm`.
//! - `volumes`: volumes, bind and tmpfs mounts, the `volume` commands.
//! - `tty`: `run -t` in a real pty, raw mode, window size, detach keys, `attach`.
//! - `options`: the configuration flags of `run` and `--runtime crun|runc`, compared with the
//!   built-in runtime; their bad-value errors.
//! - `data`: `cp`, `diff`, `commit`, `export`, `import`, `mount`.
//! - `events`: `events` (the file backend), filters, times, formats, following, rotation.
//! - `compat`: what podman users see: Go templates, repeated flags, `--noout`, sort and filter
//!   options, volume words, `info` fields, `cp` between containers.
//! - `cobra`: help, usage errors and `__complete` shell completion as podman's (cobra's).
//! - `lifecycle`: `create`, `start`, `stop`, `kill`, `restart`, `wait`, `inspect`, the `container`
//!   group, `ps` filters, `logs -f`, and reliability under parallel runs and `kill -9`.
//! - `exec`: `exec` and `top` in a running container.
//! - `external`: buildah's containers in containers/storage: `ps --external`, `container exists
//!   --external`, `diff`, `rm` (issue 12).
//! - `network`: `--network`, `-p`, `port`, name resolution (pasta and slirp4netns).
//! - `networks`: user-defined networks: the `network` commands, name resolution between
//!   containers, isolation, `--internal`, ports to network containers, repair after `kill -9`.
//! - `fuse`: the fuse-overlay storage driver against the kernel overlay.
//! - `registry_errors`: pulls refused by a registry (self-signed tls, https to plain http, a
//!   missing image or platform) and what the user reads.
//! - `run_flags`: podman's `run`/`create` flags for a container's surroundings (id and pid files,
//!   `--tz`, log drivers, `-a`, `--rmi`, `--timeout`, environment defaults, resource flags).
//! - `services`: restart policies, healthchecks and sd_notify, run by the supervisor (issue 15).
//! - `userns`: `--userns=keep-id|nomap|auto`, `--uidmap`/`--gidmap`, `--group-add`, `exec` and
//!   `top` into a container with a user namespace of its own.
//! - `secrets`: the `secret` commands and `run --secret`.
//! - `manifests`: the `manifest` commands: lists of local and registry images, pushed and pulled
//!   back by digest; `images`, `rmi` and `inspect` of a list.
//! - `hardening`: hostile images, registries and archives (issue 17); restarts with published
//!   ports, `rm -f`'s stop, pull's terminal output.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "tests report the figures they measure and trouble cleaning up on the test output"
)]

// The helper modules are an API for every test module; not all of it is used by all of them.
#[allow(dead_code)]
mod fixtures;
#[allow(dead_code)]
mod oci;
#[allow(dead_code)]
mod registry;
#[allow(dead_code)]
mod util;

mod build;
mod build_compat;
mod cobra;
mod compat;
mod containers;
mod data;
mod events;
mod exec;
mod external;
mod foundation;
mod fuse;
mod hardening;
mod images;
mod lifecycle;
mod manifests;
mod network;
mod networks;
mod options;
mod perf_safety;
mod pods;
mod registry_errors;
mod reliability;
mod rig;
mod run_compat;
mod run_flags;
mod runtime;
mod secrets;
mod services;
mod stats;
mod supervisor;
mod system;
mod systemd;
mod transfer;
mod tty;
mod userns;
mod volumes;
