//! Dockerfile words as docker's shell lexer reads them: quotes (`'...'` literal, `"..."` with
//! `$` expansion), the escape character (`\` or the `# escape=` directive's), and variables
//! (`$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`,
//! `${NAME:?message}`, `${NAME?message}`). An unset variable expands to nothing. RUN commands are
//! never expanded here: the shell in the container does that with the build's environment.

/// Looks up a variable: the stage's ARG and ENV values.
pub type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Why a word cannot be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("unterminated quote in {word:?}")]
    Quote { word: String },
    #[error("missing '}}' in {word:?}")]
    Brace { word: String },
    #[error("{name}: {message}")]
    Required { name: String, message: String },
    #[error("unsupported modifier {modifier:?} in {word:?}")]
    Modifier { modifier: String, word: String },
}

/// Expands one word: quotes removed, variables substituted, whitespace kept.
pub fn expand(word: &str, vars: Vars<'_>, escape: char) -> Result<String, Error> {
    let mut lexer = Lexer { chars: word.chars().collect(), pos: 0, escape, word };
    let words = lexer.run(vars, false)?;
    Ok(words.into_iter().next().unwrap_or_default())
}

/// Splits `text` into words at unquoted whitespace, each expanded (ARG/ENV/LABEL values, EXPOSE).
pub fn expand_all(text: &str, vars: Vars<'_>, escape: char) -> Result<Vec<String>, Error> {
    let mut lexer = Lexer { chars: text.chars().collect(), pos: 0, escape, word: text };
    lexer.run(vars, true)
}

/// Splits `text` at unquoted whitespace without touching quotes or variables (the words of
/// `ENV a="x y" b=c` before each is expanded).
pub fn split_raw(text: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    let mut in_word = false;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                cur.push(c);
                if c == q {
                    quote = None;
                } else if c == escape && q == '"' {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                in_word = true;
                cur.push(c);
                if c == '"' || c == '\'' {
                    quote = Some(c);
                } else if c == escape {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

struct Lexer<'w> {
    chars: Vec<char>,
    pos: usize,
    escape: char,
    word: &'w str,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    /// Reads to the end (or, inside `${...:-word}`, to the closing brace: `stop_at_brace`).
    fn run(&mut self, vars: Vars<'_>, split: bool) -> Result<Vec<String>, Error> {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut in_word = false;
        while let Some(c) = self.next() {
            if split && c.is_whitespace() {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
                continue;
            }
            in_word = true;
            self.one(c, vars, &mut cur)?;
        }
        if in_word || !split {
            words.push(cur);
        }
        Ok(words)
    }

    fn one(&mut self, c: char, vars: Vars<'_>, cur: &mut String) -> Result<(), Error> {
        match c {
            '\'' => loop {
                match self.next() {
                    Some('\'') => break,
                    Some(x) => cur.push(x),
                    None => return Err(Error::Quote { word: self.word.into() }),
                }
            },
            '"' => loop {
                match self.next() {
                    Some('"') => break,
                    Some('$') => self.dollar(vars, cur)?,
                    Some(x) if x == self.escape => match self.next() {
                        Some(n) if n == '"' || n == '$' || n == self.escape => cur.push(n),
                        Some(n) => {
                            cur.push(x);
                            cur.push(n);
                        }
                        None => return Err(Error::Quote { word: self.word.into() }),
                    },
                    Some(x) => cur.push(x),
                    None => return Err(Error::Quote { word: self.word.into() }),
                }
            },
            '$' => self.dollar(vars, cur)?,
            x if x == self.escape => match self.next() {
                Some(n) => cur.push(n),
                None => cur.push(x),
            },
            x => cur.push(x),
        }
        Ok(())
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
            name.push(c);
            self.pos += 1;
        }
        name
    }

    fn dollar(&mut self, vars: Vars<'_>, cur: &mut String) -> Result<(), Error> {
        match self.peek() {
            Some('{') => {
                self.pos += 1;
                let name = self.name();
                let mut modifier = String::new();
                if self.peek() == Some(':') {
                    modifier.push(':');
                    self.pos += 1;
                }
                match self.next() {
                    Some('}') if modifier.is_empty() => {
                        cur.push_str(&vars(&name).unwrap_or_default());
                        return Ok(());
                    }
                    Some(m @ ('-' | '+' | '?')) => modifier.push(m),
                    _ => return Err(Error::Brace { word: self.word.into() }),
                }
                let word = self.braced_word(vars)?;
                let value = vars(&name);
                let set = match modifier.starts_with(':') {
                    true => value.as_deref().is_some_and(|v| !v.is_empty()),
                    false => value.is_some(),
                };
                match modifier.trim_start_matches(':') {
                    "-" if set => cur.push_str(&value.unwrap_or_default()),
                    "-" => cur.push_str(&word),
                    "+" if set => cur.push_str(&word),
                    "+" => {}
                    "?" if set => cur.push_str(&value.unwrap_or_default()),
                    "?" => {
                        let message =
                            if word.is_empty() { "is not allowed to be unset".into() } else { word };
                        return Err(Error::Required { name, message });
                    }
                    _ => return Err(Error::Modifier { modifier, word: self.word.into() }),
                }
                Ok(())
            }
            Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
                let name = self.name();
                cur.push_str(&vars(&name).unwrap_or_default());
                Ok(())
            }
            _ => {
                cur.push('$');
                Ok(())
            }
        }
    }

    /// The word of `${NAME:-word}` up to its closing brace, expanded.
    fn braced_word(&mut self, vars: Vars<'_>) -> Result<String, Error> {
        let mut cur = String::new();
        loop {
            match self.next() {
                Some('}') => return Ok(cur),
                Some(c) => self.one(c, vars, &mut cur)?,
                None => return Err(Error::Brace { word: self.word.into() }),
            }
        }
    }
}

