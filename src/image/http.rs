//! skiff's own HTTP reads from registries: manifests, blobs (configs and layers), bearer tokens
//! and error bodies. Every body a registry sends passes through here, so every one is bounded:
//!
//! - in size: a manifest or index at most [`MAX_MANIFEST`] (4 MiB, as podman), a token answer at
//!   most [`MAX_TOKEN`] (1 MiB), an error body is read up to [`MAX_ERROR_BODY`] and cut there;
//!   blobs are bounded by their descriptor's size ([`super::BlobStream`]);
//! - in time: a read that brings less than [`MIN_PROGRESS`] bytes in `stall` seconds of waiting
//!   on the network (the consumer's own time is not counted) fails as a stall
//!   (`SKIFF_REGISTRY_STALL_TIMEOUT`, default 30 s), and so does an answer whose head does not
//!   come within that time; a small body (manifest, token) must be read within `request` seconds
//!   in all (`SKIFF_REGISTRY_REQUEST_TIMEOUT`, default 120 s). The error names the URL and what
//!   stalled.
//!
//! Authentication: an answer 401 with a `WWW-Authenticate: Bearer` challenge sends skiff to the
//! token service (with the user's credentials, if any); a `Basic` challenge makes it retry with
//! the credentials. The resulting `Authorization` value is kept per registry and repository.
//! Pushing stays with oci-client, which authenticates itself.

use std::collections::HashMap;
use std::io;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use base64::Engine as _;
use bytes::Bytes;
use futures_util::stream::{Stream, StreamExt};
use oci_client::errors::{OciDistributionError, OciEnvelope};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, WWW_AUTHENTICATE};
use reqwest::{Response, StatusCode};

use super::{Error, Reference, Result};

/// The largest manifest or index accepted (podman: 4 MiB).
pub const MAX_MANIFEST: usize = 4 << 20;
/// The largest token answer accepted (podman: 1 MiB).
pub const MAX_TOKEN: usize = 1 << 20;
/// How much of an error answer is read; the rest is dropped.
pub const MAX_ERROR_BODY: usize = 64 << 10;
/// Fewer bytes than this in one stall period is a stall.
pub const MIN_PROGRESS: u64 = 1024;

/// The time limits of registry reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// No progress (fewer than [`MIN_PROGRESS`] bytes) for this long is a stall.
    pub stall: Duration,
    /// A small body (a manifest, a token) is read within this long in all.
    pub request: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { stall: Duration::from_secs(30), request: Duration::from_secs(120) }
    }
}

impl Limits {
    /// The defaults, overridden by `SKIFF_REGISTRY_STALL_TIMEOUT` and
    /// `SKIFF_REGISTRY_REQUEST_TIMEOUT` (seconds; invalid values are ignored).
    pub fn from_env() -> Limits {
        let secs = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .map(Duration::from_secs_f64)
        };
        let d = Limits::default();
        Limits {
            stall: secs("SKIFF_REGISTRY_STALL_TIMEOUT").unwrap_or(d.stall),
            request: secs("SKIFF_REGISTRY_REQUEST_TIMEOUT").unwrap_or(d.request),
        }
    }
}

