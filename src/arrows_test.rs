//! The module map of DESIGN.md ("Modules" and "Read downward"), checked against the code: every
//! path into another top-level module of the crate (`use crate::x::...`, `crate::x::f()` in code
//! and in macro arguments, `super::super::x` that climbs out of a module) is an arrow, and each
//! arrow must be one the map allows. Doc comments are not code and are not read.
//!
//! The map is data ([`MAP`]): change DESIGN.md and this table in the same commit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// One row of DESIGN.md's module table: the module, the modules it may import, and what DESIGN
/// says it never touches (for the failure message).
struct Row {
    module: &'static str,
    may_import: &'static [&'static str],
    never: &'static str,
}

/// `cli -> engine -> {image, storage, rootfs, runtime, network} -> {ipc, userns} -> sys`:
/// dependencies point down, never sideways within a layer, with these readings of the table:
/// - `cli` imports `engine`, and `image` for its value types (references, platforms,
///   credentials): issue 11 asks that cli reach `storage`, `runtime`, `network`, `userns` and
///   `sys` only through `engine`, and the cli row forbids syscalls, storage layout and process
///   control, which `rootfs` is (it mounts and serves file systems).
/// - `storage` never touches namespaces, so it does not import `userns`.
/// - `userns` may use `ipc`: DESIGN says processes talk only through `ipc`, and `userns` runs a
///   helper process.
const MAP: &[Row] = &[
    Row {
        module: "cli",
        may_import: &["engine", "image"],
        never: "syscalls, storage layout, process control",
    },
    Row {
        module: "engine",
        may_import: &["image", "storage", "rootfs", "runtime", "network", "ipc", "userns", "sys"],
        never: "printing, raw syscalls",
    },
    Row { module: "image", may_import: &["ipc", "userns", "sys"], never: "disk layout, mounts" },
    Row { module: "storage", may_import: &["ipc", "sys"], never: "registries, namespaces" },
    Row { module: "rootfs", may_import: &["ipc", "userns", "sys"], never: "images, registries" },
    Row { module: "runtime", may_import: &["ipc", "userns", "sys"], never: "images, CLI, storage layout" },
    Row { module: "network", may_import: &["ipc", "userns", "sys"], never: "storage layout, runtime" },
    Row { module: "ipc", may_import: &["sys"], never: "everything above it" },
    Row { module: "userns", may_import: &["ipc", "sys"], never: "everything above it" },
    Row { module: "sys", may_import: &[], never: "everything above it" },
];

/// Files under src/ that are not part of the map: the crate root lists the modules, `main.rs`
/// is the binary (its own crate), and this checker.
const NOT_IN_MAP: &[&str] = &["lib.rs", "main.rs", "arrows_test.rs"];

/// An arrow found in the code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Arrow {
    file: PathBuf,
    line: usize,
    from: String,
    to: String,
    /// The path as written, resolved to start at `crate`.
    path: String,
}

/// The module path of a file under `src/`: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" {
            parts.push(stem.to_string());
        }
    }
    parts
}

/// Resolves a path as written in module `here` to a path from the crate root, when it starts
/// with `crate`, `self` or `super`; `None` for anything else (external crates, local names).
fn resolve(here: &[String], segments: &[String]) -> Option<Vec<String>> {
    let first = segments.first()?;
    match first.as_str() {
        "crate" => Some(segments[1..].to_vec()),
        "self" | "super" => {
            let mut at = here.to_vec();
            let mut rest = segments;
            if rest.first().map(String::as_str) == Some("self") {
                rest = &rest[1..];
            }
            while rest.first().map(String::as_str) == Some("super") {
                at.pop()?;
                rest = &rest[1..];
            }
            at.extend(rest.iter().cloned());
            Some(at)
        }
        _ => None,
    }
}

struct Collector<'a> {
    file: &'a Path,
    /// The module the visitor is in: the file's module plus any inline `mod x { }`.
    here: Vec<String>,
    arrows: Vec<Arrow>,
}

