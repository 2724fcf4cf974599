//! Images leaving and entering the store other than by `pull`: `save` (to a docker-archive or
//! oci-archive), `load` (from one), `push` (to a registry), and the credentials of `login` and
//! `logout`.
//!
//! * save: the manifest, config and layer blobs are read from the store as stored and handed to
//!   [`image::write_archive`], which writes `<out>.tmp` and renames it into place.
//! * load: [`image::Archive`] reads the archive without extracting it (entry names are only
//!   lookup keys); each layer streams through [`Store::ingest_layer`], which verifies its digest
//!   and diff_id, maps ids and refuses unsafe paths. Image records are written with pull's
//!   [`record_image`] only after every layer of every image is stored, so a bad archive adds no
//!   image and a loaded image looks exactly like a pulled one.
//! * push: layer blobs from the store's blob files (those the registry has are skipped), then the
//!   config, then the manifest bytes unchanged, so the pushed digest is the stored one.
//! * Spool files (stdin for load, stdout for save) live in `ROOT/tmp/<name>/`, guarded by an
//!   exclusive `ROOT/tmp/<name>.lock`: [`Store::repair`] leaves them alone while we hold the lock
//!   and removes them after a crash.

use std::collections::HashMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;

use super::images;
use super::pull::{chain_ids, record_image, PullReporter};
/// The archive formats of `save` (docker-archive, oci-archive, oci-dir).
pub use crate::image::ArchiveFormat;
use crate::image::{
    self, reference::DOCKER_HUB, Archive, ArchiveInput, AuthStore, BlobSource, ClientOptions, LayerDesc,
    Platform, Reference, RegistryClient,
};
use crate::storage::{self, LayerExpect, Lock, Store};

/// Errors of save, load, push, login and logout.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] super::Error),
    /// A file given to `load` that cannot be read as an archive.
    #[error("payload does not match any of the supported image formats: {} is not a docker-archive or oci-archive", path.display())]
    NotAnArchive {
        path: PathBuf,
        #[source]
        source: image::Error,
    },
    #[error("archive {} holds no image", path.display())]
    EmptyArchive { path: PathBuf },
    #[error("logging into {registry:?}: invalid username/password")]
    LoginFailed { registry: String },
    #[error("not logged in to {registry}")]
    NotLoggedIn { registry: String },
    #[error("cannot push to {destination}: the destination must name a registry")]
    ShortDestination { destination: String },
    #[error("image {image} has no name to push to")]
    NoDestination { image: String },
    #[error("cannot rewrite the manifest of image {image}: {reason}")]
    Manifest { image: String, reason: String },
    #[error("cannot write {}", path.display())]
    Spool {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl From<image::Error> for Error {
    fn from(e: image::Error) -> Self {
        Error::Engine(e.into())
    }
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
            Error::NoDestination { .. } => {
                Some("give a destination: skiff push IMAGE REGISTRY/NAME[:TAG]".into())
            }
            Error::ShortDestination { destination } => {
                Some(format!("use a full name such as registry.example.com/{destination}"))
            }
            _ => None,
        }
    }
}

/// A scratch directory in the store's `tmp/` for a spooled archive; removed when dropped.
#[derive(Debug)]
pub struct Spool {
    dir: PathBuf,
    lock: Option<Lock>,
}

impl Spool {
    /// Creates `ROOT/tmp/<prefix><random>/` under its lock.
    pub fn new(store: &Store, prefix: &str) -> Result<Spool, Error> {
        use std::os::unix::fs::DirBuilderExt;
        let tmp = store.root().join("tmp");
        let name = format!("{prefix}{:016x}", rand::random::<u64>());
        let lock = Lock::exclusive(&tmp.join(format!("{name}.lock")))?;
        let dir = tmp.join(name);
        std::fs::DirBuilder::new()
            .mode(0o700)
            .create(&dir)
            .map_err(|source| Error::Spool { path: dir.clone(), source })?;
        Ok(Spool { dir, lock: Some(lock) })
    }

    /// The archive file inside the spool directory.
    pub fn file(&self) -> PathBuf {
        self.dir.join("archive.tar")
    }

