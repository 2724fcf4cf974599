//! Error reporting: one `Error: what failed: why` line, then a `hint:` line where the fix is known.
//! The exit code is chosen here too: 125 for skiff's own errors unless the error says otherwise.

use super::exit::Exit;
use super::printer::Printer;
use crate::engine;

/// An error that carries its own exit code (126/127 for commands that cannot run, ...).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct WithExit {
    pub message: String,
    pub exit: Exit,
}

/// The errors of a command that works through several names (`stop a b c`): each error but the
/// last is printed when the next one comes; the last is the command's result (and its exit code).
pub struct Failures<'a> {
    printer: &'a Printer,
    last: Option<anyhow::Error>,
}

impl<'a> Failures<'a> {
    pub fn new(printer: &'a Printer) -> Self {
        Failures { printer, last: None }
    }

    pub fn add(&mut self, e: anyhow::Error) {
        if let Some(prev) = self.last.replace(e) {
            self.printer.error(&format!("Error: {prev:#}"));
        }
    }

    /// The last error, if any (the others have been printed).
    pub fn into_last(self) -> Option<anyhow::Error> {
        self.last
    }

    pub fn finish(self) -> anyhow::Result<Exit> {
        match self.last {
            Some(e) => Err(e),
            None => Ok(Exit::SUCCESS),
        }
    }
}

/// Prints `err` once and returns the exit status to use.
pub fn report(printer: &Printer, err: &anyhow::Error) -> Exit {
    let mut line = String::from("Error: ");
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let t = cause.to_string();
        if !t.is_empty() && !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
    }
    line.push_str(&parts.join(": "));
    printer.error(&line);
    if let Some(h) = hint(err) {
        printer.error(&format!("hint: {h}"));
    }
    // A `WithExit` given as context is not one of the chain's types: asked for directly.
    err.downcast_ref::<WithExit>()
        .map(|w| w.exit)
        .or_else(|| err.chain().find_map(|c| c.downcast_ref::<WithExit>().map(|w| w.exit)))
        .unwrap_or(Exit::SKIFF_ERROR)
}

/// The known fix for an error, if any: the `hint()` of the first error in the chain that has one.
pub fn hint(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(hint_of)
}

/// The `hint()` of `cause`, if it is one of the error types that know fixes.
fn hint_of(cause: &(dyn std::error::Error + 'static)) -> Option<String> {
    macro_rules! first_hint {
        ($($ty:ty),* $(,)?) => {
            None $(.or_else(|| cause.downcast_ref::<$ty>().and_then(|e| e.hint())))*
        };
    }
    first_hint!(
        engine::ImageError,
        engine::Error,
        engine::data::Error,
        engine::exec::Error,
        engine::NetworkError,
        engine::UsernsError,
        engine::context::Error,
        engine::manifests::Error,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_come_from_the_errors_that_know_them() {
        let missing = engine::UsernsError::HelperMissing { program: "newuidmap", user: "alice".into() };
        let h = hint(&anyhow::Error::from(missing).context("cannot start")).unwrap();
        assert!(h.starts_with("install the uidmap package"), "{h}");
        // Wrapped by context::Error: the userns error below it answers.
        let wrapped = engine::context::Error::Userns(engine::UsernsError::Unshare(nix::errno::Errno::EPERM));
        assert!(hint(&wrapped.into()).unwrap().starts_with("unprivileged user namespaces may be disabled"));
        let not_dir = engine::context::Error::NotADirectory { path: "/tmp/x".into() };
        assert!(hint(&not_dir.into()).unwrap().starts_with("--root and --runroot must name directories"));
        // podman's scripts compare the whole message of an unknown image: no hint follows it.
        let unknown = engine::Error::ImageNotKnown { name: "alpine".into() };
        assert_eq!(hint(&unknown.into()), None);
        assert_eq!(hint(&anyhow::anyhow!("no fix known")), None);
    }
}
