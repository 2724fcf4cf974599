//! Error reporting: one `Error: what failed: why` line, then a `hint:` line where the fix is known.
//! The exit code is chosen here too: 125 for skiff's own errors unless the error says otherwise.

use super::exit::Exit;
use super::printer::Printer;
use crate::engine::{self, context};
use crate::userns;

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
    err.chain().find_map(|c| c.downcast_ref::<WithExit>().map(|w| w.exit)).unwrap_or(Exit::SKIFF_ERROR)
}

/// The known fix for an error, if any.
pub fn hint(err: &anyhow::Error) -> Option<String> {
    for cause in err.chain() {
        let image_err =
            cause.downcast_ref::<crate::image::Error>().or(match cause.downcast_ref::<engine::Error>() {
                Some(engine::Error::Image(e)) => Some(e),
                _ => None,
            });
        if let Some(h) = image_err.and_then(|e| e.hint()) {
            return Some(h);
        }
        if let Some(h) = cause.downcast_ref::<engine::data::Error>().and_then(|e| e.hint()) {
            return Some(h);
        }
        if let Some(e) = cause.downcast_ref::<engine::Error>() {
            match e {
                engine::Error::ImageNotKnown { .. } => return Some("list local images with `skiff images`, or pull it first".into()),
                engine::Error::NoSearchRegistries { .. } => {
                    return Some("use a fully qualified name (registry/repository:tag) or add unqualified-search-registries to registries.conf".into())
                }
                _ => {}
            }
        }
        if let Some(h) = cause.downcast_ref::<crate::network::Error>().and_then(|e| e.hint()) {
            return Some(h);
        }
        if let Some(e) = cause.downcast_ref::<userns::Error>() {
            return Some(match e {
                userns::Error::HelperMissing { .. } => {
                    "install the uidmap package, which provides newuidmap and newgidmap (Debian/Ubuntu: apt-get install uidmap; Fedora: dnf install shadow-utils)".into()
                }
                userns::Error::HelperNotPrivileged { path } => {
                    format!("as root, make it setuid: chmod u+s {} (or reinstall the uidmap package)", path.display())
                }
                userns::Error::HelperFailed { .. } => {
                    "check that your /etc/subuid and /etc/subgid ranges do not overlap other users' and that newuidmap is setuid root".into()
                }
                userns::Error::Unshare(_) => {
                    "unprivileged user namespaces may be disabled: check sysctl kernel.unprivileged_userns_clone and user.max_user_namespaces".into()
                }
                _ => continue,
            });
        }
        if let Some(e) = cause.downcast_ref::<context::Error>() {
            return Some(match e {
                context::Error::NotADirectory { .. } => {
                    "--root and --runroot must name directories; pass another path or remove the file".into()
                }
                context::Error::CreateDir { .. } | context::Error::NotWritable { .. } => {
                    "pass a writable directory with --root/--runroot, or fix the permissions of the one named"
                        .into()
                }
                context::Error::RunrootNotOwned { .. } => {
                    "another user owns that directory; pass your own with --runroot or set XDG_RUNTIME_DIR"
                        .into()
                }
                context::Error::Userns(_) => continue,
            });
        }
    }
    None
}