    /// Another file inside the spool directory.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Copies `reader` into [`Spool::file`] and returns its path.
    pub fn fill(&self, reader: &mut dyn Read) -> Result<PathBuf, Error> {
        let path = self.file();
        let mut f =
            fs_err::File::create(&path).map_err(|source| Error::Spool { path: path.clone(), source })?;
        io::copy(reader, &mut f).map_err(|source| Error::Spool { path: path.clone(), source })?;
        Ok(path)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        if let Some(lock) = self.lock.take() {
            if let Err(e) = fs_err::remove_dir_all(&self.dir) {
                tracing::warn!(path = %self.dir.display(), error = %e, "cannot remove spool directory");
            }
            lock.unlink();
        }
    }
}

/// Writes the images named by `texts` to the archive `out`; returns their ids.
///
/// A layer whose compressed blob was not kept (see `storage::tarsplit`): a docker-archive holds
/// uncompressed layers anyway, rebuilt from the layer's files and checked against its diff id.
/// An oci-archive keeps blobs as they are: the blob is fetched again from the registry the image
/// was pulled from (`origin`: registries.conf and credentials as for a pull; checked by digest),
/// so the manifest keeps its digest; when that fails, the layer is written uncompressed under a
/// rewritten manifest (same config, so the same image id; another manifest digest), as podman
/// writes every oci-archive.
pub fn save(
    store: &Store,
    texts: &[String],
    format: ArchiveFormat,
    out: &Path,
    origin: Option<&ClientOptions>,
    uncompressed: bool,
) -> Result<Vec<String>, Error> {
    let mut inputs: Vec<(String, ArchiveInput)> = Vec::new();
    let spool = Spool::new(store, "save-layers-")?;
    let mut rt: Option<tokio::runtime::Runtime> = None;
    for text in texts {
        let found = images::lookup_image(store, text)?;
        let img = found.image;
        if let Some((_, input)) = inputs.iter_mut().find(|(id, _)| *id == img.id) {
            input.names.extend(found.name.filter(|n| !input.names.contains(n)));
            continue;
        }
        let mut layers = Vec::with_capacity(img.layers.len());
        let mut changed = Vec::new();
        for (i, l) in img.layers.iter().enumerate() {
            let desc =
                LayerDesc { digest: l.blob_digest.clone(), size: l.size, media_type: l.media_type.clone() };
            // `--uncompressed`: every compressed layer of an oci-archive is written as plain tar.
            if uncompressed && format == ArchiveFormat::Oci && !l.media_type.ends_with("tar") {
                let (new, path) = rebuild_layer(store, &img, l, &spool, false)?;
                changed.push((i, new.clone()));
                layers.push((new, path));
                continue;
            }
            if store.blobs().has(&l.blob_digest)? {
                layers.push((desc, store.blobs().path(&l.blob_digest)?));
                continue;
            }
            if format == ArchiveFormat::Oci {
                if let Some(options) = origin {
                    if rt.is_none() {
                        let built = tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .map_err(|source| Error::Spool { path: spool.path(""), source })?;
                        rt = Some(built);
                    }
                    let client = RegistryClient::new(origin_options(options, &img));
                    let fetched =
                        rt.as_ref().expect("runtime built").block_on(refetch(&client, &img, &desc, &spool));
                    if let Some(path) = fetched {
                        layers.push((desc, path));
                        continue;
                    }
                }
            }
            let (new, path) = rebuild_layer(store, &img, l, &spool, false)?;
            changed.push((i, new.clone()));
            layers.push((new, path));
        }
        let mut manifest_bytes = store.blobs().read(&img.digest)?;
        if format == ArchiveFormat::Oci && !changed.is_empty() {
            if !uncompressed {
                tracing::warn!(image = %img.id, "layers not kept compressed are saved uncompressed: the manifest digest changes");
            }
            manifest_bytes = rewrite_manifest(&img.id, &manifest_bytes, &changed)?;
        }
        let input = ArchiveInput {
            names: found.name.into_iter().collect(),
            manifest_bytes,
            config_bytes: store.blobs().read(&img.config_digest)?,
            layers,
        };
        inputs.push((img.id.clone(), input));
    }
    let ids: Vec<String> = inputs.iter().map(|(id, _)| id.clone()).collect();
    let inputs: Vec<ArchiveInput> = inputs.into_iter().map(|(_, i)| i).collect();
    image::write_archive(out, format, &inputs)?;
    drop(spool);
    ids.iter().for_each(|id| super::events::image("save", id, &out.display().to_string()));
    Ok(ids)
}

