//! `ADD <URL>`: downloads a remote file (http or https) into a scratch file, as docker's and
//! buildah's ADD do: the file is not extracted, its mode is 0600 unless `--chmod` says otherwise,
//! its mtime is the answer's `Last-Modified` when there is one. The content (not the URL alone)
//! keys the cache, so a changed remote file is a miss.
//!
//! The download runs on a current-thread async runtime that is dropped (its blocking threads
//! joined) before this returns: a RUN step after it needs a single-threaded process. A hostile
//! or dead server cannot hang the build: connecting and each read have time limits.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Why a URL cannot be added.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// podman's words.
    #[error("source can't be a URL for COPY ({url}; ADD downloads it)")]
    CopyUrl { url: String },
    #[error("{url}: only http and https URLs can be added")]
    Scheme { url: String },
    #[error("{url}: {message}")]
    Http { url: String, message: String },
    #[error("{url}: the server answered {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: the URL names no file; give a file name as the destination")]
    NoName { url: String },
    #[error("cannot write the download of {url}")]
    Write {
        url: String,
        #[source]
        source: std::io::Error,
    },
}

/// What a download gave.
#[derive(Debug)]
pub struct Fetched {
    /// The file name the URL's path ends with (for a directory destination).
    pub name: Option<String>,
    /// `Last-Modified`, in seconds since the epoch.
    pub mtime: Option<i64>,
}

/// Whether `source` (an ADD source) is a URL.
pub fn is_url(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The last non-empty segment of the URL's path.
fn file_name(url: &reqwest::Url) -> Option<String> {
    url.path_segments()?.rev().find(|s| !s.is_empty()).map(String::from)
}

/// Downloads `url` into `to` (created or truncated).
pub fn fetch(url: &str, to: &Path) -> Result<Fetched, Error> {
    let http = |message: String| Error::Http { url: url.into(), message };
    let parsed = reqwest::Url::parse(url).map_err(|e| http(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::Scheme { url: url.into() });
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| http(format!("cannot start the async runtime: {e}")))?;
    let result = rt.block_on(download(parsed, url, to));
    // Blocking threads (name resolution) end with the runtime.
    rt.shutdown_timeout(Duration::from_secs(5));
    result
}

async fn download(parsed: reqwest::Url, url: &str, to: &Path) -> Result<Fetched, Error> {
    let http = |message: String| Error::Http { url: url.into(), message };
    let client = reqwest::Client::builder()
        .user_agent(concat!("skiff/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(30))
        .read_timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| http(e.to_string()))?;
    let mut resp = client.get(parsed.clone()).send().await.map_err(|e| http(e.to_string()))?;
    if !resp.status().is_success() {
        return Err(Error::Status { url: url.into(), status: resp.status().as_u16() });
    }
    let mtime = resp
        .headers()
        .get(reqwest::header::LAST_MODIFIED)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok())
        .map(|d| d.timestamp());
    let name = file_name(resp.url()).or_else(|| file_name(&parsed));
    let w = |source| Error::Write { url: url.into(), source };
    let mut file = std::io::BufWriter::new(fs_err::File::create(to).map_err(w)?);
    while let Some(chunk) = resp.chunk().await.map_err(|e| http(e.to_string()))? {
        file.write_all(&chunk).map_err(w)?;
    }
    file.flush().map_err(w)?;
    Ok(Fetched { name, mtime })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_schemes() {
        assert!(is_url("https://example.com/x") && is_url("HTTP://x/y") && !is_url("ftp://x/y"));
        let u = reqwest::Url::parse("http://h/a/b.tar.gz?x=1").unwrap();
        assert_eq!(file_name(&u).as_deref(), Some("b.tar.gz"));
        assert_eq!(file_name(&reqwest::Url::parse("http://h/").unwrap()), None);
        let t = tempfile::tempdir().unwrap();
        assert!(matches!(
            fetch("file:///etc/passwd", &t.path().join("x")),
            Err(Error::Http { .. } | Error::Scheme { .. })
        ));
    }
}
