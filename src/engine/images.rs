//! Local image use cases: finding an image by what the user typed, `rmi`, `tag`, `untag`,
//! `inspect`, `history`, `prune`, and the rows of `images`.

use serde_json::{json, Value};

use super::Error;
use crate::image::Reference;
use crate::storage::{self, ImageRecord, Store};

/// The run defaults of an image config (its `config` section), as OCI types them.
pub use oci_spec::image::Config as RunConfig;

/// How the user's word matched an image.
#[derive(Debug, Clone)]
pub struct Found {
    pub image: ImageRecord,
    /// The name it matched, when it matched a name (not an id or digest).
    pub name: Option<String>,
}

/// The full names `text` may stand for: itself, its normalized form, and for short names every
/// stored name whose path (after the registry) is the same (`busybox` -> `*/busybox:latest`).
fn name_matches(text: &str, name: &str) -> bool {
    if text == name {
        return true;
    }
    let Ok(r) = Reference::parse(text) else { return false };
    if !r.is_short_name() {
        return r.to_string() == name;
    }
    let path = match (&r.tag, &r.digest) {
        (_, Some(d)) => format!("{}@{d}", short_path(&r)),
        (Some(t), None) => format!("{}:{t}", short_path(&r)),
        (None, None) => format!("{}:latest", short_path(&r)),
    };
    name.ends_with(&format!("/{path}")) || name.ends_with(&format!("/library/{path}"))
}

fn short_path(r: &Reference) -> &str {
    r.repository.strip_prefix("library/").unwrap_or(&r.repository)
}

/// Finds the one image `text` names: an exact or normalized name, a short name, a repo digest,
/// or a unique id prefix.
pub fn lookup(store: &Store, text: &str) -> Result<Found, Error> {
    let images = store.list_images()?;
    let mut hits: Vec<(&ImageRecord, &String)> = images
        .iter()
        .flat_map(|i| i.names.iter().map(move |n| (i, n)))
        .filter(|(_, n)| name_matches(text, n))
        .collect();
    // An exact name wins over suffix matches (localhost/busybox vs registry/busybox).
    if let Some(exact) = hits.iter().find(|(_, n)| n.as_str() == text) {
        hits = vec![*exact];
    }
    let mut ids: Vec<&str> = hits.iter().map(|(i, _)| i.id.as_str()).collect();
    ids.dedup();
    match hits.len() {
        1 => return Ok(Found { image: hits[0].0.clone(), name: Some(hits[0].1.clone()) }),
        n if n > 1 => {
            return Err(storage::Error::AmbiguousImage {
                prefix: text.to_string(),
                candidates: hits.iter().map(|(_, n)| n.to_string()).collect(),
            }
            .into())
        }
        _ => {}
    }
    match store.find_image(text) {
        Ok(image) => Ok(Found { image, name: None }),
        Err(storage::Error::ImageNotFound { .. }) => Err(Error::ImageNotKnown { name: text.to_string() }),
        Err(e) => Err(e.into()),
    }
}

/// [`lookup`], where a manifest list stands for its image of this platform when that image is
/// in the store, as podman's `run`, `push`, `save` and `history` take a list; else the list is
/// not known as an image.
pub fn lookup_image(store: &Store, text: &str) -> Result<Found, Error> {
    let found = lookup(store, text)?;
    if !found.image.is_manifest_list() {
        return Ok(found);
    }
    match super::manifests::local_instance(store, &found.image) {
        Ok(Some(image)) => Ok(Found { image, name: found.name }),
        _ => Err(Error::ImageNotKnown { name: text.to_string() }),
    }
}