/// The client options for fetching blobs again from where `img` was pulled: the user's
/// registries.conf, credentials from the auth files, plain http if the pull used it.
fn origin_options(options: &ClientOptions, img: &storage::ImageRecord) -> ClientOptions {
    ClientOptions {
        registries: options.registries.clone(),
        tls_verify: options.tls_verify && !img.insecure_origin,
        credentials: match &options.credentials {
            c @ image::Credentials::FromFiles(_) => c.clone(),
            _ => image::Credentials::FromFiles(AuthStore::from_env()),
        },
    }
}

/// Fetches the blob `desc` of `img` again from a registry it was pulled from (its repo digests)
/// into the spool; `None` when none has it (offline, deleted): the caller rebuilds the layer.
async fn refetch(
    client: &RegistryClient,
    img: &storage::ImageRecord,
    desc: &LayerDesc,
    spool: &Spool,
) -> Option<PathBuf> {
    use futures_util::StreamExt as _;
    use sha2::Digest as _;
    use std::io::Write as _;
    let path = spool.path(desc.digest.trim_start_matches("sha256:"));
    for repo_digest in &img.repo_digests {
        let Ok(r) = Reference::parse(repo_digest) else { continue };
        let result: Result<(), String> = async {
            let mut stream = client.blob_stream(&r, desc).await.map_err(|e| e.to_string())?;
            let mut file = io::BufWriter::new(fs_err::File::create(&path).map_err(|e| e.to_string())?);
            let mut hasher = sha2::Sha256::new();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| e.to_string())?;
                hasher.update(&chunk);
                file.write_all(&chunk).map_err(|e| e.to_string())?;
            }
            file.flush().map_err(|e| e.to_string())?;
            let actual = format!("sha256:{}", hex::encode(hasher.finalize()));
            if actual != desc.digest {
                return Err(format!("digest mismatch: got {actual}"));
            }
            Ok(())
        }
        .await;
        match result {
            Ok(()) => return Some(path),
            Err(e) => {
                tracing::debug!(origin = %r, blob = %desc.digest, error = %e, "cannot fetch the blob again");
                let _ = fs_err::remove_file(&path);
            }
        }
    }
    None
}

/// Writes the layer `l` of `img`, rebuilt from its tar-split (checked against its diff id), into
/// the spool: uncompressed, or gzip-compressed when `gzip`. Returns its new descriptor.
fn rebuild_layer(
    store: &Store,
    img: &storage::ImageRecord,
    l: &storage::LayerRef,
    spool: &Spool,
    gzip: bool,
) -> Result<(LayerDesc, PathBuf), Error> {
    use sha2::Digest as _;
    use std::io::Write as _;
    let missing = || storage::Error::BlobNotFound { digest: l.blob_digest.clone() };
    let mut tar = store.layer_tar(&l.chain_id)?.ok_or_else(missing)?;
    let path = spool.path(&format!(
        "{}.{}",
        l.diff_id.trim_start_matches("sha256:"),
        if gzip { "tar.gz" } else { "tar" }
    ));
    struct Hashing<W> {
        inner: W,
        hasher: sha2::Sha256,
        size: u64,
    }
    impl<W: io::Write> io::Write for Hashing<W> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.hasher.update(&buf[..n]);
            self.size += n as u64;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }
    let err = |source| Error::Spool { path: path.clone(), source };
    let file = fs_err::File::create(&path).map_err(err)?;
    let mut out = Hashing { inner: io::BufWriter::new(file), hasher: sha2::Sha256::new(), size: 0 };
    let copied = if gzip {
        let mut enc = flate2::write::GzEncoder::new(&mut out, flate2::Compression::fast());
        io::copy(&mut tar, &mut enc).and_then(|_| enc.finish().map(|_| ()))
    } else {
        io::copy(&mut tar, &mut out).map(|_| ())
    };
    copied
        .and_then(|()| out.flush())
        .map_err(|source| storage::Error::Read { digest: l.diff_id.clone(), source })?;
    let digest = format!("sha256:{}", hex::encode(out.hasher.finalize()));
    let docker = img.manifest_media_type == image::manifest::DOCKER_MANIFEST;
    let media_type = match (docker, gzip) {
        (true, true) => image::manifest::DOCKER_LAYER_GZIP,
        (true, false) => image::manifest::DOCKER_LAYER,
        (false, true) => image::manifest::OCI_LAYER_GZIP,
        (false, false) => image::manifest::OCI_LAYER,
    };
    Ok((LayerDesc { digest, size: out.size, media_type: media_type.to_string() }, path))
}