/// `n` bytes as "4 MiB", "1.04 MiB", "1 TiB".
pub fn human_size(n: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if v.fract() == 0.0 {
        format!("{v:.0} {}", UNITS[unit])
    } else if v < 10.0 {
        format!("{v:.2} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// Text from a registry or an image made safe to print on one line: control characters
/// (terminal escapes, newlines) are written as `\u{1b}`-style escapes.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn stalled_message(what: &str, url: &str, stall: Duration) -> String {
    format!(
        "registry stalled: {what} from {url} made no progress for {} s (SKIFF_REGISTRY_STALL_TIMEOUT)",
        stall.as_secs_f64()
    )
}

/// The transport for one registry: its scheme and the client to use.
#[derive(Clone, Copy)]
pub(crate) struct Transport<'a> {
    pub scheme: &'static str,
    pub client: &'a reqwest::Client,
}

/// HTTP clients and the authorization values obtained so far.
///
/// The clients are built on first use: building one that checks certificates reads and parses
/// every system root certificate (/etc/ssl/certs: ~900 files, milliseconds), which a pull from a
/// plain-http registry, or of an image whose answer needs no TLS, does not need.
pub(crate) struct Http {
    user_agent: &'static str,
    verified: OnceLock<reqwest::Client>,
    unverified: OnceLock<reqwest::Client>,
    pub limits: Limits,
    /// (registry, repository) -> `Authorization` header value.
    auth: Mutex<HashMap<(String, String), HeaderValue>>,
}

impl Http {
    pub fn new(user_agent: &'static str, limits: Limits) -> Http {
        Http {
            user_agent,
            verified: OnceLock::new(),
            unverified: OnceLock::new(),
            limits,
            auth: Mutex::default(),
        }
    }

    /// The client that checks certificates (`verify`) or the one that does not, built once.
    fn client(&self, verify: bool) -> &reqwest::Client {
        let cell = if verify { &self.verified } else { &self.unverified };
        cell.get_or_init(|| {
            reqwest::Client::builder()
                .user_agent(self.user_agent)
                .connect_timeout(Duration::from_secs(30))
                .danger_accept_invalid_certs(!verify)
                .build()
                .unwrap_or_default()
        })
    }

    pub fn transport(&self, scheme: &'static str, verify: bool) -> Transport<'_> {
        Transport { scheme, client: self.client(verify) }
    }

    /// Whether `registry` answers https at all (any HTTP answer counts), for insecure registries.
    pub async fn speaks_tls(&self, registry: &str) -> bool {
        let url = format!("https://{registry}/v2/");
        let req = self.client(false).get(&url).send();
        matches!(tokio::time::timeout(self.limits.stall.min(self.limits.request), req).await, Ok(Ok(_)))
    }

    /// Sends GET `url` (for `r`'s repository), authenticating on a 401 challenge with `basic`
    /// credentials if any. Returns the answer, whatever its status, once its headers are in.
    pub async fn get(
        &self,
        t: Transport<'_>,
        r: &Reference,
        url: &str,
        accept: Option<&str>,
        basic: Option<&(String, String)>,
    ) -> Result<Response> {
        let key = (r.registry.clone(), r.repository.clone());
        let cached = self.auth.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned();
        let res = self.send(t, r, url, accept, cached.as_ref()).await?;
        if res.status() != StatusCode::UNAUTHORIZED {
            return Ok(res);
        }
        let challenge = res.headers().get(WWW_AUTHENTICATE).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let Some(challenge) = challenge else { return Ok(res) };
        let value = match parse_challenge(&challenge) {
            Challenge::Bearer { realm, service } => {
                let token = self.token(t, r, &realm, service.as_deref(), basic).await?;
                HeaderValue::from_str(&format!("Bearer {token}"))
                    .map_err(|_| self.error(r, "the token service sent a token that is not valid text"))?
            }
            Challenge::Basic => match basic {
                Some(creds) => basic_value(creds),
                None => return Ok(res),
            },
            Challenge::Other => return Ok(res),
        };
        if cached.as_ref() == Some(&value) {
            return Ok(res);
        }
        drop(res);
        self.auth.lock().unwrap_or_else(|e| e.into_inner()).insert(key, value.clone());
        self.send(t, r, url, accept, Some(&value)).await
    }

    async fn send(
        &self,
        t: Transport<'_>,
        r: &Reference,
        url: &str,
        accept: Option<&str>,
        auth: Option<&HeaderValue>,
    ) -> Result<Response> {
        let mut headers = HeaderMap::new();
        if let Some(a) = accept.and_then(|a| HeaderValue::from_str(a).ok()) {
            headers.insert(ACCEPT, a);
        }
        if let Some(a) = auth {
            headers.insert(AUTHORIZATION, a.clone());
        }
        // Nothing at all until the answer's head is in: no progress, a stall.
        let wait = self.limits.stall.min(self.limits.request);
        let req = t.client.get(url).headers(headers).send();
        match tokio::time::timeout(wait, req).await {
            Err(_) => Err(self.stalled(r, "the answer", url, wait)),
            Ok(Err(e)) if e.is_timeout() => Err(self.stalled(r, "the answer", url, self.limits.stall)),
            Ok(Err(e)) => {
                Err(super::registry::map_error(OciDistributionError::RequestError(e), r, "manifest"))
            }
            Ok(Ok(res)) => Ok(res),
        }
    }

    /// Asks the token service at `realm` for a pull token for `r`'s repository.
    async fn token(
        &self,
        t: Transport<'_>,
        r: &Reference,
        realm: &str,
        service: Option<&str>,
        basic: Option<&(String, String)>,
    ) -> Result<String> {
        let scope = format!("repository:{}:pull", r.to_oci().repository());
        let mut query = vec![("scope", scope.as_str())];
        if let Some(s) = service {
            query.push(("service", s));
        }
        let mut req = t.client.get(realm).query(&query);
        if let Some(creds) = basic {
            req = req.header(AUTHORIZATION, basic_value(creds));
        }
        let url = realm.to_string();
        let wait = self.limits.stall.min(self.limits.request);
        let res = match tokio::time::timeout(wait, req.send()).await {
            Err(_) => return Err(self.stalled(r, "the token", &url, wait)),
            Ok(Err(e)) if e.is_timeout() => {
                return Err(self.stalled(r, "the token", &url, self.limits.stall))
            }
            Ok(Err(e)) => {
                return Err(super::registry::map_error(OciDistributionError::RequestError(e), r, "manifest"))
            }
            Ok(Ok(res)) => res,
        };
        let status = res.status();
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            return Err(Error::Unauthorized { reference: r.to_string() });
        }
        if !status.is_success() {
            return Err(self.status_error(r, res, "token").await);
        }
        let body = self.read_capped(r, res, MAX_TOKEN, "token").await?;
        #[derive(serde::Deserialize)]
        struct Token {
            token: Option<String>,
            access_token: Option<String>,
        }
        let parsed: Token = serde_json::from_slice(&body)
            .map_err(|e| self.error(r, &format!("the token service at {url} sent no valid token: {e}")))?;
        parsed
            .token
            .or(parsed.access_token)
            .ok_or_else(|| self.error(r, &format!("the token service at {url} sent no token")))
    }

    /// Reads the whole body, failing past `limit` bytes or when it stalls.
    pub async fn read_capped(
        &self,
        r: &Reference,
        mut res: Response,
        limit: usize,
        what: &'static str,
    ) -> Result<Vec<u8>> {
        let url = res.url().to_string();
        let too_large = || Error::TooLarge {
            registry: r.registry.clone(),
            what,
            url: url.clone(),
            limit: human_size(limit as u64),
        };
        if res.content_length().is_some_and(|l| l > limit as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        let deadline = Instant::now() + self.limits.request;
        let mut window = (Instant::now(), 0u64);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let chunk = match tokio::time::timeout(left.min(self.limits.stall), res.chunk()).await {
                Err(_) if left <= self.limits.stall => {
                    return Err(self.stalled(r, what, &url, self.limits.request))
                }
                Err(_) => return Err(self.stalled(r, what, &url, self.limits.stall)),
                Ok(Err(e)) if e.is_timeout() => return Err(self.stalled(r, what, &url, self.limits.stall)),
                Ok(Err(e)) => {
                    return Err(self
                        .error(r, &format!("reading the {what} from {url}: {}", printable(&e.to_string()))))
                }
                Ok(Ok(None)) => return Ok(body),
                Ok(Ok(Some(c))) => c,
            };
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
            window.1 += chunk.len() as u64;
            if window.0.elapsed() >= self.limits.stall {
                if window.1 < MIN_PROGRESS {
                    return Err(self.stalled(r, what, &url, self.limits.stall));
                }
                window = (Instant::now(), 0);
            }
        }
    }

    /// The error for a non-success answer: its error envelope or first bytes, read up to
    /// [`MAX_ERROR_BODY`] (and never longer than the request limit).
    pub async fn status_error(&self, r: &Reference, mut res: Response, what: &'static str) -> Error {
        let status = res.status();
        let url = res.url().to_string();
        let mut body = Vec::new();
        let deadline = Instant::now() + self.limits.request.min(self.limits.stall);
        while body.len() < MAX_ERROR_BODY {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, res.chunk()).await {
                Ok(Ok(Some(c))) => body.extend_from_slice(&c),
                _ => break,
            }
        }
        body.truncate(MAX_ERROR_BODY);
        let e = if status == StatusCode::UNAUTHORIZED {
            OciDistributionError::UnauthorizedError { url }
        } else {
            match serde_json::from_slice::<OciEnvelope>(&body) {
                Ok(envelope) if status.is_client_error() => {
                    OciDistributionError::RegistryError { envelope, url }
                }
                _ => OciDistributionError::ServerError {
                    code: status.as_u16(),
                    url,
                    message: String::from_utf8_lossy(&body).into_owned(),
                },
            }
        };
        super::registry::map_error(e, r, what)
    }

    fn stalled(&self, r: &Reference, what: &str, url: &str, after: Duration) -> Error {
        Error::Stalled { registry: r.registry.clone(), message: stalled_message(what, url, after) }
    }

    fn error(&self, r: &Reference, message: &str) -> Error {
        Error::Registry {
            registry: r.registry.clone(),
            reference: r.to_string(),
            message: message.to_string(),
        }
    }
}

