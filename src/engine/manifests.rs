//! `manifest create|add|annotate|remove|inspect|push|rm|exists`: manifest lists (image indexes)
//! built locally and pushed to a registry, as podman builds them.
//!
//! A list lives in the store as an image record (so it has names, shows in `images` and goes
//! with `rmi`) whose `digest` is the list's blob and which has no config and no layers
//! ([`ImageRecord::is_manifest_list`]). Each edit writes the new list blob first, then the record
//! (atomically, under the store lock), then drops the old blob if nothing else uses it. The
//! record also keeps where each image of the list can be copied from when the list is pushed:
//! `containers-storage:ID` for an image of the store, `docker://REF` for one in a registry
//! (podman's default transport for `manifest add`; skiff looks in the store first).
//!
//! Edits of lists are serialized by `ROOT/manifests.lock` (taken before `store.lock`): two
//! `manifest add` at once both land. Registry requests happen before it is taken.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use futures_util::StreamExt as _;

use super::images;
use super::transfer::{self, PushReporter, Spool};
use crate::image::list::{ListEntry, ListFormat, ListPlatform, ManifestList};
use crate::image::manifest::{self, sha256_digest};
use crate::image::{
    self, BlobSource, ClientOptions, LayerDesc, Platform, Reference, Registries, RegistryClient,
};
use crate::storage::{self, ImageRecord, Lock, Store};

/// Errors of the manifest commands.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Transfer(#[from] transfer::Error),
    #[error("{name}: image is not a manifest list")]
    NotAList { name: String },
    #[error(
        "creating image to hold manifest list: image name {name:?} is already associated with image {id:?}: that name is already in use"
    )]
    NameInUse { name: String, id: String },
    /// A flag value that cannot be part of a platform or an annotation.
    #[error("invalid {flag} value {value:?}: {reason}")]
    InvalidValue { flag: &'static str, value: String, reason: &'static str },
    #[error("no value given for annotation {value:?}")]
    AnnotationWithoutValue { value: String },
    #[error("invalid image digest {value:?}: invalid checksum digest format")]
    InvalidDigest { value: String },
    #[error("removing from manifest list {list}: no instance matching digest {digest:?} found in manifest list: file does not exist")]
    NoInstanceToRemove { list: String, digest: String },
    #[error("no Docker manifest matching digest {digest:?} was found in list: no image instance matching the specified digest was found in the list or index")]
    NoInstance { digest: String },
    /// podman's words for `manifest inspect` of a registry image that is not a list.
    #[error("parsing manifest blob {blob:?} as a {media_type:?}: Treating single images as manifest lists is not implemented")]
    SingleImage { blob: String, media_type: String },
    #[error("image {digest} of list {list} cannot be pushed: {reason}")]
    InstanceSource { list: String, digest: String, reason: String },
    #[error("cannot write the digest file {}", path.display())]
    DigestFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
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
    /// True when the list named does not exist (`manifest rm` and `exists` exit 1).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Engine(e) if e.is_not_found())
    }

    /// What the user can do about this error, for the CLI's `hint:` line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Engine(e) => e.hint(),
            Error::Transfer(e) => e.hint(),
            _ => None,
        }
    }
}

/// What `manifest add` and `annotate` set on an entry, as the user typed it.
#[derive(Debug, Clone, Default)]
pub struct EntryOptions {
    pub os: Option<String>,
    pub arch: Option<String>,
    pub variant: Option<String>,
    pub os_version: Option<String>,
    pub features: Vec<String>,
    pub os_features: Vec<String>,
    /// `KEY=VALUE`
    pub annotations: Vec<String>,
}