/// The manifest `bytes` with the layers at the given positions replaced.
fn rewrite_manifest(image: &str, bytes: &[u8], changed: &[(usize, LayerDesc)]) -> Result<Vec<u8>, Error> {
    let bad = |reason: &str| Error::Manifest { image: image.to_string(), reason: reason.to_string() };
    let mut v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| bad(&e.to_string()))?;
    let layers = v.get_mut("layers").and_then(|l| l.as_array_mut()).ok_or_else(|| bad("no layers"))?;
    for (i, d) in changed {
        let l = layers.get_mut(*i).and_then(|l| l.as_object_mut()).ok_or_else(|| bad("fewer layers"))?;
        l.insert("mediaType".into(), d.media_type.clone().into());
        l.insert("digest".into(), d.digest.clone().into());
        l.insert("size".into(), d.size.into());
        l.remove("urls");
    }
    serde_json::to_vec(&v).map_err(|e| bad(&e.to_string()))
}

/// `push --format`: the manifest schema to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestFormat {
    /// `oci`: OCI image manifest.
    Oci,
    /// `docker` / `v2s2`: Docker image manifest, schema 2.
    Docker,
}

const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";

/// The manifest in `format`: same config and layer blobs, their media types renamed (the
/// image id, the config's digest, stays). zstd layers have no Docker name: an error.
fn convert_manifest(image: &str, bytes: &[u8], format: ManifestFormat) -> Result<(Vec<u8>, String), Error> {
    let bad = |reason: String| Error::Manifest { image: image.to_string(), reason };
    let mut v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let docker = format == ManifestFormat::Docker;
    let layer_type = |t: &str| -> Result<String, Error> {
        let gzip = t.ends_with("gzip");
        let zstd = t.ends_with("zstd");
        Ok(match (docker, gzip, zstd) {
            (true, _, true) => {
                return Err(bad("zstd-compressed layers cannot be written in the docker format".into()))
            }
            (true, true, _) => "application/vnd.docker.image.rootfs.diff.tar.gzip".into(),
            (true, false, _) => "application/vnd.docker.image.rootfs.diff.tar".into(),
            (false, true, _) => "application/vnd.oci.image.layer.v1.tar+gzip".into(),
            (false, _, true) => "application/vnd.oci.image.layer.v1.tar+zstd".into(),
            (false, false, false) => "application/vnd.oci.image.layer.v1.tar".into(),
        })
    };
    let obj = v.as_object_mut().ok_or_else(|| bad("not an object".into()))?;
    let manifest_type = if docker { DOCKER_MANIFEST } else { OCI_MANIFEST };
    obj.insert("mediaType".into(), manifest_type.into());
    if let Some(c) = obj.get_mut("config").and_then(|c| c.as_object_mut()) {
        let t = if docker {
            "application/vnd.docker.container.image.v1+json"
        } else {
            "application/vnd.oci.image.config.v1+json"
        };
        c.insert("mediaType".into(), t.into());
    }
    for l in obj.get_mut("layers").and_then(|l| l.as_array_mut()).into_iter().flatten() {
        let Some(l) = l.as_object_mut() else { continue };
        let t = layer_type(l.get("mediaType").and_then(|t| t.as_str()).unwrap_or_default())?;
        l.insert("mediaType".into(), t.into());
    }
    let out = serde_json::to_vec(&v).map_err(|e| bad(e.to_string()))?;
    Ok((out, manifest_type.to_string()))
}

/// An image `load` stored.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub id: String,
    /// Full names given to it (empty when the archive named none).
    pub names: Vec<String>,
}

