//! Manifest lists (image indexes) that skiff builds: the entries `manifest create/add/annotate`
//! edit, and the bytes they are stored and pushed as.
//!
//! The stored form follows podman (buildah's `manifests` package): an empty list is a Docker
//! manifest list, a list with entries an OCI image index, serialized with the field order Go
//! gives, so a list built by skiff has the digest podman's would have. `manifest inspect` shows
//! a Docker-list view with each entry's annotations, as podman 4.3 prints it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::manifest::{sha256_digest, DOCKER_MANIFEST_LIST, OCI_INDEX};
use super::{Error, Result};

/// The platform of one entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPlatform {
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(rename = "os.version", default, skip_serializing_if = "Option::is_none")]
    pub os_version: Option<String>,
    #[serde(rename = "os.features", default, skip_serializing_if = "Vec::is_empty")]
    pub os_features: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
}

/// One image of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub media_type: String,
    pub digest: String,
    pub size: u64,
    pub platform: ListPlatform,
    pub annotations: BTreeMap<String, String>,
}

/// A manifest list being built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestList {
    pub entries: Vec<ListEntry>,
}

/// The format a list is pushed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Oci,
    Docker,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OciIndexOut<'a> {
    schema_version: u32,
    media_type: &'static str,
    manifests: Vec<OciEntryOut<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OciEntryOut<'a> {
    media_type: &'a str,
    digest: &'a str,
    size: u64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    annotations: &'a BTreeMap<String, String>,
    platform: OciPlatformOut<'a>,
}