/// The full name `tag` gives to `target` (podman: unqualified names go under `localhost/`).
pub fn normalize_tag(target: &str) -> Result<String, Error> {
    let r = Reference::parse(target).map_err(|e| Error::InvalidTag {
        value: target.to_string(),
        reason: crate::engine::error_chain(&e),
    })?;
    if r.digest.is_some() {
        return Err(Error::InvalidTag {
            value: target.to_string(),
            reason: "a tag cannot contain a digest".into(),
        });
    }
    if r.is_short_name() {
        let repo = if target.split(':').next().unwrap_or("").contains('/') {
            r.repository.clone()
        } else {
            short_path(&r).to_string()
        };
        return Ok(format!("localhost/{repo}:{}", r.tag.as_deref().unwrap_or("latest")));
    }
    Ok(r.to_string())
}

/// `tag SOURCE TARGET...`
pub fn tag(store: &Store, source: &str, targets: &[String]) -> Result<(), Error> {
    let found = lookup(store, source)?;
    for t in targets {
        let name = normalize_tag(t)?;
        store.add_name(&found.image.id, &name)?;
        super::events::image("tag", &found.image.id, t);
    }
    Ok(())
}

/// `untag IMAGE [NAME...]`: removes the names given, or all of them. Returns the names removed.
pub fn untag(store: &Store, image: &str, names: &[String]) -> Result<Vec<String>, Error> {
    let found = lookup(store, image)?;
    let to_remove: Vec<String> = if names.is_empty() {
        found.image.names.clone()
    } else {
        let mut v = Vec::new();
        for n in names {
            // A digest reference of this image (`repo@sha256:...`, as pulling by digest gives):
            // podman drops that name; skiff keeps digests in the repo digests, not in the names,
            // so there is nothing to remove.
            if is_digest_of(&found.image, n) {
                continue;
            }
            let full =
                found.image.names.iter().find(|have| name_matches(n, have)).cloned().ok_or_else(|| {
                    storage::Error::NameNotFound { id: found.image.id.clone(), name: n.clone() }
                })?;
            v.push(full);
        }
        v
    };
    for n in &to_remove {
        store.remove_name(&found.image.id, n)?;
        super::events::image("untag", &found.image.id, n);
    }
    Ok(to_remove)
}

/// Whether `text` is `REPO@DIGEST` naming `img` by its manifest digest.
fn is_digest_of(img: &ImageRecord, text: &str) -> bool {
    match text.split_once('@') {
        Some((_, digest)) => {
            digest == img.digest || img.repo_digests.iter().any(|r| r.ends_with(&format!("@{digest}")))
        }
        None => false,
    }
}

/// What `rmi` did for one argument.
#[derive(Debug, Clone, Default)]
pub struct Removal {
    pub untagged: Vec<String>,
    /// The image id, when the image itself was deleted.
    pub deleted: Option<String>,
}

/// `rmi`: a name of an image with several names only loses that name; otherwise the image goes.
pub fn remove(store: &Store, text: &str, force: bool) -> Result<Removal, Error> {
    let found = lookup(store, text)?;
    let img = &found.image;
    // `rmi repo@sha256:...` of an image that has tags only drops that reference, as podman.
    if found.name.is_none() && !img.names.is_empty() && is_digest_of(img, text) {
        return Ok(Removal { untagged: vec![text.to_string()], deleted: None });
    }
    if img.names.len() > 1 {
        if let Some(name) = &found.name {
            store.remove_name(&img.id, name)?;
            super::events::image("untag", &img.id, name);
            return Ok(Removal { untagged: vec![name.clone()], deleted: None });
        }
        if !force {
            return Err(Error::ImageHasSeveralTags { name: text.to_string(), tags: img.names.join(", ") });
        }
    }
    let removed = match store.remove_image(&img.id, &|id| super::containers::image_in_use(store, id)) {
        Ok(r) => r,
        // In podman's words, which name a container that uses it.
        Err(crate::storage::Error::ImageInUse { id }) => {
            let user = super::containers::list(store)?.into_iter().find(|c| c.image_id == id);
            return Err(Error::ImageInUse { container: user.map_or(id, |c| c.id) });
        }
        Err(e) => return Err(e.into()),
    };
    for n in &removed.untagged {
        super::events::image("untag", &removed.id, n);
    }
    super::events::image("remove", &removed.id, &removed.id);
    Ok(Removal { untagged: removed.untagged, deleted: Some(removed.id) })
}

