//! cobra's shell completion protocol, which podman's completion scripts and tests speak:
//! `skiff __complete ARGS... TO_COMPLETE` (and `__completeNoDesc`) prints one candidate a line
//! (`name<TAB>description` with descriptions), then `:N` (the directive bits) on stdout and
//! `Completion ended with directive: ShellCompDirective...` on stderr.
//!
//! Candidates: subcommands of a group, flags for `-`/`--`, the values of a flag that has a known
//! set, and for positional arguments what their names say (CONTAINER, POD, IMAGE, NETWORK,
//! VOLUME, SECRET, REGISTRY; PATH, FILE and the like are left to the shell). `run`/`create`
//! complete paths inside the image after it, `cp` complete `container:` and paths inside the
//! container. Errors reading the store become `[Debug]` lines on stderr, as cobra's debug output.

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Arg, Command};

use super::cobra::{self, Walk};
use super::printer::Printer;
use crate::engine::{self, Context, State};

/// cobra's `ShellCompDirective` bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Directive(u8);

impl Directive {
    pub const DEFAULT: Directive = Directive(0);
    pub const NO_SPACE: Directive = Directive(2);
    pub const NO_FILE_COMP: Directive = Directive(4);

    fn with(self, other: Directive) -> Directive {
        Directive(self.0 | other.0)
    }

    /// The names cobra prints for the bits set.
    pub fn names(self) -> String {
        let all = [
            (1, "ShellCompDirectiveError"),
            (2, "ShellCompDirectiveNoSpace"),
            (4, "ShellCompDirectiveNoFileComp"),
            (8, "ShellCompDirectiveFilterFileExt"),
            (16, "ShellCompDirectiveFilterDirs"),
            (32, "ShellCompDirectiveKeepOrder"),
        ];
        let set: Vec<&str> = all.iter().filter(|(b, _)| self.0 & b != 0).map(|(_, n)| *n).collect();
        if set.is_empty() {
            "ShellCompDirectiveDefault".to_string()
        } else {
            set.join(", ")
        }
    }
}

/// Runs `__complete`/`__completeNoDesc` when that is the first word.
/// Global flags may come before it (`skiff --root DIR __complete ...`), as before any command.
pub fn main(words: &[String]) -> Option<ExitCode> {
    if !words.iter().any(|w| w.starts_with("__complete")) {
        return None;
    }
    let root = cobra::command();
    let mut at = 0;
    while let Some(w) = words.get(at).filter(|w| w.starts_with('-') && w.len() > 1) {
        let takes = match w.strip_prefix("--") {
            Some(l) => !l.contains('=') && cobra::find_long(&root, l).is_some_and(cobra::takes_value),
            None => w[1..]
                .chars()
                .last()
                .and_then(|c| cobra::find_short(&root, c))
                .is_some_and(cobra::takes_value),
        };
        at += if takes { 2 } else { 1 };
    }
    let with_descriptions = match words.get(at)?.as_str() {
        "__complete" => true,
        "__completeNoDesc" => false,
        _ => return None,
    };
    let args = &words[at + 1..];
    let (prior, to_complete) = match args.split_last() {
        Some((last, init)) => (init, last.as_str()),
        None => (args, ""),
    };
    let mut sources = Sources::default();
    for (i, w) in words[..at].iter().chain(prior).enumerate() {
        let next = || words[..at].iter().chain(prior).nth(i + 1).map(std::path::PathBuf::from);
        match w.split_once('=') {
            Some(("--root", v)) => sources.root = Some(v.into()),
            Some(("--runroot", v)) => sources.runroot = Some(v.into()),
            _ if w == "--root" => sources.root = next(),
            _ if w == "--runroot" => sources.runroot = next(),
            _ => {}
        }
    }
    let (candidates, directive) = complete(&root, prior, to_complete, &mut sources);
    let printer = Printer::new();
    let mut out = String::new();
    for c in candidates {
        let c = if with_descriptions { c } else { c.split('\t').next().unwrap_or("").to_string() };
        out.push_str(&c);
        out.push('\n');
    }
    out.push_str(&format!(":{}\n", directive.0));
    for d in &sources.debug {
        printer.error(&format!("[Debug] {d}"));
    }
    printer.out(&out);
    printer.error(&format!("Completion ended with directive: {}", directive.names()));
    Some(ExitCode::SUCCESS)
}

