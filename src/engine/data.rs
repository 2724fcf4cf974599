//! Data out of and into containers and images, other than `cp` (see [`super::copy`]): `diff`,
//! `commit`, `export`, `import`, and the mount count of `mount`/`unmount`.
//!
//! * diff: [`storage::changes::changes`] of the container's upper dir over its image's layers (a
//!   vfs container's copy is compared with them instead), or of an image's top layer over the
//!   layers below it.
//! * commit and import make an image the way `load` does: the new layer's tar is spooled to
//!   `ROOT/tmp/` while its sha256 (the diff id) is computed, then stored with
//!   [`Store::ingest_layer`] (so it is unpacked, id-mapped and checked like a pulled layer); the
//!   config and manifest blobs follow, and the image record is written last with pull's
//!   [`record_image`], all under the GC guard. A failure at any step leaves at most unreferenced
//!   blobs or layers, which the next `system prune` or GC removes; never a half image.
//!   The layer is stored uncompressed (`application/vnd.oci.image.layer.v1.tar`), as podman's
//!   local storage keeps committed layers.
//! * export: the container's root filesystem, mounted in this process's namespace for the
//!   duration (unless it already is), written as one tar by [`storage::changes::write_tree`].
//! * mount counts: `RUNROOT/containers/<id>/mounts.json` records how often `skiff mount` mounted
//!   the container and in which mount namespace; a count from another (gone) namespace is 0.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use oci_spec::image::{Arch, Config as RunConfig, History, ImageConfiguration, Os, RootFs};
use serde_json::{json, Map, Value};
use sha2::{Digest as _, Sha256};

use super::containers::{self, run_dir};
use super::pull::{chain_ids, record_image, Silent};
use super::transfer::Spool;
use super::{images, Context, Error as EngineError, StorageDriver};
use crate::image::{LayerDesc, Resolved};
use crate::storage::changes;
use crate::storage::{self, ImageRecord, LayerExpect, Store};

/// The types of the results below that the CLI prints.
pub use crate::storage::changes::{Change, Kind};
pub use crate::storage::ContainerRecord;

/// Media types of what commit and import write.
const LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";

/// Errors of diff, commit, export, import and mount.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Transfer(#[from] super::transfer::Error),
    #[error("cannot read the changes of {what} in {}", path.display())]
    ReadChanges {
        what: String,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("invalid change {change:?}: {reason}")]
    InvalidChange { change: String, reason: String },
    #[error("cannot read the archive to import")]
    ImportRead(#[source] io::Error),
    #[error("{name} is not a tar archive (plain, gzip or zstd)")]
    NotATar {
        name: String,
        #[source]
        source: storage::Error,
    },
    #[error("cannot write the tar of container {id}")]
    Export {
        id: String,
        #[source]
        source: io::Error,
    },
    #[error("cannot record the mounts of container {id} in {}", path.display())]
    MountCount {
        id: String,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl From<storage::Error> for Error {
    fn from(e: storage::Error) -> Self {
        Error::Engine(e.into())
    }
}

impl Error {
    /// What the user can do about this error, for the CLI's `hint:` line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::InvalidChange { .. } => Some(
                "use INSTRUCTION VALUE with one of CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR, e.g. -c 'CMD [\"sh\"]'"
                    .into(),
            ),
            _ => None,
        }
    }
}

fn image_of(store: &Store, rec: &ContainerRecord) -> Result<ImageRecord, Error> {
    Ok(store
        .get_image(&rec.image_id)?
        .ok_or_else(|| storage::Error::ImageNotFound { name: rec.image_id.clone() })?)
}

/// The diff dirs of `layers`, top-most first.
fn diff_dirs(store: &Store, layers: &[storage::LayerRef]) -> Result<Vec<PathBuf>, Error> {
    Ok(layers.iter().rev().map(|l| store.layer_diff_dir(&l.chain_id)).collect::<Result<_, _>>()?)
}

/// Where a container's changes are: an overlay upper dir over the image's layers, or (vfs) a
/// full copy to compare with them.
enum Changes {
    Upper(PathBuf),
    Copy(PathBuf),
}

fn changes_of(store: &Store, rec: &ContainerRecord) -> Changes {
    let dirs = store.container_dirs(&rec.id);
    if rec.storage_driver == StorageDriver::Vfs.to_string() {
        Changes::Copy(dirs.merged)
    } else {
        Changes::Upper(dirs.upper)
    }
}

