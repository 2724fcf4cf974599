//! All user-facing output goes through the printer. A closed stdout (`skiff images | head`) is not
//! an error: the command stops writing and exits 0.

use std::io::Write;

#[derive(Debug, Default)]
pub struct Printer {
    quiet: bool,
}

impl Printer {
    pub fn new() -> Self {
        Printer { quiet: false }
    }

    /// Writes `text` to stdout as is. On a broken pipe the process exits 0, as ripgrep does.
    pub fn out(&self, text: &str) {
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
            let _ = writeln!(std::io::stderr().lock(), "{text}");
        }
    }

    /// `WARN: ...` to stderr.
    pub fn warn(&self, text: &str) {
        let _ = writeln!(std::io::stderr().lock(), "WARN: {text}");
    }

    /// The final error report to stderr.
    pub fn error(&self, text: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn set_quiet(&mut self, quiet: bool) {
        self.quiet = quiet;
    }
}
