//! Help, usage errors and the command path as podman's command library (cobra) has them, derived
//! from the clap command tree in one place: podman users' scripts and podman's own tests read them.
//!
//! - Help: the summary, `Description:`, `Usage:` (`  skiff ps [options]`, `[command]` for groups,
//!   UPPER-CASE argument names after `[options]`), `Aliases:`, `Examples:`, `Available Commands:`
//!   (sorted) and `Options:` (the command's own flags, as pflag lays them out).
//! - `skiff help [COMMAND...]` and `--help` print it on stdout and exit 0.
//! - Usage errors print `Error: ...` in cobra's words on stderr (with `See 'skiff ps --help'`
//!   after flag errors) and exit 125.
//!
//! The program names itself by the base name of argv\[0\], as podman does.

use std::error::Error as _;
use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;

/// The summary on the first line of the top-level help, as podman's.
const ROOT_SUMMARY: &str = "Manage pods, containers and images";

/// The base name of argv\[0\] (`skiff` when it has none).
pub fn program_name(argv0: Option<&OsString>) -> String {
    argv0
        .and_then(|a| std::path::Path::new(a).file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "skiff".to_string())
}

/// The command tree as skiff parses it: clap's help subcommands off (`help` is cobra's, handled
/// here), global flags propagated to every command.
pub fn command() -> Command {
    fn no_help_subcommand(cmd: Command) -> Command {
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        let mut cmd = cmd.disable_help_subcommand(true);
        for n in names {
            cmd = cmd.mut_subcommand(n, no_help_subcommand);
        }
        cmd
    }
    let mut cmd = no_help_subcommand(Cli::command());
    cmd.build();
    cmd
}

/// Where the words of a command line lead in the tree.
pub struct Walk<'a> {
    /// The commands from the root to the one the words name (primary names).
    pub path: Vec<&'a Command>,
    /// The positional words given to that command, in order.
    pub positionals: Vec<String>,
    /// The flags given (as typed, up to any `=`), in order.
    pub flags: Vec<String>,
    /// A word after the command path that names no subcommand of a group.
    pub unknown_command: Option<String>,
    /// The last word is a flag that still waits for its value (`--name` at the end).
    pub pending_value: Option<&'a Arg>,
    /// Every further word is positional (after `--` or a trailing argument such as `run`'s
    /// COMMAND).
    pub only_positionals: bool,
}

impl<'a> Walk<'a> {
    pub fn cmd(&self) -> &'a Command {
        self.path.last().expect("the walk starts at the root")
    }

    /// `skiff container ls`: the names on the path, the program's first.
    pub fn command_path(&self, prog: &str) -> String {
        let mut s = prog.to_string();
        for c in &self.path[1..] {
            s.push(' ');
            s.push_str(c.get_name());
        }
        s
    }
}

/// The argument of `cmd` a flag word names (`--all`, `-a`), if any.
pub fn find_long<'a>(cmd: &'a Command, long: &str) -> Option<&'a Arg> {
    cmd.get_arguments()
        .find(|a| a.get_long() == Some(long) || a.get_all_aliases().is_some_and(|al| al.contains(&long)))
}

pub fn find_short(cmd: &Command, short: char) -> Option<&Arg> {
    cmd.get_arguments().find(|a| {
        a.get_short() == Some(short) || a.get_all_short_aliases().is_some_and(|al| al.contains(&short))
    })
}

/// Whether the flag takes a value (the next word when it is not joined with `=` or to the letter).
pub fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values() && arg.get_num_args().is_none_or(|r| r.max_values() > 0)
}