/// The store, opened on first use (joining the user namespace as every command that reads it).
#[derive(Default)]
pub struct Sources {
    /// `--root` and `--runroot`, as given on the command line.
    root: Option<std::path::PathBuf>,
    runroot: Option<std::path::PathBuf>,
    ctx: Option<Context>,
    store: Option<Arc<engine::Store>>,
    failed: bool,
    /// Errors met, printed as cobra's `[Debug]` lines.
    pub debug: Vec<String>,
}

impl Sources {
    fn open(&mut self) -> Option<(Context, Arc<engine::Store>)> {
        if self.failed {
            return None;
        }
        if self.store.is_none() {
            let mut ctx = Context::resolve(self.root.clone(), self.runroot.clone(), None);
            let opened = crate::cli::enter(&mut ctx, &Printer::new())
                .and_then(|_| engine::open_store(&ctx).map_err(anyhow::Error::from));
            match opened {
                Ok(store) => {
                    self.ctx = Some(ctx);
                    self.store = Some(store);
                }
                Err(e) => {
                    self.debug.push(format!("[Error] {e:#}"));
                    self.failed = true;
                    return None;
                }
            }
        }
        Some((self.ctx.clone()?, self.store.clone()?))
    }

    fn note<T>(&mut self, r: Result<T, impl std::fmt::Display>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.debug.push(format!("[Error] {e}"));
                None
            }
        }
    }

    /// Container names (and 12-character ids once two characters are typed) in the states `keep`
    /// accepts.
    fn containers(&mut self, to_complete: &str, keep: fn(State) -> bool) -> Vec<String> {
        let Some((_, store)) = self.open() else { return Vec::new() };
        let Some(list) = self.note(engine::containers::list(&store)) else { return Vec::new() };
        let mut out = Vec::new();
        for c in list.into_iter().filter(|c| keep(c.state)) {
            if to_complete.len() > 1 && c.id.starts_with(to_complete) {
                out.push(c.id[..12.min(c.id.len())].to_string());
            }
            if c.name.starts_with(to_complete) {
                out.push(c.name);
            }
        }
        out
    }

    fn pods(&mut self, to_complete: &str) -> Vec<String> {
        let Some((ctx, _)) = self.open() else { return Vec::new() };
        let Some(list) = self.note(engine::pods::list(&ctx)) else { return Vec::new() };
        let mut out = Vec::new();
        for p in list {
            if to_complete.len() > 1 && p.id.starts_with(to_complete) {
                out.push(p.id[..12.min(p.id.len())].to_string());
            }
            if p.name.starts_with(to_complete) {
                out.push(p.name);
            }
        }
        out
    }

    /// As podman: with nothing typed, the full names; else every suffix of a name after a `/`
    /// that starts with what is typed (`localhost/x:1`, `x:1`), and ids after two characters.
    fn images(&mut self, to_complete: &str) -> Vec<String> {
        let Some((_, store)) = self.open() else { return Vec::new() };
        let Some(list) = self.note(store.list_images()) else { return Vec::new() };
        let mut out = Vec::new();
        for img in list {
            if to_complete.len() > 1 && img.id.starts_with(to_complete) {
                out.push(img.id[..12.min(img.id.len())].to_string());
            }
            for name in &img.names {
                if to_complete.is_empty() {
                    out.push(name.clone());
                    continue;
                }
                let parts: Vec<&str> = name.split('/').collect();
                for i in 0..parts.len() {
                    let s = parts[i..].join("/");
                    if s.starts_with(to_complete) {
                        out.push(s);
                    }
                }
            }
        }
        out
    }

    fn networks(&mut self, to_complete: &str) -> Vec<String> {
        let Some((ctx, _)) = self.open() else { return Vec::new() };
        let Some(list) = self.note(engine::networks::list(&ctx)) else { return Vec::new() };
        list.into_iter().map(|n| n.name).filter(|n| n.starts_with(to_complete)).collect()
    }

    fn volumes(&mut self, to_complete: &str) -> Vec<String> {
        let Some((_, store)) = self.open() else { return Vec::new() };
        let Some(list) = self.note(engine::volumes::list(&store, &[])) else { return Vec::new() };
        list.into_iter().map(|v| v.name).filter(|n| n.starts_with(to_complete)).collect()
    }

    fn secrets(&mut self, to_complete: &str) -> Vec<String> {
        let Some((ctx, _)) = self.open() else { return Vec::new() };
        let Some(list) = self.note(engine::secrets::list(&ctx)) else { return Vec::new() };
        list.into_iter().map(|s| s.name).filter(|n| n.starts_with(to_complete)).collect()
    }

    /// The search registries of registries.conf (what `login` and `search` are used with).
    fn registries(&mut self, to_complete: &str) -> Vec<String> {
        let ctx = Context::resolve(None, None, None);
        let Some(r) = self.note(crate::image::registries::Registries::load(Some(&ctx.paths.config_dir)))
        else {
            return Vec::new();
        };
        r.search.iter().filter(|n| n.starts_with(to_complete)).cloned().collect()
    }

    fn image_paths(&mut self, image: &str, to_complete: &str) -> (Vec<String>, Directive) {
        let Some((_, store)) = self.open() else { return (Vec::new(), Directive::DEFAULT) };
        match self.note(engine::completion::image_paths(&store, image, to_complete)) {
            Some((c, no_space)) => (c, if no_space { Directive::NO_SPACE } else { Directive::DEFAULT }),
            None => (Vec::new(), Directive::DEFAULT),
        }
    }

    fn container_paths(&mut self, container: &str, to_complete: &str) -> (Vec<String>, Directive) {
        let Some((_, store)) = self.open() else { return (Vec::new(), Directive::DEFAULT) };
        match self.note(engine::completion::container_paths(&store, container, to_complete)) {
            Some((c, no_space)) => (c, if no_space { Directive::NO_SPACE } else { Directive::DEFAULT }),
            None => (Vec::new(), Directive::DEFAULT),
        }
    }
}

