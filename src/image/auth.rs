//! Registry credentials in podman's and Docker's files.
//!
//! Read order: `$REGISTRY_AUTH_FILE` when set, else `$XDG_RUNTIME_DIR/containers/auth.json` (podman's; `$HOME/.config/containers/
//! auth.json` when XDG_RUNTIME_DIR is unset), then `~/.docker/config.json`. The format is
//! `{"auths": {"<key>": {"auth": base64("user:pass")}}}` where a key is a registry, optionally
//! with a scheme and a path (`https://index.docker.io/v1/` means docker.io). Credential helpers
//! (`credsStore`, `credHelpers`) are not supported.
//!
//! `login` and `logout` rewrite only the first (podman) file, atomically: a temporary file with
//! mode 0600 in the same directory, fsynced, then renamed; missing directories are created with
//! mode 0700. Other keys of the file are preserved.

use fs_err::os::unix::fs::OpenOptionsExt;
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::{Map, Value};

use super::reference::DOCKER_HUB;
use super::{Error, Result};

/// Where credentials are read from and written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthStore {
    /// Files searched by [`AuthStore::lookup`], in order; the first is the one `login` writes.
    pub files: Vec<PathBuf>,
}

impl AuthStore {
    /// Podman's default files for the current environment.
    pub fn from_env() -> AuthStore {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        // REGISTRY_AUTH_FILE replaces podman's own file, as in podman and skopeo.
        if let Some(file) = std::env::var_os("REGISTRY_AUTH_FILE").filter(|v| !v.is_empty()) {
            let mut files = vec![PathBuf::from(file)];
            files.extend(home.map(|h| h.join(".docker/config.json")));
            return AuthStore { files };
        }
        let runtime = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()).map(PathBuf::from);
        let mut files = Vec::new();
        match (runtime, &home) {
            (Some(r), _) => files.push(r.join("containers/auth.json")),
            (None, Some(h)) => files.push(h.join(".config/containers/auth.json")),
            (None, None) => {}
        }
        if let Some(h) = &home {
            files.push(h.join(".docker/config.json"));
        }
        AuthStore { files }
    }

    /// A store over exactly these files (`--authfile`, tests).
    pub fn with_files(files: Vec<PathBuf>) -> AuthStore {
        AuthStore { files }
    }

    /// Username and password for `registry` (`host[:port]`), from the first file that has it.
    pub fn lookup(&self, registry: &str) -> Result<Option<(String, String)>> {
        let want = normalize_key(registry);
        for path in &self.files {
            let Some(doc) = read_json(path)? else { continue };
            let Some(auths) = doc.get("auths").and_then(Value::as_object) else { continue };
            // An exact key wins over one that only shares the host.
            let mut found = None;
            for (key, entry) in auths {
                let norm = normalize_key(key);
                if norm == want {
                    found = Some(entry);
                    break;
                }
                if found.is_none() && norm.split('/').next() == Some(&want) {
                    found = Some(entry);
                }
            }
            if let Some(entry) = found {
                if let Some(creds) = decode_entry(path, registry, entry)? {
                    return Ok(Some(creds));
                }
            }
        }
        Ok(None)
    }

    /// Stores credentials for `registry` in `file` (default: the first file), returns that path.
    pub fn login(&self, registry: &str, user: &str, pass: &str, file: Option<PathBuf>) -> Result<PathBuf> {
        let path = self.target(file)?;
        let mut doc = read_json(&path)?.unwrap_or_else(|| Value::Object(Map::new()));
        let auths = auths_mut(&path, &mut doc)?;
        let key = normalize_key(registry);
        // Drop aliases of the same registry (e.g. "https://index.docker.io/v1/").
        auths.retain(|k, _| normalize_key(k) != key);
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
        auths.insert(key, serde_json::json!({ "auth": token }));
        write_atomic(&path, &doc)?;
        Ok(path)
    }

    /// Removes the credentials of `registry` from `file` (default: the first file); returns
    /// whether there were any.
    pub fn logout(&self, registry: &str, file: Option<PathBuf>) -> Result<bool> {
        let path = self.target(file)?;
        let Some(mut doc) = read_json(&path)? else { return Ok(false) };
        let key = normalize_key(registry);
        let auths = auths_mut(&path, &mut doc)?;
        let before = auths.len();
        auths.retain(|k, _| normalize_key(k) != key);
        if auths.len() == before {
            return Ok(false);
        }
        write_atomic(&path, &doc)?;
        Ok(true)
    }

    /// Removes every credential from `file` (default: the first file).
    pub fn logout_all(&self, file: Option<PathBuf>) -> Result<()> {
        let path = self.target(file)?;
        let Some(mut doc) = read_json(&path)? else { return Ok(()) };
        auths_mut(&path, &mut doc)?.clear();
        write_atomic(&path, &doc)
    }

    fn target(&self, file: Option<PathBuf>) -> Result<PathBuf> {
        file.or_else(|| self.files.first().cloned()).ok_or_else(|| Error::AuthFile {
            path: PathBuf::from("auth.json"),
            message: "no credentials file: neither XDG_RUNTIME_DIR nor HOME is set".into(),
        })
    }
}

/// `https://index.docker.io/v1/` → `docker.io`; `http://reg:5000/` → `reg:5000`.
fn normalize_key(key: &str) -> String {
    let k = key.strip_prefix("https://").or_else(|| key.strip_prefix("http://")).unwrap_or(key);
    let k = k.trim_end_matches('/');
    let (host, path) = k.split_once('/').unwrap_or((k, ""));
    let host = match host {
        "index.docker.io" | "registry-1.docker.io" => DOCKER_HUB,
        h => h,
    };
    // Docker's legacy key carries an API path, not a repository.
    if path.is_empty() || path == "v1" || path == "v2" {
        host.to_string()
    } else {
        format!("{host}/{path}")
    }
}

