//! Image records, all in `ROOT/images.json`, read under a shared `store.lock` and rewritten
//! atomically under an exclusive one.
//!
//! An image is keyed by its id (the hex of its config digest). Names follow podman: a name
//! belongs to one image at a time, and giving it to another image leaves the old one dangling
//! (`<none>`) rather than removing it. [`Store::put_image`] checks, under the store lock, that
//! the layers and blobs it references are present, and removal deletes layers only under that
//! lock, so an image once stored never points at a deleted layer.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::lock::Lock;
use super::{digest_hex, is_hex64, Error, Store};
use crate::sys::atomic::write_atomic;

/// One layer of an image, bottom first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerRef {
    pub chain_id: String,
    pub diff_id: String,
    pub blob_digest: String,
    pub media_type: String,
    /// Compressed size, as in the manifest.
    pub size: u64,
}

/// A stored image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageRecord {
    /// Config digest hex (64 characters).
    pub id: String,
    /// Full references, e.g. `127.0.0.1:5000/busybox:latest`.
    pub names: Vec<String>,
    /// Manifest digest, `sha256:...` (the manifest bytes are the blob of that digest).
    pub digest: String,
    /// `repo@sha256:...`
    pub repo_digests: Vec<String>,
    pub manifest_media_type: String,
    /// `sha256:...` (the config bytes are the blob of that digest).
    pub config_digest: String,
    pub layers: Vec<LayerRef>,
    /// From the image config (RFC 3339), if it has one.
    pub created: Option<String>,
    /// Sum of the layers' uncompressed sizes.
    pub size: u64,
    /// When the image was stored (RFC 3339); filled in by [`Store::put_image`] if empty.
    pub pulled_at: String,
    /// The image was pulled over plain http (`--tls-verify=false`): where `save` and `push`
    /// fetch a layer blob that was not kept, they speak to its registry the same way.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure_origin: bool,
    /// Every name the image has had, the most recent first (podman's `NamesHistory`); kept
    /// when a name is taken away.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names_history: Vec<String>,
    /// A manifest list (`manifest create`): where each of its images can be copied from when
    /// the list is pushed, by instance digest (`docker://REF` or `containers-storage:ID`).
    /// A list has no config and no layers; its `digest` is the list's blob.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub list_sources: BTreeMap<String, String>,
}

impl ImageRecord {
    /// True for a manifest list / image index built with `manifest create`.
    pub fn is_manifest_list(&self) -> bool {
        matches!(
            self.manifest_media_type.as_str(),
            "application/vnd.oci.image.index.v1+json"
                | "application/vnd.docker.distribution.manifest.list.v2+json"
        )
    }

    /// podman's `History` of `images`: the current names, then the names it had before (the
    /// most recent first).
    pub fn history(&self) -> Vec<String> {
        let mut out = self.names.clone();
        for n in &self.names_history {
            push_unique(&mut out, n);
        }
        out
    }

    fn remember_name(&mut self, name: &str) {
        self.names_history.retain(|n| n != name);
        self.names_history.insert(0, name.to_string());
    }
}

/// What [`Store::remove_image`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemovedImage {
    pub id: String,
    /// Names the image had.
    pub untagged: Vec<String>,
    /// Chain ids of layers no other image used, now deleted.
    pub deleted_layers: Vec<String>,
    /// Blobs no other image used, now deleted.
    pub deleted_blobs: Vec<String>,
}

/// Space used by the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiskUsage {
    pub images: usize,
    /// Images without a name.
    pub dangling_images: usize,
    pub layers: usize,
    /// Sum of the layers' uncompressed sizes.
    pub layers_size: u64,
    pub blobs: usize,
    pub blobs_size: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct ImagesFile {
    version: u32,
    pub(super) images: Vec<ImageRecord>,
}

fn normalize_id(id: &str) -> &str {
    id.strip_prefix("sha256:").unwrap_or(id)
}

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

/// Name, repo digest, then unique id prefix (at least 3 hex digits).
fn find<'a>(images: &'a [ImageRecord], key: &str) -> Result<&'a ImageRecord, Error> {
    if let Some(img) = images.iter().find(|i| i.names.iter().any(|n| n == key)) {
        return Ok(img);
    }
    if let Some(img) = images.iter().find(|i| i.repo_digests.iter().any(|n| n == key)) {
        return Ok(img);
    }
    let prefix = normalize_id(key);
    if prefix.len() >= 3 && prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
        let prefix = prefix.to_ascii_lowercase();
        let matches: Vec<_> = images.iter().filter(|i| i.id.starts_with(&prefix)).collect();
        match matches.as_slice() {
            [one] => return Ok(one),
            [] => {}
            many => {
                return Err(Error::AmbiguousImage {
                    prefix: key.to_owned(),
                    candidates: many.iter().map(|i| short(&i.id).to_owned()).collect(),
                })
            }
        }
    }
    Err(Error::ImageNotFound { name: key.to_owned() })
}