impl EntryOptions {
    /// Checks every value: platform parts are single words, annotations `KEY=VALUE`.
    pub fn validate(&self) -> Result<BTreeMap<String, String>, Error> {
        let word = |flag: &'static str, v: &str| -> Result<(), Error> {
            let reason = if v.is_empty() {
                "it is empty"
            } else if v.contains('/') {
                "it cannot contain '/' (give --os, --arch and --variant separately)"
            } else if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
                "it cannot contain spaces or control characters"
            } else {
                return Ok(());
            };
            Err(Error::InvalidValue { flag, value: v.to_string(), reason })
        };
        for (flag, v) in [("--os", &self.os), ("--arch", &self.arch), ("--variant", &self.variant)] {
            if let Some(v) = v {
                word(flag, v)?;
            }
        }
        for f in &self.features {
            word("--features", f)?;
        }
        for f in &self.os_features {
            word("--os-features", f)?;
        }
        let mut out = BTreeMap::new();
        for a in &self.annotations {
            match a.split_once('=') {
                Some((k, v)) if !k.is_empty() => {
                    out.insert(k.to_string(), v.to_string());
                }
                _ => return Err(Error::AnnotationWithoutValue { value: a.clone() }),
            }
        }
        Ok(out)
    }

    fn apply(&self, entry: &mut ListEntry, annotations: &BTreeMap<String, String>) {
        let p = &mut entry.platform;
        if let Some(v) = &self.os {
            p.os = v.clone();
        }
        if let Some(v) = &self.arch {
            p.architecture = v.clone();
        }
        if let Some(v) = &self.variant {
            p.variant = Some(v.clone());
        }
        if let Some(v) = &self.os_version {
            p.os_version = Some(v.clone());
        }
        if !self.features.is_empty() {
            p.features = self.features.clone();
        }
        if !self.os_features.is_empty() {
            p.os_features = self.os_features.clone();
        }
        entry.annotations.extend(annotations.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// The list `name` names; an image that is not a list is an error.
pub fn find(store: &Store, name: &str) -> Result<ImageRecord, Error> {
    let found = images::lookup(store, name)?;
    if !found.image.is_manifest_list() {
        return Err(Error::NotAList { name: name.to_string() });
    }
    Ok(found.image)
}

/// The entries of a stored list.
pub fn entries(store: &Store, list: &ImageRecord) -> Result<ManifestList, Error> {
    let bytes = store.blobs().read(&list.digest)?;
    Ok(ManifestList::parse(&list.names.first().cloned().unwrap_or_else(|| list.id.clone()), &bytes)?)
}

/// Held while a list is read, changed and stored again.
fn edit_lock(store: &Store) -> Result<Lock, Error> {
    Ok(Lock::exclusive(&store.root().join("manifests.lock"))?)
}

/// Stores `list` as the new content of `record` (with `sources` for its images).
fn save(
    store: &Store,
    record: &ImageRecord,
    list: &ManifestList,
    mut sources: BTreeMap<String, String>,
) -> Result<ImageRecord, Error> {
    let (bytes, digest, media_type) = list.stored();
    store.blobs().put(&digest, &bytes)?;
    sources.retain(|d, _| list.entries.iter().any(|e| &e.digest == d));
    let repo_digests = record
        .names
        .iter()
        .map(|n| {
            format!(
                "{}@{digest}",
                n.rsplit_once(':').filter(|(_, t)| !t.contains('/')).map_or(n.as_str(), |(r, _)| r)
            )
        })
        .collect();
    let new = ImageRecord {
        digest: digest.clone(),
        manifest_media_type: media_type.to_string(),
        size: bytes.len() as u64,
        repo_digests,
        list_sources: sources,
        ..record.clone()
    };
    let stored = store.put_image(new)?;
    if record.digest != digest && !record.digest.is_empty() {
        store.remove_blob_if_unused(&record.digest)?;
    }
    Ok(stored)
}

/// `manifest create NAME`: an empty list named `name` (`localhost/` for a short name). With
/// `amend`, an existing list of that name is returned instead of an error.
pub fn create(store: &Store, name: &str, amend: bool) -> Result<ImageRecord, Error> {
    let full = images::normalize_tag(name)?;
    let _lock = edit_lock(store)?;
    if let Some(have) = store.list_images()?.into_iter().find(|i| i.names.contains(&full)) {
        if amend && have.is_manifest_list() {
            return Ok(have);
        }
        return Err(Error::NameInUse { name: full, id: have.id });
    }
    let record = ImageRecord {
        id: hex::encode(rand::random::<[u8; 32]>()),
        names: vec![full.clone()],
        digest: String::new(),
        repo_digests: Vec::new(),
        manifest_media_type: manifest::DOCKER_MANIFEST_LIST.to_string(),
        config_digest: String::new(),
        layers: Vec::new(),
        created: Some(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        size: 0,
        pulled_at: String::new(),
        insecure_origin: false,
        names_history: Vec::new(),
        list_sources: BTreeMap::new(),
    };
    let stored = save(store, &record, &ManifestList::default(), BTreeMap::new())?;
    super::events::image("create", &stored.id, &full);
    Ok(stored)
}

/// Registry access for `manifest add`, `inspect` and `push`.
pub struct Remote {
    pub registries: Registries,
    pub options: ClientOptions,
}

impl Remote {
    fn client(&self) -> RegistryClient {
        RegistryClient::new(self.options.clone())
    }
}

/// An entry to add and where its image can be copied from.
struct Found {
    entry: ListEntry,
    source: String,
}

/// The platform an image config declares.
fn config_platform(config: &[u8]) -> ListPlatform {
    let v: serde_json::Value = serde_json::from_slice(config).unwrap_or_default();
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).filter(|x| !x.is_empty()).map(str::to_string);
    ListPlatform {
        architecture: s("architecture").unwrap_or_default(),
        os: s("os").unwrap_or_default(),
        os_version: s("os.version"),
        os_features: Vec::new(),
        variant: s("variant"),
        features: Vec::new(),
    }
}

fn local_entry(store: &Store, img: &ImageRecord) -> Result<Found, Error> {
    let config = store.blobs().read(&img.config_digest)?;
    let size = store.blobs().size(&img.digest)?;
    Ok(Found {
        entry: ListEntry {
            media_type: img.manifest_media_type.clone(),
            digest: img.digest.clone(),
            size,
            platform: config_platform(&config),
            annotations: BTreeMap::new(),
        },
        source: format!("containers-storage:{}", img.id),
    })
}

/// The images `text` stands for: one of the store (`containers-storage:NAME`, or a plain name
/// the store has), else one of a registry (`docker://REF` or a plain reference); a list in a
/// registry gives its entry for this host's platform, or with `all` every entry.
async fn resolve_image(store: &Store, remote: &Remote, text: &str, all: bool) -> Result<Vec<Found>, Error> {
    if let Some(local) = text.strip_prefix("containers-storage:") {
        let found = images::lookup(store, local)?;
        if found.image.is_manifest_list() {
            return list_entries_of(store, &found.image, all);
        }
        return Ok(vec![local_entry(store, &found.image)?]);
    }
    let remote_text = match text.strip_prefix("docker://") {
        Some(r) => r,
        None => {
            match images::lookup(store, text) {
                Ok(found) if !found.image.is_manifest_list() => {
                    return Ok(vec![local_entry(store, &found.image)?])
                }
                _ => {}
            }
            text
        }
    };
    let reference = Reference::parse(remote_text)?;
    let candidates = remote.registries.candidates(&reference);
    if candidates.is_empty() {
        return Err(super::Error::NoSearchRegistries { name: text.to_string() }.into());
    }
    let client = remote.client();
    let mut last_err = None;
    for cand in candidates {
        remote.registries.check_allowed(&cand)?;
        match remote_entries(&client, &cand, all).await {
            Ok(v) => return Ok(v),
            Err(e) => {
                tracing::debug!(candidate = %cand, error = %e, "trying the next search registry");
                last_err = Some(e);
            }
        }
    }
    Err(last_err.expect("at least one candidate").into())
}

/// The entries of a list of the store, to add to another list.
fn list_entries_of(store: &Store, list: &ImageRecord, all: bool) -> Result<Vec<Found>, Error> {
    let l = entries(store, list)?;
    let host = Platform::host();
    let picked: Vec<&ListEntry> = if all {
        l.entries.iter().collect()
    } else {
        let i = host.choose(l.entries.iter().map(|e| {
            (e.platform.os.as_str(), e.platform.architecture.as_str(), e.platform.variant.as_deref())
        }));
        i.map(|i| vec![&l.entries[i]]).unwrap_or_default()
    };
    Ok(picked
        .into_iter()
        .map(|e| Found {
            entry: e.clone(),
            source: list.list_sources.get(&e.digest).cloned().unwrap_or_default(),
        })
        .collect())
}

async fn remote_entries(
    client: &RegistryClient,
    r: &Reference,
    all: bool,
) -> Result<Vec<Found>, image::Error> {
    let (bytes, digest) = client.fetch_manifest(r).await?;
    let raw: manifest::RawManifest = serde_json::from_slice(&bytes).map_err(|e| {
        image::Error::InvalidManifest { reference: r.to_string(), what: "manifest", reason: e.to_string() }
    })?;
    let source = |d: &str| format!("docker://{}", r.with_digest(d));
    if let Some(list_entries) = raw.manifests {
        let list = ManifestList::parse(&r.to_string(), &bytes)?;
        let picked: Vec<ListEntry> = if all {
            list.entries
        } else {
            let host = Platform::host();
            let i = host.choose(list_entries.iter().map(|e| {
                e.platform.as_ref().map_or(("", "", None), |p| {
                    (p.os.as_str(), p.architecture.as_str(), p.variant.as_deref())
                })
            }));
            let Some(i) = i else {
                return Err(image::Error::NoMatchingPlatform {
                    reference: r.to_string(),
                    platform: host.to_string(),
                    available: list
                        .entries
                        .iter()
                        .map(|e| format!("{}/{}", e.platform.os, e.platform.architecture))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            };
            let mut e = list.entries[i].clone();
            e.annotations.clear();
            vec![e]
        };
        return Ok(picked.into_iter().map(|e| Found { source: source(&e.digest), entry: e }).collect());
    }
    let resolved = client.resolve(&r.with_digest(&digest), &Platform::host()).await?;
    Ok(vec![Found {
        entry: ListEntry {
            media_type: resolved.manifest_media_type.clone(),
            digest: digest.clone(),
            size: bytes.len() as u64,
            platform: config_platform(&resolved.config_bytes),
            annotations: BTreeMap::new(),
        },
        source: source(&digest),
    }])
}

/// `manifest add LIST IMAGE...` (and the images of `manifest create LIST IMAGE...`): each image
/// (with `all`, every image of a list) is added, replacing an entry of the same digest, with
/// `opts` applied. Returns the list's record.
pub async fn add(
    store: &Store,
    remote: &Remote,
    list_name: &str,
    images_to_add: &[String],
    all: bool,
    opts: &EntryOptions,
) -> Result<ImageRecord, Error> {
    let annotations = opts.validate()?;
    let record = find(store, list_name)?;
    let mut found = Vec::new();
    for text in images_to_add {
        found.extend(resolve_image(store, remote, text, all).await?);
    }
    // Under no lock while the registry answered: read the list again to edit its latest version.
    let _lock = edit_lock(store)?;
    let record = store
        .get_image(&record.id)?
        .ok_or_else(|| super::Error::ImageNotKnown { name: list_name.to_string() })?;
    let mut list = entries(store, &record)?;
    let mut sources = record.list_sources.clone();
    for mut f in found {
        opts.apply(&mut f.entry, &annotations);
        if !f.source.is_empty() {
            sources.insert(f.entry.digest.clone(), f.source);
        }
        list.add(f.entry);
    }
    save(store, &record, &list, sources)
}

/// `build --manifest LIST`: adds the image just built to the list, which is created if there
/// is no image of that name.
pub fn add_built(store: &Store, list_name: &str, image: &ImageRecord) -> Result<ImageRecord, Error> {
    if let Err(e) = find(store, list_name) {
        if !e.is_not_found() {
            return Err(e);
        }
        create(store, list_name, true)?;
    }
    let _lock = edit_lock(store)?;
    let record = find(store, list_name)?;
    let found = local_entry(store, image)?;
    let mut list = entries(store, &record)?;
    let mut sources = record.list_sources.clone();
    sources.insert(found.entry.digest.clone(), found.source);
    list.add(found.entry);
    save(store, &record, &list, sources)
}

/// `manifest annotate LIST DIGEST`: sets `opts` on the entry with that digest.
pub fn annotate(
    store: &Store,
    list_name: &str,
    digest: &str,
    opts: &EntryOptions,
) -> Result<ImageRecord, Error> {
    let annotations = opts.validate()?;
    if image::reference::validate_digest(digest, digest).is_err() {
        return Err(Error::InvalidDigest { value: digest.to_string() });
    }
    let _lock = edit_lock(store)?;
    let record = find(store, list_name)?;
    let mut list = entries(store, &record)?;
    let entry = list.entry_mut(digest).ok_or_else(|| Error::NoInstance { digest: digest.to_string() })?;
    opts.apply(entry, &annotations);
    save(store, &record, &list, record.list_sources.clone())
}

/// `manifest remove LIST DIGEST`: drops the entry with that digest.
pub fn remove_entry(store: &Store, list_name: &str, digest: &str) -> Result<ImageRecord, Error> {
    let _lock = edit_lock(store)?;
    let record = find(store, list_name)?;
    let mut list = entries(store, &record)?;
    if !list.remove(digest) {
        return Err(Error::NoInstanceToRemove { list: list_name.to_string(), digest: digest.to_string() });
    }
    save(store, &record, &list, record.list_sources.clone())
}

/// The image of the store a list stands for where an image is wanted (`inspect`, `run`), as in
/// podman: its entry for this host's platform, if that image is in the store.
pub fn local_instance(store: &Store, list: &ImageRecord) -> Result<Option<ImageRecord>, Error> {
    let l = entries(store, list)?;
    let host = Platform::host();
    let chosen =
        host.choose(l.entries.iter().map(|e| {
            (e.platform.os.as_str(), e.platform.architecture.as_str(), e.platform.variant.as_deref())
        }));
    let Some(i) = chosen else { return Ok(None) };
    let digest = &l.entries[i].digest;
    Ok(store.list_images()?.into_iter().find(|img| &img.digest == digest && !img.is_manifest_list()))
}

/// podman's error for a list without a local image for this host.
pub fn no_local_instance_message() -> String {
    let host = Platform::host();
    format!(
        "no image found in manifest list for architecture {}, variant {:?}, OS {}: image not known",
        host.architecture,
        host.variant.unwrap_or_default(),
        host.os
    )
}

/// `manifest inspect NAME`: a list of the store, else a list in a registry (podman looks in the
/// registry when the store has no list of that name). The text podman prints.
pub async fn inspect(store: &Store, remote: &Remote, name: &str) -> Result<String, Error> {
    match find(store, name) {
        Ok(record) => return Ok(entries(store, &record)?.inspect_json(true)),
        Err(Error::NotAList { .. }) => {}
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e),
    }
    let reference = Reference::parse(name.strip_prefix("docker://").unwrap_or(name))?;
    let candidates = remote.registries.candidates(&reference);
    if candidates.is_empty() {
        return Err(super::Error::NoSearchRegistries { name: name.to_string() }.into());
    }
    let client = remote.client();
    let mut last_err = None;
    for cand in candidates {
        remote.registries.check_allowed(&cand)?;
        match client.fetch_manifest(&cand).await {
            Ok((bytes, _)) => {
                // A list may be empty (`"manifests": null`, as an empty list is pushed).
                let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
                let media_type = v["mediaType"].as_str().unwrap_or_default();
                let is_list = matches!(media_type, manifest::OCI_INDEX | manifest::DOCKER_MANIFEST_LIST)
                    || (media_type.is_empty() && v.get("manifests").is_some());
                if is_list {
                    return Ok(ManifestList::parse(&cand.to_string(), &bytes)?.inspect_json(false));
                }
                return match manifest::parse_manifest(&cand.to_string(), &bytes, None)? {
                    manifest::Parsed::Index(_) => {
                        Ok(ManifestList::parse(&cand.to_string(), &bytes)?.inspect_json(false))
                    }
                    manifest::Parsed::Image { media_type, .. } => Err(Error::SingleImage {
                        blob: String::from_utf8_lossy(&bytes).into_owned(),
                        media_type,
                    }),
                };
            }
            Err(e) => last_err = Some(e),
        }
    }
    Err(last_err.expect("at least one candidate").into())
}

/// `manifest exists NAME`: `Ok(false)` when there is no image of that name; an image that is
/// not a list is an error.
pub fn exists(store: &Store, name: &str) -> Result<bool, Error> {
    match find(store, name) {
        Ok(_) => Ok(true),
        Err(e) if e.is_not_found() => Ok(false),
        Err(e) => Err(e),
    }
}

/// `manifest rm NAME`: removes the list (never the images it lists). Returns its names and id.
pub fn rm(store: &Store, name: &str) -> Result<(Vec<String>, String), Error> {
    let record = find(store, name)?;
    let removed = store.remove_image(&record.id, &|_| false)?;
    for n in &removed.untagged {
        super::events::image("untag", &removed.id, n);
    }
    super::events::image("remove", &removed.id, &removed.id);
    Ok((removed.untagged, removed.id))
}

/// How `manifest push` runs.
#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    /// Push the list's images too (podman's default).
    pub all: bool,
    /// The list's format (default: as stored: OCI with entries, Docker when empty).
    pub format: Option<ListFormat>,
    /// Remove the list from the store once pushed.
    pub rm: bool,
}

/// Progress of `manifest push`, on top of each image's [`PushReporter`] events.
pub trait ListPushReporter: PushReporter {
    /// `count` images of the list are about to be copied.
    fn list_start(&self, _count: usize) {}
    /// Image `n` (from 1) of `count`, `digest`, is being copied.
    fn image(&self, _n: usize, _count: usize, _digest: &str) {}
    /// An image's manifest was written.
    fn image_done(&self) {}
    /// The list itself is being written.
    fn writing_list(&self) {}
}

/// `manifest push LIST DESTINATION`: the list's images (unless `!all`), then the list under
/// DESTINATION's tag. Returns the pushed list's digest.
pub async fn push(
    store: Arc<Store>,
    remote: &Remote,
    list_name: &str,
    destination: &str,
    opts: &PushOptions,
    reporter: &dyn ListPushReporter,
) -> Result<String, Error> {
    let record = find(&store, list_name)?;
    let text = destination.strip_prefix("docker://").unwrap_or(destination);
    let dest = Reference::parse(text)?;
    if dest.is_short_name() {
        return Err(transfer::Error::ShortDestination { destination: text.to_string() }.into());
    }
    remote.registries.check_allowed(&dest)?;
    let mut list = entries(&store, &record)?;
    let client = remote.client();
    if opts.all {
        let count = list.entries.len();
        reporter.list_start(count);
        for (i, entry) in list.entries.iter_mut().enumerate() {
            reporter.image(i + 1, count, &entry.digest);
            reporter.start();
            let source = record.list_sources.get(&entry.digest).cloned().unwrap_or_default();
            let (bytes, media_type) = match source.split_once(':') {
                Some(("containers-storage", id)) => {
                    let img = store
                        .get_image(id)?
                        .or(store.list_images()?.into_iter().find(|i| i.digest == entry.digest))
                        .ok_or_else(|| Error::InstanceSource {
                            list: list_name.to_string(),
                            digest: entry.digest.clone(),
                            reason: format!(
                                "image {} is no longer in local storage",
                                &id[..id.len().min(12)]
                            ),
                        })?;
                    let origin = transfer::origin_client(&remote.options, &img);
                    transfer::push_blobs(&store, &client, &origin, &img, &dest, None, reporter).await?
                }
                Some(("docker", src)) => {
                    let src = Reference::parse(src.trim_start_matches("//"))?;
                    copy_remote(&store, &client, &src, &dest, &entry.digest, reporter).await?
                }
                _ => {
                    return Err(Error::InstanceSource {
                        list: list_name.to_string(),
                        digest: entry.digest.clone(),
                        reason: "skiff does not know where to copy it from".into(),
                    })
                }
            };
            reporter.writing_manifest();
            let digest = sha256_digest(&bytes);
            let size = bytes.len() as u64;
            client.push_manifest_raw(&dest.with_digest(&digest), bytes, &media_type).await?;
            reporter.image_done();
            // The image's manifest changed (a layer compressed again): the list names the new one.
            entry.digest = digest;
            entry.size = size;
            entry.media_type = media_type;
        }
    }
    let format = opts.format.unwrap_or(list.default_format());
    let (bytes, media_type) = list.serialize(format);
    reporter.writing_list();
    let digest = client.push_manifest_raw(&dest, bytes, media_type).await?;
    super::events::image("push", &record.id, &dest.to_string());
    if opts.rm {
        rm(&store, &record.id)?;
    }
    Ok(digest)
}

/// Copies the image `digest` of `src`'s repository (manifest blobs: config and layers) to
/// `dest`'s repository; returns its manifest bytes and media type (not pushed yet).
async fn copy_remote(
    store: &Store,
    client: &RegistryClient,
    src: &Reference,
    dest: &Reference,
    digest: &str,
    reporter: &dyn PushReporter,
) -> Result<(Vec<u8>, String), Error> {
    let at = src.with_digest(digest);
    let (bytes, _) = client.fetch_manifest(&at).await?;
    let manifest::Parsed::Image { media_type, config, layers } =
        manifest::parse_manifest(&at.to_string(), &bytes, None)?
    else {
        return Err(Error::InstanceSource {
            list: dest.to_string(),
            digest: digest.to_string(),
            reason: "it is itself a list".into(),
        });
    };
    let spool = Spool::new(store, "push-").map_err(Error::Transfer)?;
    let blobs = layers.iter().map(|l| (l, false)).chain(std::iter::once((&config, true)));
    for (desc, is_config) in blobs {
        let skipped = client.blob_exists(dest, &desc.digest).await?;
        if !skipped {
            let desc = LayerDesc {
                digest: desc.digest.clone(),
                size: u64::try_from(desc.size).unwrap_or(0),
                media_type: desc.media_type.clone(),
            };
            let path = spool.path(desc.digest.trim_start_matches("sha256:"));
            let mut stream = client.blob_stream(&at, &desc).await?;
            let mut file = fs_err::File::create(&path).map_err(storage::Error::io(&path))?;
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| image::Error::Registry {
                    registry: src.registry.clone(),
                    reference: at.to_string(),
                    message: format!("reading blob {}: {e}", desc.digest),
                })?;
                std::io::Write::write_all(&mut file, &chunk).map_err(storage::Error::io(&path))?;
            }
            drop(file);
            client.push_blob(dest, &desc.digest, BlobSource::File(path)).await?;
        }
        if is_config {
            reporter.config(&desc.digest);
        } else {
            reporter.blob(&desc.digest, skipped);
        }
    }
    Ok((bytes, media_type))
}