/// `diff CONTAINER`: what the container changed in its image.
pub fn diff_container(store: &Store, rec: &ContainerRecord) -> Result<Vec<Change>, Error> {
    let lowers = diff_dirs(store, &image_of(store, rec)?.layers)?;
    let (result, path) = match changes_of(store, rec) {
        Changes::Upper(upper) => (changes::changes(&upper, &lowers), upper),
        Changes::Copy(copy) => (changes::tree_changes(&copy, &lowers), copy),
    };
    result.map_err(|source| Error::ReadChanges { what: format!("container {}", rec.id), path, source })
}

/// `diff IMAGE`: what the image's top layer changed over the layers below it.
pub fn diff_image(store: &Store, image: &ImageRecord) -> Result<Vec<Change>, Error> {
    let Some((top, below)) = image.layers.split_last() else { return Ok(Vec::new()) };
    let upper = store.layer_diff_dir(&top.chain_id)?;
    let lowers = diff_dirs(store, below)?;
    changes::changes(&upper, &lowers).map_err(|source| Error::ReadChanges {
        what: format!("image {}", &image.id[..12]),
        path: upper,
        source,
    })
}

/// A `Write` that hashes (sha256) and counts what passes through it (layer tars of commit,
/// import and build).
pub(crate) struct Hashing<W> {
    pub(crate) inner: W,
    pub(crate) hasher: Sha256,
    pub(crate) written: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A layer tar spooled in the store: its file, diff id and size.
struct SpooledLayer {
    spool: Spool,
    diff_id: String,
    size: u64,
}

/// Spools the tar `fill` writes, hashing it.
fn spool_layer(
    store: &Store,
    fill: impl FnOnce(&mut Hashing<io::BufWriter<std::fs::File>>) -> io::Result<()>,
    on_error: impl FnOnce(io::Error) -> Error,
) -> Result<SpooledLayer, Error> {
    let spool = Spool::new(store, "layer-")?;
    let path = spool.file();
    let file = std::fs::File::from(fs_err::File::create(&path).map_err(storage::Error::io(&path))?);
    let mut w = Hashing { inner: io::BufWriter::new(file), hasher: Sha256::new(), written: 0 };
    fill(&mut w).map_err(on_error)?;
    w.flush().map_err(storage::Error::io(&path))?;
    let diff_id = format!("sha256:{}", hex::encode(w.hasher.finalize()));
    Ok(SpooledLayer { spool, diff_id, size: w.written })
}

/// What commit and import put in the new image besides its layer.
#[derive(Debug, Clone, Default)]
pub struct NewImage {
    /// The name to give it (as the user typed it; normalized like `tag`).
    pub name: Option<String>,
    /// `-c` instructions.
    pub changes: Vec<String>,
    /// `--author`.
    pub author: Option<String>,
    /// `-m`: the history comment.
    pub message: Option<String>,
}

/// An image config read to be written again (commit) or made anew (import): the OCI fields typed
/// ([`ImageConfiguration`]), and what the OCI types leave out kept as it came, so that a config
/// read and written again loses nothing: fields they do not know (docker's `container_config`,
/// `docker_version` and `comment`; `Healthcheck`, `OnBuild`, `Shell`, `ArgsEscaped` in the run
/// config) and fields set to null. Configs of pulled and loaded images are never rewritten: their
/// bytes (and so their digests) stay as they came.
#[derive(Debug, Clone)]
struct ConfigDoc {
    image: ImageConfiguration,
    /// Top-level fields that `image` does not hold.
    extra: Map<String, Value>,
    /// Fields of the run config (`config`) that `image`'s does not hold.
    config_extra: Map<String, Value>,
}

impl ConfigDoc {
    /// The config of a new image (import): this host's architecture, linux, no layers yet.
    fn new() -> ConfigDoc {
        let mut image = ImageConfiguration::default();
        image.set_architecture(Arch::from(super::host_arch()));
        image.set_os(Os::Linux);
        image.set_config(Some(RunConfig::default()));
        image.set_rootfs(RootFs::default());
        ConfigDoc { image, extra: Map::new(), config_extra: Map::new() }
    }

    /// Reads a config blob. It must be a JSON object; an `architecture`, `os` or `rootfs` it
    /// lacks is taken as this host's, linux and no layers, a `config` that is not an object as
    /// none. A value of the wrong type for its OCI field is an error.
    fn parse(bytes: &[u8]) -> Result<ConfigDoc, serde_json::Error> {
        let mut raw: Map<String, Value> = serde_json::from_slice(bytes)?;
        raw.entry("architecture").or_insert_with(|| json!(super::host_arch()));
        raw.entry("os").or_insert_with(|| json!("linux"));
        raw.entry("rootfs").or_insert_with(|| json!({"type": "layers", "diff_ids": []}));
        if raw.get("config").is_some_and(|c| !c.is_object()) {
            raw.remove("config");
        }
        let raw = Value::Object(raw);
        let image: ImageConfiguration = serde_json::from_value(raw.clone())?;
        let typed = serde_json::to_value(&image)?;
        let mut extra = leftovers(&raw, &typed);
        extra.remove("config");
        let config_extra = leftovers(&raw["config"], &typed["config"]);
        Ok(ConfigDoc { image, extra, config_extra })
    }

