//! `skiff wait`: wait for containers to exit and print their exit codes.

use super::*;

#[derive(Debug, clap::Args)]
pub struct WaitArgs {
    /// How often to check, in milliseconds
    #[arg(short, long, value_name = "MS", default_value_t = 50)]
    pub interval: u64,
    /// Containers to wait for (names or ids)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

/// `skiff wait`.
pub fn wait(args: WaitArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    super::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let interval = Duration::from_millis(args.interval.max(1));
    let mut failed = crate::cli::diag::Failures::new(printer);
    for key in &args.containers {
        match wait_one(&ctx, &store, key, interval) {
            Ok(code) => printer.line(&code.to_string()),
            Err(e) => failed.add(e),
        }
    }
    failed.finish()
}

fn wait_one(ctx: &Context, store: &Store, key: &str, interval: Duration) -> anyhow::Result<i32> {
    let rec = lifecycle::lookup(ctx, store, key)?;
    let run_dir = containers::run_dir(ctx, &rec.id);
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
                    return Ok(r.exit_code.unwrap_or(crate::storage::containers::EXIT_CODE_UNKNOWN));
                }
                if r.state == State::Running {
                    // The supervisor tells attached clients the code before its cleanup, which
                    // removes a `--rm` container: listen for it rather than poll.
                    if let Some(code) = exit_from_attach(&run_dir) {
                        return Ok(code);
                    }
                }
            }
            Err(crate::storage::containers::Error::NotFound { .. }) => {
                return last_exit.ok_or_else(|| {
                    anyhow::anyhow!("container {key} was removed before its exit code could be read")
                });
            }
            Err(e) => return Err(e.into()),
        }
        std::thread::sleep(interval);
    }
}

/// Attaches to the container's supervisor without stdin and returns the exit code it sends
/// when the container exits; `None` when it cannot attach or the supervisor went away silently.
fn exit_from_attach(run_dir: &std::path::Path) -> Option<i32> {
    use std::io::Read;
    // Through the directory's descriptor: a run directory can be deeper than a socket address.
    let mut stream = crate::runtime::run_dir::RunDir::new(run_dir).connect_attach().ok()?;
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
