//! The registry client: resolve a reference to one platform's manifest and config and stream
//! layer blobs through skiff's own bounded reads ([`super::http`]: size caps, stall detection,
//! bearer tokens), and push blobs and manifests over `oci_client::Client`.
//!
//! Registries that registries.conf marks `insecure` (every registry with `tls_verify = false`)
//! are spoken to over https without certificate checks when they speak TLS, else over plain
//! http, like podman; see [`RegistryClient`]'s `client`.
//! Credentials come from `--creds` when given, else from [`AuthStore`], else anonymous;
//! pulls negotiate bearer tokens in [`super::http`], pushes in oci-client.
//!
//! Checked here: manifest digests (against the reference's digest or the
//! `Docker-Content-Digest` header), the config digest, one diff_id per layer, accepted media
//! types, and that a blob stream yields exactly the descriptor's size. Layer digests are left to
//! the store, which hashes while it writes.

use std::collections::HashMap;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_util::stream::{BoxStream, Stream, StreamExt};
use oci_client::client::{ClientConfig, ClientProtocol};
use oci_client::errors::{OciDistributionError, OciErrorCode};
use oci_client::secrets::RegistryAuth;
use oci_client::Client;
use tokio::io::AsyncReadExt;

use super::http::{self, Http, Limits, Transport};
use super::manifest::{self, parse_manifest, sha256_digest, LayerDesc, Parsed, Resolved, ACCEPTED_MANIFESTS};
use super::{AuthStore, Error, Platform, Reference, Registries, Result};

/// Largest config blob accepted (configs are small JSON documents).
const MAX_CONFIG_SIZE: u64 = 16 << 20;
/// Read size when pushing a blob from a file.
const PUSH_READ_SIZE: usize = 4 << 20;

/// Credentials to present to registries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Look each registry up in the auth files.
    FromFiles(AuthStore),
    /// The same user and password for every registry (`--creds`).
    Basic { user: String, pass: String },
    /// Never send credentials.
    Anonymous,
}

/// How to reach registries.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub registries: Registries,
    /// `--tls-verify`; false makes every registry plain http.
    pub tls_verify: bool,
    pub credentials: Credentials,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            registries: Registries::default(),
            tls_verify: true,
            credentials: Credentials::FromFiles(AuthStore::from_env()),
        }
    }
}

/// The bytes of a blob to push.
#[derive(Debug, Clone)]
pub enum BlobSource {
    Bytes(Bytes),
    File(PathBuf),
}

/// A registry client; cheap to clone (clients share connections and tokens).
#[derive(Clone)]
pub struct RegistryClient {
    /// oci-client's clients (pushes), built on first use: a pull needs none of them, and each
    /// one that checks certificates reads all the system's root certificates when built.
    oci: Arc<OciClients>,
    /// Insecure registry → whether it speaks TLS (cached probe results).
    speaks_tls: Arc<Mutex<HashMap<String, bool>>>,
    /// skiff's own reads (manifests, blobs, tokens): bounded in size and time.
    http: Arc<Http>,
    options: ClientOptions,
}

/// How a registry is spoken to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Https,
    HttpsUnverified,
    Http,
}

impl std::fmt::Debug for RegistryClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistryClient").field("options", &self.options).finish_non_exhaustive()
    }
}

/// The oci-client clients of a [`RegistryClient`], one per [`Mode`], each built once.
struct OciClients {
    stall: std::time::Duration,
    https: OnceLock<Client>,
    /// https without certificate checks, for insecure registries that speak TLS.
    https_unverified: OnceLock<Client>,
    http_plain: OnceLock<Client>,
}

impl OciClients {
    fn get(&self, mode: Mode) -> &Client {
        let (cell, protocol, accept_invalid_certificates) = match mode {
            Mode::Https => (&self.https, ClientProtocol::Https, false),
            Mode::HttpsUnverified => (&self.https_unverified, ClientProtocol::Https, true),
            Mode::Http => (&self.http_plain, ClientProtocol::Http, false),
        };
        cell.get_or_init(|| {
            Client::new(ClientConfig {
                protocol,
                accept_invalid_certificates,
                user_agent: concat!("skiff/", env!("CARGO_PKG_VERSION")),
                connect_timeout: Some(std::time::Duration::from_secs(30)),
                read_timeout: Some(self.stall),
                ..ClientConfig::default()
            })
        })
    }
}