/// The full name an archive's name stands for (`busybox:latest` ->
/// `docker.io/library/busybox:latest`, as podman), or `None` for what is not an image name (a
/// bare tag in an oci-archive made by another tool, a digest reference).
fn archive_name(format: ArchiveFormat, raw: &str) -> Option<String> {
    if format == ArchiveFormat::Oci && !raw.contains(['/', ':']) {
        return None;
    }
    let r = Reference::parse(raw).ok()?;
    if r.digest.is_some() {
        return None;
    }
    let r = if r.is_short_name() { r.with_registry(DOCKER_HUB) } else { r };
    Some(r.to_string())
}

/// Loads every image of the archive at `path` (blocking). `platform` chooses from nested indexes.
/// Recorded as a `loadfromarchive` event.
pub fn load(
    store: &Store,
    path: &Path,
    platform: &Platform,
    reporter: &dyn PullReporter,
) -> Result<Vec<Loaded>, Error> {
    let loaded = load_images(store, path, platform, reporter)?;
    super::events::image("loadfromarchive", "", &path.display().to_string());
    Ok(loaded)
}

/// `pull docker-archive:PATH` (`reference`): [`load`], recorded as a `pull` event, as podman's.
pub fn pull_archive(
    store: &Store,
    reference: &str,
    path: &Path,
    platform: &Platform,
    reporter: &dyn PullReporter,
) -> Result<Vec<Loaded>, Error> {
    let loaded = load_images(store, path, platform, reporter)?;
    super::events::image("pull", "", reference);
    Ok(loaded)
}

fn load_images(
    store: &Store,
    path: &Path,
    platform: &Platform,
    reporter: &dyn PullReporter,
) -> Result<Vec<Loaded>, Error> {
    let archive = Archive::open(path, platform).map_err(|e| match e {
        e @ (image::Error::File { .. } | image::Error::Archive { .. }) => {
            Error::NotAnArchive { path: path.to_path_buf(), source: e }
        }
        e => e.into(),
    })?;
    if archive.images.is_empty() {
        return Err(Error::EmptyArchive { path: path.to_path_buf() });
    }
    // Layers stored before the image records are written must not be collected meanwhile.
    let _gc_guard = store.gc_guard()?;
    // What each archive entry must become: layers (by chain id) and/or a missing blob.
    let mut wanted: HashMap<String, Vec<LayerExpect>> = HashMap::new();
    let mut blob_only: HashMap<String, LayerDesc> = HashMap::new();
    for img in &archive.images {
        reporter.resolved(&img.image);
        let chains = chain_ids(&img.image.diff_ids);
        for ((layer, diff_id), chain) in img.layers.iter().zip(&img.image.diff_ids).zip(chains) {
            let desc = &layer.desc;
            let has_layer = store.has_layer(&chain)?;
            let has_blob = has_layer && store.has_complete_layer(&chain, &desc.digest)?;
            reporter.blob_start(&desc.digest, desc.size, has_layer && has_blob);
            if has_layer && has_blob {
                reporter.blob_done(&desc.digest);
                continue;
            }
            if has_layer {
                blob_only.insert(layer.entry.clone(), desc.clone());
                continue;
            }
            let expects = wanted.entry(layer.entry.clone()).or_default();
            if !expects.iter().any(|e| e.chain_id == chain) {
                expects.push(LayerExpect {
                    blob_digest: desc.digest.clone(),
                    blob_size: Some(desc.size),
                    diff_id: diff_id.clone(),
                    chain_id: chain,
                    media_type: desc.media_type.clone(),
                });
            }
        }
    }
    let mut failure: Option<Error> = None;
    archive
        .for_each_layer(|layer, reader| {
            let digest = layer.desc.digest.clone();
            let result = ingest_entry(
                store,
                reader,
                &layer.desc,
                wanted.remove(&layer.entry),
                blob_only.remove(&layer.entry),
                reporter,
            );
            match result {
                Ok(()) => {
                    reporter.blob_done(&digest);
                    Ok(())
                }
                Err(e) => {
                    failure = Some(e);
                    Err(image::Error::Archive {
                        path: path.to_path_buf(),
                        reason: format!("layer {digest} failed"),
                    })
                }
            }
        })
        .map_err(|e| failure.take().unwrap_or_else(|| e.into()))?;

    let mut loaded = Vec::new();
    for img in &archive.images {
        let names: Vec<String> = img.names.iter().filter_map(|n| archive_name(archive.format, n)).collect();
        let record = record_image(store, &img.image, names.clone(), Vec::new(), reporter)?;
        loaded.push(Loaded { id: record.id, names });
    }
    Ok(loaded)
}

