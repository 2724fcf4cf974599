//! Manifests, indexes and image configs: the media types skiff accepts, lenient serde types for
//! the fields it reads, and [`Resolved`], the checked description of one platform's image that
//! `engine/` pulls into the store.
//!
//! Accepted: OCI image manifest and index, Docker v2 schema 2 manifest and manifest list. Layers
//! may be plain tar, gzip or zstd; foreign/non-distributable and encrypted layers are refused.
//! Invariant of [`Resolved`]: one diff_id per layer, config digest verified.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Error, Result};

/// The most layers an image may stack: the kernel's overlayfs takes at most 500 lower layers
/// (`OVL_MAX_STACK`), and containers/storage refuses deeper images the same way.
pub const MAX_LAYERS: usize = 500;

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_MANIFEST_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
pub const OCI_LAYER: &str = "application/vnd.oci.image.layer.v1.tar";
pub const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
pub const DOCKER_LAYER: &str = "application/vnd.docker.image.rootfs.diff.tar";
pub const DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";

/// Media types sent in `Accept` when fetching manifests.
pub const ACCEPTED_MANIFESTS: &[&str] = &[OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST];

/// How a layer blob is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// The compression of a supported layer media type; `None` for unsupported types.
    pub fn from_media_type(media_type: &str) -> Option<Compression> {
        match media_type {
            OCI_LAYER | DOCKER_LAYER => Some(Compression::None),
            OCI_LAYER_GZIP | DOCKER_LAYER_GZIP => Some(Compression::Gzip),
            OCI_LAYER_ZSTD => Some(Compression::Zstd),
            _ => None,
        }
    }

    /// Guesses from the first bytes of a blob (gzip and zstd magic numbers).
    pub fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// A layer of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerDesc {
    pub digest: String,
    pub size: u64,
    pub media_type: String,
}

impl LayerDesc {
    /// The compression of this layer (always known for a [`Resolved`] layer).
    pub fn compression(&self) -> Compression {
        Compression::from_media_type(&self.media_type).unwrap_or(Compression::None)
    }
}

/// One platform's image, checked: what `engine/` needs to pull it into the store.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Digest of the platform manifest (not of the index).
    pub manifest_digest: String,
    pub manifest_bytes: Vec<u8>,
    pub manifest_media_type: String,
    /// Digest of the index / manifest list the manifest was chosen from, if any.
    pub index_digest: Option<String>,
    /// The image id.
    pub config_digest: String,
    pub config_bytes: Vec<u8>,
    pub layers: Vec<LayerDesc>,
    /// `rootfs.diff_ids` of the config, one per layer.
    pub diff_ids: Vec<String>,
    pub created: Option<chrono::DateTime<chrono::Utc>>,
    pub os: String,
    pub architecture: String,
}

