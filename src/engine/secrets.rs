//! Secrets: `secret create|ls|inspect|rm`, and what `run/create --secret` need.
//!
//! A secret is a record plus its data ([`crate::storage::secrets`], under `ROOT/secrets`). A
//! container given `--secret NAME` gets a copy of the data made when it is created: as a
//! read-only file (`/run/secrets/NAME`, or the target) from its `userdata` directory, or as an
//! environment variable (`type=env`).

use std::collections::BTreeMap;

use super::Context;
use crate::storage::secrets::Secrets;
pub use crate::storage::secrets::{Error as RecordError, SecretRecord};

/// podman's limit on a secret's size (bytes, exclusive).
const MAX_SIZE: usize = 512_000;

/// Errors of the secret use cases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error("only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]: {name}: invalid secret name")]
    InvalidName { name: String },
    #[error("secret data must be larger than 0 and less than 512000 bytes")]
    BadSize,
    #[error("{driver}: unknown secret driver: only file")]
    UnknownDriver { driver: String },
    #[error("invalid label {value:?}: expected KEY=VALUE")]
    InvalidLabel { value: String },
    #[error("option {value} invalid: parsing secret")]
    InvalidOption { value: String },
    #[error("type {value} is invalid: parsing secret")]
    InvalidType { value: String },
    #[error("{key} {value:?} is invalid: parsing secret")]
    InvalidNumber { key: &'static str, value: String },
    #[error("{key} option is only valid for mount secrets: parsing secret")]
    MountOnly { key: &'static str },
}

fn secrets(ctx: &Context) -> Secrets {
    Secrets::new(ctx.paths.graph_root.join("secrets"))
}

/// Whether `name` is a valid secret name (podman's rule).
pub fn valid_name(name: &str) -> bool {
    let alnum = |b: u8| b.is_ascii_alphanumeric();
    !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| alnum(b) || b"-_.".contains(&b))
        && alnum(name.as_bytes()[0])
        && alnum(name.as_bytes()[name.len() - 1])
}

/// `KEY=VALUE` (or `KEY`) labels.
pub fn parse_labels(texts: &[String]) -> Result<BTreeMap<String, String>, Error> {
    let mut labels = BTreeMap::new();
    for l in texts {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        if k.is_empty() {
            return Err(Error::InvalidLabel { value: l.clone() });
        }
        labels.insert(k.to_owned(), v.to_owned());
    }
    Ok(labels)
}

/// `secret create`: a new secret with `data`.
pub fn create(
    ctx: &Context,
    name: &str,
    driver: &str,
    labels: BTreeMap<String, String>,
    data: &[u8],
) -> Result<SecretRecord, Error> {
    if !valid_name(name) {
        return Err(Error::InvalidName { name: name.to_string() });
    }
    if driver != "file" {
        return Err(Error::UnknownDriver { driver: driver.to_string() });
    }
    if data.is_empty() || data.len() >= MAX_SIZE {
        return Err(Error::BadSize);
    }
    let store = secrets(ctx);
    let _guard = store.lock_exclusive()?;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    let mut id = crate::storage::containers::new_id();
    id.truncate(25);
    let driver_options = BTreeMap::from([("path".to_string(), store.dir().display().to_string())]);
    let rec = SecretRecord {
        id,
        name: name.to_string(),
        driver: driver.to_string(),
        driver_options,
        labels,
        created_at: now.clone(),
        updated_at: now,
    };
    store.add(&rec, data)?;
    Ok(rec)
}

/// Every secret, oldest first.
pub fn list(ctx: &Context) -> Result<Vec<SecretRecord>, Error> {
    let store = secrets(ctx);
    let _guard = store.lock_shared()?;
    Ok(store.list()?)
}

/// The secret named (or with the id, or an id prefix) `key`.
pub fn get(ctx: &Context, key: &str) -> Result<SecretRecord, Error> {
    let store = secrets(ctx);
    let _guard = store.lock_shared()?;
    Ok(store.find(key)?)
}

/// `secret rm`: removes the secret `key`; gives its id.
pub fn remove(ctx: &Context, key: &str) -> Result<String, Error> {
    let store = secrets(ctx);
    let _guard = store.lock_exclusive()?;
    let rec = store.find(key)?;
    store.remove(&rec.id)?;
    Ok(rec.id)
}

/// How a container gets a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub name: String,
    /// `type=env`: an environment variable, else a file.
    pub env: bool,
    pub target: Option<String>,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

impl Use {
    /// Parses `--secret NAME[,type=mount|env][,target=T][,uid=N][,gid=N][,mode=OCTAL]`.
    pub fn parse(text: &str) -> Result<Use, Error> {
        let mut parts = text.split(',');
        let first = parts.next().unwrap_or_default();
        let mut u = Use { name: String::new(), env: false, target: None, uid: 0, gid: 0, mode: 0o444 };
        let (mut uid, mut gid, mut mode) = (None, None, None);
        let mut opts: Vec<&str> = parts.collect();
        if first.contains('=') {
            opts.insert(0, first);
        } else {
            u.name = first.to_string();
        }
        for opt in opts {
            let Some((key, value)) = opt.split_once('=') else {
                return Err(Error::InvalidOption { value: opt.to_string() });
            };
            match key {
                "source" => u.name = value.to_string(),
                "type" => match value {
                    "mount" => u.env = false,
                    "env" => u.env = true,
                    _ => return Err(Error::InvalidType { value: value.to_string() }),
                },
                "target" => u.target = Some(value.to_string()),
                "uid" => uid = Some(number("uid", value, 10)?),
                "gid" => gid = Some(number("gid", value, 10)?),
                "mode" => mode = Some(number("mode", value, 8)?),
                _ => return Err(Error::InvalidOption { value: opt.to_string() }),
            }
        }
        if u.name.is_empty() {
            return Err(Error::InvalidOption { value: text.to_string() });
        }
        if u.env {
            for (key, given) in [("uid", uid.is_some()), ("gid", gid.is_some()), ("mode", mode.is_some())] {
                if given {
                    return Err(Error::MountOnly { key });
                }
            }
        }
        u.uid = uid.unwrap_or(0);
        u.gid = gid.unwrap_or(0);
        u.mode = mode.unwrap_or(0o444);
        Ok(u)
    }

