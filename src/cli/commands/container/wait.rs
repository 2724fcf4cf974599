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
        match engine::wait::wait(&ctx, &store, key, interval) {
            Ok(code) => printer.line(&code.to_string()),
            Err(e) => failed.add(e.into()),
        }
    }
    failed.finish()
}