impl RegistryClient {
    pub fn new(options: ClientOptions) -> RegistryClient {
        let limits = Limits::from_env();
        RegistryClient {
            oci: Arc::new(OciClients {
                stall: limits.stall,
                https: OnceLock::new(),
                https_unverified: OnceLock::new(),
                http_plain: OnceLock::new(),
            }),
            speaks_tls: Arc::default(),
            http: Arc::new(Http::new(concat!("skiff/", env!("CARGO_PKG_VERSION")), limits)),
            options,
        }
    }

    /// The options this client was built with.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The client for `r`'s registry. Secure registries get verified https. Insecure ones, as
    /// in podman, get https without certificate checks when they speak TLS, else plain http;
    /// the answer is probed once per registry (GET /v2/) and cached.
    async fn client(&self, r: &Reference) -> &Client {
        let mode = self.mode(r).await;
        self.oci.get(mode)
    }

    async fn mode(&self, r: &Reference) -> Mode {
        let registry = &r.registry;
        if !self.options.registries.is_insecure(registry, self.options.tls_verify) {
            return Mode::Https;
        }
        let cached = self.speaks_tls.lock().unwrap_or_else(|e| e.into_inner()).get(registry).copied();
        let tls = match cached {
            Some(tls) => tls,
            None => {
                // Any answer over https (even an auth failure) means the registry speaks TLS.
                let tls = self.http.speaks_tls(r.to_oci().resolve_registry()).await;
                tracing::debug!(registry, tls, "probed insecure registry");
                self.speaks_tls.lock().unwrap_or_else(|e| e.into_inner()).insert(registry.clone(), tls);
                tls
            }
        };
        if tls {
            Mode::HttpsUnverified
        } else {
            Mode::Http
        }
    }

    /// skiff's own transport for `r` and the registry's base URL (`https://host`).
    async fn transport(&self, r: &Reference) -> (Transport<'_>, String) {
        let t = match self.mode(r).await {
            Mode::Https => self.http.transport("https", true),
            Mode::HttpsUnverified => self.http.transport("https", false),
            Mode::Http => self.http.transport("http", true),
        };
        let base = format!("{}://{}", t.scheme, r.to_oci().resolve_registry());
        (t, base)
    }

    fn basic(&self, registry: &str) -> Result<Option<(String, String)>> {
        Ok(match self.auth(registry)? {
            RegistryAuth::Basic(u, p) => Some((u, p)),
            _ => None,
        })
    }

    fn auth(&self, registry: &str) -> Result<RegistryAuth> {
        Ok(match &self.options.credentials {
            Credentials::Anonymous => RegistryAuth::Anonymous,
            Credentials::Basic { user, pass } => RegistryAuth::Basic(user.clone(), pass.clone()),
            Credentials::FromFiles(store) => match store.lookup(registry)? {
                Some((u, p)) => RegistryAuth::Basic(u, p),
                None => RegistryAuth::Anonymous,
            },
        })
    }

    /// Registers credentials for `r`'s registry with oci-client (for calls that take none).
    async fn prepare(&self, r: &Reference) -> Result<(&Client, oci_client::Reference)> {
        let oci = r.to_oci();
        let client = self.client(r).await;
        client.store_auth_if_needed(oci.resolve_registry(), &self.auth(&r.registry)?).await;
        Ok((client, oci))
    }

    /// Fetches a manifest or index as raw bytes with its digest (at most
    /// [`http::MAX_MANIFEST`] bytes; checked against the reference's digest and the
    /// `Docker-Content-Digest` header).
    pub async fn fetch_manifest(&self, r: &Reference) -> Result<(Vec<u8>, String)> {
        let (t, base) = self.transport(r).await;
        let oci = r.to_oci();
        let url = format!("{base}/v2/{}/manifests/{}", oci.repository(), r.tag_or_digest());
        let basic = self.basic(&r.registry)?;
        let accept = ACCEPTED_MANIFESTS.join(", ");
        let res = self.http.get(t, r, &url, Some(&accept), basic.as_ref()).await?;
        if !res.status().is_success() {
            return Err(self.http.status_error(r, res, "manifest").await);
        }
        let header =
            res.headers().get("Docker-Content-Digest").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let bytes = self.http.read_capped(r, res, http::MAX_MANIFEST, "manifest").await?;
        let actual = sha256_digest(&bytes);
        let expected = r.digest.clone().or(header.filter(|h| h.starts_with("sha256:")));
        if let Some(expected) = expected.filter(|e| *e != actual) {
            return Err(Error::DigestMismatch {
                reference: r.to_string(),
                what: "manifest",
                expected,
                actual,
            });
        }
        Ok((bytes, actual))
    }