    /// The config as JSON: the typed fields, then the kept ones where the typed have none.
    fn to_value(&self) -> Value {
        let mut v = serde_json::to_value(&self.image).unwrap_or_else(|_| json!({}));
        if let Value::Object(top) = &mut v {
            for (k, x) in &self.extra {
                top.entry(k.clone()).or_insert_with(|| x.clone());
            }
            if !self.config_extra.is_empty() {
                if let Value::Object(c) = top.entry("config").or_insert_with(|| json!({})) {
                    for (k, x) in &self.config_extra {
                        c.entry(k.clone()).or_insert_with(|| x.clone());
                    }
                }
            }
        }
        v
    }

    fn to_bytes(&self) -> Vec<u8> {
        self.to_value().to_string().into_bytes()
    }
}

/// The fields of the object `raw` that the object `typed` (its typed reading, written again)
/// does not have.
fn leftovers(raw: &Value, typed: &Value) -> Map<String, Value> {
    let Some(raw) = raw.as_object() else { return Map::new() };
    raw.iter().filter(|(k, _)| typed.get(k.as_str()).is_none()).map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Stores the spooled layer on top of `base` (config and layers) and writes the image.
fn store_image(
    store: &Store,
    base: Option<(&ImageRecord, ConfigDoc)>,
    layer: SpooledLayer,
    new: &NewImage,
    created_by: &str,
    default_comment: String,
) -> Result<ImageRecord, Error> {
    let name = new.name.as_deref().map(images::normalize_tag).transpose()?;
    let mut config = base.as_ref().map(|(_, c)| c.clone()).unwrap_or_else(ConfigDoc::new);
    apply_changes(&mut config, &new.changes)?;
    let _gc = store.gc_guard()?;
    let base_layers: Vec<storage::LayerRef> =
        base.as_ref().map(|(i, _)| i.layers.clone()).unwrap_or_default();
    let mut diff_ids: Vec<String> = base_layers.iter().map(|l| l.diff_id.clone()).collect();
    diff_ids.push(layer.diff_id.clone());
    let chain = chain_ids(&diff_ids).pop().expect("one layer at least");
    let file = fs_err::File::open(layer.spool.file()).map_err(storage::Error::io(layer.spool.file()))?;
    store.ingest_layer(
        io::BufReader::new(file),
        LayerExpect {
            blob_digest: layer.diff_id.clone(),
            blob_size: Some(layer.size),
            diff_id: layer.diff_id.clone(),
            chain_id: chain,
            media_type: LAYER_TAR.into(),
        },
        &|_| {},
    )?;
    drop(layer.spool);

    let now = chrono::Utc::now();
    let now_text = now.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    config.image.set_created(Some(now_text.clone()));
    if let Some(a) = &new.author {
        config.image.set_author(Some(a.clone()));
    }
    if let Some(m) = &new.message {
        // Docker's field; the OCI config has none.
        config.extra.insert("comment".into(), json!(m));
    }
    config.image.rootfs_mut().set_diff_ids(diff_ids.clone());
    let mut entry = History::default();
    entry.set_created(Some(now_text));
    entry.set_created_by(Some(created_by.to_string()));
    entry.set_author(new.author.clone());
    entry.set_comment(Some(new.message.clone().unwrap_or(default_comment)));
    config.image.history_mut().get_or_insert_with(Vec::new).push(entry);
    let config_bytes = config.to_bytes();
    let config_digest = crate::image::manifest::sha256_digest(&config_bytes);

    let mut layers: Vec<LayerDesc> = base_layers
        .iter()
        .map(|l| LayerDesc {
            digest: l.blob_digest.clone(),
            size: l.size,
            media_type: oci_media_type(&l.media_type),
        })
        .collect();
    layers.push(LayerDesc { digest: layer.diff_id.clone(), size: layer.size, media_type: LAYER_TAR.into() });
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": config_digest, "size": config_bytes.len()},
        "layers": layers.iter().map(|l| json!({"mediaType": l.media_type, "digest": l.digest, "size": l.size})).collect::<Vec<_>>(),
    });
    let manifest_bytes = serde_json::to_vec(&manifest).expect("a manifest serializes");
    let resolved = Resolved {
        manifest_digest: crate::image::manifest::sha256_digest(&manifest_bytes),
        manifest_bytes,
        manifest_media_type: OCI_MANIFEST.into(),
        index_digest: None,
        config_digest,
        config_bytes,
        layers,
        diff_ids,
        created: Some(now),
        os: config.image.os().to_string(),
        architecture: config.image.architecture().to_string(),
    };
    Ok(record_image(store, &resolved, name.into_iter().collect(), Vec::new(), &Silent)?)
}

