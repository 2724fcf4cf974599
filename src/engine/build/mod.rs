//! `build`: an image from a Containerfile, as podman builds it, without the CLI.
//!
//! * [`dockerfile`] parses (the `parse-dockerfile` crate), [`words`] expands ARG and ENV values
//!   as docker's shell lexer does, [`ignore`] reads `.containerignore`/`.dockerignore`.
//! * The stages the target needs (FROM a stage, COPY --from, RUN --mount=from) are built, each
//!   after those it uses; the others are skipped. A stage's state is its layers and its image
//!   config. Stages that do not need each other build at the same time (`jobs`), each in a thread
//!   with a clone of the builder and a [`Reporter`] that keeps its lines, replayed stage by stage
//!   in the Containerfile's order when they are all done; their RUN steps run in a child process
//!   (`skiff oci-run`), since a process with threads cannot fork the built-in runtime.
//! * RUN, COPY and ADD each make one layer in a step root ([`root`]): the parent's layers under a
//!   fresh upper directory; RUN runs the built-in runtime there in the foreground (its output is
//!   the build's), COPY/ADD copy the files ([`sources`]). The changes become a layer through
//!   `storage::changes`, then `Store::ingest_layer` (as commit and load store theirs). Every other
//!   instruction only changes the config and adds a history entry.
//! * Cache ([`cache`]): a step's key is the parent layer's chain id (or the base image id), the
//!   config so far, the ARGs in effect, the instruction with its words expanded and, for
//!   COPY/ADD, the hash of the files' contents and metadata. A hit reuses the recorded layer.
//! * The image record is written last, under the GC guard held for the whole build: a failure
//!   at any step leaves no image, no container (a step's root is a scratch directory removed on
//!   the way out) and at most layers that nothing references, which GC removes.
//!
//! Timestamps: `timestamp` (`--timestamp` / `SOURCE_DATE_EPOCH`) is the created time of the
//! config and every history entry, and the mtime of every file in the new layers, so the same
//! input gives the same image digest.

pub mod cache;
pub mod dockerfile;
pub mod fetch;
pub mod ignore;
pub mod root;
pub mod sources;
pub mod words;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use self::dockerfile::{Command, Dockerfile, Flag, Instruction, Kind, Source};
use self::root::{Root, RunSpec};
use super::pull::{chain_ids, record_image, Silent};
use super::{Context, Error as EngineError};
use crate::image::{LayerDesc, Resolved};
use crate::runtime::linux::Status;
/// The seccomp choice of a RUN step (`--security-opt seccomp=...`).
pub use crate::runtime::spec::Seccomp;
use crate::storage::{self, ImageRecord, LayerExpect, LayerRef, Store};

/// Media types of what build writes (layers uncompressed, as commit stores them).
const LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
const DOCKER_LAYER_TAR: &str = "application/vnd.docker.image.rootfs.diff.tar";

/// The buildah release whose `build` (flags, output, image layout) skiff's follows: podman
/// 4.3.1's. `info` reports it as podman reports its builder's (`{{.Host.BuildahVersion}}`).
pub const BUILDAH_VERSION: &str = "1.28.2";

/// The default SHELL.
const SHELL: [&str; 2] = ["/bin/sh", "-c"];

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Errors of a build. Those of a step name the file, line and instruction.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Parse(#[from] dockerfile::Error),
    #[error("{file}: {source}")]
    Ignore {
        file: String,
        #[source]
        source: ignore::Error,
    },
    #[error("{file}:{line}: {instruction}: {message}")]
    Step { file: String, line: usize, instruction: String, message: String },
    #[error("building at STEP \"{instruction}\" ({file}:{line})")]
    StepSource {
        file: String,
        line: usize,
        instruction: String,
        #[source]
        source: BoxError,
    },
    #[error("building at STEP \"{step}\": exit status {code}")]
    RunFailed { step: String, code: i32 },
    #[error("building at STEP \"{step}\": killed by signal {signal}")]
    RunKilled { step: String, signal: i32 },
    #[error("building at STEP \"{step}\": {message}")]
    RunStart { step: String, message: String, code: i32 },
    #[error("the target stage {name:?} is not in the Containerfile")]
    NoTarget { name: String },
    #[error("creating build container")]
    Base {
        image: String,
        #[source]
        source: BoxError,
    },
    #[error(
        "platform {wanted} is not this host's ({native}): building for other platforms is not supported"
    )]
    Platform { wanted: String, native: String },
    #[error("a RUN step needs a single-threaded process, this one has {threads} threads")]
    Threads { threads: usize },
    #[error("cannot create a build directory")]
    Scratch(#[source] BoxError),
    #[error("the image config of this stage does not have the OCI schema's types")]
    Config(#[source] serde_json::Error),
    #[error("cannot access {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write the layer of step \"{step}\"")]
    Layer {
        step: String,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Runtime(#[from] crate::runtime::linux::Error),
    #[error(transparent)]
    ExternalRuntime(#[from] crate::runtime::external::Error),
    #[error(transparent)]
    Spec(#[from] crate::runtime::spec::Error),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl From<storage::Error> for Error {
    fn from(e: storage::Error) -> Self {
        Error::Engine(e.into())
    }
}

impl Error {
    /// The exit code podman gives this failure (a failed RUN: its status).
    pub fn exit_code(&self) -> Option<i32> {
        match self {
            Error::RunFailed { code, .. } | Error::RunStart { code, .. } => Some(*code),
            _ => None,
        }
    }
}

/// `--format`: the image's manifest and config media types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Oci,
    Docker,
}

/// `--squash` / `--squash-all`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Squash {
    #[default]
    No,
    /// The layers this build made become one (the base image's stay as they are).
    New,
    /// Every layer, the base image's too, becomes one.
    All,
}

/// `--network` of RUN steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Network {
    /// The host's network namespace (podman's default for builds is a private one with a
    /// user-mode network; sharing the host's gives the same reachability rootless).
    #[default]
    Host,
    /// A new network namespace with only a loopback.
    None,
}

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The context directory.
    pub context: PathBuf,
    /// The Containerfile's name for messages (a path, or `-`).
    pub file: String,
    /// Its text.
    pub text: String,
    /// The text of the ignore file, if there is one, and its name.
    pub ignore: Option<(String, String)>,
    /// Names to give the image (as the user typed them).
    pub tags: Vec<String>,
    /// `--target`: the stage to build (default: the last).
    pub target: Option<String>,
    /// `--build-arg` (and `--build-arg-file`).
    pub build_args: BTreeMap<String, String>,
    /// `--layers=false` or `--no-cache`: no cache lookups.
    pub no_cache: bool,
    /// `--label`.
    pub labels: Vec<(String, String)>,
    pub format: Format,
    pub network: Network,
    /// `--secret id=ID,src=PATH`.
    pub secrets: BTreeMap<String, PathBuf>,
    /// `--timestamp` or SOURCE_DATE_EPOCH (seconds since the epoch).
    pub timestamp: Option<i64>,
    /// `--ulimit` of RUN steps (`nofile=1024:2048`).
    pub ulimits: Vec<String>,
    /// `--security-opt seccomp=...` of RUN steps.
    pub seccomp: crate::runtime::spec::Seccomp,
    /// `--squash` / `--squash-all`.
    pub squash: Squash,
    /// The OCI runtime of RUN steps (a name in PATH or a path); `None` or `builtin`: skiff's own.
    pub runtime: Option<String>,
    /// Global flags for the runtime (`--runtime-flag debug` gives `--debug`).
    pub runtime_flags: Vec<String>,
    /// mounts.conf's default mounts: each RUN step gets a copy of each source.
    pub default_mounts: Vec<crate::engine::mounts_conf::DefaultMount>,
    /// `--dns`, `--dns-search`, `--dns-option`: RUN steps' /etc/resolv.conf.
    pub dns: Dns,
    /// `--env NAME=VALUE`: set in the image's environment (after every step).
    pub env: Vec<(String, String)>,
    /// `--unsetenv NAME`: removed from the image's environment.
    pub unset_env: Vec<String>,
    /// `--skip-unused-stages=false`: every stage up to the target is built, needed or not.
    pub build_unused_stages: bool,
    /// `--jobs`: how many stages that do not need each other may build at once (0 or 1: one).
    pub jobs: usize,
}

/// `--dns`, `--dns-search` and `--dns-option` of a build: each replaces those lines of the
/// host's resolv.conf that RUN steps see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dns {
    pub servers: Vec<String>,
    pub search: Vec<String>,
    pub options: Vec<String>,
}

