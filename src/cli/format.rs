//! `--format`: `json`, and the subset of Go templates podman users write:
//! `{{.Field.Sub}}`, `{{json .Field}}`, `{{upper .X}}`, `{{lower .X}}`, `{{index .Map "key"}}`,
//! literal text with `\t` and `\n`, and a leading `table` that prints a header row.
//! Field names match JSON keys case-insensitively, so `.Host.Kernel` finds `host.kernel`.

use serde_json::Value;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Error {
    #[error("template {template:?}: unclosed action: add \"}}}}\"")]
    Unclosed { template: String },
    #[error("template {template:?}: unknown function {name:?} (supported: json, upper, lower, index)")]
    UnknownFunction { template: String, name: String },
    #[error("template {template:?}: cannot parse action {action:?}")]
    BadAction { template: String, action: String },
}

#[derive(Debug, Clone, PartialEq)]
enum Arg {
    Path(Vec<String>),
    Str(String),
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Action { func: Option<String>, args: Vec<Arg> },
}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    pieces: Vec<Piece>,
    table: bool,
}

fn unescape(s: &str) -> String {
    s.replace("\\t", "\t").replace("\\n", "\n")
}

impl Template {
    pub fn parse(src: &str) -> Result<Template, Error> {
        let mut rest = src;
        let mut table = false;
        if let Some(r) = rest.strip_prefix("table") {
            if r.is_empty() || r.starts_with(char::is_whitespace) {
                table = true;
                rest = r.trim_start();
            }
        }
        let mut pieces = Vec::new();
        while let Some(start) = rest.find("{{") {
            if start > 0 {
                pieces.push(Piece::Text(unescape(&rest[..start])));
            }
            let after = &rest[start + 2..];
            let end = after.find("}}").ok_or_else(|| Error::Unclosed { template: src.into() })?;
            let action = after[..end].trim().trim_start_matches('-').trim_end_matches('-').trim();
            pieces.push(parse_action(src, action)?);
            rest = &after[end + 2..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(unescape(rest)));
        }
        Ok(Template { pieces, table })
    }

    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The header row for `table` templates: each field's last name in upper case, or the caller's
    /// name for it from `names` (e.g. `CreatedSince` -> `CREATED`).
    pub fn header(&self, names: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Action { args, .. } => {
                    if let Some(Arg::Path(path)) = args.iter().find(|a| matches!(a, Arg::Path(_))) {
                        let last = path.last().map(String::as_str).unwrap_or("");
                        let name = names
                            .iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(last))
                            .map(|(_, v)| v.to_string())
                            .unwrap_or_else(|| last.to_uppercase());
                        out.push_str(&name);
                    }
                }
            }
        }
        out
    }

    /// Renders the template against `data`.
    pub fn render(&self, data: &Value) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Action { func, args } => {
                    let vals: Vec<Value> = args
                        .iter()
                        .map(|a| match a {
                            Arg::Path(p) => lookup(data, p).cloned().unwrap_or(Value::Null),
                            Arg::Str(s) => Value::String(s.clone()),
                        })
                        .collect();
                    let first = vals.first().cloned().unwrap_or(Value::Null);
                    match func.as_deref() {
                        None => out.push_str(&go_text(&first)),
                        Some("json") => out.push_str(&serde_json::to_string(&first).unwrap_or_default()),
                        Some("upper") => out.push_str(&go_text(&first).to_uppercase()),
                        Some("lower") => out.push_str(&go_text(&first).to_lowercase()),
                        Some("index") => {
                            let key = vals.get(1).map(go_text).unwrap_or_default();
                            let v = match &first {
                                Value::Object(m) => m.get(&key).cloned().unwrap_or(Value::Null),
                                Value::Array(a) => key
                                    .parse::<usize>()
                                    .ok()
                                    .and_then(|i| a.get(i).cloned())
                                    .unwrap_or(Value::Null),
                                _ => Value::Null,
                            };
                            out.push_str(&go_text(&v));
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        out
    }
}

fn parse_action(src: &str, action: &str) -> Result<Piece, Error> {
    let mut words = Vec::new();
    let mut chars = action.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            for ch in chars.by_ref() {
                if ch == '"' {
                    break;
                }
                s.push(ch);
            }
            words.push(Arg::Str(s));
        } else {
            let mut w = String::new();
            while let Some(&ch) = chars.peek() {
                if ch.is_whitespace() {
                    break;
                }
                w.push(ch);
                chars.next();
            }
            if w == "." {
                words.push(Arg::Path(vec![]));
            } else if let Some(p) = w.strip_prefix('.') {
                words.push(Arg::Path(p.split('.').map(str::to_string).collect()));
            } else {
                words.push(Arg::Str(format!("\u{0}{w}")));
            }
        }
    }
    let bad = || Error::BadAction { template: src.into(), action: action.into() };
    match words.first() {
        None => Err(bad()),
        Some(Arg::Path(_)) if words.len() == 1 => Ok(Piece::Action { func: None, args: words }),
        Some(Arg::Str(f)) if f.starts_with('\u{0}') => {
            let name = f.trim_start_matches('\u{0}').to_string();
            if !["json", "upper", "lower", "index"].contains(&name.as_str()) {
                return Err(Error::UnknownFunction { template: src.into(), name });
            }
            let mut args: Vec<Arg> = words[1..].to_vec();
            if args.is_empty() {
                args.push(Arg::Path(vec![]));
            }
            if args.iter().any(|a| matches!(a, Arg::Str(s) if s.starts_with('\u{0}'))) {
                return Err(bad());
            }
            Ok(Piece::Action { func: Some(name), args })
        }
        _ => Err(bad()),
    }
}