/// The OCI media type for a layer stored under a Docker one.
fn oci_media_type(media_type: &str) -> String {
    match media_type {
        "application/vnd.docker.image.rootfs.diff.tar.gzip" => {
            "application/vnd.oci.image.layer.v1.tar+gzip".into()
        }
        "application/vnd.docker.image.rootfs.diff.tar" => LAYER_TAR.into(),
        other => other.into(),
    }
}

/// Splits `INSTRUCTION VALUE` or `INSTRUCTION=VALUE`.
fn split_change(change: &str) -> Option<(String, &str)> {
    let t = change.trim_start();
    let end = t.find(|c: char| c.is_whitespace() || c == '=')?;
    let (word, rest) = t.split_at(end);
    Some((word.to_ascii_uppercase(), rest[1..].trim()))
}

/// A JSON array of strings, or `None` when `value` is not one.
fn json_list(value: &str) -> Option<Vec<String>> {
    value.starts_with('[').then(|| serde_json::from_str::<Vec<String>>(value).ok()).flatten()
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    s.to_string()
}

/// `KEY=VALUE KEY2=VALUE2` or `KEY VALUE`.
fn key_values(value: &str) -> Option<Vec<(String, String)>> {
    if let Some((k, v)) = value.split_once(char::is_whitespace).filter(|(k, _)| !k.contains('=')) {
        return Some(vec![(k.to_string(), unquote(v))]);
    }
    value
        .split_whitespace()
        .map(|kv| kv.split_once('=').filter(|(k, _)| !k.is_empty()).map(|(k, v)| (k.to_string(), unquote(v))))
        .collect()
}

/// Applies `-c` instructions (Dockerfile syntax) to an image config.
fn apply_changes(config: &mut ConfigDoc, changes: &[String]) -> Result<(), Error> {
    for change in changes {
        let bad = |reason: &str| Error::InvalidChange { change: change.clone(), reason: reason.into() };
        let (word, value) = split_change(change).ok_or_else(|| bad("expected INSTRUCTION VALUE"))?;
        if value.is_empty() {
            return Err(bad("the value is empty"));
        }
        let mut c = config.image.config().clone().unwrap_or_default();
        match word.as_str() {
            "CMD" | "ENTRYPOINT" => {
                let list =
                    json_list(value).unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into(), value.into()]);
                if word == "CMD" {
                    c.set_cmd(Some(list));
                } else {
                    c.set_entrypoint(Some(list));
                    c.set_cmd(None);
                    config.config_extra.remove("Cmd");
                }
            }
            "ENV" => {
                let pairs = key_values(value).ok_or_else(|| bad("expected NAME=VALUE"))?;
                let mut list = c.env().clone().unwrap_or_default();
                for (k, v) in pairs {
                    list.retain(|e| e.split_once('=').is_none_or(|(n, _)| n != k));
                    list.push(format!("{k}={v}"));
                }
                c.set_env(Some(list));
            }
            "LABEL" => {
                let pairs = key_values(value).ok_or_else(|| bad("expected NAME=VALUE"))?;
                let mut labels = c.labels().clone().unwrap_or_default();
                labels.extend(pairs);
                c.set_labels(Some(labels));
            }
            "EXPOSE" => {
                let mut ports = c.exposed_ports().clone().unwrap_or_default();
                for p in value.split_whitespace() {
                    let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
                    if num.parse::<u16>().is_err() || !["tcp", "udp", "sctp"].contains(&proto) {
                        return Err(bad("expected PORT[/tcp|udp|sctp]"));
                    }
                    add_key(&mut ports, format!("{num}/{proto}"));
                }
                c.set_exposed_ports(Some(ports));
            }
            "VOLUME" => {
                let list =
                    json_list(value).unwrap_or_else(|| value.split_whitespace().map(String::from).collect());
                let mut vols = c.volumes().clone().unwrap_or_default();
                for v in list {
                    if !v.starts_with('/') {
                        return Err(bad("a volume must be an absolute path"));
                    }
                    add_key(&mut vols, v);
                }
                c.set_volumes(Some(vols));
            }
            "WORKDIR" => {
                c.set_working_dir(Some(unquote(value)));
            }
            "USER" => {
                c.set_user(Some(unquote(value)));
            }
            "STOPSIGNAL" => {
                c.set_stop_signal(Some(unquote(value)));
            }
            other => return Err(bad(&format!("unknown instruction {other}"))),
        }
        config.image.set_config(Some(c));
    }
    Ok(())
}

