//! `pull`: reference -> registry -> manifest (platform chosen) -> layers, downloaded in parallel and
//! each streamed through digest verification, decompression and unpacking at once (the store
//! does the last three on a blocking thread while the download goes on).
//!
//! Layers already stored (same chain id) are skipped without a request. The image record is
//! written last, so a pull killed at any point leaves no image that refers to a missing layer.

use std::sync::Arc;

use futures_util::stream::{self, StreamExt, TryStreamExt};

use super::Error;
use crate::image::{self, Reference, RegistryClient};
/// What the CLI resolves before a pull, push or login: registries.conf, credentials, client
/// options, the platform; and what a pull resolved.
pub use crate::image::{AuthStore, ClientOptions, Credentials, Platform, Registries, Resolved};
use crate::storage::{self, ImageRecord, LayerExpect, LayerRef, Store};

/// How many layers download and unpack at once.
const PARALLEL_LAYERS: usize = 6;

/// Progress of a pull, reported to the CLI (which draws bars or prints lines).
pub trait PullReporter: Send + Sync {
    /// About to ask `reference`'s registry.
    fn trying(&self, _reference: &str) {}
    /// The manifest is known; layers follow.
    fn resolved(&self, _resolved: &Resolved) {}
    /// A layer starts downloading (`present`: already stored, skipped).
    fn blob_start(&self, _digest: &str, _size: u64, _present: bool) {}
    /// `done` compressed bytes of the layer were read so far.
    fn blob_progress(&self, _digest: &str, _done: u64) {}
    /// The layer is stored.
    fn blob_done(&self, _digest: &str) {}
    /// The config blob is stored.
    fn config(&self, _digest: &str) {}
    /// The image record is being written.
    fn writing_manifest(&self) {}
}

/// A reporter that says nothing.
pub struct Silent;
impl PullReporter for Silent {}

/// What the pull did, for the final lines.
#[derive(Debug, Clone)]
pub struct Pulled {
    pub image: ImageRecord,
    /// The reference the image was found under.
    pub reference: String,
    /// Files in the image owned by ids this user cannot map, given to root.
    pub unmapped_owners: u64,
}

/// Pulls `text` (short names go through registries.conf's search list) into `store`.
pub async fn pull(
    store: Arc<Store>,
    registries: &Registries,
    client_options: ClientOptions,
    platform: &Platform,
    text: &str,
    reporter: Arc<dyn PullReporter>,
) -> Result<Pulled, Error> {
    let reference = Reference::parse(text)?;
    let candidates = registries.candidates(&reference);
    if candidates.is_empty() {
        return Err(Error::NoSearchRegistries { name: text.to_string() });
    }
    let client = RegistryClient::new(client_options);
    let mut errors: Vec<image::Error> = Vec::new();
    let last = candidates.len() - 1;
    for (i, cand) in candidates.iter().enumerate() {
        registries.check_allowed(cand)?;
        reporter.trying(&cand.to_string());
        // Manifests and configs already stored are not asked for again: a re-pull of a present
        // image is one request (its manifest by tag).
        let st = store.clone();
        let known = move |digest: &str| st.blobs().read(digest).ok();
        match client.resolve_known(cand, platform, &known).await {
            Ok(resolved) => {
                // A layer found present at the start may be removed by a concurrent `rmi` of the
                // only image that used it before this image is recorded; fetching again stores
                // it anew. Once is enough: the window is small.
                let pulled =
                    match fetch(store.clone(), &client, cand, resolved.clone(), reporter.clone()).await {
                        Err(Error::Storage(
                            storage::Error::LayerNotFound { .. } | storage::Error::BlobNotFound { .. },
                        )) => fetch(store, &client, cand, resolved, reporter).await,
                        other => other,
                    };
                if pulled.is_ok() {
                    super::events::image("pull", "", text);
                }
                return pulled;
            }
            Err(e) if i < last && is_candidate_miss(&e) => {
                tracing::debug!(candidate = %cand, error = %e, "trying the next search registry");
                errors.push(e);
            }
            Err(e) => {
                if errors.is_empty() {
                    return Err(e.into());
                }
                errors.push(e);
                return Err(Error::AllCandidatesFailed {
                    name: text.to_string(),
                    errors: errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
                });
            }
        }
    }
    unreachable!("the last candidate returns")
}