/// The OCI platform has no `features`.
#[derive(Serialize)]
struct OciPlatformOut<'a> {
    architecture: &'a str,
    os: &'a str,
    #[serde(rename = "os.version", skip_serializing_if = "Option::is_none")]
    os_version: &'a Option<String>,
    #[serde(rename = "os.features", skip_serializing_if = "Vec::is_empty")]
    os_features: &'a Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    variant: &'a Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DockerListOut<'a> {
    schema_version: u32,
    media_type: &'static str,
    /// `null` when empty, as Go marshals a nil slice.
    manifests: Option<Vec<DockerEntryOut<'a>>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DockerEntryOut<'a> {
    media_type: &'a str,
    size: u64,
    digest: &'a str,
    platform: &'a ListPlatform,
    /// Only in `manifest inspect`'s view.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotations: Option<&'a BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawList {
    #[serde(default)]
    manifests: Option<Vec<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry {
    #[serde(default)]
    media_type: String,
    digest: String,
    #[serde(default)]
    size: u64,
    #[serde(default)]
    platform: Option<ListPlatform>,
    #[serde(default)]
    annotations: Option<BTreeMap<String, String>>,
}

impl ManifestList {
    /// Parses an OCI index or a Docker manifest list (`reference` names it in errors).
    pub fn parse(reference: &str, bytes: &[u8]) -> Result<ManifestList> {
        let raw: RawList = serde_json::from_slice(bytes).map_err(|e| Error::InvalidManifest {
            reference: reference.to_string(),
            what: "manifest list",
            reason: e.to_string(),
        })?;
        let entries = raw
            .manifests
            .unwrap_or_default()
            .into_iter()
            .map(|e| ListEntry {
                media_type: e.media_type,
                digest: e.digest,
                size: e.size,
                platform: e.platform.unwrap_or_default(),
                annotations: e.annotations.unwrap_or_default(),
            })
            .collect();
        Ok(ManifestList { entries })
    }

    /// The format the list is stored and pushed in by default: Docker while empty, else OCI.
    pub fn default_format(&self) -> ListFormat {
        if self.entries.is_empty() {
            ListFormat::Docker
        } else {
            ListFormat::Oci
        }
    }

    /// The bytes and media type of the list in `format`.
    pub fn serialize(&self, format: ListFormat) -> (Vec<u8>, &'static str) {
        match format {
            ListFormat::Oci => {
                let out = OciIndexOut {
                    schema_version: 2,
                    media_type: OCI_INDEX,
                    manifests: self
                        .entries
                        .iter()
                        .map(|e| OciEntryOut {
                            media_type: &e.media_type,
                            digest: &e.digest,
                            size: e.size,
                            annotations: &e.annotations,
                            platform: OciPlatformOut {
                                architecture: &e.platform.architecture,
                                os: &e.platform.os,
                                os_version: &e.platform.os_version,
                                os_features: &e.platform.os_features,
                                variant: &e.platform.variant,
                            },
                        })
                        .collect(),
                };
                (serde_json::to_vec(&out).expect("index serializes"), OCI_INDEX)
            }
            ListFormat::Docker => {
                (serde_json::to_vec(&self.docker_view(false)).expect("list serializes"), DOCKER_MANIFEST_LIST)
            }
        }
    }

    /// The stored form: bytes, digest and media type.
    pub fn stored(&self) -> (Vec<u8>, String, &'static str) {
        let (bytes, media_type) = self.serialize(self.default_format());
        let digest = sha256_digest(&bytes);
        (bytes, digest, media_type)
    }

    fn docker_view(&self, with_annotations: bool) -> DockerListOut<'_> {
        DockerListOut {
            schema_version: 2,
            media_type: DOCKER_MANIFEST_LIST,
            manifests: (!self.entries.is_empty()).then(|| {
                self.entries
                    .iter()
                    .map(|e| DockerEntryOut {
                        media_type: &e.media_type,
                        size: e.size,
                        digest: &e.digest,
                        platform: &e.platform,
                        annotations: (with_annotations && !e.annotations.is_empty())
                            .then_some(&e.annotations),
                    })
                    .collect()
            }),
        }
    }

    /// `manifest inspect`'s text: the Docker-list view with annotations, indented by 4.
    pub fn inspect_json(&self, with_annotations: bool) -> String {
        let mut out = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
        let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
        self.docker_view(with_annotations).serialize(&mut ser).expect("list serializes");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// Adds `entry`, replacing an entry with the same digest in place.
    pub fn add(&mut self, entry: ListEntry) {
        match self.entries.iter_mut().find(|e| e.digest == entry.digest) {
            Some(have) => *have = entry,
            None => self.entries.push(entry),
        }
    }

    /// The entry with this digest.
    pub fn entry_mut(&mut self, digest: &str) -> Option<&mut ListEntry> {
        self.entries.iter_mut().find(|e| e.digest == digest)
    }

    /// Removes the entry with this digest; false if there is none.
    pub fn remove(&mut self, digest: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.digest != digest);
        self.entries.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:8030e63378e672c4c5cc65e665dbfbbaed7c8ced5f8cceb9c4961ec89689f3e3";

    fn entry() -> ListEntry {
        ListEntry {
            media_type: "application/vnd.oci.image.manifest.v1+json".into(),
            digest: D.into(),
            size: 504,
            platform: ListPlatform {
                architecture: "arm64".into(),
                os: "plan9".into(),
                os_version: Some("1.2".into()),
                variant: Some("v8".into()),
                ..Default::default()
            },
            annotations: [("a".to_string(), "b".to_string()), ("c".into(), "d".into())].into(),
        }
    }

    #[test]
    fn empty_list_has_podmans_digest() {
        let (bytes, digest, media_type) = ManifestList::default().stored();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            r#"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":null}"#
        );
        assert_eq!(digest, "sha256:20b959ad5960230b65a77b746bdbf5d991ade4d7a129c2554e167acdcc990531");
        assert_eq!(media_type, DOCKER_MANIFEST_LIST);
    }

    #[test]
    fn index_bytes_match_podmans_push() {
        let mut l = ManifestList::default();
        l.add(entry());
        let (bytes, digest, media_type) = l.stored();
        assert_eq!(media_type, OCI_INDEX);
        // What podman 4.3.1 pushed for the same list.
        assert_eq!(digest, "sha256:b3744dc0e9fbd660cebd33e31f9326f0019f3b0be1d8e1c710db5653f3b2447b");
        assert_eq!(ManifestList::parse("x", &bytes).unwrap(), l);
    }

    #[test]
    fn inspect_view_and_edits() {
        let mut l = ManifestList::default();
        assert!(l.inspect_json(true).contains("\"manifests\": null"));
        l.add(entry());
        let mut again = entry();
        again.annotations.clear();
        again.platform.architecture = "amd64".into();
        l.add(again);
        assert_eq!(l.entries.len(), 1);
        assert_eq!(l.entries[0].platform.architecture, "amd64");
        let text = l.inspect_json(true);
        assert!(text.starts_with("{\n    \"schemaVersion\": 2,"), "{text}");
        assert!(!text.contains("annotations"), "{text}");
        assert!(l.remove(D));
        assert!(!l.remove(D));
    }
}