/// Follows `words` (without argv\[0\]) from the root: flags and their values are skipped,
/// subcommand names are followed, and the first positional word of a command without
/// subcommands ends the path (what follows belongs to it; after a trailing argument such as
/// `run`'s COMMAND, everything does).
pub fn walk<'a>(root: &'a Command, words: &[String]) -> Walk<'a> {
    let mut w = Walk {
        path: vec![root],
        positionals: Vec::new(),
        flags: Vec::new(),
        unknown_command: None,
        pending_value: None,
        only_positionals: false,
    };
    let mut i = 0;
    let mut only_positionals = false;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        let cmd = w.cmd();
        if only_positionals {
            w.positionals.push(word.clone());
            continue;
        }
        if word == "--" {
            only_positionals = true;
            continue;
        }
        if let Some(long) = word.strip_prefix("--") {
            let (name, joined) = match long.split_once('=') {
                Some((n, _)) => (n, true),
                None => (long, false),
            };
            w.flags.push(format!("--{name}"));
            if let Some(arg) = find_long(cmd, name).filter(|a| !joined && takes_value(a)) {
                if i == words.len() {
                    w.pending_value = Some(arg);
                }
                i += 1;
            }
            continue;
        }
        if word.len() > 1 && word.starts_with('-') {
            w.flags.push(word.clone());
            let letters: Vec<char> = word[1..].chars().collect();
            for (k, c) in letters.iter().enumerate() {
                if let Some(arg) = find_short(cmd, *c).filter(|a| takes_value(a)) {
                    if k + 1 == letters.len() {
                        if i == words.len() {
                            w.pending_value = Some(arg);
                        }
                        i += 1;
                    }
                    break;
                }
            }
            continue;
        }
        if cmd.has_subcommands() && w.positionals.is_empty() && w.unknown_command.is_none() {
            if let Some(sub) =
                cmd.get_subcommands().find(|s| s.get_name() == word || s.get_all_aliases().any(|a| a == word))
            {
                w.path.push(sub);
                continue;
            }
            w.unknown_command = Some(word.clone());
            continue;
        }
        w.positionals.push(word.clone());
        // After a trailing argument (`run IMAGE COMMAND...`), every word is the container's.
        let given = w.positionals.len();
        let mut seen = 0;
        for p in cmd.get_positionals() {
            let max = p.get_num_args().map_or(1, |r| r.max_values());
            if p.is_trailing_var_arg_set()
                || (p.is_last_set() && given > seen)
                || cmd.is_trailing_var_arg_set() && given > seen && max > 1
            {
                if given > seen {
                    only_positionals = true;
                }
                break;
            }
            seen = seen.saturating_add(max);
        }
    }
    w.only_positionals = only_positionals;
    w
}

/// The flags shown in `cmd`'s `Options:`: its own (at the root, the global ones), visible, not
/// clap's help flag.
pub fn local_flags(cmd: &Command, is_root: bool) -> Vec<&Arg> {
    let mut flags: Vec<&Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .filter(|a| is_root || (!a.is_global_set() && a.get_id() != "help" && a.get_id() != "version"))
        .collect();
    flags.sort_by_key(|a| a.get_long().map(str::to_string).unwrap_or_else(|| a.get_id().to_string()));
    flags
}

/// One positional argument as cobra's usage spells it: `NAME`, `[NAME]`, `NAME [NAME...]`,
/// `[NAME...]`.
fn positional_usage(arg: &Arg) -> String {
    let name = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().as_str().replace('-', "_"))
        .to_uppercase();
    let many = arg.get_num_args().is_some_and(|r| r.max_values() > 1);
    match (arg.is_required_set(), many) {
        (true, false) => name,
        (true, true) => format!("{name} [{name}...]"),
        (false, false) => format!("[{name}]"),
        (false, true) => format!("[{name}...]"),
    }
}

/// The line after `Usage:` (without its indent): `skiff ps [options]`, `skiff container
/// [command]`, `skiff run [options] IMAGE [COMMAND...]`.
pub fn usage_line(cmd: &Command, command_path: &str, is_root: bool) -> String {
    if is_root {
        return format!("{command_path} [options] [command]");
    }
    if cmd.has_subcommands() {
        return format!("{command_path} [command]");
    }
    let mut s = command_path.to_string();
    if !local_flags(cmd, false).is_empty() {
        s.push_str(" [options]");
    }
    // Required arguments first: an optional one never comes before a required one.
    let mut positionals: Vec<&Arg> = cmd.get_positionals().filter(|a| !a.is_hide_set()).collect();
    positionals.sort_by_key(|a| !a.is_required_set());
    for p in positionals {
        s.push(' ');
        s.push_str(&positional_usage(p));
    }
    s
}