/// `NAME=VALUE` pairs of ENV, LABEL and ARG, values expanded; the old `ENV NAME VALUE...` form
/// when the first word has no `=` (`allow_old_form`). An ARG word without `=` has no value.
pub fn pairs(
    text: &str,
    vars: Vars<'_>,
    escape: char,
    allow_old_form: bool,
) -> Result<Vec<(String, Option<String>)>, Error> {
    let words = split_raw(text, escape);
    if allow_old_form {
        if let Some(first) = words.first().filter(|w| !w.contains('=')) {
            let rest = text.trim_start()[first.len()..].trim();
            return Ok(vec![(expand(first, vars, escape)?, Some(expand(rest, vars, escape)?))]);
        }
    }
    words
        .iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) => Ok((expand(k, vars, escape)?, Some(expand(v, vars, escape)?))),
            None => Ok((expand(w, vars, escape)?, None)),
        })
        .collect()
}

/// Whether `text` has a glob character (`*`, `?`, `[`) outside an escape.
pub fn has_glob(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<String> {
        match name {
            "A" => Some("1".into()),
            "EMPTY" => Some(String::new()),
            "SP" => Some("x y".into()),
            _ => None,
        }
    }

    fn x(s: &str) -> String {
        expand(s, &vars, '\\').unwrap()
    }

    #[test]
    fn variables_quotes_and_escapes() {
        assert_eq!(x("$A"), "1");
        assert_eq!(x("${A}b"), "1b");
        assert_eq!(x("a$NOPE.b"), "a.b");
        assert_eq!(x("'$A'"), "$A");
        assert_eq!(x("\"$A $SP\""), "1 x y");
        assert_eq!(x(r"\$A"), "$A");
        assert_eq!(x(r#""a\"b\$c\d""#), r#"a"b$c\d"#);
        assert_eq!(x("${NOPE:-d$A}"), "d1");
        assert_eq!(x("${EMPTY:-d}"), "d");
        assert_eq!(x("${EMPTY-d}"), "");
        assert_eq!(x("${A:+yes}"), "yes");
        assert_eq!(x("${NOPE:+yes}"), "");
        assert_eq!(x("$"), "$");
        assert_eq!(x("a b"), "a b");
        assert!(matches!(expand("${NOPE:?must be set}", &vars, '\\'), Err(Error::Required { .. })));
        assert!(matches!(expand("\"open", &vars, '\\'), Err(Error::Quote { .. })));
        assert!(matches!(expand("${A", &vars, '\\'), Err(Error::Brace { .. })));
        // The escape directive's backtick.
        assert_eq!(expand("a`$A", &vars, '`').unwrap(), "a$A");
    }

    #[test]
    fn words_and_pairs() {
        assert_eq!(expand_all("a  \"b c\" $A", &vars, '\\').unwrap(), vec!["a", "b c", "1"]);
        assert_eq!(split_raw(r#"X="a b" Y=c\ d Z=$A"#, '\\'), vec![r#"X="a b""#, r"Y=c\ d", "Z=$A"]);
        let p = pairs(r#"X="a b" Y=c\ d Z=$A"#, &vars, '\\', true).unwrap();
        let want: Vec<(String, Option<String>)> = vec![
            ("X".into(), Some("a b".into())),
            ("Y".into(), Some("c d".into())),
            ("Z".into(), Some("1".into())),
        ];
        assert_eq!(p, want);
        let old = pairs("OLD value with  $A", &vars, '\\', true).unwrap();
        assert_eq!(old, vec![("OLD".to_string(), Some("value with  1".to_string()))]);
        let args = pairs("A B=2", &vars, '\\', false).unwrap();
        assert_eq!(args, vec![("A".to_string(), None), ("B".to_string(), Some("2".to_string()))]);
    }
}