fn is_candidate_miss(e: &image::Error) -> bool {
    matches!(
        e,
        image::Error::NotFound { .. } | image::Error::Unauthorized { .. } | image::Error::Unreachable { .. }
    )
}

/// The chain ids of `diff_ids`, bottom layer first.
pub fn chain_ids(diff_ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(diff_ids.len());
    for d in diff_ids {
        let c = storage::chain_id(out.last().map(String::as_str), d);
        out.push(c);
    }
    out
}

async fn fetch(
    store: Arc<Store>,
    client: &RegistryClient,
    reference: &Reference,
    resolved: Resolved,
    reporter: Arc<dyn PullReporter>,
) -> Result<Pulled, Error> {
    // Until the image record is written, its layers and blobs are referenced by nothing:
    // keep `system prune` from collecting them.
    let _gc_guard = store.gc_guard()?;
    reporter.resolved(&resolved);
    let chains = chain_ids(&resolved.diff_ids);
    let mut jobs = Vec::new();
    for ((desc, diff_id), chain) in resolved.layers.iter().zip(&resolved.diff_ids).zip(&chains) {
        let layer_present = store.has_layer(chain)?;
        let present = layer_present && store.has_complete_layer(chain, &desc.digest)?;
        reporter.blob_start(&desc.digest, desc.size, present);
        if present {
            reporter.blob_done(&desc.digest);
            continue;
        }
        let expect = LayerExpect {
            blob_digest: desc.digest.clone(),
            blob_size: Some(desc.size),
            diff_id: diff_id.clone(),
            chain_id: chain.clone(),
            media_type: desc.media_type.clone(),
        };
        // The layer may be stored from another source (a load, another compression) while this
        // blob is not: then only the blob is fetched, so save and push find it.
        jobs.push((desc.clone(), expect, layer_present));
    }
    let unmapped: Vec<u64> = stream::iter(jobs)
        .map(|(desc, expect, blob_only)| {
            let store = store.clone();
            let reporter = reporter.clone();
            async move {
                let blob = client.blob_stream(reference, &desc).await?;
                let reader = tokio_util::io::SyncIoBridge::new(tokio_util::io::StreamReader::new(blob));
                let digest = desc.digest.clone();
                let rec = tokio::task::spawn_blocking(move || {
                    let r = reporter.clone();
                    let d = digest.clone();
                    if blob_only {
                        store_blob(&store, reader, &expect, &move |n| r.blob_progress(&d, n))?;
                        reporter.blob_done(&digest);
                        return Ok::<_, Error>(0);
                    }
                    let rec = store.ingest_layer(reader, expect, &move |n| r.blob_progress(&d, n))?;
                    reporter.blob_done(&digest);
                    Ok::<_, Error>(rec.unpacked.map(|s| s.unmapped_owners).unwrap_or(0))
                })
                .await
                .map_err(Error::Task)??;
                Ok::<u64, Error>(rec)
            }
        })
        .buffer_unordered(PARALLEL_LAYERS)
        .try_collect()
        .await?;

    let st = store.clone();
    let resolved2 = resolved.clone();
    let reference_text = reference.to_string();
    let repo = reference.repo_string();
    let rep = reporter.clone();
    let insecure = !client.options().tls_verify;
    let image = tokio::task::spawn_blocking(move || -> Result<ImageRecord, Error> {
        let names = if reference_text.contains('@') { vec![] } else { vec![reference_text] };
        let repo_digests = vec![format!("{repo}@{}", resolved2.manifest_digest)];
        record_pulled_image(&st, &resolved2, names, repo_digests, insecure, rep.as_ref())
    })
    .await
    .map_err(Error::Task)??;
    Ok(Pulled { image, reference: reference.to_string(), unmapped_owners: unmapped.iter().sum() })
}