/// pflag's type word after a flag: `string`, `strings` for a repeatable flag, or the value name.
fn value_word(arg: &Arg) -> Option<String> {
    if !takes_value(arg) {
        return None;
    }
    let many = matches!(arg.get_action(), ArgAction::Append);
    let default_name = arg.get_id().as_str().to_uppercase().replace('-', "_");
    let name = arg.get_value_names().and_then(|v| v.first()).map(|n| n.to_string());
    Some(match name {
        Some(n) if n != default_name => n.to_lowercase(),
        _ if many => "strings".to_string(),
        _ => "string".to_string(),
    })
}

/// The `Options:` block, as pflag's `FlagUsages`: `  -a, --all   usage (default x)`, usages
/// aligned three columns after the longest flag.
fn flag_usages(flags: &[&Arg], prog: &str) -> String {
    let mut lines = Vec::new();
    for a in flags {
        let mut left = match (a.get_short(), a.get_long()) {
            (Some(s), Some(l)) => format!("  -{s}, --{l}"),
            (None, Some(l)) => format!("      --{l}"),
            (Some(s), None) => format!("  -{s}"),
            (None, None) => continue,
        };
        if let Some(v) = value_word(a) {
            left.push(' ');
            left.push_str(&v);
        }
        let mut usage = match a.get_id().as_str() {
            "help" => format!("Help for {prog}"),
            "version" => format!("Version for {prog}"),
            _ => a.get_help().map(|h| h.to_string()).unwrap_or_default(),
        };
        // The choices of a flag that has a fixed set, unless its text names them already.
        let choices: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_string())
            .collect();
        if choices.len() > 1 && !choices.iter().all(|c| usage.contains(c.as_str())) {
            usage.push_str(&format!(" ({})", choices.join(", ")));
        }
        let defaults: Vec<String> =
            a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if takes_value(a) && !defaults.is_empty() && !defaults.iter().all(String::is_empty) {
            let d = defaults.join(",");
            if d.parse::<f64>().is_ok() {
                usage.push_str(&format!(" (default {d})"));
            } else {
                usage.push_str(&format!(" (default {d:?})"));
            }
        }
        lines.push((left, usage));
    }
    let width = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (left, usage) in lines {
        let pad = width - left.chars().count();
        let indent = " ".repeat(width + 3);
        let usage = usage.lines().collect::<Vec<_>>().join(&format!("\n{indent}"));
        out.push_str(&format!("{left}{}   {usage}\n", " ".repeat(pad)));
    }
    out
}

/// The visible subcommands of `cmd`, sorted by name (with `help` at the root, as cobra adds it).
pub fn available_commands(cmd: &Command, is_root: bool) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| (s.get_name().to_string(), s.get_about().map(|a| a.to_string()).unwrap_or_default()))
        .collect();
    if is_root {
        v.push(("help".to_string(), "Help about any command".to_string()));
    }
    v.sort();
    v
}

/// The help of the command at the end of `walk`, in cobra's layout.
pub fn help_text(walk: &Walk<'_>, prog: &str) -> String {
    let cmd = walk.cmd();
    let is_root = walk.path.len() == 1;
    let path = walk.command_path(prog);
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let long = cmd.get_long_about().map(|a| a.to_string()).unwrap_or_else(|| about.clone());
    let mut out = String::new();
    if is_root {
        out.push_str(ROOT_SUMMARY);
        out.push_str("\n\nDescription:\n  ");
        out.push_str(&long.replace('\n', "\n  "));
        out.push_str("\n\n");
    } else {
        out.push_str(&about);
        out.push_str("\n\nDescription:\n  ");
        out.push_str(&long.replace('\n', "\n  "));
        out.push_str("\n\n");
    }
    out.push_str(&format!("Usage:\n  {}\n\n", usage_line(cmd, &path, is_root)));
    let aliases: Vec<&str> = cmd.get_visible_aliases().collect();
    if !aliases.is_empty() {
        out.push_str(&format!("Aliases:\n  {}, {}\n\n", cmd.get_name(), aliases.join(", ")));
    }
    if let Some(ex) = cmd.get_after_help() {
        out.push_str(&format!("Examples:\n  {}\n\n", ex.to_string().trim().replace('\n', "\n  ")));
    }
    let subs = available_commands(cmd, is_root);
    if !subs.is_empty() {
        let width = subs.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(11);
        out.push_str("Available Commands:\n");
        for (name, about) in subs {
            out.push_str(&format!("  {name:<width$} {about}\n"));
        }
        out.push('\n');
    }
    let flags = if is_root || !cmd.has_subcommands() { local_flags(cmd, is_root) } else { Vec::new() };
    if !flags.is_empty() {
        out.push_str("Options:\n");
        out.push_str(&flag_usages(&flags, prog));
        out.push('\n');
    }
    out
}