impl Dns {
    fn is_empty(&self) -> bool {
        self.servers.is_empty() && self.search.is_empty() && self.options.is_empty()
    }

    /// `host` (a resolv.conf) with the lines these flags replace replaced (`--dns-search .`
    /// removes the search line).
    fn apply(&self, host: &str) -> String {
        let mut out: Vec<String> = host
            .lines()
            .filter(|l| {
                let word = l.split_whitespace().next().unwrap_or("");
                !((word == "nameserver" && !self.servers.is_empty())
                    || ((word == "search" || word == "domain") && !self.search.is_empty())
                    || (word == "options" && !self.options.is_empty()))
            })
            .map(String::from)
            .collect();
        for s in &self.servers {
            out.push(format!("nameserver {s}"));
        }
        let search: Vec<&str> = self.search.iter().map(String::as_str).filter(|s| *s != ".").collect();
        if !search.is_empty() {
            out.push(format!("search {}", search.join(" ")));
        }
        if !self.options.is_empty() {
            out.push(format!("options {}", self.options.join(" ")));
        }
        out.join("\n") + "\n"
    }
}

/// Where the build's base images come from (local storage, else a pull per `--pull`). The CLI
/// implements it: a pull runs an async runtime that must be gone before a RUN step.
pub trait Bases {
    fn image(&self, store: &Arc<Store>, name: &str) -> Result<ImageRecord, BoxError>;
}

/// Progress of a build, as podman prints it.
pub trait Reporter {
    /// `STEP 2/5: RUN make`.
    fn step(&self, number: usize, total: usize, text: &str);
    /// A step's layer came from the cache (`--> Using cache ID`, then `--> ID` unless `last`).
    fn cache_hit(&self, id: &str, last: bool);
    /// A step is done (`--> ID`).
    fn step_done(&self, id: &str);
    /// The image is being written (`COMMIT NAME`).
    fn commit(&self, name: Option<&str>);
    /// A warning (an unused --build-arg, a field the OCI format drops).
    fn warn(&self, message: &str);
    /// RUN steps hand their output to [`Reporter::output`] instead of writing to the terminal
    /// (a stage built next to others, whose lines are kept together).
    fn capture(&self) -> bool {
        false
    }
    /// What a RUN step wrote (when [`Reporter::capture`]).
    fn output(&self, bytes: &[u8]) {
        let _ = bytes;
    }
}

/// What a stage built next to others reported, kept to be replayed in order when it is done.
#[derive(Debug)]
enum Event {
    Step(String),
    CacheHit(String, bool),
    StepDone(String),
    Warn(String),
    Output(Vec<u8>),
}

/// A [`Reporter`] that keeps the events of one stage.
#[derive(Debug, Default)]
struct Buffered(std::sync::Mutex<Vec<Event>>);

impl Buffered {
    fn push(&self, e: Event) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(e);
    }

    /// Replays the events to `to`, numbering the steps from `first`; returns the next number.
    fn replay(self, to: &dyn Reporter, first: usize, total: usize) -> usize {
        let mut n = first;
        for e in self.0.into_inner().unwrap_or_else(|p| p.into_inner()) {
            match e {
                Event::Step(text) => {
                    to.step(n, total, &text);
                    n += 1;
                }
                Event::CacheHit(id, last) => to.cache_hit(&id, last),
                Event::StepDone(id) => to.step_done(&id),
                Event::Warn(m) => to.warn(&m),
                Event::Output(bytes) => {
                    let mut out = io::stdout().lock();
                    let _ = out.write_all(&bytes);
                    let _ = out.flush();
                }
            }
        }
        n
    }
}

impl Reporter for Buffered {
    fn step(&self, _number: usize, _total: usize, text: &str) {
        self.push(Event::Step(text.into()));
    }
    fn cache_hit(&self, id: &str, last: bool) {
        self.push(Event::CacheHit(id.into(), last));
    }
    fn step_done(&self, id: &str) {
        self.push(Event::StepDone(id.into()));
    }
    fn commit(&self, _name: Option<&str>) {}
    fn warn(&self, message: &str) {
        self.push(Event::Warn(message.into()));
    }
    fn capture(&self) -> bool {
        true
    }
    fn output(&self, bytes: &[u8]) {
        self.push(Event::Output(bytes.to_vec()));
    }
}

/// A built image.
#[derive(Debug, Clone)]
pub struct Built {
    pub image: ImageRecord,
    /// The names it was given, normalized (`localhost/app:latest`).
    pub names: Vec<String>,
}

/// The state of a stage while it is built: what an image would be after the last step.
#[derive(Debug, Clone)]
struct State {
    layers: Vec<LayerRef>,
    /// The whole image config (architecture, os, config, rootfs, history).
    config: Value,
    /// The base image's id (`scratch` for none), the start of the cache keys.
    base: String,
    /// The ARGs declared in this stage, with their values.
    args: BTreeMap<String, String>,
    /// The cache key of everything so far (base, every step): the same key, the same image.
    key: String,
    /// How many of `layers` come from the base image (the rest this build made).
    base_layers: usize,
}

impl State {
    fn env(&self) -> Vec<String> {
        strings(self.config.pointer("/config/Env"))
    }

    fn var(&self, name: &str) -> Option<String> {
        let env = self.env();
        if let Some(v) = env.iter().rev().find_map(|e| e.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
        {
            return Some(v.to_string());
        }
        self.args.get(name).cloned()
    }

    fn shell(&self) -> Vec<String> {
        let s = strings(self.config.pointer("/config/Shell"));
        if s.is_empty() {
            SHELL.iter().map(|s| s.to_string()).collect()
        } else {
            s
        }
    }

    fn workdir(&self) -> String {
        self.config
            .pointer("/config/WorkingDir")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .unwrap_or("/")
            .into()
    }

    fn conf(&mut self) -> &mut serde_json::Map<String, Value> {
        let c = self.config.as_object_mut().expect("an object").entry("config").or_insert_with(|| json!({}));
        if !c.is_object() {
            *c = json!({});
        }
        c.as_object_mut().expect("an object")
    }

    fn parent_key(&self) -> String {
        self.layers.last().map(|l| l.chain_id.clone()).unwrap_or_else(|| self.base.clone())
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// The host platform as `linux/amd64`.
fn native_platform() -> String {
    format!("linux/{}", super::host_arch())
}

/// Args every build defines (docker's automatic platform args).
fn automatic_args() -> BTreeMap<String, String> {
    let arch = super::host_arch().to_string();
    BTreeMap::from([
        ("TARGETPLATFORM".into(), native_platform()),
        ("TARGETOS".into(), "linux".into()),
        ("TARGETARCH".into(), arch.clone()),
        ("BUILDPLATFORM".into(), native_platform()),
        ("BUILDOS".into(), "linux".into()),
        ("BUILDARCH".into(), arch),
    ])
}

/// The proxy args a build accepts without an ARG line.
const PREDEFINED_ARGS: [&str; 8] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// One build in progress (cloned for each stage built next to others).
#[derive(Clone)]
struct Builder<'a> {
    ctx: &'a Context,
    store: &'a Arc<Store>,
    opts: &'a Options,
    bases: &'a (dyn Bases + Sync),
    reporter: &'a (dyn Reporter + Sync),
    df: &'a Dockerfile,
    ignore: Option<ignore::Ignore>,
    /// Global ARGs (before the first FROM) with their values.
    global_args: BTreeMap<String, String>,
    /// Build args some ARG consumed.
    used_args: BTreeSet<String>,
    /// Finished stages, by index.
    done: HashMap<usize, State>,
    step: usize,
    total: usize,
    created: String,
}

/// Builds the image `opts` describes and records it (the record last).
pub fn build(
    ctx: &Context,
    store: &Arc<Store>,
    opts: &Options,
    bases: &(dyn Bases + Sync),
    reporter: &(dyn Reporter + Sync),
) -> Result<Built, Error> {
    let df = Dockerfile::parse(&opts.file, &opts.text)?;
    // An external runtime must be there before anything is built (podman's check).
    if let Some(name) = opts.runtime.as_deref().filter(|r| *r != "builtin") {
        crate::runtime::external::resolve(name)?;
    }
    let ignore = match &opts.ignore {
        Some((name, text)) => {
            Some(ignore::Ignore::parse(text).map_err(|source| Error::Ignore { file: name.clone(), source })?)
        }
        None => None,
    };
    let names: Vec<String> =
        opts.tags.iter().map(|t| super::images::normalize_tag(t)).collect::<Result<_, _>>()?;
    let target = match &opts.target {
        Some(name) => df
            .stages
            .iter()
            .position(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)))
            .ok_or_else(|| Error::NoTarget { name: name.clone() })?,
        None => df.stages.len() - 1,
    };
    let created = match opts.timestamp {
        Some(t) => chrono::DateTime::from_timestamp(t, 0).unwrap_or_default(),
        None => chrono::Utc::now(),
    }
    .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    let mut b = Builder {
        ctx,
        store,
        opts,
        bases,
        reporter,
        df: &df,
        ignore,
        global_args: BTreeMap::new(),
        used_args: BTreeSet::new(),
        done: HashMap::new(),
        step: 0,
        total: 0,
        created,
    };
    b.global_args = b.declare_args(&df.global_args, &automatic_args())?;
    let needed = match opts.build_unused_stages {
        false => b.needed_stages(target)?,
        true => (0..=target).collect(),
    };
    b.total = needed.iter().map(|i| df.stages[*i].instructions.len() + 1).sum();
    // Nothing stored from here on is referenced by an image until the record is written.
    let _gc = store.gc_guard()?;
    b.build_stages(&needed)?;
    let unused: Vec<&String> = opts
        .build_args
        .keys()
        .filter(|k| !b.used_args.contains(*k) && !PREDEFINED_ARGS.contains(&k.as_str()))
        .collect();
    if !unused.is_empty() {
        let list: Vec<&str> = unused.iter().map(|s| s.as_str()).collect();
        reporter.warn(&format!("one or more build args were not consumed: [{}]", list.join(" ")));
    }
    let state = b.done.remove(&target).expect("the target was built");
    reporter.commit(opts.tags.first().map(String::as_str));
    let image = b.commit(state, names.clone())?;
    Ok(Built { image, names })
}

