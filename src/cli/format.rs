//! `--format`: `json`, and Go templates as podman renders them: the whole text/template language
//! (pipelines, `range`/`if`/`with`/`else`, variables, comparisons, `printf`, `len`, `index`,
//! `slice`) from the `gotmpl` crate, plus the functions podman adds (`json`, `upper`, `lower`,
//! `title`, `join`, `split`, `truncate`, `pad`), a leading `table` that prints a header row, and
//! `\t` / `\n` in the literal text.
//!
//! The data is skiff's JSON view of an object. Templates name podman's Go fields (`.Host.Kernel`,
//! `.ID`, `.Host.OCIRuntime`) where the JSON has `host.kernel`, `Id`, `ociRuntime`: every object
//! key is also reachable under its Go-style name (first letter up, initialisms such as ID and OCI
//! in capitals, snake_case joined). User data (labels, annotations, options) keeps its keys as they
//! are, and `json` prints the object without those extra names.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use gotmpl::Value as GoValue;
use serde_json::Value;

/// A template that does not parse, or fails while it runs (Go's `template: NAME:LINE:COL: ...`).
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Error {
    #[error("{message}")]
    Parse { template: String, message: String },
    #[error("template: {message}")]
    Exec { template: String, message: String },
}

/// `--format` as commands match it: podman takes `{{json .}}` (any spacing) for `json`.
pub fn normalized(format: Option<&str>) -> Option<&str> {
    static JSON: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = JSON
        .get_or_init(|| regex::Regex::new(r"^\s*(json|\{\{\s*json\s+\.\s*\}\})\s*$").expect("a valid regex"));
    match format {
        Some(f) if re.is_match(f) => Some("json"),
        other => other,
    }
}

/// A parsed template.
#[derive(Clone)]
pub struct Template {
    src: String,
    inner: gotmpl::Template,
    table: bool,
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Template").field("src", &self.src).field("table", &self.table).finish()
    }
}

/// `\t` and `\n` written as two characters in the literal text (outside `{{ }}`) become a tab and a
/// newline; inside an action they are Go string escapes already (`{{"\n"}}`).
fn unescape_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    loop {
        let (text, tail) = match rest.find("{{") {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        out.push_str(&text.replace("\\t", "\t").replace("\\n", "\n"));
        let Some(tail) = tail else { break };
        match tail.find("}}") {
            Some(j) => {
                out.push_str(&tail[..j + 2]);
                rest = &tail[j + 2..];
            }
            None => {
                out.push_str(tail);
                break;
            }
        }
    }
    out
}

/// `}} {{` -> `}}\t{{`: podman aligns the actions of a `table` template in columns.
fn table_columns(text: &str) -> String {
    static SPACES: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = SPACES.get_or_init(|| regex::Regex::new(r"\}\}[ ]+\{\{").expect("a valid regex"));
    re.replace_all(text, "}}\t{{").into_owned()
}

/// The functions podman adds to Go's builtins (containers/common `report.DefaultFuncs`).
fn podman_funcs(t: gotmpl::Template) -> gotmpl::Template {
    fn s(v: Option<&GoValue>) -> String {
        match v {
            None | Some(GoValue::Nil) => String::new(),
            Some(GoValue::String(s)) => s.to_string(),
            Some(other) => other.to_string(),
        }
    }
    fn n(v: Option<&GoValue>) -> i64 {
        v.and_then(GoValue::as_int).unwrap_or(0)
    }
    fn string(x: String) -> gotmpl::Result<GoValue> {
        Ok(GoValue::String(x.into()))
    }
    t.func("json", |a| {
        string(serde_json::to_string(&to_json(a.first().unwrap_or(&GoValue::Nil))).unwrap_or_default())
    })
    .func("upper", |a| string(s(a.first()).to_uppercase()))
    .func("lower", |a| string(s(a.first()).to_lowercase()))
    .func("title", |a| string(title(&s(a.first()))))
    .func("join", |a| {
        let sep = s(a.get(1));
        let items: Vec<String> = match a.first() {
            Some(GoValue::List(l)) => l.iter().map(|v| s(Some(v))).collect(),
            Some(GoValue::Nil) | None => Vec::new(),
            Some(v) => vec![s(Some(v))],
        };
        string(items.join(&sep))
    })
    .func("split", |a| {
        let (text, sep) = (s(a.first()), s(a.get(1)));
        let parts: Vec<GoValue> = if sep.is_empty() {
            text.chars().map(|c| GoValue::String(c.to_string().into())).collect()
        } else {
            text.split(sep.as_str()).map(|p| GoValue::String(p.into())).collect()
        };
        Ok(GoValue::List(parts.into()))
    })
    .func("truncate", |a| {
        let text = s(a.first());
        let len = n(a.get(1)).max(0) as usize;
        string(if text.chars().count() <= len { text } else { text.chars().take(len).collect() })
    })
    .func("pad", |a| {
        let text = s(a.first());
        if text.is_empty() {
            return string(text);
        }
        let (pre, post) = (n(a.get(1)).max(0) as usize, n(a.get(2)).max(0) as usize);
        string(format!("{}{text}{}", " ".repeat(pre), " ".repeat(post)))
    })
}