/// The states of the containers a command is completed with, as podman filters them.
fn container_states(path: &str) -> fn(State) -> bool {
    let leaf = path.rsplit(' ').next().unwrap_or("");
    match leaf {
        "start" => |s| !matches!(s, State::Running | State::Paused),
        "stop" | "kill" | "pause" | "attach" | "exec" | "top" | "port" => |s| s == State::Running,
        "unpause" => |s| s == State::Paused,
        "run" if path.ends_with("healthcheck run") => |s| s == State::Running,
        _ => |_| true,
    }
}

/// The positional argument at `index` (0-based) among `cmd`'s.
fn positional_at(cmd: &Command, mut index: usize) -> Option<&Arg> {
    for p in cmd.get_positionals().filter(|p| !p.is_hide_set()) {
        let n = p.get_num_args().map_or(1, |r| r.max_values());
        if index < n {
            return Some(p);
        }
        index -= n;
    }
    None
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|v| v.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().to_string())
        .to_uppercase()
}

fn first_line(s: Option<&clap::builder::StyledStr>) -> String {
    s.map(|h| h.to_string()).unwrap_or_default().lines().next().unwrap_or("").to_string()
}

/// The candidates and the directive for `to_complete` after the words `prior`.
pub fn complete(
    root: &Command,
    prior: &[String],
    to_complete: &str,
    sources: &mut Sources,
) -> (Vec<String>, Directive) {
    let w = cobra::walk(root, prior);
    let cmd = w.cmd();
    let path = w.command_path("skiff");
    let none = (Vec::new(), Directive::NO_FILE_COMP);
    if let Some(arg) = w.pending_value {
        return flag_values(arg, to_complete, sources);
    }
    if !w.only_positionals && to_complete.starts_with('-') {
        if let Some((flag, value)) = to_complete.split_once('=') {
            let Some(arg) = flag.strip_prefix("--").and_then(|l| cobra::find_long(cmd, l)) else {
                return none;
            };
            let (c, d) = flag_values(arg, value, sources);
            return (c.into_iter().map(|v| format!("{flag}={v}")).collect(), d);
        }
        return (flags(cmd, &w, to_complete), Directive::NO_FILE_COMP);
    }
    if cmd.has_subcommands() {
        if w.unknown_command.is_some() {
            return none;
        }
        let subs = cobra::available_commands(cmd, w.path.len() == 1);
        let c = subs
            .into_iter()
            .filter(|(n, _)| n.starts_with(to_complete))
            .map(|(n, about)| format!("{n}\t{about}"))
            .collect();
        return (c, Directive::NO_FILE_COMP);
    }
    let index = w.positionals.len();
    let leaf = cmd.get_name();
    // `run IMAGE PATH...` and `create`: paths inside the image.
    let container_command = matches!(w.path.len(), 2) || w.path[1].get_name() == "container";
    if matches!(leaf, "run" | "create") && container_command && index >= 1 {
        return sources.image_paths(&w.positionals[0], to_complete);
    }
    if leaf == "cp" && container_command && index < 2 {
        return match to_complete.split_once(':') {
            Some((name, inner)) => {
                let (c, d) = sources.container_paths(name, inner);
                (c.into_iter().map(|p| format!("{name}:{p}")).collect(), d)
            }
            None => {
                let c = sources.containers(to_complete, |_| true);
                (c.into_iter().map(|n| format!("{n}:")).collect(), Directive::NO_SPACE)
            }
        };
    }
    let Some(arg) = positional_at(cmd, index) else { return none };
    positional_values(&value_name(arg), &path, to_complete, sources)
}

