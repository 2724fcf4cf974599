//! Forked helper processes that do one piece of work and report how it went, for the use cases
//! that must act from another namespace or root than the command's own (`cp` into or out of a
//! container): [`Helper`] is forked early and waits for its job; [`spawn`] forks a child that
//! starts at once.
//!
//! Protocol ([`crate::ipc`] frames over close-on-exec pipes): the parent sends one
//! [`Request::Run`] holding the job (a [`Helper`] dropped without a job gets EOF and exits 0); the
//! child sends [`Outcome::Failed`] when the work failed, nothing when it succeeded, and exits.
//!
//! Both fork, so both check first that the process has one thread (these are not on a hot path;
//! the container start forks through [`crate::sys::clone_child`] without the check). A panic in
//! the child aborts it (see [`crate::sys::fork_helper`]).

use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::Pid;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::ipc;

/// Errors of a helper process.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot fork a helper process from a process with {threads} threads")]
    Threads { threads: usize },
    #[error("cannot fork a helper process")]
    Fork(#[source] nix::Error),
    #[error(transparent)]
    Channel(#[from] ipc::Error),
    /// What the work reported (already naming what failed).
    #[error("{0}")]
    Failed(String),
    /// The child ended without a report; `status` is how (`waitpid`'s answer, debug-formatted).
    #[error("the {what} failed: {status}")]
    Died { what: &'static str, status: String },
}

/// From the parent to a [`Helper`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request<J> {
    Run(J),
}

impl<J: Serialize + DeserializeOwned> ipc::Message for Request<J> {
    fn kind(&self) -> &'static str {
        "a job"
    }
}

/// From a child to its parent (nothing: it succeeded).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Failed { message: String },
}

impl ipc::Message for Outcome {
    fn kind(&self) -> &'static str {
        "a failure"
    }
}

/// Forks after checking that this process has one thread (the precondition of
/// [`crate::sys::fork_keeping`]); `keep` is the parent's: it is dropped in the child before `f`
/// runs (so the child holds none of the parent's pipe ends) and handed back to the parent.
fn fork_checked<K>(keep: K, f: impl FnOnce() -> i32) -> Result<(Pid, K), Error> {
    match crate::sys::thread_count() {
        Some(1) => {}
        Some(threads) => return Err(Error::Threads { threads }),
        // Without /proc the count is unknown: refuse rather than risk it.
        None => return Err(Error::Threads { threads: 0 }),
    }
    // SAFETY: checked just above: this process has exactly one thread.
    #[allow(unsafe_code)]
    let forked = unsafe { crate::sys::fork_keeping(keep, f) };
    forked.map_err(Error::Fork)
}

/// A forked child's end: waits for it and collects its report.
#[derive(Debug)]
pub struct Child {
    pid: Pid,
    outcome: ipc::Receiver<Outcome>,
    what: &'static str,
}

impl Child {
    /// Waits for the child: `Ok` when it exited 0 without a report.
    pub fn finish(self) -> Result<(), Error> {
        let report = self.outcome.recv("the helper's outcome");
        let status = loop {
            match waitpid(self.pid, None) {
                Err(nix::errno::Errno::EINTR) => continue,
                other => break other,
            }
        };
        match (report, status) {
            (Ok(Some(Outcome::Failed { message })), _) => Err(Error::Failed(message)),
            (Ok(None), Ok(WaitStatus::Exited(_, 0))) => Ok(()),
            (Err(e), _) => Err(e.into()),
            (Ok(None), other) => Err(Error::Died { what: self.what, status: format!("{other:?}") }),
        }
    }
}

/// Runs `work` in a forked child now; `keep` (the parent's ends of pipes the child also uses)
/// is closed in the child and returned. `what` names the child in errors ("copy process").
pub fn spawn<K>(
    what: &'static str,
    keep: K,
    work: impl FnOnce() -> Result<(), String>,
) -> Result<(Child, K), Error> {
    let (tx, rx) = ipc::pipe::<Outcome>()?;
    let (pid, (keep, rx)) = fork_checked((keep, rx), move || match work() {
        Ok(()) => 0,
        Err(message) => {
            let _ = tx.send(&Outcome::Failed { message });
            1
        }
    })?;
    Ok((Child { pid, outcome: rx, what }, keep))
}

/// A child forked now (typically before the command enters its user namespace, so that it can
/// still act in the initial one) that waits for one job `J` and runs it.
#[derive(Debug)]
pub struct Helper<J: Serialize + DeserializeOwned> {
    child: Option<Child>,
    jobs: Option<ipc::Sender<Request<J>>>,
}

impl<J: Serialize + DeserializeOwned + Clone> Helper<J> {
    /// Forks the helper; `work` runs in it with the job it is given.
    pub fn fork(what: &'static str, work: impl FnOnce(J) -> Result<(), String>) -> Result<Self, Error> {
        let (jobs_tx, jobs_rx) = ipc::pipe::<Request<J>>()?;
        let (out_tx, out_rx) = ipc::pipe::<Outcome>()?;
        let (pid, (jobs_tx, out_rx)) = fork_checked((jobs_tx, out_rx), move || {
            let job = match jobs_rx.recv("a job") {
                Ok(Some(Request::Run(job))) => job,
                // Dropped without a job: nothing to do.
                Ok(None) => return 0,
                Err(e) => {
                    let _ = out_tx.send(&Outcome::Failed { message: e.to_string() });
                    return 1;
                }
            };
            match work(job) {
                Ok(()) => 0,
                Err(message) => {
                    let _ = out_tx.send(&Outcome::Failed { message });
                    1
                }
            }
        })?;
        Ok(Helper { child: Some(Child { pid, outcome: out_rx, what }), jobs: Some(jobs_tx) })
    }

    /// Hands `job` to the helper and waits for it.
    pub fn run(mut self, job: &J) -> Result<(), Error> {
        let sent = match self.jobs.take() {
            Some(jobs) => jobs.send(&Request::Run(job.clone())),
            None => Ok(()),
        };
        let finished = match self.child.take() {
            Some(child) => child.finish(),
            None => Ok(()),
        };
        finished?;
        sent.map_err(Error::from)
    }
}

impl<J: Serialize + DeserializeOwned> Drop for Helper<J> {
    fn drop(&mut self) {
        if self.jobs.take().is_some() {
            // The pipe is closed: it exits with nothing to do.
            if let Some(child) = self.child.take() {
                let _ = waitpid(child.pid, None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    // Forking needs one thread, and the test harness runs several: these tests check the refusal;
    // the forks themselves run in tests/it (cp), in a single-threaded skiff.
    use super::*;

    #[test]
    fn a_threaded_process_is_refused_before_any_fork() {
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let t = std::thread::spawn(move || rx.recv().ok());
        let e = spawn("copy process", (), || Ok(())).unwrap_err();
        assert!(matches!(e, Error::Threads { threads } if threads >= 2), "{e:?}");
        let e = Helper::<String>::fork("copy helper", |_| Ok(())).unwrap_err();
        assert!(e.to_string().starts_with("cannot fork a helper process from a process with"), "{e}");
        tx.send(()).unwrap();
        t.join().unwrap();
    }
}