/// Go's `strings.Title`: the first letter of each word in upper case.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    for c in s.chars() {
        if !prev_letter && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev_letter = c.is_alphanumeric() || c == '_' || c == '\'';
    }
    out
}

impl Template {
    pub fn parse(src: &str) -> Result<Template, Error> {
        let mut body = src;
        let mut table = false;
        if let Some(r) = body.strip_prefix("table") {
            if r.is_empty() || r.starts_with(char::is_whitespace) {
                table = true;
                body = r.trim_start();
            }
        }
        let mut text = unescape_text(body);
        if table {
            // Columns of a table are its actions: spaces between two actions separate columns.
            text = table_columns(&text);
        }
        let inner = podman_funcs(gotmpl::Template::new("format"))
            .parse(&text)
            .map_err(|e| Error::Parse { template: src.into(), message: e.to_string() })?;
        Ok(Template { src: src.into(), inner, table })
    }

    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The header row for `table` templates: for each action, the Go field it names first, split
    /// at its words and in upper case as podman prints it (`CreatedAt` -> `CREATED AT`), or the
    /// caller's name for it from `names` (e.g. `CreatedSince` -> `CREATED`).
    pub fn header(&self, names: &[(&str, &str)]) -> String {
        let mut out = String::new();
        let mut rest = self.src.trim_start_matches("table").trim_start();
        let owned = table_columns(&unescape_text(rest));
        rest = &owned;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else { break };
            if let Some(field) = first_field(&after[..end]) {
                let name = names
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(&field))
                    .map(|(_, v)| v.to_string())
                    .unwrap_or_else(|| camel_words(&field).join(" ").to_uppercase());
                out.push_str(&name);
            }
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Renders the template against `data`.
    pub fn render(&self, data: &Value) -> Result<String, Error> {
        self.inner
            .execute_to_string(&to_go(data, false))
            .map_err(|e| Error::Exec { template: self.src.clone(), message: e.to_string() })
    }
}

