//! `skiff completion SHELL` and the hidden `skiff generate-docs DIR`, which writes completions/
//! and man/ from the clap definitions (run `scripts/gen-docs.sh` after changing the CLI).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{printer::Printer, Cli, Exit};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

impl From<CompletionShell> for Shell {
    fn from(s: CompletionShell) -> Shell {
        match s {
            CompletionShell::Bash => Shell::Bash,
            CompletionShell::Zsh => Shell::Zsh,
            CompletionShell::Fish => Shell::Fish,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to print the script for
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

#[derive(Debug, clap::Args)]
pub struct DocsArgs {
    /// The directory that holds completions/ and man/ (the repository root)
    pub dir: PathBuf,
}

fn completion_script(shell: CompletionShell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(Shell::from(shell), &mut cmd, "skiff", &mut buf);
    buf
}

pub fn run(args: Args, printer: &Printer) -> anyhow::Result<Exit> {
    printer.out(&String::from_utf8_lossy(&completion_script(args.shell)));
    Ok(Exit::SUCCESS)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    fs_err::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

pub fn generate_docs(args: DocsArgs, printer: &Printer) -> anyhow::Result<Exit> {
    let comp = args.dir.join("completions");
    let man = args.dir.join("man");
    for d in [&comp, &man] {
        fs_err::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    write(&comp.join("skiff.bash"), &completion_script(CompletionShell::Bash))?;
    write(&comp.join("_skiff"), &completion_script(CompletionShell::Zsh))?;
    write(&comp.join("skiff.fish"), &completion_script(CompletionShell::Fish))?;
    let cmd = Cli::command();
    let mut pages = 0;
    write_man(&cmd, "skiff", &man, &mut pages)?;
    printer.info(&format!(
        "wrote 3 completion scripts to {} and {pages} man pages to {}",
        comp.display(),
        man.display()
    ));
    Ok(Exit::SUCCESS)
}

fn write_man(cmd: &clap::Command, name: &str, dir: &Path, pages: &mut usize) -> anyhow::Result<()> {
    let cmd = cmd.clone().name(clap::builder::Str::from(name.to_string().leak() as &'static str));
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    write(&dir.join(format!("{name}.1")), &buf)?;
    *pages += 1;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        write_man(sub, &format!("{name}-{}", sub.get_name()), dir, pages)?;
    }
    Ok(())
}