fn lookup<'a>(v: &'a Value, path: &[String]) -> Option<&'a Value> {
    let mut cur = v;
    for seg in path {
        let Value::Object(m) = cur else { return None };
        cur = m.get(seg).or_else(|| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(seg)).map(|(_, v)| v))?;
    }
    Some(cur)
}

/// How Go's text/template prints a value.
pub fn go_text(v: &Value) -> String {
    match v {
        Value::Null => "<no value>".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => format!("[{}]", a.iter().map(go_text).collect::<Vec<_>>().join(" ")),
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            format!(
                "map[{}]",
                keys.iter().map(|k| format!("{k}:{}", go_text(&m[*k]))).collect::<Vec<_>>().join(" ")
            )
        }
    }
}

/// Renders a JSON value as indented `key: value` text (the default view of `info`).
pub fn render_yaml(v: &Value) -> String {
    let mut out = String::new();
    yaml_into(&mut out, v, 0);
    out
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some("null".into()),
        Value::String(s) if s.is_empty() => Some("\"\"".into()),
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) if a.is_empty() => Some("[]".into()),
        Value::Object(m) if m.is_empty() => Some("{}".into()),
        _ => None,
    }
}

fn yaml_into(out: &mut String, v: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) => {
            for (k, val) in m {
                match scalar(val) {
                    Some(s) => out.push_str(&format!("{pad}{k}: {s}\n")),
                    None => {
                        out.push_str(&format!("{pad}{k}:\n"));
                        yaml_into(out, val, indent + 2);
                    }
                }
            }
        }
        Value::Array(a) => {
            for item in a {
                match scalar(item) {
                    Some(s) => out.push_str(&format!("{pad}- {s}\n")),
                    None => {
                        let mut inner = String::new();
                        yaml_into(&mut inner, item, indent + 2);
                        let trimmed = inner.trim_start();
                        out.push_str(&format!("{pad}- {trimmed}"));
                    }
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other).unwrap_or_default())),
    }
}

/// Aligns tab-separated columns with at least two spaces between them, as podman's tables do.
pub fn align_columns(lines: &[String]) -> String {
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    rows.iter()
        .map(|r| {
            let mut s = String::new();
            for (i, c) in r.iter().enumerate() {
                s.push_str(c);
                if i + 1 < r.len() {
                    s.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
                }
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_fields_case_insensitively() {
        let t = Template::parse("{{.Host.Kernel}}/{{.store.graphRoot}}").unwrap();
        let v = json!({"host": {"kernel": "6.1"}, "store": {"graphRoot": "/x"}});
        assert_eq!(t.render(&v), "6.1//x");
    }

    #[test]
    fn json_and_functions() {
        let v = json!({"Labels": {"a": "b"}, "Name": "Web"});
        assert_eq!(Template::parse("{{json .Labels}}").unwrap().render(&v), r#"{"a":"b"}"#);
        assert_eq!(Template::parse("{{upper .Name}} {{lower .Name}}").unwrap().render(&v), "WEB web");
        assert_eq!(Template::parse(r#"{{index .Labels "a"}}"#).unwrap().render(&v), "b");
        assert_eq!(Template::parse("{{.Missing}}").unwrap().render(&v), "<no value>");
    }

    #[test]
    fn table_header_and_escapes() {
        let t = Template::parse(r"table {{.Repository}}\t{{.CreatedSince}}").unwrap();
        assert!(t.is_table());
        assert_eq!(t.header(&[("CreatedSince", "CREATED")]), "REPOSITORY\tCREATED");
        assert_eq!(t.render(&json!({"Repository": "r", "CreatedSince": "now"})), "r\tnow");
    }

    #[test]
    fn errors_name_the_template() {
        assert_eq!(Template::parse("{{.A").unwrap_err(), Error::Unclosed { template: "{{.A".into() });
        assert!(
            matches!(Template::parse("{{printf .A}}"), Err(Error::UnknownFunction { name, .. }) if name == "printf")
        );
    }

    #[test]
    fn yaml_view() {
        let v = json!({"a": {"b": 1, "c": [1, 2]}, "d": ""});
        assert_eq!(render_yaml(&v), "a:\n  b: 1\n  c:\n    - 1\n    - 2\nd: \"\"\n");
    }
}