    /// Where the file goes in the container, or the variable's name.
    pub fn destination(&self) -> String {
        let target = self.target.clone().filter(|t| !t.is_empty()).unwrap_or_else(|| self.name.clone());
        if self.env || target.starts_with('/') {
            target
        } else {
            format!("/run/secrets/{target}")
        }
    }
}

fn number(key: &'static str, value: &str, radix: u32) -> Result<u32, Error> {
    u32::from_str_radix(value, radix).map_err(|_| Error::InvalidNumber { key, value: value.to_string() })
}

/// A secret's file for a new container: its destination, data, mode and owner (container ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub destination: String,
    pub data: Vec<u8>,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
}

/// What a new container gets from its `--secret`s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForContainer {
    /// `KEY=VALUE` of the env type.
    pub env: Vec<String>,
    /// The files of the mount type.
    pub files: Vec<File>,
    /// What `inspect` shows (kept in the bundle, see [`save`]).
    pub used: Used,
}

/// The secrets a container was given, as `inspect` shows them: `Config.Secrets` (the mount
/// type's, as podman lists them) and the variable names of the env type, whose values
/// `Config.Env` hides.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Used {
    pub secrets: Vec<serde_json::Value>,
    pub env_names: Vec<String>,
}

/// The file in a container's bundle that keeps its [`Used`].
const USED_FILE: &str = "secrets.json";

/// Keeps `used` in the bundle `bundle` (nothing when the container has no secrets).
pub fn save(bundle: &std::path::Path, used: &Used) -> std::io::Result<()> {
    if used == &Used::default() {
        return Ok(());
    }
    let text = serde_json::to_vec_pretty(used).expect("secret uses serialize");
    super::write_atomic(&bundle.join(USED_FILE), &text)
}

/// The [`Used`] of the container whose bundle is `bundle` (empty without secrets).
pub fn used(bundle: &std::path::Path) -> Used {
    fs_err::read(bundle.join(USED_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// A container's environment (the spec's `process.env`) without the variables of its env-type
/// secrets, as `inspect` shows it.
pub fn hide_env(env: Option<&serde_json::Value>, names: &[String]) -> serde_json::Value {
    let all = env.and_then(serde_json::Value::as_array).cloned().unwrap_or_default();
    let shown = all.into_iter().filter(|e| {
        let key = e.as_str().and_then(|e| e.split('=').next()).unwrap_or_default();
        !names.iter().any(|n| n == key)
    });
    serde_json::Value::Array(shown.collect())
}

/// The environment variables and files a container gets for `uses` (each secret must exist).
pub fn resolve(ctx: &Context, uses: &[Use]) -> Result<ForContainer, Error> {
    let mut out = ForContainer::default();
    if uses.is_empty() {
        return Ok(out);
    }
    let store = secrets(ctx);
    let _guard = store.lock_shared()?;
    for u in uses {
        let rec = store.find(&u.name)?;
        let data = store.data(&rec.id)?;
        if u.env {
            out.env.push(format!("{}={}", u.destination(), String::from_utf8_lossy(&data)));
            out.used.env_names.push(u.destination());
        } else {
            out.used.secrets.push(serde_json::json!({
                "Name": rec.name, "ID": rec.id, "UID": u.uid, "GID": u.gid, "Mode": u.mode,
            }));
            out.files.push(File { destination: u.destination(), data, mode: u.mode, uid: u.uid, gid: u.gid });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_uses_parse_as_podman() {
        let u = Use::parse("tok").unwrap();
        assert_eq!((u.name.as_str(), u.env, u.mode), ("tok", false, 0o444));
        assert_eq!(u.destination(), "/run/secrets/tok");
        let u = Use::parse("tok,type=env,target=TOKEN").unwrap();
        assert!(u.env);
        assert_eq!(u.destination(), "TOKEN");
        let u = Use::parse("tok,target=/etc/x,mode=0400,uid=0").unwrap();
        assert_eq!((u.destination().as_str(), u.mode), ("/etc/x", 0o400));
        assert_eq!(Use::parse("tok,target=y").unwrap().destination(), "/run/secrets/y");
        assert_eq!(
            Use::parse("tok,type=bogus").unwrap_err().to_string(),
            "type bogus is invalid: parsing secret"
        );
        assert_eq!(
            Use::parse("tok,foo=bar").unwrap_err().to_string(),
            "option foo=bar invalid: parsing secret"
        );
        assert!(Use::parse("tok,mode=9").is_err());
        assert!(Use::parse("tok,type=env,mode=0400").is_err());
    }

    #[test]
    fn secret_names_follow_podman() {
        for good in ["a", "my-secret.1", "A_b"] {
            assert!(valid_name(good), "{good}");
        }
        for bad in ["", "bad/name", "-a", "a-", &"a".repeat(65)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