/// Stores the config and manifest blobs of `resolved` and writes its image record, once every
/// layer is in the store (by chain id). Shared by `pull` and `load`. Blocking.
pub(crate) fn record_image(
    st: &Store,
    resolved: &Resolved,
    names: Vec<String>,
    repo_digests: Vec<String>,
    reporter: &dyn PullReporter,
) -> Result<ImageRecord, Error> {
    record_pulled_image(st, resolved, names, repo_digests, false, reporter)
}

/// [`record_image`] for a pull: `insecure_origin` when the registry was spoken to over plain http.
fn record_pulled_image(
    st: &Store,
    resolved: &Resolved,
    names: Vec<String>,
    repo_digests: Vec<String>,
    insecure_origin: bool,
    reporter: &dyn PullReporter,
) -> Result<ImageRecord, Error> {
    st.blobs().put(&resolved.config_digest, &resolved.config_bytes)?;
    reporter.config(&resolved.config_digest);
    st.blobs().put(&resolved.manifest_digest, &resolved.manifest_bytes)?;
    reporter.writing_manifest();
    let mut size = 0u64;
    let mut layers = Vec::new();
    for ((desc, diff_id), chain) in
        resolved.layers.iter().zip(&resolved.diff_ids).zip(chain_ids(&resolved.diff_ids))
    {
        let rec =
            st.get_layer(&chain)?.ok_or_else(|| storage::Error::LayerNotFound { chain_id: chain.clone() })?;
        size += rec.uncompressed_size;
        layers.push(LayerRef {
            chain_id: chain,
            diff_id: diff_id.clone(),
            blob_digest: desc.digest.clone(),
            media_type: desc.media_type.clone(),
            size: desc.size,
        });
    }
    let record = ImageRecord {
        id: resolved.config_digest.trim_start_matches("sha256:").to_string(),
        names,
        digest: resolved.manifest_digest.clone(),
        repo_digests,
        manifest_media_type: resolved.manifest_media_type.clone(),
        config_digest: resolved.config_digest.clone(),
        layers,
        created: resolved.created.map(|c| c.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        size,
        pulled_at: String::new(),
        insecure_origin,
        names_history: Vec::new(),
        list_sources: Default::default(),
    };
    Ok(st.put_image(record)?)
}

/// Streams a layer's compressed bytes into the blob store only (its layer is already unpacked),
/// verifying digest and size.
fn store_blob(
    store: &Store,
    mut reader: impl std::io::Read,
    expect: &LayerExpect,
    progress: &dyn Fn(u64),
) -> Result<(), Error> {
    use std::io::Write;
    let target = store.blobs().path(&expect.blob_digest)?;
    let mut w = store.blobs().writer()?;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = reader
            .read(&mut buf)
            .map_err(|source| storage::Error::Read { digest: expect.blob_digest.clone(), source })?;
        if n == 0 {
            break;
        }
        w.write_all(&buf[..n]).map_err(|source| storage::Error::Io { path: target.clone(), source })?;
        progress(w.written());
    }
    w.commit(&expect.blob_digest, expect.blob_size)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_ids_follow_the_oci_rule() {
        let a = format!("sha256:{}", "a".repeat(64));
        let b = format!("sha256:{}", "b".repeat(64));
        let c = chain_ids(&[a.clone(), b.clone()]);
        assert_eq!(c[0], a);
        use sha2::Digest;
        let expect = format!("sha256:{}", hex::encode(sha2::Sha256::digest(format!("{a} {b}").as_bytes())));
        assert_eq!(c[1], expect);
    }
}
