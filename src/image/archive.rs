//! `save` / `load` archive formats: docker-archive and oci-archive (tar files).
//!
//! * docker-archive, as `docker save` and skopeo write it: `manifest.json`
//!   (`[{"Config", "RepoTags", "Layers"}]`), the config as `<hex>.json`, each layer as an
//!   uncompressed tar `<diff_id hex>.tar`, and the legacy `repositories` file. Compressed blobs
//!   are decompressed while they are written, so a layer file's digest is its diff_id.
//! * oci-archive: an OCI image layout (`oci-layout`, `index.json`, `blobs/sha256/<hex>`) in a
//!   tar; each name is an index entry with `org.opencontainers.image.ref.name` set to the full
//!   reference, like podman. Blobs are copied unchanged.
//!
//! Reading auto-detects the format (`manifest.json` vs `index.json`). [`Archive::open`] makes one
//! pass that keeps the small JSON files in memory and hashes every entry; for docker-archive it
//! then synthesises a Docker v2s2 manifest so that a loaded image looks like a pulled one
//! ([`Resolved`]). [`Archive::for_each_layer`] makes a second pass handing each layer's bytes to
//! a callback. Nothing is extracted to disk, so entry names in the archive are only lookup keys
//! (no path traversal is possible here). Writing goes to `<out>.tmp` and is renamed into place.
//! All functions are blocking; call them from `spawn_blocking`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::manifest::{self, parse_manifest, sha256_digest, Compression, LayerDesc, Parsed, Resolved};
use super::{Error, Platform, Reference, Result};

/// Annotation holding an image's name in an OCI index.
pub const REF_NAME_ANNOTATION: &str = "org.opencontainers.image.ref.name";
/// Entries up to this size are kept in memory during the first pass (JSON files).
const SMALL_ENTRY: u64 = 4 << 20;

/// The two archive formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFormat {
    /// `docker-archive`
    Docker,
    /// `oci-archive`
    Oci,
}

impl FromStr for ArchiveFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "docker-archive" => Ok(ArchiveFormat::Docker),
            "oci-archive" => Ok(ArchiveFormat::Oci),
            other => Err(Error::Archive {
                path: PathBuf::new(),
                reason: format!("unknown format {other:?} (docker-archive or oci-archive)"),
            }),
        }
    }
}

/// One image to write: names, manifest and config as stored, and the files of its layer blobs
/// in manifest order.
#[derive(Debug, Clone)]
pub struct ArchiveInput {
    /// Full references (`docker.io/library/busybox:latest`); may be empty.
    pub names: Vec<String>,
    pub manifest_bytes: Vec<u8>,
    pub config_bytes: Vec<u8>,
    pub layers: Vec<(LayerDesc, PathBuf)>,
}

/// A layer found in an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveLayer {
    pub desc: LayerDesc,
    /// The tar entry holding it.
    pub entry: String,
}

/// An image found in an archive.
#[derive(Debug, Clone)]
pub struct ArchiveImage {
    /// Names as written in the archive (may be empty, or bare tags in oci-archives made by
    /// other tools).
    pub names: Vec<String>,
    pub image: Resolved,
    /// Where each layer of `image.layers` lives, same order.
    pub layers: Vec<ArchiveLayer>,
}

/// An opened archive: its format and images.
#[derive(Debug, Clone)]
pub struct Archive {
    pub path: PathBuf,
    pub format: ArchiveFormat,
    pub images: Vec<ArchiveImage>,
}

#[derive(Debug, Clone)]
struct EntryInfo {
    digest: String,
    size: u64,
    compression: Compression,
}

#[derive(Debug, Serialize, Deserialize)]
struct DockerManifestEntry {
    #[serde(rename = "Config")]
    config: String,
    #[serde(rename = "RepoTags", default)]
    repo_tags: Option<Vec<String>>,
    #[serde(rename = "Layers")]
    layers: Vec<String>,
}

fn archive_err(path: &Path, reason: impl Into<String>) -> Error {
    Error::Archive { path: path.to_path_buf(), reason: reason.into() }
}

/// Normalises a tar entry name (`./a//b` → `a/b`).
fn clean(name: &str) -> String {
    name.split('/').filter(|c| !c.is_empty() && *c != ".").collect::<Vec<_>>().join("/")
}

