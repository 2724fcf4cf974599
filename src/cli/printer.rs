//! All user-facing output goes through the printer. A closed stdout (`skiff images | head`) is not
//! an error: the command stops writing and exits 0.
//!
//! Messages on stderr (info, warnings, errors) may quote what an image or a registry said: their
//! control characters other than newline and tab are escaped (`\u{1b}`), so that no terminal
//! escape from outside reaches the user's terminal. stdout is data and is written as is.

use std::io::Write;

#[derive(Debug, Default)]
pub struct Printer {
    quiet: bool,
    /// `--noout`: nothing goes to stdout.
    noout: bool,
}

impl Printer {
    pub fn new() -> Self {
        Printer { quiet: false, noout: false }
    }

    /// A printer that writes nothing to stdout (`--noout`).
    pub fn without_stdout() -> Self {
        Printer { quiet: false, noout: true }
    }

    /// Writes `text` to stdout as is. On a broken pipe the process exits 0, as ripgrep does.
    pub fn out(&self, text: &str) {
        if self.noout {
            return;
        }
        let mut o = std::io::stdout().lock();
        if let Err(e) = o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }

    /// Writes one line to stdout.
    pub fn line(&self, text: &str) {
        let mut s = String::with_capacity(text.len() + 1);
        s.push_str(text);
        s.push('\n');
        self.out(&s);
    }

    /// Writes a line of progress or information to stderr (silenced by quiet).
    pub fn info(&self, text: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{}", escape_controls(text));
        }
    }

    /// `WARN: ...` to stderr.
    pub fn warn(&self, text: &str) {
        let _ = writeln!(std::io::stderr().lock(), "WARN: {}", escape_controls(text));
    }

    /// The final error report to stderr.
    pub fn error(&self, text: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{}", escape_controls(text));
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn set_quiet(&mut self, quiet: bool) {
        self.quiet = quiet;
    }
}

/// `text` with control characters other than newline and tab written as escapes.
fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_terminal_controls_but_keeps_lines() {
        assert_eq!(super::escape_controls("a\x1b[2J\x07b\nhint: c\td"), "a\\u{1b}[2J\\u{7}b\nhint: c\td");
        assert!(matches!(super::escape_controls("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