/// `image prune`: removes dangling images (no name), or with `all` every image. Returns ids.
pub fn prune(store: &Store, all: bool) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for img in store.list_images()? {
        if (all || img.names.is_empty()) && !super::containers::image_in_use(store, &img.id) {
            out.push(store.remove_image(&img.id, &|id| super::containers::image_in_use(store, id))?.id);
        }
    }
    Ok(out)
}

/// The run defaults of an image (the `config` section of its config blob: entrypoint, command,
/// environment, user, working directory, volumes, exposed ports, labels, stop signal), typed. A
/// blob without that section gives empty defaults; one that is not JSON, or whose section does
/// not have the OCI schema's types, is an error.
pub fn run_config(bytes: &[u8]) -> Result<RunConfig, serde_json::Error> {
    #[derive(serde::Deserialize)]
    struct Blob {
        #[serde(default)]
        config: Option<RunConfig>,
    }
    Ok(serde_json::from_slice::<Blob>(bytes)?.config.unwrap_or_default())
}

/// [`run_config`] of the image `img` in `store`.
pub fn image_run_config(store: &Store, img: &ImageRecord) -> Result<RunConfig, Error> {
    let bytes = store.blobs().read(&img.config_digest)?;
    run_config(&bytes).map_err(|source| Error::ImageConfig { digest: img.config_digest.clone(), source })
}

/// The image's HEALTHCHECK (`config.Healthcheck` of its config, as it is there), if any.
pub fn image_healthcheck(store: &Store, img: &ImageRecord) -> Option<Value> {
    let config = config_json(store, img).ok()?;
    config.get("config")?.get("Healthcheck").filter(|v| !v.is_null()).cloned()
}

fn config_json(store: &Store, img: &ImageRecord) -> Result<Value, Error> {
    let bytes = store.blobs().read(&img.config_digest)?;
    Ok(serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// `image inspect`: podman's JSON shape for the fields skiff has.
pub fn inspect(store: &Store, img: &ImageRecord) -> Result<Value, Error> {
    let config = config_json(store, img)?;
    let manifest: Value = store
        .blobs()
        .read(&img.digest)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null);
    let mut dirs = Vec::new();
    for l in img.layers.iter().rev() {
        dirs.push(store.layer_diff_dir(&l.chain_id)?.display().to_string());
    }
    let upper = dirs.first().cloned().unwrap_or_default();
    let lower = dirs.iter().skip(1).cloned().collect::<Vec<_>>().join(":");
    let cfg = config.get("config").cloned().unwrap_or(json!({}));
    let s = |k: &str| config.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    Ok(json!({
        "Id": img.id,
        "Digest": img.digest,
        "RepoTags": img.names,
        "RepoDigests": img.repo_digests,
        "Parent": "",
        "Comment": s("comment"),
        "Created": img.created,
        "Config": cfg,
        "Version": s("docker_version"),
        "Author": s("author"),
        "Architecture": s("architecture"),
        "Os": s("os"),
        "Variant": config.get("variant").cloned().unwrap_or(Value::Null),
        "Size": img.size,
        "VirtualSize": img.size,
        "GraphDriver": {"Name": "overlay", "Data": {"UpperDir": upper, "LowerDir": lower}},
        "RootFS": {"Type": "layers", "Layers": img.layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>()},
        "Labels": cfg.get("Labels").cloned().unwrap_or(Value::Null),
        "Annotations": manifest.get("annotations").cloned().unwrap_or(json!({})),
        "ManifestType": img.manifest_media_type,
        "User": cfg.get("User").and_then(Value::as_str).unwrap_or(""),
        "History": config.get("history").cloned().unwrap_or(json!([])),
        "NamesHistory": img.names,
    }))
}

/// One row of `image history`, newest first.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HistoryRow {
    pub id: String,
    pub created: Option<String>,
    pub created_by: String,
    pub size: u64,
    pub comment: String,
}

