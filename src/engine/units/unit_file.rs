//! The systemd unit file format, as systemd reads it (systemd.syntax(7)): `[Section]` headers,
//! `Key=Value` lines, `#` and `;` comments, a trailing backslash continuing a line (comment lines
//! inside a continuation are skipped), repeated keys kept in order; and the quoting of values that
//! hold several words (`Exec=`, `Environment=`): double or single quotes, C escapes.
//!
//! No INI crate handles continuation lines and systemd's quoting, and the format is small: this is
//! the whole of it that Quadlet files and generated units need.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Errors of reading a unit file; each names the file and line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("{path}:{line}: {reason}")]
    Syntax { path: PathBuf, line: usize, reason: String },
}

/// One `Key=Value` line, with the line number it started on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// One `[Section]` and its entries, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub line: usize,
    pub entries: Vec<Entry>,
}

/// A parsed unit file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitFile {
    pub path: PathBuf,
    pub sections: Vec<Section>,
}

impl UnitFile {
    /// Parses `text`, read from `path` (named in errors).
    pub fn parse(path: &Path, text: &str) -> Result<UnitFile, Error> {
        let err = |line: usize, reason: String| Error::Syntax { path: path.to_path_buf(), line, reason };
        let mut unit = UnitFile { path: path.to_path_buf(), sections: Vec::new() };
        let mut pending: Option<(usize, String)> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim();
            if line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            let (start, mut joined) = match pending.take() {
                Some((start, so_far)) => (start, so_far + " " + line),
                None => (n, line.to_string()),
            };
            if joined.ends_with('\\') {
                joined.pop();
                pending = Some((start, joined.trim_end().to_string()));
                continue;
            }
            let line = joined.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .ok_or_else(|| err(start, format!("bad section header {line:?}")))?;
                if name.is_empty() || name.contains(['[', ']']) {
                    return Err(err(start, format!("bad section header {line:?}")));
                }
                unit.sections.push(Section { name: name.to_string(), line: start, entries: Vec::new() });
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(err(start, format!("expected KEY=VALUE or [Section], found {line:?}")));
            };
            let key = key.trim();
            if key.is_empty() || key.contains(char::is_whitespace) {
                return Err(err(start, format!("bad key {key:?}")));
            }
            let Some(section) = unit.sections.last_mut() else {
                return Err(err(start, format!("{key}= before any [Section]")));
            };
            section.entries.push(Entry {
                key: key.to_string(),
                value: value.trim().to_string(),
                line: start,
            });
        }
        if let Some((start, _)) = pending {
            return Err(err(start, "the file ends inside a continued line (trailing backslash)".into()));
        }
        Ok(unit)
    }

    /// The sections named `name` (a name may repeat; systemd merges them).
    pub fn sections<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Section> + 'a {
        self.sections.iter().filter(move |s| s.name == name)
    }

    /// Every entry of the sections named `name`, in order.
    pub fn entries<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.sections(name).flat_map(|s| s.entries.iter())
    }
}

/// Builds the text of a unit: sections in the order they are added.
#[derive(Debug, Clone, Default)]
pub struct UnitWriter {
    header: Vec<String>,
    sections: Vec<(String, Vec<(String, String)>)>,
}

impl UnitWriter {
    /// A comment line at the top (without `# `).
    pub fn comment(&mut self, text: &str) -> &mut Self {
        self.header.push(text.to_string());
        self
    }

    /// Adds `key=value` to section `name` (created at the end when new).
    pub fn add(&mut self, section: &str, key: &str, value: &str) -> &mut Self {
        let i = match self.sections.iter().position(|(n, _)| n == section) {
            Some(i) => i,
            None => {
                self.sections.push((section.to_string(), Vec::new()));
                self.sections.len() - 1
            }
        };
        self.sections[i].1.push((key.to_string(), value.to_string()));
        self
    }