/// The last name of the first `.Field.Path` in an action (`.State.Status | upper` -> `Status`).
fn first_field(action: &str) -> Option<String> {
    let mut in_str = false;
    let b: Vec<char> = action.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == '"' {
            in_str = !in_str;
        } else if !in_str && c == '.' && (i == 0 || !b[i - 1].is_alphanumeric()) {
            let mut j = i;
            let mut last = String::new();
            while j < b.len() && b[j] == '.' {
                let mut name = String::new();
                j += 1;
                while j < b.len() && (b[j].is_alphanumeric() || b[j] == '_') {
                    name.push(b[j]);
                    j += 1;
                }
                if name.is_empty() {
                    break;
                }
                last = name;
            }
            if !last.is_empty() {
                return Some(last);
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// Splits a Go identifier into words as podman's header names do: `CreatedAt` -> `Created At`,
/// `ImageID` -> `Image ID`, `HTTPServer` -> `HTTP Server`.
fn camel_words(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    for i in 0..c.len() {
        let ch = c[i];
        if !cur.is_empty() {
            let prev = c[i - 1];
            let next_lower = c.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (ch.is_uppercase() && prev.is_lowercase())
                || (ch.is_uppercase() && prev.is_uppercase() && next_lower)
                || (ch.is_ascii_digit() != prev.is_ascii_digit()
                    && ch.is_alphanumeric()
                    && prev.is_alphanumeric());
            if boundary {
                words.push(std::mem::take(&mut cur));
            }
        }
        cur.push(ch);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

const INITIALISMS: &[&str] = &[
    "ID", "OCI", "CPU", "API", "URL", "IP", "IPC", "PID", "UTS", "TTY", "UID", "GID", "OS", "HTTP", "HTTPS",
    "JSON", "DNS", "MAC", "SHM", "RSS", "UUID", "TLS", "SSH", "CNI", "IO", "IPV6", "IPV4", "RW", "NS",
];

/// The names a template may use for the JSON key `k` besides `k` itself: first letter up
/// (`kernel` -> `Kernel`), initialisms in capitals (`ociRuntime` -> `OCIRuntime`, `Id` -> `ID`),
/// snake_case joined (`network_interface` -> `NetworkInterface`).
fn go_names(k: &str) -> Vec<String> {
    if k.is_empty()
        || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        || k.starts_with(|c: char| c.is_ascii_digit())
    {
        return Vec::new();
    }
    let mut words = Vec::new();
    for part in k.split('_').filter(|p| !p.is_empty()) {
        for w in camel_words(part) {
            let mut cs = w.chars();
            let first = cs.next().map(|c| c.to_ascii_uppercase()).unwrap_or_default();
            words.push(format!("{first}{}", cs.as_str()));
        }
    }
    let plain: String = words.concat();
    let with_initialisms: String = words
        .iter()
        .map(|w| {
            if INITIALISMS.contains(&w.to_ascii_uppercase().as_str()) {
                w.to_ascii_uppercase()
            } else {
                w.clone()
            }
        })
        .collect();
    let mut upper_first = k.to_string();
    if let Some(f) = upper_first.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    let mut out = Vec::new();
    for n in [upper_first, plain, with_initialisms] {
        if n != k && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Keys whose object holds user data (label names, option keys): kept as they are, no Go names.
fn is_user_map(key: &str) -> bool {
    ["labels", "annotations", "options", "driveropts", "driver_opts", "env", "attributes"]
        .contains(&key.to_ascii_lowercase().as_str())
}

/// skiff's JSON as the template's data; `user` when the object is user data (no Go names added).
fn to_go(v: &Value, user: bool) -> GoValue {
    match v {
        Value::Null => GoValue::Nil,
        Value::Bool(b) => GoValue::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                GoValue::Int(i)
            } else if let Some(u) = n.as_u64() {
                GoValue::Uint(u)
            } else {
                GoValue::Float(n.as_f64().unwrap_or(0.0))
            }
        }
        Value::String(s) => GoValue::String(s.as_str().into()),
        Value::Array(a) => GoValue::List(a.iter().map(|x| to_go(x, false)).collect::<Vec<_>>().into()),
        Value::Object(m) => {
            let mut out: BTreeMap<Arc<str>, GoValue> = BTreeMap::new();
            for (k, val) in m {
                out.insert(k.as_str().into(), to_go(val, is_user_map(k)));
            }
            if !user {
                for (k, val) in m {
                    for alias in go_names(k) {
                        if !m.contains_key(&alias) {
                            out.entry(alias.into()).or_insert_with(|| to_go(val, is_user_map(k)));
                        }
                    }
                }
            }
            GoValue::Map(Arc::new(out))
        }
    }
}

/// A template value back as JSON (for `json`), without the Go names `to_go` added.
fn to_json(v: &GoValue) -> Value {
    match v {
        GoValue::Nil | GoValue::Function(_) => Value::Null,
        GoValue::Bool(b) => Value::Bool(*b),
        GoValue::Int(i) => Value::from(*i),
        GoValue::Uint(u) => Value::from(*u),
        GoValue::Float(f) => serde_json::Number::from_f64(*f).map(Value::Number).unwrap_or(Value::Null),
        GoValue::String(s) => Value::String(s.to_string()),
        GoValue::List(l) => Value::Array(l.iter().map(to_json).collect()),
        GoValue::Map(m) => {
            // A key is one `to_go` added when another key of the same object has it as a Go name.
            let added: BTreeSet<String> = m.keys().flat_map(|k| go_names(k)).collect();
            Value::Object(
                m.iter()
                    .filter(|(k, _)| !added.contains(k.as_ref()))
                    .map(|(k, v)| (k.to_string(), to_json(v)))
                    .collect(),
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

/// Aligns tab-separated columns as podman's tables do (its tabwriter: minimum width 12, two
/// spaces of padding): every column but the last is as wide as its widest cell plus two, and at
/// least 12.
pub fn align_columns(lines: &[String]) -> String {
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![10usize; cols];
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
    fn go_field_names_reach_json_keys() {
        let t = Template::parse("{{.Host.Kernel}}/{{.Store.GraphRoot}}/{{.Host.OCIRuntime.Name}}/{{.ID}}")
            .unwrap();
        let v = json!({"host": {"kernel": "6.1", "ociRuntime": {"name": "runc"}}, "store": {"graphRoot": "/x"}, "Id": "abc"});
        assert_eq!(t.render(&v).unwrap(), "6.1//x/runc/abc");
        let t = Template::parse("{{.NetworkInterface}}").unwrap();
        assert_eq!(t.render(&json!({"network_interface": "podman0"})).unwrap(), "podman0");
    }

    #[test]
    fn json_and_podman_functions() {
        let v = json!({"Labels": {"a": "b", "created_by": "me"}, "Name": "Web", "Names": ["x", "y"], "Id": "0123456789"});
        assert_eq!(
            Template::parse("{{json .Labels}}").unwrap().render(&v).unwrap(),
            r#"{"a":"b","created_by":"me"}"#
        );
        assert_eq!(
            Template::parse("{{upper .Name}} {{lower .Name}}").unwrap().render(&v).unwrap(),
            "WEB web"
        );
        assert_eq!(
            Template::parse("{{.Name | upper}}|{{.Name|lower}}").unwrap().render(&v).unwrap(),
            "WEB|web"
        );
        assert_eq!(Template::parse(r#"{{index .Labels "a"}}"#).unwrap().render(&v).unwrap(), "b");
        assert_eq!(Template::parse("{{.Labels.created_by}}").unwrap().render(&v).unwrap(), "me");
        assert_eq!(Template::parse("{{.Labels.CreatedBy}}").unwrap().render(&v).unwrap(), "<no value>");
        assert_eq!(Template::parse("{{.Missing}}").unwrap().render(&v).unwrap(), "<no value>");
        assert_eq!(
            Template::parse(r#"{{join .Names ","}} {{len .Names}}"#).unwrap().render(&v).unwrap(),
            "x,y 2"
        );
        assert_eq!(
            Template::parse(r#"{{truncate .ID 4}}|{{pad .Name 1 2}}|"#).unwrap().render(&v).unwrap(),
            "0123| Web  |"
        );
        assert_eq!(
            Template::parse(r#"{{range split "a:b" ":"}}[{{.}}]{{end}}"#).unwrap().render(&v).unwrap(),
            "[a][b]"
        );
        assert_eq!(
            Template::parse(r#"{{title "hello world"}} {{printf "%s-%d" .Name 3}}"#)
                .unwrap()
                .render(&v)
                .unwrap(),
            "Hello World Web-3"
        );
        // json of an object prints its own keys, not the Go names added for templates.
        assert_eq!(
            Template::parse("{{json .}}")
                .unwrap()
                .render(&json!({"Id": "a", "host": {"os": "linux"}}))
                .unwrap(),
            r#"{"Id":"a","host":{"os":"linux"}}"#
        );
    }

    #[test]
    fn control_flow() {
        let v =
            json!({"Mounts": [{"Type": "bind", "RW": true}, {"Type": "volume", "RW": false}], "Name": ""});
        let t = Template::parse("{{range .Mounts}}{{.Type}}:{{if .RW}}rw{{else}}ro{{end}} {{end}}").unwrap();
        assert_eq!(t.render(&v).unwrap(), "bind:rw volume:ro ");
        assert_eq!(Template::parse("{{(index .Mounts 1).Type}}").unwrap().render(&v).unwrap(), "volume");
        assert_eq!(
            Template::parse(r#"{{with .Name}}x{{else}}empty{{end}}"#).unwrap().render(&v).unwrap(),
            "empty"
        );
        assert_eq!(Template::parse(r#"{{if eq .Name ""}}yes{{end}}"#).unwrap().render(&v).unwrap(), "yes");
        assert_eq!(Template::parse(r#"{{"\n"}}"#).unwrap().render(&v).unwrap(), "\n");
    }

    #[test]
    fn table_header_and_escapes() {
        let t = Template::parse(r"table {{.Repository}}\t{{.CreatedSince}}\t{{.CreatedAt}}\t{{.ID | upper}}")
            .unwrap();
        assert!(t.is_table());
        assert_eq!(t.header(&[("CreatedSince", "CREATED")]), "REPOSITORY\tCREATED\tCREATED AT\tID");
        let row = json!({"Repository": "r", "CreatedSince": "now", "CreatedAt": "t", "Id": "ab"});
        assert_eq!(t.render(&row).unwrap(), "r\tnow\tt\tAB");
        assert_eq!(Template::parse(r"{{.Repository}}\n").unwrap().render(&row).unwrap(), "r\n");
    }

    #[test]
    fn errors_are_go_errors() {
        let e = Template::parse("{{.A").unwrap_err();
        assert!(e.to_string().starts_with("template: format:1:"), "{e}");
        let e = Template::parse("{{nosuchfunc .A}}").and_then(|t| t.render(&json!({"A": 1}))).unwrap_err();
        assert!(e.to_string().contains("nosuchfunc"), "{e}");
        let e = Template::parse("{{index .L 5}}").unwrap().render(&json!({"L": [1]})).unwrap_err();
        assert!(e.to_string().contains("index"), "{e}");
    }

    #[test]
    fn json_dot_is_the_json_format() {
        assert_eq!(normalized(Some("{{json .}}")), Some("json"));
        assert_eq!(normalized(Some("{{ json . }}")), Some("json"));
        assert_eq!(normalized(Some("json")), Some("json"));
        assert_eq!(normalized(Some("{{json .Names}}")), Some("{{json .Names}}"));
        assert_eq!(normalized(None), None);
    }

    #[test]
    fn yaml_view() {
        let v = json!({"a": {"b": 1, "c": [1, 2]}, "d": ""});
        assert_eq!(render_yaml(&v), "a:\n  b: 1\n  c:\n    - 1\n    - 2\nd: \"\"\n");
    }
}