/// The help of `help` itself.
fn help_of_help(prog: &str) -> String {
    format!(
        "Help provides help for any command in the application.\nSimply type {prog} help [path to command] for full details.\n\nUsage:\n  {prog} help [command]\n\n"
    )
}

/// What `skiff help ...` prints, if the words are a `help` command: (stdout text, exit code).
/// Like cobra, an unknown topic prints a line and the top-level usage, and exits 0.
pub fn help_command(root: &Command, words: &[String], prog: &str) -> Option<String> {
    let w = walk(root, words);
    if w.path.len() != 1 || w.unknown_command.as_deref() != Some("help") {
        return None;
    }
    let at = words.iter().position(|x| x == "help")?;
    let rest: Vec<String> = words[at + 1..].to_vec();
    if rest.iter().any(|r| r == "--help" || r == "-h") {
        return Some(help_of_help(prog));
    }
    let topics: Vec<String> = rest.into_iter().filter(|r| !r.starts_with('-')).collect();
    if topics.first().is_some_and(|t| t == "help") {
        return Some(help_of_help(prog));
    }
    let target = walk(root, &topics);
    match target
        .unknown_command
        .clone()
        .or_else(|| (!target.positionals.is_empty()).then(|| topics.join(" ")))
    {
        None => Some(help_text(&target, prog)),
        Some(_) => {
            let text = help_text(&walk(root, &[]), prog);
            let usage = text.split_once("Usage:").map_or(text.as_str(), |(_, u)| u);
            Some(format!("Unknown help topic [`{}`]\nUsage:{usage}", topics.join(" ")))
        }
    }
}

/// A usage error as cobra words it, and whether the command's help goes first on stdout
/// (`missing command`).
pub struct UsageError {
    pub help: Option<String>,
    pub message: String,
}

fn context_string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    }
}

fn context_strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// The bounds of a command's positional arguments: (required, at most; `None` = unbounded).
fn arg_bounds(cmd: &Command) -> (usize, Option<usize>) {
    let mut min = 0usize;
    let mut max = Some(0usize);
    for p in cmd.get_positionals() {
        let r = p.get_num_args().unwrap_or_else(|| 1.into());
        if p.is_required_set() {
            min += r.min_values().max(1);
        }
        max = match (max, r.max_values()) {
            (Some(m), n) if n != usize::MAX => Some(m + n),
            _ => None,
        };
    }
    (min, max)
}

/// The message about a wrong number of positional arguments, as cobra's validators word it.
fn count_message(cmd: &Command, path: &str, received: usize) -> String {
    match arg_bounds(cmd) {
        (_, Some(0)) => format!("`{path}` takes no arguments"),
        (min, Some(max)) if min == max => format!("accepts {max} arg(s), received {received}"),
        (min, _) if received < min.max(1) => {
            format!("requires at least {} arg(s), only received {received}", min.max(1))
        }
        (0, Some(max)) => format!("accepts at most {max} arg(s), received {received}"),
        (min, Some(max)) => format!("accepts between {min} and {max} arg(s), received {received}"),
        (min, None) => format!("requires at least {min} arg(s), only received {received}"),
    }
}

/// How a flag is named in cobra's `invalid argument` message: `-t, --time` or `--time`.
fn flag_title(arg: &Arg) -> String {
    match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!("-{s}, --{l}"),
        (None, Some(l)) => format!("--{l}"),
        (Some(s), None) => format!("-{s}"),
        (None, None) => arg.get_id().to_string(),
    }
}