/// Candidates for a positional argument by what its name says.
fn positional_values(
    name: &str,
    path: &str,
    to_complete: &str,
    sources: &mut Sources,
) -> (Vec<String>, Directive) {
    let mut c = Vec::new();
    let mut known = false;
    if name.contains("CONTAINER") {
        c.extend(sources.containers(to_complete, container_states(path)));
        known = true;
    }
    if name.contains("POD") {
        c.extend(sources.pods(to_complete));
        known = true;
    }
    if name.contains("IMAGE") || name.contains("REPOSITORY") {
        c.extend(sources.images(to_complete));
        known = true;
    }
    if name.contains("NETWORK") {
        c.extend(sources.networks(to_complete));
        known = true;
    }
    if name.contains("VOLUME") {
        c.extend(sources.volumes(to_complete));
        known = true;
    }
    if name.contains("SECRET") {
        c.extend(sources.secrets(to_complete));
        known = true;
    }
    if name.contains("REGISTRY") {
        c.extend(sources.registries(to_complete));
        known = true;
    }
    if known {
        return (c, Directive::NO_FILE_COMP);
    }
    let file_like = ["PATH", "FILE", "CONTEXT", "DIR", "SRC", "DEST", "SOURCE", "COMMAND", "ARG", "URI"];
    if file_like.iter().any(|f| name.contains(f)) {
        return (Vec::new(), Directive::DEFAULT);
    }
    (Vec::new(), Directive::NO_FILE_COMP)
}