    /// Resolves `r` to one platform's image: manifest (chosen from an index by `platform`),
    /// verified config, layers and diff_ids.
    pub async fn resolve(&self, r: &Reference, platform: &Platform) -> Result<Resolved> {
        self.resolve_known(r, platform, &|_| None).await
    }

    /// [`RegistryClient::resolve`], taking a platform manifest or config from `known` (bytes
    /// already stored under that digest: checked again here) instead of asking the registry:
    /// a present image resolves with one request, its manifest by tag.
    pub async fn resolve_known(
        &self,
        r: &Reference,
        platform: &Platform,
        known: &(dyn Fn(&str) -> Option<Vec<u8>> + Send + Sync),
    ) -> Result<Resolved> {
        let name = r.to_string();
        let (bytes, digest) = self.fetch_manifest(r).await?;
        match parse_manifest(&name, &bytes, None)? {
            Parsed::Image { .. } => self.finish(r, bytes, digest, None, known).await,
            Parsed::Index(entries) => {
                let with_platform: Vec<_> =
                    entries.iter().filter_map(|e| e.platform.as_ref().map(|p| (e, p))).collect();
                let chosen = platform.choose(
                    with_platform
                        .iter()
                        .map(|(_, p)| (p.os.as_str(), p.architecture.as_str(), p.variant.as_deref())),
                );
                let Some(i) = chosen else {
                    let available: Vec<String> = with_platform
                        .iter()
                        .map(|(_, p)| match &p.variant {
                            Some(v) => format!("{}/{}/{v}", p.os, p.architecture),
                            None => format!("{}/{}", p.os, p.architecture),
                        })
                        .collect();
                    return Err(Error::NoMatchingPlatform {
                        reference: name,
                        platform: platform.to_string(),
                        available: if available.is_empty() { "none".into() } else { available.join(", ") },
                    });
                };
                let entry = with_platform[i].0;
                if !matches!(
                    entry.media_type.as_str(),
                    manifest::OCI_MANIFEST | manifest::DOCKER_MANIFEST | ""
                ) {
                    return Err(Error::UnsupportedMediaType {
                        reference: name,
                        media_type: entry.media_type.clone(),
                    });
                }
                let child = r.with_digest(&entry.digest);
                let (mbytes, mdigest) = match known(&entry.digest) {
                    Some(b) if sha256_digest(&b) == entry.digest => (b, entry.digest.clone()),
                    _ => self.fetch_manifest(&child).await?,
                };
                self.finish(r, mbytes, mdigest, Some(digest), known).await
            }
        }
    }