/// The fields of a manifest or index that skiff reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RawManifest {
    #[serde(default)]
    pub schema_version: Option<i64>,
    #[serde(default)]
    pub media_type: Option<String>,
    #[serde(default)]
    pub config: Option<RawDescriptor>,
    #[serde(default)]
    pub layers: Option<Vec<RawDescriptor>>,
    #[serde(default)]
    pub manifests: Option<Vec<RawDescriptor>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RawDescriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: String,
    pub size: i64,
    #[serde(default)]
    pub platform: Option<RawPlatform>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RawPlatform {
    pub os: String,
    pub architecture: String,
    #[serde(default)]
    pub variant: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawConfig {
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    os: String,
    #[serde(default)]
    architecture: String,
    rootfs: RawRootfs,
}

#[derive(Debug, Deserialize)]
struct RawRootfs {
    #[serde(default)]
    diff_ids: Vec<String>,
}

/// A parsed manifest: either an index to choose from, or a single image manifest.
pub(crate) enum Parsed {
    Index(Vec<RawDescriptor>),
    Image { media_type: String, config: RawDescriptor, layers: Vec<RawDescriptor> },
}

/// Parses manifest bytes; `header_type` is the Content-Type the registry sent, if known.
pub(crate) fn parse_manifest(reference: &str, bytes: &[u8], header_type: Option<&str>) -> Result<Parsed> {
    let bad = |reason: String| Error::InvalidManifest {
        reference: reference.to_string(),
        what: "manifest",
        reason,
    };
    let raw: RawManifest =
        serde_json::from_slice(bytes).map_err(|e| bad(format!("not a JSON manifest: {e}")))?;
    if raw.schema_version != Some(2) {
        return Err(Error::UnsupportedMediaType {
            reference: reference.to_string(),
            media_type: format!(
                "{} (schema version {})",
                raw.media_type.as_deref().or(header_type).unwrap_or("manifest"),
                raw.schema_version.map(|v| v.to_string()).unwrap_or_else(|| "missing".into())
            ),
        });
    }
    let media_type =
        raw.media_type.clone().or_else(|| header_type.map(str::to_string)).unwrap_or_else(|| {
            if raw.manifests.is_some() {
                OCI_INDEX.to_string()
            } else {
                OCI_MANIFEST.to_string()
            }
        });
    match media_type.as_str() {
        OCI_INDEX | DOCKER_MANIFEST_LIST => {
            Ok(Parsed::Index(raw.manifests.ok_or_else(|| bad("index without \"manifests\"".into()))?))
        }
        OCI_MANIFEST | DOCKER_MANIFEST => {
            let config = raw.config.ok_or_else(|| bad("manifest without \"config\"".into()))?;
            let layers = raw.layers.ok_or_else(|| bad("manifest without \"layers\"".into()))?;
            Ok(Parsed::Image { media_type, config, layers })
        }
        other => Err(Error::UnsupportedMediaType {
            reference: reference.to_string(),
            media_type: other.to_string(),
        }),
    }
}

/// `sha256:<hex>` of `bytes`.
pub fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// Checks `image` manifest's layer types and builds the descriptor list.
pub(crate) fn layer_descs(reference: &str, layers: &[RawDescriptor]) -> Result<Vec<LayerDesc>> {
    layers
        .iter()
        .map(|l| {
            if Compression::from_media_type(&l.media_type).is_none() {
                return Err(Error::UnsupportedMediaType {
                    reference: reference.to_string(),
                    media_type: l.media_type.clone(),
                });
            }
            let size = u64::try_from(l.size).map_err(|_| Error::InvalidManifest {
                reference: reference.to_string(),
                what: "manifest",
                reason: format!("layer {} has negative size", l.digest),
            })?;
            super::reference::validate_digest(&l.digest, &l.digest)?;
            Ok(LayerDesc { digest: l.digest.clone(), size, media_type: l.media_type.clone() })
        })
        .collect()
}

/// Checks a config's media type (empty is tolerated, as in old Docker archives).
pub(crate) fn check_config_type(reference: &str, media_type: &str) -> Result<()> {
    match media_type {
        OCI_CONFIG | DOCKER_CONFIG | "" => Ok(()),
        other => Err(Error::UnsupportedMediaType {
            reference: reference.to_string(),
            media_type: other.to_string(),
        }),
    }
}

impl Resolved {
    /// Builds and checks a [`Resolved`] from a single-image manifest and its config (whose
    /// digest the caller has verified against the manifest).
    pub(crate) fn assemble(
        reference: &str,
        manifest_bytes: Vec<u8>,
        manifest_digest: String,
        index_digest: Option<String>,
        config_bytes: Vec<u8>,
    ) -> Result<Resolved> {
        let Parsed::Image { media_type, config, layers } = parse_manifest(reference, &manifest_bytes, None)?
        else {
            return Err(Error::InvalidManifest {
                reference: reference.to_string(),
                what: "manifest",
                reason: "an index where an image manifest was expected".into(),
            });
        };
        check_config_type(reference, &config.media_type)?;
        let layers = layer_descs(reference, &layers)?;
        if layers.len() > MAX_LAYERS {
            return Err(Error::TooManyLayers {
                reference: reference.to_string(),
                layers: layers.len(),
                max: MAX_LAYERS,
            });
        }
        let cfg: RawConfig = serde_json::from_slice(&config_bytes).map_err(|e| Error::InvalidManifest {
            reference: reference.to_string(),
            what: "config",
            reason: e.to_string(),
        })?;
        if cfg.rootfs.diff_ids.len() != layers.len() {
            return Err(Error::LayerCount {
                reference: reference.to_string(),
                layers: layers.len(),
                diff_ids: cfg.rootfs.diff_ids.len(),
            });
        }
        let created = cfg
            .created
            .as_deref()
            .and_then(|c| chrono::DateTime::parse_from_rfc3339(c).ok())
            .map(|d| d.with_timezone(&chrono::Utc));
        Ok(Resolved {
            manifest_digest,
            manifest_bytes,
            manifest_media_type: media_type,
            index_digest,
            config_digest: config.digest,
            config_bytes,
            layers,
            diff_ids: cfg.rootfs.diff_ids,
            created,
            os: cfg.os,
            architecture: cfg.architecture,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn config_json(diff_ids: &[&str]) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "created": "2024-01-02T03:04:05Z",
            "os": "linux",
            "architecture": "amd64",
            "config": {"Cmd": ["sh"]},
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
        }))
        .unwrap()
    }

    pub(crate) fn manifest_json(config: &[u8], layers: &[(&str, u64, &str)]) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "config": {"mediaType": OCI_CONFIG, "digest": sha256_digest(config), "size": config.len()},
            "layers": layers.iter().map(|(d, s, t)| serde_json::json!({"mediaType": t, "digest": d, "size": s})).collect::<Vec<_>>(),
        }))
        .unwrap()
    }

    const L: &str = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    #[test]
    fn assemble_checks_counts_and_types() {
        let cfg = config_json(&[L]);
        let m = manifest_json(&cfg, &[(L, 10, OCI_LAYER_GZIP)]);
        let r = Resolved::assemble("x", m, "sha256:m".into(), None, cfg.clone()).unwrap();
        assert_eq!(r.layers[0].compression(), Compression::Gzip);
        assert_eq!(r.config_digest, sha256_digest(&cfg));
        assert_eq!(r.os, "linux");
        assert!(r.created.is_some());

        let m = manifest_json(&cfg, &[(L, 10, OCI_LAYER), (L, 10, OCI_LAYER)]);
        let e = Resolved::assemble("x", m, "d".into(), None, cfg.clone()).unwrap_err();
        assert!(matches!(e, Error::LayerCount { layers: 2, diff_ids: 1, .. }), "{e}");

        let foreign = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
        let m = manifest_json(&cfg, &[(L, 10, foreign)]);
        let e = Resolved::assemble("x", m, "d".into(), None, cfg).unwrap_err();
        assert!(e.to_string().contains(foreign), "{e}");
    }

    #[test]
    fn parse_rejects_non_json_and_schema1() {
        let e = parse_manifest("reg/x:1", b"<html>", None).err().unwrap().to_string();
        assert!(e.contains("reg/x:1") && e.contains("JSON"), "{e}");
        let e = parse_manifest("reg/x:1", br#"{"schemaVersion":1}"#, None).err().unwrap().to_string();
        assert!(e.contains("unsupported media type"), "{e}");
        let idx = br#"{"schemaVersion":2,"manifests":[]}"#;
        assert!(matches!(parse_manifest("r", idx, None), Ok(Parsed::Index(v)) if v.is_empty()));
    }

    #[test]
    fn sniff_magic() {
        assert_eq!(Compression::sniff(&[0x1f, 0x8b, 8]), Compression::Gzip);
        assert_eq!(Compression::sniff(&[0x28, 0xb5, 0x2f, 0xfd]), Compression::Zstd);
        assert_eq!(Compression::sniff(b"usr/"), Compression::None);
    }

    /// A property over random documents (a fuzz target bounded for CI): manifests, indexes and
    /// configs, valid then mutated (bytes flipped, cut, fields replaced by other JSON values,
    /// huge numbers, deep nesting). Parsing and assembling return an error or a value whose
    /// layers match the manifest; they never panic. `SKIFF_FUZZ_CASES` raises the count.
    #[test]
    fn fuzz_manifest_and_index_parsing_never_panics() {
        use rand::{Rng, SeedableRng};
        let cases: u64 = std::env::var("SKIFF_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400);
        let values = [
            serde_json::json!(null),
            serde_json::json!(-1),
            serde_json::json!(u64::MAX),
            serde_json::json!(1e308),
            serde_json::json!("sha256:"),
            serde_json::json!("\u{1b}[2J"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::from_str::<serde_json::Value>(&format!("{}{}", "[".repeat(100), "]".repeat(100)))
                .unwrap(),
        ];
        for seed in 0..cases {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let n = rng.gen_range(0..4);
            let diff_ids: Vec<&str> = (0..n).map(|_| L).collect();
            let cfg = config_json(&diff_ids);
            let layers: Vec<(&str, u64, &str)> = (0..n).map(|_| (L, 10, OCI_LAYER_GZIP)).collect();
            let mut doc: serde_json::Value = if rng.gen_range(0..3) == 0 {
                serde_json::json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [
                    {"mediaType": OCI_MANIFEST, "digest": L, "size": 1, "platform": {"os": "linux", "architecture": "amd64"}}
                ]})
            } else {
                serde_json::from_slice(&manifest_json(&cfg, &layers)).unwrap()
            };
            for _ in 0..rng.gen_range(0..4) {
                let keys = ["schemaVersion", "mediaType", "config", "layers", "manifests", "digest", "size"];
                let key = keys[rng.gen_range(0..keys.len())];
                let v = values[rng.gen_range(0..values.len())].clone();
                let inner_path =
                    if doc.pointer("/layers/0").is_some() { "/layers/0" } else { "/manifests/0" };
                let into_inner = rng.gen::<bool>() && doc.pointer(inner_path).is_some_and(|i| i.is_object());
                if into_inner {
                    if let Some(inner) = doc.pointer_mut(inner_path) {
                        inner[key] = v;
                    }
                } else if doc.is_object() {
                    doc[key] = v;
                }
            }
            let mut bytes = serde_json::to_vec(&doc).unwrap();
            if rng.gen_range(0..4) == 0 && !bytes.is_empty() {
                let at = rng.gen_range(0..bytes.len());
                bytes[at] ^= rng.gen::<u8>().max(1);
            }
            if rng.gen_range(0..6) == 0 {
                bytes.truncate(rng.gen_range(0..=bytes.len()));
            }
            let parsed = std::panic::catch_unwind(|| parse_manifest("fuzz", &bytes, None));
            assert!(
                parsed.is_ok(),
                "seed {seed}: parse_manifest panicked on {}",
                String::from_utf8_lossy(&bytes)
            );
            let assembled = std::panic::catch_unwind(|| {
                Resolved::assemble("fuzz", bytes.clone(), "sha256:m".into(), None, cfg.clone())
            });
            match assembled {
                Err(_) => panic!("seed {seed}: assemble panicked on {}", String::from_utf8_lossy(&bytes)),
                Ok(Ok(r)) => assert_eq!(r.layers.len(), r.diff_ids.len(), "seed {seed}"),
                Ok(Err(_)) => {}
            }
        }
    }

    #[test]
    fn more_layers_than_overlay_can_stack_is_refused_by_name() {
        let ids = vec![L; MAX_LAYERS + 1];
        let cfg = config_json(&ids);
        let layers: Vec<(&str, u64, &str)> = ids.iter().map(|l| (*l, 10, OCI_LAYER_GZIP)).collect();
        let e =
            Resolved::assemble("x", manifest_json(&cfg, &layers), "sha256:m".into(), None, cfg).unwrap_err();
        assert_eq!(e.to_string(), "image x stacks 501 layers, more than the 500 an overlay mount can hold");
    }
}
