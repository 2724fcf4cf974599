//! `skiff login` and `skiff logout`: registry credentials in podman's auth.json. A login is
//! checked against the registry before it is saved.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::commands::pull::runtime;
use crate::cli::commands::save::report;
use crate::cli::{printer::Printer, Exit};
use crate::engine::pull::{AuthStore, ClientOptions, Credentials, Registries};
use crate::engine::{transfer, Context};

#[derive(Debug, clap::Args)]
pub struct LoginArgs {
    /// Username for the registry (prompted for when missing)
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password for the registry (prompted for when missing; prefer --password-stdin)
    #[arg(short, long)]
    pub password: Option<String>,
    /// Read the password from stdin
    #[arg(long, conflicts_with = "password")]
    pub password_stdin: bool,
    /// Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    /// Require HTTPS and verify certificates when contacting the registry (--tls-verify=false allows plain HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub tls_verify: Option<bool>,
    /// The registry to log in to (REGISTRY[:PORT])
    #[arg(value_name = "REGISTRY")]
    pub registry: String,
}

#[derive(Debug, clap::Args)]
pub struct LogoutArgs {
    /// Remove the credentials of every registry
    #[arg(short, long)]
    pub all: bool,
    /// Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
    /// The registry to log out of
    #[arg(value_name = "REGISTRY", required_unless_present = "all", conflicts_with = "all")]
    pub registry: Option<String>,
}

fn auth_store(authfile: &Option<PathBuf>) -> AuthStore {
    match authfile {
        Some(f) => AuthStore::with_files(vec![f.clone()]),
        None => AuthStore::from_env(),
    }
}

/// Asks `question` on stderr and reads a line from the terminal, without echo when `secret`;
/// without a terminal, fails naming `flags`, the options that give the answer.
fn prompt(question: &str, secret: bool, flags: &str) -> anyhow::Result<String> {
    use nix::sys::termios::{tcgetattr, tcsetattr, LocalFlags, SetArg};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let what = question.trim_end_matches(": ").to_lowercase();
        anyhow::bail!("no {what} given and stdin is not a terminal to ask for it: use {flags}");
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let saved = if secret { tcgetattr(&stdin).ok() } else { None };
    if let Some(t) = &saved {
        let mut quiet = t.clone();
        quiet.local_flags.remove(LocalFlags::ECHO);
        let _ = tcsetattr(&stdin, SetArg::TCSANOW, &quiet);
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if let Some(t) = &saved {
        let _ = tcsetattr(&stdin, SetArg::TCSANOW, t);
        let _ = writeln!(err);
    }
    read.context("cannot read from the terminal")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

pub fn login(args: LoginArgs, ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let registry = transfer::registry_of(&args.registry);
    let user = match args.username {
        Some(u) => u,
        None => prompt("Username: ", false, "-u USERNAME")?,
    };
    let pass = if args.password_stdin {
        let mut s = String::new();
        std::io::stdin().lock().read_to_string(&mut s).context("cannot read the password from stdin")?;
        s.trim_end_matches(['\n', '\r']).to_string()
    } else {
        match args.password {
            Some(p) => p,
            None => prompt("Password: ", true, "-p PASSWORD or --password-stdin")?,
        }
    };
    if user.is_empty() {
        anyhow::bail!("the username must not be empty");
    }
    let options = ClientOptions {
        registries: Registries::load(Some(&ctx.paths.config_dir))?,
        tls_verify: args.tls_verify.unwrap_or(true),
        credentials: Credentials::Anonymous,
    };
    let auth = auth_store(&args.authfile);
    let rt = runtime()?;
    match rt.block_on(transfer::login(options, &auth, &registry, &user, &pass, args.authfile.clone())) {
        Ok(_) => {
            printer.line("Login Succeeded!");
            Ok(Exit::SUCCESS)
        }
        Err(e) => Ok(report(printer, e)),
    }
}

pub fn logout(args: LogoutArgs, _ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let auth = auth_store(&args.authfile);
    let registry = args.registry.as_deref().map(transfer::registry_of);
    match transfer::logout(&auth, registry.as_deref(), args.authfile.clone()) {
        Ok(()) => {
            match registry {
                Some(r) => printer.line(&format!("Removed login credentials for {r}")),
                None => printer.line("Removed login credentials for all registries"),
            }
            Ok(Exit::SUCCESS)
        }
        Err(e) => Ok(report(printer, e)),
    }
}