/// Stores one archive entry: unpacks it as each layer in `expects` (the first from `reader`,
/// further chain ids of the same blob from the stored blob), or only keeps its blob.
fn ingest_entry(
    store: &Store,
    reader: &mut dyn Read,
    desc: &LayerDesc,
    expects: Option<Vec<LayerExpect>>,
    blob_only: Option<LayerDesc>,
    reporter: &dyn PullReporter,
) -> Result<(), Error> {
    let digest = desc.digest.clone();
    let progress = |n: u64| reporter.blob_progress(&digest, n);
    let mut expects = expects.unwrap_or_default().into_iter();
    let mut first_chain = None;
    match expects.next() {
        Some(first) => {
            first_chain = Some(first.chain_id.clone());
            store.ingest_layer(reader, first, &progress)?;
        }
        None if blob_only.is_some() => {
            let mut w = store.blobs().writer()?;
            io::copy(reader, &mut w).map_err(storage::Error::io(store.root().join("tmp")))?;
            w.commit(&desc.digest, Some(desc.size))?;
        }
        None => return Ok(()),
    }
    let first_chain = first_chain;
    for more in expects {
        if store.blobs().has(&desc.digest)? {
            let blob = store.blobs().open(&desc.digest)?;
            store.ingest_layer(io::BufReader::new(blob), more, &progress)?;
            continue;
        }
        // The blob was not kept (the first layer has a tar-split): its uncompressed stream is
        // the same diff id, verified again as it is unpacked.
        let chain = first_chain.as_deref().unwrap_or(&more.chain_id);
        let tar = store
            .layer_tar(chain)?
            .ok_or_else(|| storage::Error::BlobNotFound { digest: desc.digest.clone() })?;
        let uncompressed = LayerExpect { blob_digest: more.diff_id.clone(), blob_size: None, ..more };
        store.ingest_layer(io::BufReader::new(tar), uncompressed, &progress)?;
    }
    Ok(())
}

/// Progress of a push, reported to the CLI.
pub trait PushReporter: Send + Sync {
    /// The image is found; blobs follow.
    fn start(&self) {}
    /// A layer blob was uploaded (`skipped`: the registry had it).
    fn blob(&self, _digest: &str, _skipped: bool) {}
    /// The config blob was uploaded or found.
    fn config(&self, _digest: &str) {}
    /// The manifest is being written.
    fn writing_manifest(&self) {}
}

/// What a push did.
#[derive(Debug, Clone)]
pub struct Pushed {
    /// Where it went.
    pub reference: String,
    /// The manifest digest (the stored one).
    pub digest: String,
}

/// `push IMAGE dir:PATH`: containers/image's directory transport: `version`, `manifest.json` and
/// each blob (layers, config) in a file named by its hex digest. A layer whose compressed blob
/// was not kept is rebuilt from its files (gzip) under a rewritten manifest.
fn push_dir(store: &Store, img: &storage::ImageRecord, dir: &Path, reference: &str) -> Result<Pushed, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source: io::Error| Error::Spool { path, source }
    };
    fs_err::create_dir_all(dir).map_err(io(dir))?;
    let spool = Spool::new(store, "push-dir-")?;
    let hex = |digest: &str| digest.split_once(':').map_or(digest, |(_, h)| h).to_string();
    let mut changed = Vec::new();
    for (i, l) in img.layers.iter().enumerate() {
        let (digest, from) = if store.blobs().has(&l.blob_digest)? {
            (l.blob_digest.clone(), store.blobs().path(&l.blob_digest)?)
        } else {
            let (new, path) = rebuild_layer(store, img, l, &spool, true)?;
            let digest = new.digest.clone();
            changed.push((i, new));
            (digest, path)
        };
        let to = dir.join(hex(&digest));
        fs_err::copy(&from, &to).map_err(io(&to))?;
    }
    let mut manifest = store.blobs().read(&img.digest)?;
    if !changed.is_empty() {
        manifest = rewrite_manifest(&img.id, &manifest, &changed)?;
    }
    let config = store.blobs().read(&img.config_digest)?;
    let write = |name: String, bytes: &[u8]| {
        let path = dir.join(name);
        fs_err::write(&path, bytes).map_err(io(&path))
    };
    write(hex(&img.config_digest), &config)?;
    write("manifest.json".into(), &manifest)?;
    write("version".into(), b"Directory Transport Version: 1.1\n")?;
    drop(spool);
    super::events::image("push", &img.id, reference);
    let digest = format!("sha256:{}", hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&manifest)));
    Ok(Pushed { reference: reference.to_string(), digest })
}