fn basic_value(creds: &(String, String)) -> HeaderValue {
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", creds.0, creds.1));
    let mut v = HeaderValue::from_str(&format!("Basic {encoded}")).unwrap_or(HeaderValue::from_static(""));
    v.set_sensitive(true);
    v
}

#[derive(Debug, PartialEq, Eq)]
enum Challenge {
    Bearer { realm: String, service: Option<String> },
    Basic,
    Other,
}

/// Parses a `WWW-Authenticate` value (`Bearer realm="...",service="...",scope="..."`).
fn parse_challenge(value: &str) -> Challenge {
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value.trim(), ""));
    if scheme.eq_ignore_ascii_case("basic") {
        return Challenge::Basic;
    }
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Challenge::Other;
    }
    let mut params: HashMap<String, String> = HashMap::new();
    let mut rest = rest.trim();
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else { break };
        let key = key.trim().trim_start_matches(',').trim().to_ascii_lowercase();
        let after = after.trim_start();
        let (val, tail) = if let Some(q) = after.strip_prefix('"') {
            match q.find('"') {
                Some(end) => (&q[..end], &q[end + 1..]),
                None => (q, ""),
            }
        } else {
            match after.find(',') {
                Some(end) => (&after[..end], &after[end..]),
                None => (after, ""),
            }
        };
        params.insert(key, val.to_string());
        rest = tail.trim_start().trim_start_matches(',').trim_start();
    }
    match params.remove("realm") {
        Some(realm) => Challenge::Bearer { realm, service: params.remove("service") },
        None => Challenge::Other,
    }
}