/// Resolves a relative symlink target against the entry's directory.
fn join_link(entry: &str, target: &str) -> String {
    let mut parts: Vec<&str> = entry.split('/').collect();
    parts.pop();
    for c in target.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    parts.join("/")
}

impl Archive {
    /// Reads the archive at `path`; a nested index in an oci-archive is resolved for `platform`.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn open(path: &Path, platform: &Platform) -> Result<Archive> {
        let io_err = |e: io::Error| Error::file(path, e);
        let file = File::open(path).map_err(io_err)?;
        let mut tar = tar::Archive::new(BufReader::new(file));
        let mut small: HashMap<String, Vec<u8>> = HashMap::new();
        let mut infos: HashMap<String, EntryInfo> = HashMap::new();
        let mut links: HashMap<String, String> = HashMap::new();
        for entry in tar.entries().map_err(io_err)? {
            let mut entry = entry.map_err(io_err)?;
            let name = clean(&entry.path().map_err(io_err)?.to_string_lossy());
            let kind = entry.header().entry_type();
            if kind.is_symlink() || kind.is_hard_link() {
                if let Some(target) = entry.link_name().map_err(io_err)? {
                    let t = target.to_string_lossy();
                    let resolved = if kind.is_symlink() { join_link(&name, &t) } else { clean(&t) };
                    links.insert(name, resolved);
                }
                continue;
            }
            if !kind.is_file() {
                continue;
            }
            let size = entry.size();
            let mut hasher = Sha256::new();
            let mut head = Vec::new();
            let mut keep = Vec::new();
            let mut buf = vec![0u8; 64 << 10];
            loop {
                let n = entry.read(&mut buf).map_err(io_err)?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
                if head.len() < 8 {
                    head.extend_from_slice(&buf[..n.min(8 - head.len())]);
                }
                if size <= SMALL_ENTRY {
                    keep.extend_from_slice(&buf[..n]);
                }
            }
            let info = EntryInfo {
                digest: format!("sha256:{}", hex::encode(hasher.finalize())),
                size,
                compression: Compression::sniff(&head),
            };
            if size <= SMALL_ENTRY {
                small.insert(name.clone(), keep);
            }
            infos.insert(name, info);
        }
        let resolve = |name: &str| -> String {
            let mut n = clean(name);
            for _ in 0..16 {
                match links.get(&n) {
                    Some(t) => n = t.clone(),
                    None => break,
                }
            }
            n
        };
        if let Some(m) = small.get("manifest.json") {
            let images = read_docker(path, m, &small, &infos, &resolve)?;
            Ok(Archive { path: path.to_path_buf(), format: ArchiveFormat::Docker, images })
        } else if let Some(ix) = small.get("index.json") {
            let images = read_oci(path, ix, &small, &infos, platform)?;
            Ok(Archive { path: path.to_path_buf(), format: ArchiveFormat::Oci, images })
        } else {
            Err(archive_err(
                path,
                "neither manifest.json (docker-archive) nor index.json (oci-archive) found",
            ))
        }
    }

    /// Calls `f` once per distinct layer blob, in archive order, with a reader over its bytes
    /// exactly as the descriptor's digest covers them.
    #[allow(
        clippy::disallowed_methods,
        reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
    )]
    pub fn for_each_layer(
        &self,
        mut f: impl FnMut(&ArchiveLayer, &mut dyn Read) -> Result<()>,
    ) -> Result<()> {
        let mut wanted: HashMap<&str, &ArchiveLayer> = HashMap::new();
        for img in &self.images {
            for l in &img.layers {
                wanted.entry(l.entry.as_str()).or_insert(l);
            }
        }
        let io_err = |e: io::Error| Error::file(&self.path, e);
        let file = File::open(&self.path).map_err(io_err)?;
        let mut tar = tar::Archive::new(BufReader::new(file));
        for entry in tar.entries().map_err(io_err)? {
            let mut entry = entry.map_err(io_err)?;
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let name = clean(&entry.path().map_err(io_err)?.to_string_lossy());
            if let Some(layer) = wanted.remove(name.as_str()) {
                f(layer, &mut entry)?;
            }
        }
        Ok(())
    }
}