/// The reference a push goes to: `destination` (with or without `docker://`), else the name the
/// image was found by, else its first name.
fn push_destination(found: &images::Found, destination: Option<&str>) -> Result<Reference, Error> {
    let text = match destination {
        Some(d) => d.strip_prefix("docker://").unwrap_or(d).to_string(),
        None => found
            .name
            .clone()
            .or_else(|| found.image.names.first().cloned())
            .ok_or_else(|| Error::NoDestination { image: found.image.id[..12].to_string() })?,
    };
    let r = Reference::parse(&text)?;
    if r.is_short_name() {
        return Err(Error::ShortDestination { destination: text });
    }
    Ok(r)
}

/// Pushes the stored image `source` to `destination` (default: its own name).
pub async fn push(
    store: Arc<Store>,
    options: ClientOptions,
    source: &str,
    destination: Option<&str>,
    format: Option<ManifestFormat>,
    reporter: &dyn PushReporter,
) -> Result<Pushed, Error> {
    let found = images::lookup_image(&store, source)?;
    if let Some(dir) = destination.and_then(|d| d.strip_prefix("dir:")) {
        return push_dir(&store, &found.image, Path::new(dir), destination.unwrap_or_default());
    }
    let r = push_destination(&found, destination)?;
    options.registries.check_allowed(&r)?;
    let img = &found.image;
    let origin = RegistryClient::new(origin_options(&options, img));
    let client = RegistryClient::new(options);
    reporter.start();
    let (manifest, media_type) = push_blobs(&store, &client, &origin, img, &r, format, reporter).await?;
    reporter.writing_manifest();
    let digest = client.push_manifest_raw(&r, manifest, &media_type).await?;
    super::events::image("push", &img.id, &r.to_string());
    Ok(Pushed { reference: r.to_string(), digest })
}

/// The client options to fetch `img`'s blobs again from the registry it came from.
pub(crate) fn origin_client(options: &ClientOptions, img: &storage::ImageRecord) -> RegistryClient {
    RegistryClient::new(origin_options(options, img))
}

/// Pushes the layer and config blobs of the stored image `img` to `r`'s repository and returns
/// the manifest to push (in `format`) and its media type; the manifest itself is not pushed.
pub(crate) async fn push_blobs(
    store: &Store,
    client: &RegistryClient,
    origin: &RegistryClient,
    img: &storage::ImageRecord,
    r: &Reference,
    format: Option<ManifestFormat>,
    reporter: &dyn PushReporter,
) -> Result<(Vec<u8>, String), Error> {
    let mut manifest = store.blobs().read(&img.digest)?;
    let config = store.blobs().read(&img.config_digest)?;
    let spool = Spool::new(store, "push-")?;
    // A layer whose compressed blob was not kept: skipped if the destination has it, else
    // fetched again from the image's registry (the manifest keeps its digest), else rebuilt
    // from the layer's files and gzip-compressed under a rewritten manifest (as podman pushes).
    let mut pushed: Vec<String> = Vec::new();
    let mut changed = Vec::new();
    for (i, l) in img.layers.iter().enumerate() {
        if pushed.contains(&l.blob_digest) {
            continue;
        }
        if store.blobs().has(&l.blob_digest)? {
            let path = store.blobs().path(&l.blob_digest)?;
            let uploaded = client.push_blob(r, &l.blob_digest, BlobSource::File(path)).await?;
            reporter.blob(&l.blob_digest, !uploaded);
        } else if client.blob_exists(r, &l.blob_digest).await? {
            reporter.blob(&l.blob_digest, true);
        } else {
            let desc =
                LayerDesc { digest: l.blob_digest.clone(), size: l.size, media_type: l.media_type.clone() };
            match refetch(origin, img, &desc, &spool).await {
                Some(path) => {
                    let uploaded = client.push_blob(r, &l.blob_digest, BlobSource::File(path)).await?;
                    reporter.blob(&l.blob_digest, !uploaded);
                }
                None => {
                    let (new, path) = rebuild_layer(store, img, l, &spool, true)?;
                    let uploaded = client.push_blob(r, &new.digest, BlobSource::File(path)).await?;
                    reporter.blob(&new.digest, !uploaded);
                    changed.push((i, new));
                }
            }
        }
        pushed.push(l.blob_digest.clone());
    }
    if !changed.is_empty() {
        tracing::warn!(image = %img.id, "layers not kept compressed were compressed again: the manifest digest changes");
        manifest = rewrite_manifest(&img.id, &manifest, &changed)?;
    }
    let mut media_type = img.manifest_media_type.clone();
    if let Some(format) = format {
        (manifest, media_type) = convert_manifest(&img.id, &manifest, format)?;
    }
    client.push_blob(r, &img.config_digest, BlobSource::Bytes(Bytes::from(config))).await?;
    reporter.config(&img.config_digest);
    drop(spool);
    Ok((manifest, media_type))
}