/// `inner` with stall detection: fewer than [`MIN_PROGRESS`] bytes in `stall` is an error
/// naming `url`.
pub fn guard_stalls(
    inner: impl Stream<Item = io::Result<Bytes>> + Send + Unpin + 'static,
    url: String,
    stall: Duration,
) -> impl Stream<Item = io::Result<Bytes>> + Send + 'static {
    struct State<S> {
        inner: S,
        /// Time spent waiting on the network, and bytes received, since the window opened: the
        /// time the consumer takes (unpacking to a slow disk) is not the registry's.
        waited: Duration,
        bytes: u64,
        done: bool,
    }
    let state = State { inner, waited: Duration::ZERO, bytes: 0, done: false };
    futures_util::stream::unfold(state, move |mut st| {
        let url = url.clone();
        async move {
            if st.done {
                return None;
            }
            let stalled = |st: State<_>| {
                let e = io::Error::new(io::ErrorKind::TimedOut, stalled_message("the blob", &url, stall));
                Some((Err(e), State { done: true, ..st }))
            };
            let started = Instant::now();
            let next = tokio::time::timeout(stall.saturating_sub(st.waited), st.inner.next()).await;
            st.waited += started.elapsed();
            match next {
                Err(_) => stalled(st),
                Ok(None) => None,
                Ok(Some(Err(e))) => {
                    st.done = true;
                    Some((Err(e), st))
                }
                Ok(Some(Ok(chunk))) => {
                    st.bytes += chunk.len() as u64;
                    if st.bytes >= MIN_PROGRESS {
                        (st.waited, st.bytes) = (Duration::ZERO, 0);
                    } else if st.waited >= stall {
                        return stalled(st);
                    }
                    Some((Ok(chunk), st))
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges() {
        assert_eq!(
            parse_challenge(
                r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/debian:pull""#
            ),
            Challenge::Bearer {
                realm: "https://auth.docker.io/token".into(),
                service: Some("registry.docker.io".into())
            }
        );
        assert_eq!(parse_challenge(r#"Basic realm="Registry Realm""#), Challenge::Basic);
        assert_eq!(
            parse_challenge("Bearer realm=http://x/t"),
            Challenge::Bearer { realm: "http://x/t".into(), service: None }
        );
        assert_eq!(parse_challenge("Negotiate"), Challenge::Other);
    }

    #[test]
    fn sizes_and_printable_text() {
        assert_eq!(human_size(4 << 20), "4 MiB");
        assert_eq!(human_size(1 << 20), "1 MiB");
        assert_eq!(human_size(1 << 40), "1 TiB");
        assert_eq!(human_size((1 << 20) + 40_000), "1.04 MiB");
        assert_eq!(printable("a\x1b[2Jb\nc"), "a\\u{1b}[2Jb\\nc");
    }

    #[tokio::test]
    async fn a_slow_stream_is_a_stall_naming_the_url() {
        let slow = futures_util::stream::unfold(0, |i| async move {
            tokio::time::sleep(Duration::from_millis(30)).await;
            (i < 100).then(|| (Ok(Bytes::from_static(b"x")), i + 1))
        });
        let mut s = Box::pin(guard_stalls(
            Box::pin(slow),
            "http://r/v2/x/blobs/d".into(),
            Duration::from_millis(100),
        ));
        let mut err = None;
        while let Some(item) = s.next().await {
            if let Err(e) = item {
                err = Some(e);
            }
        }
        let e = err.expect("a stall");
        assert!(e.to_string().contains("http://r/v2/x/blobs/d") && e.to_string().contains("stalled"), "{e}");
    }
}