    /// Makes sure section `name` exists (an empty section is written as a header).
    pub fn section(&mut self, section: &str) -> &mut Self {
        if !self.sections.iter().any(|(n, _)| n == section) {
            self.sections.push((section.to_string(), Vec::new()));
        }
        self
    }

    /// The values of `key` in `section`.
    pub fn values(&self, section: &str, key: &str) -> Vec<&str> {
        self.sections
            .iter()
            .filter(|(n, _)| n == section)
            .flat_map(|(_, e)| e.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()))
            .collect()
    }

    /// The unit's text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for h in &self.header {
            let _ = writeln!(out, "# {h}");
        }
        for (name, entries) in &self.sections {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(out, "[{name}]");
            for (k, v) in entries {
                let _ = writeln!(out, "{k}={v}");
            }
        }
        out
    }
}

/// Splits a value into words as systemd does for `Exec=` and `Environment=`: whitespace
/// separates words; double or single quotes group (and are removed); backslash escapes (`\n`,
/// `\t`, `\\`, `\"`, `\'`, `\ `, `\xHH`) are decoded.
pub fn split_words(value: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(words);
        }
        let mut word = String::new();
        let mut quote: Option<char> = None;
        while let Some(c) = chars.next() {
            match (c, quote) {
                ('\\', _) => {
                    let e = chars.next().ok_or_else(|| format!("trailing backslash in {value:?}"))?;
                    match e {
                        'n' => word.push('\n'),
                        't' => word.push('\t'),
                        'r' => word.push('\r'),
                        'x' => {
                            let hex: String = chars.by_ref().take(2).collect();
                            let b = u8::from_str_radix(&hex, 16)
                                .map_err(|_| format!("bad \\x escape in {value:?}"))?;
                            word.push(b as char);
                        }
                        other => word.push(other),
                    }
                }
                (q @ ('"' | '\''), None) => quote = Some(q),
                (q, Some(open)) if q == open => quote = None,
                (c, None) if c.is_whitespace() => break,
                (c, _) => word.push(c),
            }
        }
        if let Some(q) = quote {
            return Err(format!("unbalanced {q} in {value:?}"));
        }
        words.push(word);
    }
}

/// How [`quote_word`] treats systemd's specifiers (`%n`, `%h`). Variables (`$X`) are always
/// escaped (`$$`): a `$` in a value reaches the command (a container's shell) as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Specifiers {
    /// Written as given: systemd expands them (Quadlet values are meant to use them).
    Keep,
    /// Escaped (`%%`): the word reaches the command as it is (generated from a container).
    Escape,
}

/// One word of an `Exec=` line, quoted so that systemd splits it back to `word`.
pub fn quote_word(word: &str, specifiers: Specifiers) -> String {
    let mut body = String::new();
    for c in word.chars() {
        match c {
            '\\' => body.push_str("\\\\"),
            '"' => body.push_str("\\\""),
            '\n' => body.push_str("\\n"),
            '\t' => body.push_str("\\t"),
            '%' if specifiers == Specifiers::Escape => body.push_str("%%"),
            '$' => body.push_str("$$"),
            c => body.push(c),
        }
    }
    let plain =
        !word.is_empty() && !word.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | ';'));
    if plain {
        body
    } else {
        format!("\"{body}\"")
    }
}

/// An `Exec=` value from its words: on one line when short, else continued over lines after the
/// first two words, an option and its value (`--name web`) on one line, as podman prints long
/// command lines.
pub fn exec_line(words: &[String], specifiers: Specifiers) -> String {
    let quoted: Vec<String> = words.iter().map(|w| quote_word(w, specifiers)).collect();
    let one = quoted.join(" ");
    if one.len() <= 80 {
        return one;
    }
    let mut out = quoted[..2.min(quoted.len())].join(" ");
    let mut i = 2;
    while i < quoted.len() {
        out.push_str(" \\\n\t");
        out.push_str(&quoted[i]);
        let option = quoted[i].starts_with('-') && !quoted[i].contains('=');
        if option && quoted.get(i + 1).is_some_and(|n| !n.starts_with('-')) {
            out.push(' ');
            out.push_str(&quoted[i + 1]);
            i += 1;
        }
        i += 1;
    }
    out
}