impl Builder<'_> {
    fn err(&self, inst: &Instruction, message: impl Into<String>) -> Error {
        Error::Step {
            file: self.df.file.clone(),
            line: inst.line,
            instruction: inst.keyword(),
            message: message.into(),
        }
    }

    fn err_src(&self, inst: &Instruction, source: impl Into<BoxError>) -> Error {
        Error::StepSource {
            file: self.df.file.clone(),
            line: inst.line,
            instruction: inst.text.clone(),
            source: source.into(),
        }
    }

    /// ARG lines: each name with its --build-arg value, else its default (expanded with what is
    /// declared so far), else the value of `inherit` (a global ARG re-declared in a stage).
    fn declare_args(
        &mut self,
        lines: &[Instruction],
        inherit: &BTreeMap<String, String>,
    ) -> Result<BTreeMap<String, String>, Error> {
        let mut args = inherit.clone();
        for inst in lines {
            let Kind::Arg(text) = &inst.kind else { continue };
            self.arg(inst, text, inherit, &mut args)?;
        }
        Ok(args)
    }

    fn arg(
        &mut self,
        inst: &Instruction,
        text: &str,
        inherit: &BTreeMap<String, String>,
        args: &mut BTreeMap<String, String>,
    ) -> Result<(), Error> {
        let vars = |n: &str| args.get(n).cloned();
        let pairs = words::pairs(text, &vars, self.df.escape, false).map_err(|e| self.err_src(inst, e))?;
        for (name, default) in pairs {
            let value = match self.opts.build_args.get(&name) {
                Some(v) => {
                    self.used_args.insert(name.clone());
                    Some(v.clone())
                }
                None => default.or_else(|| inherit.get(&name).cloned()),
            };
            match value {
                Some(v) => {
                    args.insert(name, v);
                }
                None => {
                    args.remove(&name);
                }
            }
        }
        Ok(())
    }

    /// The stage `name` refers to (a name or an index), if it is one, before `before`.
    fn stage_ref(&self, name: &str, before: usize) -> Option<usize> {
        if let Ok(n) = name.parse::<usize>() {
            return (n < before).then_some(n);
        }
        self.df.stages[..before]
            .iter()
            .position(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name)))
    }

    /// The stages `target` needs, in order.
    fn needed_stages(&self, target: usize) -> Result<Vec<usize>, Error> {
        let mut needed = BTreeSet::new();
        let mut todo = vec![target];
        while let Some(i) = todo.pop() {
            if needed.insert(i) {
                todo.extend(self.stage_deps(i)?);
            }
        }
        Ok(needed.into_iter().collect())
    }

    /// Builds the stages `needed` (in order, each after those it uses). Stages that do not need
    /// each other build at the same time, up to `jobs` at once, each in a thread of its own with
    /// its RUN steps in child processes and its lines kept together: they are printed stage by
    /// stage, in the Containerfile's order, as a build one stage after another prints them.
    fn build_stages(&mut self, needed: &[usize]) -> Result<(), Error> {
        let deps: HashMap<usize, Vec<usize>> =
            needed.iter().map(|&i| Ok((i, self.stage_deps(i)?))).collect::<Result<_, Error>>()?;
        let mut left: Vec<usize> = needed.to_vec();
        while !left.is_empty() {
            let ready: Vec<usize> = left
                .iter()
                .copied()
                .filter(|i| deps[i].iter().all(|d| self.done.contains_key(d)))
                .take(self.opts.jobs.max(1))
                .collect();
            left.retain(|i| !ready.contains(i));
            if ready.len() == 1 {
                let state = self.build_stage(ready[0])?;
                self.done.insert(ready[0], state);
                continue;
            }
            self.build_together(&ready)?;
        }
        Ok(())
    }

    /// Builds `stages` (none needing another) at the same time, then prints their lines in order.
    fn build_together(&mut self, stages: &[usize]) -> Result<(), Error> {
        let buffers: Vec<Buffered> = stages.iter().map(|_| Buffered::default()).collect();
        let results: Vec<Result<(State, BTreeSet<String>), Error>> = std::thread::scope(|scope| {
            let handles: Vec<_> = stages
                .iter()
                .zip(&buffers)
                .map(|(&i, buf)| {
                    let mut b = self.clone();
                    b.reporter = buf;
                    scope.spawn(move || b.build_stage(i).map(|s| (s, b.used_args)))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err(Error::Scratch("a stage's thread panicked".into()))))
                .collect()
        });
        let mut first = self.step + 1;
        let mut failed = None;
        for ((&i, buf), result) in stages.iter().zip(buffers).zip(results) {
            first = buf.replay(self.reporter, first, self.total);
            match result {
                Ok((state, used)) => {
                    self.used_args.extend(used);
                    self.done.insert(i, state);
                }
                Err(e) => {
                    failed.get_or_insert(e);
                }
            }
        }
        self.step = first - 1;
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The earlier stages stage `i` uses: FROM, COPY --from, RUN --mount=from.
    fn stage_deps(&self, i: usize) -> Result<Vec<usize>, Error> {
        let stage = &self.df.stages[i];
        let mut refs = Vec::new();
        if let Kind::From { image, .. } = &stage.from.kind {
            refs.push(self.expand_global(&stage.from, image)?);
        }
        for inst in &stage.instructions {
            let flags = match &inst.kind {
                Kind::Copy { flags, .. } => {
                    flags.iter().filter(|f| f.name == "from").filter_map(|f| f.value.clone()).collect()
                }
                Kind::Run { flags, .. } => flags
                    .iter()
                    .filter(|f| f.name == "mount")
                    .filter_map(|f| f.value.as_deref())
                    .filter_map(|v| mount_options(v).get("from").cloned())
                    .collect(),
                _ => Vec::new(),
            };
            refs.extend(flags);
        }
        Ok(refs.into_iter().filter_map(|r| self.stage_ref(&r, i)).collect())
    }

    fn expand_global(&self, inst: &Instruction, text: &str) -> Result<String, Error> {
        let vars = |n: &str| self.global_args.get(n).cloned();
        words::expand(text, &vars, self.df.escape).map_err(|e| self.err_src(inst, e))
    }

    fn expand(&self, state: &State, inst: &Instruction, text: &str) -> Result<String, Error> {
        let vars = |n: &str| state.var(n);
        words::expand(text, &vars, self.df.escape).map_err(|e| self.err_src(inst, e))
    }

    /// `--> ID` after a step, but the last (podman prints COMMIT there).
    fn done(&self, id: &str) {
        if self.step < self.total {
            self.reporter.step_done(id);
        }
    }

    fn next_step(&mut self, inst: &Instruction) {
        self.step += 1;
        self.reporter.step(self.step, self.total, &inst.text);
    }

    /// The base of a FROM or COPY --from: a stage built before, `scratch`, or an image.
    fn base(&self, name: &str, before: usize) -> Result<State, Error> {
        if let Some(i) = self.stage_ref(name, before) {
            let mut s = self.done.get(&i).cloned().expect("stages are built in order");
            s.args.clear();
            return Ok(s);
        }
        if name == "scratch" {
            let config = json!({
                "architecture": super::host_arch(),
                "os": "linux",
                "config": {},
                "rootfs": {"type": "layers", "diff_ids": []},
                "history": [],
            });
            return Ok(State {
                layers: Vec::new(),
                config,
                base: "scratch".into(),
                args: BTreeMap::new(),
                key: "scratch".into(),
                base_layers: 0,
            });
        }
        let image = self
            .bases
            .image(self.store, name)
            .map_err(|source| Error::Base { image: name.into(), source })?;
        let config: Value = serde_json::from_slice(&self.store.blobs().read(&image.config_digest)?)
            .map_err(|source| EngineError::ImageConfig { digest: image.config_digest.clone(), source })?;
        let base = format!("sha256:{}", image.id);
        Ok(State {
            base_layers: image.layers.len(),
            layers: image.layers.clone(),
            config,
            key: base.clone(),
            base,
            args: BTreeMap::new(),
        })
    }

    fn build_stage(&mut self, index: usize) -> Result<State, Error> {
        let stage = &self.df.stages[index];
        let from = &stage.from;
        self.next_step(from);
        let Kind::From { image, flags, .. } = &from.kind else { unreachable!("a stage starts with FROM") };
        if let Some(p) = flag(flags, "platform") {
            let wanted = self.expand_global(from, &p)?;
            if wanted != native_platform() && wanted != "linux" {
                return Err(Error::Platform { wanted, native: native_platform() });
            }
        }
        let name = self.expand_global(from, image)?;
        let mut state = self.base(&name, index)?;
        // Only the ARGs a stage declares are its own (the automatic ones too, as in docker).
        state.args = BTreeMap::new();
        // `--env` is in effect from the start (RUN steps see it); the commit sets it again, last.
        if !self.opts.env.is_empty() {
            let mut env = state.env();
            for (k, v) in &self.opts.env {
                env.retain(|e| e.split('=').next() != Some(k.as_str()));
                env.push(format!("{k}={v}"));
            }
            state.conf().insert("Env".into(), json!(env));
        }
        // ONBUILD triggers of the base run first, and are not inherited.
        let triggers = strings(state.config.pointer("/config/OnBuild"));
        state.conf().remove("OnBuild");
        for t in triggers {
            let inst = Dockerfile::parse_trigger(&name, &t)?;
            self.instruction(index, &mut state, &inst)?;
        }
        for inst in &stage.instructions {
            self.next_step(inst);
            self.instruction(index, &mut state, inst)?;
        }
        Ok(state)
    }

    /// Adds a history entry for a step without a layer.
    fn history(&self, state: &mut State, created_by: String, empty: bool) {
        let mut entry = json!({"created": self.created, "created_by": created_by});
        if empty {
            entry["empty_layer"] = json!(true);
        }
        let obj = state.config.as_object_mut().expect("an object");
        match obj.get_mut("history").and_then(Value::as_array_mut) {
            Some(h) => h.push(entry),
            None => {
                obj.insert("history".into(), json!([entry]));
            }
        }
    }

    fn config_step(&self, state: &mut State, inst: &Instruction, summary: String) {
        self.history(state, format!("/bin/sh -c #(nop) {summary}"), true);
        state.key = cache::key(
            &json!({"parent": state.key, "config": state.config["config"], "instruction": summary}),
        );
        self.done(&short(&state.key));
        let _ = inst;
    }

    /// A layer step is done: it joins the stage's key.
    fn layer_done(&self, state: &mut State, key: &str) {
        state.key = cache::key(&json!({"parent": state.key, "step": key}));
    }

    fn instruction(&mut self, index: usize, state: &mut State, inst: &Instruction) -> Result<(), Error> {
        let esc = self.df.escape;
        match &inst.kind {
            Kind::From { .. } => return Err(self.err(inst, "FROM inside a stage")),
            Kind::Arg(text) => {
                let global = self.global_args.clone();
                let mut args = std::mem::take(&mut state.args);
                let r = self.arg(inst, text, &global, &mut args);
                state.args = args;
                r?;
                self.config_step(state, inst, format!("ARG {text}"));
            }
            Kind::Env(text) => {
                let vars = |n: &str| state.var(n);
                let pairs = words::pairs(text, &vars, esc, true).map_err(|e| self.err_src(inst, e))?;
                let mut env = state.env();
                let mut summary = Vec::new();
                for (k, v) in pairs {
                    let v = v.ok_or_else(|| self.err(inst, format!("{k}: expected NAME=VALUE")))?;
                    env.retain(|e| e.split('=').next() != Some(k.as_str()));
                    summary.push(format!("{k}={v}"));
                    env.push(format!("{k}={v}"));
                }
                state.conf().insert("Env".into(), json!(env));
                self.config_step(state, inst, format!("ENV {}", summary.join(" ")));
            }
            Kind::Label(text) => {
                let vars = |n: &str| state.var(n);
                let pairs = words::pairs(text, &vars, esc, true).map_err(|e| self.err_src(inst, e))?;
                let mut summary = Vec::new();
                for (k, v) in pairs {
                    let v = v.ok_or_else(|| self.err(inst, format!("{k}: expected NAME=VALUE")))?;
                    summary.push(format!("{k}={v}"));
                    let labels = state.conf().entry("Labels").or_insert_with(|| json!({}));
                    if !labels.is_object() {
                        *labels = json!({});
                    }
                    labels[k] = json!(v);
                }
                self.config_step(state, inst, format!("LABEL {}", summary.join(" ")));
            }
            Kind::Maintainer(name) => {
                let name = self.expand(state, inst, name)?;
                state.config["author"] = json!(name);
                self.config_step(state, inst, format!("MAINTAINER {name}"));
            }
            Kind::Workdir(dir) => {
                let dir = self.expand(state, inst, dir)?;
                let dir = if dir.starts_with('/') {
                    dir
                } else {
                    format!("{}/{dir}", state.workdir().trim_end_matches('/'))
                };
                state.conf().insert("WorkingDir".into(), json!(dir));
                self.config_step(state, inst, format!("WORKDIR {dir}"));
            }
            Kind::User(user) => {
                let user = self.expand(state, inst, user)?;
                state.conf().insert("User".into(), json!(user));
                self.config_step(state, inst, format!("USER {user}"));
            }
            Kind::Expose(ports) => {
                let mut all = Vec::new();
                for p in ports {
                    let vars = |n: &str| state.var(n);
                    all.extend(words::expand_all(p, &vars, esc).map_err(|e| self.err_src(inst, e))?);
                }
                for p in &all {
                    let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
                    let proto = proto.to_ascii_lowercase();
                    if num.split('-').any(|n| n.parse::<u16>().is_err())
                        || !["tcp", "udp", "sctp"].contains(&proto.as_str())
                    {
                        return Err(
                            self.err(inst, format!("invalid port {p:?}: expected PORT[/tcp|udp|sctp]"))
                        );
                    }
                    let ports = state.conf().entry("ExposedPorts").or_insert_with(|| json!({}));
                    if !ports.is_object() {
                        *ports = json!({});
                    }
                    ports[format!("{num}/{proto}")] = json!({});
                }
                self.config_step(state, inst, format!("EXPOSE {}", all.join(" ")));
            }
            Kind::Volume(vols) => {
                let mut all = Vec::new();
                for v in vols {
                    let v = self.expand(state, inst, v)?;
                    if v.is_empty() {
                        return Err(self.err(inst, "a volume cannot be empty"));
                    }
                    let vol = state.conf().entry("Volumes").or_insert_with(|| json!({}));
                    if !vol.is_object() {
                        *vol = json!({});
                    }
                    vol[&v] = json!({});
                    all.push(v);
                }
                self.config_step(state, inst, format!("VOLUME {:?}", all));
            }
            Kind::StopSignal(sig) => {
                let sig = self.expand(state, inst, sig)?;
                state.conf().insert("StopSignal".into(), json!(sig));
                self.config_step(state, inst, format!("STOPSIGNAL {sig}"));
            }
            Kind::Cmd(cmd) => {
                let list = self.command_list(state, cmd);
                state.conf().insert("Cmd".into(), json!(list));
                self.config_step(state, inst, format!("CMD {}", json!(list)));
            }
            Kind::Entrypoint(cmd) => {
                let list = self.command_list(state, cmd);
                let c = state.conf();
                c.insert("Entrypoint".into(), json!(list));
                // docker: an ENTRYPOINT resets the CMD of the base image (not one of this stage).
                let own_cmd = self.df.stages[index]
                    .instructions
                    .iter()
                    .take_while(|i| !std::ptr::eq(*i, inst))
                    .any(|i| matches!(i.kind, Kind::Cmd(_)));
                if !own_cmd {
                    state.conf().remove("Cmd");
                }
                self.config_step(state, inst, format!("ENTRYPOINT {}", json!(list)));
            }
            Kind::Shell(list) => {
                if list.is_empty() {
                    return Err(self.err(inst, "SHELL needs a command in JSON form"));
                }
                state.conf().insert("Shell".into(), json!(list));
                self.config_step(state, inst, format!("SHELL {}", json!(list)));
            }
            Kind::Healthcheck { flags, command } => {
                let check = match command {
                    None => json!({"Test": ["NONE"]}),
                    Some(cmd) => {
                        let test = match cmd {
                            Command::Exec(v) => std::iter::once("CMD".to_string())
                                .chain(v.iter().cloned())
                                .collect::<Vec<_>>(),
                            Command::Shell(s) => vec!["CMD-SHELL".into(), s.clone()],
                        };
                        let mut hc = json!({"Test": test});
                        for f in flags {
                            let v = f.value.clone().unwrap_or_default();
                            let key = match f.name.as_str() {
                                "interval" => "Interval",
                                "timeout" => "Timeout",
                                "start-period" => "StartPeriod",
                                "start-interval" => "StartInterval",
                                "retries" => {
                                    let n: u64 = v
                                        .parse()
                                        .map_err(|_| self.err(inst, format!("invalid --retries {v:?}")))?;
                                    hc["Retries"] = json!(n);
                                    continue;
                                }
                                other => return Err(self.err(inst, format!("unknown flag --{other}"))),
                            };
                            let d = humantime::parse_duration(&v)
                                .map_err(|e| self.err(inst, format!("invalid --{} {v:?}: {e}", f.name)))?;
                            hc[key] = json!(d.as_nanos() as u64);
                        }
                        hc
                    }
                };
                state.conf().insert("Healthcheck".into(), check);
                self.config_step(state, inst, inst.text.clone());
            }
            Kind::OnBuild(text) => {
                let upper = text.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                if ["ONBUILD", "FROM", "MAINTAINER"].contains(&upper.as_str()) {
                    return Err(self.err(inst, format!("{upper} is not allowed as an ONBUILD trigger")));
                }
                let list = state.conf().entry("OnBuild").or_insert_with(|| json!([]));
                if let Some(a) = list.as_array_mut() {
                    a.push(json!(text));
                }
                self.config_step(state, inst, format!("ONBUILD {text}"));
            }
            Kind::Run { flags, command } => self.run(index, state, inst, flags, command)?,
            Kind::Copy { add, flags, sources, dest } => {
                self.copy(index, state, inst, *add, flags, sources, dest)?
            }
        }
        Ok(())
    }

    fn command_list(&self, state: &State, cmd: &Command) -> Vec<String> {
        match cmd {
            Command::Exec(v) => v.clone(),
            Command::Shell(s) => {
                let mut l = state.shell();
                l.push(s.clone());
                l
            }
        }
    }

    /// A cached layer for `key`, if the cache may be used and the layer is still stored.
    fn cached(&self, key: &str) -> Result<Option<LayerRef>, Error> {
        if self.opts.no_cache {
            return Ok(None);
        }
        cache::lookup(self.store, key)
    }

    /// Stores what the step changed in `root` as a new layer on top of `state` and records it
    /// in the cache under `key`.
    fn add_layer(
        &self,
        state: &mut State,
        root: &Root,
        key: &str,
        step: &str,
        created_by: String,
    ) -> Result<(), Error> {
        let layer = self.store_layer(state, root, step)?;
        cache::record(self.store, key, &layer);
        state.layers.push(layer);
        self.history(state, created_by, false);
        Ok(())
    }

    fn use_cached(&self, state: &mut State, layer: LayerRef, key: &str, created_by: String) {
        self.reporter.cache_hit(&short(key), self.step == self.total);
        state.layers.push(layer);
        self.history(state, created_by, false);
    }

    /// Stores the layer of a step's root (what RUN changed, or a copy that could not stream).
    fn store_layer(&self, state: &State, root: &Root, step: &str) -> Result<LayerRef, Error> {
        self.store_root_tar(state, root, step, |w| root.write_layer(w).map(drop))
    }

    /// Stores the tar `write` writes from `root` as a layer on `state`'s layers; with
    /// `--timestamp` every mtime is clamped on the way (through a scratch file of the root),
    /// else it is streamed (see [`Builder::store_streamed`]).
    fn store_root_tar(
        &self,
        state: &State,
        root: &Root,
        step: &str,
        write: impl Fn(&mut dyn Write) -> io::Result<()> + Sync,
    ) -> Result<LayerRef, Error> {
        let err = |source| Error::Layer { step: step.into(), source };
        match self.opts.timestamp {
            Some(t) => {
                let raw = root.scratch("layer.tar");
                let mut w = io::BufWriter::new(fs_err::File::create(&raw).map_err(err)?);
                write(&mut w).map_err(err)?;
                w.flush().map_err(err)?;
                drop(w);
                self.store_blob_layer(state, step, |blob| clamp_mtimes(&raw, blob, t).map_err(err))
            }
            None => {
                let tar = |w: &mut dyn Write| {
                    write(w).map_err(|source| sources::Error::Write { path: root.path().into(), source })
                };
                self.store_streamed(state, step, &tar).map_err(|e| match e {
                    Streamed::Source(e) => err(io::Error::other(e)),
                    Streamed::Build(e) => e,
                })
            }
        }
    }

    /// `--squash`: the layers this build made (or, `--squash-all`, every layer) become one, as
    /// the image's files are at the end; the history keeps its entries, all but the last of the
    /// squashed ones marked empty.
    fn squash(&self, state: &mut State) -> Result<(), Error> {
        let keep = match self.opts.squash {
            Squash::No => return Ok(()),
            Squash::New => state.base_layers,
            Squash::All => 0,
        };
        if state.layers.len() <= keep + 1 {
            return Ok(());
        }
        let root = Root::open(self.ctx, self.store, &state.layers)?;
        let below: Vec<LayerRef> = state.layers[..keep].to_vec();
        let base_dirs: Vec<PathBuf> =
            below.iter().rev().map(|l| self.store.layer_diff_dir(&l.chain_id)).collect::<Result<_, _>>()?;
        let step = "squash";
        let squashed = State { layers: below.clone(), ..state.clone() };
        let layer = if keep == 0 {
            self.store_root_tar(&squashed, &root, step, |w| root.write_tree(w).map(drop))?
        } else {
            self.store_root_tar(&squashed, &root, step, |w| root.write_diff(&base_dirs, w).map(drop))?
        };
        drop(root);
        let mut layers = below;
        layers.push(layer);
        state.layers = layers;
        // History: the entries with a layer beyond the kept ones, all but the last made empty.
        if let Some(h) = state.config.get_mut("history").and_then(Value::as_array_mut) {
            let with_layer: Vec<usize> = h
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.get("empty_layer").and_then(Value::as_bool).unwrap_or(false))
                .map(|(i, _)| i)
                .collect();
            let squashed: Vec<usize> = with_layer.into_iter().skip(keep).collect();
            for i in squashed.iter().rev().skip(1) {
                h[*i]["empty_layer"] = json!(true);
            }
        }
        Ok(())
    }

    /// Stores the layer tar `write` writes, which writes the same bytes every time: once into a
    /// hash for its digest, then again from a thread through a pipe into `Store::ingest_layer`,
    /// which stores the blob and unpacks it in one pass. Nothing is staged on disk and the blob
    /// is synced with the layer (one syncfs). A source that changes in between fails the digest
    /// check: nothing is stored then.
    fn store_streamed(
        &self,
        state: &State,
        step: &str,
        write: &(dyn Fn(&mut dyn Write) -> Result<(), sources::Error> + Sync),
    ) -> Result<LayerRef, Streamed> {
        let err = |source| Streamed::Build(Error::Layer { step: step.into(), source });
        let mut hashing = super::data::Hashing { inner: io::sink(), hasher: Sha256::new(), written: 0 };
        write(&mut hashing).map_err(Streamed::Source)?;
        let diff_id = format!("sha256:{}", hex::encode(hashing.hasher.finalize()));
        let size = hashing.written;
        let mut diff_ids: Vec<String> = state.layers.iter().map(|l| l.diff_id.clone()).collect();
        diff_ids.push(diff_id.clone());
        let chain_id = chain_ids(&diff_ids).pop().expect("one layer at least");
        let expect = LayerExpect {
            blob_digest: diff_id.clone(),
            blob_size: Some(size),
            diff_id: diff_id.clone(),
            chain_id: chain_id.clone(),
            media_type: LAYER_TAR.into(),
        };
        let (reader, writer) = io::pipe().map_err(err)?;
        // The writer thread ends (and is joined) before this returns: a RUN step after needs a
        // single-threaded process.
        let (stored, written) = std::thread::scope(|scope| {
            let producer = scope.spawn(move || {
                let mut w = io::BufWriter::with_capacity(256 * 1024, writer);
                write(&mut w)?;
                w.flush().map_err(|source| sources::Error::Write { path: "layer".into(), source })
            });
            let stored =
                self.store.ingest_layer(io::BufReader::with_capacity(256 * 1024, reader), expect, &|_| {});
            (stored, producer.join())
        });
        let stored = stored.map_err(|e| Streamed::Build(e.into()));
        match written {
            // The producer's own failure says more than the digest mismatch it caused.
            Ok(Err(e)) if stored.is_err() => return Err(Streamed::Source(e)),
            Err(_) => return Err(err(io::Error::other("the layer writer panicked"))),
            _ => {}
        }
        stored?;
        Ok(LayerRef {
            chain_id,
            diff_id: diff_id.clone(),
            blob_digest: diff_id,
            media_type: LAYER_TAR.into(),
            size,
        })
    }

    /// Stores the layer tar `write` writes: straight into a blob (hashed while written, no
    /// scratch copy), then unpacked from it by `Store::ingest_layer` (which finds the blob there
    /// and only reads it). A layer with the same content is stored once.
    fn store_blob_layer(
        &self,
        state: &State,
        step: &str,
        write: impl FnOnce(&mut storage::BlobWriter<'_>) -> Result<(), Error>,
    ) -> Result<LayerRef, Error> {
        let err = |source| Error::Layer { step: step.into(), source };
        let mut blob = self.store.blobs().writer()?;
        write(&mut blob)?;
        blob.flush().map_err(err)?;
        let (diff_id, size) = (blob.digest(), blob.written());
        if self.store.blobs().has(&diff_id)? {
            drop(blob);
        } else {
            blob.commit(&diff_id, Some(size))?;
        }
        let mut diff_ids: Vec<String> = state.layers.iter().map(|l| l.diff_id.clone()).collect();
        diff_ids.push(diff_id.clone());
        let chain_id = chain_ids(&diff_ids).pop().expect("one layer at least");
        let file = self.store.blobs().open(&diff_id)?;
        self.store.ingest_layer(
            io::BufReader::with_capacity(256 * 1024, file),
            LayerExpect {
                blob_digest: diff_id.clone(),
                blob_size: Some(size),
                diff_id: diff_id.clone(),
                chain_id: chain_id.clone(),
                media_type: LAYER_TAR.into(),
            },
            &|_| {},
        )?;
        Ok(LayerRef {
            chain_id,
            diff_id: diff_id.clone(),
            blob_digest: diff_id,
            media_type: LAYER_TAR.into(),
            size,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn copy(
        &mut self,
        index: usize,
        state: &mut State,
        inst: &Instruction,
        add: bool,
        flags: &[Flag],
        srcs: &[Source],
        dest: &str,
    ) -> Result<(), Error> {
        let keyword = if add { "ADD" } else { "COPY" };
        let dest = self.expand(state, inst, dest)?;
        let dest = if dest.starts_with('/') {
            dest
        } else {
            let wd = state.workdir();
            let joined = format!("{}/{dest}", wd.trim_end_matches('/'));
            if dest == "." || dest.ends_with('/') || dest.ends_with("/.") {
                format!("{}/", joined.trim_end_matches('.').trim_end_matches('/'))
            } else {
                joined
            }
        };
        let chown = flag(flags, "chown").map(|c| self.expand(state, inst, &c)).transpose()?;
        let chmod = match flag(flags, "chmod") {
            Some(m) => Some(
                u32::from_str_radix(&m, 8)
                    .map_err(|_| self.err(inst, format!("invalid --chmod {m:?}: expected an octal mode")))?,
            ),
            None => None,
        };
        // The source root: the context, or a stage's or image's mounted root.
        let from_name = flag(flags, "from").map(|f| self.expand(state, inst, &f)).transpose()?;
        let from_root = match &from_name {
            Some(name) => {
                let base = self.base(name, index)?;
                Some((Root::open(self.ctx, self.store, &base.layers)?, name.clone()))
            }
            None => None,
        };
        let from = match &from_root {
            Some((root, name)) => {
                sources::From { root: root.path(), ignore: None, name: format!("stage {name}") }
            }
            None => sources::From {
                root: &self.opts.context,
                ignore: self.ignore.as_ref(),
                name: "the build context".into(),
            },
        };
        let mut plan = sources::Plan::default();
        let mut shown = Vec::new();
        // Downloads of ADD URL live in a scratch directory until the layer is stored.
        let mut downloads: Option<super::transfer::Spool> = None;
        for s in srcs {
            match s {
                Source::Path(p) => {
                    let p = self.expand(state, inst, p)?;
                    if fetch::is_url(&p) {
                        if !add {
                            return Err(self.err_src(inst, fetch::Error::CopyUrl { url: p }));
                        }
                        if from_name.is_some() {
                            return Err(self.err(inst, format!("{p}: ADD --from cannot add a URL")));
                        }
                        let spool = match &mut downloads {
                            Some(s) => s,
                            None => downloads.insert(
                                super::transfer::Spool::new(self.store, "build-add-")
                                    .map_err(|e| Error::Scratch(Box::new(e)))?,
                            ),
                        };
                        let file = spool.file().with_file_name(format!("download-{}", shown.len()));
                        let got = fetch::fetch(&p, &file).map_err(|e| self.err_src(inst, e))?;
                        let name = match (got.name, dest.ends_with('/')) {
                            (Some(n), _) => n,
                            (None, false) => "download".into(),
                            (None, true) => {
                                return Err(self.err_src(inst, fetch::Error::NoName { url: p.clone() }))
                            }
                        };
                        plan.add_download(&name, file, got.mtime);
                        shown.push(p);
                        continue;
                    }
                    plan.add(&from, &p).map_err(|e| self.err_src(inst, e))?;
                    shown.push(p);
                }
                Source::HereDoc { content, expand } => {
                    let content = if *expand { self.expand(state, inst, content)? } else { content.clone() };
                    let name = Path::new(&dest)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "heredoc".into());
                    plan.add_heredoc(&name, content.into_bytes());
                    shown.push("<<heredoc".into());
                }
            }
        }
        if srcs.is_empty() {
            return Err(self.err(inst, "no source files were specified"));
        }
        if plan.is_several() && !dest.ends_with('/') {
            return Err(self.err(inst, format!("when using {keyword} with more than one source file, the destination must be a directory and end with a /")));
        }
        let content = plan.hash().map_err(|e| self.err_src(inst, e))?;
        let summary = format!("{keyword} {}{} {dest}", flags_text(flags), shown.join(" "));
        let key = cache::key(&json!({
            "parent": state.parent_key(),
            "config": state.config["config"],
            "instruction": summary,
            "content": content,
        }));
        let created_by = format!("/bin/sh -c #(nop) {keyword} {} in {dest} ", shown.join(" "));
        if let Some(layer) = self.cached(&key)? {
            self.use_cached(state, layer, &key, created_by);
            self.layer_done(state, &key);
            return Ok(());
        }
        let root = Root::open(self.ctx, self.store, &state.layers)?;
        let owner = match &chown {
            Some(c) => {
                Some(resolve_owner(&root, c).map_err(|e| self.err(inst, format!("--chown={c}: {e}")))?)
            }
            None => None,
        };
        if plan.streamable(add) {
            // The layer straight from the sources: each file read once, nothing staged.
            let now = self.opts.timestamp.unwrap_or_else(|| chrono::Utc::now().timestamp());
            let timestamp = self.opts.timestamp;
            let write = |w: &mut dyn Write| -> Result<(), sources::Error> {
                plan.write_layer(&root, &dest, owner, chmod, timestamp, now, w).map(drop)
            };
            let layer = self.store_streamed(state, &inst.text, &write).map_err(|e| match e {
                Streamed::Source(e) => self.err_src(inst, e),
                Streamed::Build(e) => e,
            })?;
            drop(from_root);
            cache::record(self.store, &key, &layer);
            state.layers.push(layer);
            self.history(state, created_by, false);
            self.layer_done(state, &key);
            self.done(&short(&key));
            return Ok(());
        }
        let unmapped = plan.apply(&root, &dest, owner, chmod, add).map_err(|e| self.err_src(inst, e))?;
        if unmapped > 0 {
            self.reporter.warn(&format!(
                "{unmapped} files added by \"{}\" are owned by ids outside your /etc/subuid range and were given to root",
                inst.text
            ));
        }
        drop(from_root);
        self.add_layer(state, &root, &key, &inst.text, created_by)?;
        self.layer_done(state, &key);
        self.done(&short(&key));
        Ok(())
    }

    fn run(
        &mut self,
        index: usize,
        state: &mut State,
        inst: &Instruction,
        flags: &[Flag],
        command: &Command,
    ) -> Result<(), Error> {
        let args = self.command_list(state, command);
        let arg_env: Vec<String> = state.args.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let host_network = match flag(flags, "network").as_deref() {
            Some("none") => false,
            Some("host" | "default") => true,
            Some(other) => return Err(self.err(inst, format!("unsupported --network={other}"))),
            None => self.opts.network == Network::Host,
        };
        let mounts: Vec<BTreeMap<String, String>> = flags
            .iter()
            .filter(|f| f.name == "mount")
            .map(|f| mount_options(f.value.as_deref().unwrap_or("")))
            .collect();
        // Files a bind or secret mount reads are part of the key, as COPY's are.
        let mut mount_content = Vec::new();
        for m in &mounts {
            if let Some(id) = m.get("id").filter(|_| m.get("type").map(String::as_str) == Some("secret")) {
                mount_content.push(format!("secret:{id}"));
            }
        }
        let key = cache::key(&json!({
            "parent": state.parent_key(),
            "config": state.config["config"],
            "args": state.args,
            "instruction": inst.text,
            "command": args,
            "mounts": mounts,
            "network": host_network,
        }));
        let created_by = match command {
            Command::Shell(s) => format!("{} {s}", state.shell().join(" ")),
            Command::Exec(v) => v.join(" "),
        };
        if let Some(layer) = self.cached(&key)? {
            self.use_cached(state, layer, &key, created_by);
            self.layer_done(state, &key);
            return Ok(());
        }
        let root = Root::open(self.ctx, self.store, &state.layers)?;
        // The working directory exists for the command (and in the layer, as docker makes it).
        let wd = root
            .resolve(Path::new(&state.workdir()))
            .map_err(|source| Error::Io { path: state.workdir().into(), source })?;
        fs_err::create_dir_all(&wd).map_err(|source| Error::Io { path: wd.clone(), source })?;
        let mut spec_mounts = Vec::new();
        let mut tmpfs = Vec::new();
        let mut placeholders = Vec::new();
        let mut _mount_roots = Vec::new();
        for m in &mounts {
            let target = m.get("target").or_else(|| m.get("dst")).or_else(|| m.get("destination")).cloned();
            let typ = m.get("type").map(String::as_str).unwrap_or("bind");
            let target = match (typ, target) {
                ("secret", None) => format!("/run/secrets/{}", m.get("id").cloned().unwrap_or_default()),
                (_, Some(t)) => t,
                (_, None) => return Err(self.err(inst, "--mount needs a target")),
            };
            let target = if target.starts_with('/') {
                target
            } else {
                format!("{}/{target}", state.workdir().trim_end_matches('/'))
            };
            let in_root = root
                .resolve(Path::new(&target))
                .map_err(|source| Error::Io { path: target.clone().into(), source })?;
            if fs_err::symlink_metadata(&in_root).is_err() {
                placeholders.push(in_root);
            }
            let (source, options): (PathBuf, Vec<&str>) = match typ {
                "tmpfs" => {
                    tmpfs.push(format!("{target}:rw,exec"));
                    continue;
                }
                "cache" => {
                    let id = m.get("id").cloned().unwrap_or_else(|| target.clone());
                    let dir =
                        self.ctx.paths.graph_root.join("build-cache-mounts").join(cache::key(&json!(id)));
                    fs_err::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
                    (dir, vec!["rbind", "rw"])
                }
                "secret" => {
                    let id = m.get("id").cloned().unwrap_or_default();
                    let src = match self.opts.secrets.get(&id) {
                        Some(p) => p.clone(),
                        None if m.get("required").map(String::as_str) == Some("true") => {
                            return Err(self.err(inst, format!("secret {id:?} was not given with --secret")))
                        }
                        None => continue,
                    };
                    (src, vec!["rbind", "ro"])
                }
                "bind" => {
                    let src = m.get("source").or_else(|| m.get("src")).cloned().unwrap_or_default();
                    let base = match m.get("from") {
                        Some(from) => {
                            let b = self.base(from, index)?;
                            let r = Root::open(self.ctx, self.store, &b.layers)?;
                            let p = r.path().to_path_buf();
                            _mount_roots.push(r);
                            p
                        }
                        None => self.opts.context.clone(),
                    };
                    let p = crate::runtime::linux::mounts::secure_join(&base, Path::new(&src))
                        .map_err(|source| Error::Io { path: src.clone().into(), source })?;
                    if fs_err::symlink_metadata(&p).is_err() {
                        return Err(
                            self.err(inst, format!("--mount source {src:?}: no such file or directory"))
                        );
                    }
                    (p, vec!["rbind", "ro"])
                }
                other => return Err(self.err(inst, format!("unsupported --mount type {other:?}"))),
            };
            let mut mount = oci_spec::runtime::Mount::default();
            mount.set_destination(PathBuf::from(&target));
            mount.set_typ(Some("bind".into()));
            mount.set_source(Some(source));
            mount.set_options(Some(options.iter().map(|s| s.to_string()).collect()));
            spec_mounts.push(mount);
        }
        // mounts.conf: a copy of each source per step (what the step writes there is dropped).
        for (n, m) in self.opts.default_mounts.iter().enumerate() {
            if spec_mounts.iter().any(|s| s.destination() == Path::new(&m.destination)) {
                continue;
            }
            let copy = root.scratch(&format!("default-mount-{n}"));
            crate::engine::mounts_conf::copy(m, &copy).map_err(|e| self.err_src(inst, e))?;
            let in_root = root
                .resolve(Path::new(&m.destination))
                .map_err(|source| Error::Io { path: m.destination.clone().into(), source })?;
            if fs_err::symlink_metadata(&in_root).is_err() {
                placeholders.push(in_root);
            }
            let mut mount = oci_spec::runtime::Mount::default();
            mount.set_destination(PathBuf::from(&m.destination));
            mount.set_typ(Some("bind".into()));
            mount.set_source(Some(copy));
            mount.set_options(Some(vec!["rbind".into(), "rw".into()]));
            spec_mounts.push(mount);
        }
        let resolv_conf = match self.opts.dns.is_empty() {
            true => None,
            false => {
                let host = fs_err::read_to_string("/etc/resolv.conf").unwrap_or_default();
                let path = root.scratch("resolv.conf");
                fs_err::write(&path, self.opts.dns.apply(&host))
                    .map_err(|source| Error::Io { path: path.clone(), source })?;
                Some(path)
            }
        };
        let spec = root::run_spec(
            &root,
            &state.config,
            RunSpec {
                args,
                env: arg_env,
                mounts: spec_mounts,
                tmpfs,
                host_network,
                resolv_conf,
                ulimits: self.opts.ulimits.clone(),
                seccomp: self.opts.seccomp.clone(),
            },
        )?;
        let captured = self.reporter.capture().then(|| root.scratch("output"));
        let status = match self.opts.runtime.as_deref().filter(|r| *r != "builtin") {
            Some(runtime) => root.run_external(
                &spec,
                runtime,
                &self.opts.runtime_flags,
                &self.ctx.paths.run_root,
                captured.as_deref(),
            ),
            None => match root::builtin_flags_unknown(&self.opts.runtime_flags) {
                Some(flag) => {
                    return Err(Error::RunStart {
                        step: inst.text.clone(),
                        message: format!("the built-in runtime has no global flag {flag}"),
                        code: 1,
                    })
                }
                None => match &captured {
                    // In a thread next to other stages: in a child process (this one has threads).
                    Some(out) => root.run_child(&spec, self.ctx, out),
                    None => root.run(&spec),
                },
            },
        };
        if let Some(out) = &captured {
            if let Ok(bytes) = fs_err::read(out) {
                self.reporter.output(&bytes);
            }
        }
        for p in placeholders.iter().rev() {
            let _ = fs_err::remove_dir(p).or_else(|_| fs_err::remove_file(p));
        }
        drop(_mount_roots);
        match status {
            Ok(Status::Exited(0)) => {}
            Ok(Status::Exited(code)) => return Err(Error::RunFailed { step: inst.text.clone(), code }),
            Ok(Status::Signaled(signal)) => return Err(Error::RunKilled { step: inst.text.clone(), signal }),
            Err(Error::Runtime(crate::runtime::linux::Error::Start { message, failure })) => {
                return Err(Error::RunStart { step: inst.text.clone(), message, code: failure.exit_code() })
            }
            Err(e) => return Err(e),
        }
        self.add_layer(state, &root, &key, &inst.text, created_by)?;
        self.layer_done(state, &key);
        self.done(&short(&key));
        Ok(())
    }

    /// Writes the config and manifest and records the image (last).
    fn commit(&self, mut state: State, names: Vec<String>) -> Result<ImageRecord, Error> {
        if !self.opts.env.is_empty() || !self.opts.unset_env.is_empty() {
            let mut env = state.env();
            for (k, v) in &self.opts.env {
                env.retain(|e| e.split('=').next() != Some(k.as_str()));
                env.push(format!("{k}={v}"));
            }
            env.retain(|e| !self.opts.unset_env.iter().any(|u| e.split('=').next() == Some(u.as_str())));
            state.conf().insert("Env".into(), json!(env));
        }
        for (k, v) in &self.opts.labels {
            let labels = state.conf().entry("Labels").or_insert_with(|| json!({}));
            if !labels.is_object() {
                *labels = json!({});
            }
            labels[k] = json!(v);
        }
        if self.opts.format == Format::Oci {
            for (field, what) in [("Healthcheck", "HEALTHCHECK"), ("Shell", "SHELL"), ("OnBuild", "ONBUILD")]
            {
                let c = state.conf();
                let present =
                    c.get(field).is_some_and(|v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()));
                c.remove(field);
                if present {
                    self.reporter.warn(&format!("{what} is not supported for OCI image format and will be ignored. Must use `docker` format"));
                }
            }
        }
        self.squash(&mut state)?;
        let diff_ids: Vec<String> = state.layers.iter().map(|l| l.diff_id.clone()).collect();
        let obj = state.config.as_object_mut().expect("an object");
        obj.insert("created".into(), json!(self.created));
        obj.insert("architecture".into(), json!(super::host_arch()));
        obj.insert("os".into(), json!("linux"));
        obj.insert("rootfs".into(), json!({"type": "layers", "diff_ids": diff_ids}));
        obj.remove("container_config");
        obj.remove("container");
        // The whole image from the cache: the config as the first build wrote it (its times too),
        // so a build whose every step hits gives the same image id.
        let image_key = cache::key(&json!({
            "stage": state.key,
            "labels": self.opts.labels,
            "env": self.opts.env,
            "unsetenv": self.opts.unset_env,
            "format": format!("{:?}", self.opts.format),
            "timestamp": self.opts.timestamp,
            "squash": format!("{:?}", self.opts.squash),
        }));
        let cached = match self.opts.no_cache {
            true => None,
            // Only with the same layers (a step rebuilt after its layer was collected may differ).
            false => cache::lookup_config(self.store, &image_key).filter(|bytes| {
                serde_json::from_slice::<Value>(bytes)
                    .is_ok_and(|c| c["rootfs"]["diff_ids"] == state.config["rootfs"]["diff_ids"])
            }),
        };
        let config_bytes = match cached {
            Some(bytes) => bytes,
            None => {
                let bytes = serde_json::to_vec(&state.config).expect("a config serializes");
                cache::record_config(self.store, &image_key, &bytes);
                bytes
            }
        };
        let config_digest = crate::image::manifest::sha256_digest(&config_bytes);
        let (manifest_type, config_type, layer_type) = match self.opts.format {
            Format::Oci => (OCI_MANIFEST, OCI_CONFIG, None),
            Format::Docker => (DOCKER_MANIFEST, DOCKER_CONFIG, Some(DOCKER_LAYER_TAR)),
        };
        let layers: Vec<LayerDesc> = state
            .layers
            .iter()
            .map(|l| LayerDesc {
                digest: l.blob_digest.clone(),
                size: l.size,
                media_type: match (layer_type, l.media_type.as_str()) {
                    (Some(docker), LAYER_TAR) => docker.into(),
                    (None, "application/vnd.docker.image.rootfs.diff.tar.gzip") => {
                        "application/vnd.oci.image.layer.v1.tar+gzip".into()
                    }
                    (None, DOCKER_LAYER_TAR) => LAYER_TAR.into(),
                    (_, other) => other.into(),
                },
            })
            .collect();
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": manifest_type,
            "config": {"mediaType": config_type, "digest": config_digest, "size": config_bytes.len()},
            "layers": layers.iter().map(|l| json!({"mediaType": l.media_type, "digest": l.digest, "size": l.size})).collect::<Vec<_>>(),
        });
        let manifest_bytes = serde_json::to_vec(&manifest).expect("a manifest serializes");
        let resolved = Resolved {
            manifest_digest: crate::image::manifest::sha256_digest(&manifest_bytes),
            manifest_bytes,
            manifest_media_type: manifest_type.into(),
            index_digest: None,
            config_digest,
            config_bytes,
            layers,
            diff_ids,
            created: chrono::DateTime::parse_from_rfc3339(&self.created).ok().map(|d| d.to_utc()),
            os: "linux".into(),
            architecture: super::host_arch().into(),
        };
        Ok(record_image(self.store, &resolved, names, Vec::new(), &Silent)?)
    }
}