/// The argument clap names in an error (`--time <SECONDS>`, `-t`, `[CONTAINER]...`).
fn arg_named<'a>(cmd: &'a Command, text: &str) -> Option<&'a Arg> {
    let word = text.split([' ', '=', '<']).next().unwrap_or(text);
    if let Some(l) = word.strip_prefix("--") {
        return find_long(cmd, l);
    }
    if let Some(s) = word.strip_prefix('-') {
        return s.chars().next().and_then(|c| find_short(cmd, c));
    }
    let name = text.trim_matches(|c: char| "[]<>.".contains(c)).to_string();
    cmd.get_positionals().find(|p| {
        p.get_id() == name.as_str()
            || p.get_value_names().is_some_and(|v| v.iter().any(|n| n.as_str() == name))
    })
}

/// The word cobra's `cannot be used together` uses for positional arguments.
fn positional_word(arg: Option<&Arg>) -> String {
    let name = arg
        .and_then(|a| a.get_value_names().and_then(|v| v.first()).map(|n| n.to_string()))
        .unwrap_or_default()
        .to_uppercase();
    if name.contains("CONTAINER") {
        "containers".into()
    } else if name.contains("POD") {
        "pods".into()
    } else {
        "arguments".into()
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Translates a clap parse error into cobra's words. `words` are the arguments without argv\[0\].
pub fn usage_error(root: &Command, words: &[String], e: &clap::Error, prog: &str) -> UsageError {
    let w = walk(root, words);
    let cmd = w.cmd();
    let path = w.command_path(prog);
    let see = format!("\nSee '{path} --help'");
    let plain = |message: String| UsageError { help: None, message };
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            // cobra parses the flags first: an unknown flag is what it reports.
            if let Some(f) = w.flags.iter().find(|f| !flag_known(cmd, f)) {
                return plain(unknown_flag(f, &see));
            }
            let bad = w.unknown_command.clone().or_else(|| context_string(e, ContextKind::InvalidSubcommand));
            plain(unrecognized(cmd, &path, &bad.unwrap_or_default()))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            if cmd.has_subcommands() =>
        {
            UsageError {
                help: Some(help_text(&w, prog)),
                message: format!("Error: missing command '{path} COMMAND'"),
            }
        }
        ErrorKind::UnknownArgument => {
            let arg = context_string(e, ContextKind::InvalidArg).unwrap_or_default();
            if arg.starts_with('-') && arg.len() > 1 {
                let typed = w.flags.iter().find(|f| !flag_known(cmd, f)).cloned().unwrap_or(arg);
                plain(unknown_flag(&typed, &see))
            } else if let Some(bad) = w.unknown_command.as_ref().filter(|_| cmd.has_subcommands()) {
                plain(unrecognized(cmd, &path, bad))
            } else {
                plain(format!("Error: {}", count_message(cmd, &path, w.positionals.len())))
            }
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let missing = context_strings(e, ContextKind::InvalidArg);
            let flags: Vec<&Arg> =
                missing.iter().filter(|m| m.starts_with('-')).filter_map(|m| arg_named(cmd, m)).collect();
            if !flags.is_empty() {
                // cobra's words for a flag that is always required; one that another flag given
                // requires is named as typed (`--replace` needs `--name`).
                let names: Vec<String> = flags
                    .iter()
                    .filter_map(|a| {
                        let l = a.get_long()?;
                        Some(if a.is_required_set() { format!("\"{l}\"") } else { format!("--{l}") })
                    })
                    .collect();
                return plain(format!("Error: required flag(s) {} not set", names.join(", ")));
            }
            plain(format!("Error: {}", count_message(cmd, &path, w.positionals.len())))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            plain(format!("Error: {}", count_message(cmd, &path, w.positionals.len())))
        }
        ErrorKind::ArgumentConflict => {
            let mut names = context_strings(e, ContextKind::PriorArg);
            names.extend(context_strings(e, ContextKind::InvalidArg));
            let mut flags: Vec<String> = Vec::new();
            let mut positional: Option<String> = None;
            for n in &names {
                match arg_named(cmd, n) {
                    Some(a) if !a.is_positional() => {
                        let f = a.get_long().map(|l| format!("--{l}")).unwrap_or_else(|| flag_title(a));
                        if !flags.contains(&f) {
                            flags.push(f);
                        }
                    }
                    a => positional = Some(positional_word(a)),
                }
            }
            flags.sort();
            flags.extend(positional);
            plain(format!("Error: {} cannot be used together", and_list(&flags)))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::NoEquals => {
            let arg_text = context_string(e, ContextKind::InvalidArg).unwrap_or_default();
            let value = context_string(e, ContextKind::InvalidValue).unwrap_or_default();
            let Some(arg) = arg_named(cmd, &arg_text) else {
                return plain(format!("Error: {}{see}", clap_message(e)));
            };
            if arg.is_positional() {
                return plain(format!("Error: {}", clap_message(e)));
            }
            if value.is_empty() && e.kind() == ErrorKind::InvalidValue {
                // `run -h` (hostname) or `ps --format` at the end of the line.
                let typed_short = arg.get_short().map(|s| format!("-{s}"));
                let long = arg.get_long().map(|l| format!("--{l}"));
                let used_long = long.as_ref().is_some_and(|l| w.flags.contains(l));
                let message = match (used_long, typed_short, long) {
                    (false, Some(s), _) => format!("flag needs an argument: '{}' in {s}", &s[1..]),
                    (_, _, Some(l)) => format!("flag needs an argument: {l}"),
                    (_, Some(s), None) => format!("flag needs an argument: '{}' in {s}", &s[1..]),
                    (_, None, None) => clap_message(e),
                };
                return plain(format!("Error: {message}{see}"));
            }
            let valid = context_strings(e, ContextKind::ValidValue);
            let reason = if !valid.is_empty() {
                format!("\"{value}\" is not a valid value.  Choose from: \"{}\"", valid.join(", "))
            } else {
                e.source().map(|s| s.to_string()).unwrap_or_else(|| clap_message(e))
            };
            plain(format!(
                "Error: invalid argument \"{value}\" for \"{}\" flag: {reason}{see}",
                flag_title(arg)
            ))
        }
        _ => plain(format!("Error: {}", clap_message(e))),
    }
}

/// cobra's `unrecognized command` with its `Did you mean this?` suggestions: the visible
/// subcommands within two edits of the word, or that start with it.
fn unrecognized(cmd: &Command, path: &str, bad: &str) -> String {
    let typed = bad.to_lowercase();
    let suggestions: Vec<String> = available_commands(cmd, false)
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| levenshtein(&typed, &n.to_lowercase()) <= 2 || n.to_lowercase().starts_with(&typed))
        .collect();
    let mut s = format!("Error: unrecognized command `{path} {bad}`\n");
    if !suggestions.is_empty() {
        s.push_str("\nDid you mean this?\n");
        for n in suggestions {
            s.push_str(&format!("\t{n}\n"));
        }
        s.push('\n');
    }
    s.push_str(&format!("Try '{path} --help' for more information"));
    s
}

/// The edit distance between two words.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(row[j + 1]) };
            prev = cur;
        }
    }
    row[b.len()]
}