    async fn finish(
        &self,
        r: &Reference,
        manifest_bytes: Vec<u8>,
        manifest_digest: String,
        index_digest: Option<String>,
        known: &(dyn Fn(&str) -> Option<Vec<u8>> + Send + Sync),
    ) -> Result<Resolved> {
        let name = r.to_string();
        let Parsed::Image { config, .. } = parse_manifest(&name, &manifest_bytes, None)? else {
            return Err(Error::InvalidManifest {
                reference: name,
                what: "manifest",
                reason: "an index points to another index".into(),
            });
        };
        manifest::check_config_type(&name, &config.media_type)?;
        super::reference::validate_digest(&config.digest, &config.digest)?;
        let size = u64::try_from(config.size).unwrap_or(u64::MAX);
        if size > MAX_CONFIG_SIZE {
            return Err(Error::InvalidManifest {
                reference: name,
                what: "config",
                reason: format!(
                    "config {} is {size} bytes, more than the {} limit",
                    config.digest,
                    http::human_size(MAX_CONFIG_SIZE)
                ),
            });
        }
        if let Some(config_bytes) = known(&config.digest).filter(|b| sha256_digest(b) == config.digest) {
            return Resolved::assemble(&name, manifest_bytes, manifest_digest, index_digest, config_bytes);
        }
        let desc = LayerDesc { digest: config.digest.clone(), size, media_type: config.media_type.clone() };
        let mut stream = self.blob_stream(r, &desc).await?;
        let mut config_bytes = Vec::with_capacity(size as usize);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| Error::Registry {
                registry: r.registry.clone(),
                reference: name.clone(),
                message: format!("reading config {}: {e}", config.digest),
            })?;
            config_bytes.extend_from_slice(&chunk);
        }
        let actual = sha256_digest(&config_bytes);
        if config.digest.starts_with("sha256:") && actual != config.digest {
            return Err(Error::DigestMismatch {
                reference: name,
                what: "config",
                expected: config.digest,
                actual,
            });
        }
        Resolved::assemble(&name, manifest_bytes, manifest_digest, index_digest, config_bytes)
    }

    /// Streams a blob of `r`'s repository. The stream fails when it delivers more or fewer
    /// bytes than `desc.size`, or stalls; the digest is not checked here.
    pub async fn blob_stream(&self, r: &Reference, desc: &LayerDesc) -> Result<BlobStream> {
        let (t, base) = self.transport(r).await;
        let oci = r.to_oci();
        let url = format!("{base}/v2/{}/blobs/{}", oci.repository(), desc.digest);
        let basic = self.basic(&r.registry)?;
        let res = self.http.get(t, r, &url, None, basic.as_ref()).await?;
        if !res.status().is_success() {
            return Err(self.http.status_error(r, res, "blob").await);
        }
        if let Some(len) = res.content_length().filter(|l| *l > desc.size) {
            return Err(Error::Registry {
                registry: r.registry.clone(),
                reference: r.to_string(),
                message: format!(
                    "blob {} is {len} bytes, more than its descriptor's {}",
                    desc.digest, desc.size
                ),
            });
        }
        let body = Box::pin(res.bytes_stream().map(|c| c.map_err(io::Error::other)));
        let guarded = http::guard_stalls(body, url, self.http.limits.stall);
        Ok(BlobStream::new(guarded, &desc.digest, desc.size))
    }

    /// True when the registry already has blob `digest` in `r`'s repository.
    pub async fn blob_exists(&self, r: &Reference, digest: &str) -> Result<bool> {
        let (client, oci) = self.prepare(r).await?;
        client.blob_exists(&oci, digest).await.map_err(|e| map_error(e, r, "blob"))
    }

    /// Uploads a blob unless the registry has it; returns whether it was uploaded.
    pub async fn push_blob(&self, r: &Reference, digest: &str, source: BlobSource) -> Result<bool> {
        if self.blob_exists(r, digest).await? {
            return Ok(false);
        }
        let (client, oci) = self.prepare(r).await?;
        let res = match source {
            BlobSource::Bytes(b) => client.push_blob(&oci, b, digest).await,
            BlobSource::File(path) => {
                let file = tokio::fs::File::open(&path).await.map_err(|e| Error::file(&path, e))?;
                let size = file.metadata().await.map_err(|e| Error::file(&path, e))?.len();
                client.push_blob_stream(&oci, file_stream(file), digest, Some(size)).await
            }
        };
        res.map_err(|e| map_error(e, r, "blob"))?;
        Ok(true)
    }

    /// Uploads a manifest (or index) under `r`'s tag or digest; returns its digest.
    pub async fn push_manifest_raw(&self, r: &Reference, bytes: Vec<u8>, media_type: &str) -> Result<String> {
        let digest = sha256_digest(&bytes);
        let content_type = ::http::HeaderValue::from_str(media_type).map_err(|_| {
            Error::UnsupportedMediaType { reference: r.to_string(), media_type: media_type.to_string() }
        })?;
        let (client, oci) = self.prepare(r).await?;
        client.push_manifest_raw(&oci, bytes, content_type).await.map_err(|e| map_error(e, r, "manifest"))?;
        Ok(digest)
    }

    /// Checks that the registry accepts this client's credentials (for `login`). A token
    /// service that issues a token has checked them; otherwise (basic auth, or no auth at all)
    /// a manifest request for a repository that need not exist is sent with them: 401 means
    /// rejected, anything the registry says after authenticating (404) means accepted.
    pub async fn check_login(&self, registry: &str) -> Result<()> {
        let r = Reference::new(registry, "skiff/login-check", Some("latest"), None)?;
        let (t, base) = self.transport(&r).await;
        let url = format!("{base}/v2/{}/manifests/latest", r.to_oci().repository());
        let basic = self.basic(&r.registry)?;
        let accept = ACCEPTED_MANIFESTS.join(", ");
        let res = self.http.get(t, &r, &url, Some(&accept), basic.as_ref()).await?;
        if res.status().is_success() {
            return Ok(());
        }
        match self.http.status_error(&r, res, "manifest").await {
            Error::NotFound { .. } => Ok(()),
            e => Err(e),
        }
    }
}

