//! A Containerfile, parsed by the `parse-dockerfile` crate (directives, escape character, line
//! continuations, heredocs, stages, JSON and shell forms) and turned into skiff's own types:
//! each instruction with its line number and its text as podman prints it (`STEP 2/5: RUN ...`),
//! its words still unexpanded (ARG and ENV values are known only while the stage is built).

use std::ops::Range;

use parse_dockerfile as pd;

/// Why a Containerfile cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{file}:{line}: {message}")]
    Syntax { file: String, line: usize, message: String },
    #[error("{file}:{line}: {instruction}: {message}")]
    Instruction { file: String, line: usize, instruction: String, message: String },
}

/// A command in exec form (a JSON array) or shell form (run by the stage's SHELL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Exec(Vec<String>),
    Shell(String),
}

/// A COPY or ADD source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Path(String),
    /// `COPY <<EOF /dest`: the text up to the delimiter; `expand` unless the delimiter was quoted.
    HereDoc {
        content: String,
        expand: bool,
    },
}

/// `--name[=value]` of an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub name: String,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    From {
        image: String,
        name: Option<String>,
        flags: Vec<Flag>,
    },
    Run {
        flags: Vec<Flag>,
        command: Command,
    },
    Copy {
        add: bool,
        flags: Vec<Flag>,
        sources: Vec<Source>,
        dest: String,
    },
    Env(String),
    Arg(String),
    Label(String),
    Maintainer(String),
    Workdir(String),
    User(String),
    Expose(Vec<String>),
    Volume(Vec<String>),
    StopSignal(String),
    Cmd(Command),
    Entrypoint(Command),
    Shell(Vec<String>),
    Healthcheck {
        flags: Vec<Flag>,
        command: Option<Command>,
    },
    /// The trigger's text, run when an image built from this one is used in FROM.
    OnBuild(String),
}

/// One instruction: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    pub line: usize,
    /// The instruction as written, continuations joined (the first line only for heredocs).
    pub text: String,
    pub kind: Kind,
}

impl Instruction {
    /// The keyword in capitals (`RUN`, `COPY`, ...).
    pub fn keyword(&self) -> String {
        self.text.split_whitespace().next().unwrap_or_default().to_ascii_uppercase()
    }
}

/// A FROM instruction and what follows it up to the next FROM.
#[derive(Debug, Clone)]
pub struct Stage {
    pub from: Instruction,
    pub name: Option<String>,
    pub instructions: Vec<Instruction>,
}

/// A parsed Containerfile.
#[derive(Debug, Clone)]
pub struct Dockerfile {
    /// The name for messages (the path, or `-` for stdin).
    pub file: String,
    pub escape: char,
    /// ARGs before the first FROM.
    pub global_args: Vec<Instruction>,
    pub stages: Vec<Stage>,
}

