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

/// The window over which a download must make progress, and how much (a trickling server).
const STALL_WINDOW: Duration = Duration::from_secs(60);
const MIN_BYTES_PER_WINDOW: u64 = 16 * 1024;

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
    let result = rt.block_on(download(parsed, url, to, STALL_WINDOW));
    // Blocking threads (name resolution) end with the runtime.
    rt.shutdown_timeout(Duration::from_secs(5));
    result
}

async fn download(parsed: reqwest::Url, url: &str, to: &Path, stall: Duration) -> Result<Fetched, Error> {
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
    // A server that trickles bytes (one per read timeout) would hold the build forever: every
    // window of STALL_WINDOW must bring at least MIN_BYTES_PER_WINDOW.
    let mut window = (std::time::Instant::now(), 0u64);
    while let Some(chunk) = resp.chunk().await.map_err(|e| http(e.to_string()))? {
        file.write_all(&chunk).map_err(w)?;
        window.1 += chunk.len() as u64;
        if window.0.elapsed() >= stall {
            if window.1 < MIN_BYTES_PER_WINDOW {
                return Err(http(format!(
                    "the server sent {} bytes in the last {:.1} s; giving up on a transfer that slow",
                    window.1,
                    stall.as_secs_f32()
                )));
            }
            window = (std::time::Instant::now(), 0);
        }
    }
    file.flush().map_err(w)?;
    Ok(Fetched { name, mtime })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trickling_server_is_given_up() {
        use std::io::{Read as _, Write as _};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            let (mut c, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let _ = c.read(&mut buf);
            let _ = c.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
            for _ in 0..200 {
                if c.write_all(b"x").is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let t = tempfile::tempdir().unwrap();
        let url = format!("http://127.0.0.1:{port}/slow");
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let started = std::time::Instant::now();
        let r = rt.block_on(download(
            reqwest::Url::parse(&url).unwrap(),
            &url,
            &t.path().join("x"),
            Duration::from_millis(300),
        ));
        let Err(e) = r else { panic!("a trickle must be refused") };
        let e = e.to_string();
        assert!(e.contains("giving up"), "{e}");
        assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    }

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