/// The flags of the command that start with `to_complete` (`--name<TAB>usage`; with `-` alone,
/// the short forms too). A flag already given is left out unless it can be repeated.
fn flags(cmd: &Command, w: &Walk<'_>, to_complete: &str) -> Vec<String> {
    let mut out = Vec::new();
    for a in cobra::local_flags(cmd, w.path.len() == 1) {
        let usage = first_line(a.get_help());
        let repeatable = matches!(a.get_action(), clap::ArgAction::Append | clap::ArgAction::Count);
        let given = a.get_long().is_some_and(|l| w.flags.contains(&format!("--{l}")))
            || a.get_short().is_some_and(|s| w.flags.contains(&format!("-{s}")));
        if given && !repeatable {
            continue;
        }
        if let Some(l) = a.get_long() {
            let f = format!("--{l}");
            if f.starts_with(to_complete) {
                out.push(format!("{f}\t{usage}"));
            }
        }
        if let Some(s) = a.get_short() {
            if to_complete == "-" {
                out.push(format!("-{s}\t{usage}"));
            }
        }
    }
    out
}

/// Candidates for the value of a flag.
fn flag_values(arg: &Arg, to_complete: &str, sources: &mut Sources) -> (Vec<String>, Directive) {
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .filter(|p| p.starts_with(to_complete))
        .collect();
    if !possible.is_empty() {
        return (possible, Directive::NO_FILE_COMP);
    }
    let long = arg.get_long().unwrap_or("");
    match long {
        "format" => (
            ["json"].iter().filter(|v| v.starts_with(to_complete)).map(|v| v.to_string()).collect(),
            Directive::NO_FILE_COMP,
        ),
        "network" | "net" => {
            let mut c = sources.networks(to_complete);
            let modes = ["bridge", "none", "host", "private", "container:", "ns:", "slirp4netns", "pasta"];
            c.extend(modes.iter().filter(|m| m.starts_with(to_complete)).map(|m| m.to_string()));
            (c, Directive::NO_SPACE.with(Directive::NO_FILE_COMP))
        }
        "pod" => (sources.pods(to_complete), Directive::NO_FILE_COMP),
        _ => {
            let name = value_name(arg);
            let hint = arg.get_value_hint();
            let file_like = matches!(
                hint,
                clap::ValueHint::AnyPath | clap::ValueHint::FilePath | clap::ValueHint::DirPath
            ) || ["PATH", "FILE", "DIR"].iter().any(|f| name.contains(f))
                || ["volume", "mount", "authfile", "env-file", "label-file", "file", "output", "input"]
                    .contains(&long);
            if file_like {
                (Vec::new(), Directive::DEFAULT)
            } else {
                (Vec::new(), Directive::NO_FILE_COMP)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn offline(line: &str, to_complete: &str) -> (Vec<String>, Directive) {
        let mut s = Sources { failed: true, ..Sources::default() };
        complete(&cobra::command(), &words(line), to_complete, &mut s)
    }

    #[test]
    fn directive_names_are_cobras() {
        assert_eq!(Directive::DEFAULT.names(), "ShellCompDirectiveDefault");
        assert_eq!(
            Directive::NO_SPACE.with(Directive::NO_FILE_COMP).names(),
            "ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp"
        );
    }

    #[test]
    fn flags_subcommands_and_argument_kinds() {
        let (c, d) = offline("ps", "--");
        assert!(c.iter().any(|l| l.starts_with("--all\t")), "{c:?}");
        assert!(!c.iter().any(|l| l.starts_with("--root")), "{c:?}");
        assert_eq!(d, Directive::NO_FILE_COMP);
        let (c, _) = offline("ps --all", "--a");
        assert!(c.is_empty(), "a given flag is not offered again: {c:?}");
        let (c, d) = offline("container", "");
        assert!(c.iter().any(|l| l.starts_with("list\t")), "{c:?}");
        assert_eq!(d, Directive::NO_FILE_COMP);
        let (c, _) = offline("", "hel");
        assert_eq!(c, ["help\tHelp about any command"]);
        // No more arguments: nothing, and no file completion.
        assert_eq!(offline("rename a b", ""), (vec![], Directive::NO_FILE_COMP));
        assert_eq!(offline("ps", ""), (vec![], Directive::NO_FILE_COMP));
        // A build context is a path: the shell completes it.
        assert_eq!(offline("build", ""), (vec![], Directive::DEFAULT));
        let (c, _) = offline("ps --sort", "na");
        assert_eq!(c, ["names"]);
    }
}