/// Adds `key` to a list that the config holds as a JSON object's keys (`ExposedPorts`, `Volumes`).
fn add_key(keys: &mut Vec<String>, key: String) {
    if !keys.contains(&key) {
        keys.push(key);
    }
}

/// What the container ran with goes into the committed image, as podman does: its command
/// (after the image's entrypoint), the environment it added, its working directory, and its
/// user when the image named none.
fn take_container_config(config: &mut ConfigDoc, spec: &Value) {
    let process = &spec["process"];
    let mut c = config.image.config().clone().unwrap_or_default();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    let args = strings(&process["args"]);
    let entrypoint = c.entrypoint().clone().unwrap_or_default();
    if !args.is_empty() {
        if args.starts_with(&entrypoint) {
            c.set_cmd(Some(args[entrypoint.len()..].to_vec()));
        } else {
            c.set_entrypoint(None);
            config.config_extra.insert("Entrypoint".into(), Value::Null);
            c.set_cmd(Some(args));
        }
    }
    // Variables the runtime adds for every container are not part of the image.
    let added_by_runtime = ["HOSTNAME", "container", "TERM", "HOME"];
    let mut env = c.env().clone().unwrap_or_default();
    for e in strings(&process["env"]) {
        let key = e.split('=').next().unwrap_or("");
        if added_by_runtime.contains(&key) && !env.iter().any(|x| x.split('=').next() == Some(key)) {
            continue;
        }
        env.retain(|x| x.split('=').next() != Some(key));
        env.push(e);
    }
    c.set_env(Some(env));
    if let Some(cwd) = process["cwd"].as_str() {
        let image_cwd = c.working_dir().as_deref().filter(|w| !w.is_empty()).unwrap_or("/");
        if cwd != image_cwd {
            c.set_working_dir(Some(cwd.to_string()));
        }
    }
    let image_user = c.user().as_deref().unwrap_or("");
    let (uid, gid) = (process["user"]["uid"].as_u64(), process["user"]["gid"].as_u64());
    if image_user.is_empty() && (uid.unwrap_or(0), gid.unwrap_or(0)) != (0, 0) {
        c.set_user(Some(format!("{}:{}", uid.unwrap_or(0), gid.unwrap_or(0))));
    }
    config.image.set_config(Some(c));
}

/// The config of `image`, read to be written again.
fn base_config(store: &Store, image: &ImageRecord) -> Result<ConfigDoc, Error> {
    let bytes = store.blobs().read(&image.config_digest)?;
    Ok(ConfigDoc::parse(&bytes)
        .map_err(|source| EngineError::ImageConfig { digest: image.config_digest.clone(), source })?)
}

/// `commit CONTAINER [IMAGE]`: the container's image plus one layer with its changes.
pub fn commit(store: &Store, rec: &ContainerRecord, new: &NewImage) -> Result<ImageRecord, Error> {
    // Check the changes before the (long) tar is written.
    apply_changes(&mut ConfigDoc::new(), &new.changes)?;
    let image = image_of(store, rec)?;
    let lowers = diff_dirs(store, &image.layers)?;
    let mut config = base_config(store, &image)?;
    let spec_path = store.container_dirs(&rec.id).bundle.join("config.json");
    if let Some(spec) = fs_err::read(spec_path).ok().and_then(|b| serde_json::from_slice::<Value>(&b).ok()) {
        take_container_config(&mut config, &spec);
    }
    let (dir, vfs) = match changes_of(store, rec) {
        Changes::Upper(upper) => (upper, false),
        Changes::Copy(copy) => (copy, true),
    };
    let layer = spool_layer(
        store,
        |w| match vfs {
            false => changes::write_layer(&dir, w).map(|_| ()),
            true => changes::write_changes(&dir, &changes::tree_changes(&dir, &lowers)?, w).map(|_| ()),
        },
        |source| Error::ReadChanges { what: format!("container {}", rec.id), path: dir.clone(), source },
    )?;
    store_image(store, Some((&image, config)), layer, new, "/bin/sh", format!("FROM {}", rec.image_name))
}