fn read_docker(
    path: &Path,
    manifest_json: &[u8],
    small: &HashMap<String, Vec<u8>>,
    infos: &HashMap<String, EntryInfo>,
    resolve: &dyn Fn(&str) -> String,
) -> Result<Vec<ArchiveImage>> {
    let entries: Vec<DockerManifestEntry> = serde_json::from_slice(manifest_json)
        .map_err(|e| archive_err(path, format!("manifest.json: {e}")))?;
    let mut images = Vec::new();
    for e in entries {
        let config_name = resolve(&e.config);
        let config_bytes = small
            .get(&config_name)
            .ok_or_else(|| archive_err(path, format!("config {} is missing", e.config)))?
            .clone();
        let mut layers = Vec::new();
        for l in &e.layers {
            let entry = resolve(l);
            let info = infos.get(&entry).ok_or_else(|| archive_err(path, format!("layer {l} is missing")))?;
            let media_type = match info.compression {
                Compression::None => manifest::DOCKER_LAYER,
                Compression::Gzip => manifest::DOCKER_LAYER_GZIP,
                Compression::Zstd => manifest::OCI_LAYER_ZSTD,
            };
            layers.push(ArchiveLayer {
                desc: LayerDesc {
                    digest: info.digest.clone(),
                    size: info.size,
                    media_type: media_type.into(),
                },
                entry,
            });
        }
        let zstd = layers.iter().any(|l| l.desc.media_type == manifest::OCI_LAYER_ZSTD);
        let (mt, config_mt, plain, gzip) = if zstd {
            (manifest::OCI_MANIFEST, manifest::OCI_CONFIG, manifest::OCI_LAYER, manifest::OCI_LAYER_GZIP)
        } else {
            (
                manifest::DOCKER_MANIFEST,
                manifest::DOCKER_CONFIG,
                manifest::DOCKER_LAYER,
                manifest::DOCKER_LAYER_GZIP,
            )
        };
        for l in &mut layers {
            l.desc.media_type = match l.desc.media_type.as_str() {
                manifest::DOCKER_LAYER => plain.into(),
                manifest::DOCKER_LAYER_GZIP => gzip.into(),
                other => other.into(),
            };
        }
        let manifest_bytes = serde_json::to_vec(&serde_json::json!({
            "schemaVersion": 2,
            "mediaType": mt,
            "config": {"mediaType": config_mt, "digest": sha256_digest(&config_bytes), "size": config_bytes.len()},
            "layers": layers.iter().map(|l| serde_json::json!({
                "mediaType": l.desc.media_type, "digest": l.desc.digest, "size": l.desc.size,
            })).collect::<Vec<_>>(),
        }))
        .map_err(|e| archive_err(path, e.to_string()))?;
        let label = format!("{}:{}", path.display(), e.config);
        let image = Resolved::assemble(
            &label,
            manifest_bytes.clone(),
            sha256_digest(&manifest_bytes),
            None,
            config_bytes,
        )?;
        for (l, diff_id) in layers.iter().zip(&image.diff_ids) {
            if l.desc.compression() == Compression::None && &l.desc.digest != diff_id {
                return Err(archive_err(
                    path,
                    format!("layer {} has digest {}, config says {diff_id}", l.entry, l.desc.digest),
                ));
            }
        }
        images.push(ArchiveImage { names: e.repo_tags.unwrap_or_default(), image, layers });
    }
    Ok(images)
}

fn blob_name(digest: &str) -> String {
    format!("blobs/{}", digest.replacen(':', "/", 1))
}