/// Why a streamed layer could not be stored.
enum Streamed {
    /// Reading a source (the step names it).
    Source(sources::Error),
    Build(Error),
}

/// The value of `--name` among `flags`.
fn flag(flags: &[Flag], name: &str) -> Option<String> {
    flags.iter().rev().find(|f| f.name == name).map(|f| f.value.clone().unwrap_or_default())
}

fn flags_text(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| match &f.value {
            Some(v) => format!("--{}={v} ", f.name),
            None => format!("--{} ", f.name),
        })
        .collect()
}

/// `type=cache,target=/x,id=y` as a map (a bare word is `true`).
fn mount_options(text: &str) -> BTreeMap<String, String> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
            None => (kv.trim().to_string(), "true".into()),
        })
        .collect()
}

/// `--chown=USER[:GROUP]` against the root's passwd and group files. A number without a group
/// gives the same gid.
fn resolve_owner(root: &Root, spec: &str) -> Result<(u32, u32), String> {
    let (user, group) = spec.split_once(':').map(|(u, g)| (u, Some(g))).unwrap_or((spec, None));
    if let (Ok(uid), None) = (user.parse::<u32>(), group) {
        return Ok((uid, uid));
    }
    let passwd = root.read_file("/etc/passwd");
    let groups = root.read_file("/etc/group");
    let u = crate::runtime::user::resolve(spec, passwd.as_deref(), groups.as_deref())
        .map_err(|e| e.to_string())?;
    Ok((u.uid, u.gid))
}