fn read_json(path: &Path) -> Result<Option<Value>> {
    let text = match fs_err::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::file(path, e)),
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| Error::AuthFile { path: path.to_path_buf(), message: e.to_string() })?;
    if !v.is_object() {
        return Err(Error::AuthFile { path: path.to_path_buf(), message: "not a JSON object".into() });
    }
    Ok(Some(v))
}

fn auths_mut<'a>(path: &Path, doc: &'a mut Value) -> Result<&'a mut Map<String, Value>> {
    let obj = doc.as_object_mut().expect("read_json returns objects");
    obj.entry("auths").or_insert_with(|| Value::Object(Map::new())).as_object_mut().ok_or_else(|| {
        Error::AuthFile { path: path.to_path_buf(), message: "\"auths\" is not an object".into() }
    })
}

fn decode_entry(path: &Path, registry: &str, entry: &Value) -> Result<Option<(String, String)>> {
    let bad =
        |m: &str| Error::AuthFile { path: path.to_path_buf(), message: format!("entry for {registry}: {m}") };
    let Some(auth) = entry.get("auth").and_then(Value::as_str).filter(|a| !a.is_empty()) else {
        return Ok(None);
    };
    let raw = base64::engine::general_purpose::STANDARD
        .decode(auth.trim())
        .map_err(|_| bad("\"auth\" is not base64"))?;
    let text = String::from_utf8(raw).map_err(|_| bad("\"auth\" is not UTF-8"))?;
    let (user, pass) = text.split_once(':').ok_or_else(|| bad("\"auth\" is not user:password"))?;
    Ok(Some((user.to_string(), pass.to_string())))
}

fn write_atomic(path: &Path, doc: &Value) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(|e| Error::file(dir, e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f =
            fs_err::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
        let mut text = serde_json::to_vec_pretty(doc).map_err(std::io::Error::other)?;
        text.push(b'\n');
        f.write_all(&text)?;
        f.sync_all()?;
        fs_err::rename(&tmp, path)
    };
    write().map_err(|e| {
        let _ = fs_err::remove_file(&tmp);
        Error::file(path, e)
    })
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn lookup_order_and_key_forms() {
        let dir = tempfile::tempdir().unwrap();
        let podman = dir.path().join("containers/auth.json");
        let docker = dir.path().join(".docker/config.json");
        fs_err::create_dir_all(docker.parent().unwrap()).unwrap();
        fs_err::write(
            &docker,
            serde_json::json!({"auths": {
                "https://index.docker.io/v1/": {"auth": b64("hub:pw")},
                "http://127.0.0.1:5000": {"auth": b64("d:dpw")},
                "quay.io/team": {"auth": b64("team:tpw:with:colons")},
            }})
            .to_string(),
        )
        .unwrap();
        let store = AuthStore::with_files(vec![podman.clone(), docker]);
        assert_eq!(store.lookup("docker.io").unwrap(), Some(("hub".into(), "pw".into())));
        assert_eq!(store.lookup("127.0.0.1:5000").unwrap(), Some(("d".into(), "dpw".into())));
        assert_eq!(store.lookup("quay.io").unwrap(), Some(("team".into(), "tpw:with:colons".into())));
        assert_eq!(store.lookup("ghcr.io").unwrap(), None);

        // The podman file comes first.
        let written = store.login("127.0.0.1:5000", "p", "ppw", None).unwrap();
        assert_eq!(written, podman);
        assert_eq!(store.lookup("127.0.0.1:5000").unwrap(), Some(("p".into(), "ppw".into())));
        let mode = fs_err::metadata(&podman).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dmode = fs_err::metadata(podman.parent().unwrap()).unwrap().permissions().mode() & 0o777;
        assert_eq!(dmode, 0o700);

        assert!(store.logout("127.0.0.1:5000", None).unwrap());
        assert!(!store.logout("127.0.0.1:5000", None).unwrap());
        assert_eq!(store.lookup("127.0.0.1:5000").unwrap(), Some(("d".into(), "dpw".into())));
    }

    #[test]
    fn login_preserves_other_keys_and_logout_all() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("auth.json");
        fs_err::write(
            &f,
            r#"{"auths": {"https://index.docker.io/v1/": {"auth": "eDp5"}}, "credHelpers": {}}"#,
        )
        .unwrap();
        let store = AuthStore::with_files(vec![f.clone()]);
        store.login("docker.io", "u", "p", None).unwrap();
        let v: Value = serde_json::from_str(&fs_err::read_to_string(&f).unwrap()).unwrap();
        assert!(v.get("credHelpers").is_some());
        assert_eq!(v["auths"].as_object().unwrap().len(), 1, "alias replaced: {v}");
        assert_eq!(v["auths"]["docker.io"]["auth"], b64("u:p"));
        store.login("r.example", "a", "b", None).unwrap();
        store.logout_all(None).unwrap();
        assert_eq!(store.lookup("r.example").unwrap(), None);
    }

    #[test]
    fn bad_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("auth.json");
        fs_err::write(&f, "{not json").unwrap();
        let e = AuthStore::with_files(vec![f.clone()]).lookup("x").unwrap_err().to_string();
        assert!(e.contains(&f.display().to_string()), "{e}");
        fs_err::write(&f, r#"{"auths":{"x":{"auth":"!!!"}}}"#).unwrap();
        let e = AuthStore::with_files(vec![f]).lookup("x").unwrap_err().to_string();
        assert!(e.contains("base64"), "{e}");
    }
}