/// `import FILE|- [REFERENCE]`: a root filesystem tarball (plain, gzip or zstd) as a one-layer image.
/// `name` is what the user gave (a file name or `-`), for messages.
pub fn import(store: &Store, input: &mut dyn Read, name: &str, new: &NewImage) -> Result<ImageRecord, Error> {
    apply_changes(&mut ConfigDoc::new(), &new.changes)?;
    let mut head = [0u8; 4];
    let mut n = 0;
    while n < head.len() {
        match input.read(&mut head[n..]).map_err(Error::ImportRead)? {
            0 => break,
            k => n += k,
        }
    }
    let chained = io::Cursor::new(head[..n].to_vec()).chain(input);
    let mut plain: Box<dyn Read> = if head[..n].starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::MultiGzDecoder::new(chained))
    } else if head[..n].starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(zstd::stream::read::Decoder::new(chained).map_err(Error::ImportRead)?)
    } else {
        Box::new(chained)
    };
    let layer = spool_layer(store, |w| io::copy(&mut plain, w).map(|_| ()), Error::ImportRead)?;
    let created_by =
        format!("/bin/sh -c #(nop) ADD file:{} in / ", layer.diff_id.trim_start_matches("sha256:"));
    store_image(store, None, layer, new, &created_by, "imported from tarball".into()).map_err(|e| match e {
        Error::Engine(EngineError::Storage(source @ storage::Error::Archive { .. })) => {
            Error::NotATar { name: if name == "-" { "stdin".into() } else { name.into() }, source }
        }
        e => e,
    })
}

/// `export CONTAINER`: the container's root filesystem as a tar, to `out`.
pub fn export(ctx: &Context, store: &Store, rec: &ContainerRecord, out: &mut dyn Write) -> Result<(), Error> {
    let merged = store.container_dirs(&rec.id).merged;
    let was_mounted = storage::containers::is_mount_point(&merged);
    let root = containers::mount_rootfs(ctx, store, rec)?;
    let result = changes::write_tree(&root, out).and_then(|w| w.flush());
    if !was_mounted {
        containers::unmount_rootfs(store, rec)?;
    }
    result.map_err(|source| Error::Export { id: rec.id.clone(), source })
}

/// This process's mount namespace (`mnt:[inode]`).
fn mount_ns() -> String {
    fs_err::read_link("/proc/self/ns/mnt").map(|p| p.display().to_string()).unwrap_or_default()
}

fn mounts_file(ctx: &Context, id: &str) -> PathBuf {
    run_dir(ctx, id).join("mounts.json")
}

/// How often `skiff mount` mounted container `id` in this mount namespace.
pub fn mount_count(ctx: &Context, store: &Store, id: &str) -> u32 {
    let merged = store.container_dirs(id).merged;
    let Ok(bytes) = fs_err::read(mounts_file(ctx, id)) else { return 0 };
    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else { return 0 };
    let here = v["mntns"].as_str() == Some(mount_ns().as_str());
    let vfs = store.find_container(id).is_ok_and(|r| r.storage_driver == StorageDriver::Vfs.to_string());
    if !here || !(vfs || storage::containers::is_mount_point(&merged)) {
        return 0;
    }
    v["count"].as_u64().unwrap_or(0) as u32
}

fn set_mount_count(ctx: &Context, id: &str, count: u32) -> Result<(), Error> {
    let dir = containers::ensure_run_dir(ctx, id)?;
    let path = dir.join("mounts.json");
    let body = serde_json::to_vec(&json!({"mntns": mount_ns(), "count": count})).expect("json");
    super::write_atomic(&path, &body).map_err(|source| Error::MountCount { id: id.into(), path, source })
}

/// `mount CONTAINER`: mounts its root filesystem here and counts the mount; returns the path.
pub fn mount(ctx: &Context, store: &Store, rec: &ContainerRecord) -> Result<PathBuf, Error> {
    let count = mount_count(ctx, store, &rec.id);
    let path = containers::mount_rootfs(ctx, store, rec)?;
    set_mount_count(ctx, &rec.id, count + 1)?;
    Ok(path)
}

/// `unmount CONTAINER`: drops one mount (all with `force`) and unmounts at zero. Returns whether
/// the root filesystem is now unmounted.
pub fn unmount(ctx: &Context, store: &Store, rec: &ContainerRecord, force: bool) -> Result<bool, Error> {
    let count = mount_count(ctx, store, &rec.id);
    let left = if force { 0 } else { count.saturating_sub(1) };
    if left > 0 {
        set_mount_count(ctx, &rec.id, left)?;
        return Ok(false);
    }
    let _ = fs_err::remove_file(mounts_file(ctx, &rec.id));
    containers::unmount_rootfs(store, rec)?;
    Ok(true)
}