impl Dockerfile {
    /// Parses `text`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Dockerfile, Error> {
        // Heredocs after a command (`RUN cat <<EOF > /x`), which the parser reads only at the
        // start of the command: their bodies are blanked (line numbers stay) and given back to
        // the RUN they belong to.
        let (blanked, bodies) = lift_heredocs(text);
        let text = blanked.as_str();
        let parsed = pd::parse(text).map_err(|e| Error::Syntax {
            file: file.into(),
            line: e.line(),
            message: format!("{e:#}"),
        })?;
        let escape = parsed.parser_directives.escape.as_ref().map(|d| d.value.value).unwrap_or('\\');
        let starts: Vec<usize> = parsed.instructions.iter().map(|i| span_of(i).start).collect();
        let mut global_args = Vec::new();
        let mut stages: Vec<Stage> = Vec::new();
        for (n, inst) in parsed.instructions.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            let mut converted = convert(file, text, inst, starts[n]..end, escape)?;
            if let (Some(body), Kind::Run { command: Command::Shell(cmd), .. }) =
                (bodies.get(&converted.line), &mut converted.kind)
            {
                cmd.push('\n');
                cmd.push_str(body);
            }
            match (&converted.kind, stages.last_mut()) {
                (Kind::From { name, .. }, _) => {
                    let name = name.clone();
                    stages.push(Stage { from: converted, name, instructions: Vec::new() });
                }
                (_, Some(stage)) => stage.instructions.push(converted),
                (Kind::Arg(_), None) => global_args.push(converted),
                (_, None) => {
                    return Err(Error::Instruction {
                        file: file.into(),
                        line: converted.line,
                        instruction: converted.keyword(),
                        message: "only ARG may come before the first FROM".into(),
                    })
                }
            }
        }
        if stages.is_empty() {
            return Err(Error::Syntax { file: file.into(), line: 1, message: "no FROM instruction".into() });
        }
        Ok(Dockerfile { file: file.into(), escape, global_args, stages })
    }

    /// Parses one ONBUILD trigger (its text) of a base image.
    pub fn parse_trigger(image: &str, trigger: &str) -> Result<Instruction, Error> {
        let text = format!("FROM scratch\n{trigger}\n");
        let file = format!("ONBUILD of {image}");
        let parsed = Dockerfile::parse(&file, &text)?;
        parsed
            .stages
            .into_iter()
            .next()
            .and_then(|s| s.instructions.into_iter().next())
            .ok_or(Error::Syntax { file, line: 1, message: format!("empty ONBUILD trigger {trigger:?}") })
    }
}

/// The heredoc delimiters a RUN line opens after its command: `<<EOF`, `<<-EOF`, `<<"EOF"`.
fn heredoc_delimiters(line: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)(["']?)"#).expect("a valid regex");
    re.captures_iter(line).map(|c| c[2].to_string()).collect()
}

/// Blanks the bodies of heredocs that follow a command in a RUN line (the parser handles only
/// `RUN <<EOF`); returns the text and, per RUN line number, the bodies with their delimiters.
fn lift_heredocs(text: &str) -> (String, std::collections::HashMap<usize, String>) {
    let mut bodies = std::collections::HashMap::new();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push(line.to_string());
        let t = line.trim_start();
        let is_run = t.len() > 4 && t[..4].eq_ignore_ascii_case("run ");
        let mut rest = if is_run { t[4..].trim_start() } else { "" };
        while rest.starts_with("--") {
            rest = rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..].trim_start();
        }
        let delims = if is_run && !rest.starts_with("<<") { heredoc_delimiters(rest) } else { Vec::new() };
        let run_line = i + 1;
        i += 1;
        let mut body = String::new();
        for d in delims {
            while i < lines.len() {
                let l = lines[i];
                body.push_str(l);
                body.push('\n');
                out.push(String::new());
                i += 1;
                if l.trim_start_matches('\t').trim_end_matches('\r') == d {
                    break;
                }
            }
        }
        if !body.is_empty() {
            bodies.insert(run_line, body);
        }
    }
    (out.join("\n"), bodies)
}

fn span_of(inst: &pd::Instruction<'_>) -> Range<usize> {
    use pd::Instruction as I;
    match inst {
        I::Add(i) => i.add.span.clone(),
        I::Arg(i) => i.arg.span.clone(),
        I::Cmd(i) => i.cmd.span.clone(),
        I::Copy(i) => i.copy.span.clone(),
        I::Entrypoint(i) => i.entrypoint.span.clone(),
        I::Env(i) => i.env.span.clone(),
        I::Expose(i) => i.expose.span.clone(),
        I::From(i) => i.from.span.clone(),
        I::Healthcheck(i) => i.healthcheck.span.clone(),
        I::Label(i) => i.label.span.clone(),
        I::Maintainer(i) => i.maintainer.span.clone(),
        I::Onbuild(i) => i.onbuild.span.clone(),
        I::Run(i) => i.run.span.clone(),
        I::Shell(i) => i.shell.span.clone(),
        I::Stopsignal(i) => i.stopsignal.span.clone(),
        I::User(i) => i.user.span.clone(),
        I::Volume(i) => i.volume.span.clone(),
        I::Workdir(i) => i.workdir.span.clone(),
        _ => 0..0,
    }
}