/// `image history`: the config's history entries matched with the layers they made.
pub fn history(store: &Store, img: &ImageRecord) -> Result<Vec<HistoryRow>, Error> {
    let config = config_json(store, img)?;
    let mut sizes = Vec::new();
    for l in &img.layers {
        sizes.push(store.get_layer(&l.chain_id)?.map(|r| r.uncompressed_size).unwrap_or(0));
    }
    let entries = config.get("history").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut rows = Vec::new();
    let mut layer = 0usize;
    if entries.is_empty() {
        for s in &sizes {
            rows.push(HistoryRow {
                id: String::new(),
                created: img.created.clone(),
                created_by: String::new(),
                size: *s,
                comment: String::new(),
            });
        }
    }
    for e in &entries {
        let empty = e.get("empty_layer").and_then(Value::as_bool).unwrap_or(false);
        let size = if empty {
            0
        } else {
            layer += 1;
            sizes.get(layer - 1).copied().unwrap_or(0)
        };
        let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        rows.push(HistoryRow {
            id: String::new(),
            created: e.get("created").and_then(Value::as_str).map(str::to_string),
            created_by: text("created_by"),
            size,
            comment: text("comment"),
        });
    }
    rows.reverse();
    for (i, r) in rows.iter_mut().enumerate() {
        r.id = if i == 0 { img.id.clone() } else { "<missing>".into() };
    }
    Ok(rows)
}

/// Splits a full name into (repository, tag) for `images`: `reg/repo:tag` -> (`reg/repo`, `tag`).
pub fn split_name(name: &str) -> (String, String) {
    if let Some((repo, digest)) = name.split_once('@') {
        return (repo.to_string(), digest.to_string());
    }
    match name.rsplit_once(':') {
        Some((repo, tag)) if !tag.contains('/') => (repo.to_string(), tag.to_string()),
        _ => (name.to_string(), "latest".to_string()),
    }
}

/// Whether `img` matches the `images REPO` filter.
pub fn matches_filter(img: &ImageRecord, filter: &str) -> bool {
    img.names.iter().any(|n| name_matches_filter(n, filter))
}

/// Whether the name `name` matches the `images REPO` filter (podman lists only those names).
pub fn name_matches_filter(name: &str, filter: &str) -> bool {
    name_matches(filter, name) || {
        let (repo, _) = split_name(name);
        repo == filter || repo.ends_with(&format!("/{filter}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_match_stored_names_by_path() {
        assert!(name_matches("busybox", "127.0.0.1:5000/busybox:latest"));
        assert!(name_matches("busybox", "docker.io/library/busybox:latest"));
        assert!(name_matches("busybox:1", "quay.io/busybox:1"));
        assert!(!name_matches("busybox", "quay.io/busybox:1"));
        assert!(!name_matches("box", "quay.io/busybox:latest"));
        assert!(name_matches("127.0.0.1:5000/busybox", "127.0.0.1:5000/busybox:latest"));
        assert!(!name_matches("127.0.0.1:5001/busybox", "127.0.0.1:5000/busybox:latest"));
    }

    #[test]
    fn tags_are_normalized_like_podman() {
        assert_eq!(normalize_tag("myimg").unwrap(), "localhost/myimg:latest");
        assert_eq!(normalize_tag("team/app:2").unwrap(), "localhost/team/app:2");
        assert_eq!(normalize_tag("127.0.0.1:5000/x:y").unwrap(), "127.0.0.1:5000/x:y");
        assert!(normalize_tag("Bad Name").is_err());
    }

    #[test]
    fn names_split_into_repository_and_tag() {
        assert_eq!(split_name("127.0.0.1:5000/a/b:t"), ("127.0.0.1:5000/a/b".into(), "t".into()));
        assert_eq!(split_name("localhost:5000/a"), ("localhost:5000/a".into(), "latest".into()));
    }
}
