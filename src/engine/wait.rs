//! Waiting for a container to exit ([`wait`]), below the CLI.
//!
//! The exit code comes from the record once it says exited; for a running container, from the
//! supervisor, which tells attached clients the code before its cleanup (and so before a `--rm`
//! container's record goes); for a container removed meanwhile, from the last `exit.json` seen.

use std::path::Path;
use std::time::Duration;

use super::containers::run_dir;
use super::lifecycle;
use super::Context;
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::containers::{self as records, EXIT_CODE_UNKNOWN};
use crate::storage::{State, Store};

/// Errors of waiting.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Lifecycle(#[from] lifecycle::Error),
    #[error(transparent)]
    Container(#[from] records::Error),
    #[error("container {key} was removed before its exit code could be read")]
    Removed { key: String },
}

/// Waits until container `key` (name or id) has exited and returns its exit code (-1 when it
/// is unknown), checking every `interval`.
pub fn wait(ctx: &Context, store: &Store, key: &str, interval: Duration) -> Result<i32, Error> {
    let rec = lifecycle::lookup(ctx, store, key)?;
    let run_dir = run_dir(ctx, &rec.id);
    let mut last_exit = None;
    loop {
        // Read before the record: a `--rm` container may be gone by the next round.
        if let Some(exit) = ExitRecord::read(&run_dir) {
            last_exit = Some(exit.exit_code);
        }
        match store.find_container(&rec.id) {
            Ok(r) => {
                let r = lifecycle::reconcile(ctx, store, r)?;
                if matches!(r.state, State::Exited | State::Stopped) {
                    return Ok(r.exit_code.unwrap_or(EXIT_CODE_UNKNOWN));
                }
                if r.state == State::Running {
                    // The supervisor tells attached clients the code before its cleanup, which
                    // removes a `--rm` container: listen for it rather than poll.
                    if let Some(code) = exit_from_attach(&run_dir) {
                        return Ok(code);
                    }
                }
            }
            Err(records::Error::NotFound { .. }) => {
                return last_exit.ok_or_else(|| Error::Removed { key: key.to_string() });
            }
            Err(e) => return Err(e.into()),
        }
        std::thread::sleep(interval);
    }
}

/// Attaches to the container's supervisor without stdin and returns the exit code it sends
/// when the container exits; `None` when it cannot attach or the supervisor went away silently.
fn exit_from_attach(run_dir: &Path) -> Option<i32> {
    use std::io::Read;
    let mut stream = supervisor::connect(run_dir).ok()?;
    let (mut input, mut buf) = (Vec::new(), vec![0u8; 16 * 1024]);
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        input.extend_from_slice(&buf[..n]);
        for (kind, data) in supervisor::frame::decode(&mut input) {
            if kind == supervisor::frame::EXIT {
                return String::from_utf8_lossy(&data).trim().parse().ok();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::containers::tests::{opts, setup};
    use crate::engine::containers::{create, CreateOptions};
    use crate::engine::StorageDriver;

    #[test]
    fn an_exited_container_gives_its_code_and_an_unknown_one_an_error() {
        let (_t, ctx, store, _img) = setup(StorageDriver::Vfs);
        let c = create(&ctx, &store, "r/img:1", opts(), CreateOptions::default()).unwrap();
        store
            .update_container(&c.id, |r| {
                r.state = State::Exited;
                r.exit_code = Some(3);
                Ok::<_, super::super::Error>(())
            })
            .unwrap();
        assert_eq!(wait(&ctx, &store, &c.id, Duration::from_millis(1)).unwrap(), 3);
        assert!(wait(&ctx, &store, "nope", Duration::from_millis(1)).is_err());
    }
}