/// Joins continuation lines (`escape` before the newline), dropping comment and empty lines
/// inside the continuation, as docker does.
pub fn join_continuations(text: &str, escape: char) -> String {
    let mut out = String::new();
    for (n, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        let t = line.trim_start();
        if n > 0 && (t.starts_with('#') || t.is_empty()) {
            continue;
        }
        let trimmed = line.trim_end();
        match trimmed.strip_suffix(escape) {
            Some(head) => out.push_str(head),
            None => {
                out.push_str(line);
                break;
            }
        }
    }
    out
}

/// The source text of one instruction: up to the next one, without the comment and blank lines
/// that follow it.
fn source_text(text: &str, range: Range<usize>) -> &str {
    let mut s = &text[range];
    loop {
        let trimmed = s.trim_end();
        let last = trimmed.rsplit('\n').next().unwrap_or("");
        if last.trim_start().starts_with('#') && trimmed.contains('\n') {
            s = &trimmed[..trimmed.len() - last.len()];
        } else {
            return trimmed;
        }
    }
}

fn flags(options: &[pd::Flag<'_>]) -> Vec<Flag> {
    options
        .iter()
        .map(|f| Flag {
            name: f.name.value.to_string(),
            value: f.value.as_ref().map(|v| v.value.to_string()),
        })
        .collect()
}

fn command(c: &pd::Command<'_>, escape: char) -> Command {
    match c {
        pd::Command::Exec(v) => Command::Exec(v.value.iter().map(|s| s.value.to_string()).collect()),
        pd::Command::Shell(s) => Command::Shell(join_continuations(s.value, escape).trim().to_string()),
        _ => Command::Shell(String::new()),
    }
}

fn convert(
    file: &str,
    text: &str,
    inst: &pd::Instruction<'_>,
    range: Range<usize>,
    escape: char,
) -> Result<Instruction, Error> {
    use pd::Instruction as I;
    let line = text[..range.start].matches('\n').count() + 1;
    let source = source_text(text, range.clone());
    let joined = join_continuations(source, escape);
    let display = joined.lines().next().unwrap_or_default().trim().to_string();
    let s = |u: &pd::UnescapedString<'_>| u.value.to_string();
    let kind = match inst {
        I::From(f) => Kind::From {
            image: s(&f.image),
            name: f.as_.as_ref().map(|(_, n)| n.value.to_string()),
            flags: flags(&f.options),
        },
        I::Run(r) => {
            let command = match (&r.arguments, r.here_docs.is_empty()) {
                (c, true) => command(c, escape),
                (pd::Command::Shell(sh), false) => {
                    let cmd = join_continuations(sh.value, escape);
                    if cmd.trim().is_empty() && r.here_docs.len() == 1 {
                        // `RUN <<EOF`: the document is the script.
                        Command::Shell(r.here_docs[0].value.to_string())
                    } else {
                        // The shell reads the heredocs itself: give it the text after the flags.
                        Command::Shell(heredoc_command(source, escape))
                    }
                }
                (c, false) => command(c, escape),
            };
            Kind::Run { flags: flags(&r.options), command }
        }
        I::Copy(c) => {
            Kind::Copy { add: false, flags: flags(&c.options), sources: sources(&c.src), dest: s(&c.dest) }
        }
        I::Add(c) => {
            Kind::Copy { add: true, flags: flags(&c.options), sources: sources(&c.src), dest: s(&c.dest) }
        }
        I::Env(e) => Kind::Env(join_continuations(&e.arguments.value, escape)),
        I::Arg(a) => Kind::Arg(s(&a.arguments)),
        I::Label(l) => Kind::Label(join_continuations(&l.arguments.value, escape)),
        I::Maintainer(m) => Kind::Maintainer(s(&m.name)),
        I::Workdir(w) => Kind::Workdir(s(&w.arguments)),
        I::User(u) => Kind::User(s(&u.arguments)),
        I::Expose(e) => Kind::Expose(e.arguments.iter().map(s).collect()),
        I::Volume(v) => Kind::Volume(match &v.arguments {
            pd::JsonOrStringArray::Json(j) => j.value.iter().map(s).collect(),
            pd::JsonOrStringArray::String(a) => a.iter().map(s).collect(),
        }),
        I::Stopsignal(x) => Kind::StopSignal(s(&x.arguments)),
        I::Cmd(c) => Kind::Cmd(command(&c.arguments, escape)),
        I::Entrypoint(c) => Kind::Entrypoint(command(&c.arguments, escape)),
        I::Shell(sh) => Kind::Shell(sh.arguments.iter().map(s).collect()),
        I::Healthcheck(h) => Kind::Healthcheck {
            flags: flags(&h.options),
            command: match &h.arguments {
                pd::HealthcheckArguments::Cmd { arguments, .. } => Some(command(arguments, escape)),
                _ => None,
            },
        },
        I::Onbuild(_) => {
            let rest = joined.trim_start()["ONBUILD".len()..].trim();
            Kind::OnBuild(rest.to_string())
        }
        _ => {
            return Err(Error::Instruction {
                file: file.into(),
                line,
                instruction: display.split_whitespace().next().unwrap_or_default().to_ascii_uppercase(),
                message: "this instruction is not supported".into(),
            })
        }
    };
    if let Kind::From { flags, .. } | Kind::Run { flags, .. } | Kind::Copy { flags, .. } = &kind {
        if let Some(f) = flags.iter().find(|f| !known_flag(&kind, &f.name)) {
            return Err(Error::Instruction {
                file: file.into(),
                line,
                instruction: display.split_whitespace().next().unwrap_or_default().to_ascii_uppercase(),
                message: format!("unknown flag --{}", f.name),
            });
        }
    }
    Ok(Instruction { line, text: display, kind })
}

fn known_flag(kind: &Kind, name: &str) -> bool {
    match kind {
        Kind::From { .. } => name == "platform",
        Kind::Run { .. } => ["mount", "network"].contains(&name),
        Kind::Copy { add: false, .. } => ["from", "chown", "chmod", "link"].contains(&name),
        Kind::Copy { add: true, .. } => ["chown", "chmod", "link"].contains(&name),
        _ => true,
    }
}

fn sources(src: &[pd::Source<'_>]) -> Vec<Source> {
    src.iter()
        .map(|s| match s {
            pd::Source::Path(p) => Source::Path(p.value.to_string()),
            pd::Source::HereDoc(h) => Source::HereDoc { content: h.value.to_string(), expand: h.expand },
            #[allow(unreachable_patterns)]
            _ => Source::Path(String::new()),
        })
        .collect()
}

/// The shell text of a `RUN [--flags] command <<EOF ...` with its heredocs, after the keyword
/// and the flags.
fn heredoc_command(source: &str, escape: char) -> String {
    let (first, rest) = source.split_once('\n').unwrap_or((source, ""));
    let first = join_continuations(first, escape);
    let mut words = first.trim_start().splitn(2, char::is_whitespace);
    words.next(); // RUN
    let mut tail = words.next().unwrap_or("").trim_start();
    while tail.starts_with("--") {
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        tail = tail[end..].trim_start();
    }
    format!("{tail}\n{rest}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"# syntax=docker/dockerfile:1
ARG BASE=busybox
FROM $BASE AS builder
# a comment
RUN echo a \
  # inside
  b && \
  echo c

RUN ["sh", "-c", "echo hi"]
RUN <<EOT
echo heredoc
EOT
RUN --mount=type=tmpfs,target=/t <<EOF
data
EOF
COPY --from=builder --chown=1:2 a* b /dst/
FROM scratch
COPY <<EOF2 /x
content $A
EOF2
ENV A=1 \
    B=2
ONBUILD RUN echo later
"#;

    #[test]
    fn instructions_with_lines_text_and_forms() {
        let d = Dockerfile::parse("Containerfile", TEXT).unwrap();
        assert_eq!(d.global_args.len(), 1);
        assert_eq!(d.stages.len(), 2);
        let b = &d.stages[0];
        assert_eq!(b.name.as_deref(), Some("builder"));
        assert_eq!(b.from.line, 3);
        assert_eq!(b.from.text, "FROM $BASE AS builder");
        let run = &b.instructions[0];
        assert_eq!(run.line, 5);
        assert_eq!(
            run.kind,
            Kind::Run { flags: vec![], command: Command::Shell("echo a   b &&   echo c".into()) }
        );
        assert_eq!(run.text, "RUN echo a   b &&   echo c");
        assert_eq!(
            b.instructions[1].kind,
            Kind::Run {
                flags: vec![],
                command: Command::Exec(vec!["sh".into(), "-c".into(), "echo hi".into()])
            }
        );
        assert_eq!(
            b.instructions[2].kind,
            Kind::Run { flags: vec![], command: Command::Shell("echo heredoc\n".into()) }
        );
        match &b.instructions[3].kind {
            Kind::Run { flags, command: Command::Shell(s) } => {
                assert_eq!(flags[0].name, "mount");
                assert_eq!(s, "data\n");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(b.instructions[3].text, "RUN --mount=type=tmpfs,target=/t <<EOF");
        match &b.instructions[4].kind {
            Kind::Copy { add: false, flags, sources, dest } => {
                assert_eq!(flags.len(), 2);
                assert_eq!(sources, &[Source::Path("a*".into()), Source::Path("b".into())]);
                assert_eq!(dest, "/dst/");
            }
            other => panic!("{other:?}"),
        }
        let s = &d.stages[1];
        assert_eq!(
            s.instructions[0].kind,
            Kind::Copy {
                add: false,
                flags: vec![],
                sources: vec![Source::HereDoc { content: "content $A\n".into(), expand: true }],
                dest: "/x".into()
            }
        );
        assert_eq!(s.instructions[1].kind, Kind::Env("A=1     B=2".into()));
        assert_eq!(s.instructions[2].kind, Kind::OnBuild("RUN echo later".into()));
    }

    #[test]
    fn errors_name_the_file_line_and_instruction() {
        let err = Dockerfile::parse("Containerfile", "FROM busybox\nRUN true\nFROBNICATE x\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("Containerfile:3") && text.contains("FROBNICATE"), "{text}");
        let err = Dockerfile::parse("cf", "FROM busybox\nCOPY --bogus=1 a b\n").unwrap_err();
        assert_eq!(err.to_string(), "cf:2: COPY: unknown flag --bogus");
        let err = Dockerfile::parse("cf", "RUN true\n").unwrap_err();
        assert!(err.to_string().starts_with("cf:1:"), "{err}");
        let err = Dockerfile::parse("cf", "FROM a\nRUN <<EOF\nnever ends\n").unwrap_err();
        assert!(err.to_string().starts_with("cf:4: expected end of here-document"), "{err}");
        let err = Dockerfile::parse("cf", "# nothing\n").unwrap_err();
        assert!(err.to_string().contains("FROM"), "{err}");
    }

    #[test]
    fn heredocs_after_a_command() {
        let text = "FROM x\nRUN cat <<EOF > /file && echo done\nline 1\n  line 2\nEOF\nRUN true\n";
        let d = Dockerfile::parse("cf", text).unwrap();
        let i = &d.stages[0].instructions;
        assert_eq!(
            i[0].kind,
            Kind::Run {
                flags: vec![],
                command: Command::Shell("cat <<EOF > /file && echo done\nline 1\n  line 2\nEOF\n".into())
            }
        );
        assert_eq!(i[0].text, "RUN cat <<EOF > /file && echo done");
        assert_eq!((i[1].line, &i[1].text), (6, &"RUN true".to_string()));
    }

    #[test]
    fn the_escape_directive() {
        let d = Dockerfile::parse("cf", "# escape=`\nFROM x\nRUN echo a `\n  b\n").unwrap();
        assert_eq!(d.escape, '`');
        assert_eq!(
            d.stages[0].instructions[0].kind,
            Kind::Run { flags: vec![], command: Command::Shell("echo a   b".into()) }
        );
    }
}