/// The list format `manifest push --format` names: `oci`, or `v2s2` (also `docker`).
pub fn parse_format(text: &str) -> Option<ListFormat> {
    match text {
        "oci" => Some(ListFormat::Oci),
        "v2s2" | "docker" => Some(ListFormat::Docker),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_options_reject_bad_values_by_name() {
        let bad = EntryOptions { arch: Some("linux/amd64".into()), ..Default::default() };
        let e = bad.validate().unwrap_err().to_string();
        assert!(e.starts_with("invalid --arch value \"linux/amd64\""), "{e}");
        let bad = EntryOptions { os: Some(String::new()), ..Default::default() };
        assert!(bad.validate().unwrap_err().to_string().contains("--os value \"\""));
        let bad = EntryOptions { annotations: vec!["foo".into()], ..Default::default() };
        assert_eq!(bad.validate().unwrap_err().to_string(), "no value given for annotation \"foo\"");
        let good = EntryOptions { annotations: vec!["a=b=c".into(), "d=".into()], ..Default::default() };
        let a = good.validate().unwrap();
        assert_eq!(a["a"], "b=c");
        assert_eq!(a["d"], "");
    }

    #[test]
    fn concurrent_edits_of_a_list_all_land() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), Default::default()).unwrap();
        let rec = create(&store, "busy", false).unwrap();
        let d = format!("sha256:{}", "3".repeat(64));
        let mut l = ManifestList::default();
        l.add(ListEntry {
            media_type: manifest::OCI_MANIFEST.into(),
            digest: d.clone(),
            size: 1,
            platform: ListPlatform { architecture: "amd64".into(), os: "linux".into(), ..Default::default() },
            annotations: BTreeMap::new(),
        });
        save(&store, &rec, &l, BTreeMap::new()).unwrap();
        std::thread::scope(|scope| {
            for who in ["a", "b"] {
                let (store, d) = (&store, &d);
                scope.spawn(move || {
                    for i in 0..10 {
                        let opts =
                            EntryOptions { annotations: vec![format!("{who}{i}=x")], ..Default::default() };
                        annotate(store, "busy", d, &opts).unwrap();
                    }
                });
            }
        });
        let got = entries(&store, &find(&store, "busy").unwrap()).unwrap();
        assert_eq!(got.entries[0].annotations.len(), 20, "{:?}", got.entries[0].annotations);
    }

    #[test]
    fn create_edit_and_remove_a_list_in_the_store() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::open(t.path(), Default::default()).unwrap();
        let rec = create(&store, "test:1.0", false).unwrap();
        assert_eq!(rec.names, vec!["localhost/test:1.0"]);
        assert!(rec.is_manifest_list());
        assert_eq!(rec.digest, "sha256:20b959ad5960230b65a77b746bdbf5d991ade4d7a129c2554e167acdcc990531");
        assert_eq!(rec.repo_digests, vec![format!("localhost/test@{}", rec.digest)]);
        assert!(matches!(create(&store, "test:1.0", false), Err(Error::NameInUse { .. })));
        assert_eq!(create(&store, "test:1.0", true).unwrap().id, rec.id);
        assert!(exists(&store, "test:1.0").unwrap());
        assert!(!exists(&store, "nosuch").unwrap());

        // An entry set by hand, then annotated and removed.
        let d = format!("sha256:{}", "1".repeat(64));
        let mut l = ManifestList::default();
        l.add(ListEntry {
            media_type: manifest::OCI_MANIFEST.into(),
            digest: d.clone(),
            size: 10,
            platform: ListPlatform { architecture: "amd64".into(), os: "linux".into(), ..Default::default() },
            annotations: BTreeMap::new(),
        });
        let rec2 = save(&store, &rec, &l, BTreeMap::new()).unwrap();
        assert_eq!(rec2.manifest_media_type, manifest::OCI_INDEX);
        assert!(!store.blobs().has(&rec.digest).unwrap(), "the old list blob is dropped");
        let opts = EntryOptions {
            arch: Some("arm64".into()),
            annotations: vec!["k=v".into()],
            ..Default::default()
        };
        annotate(&store, "test:1.0", &d, &opts).unwrap();
        let got = entries(&store, &find(&store, "test:1.0").unwrap()).unwrap();
        assert_eq!(got.entries[0].platform.architecture, "arm64");
        assert_eq!(got.entries[0].annotations["k"], "v");
        assert!(matches!(annotate(&store, "test:1.0", "nodigest", &opts), Err(Error::InvalidDigest { .. })));
        assert!(matches!(
            remove_entry(&store, "test:1.0", &d.replace('1', "2")),
            Err(Error::NoInstanceToRemove { .. })
        ));
        remove_entry(&store, "test:1.0", &d).unwrap();
        let (untagged, id) = rm(&store, "test:1.0").unwrap();
        assert_eq!((untagged, id), (vec!["localhost/test:1.0".to_string()], rec.id));
        assert!(store.list_images().unwrap().is_empty());
        assert!(rm(&store, "test:1.0").unwrap_err().is_not_found());
    }
}