/// The containers `skiff mount` mounted in this namespace, with their paths.
pub fn mounted(ctx: &Context, store: &Store) -> Result<Vec<(ContainerRecord, PathBuf)>, Error> {
    Ok(containers::list(store)?
        .into_iter()
        .filter(|r| mount_count(ctx, store, &r.id) > 0)
        .map(|r| {
            let p = store.container_dirs(&r.id).merged;
            (r, p)
        })
        .collect())
}

/// The working directory of the container's process (from its bundle), `/` when unknown.
pub fn container_workdir(store: &Store, rec: &ContainerRecord) -> String {
    let path = store.container_dirs(&rec.id).bundle.join("config.json");
    fs_err::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|v| v["process"]["cwd"].as_str().map(String::from))
        .unwrap_or_else(|| "/".into())
}

/// The uid and gid of the container's process (from its bundle), 0:0 when unknown.
pub fn container_user(store: &Store, rec: &ContainerRecord) -> (u32, u32) {
    let path = store.container_dirs(&rec.id).bundle.join("config.json");
    let v = fs_err::read(path).ok().and_then(|b| serde_json::from_slice::<Value>(&b).ok());
    let get = |k: &str| v.as_ref().and_then(|v| v["process"]["user"][k].as_u64()).unwrap_or(0) as u32;
    (get("uid"), get("gid"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::host_arch;

    fn doc(v: &Value) -> ConfigDoc {
        ConfigDoc::parse(v.to_string().as_bytes()).unwrap()
    }

    fn applied(changes: &[&str]) -> Result<Value, Error> {
        let mut c = doc(&json!({"config": {"Env": ["PATH=/bin", "A=1"], "Cmd": ["sh"]}}));
        apply_changes(&mut c, &changes.iter().map(|s| s.to_string()).collect::<Vec<_>>())?;
        Ok(c.to_value()["config"].clone())
    }

    /// [`super::take_container_config`] on a config as JSON.
    fn take_container_config(config: &mut Value, spec: &Value) {
        let mut d = doc(config);
        super::take_container_config(&mut d, spec);
        *config = d.to_value();
    }

    /// A config as docker writes it, with fields the OCI types do not know and null ones.
    fn docker_config() -> Value {
        json!({
            "architecture": "amd64",
            "os": "linux",
            "created": "2024-01-02T03:04:05.678Z",
            "docker_version": "20.10.7",
            "container": "3f4e",
            "container_config": {"Hostname": "3f4e", "Cmd": ["/bin/sh", "-c", "#(nop) CMD [\"sh\"]"]},
            "comment": "built by hand",
            "config": {
                "Hostname": "",
                "Env": ["PATH=/usr/bin:/bin"],
                "Cmd": ["sh"],
                "Entrypoint": null,
                "OnBuild": null,
                "Image": "sha256:1234",
                "ArgsEscaped": true,
                "Healthcheck": {"Test": ["CMD", "true"], "Interval": 30000000000u64},
                "Shell": ["/bin/bash", "-c"],
                "Labels": {"a": "b"},
                "ExposedPorts": {"80/tcp": {}},
                "Volumes": {"/data": {}},
                "WorkingDir": "/srv",
                "User": "app",
                "StopSignal": "SIGQUIT"
            },
            "rootfs": {"type": "layers", "diff_ids": ["sha256:aaaa"]},
            "history": [
                {"created": "2024-01-02T03:04:05.678Z", "created_by": "/bin/sh -c #(nop) ADD file:x in / "},
                {"created": "2024-01-02T03:04:06Z", "created_by": "/bin/sh -c #(nop)  CMD [\"sh\"]", "empty_layer": true}
            ]
        })
    }

    #[test]
    fn a_config_read_and_written_again_keeps_every_field() {
        let v = docker_config();
        assert_eq!(doc(&v).to_value(), v);
        // Changes keep what they do not touch.
        let mut d = doc(&v);
        apply_changes(&mut d, &["ENV A=1".to_string(), "LABEL c=d".to_string()]).unwrap();
        let out = d.to_value();
        assert_eq!(out["config"]["Env"], json!(["PATH=/usr/bin:/bin", "A=1"]));
        assert_eq!(out["config"]["Labels"], json!({"a": "b", "c": "d"}));
        for key in ["Hostname", "OnBuild", "Image", "ArgsEscaped", "Healthcheck", "Shell", "Entrypoint"] {
            assert_eq!(out["config"].get(key), v["config"].get(key), "{key}");
        }
        for key in ["docker_version", "container", "container_config", "comment", "history", "created"] {
            assert_eq!(out.get(key), v.get(key), "{key}");
        }
        // A change to a field that was null sets it; ENTRYPOINT drops Cmd (null or not).
        apply_changes(&mut d, &["ENTRYPOINT [\"/ep\"]".to_string()]).unwrap();
        let out = d.to_value();
        assert_eq!(out["config"]["Entrypoint"], json!(["/ep"]));
        assert!(out["config"].get("Cmd").is_none(), "{out}");
    }

    #[test]
    fn an_odd_config_is_an_error_or_an_empty_one_never_a_panic() {
        for odd in ["[]", "\"text\"", "null", "42", "not json", r#"{"config": {"Cmd": "sh"}}"#] {
            assert!(ConfigDoc::parse(odd.as_bytes()).is_err(), "{odd}");
        }
        // An object without the usual fields, or with a config that is not an object, commits.
        for odd in [
            r#"{}"#,
            r#"{"config": []}"#,
            r#"{"config": null, "rootfs": {"type": "layers", "diff_ids": []}}"#,
        ] {
            let mut d = ConfigDoc::parse(odd.as_bytes()).unwrap();
            apply_changes(&mut d, &["CMD [\"sh\"]".to_string()]).unwrap();
            take_container_config_typed(&mut d);
            let out = d.to_value();
            assert_eq!(out["config"]["Cmd"], json!(["sh"]), "{odd}");
            assert_eq!(
                (out["os"].as_str(), out["architecture"].as_str()),
                (Some("linux"), Some(host_arch()))
            );
        }
    }

    fn take_container_config_typed(d: &mut ConfigDoc) {
        super::take_container_config(d, &json!({"process": {"args": ["sh"], "env": ["A=1"], "cwd": "/"}}));
    }

    #[test]
    fn changes_follow_dockerfile_syntax() {
        let c = applied(&[
            r#"CMD ["echo", "hi"]"#,
            "ENV A=2 B=3",
            "env C 4 5",
            "LABEL x=y",
            "EXPOSE 80 53/udp",
            "VOLUME /data",
            "WORKDIR /srv",
            "USER app",
            "STOPSIGNAL SIGINT",
        ])
        .unwrap();
        assert_eq!(c["Cmd"], json!(["echo", "hi"]));
        assert_eq!(c["Env"], json!(["PATH=/bin", "A=2", "B=3", "C=4 5"]));
        assert_eq!(c["Labels"], json!({"x": "y"}));
        assert_eq!(c["ExposedPorts"], json!({"80/tcp": {}, "53/udp": {}}));
        assert_eq!(c["Volumes"], json!({"/data": {}}));
        assert_eq!((c["WorkingDir"].as_str(), c["User"].as_str()), (Some("/srv"), Some("app")));
        assert_eq!(c["StopSignal"], "SIGINT");
        let c = applied(&["CMD=echo hi there"]).unwrap();
        assert_eq!(c["Cmd"], json!(["/bin/sh", "-c", "echo hi there"]));
        let c = applied(&["ENTRYPOINT [\"/bin/x\"]"]).unwrap();
        assert_eq!((c["Entrypoint"].clone(), c.get("Cmd")), (json!(["/bin/x"]), None));
    }

    #[test]
    fn commit_takes_the_containers_command_env_and_workdir() {
        let mut config = json!({"config": {"Entrypoint": ["/ep"], "Cmd": ["a"], "Env": ["PATH=/bin"]}});
        let spec = json!({"process": {
            "args": ["/ep", "b", "c"], "cwd": "/srv",
            "env": ["PATH=/bin", "HOSTNAME=x", "TERM=xterm", "MINE=1"],
            "user": {"uid": 1000, "gid": 100},
        }});
        take_container_config(&mut config, &spec);
        let c = &config["config"];
        assert_eq!(c["Entrypoint"], json!(["/ep"]));
        assert_eq!(c["Cmd"], json!(["b", "c"]));
        assert_eq!(c["Env"], json!(["PATH=/bin", "MINE=1"]));
        assert_eq!((c["WorkingDir"].as_str(), c["User"].as_str()), (Some("/srv"), Some("1000:100")));
        // --entrypoint replaced the image's: the command is the whole of it.
        let mut config = json!({"config": {"Entrypoint": ["/ep"], "User": "app"}});
        take_container_config(
            &mut config,
            &json!({"process": {"args": ["sh"], "cwd": "/", "user": {"uid": 5}}}),
        );
        assert_eq!(
            (config["config"]["Entrypoint"].clone(), config["config"]["Cmd"].clone()),
            (Value::Null, json!(["sh"]))
        );
        assert_eq!(config["config"]["User"], "app");
    }

    #[test]
    fn bad_changes_name_the_change() {
        for bad in ["FROM x", "CMD", "EXPOSE http", "VOLUME data", "ENV =x"] {
            let err = applied(&[bad]).unwrap_err();
            assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
        }
    }
}