/// Takes `name` away from every image but `keep_id`.
fn take_name(images: &mut [ImageRecord], name: &str, keep_id: &str) {
    for img in images.iter_mut().filter(|i| i.id != keep_id) {
        img.names.retain(|n| n != name);
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_owned());
    }
}

impl Store {
    fn images_path(&self) -> PathBuf {
        self.root().join("images.json")
    }

    /// Reads images.json; the caller holds the store lock.
    pub(super) fn read_images(&self) -> Result<ImagesFile, Error> {
        let path = self.images_path();
        match fs_err::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|source| Error::Corrupt { path, source }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(ImagesFile { version: 1, images: vec![] })
            }
            Err(e) => Err(Error::Io { path, source: e }),
        }
    }

    /// Rewrites images.json atomically; the caller holds the store lock exclusively.
    fn write_images(&self, file: &ImagesFile) -> Result<(), Error> {
        let path = self.images_path();
        let json = serde_json::to_vec_pretty(file).expect("image records serialize");
        write_atomic(&path, &json).map_err(|source| Error::Io { path, source })
    }

    pub(crate) fn load_images_shared(&self) -> Result<Vec<ImageRecord>, Error> {
        let _lock = Lock::shared(&self.store_lock_path())?;
        Ok(self.read_images()?.images)
    }

    /// Applies `change` to the image list under the exclusive store lock and saves it.
    fn update_images<T>(
        &self,
        change: impl FnOnce(&mut Vec<ImageRecord>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let _lock = Lock::exclusive(&self.store_lock_path())?;
        let mut file = self.read_images()?;
        let before = file.images.clone();
        let out = change(&mut file.images)?;
        // Nothing changed (a re-pull of a present image): no rewrite, no fsync.
        if file.images == before && file.version == 1 {
            return Ok(out);
        }
        file.version = 1;
        self.write_images(&file)?;
        Ok(out)
    }

    /// Every image, in the order they were stored.
    pub fn list_images(&self) -> Result<Vec<ImageRecord>, Error> {
        self.load_images_shared()
    }

    /// The image with this full id (64 hex digits, `sha256:` prefix allowed).
    pub fn get_image(&self, id: &str) -> Result<Option<ImageRecord>, Error> {
        let id = normalize_id(id);
        Ok(self.load_images_shared()?.into_iter().find(|i| i.id == id))
    }

    /// The image with this exact name or repo digest, else the one whose id starts with the
    /// given prefix (at least 3 hex digits); an ambiguous prefix is an error listing the
    /// candidates.
    pub fn find_image(&self, name_or_id: &str) -> Result<ImageRecord, Error> {
        find(&self.load_images_shared()?, name_or_id).cloned()
    }

    /// Stores an image. Its layers and its manifest and config blobs must be in the store. If
    /// the id is already stored, names and repo digests are merged and the rest replaced. Names
    /// held by other images move to this one. Returns the stored record.
    pub fn put_image(&self, mut record: ImageRecord) -> Result<ImageRecord, Error> {
        if !is_hex64(&record.id) {
            return Err(Error::InvalidImageId { id: record.id });
        }
        if record.pulled_at.is_empty() {
            record.pulled_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        }
        self.update_images(|images| {
            // Under the store lock: layers and blobs cannot be removed while we look.
            let blobs = if record.is_manifest_list() {
                &[&record.digest][..]
            } else {
                &[&record.digest, &record.config_digest][..]
            };
            for digest in blobs {
                if !self.blobs().has(digest)? {
                    return Err(Error::BlobNotFound { digest: (*digest).clone() });
                }
            }
            for layer in &record.layers {
                if !self.has_layer(&layer.chain_id)? {
                    return Err(Error::LayerNotFound { chain_id: layer.chain_id.clone() });
                }
            }
            for name in &record.names {
                take_name(images, name, &record.id);
            }
            match images.iter_mut().find(|i| i.id == record.id) {
                Some(existing) => {
                    let mut names = std::mem::take(&mut existing.names);
                    let mut repo_digests = std::mem::take(&mut existing.repo_digests);
                    for n in &record.names {
                        push_unique(&mut names, n);
                        existing.remember_name(n);
                    }
                    let names_history = std::mem::take(&mut existing.names_history);
                    for d in &record.repo_digests {
                        push_unique(&mut repo_digests, d);
                    }
                    // The same manifest again (a re-pull) was stored when it was first stored.
                    let pulled_at = if existing.digest == record.digest {
                        std::mem::take(&mut existing.pulled_at)
                    } else {
                        record.pulled_at
                    };
                    *existing = ImageRecord { names, repo_digests, pulled_at, names_history, ..record };
                    Ok(existing.clone())
                }
                None => {
                    for n in record.names.clone() {
                        record.remember_name(&n);
                    }
                    images.push(record.clone());
                    Ok(record)
                }
            }
        })
    }

    /// Gives `name` to the image `id`, taking it from any other image.
    pub fn add_name(&self, id: &str, name: &str) -> Result<(), Error> {
        let id = normalize_id(id);
        self.update_images(|images| {
            if !images.iter().any(|i| i.id == id) {
                return Err(Error::ImageNotFound { name: id.to_owned() });
            }
            take_name(images, name, id);
            let img = images.iter_mut().find(|i| i.id == id).expect("checked above");
            push_unique(&mut img.names, name);
            img.remember_name(name);
            Ok(())
        })
    }

    /// Takes `name` from the image `id` (which stays, maybe dangling).
    pub fn remove_name(&self, id: &str, name: &str) -> Result<(), Error> {
        let id = normalize_id(id);
        self.update_images(|images| {
            let img = images
                .iter_mut()
                .find(|i| i.id == id)
                .ok_or_else(|| Error::ImageNotFound { name: id.to_owned() })?;
            let before = img.names.len();
            img.names.retain(|n| n != name);
            if img.names.len() == before {
                return Err(Error::NameNotFound { id: id.to_owned(), name: name.to_owned() });
            }
            Ok(())
        })
    }

    /// Removes the image `id` and the layers and blobs no other image uses. Refused if
    /// `in_use(id)` (the engine passes whether a container uses it).
    pub fn remove_image(&self, id: &str, in_use: &dyn Fn(&str) -> bool) -> Result<RemovedImage, Error> {
        let id = normalize_id(id);
        let _lock = Lock::exclusive(&self.store_lock_path())?;
        let mut file = self.read_images()?;
        let pos = file
            .images
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(|| Error::ImageNotFound { name: id.to_owned() })?;
        if in_use(id) {
            return Err(Error::ImageInUse { id: id.to_owned() });
        }
        let gone = file.images.remove(pos);
        // The record goes first: a crash after this leaks layers, never breaks an image.
        self.write_images(&file)?;

        let mut used_layers = HashSet::new();
        let mut used_blobs = HashSet::new();
        for img in &file.images {
            used_blobs.insert(img.digest.as_str());
            used_blobs.insert(img.config_digest.as_str());
            for l in &img.layers {
                used_layers.insert(l.chain_id.as_str());
                used_blobs.insert(l.blob_digest.as_str());
            }
        }
        let mut removed =
            RemovedImage { id: id.to_owned(), untagged: gone.names.clone(), ..Default::default() };
        for l in &gone.layers {
            if !used_layers.contains(l.chain_id.as_str())
                && !removed.deleted_layers.contains(&l.chain_id)
                && self.remove_layer(&l.chain_id)?
            {
                removed.deleted_layers.push(l.chain_id.clone());
            }
        }
        let blobs =
            [&gone.digest, &gone.config_digest].into_iter().chain(gone.layers.iter().map(|l| &l.blob_digest));
        for digest in blobs {
            if !used_blobs.contains(digest.as_str())
                && !removed.deleted_blobs.contains(digest)
                && digest_hex(digest).is_ok()
                && self.blobs().remove(digest)?
            {
                removed.deleted_blobs.push(digest.clone());
            }
        }
        Ok(removed)
    }

    /// Removes blob `digest` unless an image still references it (an old version of a manifest
    /// list). Returns whether it was removed.
    pub fn remove_blob_if_unused(&self, digest: &str) -> Result<bool, Error> {
        let _lock = Lock::exclusive(&self.store_lock_path())?;
        let images = self.read_images()?.images;
        let used = images.iter().any(|i| {
            i.digest == digest
                || i.config_digest == digest
                || i.layers.iter().any(|l| l.blob_digest == digest)
        });
        if used || digest_hex(digest).is_err() {
            return Ok(false);
        }
        self.blobs().remove(digest)
    }

    /// Counts and sizes of images, layers and blobs.
    pub fn disk_usage(&self) -> Result<DiskUsage, Error> {
        let images = self.load_images_shared()?;
        let layers = self.list_layers()?;
        let mut usage = DiskUsage {
            images: images.len(),
            dangling_images: images.iter().filter(|i| i.names.is_empty()).count(),
            layers: layers.len(),
            layers_size: layers.iter().map(|l| l.uncompressed_size).sum(),
            ..Default::default()
        };
        for digest in self.blobs().list()? {
            usage.blobs += 1;
            usage.blobs_size += self.blobs().size(&digest).unwrap_or(0);
        }
        Ok(usage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testutil::{sha, TarBuilder};
    use crate::storage::{chain_id, LayerExpect, StoreOptions};

    fn open(t: &tempfile::TempDir) -> Store {
        Store::open(t.path(), StoreOptions::default()).unwrap()
    }

    /// Stores layers with the given file contents, its config and manifest; returns the record.
    fn image(store: &Store, name: &str, files: &[&str]) -> ImageRecord {
        let mut layers = Vec::new();
        let mut parent: Option<String> = None;
        for f in files {
            let tar = TarBuilder::new().file(f, f.as_bytes()).finish();
            let chain = chain_id(parent.as_deref(), &sha(&tar));
            let expect = LayerExpect {
                blob_digest: sha(&tar),
                blob_size: None,
                diff_id: sha(&tar),
                chain_id: chain.clone(),
                media_type: "application/vnd.oci.image.layer.v1.tar".into(),
            };
            store.ingest_layer(&tar[..], expect, &|_| {}).unwrap();
            layers.push(LayerRef {
                chain_id: chain.clone(),
                diff_id: sha(&tar),
                blob_digest: sha(&tar),
                media_type: "application/vnd.oci.image.layer.v1.tar".into(),
                size: tar.len() as u64,
            });
            parent = Some(chain);
        }
        let config = format!("{{\"layers\":{files:?}}}").into_bytes();
        let manifest = format!("{{\"config\":\"{}\"}}", sha(&config)).into_bytes();
        store.blobs().put(&sha(&config), &config).unwrap();
        store.blobs().put(&sha(&manifest), &manifest).unwrap();
        let repo = name.rsplit_once(':').map_or(name, |(r, _)| r);
        ImageRecord {
            id: sha(&config)["sha256:".len()..].to_owned(),
            names: vec![name.to_owned()],
            digest: sha(&manifest),
            repo_digests: vec![format!("{repo}@{}", sha(&manifest))],
            manifest_media_type: "application/vnd.oci.image.manifest.v1+json".into(),
            config_digest: sha(&config),
            layers,
            created: Some("2024-01-01T00:00:00Z".into()),
            size: 0,
            pulled_at: String::new(),
            insecure_origin: false,
            names_history: Vec::new(),
            list_sources: BTreeMap::new(),
        }
    }

    #[test]
    fn put_find_and_list() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let rec = image(&store, "127.0.0.1:5000/busybox:latest", &["a", "b"]);
        let stored = store.put_image(rec.clone()).unwrap();
        assert!(!stored.pulled_at.is_empty());
        assert_eq!(store.list_images().unwrap(), vec![stored.clone()]);
        assert_eq!(store.get_image(&rec.id).unwrap().unwrap(), stored);
        assert_eq!(store.find_image("127.0.0.1:5000/busybox:latest").unwrap().id, rec.id);
        assert_eq!(store.find_image(&rec.repo_digests[0]).unwrap().id, rec.id);
        assert_eq!(store.find_image(&rec.id[..3]).unwrap().id, rec.id);
        assert_eq!(store.find_image(&format!("sha256:{}", &rec.id[..12])).unwrap().id, rec.id);
        assert!(matches!(store.find_image(&rec.id[..2]), Err(Error::ImageNotFound { .. })));
        assert!(matches!(store.find_image("busybox"), Err(Error::ImageNotFound { .. })));
        // Survives reopening.
        drop(store);
        assert_eq!(open(&t).list_images().unwrap(), vec![stored]);
    }

    #[test]
    fn ambiguous_prefix_lists_candidates() {
        let mut images = Vec::new();
        for id in ["abc1", "abc2", "def"] {
            images.push(ImageRecord {
                id: format!("{id:0<64}"),
                names: vec![],
                digest: String::new(),
                repo_digests: vec![],
                manifest_media_type: String::new(),
                config_digest: String::new(),
                layers: vec![],
                created: None,
                size: 0,
                pulled_at: String::new(),
                insecure_origin: false,
                names_history: Vec::new(),
                list_sources: BTreeMap::new(),
            });
        }
        let err = find(&images, "abc").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("abc100000000") && msg.contains("abc200000000"), "{msg}");
        assert_eq!(find(&images, "abc2").unwrap().id, images[1].id);
    }

    #[test]
    fn names_move_and_leave_dangling_images() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let old = store.put_image(image(&store, "r/app:latest", &["v1"])).unwrap();
        let new = store.put_image(image(&store, "r/app:latest", &["v2"])).unwrap();
        assert_eq!(store.get_image(&old.id).unwrap().unwrap().names, Vec::<String>::new());
        assert_eq!(store.find_image("r/app:latest").unwrap().id, new.id);
        // Re-putting merges names.
        let mut again = image(&store, "r/app:v2", &["v2"]);
        again.repo_digests.clear();
        let merged = store.put_image(again).unwrap();
        assert_eq!(merged.names, vec!["r/app:latest", "r/app:v2"]);
        assert_eq!(merged.repo_digests, new.repo_digests);
        store.add_name(&old.id, "r/app:v2").unwrap();
        assert_eq!(store.get_image(&new.id).unwrap().unwrap().names, vec!["r/app:latest"]);
        assert_eq!(store.get_image(&old.id).unwrap().unwrap().names, vec!["r/app:v2"]);
        store.remove_name(&old.id, "r/app:v2").unwrap();
        assert!(matches!(store.remove_name(&old.id, "r/app:v2"), Err(Error::NameNotFound { .. })));
        assert_eq!(store.disk_usage().unwrap().dangling_images, 1);
    }

    #[test]
    fn put_requires_layers_and_blobs() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let rec = image(&store, "r/a:1", &["x"]);
        store.remove_layer(&rec.layers[0].chain_id).unwrap();
        assert!(matches!(store.put_image(rec.clone()), Err(Error::LayerNotFound { .. })));
        store.blobs().remove(&rec.config_digest).unwrap();
        assert!(matches!(store.put_image(rec), Err(Error::BlobNotFound { .. })));
        assert_eq!(store.list_images().unwrap(), vec![]);
    }

    #[test]
    fn remove_deletes_only_unshared_layers_and_blobs() {
        let t = tempfile::tempdir().unwrap();
        let store = open(&t);
        let a = store.put_image(image(&store, "r/a:1", &["base", "a"])).unwrap();
        let b = store.put_image(image(&store, "r/b:1", &["base", "b"])).unwrap();
        assert!(matches!(store.remove_image(&a.id, &|_| true), Err(Error::ImageInUse { .. })));
        let removed = store.remove_image(&a.id, &|_| false).unwrap();
        assert_eq!(removed.untagged, vec!["r/a:1"]);
        assert_eq!(removed.deleted_layers, vec![a.layers[1].chain_id.clone()]);
        let mut blobs = removed.deleted_blobs.clone();
        blobs.sort();
        let mut want = vec![a.digest.clone(), a.config_digest.clone(), a.layers[1].blob_digest.clone()];
        want.sort();
        assert_eq!(blobs, want);
        assert!(store.has_layer(&b.layers[0].chain_id).unwrap());
        assert!(store.blobs().has(&b.layers[0].blob_digest).unwrap());
        assert!(matches!(store.remove_image(&a.id, &|_| false), Err(Error::ImageNotFound { .. })));
        store.remove_image(&b.id, &|_| false).unwrap();
        let usage = store.disk_usage().unwrap();
        assert_eq!(usage, DiskUsage::default());
    }

    #[test]
    fn corrupt_images_json_is_an_error_naming_the_file() {
        let t = tempfile::tempdir().unwrap();
        drop(open(&t));
        fs_err::write(t.path().join("images.json"), b"{not json").unwrap();
        let err = Store::open(t.path(), StoreOptions::default()).unwrap_err();
        assert!(matches!(err, Error::Corrupt { .. }));
        assert!(err.to_string().contains("images.json"), "{err}");
        assert_eq!(fs_err::read(t.path().join("images.json")).unwrap(), b"{not json");
    }
}
