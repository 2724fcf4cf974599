//! `skiff completion SHELL` and the hidden `skiff generate-docs DIR`, which writes completions/
//! and man/ from the clap definitions (run `scripts/gen-docs.sh` after changing the CLI).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::{printer::Printer, Cli, Exit};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
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

/// bash: the candidates of `skiff __completeNoDesc`, with its directive (no space, no files).
const BASH: &str = r#"# bash completion for skiff: the candidates come from `skiff __complete`, the protocol of
# podman's command library (cobra), so they know the containers, images, pods, volumes, networks
# and the paths inside images and containers.
_skiff() {
    local cur words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local out directive c
    out=$("${words[0]}" __completeNoDesc "${words[@]:1:cword-1}" "$cur" 2>/dev/null)
    directive=${out##*:}
    out=${out%:*}
    [[ $directive =~ ^[0-9]+$ ]] || directive=0
    (( directive & 1 )) && return
    COMPREPLY=()
    local IFS=$'\n'
    for c in $out; do
        [[ $c == "$cur"* ]] && COMPREPLY+=("$c")
    done
    (( directive & 2 )) && compopt -o nospace 2>/dev/null
    if (( ${#COMPREPLY[@]} == 0 && (directive & 4) == 0 )); then
        compopt -o default 2>/dev/null
    fi
    if declare -F __ltrim_colon_completions >/dev/null 2>&1; then
        __ltrim_colon_completions "$cur"
    fi
}
complete -F _skiff skiff
"#;

/// zsh: the candidates with their descriptions from `skiff __complete`.
const ZSH: &str = r#"#compdef skiff
# zsh completion for skiff: the candidates come from `skiff __complete`, the protocol of podman's
# command library (cobra).
_skiff() {
    local -a lines candidates
    local out directive line name desc
    out=$("${words[1]}" __complete "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)
    lines=("${(@f)out}")
    directive=${lines[-1]#:}
    lines=("${(@)lines[1,-2]}")
    [[ $directive == <-> ]] || directive=0
    (( directive & 1 )) && return 1
    for line in $lines; do
        name=${line%%$'\t'*}
        name=${name//:/\\:}
        if [[ $line == *$'\t'* ]]; then
            desc=${line#*$'\t'}
            candidates+=("$name:$desc")
        else
            candidates+=("$name")
        fi
    done
    if (( ${#candidates} )); then
        if (( directive & 2 )); then
            _describe 'skiff' candidates -S ''
        else
            _describe 'skiff' candidates
        fi
    elif (( (directive & 4) == 0 )); then
        _files
    fi
}
if [ "$funcstack[1]" = "_skiff" ]; then
    _skiff "$@"
else
    compdef _skiff skiff
fi
"#;

/// fish: the candidates with their descriptions from `skiff __complete`.
const FISH: &str = r#"# fish completion for skiff: the candidates come from `skiff __complete`, the protocol of
# podman's command library (cobra).
function __skiff_complete
    set -l args (commandline -opc)
    set -l cur (commandline -ct)
    set -l out ($args[1] __complete $args[2..-1] $cur 2>/dev/null)
    test (count $out) -gt 0; or return
    set -l directive (string replace ':' '' -- $out[-1])
    set -e out[-1]
    test (math "$directive % 2") -eq 1; and return
    for line in $out
        echo $line
    end
    if test (count $out) -eq 0; and test (math "floor($directive / 4) % 2") -eq 0
        __fish_complete_path $cur
    end
end
complete -c skiff -f -a '(__skiff_complete)'
"#;

/// The completion script of `shell`: it asks `skiff __complete` (see [`crate::cli::complete`]).
fn completion_script(shell: CompletionShell) -> Vec<u8> {
    match shell {
        CompletionShell::Bash => BASH,
        CompletionShell::Zsh => ZSH,
        CompletionShell::Fish => FISH,
    }
    .as_bytes()
    .to_vec()
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
