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
pub fn save(
    store: &Store,
    texts: &[String],
    format: ArchiveFormat,
    out: &Path,
) -> Result<Vec<String>, Error> {
    let mut inputs: Vec<(String, ArchiveInput)> = Vec::new();
    for text in texts {
        let found = images::lookup(store, text)?;
        let img = found.image;
        if let Some((_, input)) = inputs.iter_mut().find(|(id, _)| *id == img.id) {
            input.names.extend(found.name.filter(|n| !input.names.contains(n)));
            continue;
        }
        let mut layers = Vec::with_capacity(img.layers.len());
        for l in &img.layers {
            if !store.blobs().has(&l.blob_digest)? {
                return Err(storage::Error::BlobNotFound { digest: l.blob_digest.clone() }.into());
            }
            let desc =
                LayerDesc { digest: l.blob_digest.clone(), size: l.size, media_type: l.media_type.clone() };
            layers.push((desc, store.blobs().path(&l.blob_digest)?));
        }
        let input = ArchiveInput {
            names: found.name.into_iter().collect(),
            manifest_bytes: store.blobs().read(&img.digest)?,
            config_bytes: store.blobs().read(&img.config_digest)?,
            layers,
        };
        inputs.push((img.id.clone(), input));
    }
    let ids = inputs.iter().map(|(id, _)| id.clone()).collect();
    let inputs: Vec<ArchiveInput> = inputs.into_iter().map(|(_, i)| i).collect();
    image::write_archive(out, format, &inputs)?;
    Ok(ids)
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
pub fn load(
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
            let has_blob = store.blobs().has(&desc.digest)?;
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
    match expects.next() {
        Some(first) => {
            store.ingest_layer(reader, first, &progress)?;
        }
        None if blob_only.is_some() => {
            let mut w = store.blobs().writer()?;
            io::copy(reader, &mut w).map_err(storage::Error::io(store.root().join("tmp")))?;
            w.commit(&desc.digest, Some(desc.size))?;
        }
        None => return Ok(()),
    }
    for more in expects {
        let blob = store.blobs().open(&desc.digest)?;
        store.ingest_layer(io::BufReader::new(blob), more, &progress)?;
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
    reporter: &dyn PushReporter,
) -> Result<Pushed, Error> {
    let found = images::lookup(&store, source)?;
    let r = push_destination(&found, destination)?;
    options.registries.check_allowed(&r)?;
    let img = &found.image;
    let manifest = store.blobs().read(&img.digest)?;
    let config = store.blobs().read(&img.config_digest)?;
    let mut files = Vec::with_capacity(img.layers.len());
    for l in &img.layers {
        if !store.blobs().has(&l.blob_digest)? {
            return Err(storage::Error::BlobNotFound { digest: l.blob_digest.clone() }.into());
        }
        files.push((l.blob_digest.clone(), store.blobs().path(&l.blob_digest)?));
    }
    let client = RegistryClient::new(options);
    reporter.start();
    let mut pushed: Vec<&str> = Vec::new();
    for (digest, path) in &files {
        if pushed.contains(&digest.as_str()) {
            continue;
        }
        let uploaded = client.push_blob(&r, digest, BlobSource::File(path.clone())).await?;
        reporter.blob(digest, !uploaded);
        pushed.push(digest);
    }
    client.push_blob(&r, &img.config_digest, BlobSource::Bytes(Bytes::from(config))).await?;
    reporter.config(&img.config_digest);
    reporter.writing_manifest();
    let digest = client.push_manifest_raw(&r, manifest, &img.manifest_media_type).await?;
    Ok(Pushed { reference: r.to_string(), digest })
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