/// Whether `cmd` has the flag word (`--all`, `-a`, `-ab`: every letter).
fn flag_known(cmd: &Command, flag: &str) -> bool {
    if let Some(l) = flag.strip_prefix("--") {
        return find_long(cmd, l).is_some();
    }
    let letters = flag.trim_start_matches('-');
    for c in letters.chars() {
        match find_short(cmd, c) {
            None => return false,
            Some(a) if takes_value(a) => return true,
            Some(_) => {}
        }
    }
    true
}

/// cobra's `unknown flag: --x` and `unknown shorthand flag: 'x' in -xyz`, then `See ...`.
fn unknown_flag(flag: &str, see: &str) -> String {
    if flag.starts_with("--") {
        format!("Error: unknown flag: {flag}{see}")
    } else {
        let letter = flag.chars().nth(1).unwrap_or('?');
        format!("Error: unknown shorthand flag: '{letter}' in {flag}{see}")
    }
}

/// The first line of clap's own message, without its `error: ` prefix.
fn clap_message(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("").trim();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn error_for(line: &str) -> String {
        let root = command();
        let mut argv = vec!["skiff".to_string()];
        argv.extend(words(line));
        let e = root.clone().try_get_matches_from(&argv).expect_err(line);
        usage_error(&root, &argv[1..], &e, "skiff").message
    }

    #[test]
    fn usage_lines_are_cobras() {
        let root = command();
        let usage = |line: &str| {
            let w = walk(&root, &words(line));
            usage_line(w.cmd(), &w.command_path("skiff"), w.path.len() == 1)
        };
        assert_eq!(usage(""), "skiff [options] [command]");
        assert_eq!(usage("ps"), "skiff ps [options]");
        assert_eq!(usage("container"), "skiff container [command]");
        assert_eq!(usage("container ls"), "skiff container list [options]");
        assert!(usage("rm").starts_with("skiff rm [options] [CONTAINER"), "{}", usage("rm"));
        assert!(usage("run").starts_with("skiff run [options] IMAGE"), "{}", usage("run"));
    }

    #[test]
    fn the_walk_skips_flag_values_and_stops_at_the_containers_command() {
        let root = command();
        let w = walk(&root, &words("--root /x run --name a -e X=1 img ps --help"));
        assert_eq!(w.command_path("skiff"), "skiff run");
        assert_eq!(w.positionals, ["img", "ps", "--help"]);
        let w = walk(&root, &words("network NoSuchCommand"));
        assert_eq!(w.command_path("skiff"), "skiff network");
        assert_eq!(w.unknown_command.as_deref(), Some("NoSuchCommand"));
    }

    #[test]
    fn errors_are_worded_as_cobra_words_them() {
        assert_eq!(error_for("ps --invalid"), "Error: unknown flag: --invalid\nSee 'skiff ps --help'");
        assert_eq!(error_for("bad --invalid"), "Error: unknown flag: --invalid\nSee 'skiff --help'");
        assert_eq!(error_for("ps -Z"), "Error: unknown shorthand flag: 'Z' in -Z\nSee 'skiff ps --help'");
        assert_eq!(error_for("run -h"), "Error: flag needs an argument: 'h' in -h\nSee 'skiff run --help'");
        assert_eq!(
            error_for("ps --format"),
            "Error: flag needs an argument: --format\nSee 'skiff ps --help'"
        );
        assert_eq!(error_for("ps x"), "Error: `skiff ps` takes no arguments");
        assert_eq!(
            error_for("network NoSuchCommand"),
            "Error: unrecognized command `skiff network NoSuchCommand`\nTry 'skiff network --help' for more information"
        );
        assert_eq!(error_for("network"), "Error: missing command 'skiff network COMMAND'");
        assert_eq!(
            error_for("contaner"),
            "Error: unrecognized command `skiff contaner`\n\nDid you mean this?\n\tcontainer\n\nTry 'skiff --help' for more information"
        );
        assert!(error_for("image exist x").contains("Did you mean this?\n\texists\n"));
        assert_eq!(error_for("rename a b c"), "Error: accepts 2 arg(s), received 3");
        assert_eq!(error_for("rename"), "Error: accepts 2 arg(s), received 0");
        assert_eq!(error_for("pull"), "Error: requires at least 1 arg(s), only received 0");
        assert!(
            error_for("ps --last x").starts_with("Error: invalid argument \"x\" for \"-n, --last\" flag: ")
        );
    }

    #[test]
    fn help_is_in_cobras_layout() {
        let root = command();
        let text = help_text(&walk(&root, &words("container")), "skiff");
        assert!(text.starts_with("Manage containers\n\nDescription:\n"), "{text}");
        assert!(
            text.contains("\nUsage:\n  skiff container [command]\n\nAvailable Commands:\n  attach "),
            "{text}"
        );
        assert!(!text.contains("Options:"), "{text}");
        let text = help_text(&walk(&root, &words("ps")), "skiff");
        assert!(text.contains("\nUsage:\n  skiff ps [options]\n\nOptions:\n  -a, --all "), "{text}");
        assert!(!text.contains("--root"), "global flags are the top-level help's: {text}");
        let text = help_command(&root, &words("help"), "skiff").unwrap();
        assert!(text.starts_with(ROOT_SUMMARY), "{text}");
        assert!(text.contains("\n  help        Help about any command\n"), "{text}");
        assert!(text.contains("\n      --root path "), "{text}");
    }
}