impl Collector<'_> {
    fn record(&mut self, segments: &[String], line: usize) {
        let Some(target) = resolve(&self.here, segments) else { return };
        let (Some(from), Some(to)) = (self.here.first(), target.first()) else { return };
        if from == to {
            return;
        }
        self.arrows.push(Arrow {
            file: self.file.to_path_buf(),
            line,
            from: from.clone(),
            to: to.clone(),
            path: format!("crate::{}", target.join("::")),
        });
    }

    /// The paths of a `use` tree, each with the line of its last segment.
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.use_leaf(prefix, &n.ident),
            syn::UseTree::Rename(r) => self.use_leaf(prefix, &r.ident),
            syn::UseTree::Glob(g) => {
                let line = g.star_token.spans[0].start().line;
                self.record(&prefix.clone(), line);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    fn use_leaf(&mut self, prefix: &[String], ident: &syn::Ident) {
        let mut full = prefix.to_vec();
        // `use crate::x::{self}` names the module itself.
        if ident != "self" {
            full.push(ident.to_string());
        }
        self.record(&full, ident.span().start().line);
    }

    /// `crate :: a :: b` and `super :: ...` sequences inside a macro's tokens.
    fn tokens(&mut self, tokens: TokenStream) {
        let flat: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < flat.len() {
            if let TokenTree::Group(g) = &flat[i] {
                self.tokens(g.stream());
                i += 1;
                continue;
            }
            let starts =
                matches!(&flat[i], TokenTree::Ident(id) if id == "crate" || id == "super" || id == "self");
            // `$crate` and a path that is the tail of another one (`a::super`) are not starts.
            let after_colons = i >= 1
                && matches!(&flat[i - 1], TokenTree::Punct(p) if p.as_char() == ':' || p.as_char() == '$');
            if !starts || after_colons {
                i += 1;
                continue;
            }
            let line = flat[i].span().start().line;
            let mut segments = vec![flat[i].to_string()];
            let mut j = i + 1;
            loop {
                let colons = matches!((&flat.get(j), &flat.get(j + 1)),
                    (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':');
                match (colons, flat.get(j + 2)) {
                    (true, Some(TokenTree::Ident(id))) => {
                        segments.push(id.to_string());
                        j += 3;
                    }
                    _ => break,
                }
            }
            if segments.len() > 1 {
                self.record(&segments, line);
            }
            i = j;
        }
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.here.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.here.pop();
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        if let Some(first) = p.segments.first() {
            self.record(&segments, first.ident.span().start().line);
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs_err::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())).path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every arrow between top-level modules in the `.rs` files under `src`.
fn arrows_in(src: &Path) -> Vec<Arrow> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut arrows = Vec::new();
    for path in files {
        let rel = path.strip_prefix(src).expect("a file found under src");
        if NOT_IN_MAP.iter().any(|n| rel == Path::new(n)) {
            continue;
        }
        let text =
            fs_err::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
        let shown = Path::new("src").join(rel);
        let mut c = Collector { file: &shown, here: module_path(rel), arrows: Vec::new() };
        c.visit_file(&file);
        arrows.extend(c.arrows);
    }
    arrows.sort();
    arrows.dedup();
    arrows
}

/// The arrows the map forbids, one line each: `file:line: from -> to (path): why`.
fn violations(arrows: &[Arrow]) -> Vec<String> {
    let known: BTreeSet<&str> = MAP.iter().map(|r| r.module).collect();
    let mut out = Vec::new();
    for a in arrows {
        let Some(row) = MAP.iter().find(|r| r.module == a.from) else {
            out.push(format!(
                "{}:{}: module `{}` is not in the map of DESIGN.md: add a row to MAP in src/arrows_test.rs",
                a.file.display(),
                a.line,
                a.from
            ));
            continue;
        };
        if !known.contains(a.to.as_str()) {
            // An item of the crate root (lib.rs), not a module: nothing to check.
            continue;
        }
        if !row.may_import.contains(&a.to.as_str()) {
            out.push(format!(
                "{}:{}: forbidden arrow {} -> {} ({}): {} may import only [{}]; DESIGN.md: {} never touches {}",
                a.file.display(),
                a.line,
                a.from,
                a.to,
                a.path,
                a.from,
                row.may_import.join(", "),
                a.from,
                row.never
            ));
        }
    }
    out
}

#[test]
fn module_arrows_follow_design_map() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let arrows = arrows_in(&src);
    assert!(
        arrows.iter().any(|a| a.from == "cli" && a.to == "engine"),
        "the checker found no cli -> engine arrow: it is not reading the code"
    );
    let bad = violations(&arrows);
    assert!(bad.is_empty(), "{} arrow(s) that DESIGN.md forbids:\n{}", bad.len(), bad.join("\n"));
}

#[cfg(test)]
mod checker {
    use super::*;

    fn arrows_of(rel: &str, code: &str) -> Vec<(String, String, usize)> {
        let file = syn::parse_file(code).unwrap();
        let rel = Path::new(rel);
        let mut c = Collector { file: rel, here: module_path(rel), arrows: Vec::new() };
        c.visit_file(&file);
        c.arrows.into_iter().map(|a| (a.to, a.path, a.line)).collect()
    }

    #[test]
    fn reads_use_groups_code_paths_macros_and_super_chains() {
        let code = "\
//! [`crate::sys::ignored`] in a doc comment is not an arrow
use crate::{storage::atomic, runtime::spec::{self, X}};
use super::other_in_same_module;
fn f() {
    crate::sys::fork();
    tracing::debug!(x = ?crate::userns::id());
    let s = \"crate::image::not_code\";
}
mod tests {
    use super::super::super::rootfs::fuse;
}
";
        let got = arrows_of("network/x.rs", code);
        let want = vec![
            ("storage".to_string(), "crate::storage::atomic".to_string(), 2),
            ("runtime".to_string(), "crate::runtime::spec".to_string(), 2),
            ("runtime".to_string(), "crate::runtime::spec::X".to_string(), 2),
            ("sys".to_string(), "crate::sys::fork".to_string(), 5),
            ("userns".to_string(), "crate::userns::id".to_string(), 6),
            ("rootfs".to_string(), "crate::rootfs::fuse".to_string(), 10),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_forbidden_arrow_is_reported_with_file_line_and_reason() {
        let arrows = vec![
            Arrow {
                file: "src/runtime/x.rs".into(),
                line: 7,
                from: "runtime".into(),
                to: "rootfs".into(),
                path: "crate::rootfs::overlay".into(),
            },
            Arrow {
                file: "src/engine/x.rs".into(),
                line: 3,
                from: "engine".into(),
                to: "rootfs".into(),
                path: "crate::rootfs::overlay".into(),
            },
        ];
        let bad = violations(&arrows);
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0]
            .starts_with("src/runtime/x.rs:7: forbidden arrow runtime -> rootfs (crate::rootfs::overlay)"));
        assert!(bad[0].contains("never touches images, CLI, storage layout"), "{}", bad[0]);
    }

    #[test]
    fn nothing_may_import_cli_and_image_and_storage_never_meet() {
        for row in MAP {
            assert!(!row.may_import.contains(&"cli"), "{} may import cli", row.module);
        }
        let may = |m: &str, t: &str| MAP.iter().any(|r| r.module == m && r.may_import.contains(&t));
        assert!(!may("image", "storage") && !may("storage", "image"));
        assert!(!may("runtime", "rootfs") && !may("runtime", "network"));
    }
}
