//! `-t/--tty` for the commands that create a container (`run`, `create`), and `--detach-keys`
//! for the commands that attach to one.

use crate::cli::tty;

/// The terminal flag of [`super::CreateArgs`].
#[derive(Debug, Clone, clap::Args)]
pub struct TtyArgs {
    /// Give the container a pseudo-terminal (stdin, stdout and stderr; TERM=xterm unless set)
    /// (`--tty=false` as podman takes it)
    #[arg(short = 't', long, num_args = 0..=1, require_equals = true, default_value = "false",
          default_missing_value = "true", value_name = "BOOL", action = clap::ArgAction::Set)]
    pub tty: bool,
}

/// `--detach-keys` of `run`, `attach` and `start`.
#[derive(Debug, Clone, clap::Args)]
pub struct DetachKeysArg {
    /// Keys that detach from the container, leaving it running: comma-separated characters and
    /// ctrl-<a-z|@|[|\|]|^|_>; "" disables detaching
    #[arg(long, value_name = "KEYS", default_value = tty::DEFAULT_DETACH_KEYS)]
    pub detach_keys: String,
}

impl DetachKeysArg {
    /// The key sequence as bytes (empty: never detach).
    pub fn keys(&self) -> anyhow::Result<Vec<u8>> {
        Ok(tty::parse_detach_keys(&self.detach_keys)?)
    }
}
