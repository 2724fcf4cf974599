//! `.containerignore` / `.dockerignore`: which context files COPY and ADD cannot see, with
//! docker's rules (moby's patternmatcher): one pattern a line, `#` comments, paths relative to
//! the context (a leading `/` changes nothing), `*` and `?` within one path component, `[...]`
//! classes, `**` for any number of directories, `\` escapes, `!` re-includes what an earlier
//! pattern excluded. The last matching pattern decides; a pattern that matches a directory
//! matches everything in it.

use regex::Regex;

/// Why an ignore file cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("invalid pattern {pattern:?} in the ignore file")]
pub struct Error {
    pub pattern: String,
    #[source]
    pub source: regex::Error,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// The cleaned pattern text.
    text: String,
    regex: Regex,
    exclusion: bool,
}

/// The compiled patterns of an ignore file.
#[derive(Debug, Default, Clone)]
pub struct Ignore {
    patterns: Vec<Pattern>,
}

impl Ignore {
    /// Compiles the text of an ignore file.
    pub fn parse(text: &str) -> Result<Ignore, Error> {
        let mut patterns = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (exclusion, p) = match line.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            let p = clean(p);
            if p.is_empty() {
                continue;
            }
            let regex = Regex::new(&to_regex(&p)).map_err(|source| Error { pattern: line.into(), source })?;
            patterns.push(Pattern { text: p, regex, exclusion });
        }
        Ok(Ignore { patterns })
    }

    /// Whether no pattern re-includes anything (then an excluded directory can be skipped whole).
    pub fn has_exceptions(&self) -> bool {
        self.patterns.iter().any(|p| p.exclusion)
    }

    /// Whether anything below the excluded directory `dir` can be re-included: docker looks
    /// inside only when an exception pattern starts with the directory's path (`!dir/keep`), so
    /// `!*/keep` does not reach into an excluded `dir`.
    pub fn may_include_below(&self, dir: &str) -> bool {
        let prefix = format!("{}/", clean(dir));
        self.patterns.iter().any(|p| p.exclusion && format!("{}/", p.text).starts_with(&prefix))
    }

    /// Whether `rel` (relative to the context, `/`-separated) is excluded.
    pub fn excludes(&self, rel: &str) -> bool {
        let rel = clean(rel);
        let parents: Vec<&str> = rel.split('/').collect();
        let mut matched = false;
        for p in &self.patterns {
            if p.exclusion != matched {
                continue;
            }
            let mut hit = p.regex.is_match(&rel);
            if !hit && parents.len() > 1 {
                hit = (1..parents.len()).any(|i| p.regex.is_match(&parents[..i].join("/")));
            }
            if hit {
                matched = !p.exclusion;
            }
        }
        matched
    }
}

/// Go's `filepath.Clean` for relative patterns, without the leading `/`.
fn clean(p: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out.join("/")
}

fn to_regex(p: &str) -> String {
    let mut re = String::from("^");
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                i += 1;
                if chars.get(i + 1) == Some(&'/') {
                    i += 1;
                }
                if i + 1 >= chars.len() {
                    re.push_str(".*");
                } else {
                    re.push_str("(.*/)?");
                }
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            '[' => {
                // A class up to its `]`, passed to the regex as it is (`^` negates in both).
                match chars[i..].iter().position(|&x| x == ']') {
                    Some(end) => {
                        let class: String = chars[i + 1..i + end].iter().collect();
                        let class = class.strip_prefix('!').map(|c| format!("^{c}")).unwrap_or(class);
                        re.push('[');
                        re.push_str(&class.replace('\\', "\\\\"));
                        re.push(']');
                        i += end;
                    }
                    None => re.push_str("\\["),
                }
            }
            '\\' if i + 1 < chars.len() => {
                i += 1;
                re.push_str(&regex::escape(&chars[i].to_string()));
            }
            c => re.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    re.push('$');
    re
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignore(text: &str) -> Ignore {
        Ignore::parse(text).unwrap()
    }

    /// The examples of docker's documentation for .dockerignore.
    #[test]
    fn the_examples_of_dockers_documentation() {
        let i = ignore("# comment\n*/temp*\n*/*/temp*\ntemp?\n");
        assert!(i.excludes("somedir/temporary.txt"));
        assert!(i.excludes("somedir/temp"));
        assert!(i.excludes("somedir/subdir/temporary.txt"));
        assert!(i.excludes("tempa"));
        assert!(i.excludes("tempb"));
        assert!(!i.excludes("temp"));
        assert!(!i.excludes("tempab"));
        assert!(!i.excludes("temporary.txt"));
        assert!(!i.excludes("a/b/c/temp"));

        let go = ignore("**/*.go");
        assert!(go.excludes("main.go"));
        assert!(go.excludes("cmd/x/main.go"));
        assert!(!go.excludes("main.gox"));

        let md = ignore("*.md\n!README.md");
        assert!(md.excludes("CHANGES.md"));
        assert!(!md.excludes("README.md"));

        let md = ignore("*.md\n!README*.md\nREADME-secret.md");
        assert!(md.excludes("CHANGES.md"));
        assert!(!md.excludes("README-public.md"));
        assert!(md.excludes("README-secret.md"));

        let md = ignore("*.md\nREADME-secret.md\n!README*.md");
        assert!(!md.excludes("README-secret.md"));
        assert!(!md.excludes("README.md"));
        assert!(md.excludes("CHANGES.md"));
    }

    #[test]
    fn directories_leading_slash_and_classes() {
        let i = ignore("/build\nnode_modules/\n.git\nlog[0-9].txt\n# not/this\n  \n");
        assert!(i.excludes("build"));
        assert!(i.excludes("build/out/app"));
        assert!(!i.excludes("src/build"));
        assert!(i.excludes("node_modules/x/index.js"));
        assert!(i.excludes(".git/HEAD"));
        assert!(i.excludes("log1.txt"));
        assert!(!i.excludes("logx.txt"));
        assert!(!i.excludes("not/this"));
        assert!(!i.has_exceptions());

        // docker looks into an excluded directory only for an exception that names it.
        let i = ignore("# comment\ntest*\n!test2*\nsubdir1\nsubdir2\n!*/sub1*\n!subdir1/sub3*\n");
        assert!(i.may_include_below("subdir1"));
        assert!(!i.may_include_below("subdir2"));
        assert!(!i.excludes("subdir1/sub1") && !i.excludes("subdir1/sub3.txt") && i.excludes("subdir1/sub2"));
        assert!(i.excludes("test1") && !i.excludes("test2.txt"));

        let i = ignore("data/**\n!data/keep/**");
        assert!(i.excludes("data/big.bin"));
        assert!(!i.excludes("data/keep/x"));
        assert!(i.has_exceptions());

        let i = ignore("**");
        assert!(i.excludes("anything/at/all"));
        let i = ignore("a/**/b");
        assert!(i.excludes("a/b"));
        assert!(i.excludes("a/x/y/b"));
        assert!(!i.excludes("a/x/y/c"));
        let i = ignore(r"x\*y");
        assert!(i.excludes("x*y"));
        assert!(!i.excludes("xzy"));
    }
}