/// The registry part of what `login`/`logout` were given: `docker://`, `https://` and a
/// repository path are dropped (`quay.io/team/app` -> `quay.io`).
pub fn registry_of(text: &str) -> String {
    let t = ["docker://", "https://", "http://"].iter().fold(text, |t, p| t.strip_prefix(p).unwrap_or(t));
    t.split('/').next().unwrap_or(t).to_string()
}

/// Checks `user`/`pass` against `registry` (with `options`' TLS settings) and stores them in
/// `auth`'s file (or `authfile`); returns the file written.
pub async fn login(
    options: ClientOptions,
    auth: &AuthStore,
    registry: &str,
    user: &str,
    pass: &str,
    authfile: Option<PathBuf>,
) -> Result<PathBuf, Error> {
    let options = ClientOptions {
        credentials: image::Credentials::Basic { user: user.to_string(), pass: pass.to_string() },
        ..options
    };
    let client = RegistryClient::new(options);
    match client.check_login(registry).await {
        Ok(()) => {}
        Err(image::Error::Unauthorized { .. }) => {
            return Err(Error::LoginFailed { registry: registry.to_string() })
        }
        Err(e) => return Err(e.into()),
    }
    Ok(auth.login(registry, user, pass, authfile)?)
}

/// Removes the credentials of `registry` (or of every registry when `None`).
pub fn logout(auth: &AuthStore, registry: Option<&str>, authfile: Option<PathBuf>) -> Result<(), Error> {
    match registry {
        None => Ok(auth.logout_all(authfile)?),
        Some(r) => {
            if auth.logout(r, authfile)? {
                Ok(())
            } else {
                Err(Error::NotLoggedIn { registry: r.to_string() })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_names_are_normalized_like_podman() {
        let d = ArchiveFormat::Docker;
        assert_eq!(archive_name(d, "busybox:latest").as_deref(), Some("docker.io/library/busybox:latest"));
        assert_eq!(archive_name(d, "127.0.0.1:5000/a/b:v1").as_deref(), Some("127.0.0.1:5000/a/b:v1"));
        assert_eq!(archive_name(ArchiveFormat::Oci, "latest"), None);
        assert_eq!(archive_name(ArchiveFormat::Oci, "quay.io/x/y:1").as_deref(), Some("quay.io/x/y:1"));
    }

    #[test]
    fn registry_of_drops_scheme_and_path() {
        assert_eq!(registry_of("docker://quay.io/team/app"), "quay.io");
        assert_eq!(registry_of("https://127.0.0.1:5000/"), "127.0.0.1:5000");
        assert_eq!(registry_of("docker.io"), "docker.io");
    }

    #[test]
    fn spool_is_removed_on_drop_and_survives_repair_while_held() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), Default::default()).unwrap();
        let spool = Spool::new(&store, "load-").unwrap();
        let file = spool.fill(&mut &b"data"[..]).unwrap();
        store.repair().unwrap();
        assert_eq!(fs_err::read(&file).unwrap(), b"data");
        drop(spool);
        assert!(!file.exists());
        assert_eq!(fs_err::read_dir(t.path().join("tmp")).unwrap().count(), 0);
    }
}
