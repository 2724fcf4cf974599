//! Reading a container's log (`logs`): the k8s-file lines the supervisor writes
//! (`TIME STREAM TAG TEXT`, see [`crate::runtime::supervisor::k8s_lines`]) in the container's
//! storage directory ([`super::containers::log_path`]), read as they come ([`LogReader`]).

use std::path::PathBuf;

use super::containers::log_path;
use crate::storage::Store;

/// Errors of reading a log.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the log {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Read(std::io::Error),
}

/// `HostConfig.LogConfig` of `inspect`, as podman shows it.
pub fn log_config(store: &Store, id: &str) -> serde_json::Value {
    let extras = super::containers::Extras::load(store, id);
    let path = match extras.keeps_log() {
        true => extras.log_path.clone().unwrap_or_else(|| log_path(store, id)).to_string_lossy().into_owned(),
        false => String::new(),
    };
    serde_json::json!({
        "Type": extras.log_driver(),
        "Config": null,
        "Path": path,
        "Tag": extras.log_tag.clone().unwrap_or_default(),
        "Size": human_size(extras.log_size_max.unwrap_or(0)),
    })
}

/// A size as podman (go-units `HumanSize`) shows it: 4 significant digits, decimal units.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let mut size = bytes as f64;
    let mut i = 0;
    while size >= 1000.0 && i < UNITS.len() - 1 {
        size /= 1000.0;
        i += 1;
    }
    // %.4g: 4 significant digits, no trailing zeros.
    let digits = if size >= 1000.0 {
        0
    } else if size >= 100.0 {
        1
    } else if size >= 10.0 {
        2
    } else {
        3
    };
    let mut text = format!("{size:.digits$}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    format!("{text}{}", UNITS[i])
}

/// A size as podman (go-units `FromHumanSize`) reads it: a decimal number with an optional
/// unit, k/m/g/t/p (with or without a trailing `b`), powers of 1000.
pub fn parse_human_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_lowercase();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(end);
    let n: f64 = num.parse().ok()?;
    let mult = match unit.trim_end_matches('b').trim_end_matches('i') {
        "" => 1.0,
        "k" => 1e3,
        "m" => 1e6,
        "g" => 1e9,
        "t" => 1e12,
        "p" => 1e15,
        _ => return None,
    };
    (n >= 0.0).then_some((n * mult) as u64)
}

/// The error of `logs` for a container whose log driver keeps no log (`none`, `passthrough`).
pub fn not_logging(store: &Store, id: &str) -> Option<String> {
    let extras = super::containers::Extras::load(store, id);
    (!extras.keeps_log()).then(|| {
        format!(
            "this container is using the '{}' log driver, cannot read logs: this container is not logging output",
            extras.log_driver()
        )
    })
}

/// One k8s-file line: time, stderr or not, the text (with its newline unless partial).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// The time it was written, when it parses.
    pub time: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The time as written.
    pub time_text: String,
    pub stderr: bool,
    /// The output, ending with `\n` unless the line was partial (the next one continues it).
    pub text: Vec<u8>,
}

/// Parses one k8s-file line (without its newline).
pub fn parse_line(line: &[u8]) -> LogLine {
    let mut parts = line.splitn(4, |&b| b == b' ');
    let (time, stream, tag) = (parts.next(), parts.next(), parts.next());
    let data = parts.next().unwrap_or_default();
    let time_text = String::from_utf8_lossy(time.unwrap_or_default()).into_owned();
    let mut text = data.to_vec();
    if tag != Some(b"P".as_slice()) {
        text.push(b'\n');
    }
    LogLine {
        time: chrono::DateTime::parse_from_rfc3339(&time_text).ok(),
        time_text,
        stderr: stream == Some(b"stderr".as_slice()),
        text,
    }
}

/// Reads one container's log: what is there now, then, on each call, what came since.
#[derive(Debug)]
pub struct LogReader {
    path: PathBuf,
    file: Option<std::fs::File>,
    pending: Vec<u8>,
}

impl LogReader {
    /// The reader of container `id`'s log (which need not exist yet).
    pub fn new(store: &Store, id: &str) -> LogReader {
        let path = super::containers::Extras::load(store, id).log_path.unwrap_or_else(|| log_path(store, id));
        LogReader { path, file: None, pending: Vec::new() }
    }

    /// Complete lines appended since the last call (none while the log does not exist).
    pub fn read_lines(&mut self) -> Result<Vec<LogLine>, Error> {
        use std::io::Read;
        if self.file.is_none() {
            match fs_err::File::open(&self.path) {
                Ok(f) => self.file = Some(f.into()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
                Err(source) => return Err(Error::Open { path: self.path.clone(), source }),
            }
        }
        let Some(f) = self.file.as_mut() else { return Ok(Vec::new()) };
        f.read_to_end(&mut self.pending).map_err(Error::Read)?;
        let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') else { return Ok(Vec::new()) };
        let complete: Vec<u8> = self.pending.drain(..=end).collect();
        Ok(complete.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(parse_line).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_podman_reads_and_shows_them() {
        assert_eq!(parse_human_size("3.023m"), Some(3_023_000));
        assert_eq!(parse_human_size("10k"), Some(10_000));
        assert_eq!(parse_human_size("2MB"), Some(2_000_000));
        assert_eq!(parse_human_size("512"), Some(512));
        assert_eq!(parse_human_size("abc"), None);
        assert_eq!(parse_human_size("1x"), None);
        assert_eq!(human_size(3_023_000), "3.023MB");
        assert_eq!(human_size(1_010_000), "1.01MB");
        assert_eq!(human_size(0), "0B");
        assert_eq!(human_size(123_000), "123kB");
    }

    #[test]
    fn k8s_lines_parse() {
        let l = parse_line(b"2026-01-02T15:04:05.000000001+00:00 stderr F hello world");
        assert!(l.stderr && l.time.is_some());
        assert_eq!(l.text, b"hello world\n");
        let p = parse_line(b"2026-01-02T15:04:05.000000001+00:00 stdout P part");
        assert!(!p.stderr);
        assert_eq!(p.text, b"part");
    }

    #[test]
    fn the_reader_returns_complete_lines_as_they_come() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("ctr.log");
        let mut r = LogReader { path: path.clone(), file: None, pending: Vec::new() };
        assert!(r.read_lines().unwrap().is_empty());
        fs_err::write(&path, "2026-01-02T15:04:05Z stdout F one\n2026-01-02T15:04:06Z stdout F tw").unwrap();
        let lines = r.read_lines().unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, b"one\n");
        use std::io::Write;
        fs_err::OpenOptions::new().append(true).open(&path).unwrap().write_all(b"o\n").unwrap();
        assert_eq!(r.read_lines().unwrap()[0].text, b"two\n");
    }
}