fn read_oci(
    path: &Path,
    index_json: &[u8],
    small: &HashMap<String, Vec<u8>>,
    infos: &HashMap<String, EntryInfo>,
    platform: &Platform,
) -> Result<Vec<ArchiveImage>> {
    let blob = |digest: &str, what: &str| -> Result<Vec<u8>> {
        super::reference::validate_digest(digest, digest)?;
        let name = blob_name(digest);
        let bytes =
            small.get(&name).ok_or_else(|| archive_err(path, format!("{what} {digest} is missing")))?;
        if digest.starts_with("sha256:") && sha256_digest(bytes) != digest {
            return Err(archive_err(path, format!("{what} {digest} does not match its digest")));
        }
        Ok(bytes.clone())
    };
    let label = path.display().to_string();
    let Parsed::Index(entries) = parse_manifest(&label, index_json, Some(manifest::OCI_INDEX))? else {
        return Err(archive_err(path, "index.json is not an image index"));
    };
    #[derive(Deserialize)]
    struct Annotated {
        #[serde(default)]
        annotations: BTreeMap<String, String>,
    }
    #[derive(Deserialize)]
    struct Index {
        manifests: Vec<Annotated>,
    }
    let annotated: Index =
        serde_json::from_slice(index_json).map_err(|e| archive_err(path, e.to_string()))?;
    // Group names by manifest digest, keeping index order.
    let mut order: Vec<String> = Vec::new();
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for (e, a) in entries.iter().zip(&annotated.manifests) {
        if !names.contains_key(&e.digest) {
            order.push(e.digest.clone());
        }
        let list = names.entry(e.digest.clone()).or_default();
        if let Some(n) = a.annotations.get(REF_NAME_ANNOTATION) {
            list.push(n.clone());
        }
    }
    let mut images = Vec::new();
    for digest in order {
        let mut bytes = blob(&digest, "manifest")?;
        let mut manifest_digest = digest.clone();
        let mut index_digest = None;
        if let Parsed::Index(children) = parse_manifest(&label, &bytes, None)? {
            let with: Vec<_> = children.iter().filter_map(|c| c.platform.as_ref().map(|p| (c, p))).collect();
            let i = platform
                .choose(
                    with.iter().map(|(_, p)| (p.os.as_str(), p.architecture.as_str(), p.variant.as_deref())),
                )
                .ok_or_else(|| Error::NoMatchingPlatform {
                    reference: label.clone(),
                    platform: platform.to_string(),
                    available: with
                        .iter()
                        .map(|(_, p)| format!("{}/{}", p.os, p.architecture))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            index_digest = Some(digest.clone());
            manifest_digest = with[i].0.digest.clone();
            bytes = blob(&manifest_digest, "manifest")?;
        }
        let Parsed::Image { config, .. } = parse_manifest(&label, &bytes, None)? else {
            return Err(archive_err(path, format!("manifest {manifest_digest} is an index of indexes")));
        };
        let config_bytes = blob(&config.digest, "config")?;
        let image = Resolved::assemble(&label, bytes, manifest_digest, index_digest, config_bytes)?;
        let mut layers = Vec::new();
        for d in &image.layers {
            let entry = blob_name(&d.digest);
            let info = infos
                .get(&entry)
                .ok_or_else(|| archive_err(path, format!("layer {} is missing", d.digest)))?;
            if info.size != d.size || info.digest != d.digest {
                return Err(archive_err(path, format!("layer {} does not match its descriptor", d.digest)));
            }
            layers.push(ArchiveLayer { desc: d.clone(), entry });
        }
        images.push(ArchiveImage { names: names.remove(&digest).unwrap_or_default(), image, layers });
    }
    Ok(images)
}

/// Writes `images` to `out` in `format` (via `<out>.tmp` and a rename).
#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
pub fn write_archive(out: &Path, format: ArchiveFormat, images: &[ArchiveInput]) -> Result<()> {
    let tmp = {
        let mut s = out.as_os_str().to_owned();
        s.push(".tmp");
        PathBuf::from(s)
    };
    let result = (|| {
        let file = File::create(&tmp).map_err(|e| Error::file(&tmp, e))?;
        let mut builder = tar::Builder::new(BufWriter::new(file));
        match format {
            ArchiveFormat::Docker => write_docker(out, &mut builder, images)?,
            ArchiveFormat::Oci => write_oci(out, &mut builder, images)?,
        }
        let w = builder.into_inner().map_err(|e| Error::file(&tmp, e))?;
        let f = w.into_inner().map_err(|e| Error::file(&tmp, e.into_error()))?;
        f.sync_all().map_err(|e| Error::file(&tmp, e))?;
        fs_err::rename(&tmp, out).map_err(|e| Error::file(out, e))
    })();
    if result.is_err() {
        let _ = fs_err::remove_file(&tmp);
    }
    result
}

type Tar = tar::Builder<BufWriter<File>>;

fn header(size: u64, mode: u32) -> tar::Header {
    let mut h = tar::Header::new_ustar();
    h.set_size(size);
    h.set_mode(mode);
    h.set_mtime(0);
    h.set_uid(0);
    h.set_gid(0);
    h.set_entry_type(tar::EntryType::Regular);
    h
}

fn append_bytes(out: &Path, tar: &mut Tar, name: &str, data: &[u8]) -> Result<()> {
    let mut h = header(data.len() as u64, 0o644);
    tar.append_data(&mut h, name, data).map_err(|e| Error::file(out, e))
}

fn append_dir(out: &Path, tar: &mut Tar, name: &str) -> Result<()> {
    let mut h = header(0, 0o755);
    h.set_entry_type(tar::EntryType::Directory);
    tar.append_data(&mut h, name, io::empty()).map_err(|e| Error::file(out, e))
}

#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
fn decompressed(path: &Path, c: Compression) -> Result<Box<dyn Read>> {
    let f = BufReader::new(File::open(path).map_err(|e| Error::file(path, e))?);
    Ok(match c {
        Compression::None => Box::new(f),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(f)),
        Compression::Zstd => Box::new(zstd::Decoder::with_buffer(f).map_err(|e| Error::file(path, e))?),
    })
}

/// Reads a blob's bytes, checking that they hash to the image's diff_id.
struct DiffIdCheck<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for DiffIdCheck<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

fn write_docker(out: &Path, tar: &mut Tar, images: &[ArchiveInput]) -> Result<()> {
    let mut written: HashSet<String> = HashSet::new();
    let mut entries = Vec::new();
    let mut repositories: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for img in images {
        let label = img.names.first().cloned().unwrap_or_else(|| out.display().to_string());
        let image = Resolved::assemble(
            &label,
            img.manifest_bytes.clone(),
            String::new(),
            None,
            img.config_bytes.clone(),
        )?;
        if img.layers.len() != image.layers.len() {
            return Err(archive_err(
                out,
                format!("{label}: {} layer files for {} layers", img.layers.len(), image.layers.len()),
            ));
        }
        let config_name = format!("{}.json", image.config_digest.trim_start_matches("sha256:"));
        if written.insert(config_name.clone()) {
            append_bytes(out, tar, &config_name, &img.config_bytes)?;
        }
        let mut layer_names = Vec::new();
        for ((desc, file), diff_id) in img.layers.iter().zip(&image.diff_ids) {
            let name = format!("{}.tar", diff_id.trim_start_matches("sha256:"));
            if written.insert(name.clone()) {
                // Decompress once to learn the size, then again into the archive.
                let size = io::copy(&mut decompressed(file, desc.compression())?, &mut io::sink())
                    .map_err(|e| Error::file(file, e))?;
                let mut reader =
                    DiffIdCheck { inner: decompressed(file, desc.compression())?, hasher: Sha256::new() };
                let mut h = header(size, 0o444);
                tar.append_data(&mut h, &name, &mut reader).map_err(|e| Error::file(out, e))?;
                let actual = format!("sha256:{}", hex::encode(reader.hasher.finalize()));
                if &actual != diff_id {
                    return Err(Error::DigestMismatch {
                        reference: label.clone(),
                        what: "layer diff_id",
                        expected: diff_id.clone(),
                        actual,
                    });
                }
            }
            layer_names.push(name);
        }
        let mut tags = Vec::new();
        for n in &img.names {
            let r = Reference::parse(n)?;
            if let Some(tag) = &r.tag {
                tags.push(format!("{}:{tag}", r.repo_string()));
                if let Some(top) = image.diff_ids.last() {
                    repositories
                        .entry(r.repo_string())
                        .or_default()
                        .insert(tag.clone(), top.trim_start_matches("sha256:").to_string());
                }
            }
        }
        entries.push(DockerManifestEntry { config: config_name, repo_tags: Some(tags), layers: layer_names });
    }
    let manifest = serde_json::to_vec(&entries).map_err(|e| archive_err(out, e.to_string()))?;
    append_bytes(out, tar, "manifest.json", &manifest)?;
    let repos = serde_json::to_vec(&repositories).map_err(|e| archive_err(out, e.to_string()))?;
    append_bytes(out, tar, "repositories", &repos)
}

#[allow(
    clippy::disallowed_methods,
    reason = "the error is wrapped with the path by the caller; fs_err would name it twice"
)]
fn write_oci(out: &Path, tar: &mut Tar, images: &[ArchiveInput]) -> Result<()> {
    append_bytes(out, tar, "oci-layout", br#"{"imageLayoutVersion":"1.0.0"}"#)?;
    append_dir(out, tar, "blobs/")?;
    append_dir(out, tar, "blobs/sha256/")?;
    let mut written: HashSet<String> = HashSet::new();
    let mut index = Vec::new();
    for img in images {
        let label = img.names.first().cloned().unwrap_or_else(|| out.display().to_string());
        let Parsed::Image { media_type, config, layers } = parse_manifest(&label, &img.manifest_bytes, None)?
        else {
            return Err(archive_err(out, format!("{label}: expected an image manifest, got an index")));
        };
        if img.layers.len() != layers.len() {
            return Err(archive_err(
                out,
                format!("{label}: {} layer files for {} layers", img.layers.len(), layers.len()),
            ));
        }
        let manifest_digest = sha256_digest(&img.manifest_bytes);
        for (digest, data) in [(&manifest_digest, &img.manifest_bytes), (&config.digest, &img.config_bytes)] {
            if written.insert(digest.clone()) {
                append_bytes(out, tar, &blob_name(digest), data)?;
            }
        }
        for (desc, file) in &img.layers {
            if written.insert(desc.digest.clone()) {
                let f = File::open(file).map_err(|e| Error::file(file, e))?;
                let size = f.metadata().map_err(|e| Error::file(file, e))?.len();
                if size != desc.size {
                    return Err(archive_err(
                        out,
                        format!("{}: {size} bytes, descriptor says {}", file.display(), desc.size),
                    ));
                }
                let mut h = header(size, 0o644);
                tar.append_data(&mut h, blob_name(&desc.digest), BufReader::new(f))
                    .map_err(|e| Error::file(out, e))?;
            }
        }
        let desc = |name: Option<&String>| {
            let mut d = serde_json::json!({
                "mediaType": media_type, "digest": manifest_digest, "size": img.manifest_bytes.len(),
            });
            if let Some(n) = name {
                d["annotations"] = serde_json::json!({ REF_NAME_ANNOTATION: n });
            }
            d
        };
        if img.names.is_empty() {
            index.push(desc(None));
        }
        for n in &img.names {
            index.push(desc(Some(n)));
        }
    }
    let index = serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2,
        "mediaType": manifest::OCI_INDEX,
        "manifests": index,
    }))
    .map_err(|e| archive_err(out, e.to_string()))?;
    append_bytes(out, tar, "index.json", &index)
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;
    use crate::image::manifest::tests::{config_json, manifest_json};

    fn layer_tar(name: &str, content: &[u8]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = header(content.len() as u64, 0o644);
        b.append_data(&mut h, name, Cursor::new(content)).unwrap();
        b.into_inner().unwrap()
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// An image with one gzip and one plain layer, blobs stored in `dir`.
    fn fixture(dir: &Path) -> (ArchiveInput, Vec<Vec<u8>>) {
        let raw1 = layer_tar("bin/hello", b"hello");
        let raw2 = layer_tar("etc/motd", b"hi");
        let gz1 = gzip(&raw1);
        let diff_ids = [sha256_digest(&raw1), sha256_digest(&raw2)];
        let cfg = config_json(&[&diff_ids[0], &diff_ids[1]]);
        let l1 = (sha256_digest(&gz1), gz1.len() as u64, manifest::OCI_LAYER_GZIP);
        let l2 = (sha256_digest(&raw2), raw2.len() as u64, manifest::OCI_LAYER);
        let m = manifest_json(&cfg, &[(&l1.0, l1.1, l1.2), (&l2.0, l2.1, l2.2)]);
        let p1 = dir.join("l1");
        let p2 = dir.join("l2");
        fs_err::write(&p1, &gz1).unwrap();
        fs_err::write(&p2, &raw2).unwrap();
        let input = ArchiveInput {
            names: vec!["docker.io/library/hello:latest".into(), "localhost/hello:v1".into()],
            manifest_bytes: m,
            config_bytes: cfg,
            layers: vec![
                (LayerDesc { digest: l1.0.clone(), size: l1.1, media_type: l1.2.into() }, p1),
                (LayerDesc { digest: l2.0.clone(), size: l2.1, media_type: l2.2.into() }, p2),
            ],
        };
        (input, vec![raw1, raw2])
    }

    fn read_layers(a: &Archive) -> HashMap<String, Vec<u8>> {
        let mut got = HashMap::new();
        a.for_each_layer(|l, r| {
            let mut v = Vec::new();
            r.read_to_end(&mut v).unwrap();
            got.insert(l.desc.digest.clone(), v);
            Ok(())
        })
        .unwrap();
        got
    }

    #[test]
    fn oci_round_trip_keeps_blobs() {
        let dir = tempfile::tempdir().unwrap();
        let (input, _) = fixture(dir.path());
        let out = dir.path().join("o.tar");
        write_archive(&out, ArchiveFormat::Oci, std::slice::from_ref(&input)).unwrap();
        let a = Archive::open(&out, &Platform::host()).unwrap();
        assert_eq!(a.format, ArchiveFormat::Oci);
        assert_eq!(a.images.len(), 1);
        let img = &a.images[0];
        assert_eq!(img.names, input.names);
        assert_eq!(img.image.manifest_bytes, input.manifest_bytes);
        assert_eq!(img.image.manifest_digest, sha256_digest(&input.manifest_bytes));
        assert_eq!(img.image.config_bytes, input.config_bytes);
        let got = read_layers(&a);
        for (d, p) in &input.layers {
            assert_eq!(got[&d.digest], fs_err::read(p).unwrap());
        }
    }

    #[test]
    fn docker_round_trip_decompresses_layers() {
        let dir = tempfile::tempdir().unwrap();
        let (input, raws) = fixture(dir.path());
        let out = dir.path().join("d.tar");
        write_archive(&out, ArchiveFormat::Docker, &[input.clone(), input.clone()]).unwrap();
        let a = Archive::open(&out, &Platform::host()).unwrap();
        assert_eq!(a.format, ArchiveFormat::Docker);
        assert_eq!(a.images.len(), 2);
        let img = &a.images[0];
        assert_eq!(img.names, ["docker.io/library/hello:latest", "localhost/hello:v1"]);
        assert_eq!(img.image.config_digest, sha256_digest(&input.config_bytes));
        assert_eq!(img.image.manifest_media_type, manifest::DOCKER_MANIFEST);
        // Layers are now uncompressed; their digests are the diff_ids.
        assert_eq!(img.image.layers.iter().map(|l| l.digest.clone()).collect::<Vec<_>>(), img.image.diff_ids);
        let got = read_layers(&a);
        assert_eq!(got.len(), 2, "shared layers are handed out once");
        for raw in raws {
            assert_eq!(got[&sha256_digest(&raw)], raw);
        }
    }

    #[test]
    fn wrong_diff_id_and_garbage_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (mut input, _) = fixture(dir.path());
        input.layers.swap(0, 1);
        input.layers[0].0.media_type = manifest::OCI_LAYER_GZIP.into();
        input.layers[1].0.media_type = manifest::OCI_LAYER.into();
        let out = dir.path().join("bad.tar");
        let e = write_archive(&out, ArchiveFormat::Docker, &[input]);
        assert!(e.is_err());
        assert!(!out.exists() && !dir.path().join("bad.tar.tmp").exists());

        let junk = dir.path().join("junk.tar");
        let mut b = tar::Builder::new(fs_err::File::create(&junk).unwrap());
        let mut h = header(3, 0o644);
        b.append_data(&mut h, "x", &b"abc"[..]).unwrap();
        b.finish().unwrap();
        let e = Archive::open(&junk, &Platform::host()).unwrap_err().to_string();
        assert!(e.contains("junk.tar") && e.contains("index.json"), "{e}");
    }
}