/// systemd's truth values.
pub fn parse_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "t" | "on" => Some(true),
        "0" | "no" | "n" | "false" | "f" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_continuations_and_comments() {
        let text = "# top\n[Unit]\nDescription = a web app\n\n[Container]\nImage=web\nExec=sh -c \\\n# skipped\n  \"echo hi\"\nEnvironment=A=1\nEnvironment=B=2\n";
        let u = UnitFile::parse(Path::new("/x/web.container"), text).unwrap();
        assert_eq!(u.sections.len(), 2);
        let c: Vec<_> = u.entries("Container").map(|e| (e.key.as_str(), e.value.as_str(), e.line)).collect();
        assert_eq!(
            c,
            [
                ("Image", "web", 6),
                ("Exec", "sh -c \"echo hi\"", 7),
                ("Environment", "A=1", 10),
                ("Environment", "B=2", 11)
            ]
        );
        assert_eq!(u.entries("Unit").next().unwrap().value, "a web app");
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let e = UnitFile::parse(Path::new("/x/a.container"), "[Container]\nImage web\n").unwrap_err();
        assert_eq!(e.to_string(), "/x/a.container:2: expected KEY=VALUE or [Section], found \"Image web\"");
        let e = UnitFile::parse(Path::new("a"), "Image=x\n").unwrap_err();
        assert!(e.to_string().starts_with("a:1: Image= before any [Section]"), "{e}");
        let e = UnitFile::parse(Path::new("a"), "[C]\nExec=a \\\n").unwrap_err();
        assert!(e.to_string().contains("a:2: the file ends inside a continued line"), "{e}");
    }

    #[test]
    fn splits_and_quotes_words_as_systemd() {
        assert_eq!(
            split_words(r#"sh -c "echo 'a b'" x\ y 'q"q'"#).unwrap(),
            ["sh", "-c", "echo 'a b'", "x y", "q\"q"]
        );
        assert_eq!(split_words("A=1 \"B=two words\"").unwrap(), ["A=1", "B=two words"]);
        assert_eq!(split_words(r"a\tb \x41").unwrap(), ["a\tb", "A"]);
        assert!(split_words("\"open").is_err());
        for w in ["plain", "two words", "quo\"te", "back\\slash", "", "semi;colon", "tab\there"] {
            let q = quote_word(w, Specifiers::Keep);
            assert_eq!(split_words(&q).unwrap(), [w], "{q}");
        }
        assert_eq!(quote_word("BAR=%s $HOME", Specifiers::Escape), "\"BAR=%%s $$HOME\"");
        assert_eq!(quote_word("%h/data", Specifiers::Keep), "%h/data");
        assert_eq!(quote_word("$HOME", Specifiers::Keep), "$$HOME");
        let words: Vec<String> = ["/bin/skiff", "run", "--rm", "-d", "img"].map(String::from).to_vec();
        assert_eq!(exec_line(&words, Specifiers::Keep), "/bin/skiff run --rm -d img");
        let long = [
            "/usr/local/bin/skiff",
            "run",
            "--rm",
            "--name",
            "a-rather-long-name",
            "--replace",
            "registry/image:1",
        ];
        let words: Vec<String> = long.map(String::from).to_vec();
        let line = exec_line(&words, Specifiers::Keep);
        assert_eq!(
            line,
            "/usr/local/bin/skiff run \\\n\t--rm \\\n\t--name a-rather-long-name \\\n\t--replace registry/image:1"
        );
        assert_eq!(split_words(&line.replace("\\\n", " ")).unwrap(), long);
    }
}
