//! `skiff run`: create a container, start it and, unless `-d`, attach to it until it exits.

use super::opts::{create_container, CreateArgs};
use super::tty_args::DetachKeysArg;
use super::{attach_foreground, network_error, start_error, start_options, Foreground};
use crate::cli::{printer::Printer, Exit};
use crate::engine::{self, Context};

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Run the container in the background and print its id
    #[arg(short, long)]
    pub detach: bool,
    #[command(flatten)]
    pub detach_keys: DetachKeysArg,
    /// Attach to these streams only: stdin, stdout, stderr (repeatable or comma-separated;
    /// default: stdout and stderr, and stdin with -i). Without stdout and stderr, the
    /// container's id is printed.
    #[arg(short = 'a', long, value_name = "STREAM", value_delimiter = ',', conflicts_with = "detach")]
    pub attach: Vec<String>,
    /// Remove the image once the container is removed, unless another container uses it
    #[arg(long)]
    pub rmi: bool,
    /// Pass descriptors 3 to 3+N-1 on to the container (with the built-in runtime)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    #[command(flatten)]
    pub create: CreateArgs,
}

/// `skiff run`.
pub fn run(mut args: RunArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    args.create.run_config.preserve_fds = args.preserve_fds;
    let detach_keys = args.detach_keys.keys()?;
    let streams = Streams::parse(&args.attach)?;
    // The signal helper stays where this command started; then, for `--network container:NAME`,
    // the user namespace of that container (see the function).
    crate::engine::lifecycle::Signaller::install(&ctx);
    engine::network::enter_joined_userns(&args.create.network.request(), &ctx).map_err(network_error)?;
    engine::namespaces::enter_joined_userns(&ctx, &args.create.namespaces.resolve()?)
        .map_err(network_error)?;
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    let rec = create_container(&args.create, &ctx, &store, printer)?;
    let id = rec.id.clone();
    // A failed start is cleaned up (and an `--rm` container removed) before the error returns.
    let opts = start_options(!args.detach, args.create.interactive);
    let started = engine::start::run(&ctx, &store, &rec, &opts).map_err(run_start_error)?;
    let Some(stream) = started.attach else {
        printer.line(&id);
        return Ok(Exit::SUCCESS);
    };
    if !streams.stdout && !streams.stderr {
        printer.line(&id);
    }
    let fg = Foreground {
        stdin: args.create.interactive && streams.stdin,
        tty: args.create.tty.tty,
        detach_keys,
        supervisor: started.supervisor,
        own_child: true,
        stdout: streams.stdout,
        stderr: streams.stderr,
    };
    let exit = attach_foreground(&ctx, &store, &id, stream, fg, printer)?;
    if args.rmi {
        remove_image(&store, &rec.image_id, printer);
    }
    Ok(exit)
}

/// A failed start of `run`: as podman, a container that could not be set up to start (its
/// network: a port in use...) exits 126, like a command that cannot be invoked.
fn run_start_error(e: engine::start::Error) -> anyhow::Error {
    match e {
        e @ engine::start::Error::Network(_) => anyhow::Error::from(e)
            .context(crate::cli::diag::WithExit { message: String::new(), exit: Exit::from_status(126) }),
        e => start_error(e),
    }
}

/// `--rmi`: the container's image goes unless a container still uses it (then a warning).
fn remove_image(store: &engine::Store, image_id: &str, printer: &Printer) {
    match engine::images::remove(store, image_id, false) {
        Ok(_) | Err(engine::Error::ImageNotKnown { .. }) => {}
        Err(e) => printer.warn(&format!("--rmi: {:#}", anyhow::Error::from(e))),
    }
}

/// The streams of `-a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Streams {
    stdin: bool,
    stdout: bool,
    stderr: bool,
}

impl Streams {
    /// `-a` values; none given: all three (stdin still needs `-i`).
    fn parse(values: &[String]) -> anyhow::Result<Streams> {
        if values.is_empty() {
            return Ok(Streams { stdin: true, stdout: true, stderr: true });
        }
        let mut s = Streams { stdin: false, stdout: false, stderr: false };
        for v in values {
            match v.to_ascii_lowercase().as_str() {
                "stdin" => s.stdin = true,
                "stdout" => s.stdout = true,
                "stderr" => s.stderr = true,
                _ => anyhow::bail!(
                    "invalid stream {v:?} for --attach - must be one of stdin, stdout, or stderr: invalid argument"
                ),
            }
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attach_streams() {
        let p = |v: &[&str]| Streams::parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(p(&[]).unwrap(), Streams { stdin: true, stdout: true, stderr: true });
        assert_eq!(p(&["stderr"]).unwrap(), Streams { stdin: false, stdout: false, stderr: true });
        assert_eq!(p(&["STDIN", "stdout"]).unwrap(), Streams { stdin: true, stdout: true, stderr: false });
        assert!(p(&["bogus"]).unwrap_err().to_string().contains("\"bogus\""));
    }
}