fn file_stream(
    file: tokio::fs::File,
) -> impl Stream<Item = oci_client::errors::Result<Bytes>> + Send + 'static {
    futures_util::stream::try_unfold(file, |mut file| async move {
        let mut buf = vec![0u8; PUSH_READ_SIZE];
        let mut filled = 0;
        while filled < buf.len() {
            let n = file.read(&mut buf[filled..]).await?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        if filled == 0 {
            return Ok(None);
        }
        buf.truncate(filled);
        Ok(Some((Bytes::from(buf), file)))
    })
}

/// A blob's bytes, failing with `InvalidData` past `size` bytes and `UnexpectedEof` before.
pub struct BlobStream {
    inner: BoxStream<'static, io::Result<Bytes>>,
    digest: String,
    expected: u64,
    seen: u64,
    done: bool,
}

impl BlobStream {
    /// Wraps `inner`, enforcing that it yields exactly `size` bytes.
    pub fn new(
        inner: impl Stream<Item = io::Result<Bytes>> + Send + 'static,
        digest: &str,
        size: u64,
    ) -> BlobStream {
        BlobStream { inner: inner.boxed(), digest: digest.to_string(), expected: size, seen: 0, done: false }
    }

    /// The size the stream will deliver.
    pub fn size(&self) -> u64 {
        self.expected
    }
}

impl Stream for BlobStream {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        match self.inner.as_mut().poll_next(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Ok(chunk))) => {
                self.seen += chunk.len() as u64;
                if self.seen > self.expected {
                    self.done = true;
                    let msg = format!(
                        "blob {} is larger than its descriptor's {} bytes",
                        self.digest, self.expected
                    );
                    return Poll::Ready(Some(Err(io::Error::new(io::ErrorKind::InvalidData, msg))));
                }
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(e))) => {
                self.done = true;
                Poll::Ready(Some(Err(e)))
            }
            Poll::Ready(None) => {
                self.done = true;
                if self.seen < self.expected {
                    let msg =
                        format!("blob {} ended after {} of {} bytes", self.digest, self.seen, self.expected);
                    return Poll::Ready(Some(Err(io::Error::new(io::ErrorKind::UnexpectedEof, msg))));
                }
                Poll::Ready(None)
            }
        }
    }
}

/// Maps oci-client's errors to [`Error`]; `what` is "manifest" or "blob".
pub(crate) fn map_error(e: OciDistributionError, r: &Reference, what: &'static str) -> Error {
    let reference = r.to_string();
    let registry = r.registry.clone();
    let other = |message: String| Error::Registry {
        registry: registry.clone(),
        reference: reference.clone(),
        message,
    };
    match e {
        OciDistributionError::RequestError(re)
            if re.status().is_some_and(|s| s.as_u16() == 401 || s.as_u16() == 403) =>
        {
            Error::Unauthorized { reference }
        }
        OciDistributionError::RequestError(re) => {
            let chain = error_chain(&re);
            let lower = chain.to_lowercase();
            let tls = ["tls", "certificate", "handshake", "corrupt message", "invalidcontenttype", "ssl"];
            if tls.iter().any(|t| lower.contains(t)) {
                Error::Tls { registry, reason: deepest_cause(&re) }
            } else if re.is_connect() || re.is_timeout() {
                Error::Unreachable { registry, reason: io_reason(&re).unwrap_or(chain) }
            } else {
                other(chain)
            }
        }
        OciDistributionError::UnauthorizedError { .. } | OciDistributionError::AuthenticationFailure(_) => {
            Error::Unauthorized { reference }
        }
        OciDistributionError::RegistryError { envelope, .. } => {
            let codes: Vec<&OciErrorCode> = envelope.errors.iter().map(|e| &e.code).collect();
            let text =
                envelope
                    .errors
                    .iter()
                    .map(|e| {
                        if e.message.is_empty() {
                            format!("{:?}", e.code)
                        } else {
                            http::printable(&e.message)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
            if codes.iter().any(|c| matches!(c, OciErrorCode::Unauthorized | OciErrorCode::Denied)) {
                Error::Unauthorized { reference }
            } else if codes.iter().any(|c| {
                matches!(
                    c,
                    OciErrorCode::ManifestUnknown
                        | OciErrorCode::NameUnknown
                        | OciErrorCode::NotFound
                        | OciErrorCode::BlobUnknown
                )
            }) {
                Error::NotFound { reference, reason: text }
            } else {
                other(text)
            }
        }
        OciDistributionError::ServerError { code: 404, .. }
        | OciDistributionError::ImageManifestNotFoundError(_) => {
            Error::NotFound { reference, reason: format!("{what} unknown") }
        }
        OciDistributionError::ServerError { code: 401 | 403, .. } => Error::Unauthorized { reference },
        OciDistributionError::ServerError { code, message, .. } => {
            let mut message: String = message.trim().chars().take(200).collect();
            message = http::printable(&message);
            other(format!("http status {code}: {message}"))
        }
        OciDistributionError::DigestError(oci_client::errors::DigestError::VerificationError {
            expected,
            actual,
        }) => Error::DigestMismatch { reference, what, expected, actual },
        OciDistributionError::IncompatibleLayerMediaTypeError(media_type)
        | OciDistributionError::UnsupportedMediaTypeError(media_type) => {
            Error::UnsupportedMediaType { reference, media_type }
        }
        e => other(error_chain(&e)),
    }
}

/// `e` and its sources joined by ": ", skipping repeated text.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        let t = s.to_string();
        if !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        cur = s.source();
    }
    parts.join(": ")
}

/// The innermost source's text (e.g. "invalid peer certificate: UnknownIssuer").
fn deepest_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(s) = cur.source() {
        cur = s;
    }
    cur.to_string()
}