/// The first 11 hex digits of a digest or key, as podman's `--> ID` lines show them.
fn short(s: &str) -> String {
    s.trim_start_matches("sha256:").chars().take(11).collect()
}

/// Rewrites a tar with every mtime clamped to at most `t` (SOURCE_DATE_EPOCH's rule).
fn clamp_mtimes(from: &Path, to: impl Write, t: i64) -> io::Result<()> {
    let mut archive = tar::Archive::new(io::BufReader::new(fs_err::File::open(from)?));
    let mut out = tar::Builder::new(to);
    for entry in archive.entries()? {
        let mut entry = entry?;
        let mut header = entry.header().clone();
        if header.mtime().map(|m| m as i64 > t).unwrap_or(true) {
            header.set_mtime(t.max(0) as u64);
        }
        let path = entry.path()?.into_owned();
        let link = entry.link_name()?.map(|l| l.into_owned());
        let pax: Vec<(String, Vec<u8>)> = entry
            .pax_extensions()?
            .map(|exts| {
                exts.filter_map(|e| e.ok())
                    .filter(|e| e.key().is_ok_and(|k| k.starts_with("SCHILY.xattr.")))
                    .map(|e| (e.key().unwrap_or_default().to_string(), e.value_bytes().to_vec()))
                    .collect()
            })
            .unwrap_or_default();
        if !pax.is_empty() {
            out.append_pax_extensions(pax.iter().map(|(k, v)| (k.as_str(), v.as_slice())))?;
        }
        match link {
            Some(l) => out.append_link(&mut header, &path, &l)?,
            None => out.append_data(&mut header, &path, &mut entry)?,
        }
    }
    out.into_inner()?.flush()
}