/// "connection refused" and the like, from the io::Error under a request error.
fn io_reason(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = cur {
        if let Some(io) = s.downcast_ref::<io::Error>() {
            return Some(match io.kind() {
                io::ErrorKind::ConnectionRefused => "connection refused".into(),
                io::ErrorKind::ConnectionReset => "connection reset".into(),
                io::ErrorKind::TimedOut => "timed out".into(),
                _ => io.to_string(),
            });
        }
        cur = s.source();
    }
    if e.to_string().contains("dns error") {
        return Some("cannot resolve host name".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use futures_util::stream;

    use super::*;

    fn chunks(parts: &[&'static [u8]]) -> impl Stream<Item = io::Result<Bytes>> + Send + 'static {
        stream::iter(parts.iter().map(|p| Ok(Bytes::from_static(p))).collect::<Vec<_>>())
    }

    async fn collect(mut s: BlobStream) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        while let Some(c) = s.next().await {
            out.extend_from_slice(&c?);
        }
        Ok(out)
    }

    #[tokio::test]
    async fn blob_stream_enforces_size() {
        assert_eq!(collect(BlobStream::new(chunks(&[b"ab", b"cd"]), "sha256:x", 4)).await.unwrap(), b"abcd");
        let e = collect(BlobStream::new(chunks(&[b"ab", b"cde"]), "sha256:x", 4)).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("sha256:x"), "{e}");
        let e = collect(BlobStream::new(chunks(&[b"ab"]), "sha256:x", 4)).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
    }

    fn r() -> Reference {
        Reference::parse("127.0.0.1:5000/nope").unwrap()
    }

    #[test]
    fn maps_registry_errors() {
        let env: oci_client::errors::OciEnvelope =
            serde_json::from_str(r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"#)
                .unwrap();
        let e = map_error(
            OciDistributionError::RegistryError { envelope: env, url: "u".into() },
            &r(),
            "manifest",
        );
        assert_eq!(e.to_string(), "image 127.0.0.1:5000/nope:latest not found: manifest unknown");
        let e = map_error(OciDistributionError::UnauthorizedError { url: "u".into() }, &r(), "manifest");
        assert_eq!(
            e.to_string(),
            "image 127.0.0.1:5000/nope:latest requires authentication: unauthorized: authentication required"
        );
        let e = map_error(
            OciDistributionError::ServerError { code: 500, url: "u".into(), message: "boom".into() },
            &r(),
            "blob",
        );
        assert!(e.to_string().contains("registry 127.0.0.1:5000") && e.to_string().contains("500"), "{e}");
    }

    #[tokio::test]
    async fn unreachable_registry() {
        // A port that was just free.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        for tls_verify in [true, false] {
            let opts =
                ClientOptions { tls_verify, credentials: Credentials::Anonymous, ..Default::default() };
            let c = RegistryClient::new(opts);
            let r = Reference::parse(&format!("127.0.0.1:{port}/x")).unwrap();
            let e = c.resolve(&r, &Platform::host()).await.unwrap_err();
            assert_eq!(e.to_string(), format!("cannot reach registry 127.0.0.1:{port}: connection refused"));
        }
    }
}
